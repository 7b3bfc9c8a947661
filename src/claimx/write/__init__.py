"""Records out: :mod:`.formats` names the formats and tables, :mod:`.writers`
streams records as YAML, JSON, JSON Lines and CSV/TSV into files written
atomically, :mod:`.review` renders the HTML review page, :mod:`.terminal` the
``claimx show`` view, :mod:`.parquet` the Parquet tables, :mod:`.store` puts
output files in a local folder (``-o DIR/``) or any fsspec location
(``s3://``, ``file://``) atomically, :mod:`.sinks` chooses where records go. Writers see records
as plain data: may import :mod:`claimx.records`, :mod:`claimx.acts` and
:mod:`claimx.signals` (a stop never falls between creating a temporary file
and noting its name) and :mod:`claimx.recordfiles` (which source a file of
``-o DIR/`` keeps) only (and :mod:`claimx.corpus` for type hints); never the pipeline, so writing
never loads spaCy. The SQLite database is the corpus's store:
:mod:`claimx.corpus.sqlite`.
"""
