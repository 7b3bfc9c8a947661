"""Table tests for :mod:`claimx.pipeline.attribution.statement`: the kind of a
content span from the quotations it holds. Pure text: no model."""

import pytest

from claimx.pipeline.attribution.statement import classify
from claimx.pipeline.quotemarks import find_quotations

CLASSIFY = [
    # one quotation filling the span: direct, its words without the marks
    ("“We will win this race.”", "direct", ["We will win this race."]),
    # quoted words inside reported speech: mixed, the whole span
    ("the deal was “a disaster” for workers", "mixed", ["the deal was “a disaster” for workers"]),
    # quotation marks the scanner did not pair still make it mixed
    ("the deal was “a disaster for workers", "mixed", ["the deal was “a disaster for workers"]),
    ("the budget would be balanced", "indirect", ["the budget would be balanced"]),
]


@pytest.mark.parametrize(("text", "kind", "parts"), CLASSIFY)
def test_classify(text, kind, parts):
    quotes = find_quotations(text)
    inside = [i for i, q in enumerate(quotes) if q.end <= len(text)]
    got_kind, got_parts = classify(text, quotes, inside, 0, len(text))
    assert (got_kind, [text[s:e] for s, e in got_parts]) == (kind, parts)
