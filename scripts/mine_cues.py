"""Mine the cue lexicon (src/claimx/data/cues.tsv) from an annotated corpus.

Treats every verb as a cue with every content kind (clause, quote, object,
infinitive), scores each resulting attribution against the gold relations
(content and source overlap, as in `claimx eval`), and keeps, per lemma, the
kinds whose precision and support clear the thresholds. The hand-written
entries already in the lexicon are kept unless the corpus contradicts them.

Acts are not mined: each lemma keeps the act (and comment) the shipped
lexicon gives it, reviewed by hand; a new lemma gets the act ``?``, which the
lexicon refuses to load until someone has reviewed it.

    python scripts/mine_cues.py ../shared/corpora/polnear --split train > cues.tsv
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from claimx.evaluate.polnear import load_corpus
from claimx.pipeline.attribution import Attributor
from claimx.pipeline.nlp import load

KIND_OF_RULE = {"quote-before": "quote", "quote-after": "quote", "clause": "clause",
                "infinitive": "infinitive", "object": "object"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--split", default="train")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-precision", type=float, default=0.5)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=Path, default=Path(__file__).with_name("cues_seed.tsv"),
                    help="the hand-written lexicon the mined entries are added to")
    ap.add_argument("--acts-from", type=Path, default=Path(__file__).parent.parent / "src/claimx/data/cues.tsv",
                    help="the lexicon whose hand-reviewed acts the mined entries keep")
    ap.add_argument("--stats", type=Path, help="also write the raw counts (lemma, kind, correct, total) here")
    ap.add_argument("--from-stats", type=Path, help="read raw counts written by --stats instead of parsing")
    args = ap.parse_args()
    if args.from_stats:
        stats = {}
        for line in args.from_stats.read_text(encoding="utf-8").splitlines():
            lemma, kind, tp, n = line.split("\t")
            stats[(lemma, kind)] = [int(tp), int(n)]
    else:
        stats = collect(args)
        if args.stats:
            args.stats.write_text("".join(f"{lm}\t{k}\t{tp}\t{n}\n" for (lm, k), (tp, n) in sorted(stats.items())),
                                  encoding="utf-8")
    write_lexicon(stats, args)


def collect(args) -> dict[tuple[str, str], list[int]]:
    docs = load_corpus(args.corpus, args.split)
    nlp = load()
    miner = Attributor(every_verb=True)
    stats: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    for doc, gold in nlp.pipe(((d.text, d) for d in docs), as_tuples=True, n_process=args.workers, batch_size=8):
        text = gold.text
        golds = [(g.letters("content", text), g.letters("source", text)) for g in gold.gold]
        for att in miner(doc):
            kind = KIND_OF_RULE.get(att.rule)
            if kind is None or att.cue is None:
                continue
            content = {i for s, e in att.parts for i in range(s, e) if text[i].isalnum()}
            source = set() if att.source is None else {
                i for i in range(*att.source) if text[i].isalnum()}
            ok = any(content & gc and ((source & gs) if gs else not source) for gc, gs in golds)
            entry = stats[(att.cue[2], kind)]
            entry[0] += ok
            entry[1] += 1
    return dict(stats)


def read_lexicon(path: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, kinds = line.split("\t")[:2]
            out[lemma] = set(kinds.split(","))
    return out


def write_lexicon(stats, args) -> None:
    lexicon: dict[str, set[str]] = collections.defaultdict(set)
    for lemma, kinds in read_lexicon(args.seed).items():
        for kind in kinds:
            tp, n = stats.get((lemma, kind), (0, 0))
            if n < 5 or tp / n >= 0.3:  # keep unless contradicted
                lexicon[lemma].add(kind)
    for (lemma, kind), (tp, n) in stats.items():
        if n >= args.min_count and tp / n >= args.min_precision:
            lexicon[lemma].add(kind)
    print("# Reporting cues: lemma<TAB>content kinds (clause, quote, object, infinitive)<TAB>act (docs/output.md, Acts).")
    print(f"# Mined from {args.corpus.name}/{args.split} by scripts/mine_cues.py "
          f"(min count {args.min_count}, min precision {args.min_precision}) over a hand-written seed list.")
    reviewed = reviewed_acts(args.acts_from)
    for lemma in sorted(lexicon):
        kinds = [k for k in ("clause", "quote", "object", "infinitive") if k in lexicon[lemma]]
        act = reviewed.get(lemma, "?\t# new: review by hand (docs/output.md, Acts)")
        print(f"{lemma}\t{','.join(kinds)}\t{act}")


def reviewed_acts(path: Path) -> dict[str, str]:
    """Lemma -> its act column (and comment) in the hand-reviewed lexicon."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            out[cols[0]] = "\t".join(cols[2:])
    return out


if __name__ == "__main__":
    main()
