"""People and claims across articles (``claimx corpus``): plain logic over
claimx/1 records, whatever stores them (a database, JSON Lines files).

**People.** One row per real-world speaker across the corpus, built by these
rules, in this order (each a function below with its examples in the tests):

1. organisations merge on their name (``the`` and case aside); groups,
   documents and unnamed sources ("officials", "the report", "a senior
   official") never merge and are no people: the ``people`` table holds
   persons and organisations only (their quotes keep the raw speaker
   name in ``claims``);
2. persons with the same full name (titles, honorifics and middle initials
   aside: "President Donald J. Trump" is "Donald Trump") merge unless their
   positions contradict (:func:`positions_contradict`: both the titles and
   the affiliations differ: a name is strong evidence, and positions as
   extracted are noisy);
3. a person named by surname alone ("Rubio", "Secretary Rubio") joins the
   one full-name person of that surname if their positions do not disagree
   (:func:`positions_disagree`); when two full-name people share the surname
   ("John Smith", "Jane Smith") it joins neither;
4. surname-only persons that joined no one merge with each other only when
   their positions agree (a title or an affiliation in common, none
   differing): two bare "Smith"s stay two rows, "President Obama" in two
   articles is one.

**Claims.** The same direct quote in several articles is one claim: the
words of a direct quote, and those of a quoted fragment of at least
:data:`MIN_FRAGMENT_WORDS` words inside a mixed quote, compared by
:func:`normalise_claim`, per person (a quote with no resolved speaker joins
the one person who said those words, if there is one).

Results are deterministic and do not depend on the order of the records.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

from claimx.lexicon import demonyms, titles
from claimx.read.fingerprint import count_stories, stories

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev"})
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
MERGED_KINDS = frozenset({"person", "organisation"})
ROLE_WORDS = frozenset({"former", "then", "acting", "current", "interim", "outgoing", "incoming", "presidential",
                        "longtime", "senior", "top"})
MIN_FRAGMENT_WORDS = 4
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_QUOTED = re.compile(r"[“\"«‘]([^“”\"«»]+?)[”\"»’](?!\w)")


# ---- names and positions -------------------------------------------------------------

def fold(text: str) -> str:
    """Lower case, accents and curly apostrophes aside: "José O’Brien" -> "jose o'brien"."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


@cache
def _title_words() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(_WORD.findall(fold(t))) for t in titles())


@cache
def _places() -> dict[str, str]:
    return {fold(k).replace(".", ""): fold(v) for k, v in demonyms().items()}


def name_key(name: str) -> tuple[str, ...]:
    """A person's name as compared across articles: folded words without
    leading titles and honorifics or middle initials.

    "Secretary of State Marco Rubio" -> ("marco", "rubio"); "Mr. Smith" ->
    ("smith",); "Donald J. Trump Jr." -> ("donald", "trump", "jr")."""
    words = _WORD.findall(fold(name))
    stripped = True
    while stripped and len(words) > 1:
        stripped = False
        if words[0] in HONORIFICS:
            words, stripped = words[1:], True
            continue
        for title in _title_words():
            if tuple(words[: len(title)]) == title and len(words) > len(title):
                words, stripped = words[len(title):], True
                break
    return tuple(w for i, w in enumerate(words) if len(w) > 1 or i in (0, len(words) - 1))


def surname(key: tuple[str, ...]) -> str:
    """The last word of a name key that is not a suffix: ("donald", "trump", "jr") -> "trump"."""
    words = [w for w in key if w not in NAME_SUFFIXES] or list(key)
    return words[-1] if words else ""


def is_full_name(key: tuple[str, ...]) -> bool:
    """A given name and a surname at least: ("marco", "rubio") yes, ("rubio",) no."""
    return len([w for w in key if w not in NAME_SUFFIXES]) >= 2


def _title_key(title: str) -> frozenset[str]:
    return frozenset(_WORD.findall(fold(title)))


