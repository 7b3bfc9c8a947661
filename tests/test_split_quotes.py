"""A direct quote interrupted by its cue reads cleanly where people read it
(CSV/TSV text column, the review page's table, ``claimx show``): its parts
joined with " … ", not the cue phrase between them; JSON and YAML keep
``text``, ``start``, ``end`` and ``parts`` as they are (offsets hold)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.write.writers import quote_words

runner = CliRunner()

SPLIT = "“The plan is simple,” Smith said, “and it will work.”\n"
JOINED = "The plan is simple, … and it will work."


@pytest.mark.parametrize(("quote", "expected"), [
    ({"text": "A,” he said, “B.", "parts": [{"text": "A,"}, {"text": "B."}]}, "A, … B."),
    ({"text": "one piece", "parts": None}, "one piece"),
    ({"text": "one piece"}, "one piece"),
])
def test_quote_words(quote, expected):
    assert quote_words(quote) == expected


@pytest.fixture
def split_txt(tmp_path):
    p = tmp_path / "split.txt"
    p.write_text(SPLIT, encoding="utf-8")
    return p


@pytest.mark.parametrize(("fmt", "delim"), [("csv", ","), ("tsv", "\t")])
def test_csv_text_column_joins_the_parts(split_txt, fmt, delim):
    r = runner.invoke(app, ["extract", str(split_txt), "-f", fmt])
    assert r.exit_code == 0, r.stderr
    (row,) = csv.DictReader(io.StringIO(r.stdout), delimiter=delim)
    assert row["text"] == JOINED
    assert "Smith said" not in row["text"]
    # start and end still give the whole quote's extent in the article
    assert SPLIT[int(row["start"]) : int(row["end"])] == "The plan is simple,” Smith said, “and it will work."


def test_json_keeps_text_offsets_and_parts(split_txt):
    r = runner.invoke(app, ["extract", str(split_txt), "-f", "json"])
    (q,) = json.loads(r.stdout)["quotes"]
    assert SPLIT[q["start"] : q["end"]] == q["text"]
    assert [p["text"] for p in q["parts"]] == ["The plan is simple,", "and it will work."]
    assert all(SPLIT[p["start"] : p["end"]] == p["text"] for p in q["parts"])


def test_review_table_and_show_join_the_parts(split_txt, tmp_path):
    out = tmp_path / "page.html"
    r = runner.invoke(app, ["extract", str(split_txt), "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert f"<td>{JOINED}</td>" in page
    r = runner.invoke(app, ["show", str(split_txt)], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    assert JOINED in r.stdout
