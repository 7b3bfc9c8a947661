"""Temporal expressions found by code, where a pattern of the data file
(``data/date_patterns.tsv``) cannot say enough: a 24-hour clock time, which
needs a zone or a preposition before it to be one ("21:30 UTC", "as of
09:10 GMT", "at 14:00 local time", "0600 GMT on Monday", "at 1700 hrs";
not "John 3:16"), a turn of the day after a preposition ("at dawn on
Thursday"; not "as dawn broke"),
and a rate, "a year" after a count ("$33 million a year", "hundreds of
interviews a day": a set, TimeML's P1Y, P1D), which needs the parse to tell
a count from a verb ("it takes a year" is no rate).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from claimx.dates.words import MONTH_RE, WEEKDAY_RE, ZONE

# the day a clock time may be given on: "10:00 GMT Friday", "0600 GMT on Monday", "21:30 UTC, March 3"
_ON_DAY = rf"(?:,?\s+(?:on\s+)?(?:{WEEKDAY_RE}|today|tomorrow|yesterday|(?:{MONTH_RE})\.?\s+\d{{1,2}}\b))?"
_ZONED = re.compile(
    rf"(?<![\d.:,$/£€-])(?:[01]?\d|2[0-3])(?::|\.)?[0-5]\d(?::[0-5]\d)?\s*(?:{ZONE})\b{_ON_DAY}"
)
_AFTER_PREPOSITION = re.compile(
    r"\b(?:at|as\s+of|by|until|till|from|before|after|around|about|since|between|and|to|shortly\s+after)\s+"
    r"((?:(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])(?!\s*[ap]\.?\s?m\b)|(?:[01]\d|2[0-3])[0-5]\d\s*(?:hours|hrs)\b"
    rf"|(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*(?:[ap]\.\s?m\.|[ap]m\b)(?:\s+(?:{ZONE})\b)?"
    rf"|dawn|daybreak|sunrise|dusk|sunset|nightfall){_ON_DAY})",
    re.I,
)
# "a year", "per day": counted (a rate) when a count stands before it; not
# "a year ago", "a year earlier", "a year or two", "a year and a half", "a year-old"
_RATE = re.compile(
    r"\b(?:a|an|per)\s+(?:day|week|month|year|hour)\b(?!\s*(?:ago|earlier|before|later|after|from|"
    r"or\s+(?:two|so|more|longer|less)|and\s+a\s+half|old|in\s+advance|apart|away|late|early|long|too|into|"
    r"since|ahead|out|beyond)\b|-)"
)
_TIME_UNITS = {"second", "minute", "hour", "day", "night", "week", "weekend", "month", "year", "decade"}


def clock_spans(text: str) -> Iterator[tuple[int, int]]:
    """24-hour clock times: with a zone ("21:30 UTC", "0600 GMT"), or after
    a preposition ("at 14:00", "at 1700 hrs"), and the turns of the day
    after one ("at dawn"), with the day they are given on, if any."""
    for m in _ZONED.finditer(text):
        yield m.span()
    for m in _AFTER_PREPOSITION.finditer(text):
        yield m.span(1)


def rate_spans(doc: Doc, text: str) -> Iterator[tuple[int, int]]:
    """"a year" after a count: a number, an amount or a plural noun
    ("$500 million a year", "50,000 barrels a day", "interviews a day"),
    not a stretch of time ("five days a week": the days are the count of
    another set) nor a verb ("it takes a year")."""
    for m in _RATE.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or span.start == 0:
            continue
        before = doc[span.start - 1]
        if before.lower_.rstrip("s") in _TIME_UNITS:
            continue
        if before.like_num or before.tag_ in ("CD", "NNS", "$") or before.lower_ in ("%", "percent", "cents"):
            yield m.span()
