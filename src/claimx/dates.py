"""When: find temporal expressions and normalise them to TimeML TIMEX3 values.

Detection (:func:`detect`) needs a parsed Doc: spaCy's DATE/TIME entities plus
our own patterns for what the model misses ("now", "recently", quarters,
seasons, "for weeks"), each with the tense of the verb that governs it.
Normalisation (:func:`normalise`) is pure: an expression, a reference date and
a tense give a value such as ``2025-08-17``, ``2025-08``, ``2025-W33``,
``2025-Q3``, ``P2W`` or ``PRESENT_REF``, or ``None`` where it cannot be
resolved. :func:`infer_reference_date` finds the article's date in its text.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimx.lexicon import date_patterns

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# heads of "X is due to / set to / expected to / plans to <verb>": future
PLANNING = {"plan", "schedule", "slate", "set", "call"}  # verbs whose object happens later
FUTURE_HEADS = {"due", "set", "expect", "plan", "schedule", "go", "intend", "poise", "slate"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

_MONTH_RE = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY_RE = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tue\.|Tues\.|Wed\.|"
    r"Thu\.|Thurs\.|Fri\.|Sat\.|Sun\.)"
)
# what the NER misses, from data/date_patterns.tsv (compiled once): names
# and numbers as written ("Late Monday", "Q4 2012"), then words in any case
# ("now", "for weeks")
_FALLBACK = re.compile("|".join(date_patterns()["c"]))
_EXTRA = re.compile(rf"(?<!\w)(?:{'|'.join(date_patterns()['i'])})(?!\w)", re.IGNORECASE)
# a bare year after a preposition ("in 1996", "between 1994 and 1997")
_YEAR = re.compile(
    r"\b(?:in|since|of|by|until|till|from|before|after|during|between|and|to|through|around|early|late|mid)\s"
    r"((?:1[6-9]\d\d|20\d\d))(?![\d,.]\d)(?!\s*(?:%|percent|people|troops|votes|members))",
    re.IGNORECASE,
)
_NOT_DATES = {"annual", "quarterly", "biannual", "semiannual", "year-end", "former", "seasonal"}
_AGE = re.compile(r"\b(?:\d+|[a-z]+)[- ](?:year|month|week|day)s?[- ]old\b|\bage(?:d|s)?\b", re.IGNORECASE)
_DATELINE_WEEKDAY = re.compile(
    rf"\b(?P<wd>{_WEEKDAY_RE})\s*[,(]?\s*(?:(?P<m1>{_MONTH_RE})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE}))\b"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    tense: str  # past | present | future
    head: int  # token index of the verb it attaches to (-1 when none)
    quarterly: bool = False  # its sentence reports on a quarter ("... from $3 million a year ago")
    figures: bool = False  # its sentence reports results ("net income rose to $3 million from $2 million a year ago")


def _month(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def infer_reference_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """A weekday written beside a day and month pins the year: the latest year,
    not after ``today``, in which that day was that weekday."""
    today = today or dt.date.today()
    for m in _DATELINE_WEEKDAY.finditer(text[:3000]):
        weekday = WEEKDAYS[m.group("wd").lower().rstrip(".")]
        month = _month(m.group("m1") or m.group("m2"))
        day = int(m.group("d1") or m.group("d2"))
        if month is None:
            continue
        for year in range(today.year, today.year - 28, -1):
            try:
                d = dt.date(year, month, day)
            except ValueError:
                break
            if d <= today and d.weekday() == weekday:
                return d
    return None


def _had(tok: Token) -> bool:
    """Whether ``tok`` (or the verb its adjective hangs on: "had been due")
    is in the past perfect."""
    for t in (tok, tok.head):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in t.children):
            return True
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acomp", "xcomp"):
            break
    return False


def _governor(tok: Token) -> Token:
    """The token whose tense dates ``tok``: itself, or, for a date the parser
    hung on a reported clause although it stands before that clause's
    subject, the verb reporting it ("said on Friday they will resume talks")."""
    attach = tok.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok
    verb = attach.head
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.i < tok.i:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and tok.i < subj.i:
            return verb.head
    return tok


def _tense(tok: Token) -> tuple[str, int]:
    """Tense of the verb governing ``tok`` (walks up the tree)."""
    cur = tok
    intended = False  # under a to-infinitive: "agreed to buy it in February"
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX"):
            kids = [c for c in cur.children if c.dep_ in ("aux", "auxpass")]
            words = {c.lower_ for c in kids}
            if words & {"will", "'ll", "shall", "’ll", "would", "’d", "'d"}:
                return "future", cur.i
            if "to" in words and (cur.head.lemma_ in FUTURE_HEADS or cur.head.lemma_ == "be"):  # "is to resume"
                # ... unless the plan was already past: "had been due to expire Friday"
                return ("past" if _had(cur.head) else "future"), cur.i
            intended = intended or "to" in words
            if cur.lemma_ in PLANNING and cur.i < tok.i:
                return "future", cur.i  # "planned a rally on Saturday", "scheduled a news conference Thursday"
            if cur.tag_ == "VBN" and not kids and cur.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in ("unless", "if", "until", "once", "when") for c in cur.children
            ):
                pass  # "unless renewed by Dec. 31": a participle has no tense; its clause's verb has
            elif cur.tag_ in ("VBD", "VBN") or words & {"had", "did", "was", "were"}:
                return ("intended" if intended else "past"), cur.i
            if cur.tag_ == "VBG" and words & {"is", "are", "am", "'s", "’s"}:
                return "future", cur.i  # "is coming on Monday"
            if cur.lemma_ in FUTURE_HEADS and any(
                c.dep_ in ("xcomp", "acomp") for c in cur.children
            ):
                return "future", cur.i
            if cur.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am"}:
                return "present", cur.i
            if cur.lemma_ == "due":
                return "future", cur.i
        if cur.lemma_ == "due" or cur.lower_ in ("next", "upcoming", "coming"):
            return "future", cur.i
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return "past", -1


_MAY_MONTH = re.compile(r"(?:\b(?:in|since|until|by|early|late|mid|last|next|this|of)\s+May\b|\bMay\s+\d)")
_EVERY_BEFORE = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)
_EVERY_WHAT = re.compile(rf"(?:{_WEEKDAY_RE}|{_MONTH_RE}|(?:\w+\s+)?(?:day|week|month|year|hour)s?)")
_WEEKDAY_THEN = re.compile(rf"{_WEEKDAY_RE}(?=,\s+(?!{_MONTH_RE}))")
_DAY_NAMED = re.compile(rf"{_WEEKDAY_RE}|{_MONTH_RE}|today|yesterday|tomorrow", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:this|last|next|that)\s+$", re.I)
_BARE_UNIT = re.compile(r"(?:week|month|year|quarter)", re.I)
_CLOCK_BEFORE = re.compile(r"(?:\bnoon|\bmidnight|\b\d{1,2}(?::\d\d)?\s*[ap]\.m\.(?:\s+[A-Z]{2,4})?),?\s+$")
_ZONE_AFTER = re.compile(r"\s+(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T)\b")
_CLOCK_END = re.compile(r"(?:noon|midnight|[ap]\.m\.(?:\s+[A-Z]{2,4})?)$")
_DAY_AFTER = re.compile(rf",?\s+(?:on\s+)?(?:(?:{_MONTH_RE})\.?\s+\d{{1,2}}\b|{_WEEKDAY_RE}|today|yesterday|tomorrow)")
_DAY_WORD = re.compile(rf"(?:{_WEEKDAY_RE}|today|yesterday|tomorrow)$", re.I)
_PART_OF_DAY = re.compile(r"(?:morning|afternoon|evening|night)", re.I)
_AHEAD = re.compile(r"(?:\bas\s+(?:soon|early|late)\s+as|\beffective)\s+$", re.I)
_UNTIL = re.compile(r"\b(?:until|till)\s+$", re.I)
# verbs that put something off to a later time: "postponed until Tuesday"
DEFERRING = {"postpone", "delay", "defer", "adjourn", "extend", "put", "push", "recess", "give", "grant", "suspend"}


def _defers(verb: Token, tense: str) -> bool:
    """Whether "until <date>" on ``verb`` points ahead: a verb of putting off
    ("postponed until Tuesday", "has given them until 9 a.m. Tuesday"), or
    one in the present ("the talks run until Friday")."""
    return tense != "past" or verb.lemma_ in DEFERRING or any(
        c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children
    )


_QUARTERLY = re.compile(r"\bquarter", re.I)
_FIGURES = re.compile(
    r"\b(?:net|income|earnings|profits?|revenues?|sales|loss|a share|per share)\b|\$\s?\d", re.I
)


_POINT = rf"(?:(?:{_MONTH_RE})\.?(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{4}}|{_WEEKDAY_RE}|today|tomorrow|yesterday)"
# two points in one entity: "between 1994 and 1997", "1991 to 1997", "the
# year ended Sept. 30" (TimeML marks each on its own)
_RANGE = re.compile(rf"(?:between\s+|from\s+)?({_POINT})\s*(?:and|to|through|until|-|–)\s*({_POINT})", re.I)
# "April 24 and 25": two days of one month (the second takes the first's month);
# with a year after them ("Jan. 30 and 31, 1998") one expression, the first day
_DAYS = rf"((?:{_MONTH_RE})\.?\s+\d{{1,2}})\s*(?:and|&|or|-|–)\s*(\d{{1,2}})"
_DAY_PAIR = re.compile(_DAYS, re.I)
_DAYS_OF_YEAR = re.compile(rf"^{_DAYS}(,\s+\d{{4}})$", re.I)
_AM_PM_END = re.compile(r"[ap]\.m\.$")
_DAY_OF_MONTH = re.compile(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?")
_COUNT_RANGE = re.compile(r"\s(?:to|or)\s")
_TWO_QUARTERS = re.compile(r"\b(first|last|final|second)\s+two\s+quarters\b", re.I)
_ENDED = re.compile(rf"(.+?)\s+(?:ended|ending|that\s+ended|which\s+ended|through)\s+({_POINT})", re.I)
# "the first nine months of 1997": a stretch of several units, then the year it lies in
_PART_OF = re.compile(
    r"((?:the\s+)?(?:first|last|past|final)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+"
    r"(?:months|weeks|days))\s+of\s+((?:the\s+|this\s+|last\s+)?(?:year|\d{4}|fiscal\s+\d{4}))",
    re.I,
)


_DATE_THEN = re.compile(
    rf"(?:{_WEEKDAY_RE},?\s+)?{_MONTH_RE}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s+\d{{4}})?(?=(?:,|\s+and)\s+(?!{_POINT}|\d))"
)
_YEAR_LIST = re.compile(r"(?:1[6-9]|20)\d\d(?:,\s*(?:and\s+)?(?:1[6-9]|20)\d\d)+(?:,?\s+and)?|(?:1[6-9]|20)\d\d,?\s+and")


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """One entity, or its two date expressions when it names two."""
    s = text[start:end]
    if _YEAR_LIST.fullmatch(s):  # "1994, 1995 and": a year each
        return [(start + y.start(), start + y.end()) for y in re.finditer(r"\d{4}", s)]
    m = _RANGE.fullmatch(s) or _DAY_PAIR.fullmatch(s) or _ENDED.fullmatch(s) or _PART_OF.fullmatch(s)
    if not m:
        return [(start, end)]
    return [(start + m.start(1), start + m.end(1)), (start + m.start(2), start + m.end(2))]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


_AGE_DECADE = re.compile(r"\b(?:his|her|their|its|my|your|our)\s+(?:early\s+|mid-?\s*|late\s+)?(?:\d0|\w+tie)s$", re.I)


# the rest of a title up to its closing quotation mark: "This Week With David Brinkley"
_TITLE_CLOSES = re.compile(r"(?:\s+(?:[A-Z][\w'.-]*|with|of|the|and|in|on|for|a|an|to))*[,.]?\s*(?:[\"”’']|'')")
_HEADLINE_LOWER = {"a", "an", "the", "in", "of", "on", "at", "to", "for", "by", "with", "as", "or", "and", "but", "from"}


def _misread(doc_text: str, span: Span, sent: Span) -> bool:
    """A date the NER found that is something else: a title ("ABC's “This
    Week”", "VOA Today", "60 Minutes"), a greeting ("Good evening"), a name
    ("the annual March for Life"), an age ("in his 30s"). ``doc_text`` is the
    Doc's text (``Doc.text`` rebuilds it on every access)."""
    text = span.text
    before = doc_text[max(0, span.start_char - 20) : span.start_char]
    after = doc_text[span.end_char : span.end_char + 30]
    words = re.findall(r"[A-Za-z]+", text)
    titled = words and all(w[0].isupper() for w in words) and any(len(w) > 2 and w[1:].islower() for w in words)
    if titled and not _CALENDAR_NAME.search(text) and span.start != sent.start:
        # not a headline in capitals ("Profits Rise in the Third Quarter")
        prose = any(t.is_alpha and t.is_lower and t.lower_ not in _HEADLINE_LOWER for t in sent)
        # after an opening quotation mark, colon or bracket a sentence may start,
        # unless the quotation closes on it ("“This Week,” said Baker)
        opens = re.search(r"(?:[\"“‘'`(:—]|--)\s*$", before) is not None and not _TITLE_CLOSES.match(after)
        if prose and not opens:
            return True  # capitals in the middle of a sentence: a title
    if re.search(r"\bgood\s+$", before, re.I) and _PART_OF_DAY.fullmatch(text):
        return True
    if re.fullmatch(_MONTH_RE, text) and re.match(r"\s+(?:for|of)\s+[A-Z]", after):
        return True
    return _AGE_DECADE.search(before + text) is not None


def detect(doc: Doc) -> list[DateMention]:
    """Temporal expressions in a parsed Doc, in reading order, without overlaps."""
    text = doc.text
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = ent.start_char, ent.end_char
        s = text[start:end]
        if _AGE.search(s) or not re.search(r"\w", s):
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?%?", s) and not re.fullmatch(r"1[6-9]\d\d|20\d\d", s):
            continue
        if s.lower() in _NOT_DATES or (s.lower() == "may" and not _MAY_MONTH.search(text, max(0, start - 12), end + 6)):
            continue
        # "Monday’s meetings": keep the possessive out
        if s.endswith(("’s", "'s")):
            end -= 2
        # "Monday, days after ...": the NER ran two expressions together
        cut = _WEEKDAY_THEN.match(text[start:end])
        if cut:
            end = start + cut.end()
        # "This year" that the NER cut to "year"; "noon Saturday" cut to "Saturday"
        before = _DETERMINER_BEFORE.search(text, max(0, start - 6), start)
        if before and _BARE_UNIT.fullmatch(text[start:end]):
            start = before.start()
        # "each Thursday", "every July": a set, which the NER leaves out
        before = _EVERY_BEFORE.search(text, max(0, start - 7), start)
        if before and _EVERY_WHAT.fullmatch(text[start:end]):
            start = before.start()  # ... and "every two weeks"
        before = _CLOCK_BEFORE.search(text, max(0, start - 20), start)
        if before and _DAY_NAMED.match(text[start:end]):
            start = before.start()
        zone = _ZONE_AFTER.match(text, end)
        if zone and _AM_PM_END.search(text, start, end):
            end = zone.end()  # "10:30 a.m." + " ET"
        after = _DAY_AFTER.match(text, end)
        if after and _CLOCK_END.search(text, start, end):
            end = after.end()  # "5 p.m. EST, Nov. 6"
        # "Feb. 3 and last three days", "Jan. 7, hours after": a date the NER
        # ran on into words that are no second one
        cut = _DATE_THEN.match(text, start, end)
        if cut:
            end = cut.end()
        # "between now and": the connectives of a range are not part of either end
        trim = re.search(r"\s+(?:and|to|or|through|until)$", text[start:end])
        if trim and text[start : start + trim.start()].strip():
            end = start + trim.start()
        lead = re.match(r"(?:between|from)\s+", text[start:end], re.I)
        if lead and lead.end() < end - start:
            start += lead.end()
        if spans and re.search(r"\sof$", text[spans[-1][0] : spans[-1][1]]) and spans[-1][1] + 1 == start:
            start = spans.pop()[0]  # "the night of" + "Friday, Oct. 23": the NER's two halves of one
        spans.extend(_split(text, start, end))
    for m in _YEAR.finditer(text):
        start, end = m.span(1)
        if not _overlaps(spans, start, end):
            spans.append((start, end))
    for m in _HOLIDAY.finditer(text):
        if not _overlaps(spans, *m.span()):
            spans.append(m.span())
    for m in _FALLBACK.finditer(text):  # what the NER missed: "Late Monday", "the Aug. 7 bombings", "5 1/2 hours"
        if _AGE.match(text, m.start(), m.end() + 6):
            continue
        inside = [(s, e) for s, e in spans if s < m.end() and m.start() < e]
        if all(m.start() <= s and e <= m.end() for s, e in inside):
            # (or what it cut short: "night" of "late Tuesday night")
            spans = [sp for sp in spans if sp not in inside]
            spans.append(m.span())
    for m in _EXTRA.finditer(text):
        start, end = m.span()
        if m.group(0).lower().startswith(("for ", "in ")):
            start = m.start() + m.group(0).index(" ") + 1
        if not _overlaps(spans, start, end):
            spans.append((start, end))
    spans.sort()
    # one date written twice: "Sunday (August 17)", "Sunday, August 17"
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and re.fullmatch(_WEEKDAY_RE, text[merged[-1][0] : merged[-1][1]]):
            gap = text[merged[-1][1] : start]
            if re.fullmatch(r",?\s*\(?", gap) and re.match(_MONTH_RE + r"|\d", text[start:end]):
                if gap.strip().startswith("(") and text[end : end + 1] == ")":
                    end += 1
                merged[-1] = (merged[-1][0], end)
                continue
        # "Thursday night", "Tuesday morning": one time, whether or not the
        # NER cut it in two
        if merged and _DAY_WORD.search(text[merged[-1][0] : merged[-1][1]]) and re.fullmatch(
            r"\s+", text[merged[-1][1] : start]
        ) and _PART_OF_DAY.fullmatch(text[start:end]):
            merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    out: list[DateMention] = []
    sents = list(doc.sents)  # Span.sent walks the Doc's sentences on every call
    sent_starts = [s.start for s in sents]
    for start, end in merged:
        if out and start < out[-1].end:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        sentence = sents[bisect_right(sent_starts, span.start) - 1]
        if _misread(text, span, sentence):
            continue
        tense, head = _tense(_governor(span.root))
        if _AHEAD.search(text, max(0, start - 16), start) or (
            _UNTIL.search(text, max(0, start - 8), start) and head >= 0 and _defers(doc[head], tense)
        ):
            tense = "future"  # "as soon as Tuesday", "effective Feb. 1", "postponed until Tuesday"
        sent = sentence.text
        quarterly = _QUARTERLY.search(sent) is not None
        out.append(DateMention(start, end, tense, head, quarterly, _FIGURES.search(sent) is not None))
    return out


# ---------------------------------------------------------------------------
# normalisation (pure)

_NUM_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_VAGUE_COUNT = {"a few", "few", "several", "many", "some", "a number of", "numerous", "countless", "recent",
                "the past few", "the last few", "the next few", "coming", "the coming", "the last several",
                "the past several"}
_DURATION_MODIFIERS = re.compile(
    r"^(?:(?:nearly|almost|about|around|approximately|roughly|more\s+than|less\s+than|fewer\s+than|up\s+to|"
    r"no\s+more\s+than|no\s+less\s+than|at\s+least|at\s+most|barely|just|only|over|under|some|well\s+over|"
    r"another|an\s+additional|the\s+better\s+part\s+of|the\s+last|the\s+past|the\s+next|the\s+first|"
    r"the\s+final|the\s+previous|the\s+following|the\s+coming|the\s+entire|the\s+whole|a\s+full|a\s+further|"
    r"all|for|in|within|after|during|the|a|an)\s+)+"
)
_UNIT_WORD = r"(second|minute|hour|day|night|week|weekend|month|year|decade|centur(?:y|ie)|quarter|fortnight)s?"


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"




def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def parse_number(words: str) -> float | None:
    """"twenty four" -> 24, "a hundred" -> 100, "2 1/2" -> 2.5, "a couple of" -> 2."""
    w = words.lower().replace("-", " ").replace(",", "").strip()
    if not w:
        return None
    if w in ("a", "an", "one", "a single", "single"):
        return 1
    if w in ("a couple of", "couple of", "a couple", "a pair of"):
        return 2
    if w in ("a dozen", "dozen"):
        return 12
    if w in ("half a", "half an", "a half"):
        return 0.5
    m = re.fullmatch(r"(\d+)\s+(\d)/(\d)", w)
    if m:
        return int(m.group(1)) + int(m.group(2)) / int(m.group(3))
    try:
        return float(w)
    except ValueError:
        pass
    total, current = 0.0, 0.0
    seen = False
    for tok in w.split():
        if tok in ("a", "an") and not seen:
            current = 1
            seen = True
        elif tok in _NUM_WORDS:
            current += _NUM_WORDS[tok]
            seen = True
        elif tok in _SCALES:
            current = max(current, 1) * _SCALES[tok]
            if tok != "hundred":
                total += current
                current = 0
            seen = True
        elif tok == "and":
            continue
        else:
            return None
    return total + current if seen else None


def spoken_year(words: str) -> int | None:
    """"nineteen ninety-six" -> 1996."""
    parts = words.lower().replace("-", " ").split()
    if parts[:2] == ["two", "thousand"]:  # "two thousand", "two thousand and four"
        rest = parse_number(" ".join(p for p in parts[2:] if p != "and")) if parts[2:] else 0
        return 2000 + int(rest) if rest is not None and 0 <= rest < 100 and rest == int(rest) else None
    if len(parts) >= 2 and parts[0] in _NUM_WORDS and 10 <= _NUM_WORDS[parts[0]] <= 20:
        rest = parse_number(" ".join(parts[1:]))
        if rest is not None and 0 <= rest < 100 and rest == int(rest):
            return _NUM_WORDS[parts[0]] * 100 + int(rest)
    return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _duration(low: str) -> str | None:
    """TIMEX3 duration for "two years", "nearly forty years", "a few minutes", "weeks"."""
    s = re.sub(r"[- ]long$", "", low)
    s = re.sub(r"^(?:a\s+)?(half|quarter)[- ]century$", lambda m: "50 years" if m.group(1) == "half" else "25 years", s)
    s = re.sub(r"\s+(?:trading|business|working|calendar|school|consecutive|straight|more|additional|extra)(?=\s+\w+$)", "", s)
    s = re.sub(r"(?<=\w)-(?=\w)", " ", s)
    m = re.fullmatch(rf"(.*?)\s*{_UNIT_WORD}(?:\s+and\s+a\s+half)?", s)
    if not m:
        return None
    count_words = _DURATION_MODIFIERS.sub("", m.group(1) + " ").strip() if m.group(1) else ""
    unit_word = m.group(2)
    plural = s.rstrip().endswith("s") and not s.endswith("and a half")
    unit = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
            "weekend": "WE", "month": "M", "year": "Y", "decade": "DE", "quarter": "Q",
            "fortnight": "W"}.get(unit_word, "CE" if unit_word.startswith("centur") else "X")
    if count_words in _VAGUE_COUNT or (not count_words and plural) or _COUNT_RANGE.search(count_words):
        n: float | None = None  # ("12 to 18 months": a stretch of months)
    elif not count_words:
        n = 1
    else:
        n = parse_number(count_words)
        if n is None:
            return None
    if n is not None and "and a half" in s:
        n += 0.5
    if unit_word == "fortnight" and n is not None:
        n *= 2
    if unit == "CE" and n is not None and not float(n).is_integer():
        unit, n = "Y", n * 100  # "half a century": P50Y
    if unit == "DE" and n is not None:
        unit, n = "Y", n * 10
    if n is not None and not float(n).is_integer():
        # 2.5 years -> P2Y6M, 1.5 minutes -> PT1M30S
        whole, frac = int(n), n - int(n)
        sub = {"Y": ("M", 12), "M": ("D", 30), "D": ("H", 24), "H": ("M", 60), "W": ("D", 7)}.get(unit)
        if unit == "M" and unit_word == "minute":
            sub = ("S", 60)
        if sub:
            part = f"{whole}{unit}" if whole else ""
            tail = f"{int(round(frac * sub[1]))}{sub[0]}"
            prefix = "PT" if unit_word in ("hour", "minute", "second") else "P"
            if prefix == "P" and sub[0] == "H":
                return f"P{part}T{tail}"
            return f"{prefix}{part}{tail}"
    n_str = "X" if n is None else _fmt_num(n)
    prefix = "PT" if unit_word in ("hour", "minute", "second") else "P"
    return f"{prefix}{n_str}{unit}"


