"""Write records: YAML, JSON, JSON Lines, CSV/TSV (and the HTML review page,
see :mod:`claimx.write.review`). Every writer streams record by record; files are
written to a temporary name and renamed when complete.
"""

from __future__ import annotations

import csv
import json
import os
import re
import socket
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import yaml

from claimx.signals import held
from claimx.write.formats import Format, Table, quote_words

if TYPE_CHECKING:
    from claimx.records import ArticleRecord


COLUMNS = {
    Table.quotes: [
        "article_id", "quote_id", "speaker", "positions", "type", "act", "cue", "addressee", "date",
        "text", "start", "end", "paragraph", "confidence",
        # added after the fixed leading columns
        "speaker_id", "speaker_kind", "speaker_mention", "cue_lemma", "speaker_gender",
        # what the quote states (ACTS.md rule 3): claim, topic or question
        "content",
    ],
    Table.speakers: ["article_id", "speaker_id", "name", "kind", "positions", "titles",
                     "affiliations", "mentions", "quote_count", "gender"],
    Table.dates: ["article_id", "text", "start", "end", "value", "kind"],
}

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def to_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def to_json(data: Any, indent: int | None = 2) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent)


def spreadsheet_cell(value: Any) -> str:
    """Spreadsheet-safe cell: a text that a spreadsheet would run as a formula
    gets a leading apostrophe."""
    if value is None:
        return ""
    s = str(value)
    if s[:1] in ("=", "+", "@", "\t", "\r") or (s[:1] == "-" and s[1:2] not in ("", " ") and not s[1:2].isdigit()):
        return "'" + s
    return s


def rows(record: dict, table: Table) -> Iterator[list[str]]:
    """The CSV rows of one record: :func:`values`, spreadsheet-safe."""
    for row in values(record, table):
        yield [spreadsheet_cell(v) for v in row]


def values(record: dict, table: Table) -> Iterator[tuple]:
    """The plain values of one record's rows in ``table``, in COLUMNS order
    (numbers stay numbers; CSV and Parquet both write these)."""
    art = record["article"]["id"]
    speakers = {s["id"]: s for s in record["speakers"]}
    if table is Table.quotes:
        for q in record["quotes"]:
            sp = speakers.get(q["speaker"]) if q["speaker"] else None
            positions = "; ".join(p["text"] for p in sp["positions"]) if sp else ""
            cue = q["cue"] or {}
            yield (
                art, q["id"], q["speaker_name"], positions, q["type"], q["act"], cue.get("text"),
                (q["addressee"] or {}).get("text"), q["date"], quote_words(q), q["start"], q["end"],
                q["paragraph"], q["confidence"], q["speaker"], sp["kind"] if sp else None,
                (q["speaker_mention"] or {}).get("text"), cue.get("lemma"), sp.get("gender") if sp else None,
                q.get("content", "claim"),
            )
    elif table is Table.speakers:
        for s in record["speakers"]:
            yield (
                art, s["id"], s["name"], s["kind"], "; ".join(p["text"] for p in s["positions"]),
                "; ".join(p["title"] or "" for p in s["positions"]),
                "; ".join(p["affiliation"] or "" for p in s["positions"]),
                len(s["mentions"]), s["quote_count"], s.get("gender"),
            )
    else:
        for d in record["dates"]:
            yield (art, d["text"], d["start"], d["end"], d["value"], d["kind"])


