"""Which act a statement is: ``speech``, ``belief``, ``fact`` or
``intention`` (the PDTB/PARC attribution types; docs/output.md, "Acts").

The cue's lexicon entry gives the act of the verb (``data/cues.tsv``: "say"
speech, "believe" belief, "find" fact, "plan" intention); structure decides
where the verb alone does not, by these constructions, first match wins:

- *evidence found*: a source that is evidence, not a person, with a verb of
  finding states a fact ("The study found ...", "Polls suggest ...");
  the same source with "said" or "according to" is speech;
- *an aim*: an infinitive after a directive ("urged Congress to act",
  "asked voters to stay home") or an attitude ("expects to win", "would
  like to") is what the source wants brought about: intention ("expects
  that ..." stays belief; "promised to ..." stays speech: a promise is said);
- *words said*: a stance verb, whose object states an attitude ("praised
  the plan", "attacked Clinton": belief), or a directive ("urged Congress to
  act": intention) that reports words, a clause or a quotation ("“A
  disgrace,” he blasted"), reports speech;
- the cues that are not verbs ("according to", a colon, a dash) and verbs
  outside the lexicon that put quoted words in a mouth ("dubbed him “...”",
  "“...,” she scoffed") report speech.

The outer cue decides: "said he believes X" is one statement (nesting drops
the inner one), whose act is "said"'s. A continuation takes the act of the
statement it continues.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from claimx.lexicon import cue_acts, directives, evidential_sources, finding_verbs, stances
from claimx.pipeline.attribution.statement import Attribution
from claimx.pipeline.attribution.words import passive
from claimx.pipeline.quotemarks import parts_hold_double

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading

SPEECH, BELIEF, FACT, INTENTION = "speech", "belief", "fact", "intention"


def assign(doc: Doc, ctx: Reading) -> None:
    """The pass: the act of each statement found."""
    for att in ctx.found:
        att.act = act_of(doc, ctx, att)


def act_of(doc: Doc, ctx: Reading, att: Attribution) -> str:
    """The act of one statement: the first construction that applies, else
    the cue's lexicon act; speech for cues that are no verb of the lexicon."""
    if att.cue is None:
        return att.act  # a continuation: its statement's act, set where it was made
    default = cue_acts().get(att.cue[2])
    if default is None:
        return SPEECH  # "according to", ":", "—", "dubbed", "“...,” she scoffed"
    verb = _cue_token(doc, att)
    if verb is None:
        return default
    for construction in (evidence_found, an_aim, words_said):
        act = construction(doc, ctx, att, verb, default)
        if act is not None:
            return act
    return default


def evidence_found(doc: Doc, ctx: Reading, att: Attribution, verb: Token, default: str) -> str | None:
    """"The study found that ...", "Data show ...", "Polls suggest ...": a
    source that is evidence, not a person, with a verb of finding -> fact.
    ("The report said ..." keeps the verb's act: the document speaks.)"""
    if att.source_token is None or verb.lemma_.lower() not in finding_verbs():
        return None
    source = doc[att.source_token]
    return FACT if source.lower_ in evidential_sources() else None


def an_aim(doc: Doc, ctx: Reading, att: Attribution, verb: Token, default: str) -> str | None:
    """"urged Congress to act", "expects to win", "plans to run": an
    infinitive after a directive or an attitude is the source's aim ->
    intention. Not "promised to ..." (speech), not a passive ("is expected
    to rise": others expect it, the subject intends nothing), not a
    directive whose infinitive holds the words said ("told supporters to
    “go to your place and vote”": :func:`words_said`)."""
    if att.rule != "infinitive" or passive(verb):
        return None
    lemma = verb.lemma_.lower()
    if lemma in directives() and parts_hold_double(ctx.text, att.parts):
        return None
    if default in (BELIEF, INTENTION) or lemma in directives():
        return INTENTION
    return None


def words_said(doc: Doc, ctx: Reading, att: Attribution, verb: Token, default: str) -> str | None:
    """"“A disgrace,” he blasted", "praised the plan as “bold”", "slammed
    the decision, saying ...": a stance verb ("praised the plan": belief) or
    a directive ("urged Congress to act": intention) that reports words, a
    clause or a quotation, reports speech."""
    lemma = verb.lemma_.lower()
    if default == SPEECH or lemma not in stances() and lemma not in directives():
        return None
    quoted = parts_hold_double(ctx.text, att.parts)
    return SPEECH if quoted or att.rule not in ("object", "infinitive") else None


def _cue_token(doc: Doc, att: Attribution) -> Token | None:
    """The token of a statement's cue, or None for a cue of several ("according to")."""
    assert att.cue is not None
    span = doc.char_span(att.cue[0], att.cue[1])
    return span[0] if span is not None and len(span) == 1 else None
