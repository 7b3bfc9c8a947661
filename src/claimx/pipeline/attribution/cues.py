"""Which words report: the cues of a Doc (the lexicon's verbs, "as X put
it", and any verb that closes a quotation the way "said" would) and the
phrase around each cue (speaker, cue, addressee, adverbs), which the
content of the statement never overlaps.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import POS, TAG
from spacy.strings import get_string_id
from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from claimx.lexicon import clause_verbs
from claimx.pipeline.attribution.context import VERB_FORM_TAGS
from claimx.pipeline.attribution.words import (
    ADDRESSEE_DEPS,
    FINITE_TAGS,
    char_span,
    imperative,
    last_char,
    markup,
    name_word,
)
from claimx.pipeline.quotemarks import ALL_MARKS

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading

# dependents of a cue that belong to the cue phrase, not to the content
PHRASE_DEPS = {"aux", "auxpass", "neg", "prt", "advmod", "npadvmod", "dative", "nsubj", "nsubjpass"}


def find_cues(doc: Doc, ctx: Reading) -> None:
    """The first pass: which verbs close a quotation ("“...,” an angry
    Hollande retaliated"), then the Doc's cues: lexicon verbs and those,
    outside quotations, imperatives ("Read the rest here"), markup and page
    furniture."""
    ctx.closing, ctx.manner, ctx.cue_tokens = set(), set(), []
    ctx.verbs = verb_words(doc)
    for i in ctx.verbs:  # one scan: each token's place depends on that token only
        t = doc[i]
        closing, manner = closes_quote(ctx, t), says_that(ctx, t)
        if closing:
            ctx.closing.add(t.i)
        if manner:
            ctx.manner.add(t.i)
        if ((ctx.is_cue(t) or closing or manner) and not ctx.in_quote(t.idx) and not imperative(t)
                and not markup(t) and not ctx.in_furniture(t.idx)):
            ctx.cue_tokens.append(t)


def verb_words(doc: Doc) -> list[int]:
    """The tokens that may be cues, in order: verbs and words tagged as a
    verb's form (:meth:`Reading.is_cue`, :func:`closes_quote` and
    :func:`says_that` read no other), found in two arrays, not token by token.

    >>> import spacy
    >>> doc = spacy.blank("en")("Smith said no.")
    >>> doc[1].pos_ = "VERB"
    >>> verb_words(doc)
    [1]
    """
    pos, tag = doc.to_array(POS), doc.to_array(TAG)
    tags = numpy.array([get_string_id(t) for t in VERB_FORM_TAGS], dtype=tag.dtype)
    return numpy.flatnonzero((pos == VERB) | numpy.isin(tag, tags)).tolist()


def closes_quote(ctx: Reading, verb: Token) -> bool:
    """A verb outside the cue lexicon that says how a quotation was said:
    "“France will always be France,” an angry Hollande retaliated." The
    quotation ends in a comma, ! or ?, a short noun phrase follows it,
    then the verb, then the sentence ends (or goes on after a comma or
    "and"); or the verb comes first and a name after it ("“This is
    fantastic!” beamed Donald Hartley of Madison")."""
    # (a past tense the tagger took for a participle: "“...,” Trump barked and ...")
    if verb.pos_ != "VERB" or verb.tag_ not in FINITE_TAGS | {"VBN"} or not verb.is_alpha:
        return False  # (a dash the tagger took for a verb: "”― Jacklyn Ashley")
    if "quote" in ctx.cues.get(verb.lemma_.lower(), ()):
        return False  # a cue of the lexicon already takes it ("press" only takes "to ...": "Hannity pressed.")
    if ctx.in_quote(verb.idx) or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    doc, quotes = verb.doc, ctx.quotes
    k = bisect_right(ctx.ends, verb.idx) - 1
    if k < 0 or last_char(ctx.text, quotes[k]) not in (",", "!", "?"):
        return False
    q = quotes[k]
    between = [t for t in doc.char_span(q.end, verb.idx, alignment_mode="expand") or () if not t.is_space]
    if not between:
        return verb.i + 1 < len(doc) and doc[verb.i + 1].pos_ == "PROPN"
    manner = opens_sentence(ctx.text, q.start)  # "“Nonsense,” she scoffed angrily."
    j = verb.i + 1
    while j < len(doc) and doc[j].head.i == verb.i and (
        doc[j].dep_ == "prt" or doc[j].dep_ == "advmod" and (manner or doc[j].lower_ in ("back", "again", "aloud", "out"))
    ):
        # "“Mexico!” the audience screamed back."; not after words that are
        # part of another's sentence: 'Trump said he would "protect our
        # LGBTQ citizens," the crowd applauded loudly.'
        j += 1
    nxt = doc[j] if j < len(doc) else None
    if nxt is not None and not (nxt.text in (".", ",", ";", "!", "?") or nxt.lower_ in ("and", "but") or "\n" in nxt.text):
        return False
    if len(between) > 6 or any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in between):
        return False
    return any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in between)


