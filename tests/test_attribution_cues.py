"""Table tests for :mod:`claimx.pipeline.attribution.cues`: which words report: lexicon cues, verbs that close a quotation the way "said" would, and what is no cue (markup, a verb of manner after someone else's words).
Each case is (text, expected quotes), negatives included."""

import pytest

from tests.attribution_cases import quotes

CASES = [
    # a verb of manner after someone else's words closes no quotation, says nothing
    ('Trump said he would "protect our LGBTQ citizens," the crowd applauded loudly.',
     [("mixed", "Trump", "say", 'he would "protect our LGBTQ citizens,"')]),
    # a particle or adverb after the verb that closes a quotation
    ("“Who is going to pay for it?” Trump asked. “Mexico!” the audience screamed back.",
     [("direct", "Trump", "ask", "Who is going to pay for it?"), ("direct", "audience", "scream", "Mexico!")]),
    # a lexicon cue without quotation frames may still close one
    ("“Would it be negotiable?” Hannity pressed.", [("direct", "Hannity", "press", "Would it be negotiable?")]),
    # any verb that closes a quotation the way "said" would is how it was said
    ("“France will always be France,” an angry Hollande retaliated.",
     [("direct", "Hollande", "retaliate", "France will always be France,")]),
    ("“Go back to Univision,” Trump barked and a security guard escorted Ramos out.",
     [("direct", "Trump", "bark", "Go back to Univision,")]),
    ("“Denver,” he answered.", [("direct", "he", "answer", "Denver,")]),
    # manner of speaking, by structure: a verb right after a closing quotation, a subject, no object
    ("“That is absurd,” he snapped.", [("direct", "he", "snap", "That is absurd,")]),
    ("“I d-d-don't know,” the boy stammered.", [("direct", "boy", "stammer", "I d-d-don't know,")]),
    ("“Nonsense,” she scoffed angrily.", [("direct", "she", "scoff", "Nonsense,")]),
    ("“Go home,” snapped Smith.", [("direct", "Smith", "snap", "Go home,")]),
    # ... but not one that goes on with an object, nor a title before a verb
    ("“The Apprentice,” Trump hosted the show for years.", []),
    # the verb first and a name after it
    ("“This is fantastic!” beamed Donald Hartley of Madison, Alabama.",
     [("direct", "Donald Hartley", "beam", "This is fantastic!")]),
    # ... but not a participle and a name
    ("“Jaws,” starring Roy Scheider, opened in 1975.", []),
    # a tag left in the text is no cue
    ("<tweet author=\"RandPaul\">My thoughts and prayers are with the victims.</tweet>.", []),
    # manner verbs the lexicon lacks, decided by structure: a that-clause and a person saying it
    ("He fumed that the deal was a sham.", [("indirect", "He", "fume", "the deal was a sham")]),
    ("Jane Roe gushed that the show was great.", [("indirect", "Jane Roe", "gush", "the show was great")]),
    # ... or a quotation it introduces or closes
    ("The senator bristled: “I have never said that.”", [("direct", "senator", "bristle", "I have never said that.")]),
    ("He mused, “Maybe we should wait.”", [("direct", "He", "muse", "Maybe we should wait.")]),
    ("“That is absurd,” she scoffed.", [("direct", "she", "scoff", "That is absurd,")]),
    # negatives: no person saying it, or a verb of knowing or perceiving
    ("The river fumed that morning.", []),
    ("The company fumed that the ruling was unfair.", []),
    ("She pretended that the door was open.", []),
    ("He made sure that the door was locked.", []),
    # "continue" reports a quotation, not an action it goes on with
    ("“We will win,” he continued.", [("direct", "he", "continue", "We will win,")]),
    ("The agency will continue screening people for eligibility.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cues(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(("text", "words"), [
    ("Smith said he was leaving.", ["said", "was", "leaving"]),  # a verb, and an auxiliary tagged as a verb's form
    ("The senator, a lawyer, in Ohio.", []),  # no verb: nothing to read
])
def test_verb_words(nlp, text, words):
    from claimx.pipeline.attribution.cues import verb_words

    doc = nlp(text)
    assert [doc[i].text for i in verb_words(doc)] == words


def test_the_cue_pass_reads_every_word_it_needs(nlp, seed_text, monkeypatch):
    # visiting only verb_words (the cue pass, and quoted predicates through
    # the Reading's verbs it leaves) gives the statements that visiting every
    # token gives
    from claimx.pipeline.attribution import cues
    from tests.attribution_cases import record
    from tests.test_attribution_predicates import CASES as PREDICATES

    texts = [seed_text, *(text for text, _ in CASES), *(text for text, _ in PREDICATES)]
    found = [record(nlp, text)["quotes"] for text in texts]
    monkeypatch.setattr(cues, "verb_words", lambda doc: list(range(len(doc))))
    assert found == [record(nlp, text)["quotes"] for text in texts]
    assert sum(map(len, found)) > 20
