"""Colon attributions: a name and a colon before a quotation ("Kerry: “By
law, the president sets ...”", "Sen. Ted Cruz (R-Texas): “...”"), a
paragraph that opens with a name and a colon (a transcript's "PENCE: Well,
look, ..."), and a speaker and verb that introduce a quotation after a
colon, a comma or a full stop ("Kelly responded pointedly, with a smile:
“...”", "Silverman interjected, “...”", "The senator agreed. “...”").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from claimx.lexicon import section_labels
from claimx.pipeline.attribution.sources import mention_span, subject_of
from claimx.pipeline.attribution.statement import Attribution, classify, from_cue, statement
from claimx.pipeline.attribution.words import FINITE_TAGS, after_comma, trim

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading

_NAME_COLON = re.compile(r"[^:\n]{2,60}?:\s+(?=\S)")
# a headline's name before "on" and its topic: "Mayor Lopez on the Budget: “...”"
_NAME_ON = re.compile(r"[“\"‘']?((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*)\s+[Oo]n\s+[^:\n]+$")

# a colon (or the comma or full stop that stands for one): its index, where
# its content ends, the quotation after it (None for "NAME: ..." paragraphs)
Colon = tuple[int, int, int | None]


def colons(doc: Doc, ctx: Reading) -> None:
    """The pass: each colon before an unclaimed quotation or opening a
    paragraph after a name, in text order, makes a statement when a speaker
    stands before it: "Kerry: “By law ...”" -> (direct, Kerry, ":")."""
    starts, after_verb = _colon_starts(ctx)
    for colon, end, k in sorted(starts):
        att = _colon(doc, ctx, (colon, end, k), colon in after_verb)
        if att is not None:
            ctx.found.append(att)


def _colon_starts(ctx: Reading) -> tuple[list[Colon], set[int]]:
    """The colons to try, and those of them that are a comma or a full stop
    after a verb ("Silverman interjected, “...”", "Dianne Bystrom agreed.
    “...”")."""
    text = ctx.text
    starts: list[Colon] = []
    after_verb: set[int] = set()
    for k, q in enumerate(ctx.quotes):
        if k in ctx.claimed:
            continue
        i = q.start - 1
        while i >= 0 and text[i] in " \t\n\xa0":
            i -= 1
        if i > 0 and text[i] == ":":
            starts.append((i, q.end, k))
        elif i > 0 and text[i] == "." and text[q.inner_start : q.inner_start + 1].isupper() and "\n" not in text[i : q.start]:
            # "Iowa State's Dianne Bystrom agreed. “Mainstream Republicans
            # ...”": a sentence of a speaker and a cue alone
            after_verb.add(i)
            starts.append((i, q.end, k))
        elif i > 0 and text[i] == "," and text[q.inner_start : q.inner_start + 1].isupper():
            # "Silverman interjected, “Ladies and gentlemen ...”": a verb
            # and a comma introduce a quoted sentence as a colon does
            after_verb.add(i)
            starts.append((i, q.end, k))
    for p_start, p_end in ctx.paras:
        m = _NAME_COLON.match(text[p_start:p_end])
        if m and not any(s[0] == p_start + m.end() - 1 - (len(m.group()) - len(m.group().rstrip())) for s in starts):
            colon = p_start + len(m.group().rstrip()) - 1
            if not any(c == colon for c, _, _ in starts):
                starts.append((colon, p_end, None))
    return starts, after_verb


def _colon(doc: Doc, ctx: Reading, at: Colon, after_verb: bool) -> Attribution | None:
    """The statement a colon makes, if any: a verb's before it ("Jared
    Potts, 17, echoed: “...”"), else a name's ("Kerry: “...”")."""
    colon, _, k = at
    before = _word_before_colon(doc, colon, k)
    if before is None:
        return None
    span, prev = before
    if prev.is_punct or prev.is_space:
        return None
    on_topic = speaker_on_topic(ctx, doc, colon) if k is not None else None
    if on_topic is not None:
        return _named(ctx, at, span, on_topic)
    verb = verb_before_colon(ctx, prev) if k is not None else None
    if after_verb:
        # after a comma, only the verb itself and one the lexicon's
        # rules do not read; after a full stop, a speaker and a cue alone
        if verb is None or not (
            bare_cue(ctx, verb) if ctx.text[colon] == "."
            else verb.i == prev.i and "quote" not in ctx.kinds(verb) and not after_comma(verb)
        ):
            return None
    if verb is not None:
        # "17-year-old Jared Potts echoed:", "Kelly responded pointedly,
        # with a smile:" and the quotation after: whatever the verb, a
        # subject that introduces a quotation says it
        subj = subject_of(ctx, verb)
        if subj is not None and subj.lower_ not in ("it", "there", "this"):  # "Wait, it gets better:"
            ctx.claimed.add(k)
            return from_cue(ctx, "direct", list(ctx.quotes[k].parts), verb, subj, 0.8, "colon")
        return None
    return _named(ctx, at, span, prev)


def _word_before_colon(doc: Doc, colon: int, k: int | None) -> tuple[Span, Token] | None:
    """The colon's span and the word before it; before a party tag, the name
    ("Rep. Trey Gowdy (R-S.C.): “...”")."""
    span = doc.char_span(colon, colon + 1)
    if span is None:
        span = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if span is None or span[0].text != "):":  # the tokenizer's "(R-S.C.):"
            return None
        prev = span[0]
    elif span[0].i == 0:
        return None
    else:
        prev = doc[span[0].i - 1]
    if prev.text in (")", "):") and k is not None:
        opening = next((t for t in reversed(doc[max(0, prev.i - 8) : prev.i]) if t.text == "("), None)
        if opening is not None and opening.i > 0 and prev.idx - opening.idx <= 12:
            prev = doc[opening.i - 1]
    return span, prev


def _named(ctx: Reading, at: Colon, span: Span, prev: Token) -> Attribution | None:
    """A name before the colon says what follows: the quotation after it
    ("Kerry: “...”"), or the rest of a paragraph the name opens (a
    transcript's "WALLACE: But, Governor, ...", "“PENCE: Well, ...”")."""
    text, quotes = ctx.text, ctx.quotes
    colon, end, k = at
    speaker_caps = prev.text.isupper() and prev.is_alpha and len(prev.text) > 1
    if not _speaker_word(ctx, prev, k, speaker_caps) or prev.lower_ in section_labels() or ctx.in_furniture(prev.idx):
        return None  # "EXCLUSIVE: In memo to ...", "MARKETS: Stocks fell ..."
    src_start, src_end = mention_span(prev)
    around = None  # the quotation the whole "NAME: ..." paragraph is in
    if k is None:
        # the name must open the paragraph ("Name: content"), or the
        # quotation that fills it ("“PENCE: Well, ...”")
        p_start = ctx.paras[ctx.para_of(colon)][0]
        if text[p_start:src_start].strip().strip("“\"") or src_end - src_start > 40:
            return None
        if prev.ent_type_ != "PERSON" and prev.ent_type_ != "ORG" and not speaker_caps and not named_elsewhere(ctx, prev):
            return None
        around = next((i for i, q in enumerate(quotes) if q.start <= src_start and colon < q.end), None)
        if around is not None and (around in ctx.claimed or text[quotes[around].start] not in "“\""):
            return None
    start, end = trim(text, colon + 1, end)
    if k is not None:
        start, end = quotes[k].start, quotes[k].end
    elif around is not None:
        end = min(end, quotes[around].inner_end)
    inside = ctx.index.inside(start, end)
    if len(re.findall(r"\w+", text[start:end])) < 3:
        return None
    ctx.claimed.update(inside)
    kind, parts = classify(text, quotes, inside, start, end)
    if around is not None:
        ctx.claimed.add(around)
        kind, parts = "direct", [(start, end)]
    sent = span[0].sent
    return statement(
        kind, parts, (colon, colon + 1, ":"), (src_start, src_end), prev.i,
        (sent.start_char, sent.end_char), ctx.para_of(colon), 0.7, "colon",
    )


def speaker_on_topic(ctx: Reading, doc: Doc, colon: int) -> Token | None:
    """A headline's "Name on Topic: “...”" ("Mayor Lopez on the Budget: “We
    will not raise taxes”"): the name that opens the line says the
    quotation, not the topic before the colon; not "A Note on the Budget:"
    (no name opens it)."""
    text = ctx.text
    p_start = ctx.paras[ctx.para_of(colon)][0]
    if colon - p_start > 80:
        return None
    m = _NAME_ON.match(text, p_start, colon)
    if m is None:
        return None
    name = doc.char_span(m.start(1), m.end(1))
    last = name[-1] if name is not None else None
    if last is None or not (last.ent_type_ in ("PERSON", "ORG") or last.pos_ == "PROPN") or ctx.in_furniture(last.idx):
        return None
    return last


def _speaker_word(ctx: Reading, prev: Token, k: int | None, speaker_caps: bool) -> bool:
    """Whether the word before a colon can name a speaker: a name, a
    transcript's speaker in capitals ("PENCE: Well, look, ..."), and before
    a quotation a titled opening ("Pew Research: “...”") or "From X:" ("More
    from Jones: “...”")."""
    return (
        prev.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or prev.pos_ == "PROPN" or speaker_caps
        or k is None and named_elsewhere(ctx, prev)
        or k is not None and _titled_opening(prev)
        # "From the report: “...”", "More from Jones: “...”"
        or k is not None and prev.dep_ == "pobj" and prev.head.lower_ == "from"
        and prev.head.i - prev.sent.start <= 1 and prev.pos_ in ("NOUN", "PROPN")
    )


def named_elsewhere(ctx: Reading, prev: Token) -> bool:
    """A headline's speaker the tagger took for a common noun ("Sanders:
    Clinton needs to ..."): a short capitalised opening whose last word is a
    person or an organisation the article names elsewhere ("Bernie
    Sanders offered ..."); not a label the article names no one by
    ("Update: ...", "Poll: ..."). The Doc's names are read once
    (``ctx.named``)."""
    if not _titled_opening(prev) or prev.i - prev.sent.start > 3:
        return False
    if ctx.named is None:
        ctx.named = names_by_last_word(prev.doc)
    return any(not start <= prev.i < end for start, end in ctx.named.get(prev.text, ()))


def names_by_last_word(doc: Doc) -> dict[str, list[tuple[int, int]]]:
    """The tokens (start, end) of each person and organisation ``doc`` names,
    by the text of the name's last word: "Bernie Sanders offered ..." ->
    {"Sanders": [(0, 2)]}."""
    named: dict[str, list[tuple[int, int]]] = {}
    for e in doc.ents:
        if e.label_ in ("PERSON", "ORG"):
            named.setdefault(e[-1].text, []).append((e.start, e.end))
    return named


def verb_before_colon(ctx: Reading, prev: Token) -> Token | None:
    """The finite verb whose clause ends at a colon (``prev`` is the word
    before it): the word itself, or the verb its adverbs and phrases hang
    on ("responded pointedly, with a smile:")."""
    if prev.pos_ == "PROPN":
        return None  # "Pollsters agree - Carl Bialik:": the name says it
    tok = prev
    for _ in range(4):
        if tok.pos_ == "VERB":
            break
        if tok.dep_ not in ("pobj", "prep", "advmod", "npadvmod", "dobj") or tok.head.i == tok.i:
            return None
        tok = tok.head
    if tok.pos_ != "VERB" or tok.tag_ not in FINITE_TAGS or not tok.is_alpha or ctx.in_quote(tok.idx):
        return None
    return tok


def bare_cue(ctx: Reading, verb: Token) -> bool:
    """A sentence that is a speaker and a cue of the lexicon with nothing
    said in it ("Dianne Bystrom agreed.", "Sam Lau said in a statement."):
    the quotation after it holds the words."""
    sent = verb.sent
    if not ctx.kinds(verb) & {"quote", "clause"} or verb.i != sent.root.i or ctx.in_quote(verb.idx):
        return False
    kids = [c for c in verb.children if not c.is_punct]
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    # besides the speaker only how and when: "said in a statement", "agreed Monday"
    return (
        len(subjects) == 1 and subjects[0].pos_ in ("PROPN", "NOUN") and subjects[0].i < verb.i
        and all(c.dep_ in ("nsubj", "prep", "npadvmod", "advmod") for c in kids) and len(sent) <= 30
    )


def _titled_opening(tok: Token) -> bool:
    """A capitalised name that opens its sentence and ends at ``tok`` ("Pew
    Research", which the tagger took for common nouns)."""
    words = tok.doc[tok.sent.start : tok.i + 1]
    return 0 < len(words) <= 6 and tok.is_alpha and tok.text[:1].isupper() and all(
        t.text[:1].isupper() or t.lower_ in ("of", "the", "for", "and", "de", "von") or t.text in (".", "-", "'s", "’s")
        for t in words
    )