def _year_for(month: int, day: int | None, ref: dt.date, tense: str) -> int:
    """The year of a month(/day) given without one: the reference year,
    unless the tense points more than a couple of months the other way."""
    try:
        same = dt.date(ref.year, month, min(day or 15, 28) if day is None else day)
    except ValueError:
        return ref.year
    days = (same - ref).days
    if tense == "past" and days > 90:
        return ref.year - 1
    if tense == "future" and days < -90:
        return ref.year + 1
    if days > 240 and tense != "future":
        return ref.year - 1
    if days < -240 and tense != "past":
        return ref.year + 1
    return ref.year


_RE_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_RE_MDY = re.compile(rf"(?:{_WEEKDAY_RE},?\s+)?({_MONTH_RE})\s+(\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?", re.I)
_RE_DMY = re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})(?:,?\s+(\d{{4}}))?", re.I)
_RE_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2,4})")
_RE_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\.?", re.I)
_WEEKDAY_WORD = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"


def _weekday_date(wd: int, ref: dt.date, tense: str, mod: str | None = None) -> dt.date:
    delta = (wd - ref.weekday()) % 7  # days forward to the next such weekday (0 = today)
    if mod == "next":
        return ref + dt.timedelta(days=delta or 7)
    if mod == "last":
        return ref - dt.timedelta(days=(7 - delta) % 7 or 7)
    if tense == "future":
        return ref + dt.timedelta(days=delta)
    return ref - dt.timedelta(days=(7 - delta) % 7)


