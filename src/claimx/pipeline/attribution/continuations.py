"""Continuations: quotations no cue claimed that go on with a statement
already found. A quotation opening the next sentence goes on with the
direct quote before it ("“A,” said X, a lawyer. “B.”"); a whole-paragraph
quotation right after a paragraph with a statement continues that speaker.
The quotations left are scare quotes, titles and headings: no statement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from claimx.pipeline.attribution.statement import Attribution, statement
from claimx.pipeline.attribution.words import LETTER, is_title

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading


def follow_on(doc: Doc, ctx: Reading) -> None:
    """The pass: a quotation that opens the next sentence, with no cue of its
    own, goes on with the same statement: "“A,” said X, a lawyer. “B.”"
    (one statement, both parts)."""
    text, quotes = ctx.text, ctx.quotes
    for att in ctx.found:
        if att.type != "direct":
            continue
        at = max(att.sentence[1], att.end)
        while True:
            # the parser may end the sentence after the next quotation's
            # opening mark ("... Mr. Biden said. ''Tell ...''": a typewriter
            # pair reads as closing): a quotation that only its marks put
            # before the sentence's end still opens the next sentence
            nxt = next((k for k, q in enumerate(quotes)
                        if q.start >= att.end and not LETTER.search(text[q.start : at])), None)
            if nxt is None or nxt in ctx.claimed:
                break
            gap = text[at : quotes[nxt].start]
            if gap.strip() or "\n" in gap or is_title(text, quotes[nxt]):
                break
            ctx.claimed.add(nxt)
            att.parts = att.parts + list(quotes[nxt].parts)
            att.end = quotes[nxt].inner_end
            at = quotes[nxt].end


def paragraph_continuations(doc: Doc, ctx: Reading) -> None:
    """The pass: an unclaimed quotation that opens its paragraph, right after
    a paragraph whose last statement has a speaker (or continues one: a run
    of quotation paragraphs after “...,” she said), continues that speaker
    when it has four words or more, or is a sentence alone on its line
    (“Absolutely.”, not “Meet the Press”); a quotation in capitals on a line
    of its own (“DIVISIVE, STUPID AND WRONG”) is a heading."""
    text, found = ctx.text, ctx.found
    extra: list[Attribution] = []
    by_para: dict[int, Attribution] = {}
    for a in found:
        by_para[a.paragraph] = a
        by_para[ctx.para_of(max(a.start, a.end - 1))] = a  # a quotation that runs into the next paragraph
    for k, q in enumerate(ctx.quotes):
        if k in ctx.claimed:
            continue
        p = ctx.para_of(q.start)
        p_start, p_end = ctx.paras[p]
        words = len(text[q.inner_start : q.inner_end].split())
        starts_para = not text[p_start : q.start].strip()
        inner = text[q.inner_start : q.inner_end]
        # a short sentence alone on its line is said (“Absolutely.”); “Meet the Press” names something
        alone = starts_para and not LETTER.search(text[q.end : p_end]) and inner.rstrip()[-1:] in (".", "!", "?", "…")
        if not starts_para or words < 4 and not alone:
            continue
        if inner.rstrip()[-1:] not in (".", "!", "?", "…", ",") and is_title(text, q):
            continue  # “American Skin (41 Shots)” names a song
        if inner.upper() == inner and not text[q.end : p_end].strip():
            continue  # “DIVISIVE, STUPID AND WRONG” on a line of its own: a heading
        prev = by_para.get(p - 1)
        if prev is not None and prev.source is None and prev.inherited_from is not None:
            prev = found[prev.inherited_from]  # a run of quotation paragraphs: the speaker of the first
        if prev is None or prev.source is None:
            continue
        sent = doc.char_span(q.start, q.end, alignment_mode="expand")
        s0 = sent[0].sent if sent is not None and len(sent) else None
        a = statement(
            "direct", list(q.parts), None, None, prev.source_token,
            (s0.start_char, s0.end_char) if s0 is not None else (q.start, q.end),
            p, prev.confidence - 0.3, "continuation", inherited_from=found.index(prev),
        )
        a.act = prev.act  # more of the same statement
        extra.append(a)
        by_para[p] = a
    found += extra
