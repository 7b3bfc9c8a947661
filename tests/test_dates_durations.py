"""Durations (claimx.dates.durations)."""

import datetime as dt

import pytest

from claimx.dates import normalise

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
