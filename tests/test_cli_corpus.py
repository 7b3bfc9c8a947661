"""``claimx extract -o quotes.db`` and ``claimx corpus`` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import sys
from contextlib import closing

import pytest
from typer.testing import CliRunner

import claimx.cli as cli
from claimx.cli import app

from .conftest import SAMPLES

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def query(path, sql):
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture
def seed_twice(tmp_path, nlp, monkeypatch):
    """The seed article under two names, and the model loaded once for all runs."""
    monkeypatch.setattr(cli, "_load_nlp", lambda model: nlp)
    for name in ("cbs-a", "cbs-b"):
        shutil.copy(SAMPLES / "rubio-cbs.txt", tmp_path / f"{name}.txt")
    return tmp_path / "cbs-a.txt", tmp_path / "cbs-b.txt"


@pytest.fixture
def seed_db(tmp_path, seed_twice):
    db = tmp_path / "quotes.db"
    r = run("extract", *seed_twice, "-o", db, "-q")
    assert r.exit_code == 0, r.stderr
    return db


def test_extract_into_a_database_twice(seed_db, seed_twice):
    assert query(seed_db, "SELECT count(*) FROM quotes") == [(38,)]
    r = run("extract", seed_twice[0], "-o", seed_db, "-q")
    assert r.exit_code == 0 and r.stdout == ""
    assert query(seed_db, "SELECT count(*) FROM quotes") == [(38,)]
    assert query(seed_db, "SELECT article_id, speaker FROM quotes WHERE rowid IN "
                          "(SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'surrender') ORDER BY 1") == [
        ("cbs-a", "Marco Rubio"), ("cbs-b", "Marco Rubio")]
    # the database keeps the text, which every offset indexes
    ((text,),) = query(seed_db, "SELECT text FROM articles WHERE id = 'cbs-a'")
    for start, end, quoted in query(seed_db, "SELECT start, end, text FROM quotes WHERE type = 'direct'"):
        assert text[start:end] == quoted


def test_corpus_people_and_claims(seed_db):
    r = run("corpus", seed_db, "--format", "json")
    assert r.exit_code == 0, r.stderr
    summary = json.loads(r.stdout)
    assert (summary["articles"], summary["quotes"]) == (2, 38)
    assert summary["top_speakers"][0] == {"name": "Marco Rubio", "kind": "person", "quotes": 34, "articles": 2,
                                          "share": 0.8947}
    assert query(seed_db, "SELECT articles, quotes FROM people WHERE name = 'Marco Rubio'") == [(2, 34)]
    assert query(seed_db, "SELECT count(*) FROM people WHERE names LIKE '%Rubio%'") == [(1,)]
    direct = query(seed_db, "SELECT count(*) FROM quotes WHERE type = 'direct' AND article_id = 'cbs-a'")[0][0]
    claims = query(seed_db, "SELECT occurrences, articles, first_article_id FROM claims")
    assert len(claims) >= direct == 7
    assert set(claims) == {(2, 2, "cbs-a")}  # every quote of the seed is shared by both copies
    assert query(seed_db, "SELECT count(*) FROM claims c JOIN claims_fts f ON f.rowid = c.rowid "
                          "WHERE claims_fts MATCH 'surrender'") == [(1,)]
    # the link tables join back to the article tables
    assert query(seed_db, "SELECT count(*) FROM claim_quotes cq LEFT JOIN quotes q USING (article_id, quote_id) "
                          "WHERE q.text IS NULL") == [(0,)]
    # the seed's two speakers (Rubio, Trump: Zelensky and Putin are only mentioned, no speakers)
    assert query(seed_db, "SELECT count(DISTINCT person_id) FROM person_speakers") == [(2,)]


def test_corpus_summary_formats_and_determinism(seed_db):
    table = run("corpus", seed_db)
    assert table.exit_code == 0
    assert "People" in table.stdout and "Other sources" in table.stdout and "Marco Rubio" in table.stdout and "Most reported" in table.stdout
    first = run("corpus", seed_db, "-f", "csv")
    again = run("corpus", seed_db, "-f", "csv")
    assert first.stdout == again.stdout
    rows = list(csv.reader(io.StringIO(first.stdout)))
    assert rows[0] == ["section", "item", "count", "share", "detail"]
    assert ["totals", "quotes", "38", "", ""] in rows
    # Rubio is male by the article's "he"s; Trump's gender is not said (null)
    assert [r for r in rows if r[0] == "quotes_by_gender"] == [
        ["quotes_by_gender", "male", "34", "0.8947", ""], ["quotes_by_gender", "unknown", "4", "0.1053", ""]]


def test_corpus_on_a_jsonl_directory_matches_the_database(tmp_path, seed_twice, seed_db):
    out = tmp_path / "parts"
    r = run("extract", *seed_twice, "-o", f"{out}/", "-f", "jsonl", "-q")
    assert r.exit_code == 0
    from_db = json.loads(run("corpus", seed_db, "-f", "json").stdout)
    r = run("corpus", out, "-f", "json", "--db", tmp_path / "loaded.db")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout) == from_db
    assert query(tmp_path / "loaded.db", "SELECT name, articles FROM people WHERE name = 'Marco Rubio'") == [
        ("Marco Rubio", 2)]
    # a cluster run's manifest and partition notes beside the parts are no records
    (out / "_manifest.json").write_text('{"complete": true, "partitions": []}', encoding="utf-8")
    (out / "_parts").mkdir()
    (out / "_parts" / "part-00000.json").write_text('{"articles": 2}', encoding="utf-8")
    r = run("corpus", out, "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout) == from_db
    # a bad line is named; the rest is still summarised
    (out / "broken.jsonl").write_text('{"schema": "claimx/1"\n{"id": 1}\n', encoding="utf-8")
    r = run("corpus", out, "-f", "json")
    assert r.exit_code == 1
    assert "broken.jsonl:1: not JSON" in r.stderr and "broken.jsonl:2: not a claimx record" in r.stderr
    assert json.loads(r.stdout)["quotes"] == 38


def test_corpus_html_view_links_to_highlights(seed_db, tmp_path):
    page = tmp_path / "corpus.html"
    r = run("corpus", seed_db, "--html", page, "-f", "json")
    assert r.exit_code == 0, r.stderr
    html = page.read_text(encoding="utf-8")
    assert '<section class="corpus" id="corpus">' in html and "Marco Rubio" in html
    assert 'href="#cbs-a-q2"' in html and 'id="cbs-a-q2"' in html  # a claim's link and its highlight
    assert 'href="#cbs-b"' in html and 'id="cbs-b"' in html  # a person's article link and its section


def test_unknown_suffix_is_a_usage_error(tmp_path, seed_twice):
    r = run("extract", seed_twice[0], "-o", tmp_path / "quotes.xyz")
    assert r.exit_code == 2
    assert ".xyz" in r.stderr and ".db" in r.stderr and ".jsonl" in r.stderr
    assert not (tmp_path / "quotes.xyz").exists()
    r = run("extract", seed_twice[0], "-o", tmp_path / "quotes.xyz", "-f", "yaml")
    assert r.exit_code == 0 and (tmp_path / "quotes.xyz").read_text(encoding="utf-8").startswith("schema:")


@pytest.mark.parametrize("args, message", [
    (["-f", "sqlite"], "give -o FILE.db"),
    (["-f", "sqlite", "-o", "DIR/"], "give -o FILE.db"),
])
def test_sqlite_needs_a_file(tmp_path, seed_twice, args, message):
    args = [a.replace("DIR", str(tmp_path / "out")) for a in args]
    r = run("extract", seed_twice[0], *args)
    assert r.exit_code == 2 and message in r.stderr


def test_explicit_format_and_sqlite_suffix(tmp_path, seed_twice):
    r = run("extract", seed_twice[0], "-f", "sqlite", "-o", tmp_path / "store")
    assert r.exit_code == 0, r.stderr
    assert query(tmp_path / "store", "SELECT count(*) FROM quotes") == [(19,)]
    r = run("corpus", tmp_path / "store", "-f", "json")  # known by its header, without a suffix
    assert r.exit_code == 0 and json.loads(r.stdout)["quotes"] == 19


@pytest.mark.parametrize("name, content, message", [
    ("notes.db", b"plain text, not a database\n" * 50, "cannot use as a SQLite database"),
])
def test_bad_database_is_one_line_error(tmp_path, seed_twice, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    r = run("extract", seed_twice[0], "-o", path)
    assert r.exit_code == 2 and message in r.stderr and str(path) in r.stderr
    assert path.read_bytes() == content
    r = run("corpus", path)
    assert r.exit_code == 1 and message in r.stderr


@pytest.mark.parametrize("target, message", [
    ("missing.db", "missing.db: not found"),
    ("file.txt", "not a database"),
])
def test_corpus_bad_path(tmp_path, target, message):
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    r = run("corpus", tmp_path / target)
    assert r.exit_code == 2 and message in r.stderr


def test_empty_directory_is_named(tmp_path):
    r = run("corpus", tmp_path, "-f", "json")
    assert r.exit_code == 1 and "no claimx output" in r.stderr


def test_missing_sqlite_utils_is_a_clear_message(tmp_path, seed_twice, monkeypatch):
    monkeypatch.setitem(sys.modules, "sqlite_utils", None)  # import fails as if not installed
    r = run("extract", seed_twice[0], "-o", tmp_path / "q.db")
    assert r.exit_code == 2
    assert "sqlite-utils" in r.stderr and "pip install 'claimx[sqlite]'" in r.stderr
    assert "Traceback" not in r.stderr

