"""Pronouns outside quotations, resolved as a reader would, or left
unresolved when unsure (a wrong name is worse than none):

- :func:`subject_pronoun`: "he"/"she" as a subject -> a person mentioned in
  this paragraph or the two before, preferring a subject of its own
  sentence, then the previous statement's speaker (unless another person
  has been the subject of a main clause since), then the latest subject, then the others, latest first (with
  nobody in reach, the person mentioned last); the first whose gender
  agrees — for the previous statement's speaker, by the firm evidence
  (honorifics, role nouns), not by pronouns resolved before. One whose
  gender the article does not say is not taken over a person named since
  who is firmly known to agree ("Trump met Ms. Merkel. She said" stays
  unresolved unless Trump is known as "he"); nor in a subordinate clause of a sentence
  that already named two persons it may be ("Warren told Stumpf, after he
  admitted ...");
- :func:`possessive_pronoun`: "his", "her" (a determiner) -> the latest
  subject of its own sentence whose gender agrees; "himself" the subject of
  its own clause; an object "him"/"her" is never its own clause's subject
  and stays unresolved;
- :func:`thing_pronoun`: "it"/"they" as a source -> the previous
  statement's organisation (or group, for "they"; or a one-word name the
  NER took for a person's that nothing shows is one: "Politifact ruled
  ... they") when no other subject came between; "it" also the one organisation that is a subject earlier
  in its own sentence ("Although the IMF did not ..., it referenced").

A pronoun resolved to a person is evidence of their gender only when sure:
a subject pronoun when their gender was already known to be its own,
nobody else in reach could be meant, or it is the source of a statement
that continues theirs with nobody named since; a reflexive when nobody else in its
sentence could be; never a possessive (:func:`sure`). A guess among persons
whose gender is unknown is no evidence, so one wrong guess does not
decide the next."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claimx.pipeline.speakers.cast import Cast, main_verb
from claimx.pipeline.speakers.gender import pronoun
from claimx.pipeline.speakers.names import entity_speaker, org_name

WINDOW = 2  # paragraphs before the pronoun's in which its antecedent must be mentioned
THING_WINDOW = 1
SUBJECT_DEPS = ("nsubj", "nsubjpass")
POSSESSIVES = {"his", "hers"}
REFLEXIVES = {"himself", "herself"}


@dataclass(slots=True)
class Thread:
    """What the people pass carries from token to token: the latest person
    who was a subject and the latest subject of a main clause (with where),
    a source named like a person but not tagged one, the persons who were
    subjects in the current sentence and the persons it named so far."""

    last_subject: int | None = None
    main_subject: tuple[int, int] | None = None  # (speaker, offset)
    unsure: Token | None = None
    sent_subjects: list[int] = field(default_factory=list)
    sent_named: list[int] = field(default_factory=list)
    possessed: set[int] = field(default_factory=set)  # persons last named as a possessive ("Mr. King's show")

    def new_sentence(self) -> None:
        self.sent_subjects = []
        self.sent_named = []

    def named(self, k: int, tok: Token | None = None) -> None:
        """Person ``k`` is named (by ``tok``, the last word of the name)."""
        if k not in self.sent_named:
            self.sent_named.append(k)
        if tok is not None and possessive(tok):
            self.possessed.add(k)
        elif tok is not None:
            self.possessed.discard(k)

    def subject(self, k: int, tok: Token) -> None:
        """Person ``k`` is the subject ``tok`` (outside quotations)."""
        self.last_subject = k
        self.sent_subjects.append(k)
        self.named(k, tok)
        if main_clause(tok):
            self.main_subject = (k, tok.idx)


def possessive(tok: Token) -> bool:
    """Whether the name ending at ``tok`` is a possessive: "Mr. King's show"."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.dep_ == "poss" or after is not None and after.tag_ == "POS"


def main_clause(tok: Token) -> bool:
    """Whether ``tok`` is the subject of its sentence's main verb (or of a verb coordinated with it)."""
    return main_verb(tok.head)


def ranked(cast: Cast, thread: Thread, tok: Token) -> list[int]:
    """The persons "he"/"she" at ``tok`` may be, most likely first."""
    prev = cast.previous_speaker(tok.idx, tok.i)
    order: list[int | None] = [prev, thread.last_subject]
    if main_clause(tok) and thread.sent_subjects:
        # "Ms. Olivieri found skating a salve, she said": its own sentence's subject first
        order[:0] = list(reversed(thread.sent_subjects))
    if thread.main_subject is not None and thread.main_subject[0] != prev:
        # a person who has been the subject of a main clause since the previous statement comes first
        cue = max((c for c, t in cast.statements if c < tok.idx and t != tok.i), default=-1)
        if thread.main_subject[1] > cue:
            order.insert(0, thread.main_subject[0])
    out: list[int] = []
    for k in order:
        if k is not None and k not in out and cast.speakers[k].kind == "person" and cast.recent(k, tok.idx, WINDOW):
            out.append(k)
    rest = [k for k, sp in enumerate(cast.speakers)
            if k not in out and sp.kind == "person" and cast.recent(k, tok.idx, WINDOW)]
    out += sorted(rest, key=lambda k: -cast.speakers[k].last_before(tok.idx))
    if not out:
        # nobody in reach: the person mentioned last, however far back (a profile of one person)
        last = max((k for k, sp in enumerate(cast.speakers) if sp.kind == "person" and sp.last_before(tok.idx) >= 0),
                   key=lambda k: cast.speakers[k].last_before(tok.idx), default=None)
        out = [last] if last is not None else []
    return out


