"""Who said what: find reporting cues in a parsed Doc and tie each to its
source mention and its content (direct, indirect or mixed).

This is the part of claimx that is ours. It works on spaCy's dependency parse
and on the quotation marks found by :mod:`claimx.quotemarks`:

1. every token whose lemma is a reporting cue (``claimx/data/cues.tsv``) and
   that stands outside a quotation is a candidate cue, and so is
   "according to"; so is any verb that the structure shows to be saying
   something: closing a quotation like "said" ("“...,” Hollande
   retaliated"), introducing one after a colon ("Kelly responded, with a
   smile:"), or putting quoted words on its object ("condemned the test as
   “provocative”", "what he calls the “Washington cartel”");
2. its source is its subject, inherited along conjoined and participial
   verbs ("said ... but acknowledged ..., noting that ...");
3. its content is, in order of preference: a quotation that ends right
   before the cue phrase ("“...,” Rubio said"), its clausal complement
   (extended over a quotation that follows it at once: a *mixed* quote), a
   quotation right after the cue phrase ("He said: “...”"), or for
   object-taking cues ("described X as ...") its object;
4. a cue inside what another statement reports belongs to that statement
   ("said he thinks ..." is one statement), and an unmarked statement with
   nobody saying it is none ("That only escalated the fight");
5. quotations nobody claimed are either continuations of the previous
   speaker's quote (the next paragraph, no other cue) or scare quotes,
   titles and headings, which are not quotes; colon and dash attributions
   ("Kerry: “...”", "“...” ― Jane Roe", transcripts' "PENCE: ...") are
   found apart.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimx.lexicon import artefacts, cue_frames, light_verbs, title_nouns
from claimx.quotemarks import ALL_MARKS, Quotation, QuotationIndex, find_quotations, paragraphs

SUBJECT_DEPS = {"nsubj", "csubj"}
# dependents of a cue that belong to the cue phrase, not to the content
PHRASE_DEPS = {"aux", "auxpass", "neg", "prt", "advmod", "npadvmod", "dative", "nsubj", "nsubjpass"}
ADDRESSEE_DEPS = {"dobj", "dative"}
CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis"}
PARTICIPLE_DEPS = {"advcl", "xcomp", "conj", "pcomp", "acl"}
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
# nouns of a moment a participle may hang on ("at one point calling ..."), never a speaker
TIME_NOUNS = frozenset({"point", "time", "moment", "stage", "juncture", "day", "night", "week", "month", "year", "minute",
                        "hour", "times", "occasion"})
DOUBLE_MARKS = "“”\"«»"
ALL_KINDS = frozenset({"clause", "quote", "object", "infinitive"})
QUOTE_ONLY = frozenset({"quote"})
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_TELL = {"tell", "inform", "assure", "remind", "warn", "advise", "brief"}  # their object is the one told
_WHEN = {"when", "where", "as", "while", "after", "before", "until", "once", "whenever"}
_NOT_ASIDE = {"i", "we", "you", "one"}  # "as we know it", "as you know"
ASIDE = frozenset({"clause", "quote"})  # "as Vulture put it, “…”"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
# labels a headline or paragraph opens with ("EXCLUSIVE: ..."), never a speaker
HEADING_LABELS = frozenset({"exclusive", "breaking", "update", "updated", "watch", "analysis", "opinion", "video",
                            "photos", "correction", "related", "read", "listen", "live", "editor", "note"})
_GAP_BEFORE_CUE = re.compile(r"[\s,;:—–-]*")
_GAP_AFTER_CUE = re.compile(r"[\s,:—–-]*")
_LETTER = re.compile(r"\w")
_DASH_AFTER = re.compile(r"[ \t\xa0]*([—―–]|--?)[ \t\xa0]*(?=[A-Z])")
_COLON_BREAK = re.compile(r"[ \t\xa0]*:[ \t\xa0]*\n\s*")


@dataclass(slots=True)
class Attribution:
    """One statement found in a Doc (character offsets into ``doc.text``)."""

    type: str  # direct | indirect | mixed
    start: int
    end: int
    parts: list[tuple[int, int]]
    cue: tuple[int, int, str] | None  # start, end, lemma
    source: tuple[int, int] | None  # the raw mention of the speaker
    source_token: int | None  # head token index of the mention
    addressee: tuple[int, int] | None
    sentence: tuple[int, int]
    paragraph: int
    confidence: float
    inherited_from: int | None = None  # index of the attribution whose speaker this one continues
    rule: str = ""  # which construction found it: quote-before, clause, quote-after, object, ...


def _statement(
    kind: str,
    parts: list[tuple[int, int]],
    cue: tuple[int, int, str] | None,
    source: tuple[int, int] | None,
    source_token: int | None,
    sentence: tuple[int, int],
    paragraph: int,
    confidence: float,
    rule: str,
    addressee: tuple[int, int] | None = None,
    inherited_from: int | None = None,
) -> Attribution:
    """An :class:`Attribution` whose extent is that of its parts."""
    return Attribution(
        type=kind,
        start=parts[0][0],
        end=parts[-1][1],
        parts=parts,
        cue=cue,
        source=source,
        source_token=source_token,
        addressee=addressee,
        sentence=sentence,
        paragraph=paragraph,
        confidence=round(max(confidence, 0.05), 2),
        inherited_from=inherited_from,
        rule=rule,
    )


def _char_span(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


# a wire dateline opening a story: "LONDON (Reuters) - ", "DAR ES SALAAM, Tanzania (AP) _ "
_DATELINE = re.compile(r"[A-Z][A-Z.'’ ]{2,40}(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?\s*(?:\([A-Za-z .]+\))?\s*[-—–_]{1,2}\s+")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip white space and clause punctuation from both ends of a span,
    and a wire dateline from the start of a story."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    if (start == 0 or text[start - 1] == "\n") and (m := _DATELINE.match(text, start, end)):
        start = m.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-."):
        end -= 1
    return start, end


class Attributor:
    """Finds attributions in a parsed Doc. One instance per process: it holds
    the cue lexicon; each Doc is read by a :class:`_Reading` of its own."""

    def __init__(self, cues: dict[str, frozenset[str]] | None = None, every_verb: bool = False) -> None:
        self.cues = dict(cues if cues is not None else cue_frames())
        # every_verb: treat each verb as a cue with every content kind (for
        # mining the lexicon from an annotated corpus, scripts/mine_cues.py)
        self.every_verb = every_verb

    def __call__(self, doc: Doc, text: str | None = None, quotes: list[Quotation] | None = None) -> list[Attribution]:
        """Attributions in ``doc``; ``text`` (``doc.text``, which spaCy rebuilds on
        every access) and its ``quotes`` may be passed in when already known."""
        text = doc.text if text is None else text
        quotes = find_quotations(text) if quotes is None else quotes
        return _Reading(self.cues, self.every_verb, text, quotes).read(doc)


class _Reading:
    """One Doc being read: the lexicon, the Doc's text and quotations, and
    what the passes learn of it (which verbs close a quotation)."""

    def __init__(self, cues: dict[str, frozenset[str]], every_verb: bool, text: str, quotes: list[Quotation]) -> None:
        self.cues = cues
        self.every_verb = every_verb
        self._text = text
        self._quotes = quotes
        self._index = QuotationIndex(quotes)
        self._closing: set[int] = set()  # verbs of the Doc that close a quotation (_closes_quote)

    def kinds(self, tok: Token) -> frozenset[str]:
        if self.every_verb:
            return ALL_KINDS
        frames = self.cues.get(tok.lemma_.lower(), frozenset())
        if not frames and _puts_it(tok):
            frames = ASIDE
        return frames | QUOTE_ONLY if tok.i in self._closing else frames

    # -- cues -------------------------------------------------------------
    def is_cue(self, tok: Token) -> bool:
        if tok.pos_ != "VERB" and tok.tag_ not in ("VBD", "VBZ", "VBG", "VBN", "VBP", "VB"):
            return False
        return self.every_verb or tok.lemma_.lower() in self.cues or _puts_it(tok)

    @staticmethod
    def _imperative(tok: Token) -> bool:
        """"Note: ...", "Read the rest here": a bare verb with no subject or auxiliary."""
        return tok.tag_ == "VB" and tok.dep_ == "ROOT" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children
        )

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a cue outside any quotation; for an inverted cue whose
        parse put the subject inside the quote ("“..., Full panic mode,” said
        Leslie Wimes"), the noun right after the cue."""
        if verb.tag_ == "VBG" and _after_comma(verb):
            # "Trump insisted that he has ..., claiming that ...": a participle
            # the parser hung inside a cue's clause speaks for that cue's
            # speaker (the outermost cue's: "Clinton told ... she believes
            # ..., saying that ...")
            outer = next(
                (a for a in reversed(list(verb.ancestors)) if self.is_cue(a) and not self._in_quote(a.idx)), None
            )
            if outer is not None:
                return self.subject_of(outer)
            # "..., when Sanders protesters interrupted her speech, shouting
            # “...”": the participle the parser hung on the main verb goes
            # with the clause that ends at its comma
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
        if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN") and verb.head.dep_ == "dobj" and (
            verb.head.lemma_ in artefacts()
        ):
            # "His office put out a statement saying ...", "Trump released a
            # new radio ad calling ...": who issued it says it
            issuer = self._subject(verb.head.head)
            if issuer is not None and not self._in_quote(issuer.idx):
                return issuer
        subj = self._subject(verb)
        if (subj is None or self._in_quote(subj.idx)) and not self._in_quote(verb.idx):
            after = next(
                (c for c in verb.rights if c.pos_ in ("PROPN", "NOUN") and not self._in_quote(c.idx)
                 and c.dep_ in ("dobj", "attr", "npadvmod", "dep", "nsubj", "appos", "oprd")),
                None,
            )
            outside = None
            if subj is not None:
                # "“Very good reporter,” Trump, the frontrunner, said": the parser
                # made the name an apposition of a noun inside the quote
                outside = next(
                    (c for c in subj.children if c.dep_ == "appos" and c.pos_ in ("PROPN", "NOUN")
                     and not self._in_quote(c.idx) and c.i < verb.i),
                    None,
                )
            if outside is not None:
                subj = outside
            elif self._follows_quote(verb):
                subj = after or self._name_after(verb)  # "“...,” said Leslie Wimes"
            else:
                subj = None
        if subj is None and (verb.tag_ in FINITE_TAGS or verb.i in self._closing):
            subj = self._name_before(verb)
        if subj is None:
            # "“...,” Conway notes.": the tagger took the verb for a noun and
            # the name right after the quotation for its modifier
            subj = next(
                (c for c in verb.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and self._follows_quote(c)), None
            )
        if (
            subj is None and verb.dep_ in PARTICIPLE_DEPS and verb.head.i < verb.i
            and not self._in_quote(verb.head.idx)
        ):
            subj = self.subject_of(verb.head)  # "said Skelly, explaining ...": the head's speaker
        if subj is not None and self._in_dateline(subj):
            # "TALLAHASSEE — Rep. Gwen Graham on Friday pummeled ...": the
            # parser took the dateline for the subject and hung the name on it
            subj = next((c for c in subj.children if c.dep_ == "appos" and not self._in_dateline(c)), None) or next(
                (c for c in subj.head.children if c.dep_ == "nsubj" and c.i != subj.i and not self._in_dateline(c)), None
            )
        if subj is None and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
            # ", noting ..." misparsed: the speaker of the cue before it in the
            # sentence, else the subject of the sentence's main verb ("Flea
            # shared the news on social media, writing “...”")
            earlier = next(
                (t for t in reversed(verb.doc[verb.sent.start : verb.i - 1])
                 if t.tag_ in FINITE_TAGS and self.is_cue(t) and not self._in_quote(t.idx)),
                None,
            )
            root = verb.sent.root
            if earlier is not None:
                subj = self.subject_of(earlier)
            elif root.i < verb.i and root.tag_ in FINITE_TAGS and not self._in_quote(root.idx):
                subj = self._subject(root)
        return subj

    def _in_dateline(self, tok: Token) -> bool:
        """Whether ``tok`` is in a wire dateline opening its paragraph ("JACKSON, Miss. - ")."""
        if not tok.is_upper:
            return False
        line = self._text.rfind("\n", 0, tok.idx) + 1
        m = _DATELINE.match(self._text, line)
        return m is not None and tok.idx < m.end()

    def _closes_quote(self, verb: Token, quotes: list[Quotation], ends: list[int]) -> bool:
        """A verb outside the cue lexicon that says how a quotation was said:
        "“France will always be France,” an angry Hollande retaliated." The
        quotation ends in a comma, ! or ?, a short noun phrase follows it,
        then the verb, then the sentence ends (or goes on after a comma or
        "and"); or the verb comes first and a name after it ("“This is
        fantastic!” beamed Donald Hartley of Madison")."""
        # (a past tense the tagger took for a participle: "“...,” Trump barked and ...")
        if verb.pos_ != "VERB" or verb.tag_ not in FINITE_TAGS | {"VBN"} or not verb.is_alpha:
            return False  # (a dash the tagger took for a verb: "”― Jacklyn Ashley")
        if "quote" in self.cues.get(verb.lemma_.lower(), ()):
            return False  # a cue of the lexicon already takes it ("press" only takes "to ...": "Hannity pressed.")
        if self._in_quote(verb.idx) or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            return False
        doc = verb.doc
        k = bisect_right(ends, verb.idx) - 1
        if k < 0 or _last_char(self._text, quotes[k]) not in (",", "!", "?"):
            return False
        q = quotes[k]
        between = [t for t in doc.char_span(q.end, verb.idx, alignment_mode="expand") or () if not t.is_space]
        if not between:
            return verb.i + 1 < len(doc) and doc[verb.i + 1].pos_ == "PROPN"
        j = verb.i + 1
        while j < len(doc) and doc[j].head.i == verb.i and (
            doc[j].dep_ == "prt" or doc[j].dep_ == "advmod" and doc[j].lower_ in ("back", "again", "aloud", "out")
        ):
            j += 1  # "“Mexico!” the audience screamed back." (not "the crowd applauded loudly")
        nxt = doc[j] if j < len(doc) else None
        if nxt is not None and not (nxt.text in (".", ",", ";", "!", "?") or nxt.lower_ in ("and", "but") or "\n" in nxt.text):
            return False
        if len(between) > 6 or any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in between):
            return False
        return any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in between)

    def _name_after(self, verb: Token) -> Token | None:
        """The name right after an inverted cue that the parser did not make its
        subject ("“...,” said Skelly, explaining ...", "said retired neurosurgeon
        Ben Carson, asked about ..."): the last word of the noun phrase."""
        doc = verb.doc
        i = verb.i + 1
        while i < len(doc) and i <= verb.i + 3 and doc[i].pos_ in ("ADV", "ADJ", "DET", "VERB") and not doc[i].text[:1].isupper():
            i += 1  # "said matter-of-factly", "said retired ..."
        if i >= len(doc) or self._in_quote(doc[i].idx):
            return None
        if not _nominal(doc[i]):
            return None
        while i + 1 < len(doc) and _nominal(doc[i + 1]) and doc[i].dep_ in ("compound", "flat", "amod", "nmod"):
            i += 1
        return doc[i]

    def _follows_quote(self, verb: Token) -> bool:
        """Whether the cue comes right after a closing quotation mark ("“...,” said X")."""
        text, i = self._text, verb.idx - 1
        while i >= 0 and text[i] in " \t\xa0,":
            i -= 1
        return i >= 0 and text[i] in "”\"’'" and self._in_quote(i)

    def _name_before(self, verb: Token) -> Token | None:
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
        if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN") or self._in_quote(doc[i].idx):
            return None
        tok = doc[i]
        while tok.dep_ in ("compound", "flat") and tok.i < tok.head.i < verb.i:
            tok = tok.head
        for _ in range(4):
            if tok.ent_type_ == "PERSON":
                break
            if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("NOUN", "PROPN"):
                tok = tok.head.head  # "founder of the Media Research Center"
            elif tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON" and not self._in_quote(tok.head.idx):
                tok = tok.head  # "Brent Bozell III, founder ..."
            else:
                break
        if self._in_quote(tok.idx):
            return None
        if tok.ent_type_ in ("PERSON", "ORG", "NORP") or _is_title_word(tok):
            return tok
        if verb.i in self._closing and tok.pos_ == "PROPN":
            return tok  # "“...,” Trump barked": the structure says it is the speaker
        return None

    def _in_quote(self, char: int) -> bool:
        """Whether ``char`` lies inside a quotation of the Doc being read."""
        return char in self._index

    def _subject(self, verb: Token) -> Token | None:
        """The subject of a cue, inherited along conjoined/participial verbs."""
        cur: Token | None = verb
        dep = ""
        for _ in range(4):
            if cur is None:
                return None
            below, dep = dep, cur.dep_  # how the token the walk came up from hung on cur
            # a subject outside the quotations first: the parser may take a
            # noun inside the quote for a second subject, or a dateline
            # ("LONDON (Reuters) - Donald Trump said"): then the nearest one
            # ("was joined on stage by Franken and joked, “...”": the passive
            # verb's subject is the second one's, which is active)
            deps = SUBJECT_DEPS | {"nsubjpass"} if below == "conj" and verb.dep_ == "conj" else SUBJECT_DEPS
            subjects = sorted(
                (c for c in cur.children if c.dep_ in deps),
                key=lambda c: (self._in_quote(c.idx), abs(c.i - cur.i)),
            )
            if subjects:
                child = subjects[0]
                if child.tag_ in ("WDT", "WP") or child.lower_ in ("who", "that", "which"):
                    # relative clause: "Rubio, who said ...": the mention is
                    # "who" (as PolNeAR marks it); the speaker resolver
                    # follows it to "Rubio"
                    return child if cur.dep_ == "relcl" else None
                return child
            if (
                cur.dep_ == "conj" and cur.head.dep_ in CLAUSE_DEPS and not self.is_cue(cur.head)
                and self.is_cue(cur.head.head)
            ):
                # "said the plan would pass but acknowledged ...": the parser
                # hung the second cue on the first one's clause
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
                        return self._subject(root) if root.i < cur.i and root.pos_ in ("VERB", "AUX") else None
                    # "officials, saying that ..."
                    return cur.head
                cur = cur.head
            elif cur.dep_ == "relcl":
                return cur.head
            elif cur.dep_ == "dep" and cur.pos_ == "VERB" and cur.head.pos_ == "VERB" and cur.head.i < cur.i:
                cur = cur.head  # "Trump gestured ..., then leaned in and boomed": a loose second verb
            else:
                return None
        return None

    # -- main -------------------------------------------------------------
    def read(self, doc: Doc) -> list[Attribution]:
        """The attributions in ``doc``, pass by pass."""
        text, quotes = self._text, self._quotes
        paras = paragraphs(text)
        p_starts = [p[0] for p in paras]

        def para_of(char: int) -> int:
            return max(0, bisect_right(p_starts, char) - 1)

        ends = [q.end for q in quotes]
        self._closing = {t.i for t in doc if self._closes_quote(t, quotes, ends)}
        cue_tokens = [
            t for t in doc
            if (self.is_cue(t) or t.i in self._closing) and not self._in_quote(t.idx) and not self._imperative(t)
            and not _markup(t)
        ]
        according = [
            t
            for t in doc
            if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"
            and not self._in_quote(t.idx)
        ]
        found: list[Attribution] = []
        claimed: set[int] = set()

        # pass 1: quotation right before the cue phrase ("“...,” Rubio said")
        plans: dict[int, tuple[int, int] | None] = {}
        for cue in cue_tokens:
            subj = self.subject_of(cue)
            phrase_start, phrase_end = self._phrase(cue, subj)
            plans[cue.i] = (phrase_start, phrase_end)
            k = self._quote_before(doc, quotes, ends, phrase_start)
            if k is not None and _is_title(text, quotes[k]):
                k = None
            if k is not None and self._introduces(text, quotes, quotes[k], phrase_end, para_of):
                k = None
            if k is not None and cue.tag_ == "VBG" and any(
                c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > cue.i for c in cue.children
            ):
                k = None  # "… as “radical Islamists,” saying calling the group that ...": its own words
            if k is not None and any(
                c.dep_ == "ccomp" and c.i > cue.i and self._opens_outside(c) and not _adverbial(c, cue)
                and not (subj is not None and subj in c.subtree)  # "said Ben Carson, asked ..."
                for c in cue.children
            ):
                # "a defense of “New York values,” saying the city embodied
                # ...", "“...neighborhood.” Russia insisted that Pyongyang
                # ...": a cue with a clause of its own reports that clause
                k = None
            if k is not None and k not in claimed and "quote" in self.kinds(cue):
                claimed.add(k)
                parts = [(quotes[k].inner_start, quotes[k].inner_end)]
                # split quote: "“A,” he said, “B.”"
                k2 = self._quote_after(text, quotes, phrase_end, para_of)
                if k2 is not None and k2 not in claimed and self._ends_open(text, quotes[k]):
                    claimed.add(k2)
                    parts += list(quotes[k2].parts)
                found.append(self._make(doc, "direct", parts, cue, subj, para_of, 0.95, "quote-before"))
                plans[cue.i] = None

        # pass 2: clausal complements, quotations after the cue, objects
        for cue in cue_tokens:
            plan = plans[cue.i]
            if plan is None:
                continue
            phrase_start, phrase_end = plan
            subj = self.subject_of(cue)
            kinds = self.kinds(cue)
            content, rule = self._complement(cue, kinds)
            pieces: list[tuple[int, int]] = []
            if content is None and ASIDE <= kinds and _as_aside(cue) and subj is not None and subj.lower_ not in _NOT_ASIDE:
                # "As The Hill reported, Trump was ...", "..., as the paper
                # noted": the clause the aside vouches for (or, "the result, as
                # he later explained, was ...", the two pieces around it)
                pieces = self._around(text, cue, phrase_start, phrase_end, aside=True)
                if len(pieces) == 1:
                    content, rule, pieces = pieces[0], "as-aside", []
            elif content is None and cue.dep_ == "parataxis" and "clause" in kinds:
                # "South Carolina, he said, was “where we ...”": the clause around the cue
                pieces, rule = self._around(text, cue, phrase_start, phrase_end), "parenthetical"
            if content is not None:
                start, end = _trim(text, *content)
                start = self._strip_that(doc, start)
                end = self._cut(text, quotes, start, end)
                # a content boundary never cuts a quotation in two
                for q in quotes:
                    if q.start < end and start < q.end:
                        start, end = min(start, q.start), max(end, q.end)
                if end <= start or not _LETTER.search(text[start:end]):
                    continue
                # a quotation that follows the clause at once belongs to it
                k = self._quote_after(text, quotes, end, para_of)
                if k is not None and k not in claimed and "quote" in kinds:
                    claimed.add(k)
                    end = quotes[k].end
                inside = [i for i, q in enumerate(quotes) if start <= q.start and q.end <= end]
                claimed.update(inside)
                kind, parts = self._classify(text, quotes, inside, start, end)
                if kind == "indirect" and subj is None and not _passive(cue):
                    # no quotation marks and nobody saying it: "That only
                    # escalated the fight", "propose alternatives" (on PolNeAR
                    # train three in four such were no statement); a passive
                    # cue has no speaker by nature ("is expected to")
                    continue
                conf = 0.9 if kind == "direct" else 0.8
                found.append(self._make(doc, kind, parts, cue, subj, para_of, conf, rule))
                continue
            if pieces:
                inside = [i for i, q in enumerate(quotes)
                          if pieces[0][0] <= q.start and q.end <= pieces[-1][1] and i not in claimed]
                claimed.update(inside)
                kind = "mixed" if any(ch in text[s:e] for s, e in pieces for ch in DOUBLE_MARKS) else "indirect"
                found.append(self._make(doc, kind, pieces, cue, subj, para_of, 0.7, rule or "as-aside"))
                continue
            if "quote" not in kinds:
                continue
            k = self._quote_after(text, quotes, phrase_end, para_of)
            if k is not None and k not in claimed and not _is_title(text, quotes[k]):
                claimed.add(k)
                found.append(
                    self._make(doc, "direct", list(quotes[k].parts), cue, subj, para_of, 0.9, "quote-after")
                )

        found += self._quoted_predicates(doc, quotes, claimed, para_of)
        self._follow_on(text, quotes, claimed, found)

        for tok in according:
            att = self._according(doc, tok, quotes, claimed, para_of)
            if att is not None:
                found.append(att)

        found += self._colons(doc, quotes, claimed, para_of, paras)
        found += self._dashes(doc, quotes, claimed, para_of)

        found.sort(key=lambda a: (a.start, a.end))
        found = self._drop_nested(found)
        found += self._continuations(doc, quotes, claimed, found, para_of)
        found.sort(key=lambda a: (a.start, a.end))
        return found

    # -- pieces -------------------------------------------------------------
    def _phrase(self, cue: Token, subj: Token | None) -> tuple[int, int]:
        """Character range of the cue phrase: subject, cue, addressee, adverbs."""
        toks = [cue]
        # the subject's phrase, when it is near or runs up to the cue (a long
        # apposition: "Trump, the frontrunner ... after winning New Hampshire, said")
        if subj is not None and (abs(subj.i - cue.i) < 12 or subj.i < cue.i <= subj.right_edge.i + 2):
            toks += list(subj.subtree)
            # proper nouns right before the subject that the parser hung
            # elsewhere belong to the name ("Tulsa police Chief Chuck Jordan")
            first = subj.left_edge.i
            while first > 0 and _name_word(subj.doc[first - 1]) and not self._in_quote(subj.doc[first - 1].idx):
                first -= 1
                toks.append(subj.doc[first])
        for child in cue.children:
            if child.tag_ == "WRB":
                continue  # "“...,” when Clinton blasted him": the quote is not Clinton's
            if child.dep_ == "punct" and child.text == "," and subj is not None and subj.i < child.i < cue.i:
                toks.append(child)  # "Trump, the frontrunner, said"
            if child.dep_ in PHRASE_DEPS or child.dep_ in ADDRESSEE_DEPS:
                toks += list(child.subtree)
            elif child.dep_ == "prep" and child.i > cue.i and child.lower_ in ("in", "on", "to", "during", "at", "with"):
                toks += list(child.subtree)
        toks = sorted({t.i: t for t in toks if not (t.is_punct and t.text in ALL_MARKS)}.values(), key=lambda t: t.i)
        # keep the contiguous run around the cue
        lo = hi = toks.index(cue)
        while lo > 0 and toks[lo - 1].i == toks[lo].i - 1:
            lo -= 1
        while hi + 1 < len(toks) and toks[hi + 1].i == toks[hi].i + 1:
            hi += 1
        return _char_span(toks[lo : hi + 1])

    def _around(
        self, text: str, cue: Token, phrase_start: int, phrase_end: int, aside: bool = False
    ) -> list[tuple[int, int]]:
        """The clause a parenthetical cue interrupts, as the pieces before and
        after the cue phrase (within the sentence); an ``aside`` ("as X
        noted") may also stand at the clause's start or end."""
        sent = cue.sent
        skip = {t.i for t in cue.subtree}
        toks = [t for t in cue.head.subtree
                if t.i not in skip and not t.is_space and sent.start <= t.i < sent.end]
        pieces = []
        for side in ([t for t in toks if t.idx + len(t) <= phrase_start], [t for t in toks if t.idx >= phrase_end]):
            if side:
                start, end = _trim(text, *_char_span(side))
                if end > start and _LETTER.search(text[start:end]):
                    pieces.append((start, end))
        if aside:  # ("because, as he puts it, “…” is": no one word of the clause on its own)
            return [(a, b) for a, b in pieces if len(_LETTER_RUN.findall(text[a:b])) > 1]
        if len(pieces) == 1 and pieces[0][0] >= phrase_end and cue.i < cue.head.i and any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cue.head.children
        ) and any(c.dep_ in ADDRESSEE_DEPS for c in cue.children):
            # a cue and its addressee the parser hung on the clause they
            # introduce ("Trump told CNN, his policy would be ..."; not "You
            # know, I got in trouble")
            return pieces
        # otherwise a cue at the very start or end of the clause is no parenthesis
        return pieces if len(pieces) == 2 else []

    def _quote_before(self, doc: Doc, quotes: list[Quotation], ends: list[int], at: int) -> int | None:
        """The quotation that ends right before the cue phrase starting at ``at``,
        unless it closed a sentence and the cue phrase opens a new one
        ("“... found.” He added, “...”"); ``ends`` are the quotations' ends."""
        text = self._text
        k = bisect_right(ends, at) - 1
        if k < 0:
            return None
        gap = text[quotes[k].end : at]
        last = _last_char(text, quotes[k])
        if not _GAP_BEFORE_CUE.fullmatch(gap) or "\n" in gap:
            # words the parse left out of the subject ("“...,” Tulsa police
            # Chief Chuck Jordan said", "Tulsa" taken for a verb)
            words = doc.char_span(quotes[k].end, at, alignment_mode="contract")
            if last != "," or "\n" in gap or words is None or not 1 <= len(words) <= 4 or not all(
                _name_word(t) or t.pos_ in ("NOUN", "ADJ") for t in words
            ):
                return None
        nxt = doc.char_span(at, at + 1, alignment_mode="expand")
        if nxt is not None and len(nxt) and last in ".!?" and not gap.strip():
            tok = nxt[0]
            if tok.pos_ == "PRON" and tok.text[:1].isupper():
                return None
            if last == "." and tok.is_sent_start and tok.text[:1].isupper() and tok.pos_ != "PROPN":
                return None
        return k

    @staticmethod
    def _quote_after(text: str, quotes: list[Quotation], at: int, para_of) -> int | None:
        """The quotation right after ``at``: after a comma or colon in the same
        paragraph, or opening the next paragraph after a colon ("Cruz said:")."""
        for k, q in enumerate(quotes):
            if q.start >= at:
                gap = text[at : q.start]
                if _GAP_AFTER_CUE.fullmatch(gap) and ("\n" not in gap or _COLON_BREAK.fullmatch(gap)):
                    return k
                return None
        return None

    def _introduces(self, text: str, quotes: list[Quotation], before: Quotation, phrase_end: int, para_of) -> bool:
        """A cue phrase between a finished quotation and a new one, ending in a
        comma or colon, introduces the new one: "“... girls.” Cruz says, “That
        is ...”"."""
        last = _last_char(text, before)
        if last not in ".!?":
            return False
        k = self._quote_after(text, quotes, phrase_end, para_of)
        return k is not None and any(ch in text[phrase_end : quotes[k].start] for ch in ",:")

    @staticmethod
    def _ends_open(text: str, q: Quotation) -> bool:
        """A quotation that ends with a comma inside the marks may go on after the cue."""
        return text[q.inner_end - 1 : q.inner_end] == ","

    def _complement(self, cue: Token, kinds: frozenset[str]) -> tuple[tuple[int, int] | None, str]:
        """The content span of a cue from the parse, and its kind."""
        children = [c for c in cue.children if not _adverbial(c, cue)]
        # a clause after the cue before one in front of it ("In a statement
        # released after X suspended his campaign, Cruz said he's certain ...")
        children.sort(key=lambda c: (c.dep_ in CLAUSE_DEPS and c.i < cue.i, c.i))
        for child in children:
            dep = child.dep_
            if dep == "advcl" and child.i > cue.i and child.pos_ in ("VERB", "AUX"):
                # a complement the parser took for an adverbial clause:
                # "tweeted in the early hours that Machado was ...", "tells
                # his supporters to “go to your place and vote”"
                first = child.doc[min(t.i for t in child.subtree)]
                if first.lower_ == "that" or any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
                    dep = "ccomp"  # (also "saying ... only that he was ...")
                elif any(t.dep_ == "aux" and t.lower_ == "to" for t in child.children):
                    dep = "xcomp"
            # a ccomp may be headed by an adjective or noun ("says it was
            # “unhinged”"); an xcomp only by a verb
            if dep in CLAUSE_DEPS and (dep == "ccomp" or child.pos_ in ("VERB", "AUX")):
                infinitive = dep == "xcomp" and any(t.dep_ == "aux" and t.lower_ == "to" for t in child.children)
                kind = "infinitive" if infinitive else "clause"
                if kind not in kinds or (infinitive and child.i < cue.i):
                    continue
                toks = list(child.subtree)
                # stop before a cue conjoined to the clause ("... but
                # acknowledged"), or a participle cue trailing it (", claiming
                # that ...", "and questioning how ..."): each its own statement
                stop = next(
                    (min(t.i for t in conj.subtree) for conj in child.children
                     if conj.dep_ == "conj" and conj.i > child.i and self.is_cue(conj)),
                    None,
                ) if not self.every_verb else None
                if stop is None and not self.every_verb:
                    stop = next((min(t.i for t in p.subtree) for p in toks if self._trailing_participle(p, child)), None)
                if stop is None and not self.every_verb:
                    # a relative clause with a cue of its own after the
                    # clause's verb ("..., which he called “a cartel”"): its
                    # own statement
                    stop = next(
                        (min(t.i for t in r.subtree) for r in toks
                         if self._own_relative(r) and (r.right_edge.i >= child.right_edge.i - 1 or r.i > child.i)),
                        None,
                    )
                if stop is not None:
                    toks = [t for t in toks if t.i < stop]
                    while toks and (toks[-1].dep_ == "cc" or toks[-1].is_punct):
                        toks.pop()
                return (_char_span(toks) if toks else None), kind
        if "clause" in kinds and not self.every_verb:
            # a "that"-clause the parser hung on a noun of a phrase after the
            # cue ("said following a vote in 2001 that he had ...", "said for
            # the first time that ...", "saying in his statement only that ...")
            for prep in (c for c in cue.children if c.dep_ == "prep" and c.i > cue.i):
                clause = next(
                    (t for t in prep.subtree if t.dep_ in ("relcl", "acl", "advcl") and t.pos_ in ("VERB", "AUX")
                     and t.head.dep_ == "pobj" and t.head.head.i == prep.i  # (not "blamed X for Y's claim that")
                     and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < t.i for m in t.children)),
                    None,
                )
                if clause is not None:
                    return _char_span(list(clause.subtree)), "clause"
            # "The rejection of the treaty signals “the beginning of the end”,
            # said Geert Wilders": the parser read the words said as a second
            # subject, before the comma
            subjects = [c for c in cue.children if c.dep_ == "nsubj"]
            if (
                len(subjects) == 2 and subjects[0].i < cue.i < subjects[1].i and cue.i > 0
                and cue.doc[cue.i - 1].text == "," and subjects[0].right_edge.i >= cue.i - 2
            ):
                toks = [t for t in subjects[0].subtree if t.i < cue.i - 1]
                if len(toks) >= 4:
                    return _char_span(toks), "clause"
            # a clause the parser hung elsewhere, right after the cue and its
            # addressee ("three days after Trump told The Washington Post he
            # was “not quite there yet”": the parser made "told" a clause of "was")
            doc = cue.doc
            nxt = cue.right_edge.i + 1
            if (
                nxt < cue.sent.end and doc[nxt].dep_ == "nsubj"
                and any(c.dep_ in ADDRESSEE_DEPS for c in cue.children)
            ):
                verb = doc[nxt].head
                if verb.i > nxt and verb.pos_ in ("VERB", "AUX") and cue.head.i in (verb.i, verb.head.i) and cue.head.i != cue.i:
                    toks = [t for t in verb.subtree if t.i >= nxt]
                    return _char_span(toks), "clause"
        if "object" in kinds:
            right = [
                c for c in cue.children
                if c.i > cue.i and c.dep_ in ("dobj", "prep", "oprd", "ccomp") and not _circumstance(c)
            ]
            relative = cue.dep_ == "relcl" and any(
                c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in cue.children
            )  # "which he called “a cartel”": the object is the relative pronoun
            if any(c.dep_ == "dobj" for c in right) or (relative and right):
                toks: list[Token] = []
                for c in right:
                    toks += list(c.subtree)
                toks.sort(key=lambda t: t.i)
                # an object that only points back ("rejected that notion",
                # "denied it") restates nothing; a verb or quotation always
                # counts ("called it “an incredibly significant development”")
                obj = next((c for c in right if c.dep_ == "dobj"), right[0])
                anaphoric = obj.pos_ == "PRON" or any(
                    c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those") for c in obj.children
                )
                quoted = any(t.text in ALL_MARKS or self._in_quote(t.idx) for t in toks)
                if not anaphoric or quoted or any(t.pos_ in ("VERB", "AUX") for t in toks):
                    return _char_span(toks), "object"
        return None, ""

    def _own_relative(self, tok: Token) -> bool:
        """A relative clause whose cue has a subject other than its relative
        pronoun ("which he called “a cartel”", "who he noted was “...”")."""
        return (
            tok.dep_ == "relcl" and self.is_cue(tok) and not self._in_quote(tok.idx)
            and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP", "WP$") for c in tok.children)
            and any(t.tag_ in ("WDT", "WP") for t in tok.subtree if t.i < tok.i)
        )

    def _trailing_participle(self, tok: Token, clause: Token) -> bool:
        """A participle cue after a comma or "and" inside ``clause``, outside
        any quotation, whose phrase runs to the clause's end."""
        return (
            tok.i > clause.i and tok.tag_ == "VBG" and self.is_cue(tok) and not self._in_quote(tok.idx)
            and _after_comma(tok)
            and max(t.i for t in tok.subtree) >= max(t.i for t in clause.subtree)
        )

    @staticmethod
    def _cut(text: str, quotes: list[Quotation], start: int, end: int) -> int:
        """Content never runs past its paragraph, and a clause that opens with
        a quotation ends with it when a conjunction follows ("noted that “...”
        and no ceasefire was announced")."""
        nl = text.find("\n", start, end)
        if nl != -1:
            end = _trim(text, start, nl)[1]
        for q in quotes:
            if q.start == start and q.end < end:
                if re.match(r"[\s,]*(?:and|but|or|while|as)\b", text[q.end : end]):
                    return q.end
            if q.start >= start:
                break
        return end

    @staticmethod
    def _strip_that(doc: Doc, start: int) -> int:
        tok = doc.char_span(start, start + 4, alignment_mode="expand")
        if tok is not None and len(tok) and tok[0].lower_ == "that" and tok[0].dep_ in ("mark", "advmod"):
            nxt = tok[0].i + 1
            if nxt < len(doc):
                return doc[nxt].idx
        return start

    @staticmethod
    def _classify(
        text: str, quotes: list[Quotation], inside: list[int], start: int, end: int
    ) -> tuple[str, list[tuple[int, int]]]:
        if len(inside) == 1:
            q = quotes[inside[0]]
            if q.start == start and q.end >= end - 1:
                return "direct", list(q.parts)
        if inside or any(ch in text[start:end] for ch in DOUBLE_MARKS):
            return "mixed", [(start, end)]
        return "indirect", [(start, end)]

    def _make(self, doc, kind, parts, cue, subj, para_of, conf, rule) -> Attribution:
        source = source_tok = None
        if subj is not None:
            source = mention_span(subj)
            source_tok = subj.i
            if subj.lower_ in PRONOUNS:
                conf -= 0.1
        else:
            conf -= 0.3
        addressee = None
        if cue.lemma_.lower() == "tell":
            for child in cue.children:
                if child.dep_ in ADDRESSEE_DEPS:
                    addressee = mention_span(child)
                    break
        sent = cue.sent
        return _statement(
            kind, parts, (cue.idx, cue.idx + len(cue), cue.lemma_.lower()), source, source_tok,
            (sent.start_char, sent.end_char), para_of(cue.idx), conf, rule, addressee=addressee,
        )

    def _according(self, doc: Doc, tok: Token, quotes, claimed, para_of) -> Attribution | None:
        to = doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
        if not objs:
            return None
        src = objs[0]
        head = tok.head if tok.head.i != tok.i else None
        if head is not None and head.i == to.i:
            return None
        sent = tok.sent
        if head is None:
            # the parse made "According" the root: "According to X, the
            # move reeks of ...": the rest of the sentence after the comma
            if tok.i != sent.start:
                return None
            comma = next((t for t in sent if t.i > src.i and t.text == ","), None)
            if comma is None:
                return None
            side = [t for t in sent if t.i > comma.i and not t.is_space]
        else:
            phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
            clause = [t for t in head.subtree if t.i not in phrase]
            if not clause:
                return None
            # keep the side of the clause that holds the head
            before = [t for t in clause if t.i < tok.i]
            after = [t for t in clause if t.i > max(phrase)]
            side = before if head.i < tok.i else after
            side = [t for t in side if not t.is_space]
        if not side:
            return None
        start, end = _trim(self._text, *_char_span(side))
        if end <= start:
            return None
        inside = [i for i, q in enumerate(quotes) if start <= q.start and q.end <= end]
        claimed.update(inside)
        kind, parts = self._classify(self._text, quotes, inside, start, end)
        return _statement(
            kind, parts, (tok.idx, to.idx + len(to), "according to"), mention_span(src), src.i,
            (sent.start_char, sent.end_char), para_of(tok.idx), 0.8, "according-to",
        )

    @staticmethod
    def _follow_on(text: str, quotes: list[Quotation], claimed: set[int], found: list[Attribution]) -> None:
        """A quotation that opens the next sentence, with no cue of its own,
        goes on with the same statement: "“A,” said X, a lawyer. “B.”"."""
        for att in found:
            if att.type != "direct":
                continue
            at = max(att.sentence[1], att.end)
            while True:
                nxt = next((k for k, q in enumerate(quotes) if q.start >= at), None)
                if nxt is None or nxt in claimed:
                    break
                gap = text[at : quotes[nxt].start]
                if gap.strip() or "\n" in gap or _is_title(text, quotes[nxt]):
                    break
                claimed.add(nxt)
                att.parts = att.parts + list(quotes[nxt].parts)
                att.end = quotes[nxt].inner_end
                at = quotes[nxt].end

    def _colons(self, doc: Doc, quotes, claimed: set[int], para_of, paras) -> list[Attribution]:
        """Colon attributions: "Kerry: “By law ...”" and a paragraph that opens
        with a name and a colon ("Pat Caddell: Democrat voters worried ...")."""
        text = self._text
        out: list[Attribution] = []
        starts: list[tuple[int, int, int | None]] = []  # colon index, content end, quotation
        after_verb: set[int] = set()  # the "colons" that are a comma or a full stop after a verb
        for k, q in enumerate(quotes):
            if k in claimed:
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
        for p_start, p_end in paras:
            m = re.match(r"[^:\n]{2,60}?:\s+(?=\S)", text[p_start:p_end])
            if m and not any(s[0] == p_start + m.end() - 1 - (len(m.group()) - len(m.group().rstrip())) for s in starts):
                colon = p_start + len(m.group().rstrip()) - 1
                if not any(c == colon for c, _, _ in starts):
                    starts.append((colon, p_end, None))
        for colon, end, k in sorted(starts):
            span = doc.char_span(colon, colon + 1)
            if span is None:
                span = doc.char_span(colon, colon + 1, alignment_mode="expand")
                if span is None or span[0].text != "):":  # the tokenizer's "(R-S.C.):"
                    continue
                prev = span[0]
            elif span[0].i == 0:
                continue
            else:
                prev = doc[span[0].i - 1]
            if prev.text in (")", "):") and k is not None:
                # "Rep. Trey Gowdy (R-S.C.): “...”": the name before a party tag
                opening = next((t for t in reversed(doc[max(0, prev.i - 8) : prev.i]) if t.text == "("), None)
                if opening is not None and opening.i > 0 and prev.idx - opening.idx <= 12:
                    prev = doc[opening.i - 1]
            if prev.is_punct or prev.is_space:
                continue
            verb = self._verb_before_colon(prev) if k is not None else None
            if colon in after_verb:
                # after a comma, only the verb itself and one the lexicon's
                # rules do not read; after a full stop, a speaker and a cue alone
                if verb is None or not (
                    self._bare_cue(verb) if text[colon] == "."
                    else verb.i == prev.i and "quote" not in self.kinds(verb) and not _after_comma(verb)
                ):
                    continue
            if verb is not None:
                # "17-year-old Jared Potts echoed:", "Kelly responded pointedly,
                # with a smile:" and the quotation after: whatever the verb, a
                # subject that introduces a quotation says it
                subj = self.subject_of(verb)
                if subj is not None and subj.lower_ not in ("it", "there", "this"):  # "Wait, it gets better:"
                    claimed.add(k)
                    out.append(self._make(doc, "direct", list(quotes[k].parts), verb, subj, para_of, 0.8, "colon"))
                continue
            # a transcript's speaker in capitals: "PENCE: Well, look, ..."
            speaker_caps = prev.text.isupper() and prev.is_alpha and len(prev.text) > 1
            named = (
                prev.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or prev.pos_ == "PROPN" or speaker_caps
                or k is not None and _titled_opening(prev)
                # "From the report: “...”", "More from Jones: “...”"
                or k is not None and prev.dep_ == "pobj" and prev.head.lower_ == "from"
                and prev.head.i - prev.sent.start <= 1 and prev.pos_ in ("NOUN", "PROPN")
            )
            if not named or prev.lower_ in HEADING_LABELS:  # "EXCLUSIVE: In memo to Congress, ..."
                continue
            src_start, src_end = mention_span(prev)
            around = None  # the quotation the whole "NAME: ..." paragraph is in
            if k is None:
                # the name must open the paragraph ("Name: content"), or the
                # quotation that fills it ("“PENCE: Well, ...”")
                p_start = paras[para_of(colon)][0]
                if text[p_start:src_start].strip().strip("“\"") or src_end - src_start > 40:
                    continue
                if prev.ent_type_ != "PERSON" and prev.ent_type_ != "ORG" and not speaker_caps:
                    continue
                around = next((i for i, q in enumerate(quotes) if q.start <= src_start and colon < q.end), None)
                if around is not None and (around in claimed or text[quotes[around].start] not in "“\""):
                    continue
            start, end = _trim(text, colon + 1, end)
            if k is not None:
                start, end = quotes[k].start, quotes[k].end
            elif around is not None:
                end = min(end, quotes[around].inner_end)
            inside = [i for i, q in enumerate(quotes) if start <= q.start and q.end <= end]
            if len(re.findall(r"\w+", text[start:end])) < 3:
                continue
            claimed.update(inside)
            kind, parts = self._classify(text, quotes, inside, start, end)
            if around is not None:
                claimed.add(around)
                kind, parts = "direct", [(start, end)]
            sent = span[0].sent
            out.append(_statement(
                kind, parts, (colon, colon + 1, ":"), (src_start, src_end), prev.i,
                (sent.start_char, sent.end_char), para_of(colon), 0.7, "colon",
            ))
        return out

    def _opens_outside(self, clause: Token) -> bool:
        """Whether ``clause`` starts outside the quotations ("insisted that
        Pyongyang “stop ...”"), not with the second half of a split quote."""
        doc = clause.doc
        first = doc[min(t.i for t in clause.subtree)]
        if first.text in ALL_MARKS or self._in_quote(first.idx):
            return False
        if any(t.is_punct for t in doc[clause.head.i + 1 : first.i]):
            return False  # "“...,” Warren told Stumpf, after he admitted ...": no clause of the cue's
        # a clause of its own: a subject, or "that"
        return any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children)

    def _quoted_predicates(self, doc: Doc, quotes: list[Quotation], claimed: set[int], para_of) -> list[Attribution]:
        """A verb, its object and a quotation saying what the object is:
        "Obama condemned Friday's test as “provocative”", "Japan branded North
        Korea an “outlaw nation”", "Reid has gone after Trump as a “human
        leech”"; or a quotation the object of the verb's preposition ("called
        for more “flexibility”"). Whatever the verb, the words quoted are the
        subject's."""
        out: list[Attribution] = []
        starts = {q.start: k for k, q in enumerate(quotes)}
        for verb in doc:
            if verb.pos_ != "VERB" or not verb.is_alpha or self._in_quote(verb.idx) or self._imperative(verb):
                continue
            if verb.lemma_.lower() in light_verbs():
                continue  # "gave the band a “standing ovation”": no one is quoted
            i, prep = verb.i + 1, None
            if i < len(doc) and doc[i].dep_ in ("prt", "prep") and doc[i].pos_ == "ADP" and doc[i].lower_ != "as":
                prep, i = doc[i], i + 1  # "gone after", "pointed out", "called for"
            obj = i
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
                    continue  # "acted in the movie “Sharknado”": a name, not a predicate
                if i < len(doc) and doc[i].lower_ in ("a", "an", "the"):
                    i += 1
            elif any(c.lower_ == "what" and c.i < verb.i for c in verb.children) or verb.dep_ == "relcl" and any(
                c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") and c.i < verb.i for c in verb.children
            ) and any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in verb.children):
                # "what he calls the “Washington cartel”", "Bannon, who Beck
                # called “a horrible human being”": the quoted words complete the pronoun
                pass
            elif prep is None or prep.lower_ not in ("for", "of", "against", "about"):
                continue  # else the quoted words are the object: "called for more “flexibility”"
            if i < len(doc) and doc[i].text == "," and i > obj:
                # "calling him, among other things, “a failed candidate”",
                # "chiding him, “What difference ...?”": past a comma and an aside
                j = next((j for j in range(i + 1, min(i + 7, len(doc))) if doc[j].text == ","), i)
                i = j + 1 if j + 1 < len(doc) and doc[j + 1].idx in starts else i + 1
                if j > i and j + 1 < len(doc) and doc[j + 1].pos_ == "DET":
                    # "called Clinton, his Democratic challenger, an ISIS “co-founder”":
                    # past the aside, what the object is
                    n = j + 2
                    while n < len(doc) and n - j < 5 and doc[n].pos_ in ("PROPN", "NOUN", "ADJ") and doc[n].idx not in starts:
                        n += 1
                    if n < len(doc) and doc[n].idx in starts:
                        i = n
                k = starts.get(doc[i].idx) if i < len(doc) else None
                if k is None or not (self.kinds(verb) or self._text[quotes[k].inner_start : quotes[k].inner_start + 1].isupper()):
                    continue  # "met the senator, “a great friend,”": an apposition, unless a cue or a sentence
            k = starts.get(doc[i].idx) if i < len(doc) else None
            if k is None or k in claimed or _is_title(self._text, quotes[k]) or doc[i].sent != verb.sent:
                continue
            subj = self.subject_of(verb)
            if subj is None:
                continue
            start = doc[verb.i + 1].idx
            if doc[verb.i + 1].dep_ == "prt":
                start = doc[verb.i + 2].idx
            claimed.add(k)
            kind, parts = self._classify(self._text, quotes, [k], start, quotes[k].end)
            out.append(self._make(doc, kind, parts, verb, subj, para_of, 0.7, "quoted-predicate"))
        return out

    def _bare_cue(self, verb: Token) -> bool:
        """A sentence that is a speaker and a cue of the lexicon with nothing
        said in it ("Dianne Bystrom agreed.", "Sam Lau said in a statement."):
        the quotation after it holds the words."""
        sent = verb.sent
        if not self.kinds(verb) & {"quote", "clause"} or verb.i != sent.root.i or self._in_quote(verb.idx):
            return False
        kids = [c for c in verb.children if not c.is_punct]
        subjects = [c for c in kids if c.dep_ == "nsubj"]
        # besides the speaker only how and when: "said in a statement", "agreed Monday"
        return (
            len(subjects) == 1 and subjects[0].pos_ in ("PROPN", "NOUN") and subjects[0].i < verb.i
            and all(c.dep_ in ("nsubj", "prep", "npadvmod", "advmod") for c in kids) and len(sent) <= 30
        )

    def _verb_before_colon(self, prev: Token) -> Token | None:
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
        if tok.pos_ != "VERB" or tok.tag_ not in FINITE_TAGS or not tok.is_alpha or self._in_quote(tok.idx):
            return None
        return tok

    def _dashes(self, doc: Doc, quotes, claimed: set[int], para_of) -> list[Attribution]:
        """Dash attributions: "“...” — Commissioner Jane Roe"."""
        text = self._text
        out: list[Attribution] = []
        for k, q in enumerate(quotes):
            if k in claimed:
                continue
            m = _DASH_AFTER.match(text, q.end)
            if not m:
                continue
            span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
            if span is None or not len(span):
                continue
            tok = span[0]
            if tok.pos_ != "PROPN" and tok.ent_type_ not in ("PERSON", "ORG"):
                continue
            while tok.dep_ in ("compound", "flat", "amod") and tok.head.i > tok.i:
                tok = tok.head
            claimed.add(k)
            sent = tok.sent
            out.append(_statement(
                "direct", list(q.parts), (m.start(1), m.end(1), m.group(1)), mention_span(tok), tok.i,
                (sent.start_char, sent.end_char), para_of(q.start), 0.8, "dash",
            ))
        return out

    @staticmethod
    def _drop_nested(found: list[Attribution]) -> list[Attribution]:
        """Drop attributions wholly inside another one's content with the
        same cue region: a cue inside reported speech is its own statement
        only when it has its own source outside."""
        out: list[Attribution] = []
        for a in found:
            dup = any(
                b is not a and b.start <= a.start and a.end <= b.end and b.cue and a.cue
                # (an aside names who put the words another statement reports
                # that way: "saying that ... would ''walk all over us,'' as Mrs.
                # Clinton put it")
                and (b.cue[0] <= a.cue[0] < b.cue[1] or a.rule != "as-aside" and _reported_within(a, b))
                for b in found
            )
            if not dup:
                out.append(a)
        return out

    def _continuations(self, doc, quotes, claimed, found, para_of) -> list[Attribution]:
        """Quotations nobody claimed: a whole-paragraph quotation right after
        a paragraph with a quote continues that speaker; the rest are scare
        quotes or titles and are dropped."""
        text = self._text
        extra: list[Attribution] = []
        by_para: dict[int, Attribution] = {}
        for a in found:
            by_para[a.paragraph] = a
        paras = paragraphs(text)
        for k, q in enumerate(quotes):
            if k in claimed:
                continue
            p = para_of(q.start)
            p_start, p_end = paras[p]
            words = len(text[q.inner_start : q.inner_end].split())
            starts_para = not text[p_start : q.start].strip()
            if not starts_para or words < 4:
                continue
            inner = text[q.inner_start : q.inner_end]
            if inner.upper() == inner and not text[q.end : p_end].strip():
                continue  # “DIVISIVE, STUPID AND WRONG” on a line of its own: a heading
            prev = by_para.get(p - 1)
            if prev is None or prev.source is None:
                continue
            sent = doc.char_span(q.start, q.end, alignment_mode="expand")
            s0 = sent[0].sent if sent is not None and len(sent) else None
            a = _statement(
                "direct", list(q.parts), None, None, prev.source_token,
                (s0.start_char, s0.end_char) if s0 is not None else (q.start, q.end),
                p, prev.confidence - 0.3, "continuation", inherited_from=found.index(prev),
            )
            extra.append(a)
            by_para[p] = a
        return extra


