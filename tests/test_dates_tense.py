"""Tense (claimx.pipeline.dates.tense): the verb that governs a date, and the words
before it that point ahead, decide which side of the article's date it lies."""

import pytest

NOV1 = "1989-11-01"  # a Wednesday


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
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
        # what a past verb sets out to do may lie ahead: a month far back is the coming one
        ("The bank announced an agreement to acquire the company in January.", "1989-11-02",
         [("January", "1990-01")]),
        ("The bank acquired the company in January.", "1989-11-02", [("January", "1989-01")]),
        ("The bank agreed on Monday to buy the company.", "1989-11-02", [("Monday", "1989-10-30")]),
        # a plan already past ("had been due to") looks back
        ("The offer had been due to expire Friday evening.", "1989-10-30", [("Friday evening", "1989-10-27TEV")]),
        ("The offer is due to expire Friday.", "1989-10-30", [("Friday", "1989-11-03")]),
        # a passive in the present is no past ("is heard in May"); a weekday on a
        # verb in the simple present is one to come, as news writes the scheduled
        ("The case is heard in May in the 11th Circuit.", "2000-03-29", [("May", "2000-05")]),
        ("The polls close on Sunday in most provinces.", "2024-03-13", [("Sunday", "2024-03-17")]),
        ("Arafat and Netanyahu meet separately Monday with Albright.", "1998-05-01", [("Monday", "1998-05-04")]),
        ("Applications must be filed on or before June 30.", "2024-03-15", [("June 30", "2024-06-30")]),
        ("Officials said the boy could be located Wednesday.", "2000-01-06", [("Wednesday", "2000-01-05")]),
        # ... not on "be", a verb of saying, or a present that is a past ("hurt")
        ("The minister says Monday was a turning point.", "2024-03-13", [("Monday", "2024-03-11")]),
        ("Weakness in tech stocks hurt the index on Friday.", "1989-10-30", [("Friday", "1989-10-27")]),
        # a day the parser hung on the reported clause, before its subject, is the saying's
        ("Officials said on Friday they will resume talks on Monday.", "2013-02-15",
         [("Friday", "2013-02-15"), ("Monday", "2013-02-18")]),
    ],
)
def test_tense_decides_the_side(date_values, text, published, expected):
    assert date_values(text, published) == expected


APR15 = "2025-04-15"  # a Tuesday


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # an infinitive has no tense of its own: under a verb in the past, the nearer month of that name
        ("The company decided to close the plant in November, officials said.", APR15, [("November", "2024-11")]),
        ("The board agreed to sell the unit in June.", APR15, [("June", "2025-06")]),
        # ... under a plan, or a verb in the present, the one to come
        ("The company announced plans to close the plant in November.", APR15, [("November", "2025-11")]),
        ("The company wants to close the plant in November.", APR15, [("November", "2025-11")]),
        # ... and a participle takes its clause's time: "closed in November" told in the past
        ("The plant, closed in November, will reopen.", APR15, [("November", "2024-11")]),
        # "until" and "through" in a clause about what is coming look forward
        ("The vote was postponed until Thursday.", APR15, [("Thursday", "2025-04-17")]),
        ("The company extended its offer through Thursday.", APR15, [("Thursday", "2025-04-17")]),
        ("The exhibition runs through Thursday.", APR15, [("Thursday", "2025-04-17")]),
        # a participle of planning takes its clause's time: under a verb in the past, the nearer day
        ("A memorial service planned for Saturday was canceled after plans leaked.", "1999-10-24",
         [("Saturday", "1999-10-23")]),
        ("The vote, scheduled for Thursday, was delayed.", APR15, [("Thursday", "2025-04-17")]),
        ("Exiles planned a large demonstration on Saturday.", APR15, [("Saturday", "2025-04-19")]),
        # negatives: a stay that is over looks back
        ("The exhibition ran through Thursday.", APR15, [("Thursday", "2025-04-10")]),
        ("He stayed in Paris until Thursday.", APR15, [("Thursday", "2025-04-10")]),
    ],
)
def test_time_from_the_governing_verb(date_values, text, published, expected):
    assert date_values(text, published) == expected


MAR4 = "2026-03-04"  # in the first quarter


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare quarter under a verb that looks ahead in the present is this year's
        ("The company said it expects results in the third quarter.", [("the third quarter", "2026-Q3")]),
        ("The chain plans a listing in the fourth quarter.", [("the fourth quarter", "2026-Q4")]),
        ("The insurer anticipates a recovery in the second half.", [("the second half", "2026-H2")]),
        ("The utility will raise rates in the third quarter.", [("the third quarter", "2026-Q3")]),
        # negatives: a past report of results looks back; so does a past expectation
        ("The company reported a loss in the third quarter.", [("the third quarter", "2025-Q3")]),
        ("The company had expected a profit in the fourth quarter.", [("the fourth quarter", "2025-Q4")]),
        ("Profit rose 5% in the third quarter, the company said.", [("the third quarter", "2025-Q3")]),
        # "the latest quarter" is one finished, whatever the verb
        ("He expects revenue in the latest quarter to total $28 million.", [("the latest quarter", "2025-Q4")]),
    ],
)
def test_a_quarter_under_a_verb_that_looks_ahead(nlp, text, expected):
    from tests.dates_cases import readings

    assert [(t, v) for t, v, _ in readings(nlp, text, MAR4)] == expected
