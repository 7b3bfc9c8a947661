"""Cue-based statements, a verb and its speaker and what it reports: the
quotation right before the cue phrase ("“We will win,” Smith said"), the
cue's complement ("Smith said the budget would be balanced", extended over
a quotation that follows it at once: a *mixed* quote), the quotation right
after the cue phrase ("Jane Smith said: “The budget is balanced.”"). These
are the two most precise passes; the asides and parentheticals a cue may
stand in are :mod:`claimx.pipeline.attribution.asides`'.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from claimx.pipeline.attribution.asides import aside_or_parenthesis, fronted, in_pieces, inverted_parenthesis
from claimx.pipeline.attribution.content import (
    complement,
    cut,
    ends_open,
    introduces,
    opens_outside,
    quote_after,
    quote_before,
    strip_that,
)
from claimx.pipeline.attribution.cues import phrase
from claimx.pipeline.attribution.sources import QUOTED, quoted_as_saying, subject_of
from claimx.pipeline.attribution.statement import Attribution, classify, from_cue
from claimx.pipeline.attribution.words import LETTER, adverbial, is_title, passive, trim
from claimx.pipeline.quotemarks import Quotation, holds_double

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading

Span = tuple[int, int]


def quotes_someone(cue: Token) -> bool:
    """"The paper *quoted* the mayor as saying ...": the verb that quotes
    makes no statement of its own; its "saying" does."""
    return cue.lemma_.lower() in QUOTED and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(quoted_as_saying(g) is not None for g in c.children)
        for c in cue.children
    )


# -- pass: the quotation before the cue ---------------------------------------
def quotes_before(doc: Doc, ctx: Reading) -> None:
    """Each cue's phrase, and the quotation that ends right before it when
    the cue takes quotations: "“We will win this race,” Smith said." A
    quotation ending in a comma goes on after the cue: "“The plan is
    simple,” Smith said, “and it will work.”" (one statement, two parts)."""
    text, quotes = ctx.text, ctx.quotes
    for cue in ctx.cue_tokens:
        subj = ctx.subjects[cue.i] = subject_of(ctx, cue)
        phrase_start, phrase_end = phrase(ctx, cue, subj)
        quoted = quoted_as_saying(cue)
        if subj is not None and quoted is not None and quoted.i == subj.i and subj.i < cue.i:
            phrase_start = min(phrase_start, subj.left_edge.idx)  # "“...,” the senator was quoted as saying"
        ctx.phrases[cue.i] = (phrase_start, phrase_end)
        if quotes_someone(cue):
            ctx.phrases[cue.i] = None
            continue
        k = _quote_before_cue(ctx, doc, cue, subj, phrase_start, phrase_end)
        if k is not None and k not in ctx.claimed and "quote" in ctx.kinds(cue):
            ctx.claimed.add(k)
            parts = [(quotes[k].inner_start, quotes[k].inner_end)]
            # split quote: "“A,” he said, “B.”"
            k2 = quote_after(text, quotes, phrase_end)
            if k2 is None:
                k2 = quote_joined(text, quotes, phrase_end)
            if k2 is not None and k2 not in ctx.claimed and ends_open(text, quotes[k]):
                ctx.claimed.add(k2)
                parts += list(quotes[k2].parts)
            ctx.found.append(from_cue(ctx, "direct", parts, cue, subj, 0.95, "quote-before"))
            ctx.phrases[cue.i] = None


_JOINED = re.compile(r"[ \t\xa0]*,?[ \t\xa0]*(?:and|but)[ \t\xa0]+")


def quote_joined(text: str, quotes: list[Quotation], at: int) -> int | None:
    """A second quotation joined by "and" after the cue phrase: "“The
    tariffs are a tax,” he said, “and consumers pay it”" has the "and"
    inside; "“The tariffs are a tax,” he said, and “consumers pay it.”"
    outside (not "... he said, and the crowd cheered": no quotation)."""
    m = _JOINED.match(text, at)
    if m is None:
        return None
    return next((k for k, q in enumerate(quotes) if q.start == m.end()), None)


