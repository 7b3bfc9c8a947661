"""Articles in: everything claimx knows about an article before the model
runs. :mod:`.inputs` defines :class:`~.inputs.Article`, :class:`~.inputs.InputError`
and :class:`~.inputs.Notice` and reads files (text, HTML and MHTML pages, JSON
Lines and CSV corpora, standard input); :mod:`.sources` walks paths, globs and
URL lists and hands each input to its reader (:mod:`.fetch` for web pages,
:mod:`.warc` for web archives, :mod:`.feeds` for RSS/Atom feeds and sitemaps);
:mod:`.pages` finds a page's text, :mod:`.unwrap` mends hard-wrapped text,
:mod:`.language` tells the article's language, :mod:`.fingerprint` marks
near-duplicate texts. May import only ``claimx`` itself (the version) and
:mod:`claimx.recordfiles` (claimx's own files read back, for ``--feed``): no
spaCy, no record, no writer.
"""
