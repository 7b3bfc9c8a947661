"""Parentheticals and asides: a cue that interrupts the clause it reports
("The economy, Smith said, would recover by June") or vouches for the
clause or quotation beside it ("As Clyburn noted, those voters will give
Sanders a second look"; "..., as Mrs. Clinton put it"), the cue before
its speaker too ("The new rules, said the mayor, will take effect in May").
The content is the clause around the cue phrase, in one piece or two.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from claimx.pipeline.attribution.context import ASIDE
from claimx.pipeline.attribution.statement import Attribution, from_cue
from claimx.pipeline.attribution.words import ADDRESSEE_DEPS, LETTER, char_span, closing_comma, passive, trim
from claimx.pipeline.quotemarks import ALL_MARKS, parts_hold_double

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading

Span = tuple[int, int]

_LETTER_RUN = re.compile(r"[^\W\d_]+")
_TELL = {"tell", "inform", "assure", "remind", "warn", "advise", "brief"}  # their object is the one told
_NOT_ASIDE = {"i", "we", "you", "one"}  # "as we know it", "as you know"


def aside_or_parenthesis(
    ctx: Reading, cue: Token, subj: Token | None, kinds: frozenset[str], phrase: Span, rule: str
) -> tuple[Span | None, str, list[Span]]:
    """For a cue with no complement of its own: ``(content, rule, pieces)``.

    An aside's clause in one piece is its content ("As The Hill reported,
    *Trump was ...*"), in two its pieces ("*the result*, as he later
    explained, *was ...*"); a parenthetical cue's two pieces ("*South
    Carolina*, he said, *was “where we ...”*"). ``rule`` is kept unless the
    construction names its own.
    """
    phrase_start, phrase_end = phrase
    if ASIDE <= kinds and as_aside(cue) and subj is not None and subj.lower_ not in _NOT_ASIDE:
        pieces = around(ctx.text, cue, phrase_start, phrase_end, aside=True)
        if len(pieces) == 1:
            return pieces[0], "as-aside", []
        return None, rule, pieces
    if cue.dep_ == "parataxis" and "clause" in kinds:
        return None, "parenthetical", around(ctx.text, cue, phrase_start, phrase_end)
    return None, rule, []


def in_pieces(ctx: Reading, cue: Token, subj: Token | None, pieces: list[Span], rule: str) -> Attribution:
    """The statement of a cue whose content is the two pieces of clause around
    it ("The economy, Smith said, would recover by June"): it holds the
    quotations between them nobody has claimed."""
    text = ctx.text
    inside = [i for i in ctx.index.inside(pieces[0][0], pieces[-1][1]) if i not in ctx.claimed]
    ctx.claimed.update(inside)
    kind = "mixed" if parts_hold_double(text, pieces) else "indirect"
    return from_cue(ctx, kind, pieces, cue, subj, 0.7, rule or "as-aside")


def around(
    text: str, cue: Token, phrase_start: int, phrase_end: int, aside: bool = False
) -> list[tuple[int, int]]:
    """The clause a parenthetical cue interrupts, as the pieces before and
    after the cue phrase (within the sentence); an ``aside`` ("as X
    noted") may also stand at the clause's start or end."""
    sent = cue.sent
    skip = {t.i for t in cue.subtree} - {t.i for t in fronted_words(cue)}
    toks = [t for t in cue.head.subtree
            if t.i not in skip and not t.is_space and sent.start <= t.i < sent.end]
    pieces = []
    for side in ([t for t in toks if t.idx + len(t) <= phrase_start], [t for t in toks if t.idx >= phrase_end]):
        if side:
            start, end = trim(text, *char_span(side))
            if end > start and LETTER.search(text[start:end]):
                pieces.append((start, end))
    if aside:  # ("because, as he puts it, “…” is": no one word of the clause on its own)
        return [(a, b) for a, b in pieces if len(_LETTER_RUN.findall(text[a:b])) > 1]
    if len(pieces) == 1 and pieces[0][0] >= phrase_end and cue.i < cue.head.i and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cue.head.children
    ) and any(c.dep_ in ADDRESSEE_DEPS for c in cue.children):
        # a cue and its addressee the parser hung on the clause they
        # introduce ("Trump told CNN, his policy would be ..."; not "You
        # know, I got in trouble")
        return pieces
    # otherwise a cue at the very start or end of the clause is no parenthesis
    return pieces if len(pieces) == 2 else []


