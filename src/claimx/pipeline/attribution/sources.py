"""Who says it: the speaker of a cue (its subject, inherited along conjoined
and participial verbs, found past the parser's slips: a name after an
inverted cue, before a cue the parser left without a subject, in a
dateline) and the mention that names the speaker (:func:`mention_span`).
Before the subject, the constructions that name someone else: the issuer
of a document that says it ("released a video that accuses ..."), one a
recording shows speaking ("footage of Smith saying ..."), the noun after
an inverted cue inside the clause it reports ("The rules, said the mayor,
will ..."), a passive cue's agent ("as reported by the Tribune"); on the
way up to a subject, the object of a verb of causing ("led the chairman
to admit ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from claimx.lexicon import artefacts, author_verbs, causatives, footage_nouns
from claimx.pipeline.attribution.words import (
    CLAUSE_DEPS,
    FINITE_TAGS,
    after_comma,
    char_span,
    closing_comma,
    is_title_word,
    nominal,
    wordless,
)
from claimx.pipeline.dates.reference import dateline_at
from claimx.pipeline.quotemarks import ALL_MARKS

if TYPE_CHECKING:
    from claimx.pipeline.attribution.context import Reading

DATELINE_REACH = 120  # a dateline is shorter than this
SUBJECT_DEPS = {"nsubj", "csubj"}
PARTICIPLE_DEPS = {"advcl", "xcomp", "conj", "pcomp", "acl"}
# nouns of a moment a participle may hang on ("at one point calling ..."), never a speaker
TIME_NOUNS = frozenset({"point", "time", "moment", "stage", "juncture", "day", "night", "week", "month", "year", "minute",
                        "hour", "times", "occasion"})
QUOTED = frozenset({"quote", "cite", "report"})  # "was quoted / cited / reported as saying"
_WHEN = {"when", "where", "as", "while", "after", "before", "until", "once", "whenever"}


def subject_of(ctx: Reading, verb: Token) -> Token | None:
    """The speaker of a cue, outside any quotation: "Jane Smith rejected that
    claim, insisting ..." -> Jane Smith (for "insisting"); for an inverted cue
    whose parse put the subject inside the quote ("“..., Full panic mode,”
    said Leslie Wimes"), the noun right after the cue; for "saying" under a
    verb of quoting, the one quoted (:func:`quoted_as_saying`)."""
    quoted = quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    if verb.tag_ == "VBG" and after_comma(verb):
        # "Trump insisted that he has ..., claiming that ...": a participle
        # the parser hung inside a cue's clause speaks for that cue's
        # speaker (the outermost cue's: "Clinton told ... she believes
        # ..., saying that ...")
        own = _closing_cue_subject(ctx, verb) or _coordinate_clause_subject(ctx, verb)
        if own is not None:
            return own
        outer = next(
            (a for a in reversed(list(verb.ancestors)) if ctx.is_cue(a) and not ctx.in_quote(a.idx)), None
        )
        if outer is not None:
            return subject_of(ctx, outer)
        inner = _when_clause_subject(verb)
        if inner is not None:
            return inner
    issuer = _issuer(ctx, verb) or _shown_speaking(ctx, verb) or _interrupting_speaker(ctx, verb) or _agent(ctx, verb)
    if issuer is not None:
        return issuer
    subj = _subject(ctx, verb)
    if (subj is None or ctx.in_quote(subj.idx)) and not ctx.in_quote(verb.idx):
        subj = _subject_outside_quote(ctx, verb, subj)
    if subj is None and (verb.tag_ in FINITE_TAGS or verb.i in ctx.closing):
        subj = _name_before(ctx, verb)
    if subj is None:
        # "“...,” Conway notes.": the tagger took the verb for a noun and
        # the name right after the quotation for its modifier
        subj = next(
            (c for c in verb.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and _follows_quote(ctx, c)), None
        )
    if (
        subj is None and verb.dep_ in PARTICIPLE_DEPS and verb.head.i < verb.i
        and not ctx.in_quote(verb.head.idx)
    ):
        subj = subject_of(ctx, verb.head)  # "said Skelly, explaining ...": the head's speaker
    if subj is not None and _in_dateline(ctx, subj):
        # "TALLAHASSEE — Rep. Gwen Graham on Friday pummeled ...": the
        # parser took the dateline for the subject and hung the name on it
        subj = next((c for c in subj.children if c.dep_ == "appos" and not _in_dateline(ctx, c)), None) or next(
            (c for c in subj.head.children if c.dep_ == "nsubj" and c.i != subj.i and not _in_dateline(ctx, c)), None
        )
    if subj is None and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        subj = _earlier_speaker(ctx, verb)
    return subj


def quoted_as_saying(cue: Token) -> Token | None:
    """"The mayor *was quoted as saying* the plan would fail", "The paper
    quoted *the mayor* as saying ...": the subject of the passive "quoted"
    (or "cited", "reported"), or its object, is who said it; None for any
    other cue ("known as saying" is no report)."""
    prep = cue.head
    if cue.lemma_.lower() != "say" or cue.dep_ not in ("pcomp", "pobj") or prep.lower_ != "as":
        return None
    verb = prep.head
    if verb.lemma_.lower() not in QUOTED:
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)


def _closing_cue_subject(ctx: Reading, verb: Token) -> Token | None:
    """"The probe should stop, the senator added, saying it had no basis": a
    participle right after a cue that closes its content (no complement of
    its own after it) speaks for that cue's subject, not for the cue whose
    content the parse hung it in; not "Smith told them she believes the
    plan works, saying ..." (a cue with its complement: the outer cue's)."""
    head = verb.head
    if head.i > verb.i or not ctx.is_cue(head) or ctx.in_quote(head.idx):
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "dative") and c.i > head.i for c in head.children):
        return None
    subj = next((c for c in reversed(list(head.lefts)) if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN", "PRON") or ctx.in_quote(subj.idx):
        return None
    # the cue closes what comes before it: a comma or a quotation mark before its subject
    before = subj.left_edge.i - 1
    return subj if before >= 0 and subj.doc[before].text in ",”\"’'" else None


def _coordinate_clause_subject(ctx: Reading, verb: Token) -> Token | None:
    """"Protesters say the rules are unfair, and the union has sued the city,
    saying they violate free speech": a participle on a clause coordinated
    with a cue's, with a subject of its own, speaks for that subject; not
    "Smith said the plan would fail and criticized it, saying ..." (no subject
    of its own: the cue's)."""
    head = verb.head
    if head.dep_ != "conj" or head.i > verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in head.lefts if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
    if subj is None or ctx.in_quote(subj.idx):
        return None
    # the conjunction stands between the first clause's verb and this subject
    first = head.head
    joined = any(c.dep_ == "cc" and first.i < c.i < subj.i for c in first.children)
    return subj if joined else None


def _when_clause_subject(verb: Token) -> Token | None:
    """"..., when Sanders protesters interrupted her speech, shouting “...”":
    the participle the parser hung on the main verb goes with the clause
    that ends at its comma; that clause's subject."""
    left = verb.doc[verb.i - 2] if verb.i > 1 else None  # the word before the comma
    clause = next(
        (a for a in ([left, *left.ancestors] if left is not None else [])
         if a.dep_ in ("relcl", "advcl") and a.pos_ == "VERB" and a.i < verb.i and a.right_edge.i == left.i
         and any(c.dep_ in ("advmod", "mark") and c.lower_ in _WHEN for c in a.children)),
        None,
    )
    inner = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    if inner is not None and inner.pos_ in ("NOUN", "PROPN") and verb.head.i != clause.i:
        return inner
    return None


def _issuer(ctx: Reading, verb: Token) -> Token | None:
    """"His office put out a statement saying ...", "Trump released a new
    radio ad calling ...": who issued it says it; so too through a relative
    clause after a verb of authoring (``data/author_verbs.txt``: "The
    senator released a video that accuses ...", not "released the letter
    she wrote" nor "withheld an email that showed ...")."""
    artefact = verb.head
    if artefact.dep_ != "dobj" or artefact.lemma_.lower() not in artefacts():
        return None
    if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in artefact.children):
        return None  # "will answer Smith's speech calling ...": Smith's, not the answerer's ("her statement": hers)
    participle = verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN")
    relative = verb.dep_ == "relcl" and _relative_subject(verb) is not None
    if not participle and not (relative and artefact.head.lemma_.lower() in author_verbs()):
        return None  # "withheld an email that would have revealed ...": the email says it
    issuer = _subject(ctx, artefact.head)
    if issuer is not None and not ctx.in_quote(issuer.idx):
        return issuer
    return None


def _relative_subject(verb: Token) -> Token | None:
    """The relative pronoun subject of a relative clause ("a video *that* accuses ...")."""
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("that", "which")), None)


