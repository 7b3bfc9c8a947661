"""Saved web pages: the article text of an HTML page (trafilatura), checked
against what the page holds, and the HTML inside an MHTML archive.

A page whose article text lives in its scripts (an app's JSON) or that the
extractor reads badly gives a few lines of caption or navigation; claimx must
not report that as an article with no quotes. So the text found is measured
against the page: its visible prose (outside links, navigation and footers),
the prose its scripts carry, and its size. When the text is implausibly small
(:func:`thin`), the page's JSON-LD ``articleBody`` and trafilatura's recall
mode are tried; if neither gives clearly more, a warning says what was found.
"""

from __future__ import annotations

import html as htmllib
import json
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from claimx.read.unwrap import html_soft_breaks

# the text is thin when its prose is below these shares of what the page holds
SHARE_OF_VISIBLE = 0.25  # of the prose the page shows
SHARE_OF_SCRIPTS = 0.5  # of the prose its scripts carry
SHARE_OF_MARKUP = 0.001  # of the page's characters (markup a thousand times the text)
BETTER = 2.0  # a fallback replaces the text when it holds at least this many times its prose

MAIN, JSON_LD, FALLBACK = "main-content", "json-ld", "fallback"

_NOT_SHOWN = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object",
              "nav", "footer", "aside", "form", "button", "select", "option")
