"""Runs on a Dask cluster: :mod:`.partitions` cuts the inputs into partitions
that workers read on their own (no Dask in it), :mod:`.run` submits them,
writes each partition's output and note, and the manifest. May import
:mod:`claimx.read`, :mod:`claimx.pipeline`, :mod:`claimx.write`,
:mod:`claimx.records`, :mod:`claimx.acts` and :mod:`claimx.signals`; never the CLI.
"""
