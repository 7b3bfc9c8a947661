"""A statement needs content (ACTS.md rule 3): a report whose object only
names a topic, or a question, is no claim. Each statement's ``content`` is
``claim``, ``topic`` or ``question``, first match wins:

- *a question*: content that opens with "whether" or "if" ("asked whether
  the plan was legal", "would not say if he would run"), or with a
  wh-word after a verb of asking ("asked what he would do", "wondered why
  the vote was delayed"); a quotation is the words said, a claim even when
  they ask ("“Why not?” he asked");
- *a topic*: the object of the cue is a noun phrase and nothing more
  ("announced the end of the strike", "voiced concern about the budget",
  "cited the polls"): no verb, no quotation marks, no predicate on the
  object ("described the meeting as productive", "called it a disgrace"
  say something of it: claims).

Topic-only reports and questions stay in the full output with their
``content`` (``claimx extract --topics``); the default output and every act
filter keep claims only (:mod:`claimx.acts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from claimx.lexicon import asking_verbs
from claimx.pipeline.attribution.statement import Attribution
from claimx.pipeline.attribution.words import DOUBLE_MARKS

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading

CLAIM, TOPIC, QUESTION = "claim", "topic", "question"
WH_WORDS = frozenset({"what", "why", "how", "when", "where", "who", "whom", "whose", "which"})
# a predicate said of the object: "described X *as* Y", "called it *a disgrace*"
PREDICATE_DEPS = frozenset({"oprd", "acomp", "xcomp", "ccomp", "advcl", "relcl", "acl"})


def mark(doc: Doc, ctx: Reading) -> None:
    """The pass: the content of each statement found."""
    for att in ctx.found:
        att.content = content_of(doc, ctx, att)


def content_of(doc: Doc, ctx: Reading, att: Attribution) -> str:
    """``question``, ``topic`` or ``claim`` for one statement."""
    if att.type == "direct" or att.cue is None:
        return CLAIM
    span = doc.char_span(att.parts[0][0], att.parts[-1][1], alignment_mode="expand")
    if span is None or not len(span):
        return CLAIM
    if asks(span, att.cue[2]):
        return QUESTION
    if att.rule == "object" and names_topic(ctx.text, span):
        return TOPIC
    return CLAIM


def asks(span: Span, lemma: str) -> bool:
    """"whether the plan was legal", "if he would run", "what he would do"
    after "asked": content that is a question, not a proposition."""
    first = span[0]
    roots = {t.i for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i}
    if first.lower_ in ("whether", "if") and first.dep_ == "mark":
        # the content's own "if" ("asked if he would run"), not a condition
        # inside it ("said if elected he would ...")
        return first.head.i in roots
    return first.lower_ in WH_WORDS and lemma in asking_verbs()


def names_topic(text: str, span: Span) -> bool:
    """"the end of the strike", "concern about the budget", "the polls": a
    noun phrase with no verb, no quotation mark and no predicate on it
    (not "the meeting as productive", not "it a disgrace", not "Trump of
    lying")."""
    if any(ch in text[span.start_char : span.end_char] for ch in DOUBLE_MARKS + "‘’'"):
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    if any(t.dep_ in PREDICATE_DEPS or t.dep_ == "prep" and t.lower_ == "as" for t in heads):
        return False
    return any(t.dep_ in ("dobj", "pobj") and t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in heads)
