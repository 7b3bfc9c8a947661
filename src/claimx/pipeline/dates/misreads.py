"""What looks like a date but is not one: what the NER calls a date that is
a title ("ABC's “This Week”", "60 Minutes"), a greeting ("Good evening"),
a name ("the annual March for Life"), an age ("in his 30s", "6-month-old",
"babies under 9 months"), a share ("a quarter of respondents"), the prefix
of an adjective ("now-defunct"),
a score or a vote ("51-49"), a count ("2019 people were arrested"), a
number in a name ("Flight 2017", "Highway 1999"), a race time
("1:31:44.742"), a minute of a match ("the 90th minute"), "may" the verb; and
whether an expression with no value has a word of time in it at all.
A year is never read inside a longer number ("20481.37"): the patterns
that find years respect the digits around them (:mod:`.detect`).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimx.pipeline.dates.holidays import HOLIDAY_NAMES
from claimx.pipeline.dates.words import MONTH_RE, UNIT_WORD, WEEKDAY_RE, WEEKDAY_WORD

_NOT_DATES = {"quarterly", "biannual", "semiannual", "year-end", "former", "seasonal", "intraday"}
AGE = re.compile(r"\b(?:\d+|[a-z]+)[- ](?:year|month|week|day)s?[- ]old\b|\bage(?:d|s)?\b", re.IGNORECASE)
_MAY_MONTH = re.compile(r"(?:\b(?:in|since|until|by|early|late|mid|last|next|this|of)\s+May\b|\bMay\s+\d)")
PART_OF_DAY = re.compile(r"(?:morning|afternoon|evening|night)", re.I)  # a part of the day, the whole word
_FREQUENCY = re.compile(r"DAILY|WEEKLY|MONTHLY|ANNUAL|YEARLY|NIGHTLY")
_YEARLIKE = re.compile(r"1[6-9]\d\d|20\d\d")
# two small numbers joined: a score or a vote ("51-49", "3-1"), not "1996-97"
_SCORE = re.compile(r"\d{1,3}\s*[-–]\s*\d{1,3}")
# a name a number after it is no year of ("Flight 2017", "Highway 1999", "Windows 2000", "Vision 2030")
_NUMBERED = re.compile(
    r"(?:Flight|Route|Highway|Interstate|Road|Room|Gate|Terminal|Platform|Bus|Train|Line|Channel|Windows|Office|"
    r"Suite|Apartment|Lot|Pier|Article|Section|Resolution|Amendment|Bill|Order|Case|No|Number|Game|Episode|"
    r"Chapter|Vol|Volume|Issue|Page|Item|Euro|Expo|Vision|Agenda|Model|Mark|Unit|Block|Building|Station|Studio|"
    r"Locomotive|Engine|Squadron|Division|Battalion|Brigade|Regiment|Precinct|District|Ward|Zone|Sector)\.?"
)
# what a number counts (a year-like number before one is a count: "2019 people", "1999 euros")
_COUNTED = frozenset(
    "people persons men women children adults students voters votes ballots seats delegates troops soldiers "
    "police officers workers employees jobs members residents citizens migrants refugees patients victims deaths "
    "cases infections arrests homes houses households families units vehicles cars trucks planes flights "
    "passengers visitors tourists fans spectators shares points yards runs goals miles kilometres kilometers "
    "km metres meters feet tons tonnes barrels acres hectares dollars euros pounds yen yuan rupees pesos francs "
    "marks cents pence signatures complaints calls emails letters words pages copies books items products "
    "companies firms banks stores schools hospitals".split()
)
# a minute of a match: "scored in the 90th minute"
_MATCH_MINUTE = re.compile(r"(?:the\s+)?\d{1,3}(?:st|nd|rd|th)[- ]minute", re.I)
# a race or lap time: "1:31:44.742", "1:44.742"
_RACE_TIME = re.compile(r"(?:\d+:)?\d{1,2}:\d\d(?:\.\d+)|\d+:\d\d:\d\d")
# an age group: "babies under 9 months", "adults over 65 years", "children aged 6 to 11 years"
_AGE_GROUP = re.compile(
    r"\b(?:babies|infants|newborns|toddlers|children|kids|boys|girls|teens|teenagers|adolescents|youths?|adults|"
    r"people|persons|men|women|patients|pupils|students|voters|those|anyone|everyone|residents|workers|pensioners)"
    r"(?:\s+(?:aged|ages|who\s+are))?\s+(?:(?:under|over|below|above|younger\s+than|older\s+than|between|from)\s+)?"
    r"(?:\d+\s*(?:to|-|–|and)\s*)?$",
    re.I,
)
_AGE_COUNT = re.compile(
    r"(?:(?:under|over|below|above|aged|between|from)\s+)?\d+(?:\s*(?:to|-|–|and)\s*\d+)?(?:\s+(?:months|years))?", re.I
)
# a share, not a quarter of a year: "a quarter of respondents", "three quarters of voters"
_SHARE = re.compile(r"(?:(?:nearly|almost|about|roughly|more\s+than|less\s+than|over|under|just)\s+)?"
                    r"(?:a|one|three)\s+quarters?", re.I)
_SHARE_OF = re.compile(r"\s+of\s+(?!(?:an?\s+)?(?:hour|century|mile|minute|second|day|year|the\s+(?:year|way|hour))\b|\d)", re.I)
# what a part of the day before it names a kind of: "morning talk show", "the evening news", "night shift"
_KIND_OF_THING = re.compile(
    r"\s+(?:talk\s+)?(?:shows?|programs?|programmes?|news(?:casts?|papers?)?\b|papers?|editions?|bulletins?|"
    r"prayers?|shifts?|classes|class|schools?|sickness|star|people|person|dew|glory|rush)\b",
    re.I,
)
_AGE_DECADE = re.compile(r"\b(?:his|her|their|its|my|your|our)\s+(?:early\s+|mid-?\s*|late\s+)?(?:\d0|\w+tie)s$", re.I)
# the rest of a title up to its closing quotation mark: "This Week With David Brinkley"
_TITLE_CLOSES = re.compile(r"(?:\s+(?:[A-Z][\w'.-]*|with|of|the|and|in|on|for|a|an|to))*[,.]?\s*(?:[\"”’']|'')")
_HEADLINE_LOWER = {"a", "an", "the", "in", "of", "on", "at", "to", "for", "by", "with", "as", "or", "and", "but", "from"}
# capitalised words a date may be written in (titles are the others: misread)
_CALENDAR_NAME = re.compile(
    rf"\b(?:{MONTH_RE}|(?:{WEEKDAY_RE})s?|{HOLIDAY_NAMES}|Day|Eve|Year|Spring|Summer|Autumn|Fall|Winter|\w+ties)\b"
)
_TEMPORAL_WORD = re.compile(
    rf"\d|\b(?:{MONTH_RE}|{WEEKDAY_WORD}|{UNIT_WORD}|morning|afternoon|evening|night|spring|summer|fall|autumn|"
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


def is_date(text: str, start: int, end: int) -> bool:
    """Whether the entity at ``start``-``end`` of ``text`` can be a date:
    not an age, a bare number or percentage, a score ("51-49"), a number in
    a name ("Flight 2017"), "quarterly", or "may" the verb."""
    s = text[start:end]
    if AGE.search(s) or not re.search(r"\w", s) or _SCORE.fullmatch(s) or _MATCH_MINUTE.fullmatch(s):
        return False
    if re.fullmatch(r"\d+(?:\.\d+)?%?", s) and not _YEARLIKE.fullmatch(s):
        return False
    named = re.fullmatch(r"([A-Z][\w.]*)\s+(?:No\.\s+)?(\d{4})", s)
    if named and _NUMBERED.fullmatch(named.group(1)) or _RACE_TIME.fullmatch(s):
        return False  # "Flight 2017", "Windows 2000"; "won in 1:31:44.742"
    return not (s.lower() in _NOT_DATES or (s.lower() == "may" and not _MAY_MONTH.search(text, max(0, start - 12), end + 6)))


def counted(ent: Span) -> bool:
    """Whether a year-like number the NER called a date counts something: a
    noun of what is counted after it, with no determiner or preposition
    before it ("2019 people were arrested", "1999 euros"; not "the 2019
    elections", "eyeing 2020 campaigns"), or a name before it ("Highway
    1999")."""
    if not _YEARLIKE.fullmatch(ent.text):
        return False
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and _NUMBERED.fullmatch(before.text):
        return True
    if ent.end >= len(doc) or not counts(doc[ent.end]):
        return False
    return before is None or not (before.pos_ in ("DET", "ADP", "PRON") or before.tag_ in ("POS", "PRP$"))


def counts(token: Token) -> bool:
    """Whether ``token`` names what a number before it counts ("people",
    "votes", "euros", "barrels"), so that the number is no year."""
    return token.lower_ in _COUNTED


def misread(doc_text: str, span: Span, sent: Span) -> bool:
    """A date found that is something else: a title ("ABC's “This Week”",
    "VOA Today", "60 Minutes", "the Daily Mail", "THE WEEKLY STANDARD"), a
    greeting ("Good evening"), a name ("the annual March for Life"), an age
    ("in his 30s"), an idiom ("at the end of the day"). ``doc_text`` is the
    Doc's text (``Doc.text`` rebuilds it on every access)."""
    text = doc_text[span.start_char : span.end_char]
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
    if re.search(r"\bgood\s+$", before, re.I) and PART_OF_DAY.fullmatch(text):
        return True
    if text.isupper() and _FREQUENCY.fullmatch(text) and span.start != sent.start:
        return True  # "told THE WEEKLY STANDARD"
    if re.search(r"\bat\s+$", before, re.I) and re.fullmatch(r"the\s+end\s+of\s+the\s+day", text, re.I):
        return True  # "At the end of the day, voters decide": an idiom
    if re.fullmatch(MONTH_RE, text) and re.match(r"\s+(?:for|of)\s+[A-Z]", after):
        return True
    return _AGE_DECADE.search(before + text) is not None or lookalike(text, before, after)


def lookalike(text: str, before: str, after: str) -> bool:
    """Words that look like a date phrase but are no date, from the words
    around them: "now" in "the now-defunct plan" (an adjective's prefix,
    not the present: TimeML 1.2.1 §2.2 marks a temporal expression, not a
    word of time inside a modifier); an age group ("babies under 9
    months", "adults over 65 years": an age, as "6-month-old" is); a share
    ("a quarter of respondents": no quarter of a year); "high noon"; a part
    of the day naming a kind of thing ("morning talk show", "the evening
    news", "night shift"). Software versions
    ("version 2.1.1") and index names ("the FTSE 250") are found by no
    pattern; the tests keep them out."""
    low = text.lower()
    if low in ("now", "then") and after.startswith(("-", "‑")):
        return True  # "now-defunct", "then-chairman"
    if low == "noon" and re.search(r"\bhigh\s+$", before, re.I):
        return True  # "high noon": a showdown, not midday
    if PART_OF_DAY.fullmatch(text) and _KIND_OF_THING.match(after):
        return True  # "state TV's morning talk show", "the evening news": a kind of programme
    if (_AGE_COUNT.fullmatch(text) or text.isdigit()) and _AGE_GROUP.search(before):
        return True
    return _SHARE.fullmatch(text) is not None and _SHARE_OF.match(after) is not None