def _affiliation_key(affiliation: str) -> frozenset[str]:
    """Its words without the ones that tell of the role, not the body:
    "then-U.S." -> {"us"}, "Democratic presidential" -> {"democratic"}."""
    words = [w for w in _WORD.findall(fold(affiliation).replace(".", "")) if w not in ROLE_WORDS]
    joined = " ".join(words)
    return frozenset(_places().get(joined, joined).split())


def titles_agree(a: Iterable[str], b: Iterable[str]) -> bool | None:
    """True when a title of one is a title of the other or part of it
    ("Secretary" and "Secretary of State"); False when both have titles and
    none fit; None when either has none."""
    ka, kb = [_title_key(t) for t in a], [_title_key(t) for t in b]
    if not ka or not kb:
        return None
    return any(x <= y or y <= x for x in ka for y in kb)


def affiliations_agree(a: Iterable[str], b: Iterable[str]) -> bool | None:
    """True when an affiliation of one is one of the other or part of it
    ("U.S." and "American", "Democratic" and "Democratic Party"), False when
    both have some and none fit, None when either has none."""
    ka, kb = [k for x in a if (k := _affiliation_key(x))], [k for x in b if (k := _affiliation_key(x))]
    if not ka or not kb:
        return None
    return any(x <= y or y <= x for x in ka for y in kb)


def positions_disagree(a: Positions, b: Positions) -> bool:
    """Titles or affiliations differ and nothing is shared: "Mayor (Springfield)"
    and "Senator (Ohio)", or "Mayor" and "Senator". A side that says nothing
    disagrees with nothing."""
    verdicts = (titles_agree(a.titles, b.titles), affiliations_agree(a.affiliations, b.affiliations))
    return False in verdicts and True not in verdicts


def positions_contradict(a: Positions, b: Positions) -> bool:
    """Both the titles and the affiliations differ: "Mayor (Springfield)" and
    "Senator (Ohio)"; not "Mayor" and "Senator", which say nothing of where."""
    verdicts = (titles_agree(a.titles, b.titles), affiliations_agree(a.affiliations, b.affiliations))
    return verdicts == (False, False)


def positions_agree(a: Positions, b: Positions) -> bool:
    """A title or an affiliation in common, and no disagreement."""
    verdicts = (titles_agree(a.titles, b.titles), affiliations_agree(a.affiliations, b.affiliations))
    return True in verdicts and False not in verdicts


@dataclass(slots=True)
class Positions:
    titles: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)

    def add(self, other: Positions) -> None:
        self.titles |= other.titles
        self.affiliations |= other.affiliations


# ---- what one record contributes ---------------------------------------------------------

def outlet(article: dict) -> str | None:
    """Where an article was published: its ``outlet`` or ``sitename`` field,
    else the host of its URL without ``www.``; None when unknown."""
    for key in ("outlet", "sitename"):
        if article.get(key):
            return str(article[key])
    url = article.get("url") or ""
    host = urlsplit(url).hostname if "//" in url else None
    return host.removeprefix("www.") if host else None


@dataclass(slots=True)
class SpeakerRef:
    article_id: str
    speaker_id: str
    name: str
    kind: str
    positions: Positions
    position_texts: list[str]
    gender: str | None = None
    gender_evidence: int = 0

    @property
    def key(self) -> tuple[str, ...]:
        return name_key(self.name) if self.kind == "person" else tuple(_WORD.findall(fold(self.name)))


@dataclass(slots=True)
class QuoteRef:
    article_id: str
    quote_id: str
    speaker_id: str | None
    speaker_name: str | None
    type: str
    text: str
    date: str | None


@dataclass(slots=True)
class ArticleRef:
    id: str
    outlet: str | None
    date: str | None
    fingerprint: str | None = None  # copies of one story (claimx.read.fingerprint)


