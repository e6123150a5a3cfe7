"""Differential fuzzing: refgo must build and run each generated program exactly as gc does.

Runs only when selected by marker: `pytest -m fuzz` (in the default suite it is one
skipped item). Knobs, read from the environment so every xdist worker collects the
same seeds:

    REFGO_FUZZ_COUNT=500      number of programs (seeds BASE .. BASE+COUNT-1)
    REFGO_FUZZ_SEED=0         BASE
    REFGO_FUZZ_SUBSET=full    or "starter" (ints, bools, strings, funcs, if/for, println)
    REFGO_FUZZ_WITHOUT=       comma-separated features to leave out, e.g. "defer"
    REFGO_FUZZ_MINIMIZE=1     0 saves a mismatching program without minimizing it

A mismatch is minimized and saved as out/fuzz/mismatch-<seed>.go (with gc's output in
mismatch-<seed>.out beside it) and the test fails naming that file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from harness.fuzz import generate
from harness.fuzz.run import compare, find_go
from harness.fuzz.session import save_mismatch, shrink

pytestmark = pytest.mark.fuzz


def _selected(config: pytest.Config) -> bool:
    """Reports whether the marker expression asks for fuzz tests."""
    expr = str(config.option.markexpr or "")
    return "fuzz" in expr and "not fuzz" not in expr


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrizes by seed under -m fuzz; otherwise yields one skipped item."""
    if "seed" not in metafunc.fixturenames:
        return
    if not _selected(metafunc.config):
        off = pytest.param(0, marks=pytest.mark.skip(reason="differential fuzzing: use -m fuzz"))
        metafunc.parametrize("seed", [off], ids=["off"])
        return
    base = int(os.environ.get("REFGO_FUZZ_SEED", "0"))
    count = int(os.environ.get("REFGO_FUZZ_COUNT", "500"))
    metafunc.parametrize("seed", range(base, base + count))


def test_refgo_matches_gc(seed: int, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if find_go() is None:
        pytest.skip("Go (gc) is not installed")
    subset = os.environ.get("REFGO_FUZZ_SUBSET", "full")
    without = [w for w in os.environ.get("REFGO_FUZZ_WITHOUT", "").split(",") if w]
    src = generate(seed, subset, without)
    c = compare(src, tmp_path / "run")
    assert c.gc.status == "ok" and c.gc.exit == 0, (
        f"gc did not build and run seed {seed} cleanly ({c.gc.status}, exit {c.gc.exit}): "
        f"a generator bug or a broken Go toolchain:\n"
        f"{c.gc.output[:2000]}"
    )
    if c.same:
        return
    if os.environ.get("REFGO_FUZZ_MINIMIZE", "1") != "0":
        src, c = shrink(src, c, tmp_path / "shrink")
    path = save_mismatch(request.config.rootpath / "out" / "fuzz", seed, src, c)
    pytest.fail(f"refgo differs from gc on seed {seed}: {c.describe()}\n  saved: {path}",
                pytrace=False)
