import datetime as dt

import pytest

from claimx.dates import dateline_date, infer_reference_date, normalise

SUN = dt.date(2025, 8, 17)  # a Sunday
FEB = dt.date(2024, 2, 10)


@pytest.mark.parametrize(
    ("expr", "ref", "tense", "value", "kind"),
    [
        ("Sunday (August 17)", SUN, "past", "2025-08-17", "date"),
        ("Monday", SUN, "future", "2025-08-18", "date"),
        ("Monday", SUN, "past", "2025-08-11", "date"),
        # the article's own weekday is not pushed a week back
        ("Sunday", SUN, "past", "2025-08-17", "date"),
        ("tomorrow", SUN, "past", "2025-08-18", "date"),
        ("yesterday", SUN, "past", "2025-08-16", "date"),
        ("weeks", SUN, "past", "PXW", "duration"),
        ("two years", SUN, "past", "P2Y", "duration"),
        ("three-hour", SUN, "past", "PT3H", "duration"),
        ("last week", SUN, "past", "2025-W32", "date"),
        ("last week", dt.date(2025, 8, 20), "past", "2025-W33", "date"),
        ("next month", SUN, "future", "2025-09", "date"),
        ("this year", SUN, "past", "2025", "date"),
        ("the third quarter", SUN, "past", "2025-Q3", "date"),
        ("this summer", SUN, "past", "2025-SU", "date"),
        ("now", SUN, "present", "PRESENT_REF", "date"),
        ("recently", SUN, "past", "PAST_REF", "date"),
        ("the 1990s", SUN, "past", "199", "date"),  # TimeML decade
        ("20th century", SUN, "past", "19", "date"),
        ("nineteen ninety-six", SUN, "past", "1996", "date"),
        ("nearly forty years", SUN, "past", "P40Y", "duration"),
        ("a couple of years", SUN, "past", "P2Y", "duration"),
        ("2 1/2 years", SUN, "past", "P2Y6M", "duration"),
        ("a few minutes", SUN, "past", "PTXM", "duration"),
        # "or so" loosens, it does not change the value; a range of counts is vague
        ("the next year or so", SUN, "future", "2026", "date"),
        ("the next two years or so", SUN, "future", "P2Y", "duration"),
        ("the next 12 to 18 months", SUN, "future", "PXM", "duration"),
        ("a later date", SUN, "future", "FUTURE_REF", "date"),
        ("the first two quarters of 1990", SUN, "past", "1990-H1", "date"),
        ("the fourth quarter", dt.date(2025, 1, 20), "past", "2024-Q4", "date"),
        ("June last year", SUN, "past", "2024-06", "date"),
        ("coup d'etat last year", SUN, "past", "2024", "date"),
        # "the past several quarters" refers to the past; "recent days" is a stretch of some days
        # (TimeBank and AQUAINT mark "recent <units>" as PX… more often than PAST_REF)
        ("recent days", SUN, "past", "PXD", "duration"),
        ("the past several quarters", SUN, "past", "PAST_REF", "date"),
        ("the end of the year", SUN, "future", "2025", "date"),
        ("earlier in the year", SUN, "past", "2025", "date"),
        ("year's end", SUN, "future", "2025", "date"),
        ("future quarters", SUN, "past", "FUTURE_REF", "date"),
        ("the past three years", SUN, "past", "P3Y", "duration"),
        ("the full year", SUN, "past", "2025", "date"),
        ("the year", SUN, "past", "P1Y", "duration"),
        # holidays, fixed and floating, on the side of the reference date the tense points to
        ("Thanksgiving Day", dt.date(2000, 1, 7), "past", "1999-11-25", "date"),
        ("Election Day", dt.date(1998, 10, 26), "future", "1998-11-03", "date"),
        ("Easter", dt.date(1999, 5, 1), "past", "1999-04-04", "date"),
        ("Memorial Day", dt.date(2000, 1, 7), "future", "2000-05-29", "date"),
        ("Christmas", SUN, "past", "2024-12-25", "date"),
        ("coming months", SUN, "future", "FUTURE_REF", "date"),
        ("10 p.m. Wednesday", SUN, "past", "2025-08-13T22:00", "time"),
        ("daily", SUN, "past", "P1D", "set"),
        ("each year", SUN, "past", "P1Y", "set"),
        ("each Thursday", SUN, "past", "XXXX-WXX-4", "set"),
        ("each Thursday", SUN, "past", "XXXX-WXX-4", "set"),
        ("1996", SUN, "past", "1996", "date"),
        ("August 2025", SUN, "past", "2025-08", "date"),
        ("March 30", FEB, "future", "2024-03-30", "date"),
        ("March 30", FEB, "past", "2024-03-30", "date"),  # weeks ahead: the tense is not enough
        ("December 3", FEB, "past", "2023-12-03", "date"),
        ("December", FEB, "future", "2024-12", "date"),
        ("Jan. 5, 2016", SUN, "past", "2016-01-05", "date"),
        ("3 p.m.", SUN, "past", "2025-08-17T15:00", "time"),
        ("4 in the morning", SUN, "past", "2025-08-17T04:00", "time"),
        ("9 o'clock at night", SUN, "past", "2025-08-17T21:00", "time"),
        ("every week", SUN, "past", "P1W", "set"),
        ("two days ago", SUN, "past", "2025-08-15", "date"),
        # with no date named before, anaphors count from the reference date
        ("the next day", SUN, "past", "2025-08-18", "date"),
        ("the previous day", SUN, "past", "2025-08-16", "date"),
        ("that month", SUN, "past", "2025-08", "date"),
        # "later" marks where a stretch ends: the stretch is the expression (TimeML)
        ("Three days later", SUN, "past", "P3D", "duration"),
        ("a minute and a half later", SUN, "past", "PT1M30S", "duration"),
        ("A day earlier", SUN, "past", "P1D", "duration"),
        ("a year earlier", SUN, "past", "2024", "date"),
        ("Eight trading days", SUN, "past", "P8D", "duration"),
        ("the 1988 quarter", dt.date(1989, 10, 30), "past", "1988-Q3", "date"),
        ("the week of March 6", FEB, "future", "2024-W10", "date"),
        ("Easter week", dt.date(2000, 4, 17), "past", "2000-W16", "date"),  # the nearer Easter
        # a weekend gone by, unless said on it or looking ahead
        ("the weekend", dt.date(2013, 3, 15), "past", "2013-W10-WE", "date"),
        ("the weekend", dt.date(2013, 3, 15), "future", "2013-W11-WE", "date"),
        ("this past weekend", dt.date(2013, 3, 15), "past", "2013-W10-WE", "date"),
        ("this past spring", dt.date(1989, 10, 30), "past", "1989-SP", "date"),
        ("half a century", SUN, "past", "P50Y", "duration"),
        ("a quarter-century", SUN, "past", "P25Y", "duration"),
        ("Q3", dt.date(2013, 3, 15), "past", "2012-Q3", "date"),
        ("Q4 2012", SUN, "past", "2012-Q4", "date"),
        ("midnight", SUN, "future", "2025-08-17T24:00", "time"),
        ("next year's first quarter", dt.date(1989, 10, 31), "past", "1990-Q1", "date"),
        ("the last half of the '80s", dt.date(1989, 10, 31), "past", "198", "date"),
        # spoken years and decades (broadcast transcripts)
        ("the year two thousand", SUN, "past", "2000", "date"),
        ("two thousand and four", SUN, "past", "2004", "date"),
        ("the nineties", SUN, "past", "199", "date"),
        ("the weeks ahead", SUN, "future", "PXW", "duration"),
        # nothing to anchor on: relative expressions stay unresolved
        ("Monday", None, "future", None, "date"),
        ("tomorrow", None, "past", None, "date"),
    ],
)
def test_normalise(expr, ref, tense, value, kind):
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


