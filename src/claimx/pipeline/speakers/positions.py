"""Positions: the titles, offices and affiliations the article gives a
person, where newsrooms put them. Each construction is a function, tried in
the order of :data:`PREMODIFIER_RULES` and :data:`APPOSITION_RULES`:

- before the name, a title of the lexicon ("US Secretary of State Marco
  Rubio"), or a role word the lexicon lacks that the NER left out of the name
  ("Alderman Joe Park", "veteran goalkeeper David James");
- a party-state tag after it ("Sen. Elizabeth Warren (D-Mass.)": a
  position of its own, affiliation "Democrat, Massachusetts"; the title is
  the one before the name, "Sen." -> Senator);
- a party member in apposition ("Maria Lopez, a Democrat from Iowa":
  affiliation "Democrat, Iowa", as the party-state tag gives it);
- in apposition, before or after the cue ("Brian Fallon, a spokesman for
  the campaign", "…,” says Di Li, the chief scientist of FAST"): a title of
  the lexicon, or by structure a role noun + of/at/for + an organisation;
- an office holder named in apposition to the office ("A spokesman for the
  campaign, Brian Fallon, said").

Titles come from the lexicon (``data/titles.txt``) and its abbreviations
(``data/title_abbreviations.tsv``: "Sen." -> Senator), places from the
demonyms (``data/demonyms.tsv``: "Ukrainian" -> Ukraine)."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from claimx.lexicon import demonyms
from claimx.pipeline.doctext import doc_text
from claimx.pipeline.speakers.cast import Cast
from claimx.pipeline.speakers.gender import add_words
from claimx.pipeline.speakers.words import (
    description_nouns,
    not_roles,
    party_letters,
    role_verbs,
    title_abbreviations,
    title_pattern,
    us_states,
)

MODIFIER_DEPS = ("compound", "nmod", "amod", "npadvmod", "poss", "nummod")
DETERMINERS = ("the", "a", "an")
NAME_ENTS = ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
_PARTY_TAG = re.compile(r"\s*\((?P<tag>(?P<party>[A-Z])(?:\s*[-–—,]\s*(?P<state>[A-Z][A-Za-z. ]{0,12}?))?)\)")


def premodifiers(name: list[Token]) -> list[Token]:
    """The contiguous run of the name's left dependents just before it (of
    any of its words), without a leading article or mark: "US Secretary of
    State", "veteran goalkeeper", "Councilman" (hung on "Daniel" in
    "Councilman Daniel Reyes")."""
    first = name[0].i
    left: list[Token] = []
    # the parser hangs a title on the surname or on the first name
    # ("Councilman Daniel Reyes": Councilman -> Daniel)
    for child in (c for t in name for c in t.children):
        if child.i < first and child.dep_ in MODIFIER_DEPS:
            left += list(child.subtree)
    left = sorted({t.i: t for t in left}.values(), key=lambda t: t.i)
    run: list[Token] = []
    for t in reversed(left):
        if t.i == (run[0].i - 1 if run else first - 1):
            run.insert(0, t)
    while run and (run[0].is_punct or run[0].lower_ in DETERMINERS):
        run = run[1:]
    return run


def appositions(name: list[Token]) -> list[list[Token]]:
    """Each apposition of the name, without its punctuation, article or a
    relative clause: "Di Li, the chief scientist of FAST" -> chief scientist
    of FAST; "Jo Yu, a council member who voted no" -> council member."""
    out = []
    for child in name[-1].children:
        if child.dep_ == "appos" and child.i > name[-1].i:
            # a relative clause on it says what the person did, not the position
            # ("a council member in Somerton who had never heard him speak")
            said = {t.i for r in child.subtree if r.dep_ == "relcl" for t in r.subtree}
            toks = [t for t in child.subtree if t.i not in said]
            while toks and toks[-1].is_punct:
                toks = toks[:-1]
            toks = without_det([t for t in toks if not t.is_punct])
            if toks:
                out.append(toks)
    return out


def without_det(toks: list[Token]) -> list[Token]:
    """``toks`` without the articles they start with."""
    while toks and toks[0].lower_ in DETERMINERS:
        toks = toks[1:]
    return toks


def position_from(doc: Doc, toks: list[Token]) -> dict | None:
    """The position ``toks`` name, if they hold a title of the lexicon: the
    title, and the rest of the words as the affiliation ("US Secretary of
    State" -> Secretary of State, US; "Sen." -> Senator)."""
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    text = doc_text(doc)[start:end]
    m = title_pattern().search(text)
    if m is None:
        return None
    title = m.group(0)
    if title.lower() in ("mr.", "mrs.", "ms.", "dr."):
        return None
    title = title_abbreviations().get(title, title)
    lead = _title_lead(text[: m.start()])
    if lead:  # "policy director", "deputy head": the lower-case words before the title are part of it
        title = f"{lead} {title}"
    before = text[: m.start()].rstrip()
    before = before[: len(before) - len(lead)]
    return _position(text, start, end, title, (before + " " + text[m.end() :]).strip())


ROLE_WORDS = frozenset({"former", "then", "acting", "current", "interim", "outgoing", "incoming", "retired",
                        "longtime", "deputy", "assistant", "vice", "chief", "senior", "top"})
_STOPS = frozenset({*DETERMINERS, "of", "for", "at", "and", "to", "in"})


def _title_lead(before: str) -> str:
    """The words that end ``before`` and lead into a title: lower-case words
    ("policy director", "the agency’s deputy head" -> deputy) and role words
    in any case ("Former President"); not a name or place ("US President")."""
    words = before.split()
    n = len(words)
    while n > 0 and (words[n - 1].lower() in ROLE_WORDS or re.fullmatch(r"[a-z][a-z-]*", words[n - 1])) \
            and words[n - 1].lower() not in _STOPS:
        n -= 1
    return " ".join(words[n:])


def _position(text: str, start: int, end: int, title: str | None, rest: str) -> dict:
    """A position record; ``rest`` (the words beside the title) made the affiliation."""
    rest = re.sub(r"(?:’s|'s)$", "", rest.strip(" ,")).strip()
    rest = re.sub(r"^(?:(?:former|longtime|then|acting|current|retired|veteran|top|senior)\s+)+", "", rest,
                  flags=re.IGNORECASE)
    affiliation = None
    if rest:
        rest = re.sub(r"^(?:the|of|for|at|in)\s+|\s+(?:of|for|at|in)$", "", rest).strip()
        rest = re.sub(r"(?:’s|'s)$", "", rest).strip()
        rest = re.sub(r"^(?:of|for|at)\s+(?:the\s+)?", "", rest).strip()
        rest = re.sub(r"^the\s+", "", rest)
        affiliation = demonyms().get(rest, rest) or None
    return {"text": text, "title": title, "affiliation": affiliation, "start": start, "end": end}


def premodifier_role(doc: Doc, run: list[Token]) -> dict | None:
    """A role word the lexicon lacks, written before the name and left out
    of it by the NER: "Alderman Joe Park" -> Alderman; "Chicago Alderman
    Joe Park" -> Alderman, Chicago. Not a plural ("Celebrities Julianne
    Moore"), a word in capitals ("CLEVELAND"), an entity's word or an age."""
    if not run:
        return None
    role = len(run)
    while role > 0 and not run[role - 1].ent_type_ and run[role - 1].is_alpha:
        role -= 1
    words = run[role:]
    if (
        not words or len(words) > 3 or words[-1].pos_ not in ("NOUN", "PROPN")
        or any(t.tag_ in ("NNS", "NNPS") or t.is_upper and len(t) > 1 for t in words)
        or any(t.ent_type_ in NAME_ENTS for t in run)
        or words[-1].lower_ not in description_nouns() and not words[0].text[:1].isupper()
        and not (words[-1].tag_ == "NN" and words[-1].is_lower and words[-1].lower_ not in not_roles())
        # a role noun the lexicon lacks: "pollster Pat Caddell"; not "longtime friend"
    ):
        return None
    start, end = run[0].idx, run[-1].idx + len(run[-1])
    title_start = words[0].idx
    text = doc_text(doc)
    return _position(text[start:end], start, end, text[title_start:end], text[start:title_start])


def apposition_role(doc: Doc, toks: list[Token]) -> dict | None:
    """A role noun + of/at/for + an organisation, in apposition: "the chief
    scientist of FAST" -> chief scientist, FAST; "a member of the caucus".
    Not "a mother of three" (no organisation) nor a name."""
    head = next((t for t in toks if t.dep_ == "appos"), toks[0].head if toks else None)
    if head is None or head.pos_ != "NOUN" or head.tag_ != "NN":
        return None
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("of", "at", "for")), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or not (obj.pos_ == "PROPN" or obj.ent_type_ in ("ORG", "GPE", "NORP", "FAC")
                           or description_nouns().get(obj.lower_) == "organisation"):
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    text = doc_text(doc)
    return _position(text[start:end], start, end, text[start : prep.idx].strip(), text[prep.idx : end])


