"""People and claims across articles: each merging rule as a table with its
negative cases, claims, the summary, and that nothing depends on record order."""

from __future__ import annotations

import pytest

from claimx.corpus.build import (
    Positions,
    SpeakerRef,
    affiliations_agree,
    build,
    claim_texts,
    cluster_speakers,
    name_key,
    normalise_claim,
    outlet,
    positions_agree,
    positions_contradict,
    positions_disagree,
    summarise,
    titles_agree,
)
from claimx.corpus.build import QuoteRef as Q


def speaker(sid, name, kind="person", positions=(), gender=None, evidence=None):
    s = {"id": sid, "name": name, "kind": kind, "mentions": [], "quote_count": 0,
         "positions": [{"text": f"{aff or ''} {title or ''}".strip(), "title": title, "affiliation": aff,
                        "start": 0, "end": 0} for title, aff in positions]}
    if gender is not None:
        s["gender"] = gender
        s["gender_evidence"] = [{"text": "he", "start": 0, "end": 2}] * (evidence or 1)
    return s


def quote(qid, sid, text, type_="direct", name=None, date=None):
    return {"id": qid, "type": type_, "text": text, "start": 0, "end": len(text), "speaker": sid,
            "speaker_name": name, "speaker_mention": None, "cue": None, "addressee": None, "date": date,
            "paragraph": 0, "sentence": {"start": 0, "end": 0}, "confidence": 0.9}


def record(aid, speakers=(), quotes=(), published=None, url=None):
    return {"schema": "claimx/1",
            "article": {"id": aid, "source": f"{aid}.txt", "title": None, "author": None, "published": published,
                        "reference_date": published, "reference_date_source": "metadata" if published else None,
                        "url": url},
            "speakers": list(speakers), "quotes": list(quotes), "dates": []}


@pytest.mark.parametrize("name, expected", [
    ("Marco Rubio", ("marco", "rubio")),
    ("Secretary Rubio", ("rubio",)),
    ("Secretary of State Marco Rubio", ("marco", "rubio")),
    ("President Donald J. Trump", ("donald", "trump")),
    ("Donald Trump Jr.", ("donald", "trump", "jr")),
    ("Mr. Smith", ("smith",)),
    ("José O’Brien", ("jose", "o'brien")),
    ("Phoebe Waller-Bridge", ("phoebe", "waller", "bridge")),
    ("J. Smith", ("j", "smith")),  # a leading initial stays: "J. Smith" is not "Smith"
    ("President", ("president",)),  # a title alone is kept, not emptied
])
def test_name_key(name, expected):
    assert name_key(name) == expected


@pytest.mark.parametrize("a, b, expected", [
    (["Secretary"], ["Secretary of State"], True),
    (["Secretary of State"], ["Secretary of State"], True),
    (["Mayor"], ["Senator"], False),
    ([], ["Senator"], None),
    ([], [], None),
])
def test_titles_agree(a, b, expected):
    assert titles_agree(a, b) is expected


@pytest.mark.parametrize("a, b, expected", [
    (["US"], ["U.S."], True),
    (["US"], ["American"], True),  # through the demonyms lexicon
    (["Springfield"], ["Ohio"], False),
    (["Democratic presidential"], ["Democratic Party"], True),  # role words aside, one inside the other
    (["then-U.S."], ["US"], True),
    (["former"], ["US"], None),  # nothing left of it
    (["US"], [], None),
])
def test_affiliations_agree(a, b, expected):
    assert affiliations_agree(a, b) is expected


@pytest.mark.parametrize("a, b, contradict, disagree, agree", [
    (({"Mayor"}, {"Springfield"}), ({"Senator"}, {"Ohio"}), True, True, False),
    (({"Mayor"}, set()), ({"Senator"}, set()), False, True, False),
    (({"Mayor"}, {"Springfield"}), ({"Senator"}, {"Springfield"}), False, False, False),  # mixed: neither
    (({"Secretary"}, set()), ({"Secretary of State"}, {"US"}), False, False, True),
    ((set(), set()), ({"Senator"}, {"Ohio"}), False, False, False),  # says nothing: disagrees with nothing
])
def test_positions(a, b, contradict, disagree, agree):
    pa, pb = Positions(*map(set, a)), Positions(*map(set, b))
    assert positions_contradict(pa, pb) is contradict
    assert positions_disagree(pa, pb) is disagree
    assert positions_agree(pa, pb) is agree


def ref(aid, name, kind="person", titles=(), affiliations=()):
    return SpeakerRef(aid, "s1", name, kind, Positions(set(titles), set(affiliations)), list(titles))


def names_of(clusters):
    return sorted(sorted(f"{r.article_id}:{r.name}" for r in c) for c in clusters)


