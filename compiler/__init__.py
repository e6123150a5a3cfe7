"""refgo's compiler (README.md, docs/internals.md)."""

import gc
import os
import sys

from compiler import accel, dccache

GC_THRESHOLDS = (50_000, 20, 100)
"""Cyclic-GC thresholds for a refgo process. The compiler keeps large trees alive for the
whole run while allocating many small objects, so with CPython's defaults (700, 10, 10)
the collector keeps rescanning them: about a quarter of the time of a 50k-line compile
(bench/compilespeed.py). Collecting less often leaves peak memory about the same. A
refgo process (`refgo`, `python -m compiler`) sets them before importing the rest of the
compiler: creating its modules' classes ran 70 collections (6 ms of every build)."""

if sys.orig_argv[1:3] == ["-m", "compiler"] or (
        len(sys.orig_argv) > 1 and os.path.basename(sys.orig_argv[1]) == "refgo"):
    gc.set_threshold(*GC_THRESHOLDS)

dccache.install()
accel.install()
