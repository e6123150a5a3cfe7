"""Root conftest: loads the refgo harness plugin when pytest runs inside the repository,
and gives the suite's processes a refgo process's cyclic-GC thresholds.

The same plugin module is registered by the `pytest11` entry point named
`harness.plugin`, so pytest loads it once either way. The thresholds are this
project's, not the plugin's: the suite compiles whole programs in-process, and with
CPython's defaults the collector rescans their trees (compiler.GC_THRESHOLDS);
tests/test_units.py took 62 s of CPU with the defaults, 52 s with these.
"""

import gc

import compiler

pytest_plugins = ["harness.plugin"]

gc.set_threshold(*compiler.GC_THRESHOLDS)