@pytest.mark.parametrize("refs, expected", [
    # the same person under three names in three articles
    ([ref("a", "Marco Rubio", titles=["Secretary of State"], affiliations=["US"]), ref("b", "Rubio"),
      ref("c", "Secretary Rubio", titles=["Secretary"])],
     [["a:Marco Rubio", "b:Rubio", "c:Secretary Rubio"]]),
    # two Smiths: a bare "Smith" joins neither
    ([ref("a", "John Smith"), ref("b", "Jane Smith"), ref("c", "Smith"), ref("d", "Smith")],
     [["a:John Smith"], ["b:Jane Smith"], ["c:Smith"], ["d:Smith"]]),
    # ... not even with a title one of them holds; two "Mayor Smith"s are one
    ([ref("a", "John Smith", titles=["Mayor"]), ref("b", "Jane Smith"), ref("c", "Mayor Smith", titles=["Mayor"]),
      ref("d", "Mayor Smith", titles=["Mayor"]), ref("e", "Smith")],
     [["a:John Smith"], ["b:Jane Smith"], ["c:Mayor Smith", "d:Mayor Smith"], ["e:Smith"]]),
    # the same full name with positions that contradict (title and affiliation): two people
    ([ref("a", "Jane Smith", titles=["Mayor"], affiliations=["Springfield"]),
      ref("b", "Jane Smith", titles=["Chief Executive"], affiliations=["Acme"]), ref("c", "Jane Smith")],
     [["a:Jane Smith", "c:Jane Smith"], ["b:Jane Smith"]]),
    # ... but differing titles alone do not part a full name (nominee, then Secretary of State)
    ([ref("a", "Hillary Clinton", titles=["nominee"], affiliations=["Democratic Party"]),
      ref("b", "Hillary Clinton", titles=["Secretary of State"], affiliations=["then-"]),
      ref("c", "Hillary Clinton", titles=["President"])],
     [["a:Hillary Clinton", "b:Hillary Clinton", "c:Hillary Clinton"]]),
    # a surname whose positions disagree with the one full-name holder stays apart
    ([ref("a", "John Smith", titles=["Mayor"]), ref("b", "Smith", titles=["Senator"])],
     [["a:John Smith"], ["b:Smith"]]),
    # bare surnames alone: merged only when a position is shared
    ([ref("a", "Smith"), ref("b", "Smith"), ref("c", "Senator Smith", titles=["Senator"]),
      ref("d", "Smith", titles=["Senator"])],
     [["a:Smith"], ["b:Smith"], ["c:Senator Smith", "d:Smith"]]),
    # Donald Trump and Donald Trump Jr. are two people, and "Trump" is theirs to share
    ([ref("a", "Donald Trump"), ref("b", "Donald Trump Jr."), ref("c", "Trump")],
     [["a:Donald Trump"], ["b:Donald Trump Jr."], ["c:Trump"]]),
    # organisations merge on their name; unnamed sources and groups never merge
    ([ref("a", "Acme Corp", "organisation"), ref("b", "acme corp", "organisation"),
      ref("a", "senior official", "unnamed"), ref("b", "senior official", "unnamed"),
      ref("a", "Officials", "group"), ref("b", "Officials", "group")],
     [["a:Acme Corp", "b:acme corp"], ["a:Officials"], ["a:senior official"], ["b:Officials"],
      ["b:senior official"]]),
    # a person and an organisation of one name are not merged
    ([ref("a", "Ford", "organisation"), ref("b", "Ford")], [["a:Ford"], ["b:Ford"]]),
])
def test_cluster_speakers(refs, expected):
    assert names_of(cluster_speakers(refs)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("That’s called surrender.", "that's called surrender"),
    ("“That's  called SURRENDER,”", "that's called surrender"),
    ("die by the thousands … we may", "die by the thousands we may"),
    ("", ""),
])
def test_normalise_claim(text, expected):
    assert normalise_claim(text) == expected


@pytest.mark.parametrize("q, expected", [
    (Q("a", "q1", "s1", None, "direct", "We will win,", None), [("We will win,", False)]),
    (Q("a", "q1", "s1", None, "mixed", "he said it was “a very bad deal for us” and left", None),
     [("a very bad deal for us", True)]),
    (Q("a", "q1", "s1", None, "mixed", "Russia will face “additional consequences”", None), []),  # too short
    (Q("a", "q1", "s1", None, "indirect", "the war will end soon", None), []),
])
def test_claim_texts(q, expected):
    assert claim_texts(q) == expected


@pytest.mark.parametrize("article, expected", [
    ({"url": "https://www.cbsnews.com/news/x"}, "cbsnews.com"),
    ({"url": "https://apnews.com/a", "outlet": "AP"}, "AP"),
    ({"url": None}, None),
    ({"url": "not a url"}, None),
])
def test_outlet(article, expected):
    assert outlet(article) == expected


