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


def _sample_records():
    from pathlib import Path

    import yaml

    from claimx.records import ArticleRecord

    data = yaml.safe_load((Path(__file__).parent.parent / "data" / "samples" / "rubio-cbs.expected.yaml").read_text())
    rec = ArticleRecord.model_validate(data)
    other = rec.model_copy(update={"article": rec.article.model_copy(update={"source": "elsewhere/rubio-cbs.txt"})})
    return [rec, other]


@pytest.mark.parametrize("fmt", ["yaml", "json", "jsonl", "csv", "html"])
def test_a_local_folder_is_written_as_a_url_folder_is(tmp_path, monkeypatch, fmt):
    """-o DIR/ here and at a file:// URL: one path (claimx.write.store), the same files and notices."""
    from claimx.write.formats import Format, Table
    from claimx.write.sinks import write_records
    from claimx.write.store import Store

    opened = []
    atomic = Store.atomic
    monkeypatch.setattr(Store, "atomic", lambda self, rel, binary=False: opened.append(rel) or atomic(self, rel, binary))
    notices = {}
    for where in (tmp_path / "here", f"file://{tmp_path}/there/"):
        notices[str(where)] = []
        write_records(iter(_sample_records()), Format(fmt), Table.quotes, where, True, None, None,
                      notices[str(where)].append)
    here, there = (sorted((p.name, p.read_bytes()) for p in (tmp_path / d).iterdir()) for d in ("here", "there"))
    assert here == there and [n for n, _ in here] == [f"rubio-cbs-176a6025.{fmt}", f"rubio-cbs.{fmt}"]
    assert opened == [n for n, _ in here][::-1] * 2  # every file written whole through the store
    assert [n.split(" in ")[0] for n in notices[str(tmp_path / "here")]] == [
        "elsewhere/rubio-cbs.txt: id 'rubio-cbs' is taken"]


def test_a_folder_that_vanishes_mid_run_is_not_made_again(tmp_path):
    # a drive unmounted, a folder removed: the run fails as writing into it
    # fails, and writes nothing elsewhere
    import shutil

    from claimx.records import ArticleRecord
    from claimx.write.formats import Format, Table
    from claimx.write.sinks import write_records

    out = tmp_path / "out"
    out.mkdir()
    rec = ArticleRecord.model_validate({"article": {"id": "first", "source": "first.txt"}, "quotes": [], "speakers": [],
                                       "dates": []})

    def records():
        yield rec
        shutil.rmtree(out)
        yield rec.model_copy(update={"article": rec.article.model_copy(update={"id": "second", "source": "b.txt"})})

    with pytest.raises(FileNotFoundError):
        write_records(records(), Format.yaml, Table.quotes, out, True, None, None, print)
    assert not out.exists()
