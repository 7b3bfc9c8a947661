"""``--acts`` on extract, show and eval, as a user runs them: the quotes of the
acts asked for, ids as in the whole extraction, a usage error naming the
acts for anything else; and the speech-only scoring of ``claimx eval``."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.evaluate.polnear import Document, gold_act, read_ann, score_corpus

runner = CliRunner()

# q1 speech, q2 belief, q3 intention, q4 speech
TEXT = ("Governor Jane Smith said the budget was balanced.\n\n"
        "Officials believe the economy will recover by June.\n\n"
        "Smith plans to run for the Senate next year.\n\n"
        "“We will win,” Smith told reporters.\n")


def run(*args):
    return runner.invoke(app, list(args))


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def test_extract_all_acts_by_default(article):
    r = run("extract", str(article), "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert [(q["id"], q["act"]) for q in json.loads(r.stdout)["quotes"]] == [
        ("q1", "speech"), ("q2", "belief"), ("q3", "intention"), ("q4", "speech")]


@pytest.mark.parametrize(("acts", "expected"), [
    ("speech", [("q1", "speech"), ("q4", "speech")]),
    ("belief,intention", [("q2", "belief"), ("q3", "intention")]),
    ("fact", []),
    ("speech,belief,fact,intention", [("q1", "speech"), ("q2", "belief"), ("q3", "intention"), ("q4", "speech")]),
])
def test_extract_keeps_the_acts_asked_for_with_stable_ids(article, acts, expected):
    r = run("extract", str(article), "-f", "json", "--acts", acts)
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert [(q["id"], q["act"]) for q in data["quotes"]] == expected
    # speakers stay, each counting the quotes kept
    assert sum(s["quote_count"] for s in data["speakers"]) == sum(1 for q in data["quotes"] if q["speaker"])


def test_extract_csv_act_column(article):
    r = run("extract", str(article), "-f", "csv", "--acts", "intention")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(row["quote_id"], row["act"], row["cue_lemma"]) for row in rows] == [("q3", "intention", "plan")]


@pytest.mark.parametrize("command", ["extract", "show"])
@pytest.mark.parametrize("acts", ["speach", "speech,opinion", ""])
def test_an_unknown_act_is_a_usage_error(article, command, acts):
    r = run(command, str(article), "--acts", acts)
    assert r.exit_code == 2
    message = " ".join(re.sub(r"[│╭╮╰╯─]", " ", r.stderr).split())  # Rich draws a box and wraps
    assert "--acts" in message and "speech, belief, fact, intention" in message
    assert r.stdout == ""


def test_show_keeps_the_acts_asked_for(article):
    r = run("show", str(article), "--acts", "belief")
    assert r.exit_code == 0, r.stderr
    assert "q2" in r.stdout and "belief" in r.stdout
    assert "q1" not in r.stdout and "q3" not in r.stdout


# -- claimx eval --acts -------------------------------------------------------
EVAL_TEXT = "Smith said the plan failed. Jones believes the plan worked. Lee has learned the plan was costly."
EVAL_ANN = (
    "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 26\tthe plan failed\n"
    "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
    "T4\tSource 28 33\tJones\nT5\tCue 34 42\tbelieves\nT6\tContent 43 58\tthe plan worked\n"
    "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n"
    "T7\tSource 60 63\tLee\nT8\tCue 64 75\thas learned\nT9\tContent 76 95\tthe plan was costly\n"
    "E3\tAttribution:T8 Content:T9 Cue:T8 Source:T7\n"
)


def lemmas(word: str) -> list[str]:
    return {"said": ["say"], "believes": ["believe"], "learned": ["learn"], "has": ["have"]}.get(word, [word])


@pytest.mark.parametrize(("cue", "expected"), [
    ("said", "speech"), ("believes", "belief"), ("has learned", "fact"),
    ("according to", "speech"), (":", "speech"), ("―", "speech"),
    ("in", None),  # "In a poll": no cue of the lexicon
])
def test_gold_act_by_the_lexicon(cue, expected):
    text = f"X {cue} Y"
    ann = f"T1\tCue 2 {2 + len(cue)}\t{cue}\nT2\tContent {3 + len(cue)} {4 + len(cue)}\tY\nE1\tAttribution:T1 Content:T2 Cue:T1\n"
    (rel,) = read_ann(ann, text)
    assert gold_act(text, rel, lemmas) == expected


def test_speech_only_scoring_drops_gold_and_predictions_of_other_acts():
    gold = read_ann(EVAL_ANN, EVAL_TEXT)
    doc = Document("d", EVAL_TEXT, gold)

    def quote(act, start, end, source):
        return {"id": "q", "type": "indirect", "act": act, "start": start, "end": end, "text": EVAL_TEXT[start:end],
                "speaker": None, "speaker_mention": {"start": source[0], "end": source[1]}, "cue": None}

    record = {"speakers": [], "quotes": [quote("speech", 11, 26, (0, 5)), quote("belief", 43, 58, (28, 33)),
                                          quote("speech", 76, 95, (60, 63))]}
    every = score_corpus([doc], [record])["quote"]
    assert (every["tp"], every["predicted"], every["gold"]) == (3, 3, 3)
    speech = score_corpus([doc], [record], frozenset({"speech"}), lemmas)["quote"]
    # gold: "said" only; predictions: the two speech quotes, one of them on the "has learned" fact
    assert (speech["tp"], speech["predicted"], speech["gold"]) == (1, 2, 1)


def test_eval_acts_on_a_corpus(tmp_path):
    for sub in ("text", "attributions"):
        (tmp_path / "dev" / sub).mkdir(parents=True)
    (tmp_path / "dev" / "text" / "d1.txt").write_text(EVAL_TEXT, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "d1_a.ann").write_text(EVAL_ANN, encoding="utf-8")
    r = run("eval", str(tmp_path), "--acts", "speech", "--json")
    assert r.exit_code == 0, r.stderr
    scores = json.loads(r.stdout)
    assert scores["acts"] == ["speech"] and scores["quote"]["gold"] == 1
    assert run("eval", str(tmp_path), "--acts", "opinion").exit_code == 2
    assert run("eval", str(tmp_path), "--dates", "--acts", "speech").exit_code == 2


def test_review_page_shows_each_quotes_act(article, tmp_path):
    out = tmp_path / "page.html"
    r = run("extract", str(article), "-o", str(out))
    assert r.exit_code == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert "<th>type</th><th>act</th>" in page  # the table column, after type
    assert "<td>indirect</td><td>belief</td>" in page and "<td>indirect</td><td>intention</td>" in page
    assert 'class="legend">act:' in page  # the legend says what the acts are
