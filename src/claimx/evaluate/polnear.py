"""Score extractions against a brat-standoff attribution corpus laid out like
PolNeAR (``<split>/text/<id>.txt``, ``<split>/attributions/<id>_<ann>.ann``).

The scoring is PolNeAR's (see its README): spans trimmed of white space,
pieces of a role merged when only white space separates them; two spans
overlap when they share a letter or digit; predicted and gold relations are
paired one to one, greedily, most similar first; *quote* = content and source
both overlap (a gold relation without a source matches only a prediction
without one); *direct* restricts to contents holding a double quotation mark;
per role P/R/F1 under overlap and under exact letters-and-digits match.

With ``acts`` (``claimx eval --acts speech``) only the predicted quotes of
those acts are scored, against only the gold attributions whose cue the
lexicon gives one of those acts (:func:`gold_act`): PolNeAR annotates
beliefs, facts and intentions too, and this is how a speech-only user's view
is measured on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("content", "source", "cue")
DOUBLE_MARKS = "\"“”«»„"
_T_LINE = re.compile(r"^(T\d+)\t(\w+) ([\d ;]+)\t")
_WORD = re.compile(r"[^\W\d_]+")

Lemmas = Callable[[str], list[str]]  # a word -> its lemmas as a verb, likeliest first


@dataclass(slots=True)
class Relation:
    """One attribution: role -> pieces (character ranges)."""

    roles: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def letters(self, role: str, text: str) -> frozenset[int]:
        return frozenset(
            i for s, e in self.roles.get(role, ()) for i in range(s, e) if text[i].isalnum()
        )


@dataclass(slots=True)
class Document:
    id: str
    text: str
    gold: list[Relation]


def _merge(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(pieces):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if out and not text[out[-1][1] : s].strip():
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def read_ann(ann: str, text: str) -> list[Relation]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        m = _T_LINE.match(line)
        if m:
            pieces = []
            for piece in m.group(3).split(";"):
                a, b = piece.split()
                pieces.append((int(a), int(b)))
            spans[m.group(1)] = (m.group(2), pieces)
        elif line.startswith("E"):
            parts = line.split("\t")[1].split()
            events.append([tuple(p.split(":", 1)) for p in parts if ":" in p])  # type: ignore[misc]
    rels = []
    for ev in events:
        rel = Relation()
        for role, ref in ev:
            role = role.lower().rstrip("0123456789")
            if role in ROLES and ref in spans:
                rel.roles.setdefault(role, []).extend(spans[ref][1])
        for role in list(rel.roles):
            rel.roles[role] = _merge(text, rel.roles[role])
            if not rel.roles[role]:
                del rel.roles[role]
        if "content" in rel.roles:
            rels.append(rel)
    return rels


def load_corpus(root: Path, split: str = "dev") -> list[Document]:
    base = root / split
    if not (base / "text").is_dir():
        raise FileNotFoundError(f"{base / 'text'} is not a directory (expected a brat corpus laid out like PolNeAR)")
    anns: dict[str, Path] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        doc_id = p.stem.rsplit("_", 1)[0]
        anns.setdefault(doc_id, p)  # the annotator id that sorts first
    docs = []
    for t in sorted((base / "text").glob("*.txt")):
        if t.stem not in anns:
            continue
        with open(t, encoding="utf-8", newline="") as fh:
            text = fh.read()
        docs.append(Document(t.stem, text, read_ann(anns[t.stem].read_text(encoding="utf-8"), text)))
    return docs


def predicted_relations(record: dict, text: str) -> list[Relation]:
    """Relations from one claimx record (direct quotes keep their marks)."""
    mentions: dict[str, list[tuple[int, int]]] = {
        s["id"]: [(m["start"], m["end"]) for m in s["mentions"]] for s in record["speakers"]
    }
    rels = []
    for q in record["quotes"]:
        pieces = [(p["start"], p["end"]) for p in q.get("parts") or [q]]
        if q["type"] == "direct":
            pieces = [
                (s - 1 if s > 0 and text[s - 1] in DOUBLE_MARKS + "‘'" else s,
                 e + 1 if e < len(text) and text[e] in DOUBLE_MARKS + "’'" else e)
                for s, e in pieces
            ]
        rel = Relation({"content": _merge(text, pieces)})
        if q["speaker_mention"]:
            rel.roles["source"] = [(q["speaker_mention"]["start"], q["speaker_mention"]["end"])]
        elif q["speaker"] and mentions.get(q["speaker"]):
            before = [m for m in mentions[q["speaker"]] if m[0] < q["start"]]
            rel.roles["source"] = [before[-1] if before else mentions[q["speaker"]][0]]
        if q["cue"]:
            rel.roles["cue"] = [(q["cue"]["start"], q["cue"]["end"])]
        rels.append(rel)
    return rels


def verb_lemmas(nlp) -> Lemmas:
    """A word's lemmas as a verb by the model's own lemmatizer rules and
    exceptions ("said" -> ["say"], "hoping" -> ["hop", "hope"]), as claimx
    lemmatises the cues it finds; the lower-case word without a lemmatizer."""
    from spacy.tokens import Doc

    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names else None
    rule = getattr(lemmatizer, "rule_lemmatize", None)

    def lemmas(word: str) -> list[str]:
        if rule is None:
            return [word.lower()]
        doc = Doc(nlp.vocab, words=[word.lower()])
        doc[0].pos_ = "VERB"
        return list(rule(doc[0]))

    return lemmas


def gold_act(text: str, rel: Relation, lemmas: Lemmas) -> str | None:
    """The act the cue lexicon gives a gold attribution's cue: the first word
    of the cue text one of whose verb lemmas is a cue of the lexicon ("has
    learned" -> learn -> fact, "also said" -> say -> speech); "according to",
    a colon or a dash is speech, as claimx reads them; None when the lexicon
    knows no word of it ("in a poll"). The lexicon's act of the verb: of the
    constructions that override it in extraction only the one the
    annotation shows is applied (quoted words of a stance verb or a
    directive are speech); "urged X to" keeps "urge"'s act."""
    from claimx.lexicon import cue_acts

    cue = " ".join(text[s:e] for s, e in rel.roles.get("cue", ()))
    words = [w.lower() for w in _WORD.findall(cue)]
    if not cue.strip():
        return None
    if not words or "according" in words:
        return "speech"
    known = cue_acts()
    for word in words:
        for lemma in [word, *lemmas(word)]:
            if lemma in known:
                return _quoted_words(text, rel, lemma, known[lemma])
    return None


def _quoted_words(text: str, rel: Relation, lemma: str, act: str) -> str:
    """The one construction the annotation itself shows: a stance verb or a
    directive whose content holds quoted words reports speech ("“A
    disgrace,” he blasted"), as :func:`claimx.pipeline.attribution.acts.words_said`
    reads it."""
    from claimx.lexicon import directives, stances

    if act != "speech" and (lemma in stances() or lemma in directives()) and _has_double(text, rel):
        return "speech"
    return act


def score_corpus(
    docs: Iterable[Document], records: Iterable[dict], acts: frozenset[str] | None = None,
    lemmas: Lemmas | None = None, topics: bool = False,
) -> dict[str, dict[str, float]]:
    """The scores of claimx ``records`` (dicts, one per document, in order)
    against ``docs``; with ``acts``, only the quotes of those acts against the
    gold attributions whose cue the lexicon gives one of them (``lemmas``
    lemmatises the gold cues' words). Quotes that state no claim (a topic
    only, a question: ``content``) are scored only with ``topics`` and no
    ``acts``, as ``claimx extract`` outputs them."""
    per_doc = []
    for gold, rec in zip(docs, records, strict=True):
        relations = gold.gold
        if acts is not None or not topics:
            rec = {**rec, "quotes": [q for q in rec["quotes"] if q.get("content", "claim") == "claim"]}
        if acts is not None:
            lemmas = lemmas or (lambda word: [word])
            rec = {**rec, "quotes": [q for q in rec["quotes"] if q["act"] in acts]}
            relations = [g for g in relations if gold_act(gold.text, g, lemmas) in acts]
        per_doc.append(score_document(gold.text, relations, predicted_relations(rec, gold.text)))
    return summarise(per_doc)


@dataclass(slots=True)
class Counts:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def prf(self) -> dict[str, float]:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "predicted": self.n_pred, "gold": self.n_gold}


