"""The behaviour oracle: claimx's output on the five tuning corpora, saved
once and compared after a change, so a refactor can show it changed no byte
and an accuracy change can show exactly which records it moved.

    python scripts/oracle.py save /tmp/oracle-before      # before the change
    python scripts/oracle.py compare /tmp/oracle-before   # after it: which records differ
    python scripts/oracle.py eval --cache /tmp/parses     # every corpus's eval figures (PolNeAR also --acts speech), fast

The corpora are PolNeAR train and dev (``../shared/corpora/polnear``),
TimeBank and AQUAINT (``../shared/corpora/timeml``, read as ``claimx eval
--dates`` reads them: the text inside ``<TEXT>``, the DCT as the published
date) and the seed article. Each record is ``claimx extract -f jsonl
--include-text`` output, one line per article, in corpus order.

``--cache DIR`` keeps the model's parse (everything before claimx's own
components) as spaCy DocBins, so a later run replays only claimx's
attribution and date components over the same parses: seconds instead of
minutes. Replaying claimx on a cached parse gives what the whole pipeline
gives: save once without ``--cache`` and compare with it to see so.
Needs ``../shared/``; says so and exits 2 without it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CLAIMX_COMPONENTS = ("claimx_attribution", "claimx_dates", "claimx_release")
# a fixed "today": a text with no date of its own is read against it, so
# saved and compared runs agree whatever day they are run on
TODAY = dt.date(2026, 11, 29)


def _rel(path: Path) -> str:
    """The article's source as a path inside shared/ or the checkout, so
    outputs saved in one checkout compare with another's."""
    for base in (SHARED, ROOT):
        if path.is_relative_to(base):
            return str(path.relative_to(base))
    return str(path)


def corpora() -> dict[str, list]:
    from claimx.evaluate.timeml import load_timeml
    from claimx.read.inputs import Article

    polnear = SHARED / "corpora" / "polnear"
    timeml = SHARED / "corpora" / "timeml"
    out: dict[str, list] = {}
    for split in ("train", "dev"):
        files = sorted((polnear / split / "text").glob("*.txt"))
        out[f"polnear-{split}"] = [Article(f.stem, _rel(f), f.read_text(encoding="utf-8")) for f in files]
    for name in ("TimeBank", "AQUAINT"):
        docs = load_timeml(timeml / name)
        out[name.lower()] = [Article(d.id, d.id, d.text, published=d.dct) for d in docs]
    seed = ROOT / "data" / "samples" / "rubio-cbs.txt"
    out["seed"] = [Article(seed.stem, _rel(seed), seed.read_text(encoding="utf-8"))]
    return out


def _cache_key(nlp, articles: list) -> str:
    h = hashlib.sha256(repr(nlp.pipe_names).encode())
    for a in articles:
        h.update(a.id.encode() + b"\0" + a.text.encode() + b"\0")
    return h.hexdigest()[:16]


def _parsed(nlp, name: str, articles: list, cache: Path) -> Iterator:
    """The model's parse of each article, from the cache or made and cached."""
    from spacy.tokens import DocBin

    path = cache / f"{name}-{_cache_key(nlp, articles)}.spacy"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=True)
        with nlp.select_pipes(disable=list(CLAIMX_COMPONENTS)):
            for n, doc in enumerate(nlp.pipe((a.text for a in articles), batch_size=16), 1):
                bin_.add(doc)
                if n % 100 == 0:
                    print(f"  {name}: parsed {n}/{len(articles)}", file=sys.stderr)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(bin_.to_bytes())
        tmp.replace(path)
    yield from DocBin(store_user_data=True).from_bytes(path.read_bytes()).get_docs(nlp.vocab)


def records(nlp, name: str, articles: list, cache: Path | None) -> Iterator[dict]:
    """One record per article, as ``claimx extract --include-text`` makes it."""
    from claimx.pipeline.extract import build_record

    if cache is None:  # the whole pipeline, as claimx extract runs it
        docs = nlp.pipe((a.text for a in articles), batch_size=16)
        recs = (build_record(a, d, include_text=True, today=TODAY) for a, d in zip(articles, docs, strict=True))
    else:
        steps = [nlp.get_pipe(c) for c in CLAIMX_COMPONENTS]

        def replay() -> Iterator:
            for article, doc in zip(articles, _parsed(nlp, name, articles, cache), strict=True):
                for step in steps:
                    doc = step(doc)
                yield build_record(article, doc, include_text=True, today=TODAY)

        recs = replay()
    for rec in recs:
        yield rec.to_dict()


