"""Speakers: the article's cast — every person, organisation, group and
document it introduces, one member per real-world one, with every mention
and name form and the positions (titles, offices, affiliations) the
article gives them — built once per Doc from the parse and the statements
the attribution passes found; each statement's source resolved against it.
The record's ``speakers`` are the members that said something.

People come from the parser's PERSON entities, their names as the text
writes them ("Waller-Bridge"): a later surname ("Rubio") joins the earlier
full name ("Marco Rubio"); a name that ends like an organisation's ("Acme
Shipping") is none. Pronouns outside quotations join the person they agree
with in gender, the previous statement's speaker first; "it"/"they" an
organisation or group. Sources that are not people become organisation,
group or unnamed speakers; definite descriptions ("the company", "the
minister", "the 45-year-old") the named entity the text licenses. A
person's gender is read from the article's words (pronouns, honorifics,
gendered role nouns), never from a first name. A source that cannot be
resolved stays unresolved (``None``) rather than guessed.

The steps are separable, each in a module of its own: merging mentions
(:mod:`.mentions`), reading names (:mod:`.names`), organisations by every
name form (:mod:`.organisations`: "Acme Corp." and "Acme", an acronym the
text defines), documents and their authors (:mod:`.documents`: "his
statement", "a Bloomberg poll"), lines of the page (:mod:`.lines`: a
signature line, a headline's description), positions (:mod:`.positions`),
gender (:mod:`.gender`), pronouns (:mod:`.pronouns`) and descriptions
(:mod:`.descriptions`), with word lists as data (:mod:`.words`), over one
per-Doc :class:`~.cast.Cast`; the resolver (:mod:`.resolver`) runs them in
order. Page furniture the attribution passes mark (credits, bylines,
captions) names no member.
"""

from claimx.pipeline.speakers.cast import Cast, Speaker
from claimx.pipeline.speakers.mentions import OTHER_PRONOUNS, SUBJECT_PRONOUNS
from claimx.pipeline.speakers.names import ORG_LABELS
from claimx.pipeline.speakers.positions import position_of
from claimx.pipeline.speakers.resolver import SpeakerResolver

__all__ = ["ORG_LABELS", "OTHER_PRONOUNS", "SUBJECT_PRONOUNS", "Cast", "Speaker", "SpeakerResolver", "position_of"]
