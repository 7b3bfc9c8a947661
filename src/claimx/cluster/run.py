"""Run the extraction on a Dask distributed cluster.

The client lists the inputs (names and sizes, never their contents), cuts
them into partitions (:mod:`claimx.cluster.partitions`), and submits one task per
partition. A worker reads its partition's inputs itself, runs the model
(loaded once per worker process and kept), and writes the records to
``DIR/part-NNNNN.jsonl`` (or the Parquet tables) under a temporary name,
renamed when complete, then a note ``DIR/_parts/part-NNNNN.json`` with the
partition's counts and failed articles. The client writes
``DIR/_manifest.json`` last: its presence tells a complete run from an
interrupted one. Tasks are deterministic and their outputs renamed into
place whole, so a task the scheduler runs again after a worker died rewrites
the same bytes: no article is lost or written twice. A rerun with the same
``-o`` skips every partition whose note matches its inputs and options.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

from claimx import __version__
from claimx.cluster.partitions import (
    DEFAULT_PARTITION_BYTES,
    InputFile,
    Partition,
    count_range,
    indexed,
    list_inputs,
    partition_bytes,
    plan,
    ranges,
    read_partition,
    resolve,
)
from claimx.read.inputs import InputError, Notice
from claimx.write.parquet import MANIFEST, TABLES, remove_parts
from claimx.write.store import Store

DASK_HINT = 'claimx --scheduler needs Dask: pip install "claimx[dask]"'
NOTES = "_parts"
MANIFEST_SCHEMA = "claimx-manifest/1"
CONNECT_TIMEOUT = "30s"


class ClusterError(RuntimeError):
    """The run cannot start or go on (no Dask, no scheduler, no model on the
    workers): a one-line message, exit code 2."""


@dataclass(frozen=True)
class Options:
    """What decides a partition's output bytes (and so whether it can be reused)."""

    fmt: str = "jsonl"  # jsonl | parquet
    model: str | None = None
    published: str | None = None  # YYYY-MM-DD
    include_text: bool = False
    acts: list[str] | None = None  # keep only quotes of these acts (sorted), else all
    any_language: bool = False  # extract articles not in English too
    topics: bool = False  # keep reports that state no claim (a topic, a question)

    def outputs(self, name: str) -> list[str]:
        """The files of one partition, relative to DIR."""
        tables = [f"{t}/{name}.parquet" for t in TABLES] if self.fmt == "parquet" else []
        return [f"{name}.jsonl", *tables]


@dataclass
class Summary:
    partitions: int = 0
    reused: int = 0
    articles: int = 0
    quotes: int = 0
    warc_records: Counter = field(default_factory=Counter)  # web archives: pages read, records skipped by reason
    failed: list[dict] = field(default_factory=list)  # failed articles and inputs
    broken: dict[int, str] = field(default_factory=dict)  # partitions that did not finish: why


# ---- on the workers ---------------------------------------------------------

_LOCK = threading.Lock()  # one task at a time per process: a spaCy pipeline is not thread-safe
_MODELS: dict[str | None, Any] = {}


class WorkerModelError(RuntimeError):
    """The model cannot be loaded on a worker."""


def _model(name: str | None):
    """The pipeline, loaded on the first task a worker process runs and kept."""
    nlp = _MODELS.get(name)
    if nlp is None:
        from threadpoolctl import threadpool_limits

        from claimx.pipeline import allocator
        from claimx.pipeline.nlp import ModelError, load

        threadpool_limits(limits=1)  # one BLAS thread per process, as with --workers
        allocator.tune()  # as the command line does: see claimx.pipeline.allocator
        try:
            nlp = _MODELS[name] = load(name)
        except ModelError as exc:
            raise WorkerModelError(str(exc)) from None
    return nlp


def models_loaded() -> int:
    """How many pipelines this process has loaded (for tests: one per worker)."""
    return len(_MODELS)


def extract_partition(part: Partition, fingerprint: str, out_dir: str, options: Options) -> dict:
    """The task: read, extract and write one partition; returns its note."""
    from claimx.pipeline.extract import extract

    with _LOCK:
        nlp = _model(options.model)
        problems: list[InputError | Notice] = []
        skipped: Counter = Counter()  # web archives: records that are not articles, by reason
        published = dt.date.fromisoformat(options.published) if options.published else None
        records = extract(read_partition(part, skipped, options.any_language), nlp, published=published,
                          include_text=options.include_text,
                          on_problem=problems.append, acts=frozenset(options.acts) if options.acts else None,
                          any_language=options.any_language, topics=options.topics)
        store = Store(out_dir)
        articles, quotes = _write(records, store, part.name, options.fmt)
    note = {
        "name": part.name, "fingerprint": fingerprint, "inputs": part.describe(),
        "files": {f: store.sizes[f] for f in options.outputs(part.name)},
        "articles": articles, "quotes": quotes,
        "failed": [_failure(p) for p in problems if isinstance(p, InputError)],
        "warnings": [{"source": p.source, "message": p.message} for p in problems if isinstance(p, Notice)],
    }
    if skipped:  # what became of a web archive's records: pages read, the others skipped by reason
        note["warc_records"] = dict(sorted(skipped.items()))
    with store.atomic(f"{NOTES}/{part.name}.json") as fh:
        fh.write(json.dumps(note, ensure_ascii=False, indent=1) + "\n")
    return note