def test_weekday_beside_date_pins_year():
    text = "The minister said on Sunday (August 17) that talks would go on."
    assert infer_reference_date(text, today=dt.date(2026, 11, 25)) == dt.date(2025, 8, 17)
    assert infer_reference_date("No dates at all.", today=dt.date(2026, 11, 25)) is None


def test_dateline():
    assert dateline_date("WASHINGTON, Aug. 17 (Reuters) — The talks", today=dt.date(2025, 9, 1)) == dt.date(2025, 8, 17)
    assert dateline_date("Nothing like a dateline here.") is None


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
        # the future, whatever the verb's tense
        ("The group may come to the U.S. as soon as Tuesday.", NOV1, [("Tuesday", "1989-11-07")]),
        ("The shares are to resume trading in Paris Tuesday.", NOV1, [("Tuesday", "1989-11-07")]),
        ("The company created an office of the chairman, effective Feb. 1.", NOV1, [("Feb. 1", "1990-02-01")]),
        ("Exiles planned a large demonstration on Saturday.", NOV1, [("Saturday", "1989-11-04")]),
        # "until" after a verb of putting off, or in the present or perfect, looks ahead
        ("Officials postponed until Tuesday morning any action on the case.", NOV1,
         [("Tuesday morning", "1989-11-07TMO")]),
        ("The agency has given the relatives until 9 a.m. Tuesday to sign.", NOV1,
         [("9 a.m. Tuesday", "1989-11-07T09:00")]),
        ("He stayed in Paris until Tuesday.", NOV1, [("Tuesday", "1989-10-31")]),
        # a participle has no tense of its own: its clause's verb decides
        ("The deal will expire unless renewed by Dec. 31.", "2013-03-15", [("Dec. 31", "2013-12-31")]),
        ("The king met Bush on Monday.", NOV1, [("Monday", "1989-10-30")]),
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
        ("They marched at the annual March for Life on Capitol Hill.", NOV1, []),
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
        # "that day", "the following year": the date named before, not the article's
        ("Slepian was killed on Oct. 23, 1998. Earlier that day, the family sent a fax.", NOV1,
         [("Oct. 23, 1998", "1998-10-23"), ("Earlier that day", "1998-10-23")]),
        ("Munero fled to Florida in June 1998 and returned to Cuba later that year.", NOV1,
         [("June 1998", "1998-06"), ("later that year", "1998")]),
        # two days of one month: a date each, the second in the first's month
        ("A ceremony will be held at the summit on April 24 and 25.", "1999-02-10",
         [("April 24", "1999-04-24"), ("25", "1999-04-25")]),
        ("The talks ran Jan. 30 and 31, 1998.", "1999-02-10", [("Jan. 30 and 31, 1998", "1998-01-30")]),
        ("He scored 24 and 25 points in May 1998.", "1999-02-10", [("May 1998", "1998-05")]),
        # what a past verb sets out to do may lie ahead: a month far back is the coming one
        ("The bank announced an agreement to acquire the company in January.", "1989-11-02",
         [("January", "1990-01")]),
        ("The bank acquired the company in January.", "1989-11-02", [("January", "1989-01")]),
        ("The bank agreed on Monday to buy the company.", "1989-11-02", [("Monday", "1989-10-30")]),
        # a plan already past ("had been due to") looks back
        ("The offer had been due to expire Friday evening.", "1989-10-30", [("Friday evening", "1989-10-27TEV")]),
        ("The offer is due to expire Friday.", "1989-10-30", [("Friday", "1989-11-03")]),
        # a day the parser hung on the reported clause, before its subject, is the saying's
        ("Officials said on Friday they will resume talks on Monday.", "2013-02-15",
         [("Friday", "2013-02-15"), ("Monday", "2013-02-18")]),
        # a clock time with its zone and day is one time
        ("Shares rose to $45.20 at 10:30 a.m. ET on Wednesday.", "2013-02-15",
         [("10:30 a.m. ET on Wednesday", "2013-02-13T10:30")]),
        # what the NER cut short is taken whole; "the 20th" is a day of the month named before
        ("Protesters gathered early Monday and late Tuesday night.", "2013-02-15",
         [("early Monday", "2013-02-11"), ("late Tuesday night", "2013-02-12TNI")]),
        ("The event is on Feb 15th, the meeting on the 20th.", "2013-01-02",
         [("Feb 15th", "2013-02-15"), ("the 20th", "2013-02-20")]),
        # an age is no date, in months as in years
        ("The 6-month-old boy and his 6-year-old sister were found.", "1999-02-10", []),
    ],
)
def test_detected_dates(nlp, text, published, expected):
    from claimx.extract import build_record
    from claimx.inputs import Article

    rec = build_record(Article("t", "t", text, published=published), nlp(text)).to_dict()
    assert [(d["text"], d["value"]) for d in rec["dates"]] == expected


