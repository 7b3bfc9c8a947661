"""claimx on a Dask cluster: the same records as a local run byte for byte,
the manifest, resume, Parquet, and a worker killed mid-run costing no
article. Dask worker processes each load the spaCy model, so the corpora
are a dozen short articles written here."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app

runner = CliRunner()
HAS_DASK = importlib.util.find_spec("distributed") is not None
needs_dask = pytest.mark.skipif(not HAS_DASK, reason='needs Dask: pip install "claimx[dask]" (the test extra has it)')
on_cluster = [pytest.mark.cluster, needs_dask]

PEOPLE = [("Jane Smith", "Governor"), ("John Doe", "Senator"), ("Mary Major", "Mayor"), ("Ali Khan", "Minister"),
          ("Ruth Bader", "Judge"), ("Omar Diaz", "Chairman")]


def article(i: int) -> str:
    name, title = PEOPLE[i % len(PEOPLE)]
    surname = name.split()[1]
    return (f"“We will finish the bridge by March,” {title} {name} said on Monday.\n\n"
            f"{surname} told reporters that the budget for item {i} had grown. “Nobody wanted this delay,” "
            f"{surname} added, noting that work began in 2021.\n\nCritics said the plan was late.\n")


def write_corpus(folder: Path, n_txt: int, n_jsonl: int) -> Path:
    folder.mkdir(parents=True)
    for i in range(n_txt):
        (folder / f"t{i:02d}.txt").write_text(article(i), encoding="utf-8")
    if n_jsonl:
        lines = [json.dumps({"id": f"j{i}", "text": article(100 + i)} if i % 2 else {"text": article(100 + i)},
                            ensure_ascii=False) for i in range(n_jsonl)]
        lines.insert(2, "{not json")
        lines.insert(4, json.dumps({"id": "empty", "text": " "}))
        (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def local_run(corpus: Path, *args: str):
    r = runner.invoke(app, ["extract", str(corpus), "-f", "jsonl", *args])
    return r.exit_code, r.stdout, r.stderr


def parts_text(out: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("part-*.jsonl")))


def error_lines(stderr: str) -> set[str]:
    return {line for line in stderr.splitlines() if line.startswith("error:")}


# ---- without a cluster --------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("local:3", ("local", 3)), ("local", ("local", os.cpu_count() or 1)), ("tcp://10.0.0.5:8786", ("address", None)),
     ("10.0.0.5:8786", ("address", None)), ("/shared/scheduler.json", ("file", None)), ("localhost:8786", ("address", None))],
)
def test_parse_scheduler(value, expected):
    from claimx.cluster.run import parse_scheduler

    assert parse_scheduler(value) == expected


def test_parse_scheduler_rejects_zero_workers():
    from claimx.cluster.run import ClusterError, parse_scheduler

    with pytest.raises(ClusterError, match="at least 1"):
        parse_scheduler("local:0")


def test_without_dask_one_line_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    (tmp_path / "a.txt").write_text(article(0), encoding="utf-8")
    r = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--scheduler", "local:1", "-o", str(tmp_path / "out")])
    assert r.exit_code == 2
    assert r.stderr.strip() == 'error: claimx --scheduler needs Dask: pip install "claimx[dask]"'


@pytest.mark.parametrize(
    ("args", "message"),
    [(["-f", "csv", "-o", "out/"], "with --scheduler the output is jsonl or parquet, not csv"),
     ([], "with --scheduler, give the output folder with -o DIR/"),
     (["-o", "out/", "--partition-size", "lots"], "'lots' is not a size like 4MB or 500kB")],
)
def test_usage_errors(tmp_path, args, message):
    if "--partition-size" in args and not HAS_DASK:
        pytest.skip("the size is read by Dask")
    (tmp_path / "a.txt").write_text(article(0), encoding="utf-8")
    r = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--scheduler", "local:1", *args])
    assert r.exit_code == 2 and message in r.stderr


# ---- a LocalCluster shared by the tests (two worker processes) ---------------


@pytest.fixture(scope="module")
def scheduler():
    if not HAS_DASK:
        pytest.skip("needs Dask")
    import logging

    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
                      silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("cluster") / "corpus", n_txt=4, n_jsonl=6)


@pytest.fixture(scope="module")
def local(corpus):
    return local_run(corpus)


@pytest.fixture(scope="module")
def first_run(scheduler, corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("cluster-out") / "out"
    r = runner.invoke(app, ["extract", str(corpus), "--scheduler", scheduler, "--partition-size", "900", "-o", f"{out}/"])
    return out, r


@pytest.mark.cluster
@needs_dask
def test_same_bytes_exit_code_and_errors_as_a_local_run(first_run, local):
    out, r = first_run
    code, stdout, stderr = local
    assert code == 1 and r.exit_code == code, r.stderr
    assert parts_text(out) == stdout  # the parts, in order, are the local output byte for byte
    assert error_lines(r.stderr) == error_lines(stderr) and len(error_lines(stderr)) == 2
    assert not [p for p in out.rglob(".*.tmp")]


@pytest.mark.cluster
@needs_dask
def test_manifest(first_run, local, corpus):
    out, _ = first_run
    _, stdout, _ = local
    records = [json.loads(line) for line in stdout.splitlines()]
    manifest = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is True and manifest["schema"] == "claimx-manifest/1"
    assert manifest["articles"] == len(records) == 10
    assert manifest["quotes"] == sum(len(rec["quotes"]) for rec in records)
    src = str(corpus / "news.jsonl")
    assert manifest["failed"] == [
        {"source": src, "line": 3, "message": "not valid JSON (Expecting property name enclosed in double quotes at column 2)"},
        {"source": src, "line": 5, "message": "empty article: there is no text to extract from"},
    ]
    parts = manifest["partitions"]
    assert len(parts) >= 4 and [p["name"] for p in parts] == [f"part-{i:05d}" for i in range(len(parts))]
    assert sorted(f for p in parts for f in p["files"]) == sorted(p.name for p in out.glob("part-*.jsonl"))
    assert sum(p["articles"] for p in parts) == 10 and sum(p["failed"] for p in parts) == 2
    assert any(i["source"] == src and i["start"] > 0 for p in parts for i in p["inputs"])  # the corpus was cut


@pytest.mark.cluster
@needs_dask
def test_model_loaded_once_per_worker(first_run, scheduler):
    from distributed import Client

    from claimx.cluster.run import models_loaded

    out, _ = first_run
    with Client(scheduler) as client:
        loaded = client.run(models_loaded)
    n_parts = len(list(out.glob("part-*.jsonl")))
    assert n_parts > len(loaded) and sorted(loaded.values()) in ([1, 1], [0, 1])


@pytest.mark.cluster
@needs_dask
def test_rerun_skips_complete_partitions(first_run, corpus, scheduler):
    out, _ = first_run
    manifest = (out / "_manifest.json").read_bytes()
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("part-*.jsonl")}
    args = ["extract", str(corpus), "--scheduler", scheduler, "--partition-size", "900", "-o", f"{out}/"]
    again = runner.invoke(app, args)
    assert again.exit_code == 1 and f"{len(stamps)} reused from an earlier run" in again.stderr
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("part-*.jsonl")} == stamps
    assert (out / "_manifest.json").read_bytes() == manifest
    # an interrupted run: one part never written, the manifest not yet
    lost = out / "part-00001.jsonl"
    body = lost.read_bytes()
    lost.unlink()
    (out / "_manifest.json").unlink()
    again = runner.invoke(app, args)
    assert again.exit_code == 1 and f"{len(stamps) - 1} reused from an earlier run" in again.stderr
    assert lost.read_bytes() == body and (out / "_manifest.json").read_bytes() == manifest
    # other options: nothing is reused
    again = runner.invoke(app, [*args, "--published", "2025-01-01"])
    assert again.exit_code == 1 and "reused" not in again.stderr


@pytest.mark.cluster
@needs_dask
def test_a_model_missing_on_the_workers_stops_the_run(scheduler, tmp_path):
    (tmp_path / "a.txt").write_text(article(0), encoding="utf-8")
    r = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--scheduler", scheduler, "--model", "no_such_model",
                            "-o", str(tmp_path / "out")])
    assert r.exit_code == 2
    assert r.stderr.startswith("error: on a worker: spaCy model 'no_such_model' is not installed; install it with")
    assert not (tmp_path / "out" / "_manifest.json").exists()


@pytest.mark.cluster
@needs_dask
def test_parquet_on_the_cluster_equals_local_parquet(scheduler, corpus, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    r = runner.invoke(app, ["extract", str(corpus), "-f", "parquet", "-o", str(tmp_path / "local"), "-q"])
    assert r.exit_code == 1
    r = runner.invoke(app, ["extract", str(corpus), "-f", "parquet", "--scheduler", scheduler, "--partition-size", "900",
                            "-o", str(tmp_path / "dist"), "-q"])
    assert r.exit_code == 1, r.stderr
    manifest = json.loads((tmp_path / "dist" / "_manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["partitions"]) > 1 and manifest["options"]["fmt"] == "parquet"
    assert parts_text(tmp_path / "dist") == parts_text(tmp_path / "local")  # the whole records beside the tables
    for table in ("quotes", "speakers", "dates", "articles"):
        files = sorted((tmp_path / "dist" / table).glob("part-*.parquet"))
        assert len(files) == len(manifest["partitions"])
        dist = [row for f in files for row in pq.read_table(f).to_pylist()]
        assert dist == pq.read_table(tmp_path / "local" / table).to_pylist() and dist, table


@pytest.mark.cluster
@needs_dask
def test_local_cluster_from_the_command_line(tmp_path):
    corpus = write_corpus(tmp_path / "c", n_txt=2, n_jsonl=0)
    code, stdout, _ = local_run(corpus)
    r = runner.invoke(app, ["extract", str(corpus), "--scheduler", "local:1", "-o", str(tmp_path / "out")])
    assert r.exit_code == code == 0, r.stderr
    assert parts_text(tmp_path / "out") == stdout
    assert "2 articles" in r.stderr


# ---- a real scheduler and two workers; one is killed mid-run ----------------


def _wait(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")
        time.sleep(0.05)


def _stop(proc: subprocess.Popen) -> None:
    """Stop a process started in its own session, with all it started, by its own id."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(timeout=15)
    else:
        try:  # the leader is gone; make sure nothing it started lingers
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


