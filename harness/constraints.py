"""Build constraints (`//go:build`, `// +build`) evaluated the way Go 1.19's test/run.go does.

A case file may carry build-constraint lines anywhere in its header before the
`package` clause. Each such line is one boolean expression over build tags; every
expression must hold for the case to run. run.go evaluates them for the toolchain it
was built with: linux/amd64, the tag `gc`, `cgo` when cgo is enabled, and the
`goexperiment.*` tool tags of its Go. Here the compiler under test supplies that
context (harness.compilers: gc's from `go list`, refgo's from refgo's own tags, gccgo
matches `gccgo` instead of `gc`); BuildContext() is Go 1.19's amd64 default with cgo
off. Release tags such as `go1.18` and `unix` do NOT match: run.go's matcher does not
know them.

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
from dataclasses import dataclass

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
    "BuildContext",
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


@dataclass(frozen=True, slots=True)
class BuildContext:
    """The build tags a compiler satisfies under run.go's matcher (matchString in run.go).

    toolchain is `gc` or `gccgo`; tool_tags are the `goexperiment.*` tags the compiler
    was built with; cgo says whether `cgo` holds.
    """

    toolchain: str = "gc"
    tool_tags: frozenset[str] = TOOL_TAGS
    cgo: bool = False

    def match(self, name: str) -> bool:
        """Reports whether build tag `name` holds for this compiler on linux/amd64."""
        if not buildcons.valid_tag(name):
            return False
        if name.startswith("goexperiment."):
            return name in self.tool_tags
        if name == "cgo":
            return self.cgo
        return name in (GOOS, GOARCH, self.toolchain, "test_run")


_DEFAULT = BuildContext()


def match_tag(name: str) -> bool:
    """Reports whether build tag `name` is satisfied on linux/amd64 gc, cgo off (run.go 1.19)."""
    return _DEFAULT.match(name)


def evaluate(x: Expr, match: Callable[[str], bool] = match_tag) -> bool:
    """Evaluates a constraint expression with `match` deciding each tag (run.go's default)."""
    return buildcons.evaluate(x, match)


def exclusion(src: str, match: Callable[[str], bool] = match_tag) -> str | None:
    """Returns the first constraint line of `src`'s header that excludes the file, else None.

    The header is every line before the first line starting with `package `,
    as in run.go's shouldTest.
    """
    return buildcons.exclusion(src, match)