def _shown_speaking(ctx: Reading, verb: Token) -> Token | None:
    """A recording of someone speaking (``data/footage_nouns.txt``): "The
    ad uses footage of the senator saying ..." -> the senator, not the ad;
    not "a video of the flood, saying ..." (a comma: the participle is the
    sentence's)."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    tok = verb.doc[verb.i - 1]
    while tok.dep_ in ("compound", "flat") and verb.i > tok.head.i > tok.i:
        tok = tok.head
    if tok.pos_ not in ("PROPN", "NOUN", "PRON") or tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return None
    shown = tok.head.head
    return tok if shown.lemma_.lower() in footage_nouns() and not ctx.in_quote(tok.idx) else None


def _interrupting_speaker(ctx: Reading, verb: Token) -> Token | None:
    """An inverted cue set off by commas inside the clause it reports: "The
    new rules, said the city's mayor, will take effect in May" -> the mayor,
    not "the new rules" the parse made the cue's subject; not "The rules,
    he said, are fair" (the subject before the cue is the speaker)."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "," or verb.tag_ not in FINITE_TAGS or ctx.in_quote(verb.idx):
        return None
    fronted = next((c for c in verb.lefts if c.dep_ in SUBJECT_DEPS and not ctx.in_quote(c.idx)), None)
    if fronted is None or any(t.is_punct and t.i < verb.i - 1 for t in fronted.subtree):
        return None  # "Kasich, who served in Congress, said their plans ...": the subject is the speaker
    # the noun phrase right after the cue is a subject (the cue's second one, or the one the parse gave the
    # clause after it), never the cue's object ("Smith, the chief of staff, urged a strong stand, ...")
    after = next(
        (t for t in doc[verb.i + 1 : verb.i + 8] if t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN")
         and t.left_edge.i == verb.i + 1),
        None,
    )
    if after is None:
        return None
    return after if closing_comma(after) is not None else None


