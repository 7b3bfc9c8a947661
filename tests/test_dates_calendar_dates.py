"""Calendar dates (claimx.pipeline.dates.calendar_dates): days and months named by
the calendar, holidays, and the week of a day."""

import datetime as dt

import pytest

from claimx.pipeline.dates import normalise
from tests.dates_cases import readings

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


# Numeric dates: month first (the wire's order), unless the article writes
# one that reads only day first ("25/12/2008"); never inside a longer
# number. A month alone in past narration two months or more after the
# reference date's is the one gone by.
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The deal was signed on 3/9/06.", "2024-03-15", [("3/9/06", "2006-03-09", "date")]),
        ("The deal, signed on 3/9/06, expired on 25/12/2008.", "2024-03-15",
         [("3/9/06", "2006-09-03", "date"), ("25/12/2008", "2008-12-25", "date")]),
        ("The ruling, dated 12/03/2024, was published on 15/03/2024.", "2024-03-15",
         [("12/03/2024", "2024-03-12", "date"), ("15/03/2024", "2024-03-15", "date")]),
        ("The filing is dated 03/12/2024.", "2024-03-15", [("03/12/2024", "2024-03-12", "date")]),
        ("The fraction 3/9/06/7 is no date.", "2024-03-15", []),
        ("Smith bought the firm in November and sold it in January.", "2024-03-15",
         [("November", "2023-11", "date"), ("January", "2024-01", "date")]),
        ("The court ruled in November that the law was invalid.", "2024-09-10", [("November", "2023-11", "date")]),
        ("The trial will start in November.", "2024-03-15", [("November", "2024-11", "date")]),
        ("The case is heard in May in the 11th Circuit.", "2000-03-29", [("May", "2000-05", "date")]),
        # a month on may be what was said to come
        ("Saudi Arabia told oil companies of a cutback in September.", "1990-08-16", [("September", "1990-09", "date")]),
    ],
)
def test_numeric_dates_and_months_in_the_text(nlp, text, published, expected):
    assert readings(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("expr", "day_first", "value"),
    [
        ("8/17/2025", False, "2025-08-17"),
        ("8/17/2025", True, "2025-08-17"),  # only one reading
        ("3/9/06", False, "2006-03-09"),
        ("3/9/06", True, "2006-09-03"),
        ("13/13/2006", False, None),
    ],
)
def test_numeric_dates(expr, day_first, value):
    assert normalise(expr, SUN, "past", day_first=day_first)[0] == value
