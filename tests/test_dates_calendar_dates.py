"""Calendar dates (claimx.dates.calendar_dates): days and months named by
the calendar, holidays, and the week of a day."""

import datetime as dt

import pytest

from claimx.dates import normalise

SUN = dt.date(2025, 8, 17)  # a Sunday
FEB = dt.date(2024, 2, 10)


@pytest.mark.parametrize(
    ("expr", "ref", "tense", "value", "kind"),
    [
        ("Sunday (August 17)", SUN, "past", "2025-08-17", "date"),
        ("August 2025", SUN, "past", "2025-08", "date"),
        ("March 30", FEB, "future", "2024-03-30", "date"),
        ("March 30", FEB, "past", "2024-03-30", "date"),  # weeks ahead: the tense is not enough
        ("December 3", FEB, "past", "2023-12-03", "date"),
        ("December", FEB, "future", "2024-12", "date"),
        ("Jan. 5, 2016", SUN, "past", "2016-01-05", "date"),
        ("June last year", SUN, "past", "2024-06", "date"),
        # holidays, fixed and floating, on the side of the reference date the tense points to
        ("Thanksgiving Day", dt.date(2000, 1, 7), "past", "1999-11-25", "date"),
        ("Election Day", dt.date(1998, 10, 26), "future", "1998-11-03", "date"),
        ("Easter", dt.date(1999, 5, 1), "past", "1999-04-04", "date"),
        ("Memorial Day", dt.date(2000, 1, 7), "future", "2000-05-29", "date"),
        ("Christmas", SUN, "past", "2024-12-25", "date"),
        ("the week of March 6", FEB, "future", "2024-W10", "date"),
        ("Easter week", dt.date(2000, 4, 17), "past", "2000-W16", "date"),  # the nearer Easter
    ],
)
def test_calendar_dates(expr, ref, tense, value, kind):
    assert normalise(expr, ref, tense) == (value, kind)


def test_easter_holidays():
    ref = dt.date(2019, 4, 1)
    assert normalise("Easter Monday", ref, "future") == ("2019-04-22", "date")
    assert normalise("Good Friday", ref, "future") == ("2019-04-19", "date")
