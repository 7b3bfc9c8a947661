"""Times of day (claimx.pipeline.dates.times): clock times, 12- and 24-hour, zoned
(24-hour ones found by claimx.pipeline.dates.finders), times given on a day, the
parts and turns of the day. TimeBank writes no zone in the value ("5 p.m.
EST" is T17:00); TimeML 1.2.1 §2.2 (TIMEX3 type TIME) reads a clock time on
the day it is given on, else on the document's date."""

import datetime as dt

import pytest

from claimx.pipeline.dates import normalise
from tests.dates_cases import readings

SUN = dt.date(2025, 8, 17)  # a Sunday
FRI = "2024-03-15"  # a Friday
WED = "2024-03-13"


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


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # markets reports: zoned 24-hour times, four digits with a zone
        ("The index closed at 20481.37, up 1.2 percent, at 21:30 UTC.", FRI,
         [("21:30 UTC", "2024-03-15T21:30", "time")]),
        ("As of 09:10 GMT, Brent crude was trading at $84.20 a barrel.", FRI,
         [("09:10 GMT", "2024-03-15T09:10", "time")]),
        ("Brent crude futures rose 42 cents to $84.20 a barrel by 1130 GMT.", FRI,
         [("1130 GMT", "2024-03-15T11:30", "time")]),
        ("The quake struck at 11.47 GMT, 10 km deep.", FRI, [("11.47 GMT", "2024-03-15T11:47", "time")]),
        # a time on a day is a time on that day, not a date
        ("The central bank will announce its decision at 10:00 GMT Friday.", WED,
         [("10:00 GMT Friday", "2024-03-15T10:00", "time")]),
        ("The strike will begin at 0600 GMT on Monday.", FRI, [("0600 GMT on Monday", "2024-03-18T06:00", "time")]),
        ("The suspect was arrested at 03:40 on Thursday, police said.", FRI,
         [("03:40 on Thursday", "2024-03-14T03:40", "time")]),
        ("The vote is expected around midday Friday.", FRI, [("around midday Friday", "2024-03-15T12:00", "time")]),
        # 24-hour times after a preposition, a zone written out, hours
        ("Trading resumed at 14:00 local time after a two-hour halt.", FRI,
         [("14:00 local time", "2024-03-15T14:00", "time"), ("two-hour", "PT2H", "duration")]),
        ("The match kicks off at 19:45 at Anfield.", FRI, [("19:45", "2024-03-15T19:45", "time")]),
        ("Power was restored at around 1700 hrs.", FRI, [("1700 hrs", "2024-03-15T17:00", "time")]),
        ("Voting ends at 8 o'clock tonight.", FRI, [("8 o'clock tonight", "2024-03-15T20:00", "time")]),
        # a range of clock times is two times; a zone is "local" only before punctuation or "time"
        ("The store is open from 9 a.m. to 5 p.m. on Saturdays.", FRI,
         [("9 a.m.", "2024-03-15T09:00", "time"), ("5 p.m.", "2024-03-15T17:00", "time"),
          ("Saturdays", "XXXX-WXX-6", "set")]),
        ("Polls are open from 07:00 to 19:00 local time.", FRI,
         [("07:00", "2024-03-15T07:00", "time"), ("19:00 local time", "2024-03-15T19:00", "time")]),
        ("The show airs from 6:00AM to 9:00AM EST.", FRI,
         [("6:00AM", "2024-03-15T06:00", "time"), ("9:00AM EST", "2024-03-15T09:00", "time")]),
        ("The campaign ran a spot during the 4 p.m. local news.", FRI, [("4 p.m.", "2024-03-15T16:00", "time")]),
        ("Labott posted the tweet on January 23 at 4:01 PM. It was wrong.", FRI,
         [("January 23 at 4:01 PM", "2024-01-23T16:01", "time")]),  # a day and its clock time: one
        ('"The plan should be ready by 6 o\'clock this afternoon," he said.', FRI,
         [("6 o'clock this afternoon", "2024-03-15T18:00", "time")]),
        # the turns and parts of the day (TIDES's MO, EV)
        ("Rebels attacked at dawn on Thursday and withdrew by dusk.", FRI,
         [("dawn on Thursday", "2024-03-14TMO", "time"), ("dusk", "2024-03-15TEV", "time")]),
        ("By mid-afternoon, the index had recovered.", FRI, [("mid-afternoon", "2024-03-15TAF", "time")]),
        ("The attack happened in the early hours of Friday.", FRI, [("the early hours of Friday", "2024-03-15", "date")]),
        # not clock times: verses, ratios, race times (durations: how long the race took), dawn as a subject
        ("He read John 3:16 aloud, and the ratio was 2:1.", FRI, []),
        ("Verstappen won in 1:31:44.742, ahead of Leclerc.", FRI, [("1:31:44.742", "PT1H31M44.742S", "duration")]),
        ("The runner finished in 2:05:30.", FRI, [("2:05:30", "PT2H5M30S", "duration")]),
        ("Officials said as dawn broke that the fire was out.", FRI, []),
    ],
)
def test_clock_times(nlp, text, published, expected):
    assert readings(nlp, text, published) == expected


