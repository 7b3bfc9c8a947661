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


# ---- the estimate against the true resemblance, over many generated pairs -----

def _words(rng, n: int) -> list[str]:
    syllables = ["ba", "ker", "lo", "mi", "tan", "su", "ve", "dor", "pa", "ri", "gen", "to", "sal", "mu", "ne", "ha"]
    return ["".join(rng.choice(syllables) for _ in range(rng.randint(1, 3))) for _ in range(n)]


def _article(rng, vocabulary: list[str]) -> list[str]:
    """Paragraphs of sentences of words drawn from a shared vocabulary (so
    texts share words, as news does, but seldom runs of five)."""
    return [" ".join(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(10, 24))) + "."
                     for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(6, 14))]


def _jaccard(x: str, y: str) -> float:
    a, b = shingles(x), shingles(y)
    return len(a & b) / len(a | b)


def _pairs(n: int = 120, seed: int = 26):
    """(kind, source, other) pairs: copies (a new headline and a byline with
    the last paragraph cut), sentences deleted at random (a quarter, or from
    a tenth to two thirds), and paraphrases (every third word replaced)."""
    import random

    rng = random.Random(seed)
    vocabulary = _words(rng, 3000)
    for i in range(n):
        source = _article(rng, vocabulary)
        sentences = [s + "." for p in source for s in p.split(".") if s.strip()]
        if i % 4 == 0:
            yield "copy", source, [" ".join(_words(rng, 7)), "By " + " ".join(_words(rng, 2)), *source[:-1]]
        elif i % 4 == 1:
            yield "deleted", source, [s for s in sentences if rng.random() >= 0.25]
        elif i % 4 == 2:
            rate = rng.uniform(0.1, 0.67)
            yield "deleted", source, [s for s in sentences if rng.random() >= rate] or sentences[:1]
        else:
            yield "paraphrase", source, [" ".join(rng.choice(vocabulary) if k % 3 == 2 else w
                                                  for k, w in enumerate(p.split())) for p in source]


def test_the_estimate_follows_the_true_resemblance_over_many_pairs():
    """Every hash function must order the shingles anew: with 64 of them,
    one byte each, the estimate's standard error is at most about 0.065, so
    its mean absolute error stays under 0.06 and no pair is off by 0.3."""
    errors, kinds = [], {"copy": [], "deleted": [], "paraphrase": []}
    for kind, source, other in _pairs():
        x, y = text(source), text(other)
        estimate = resemblance(fingerprint(x), fingerprint(y))
        errors.append(abs(estimate - _jaccard(x, y)))
        kinds[kind].append((_jaccard(x, y), estimate))
    assert sum(errors) / len(errors) < 0.06 and max(errors) < 0.3
    # a new headline, a byline and the last paragraph cut: the same story
    assert all(true >= 0.6 and estimate >= THRESHOLD for true, estimate in kinds["copy"])
    # the same facts in other words (no run of five words left): another story
    assert all(true < 0.05 and estimate < THRESHOLD / 3 for true, estimate in kinds["paraphrase"])
    # deletions span the range: the estimate is on the right side of the threshold away from it
    spread = [true for true, _ in kinds["deleted"]]
    assert min(spread) < 0.4 and max(spread) > 0.85
    assert all((estimate >= THRESHOLD) == (true >= THRESHOLD) for true, estimate in kinds["deleted"]
               if abs(true - THRESHOLD) > 0.2)
