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
refers back to the nearest earlier document of its own noun, else of its
class (a memoir is a book; ``data/document_nouns.tsv``), in its paragraph
or the three before: it is that document, so it has that one's author, or
is the same ``document`` member when that one has none (:func:`antecedent`).
An indefinite one ("a report", "another study") introduces a new one."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from claimx.lexicon import author_verbs
from claimx.pipeline.speakers.cast import Cast
from claimx.pipeline.speakers.words import description_nouns, document_nouns, not_roles

AUTHOR_VERBS = author_verbs()
CHANNEL_PREPS = ("in", "on", "through", "via")
AUTHOR_LABELS = ("PERSON", "ORG", "NORP", "GPE")
BACK_PARAGRAPHS = 3
ROLE_NOUN_ENDINGS = ("tor", "ist", "ian", "eer", "man", "woman", "person")


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
            # "Monday's poll", "last year's report": a time is no author
            return None if child.ent_type_ in ("DATE", "TIME") else child
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
    """Whether ``tok`` may name an author: a name, a noun for a person or an
    organisation ("the governor", "the agency"), or a role noun by its form
    ("the state auditor", "the chemist"); not a thing ("the game", "the
    river"), a date ("by Friday") nor a kin or age noun."""
    if tok.ent_type_:
        return tok.ent_type_ in AUTHOR_LABELS
    if tok.pos_ in ("PROPN", "PRON") or description_nouns().get(tok.lower_) in ("person", "organisation"):
        return True
    return role_noun(tok)


def role_noun(tok: Token) -> bool:
    """Whether the common noun ``tok`` names someone by the role it gives
    them, read from its form: a singular or plural noun ending like one who
    does something ("auditor", "economists", "chemist", "historian",
    "engineer") that is no kin or age noun (``data/not_roles.txt``); not
    "river", "water", "order", "center", "game" (no such ending)."""
    if tok.pos_ != "NOUN" or tok.tag_ not in ("NN", "NNS"):
        return False
    low = tok.lower_[:-1] if tok.tag_ == "NNS" and tok.lower_.endswith("s") else tok.lower_  # lemmas may be absent
    return low.endswith(ROLE_NOUN_ENDINGS) and low not in not_roles()


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
    """The document the definite document ``tok`` refers back to, as the
    token to credit: its author ("In a memoir, Smith wrote ... The book
    said" -> Smith), else, when that document is a member of the cast
    already, the document itself ("A report said ... The report added" -> the
    first "report"). The nearest earlier document of the same noun in its
    paragraph or the three before, else of its class ("A study by the EPA
    ... The report said" -> EPA); None if there is none or it is neither
    authored nor a member ("Hale said the report was wrong. The report
    said")."""
    for _ in range(4):  # through definite ones no one quoted: "A CBS poll ... The new poll has ... The poll found"
        cls = document_class(tok)
        if cls is None or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return None
        earlier = _earlier_document(cast, tok, lambda t, low=tok.lower_: t.lower_ == low)
        if earlier is None:
            earlier = _earlier_document(cast, tok, lambda t: True)
        if earlier is None:
            return None
        by = author_token(earlier)
        if by is not None:
            return by
        if earlier.i in cast.by_token:
            return earlier
        tok = earlier
    return None


def _earlier_document(cast: Cast, tok: Token, same: Callable[[Token], bool]) -> Token | None:
    """The nearest document of ``tok``'s class before it that ``same`` accepts,
    in its paragraph or the :data:`BACK_PARAGRAPHS` before."""
    cls, para, doc = document_class(tok), cast.paragraph(tok.idx), tok.doc
    for i in range(tok.i - 1, -1, -1):
        t = doc[i]
        if para - cast.paragraph(t.idx) > BACK_PARAGRAPHS:
            return None
        if t.dep_ != "compound" and document_class(t) == cls and same(t):
            return t
    return None


def indefinite(tok: Token) -> bool:
    """Whether the document ``tok`` is introduced as a new one: "a report",
    "another study", "a second poll"; not "the report", "his report"."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in tok.children)


