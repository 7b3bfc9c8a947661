"""Durations (claimx.pipeline.dates.durations)."""

import datetime as dt

import pytest

from claimx.pipeline.dates import normalise
from tests.dates_cases import readings

SUN = dt.date(2025, 8, 17)  # a Sunday


@pytest.mark.parametrize(
    ("expr", "ref", "tense", "value", "kind"),
    [
        ("weeks", SUN, "past", "PXW", "duration"),
        ("two years", SUN, "past", "P2Y", "duration"),
        ("three-hour", SUN, "past", "PT3H", "duration"),
        ("nearly forty years", SUN, "past", "P40Y", "duration"),
        ("a couple of years", SUN, "past", "P2Y", "duration"),
        ("2 1/2 years", SUN, "past", "P2Y6M", "duration"),
        ("a few minutes", SUN, "past", "PTXM", "duration"),
        # "or so" loosens, it does not change the value; a range of counts is vague
        ("the next two years or so", SUN, "future", "P2Y", "duration"),
        ("the next 12 to 18 months", SUN, "future", "PXM", "duration"),
        # "the past several quarters" refers to the past; "recent days" is a stretch of some days
        # (TimeBank and AQUAINT mark "recent <units>" as PX… more often than PAST_REF)
        ("recent days", SUN, "past", "PXD", "duration"),
        ("the past several quarters", SUN, "past", "PAST_REF", "date"),
        ("future quarters", SUN, "past", "FUTURE_REF", "date"),
        ("the past three years", SUN, "past", "P3Y", "duration"),
        ("Eight trading days", SUN, "past", "P8D", "duration"),
        ("half a century", SUN, "past", "P50Y", "duration"),
        ("a quarter-century", SUN, "past", "P25Y", "duration"),
        ("the weeks ahead", SUN, "future", "PXW", "duration"),
    ],
)
def test_durations(expr, ref, tense, value, kind):
    assert normalise(expr, ref, tense) == (value, kind)


# Courts and plans: possessive durations, stretches counted from now,
# "-long" stretches (TimeML 1.2.1 §2.2: "ten years from now" is the DATE it
# points to, "three years' probation" the DURATION P3Y).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was given two years' probation and 200 hours of community service.",
         [("two years'", "P2Y", "duration"), ("200 hours", "PT200H", "duration")]),
        ("He was sentenced to three years' probation after a two-week-long trial.",
         [("three years'", "P3Y", "duration"), ("two-week-long", "P2W", "duration")]),
        ("Ten years from now, the city will look different.", [("Ten years from now", "2034", "date")]),
        ("The defendant faces up to 20 years in prison, and sentencing is set for June 3.",
         [("up to 20 years", "P20Y", "duration"), ("June 3", "2024-06-03", "date")]),
        ("She received a six-month suspended sentence after a day-long hearing.",
         [("six-month", "P6M", "duration"), ("day-long", "P1D", "duration")]),
        # an age is no duration
        ("The 6-month-old boy and his 6-year-old sister were found.", []),
    ],
)
def test_durations_in_the_text(nlp, text, expected):
    assert readings(nlp, text, "2024-03-15") == expected


def test_for_makes_a_vague_stretch_a_duration():
    """"over the past several quarters" is the past (PAST_REF); "for the past
    few weeks" how long (PXW), as TimeBank marks it."""
    sun = dt.date(2025, 8, 17)
    assert normalise("the past several quarters", sun, "past", lead="weak over ") == ("PAST_REF", "date")
    assert normalise("the past few weeks", sun, "present", lead="for ") == ("PXW", "duration")


# Durations read as dates, and the reverse (TimeML 1.2.1 §2.2: a comparison
# word is a signal, the TIMEX3 the stretch; a fraction is written in the next
# smaller unit, as TimeBank's "a minute and a half" PT1M30S)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The harvest came three weeks earlier than usual.", [("three weeks earlier", "P3W", "duration")]),
        ("The report arrived two days later than planned.", [("two days later", "P2D", "duration")]),
        ("Over the following years, prices rose.", [("the following years", "PXY", "duration")]),
        ("Spending will rise over the next five years.", [("the next five years", "P5Y", "duration")]),
        ("Kipchoge won the race in a time of 2:09:41 on Sunday.",
         [("2:09:41", "PT2H9M41S", "duration"), ("Sunday", "2024-03-10", "date")]),
        ("Rescuers arrived within hours.", [("hours", "PTXH", "duration")]),
        ("He was jailed for nearly one and a half years.", [("one and a half years", "P1Y6M", "duration")]),
        ("A quarter of an hour later, the doors opened.", [("A quarter of an hour later", "PT15M", "duration")]),
        ("He left a fortnight ago, and the past fortnight was quiet.",
         [("a fortnight ago", "2024-W09", "date"), ("the past fortnight", "P2W", "duration")]),
        # negatives: a gap counted back from the article with no comparison is a date; a clock time is a time
        ("Three weeks earlier, the harvest had begun.", [("Three weeks earlier", "2024-W08", "date")]),
        ("The train left at 2:09 p.m. on Friday.", [("2:09 p.m. on Friday", "2024-03-15T14:09", "time")]),
    ],
)
def test_durations_and_dates_told_apart(nlp, text, expected):
    assert readings(nlp, text, "2024-03-15") == expected