def _month_value(month: int, low: str, ref: dt.date, tense: str) -> str:
    if re.search(r"\b(?:last|previous)\s+year\b", low):
        return f"{ref.year - 1}-{month:02d}"
    if re.search(r"\bnext\s+year\b", low):
        return f"{ref.year + 1}-{month:02d}"
    if re.search(r"\bthis\s+year\b", low) or low.startswith("this "):
        return f"{ref.year}-{month:02d}"
    if low.startswith("last "):
        return f"{ref.year - 1 if month >= ref.month - 1 else ref.year}-{month:02d}"
    if low.startswith("next "):
        return f"{ref.year + 1 if month <= ref.month else ref.year}-{month:02d}"
    return f"{_year_for(month, None, ref, tense)}-{month:02d}"


# holidays: fixed (month, day), or (month, weekday, nth) with nth = -1 for the last
_HOLIDAYS: dict[str, tuple[int, int] | tuple[int, int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "the fourth of july": (7, 4), "fourth of july": (7, 4), "july fourth": (7, 4),
    "halloween": (10, 31), "veterans day": (11, 11), "christmas eve": (12, 24), "christmas day": (12, 25),
    "christmas": (12, 25), "thanksgiving day": (11, 3, 4), "thanksgiving": (11, 3, 4),
    "labor day": (9, 0, 1), "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3),
    "presidents' day": (2, 0, 3), "presidents day": (2, 0, 3), "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3), "election day": (11, 1, 0), "easter": (0, 0, 0), "easter sunday": (0, 0, 0),
    "easter monday": (0, 0, 0), "good friday": (0, 0, 0), "palm sunday": (0, 0, 0),
}
_FROM_EASTER = {"easter monday": 1, "good friday": -2, "palm sunday": -7}
_HOLIDAY_RE = "|".join(sorted((re.escape(h).replace("'", "['’]") for h in _HOLIDAYS), key=len, reverse=True))


# detection: the capitalised names ("Thanksgiving Day"), longest first
_HOLIDAY_NAMES = "|".join(
    re.escape(" ".join(w if w == "of" else w[:1].upper() + w[1:] for w in h.split())).replace("'", "['’]")
    for h in sorted(_HOLIDAYS, key=len, reverse=True)
    if not h.startswith("the ")
)
_HOLIDAY = re.compile(rf"\b(?:(?:last|next|this)\s+)?(?:{_HOLIDAY_NAMES})\b(?!\s+(?:week|season|holidays?|weekend|break))")


# capitalised words a date may be written in (titles are the others: _misread)
_CALENDAR_NAME = re.compile(rf"\b(?:{_MONTH_RE}|{_WEEKDAY_RE}|{_HOLIDAY_NAMES}|Day|Eve|Year|\w+ties)\b")


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _holiday(name: str, year: int) -> dt.date:
    rule = _HOLIDAYS[name]
    if rule == (0, 0, 0):  # moves with Easter: (0, 0, 0) plus the days in _FROM_EASTER
        return _easter(year) + dt.timedelta(days=_FROM_EASTER.get(name, 0))
    if len(rule) == 2:
        return dt.date(year, rule[0], rule[1])
    month, weekday, nth = rule
    if name == "election day":  # the Tuesday after the first Monday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(0 - first.weekday()) % 7 + 1)
    if nth == -1:
        last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _holiday_value(low: str, ref: dt.date, tense: str) -> str | None:
    m = re.fullmatch(rf"(?:(last|next|this)\s+)?({_HOLIDAY_RE})(?:\s+(\d{{4}}))?", low.replace("’", "'"))
    if not m:
        return None
    name = m.group(2)
    if m.group(3):
        return _holiday(name, int(m.group(3))).isoformat()
    this_year = _holiday(name, ref.year)
    which = m.group(1) or ("last" if tense == "past" else "next" if tense == "future" else "")
    if which == "last" and this_year > ref:
        return _holiday(name, ref.year - 1).isoformat()
    if which == "next" and this_year < ref:
        return _holiday(name, ref.year + 1).isoformat()
    return this_year.isoformat()


_YEAR_BACK = re.compile(
    r"(?:(?:a|one)\s+year\s+(?:ago|earlier|before)|last\s+year|(?:the\s+)?year[- ](?:ago|earlier)"
    r"(?:\s+(?:period|quarter|level|figures?|results?))?|(?:the\s+)?(?:same|corresponding|comparable|"
    r"year-(?:ago|earlier))\s+(?:period|quarter)(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year))?|"
    r"last\s+year's\s+(?:period|quarter)|the\s+(?:period|quarter)\s+a\s+year\s+(?:ago|earlier))"
)


_OR_SO = re.compile(r"\s+or\s+so\b", re.I)


def normalise(
    expr: str,
    ref: dt.date | None,
    tense: str = "past",
    quarter: str | None = None,
    previous: str | None = None,
) -> tuple[str | None, str]:
    """TIMEX3 ``(value, kind)`` for one expression; kind is date|time|duration|set.

    ``quarter`` is the quarter its sentence reports on ("1989-Q3"), if any:
    in "profit rose to $5 million from $3 million a year ago" the year ago is
    that quarter of the year before, as TimeML annotates it. ``previous`` is
    the value of the last calendar date the text named before ``expr``:
    "that day", "the following year", "the previous Friday" count from it.
    When the whole expression does not parse, its shorter tails are tried
    ("coup d'etat last year" -> "last year")."""
    expr = _OR_SO.sub("", expr)  # "the next year or so", "a week or so ago": the same, loosely
    low = " ".join(expr.lower().split()).strip(" .,;:")
    if quarter is not None and _year_back(low):
        return f"{int(quarter[:4]) - 1}{quarter[4:]}", "date"
    # (with no date named before, the reference date is the one to count from)
    since = previous or (ref.isoformat() if ref is not None else None)
    if since is not None and (told := anaphoric(low, since)) is not None:
        return told
    m = re.fullmatch(r"(?:the|its|their)\s+(\d{4})\s+(?:fiscal\s+)?(?:quarter|period)", low)
    reported = quarter or (reported_quarter(ref) if ref is not None else None)
    if m and reported:
        # "the 1988 quarter": the quarter reported on, in that year
        return f"{m.group(1)}{reported[4:]}", "date"
    if re.fullmatch(r"(?:the\s+)?year[- ](?:ago|earlier)", low) and ref is not None:
        return str(ref.year - 1), "date"
    words = expr.split()
    result = _normalise(expr, ref, tense)
    for i in range(1, min(len(words), 4)):
        if result[0] is not None:
            break
        tail = _normalise(" ".join(words[i:]), ref, tense)
        if tail[0] is not None:
            result = tail
    return result


_CALENDAR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q(\d))?(?:T.*)?")
_THAT = r"(?:(?:earlier|later|early|late)\s+(?:in\s+)?)?(?:that|the\s+same|that\s+same)"
# "the day", "late in the day": the day named before
_THE_DAY = re.compile(r"(?:(?:early|late|earlier|later)\s+in\s+)?the\s+(?P<which>)(?P<unit>day)")
_STEP = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}
_ANAPHOR = re.compile(
    rf"(?:{_THAT}|the\s+(?P<which>next|following|previous|preceding|prior))\s+"
    rf"(?P<unit>day|morning|afternoon|evening|night|week|month|quarter|year|{_WEEKDAY_WORD[1:-1]})"
)


