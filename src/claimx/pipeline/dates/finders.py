"""Temporal expressions found by code, where a pattern of the data file
(``data/date_patterns.tsv``) cannot say enough: a 24-hour clock time, which
needs a zone or a preposition before it to be one ("21:30 UTC", "as of
09:10 GMT", "at 14:00 local time", "0600 GMT on Monday", "at 1700 hrs";
not "John 3:16"), a turn of the day after a preposition ("at dawn on
Thursday"; not "as dawn broke"),
and a rate, "a year" after a count ("$33 million a year", "hundreds of
interviews a day": a set, TimeML's P1Y, P1D), which needs the parse to tell
a count from a verb ("it takes a year" is no rate). And what a pattern
finds slowly, read from its rare word: "twice a week" from "times",
"a two-week-long strike" from "-long".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from claimx.pipeline.dates.words import MONTH_RE, WEEKDAY_RE, ZONE

# a clock time's digits, found digit first (fast): "21:30", "0600", "14.30", "9:00", "9" (not
# inside a longer number or an amount), then read with the words around them
_DIGITS = re.compile(r"\d(?<![\d.:,$/£€-]\d)\d?(?:(?::|\.(?=\d\d\s*[A-Za-z]))?\d\d)?(?::\d\d)?(?![\d:]|\.\d|,\d)")
_HM = re.compile(r"(\d{1,2}?)[:.]?(\d\d)?(?::\d\d)?")
_ZONE_AFTER = re.compile(rf"\s*(?:{ZONE})\b")
_HOURS_AFTER = re.compile(r"\s*(?:hours|hrs)\b")
_AM_PM_AFTER = re.compile(rf"\s*(?:[ap]\.\s?m\.|[ap]m\b)(?:\s+(?:{ZONE})\b)?", re.I)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:at|as\s+of|by|until|till|from|before|after|around|about|since|between|and|to)\s+$", re.I
)
# the turns of the day, after a preposition: "at dawn", "by dusk"
_TURN = re.compile(r"[DdSsNn](?=awn\b|aybreak\b|unrise\b|usk\b|unset\b|ightfall\b)(?<![\w-][DdSsNn])\w+")
# the day a clock time may be given on: "10:00 GMT Friday", "0600 GMT on Monday", "21:30 UTC, March 3"
_ON_DAY = re.compile(rf",?\s+(?:on\s+)?(?:{WEEKDAY_RE}|today|tomorrow|yesterday|(?:{MONTH_RE})\.?\s+\d{{1,2}}\b)")
# "a year", "per day": counted (a rate) when a count stands before it; not
# "a year ago", "a year earlier", "a year or two", "a year and a half", "a year-old"
_RATE = re.compile(
    r"\b(?:a|an|per)\s+(?:day|week|month|year|hour)\b(?!\s*(?:ago|earlier|before|later|after|from|"
    r"or\s+(?:two|so|more|longer|less)|and\s+a\s+half|old|in\s+advance|apart|away|late|early|long|too|into|"
    r"since|ahead|out|beyond)\b|-)"
)
# "twice a week", "three times a month": found from "times" and counted back
_FREQUENCY = re.compile(
    r"[OoTt](?<![\w][OoTt])(?:nce|wice|hrice|imes)\s+(?i:a|an|per|each|every)\s+"
    r"(?i:day|night|week|month|year|quarter|hour|minute|season|decade)\b"
)
_COUNT_BEFORE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a\s+few|a\s+couple\s+of)\s+$", re.I
)
# "a two-week-long strike", "decades-long": found from "-long" and read back
_LONG_BEFORE = re.compile(r"\b(?:\w+-)?(?:hour|day|week|month|year|decade)s?$", re.I)
_TIME_UNITS = {"second", "minute", "hour", "day", "night", "week", "weekend", "month", "year", "decade"}


def clock_spans(text: str) -> Iterator[tuple[int, int]]:
    """Clock times the NER misses: 24-hour ones with a zone ("21:30 UTC",
    "0600 GMT", "14.30 GMT"), or after a preposition ("at 14:00", "at 1700
    hrs", "to 9:00AM EST"), and the turns of the day after one ("at dawn"),
    with the day they are given on, if any ("0600 GMT on Monday")."""
    for m in _DIGITS.finditer(text):
        end = _clock_end(text, m)
        if end is not None:
            day = _ON_DAY.match(text, end)
            yield m.start(), day.end() if day else end
    for m in _TURN.finditer(text):
        if _PREPOSITION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            day = _ON_DAY.match(text, m.end())
            yield m.start(), day.end() if day else m.end()


def _clock_end(text: str, m: re.Match[str]) -> int | None:
    """Where the clock time whose digits ``m`` found ends (with its zone or
    "a.m."), or None when the digits are no clock time."""
    digits = m.group(0)
    hm = _HM.fullmatch(digits)
    if hm is None or int(hm.group(1)) > 23 or int(hm.group(2) or 0) > 59:
        return None
    zone = _ZONE_AFTER.match(text, m.end())
    if zone and hm.group(2):
        return zone.end()  # "21:30 UTC", "0600 GMT"
    if not _PREPOSITION_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return None
    if am_pm := _AM_PM_AFTER.match(text, m.end()):
        return am_pm.end() if int(hm.group(1)) <= 12 else None  # "to 9:00AM EST"
    if ":" in digits:
        return m.end()  # "at 14:00"
    hours = _HOURS_AFTER.match(text, m.end())
    return hours.end() if hours and hm.group(2) else None  # "at 1700 hrs"


# how long a race took: "a time of 2:09:41", "won in 1:31:44.742", "clocked 1:44.742"
_RACE = re.compile(
    r"(?:\btime\s+of|\bclocked|\b(?:finished|won|ran|completed\s+\w+)\s+in|\brecord\s+of)\s+"
    r"((?:\d{1,2}:)?\d{1,2}:\d\d(?::\d\d)?(?:\.\d+)?)(?![\d:])"
)


def race_spans(text: str) -> Iterator[tuple[int, int]]:
    """Race and lap times after the words that give one ("in a time of
    2:09:41"): durations (:func:`claimx.pipeline.dates.durations.race_time`)."""
    if ":" in text:
        for m in _RACE.finditer(text):
            yield m.span(1)


def frequency_spans(text: str) -> Iterator[tuple[int, int]]:
    """"twice a week", "three times a year", "once a month" (sets)."""
    for m in _FREQUENCY.finditer(text):
        if m.group(0)[1:5].lower() != "imes":
            yield m.span()
        elif count := _COUNT_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            yield count.start(), m.end()


def long_spans(text: str) -> Iterator[tuple[int, int]]:
    """"a two-week-long strike", "a day-long hearing", "decades-long"
    (durations)."""
    start = text.find("-long")
    while start >= 0:
        end = start + 5
        if end == len(text) or not text[end].isalnum():
            unit = _LONG_BEFORE.search(text, max(0, start - 30), start)
            if unit and (unit.start() == 0 or text[unit.start() - 1] != "-"):
                yield unit.start(), end
        start = text.find("-long", end)


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
