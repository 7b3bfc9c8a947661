"""The SQLite output: tables and keys, replacing an article, full-text search,
a stopped run, determinism, and reading the records back."""

from __future__ import annotations

import copy
import sqlite3
from contextlib import closing

import pytest

from claimx.corpus.build import build
from claimx.corpus.sqlite import (
    TABLES,
    DatabaseError,
    DatabaseWriter,
    article_sources,
    open_database,
    read_records,
    write_corpus,
)
from claimx.write.formats import Table
from claimx.write.writers import COLUMNS


def renamed(record: dict, aid: str) -> dict:
    data = copy.deepcopy(record)
    data["article"]["id"] = aid
    data["text"] = "(text)"
    return data


def write(path, records, batch_size=16):
    with DatabaseWriter(path, batch_size=batch_size) as db:
        for r in records:
            db.write(r)


def count(path, sql, *args):
    """The first value of the first row (None for no row)."""
    with closing(sqlite3.connect(path)) as conn:
        row = conn.execute(sql, args).fetchone()
    return row[0] if row else None


@pytest.fixture
def two(seed_record):
    return renamed(seed_record, "cbs-a"), renamed(seed_record, "cbs-b")


def test_seed_twice_then_again(tmp_path, two, seed_record):
    path = tmp_path / "quotes.db"
    n = len(seed_record["quotes"])
    assert n == 19
    write(path, two)
    assert count(path, "SELECT count(*) FROM quotes") == 2 * n
    write(path, two[:1])  # the same article again: its rows replaced, no duplicates
    assert count(path, "SELECT count(*) FROM quotes") == 2 * n
    assert count(path, "SELECT count(*) FROM articles") == 2
    assert count(path, "SELECT count(*) FROM speakers") == 2 * len(seed_record["speakers"])
    assert count(path, "SELECT count(*) FROM dates") == 2 * len(seed_record["dates"])
    assert count(path, "SELECT count(*) FROM quotes_fts") == 2 * n