def _speaker_ref(article_id: str, s: dict) -> SpeakerRef:
    positions = Positions({p["title"] for p in s["positions"] if p.get("title")},
                          {p["affiliation"] for p in s["positions"] if p.get("affiliation")})
    evidence = s.get("gender_evidence")
    count = len(evidence) if isinstance(evidence, list) else (1 if s.get("gender") else 0)
    return SpeakerRef(article_id, s["id"], s["name"], s["kind"], positions,
                      [p["text"] for p in s["positions"]], s.get("gender"), count)


# ---- people ----------------------------------------------------------------------------

class _Cluster:
    def __init__(self, ref: SpeakerRef) -> None:
        self.members = [ref]
        self.positions = Positions()
        self.positions.add(ref.positions)

    def add(self, ref: SpeakerRef) -> None:
        self.members.append(ref)
        self.positions.add(ref.positions)


def cluster_speakers(refs: Iterable[SpeakerRef]) -> list[list[SpeakerRef]]:
    """Group the speakers of all articles into people (the rules in the module docstring)."""
    refs = sorted(refs, key=lambda r: (r.article_id, r.speaker_id))
    clusters: list[_Cluster] = []
    by_org: dict[tuple[str, ...], _Cluster] = {}
    by_full: dict[tuple[str, ...], list[_Cluster]] = defaultdict(list)
    short: list[SpeakerRef] = []
    for ref in refs:
        key = ref.key
        if ref.kind not in MERGED_KINDS or not key:
            clusters.append(_Cluster(ref))
        elif ref.kind == "organisation":
            org = key[1:] if key[0] == "the" and len(key) > 1 else key
            if org in by_org:
                by_org[org].add(ref)
            else:
                clusters.append(by_org.setdefault(org, _Cluster(ref)))
        elif is_full_name(key):
            _join_or_add(ref, by_full[key], clusters, positions_contradict)
        else:
            short.append(ref)
    by_surname: dict[str, list[_Cluster]] = defaultdict(list)
    for key, group in by_full.items():
        by_surname[surname(key)].extend(group)
    alone: dict[str, list[_Cluster]] = defaultdict(list)
    for ref in short:
        candidates = by_surname.get(surname(ref.key), [])
        if len(candidates) == 1 and not positions_disagree(ref.positions, candidates[0].positions):
            candidates[0].add(ref)
        else:  # no one, or a surname two people share: only with another of its positions
            _join_or_add(ref, alone[surname(ref.key)], clusters, lambda a, b: not positions_agree(a, b))
    return [c.members for c in clusters]


def _join_or_add(ref: SpeakerRef, group: list[_Cluster], clusters: list[_Cluster], apart) -> None:
    """Join the first cluster of ``group`` that ``ref`` is not ``apart`` from, else start one."""
    for cluster in group:
        if not apart(ref.positions, cluster.positions):
            cluster.add(ref)
            return
    cluster = _Cluster(ref)
    group.append(cluster)
    clusters.append(cluster)


def display_name(members: list[SpeakerRef]) -> str:
    """The fullest name the articles give, the most frequent among equals."""
    counts = Counter(m.name for m in members)
    return min(counts, key=lambda n: (-len(name_key(n)), -counts[n], n))


def slug(text: str) -> str:
    return "-".join(_WORD.findall(fold(text))) or "unnamed"


def _gender(members: list[SpeakerRef]) -> tuple[str | None, int, int]:
    """The gender the articles' evidence reads (more evidence wins; a tie is
    null), with the evidence count for each."""
    female = sum(m.gender_evidence for m in members if m.gender == "female")
    male = sum(m.gender_evidence for m in members if m.gender == "male")
    gender = "female" if female > male else "male" if male > female else None
    return gender, female, male


# ---- claims ------------------------------------------------------------------------------

def normalise_claim(text: str) -> str:
    """Words only, folded: quotation marks, punctuation, case and spacing aside.
    "That’s called surrender." -> "that's called surrender"."""
    return " ".join(_WORD.findall(fold(text)))


