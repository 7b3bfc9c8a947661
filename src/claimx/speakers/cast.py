"""The speakers of one Doc as the steps find them (:class:`Cast`): one
:class:`Speaker` record per real-world speaker, and which tokens name
which speaker. Passed explicitly from step to step; nothing is kept on the
resolver."""

from __future__ import annotations

from dataclasses import dataclass, field


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

    def add_position(self, pos: dict | None) -> None:
        """Add ``pos`` unless it is None or a position of the same words is known."""
        if pos is not None and pos["text"] not in [p["text"] for p in self.positions]:
            self.positions.append(pos)


@dataclass(slots=True)
class Cast:
    """The speakers found so far, in the order found, and the speaker each
    token that names one stands for (token index -> speaker index)."""

    speakers: list[Speaker] = field(default_factory=list)
    by_token: dict[int, int] = field(default_factory=dict)

    def add(self, speaker: Speaker) -> int:
        """Add a new speaker; its index."""
        self.speakers.append(speaker)
        return len(self.speakers) - 1

    def name(self, k: int, tokens: list[int], span: tuple[int, int]) -> None:
        """Record that the tokens ``tokens`` (one mention, ``span``) name speaker ``k``."""
        for i in tokens:
            self.by_token[i] = k
        self.speakers[k].add_mention(span)