ROLE_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ate", "man", "woman", "person")
ORG_ENTS = ("ORG", "GPE", "NORP")


def role_phrase(doc: Doc, toks: list[Token]) -> dict | None:
    """A role noun the lexicon lacks, with whose role it is, in apposition or
    a description: "the bill's sponsor" -> sponsor, bill; "Obama's former
    campaign strategist" -> former campaign strategist, Obama; "a top Trump
    surrogate" -> surrogate, Trump; "a longtime pollster" -> pollster. Not
    "a mother of three", "a big day" (neither a role noun nor an owner)."""
    toks = [t for t in toks if t.dep_ != "punct"]
    ids = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in ids or t.head is t), None)
    if head is None or head.pos_ != "NOUN" or head.tag_ != "NN" or head.ent_type_ or head.lower_ in not_roles():
        return None
    owner = next((c for c in head.lefts if c.dep_ == "poss" and c.i in ids and c.pos_ != "PRON"), None)
    names = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod") and c.i in ids
             and (c.pos_ == "PROPN" or c.ent_type_ in ORG_ENTS or c.ent_type_ == "PERSON")]
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("of", "at", "for", "to", "with")), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is not None and not (obj.pos_ == "PROPN" or obj.ent_type_ in ORG_ENTS
                                or description_nouns().get(obj.lower_) == "organisation"):
        obj = None
    person = description_nouns().get(head.lower_) == "person" or head.lower_.endswith(ROLE_SUFFIXES)
    if owner is None and not names and obj is None and not person:
        return None
    lead = head.i
    while lead - 1 in ids and doc[lead - 1].is_lower and doc[lead - 1].dep_ in ("amod", "compound", "nmod") \
            and not doc[lead - 1].like_num:
        lead -= 1
    text = doc_text(doc)
    last = max(t.i for t in obj.subtree) if obj is not None else head.i
    start, end = toks[0].idx, doc[last].idx + len(doc[last])
    if owner is not None:
        aff = text[owner.left_edge.idx : owner.idx + len(owner)]
    elif obj is not None:
        aff = text[obj.left_edge.idx : end]
    elif names:
        first = min((t.left_edge for t in names), key=lambda t: t.i)
        aff = text[max(first.idx, start) : names[-1].idx + len(names[-1])]
    else:
        aff = ""
    aff = re.sub(r"^(?:the|a|an)\s+", "", aff, flags=re.IGNORECASE)  # (names.strip_det: names imports this module)
    return _position(text[start:end], start, end, text[doc[lead].idx : head.idx + len(head)], aff)