def inverted_parenthesis(ctx: Reading, cue: Token, subj: Token | None) -> list[Span]:
    """"*The new rules*, said the mayor, *will take effect in May*": a cue
    set off by commas inside the clause it reports, its speaker after it
    (the parse makes the clause's first words the cue's subject, or the
    speaker the subject of the clause's verb): the pieces before and after
    the cue phrase. Not "The rules, he said, are fair" (the speaker before
    the cue: :func:`around`), not "The plan failed, said the mayor." (no
    clause after it), not "Later, said Smith, ..." (one word is no piece)."""
    doc, text = cue.doc, ctx.text
    if subj is None or subj.i < cue.i or cue.i < 2 or doc[cue.i - 1].text != "," or ctx.in_quote(cue.idx):
        return []
    comma = closing_comma(subj)
    sent = cue.sent
    if comma is None or comma >= sent.end - 1 or comma - cue.i > 25:
        return []
    pieces = []
    for a, b in ((sent.start_char, doc[cue.i - 1].idx), (doc[comma].idx + 1, sent.end_char)):
        a, b = trim(text, a, b)
        if b <= a or len(_LETTER_RUN.findall(text[a:b])) < 2:
            return []
        # a piece never cuts a quotation (the parse may end the sentence inside one)
        if (k := ctx.index.at(b)) is not None and ctx.quotes[k].start < b:
            b = ctx.quotes[k].end
        if (k := ctx.index.at(a)) is not None and ctx.quotes[k].start < a:
            a = ctx.quotes[k].start
        pieces.append((a, b))
    return pieces


def fronted_words(cue: Token) -> list[Token]:
    """"*Rather than raise taxes*, the governor said, the state will cut
    spending": the words the parser hung on a cue that stand before its
    subject, set off by a comma, at the sentence's start: they belong to
    the clause the cue interrupts, not to the saying."""
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or cue.dep_ != "parataxis":
        return []
    left = subj.left_edge.i
    doc = cue.doc
    out = []
    for child in cue.children:
        if child.i < left and child.dep_ in ("advcl", "prep", "advmod", "npadvmod"):
            out += list(child.subtree)
    if not out or min(t.i for t in out) != cue.sent.start or doc[left - 1].text != ",":
        return []
    return out


def fronted(ctx: Reading, cue: Token, phrase: Span, content: Span) -> Span | None:
    """"*If the talks fail*, the minister told reporters, *the strike will go
    on*": a cue phrase set off by commas after words opening the sentence,
    its content right after the comma: those words are the content's first
    piece (not "When asked, the minister said ...": no comma after the
    phrase; not "At a rally, Beck said, “...”": a quotation introduced)."""
    text = ctx.text
    sent = cue.sent
    start, end = phrase
    if content[0] < end or not text[sent.start_char : start].rstrip().endswith(","):
        return None
    if text[end : content[0]].strip() != "," or text[content[0]] in ALL_MARKS:
        return None  # (not "At a rally, Beck said, “...”": a quotation introduced)
    a, b = trim(text, sent.start_char, start)
    if b <= a or len(_LETTER_RUN.findall(text[a:b])) < 2 or ctx.in_quote(a):
        return None
    return a, b


def as_aside(cue: Token) -> bool:
    """"As The Hill reported, ...", "..., as Clyburn noted": a cue in an
    "as" clause that says nothing of its own (no object but "it")."""
    return (
        cue.dep_ == "advcl" and cue.head.i != cue.i
        and cue.head.pos_ not in ("ADJ", "ADV", "DET")  # "as bad as she said", "as much money as he promised"
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < cue.i for c in cue.children)
        and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp") and c.lower_ != "it"
            and not (c.dep_ == "dobj" and cue.lemma_ in _TELL)  # "As Clinton told the Daily News, ..."
            for c in cue.children
        )
        and not passive(cue)
    )

