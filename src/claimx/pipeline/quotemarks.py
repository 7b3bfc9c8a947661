"""Find quotations in raw text by their quotation marks.

Pure text, no spaCy: the scanner pairs opening and closing marks paragraph by
paragraph, follows quotations that run across paragraphs (an opening mark
repeated at each paragraph start, no closing mark until the last) and never
lets a stray or unbalanced mark swallow the rest of the article.

Only top-level quotations are returned: a quotation nested inside another
(single marks inside double ones) is part of the outer one.

Typewriter copy writes a double mark as two characters: two apostrophes
(``''Tell that to the janitor,'' Mr. Biden said``: New York Times and
newswire archives) or, opening, two backquotes (````Yes,'' she said``). A pair
is one double mark, two characters wide (:func:`mark_width`); its apostrophes
are never read as single marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

OPEN_DOUBLE = "“„«‟"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
STRAIGHT = "\"'"
ALL_MARKS = OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + STRAIGHT

PAIRS = ("''", "``")  # typewriter double marks, two characters each
# the marks that say a stretch of text quotes someone's words (``holds_double``)
DOUBLE_MARKS = "“”\"«»"

_PARAGRAPH = re.compile(r"[^\n]+")
# Characters that may stand before an opening mark.
_BEFORE_OPEN = set(" \t\n([{—–-/:;,") | set(OPEN_DOUBLE) | set(OPEN_SINGLE)


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation: ``start``/``end`` include the marks, ``parts`` are the
    inner pieces (one per paragraph it runs across)."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]

    @property
    def inner_start(self) -> int:
        return self.parts[0][0]

    @property
    def inner_end(self) -> int:
        return self.parts[-1][1]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-empty lines of ``text``."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def holds_double(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` holds a double quotation mark (curly,
    straight or a guillemet: :data:`DOUBLE_MARKS`). An apostrophe is no
    quotation mark, and neither, here, is a typewriter pair.

    >>> holds_double("the deal was “a disaster” for workers"), holds_double("the workers' deal")
    (True, False)
    >>> holds_double('He said "no" twice.', 0, 7)
    False
    """
    piece = text[start:end]
    return any(m in piece for m in DOUBLE_MARKS)


def parts_hold_double(text: str, parts: list[tuple[int, int]]) -> bool:
    """Whether one of the spans ``parts`` of ``text`` holds a double quotation mark (:func:`holds_double`).

    >>> parts_hold_double("A “b” c, she said, d.", [(0, 7), (19, 21)]), parts_hold_double("A b, she said, d.", [(0, 3)])
    (True, False)
    """
    return any(holds_double(text, s, e) for s, e in parts)


def mark_width(text: str, i: int) -> int:
    """2 for a typewriter double mark starting at ``i`` (two apostrophes or two backquotes), else 1.

    >>> mark_width("''No,'' he said.", 0), mark_width("“No,” he said.", 0)
    (2, 1)
    """
    return 2 if text[i : i + 2] in PAIRS and (i == 0 or text[i - 1] not in "'`") else 1


def _is_opening(text: str, i: int, width: int = 1) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    return (prev in _BEFORE_OPEN or prev.isspace()) and not nxt.isspace()


def _is_closing(text: str, i: int, width: int = 1) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    return not prev.isspace() and not nxt.isalnum()


def _in_pair(text: str, i: int) -> bool:
    """The character at ``i`` is one of a typewriter pair's two."""
    return text[i : i + 2] in PAIRS or i > 0 and text[i - 1 : i + 1] in PAIRS


def _marks_in(text: str, start: int, end: int, single: bool) -> list[tuple[int, str]]:
    """Classify each mark in text[start:end] as 'open' or 'close' (or skip it)."""
    out: list[tuple[int, str]] = []
    i = start - 1
    while i + 1 < end:
        i += 1
        ch = text[i]
        if ch not in ALL_MARKS and ch != "`":
            continue
        if ch in "'`" and _in_pair(text, i):
            if single or mark_width(text, i) != 2:
                continue  # a pair's second character, or a pair seen by the double scan only
            if _is_opening(text, i, 2):
                out.append((i, "open"))
            elif ch == "'" and _is_closing(text, i, 2):
                out.append((i, "close"))
            i += 1
            continue
        if ch == "`":
            continue
        if single:
            if ch in OPEN_SINGLE or ch in CLOSE_SINGLE or ch == "'":
                if ch in OPEN_SINGLE or (ch == "'" and _is_opening(text, i)):
                    if _is_opening(text, i):
                        out.append((i, "open"))
                elif _is_closing(text, i):
                    out.append((i, "close"))
            continue
        if ch in OPEN_DOUBLE:
            # a typo'd closing mark: “It's unusual,“ said ...
            if ch == "“" and _is_closing(text, i) and not _is_opening(text, i):
                out.append((i, "close"))
            else:
                out.append((i, "open"))
        elif ch in CLOSE_DOUBLE:
            # a typo'd opening mark: ”Fear. I am truly afraid ...”
            if ch == "”" and _is_opening(text, i) and not _is_closing(text, i):
                out.append((i, "open"))
            else:
                out.append((i, "close"))
        elif ch == '"':
            if _is_opening(text, i):
                out.append((i, "open"))
            elif _is_closing(text, i):
                out.append((i, "close"))
    return out


