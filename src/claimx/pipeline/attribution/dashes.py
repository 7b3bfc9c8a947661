"""Dash attributions: a quotation, a dash and a name after it ("“We will
keep the library open.” — Commissioner Jane Roe", "“How did we get this
low?” ― Jacklyn Ashley": a pull quote, signed), and an embedded post
signed with a dash, a name and a handle, its words unmarked ("The vote
is a disgrace. — Jane Roe (@janeroe) March 3, 2020"). The dash is the cue.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from claimx.pipeline.attribution.sources import mention_span
from claimx.pipeline.attribution.statement import Attribution, classify, statement
from claimx.pipeline.attribution.words import LETTER, trim

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading

_DASH_AFTER = re.compile(r"[ \t\xa0]*([—―–]|--?)[ \t\xa0]*(?=[A-Z])")
# "— Jane Roe (@janeroe) March 3, 2020" closing a paragraph: an embedded post's signature
_POST_SIGNATURE = re.compile(
    r"[ \t\xa0]+([—―–]|--?)[ \t\xa0]*([A-Z][^()\n]{0,60}?)[ \t\xa0]*\(@\w{1,30}\)[^\n]{0,40}$"
)


def dashes(doc: Doc, ctx: Reading) -> None:
    """The pass: each unclaimed quotation followed by a dash and a proper
    noun (or a person's or organisation's name) is that name's: "“...” —
    Commissioner Jane Roe" -> Jane Roe."""
    text = ctx.text
    for k, q in enumerate(ctx.quotes):
        if k in ctx.claimed:
            continue
        m = _DASH_AFTER.match(text, q.end)
        if not m:
            continue
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tok = span[0]
        if tok.pos_ != "PROPN" and tok.ent_type_ not in ("PERSON", "ORG"):
            continue
        while tok.dep_ in ("compound", "flat", "amod") and tok.head.i > tok.i:
            tok = tok.head
        ctx.claimed.add(k)
        sent = tok.sent
        ctx.found.append(statement(
            "direct", list(q.parts), (m.start(1), m.end(1), m.group(1)), mention_span(tok), tok.i,
            (sent.start_char, sent.end_char), ctx.para_of(q.start), 0.8, "dash",
        ))
    for p, (start, end) in enumerate(ctx.paras):
        att = signed_post(doc, ctx, p, start, end)
        if att is not None:
            ctx.found.append(att)


def signed_post(doc: Doc, ctx: Reading, p: int, start: int, end: int) -> Attribution | None:
    """"The vote is a disgrace and we will fight it. — Jane Roe (@janeroe)
    March 3, 2020": a paragraph that ends with a dash, a name and a handle
    is a post of that name's; its words before the dash are what it says
    (none when a statement already holds them: "“...” — Jane Roe (@janeroe)")."""
    text = ctx.text
    m = _POST_SIGNATURE.search(text, start, end)
    if m is None:
        return None
    words = trim(text, start, m.start())
    if words[1] <= words[0] or not LETTER.search(text[words[0] : words[1]]):
        return None
    if any(a.start < words[1] and words[0] < a.end for a in ctx.found) or ctx.in_furniture(*words):
        return None
    name = doc.char_span(m.start(2), m.end(2), alignment_mode="contract")
    if name is None or not len(name):
        return None
    inside = ctx.index.inside(*words)
    ctx.claimed.update(inside)
    kind, parts = classify(text, ctx.quotes, inside, *words)
    sent = doc.char_span(*words, alignment_mode="expand")
    span = (sent.start_char, sent.end_char) if sent is not None else words
    return statement(
        kind, parts, (m.start(1), m.end(1), m.group(1)), (name.start_char, name.end_char), name.root.i,
        span, p, 0.75, "signed-post",
    )