# what may stand around a bare clock time: "about 10:35 a.m. EST"
_CLOCK_AROUND = re.compile(
    r"^(?:about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+|\s+(?:[a-z]{2,4})$"
)


def is_calendar(value: str | None) -> bool:
    """Whether ``value`` is a stretch of the calendar an anaphor can count
    from ("2025-08-17", "2025-08", "1988-Q2", "1995"; not "P2W" or "PAST_REF")."""
    return value is not None and _CALENDAR.fullmatch(value) is not None


def anaphoric(low: str, previous: str) -> tuple[str, str] | None:
    """An expression that counts from the date named before it ("that day",
    "later that year", "the following month", "the previous Friday"), given
    that date's value; None when ``low`` is no such expression or
    ``previous`` is too coarse for it (a day counted from a year)."""
    low = re.sub(r"^(?:on|in|at|by|during|of|for)\s+", "", low)
    c = _CALENDAR.fullmatch(previous)
    if c is None:
        return None
    pair = _DAY_OF_MONTH.fullmatch(low)
    if pair and c.group(2):
        # "25" of "April 24 and 25", "the 20th": a day of the month named before
        try:
            return dt.date(int(c.group(1)), int(c.group(2)), int(pair.group(1))).isoformat(), "date"
        except ValueError:
            return None
    bare = _CLOCK_AROUND.sub("", low)
    clock = _RE_TIME.fullmatch(bare) or re.fullmatch(r"(noon|midnight|midday)", bare)
    if clock:  # "at 10:35 a.m.": on the day named before
        return (f"{previous[:10]}T{_clock(clock)}", "time") if c.group(3) else None
    m = _ANAPHOR.fullmatch(low) or _THE_DAY.fullmatch(low)
    if m is None:
        return None
    step = _STEP.get(m.group("which") or "", 0)
    unit = m.group("unit")
    year, month, day, quarter = int(c.group(1)), c.group(2), c.group(3), c.group(4)
    if unit == "year":
        return str(year + step), "date"
    if unit == "quarter":
        if quarter is None and month is None:
            return None
        q = int(quarter) if quarter else (int(month) - 1) // 3 + 1
        q += step
        return f"{year + (q - 1) // 4}-Q{(q - 1) % 4 + 1}", "date"
    if month is None:
        return None
    if unit == "month":
        y, mo = _shift_month(year, int(month), step)
        return f"{y}-{mo:02d}", "date"
    if day is None:
        return None
    d = dt.date(year, int(month), int(day))
    if unit == "week":
        return _iso_week(d + dt.timedelta(weeks=step)), "date"
    if unit in WEEKDAYS:
        if not step:
            return None  # "that Friday": no count from the date before
        return _weekday_date(WEEKDAYS[unit], d, "future" if step > 0 else "past", "next" if step > 0 else "last").isoformat(), "date"
    d += dt.timedelta(days=step)
    if unit in PARTS_OF_DAY:
        return f"{d.isoformat()}T{PARTS_OF_DAY[unit]}", "time"
    return d.isoformat(), "date"


