"""Gender from the article's own words, never from a first name: the
evidence for a person's gender, each piece a span of the text. Three
constructions, with the words in ``data/gender_words.tsv``:

- an honorific just before the name: "Ms. Jones", "Mr. Rubio";
- a gendered role noun among the words that describe the person (a
  position, an apposition, a description resolved to them): "spokeswoman",
  "chairman", "the actress", "a mother of three";
- a pronoun resolved to the person: "he", "her", "himself".

A masculine role noun some newsrooms also use of women ("spokesman",
"chairman") is generic evidence: it counts only when nothing else says,
and never stops "she" resolving to the person. A speaker's gender is the
one all its other evidence agrees on; none or conflicting evidence leaves
it null (:attr:`~.cast.Speaker.gender`)."""

from __future__ import annotations

from spacy.tokens import Token

from claimx.pipeline.speakers.cast import Speaker
from claimx.pipeline.speakers.words import gender_of_word, gender_words


def honorific(name: list[Token]) -> tuple[int, int, str] | None:
    """The honorific written just before a name ("Ms. Jones" -> Ms., female), or None."""
    first = name[0]
    if first.i == 0:
        return None
    prev = first.doc[first.i - 1]
    gender = gender_of_word(prev.text, "honorific")
    return (prev.idx, prev.idx + len(prev), gender) if gender else None


def role_words(tokens: list[Token]) -> list[tuple[int, int, str, str]]:
    """The gendered role nouns among ``tokens`` with their weight ("the
    party's chairwoman" -> chairwoman, female, firm; "spokesman" -> male,
    generic); a noun only, not a word inside a name."""
    out = []
    for t in tokens:
        if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ != "PERSON":
            hit = gender_words().get(t.lower_)
            if hit is not None and hit[1] in ("role", "generic"):
                out.append((t.idx, t.idx + len(t), hit[0], "firm" if hit[1] == "role" else "generic"))
    return out


def pronoun(tok: Token) -> str | None:
    """The gender a personal pronoun says ("she" -> female; "it", "they": None)."""
    return gender_of_word(tok.text, "pronoun")


def add_pronoun(speaker: Speaker, tok: Token) -> None:
    """A pronoun resolved to ``speaker`` is evidence of its gender."""
    speaker.add_evidence(tok.idx, tok.idx + len(tok), pronoun(tok), "pronoun")


def add_words(speaker: Speaker, tokens: list[Token]) -> None:
    """The gendered role nouns among ``tokens``, which describe ``speaker``."""
    for start, end, gender, weight in role_words(tokens):
        speaker.add_evidence(start, end, gender, weight)
