"""Organisations by every name form (claimx.pipeline.speakers.organisations)."""

from __future__ import annotations

import pytest

from claimx.pipeline.speakers.organisations import defined_acronyms, org_words, same_org
from tests.attribution_cases import cast


@pytest.mark.parametrize(
    ("text", "acronyms"),
    [
        ("The National Farmers Union (NFU) met. The NFU said no.", {"NFU": "National Farmers Union"}),
        ("the Association of Flight Attendants (AFA) said", {"AFA": "Association of Flight Attendants"}),
        # negatives: a credit, a party-state tag, letters that spell no name before them
        ("LONDON (Reuters) - The talks ended.", {}),
        ("Sen. Elizabeth Warren (D-Mass.) said", {}),
        ("Reuters (AP) said", {}),
        ("the new plan (NP) failed", {}),
    ],
)
def test_defined_acronyms(text, acronyms):
    assert defined_acronyms(text) == acronyms


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Acme Corp.", "Acme", True),
        ("Acme Inc", "acme", True),
        ("The New York Post", "The Post", True),
        ("Bloomberg News", "Bloomberg", True),
        ("the NFU", "National Farmers Union", True),
        # negatives: a shorter name that is no media title, another company
        ("the White House", "the House", False),
        ("Acme Shipping", "Acme Mining", False),
        ("The New York Times", "The Post", False),
    ],
)
def test_same_org(a, b, same):
    acronyms = {"NFU": "National Farmers Union"}
    assert same_org(org_words(a, acronyms), org_words(b, acronyms)) is same


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("Acme Corp. announced a deal. Acme said profits would rise.", [("Acme Corp.", "organisation")]),
        ("The National Farmers Union (NFU) held a meeting. “Prices are too low,” the NFU said.",
         [("National Farmers Union", "organisation")]),
        ("The New York Post reports that the talks failed. The talks ended late, The Post has learned.",
         [("The New York Post", "organisation")]),
        # negative: two companies stay two
        ("Acme Shipping said rates would rise. Acme Bank said they would not.",
         [("Acme Shipping", "organisation"), ("Acme Bank", "organisation")]),
    ],
)
def test_organisations_in_articles(nlp, text, members):
    assert [(s.name, s.kind) for s in cast(nlp, text) if s.kind == "organisation"] == members
