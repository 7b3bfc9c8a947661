"""Quoted predicates: a verb, its object and a quotation saying what the
object is ("Obama condemned Friday's test as “provocative”", "Japan branded
North Korea an “outlaw nation”"), or a quotation the object of the verb's
preposition ("called for more “flexibility”"). Whatever the verb, the
words quoted are its subject's; a verb of the light-verb list ("gave the
band a “standing ovation”") quotes nobody.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from claimx.lexicon import light_verbs
from claimx.pipeline.attribution.sources import subject_of
from claimx.pipeline.attribution.statement import classify, from_cue
from claimx.pipeline.attribution.words import imperative, is_title
from claimx.pipeline.quotemarks import ALL_MARKS

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading


def quoted_predicates(doc: Doc, ctx: Reading) -> None:
    """The pass: each verb outside the quotations whose object is followed by
    an unclaimed quotation in its sentence, and which has a speaker, says
    those words: "He dubbed Rubio “the little senator.”" -> (mixed, He,
    "Rubio “the little senator.”")."""
    quotes = ctx.quotes
    if all(k in ctx.claimed for k in range(len(quotes))):
        return  # no quotation left to say what an object is
    starts = {q.start: k for k, q in enumerate(quotes)}
    for verb in map(doc.__getitem__, ctx.verbs):  # (not token by token: most are no verb; cues.find_cues found them)
        if verb.pos_ != "VERB" or not verb.is_alpha or ctx.in_quote(verb.idx) or imperative(verb):
            continue
        if verb.lemma_.lower() in light_verbs():
            continue  # "gave the band a “standing ovation”": no one is quoted
        i = _quoted_words_at(ctx, doc, verb, starts)
        if i is None:
            continue
        k = starts.get(doc[i].idx) if i < len(doc) else None
        if k is None or k in ctx.claimed or is_title(ctx.text, quotes[k]) or doc[i].sent != verb.sent:
            continue
        subj = subject_of(ctx, verb)
        if subj is None:
            continue
        start = doc[verb.i + 1].idx
        if doc[verb.i + 1].dep_ == "prt":
            start = doc[verb.i + 2].idx
        ctx.claimed.add(k)
        kind, parts = classify(ctx.text, quotes, [k], start, quotes[k].end)
        ctx.found.append(from_cue(ctx, kind, parts, verb, subj, 0.7, "quoted-predicate"))


def _quoted_words_at(ctx: Reading, doc: Doc, verb: Token, starts: dict[int, int]) -> int | None:
    """The token where the quoted words of ``verb``'s predicate should start:
    past its particle or preposition ("gone after", "called for"), its
    object and "as"/"to" ("branded North Korea an “...”", "exhorted
    Republicans to “vote your conscience”"); None when the construction does
    not hold ("acted in the movie “Sharknado”": a name, not a predicate)."""
    i, prep = verb.i + 1, None
    if i < len(doc) and doc[i].dep_ in ("prt", "prep") and doc[i].pos_ == "ADP" and doc[i].lower_ != "as":
        prep, i = doc[i], i + 1  # "gone after", "pointed out", "called for"
    obj = i
    i = _past_object(doc, obj)
    if i == obj and i < len(doc) and doc[i].lower_ == "as" and prep is None:
        i += 1  # "is describing as “unhinged” a Donald Trump tweet"
    elif any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in doc[obj:i]):
        # the object, then what it is: "branded North Korea an “...”",
        # or what it is to do: "exhorted Republicans to “vote your conscience”"
        if i < len(doc) and doc[i].lower_ in ("as", "to") and prep is None:
            i += 1
        elif i < len(doc) and doc[i].lower_ == "as":
            i += 1
        elif prep is not None and prep.dep_ == "prep":
            return None  # "acted in the movie “Sharknado”": a name, not a predicate
        if i < len(doc) and doc[i].lower_ in ("a", "an", "the"):
            i += 1
    elif any(c.lower_ == "what" and c.i < verb.i for c in verb.children) or verb.dep_ == "relcl" and any(
        c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") and c.i < verb.i for c in verb.children
    ) and any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in verb.children):
        # "what he calls the “Washington cartel”", "Bannon, who Beck
        # called “a horrible human being”": the quoted words complete the pronoun
        pass
    elif prep is None or prep.lower_ not in ("for", "of", "against", "about"):
        return None  # else the quoted words are the object: "called for more “flexibility”"
    if i < len(doc) and doc[i].text == "," and i > obj:
        return _past_aside(ctx, doc, verb, i, starts)
    return i


def _past_object(doc: Doc, obj: int) -> int:
    """The token after the object that starts at ``obj`` ("branded *North
    Korea* an ..."), a day inside it included ("called Trump's statements
    on Sunday “childish”")."""
    i = obj
    while i < len(doc) and i - obj < 10 and (
        doc[i].pos_ in ("DET", "PROPN", "NOUN", "PRON", "ADJ", "NUM") or doc[i].tag_ in ("POS", "HYPH")
        or doc[i].lower_ == "both" or doc[i].lower_ in ("and", "of") and i > obj
    ) and doc[i].text not in ALL_MARKS and doc[i].lower_ != "as":
        i += 1
        # "called Trump's statements on Sunday “childish”": a day between
        if (
            i + 1 < len(doc) and i > obj and doc[i].lower_ in ("on", "last", "this")
            and doc[i + 1].ent_type_ == "DATE"
        ):
            i += 1
            while i < len(doc) and doc[i].ent_type_ == "DATE":
                i += 1
    return i


def _past_aside(ctx: Reading, doc: Doc, verb: Token, i: int, starts: dict[int, int]) -> int | None:
    """Past a comma at ``i`` and an aside: "calling him, among other things,
    “a failed candidate”", "chiding him, “What difference ...?”", "called
    Clinton, his Democratic challenger, an ISIS “co-founder”"; None when the
    quoted words are an apposition ("met the senator, “a great friend,”"),
    unless the verb is a cue or the words a sentence."""
    j = next((j for j in range(i + 1, min(i + 7, len(doc))) if doc[j].text == ","), i)
    i = j + 1 if j + 1 < len(doc) and doc[j + 1].idx in starts else i + 1
    if j > i and j + 1 < len(doc) and doc[j + 1].pos_ == "DET":
        # past the aside, what the object is
        n = j + 2
        while n < len(doc) and n - j < 5 and doc[n].pos_ in ("PROPN", "NOUN", "ADJ") and doc[n].idx not in starts:
            n += 1
        if n < len(doc) and doc[n].idx in starts:
            i = n
    k = starts.get(doc[i].idx) if i < len(doc) else None
    if k is None or not (ctx.kinds(verb) or ctx.text[ctx.quotes[k].inner_start : ctx.quotes[k].inner_start + 1].isupper()):
        return None
    return i