_SPOKEN_CLOCK = re.compile(r"\b(\d{1,2}(?::\d\d)?)(?:\s+o'clock)?\s+(?:in\s+the\s+(morning|afternoon|evening)|at\s+(night))\b")


def _normalise(expr: str, ref: dt.date | None, tense: str) -> tuple[str | None, str]:
    s = " ".join(expr.replace("’", "'").split())
    # "Jan. 30 and 31, 1998": the first day, in the year written after the second
    s = _DAYS_OF_YEAR.sub(r"\1\3", s)
    # "the first two quarters of 1990": its first half
    s = _TWO_QUARTERS.sub(lambda m: "first half" if m.group(1).lower() == "first" else "second half", s)
    low = s.lower().strip(" .,;:")
    low = re.sub(r"^(?:on|in|at|by|since|until|from|during|of|for)\s+", "", low)
    low = re.sub(r"^(?:at\s+least|at\s+most|as\s+early\s+as|as\s+late\s+as|no\s+later\s+than|sometime|until|by)\s+", "", low)
    low = re.sub(r"'s$", "", low)
    # "4 in the morning", "9 o'clock at night": a clock time
    low = _SPOKEN_CLOCK.sub(lambda m: f"{m.group(1)} {'a' if m.group(2) == 'morning' else 'p'}.m.", low)

    # sets
    m = re.fullmatch(r"(?:every|each)\s+(?:other\s+)?(.+)", low)
    if m or low in ("daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly"):
        rest = m.group(1) if m else low
        # TimeML: a set of whole units is the unit's period ("every day",
        # "daily" -> P1D); a set of named times is that time ("each Thursday")
        simple = {"daily": "P1D", "nightly": "XXXX-XX-XXTNI", "weekly": "P1W",
                  "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
                  "day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y",
                  "night": "XXXX-XX-XXTNI", "morning": "XXXX-XX-XXTMO", "evening": "XXXX-XX-XXTEV"}
        if rest in simple:
            return simple[rest], "set"
        wd = re.fullmatch(_WEEKDAY_WORD, rest)
        if wd:
            return f"XXXX-WXX-{WEEKDAYS[wd.group(1)] + 1}", "set"
        mo = _month(rest)
        if mo:
            return f"XXXX-{mo:02d}", "set"
        dur = _duration(rest)
        return (dur.replace("PX", "P1") if dur else None), "set"

    # vague references
    if low in ("now", "currently", "nowadays", "the moment", "present", "at present", "the present",
               "current", "right now", "today's", "already", "these days", "this time"):
        return "PRESENT_REF", "date"
    if low in ("recently", "the past", "previously", "earlier", "lately", "once", "recent",
               "in the past", "the time", "at the time", "then"):
        return "PAST_REF", "date"
    if low in ("the future", "soon", "future", "later", "in the future", "the coming", "eventually", "a later date",
               "the near future", "the near term", "the short term", "the long term", "as soon as possible"):
        return "FUTURE_REF", "date"
    if re.fullmatch(rf"(?:the\s+)?(?:coming|upcoming)\s+{_UNIT_WORD}", low) and low.endswith("s"):
        return "FUTURE_REF", "date"

    # quarters first: "the third quarter ended Sept. 30" is the quarter
    q = _quarter(low, ref, tense)
    if q is not None:
        return q, "date"

    # "the week of March 6": that date's week; "Easter week": the holiday's,
    # the nearer one
    m = re.fullmatch(r"(?:the\s+)?week\s+of\s+(.+)|(.+?)\s+week", low)
    day = _normalise(m.group(1) or m.group(2), ref, tense)[0] if m else None
    if m and day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):  # ("last week" stops here)
        near = dt.date.fromisoformat(day)
        if m.group(2) and ref:  # a holiday's week: the nearer holiday, whatever the tense
            other = [_normalise(m.group(2), ref, t)[0] for t in ("future", "past")]
            days = [near] + [dt.date.fromisoformat(d) for d in other if d and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d)]
            near = min(days, key=lambda d: abs((d - ref).days))
        return _iso_week(near), "date"

    # absolute dates
    m = _RE_ISO.search(low)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "date"
    m = _RE_SLASH.fullmatch(low)
    if m:
        y = int(m.group(3))
        y = y + 2000 if y < 50 else y + 1900 if y < 100 else y
        return f"{y:04d}-{int(m.group(1)):02d}-{int(m.group(2)):02d}", "date"
    time_m = _RE_TIME.search(low) or re.search(r"\b(noon|midnight|midday)\b", low)
    for rx, mi, di in ((_RE_MDY, 1, 2), (_RE_DMY, 2, 1)):
        m = rx.search(s)
        if m and _month(m.group(mi)):
            month, day = _month(m.group(mi)), int(m.group(di))
            if 1 <= day <= 31:
                year = int(m.group(3)) if m.group(3) else (_year_for(month, day, ref, tense) if ref else None)
                date = f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
                if time_m is None:
                    return date, "date"
                return f"{date}T{_clock(time_m)}", "time"
    # month (+ year)
    m = re.search(rf"\b({_MONTH_RE})\b(?:,?\s+(?:of\s+)?(\d{{4}}))?", s, re.I)
    if m and _month(m.group(1)) and not (m.group(1).lower() == "may" and low.startswith("may ") and not m.group(2)):
        month = _month(m.group(1))
        if m.group(2):
            return f"{m.group(2)}-{month:02d}", "date"
        year_words = re.search(r"(\d{4})", low)
        if year_words:
            return f"{year_words.group(1)}-{month:02d}", "date"
        sy = spoken_year(re.sub(rf"^.*?{m.group(1).lower()}\s+", "", low))
        if sy:
            return f"{sy}-{month:02d}", "date"
        if ref is None:
            return None, "date"
        if re.fullmatch(rf"(?:(?:early|late|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|this|last|next|"
                        rf"early\s+this|late\s+last)\s*-?\s*)?{_MONTH_RE}\.?(?:\s+(?:this|last|next)\s+year)?", low, re.I):
            return _month_value(month, low, ref, tense), "date"
    # decades and centuries
    low = re.sub(r"^(?:the\s+)?(?:first|last|second|latter|early|late)\s+(?:half|part)\s+of\s+(?=the\s+['’]?\d+s$)", "", low)
    m = re.fullmatch(r"(?:the\s+)?(?:early\s+|mid-?|late\s+)?(?:'|’)?(\d{3})0'?s", low)
    if m:
        return m.group(1), "date"
    m = re.fullmatch(r"(?:the\s+)?(?:early\s+|mid-?|late\s+)?'?(\d0)s", low)
    if m:
        return f"19{m.group(1)[0]}", "date"
    m = re.fullmatch(r"(?:the\s+)?(?:early\s+|mid-?|late\s+)?(twen|thir|for|fif|six|seven|eigh|nine)ties", low)
    if m:  # "the nineties": the 1990s
        return "19" + str(["twen", "thir", "for", "fif", "six", "seven", "eigh", "nine"].index(m.group(1)) + 2), "date"
    m = re.fullmatch(r"(?:the|a)?\s*(\d{1,2})(?:st|nd|rd|th)[- ]century", low)
    if m:
        return f"{int(m.group(1)) - 1:02d}", "date"
    m = re.fullmatch(r"(?:the\s+)?(?:year\s+|fiscal\s+(?:year\s+)?|mid-?|early\s+|late\s+|calendar\s+)?'?(\d{4})", low)
    if m:
        return m.group(1), "date"
    m = re.fullmatch(r"(?:the\s+)?(?:fiscal\s+)?(\d{4})\s*[-–/]\s*(\d{2,4})", low)
    if m:
        return m.group(1), "date"
    sy = spoken_year(re.sub(r"^(?:the\s+)?(?:year\s+)?", "", low))
    if sy:
        return str(sy), "date"
    m = re.fullmatch(r"(?:the\s+)?(spring|summer|fall|autumn|winter)\s+of\s+(.+)", low)
    if m:
        year = re.fullmatch(r"\d{4}", m.group(2)) and m.group(2) or spoken_year(m.group(2))
        if year:
            return f"{year}-{SEASONS[m.group(1)]}", "date"

    # ago / earlier / later
    if low.endswith(" later") and (dur := _duration(low[: -len(" later")])):
        return dur, "duration"  # "a minute and a half later"
    m = re.fullmatch(rf"(.*?)\s*{_UNIT_WORD}\s+(ago|earlier|before|later|from\s+now|after|hence)", low)
    if m and ref is not None:
        count = _DURATION_MODIFIERS.sub("", (m.group(1) or "") + " ").strip()
        n = parse_number(count) if count else 1
        unit = m.group(2)
        sign = -1 if m.group(3) in ("ago", "earlier", "before") else 1
        later = m.group(3) == "later" or (m.group(3) == "earlier" and unit in ("second", "minute", "hour", "day"))
        if later and (dur := _duration(low[: m.start(3)].strip())):
            # "three days later", "a day earlier": a stretch that ends where it
            # points, marked as the stretch (TimeML: "later" is a signal)
            return dur, "duration"
        if n is None or count in _VAGUE_COUNT:
            return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "date"
        k = int(n)
        if unit in ("day", "night"):
            return (ref + dt.timedelta(days=sign * k)).isoformat(), "date"
        if unit == "week":
            return _iso_week(ref + dt.timedelta(weeks=sign * k)), "date"
        if unit == "month":
            y, mo = _shift_month(ref.year, ref.month, sign * k)
            return f"{y}-{mo:02d}", "date"
        if unit == "year":
            return str(ref.year + sign * k), "date"
        if unit == "decade":
            return str(ref.year + sign * 10 * k)[:3], "date"
        return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "date"

    # relative days
    rel_day = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
               "the day after tomorrow": 2}
    for phrase, offset in rel_day.items():
        if low == phrase or low.startswith(phrase + " ") or low.endswith(" " + phrase):
            if ref is None:
                return None, "date"
            d = ref + dt.timedelta(days=offset)
            if phrase == "tonight":
                return f"{d.isoformat()}TNI", "time"
            return _on_day(d, low, time_m)
    if low in ("last night", "overnight"):
        return (f"{(ref - dt.timedelta(days=1)).isoformat()}TNI" if ref else None), "time"
    m = re.fullmatch(r"(?:(?:earlier|later)\s+)?(?:this|that|the|in\s+the|mid(?!night))\s*(morning|afternoon|evening|night)", low)
    if m:
        return (f"{ref.isoformat()}T{PARTS_OF_DAY[m.group(1)]}" if ref else None), "time"
    if re.fullmatch(r"(?:earlier|later)\s+(?:in\s+)?the\s+day|(?:that|the\s+same)\s+day|this\s+day", low):
        return (ref.isoformat() if ref else None), "date"

    # holidays
    if ref is not None:
        h = _holiday_value(low, ref, tense)
        if h is not None:
            return h, "date"

    # weekdays
    m = re.search(rf"(?:\b(last|next|this|early|late|earlier|later)\s+)?\b{_WEEKDAY_WORD}\b(?:'s)?", low)
    if m:
        if ref is None:
            return None, "date"
        return _on_day(_weekday_date(WEEKDAYS[m.group(2)], ref, tense, m.group(1)), low, time_m)

    # vague stretches: "recent years", "the past several quarters", "future quarters"
    m = re.fullmatch(rf"(?:the\s+)?(recent|past|last|previous|prior|future)\s+(?:(?:few|several|many)\s+)?{_UNIT_WORD}", low)
    if m and low.endswith("s") and ref is not None:
        if m.group(1) == "recent" and (dur := _duration(m.group(2) + "s")):
            return dur, "duration"  # "recent months": a stretch of some months (PXM), as TimeML marks it
        return ("FUTURE_REF" if m.group(1) == "future" else "PAST_REF"), "date"
    # "the full year", "the current fiscal year": the year itself; "the year" alone is a stretch of one
    if re.fullmatch(r"(?:the\s+)?(?:current|full|fiscal|calendar|current\s+fiscal|full\s+fiscal)\s+year", low):
        return (str(ref.year) if ref else None), "date"
    # "the end of the year", "earlier in the year", "year's end": the year itself
    if re.fullmatch(
        r"(?:(?:the\s+)?(?:end|beginning|start|middle|rest|balance|remainder)\s+of\s+(?:the|this)\s+year|"
        r"(?:earlier|later)\s+in\s+the\s+year|(?:the\s+)?year(?:'s|’s|-|\s)\s*end)",
        low,
    ):
        return (str(ref.year) if ref else None), "date"
    # "the end of the month", "the middle of this week": that month or week
    m = re.fullmatch(r"(?:the\s+)?(?:end|beginning|start|middle|rest|balance|remainder)\s+of\s+(?:the|this)\s+(month|week)", low)
    if m:
        return ((f"{ref.year}-{ref.month:02d}" if m.group(1) == "month" else _iso_week(ref)) if ref else None), "date"
    if low == "the year":
        return "P1Y", "duration"
    if low == "the past year" and ref is not None:
        return str(ref.year - 1), "date"

    low = re.sub(r"^this\s+past\s+(?=week|weekend|month)", "last ", low)  # "this past weekend"
    m = re.fullmatch(r"this\s+past\s+(spring|summer|fall|autumn)", low)
    if m and ref is not None:  # the latest one over by the reference date
        ended = {"spring": 5, "summer": 8, "fall": 11, "autumn": 11}[m.group(1)]
        return f"{ref.year if ref.month > ended else ref.year - 1}-{SEASONS[m.group(1)]}", "date"
    # this/last/next unit
    m = re.fullmatch(r"(this|last|next|past|coming|the\s+past|the\s+coming|the\s+next|the\s+last|the\s+current|"
                     r"earlier\s+this|later\s+this|the\s+previous|the\s+following|a|the)\s+"
                     r"(week|weekend|month|year|spring|summer|fall|autumn|winter|quarter|decade|century)", low)
    if m:
        if ref is None:
            return None, "date"
        which, unit = m.group(1), m.group(2)
        if which in ("the past", "the last", "the coming", "the next", "past", "coming") and unit not in SEASONS:
            if which in ("the last", "the past", "past") and unit == "decade":
                return str(ref.year - 10)[:3], "date"
            return _duration(unit), "duration"
        if which in ("a",):
            return _duration(unit), "duration"
        step = {"last": -1, "next": 1, "the previous": -1, "the following": 1}.get(which, 0)
        if unit == "week":
            return _iso_week(ref + dt.timedelta(weeks=step)), "date"
        if unit == "weekend":
            if which == "the" and (tense == "past" and ref.weekday() <= 4 or tense == "present" and ref.weekday() <= 2):
                step = -1  # "over the weekend": one gone by, unless said on it
            return _iso_week(ref + dt.timedelta(weeks=step)) + "-WE", "date"
        if unit == "month":
            y, mo = _shift_month(ref.year, ref.month, step)
            return f"{y}-{mo:02d}", "date"
        if unit == "year":
            return str(ref.year + step), "date"
        if unit == "quarter":
            q = (ref.month - 1) // 3 + 1 + step
            y = ref.year + (q - 1) // 4
            return f"{y}-Q{(q - 1) % 4 + 1}", "date"
        if unit == "decade":
            return str(ref.year + 10 * step)[:3], "date"
        if unit == "century":
            return f"{ref.year // 100 + step:02d}", "date"
        if unit in SEASONS:
            return f"{ref.year + step}-{SEASONS[unit]}", "date"
    m = re.fullmatch(r"(?:this\s+|last\s+|next\s+|the\s+)?(spring|summer|fall|autumn|winter)(?:\s+of)?(?:\s+(\d{4}))?", low)
    if m:
        year = m.group(2) or (str(ref.year + (1 if low.startswith("next") else -1 if low.startswith("last") else 0)) if ref else None)
        return (f"{year}-{SEASONS[m.group(1)]}" if year else None), "date"

    # times of day
    if time_m:
        day = ref.isoformat() if ref else "XXXX-XX-XX"
        return f"{day}T{_clock(time_m)}", "time"

    # durations
    dur = _duration(low)
    if dur:
        return dur, "duration"
    m = re.fullmatch(rf"(?:the\s+)?{_UNIT_WORD}s\s+ahead", low)
    if m and (dur := _duration(m.group(1) + "s")):
        return dur, "duration"  # "the weeks ahead": some weeks (PXW)
    if low in ("a while", "some time", "a long time", "long", "a lengthy period", "a period"):
        return "PXX", "duration"
    return None, "date"