def relative_role(doc: Doc, name: list[Token]) -> dict | None:
    """A relative clause that states a role: "Mark Evans, who chairs the
    housing committee" -> chair, housing committee; "Jane Roe, who is the
    party's treasurer" -> treasurer, party. Not "who said", "who lives in"."""
    clause = next((c for c in name[-1].rights if c.dep_ == "relcl"), None)
    if clause is None or not any(c.tag_ in ("WP", "WDT") for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
        return None
    if clause.lemma_ == "be":
        return _attribute_position(doc, clause)
    title = role_verbs().get(clause.lemma_)
    obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
    if title is None or obj is None:
        return None
    toks = without_det(list(obj.subtree))
    text = doc_text(doc)
    start, end = clause.idx, toks[-1].idx + len(toks[-1])
    return _position(text[start:end], start, end, title, text[toks[0].idx : end])


def _attribute_position(doc: Doc, verb: Token) -> dict | None:
    """The position the noun after "be" gives: "is the party's treasurer"."""
    attr = next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if attr is None:
        return None
    toks = [t for t in attr.subtree if t.i <= attr.i]
    prep = next((c for c in attr.rights if c.dep_ == "prep" and c.lower_ in ("of", "at", "for")), None)
    toks = without_det(toks + (list(prep.subtree) if prep is not None else []))
    return (position_from(doc, toks) or role_phrase(doc, toks)) if toks else None


def copular_role(doc: Doc, name: list[Token]) -> dict | None:
    """A sentence that states the person's role: "Richard Revesz is director
    of the Institute for Policy Integrity" -> director, Institute for Policy
    Integrity. Not "Smith is a father of three", "Smith is right"."""
    head = name[-1]
    if head.dep_ != "nsubj" or head.head.lemma_ != "be":
        return None
    return _attribute_position(doc, head.head)


def name_affiliation(doc: Doc, name: list[Token]) -> dict | None:
    """An organisation right after the name with "at", "of" or "from": "Dan
    Evans at the National Review" -> affiliation National Review. Not a
    place or an event ("Smith at the hearing")."""
    prep = next((c for c in name[-1].rights if c.dep_ == "prep" and c.lower_ in ("at", "of", "from")
                 and c.i == name[-1].i + 1), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.ent_type_ != "ORG":
        return None
    toks = without_det([t for t in obj.subtree if t.ent_type_ == "ORG" or t.i == obj.i])
    if not toks:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    text = doc_text(doc)[start:end]
    return {"text": text, "title": None, "affiliation": text, "start": start, "end": end}


def party_state_tag(doc: Doc, name: list[Token]) -> dict | None:
    """A party-state tag just after the name: "Elizabeth Warren (D-Mass.)"
    -> affiliation "Democrat, Massachusetts"; "(R-SC)", "(D)". Not "(AP)"
    nor a letter and a word that is no state ("(D-Day)")."""
    end = name[-1].idx + len(name[-1])
    m = _PARTY_TAG.match(doc_text(doc), end)
    if m is None or m.group("party") not in party_letters():
        return None
    parts = [party_letters()[m.group("party")]]
    if m.group("state"):
        state = us_states().get(m.group("state").strip())
        if state is None:
            return None
        parts.append(state)
    return {"text": m.group("tag"), "title": None, "affiliation": ", ".join(parts),
            "start": m.start("tag"), "end": m.end("tag")}


def party_apposition(doc: Doc, toks: list[Token]) -> dict | None:
    """A party member in apposition, with the state or place they are from,
    as a party-state tag gives it: "Maria Lopez, a Democrat from Iowa" ->
    affiliation "Democrat, Iowa"; "a Texas Republican" -> "Republican,
    Texas"; "a Republican" -> "Republican". Not "a Democratic aide" (a role,
    :func:`role_phrase`), "a lawyer from Iowa" (no party), "a Democrat from
    the start" (no place)."""
    ids = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in ids or t.head is t), None)
    if head is None or head.text not in set(party_letters().values()) or head.tag_ not in ("NNP", "NN"):
        return None
    places = [t for c in head.lefts if c.i in ids and c.ent_type_ == "GPE" for t in c.subtree if t.ent_type_ == "GPE"]
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("from", "of")), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is not None and obj.ent_type_ == "GPE":
        places = [t for t in obj.subtree if t.ent_type_ == "GPE"]
    elif obj is not None or any(t.i > head.i for t in toks):
        return None  # "a Democrat from the start", "a Republican who ...": no party-state
    text = doc_text(doc)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    parts = [head.text]
    if places:
        place = text[places[0].idx : places[-1].idx + len(places[-1])]
        parts.append(us_states().get(place, place))
    return {"text": text[start:end], "title": None, "affiliation": ", ".join(parts), "start": start, "end": end}


