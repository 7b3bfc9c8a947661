"""Articles in, records out: runs the pipeline over a stream of articles and
turns each Doc's plain annotations into a :class:`claimx.records.ArticleRecord`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from claimx.acts import keep_acts
from claimx.pipeline import segments
from claimx.pipeline.dates import article_dates, statement_dates
from claimx.pipeline.dates import reference_date as text_reference_date
from claimx.read import language
from claimx.read.fingerprint import fingerprint
from claimx.read.inputs import Article, InputError, Notice, outlet_name
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


T = TypeVar("T")
BATCH_CHARS = 60_000  # characters per spaCy batch (with at most --batch-size articles)
ZONE_BATCHES = 8  # batches per spaCy memory zone (read ahead, parsed, then their strings freed)


def reference_date(
    article: Article, published: dt.date | None, today: dt.date | None = None
) -> tuple[dt.date | None, str | None]:
    """The date relative expressions are resolved against, and where it came
    from. A page from a web archive falls back on the day it was saved
    (``warc-date``), which also dates a dateline that names no year."""
    if article.crawled is None:
        return text_reference_date(article.text, article.published, published, today)
    crawled = dt.date.fromisoformat(article.crawled)
    ref, source = text_reference_date(article.text, article.published, published, today or crawled)
    return (ref, source) if ref is not None else (crawled, "warc-date")


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(text=text[start:end], start=start, end=end)


def _date(text: str, start: int, end: int, value: str | None, kind: Any, rule: str) -> DateExpr:
    """A date of the record (``kind`` one of DateExpr's), with the tag of the
    rule that read it (internal)."""
    date = DateExpr(text=text[start:end], start=start, end=end, value=value, kind=kind)
    date._rule = rule
    return date


def speaking(speakers: list[dict], quotes: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """The speakers some quote is by (a member of the cast only mentioned is
    no speaker), numbered afresh in order, and each one's new id by its old."""
    said = {q["speaker"] for q in quotes if q["speaker"] is not None}
    kept = [sp for sp in speakers if sp["id"] in said]
    ids = {sp["id"]: f"s{n}" for n, sp in enumerate(kept, start=1)}
    return [{**sp, "id": ids[sp["id"]]} for sp in kept], ids


def build_record(
    article: Article,
    doc: Doc,
    published: dt.date | None = None,
    include_text: bool = False,
    today: dt.date | None = None,
    reference: tuple[dt.date | None, str | None] | None = None,
    members: bool = False,
) -> ArticleRecord:
    """The record of one article from its parsed Doc; ``reference`` (the
    reference date and its source) when it was already found on a longer text.
    ``speakers`` are the members of the cast that said something; with
    ``members`` every member (a segment's, merged with the others' before
    the ones that said nothing are dropped: :func:`claimx.pipeline.segments.merge`)."""
    text = article.shown  # the text as read: every span shows its characters
    ref, ref_source = reference if reference is not None else reference_date(article, published, today)

    speakers = doc._.claimx_speakers or []
    ids = {s["id"]: s["id"] for s in speakers}
    if not members:
        speakers, ids = speaking(speakers, doc._.claimx_quotes or [])
    raw_quotes = doc._.claimx_quotes or []
    raw_dates = doc._.claimx_dates or []
    names = {s["id"]: s["name"] for s in speakers}
    quote_dates = statement_dates(text, raw_quotes, raw_dates, ref)
    dates = [_date(text, *dated) for dated in article_dates(text, raw_dates, ref, raw_quotes, quote_dates)]

    counts: dict[str, int] = {}
    quotes = []
    for n, (q, qdate) in enumerate(zip(raw_quotes, quote_dates, strict=True), start=1):
        sid = ids.get(q["speaker"]) if q["speaker"] is not None else None
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
                content=q.get("content", "claim"),
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
        article=_info(article, ref, ref_source, whole=not members),
        speakers=[
            Speaker(
                id=s["id"],
                name=s["name"],
                kind=s["kind"],
                positions=[Position(**p) for p in s["positions"]],
                mentions=[_span(text, a, b) for a, b in s["mentions"]],
                quote_count=counts.get(s["id"], 0),
                gender=s.get("gender"),
                gender_evidence=[_span(text, a, b) for a, b in s.get("gender_evidence", [])],
            )
            for s in speakers
        ],
        quotes=quotes,
        dates=dates,
        text=text if include_text else None,
    )


