"""Hard-wrapped text (PDF and e-mail copies) read as its paragraphs:
detection from the text's own profile, one space for each wrapping break."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claimx.read.inputs import read_bytes
from claimx.read.unwrap import is_wrapped, soft_breaks, unwrap

WRAPPED = (
    "WASHINGTON - The Treasury secretary told a Senate panel on Tuesday that\n"
    "the government would run out of cash by early June unless Congress\n"
    "raised the debt limit, and that a default would shake markets around\n"
    "the world.\n"
    "\n"
    "\"We cannot let that happen,\" she said, adding that talks with both\n"
    "parties would continue through the week and that she was hopeful a\n"
    "deal could be reached before the deadline.\n"
    "\n"
    "Republicans said they would not vote for an increase without cuts.\n"
)
LINE_PER_PARAGRAPH = (
    "WASHINGTON - The Treasury secretary told a Senate panel on Tuesday that the government would run out "
    "of cash by early June unless Congress raised the debt limit.\n"
    "\"We cannot let that happen,\" she said, adding that talks with both parties would continue.\n"
    "Republicans said they would not vote for an increase without cuts.\n"
    "Markets were calm.\n"
)
SHORT_PARAGRAPHS = "Stocks fell.\nBonds rose.\nThe dollar was flat.\nOil slipped.\nGold gained.\n"
LIST = (
    "The agreement, signed on Monday by all four parties, covers three points:\n"
    "- a ceasefire along the whole of the line of contact from Friday,\n"
    "- an exchange of prisoners within a month of the ceasefire, and\n"
    "- talks on the status of the region before the end of the year.\n"
)


@pytest.mark.parametrize(
    ("text", "wrapped"),
    [
        (WRAPPED, True),
        (WRAPPED.replace("\n", "\r\n"), True),
        (LINE_PER_PARAGRAPH, False),  # a paragraph a line: lines far longer than a wrapping width
        (SHORT_PARAGRAPHS, False),  # short lines, each a sentence
        ("One line only, however long it is, is never wrapped text at all.", False),
        ("", False),
    ],
)
def test_is_wrapped(text, wrapped):
    assert is_wrapped(text) is wrapped


def test_unwrap_joins_lines_keeps_paragraphs_and_offsets():
    out = unwrap(WRAPPED)
    assert len(out) == len(WRAPPED)
    assert [i for i, (a, b) in enumerate(zip(WRAPPED, out, strict=True)) if a != b] == [
        s for s, _ in soft_breaks(WRAPPED)
    ]
    paragraphs = [p for p in out.split("\n") if p.strip()]
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("WASHINGTON") and paragraphs[0].endswith("around the world.")
    assert paragraphs[2] == "Republicans said they would not vote for an increase without cuts."


def test_crlf_breaks_become_two_spaces():
    text = WRAPPED.replace("\n", "\r\n")
    out = unwrap(text)
    assert len(out) == len(text)
    assert "Tuesday that  the government" in out
    assert "\r\n\r\n" in out  # paragraph breaks kept


@pytest.mark.parametrize("text", [LINE_PER_PARAGRAPH, SHORT_PARAGRAPHS])
def test_unwrapped_text_kept_as_is(text):
    assert unwrap(text) is text


def test_list_items_stay_lines():
    wrapped = WRAPPED + "\n" + LIST
    out = unwrap(wrapped)
    assert "\n- a ceasefire" in out and "\n- an exchange" in out


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv"])
def test_reading_step_unwraps(suffix):
    if suffix == ".txt":
        data = WRAPPED.encode()
    elif suffix == ".jsonl":
        data = (json.dumps({"id": "a", "text": WRAPPED}) + "\n").encode()
    else:
        out = io.StringIO()
        csv.writer(out).writerows([["id", "text"], ["a", WRAPPED]])
        data = out.getvalue().encode()
    (article,) = [a for a in read_bytes(data, "x" + suffix, "x", suffix) if hasattr(a, "text")]
    assert article.text == unwrap(WRAPPED) != WRAPPED


def test_html_br_runs_unwrapped():
    body = "<br>\n".join(WRAPPED.split("\n"))
    html = f"<html><head><title>T</title></head><body><article><p>{body}</p></article></body></html>"
    (article,) = [a for a in read_bytes(html.encode(), "x.html", "x", ".html") if hasattr(a, "text")]
    assert "Tuesday that the government would" in article.text
