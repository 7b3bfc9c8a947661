"""The ``claimx`` command line: a thin layer over the library.

stdout carries data only; progress, notices and errors go to stderr. Exit
codes: 0 all good, 1 some inputs failed (the rest are still written), 2 usage.
spaCy is imported only by the commands that need it.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from claimx import __version__
from claimx.write.formats import Format, SummaryFormat, Table

app = typer.Typer(
    name="claimx",
    help="Extract who said what, in what capacity, how and when from news articles.\n\n"
    "The manual (commands, inputs, output formats, accuracy) is in the docs/ folder of the claimx source: "
    "start at docs/README.md.",
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        print(f"claimx {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Extract quotes, speakers, positions and dates from news articles."""


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {_esc(message)}", markup=True, highlight=False)
    return typer.Exit(code)


def _load_nlp(model: str | None):
    from claimx.pipeline import allocator
    from claimx.pipeline.nlp import ModelError, load

    allocator.tune()  # this process parses: see claimx.pipeline.allocator
    try:
        return load(model)
    except ModelError as exc:
        raise _fail(str(exc)) from None


def _parse_published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD", param_hint="--published") from None


TOPICS_HELP = ("Also keep reports that state no claim: a topic only ('cited the polls') or a question ('asked "
               "whether ...'), marked by their content field; no --acts filter returns them.")
ANY_LANGUAGE_HELP = ("Extract articles the language check finds not in English too (by default each is named on "
                     "stderr and gives a record with no quotes).")
ACTS_HELP = "Keep only quotes of these acts, comma-separated: speech, belief, fact, intention (default: all)."


def _check_topics(acts: frozenset[str] | None, topics: bool) -> None:
    """``--topics`` keeps reports no act filter returns: with ``--acts`` it would be dropped unsaid."""
    if topics and acts is not None:
        raise typer.BadParameter("--topics keeps reports with no claim, which an --acts filter never returns; "
                                 "give one or the other", param_hint="--topics")