def scores(name: str, recs: list[dict], nlp) -> str:
    """The figures ``claimx eval`` (``--dates``) gives on this corpus; for
    PolNeAR also ``claimx eval --acts speech``'s."""
    if name.startswith("polnear-"):
        from claimx.evaluate.polnear import gold_parser, load_corpus, score_corpus, verb_lemmas

        by_id = {r["article"]["id"]: r for r in recs}
        docs = load_corpus(SHARED / "corpora" / "polnear", name.split("-", 1)[1])
        ordered = [by_id[d.id] for d in docs]
        s = score_corpus(docs, ordered)
        sp = score_corpus(docs, ordered, frozenset({"speech"}), verb_lemmas(nlp), parse=gold_parser(nlp))
        st = score_corpus(docs, ordered, frozenset({"speech"}), verb_lemmas(nlp), topics=True)
        return ("quote F1 {:.4f} (P {:.4f} R {:.4f}), direct F1 {:.4f}; speech only: quote F1 {:.4f} "
                "(P {:.4f} R {:.4f}), direct F1 {:.4f}; speech with topics {:.4f}").format(
            s["quote"]["f1"], s["quote"]["precision"], s["quote"]["recall"], s["quote.direct"]["f1"],
            sp["quote"]["f1"], sp["quote"]["precision"], sp["quote"]["recall"], sp["quote.direct"]["f1"],
            st["quote"]["f1"])
    if name in ("timebank", "aquaint"):
        from claimx.evaluate.timeml import KIND_TO_TYPE, Timex, load_timeml, score

        docs = load_timeml(SHARED / "corpora" / "timeml" / ("TimeBank" if name == "timebank" else "AQUAINT"))
        pairs = [(d.gold, [Timex(x["start"], x["end"], KIND_TO_TYPE[x["kind"]], x["value"]) for x in r["dates"]])
                 for d, r in zip(docs, recs, strict=True)]
        s = score(pairs)
        return "value F1 {:.4f}, relaxed span F1 {:.4f}, strict span F1 {:.4f}".format(
            s["value"]["f1"], s["relaxed"]["f1"], s["strict"]["f1"])
    return f"{sum(len(r['quotes']) for r in recs)} quotes, {sum(len(r['dates']) for r in recs)} dates"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=["save", "compare", "eval"],
                    help="save outputs, compare with saved ones, or print each corpus's eval figures")
    ap.add_argument("dir", type=Path, nargs="?", help="where the saved outputs are (save writes, compare reads)")
    ap.add_argument("--cache", type=Path, help="keep/reuse the model's parses here (fast replays)")
    ap.add_argument("--only", help="comma-separated corpora (polnear-train, polnear-dev, timebank, aquaint, seed)")
    ap.add_argument("--show", type=int, default=5, help="differing records to name per corpus")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"oracle: {SHARED} is missing; the oracle needs the shared corpora", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from claimx.pipeline.nlp import load
    from claimx.write.writers import to_json

    if args.action != "eval" and args.dir is None:
        ap.error(f"{args.action} needs DIR")

    nlp = load()
    wanted = set(args.only.split(",")) if args.only else None
    changed = 0
    for name, articles in corpora().items():
        if wanted and name not in wanted:
            continue
        recs = list(records(nlp, name, articles, args.cache))
        if args.action == "eval":
            print(f"{name}: {scores(name, recs, nlp)}", flush=True)
            continue
        lines = [to_json(r, indent=None) for r in recs]
        path = args.dir / f"{name}.jsonl"
        if args.action == "save":
            args.dir.mkdir(parents=True, exist_ok=True)
            path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            print(f"{name}: {len(lines)} records saved to {path}")
            continue
        before = path.read_text(encoding="utf-8").splitlines()
        diff = [a.id for a, old, new in zip(articles, before, lines, strict=False) if old != new]
        if len(before) != len(lines):
            diff.append(f"<{len(before)} records saved, {len(lines)} now>")
        changed += len(diff)
        status = "identical" if not diff else f"{len(diff)} differ: {', '.join(diff[: args.show])}"
        print(f"{name}: {len(lines)} records, {status}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
