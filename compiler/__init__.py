"""refgo's compiler (README.md, docs/internals.md)."""

import gc
import os
import sys

from compiler import accel, dccache

GC_THRESHOLDS = (1_000_000, 20, 100)
"""Cyclic-GC thresholds for a refgo process. The compiler keeps large trees alive for the
whole run while allocating many small objects, and frees nearly all of them by reference
counting: it makes almost no cyclic garbage (do NOT write recursive closures in the
passes: each call leaves a cycle that holds its frame's objects). A collection only
scans objects still alive since the last one, so a high first threshold lets the
short-lived ones go unscanned: with CPython's defaults (700, 10, 10) the collector took
about a quarter of a 50k-line compile, with (50_000, 20, 100) 0.1 s of a 10,000-line
compile's 2.5, with these nothing measurable, at the same peak memory
(bench/compilespeed.py). A refgo process (`refgo`, `python -m compiler`) sets them before
importing the rest of the compiler: creating its modules' classes ran 70 collections
(6 ms of every build)."""

if sys.orig_argv[1:3] == ["-m", "compiler"] or (
        len(sys.orig_argv) > 1 and os.path.basename(sys.orig_argv[1]) == "refgo"):
    gc.set_threshold(*GC_THRESHOLDS)

dccache.install()
accel.install()
