"""Speakers: one record per real-world speaker, with every mention and the
positions (titles, offices, affiliations) the article gives them.

People come from the parser's PERSON entities: a later surname ("Rubio") joins
the earlier full name ("Marco Rubio"); subject pronouns outside quotations
("He added ...") join the most recent person who was a subject; possessive and
object pronouns only a person who is the subject earlier in the same sentence.
Sources that are not people become organisation, group or unnamed speakers;
"the secretary" / "the president" find a person by title. A source that
cannot be resolved stays unresolved (``None``) rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from claimx.attribution import Attribution, mention_span, wordless
from claimx.lexicon import demonyms, titles
from claimx.quotemarks import Quotation, QuotationIndex

SUBJECT_PRONOUNS = {"he", "she"}
OTHER_PRONOUNS = {"him", "his", "her", "hers", "himself", "herself"}
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}
@cache
def _title_pattern() -> re.Pattern[str]:
    """The title lexicon as one compiled pattern, longest titles first."""
    alts = "|".join(re.escape(t) for t in titles())
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


@dataclass(slots=True)
class Speaker:
    name: str
    kind: str  # person | organisation | group | unnamed
    key: tuple[str, ...]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    positions: list[dict] = field(default_factory=list)
    first: int = 0

    def add_mention(self, span: tuple[int, int]) -> None:
        if span not in self.mentions:
            self.mentions.append(span)


def _name_tokens(ent: Span) -> list[Token]:
    toks = [t for t in ent if t.tag_ != "POS" and t.text not in ("’s", "'s", "’", "'")]
    # a dash or mark the model took into the name: "― Jacklyn Ashley"
    while len(toks) > 1 and wordless(toks[0]):
        toks = toks[1:]
    while len(toks) > 1 and wordless(toks[-1]):
        toks = toks[:-1]
    # a title the model folded into the name: "President Donald Trump"
    while len(toks) > 1 and _title_pattern().fullmatch(toks[0].text):
        toks = toks[1:]
    return toks


def position_of(doc: Doc, name: list[Token]) -> dict | None:
    """A title/office/affiliation from the pre-modifiers or apposition of a name."""
    root = name[-1]
    first = name[0].i
    # pre-modifiers: the contiguous run of the root's left dependents before the name
    left: list[Token] = []
    for child in root.children:
        if child.i < first and child.dep_ in ("compound", "nmod", "amod", "npadvmod", "poss", "nummod"):
            left += list(child.subtree)
    left = sorted({t.i: t for t in left}.values(), key=lambda t: t.i)
    run: list[Token] = []
    for t in reversed(left):
        if t.i == (run[0].i - 1 if run else first - 1):
            run.insert(0, t)
    while run and (run[0].is_punct or run[0].lower_ in ("the", "a", "an")):
        run = run[1:]
    if run:
        pos = _position_from(doc, run)
        if pos:
            return pos
    for child in root.children:
        if child.dep_ == "appos":
            toks = _without_det([t for t in child.subtree if not t.is_punct])
            if toks:
                pos = _position_from(doc, toks)
                if pos:
                    return pos
    return None


def _without_det(toks: list[Token]) -> list[Token]:
    while toks and toks[0].lower_ in ("the", "a", "an"):
        toks = toks[1:]
    return toks


def _position_from(doc: Doc, toks: list[Token]) -> dict | None:
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    text = "".join(t.text_with_ws for t in toks[:-1]) + toks[-1].text  # == doc.text[start:end]
    m = _title_pattern().search(text)
    if m is None:
        return None
    title = m.group(0)
    if title.lower() in ("mr.", "mrs.", "ms.", "dr."):
        return None
    rest = (text[: m.start()] + " " + text[m.end() :]).strip(" ,’'s")
    affiliation = None
    if rest:
        rest = re.sub(r"^(?:the|of|for)\s+|\s+(?:of|for)$", "", rest).strip()
        rest = re.sub(r"(?:’s|'s)$", "", rest).strip()
        rest = re.sub(r"^(?:of|for)\s+(?:the\s+)?", "", rest).strip()
        rest = re.sub(r"^the\s+", "", rest)
        affiliation = demonyms().get(rest, rest) or None
    return {"text": text, "title": title, "affiliation": affiliation, "start": start, "end": end}


class SpeakerResolver:
    """Builds speakers for one Doc and maps each attribution to one (or None)."""

    def __call__(
        self, doc: Doc, atts: list[Attribution], text: str, quotes: list[Quotation]
    ) -> tuple[list[Speaker], list[int | None]]:
        """``text`` is ``doc.text`` and ``quotes`` its quotations, as the attributor read them."""
        index = QuotationIndex(quotes)

        speakers: list[Speaker] = []
        by_token: dict[int, int] = {}  # token index -> speaker index
        last_subject: int | None = None
        unsure: Token | None = None  # a source named like a person but not tagged one
        ents = {t.i: e for e in doc.ents for t in e}

        def person_for(name: list[Token]) -> int:
            words = tuple(t.text for t in name)
            for k in range(len(speakers) - 1, -1, -1):
                sp = speakers[k]
                if sp.kind != "person":
                    continue
                if sp.key == words:
                    return k
                if len(words) == 1 and words[0] in (sp.key[-1], sp.key[0]):
                    return k
                if len(sp.key) == 1 and words[-1] == sp.key[0]:
                    sp.key, sp.name = words, " ".join(words)
                    return k
                if len(words) > 1 and words[-1] == sp.key[-1] and words[0][0] == sp.key[0][0]:
                    return k
            speakers.append(Speaker(" ".join(words), "person", words, first=name[0].idx))
            return len(speakers) - 1

        source_heads = {a.source_token for a in atts if a.source_token is not None and a.cue}
        for sent in doc.sents:
            sent_subjects: list[int] = []
            for tok in sent:
                if tok.i in by_token:
                    continue
                ent = ents.get(tok.i)
                if ent is not None and ent.label_ == "PERSON" and tok.i == ent.start:
                    name = _name_tokens(ent)
                    if not name or not any(t.text[:1].isupper() for t in name):
                        continue
                    k = person_for(name)
                    sp = speakers[k]
                    span = (name[0].idx, name[-1].idx + len(name[-1]))
                    sp.add_mention(span)
                    for t in ent:
                        by_token[t.i] = k
                    pos = position_of(doc, name)
                    if pos is not None and pos["text"] not in [p["text"] for p in sp.positions]:
                        sp.positions.append(pos)
                    if name[-1].dep_ in ("nsubj", "nsubjpass") and tok.idx not in index:
                        last_subject = k
                        sent_subjects.append(k)
                    continue
                if (
                    tok.i in source_heads and tok.pos_ == "PROPN" and tok.text[:1].isupper()
                    and tok.dep_ in ("nsubj", "nsubjpass") and tok.idx not in index
                    and (ent is None or ent.label_ == "ORG" and len(ent) == 1)
                ):
                    # a speaker's name the NER missed or took for an
                    # organisation ("DeSantis said"): a person if "he" or
                    # "she" comes back to it
                    unsure = tok
                    continue
                low = tok.lower_
                if tok.idx in index or tok.pos_ != "PRON":
                    continue
                if low in SUBJECT_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
                    if unsure is not None and (last_subject is None or speakers[last_subject].mentions[-1][0] < unsure.idx):
                        name = [c for c in unsure.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [unsure]
                        last_subject = person_for(name)
                        speakers[last_subject].add_mention((name[0].idx, unsure.idx + len(unsure)))
                        for t in name:
                            by_token[t.i] = last_subject
                    unsure = None
                    if last_subject is not None:
                        by_token[tok.i] = last_subject
                        speakers[last_subject].add_mention((tok.idx, tok.idx + len(tok)))
                        sent_subjects.append(last_subject)
                elif low in OTHER_PRONOUNS and sent_subjects:
                    k = sent_subjects[-1]
                    by_token[tok.i] = k
                    speakers[k].add_mention((tok.idx, tok.idx + len(tok)))

        # sources that are not people (or that the NER missed)
        for source in sorted(source_heads):
            head = source
            if head in by_token:
                continue
            tok = doc[head]
            if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl":
                # "who": the speaker is the noun the relative clause hangs on
                antecedent = tok.head.head
                if antecedent.i in by_token:
                    by_token[head] = by_token[antecedent.i]
                    speakers[by_token[head]].add_mention((tok.idx, tok.idx + len(tok)))
                    continue
                head, tok = antecedent.i, antecedent
            if tok.pos_ == "PRON":
                continue  # unresolved pronoun: leave it unresolved
            span = mention_span(tok)
            mention_text = text[span[0] : span[1]]
            ent = ents.get(head)
            k = self._office_holder(doc, tok, span, speakers, by_token)
            if k is None:
                k = self._by_title(speakers, tok, mention_text)
            if k is None and (tok.pos_ == "PROPN" or tok.is_alpha and tok.text[:1].isupper() and tok.pos_ != "PRON"):
                # a surname the NER missed: "Trump described ..."
                k = next(
                    (i for i in range(len(speakers) - 1, -1, -1)
                     if speakers[i].kind == "person" and tok.text in (speakers[i].key[-1], speakers[i].key[0])),
                    None,
                )
            if k is None:
                kind = self._kind(tok, ent)
                if ent is not None and ent.label_ == "PERSON":
                    name = _name_tokens(ent)
                    k = person_for(name)
                else:
                    key_text = ent.text if ent is not None else mention_text
                    key = tuple(key_text.lower().split())
                    k = next((i for i, s in enumerate(speakers) if s.key == key and s.kind == kind), None)
                    if k is None or kind == "unnamed":
                        name = key_text if ent is not None else _strip_det(mention_text)
                        speakers.append(Speaker(name, kind, key, first=span[0]))
                        k = len(speakers) - 1
            speakers[k].add_mention(span)
            by_token[head] = k
            by_token[source] = k

        # order speakers by first mention and map attributions
        for sp in speakers:
            sp.mentions.sort()
            sp.first = sp.mentions[0][0] if sp.mentions else sp.first
        order = sorted(range(len(speakers)), key=lambda i: speakers[i].first)
        remap = {old: new for new, old in enumerate(order)}
        ordered = [speakers[i] for i in order]
        assigned: list[int | None] = []
        for a in atts:
            if a.source_token is None:
                assigned.append(None)
            else:
                k = by_token.get(a.source_token)
                assigned.append(remap[k] if k is not None else None)
        return ordered, assigned

    @staticmethod
    def _office_holder(
        doc: Doc, tok: Token, span: tuple[int, int], speakers: list[Speaker], by_token: dict[int, int]
    ) -> int | None:
        """"A spokesman for the campaign, Brian Fallon, said": the person named in
        apposition, who gets the office the mention names as a position."""
        named = next((c for c in tok.children if c.dep_ == "appos" and c.i in by_token), None)
        if tok.pos_ != "NOUN" or named is None or speakers[by_token[named.i]].kind != "person":
            return None
        k = by_token[named.i]
        mention = doc.char_span(*span, alignment_mode="expand")
        toks = _without_det(list(mention) if mention is not None else [])
        pos = _position_from(doc, toks) if toks else None
        if pos is not None and pos["text"] not in [p["text"] for p in speakers[k].positions]:
            speakers[k].positions.append(pos)
        return k

    @staticmethod
    def _by_title(speakers: list[Speaker], tok: Token, mention: str) -> int | None:
        """"the secretary" -> the latest person whose position has that title."""
        words = mention.lower().split()
        if not words or words[0] not in ("the",) or tok.pos_ != "NOUN" and tok.pos_ != "PROPN":
            return None
        rest = " ".join(words[1:])
        for k in range(len(speakers) - 1, -1, -1):
            for pos in speakers[k].positions:
                if pos["title"].lower() == rest or pos["title"].lower().endswith(" " + rest):
                    return k
        return None

    @staticmethod
    def _kind(tok: Token, ent: Span | None) -> str:
        if ent is not None and ent.label_ == "PERSON":
            return "person"
        if ent is not None and ent.label_ in ORG_LABELS:
            return "organisation"
        if tok.tag_ in ("NNS", "NNPS"):
            return "group"
        return "unnamed"


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
