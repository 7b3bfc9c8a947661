"""Table tests for :mod:`claimx.pipeline.speakers.words`: the one reading of
a role noun by its form, which documents, positions, descriptions, headlines
and plural subjects share. Each case is (word, expected), negatives included."""

import pytest

from claimx.pipeline.speakers.words import role_form


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # endings of one who does something
        ("strategist", True),
        ("pollster", True),
        ("sponsor", True),
        ("auditor", True),
        ("historian", True),
        ("consultant", True),
        ("correspondent", True),
        ("surrogate", True),
        ("spokesman", True),
        ("chairwoman", True),
        ("chairperson", True),
        # negatives: no such ending, or a thing that ends like one
        ("plan", False),
        ("budget", False),
        ("game", False),
        ("river", False),
        ("water", False),
        ("order", False),
        ("statement", False),
        ("state", False),
    ],
)
def test_role_form(word, expected):
    assert role_form(word) is expected