def _has_double(text: str, rel: Relation) -> bool:
    return any(ch in DOUBLE_MARKS for s, e in rel.roles["content"] for ch in text[s:e])


def score_document(text: str, gold: list[Relation], pred: list[Relation]) -> dict[str, Counts]:
    """Counts for one document (add them up over a corpus)."""
    gl = [{r: g.letters(r, text) for r in ROLES} for g in gold]
    pl = [{r: p.letters(r, text) for r in ROLES} for p in pred]
    pairs = []
    for i, p in enumerate(pl):
        for j, g in enumerate(gl):
            inter = len(p["content"] & g["content"])
            if not inter:
                continue
            sim = inter / len(p["content"] | g["content"])
            if p["source"] and g["source"] and p["source"] & g["source"]:
                sim += 1
            elif not p["source"] and not g["source"]:
                sim += 1
            pairs.append((-sim, i, j))
    matched = one_to_one(pairs)

    counts = {k: Counts() for k in ["quote"] + [f"{r}.{m}" for r in ROLES for m in ("overlap", "exact")]}
    counts["quote"].n_pred, counts["quote"].n_gold = len(pred), len(gold)
    direct_p = {i for i, p in enumerate(pred) if _has_double(text, p)}
    direct_g = {j for j, g in enumerate(gold) if _has_double(text, g)}
    for role in ROLES:
        for m in ("overlap", "exact"):
            counts[f"{role}.{m}"].n_pred = sum(1 for p in pl if p[role])
            counts[f"{role}.{m}"].n_gold = sum(1 for g in gl if g[role])
    for i, j in matched:
        p, g = pl[i], gl[j]
        if _src_ok(p, g):
            counts["quote"].tp += 1
        for role in ROLES:
            if p[role] and g[role]:
                if p[role] & g[role]:
                    counts[f"{role}.overlap"].tp += 1
                if p[role] == g[role]:
                    counts[f"{role}.exact"].tp += 1
    # direct precision and recall count separately: a direct gold may pair with
    # a prediction the scorer does not call direct (and the other way round)
    d_tp_p = sum(1 for i, j in matched if i in direct_p and _src_ok(pl[i], gl[j]))
    d_tp_g = sum(1 for i, j in matched if j in direct_g and _src_ok(pl[i], gl[j]))
    counts["direct.p"] = Counts(d_tp_p, len(direct_p), 0)
    counts["direct.r"] = Counts(d_tp_g, 0, len(direct_g))
    return counts


def _src_ok(p: dict, g: dict) -> bool:
    return bool(p["source"] & g["source"]) if g["source"] else not p["source"]


def summarise(per_doc: Iterable[dict[str, Counts]]) -> dict[str, dict[str, float]]:
    total: dict[str, Counts] = {}
    for counts in per_doc:
        for k, c in counts.items():
            total.setdefault(k, Counts()).add(c)
    out = {k: c.prf() for k, c in total.items() if not k.startswith("direct.")}
    dp, dr = total.get("direct.p", Counts()), total.get("direct.r", Counts())
    p = dp.tp / dp.n_pred if dp.n_pred else 0.0
    r = dr.tp / dr.n_gold if dr.n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    out["quote.direct"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                           "tp": dr.tp, "predicted": dp.n_pred, "gold": dr.n_gold}
    order = ["quote", "quote.direct"] + [f"{r}.{m}" for r in ROLES for m in ("overlap", "exact")]
    return {k: out[k] for k in order}


def one_to_one(candidates: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """(a, b) pairs from (cost, a, b) candidates, cheapest first, each a and b used once."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for _, a, b in sorted(candidates):
        if a not in used_a and b not in used_b:
            used_a.add(a)
            used_b.add(b)
            out.append((a, b))
    return out
