"""The hand-checked speaker set of 25 PolNeAR dev articles
(``tests/data/speaker_gold_dev.jsonl``, offsets and names only): its
records fit the articles, and claimx's canonical speakers and positions
stay above the targets (:mod:`claimx.evaluate.speakers`). The articles are
read from ``../shared``; without it these tests skip."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimx.evaluate.speakers import GoldQuote, load_gold, norm, position_right, score, speaker_right

from .conftest import SHARED

GOLD = Path(__file__).parent / "data" / "speaker_gold_dev.jsonl"
TEXTS = SHARED / "corpora" / "polnear" / "dev" / "text"
CANONICAL_TARGET = 0.92
POSITION_TARGET = 0.85


def _texts() -> dict[str, str]:
    if not TEXTS.is_dir():
        pytest.skip("needs ../shared/corpora/polnear/dev")
    ids = {g.article for g in load_gold(GOLD)}
    return {i: (TEXTS / f"{i}.txt").read_text(encoding="utf-8") for i in sorted(ids)}


def test_the_gold_fits_the_articles():
    texts = _texts()
    gold = load_gold(GOLD)
    assert len(texts) >= 25
    assert len(gold) >= 200
    for g in gold:
        text = texts[g.article]
        assert 0 <= g.start < g.end <= len(text), g
        assert g.source is None or 0 <= g.source[0] < g.source[1] <= len(text), g
        assert g.speaker and all(g.speaker), g
        assert g.kind in ("person", "organisation", "group", "document", "unnamed"), g


@pytest.mark.parametrize(
    ("gold", "speaker", "right"),
    [
        (GoldQuote("a", 0, 1, None, ("New York Post",), "organisation"), {"name": "The New York Post",
                                                                           "kind": "organisation"}, True),
        (GoldQuote("a", 0, 1, None, ("Bloomberg", "poll"), "document"), {"name": "Bloomberg poll",
                                                                          "kind": "document"}, True),
        (GoldQuote("a", 0, 1, None, ("sources",), "group"), {"name": "a source", "kind": "unnamed"}, True),
        # negatives: a surname for the full name, another person, no speaker
        (GoldQuote("a", 0, 1, None, ("Mike Pence",), "person"), {"name": "Pence", "kind": "person"}, False),
        (GoldQuote("a", 0, 1, None, ("Mike Pence",), "person"), {"name": "Donald Trump", "kind": "person"}, False),
        (GoldQuote("a", 0, 1, None, ("sources",), "group"), None, False),
    ],
)
def test_speaker_right(gold, speaker, right):
    assert speaker_right(gold, speaker) is right


def test_position_right():
    gold = GoldQuote("a", 0, 1, None, ("Adam Schiff",), "person", ("Rep.", "congressman"))
    assert position_right(gold, {"positions": [{"text": "Rep.", "title": "Representative", "affiliation": None}]})
    assert not position_right(gold, {"positions": [{"text": "Ohio", "title": None, "affiliation": "Ohio"}]})
    assert norm("The Post’s") == "post"


def test_canonical_speakers_and_positions_meet_the_targets(nlp):
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    texts = _texts()
    records = {i: build_record(Article(i, i, t), nlp(t)).to_dict() for i, t in texts.items()}
    s = score(load_gold(GOLD), records)
    assert s.paired >= 150
    assert s.accuracy >= CANONICAL_TARGET, s.misses
    assert s.position_accuracy >= POSITION_TARGET, s.misses
