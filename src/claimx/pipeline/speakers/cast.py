"""The speakers of one Doc as the steps find them (:class:`Cast`): one
:class:`Speaker` record per real-world speaker, which tokens name which
speaker, and what the steps read about the Doc as a whole (its paragraphs,
its statements in order). Passed explicitly from step to step; nothing is
kept on the resolver."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimx.pipeline.quotemarks import QuotationIndex

SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass(slots=True)
class Speaker:
    name: str
    kind: str  # person | organisation | group | document | unnamed
    key: tuple[str, ...]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    positions: list[dict] = field(default_factory=list)
    first: int = 0
    # (start, end, gender, weight) of each word that says the speaker's
    # gender; weight: firm (an honorific, a role noun), pronoun (one the
    # steps resolved) or generic ("spokesman", also used of women)
    evidence: list[tuple[int, int, str, str]] = field(default_factory=list)
    # lower-case words the article describes the speaker with: the head
    # nouns of titles and appositions ("secretary", "goalkeeper")
    descriptors: set[str] = field(default_factory=set)
    described: set[str] = field(default_factory=set)  # lower-case words of its positions and affiliations
    ages: set[str] = field(default_factory=set)  # "45" from "John Smith, 45," or "45-year-old John Smith"
    label: str | None = None  # the entity label the speaker was named by (ORG, GPE, PERSON...)

    def add_mention(self, span: tuple[int, int]) -> None:
        if span not in self.mentions:
            self.mentions.append(span)

    def add_position(self, pos: dict | None) -> None:
        """Add ``pos`` unless it is None or a position of the same words is known."""
        if pos is not None and pos["text"] not in [p["text"] for p in self.positions]:
            self.positions.append(pos)
            words = f"{pos['text']} {pos['title'] or ''} {pos['affiliation'] or ''}".lower()
            self.described.update(w for w in re.split(r"[^\w]+", words) if w)

    def add_evidence(self, start: int, end: int, gender: str | None, weight: str = "firm") -> None:
        if gender is not None and all((s, e) != (start, end) for s, e, *_ in self.evidence):
            self.evidence.append((start, end, gender, weight))

    @property
    def gender(self) -> str | None:
        """female or male when all the evidence agrees (generic evidence only
        when there is no other); None without evidence or on a conflict."""
        found = {g for _, _, g, w in self.evidence if w != "generic"}
        if not found:
            found = {g for _, _, g, _ in self.evidence}
        return found.pop() if len(found) == 1 else None

    @property
    def firm_gender(self) -> str | None:
        """The gender honorifics and role nouns agree on, or None."""
        found = {g for _, _, g, w in self.evidence if w == "firm"}
        return found.pop() if len(found) == 1 else None

    def agrees(self, gender: str) -> bool:
        """Whether the speaker can be referred to as ``gender``: the evidence
        (not generic) says so, or says nothing sure (none, or conflicting)."""
        found = {g for _, _, g, w in self.evidence if w != "generic"}
        return len(found) != 1 or gender in found

    def last_before(self, offset: int) -> int:
        """Where the speaker was last mentioned before ``offset`` (-1: not before it)."""
        return max((s for s, _ in self.mentions if s < offset), default=-1)


@dataclass(slots=True)
class Cast:
    """The speakers found so far, in the order found; the speaker each
    token that names one stands for (token index -> speaker index); the
    paragraph starts of the text and its statements as (cue start, source
    token), in reading order; and its quotations."""

    speakers: list[Speaker] = field(default_factory=list)
    by_token: dict[int, int] = field(default_factory=dict)
    paragraphs: list[int] = field(default_factory=lambda: [0])
    statements: list[tuple[int, int]] = field(default_factory=list)
    quoted: QuotationIndex | None = None  # the quotations: who is named inside one is not named by the writer
    acronyms: dict[str, str] = field(default_factory=dict)  # acronyms the text defines: NFU -> National Farmers Union
    # page furniture (credits, bylines): no member there (attribution.furniture.covers reads it)
    furniture: list[tuple[int, int]] = field(default_factory=list)
    text: str = ""  # the Doc's text, as the attributor read it (names are sliced from it, never from the Doc)

    def add(self, speaker: Speaker) -> int:
        """Add a new speaker; its index."""
        self.speakers.append(speaker)
        return len(self.speakers) - 1

    def name(self, k: int, tokens: list[int], span: tuple[int, int]) -> None:
        """Record that the tokens ``tokens`` (one mention, ``span``) name speaker ``k``."""
        for i in tokens:
            self.by_token[i] = k
        self.speakers[k].add_mention(span)

    def paragraph(self, offset: int) -> int:
        """The index of the paragraph holding character ``offset``."""
        return bisect_right(self.paragraphs, offset) - 1

    def recent(self, k: int, offset: int, paragraphs: int) -> bool:
        """Whether speaker ``k`` was mentioned before ``offset`` in its
        paragraph or the ``paragraphs`` before it."""
        last = self.speakers[k].last_before(offset)
        return last >= 0 and self.paragraph(offset) - self.paragraph(last) <= paragraphs

    def previous_speaker(self, offset: int, source: int | None = None) -> int | None:
        """The speaker of the last statement whose cue comes before ``offset``
        (and whose source is not the token ``source``); None if it is unresolved."""
        for cue, tok in reversed(self.statements):
            if cue < offset and tok != source:
                return self.by_token.get(tok)
        return None

    def subject_since(self, k: int, tok: Token) -> bool:
        """Whether the subject of a main clause other than speaker ``k`` (a
        noun or a name) comes between ``k``'s last mention and ``tok``:
        "Democrats want ..., and Republicans want ... (they ...)"; not a
        subject of what was reported ("Officials said the plan was late.
        They added") nor one inside a quotation ("“My reaction was
        outrageous,” the strategist said")."""
        span = tok.doc.char_span(self.speakers[k].last_before(tok.idx), tok.idx, alignment_mode="expand")
        return span is not None and any(
            t.dep_ in SUBJECT_DEPS and t.pos_ in ("NOUN", "PROPN") and self.by_token.get(t.i) != k
            and main_verb(t.head) and (self.quoted is None or t.idx not in self.quoted) for t in span
        )

    def named_since(self, k: int, offset: int) -> bool:
        """Whether the writer named another person between ``k``'s last
        mention before ``offset`` and ``offset`` (not inside a quotation)."""
        since = self.speakers[k].last_before(offset)
        return any(
            o != k and sp.kind == "person" and since < s < offset and (self.quoted is None or s not in self.quoted)
            for o, sp in enumerate(self.speakers) for s, _ in sp.mentions
        )


def main_verb(verb: Token) -> bool:
    """Whether ``verb`` is its sentence's main verb or coordinated with it."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


