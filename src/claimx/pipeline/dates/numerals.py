"""Numbers written in words, as dates and durations count them: "twenty
four", "a couple of", "2 1/2", and years spoken aloud ("nineteen
ninety-six", "two thousand and four")."""

from __future__ import annotations

import re

_NUM_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


def parse_number(words: str) -> float | None:
    """"twenty four" -> 24, "a hundred" -> 100, "2 1/2" -> 2.5, "a couple of" -> 2,
    "one and a half" -> 1.5."""
    w = words.lower().replace("-", " ").replace(",", "").strip()
    if not w:
        return None
    if w in ("a", "an", "one", "a single", "single"):
        return 1
    if w in ("a couple of", "couple of", "a couple", "a pair of"):
        return 2
    if w in ("a dozen", "dozen"):
        return 12
    if w in ("half a", "half an", "a half"):
        return 0.5
    half = re.fullmatch(r"(.+?)\s+and\s+a\s+half", w)  # "one and a half" -> 1.5
    if half:
        whole = parse_number(half.group(1))
        return None if whole is None else whole + 0.5
    m = re.fullmatch(r"(\d+)\s+(\d)/(\d)", w)
    if m:
        return int(m.group(1)) + int(m.group(2)) / int(m.group(3))
    try:
        return float(w)
    except ValueError:
        pass
    total, current = 0.0, 0.0
    seen = False
    for tok in w.split():
        if tok in ("a", "an") and not seen:
            current = 1
            seen = True
        elif tok in _NUM_WORDS:
            current += _NUM_WORDS[tok]
            seen = True
        elif tok in _SCALES:
            current = max(current, 1) * _SCALES[tok]
            if tok != "hundred":
                total += current
                current = 0
            seen = True
        elif tok == "and":
            continue
        else:
            return None
    return total + current if seen else None


def spoken_year(words: str) -> int | None:
    """"nineteen ninety-six" -> 1996."""
    parts = words.lower().replace("-", " ").split()
    if parts[:2] == ["two", "thousand"]:  # "two thousand", "two thousand and four"
        rest = parse_number(" ".join(p for p in parts[2:] if p != "and")) if parts[2:] else 0
        return 2000 + int(rest) if rest is not None and 0 <= rest < 100 and rest == int(rest) else None
    if len(parts) >= 2 and parts[0] in _NUM_WORDS and 10 <= _NUM_WORDS[parts[0]] <= 20:
        rest = parse_number(" ".join(parts[1:]))
        if rest is not None and 0 <= rest < 100 and rest == int(rest):
            return _NUM_WORDS[parts[0]] * 100 + int(rest)
    return None