def _part_year(n: int, unit: str, ref: dt.date, tense: str) -> int:
    """The year of quarter (``unit`` "Q") or half ("H") ``n`` named without
    one: last year's when it is still to come this year and the tense is not
    the future's."""
    current = (ref.month - 1) // 3 + 1 if unit == "Q" else (ref.month - 1) // 6 + 1
    return ref.year - 1 if n > current and tense != "future" else ref.year


def _quarter(low: str, ref: dt.date | None, tense: str) -> str | None:
    """Quarters and halves: "the third quarter", "the 1988 second quarter",
    "the quarter" (the latest one reported), "the year-ago quarter"."""
    m = re.fullmatch(r"(?:the\s+)?(?:(?:fiscal\s+)?(\d{4})\s+)?([qh])([1-4])(?:\s+(?:of\s+)?(?:fiscal\s+)?'?(\d{4}|\d{2}))?", low)
    if m and (m.group(2) == "q" or m.group(3) in "12"):  # "Q3", "Q4 2012", "2013 Q1", "H1"
        year = m.group(1) or m.group(4)
        if year and len(year) == 2:
            year = f"20{year}"
        if year is None and ref is not None:
            year = str(_part_year(int(m.group(3)), m.group(2).upper(), ref, tense))
        return f"{year}-{m.group(2).upper()}{m.group(3)}" if year else None
    m = re.search(r"(first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ](?:fiscal\s+)?(quarter|half)(?:\s+of\s+(\d{4}))?", low)
    if m and not low.startswith(("the past", "the last")) and not re.search(r"\bof\s+the\s+['’]?\d+s$", low):
        n = {"final": 4, "last": 4}.get(m.group(1)) or ORDINALS[m.group(1)]
        unit = "Q"
        if m.group(2) == "half":
            n, unit = (2 if m.group(1) in ("final", "last") else n), "H"
        year_in = m.group(3) or (re.search(r"\b(\d{4})\b", low) or [None, None])[1]
        if year_in:
            return f"{year_in}-{unit}{n}"
        if ref is None:
            return None
        year = _part_year(n, unit, ref, tense)
        if "last year" in low or "previous year" in low or "year-ago" in low or "year-earlier" in low:
            year = ref.year - 1
        elif "next year" in low or "coming year" in low:
            year = ref.year + 1
        return f"{year}-{unit}{n}"
    m = re.fullmatch(r"(?:the|this|its|their)\s+(latest\s+|most\s+recent\s+|current\s+|year-ago\s+|year-earlier\s+)?(quarter|period)", low)
    if m and ref is not None and (m.group(2) == "quarter" or m.group(1)):
        q = (ref.month - 1) // 3 + 1
        year = ref.year
        if tense != "future" and (m.group(1) or "").strip() != "current":
            q -= 1
            if q == 0:
                q, year = 4, year - 1
        if m.group(1) and "year" in m.group(1):
            year -= 1
        return f"{year}-Q{q}"
    return None


