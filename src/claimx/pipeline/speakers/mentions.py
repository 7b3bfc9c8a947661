"""Merging mentions into speakers, in two passes over a Doc.

People (:func:`merge_people`), in reading order: a PERSON entity joins the
person it names (:func:`~claimx.pipeline.speakers.names.person_for`; a name that
ends like an organisation's is none) and brings what is written with it —
positions, the words that describe it, an honorific; a pronoun outside
quotations joins the person it agrees with (:mod:`.pronouns`; a pronoun
nothing else in its sentence could mean is evidence of their gender), or a source
named like a person the NER missed ("DeSantis said ... He added").

Sources (:func:`merge_sources`), the subjects of cues not named yet: "who"
is the noun its clause hangs on; an office with its holder in apposition
is that holder; a definite description the entity it refers back to
(:mod:`.descriptions`); "it"/"they" an organisation or group
(:mod:`.pronouns`); a capitalised word a person's surname; else an
organisation, group or unnamed speaker of its own. An unresolved pronoun
stays unresolved rather than guessed.
"""

from __future__ import annotations

import numpy
from spacy.attrs import POS
from spacy.symbols import PRON, PROPN
from spacy.tokens import Doc, Span, Token

from claimx.pipeline.attribution import mention_span
from claimx.pipeline.attribution.furniture import covers
from claimx.pipeline.doctext import doc_text
from claimx.pipeline.quotemarks import QuotationIndex
from claimx.pipeline.speakers import descriptions, documents, gender
from claimx.pipeline.speakers.cast import Cast, Speaker
from claimx.pipeline.speakers.descriptions import AGE
from claimx.pipeline.speakers.lines import signature_of
from claimx.pipeline.speakers.names import (
    ORG_LABELS,
    clean_name,
    kind_of,
    name_text,
    name_tokens,
    namesakes,
    org_name,
    person_for,
    person_named,
    strip_det,
    surname_of,
)
from claimx.pipeline.speakers.organisations import find_org, full_name
from claimx.pipeline.speakers.positions import (
    ROLE_SUFFIXES,
    appositions,
    office_holder,
    positions_of,
    premodifiers,
    title_head,
)
from claimx.pipeline.speakers.pronouns import Thread, possessive_pronoun, subject_pronoun, sure, thing_pronoun
from claimx.pipeline.speakers.words import description_nouns

NAMED = {"PERSON", *ORG_LABELS}  # entities that name a speaker (not "45-year-old", a DATE)
SUBJECT_PRONOUNS = {"he", "she"}
OTHER_PRONOUNS = {"him", "his", "her", "hers", "himself", "herself"}


def merge_people(
    doc: Doc, cast: Cast, index: QuotationIndex, source_heads: set[int], ents: dict[int, Span]
) -> None:
    """Add the people the Doc names and the pronouns that refer to them to ``cast``."""
    thread = Thread()
    read = people_words(doc, ents)
    k = 0
    for sent in doc.sents:
        thread.new_sentence()
        while k < len(read) and read[k] < sent.end:
            tok = doc[read[k]]
            k += 1
            if tok.i in cast.by_token or cast.furniture and covers(cast, tok.idx):
                continue  # page furniture ("(Photo: Jane Doe)", a byline) names no member
            ent = ents.get(tok.i)
            if ent is not None and ent.label_ == "PERSON" and tok.i == ent.start:
                _person(doc, cast, thread, index, tok, ent)
            elif _surname(cast, thread, index, tok, ent):
                pass
            elif (
                tok.pos_ == "PROPN" and tok.text[:1].isupper()
                and tok.dep_ in ("nsubj", "nsubjpass") and tok.idx not in index
                and (ent is None or ent.label_ == "ORG" and len(ent) == 1 and tok.i in source_heads)
            ):
                # a name the NER missed, or took for an organisation as a
                # speaker ("Kasich has the best chance", "DeSantis said"): a
                # person if "he" or "she" comes back to it
                thread.unsure = tok
            elif tok.idx not in index and tok.pos_ == "PRON":
                _pronoun(cast, thread, tok)


