"""Months, quarters, seasons and years as stretches of the calendar:
quarters and halves ("the third quarter", "Q4 2012", "the 1988 second
quarter", "the latest quarter"), decades and centuries ("the 1990s", "the
'80s", "the nineties", "20th century"), years ("1996", "fiscal 1996",
"1996-97", "nineteen ninety-six") and seasons ("the summer of 1996", "this
summer", "this past spring", "in Autumn"). "The year", "the past year"
and "the end of the year" are in :mod:`.stretches`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from claimx.pipeline.dates.numerals import spoken_year
from claimx.pipeline.dates.rules import Rewrite, Value, rule
from claimx.pipeline.dates.words import ORDINALS, SEASONS

if TYPE_CHECKING:
    from claimx.pipeline.dates.context import DateContext


def reported_quarter(ref: dt.date) -> str:
    """The latest quarter finished by ``ref`` (the one a results story reports on)."""
    q = (ref.month - 1) // 3
    return f"{ref.year - 1}-Q4" if q == 0 else f"{ref.year}-Q{q}"


def _part_year(n: int, unit: str, ref: dt.date, tense: str) -> int:
    """The year of quarter (``unit`` "Q") or half ("H") ``n`` named without
    one: last year's when it is still to come this year and the tense is not
    the future's."""
    current = (ref.month - 1) // 3 + 1 if unit == "Q" else (ref.month - 1) // 6 + 1
    return ref.year - 1 if n > current and tense != "future" else ref.year


