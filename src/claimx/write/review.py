"""The review page (``-f html``): one self-contained HTML file showing each
article with every quote highlighted in its speaker's colour, cues and
speaker mentions marked, dates underlined with their value, and tables of
quotes and speakers. No scripts, fonts or links outside the file; every piece
of article text is escaped.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from claimx.write.formats import date_range, quote_words

if TYPE_CHECKING:
    from claimx.corpus.build import Corpus

LOW_CONFIDENCE = 0.6

CSS = """
body{font:15px/1.55 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header.top{padding:12px 24px;background:#222;color:#fff}header.top h1{margin:0;font-size:18px}
nav.toc{padding:8px 24px;background:#eee}nav.toc a{margin-right:14px}
section.article{display:grid;grid-template-columns:minmax(0,1fr);gap:24px;padding:16px 24px;border-bottom:2px solid #ddd}
section.article>.reading{max-width:56em}
@media (min-width:1700px){section.article{grid-template-columns:minmax(0,56em) minmax(0,1fr)}}
.text{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;padding:16px;border:1px solid #ddd;border-radius:6px}
.meta{color:#555;font-size:13px;margin:0 0 8px}
mark.q{border-radius:2px;padding:0 1px;color:inherit}
mark.q.direct{background:var(--c)}
mark.q.mixed{background:linear-gradient(var(--c),var(--c));background-size:100% 45%;background-position:0 100%;background-repeat:no-repeat;outline:1px dotted #555}
mark.q.indirect{background:transparent;border-bottom:3px dashed var(--c)}
mark.q.low{outline:2px solid #d00}
.cue{font-weight:700;text-decoration:underline}
.mention{font-variant:small-caps;border:1px solid #888;border-radius:3px;padding:0 2px}
abbr.date{text-decoration:underline wavy #2a7;cursor:help}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #ddd;padding:3px 5px;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{white-space:nowrap}table.quotes td:last-child,td.qtext{min-width:20em}.nowrap{white-space:nowrap}
th{background:#f0f0f0}tr.low td{background:#fee}.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;background:var(--c)}
.legend span{margin-right:12px}
section.corpus{padding:16px 24px;border-bottom:2px solid #ddd}
p.note{background:#fff6d6;border:1px solid #e0c060;border-radius:4px;padding:6px 10px}
"""


def speaker_colour(index: int) -> str:
    hue = (index * 137) % 360
    return f"hsl({hue} 85% 80%)"


def _segments(text: str, record: dict) -> str:
    """The article text as HTML, with quotes, cues, mentions and dates marked."""
    colours = {s["id"]: speaker_colour(i) for i, s in enumerate(record["speakers"])}
    quote_spans = []  # (start, end, quote)
    for q in record["quotes"]:
        for part in q.get("parts") or [q]:
            quote_spans.append((part["start"], part["end"], q))
    marks = []  # (start, end, kind, payload)
    for q in record["quotes"]:
        if q["cue"]:
            marks.append((q["cue"]["start"], q["cue"]["end"], "cue", q))
    for s in record["speakers"]:
        for m in s["mentions"]:
            marks.append((m["start"], m["end"], "mention", s))
    for d in record["dates"]:
        marks.append((d["start"], d["end"], "date", d))
    cuts = {0, len(text)}
    for s, e, *_ in quote_spans + marks:
        cuts.update((s, e))
    cuts = sorted(c for c in cuts if 0 <= c <= len(text))
    out = []
    first_segment: set[str] = set()
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a == b:
            continue
        piece = escape(text[a:b])
        for s, e, kind, obj in marks:
            if s <= a and b <= e:
                if kind == "cue":
                    piece = f'<span class="cue" title="cue: {escape(obj["cue"]["lemma"])}">{piece}</span>'
                elif kind == "mention":
                    piece = f'<span class="mention" title="{escape(obj["name"])}">{piece}</span>'
                else:
                    value = obj["value"] or "unresolved"
                    piece = f'<abbr class="date" title="{escape(value)} ({obj["kind"]})">{piece}</abbr>'
                break
        for s, e, q in quote_spans:
            if s <= a and b <= e:
                classes = ["q", q["type"]]
                if q["confidence"] < LOW_CONFIDENCE:
                    classes.append("low")
                colour = colours.get(q["speaker"], "hsl(0 0% 85%)")
                anchor = ""
                if q["id"] not in first_segment:
                    first_segment.add(q["id"])
                    anchor = f' id="{escape(record["article"]["id"])}-{q["id"]}"'
                title = (f'{q["id"]} {q["type"]} {q["act"]}: {q["speaker_name"] or "unknown speaker"} '
                         f'({q["confidence"]})')
                piece = (f'<mark{anchor} class="{" ".join(classes)}" style="--c:{colour}" data-q="{q["id"]}" '
                         f'title="{escape(title)}">{piece}</mark>')
                break
        out.append(piece)
    return "".join(out)


def _gender(speaker: dict) -> str:
    """"female (she, Ms.)": the gender and the words it was read from; "—" without one."""
    if not speaker.get("gender"):
        return "—"
    words = list(dict.fromkeys(e["text"] for e in speaker.get("gender_evidence") or []))
    return f"{speaker['gender']} ({', '.join(words[:4])}{', …' if len(words) > 4 else ''})" if words else speaker["gender"]


def _unread_note(record: dict) -> str:
    """Why an article not in English has no quotes (claimx left it unread,
    as the notice on stderr said): its language and ``--any-language``; ""
    for any other article."""
    lang = record["article"].get("language")
    if record["quotes"] or record["speakers"] or lang in (None, "en"):
        return ""
    return (f'<p class="note">No quotes: the article is not in English (language: {escape(lang)}), so claimx '
            "did not read it; <code>claimx extract --any-language</code> extracts it anyway.</p>")


def _article(record: dict, index: int) -> str:
    art = record["article"]
    text = record.get("text") or ""
    aid = escape(art["id"])
    names = {s["id"]: s for s in record["speakers"]}
    colours = {s["id"]: speaker_colour(i) for i, s in enumerate(record["speakers"])}
    rows = []
    for q in record["quotes"]:
        sp = names.get(q["speaker"]) if q["speaker"] else None
        positions = "; ".join(p["text"] for p in sp["positions"]) if sp else ""
        low = ' class="low"' if q["confidence"] < LOW_CONFIDENCE else ""
        swatch = f'<span class="swatch" style="--c:{colours.get(q["speaker"], "#ccc")}"></span>'
        words = quote_words(q)
        preview = words if len(words) <= 90 else words[:87] + "…"
        rows.append(
            f"<tr{low}><td><a href=\"#{aid}-{q['id']}\">{q['id']}</a></td>"
            f"<td>{swatch}{escape(q['speaker_name'] or '—')}</td><td>{escape(positions)}</td>"
            f"<td>{q['type']}</td><td>{q['act']}</td><td>{escape(q.get('content') or '')}</td>"
            f"<td>{escape((q['cue'] or {}).get('text', ''))}</td>"
            f"<td class=\"nowrap\">{escape(q['date'] or '')}</td><td>{q['confidence']:.2f}</td>"
            f"<td>{escape(preview)}</td></tr>"
        )
    speakers = []
    for s in record["speakers"]:
        positions = "; ".join(p["text"] for p in s["positions"])
        speakers.append(
            f'<tr><td><span class="swatch" style="--c:{colours[s["id"]]}"></span>{escape(s["name"])}</td>'
            f"<td>{s['kind']}</td><td>{escape(_gender(s))}</td><td>{escape(positions)}</td>"
            f"<td>{s['quote_count']}</td></tr>"
        )
    meta = " · ".join(
        escape(str(v)) for v in (
            art.get("outlet"), art.get("source"), art.get("author"),
            f"language {art['language']}" if art.get("language") not in (None, "en") else None,
            f"reference date {art['reference_date']} ({art['reference_date_source']})" if art.get("reference_date") else "no reference date",
        ) if v
    )
    return f"""<section class="article" id="{aid}">
<div class="reading"><h2>{escape(art.get('title') or art['id'])}</h2><p class="meta">{meta}</p>
<div class="text">{_segments(text, record)}</div></div>
<div class="tables"><h3>Quotes ({len(record['quotes'])})</h3>{_unread_note(record)}
<div class="scroll"><table class="quotes"><tr><th>#</th><th>speaker</th><th>position</th><th>type</th><th>act</th><th>content</th><th>cue</th>
<th>date</th><th>conf.</th><th>text</th></tr>
{''.join(rows)}</table></div>
<h3>Speakers ({len(record['speakers'])})</h3>
<div class="scroll"><table><tr><th>name</th><th>kind</th><th>gender</th><th>positions</th><th>quotes</th></tr>{''.join(speakers)}</table></div></div>
</section>"""


def _links(pairs: list[tuple[str, str]]) -> str:
    return " ".join(f'<a href="#{escape(href)}">{escape(label)}</a>' for href, label in pairs)


def _date_range(first: str | None, last: str | None) -> str:
    """A date range on one line (:func:`~claimx.write.formats.date_range`)."""
    text = date_range(first, last)
    return f'<span class="nowrap">{escape(text)}</span>' if text else ""


def _sources_table(rows: list[dict], articles_of: dict[str, list[str]], kind: bool) -> str:
    """People (``kind`` False) or other sources (with their kind), each linking to its articles."""
    head = "<th>name</th>" + ("<th>kind</th>" if kind else "") + ("<th>quotes</th><th>articles</th><th>dates</th>"
                                                                  "<th>positions</th><th>gender</th>")
    body = "".join(
        f"<tr><td>{escape(p['name'])}</td>" + (f"<td>{escape(p['kind'])}</td>" if kind else "")
        + f"<td>{p['quotes']}</td><td>{_links([(a, a) for a in sorted(set(articles_of.get(p['id'], [])))])}</td>"
        f"<td>{_date_range(p['first_date'], p['last_date'])}</td>"
        f"<td>{escape(p['positions'] or '')}</td><td>{escape(p['gender'] or '')}</td></tr>"
        for p in rows
    )
    return f'<div class="scroll"><table>{"<tr>" + head + "</tr>"}{body}</table></div>'


def _corpus_section(corpus: Corpus) -> str:
    """People, other sources (organisations, documents, groups, unnamed
    sources) and the claims reported by more than one article, each linking
    to the articles' highlights below."""
    articles_of: dict[str, list[str]] = {}
    for link in corpus.person_speakers:
        articles_of.setdefault(link["person_id"], []).append(link["article_id"])
    sources = corpus.other_sources()  # one row per name and kind, as the summary counts them
    for source in sources:
        articles_of[source["id"]] = source["article_ids"]
    quoted = [p for p in corpus.people + sources if p["quotes"]]
    people = [p for p in quoted if p["kind"] == "person"]
    others = [p for p in quoted if p["kind"] != "person"]
    quotes_of: dict[str, list[tuple[str, str]]] = {}
    for link in corpus.claim_quotes:
        quotes_of.setdefault(link["claim_id"], []).append(
            (f"{link['article_id']}-{link['quote_id']}", f"{link['article_id']} {link['quote_id']}"))
    shared = [c for c in corpus.claims if c["articles"] > 1]
    claims = "".join(
        f"<tr><td class=\"qtext\">{escape(c['text'])}</td><td>{escape(c['speaker'] or '—')}</td>"
        f"<td>{c['articles']}</td><td><span class=\"nowrap\">{escape(c['first_date'] or '')}</span> "
        f"{escape(c['first_article_id'] or '')}</td><td>{_links(quotes_of.get(c['id'], []))}</td></tr>"
        for c in shared
    )
    return f"""<section class="corpus" id="corpus">
<h2>People ({len(people)} quoted)</h2>
{_sources_table(people, articles_of, kind=False)}
<h2>Other sources ({len(others)} quoted: organisations, documents, groups, unnamed sources)</h2>
{_sources_table(others, articles_of, kind=True)}
<h2>Claims reported by more than one article ({len(shared)} of {len(corpus.claims)})</h2>
<div class="scroll"><table><tr><th>claim</th><th>speaker</th><th>articles</th><th>first</th><th>occurrences</th></tr>
{claims}</table></div>
</section>"""


def render_html(records: list[dict], corpus: Corpus | None = None) -> str:
    """The review page; with ``corpus`` (``claimx corpus --html``) a corpus view
    of people and claims comes first."""
    toc = ""
    if len(records) > 1:
        links = "".join(
            f'<a href="#{escape(r["article"]["id"])}">{escape(r["article"].get("title") or r["article"]["id"])}</a>'
            for r in records
        )
        toc = f'<nav class="toc">{links}</nav>'
    legend = ('<p class="legend"><span><mark class="q direct" style="--c:hsl(50 85% 80%)">direct</mark></span>'
              '<span><mark class="q mixed" style="--c:hsl(50 85% 80%)">mixed</mark></span>'
              '<span><mark class="q indirect" style="--c:hsl(50 85% 80%)">indirect</mark></span>'
              '<span><mark class="q direct low" style="--c:hsl(50 85% 80%)">low confidence</mark></span>'
              '<span class="cue">cue</span> <span class="mention">speaker mention</span> '
              '<abbr class="date" title="normalised value">date</abbr></p>'
              '<p class="legend">act: <span><b>speech</b> said, told, according to</span>'
              '<span><b>belief</b> believes, expects that, praised (a stance)</span>'
              '<span><b>fact</b> a study found, data show, knew</span>'
              '<span><b>intention</b> plans to, wants to, urged X to</span></p>')
    body = "\n".join(_article(r, i) for i, r in enumerate(records))
    if corpus is not None:
        body = _corpus_section(corpus) + "\n" + body
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="generator" content="claimx"><title>claimx review</title><style>{CSS}</style></head>
<body><header class="top"><h1>claimx review: {len(records)} article(s)</h1>{legend}</header>{toc}
{body}
</body></html>
"""
