"""What a cue reports: its complement from the parse (a clause, an
infinitive, an object, or a clause the parser hung elsewhere), the
quotations right before and after its phrase, and the clean ends of a
content span (no "that", no next paragraph, no conjoined clause after a
quotation that opened it).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from claimx.pipeline.attribution.words import (
    ADDRESSEE_DEPS,
    CLAUSE_DEPS,
    adverbial,
    after_comma,
    char_span,
    circumstance,
    last_char,
    name_word,
    trim,
)
from claimx.pipeline.quotemarks import ALL_MARKS, Quotation

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading

Span = tuple[int, int]

_GAP_BEFORE_CUE = re.compile(r"[\s,;:—–-]*")
_GAP_AFTER_CUE = re.compile(r"[\s,:—–-]*")
_COLON_BREAK = re.compile(r"[ \t\xa0]*:[ \t\xa0]*\n\s*")


# -- the complement -----------------------------------------------------------
def complement(ctx: Reading, cue: Token, kinds: frozenset[str]) -> tuple[Span | None, str]:
    """The content span of a cue from the parse, and its kind (``clause``,
    ``infinitive``, ``object``; ``""`` when it has none): "Smith said *the
    budget would be balanced*", "urged Congress *to act*", "described *the
    meeting as “extremely productive”*"."""
    found = _clause(ctx, cue, kinds)
    if found is not None:
        return found
    if "clause" in kinds and not ctx.every_verb:
        clause = _clause_after_phrase(cue) or _words_before_cue(cue) or _clause_hung_elsewhere(cue)
        if clause is not None:
            return clause, "clause"
    if "object" in kinds:
        obj = _object(ctx, cue)
        if obj is not None:
            return obj, "object"
    return None, ""


def _clause(ctx: Reading, cue: Token, kinds: frozenset[str]) -> tuple[Span | None, str] | None:
    """The clause or infinitive the parse hangs on the cue ("said *that the
    budget would be balanced*"), cut before a statement of its own inside
    it; None when the cue has no such child."""
    children = [c for c in cue.children if not adverbial(c, cue)]
    # a clause after the cue before one in front of it ("In a statement
    # released after X suspended his campaign, Cruz said he's certain ...")
    children.sort(key=lambda c: (c.dep_ in CLAUSE_DEPS and c.i < cue.i, c.i))
    for child in children:
        dep = child.dep_
        if dep == "advcl" and child.i > cue.i and child.pos_ in ("VERB", "AUX"):
            # a complement the parser took for an adverbial clause:
            # "tweeted in the early hours that Machado was ...", "tells
            # his supporters to “go to your place and vote”"
            first = child.doc[min(t.i for t in child.subtree)]
            if first.lower_ == "that" or any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
                dep = "ccomp"  # (also "saying ... only that he was ...")
            elif any(t.dep_ == "aux" and t.lower_ == "to" for t in child.children):
                dep = "xcomp"
        # a ccomp may be headed by an adjective or noun ("says it was
        # “unhinged”"); an xcomp only by a verb
        if dep in CLAUSE_DEPS and (dep == "ccomp" or child.pos_ in ("VERB", "AUX")):
            infinitive = dep == "xcomp" and any(t.dep_ == "aux" and t.lower_ == "to" for t in child.children)
            kind = "infinitive" if infinitive else "clause"
            if kind not in kinds or (infinitive and child.i < cue.i):
                continue
            toks = list(child.subtree)
            if kind == "clause":
                toks += second_that_clause(cue, child) or series_continued(ctx, cue, child)
            stop = None if ctx.every_verb else _own_statement_within(ctx, child, toks)
            if stop is not None:
                toks = [t for t in toks if t.i < stop]
                while toks and (toks[-1].dep_ == "cc" or toks[-1].is_punct):
                    toks.pop()
            return (char_span(toks) if toks else None), kind
    return None


