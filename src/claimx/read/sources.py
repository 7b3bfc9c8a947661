"""Where articles come from: paths (files, directories, globs), standard
input and URLs, and lists of URLs, in order, each read by its reader
(:mod:`claimx.read.inputs` for files and stdin, :mod:`claimx.read.fetch` for web pages);
errors and notices in their place.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from claimx.read.inputs import (
    MAX_BYTES,
    SUPPORTED,
    Article,
    InputError,
    Notice,
    read_bytes,
    read_limited,
    read_path,
    too_large,
)


def read_file(path: Path, source: str | None = None, *,
              any_language: bool = False) -> Iterator[Article | InputError | Notice]:
    """Every article in one file: a web archive record by record
    (:mod:`claimx.read.warc`; ``any_language``: its pages not in English
    too), anything else by :func:`claimx.read.inputs.read_path`."""
    if path.name.lower().endswith((".warc", ".warc.gz")):  # streamed, record by record
        from claimx.read.warc import read_warc

        yield from read_warc(str(path), source or str(path), any_language=any_language)
        return
    yield from read_path(path, source)


def expand(paths: Iterable[str]) -> Iterator[Path | str | InputError]:
    """Paths to files: directories recursively (sorted), globs; ``-`` and URLs
    are passed on as strings."""
    from claimx.read.fetch import is_url

    for raw in paths:
        if raw == "-" or is_url(raw) or ("://" in raw and raw.lower().endswith((".warc", ".warc.gz"))):
            yield raw  # a web archive at an fsspec URL (s3://...) is read by claimx.read.warc
            continue
        if "://" in raw and not raw.startswith("file://"):
            yield InputError(raw, "a local run reads web archives (.warc, .warc.gz) and http(s) pages from a URL; "
                                  "for other files in remote storage run on a cluster (--scheduler)")
            continue
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and (
                f.suffix.lower() in SUPPORTED or f.name.lower().endswith(".warc.gz")))
            if not files:
                yield InputError(raw, "directory holds no .txt, .html, .mhtml, .jsonl or .csv files")
            yield from files
        elif p.exists():
            yield p
        elif any(ch in raw for ch in "*?["):
            matches = glob_once(raw)
            if not matches:
                yield InputError(raw, "no file matches this pattern")
            for m in matches:
                if Path(m).is_file():
                    yield Path(m)
        else:
            yield InputError(raw, "no such file or directory")


def glob_once(pattern: str) -> list[str]:
    """``glob.glob(pattern, recursive=True)``, sorted, except that ``**``
    enters each real directory once: a symlink to a folder already walked (a
    loop back to a parent, a second name for a sibling) is not followed again."""
    parts = pattern.split(os.sep)
    if "**" not in parts:
        return sorted(glob.glob(pattern))
    cut = parts.index("**")
    head, rest = os.sep.join(parts[:cut]), os.sep.join(parts[cut + 1:]) or "*"
    if cut and not head:
        head = os.sep  # "/**/x"
    bases = glob.glob(head) if glob.has_magic(head) else [head or os.curdir]
    seen: set[str] = set()
    found: set[str] = set()
    for base in sorted(bases):
        for folder in _folders_once(base, seen):
            prefix = "" if folder == os.curdir and not head else glob.escape(folder)
            found.update(glob_once(os.path.join(prefix, rest)) if prefix else glob_once(rest))
    return sorted(found)


def _folders_once(top: str, seen: set[str]) -> Iterator[str]:
    """``top`` and the folders below it (hidden ones skipped, as ``**``
    does), each real folder once across ``seen``."""
    stack = [top]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in seen or not os.path.isdir(folder):
            continue
        seen.add(real)
        yield folder
        try:
            with os.scandir(folder) as entries:
                subs = sorted(e.name if folder == os.curdir else e.path
                              for e in entries if not e.name.startswith(".") and e.is_dir())
        except OSError:
            continue
        stack.extend(reversed(subs))


def iter_articles(
    paths: Iterable[str],
    stdin: BinaryIO | None = None,
    *,
    url_files: Iterable[str] = (),
    timeout: float | None = None,
    any_language: bool = False,
) -> Iterator[Article | InputError | Notice]:
    """Articles from every path or URL, then from the URLs listed in
    ``url_files`` (one a line), in order; errors and notices in their place.
    ``any_language``: web archives keep their pages not in English too."""
    from claimx.read.fetch import TIMEOUT, Fetcher, read_url, read_url_list

    fetcher: Fetcher | None = None

    def page(url: str) -> Iterator[Article | InputError | Notice]:
        nonlocal fetcher
        fetcher = fetcher or Fetcher(timeout if timeout is not None else TIMEOUT)
        yield from read_url(url, fetcher)

    def stdin_bytes() -> bytes | None:
        return read_limited(stdin if stdin is not None else sys.stdin.buffer, MAX_BYTES)

    try:
        for item in expand(paths):
            if isinstance(item, InputError):
                yield item
            elif item == "-":
                data = stdin_bytes()
                if data is None:
                    yield InputError("<stdin>", f"input {too_large(MAX_BYTES)}")
                else:
                    yield from read_bytes(data, "<stdin>", "stdin", ".txt")
            elif isinstance(item, str) and item.lower().endswith((".warc", ".warc.gz")):
                from claimx.read.warc import read_warc

                yield from read_warc(item, item, any_language=any_language)
            elif isinstance(item, str):
                yield from page(item)
            else:
                yield from read_file(item, any_language=any_language)
        for listing in url_files:
            text = None
            if listing == "-":
                data = stdin_bytes()
                if data is None:
                    yield InputError("<stdin>", f"the URL list is {too_large(MAX_BYTES)}")
                    continue
                text = data.decode("utf-8", "replace")
            for url in read_url_list(listing, text):
                if isinstance(url, InputError):
                    yield url
                else:
                    yield from page(url)
    finally:
        if fetcher is not None:
            fetcher.close()
