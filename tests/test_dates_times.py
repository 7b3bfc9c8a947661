"""Times of day (claimx.dates.times)."""

import datetime as dt

import pytest

from claimx.dates import normalise

SUN = dt.date(2025, 8, 17)  # a Sunday


@pytest.mark.parametrize(
    ("expr", "ref", "tense", "value", "kind"),
    [
        ("3 p.m.", SUN, "past", "2025-08-17T15:00", "time"),
        ("4 in the morning", SUN, "past", "2025-08-17T04:00", "time"),
        ("9 o'clock at night", SUN, "past", "2025-08-17T21:00", "time"),
        ("midnight", SUN, "future", "2025-08-17T24:00", "time"),
    ],
)
def test_times_of_day(expr, ref, tense, value, kind):
    assert normalise(expr, ref, tense) == (value, kind)
