"""Names: the words of a person's name in an entity (without a title or a
stray mark the model took into it), written as the text writes them
("Waller-Bridge", not "Waller - Bridge"); whether a name is one already met
("Rubio" joins "Marco Rubio", "Marco Rubio" fills in an earlier "Rubio");
whether a name is an organisation's ("Acme Shipping"); and the kind of a
speaker that is no person (organisation, group, unnamed)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimx.pipeline.attribution import wordless
from claimx.pipeline.doctext import doc_text
from claimx.pipeline.speakers.cast import Cast, Speaker
from claimx.pipeline.speakers.documents import document_class
from claimx.pipeline.speakers.lines import garbled_headline_name
from claimx.pipeline.speakers.organisations import find_org, full_name
from claimx.pipeline.speakers.words import cue_forms, name_particles, org_name_words, org_only_words, title_pattern

ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}


ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"  # zero-width characters and the byte-order mark
_NO_ZERO_WIDTH = str.maketrans("", "", ZERO_WIDTH)


def name_tokens(ent: Span) -> list[Token]:
    """The tokens of a PERSON entity that are the name: "President Donald
    Trump's" -> Donald Trump; a word glued to it by a zero-width character
    or byte-order mark the NER left out ("Ahmed\ufeff Ali") is in it."""
    toks = [t for t in ent if t.tag_ != "POS" and t.text not in ("’s", "'s", "’", "'")]
    doc = ent.doc
    while toks and toks[0].i > 0 and _zero_width_word(doc[toks[0].i - 1]):
        toks.insert(0, doc[toks[0].i - 1])
    # a dash or mark the model took into the name: "― Jacklyn Ashley"
    while len(toks) > 1 and wordless(toks[0]):
        toks = toks[1:]
    while len(toks) > 1 and wordless(toks[-1]):
        toks = toks[:-1]
    return clean_name(toks)


def clean_name(toks: list[Token]) -> list[Token]:
    """A name without a title the model folded into it ("President Donald
    Trump"), a plural noun before it ("Republicans Jolly", "Celebrities
    Julianne Moore") or the words after it that are none (:func:`name_run`)."""
    while len(toks) > 1 and (title_pattern().fullmatch(toks[0].text) or toks[0].tag_ in ("NNPS", "NNS")):
        toks = toks[1:]
    return name_run(toks)


def name_run(toks: list[Token]) -> list[Token]:
    """The words of a name up to the first that is none, a headline's words
    the NER took into it: "Obama To Asians Worried" -> Obama, "Trump Said He
    Would Win" -> Trump; a hyphen inside a word and a particle stay
    ("Waller-Bridge", "Osama bin Laden")."""
    out = toks[:1]
    for n, t in enumerate(toks[1:], start=1):
        nxt = toks[n + 1] if n + 1 < len(toks) else None
        glued = not toks[n - 1].whitespace_
        if glued or t.pos_ == "PROPN" and t.lower_ not in cue_forms() or (
            t.lower_ in name_particles() and nxt is not None and nxt.pos_ == "PROPN"
        ):
            out.append(t)
        else:
            break
    while len(out) > 1 and wordless(out[-1]):
        out = out[:-1]
    return out


def name_text(name: list[Token]) -> str:
    """The name as the text writes it, white space made single spaces:
    "Waller-Bridge", "Kim Jong-un", "O'Brien" (never tokens joined by spaces)."""
    text = doc_text(name[0].doc)[name[0].idx : name[-1].idx + len(name[-1])]
    return " ".join(text.translate(_NO_ZERO_WIDTH).split())


def _zero_width_word(tok: Token) -> bool:
    """A capitalised word that ends with a zero-width character: "Ahmed\ufeff"."""
    text = tok.text
    return text[-1:] in ZERO_WIDTH and text.translate(_NO_ZERO_WIDTH)[:1].isupper() and text.strip(ZERO_WIDTH).isalpha()


def org_name(words: list[str] | tuple[str, ...]) -> bool:
    """Whether a name of two words or more ends like an organisation's:
    "Acme Shipping", "Wells Fargo Bank", "Acme Inc." (not "Shipping" alone)."""
    return len(words) > 1 and words[-1].rstrip(".,") in org_only_words()


def org_class(name: str) -> str | None:
    """The class of organisation a name's last word says ("Wells Fargo Bank"
    -> business, "the Justice Department" -> government), or None."""
    words = name.split()
    return org_name_words().get(words[-1].rstrip(".,")) if words else None


def namesakes(cast: Cast, words: tuple[str, ...]) -> list[int]:
    """The persons met whom the name ``words`` may name, latest first: the
    one of that very name alone; else those whose surname or first name it
    is alone ("Rubio"), whose surname alone it ends with, or whose surname
    it ends with and whose first name starts like it ("M. Rubio")."""
    found = []
    for k in range(len(cast.speakers) - 1, -1, -1):
        key = cast.speakers[k].key
        if cast.speakers[k].kind != "person":
            continue
        if key == words:
            return [k]
        if (len(words) == 1 and words[0] in (key[-1], key[0])
                or len(key) == 1 and words[-1] == key[0]
                or len(words) > 1 and words[-1] == key[-1] and words[0][0] == key[0][0]):
            found.append(k)
    return found


def person_for(cast: Cast, name: list[Token], gender: str | None = None, title: str | None = None) -> int:
    """The person ``name`` names (:func:`namesakes`); a full name after a
    surname alone fills that one in; else a new person. Of several ("Obama":
    Barack or Michelle), the ones the honorific's ``gender`` or the
    ``title`` written with the name fit ("Mr. Obama", "President Obama");
    of those, the one named most so far, then the one introduced first."""
    text = name_text(name)
    words = tuple(text.split())
    speakers = cast.speakers
    found = namesakes(cast, words)
    if len(found) > 1 and gender is not None:
        found = ([k for k in found if speakers[k].gender == gender]
                 or [k for k in found if speakers[k].agrees(gender)] or found)
    if len(found) > 1 and title is not None:
        found = [k for k in found if any(p["title"] == title for p in speakers[k].positions)] or found
    if not found:
        k = garbled_headline_name(cast, words, doc_text(name[0].doc))
        if k is not None:
            return k
        return cast.add(Speaker(text, "person", words, first=name[0].idx, label="PERSON"))
    # of namesakes still in doubt, the one the article names most, then the one it introduced
    # first: newsrooms keep the surname alone for their main "Clinton" and name the other in
    # full ("Bill Clinton"); a name a headline garbled ("Trump Says He") is named once
    k = min(found, key=lambda i: (-len(speakers[i].mentions), speakers[i].first))
    if len(speakers[k].key) == 1 and len(words) > 1:
        speakers[k].key, speakers[k].name = words, text  # "Rubio", later "Marco Rubio"
    return k


def entity_speaker(cast: Cast, ent: Span) -> int:
    """The organisation an entity names: the one of that name or another
    name form of it (:mod:`.organisations`), or a new one."""
    key = tuple(ent.text.lower().split())
    k = find_org(cast, ent.text, ent.start_char)
    if k is None:
        name = full_name(cast, ent.text, ent.start_char)
        k = cast.add(Speaker(name, "organisation", key, first=ent.start_char, label=ent.label_))
    cast.name(k, [t.i for t in ent], (ent.start_char, ent.end_char))
    return k


def surname_of(speakers: list[Speaker], tok: Token) -> int | None:
    """The latest person whose surname (or first name) ``tok`` is: a
    surname the NER missed ("Trump described ..."); in capitals, as a
    transcript labels its speakers ("PENCE: Well, look"), in any case."""
    caps = tok.is_upper and len(tok) > 1
    text = tok.text.lower() if caps else tok.text
    for i in range(len(speakers) - 1, -1, -1):
        key = speakers[i].key
        if speakers[i].kind == "person" and text in ((key[-1].lower(), key[0].lower()) if caps else (key[-1], key[0])):
            return i
    return None


def person_named(cast: Cast, text: str) -> int | None:
    """The latest person whose surname is ``text`` written as one word with
    a hyphen ("Smith-Jones" after "Jean Smith-Jones"), which the NER often
    takes for an organisation; None for any other text."""
    if "-" not in text or " " in text.strip():
        return None
    text = text.strip()
    return next((k for k in range(len(cast.speakers) - 1, -1, -1)
                 if cast.speakers[k].kind == "person" and cast.speakers[k].key[-1] == text), None)


def kind_of(tok: Token, ent: Span | None) -> str:
    """person, organisation (an ORG/GPE/NORP/FAC entity, or a name that ends
    like an organisation's whatever the NER says: "Acme Shipping"), document
    ("the report", "a poll": :mod:`.documents`), group (a plural noun:
    "officials") or unnamed ("a spokesman")."""
    if ent is not None and ent.label_ == "PERSON":
        return "organisation" if org_name(ent.text.split()) else "person"
    if ent is not None and ent.label_ in ORG_LABELS:
        return "organisation"
    if tok.pos_ == "PROPN" and org_name([c.text for c in tok.lefts if c.dep_ == "compound"] + [tok.text]):
        return "organisation"
    if ent is None and document_class(tok) is not None:
        return "document"
    if tok.tag_ in ("NNS", "NNPS"):
        return "group"
    return "unnamed"


def strip_det(text: str) -> str:
    """"the campaign" -> "campaign"."""
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
