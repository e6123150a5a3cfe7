"""compiler/buildcons.py: go/build's file rules and refgo's tags (run.go's are in
test_constraints.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler import buildcons, driver, gotest
from compiler.buildcons import ConstraintError, file_ok, match_refgo, name_ok


@pytest.mark.parametrize(
    ("tag", "want"),
    [
        ("refgo", True),
        ("linux", True),
        ("amd64", True),
        ("unix", True),
        ("go1.1", True),
        ("go1.19", True),
        ("go1.20", False),
        ("gc", False),
        ("gccgo", False),
        ("cgo", False),
        ("windows", False),
        ("ignore", False),
    ],
)
def test_refgo_tags(tag: str, want: bool) -> None:
    assert match_refgo(tag) is want


@pytest.mark.parametrize(
    ("src", "want"),
    [
        ("//go:build refgo\n\npackage p\n", True),
        ("//go:build !refgo\n\npackage p\n", False),
        ("//go:build ignore\n\npackage p\n", False),
        ("// Copyright\n\n//go:build linux && (amd64 || arm64)\n\npackage p\n", True),
        ("/* block\n   comment */\n//go:build windows\n\npackage p\n", False),
        # //go:build controls: +build lines are then ignored.
        ("//go:build refgo\n// +build ignore\n\npackage p\n", True),
        # Every +build line must hold.
        ("// +build linux\n// +build gc\n\npackage p\n", False),
        ("// +build linux,amd64 windows\n// +build unix\n\npackage p\n", True),
        # A +build line not followed by a blank line is documentation, not a constraint.
        ("// +build ignore\npackage p\n", True),
        # Constraints after the leading comment block do not count.
        ("package p\n\n//go:build ignore\n", True),
        ("package p // +build ignore\n\n// +build ignore\n", True),
        ("", True),
    ],
)
def test_file_ok(src: str, want: bool) -> None:
    assert file_ok(src) is want


def test_file_ok_custom_match() -> None:
    src = "//go:build gc\n\npackage p\n"
    assert file_ok(src) is False
    assert file_ok(src, lambda tag: tag == "gc") is True


@pytest.mark.parametrize(
    ("src", "line", "message"),
    [
        ("// x\n//go:build linux &&\n\npackage p\n", 2,
         "parsing //go:build line: unexpected end of expression"),
        ("//go:build linux\n//go:build amd64\n\npackage p\n", 2,
         "multiple //go:build comments"),
    ],
)
def test_file_ok_errors(src: str, line: int, message: str) -> None:
    with pytest.raises(ConstraintError) as info:
        file_ok(src)
    assert (info.value.line, info.value.message) == (line, message)


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("x.go", True),
        ("x_linux.go", True),
        ("x_windows.go", False),
        ("x_amd64_test.go", True),
        ("x_linux_arm64.go", False),
        ("x_darwin_amd64.go", False),
        ("linux.go", True),
        ("x_mips64p32le.go", False),
    ],
)
def test_name_ok(name: str, want: bool) -> None:
    assert name_ok(name) is want


def test_exclusion_uses_the_given_matcher() -> None:
    src = "// run\n\n// +build refgo\n\npackage main\n"
    assert buildcons.exclusion(src, match_refgo) is None
    assert buildcons.exclusion(src, lambda tag: False) == "// +build refgo"


def test_driver_build_ok_uses_buildcons() -> None:
    assert driver.build_ok(b"// +build !refgo\n\npackage p\n") is False
    assert driver.build_ok(b"//go:build refgo && unix\n\npackage p\n") is True
    assert driver.build_ok(b"//go:build gc\n\npackage p\n", frozenset({"gc"})) is True


def test_gotest_filters_and_refuses_by_buildcons(tmp_path: Path) -> None:
    (tmp_path / "a.go").write_text("package a\n")
    (tmp_path / "b.go").write_text("// +build gc\n\npackage a\n")
    (tmp_path / "c_windows.go").write_text("package a\n")
    (tmp_path / "d.go").write_text("//go:build refgo && go1.19\n\npackage a\n")
    pkg = gotest.resolve(str(tmp_path))
    assert [Path(f).name for f in pkg.files] == ["a.go", "d.go"]
    (tmp_path / "e.go").write_text("//go:build (refgo\n\npackage a\n")
    with pytest.raises(gotest.TestUsageError) as info:
        gotest.resolve(str(tmp_path))
    assert str(info.value) == f"{tmp_path / 'e.go'}: parsing //go:build line: missing )"
