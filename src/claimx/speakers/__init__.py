"""Speakers: one record per real-world speaker, with every mention and the
positions (titles, offices, affiliations) the article gives them.

People come from the parser's PERSON entities: a later surname ("Rubio") joins
the earlier full name ("Marco Rubio"); subject pronouns outside quotations
("He added ...") join the most recent person who was a subject; possessive and
object pronouns only a person who is the subject earlier in the same sentence.
Sources that are not people become organisation, group or unnamed speakers;
"the secretary" / "the president" find a person by title. A source that
cannot be resolved stays unresolved (``None``) rather than guessed.

The steps are separable, each in a module of its own: merging mentions
(:mod:`.mentions`), reading names (:mod:`.names`) and positions
(:mod:`.positions`), over one per-Doc :class:`~.cast.Cast`; the resolver
(:mod:`.resolver`) runs them in order.
"""

from claimx.speakers.cast import Cast, Speaker
from claimx.speakers.mentions import OTHER_PRONOUNS, SUBJECT_PRONOUNS
from claimx.speakers.names import ORG_LABELS
from claimx.speakers.positions import position_of
from claimx.speakers.resolver import SpeakerResolver

__all__ = ["ORG_LABELS", "OTHER_PRONOUNS", "SUBJECT_PRONOUNS", "Cast", "Speaker", "SpeakerResolver", "position_of"]
