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

A member's name has no determiner: "the Environmental Protection Agency"
is Environmental Protection Agency, but "The" stays where it is part of
the name ("The New York Times"; :func:`canonical_name`). The acronyms are
read once per article (:func:`defined_acronyms`)."""

from __future__ import annotations

import re
from functools import cache

from claimx.pipeline.speakers.cast import Cast
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
    classes = _lower_org_words()
    if long[: len(short)] == short and all(w in classes for w in long[len(short) :]):
        return True  # "Bloomberg" and "Bloomberg News"
    return len(short) == 1 and long[-1] == short[0] and classes.get(short[0]) == "media"  # "The Post"


@cache
def _lower_org_words() -> dict[str, str]:
    return {w.lower(): c for w, c in org_name_words().items()}


def find_org(cast: Cast, name: str, start: int = -1) -> int | None:
    """The organisation member ``name`` (at character ``start``) names, or
    None; the longer name is kept as the member's name ("Acme" then "Acme
    Corp." -> Acme Corp.)."""
    words = org_words(name, cast.acronyms)
    if not words:
        return None
    for k in range(len(cast.speakers) - 1, -1, -1):
        sp = cast.speakers[k]
        if sp.kind == "organisation" and same_org(org_words(sp.name, cast.acronyms), words):
            if len(words) > len(org_words(sp.name)):
                sp.name = full_name(cast, name, start)  # the longer name, written once it is taken
            return k
    return None


def full_name(cast: Cast, name: str, start: int = -1) -> str:
    """An organisation's name for a member: the name an acronym the text
    defined stands for ("the NFU" -> National Farmers Union), else ``name``
    as :func:`canonical_name` writes it (``start``: where it is in the text)."""
    bare = re.sub(r"^(?:the|The)\s+", "", name.strip())
    return cast.acronyms.get(bare) or canonical_name(cast.text, name.strip(), start)


_THE = re.compile(r"(?:the|The)\s+")
_SENTENCE_END = frozenset(".!?:;\"“”'‘’([\n—–-")


def canonical_name(text: str, name: str, start: int = -1) -> str:
    """``name`` (found at character ``start`` of ``text``, -1: unknown) as a
    member's name, without a determiner. A lower-case "the" is a determiner
    ("the Environmental Protection Agency" -> Environmental Protection
    Agency); a capitalised "The" inside a sentence is part of the name ("at
    The New York Times"). At a sentence's start, where case says nothing,
    the text's other mentions of the name decide ("the agency's" lower case
    somewhere: a determiner; "The" inside a sentence: the name's), else a
    media title keeps it ("The Guardian") and any other name loses it ("The
    Environmental Protection Agency said" -> Environmental Protection Agency)."""
    m = _THE.match(name)
    if m is None or len(name) == m.end():
        return name
    rest = name[m.end():]
    if name.startswith("the") or not _sentence_start(text, start):
        return rest if name.startswith("the") else name
    cases = {text[i - 4 : i - 1] for i in _occurrences(text, rest) if i >= 4 and text[i - 4 : i - 1] in ("the", "The")
             and not _sentence_start(text, i - 4)}
    if cases:
        return name if cases == {"The"} else rest
    last = rest.split()[-1].rstrip(".,'’s")
    return name if _lower_org_words().get(last.lower()) == "media" else rest


def _sentence_start(text: str, start: int) -> bool:
    """Whether character ``start`` of ``text`` begins a sentence, a line or
    a quotation (or is unknown, -1)."""
    if start < 0:
        return True
    before = text[max(0, start - 40) : start].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END


def _occurrences(text: str, rest: str) -> list[int]:
    out, i = [], text.find(rest)
    while i >= 0 and len(out) < 20:
        out.append(i)
        i = text.find(rest, i + 1)
    return out
