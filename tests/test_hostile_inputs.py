"""Hostile and unlucky input (issue 27): every read is bounded, every command
meets bad input with one clear line and a sensible exit code, never a
traceback; corpora are decoded record by record; globs enter each folder once;
control characters never reach the terminal."""

from __future__ import annotations

import io
import json
import os
import sys

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.read.inputs import (
    MAX_BYTES,
    MAX_CHARS,
    Article,
    InputError,
    Notice,
    read_limited,
    read_path,
)
from claimx.read.sources import glob_once, iter_articles

runner = CliRunner()
GOOD = "“We will win this race,” Governor Jane Smith said on Monday.\n"


@pytest.fixture
def cached_model(monkeypatch, nlp):
    """Commands reuse the session's model instead of loading one per run."""
    import claimx.pipeline.nlp

    monkeypatch.setattr(claimx.pipeline.nlp, "load", lambda model=None: nlp)


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


# ---- bounded reads -----------------------------------------------------------------------

class Endless(io.RawIOBase):
    """A stream that never ends (a device, a pipe fed for ever)."""

    def __init__(self, byte: bytes = b"\0") -> None:
        self.byte = byte
        self.served = 0

    def readable(self):
        return True

    def readinto(self, buf):
        buf[:] = self.byte * len(buf)
        self.served += len(buf)
        return len(buf)


def test_read_limited_stops_one_byte_past_the_limit():
    stream = Endless()
    assert read_limited(stream, 1000) is None
    assert stream.served <= 1001
    assert read_limited(io.BytesIO(b"x" * 1000), 1000) == b"x" * 1000


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_read_up_to_the_limit_only():
    items = list(read_path(__import__("pathlib").Path("/dev/zero")))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "too large" in str(items[0]) and "20 MiB" in str(items[0])