def claim_texts(quote: QuoteRef) -> list[tuple[str, bool]]:
    """The quoted words a quote holds, each with whether it is a fragment:
    a direct quote's text; a mixed quote's quoted fragments of at least
    MIN_FRAGMENT_WORDS words; nothing for an indirect quote."""
    if quote.type == "direct":
        return [(quote.text, False)]
    if quote.type == "mixed":
        return [(m.group(1), True) for m in _QUOTED.finditer(quote.text)
                if len(_WORD.findall(m.group(1))) >= MIN_FRAGMENT_WORDS]
    return []


def claim_id(normalised: str, person_id: str | None) -> str:
    return "c" + hashlib.sha1(f"{normalised}\x1f{person_id or ''}".encode()).hexdigest()[:12]


# ---- the corpus ---------------------------------------------------------------------------

@dataclass
class Corpus:
    """The corpus tables as rows, and the counts the summary reads."""

    articles: int = 0
    quotes: int = 0
    people: list[dict] = field(default_factory=list)
    person_speakers: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    claim_quotes: list[dict] = field(default_factory=list)
    quotes_per_outlet: dict[str, int] = field(default_factory=dict)
    quotes_by_gender: dict[str, int] = field(default_factory=dict)
    stories: int = 0  # articles, copies of one story counted once (claimx.read.fingerprint)
    story_of: dict[str, str] = field(default_factory=dict)  # article id -> story id
    # quoted sources with no row in ``people`` (one row each, never merged): the view lists them with the others
    unmerged_sources: list[dict] = field(default_factory=list)


class _Collected:
    """The compact part of each record the corpus needs (records are not kept)."""

    def __init__(self, records: Iterable[dict]) -> None:
        latest: dict[str, dict] = {}
        for data in records:  # an article given again replaces the earlier one
            art = data["article"]
            aid = art["id"]
            latest[aid] = {
                "article": ArticleRef(aid, outlet(art), art.get("published") or art.get("reference_date"),
                                      art.get("fingerprint")),
                "speakers": [_speaker_ref(aid, s) for s in data["speakers"]],
                "quotes": [QuoteRef(aid, q["id"], q["speaker"], q["speaker_name"], q["type"], q["text"], q["date"])
                           for q in data["quotes"]],
            }
        ordered = [latest[k] for k in sorted(latest)]
        self.articles = {d["article"].id: d["article"] for d in ordered}
        self.speakers = [s for d in ordered for s in d["speakers"]]
        self.quotes = [q for d in ordered for q in d["quotes"]]


def build(records: Iterable[dict]) -> Corpus:
    """People and claims for a corpus of claimx/1 records."""
    got = _Collected(records)
    corpus = Corpus(articles=len(got.articles), quotes=len(got.quotes))
    corpus.story_of = stories({a.id: a.fingerprint for a in got.articles.values()})
    corpus.stories = len(set(corpus.story_of.values()))
    person_of = _people(got, corpus)
    _claims(got, corpus, person_of)
    corpus.unmerged_sources = _unmerged(got, person_of)
    outlets = Counter(got.articles[q.article_id].outlet or "(unknown)" for q in got.quotes)
    corpus.quotes_per_outlet = dict(sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0])))
    people = {p["id"]: p for p in corpus.people}
    genders: Counter[str] = Counter()
    for q in got.quotes:
        pid = person_of.get((q.article_id, q.speaker_id or ""))
        if pid and people[pid]["kind"] == "person":
            genders[people[pid]["gender"] or "unknown"] += 1
    corpus.quotes_by_gender = {g: genders[g] for g in ("female", "male", "unknown") if genders[g]}
    return corpus