TUE = "2025-04-15"  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clock time and its day, in either order, are one time (TimeML 1.2.1 §2.2: "10 p.m. Wednesday"
        # is one TIMEX3 of type TIME)
        ("The blast happened on March 3 at 07:40 GMT.", [("March 3 at 07:40 GMT", "2025-03-03T07:40", "time")]),
        ("At 07:40 GMT on March 3 the engine failed.", [("07:40 GMT on March 3", "2025-03-03T07:40", "time")]),
        ("Trading resumes March 3, 9:30 a.m.", [("March 3, 9:30 a.m.", "2025-03-03T09:30", "time")]),
        ("Trading resumes Thursday at 9 a.m.", [("Thursday at 9 a.m.", "2025-04-17T09:00", "time")]),
        ("The summit opens on Thursday, April 17, at 9 a.m.",
         [("Thursday, April 17, at 9 a.m.", "2025-04-17T09:00", "time")]),
        ("He was arrested on April 12 at 3:30 in the morning.",
         [("April 12 at 3:30 in the morning", "2025-04-12T03:30", "time")]),
        # a clock time, the same time elsewhere in brackets, then the day: each on that day
        ("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.",
         [("about 10:35 a.m.", "2025-04-11T10:35", "time"), ("0735 GMT", "2025-04-11T07:35", "time"),
          ("Friday", "2025-04-11", "date")]),
        # negatives: a day and a clock time apart in the sentence stay apart; "at" a place is no clock
        ("On Thursday the index rose, and by 4 p.m. it had gained 2 percent.",
         [("Thursday", "2025-04-10", "date"), ("4 p.m.", "2025-04-10T16:00", "time")]),
        ("The talks opened on Monday at Geneva's Palais des Nations.", [("Monday", "2025-04-14", "date")]),
    ],
)
def test_a_clock_time_and_its_day_are_one_value(nlp, text, expected):
    assert readings(nlp, text, TUE) == expected


MIDNIGHT_TUE = "2026-03-03"  # a Tuesday


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a midnight after "past" or "after" opens the next day: 00:00 of it
        ("The council approved the budget on Tuesday after a debate that ran past midnight.", MIDNIGHT_TUE,
         [("Tuesday", "2026-03-03", "date"), ("past midnight", "2026-03-04T00:00", "time")]),
        ("The fire broke out shortly after midnight, firefighters said.", MIDNIGHT_TUE,
         [("midnight", "2026-03-04T00:00", "time")]),
        ("Talks went on past midnight.", None, [("past midnight", "XXXX-XX-XXT00:00", "time")]),
        # negatives: midnight alone or with its day ends that day (TimeBank:
        # "midnight Friday" 1989-10-27T24), as ISO 8601 writes 24:00
        ("The offer expires at midnight Friday.", MIDNIGHT_TUE, [("midnight Friday", "2026-03-06T24:00", "time")]),
        ("The polls closed at midnight.", MIDNIGHT_TUE, [("midnight", "2026-03-03T24:00", "time")]),
    ],
)
def test_midnight_ends_a_day_unless_passed(nlp, text, published, expected):
    assert readings(nlp, text, published) == expected