def _scan(text: str, paras: list[tuple[int, int]], single: bool) -> list[Quotation]:
    found: list[Quotation] = []
    pending: list[tuple[int, int]] = []  # finished parts of a multi-paragraph quote
    open_at: int | None = None  # index of the opening mark of the current part
    first_open: int | None = None
    for p_index, (p_start, p_end) in enumerate(paras):
        marks = _marks_in(text, p_start, p_end, single)
        if pending and not (marks and marks[0] == (p_start, "open")):
            pending, first_open = [], None  # continuation broken: drop it
        closes_after = [0] * len(marks)  # closing marks after each mark in the paragraph
        for j in range(len(marks) - 2, -1, -1):
            closes_after[j] = closes_after[j + 1] + (marks[j + 1][1] == "close")
        depth = 0  # quotations of the same kind open inside the current one
        for j, (pos, kind) in enumerate(marks):
            if kind == "open":
                if open_at is None:
                    open_at = pos
                    if first_open is None:
                        first_open = pos
                elif not single and text[pos] != '"' and closes_after[j] >= depth + 2:
                    depth += 1  # “... what he calls “hell” than ...”: nested, closed before the outer one
                # else an opening mark inside an open quote with nothing to close it: ignore
            elif depth:
                depth -= 1
            elif open_at is not None:
                inner = open_at + mark_width(text, open_at)
                if pos > inner:
                    parts = tuple(pending) + ((inner, pos),)
                    assert first_open is not None
                    found.append(Quotation(first_open, pos + mark_width(text, pos), parts))
                open_at, first_open, pending = None, None, []
        if open_at is not None:
            # unclosed at the end of the paragraph: a continued quotation
            # only if the next paragraph opens with a mark
            nxt = paras[p_index + 1] if p_index + 1 < len(paras) else None
            continues = False
            if nxt is not None:
                head = _marks_in(text, nxt[0], min(nxt[0] + 1, nxt[1]), single)
                continues = bool(head) and head[0] == (nxt[0], "open")
            inner = open_at + mark_width(text, open_at)
            if continues and inner < p_end:
                pending.append((inner, _rstrip(text, inner, p_end)))
            else:
                pending, first_open = [], None
            open_at = None
    return found


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_quotations(text: str) -> list[Quotation]:
    """All top-level quotations in ``text``, in reading order.

    Double marks are primary; single marks count only outside double-quoted
    stretches (headlines and British style), where apostrophes are told apart
    from quotation marks by the characters around them.
    """
    paras = paragraphs(text)
    doubles = _scan(text, paras, single=False)
    covered = [(q.start, q.end) for q in doubles]
    singles = [
        q
        for q in _scan(text, paras, single=True)
        if not any(s <= q.start < e or s < q.end <= e for s, e in covered)
    ]
    # a single-quoted stretch that encloses a double-quoted one is the outer
    # quotation (British style); overlaps never survive
    out: list[Quotation] = []
    for q in sorted(doubles + singles, key=lambda q: (q.start, -q.end)):
        if not out or q.start >= out[-1].end:
            out.append(q)
    return out


class QuotationIndex:
    """The quotations of one text, answering "which quotation holds this
    character?" by bisection."""

    def __init__(self, quotes: list[Quotation]) -> None:
        self.quotes = quotes
        self._starts = [q.start for q in quotes]

    def at(self, char: int) -> int | None:
        """Index of the quotation whose marks enclose ``char``, or None."""
        k = bisect_right(self._starts, char) - 1
        if k >= 0 and self.quotes[k].start <= char < self.quotes[k].end:
            return k
        return None

    def __contains__(self, char: int) -> bool:
        return self.at(char) is not None

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some quotation shares a character with ``[start, end)``."""
        k = bisect_right(self._starts, end - 1) - 1  # the last quotation starting before ``end``
        return k >= 0 and self.quotes[k].end > start

    def inside(self, start: int, end: int) -> list[int]:
        """The indices of the quotations wholly inside ``[start, end)``, marks
        and all, in order (the quotations a content span holds).

        >>> QuotationIndex(find_quotations('He said “yes” and “no”.')).inside(3, 23)
        [0, 1]
        >>> QuotationIndex(find_quotations('He said “yes” and “no”.')).inside(3, 21)
        [0]
        """
        quotes, out = self.quotes, []
        k = bisect_left(self._starts, start)  # the first quotation starting at ``start`` or after
        while k < len(quotes) and quotes[k].start <= end:
            if quotes[k].end <= end:
                out.append(k)
            k += 1
        return out