class Writer:
    """Streams records to one text stream in one format."""

    def __init__(self, stream: IO[str], fmt: Format, table: Table = Table.quotes) -> None:
        self.stream = stream
        self.fmt = fmt
        self.table = table
        self.count = 0
        self._pending: str | None = None  # JSON: first record, held to know object vs array
        self._csv = None
        self._html: list[dict] = []
        if fmt in (Format.csv, Format.tsv):
            self._csv = csv.writer(stream, delimiter="," if fmt is Format.csv else "\t", lineterminator="\n")
            self._csv.writerow(COLUMNS[table])

    def write(self, record: ArticleRecord) -> None:
        data = record.to_dict()
        self.count += 1
        if self.fmt is Format.yaml:
            if self.count > 1:
                self.stream.write("---\n")
            self.stream.write(to_yaml(data))
        elif self.fmt is Format.jsonl:
            self.stream.write(to_json(data, indent=None) + "\n")
        elif self.fmt is Format.json:
            body = to_json(data)
            if self.count == 1:
                self._pending = body
            else:
                if self._pending is not None:
                    self.stream.write("[\n" + self._pending)
                    self._pending = None
                self.stream.write(",\n" + body)
        elif self._csv is not None:
            self._csv.writerows(rows(data, self.table))
        else:
            self._html.append(data)
        self.stream.flush()

    def close(self) -> None:
        if self.fmt is Format.json:
            if self._pending is not None:
                self.stream.write(self._pending + "\n")
            elif self.count > 1:
                self.stream.write("\n]\n")
            else:
                self.stream.write("[]\n")
        elif self.fmt is Format.html:
            from claimx.write.review import render_html

            self.stream.write(render_html(self._html))
        self.stream.flush()


def write_all(stream: IO[str], records, fmt: Format, table: Table = Table.quotes) -> Writer:
    """Write ``records`` to ``stream`` in one format and close the writer
    (one file, one file per article, a cluster's part): the writer, its count."""
    w = Writer(stream, fmt, table)
    for rec in records:
        w.write(rec)
    w.close()
    return w


@contextmanager
def atomic_open(path: Path, binary: bool = False) -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path``; rename it into place only
    when the block completes, so no half-written file is ever left. Text is
    UTF-8 as written; ``binary`` gives a bytes stream (Parquet)."""
    path = Path(path)
    _remove_stale(path.parent)
    tmp: str | None = None
    out: IO[Any] | None = None
    try:
        # a stop signal between creating the file and knowing its name would
        # leave it: it is raised once both are done (claimx.signals.held)
        with held():
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.claimx-{_HOST}-{os.getpid()}.", suffix=".tmp",
                                       dir=path.parent or ".")
            out = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        with out as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a finished file gets the usual mode
        os.replace(tmp, path)
    except BaseException:
        if out is not None:
            out.close()
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise


# a temporary file names its machine and process: a run killed by SIGKILL
# (which no handler sees) leaves it, and the next run into the folder removes it
_HOST = re.sub(r"[^A-Za-z0-9]+", "_", socket.gethostname().split(".")[0]) or "host"
_TEMPORARY = re.compile(r"\..+\.claimx-(?P<host>[A-Za-z0-9_]+)-(?P<pid>\d+)\.[a-z0-9_]+\.tmp")
# claimx before the host and process were named: an output's name, then mkstemp's eight characters
_OLD_TEMPORARY = re.compile(r"\..+\.(?:ya?ml|json|jsonl|ndjson|csv|tsv|html?|parquet)\.[a-z0-9_]{8}\.tmp")
OLD_TEMPORARY_AGE = 86_400.0  # seconds: an old-style name this old belongs to no running write
_swept: set[str] = set()


def stale_temporaries(folder: Path) -> list[Path]:
    """claimx's temporary files in ``folder`` whose process is gone: named
    for this machine and a process that no longer runs (or, with the older
    names, untouched for a day). Other programs' files are never matched."""
    stale = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        m = _TEMPORARY.fullmatch(entry.name)
        if m and m["host"] == _HOST and not _running(int(m["pid"])):
            stale.append(Path(entry.path))
        elif not m and _OLD_TEMPORARY.fullmatch(entry.name):
            try:
                if time.time() - entry.stat(follow_symlinks=False).st_mtime > OLD_TEMPORARY_AGE:
                    stale.append(Path(entry.path))
            except OSError:
                pass
    return stale


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it runs, as another user
        return True
    return True


def _remove_stale(folder: Path) -> None:
    """Once per folder and process: remove the temporary files killed runs left."""
    key = os.path.abspath(folder or ".")
    if key in _swept:
        return
    _swept.add(key)
    for path in stale_temporaries(Path(key)):
        try:
            path.unlink()
        except OSError:
            pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def safe_filename(article_id: str) -> str:
    name = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in article_id).strip("._")
    return name or "article"