def _info(article: Article, ref: dt.date | None, ref_source: str | None, whole: bool = True) -> ArticleInfo:
    """The article's metadata; a segment's piece (not ``whole``) gets no
    fingerprint: the merge gives the whole text's (:func:`segments.merge`)."""
    return ArticleInfo(
        id=article.id,
        source=article.source,
        title=article.title,
        author=article.author,
        published=article.published,
        reference_date=ref.isoformat() if ref else None,
        reference_date_source=ref_source,
        url=article.url,
        text_source=article.text_source,
        fingerprint=fingerprint(article.text) if whole else None,
        language=article.language,
        outlet=outlet_name(article.outlet, article.url),
    )


def unread_record(article: Article, published: dt.date | None = None, include_text: bool = False) -> ArticleRecord:
    """The record of an article that was not parsed (not in English): its
    metadata, and no speakers, quotes or dates."""
    ref, ref_source = reference_date(article, published)
    return ArticleRecord(article=_info(article, ref, ref_source), speakers=[], quotes=[], dates=[],
                         text=article.shown if include_text else None)


@dataclass(slots=True)
class Unread:
    """An article extract leaves unparsed (it is not in English)."""

    article: Article


def not_english(article: Article) -> Notice:
    """The notice naming an article that is not in English, and its language."""
    return Notice(article.source, f"not in English (language: {article.language}): no quotes extracted; "
                                  "--any-language extracts it anyway")


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
    any_language: bool = False,
    topics: bool = False,
) -> Iterator[ArticleRecord]:
    """Stream records for the articles in ``items`` (in order); bad inputs
    and notices go to ``on_problem`` as they are met. An article longer than
    ``segments.SEGMENT_CHARS`` is parsed in segments and merged (see
    :mod:`claimx.pipeline.segments`). With ``acts``, each record keeps only the quotes
    of those acts (ids as in the whole record). Quotes that state no claim
    (a topic only, a question) are left out unless ``topics`` (and no ``acts``).
    Each article's language is identified first (:mod:`claimx.read.language`); one
    surely not in English is named to ``on_problem`` and not parsed (its
    record has metadata only) unless ``any_language``."""
    # with workers, each identifies the language of the articles it parses
    # (here it would take this process's time from theirs); an article long
    # enough to be cut into segments here is identified here
    items = _languages(items, any_language, on_problem, only_long=n_process > 1)
    for record in _extract(items, nlp, published, include_text, batch_size, n_process, on_problem, any_language):
        yield keep_acts(record, acts, topics)


def _left_unread(article: Article, any_language: bool) -> bool:
    """Set the article's language, unless its reader identified it already
    (a web archive's page: :mod:`claimx.read.warc`); whether it is left
    unparsed (surely not in English, and ``any_language`` not given)."""
    if article.language is None:
        article.language = language.identify(article.text)[0]
    return not any_language and article.language not in (None, "en")


def _languages(
    items: Iterable[Article | InputError | Notice], any_language: bool,
    on_problem: Callable[[InputError | Notice], None] | None, only_long: bool = False,
) -> Iterator[Article | Unread | InputError | Notice]:
    """Each article with its language set; one surely not in English becomes
    :class:`Unread` (unless ``any_language``), named to ``on_problem``. It
    runs where the articles are parsed, before the parse: a cluster's
    workers, this process, or (``only_long``: the articles cut into
    segments here) the local workers (:func:`_work`)."""
    for item in items:
        if isinstance(item, Article):
            if only_long and len(item.text) <= segments.SEGMENT_CHARS:
                yield item  # a local worker identifies it
                continue
            if _left_unread(item, any_language):
                if on_problem is not None:
                    on_problem(not_english(item))
                yield Unread(item)
                continue
        yield item


def _extract(
    items: Iterable[Article | Unread | InputError | Notice],
    nlp: Language,
    published: dt.date | None,
    include_text: bool,
    batch_size: int,
    n_process: int,
    on_problem: Callable[[InputError | Notice], None] | None,
    any_language: bool = False,
) -> Iterator[ArticleRecord]:
    """The records of :func:`extract`, every quote kept."""

    def tasks() -> Iterator[tuple[str, Task]]:
        for item in items:
            if isinstance(item, Unread):
                yield "", item
            elif not isinstance(item, Article):
                if on_problem is not None:
                    on_problem(item)
            elif len(item.text) > segments.SEGMENT_CHARS:
                for seg in segments.split(item, reference_date(item, published)):
                    yield seg.piece.text, seg
            else:
                yield item.text, item

    if n_process > 1:
        results = _parallel(tasks(), nlp, n_process, published, include_text, any_language, on_problem)
    else:
        results = _sequential(tasks(), nlp, batch_size, published, include_text)
    try:
        yield from segments.assemble(results, include_text)
    finally:
        results.close()  # a run stopped early: the worker pool ends here, not when collected


