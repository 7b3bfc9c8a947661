"""Numbers that are not dates (claimx.pipeline.dates.misreads, claimx.pipeline.dates.detect):
a year is never read inside a longer number ("20481.37" is no 2048);
money, scores, votes, counts, race times and numbered names are never
dates; a year is one where it names a year ("in 2023", "the 2019
elections", "a 2020 Toyota")."""

import pytest

from claimx.pipeline.dates.misreads import is_date
from tests.dates_cases import readings

FRI = "2024-03-15"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # markets: index levels are not years, before a date or after "to"
        ("The Dow rose to 20481.37 on Friday.", [("Friday", "2024-03-15", "date")]),
        ("The Nasdaq fell 12.5 points to 2048.37 in early trade.", []),
        ("The S&P 500 rose 0.5% to 5,117.09, and the Nasdaq gained 1.1% to 16,177.77.", []),
        ("The Dow rose 120 points to 2,031 by 1600 GMT.", [("1600 GMT", "2024-03-15T16:00", "time")]),
        # money and counts
        ("He paid $2,024 for the ticket and 1999 euros for the hotel.", []),
        ("Police said 2019 people were arrested, up from 1,850 in 2019.", [("2019", "2019", "date")]),
        ("He was 2016 votes ahead, with 1998 ballots still uncounted.", []),
        ("The firm's shares traded at 1,990 pence, after hitting 2,010 pence in 2023.", [("2023", "2023", "date")]),
        # scores and results
        ("The bill passed 51-49 in the Senate on Tuesday.", [("Tuesday", "2024-03-12", "date")]),
        ("Manchester United won 2-1 on Saturday, with 75,000 fans watching.", [("Saturday", "2024-03-09", "date")]),
        ("The Patriots won 24-17, and Brady threw for 2,017 yards in 2007.", [("2007", "2007", "date")]),
        # ... a race time is how long the race took: a duration, never a clock time
        ("Verstappen won in 1:31:44.742, ahead of Leclerc.", [("1:31:44.742", "PT1H31M44.742S", "duration")]),
        # ... a season's two years are a TIMEX3 each (TimeML 1.2.1 writes the parts of a range)
        ("Salah scored in the 90th minute to win the 2023-24 title.", [("2023", "2023", "date"), ("24", "2024", "date")]),
        # ages and numbered names
        ("The 45-year-old was jailed for 18 months in 2021.", [("18 months", "P18M", "duration"), ("2021", "2021", "date")]),
        ("Flight 2017 landed at Heathrow as Highway 1999 was closed.", []),
        # ... and years that are years, before a plural noun too
        ("A 2020 Toyota Camry was stolen before the 2019 elections.", [("2020", "2020", "date"), ("2019", "2019", "date")]),
        ("Axelrod, the top strategist on Obama's 2008 and 2012 campaigns, said so.",
         [("2008", "2008", "date"), ("2012", "2012", "date")]),
        ("Prominent Republicans were eyeing 2020 campaigns.", [("2020", "2020", "date")]),
        # titles and idioms
        ('"I will win," the senator told THE WEEKLY STANDARD on Thursday.', [("Thursday", "2024-03-14", "date")]),
        ("The Daily Mail and the Weekly Standard reported it first.", []),
        ('"At the end of the day, voters decide," he said. The count ended by the end of the day.',
         [("the end of the day", "2024-03-15", "date")]),
    ],
)
def test_numbers_that_are_not_dates(nlp, text, expected):
    assert readings(nlp, text, FRI) == expected


@pytest.mark.parametrize(
    ("entity", "date"),
    [("1999", True), ("51-49", False), ("3-1", False), ("1996-97", True), ("48", False), ("2.5%", False),
     ("Flight 2017", False), ("Windows 2000", False), ("Christmas 2019", True), ("1:31:44.742", False),
     ("annual", True), ("quarterly", False), ("intraday", False), ("6-month-old", False)],
)
def test_entities_that_can_be_dates(entity, date):
    assert is_date(entity, 0, len(entity)) is date


TUE = "2025-04-15"  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "now" as the prefix of an adjective is no present
        ("The now-defunct airline sold its planes in 2019.", [("2019", "2019", "date")]),
        ("The then-chairman resigned, and the firm is now profitable.", [("now", "PRESENT_REF", "date")]),
        ("Until now, the plan has held.", [("now", "PRESENT_REF", "date")]),
        # ages of a group of people are no stretches of time
        ("The vaccine is approved for babies under 9 months.", []),
        ("Adults over 65 years and children aged 6 to 11 years qualify.", []),
        ("Sanders won 84 percent of young voters under 29 in the caucus.", []),
        # ... but a stretch after "under" with no people before it is one
        ("The work was finished in under 9 months.", [("under 9 months", "P9M", "duration")]),
        # a share is no quarter of a year ...
        ("Nearly a quarter of respondents and three quarters of voters agreed.", []),
        # ... the reporting quarter is one
        ("Profit rose in the quarter, and a quarter of sales came from Asia.", [("the quarter", "2025-Q1", "date")]),
        # versions and index names are no dates
        ("Users should upgrade to version 2.1.1 of the app, or to iOS 17.2.", []),
        ("The FTSE 250 rose while the FTSE 100, the CAC 40 and the Nikkei 225 fell.", []),
        # "after" that opens a clause is no part of a date phrase
        ("Stocks trimmed their losses in the session after dropping early on Monday.",
         [("Monday", "2025-04-14", "date")]),
    ],
)
def test_lookalikes_that_are_not_dates(nlp, text, expected):
    assert readings(nlp, text, TUE) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of the day that names a kind of thing, and an idiom
        ("He said on state TV's morning talk show that he was pleased.", []),
        ("She read the evening news and worked the night shift.", []),
        ('"For the people of Poland, high noon comes today," he said.', [("today", "2025-04-15", "date")]),
        # ... but the part of the day a session or trading is in is a time
        ("Shares rose in the afternoon session and closed at noon.",
         [("afternoon", "2025-04-15TAF", "time"), ("noon", "2025-04-15T12:00", "time")]),
    ],
)
def test_parts_of_the_day_that_are_not_times(nlp, text, expected):
    assert readings(nlp, text, TUE) == expected
