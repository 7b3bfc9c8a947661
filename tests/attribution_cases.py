"""What the attribution table tests compare: the quotes ``claimx`` finds in
a text, each as (type, speaker name, cue lemma, text)."""

from __future__ import annotations

from claimx.pipeline.extract import build_record
from claimx.read.inputs import Article


def record(nlp, text: str) -> dict:
    """The record of ``text`` read as one article."""
    return build_record(Article("t", "t", text), nlp(text)).to_dict()


def quotes(nlp, text: str) -> list[tuple]:
    """The quotes of ``text``: (type, speaker name, cue lemma, quote text)."""
    return [(q["type"], q["speaker_name"], q["cue"]["lemma"] if q["cue"] else None, q["text"])
            for q in record(nlp, text)["quotes"]]


def cast(nlp, text: str) -> list:
    """The whole cast of ``text`` as the speaker steps build it (members only
    mentioned too, which the record's ``speakers`` leaves out): a list of
    :class:`claimx.pipeline.speakers.Speaker` in order of first mention."""
    from claimx.lexicon import cue_frames
    from claimx.pipeline.attribution import Attributor
    from claimx.pipeline.quotemarks import find_quotations
    from claimx.pipeline.speakers import SpeakerResolver

    doc = nlp(text)
    found = find_quotations(text)
    atts = Attributor(cue_frames())(doc, text, found)
    return SpeakerResolver()(doc, atts, text, found)[0]