Task = Article | segments.Segment | Unread  # an article, a segment of a long one, or one left unparsed


def _build(task: Task, doc: Doc | None, published: dt.date | None, include_text: bool) -> ArticleRecord:
    if isinstance(task, Unread):
        return unread_record(task.article, published, include_text)
    assert doc is not None
    return _record(*_job(task), doc, published, include_text)


def _record(
    article: Article, reference: tuple[dt.date | None, str | None] | None, doc: Doc,
    published: dt.date | None, include_text: bool,
) -> ArticleRecord:
    """The record of an article, or with ``reference`` (its article's reference
    date) of a segment's piece, whose text is not the article's."""
    if reference is not None:
        return build_record(article, doc, published=published, reference=reference, members=True)
    return build_record(article, doc, published=published, include_text=include_text)


def _sequential(
    tasks: Iterator[tuple[str, Task]], nlp: Language, batch_size: int, published: dt.date | None, include_text: bool
) -> Iterator[tuple[Task, ArticleRecord]]:
    batches = _batches(tasks, batch_size, BATCH_CHARS)
    while zone := list(itertools.islice(batches, ZONE_BATCHES)):
        # strings and lexemes spaCy adds for these articles are freed with
        # the zone, so memory does not grow with the corpus; records hold
        # plain values only and outlive it
        with nlp.memory_zone():
            for batch in zone:
                parse = [(text, task) for text, task in batch if not isinstance(task, Unread)]
                docs = nlp.pipe(parse, as_tuples=True, batch_size=max(len(parse), 1))
                for _, task in batch:
                    doc = None if isinstance(task, Unread) else next(docs)[0]
                    yield task, _build(task, doc, published, include_text)


def _batches(
    articles: Iterator[tuple[str, Task]], max_articles: int, max_chars: int
) -> Iterator[list[tuple[str, Task]]]:
    """Batches of at most ``max_articles`` and (unless one article is longer)
    ``max_chars``: the parse's peak memory follows the batch's length, so a
    character budget keeps it the same whatever articles happen to meet."""
    batch: list[tuple[str, Task]] = []
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
# a few articles at a time as they come free and send back finished records.
# spaCy's own n_process deals batches to workers in a fixed rotation, so one
# long article leaves the other worker idle; a pool balances the load. A
# chunk of a few articles is parsed as one ``nlp.pipe`` batch, which costs
# each worker about 5 % less than one article at a time, in a memory zone
# that lasts many chunks (``RollingZone``); small chunks keep the run's tail
# short, and the last chunks go one article at a time (``_last_apart``).
_WORKER: tuple[Language, dt.date | None, bool, bool] | None = None
CHUNK_ARTICLES = 4  # articles a worker takes at a time (fewer when they are long)
WINDOW_PER_WORKER = 4  # chunks in flight per worker: bounds memory on endless input

# what a worker is sent for one task: the article, and for a segment of a
# long article (a piece with a text of its own) the article's reference date
Job = tuple[Article, "tuple[dt.date | None, str | None] | None"]


def _job(task: Task) -> Job:
    # a segment travels as its piece only, not with the whole text
    if isinstance(task, segments.Segment):
        return task.piece, task.reference
    return task, None


