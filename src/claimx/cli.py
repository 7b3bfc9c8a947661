"""The ``claimx`` command line: a thin layer over the library.

stdout carries data only; progress, notices and errors go to stderr. Exit
codes: 0 all good, 1 some inputs failed (the rest are still written), 2 usage.
spaCy is imported only by the commands that need it.
"""

from __future__ import annotations

import datetime as dt
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from claimx import __version__
from claimx.formats import Format, Table

app = typer.Typer(
    name="claimx",
    help="Extract who said what, in what capacity, how and when from news articles.",
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
    from claimx.nlp import ModelError, load

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
        from claimx.inputs import InputError

        if isinstance(item, InputError):
            self.failed += 1
            err.print(f"[bold red]error:[/] {_esc(str(item))}")
        elif not self.quiet:
            err.print(f"[yellow]warning:[/] {_esc(str(item))}")


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(help="Articles: .txt, .html/.htm, .jsonl or .csv files, directories, globs, or - for stdin."),
    ],
    fmt: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="Output format (default: from the --output suffix, else yaml)."),
    ] = None,
    output_arg: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write to FILE (atomically), or one file per article into DIR/. Default: stdout."),
    ] = None,
    table: Annotated[
        Table, typer.Option("--table", help="CSV/TSV: one row per quote, speaker or date.")
    ] = Table.quotes,
    published: Annotated[
        str | None, typer.Option("--published", metavar="YYYY-MM-DD", help="Article date where metadata lacks one.")
    ] = None,
    include_text: Annotated[
        bool, typer.Option("--include-text", help="Add the article text (which all offsets index) to the output.")
    ] = False,
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
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", metavar="ADDRESS", help="Run on a Dask cluster: a scheduler address (tcp://host:8786), a scheduler file (.json), or local[:N] for N local worker processes. Writes -o DIR/ in partitions with a manifest; needs claimx[dask]."),
    ] = None,
    partition_size: Annotated[
        str | None,
        typer.Option("--partition-size", metavar="BYTES", help="With --scheduler: the most input per partition (e.g. 4MB, the default; smaller for a small corpus)."),
    ] = None,
) -> None:
    """Extract quotes, speakers, positions and dates. [dim]Example: claimx extract article.txt -f json[/]"""
    import os

    from claimx.extract import extract as run
    from claimx.formats import SUFFIXES
    from claimx.inputs import iter_articles

    pub = _parse_published(published)
    if scheduler is not None:
        _extract_on_cluster(paths, output_arg, fmt, scheduler, partition_size, model, pub, include_text, quiet)
        return
    output = Path(output_arg) if output_arg else None
    to_dir = output is not None and (fmt is Format.parquet or output.is_dir() or output_arg.endswith(("/", os.sep)))
    if fmt is Format.parquet:
        _require_parquet(output)
    if fmt is None:
        fmt = SUFFIXES.get(output.suffix.lower(), Format.yaml) if output is not None and not to_dir else Format.yaml
    if output is not None and not to_dir and not output.parent.is_dir():
        raise _fail(f"{output}: cannot write: directory {output.parent} does not exist")
    if to_dir:
        assert output is not None
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _fail(f"{output}: cannot create directory: {exc.strerror}") from None

    nlp = _load_nlp(model)
    problems = _Problems(quiet)
    n_process = workers if workers > 0 else (os.cpu_count() or 1)
    include_text = include_text or fmt is Format.html  # the page shows the text
    records = run(iter_articles(paths), nlp, published=pub, include_text=include_text,
                  batch_size=batch_size, n_process=n_process, on_problem=problems)
    records = _with_progress(records, quiet)
    try:
        _write_records(records, fmt, table, output, to_dir)
    except BrokenPipeError:
        # the reader went away (claimx extract ... | head): not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        raise typer.Exit(1 if problems.failed else 0) from None
    except OSError as exc:
        target = getattr(exc, "filename", None) or output or "stdout"
        raise _fail(f"{target}: cannot write: {exc.strerror or exc}", 1) from None
    if problems.failed:
        err.print(f"{problems.failed} input(s) failed; the others were extracted.")
        raise typer.Exit(1)


def _write_records(records, fmt: Format, table: Table, output: Path | None, to_dir: bool) -> None:
    """Records to stdout, to one file, to one file per article, or (parquet) to a folder of tables."""
    from claimx.writers import Writer, atomic_open, safe_filename

    if fmt is Format.parquet:
        from claimx.parquet import write_local

        assert output is not None
        write_local(records, output)
    elif to_dir:
        assert output is not None
        ext = "jsonl" if fmt is Format.jsonl else fmt.value
        for rec in records:
            target = output / f"{safe_filename(rec.article.id)}.{ext}"
            with atomic_open(target) as fh:
                w = Writer(fh, fmt, table)
                w.write(rec)
                w.close()
    elif output is not None:
        with atomic_open(output) as fh:
            w = Writer(fh, fmt, table)
            for rec in records:
                w.write(rec)
            w.close()
    else:
        w = Writer(_stdout(), fmt, table)
        for rec in records:
            w.write(rec)
        w.close()


