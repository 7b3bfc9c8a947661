"""The streaming path: batching, memory zones, and the pipeline's stand-ins
for spaCy's attribute ruler and lemmatizer."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimx.pipeline.extract import RollingZone, _batches, _forked_pool, _last_apart, extract
from claimx.pipeline.nlp import load
from claimx.read.inputs import Article, InputError


def _with_spacys_own_rules():
    """claimx's pipeline with the model's attribute ruler and lemmatizer back in
    place of claimx's stand-ins: everything else (the parse) is the same."""
    full = load()
    for ours, theirs in (("claimx_attributes", "attribute_ruler"), ("claimx_lemmas", "lemmatizer")):
        full.disable_pipe(ours)
        full.enable_pipe(theirs)
    return full


@given(
    lengths=st.lists(st.integers(min_value=0, max_value=500), max_size=60),
    max_articles=st.integers(min_value=1, max_value=8),
    max_chars=st.integers(min_value=1, max_value=1500),
)
def test_batches_keep_order_and_budget(lengths, max_articles, max_chars):
    items = [("x" * n, i) for i, n in enumerate(lengths)]
    batches = list(_batches(iter(items), max_articles, max_chars))
    assert [it for b in batches for it in b] == items  # nothing lost, nothing reordered
    for b in batches:
        assert 1 <= len(b) <= max_articles
        # over the character budget only when one article alone is longer
        assert len(b) == 1 or sum(len(t) for t, _ in b) <= max_chars


@given(sizes=st.lists(st.integers(min_value=1, max_value=4), max_size=12), last=st.integers(min_value=0, max_value=3))
def test_the_last_chunks_go_one_task_at_a_time(sizes, last):
    chunks, n = [], 0
    for size in sizes:
        chunks.append(list(range(n, n + size)))
        n += size
    out = list(_last_apart(iter(chunks), last))
    assert [task for chunk in out for task in chunk] == list(range(n))  # nothing lost, nothing reordered
    kept = max(len(chunks) - last, 0)
    assert out[:kept] == chunks[:kept]  # the chunks before the last ones as they were
    assert all(len(chunk) == 1 for chunk in out[kept:])


def test_workers_are_forked_frozen_and_this_process_is_not():
    import gc

    pool = _forked_pool(1)
    try:
        assert gc.get_freeze_count() == 0  # this process collects as before
        assert pool.apply(gc.get_freeze_count) > 0  # the worker's collections skip what it inherited
    finally:
        pool.terminate()


def test_records_survive_memory_zones(nlp, seed_text, monkeypatch):
    """Records built inside a memory zone are whole after it closes, and the
    same article gives the same record in any zone and batch."""
    import claimx.pipeline.extract as ex

    monkeypatch.setattr(ex, "BATCH_CHARS", len(seed_text) + 10)  # one article per batch
    monkeypatch.setattr(ex, "ZONE_BATCHES", 2)  # zones close mid-stream
    problems = []
    items = [Article(f"a{i}", f"a{i}.txt", seed_text) for i in range(5)]
    items.insert(2, InputError("bad.txt", "empty file"))
    records = [r.to_dict() for r in extract(items, nlp, on_problem=problems.append)]
    assert [r["article"]["id"] for r in records] == [f"a{i}" for i in range(5)]
    assert len(problems) == 1
    first = records[0]
    assert len(first["quotes"]) >= 19
    for r in records[1:]:
        assert {k: v for k, v in r.items() if k != "article"} == {k: v for k, v in first.items() if k != "article"}


def test_a_rolling_zone_lasts_its_chunks_then_opens_anew():
    from contextlib import contextmanager

    class Model:
        log: list[str] = []

        @contextmanager
        def memory_zone(self):
            self.log.append("open")
            yield
            self.log.append("close")

    nlp, zone = Model(), RollingZone(2)
    for _ in range(5):
        zone.next(nlp)
        nlp.log.append("chunk")
    assert nlp.log == ["open", "chunk", "chunk", "close", "open", "chunk", "chunk", "close", "open", "chunk"]


def test_records_survive_the_workers_zones(nlp, seed_text, monkeypatch):
    """With workers too: zones that close mid-stream leave every record
    whole and the same as one process gives."""
    import claimx.pipeline.extract as ex

    monkeypatch.setattr(ex, "_ZONE", RollingZone(1))  # a new zone for every chunk
    monkeypatch.setattr(ex, "BATCH_CHARS", 4 * (len(seed_text) + 10))  # one article a chunk
    items = [Article(f"a{i}", f"a{i}.txt", seed_text) for i in range(6)]
    one = [r.to_dict() for r in extract(items, nlp)]
    two = [r.to_dict() for r in extract(items, nlp, n_process=2)]
    assert one == two and len(one[0]["quotes"]) >= 19


def test_verb_lemmas_match_the_models_lemmatizer(nlp):
    """claimx lemmatises verbs only, with the model's own rules: for verbs the
    lemmas equal the full lemmatizer's; other tokens get their lower case."""
    full = _with_spacys_own_rules()
    text = ("The senators said on Monday that they had warned him, insisting the talks were going nowhere; "
            "Rubio tells CBS he will keep pressing. Officials denied it.")
    ours, theirs = nlp(text), full(text)
    verbs = [t.i for t in theirs if t.tag_.startswith("VB") or t.tag_ == "MD"]
    assert len(verbs) >= 8
    for i in verbs:
        assert ours[i].lemma_ == theirs[i].lemma_, ours[i].text
    assert {ours[i].lemma_ for i in verbs} >= {"say", "warn", "insist", "go", "tell", "keep", "deny", "be"}
    assert ours[1].lemma_ == "senators"  # a noun: lower case only, claimx never reads it


EDGE_CASES = (
    "Y'all gon na see. He ai n't here, and there is a cat. Let's go, c'mon: I got ta go.\n\n"
    "  It was nothin' -- she'd said it herself; they've been warned, haven't they? "
    "Something's wrong, but anyone who does that will pay.\n"
)


def test_attribute_rules_match_the_models_ruler(nlp, seed_text):
    """The cached rules give every token the tag, part of speech, morphology and
    dependency the model's own attribute ruler gives it (multi-token rules,
    spaces and word exceptions included)."""
    full = _with_spacys_own_rules()
    pairs = [(nlp(t), full(t)) for t in (seed_text, EDGE_CASES)]
    for ours, theirs in pairs:
        assert len(ours) == len(theirs)
        for a, b in zip(ours, theirs, strict=True):
            assert (a.tag_, a.pos_, str(a.morph), a.dep_) == (b.tag_, b.pos_, str(b.morph), b.dep_), a.text
            if a.lemma_ != a.lower_ or a.tag_.startswith("VB"):
                assert a.lemma_ == b.lemma_, a.text
    edge = pairs[1][0]
    by_text = {t.text: t for t in edge}
    assert by_text["was"].pos_ == "AUX" and by_text["was"].lemma_ == "be"
    assert by_text["gon"].lemma_ == "go"  # a two-token rule
    assert any(t.pos_ == "SPACE" for t in edge)