def _agent(ctx: Reading, verb: Token) -> Token | None:
    """A passive cue's agent: "as first reported by the Tribune", "after
    being warned by the embassy that ..." -> the Tribune, the embassy; not
    "was told by phone" (no one)."""
    if verb.tag_ != "VBN" or verb.dep_ == "acl" or not ctx.is_cue(verb):
        return None  # not "measures added by Republicans", "Reached by the Post, he ..."
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON") or ctx.in_quote(obj.idx):
        return None
    return obj


def _subject_outside_quote(ctx: Reading, verb: Token, subj: Token | None) -> Token | None:
    """The speaker of a cue outside the quotations whose parse found no
    subject or one inside a quotation: the name the parser made an
    apposition of that subject ("“Very good reporter,” Trump, the
    frontrunner, said"), or after a cue that follows a quotation the noun
    after it ("“...,” said Leslie Wimes"); else none."""
    after = next(
        (c for c in verb.rights if c.pos_ in ("PROPN", "NOUN") and not ctx.in_quote(c.idx)
         and c.dep_ in ("dobj", "attr", "npadvmod", "dep", "nsubj", "appos", "oprd")),
        None,
    )
    outside = None
    if subj is not None:
        outside = next(
            (c for c in subj.children if c.dep_ == "appos" and c.pos_ in ("PROPN", "NOUN")
             and not ctx.in_quote(c.idx) and c.i < verb.i),
            None,
        )
    if outside is not None:
        return outside
    if _follows_quote(ctx, verb):
        return after or _name_after(ctx, verb)
    return None


def _earlier_speaker(ctx: Reading, verb: Token) -> Token | None:
    """", noting ..." misparsed: the speaker of the cue before it in the
    sentence, else the subject of the sentence's main verb ("Flea shared the
    news on social media, writing “...”")."""
    earlier = next(
        (t for t in reversed(verb.doc[verb.sent.start : verb.i - 1])
         if t.tag_ in FINITE_TAGS and ctx.is_cue(t) and not ctx.in_quote(t.idx)),
        None,
    )
    root = verb.sent.root
    if earlier is not None:
        return subject_of(ctx, earlier)
    if root.i < verb.i and root.tag_ in FINITE_TAGS and not ctx.in_quote(root.idx):
        return _subject(ctx, root)
    return None


def _in_dateline(ctx: Reading, tok: Token) -> bool:
    """Whether ``tok`` is in a wire dateline opening its line ("JACKSON,
    Miss. - ", "New York (AFP) – ", "CLEVELAND, July 19 (UPI) — ":
    :func:`claimx.pipeline.dates.reference.dateline_at`)."""
    nl = ctx.text.rfind("\n", max(0, tok.idx - DATELINE_REACH), tok.idx)
    if nl < 0 and tok.idx > DATELINE_REACH:
        return False  # far into its line: no dateline holds it (and no scan back to the line's start)
    line = nl + 1
    m = dateline_at(ctx.text, line)
    return m is not None and tok.idx < m.end()


