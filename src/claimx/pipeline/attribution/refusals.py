"""Refusals: a source that declines to speak makes no statement ("A
spokesman declined to comment", "refused to say whether ...", "declined
requests for an interview", "did not respond to a request for comment").
They are dropped, whatever their act; the words refused are listed in
``data/refusals.txt``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from claimx.lexicon import refusals
from claimx.pipeline.attribution.statement import Attribution

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading

REFUSING = frozenset({"decline", "refuse"})


def drop_refusals(doc: Doc, ctx: Reading) -> None:
    """The pass: the statements found so far, without refusals to speak."""
    ctx.found = [a for a in ctx.found if not refusal(doc, a)]


def refusal(doc: Doc, att: Attribution) -> bool:
    """Whether a statement only refuses to speak: "declined to comment",
    "declined comment", "did not respond to a request for comment" (not
    "declined to endorse Trump", not "refused to concede that ...")."""
    if att.cue is None:
        return False
    span = doc.char_span(att.cue[0], att.cue[1])
    if span is None or len(span) != 1:
        return False
    cue = span[0]
    return declined_to_comment(cue) or refused_words(cue) or no_response(cue)


def declined_to_comment(cue: Token) -> bool:
    """"declined to comment", "refused to say whether ...", "declined
    comment", "declined requests for an interview": a verb of refusing whose
    infinitive is a verb of speaking or whose object a request or comment."""
    if cue.lemma_.lower() not in REFUSING:
        return False
    for child in cue.children:
        if child.dep_ == "xcomp" and child.lemma_.lower() in refusals():
            return True
        if child.dep_ == "dobj" and child.lower_ in refusals():
            return True
    return False


def refused_words(cue: Token) -> bool:
    """"refused to *say* whether he would run": the verb of speaking a
    refusal governs says nothing either."""
    return (
        cue.dep_ == "xcomp" and cue.lemma_.lower() in refusals() and cue.head.lemma_.lower() in REFUSING
    )


def no_response(cue: Token) -> bool:
    """"did not respond to a request for comment", "has not replied to
    questions": a negated cue whose object, or the object of its preposition,
    is a request, a call, a question or a comment."""
    if not any(c.dep_ == "neg" for c in cue.children):
        return False
    for child in cue.children:
        if child.dep_ == "dobj" and child.lower_ in refusals():
            return True
        if child.dep_ == "prep" and any(o.dep_ == "pobj" and o.lower_ in refusals() for o in child.children):
            return True
    return False
