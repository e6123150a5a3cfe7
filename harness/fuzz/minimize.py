"""A line-based minimizer for generated programs (one statement or header per line).

minimize(src, check) repeatedly deletes a span of lines and keeps the result when
check(candidate) accepts it: check returns the program to keep (the candidate, or a
repaired version of it, see repair_unused) or None. check is expected to reject
programs that no longer compile under gc, so every kept step is a valid program. Spans tried at
line i, largest first: the line with its more-indented children and the closing line
of its brace (a whole `if`, loop, function or case clause), the line with its
children, the line alone. For example

    if (x > 0) {            ← span 1 removes these three lines,
        println(x)
    }
    println("v0", v0)       ← and this one alone goes when the mismatch survives it.

Deletions are tried top to bottom, first only spans of two or more lines (whole
functions and blocks go early and cheaply), then every span; each phase repeats its
passes until none succeeds, or until the check budget runs out.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip("\t"))


def spans(lines: list[str], i: int) -> list[tuple[int, int]]:
    """Returns the candidate deletions [start, end) at line i, largest first."""
    if not lines[i].strip() or lines[i].startswith(("package ", "// run")):
        return []
    ind = _indent(lines[i])
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or _indent(lines[j]) > ind):
        j += 1
    out: list[tuple[int, int]] = []
    opens = lines[i].rstrip().endswith("{") and not lines[i].lstrip().startswith("}")
    if opens and j < len(lines) and _indent(lines[j]) == ind and lines[j].lstrip().startswith("}"):
        k = j
        # An if's closing line may continue the chain (`} else {`): take the whole chain.
        while k < len(lines) and lines[k].rstrip().endswith("{"):
            k += 1
            while k < len(lines) and (not lines[k].strip() or _indent(lines[k]) > ind):
                k += 1
        if k < len(lines):
            out.append((i, k + 1))
    if j > i + 1:
        out.append((i, j))
    out.append((i, i + 1))
    return out


def minimize(
    src: str,
    check: Callable[[str], str | None],
    *,
    max_checks: int = 500,
    max_seconds: float = 600.0,
) -> str:
    """Returns a smaller program that check accepted (src itself if none is found).

    check is called at most max_checks times and no new check starts after
    max_seconds.
    """
    lines = src.split("\n")
    checks = 0
    deadline = time.monotonic() + max_seconds
    for min_size in (2, 1):
        changed = True
        while changed:
            changed = False
            i = 0
            while i < len(lines):
                for a, b in spans(lines, i):
                    if b - a < min_size:
                        continue
                    if checks >= max_checks or time.monotonic() > deadline:
                        return "\n".join(lines)
                    checks += 1
                    kept = check("\n".join(lines[:a] + lines[b:]))
                    if kept is not None:
                        lines = kept.split("\n")
                        changed = True
                        break
                else:
                    i += 1
    return "\n".join(lines)


_UNUSED = re.compile(r"^[^:\n]*:(\d+):\d+: (\w+) declared but not used$", re.M)


def repair_unused(src: str, errors: str) -> str | None:
    """Returns src with `_ = x` after each declaration gc called unused, or None if none.

    errors is gc's output for src; only "x declared but not used" messages are repaired,
    so deleting the last reader of a variable does not make a deletion invalid.
    """
    lines = src.split("\n")
    fixes = sorted({(int(m.group(1)), m.group(2)) for m in _UNUSED.finditer(errors)},
                   reverse=True)
    if not fixes:
        return None
    for ln, name in fixes:
        if not 1 <= ln <= len(lines):
            return None
        decl = lines[ln - 1]
        pad = decl[: len(decl) - len(decl.lstrip("\t"))]
        if decl.rstrip().endswith("{"):
            pad += "\t"
        lines.insert(ln, f"{pad}_ = {name}")
    return "\n".join(lines)
