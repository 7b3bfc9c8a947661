"""The lexicons shipped as data files in ``claimx/data`` (loaded once per process)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from claimx.acts import ACTS


def _lines(name: str) -> list[str]:
    text = files("claimx").joinpath("data", name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def _cue_rows() -> tuple[tuple[str, frozenset[str], str], ...]:
    return parse_cue_rows(_lines("cues.tsv"))


def parse_cue_rows(lines: list[str]) -> tuple[tuple[str, frozenset[str], str], ...]:
    """The rows of ``cues.tsv``: lemma, content kinds, act (a ``# comment``
    column after them says why where the act is arguable); a row without one
    of the four acts (a mined lemma nobody has reviewed: ``?``) is an error."""
    rows = []
    for line in lines:
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 3 or cols[2] not in ACTS:
            raise ValueError(f"claimx/data/cues.tsv: {line!r} needs lemma, kinds and one act of {', '.join(ACTS)}")
        rows.append((cols[0], frozenset(k.strip() for k in cols[1].split(",") if k.strip()), cols[2]))
    return tuple(rows)


@cache
def cue_frames() -> dict[str, frozenset[str]]:
    """Reporting-cue lemma -> the kinds of content it takes
    (``clause``, ``quote``, ``object``, ``infinitive``)."""
    return {lemma: kinds for lemma, kinds, _ in _cue_rows()}


@cache
def cue_acts() -> dict[str, str]:
    """Reporting-cue lemma -> the act it reports when the structure says no
    other ("say" -> speech, "believe" -> belief, "find" -> fact, "plan" ->
    intention)."""
    return {lemma: act for lemma, _, act in _cue_rows()}


def _words(name: str) -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in _lines(name))


@cache
def evidential_sources() -> frozenset[str]:
    """Nouns of a source that is evidence, not a person ("study", "polls",
    "data", "records"), singular and plural as written."""
    return _words("evidential_sources.txt")


@cache
def finding_verbs() -> frozenset[str]:
    """Lemmas of the verbs by which evidence presents what it establishes
    ("found", "shows", "suggest"): with an evidential source, a fact."""
    return _words("finding_verbs.txt")


@cache
def directives() -> frozenset[str]:
    """Lemmas of the verbs that direct someone to do something ("urged X to",
    "asked X to", "called on X to"): their infinitive is the source's aim."""
    return _words("directives.txt")


@cache
def stances() -> frozenset[str]:
    """Lemmas of the verbs that take a stance towards their object ("praised
    the plan", "attacked Clinton"): speech only when they report words."""
    return _words("stances.txt")


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
def author_verbs() -> frozenset[str]:
    """Verbs by which one authors or issues a document ("released a report")."""
    return _words("author_verbs.txt")


@cache
def footage_nouns() -> frozenset[str]:
    """Recordings that show someone speaking ("footage of Smith saying ...")."""
    return _words("footage_nouns.txt")


@cache
def causatives() -> frozenset[str]:
    """Verbs whose object speaks the infinitive after it ("led the chairman to announce ...")."""
    return _words("causatives.txt")


@cache
def furniture_openings() -> tuple[str, ...]:
    """What a paragraph of page furniture opens with, lower case: labels with
    their colon ("read more:", "photo:"), phrases without ("sign up")."""
    return tuple(sorted(_words("furniture_lines.txt"), key=len, reverse=True))


@cache
def section_labels() -> frozenset[str]:
    """Labels before a colon that are never a speaker ("exclusive", "analysis")."""
    return _words("section_labels.txt")


@cache
def refusals() -> frozenset[str]:
    """What a source refuses when it declines to comment: the verbs of
    speaking in "declined to *comment*", "refused to *say*", and the nouns in
    "declined *requests* for comment", "did not respond to a *request*"."""
    return _words("refusals.txt")


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


@cache
def asking_verbs() -> frozenset[str]:
    """Lemmas of verbs of asking ("ask", "wonder", "inquire"): after one, a
    wh-clause is a question, no claim (claimx/attribution/claims.py)."""
    return _words("asking_verbs.txt")


@cache
def quantity_objects() -> frozenset[str]:
    """Heads of an object that says how much was said, not what ("a lot",
    "something", "volumes"): with "about" after it the report names a topic
    only (claimx/attribution/claims.py)."""
    return _words("quantity_objects.txt")


@cache
def polarity_verbs() -> frozenset[str]:
    """Lemmas of verbs that say yes or no to what their object names
    ("denied the charges", "confirmed the death"): the object is a claim,
    not a topic only (claimx/attribution/claims.py)."""
    return _words("polarity_verbs.txt")


@cache
def content_nouns() -> frozenset[str]:
    """Lemmas of nouns that name something said or a state of affairs
    ("charge", "report", "wrongdoing"): the object of a polarity verb that
    is one of them is a claim (claimx/attribution/claims.py)."""
    return _words("content_nouns.txt")


@cache
def charge_verbs() -> frozenset[str]:
    """Lemmas of verbs that lay a charge on their object with "of" ("accused
    the aides of sexism"): a claim about the object (claimx/attribution/claims.py)."""
    return _words("charge_verbs.txt")


@cache
def outlets() -> frozenset[str]:
    """News agencies and picture desks as a credit names them ("Reuters",
    "Getty Images", "AP Photo"): page furniture in a credit."""
    return frozenset(ln.strip() for ln in _lines("outlets.txt"))


@cache
def clause_verbs() -> frozenset[str]:
    """Lemmas of verbs that take a "that"-clause without saying it (knowing,
    perceiving, causing, deciding): never read as a manner of speaking."""
    return _words("clause_verbs.txt")