class RollingZone:
    """A spaCy memory zone kept open over ``size`` calls of :meth:`next`,
    then closed and opened anew: a worker parses its chunks in one zone for
    as many articles as the one-process path parses in one (``ZONE_BATCHES``
    batches). Inside a zone spaCy remembers the words it has met (their
    lexemes, the tokenizer's analyses); a zone per chunk of four articles
    made each worker analyse most words afresh, about 5 % more CPU per
    article. Records hold plain values only, so they outlive their zone."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.stack = contextlib.ExitStack()
        self.used = size

    def next(self, nlp: Language) -> None:
        """Enter the zone the next chunk is parsed in."""
        if self.used >= self.size:
            self.stack.close()  # the strings of the chunks before are freed
            self.stack = contextlib.ExitStack()
            self.stack.enter_context(nlp.memory_zone())
            self.used = 0
        self.used += 1


ZONE_CHUNKS = 32  # a worker's chunks per memory zone: up to 128 articles, as ZONE_BATCHES batches of 16 in one process
_ZONE = RollingZone(ZONE_CHUNKS)  # entered in the workers only (each has its own copy)


def _work(jobs: list[Job]) -> list[tuple[ArticleRecord, Notice | None]]:
    """The records of a chunk's articles, each with the notice of one left
    unread: the worker identifies each whole article's language (a segment's
    was identified before the article was cut) and parses those in English
    (all of them with ``any_language``)."""
    assert _WORKER is not None
    nlp, published, include_text, any_language = _WORKER
    unread: set[int] = set()
    for k, (article, reference) in enumerate(jobs):
        if reference is None and _left_unread(article, any_language):
            unread.add(k)
    _ZONE.next(nlp)
    parse = [job for k, job in enumerate(jobs) if k not in unread]
    docs = iter(nlp.pipe((article.text for article, _ in parse), batch_size=max(len(parse), 1)))
    return [
        (unread_record(article, published, include_text), not_english(article)) if k in unread
        else (_record(article, reference, next(docs), published, include_text), None)
        for k, (article, reference) in enumerate(jobs)
    ]


def _parallel(
    tasks: Iterator[tuple[str, Task]], nlp: Language, n_process: int,
    published: dt.date | None, include_text: bool, any_language: bool = False,
    on_problem: Callable[[InputError | Notice], None] | None = None,
) -> Iterator[tuple[Task, ArticleRecord]]:
    global _WORKER
    _WORKER = (nlp, published, include_text, any_language)
    window = WINDOW_PER_WORKER * n_process
    from threadpoolctl import threadpool_limits

    chunks = _last_apart(_batches(tasks, CHUNK_ARTICLES, BATCH_CHARS // 4), n_process)
    language.identifier()  # a thread still loading it (language.preload) must not be forked
    # one BLAS thread per process: the workers already fill the cores, and
    # BLAS's own threads on top of them make every process crawl
    with threadpool_limits(limits=1), _forked_pool(n_process) as pool:
        pending: deque[tuple[list[Task], Any]] = deque()  # chunks in input order; at most `window` in flight
        for chunk in chunks:
            sent = [task for _, task in chunk]
            jobs = [_job(t) for t in sent if not isinstance(t, Unread)]  # an unread article is not parsed
            pending.append((sent, pool.apply_async(_work, (jobs,)) if jobs else None))
            if len(pending) >= window:
                yield from _collect(*pending.popleft(), published, include_text, on_problem)
        while pending:
            yield from _collect(*pending.popleft(), published, include_text, on_problem)


def _forked_pool(n_process: int) -> Any:
    """A pool of ``n_process`` workers forked from this process. The objects
    alive here (the model, the lexicons) are frozen for the fork
    (``gc.freeze``, as the ``gc`` module's documentation advises): the
    workers' garbage collections then never visit them, so they cost less
    and leave the pages they share with this process uncopied."""
    import gc
    import multiprocessing

    from claimx.signals import worker_defaults

    gc.freeze()
    try:
        return multiprocessing.get_context("fork").Pool(n_process, worker_defaults)
    finally:
        gc.unfreeze()  # this process collects as before


def _last_apart(chunks: Iterator[list[T]], last: int) -> Iterator[list[T]]:
    """``chunks`` as they come, but the ``last`` ones one task at a time: at
    the end of a run a worker that is done waits for the others to finish
    what they hold, for a whole chunk's time without this, for one article's
    with it. (Read ahead by ``last`` chunks.)

    >>> list(_last_apart(iter([[1, 2], [3, 4], [5, 6], [7]]), 2))
    [[1, 2], [3, 4], [5], [6], [7]]
    """
    ahead: deque[list[T]] = deque()
    for chunk in chunks:
        ahead.append(chunk)
        if len(ahead) > last:
            yield ahead.popleft()
    for chunk in ahead:
        for task in chunk:
            yield [task]


def _collect(
    sent: list[Task], result: Any, published: dt.date | None, include_text: bool,
    on_problem: Callable[[InputError | Notice], None] | None = None,
) -> Iterator[tuple[Task, ArticleRecord]]:
    """A chunk's tasks with their records: the workers' (those they left
    unread named to ``on_problem`` here, in order), a metadata-only record
    for those left unread before."""
    parsed = iter(result.get() if result is not None else [])
    for task in sent:
        if isinstance(task, Unread):
            yield task, unread_record(task.article, published, include_text)
            continue
        record, notice = next(parsed)
        if notice is not None and on_problem is not None:
            on_problem(notice)
        yield task, record
