"""The corpus summary (claimx.corpus.summary) and the corpus view of the review
page: persons under People, every other source under Other sources with its
kind, date ranges on one line."""

from __future__ import annotations

import csv
import io
import re

import pytest
from rich.console import Console

from claimx.corpus import summary as view
from claimx.corpus.build import build, summarise
from claimx.write.review import render_html

from .test_corpus import quote, record, speaker

RECORDS = [
    record("a", [speaker("s1", "Jane Smith", gender="female"), speaker("s2", "a 2014 study", kind="unnamed"),
                 speaker("s3", "the Health Ministry", kind="organisation")],
           [quote("q1", "s1", "The roads will be fixed.", name="Jane Smith", date="2025-01-02"),
            quote("q2", "s2", "Coffee is good for you.", name="a 2014 study"),
            quote("q3", "s3", "Hospitals are full.", name="the Health Ministry")],
           published="2025-01-02", url="https://www.example.com/a"),
    record("b", [speaker("s1", "Jane Smith", gender="female"), speaker("s2", "a Berlin wine merchant", kind="unnamed"),
                 speaker("s3", "the report", kind="document")],
           [quote("q1", "s1", "The bridge is next.", name="Jane Smith", date="2025-03-04"),
            quote("q2", "s2", "Prices rose.", name="a Berlin wine merchant"),
            quote("q3", "s3", "Wages fell.", name="the report")],
           published="2025-03-04", url="https://news.example.org/b"),
]
OTHERS = {"a 2014 study": "unnamed", "the Health Ministry": "organisation", "a Berlin wine merchant": "unnamed",
          "the report": "document"}


def test_persons_and_other_sources_are_apart():
    s = summarise(build(RECORDS))
    assert [(p["name"], p["kind"], p["quotes"]) for p in s["top_people"]] == [("Jane Smith", "person", 2)]
    assert {p["name"]: p["kind"] for p in s["top_other_sources"]} == OTHERS
    assert (s["top_people"][0]["first_date"], s["top_people"][0]["last_date"]) == ("2025-01-02", "2025-03-04")


def test_terminal_and_csv_show_both_sections():
    s = summarise(build(RECORDS))
    console = Console(width=100, record=True, highlight=False)
    view.render(s, console)
    out = console.export_text()
    people, others = out.index("People"), out.index("Other sources")
    assert people < out.index("Jane Smith") < others < out.index("a 2014 study")
    assert "2025-01-02\u00a0–\u00a02025-03-04" in out  # the range on one line
    rows = list(csv.reader(io.StringIO(_csv(s))))
    assert {r[1] for r in rows if r[0] == "people"} == {"Jane Smith"}
    assert {r[1] for r in rows if r[0] == "other_sources"} == set(OTHERS)
    assert [r[4] for r in rows if r[1] == "the report"] == ["document; 1 articles; 2025-03-04"]


def _csv(s: dict) -> str:
    buf = io.StringIO()
    view.write_csv(s, buf)
    return buf.getvalue()


def test_date_range_reads_on_one_line():
    assert view.dates({"first_date": "2025-01-02", "last_date": "2025-01-02"}) == "2025-01-02"
    assert view.dates({"first_date": None, "last_date": None}) == ""
    assert " " not in view.dates({"first_date": "2025-01-02", "last_date": "2025-03-04"})


@pytest.mark.parametrize(("first", "last", "page", "summary"), [
    ("2025-01-02", "2025-03-04", '<span class="nowrap">2025-01-02 – 2025-03-04</span>', "2025-01-02\u00a0–\u00a02025-03-04"),
    ("2025-01-02", "2025-01-02", '<span class="nowrap">2025-01-02</span>', "2025-01-02"),
    ("2025-01-02", None, '<span class="nowrap">2025-01-02</span>', "2025-01-02"),
    (None, "2025-03-04", '<span class="nowrap">? – 2025-03-04</span>', "?\u00a0–\u00a02025-03-04"),
    (None, None, "", ""),  # negative: no dates, no range
])
def test_the_review_page_and_the_summary_read_dates_alike(first, last, page, summary):
    """One date range (write.formats.date_range): the page's spaces, the summary's no-break ones."""
    from claimx.write.review import _date_range

    assert _date_range(first, last) == page
    assert view.dates({"first_date": first, "last_date": last}) == summary


