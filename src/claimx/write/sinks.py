"""Where ``extract`` writes its records (stdout, one file, one file per
article in ``-o DIR/``, a database, a folder of Parquet tables, a URL), and
the rule that keeps every article when two share an id.

An article's id is its file's stem (a corpus line: its ``id`` field), so two
articles can share one: ``a/story.txt`` and ``b/story.txt``, or two sites'
``.../2026/budget.html``. Where the id names the place an article is kept,
in ``-o DIR/`` (the file name) and in ``-o FILE.db`` (the articles table's
key), :class:`UniqueIds` gives each article of a run an id no other article
holds there:

- the id itself, when it is free, or held by an earlier run's article of the
  same ``source`` (a re-extraction replaces it);
- else ``<id>-<8 hex digits>``, a digest of the source and id, the same on
  every run (and ``-2``, ``-3`` after it in the rare case that is taken too);
  a warning names the article and its new id.

So no article replaces another, and a daily run finds each article where
the last run put it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from itertools import chain, count
from pathlib import Path
from typing import TYPE_CHECKING

from claimx.write.formats import Format, Table

if TYPE_CHECKING:
    from claimx.records import ArticleRecord

READABLE = (Format.json, Format.jsonl, Format.yaml)  # -o DIR/ files whose article's source can be read back


class UniqueIds:
    """The ids of one output: ``held(key)`` says which source an earlier run
    keeps under ``key`` (None: free), ``key`` turns an id into the name the
    output keeps it under (a file name in ``-o DIR/``).

    >>> ids = UniqueIds()
    >>> ids.assign("story", "a/story.txt"), ids.assign("story", "b/story.txt")
    ('story', 'story-49654edb')
    >>> UniqueIds(held={"story": "a/story.txt"}.get).assign("story", "a/story.txt")
    'story'
    """

    def __init__(self, held: Callable[[str], str | None] = lambda _: None,
                 key: Callable[[str], str] = lambda i: i) -> None:
        self.held = held
        self.key = key
        self.claimed: set[str] = set()

    def assign(self, article_id: str, source: str) -> str:
        digest = hashlib.sha1(f"{source}\n{article_id}".encode()).hexdigest()[:8]
        tried = chain([article_id, f"{article_id}-{digest}"], (f"{article_id}-{digest}-{n}" for n in count(2)))
        for candidate in tried:
            key = self.key(candidate)
            if key not in self.claimed and self.held(key) in (None, source):
                self.claimed.add(key)
                return candidate
        raise AssertionError("unreachable")

    def records(self, records: Iterable[ArticleRecord], where: str,
                on_notice: Callable[[str], None]) -> Iterator[ArticleRecord]:
        """The records, each with an id of its own in ``where``."""
        for rec in records:
            art = rec.article
            new = self.assign(art.id, art.source)
            if new != art.id:
                on_notice(f"{art.source}: id {art.id!r} is taken in {where} by another article; "
                          f"this one is kept as {new!r}")
                rec = rec.model_copy(update={"article": art.model_copy(update={"id": new})})
            yield rec


def folder_ids(read_text: Callable[[str], str | None], fmt: Format) -> UniqueIds:
    """The ids of ``-o DIR/``: the file ``<id>.<ext>`` an earlier run wrote
    holds the source it names (JSON, JSON Lines, YAML; the sources of CSV,
    TSV and HTML files cannot be read back, so only a run's own articles are
    kept apart there)."""
    from claimx.write.writers import safe_filename

    ext = fmt.value

    def held(name: str) -> str | None:
        text = read_text(f"{name}.{ext}") if fmt in READABLE else None
        return _source_in(text, fmt) if text else None

    return UniqueIds(held, safe_filename)


def _source_in(text: str, fmt: Format) -> str:
    """The article source a record file names ('' when it names none: any article may replace it)."""
    from claimx.recordfiles import values

    problems: list = []
    first = next(values(text, fmt.value, lambda *p: problems.append(p)), (None, None))[1]
    if problems:  # a broken file (its first line or document) names no source
        return ""
    if fmt is Format.json and text.lstrip("\ufeff \t\r\n").startswith("["):
        return ""  # several records in one file: not claimx's file of one article, never replaced
    source = first.get("article", {}).get("source") if isinstance(first, dict) else None
    return source if isinstance(source, str) else ""


def write_records(records, fmt: Format, table: Table, output: Path | str | None, to_dir: bool,
                  database, stdout, on_notice: Callable[[str], None]) -> None:
    """Records to stdout, to one file, to one file per article, to a database,
    or (parquet) to a folder of tables; ``output`` a str is a URL."""
    if database is not None:
        with database:
            for rec in UniqueIds(database.sources().get).records(records, str(database.path), on_notice):
                database.write(rec)
    elif fmt is Format.parquet:  # a folder of tables, here or at a URL
        from claimx.write.parquet import write_local

        assert output is not None  # the command line asks for -o with parquet
        write_local(records, output)
    elif isinstance(output, str) or to_dir:  # a URL, or -o DIR/ here or at a URL: through a Store
        from claimx.write.store import Store, write_stored

        assert output is not None  # -o DIR/ names its folder
        if to_dir:
            records = folder_ids(Store(output).read_text, fmt).records(records, str(output), on_notice)
        write_stored(records, fmt, table, str(output), to_dir)
    else:
        from claimx.write.writers import atomic_open, write_all

        with atomic_open(output) if output is not None else nullcontext(stdout) as fh:
            write_all(fh, records, fmt, table)
