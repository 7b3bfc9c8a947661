"""Sets (claimx.pipeline.dates.sets): what recurs, TimeML's TIMEX3 type SET
(guidelines 1.2.1, §2.2: "twice a week" value P1W, freq 2X; "every
Tuesday" XXXX-WXX-2). TimeBank leaves the frequency adjectives "annual" and
"quarterly" mostly unmarked and marks "daily" and "annually" as sets;
claimx follows the guidelines and marks "annual" and "yearly" as sets too
("quarterly", a set in TimeBank once in eleven, stays unmarked)."""

import pytest

from claimx.pipeline.dates import normalise
from tests.dates_cases import SUN, readings

FRI = "2024-03-15"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The company holds an annual meeting in Houston, and sales grow 5% annually.", FRI,
         [("annual", "P1Y", "set"), ("annually", "P1Y", "set")]),
        ("Inflation is measured on a yearly basis and reported monthly.", FRI,
         [("yearly", "P1Y", "set"), ("monthly", "P1M", "set")]),
        ("Annual inflation fell to 3.2% in February from 3.4% in January.", FRI,
         [("Annual", "P1Y", "set"), ("February", "2024-02", "date"), ("January", "2024-01", "date")]),
        ("The team trains twice a week and plays three times a month.", FRI,
         [("twice a week", "P1W", "set"), ("three times a month", "P1M", "set")]),
        ("Snow falls every winter in the region, and each month the report is published.", FRI,
         [("every winter", "XXXX-WI", "set"), ("each month", "P1M", "set")]),
        ("He visits his mother every Sunday and the board meets every other week.", FRI,
         [("every Sunday", "XXXX-WXX-7", "set"), ("every other week", "P2W", "set")]),
        ("Carnival is celebrated every February in Rio.", FRI, [("every February", "XXXX-02", "set")]),
        # a rate: "a year" after a count
        ("The plant produces 50,000 barrels a day and earns $500 million a year.", FRI,
         [("a day", "P1D", "set"), ("a year", "P1Y", "set")]),
        ("Police said they conduct hundreds of interviews a day.", FRI, [("a day", "P1D", "set")]),
        # ... not a stretch, nor what a year ago was
        ("It takes a year to build a plant.", FRI, [("a year", "P1Y", "duration")]),
        ("Profit rose to $5 million from $3 million a year ago.", FRI, [("a year ago", "2023", "date")]),
        ("Workers get two days a week off.", FRI, [("two days", "P2D", "duration")]),
        ("Trump holds a commanding lead in delegates a month into the contest.", FRI, [("a month", "P1M", "duration")]),
        ("The index is rebalanced quarterly.", FRI, []),
    ],
)
def test_sets_in_the_text(nlp, text, published, expected):
    assert readings(nlp, text, published) == expected



@pytest.mark.parametrize(
    ("expr", "value"),
    [
        ("daily", "P1D"),
        ("each year", "P1Y"),
        ("each Thursday", "XXXX-WXX-4"),
        ("every week", "P1W"),
        ("every two weeks", "P2W"),
        ("every spring", "XXXX-SP"),
        ("once a month", "P1M"),
        ("five times a day", "P1D"),
        ("annual", "P1Y"),
        ("nightly", "XXXX-XX-XXTNI"),
    ],
)
def test_sets(expr, value):
    assert normalise(expr, SUN, "past") == (value, "set")


def test_a_rate_only_after_a_count():
    assert normalise("a year", SUN, "past", rate=True) == ("P1Y", "set")
    assert normalise("a year", SUN, "past") == ("P1Y", "duration")
