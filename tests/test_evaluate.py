"""The PolNeAR scorer on tiny hand-made corpora."""

from __future__ import annotations

import pytest

from claimx.evaluate.polnear import Relation, load_corpus, read_ann, score_document, summarise

from .conftest import SHARED

TEXT = "“We will win,” Smith said. Jones said the plan failed. Officials said nothing new was planned."
ANN = (
    "T1\tContent 0 14\t“We will win,”\nT2\tSource 15 20\tSmith\nT3\tCue 21 25\tsaid\n"
    "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n"
    "T4\tSource 27 32\tJones\nT5\tCue 33 37\tsaid\nT6\tContent 38 53\tthe plan failed\n"
    "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n"
)


def test_gold_against_itself_is_perfect():
    gold = read_ann(ANN, TEXT)
    assert len(gold) == 2
    scores = summarise([score_document(TEXT, gold, gold)])
    for key in ("quote", "quote.direct", "content.exact", "source.exact", "cue.exact"):
        assert scores[key]["f1"] == 1.0, key


def test_wrong_source_is_not_a_quote_match():
    gold = read_ann(ANN, TEXT)
    pred = [Relation({"content": [(0, 14)], "source": [(27, 32)], "cue": [(21, 25)]})]
    s = summarise([score_document(TEXT, gold, pred)])
    assert s["quote"]["tp"] == 0 and s["content.overlap"]["tp"] == 1
    assert s["quote"]["precision"] == 0.0 and s["quote"]["recall"] == 0.0


def test_overlap_vs_exact_and_one_to_one():
    gold = read_ann(ANN, TEXT)
    # two predictions on the same gold: only one may pair with it
    pred = [Relation({"content": [(38, 46)], "source": [(27, 32)]}),
            Relation({"content": [(42, 53)], "source": [(27, 32)]})]
    s = summarise([score_document(TEXT, gold, pred)])
    assert s["quote"]["tp"] == 1 and s["quote"]["predicted"] == 2
    assert s["content.exact"]["tp"] == 0
    assert s["quote.direct"]["gold"] == 1 and s["quote.direct"]["tp"] == 0


def test_pieces_separated_by_white_space_merge():
    ann = "T1\tContent 0 3;4 14\t“We will win,”\nT2\tSource 15 20\tSmith\nE1\tAttribution:T2 Content:T1 Source:T2\n"
    (rel,) = read_ann(ann, TEXT)
    assert rel.roles["content"] == [(0, 14)]


def test_polnear_dev_loads_when_present():
    root = SHARED / "corpora" / "polnear"
    if not root.exists():
        pytest.skip("PolNeAR not present")
    docs = load_corpus(root, "dev")
    assert len(docs) == 84 and sum(len(d.gold) for d in docs) > 1000
