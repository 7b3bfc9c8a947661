"""Sets: times that recur, TimeML's TIMEX3 type SET (guidelines 1.2.1,
§2.2: "every Tuesday" XXXX-WXX-2, "twice a week" P1W with freq 2X, "every
three days" P3D). A set of whole units is the unit's period ("every day",
"daily", "each month", "annual", "twice a week", "$500 million a year" ->
P1D, P1D, P1M, P1Y, P1W, P1Y); a set of named times is that time ("each
Thursday", "every July", "every winter" -> XXXX-WXX-4, XXXX-07, XXXX-WI).
claimx writes the value and the kind ``set``; the count of a frequency
("twice") is not kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimx.pipeline.dates.durations import duration
from claimx.pipeline.dates.rules import Value, rule
from claimx.pipeline.dates.words import SEASONS, WEEKDAY_WORD, WEEKDAYS, month_number

if TYPE_CHECKING:
    from claimx.pipeline.dates.context import DateContext

_PERIODS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P1Q", "hour": "PT1H",
            "minute": "PT1M", "decade": "P10Y", "weekend": "XXXX-WXX-WE", "night": "XXXX-XX-XXTNI",
            "morning": "XXXX-XX-XXTMO", "evening": "XXXX-XX-XXTEV", "season": "P3M"}
_ADVERBS = {"daily": "P1D", "nightly": "XXXX-XX-XXTNI", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
            "annually": "P1Y", "annual": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}


@rule("every <unit>", r"(?:every|each)\s+(other\s+)?(.+)")
def every(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"every week" -> P1W; "every other week" -> P2W; "each Thursday" ->
    XXXX-WXX-4; "every July" -> XXXX-07; "every winter" -> XXXX-WI;
    "every two weeks" -> P2W."""
    other, rest = m.group(1), m.group(2)
    if rest in _PERIODS:
        period = _PERIODS[rest]
        return (period.replace("P1", "P2") if other and period.startswith("P1") else period), "set"
    wd = re.fullmatch(WEEKDAY_WORD, rest)
    if wd:
        return f"XXXX-WXX-{WEEKDAYS[wd.group(1)] + 1}", "set"
    if rest in SEASONS:
        return f"XXXX-{SEASONS[rest]}", "set"
    mo = month_number(rest)
    if mo:
        return f"XXXX-{mo:02d}", "set"
    dur = duration(rest)
    return (dur.replace("PX", "P1") if dur else None), "set"


@rule(
    "the past three summers",
    r"(?:the\s+)?(?:past|last|previous|next|coming|first|\w+)\s+(?:\w+\s+)?(spring|summer|autumn|fall|winter)s",
)
def counted_seasons(ctx: DateContext, m: re.Match[str]) -> Value:
    """"the past three summers", "the last two winters" -> XXXX-SU,
    XXXX-WI: several seasons of that name, a set of them as TimeBank
    writes it (a season is no unit of an ISO 8601 duration, so no P3SU)."""
    return f"XXXX-{SEASONS[m.group(1)]}", "set"


@rule("on Mondays", r"(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s")
def weekdays(ctx: DateContext, m: re.Match[str]) -> Value:
    """"on Saturdays", "Mondays" -> XXXX-WXX-6, XXXX-WXX-1: every such day."""
    return f"XXXX-WXX-{WEEKDAYS[m.group(1)] + 1}", "set"


@rule("daily", r"(daily|nightly|weekly|biweekly|monthly|annually|annual|yearly|hourly)")
def frequency(ctx: DateContext, m: re.Match[str]) -> Value:
    """"daily", "annual", "yearly" -> P1D, P1Y, P1Y: a frequency adjective
    or adverb is a set of its unit."""
    return _ADVERBS[m.group(1)], "set"


@rule(
    "twice a week",
    r"(?:once|twice|thrice|(?:\d+|[a-z]+(?:\s+[a-z]+)?)\s+times)\s+(?:a|an|per|each|every)\s+"
    r"(day|night|week|month|year|quarter|hour|minute|season|decade)",
)
def times_per(ctx: DateContext, m: re.Match[str]) -> Value:
    """"twice a week" -> P1W, "three times a year" -> P1Y: the period the
    count recurs in (TimeML writes the count as freq="2X")."""
    return _PERIODS[m.group(1)], "set"


@rule("<count> a year", lambda ctx: ctx.rate and re.fullmatch(r"(?:a|an|per)\s+(\w+)", ctx.low))
def rate(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"a year" after a count ("$500 million a year", "50,000 barrels a
    day") -> P1Y, P1D: so much each year."""
    period = _PERIODS.get(m.group(1))
    return (period, "set") if period else None
