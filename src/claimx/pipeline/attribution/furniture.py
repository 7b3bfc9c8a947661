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
- a credit on a line of its own, a slash between a name and an outlet or
  an outlet alone ("John Smith/Reuters", "AFP via Getty Images", "File
  photo"); a credit in parentheses anywhere ("(John Smith/Reuters)"):
  the outlets are data (``data/outlets.txt``);
- a byline ("By Jane Roe and John Smith, Associated Press") and a wire
  dateline's words ("WASHINGTON (Reuters) —", "New York, May 2 (AFP) –": the
  dateline only, :func:`claimx.pipeline.dates.reference.dateline_at`);
- a subhead inside the body: a short line in title case or capitals with
  no sentence's end, between paragraphs of prose ("Legend in the Coal
  Fields", "WHAT COMES NEXT");
- a section label in capitals before a colon at a paragraph's start
  ("MARKETS: Stocks fell ...", "THE TAKEAWAY: ...": the label only, the
  rest is prose), unless it is a transcript's speaker: a person's name
  ("PENCE: Well, ..." beside "Mike Pence"), or a turn of a transcript
  ("WALLACE:" between "PENCE:" turns).

``Reading.furniture`` is a sorted list of disjoint (start, end) spans;
:func:`covers` says whether a span touches one (the cast reads it too).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import TYPE_CHECKING, Protocol

from spacy.tokens import Doc

from claimx.lexicon import furniture_openings, outlets, section_labels
from claimx.pipeline.attribution.words import LETTER, trim
from claimx.pipeline.dates.reference import dateline_at
from claimx.pipeline.quotemarks import holds_double

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading
    from claimx.pipeline.attribution.statement import Attribution

Span = tuple[int, int]


class Furnished(Protocol):
    """What knows a page's furniture: the Doc's reading, or the speakers' cast
    (which copies the reading's spans)."""

    furniture: list[Span]  # sorted, disjoint

# "(AP Photo/Evan Vucci)", "(Photo: AP)", "(Getty Images)", "(Reuters/Jonathan Ernst)",
# "Photo: Reuters" at a paragraph's end; not a dateline's "(AP)"
CREDIT = re.compile(
    r"\((?:[^()\n]{0,40}\b(?:Photo|Photograph|Image|Picture)s?\b[^()\n]{0,60}"
    r"|(?:AP|AFP|Reuters|EPA|Getty|Bloomberg|Xinhua)[/ ][^()\n]{1,60})\)"
    r"|\b(?:Photo|Photograph|Image|Picture)s?(?: credit)?: [^\n]{1,60}$",
    re.MULTILINE,
)
_NAME = r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|van|von|da|del|la))*"
_BYLINE = re.compile(
    rf"(?:By|BY) {_NAME}(?:(?:,| and| AND| &) {_NAME})*(?:,? (?:for |of |FOR |OF )?(?:the |THE )?{_NAME})?\.?\s*"
)
_SENTENCE_END = re.compile(r"[.!?:;,…\"”’)\]]\s*$")
# capitals (and the words of a label) before a colon opening a paragraph: "MARKETS:", "READ MORE:"
_CAPS_LABEL = re.compile(r"[ \t\"“]*([A-Z][A-Z&'’.-]*(?: [A-Z&'’.-]+){0,3})[ \t]*:")


def mark(doc: Doc, ctx: Reading) -> None:
    """The first pass: the furniture of the page, in text order."""
    text = ctx.text
    spans: list[Span] = []
    labels: list[tuple[str, Span]] = []
    last = len(ctx.paras) - 1
    for k, (start, end) in enumerate(ctx.paras):
        para = text[start:end]
        credits = credits_in(para)  # found once: the caption test and the spans read them
        if opens_furniture(para) or _caption(para, credits) or credit_line(para) or byline(para) or (
            0 < k < last and subhead(para, text[ctx.paras[k + 1][0] : ctx.paras[k + 1][1]])
        ):
            spans.append((start, end))
            continue
        spans += [(start + m.start(), start + m.end()) for m in credits]
        dateline = dateline_at(text, start, end)
        if dateline is not None:
            spans.append((start, dateline.end()))
        m = _CAPS_LABEL.match(text, start, end)  # (offsets in ``text``)
        if m is not None and len(m.group(1)) > 1:
            labels.append((m.group(1), (m.start(1), m.end())))
    spans += section_labels_of(doc, labels)
    ctx.furniture = merged(spans)
    ctx.claimed.update(k for k, q in enumerate(ctx.quotes) if ctx.in_furniture(q.start, q.end))


def merged(spans: list[Span]) -> list[Span]:
    """``spans`` sorted, those that overlap or touch made one.

    >>> merged([(10, 20), (0, 5), (15, 30), (30, 31)])
    [(0, 5), (10, 31)]
    """
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def covers(ctx: Furnished, start: int, end: int | None = None) -> bool:
    """Whether the characters [start, end) (or the one at ``start``) touch
    page furniture: the public test for other passes and the cast (a
    bisection of the sorted, disjoint ``ctx.furniture``)."""
    end = start + 1 if end is None else end
    spans = ctx.furniture
    k = bisect_right(spans, (end,)) - 1  # the last span starting before ``end``
    return k >= 0 and spans[k][1] > start and spans[k][0] < end


