"""According-to attributions: "The economy grew by 3 percent last year,
according to the Commerce Department." The source is the object of "to"
(or the author of the statement it names: "according to a statement by
the ministry"); the content is the side of the clause that holds the
phrase's head (or, when the parse made "According" the root, the rest of
the sentence after the comma). "In her words, ..." and "In the words of
X, ..." attribute the clause they open the same way (:func:`in_words`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from claimx.lexicon import artefacts, author_verbs
from claimx.pipeline.attribution.sources import mention_span
from claimx.pipeline.attribution.statement import Attribution, classify, statement
from claimx.pipeline.attribution.words import char_span, trim
from claimx.pipeline.quotemarks import parts_hold_double

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading


def according_to(doc: Doc, ctx: Reading) -> None:
    """The pass: each "according to" outside the quotations with a source
    and a clause makes a statement."""
    according, words = [], []
    for t in doc:  # one scan for both
        low = t.lower_
        if low == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to" and not ctx.in_quote(t.idx):
            according.append(t)
        elif low == "words" and not ctx.in_quote(t.idx):
            words.append(t)
    for tok in according:
        att = _according(ctx, doc, tok)
        if att is not None:
            ctx.found.append(att)
    for tok in words:
        att = in_words(ctx, doc, tok)
        if att is not None:
            ctx.found.append(att)


def author(src: Token) -> Token:
    """The one a statement, report or post is by: "a statement *by the
    ministry*", "*the company's* statement", "a court filing submitted *by
    the defence*", "a speech *the senator* gave" (data/artefacts.txt); else
    the source itself ("the Commerce Department", "a filing obtained by
    reporters": no agent of authoring)."""
    if src.lemma_.lower() not in artefacts():
        return src
    for child in src.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        by = _maker(child)
        if by is not None:
            return by
    return src


def _maker(clause: Token) -> Token | None:
    """Who made the document a clause on it names: the agent of a participle
    of making ("filed *by the defence*", data/author_verbs.txt) or the
    subject of a relative clause ("a speech *the senator* gave")."""
    if clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.lemma_.lower() in author_verbs() | {"provide"}:
        agent = next((c for c in clause.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if clause.dep_ == "relcl":
        return next((c for c in clause.lefts if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")), None)
    return None


def in_words(ctx: Reading, doc: Doc, words: Token) -> Attribution | None:
    """"*In her words*, the plan was “a disaster”", "In the words of *one
    official*, the deal is dead": the clause the phrase opens is the
    source's (a possessor or the object of "of"); not "in other words",
    not "in a few words"."""
    prep = words.head
    if words.dep_ != "pobj" or prep.lower_ != "in" or prep.head.i == prep.i:
        return None
    src = next((c for c in words.children if c.dep_ == "poss" and c.lower_ not in ("my", "our")), None)
    if src is None:
        of = next((c for c in words.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        src = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if src is None:
        return None
    phrase = {t.i for t in prep.subtree}
    side = _clause_side(prep, prep, prep.head)
    if not side or min(phrase) > side[0].i:
        return None
    start, end = trim(ctx.text, *char_span(side))
    if end <= start:
        return None
    inside = [i for i in ctx.index.inside(start, end) if i not in ctx.claimed]
    ctx.claimed.update(inside)
    kind, parts = classify(ctx.text, ctx.quotes, inside, start, end)
    sent = prep.sent
    return statement(
        kind, parts, (prep.idx, words.idx + len(words), "in words"), mention_span(src), src.i,
        (sent.start_char, sent.end_char), ctx.para_of(prep.idx), 0.75, "in-words",
    )


def _according(ctx: Reading, doc: Doc, tok: Token) -> Attribution | None:
    """The statement of "according" at ``tok``: "*The economy grew by 3
    percent last year*, according to *the Commerce Department*"; "According
    to *radio host Rush Limbaugh*, *the move reeks of “fear” and
    desperation*"."""
    quotes = ctx.quotes
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
    if not objs:
        return None
    src = author(objs[0])
    head = tok.head if tok.head.i != tok.i else None
    if head is not None and head.i == to.i:
        return None
    sent = tok.sent
    pieces = _interrupted(tok, to, head) if head is not None else None
    if pieces is not None:
        # "Waiting times, according to the report, will fall": both sides, one statement
        parts = [trim(ctx.text, *char_span(p)) for p in pieces]
        ctx.claimed.update(ctx.index.inside(parts[0][0], parts[-1][1]))
        kind = "mixed" if parts_hold_double(ctx.text, parts) else "indirect"
    else:
        side = _rest_of_sentence(tok, src) if head is None else _clause_side(tok, to, head)
        if not side:
            return None
        start, end = trim(ctx.text, *char_span(side))
        if end <= start:
            return None
        inside = ctx.index.inside(start, end)
        ctx.claimed.update(inside)
        kind, parts = classify(ctx.text, quotes, inside, start, end)
    return statement(
        kind, parts, (tok.idx, to.idx + len(to), "according to"), mention_span(src), src.i,
        (sent.start_char, sent.end_char), ctx.para_of(tok.idx), 0.8, "according-to",
    )


def _rest_of_sentence(tok: Token, src: Token) -> list[Token] | None:
    """The parse made "According" the root: "According to X, the move reeks
    of ...": the rest of the sentence after the comma."""
    sent = tok.sent
    if tok.i != sent.start:
        return None
    comma = next((t for t in sent if t.i > src.i and t.text == ","), None)
    if comma is None:
        return None
    return [t for t in sent if t.i > comma.i and not t.is_space]


def _interrupted(tok: Token, to: Token, head: Token) -> list[list[Token]] | None:
    """"*Waiting times*, according to the report, *will fall*": a phrase set off
    by commas between the subject of the clause it hangs on and the rest
    reports the clause on both sides (None elsewhere: "*Since May*, according
    to X, ..." reports what follows)."""
    doc = tok.doc
    phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
    first, last = min(phrase), max(phrase)
    if first == 0 or last + 1 >= len(doc) or doc[first - 1].text != "," or doc[last + 1].text != ",":
        return None
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")), None)
    if head.i < first or subject is None or subject.right_edge.i != first - 2:
        return None  # the phrase does not stand between the subject and its verb ("Since May, according to X, ...")
    before = [t for t in subject.subtree if not t.is_space]
    after = [t for t in head.subtree if t.i > last + 1 and not t.is_space]
    return [before, after] if any(t.is_alpha for t in after) else None


def _clause_side(tok: Token, to: Token, head: Token) -> list[Token] | None:
    """The side of the clause "according to" hangs on that holds its head
    ("*The economy grew ...*, according to ...")."""
    phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
    clause = [t for t in head.subtree if t.i not in phrase]
    if not clause:
        return None
    before = [t for t in clause if t.i < tok.i]
    after = [t for t in clause if t.i > max(phrase)]
    side = before if head.i < tok.i else after
    return [t for t in side if not t.is_space]
