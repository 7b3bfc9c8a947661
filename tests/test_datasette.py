"""``claimx corpus DB`` writes Datasette metadata beside DB: Datasette (a
test extra) is started on a free local port as a real process, its JSON API
asked for a facet and a search, and stopped."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.corpus.datasette import metadata, metadata_path

runner = CliRunner()
ARTICLES = [
    {"id": "bridge", "url": "https://www.harbour-times.example/news/bridge",
     "text": "“The bridge will open in May,” Mayor Tom Reed told reporters on Tuesday.\n\n"
             "He thanked the builders for their work.\n"},
    {"id": "prices", "url": "https://daily.example.org/economy/prices",
     "text": "“Prices are falling at last,” the economist Ann Lee said on Friday.\n\n"
             "She expects the trend to hold for a year.\n"},
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as resp:  # noqa: S310 (a local test server)
        return json.loads(resp.read())


@pytest.fixture
def database(tmp_path):
    pytest.importorskip("sqlite_utils")
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = tmp_path / "news.db"
    r = runner.invoke(app, ["extract", str(corpus), "-o", str(db), "-q"])
    assert r.exit_code == 0, r.stderr
    r = runner.invoke(app, ["corpus", str(db)])
    assert r.exit_code == 0, r.stderr
    assert f"datasette {db} -m {metadata_path(db)}" in r.stderr
    return db


def test_metadata_describes_tables_facets_and_search(database):
    meta = json.loads(metadata_path(database).read_text(encoding="utf-8"))
    tables = meta["databases"]["news"]["tables"]
    view = tables["quotes_view"]
    assert view["facets"] == ["speaker", "act", "type", "outlet", "speaker_gender"]
    assert view["fts_table"] == "quotes_fts" and view["fts_pk"] == "quote_rowid"
    assert tables["claims"]["fts_table"] == "claims_fts"
    assert "gender" in tables["people"]["facets"] and tables["people"]["columns"]["kind"]
    assert tables["articles"]["columns"]["outlet"].startswith("The outlet")


def test_facets_only_for_columns_there_are():
    meta = metadata("x", {"quotes": ["article_id", "text", "act"], "people": ["id", "name"]})
    tables = meta["databases"]["x"]["tables"]
    assert tables["quotes"]["facets"] == ["act"] and "fts_table" not in tables["quotes"]
    assert "facets" not in tables["people"] and "claims" not in tables


def test_datasette_serves_facets_and_search(database, tmp_path):
    pytest.importorskip("datasette")
    port = free_port()
    log = (tmp_path / "datasette.log").open("w+b")
    proc = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(database), "-m", str(metadata_path(database)),
         "-h", "127.0.0.1", "-p", str(port)],
        stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/news"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get(f"{base}.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise AssertionError(f"datasette did not start: {log.read().decode()[-500:]}") from None
                time.sleep(0.2)
        faceted = get(f"{base}/quotes_view.json?_shape=objects")
        outlets = {f["value"]: f["count"] for f in faceted["facet_results"]["outlet"]["results"]}
        with sqlite3.connect(database) as con:
            per_article = dict(con.execute("SELECT article_id, count(*) FROM quotes GROUP BY article_id"))
        assert outlets == {"harbour-times.example": per_article["bridge"], "daily.example.org": per_article["prices"]}
        assert {f["value"] for f in faceted["facet_results"]["speaker"]["results"]} == {"Tom Reed", "Ann Lee"}
        found = get(f"{base}/quotes_view.json?_search=bridge&_shape=objects")
        assert [row["article_id"] for row in found["rows"]] == ["bridge"]
        claims = get(f"{base}/claims.json?_search=prices&_shape=objects")
        assert [row["speaker"] for row in claims["rows"]] == ["Ann Lee"]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()