class RealCluster:
    """A ``dask scheduler`` and two ``dask worker`` processes started here
    (each in its own session), a client, and :meth:`start` for more."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp, self.logs = tmp_path, tmp_path / "logs"
        self.logs.mkdir()
        self.procs: list[subprocess.Popen] = []
        self.client = None

    def start(self, name: str, *cmd: str) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "wb")  # noqa: SIM115  (closed with the test's tmp_path)
        self.procs.append(subprocess.Popen([sys.executable, *cmd], stdout=log, stderr=subprocess.STDOUT,
                                           start_new_session=True, cwd=self.tmp))
        return self.procs[-1]

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text()

    def __enter__(self) -> RealCluster:
        from distributed import Client

        sfile = self.tmp / "scheduler.json"
        try:
            self.start("scheduler", "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", "0",
                       "--no-dashboard", "--scheduler-file", str(sfile), "--idle-timeout", "600")
            _wait(lambda: sfile.exists() and sfile.stat().st_size > 0, 60, "the scheduler")
            self.workers = [self.start(f"worker{i}", "-m", "dask", "worker", "--scheduler-file", str(sfile),
                                       "--nthreads", "1", "--nworkers", "1", "--host", "127.0.0.1", "--no-dashboard",
                                       "--death-timeout", "120", "--local-directory", str(self.tmp / f"w{i}"))
                            for i in range(2)]
            self.client = Client(scheduler_file=str(sfile), timeout=30)
            self.client.wait_for_workers(2, timeout=120)
            self.pids = self.client.run(os.getpid)  # worker address -> pid
            self.address = json.loads(sfile.read_text())["address"]
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def kill_busy_worker(self) -> str:
        """Kill the process group of a worker running a claimx partition; its address."""
        busy = [addr for addr, keys in self.client.processing().items() if any("claimx-part" in str(k) for k in keys)]
        assert busy, "the run was not under way when the worker was to be killed"
        victim = next(w for w in self.workers if w.pid == os.getpgid(self.pids[busy[0]]))
        os.killpg(victim.pid, signal.SIGKILL)  # the worker and its nanny: gone for good
        victim.wait(timeout=15)
        return busy[0]

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        for p in reversed(self.procs):
            _stop(p)


@pytest.mark.cluster
@needs_dask
def test_worker_killed_mid_run_costs_no_article(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", n_txt=10, n_jsonl=0)
    (corpus / "t99-empty.txt").write_bytes(b"")  # a bad input: reported, exit 1, as locally
    out = tmp_path / "out"
    with RealCluster(tmp_path) as real:
        run = real.start("claimx", "-m", "claimx", "extract", str(corpus), "--scheduler", real.address,
                         "--partition-size", "1", "-o", str(out), "-q")
        _wait(lambda: any(out.glob("part-*.jsonl")) or run.poll() is not None, 180, "the first partition")
        assert not (out / "_manifest.json").exists(), "the run finished before the worker was to be killed"
        killed = real.kill_busy_worker()
        assert run.wait(timeout=300) == 1, real.log("claimx")
        assert set(real.client.nthreads()) == set(real.pids) - {killed}  # the run finished on the other worker
        log = real.log("claimx")

    code, stdout, stderr = local_run(corpus)
    assert code == 1
    by_id = lambda text: sorted((json.loads(x)["article"]["id"], x) for x in text.splitlines())  # noqa: E731
    dist = by_id(parts_text(out))
    assert dist == by_id(stdout)  # every article once, the same bytes
    assert len({i for i, _ in dist}) == len(dist) == 10
    assert parts_text(out) == stdout
    manifest = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] and manifest["articles"] == 10
    assert [f["source"] for f in manifest["failed"]] == [str(corpus / "t99-empty.txt")]
    assert error_lines(log) == error_lines(stderr)


@pytest.mark.cluster
@needs_dask
def test_acts_filter_on_the_cluster_equals_a_local_run(scheduler, corpus, tmp_path):
    code, stdout, _ = local_run(corpus, "--acts", "belief,fact")
    r = runner.invoke(app, ["extract", str(corpus), "--acts", "belief,fact", "--scheduler", scheduler,
                            "--partition-size", "900", "-o", str(tmp_path / "out"), "-q"])
    assert r.exit_code == code == 1, r.stderr
    assert parts_text(tmp_path / "out") == stdout
    acts = {q["act"] for line in stdout.splitlines() for q in json.loads(line)["quotes"]}
    assert acts <= {"belief", "fact"}
    assert sum(len(json.loads(line)["quotes"]) for line in stdout.splitlines()) < sum(
        len(json.loads(line)["quotes"]) for line in local_run(corpus)[1].splitlines())
    manifest = json.loads((tmp_path / "out" / "_manifest.json").read_text(encoding="utf-8"))
    assert manifest["options"]["acts"] == ["belief", "fact"]


@pytest.mark.cluster
@needs_dask
def test_output_at_a_file_url_equals_a_folder(scheduler, corpus, local, tmp_path):
    r = runner.invoke(app, ["extract", str(corpus), "--scheduler", scheduler, "--partition-size", "900",
                            "-o", f"file://{tmp_path}/url/", "-q"])
    assert r.exit_code == 1, r.stderr
    assert parts_text(tmp_path / "url") == local[1]
    manifest = json.loads((tmp_path / "url" / "_manifest.json").read_text(encoding="utf-8"))
    assert manifest["articles"] == 10 and len(manifest["partitions"]) == len(list((tmp_path / "url").glob("part-*")))
    assert not [p for p in (tmp_path / "url").rglob(".*.tmp")]