def test_fewer_quotes_on_reextraction_leave_no_stale_rows(tmp_path, two):
    path = tmp_path / "quotes.db"
    write(path, two)
    shorter = copy.deepcopy(two[0])
    shorter["quotes"] = shorter["quotes"][:2]  # without q3, the "surrender" quote
    write(path, [shorter])
    assert count(path, "SELECT count(*) FROM quotes WHERE article_id = 'cbs-a'") == 2
    assert count(path, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'surrender'") == 1


def test_an_article_twice_in_one_batch_keeps_the_last(tmp_path, two):
    path = tmp_path / "quotes.db"
    shorter = copy.deepcopy(two[0])
    shorter["quotes"] = shorter["quotes"][:2]
    write(path, [two[0], shorter])
    assert count(path, "SELECT count(*) FROM quotes") == 2
    write(path, [shorter, two[0]])
    assert count(path, "SELECT count(*) FROM quotes") == 19


def test_full_text_search_finds_rubio(tmp_path, two):
    path = tmp_path / "quotes.db"
    write(path, two)
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute(
            "SELECT q.article_id, q.speaker, q.text FROM quotes q JOIN quotes_fts f ON f.rowid = q.rowid "
            "WHERE quotes_fts MATCH ? ORDER BY q.article_id", ["surrender"]).fetchall()
        assert [(a, s) for a, s, _ in rows] == [("cbs-a", "Marco Rubio"), ("cbs-b", "Marco Rubio")]
        assert all("surrender" in t for *_, t in rows)
        assert conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'zzzunknown'").fetchone() == (0,)


def test_tables_have_the_csv_columns_and_keys(tmp_path, two):
    path = tmp_path / "quotes.db"
    write(path, two)
    db = open_database(path, create=False)
    for table, csv_table in (("quotes", Table.quotes), ("speakers", Table.speakers), ("dates", Table.dates)):
        assert set(COLUMNS[csv_table]) <= set(db[table].columns_dict), table
    assert db["quotes"].pks == ["article_id", "quote_id"]
    fks = {(fk.column, fk.other_table) for fk in db["quotes"].foreign_keys}
    assert ("article_id", "articles") in fks
    # every quote's speaker and every position's speaker exist (the keys join)
    assert count(path, "SELECT count(*) FROM quotes q LEFT JOIN speakers s USING (article_id, speaker_id) "
                       "WHERE q.speaker_id IS NOT NULL AND s.name IS NULL") == 0
    assert count(path, "PRAGMA foreign_key_check") is None
    row = next(db["quotes"].rows_where("article_id = 'cbs-a' AND quote_id = 'q2'"))
    assert (row["speaker"], row["cue"], row["addressee"], row["start"], row["confidence"]) == (
        "Marco Rubio", "told", "CBS News", 272, 0.95)
    db.close()


def test_fields_a_later_schema_adds_become_columns(tmp_path, two):
    data = copy.deepcopy(two[0])
    data["quotes"][0]["act"] = "belief"
    data["speakers"][0]["gender"] = "male"
    data["speakers"][0]["gender_evidence"] = [{"text": "He", "start": 484, "end": 486}]
    path = tmp_path / "quotes.db"
    write(path, [data, two[1]])
    assert count(path, "SELECT act FROM quotes WHERE article_id = 'cbs-a' AND quote_id = 'q1'") == "belief"
    assert count(path, "SELECT act FROM quotes WHERE article_id = 'cbs-b' AND quote_id = 'q1'") == "speech"
    assert count(path, "SELECT gender FROM speakers WHERE article_id = 'cbs-a' AND speaker_id = 's1'") == "male"
    assert count(path, "SELECT json_array_length(gender_evidence) FROM speakers WHERE article_id = 'cbs-a' "
                       "AND speaker_id = 's1'") == 1


def test_split_quote_text_is_its_parts_without_the_cue(tmp_path, two):
    """quotes.text (and its search index) holds a split quote's words, not the
    cue between its parts; start and end stay the whole quote's."""
    data = copy.deepcopy(two[0])
    data["text"] = text = '"Nobody saw this coming," Grady said. "People have mortgages."'
    first, second = "Nobody saw this coming,", "People have mortgages."
    a, b = text.index(first), text.index(second)
    q = data["quotes"][0]
    q.update(text=text[a:b + len(second)], start=a, end=b + len(second),
             parts=[{"text": first, "start": a, "end": a + len(first)},
                    {"text": second, "start": b, "end": b + len(second)}])
    path = tmp_path / "quotes.db"
    write(path, [data])
    row = count(path, "SELECT json_array(text, start, [end]) FROM quotes WHERE quote_id = ?", q["id"])
    assert row == f'["Nobody saw this coming, … People have mortgages.",{a},{b + len(second)}]'
    assert count(path, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'grady'") == 0
    assert count(path, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'mortgages'") == 1


def test_records_read_back_unchanged(tmp_path, two):
    path = tmp_path / "quotes.db"
    write(path, reversed(two))
    assert list(read_records(path)) == list(two)  # in article id order, with the text


def test_stopped_run_leaves_whole_articles(tmp_path, seed_record, monkeypatch):
    """An exception mid-batch rolls the batch back: earlier batches stay whole,
    an article being replaced keeps its old rows, nothing half-written."""
    path = tmp_path / "quotes.db"
    old = renamed(seed_record, "cbs-c")
    old["quotes"] = old["quotes"][:2]
    write(path, [old])
    import claimx.corpus.sqlite as mod

    real = mod.quote_rows

    def failing(data):
        if data["article"]["id"] == "cbs-d":
            raise RuntimeError("stopped")
        return real(data)

    monkeypatch.setitem(mod.ROWS, "quotes", failing)  # after its article, speakers and positions went in
    records = [renamed(seed_record, a) for a in ("cbs-a", "cbs-b", "cbs-c", "cbs-d")]
    with pytest.raises(RuntimeError, match="stopped"):
        write(path, records, batch_size=2)  # batch 1: a, b; batch 2: c (replacing), d (fails)
    ids = {r["article"]["id"]: r for r in read_records(path)}
    assert sorted(ids) == ["cbs-a", "cbs-b", "cbs-c"]
    assert len(ids["cbs-c"]["quotes"]) == 2  # the old rows, not the new half
    for aid, expected in (("cbs-a", 19), ("cbs-b", 19), ("cbs-c", 2), ("cbs-d", 0)):
        assert count(path, "SELECT count(*) FROM quotes WHERE article_id = ?", aid) == expected
    assert count(path, "SELECT count(*) FROM speakers WHERE article_id = 'cbs-d'") == 0
    assert count(path, "SELECT count(*) FROM quotes_fts") == 40
    assert count(path, "PRAGMA integrity_check") == "ok"


def test_interrupted_iteration_keeps_committed_batches(tmp_path, two):
    path = tmp_path / "quotes.db"

    def records():
        yield from two
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt), DatabaseWriter(path, batch_size=1) as db:
        for r in records():
            db.write(r)
    assert count(path, "SELECT count(*) FROM articles") == 2


def test_same_input_same_database(tmp_path, two):
    dumps = []
    for name in ("one.db", "two.db"):
        path = tmp_path / name
        write(path, two)
        write_corpus(path, build(read_records(path)))
        with closing(sqlite3.connect(path)) as conn:
            dumps.append(list(conn.iterdump()))
    assert dumps[0] == dumps[1]
    assert any("INSERT INTO \"people\"" in line for line in dumps[0])


def test_extracting_again_drops_the_corpus_tables(tmp_path, two):
    path = tmp_path / "quotes.db"
    write(path, two)
    write_corpus(path, build(read_records(path)))
    assert count(path, "SELECT count(*) FROM people WHERE name = 'Marco Rubio'") == 1
    write(path, two[:1])
    assert count(path, "SELECT count(*) FROM sqlite_master WHERE name IN ('people', 'claims', 'claims_fts')") == 0


@pytest.mark.parametrize("content, message", [
    (b"this is not a database, just text\n" * 40, "cannot use as a SQLite database"),
])
def test_not_a_database(tmp_path, content, message):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseError, match=message):
        DatabaseWriter(path)
    assert path.read_bytes() == content


def test_a_database_says_which_source_each_id_holds(tmp_path, two):
    """``extract -o x.db`` keeps each article's id its own (write.sinks.UniqueIds) by these."""
    path = tmp_path / "quotes.db"
    with DatabaseWriter(path) as db:
        assert db.sources() == {}  # a new file: nothing held
    write(path, two)
    with DatabaseWriter(path) as db:
        assert db.sources() == {"cbs-a": two[0]["article"]["source"], "cbs-b": two[1]["article"]["source"]}
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE notes (id TEXT)")
        conn.commit()
    assert article_sources(other) == {}  # not claimx's: refused when written, nothing held before


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE articles (id TEXT, body TEXT)")
        conn.commit()
    with pytest.raises(DatabaseError, match="did not write"):
        DatabaseWriter(path)
    with pytest.raises(DatabaseError, match="no such database"):
        list(read_records(tmp_path / "missing.db"))


def test_no_records_no_file(tmp_path):
    with DatabaseWriter(tmp_path / "empty.db"):
        pass
    assert list(tmp_path.iterdir()) == []


def test_schema_tables_are_the_documented_ones():
    assert list(TABLES) == ["articles", "speakers", "positions", "quotes", "dates"]
