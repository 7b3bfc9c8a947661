"""Page furniture: the parts of a page that are no prose of the article and
so never a speaker, a cue or a quote. The first pass marks them
(``Reading.furniture``); the cue pass leaves their words alone, no pass
claims their quotations, the colon pass reads no speaker in a label, and a
last pass drops any statement that still touches one:

- a paragraph that opens as a link line, a sign-up, a video or photo line
  (``data/furniture_lines.txt``: "READ MORE: ...", "Related: ...", "Sign up
  for ...", "WATCH: ...", "Photo: AP");
- a caption: a paragraph that ends with a photo credit ("Trump speaks in
  Ohio. (AP Photo/Evan Vucci)"); a credit elsewhere is furniture itself;
- a section label in capitals before a colon at a paragraph's start
  ("MARKETS: Stocks fell ...": the label only, the rest is prose), unless
  it is a transcript's speaker: a person's name ("PENCE: Well, ..." beside
  "Mike Pence"), or a turn of a transcript ("WALLACE:" between "PENCE:"
  turns).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from claimx.attribution.words import LETTER, trim
from claimx.lexicon import furniture_openings, section_labels

if TYPE_CHECKING:
    from claimx.attribution.context import Reading

Span = tuple[int, int]

# "(AP Photo/Evan Vucci)", "(Photo: AP)", "(Getty Images)", "(Reuters/Jonathan Ernst)",
# "Photo: Reuters" at a paragraph's end; not a dateline's "(AP)"
CREDIT = re.compile(
    r"\((?:[^()\n]{0,40}\b(?:Photo|Photograph|Image|Picture)s?\b[^()\n]{0,60}"
    r"|(?:AP|AFP|Reuters|EPA|Getty|Bloomberg|Xinhua)[/ ][^()\n]{1,60})\)"
    r"|\b(?:Photo|Photograph|Image|Picture)s?(?: credit)?: [^\n]{1,60}$",
    re.MULTILINE,
)
# capitals (and the words of a label) before a colon opening a paragraph: "MARKETS:", "READ MORE:"
_CAPS_LABEL = re.compile(r"[ \t\"“]*([A-Z][A-Z&'’.-]*(?: [A-Z&'’.-]+){0,3})[ \t]*:")


def mark(doc: Doc, ctx: Reading) -> None:
    """The first pass: the furniture of the page, in text order."""
    text = ctx.text
    spans: list[Span] = []
    labels: list[tuple[str, Span]] = []
    for start, end in ctx.paras:
        para = text[start:end]
        if opens_furniture(para) or _caption(para):
            spans.append((start, end))
            continue
        spans += [(start + m.start(), start + m.end()) for m in CREDIT.finditer(para)]
        m = _CAPS_LABEL.match(text, start, end)  # (offsets in ``text``)
        if m is not None and len(m.group(1)) > 1:
            labels.append((m.group(1), (m.start(1), m.end())))
    spans += section_labels_of(doc, labels)
    ctx.furniture = sorted(spans)
    ctx.claimed.update(k for k, q in enumerate(ctx.quotes) if ctx.in_furniture(q.start, q.end))


def opens_furniture(para: str) -> bool:
    """Whether a paragraph opens as a link line, sign-up, video or photo line:
    "READ MORE: Trump says ...", "Sign up for our newsletter", "Photo: AP"
    (not "Photos showed the crowd", not "More than 200 people came")."""
    head = para.lstrip(" \t\"“*•-–—").lower()
    for opening in furniture_openings():
        if opening.endswith(":"):
            if re.match(re.escape(opening[:-1]) + r"\s*:", head):
                return True
        elif head.startswith(opening) and not head[len(opening) : len(opening) + 1].isalnum():
            return True
    return False


def _caption(para: str) -> bool:
    """A paragraph that ends with a photo credit is a caption: "Trump speaks
    in Ohio on Monday. (AP Photo/Evan Vucci)"."""
    ends = [m.end() for m in CREDIT.finditer(para)]
    return bool(ends) and not para[ends[-1] :].strip()


def section_labels_of(doc: Doc, labels: list[tuple[str, Span]]) -> list[Span]:
    """Which of the capitals labels opening paragraphs (``labels``: label,
    span) are a section's ("MARKETS:", "EXCLUSIVE:"), not a transcript's
    speaker. A transcript has two turns or more and names a speaker
    (:func:`names_someone`) or gives one several turns ("WALLACE: ...",
    "PENCE: ...", "WALLACE: ..."); then only the known section labels are
    furniture. Else a label is a speaker only when it names someone."""
    known = [span for label, span in labels if label.lower() in section_labels()]
    turns = [(label, span) for label, span in labels if label.lower() not in section_labels()]
    named = [names_someone(doc, label, span) for label, span in turns]
    recurring = len({label for label, _ in turns}) < len(turns)
    if len(turns) >= 2 and (any(named) or recurring):
        return known
    return known + [span for (_, span), is_named in zip(turns, named, strict=True) if not is_named]


def names_someone(doc: Doc, label: str, at: Span) -> bool:
    """Whether a capitals label names a person: the model reads it as one
    ("WALLACE:"), or the article names them outside the label: a proper noun
    or entity spelled as the label's last word ("Pence" for "PENCE:",
    "Tapper" for "JAKE TAPPER:")."""
    span = doc.char_span(*at, alignment_mode="expand")
    if span is not None and any(t.ent_type_ == "PERSON" for t in span):
        return True
    word = re.findall(r"[A-Z][A-Z'’-]*", label)
    if not word:
        return False
    last = word[-1].lower()
    return any(
        t.lower_ == last and not t.is_upper and (t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))
        for t in doc if not at[0] <= t.idx < at[1]
    )


def drop_furniture(doc: Doc, ctx: Reading) -> None:
    """The pass: no statement whose speaker or cue is furniture; a statement's
    words lose what furniture they hold ("MARKETS: Stocks fell, traders
    said" reports "Stocks fell"), and a statement left with none is dropped."""
    if not ctx.furniture:
        return
    kept = []
    for a in ctx.found:
        if a.source is not None and ctx.in_furniture(*a.source) or a.cue is not None and ctx.in_furniture(*a.cue[:2]):
            continue
        parts = [p for s, e in a.parts for p in _outside(ctx, s, e)]
        if parts:
            a.parts, a.start, a.end = parts, parts[0][0], parts[-1][1]
            kept.append(a)
    ctx.found = kept


def _outside(ctx: Reading, start: int, end: int) -> list[Span]:
    """The span [start, end) without the furniture that opens it (a label);
    nothing when furniture lies inside it otherwise."""
    cut = start
    for s, e in ctx.furniture:
        if s <= cut < e:
            cut = e
    if cut != start:
        start, end = trim(ctx.text, cut, end)
    if end <= start or not LETTER.search(ctx.text[start:end]) or ctx.in_furniture(start, end):
        return []
    return [(start, end)]
