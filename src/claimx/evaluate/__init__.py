"""How well claimx does: :mod:`.polnear` scores quotes against PolNeAR's
attributions (``claimx eval``), :mod:`.timeml` dates against TimeML
(``claimx eval --dates``), :mod:`.speakers` speakers against a hand-checked
set, :mod:`.golden` checks the samples' golden files (``claimx check``). May
import :mod:`claimx.read`, :mod:`claimx.pipeline`, :mod:`claimx.records`,
:mod:`claimx.acts` and :mod:`claimx.lexicon`; never the writers or the CLI.
"""
