"""Months, quarters, seasons and years (claimx.dates.periods)."""

import datetime as dt

import pytest

from claimx.dates import normalise

SUN = dt.date(2025, 8, 17)  # a Sunday


@pytest.mark.parametrize(
    ("expr", "ref", "tense", "value", "kind"),
    [
        ("the third quarter", SUN, "past", "2025-Q3", "date"),
        ("the 1990s", SUN, "past", "199", "date"),  # TimeML decade
        ("20th century", SUN, "past", "19", "date"),
        ("nineteen ninety-six", SUN, "past", "1996", "date"),
        ("the first two quarters of 1990", SUN, "past", "1990-H1", "date"),
        ("the fourth quarter", dt.date(2025, 1, 20), "past", "2024-Q4", "date"),
        ("1996", SUN, "past", "1996", "date"),
        ("this past spring", dt.date(1989, 10, 30), "past", "1989-SP", "date"),
        ("Q3", dt.date(2013, 3, 15), "past", "2012-Q3", "date"),
        ("Q4 2012", SUN, "past", "2012-Q4", "date"),
        ("next year's first quarter", dt.date(1989, 10, 31), "past", "1990-Q1", "date"),
        ("the last half of the '80s", dt.date(1989, 10, 31), "past", "198", "date"),
        # spoken years and decades (broadcast transcripts)
        ("the year two thousand", SUN, "past", "2000", "date"),
        ("two thousand and four", SUN, "past", "2004", "date"),
        ("the nineties", SUN, "past", "199", "date"),
    ],
)
def test_months_quarters_seasons_years(expr, ref, tense, value, kind):
    assert normalise(expr, ref, tense) == (value, kind)
