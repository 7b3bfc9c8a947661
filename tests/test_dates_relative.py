"""Relative days and weeks (claimx.pipeline.dates.relative): what counts from the
reference date, in the direction the tense points."""

import datetime as dt

import pytest

from claimx.pipeline.dates import normalise

SUN = dt.date(2025, 8, 17)  # a Sunday


@pytest.mark.parametrize(
    ("expr", "ref", "tense", "value", "kind"),
    [
        ("Monday", SUN, "future", "2025-08-18", "date"),
        ("Monday", SUN, "past", "2025-08-11", "date"),
        # the article's own weekday is not pushed a week back
        ("Sunday", SUN, "past", "2025-08-17", "date"),
        ("tomorrow", SUN, "past", "2025-08-18", "date"),
        ("yesterday", SUN, "past", "2025-08-16", "date"),
        ("last week", SUN, "past", "2025-W32", "date"),
        ("last week", dt.date(2025, 8, 20), "past", "2025-W33", "date"),
        ("next month", SUN, "future", "2025-09", "date"),
        ("this year", SUN, "past", "2025", "date"),
        ("this summer", SUN, "past", "2025-SU", "date"),
        ("now", SUN, "present", "PRESENT_REF", "date"),
        ("recently", SUN, "past", "PAST_REF", "date"),
        # "or so" loosens, it does not change the value
        ("the next year or so", SUN, "future", "2026", "date"),
        ("a later date", SUN, "future", "FUTURE_REF", "date"),
        ("coup d'etat last year", SUN, "past", "2024", "date"),
        ("coming months", SUN, "future", "FUTURE_REF", "date"),
        ("10 p.m. Wednesday", SUN, "past", "2025-08-13T22:00", "time"),
        ("two days ago", SUN, "past", "2025-08-15", "date"),
        # "later" marks where a stretch ends: the stretch is the expression (TimeML)
        ("Three days later", SUN, "past", "P3D", "duration"),
        ("a minute and a half later", SUN, "past", "PT1M30S", "duration"),
        ("A day earlier", SUN, "past", "P1D", "duration"),
        ("a year earlier", SUN, "past", "2024", "date"),
        # a weekend gone by, unless said on it or looking ahead
        ("the weekend", dt.date(2013, 3, 15), "past", "2013-W10-WE", "date"),
        ("the weekend", dt.date(2013, 3, 15), "future", "2013-W11-WE", "date"),
        ("this past weekend", dt.date(2013, 3, 15), "past", "2013-W10-WE", "date"),
        # nothing to anchor on: relative expressions stay unresolved
        ("Monday", None, "future", None, "date"),
        ("tomorrow", None, "past", None, "date"),
    ],
)
def test_relative_days_and_weeks(expr, ref, tense, value, kind):
    assert normalise(expr, ref, tense) == (value, kind)


# with no reference date a relative date stays a date with value null (TimeML:
# "next year" is a DATE); no word of it is read as a stretch instead ("year": P1Y).
# What is a stretch with a reference date stays one without.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor said the fund would be reviewed next year.", [("next year", None, "date")]),
        ("Sales fell last month, the company said.", [("last month", None, "date")]),
        ("The talks will resume next week.", [("next week", None, "date")]),
        ("The board met last week and again this week.", [("last week", None, "date"), ("this week", None, "date")]),
        ("Prices have risen over the past year.", [("the past year", None, "date")]),
        ("The company expects results in the third quarter.", [("the third quarter", None, "date")]),
        # negatives: stretches keep their length
        ("The plan will run for the coming year.", [("the coming year", "P1Y", "duration")]),
        ("Prices have risen for the past year.", [("the past year", "P1Y", "duration")]),
        ("The strike lasted two years.", [("two years", "P2Y", "duration")]),
    ],
)
def test_relative_dates_without_reference_stay_dates(nlp, text, expected):
    from tests.dates_cases import readings

    assert readings(nlp, text) == expected