def people_words(doc: Doc, ents: dict[int, Span]) -> list[int]:
    """The tokens :func:`merge_people` reads, in order: where a PERSON entity
    starts, proper nouns and pronouns; no other word names a person or
    refers to one (visiting every token took a quarter of this step's time).

    >>> import spacy
    >>> doc = spacy.blank("en")("Ms. Roe said she would go.")
    >>> doc[1].pos_, doc[3].pos_ = "PROPN", "PRON"
    >>> people_words(doc, {})
    [1, 3]
    """
    pos = doc.to_array(POS)
    words = set(numpy.flatnonzero((pos == PROPN) | (pos == PRON)).tolist())
    words.update(i for i, ent in ents.items() if i == ent.start and ent.label_ == "PERSON")
    return sorted(words)


def _person(doc: Doc, cast: Cast, thread: Thread, index: QuotationIndex, tok: Token, ent: Span) -> None:
    """A PERSON entity starting at ``tok``: a mention of the person it names."""
    name = name_tokens(ent)
    if not name or not any(t.text[:1].isupper() for t in name) or org_name([t.text for t in name]):
        return
    mark = gender.honorific(name)
    found = positions_of(doc, name)
    others = namesakes(cast, tuple(name_text(name).split()))
    k = person_for(cast, name, mark[2] if mark else None, found[0]["title"] if found else None)
    span = (name[0].idx, name[-1].idx + len(name[-1]))
    cast.name(k, [t.i for t in ent], span)
    describe(doc, cast.speakers[k], name, found)
    if mark is not None and (len(others) < 2 or cast.speakers[k].gender == mark[2]):
        # "Mrs. Clinton" with Bill and Hillary met and neither known: no evidence for either
        cast.speakers[k].add_evidence(*mark)
    thread.named(k, name[-1])
    if name[-1].dep_ in ("nsubj", "nsubjpass") and tok.idx not in index:
        thread.subject(k, name[-1])


def _surname(cast: Cast, thread: Thread, index: QuotationIndex, tok: Token, ent: Span | None) -> bool:
    """A capitalised word the NER missed that is a known person's surname
    ("Warren told Stumpf, after he admitted"), or took for a group or place
    as a subject ("Cuban said"): a mention of that person."""
    if tok.pos_ != "PROPN" or tok.dep_ == "compound" or not tok.text[:1].isupper() or tok.idx in index:
        return False
    if ent is not None and not (len(ent) == 1 and tok.dep_ in ("nsubj", "nsubjpass")):
        return False
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.lefts):
        return False  # the last word of a longer name: "Ivanka Trump" is not Donald
    k = surname_of(cast.speakers, tok)
    if k is None:
        return False
    cast.name(k, [tok.i], (tok.idx, tok.idx + len(tok)))
    thread.named(k, tok)
    if tok.dep_ in ("nsubj", "nsubjpass"):
        thread.subject(k, tok)
    return True


def describe(doc: Doc, sp: Speaker, name: list[Token], positions: list[dict]) -> None:
    """What is written with a name: its ``positions``, the nouns and ages that
    describe the person and the gendered role nouns among them."""
    for pos in positions:
        sp.add_position(pos)
        if pos["title"]:
            sp.descriptors.add(title_head(pos["title"]))
    run = premodifiers(name)
    described = [run] if run else []
    for toks in appositions(name):
        head = next((t for t in toks if t.dep_ == "appos"), toks[-1])
        if head.like_num:
            sp.ages.add(head.text)
        elif head.pos_ == "NOUN":
            sp.descriptors.add(head.lower_)
            described.append([t for t in toks if t.i <= head.i])
    for words in described:
        age = AGE.search(doc_text(doc)[words[0].idx : words[-1].idx + len(words[-1])])
        if age is not None:
            sp.ages.add(age.group(1))
        gender.add_words(sp, words)