SMITHS = [
    record("a", [speaker("s1", "John Smith", positions=[("Mayor", "Springfield")], gender="male", evidence=2)],
           [quote("q1", "s1", "We will fix the roads this year.", name="John Smith")],
           published="2025-01-02", url="https://www.example.com/a"),
    record("b", [speaker("s1", "Jane Smith", positions=[("Senator", "Ohio")], gender="female")],
           [quote("q1", "s1", "The budget is a disgrace.", name="Jane Smith"),
            quote("q2", "s1", "We will fix the roads this year.", name="Jane Smith")],
           published="2025-01-03", url="https://news.example.org/b"),
    record("c", [speaker("s1", "Smith")],
           [quote("q1", "s1", "The budget is a disgrace!", name="Smith"),
            quote("q2", None, "We will fix the roads this year", name="he")],
           published="2025-01-01"),
    record("d", [speaker("s1", "Mayor John Smith", positions=[("Mayor", None)], gender="male")],
           [quote("q1", "s1", "“We will fix the roads this year.”", name="John Smith")],
           published="2025-01-05", url="https://www.example.com/d"),
]


def test_build_people_and_claims_with_two_smiths():
    c = build(SMITHS)
    people = {p["id"]: p for p in c.people}
    assert sorted(people) == ["jane-smith", "john-smith", "smith"]
    john = people["john-smith"]
    assert (john["articles"], john["quotes"], john["names"]) == (2, 2, "John Smith; Mayor John Smith")
    assert (john["gender"], john["gender_male"], john["gender_female"]) == ("male", 3, 0)
    assert (john["first_date"], john["last_date"], john["outlets"]) == ("2025-01-02", "2025-01-05", "example.com")
    assert people["smith"]["articles"] == 1 and people["smith"]["gender"] is None
    claims = {(cl["normalised"], cl["person_id"]): cl for cl in c.claims}
    # the same words from two people are two claims
    roads = "we will fix the roads this year"
    assert claims[(roads, "john-smith")]["occurrences"] == 2
    assert claims[(roads, "john-smith")]["first_article_id"] == "a"
    # the unresolved speaker in c cannot be given to one of two people saying these words
    assert claims[(roads, "jane-smith")]["occurrences"] == 1
    assert claims[(roads, None)]["occurrences"] == 1
    # a bare "Smith" saying Jane's words is still not Jane
    assert claims[("the budget is a disgrace", "jane-smith")]["occurrences"] == 1
    assert claims[("the budget is a disgrace", "smith")]["occurrences"] == 1


def test_unresolved_speaker_joins_the_one_person_who_said_it():
    recs = [record("a", [speaker("s1", "Ann Lee")], [quote("q1", "s1", "No deal today.", name="Ann Lee")]),
            record("b", [], [quote("q1", None, "No deal today", name="she")])]
    (claim,) = build(recs).claims
    assert (claim["person_id"], claim["occurrences"], claim["articles"]) == ("ann-lee", 2, 2)
    assert claim["first_date"] is None and claim["first_article_id"] is None  # no dates known


def test_same_article_given_twice_counts_once():
    c = build([SMITHS[0], SMITHS[0]])
    assert c.articles == 1 and c.quotes == 1


def test_order_of_records_does_not_matter():
    a, b = build(SMITHS), build(list(reversed(SMITHS)))
    assert (a.people, a.person_speakers, a.claims, a.claim_quotes) == (b.people, b.person_speakers, b.claims,
                                                                        b.claim_quotes)
    assert summarise(a) == summarise(b)


def test_summary():
    s = summarise(build(SMITHS), top=2)
    assert (s["articles"], s["quotes"], s["people"]) == (4, 6, 3)
    # equal quotes: more articles first
    assert [(x["name"], x["quotes"], x["articles"]) for x in s["top_speakers"]] == [("John Smith", 2, 2),
                                                                                  ("Jane Smith", 2, 1)]
    assert [(o["outlet"], o["quotes"], o["share"]) for o in s["quotes_per_outlet"]] == [
        ("(unknown)", 2, 0.3333), ("example.com", 2, 0.3333)]  # top 2; equal counts by name
    assert {g["gender"]: g["quotes"] for g in s["quotes_by_gender"]} == {"female": 2, "male": 2, "unknown": 1}
    assert [c["articles"] for c in s["most_reported_claims"]] == [2]


def test_gender_tie_is_null():
    recs = [record("a", [speaker("s1", "Sam Lee", gender="female")]),
            record("b", [speaker("s1", "Sam Lee", gender="male")])]
    (p,) = build(recs).people
    assert (p["gender"], p["gender_female"], p["gender_male"]) == (None, 1, 1)


def test_documents_groups_and_unnamed_sources_are_no_people():
    """The people table holds persons and organisations; a document, a group
    or an unnamed source is no person of the corpus (its quotes keep their
    speaker name but no person)."""
    recs = [record("a", [speaker("s1", "Jane Smith"), speaker("s2", "report", "document"),
                         speaker("s3", "officials", "group"), speaker("s4", "spokesman", "unnamed"),
                         speaker("s5", "Acme Corp", "organisation")],
                   [quote("q1", "s1", "one"), quote("q2", "s2", "two words here"), quote("q3", "s3", "three"),
                    quote("q4", "s4", "four"), quote("q5", "s5", "five")])]
    corpus = build(recs)
    assert sorted((p["name"], p["kind"]) for p in corpus.people) == [("Acme Corp", "organisation"),
                                                                    ("Jane Smith", "person")]
    assert {r["speaker_id"] for r in corpus.person_speakers} == {"s1", "s5"}
