"""Organisations by every name form (claimx.pipeline.speakers.organisations)."""

from __future__ import annotations

import pytest

from claimx.pipeline.speakers.organisations import canonical_name, defined_acronyms, org_words, same_org
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
        # the member's name without the determiner; a "The" of the name kept
        ("Staff at the Environmental Protection Agency left. The agency said the water was clean.",
         [("Environmental Protection Agency", "organisation")]),
        ("Reporters at The New York Times were told. The New York Times said it would appeal.",
         [("The New York Times", "organisation")]),
        # negative: two companies stay two
        ("Acme Shipping said rates would rise. Acme Bank said they would not.",
         [("Acme Shipping", "organisation"), ("Acme Bank", "organisation")]),
    ],
)
def test_organisations_in_articles(nlp, text, members):
    assert [(s.name, s.kind) for s in cast(nlp, text) if s.kind == "organisation"] == members


@pytest.mark.parametrize(
    ("text", "name", "canonical"),
    [
        # a lower-case "the" is a determiner
        ("Officials at the Environmental Protection Agency said so.", "the Environmental Protection Agency",
         "Environmental Protection Agency"),
        # a capitalised "The" inside a sentence is part of the name
        ("Reporters at The New York Times said so.", "The New York Times", "The New York Times"),
        # at a sentence's start the text's other mentions decide ...
        ("The Fruit Growers Board said so. Members of the Fruit Growers Board agreed.", "The Fruit Growers Board",
         "Fruit Growers Board"),
        ("The Daily Harvest said so. A reporter for The Daily Harvest agreed.", "The Daily Harvest", "The Daily Harvest"),
        # ... else a media title keeps it and any other name loses it
        ("The Washington Post reported the deal.", "The Washington Post", "The Washington Post"),
        ("The Environmental Protection Agency said so.", "The Environmental Protection Agency",
         "Environmental Protection Agency"),
        # negatives: no article to take away; "The" alone is no name
        ("Acme Corp. said so.", "Acme Corp.", "Acme Corp."),
        ("Theodore Inc. said so.", "Theodore Inc.", "Theodore Inc."),
    ],
)
def test_canonical_name(text, name, canonical):
    assert canonical_name(text, name, text.index(name)) == canonical


def test_a_re_mention_writes_the_name_only_when_it_is_longer(monkeypatch):
    """:func:`full_name` runs once per organisation and again only for a
    longer name, not on every re-mention."""
    from claimx.pipeline.speakers import organisations
    from claimx.pipeline.speakers.cast import Cast, Speaker

    text = "Bloomberg said so. Bloomberg agreed. Bloomberg News left."
    cast = Cast(text=text)
    cast.add(Speaker("Bloomberg", "organisation", ("bloomberg",)))
    calls = []
    real = organisations.full_name
    monkeypatch.setattr(organisations, "full_name", lambda *a: calls.append(a) or real(*a))
    assert organisations.find_org(cast, "Bloomberg", 19) == 0 and calls == []  # the same name again
    assert organisations.find_org(cast, "Bloomberg News", 37) == 0 and len(calls) == 1  # a longer one
    assert organisations.find_org(cast, "Bloomberg", 0) == 0 and len(calls) == 1  # a shorter one
    assert cast.speakers[0].name == "Bloomberg News"
    assert organisations.find_org(cast, "Acme Bank", 0) is None and len(calls) == 1  # negative: another company