def _people(got: _Collected, corpus: Corpus) -> dict[tuple[str, str], str]:
    quotes_of: dict[tuple[str, str], list[QuoteRef]] = defaultdict(list)
    for q in got.quotes:
        if q.speaker_id:
            quotes_of[(q.article_id, q.speaker_id)].append(q)
    groups = sorted(cluster_speakers(got.speakers),
                    key=lambda ms: (slug(display_name(ms)), ms[0].article_id, ms[0].speaker_id))
    used: Counter[str] = Counter()
    person_of: dict[tuple[str, str], str] = {}
    for members in groups:
        if members[0].kind not in MERGED_KINDS:
            continue  # a group, a document or an unnamed source is no person of the corpus
        name = display_name(members)
        base = slug(name)
        used[base] += 1
        pid = base if used[base] == 1 else f"{base}-{used[base]}"
        quotes = [q for m in members for q in quotes_of[(m.article_id, m.speaker_id)]]
        dates = sorted(filter(None, [q.date or got.articles[q.article_id].date for q in quotes]
                              or [got.articles[m.article_id].date for m in members]))
        position_counts = Counter(t for m in members for t in m.position_texts)
        gender, female, male = _gender(members)
        articles = sorted({m.article_id for m in members})
        corpus.people.append({
            "id": pid, "name": name, "kind": members[0].kind,
            "names": "; ".join(sorted({m.name for m in members})),
            "articles": len(articles), "quotes": len(quotes),
            "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
            "positions": "; ".join(sorted(position_counts, key=lambda t: (-position_counts[t], t))) or None,
            "outlets": _outlets(got, articles),
            "gender": gender, "gender_female": female, "gender_male": male,
        })
        for m in members:
            person_of[(m.article_id, m.speaker_id)] = pid
            corpus.person_speakers.append(
                {"person_id": pid, "article_id": m.article_id, "speaker_id": m.speaker_id, "name": m.name})
    corpus.person_speakers.sort(key=lambda r: (r["article_id"], r["speaker_id"]))
    return person_of


def _unmerged(got: _Collected, person_of: dict[tuple[str, str], str]) -> list[dict]:
    """The quoted speakers that no row of ``people`` stands for, as rows like its own."""
    quotes_of: dict[tuple[str, str], list[QuoteRef]] = defaultdict(list)
    for q in got.quotes:
        if q.speaker_id and (q.article_id, q.speaker_id) not in person_of:
            quotes_of[(q.article_id, q.speaker_id)].append(q)
    rows = []
    for s in got.speakers:
        quotes = quotes_of.get((s.article_id, s.speaker_id))
        if quotes:
            dates = sorted(filter(None, [q.date or got.articles[s.article_id].date for q in quotes]))
            rows.append({"id": f"{s.article_id}/{s.speaker_id}", "name": s.name, "kind": s.kind, "articles": 1,
                         "quotes": len(quotes), "first_date": dates[0] if dates else None,
                         "last_date": dates[-1] if dates else None, "positions": "; ".join(s.position_texts) or None,
                         "outlets": _outlets(got, [s.article_id]), "gender": s.gender, "article_id": s.article_id})
    return rows


def _outlets(got: _Collected, article_ids: Iterable[str]) -> str | None:
    return "; ".join(sorted({o for a in article_ids if (o := got.articles[a].outlet)})) or None


