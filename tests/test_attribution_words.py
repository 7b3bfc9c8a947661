"""Table tests for :mod:`claimx.pipeline.attribution.words`: the clean ends of a span
and quotations that name something rather than say it. Pure text: no model."""

import pytest

from claimx.pipeline.attribution.words import is_title, trim
from claimx.pipeline.quotemarks import find_quotations

TRIM = [
    ("  , the budget would be balanced.  ", "the budget would be balanced"),
    ("—a dash on both sides—", "a dash on both sides"),
    # a wire dateline opening the story is no part of the span ...
    ("LONDON (Reuters) - Theresa May will travel.", "Theresa May will travel"),
    ("Intro.\nDAR ES SALAAM, Tanzania (AP) _ The vote was close.", "Intro.\nDAR ES SALAAM, Tanzania (AP) _ The vote was close"),
    # ... but words in capitals inside a sentence are kept
    ("He said LONDON (Reuters) - was wrong", "He said LONDON (Reuters) - was wrong"),
]


@pytest.mark.parametrize(("text", "expected"), TRIM)
def test_trim(text, expected):
    start, end = trim(text, 0, len(text))
    assert text[start:end] == expected


def test_trim_dateline_after_a_line_break():
    text = "Intro.\nDAR ES SALAAM, Tanzania (AP) _ The vote was close."
    start, end = trim(text, text.index("DAR"), len(text))
    assert text[start:end] == "The vote was close"


TITLES = [
    ("She watched “The Godfather” again last night.", True),
    ("He appeared on “Meet the Press,” where he spoke.", True),
    ("The so-called “Guccifer” hacked the server.", True),
    # a quotation that opens its sentence and breaks off at a comma is said
    ("“Really,” she added after a pause.", False),
    # a sentence after a comma or a colon is said
    ('Priebus said, "Probably."', False),
    # an exclamation or a question is said, whatever its case
    ("She declared “What a Super Tuesday!” to the crowd.", False),
    # words in lower case, or more than six, are no title
    ("He said it was “a great thing” for all.", False),
    ("He said “We Will Win This Race Today In Iowa”.", False),
]


@pytest.mark.parametrize(("text", "expected"), TITLES)
def test_is_title(text, expected):
    (q,) = find_quotations(text)
    assert is_title(text, q) is expected


# the comma that closes a phrase (claimx.pipeline.attribution.words.closing_comma):
# "said the city's mayor, will" -> the comma after "mayor"
@pytest.mark.parametrize("text, word, expected", [
    ("The new rules, said the city's mayor, will take effect in May.", "mayor", ","),
    ("The new rules, said the mayor of Springfield, will take effect.", "mayor", ","),
    ("The new rules, said the mayor on Monday.", "mayor", None),  # no comma closes it
    ("The mayor said the rules will take effect.", "mayor", None),
])
def test_closing_comma(nlp, text, word, expected):
    from claimx.pipeline.attribution.words import closing_comma

    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    k = closing_comma(tok)
    assert (doc[k].text if k is not None else None) == expected
    if k is not None:
        assert k > tok.i
