"""Definite descriptions: "the company", "the carmaker", "the minister",
"the 45-year-old", "the veteran goalkeeper" refer back to a named entity
when the text licenses it. Read by :func:`read_description`, resolved by the
rules in :data:`RULES`, in order, the first that finds one winning:

- :func:`by_title`: the whole description is a title a person was given
  ("the secretary of state", "the secretary" -> Secretary / Deputy Secretary);
- :func:`by_continuation`: the person who made the statement just before,
  in this paragraph or the one before, with nobody named since, whom the
  article described so or with nothing that conflicts ("David James said
  ... The 45-year-old added"; an office, "the minister", must be known);
- :func:`by_descriptor`: a person the article described with the same head
  noun or age ("the goalkeeper" <- "veteran goalkeeper David James",
  "the 45-year-old" <- "John Smith, 45"), nearest first;
- :func:`by_entity`: an organisation or place noun -> the previous
  statement's organisation, else the nearest organisation (or place) named
  in this paragraph or the two before, a subject first ("Acme Shipping won
  the tender. The company said"); with a noun modifier, one whose name has
  it ("the appeals court"); never with a name in it ("the Clinton campaign").

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
from claimx.speakers.cast import Cast, Speaker
from claimx.speakers.gender import add_words
from claimx.speakers.names import entity_speaker, org_name
from claimx.speakers.words import description_nouns, gender_of_word

AGE = re.compile(r"(?<![\w-])(\d{1,3})-year-old\b")
DETERMINERS = ("the", "this", "that")
ENTITY_WINDOW = 2  # paragraphs before the description's in which its entity may be named
CONTINUATION_WINDOW = 1


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
    names: tuple[str, ...] = ()  # capitalised modifiers the entity must be known by: "the South Carolina senator"
    nouns: tuple[str, ...] = ()  # noun modifiers: "the appeals court"


def read_description(tok: Token, mention: str) -> Description | None:
    """The description a source mention headed by ``tok`` is, or None: "the
    company" -> organisation; "the 45-year-old" -> person aged 45. Not an
    indefinite ("a spokesman"), a plural ("the officials"), a name ("the
    White House") nor a relation to another ("the company's chief
    executive", "the head of the agency": someone new)."""
    words = mention.split()
    if len(words) < 2 or words[0].lower() not in DETERMINERS or tok.tag_ in ("NNS", "NNPS"):
        return None
    rest = " ".join(words[1:]).lower()
    if any(c.dep_ == "poss" for c in tok.children):
        return None
    age = AGE.search(mention)
    if age is not None:
        return Description("person", "", rest, age=age.group(1))
    kind = description_nouns().get(tok.lower_)
    if kind is None or tok.pos_ == "PROPN" and kind != "person":
        return None
    relation = any(c.dep_ == "prep" and c.i > tok.i for c in tok.children)
    mods = [t for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") for t in c.subtree if t.is_alpha]
    names = tuple(t.lower_ for t in mods if t.text[:1].isupper())
    if kind != "person" and (relation or any(t.pos_ == "PROPN" for t in mods)):
        return None  # "the Clinton campaign", "the bank of England": a name, not a description
    return Description(kind, tok.lower_, rest, gender=gender_of_word(tok.text, "role"), title_only=relation,
                       names=names, nouns=tuple(t.lower_ for t in mods if t.pos_ == "NOUN"))


def _agrees(sp: Speaker, d: Description) -> bool:
    """A person of the description's gender, known by its capitalised
    modifiers ("the Democratic senator": a Democrat's title or tag)."""
    if sp.kind != "person" or d.gender is not None and not sp.agrees(d.gender):
        return False
    known = {w[:6] for w in sp.described | {w.lower() for w in sp.key}}
    return all(w[:6] in known for w in d.names)


def by_title(doc: Doc, cast: Cast, tok: Token, d: Description, ents: dict[int, Span]) -> int | None:
    """"the secretary" -> the latest person whose title is or ends with those
    words ("Secretary", "Deputy Secretary"; not "Secretary of State")."""
    if d.kind != "person":
        return None
    for k in range(len(cast.speakers) - 1, -1, -1):
        sp = cast.speakers[k]
        if _agrees(sp, d) and any((p["title"] or "").lower() == d.text
                                  or (p["title"] or "").lower().endswith(" " + d.text) for p in sp.positions):
            return k
    return None


def by_descriptor(doc: Doc, cast: Cast, tok: Token, d: Description, ents: dict[int, Span]) -> int | None:
    """The person mentioned last before the description whom the article
    described with its head noun or its age."""
    if d.kind != "person" or d.title_only:
        return None
    found = [k for k, sp in enumerate(cast.speakers)
             if _agrees(sp, d) and (d.age in sp.ages if d.age is not None else d.head in sp.descriptors)
             and sp.last_before(tok.idx) >= 0]
    return max(found, key=lambda k: cast.speakers[k].last_before(tok.idx), default=None)


def by_continuation(doc: Doc, cast: Cast, tok: Token, d: Description, ents: dict[int, Span]) -> int | None:
    """The previous statement's speaker, a person mentioned in this
    paragraph or the one before with no other person named since, whose
    titles do not name another role ("the minister" is not the president)."""
    if d.kind != "person" or d.title_only:
        return None
    k = cast.previous_speaker(tok.idx, tok.i)
    if k is None or not _agrees(cast.speakers[k], d) or not cast.recent(k, tok.idx, CONTINUATION_WINDOW):
        return None
    sp = cast.speakers[k]
    if not _fits(sp, d):
        return None
    since = sp.last_before(tok.idx)
    if any(o != k and o_sp.kind == "person" and since < s < tok.idx
           for o, o_sp in enumerate(cast.speakers) for s, _ in o_sp.mentions):
        return None
    return k


def _fits(sp: Speaker, d: Description) -> bool:
    """Whether the previous speaker may be called so: described with that
    noun or age; or an epithet ("the veteran goalkeeper") for a person
    described with nothing else. An office ("the minister") must be known."""
    if d.age is not None:
        return not sp.ages or d.age in sp.ages
    if d.head in sp.descriptors:
        return True
    return not sp.descriptors and d.head not in title_nouns()


def by_entity(doc: Doc, cast: Cast, tok: Token, d: Description, ents: dict[int, Span]) -> int | None:
    """An organisation (or place) noun: the previous statement's speaker if
    it is one, else the nearest organisation (place) named before, in this
    paragraph or the two before, the nearest subject first."""
    if d.kind == "person":
        return None
    labels = ("GPE",) if d.kind == "place" else ("ORG",)
    k = cast.previous_speaker(tok.idx, tok.i)
    if k is not None and cast.speakers[k].label in labels and cast.recent(k, tok.idx, ENTITY_WINDOW):
        return k
    para = cast.paragraph(tok.idx)
    named = sorted(
        (e for e in candidates(doc, ents, labels, tok.i) if para - cast.paragraph(e.start_char) <= ENTITY_WINDOW),
        key=lambda e: e.start, reverse=True,
    )
    if d.nouns:  # "the appeals court": an organisation whose name says so
        named = [e for e in named if {d.head, *d.nouns} & {w.lower() for w in e.text.split()}]
    if not named:
        return None
    ent = next((e for e in named if e.root.dep_ in ("nsubj", "nsubjpass")), named[0])
    return entity_speaker(cast, ent)


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
        if k is not None:
            add_words(cast.speakers[k], [tok])
            return k
    return None
