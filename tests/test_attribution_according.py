"""Table tests for :mod:`claimx.attribution.according`: "according to X".
Each case is (text, expected quotes), negatives included."""

import pytest

from tests.attribution_cases import quotes

CASES = [
    # according to
    ("The economy grew by 3 percent last year, according to the Commerce Department.",
     [("indirect", "the Commerce Department", "according to", "The economy grew by 3 percent last year")]),
    # "According" the parse's root: the rest of the sentence after the comma
    ("According to radio host Rush Limbaugh, the move reeks of “fear” and desperation.",
     [("mixed", "Rush Limbaugh", "according to", "the move reeks of “fear” and desperation")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_according(nlp, text, expected):
    assert quotes(nlp, text) == expected