def _quote_before_cue(
    ctx: Reading, doc: Doc, cue: Token, subj: Token | None, phrase_start: int, phrase_end: int
) -> int | None:
    """The quotation right before the cue phrase that the cue may report: not
    a title, not one the phrase comes after to introduce the next ("“...
    girls.” Cruz says, “That is ...”"), not when the cue has words of its own."""
    text, quotes = ctx.text, ctx.quotes
    k = quote_before(ctx, doc, phrase_start)
    if k is not None and is_title(text, quotes[k]):
        k = None
    if k is not None and introduces(text, quotes, quotes[k], phrase_end):
        k = None
    if k is not None and cue.tag_ == "VBG" and any(
        c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > cue.i for c in cue.children
    ):
        k = None  # "… as “radical Islamists,” saying calling the group that ...": its own words
    if k is not None and any(
        c.dep_ == "ccomp" and c.i > cue.i and opens_outside(ctx, c) and not adverbial(c, cue)
        and not (subj is not None and subj in c.subtree)  # "said Ben Carson, asked ..."
        for c in cue.children
    ):
        # "a defense of “New York values,” saying the city embodied
        # ...", "“...neighborhood.” Russia insisted that Pyongyang
        # ...": a cue with a clause of its own reports that clause
        k = None
    return k


# -- pass: the complement, an aside or parenthesis, the quotation after -------
def complements(doc: Doc, ctx: Reading) -> None:
    """What each cue not yet answered by a quotation before it reports, in
    order of preference: its complement ("Jane Smith said *the budget would
    be balanced*"), the clause it stands aside in or interrupts ("*The
    economy*, Smith said, *would recover by June*"), the quotation right after
    its phrase ("He said: “...”")."""
    for cue in ctx.cue_tokens:
        plan = ctx.phrases[cue.i]
        if plan is None:
            continue
        att = _reports(doc, ctx, cue, plan)
        if att is not None:
            ctx.found.append(att)


def _reports(doc: Doc, ctx: Reading, cue: Token, plan: Span) -> Attribution | None:
    """The statement of one cue whose phrase spans ``plan``, or None."""
    subj = ctx.subjects[cue.i] if cue.i in ctx.subjects else subject_of(ctx, cue)
    kinds = ctx.kinds(cue)
    inverted = inverted_parenthesis(ctx, cue, subj) if "clause" in kinds else []
    if inverted:  # "The new rules, said the mayor, will take effect in May"
        return in_pieces(ctx, cue, subj, inverted, "inverted-parenthesis")
    content, rule = complement(ctx, cue, kinds)
    pieces: list[Span] = []
    if content is None:
        content, rule, pieces = aside_or_parenthesis(ctx, cue, subj, kinds, plan, rule)
    if content is not None:
        att = _clause_statement(doc, ctx, cue, subj, kinds, content, rule)
        first = fronted(ctx, cue, plan, (att.start, att.end)) if att is not None else None
        if att is not None and first is not None:
            # "If the talks fail, the minister said, the strike will go on": both sides
            ctx.claimed.update(ctx.index.inside(*first))
            att.parts, att.start = [first, *att.parts], first[0]
            if att.type == "direct" or holds_double(ctx.text, *first):
                att.type = "mixed"
        return att
    if pieces:
        return in_pieces(ctx, cue, subj, pieces, rule)
    if "quote" not in kinds:
        return None
    quotes = ctx.quotes
    k = quote_after(ctx.text, quotes, plan[1])
    if k is not None and k not in ctx.claimed and not is_title(ctx.text, quotes[k]):
        ctx.claimed.add(k)
        return from_cue(ctx, "direct", list(quotes[k].parts), cue, subj, 0.9, "quote-after")
    return None


def _clause_statement(
    doc: Doc, ctx: Reading, cue: Token, subj: Token | None, kinds: frozenset[str], content: Span, rule: str
) -> Attribution | None:
    """The statement whose content is the span ``content``: trimmed ("that"
    and the next paragraph off), never cutting a quotation in two, extended
    over a quotation that follows at once ("Sanders said the convention could
    be “messy,”"); None when it holds no word, or is unmarked and nobody's."""
    text, quotes = ctx.text, ctx.quotes
    start, end = trim(text, *content)
    start = strip_that(doc, start)
    end = cut(text, quotes, start, end)
    # a content boundary never cuts a quotation in two
    for q in quotes:
        if q.start < end and start < q.end:
            start, end = min(start, q.start), max(end, q.end)
    if end <= start or not LETTER.search(text[start:end]):
        return None
    # a quotation that follows the clause at once belongs to it
    k = quote_after(text, quotes, end)
    if k is not None and k not in ctx.claimed and "quote" in kinds:
        ctx.claimed.add(k)
        end = quotes[k].end
    inside = ctx.index.inside(start, end)
    ctx.claimed.update(inside)
    kind, parts = classify(text, quotes, inside, start, end)
    if kind == "indirect" and subj is None and not passive(cue):
        # no quotation marks and nobody saying it: "That only
        # escalated the fight", "propose alternatives" (on PolNeAR
        # train three in four such were no statement); a passive
        # cue has no speaker by nature ("is expected to")
        return None
    conf = 0.9 if kind == "direct" else 0.8
    return from_cue(ctx, kind, parts, cue, subj, conf, rule)
