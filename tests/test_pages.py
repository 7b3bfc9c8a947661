"""Saved pages: thin extractions (JSON-LD, recall fallback, warning), MHTML,
and formats claimx does not read."""

from __future__ import annotations

import json
from email.message import EmailMessage

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.read.pages import FALLBACK, JSON_LD, MAIN, Measures, choose, prose_chars, thin

from .conftest import all_spans

runner = CliRunner()
PARAS = [
    "“We will win this race,” Governor Jane Smith said on Monday in Springfield.",
    "She added that the vote was fair and that the count would be finished by Friday, officials said.",
    "Her rival, Senator Tom Brown, told reporters the result was “far from settled” and promised a recount.",
    "“Every vote must be counted,” Brown said, adding that his lawyers were ready to go to court.",
    "Election officials said turnout was the highest in two decades, with long queues at polling stations.",
]
NAV = "".join(f"<li><a href='/s{i}'>Section {i}: a headline that runs fairly long</a></li>" for i in range(30))
CAPTION = ("<figure><img src='x.jpg'><figcaption>Governor Jane Smith speaks to supporters in Springfield "
           "on Monday evening after the vote.</figcaption></figure>")
APP_DATA = ('<script id="__NEXT_DATA__" type="application/json">'
            + json.dumps({"props": {"blocks": [{"type": "p", "text": p} for p in PARAS]}}) + "</script>")
JSON_LD_BODY = ('<script type="application/ld+json">'
                + json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Smith wins",
                              "articleBody": "\n".join(PARAS)}) + "</script>")


def page(head: str, body: str) -> str:
    return (f"<html><head><title>Smith wins</title>{head}</head><body><nav><ul>{NAV}</ul></nav>{body}"
            "<footer>Copyright 2025 The Daily Example. All rights reserved.</footer></body></html>")


def run(*args):
    return runner.invoke(app, list(args))


def extract_page(tmp_path, html: str, name: str = "page.html"):
    p = tmp_path / name
    p.write_text(html, encoding="utf-8")
    r = run("extract", str(p), "-f", "json", "--include-text")
    return p, r


def test_a_readable_page_is_main_content_without_warning(tmp_path):
    html = page(APP_DATA, "<article><h1>Smith wins</h1>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article>")
    p, r = extract_page(tmp_path, html)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["article"]["text_source"] == MAIN
    assert "warning" not in r.stderr


def test_text_in_json_ld_is_read_from_it(tmp_path):
    p, r = extract_page(tmp_path, page(APP_DATA + JSON_LD_BODY, f"<div id='root'>{CAPTION}</div>"))
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["article"]["text_source"] == JSON_LD
    assert data["text"] == "\n".join(PARAS)  # its paragraphs kept
    assert {q["speaker_name"] for q in data["quotes"]} >= {"Jane Smith", "Tom Brown"}
    for span in all_spans(data):
        assert data["text"][span["start"] : span["end"]] == span["text"]


def test_text_loaded_by_script_is_warned_about(tmp_path):
    html = page(APP_DATA, f"<div id='root'>{CAPTION}</div>")
    p, r = extract_page(tmp_path, html)
    assert r.exit_code == 0, r.stderr  # still an article, but the user is told
    warning = [line for line in r.stderr.splitlines() if "warning" in line]
    assert len(warning) == 1 and str(p) in warning[0]
    size = f"{len(html) / 1024:.0f} KB"
    assert f"1,429 characters of text (89 outside lists of links) from {size} of HTML: the article text may be loaded by script" in warning[0]
    assert json.loads(r.stdout)["article"]["text_source"] == MAIN


def test_text_the_extractor_misses_is_warned_about(tmp_path):
    html = page("", "<div id='comments' class='comments'>" + "".join(f"<p>{p}</p>" for p in PARAS * 2)
                + f"</div><article>{CAPTION}</article>")
    p, r = extract_page(tmp_path, html)
    assert r.exit_code == 0, r.stderr
    warning = [line for line in r.stderr.splitlines() if "warning" in line]
    assert len(warning) == 1 and f"{p}: " in warning[0]
    assert "(89 outside lists of links) from a page showing 1,021: the extractor may have missed the article text" in warning[0]


