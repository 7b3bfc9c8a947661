from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from claimx.pipeline.nlp import load

    return load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    with open(SAMPLES / "rubio-cbs.txt", encoding="utf-8", newline="") as fh:
        return fh.read()


@pytest.fixture(scope="session")
def seed_record(nlp, seed_text):
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    return build_record(Article("rubio-cbs", "rubio-cbs.txt", seed_text), nlp(seed_text)).to_dict()


@pytest.fixture(scope="session")
def date_values(nlp):
    """``(text, published) -> [(expression, value), ...]``: the dates claimx
    finds in ``text`` read against ``published``, in reading order."""
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    def read(text: str, published: str | None = None) -> list[tuple[str, str | None]]:
        rec = build_record(Article("t", "t", text, published=published), nlp(text)).to_dict()
        return [(d["text"], d["value"]) for d in rec["dates"]]

    return read


def all_spans(record: dict):
    """Every (text, start, end) span in a record."""
    for s in record["speakers"]:
        yield from s["positions"]
        yield from s["mentions"]
    for q in record["quotes"]:
        yield q
        yield from q.get("parts") or []
        for key in ("speaker_mention", "cue", "addressee"):
            if q[key]:
                yield q[key]
    yield from record["dates"]


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up (a timeout test) is expected


@contextmanager
def local_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A threaded HTTP server on 127.0.0.1 (a free port) serving ``handler``; yields its base URL."""
    srv = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=5)
