"""Table tests for :mod:`claimx.pipeline.attribution.refusals`: a source that declines
to speak makes no statement; refusing something else does.
Each case is (text, expected quotes), negatives included."""

import pytest

from tests.attribution_cases import quotes

CASES = [
    ("A spokesman declined to comment.", []),
    ("The White House declined to comment on the report.", []),
    ("Smith declined comment.", []),
    ("He declined requests for an interview.", []),
    ("The campaign did not respond to a request for comment.", []),
    ("The company has not responded to questions about the deal.", []),
    ("Jones refused to say whether he would run.", []),
    # the refusal is dropped, the statement around it stays
    ("The White House declined to comment on the report, Smith said.",
     [("indirect", "Smith", "say", "The White House declined to comment on the report")]),
    # negatives: refusing to do something else, or a response that says something
    ("Trump declined to endorse Ryan.", [("indirect", "Trump", "decline", "to endorse Ryan")]),
    ("Cruz refused to concede that he had lost.", [("indirect", "Cruz", "refuse", "to concede that he had lost")]),
    ("The campaign responded that the report was false.",
     [("indirect", "campaign", "respond", "the report was false")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_refusals(nlp, text, expected):
    assert quotes(nlp, text) == expected