def test_quiet_hides_the_warning(tmp_path):
    p = tmp_path / "app.html"
    p.write_text(page(APP_DATA, f"<div id='root'>{CAPTION}</div>"), encoding="utf-8")
    r = run("extract", str(p), "-q")
    assert r.exit_code == 0 and r.stderr == ""


M = Measures(html_chars=20_000, visible_prose=2_000, script_prose=0)


@pytest.mark.parametrize(
    ("prose", "measures", "why"),
    [
        (1_500, M, None),  # most of what the page shows
        (400, M, "missed"),  # a fifth of it
        (500, M, None),  # a quarter is still plausible (navigation-heavy pages)
        (1_500, Measures(20_000, 2_000, script_prose=4_000), "script"),  # its scripts carry more prose
        (1_500, Measures(20_000, 2_000, script_prose=2_900), None),  # the same article again in app data
        (146, Measures(374 * 1024, 300), "script"),  # markup over a thousand times the text
        (146, Measures(100_000, 300), None),
        (0, Measures(500, 0), "script"),  # no prose at all (links only)
    ],
)
def test_thin(prose, measures, why):
    assert thin(prose, measures) == why


@pytest.mark.parametrize(
    ("main", "body", "recall", "expected"),
    [
        ("A caption.", "\n".join(PARAS), "", (JSON_LD, "\n".join(PARAS))),
        ("A caption.", "", "\n".join(PARAS), (FALLBACK, "\n".join(PARAS))),
        ("A caption.", "Short summary.", "\n".join(PARAS), (FALLBACK, "\n".join(PARAS))),  # not twice as long
        ("A caption.", "", "A caption. More.", (MAIN, "A caption.")),  # not twice the prose: warn instead
        ("\n".join(PARAS), "", "", (MAIN, "\n".join(PARAS))),  # not thin: the fallbacks are not read
        (" ".join(PARAS), "\n".join(PARAS), "", (JSON_LD, "\n".join(PARAS))),  # the extractor's own JSON-LD text
        ("", "", "", None),
    ],
)
def test_choose(main, body, recall, expected):
    read = []
    m = Measures(html_chars=5_000, visible_prose=len(" ".join(PARAS)), article_body=body or None)
    fallbacks = [(JSON_LD, lambda: read.append(JSON_LD) or body), (FALLBACK, lambda: read.append(FALLBACK) or recall)]
    got = choose(main, m, fallbacks)
    assert (got.source, got.text) == expected if expected else got is None
    if expected and expected[0] == MAIN and expected[1] == main and len(main) > 100:
        assert read == []
    if expected == (MAIN, "A caption."):
        assert "the extractor may have missed the article text" in got.notice


@pytest.mark.parametrize(
    ("text", "links", "chars"),
    [
        ("Home\nShe said it was fair.", {"Home"}, 21),
        ("Section 1: a headline\nSection 2: another", {"Section 1: a headline", "Section 2: another"}, 0),
        ("  She   said it.  ", set(), 12),
        ("", {"x"}, 0),
    ],
)
def test_prose_chars(text, links, chars):
    assert prose_chars(text, links) == chars


def mhtml(html: str, url: str = "https://news.example.com/smith-wins") -> bytes:
    msg = EmailMessage()
    msg["Snapshot-Content-Location"] = url
    msg["Subject"] = "Smith wins"
    msg.set_content(html, subtype="html", cte="quoted-printable")
    msg.add_related(b"\x89PNG\r\n\x1a\n" + bytes(200), maintype="image", subtype="png", cid="<img1>")
    return msg.as_bytes()


