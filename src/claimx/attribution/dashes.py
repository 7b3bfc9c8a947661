"""Dash attributions: a quotation, a dash and a name after it ("“We will
keep the library open.” — Commissioner Jane Roe", "“How did we get this
low?” ― Jacklyn Ashley"). The dash is the cue.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from claimx.attribution.sources import mention_span
from claimx.attribution.statement import statement

if TYPE_CHECKING:
    from claimx.attribution.context import Reading

_DASH_AFTER = re.compile(r"[ \t\xa0]*([—―–]|--?)[ \t\xa0]*(?=[A-Z])")


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
