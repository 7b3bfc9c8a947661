"""Table tests for :mod:`claimx.pipeline.attribution.dashes`: a quotation, a dash and the name of who said it.
Each case is (text, expected quotes), negatives included."""

import pytest

from tests.attribution_cases import quotes

CASES = [
    # a dash attribution after the quotation
    ("“We will keep the library open every day of the year.” — Commissioner Jane Roe",
     [("direct", "Jane Roe", "—", "We will keep the library open every day of the year.")]),
    # a dash the tagger took for a verb is no cue; the dash attribution stands
    ("“How did we get this low?”\xa0― Jacklyn Ashley\xa0\n“Trump must stop.”― Carla Sanchez.",
     [("direct", "Jacklyn Ashley", "―", "How did we get this low?"), ("direct", "Carla Sanchez", "―", "Trump must stop.")]),
    # a pull quote signed with a dash, a name and a title
    ("The mayor spoke at length.\n\n“We will not back down.” — Jane Roe, mayor of Springfield",
     [("direct", "Jane Roe", "—", "We will not back down.")]),
    # an embedded post signed "— Name (@handle) date", its words unmarked or quoted
    ("Protesters gathered outside.\n\nThe vote is a disgrace and we will fight it in court. — Jane Roe (@janeroe) "
     "March 3, 2020", [("indirect", "Jane Roe", "—", "The vote is a disgrace and we will fight it in court")]),
    ("“We will not back down.” — Jane Roe (@janeroe) March 3, 2020", [("direct", "Jane Roe", "—", "We will not back down.")]),
    # negatives: a dash inside a sentence, a handle in prose
    ("Smith — who left in 2019 — said the deal was fair.", [("indirect", "Smith", "say", "the deal was fair")]),
    ("The vote is over. Jane Roe (@janeroe) is the mayor.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_dashes(nlp, text, expected):
    assert quotes(nlp, text) == expected