_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with", "from"}


def wordless(tok: Token) -> bool:
    """A token with no letter or digit: punctuation, marks, "”―" glued together."""
    return not any(ch.isalnum() for ch in tok.text)


def _last_char(text: str, q: Quotation) -> str:
    """The last character said inside a quotation ("," in "“We will win,”")."""
    return text[q.inner_start : q.inner_end].rstrip()[-1:]


def _markup(tok: Token) -> bool:
    """A word inside a tag left in the text ("<tweet author=...>"), not prose."""
    if tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]  # not tok.doc.text, which spaCy rebuilds on every access
    return not prev.whitespace_ and prev.text[-1:] in ("<", "/")


def _after_comma(tok: Token) -> bool:
    """Whether ``tok`` follows a comma or "and" (a comma inside closing
    quotation marks included: "…party,” claiming")."""
    doc, i = tok.doc, tok.i - 1
    if i > 0 and doc[i].text in "”\"’'":
        i -= 1
    return i >= 0 and doc[i].lower_ in (",", "and")


def _titled_opening(tok: Token) -> bool:
    """A capitalised name that opens its sentence and ends at ``tok`` ("Pew
    Research", which the tagger took for common nouns)."""
    words = tok.doc[tok.sent.start : tok.i + 1]
    return 0 < len(words) <= 6 and tok.is_alpha and tok.text[:1].isupper() and all(
        t.text[:1].isupper() or t.lower_ in ("of", "the", "for", "and", "de", "von") or t.text in (".", "-", "'s", "’s")
        for t in words
    )


