"""Partitions: planning, record boundaries, and that reading a corpus cut at
any byte gives exactly the articles and errors of reading it whole (no
model, no Dask: the workers' reading is a plain function)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from claimx.cluster.partitions import (
    DEFAULT_PARTITION_BYTES,
    MIN_PARTITION_BYTES,
    InputFile,
    Partition,
    boundary,
    count_range,
    list_inputs,
    partition_bytes,
    plan,
    ranges,
    read_partition,
    resolve,
)
from claimx.read.inputs import Article, InputError, Notice, read_path


def _files(*sizes_and_names) -> list[InputFile]:
    return [InputFile(f"/c/{name}", name, size) for name, size in sizes_and_names]


@pytest.mark.parametrize(
    ("total", "limit", "expected"),
    [
        (0, DEFAULT_PARTITION_BYTES, MIN_PARTITION_BYTES),  # nothing: the floor
        (500_000, DEFAULT_PARTITION_BYTES, MIN_PARTITION_BYTES),  # small corpus: 32 partitions, not 64 tiny ones
        (10_000_000, DEFAULT_PARTITION_BYTES, 156_250),  # about 64 partitions
        (10_000_000_000, DEFAULT_PARTITION_BYTES, DEFAULT_PARTITION_BYTES),  # large: the limit
        (1_000_000, 500, 500),  # a limit below the floor is kept (tests, tiny partitions)
        (1_000_000, 0, 1),
    ],
)
def test_partition_bytes(total, limit, expected):
    assert partition_bytes(total, limit) == expected


@pytest.mark.parametrize(
    ("files", "size", "expected"),
    [
        # small files are packed in input order up to the size
        ([("a.txt", 40), ("b.txt", 40), ("c.txt", 40)], 100, [["a.txt", "b.txt"], ["c.txt"]]),
        ([("a.txt", 100), ("b.txt", 1)], 100, [["a.txt"], ["b.txt"]]),
        # a large corpus is cut into equal ranges, each its own partition, between the packs
        ([("a.txt", 10), ("big.jsonl", 250), ("c.txt", 10)], 100,
         [["a.txt"], ["big.jsonl@0-83"], ["big.jsonl@83-166"], ["big.jsonl@166-250"], ["c.txt"]]),
        ([("big.csv", 201)], 100, [["big.csv@0-67"], ["big.csv@67-134"], ["big.csv@134-201"]]),
        # a large file that is not a corpus stays whole
        ([("long.txt", 250), ("b.txt", 5)], 100, [["long.txt"], ["b.txt"]]),
        ([], 100, []),
    ],
)
def test_plan(files, size, expected):
    parts = plan(_files(*files), size)
    got = [[p.file.source + (f"@{p.start}-{p.end}" if p.end is not None else "") for p in part.pieces] for part in parts]
    assert got == expected
    assert [p.index for p in parts] == list(range(len(expected)))
    assert [p.name for p in parts[:1]] == (["part-00000"] if parts else [])


@pytest.mark.parametrize(
    ("data", "pos", "quoted", "is_csv", "expected"),
    [
        (b"ab\ncd\nef", 0, False, False, (0, 0)),
        (b"ab\ncd\nef", 3, False, False, (3, 0)),  # just after a break: a record starts here
        (b"ab\ncd\nef", 4, False, False, (6, 1)),  # inside "cd": the next record
        (b"ab\ncd\nef", 7, False, False, (8, 0)),  # inside the last record: none after it
        (b'a,"x\ny"\nb,c\n', 4, True, True, (8, 2)),  # CSV: the break inside quotes is no boundary
        (b'a,"x\ny"\nb,c\n', 5, True, True, (8, 1)),  # at the quoted break's next byte, still inside
        (b'a,"x\ny"\nb,c\n', 5, False, False, (5, 0)),  # the same bytes as JSON Lines: a plain line break
        (b'a,""\nb\n', 3, True, True, (5, 1)),  # an escaped "" pair: parity back to even at the break
        (b"ab\r\ncd\r\n", 2, False, False, (4, 1)),  # CRLF: a record starts after the \n
    ],
)
def test_boundary(data, pos, quoted, is_csv, expected):
    assert boundary(io.BytesIO(data), pos, quoted, is_csv) == expected


def _as_tuples(items) -> list[tuple]:
    out = []
    for it in items:
        if isinstance(it, Article):
            out.append(("article", it.id, it.source, it.text, it.title, it.published, it.url))
        elif isinstance(it, InputError):
            out.append(("error", it.source, it.line, it.message))
        else:
            assert isinstance(it, Notice)
            out.append(("notice", it.source, it.message))
    return out


def _read_cut(path: Path, size: int) -> list:
    """Read ``path`` as the workers do, cut every ``size`` bytes."""
    f = InputFile(str(path), str(path), path.stat().st_size)
    parts = plan([f], size)
    parts = resolve(parts, [count_range(p) for p in ranges(parts)])
    return [item for part in parts for item in read_partition(part)]


JSONL = (
    '{"id": "a", "text": "First article.", "title": "One"}\n'
    "\n"  # a blank line is skipped
    '{"text": "No id: the id is the stem and the line.", "published": "2025-08-17"}\n'
    "{not json\n"
    '{"text": "Line separator \u2028 inside and “curly” quotes, é."}\r\n'  # CRLF, a raw U+2028
    '{"id": "e", "text": ""}\n'  # empty text: an error on its line
    '{"id": "f", "text": "Last, with no final line break."}'
)

CSV = (
    "id,title,text\r\n"
    'a,One,"First article, with a comma."\r\n'
    'b,Two,"Two paragraphs.\n\nThe second says ""hi""."\r\n'
    ',Three,"No id: stem and line."\r\n'
    'd,,""\r\n'
    'e,Five,"Quoted ""x\n""\ntwice."\r\n'
)


@pytest.mark.parametrize(("name", "content"), [("corpus.jsonl", JSONL), ("corpus.csv", CSV)])
def test_any_cut_reads_what_a_whole_read_gives(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    whole = _as_tuples(read_path(path))
    assert [t[0] for t in whole].count("article") >= 4 and any(t[0] == "error" for t in whole)
    for size in range(1, len(content.encode()) + 2):
        assert _as_tuples(_read_cut(path, size)) == whole, f"cut every {size} bytes"


def test_csv_without_text_column_reports_once(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("id,body\n" + "".join(f"{i},x{i}\n" for i in range(20)), encoding="utf-8")
    items = _as_tuples(_read_cut(path, 16))
    assert items == [("error", str(path), None, "CSV has no 'text' column (expected: text, and optionally id, title, published, url)")]


def test_utf16_corpus_is_read_whole_once(tmp_path):
    path = tmp_path / "u16.jsonl"
    path.write_bytes("".join(json.dumps({"id": str(i), "text": f"Article {i}."}) + "\n" for i in range(5)).encode("utf-16"))
    got = _as_tuples(_read_cut(path, 20))
    assert [t[1] for t in got] == ["0", "1", "2", "3", "4"]
    assert got == _as_tuples(read_path(path))


def test_packed_files_read_in_order_with_their_errors(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha said so.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.jsonl").write_text('{"text": "Gamma."}\n', encoding="utf-8")
    files = [f for f in list_inputs([str(tmp_path)]) if isinstance(f, InputFile)]
    parts = plan(files, 10_000)
    assert len(parts) == 1
    got = _as_tuples(read_partition(parts[0]))
    assert [(t[0], t[1]) for t in got] == [("article", "a"), ("error", str(tmp_path / "b.txt")), ("article", "c:1")]


def test_list_inputs_as_a_local_run_names_them(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    for name in ("z.txt", "sub/a.txt", "b.html", "skip.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    got = list(list_inputs(["b.html", ".", "nope.txt", "-", "*.md"]))
    assert [(g.source, g.path) for g in got if isinstance(g, InputFile)] == [
        ("b.html", str(tmp_path / "b.html")),
        ("b.html", str(tmp_path / "b.html")),
        ("sub/a.txt", str(tmp_path / "sub/a.txt")),
        ("z.txt", str(tmp_path / "z.txt")),
    ]
    errors = [str(g) for g in got if isinstance(g, InputError)]
    assert errors == ["nope.txt: no such file or directory",
                      "-: standard input cannot be read on a cluster; pass files or URLs",
                      "*.md: no file matches this pattern"]


def test_fsspec_urls_are_listed_and_read(tmp_path):
    fsspec = pytest.importorskip("fsspec", reason="fsspec comes with claimx[dask]")
    fs = fsspec.filesystem("memory")
    fs.pipe({"/corpus/b.txt": b"Bravo said it.", "/corpus/a.jsonl": b'{"text": "One."}\n{"text": "Two."}\n',
             "/corpus/notes.pdf": b"%PDF"})
    try:
        files = list(list_inputs(["memory://corpus", "memory://corpus/*.txt", "memory://missing.txt"]))
        # named as the file system names them (memory:// has a root "/"; s3://bucket/key stays as it is)
        assert [f.source for f in files if isinstance(f, InputFile)] == [
            "memory:///corpus/a.jsonl", "memory:///corpus/b.txt", "memory:///corpus/b.txt"]
        assert [str(f) for f in files if isinstance(f, InputError)] == ["memory://missing.txt: no such file or directory"]
        parts = plan([f for f in files if isinstance(f, InputFile)][:2], 20)  # the corpus is cut in two
        parts = resolve(parts, [count_range(p) for p in ranges(parts)])
        got = [(a.id, a.text) for part in parts for a in read_partition(part)]
        assert got == [("a:1", "One."), ("a:2", "Two."), ("b", "Bravo said it.")]
    finally:
        fs.rm("/corpus", recursive=True)


def test_fingerprint_follows_inputs_and_options():
    f = InputFile("/c/a.jsonl", "a.jsonl", 100)
    part = plan([f], 1000)[0]
    same = plan([InputFile("/c/a.jsonl", "other name", 100)], 1000)[0]
    grown = plan([InputFile("/c/a.jsonl", "a.jsonl", 101)], 1000)[0]
    assert part.fingerprint({"fmt": "jsonl"}) == same.fingerprint({"fmt": "jsonl"})
    assert part.fingerprint({"fmt": "jsonl"}) != grown.fingerprint({"fmt": "jsonl"})
    assert part.fingerprint({"fmt": "jsonl"}) != part.fingerprint({"fmt": "parquet"})
    assert isinstance(part, Partition) and part.describe() == [{"source": "a.jsonl", "start": 0, "end": 100}]


def test_a_file_gone_after_listing_is_reported_not_raised(tmp_path):
    path = tmp_path / "gone.jsonl"
    path.write_text('{"text": "One."}\n' * 10, encoding="utf-8")
    f = InputFile(str(path), "gone.jsonl", path.stat().st_size)
    parts = plan([f], 60)
    path.unlink()
    parts = resolve(parts, [count_range(p) for p in ranges(parts)])
    errors = {str(e) for part in parts for e in read_partition(part)}
    assert len(parts) > 1 and errors == {"gone.jsonl: cannot read: No such file or directory"}  # as a local run says it