def second_that_clause(cue: Token, clause: Token) -> list[Token]:
    """"said *the budget was balanced, and that taxes would fall*": a second
    "that"-clause the parser hung on the cue rather than on its first clause
    is reported too (the "that" says so: not "said X, and the crowd
    cheered", a clause of the narrative); its tokens, the conjunction
    before it included."""
    doc = cue.doc
    for conj in cue.children:
        if conj.dep_ != "conj" or conj.i < clause.right_edge.i:
            continue
        first = conj.left_edge
        if first.lower_ == "that" and first.dep_ == "mark" and first.head.i == conj.i:
            return list(doc[clause.right_edge.i + 1 : conj.right_edge.i + 1])
        return []
    return []


def series_continued(ctx: Reading, cue: Token, clause: Token) -> list[Token]:
    """"Police said *the man fled, abandoned his car and was arrested*": a
    verb phrase the parser hung on the cue, with no subject of its own,
    right after the clause and a comma, that goes on in a series ending in
    "and" or "or", is more of the clause (not "said X, and left the room":
    "and" before it, the speaker's own act; not "suggested X, called her
    “...” and left": a cue in the series is the speaker's own statement);
    its tokens, the comma before it included."""
    doc = cue.doc
    end = clause.right_edge.i
    comma = end if doc[end].text == "," else end + 1  # (the parser may hang the comma on the clause)
    nxt = next((c for c in cue.children if c.i > end and c.dep_ in ("ccomp", "conj", "xcomp")), None)
    if nxt is None or nxt.pos_ not in ("VERB", "AUX") or nxt.left_edge.i != comma + 1 or doc[comma].text != ",":
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in nxt.children):
        return []
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in nxt.children):
        return []  # a series: "X, Y and Z"
    if any(ctx.is_cue(t) for t in nxt.subtree if t.dep_ in ("ccomp", "conj", "xcomp") or t.i == nxt.i):
        return []
    return list(doc[end + 1 : nxt.right_edge.i + 1])


def _own_statement_within(ctx: Reading, child: Token, toks: list[Token]) -> int | None:
    """Where a statement of its own starts inside the clause ``child``, whose
    tokens are ``toks``: a cue conjoined to the clause ("... but
    acknowledged"), a participle cue trailing it (", claiming that ...",
    "and questioning how ..."), a relative clause with a cue of its own after
    the clause's verb ("..., which he called “a cartel”")."""
    stop = next(
        (min(t.i for t in conj.subtree) for conj in child.children
         if conj.dep_ == "conj" and conj.i > child.i and ctx.is_cue(conj)),
        None,
    )
    if stop is None:
        stop = next((min(t.i for t in p.subtree) for p in toks if _trailing_participle(ctx, p, child)), None)
    if stop is None:
        stop = next(
            (min(t.i for t in r.subtree) for r in toks
             if _own_relative(ctx, r) and (r.right_edge.i >= child.right_edge.i - 1 or r.i > child.i)),
            None,
        )
    return stop


def _clause_after_phrase(cue: Token) -> Span | None:
    """A "that"-clause the parser hung on a noun of a phrase after the cue
    ("said following a vote in 2001 that he had ...", "said for the first
    time that ...", "saying in his statement only that ...")."""
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.i > cue.i):
        clause = next(
            (t for t in prep.subtree if t.dep_ in ("relcl", "acl", "advcl") and t.pos_ in ("VERB", "AUX")
             and t.head.dep_ == "pobj" and t.head.head.i == prep.i  # (not "blamed X for Y's claim that")
             and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < t.i for m in t.children)),
            None,
        )
        if clause is not None:
            return char_span(list(clause.subtree))
    return None


def _words_before_cue(cue: Token) -> Span | None:
    """"The rejection of the treaty signals “the beginning of the end”, said
    Geert Wilders": the parser read the words said as a second subject,
    before the comma."""
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    if (
        len(subjects) == 2 and subjects[0].i < cue.i < subjects[1].i and cue.i > 0
        and cue.doc[cue.i - 1].text == "," and subjects[0].right_edge.i >= cue.i - 2
    ):
        toks = [t for t in subjects[0].subtree if t.i < cue.i - 1]
        if len(toks) >= 4:
            return char_span(toks)
    return None