def _claims(got: _Collected, corpus: Corpus, person_of: dict[tuple[str, str], str]) -> None:
    groups: dict[tuple[str, str | None], list[tuple[QuoteRef, str, bool]]] = defaultdict(list)
    for q in got.quotes:
        pid = person_of.get((q.article_id, q.speaker_id)) if q.speaker_id else None
        for text, fragment in claim_texts(q):
            norm = normalise_claim(text)
            if norm:
                groups[(norm, pid)].append((q, text, fragment))
    said_by: dict[str, set[str]] = defaultdict(set)
    for norm, pid in groups:
        if pid:
            said_by[norm].add(pid)
    for norm in [k[0] for k in groups if k[1] is None]:
        if len(said_by[norm]) == 1:  # unresolved speaker: the one person who said these words
            groups[(norm, next(iter(said_by[norm])))].extend(groups.pop((norm, None)))
    names = {p["id"]: p["name"] for p in corpus.people}
    for (norm, pid), occ in groups.items():
        occ.sort(key=lambda o: (got.articles[o[0].article_id].date or "9999", o[0].article_id, o[0].quote_id))
        first = occ[0][0]
        cid = claim_id(norm, pid)
        articles = {o[0].article_id for o in occ}
        first_date = got.articles[first.article_id].date
        corpus.claims.append({
            "id": cid, "text": occ[0][1], "normalised": norm, "person_id": pid,
            "speaker": names[pid] if pid else first.speaker_name, "occurrences": len(occ), "articles": len(articles),
            "stories": count_stories(articles, corpus.story_of), "outlets": _outlets(got, articles),
            "first_date": first_date, "first_article_id": first.article_id if first_date else None,
        })
        seen = set()
        for q, _, fragment in occ:
            if (q.article_id, q.quote_id) not in seen:
                seen.add((q.article_id, q.quote_id))
                corpus.claim_quotes.append(
                    {"claim_id": cid, "article_id": q.article_id, "quote_id": q.quote_id, "fragment": int(fragment)})
    corpus.claims.sort(key=lambda c: (-c["articles"], -c["occurrences"], c["normalised"], c["id"]))
    corpus.claim_quotes.sort(key=lambda r: (r["claim_id"], r["article_id"], r["quote_id"]))


# ---- the summary -------------------------------------------------------------------------

def summarise(corpus: Corpus, top: int = 10) -> dict:
    """The figures ``claimx corpus`` prints: top speakers, quotes per outlet,
    share of quotes by speaker gender, most reported claims."""
    total_gender = sum(corpus.quotes_by_gender.values())
    speakers = sorted((p for p in corpus.people if p["kind"] in MERGED_KINDS and p["quotes"]),
                      key=lambda p: (-p["quotes"], -p["articles"], p["name"], p["id"]))
    claims = [c for c in corpus.claims if c["articles"] > 1]
    quoted = sorted((p for p in corpus.people + corpus.unmerged_sources if p["quotes"]),
                    key=lambda p: (-p["quotes"], -p["articles"], p["name"], p["id"]))
    return {
        "articles": corpus.articles, "stories": corpus.stories, "quotes": corpus.quotes, "people": len(corpus.people),
        "claims": len(corpus.claims),
        "top_speakers": [{"name": p["name"], "kind": p["kind"], "quotes": p["quotes"], "articles": p["articles"],
                          "share": _share(p["quotes"], corpus.quotes)} for p in speakers[:top]],
        # persons apart from every other source (organisations, documents, groups, unnamed sources)
        "top_people": [_top(p, corpus.quotes) for p in quoted if p["kind"] == "person"][:top],
        "top_other_sources": [_top(p, corpus.quotes) for p in quoted if p["kind"] != "person"][:top],
        "quotes_per_outlet": [{"outlet": o, "quotes": n, "share": _share(n, corpus.quotes)}
                              for o, n in list(corpus.quotes_per_outlet.items())[:top]],
        "quotes_by_gender": [{"gender": g, "quotes": n, "share": _share(n, total_gender)}
                             for g, n in corpus.quotes_by_gender.items()],
        "most_reported_claims": [{"text": c["text"], "speaker": c["speaker"], "articles": c["articles"],
                                  "stories": c["stories"],
                                  "occurrences": c["occurrences"], "first_date": c["first_date"],
                                  "first_article_id": c["first_article_id"]} for c in claims[:top]],
    }


def _top(p: dict, quotes: int) -> dict:
    return {"name": p["name"], "kind": p["kind"], "quotes": p["quotes"], "articles": p["articles"],
            "share": _share(p["quotes"], quotes), "first_date": p["first_date"], "last_date": p["last_date"]}


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0
