"""Organisations by every name the article gives them. One member for:

- the same name, an article and case aside ("the NFU", "NFU");
- a company suffix or none ("Acme Corp." and later "Acme"; "Acme Inc");
- the name and an acronym the article defines with it in brackets ("the
  National Farmers Union (NFU)" ... "the NFU said");
- the name's first words when the rest are words organisations' names end
  with ("Bloomberg" and "Bloomberg News");
- a media title's last word alone ("The New York Post" ... "The Post
  has learned"), not any other shorter name ("the House" is not "the
  White House").

The acronyms are read once per article (:func:`defined_acronyms`)."""

from __future__ import annotations

import re

from claimx.pipeline.speakers.cast import Cast, Speaker
from claimx.pipeline.speakers.words import org_name_words

SUFFIXES = frozenset({"corp", "corporation", "inc", "incorporated", "ltd", "limited", "co", "llc", "plc", "lp",
                      "llp", "ag", "sa", "nv", "gmbh"})
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,7})\)")
_LINKS = frozenset({"of", "for", "and", "the", "on", "&", "in"})
_WORD = re.compile(r"[\w&'’-]+")


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines in brackets after a name whose words'
    initials spell them: "the National Farmers Union (NFU)" -> NFU:
    National Farmers Union. Not "(AP)" after "Reuters", nor "(D-Mass.)"."""
    found: dict[str, str] = {}
    for m in _ACRONYM.finditer(text):
        acronym = m.group(1)
        letters = [c for c in acronym if c.isupper()]
        words = text[max(0, m.start() - 160) : m.start()].split()
        name: list[str] = []
        while words and len([w for w in name if w[:1].isupper()]) < len(letters):
            w = words.pop()
            if not (w[:1].isupper() or w.lower() in _LINKS) or not w[:1].isalnum() and w != "&":
                break
            name.insert(0, w)
        while name and not name[0][:1].isupper():
            name = name[1:]
        if len(letters) >= 2 and [w[0] for w in name if w[:1].isupper()] == letters:
            found.setdefault(acronym, " ".join(name))
    return found


def org_words(name: str, acronyms: dict[str, str] | None = None) -> tuple[str, ...]:
    """The words an organisation is compared by: lower case, without a
    leading article, a company suffix or a possessive; an acronym the text
    defined as its name: "Acme Corp." -> (acme,); "the NFU" -> (national,
    farmers, union)."""
    name = name.strip()
    if acronyms and name.removeprefix("the ").removeprefix("The ") in acronyms:
        name = acronyms[name.removeprefix("the ").removeprefix("The ")]
    words = [w.lower() for w in _WORD.findall(re.sub(r"[’']s$", "", name))]
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1].rstrip(".") in SUFFIXES:
        words = words[:-1]
    return tuple(words)


def same_org(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two organisations' words (:func:`org_words`) name one organisation."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) == len(long):
        return False
    classes = {w.lower(): c for w, c in _lower_org_words().items()}
    if long[: len(short)] == short and all(w in classes for w in long[len(short) :]):
        return True  # "Bloomberg" and "Bloomberg News"
    return len(short) == 1 and long[-1] == short[0] and classes.get(short[0]) == "media"  # "The Post"


def _lower_org_words() -> dict[str, str]:
    return {w.lower(): c for w, c in org_name_words().items()}


def find_org(cast: Cast, name: str) -> int | None:
    """The organisation member ``name`` names, or None; the longer name is
    kept as the member's name ("Acme" then "Acme Corp." -> Acme Corp.)."""
    words = org_words(name, cast.acronyms)
    if not words:
        return None
    for k in range(len(cast.speakers) - 1, -1, -1):
        sp = cast.speakers[k]
        if sp.kind == "organisation" and same_org(org_words(sp.name, cast.acronyms), words):
            _prefer_longer(sp, name, words)
            return k
    return None


def _prefer_longer(sp: Speaker, name: str, words: tuple[str, ...]) -> None:
    if len(words) > len(org_words(sp.name)):
        sp.name = name


def full_name(cast: Cast, name: str) -> str:
    """An organisation's name for a new member: the name an acronym the text
    defined stands for ("the NFU" -> National Farmers Union), else ``name``."""
    bare = re.sub(r"^(?:the|The)\s+", "", name.strip())
    return cast.acronyms.get(bare, name)
