"""A Dask LocalCluster of 2 workers against local ``--workers 2`` on the same
articles, as whole processes (start-up and model loading included on both
sides), and the cost of one partition on a warm cluster.

    python benchmarks/cluster.py ../shared/corpora/polnear/train/text --limit 300 [--repeat 2] [--memory 50]
    python benchmarks/cluster.py ../shared/corpora/polnear/train/text --limit 300 --warc [--repeat 2]

Prints the seconds and words/s of both runs, their ratio (the issue's target:
cluster >= 0.9 x local), the per-partition overhead, and what a million
articles would take from the measured per-core throughput. Needs
``claimx[dask]``.

With ``--warc`` the same articles are written as news pages, once as a
folder of ``.html`` files and once as one ``.warc.gz`` (a request and a
response record per page, as a crawl writes them; needs ``claimx[warc]`` and
warcio), and the two ``--scheduler local:2`` runs are compared (the issue's
target: WARC within 10% of the files' throughput per core); the million
articles are then estimated from the WARC run. It also times the two WARC
readers, FastWARC and warcio, reading the archive. Not a test: on a shared machine read the ratio, and run it
twice when a figure looks odd.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import corpus, measure  # noqa: E402  (the sibling script: same corpus copy, same timing wrapper)

TINY = "“Yes,” Ann Lee said.\n"


def partition_overhead(tmp: Path, n: int) -> tuple[float, float, float]:
    """Seconds per partition beyond its articles' work: ``n`` one-line
    articles as ``n`` partitions and as one, on the same warm 1-worker cluster."""
    from distributed import LocalCluster

    from claimx.cluster.run import Options, run

    src = tmp / "tiny"
    src.mkdir()
    for i in range(n):
        (src / f"{i:04d}.txt").write_text(TINY, encoding="utf-8")
    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address="127.0.0.1:0",
                      silence_logs=logging.ERROR) as cluster:
        address = cluster.scheduler_address
        run([str(src / "0000.txt")], tmp / "warm", address, Options())  # the worker loads the model
        t = time.perf_counter()
        run([str(src)], tmp / "many", address, Options(), partition_size=1)
        many = time.perf_counter() - t
        t = time.perf_counter()
        run([str(src)], tmp / "one", address, Options())
        one = time.perf_counter() - t
    assert len(list((tmp / "many").glob("part-*.jsonl"))) == n and len(list((tmp / "one").glob("part-*.jsonl"))) == 1
    return many, one, (many - one) / (n - 1)


def news_pages(texts: Path, tmp: Path, n: int) -> tuple[Path, Path, int]:
    """The first ``n`` articles as news pages (paragraphs, a title and a date
    in the metadata): a folder of .html files and one .warc.gz of the same
    pages; returns both and the word count."""
    import html
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    words = corpus(texts, tmp / "texts", n)
    pages, archive = tmp / "pages", tmp / "crawl.warc.gz"
    pages.mkdir()
    with archive.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for f in sorted((tmp / "texts").glob("*.txt")):
            paras = [p.strip() for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
            url = f"https://news.example.org/{f.stem}.html"
            body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
            page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story {f.stem}</title>'
                    f'<meta property="article:published_time" content="2016-10-01T09:00:00Z">'
                    f'<link rel="canonical" href="{url}"></head><body><article>{body}</article></body></html>')
            (pages / f"{f.stem}.html").write_text(page, encoding="utf-8")
            data = page.encode("utf-8")
            req = StatusAndHeaders(f"GET /{f.stem}.html HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", http_headers=req))
            resp = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(data)))], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(data), http_headers=resp))
    return pages, archive, words


def warc_readers(archive: Path, repeat: int = 3) -> dict[str, float]:
    """CPU seconds (best of ``repeat``) to read every response's payload, by reader."""
    from fastwarc.warc import ArchiveIterator as FastIterator
    from fastwarc.warc import WarcRecordType
    from warcio.archiveiterator import ArchiveIterator as WarcioIterator

    def fastwarc() -> int:
        with archive.open("rb") as fh:
            return sum(len(r.reader.read()) for r in FastIterator(fh, record_types=WarcRecordType.response))

    def warcio() -> int:
        with archive.open("rb") as fh:
            return sum(len(r.content_stream().read()) for r in WarcioIterator(fh) if r.rec_type == "response")

    best = {}
    for name, read in (("FastWARC", fastwarc), ("warcio", warcio)):
        times = []
        for _ in range(repeat):
            t = time.process_time()
            read()
            times.append(time.process_time() - t)
        best[name] = min(times)
    return best


