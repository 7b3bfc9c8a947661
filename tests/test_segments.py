"""Long texts in segments: cut points, offsets exact in the whole text,
speakers merged across segments, and the same result as one Doc."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.pipeline import segments
from claimx.pipeline.extract import build_record, extract
from claimx.pipeline.quotemarks import paragraphs
from claimx.pipeline.segments import cut_points, same_person, split
from claimx.read.inputs import Article

from .conftest import all_spans

FIRST = "US Secretary of State Marco Rubio said on Sunday that the talks in Geneva would go on for another week."
PARAS = [
    "“We are ready to sign,” Governor Jane Smith said on Monday, adding that the vote had been fair.",
    "Officials in Springfield said turnout was the highest in two decades, with long queues at polling stations.",
    "Senator Tom Brown told reporters that the result was “far from settled” and promised to seek a recount.",
    "The Electoral Commission said it would publish the final count by Friday afternoon.",
]
LAST = "Rubio told reporters in Geneva that a deal was close."


def long_text(n: int) -> str:
    """FIRST, then ``n`` rounds of PARAS, then LAST: one paragraph a line, a blank line between."""
    return "\n\n".join([FIRST, *(PARAS * n), LAST]) + "\n"


@pytest.mark.parametrize(
    ("text", "limit", "cuts"),
    [
        ("short text\n", 100, [0]),
        ("aaaa\n\nbbbb\n\ncccc\n", 12, [0, 12]),  # at a blank line
        ("aaaa\nbbbb\ncccc\ndddd\n", 12, [0, 10]),  # no blank line: at a line break
        ("aa\n\nbbbbbb\ncccc\n", 12, [0, 11]),  # a blank line in the first half is too early
        ("One. Two. Three. Four.", 10, [0, 10, 17]),  # one long paragraph: after a sentence
        ("abcdefghijklmnop", 6, [0, 6, 12]),  # no space at all: cut anyway
        ("“aaa\n\n“bbb\n\n“ccc”\n\nddd\n", 16, [0, 19]),  # never inside a quotation, even past the limit
    ],
)
def test_cut_points(text, limit, cuts):
    assert cut_points(text, limit) == cuts


def test_split_covers_the_text_and_counts_paragraphs():
    text = long_text(30)
    segs = split(Article("long", "long.txt", text), (None, None), limit=2_000)
    assert len(segs) > 3
    assert "".join(s.piece.text for s in segs) == text  # nothing cut
    for s in segs:
        assert text[s.start : s.start + len(s.piece.text)] == s.piece.text
        assert s.paragraph == len(paragraphs(text[: s.start]))
        assert len(s.piece.text) <= 2_000 and (s.index, s.count) == (segs.index(s), len(segs))
    pieces = split(Article("p", "p", "One. Two. Three. Four."), (None, None), limit=10)
    assert [s.paragraph for s in pieces] == [0, 0, 0]  # cut inside one paragraph: it goes on


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Marco Rubio", "Rubio", True),
        ("Rubio", "Marco Rubio", True),
        ("Marco Rubio", "M. Rubio", True),
        ("Marco Rubio", "Marco", True),
        ("Marco Rubio", "Marco Rubio", True),
        ("Marco Rubio", "Jane Rubio", False),
        ("Marco Rubio", "Marco Polo", False),
        ("Rubio", "Smith", False),
        ("Donald J. Trump", "Donald Trump", True),
        ("John Smith", "Jane Smith", False),  # the same initial is not the same first name
        ("J Smith", "Jane Smith", True),
    ],
)
def test_same_person(a, b, same):
    assert same_person(a.split(), b.split()) is same


def _speaker(name: str, kind: str, at: int) -> dict:
    return {"id": "s1", "name": name, "kind": kind, "positions": [], "mentions": [{"text": name, "start": at, "end": at + 1}],
            "quote_count": 1}


@pytest.mark.parametrize(
    ("met", "merged"),
    [
        ([("Rubio", "person"), ("Marco Rubio", "person")], ["Marco Rubio"]),  # a full name replaces a surname
        ([("Barack Obama", "person"), ("B. Hussein Obama", "person")], ["Barack Obama"]),  # not another full name
        ([("John Smith", "person"), ("Jane Smith", "person"), ("Smith", "person")], ["John Smith", "Jane Smith"]),
        ([("the Pentagon", "organisation"), ("The Pentagon", "organisation")], ["the Pentagon"]),
        ([("Reuters", "organisation"), ("Reuters", "person")], ["Reuters", "Reuters"]),  # kinds stay apart
        ([("senior official", "unnamed"), ("senior official", "unnamed")], ["senior official", "senior official"]),
    ],
)
def test_speakers_merge_across_segments(met, merged):
    speakers = segments._Speakers()
    for at, (name, kind) in enumerate(met):
        speakers.add(_speaker(name, kind, at))
    assert [s["name"] for s in speakers.all] == merged
    assert sum(s["quote_count"] for s in speakers.all) == len(met)


def records(text: str, nlp, limit: int, monkeypatch, **kw):
    monkeypatch.setattr(segments, "SEGMENT_CHARS", limit)
    article = Article("long", "long.txt", text, published="2025-08-18")
    return [r.to_dict() for r in extract([article], nlp, include_text=True, **kw)]


def test_long_text_in_segments(nlp, monkeypatch):
    text = long_text(12)
    whole = records(text, nlp, len(text), monkeypatch)[0]  # one Doc
    (seg,) = records(text, nlp, 1_500, monkeypatch)  # four segments, one record
    assert len(split(Article("l", "l", text), (None, None), 1_500)) == 4
    assert seg["text"] == text
    for span in all_spans(seg):
        assert text[span["start"] : span["end"]] == span["text"]

    # Rubio of the first segment and of the last are one speaker
    rubio = [s for s in seg["speakers"] if s["name"] == "Marco Rubio"]
    assert len(rubio) == 1
    assert [m["text"] for m in rubio[0]["mentions"]] == ["Marco Rubio", "Rubio"]
    assert rubio[0]["positions"][0]["title"] == "Secretary of State"
    last = seg["quotes"][-1]
    assert last["speaker"] == rubio[0]["id"] and last["speaker_name"] == "Marco Rubio"
    assert last["date"] == "2025-08-17"  # his previous statement's date, three segments earlier
    smith = [s for s in seg["speakers"] if s["name"] == "Jane Smith"]
    assert len(smith) == 1  # her quote and her "adding that" in each of 12 paragraphs, over four segments
    assert smith[0]["quote_count"] == sum(q["speaker"] == smith[0]["id"] for q in seg["quotes"]) == 24

    # ids numbered once, in order
    assert [q["id"] for q in seg["quotes"]] == [f"q{n}" for n in range(1, len(seg["quotes"]) + 1)]
    assert [s["id"] for s in seg["speakers"]] == [f"s{n}" for n in range(1, len(seg["speakers"]) + 1)]
    firsts = [s["mentions"][0]["start"] for s in seg["speakers"]]
    assert firsts == sorted(firsts)
    paras = paragraphs(text)
    for q in seg["quotes"]:  # the paragraph holding the cue, counted in the whole text
        at = (q["cue"] or q)["start"]
        assert paras[q["paragraph"]][0] <= at < paras[q["paragraph"]][1]

    # the same as one Doc: paragraphs that stand on their own read the same in segments
    assert seg == whole


def test_short_text_is_unchanged(nlp, seed_text):
    article = Article("rubio-cbs", "rubio-cbs.txt", seed_text)
    assert len(split(article, (None, None))) == 1
    (rec,) = extract([article], nlp)
    assert rec == build_record(article, nlp(seed_text))
    # and a merge of one segment is the record itself
    (s,) = split(article, (None, None), limit=len(seed_text))
    assert segments.merge([(s, rec)], include_text=False) == rec


def test_cli_long_text_with_workers(tmp_path, monkeypatch):
    monkeypatch.setattr(segments, "SEGMENT_CHARS", 1_500)
    p = tmp_path / "transcript.txt"
    p.write_text(long_text(8), encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text(PARAS[0] + "\n", encoding="utf-8")
    runner = CliRunner()
    one = runner.invoke(app, ["extract", str(p), str(short), "-f", "jsonl", "--include-text", "--published", "2025-08-18"])
    two = runner.invoke(app, ["extract", str(p), str(short), "-f", "jsonl", "--include-text", "--published", "2025-08-18",
                              "--workers", "2"])
    assert one.exit_code == two.exit_code == 0, one.stderr
    assert one.stdout == two.stdout
    long_rec, short_rec = (json.loads(x) for x in one.stdout.splitlines())
    assert long_rec["text"] == long_text(8) and short_rec["article"]["id"] == "short"
    assert sum(s["name"] == "Marco Rubio" for s in long_rec["speakers"]) == 1


@pytest.mark.parametrize(
    ("a", "b", "gender"),
    [
        (("male", 1), ("male", 2), "male"),
        (("male", 1), (None, 0), "male"),  # a segment without evidence says nothing
        ((None, 0), ("female", 1), "female"),
        (("male", 1), ("female", 1), None),  # the segments disagree
        ((None, 2), ("male", 1), None),  # a segment's own evidence conflicts
        ((None, 0), (None, 0), None),
    ],
)
def test_gender_merges_across_segments(a, b, gender):
    speakers = segments._Speakers()
    for at, (g, n) in enumerate((a, b)):
        sp = _speaker("Anna Smith", "person", at * 10)
        sp.update(gender=g, gender_evidence=[{"text": "she", "start": at * 10 + i, "end": at * 10 + i + 1}
                                             for i in range(n)])
        speakers.add(sp)
    [merged] = speakers.all
    assert merged["gender"] == gender
    assert len(merged["gender_evidence"]) == a[1] + b[1]


def test_a_member_met_in_one_segment_names_its_speaker_in_another(nlp, monkeypatch):
    """The cast of each segment is merged before the members that said
    nothing are dropped: "Governor Ann Hale" met in the first segment and
    quoted as "Hale" in the last is one speaker, "Ann Hale"; a person only
    mentioned is no speaker."""
    filler = "".join(f"The council met on day {n} and the vote was delayed again.\n\n" for n in range(30))
    text = ("Governor Ann Hale visited Tom Reed on Monday.\n\n" + filler
            + "“The road will open,” Hale said on Tuesday.\n")
    (seg,) = records(text, nlp, 1_000, monkeypatch)
    assert len(split(Article("l", "l", text), (None, None), 1_000)) > 1
    assert [(s["name"], s["quote_count"]) for s in seg["speakers"]] == [("Ann Hale", 1)]
    assert seg["quotes"][-1]["speaker_name"] == "Ann Hale"
