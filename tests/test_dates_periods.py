"""Months, quarters, seasons and years (claimx.pipeline.dates.periods)."""

import datetime as dt

import pytest

from claimx.pipeline.dates import normalise
from tests.dates_cases import readings

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


# Seasons, capitalised or not, after a preposition, of the reference year
# unless the tense points past it; "the fall of Saigon" and "Arab Spring"
# are no seasons. Decades as TimeML writes them (199: the 1990s).
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The firm was founded in the spring and sold in Autumn.", "2024-10-10",
         [("the spring", "2024-SP", "date"), ("Autumn", "2024-FA", "date")]),
        ("The firm was founded in the spring and sold in Autumn.", "2024-02-10",
         [("the spring", "2023-SP", "date"), ("Autumn", "2023-FA", "date")]),
        ("The law takes effect in spring 2025, officials said.", "2024-03-15", [("spring 2025", "2025-SP", "date")]),
        ("Construction began last autumn and will finish next summer.", "2024-03-15",
         [("last autumn", "2023-FA", "date"), ("next summer", "2025-SU", "date")]),
        ("The plant will reopen in autumn.", "2024-12-10", [("autumn", "2025-FA", "date")]),
        ("After the fall of the Berlin Wall, prices fell in the fall.", "2024-03-15", [("the fall", "2023-FA", "date")]),
        ("Spring Street was closed after the Arab Spring.", "2024-03-15", []),
        ("The policy was common in the 1990s and the early 2000s.", "2024-03-15",
         [("the 1990s", "199", "date"), ("the early 2000s", "200", "date")]),
        ("Prices rose sharply in the '70s.", "2024-03-15", [("the '70s", "197", "date")]),
        # fiscal years and quarters by their names
        ("The company reported FY2024 results and guided for Q1 FY25.", "2024-03-15",
         [("FY2024", "2024", "date"), ("Q1 FY25", "2025-Q1", "date")]),
    ],
)
def test_seasons_and_decades_in_the_text(nlp, text, published, expected):
    assert readings(nlp, text, published) == expected


# Parts of periods and granularity (TimeML 1.2.1 §2.2: a part of a period
# takes the period's value, its part in mod START/MID/END — TimeBank's
# "early next year" 1990, "the end of this week" 1989-W44; a value is as
# fine as the expression: a week is a week, a fortnight ago a week)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plant will reopen early next year.", [("early next year", "2026", "date")]),
        ("Results are due at the end of the quarter.", [("the end of the quarter", "2025-Q2", "date")]),
        ("The strike ended early this month.", [("early this month", "2025-04", "date")]),
        ("The festival runs in the first week of May.", [("the first week of May", "2025-W18", "date")]),
        ("Shops were busiest in the last week of June 2024.", [("the last week of June 2024", "2024-W26", "date")]),
        ("He left a fortnight ago.", [("a fortnight ago", "2025-W14", "date")]),
        ("Sales rose in the spring.", [("the spring", "2025-SP", "date")]),
        ("Prices fell in the second half of last year.", [("the second half of last year", "2024-H2", "date")]),
        # negatives: the quarter a results story looks back on is the latest finished; a month stays a month
        ("At the end of the quarter, sales had fallen.", [("the end of the quarter", "2025-Q1", "date")]),
        ("The festival runs in May.", [("May", "2025-05", "date")]),
    ],
)
def test_parts_of_periods(nlp, text, expected):
    assert readings(nlp, text, "2025-04-15") == expected
