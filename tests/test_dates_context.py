"""The context of one expression (claimx.pipeline.dates.context): the words the
rules read, prepared once."""

import datetime as dt

import pytest

from claimx.pipeline.dates.context import DateContext

SUN = dt.date(2025, 8, 17)


@pytest.mark.parametrize(
    ("expr", "text", "low", "clock"),
    [
        # a leading preposition and a final "'s" are no part of the date
        ("on Monday's", "on Monday's", "monday", None),
        ("By 10:30 a.m. Tuesday", "By 10:30 a.m. Tuesday", "10:30 a.m. tuesday", "10:30 a.m."),
        ("In  the   past.", "In the past.", "the past", None),
        # a clock time said in words is written as one
        ("4 in the morning", "4 in the morning", "4 a.m.", "4 a.m."),
        ("noon Friday", "noon Friday", "noon friday", "noon"),
        # two days of one month with the year after them: the first day
        ("Jan. 30 and 31, 1998", "Jan. 30, 1998", "jan. 30, 1998", None),
        # two quarters from the start or the end of a year: a half
        ("the first two quarters of 1990", "the first half of 1990", "the first half of 1990", None),
        ("the last two quarters", "the second half", "the second half", None),
        # "or so" loosens, it does not change the words
        ("the next year or so", "the next year", "the next year", None),
        ("Monday", "Monday", "monday", None),
    ],
)
def test_reading(expr, text, low, clock):
    ctx = DateContext.of(expr, SUN)
    assert (ctx.text, ctx.low, ctx.clock.group(0) if ctx.clock else None) == (text, low, clock)


def test_whole_expression_and_tails():
    ctx = DateContext.of("Coup d'etat   last year or so.", SUN, "past")
    assert ctx.expr == "Coup d'etat   last year."
    assert ctx.whole == "coup d'etat last year"
    tail = ctx.reading("last year.")
    assert (tail.whole, tail.low, tail.tense) == ("coup d'etat last year", "last year", "past")
    assert ctx.reading("Monday", tense="future").tense == "future"


@pytest.mark.parametrize(
    ("previous", "ref", "since"),
    [("1998-10-23", SUN, "1998-10-23"), (None, SUN, "2025-08-17"), (None, None, None)],
)
def test_an_anaphor_counts_from_the_date_before_else_the_reference(previous, ref, since):
    assert DateContext.of("that day", ref, previous=previous).since == since
