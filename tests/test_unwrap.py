"""Hard-wrapped text (PDF and e-mail copies) read as its paragraphs:
detection from the text's own profile, one space for each wrapping break."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claimx.read import unwrap as unwrap_module
from claimx.read.inputs import read_bytes
from claimx.read.unwrap import is_wrapped, profile, soft_breaks, unwrap

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
    assert article.shown == article.original == WRAPPED  # what the record shows: the text as read


def test_unwrapped_text_is_left_alone_at_the_reading_step():
    (article,) = read_bytes(b"One line.\n\nAnother line.\n", "x.txt", "x", ".txt")
    assert article.original is None and article.shown == article.text


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_records_show_the_text_as_read(nlp, newline):
    """The parser reads the joined lines; every span the record gives is the
    text as read (no space where the source broke its line, no doubled space
    for a CRLF break), and the record's text is the file's."""
    from claimx.pipeline.extract import extract

    raw = WRAPPED.replace("\n", newline)
    (article,) = read_bytes(raw.encode(), "x.txt", "x", ".txt")
    (rec,) = [r.to_dict() for r in extract([article], nlp, include_text=True)]
    assert rec["text"] == raw
    assert rec["quotes"], "the wrapped attribution is found"
    crossing = [q for q in rec["quotes"] if newline in q["text"]]
    assert crossing, "some quote crosses a line break, as the source does"
    for q in rec["quotes"]:
        assert raw[q["start"] : q["end"]] == q["text"]
        assert "  " not in q["text"]


def test_html_br_runs_unwrapped():
    body = "<br>\n".join(WRAPPED.split("\n"))
    html = f"<html><head><title>T</title></head><body><article><p>{body}</p></article></body></html>"
    (article,) = [a for a in read_bytes(html.encode(), "x.html", "x", ".html") if hasattr(a, "text")]
    assert "Tuesday that the government would" in article.text


def _html_text(html: str) -> str:
    (article,) = [a for a in read_bytes(html.encode(), "x.html", "x", ".html") if hasattr(a, "text")]
    return article.text


def _page(body: str) -> str:
    return f"<html><head><title>Vote</title></head><body><article>{body}</article></body></html>"


BR_PARAGRAPHS = _page(
    "<h1>Council Passes Budget After a Long Night of Debate on Cuts</h1>"
    "<p>RIVERTON - The Riverton council passed a $12 million budget late on<br>\n"
    "Thursday after a debate that went on for more than six hours.</p>"
    "<p>\"We kept the pools open and the buses running,\" said Mayor Ann Cole,<br>\n"
    "who wrote the plan in the autumn with the treasurer.</p>"
    "<p>Councilwoman Rita Hale said the city was spending beyond its means. She<br>\n"
    "warned that the reserve fund would be empty within two years.</p>"
    "<p>The treasurer said the deficit had been falling since last spring.</p>"
)


def test_html_br_wrapped_paragraphs_joined_blocks_kept():
    text = _html_text(BR_PARAGRAPHS)
    lines = text.split("\n")
    assert lines[0] == "Council Passes Budget After a Long Night of Debate on Cuts"  # headline apart from the lede
    assert lines[1].startswith("RIVERTON") and lines[1].endswith("more than six hours.")
    assert lines[3].startswith("Councilwoman") and lines[3].endswith("within two years.")
    assert len(lines) == 5


# an explainer: headings and list items of 60-80 characters without a full
# stop, which the text's profile alone reads as wrapped lines
P_PAGE = _page(
    "<h2>What we know about the budget vote in Riverton on Thursday night</h2>"
    "<ul><li>The council passed the $12 million budget by five votes to two</li>"
    "<li>Pools and bus routes are kept open for another full year at least</li>"
    "<li>The reserve fund is drawn down by a third to pay for the whole plan</li></ul>"
    "<h2>What the mayor and her opponents on the council said after the vote</h2>"
    "<p>\"We kept the pools open,\" said Mayor Ann Cole after the vote on Thursday.</p>"
    "<p>The library board said it would decide on the new hours in the autumn.</p>"
)
# paragraphs as <br><br> runs in one block, each hard-wrapped by a single <br>
BR_BR_PAGE = _page(
    "<div><b>Library Opening Delayed Until June as Steel Runs Short</b><br><br>"
    "The mayor said on Friday that the new library on Main Street would<br>"
    "open in June, two months later than planned, because the builder<br>"
    "had run out of steel for the roof during the long winter.<br><br>"
    "The council approved the last part of the money at its May meeting<br>"
    "and asked the library board to decide on longer opening hours.<br><br>"
    "Residents said they were disappointed.</div>"
)


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        (P_PAGE, [
            "What we know about the budget vote in Riverton on Thursday night",
            "- The council passed the $12 million budget by five votes to two",
            "- Pools and bus routes are kept open for another full year at least",
            "- The reserve fund is drawn down by a third to pay for the whole plan",
            "What the mayor and her opponents on the council said after the vote",
            "\"We kept the pools open,\" said Mayor Ann Cole after the vote on Thursday.",
            "The library board said it would decide on the new hours in the autumn.",
        ]),
        (BR_BR_PAGE, [
            "Library Opening Delayed Until June as Steel Runs Short",
            "The mayor said on Friday that the new library on Main Street would open in June, two months "
            "later than planned, because the builder had run out of steel for the roof during the long winter.",
            "The council approved the last part of the money at its May meeting and asked the library board "
            "to decide on longer opening hours.",
            "Residents said they were disappointed.",
        ]),
    ],
)
def test_html_blocks_never_joined(html, lines):
    assert _html_text(html).split("\n") == lines


PRE_MAIL = _page(
    "<h2>Statement from the mayor's office</h2><pre>\n"
    "The mayor said on Friday that the new library on Main Street would\n"
    "open in June, two months later than planned, because the contractor\n"
    "had run out of steel for the roof during the winter.\n"
    "\n"
    "The council approved the last part of the money at its May meeting\n"
    "and asked the library board to decide on longer opening hours.\n"
    "</pre>"
)


def test_html_pre_mail_unwrapped():
    text = _html_text(PRE_MAIL)
    assert "Main Street would open in June" in text
    assert "during the winter.\nThe council" in text or "during the winter.\n\nThe council" in text
    assert "Statement from the mayor's office\n" in text


def _count_calls(monkeypatch, owner, name, callers=None):
    """A list that grows by one at each call of ``owner.name`` (from a module
    whose name starts with ``callers``, when given)."""
    import sys

    calls: list[str] = []
    real = getattr(owner, name)

    def counted(*args, **kwargs):
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if callers is None or caller.startswith(callers):
            calls.append(caller)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


@pytest.mark.parametrize(("html", "piece"), [
    (BR_PARAGRAPHS, "late on Thursday after"),
    (PRE_MAIL, "would open in June"),
    (P_PAGE, "Riverton on Thursday night\n- The council"),
])
def test_a_page_is_parsed_once(monkeypatch, html, piece):
    """claimx parses each page with lxml once: the soft breaks are read from
    the tree the page's measures are taken on (the extractor parses it on its own)."""
    import lxml.html

    calls = _count_calls(monkeypatch, lxml.html, "document_fromstring", callers="claimx")
    text = _html_text(html)
    assert calls == ["claimx.read.pages"]
    assert piece in text