PERSON_PRONOUNS = frozenset({"he", "she", "i", "we"})


def says_that(ctx: Reading, verb: Token) -> bool:
    """A verb outside the lexicon that says how a person said something:
    its complement a "that"-clause, its subject a person ("He fumed that
    the deal was a sham", "Jane Roe gushed that ..."; not "The river
    fumed", not the verbs of knowing, causing or perceiving that take a
    clause without saying it: ``data/clause_verbs.txt``)."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma in ctx.cues or lemma in clause_verbs() or ctx.in_quote(verb.idx):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.lower_ in PERSON_PRONOUNS or subj.ent_type_ == "PERSON"):
        return False
    return any(
        c.dep_ == "ccomp" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    )


def opens_sentence(text: str, at: int) -> bool:
    """Whether the quotation starting at ``at`` opens its sentence: the
    text's or a paragraph's start, or after a sentence's end before it."""
    i = at - 1
    while i >= 0 and text[i] in " \t\xa0":
        i -= 1
    return i < 0 or text[i] in "\n.!?”\"'’"


def phrase(ctx: Reading, cue: Token, subj: Token | None) -> tuple[int, int]:
    """Character range of the cue phrase: subject, cue, addressee, adverbs
    ("“It is over,” *Smith told reporters*.", "*Trump, the frontrunner, said*")."""
    toks = [cue]
    # the subject's phrase, when it is near or runs up to the cue (a long
    # apposition: "Trump, the frontrunner ... after winning New Hampshire, said")
    if subj is not None and (abs(subj.i - cue.i) < 12 or subj.i < cue.i <= subj.right_edge.i + 2):
        toks += list(subj.subtree)
        # proper nouns right before the subject that the parser hung
        # elsewhere belong to the name ("Tulsa police Chief Chuck Jordan")
        first = subj.left_edge.i
        while first > 0 and name_word(subj.doc[first - 1]) and not ctx.in_quote(subj.doc[first - 1].idx):
            first -= 1
            toks.append(subj.doc[first])
    for child in cue.children:
        if child.tag_ == "WRB":
            continue  # "“...,” when Clinton blasted him": the quote is not Clinton's
        if child.dep_ == "punct" and child.text == "," and subj is not None and subj.i < child.i < cue.i:
            toks.append(child)  # "Trump, the frontrunner, said"
        if child.dep_ in PHRASE_DEPS or child.dep_ in ADDRESSEE_DEPS:
            toks += list(child.subtree)
        elif child.dep_ == "prep" and child.i > cue.i and child.lower_ in ("in", "on", "to", "during", "at", "with"):
            toks += list(child.subtree)
    toks = sorted({t.i: t for t in toks if not (t.is_punct and t.text in ALL_MARKS)}.values(), key=lambda t: t.i)
    # keep the contiguous run around the cue
    lo = hi = toks.index(cue)
    while lo > 0 and toks[lo - 1].i == toks[lo].i - 1:
        lo -= 1
    while hi + 1 < len(toks) and toks[hi + 1].i == toks[hi].i + 1:
        hi += 1
    return char_span(toks[lo : hi + 1])
