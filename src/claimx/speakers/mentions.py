"""Merging mentions into speakers, in two passes over a Doc.

People (:func:`merge_people`), in reading order: a PERSON entity joins the
person it names (:func:`~claimx.speakers.names.person_for`) and brings the
position written with it; a subject pronoun outside quotations ("He
added ...") joins the most recent person who was a subject (or a source
named like a person the NER missed: "DeSantis said ... He added");
possessive and object pronouns only a person who is the subject earlier in
the same sentence.

Sources (:func:`merge_sources`), the subjects of cues not named yet: "who"
is the noun its clause hangs on; an office with its holder in apposition
is that holder; "the secretary" the person with that title; a capitalised
word a person's surname; else an organisation, group or unnamed speaker of
its own. An unresolved pronoun stays unresolved rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimx.attribution import mention_span
from claimx.quotemarks import QuotationIndex
from claimx.speakers.cast import Cast, Speaker
from claimx.speakers.names import by_title, kind_of, name_tokens, person_for, strip_det, surname_of
from claimx.speakers.positions import office_holder, position_of

SUBJECT_PRONOUNS = {"he", "she"}
OTHER_PRONOUNS = {"him", "his", "her", "hers", "himself", "herself"}


@dataclass(slots=True)
class _Thread:
    """What the people pass carries from token to token: the latest person
    who was a subject, a source named like a person but not tagged one, and
    the persons who were subjects in the current sentence."""

    last_subject: int | None = None
    unsure: Token | None = None
    sent_subjects: list[int] = field(default_factory=list)


def merge_people(
    doc: Doc, cast: Cast, index: QuotationIndex, source_heads: set[int], ents: dict[int, Span]
) -> None:
    """Add the people the Doc names and the pronouns that refer to them to ``cast``."""
    thread = _Thread()
    for sent in doc.sents:
        thread.sent_subjects = []
        for tok in sent:
            if tok.i in cast.by_token:
                continue
            ent = ents.get(tok.i)
            if ent is not None and ent.label_ == "PERSON" and tok.i == ent.start:
                _person(doc, cast, thread, index, tok, ent)
            elif (
                tok.i in source_heads and tok.pos_ == "PROPN" and tok.text[:1].isupper()
                and tok.dep_ in ("nsubj", "nsubjpass") and tok.idx not in index
                and (ent is None or ent.label_ == "ORG" and len(ent) == 1)
            ):
                # a speaker's name the NER missed or took for an
                # organisation ("DeSantis said"): a person if "he" or
                # "she" comes back to it
                thread.unsure = tok
            elif tok.idx not in index and tok.pos_ == "PRON":
                _pronoun(cast, thread, tok)


def _person(doc: Doc, cast: Cast, thread: _Thread, index: QuotationIndex, tok: Token, ent: Span) -> None:
    """A PERSON entity starting at ``tok``: a mention of the person it names."""
    name = name_tokens(ent)
    if not name or not any(t.text[:1].isupper() for t in name):
        return
    k = person_for(cast, name)
    sp = cast.speakers[k]
    span = (name[0].idx, name[-1].idx + len(name[-1]))
    cast.name(k, [t.i for t in ent], span)
    sp.add_position(position_of(doc, name))
    if name[-1].dep_ in ("nsubj", "nsubjpass") and tok.idx not in index:
        thread.last_subject = k
        thread.sent_subjects.append(k)


def _pronoun(cast: Cast, thread: _Thread, tok: Token) -> None:
    """A pronoun outside quotations: "he"/"she" as a subject is the latest
    subject (or the unsure name before it); "him", "his", "her" the subject
    of its sentence."""
    low = tok.lower_
    if low in SUBJECT_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
        unsure = thread.unsure
        if unsure is not None and (
            thread.last_subject is None or cast.speakers[thread.last_subject].mentions[-1][0] < unsure.idx
        ):
            name = [c for c in unsure.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [unsure]
            thread.last_subject = person_for(cast, name)
            cast.name(thread.last_subject, [t.i for t in name], (name[0].idx, unsure.idx + len(unsure)))
        thread.unsure = None
        if thread.last_subject is not None:
            cast.name(thread.last_subject, [tok.i], (tok.idx, tok.idx + len(tok)))
            thread.sent_subjects.append(thread.last_subject)
    elif low in OTHER_PRONOUNS and thread.sent_subjects:
        cast.name(thread.sent_subjects[-1], [tok.i], (tok.idx, tok.idx + len(tok)))


def merge_sources(doc: Doc, text: str, cast: Cast, source_heads: set[int], ents: dict[int, Span]) -> None:
    """Add the sources of cues that no person step named to ``cast``."""
    for source in sorted(source_heads):
        head = source
        if head in cast.by_token:
            continue
        tok = doc[head]
        if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl":
            # "who": the speaker is the noun the relative clause hangs on
            antecedent = tok.head.head
            if antecedent.i in cast.by_token:
                cast.name(cast.by_token[antecedent.i], [head], (tok.idx, tok.idx + len(tok)))
                continue
            head, tok = antecedent.i, antecedent
        if tok.pos_ == "PRON":
            continue  # unresolved pronoun: leave it unresolved
        span = mention_span(tok)
        k = _source_speaker(doc, cast, tok, span, text[span[0] : span[1]], ents.get(head))
        cast.name(k, [head, source], span)


def _source_speaker(doc: Doc, cast: Cast, tok: Token, span: tuple[int, int], mention: str, ent: Span | None) -> int:
    """The speaker a source mention headed by ``tok`` names."""
    speakers = cast.speakers
    k = office_holder(doc, tok, span, cast)
    if k is None:
        k = by_title(speakers, tok, mention)
    if k is None and (tok.pos_ == "PROPN" or tok.is_alpha and tok.text[:1].isupper() and tok.pos_ != "PRON"):
        k = surname_of(speakers, tok)  # a surname the NER missed: "Trump described ..."
    if k is not None:
        return k
    kind = kind_of(tok, ent)
    if ent is not None and ent.label_ == "PERSON":
        return person_for(cast, name_tokens(ent))
    key_text = ent.text if ent is not None else mention
    key = tuple(key_text.lower().split())
    k = next((i for i, s in enumerate(speakers) if s.key == key and s.kind == kind), None)
    if k is None or kind == "unnamed":
        name = key_text if ent is not None else strip_det(mention)
        k = cast.add(Speaker(name, kind, key, first=span[0]))
    return k
