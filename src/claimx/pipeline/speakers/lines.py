"""Lines of the page that name a source the way no sentence does:

- a signature line after a letter or comment ("— Jane Roe, Leeds", "Jane
  Roe."): the writer's "I" and "we" in the paragraphs before it are that
  person (:func:`signature_of`);
- a headline that describes the source the article then names ("Lawmaker
  urges retaliation" ... "Rep. Adam Schiff ... called on"): a bare
  description in the first paragraph is the speaker of the first
  statement after it, when that is a person (:func:`headline_sources`);
- a headline's title case that glued a verb to a name ("Clinton Hid Past
  Health Problems"): a two-word name met in the headline whose second word
  the article never writes again is the later full name's person
  (:func:`garbled_headline_name`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimx.pipeline.doctext import doc_text
from claimx.pipeline.speakers.cast import Cast
from claimx.pipeline.speakers.positions import ROLE_SUFFIXES
from claimx.pipeline.speakers.words import description_nouns

_SIGNATURE = re.compile(
    r"[—–-]?\s*(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\.?\s*(?:,\s*[A-Z][\w .,'’-]{0,40})?"
)
SIGNATURE_REACH = 4  # paragraphs after the writer's "I" in which the signature may come
WRITER_PRONOUNS = ("i", "we", "me", "us", "my", "our")


def signature_of(doc: Doc, cast: Cast, tok: Token) -> tuple[int, int] | None:
    """The name (start, end) on the first signature line after the paragraph
    of the writer's pronoun ``tok`` ("I hope ...\\n\\nChris Smith.") within
    :data:`SIGNATURE_REACH` paragraphs, or None. A signature is a line that
    is a PERSON entity alone, with a mark before it or a town after it."""
    if tok.lower_ not in WRITER_PRONOUNS:
        return None
    text = doc_text(doc)
    para = cast.paragraph(tok.idx)
    starts = cast.paragraphs
    for p in range(para + 1, min(para + 1 + SIGNATURE_REACH, len(starts))):
        start = starts[p]
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        m = _SIGNATURE.fullmatch(line.strip())
        if m is None:
            continue
        lead = len(line) - len(line.lstrip())
        s, e = start + lead + m.start("name"), start + lead + m.end("name")
        span = doc.char_span(s, e, alignment_mode="contract")
        if span is not None and any(t.ent_type_ == "PERSON" for t in span):
            return s, e
    return None


def headline_sources(doc: Doc, cast: Cast) -> None:
    """Point each bare description a headline (its first two lines) makes
    a source ("Lawmaker", "Member of House panel", "Retired General") at the
    speaker of the first statement after them, when that is a person; the
    description's member is left with no statement of its own."""
    if len(cast.paragraphs) < 2:
        return
    zone = cast.paragraphs[min(2, len(cast.paragraphs) - 1)]
    bare: list[int] = []
    end = 0  # where the headline lines that hold a bare description end
    for _, t in cast.statements:
        k = cast.by_token.get(t)
        if k is None:
            continue
        if _bare_headline_description(doc[t], cast, k, zone):
            bare.append(k)
            p = cast.paragraph(doc[t].idx) + 1
            end = cast.paragraphs[p] if p < len(cast.paragraphs) else end
            continue
        if cast.speakers[k].kind == "person" and all(s >= end for s, _ in cast.speakers[k].mentions):
            for b in bare:  # not one the headline names: "SEIU chief says Trump can win" is not Trump
                _point(cast, b, k)
        return


def _bare_headline_description(tok: Token, cast: Cast, k: int, zone: int) -> bool:
    """"Lawmaker urges ...", "Retired General reveals": a capitalised common
    noun with no article for a person, in the headline; not a name the NER
    missed ("PENCE:", "Politifact") nor an organisation ("Campaign for
    Trump says")."""
    words = [w.lower() for w in cast.speakers[k].name.split()]
    return (tok.idx < zone and cast.speakers[k].kind == "unnamed" and cast.speakers[k].name[:1].isupper()
            and (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.lower_ in description_nouns())
            and any(description_nouns().get(w) == "person" or len(w) > 4 and w.endswith(ROLE_SUFFIXES) for w in words)
            and not tok.is_upper and not any(c.dep_ == "det" for c in tok.children))


def _point(cast: Cast, old: int, new: int) -> None:
    """Every token naming member ``old`` names ``new`` instead, with its mentions."""
    for i, v in list(cast.by_token.items()):
        if v == old:
            cast.by_token[i] = new
    for span in cast.speakers[old].mentions:
        cast.speakers[new].add_mention(span)
    cast.speakers[old].mentions.clear()


def garbled_headline_name(cast: Cast, words: tuple[str, ...], text: str) -> int | None:
    """The person first met as a two-word name in the headline whose first
    word is the surname of the full name ``words`` and whose second word the
    text writes only once ("Clinton Hid ..." then "Hillary Clinton"); that
    member takes the full name. None if there is no such person."""
    if len(words) < 2 or len(cast.paragraphs) < 2:
        return None
    body = cast.paragraphs[1]
    for k, sp in enumerate(cast.speakers):
        key = sp.key
        if (sp.kind == "person" and len(key) == 2 and key[0] == words[-1] and sp.first < body
                and all(s < body for s, _ in sp.mentions) and text.count(key[1]) == 1):
            sp.key, sp.name = words, " ".join(words)
            return k
    return None