_JSON_STRING = re.compile(r'"((?:[^"\\\n]|\\.){60,})"')
_WORD = re.compile(r"[^\W\d_]{2,}")
_TAG = re.compile(r"<[a-zA-Z/][^<>]*>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass(slots=True)
class Measures:
    """What a page holds besides the text the extractor found."""

    html_chars: int
    visible_prose: int = 0  # characters of text shown outside links, navigation, footers
    script_prose: int = 0  # characters of distinct prose strings in its (non JSON-LD) scripts
    links: set[str] = field(default_factory=set)  # the texts of its links, whitespace collapsed
    article_body: str | None = None  # the longest JSON-LD articleBody, as text
    site_name: str | None = None  # the name the page gives its site (:func:`site_name`)
    # the line breaks that wrap a paragraph of the page (claimx.read.unwrap.html_soft_breaks)
    soft_breaks: set[tuple[str, str]] = field(default_factory=set)


@dataclass(slots=True)
class PageText:
    text: str
    source: str  # MAIN | JSON_LD | FALLBACK
    notice: str | None = None  # a warning for stderr, or None
    metadata: dict[str, Any] = field(default_factory=dict)
    site_name: str | None = None  # the outlet's name as the page gives it, or None
    soft_breaks: set[tuple[str, str]] = field(default_factory=set)  # Measures.soft_breaks, for unwrap_html


def _collapse(text: str) -> str:
    return " ".join(text.split())


def prose_chars(text: str, links: set[str]) -> int:
    """Characters of ``text`` outside lines that are just a link's text
    (the headlines of a navigation list are not an article).

    >>> prose_chars("Home\\nShe said it was fair.", {"Home"})
    21
    """
    return sum(len(line) for line in (_collapse(x) for x in text.splitlines()) if line and line not in links)


def thin(prose: int, m: Measures) -> str | None:
    """Why ``prose`` characters are implausibly few for the page, or None:
    ``"script"`` when the scripts carry more prose or the markup dwarfs it,
    ``"missed"`` when the page shows much more prose than was found."""
    if prose < SHARE_OF_SCRIPTS * m.script_prose or prose < SHARE_OF_MARKUP * m.html_chars:
        return "script"
    if prose < SHARE_OF_VISIBLE * m.visible_prose:
        return "missed"
    return None


def _looks_like_prose(s: str) -> bool:
    words = _WORD.findall(s)
    return len(words) >= 8 and sum(map(len, words)) >= 0.6 * len(s) and bool(re.search(r"[.!?…][\"”’)]?(?:\s|$)", s))


def measure(html: str) -> Measures:
    """The page's visible prose, script prose, link texts, JSON-LD
    articleBody and site name, and the line breaks that wrap its paragraphs:
    all from one parse of the page."""
    import lxml.html

    m = Measures(html_chars=len(html))
    try:
        tree = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises several kinds on broken pages  # noqa: BLE001
        return m
    bodies: list[str] = []
    publishers: list[str] = []
    seen: set[str] = set()
    for script in tree.iter("script"):
        code = script.text or ""
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            try:
                data = json.loads(code)
            except ValueError:
                continue
            for node, depth in _json_ld_nodes(data):
                _article_body(node, bodies)
                if depth <= PUBLISHER_DEPTH:
                    _publishers(node, publishers)
            continue
        for lit in _JSON_STRING.finditer(code):
            try:
                s = json.loads(f'"{lit.group(1)}"')
            except ValueError:
                continue
            s = _collapse(_TAG.sub(" ", s))
            if s not in seen and _looks_like_prose(s):
                seen.add(s)
                m.script_prose += len(s)
    if bodies:
        m.article_body = max((_body_text(b) for b in bodies), key=len) or None
    m.site_name = site_name(tree.xpath("//meta[@property='og:site_name']/@content"), publishers)
    for a in tree.iter("a"):
        t = _collapse(a.text_content())
        if t:
            m.links.add(t)
    m.soft_breaks = html_soft_breaks(html, tree)  # before the hidden elements are dropped
    for el in list(tree.iter(*_NOT_SHOWN, "a")):
        if el.getparent() is not None:
            el.drop_tree()  # keeps the text that follows the element
    m.visible_prose = len(_collapse(tree.text_content()))
    return m


def _json_ld_nodes(node: Any, depth: int = 0) -> Iterator[tuple[Any, int]]:
    """Every object of parsed JSON-LD and its depth, parents first: those in
    lists and under ``@graph``, ``mainEntity`` and ``mainEntityOfPage``
    included (a list and an object each count a level).

    >>> [(n["@type"], d) for n, d in _json_ld_nodes([{"@type": "A", "@graph": [{"@type": "B"}]}])]
    [('A', 1), ('B', 3)]
    """
    if isinstance(node, list):
        for item in node:
            yield from _json_ld_nodes(item, depth + 1)
    elif isinstance(node, dict):
        yield node, depth
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(node.get(key), list | dict):
                yield from _json_ld_nodes(node[key], depth + 1)


PUBLISHER_DEPTH = 6  # the deepest JSON-LD object whose publisher names the site


def _article_body(node: dict, out: list[str]) -> None:
    """The ``articleBody`` of one JSON-LD object, if it has one."""
    body = node.get("articleBody")
    if isinstance(body, str) and body.strip():
        out.append(body)


def site_name(og_site_names: list[str], publishers: list[str]) -> str | None:
    """The outlet's name as the page gives it: its ``og:site_name``, else the
    name of its JSON-LD publisher; None when it gives none.

    >>> site_name([" The Daily Example "], ["Example Media Group"])
    'The Daily Example'
    >>> site_name([], ["Example Media Group"])
    'Example Media Group'
    """
    for name in (*og_site_names, *publishers):
        name = _collapse(htmllib.unescape(str(name)))
        if name and len(name) <= 120:
            return name
    return None


def _publishers(node: dict, out: list[str]) -> None:
    """The ``publisher`` names of one JSON-LD object."""
    pub = node.get("publisher")
    for p in pub if isinstance(pub, list) else [pub]:
        if isinstance(p, dict) and isinstance(p.get("name"), str):
            out.append(p["name"])
        elif isinstance(p, str) and not p.startswith(("http", "#", "_:")):
            out.append(p)


def _body_text(body: str) -> str:
    """An articleBody as text, one paragraph a line: HTML in it is read as HTML."""
    if _TAG.search(body):
        import lxml.html

        body = re.sub(r"(?i)<br\s*/?>|</p\s*>|</div\s*>|</h[1-6]\s*>", "\n", body)
        try:
            body = lxml.html.fragment_fromstring(body, create_parent="div").text_content()
        except Exception:  # noqa: BLE001
            body = _TAG.sub(" ", body)
    elif "&" in body:
        body = htmllib.unescape(body)
    lines = (_SPACES.sub(" ", line).strip() for line in body.replace("\r\n", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _trafilatura(html: str, recall: bool) -> dict[str, Any] | None:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=recall)
    if doc is None:
        return None
    return doc if isinstance(doc, dict) else doc.as_dict()


def _kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB" if n >= 1024 else f"{n:,} bytes"


def page_text(html: str) -> PageText | None:
    """The article text of a page, where it came from and what to warn about;
    None when no text is found at all. Raises on HTML the extractor cannot parse."""
    data = _trafilatura(html, recall=False) or {}
    text = (data.get("text") or "").strip("\n")
    m = measure(html)
    recall: dict[str, Any] = {}

    def recalled() -> str:
        recall.update(_trafilatura(html, recall=True) or {})
        return (recall.get("text") or "").strip("\n")

    page = choose(text, m, [(JSON_LD, lambda: m.article_body or ""), (FALLBACK, recalled)])
    if page is not None:
        page.metadata = data or recall
        page.site_name = m.site_name
        page.soft_breaks = m.soft_breaks
    return page


def choose(text: str, m: Measures, fallbacks: list[tuple[str, Callable[[], str]]]) -> PageText | None:
    """The main text unless it is thin for the page (:func:`thin`); then the
    first fallback holding at least ``BETTER`` times its prose (each is only
    read if needed); else the main text with a warning (None if it is empty).
    The main text that is the JSON-LD articleBody (the extractor's own
    last resort) is that body, with its paragraph breaks."""
    body = m.article_body
    if body and text and _collapse(text) == _collapse(body):
        return PageText(body, JSON_LD)
    prose = prose_chars(text, m.links)
    why = thin(prose, m)
    if why is None and text.strip():
        return PageText(text, MAIN)
    for source, read in fallbacks:
        more = read()
        if more.strip() and prose_chars(more, m.links) >= BETTER * prose:
            return PageText(more, source)
    if not text.strip():
        return None
    found = f"{len(text):,} characters of text"
    if prose < 0.9 * len(text):
        found += f" ({prose:,} outside lists of links)"
    if why == "script":
        warning = f"{found} from {_kb(m.html_chars)} of HTML: the article text may be loaded by script"
    else:
        warning = f"{found} from a page showing {m.visible_prose:,}: the extractor may have missed the article text"
    return PageText(text, MAIN, warning)


def mhtml_page(data: bytes) -> tuple[str, str | None]:
    """The HTML page in an MHTML archive ("Save as: webpage, single file") and
    its address; raises ValueError when there is none."""
    import email
    import email.policy

    msg = email.message_from_bytes(data, policy=email.policy.default)
    url = msg.get("Snapshot-Content-Location")
    for part in msg.walk():
        if part.get_content_type() == "text/html" and not part.is_multipart():
            try:
                content = part.get_content()  # type: ignore[attr-defined]
            except (LookupError, ValueError) as exc:
                raise ValueError(f"cannot decode its HTML part ({exc})") from None
            html = content if isinstance(content, str) else content.decode("utf-8", "replace")
            return html, url or part.get("Content-Location")
    if not msg.is_multipart():
        raise ValueError("not an MHTML archive (no MIME parts)")
    raise ValueError("the MHTML archive holds no HTML page")
