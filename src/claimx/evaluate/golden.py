"""Golden-file check: re-extract each sample article and compare with its
committed ``<name>.expected.yaml``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(slots=True)
class Sample:
    article: Path
    expected: Path


def expected_path(article: Path) -> Path:
    return article.with_name(article.stem + ".expected.yaml")


def read_expected(path: Path) -> str:
    """An expected file's text, or an :class:`~claimx.read.inputs.InputError` saying why not."""
    from claimx.read.inputs import MAX_BYTES, InputError, read_limited, too_large

    try:
        with path.open("rb") as fh:
            data = read_limited(fh, MAX_BYTES)
    except FileNotFoundError:
        raise InputError(str(path), "missing (create it with: claimx check --update)") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if data is None:
        raise InputError(str(path), f"file {too_large(MAX_BYTES)}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 (invalid byte at offset {exc.start}); "
                                    "regenerate it with: claimx check --update") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as a text-mode read gives it


def find_samples(directory: Path) -> list[Sample]:
    return [
        Sample(p, expected_path(p))
        for p in sorted(directory.iterdir())
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
    ]


def diff(expected: str, actual: str, name: str) -> str:
    """A unified diff of expected vs actual output ('' when they agree)."""
    return "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"{name} (expected)",
            tofile=f"{name} (extracted now)",
        )
    )
