"""Positions: the title, office or affiliation the article gives a person,
read from the words before the name ("US Secretary of State Marco
Rubio"), its apposition ("Brian Fallon, a spokesman for the campaign"), or
an office holder named in apposition to the office ("A spokesman for the
campaign, Brian Fallon, said"), against the title lexicon
(``data/titles.txt``) and the demonyms (``data/demonyms.tsv``: "Ukrainian"
-> Ukraine)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimx.lexicon import demonyms
from claimx.speakers.cast import Cast
from claimx.speakers.names import title_pattern


def position_of(doc: Doc, name: list[Token]) -> dict | None:
    """A title/office/affiliation from the pre-modifiers or apposition of a name."""
    root = name[-1]
    first = name[0].i
    # pre-modifiers: the contiguous run of the root's left dependents before the name
    left: list[Token] = []
    for child in root.children:
        if child.i < first and child.dep_ in ("compound", "nmod", "amod", "npadvmod", "poss", "nummod"):
            left += list(child.subtree)
    left = sorted({t.i: t for t in left}.values(), key=lambda t: t.i)
    run: list[Token] = []
    for t in reversed(left):
        if t.i == (run[0].i - 1 if run else first - 1):
            run.insert(0, t)
    while run and (run[0].is_punct or run[0].lower_ in ("the", "a", "an")):
        run = run[1:]
    if run:
        pos = position_from(doc, run)
        if pos:
            return pos
    for child in root.children:
        if child.dep_ == "appos":
            toks = without_det([t for t in child.subtree if not t.is_punct])
            if toks:
                pos = position_from(doc, toks)
                if pos:
                    return pos
    return None


def without_det(toks: list[Token]) -> list[Token]:
    """``toks`` without the articles they start with."""
    while toks and toks[0].lower_ in ("the", "a", "an"):
        toks = toks[1:]
    return toks


def position_from(doc: Doc, toks: list[Token]) -> dict | None:
    """The position ``toks`` name, if they hold a title: the title, and the
    rest of the words as the affiliation ("US Secretary of State" ->
    Secretary of State, US)."""
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    text = "".join(t.text_with_ws for t in toks[:-1]) + toks[-1].text  # == doc.text[start:end]
    m = title_pattern().search(text)
    if m is None:
        return None
    title = m.group(0)
    if title.lower() in ("mr.", "mrs.", "ms.", "dr."):
        return None
    rest = (text[: m.start()] + " " + text[m.end() :]).strip(" ,’'s")
    affiliation = None
    if rest:
        rest = re.sub(r"^(?:the|of|for)\s+|\s+(?:of|for)$", "", rest).strip()
        rest = re.sub(r"(?:’s|'s)$", "", rest).strip()
        rest = re.sub(r"^(?:of|for)\s+(?:the\s+)?", "", rest).strip()
        rest = re.sub(r"^the\s+", "", rest)
        affiliation = demonyms().get(rest, rest) or None
    return {"text": text, "title": title, "affiliation": affiliation, "start": start, "end": end}


def office_holder(doc: Doc, tok: Token, span: tuple[int, int], cast: Cast) -> int | None:
    """"A spokesman for the campaign, Brian Fallon, said": the person named in
    apposition, who gets the office the mention names as a position."""
    by_token, speakers = cast.by_token, cast.speakers
    named = next((c for c in tok.children if c.dep_ == "appos" and c.i in by_token), None)
    if tok.pos_ != "NOUN" or named is None or speakers[by_token[named.i]].kind != "person":
        return None
    k = by_token[named.i]
    mention = doc.char_span(*span, alignment_mode="expand")
    toks = without_det(list(mention) if mention is not None else [])
    speakers[k].add_position(position_from(doc, toks) if toks else None)
    return k