def test_mhtml(tmp_path):
    html = page("", "<article><h1>Smith wins</h1>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article>")
    p = tmp_path / "saved.mhtml"
    p.write_bytes(mhtml(html))
    r = run("extract", str(p), "-f", "json", "--include-text")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["article"]["id"] == "saved" and data["article"]["url"] == "https://news.example.com/smith-wins"
    assert data["article"]["text_source"] == MAIN and "Tom Brown" in data["text"]
    assert data["quotes"][0]["speaker_name"] == "Jane Smith"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document: claimx reads text (.txt), web pages"),
        ("scan.txt", b"%PDF-1.4\nwhatever", "a PDF document"),  # the bytes, not the name, say what it is
        ("letter.docx", b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive (a .docx, .odt, .epub or .zip file)"),
        ("memo.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "an old Microsoft Office document"),
        ("notes.rtf", b"{\\rtf1\\ansi Hello}", "an RTF document"),
        ("articles.json", b'[{"text": "hello"}]', "a JSON file (corpora are read as JSON Lines"),
        ("broken.mhtml", b"just some text, not MIME", "not an MHTML archive"),
        ("empty.mhtml", b"", "empty file"),
    ],
)
def test_unreadable_formats_fail_alone(tmp_path, name, content, message):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(PARAS[0], encoding="utf-8")
    r = run("extract", str(bad), str(good), "-f", "jsonl")
    assert r.exit_code == 1
    lines = [line for line in r.stderr.splitlines() if str(bad) in line]
    assert len(lines) == 1 and message in lines[0], r.stderr
    assert [json.loads(x)["article"]["id"] for x in r.stdout.splitlines()] == ["good"]


def test_mhtml_without_a_page(tmp_path):
    msg = EmailMessage()
    msg.set_content("only text")
    msg.add_attachment(b"\x00\x01", maintype="image", subtype="png", filename="a.png")
    bad = tmp_path / "images.mhtml"
    bad.write_bytes(msg.as_bytes())
    r = run("extract", str(bad))
    assert r.exit_code == 1
    assert f"{bad}: the MHTML archive holds no HTML page" in r.stderr


SITE_PAGES = [
    ('<meta property="og:site_name" content="The Daily Example">', "The Daily Example"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"@type": "Organization", '
     '"name": "Example Media"}}</script>', "Example Media"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "publisher": '
     '[{"name": "Graph News"}]}]}</script>', "Graph News"),
    # og:site_name comes first
    ('<meta property="og:site_name" content="Site &amp; Co"><script type="application/ld+json">'
     '{"publisher": {"name": "Parent Group"}}</script>', "Site & Co"),
    ('<meta property="og:title" content="Not a site name">', None),
    ('<script type="application/ld+json">{"publisher": {"@id": "#org"}}</script>', None),
]


@pytest.mark.parametrize(("head", "expected"), SITE_PAGES)
def test_site_name_is_read_from_the_page(head, expected):
    from claimx.read.pages import measure

    html = f"<html><head>{head}</head><body><p>Some text.</p></body></html>"
    assert measure(html).site_name == expected


def _nested(levels: int, node: dict) -> dict:
    """``node`` inside ``levels`` @graph lists (each list and object a level of its own)."""
    for _ in range(levels):
        node = {"@graph": [node]}
    return node


JSON_LD_DEPTHS = [
    # (JSON-LD, articleBody found, site name found)
    ({"articleBody": "Body.", "publisher": "Top Wire"}, "Body.", "Top Wire"),
    ([{"mainEntity": {"articleBody": "Body.", "publisher": {"name": "Entity News"}}}], "Body.", "Entity News"),
    (_nested(3, {"articleBody": "Body.", "publisher": "Deep Wire"}), "Body.", "Deep Wire"),  # depth 6: named
    (_nested(4, {"articleBody": "Body.", "publisher": "Too Deep"}), "Body.", None),  # depth 8: the body only
    ({"publisher": "Outer", "@graph": [{"publisher": "Inner", "articleBody": "Body."}]}, "Body.", "Outer"),
    ({"headline": "No body", "author": {"publisher": "Not walked"}}, None, None),  # only the walked keys
]


@pytest.mark.parametrize(("data", "body", "site"), JSON_LD_DEPTHS)
def test_json_ld_bodies_at_any_depth_publishers_near_the_top(data, body, site):
    from claimx.read.pages import measure

    html = (f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head>'
            "<body><p>Some text.</p></body></html>")
    m = measure(html)
    assert (m.article_body, m.site_name) == (body, site)
