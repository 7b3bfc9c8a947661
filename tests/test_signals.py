"""A run stopped by SIGTERM, SIGHUP or Ctrl-C (SIGINT): no temporary file
left, workers stopped, exit code 128 + the signal, finished files complete.
Real subprocesses; every wait is bounded."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import SAMPLES

ARTICLES = 300  # far more than a run gets through before the signal


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat.parent.name))
    return kids


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what} after {timeout:g} s")
        time.sleep(0.05)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    text = (SAMPLES / "rubio-cbs.txt").read_text(encoding="utf-8")
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(ARTICLES):
            fh.write(json.dumps({"id": f"a{i:03d}", "text": text}) + "\n")
    return path


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see the worker processes")
@pytest.mark.parametrize(
    ("signum", "to_dir", "workers"),
    [(signal.SIGTERM, True, 2), (signal.SIGHUP, False, 1), (signal.SIGINT, False, 2)],
    ids=["SIGTERM-dir-2workers", "SIGHUP-file-1worker", "SIGINT-file-2workers"],
)
def test_stopped_run_leaves_no_partial_output(tmp_path, corpus, signum, to_dir, workers):
    out = tmp_path / "out"
    if to_dir:
        target = str(out) + "/"
        started = lambda: any(out.glob("*.json"))  # noqa: E731 (the first article written)
    else:
        out.mkdir()
        (out / "all.jsonl").write_text("an earlier run's output\n", encoding="utf-8")
        target = str(out / "all.jsonl")
        started = lambda: any(p.stat().st_size > 0 for p in out.glob(".all.jsonl.*.tmp"))  # noqa: E731
    cmd = [sys.executable, "-m", "claimx", "extract", str(corpus), "-o", target, "-f", "json" if to_dir else "jsonl",
           "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        wait_for(lambda: started() or proc.poll() is not None, 300, "the first article")
        assert proc.poll() is None, "the run ended before it could be stopped: " + proc.stderr.read()
        workers_seen = children(proc.pid)
        assert len(workers_seen) >= (workers if workers > 1 else 0)
        proc.send_signal(signum)
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)

    assert proc.returncode == 128 + signum, stderr
    assert f"stopped by {signal.Signals(signum).name}" in stderr
    assert "Traceback" not in stderr
    wait_for(lambda: not any(alive(pid) for pid in workers_seen), 30, "the workers to stop")
    files = sorted(p.name for p in out.iterdir())
    assert not [f for f in files if f.endswith(".tmp")], files
    if to_dir:
        assert 0 < len(files) < ARTICLES
        for name in files:  # every file written is whole
            data = json.loads((out / name).read_text(encoding="utf-8"))
            assert data["schema"] == "claimx/1" and data["article"]["id"] == name.removesuffix(".json")
    else:
        assert files == ["all.jsonl"]
        assert (out / "all.jsonl").read_text(encoding="utf-8") == "an earlier run's output\n"


def test_a_stop_while_the_temporary_file_is_made_leaves_none(tmp_path, monkeypatch):
    """A stop signal that comes after the temporary file exists but before its
    name is noted (inside mkstemp, an instant wide) is raised once the name
    is known, so the file is removed; a stop during the block removes it too."""
    import tempfile

    from claimx.signals import Stopped, stop_on_signals
    from claimx.write import writers

    real = tempfile.mkstemp

    def mkstemp_then_stop(*args, **kwargs):
        made = real(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGTERM)  # the handler runs here, the file made
        return made

    monkeypatch.setattr(writers.tempfile, "mkstemp", mkstemp_then_stop)
    with pytest.raises(Stopped), stop_on_signals():
        with writers.atomic_open(tmp_path / "out.json") as fh:
            fh.write("never")
    assert list(tmp_path.iterdir()) == []

    monkeypatch.setattr(writers.tempfile, "mkstemp", real)
    with pytest.raises(Stopped), stop_on_signals():
        with writers.atomic_open(tmp_path / "out.json") as fh:
            fh.write("half")
            os.kill(os.getpid(), signal.SIGTERM)
    assert list(tmp_path.iterdir()) == []
