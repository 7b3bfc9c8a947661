"""Across articles (``claimx corpus``): :mod:`.build` merges speakers into
people and quotes into claims, plain logic over claimx/1 records;
:mod:`.sqlite` writes the database (``-f sqlite``) and reads it back;
:mod:`.stores` reads records back from a database or a folder of JSON Lines
(the files parsed by :mod:`claimx.recordfiles`);
:mod:`.summary` prints the corpus summary; :mod:`.datasette` writes the
database's Datasette metadata. May import :mod:`claimx.read` (its
errors), :mod:`claimx.records`, :mod:`claimx.lexicon`, :mod:`claimx.recordfiles`
and :mod:`claimx.write`;
never the pipeline: a corpus is built without spaCy.
"""
