"""Vague references (claimx.pipeline.dates.vague): the present, the past and the
future as such, TimeML's PRESENT_REF, PAST_REF, FUTURE_REF (guidelines
1.2.1, §2.2, attribute value). "Today" of the present in general is the
present, as TimeBank marks "And today, the right to work ..."; "today" of
a day is that day. A bare "later" (TimeBank marks 5 of its 15, AQUAINT 1 of
8) and "previously" (3 of 19, 0 of 4) are left unmarked."""

import pytest

from claimx.pipeline.dates import normalise
from tests.dates_cases import SUN, readings

FRI = "2024-03-15"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("At that time, the company had 40 employees.", FRI, [("that time", "PAST_REF", "date")]),
        ("The company warned earlier this year that profits would fall.", FRI,
         [("earlier this year", "2024", "date")]),
        ("Travel is easier today than it was in the 1980s.", FRI,
         [("today", "PRESENT_REF", "date"), ("the 1980s", "198", "date")]),
        ("Cars are now safer than is possible today.", FRI,
         [("now", "PRESENT_REF", "date"), ("today", "PRESENT_REF", "date")]),
        ("The plant will reopen at a later date.", FRI, [("a later date", "FUTURE_REF", "date")]),
        ("In the past, such cases were rare.", FRI, [("the past", "PAST_REF", "date")]),
        ("Islam will one day be the second largest religion, he said.", FRI, [("one day", "FUTURE_REF", "date")]),
        # the day itself, not the present in general
        ("The minister arrives in Paris today.", FRI, [("today", "2024-03-15", "date")]),
        ("Today's meeting was postponed.", FRI, [("Today", "2024-03-15", "date")]),
        # not a time at all: "the time" of a clause, a bare "later"
        ("At the time Howes was captured, the group was united.", FRI, []),
        ("The minister said later that the talks had failed.", FRI, []),
    ],
)
def test_vague_references_in_the_text(nlp, text, published, expected):
    assert readings(nlp, text, published) == expected



@pytest.mark.parametrize(
    ("expr", "tense", "lead", "trail", "value"),
    [
        ("today", "present", "more than is possible ", "", "PRESENT_REF"),
        ("today", "present", "even ", "", "PRESENT_REF"),
        ("today", "present", "the case of elian is for ", "'s youth what", "PRESENT_REF"),
        ("today", "past", "he said ", "", "2025-08-17"),
        ("today", "present", "", "'s meeting", "2025-08-17"),
        ("that time", "past", "at ", ", the firm", "PAST_REF"),
        ("that time", "future", "at ", ", the firm", "FUTURE_REF"),
        ("someday", "future", "", "", "FUTURE_REF"),
        ("one day", "past", "", "", "P1D"),
    ],
)
def test_vague_references(expr, tense, lead, trail, value):
    assert normalise(expr, SUN, tense, lead=lead, trail=trail)[0] == value
