"""Gender from the article's own words, never from a first name: the
evidence for a person's gender, each piece a span of the text. Three
constructions, with the words in ``data/gender_words.tsv``:

- an honorific just before the name: "Ms. Jones", "Mr. Rubio";
- a gendered role noun among the words that describe the person (a
  position, an apposition, a description resolved to them): "spokeswoman",
  "chairman", "the actress", "a mother of three";
- a pronoun resolved to the person: "he", "her", "himself".

A speaker's gender is the one all its evidence agrees on; none or
conflicting evidence leaves it null (:attr:`~.cast.Speaker.gender`)."""

from __future__ import annotations

from spacy.tokens import Token

from claimx.speakers.cast import Speaker
from claimx.speakers.words import gender_of_word


def honorific(name: list[Token]) -> tuple[int, int, str] | None:
    """The honorific written just before a name ("Ms. Jones" -> Ms., female), or None."""
    first = name[0]
    if first.i == 0:
        return None
    prev = first.doc[first.i - 1]
    gender = gender_of_word(prev.text, "honorific")
    return (prev.idx, prev.idx + len(prev), gender) if gender else None


def role_words(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """The gendered role nouns among ``tokens`` ("the party's chairwoman" ->
    chairwoman, female); a noun only, not a word inside a name."""
    return [
        (t.idx, t.idx + len(t), g)
        for t in tokens
        if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ != "PERSON" and (g := gender_of_word(t.text, "role"))
    ]


def pronoun(tok: Token) -> str | None:
    """The gender a personal pronoun says ("she" -> female; "it", "they": None)."""
    return gender_of_word(tok.text, "pronoun")


def add_pronoun(speaker: Speaker, tok: Token) -> None:
    """A pronoun resolved to ``speaker`` is evidence of its gender."""
    speaker.add_evidence(tok.idx, tok.idx + len(tok), pronoun(tok), firm=False)


def add_words(speaker: Speaker, tokens: list[Token]) -> None:
    """The gendered role nouns among ``tokens``, which describe ``speaker``."""
    for start, end, gender in role_words(tokens):
        speaker.add_evidence(start, end, gender)
