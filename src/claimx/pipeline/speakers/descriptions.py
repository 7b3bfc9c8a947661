"""Definite descriptions: "the company", "the carmaker", "the minister",
"the 45-year-old", "the veteran goalkeeper" refer back to a named entity
when the text licenses it. Read by :func:`read_description`, resolved by the
rules in :data:`RULES`, in order, the first that finds one winning:

- :func:`by_title`: the whole description is a title a person mentioned
  in reach was given ("the secretary of state", "the secretary" ->
  Secretary / Deputy Secretary);
- :func:`by_continuation`: the person who made the statement just before,
  in this paragraph or the one before, with nobody named since, whom the
  article described so or with nothing that conflicts ("David James said
  ... The 45-year-old added"; "Sanders said ... the Vermont senator
  acknowledged": an office with more words than the office alone, for a
  person given none; a bare office, "the minister", stops every rule);
- :func:`by_descriptor`: a person the article described with the same head
  noun or age ("the goalkeeper" <- "veteran goalkeeper David James",
  "the 45-year-old" <- "John Smith, 45"), nearest first, in reach;
- :func:`by_entity`: an organisation or place noun -> the previous
  statement's organisation of its class; else the nearest organisation
  named with the noun in this paragraph or the two before ("Wells Fargo
  Bank", "the drug company Valeant"; with a noun modifier, only such a one:
  "the appeals court"); else the nearest of the noun's class by its name,
  a subject first ("the carmaker": General Motors); else one of no class
  said if it is the only one and the subject of the sentence before ("Acme
  Corp won the tender. The company said"). Never with a name or a
  new-referent word in it ("the Clinton campaign", "the combined company").

Every rule wants a person of the description's gender ("the actress"),
known by its capitalised modifiers ("the Democratic senator", "the South
Carolina senator").

A description that no rule licenses stays an unnamed speaker of its own.
Nouns and their kinds are data (``data/descriptions.tsv``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimx.lexicon import title_nouns
from claimx.pipeline.speakers.cast import Cast, Speaker
from claimx.pipeline.speakers.gender import add_words
from claimx.pipeline.speakers.names import entity_speaker, org_class, org_name
from claimx.pipeline.speakers.positions import ROLE_SUFFIXES, description_positions
from claimx.pipeline.speakers.words import description_classes, description_nouns, gender_of_word, not_roles

AGE = re.compile(r"(?<![\w-])(\d{1,3})-year-old\b")
DETERMINERS = ("the", "this", "that")
NEW_REFERENT = {"new", "combined", "merged", "other", "another", "rival", "former", "parent", "same"}
ENTITY_WINDOW = 2
DESCRIPTOR_WINDOW = 3  # paragraphs before the description's in which a person described so must be mentioned
CONTINUATION_WINDOW = 1
UNSURE = -1  # a rule's answer: it may be the previous speaker; no later rule is to guess
TIME_WORDS = frozenset({"former", "then", "current", "acting", "interim", "outgoing", "incoming", "new", "late"})


@dataclass(frozen=True, slots=True)
class Description:
    """What a definite description says: the kind of entity (person,
    organisation, place), its head noun, an age, the gender its noun says."""

    kind: str
    head: str
    text: str  # the description without its article, lower case: "veteran goalkeeper"
    age: str | None = None
    gender: str | None = None
    title_only: bool = False  # "the secretary of state": only a title a person was given matches
    cls: str = "any"  # the class of organisation: business, media, government...
    names: tuple[str, ...] = ()  # capitalised modifiers the entity must be known by: "the South Carolina senator"
    nouns: tuple[str, ...] = ()  # noun modifiers: "the appeals court"
    owner: str | None = None  # a name it is a relation to: "Obama's former campaign strategist" -> obama
    affiliations: tuple[str, ...] = ()  # party or nation among its names ("the Republican nominee"): must be known


def read_description(tok: Token, mention: str) -> Description | None:
    """The description a source mention headed by ``tok`` is, or None: "the
    company" -> organisation; "the 45-year-old" -> person aged 45. Not an
    indefinite ("a spokesman"), a plural ("the officials"), a name ("the
    White House") nor a relation to another ("the company's chief
    executive", "his aide": someone new). A relation to another by name
    ("the head of the agency", "Obama's former campaign strategist") may
    only be a person already given that title, or the previous speaker
    given none (:func:`by_continuation`)."""
    words = mention.split()
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None and (owner.pos_ != "PROPN" or words[0].lower() in DETERMINERS):
        return None  # "the company's chief executive", "his aide": someone new
    if len(words) < 2 or owner is None and words[0].lower() not in DETERMINERS or tok.tag_ in ("NNS", "NNPS"):
        return None
    rest = " ".join(words[1:]).lower()
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children):
        return None  # "the director of the Centre, Ina Kirsch": its holder is named
    age = AGE.search(mention)
    if age is not None:
        return Description("person", "", rest, age=age.group(1))
    kind = description_nouns().get(tok.lower_)
    if kind is None and owner is not None and tok.tag_ == "NN" and tok.lower_.endswith(ROLE_SUFFIXES) \
            and tok.lower_ not in not_roles():
        kind = "person"  # a role noun the lexicon lacks, with whose: "Obama's campaign strategist"
    if kind is None or tok.pos_ == "PROPN" and kind != "person" or owner is not None and kind != "person":
        return None
    relation = any(c.dep_ == "prep" and c.i > tok.i for c in tok.children)
    mods = [t for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") for t in c.subtree if t.is_alpha]
    names = tuple(t.lower_ for t in mods if t.text[:1].isupper())
    if kind != "person" and (relation or names):
        return None  # "the Clinton campaign", "the Israeli newspaper", "the bank of England": no anaphora
    if any(t.lower_ in NEW_REFERENT and (kind != "person" or t.lower_ not in ("former", "same", "parent"))
           for t in mods):
        return None  # "the combined company", "the other candidate": another entity than the one named
    return Description(kind, tok.lower_, rest, gender=gender_of_word(tok.text, "role"),
                       title_only=relation or owner is not None, owner=owner.lower_ if owner is not None else None,
                       names=names, affiliations=tuple(t.lower_ for t in mods if t.ent_type_ == "NORP"), nouns=tuple(t.lower_ for t in mods if t.pos_ == "NOUN"),
                       cls=description_classes().get(tok.lower_, "any"))


def _agrees(sp: Speaker, d: Description, undescribed: bool = False) -> bool:
    """A person of the description's gender, known by its capitalised
    modifiers ("the Democratic senator": a Democrat's title or tag); with
    ``undescribed``, a person the article has given no position may be
    anything the modifiers say ("the Vermont senator")."""
    if sp.kind != "person" or d.gender is not None and not sp.agrees(d.gender):
        return False
    if undescribed and not sp.positions and not d.affiliations:
        return True  # a place may be new ("the Vermont senator"), a party or nation must be known
    known = {w[:6] for w in sp.described | {w.lower() for w in sp.key}}
    return all(w[:6] in known for w in d.names)


def by_title(doc: Doc, cast: Cast, tok: Token, d: Description, ents: dict[int, Span]) -> int | None:
    """"the secretary" -> the person mentioned last before it (in its
    paragraph or the three before) whose title is or ends with those words
    ("Secretary", "Deputy Secretary"; not "Secretary of State")."""
    if d.kind != "person":
        return None
    found = [k for k, sp in enumerate(cast.speakers)
             if cast.recent(k, tok.idx, DESCRIPTOR_WINDOW) and _agrees(sp, d)
             and any((p["title"] or "").lower() == d.text or (p["title"] or "").lower().endswith(" " + d.text)
                     for p in sp.positions)]
    return max(found, key=lambda k: cast.speakers[k].last_before(tok.idx), default=None)


def by_descriptor(doc: Doc, cast: Cast, tok: Token, d: Description, ents: dict[int, Span]) -> int | None:
    """The person mentioned last before the description, in its paragraph
    or the three before, whom the article described with its head noun or
    its age."""
    if d.kind != "person" or d.title_only:
        return None
    found = [k for k, sp in enumerate(cast.speakers)
             if _agrees(sp, d) and (d.age in sp.ages if d.age is not None else d.head in sp.descriptors)
             and cast.recent(k, tok.idx, DESCRIPTOR_WINDOW)]
    return max(found, key=lambda k: cast.speakers[k].last_before(tok.idx), default=None)


def by_continuation(doc: Doc, cast: Cast, tok: Token, d: Description, ents: dict[int, Span]) -> int | None:
    """The previous statement's speaker, a person mentioned in this
    paragraph or the one before with no other subject of a main clause
    since ("Smith met Jones" does not stop "the minister" being Smith), whose titles do not name another role ("the minister" is
    not the president). A speaker the article has given no position may be
    called by any office and its modifiers ("Sanders said ... the Vermont
    senator acknowledged"; "the former secretary of state"): a reader
    takes the description for the person just quoted."""
    if d.kind != "person":
        return None
    k = cast.previous_speaker(tok.idx, tok.i)
    if k is None or not _agrees(cast.speakers[k], d, undescribed=True) or not cast.recent(k, tok.idx, CONTINUATION_WINDOW):
        return None
    if cast.subject_since(k, tok) or d.title_only and cast.speakers[k].positions:
        return None
    if d.owner is not None and d.owner in {w.lower() for w in cast.speakers[k].key}:
        return None  # "Smith said ... Smith's spokesman said": someone new
    return _fits(cast.speakers[k], d, k)


def _fits(sp: Speaker, d: Description, k: int) -> int | None:
    """``k`` if the previous speaker may be called so: described with that
    noun or age; or a description that says more than a bare office ("the
    veteran goalkeeper", "the Vermont senator") for a person described with
    nothing else. A bare office ("the minister") may be someone new: for a
    person described with nothing, :data:`UNSURE`."""
    if d.age is not None:
        return k if not sp.ages or d.age in sp.ages else None
    if d.head in sp.descriptors:
        return k
    if sp.descriptors:
        return None
    if d.head in title_nouns() and all(w in TIME_WORDS for w in d.text.split()[:-1]):
        return UNSURE  # a bare office ("the minister", "the former president") may be someone new: no rule guesses
    return k


def by_entity(doc: Doc, cast: Cast, tok: Token, d: Description, ents: dict[int, Span]) -> int | None:
    """An organisation (or place) noun: the previous statement's speaker if
    it is one of its class and no other subject came between; else the
    nearest organisation named in this paragraph or the two before with the
    noun ("Wells Fargo Bank", "the drug company Valeant"); else the nearest
    of its class by its name, a subject first ("the carmaker": General
    Motors; "the company" is not "the Justice Department"); else one of no
    class said if it is the only one and the subject of the sentence before."""
    if d.kind == "person":
        return None
    labels = ("GPE",) if d.kind == "place" else ("ORG",)
    k = cast.previous_speaker(tok.idx, tok.i)
    if (k is not None and cast.speakers[k].label in labels and cast.recent(k, tok.idx, ENTITY_WINDOW)
            and _of_class(cast.speakers[k].name, d) is not False and not cast.subject_since(k, tok)):
        return k
    para = cast.paragraph(tok.idx)
    named = sorted(
        (e for e in candidates(doc, ents, labels, tok.i) if para - cast.paragraph(e.start_char) <= ENTITY_WINDOW),
        key=lambda e: e.start, reverse=True,
    )
    with_noun = [e for e in named if _introduced_as(e, {d.head, *d.nouns})]
    if with_noun or d.nouns:
        return entity_speaker(cast, with_noun[0]) if with_noun else None
    subjects = [e for e in named if e.root.dep_ in ("nsubj", "nsubjpass")]
    ent = next((e for e in subjects + named if _of_class(e.text, d)), None)
    if ent is None and len({e.text.lower() for e in named}) == 1 and subjects and _of_class(subjects[0].text, d) is None:
        # the one organisation in reach, of no class said, the subject of the sentence before
        sent = tok.sent
        before = doc[sent.start - 1].sent if sent.start > 0 else None
        ent = subjects[0] if before is not None and subjects[0].sent == before else None
    return entity_speaker(cast, ent) if ent is not None else None


def _of_class(name: str, d: Description) -> bool | None:
    """Whether an organisation of that name is of the description's class
    (None: the name does not say; places have no class)."""
    if d.kind == "place":
        return None
    found = org_class(name)
    return None if found is None else d.cls in ("any", found)


def _introduced_as(ent: Span, nouns: set[str]) -> bool:
    """Whether the article names ``ent`` with one of ``nouns``: in its name
    ("Wells Fargo Bank" for "the bank") or just before or around it ("the
    drug company Valeant", "Exxon, the oil company")."""
    doc = ent.doc
    if {w.lower() for w in ent.text.split()} & nouns:
        return True
    before = doc[ent.start - 1] if ent.start > 0 else None
    root = ent.root
    return (before is not None and before.lower_ in nouns
            or root.dep_ in ("appos", "compound") and root.head.lower_ in nouns
            or any(c.dep_ == "appos" and c.lower_ in nouns for c in root.children))


def candidates(doc: Doc, ents: dict[int, Span], labels: tuple[str, ...], before: int) -> set[Span]:
    """The entities with one of ``labels`` named before token ``before``; for
    organisations also a name that ends like one, whatever the NER said or
    missed ("Acme Shipping won the tender")."""
    found = {e for e in ents.values() if e.end <= before and e.label_ in labels and e[-1].tag_ != "POS"
             and not e.text.endswith(("’s", "'s"))}
    if "ORG" in labels:
        found |= {e for e in ents.values() if e.end <= before and e.label_ == "PERSON" and org_name(e.text.split())}
        for chunk in doc[:before].noun_chunks:
            toks = [t for t in chunk if t.dep_ != "det" and t.tag_ != "POS"]
            if toks and toks[-1].pos_ == "PROPN" and not any(t.i in ents for t in toks) \
                    and org_name([t.text for t in toks]):
                found.add(doc[toks[0].i : toks[-1].i + 1])
    return found


Rule = Callable[[Doc, Cast, Token, Description, dict[int, Span]], "int | None"]
RULES: tuple[Rule, ...] = (by_title, by_continuation, by_descriptor, by_entity)


def resolve(doc: Doc, cast: Cast, tok: Token, mention: str, ents: dict[int, Span]) -> int | None:
    """The speaker a definite description refers back to, or None. A
    gendered noun ("the actress") is evidence of the speaker's gender."""
    d = read_description(tok, mention)
    if d is None:
        return None
    for rule in RULES:
        k = rule(doc, cast, tok, d, ents)
        if k == UNSURE:
            return None
        if k is not None:
            add_words(cast.speakers[k], [tok])
            if d.kind == "person":  # the position the description gives ("the Vermont senator")
                for pos in description_positions(doc, tok):
                    cast.speakers[k].add_position(pos)
            return k
    return None