def _clause_hung_elsewhere(cue: Token) -> Span | None:
    """A clause the parser hung elsewhere, right after the cue and its
    addressee ("three days after Trump told The Washington Post he was “not
    quite there yet”": the parser made "told" a clause of "was")."""
    doc = cue.doc
    nxt = cue.right_edge.i + 1
    if (
        nxt < cue.sent.end and doc[nxt].dep_ == "nsubj"
        and any(c.dep_ in ADDRESSEE_DEPS for c in cue.children)
    ):
        verb = doc[nxt].head
        if verb.i > nxt and verb.pos_ in ("VERB", "AUX") and cue.head.i in (verb.i, verb.head.i) and cue.head.i != cue.i:
            toks = [t for t in verb.subtree if t.i >= nxt]
            return char_span(toks)
    return None


def _object(ctx: Reading, cue: Token) -> Span | None:
    """The object of an object-taking cue and what follows it ("described
    *the meeting as “extremely productive”*", "called *it “an incredibly
    significant development”*"), unless it only points back ("rejected that
    notion", "denied it")."""
    right = [
        c for c in cue.children
        if c.i > cue.i and c.dep_ in ("dobj", "prep", "oprd", "ccomp") and not circumstance(c)
    ]
    relative = cue.dep_ == "relcl" and any(
        c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in cue.children
    )  # "which he called “a cartel”": the object is the relative pronoun
    if any(c.dep_ == "dobj" for c in right) or (relative and right):
        toks: list[Token] = []
        for c in right:
            toks += list(c.subtree)
        toks.sort(key=lambda t: t.i)
        # an object that only points back ("rejected that notion",
        # "denied it") restates nothing; a verb or quotation always
        # counts ("called it “an incredibly significant development”")
        obj = next((c for c in right if c.dep_ == "dobj"), right[0])
        anaphoric = obj.pos_ == "PRON" or any(
            c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those") for c in obj.children
        )
        quoted = any(t.text in ALL_MARKS or ctx.in_quote(t.idx) for t in toks)
        if not anaphoric or quoted or any(t.pos_ in ("VERB", "AUX") for t in toks):
            return char_span(toks)
    return None


def _own_relative(ctx: Reading, tok: Token) -> bool:
    """A relative clause whose cue has a subject other than its relative
    pronoun ("which he called “a cartel”", "who he noted was “...”")."""
    return (
        tok.dep_ == "relcl" and ctx.is_cue(tok) and not ctx.in_quote(tok.idx)
        and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP", "WP$") for c in tok.children)
        and any(t.tag_ in ("WDT", "WP") for t in tok.subtree if t.i < tok.i)
    )


def _trailing_participle(ctx: Reading, tok: Token, clause: Token) -> bool:
    """A participle cue after a comma or "and" inside ``clause``, outside
    any quotation, whose phrase runs to the clause's end ("..., claiming
    that he is responsible")."""
    return (
        tok.i > clause.i and tok.tag_ == "VBG" and ctx.is_cue(tok) and not ctx.in_quote(tok.idx)
        and after_comma(tok)
        and max(t.i for t in tok.subtree) >= max(t.i for t in clause.subtree)
    )


def opens_outside(ctx: Reading, clause: Token) -> bool:
    """Whether ``clause`` starts outside the quotations ("insisted that
    Pyongyang “stop ...”"), not with the second half of a split quote."""
    doc = clause.doc
    first = doc[min(t.i for t in clause.subtree)]
    if first.text in ALL_MARKS or ctx.in_quote(first.idx):
        return False
    if any(t.is_punct for t in doc[clause.head.i + 1 : first.i]):
        return False  # "“...,” Warren told Stumpf, after he admitted ...": no clause of the cue's
    # a clause of its own: a subject, or "that"
    return any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children)


