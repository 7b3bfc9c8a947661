"""Where output goes: a local folder, or any fsspec URL (``s3://bucket/out/``,
``gs://...``, ``file:///...``) with the same promises.

Every file is written whole or not at all. Locally it is written under a
temporary name beside its place and renamed (:func:`claimx.write.writers.atomic_open`).
At a URL it is written to a local temporary file, uploaded under a
temporary key beside its place (``.NAME.<random>.tmp``) and moved to its key
only when complete: an object store shows a key only once its upload has
finished, so a reader never sees half a part, and a writer killed midway
leaves at most a temporary key, which the next run of the same output
removes. Object stores have no folders: making one is a no-op there.
"""

from __future__ import annotations

import errno
import os
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO, Any

from claimx.write.writers import atomic_open


def is_remote(target: str) -> bool:
    """An fsspec URL (``file://`` included), not a local path.

    >>> is_remote("s3://bucket/out/"), is_remote("out/"), is_remote("C:/out")
    (True, False, False)
    """
    return "://" in target


class Store:
    """A folder to write into and read back from, by paths relative to it."""

    def __init__(self, root: str | os.PathLike) -> None:
        root = str(root)
        self.url = root
        self.fs: Any = None
        if is_remote(root):
            import fsspec

            self.fs, path = fsspec.core.url_to_fs(root)
            self.root = path.rstrip("/")
        else:
            self.root = os.path.abspath(root)
        self.sizes: dict[str, int] = {}  # bytes of the files this store wrote, by relative path

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    @property
    def target(self) -> str:
        """What opens this store elsewhere (on a worker): the URL or the absolute path."""
        return self.url if self.fs is not None else self.root

    def __reduce__(self):  # sent to Dask workers by its URL: each opens its own file system
        return (Store, (self.target,))

    def path(self, rel: str = "") -> str:
        return f"{self.root}/{rel}" if rel else self.root

    def makedirs(self, rel: str = "") -> None:
        if self.fs is None:
            Path(self.path(rel)).mkdir(parents=True, exist_ok=True)
        else:
            self.fs.makedirs(self.path(rel), exist_ok=True)

    @contextmanager
    def atomic(self, rel: str, binary: bool = False) -> Iterator[IO[Any]]:
        """Write ``rel`` whole or not at all (see the module's docstring)."""
        if self.fs is None:
            Path(self.path(rel)).parent.mkdir(parents=True, exist_ok=True)
            with atomic_open(Path(self.path(rel)), binary=binary) as fh:
                yield fh
            self.sizes[rel] = os.path.getsize(self.path(rel))
            return
        fd, local = tempfile.mkstemp(prefix="claimx-", suffix=".tmp")
        final = PurePosixPath(self.path(rel))
        temp_key = str(final.parent / f".{final.name}.{uuid.uuid4().hex[:12]}.tmp")
        uploaded = False
        try:
            with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                yield fh
            size = os.path.getsize(local)
            self.fs.makedirs(str(final.parent), exist_ok=True)
            uploaded = True
            self.fs.put_file(local, temp_key)
            self.fs.mv(temp_key, str(final))
            uploaded = False
            self.sizes[rel] = size
        finally:
            os.unlink(local)
            if uploaded:
                try:
                    self.fs.rm_file(temp_key)
                except OSError:
                    pass

    def read_text(self, rel: str) -> str | None:
        """The text of ``rel``, or None when it is missing or unreadable."""
        try:
            if self.fs is None:
                return Path(self.path(rel)).read_text(encoding="utf-8")
            return self.fs.cat_file(self.path(rel)).decode("utf-8")
        except (OSError, ValueError):
            return None

    def size(self, rel: str) -> int | None:
        try:
            if self.fs is None:
                return os.path.getsize(self.path(rel))
            return int(self.fs.info(self.path(rel))["size"])
        except (OSError, ValueError, KeyError):
            return None

    def remove(self, rel: str) -> None:
        try:
            if self.fs is None:
                os.unlink(self.path(rel))
            else:
                self.fs.rm_file(self.path(rel))
        except FileNotFoundError:
            pass

    def names(self, rel: str = "") -> list[str]:
        """The names of the files directly in folder ``rel`` (none when it is missing)."""
        try:
            if self.fs is None:
                return [p.name for p in Path(self.path(rel)).iterdir() if p.is_file()]
            return [PurePosixPath(e["name"]).name for e in self.fs.ls(self.path(rel), detail=True)
                    if e.get("type") == "file"]
        except (FileNotFoundError, NotADirectoryError):
            return []

    def refresh(self) -> None:
        """Forget listings the file system cached: another process may have written since."""
        if self.fs is not None:
            self.fs.invalidate_cache()


# ---- a local run's output at a URL (extract -o URL) or in -o DIR/ --------------


def remote_output(fmt, url: str):
    """The format and whether ``-o URL`` is a folder (it ends with ``/``, or
    the format is parquet); raises ValueError naming what cannot go there."""
    from claimx.write.formats import SUFFIXES, Format

    to_dir = url.endswith("/") or fmt is Format.parquet
    if fmt is None:
        fmt = Format.yaml if to_dir else SUFFIXES.get(PurePosixPath(url).suffix.lower())
        if fmt is None:
            raise ValueError(f"{url}: unknown output suffix; give -f FORMAT")
    if fmt is Format.sqlite:
        raise ValueError(f"{url}: -f sqlite writes a database file on this machine, not to a URL")
    import fsspec

    try:
        fsspec.core.url_to_fs(url)
    except ImportError as exc:  # fsspec names the package: "Install s3fs to access S3"
        raise ValueError(f"{url}: {exc}") from None
    except ValueError as exc:
        raise ValueError(f"{url}: not a URL claimx can write to ({exc})") from None
    return fmt, to_dir


def write_stored(records, fmt, table, target: str, to_dir: bool) -> None:
    """Records to one object at a URL, or to one file per article in a folder
    (``-o DIR/``, local or at a URL), each written whole or not at all
    (Parquet tables: :func:`claimx.write.parquet.write_local`, which writes
    through a :class:`Store`)."""
    from claimx.write.writers import safe_filename, write_all

    if not to_dir:
        parent, _, name = target.rstrip("/").rpartition("/")
        with Store(parent).atomic(name) as fh:
            write_all(fh, records, fmt, table)
        return
    store = Store(target)
    if store.fs is None:
        store.makedirs()  # the folder, made once: never again if it vanishes mid-run
    for rec in records:
        if store.fs is None and not os.path.isdir(store.root):
            # the folder vanished mid-run (a drive unmounted, a folder removed):
            # fail as writing into it fails, never make it again elsewhere
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), store.root)
        with store.atomic(f"{safe_filename(rec.article.id)}.{fmt.value}") as fh:
            write_all(fh, [rec], fmt, table)