Rule = Callable[[Doc, list[Token]], "dict | None"]
PREMODIFIER_RULES: tuple[Rule, ...] = (position_from, premodifier_role)
APPOSITION_RULES: tuple[Rule, ...] = (party_apposition, position_from, apposition_role, role_phrase)
NameRule = Callable[[Doc, list[Token]], "dict | None"]
AFTER_NAME_RULES: tuple[NameRule, ...] = (party_state_tag, name_affiliation, copular_role)


def positions_of(doc: Doc, name: list[Token]) -> list[dict]:
    """The positions written with a name, in text order: before it, a
    party-state tag after it, in apposition."""
    found: list[dict] = []
    run = premodifiers(name)
    for rule in PREMODIFIER_RULES if run else ():
        pos = rule(doc, run)
        if pos is not None:
            found.append(pos)
            break
    for after in AFTER_NAME_RULES:
        tag = after(doc, name)
        if tag is not None:
            found.append(tag)
    for toks in appositions(name):
        for rule in APPOSITION_RULES:
            pos = rule(doc, toks)
            if pos is not None:
                found.append(pos)
                break
    relative = relative_role(doc, name)  # after the appositions: "X, a lawyer, who chairs ..."
    if relative is not None:
        found.append(relative)
    return found


def position_of(doc: Doc, name: list[Token]) -> dict | None:
    """The first position written with a name, or None."""
    found = positions_of(doc, name)
    return found[0] if found else None


