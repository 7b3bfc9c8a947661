"""Canonical speakers and positions scored against a hand-checked gold.

PolNeAR marks each attribution's source mention but not who it is. The
gold (``tests/data/speaker_gold_dev.jsonl``, one line per attribution of 25
PolNeAR dev articles, read in context by hand) holds offsets and names
only, never text: the attribution's content span, PolNeAR's source span,
the canonical speaker (its accepted name forms: "Mike Pence"; for a
document the author and the document: "Bloomberg", "Bloomberg poll"), its
kind, and the titles the article gives the speaker anywhere (empty when it
gives none).

Each gold attribution is paired with the claimx quote whose span overlaps
its content most (one to one). Of the pairs:

- *speaker right*: a person or organisation's speaker name is one of the
  gold's name forms (case, an article and a possessive aside); a
  document's ends with the last word of one ("the post-debate analysis");
  an unnamed source or group is an unnamed or group speaker;
- *position given*: of the pairs whose gold lists titles, the share whose
  speaker is right and holds a position naming one of them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from claimx.evaluate.polnear import one_to_one

UNNAMED_KINDS = ("unnamed", "group")


@dataclass(frozen=True, slots=True)
class GoldQuote:
    article: str
    start: int
    end: int
    source: tuple[int, int] | None
    speaker: tuple[str, ...]
    kind: str
    titles: tuple[str, ...] = ()
    affiliation: str | None = None


@dataclass(slots=True)
class SpeakerScore:
    gold: int = 0
    paired: int = 0
    right: int = 0
    titled: int = 0  # pairs whose gold gives a title
    position: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.paired if self.paired else 0.0

    @property
    def position_accuracy(self) -> float:
        return self.position / self.titled if self.titled else 0.0


def load_gold(path: Path) -> list[GoldQuote]:
    """The gold attributions of ``path`` (JSON lines)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                out.append(GoldQuote(d["article"], d["start"], d["end"], tuple(d["source"]) if d["source"] else None,
                                     tuple(d["speaker"]), d["kind"], tuple(d["titles"]), d["affiliation"]))
    return out


def norm(name: str) -> str:
    """A name compared: lower case, no article, possessive or punctuation: "The Post’s" -> post."""
    name = re.sub(r"[’']s\b", "", name.lower())
    name = re.sub(r"[^\w@ -]+", " ", name)
    name = re.sub(r"^\s*(?:the|a|an)\s+", "", name)
    return " ".join(name.split())


def speaker_right(gold: GoldQuote, speaker: dict | None) -> bool:
    """Whether claimx's speaker (a record's speaker dict, or None) is the gold's."""
    if speaker is None:
        return False
    if gold.kind in UNNAMED_KINDS:
        return speaker["kind"] in UNNAMED_KINDS
    name = norm(speaker["name"])
    forms = {norm(s) for s in gold.speaker}
    if name in forms:
        return True
    return gold.kind == "document" and bool(name) and name.split()[-1] in {f.split()[-1] for f in forms if f}


def position_right(gold: GoldQuote, speaker: dict) -> bool:
    """Whether one of the speaker's positions names one of the gold's titles."""
    wanted = [norm(t) for t in gold.titles]
    for p in speaker["positions"]:
        have = norm(" ".join(x for x in (p["text"], p["title"] or "", p["affiliation"] or "") if x))
        if any(w and w in have for w in wanted):
            return True
    return False


def _pairs(gold: list[GoldQuote], quotes: list[dict]) -> list[tuple[int, int]]:
    """(gold index, quote index) paired by the overlap of their spans, largest first, one to one."""
    cand = []
    for i, g in enumerate(gold):
        for j, q in enumerate(quotes):
            pieces = [(p["start"], p["end"]) for p in q.get("parts") or [q]]
            inter = sum(max(0, min(g.end, e) - max(g.start, s)) for s, e in pieces)
            if inter > 0:
                cand.append((-inter, i, j))
    return one_to_one(cand)


def score(gold: Iterable[GoldQuote], records: dict[str, dict]) -> SpeakerScore:
    """Score the records (article id -> claimx record dict) against ``gold``."""
    by_article: dict[str, list[GoldQuote]] = {}
    for g in gold:
        by_article.setdefault(g.article, []).append(g)
    out = SpeakerScore()
    for art, golds in by_article.items():
        out.gold += len(golds)
        rec = records.get(art)
        if rec is None:
            continue
        speakers = {s["id"]: s for s in rec["speakers"]}
        for i, j in _pairs(golds, rec["quotes"]):
            g, q = golds[i], rec["quotes"][j]
            sp = speakers.get(q["speaker"]) if q["speaker"] else None
            out.paired += 1
            right = speaker_right(g, sp)
            out.right += right
            if not right:
                out.misses.append(f"{art} [{g.start}:{g.end}] gold {g.speaker[0]!r} ({g.kind}) -> "
                                  f"{sp['name'] if sp else None!r} ({sp['kind'] if sp else '-'})")
            if g.titles:
                out.titled += 1
                ok = right and sp is not None and position_right(g, sp)
                out.position += ok
                if right and not ok:
                    out.misses.append(f"{art} [{g.start}:{g.end}] {g.speaker[0]!r}: no position of {g.titles} "
                                      f"in {[p['text'] for p in sp['positions']] if sp else []}")
    return out
