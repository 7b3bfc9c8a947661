"""Web archives (claimx.read.warc): the pages of a WARC read as the same pages
saved as files are, records that are no article skipped and counted, the
archive cut on record boundaries for a cluster, the crawl date as the last
reference date, and the language hook."""

from __future__ import annotations

import datetime as dt
import json
import sys
import types
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from tests.warc_pages import page, url, write_pages, write_warc

pytest.importorskip("fastwarc", reason='WARC input needs FastWARC: pip install "claimx[warc]"')
pytest.importorskip("warcio", reason="the tests write archives with warcio (the test extra has it)")

runner = CliRunner()


def read(path: Path, **kw) -> tuple[list, Counter]:
    from claimx.read.warc import read_warc

    counts: Counter = Counter()
    items = list(read_warc(str(path), str(path), skipped=counts, **kw))
    return items, counts


def normalised(stdout: str) -> list[dict]:
    """Records without what names where an article was read from."""
    out = []
    for line in stdout.splitlines():
        rec = json.loads(line)
        rec["article"].pop("id")
        rec["article"].pop("source")
        out.append(rec)
    return out


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("warc")
    pages = write_pages(folder / "pages", 3)
    write_warc(folder / "crawl.warc.gz", [p.read_text(encoding="utf-8") for p in pages])
    return folder


@pytest.mark.parametrize("gzip", [True, False])
def test_pages_are_articles_and_the_other_records_are_counted(tmp_path, gzip):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    write_warc(path, [page(i) for i in range(3)], gzip=gzip)
    items, counts = read(path)
    assert [a.url for a in items] == [url(i) for i in range(3)]
    assert all(a.id.startswith("urn:uuid:") and a.crawled == "2025-08-03" and a.published == "2025-08-02"
               for a in items)
    assert counts == Counter({"pages": 3, "request": 3, "warcinfo": 1, "metadata": 1, "revisit": 1, "not-html": 1,
                              "http-error": 1, "no-text": 1})


def test_a_local_run_names_the_counts_in_one_line(archive):
    from claimx.read.warc import read_warc

    notices = [x for x in read_warc(str(archive / "crawl.warc.gz"), "crawl.warc.gz") if not hasattr(x, "text")]
    assert [str(n) for n in notices] == [
        "crawl.warc.gz: 3 HTML pages read as articles; 9 records skipped: 3 request, 1 metadata, 1 revisit, "
        "1 warcinfo, 1 http-error, 1 not-html, 1 no-text"]


def test_not_a_warc_is_one_error(tmp_path):
    bad = tmp_path / "broken.warc.gz"
    bad.write_bytes(b"this is not an archive\n" * 10)
    items, counts = read(bad)
    assert len(items) == 1 and str(items[0]).startswith(f"{bad}: not a readable WARC file") and not counts


def test_an_empty_archive_is_one_error_line_and_the_other_inputs_are_read(tmp_path):
    (tmp_path / "empty.warc.gz").write_bytes(b"")
    write_warc(tmp_path / "good.warc.gz", [page(0)], extras=False)
    r = runner.invoke(app, ["extract", str(tmp_path / "empty.warc.gz"), str(tmp_path / "good.warc.gz"), "-f", "jsonl"])
    assert r.exit_code == 1 and len(r.stdout.splitlines()) == 1
    assert [line for line in r.stderr.splitlines() if line.startswith("error:")] == [
        f"error: {tmp_path / 'empty.warc.gz'}: empty file: there is no web archive to read"]