def test_a_sparse_gigabyte_is_refused_by_its_size(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(2**30)
    items = list(read_path(big))
    assert [type(i) for i in items] == [InputError]
    assert "1073.7 MB" in str(items[0])


def test_stdin_is_read_up_to_the_limit_only():
    items = list(iter_articles(["-"], stdin=io.BufferedReader(Endless(b"a"))))
    assert [type(i) for i in items] == [InputError]
    assert str(items[0]).startswith("<stdin>: input too large")


def test_a_url_list_on_endless_stdin_is_bounded():
    items = list(iter_articles([], stdin=io.BufferedReader(Endless(b"h")), url_files=["-"]))
    assert [str(i) for i in items] == ["<stdin>: the URL list is too large (more than the limit of 20 MiB); "
                                       "claimx stopped reading there"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_feed_file_is_read_up_to_the_limit_only():
    from claimx.read.feeds import FeedFetcher, articles_of

    fetcher = FeedFetcher(1.0)
    try:
        with pytest.raises(InputError, match="feed too large"):
            articles_of("/dev/zero", fetcher)
    finally:
        fetcher.close()


def test_stdin_from_dev_zero_in_a_real_process():
    import subprocess

    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run([sys.executable, "-m", "claimx", "extract", "-", "-q"], stdin=zero,
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "<stdin>: input too large" in proc.stderr
    assert "Traceback" not in proc.stderr


# ---- a battery of bad inputs against every command ------------------------------------------

def _battery(tmp_path):
    d = tmp_path / "bad"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("  \n\n")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "latin1.txt").write_bytes("José Núñez said \"no\".".encode("latin-1"))
    (d / "control\x1b[31m.txt").write_text(GOOD)
    (d / "empty\x1b]0;owned\x07.txt").write_bytes(b"")
    (d / "broken.html").write_text("<html><body><p>unclosed <b>tag <script>")
    (d / "bad.jsonl").write_bytes(b'{"text": "ok"}\n{not json\n\xff\xfe\n[1, 2]\n{"text": 5}\n')
    (d / "bad.csv").write_bytes(b"text,id\n\"unclosed,1\nx\x00y,2\n")
    (d / "noheader.csv").write_text("a,b\n1,2\n")
    (d / "fake.pdf").write_bytes(b"%PDF-1.4 ...")
    (d / "doc.json").write_text("{}")
    with (d / "sparse.txt").open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    (d / "sub").mkdir()
    (d / "sub" / "loop").symlink_to(d)
    return d


BAD_NAMES = ["empty.txt", "blank.txt", "binary.txt", "latin1.txt", "control\x1b[31m.txt", "empty\x1b]0;owned\x07.txt", "broken.html",
             "bad.jsonl", "bad.csv", "noheader.csv", "fake.pdf", "doc.json", "sparse.txt", "missing.txt"]


def _clean(result) -> None:
    """No exception escaped, no traceback, no escape character on the terminal."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr


@pytest.mark.parametrize("fmt", ["yaml", "json", "jsonl", "csv", "html"])
def test_extract_in_every_format_meets_bad_inputs_calmly(tmp_path, cached_model, fmt):
    d = _battery(tmp_path)
    r = run("extract", *(d / n for n in BAD_NAMES), "/dev/zero", "-f", fmt, "-q")
    _clean(r)
    assert r.exit_code == 1
    for name in ("empty.txt", "binary.txt", "fake.pdf", "sparse.txt", "missing.txt", "/dev/zero"):
        assert name in r.stderr
    assert "empty␛]0;owned␇.txt: empty file" in r.stderr  # named, its escape made visible


def test_extract_folder_glob_and_outputs(tmp_path, cached_model):
    d = _battery(tmp_path)
    for args in ([d], [f"{d}/**/*.txt"], [d, "-o", tmp_path / "out.db"], [d, "-o", tmp_path / "no" / "x.json"],
                 [d, "-o", tmp_path / "x.unknown"], [d, "-f", "sqlite"], [d, "-o", tmp_path / "dir/", "-f", "csv"]):
        r = run("extract", *args, "-q")
        _clean(r)
        assert r.exit_code in (1, 2), (args, r.stderr)


def test_show_check_eval_corpus_schema_meet_bad_inputs_calmly(tmp_path, cached_model):
    d = _battery(tmp_path)
    for name in BAD_NAMES:
        r = run("show", d / name)
        _clean(r)
        assert r.exit_code == (0 if name in ("latin1.txt", "control\x1b[31m.txt", "broken.html") else 1), name
    samples = tmp_path / "samples"
    samples.mkdir()
    (samples / "a.txt").write_text(GOOD)
    (samples / "a.expected.yaml").write_bytes(b"schema: claimx/1\nname: Jos\xe9\n")
    (samples / "b.txt").write_bytes(b"\xff\xfe\x00")
    r = run("check", samples)
    _clean(r)
    assert r.exit_code == 1 and "a.expected.yaml: not UTF-8" in r.stderr
    for args in (["check", d / "missing"], ["check", d / "sub"], ["eval", d],
                 ["eval", d / "missing", "--dates"], ["corpus", d], ["corpus", d / "bad.jsonl"],
                 ["corpus", d / "missing.db"], ["corpus", d / "sparse.txt"]):
        r = run(*args)
        _clean(r)
        assert r.exit_code in (1, 2), (args, r.stderr)
    brat = tmp_path / "brat" / "dev"
    (brat / "text").mkdir(parents=True)
    (brat / "attributions").mkdir()
    (brat / "text" / "x.txt").write_bytes(b"caf\xe9")
    (brat / "attributions" / "x_a.ann").write_text("")
    r = run("eval", tmp_path / "brat")
    _clean(r)
    assert r.exit_code == 2 and "cannot read the corpus" in r.stderr
    timeml = tmp_path / "tml"
    timeml.mkdir()
    (timeml / "x.tml").write_bytes(b"<TimeML><TEXT>caf\xe9</TEXT></TimeML>")
    r = run("eval", timeml, "--dates")
    _clean(r)
    assert r.exit_code == 2 and "cannot read the TimeML corpus" in r.stderr
    out = tmp_path / "notdb.db"
    out.write_bytes(b"not a database at all" * 100)
    for args in (["corpus", out], ["extract", d / "latin1.txt", "-o", out]):
        r = run(*args)
        _clean(r)
        assert r.exit_code in (1, 2), (args, r.stderr)
    assert run("schema").exit_code == 0


def test_an_unexpected_error_is_one_line_in_a_real_process(tmp_path):
    """The last resort in ``main``: a bug shows one line and exit 70, not a traceback."""
    import subprocess

    code = ("import claimx.cli as c, typer\n"
            "@c.app.command('boom')\n"
            "def boom():\n    raise RuntimeError('kaput')\n"
            "c.main()\n")
    proc = subprocess.run([sys.executable, "-c", code, "boom"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 70
    assert "RuntimeError: kaput" in proc.stderr and "Traceback" not in proc.stderr


# ---- corpora record by record ----------------------------------------------------------------

def test_one_latin1_line_spoils_only_itself(tmp_path):
    p = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": "José Núñez said so."}, ensure_ascii=False).encode() for i in range(5)]
    lines[2] = json.dumps({"id": "a2", "text": "Café au lait."}, ensure_ascii=False).encode("utf-8").replace(
        "é".encode(), b"\xe9")
    p.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_path(p))
    notices = [i for i in items if isinstance(i, Notice)]
    arts = [i for i in items if isinstance(i, Article)]
    assert [str(n) for n in notices] == [f"{p}:3: not UTF-8 (byte 26 of the line): decoded as cp1252"]
    assert [a.text for a in arts] == ["José Núñez said so."] * 2 + ["Café au lait."] + ["José Núñez said so."] * 2


def test_a_line_no_encoding_fits_is_still_read(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_bytes(b'{"text": "ok one"}\n{"text": "odd \x81 byte"}\n{"text": "ok two"}\n')
    items = list(read_path(p))
    assert [a.text for a in items if isinstance(a, Article)] == ["ok one", "odd \x81 byte", "ok two"]
    assert [str(n) for n in items if isinstance(n, Notice)] == [
        f"{p}:2: not UTF-8 (byte 15 of the line): decoded as latin-1"]


def test_csv_rows_are_decoded_one_by_one(tmp_path):
    p = tmp_path / "c.csv"
    p.write_bytes(b"id,text\n1,Jos\xe9 said so.\n2,\"Mar\xc3\xada said\nso.\"\n")
    items = list(read_path(p))
    assert [a.text for a in items if isinstance(a, Article)] == ["José said so.", "María said\nso."]
    assert [n.line for n in items if isinstance(n, Notice)] == [2]


def test_a_csv_field_over_the_csv_limit_names_its_row_and_later_rows_are_read(tmp_path):
    import csv

    old = csv.field_size_limit()
    p = tmp_path / "c.csv"
    huge = "word " * (MAX_CHARS * 4 // 5 + 10)  # over the limit claimx used to set for the csv module
    p.write_text(f"id,text\n1,First one.\n2,\"{huge}\"\n3,\"Third\none.\"\n4,Fourth one.\n", encoding="utf-8")
    try:
        items = list(read_path(p))
    finally:
        csv.field_size_limit(old)
    errors = [i for i in items if isinstance(i, InputError)]
    assert [(e.line, e.message.split(" (")[0]) for e in errors] == [(3, "article too long")]
    arts = [i for i in items if isinstance(i, Article)]
    assert [(a.id, a.text) for a in arts] == [("1", "First one."), ("3", "Third\none."), ("4", "Fourth one.")]


def test_a_bad_csv_row_is_named_by_its_first_line_and_the_rest_read(tmp_path):
    p = tmp_path / "c.csv"
    p.write_bytes(b"id,text\n1,One.\n2,\"Two\nlines.\"\n3,\"  \n  \"\n4,Four.\n")
    items = list(read_path(p))
    assert [a.id for a in items if isinstance(a, Article)] == ["1", "2", "4"]
    assert [e.line for e in items if isinstance(e, InputError)] == [5]


# ---- globs -------------------------------------------------------------------------------------

def test_a_recursive_glob_enters_each_folder_once(tmp_path):
    root = tmp_path / "news"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "x.txt").write_text(GOOD)
    (root / "a" / "y.txt").write_text(GOOD)
    (root / "a" / "b" / "up").symlink_to(root)  # a loop
    (root / "twin").symlink_to(root / "a")  # a second name for a folder
    found = glob_once(f"{root}/**/*.txt")
    assert found == [f"{root}/a/b/x.txt", f"{root}/a/y.txt"]
    arts = [i for i in iter_articles([f"{root}/**/*.txt"]) if isinstance(i, Article)]
    assert len(arts) == 2


def test_a_glob_without_double_star_is_plain_glob(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.md").write_text("x")
    monkeypatch.chdir(tmp_path)
    assert glob_once("*.txt") == ["a.txt"]
    assert glob_once("**/*.txt") == ["a.txt"]
    assert glob_once("nothing/**/*.txt") == []


# ---- claimx's own output read back (claimx corpus DIR) ------------------------------------

def test_output_lines_are_read_one_by_one_and_bounded(tmp_path, seed_record, monkeypatch):
    import claimx.corpus.stores as outputs

    good = json.dumps(seed_record, ensure_ascii=False).encode()
    (tmp_path / "out.jsonl").write_bytes(good + b"\n" + b'{"schema": "claimx/1", "x": "caf\xe9"}\n'
                                         + b"[" * 5_000 + b"\n" + b" " * (len(good) + 20) + b"x\n"
                                         + good.replace(b"rubio-cbs", b"again") + b"\n")
    monkeypatch.setattr(outputs, "MAX_RECORD_BYTES", len(good) + 10)
    problems = []
    records = list(outputs.iter_records(tmp_path, problems.append))
    assert [r["article"]["id"] for r in records] == ["rubio-cbs", "again"]
    assert [(p.line, p.message.split(" (")[0]) for p in problems] == [
        (2, "not UTF-8"), (3, "not a claimx record"), (4, "line too large")]


def test_deeply_nested_json_in_a_corpus_is_one_bad_line(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"text": "One."}\n' + "[" * 100_000 + '\n{"text": "Two."}\n')
    items = list(read_path(p))
    assert [a.text for a in items if isinstance(a, Article)] == ["One.", "Two."]
    assert [(e.line, e.message) for e in items if isinstance(e, InputError)] == [
        (2, "not an article (JSON nested too deeply)")]


def test_a_cluster_range_of_a_corpus_is_decoded_line_by_line(tmp_path):
    """A partition reads part of a corpus on its own: the same line-by-line
    decoding, the bad line counted from the file's start."""
    from claimx.cluster.partitions import InputFile, count_range, plan, ranges, read_partition, resolve

    p = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": f"José number {i}."}, ensure_ascii=False).encode() for i in range(40)]
    lines[30] = lines[30].replace("é".encode(), b"\xe9")
    p.write_bytes(b"\n".join(lines) + b"\n")
    parts = plan([InputFile(str(p), str(p), p.stat().st_size)], 600)
    parts = resolve(parts, [count_range(piece) for piece in ranges(parts)])
    assert len(parts) > 2
    got = [item for part in parts for item in read_partition(part)]
    assert [(n.line, n.message.split(" (")[0]) for n in got if isinstance(n, Notice)] == [(31, "not UTF-8")]
    assert [a.text for a in got if isinstance(a, Article)] == [f"José number {i}." for i in range(40)]


def test_show_makes_control_characters_in_the_article_visible(tmp_path, cached_model):
    p = tmp_path / "a.txt"
    p.write_text("“We will win\x1b[2J this race,” Governor Jane Smith\x07 said on Monday.\x1b]0;x\x9b\n")
    r = run("show", p)
    assert r.exit_code == 0, r.stderr
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout and "\x9b" not in r.stdout
    assert "win␛[2J this race" in r.stdout and "Smith␇" in r.stdout and "␛]0;x�" in r.stdout