def test_relative_dates_without_reference_stay_null(nlp):
    """With no reference date a relative expression is kept with a null value."""
    from claimx.extract import build_record
    from claimx.inputs import Article

    text = "The minister will arrive on Monday."
    rec = build_record(Article("t", "t", text), nlp(text)).to_dict()
    assert rec["article"]["reference_date"] is None
    assert [(d["text"], d["value"]) for d in rec["dates"]] == [("Monday", None)]


@pytest.mark.parametrize(
    ("expr", "temporal"),
    [("the nineties", True), ("the next morning", True), ("a year or two", True), ("Monday", True),
     ("Olympic", False), ("as little as 99 cents", False), ("seasonally", False), ("the comparable", False)],
)
def test_unresolvable_dates_are_kept_only_when_temporal(expr, temporal):
    """A date the NER found but claimx cannot normalise stays (value null) when it
    has a word of time in it; without one it was never a date."""
    from claimx.dates import looks_temporal

    assert looks_temporal(expr) is temporal


def test_statement_dates_are_days(nlp):
    """A statement is made on a day: the date attached to its cue counts only
    when it names one ("said on Monday"), not the time of what was said
    ("growth in the first quarter is expected to slow")."""
    from claimx.extract import build_record
    from claimx.inputs import Article

    text = ("Her spokesman said on Monday that May will travel to Brussels. "
            "Growth in the first quarter is expected to slow.")
    rec = build_record(Article("t", "t", text, published="2019-04-01"), nlp(text)).to_dict()
    dates = {q["cue"]["text"]: q["date"] for q in rec["quotes"]}
    assert dates["said"] == "2019-04-01"
    assert "expected" in dates and dates["expected"] is None


def test_easter_holidays():
    ref = dt.date(2019, 4, 1)
    assert normalise("Easter Monday", ref, "future") == ("2019-04-22", "date")
    assert normalise("Good Friday", ref, "future") == ("2019-04-19", "date")


def test_statement_date_from_a_time_and_not_from_the_cue_between_parts(nlp):
    """"told reporters late Sunday night" dates the statement to Sunday; a
    "yesterday" between the parts of a quote is the reporter's, counted from
    the article's date, not from the statement's."""
    from claimx.extract import build_record
    from claimx.inputs import Article

    text = '"We will not give in," Hollande told reporters late Sunday night. "Not today."'
    rec = build_record(Article("t", "t", text, published="2015-01-12"), nlp(text)).to_dict()
    assert [q["date"] for q in rec["quotes"]] == ["2015-01-11"]
    text = ('"We will not go over a certain level," said David McCammon, the vice president, '
            'at a news conference yesterday in Dearborn. "There is some price at which we would stop."')
    rec = build_record(Article("t", "t", text, published="1989-10-27"), nlp(text)).to_dict()
    assert [(d["text"], d["value"]) for d in rec["dates"]] == [("yesterday", "1989-10-26")]