def description_positions(doc: Doc, tok: Token) -> list[dict]:
    """The positions a description resolved to a person gives them, one per
    coordinated noun: "the former secretary of state and current Democratic
    presidential nominee" -> former secretary of state; presidential nominee,
    Democratic. "the Vermont senator" -> senator, Vermont."""
    found = []
    for head in [tok, *(c for c in tok.rights if c.dep_ == "conj" and c.pos_ == "NOUN")]:
        toks = [t for c in head.lefts if c.dep_ not in ("cc", "punct", "det") for t in c.subtree]
        toks.append(head)
        prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("of", "for", "at")), None)
        toks = without_det(sorted(toks + (list(prep.subtree) if prep is not None else []), key=lambda t: t.i))
        pos = (position_from(doc, toks) or role_phrase(doc, toks)) if toks else None
        if pos is not None:
            found.append(pos)
    return found


def title_head(title: str) -> str:
    """The noun a title is headed by: "Secretary of State" -> secretary,
    "chief scientist" -> scientist, "Sen." -> sen."""
    words = title.lower().split(" of ")[0].split(" for ")[0].split(" at ")[0].split()
    return words[-1].rstrip(".") if words else ""


def office_holder(doc: Doc, tok: Token, span: tuple[int, int], cast: Cast) -> int | None:
    """"A spokesman for the campaign, Brian Fallon, said": the person named in
    apposition, who gets the office the mention names as a position."""
    by_token, speakers = cast.by_token, cast.speakers
    named = next((c for c in tok.children if c.dep_ == "appos" and c.i in by_token), None)
    if tok.pos_ != "NOUN" or named is None or speakers[by_token[named.i]].kind != "person":
        return None
    k = by_token[named.i]
    mention = doc.char_span(*span, alignment_mode="expand")
    toks = without_det(list(mention) if mention is not None else [])
    pos = (position_from(doc, toks) or role_phrase(doc, toks)) if toks else None
    speakers[k].add_position(pos)
    if pos is not None and pos["title"]:
        speakers[k].descriptors.add(title_head(pos["title"]))
    add_words(speakers[k], [t for t in toks if t.i <= tok.i])
    return k
