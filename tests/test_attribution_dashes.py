"""Table tests for :mod:`claimx.attribution.dashes`: a quotation, a dash and the name of who said it.
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
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_dashes(nlp, text, expected):
    assert quotes(nlp, text) == expected
