"""Detection (claimx.pipeline.dates.detect): what is a temporal expression in a
parsed text, where it starts and ends, and what is not one."""

import pytest

from claimx.pipeline.dates import looks_temporal

NOV1 = "1989-11-01"  # a Wednesday


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a range and an "ended" phrase name two dates each
        ("He lived there between 1994 and 1997.", NOV1, [("1994", "1994"), ("1997", "1997")]),
        ("The offer runs today through Nov. 17.", NOV1, [("today", "1989-11-01"), ("Nov. 17", "1989-11-17")]),
        ("Profit for the quarter ended Sept. 30 rose.", NOV1, [("the quarter", "1989-Q3"), ("Sept. 30", "1989-09-30")]),
        ("Sales for the six months ended Oct. 1 fell.", NOV1, [("the six months", "P6M"), ("Oct. 1", "1989-10-01")]),
        ("Apple sold 74.5 million iPhones in the three months through December.", "2015-01-29",
         [("the three months", "P3M"), ("December", "2014-12")]),
        ("Profit for the first nine months of 1988 rose.", NOV1, [("the first nine months", "P9M"), ("1988", "1988")]),
        ("In the first half of 1990 sales fell.", NOV1, [("the first half of 1990", "1990-H1")]),
        ("Cars crossed the border in 1994, 1995 and 1997, police said.", NOV1,
         [("1994", "1994"), ("1995", "1995"), ("1997", "1997")]),
        # sets
        ("The paper is published daily.", NOV1, [("daily", "P1D")]),
        ("The market is held each Thursday in the square.", NOV1, [("each Thursday", "XXXX-WXX-4")]),
        ("Flights leave every July for Bombay.", NOV1, [("every July", "XXXX-07")]),
        # the NER's cuts mended: a determiner or a clock time before the expression
        ("This year, sales rose.", NOV1, [("This year", "1989")]),
        # "current" and "recent" as TimeML marks them (TimeBank)
        ("The current slump follows a recent decline in orders.", NOV1,
         [("current", "PRESENT_REF"), ("recent", "PAST_REF")]),
        # "May" the month, never "may" the verb
        ("The case will be heard in May in Atlanta.", NOV1, [("May", "1990-05")]),
        ("Prices may rise, and May Smith agreed.", NOV1, []),
        ("Elian was found on Thanksgiving Day clinging to an inner tube.", NOV1, [("Thanksgiving Day", "1988-11-24")]),
        ("Bids are due by 5 p.m. EST, Nov. 6, the company said.", NOV1, [("5 p.m. EST, Nov. 6", "1989-11-06T17:00")]),
        # what the NER calls a date but is not one: titles, greetings, names, ages
        ("James Baker said on ABC News' \"This Week,\" that the request matters.", NOV1, []),
        ("Baker said on ABC's \"This Week With David Brinkley\" that it matters.", NOV1, []),
        ("Good evening from the central park in Havana.", NOV1, []),
        # ... "March" of a name is no month; "annual" is a set (TimeML 1.2.1 §2.2, type
        # SET; AQUAINT leaves this one unmarked)
        ("They marched at the annual March for Life on Capitol Hill.", NOV1, [("annual", "P1Y")]),
        ("Kopp was in his 30s when he moved, she said.", NOV1, []),
        # ... but a quoted sentence may start with one
        ("He said: \"Today we begin.\"", NOV1, [("Today", "1989-11-01")]),
        # what the NER misses: weekdays, month-day dates and counted stretches
        ("Late Monday, officials said that travel was allowed.", NOV1, [("Late Monday", "1989-10-30")]),
        ("There were no cancellations after the Aug. 7 bombings, agents said.", NOV1, [("Aug. 7", "1989-08-07")]),
        ("He will remain in the country for at least two more weeks.", NOV1, [("two more weeks", "P2W")]),
        ("Revenue rose in Q3, and the company expects a stronger Q4 2013.", "2013-11-15",
         [("Q3", "2013-Q3"), ("Q4 2013", "2013-Q4")]),
        ("He applied for an H1-B visa and caught H1N1.", NOV1, []),
        # a date the NER ran on into words that are no second date
        ("The talks would begin on Feb. 3 and last three days.", "2015-01-12",
         [("Feb. 3", "2015-02-03"), ("three days", "P3D")]),
        ("The government will review it every two weeks, he said.", "2015-01-12", [("every two weeks", "P2W")]),
        ("The alert stays until at least the end of the month.", "2015-01-12",
         [("at least the end of the month", "2015-01")]),
        # the connectives of a range belong to neither end
        ("He will not be sent back between now and Feb. 10, he said.", NOV1,
         [("now", "PRESENT_REF"), ("Feb. 10", "1990-02-10")]),
        # the NER's two halves of one expression
        ("Slepian was shot on the night of Oct. 23 as he stood in the kitchen.", NOV1,
         [("the night of Oct. 23", "1989-10-23")]),
        # two days of one month: a date each, the second in the first's month
        ("A ceremony will be held at the summit on April 24 and 25.", "1999-02-10",
         [("April 24", "1999-04-24"), ("25", "1999-04-25")]),
        ("The talks ran Jan. 30 and 31, 1998.", "1999-02-10", [("Jan. 30 and 31, 1998", "1998-01-30")]),
        ("He scored 24 and 25 points in May 1998.", "1999-02-10", [("May 1998", "1998-05")]),
        # a clock time with its zone and day is one time
        ("Shares rose to $45.20 at 10:30 a.m. ET on Wednesday.", "2013-02-15",
         [("10:30 a.m. ET on Wednesday", "2013-02-13T10:30")]),
        # what the NER cut short is taken whole
        ("Protesters gathered early Monday and late Tuesday night.", "2013-02-15",
         [("early Monday", "2013-02-11"), ("late Tuesday night", "2013-02-12TNI")]),
        # an age is no date, in months as in years
        ("The 6-month-old boy and his 6-year-old sister were found.", "1999-02-10", []),
    ],
)
def test_detected_dates(date_values, text, published, expected):
    assert date_values(text, published) == expected


