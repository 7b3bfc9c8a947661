"""Articles in, records out: runs the pipeline over a stream of articles and
turns each Doc's plain annotations into a :class:`claimx.records.ArticleRecord`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from claimx.acts import keep_acts
from claimx.dates import (
    dateline_date,
    infer_reference_date,
    is_calendar,
    looks_temporal,
    names_quarter,
    normalise,
    sentence_quarter,
)
from claimx.inputs import Article, InputError, Notice
from claimx.records import (
    ArticleInfo,
    ArticleRecord,
    Cue,
    DateExpr,
    Position,
    Quote,
    SentenceRef,
    Speaker,
    TextSpan,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


BATCH_CHARS = 60_000  # characters per spaCy batch (with at most --batch-size articles)
ZONE_BATCHES = 8  # batches per spaCy memory zone (read ahead, parsed, then their strings freed)


def reference_date(
    article: Article, published: dt.date | None, today: dt.date | None = None
) -> tuple[dt.date | None, str | None]:
    """The date relative expressions are resolved against, and where it came from."""
    if article.published:
        return dt.date.fromisoformat(article.published), "metadata"
    if published is not None:
        return published, "option"
    d = dateline_date(article.text, today)
    if d is not None:
        return d, "dateline"
    d = infer_reference_date(article.text, today)
    if d is not None:
        return d, "text"
    return None, None


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(text=text[start:end], start=start, end=end)


def build_record(
    article: Article,
    doc: Doc,
    published: dt.date | None = None,
    include_text: bool = False,
    today: dt.date | None = None,
) -> ArticleRecord:
    text = article.text
    ref, ref_source = reference_date(article, published, today)

    speakers = doc._.claimx_speakers or []
    raw_quotes = doc._.claimx_quotes or []
    raw_dates = doc._.claimx_dates or []
    names = {s["id"]: s["name"] for s in speakers}

    # dates of statements: the expression attached to the cue, else the same
    # speaker's previous statement
    by_head: dict[int, tuple[int, int, str]] = {}
    for start, end, tense, head, _quarterly, _figures in raw_dates:
        if head >= 0:
            by_head.setdefault(head, (start, end, tense))
    quote_dates: list[str | None] = []
    last_by_speaker: dict[str, str | None] = {}
    for q in raw_quotes:
        value: str | None = None
        if q["cue"] is not None and q["cue"][0] in by_head:
            start, end, tense = by_head[q["cue"][0]]
            v, kind = normalise(text[start:end], ref, "past")
            # a statement is made on a day ("said on Sunday", "told reporters late
            # Sunday night"), not "the first quarter is expected to"
            said = any(a <= start < b for a, b in q["parts"])  # inside the words said
            if v and re.match(r"\d{4}-\d{2}-\d{2}(?:T|$)", v) and not said:
                value = v[:10]
        if value is None and q["speaker"] is not None:
            value = last_by_speaker.get(q["speaker"])
        if q["speaker"] is not None:
            last_by_speaker[q["speaker"]] = value
        quote_dates.append(value)

    # the words of direct and mixed quotes with a day, by start: "tomorrow"
    # inside them is the day after that statement (the cue between the parts
    # of a quote is the reporter's: "..." she said yesterday, "...")
    dated = sorted(
        (a, b, dt.date.fromisoformat(d))
        for q, d in zip(raw_quotes, quote_dates, strict=True)
        if q["type"] != "indirect" and d and len(d) == 10
        for a, b in q["parts"]
    )
    dated_starts = [s for s, _, _ in dated]

    def statement_date(pos: int) -> dt.date | None:
        """The date of the dated direct quote whose words hold ``pos``, if any."""
        k = bisect_right(dated_starts, pos) - 1  # statements do not overlap
        return dated[k][2] if k >= 0 and pos < dated[k][1] else None

    dates = []
    last_quarter: str | None = None  # the latest quarter the article named
    previous: str | None = None  # the latest calendar date it named ("that day" is that one)
    for start, end, tense, _head, quarterly, figures in raw_dates:
        anchor = statement_date(start) or ref
        expr = text[start:end]
        quarter = sentence_quarter(expr, quarterly, figures, last_quarter, ref)
        value, kind = normalise(expr, anchor, tense, quarter, previous)
        if value is None and not looks_temporal(expr):
            continue  # not a date after all ("Olympic", "seasonally"); real ones stay, with value null
        if names_quarter(expr, value):
            last_quarter = value
        if kind in ("date", "time") and is_calendar(value):
            previous = value
        dates.append(DateExpr(text=expr, start=start, end=end, value=value, kind=kind))

    counts: dict[str, int] = {}
    quotes = []
    for n, (q, qdate) in enumerate(zip(raw_quotes, quote_dates, strict=True), start=1):
        sid = q["speaker"]
        if sid is not None:
            counts[sid] = counts.get(sid, 0) + 1
        parts = q["parts"]
        mention = _span(text, *q["source"]) if q["source"] else None
        cue = None
        if q["cue"] is not None:
            cs, ce, lemma = q["cue"]
            cue = Cue(text=text[cs:ce], start=cs, end=ce, lemma=lemma)
        quotes.append(
            Quote(
                id=f"q{n}",
                type=q["type"],
                act=q["act"],
                text=text[q["start"] : q["end"]],
                start=q["start"],
                end=q["end"],
                parts=[_span(text, s, e) for s, e in parts] if len(parts) > 1 else None,
                speaker=sid,
                speaker_name=names.get(sid) if sid else (mention.text if mention else None),
                speaker_mention=mention,
                cue=cue,
                addressee=_span(text, *q["addressee"]) if q["addressee"] else None,
                date=qdate,
                paragraph=q["paragraph"],
                sentence=SentenceRef(start=q["sentence"][0], end=q["sentence"][1]),
                confidence=q["confidence"],
            )
        )

    return ArticleRecord(
        article=ArticleInfo(
            id=article.id,
            source=article.source,
            title=article.title,
            author=article.author,
            published=article.published,
            reference_date=ref.isoformat() if ref else None,
            reference_date_source=ref_source,
            url=article.url,
        ),
        speakers=[
            Speaker(
                id=s["id"],
                name=s["name"],
                kind=s["kind"],
                positions=[Position(**p) for p in s["positions"]],
                mentions=[_span(text, a, b) for a, b in s["mentions"]],
                quote_count=counts.get(s["id"], 0),
            )
            for s in speakers
        ],
        quotes=quotes,
        dates=dates,
        text=text if include_text else None,
    )


def extract(
    items: Iterable[Article | InputError | Notice],
    nlp: Language,
    *,
    published: dt.date | None = None,
    include_text: bool = False,
    batch_size: int = 16,
    n_process: int = 1,
    on_problem: Callable[[InputError | Notice], None] | None = None,
    acts: frozenset[str] | None = None,
) -> Iterator[ArticleRecord]:
    """Stream records for the articles in ``items`` (in order); bad inputs
    and notices go to ``on_problem`` as they are met. With ``acts``, each
    record keeps only the quotes of those acts (ids as in the whole record)."""
    for record in _extract(items, nlp, published, include_text, batch_size, n_process, on_problem):
        yield keep_acts(record, acts)


def _extract(
    items: Iterable[Article | InputError | Notice],
    nlp: Language,
    published: dt.date | None,
    include_text: bool,
    batch_size: int,
    n_process: int,
    on_problem: Callable[[InputError | Notice], None] | None,
) -> Iterator[ArticleRecord]:
    """The records of :func:`extract`, every quote kept."""

    def articles() -> Iterator[tuple[str, Article]]:
        for item in items:
            if isinstance(item, Article):
                yield item.text, item
            elif on_problem is not None:
                on_problem(item)

    if n_process > 1:
        yield from _parallel(articles(), nlp, n_process, published, include_text)
        return
    batches = _batches(articles(), batch_size, BATCH_CHARS)
    while zone := list(itertools.islice(batches, ZONE_BATCHES)):
        # strings and lexemes spaCy adds for these articles are freed with
        # the zone, so memory does not grow with the corpus; records hold
        # plain values only and outlive it
        with nlp.memory_zone():
            for batch in zone:
                for doc, article in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
                    yield build_record(article, doc, published=published, include_text=include_text)


def _batches(
    articles: Iterator[tuple[str, Article]], max_articles: int, max_chars: int
) -> Iterator[list[tuple[str, Article]]]:
    """Batches of at most ``max_articles`` and (unless one article is longer)
    ``max_chars``: the parse's peak memory follows the batch's length, so a
    character budget keeps it the same whatever articles happen to meet."""
    batch: list[tuple[str, Article]] = []
    size = 0
    for text, article in articles:
        if batch and (len(batch) >= max_articles or size + len(text) > max_chars):
            yield batch
            batch, size = [], 0
        batch.append((text, article))
        size += len(text)
    if batch:
        yield batch


# Worker processes are forked with the loaded pipeline (copy-on-write), take
# one article at a time as they come free and send back finished records.
# spaCy's own n_process deals batches to workers in a fixed rotation, so one
# long article leaves the other worker idle; a pool balances the load.
_WORKER: tuple[Language, dt.date | None, bool] | None = None
WINDOW_PER_WORKER = 16  # articles in flight per worker: bounds memory on endless input


def _work(article: Article) -> ArticleRecord:
    assert _WORKER is not None
    nlp, published, include_text = _WORKER
    with nlp.memory_zone():
        return build_record(article, nlp(article.text), published=published, include_text=include_text)


def _parallel(
    articles: Iterator[tuple[str, Article]], nlp: Language, n_process: int,
    published: dt.date | None, include_text: bool,
) -> Iterator[ArticleRecord]:
    import multiprocessing
    from collections import deque

    global _WORKER
    _WORKER = (nlp, published, include_text)
    window = WINDOW_PER_WORKER * n_process
    stream = (article for _, article in articles)
    from threadpoolctl import threadpool_limits

    # one BLAS thread per process: the workers already fill the cores, and
    # BLAS's own threads on top of them make every process crawl
    with threadpool_limits(limits=1), multiprocessing.get_context("fork").Pool(n_process) as pool:
        pending: deque = deque()  # results in input order; at most `window` in flight
        for article in stream:
            pending.append(pool.apply_async(_work, (article,)))
            if len(pending) >= window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