def _name_after(ctx: Reading, verb: Token) -> Token | None:
    """The name right after an inverted cue that the parser did not make its
    subject ("“...,” said Skelly, explaining ...", "said retired neurosurgeon
    Ben Carson, asked about ..."): the last word of the noun phrase."""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and i <= verb.i + 3 and doc[i].pos_ in ("ADV", "ADJ", "DET", "VERB") and not doc[i].text[:1].isupper():
        i += 1  # "said matter-of-factly", "said retired ..."
    if i >= len(doc) or ctx.in_quote(doc[i].idx):
        return None
    if not nominal(doc[i]):
        return None
    while i + 1 < len(doc) and nominal(doc[i + 1]) and doc[i].dep_ in ("compound", "flat", "amod", "nmod"):
        i += 1
    return doc[i]


def _follows_quote(ctx: Reading, verb: Token) -> bool:
    """Whether the cue comes right after a closing quotation mark ("“...,” said X")."""
    text, i = ctx.text, verb.idx - 1
    while i >= 0 and text[i] in " \t\xa0,":
        i -= 1
    return i >= 0 and text[i] in "”\"’'" and ctx.in_quote(i)


def _name_before(ctx: Reading, verb: Token) -> Token | None:
    """A finite cue the parser left without a subject, because it hung the
    name on an earlier phrase ("In a statement to the Observer, her
    adviser, Jake Sullivan, said"; "“...,” Brent Bozell III, founder of
    the Media Research Center, tells ..."): the name that ends right
    before the cue."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and (doc[i].is_punct and doc[i].text not in ALL_MARKS or doc[i].is_space):
        i -= 1
    if i >= 0 and doc[i].pos_ == "NUM" and doc[i].dep_ == "appos":
        i = doc[i].head.i  # "Ramos, 58, told AFP"
    if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN") or ctx.in_quote(doc[i].idx):
        return None
    tok = doc[i]
    while tok.dep_ in ("compound", "flat") and tok.i < tok.head.i < verb.i:
        tok = tok.head
    for _ in range(4):
        if tok.ent_type_ == "PERSON":
            break
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head.head  # "founder of the Media Research Center"
        elif tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON" and not ctx.in_quote(tok.head.idx):
            tok = tok.head  # "Brent Bozell III, founder ..."
        else:
            break
    if ctx.in_quote(tok.idx):
        return None
    if tok.ent_type_ in ("PERSON", "ORG", "NORP") or is_title_word(tok):
        return tok
    if verb.i in ctx.closing and tok.pos_ == "PROPN":
        return tok  # "“...,” Trump barked": the structure says it is the speaker
    return None


def _subject(ctx: Reading, verb: Token) -> Token | None:
    """The subject of a cue, inherited along conjoined/participial verbs ("Jane
    Smith said ... but acknowledged ...": Jane Smith for both)."""
    cur: Token | None = verb
    dep, last = "", verb
    for _ in range(4):
        if cur is None:
            return None
        below, dep = dep, cur.dep_  # how the token the walk came up from hung on cur
        came, last = last, cur  # and that token
        # a subject outside the quotations first: the parser may take a
        # noun inside the quote for a second subject, or a dateline
        # ("LONDON (Reuters) - Donald Trump said"): then the nearest one
        # ("was joined on stage by Franken and joked, “...”": the passive
        # verb's subject is the second one's, which is active)
        # ("After saying ..., she was whisked off": a gerund under a
        # preposition speaks for its clause's subject, passive or not; but
        # "as saying" reports only under a verb of quoting, which
        # quoted_as_saying reads: "He is known as saying
        # little" is no report)
        if below == "xcomp" and (controller := _controller(cur, came)) is not None:
            return controller
        by_prep = below == "prep" and came.lower_ != "as"
        deps = SUBJECT_DEPS | {"nsubjpass"} if below == "conj" and verb.dep_ == "conj" or by_prep else SUBJECT_DEPS
        subjects = sorted(
            (c for c in cur.children if c.dep_ in deps),
            key=lambda c: (ctx.in_quote(c.idx), abs(c.i - cur.i)),
        )
        if subjects:
            child = subjects[0]
            if child.tag_ in ("WDT", "WP") or child.lower_ in ("who", "that", "which"):
                # relative clause: "Rubio, who said ...": the mention is
                # "who" (as PolNeAR marks it); the speaker resolver
                # follows it to "Rubio"
                return child if cur.dep_ == "relcl" else None
            return child
        clause = cur.head
        if (
            cur.dep_ == "conj" and clause.dep_ in CLAUSE_DEPS and ctx.is_cue(clause.head)
            and (not ctx.is_cue(clause) or clause.head.i < clause.i)
        ):
            # "said the plan would pass but acknowledged ...": the parser
            # hung the second cue on the first one's clause; so too when
            # that clause's verb is a cue, the first cue before it ("said
            # that she wanted to stay and predicted ...")
            cur = cur.head.head
            continue
        if (
            cur.dep_ == "prep" and cur.pos_ in ("ADP", "SCONJ") and cur.head.i != cur.i
            and (cur.i > cur.head.i or below == "pcomp" and cur.head.pos_ in ("VERB", "AUX"))
        ):
            # "began by saying", "responded by saying"; "After suggesting
            # that ..., Rubio said": the gerund's subject is the clause's
            cur = cur.head
        elif cur.dep_ == "acomp" and cur.head.i != cur.i:
            cur = cur.head  # "voters are more likely to say", "are quick to point out"
        elif cur.dep_ in PARTICIPLE_DEPS and cur.head.i != cur.i:
            if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
                if cur.head.lemma_ in TIME_NOUNS and cur.head.dep_ == "pobj":
                    # "..., at one point calling the mayor a “liar”": the
                    # sentence's subject, not the moment
                    root = cur.sent.root
                    return _subject(ctx, root) if root.i < cur.i and root.pos_ in ("VERB", "AUX") else None
                clause = _adjunct_clause(cur)
                if clause is None:
                    return cur.head  # "officials, saying that ..."
                cur = clause
                continue
            cur = cur.head
        elif cur.dep_ == "relcl":
            return cur.head
        elif cur.dep_ == "dep" and cur.pos_ == "VERB" and cur.head.pos_ == "VERB" and cur.head.i < cur.i:
            cur = cur.head  # "Trump gestured ..., then leaned in and boomed": a loose second verb
        else:
            return None
    return None


def _adjunct_clause(participle: Token) -> Token | None:
    """A participle set off by a comma that the parse hung on the object of
    a clause's verb is that clause's adjunct: "Trump made a third attempt to
    answer the critics, writing on Twitter that ..." -> the verb "made" (its
    subject writes), not "attempt"; not after a plural or a name ("police
    met the protesters, chanting ...": they may be the ones speaking), nor
    right after its noun ("a pitch to voters saying ...")."""
    noun = participle.head
    if participle.tag_ != "VBG" or not after_comma(participle) or noun.i >= participle.i - 1:
        return None
    if noun.tag_ != "NN" or noun.ent_type_:
        return None  # "protesters, chanting ...", "the senator, saying ...": people may speak
    if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    return None


def _controller(verb: Token, infinitive: Token) -> Token | None:
    """Object control after a verb of causing (``data/causatives.txt``):
    "The defeat led the chairman to announce his resignation", "The senator
    forced the banker to admit that ...": the infinitive after the object
    speaks for the object, not for the verb's subject; not after "urged
    voters to ..." (a directive: the urger's aim) or "used the comments to
    urge ..." (a means: the subject speaks)."""
    if infinitive.tag_ != "VB" or verb.lemma_.lower() not in causatives():
        return None
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and c.i < infinitive.i and c.pos_ in ("NOUN", "PROPN", "PRON")),
        None,
    )


