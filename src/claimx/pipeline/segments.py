"""Long articles (transcripts, reports) in paragraph-aligned segments.

One spaCy Doc of a 1.3 million character text takes gigabytes; cut into
segments of at most :data:`SEGMENT_CHARS` (the character budget of a normal
batch), each parsed on its own, the peak stays that of a normal run. The
segments' records are then merged into one record of the whole text:
offsets shifted to the whole text (so ``text[start:end]`` still holds),
paragraph indexes counted from the article's start, speakers merged across
segments ("Marco Rubio" in the first and "Rubio" in the third are one
speaker, with the mentions and gender evidence of both; a gender the
segments disagree on is null), ids numbered once. Nothing is cut: the segments cover the text
exactly, and no cut falls inside a quotation.

What a segment cannot see: a pronoun opening a segment that refers to the
previous one stays unresolved, as do uncued continuation paragraphs there.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from claimx.pipeline.quotemarks import find_quotations, paragraphs
from claimx.read.fingerprint import fingerprint
from claimx.read.inputs import Article
from claimx.records import ArticleRecord

SEGMENT_CHARS = 60_000  # as extract.BATCH_CHARS: a segment costs what a normal batch does
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


@dataclass(slots=True)
class Segment:
    """One piece of a long article: ``piece.text == whole.text[start:end]``."""

    whole: Article
    piece: Article
    start: int
    paragraph: int  # the article's paragraphs before the piece's first one
    index: int
    count: int
    reference: tuple[dt.date | None, str | None]


def cut_points(text: str, limit: int = SEGMENT_CHARS) -> list[int]:
    """Where to cut ``text`` into pieces of at most ``limit`` characters: at a
    blank line in the second half of the window if there is one, else at a
    line break, else (one paragraph longer than ``limit``) after a sentence,
    else at a space; never inside a quotation (a quotation longer than
    ``limit`` makes a longer piece).

    >>> cut_points("aaa\\n\\nbbb\\n\\nccc\\n", limit=10)
    [0, 10]
    """
    spans = sorted((q.start, q.end) for q in find_quotations(text))
    starts = [s for s, _ in spans]

    def quoted(i: int) -> bool:
        k = bisect_left(starts, i) - 1
        return k >= 0 and spans[k][0] < i < spans[k][1]

    cuts = [0]
    pos = 0
    while len(text) - pos > limit:
        window = text[pos : pos + limit + 1]
        cut = None
        for pattern, floor in ((r"\n[ \t]*\n+", limit // 2), (r"\n+", 1), (_SENTENCE_END.pattern, 1), (r"\s+", 1)):
            ends = [m.end() for m in re.finditer(pattern, window) if floor <= m.end() <= limit and not quoted(pos + m.end())]
            if ends:
                cut = pos + ends[-1]
                break
        if cut is None:  # a quotation longer than `limit`: the first line break after it
            after = pos + limit
            cut = next((after + m.end() for m in re.finditer(r"\n+", text[after:]) if not quoted(after + m.end())), None)
            if cut is None:
                cut = after  # no space, or one endless quotation: cut anyway
            elif cut >= len(text):
                break  # the rest is one piece
        pos = cut
        cuts.append(pos)
    return cuts


def split(article: Article, reference: tuple[dt.date | None, str | None], limit: int = SEGMENT_CHARS) -> list[Segment]:
    """The article in segments (one when it is short enough)."""
    text = article.text
    cuts = cut_points(text, limit)
    bounds = list(zip(cuts, cuts[1:] + [len(text)], strict=True))
    segments = []
    before = 0  # paragraphs before the current piece
    for i, (start, end) in enumerate(bounds):
        original = article.original[start:end] if article.original is not None else None
        piece = replace(article, text=text[start:end], original=original)
        segments.append(Segment(article, piece, start, before, i, len(bounds), reference))
        before += len(paragraphs(piece.text))
        if end < len(text) and text[end - 1] != "\n" and text[end] != "\n":
            before -= 1  # cut inside a paragraph: the next piece goes on with it
    return segments


def assemble(results: Iterable[tuple[Article | Segment, ArticleRecord]], include_text: bool) -> Iterator[ArticleRecord]:
    """Records in input order: those of whole articles as they are, those of
    segments merged once the article's last segment is in."""
    pending: list[tuple[Segment, ArticleRecord]] = []
    for task, record in results:
        if not isinstance(task, Segment):
            yield record
            continue
        pending.append((task, record))
        if task.index == task.count - 1:
            yield merge(pending, include_text)
            pending = []


