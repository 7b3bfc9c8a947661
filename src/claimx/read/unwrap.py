"""Hard-wrapped text read as the paragraphs it is.

Articles copied from a PDF or an e-mail arrive hard-wrapped: a line break
every 60-80 characters inside each paragraph, a blank line between
paragraphs. Read as they come, every line would be a paragraph and an
attribution crossing a line ("..., the minister\\nsaid on Monday") lost.

:func:`unwrap` decides from the text's own profile whether it is wrapped
(:func:`is_wrapped`: most lines that run on into another line are about as
long as the longest, few end a sentence, none is much longer than the
wrapping width), and if so replaces each wrapping line break by a space
(:func:`soft_breaks`). One character for one: every offset into the
unwrapped text is the same offset into the original, whose characters it
keeps but for those line breaks. Text written a paragraph a line (news
corpora) has lines far longer than any wrapping width, or lines that end
their sentences, and is returned as it is. E-mail reply markers are blanked
the same way (:func:`reply_markers`). A web page's main text is joined only
where the page's own structure wrapped a paragraph (:func:`unwrap_html`):
its extractor breaks the line between any two blocks, so the profile alone
would run a headline into its lede.

No heavy imports: the reading step calls it for every input.
"""

from __future__ import annotations

import re
from typing import NamedTuple

SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]]*$")
LIST_ITEM = re.compile(r"\s*(?:[-*•–—>]|\d{1,3}[.)])\s")
REPLY_MARKER = re.compile(r"[ \t]*>(?:[ \t]?>)*(?:[ \t]|$)")
MIN_WIDTH, MAX_WIDTH = 30, 100  # wrapping widths seen in PDF and e-mail copies
MIN_RUNS = 3  # lines that run on into the next, fewest for a profile


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text``, without its line break
    (a ``\\r`` before ``\\n`` is part of the break)."""
    out, start = [], 0
    for m in re.finditer(r"\r?\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _width(lengths: list[int]) -> int:
    """The wrapping width: the 90th percentile of the lengths of lines that
    run on (an odd long line, a URL, does not set it)."""
    ordered = sorted(lengths)
    return ordered[int(0.9 * (len(ordered) - 1))]


class Profile(NamedTuple):
    """A text's lines as :func:`is_wrapped` and :func:`soft_breaks` read
    them, split once (:func:`profile`)."""

    lines: list[tuple[int, int]]  # (start, end) of each line (:func:`_lines`)
    lengths: list[int]  # of each line, trailing spaces left out
    runs: list[int]  # the lines followed by another non-empty line, both non-empty
    width: int  # the wrapping width (:func:`_width`), 0 when no line runs on


def profile(text: str, lines: list[tuple[int, int]] | None = None) -> Profile:
    """The :class:`Profile` of ``text`` (its ``lines`` when already split).

    >>> profile("A line that runs\\non.\\n\\nEnd.")
    Profile(lines=[(0, 16), (17, 20), (21, 21), (22, 26)], lengths=[16, 3, 0, 4], runs=[0], width=16)
    """
    lines = _lines(text) if lines is None else lines
    lengths = [len(text[s:e].rstrip()) for s, e in lines]
    runs = [k for k in range(len(lines) - 1) if lengths[k] and lengths[k + 1]]
    return Profile(lines, lengths, runs, _width([lengths[k] for k in runs]) if runs else 0)


def is_wrapped(text: str, prof: Profile | None = None) -> bool:
    """Whether ``text`` is hard-wrapped: of the lines followed by another
    non-empty line, at least three, seven in ten as long as 60% of the
    wrapping width (30-100 characters) or more, half or more not ending a
    sentence, and hardly any line of the text much longer than that width.

    >>> is_wrapped("The minister said on Monday that the budget would be\\n"
    ...            "balanced by the end of the year, and that taxes on\\n"
    ...            "income would not rise, whatever the opposition says\\n"
    ...            "about the plan.\\n")
    True
    >>> is_wrapped("First paragraph, a line of its own.\\nSecond one.\\nThird one.\\n")
    False
    """
    lines, lengths, runs, width = prof or profile(text)
    if len(runs) < MIN_RUNS:
        return False
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return False
    full = sum(lengths[k] >= 0.6 * width for k in runs)
    open_ended = sum(not SENTENCE_END.search(text[lines[k][0] : lines[k][1]].rstrip()) for k in runs)
    overlong = sum(n > 1.3 * width for n in lengths if n)
    written = sum(1 for n in lengths if n)
    return full >= 0.7 * len(runs) and open_ended >= 0.5 * len(runs) and overlong <= 0.1 * written


def soft_breaks(text: str, prof: Profile | None = None) -> list[tuple[int, int]]:
    """The line breaks of a wrapped ``text`` that only wrap a line, as
    (start, end) ranges (``\\n`` or ``\\r\\n``): a break between two non-empty
    lines, after a line that fills 60% of the width or more, before a line
    that is no list item; a line ending its sentence where the next word
    would have fitted on it ends a paragraph.

    >>> soft_breaks("The board met on Monday and\\nagreed. It will meet again.\\n- one item")
    [(27, 28)]
    """
    lines, lengths, runs, width = prof or profile(text)
    if not runs:
        return []
    listed = list_lines(text, lines, lengths)
    out = []
    for k in runs:
        line = text[lines[k][0] : lines[k][1]].rstrip()
        nxt = text[lines[k + 1][0] : lines[k + 1][1]]
        if lengths[k] < 0.6 * width or LIST_ITEM.match(nxt) or k + 1 in listed:
            continue
        first_word = nxt.split(maxsplit=1)[0] if nxt.strip() else ""
        if SENTENCE_END.search(line) and lengths[k] + 1 + len(first_word) <= width:
            continue  # the next word would have fitted: the paragraph ended here
        out.append((lines[k][1], lines[k + 1][0]))
    return out


def _blank(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with the characters in ``ranges`` turned spaces."""
    if not ranges:
        return text
    chars = list(text)
    for start, end in ranges:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def reply_markers(text: str, lines: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The reply-quoting markers of an e-mail (``>`` or ``> >`` at the head of
    each line of a quoted block, with the space after them), as (start, end)
    ranges: only in runs of two lines or more so marked, so a line of prose
    opening with "> 50%" keeps its sign.

    >>> reply_markers("She wrote:\\n> We will win,\\n> she said.\\n")
    [(11, 13), (26, 28)]
    >>> reply_markers("Turnout:\\n> 50% in the north.\\n")
    []
    """
    lines = _lines(text) if lines is None else lines
    marked = [(s, s + len(m.group())) for s, e in lines if (m := REPLY_MARKER.match(text, s, e))]
    line_starts = {s: k for k, (s, _) in enumerate(lines)}
    out = []
    for i, (s, e) in enumerate(marked):
        k = line_starts[s]
        prev = i > 0 and line_starts[marked[i - 1][0]] == k - 1
        nxt = i + 1 < len(marked) and line_starts[marked[i + 1][0]] == k + 1
        if prev or nxt:
            out.append((s, e))
    return out


def list_lines(text: str, lines: list[tuple[int, int]], lengths: list[int]) -> set[int]:
    """The lines of ``text`` that are the items of an unpunctuated list: in a
    block of lines (between blank lines) whose last line ends no sentence,
    the lines after the last one that does, two or more. Wrapped prose ends
    its paragraph with its sentence; an agenda, a table of contents, a list of
    names does not.

    >>> t = "Items for discussion\\nthe minutes of the last meeting\\nthe budget\\n\\nEnd."
    >>> sorted(list_lines(t, _lines(t), [len(t[s:e]) for s, e in _lines(t)]))
    [0, 1, 2]
    """
    out: set[int] = set()
    k, n = 0, len(lines)
    while k < n:
        if not lengths[k]:
            k += 1
            continue
        end = k
        while end + 1 < n and lengths[end + 1]:
            end += 1
        ended = [j for j in range(k, end + 1) if SENTENCE_END.search(text[lines[j][0] : lines[j][1]].rstrip())]
        first = ended[-1] + 1 if ended else k
        if end - first >= 1:
            out.update(range(first, end + 1))
        k = end + 1
    return out


def unwrap(text: str) -> str:
    """``text`` with the line breaks that only wrap its lines replaced by
    spaces (same length, same offsets), when it is hard-wrapped; else
    ``text`` itself. E-mail reply markers (:func:`reply_markers`) are blanked
    first, so the quoted lines read as prose.

    >>> unwrap("Smith, who led the talks for two years, told reporters on\\n"
    ...        "Monday that the deal was done and that nothing would change\\n"
    ...        "it, whatever the unions might say in the coming weeks and\\n"
    ...        "months.\\n\\nThe unions did not agree.")[:70]
    'Smith, who led the talks for two years, told reporters on Monday that '
    """
    if "\n" not in text:
        return text
    lines = _lines(text)
    text = _blank(text, reply_markers(text, lines))  # spaces for markers: the lines stay where they were
    prof = profile(text, lines)
    if not is_wrapped(text, prof):
        return text
    return _blank(text, soft_breaks(text, prof))


# HTML: the extractor (trafilatura) puts a single line break between blocks
# and at each <br>; only the page's own structure tells a wrapped paragraph
BLOCKS = frozenset(
    "address article aside blockquote body dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "title"})
KEY = 40  # characters of each side of a break that identify it


def _render(el: object, out: list[str], pre: bool = False) -> None:
    """The text of an lxml element as lines: a blank line around each block,
    a line break at each ``<br>`` and at each break inside ``<pre>``; other
    whitespace one space."""
    tag = el.tag if isinstance(el.tag, str) else ""  # type: ignore[attr-defined]
    tag = tag.lower()
    if tag == "br":
        out.append("\n")
    elif tag not in SKIPPED and tag:
        block, pre = tag in BLOCKS, pre or tag == "pre"
        if block:
            out.append("\n\n")
        for piece in [el.text, *((c, c.tail) for c in el)]:  # type: ignore[attr-defined]
            if isinstance(piece, tuple):
                _render(piece[0], out, pre)
                piece = piece[1]
            if piece:
                out.append(piece if pre else re.sub(r"\s+", " ", piece))
        if block:
            out.append("\n\n")


def _key(before: str, after: str) -> tuple[str, str]:
    return " ".join(before.split())[-KEY:], " ".join(after.split())[:KEY]


def html_soft_breaks(html: str, tree: object) -> set[tuple[str, str]]:
    """The breaks inside the page's own paragraphs that only wrap a line (a
    ``<br>`` every 70 characters, a ``<pre>`` e-mail), as (end of the line,
    start of the next) keys: the paragraphs holding line breaks, read as a
    text, wrapped by the text's own profile (:func:`is_wrapped`). ``tree``
    is the page ``html`` as lxml parsed it (:func:`claimx.read.pages.measure`
    parses each page once), read before anything is dropped from it.

    >>> import lxml.html
    >>> html = "<p>One.</p><p>Two.</p>"
    >>> sorted(html_soft_breaks(html, lxml.html.document_fromstring(html)))
    []
    """
    if not re.search(r"(?i)<(?:br|pre)\b", html):
        return set()
    out: list[str] = []
    _render(tree, out)
    rendered = re.sub(r"[ \t]*\n[ \t]*", "\n", "".join(out))
    paragraphs = [p.strip() for p in re.split(r"\n{2,}", rendered)]
    broken = "\n\n".join(p for p in paragraphs if "\n" in p)
    if not broken:
        return set()
    prof = profile(broken)
    if not is_wrapped(broken, prof):
        return set()
    lines = prof.lines
    ends = {e: k for k, (_, e) in enumerate(lines)}
    return {
        _key(broken[lines[ends[s]][0] : s], broken[e : lines[ends[s] + 1][1]])
        for s, e in soft_breaks(broken, prof)
    }


def unwrap_html(text: str, keys: set[tuple[str, str]]) -> str:
    """The main text of a page (``text``) with the line breaks that wrap a
    paragraph of the page itself turned spaces, as found in the page by
    :func:`html_soft_breaks` (``keys``); every other line break, a
    paragraph's or a block's, kept.

    >>> unwrap_html("Title\\nA lede.", set())
    'Title\\nA lede.'
    >>> unwrap_html("A line that the page\\nwrapped.", {("A line that the page", "wrapped.")})
    'A line that the page wrapped.'
    """
    if "\n" not in text or not keys:
        return text
    lines = _lines(text)
    joins = [
        (lines[k][1], lines[k + 1][0])
        for k in range(len(lines) - 1)
        if _key(text[lines[k][0] : lines[k][1]], text[lines[k + 1][0] : lines[k + 1][1]]) in keys
    ]
    return _blank(text, joins)
