"""Documents and channels as sources: "his statement said", "a statement
from the agency", "a Bloomberg poll shows", "the report, released by the
ministry, found". A reader credits the author where the text names one;
only where it names none is the document a speaker of its own (kind
``document``). The constructions that name an author, tried in order by
:func:`author_token`:

- a possessive: "Smith's statement", "his statement", "the agency's report";
- "from"/"by" and the author: "a statement from the governor's office" (an
  office speaks for its holder: "the governor"), "a report by Acme";
- a name among its modifiers: "a Bloomberg poll", "a USA TODAY analysis";
- a participle with its agent: "an analysis released by the agency";
- the object of its author's verb: "Acme released a report ...";
- the channel of its author's verb: "Smith said in a statement".

A definite document with none of these ("the statement", "the book")
refers back to the nearest earlier document of its class (a memoir is a
book; ``data/document_nouns.tsv``) in its paragraph or the three before,
and has that one's author (:func:`antecedent`)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.pipeline.speakers.cast import Cast
from claimx.pipeline.speakers.words import description_nouns, document_nouns

AUTHOR_VERBS = frozenset({"write", "release", "issue", "publish", "put", "post", "send", "sign", "file", "pen",
                          "tweet", "produce", "conduct", "commission", "author", "present", "unveil", "deliver"})
CHANNEL_PREPS = ("in", "on", "through", "via")
AUTHOR_LABELS = ("PERSON", "ORG", "NORP", "GPE")
BACK_PARAGRAPHS = 3


def document_class(tok: Token) -> str | None:
    """The class of document a common noun names ("memoir" -> book), or None."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in AUTHOR_LABELS:
        return None
    return document_nouns().get(tok.lemma_.lower()) or document_nouns().get(tok.lower_)


def author_token(tok: Token) -> Token | None:
    """The word that names the author of the document ``tok`` heads, or None:
    "Smith's statement" -> Smith; "a statement from the governor's office"
    -> governor; "a Bloomberg poll" -> Bloomberg. Not "poll numbers" (a
    modifier, no document), "footage from the game" (no one)."""
    if tok.dep_ == "compound":
        return None
    for child in tok.children:
        if child.dep_ == "poss" and child.i < tok.i:
            return child
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and _someone(_office_holder(obj)):
                return _office_holder(obj)
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_ in AUTHOR_VERBS:  # not "obtained by"
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if obj is not None:
                return obj
    named = [c for c in tok.lefts if c.dep_ in ("compound", "nmod", "npadvmod")
             and (c.ent_type_ in AUTHOR_LABELS or c.pos_ == "PROPN" and c.text[:1].isupper() and not c.ent_type_)]
    if named:
        return named[-1]
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_ in AUTHOR_VERBS:
        return _subject(head)
    if tok.dep_ == "pobj" and head.lower_ in CHANNEL_PREPS and head.head.pos_ == "VERB":
        return _subject(head.head)
    return None


def _someone(tok: Token) -> bool:
    """Whether ``tok`` may name an author: a name, or a noun for a person or
    an organisation ("the governor", "the agency"), not a thing ("the game")."""
    if tok.ent_type_:
        return tok.ent_type_ in AUTHOR_LABELS
    return tok.pos_ in ("PROPN", "PRON") or description_nouns().get(tok.lower_) in ("person", "organisation")


def _office_holder(obj: Token) -> Token:
    """"the governor's office" -> governor: an office speaks for its holder."""
    if obj.lower_ in ("office", "offices", "team", "staff", "campaign", "spokesman", "spokeswoman", "spokesperson"):
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
    return obj


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def antecedent(cast: Cast, tok: Token) -> Token | None:
    """The author of the nearest earlier document of the class of the definite
    document ``tok`` ("In a memoir, Smith wrote ... The book said" -> Smith),
    in its paragraph or the three before; None if that one names none."""
    cls = document_class(tok)
    if cls is None or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return None
    para = cast.paragraph(tok.idx)
    doc = tok.doc
    for i in range(tok.i - 1, -1, -1):
        t = doc[i]
        if para - cast.paragraph(t.idx) > BACK_PARAGRAPHS:
            return None
        if document_class(t) == cls and t.dep_ != "compound":
            return author_token(t)
    return None


def ent_of(tok: Token, ents: dict[int, Span]) -> Span | None:
    """The named entity ``tok`` is in, if it names an author."""
    ent = ents.get(tok.i)
    return ent if ent is not None and ent.label_ in AUTHOR_LABELS else None