def _acts_option(value: str | None) -> frozenset[str] | None:
    """``--acts`` parsed as it is read: the set of acts, or a usage error naming them."""
    from claimx.acts import parse_acts

    try:
        return parse_acts(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--acts") from None


def _stdout():
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        try:
            out.reconfigure(encoding="utf-8")
        except (ValueError, OSError):
            pass
    return out


class _Problems:
    """Reports bad inputs and notices on stderr as they are met, and counts failures."""

    def __init__(self, quiet: bool) -> None:
        self.failed = 0
        self.quiet = quiet

    def __call__(self, item) -> None:
        from claimx.read.inputs import InputError

        if isinstance(item, InputError):
            self.failed += 1
            err.print(f"[bold red]error:[/] {_esc(str(item))}")
        elif not self.quiet:
            err.print(f"[yellow]warning:[/] {_esc(str(item))}" if getattr(item, "warning", True) else _esc(str(item)))


def _esc(text: str) -> str:
    """A message for the terminal: no markup read into it, no control character let through."""
    from rich.markup import escape

    from claimx.write.terminal import visible

    return escape(visible(text))


@app.command()
def extract(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Articles: .txt, .html/.htm/.mhtml, .jsonl or .csv files, web archives (.warc, .warc.gz), directories, globs, http(s) URLs, or - for stdin."),
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="Output format (default: from the --output suffix, else yaml)."),
    ] = None,
    output_arg: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write to FILE (atomically), or one file per article into DIR/, or to an fsspec URL (s3://bucket/out/, file:///srv/out.jsonl; S3 needs s3fs). Default: stdout."),
    ] = None,
    table: Annotated[Table, typer.Option("--table", help="CSV/TSV: one row per quote, speaker or date.")] = Table.quotes,
    published: Annotated[
        str | None, typer.Option("--published", metavar="YYYY-MM-DD", help="Article date where metadata lacks one.")
    ] = None,
    include_text: Annotated[
        bool, typer.Option("--include-text", help="Add the article text (which all offsets index) to the output.")
    ] = False,
    acts: Annotated[str | None, typer.Option("--acts", metavar="ACT,...", help=ACTS_HELP, callback=_acts_option)] = None,
    topics: Annotated[bool, typer.Option("--topics", help=TOPICS_HELP)] = False,
    model: Annotated[
        str | None, typer.Option("--model", metavar="NAME_OR_PATH", help="spaCy pipeline to use.")
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=0, help="Parallel processes (0 = all cores).")
    ] = 1,
    batch_size: Annotated[
        int,
        typer.Option("--batch-size", min=1, help="Most articles per spaCy batch with one worker; a batch also stops at 60,000 characters, which keeps memory flat (several workers take one article at a time)."),
    ] = 16,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or warnings.")] = False,
    from_urls: Annotated[
        list[str] | None,
        typer.Option("--from-urls", metavar="FILE", help="Also fetch the web pages listed in FILE, one URL a line (- for stdin)."),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, metavar="SECONDS", help="Web pages: seconds to wait for the server (each try; two more tries follow a timeout).")
    ] = 20.0,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", metavar="ADDRESS", help="Run on a Dask cluster: a scheduler address (tcp://host:8786), a scheduler file (.json), or local[:N] for N local worker processes. Writes -o DIR/ in partitions with a manifest; needs claimx\\[dask]."),
    ] = None,
    partition_size: Annotated[
        str | None,
        typer.Option("--partition-size", metavar="BYTES", help="With --scheduler: the most input per partition (e.g. 4MB, the default; smaller for a small corpus)."),
    ] = None,
    any_language: Annotated[bool, typer.Option("--any-language", help=ANY_LANGUAGE_HELP)] = False,
    feeds: Annotated[list[str] | None, typer.Option("--feed", metavar="URL|FILE", help="Also extract every article an RSS, Atom or JSON feed or a sitemap lists; with -o DIR/ or -o FILE.db, those already there are skipped (run it daily: only new ones are added). Links to localhost or IP addresses are dropped. The feeds: summary line is printed even with -q (it is the run's result). Repeatable.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, metavar="N", help="With --feed: extract at most N new articles this run.")] = None,
) -> None:
    """Extract quotes, speakers, positions and dates. [dim]Example: claimx extract article.txt -f json[/]"""
    from claimx.signals import stop_on_signals

    ctx.with_resource(stop_on_signals())  # SIGTERM and SIGHUP stop the run like Ctrl-C
    if not paths and not from_urls and not feeds:
        raise typer.BadParameter("give at least one PATH or URL, or --from-urls FILE, or --feed URL", param_hint="PATH...")
    if limit is not None and not feeds:
        raise typer.BadParameter("--limit counts the new articles of --feed; give a --feed", param_hint="--limit")
    pub = _parse_published(published)
    _check_topics(acts, topics)
    if scheduler is not None:
        _extract_on_cluster(paths or [], output_arg, fmt, scheduler, partition_size, model, pub, include_text, quiet,
                            bool(from_urls or feeds), acts, any_language, topics)
        return
    _extract_here(paths or [], from_urls or [], feeds or [], limit, fmt, output_arg, table, pub, include_text, acts,
                  model, workers, batch_size, quiet, timeout, any_language, topics)


def _extract_here(paths: list[str], from_urls: list[str], feeds: list[str], limit: int | None, fmt: Format | None,
                  output_arg: str | None, table: Table, pub: dt.date | None, include_text: bool,
                  acts: frozenset[str] | None, model: str | None, workers: int, batch_size: int, quiet: bool,
                  timeout: float, any_language: bool, topics: bool) -> None:
    """``extract`` on this machine: read, extract and write."""
    from claimx.read import language

    language.preload()  # beside spaCy's import and model load: see claimx.read.language
    from itertools import chain

    from claimx.corpus.sqlite import DatabaseError
    from claimx.pipeline.extract import extract as run
    from claimx.read.sources import iter_articles
    from claimx.signals import Stopped
    from claimx.write.sinks import write_records

    fmt, output, to_dir, database = _prepare_output(fmt, output_arg)
    feed_run = _feed_run(feeds, output, to_dir, database is not None, limit, timeout, any_language) if feeds else None
    if feed_run is not None and not paths and not from_urls and not feed_run.plan.new:
        err.print(_esc(feed_run.summary(output_arg)))  # nothing new: the model is not even loaded
        raise typer.Exit(1 if feed_run.plan.errors else 0)
    nlp = _load_nlp(model)
    problems = _Problems(quiet)
    n_process = workers if workers > 0 else (os.cpu_count() or 1)
    include_text = include_text or fmt in (Format.html, Format.sqlite)  # the page and the database keep the text
    articles = iter_articles(paths, url_files=from_urls, timeout=timeout, any_language=any_language)
    articles = chain(articles, feed_run.articles()) if feed_run else articles
    extracted = run(articles, nlp, published=pub, include_text=include_text,
                    batch_size=batch_size, n_process=n_process, on_problem=problems, acts=acts,
                    any_language=any_language, topics=topics)
    records = _with_progress(feed_run.count(extracted) if feed_run else extracted, quiet)
    try:
        write_records(records, fmt, table, output, to_dir, database, _stdout(), problems)
    except DatabaseError as exc:
        raise _fail(str(exc), 1) from None
    except BrokenPipeError:
        # the reader went away (claimx extract ... | head): not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        raise typer.Exit(1 if problems.failed else 0) from None
    except OSError as exc:
        target = getattr(exc, "filename", None) or output or "stdout"
        raise _fail(f"{target}: cannot write: {exc.strerror or exc}", 1) from None
    except Stopped as stop:
        raise _stopped(stop) from None
    finally:
        records.close()  # stops the worker processes, if the stop came while they worked
        extracted.close()
    if feed_run is not None:
        err.print(_esc(feed_run.summary(output_arg)))
        problems.failed += len(feed_run.plan.errors)
    _exit_for(problems)


def _feed_run(feeds: list[str], output: Path | str | None, to_dir: bool, database: bool, limit: int | None,
              timeout: float, any_language: bool):
    """``--feed``: the new articles of the feeds; the feeds that failed are named on stderr."""
    from claimx.read.feeds import FeedRun, seen_urls

    if isinstance(output, str):  # a URL: the records there are read through fsspec
        from claimx.write.store import Store

        output = Store(output)
    run = FeedRun(feeds, seen_urls(output, to_dir, database, any_language), limit, timeout)
    for error in run.plan.errors:
        err.print(f"[bold red]error:[/] {_esc(str(error))}")
    return run


def _exit_for(problems: _Problems) -> None:
    """Exit 1 when some inputs failed (each was named on stderr as it came)."""
    if problems.failed:
        err.print(f"{problems.failed} input(s) failed; the others were extracted.")
        raise typer.Exit(1)


def _prepare_output(fmt: Format | None, output_arg: str | None):
    """The format, the output path, whether it is a folder, and the database
    to write into: checked (and the folder made) before the model loads."""
    if output_arg and "://" in output_arg:  # an fsspec URL (s3://bucket/out/): claimx.write.store writes there
        from claimx.write.store import remote_output

        try:
            fmt, to_dir = remote_output(fmt, output_arg)
        except ValueError as exc:
            raise _fail(str(exc)) from None
        if fmt is Format.parquet:
            _require_parquet(Path(output_arg))
        return fmt, output_arg, to_dir, None
    output = Path(output_arg) if output_arg else None
    to_dir = output is not None and (fmt is Format.parquet or output.is_dir() or output_arg.endswith(("/", os.sep)))
    if fmt is Format.parquet:
        _require_parquet(output)
    fmt = _output_format(fmt, output, to_dir)
    if output is not None and not to_dir and not output.parent.is_dir():
        raise _fail(f"{output}: cannot write: directory {output.parent} does not exist")
    if to_dir:
        assert output is not None
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _fail(f"{output}: cannot create directory: {exc.strerror}") from None
    database = _open_database(output, to_dir) if fmt is Format.sqlite else None
    return fmt, output, to_dir, database


def _output_format(fmt: Format | None, output: Path | None, to_dir: bool) -> Format:
    """-f, else the format the -o suffix names (an unknown one is a usage error), else yaml."""
    from claimx.write.formats import SUFFIXES

    if fmt is not None or output is None or to_dir:
        return fmt or Format.yaml
    found = SUFFIXES.get(output.suffix.lower())
    if found is None:
        raise _fail(f"{output}: unknown output suffix {output.suffix or '(none)'!r}; give -f FORMAT "
                    f"or one of: {', '.join(SUFFIXES)}")
    return found


def _open_database(output: Path | None, to_dir: bool):
    """The database ``-f sqlite`` writes into, opened before the model loads."""
    from claimx.corpus.sqlite import DatabaseError, DatabaseWriter

    if output is None or to_dir:
        raise _fail("-f sqlite writes one database file: give -o FILE.db")
    try:
        return DatabaseWriter(output)
    except DatabaseError as exc:
        raise _fail(str(exc)) from None


def _stopped(stop) -> typer.Exit:
    err.print(f"[bold red]stopped[/] by {stop.name}: what was written is complete; no partial output file is left")
    return typer.Exit(stop.exit_code)


def _require_parquet(output: Path | None) -> None:
    from claimx.write.parquet import ParquetMissing, require_pyarrow

    if output is None:
        raise _fail("-f parquet writes a folder of tables: give one with -o DIR/")
    try:
        require_pyarrow()
    except ParquetMissing as exc:
        raise _fail(str(exc)) from None


def _extract_on_cluster(paths: list[str], output_arg: str | None, fmt: Format | None, scheduler: str,
                        partition_size: str | None, model: str | None, pub: dt.date | None,
                        include_text: bool, quiet: bool, from_urls: bool = False,
                        acts: frozenset[str] | None = None, any_language: bool = False,
                        topics: bool = False) -> None:
    """``extract --scheduler``: partitions on a Dask cluster (claimx.cluster.run)."""
    from claimx.cluster import run as cluster

    if from_urls:
        raise _fail("--from-urls and --feed fetch pages on this machine; they do not go with --scheduler")
    fmt = fmt or Format.jsonl
    if fmt not in (Format.jsonl, Format.parquet):
        raise _fail(f"with --scheduler the output is jsonl or parquet, not {fmt.value}")
    if not output_arg:
        raise _fail("with --scheduler, give the output folder with -o DIR/")
    try:
        cluster.require_dask()
        if fmt is Format.parquet:
            _require_parquet(Path(output_arg))
        size = None
        if partition_size is not None:
            from dask.utils import parse_bytes

            try:
                size = int(parse_bytes(partition_size))
            except (ValueError, TypeError):
                raise typer.BadParameter(f"{partition_size!r} is not a size like 4MB or 500kB",
                                         param_hint="--partition-size") from None
        options = cluster.Options(fmt=fmt.value, model=model, published=pub.isoformat() if pub else None,
                                  include_text=include_text, acts=sorted(acts) if acts else None,
                                  any_language=any_language, topics=topics)
        problems = _Problems(quiet)
        with _partition_progress(quiet) as progress:
            summary = cluster.run(paths, output_arg, scheduler, options, partition_size=size,
                                  on_problem=problems, on_progress=progress)
    except (cluster.ClusterError, ImportError) as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"{output_arg}: cannot write: {exc.strerror or exc}") from None
    if not quiet:
        reused = f", {summary.reused} reused from an earlier run" if summary.reused else ""
        err.print(f"{summary.articles} articles, {summary.quotes} quotes in {summary.partitions} partitions{reused}"
                  f" -> {output_arg}")
    _exit_for(problems)


