"""The tense a date is read in: the verb that governs it on the parse
("said on Monday": past; "will meet on Monday": future; "is due to expire
Friday": future; "had been due to expire Friday": past), and the words
before it that point ahead whatever the verb ("as soon as Tuesday",
"effective Feb. 1", "postponed until Tuesday"). A past date and a future
one of the same words differ by a week ("Monday") or a year ("in January").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

# heads of "X is due to / set to / expected to / plans to <verb>": future
PLANNING = {"plan", "schedule", "slate", "set", "call"}  # verbs whose object happens later
# nouns of what is to be done, before a to-infinitive: "plans to close it in November"
PLAN_NOUNS = {"plan", "proposal", "intention", "bid", "pledge", "promise", "schedule", "timetable"}
# verbs that look ahead in the present whatever follows them: "expects results in the third quarter"
EXPECTING = {"expect", "anticipate", "forecast", "project", "predict", "plan", "intend", "aim", "target"}
FUTURE_HEADS = {"due", "set", "expect", "plan", "schedule", "go", "intend", "poise", "slate"}
# verbs that put something off to a later time: "postponed until Tuesday"
DEFERRING = {"postpone", "delay", "defer", "adjourn", "extend", "put", "push", "recess", "give", "grant", "suspend"}
_AHEAD = re.compile(r"(?:\bas\s+(?:soon|early|late)\s+as|\beffective)\s+$", re.I)
_WEEKDAY = re.compile(r"\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b")
# verbs in the present whose weekday is not one to come: being, saying
_NOT_SCHEDULED = {"be", "say", "tell", "report", "announce", "add", "note", "warn", "claim", "write", "state",
                  "insist", "argue", "explain", "admit", "confirm", "deny", "show", "reveal", "remain", "have"}
# present forms that are past ones too ("weakness hurt the index on Friday")
_PAST_ALIKE = {"hurt", "cut", "put", "set", "hit", "let", "cost", "shut", "quit", "spread", "bet", "burst", "cast",
               "split", "read", "beat", "bid", "broadcast", "forecast", "upset", "thrust", "rid", "shed", "slit"}
_MODAL = {"must", "should", "ought"}  # obligations ahead ("could", "may" as often report the past)
_BE_NOW = {"is", "are", "am", "'s", "’s"}
_PERFECT_OR_PAST = {"has", "have", "had", "was", "were", "been", "did"}
_UNTIL = re.compile(r"\b(?:until|till|through|thru)\s+$", re.I)


def tense_of(doc: Doc, text: str, span: Span, start: int) -> tuple[str, int]:
    """The tense the date ``span`` of ``doc`` (written from character
    ``start`` of ``text``, the Doc's text) is read in, and the token index
    of the verb it attaches to (-1 when none)."""
    tense, head = _tense(_governor(span.root))
    if _AHEAD.search(text, max(0, start - 16), start) or (
        _UNTIL.search(text, max(0, start - 8), start) and head >= 0 and _defers(doc[head], tense)
    ):
        tense = "future"  # "as soon as Tuesday", "effective Feb. 1", "postponed until Tuesday"
    elif tense == "present" and head >= 0 and _scheduled(doc[head], span):
        tense = "future"  # "the polls close on Sunday", "Arafat meets Albright Monday"
    return tense, head


def _scheduled(verb: Token, span: Span) -> bool:
    """Whether a weekday on a verb in the simple present is a day to come,
    as news writes what is scheduled ("the team plays Arsenal on
    Saturday"): not on "be" or a verb of saying ("says Monday" reports a
    day gone by), not a possessive ("follows Tuesday's fall")."""
    return (
        (verb.tag_ == "VBZ" or verb.tag_ == "VBP" and verb.lower_ not in _PAST_ALIKE)
        and verb.lemma_ not in _NOT_SCHEDULED
        and _WEEKDAY.search(span.text) is not None
        and span.root.dep_ != "poss"
    )


def _had(tok: Token) -> bool:
    """Whether ``tok`` (or the verb its adjective hangs on: "had been due")
    is in the past perfect."""
    for t in (tok, tok.head):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in t.children):
            return True
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acomp", "xcomp"):
            break
    return False


def _governor(tok: Token) -> Token:
    """The token whose tense dates ``tok``: itself, or, for a date the parser
    hung on a reported clause although it stands before that clause's
    subject, the verb reporting it ("said on Friday they will resume talks")."""
    attach = tok.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok
    verb = attach.head
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.i < tok.i:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and tok.i < subj.i:
            return verb.head
    return tok


def _tense(tok: Token) -> tuple[str, int]:
    """Tense of the verb governing ``tok`` (walks up the tree)."""
    cur = tok
    intended = False  # under a to-infinitive: "agreed to buy it in February"
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX"):
            kids = [c for c in cur.children if c.dep_ in ("aux", "auxpass")]
            words = {c.lower_ for c in kids}
            if words & {"will", "'ll", "shall", "’ll", "would", "’d", "'d"}:
                return "future", cur.i
            if words & _MODAL and not words & {"have", "'ve", "’ve"}:
                return "future", cur.i  # "must be filed by June 30" (not "could have been")
            if "to" in words and (cur.head.lemma_ in FUTURE_HEADS or cur.head.lemma_ == "be"):  # "is to resume"
                # ... unless the plan was already past: "had been due to expire Friday"
                return ("past" if _had(cur.head) else "future"), cur.i
            intended = intended or "to" in words
            if cur.lemma_ in PLANNING and cur.i < tok.i:
                if cur.tag_ == "VBN" and cur.dep_ == "acl" and _tense(cur.head)[0] == "past":
                    return "intended", cur.i  # a participle takes its clause's time: "a service planned for
                    # Saturday was cancelled" (the nearer Saturday)
                return "future", cur.i  # "planned a rally on Saturday", "scheduled a news conference Thursday"
            if cur.tag_ == "VBN" and not kids and cur.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in ("unless", "if", "until", "once", "when") for c in cur.children
            ):
                pass  # "unless renewed by Dec. 31": a participle has no tense; its clause's verb has
            elif cur.tag_ == "VBN" and words & _BE_NOW and not words & _PERFECT_OR_PAST:
                return "present", cur.i  # a passive in the present: "the case is heard in May"
            elif cur.tag_ in ("VBD", "VBN") or words & {"had", "did", "was", "were"}:
                return ("intended" if intended else "past"), cur.i
            if cur.tag_ == "VBG" and words & {"is", "are", "am", "'s", "’s"}:
                return "future", cur.i  # "is coming on Monday"
            if cur.lemma_ in FUTURE_HEADS and any(
                c.dep_ in ("xcomp", "acomp") for c in cur.children
            ):
                return "future", cur.i
            if _expects(cur, words):
                return "future", cur.i  # "the company expects results in the third quarter"
            if cur.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am"}:
                return "present", cur.i
            if cur.lemma_ == "due":
                return "future", cur.i
        if cur.lemma_ == "due" or cur.lower_ in ("next", "upcoming", "coming"):
            return "future", cur.i
        if intended and cur.pos_ == "NOUN" and (cur.lemma_ in PLAN_NOUNS or cur.lower_[:-1] in PLAN_NOUNS):
            return "future", cur.i  # "announced plans to close the plant in November"
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return "past", -1


def _expects(verb: Token, aux: set[str]) -> bool:
    """Whether ``verb`` is one of :data:`EXPECTING` in the simple present, so
    that what it governs lies ahead ("the company expects results in the
    third quarter", "plans a listing in the spring"); not in the past or
    the perfect ("expected a loss in the third quarter", "has forecast"),
    nor a present form that is a past one too ("forecast")."""
    return (
        verb.lemma_ in EXPECTING
        and (verb.tag_ == "VBZ" or verb.tag_ == "VBP" and verb.lower_ not in _PAST_ALIKE)
        and not aux & _PERFECT_OR_PAST
    )


def _defers(verb: Token, tense: str) -> bool:
    """Whether "until <date>" or "through <date>" on ``verb`` points ahead: a
    verb of putting off ("postponed until Tuesday", "extended the offer
    through Thursday", "has given them until 9 a.m. Tuesday"), or one in
    the present ("the talks run until Friday")."""
    return tense != "past" or verb.lemma_ in DEFERRING or any(
        c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children
    )