def _puts_it(tok: Token) -> bool:
    """"as Vulture put it": a way of saying something."""
    return tok.lemma_ == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children) and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in tok.children
    )


def _as_aside(cue: Token) -> bool:
    """"As The Hill reported, ...", "..., as Clyburn noted": a cue in an
    "as" clause that says nothing of its own (no object but "it")."""
    return (
        cue.dep_ == "advcl" and cue.head.i != cue.i
        and cue.head.pos_ not in ("ADJ", "ADV", "DET")  # "as bad as she said", "as much money as he promised"
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < cue.i for c in cue.children)
        and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp") and c.lower_ != "it"
            and not (c.dep_ == "dobj" and cue.lemma_ in _TELL)  # "As Clinton told the Daily News, ..."
            for c in cue.children
        )
        and not _passive(cue)
    )


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _reported_within(inner: Attribution, outer: Attribution) -> bool:
    """Whether ``inner``'s cue is part of what ``outer`` reports ("He said
    he thinks Cruz can win", "She said voters who fear a “rigged” system
    ..."): a cue inside reported speech or thought belongs to that statement,
    not to a statement of its own (on PolNeAR train such inner statements
    were wrong six times in seven). Direct quotations are left alone: a
    speaker quoting someone else inside a quotation is handled by the
    quotation itself."""
    if outer.type == "direct" or (outer.end - outer.start) <= (inner.end - inner.start):
        return False
    return any(s <= inner.cue[0] and inner.cue[1] <= e for s, e in outer.parts)


