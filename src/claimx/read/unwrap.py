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
corpora, most web pages) has lines far longer than any wrapping width, or
lines that end their sentences, and is returned as it is.

No heavy imports: the reading step calls it for every input.
"""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]]*$")
LIST_ITEM = re.compile(r"\s*(?:[-*•–—>]|\d{1,3}[.)])\s")
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


def is_wrapped(text: str) -> bool:
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
    lines = _lines(text)
    lengths = [len(text[s:e].rstrip()) for s, e in lines]
    runs = [k for k in range(len(lines) - 1) if lengths[k] and lengths[k + 1]]
    if len(runs) < MIN_RUNS:
        return False
    width = _width([lengths[k] for k in runs])
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return False
    full = sum(lengths[k] >= 0.6 * width for k in runs)
    open_ended = sum(not SENTENCE_END.search(text[lines[k][0] : lines[k][1]].rstrip()) for k in runs)
    overlong = sum(n > 1.3 * width for n in lengths if n)
    written = sum(1 for n in lengths if n)
    return full >= 0.7 * len(runs) and open_ended >= 0.5 * len(runs) and overlong <= 0.1 * written


def soft_breaks(text: str) -> list[tuple[int, int]]:
    """The line breaks of a wrapped ``text`` that only wrap a line, as
    (start, end) ranges (``\\n`` or ``\\r\\n``): a break between two non-empty
    lines, after a line that fills 60% of the width or more, before a line
    that is no list item; a line ending its sentence where the next word
    would have fitted on it ends a paragraph.

    >>> soft_breaks("The board met on Monday and\\nagreed. It will meet again.\\n- one item")
    [(27, 28)]
    """
    lines = _lines(text)
    lengths = [len(text[s:e].rstrip()) for s, e in lines]
    runs = [k for k in range(len(lines) - 1) if lengths[k] and lengths[k + 1]]
    if not runs:
        return []
    width = _width([lengths[k] for k in runs])
    out = []
    for k in runs:
        line = text[lines[k][0] : lines[k][1]].rstrip()
        nxt = text[lines[k + 1][0] : lines[k + 1][1]]
        if lengths[k] < 0.6 * width or LIST_ITEM.match(nxt):
            continue
        first_word = nxt.split(maxsplit=1)[0] if nxt.strip() else ""
        if SENTENCE_END.search(line) and lengths[k] + 1 + len(first_word) <= width:
            continue  # the next word would have fitted: the paragraph ended here
        out.append((lines[k][1], lines[k + 1][0]))
    return out


def unwrap(text: str) -> str:
    """``text`` with the line breaks that only wrap its lines replaced by
    spaces (same length, same offsets), when it is hard-wrapped; else
    ``text`` itself.

    >>> unwrap("Smith, who led the talks for two years, told reporters on\\n"
    ...        "Monday that the deal was done and that nothing would change\\n"
    ...        "it, whatever the unions might say in the coming weeks and\\n"
    ...        "months.\\n\\nThe unions did not agree.")[:70]
    'Smith, who led the talks for two years, told reporters on Monday that '
    """
    if "\n" not in text or not is_wrapped(text):
        return text
    breaks = soft_breaks(text)
    if not breaks:
        return text
    chars = list(text)
    for start, end in breaks:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)
