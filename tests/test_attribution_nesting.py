"""Table tests for :mod:`claimx.pipeline.attribution.nesting`: a cue inside what another statement reports is part of it.
Each case is (text, expected quotes), negatives included."""

import pytest

from tests.attribution_cases import quotes

CASES = [
    # a cue inside what is reported belongs to that statement, not one of its own
    ("Trump said he thinks the Brexit is “a great thing.”",
     [("mixed", "Trump", "say", "he thinks the Brexit is “a great thing.”")]),
    ("Smith told reporters he believes his campaign has “the wind at our backs.”",
     [("mixed", "Smith", "tell", "he believes his campaign has “the wind at our backs.”")]),
    # ... while two statements side by side stay two
    ("He said he did not know what she meant, and Jones said it was over.",
     [("indirect", "He", "say", "he did not know what she meant"), ("indirect", "Jones", "say", "it was over")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_nesting(nlp, text, expected):
    assert quotes(nlp, text) == expected