@pytest.mark.parametrize("text", [WRAPPED, WRAPPED.replace("\n", "\r\n"), "\n".join("> " + x for x in WRAPPED.split("\n"))])
def test_unwrap_splits_the_lines_once(monkeypatch, text):
    calls = _count_calls(monkeypatch, unwrap_module, "_lines")
    out = unwrap(text)
    assert len(calls) == 1
    assert out != text and len(out) == len(text)


def test_a_page_s_paragraphs_split_into_lines_once(monkeypatch):
    calls = _count_calls(monkeypatch, unwrap_module, "_lines", callers="claimx.read.unwrap")
    text = _html_text(PRE_MAIL)
    assert "Main Street would open in June" in text
    assert len(calls) == 2  # the page's paragraphs with line breaks, then the main text


@pytest.mark.parametrize("text", [WRAPPED, LINE_PER_PARAGRAPH, SHORT_PARAGRAPHS, "One line.", "",
                                  "A line that runs\non.\n\nEnd.\n- one\n- two"])
def test_a_shared_profile_reads_as_the_text_itself(text):
    prof = profile(text)
    assert is_wrapped(text, prof) is is_wrapped(text)
    assert soft_breaks(text, prof) == soft_breaks(text)
    assert [text[s:e] for s, e in prof.lines] == text.replace("\r\n", "\n").split("\n")


REPLY = (
    "Forwarded from the press office of the governor, sent to reporters on\n"
    "Friday evening after the vote on the school budget had ended.\n"
    "\n"
    "> \"The assembly has done right by our children and our teachers,\"\n"
    "> said Governor Ruth Bell in a statement after the vote. She added\n"
    "> that the money would reach the schools in September.\n"
)


