"""Names: the words of a person's name in an entity (without a title or a
stray mark the model took into it), whether a name is one already met
("Rubio" joins "Marco Rubio", "Marco Rubio" fills in an earlier "Rubio"),
a speaker found by title ("the secretary"), and the kind of a speaker that
is no person (organisation, group, unnamed)."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from claimx.attribution import wordless
from claimx.lexicon import titles
from claimx.speakers.cast import Cast, Speaker

ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}


@cache
def title_pattern() -> re.Pattern[str]:
    """The title lexicon as one compiled pattern, longest titles first."""
    alts = "|".join(re.escape(t) for t in titles())
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


def name_tokens(ent: Span) -> list[Token]:
    """The tokens of a PERSON entity that are the name: "President Donald
    Trump's" -> Donald Trump."""
    toks = [t for t in ent if t.tag_ != "POS" and t.text not in ("’s", "'s", "’", "'")]
    # a dash or mark the model took into the name: "― Jacklyn Ashley"
    while len(toks) > 1 and wordless(toks[0]):
        toks = toks[1:]
    while len(toks) > 1 and wordless(toks[-1]):
        toks = toks[:-1]
    # a title the model folded into the name: "President Donald Trump"
    while len(toks) > 1 and title_pattern().fullmatch(toks[0].text):
        toks = toks[1:]
    return toks


def person_for(cast: Cast, name: list[Token]) -> int:
    """The person ``name`` names: the latest one met whose name it is, or
    whose surname or first name it is alone ("Rubio"), or whose surname it
    ends with and whose first name starts like it ("M. Rubio"); a full name
    after a surname alone fills that one in; else a new person."""
    words = tuple(t.text for t in name)
    speakers = cast.speakers
    for k in range(len(speakers) - 1, -1, -1):
        sp = speakers[k]
        if sp.kind != "person":
            continue
        if sp.key == words:
            return k
        if len(words) == 1 and words[0] in (sp.key[-1], sp.key[0]):
            return k
        if len(sp.key) == 1 and words[-1] == sp.key[0]:
            sp.key, sp.name = words, " ".join(words)
            return k
        if len(words) > 1 and words[-1] == sp.key[-1] and words[0][0] == sp.key[0][0]:
            return k
    return cast.add(Speaker(" ".join(words), "person", words, first=name[0].idx))


def surname_of(speakers: list[Speaker], tok: Token) -> int | None:
    """The latest person whose surname (or first name) ``tok`` is: a
    surname the NER missed ("Trump described ...")."""
    return next(
        (i for i in range(len(speakers) - 1, -1, -1)
         if speakers[i].kind == "person" and tok.text in (speakers[i].key[-1], speakers[i].key[0])),
        None,
    )


def by_title(speakers: list[Speaker], tok: Token, mention: str) -> int | None:
    """"the secretary" -> the latest person whose position has that title."""
    words = mention.lower().split()
    if not words or words[0] not in ("the",) or tok.pos_ != "NOUN" and tok.pos_ != "PROPN":
        return None
    rest = " ".join(words[1:])
    for k in range(len(speakers) - 1, -1, -1):
        for pos in speakers[k].positions:
            if pos["title"].lower() == rest or pos["title"].lower().endswith(" " + rest):
                return k
    return None


def kind_of(tok: Token, ent: Span | None) -> str:
    """person, organisation (an ORG/GPE/NORP/FAC entity), group (a plural
    noun: "officials") or unnamed ("a spokesman")."""
    if ent is not None and ent.label_ == "PERSON":
        return "person"
    if ent is not None and ent.label_ in ORG_LABELS:
        return "organisation"
    if tok.tag_ in ("NNS", "NNPS"):
        return "group"
    return "unnamed"


def strip_det(text: str) -> str:
    """"the campaign" -> "campaign"."""
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
