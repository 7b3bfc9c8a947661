"""The word lists the speaker steps read, shipped as data in ``claimx/data``
(loaded once per process): gendered words, the nouns of definite
descriptions, the last words of organisations' names, party-state tags
and abbreviated titles."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from claimx.lexicon import cue_frames, title_nouns, titles


def _rows(name: str) -> list[list[str]]:
    text = files("claimx").joinpath("data", name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def gender_words() -> dict[str, tuple[str, str]]:
    """Lower-case word -> (gender, kind): "she" -> (female, pronoun),
    "mr." -> (male, honorific), "spokeswoman" -> (female, role)."""
    return {row[0].strip(): (row[1].strip(), row[2].strip()) for row in _rows("gender_words.tsv")}


def gender_of_word(word: str, *kinds: str) -> str | None:
    """The gender ``word`` (any case) says when read as one of ``kinds``, or None."""
    hit = gender_words().get(word.lower())
    return hit[0] if hit is not None and hit[1] in kinds else None


@cache
def description_nouns() -> dict[str, str]:
    """Noun -> the kind of entity a definite description headed by it refers
    back to (organisation, place or person): the data file, then the last
    words of the titles and the gendered role nouns as persons."""
    out = {row[0].strip(): row[1].strip() for row in _rows("descriptions.tsv")}
    for noun in title_nouns():
        out.setdefault(noun, "person")
    for word, (_, kind) in gender_words().items():
        if kind in ("role", "generic"):
            out.setdefault(word, "person")
    return out


@cache
def document_nouns() -> dict[str, str]:
    """Noun lemma of a document or channel -> its class ("memoir" -> book):
    ``data/document_nouns.tsv``."""
    return {row[0].strip(): row[1].strip() for row in _rows("document_nouns.tsv")}


@cache
def role_verbs() -> dict[str, str]:
    """Verb lemma of a relative clause stating a role -> the title ("chair" -> chair)."""
    return {row[0].strip(): row[1].strip() for row in _rows("role_verbs.tsv")}


@cache
def not_roles() -> frozenset[str]:
    """Nouns that describe a person without a position: "father", "resident"."""
    return frozenset(row[0].strip() for row in _rows("not_roles.txt"))


@cache
def description_classes() -> dict[str, str]:
    """Organisation noun -> the class of organisation it means ("company" -> business)."""
    return {row[0].strip(): row[2].strip() for row in _rows("descriptions.tsv") if len(row) > 2}


@cache
def org_name_words() -> dict[str, str]:
    """Last word of organisations' names ("Shipping", "Inc", "Post"), without
    a final stop -> the class of organisation it says (business, media...)."""
    return {row[0].strip().rstrip("."): row[1].strip() for row in _rows("org_name_words.tsv")}


@cache
def org_only_words() -> frozenset[str]:
    """The last words of organisations' names that are no surname too: "Shipping", not "Guardian"."""
    return frozenset(row[0].strip().rstrip(".") for row in _rows("org_name_words.tsv")
                     if len(row) < 3 or row[2].strip() != "surname")


@cache
def us_states() -> dict[str, str]:
    """A state as a party-state tag writes it ("Mass.", "MA") -> its name."""
    return {row[0].strip(): row[1].strip() for row in _rows("us_states.tsv")}


@cache
def party_letters() -> dict[str, str]:
    """The party letter of a party-state tag -> the party ("D" -> Democrat)."""
    return {row[0].strip(): row[1].strip() for row in _rows("party_tags.tsv")}


@cache
def title_abbreviations() -> dict[str, str]:
    """An abbreviated title -> the title ("Sen." -> Senator)."""
    return {row[0].strip(): row[1].strip() for row in _rows("title_abbreviations.tsv")}


@cache
def title_pattern() -> re.Pattern[str]:
    """The titles and their abbreviations as one pattern, longest first."""
    words = sorted({*titles(), *title_abbreviations()}, key=len, reverse=True)
    alts = "|".join(re.escape(t) for t in words)
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


@cache
def name_particles() -> frozenset[str]:
    """Lower-case words inside a name: "de", "van", "bin"."""
    return frozenset(row[0].strip() for row in _rows("name_particles.txt"))


@cache
def cue_forms() -> frozenset[str]:
    """The forms of the cue verbs a headline's title case makes look like a
    name ("Trump Said", "Obama Calls"): each lemma with -s, -es, -ed, -d,
    and the irregular pasts of the commonest."""
    forms = {"said", "told", "wrote", "spoke", "thought", "knew", "felt", "sought", "took", "gave"}
    for lemma in cue_frames():
        if " " not in lemma:
            forms.update((lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d"))
    return frozenset(forms)
