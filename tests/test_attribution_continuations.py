"""Table tests for :mod:`claimx.attribution.continuations`: quotations no cue claimed: continuations of a speaker, or headings, titles and scare quotes.
Each case is (text, expected quotes), negatives included."""

import pytest

from tests.attribution_cases import quotes

CASES = [
    # a quotation in capitals on a line of its own is a heading, not more of the speaker's words
    ("“We will win this race,” Smith said.\n“DIVISIVE, STUPID AND WRONG”\nCameron will work with whoever is elected.",
     [("direct", "Smith", "say", "We will win this race,")]),
    # negatives: headings, the writer's questions, scare quotes, titles
    ("What happens next in the talks?", []),
    ("The so-called “reform” was passed by the Senate on Monday.", []),
    ("She watched “The Godfather” again last night.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_continuations(nlp, text, expected):
    assert quotes(nlp, text) == expected
