"""Articles to records through spaCy: :mod:`.nlp` loads the model and adds
the components, :mod:`.components` defines them (registered as
``spacy_factories``), :mod:`.extract` runs them over a stream of articles and
builds a :class:`claimx.records.ArticleRecord` per article, :mod:`.segments`
cuts long texts and merges their records, :mod:`.quotemarks` pairs quotation
marks on the raw text. The rules the components run live in
:mod:`.attribution` (who said what), :mod:`.speakers` (who the speakers are)
and :mod:`.dates` (when), a package per concern with its passes listed once.
May import :mod:`claimx.read`, :mod:`claimx.records`, :mod:`claimx.acts`,
:mod:`claimx.lexicon` and :mod:`claimx.signals`; never the writers, the corpus,
the cluster or the CLI.
"""
