"""SQLite output (``-f sqlite``, ``-o quotes.db``): one database that opens in
Datasette as it is, that several runs add to, and that ``claimx corpus``
reads and completes. sqlite-utils does the plumbing (``pip install
'claimx[sqlite]'``).

Tables written by ``extract`` (the CSV tables' columns, with keys that join them):

    articles   id                                metadata, outlet, text, and the record as JSON
    speakers   (article_id, speaker_id)          -> articles
    positions  (article_id, speaker_id, position) -> speakers
    quotes     (article_id, quote_id)            -> articles, speakers; full-text index quotes_fts
               (``text`` is the CSV's: a split quote's parts joined with " … ",
               the cue between them left out; ``start``/``end`` are the whole
               quote's, as in the record, which ``articles.record`` keeps)
    dates      (article_id, date_id)             -> articles

and by ``corpus`` (rebuilt whole each time; ``extract`` drops them, since
they would no longer match): ``people``, ``person_speakers``, ``claims``
(full-text index ``claims_fts``) and ``claim_quotes``.

Extracting an article again replaces its rows. Records are written in
batches of :data:`BATCH` articles, one transaction each: a run stopped at any
point leaves whole articles only.

A database is shared: it is kept in WAL mode (readers, a ``sqlite3`` shell or
Datasette, never block a writer, nor it them), each write transaction takes
the write lock first (``BEGIN IMMEDIATE``: two processes creating one new
database queue instead of deadlocking), and a batch that meets a lock held by
another process is tried again for up to :data:`LOCKED_PATIENCE` seconds.
``claimx corpus`` reads the articles and writes its tables in one
transaction: if an extract commits in between, SQLite refuses the write
(the snapshot is stale) and the tables are built again from the new articles.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimx.corpus.build import outlet
from claimx.write.formats import quote_words

if TYPE_CHECKING:
    from sqlite_utils import Database

    from claimx.corpus.build import Corpus
    from claimx.records import ArticleRecord

BATCH = 16  # articles per transaction
INSTALL_HINT = "pip install 'claimx[sqlite]'"
BUSY_TIMEOUT = 5.0  # seconds SQLite waits for a lock, statement by statement
LOCKED_PATIENCE = 300.0  # seconds a transaction is tried again while another process holds the lock
CORPUS_TRIES = 5  # builds of the corpus tables while extracts keep changing the articles

# name -> (columns, primary key, foreign keys); created in this order
TABLES: dict[str, tuple[dict[str, type], tuple[str, ...], list]] = {
    "articles": (
        {"id": str, "source": str, "title": str, "author": str, "published": str, "reference_date": str,
         "reference_date_source": str, "url": str, "outlet": str, "language": str, "text": str, "record": str},
        ("id",), [],
    ),
    "speakers": (
        {"article_id": str, "speaker_id": str, "name": str, "kind": str, "positions": str, "titles": str,
         "affiliations": str, "mentions": int, "quote_count": int, "gender": str, "gender_evidence": str},
        ("article_id", "speaker_id"), [("article_id", "articles", "id")],
    ),
    "positions": (
        {"article_id": str, "speaker_id": str, "position": int, "text": str, "title": str,
         "affiliation": str, "start": int, "end": int},
        ("article_id", "speaker_id", "position"),
        [(("article_id", "speaker_id"), "speakers", ("article_id", "speaker_id"))],
    ),
    "quotes": (
        {"article_id": str, "quote_id": str, "speaker": str, "positions": str, "type": str, "act": str,
         "cue": str, "addressee": str, "date": str, "text": str, "start": int, "end": int, "paragraph": int,
         "confidence": float, "speaker_id": str, "speaker_kind": str, "speaker_mention": str, "cue_lemma": str,
         "speaker_gender": str},
        ("article_id", "quote_id"),
        [("article_id", "articles", "id"), (("article_id", "speaker_id"), "speakers", ("article_id", "speaker_id"))],
    ),
    "dates": (
        {"article_id": str, "date_id": str, "text": str, "start": int, "end": int, "value": str, "kind": str},
        ("article_id", "date_id"), [("article_id", "articles", "id")],
    ),
}
CHILD_TABLES = ("quotes", "positions", "dates", "speakers")  # deleted in this order
CORPUS_TABLES = {
    "people": (
        {"id": str, "name": str, "kind": str, "names": str, "articles": int, "quotes": int, "first_date": str,
         "last_date": str, "positions": str, "outlets": str, "gender": str, "gender_female": int,
         "gender_male": int},
        ("id",), [],
    ),
    "person_speakers": (
        {"person_id": str, "article_id": str, "speaker_id": str, "name": str},
        ("article_id", "speaker_id"),
        [("person_id", "people", "id"), (("article_id", "speaker_id"), "speakers", ("article_id", "speaker_id"))],
    ),
    "claims": (
        {"id": str, "text": str, "normalised": str, "person_id": str, "speaker": str, "occurrences": int,
         "articles": int, "stories": int, "outlets": str, "first_date": str, "first_article_id": str},
        ("id",), [("person_id", "people", "id"), ("first_article_id", "articles", "id")],
    ),
    "claim_quotes": (
        {"claim_id": str, "article_id": str, "quote_id": str, "fragment": int},
        ("claim_id", "article_id", "quote_id"),
        [("claim_id", "claims", "id"), (("article_id", "quote_id"), "quotes", ("article_id", "quote_id"))],
    ),
}


class DatabaseError(Exception):
    """A database claimx cannot open, read or write: ``str()`` is the one-line message."""


def _sqlite_utils():
    try:
        import sqlite_utils
    except ImportError:
        raise DatabaseError(f"SQLite output needs sqlite-utils: {INSTALL_HINT}") from None
    return sqlite_utils


def _connect(path: Path) -> Database:
    return _sqlite_utils().Database(sqlite3.connect(str(path), timeout=BUSY_TIMEOUT))


def _locked(exc: sqlite3.Error) -> bool:
    """Another connection holds the lock, or committed since this one's snapshot."""
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