@rule(
    "Q<n> <year>",
    r"(?:the\s+)?(?:(?:fiscal\s+)?(\d{4})\s+)?([qh])([1-4])(?:\s+(?:of\s+)?(?:fiscal\s+|fy\s?)?'?(\d{4}|\d{2}))?",
)
def quarter_abbreviated(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"Q4 2012" -> 2012-Q4, "2013 Q1", "H1", "Q1 FY25" -> 2025-Q1 (the
    fiscal year's name); "Q3" alone -> the latest third quarter (2012-Q3
    said in March 2013)."""
    if not (m.group(2) == "q" or m.group(3) in "12"):
        return None
    year = m.group(1) or m.group(4)
    if year and len(year) == 2:
        year = f"20{year}"
    if year is None and ctx.ref is not None:
        year = str(_part_year(int(m.group(3)), m.group(2).upper(), ctx.ref, ctx.tense))
    return (f"{year}-{m.group(2).upper()}{m.group(3)}", "date") if year else None


_ORDINAL_PART = re.compile(
    r"(first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ](?:fiscal\s+)?(quarter|half)(?:\s+of\s+(\d{4}))?"
)
_OF_DECADE = re.compile(r"\bof\s+the\s+['’]?\d+s$")


@rule("the third quarter", lambda ctx: _ORDINAL_PART.search(ctx.low))
def quarter_ordinal(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"the third quarter" -> 2025-Q3; "the fourth quarter" said in January
    -> last year's; "next year's first quarter" -> 1990-Q1 (said in 1989);
    "the first half of 1990" -> 1990-H1. Not "the last quarter" or "the
    first half of the '80s"."""
    low = ctx.low
    if low.startswith(("the past", "the last")) or _OF_DECADE.search(low):
        return None
    n = {"final": 4, "last": 4}.get(m.group(1)) or ORDINALS[m.group(1)]
    unit = "Q"
    if m.group(2) == "half":
        n, unit = (2 if m.group(1) in ("final", "last") else n), "H"
    year_in = m.group(3) or (re.search(r"\b(\d{4})\b", low) or [None, None])[1]
    if year_in:
        return f"{year_in}-{unit}{n}", "date"
    ref = ctx.ref
    if ref is None:
        return None, "date"  # a quarter of a year not named: a date with no value
    year = _part_year(n, unit, ref, ctx.tense)
    if "last year" in low or "previous year" in low or "year-ago" in low or "year-earlier" in low:
        year = ref.year - 1
    elif "next year" in low or "coming year" in low:
        year = ref.year + 1
    return f"{year}-{unit}{n}", "date"


@rule("the end of the quarter", r"(?:the\s+)?(?:end|start|beginning|middle|close|rest|remainder|balance)\s+of\s+(?:the|this)\s+quarter")
def part_of_quarter(ctx: DateContext, _: re.Match[str]) -> Value | None:
    """"due at the end of the quarter", "for the rest of the quarter" (said
    on 2025-04-15, in the present or future) -> 2025-Q2, the quarter under
    way; "at the end of the quarter, sales rose" (past) -> the latest
    quarter finished, 2025-Q1. TimeML 1.2.1 gives a part of a period the
    period's value (with mod START, MID or END)."""
    ref = ctx.ref
    if ref is None or ctx.tense == "past":
        return None  # the latest quarter: :func:`quarter_reported`
    return f"{ref.year}-Q{(ref.month - 1) // 3 + 1}", "date"


@rule(
    "the latest quarter",
    r"(?:the|this|its|their)\s+(latest\s+|most\s+recent\s+|current\s+|year-ago\s+|year-earlier\s+)?(quarter|period)",
)
def quarter_reported(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"the quarter", "the latest period" -> the latest quarter finished
    (1989-Q3 said on 1989-11-01); "the current quarter" -> 1989-Q4; "the
    year-ago quarter" -> 1988-Q3. "The latest" or "most recent" quarter is
    one finished whatever the tense ("expects revenue in the latest quarter
    to total $28 million": results of a quarter ended, still to come)."""
    ref = ctx.ref
    if ref is None or not (m.group(2) == "quarter" or m.group(1)):
        return None
    q = (ref.month - 1) // 3 + 1
    year = ref.year
    which = (m.group(1) or "").strip()
    if (ctx.tense != "future" or which in ("latest", "most recent")) and which != "current":
        q -= 1
        if q == 0:
            q, year = 4, year - 1
    if m.group(1) and "year" in m.group(1):
        year -= 1
    return f"{year}-Q{q}", "date"


part_of_decade = Rewrite(
    "half of the '80s",
    re.compile(r"^(?:the\s+)?(?:first|last|second|latter|early|late)\s+(?:half|part)\s+of\s+(?=the\s+['’]?\d+s$)"),
    "",
    '"the last half of the \'80s" -> "the \'80s"',
)


@rule("the 1990s", r"(?:the\s+)?(?:early\s+|mid-?|late\s+)?(?:'|’)?(\d{3})0'?s")
def decade(ctx: DateContext, m: re.Match[str]) -> Value:
    """"the 1990s", "the early 1990s" -> 199 (TimeML's decade)."""
    return m.group(1), "date"


@rule("the '90s", r"(?:the\s+)?(?:early\s+|mid-?|late\s+)?'?(\d0)s")
def decade_short(ctx: DateContext, m: re.Match[str]) -> Value:
    """"the '80s", "the 80s" -> 198."""
    return f"19{m.group(1)[0]}", "date"


_DECADE_WORDS = ["twen", "thir", "for", "fif", "six", "seven", "eigh", "nine"]


@rule("the nineties", r"(?:the\s+)?(?:early\s+|mid-?|late\s+)?(twen|thir|for|fif|six|seven|eigh|nine)ties")
def decade_words(ctx: DateContext, m: re.Match[str]) -> Value:
    """"the nineties" -> 199: the 1990s."""
    return "19" + str(_DECADE_WORDS.index(m.group(1)) + 2), "date"


@rule("the 20th century", r"(?:the|a)?\s*(\d{1,2})(?:st|nd|rd|th)[- ]century")
def century(ctx: DateContext, m: re.Match[str]) -> Value:
    """"20th century" -> 19."""
    return f"{int(m.group(1)) - 1:02d}", "date"


@rule(
    "1996",
    r"(?:the\s+)?(?:year\s+|fiscal\s+(?:year\s+)?|mid-?|early\s+|late\s+|calendar\s+)?'?(\d{4})|fy\s?(\d{2}|\d{4})",
)
def year(ctx: DateContext, m: re.Match[str]) -> Value:
    """"1996", "fiscal 1996", "mid-1996", "the year 1996" -> 1996; "FY2024",
    "FY25" -> 2024, 2025 (a fiscal year by its name)."""
    return m.group(1) or (m.group(2) if len(m.group(2)) == 4 else f"20{m.group(2)}"), "date"


@rule("1996-97", r"(?:the\s+)?(?:fiscal\s+)?(\d{4})\s*[-–/]\s*(\d{2,4})")
def year_span(ctx: DateContext, m: re.Match[str]) -> Value:
    """"fiscal 1996-97", "1996/1997" -> 1996, the year it starts in."""
    return m.group(1), "date"


@rule("99 of 1998-99", lambda ctx: re.fullmatch(r"\d\d", ctx.whole) and re.search(r"\b((?:19|20)\d\d)\s*[-–/]$", ctx.lead))
def year_pair_end(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"99" of "1998-99" -> 1999, "00" of "1999-00" -> 2000: the second
    year of a pair, written as its last two digits, in the century of the
    first (TimeML 1.2.1 writes each part of a range with its own value)."""
    first = int(m.group(1))
    year = first - first % 100 + int(ctx.whole)
    if year <= first:
        year += 100
    return (str(year), "date") if year - first <= 10 else None


_THE_YEAR = re.compile(r"^(?:the\s+)?(?:year\s+)?")


@rule("nineteen ninety-six", lambda ctx: spoken_year(_THE_YEAR.sub("", ctx.low)))
def year_spoken(ctx: DateContext, sy: int) -> Value:
    """"nineteen ninety-six" -> 1996, "the year two thousand" -> 2000."""
    return str(sy), "date"


@rule("the summer of 1996", r"(?:the\s+)?(spring|summer|fall|autumn|winter)\s+of\s+(.+)")
def season_of(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"the summer of 1996", "the spring of nineteen ninety" -> 1996-SU, 1990-SP."""
    year = re.fullmatch(r"\d{4}", m.group(2)) and m.group(2) or spoken_year(m.group(2))
    return (f"{year}-{SEASONS[m.group(1)]}", "date") if year else None


_SEASON_ENDS = {"spring": 5, "summer": 8, "fall": 11, "autumn": 11}


@rule("this past spring", r"this\s+past\s+(spring|summer|fall|autumn)")
def this_past_season(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"this past spring" -> the latest one over by the reference date
    (1989-SP said in October 1989)."""
    ref = ctx.ref
    if ref is None:
        return None
    ended = _SEASON_ENDS[m.group(1)]
    return f"{ref.year if ref.month > ended else ref.year - 1}-{SEASONS[m.group(1)]}", "date"


_SEASON_STARTS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9}


@rule("this summer", r"(this\s+|last\s+|next\s+|the\s+)?(spring|summer|fall|autumn|winter)(?:\s+of)?(?:\s+(\d{4}))?")
def season(ctx: DateContext, m: re.Match[str]) -> Value:
    """"summer 1996" -> 1996-SU; "last winter", "next spring" -> the one
    before or after the reference year's; "the fall", "Autumn" -> the
    reference year's, unless the tense points past it: "was founded in the
    spring" said in February 2024 -> 2023-SP, "will open in autumn" said in
    December 2024 -> 2025-FA."""
    ref, which, name = ctx.ref, (m.group(1) or "").strip(), m.group(2)
    if m.group(3) or ref is None:
        return (f"{m.group(3)}-{SEASONS[name]}" if m.group(3) else None), "date"
    year = ref.year + {"next": 1, "last": -1}.get(which, 0)
    if which in ("", "the") and name in _SEASON_STARTS:
        if ctx.tense == "past" and ref.month < _SEASON_STARTS[name]:
            year -= 1  # not begun yet: the last one
        elif ctx.tense == "future" and ref.month > _SEASON_ENDS[name]:
            year += 1  # over: the next one
    return f"{year}-{SEASONS[name]}", "date"
