"""Build constraints (`//go:build`, `// +build`) evaluated the way Go 1.19's test/run.go does.

A case file may carry build-constraint lines anywhere in its header before the
`package` clause. Each such line is one boolean expression over build tags; every
expression must hold for the case to run. run.go evaluates them for one fixed
configuration, and so do we: linux/amd64, the gc toolchain, cgo off, and the
GOEXPERIMENT tags Go 1.19 enables by default on amd64. Release tags such as
`go1.18` and `unix` do NOT match: run.go's matcher does not know them.

The parser and evaluator are the compiler's (`compiler/buildcons.py`, re-exported
here); this module adds only run.go's tag matcher. Do NOT use refgo's own tags
(`buildcons.match_refgo`) for cases: a case is excluded for gc and refgo alike.

Example:

    >>> exclusion("// run\\n\\n//go:build linux && !cgo\\n\\npackage main\\n")
    >>> exclusion("// +build arm 386\\n// run\\n\\npackage main\\n")
    '// +build arm 386'

The first call returns None (the file runs); the second returns the line that
excludes it, which the plugin reports as the skip reason.
"""

from __future__ import annotations

from collections.abc import Callable

from compiler import buildcons
from compiler.buildcons import (
    GOARCH,
    GOOS,
    And,
    ConstraintError,
    Expr,
    Not,
    Or,
    Tag,
    parse_line,
)

__all__ = [
    "GOARCH",
    "GOOS",
    "TOOL_TAGS",
    "And",
    "ConstraintError",
    "Expr",
    "Not",
    "Or",
    "Tag",
    "evaluate",
    "exclusion",
    "match_tag",
    "parse_line",
]

TOOL_TAGS = frozenset({"goexperiment.regabiwrappers", "goexperiment.regabiargs"})


def match_tag(name: str) -> bool:
    """Reports whether build tag `name` is satisfied on linux/amd64 gc, cgo off (run.go 1.19)."""
    if not buildcons.valid_tag(name):
        return False
    if name.startswith("goexperiment."):
        return name in TOOL_TAGS
    return name in (GOOS, GOARCH, "gc", "test_run")


def evaluate(x: Expr, match: Callable[[str], bool] = match_tag) -> bool:
    """Evaluates a constraint expression with `match` deciding each tag (run.go's default)."""
    return buildcons.evaluate(x, match)


def exclusion(src: str, match: Callable[[str], bool] = match_tag) -> str | None:
    """Returns the first constraint line of `src`'s header that excludes the file, else None.

    The header is every line before the first line starting with `package `,
    as in run.go's shouldTest.
    """
    return buildcons.exclusion(src, match)
