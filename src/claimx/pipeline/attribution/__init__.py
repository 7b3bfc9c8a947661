"""Who said what: find reporting cues in a parsed Doc and tie each to its
source mention and its content (direct, indirect or mixed).

This is the part of claimx that is ours. It works on spaCy's dependency parse
and on the quotation marks found by :mod:`claimx.pipeline.quotemarks`, in passes run in
the order :mod:`~claimx.pipeline.attribution.passes` lists, each a family of
constructions in a module of its own:

- :mod:`~claimx.pipeline.attribution.cues`: every token whose lemma is a reporting cue
  (``claimx/data/cues.tsv``) and that stands outside a quotation is a cue, and
  so is any verb that closes a quotation like "said" ("“...,” Hollande
  retaliated");
- :mod:`~claimx.pipeline.attribution.cue_statements`: a cue's content is, in order of
  preference, a quotation that ends right before the cue phrase ("“...,”
  Rubio said"), its complement (:mod:`~claimx.pipeline.attribution.content`; extended
  over a quotation that follows it at once: a *mixed* quote), the clause it
  stands aside in or interrupts (:mod:`~claimx.pipeline.attribution.asides`), a
  quotation right after the cue phrase ("He said: “...”"); its source is its
  subject (:mod:`~claimx.pipeline.attribution.sources`), inherited along conjoined
  and participial verbs ("said ... but acknowledged ..., noting that ...");
- :mod:`~claimx.pipeline.attribution.predicates`: any verb putting quoted words on its
  object ("condemned the test as “provocative”", "what he calls the
  “Washington cartel”");
- :mod:`~claimx.pipeline.attribution.according`, :mod:`~claimx.pipeline.attribution.colons`,
  :mod:`~claimx.pipeline.attribution.dashes`: "according to X", "Kerry: “...”",
  transcripts' "PENCE: ...", "“...” ― Jane Roe", a post signed "— Jane Roe
  (@janeroe)"; "in her words", "according to a statement by X";
- :mod:`~claimx.pipeline.attribution.nesting`: a cue inside what another statement
  reports belongs to that statement ("said he thinks ..." is one statement);
- :mod:`~claimx.pipeline.attribution.claims`: a statement needs content: a report
  whose object only names a topic ("cited the polls") or that asks a
  question ("asked whether ...") is marked so, no claim;
- :mod:`~claimx.pipeline.attribution.continuations`: quotations nobody claimed either
  continue the previous speaker's quote (the next sentence or paragraph, no
  other cue) or are scare quotes, titles and headings, which are not quotes.

The Doc's text, quotations and what the passes learn travel in one
:class:`~claimx.pipeline.attribution.context.Reading`; each statement is an
:class:`Attribution` (:mod:`~claimx.pipeline.attribution.statement`).
"""

from claimx.pipeline.attribution.passes import Attributor
from claimx.pipeline.attribution.sources import mention_span
from claimx.pipeline.attribution.statement import Attribution
from claimx.pipeline.attribution.words import wordless

__all__ = ["Attribution", "Attributor", "mention_span", "wordless"]
