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
  say something of it: claims), unless the cue says yes or no to what
  the object names and the object names something said or a state of
  affairs ("denied the charges", "confirmed the death of a soldier": a
  claim that it is false, or true; ``data/polarity_verbs.txt``,
  ``data/content_nouns.txt``; not "confirmed a judge", "conceded the race");
- *a quantity about a topic*: the object says how much was said and
  "about" names what of ("said a lot about the budget that nobody wanted
  to hear", "the result says something about how voters feel", "speaks
  volumes about the campaign": a figure of speech when the source is a
  thing), whatever clause the topic holds.

Topic-only reports and questions stay in the full output with their
``content`` (``claimx extract --topics``); the default output and every act
filter keep claims only (:mod:`claimx.acts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from claimx.lexicon import asking_verbs, charge_verbs, content_nouns, polarity_verbs, quantity_objects
from claimx.pipeline.attribution.statement import Attribution
from claimx.pipeline.quotemarks import holds_double

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
    if att.rule == "object" and quantity_about(ctx.text, span):
        return TOPIC
    if att.rule == "object" and names_topic(ctx.text, span) and not ctx.index.overlaps(span.start_char, span.end_char) \
            and not says_yes_or_no(span, att.cue[2]) and not charges(span, att.cue[2]):
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
    """"the end of the strike", "concern about the budget", "the polls",
    "Reagan's polling deficit": a noun phrase with no verb, no double
    quotation mark and no predicate on it (not "the meeting as productive",
    not "it a disgrace", not "Trump of lying"). An apostrophe is no
    quotation mark; a quotation in single marks is one (the caller asks
    the quotations found)."""
    if holds_double(text, span.start_char, span.end_char):
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    heads = tops(span)
    if any(t.dep_ in PREDICATE_DEPS or t.dep_ == "prep" and t.lower_ == "as" for t in heads):
        return False
    return any(t.dep_ in ("dobj", "pobj") and t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in heads)


def quantity_about(text: str, span: Span) -> bool:
    """"a lot about the budget that nobody wanted to hear", "something about
    how voters feel": an object that only says how much was said, then
    "about" (on the object or beside it) and the topic; not "a lot of money
    was wasted" (a clause), not a quotation ("said “a lot” about it")."""
    if holds_double(text, span.start_char, span.end_char):
        return False
    heads = tops(span)
    obj = next((t for t in heads if t.dep_ == "dobj"), None)
    if obj is None or obj.lower_ not in quantity_objects() or any(t.dep_ in PREDICATE_DEPS for t in heads):
        return False
    abouts = [t for t in (*heads, *obj.children) if t.dep_ == "prep" and t.lower_ == "about"]
    return bool(abouts) and all(t.i <= obj.i or t.dep_ == "prep" or t.is_punct for t in heads)


def says_yes_or_no(span: Span, lemma: str) -> bool:
    """"denied the charges", "acknowledged the mistake", "confirmed the
    death of a soldier": a verb that says yes or no to what its object
    names, the object a noun of something said or a state of affairs; not
    "confirmed a judge", "denied him health care" (a person given or
    refused something)."""
    if lemma not in polarity_verbs():
        return False
    heads = tops(span)
    objs = [t for t in heads if t.dep_ == "dobj"]
    if len(objs) != 1 or any(t.dep_ in ("dative", "iobj") for t in heads):
        return False
    word = objs[0].lower_
    # (the tagger may leave a plural unlemmatised: "charges")
    return bool({objs[0].lemma_.lower(), word, word[:-1] if word.endswith("s") else word} & content_nouns())


def charges(span: Span, lemma: str) -> bool:
    """"accused the governor's aides of sexism": a verb that lays a charge
    on its object with "of" (``data/charge_verbs.txt``; the parser hangs
    the "of" on the verb or on the object) says the object is what it is
    charged with: a claim; not "accused the aides" alone, not "cited the
    cost of living" (no charge)."""
    if lemma not in charge_verbs():
        return False
    objs = [t for t in tops(span) if t.dep_ == "dobj"]
    return any(t.dep_ == "prep" and t.lower_ == "of" and (t.head.i < span.start or t.head in objs) for t in span)


def tops(span: Span) -> list[Token]:
    """The tokens of ``span`` whose head is outside it (or themselves)."""
    return [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