@cache
def _outlet() -> str:
    names = "|".join(re.escape(o) for o in sorted(outlets(), key=len, reverse=True))
    return rf"(?:{names})(?: (?:via|for|/) (?:{names}))?"


@cache
def _paren_credit() -> re.Pattern[str]:
    """A credit in brackets, "(John Smith/Reuters)": what :func:`credits_in`
    looks for in prose, on its own (the whole credit pattern, tried at every
    position of every paragraph, cost more than the rest of the pass)."""
    return re.compile(rf"\({_NAME} ?/ ?{_outlet()}\)", re.IGNORECASE)


@cache
def _outlet_pattern() -> re.Pattern[str]:
    outlet = _outlet()
    return re.compile(
        rf"(?P<line>(?:{_NAME} ?/ ?)?{outlet}|(?:File|Handout|Stock) (?:photo|image|picture)s?"
        rf"|(?:Photo|Photograph|Image|Picture)s? (?:by|courtesy of) {_NAME}(?: ?/ ?{outlet})?)"
        rf"|(?P<paren>\({_NAME} ?/ ?{outlet}\))",
        re.IGNORECASE,
    )


def credit_line(para: str) -> bool:
    """A paragraph that is only a credit: "John Smith/Reuters", "AFP via
    Getty Images", "File photo", "Photo by Jane Roe" (not "Reuters
    reported the deal", not "File photos were lost")."""
    m = _outlet_pattern().fullmatch(para.strip(" \t.()[]"))
    return m is not None and m.group("line") is not None


def credits_in(para: str) -> list[re.Match[str]]:
    """The credits in a paragraph of prose: "(AP Photo/Evan Vucci)",
    "(John Smith/Reuters)", "Photo: Getty Images" at its end."""
    found = list(CREDIT.finditer(para))
    if "/" in para:  # every bracketed credit has its slash
        found += list(_paren_credit().finditer(para))
    return sorted(found, key=lambda m: m.start())


def byline(para: str) -> bool:
    """A byline: "By Jane Roe", "By JOHN SMITH and JANE ROE, Associated
    Press" (not "By Monday the talks had failed.")."""
    head = para.strip()
    return len(head.split()) <= 14 and _BYLINE.fullmatch(head) is not None and not head.lower().startswith("by the ")


def subhead(para: str, after: str) -> bool:
    """A subhead inside the body: two to ten words, each word of weight
    capitalised (or all in capitals), no sentence's end, no quotation mark,
    and prose after it ("Legend in the Coal Fields" before a paragraph;
    not "Stocks fell.", not a list item)."""
    words = para.split()
    if not 2 <= len(words) <= 10 or _SENTENCE_END.search(para) or holds_double(para):
        return False
    weighty = [w for w in words if len(w) > 3 or w.isupper()]
    if not weighty or not all(w[:1].isupper() or not w[:1].isalpha() for w in weighty):
        return False
    return len(after.split()) >= 12 and bool(re.search(r"[.!?][\"”’)]*\s*$", after))


def opens_furniture(para: str) -> bool:
    """Whether a paragraph opens as a link line, sign-up, video or photo line:
    "READ MORE: Trump says ...", "Sign up for our newsletter", "Photo: AP"
    (not "Photos showed the crowd", not "More than 200 people came")."""
    return _openings().match(para.lstrip(" \t\"“*•-–—").lower()) is not None


@cache
def _openings() -> re.Pattern[str]:
    """The openings of ``data/furniture_lines.txt`` as one pattern, compiled
    once: a label with its colon (spaces allowed before it), a phrase up to
    the end of a word (the next character no letter or digit)."""
    return re.compile("|".join(
        re.escape(o[:-1]) + r"\s*:" if o.endswith(":") else re.escape(o) + r"(?![^\W_])"
        for o in furniture_openings()
    ) or "(?!)")  # no openings: nothing matches


def _caption(para: str, credits: list[re.Match[str]] | None = None) -> bool:
    """A paragraph that ends with a photo credit is a caption: "Trump speaks
    in Ohio on Monday. (AP Photo/Evan Vucci)" (``credits``: its
    :func:`credits_in`, when already found)."""
    ends = [m.end() for m in (credits_in(para) if credits is None else credits)]
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
        if a.source is not None and ctx.in_furniture(*a.source):
            a.source = _source_after(doc, ctx, a)
        if a.source is not None and ctx.in_furniture(*a.source) or a.cue is not None and ctx.in_furniture(*a.cue[:2]):
            continue
        parts = [p for s, e in a.parts for p in _outside(ctx, s, e)]
        if parts:
            a.parts, a.start, a.end = parts, parts[0][0], parts[-1][1]
            kept.append(a)
    ctx.found = kept


def _source_after(doc: Doc, ctx: Reading, a: Attribution) -> Span | None:
    """A speaker's mention that a dateline or label opens ("MACAU (Reuters)
    – Top donor Sheldon Adelson") without the furniture, when its head is
    outside it; else the mention as it was (and the statement is dropped)."""
    assert a.source is not None
    if a.source_token is None:
        return a.source
    head = doc[a.source_token]
    if covers(ctx, head.idx, head.idx + len(head)):
        return a.source
    start = a.source[0]
    for s, e in ctx.furniture:
        if s <= start < e:
            start = e
    start, end = trim(ctx.text, start, a.source[1])
    return (start, end) if start < end else a.source


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
