"""The seed article against the acceptance reference in ../shared (skipped
without it) and against facts stated in the article itself."""

from __future__ import annotations

import pytest
import yaml

from .conftest import SHARED, all_spans

REFERENCE = SHARED / "reference" / "rubio-cbs.expected.yaml"
ACCEPT = {  # alternatives the reference names as also correct
    (0, "indirect"), (2, "direct"), (10, "mixed"),
}


def _norm(s: str) -> str:
    return " ".join(s.split()).strip(" ,.")


@pytest.fixture(scope="module")
def reference():
    if not REFERENCE.exists():
        pytest.skip(f"{REFERENCE} not present")
    return yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))


def test_every_reference_quote(seed_record, reference):
    got = seed_record["quotes"]
    want = reference["quotes"]
    assert len(got) == len(want)
    for i, (g, w) in enumerate(zip(got, want, strict=True)):
        assert g["speaker_name"] == w["speaker"], i
        assert g["cue"]["text"] == w["cue"], i
        assert g["type"] == w["type"] or (i, g["type"]) in ACCEPT, i
        assert _norm(g["text"]) == _norm(w["content"]), i
        assert g["date"] == (str(w["date"]) if "date" in w else None), i
        assert g["act"] == w.get("act", "speech"), i  # every quote of the seed is said
        if "addressee" in w:
            assert g["addressee"]["text"] == w["addressee"]


def test_speakers_and_positions(seed_record, reference):
    """The reference's speakers who say something, with their positions and
    mentions; the ones it lists who say nothing (Zelensky, Putin: only
    mentioned) are members of the cast but no speakers (SPEC: `speakers`
    lists the members that said something)."""
    by_name = {s["name"]: s for s in seed_record["speakers"]}
    quoted = {q["speaker"] for q in reference["quotes"]}
    for w in reference["speakers"]:
        if w["name"] not in quoted:
            assert w["name"] not in by_name
            continue
        s = by_name[w["name"]]
        assert {p["text"] for p in s["positions"]} == set(w["positions"])
        assert set(w["mentions"]) <= {m["text"] for m in s["mentions"]}


def test_dates(seed_record, reference):
    assert seed_record["article"]["reference_date"] == str(reference["article"]["reference_date"])
    got = {(d["text"], d["value"]) for d in seed_record["dates"]}
    for w in reference["dates"]:
        text = w["text"].replace("’s", "")
        if str(w["value"]).startswith("P"):
            assert any(t == text and v and v.startswith("P") for t, v in got), w
        else:
            assert (text, str(w["value"])) in got, w


def test_no_heading_is_a_quote(seed_record, reference):
    texts = [q["text"] for q in seed_record["quotes"]]
    for heading in reference["not_quotes"]:
        assert not any(heading in t for t in texts)


def test_offsets(seed_record, seed_text):
    for span in all_spans(seed_record):
        assert seed_text[span["start"] : span["end"]] == span["text"]
