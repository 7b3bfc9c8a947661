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
    monkeypatch.setitem(sys.modules, "claimx.read.language", None)  # a claimx without it: every page is English
    items, counts = read(path)
    assert len(items) == 3 and "not-english" not in counts
    monkeypatch.setitem(sys.modules, "claimx.read.language",
                        types.SimpleNamespace(is_english=lambda text: " le " not in text))
    items, counts = read(path)
    assert [a.url for a in items] == [url(0), url(2)]
    assert counts == Counter({"pages": 2, "request": 3, "not-english": 1})


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


def test_without_fastwarc_each_archive_is_one_error_line(tmp_path, monkeypatch):
    write_warc(tmp_path / "a.warc.gz", [page(0)], extras=False)
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    r = runner.invoke(app, ["extract", str(tmp_path / "a.warc.gz"), "-f", "jsonl"])
    assert r.exit_code == 1 and r.stdout == ""
    assert f'error: {tmp_path / "a.warc.gz"}: WARC input needs FastWARC: pip install "claimx[warc]"' in r.stderr
