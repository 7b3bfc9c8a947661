"""A point read as a stretch (claimx.pipeline.dates.stretches): "the day", "the
year", "the last quarter", "the past year", "the end of the year" name a
day, a year, a quarter (a DATE) unless the words around them make them a
stretch (a DURATION): "for the last year", "spent the past year",
"throughout the fiscal year", "the year ended Dec. 31". Where the corpora
disagree ("over the past decade" is a DURATION in AQUAINT, "over the past
year" a DATE in TimeBank), claimx follows TimeBank and the TimeML 1.2.1
guidelines (§2.2.1: a DURATION answers "how long", the DATE "when"): the
preposition and the verb decide, not the noun."""

import pytest

from claimx.pipeline.dates import normalise
from tests.dates_cases import SUN, readings

FRI = "2024-03-15"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a point: the day, the year before, the quarter last reported
        ("Shares closed down 2.3% on the day, their worst session in a month.", FRI,
         [("the day", "2024-03-15", "date"), ("a month", "P1M", "duration")]),
        ("The company's revenue rose 12% in the last quarter.", FRI, [("the last quarter", "2023-Q4", "date")]),
        ("Inflation has averaged 3% over the last year.", FRI, [("the last year", "2023", "date")]),
        ("The fund has returned 8% over the past year.", FRI, [("the past year", "2023", "date")]),
        ("The company expects to hire 500 people by the end of the year.", FRI,
         [("the end of the year", "2024", "date")]),
        ("Profit for the year rose 5%, the company said.", FRI, [("the year", "2024", "date")]),
        ("Growth slowed in the final quarter of last year.", FRI, [("the final quarter of last year", "2023-Q4", "date")]),
        ("Shares are up 12% year-to-date.", FRI, [("year-to-date", "2024", "date")]),
        ("Today is the eighth day of the strike.", FRI, [("Today", "2024-03-15", "date"),
                                                          ("the eighth day", "2024-03-15", "date")]),
        # ... a stretch: "for", a verb of spending or lasting, an end after it
        ("He has been in custody for the past year.", FRI, [("the past year", "P1Y", "duration")]),
        ("She spent the last year campaigning across the state.", FRI, [("the last year", "P1Y", "duration")]),
        ("Revenue for the year ended Dec. 31 rose 5%.", FRI,
         [("the year", "P1Y", "duration"), ("Dec. 31", "2023-12-31", "date")]),
        # the day after what the text named before, unless it is that day named again
        ("Smith died on Oct. 23, 1998. Police searched his house the day after his death.", FRI,
         [("Oct. 23, 1998", "1998-10-23", "date"), ("the day", "1998-10-24", "date")]),
        ("Stocks fell after Oct. 12, the day before the crash, traders said.", "1989-10-30",
         [("Oct. 12", "1989-10-12", "date"), ("the day", "1989-10-12", "date")]),
    ],
)
def test_point_or_stretch_in_the_text(nlp, text, published, expected):
    assert readings(nlp, text, published) == expected



@pytest.mark.parametrize(
    ("expr", "lead", "trail", "value", "kind"),
    [
        ("the past year", "prices rose over ", "", "2024", "date"),
        ("the past year", "has lived in paris for ", "", "P1Y", "duration"),
        ("last year", "profit for ", "", "2024", "date"),  # no "the": the calendar's year
        ("the last quarter", "sales rose in ", "", "2025-Q2", "date"),
        ("the last quarter", "has been flat for ", "", "P1Q", "duration"),
        ("the year", "for ", ", volume was flat", "2025", "date"),
        ("the year", "revenue for ", " ended march 31", "P1Y", "duration"),
        ("the fiscal year", "should increase throughout ", "", "P1Y", "duration"),
        ("the full year", "expects growth for ", "", "2025", "date"),
        ("the end of the year", "by ", "", "2025", "date"),
        ("the day", "shares fell 3% on ", "", "2025-08-17", "date"),
        # the last two weeks and months are not years or quarters: stretches, as before
        ("the past three years", "over ", "", "P3Y", "duration"),
    ],
)
def test_point_or_stretch(expr, lead, trail, value, kind):
    assert normalise(expr, SUN, "past", lead=lead, trail=trail) == (value, kind)


# Values claimx could not give before (null): each is now a rule (TimeML 1.2.1
# writes what is not known as X: "1989-WXX", "XXXX-SU"), and a null left is deliberate
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("That was double the level of the week following last month's credit squeeze.", "1989-10-27",
         [("the week following", "1989-WXX", "date"), ("last month", "1989-09", "date")]),
        ("There has been violence in the province for the past three summers.", "1998-03-22",
         [("the past three summers", "XXXX-SU", "set")]),
        ("The day before last Tuesday's hearing, he went to the house.", "2000-02-24",
         [("The day before last Tuesday", "2000-02-21", "date")]),
        # negative: "the week after" with nothing after it counts from the article
        ("Prices rose the week after.", "1989-10-27", [("the week after", "1989-W44", "date")]),
    ],
)
def test_values_where_there_were_nulls(nlp, text, published, expected):
    assert readings(nlp, text, published) == expected