@contextmanager
def _partition_progress(quiet: bool):
    """A progress bar over partitions on a terminal; a no-op otherwise."""
    if quiet or not err.is_terminal:
        yield lambda *_: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("partitions"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[n]} articles"),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("extracting", total=None, n=0)
        yield lambda done, total, n: bar.update(task, completed=done, total=total, n=n)


def _with_progress(records, quiet: bool):
    if quiet or not err.is_terminal:
        yield from records
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=err, transient=True,
    ) as progress:
        task = progress.add_task("extracting", total=None, rate="")
        import time

        t0 = time.perf_counter()
        for n, rec in enumerate(records, start=1):
            rate = n / max(time.perf_counter() - t0, 1e-6)
            progress.update(task, completed=n, rate=f"{rate:.1f}/s")
            yield rec


@app.command()
def show(
    path: Annotated[str, typer.Argument(help="One article (.txt, .html) or - for stdin.")],
    published: Annotated[
        str | None, typer.Option("--published", metavar="YYYY-MM-DD", help="Article date where metadata lacks one.")
    ] = None,
    acts: Annotated[str | None, typer.Option("--acts", metavar="ACT,...", help=ACTS_HELP, callback=_acts_option)] = None,
    topics: Annotated[bool, typer.Option("--topics", help=TOPICS_HELP)] = False,
    any_language: Annotated[bool, typer.Option("--any-language", help=ANY_LANGUAGE_HELP)] = False,
    model: Annotated[str | None, typer.Option("--model", metavar="NAME_OR_PATH", help="spaCy pipeline to use.")] = None,
) -> None:
    """Show an article in the terminal with each quote highlighted in its speaker's colour, then a table of quotes."""
    from claimx.pipeline.extract import extract as run
    from claimx.read.sources import iter_articles
    from claimx.write.terminal import render

    pub = _parse_published(published)
    _check_topics(acts, topics)
    nlp = _load_nlp(model)
    problems = _Problems(False)
    shown = 0
    for rec in run(iter_articles([path]), nlp, published=pub, include_text=True, on_problem=problems, acts=acts,
                   topics=topics, any_language=any_language):
        render(rec.to_dict(), Console(highlight=False))
        shown += 1
    if problems.failed or not shown:
        raise typer.Exit(1)


