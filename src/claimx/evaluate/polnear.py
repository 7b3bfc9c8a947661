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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

ROLES = ("content", "source", "cue")
DOUBLE_MARKS = "\"“”«»„"
_T_LINE = re.compile(r"^(T\d+)\t(\w+) ([\d ;]+)\t")
_WORD = re.compile(r"[^\W\d_]+")
_SINGLE_OPENING = re.compile(r"(?:^|(?<=[\s(\[—–-]))['‘](?=\w)")  # a single quotation mark opening words

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
    knows no word of it ("in a poll"; claimx calls quoted words after such a
    cue speech, "“...,” she scoffed", but most such gold cues on PolNeAR are
    a name or a phrase annotated as the cue). The lexicon's act of the verb: of the
    constructions that override it in extraction only those the annotation
    shows are applied (quoted words of a stance verb or a directive are
    speech, here; a directive's infinitive is intention and content that
    states no claim has no act, in :func:`gold_acts`)."""
    return _gold_cue(text, rel, lemmas)[1]


def _gold_cue(text: str, rel: Relation, lemmas: Lemmas) -> tuple[str | None, str | None]:
    """(the lexicon lemma of the cue, its act), as :func:`gold_act` reads them."""
    from claimx.lexicon import cue_acts

    cue = " ".join(text[s:e] for s, e in rel.roles.get("cue", ()))
    words = [w.lower() for w in _WORD.findall(cue)]
    if not cue.strip():
        return None, None
    if not words or "according" in words:
        return None, "speech"
    known = cue_acts()
    for word in words:
        for lemma in [word, *lemmas(word)]:
            if lemma in known:
                return lemma, _quoted_words(text, rel, lemma, known[lemma])
    return None, None


def _quoted_words(text: str, rel: Relation, lemma: str, act: str) -> str:
    """The one construction the annotation itself shows: a stance verb or a
    directive whose content holds quoted words reports speech ("“A
    disgrace,” he blasted"), as :func:`claimx.pipeline.attribution.acts.words_said`
    reads it."""
    from claimx.lexicon import directives, stances

    if act != "speech" and (lemma in stances() or lemma in directives()) and _has_double(text, rel):
        return "speech"
    return act


Parse = Callable[[list[str]], Iterable["Doc"]]  # texts -> their Docs, tagged and parsed

_CLAUSE_REACH = 200  # characters from a source to its cue, from the cue to its content
_CONTENT_REACH = 400  # longer content is a clause, whatever its head
_WH = frozenset({"what", "why", "how", "when", "where", "who", "whom", "whose", "which"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NOMINAL = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "CD"})  # tags: the parse runs no claimx component
_PREDICATES = frozenset({"oprd", "acomp", "xcomp", "ccomp", "advcl", "relcl", "acl"})


def gold_parser(nlp) -> Parse:
    """``nlp``'s tagger and parser alone (none of claimx's components: fine
    tags and dependencies, no coarse parts of speech), for :func:`gold_acts`."""
    keep = [n for n in nlp.pipe_names if n in ("tok2vec", "tagger", "parser")]

    def parse(texts: list[str]) -> list:
        with nlp.select_pipes(enable=keep):
            return list(nlp.pipe(texts))

    return parse


def gold_acts(gold: Document, lemmas: Lemmas, parse: Parse | None = None) -> list[str | None]:
    """The act of each gold attribution of ``gold`` as ACTS.md reads a
    statement, the way ``claimx eval --acts`` compares claimx's to them:
    :func:`gold_act`; then, with ``parse``, on a parse of the gold's own
    clause (its source, cue and content, when the cue comes first and the
    content holds no quotation mark), rules 2 and 3 as the annotation shows
    them (:func:`gold_content`): a directive's infinitive is the source's
    aim, intention ("called on Congress to act"); a content that only
    names a topic ("announced the arrest of a man") or asks ("asked whether
    the plan was legal") states no claim, of no act."""
    text = gold.text
    found = [_gold_cue(text, g, lemmas) for g in gold.gold]
    acts = [act for _, act in found]
    if parse is None:
        return acts
    clauses = [(k, c) for k, (g, (lemma, act)) in enumerate(zip(gold.gold, found, strict=True))
               if act is not None and (c := _clause(text, g)) is not None]
    parsed = parse([text[start:end] for _, (start, _, end) in clauses])
    for (k, (start, begin, end)), clause in zip(clauses, parsed, strict=True):
        kind = gold_content(clause, begin - start, end - start, found[k][0] or "")
        acts[k] = "intention" if kind == "aim" else None if kind in ("topic", "question") else acts[k]
    return acts


def _clause(text: str, rel: Relation) -> tuple[int, int, int] | None:
    """(start, content start, end) of the source-cue-content clause of a
    gold attribution whose cue comes right before its unquoted content."""
    cue, content = rel.roles.get("cue"), rel.roles["content"]
    begin, end = content[0][0], content[-1][1]
    if not cue or cue[-1][1] > begin or begin - cue[-1][1] > _CLAUSE_REACH or end - begin > _CONTENT_REACH:
        return None
    if _has_double(text, rel) or _SINGLE_OPENING.search(text, begin, end):
        return None  # quoted words: said (an apostrophe, "Reagan's", is none)
    start = cue[0][0]
    source = rel.roles.get("source")
    if source and source[-1][1] <= start and start - source[0][0] <= _CLAUSE_REACH:
        start = source[0][0]
    return start, begin, end


def gold_content(clause, begin: int, end: int, lemma: str) -> str:
    """What the content at ``begin:end`` of a parsed ``clause`` (a Doc) is,
    by its structure: ``question`` ("whether the plan was legal"; "what he
    would do" after a verb of asking), ``aim`` (an infinitive after a
    directive: "Congress to act"), ``topic`` (a noun phrase with no verb
    and no predicate on it: "the end of the strike", not "the meeting as
    productive", not after a verb that says yes or no to its object:
    "denied the charges", not a charge: "accused the aides of sexism", not a
    pro-form: "said so", "said as much") or
    ``claim``."""
    from claimx.lexicon import asking_verbs, charge_verbs, directives, polarity_verbs

    span = clause.char_span(begin, end, alignment_mode="expand")
    if span is None or not len(span):
        return "claim"
    first = span[0].lower_
    if first == "whether" or (first == "if" or first in _WH) and lemma in asking_verbs():
        return "question"
    tops = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
    if lemma in directives() and not any(t.tag_ in _FINITE for t in tops) and any(
        t.tag_ == "VB" and any(c.tag_ == "TO" for c in t.children) for t in tops
    ):
        return "aim"
    if lemma in polarity_verbs() or any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in span):
        return "claim"
    if lemma in charge_verbs() and any(t.lower_ == "of" for t in span):
        return "claim"  # "accused the aides of sexism"
    if any(t.dep_ in _PREDICATES or t.dep_ == "prep" and t.lower_ == "as" for t in tops):
        return "claim"
    named = any(t.dep_ in ("dobj", "pobj") and t.tag_ in _NOMINAL for t in tops)
    return "topic" if named else "claim"  # not "said so", "said as much", "said yes"


