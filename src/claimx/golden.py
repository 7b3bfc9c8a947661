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
