"""What a normalisation rule is: a named construction (Duckling's ``Rule
{name, pattern, prod}``) whose pattern says whether an expression is one
and whose production makes its TIMEX3 value; and a rewrite, a named step
that changes the words the rules after it read. The families
(:mod:`.calendar_dates`, :mod:`.relative`, :mod:`.periods`,
:mod:`.durations`, :mod:`.times`, :mod:`.anaphora`) define them;
:mod:`.normalise` tries them in one written order.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimx.pipeline.dates.context import DateContext

# (TIMEX3 value or None, kind: date | time | duration | set)
Value = tuple[str | None, str]
Pattern = Callable[["DateContext"], Any]
Production = Callable[["DateContext", Any], "Value | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named construction. ``pattern`` gives a match (any true value) when
    the expression is one; ``prod`` makes the value from the context and that
    match, or None to leave the expression to the rules after it. A value of
    None with a kind (``(None, "date")``) is an answer: the expression is
    this construction, but nothing anchors it."""

    name: str
    pattern: Pattern
    prod: Production

    @property
    def example(self) -> str:
        """The production's docstring: what the rule reads, by example."""
        return inspect.getdoc(self.prod) or ""

    @property
    def family(self) -> str:
        """The family the rule belongs to: the module defining it ("times")."""
        return self.prod.__module__.rsplit(".", 1)[-1]

    @property
    def tag(self) -> str:
        """What the rule sets on the values it gives: "times: <clock time>"."""
        return f"{self.family}: {self.name}"

    def __call__(self, ctx: DateContext) -> Value | None:
        m = self.pattern(ctx)
        return self.prod(ctx, m) if m else None


@dataclass(frozen=True, slots=True)
class Rewrite:
    """A named step that rewrites the words every later rule reads
    ("this past weekend" -> "last weekend")."""

    name: str
    pattern: re.Pattern[str]
    repl: str
    example: str

    def __call__(self, ctx: DateContext) -> DateContext:
        return ctx.rewritten(self.pattern.sub(self.repl, ctx.low))


def rule(name: str, pattern: str | Pattern, flags: int = 0) -> Callable[[Production], Rule]:
    """Make the decorated production a :class:`Rule` named ``name``. A
    string ``pattern`` is a regular expression the whole of ``ctx.low`` must
    match; otherwise it is a function of the context (see :func:`full`,
    :func:`search`, :func:`whole`)."""
    test = full(pattern, flags) if isinstance(pattern, str) else pattern

    def make(prod: Production) -> Rule:
        return Rule(name, test, prod)

    return make


def full(regex: str, flags: int = 0) -> Pattern:
    """The words read (``ctx.low``) are all ``regex``."""
    rx = re.compile(regex, flags)
    return lambda ctx: rx.fullmatch(ctx.low)


def search(regex: str, flags: int = 0) -> Pattern:
    """``regex`` is somewhere in the words read (``ctx.low``)."""
    rx = re.compile(regex, flags)
    return lambda ctx: rx.search(ctx.low)


def whole(regex: str, flags: int = 0) -> Pattern:
    """The whole expression (``ctx.whole``) is ``regex``: for the rules that
    read it against its context, before any tail of it is tried."""
    rx = re.compile(regex, flags)
    return lambda ctx: rx.fullmatch(ctx.whole)