@app.command()
def corpus(
    path: Annotated[Path, typer.Argument(help="A database written with -f sqlite, or a directory of JSON Lines output.")],
    fmt: Annotated[
        SummaryFormat, typer.Option("--format", "-f", help="How to print the summary.")
    ] = SummaryFormat.table,
    top: Annotated[int, typer.Option("--top", min=1, help="Rows per summary table.")] = 10,
    html: Annotated[
        Path | None, typer.Option("--html", metavar="FILE", help="Also write the review page with a corpus view of people and claims.")
    ] = None,
    db: Annotated[
        Path | None, typer.Option("--db", metavar="FILE.db", help="For a directory: load its records into this database and build the tables there.")
    ] = None,
) -> None:
    """Build the people and claims tables across articles, and print a summary. [dim]Example: claimx corpus quotes.db[/]"""
    from claimx.corpus.build import build, summarise
    from claimx.corpus.sqlite import DatabaseError, DatabaseWriter, build_in_place, write_corpus
    from claimx.corpus.stores import is_database, iter_records

    if not path.exists():
        raise _fail(f"{path}: not found")
    if not (path.is_dir() or (path.is_file() and is_database(path))):
        raise _fail(f"{path}: not a database (.db, .sqlite) or a directory of claimx output")
    if db is not None and not path.is_dir():
        raise _fail("--db is for a directory of JSON Lines output; a database holds its own tables")
    problems = _Problems(False)
    target = path if is_database(path) else db
    try:
        if is_database(path):  # read and written in one transaction: safe beside a running extract
            result = build_in_place(path, build)
        else:
            records = iter_records(path, problems)
            if db is not None:
                records = _tee(records, DatabaseWriter(db))
            result = build(records)
            if db is not None:
                write_corpus(db, result)
        if target is not None:
            from claimx.corpus import datasette as datasette_metadata

            browse = datasette_metadata.write(target)
        if html is not None:
            from claimx.write.review import render_html
            from claimx.write.writers import atomic_open

            with atomic_open(html) as fh:
                fh.write(render_html(list(iter_records(path, lambda _: None)), result))
    except DatabaseError as exc:
        raise _fail(str(exc), 1) from None
    except OSError as exc:
        raise _fail(f"{exc.filename or html}: cannot write: {exc.strerror or exc}", 1) from None
    _print_summary(summarise(result, top), fmt)
    if target is not None:
        err.print(f"browse it: datasette {_esc(str(target))} -m {_esc(str(browse))}")
    if problems.failed:
        raise typer.Exit(1)


