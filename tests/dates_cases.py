"""What the date table tests compare: the temporal expressions ``claimx``
finds in a text read as one article, each as (text, value, kind)."""

from __future__ import annotations

import datetime as dt

from claimx.pipeline.extract import build_record
from claimx.read.inputs import Article

SUN = dt.date(2025, 8, 17)  # a Sunday: the reference date of the rule tables


def readings(nlp, text: str, published: str | None = None) -> list[tuple[str, str | None, str]]:
    """The dates of ``text`` read against ``published``, in reading order."""
    rec = build_record(Article("t", "t", text, published=published), nlp(text)).to_dict()
    return [(d["text"], d["value"], d["kind"]) for d in rec["dates"]]
