"""The normaliser (claimx.pipeline.dates.normalise): every family rule is tried, once,
in the written order, and each says by example what it reads."""

import datetime as dt

import pytest

from claimx.pipeline.dates import anaphora, calendar_dates, durations, periods, relative, sets, stretches, times, vague
from claimx.pipeline.dates.normalise import CONTEXT_RULES, RULES, normalise
from claimx.pipeline.dates.rules import Rewrite, Rule

FAMILIES = (anaphora, calendar_dates, durations, periods, relative, sets, stretches, times, vague)
SUN = dt.date(2025, 8, 17)


def _defined():
    return [v for f in FAMILIES for v in vars(f).values() if isinstance(v, (Rule, Rewrite))]


def test_every_rule_is_tried_once():
    order = list(CONTEXT_RULES) + list(RULES)
    assert sorted(map(id, order)) == sorted(map(id, _defined()))
    assert len({id(r) for r in order}) == len(order)


def test_rules_are_named_and_have_an_example():
    names = [r.name for r in _defined()]
    assert len(set(names)) == len(names)
    assert all(r.example for r in _defined())


def test_context_rules_read_the_whole_expression_first():
    # the date named before wins over the reference date
    assert normalise("that day", SUN, "past", previous="1999-10-23") == ("1999-10-23", "date")
    assert normalise("that day", SUN, "past") == ("2025-08-17", "date")
    # the quarter of the sentence wins over the year
    assert normalise("a year ago", SUN, "past", quarter="1989-Q3") == ("1988-Q3", "date")
    assert normalise("a year ago", SUN, "past") == ("2024", "date")


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        # a set before its unit, a quarter before the date that ends it
        ("every week", "P1W"),
        ("the third quarter ended Sept. 30", "2025-Q3"),
        # the tails, when the whole has no value
        ("coup d'etat last year", "2024"),
        ("the Olympic Games", None),
    ],
)
def test_order(expr, value):
    assert normalise(expr, SUN, "past")[0] == value