def _glued(tok: Token) -> bool:
    """A hyphen inside a word, part of a name: "Waller-Bridge", "45-year-old"."""
    return tok.tag_ == "HYPH" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


def mention_span(tok: Token) -> tuple[int, int]:
    """The noun phrase a mention head stands for, without relative clauses,
    appositions or trailing punctuation ("US Secretary of State Marco Rubio",
    "a senior White House official", "a spokesman for the campaign")."""
    keep = [tok]
    for child in tok.children:
        if child.i < tok.i and (child.dep_ not in ("punct", "cc", "prep", "relcl", "appos", "case") or _glued(child)):
            keep += list(child.subtree)
        elif child.i > tok.i and child.dep_ in ("prep", "compound", "flat") and tok.ent_type_ != "PERSON":
            if child.dep_ != "prep" or child.lower_ in ("of", "for", "at", "with", "from"):
                keep += list(child.subtree)
        elif child.i > tok.i and child.dep_ in ("compound", "flat"):
            keep.append(child)
    keep = [t for t in keep if not t.is_space]
    keep.sort(key=lambda t: t.i)
    # contiguous run around the head
    idx = [t.i for t in keep]
    lo = hi = idx.index(tok.i)
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi + 1 < len(idx) and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    toks = keep[lo : hi + 1]
    while len(toks) > 1 and wordless(toks[0]):
        toks = toks[1:]  # punctuation, quotation marks, "”―" glued together
    while len(toks) > 1 and (wordless(toks[-1]) or toks[-1].tag_ == "POS"):
        toks = toks[:-1]
    return char_span(toks)

