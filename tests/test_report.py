"""The review page and the terminal view."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.pipeline.extract import build_record
from claimx.read.inputs import Article
from claimx.write.review import render_html

from .conftest import SAMPLES

runner = CliRunner()
HOSTILE = ("<script>alert('x')</script> “We will </textarea> win <!-- c --> this,” "
           "Jane Smith said on <b>Monday</b>.")


class Marks(HTMLParser):
    """Collects quote highlights (data-q) with their text, and any script tags."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str | None] = []
        self.quotes: dict[str, str] = {}
        self.scripts = 0
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" or any(k.startswith("on") for k in a):
            self.scripts += 1
        if tag in ("link", "img", "iframe") or (a.get("src") or "").startswith("http"):
            self.links.append(tag)
        self.stack.append(a.get("data-q") if tag == "mark" else None)

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for q in self.stack:
            if q:
                self.quotes[q] = self.quotes.get(q, "") + data


def page_for(nlp, text: str) -> tuple[dict, str]:
    rec = build_record(Article("t", "t", text), nlp(text), include_text=True).to_dict()
    return rec, render_html([rec])


def test_one_highlight_per_quote_with_its_text(nlp, seed_text):
    rec, page = page_for(nlp, seed_text)
    parser = Marks()
    parser.feed(page)
    assert set(parser.quotes) == {q["id"] for q in rec["quotes"]} and len(parser.quotes) == 19
    for q in rec["quotes"]:
        expected = "".join(seed_text[p["start"] : p["end"]] for p in q.get("parts") or [q])
        assert parser.quotes[q["id"]] == expected
    assert page.count('id="t-q') == 19
    assert parser.scripts == 0 and parser.links == []


def test_hostile_article_is_escaped(nlp):
    rec, page = page_for(nlp, HOSTILE)
    assert "<script>" not in page and "</textarea>" not in page and "<!-- c -->" not in page
    assert "&lt;script&gt;" in page
    parser = Marks()
    parser.feed(page)
    assert parser.scripts == 0
    assert len(parser.quotes) == len(rec["quotes"]) == 1


def test_html_format_from_cli(tmp_path):
    out = tmp_path / "rubio.html"
    r = runner.invoke(app, ["extract", str(SAMPLES / "rubio-cbs.txt"), "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Marco Rubio" in page


def test_show_prints_article_and_table():
    r = runner.invoke(app, ["show", str(SAMPLES / "rubio-cbs.txt")], env={"NO_COLOR": "1", "COLUMNS": "120"})
    assert r.exit_code == 0
    assert "What happens next in the talks?" in r.stdout
    assert "q19" in r.stdout and "Marco Rubio" in r.stdout
    assert "\x1b[" not in r.stdout


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)")
def chromium_dom(tmp_path, page: str, width: int = 1280, script: str = "") -> str:
    """The page's DOM after Chromium laid it out in a window ``width`` px wide
    (``script``, run at the end of the body, may write what it measured into the DOM)."""
    path = tmp_path / f"page-{width}.html"
    path.write_text(page.replace("</body>", f"<script>{script}</script></body>") if script else page, encoding="utf-8")
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--hide-scrollbars", f"--window-size={width},1000",
           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", path.as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "HOME": str(tmp_path)}).stdout


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)")
def test_page_renders_in_headless_chromium(tmp_path, nlp, seed_text):
    rec, page = page_for(nlp, seed_text)
    parser = Marks()
    parser.feed(chromium_dom(tmp_path, page))
    assert len(parser.quotes) == 19
    assert parser.quotes["q2"].startswith("We want to wind up with a peace deal")


# what the layout gives, read back from the browser: the quote-text cells'
# widths, the lines each date takes, and how wide the page is against the window
MEASURE = """
const lines = el => {  // the distinct lines the element's text sits on
  const tops = new Set(), walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const r = document.createRange(); r.selectNodeContents(n);
    for (const rect of r.getClientRects()) if (rect.width) tops.add(Math.round(rect.top));
  }
  return tops.size;
};
const column = (table, names) => {
  const heads = [...table.querySelectorAll('tr:first-child th')].map(th => th.textContent.trim());
  const at = heads.map((h, i) => names.includes(h) ? i : -1).filter(i => i >= 0);
  return [...table.querySelectorAll('tr')].slice(1).flatMap(tr => at.map(i => tr.children[i]));
};
const quoteTables = [...document.querySelectorAll('section.article')].map(s => s.querySelector('table'));
const got = {
  window: window.innerWidth,
  page: document.documentElement.scrollWidth,
  text: quoteTables.flatMap(t => column(t, ['text'])).map(e => e.getBoundingClientRect().width),
  dates: [...document.querySelectorAll('table')].flatMap(t => column(t, ['date', 'dates']))
           .filter(e => e.textContent.trim()).map(lines),
};
document.body.setAttribute('data-layout', JSON.stringify(got));
"""
READABLE = 250  # px: about 35 characters of the table's 13 px text


def layout(tmp_path, page: str, width: int) -> dict:
    import html
    import json
    import re

    found = re.search(r'data-layout="([^"]*)"', chromium_dom(tmp_path, page, width, MEASURE))
    assert found, "the measuring script did not run"
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)")
@pytest.mark.parametrize("width", [1280, 1920, 500])  # 500: the narrowest window headless Chromium opens
def test_quote_text_column_stays_readable(tmp_path, nlp, seed_text, width):
    from claimx.corpus.build import build

    rec, _ = page_for(nlp, seed_text)
    other = dict(rec, article=dict(rec["article"], id="u", published="2025-08-17"))
    page = render_html([rec], build([rec, other]))  # the corpus view's date ranges too
    got = layout(tmp_path, page, width)
    assert got["window"] == width
    assert len(got["text"]) == 19 and min(got["text"]) >= READABLE, got["text"]
    assert got["dates"] and set(got["dates"]) == {1}, got["dates"]  # every date on one line
    assert got["page"] <= width  # wide tables scroll in their own box; the page does not


def test_speakers_table_shows_gender_and_its_words(nlp, seed_text):
    rec, page = page_for(nlp, seed_text)
    assert "<th>gender</th>" in page
    assert "<td>male (He, he)</td>" in page  # Rubio, with the words it was read from
    assert page.count("<td>—</td>") >= 1  # Trump: not said (Zelensky and Putin, only mentioned, are no speakers)