@pytest.mark.parametrize(
    ("expr", "temporal"),
    [("the nineties", True), ("the next morning", True), ("a year or two", True), ("Monday", True),
     ("Olympic", False), ("as little as 99 cents", False), ("seasonally", False), ("the comparable", False)],
)
def test_unresolvable_dates_are_kept_only_when_temporal(expr, temporal):
    """A date the NER found but claimx cannot normalise stays (value null) when it
    has a word of time in it; without one it was never a date."""
    assert looks_temporal(expr) is temporal


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # ranges and pairs: TimeML 1.2.1 writes each part, with its own value (TimeBank: "two" P2D to
        # "six days" P6D; "1994" and "1997")
        ("Sales rose in 1998-99, the firm said.", "2001-03-01", [("1998", "1998"), ("99", "1999")]),
        ("The 1999-00 budget was cut.", "2001-03-01", [("1999", "1999"), ("00", "2000")]),
        ("The sentence is between three and five years.", NOV1, [("three", "P3Y"), ("five years", "P5Y")]),
        ("The trial could take two to six days.", NOV1, [("two", "P2D"), ("six days", "P6D")]),
        ("He ran the company from 2004 to 2006.", NOV1, [("2004", "2004"), ("2006", "2006")]),
        # the second weekday of a pair lies on the first one's side of the article's date
        ("Talks are set for Monday and Tuesday.", "2025-04-15", [("Monday", "2025-04-21"), ("Tuesday", "2025-04-22")]),
        ("Officials met on Friday and Thursday.", "1998-02-07", [("Friday", "1998-02-06"), ("Thursday", "1998-02-05")]),
        # ... a count of a pair is no day of the month named before it, and does not move the times after it
        ("On Sept. 11 the attack lasted 15 to 17 minutes, and at about 10:03 p.m. the guards fled.", "2012-09-15",
         [("Sept. 11", "2012-09-11"), ("15", "PT15M"), ("17 minutes", "PT17M"), ("about 10:03 p.m.", "2012-09-11T22:03")]),
        # negatives: scores, a long count of a range that stays one, ages, a year before "and" and a plural
        ("She was an advocate for democracy in 1988 and suffered years under arrest.", NOV1,
         [("1988", "1988"), ("years", "PXY")]),
        ("The bill passed 51-49 and the team won 3-1.", NOV1, []),
        ("Output will rise over the next 12 to 18 months.", NOV1, [("the next 12 to 18 months", "PXM")]),
        ("Children aged 6 to 11 years qualify.", NOV1, []),
    ],
)
def test_ranges_and_pairs_are_parts(date_values, text, published, expected):
    assert date_values(text, published) == expected
