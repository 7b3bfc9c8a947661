"""The output schema ``claimx/1``, defined once. Plain strings and offsets:
no spaCy object reaches this layer.

Fields may be added, never renamed: researchers' scripts read them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from claimx import SCHEMA_ID


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextSpan(_Model):
    """``article_text[start:end] == text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Cue(TextSpan):
    lemma: str = Field(description="Lemma of the cue verb, or the phrase ('according to').")


class Position(TextSpan):
    title: str | None = Field(description="The title or office, e.g. 'Secretary of State'.")
    affiliation: str | None = Field(description="Country, party or organisation, e.g. 'US'.")


class SentenceRef(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Speaker(_Model):
    id: str
    name: str
    kind: Literal["person", "organisation", "group", "document", "unnamed"] = Field(
        description="person, organisation, group ('officials'), document ('the report', when the text names no "
        "author) or unnamed ('a spokesman')."
    )
    positions: list[Position]
    mentions: list[TextSpan]
    quote_count: int = 0
    gender: Literal["female", "male"] | None = Field(
        default=None,
        description="Read from the article's words only (pronouns resolved to the speaker, honorifics, "
        "gendered role nouns), never from a first name; null without evidence or when it conflicts.",
    )
    gender_evidence: list[TextSpan] = Field(
        default_factory=list, description="The words the gender was read from, in text order."
    )


class Quote(_Model):
    id: str
    type: Literal["direct", "indirect", "mixed"]
    act: Literal["speech", "belief", "fact", "intention"] = Field(
        description="What the cue does with the content (PDTB/PARC attribution types): speech (said, told, "
        "according to), belief (believes, expects that), fact (a study found, data show) or intention "
        "(plans to, urged X to)."
    )
    content: Literal["claim", "topic", "question"] = Field(
        default="claim",
        description="Whether the quote states a claim (ACTS.md rule 3: a statement needs content): claim (a "
        "proposition or words said), topic (the cue's object only names a topic: 'announced the end of the "
        "strike', 'voiced concern about the budget', 'cited the polls') or question ('asked whether the plan "
        "was legal'). Topics and questions are no claims: only `claimx extract --topics` keeps them, and no "
        "act filter returns them.",
    )
    text: str = Field(description="For a direct quote, the content inside the quotation marks.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    parts: list[TextSpan] | None = Field(
        default=None, description="The pieces of a quote split by its cue or across paragraphs."
    )
    speaker: str | None = Field(description="A speaker id, or null when it cannot be resolved.")
    speaker_name: str | None
    speaker_mention: TextSpan | None
    cue: Cue | None
    addressee: TextSpan | None
    date: str | None = Field(description="ISO date of the statement, or null.")
    paragraph: int = Field(ge=0, description="0-based index of the paragraph holding the cue.")
    sentence: SentenceRef
    confidence: float = Field(ge=0, le=1)


class DateExpr(TextSpan):
    value: str | None = Field(description="TIMEX3 value: 2025-08-17, 2025-W33, P2W, PRESENT_REF...")
    kind: Literal["date", "time", "duration", "set"]
    # the rule that read it ("times: <clock time>"), for `claimx eval --dates`
    # per family; internal: not in the output, not kept through a dict
    _rule: str = PrivateAttr(default="")

    def __eq__(self, other: object) -> bool:
        """Equal when the output is (the rule's tag is no part of it)."""
        if not isinstance(other, DateExpr):
            return NotImplemented
        return self.model_dump() == other.model_dump()


class ArticleInfo(_Model):
    id: str
    source: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    reference_date: str | None = None
    reference_date_source: Literal["metadata", "option", "dateline", "text", "warc-date"] | None = None
    url: str | None = None
    text_source: Literal["main-content", "json-ld", "fallback"] | None = Field(
        default=None,
        description="Web pages: where the text came from (the extractor's main content, the page's "
        "JSON-LD articleBody, or the extractor's recall mode); null for text and corpora.",
    )
    fingerprint: str | None = Field(
        default=None,
        description="A MinHash of the text's word shingles (claimx.read.fingerprint): copies of one story "
        "(a wire story in several outlets) have nearly the same; `claimx corpus` groups them into stories.",
    )
    language: str | None = Field(
        default=None,
        description="The article's language (ISO 639-1, e.g. 'en', 'de'), or null when the text is too short or "
        "the identifier unsure. An article surely not in English has no quotes or speakers unless --any-language.",
    )
    outlet: str | None = Field(
        default=None,
        description="Web pages: the name the page gives its site (og:site_name, the JSON-LD publisher); "
        "null when it gives none (the corpus then names the outlet by the URL's host).",
    )


class ArticleRecord(_Model):
    schema_: Literal["claimx/1"] = Field(default=SCHEMA_ID, alias="schema")
    article: ArticleInfo
    speakers: list[Speaker]
    quotes: list[Quote]
    dates: list[DateExpr]
    text: str | None = Field(default=None, description="The article text (with --include-text).")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict:
        data = self.model_dump(by_alias=True, exclude_none=False)
        if data.get("text") is None:
            data.pop("text", None)
        for q in data["quotes"]:
            if q.get("parts") is None:
                q.pop("parts", None)
        return data


def json_schema() -> dict:
    schema = ArticleRecord.model_json_schema(by_alias=True)
    schema["$id"] = "https://claimx.invalid/schema/claimx-1.json"
    schema["title"] = SCHEMA_ID
    return schema
