"""Anaphora (claimx.pipeline.dates.anaphora): what counts from the date or the
quarter the text named before it, not from the article's date."""

import datetime as dt

import pytest

from claimx.pipeline.dates import normalise

SUN = dt.date(2025, 8, 17)  # a Sunday
NOV1 = "1989-11-01"  # a Wednesday


@pytest.mark.parametrize(
    ("expr", "ref", "tense", "value", "kind"),
    [
        # with no date named before, anaphors count from the reference date
        ("the next day", SUN, "past", "2025-08-18", "date"),
        ("the previous day", SUN, "past", "2025-08-16", "date"),
        ("that month", SUN, "past", "2025-08", "date"),
        # the quarter reported on, in the year named
        ("the 1988 quarter", dt.date(1989, 10, 30), "past", "1988-Q3", "date"),
    ],
)
def test_anaphors_without_a_date_before(expr, ref, tense, value, kind):
    assert normalise(expr, ref, tense) == (value, kind)


@pytest.mark.parametrize(
    ("expr", "previous", "value"),
    [
        ("that day", "1999-10-23", "1999-10-23"),
        ("Earlier that day", "1999-10-23T14:00", "1999-10-23"),
        ("the next morning", "2000-02-22", "2000-02-23TMO"),
        ("later that year", "1998-06", "1998"),
        ("the following year", "1995", "1996"),
        ("The following month", "1989-03", "1989-04"),
        ("that quarter", "1988-Q2", "1988-Q2"),
        ("the previous Friday", "1989-10-27", "1989-10-20"),
        ("the following week", "2025-08-17", "2025-W34"),
        # a bare clock time is on the day named before
        ("about 10:35 a.m.", "1998-08-07", "1998-08-07T10:35"),
        ("noon", "1998-08-07T09:00", "1998-08-07T12:00"),
        ("4:01 PM", "2013-01-23", "2013-01-23T16:01"),  # "PM" is no zone
        ("21:30 GMT", "2013-01-23", "2013-01-23T21:30"),
        ("6 a.m.", "1998-08", "2025-08-17T06:00"),
        # too coarse to count a day from: left to the reference date
        ("that day", "1999", "2025-08-17"),
        ("the day", "1998-10-24", "1998-10-24"),
        ("Late in the day", "1998-10-24", "1998-10-24"),
        # no anaphor at all
        ("last year", "1995", "2024"),
    ],
)
def test_anaphors_count_from_the_date_named_before(expr, previous, value):
    assert normalise(expr, SUN, "past", previous=previous)[0] == value


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "a year ago" beside a quarter is that quarter, a year before
        ("Third-quarter profit rose to $5 million from $3 million a year ago.", NOV1,
         [("Third-quarter", "1989-Q3"), ("a year ago", "1988-Q3")]),
        ("Net income was $3 million a year ago.", NOV1, [("a year ago", "1988")]),
        # ... and figures in a later sentence of a story that named the quarter;
        # a year-before quarter is not itself the quarter reported
        ("Third-quarter profit rose. Net income was $5 million, up from $3 million a year ago. "
         "Revenue was $9 million, against $8 million a year earlier. Last year, sales were $30 million.", NOV1,
         [("Third-quarter", "1989-Q3"), ("a year ago", "1988-Q3"), ("a year earlier", "1988-Q3"), ("Last year", "1988")]),
        ("Third-quarter profit rose from last year's quarter.", NOV1,
         [("Third-quarter", "1989-Q3"), ("last year's quarter", "1988-Q3")]),
        ("Third-quarter revenue rose 5% from the year-earlier period.", NOV1,
         [("Third-quarter", "1989-Q3"), ("the year-earlier period", "1988-Q3")]),
        # "that day", "the following year": the date named before, not the article's
        ("Slepian was killed on Oct. 23, 1998. Earlier that day, the family sent a fax.", NOV1,
         [("Oct. 23, 1998", "1998-10-23"), ("Earlier that day", "1998-10-23")]),
        ("Munero fled to Florida in June 1998 and returned to Cuba later that year.", NOV1,
         [("June 1998", "1998-06"), ("later that year", "1998")]),
        # "the 20th": a day of the month named before
        ("The event is on Feb 15th, the meeting on the 20th.", "2013-01-02",
         [("Feb 15th", "2013-02-15"), ("the 20th", "2013-02-20")]),
    ],
)
def test_anaphors_in_text(date_values, text, published, expected):
    assert date_values(text, published) == expected