def score_corpus(
    docs: Iterable[Document], records: Iterable[dict], acts: frozenset[str] | None = None,
    lemmas: Lemmas | None = None, topics: bool = False, parse: Parse | None = None,
) -> dict[str, dict[str, float]]:
    """The scores of claimx ``records`` (dicts, one per document, in order)
    against ``docs``; with ``acts``, only the quotes of those acts against the
    gold attributions whose cue the lexicon gives one of them (``lemmas``
    lemmatises the gold cues' words). Quotes that state no claim (a topic
    only, a question: ``content``) are scored only with ``topics`` and no
    ``acts``, as ``claimx extract`` outputs them; with ``acts`` and ``parse``
    the gold is read as claimx reads its own (:func:`gold_acts`), unless
    ``topics`` keeps the gold's topic-only reports and questions too."""
    per_doc = []
    for gold, rec in zip(docs, records, strict=True):
        relations = gold.gold
        if not topics:
            rec = {**rec, "quotes": [q for q in rec["quotes"] if q.get("content", "claim") == "claim"]}
        if acts is not None:
            lemmas = lemmas or (lambda word: [word])
            rec = {**rec, "quotes": [q for q in rec["quotes"] if q["act"] in acts]}
            gold_of = gold_acts(gold, lemmas, None if topics else parse)
            relations = [g for g, act in zip(relations, gold_of, strict=True) if act in acts]
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