_TEMPORAL_WORD = re.compile(
    rf"\d|\b(?:{_MONTH_RE}|{_WEEKDAY_WORD}|{_UNIT_WORD}|morning|afternoon|evening|night|spring|summer|fall|autumn|"
    r"winter|season|now|today|tonight|yesterday|tomorrow|recent|recently|current|currently|past|future|soon|"
    r"later|earlier|ago|eve|noon|midnight|nineties|eighties|seventies|sixties|fifties|forties|thirties|twenties|"
    r"holiday|\w+day)s?\b",
    re.IGNORECASE,
)


def looks_temporal(expr: str) -> bool:
    """Whether an expression the NER called a date has a word of time in it
    ("the nineties", "the next morning"); "Olympic", "as little as 99 cents"
    or "seasonally" without one are not dates at all."""
    return bool(_TEMPORAL_WORD.search(expr)) and not re.fullmatch(r"(?:as\s+)?(?:little|much|many)\s+as\s+.*", expr, re.I)


def reported_quarter(ref: dt.date) -> str:
    """The latest quarter finished by ``ref`` (the one a results story reports on)."""
    q = (ref.month - 1) // 3
    return f"{ref.year - 1}-Q4" if q == 0 else f"{ref.year}-Q{q}"


def _year_back(low: str) -> bool:
    """"a year ago", "the year-earlier period", "the same quarter last year"."""
    return _YEAR_BACK.fullmatch(re.sub(r"^(?:the|a)\s+(?=same|corresponding|comparable)", "", low)) is not None


