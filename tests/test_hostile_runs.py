"""Clean-up after the uncatchable (issue 27): the temporary file of a run
killed with SIGKILL is removed by the next run into the same place (only
claimx's own names, only when their process is gone); a server dripping a
byte at a time cannot hold a run past the per-URL deadline."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler

import pytest

from claimx.read.fetch import Fetcher
from claimx.read.inputs import InputError
from claimx.write.writers import atomic_open, stale_temporaries

from .conftest import local_server

HOLD = """
import sys, time
from pathlib import Path
from claimx.write.writers import atomic_open
with atomic_open(Path(sys.argv[1])) as fh:
    fh.write("half")
    fh.flush()
    print("writing", flush=True)
    time.sleep(60)
"""


def _writer(target):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(target)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    return proc


def _temporaries(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_the_temporary_file_of_a_killed_run_is_removed_by_the_next_run(tmp_path):
    killed, alive = _writer(tmp_path / "out.jsonl"), _writer(tmp_path / "other.jsonl")
    try:
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait(timeout=10)
        left = _temporaries(tmp_path)
        assert len(left) == 2 and any(".out.jsonl.claimx-" in n and f"-{killed.pid}." in n for n in left)
        (tmp_path / ".notes.txt.abc.tmp").write_text("not claimx's")  # another program's temporary file
        with atomic_open(tmp_path / "out.jsonl") as fh:
            fh.write("done\n")
        after = _temporaries(tmp_path)
        assert after == sorted([".notes.txt.abc.tmp"] + [n for n in left if f"-{alive.pid}." in n])
        assert (tmp_path / "out.jsonl").read_text() == "done\n"
    finally:
        alive.kill()
        alive.wait(timeout=10)


def test_only_claimx_names_of_dead_processes_on_this_host_are_stale(tmp_path):
    import socket

    host = socket.gethostname().split(".")[0]
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    names = {
        f".a.csv.claimx-{host}-{pid}.x1y2z3.tmp": True,  # its process has ended
        f".a.csv.claimx-{host}-{os.getpid()}.x1y2z3.tmp": False,  # a live process (this one)
        f".a.csv.claimx-elsewhere-{pid}.x1y2z3.tmp": False,  # another machine sharing the folder
        ".b.csv.x1y2z3w4.tmp": False,  # an older claimx's name, recent
        ".c.csv.x1y2z3w4.tmp": True,  # an older claimx's name, untouched for two days
        ".notes.txt.x1y2z3w4.tmp": False,  # not an output's name, however old
        "a.csv.claimx-x-1.tmp": False,
    }
    for name in names:
        (tmp_path / name).write_text("x")
        if name.startswith((".c.", ".notes.")):
            os.utime(tmp_path / name, (time.time() - 2 * 86_400,) * 2)
    assert sorted(p.name for p in stale_temporaries(tmp_path)) == sorted(n for n, stale in names.items() if stale)


class Drip(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(200):  # a byte every 0.5 s: each read is in time, the page never ends
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:
            pass


@pytest.fixture
def dripping():
    with local_server(Drip) as base:
        yield f"{base}/page"


def test_a_dripping_server_is_cut_off_at_the_deadline(dripping):
    fetcher = Fetcher(timeout=2.0, deadline=1.5)
    started = time.monotonic()
    try:
        with pytest.raises(InputError, match="not complete after 1.5 s"):
            fetcher.fetch(dripping)
    finally:
        fetcher.close()
    assert time.monotonic() - started < 4


def test_the_deadline_is_at_least_four_timeouts():
    fetcher = Fetcher(timeout=60.0)
    try:
        assert fetcher.deadline == 240.0
    finally:
        fetcher.close()
