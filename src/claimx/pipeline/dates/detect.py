"""Detection: the temporal expressions of a parsed Doc, in reading order,
without overlaps, each with the tense it is read in (:mod:`.tense`).

spaCy's DATE/TIME entities come first, mended where the NER cut them
short or ran two together ("This year" cut to "year", "Monday, days
after"), split where one names two ("between 1994 and 1997"), and dropped
where they are something else (a title, a greeting, an age). Then bare
years after a preposition, holidays, and the patterns in
``data/date_patterns.tsv`` for what the model misses ("Late Monday", "Q4
2012", "for weeks", "now"). Normalisation is apart (:mod:`.normalise`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from claimx.lexicon import date_patterns
from claimx.pipeline.dates.finders import clock_spans, frequency_spans, long_spans, race_spans, rate_spans
from claimx.pipeline.dates.holidays import HOLIDAY
from claimx.pipeline.dates.misreads import AGE, PART_OF_DAY, counted, counts, is_date, misread
from claimx.pipeline.dates.tense import tense_of
from claimx.pipeline.dates.words import DAYS, MONTH_RE, WEEKDAY_RE, ZONE
from claimx.pipeline.doctext import doc_text


@dataclass(frozen=True, slots=True)
class DateMention:
    """One temporal expression found in a Doc (character offsets), with what
    its normalisation needs from the parse."""

    start: int
    end: int
    tense: str  # past | present | future
    head: int  # token index of the verb it attaches to (-1 when none)
    quarterly: bool = False  # its sentence reports on a quarter ("... from $3 million a year ago")
    figures: bool = False  # its sentence reports results ("net income rose to $3 million from $2 million a year ago")
    rate: bool = False  # "a year" after a count: a set ("$500 million a year")


# what the NER misses, from data/date_patterns.tsv (compiled once): names
# and numbers as written ("Late Monday", "Q4 2012"), together and each on its
# own ("in Autumn", "3/9/06"), then words in any case ("now", "for weeks")
_FALLBACK = re.compile("|".join(date_patterns()["c"]))
_SEPARATE = [re.compile(p) for p in date_patterns()["s"]]
_EXTRA = re.compile(rf"(?<!\w)(?:{'|'.join(date_patterns()['i'])})(?!\w)", re.IGNORECASE)
# a bare year after a preposition ("in 1996", "between 1994 and 1997")
_YEAR = re.compile(
    r"\b(?:in|since|of|by|until|till|from|before|after|during|between|and|to|through|around|early|late|mid)\s"
    rf"((?:1[6-9]\d\d|20\d\d))(?!\d|[.,:]\d)(?!\s*(?:%|percent|people|troops|votes|members|hours|hrs|{ZONE})\b)",
    re.IGNORECASE,
)
_EVERY_BEFORE = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)
_EVERY_WHAT = re.compile(rf"(?:{WEEKDAY_RE}|{MONTH_RE}|(?:\w+\s+)?(?:day|week|month|year|hour)s?)")
_WEEKDAY_THEN = re.compile(rf"{WEEKDAY_RE}(?=,\s+(?!{MONTH_RE}))")
_DAY_NAMED = re.compile(rf"{WEEKDAY_RE}|{MONTH_RE}|today|yesterday|tomorrow", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:this|last|next|that)\s+$", re.I)
_BARE_UNIT = re.compile(r"(?:week|month|year|quarter)", re.I)
_CLOCK_BEFORE = re.compile(r"(?:\bnoon|\bmidnight|\bmidday|\b\d{1,2}(?::\d\d)?\s*[ap]\.m\.(?:\s+[A-Z]{2,4})?),?\s+$")
_SEASONS_AFTER = re.compile(r"\s+(?:springs|summers|autumns|falls|winters)\b", re.I)
_ZONE_AFTER = re.compile(rf"\s+(?:{ZONE})\b")
_CLOCK_END = re.compile(
    rf"(?:noon|midnight|midday|o'clock|\d\s*[ap]\.?m\.?(?:\s+[A-Z]{{2,4}})?|(?<![\d.])(?:[01]?\d|2[0-3]):[0-5]\d(?:\s+(?:{ZONE}))?)$"
)
_DAY_AFTER = re.compile(
    rf",?\s+(?:on\s+)?(?:(?:{MONTH_RE})\.?\s+\d{{1,2}}\b|{WEEKDAY_RE}|today|yesterday|tomorrow|tonight)(?![a-z])"
)
_DAY_WORD = re.compile(rf"(?:{WEEKDAY_RE}|today|yesterday|tomorrow)$", re.I)
_EARLY_HOURS = re.compile(r"the\s+(?:early|small|wee)\s+hours\s+of\s+", re.I)
_QUARTERLY = re.compile(r"\bquarter", re.I)
_FIGURES = re.compile(
    r"\b(?:net|income|earnings|profits?|revenues?|sales|loss|a share|per share)\b|\$\s?\d", re.I
)


_CLOCK = rf"(?:\d{{1,2}}(?::\d\d)?\s*[ap]\.?\s?m\.?|(?:[01]?\d|2[0-3]):[0-5]\d)(?:\s+(?:{ZONE}))?"
_POINT = (
    rf"(?:(?:{MONTH_RE})\.?(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{4}}|{WEEKDAY_RE}|today|tomorrow|yesterday|{_CLOCK})"
)
# two points in one entity: "between 1994 and 1997", "1991 to 1997", "the
# year ended Sept. 30" (TimeML marks each on its own)
_RANGE = re.compile(rf"(?:between\s+|from\s+)?({_POINT})\s*(?:and|to|through|until|-|–)\s*({_POINT})", re.I)
# "April 24 and 25": two days of one month, a date each (with a year after
# them, "Jan. 30 and 31, 1998", one expression: see DateContext.reading)
_DAY_PAIR = re.compile(DAYS, re.I)
_CLOCK_ENDS = re.compile(r"(?:[ap]\.m\.|(?<![\d.])(?:[01]?\d|2[0-3]):[0-5]\d)$")
_ENDED = re.compile(rf"(.+?)\s+(?:ended|ending|that\s+ended|which\s+ended|through)\s+({_POINT})", re.I)
# "the first nine months of 1997": a stretch of several units, then the year it lies in
_PART_OF = re.compile(
    r"((?:the\s+)?(?:first|last|past|final)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+"
    r"(?:months|weeks|days))\s+of\s+((?:the\s+|this\s+|last\s+)?(?:year|\d{4}|fiscal\s+\d{4}))",
    re.I,
)
# "18 months in 2021", "three weeks in March": a stretch, then the date it lies in
_STRETCH_IN = re.compile(
    rf"((?:\S+\s+)?\S+\s+(?:minutes|hours|days|weeks|months|years))\s+(?:in|since|before|until)\s+({_POINT})", re.I
)


_DATE_THEN = re.compile(
    rf"(?:{WEEKDAY_RE},?\s+)?{MONTH_RE}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s+\d{{4}})?(?=(?:,|\s+and)\s+(?!{_POINT}|\d))"
)
# "1998-99", "fiscal 2023/24": two years, a TIMEX3 each (TimeML 1.2.1 writes the parts of a range)
_YEAR_PAIR = re.compile(r"((?:fiscal\s+)?(?:19|20)\d\d)\s*[-–/]\s*(\d\d)")
# "between three and five years", "two to six days": a count, then a count of a unit (TimeBank: "two" P2D,
# "six days" P6D)
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
_COUNT_PAIR = re.compile(
    rf"(?:between\s+)?({_COUNT})\s+(?:and|to|-|–)\s+({_COUNT}\s+(?:minutes|hours|days|weeks|months|years|decades))",
    re.I,
)
_YEAR_LIST = re.compile(r"(?:1[6-9]|20)\d\d(?:,\s*(?:and\s+)?(?:1[6-9]|20)\d\d)+(?:,?\s+and)?|(?:1[6-9]|20)\d\d,?\s+and")


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """One entity, or its two date expressions when it names two."""
    s = text[start:end]
    if _YEAR_LIST.fullmatch(s):  # "1994, 1995 and": a year each
        return [(start + y.start(), start + y.end()) for y in re.finditer(r"\d{4}", s)]
    m = (_RANGE.fullmatch(s) or _YEAR_PAIR.fullmatch(s) or _COUNT_PAIR.fullmatch(s) or _DAY_PAIR.fullmatch(s) or _ENDED.fullmatch(s) or _PART_OF.fullmatch(s)
         or _STRETCH_IN.fullmatch(s))
    if not m:
        return [(start, end)]
    return [(start + m.start(1), start + m.end(1)), (start + m.start(2), start + m.end(2))]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def detect(doc: Doc) -> list[DateMention]:
    """Temporal expressions in a parsed Doc, in reading order, without overlaps."""
    text = doc_text(doc)
    rates = set(rate_spans(doc, text))
    spans = _entity_spans(doc, text)
    spans = _pattern_spans(doc, text, spans, rates)
    return _mentions(doc, text, _merge(text, spans), rates)


def _entity_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """The NER's DATE and TIME entities that are dates, mended and split."""
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if not is_date(text, ent.start_char, ent.end_char) or counted(ent):
            continue
        start, end = _mend(text, ent.start_char, ent.end_char)
        if spans and re.search(r"\sof$", text[spans[-1][0] : spans[-1][1]]) and spans[-1][1] + 1 == start:
            start = spans.pop()[0]  # "the night of" + "Friday, Oct. 23": the NER's two halves of one
        elif spans and _EARLY_HOURS.fullmatch(text, spans[-1][0], start):
            start = spans.pop()[0]  # "the early hours" + " of " + "Friday"
        spans.extend(_split(text, start, end))
    return spans


