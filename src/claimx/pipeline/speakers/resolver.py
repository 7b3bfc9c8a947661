"""The speaker resolver: builds the speakers of one Doc in separable steps
and maps each attribution to one (or None). The steps, in order: people
and their pronouns (:func:`~claimx.pipeline.speakers.mentions.merge_people`, which
reads names with :mod:`~claimx.pipeline.speakers.names`, positions with
:mod:`~claimx.pipeline.speakers.positions`, gender with :mod:`~claimx.pipeline.speakers.gender`
and pronouns with :mod:`~claimx.pipeline.speakers.pronouns`), the sources no person
step named (:func:`~claimx.pipeline.speakers.mentions.merge_sources`, with definite
descriptions read by :mod:`~claimx.pipeline.speakers.descriptions`), then the
speakers in order of first mention (:func:`ordered`)."""

from __future__ import annotations

from spacy.tokens import Doc

from claimx.pipeline.attribution import Attribution
from claimx.pipeline.quotemarks import Quotation, QuotationIndex, paragraphs
from claimx.pipeline.speakers.cast import Cast, Speaker
from claimx.pipeline.speakers.lines import headline_sources
from claimx.pipeline.speakers.mentions import merge_people, merge_sources
from claimx.pipeline.speakers.organisations import defined_acronyms

WRITER = {"i", "we", "me", "us", "you"}


class SpeakerResolver:
    """Builds speakers for one Doc and maps each attribution to one (or None)."""

    def __call__(
        self, doc: Doc, atts: list[Attribution], text: str, quotes: list[Quotation],
        furniture: list[tuple[int, int]] | tuple = (),
    ) -> tuple[list[Speaker], list[int | None]]:
        """``text`` is the Doc's text (read once:
        :func:`claimx.pipeline.doctext.doc_text`) and ``quotes`` its
        quotations, as the attributor read them; ``furniture`` the page furniture it marked
        (credits, bylines, captions: no member of the cast is named there)."""
        starts = [start for start, _ in paragraphs(text)]
        cast = Cast(paragraphs=starts if starts and starts[0] == 0 else [0, *starts])
        cast.statements = sorted(  # not the writer's own ("when I asked him")
            (a.cue[0], a.source_token) for a in atts
            if a.source_token is not None and a.cue and doc[a.source_token].lower_ not in WRITER
        )
        ents = {t.i: e for e in doc.ents for t in e}
        source_heads = {a.source_token for a in atts if a.source_token is not None and a.cue}
        cast.quoted = QuotationIndex(quotes)
        cast.acronyms = defined_acronyms(text)
        cast.furniture = list(furniture)  # sorted and disjoint (furniture.mark)
        cast.text = text
        merge_people(doc, cast, cast.quoted, source_heads, ents)
        merge_sources(doc, text, cast, source_heads, ents)
        headline_sources(doc, cast)
        return ordered(cast, atts)


def ordered(cast: Cast, atts: list[Attribution]) -> tuple[list[Speaker], list[int | None]]:
    """The speakers in order of first mention (each with its mentions and
    gender evidence in order), and the index of each attribution's speaker
    among them."""
    speakers = cast.speakers
    for sp in speakers:
        sp.mentions.sort()
        sp.evidence.sort()
        sp.first = sp.mentions[0][0] if sp.mentions else sp.first
    order = sorted(range(len(speakers)), key=lambda i: speakers[i].first)
    remap = {old: new for new, old in enumerate(order)}
    assigned: list[int | None] = []
    for a in atts:
        if a.source_token is None:
            assigned.append(None)
        else:
            k = cast.by_token.get(a.source_token)
            assigned.append(remap[k] if k is not None else None)
    return [speakers[i] for i in order], assigned