def choose(
    cast: Cast, candidates: list[int], gender: str | None, at: int, possessed: set[int] | frozenset[int] = frozenset()
) -> int | None:
    """The first candidate whose gender agrees; one whose gender is unknown
    not when a later candidate firmly known (an honorific, a role noun) to
    be of ``gender`` was named after it, other than as a possessive ("Trump
    met Ms. Merkel. She" — but "Trump commented on Mr. Crutcher's death. He")."""
    for n, k in enumerate(candidates):
        sp = cast.speakers[k]
        if gender is None or sp.gender == gender:
            return k
        if not sp.agrees(gender):
            continue
        last = sp.last_before(at)
        if any(cast.speakers[o].firm_gender == gender and cast.speakers[o].last_before(at) > last
               and o not in possessed for o in candidates[n + 1 :]):
            return None
        return k
    return None


def subject_pronoun(cast: Cast, thread: Thread, tok: Token) -> tuple[int | None, bool]:
    """"He added ...": the person the subject pronoun ``tok`` refers to (or
    None), and whether that is sure enough to be evidence of their gender:
    their gender was known to be the pronoun's, nobody else in reach could
    be meant, or it continues their statement (:func:`chain`)."""
    gender = pronoun(tok)
    if not main_clause(tok) and len(_compatible(cast, thread.sent_named, gender)) > 1:
        return None, False
    candidates = ranked(cast, thread, tok)
    k = choose(cast, candidates, gender, tok.idx, thread.possessed)
    if k is None:
        return None, False
    return k, (cast.speakers[k].gender == gender or not _compatible(cast, [o for o in candidates if o != k], gender)
               or chain(cast, k, tok))


def chain(cast: Cast, k: int, tok: Token) -> bool:
    """Whether ``tok`` is the source of a statement that continues person
    ``k``'s previous one with nobody named by the writer since ("“...,”
    Warren said. “...,” she added.")."""
    return (any(t == tok.i for _, t in cast.statements) and cast.previous_speaker(tok.idx, tok.i) == k
            and not cast.named_since(k, tok.idx))


def possessive_pronoun(cast: Cast, thread: Thread, tok: Token) -> int | None:
    """"Smith said his plan ...": the latest subject of the sentence whose
    gender agrees; "she defended herself": the subject of its own clause.
    Not an object ("scolded him")."""
    gender = pronoun(tok) or ""
    if tok.lower_ in REFLEXIVES:
        subject = clause_subject(tok)
        k = cast.by_token.get(subject.i) if subject is not None else None
        return k if k is not None and cast.speakers[k].agrees(gender) else None
    if tok.lower_ not in POSSESSIVES and not (tok.lower_ == "her" and tok.dep_ == "poss"):
        return None
    return next((k for k in reversed(thread.sent_subjects) if cast.speakers[k].agrees(gender)), None)


def clause_subject(tok: Token) -> Token | None:
    """The subject of the clause ``tok`` is in, up through verbs that have
    none of their own ("her husband would be ..., calling himself")."""
    verb = tok.head
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None or verb.head is verb:
            return subject
        verb = verb.head
    return None


def sure(cast: Cast, thread: Thread, k: int, tok: Token) -> bool:
    """Whether a possessive or reflexive pronoun ``tok`` resolved to ``k``
    is evidence of ``k``'s gender: a reflexive ("herself") that could mean
    no other person its sentence named so far; never a possessive, which may
    mean someone named earlier ("Trump paid off her mortgage")."""
    if tok.lower_ in ("his", "her", "hers"):
        return False
    return _compatible(cast, [o for o in thread.sent_named if o != k], pronoun(tok)) == []


def _compatible(cast: Cast, ks: list[int], gender: str | None) -> list[int]:
    return [k for k in ks if gender is None or cast.speakers[k].agrees(gender)]


def thing_pronoun(cast: Cast, tok: Token, ents: dict[int, Span]) -> int | None:
    """"it" / "they" as the source of a statement: the organisation (or
    group) it refers to, or None."""
    low = tok.lower_
    kinds = ("organisation",) if low == "it" else ("organisation", "group") if low == "they" else ()
    if not kinds:
        return None
    prev = cast.previous_speaker(tok.idx, tok.i)
    if (prev is not None and cast.recent(prev, tok.idx, THING_WINDOW) and not cast.subject_since(prev, tok)
            and (cast.speakers[prev].kind in kinds or _collective_name(cast, prev))):
        cast.speakers[prev].kind = cast.speakers[prev].kind if cast.speakers[prev].kind in kinds else "organisation"
        return prev
    if low != "it":
        return None
    named = {e for i, e in ents.items() if tok.sent.start <= i < tok.i and e.root.dep_ in SUBJECT_DEPS
             and (e.label_ == "ORG" or e.label_ == "PERSON" and org_name(e.text.split()))}
    if len({e.text.lower() for e in named}) != 1:
        return None  # none, or two organisations it may be
    return entity_speaker(cast, max(named, key=lambda e: e.start))


def _collective_name(cast: Cast, k: int) -> bool:
    """A one-word name the NER took for a person's that nothing shows is one
    (no first name, no gender evidence, no he/she/his/her): "Politifact
    ruled ... they could not resist": the pronoun shows an organisation."""
    sp = cast.speakers[k]
    return (sp.kind == "person" and len(sp.key) == 1 and not sp.evidence
            and all(e - s == len(sp.key[0]) for s, e in sp.mentions))  # every mention the name itself