def _require_parquet(output: Path | None) -> None:
    from claimx.parquet import ParquetMissing, require_pyarrow

    if output is None:
        raise _fail("-f parquet writes a folder of tables: give one with -o DIR/")
    try:
        require_pyarrow()
    except ParquetMissing as exc:
        raise _fail(str(exc)) from None


def _extract_on_cluster(paths: list[str], output_arg: str | None, fmt: Format | None, scheduler: str,
                        partition_size: str | None, model: str | None, pub: dt.date | None,
                        include_text: bool, quiet: bool) -> None:
    """``extract --scheduler``: partitions on a Dask cluster (claimx.cluster)."""
    from claimx import cluster

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
                                  include_text=include_text)
        problems = _Problems(quiet)
        with _partition_progress(quiet) as progress:
            summary = cluster.run(paths, Path(output_arg), scheduler, options, partition_size=size,
                                  on_problem=problems, on_progress=progress)
    except (cluster.ClusterError, ImportError) as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"{output_arg}: cannot write: {exc.strerror or exc}") from None
    if not quiet:
        reused = f", {summary.reused} reused from an earlier run" if summary.reused else ""
        err.print(f"{summary.articles} articles, {summary.quotes} quotes in {summary.partitions} partitions{reused}"
                  f" -> {output_arg}")
    if problems.failed:
        err.print(f"{problems.failed} input(s) failed; the others were extracted.")
        raise typer.Exit(1)


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
    model: Annotated[str | None, typer.Option("--model", metavar="NAME_OR_PATH", help="spaCy pipeline to use.")] = None,
) -> None:
    """Show an article in the terminal with each quote highlighted in its speaker's colour, then a table of quotes."""
    from claimx.extract import extract as run
    from claimx.inputs import iter_articles
    from claimx.terminal import render

    pub = _parse_published(published)
    nlp = _load_nlp(model)
    problems = _Problems(False)
    shown = 0
    for rec in run(iter_articles([path]), nlp, published=pub, include_text=True, on_problem=problems):
        render(rec.to_dict(), Console(highlight=False))
        shown += 1
    if problems.failed or not shown:
        raise typer.Exit(1)


@app.command()
def check(
    directory: Annotated[
        Path, typer.Argument(help="Folder of sample articles, each with <name>.expected.yaml beside it.")
    ] = Path("data/samples"),
    update: Annotated[bool, typer.Option("--update", help="Rewrite the expected files from the current extraction.")] = False,
    model: Annotated[str | None, typer.Option("--model", metavar="NAME_OR_PATH", help="spaCy pipeline to use.")] = None,
) -> None:
    """Re-extract each sample and compare it with its expected output (exit 1 on any difference)."""
    from claimx.extract import build_record
    from claimx.golden import diff, find_samples
    from claimx.inputs import Article, iter_articles
    from claimx.writers import atomic_open, to_yaml

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
            err.print(f"[bold red]error:[/] {_esc(str(items[0]))}")
            bad += 1
            continue
        article.source = sample.article.name  # the same wherever the folder lies
        actual = to_yaml(build_record(article, nlp(article.text)).to_dict())
        name = sample.expected.name
        if update:
            with atomic_open(sample.expected) as fh:
                fh.write(actual)
            err.print(f"updated {sample.expected}")
            continue
        if not sample.expected.exists():
            err.print(f"[bold red]missing:[/] {sample.expected} (create it with: claimx check --update)")
            bad += 1
            continue
        d = diff(sample.expected.read_text(encoding="utf-8"), actual, name)
        if d:
            bad += 1
            err.print(f"[bold red]DIFFERS:[/] {sample.article}")
            sys.stdout.write(d)
        else:
            err.print(f"[green]ok:[/] {sample.article}")
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
    model: Annotated[str | None, typer.Option("--model", metavar="NAME_OR_PATH", help="spaCy pipeline to use.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=0, help="Parallel processes (0 = all cores).")] = 1,
) -> None:
    """Score the extractor: P/R/F1 for quote content+source, direct quotes and each role (or dates)."""
    import json
    import os

    n_process = workers if workers > 0 else (os.cpu_count() or 1)
    if dates:
        from claimx.evaluate_dates import evaluate_timeml

        if not corpus.exists():
            raise _fail(f"{corpus}: no such file or directory")
        nlp = _load_nlp(model)
        scores = evaluate_timeml(corpus, nlp, limit=limit, n_process=n_process)
    else:
        from claimx.evaluate import load_corpus, predicted_relations, score_document, summarise

        try:
            docs = load_corpus(corpus, split)
        except FileNotFoundError as exc:
            raise _fail(str(exc)) from None
        docs = docs[:limit] if limit else docs
        nlp = _load_nlp(model)
        from claimx.extract import extract as run
        from claimx.inputs import Article

        records = run((Article(d.id, d.id, d.text) for d in docs), nlp, n_process=n_process)
        per_doc = [
            score_document(gold.text, gold.gold, predicted_relations(rec.to_dict(), gold.text))
            for rec, gold in zip(records, docs, strict=True)
        ]
        scores = summarise(per_doc)
        scores = {"documents": len(docs), **scores}
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
    app()