def _write(records: Iterator, store: Store, name: str, fmt: str) -> tuple[int, int]:
    if fmt == "parquet":
        from claimx.write.parquet import ParquetTables

        with ParquetTables(store, name) as tables:
            for rec in records:
                tables.write(rec)
        return tables.count, tables.quotes
    from claimx.write.formats import Format
    from claimx.write.writers import Writer

    quotes = 0
    with store.atomic(f"{name}.jsonl") as fh:
        w = Writer(fh, Format.jsonl)
        for rec in records:
            w.write(rec)
            quotes += len(rec.quotes)
        w.close()
    return w.count, quotes


def _failure(err: InputError) -> dict:
    return {"source": err.source, "line": err.line, "message": err.message}


# ---- on the client ----------------------------------------------------------


def require_dask():
    try:
        import distributed
    except ImportError:
        raise ClusterError(DASK_HINT) from None
    return distributed


def parse_scheduler(value: str) -> tuple[str, int | None]:
    """``local`` / ``local:N`` (a LocalCluster of N workers; all cores when
    N is left out), a scheduler file (``.json``), or an address."""
    m = re.fullmatch(r"local(?::(\d+))?", value)
    if m:
        n = int(m.group(1)) if m.group(1) else (os.cpu_count() or 1)
        if n < 1:
            raise ClusterError(f"--scheduler {value}: the number of local workers must be at least 1")
        return "local", n
    if value.endswith(".json"):
        return "file", None
    return "address", None