def _is_title(text: str, q: Quotation) -> bool:
    """A short quotation in title case ("“Meet the Press,”", "“Guccifer”") names
    something; it is not a statement."""
    inner = text[q.inner_start : q.inner_end].rstrip()
    words = re.findall(r"[\w’'-]+", inner)
    if not words or len(words) > 6 or inner.endswith(("!", "?")):
        return False
    # "“Really,” she added": a quotation that opens its sentence and breaks
    # off at a comma is a statement
    i = q.start - 1  # the last character before it that is not a space (not text[:q.start], a copy)
    while i >= 0 and text[i] in " \t\xa0":
        i -= 1
    before = text[i] if i >= 0 else ""
    if inner.endswith(",") and (not before or before in ".!?\n”\""):
        return False
    # "Priebus said, “Probably.”": a sentence after a comma or colon is said
    if inner.endswith(".") and before in (",", ":"):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS for w in words)


def _is_title_word(tok: Token) -> bool:
    """A noun naming a person by office or role ("adviser", "spokeswoman")."""
    return tok.pos_ == "NOUN" and tok.lower_.rstrip("s") in title_nouns()


def _nominal(tok: Token) -> bool:
    """A noun, or a capitalised word the tagger took for something else ("said Skelly")."""
    return tok.pos_ in ("PROPN", "NOUN") or tok.is_alpha and tok.text[:1].isupper()


