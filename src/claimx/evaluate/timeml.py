"""Score date expressions against TimeML documents (TempEval-3 layout: the
``<DCT>`` TIMEX3 is the article date, the TIMEX3 tags inside ``<TEXT>`` are
the gold).

Measures, as TempEval-3 defines them: strict span P/R/F1 (same start and
end), relaxed span P/R/F1 (overlap), value accuracy over relaxed matches,
type accuracy, and value F1 (a relaxed match with the same value), overall
and per gold type. And value P/R/F1 per family of normalisation rules
(``family.times``...): a family's predictions, the gold expressions they
matched, and how many of those it gave the gold value (a time's zone, "Z" or an
offset, left out on both sides as the TimeML scorers do: :func:`plain_value`); gold no prediction
matched is ``family.(missed)``, an expression no rule read
``family.(no rule)``. The families add up to the whole.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from claimx.evaluate.polnear import Counts

if TYPE_CHECKING:
    from spacy.language import Language

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
KIND_TO_TYPE = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}
# a time's zone designator: a trailing "Z" or a UTC offset ("T09:30Z", "T09:30-05:00", "T17+0100")
_ZONE = re.compile(r"(T[0-9X]{2}(?::?[0-9X]{2}){0,2}(?:\.\d+)?|T(?:MO|AF|EV|NI|DT))(?:Z|[+-]\d{2}(?::?\d{2})?)$")


def plain_value(value: str | None) -> str | None:
    """A TIMEX3 value as the TimeML scorers compare it: a time's zone
    designator left out ("2024-03-15T09:30Z" and "2024-03-15T09:30-05:00"
    are "2024-03-15T09:30"). TimeML 1.2.1 (§2.2, the value attribute)
    writes a time in ISO 8601 with or without a zone, and TimeBank writes
    "5 p.m. EST" as T17:00: the clock time is the value, the zone is how
    it was written. Everything else compares as written."""
    if value is None or "T" not in value:
        return value
    return _ZONE.sub(r"\1", value)


def same_value(predicted: str | None, gold: str | None) -> bool:
    """Whether a predicted value scores as the gold one (:func:`plain_value`)."""
    return predicted is not None and plain_value(predicted) == plain_value(gold)


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    type: str
    value: str | None
    rule: str = ""  # a prediction's rule tag ("times: <clock time>")

    @property
    def family(self) -> str:
        """The family of the rule that read it ("times"), "(no rule)" for none."""
        return self.rule.split(":", 1)[0] if self.rule else "(no rule)"


@dataclass(slots=True)
class TimeMLDoc:
    id: str
    text: str
    dct: str | None
    gold: list[Timex]


def read_tml(source: str, doc_id: str = "") -> TimeMLDoc:
    m = re.search(r"<DCT>.*?value=\"([^\"]+)\"", source, re.S)
    dct = m.group(1)[:10] if m else None
    body = re.search(r"<TEXT>(.*)</TEXT>", source, re.S)
    raw = body.group(1) if body else ""
    out: list[str] = []
    pos = 0
    length = 0
    gold: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for tag in _TAG.finditer(raw):
        chunk = html.unescape(raw[pos : tag.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name = tag.group(1), tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            gold.append(Timex(start, length, attrs.get("type", "DATE"), attrs.get("value")))
            open_timex = None
    out.append(html.unescape(raw[pos:]))
    return TimeMLDoc(doc_id, "".join(out), dct, gold)


def load_timeml(path: Path) -> list[TimeMLDoc]:
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    return [read_tml(f.read_text(encoding="utf-8"), f.stem) for f in files]


def score(docs_and_predictions) -> dict:
    strict, relaxed, value, typ = Counts(), Counts(), Counts(), Counts()
    per_type: dict[str, Counts] = {}
    per_family: dict[str, Counts] = {}
    matched = 0
    for gold, pred in docs_and_predictions:
        for c in (strict, relaxed, value):
            c.n_pred += len(pred)
            c.n_gold += len(gold)
        for g in gold:
            per_type.setdefault(g.type, Counts()).n_gold += 1
        for p in pred:
            per_type.setdefault(p.type, Counts()).n_pred += 1
            per_family.setdefault(p.family, Counts()).n_pred += 1
        used: set[int] = set()
        for g in gold:
            best = _best_match(g, pred, used)
            if best is None:
                per_family.setdefault("(missed)", Counts()).n_gold += 1
                continue
            p = pred[best]
            used.add(best)
            matched += 1
            relaxed.tp += 1
            strict.tp += p.start == g.start and p.end == g.end
            typ.tp += p.type == g.type
            family = per_family[p.family]
            family.n_gold += 1
            if same_value(p.value, g.value):
                value.tp += 1
                per_type[g.type].tp += 1
                family.tp += 1
    out = {
        "strict": strict.prf(),
        "relaxed": relaxed.prf(),
        "value": value.prf(),
        "value_accuracy": round(value.tp / matched, 4) if matched else 0.0,
        "type_accuracy": round(typ.tp / matched, 4) if matched else 0.0,
    }
    for t, c in sorted(per_type.items()):
        out[f"value.{t}"] = c.prf()
    for f, c in sorted(per_family.items()):
        out[f"family.{f}"] = c.prf()
    return out


def _best_match(g: Timex, pred: list[Timex], used: set[int]) -> int | None:
    """The unused prediction overlapping ``g`` most, if any."""
    best = None
    for i, p in enumerate(pred):
        if i in used or p.end <= g.start or g.end <= p.start:
            continue
        ov = min(p.end, g.end) - max(p.start, g.start)
        if best is None or ov > best[0]:
            best = (ov, i)
    return None if best is None else best[1]


def evaluate_timeml(path: Path, nlp: Language, limit: int | None = None, n_process: int = 1) -> dict:
    from claimx.pipeline.extract import extract
    from claimx.read.inputs import Article

    docs = load_timeml(path)[:limit] if limit else load_timeml(path)
    records = extract((Article(d.id, d.id, d.text, published=d.dct) for d in docs), nlp, n_process=n_process)
    pairs = []
    for rec, tml in zip(records, docs, strict=True):
        pred = [Timex(d.start, d.end, KIND_TO_TYPE[d.kind], d.value, d._rule) for d in rec.dates]
        pairs.append((tml.gold, pred))
    return {"documents": len(docs), **score(pairs)}