def warc_mode(claimx: str, args, tmp: Path) -> None:
    """Pages as files against the same pages in one WARC, both on ``local:2``."""
    pages, archive, words = news_pages(args.texts, tmp, args.limit)
    print(f"{args.limit} pages, {words:,} words ({sum(p.stat().st_size for p in pages.iterdir()) / 1e6:.1f} MB of "
          f"HTML; the WARC {archive.stat().st_size / 1e6:.1f} MB); {os.cpu_count()} cores, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    readers = warc_readers(archive)
    print("  reading the WARC: " + ", ".join(f"{k} {v * 1000:.0f} ms CPU" for k, v in readers.items())
          + f" ({readers['warcio'] / max(readers['FastWARC'], 1e-9):.1f}x)")
    runs = {"pages as .html files": pages, "the same pages in a .warc.gz": archive}
    ratios, warc_walls = [], []
    for _ in range(args.repeat):
        res = {}
        for name, src in runs.items():
            out = tmp / "out"
            shutil.rmtree(out, ignore_errors=True)
            res[name] = r = measure([claimx, "extract", str(src), "--scheduler", "local:2", "-o", str(out), "-q"])
            manifest = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
            print(f"  {name:30s} {r['wall']:7.1f} s  {words / r['wall'] / 2:8,.0f} words/s a core "
                  f"({manifest['articles']} articles, {len(manifest['partitions'])} partitions)")
        files, warc = res["pages as .html files"]["wall"], res["the same pages in a .warc.gz"]["wall"]
        ratios.append(files / warc)
        warc_walls.append(warc)
        print(f"  WARC / files throughput: {files / warc:.2f}  (target 0.90-1.10)")
    per_core = words / min(warc_walls) / 2
    avg = words / args.limit
    core_hours = 1_000_000 * avg / per_core / 3600
    print(f"  from WARC, per core: {per_core:,.0f} words/s ({per_core / avg:.2f} pages/s of {avg:.0f} words); "
          f"one million such pages: {core_hours:.0f} core-hours, {core_hours / 64:.1f} h on 64 cores")


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_memory(tmp: Path, texts: Path, n: int, times: int) -> tuple[float, float]:
    """A worker's peak memory after ``n`` articles, then after the same
    articles ``times`` over (ru_maxrss only grows: equal means flat)."""
    from distributed import Client, LocalCluster

    from claimx.cluster.run import Options, run

    corpus(texts, tmp / "m1", n)
    corpus(tmp / "m1", tmp / "mx", n * times)
    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address="127.0.0.1:0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        run([str(tmp / "m1")], tmp / "o1", cluster.scheduler_address, Options())
        small = next(iter(client.run(_peak_mb).values()))
        run([str(tmp / "mx")], tmp / "ox", cluster.scheduler_address, Options())
        large = next(iter(client.run(_peak_mb).values()))
    return small, large


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts", type=Path, help="a folder of .txt articles")
    ap.add_argument("--limit", type=int, default=300, help="articles for the speed runs")
    ap.add_argument("--tiny", type=int, default=100, help="one-line partitions for the overhead measure")
    ap.add_argument("--repeat", type=int, default=1, help="pairs of runs (local, cluster), one after the other")
    ap.add_argument("--warc", action="store_true", help="compare the pages as files with the same pages in a WARC")
    ap.add_argument("--memory", type=int, default=0, metavar="N",
                    help="also a worker's peak memory after N articles and after the same N three times over")
    args = ap.parse_args()
    claimx = shutil.which("claimx") or sys.exit("claimx is not installed (pip install -e .)")
    try:
        import distributed  # noqa: F401
    except ImportError:
        sys.exit('needs Dask: pip install "claimx[dask]"')

    began = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="claimx-cluster-bench-"))
    if args.warc:
        try:
            warc_mode(claimx, args, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
            print(f"(benchmark took {time.perf_counter() - began:.0f} s)")
        return
    try:
        words = corpus(args.texts, tmp / "speed", args.limit)
        print(f"{args.limit} articles, {words:,} words; {os.cpu_count()} cores, load average "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        runs = {
            "local --workers 2": [claimx, "extract", str(tmp / "speed"), "-f", "jsonl", "-q", "--workers", "2"],
            "LocalCluster, 2 workers": [claimx, "extract", str(tmp / "speed"), "--scheduler", "local:2",
                                        "-o", str(tmp / "out"), "-q"],
        }
        ratios, dists = [], []
        for _ in range(args.repeat):  # pairs, one after the other: the machine's load drifts
            shutil.rmtree(tmp / "out", ignore_errors=True)
            res = {}
            for name, cmd in runs.items():
                res[name] = r = measure(cmd)
                print(f"  {name:24s} {r['wall']:7.1f} s  {words / r['wall']:8,.0f} words/s")
            manifest = json.loads((tmp / "out" / "_manifest.json").read_text(encoding="utf-8"))
            local, dist = res["local --workers 2"]["wall"], res["LocalCluster, 2 workers"]["wall"]
            ratios.append(local / dist)
            dists.append(dist)
            print(f"  cluster / local speed: {local / dist:.2f}  (target >= 0.90; {len(manifest['partitions'])} partitions)")
        dist = min(dists)
        many, one, per = partition_overhead(tmp, args.tiny)
        if len(ratios) > 1:
            print(f"  ratios: {', '.join(f'{x:.2f}' for x in ratios)}")
        print(f"  {args.tiny} one-line articles on a warm 1-worker cluster: {many:.2f} s as {args.tiny} partitions, "
              f"{one:.2f} s as one -> {per * 1000:.0f} ms per partition")
        if args.memory:
            small, large = worker_memory(tmp, args.texts, args.memory, 3)
            print(f"  a worker's peak memory, {args.memory} articles x3 / x1: {large / small:.2f} "
                  f"({large:.0f} / {small:.0f} MB)")
        per_core = words / dist / 2
        avg = words / args.limit
        core_hours = 1_000_000 * avg / per_core / 3600
        print(f"  per core: {per_core:,.0f} words/s ({per_core / avg:.2f} articles/s of {avg:.0f} words); "
              f"one million such articles: {core_hours:.0f} core-hours, {core_hours / 64:.1f} h on 64 cores")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"(benchmark took {time.perf_counter() - began:.0f} s)")


if __name__ == "__main__":
    main()