def _last_record_start(path: Path) -> int:
    from fastwarc import warc

    with path.open("rb") as fh:
        return [rec.stream_pos for rec in warc.ArchiveIterator(fh, parse_http=False)][-1]


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("where", ["in its header", "in its body", "before its end"])
def test_a_truncated_archive_is_an_error_and_the_records_before_are_kept(tmp_path, gzip, where):
    whole = tmp_path / ("whole.warc.gz" if gzip else "whole.warc")
    write_warc(whole, [page(i) for i in range(3)], extras=False, gzip=gzip)
    data = whole.read_bytes()
    last = _last_record_start(whole)
    cut = {"in its header": last + 20, "in its body": (last + len(data)) // 2, "before its end": len(data) - 3}[where]
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(data[:cut])
    items, counts = read(path)
    assert [a.url for a in items[:-1]] == [url(0), url(1)]
    assert str(items[-1]) == f"{path}: truncated or corrupt archive: it ends in a record cut short " \
                             "(the records before it were read)"
    assert counts == Counter({"pages": 2, "request": 3})  # the broken record is not counted as a page without text
    r = runner.invoke(app, ["extract", str(path), "-f", "jsonl"])
    assert r.exit_code == 1 and [json.loads(x)["article"]["url"] for x in r.stdout.splitlines()] == [url(0), url(1)]
    assert f"error: {path}: truncated or corrupt archive" in r.stderr
    items, counts = read(whole)
    assert hasattr(items[-1], "text") and counts == Counter({"pages": 3, "request": 3})  # the whole one is no error


def test_the_count_line_is_a_plain_notice_with_plurals_and_quiet_silences_it(tmp_path):
    one = tmp_path / "one.warc.gz"
    write_warc(one, [page(0)], extras=False)
    r = runner.invoke(app, ["extract", str(one), "-f", "jsonl"])
    assert r.exit_code == 0 and r.stderr.splitlines() == [f"{one}: 1 HTML page read as an article; 1 record skipped: "
                                                           "1 request"]
    assert runner.invoke(app, ["extract", str(one), "-f", "jsonl", "-q"]).stderr == ""
    none = tmp_path / "none.warc.gz"
    write_warc(none, ["<html><body></body></html>"], extras=False)  # no article text: no page read is a warning
    r = runner.invoke(app, ["extract", str(none), "-f", "jsonl"])
    assert r.stderr.startswith(f"warning: {none}: 0 HTML pages read as articles; 2 records skipped")


@pytest.mark.parametrize("gzip", [True, False])
def test_record_start_finds_the_next_record_from_any_byte(tmp_path, gzip):
    from fastwarc.warc import ArchiveIterator

    from claimx.read.warc import record_start

    path = tmp_path / ("a.warc.gz" if gzip else "a.warc")
    write_warc(path, [page(i) for i in range(3)], gzip=gzip)
    with path.open("rb") as fh:
        starts = [r.stream_pos for r in ArchiveIterator(fh, parse_http=False)]
    size = path.stat().st_size
    assert len(starts) == 12
    with path.open("rb") as fh:
        for pos in range(0, size + 1, 13):
            assert record_start(fh, pos, size, gzip) == min([s for s in starts if s >= pos] or [size]), pos


@pytest.mark.parametrize("gzip", [True, False])
def test_ranges_read_every_record_once(tmp_path, gzip):
    """However the archive is cut, the ranges together read each page once, in order."""
    path = tmp_path / ("a.warc.gz" if gzip else "a.warc")
    write_warc(path, [page(i) for i in range(3)], gzip=gzip)
    whole, total = read(path)
    size = path.stat().st_size
    for n in (2, 3, 7):
        cuts = [size * k // n for k in range(n + 1)]
        items: list = []
        counts: Counter = Counter()
        for a, b in zip(cuts, cuts[1:], strict=False):
            got, c = read(path, start=a, end=b)
            items += got
            counts += c
        assert [x.id for x in items] == [x.id for x in whole] and counts == total, n


def test_plan_cuts_a_large_archive_and_reads_ranges(tmp_path):
    from claimx.cluster.partitions import list_inputs, plan, ranges, read_partition

    path = tmp_path / "a.warc.gz"
    write_warc(path, [page(i) for i in range(3)])
    files = list(list_inputs([str(tmp_path)]))
    parts = plan(files, 1000)
    assert len(parts) > 3 and all(p.pieces[0].end is not None for p in parts)
    assert ranges(parts) == []  # no line breaks to count in an archive
    got = [a.url for part in parts for a in read_partition(part)]
    assert got == [url(i) for i in range(3)]


def test_the_crawl_date_is_the_last_reference_date():
    from claimx.pipeline.extract import reference_date
    from claimx.read.inputs import Article

    text = "The minister said the plan was late."
    crawled = Article("x", "s", text, crawled="2025-08-03")
    assert reference_date(crawled, None) == (dt.date(2025, 8, 3), "warc-date")
    assert reference_date(Article("x", "s", text, published="2025-07-30", crawled="2025-08-03"), None) == (
        dt.date(2025, 7, 30), "metadata")
    assert reference_date(crawled, dt.date(2025, 1, 1)) == (dt.date(2025, 1, 1), "option")
    # a dateline without a year is dated by the crawl, not by today
    wire = Article("x", "s", "WASHINGTON, Aug. 17 (Reuters) - The minister said the plan was late.",
                   crawled="2019-09-01")
    assert reference_date(wire, None) == (dt.date(2019, 8, 17), "dateline")
    assert reference_date(Article("x", "s", text), None, today=dt.date(2025, 8, 3)) == (None, None)


def test_non_english_pages_are_counted_not_read(tmp_path, monkeypatch):
    """The language check of claimx.read.language (issue 25), through its lazy import."""
    french = ["« Nous finirons le pont avant mars », a déclaré la gouverneure Jane Smith lundi.",
              "Les critiques ont dit que le projet était en retard et que les entreprises avaient été prévenues."]
    path = tmp_path / "a.warc.gz"
    write_warc(path, [page(0), page(1, french), page(2)], extras=False)
    items, counts = read(path)  # claimx.read.language's own check
    assert [a.url for a in items] == [url(0), url(2)] and counts["not-english"] == 1
    assert [a.language for a in items] == ["en", "en"]  # kept: extract does not identify it again
    monkeypatch.setitem(sys.modules, "claimx.read.language", None)  # a claimx without it: every page is English
    items, counts = read(path)
    assert len(items) == 3 and "not-english" not in counts
    assert [a.language for a in items] == [None, None, None]
    monkeypatch.setitem(sys.modules, "claimx.read.language",
                        types.SimpleNamespace(identify=lambda text: ("fr" if " le " in text else "en", 0.99)))
    items, counts = read(path)
    assert [a.url for a in items] == [url(0), url(2)]
    assert counts == Counter({"pages": 2, "request": 3, "not-english": 1})


FRENCH = ["« Nous finirons le pont avant mars », a déclaré la gouverneure Jane Smith lundi.",
          "Les critiques ont dit que le projet était en retard et que les entreprises avaient été prévenues."]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """An archive of an English page, a French one and another English one."""
    path = tmp_path_factory.mktemp("mixed") / "mixed.warc.gz"
    write_warc(path, [page(0), page(1, FRENCH), page(2)], extras=False)
    return path


def test_any_language_keeps_the_pages_not_in_english(mixed):
    from claimx.read.sources import iter_articles, read_file

    items, counts = read(mixed, any_language=True)
    assert [a.url for a in items] == [url(i) for i in range(3)] and "not-english" not in counts
    for found in (list(read_file(mixed, any_language=True)), list(iter_articles([str(mixed)], any_language=True))):
        assert [a.url for a in found if hasattr(a, "text")] == [url(i) for i in range(3)]
    assert [a.url for a in iter_articles([str(mixed)]) if hasattr(a, "text")] == [url(0), url(2)]


def test_a_local_run_with_any_language_extracts_the_page_not_in_english(mixed):
    default = runner.invoke(app, ["extract", str(mixed), "-f", "jsonl"])
    anyway = runner.invoke(app, ["extract", str(mixed), "-f", "jsonl", "--any-language"])
    assert default.exit_code == anyway.exit_code == 0, anyway.stderr
    assert [json.loads(x)["article"]["url"] for x in default.stdout.splitlines()] == [url(0), url(2)]
    assert "1 not-english" in default.stderr and "not-english" not in anyway.stderr
    records = [json.loads(x) for x in anyway.stdout.splitlines()]
    assert [r["article"]["url"] for r in records] == [url(i) for i in range(3)]
    assert records[1]["article"]["language"] == "fr" and "not in English" not in anyway.stderr  # parsed, not unread


def test_a_cluster_partition_with_any_language_extracts_the_page_not_in_english(mixed, tmp_path):
    """The worker's task (claimx.cluster.run.extract_partition) as the cluster
    runs it, with the options --any-language gives."""
    from claimx.cluster.partitions import list_inputs, plan, read_partition
    from claimx.cluster.run import Options, extract_partition

    (part,) = plan(list(list_inputs([str(mixed)])), 1 << 20)
    assert [a.url for a in read_partition(part, Counter(), any_language=True)] == [url(i) for i in range(3)]
    for any_language, urls, counts in ((False, [url(0), url(2)], {"not-english": 1, "pages": 2, "request": 3}),
                                       (True, [url(i) for i in range(3)], {"pages": 3, "request": 3})):
        out = tmp_path / str(any_language)
        note = extract_partition(part, "fp", str(out), Options(any_language=any_language))
        records = [json.loads(x) for x in (out / f"{part.name}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert [r["article"]["url"] for r in records] == urls and note["warc_records"] == counts


@pytest.fixture(scope="module")
def as_files(archive):
    """The local run of the same pages as .html files."""
    return runner.invoke(app, ["extract", str(archive / "pages"), "-f", "jsonl"])


def test_a_local_run_reads_the_archive_as_it_reads_the_pages(archive, as_files):
    files = as_files
    warc = runner.invoke(app, ["extract", str(archive / "crawl.warc.gz"), "-f", "jsonl"])
    assert files.exit_code == warc.exit_code == 0, warc.stderr
    assert normalised(warc.stdout) == normalised(files.stdout) and len(normalised(files.stdout)) == 3
    assert all(json.loads(line)["article"]["id"].startswith("urn:uuid:") for line in warc.stdout.splitlines())
    assert "3 HTML pages read as articles; 9 records skipped" in warc.stderr


@pytest.mark.cluster
def test_a_local_cluster_reads_the_archive_in_ranges(archive, as_files, tmp_path):
    pytest.importorskip("distributed")
    local = runner.invoke(app, ["extract", str(archive / "crawl.warc.gz"), "-f", "jsonl", "-q"])
    r = runner.invoke(app, ["extract", str(archive / "crawl.warc.gz"), "--scheduler", "local:2", "--partition-size",
                            "1000", "-o", f"{tmp_path}/out/", "-q"])
    assert r.exit_code == local.exit_code == 0, r.stderr
    out = tmp_path / "out"
    parts = "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("part-*.jsonl")))
    assert parts == local.stdout and normalised(parts) == normalised(as_files.stdout)
    manifest = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["partitions"]) > 3 and manifest["articles"] == 3
    assert manifest["warc_records"] == {"http-error": 1, "metadata": 1, "no-text": 1, "not-html": 1, "pages": 3,
                                        "request": 3, "revisit": 1, "warcinfo": 1}
    per_part = Counter()
    for p in manifest["partitions"]:
        per_part.update(p.get("warc_records", {}))
    assert per_part == Counter(manifest["warc_records"])


@pytest.mark.cluster
def test_a_local_cluster_with_any_language_extracts_the_page_not_in_english(mixed, tmp_path):
    pytest.importorskip("distributed")
    r = runner.invoke(app, ["extract", str(mixed), "--scheduler", "local:1", "--any-language", "-o", f"{tmp_path}/out/",
                            "-q"])
    assert r.exit_code == 0, r.stderr
    records = [json.loads(x) for p in sorted((tmp_path / "out").glob("part-*.jsonl"))
               for x in p.read_text(encoding="utf-8").splitlines()]
    assert [rec["article"]["url"] for rec in records] == [url(i) for i in range(3)]
    manifest = json.loads((tmp_path / "out" / "_manifest.json").read_text(encoding="utf-8"))
    assert manifest["warc_records"] == {"pages": 3, "request": 3}


def test_without_fastwarc_each_archive_is_one_error_line(tmp_path, monkeypatch):
    write_warc(tmp_path / "a.warc.gz", [page(0)], extras=False)
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    r = runner.invoke(app, ["extract", str(tmp_path / "a.warc.gz"), "-f", "jsonl"])
    assert r.exit_code == 1 and r.stdout == ""
    assert f'error: {tmp_path / "a.warc.gz"}: WARC input needs FastWARC: pip install "claimx[warc]"' in r.stderr


class _NoCredentialsError(Exception):
    """Stands for botocore's, which is no OSError (matched by its name)."""


_NoCredentialsError.__name__ = "NoCredentialsError"


@pytest.mark.parametrize(("exc", "says"), [
    (_NoCredentialsError("Unable to locate credentials"), "no credentials for this storage: set AWS_ACCESS_KEY_ID"),
    (ImportError("Install s3fs to access S3"), "reading s3:// needs s3fs: pip install 'claimx[s3]'"),
    (PermissionError("Forbidden"), "access denied: Forbidden"),
    (FileNotFoundError("s3://b/x.warc"), "no such file or directory"),
    (ValueError("odd"), "cannot read: odd"),
])
def test_a_remote_file_that_cannot_be_read_says_why(exc, says):
    from claimx.read.warc import remote_problem

    assert remote_problem(exc).startswith(says)


@pytest.fixture
def fresh_s3():
    """s3fs keeps the file systems it made (and their credentials) per
    process: the one made without credentials must not serve later tests."""
    s3fs = pytest.importorskip("s3fs")
    s3fs.S3FileSystem.clear_instance_cache()
    yield
    s3fs.S3FileSystem.clear_instance_cache()


def test_a_remote_archive_without_credentials_is_one_error_line(monkeypatch, fresh_s3):
    for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent/config")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    r = CliRunner().invoke(app, ["extract", "s3://claimx-no-such-bucket/crawl.warc.gz"])
    assert r.exit_code == 1
    assert "s3://claimx-no-such-bucket/crawl.warc.gz: no credentials for this storage" in r.stderr
    assert "unexpectedly" not in r.stderr


def test_a_remote_folder_on_a_local_run_says_what_is_read(tmp_path):
    (tmp_path / "a.txt").write_text("Smith said the plan was good.\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["extract", "s3://bucket/articles/", str(tmp_path / "a.txt"), "-f", "jsonl"])
    assert r.exit_code == 1
    assert "s3://bucket/articles/: a local run reads web archives" in r.stderr
    assert len(r.stdout.splitlines()) == 1  # the other input is extracted


def _legacy_warc(path: Path, pages: list[tuple[bytes, str]]) -> None:
    """An archive of pages in other encodings than UTF-8: (body, Content-Type) each."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, (body, ctype) in enumerate(pages):
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url(i), "response", payload=io.BytesIO(body), http_headers=http))


def test_the_charset_the_server_named_decodes_the_page(tmp_path):
    """As a fetched page's (tests/test_urls.py): the HTTP charset first; a
    wrong name is ignored and the encoding detected."""
    html = page(0).replace('<meta charset="utf-8">', "").replace("Bridge delay 0", "Café on the bridge")
    html = html.replace("“", '"').replace("”", '"').replace("©", "(c)")  # latin-1 has no curly quotes
    path = tmp_path / "legacy.warc.gz"
    _legacy_warc(path, [(html.encode("cp1252"), "text/html; charset=windows-1252"),
                        (html.encode("latin-1"), "text/html; charset=ISO_8859-1"),
                        (html.encode("cp1252"), "text/html; charset=no-such-charset")])
    items, _ = read(path)
    assert [a.title for a in items] == ["Café on the bridge"] * 3


@pytest.mark.parametrize(("body", "charset", "expected"), [
    ("Café".encode("cp1252"), "windows-1252", "Café".encode()),
    ("Café".encode("latin-1"), "ISO_8859-1", "Café".encode()),  # any spelling Python knows
    ("Café".encode(), "UTF_8", "Café".encode()),  # UTF-8 is left to decode (a BOM is dropped there)
    (b"\xef\xbb\xbfCaf\xc3\xa9", "utf-8", b"\xef\xbb\xbfCaf\xc3\xa9"),
    (b"Caf\xe9", None, b"Caf\xe9"),  # no charset named: detected later
    (b"Caf\xe9", "", b"Caf\xe9"),
    (b"Caf\xe9", "no-such-charset", b"Caf\xe9"),  # a wrong name: detected later
    (b"Caf\xe9", "ascii", b"Caf\xe9"),  # a name that does not decode it: detected later
])
def test_as_utf8(body, charset, expected):
    from claimx.read.inputs import as_utf8

    assert as_utf8(body, charset) == expected
