"""The normaliser: one expression, the date it counts from and its tense
in, a TIMEX3 ``(value, kind)`` out. It tries the families' named rules in
the one order written below; the first that answers wins.

First the rules that read the whole expression against its context (the
quarter its sentence reports on, the date named before it). Then the
family rules on the expression; when none gives it a value, on its shorter
tails ("coup d'etat last year" -> "last year"). The order matters where
two rules would read the same words: a set before its unit ("every week"),
a quarter before the date that ends it ("the third quarter ended Sept.
30"), a calendar date before the weekday written with it ("Sunday (August
17)"), a named day before a bare clock time ("10 p.m. Wednesday"), and
durations last ("the past three years" is P3Y, "the past year" 2024).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from claimx.pipeline.dates import anaphora, calendar_dates, durations, periods, relative, sets, stretches, times, vague
from claimx.pipeline.dates.context import DateContext
from claimx.pipeline.dates.rules import Rewrite, Rule, Value

# rules that read the whole expression in its context, tried once
CONTEXT_RULES: tuple[Rule, ...] = (
    durations.race_time,  # "a time of 2:09:41": how long, not a clock time on the day named before
    relative.clock_before_bracket,  # "10:35 a.m. (0735 GMT) Friday"
    durations.count_of_pair,  # "15" of "15 to 17 minutes": a count, not a day of the month named before
    anaphora.year_before_quarter,  # "a year ago" beside 1989-Q3 -> 1988-Q3
    stretches.day_before,  # "the day after his death"
    stretches.day_before_date,  # "the day before last Tuesday"
    stretches.unit_around_event,  # "the week following the crash"
    anaphora.counted_from_before,  # "later that day", "the following year"
    anaphora.quarter_of_year,  # "the 1988 quarter"
    relative.year_ago,  # "the year-ago"
    periods.year_pair_end,  # "99" of "1998-99"
    relative.weekday_of_pair,  # "Tuesday" of "Monday and Tuesday"
)

# the family rules, in the order they are tried on the expression and its tails
RULES: tuple[Rule | Rewrite, ...] = (
    sets.every,  # "every week", "each Thursday", "every winter"
    sets.weekdays,  # "on Saturdays"
    sets.counted_seasons,  # "the past three summers"
    sets.frequency,  # "daily", "annual"
    sets.times_per,  # "twice a week"
    sets.rate,  # "$500 million a year"
    vague.present,  # "now"
    vague.generic_today,  # "than is possible today"
    vague.that_time,  # "at that time"
    vague.one_day,  # "will one day be"
    vague.past,  # "recently"
    vague.future,  # "soon"
    relative.coming_units,  # "the coming months"
    periods.quarter_abbreviated,  # "Q4 2012"
    periods.quarter_ordinal,  # "the third quarter"
    periods.part_of_quarter,  # "the end of the quarter" ahead
    periods.quarter_reported,  # "the latest quarter"
    calendar_dates.week_of_month,  # "the first week of May"
    calendar_dates.week_of,  # "the week of March 6", "Easter week"
    calendar_dates.iso_date,  # "2025-08-17"
    calendar_dates.slash_date,  # "8/17/2025"
    calendar_dates.month_day,  # "Aug. 17, 2025"
    calendar_dates.day_month,  # "17 August"
    calendar_dates.month_year,  # "August 2025", "June last year"
    periods.part_of_decade,  # "the last half of the '80s" -> "the '80s"
    periods.decade,  # "the 1990s"
    periods.decade_short,  # "the '80s"
    periods.decade_words,  # "the nineties"
    periods.century,  # "20th century"
    periods.year,  # "1996", "fiscal 1996"
    periods.year_span,  # "1996-97"
    periods.year_spoken,  # "nineteen ninety-six"
    periods.season_of,  # "the summer of 1996"
    durations.than_usual,  # "three weeks earlier than usual"
    relative.later_stretch,  # "a minute and a half later"
    relative.ago,  # "two days ago"
    relative.relative_day,  # "yesterday", "tomorrow night"
    times.last_night,  # "last night"
    times.part_of_day,  # "this morning"
    times.bare_part_of_day,  # "afternoon" of "the afternoon session"
    relative.same_day,  # "that day", "later in the day"
    calendar_dates.holiday_date,  # "Thanksgiving Day"
    relative.weekday,  # "Monday", "next Friday"
    durations.vague_stretch,  # "recent years", "future quarters"
    stretches.full_year,  # "the full year"
    stretches.end_of_year,  # "the end of the year"
    relative.end_of_month,  # "the end of the month"
    stretches.year_to_date,  # "year-to-date"
    stretches.the_year,  # "the year"
    stretches.last_unit,  # "the past year", "the last quarter"
    relative.this_past,  # "this past weekend" -> "last weekend"
    periods.this_past_season,  # "this past spring"
    periods.season,  # "this summer", "in the spring"
    relative.this_unit,  # "last week", "next month", "the weekend"
    times.clock_time,  # "3 p.m."
    stretches.nth_day,  # "the eighth day"
    stretches.the_day,  # "the day"
    durations.stretch,  # "two years", "weeks"
    durations.units_ahead,  # "the weeks ahead"
    durations.a_while,  # "a while"
)

_TAILS = 3  # shorter tails tried when the whole expression has no value: from its 2nd, 3rd, 4th word

# a TIMEX3 value, its kind and the tag of the rule that gave it ("times: <clock time>"; "" for none)
Tagged = tuple[str | None, str, str]


def normalise(
    expr: str,
    ref: dt.date | None,
    tense: str = "past",
    quarter: str | None = None,
    previous: str | None = None,
    **around: str | bool,
) -> Value:
    """TIMEX3 ``(value, kind)`` for one expression; kind is date|time|duration|set.

    ``quarter`` is the quarter its sentence reports on ("1989-Q3"), if any:
    in "profit rose to $5 million from $3 million a year ago" the year ago is
    that quarter of the year before, as TimeML annotates it. ``previous`` is
    the value of the last calendar date the text named before ``expr``:
    "that day", "the following year", "the previous Friday" count from it.
    ``around`` is what the article says around it (:meth:`DateContext.of`):
    ``lead`` and ``trail``, the words just before and after it ("for" in
    "for the last year": a stretch), ``day_first`` whether its article
    writes numeric dates day first ("25/12/2008"), ``rate`` whether it
    follows a count ("$500 million a year": a set). When the whole
    expression does not parse, its shorter tails are tried ("coup d'etat
    last year" -> "last year")."""
    value, kind, _ = normalise_tagged(expr, ref, tense, quarter, previous, **around)
    return value, kind


def normalise_tagged(
    expr: str,
    ref: dt.date | None,
    tense: str = "past",
    quarter: str | None = None,
    previous: str | None = None,
    **around: str | bool,
) -> Tagged:
    """:func:`normalise`, with the tag of the rule that answered."""
    ctx = replace(DateContext.of(expr, ref, tense, quarter, previous, **around), engine=read)  # type: ignore[arg-type]
    for step in CONTEXT_RULES:
        if (value := step(ctx)) is not None:
            return value[0], value[1], step.tag
    words = ctx.expr.split()
    result = _read(ctx)
    for i in range(1, min(len(words), _TAILS + 1)):
        if result[0] is not None or _unanchored(ctx, result):
            break
        tail = _read(ctx.reading(" ".join(words[i:])))
        if tail[0] is not None or _unanchored(ctx, tail):
            result = tail
    return result


def _unanchored(ctx: DateContext, result: Tagged) -> bool:
    """Whether a rule has read the whole expression as a date it cannot
    anchor, with no reference date to count from: "next year", "last
    month", "the third quarter" stay dates with value null (TimeML: "next
    year" is a DATE), and no tail of them ("year": P1Y) is read as a
    stretch instead."""
    return ctx.ref is None and bool(result[2]) and result[1] in ("date", "time")


def read(ctx: DateContext) -> Value:
    """The first answer of :data:`RULES` on the words ``ctx`` reads, or
    ``(None, "date")``."""
    value, kind, _ = _read(ctx)
    return value, kind


def _read(ctx: DateContext) -> Tagged:
    for step in RULES:
        if isinstance(step, Rewrite):
            ctx = step(ctx)
        elif (value := step(ctx)) is not None:
            return value[0], value[1], step.tag
    return None, "date", ""
