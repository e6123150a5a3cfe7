"""Turning a mismatch into a saved, minimized case file (shared by the CLI and pytest).

A mismatch keeps its *kind* while it is minimized: kind(c) is refgo's status and
whether its exit status and output match gc's, so a program that made refgo fail to
compile is only reduced to smaller programs that make refgo fail to compile, while
gc still builds and runs them with exit 0.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from harness.fuzz.minimize import minimize, repair_unused
from harness.fuzz.run import Comparison, compare, gc_errors

MAX_CHECKS = 1000
MAX_SECONDS = 300.0


def kind(c: Comparison) -> tuple[str, bool, bool]:
    """Returns the class of a comparison that minimization must preserve."""
    return (c.refgo.status, c.refgo.exit == c.gc.exit, c.refgo.output == c.gc.output)


def minimize_mismatch(src: str, c: Comparison, work: Path) -> str:
    """Returns a smaller program showing the same kind of mismatch as c (src if none)."""
    want = kind(c)
    counter = itertools.count()

    def check(cand: str) -> str | None:
        w = work / str(next(counter))
        errors = gc_errors(cand, w)
        if errors is not None:
            fixed = repair_unused(cand, errors)
            if fixed is None or gc_errors(fixed, w) is not None:
                return None
            cand = fixed
        r = compare(cand, w)
        gc_ok = r.gc.status == "ok" and r.gc.exit == 0
        return cand if gc_ok and not r.same and kind(r) == want else None

    small = minimize(src, check, max_checks=MAX_CHECKS, max_seconds=MAX_SECONDS)
    return re.sub(r"\n{3,}", "\n\n", small)


def shrink(src: str, c: Comparison, work: Path) -> tuple[str, Comparison]:
    """Returns a minimized program with the same kind of mismatch and its comparison.

    Falls back to (src, c) when the minimized program does not reproduce on a re-run.
    """
    small = minimize_mismatch(src, c, work / "min")
    c2 = compare(small, work / "final")
    if c2.gc.status == "ok" and c2.gc.exit == 0 and not c2.same and kind(c2) == kind(c):
        return small, c2
    return src, c


def save_mismatch(out: Path, seed: int, src: str, c: Comparison) -> Path:
    """Writes out/mismatch-<seed>.go with gc's expected output beside it; returns the path."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"mismatch-{seed}.go"
    note = f"// fuzz seed {seed}: {c.describe()}".replace("\n", " ")
    lines = src.split("\n")
    at = lines.index("") + 1 if "" in lines else 0
    path.write_text("\n".join(lines[:at] + [note, ""] + lines[at:]), encoding="utf-8")
    path.with_suffix(".out").write_text(c.gc.output, encoding="utf-8")
    return path