def _pronoun(cast: Cast, thread: Thread, tok: Token) -> None:
    """A pronoun outside quotations: "he"/"she" as a subject (or the unsure
    name before it); "him", "his", "her" the subject of its sentence."""
    low = tok.lower_
    if low in SUBJECT_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
        unsure = thread.unsure
        thread.unsure = None
        if unsure is not None and (
            thread.last_subject is None or cast.speakers[thread.last_subject].mentions[-1][0] < unsure.idx
        ):
            name = clean_name([c for c in unsure.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [unsure])
            if name[-1] is not unsure:
                name = [unsure]
            k = person_for(cast, name)
            cast.name(k, [t.i for t in name], (name[0].idx, unsure.idx + len(unsure)))
            thread.subject(k, unsure)
        k, certain = subject_pronoun(cast, thread, tok)
        if k is not None:
            cast.name(k, [tok.i], (tok.idx, tok.idx + len(tok)))
            if certain:
                gender.add_pronoun(cast.speakers[k], tok)
            thread.subject(k, tok)
    elif low in OTHER_PRONOUNS:
        k = possessive_pronoun(cast, thread, tok)
        if k is not None:
            cast.name(k, [tok.i], (tok.idx, tok.idx + len(tok)))
            if sure(cast, thread, k, tok):
                gender.add_pronoun(cast.speakers[k], tok)


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
            if (antecedent.dep_ == "appos" and any(c.dep_ == "det" for c in antecedent.children)
                    and antecedent.head.pos_ == "PROPN" and antecedent.head.ent_type_ not in ("DATE", "TIME")):
                antecedent = antecedent.head  # "Future45, a super PAC that intends": the name
            if antecedent.i in cast.by_token:
                cast.name(cast.by_token[antecedent.i], [head], (tok.idx, tok.idx + len(tok)))
                continue
            head, tok = antecedent.i, antecedent
        if tok.pos_ == "PRON":
            sig = signature_of(doc, cast, tok)
            signed = doc.char_span(*sig, alignment_mode="contract") if sig is not None else None
            if sig is not None and signed is not None:  # a letter's "I": the name on its signature line
                writer = person_for(cast, clean_name(list(signed)))
                cast.name(writer, [], sig)
                cast.name(writer, [head, source], (tok.idx, tok.idx + len(tok)))
                continue
            it = thing_pronoun(cast, tok, ents)
            if it is None and tok.lower_ == "they":
                it = _plural_subject_before(doc, text, cast, tok, ents)
            if it is not None:  # else an unresolved pronoun: leave it unresolved
                cast.name(it, [head, source], (tok.idx, tok.idx + len(tok)))
            continue
        span = mention_span(tok)
        k = _source_speaker(doc, cast, tok, span, text[span[0] : span[1]], ents)
        cast.name(k, [head, source], span)


def _source_speaker(
    doc: Doc, cast: Cast, tok: Token, span: tuple[int, int], mention: str, ents: dict[int, Span], author: bool = True
) -> int:
    """The speaker a source mention headed by ``tok`` names (with ``author``:
    a document's author where the text names one, :mod:`.documents`)."""
    speakers = cast.speakers
    ent = ents.get(tok.i)
    k = office_holder(doc, tok, span, cast)
    if k is None and author and ent is None and documents.document_class(tok) is not None:
        k = _document_author(doc, cast, tok, ents)
    if k is None and (ent is None or ent.label_ not in NAMED):
        k = descriptions.resolve(doc, cast, tok, mention, ents)
    if k is None and (tok.pos_ == "PROPN" or tok.is_alpha and tok.text[:1].isupper() and tok.pos_ != "PRON"):
        k = surname_of(speakers, tok)  # a surname the NER missed: "Trump described ..."
    if k is not None:
        return k
    handle = next((t for t in [tok, *tok.children] if t.text.startswith("@") and len(t) > 1), None)
    if handle is not None:  # "one Twitter user @nycsouthpaw": the handle names a person
        known = next((i for i, s in enumerate(speakers) if s.key == (handle.text,)), None)
        if known is not None:
            return known
        return cast.add(Speaker(handle.text, "person", (handle.text,), first=handle.idx, label="PERSON"))
    key_text = ent.text if ent is not None else mention
    k = person_named(cast, key_text)  # "Smith-Jones" after "Jean Smith-Jones", whatever the NER says
    if k is not None:
        return k
    kind = kind_of(tok, ent)
    if kind == "person" and ent is not None:
        return person_for(cast, name_tokens(ent))
    key = tuple(key_text.lower().split())
    if kind == "organisation":
        k = find_org(cast, key_text, ent.start_char if ent is not None else span[0])
    elif kind == "unnamed" and mention.split()[0].lower() in ("the", "that", "this"):
        k = _earlier_unnamed(cast, tok)
        if k is not None:
            return k
    elif kind == "document" and documents.indefinite(tok):
        k = None  # "a report ... a report": an indefinite one is a new one
    else:
        k = next((i for i, s in enumerate(speakers) if s.key == key and s.kind == kind), None)
    if k is None or kind == "unnamed":
        name = key_text if ent is not None else strip_det(mention)
        name = full_name(cast, name, ent.start_char if ent is not None else span[0]) if kind == "organisation" else name
        label = None if ent is None else "ORG" if kind == "organisation" and ent.label_ == "PERSON" else ent.label_
        k = cast.add(Speaker(name, kind, key, first=span[0], label=label))
        if kind == "unnamed":
            gender.add_words(speakers[k], [tok])  # "a spokeswoman"
    return k


def _document_author(doc: Doc, cast: Cast, tok: Token, ents: dict[int, Span]) -> int | None:
    """The member who wrote or issued the document ``tok`` heads, where the
    text names one ("his statement", "a statement from Acme", "the book"
    after "Smith wrote a memoir"); None if it names none."""
    by = documents.author_token(tok) or documents.antecedent(cast, tok)
    if by is None or by.i == tok.i:
        return None
    if by.i in cast.by_token:
        return cast.by_token[by.i]
    ent = ents.get(by.i)
    known = next((cast.by_token[t.i] for t in ent if t.i in cast.by_token), None) if ent is not None else None
    if known is not None:
        return known
    if by.pos_ == "PRON":
        return _pronoun_author(cast, by, tok)
    if by.pos_ not in ("NOUN", "PROPN"):
        return None
    span = mention_span(by)
    text = doc_text(doc)
    k = _source_speaker(doc, cast, by, span, text[span[0] : span[1]], ents, author=False)
    if cast.speakers[k].kind == "unnamed" and by.pos_ == "PROPN" and by.text[:1].isupper():
        cast.speakers[k].kind = "organisation"  # a name the NER missed on a document: "a USA TODAY analysis"
    cast.name(k, [by.i], span)
    return k


def _pronoun_author(cast: Cast, tok: Token, document: Token) -> int | None:
    """"his statement", "its report": the previous statement's speaker (not
    the document's own) if the pronoun fits it (a person of its gender; an
    organisation or group)."""
    prev = cast.previous_speaker(tok.idx, document.i)
    if prev is None:
        return None
    sp, low = cast.speakers[prev], tok.lower_
    if low in ("his", "her", "he", "she", "him") and sp.kind == "person":
        said = gender.pronoun(tok) or ""
        # of unknown gender only with no one named since ("... denounced her record": Clinton, not Trump)
        return prev if sp.gender == said or sp.agrees(said) and not cast.named_since(prev, tok.idx) else None
    if low in ("its", "their", "it", "they") and sp.kind in ("organisation", "group"):
        return prev
    return None


def _earlier_unnamed(cast: Cast, tok: Token) -> int | None:
    """"A source said ... the source added": the latest unnamed source of the
    same head noun mentioned in this paragraph or the three before."""
    for k in range(len(cast.speakers) - 1, -1, -1):
        sp = cast.speakers[k]
        if sp.kind == "unnamed" and sp.name.split()[-1:] == [tok.lower_] and cast.recent(k, tok.idx, 3):
            return k
    return None


def _plural_subject_before(doc: Doc, text: str, cast: Cast, tok: Token, ents: dict[int, Span]) -> int | None:
    """"Twenty-seven states are challenging the rules. They argue ...": the
    plural noun for people, organisations or places that is the one main
    subject of the sentence just before (a group), when "they" found no statement's source to refer to; none when
    that sentence has two ("Democrats want more, and Republicans less")."""
    sent = tok.sent
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    verbs = [before.root, *(c for c in before.root.children if c.dep_ == "conj")]
    subjects = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1:
        return None  # "Democrats want more, and Republicans want less. They said": either
    subj = subjects[0]
    if subj.pos_ != "NOUN" and subj.ent_type_ not in ("NORP", "ORG", "GPE"):
        return None  # a name ("Sanders drew cheers") is no plural
    low = subj.lower_
    forms = {subj.lemma_.lower(), low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low}
    if not (forms & description_nouns().keys() or any(f.endswith(ROLE_SUFFIXES) for f in forms)
            or subj.ent_type_ in ("NORP", "ORG", "GPE")):
        return None  # "The talks ended. They argue": no one who could argue
    if (subj.tag_ not in ("NNS", "NNPS") or subj.pos_ == "PRON" or subj.like_num
            or subj.ent_type_ in ("CARDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME")
            or cast.quoted is not None and subj.idx in cast.quoted):
        return None
    if subj.i in cast.by_token:
        k = cast.by_token[subj.i]
        return k if cast.speakers[k].kind != "person" else None
    span = mention_span(subj)
    k = _source_speaker(doc, cast, subj, span, text[span[0] : span[1]], ents)
    cast.name(k, [subj.i], span)
    return k if cast.speakers[k].kind != "person" else None  # "Sanders drew cheers": one person, no "they"