def sentence_quarter(
    expr: str, quarterly: bool, figures: bool, last_quarter: str | None, ref: dt.date | None
) -> str | None:
    """The quarter a "year ago" in ``expr``'s sentence is a year before: the
    one the article last named (else the latest finished by ``ref``) when the
    sentence names a quarter; the one last named when the sentence only
    reports figures ("net income rose to $5 million from $3 million a year
    ago"), unless it says "last year" (as often the whole year there,
    TimeBank says)."""
    if quarterly:
        return last_quarter or (reported_quarter(ref) if ref else None)
    if figures and not re.match(r"last\s+year\b", expr, re.IGNORECASE):
        return last_quarter
    return None


def names_quarter(expr: str, value: str | None) -> bool:
    """Whether ``expr``, normalised to ``value``, names a quarter of its own
    (not "a year ago", resolved to the quarter a year before another)."""
    low = " ".join(expr.lower().split()).strip(" .,;:")
    return value is not None and re.fullmatch(r"\d{4}-Q\d", value) is not None and not _year_back(low)


def _on_day(d: dt.date, low: str, time_m: re.Match[str] | None) -> tuple[str, str]:
    """A day, refined by a clock time ("10 p.m. Wednesday") or a part of the day ("Monday night")."""
    if time_m:
        return f"{d.isoformat()}T{_clock(time_m)}", "time"
    pod = re.search(r"\b(morning|afternoon|evening|night)\b", low)
    if pod:
        return f"{d.isoformat()}T{PARTS_OF_DAY[pod.group(1)]}", "time"
    return d.isoformat(), "date"


def _clock(m: re.Match[str]) -> str:
    if m.group(1) in ("noon", "midday"):
        return "12:00"
    if m.group(1) == "midnight":
        return "24:00"
    hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
    return f"{hour:02d}:{int(m.group(2) or 0):02d}"


_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z .,'’-]{{1,40}}?,?\s*\(?(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:,\s*(?P<y>\d{{4}}))?\)?"
    r"\s*(?:\([A-Za-z .]+\))?\s*[—–-]"
)


def dateline_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The date of a wire dateline ("WASHINGTON, Aug. 17 (Reuters) —")."""
    m = _DATELINE.match(text[:200])
    if not m:
        return None
    month = _month(m.group("m"))
    if month is None:
        return None
    today = today or dt.date.today()
    year = int(m.group("y")) if m.group("y") else today.year
    try:
        d = dt.date(year, month, int(m.group("d")))
    except ValueError:
        return None
    if not m.group("y") and d > today:
        d = d.replace(year=year - 1)
    return d
