"""Case headers parsed into Directive records, with run.go 1.19's flag rules."""

from __future__ import annotations

import pytest

from harness.directives import (
    CaseHeader,
    Directive,
    DirectiveError,
    parse_header,
    split_quoted,
)


def _header(src: str, explicit: bool = False) -> CaseHeader:
    h = parse_header(src, explicit=explicit)
    assert h is not None
    return h


def _directive(src: str) -> Directive:
    d = _header(src).directive
    assert d is not None
    return d


def test_split_quoted_as_go_build_documents_it() -> None:
    assert split_quoted('a b:"c d" \'e\'\'f\'  "g\\""') == ["a", "b:c d", "ef", 'g"']
    assert split_quoted("  ") == []
    assert split_quoted("x ''") == ["x", ""]


@pytest.mark.parametrize(("text", "msg"), [("a 'b", "unclosed quote"), ("a\\", "escaping")])
def test_split_quoted_errors(text: str, msg: str) -> None:
    with pytest.raises(ValueError, match=msg):
        split_quoted(text)


def test_errorcheck_flags() -> None:
    d = _directive("// errorcheck -0 -m -l -t 20 -d=ssa/check/on\n\npackage p\n")
    assert d == Directive(
        keyword="errorcheck",
        action="errorcheck",
        line=1,
        flags=("-m", "-l", "-d=ssa/check/on"),
        args=(),
        want_error=False,
        want_auto=False,
        single_file_pkgs=False,
        timeout=20,
        goexperiment=None,
    )


def test_errorcheck_wants_error_by_default_and_minus_one() -> None:
    assert _directive("// errorcheck\n\npackage p\n").want_error
    assert _directive("// compile -1\n\npackage p\n").want_error
    assert not _directive("// compile\n\npackage p\n").want_error


def test_errorcheckwithauto() -> None:
    d = _directive("// errorcheckwithauto -0 -live\n\npackage p\n")
    assert (d.keyword, d.action, d.want_auto, d.want_error) == (
        "errorcheckwithauto",
        "errorcheck",
        True,
        False,
    )
    assert d.flags == ("-live",)


def test_run_args_after_flags() -> None:
    d = _directive("// run -gcflags=-l other.go 'two words' -x\n\npackage main\n")
    assert d.flags == ("-gcflags=-l",)
    assert d.args == ("other.go", "two words", "-x")


def test_goexperiment_and_single_file_flags() -> None:
    d = _directive("// rundir -s -goexperiment fieldtrack -goexperiment x\n\npackage main\n")
    assert d.single_file_pkgs
    assert d.goexperiment == "fieldtrack,x"


def test_only_the_directive_line_is_read() -> None:
    d = _directive("// run\n// +build amd64\n// +build linux\n\npackage main\n")
    assert d.args == ()


def test_constraint_lines_before_directive() -> None:
    h = _header("// +build amd64,!gcflags_noopt\n// errorcheck -0 -m\n\npackage p\n")
    assert h.keyword == "errorcheck"
    assert h.line == 2
    assert h.directive is not None and h.directive.line == 2


def test_excluded_file_has_no_directive() -> None:
    h = _header("// run -t notanumber\n\n//go:build windows\n\npackage main\n")
    assert h.excluded == "//go:build windows"
    assert h.directive is None


@pytest.mark.parametrize(
    ("src", "line", "fragment"),
    [
        ("// run -t\n\npackage main\n", 1, "-t needs an argument"),
        ("// run -t 1.5\n\npackage main\n", 1, "need a positive number of seconds"),
        ("// run -t 0\n\npackage main\n", 1, "need a positive number of seconds"),
        ("// run -goexperiment\n\npackage main\n", 1, "needs an argument"),
        ("// run 'oops\n\npackage main\n", 1, "unclosed quote"),
        ("// runn\n\npackage main\n", 1, "unknown directive 'runn' (did you mean 'run'?)"),
        ("// +build linux\n// errorchek -0\n\npackage p\n", 2, "did you mean 'errorcheck'"),
        ("// run\npackage main\n", 1, "no blank line ends the directive header"),
        ("// run\n// refgo-only:\n\npackage main\n", 2, "refgo-only needs a reason"),
        ("// run\n\n//go:build (linux\n\npackage main\n", 3, "missing )"),
    ],
)
def test_malformed_headers(src: str, line: int, fragment: str) -> None:
    with pytest.raises(DirectiveError) as info:
        parse_header(src)
    assert info.value.line == line
    assert fragment in info.value.message


def test_non_cases_are_not_collected_when_walking() -> None:
    assert parse_header("// Copyright 2009 The Go Authors.\n\npackage p\n") is None
    assert parse_header("package main\n") is None
    assert parse_header("\n// run\n\npackage main\n") is None
    assert parse_header("// this file is a helper\n\npackage p\n") is None
    assert parse_header("// +build ignore\n\npackage main\n") is None


def test_explicit_files_must_have_a_directive() -> None:
    with pytest.raises(DirectiveError, match="unknown directive 'Copyright'"):
        parse_header("// Copyright 2009\n\npackage p\n", explicit=True)
    with pytest.raises(DirectiveError, match="no directive"):
        parse_header("package main\n", explicit=True)
    h = _header("// +build ignore\n\npackage main\n", explicit=True)
    assert h.excluded == "// +build ignore"


def test_refgo_only_reason() -> None:
    h = _header("// asmcheck\n// refgo-only: GNU syntax\n\npackage p\n")
    assert h.refgo_only == "GNU syntax"
    h = _header("// run\n\n// Copyright\n//refgo-only:  uses -d=convinline=0\n\npackage main\n")
    assert h.refgo_only == "uses -d=convinline=0"


def test_test_directive() -> None:
    d = _directive("// test -run TestEface\n\npackage p\n")
    assert (d.action, d.flags, d.args) == ("test", ("-run",), ("TestEface",))


def test_skip_directive_still_parses() -> None:
    h = _header("// skip\n\npackage p\n")
    assert h.keyword == "skip"