@pytest.mark.parametrize(
    ("text", "blanked"),
    [
        ("She wrote:\n> We will win.\n> Nothing else.\n", True),
        ("She wrote:\n>> We will win.\n>> Nothing else.\n", True),
        ("She wrote:\n> We will win.\n>\n> Nothing else.\n", True),
        ("Turnout rose.\n> 50% voted in the north, a record.\nMore later.\n", False),  # one line: prose
        ("The rate was > 5% in May.\nIt fell to > 3% in June.\n", False),  # not at the head of a line
    ],
)
def test_reply_markers(text, blanked):
    out = unwrap(text)
    assert len(out) == len(text)
    if not blanked:
        assert out == text
        return
    for line, new in zip(text.split("\n"), out.split("\n"), strict=True):
        body = line.lstrip("> ")
        assert new == " " * (len(line) - len(body)) + body


def test_reply_quotation_found(nlp):
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    text = unwrap(REPLY)
    rec = build_record(Article("r", "r", text), nlp(text)).to_dict()
    speakers = {q["speaker_name"] for q in rec["quotes"]}
    assert "Ruth Bell" in speakers
    for q in rec["quotes"]:
        assert REPLY[q["start"] : q["end"]].replace("> ", "").replace("\n", " ").split() == q["text"].split()


AGENDA = (
    "The board will meet at the town hall on Tuesday evening at seven o'clock\n"
    "and will take questions from the public after the items on its agenda.\n"
    "\n"
    "The agenda for the meeting lists the following items for discussion\n"
    "approval of the minutes of the February meeting of the town council\n"
    "a proposal to extend library opening hours on weekends and holidays\n"
    "the sale of the old fire station on Main Street to a private builder\n"
    "\n"
    "\"We expect a long night,\" said the town clerk, Amy Tran, who prepares\n"
    "the agenda each month and answers questions from the public.\n"
)


def test_unpunctuated_list_kept():
    out = unwrap(AGENDA)
    assert "evening at seven o'clock and will take" in out  # the prose still unwrapped
    assert "\napproval of the minutes" in out and "\na proposal" in out and "\nthe sale" in out
    assert "for discussion\napproval" in out


def test_crlf_and_lf_give_the_same_records(nlp):
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article

    lf = (
        "Town Votes to Keep Its Pools Open\n\n"
        "RIVERTON - The Riverton council voted on Tuesday to keep the pools open.\n\n"
        "\"This keeps the children off the streets,\" said Mayor Ann Cole, who proposed it.\n\n"
        "Councilman Daniel Reyes, a Democrat who chairs the finance committee, said the town "
        "could not afford it. He warned that costs would double by 2028.\n\n"
        "The treasurer said the deficit had been falling.\n"
    )
    crlf = lf.replace("\n", "\r\n")

    def shifted(rec, text):
        import bisect

        crs = [i for i, c in enumerate(text) if c == "\r"]

        def walk(x):
            if isinstance(x, dict):
                return {k: (v - bisect.bisect_left(crs, v)) if k in ("start", "end") and isinstance(v, int)
                        else walk(v) for k, v in x.items()}
            if isinstance(x, list):
                return [walk(v) for v in x]
            return x.replace("\r", "") if isinstance(x, str) else x

        return walk(rec)

    a = build_record(Article("a", "a", lf), nlp(lf)).to_dict()
    b = build_record(Article("a", "a", crlf), nlp(crlf)).to_dict()
    assert a["quotes"] and shifted(b["quotes"], crlf) == a["quotes"]
    assert shifted(b["speakers"], crlf) == a["speakers"]


@pytest.mark.parametrize("lf", [
    "Town Votes to Keep Its Pools Open\n\nThe council voted on Tuesday.\n\n\"It is fair,\" she said.\nHe agreed.\n",
    "One line.\nTwo lines.\n\n\nThree, after two blank lines.\n",
])
def test_crlf_parses_as_lf(nlp, lf):
    """The model sees a CRLF text's whitespace tokens as its LF copy's, so
    it tags and parses them alike."""
    crlf = lf.replace("\n", "\r\n")
    a, b = nlp(lf), nlp(crlf)

    def features(doc):
        return [(t.norm_, t.prefix_, t.suffix_, t.shape_, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in doc]

    assert features(a) == features(b)