@contextmanager
def connect(scheduler: str, model: str | None = None) -> Iterator[Any]:
    """A Dask client for ``--scheduler``; a LocalCluster is shut down after.

    On Linux a LocalCluster's workers are forked from this process after it
    has loaded the model, as ``--workers N`` does: they share it instead of
    each starting Python, importing spaCy and loading it again (seconds per
    worker). Elsewhere they are spawned and load it on their first task."""
    import logging

    import dask

    distributed = require_dask()
    kind, n = parse_scheduler(scheduler)
    if kind == "local":
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        if method == "fork":
            try:
                _model(model)
            except WorkerModelError as exc:
                raise ClusterError(str(exc)) from None
        # no statistical profiler sampling the workers' stacks every 10 ms: a
        # command-line run shows no dashboard to read its profile in
        with dask.config.set({"distributed.worker.multiprocessing-method": method,
                              "distributed.worker.profile.enabled": False}):
            cluster = distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                               dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
        with cluster, distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = (distributed.Client(scheduler_file=scheduler, timeout=CONNECT_TIMEOUT) if kind == "file"
                  else distributed.Client(scheduler, timeout=CONNECT_TIMEOUT))
    except (OSError, ValueError, TypeError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        yield client


def run(
    paths: list[str], out_dir: str | os.PathLike, scheduler: str, options: Options, *,
    partition_size: int | None = None,
    on_problem: Callable[[InputError | Notice], None] = lambda _: None,
    on_progress: Callable[[int, int, int], None] = lambda *_: None,
) -> Summary:
    """Extract ``paths`` on the cluster into ``out_dir`` (a folder or an
    fsspec URL, see :mod:`claimx.write.store`); failed articles go
    to ``on_problem`` as they are met, finished partitions to ``on_progress``
    (done, total, articles)."""
    require_dask()
    summary = Summary()
    files: list[InputFile] = []
    for item in list_inputs(paths):
        if isinstance(item, InputFile):
            files.append(item)
        else:
            summary.failed.append(_failure(item))
            on_problem(item)
    store = Store(out_dir)
    store.makedirs(NOTES)
    store.remove(MANIFEST)  # from here on the folder is an unfinished run
    store.refresh()
    parts = plan(files, partition_bytes(sum(f.size for f in files), partition_size or DEFAULT_PARTITION_BYTES))
    summary.partitions = len(parts)
    key = asdict(options) | {"claimx": __version__}
    notes: dict[int, dict] = {}
    todo: dict[int, str] = {}  # partition index -> fingerprint
    for part in parts:
        fp = part.fingerprint(key)
        note = _finished(store, part, fp)
        if note is None:
            todo[part.index] = fp
        else:
            notes[part.index] = note
            summary.reused += 1
            _replay(note, on_problem)
    on_progress(len(notes), len(parts), sum(n["articles"] for n in notes.values()))
    if todo:  # a finished run's rerun needs no cluster
        with connect(scheduler, options.model) as client:
            parts = _index(client, parts, todo)
            _run_partitions(client, [(parts[i], fp) for i, fp in todo.items()], store, options, notes, summary,
                            on_problem, lambda: on_progress(len(notes), len(parts),
                                                            sum(n["articles"] for n in notes.values())))
    for part in parts:
        note = notes.get(part.index)
        if note is not None:
            summary.articles += note["articles"]
            summary.quotes += note["quotes"]
            summary.warc_records.update(note.get("warc_records", {}))
            summary.failed.extend(note["failed"])
    store.refresh()
    _tidy(store, len(parts))
    _write_manifest(store, parts, notes, options, summary)
    return summary


def _index(client, parts: list[Partition], todo: Iterable[int]) -> list[Partition]:
    """Count line breaks and quotes in the byte ranges of every file a
    partition to run is cut from, on the workers."""
    files = {p.file.path for i in todo for p in parts[i].pieces if indexed(p)}
    cut = [part for part in parts if any(p.file.path in files for p in part.pieces if indexed(p))]
    if not cut:
        return parts
    counts = client.gather(client.map(count_range, ranges(cut), pure=False))
    resolved = {part.index: part for part in resolve(cut, counts)}
    return [resolved.get(part.index, part) for part in parts]


def _run_partitions(client, todo: list[tuple[Partition, str]], store: Store, options: Options,
                    notes: dict[int, dict], summary: Summary, on_problem, progress) -> None:
    """Submit the partitions and collect their notes as they finish (in any order)."""
    from distributed import as_completed

    futures = client.map(extract_partition, [p for p, _ in todo], [fp for _, fp in todo],
                         out_dir=store.target, options=options, key=[f"claimx-{p.name}-{fp}" for p, fp in todo])
    by_key = {f.key: p for f, (p, _) in zip(futures, todo, strict=True)}
    for fut in as_completed(futures):
        part = by_key[fut.key]
        try:
            note = fut.result()
        except WorkerModelError as exc:
            client.cancel(futures)
            raise ClusterError(f"on a worker: {exc}") from None
        except Exception as exc:  # stays out of the manifest's counts; a rerun retries it
            reason = f"failed on the cluster: {type(exc).__name__}: {exc}"
            summary.broken[part.index] = f"{reason} (inputs: {_inputs(part)})"
            on_problem(InputError(part.name, reason))
            continue
        notes[part.index] = note
        _replay(note, on_problem)
        progress()


def _inputs(part: Partition) -> str:
    srcs = [p.file.source for p in part.pieces]
    return ", ".join(srcs[:3]) + (f" and {len(srcs) - 3} more" if len(srcs) > 3 else "")


def _replay(note: dict, on_problem) -> None:
    for w in note["warnings"]:
        on_problem(Notice(w["source"], w["message"]))
    for f in note["failed"]:
        on_problem(InputError(f["source"], f["message"], f["line"]))


def _finished(store: Store, part: Partition, fingerprint: str) -> dict | None:
    """The note of a partition a previous run completed with the same inputs and options."""
    try:
        note = json.loads(store.read_text(f"{NOTES}/{part.name}.json") or "")
    except ValueError:
        return None
    if note.get("fingerprint") != fingerprint or not all(store.size(f) == n for f, n in note["files"].items()):
        return None
    return note


def _tidy(store: Store, n: int) -> None:
    """Remove parts of an earlier, larger plan and temporary files left by killed tasks."""
    remove_parts(store, ["", NOTES, *TABLES], n)


def _write_manifest(store: Store, parts: list[Partition], notes: dict[int, dict], options: Options,
                    summary: Summary) -> None:
    manifest = {
        "schema": MANIFEST_SCHEMA,
        "claimx": __version__,
        "options": asdict(options),
        "complete": not summary.broken,
        "articles": summary.articles,
        "quotes": summary.quotes,
        "failed_articles": len(summary.failed),
        **({"warc_records": dict(sorted(summary.warc_records.items()))} if summary.warc_records else {}),
        "partitions": [
            {k: v for k, v in notes[p.index].items() if k not in ("warnings", "fingerprint")}
            | {"failed": len(notes[p.index]["failed"])}
            if p.index in notes else {"name": p.name, "inputs": p.describe(), "error": summary.broken.get(p.index)}
            for p in parts
        ],
        "failed": summary.failed,
    }
    with store.atomic(MANIFEST) as fh:
        fh.write(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
