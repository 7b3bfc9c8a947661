"""Wire copies (claimx.read.fingerprint): copies of a story resemble it above the
threshold, the same facts in other words below it; stories group copies of
copies whatever the order; claimx corpus counts a claim once per story."""

from __future__ import annotations

import pytest

from claimx.read.fingerprint import (
    PERMUTATIONS,
    THRESHOLD,
    count_stories,
    fingerprint,
    resemblance,
    shingles,
    stories,
)
from tests.fingerprint_pairs import COPIES, OTHER, PARAPHRASES, WIRE, text


@pytest.mark.parametrize("name", list(COPIES))
def test_copies_resemble_the_wire_story(name):
    assert resemblance(fingerprint(text(WIRE)), fingerprint(text(COPIES[name]))) >= THRESHOLD


@pytest.mark.parametrize("name", list(PARAPHRASES))
def test_the_same_facts_in_other_words_are_another_story(name):
    assert resemblance(fingerprint(text(WIRE)), fingerprint(text(PARAPHRASES[name]))) < THRESHOLD / 3


def test_another_story_does_not_resemble():
    assert resemblance(fingerprint(text(WIRE)), fingerprint(text(OTHER))) < THRESHOLD / 3


def test_the_fingerprint_is_short_fixed_and_blind_to_case_and_punctuation():
    fp = fingerprint(text(WIRE))
    assert len(fp) == 86 and fp == fingerprint(text(WIRE))
    assert fingerprint("“We will finish it,” the Mayor said.") == fingerprint("we will finish it -- the mayor said")
    assert fingerprint("") == fingerprint("  ") != fingerprint("a word")
    assert shingles("one two") == {"one two"} and len(shingles(text(WIRE))) == 153
    assert PERMUTATIONS == 64


def test_stories_group_copies_of_copies_in_any_order():
    texts = {"c-copy": COPIES["words changed"], "a-wire": WIRE, "d-para": PARAPHRASES["another outlet's report"],
             "b-cut": COPIES["the end cut"], "e-other": OTHER}
    fps = {k: fingerprint(text(v)) for k, v in texts.items()}
    expected = {"a-wire": "a-wire", "b-cut": "a-wire", "c-copy": "a-wire", "d-para": "d-para", "e-other": "e-other"}
    assert stories(fps) == expected
    assert stories(dict(reversed(list(fps.items())))) == expected
    assert stories({**fps, "f-none": None})["f-none"] == "f-none"
    assert count_stories(["a-wire", "b-cut", "d-para"], expected) == 2


def _record(aid: str, url: str, paragraphs: list[str]) -> dict:
    quote = "This is the most important investment in our roads in a generation"
    return {"schema": "claimx/1",
            "article": {"id": aid, "source": aid, "title": None, "author": None, "published": "2025-08-05",
                        "reference_date": "2025-08-05", "reference_date_source": "metadata", "url": url,
                        "fingerprint": fingerprint(text(paragraphs))},
            "speakers": [{"id": "s1", "name": "Jane Smith", "kind": "person", "positions": [], "mentions": [],
                          "quote_count": 1, "gender": None, "gender_evidence": []}],
            "quotes": [{"id": "q1", "type": "direct", "act": "claim", "text": f"“{quote},”", "start": 0, "end": 1,
                        "speaker": "s1", "speaker_name": "Jane Smith", "date": None}],
            "dates": []}


def test_corpus_counts_a_claim_once_per_story_and_by_outlet():
    from claimx.corpus.build import build, summarise

    corpus = build([_record("a", "https://apnews.example/1", WIRE),
                    _record("b", "https://herald.example/2", COPIES["another headline and a byline"]),
                    _record("c", "https://gazette.example/3", PARAPHRASES["the same facts in other words"])])
    (claim,) = corpus.claims
    assert (claim["articles"], claim["stories"]) == (3, 2)
    assert claim["outlets"] == "apnews.example; gazette.example; herald.example"
    assert summarise(corpus)["stories"] == 2 and corpus.story_of == {"a": "a", "b": "a", "c": "c"}
