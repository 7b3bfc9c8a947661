"""Small tests on words, spans and quotations that several constructions
share: what a token is ("a capitalised word that can open a name"), where a
span's clean ends are, whether a quotation names something rather than
says it. No state: each answer comes from the token or text it is given.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimx.lexicon import title_nouns
from claimx.pipeline.dates.reference import dateline_at
from claimx.pipeline.quotemarks import Quotation

# dependents of a cue naming whom it was said to
ADDRESSEE_DEPS = {"dobj", "dative"}
CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis"}
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
LETTER = re.compile(r"\w")

_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with", "from"}
_ADVERBIAL_MARKS = {"after", "before", "when", "while", "since", "because", "if", "as", "until", "once"}


def char_span(tokens: list[Token]) -> tuple[int, int]:
    """The characters from the first token's start to the last one's end."""
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip white space and clause punctuation from both ends of a span,
    and a wire dateline from the start of a story or a paragraph
    (:func:`claimx.pipeline.dates.reference.dateline_at`: "LONDON (Reuters) -
    Theresa May will travel ...," -> "Theresa May will travel ...")."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    if (start == 0 or text[start - 1] == "\n") and (m := dateline_at(text, start, end)):
        start = m.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-."):
        end -= 1
    return start, end


def wordless(tok: Token) -> bool:
    """A token with no letter or digit: punctuation, marks, "”―" glued together."""
    return not any(ch.isalnum() for ch in tok.text)


def last_char(text: str, q: Quotation) -> str:
    """The last character said inside a quotation ("," in "“We will win,”")."""
    return text[q.inner_start : q.inner_end].rstrip()[-1:]


def markup(tok: Token) -> bool:
    """A word inside a tag left in the text ("<tweet author=...>"), not prose."""
    if tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]  # not tok.doc.text, which spaCy rebuilds on every access
    return not prev.whitespace_ and prev.text[-1:] in ("<", "/")


def imperative(tok: Token) -> bool:
    """"Note: ...", "Read the rest here": a bare verb with no subject or auxiliary."""
    return tok.tag_ == "VB" and tok.dep_ == "ROOT" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children
    )


def after_comma(tok: Token) -> bool:
    """Whether ``tok`` follows a comma or "and" (a comma inside closing
    quotation marks included: "…party,” claiming")."""
    doc, i = tok.doc, tok.i - 1
    if i > 0 and doc[i].text in "”\"’'":
        i -= 1
    return i >= 0 and doc[i].lower_ in (",", "and")


def closing_comma(tok: Token) -> int | None:
    """The index of the comma that closes ``tok``'s phrase, the comma inside
    it or the one right after it ("The rules, said *the city's mayor*, will
    ..."), or None when no comma closes it."""
    doc, last = tok.doc, tok.right_edge.i
    end = last if doc[last].text == "," else last + 1
    return end if end < len(doc) and doc[end].text == "," else None


def puts_it(tok: Token) -> bool:
    """"as Vulture put it": a way of saying something."""
    return tok.lemma_ == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children) and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in tok.children
    )


def passive(verb: Token) -> bool:
    """A verb in the passive ("is expected to"), which has no speaker by nature."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def is_title(text: str, q: Quotation) -> bool:
    """A short quotation in title case ("“Meet the Press,”", "“Guccifer”") names
    something; it is not a statement."""
    inner = text[q.inner_start : q.inner_end].rstrip()
    words = re.findall(r"[\w’'-]+", inner)
    if not words or len(words) > 6 or inner.endswith(("!", "?")):
        return False
    # "“Really,” she added": a quotation that opens its sentence and breaks
    # off at a comma is a statement
    i = q.start - 1  # the last character before it that is not a space (not text[:q.start], a copy)
    while i >= 0 and text[i] in " \t\xa0":
        i -= 1
    before = text[i] if i >= 0 else ""
    if inner.endswith(",") and (not before or before in ".!?\n”\""):
        return False
    # "Priebus said, “Probably.”": a sentence after a comma or colon is said
    if inner.endswith(".") and before in (",", ":"):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS for w in words)


def is_title_word(tok: Token) -> bool:
    """A noun naming a person by office or role ("adviser", "spokeswoman")."""
    return tok.pos_ == "NOUN" and tok.lower_.rstrip("s") in title_nouns()


def nominal(tok: Token) -> bool:
    """A noun, or a capitalised word the tagger took for something else ("said Skelly")."""
    return tok.pos_ in ("PROPN", "NOUN") or tok.is_alpha and tok.text[:1].isupper()


def name_word(tok: Token) -> bool:
    """A capitalised word that can open a name or title, whatever its tag
    ("Tulsa" in "Tulsa police Chief Chuck Jordan")."""
    return tok.is_alpha and tok.text[:1].isupper() and tok.pos_ not in ("PRON", "DET", "CCONJ", "SCONJ", "ADP", "AUX")


def adverbial(child: Token, cue: Token) -> bool:
    """A clause that says when or why ("after the senator suspended his
    campaign", "“...,” he said as some booed"), which the parser sometimes
    hangs on the cue as its complement; after the cue "if" and "whether"
    still open one ("asked if ...")."""
    marks = _ADVERBIAL_MARKS if child.i < cue.i else _ADVERBIAL_MARKS - {"if", "whether"}
    return any(c.dep_ == "mark" and c.lower_ in marks for c in child.children)


def circumstance(prep: Token) -> bool:
    """A prepositional phrase saying when or where ("on Friday", "in Iowa"),
    which belongs to the telling, not to what was told."""
    if prep.dep_ != "prep":
        return False
    if prep.lower_ in ("in", "at", "during", "after", "before", "since", "from", "while", "on"):
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        return prep.lower_ != "on" or any(o.ent_type_ in ("DATE", "TIME") for o in objs)
    return False