def test_corpus_view_lists_people_and_other_sources_with_kind():
    page = render_html([], build(RECORDS))
    people = page[page.index("<h2>People"):page.index("<h2>Other sources")]
    others = page[page.index("<h2>Other sources"):page.index("<h2>Claims")]
    assert "Jane Smith" in people and not any(name in people for name in OTHERS)
    for name, kind in OTHERS.items():
        assert re.search(rf"<td>{re.escape(name)}</td><td>{kind}</td>", others)
    assert "Jane Smith" not in others
    assert '<span class="nowrap">2025-01-02 – 2025-03-04</span>' in people


def test_sources_without_a_people_row_are_still_listed(monkeypatch):
    """When ``people`` holds persons and organisations only, the documents,
    groups and unnamed sources still show under Other sources."""
    import claimx.corpus.build as corpus_module

    real = corpus_module._people

    def persons_and_organisations(got, corpus):
        person_of = real(got, corpus)
        corpus.people = [p for p in corpus.people if p["kind"] in ("person", "organisation")]
        kept = {p["id"] for p in corpus.people}
        return {k: v for k, v in person_of.items() if v in kept}

    monkeypatch.setattr(corpus_module, "_people", persons_and_organisations)
    c = build(RECORDS)
    assert {p["name"] for p in c.people} == {"Jane Smith", "the Health Ministry"}
    assert {p["name"] for p in c.unmerged_sources} == {"a 2014 study", "a Berlin wine merchant", "the report"}
    assert {p["name"]: p["kind"] for p in summarise(c)["top_other_sources"]} == OTHERS
    page = render_html([], c)
    others = page[page.index("<h2>Other sources"):page.index("<h2>Claims")]
    assert all(f"<td>{name}</td><td>{kind}</td>" in others for name, kind in OTHERS.items())
    assert '<a href="#b">b</a>' in others  # the unnamed source links to its article


def _report_in(aid: str, published: str | None = None) -> dict:
    return record(aid, [speaker("s1", "the report", kind="document"), speaker("s2", "Ann Lee")],
                  [quote("q1", "s1", f"Wages fell in {aid}.", name="the report"),
                   quote("q2", "s2", "We will not raise taxes.", name="Ann Lee")], published=published)


def test_stories_beside_articles_in_the_terminal_and_csv():
    from claimx.read.fingerprint import fingerprint

    wire = "The council approved the budget on Tuesday after a long debate about the libraries. " * 3
    recs = [dict(r, article=dict(r["article"], fingerprint=fingerprint(wire))) for r in RECORDS]  # two copies
    s = summarise(build(recs + [_report_in("c")]))
    assert (s["articles"], s["stories"]) == (3, 2)
    console = Console(width=120, record=True, highlight=False)
    view.render(s, console)
    assert "3 articles, 2 stories," in console.export_text()
    rows = list(csv.reader(io.StringIO(_csv(s))))
    assert ["totals", "stories", "2", "", ""] in rows


def test_claim_without_a_date_says_so_plainly():
    s = summarise(build([_report_in("c"), _report_in("d")]))  # "We will not raise taxes." in both, no dates
    (claim,) = s["most_reported_claims"]
    assert claim["first_date"] is None
    (row,) = [r for r in csv.reader(io.StringIO(_csv(s))) if r[0] == "most_reported_claims"]
    assert row[4] == "Ann Lee; 2 stories; no dated article" and "?" not in row[4]
    console = Console(width=120, record=True, highlight=False)
    view.render(s, console)
    assert "no dated article" in console.export_text()


def test_other_sources_are_one_row_per_name_and_kind_with_their_articles():
    """"the report" quoted in three articles is one row of three articles in
    the summary, its CSV and the corpus view, not three identical rows."""
    c = build([_report_in("c", "2025-01-02"), _report_in("d", "2025-02-03"), _report_in("e")])
    assert len(c.unmerged_sources) == 3  # the sources themselves stay apart
    (report,) = summarise(c)["top_other_sources"]
    assert (report["name"], report["kind"], report["quotes"], report["articles"]) == ("the report", "document", 3, 3)
    assert (report["first_date"], report["last_date"]) == ("2025-01-02", "2025-02-03")
    rows = [r for r in csv.reader(io.StringIO(_csv(summarise(c)))) if r[0] == "other_sources"]
    assert [r[1:3] for r in rows] == [["the report", "3"]]
    page = render_html([], c)
    others = page[page.index("<h2>Other sources"):page.index("<h2>Claims")]
    assert others.count("<td>the report</td>") == 1
    assert all(f'<a href="#{a}">{a}</a>' in others for a in "cde")
