"""The statement record the passes produce (:class:`Attribution`) and the
ways to build one: from its parts, from a cue and its speaker, and the kind
its content has (direct, indirect or mixed) from the quotations it holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from claimx.pipeline.attribution.sources import mention_span
from claimx.pipeline.attribution.words import ADDRESSEE_DEPS
from claimx.pipeline.quotemarks import Quotation, holds_double

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}


@dataclass(slots=True)
class Attribution:
    """One statement found in a Doc (character offsets into ``doc.text``)."""

    type: str  # direct | indirect | mixed
    start: int
    end: int
    parts: list[tuple[int, int]]
    cue: tuple[int, int, str] | None  # start, end, lemma
    source: tuple[int, int] | None  # the raw mention of the speaker
    source_token: int | None  # head token index of the mention
    addressee: tuple[int, int] | None
    sentence: tuple[int, int]
    paragraph: int
    confidence: float
    inherited_from: int | None = None  # index of the attribution whose speaker this one continues
    rule: str = ""  # which construction found it: quote-before, clause, quote-after, object, ...
    act: str = "speech"  # speech | belief | fact | intention (set by attribution.acts)
    content: str = "claim"  # claim | topic | question (set by attribution.claims; ACTS.md rule 3)


def statement(
    kind: str,
    parts: list[tuple[int, int]],
    cue: tuple[int, int, str] | None,
    source: tuple[int, int] | None,
    source_token: int | None,
    sentence: tuple[int, int],
    paragraph: int,
    confidence: float,
    rule: str,
    addressee: tuple[int, int] | None = None,
    inherited_from: int | None = None,
) -> Attribution:
    """An :class:`Attribution` whose extent is that of its parts."""
    return Attribution(
        type=kind,
        start=parts[0][0],
        end=parts[-1][1],
        parts=parts,
        cue=cue,
        source=source,
        source_token=source_token,
        addressee=addressee,
        sentence=sentence,
        paragraph=paragraph,
        confidence=round(max(confidence, 0.05), 2),
        inherited_from=inherited_from,
        rule=rule,
    )


def from_cue(
    ctx: Reading, kind: str, parts: list[tuple[int, int]], cue: Token, subj: Token | None, conf: float, rule: str
) -> Attribution:
    """The statement a cue token makes: its speaker's mention (a pronoun or
    no speaker lowers the confidence), whom it was told to ("told
    reporters"), its sentence and paragraph."""
    source = source_tok = None
    if subj is not None:
        source = mention_span(subj)
        source_tok = subj.i
        if subj.lower_ in PRONOUNS:
            conf -= 0.1
    else:
        conf -= 0.3
    addressee = None
    if cue.lemma_.lower() == "tell":
        for child in cue.children:
            if child.dep_ in ADDRESSEE_DEPS:
                addressee = mention_span(child)
                break
    sent = cue.sent
    return statement(
        kind, parts, (cue.idx, cue.idx + len(cue), cue.lemma_.lower()), source, source_tok,
        (sent.start_char, sent.end_char), ctx.para_of(cue.idx), conf, rule, addressee=addressee,
    )


def classify(
    text: str, quotes: list[Quotation], inside: list[int], start: int, end: int
) -> tuple[str, list[tuple[int, int]]]:
    """The kind of a content span and its parts: one quotation filling it is
    *direct* (its own parts), quotation marks in it make it *mixed* ("the deal
    was “a disaster” for workers"), none *indirect*; ``inside`` are the
    quotations within it."""
    if len(inside) == 1:
        q = quotes[inside[0]]
        if q.start == start and q.end >= end - 1:
            return "direct", list(q.parts)
    if inside or holds_double(text, start, end):
        return "mixed", [(start, end)]
    return "indirect", [(start, end)]
