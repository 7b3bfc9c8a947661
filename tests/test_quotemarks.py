import pytest

from claimx.pipeline.quotemarks import QuotationIndex, find_quotations, holds_double, parts_hold_double


def inner(text):
    return [text[q.inner_start : q.inner_end] for q in find_quotations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Hello there,” he said.", ["Hello there,"]),
        ('"Straight quotes," she said.', ["Straight quotes,"]),
        ("He said: «Bonjour à tous».", ["Bonjour à tous"]),
        ("‘Single quotes,’ he said.", ["Single quotes,"]),
        # apostrophes are not quotation marks
        ("That’s what we’re doing, isn’t it?", []),
        ("The leaders’ meeting was held.", []),
        # nested single quotes stay inside the outer quotation
        ("“He told me ‘never again’ last week,” she said.", ["He told me ‘never again’ last week,"]),
        # a nested quotation with the same curly marks closes before the outer one
        ("“I’d rather live in what he calls “hell” than live with him.” ― Ana Ruiz",
         ["I’d rather live in what he calls “hell” than live with him."]),
        # ... but an extra opening mark with nothing to close it is a stray
        ("“A said “B and C.” Then more.", ["A said “B and C."]),
        # two quotations in one sentence
        ("“A,” he said, “B.”", ["A,", "B."]),
        # an unclosed mark never swallows the next paragraph
        ("“Unclosed start\n\nNext paragraph is prose.", []),
        # a stray closing mark is ignored
        ("Some text” and more.", []),
        ("", []),
        # typo'd marks: a closing mark opening a paragraph, an opening mark closing a quote
        ("”Fear is real,” she said.", ["Fear is real,"]),
        ("“It is unusual,“ said Larry Noble.", ["It is unusual,"]),
        # typewriter double marks: two apostrophes, or two backquotes opening
        ("''Tell that to the janitor,'' Mr. Biden said. ''Tell that to your mothers.''",
         ["Tell that to the janitor,", "Tell that to your mothers."]),
        ("``Yes,'' she said, ''and I'd do it again.''", ["Yes,", "and I'd do it again."]),
        ("It was the boys' ''big day,'' he said.", ["big day,"]),
        # ... a single apostrophe stays an apostrophe, a lone backquote is nothing
        ("The boys' team won; it's the coach's `big` day.", []),
        ("''It runs on\n\n''and on,'' she said.", ["It runs on\n\n''and on,"]),  # one, across paragraphs
    ],
)
def test_quotations(text, expected):
    assert inner(text) == expected


def test_quote_across_paragraphs():
    text = "“First paragraph of the quote.\n\n“Second paragraph,” she said."
    (q,) = find_quotations(text)
    assert [text[s:e] for s, e in q.parts] == ["First paragraph of the quote.", "Second paragraph,"]
    assert q.start == 0 and q.end == len("“First paragraph of the quote.\n\n“Second paragraph,”")


def test_offsets_index_text():
    text = "Intro. “One,” he said. ‘Two,’ she said. \"Three\" — they said."
    for q in find_quotations(text):
        assert text[q.start] in "“‘\"" and text[q.end - 1] in "”’\""


def test_typewriter_marks_are_two_characters_wide():
    text = "He said: ''No deal.'' Then he left."
    (q,) = find_quotations(text)
    assert text[q.start : q.end] == "''No deal.''"
    assert text[q.inner_start : q.inner_end] == "No deal."


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # text: 'He said “yes,” then “no” and “maybe.”' (quotations at 8-14, 20-24, 29-37)
        (0, 37, [0, 1, 2]),
        (8, 14, [0]),  # exactly one quotation, marks and all
        (14, 29, [1]),  # the stretch between the first and the last
        # negatives: a quotation cut at either end is not inside
        (9, 37, [1, 2]),
        (0, 36, [0, 1]),
        (21, 23, []),  # inside a quotation is not around it
        (0, 8, []),
    ],
)
def test_index_inside(start, end, expected):
    text = "He said “yes,” then “no” and “maybe.”"
    index = QuotationIndex(find_quotations(text))
    assert [(q.start, q.end) for q in index.quotes] == [(8, 14), (20, 24), (29, 37)]
    assert index.inside(start, end) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the deal was “a disaster” for workers", True),
        ('the deal was "a disaster" for workers', True),
        ("il a dit «non»", True),
        ("“half a quotation", True),  # one mark is enough
        # negatives: apostrophes, single marks and a typewriter pair are no double mark here
        ("the workers' deal isn't done", False),
        ("the ‘deal’ is done", False),
        ("''Tell that to the janitor,'' he said", False),
        ("", False),
    ],
)
def test_holds_double(text, expected):
    assert holds_double(text) is expected
    assert parts_hold_double("xx " + text, [(0, 2), (3, 3 + len(text))]) is expected


def test_holds_double_reads_only_its_stretch():
    text = 'He said "no" twice.'
    assert not holds_double(text, 0, 8) and holds_double(text, 8, 12) and not holds_double(text, 12)
    assert not parts_hold_double(text, [(0, 8), (12, len(text))]) and not parts_hold_double(text, [])
