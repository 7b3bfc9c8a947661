"""``claimx eval --acts``: the gold read as ACTS.md reads a statement, on a
parse of the gold's own clause (``evaluate.polnear.gold_acts``): a
directive's infinitive is intention, a topic-only report or a question has
no act; ``--topics`` keeps PolNeAR's own reading."""

from __future__ import annotations

import pytest

from claimx.evaluate.polnear import Document, gold_acts, gold_parser, read_ann, score_corpus, verb_lemmas


def one_gold(source: str, cue: str, content: str) -> Document:
    text = f"{source} {cue} {content}."
    c0 = len(source) + 1
    k0 = c0 + len(cue) + 1
    ann = (f"T1\tSource 0 {len(source)}\t{source}\nT2\tCue {c0} {c0 + len(cue)}\t{cue}\n"
           f"T3\tContent {k0} {k0 + len(content)}\t{content}\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n")
    return Document("d", text, read_ann(ann, text))


@pytest.mark.parametrize(("source", "cue", "content", "expected"), [
    # a claim: a clause, a that-clause, a predicate on the object, a pro-form
    ("The mayor", "said", "the budget was balanced", "speech"),
    ("The mayor", "announced", "that the strike had ended", "speech"),
    ("The mayor", "described", "the meeting as productive", "speech"),
    ("The mayor", "said", "as much", "speech"),
    ("The mayor", "said", "so", "speech"),
    ("The mayor", "denied", "the charges", "speech"),  # says no to what the object names
    ("The mayor", "accused", "the aides of fraud", "speech"),  # a charge laid on the object
    ("The mayor", "promised", "to cut taxes", "speech"),  # a promise is said
    ("The mayor", "told", "reporters the plan to cut taxes was dead", "speech"),  # finite: words said
    # a topic only: no act
    ("The mayor", "announced", "the end of the strike", None),
    ("The mayor", "called for", "the repeal of the law", None),
    ("The senator", "cited", "the polls", None),
    # a question: no act
    ("The reporter", "asked", "whether the plan was legal", None),
    ("The reporter", "asked", "what he would do next", None),
    # a directive's infinitive: the source's aim
    ("The mayor", "called on", "residents to stay home", "intention"),
    ("The mayor", "told", "his aides to find the money", "intention"),
])
def test_gold_read_as_acts_reads_a_statement(nlp, source, cue, content, expected):
    doc = one_gold(source, cue, content)
    assert gold_acts(doc, verb_lemmas(nlp), gold_parser(nlp)) == [expected]


def test_without_a_parse_the_lexicon_alone_decides(nlp):
    doc = one_gold("The mayor", "announced", "the end of the strike")
    assert gold_acts(doc, verb_lemmas(nlp)) == ["speech"]


def test_quoted_content_is_never_a_topic(nlp):
    doc = one_gold("The mayor", "called", "it “the end of the strike”")
    assert gold_acts(doc, verb_lemmas(nlp), gold_parser(nlp)) == ["speech"]


def test_topics_keeps_the_gold_topic_and_claimx_s(nlp):
    doc = one_gold("The mayor", "announced", "the end of the strike")
    s, e = doc.gold[0].roles["content"][0]
    quote = {"id": "q1", "type": "indirect", "act": "speech", "content": "topic", "start": s, "end": e,
             "text": doc.text[s:e], "speaker": None, "speaker_mention": {"start": 0, "end": 9}, "cue": None}
    record = {"speakers": [], "quotes": [quote]}
    speech = frozenset({"speech"})
    claims = score_corpus([doc], [record], speech, verb_lemmas(nlp), parse=gold_parser(nlp))["quote"]
    assert (claims["tp"], claims["predicted"], claims["gold"]) == (0, 0, 0)
    both = score_corpus([doc], [record], speech, verb_lemmas(nlp), topics=True, parse=gold_parser(nlp))["quote"]
    assert (both["tp"], both["predicted"], both["gold"]) == (1, 1, 1)


TOPIC_TEXT = "The mayor cited the polls. Smith said the plan failed.\n"
TOPIC_ANN = (
    "T1\tSource 0 9\tThe mayor\nT2\tCue 10 15\tcited\nT3\tContent 16 25\tthe polls\n"
    "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
    "T4\tSource 27 32\tSmith\nT5\tCue 33 37\tsaid\nT6\tContent 38 53\tthe plan failed\n"
    "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n"
)


@pytest.mark.parametrize(("args", "counts"), [
    ([], (1, 1, 2)),  # claims only: the topic report is a gold claimx leaves out
    (["--topics"], (2, 2, 2)),  # PolNeAR's breadth, both sides
    (["--acts", "speech"], (1, 1, 1)),  # the speech gold holds claims only
    (["--acts", "speech", "--topics"], (2, 2, 2)),
])
def test_eval_scores_what_its_options_name(tmp_path, args, counts):
    import json

    from typer.testing import CliRunner

    from claimx.cli import app

    for sub in ("text", "attributions"):
        (tmp_path / "dev" / sub).mkdir(parents=True)
    (tmp_path / "dev" / "text" / "d1.txt").write_text(TOPIC_TEXT, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "d1_a.ann").write_text(TOPIC_ANN, encoding="utf-8")
    r = CliRunner().invoke(app, ["eval", str(tmp_path), "--json", *args])
    assert r.exit_code == 0, r.stderr
    quote = json.loads(r.stdout)["quote"]
    assert (quote["tp"], quote["predicted"], quote["gold"]) == counts
