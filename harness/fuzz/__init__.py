"""Differential fuzzing of refgo against gc: a program generator, a runner, a minimizer.

    >>> from harness.fuzz import generate
    >>> src = generate(7, "starter")      # deterministic: same seed, same program
    >>> src.splitlines()[0]
    '// run'

See harness/fuzz/gen.py for what programs look like and the guarantees they keep.
"""

from harness.fuzz.gen import FEATURES, SUBSETS, generate

__all__ = ["FEATURES", "SUBSETS", "generate"]