def _name_word(tok: Token) -> bool:
    """A capitalised word that can open a name or title, whatever its tag."""
    return tok.is_alpha and tok.text[:1].isupper() and tok.pos_ not in ("PRON", "DET", "CCONJ", "SCONJ", "ADP", "AUX")


_ADVERBIAL_MARKS = {"after", "before", "when", "while", "since", "because", "if", "as", "until", "once"}


def _adverbial(child: Token, cue: Token) -> bool:
    """A clause that says when or why ("after the senator suspended his
    campaign", "“...,” he said as some booed"), which the parser sometimes
    hangs on the cue as its complement; after the cue "if" and "whether"
    still open one ("asked if ...")."""
    marks = _ADVERBIAL_MARKS if child.i < cue.i else _ADVERBIAL_MARKS - {"if", "whether"}
    return any(c.dep_ == "mark" and c.lower_ in marks for c in child.children)


def _circumstance(prep: Token) -> bool:
    """A prepositional phrase saying when or where ("on Friday", "in Iowa"),
    which belongs to the telling, not to what was told."""
    if prep.dep_ != "prep":
        return False
    if prep.lower_ in ("in", "at", "during", "after", "before", "since", "from", "while", "on"):
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        return prep.lower_ != "on" or any(o.ent_type_ in ("DATE", "TIME") for o in objs)
    return False


def mention_span(tok: Token) -> tuple[int, int]:
    """The noun phrase a mention head stands for, without relative clauses,
    appositions or trailing punctuation ("US Secretary of State Marco Rubio",
    "a senior White House official", "a spokesman for the campaign")."""
    keep = [tok]
    for child in tok.children:
        if child.i < tok.i and child.dep_ not in ("punct", "cc", "prep", "relcl", "appos", "case"):
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
    return _char_span(toks)

