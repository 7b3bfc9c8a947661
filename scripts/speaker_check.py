"""A proxy measure of speaker resolution on PolNeAR, which has no gold for
canonical speakers: only the source mention of each attribution.

    python scripts/oracle.py save /tmp/out --cache /work/oracle/cache
    python scripts/speaker_check.py /tmp/out                # dev and train
    python scripts/speaker_check.py /tmp/out --show 20      # and the first wrong names
    python scripts/speaker_check.py /tmp/out --gold         # and the hand-checked dev speaker set

With ``--gold`` it also scores the canonical speaker and the position of
each attribution of the hand-checked set (``tests/data/speaker_gold_dev.jsonl``,
25 dev articles; :mod:`claimx.evaluate.speakers`): canonical-speaker
accuracy and position given where the text gives one.

Predicted quotes are paired with gold attributions as ``claimx eval`` pairs
them (content overlap, most similar first, one to one). Then, of the pairs:

- *named*: the gold source is a proper name (its name part — up to the
  first comma, bracket, dash, "who", "of", "and"... — starts and ends with a
  capital, at most six words, not "The ..."): the share whose resolved
  speaker's name (``speakers[].name``, not the raw mention) holds the last
  word of that name part or ends with a word of the source before its
  first comma ("right"), names another ("wrong"), or is null;
- *pronoun*: the gold source is a pronoun ("he", "she", "they", "it"): the
  share resolved to a speaker at all (no gold says which one);
- *description*: the gold source is a definite description ("the company",
  "the minister"): the share resolved to a named speaker (one whose name is
  capitalised), and to any speaker;
- *gender*: the person speakers named as one of a few public figures whose
  gender is documented (:data:`KNOWN_GENDER`, used to score only — claimx
  reads gender from the article's words): the share given that gender, the
  other one, or null.

Reads the records ``oracle.py save`` wrote (``polnear-dev.jsonl``,
``polnear-train.jsonl``); reuses :mod:`claimx.evaluate.polnear`'s loaders.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "we", "i", "you", "his", "its", "their"}
# public figures of PolNeAR's articles and their documented gender: a score, never an input
KNOWN_GENDER = {
    "Hillary Clinton": "female", "Donald Trump": "male", "Bernie Sanders": "male", "Barack Obama": "male",
    "Ted Cruz": "male", "Marco Rubio": "male", "Elizabeth Warren": "female", "Melania Trump": "female",
    "Ivanka Trump": "female", "Carly Fiorina": "female", "Mike Pence": "male", "Tim Kaine": "male",
    "Huma Abedin": "female", "Kellyanne Conway": "female", "Nancy Pelosi": "female", "Chris Christie": "male",
    "Bill Clinton": "male", "Jeb Bush": "male", "Ben Carson": "male", "John Kasich": "male", "Paul Ryan": "male",
    "Joe Biden": "male", "Hope Hicks": "female", "Jill Stein": "female", "Gary Johnson": "male",
    "Debbie Wasserman Schultz": "female", "Megyn Kelly": "female", "Michelle Obama": "female", "Rand Paul": "male",
    "John McCain": "male", "Mitch McConnell": "male", "Loretta Lynch": "female", "Chelsea Clinton": "female",
    "Sarah Palin": "female",
}
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def words(text: str) -> list[str]:
    """The words of ``text``, a possessive ending dropped: "Clinton’s" -> Clinton."""
    return [re.sub(r"[’']s$", "", w) for w in _WORD.findall(text)]


_CUT = re.compile(r",|\(|\s[—–]\s|\s(?:who|of|and|at|from|for)\s")


def name_part(text: str) -> list[str]:
    """The words of a gold source up to its first comma, bracket, dash or
    "who/of/and/at/from/for": "Sen. David Perdue (R-Ga.)" -> Sen, David,
    Perdue; "Kenneth Baer, a former official" -> Kenneth, Baer."""
    return words(_CUT.split(text, maxsplit=1)[0])


def same_name(gold: str, name: str) -> bool:
    """Whether a speaker's name names the gold source: it holds the last word
    of the source's name part, or its last word is among the source's words
    before a comma or bracket ("Former Secretary of State Madeleine Albright")."""
    have = {w.lower() for w in words(name)}
    head = {w.lower() for w in words(re.split(r"[,(]", gold, maxsplit=1)[0])}
    return name_part(gold)[-1].lower() in have or bool(have) and words(name)[-1].lower() in head


def source_class(text: str) -> str:
    """named, pronoun, description or other (the kind of a gold source)."""
    ws = name_part(text)
    if not ws:
        return "other"
    if len(ws) == 1 and ws[0].lower() in PRONOUNS:
        return "pronoun"
    if ws[0].lower() == "the" and len(ws) >= 2 and ws[-1][:1].islower():
        return "description"
    if ws[0][:1].isupper() and ws[0] not in ("The", "A", "An") and ws[-1][:1].isupper() and len(ws) <= 6:
        return "named"
    return "other"


def pairs(text: str, gold: list, pred: list) -> list[tuple[int, int]]:
    """Predicted and gold relations paired as the scorer pairs them."""
    gl = [(g.letters("content", text), g.letters("source", text)) for g in gold]
    pl = [(p.letters("content", text), p.letters("source", text)) for p in pred]
    cand = []
    for i, (pc, ps) in enumerate(pl):
        for j, (gc, gs) in enumerate(gl):
            inter = len(pc & gc)
            if inter:
                sim = inter / len(pc | gc) + (1 if (ps & gs) or (not ps and not gs) else 0)
                cand.append((-sim, i, j))
    from claimx.evaluate.polnear import one_to_one

    return one_to_one(cand)


def check(records: Path, split: str, show: int) -> dict[str, Counter]:
    from claimx.evaluate.polnear import load_corpus, predicted_relations

    by_id = {}
    with open(records, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            by_id[rec["article"]["id"]] = rec
    tally: dict[str, Counter] = {"named": Counter(), "pronoun": Counter(), "description": Counter(),
                                 "gender": Counter()}
    shown = 0
    for doc in load_corpus(SHARED / "corpora" / "polnear", split):
        rec = by_id[doc.id]
        names = {s["id"]: s["name"] for s in rec["speakers"]}
        for s in rec["speakers"]:
            known = KNOWN_GENDER.get(s["name"]) if s["kind"] == "person" else None
            if known is not None:
                g = s.get("gender")
                tally["gender"]["null" if g is None else "right" if g == known else "wrong"] += 1
        pred = predicted_relations(rec, doc.text)
        for i, j in pairs(doc.text, doc.gold, pred):
            src = doc.gold[j].roles.get("source")
            if not src:
                continue
            gold_text = " ".join(doc.text[s:e] for s, e in src)
            cls = source_class(gold_text)
            if cls not in ("named", "pronoun", "description"):
                continue
            q = rec["quotes"][i]
            name = names.get(q["speaker"]) if q["speaker"] else None
            if name is None:
                verdict = "null"
            elif cls == "named":
                verdict = "right" if same_name(gold_text, name) else "wrong"
                if verdict == "wrong" and shown < show:
                    shown += 1
                    print(f"  {doc.id} q{i + 1}: gold {gold_text!r} -> {name!r}", file=sys.stderr)
            elif cls == "description":
                verdict = "named" if name[:1].isupper() else "resolved"
            else:
                verdict = "resolved"
            tally[cls][verdict] += 1
    return tally


def gold_check(records: Path, gold_path: Path, show: int) -> None:
    """Print canonical-speaker and position accuracy on the hand-checked set."""
    from claimx.evaluate.speakers import load_gold, score

    with open(records, encoding="utf-8") as fh:
        by_id = {rec["article"]["id"]: rec for rec in map(json.loads, fh)}
    s = score(load_gold(gold_path), by_id)
    print(f"gold dev speakers: {s.gold} attributions, {s.paired} found: canonical speaker {s.accuracy:.4f} "
          f"({s.right}/{s.paired}); position given {s.position_accuracy:.4f} ({s.position}/{s.titled})")
    for line in s.misses[:show]:
        print("  " + line, file=sys.stderr)


def _share(c: Counter, *keys: str) -> str:
    n = sum(c.values())
    return f"{sum(c[k] for k in keys) / n:.4f}" if n else "n/a"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, help="records saved by scripts/oracle.py save")
    ap.add_argument("--splits", default="dev,train", help="comma-separated PolNeAR splits")
    ap.add_argument("--show", type=int, default=0, help="print this many wrong names (stderr)")
    ap.add_argument("--gold", nargs="?", const=ROOT / "tests" / "data" / "speaker_gold_dev.jsonl", type=Path,
                    help="also score the hand-checked speaker set (default tests/data/speaker_gold_dev.jsonl)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    if args.gold is not None:
        gold_check(args.dir / "polnear-dev.jsonl", args.gold, args.show)
    for split in args.splits.split(","):
        t = check(args.dir / f"polnear-{split}.jsonl", split, args.show)
        named, pron, desc, gen = t["named"], t["pronoun"], t["description"], t["gender"]
        nonnull = named["right"] + named["wrong"]
        print(f"{split}: named sources {sum(named.values())}: right {_share(named, 'right')}, "
              f"wrong {_share(named, 'wrong')}, null {_share(named, 'null')}, "
              f"right of resolved {named['right'] / nonnull if nonnull else 0:.4f}")
        print(f"{split}: pronoun sources {sum(pron.values())}: resolved {_share(pron, 'resolved')}")
        print(f"{split}: descriptions {sum(desc.values())}: to a named speaker {_share(desc, 'named')}, "
              f"to any {_share(desc, 'named', 'resolved')}")
        given = gen["right"] + gen["wrong"]
        print(f"{split}: known persons {sum(gen.values())}: gender right {_share(gen, 'right')}, "
              f"wrong {_share(gen, 'wrong')}, null {_share(gen, 'null')}, "
              f"right of given {gen['right'] / given if given else 0:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
