"""How the C allocator serves the parse: a process that runs claimx's
pipeline over many articles asks glibc's ``malloc`` to keep the memory a
batch frees for the next batch instead of handing it back to the system.

spaCy's parse allocates its arrays afresh for every batch, many of them a few
megabytes. glibc serves an allocation over its *mmap threshold* (128 KiB at
first, raised as such blocks are freed) with a fresh mapping, and returns the
free top of its heap to the system past its *trim threshold*; either way the
next batch's arrays land on pages the kernel must fault in and zero again.
On 300 PolNeAR articles with one worker that was about 570,000 page faults,
4-5 s of system time in a 40 s run. With the thresholds fixed at 32 MiB (the
largest glibc takes) and 256 MiB, the faults fall to 70,000-100,000, the
system time to about 1.2 s and the run is about 10 % faster; peak memory is
unchanged (the memory is the parse's own, held between batches instead of
fetched again). A trim threshold of 128 MiB saved only half the faults: the
top of the heap a batch frees is often larger.

Only the processes that parse call :func:`tune` (the command line before it
loads the model, a cluster worker before it loads its own); a program that
imports claimx as a library keeps its allocator as it is. Nothing is changed
where the C library is not glibc, nor where the user set these thresholds
(``MALLOC_MMAP_THRESHOLD_``, ``MALLOC_TRIM_THRESHOLD_`` or ``GLIBC_TUNABLES``).
A worker a Dask nanny starts (``dask worker``, a remote cluster) keeps Dask's
own setting: the nanny sets ``MALLOC_TRIM_THRESHOLD_`` for it, so the
worker's call changes nothing. The workers of ``--scheduler local`` on Linux
are forked from the command line's process, as ``--workers N`` are, and
share its thresholds: each may hold up to 256 MiB the parse freed, against
a memory limit of the machine's memory shared among them.
"""

from __future__ import annotations

import ctypes
import os
import sys

MMAP_THRESHOLD = 32 << 20  # allocations under this come from the heap (glibc's maximum)
TRIM_THRESHOLD = 256 << 20  # free heap kept up to this for the next batch

# mallopt's parameter numbers (glibc's malloc.h)
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3

USER_SETTINGS = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES")

_TUNED = False


def tune() -> bool:
    """Set the thresholds once per process; whether they are set (False off
    glibc, or where the user set them)."""
    global _TUNED
    if _TUNED:
        return True
    if not sys.platform.startswith("linux") or any(name in os.environ for name in USER_SETTINGS):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library already loaded
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    # musl and other C libraries without these parameters answer 0: nothing changed
    _TUNED = bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))
    return _TUNED