def _mend(text: str, start: int, end: int) -> tuple[int, int]:
    """An entity's span, with what the NER cut off put back and what it ran
    on into taken away."""
    # "Monday’s meetings": keep the possessive out
    if text[start:end].endswith(("’s", "'s")):
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
    # "the past three" + " summers": the NER left the seasons counted out
    seasons = _SEASONS_AFTER.match(text, end)
    if seasons and re.search(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|few)$", text[start:end]):
        end = seasons.end()
    zone = _ZONE_AFTER.match(text, end)
    if zone and _CLOCK_ENDS.search(text, start, end):
        end = zone.end()  # "10:30 a.m." + " ET", "14:00" + " local time"
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
    return start, end


def _pattern_spans(
    doc: Doc, text: str, spans: list[tuple[int, int]], rates: set[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``spans`` with the bare years, holidays, patterns, clock times and
    ``rates`` the NER missed."""
    for m in _YEAR.finditer(text):
        start, end = m.span(1)
        if not _overlaps(spans, start, end) and not _counts(doc, m):
            spans.append((start, end))
    for m in HOLIDAY.finditer(text):
        if not _overlaps(spans, *m.span()):
            spans.append(m.span())
    for m in _FALLBACK.finditer(text):  # what the NER missed: "Late Monday", "the Aug. 7 bombings", "5 1/2 hours"
        if not AGE.match(text, m.start(), m.end() + 6):
            spans = _claim(spans, *m.span())
    for rx in _SEPARATE:  # "in Autumn", "3/9/06", "at that time"
        for m in rx.finditer(text):
            spans = _claim(spans, *m.span())
    for finder in (race_spans, clock_spans, frequency_spans, long_spans):  # "2:09:41", "21:30 UTC", "twice a week"
        for start, end in finder(text):
            spans = _claim(spans, start, end)
    for m in _EXTRA.finditer(text):
        start, end = m.span()
        if m.group(0).lower().startswith(("for ", "in ")):
            start = m.start() + m.group(0).index(" ") + 1
        if not _overlaps(spans, start, end):
            spans.append((start, end))
    for start, end in sorted(rates):
        if not _overlaps(spans, start, end):
            spans.append((start, end))
    return spans


def _counts(doc: Doc, m: re.Match[str]) -> bool:
    """Whether a year-like number after "and" or "to" counts the noun after
    it ("2,000 dollars and 1999 euros", "rose to 2048 points"; not "the 2008
    and 2012 campaigns")."""
    if not re.match(r"(?:and|to)\s", m.group(0), re.I):
        return False
    span = doc.char_span(*m.span(1))
    return span is not None and span.end < len(doc) and counts(doc[span.end])


def _claim(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """``spans`` with ``start``-``end`` in it, in place of the spans it
    holds (what the NER cut short: "night" of "late Tuesday night"), unless
    it overlaps one it does not hold."""
    inside = [(s, e) for s, e in spans if s < end and start < e]
    if all(start <= s and e <= end for s, e in inside):
        spans = [sp for sp in spans if sp not in inside]
        spans.append((start, end))
    return spans


# a day, then the clock time on it: "March 3 at 07:40 GMT", "Thursday, April 17, at 9 a.m." (one TIME value)
_DAY_ENDS = re.compile(rf"(?:(?:{MONTH_RE})\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?|{WEEKDAY_RE}|today|tomorrow|yesterday)$", re.I)
_AT_GAP = re.compile(r",?\s+at\s+")
_CLOCK_STARTS = re.compile(r"(?:(?:about|around|approximately)\s+)?(?:\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\b|\d{1,2}:\d\d|\d{4}\s+[A-Z]{2,4}\b|noon|midnight|midday)", re.I)


_THE_DAY = re.compile(r"(?:the\s+)?day", re.I)
_BEFORE_GAP = re.compile(r"\s+(?:before|after)\s+")
_NAMED_DAY = re.compile(rf"(?:(?:last|next|this)\s+)?(?:{WEEKDAY_RE}|(?:{MONTH_RE})\.?\s+\d{{1,2}}\b)", re.I)


def _day_before_day(text: str, day: tuple[int, int], start: int, end: int) -> bool:
    """Whether "the day" just before ``start`` is counted from the day named
    at ``start`` ("the day before last Tuesday's hearing"): one expression."""
    return (_THE_DAY.fullmatch(text, day[0], day[1]) is not None and _BEFORE_GAP.fullmatch(text, day[1], start) is not None
            and _NAMED_DAY.match(text, start, end) is not None)


def _day_at_clock(text: str, day: tuple[int, int], start: int, end: int) -> bool:
    """Whether ``start``-``end`` is the clock time of the day just before it
    ("on March 3 at 07:40 GMT"): one time, as "07:40 GMT on March 3" is."""
    return (_DAY_ENDS.search(text, day[0], day[1]) is not None and _AT_GAP.fullmatch(text, day[1], start) is not None
            and _CLOCK_STARTS.match(text, start, end) is not None)


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` in order, with one date written twice ("Sunday (August
    17)", "Sunday, August 17"), a day with its part ("Thursday night") and
    a day with its clock time ("March 3 at 07:40 GMT") and a day counted
    from a day ("the day before last Tuesday") made one."""
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:  # "around midday" + "midday Friday": one
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            continue
        if merged and re.fullmatch(WEEKDAY_RE, text[merged[-1][0] : merged[-1][1]]):
            gap = text[merged[-1][1] : start]
            if re.fullmatch(r",?\s*\(?", gap) and re.match(MONTH_RE + r"|\d", text[start:end]):
                if gap.strip().startswith("(") and text[end : end + 1] == ")":
                    end += 1
                merged[-1] = (merged[-1][0], end)
                continue
        if merged and (_day_at_clock(text, merged[-1], start, end) or _day_before_day(text, merged[-1], start, end)):
            merged[-1] = (merged[-1][0], end)
            continue
        # "Thursday night", "Tuesday morning": one time, whether or not the
        # NER cut it in two
        if merged and _DAY_WORD.search(text[merged[-1][0] : merged[-1][1]]) and re.fullmatch(
            r"\s+", text[merged[-1][1] : start]
        ) and PART_OF_DAY.fullmatch(text[start:end]):
            merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    return merged


def _mentions(
    doc: Doc, text: str, merged: list[tuple[int, int]], rates: set[tuple[int, int]]
) -> list[DateMention]:
    """A mention for each span that is no misread, with its tense and what its sentence reports."""
    out: list[DateMention] = []
    # sentence starts read off an array: Doc.sents (and Span.sent) make a
    # Token of every token of the Doc
    sent_starts = [0, *(int(i) for i in numpy.flatnonzero(doc.to_array(SENT_START) == 1) if i)] if merged else []
    for start, end in merged:
        if out and start < out[-1].end:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        k = bisect_right(sent_starts, span.start)
        sentence = doc[sent_starts[k - 1] : sent_starts[k] if k < len(sent_starts) else len(doc)]
        if misread(text, span, sentence):
            continue
        tense, head = tense_of(doc, text, span, start)
        sent = text[sentence.start_char : sentence.end_char]  # a slice, not a Span rebuilt from its tokens
        quarterly = _QUARTERLY.search(sent) is not None
        figures = _FIGURES.search(sent) is not None
        out.append(DateMention(start, end, tense, head, quarterly, figures, (start, end) in rates))
    return out
