"""Where articles come from: paths (files, directories, globs), standard
input and URLs, and lists of URLs, in order, each read by its reader
(:mod:`claimx.inputs` for files and stdin, :mod:`claimx.fetch` for web pages);
errors and notices in their place.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from claimx.inputs import SUPPORTED, Article, InputError, Notice, read_bytes, read_path


def expand(paths: Iterable[str]) -> Iterator[Path | str | InputError]:
    """Paths to files: directories recursively (sorted), globs; ``-`` and URLs
    are passed on as strings."""
    from claimx.fetch import is_url

    for raw in paths:
        if raw == "-" or is_url(raw):
            yield raw
            continue
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED)
            if not files:
                yield InputError(raw, "directory holds no .txt, .html, .mhtml, .jsonl or .csv files")
            yield from files
        elif p.exists():
            yield p
        elif any(ch in raw for ch in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield InputError(raw, "no file matches this pattern")
            for m in matches:
                if Path(m).is_file():
                    yield Path(m)
        else:
            yield InputError(raw, "no such file or directory")


def iter_articles(
    paths: Iterable[str],
    stdin: BinaryIO | None = None,
    *,
    url_files: Iterable[str] = (),
    timeout: float | None = None,
) -> Iterator[Article | InputError | Notice]:
    """Articles from every path or URL, then from the URLs listed in
    ``url_files`` (one a line), in order; errors and notices in their place."""
    from claimx.fetch import TIMEOUT, Fetcher, read_url, read_url_list

    fetcher: Fetcher | None = None

    def page(url: str) -> Iterator[Article | InputError | Notice]:
        nonlocal fetcher
        fetcher = fetcher or Fetcher(timeout if timeout is not None else TIMEOUT)
        yield from read_url(url, fetcher)

    def stdin_bytes() -> bytes:
        return (stdin if stdin is not None else sys.stdin.buffer).read()

    try:
        for item in expand(paths):
            if isinstance(item, InputError):
                yield item
            elif item == "-":
                yield from read_bytes(stdin_bytes(), "<stdin>", "stdin", ".txt")
            elif isinstance(item, str):
                yield from page(item)
            else:
                yield from read_path(item)
        for listing in url_files:
            text = stdin_bytes().decode("utf-8", "replace") if listing == "-" else None
            for url in read_url_list(listing, text):
                if isinstance(url, InputError):
                    yield url
                else:
                    yield from page(url)
    finally:
        if fetcher is not None:
            fetcher.close()