def _shift(node: Any, offset: int) -> None:
    """Add ``offset`` to every span (a dict with ``start`` and ``end``) under ``node``."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            node["start"] += offset
            node["end"] += offset
        for value in node.values():
            if isinstance(value, dict | list):
                _shift(value, offset)
    elif isinstance(node, list):
        for item in node:
            _shift(item, offset)


def same_person(a: list[str], b: list[str]) -> bool:
    """Whether two names of people (as words) name one person, as within an
    article: the same name; a surname or first name alone; the same surname
    and first name, or its initial ("Marco Rubio", "M. Rubio", "Marco A. Rubio")."""
    if a == b:
        return True
    if len(a) == 1 and a[0] in (b[0], b[-1]) or len(b) == 1 and b[0] in (a[0], a[-1]):
        return True
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1]:
        return False
    x, y = a[0].rstrip("."), b[0].rstrip(".")
    return x == y or (len(x) == 1 or len(y) == 1) and x[0] == y[0]


class _Speakers:
    """Speakers merged across segments, in the order they were met."""

    def __init__(self) -> None:
        self.all: list[dict] = []

    def add(self, sp: dict) -> int:
        """Merge one segment's speaker (offsets already shifted); its index."""
        words = sp["name"].split()
        k = None
        if sp["kind"] != "unnamed":  # "a senior official" here and there may be two people
            k = next((i for i, s in enumerate(self.all)
                      if s["kind"] == sp["kind"] and s["name"].lower() == sp["name"].lower()), None)
        if k is None and sp["kind"] == "person":
            # else the person most recently mentioned whose name fits, as within a text
            people = sorted((i for i, s in enumerate(self.all) if s["kind"] == "person"),
                            key=lambda i: self.all[i]["mentions"][-1]["start"] if self.all[i]["mentions"] else -1,
                            reverse=True)
            k = next((i for i in people if same_person(words, self.all[i]["name"].split())), None)
        if k is None:
            self.all.append({**sp, "mentions": list(sp["mentions"]), "positions": list(sp["positions"]),
                             "gender_evidence": list(sp.get("gender_evidence", []))})
            return len(self.all) - 1
        into = self.all[k]
        if len(into["name"].split()) == 1 < len(words):
            into["name"] = sp["name"]  # "Rubio", later "Marco Rubio" (a full name stays as first met)
        into["mentions"] = sorted(into["mentions"] + sp["mentions"], key=lambda m: (m["start"], m["end"]))
        known = {p["text"] for p in into["positions"]}
        into["positions"] += [p for p in sp["positions"] if p["text"] not in known]
        into["quote_count"] += sp["quote_count"]
        into["gender"] = merged_gender(into, sp)
        into["gender_evidence"] = sorted(into.get("gender_evidence", []) + sp.get("gender_evidence", []),
                                         key=lambda m: (m["start"], m["end"]))
        return k


def merged_gender(a: dict, b: dict) -> str | None:
    """The gender of one speaker met in two segments: the one both say, or
    the one a segment with evidence says when the other has none; null when
    they differ or a segment's own evidence conflicts (evidence, no gender)."""
    said = {sp.get("gender") for sp in (a, b) if sp.get("gender_evidence")}
    return said.pop() if len(said) == 1 else None


def merge(parts: list[tuple[Segment, ArticleRecord]], include_text: bool) -> ArticleRecord:
    """One record of the whole article from the records of its segments."""
    whole = parts[0][0].whole
    speakers = _Speakers()
    quotes: list[dict] = []
    dates: list[dict] = []
    head: dict = {}  # the first segment's record: its article (the same in every segment) and any other field
    for seg, record in parts:
        data = record.model_dump(by_alias=True)
        head = head or data
        for key in ("speakers", "quotes", "dates"):
            _shift(data[key], seg.start)
        local = {sp["id"]: speakers.add(sp) for sp in data["speakers"]}
        for q in data["quotes"]:
            q["paragraph"] += seg.paragraph
            q["speaker"] = local.get(q["speaker"]) if q["speaker"] is not None else None
            quotes.append(q)
        dates += data["dates"]

    said = {q["speaker"] for q in quotes if q["speaker"] is not None}  # members only mentioned are no speakers
    order = sorted(said, key=lambda i: _first(speakers.all[i]))
    ids = {old: f"s{new}" for new, old in enumerate(order, start=1)}
    merged_speakers = [{**speakers.all[i], "id": ids[i]} for i in order]
    last_date: dict[str, str | None] = {}
    for n, q in enumerate(quotes, start=1):
        q["id"] = f"q{n}"
        if q["speaker"] is not None:
            sid = q["speaker"] = ids[q["speaker"]]
            q["speaker_name"] = merged_speakers[int(sid[1:]) - 1]["name"]
            if q["date"] is None:
                # the same speaker's previous statement, which may lie in an earlier segment
                q["date"] = last_date.get(sid)
            last_date[sid] = q["date"]

    head.update(speakers=merged_speakers, quotes=quotes, dates=dates, text=whole.shown if include_text else None)
    head["article"]["fingerprint"] = fingerprint(whole.text)  # of the whole text, not of the first segment
    return ArticleRecord.model_validate(head)


def _first(speaker: dict) -> int:
    return speaker["mentions"][0]["start"] if speaker["mentions"] else 1 << 62
