"""The language an article is written in, so that claimx does not read a
German page with its English model (nineteen "speakers", all noise).

The identifier is py3langid (a maintained fork of langid.py, also the one
trafilatura uses): a naive Bayes model over byte n-grams that ships in its
wheel (nothing is downloaded), 140 languages, about 0.5 ms for the sample
read here. It is loaded once per process (0.5 s of CPU; 1.7 s from a cold
disk cache): on first use, or beside spaCy's model in a thread of its own
(:func:`preload`), which costs a run about 0.15 s (:func:`_load`).

Only a bounded sample is classified, so the cost does not grow with the
article: :data:`HEAD` characters from its start and :data:`MIDDLE` from its
middle (a long transcript's first lines can be a foreign dateline or a
header; its middle is prose).

Precision over coverage: claimx would rather read a foreign article than
skip an English one, so :func:`is_english` is False only when the
identifier is sure (:data:`MIN_CONFIDENCE`) of a language other than
English on enough letters (:data:`MIN_LETTERS`). How they were chosen, on
sentences written for ``tests/test_language.py`` in eight languages, and on
the 1,181 English articles of PolNeAR, TimeBank and AQUAINT (every one
English, the least sure at 0.93; 0.59 ms of CPU per article on average):

- one foreign news sentence (100-130 characters) comes out at >= 0.98 in
  its language;
- a short foreign line ('"Nein", sagte er.', "Merci beaucoup.") comes out
  at 0.3-0.45, and a word or a name ("Trump", "OK") at under 0.1 for some
  language at random, so a sample under 40 letters is not judged at all;
- English quoting a foreign phrase ('The chancellor said: "Wir schaffen
  das"') stays English at 0.99, and German quoting an English sentence
  stays German: the sample's main language wins; a list of foreign names
  is unsure (0.13), so it counts as English.

0.9 sits well above the short lines and below the full sentences and
English articles.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from typing import Any

HEAD = 1000  # characters classified from the start of the text
MIDDLE = 600  # and from its middle (texts longer than HEAD + MIDDLE)
MIN_LETTERS = 40  # fewer letters than this in the sample: too short to tell
MIN_CONFIDENCE = 0.9  # below this: unsure

_IDENTIFIER: Any = None
_LOCK = threading.Lock()
_PRELOAD: threading.Thread | None = None


def preload() -> None:
    """Start loading the identifier in a background thread, for a command
    that is about to load spaCy's model too: most of the load is the LZMA
    decompression of py3langid's model, which runs outside Python's GIL, so
    on a second core it costs the run no time. :func:`identifier` waits for
    it; so must anything that forks (``extract`` with several workers)."""
    global _PRELOAD
    with _LOCK:
        if _IDENTIFIER is None and _PRELOAD is None:
            _PRELOAD = threading.Thread(target=_load_quietly, name="claimx-language-preload", daemon=True)
            _PRELOAD.start()


def _load_quietly() -> None:
    with contextlib.suppress(Exception):  # the first use loads it again and reports the error there
        identifier()


def identifier() -> Any:
    """py3langid's identifier with probabilities normalised (loaded once)."""
    global _IDENTIFIER
    preloading = _PRELOAD
    if preloading is not None and preloading is not threading.current_thread():
        preloading.join()  # loaded there (or failed: then loaded here, and the error is raised here)
    if _IDENTIFIER is None:
        with _LOCK:
            if _IDENTIFIER is None:
                _IDENTIFIER = _load()
    return _IDENTIFIER


def _load() -> Any:
    """py3langid's own model, read as its ``from_model_file`` reads it but
    decompressed in one call. Most of the load is the LZMA decompression,
    which runs outside Python's GIL; py3langid's loader streams it in 1 MB
    pieces, so a preloading thread has to win the GIL back from spaCy's
    import hundreds of times (the load then cost a run 0.35-0.75 s of wall
    time; in one call, 0.15 s). The uncompressed model (68 MB) is held only
    while its arrays are read. The one-call read knows py3langid 0.4's model
    layout and a helper of its; should a release change either, py3langid's
    own loader reads the model instead."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        return _load_in_one_call()
    except Exception:  # noqa: BLE001  another layout or helper: py3langid's own loader (its error, if any)
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _load_in_one_call() -> Any:
    import io
    import lzma

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import _to_array

    raw = io.BytesIO(lzma.decompress((MODEL_DIR / MODEL_FILE).read_bytes()))
    with np.load(raw, allow_pickle=False) as data:
        return LanguageIdentifier(
            data["ptc"], data["pc"], data["classes"].tolist(), _to_array(data["nextmove"]),
            data["out_feat"].tolist(), norm_probs=True, tk_row=_to_array(data["nextmove_row"]),
        )


def sample(text: str) -> str:
    """The part of ``text`` that is classified: its start and a piece of its middle.

    >>> len(sample("x" * 100_000)) == HEAD + 1 + MIDDLE
    True
    """
    if len(text) <= HEAD + MIDDLE:
        return text
    mid = (len(text) - MIDDLE) // 2
    return text[:HEAD] + "\n" + text[mid : mid + MIDDLE]


def enough_letters(piece: str) -> bool:
    """Whether ``piece`` has :data:`MIN_LETTERS` letters: it stops at the
    last one needed, not at the end of the piece.

    >>> enough_letters("a1" * (MIN_LETTERS - 1)), enough_letters("a1" * MIN_LETTERS)
    (False, True)
    """
    return next(itertools.islice(filter(str.isalpha, piece), MIN_LETTERS - 1, None), None) is not None


def identify(text: str) -> tuple[str | None, float]:
    """The language of ``text`` (an ISO 639-1 code, or ISO 639-3 for the
    few languages without one) and the identifier's confidence in it; the
    code is None when the text is too short or the identifier unsure.

    >>> identify("Der Minister sagte am Dienstag, die Regierung werde ihre Pläne nicht ändern.")[0]
    'de'
    >>> identify("Trump")
    (None, 0.0)
    """
    piece = sample(text)
    if not enough_letters(piece):
        return None, 0.0
    lang, conf = identifier().classify(piece)
    conf = round(float(conf), 4)
    return (lang if conf >= MIN_CONFIDENCE else None), conf


def is_english(text: str) -> bool:
    """False only when ``text`` is surely in another language (True when unsure).

    >>> is_english("Le ministre a déclaré mardi que le gouvernement ne changerait pas ses plans.")
    False
    >>> is_english("Nein.")
    True
    """
    lang, _ = identify(text)
    return lang in (None, "en")

