"""Build constraints evaluated for linux/amd64 gc, cgo off, as Go 1.19's run.go does."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from harness.constraints import (
    And,
    ConstraintError,
    Not,
    Or,
    Tag,
    evaluate,
    exclusion,
    match_tag,
    parse_line,
)


def _for(goos: str, goarch: str) -> Callable[[str], bool]:
    return lambda name: name in (goos, goarch, "gc")


@pytest.mark.parametrize(
    ("line", "goos", "goarch", "want"),
    [
        # The facts run.go checks about its own shouldTest, on other configurations.
        ("// +build linux", "linux", "arm", True),
        ("// +build !windows", "linux", "arm", True),
        ("// +build !windows", "windows", "amd64", False),
        ("// +build arm 386", "linux", "amd64", False),
        ("// +build !windows,!plan9", "windows", "amd64", False),
        ("// +build !windows,!plan9", "plan9", "386", False),
        ("// +build !windows !plan9", "windows", "amd64", True),
    ],
)
def test_plus_build_lines(line: str, goos: str, goarch: str, want: bool) -> None:
    expr = parse_line(line)
    assert expr is not None
    assert evaluate(expr, _for(goos, goarch)) is want


def test_plus_build_structure() -> None:
    assert parse_line("// +build a,!b c") == Or(And(Tag("a"), Not(Tag("b"))), Tag("c"))
    assert parse_line("//+build linux") == Tag("linux")
    assert parse_line("// +build") == Tag("ignore")
    assert parse_line("// +build !!x") == Tag("ignore")
    assert parse_line("// +buildx linux") is None
    assert parse_line("// see +build below") is None


def test_go_build_precedence() -> None:
    assert parse_line("//go:build a || b && !c") == Or(Tag("a"), And(Tag("b"), Not(Tag("c"))))
    assert parse_line("//go:build (a || b) && c") == And(Or(Tag("a"), Tag("b")), Tag("c"))
    assert parse_line("//go:buildx linux") is None
    assert parse_line("// go:build linux") is None


@pytest.mark.parametrize(
    "line",
    ["//go:build a &&", "//go:build !!a", "//go:build (a", "//go:build a b", "//go:build a$"],
)
def test_go_build_syntax_errors(line: str) -> None:
    with pytest.raises(ConstraintError) as info:
        parse_line(line, 7)
    assert info.value.line == 7


@pytest.mark.parametrize(
    ("tag", "want"),
    [
        ("linux", True),
        ("amd64", True),
        ("gc", True),
        ("test_run", True),
        ("goexperiment.regabiargs", True),
        ("goexperiment.regabiwrappers", True),
        ("goexperiment.unified", False),
        ("cgo", False),
        ("gccgo", False),
        ("unix", False),  # run.go's matcher does not know `unix`
        ("go1.18", False),  # nor release tags
        ("windows", False),
        ("arm64", False),
        ("gcflags_noopt", False),
        ("bad-tag", False),
    ],
)
def test_match_tag(tag: str, want: bool) -> None:
    assert match_tag(tag) is want


def test_exclusion_returns_the_offending_line() -> None:
    src = "// run\n\n//go:build linux && !cgo\n// +build amd64,!gccgo\n\npackage main\n"
    assert exclusion(src) is None
    src = "// run\n\n//go:build (386 || arm) && !cgo\n\npackage main\n"
    assert exclusion(src) == "//go:build (386 || arm) && !cgo"
    src = "// +build !windows\n// +build arm64\n// run\n\npackage main\n"
    assert exclusion(src) == "// +build arm64"


def test_exclusion_stops_at_package_clause() -> None:
    src = "// run\n\npackage main\n\n// +build windows\n"
    assert exclusion(src) is None


def test_exclusion_reports_malformed_go_build() -> None:
    with pytest.raises(ConstraintError) as info:
        exclusion("// run\n\n//go:build linux &&\n\npackage main\n")
    assert info.value.line == 3
