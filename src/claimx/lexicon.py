"""The lexicons shipped as data files in ``claimx/data`` (loaded once per process)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


def _lines(name: str) -> list[str]:
    text = files("claimx").joinpath("data", name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def cue_frames() -> dict[str, frozenset[str]]:
    """Reporting-cue lemma -> the kinds of content it takes
    (``clause``, ``quote``, ``object``, ``infinitive``)."""
    out: dict[str, frozenset[str]] = {}
    for line in _lines("cues.tsv"):
        lemma, kinds = line.split("\t")[:2]
        out[lemma.strip()] = frozenset(k.strip() for k in kinds.split(",") if k.strip())
    return out


@cache
def titles() -> tuple[str, ...]:
    """Titles and offices, longest first."""
    return tuple(sorted({t.strip() for t in _lines("titles.txt")}, key=len, reverse=True))


@cache
def demonyms() -> dict[str, str]:
    """Adjective or abbreviation -> place ("Ukrainian" -> "Ukraine")."""
    return dict(line.split("\t", 1) for line in _lines("demonyms.tsv"))


@cache
def title_nouns() -> frozenset[str]:
    """The last words of the titles, lower case ("adviser", "secretary",
    "spokeswoman"): nouns that name a person by office or role."""
    return frozenset(t.split()[-1].lower().rstrip(".") for t in titles())


@cache
def light_verbs() -> frozenset[str]:
    """Verbs whose object and the quoted words on it report nobody's words
    ("wore a “Make America Great” cap"): never cues by structure alone."""
    return frozenset(ln.strip() for ln in _lines("light_verbs.txt"))


@cache
def artefacts() -> frozenset[str]:
    """Nouns for what one issues to say something ("a statement saying ...")."""
    return frozenset(ln.strip() for ln in _lines("artefacts.txt"))


@cache
def date_patterns() -> dict[str, list[str]]:
    """Patterns for the temporal expressions the NER misses, by case: "c"
    (as written, tried together), "s" (as written, each on its own: found
    fast when it begins with a letter) and "i" (any case), in file order."""
    out: dict[str, list[str]] = {"c": [], "s": [], "i": []}
    for line in _lines("date_patterns.tsv"):
        case, pattern = line.split("\t")[:2]
        out[case].append(pattern)
    return out