# -- quotations beside the cue phrase -----------------------------------------
def quote_before(ctx: Reading, doc: Doc, at: int) -> int | None:
    """The quotation that ends right before the cue phrase starting at ``at``
    ("“We will win,” *Smith said*"), unless it closed a sentence and the cue
    phrase opens a new one ("“... found.” He added, “...”")."""
    text, quotes = ctx.text, ctx.quotes
    k = bisect_right(ctx.ends, at) - 1
    if k < 0:
        return None
    gap = text[quotes[k].end : at]
    last = last_char(text, quotes[k])
    if not _GAP_BEFORE_CUE.fullmatch(gap) or "\n" in gap:
        # words the parse left out of the subject ("“...,” Tulsa police
        # Chief Chuck Jordan said", "Tulsa" taken for a verb)
        words = doc.char_span(quotes[k].end, at, alignment_mode="contract")
        if last != "," or "\n" in gap or words is None or not 1 <= len(words) <= 4 or not all(
            name_word(t) or t.pos_ in ("NOUN", "ADJ") for t in words
        ):
            return None
    nxt = doc.char_span(at, at + 1, alignment_mode="expand")
    if nxt is not None and len(nxt) and last in ".!?" and not gap.strip():
        tok = nxt[0]
        if tok.pos_ == "PRON" and tok.text[:1].isupper():
            return None
        if last == "." and tok.is_sent_start and tok.text[:1].isupper() and tok.pos_ != "PROPN":
            return None
    return k


def quote_after(text: str, quotes: list[Quotation], at: int) -> int | None:
    """The quotation right after ``at``: after a comma or colon in the same
    paragraph ("Jane Smith said: “The budget is balanced.”"), or opening the
    next paragraph after a colon ("Cruz said:")."""
    for k, q in enumerate(quotes):
        if q.start >= at:
            gap = text[at : q.start]
            if _GAP_AFTER_CUE.fullmatch(gap) and ("\n" not in gap or _COLON_BREAK.fullmatch(gap)):
                return k
            return None
    return None


def introduces(text: str, quotes: list[Quotation], before: Quotation, phrase_end: int) -> bool:
    """A cue phrase between a finished quotation and a new one, ending in a
    comma or colon, introduces the new one: "“... girls.” Cruz says, “That
    is ...”"."""
    last = last_char(text, before)
    if last not in ".!?":
        return False
    k = quote_after(text, quotes, phrase_end)
    return k is not None and any(ch in text[phrase_end : quotes[k].start] for ch in ",:")


def ends_open(text: str, q: Quotation) -> bool:
    """A quotation that ends with a comma inside the marks may go on after the
    cue ("“The plan is simple,” Smith said, “and it will work.”")."""
    return text[q.inner_end - 1 : q.inner_end] == ","


# -- the ends of a content span -----------------------------------------------
def cut(text: str, quotes: list[Quotation], start: int, end: int) -> int:
    """Content never runs past its paragraph, and a clause that opens with
    a quotation ends with it when a conjunction follows ("noted that “...”
    and no ceasefire was announced")."""
    nl = text.find("\n", start, end)
    if nl != -1:
        end = trim(text, start, nl)[1]
    for q in quotes:
        if q.start == start and q.end < end:
            if re.match(r"[\s,]*(?:and|but|or|while|as)\b", text[q.end : end]):
                return q.end
        if q.start >= start:
            break
    return end


def strip_that(doc: Doc, start: int) -> int:
    """The start of a content span past an opening "that" ("said *that* the
    budget ..." -> "the budget ...")."""
    tok = doc.char_span(start, start + 4, alignment_mode="expand")
    if tok is not None and len(tok) and tok[0].lower_ == "that" and tok[0].dep_ in ("mark", "advmod"):
        nxt = tok[0].i + 1
        if nxt < len(doc):
            return doc[nxt].idx
    return start