@contextmanager
def _writing(db: Database) -> Iterator[None]:
    """One write transaction that holds the write lock from its start."""
    db.conn.execute("BEGIN IMMEDIATE")
    with _committing(db):
        yield


def patiently(action: Callable[[], Any], patience: float | None = None) -> Any:
    """``action()`` (one whole transaction), tried again with growing waits
    while another process holds the database, for up to ``patience`` seconds."""
    deadline = time.monotonic() + (LOCKED_PATIENCE if patience is None else patience)
    wait = 0.05
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not _locked(exc) or time.monotonic() + wait > deadline:
                raise
        time.sleep(wait)
        wait = min(wait * 2, 2.0)


def _use_wal(db: Database) -> None:
    """WAL mode, where readers and the writer do not block each other. A
    database some reader holds in the old mode stays in it for this run (the
    batches then wait for the reader)."""
    try:
        db.execute("PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError as exc:
        if not _locked(exc):
            raise


def _create(db: Database, tables: dict) -> None:
    for name, (columns, pk, fks) in tables.items():
        db.table(name).create(columns, pk=pk if len(pk) > 1 else pk[0], foreign_keys=fks, if_not_exists=True)


def open_database(path: str | Path, *, create: bool = True) -> Database:
    """Open (or with ``create``, make) a claimx database, with the article tables in place."""
    _sqlite_utils()  # missing: say so first
    path = Path(path)
    if not create and not path.is_file():
        raise DatabaseError(f"{path}: no such database")
    try:
        db = _connect(path)
        if not create:
            _check_tables(db, path, set(db.table_names()), create)
            return db
        _use_wal(db)
        patiently(lambda: _create_article_tables(db, path))
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: cannot use as a SQLite database: {exc}") from None
    return db


def _check_tables(db: Database, path: Path, tables: set[str], create: bool) -> None:
    if "articles" in tables and "record" not in db.table("articles").columns_dict:
        raise DatabaseError(f"{path}: has an articles table that claimx did not write")
    if not create and "articles" not in tables:
        raise DatabaseError(f"{path}: not a claimx database (no articles table; write one with -o {path.name})")


def _create_article_tables(db: Database, path: Path) -> None:
    """The article tables, made once: the tables are read under the write
    lock, so a second process creating the same database waits, then finds them."""
    with _writing(db):
        tables = set(db.table_names())
        _check_tables(db, path, tables, True)
        _create(db, TABLES)
        if "quotes_fts" not in tables:
            db.table("quotes").enable_fts(["text"], create_triggers=True, tokenize="porter")
        db.table("speakers").create_index(["name"], if_not_exists=True)
        db.table("quotes").create_index(["article_id", "speaker_id"], if_not_exists=True)


# ---- one record -> rows -------------------------------------------------------------

def _joined(values: Iterable[str | None]) -> str:
    return "; ".join(v or "" for v in values)


def _extras(obj: dict, known: Iterable[str]) -> dict:
    """Fields a later schema added (kept as columns; lists and objects as JSON)."""
    return {k: v for k, v in obj.items() if k not in known}


def article_row(data: dict) -> dict:
    art = data["article"]
    record = {k: v for k, v in data.items() if k != "text"}
    row = {k: art.get(k) for k in TABLES["articles"][0] if k in art}
    row.update(_extras(art, TABLES["articles"][0]))
    row.update(outlet=outlet(art), text=data.get("text"),
               record=json.dumps(record, ensure_ascii=False, separators=(",", ":")))
    return row


def speaker_rows(data: dict) -> list[dict]:
    art = data["article"]["id"]
    known = {"id", "name", "kind", "positions", "mentions", "quote_count", "gender"}
    return [
        {"article_id": art, "speaker_id": s["id"], "name": s["name"], "kind": s["kind"],
         "positions": _joined(p["text"] for p in s["positions"]),
         "titles": _joined(p["title"] for p in s["positions"]),
         "affiliations": _joined(p["affiliation"] for p in s["positions"]),
         "mentions": len(s["mentions"]), "quote_count": s.get("quote_count"), "gender": s.get("gender"),
         **_extras(s, known)}
        for s in data["speakers"]
    ]


def position_rows(data: dict) -> list[dict]:
    art = data["article"]["id"]
    return [
        {"article_id": art, "speaker_id": s["id"], "position": i, **p}
        for s in data["speakers"] for i, p in enumerate(s["positions"], start=1)
    ]


def quote_rows(data: dict) -> list[dict]:
    art = data["article"]["id"]
    speakers = {s["id"]: s for s in data["speakers"]}
    known = {"id", "type", "act", "text", "start", "end", "parts", "speaker", "speaker_name", "speaker_mention",
             "cue", "addressee", "date", "paragraph", "sentence", "confidence"}
    out = []
    for q in data["quotes"]:
        sp = speakers.get(q["speaker"]) if q["speaker"] else None
        cue = q["cue"] or {}
        out.append({
            "article_id": art, "quote_id": q["id"], "speaker": q["speaker_name"],
            "positions": _joined(p["text"] for p in sp["positions"]) if sp else None,
            "type": q["type"], "act": q.get("act"), "cue": cue.get("text"), "addressee": (q["addressee"] or {}).get("text"),
            "date": q["date"], "text": quote_words(q), "start": q["start"], "end": q["end"], "paragraph": q["paragraph"],
            "confidence": q["confidence"], "speaker_id": q["speaker"], "speaker_kind": sp["kind"] if sp else None,
            "speaker_mention": (q["speaker_mention"] or {}).get("text"), "cue_lemma": cue.get("lemma"),
            "speaker_gender": sp.get("gender") if sp else None,
            **_extras(q, known),
        })
    return out


def date_rows(data: dict) -> list[dict]:
    art = data["article"]["id"]
    return [{"article_id": art, "date_id": f"d{i}", **d} for i, d in enumerate(data["dates"], start=1)]


ROWS = {"speakers": speaker_rows, "positions": position_rows, "quotes": quote_rows, "dates": date_rows}


def replace_articles(db: Database, records: list[dict]) -> None:
    """Write records, replacing whatever the database held for their article
    ids (the caller holds the transaction). An id given twice keeps the last."""
    latest = {data["article"]["id"]: data for data in records}
    for table in CHILD_TABLES:
        db.conn.executemany(f"DELETE FROM [{table}] WHERE article_id = ?", [[a] for a in latest])
    db.table("articles").insert_all([article_row(d) for d in latest.values()], replace=True, alter=True)
    for table in ("speakers", "positions", "quotes", "dates"):
        rows = [row for data in latest.values() for row in ROWS[table](data)]
        if rows:
            db.table(table).insert_all(rows, alter=True)


class DatabaseWriter:
    """Writes records into a database in batches, one transaction per batch.

    Use it as a context manager: leaving the block normally writes the last
    batch; leaving it on an exception drops the unwritten batch, so the
    database holds whole articles only. An existing file is checked at once;
    a new one is created with the first batch (no records, no file).
    """

    def __init__(self, path: str | Path, batch_size: int = BATCH) -> None:
        _sqlite_utils()  # missing: say so before any work
        self.path = Path(path)
        self.db = open_database(self.path) if self.path.exists() else None
        self.batch_size = batch_size
        self.count = 0
        self._pending: list[dict] = []

    def sources(self) -> dict[str, str]:
        """The source of each article the database already holds, by id
        (``extract`` keeps each article's id its own: :class:`claimx.write.sinks.UniqueIds`)."""
        return article_sources(self.path)

    def write(self, record: ArticleRecord | dict) -> None:
        self._pending.append(record if isinstance(record, dict) else record.to_dict())
        if len(self._pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        pending, self._pending = self._pending, []
        if not pending:
            return
        if self.db is None:
            self.db = open_database(self.path)
        db = self.db

        def batch() -> None:
            with _writing(db):
                drop_corpus_tables(db)  # each batch: tables a corpus run built meanwhile no longer match
                replace_articles(db, pending)

        try:
            patiently(batch)
        except sqlite3.Error as exc:
            hint = f" (another process held it for over {LOCKED_PATIENCE:g} s)" if _locked(exc) else ""
            raise DatabaseError(f"{self.path}: cannot write: {exc}{hint}") from None
        self.count += len(pending)

    def close(self) -> None:
        try:
            self.flush()
        finally:
            if self.db is not None:
                self.db.close()

    def __enter__(self) -> DatabaseWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self._pending = []
        self.close()


def article_sources(path: Path) -> dict[str, str]:
    """The articles table's ids and sources, read only; none for a new file
    (one that is not claimx's is refused when it is written)."""
    if not path.is_file():
        return {}
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            return {i: s for i, s in db.execute("SELECT id, source FROM articles")}
    except sqlite3.Error:
        return {}


def read_records(path: str | Path) -> Iterator[dict]:
    """The records a database holds, in article id order, each with its text."""
    db = open_database(path, create=False)
    try:
        yield from _records(db)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path}: cannot read: {exc}") from None
    finally:
        db.close()


def _records(db: Database) -> Iterator[dict]:
    for record, text in db.execute("SELECT record, text FROM articles ORDER BY id"):
        data = json.loads(record)
        if text is not None:
            data["text"] = text
        yield data


# ---- corpus tables ------------------------------------------------------------------

def drop_corpus_tables(db: Database) -> None:
    existing = set(db.table_names())
    if "claims_fts" in existing:
        db.table("claims").disable_fts()
    for name in reversed(list(CORPUS_TABLES)):
        if name in existing:
            db.table(name).drop()


def write_corpus(path: str | Path, corpus: Corpus) -> None:
    """Replace the corpus tables of the database at ``path`` with ``corpus``, in one transaction."""
    tables = _corpus_rows(corpus)
    db = open_database(path, create=False)
    try:
        patiently(lambda: _write_corpus_tables(db, tables, _writing(db)))
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path}: cannot write the corpus tables: {exc}") from None
    finally:
        db.close()


