"""A database beside other users (issue 27), with real processes: a reader
holding a read transaction in a ``sqlite3`` shell, two processes creating one
new database at the same instant, an extract committing while ``claimx
corpus`` builds its tables."""

from __future__ import annotations

import copy
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing

import pytest

import claimx.corpus.sqlite as store
from claimx.corpus.build import build
from claimx.corpus.sqlite import DatabaseWriter, build_in_place

from .test_sqlite import count, write

pytestmark = pytest.mark.skipif(shutil.which("sqlite3") is None, reason="needs the sqlite3 shell")


def record(aid: str, base: dict | None = None) -> dict:
    data = copy.deepcopy(base) if base else {"schema": "claimx/1", "article": {}, "speakers": [], "quotes": [],
                                             "dates": []}
    data["article"]["id"] = aid
    data["text"] = "(text)"
    return data




class Reader:
    """A ``sqlite3`` shell in another process, inside a read transaction."""

    def __init__(self, path) -> None:
        self.proc = subprocess.Popen(["sqlite3", str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("BEGIN;\nSELECT count(*) FROM articles;\n")
        self.proc.stdin.flush()
        self.seen = int(self.proc.stdout.readline())  # the transaction holds its snapshot from here

    def release(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("COMMIT;\n.quit\n")
        self.proc.stdin.flush()
        self.proc.wait(timeout=10)


def test_a_reader_holding_a_transaction_does_not_stop_the_writer(tmp_path):
    path = tmp_path / "quotes.db"
    write(path, [record("a0")])
    reader = Reader(path)
    try:
        assert reader.seen == 1
        started = time.monotonic()
        write(path, [record(f"b{i}") for i in range(10)])  # WAL: the reader's snapshot does not block it
        assert time.monotonic() - started < 4  # the old rollback journal waited 5 s, then lost the batch
    finally:
        reader.release()
    assert count(path, "SELECT count(*) FROM articles") == 11
    assert count(path, "PRAGMA journal_mode") == "wal"


def test_a_database_in_the_old_journal_mode_waits_for_its_reader(tmp_path, monkeypatch):
    """A reader holds an old (rollback-journal) database longer than SQLite's
    own busy timeout: each batch is tried again until the reader leaves."""
    path = tmp_path / "quotes.db"
    write(path, [record("a0")])
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    monkeypatch.setattr(store, "BUSY_TIMEOUT", 0.3)
    reader = Reader(path)
    timer = threading.Timer(2.0, reader.release)
    timer.start()
    try:
        write(path, [record(f"b{i}") for i in range(6)])
    finally:
        timer.join()
    assert count(path, "SELECT count(*) FROM articles") == 7


CREATE = """
import sys, time
from claimx.corpus.sqlite import DatabaseWriter
start = float(sys.argv[2])
while time.time() < start:
    pass
with DatabaseWriter(sys.argv[1]) as db:
    db.write({"schema": "claimx/1", "article": {"id": sys.argv[3]}, "speakers": [], "quotes": [], "dates": []})
print("ok")
"""


def test_two_processes_creating_one_database_at_once(tmp_path):
    for attempt in range(4):
        path = tmp_path / f"new{attempt}.db"
        at = time.time() + 1.0
        procs = [subprocess.Popen([sys.executable, "-c", CREATE, str(path), str(at), f"a{i}"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(2)]
        outs = [p.communicate(timeout=60) for p in procs]
        assert [o.strip() for o, _ in outs] == ["ok", "ok"], [e for _, e in outs]
        assert count(path, "SELECT count(*) FROM articles") == 2


WRITE_ONE = """
import sys
from claimx.corpus.sqlite import DatabaseWriter
with DatabaseWriter(sys.argv[1]) as db:
    db.write({"schema": "claimx/1", "article": {"id": "late"}, "speakers": [], "quotes": [], "dates": []})
"""


def test_corpus_tables_cover_the_articles_even_when_an_extract_commits_meanwhile(tmp_path, seed_record):
    path = tmp_path / "quotes.db"
    write(path, [record("cbs-a", seed_record), record("cbs-b", seed_record)])
    calls = []

    def build_while_an_extract_commits(records):
        corpus = build(records)
        if not calls:  # another process commits an article after this snapshot was read
            subprocess.run([sys.executable, "-c", WRITE_ONE, str(path)], check=True, timeout=60)
        calls.append(corpus.articles)
        return corpus

    corpus = build_in_place(path, build_while_an_extract_commits)
    assert calls == [2, 3]  # the stale snapshot's tables were refused and built again
    assert corpus.articles == count(path, "SELECT count(*) FROM articles") == 3
    assert count(path, "SELECT count(*) FROM people") == len(corpus.people) > 0


def test_an_extract_drops_corpus_tables_built_between_its_batches(tmp_path, seed_record):
    path = tmp_path / "quotes.db"
    write(path, [record("cbs-a", seed_record)])
    with DatabaseWriter(path, batch_size=1) as db:
        db.write(record("x1"))
        build_in_place(path, build)  # a corpus run between two batches of an extract
        assert count(path, "SELECT count(*) FROM people") > 0
        db.write(record("x2"))
    with closing(sqlite3.connect(path)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "people" not in tables and "claims" not in tables