def _tee(records, database):
    """Pass records on, writing each into ``database`` on the way."""
    with database:
        for rec in records:
            database.write(rec)
            yield rec


def _print_summary(summary: dict, fmt: SummaryFormat) -> None:
    from claimx.corpus import summary as view

    if fmt is SummaryFormat.json:
        _stdout().write(view.to_json(summary))
    elif fmt is SummaryFormat.csv:
        view.write_csv(summary, _stdout())
    else:
        view.render(summary, Console(highlight=False))


@app.command()
def check(
    directory: Annotated[
        Path, typer.Argument(help="Folder of sample articles, each with <name>.expected.yaml beside it.")
    ] = Path("data/samples"),
    update: Annotated[bool, typer.Option("--update", help="Rewrite the expected files from the current extraction.")] = False,
    model: Annotated[str | None, typer.Option("--model", metavar="NAME_OR_PATH", help="spaCy pipeline to use.")] = None,
) -> None:
    """Re-extract each sample and compare it with its expected output (exit 1 on any difference)."""
    from claimx.evaluate.golden import diff, find_samples, read_expected
    from claimx.pipeline.extract import build_record
    from claimx.read.inputs import Article, InputError
    from claimx.read.language import identify
    from claimx.read.sources import iter_articles
    from claimx.write.writers import atomic_open, to_yaml

    if not directory.is_dir():
        raise _fail(f"{directory}: not a directory")
    samples = find_samples(directory)
    if not samples:
        raise _fail(f"{directory}: no sample articles (.txt, .html) found")
    nlp = _load_nlp(model)
    bad = 0
    for sample in samples:
        items = list(iter_articles([str(sample.article)]))
        article = next((a for a in items if isinstance(a, Article)), None)
        if article is None:
            err.print(f"[bold red]error:[/] {_esc(str(next(i for i in items if isinstance(i, InputError))))}")
            bad += 1
            continue
        article.source = sample.article.name  # the same wherever the folder lies
        article.language = identify(article.text)[0]
        actual = to_yaml(build_record(article, nlp(article.text)).to_dict())
        name = sample.expected.name
        if update:
            with atomic_open(sample.expected) as fh:
                fh.write(actual)
            err.print(f"updated {_esc(str(sample.expected))}")
            continue
        try:
            expected = read_expected(sample.expected)  # missing, unreadable, not UTF-8: one line
        except InputError as exc:
            err.print(f"[bold red]error:[/] {_esc(str(exc))}")
            bad += 1
            continue
        d = diff(expected, actual, name)
        if d:
            bad += 1
            err.print(f"[bold red]DIFFERS:[/] {_esc(str(sample.article))}")
            sys.stdout.write(d)
        else:
            err.print(f"[green]ok:[/] {_esc(str(sample.article))}")
    if bad:
        err.print(f"{bad} of {len(samples)} sample(s) differ from their expected output.")
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    corpus: Annotated[Path, typer.Argument(help="A brat corpus like PolNeAR, or with --dates a folder of TimeML .tml files.")],
    split: Annotated[str, typer.Option("--split", help="The split to score (a folder of CORPUS).")] = "dev",
    dates: Annotated[bool, typer.Option("--dates", help="Score date expressions on TimeML (.tml) documents instead.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Score only the first N documents.")] = None,
    acts: Annotated[
        str | None,
        typer.Option("--acts", metavar="ACT,...", callback=_acts_option,
                     help="Score only quotes of these acts against the gold attributions whose cue the lexicon "
                     "gives one of them: speech, belief, fact, intention (default: all)."),
    ] = None,
    topics: Annotated[bool, typer.Option(
        "--topics", help="Score topic-only reports and questions too, claimx's and the gold's (PolNeAR's own "
        "view; by default neither counts: they state no claim).")] = False,
    model: Annotated[str | None, typer.Option("--model", metavar="NAME_OR_PATH", help="spaCy pipeline to use.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=0, help="Parallel processes (0 = all cores).")] = 1,
) -> None:
    """Score the extractor: P/R/F1 for quote content+source, direct quotes and each role (or dates)."""
    import json

    from claimx.write.terminal import problem
    if acts is not None and dates:
        raise typer.BadParameter("--acts scores quotes; it does not go with --dates", param_hint="--acts")
    if topics and dates:
        raise typer.BadParameter("--topics scores quotes; it does not go with --dates", param_hint="--topics")
    n_process = workers if workers > 0 else (os.cpu_count() or 1)
    if dates:
        from claimx.evaluate.timeml import evaluate_timeml

        if not corpus.exists():
            raise _fail(f"{corpus}: no such file or directory")
        nlp = _load_nlp(model)
        try:
            scores = evaluate_timeml(corpus, nlp, limit=limit, n_process=n_process)
        except (OSError, ValueError, SyntaxError) as exc:  # unreadable, not UTF-8, not XML (ParseError)
            raise _fail(f"{corpus}: cannot read the TimeML corpus: {problem(exc)}") from None
    else:
        from claimx.evaluate.polnear import gold_parser, load_corpus, score_corpus, verb_lemmas

        try:
            docs = load_corpus(corpus, split)
        except (OSError, ValueError) as exc:  # not a brat corpus, unreadable, not UTF-8, a broken annotation
            raise _fail(f"{corpus}: cannot read the corpus: {problem(exc)}") from None
        docs = docs[:limit] if limit else docs
        nlp = _load_nlp(model)
        from claimx.pipeline.extract import extract as run
        from claimx.read.inputs import Article

        # every quote, topic-only reports and questions too: score_corpus keeps what it scores
        records = run((Article(d.id, d.id, d.text) for d in docs), nlp, n_process=n_process, topics=True)
        scores = score_corpus(docs, (rec.to_dict() for rec in records), acts, verb_lemmas(nlp), topics,
                              gold_parser(nlp))
        scores = {"documents": len(docs), **({"acts": sorted(acts)} if acts else {}), **scores}
    if as_json:
        print(json.dumps(scores, indent=2))
        return
    _print_scores(scores)


def _print_scores(scores: dict) -> None:
    from rich.table import Table as RichTable

    out = Console(highlight=False)
    table = RichTable(title=f"claimx eval ({scores.get('documents', '?')} documents)")
    for col in ("measure", "precision", "recall", "F1", "tp", "predicted", "gold"):
        table.add_column(col, justify="right" if col != "measure" else "left")
    for k, v in scores.items():
        if isinstance(v, dict) and "f1" in v:
            table.add_row(k, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}",
                          str(v.get("tp", "")), str(v.get("predicted", "")), str(v.get("gold", "")))
    out.print(table)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output (claimx/1)."""
    import json

    from claimx.records import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))


def main() -> None:
    from claimx.signals import Stopped

    try:
        app()
    except Stopped as stop:  # a stop before the run began (loading the model)
        raise SystemExit(_stopped(stop).exit_code) from None
    except Exception as exc:  # a bug, or out of memory: one line, not a traceback (unless CLAIMX_DEBUG=1)
        from claimx.write.terminal import crash_line
        if os.environ.get("CLAIMX_DEBUG"):
            raise
        raise SystemExit(_fail(crash_line(exc), 1 if isinstance(exc, MemoryError) else 70).exit_code) from exc