def _write_corpus_tables(db: Database, tables: dict[str, list[dict[str, Any]]], transaction) -> None:
    with transaction:
        drop_corpus_tables(db)
        _create(db, CORPUS_TABLES)
        for name, rows in tables.items():
            if rows:
                db.table(name).insert_all(rows)
        db.table("claims").enable_fts(["text"], tokenize="porter")
        db.table("people").create_index(["name"])


def _corpus_rows(corpus: Corpus) -> dict[str, list[dict[str, Any]]]:
    return {"people": corpus.people, "person_speakers": corpus.person_speakers,
            "claims": corpus.claims, "claim_quotes": corpus.claim_quotes}


def build_in_place(path: str | Path, build: Callable[[Iterable[dict]], Corpus]) -> Corpus:
    """Build the corpus tables of the database at ``path`` from the articles
    it holds, reading them and writing the tables in one transaction: the
    tables cover exactly the articles of one snapshot. An extract that
    commits meanwhile makes SQLite refuse the write (the snapshot is stale);
    the tables are then built again, up to :data:`CORPUS_TRIES` times."""
    db = open_database(path, create=False)
    try:
        for _ in range(CORPUS_TRIES):
            db.conn.execute("BEGIN")  # deferred: the first read fixes the snapshot
            try:
                corpus = build(_records(db))
                _write_corpus_tables(db, _corpus_rows(corpus), _committing(db))
                return corpus
            except sqlite3.OperationalError as exc:
                if db.conn.in_transaction:
                    db.conn.rollback()
                if not _locked(exc):
                    raise
            time.sleep(0.2)
        raise DatabaseError(f"{path}: the articles changed while the corpus tables were built, {CORPUS_TRIES} "
                            "times (an extract is writing into it); run claimx corpus again when it has finished")
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path}: cannot build the corpus tables: {exc}") from None
    finally:
        db.close()


@contextmanager
def _committing(db: Database) -> Iterator[None]:
    """The end of the transaction already begun: commit, or roll back on an error."""
    try:
        yield
        db.conn.execute("COMMIT")  # a busy COMMIT leaves the transaction open: rolled back below
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise
