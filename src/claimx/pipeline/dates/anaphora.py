"""Anaphora: expressions that count from what the text named before them,
not from the article's date. A date named before: "that day", "later that
year", "the following month", "the previous Friday", "the 20th", a bare
"at 10:35 a.m." ("killed on Oct. 23, 1998. Earlier that day ..." is
1998-10-23). A quarter its sentence reports on: "profit rose to $5 million
from $3 million a year ago" is that quarter a year before (1988-Q3 beside
1989-Q3), as TimeML annotates it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from claimx.pipeline.dates.periods import reported_quarter
from claimx.pipeline.dates.relative import weekday_date
from claimx.pipeline.dates.rules import Value, rule, whole
from claimx.pipeline.dates.times import after_midnight, clock_value, day_opened
from claimx.pipeline.dates.timex import CALENDAR, iso_week, shift_month
from claimx.pipeline.dates.words import CLOCK, CLOCK_24, PARTS_OF_DAY, WEEKDAY_WORD, WEEKDAYS

if TYPE_CHECKING:
    from claimx.pipeline.dates.context import DateContext

_PREPOSITION = re.compile(r"^(?:on|in|at|by|during|of|for)\s+")
# "25" of "April 24 and 25", "the 20th"
_DAY_OF_MONTH = re.compile(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?")
# what may stand around a bare clock time: "about 10:35 a.m. EST"
_CLOCK_AROUND = re.compile(
    r"^(?:about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+"
    r"|\s+(?![ap]m$)(?:[a-z]{2,4}|local\s+time)$"
)
_NOON = re.compile(r"(noon|midnight|midday)")
_THAT = r"(?:(?:earlier|later|early|late)\s+(?:in\s+)?)?(?:that|the\s+same|that\s+same)"
# "the day", "late in the day": the day named before
_THE_DAY = re.compile(r"(?:(?:early|late|earlier|later)\s+in\s+)?the\s+(?P<which>)(?P<unit>day)")
_STEP = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}
_ANAPHOR = re.compile(
    rf"(?:{_THAT}|the\s+(?P<which>next|following|previous|preceding|prior))\s+"
    rf"(?P<unit>day|morning|afternoon|evening|night|week|month|quarter|year|{WEEKDAY_WORD[1:-1]})"
)
_YEAR_BACK = re.compile(
    r"(?:(?:a|one)\s+year\s+(?:ago|earlier|before)|last\s+year|(?:the\s+)?year[- ](?:ago|earlier)"
    r"(?:\s+(?:period|quarter|level|figures?|results?))?|(?:the\s+)?(?:same|corresponding|comparable|"
    r"year-(?:ago|earlier))\s+(?:period|quarter)(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year))?|"
    r"last\s+year's\s+(?:period|quarter)|the\s+(?:period|quarter)\s+a\s+year\s+(?:ago|earlier))"
)


def anaphoric(low: str, previous: str) -> Value | None:
    """An expression that counts from the date named before it ("that day",
    "later that year", "the following month", "the previous Friday"), given
    that date's value; None when ``low`` is no such expression or
    ``previous`` is too coarse for it (a day counted from a year)."""
    low = _PREPOSITION.sub("", low)
    c = CALENDAR.fullmatch(previous)
    if c is None:
        return None
    pair = _DAY_OF_MONTH.fullmatch(low)
    if pair and c.group(2):
        return _day_of_month(c, int(pair.group(1)))
    bare = _CLOCK_AROUND.sub("", low)
    clock = CLOCK.fullmatch(bare) or CLOCK_24.fullmatch(bare) or _NOON.fullmatch(bare)
    if clock:  # "at 10:35 a.m.": on the day named before
        return (f"{previous[:10]}T{clock_value(clock)}", "time") if c.group(3) else None
    m = _ANAPHOR.fullmatch(low) or _THE_DAY.fullmatch(low)
    if m is None:
        return None
    return _counted(c, m.group("unit"), _STEP.get(m.group("which") or "", 0))


def _day_of_month(c: re.Match[str], day: int) -> Value | None:
    """"25" of "April 24 and 25", "the 20th": that day of the month named
    before (``c``), if it has one."""
    try:
        return dt.date(int(c.group(1)), int(c.group(2)), day).isoformat(), "date"
    except ValueError:
        return None


def _counted(c: re.Match[str], unit: str, step: int) -> Value | None:
    """The ``unit`` (year, quarter, month, week, day, part of a day or
    weekday) ``step`` units from the date named before (``c``): "the
    following month" from 1989-03 -> 1989-04; None when that date is too
    coarse for the unit."""
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
        y, mo = shift_month(year, int(month), step)
        return f"{y}-{mo:02d}", "date"
    if day is None:
        return None
    d = dt.date(year, int(month), int(day))
    if unit == "week":
        return iso_week(d + dt.timedelta(weeks=step)), "date"
    if unit in WEEKDAYS:
        if not step:
            return None  # "that Friday": no count from the date before
        return weekday_date(WEEKDAYS[unit], d, "future" if step > 0 else "past", "next" if step > 0 else "last").isoformat(), "date"
    d += dt.timedelta(days=step)
    if unit in PARTS_OF_DAY:
        return f"{d.isoformat()}T{PARTS_OF_DAY[unit]}", "time"
    return d.isoformat(), "date"


def year_back(low: str) -> bool:
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
    return value is not None and re.fullmatch(r"\d{4}-Q\d", value) is not None and not year_back(low)


@rule("a year ago <quarter>", lambda ctx: ctx.quarter is not None and year_back(ctx.whole))
def year_before_quarter(ctx: DateContext, _: bool) -> Value:
    """"a year ago", "the year-earlier period" in a sentence reporting on
    1989-Q3 -> 1988-Q3."""
    assert ctx.quarter is not None
    return f"{int(ctx.quarter[:4]) - 1}{ctx.quarter[4:]}", "date"


@rule("the following <unit>", lambda ctx: ctx.since is not None and anaphoric(ctx.whole, ctx.since))
def counted_from_before(ctx: DateContext, value: Value) -> Value:
    """"Earlier that day" after 1999-10-23T14:00 -> 1999-10-23; "the
    following year" after 1995 -> 1996; "the previous Friday" after
    1989-10-27 -> 1989-10-20; with no date named before, from the reference
    date ("the next day" -> 2025-08-18); "past midnight" after a Tuesday
    -> the Wednesday at 00:00 (:func:`.times.after_midnight`)."""
    if after_midnight(ctx) and value[0] is not None:
        return day_opened(value[0]), value[1]
    return value


@rule("the 1988 quarter", whole(r"(?:the|its|their)\s+(\d{4})\s+(?:fiscal\s+)?(?:quarter|period)"))
def quarter_of_year(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"the 1988 quarter" -> the quarter reported on (its sentence's, else
    the latest finished), in that year: 1988-Q3 said in October 1989."""
    reported = ctx.quarter or (reported_quarter(ctx.ref) if ctx.ref is not None else None)
    return (f"{m.group(1)}{reported[4:]}", "date") if reported else None
