"""Two articles with one id: neither replaces the other (claimx.sinks)."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.write.sinks import UniqueIds

runner = CliRunner()
STORY = "“We will win this race,” Governor Jane Smith said on Monday. She added that the vote was fair."


@pytest.mark.parametrize(
    ("held", "claims", "expected"),
    [
        ({}, [("story", "a/story.txt")], ["story"]),
        ({}, [("story", "a/story.txt"), ("other", "b/other.txt")], ["story", "other"]),  # negative: no clash
        ({}, [("story", "a/story.txt"), ("story", "b/story.txt")], ["story", "story-49654edb"]),
        ({"story": "a/story.txt"}, [("story", "a/story.txt")], ["story"]),  # a re-extraction replaces itself
        ({"story": "a/story.txt"}, [("story", "b/story.txt")], ["story-49654edb"]),  # an earlier run's is kept
        ({"story": "a/story.txt", "story-49654edb": "b/story.txt"}, [("story", "b/story.txt")], ["story-49654edb"]),
        ({}, [("x", "c.jsonl"), ("x", "c.jsonl"), ("x", "c.jsonl")], ["x", "x-83e46757", "x-83e46757-2"]),
    ],
)
def test_unique_ids(held, claims, expected):
    ids = UniqueIds(held.get)
    assert [ids.assign(i, s) for i, s in claims] == expected


@pytest.fixture
def coll(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for sub in ("a", "b"):
        (tmp_path / "coll" / sub).mkdir(parents=True)
        (tmp_path / "coll" / sub / "story.txt").write_text(STORY.replace("Jane", "Jane" if sub == "a" else "Ann"),
                                                           encoding="utf-8")
    return tmp_path


def test_a_folder_keeps_both_articles_and_a_rerun_finds_them_in_place(coll):
    r = runner.invoke(app, ["extract", "coll/", "-o", "out/", "-f", "json"])
    assert r.exit_code == 0, r.stderr
    assert "coll/b/story.txt: id 'story' is taken in out by another article; this one is kept as 'story-" in r.stderr
    files = sorted(p.name for p in (coll / "out").iterdir())
    assert len(files) == 2 and files[1] == "story.json"
    sources = {json.loads((coll / "out" / f).read_text())["article"]["source"] for f in files}
    assert sources == {"coll/a/story.txt", "coll/b/story.txt"}
    r = runner.invoke(app, ["extract", "coll/b/", "-o", "out/", "-f", "json", "-q"])  # b alone, on a later day
    assert r.exit_code == 0 and sorted(p.name for p in (coll / "out").iterdir()) == files
    assert json.loads((coll / "out" / "story.json").read_text())["article"]["source"] == "coll/a/story.txt"


def test_a_database_keeps_both_articles_and_a_rerun_replaces_only_the_same_source(coll):
    for _ in range(2):
        r = runner.invoke(app, ["extract", "coll/", "-o", "coll.db", "-q"])
        assert r.exit_code == 0, r.stderr
        with sqlite3.connect(coll / "coll.db") as db:
            rows = db.execute("SELECT id, source FROM articles ORDER BY source").fetchall()
            speakers = db.execute("SELECT article_id, name FROM speakers ORDER BY article_id").fetchall()
        assert [s for _, s in rows] == ["coll/a/story.txt", "coll/b/story.txt"]
        assert rows[0][0] == "story" and rows[1][0].startswith("story-")
        assert speakers == [("story", "Jane Smith"), (rows[1][0], "Ann Smith")]
