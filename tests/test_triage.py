"""Tests of conformance/triage.py: causes derived from failure messages, the list file."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance import triage
from harness import conformance

LIB_FLAG = "refgo's library has no package flag yet"
REPRO = "\n\nreproduce (local toolchain):\n  cd /tmp/x && refgo build a.go"


def _f(text: str, directive: str = "run", case: str = "a.go") -> triage.Failure:
    title = f"/usr/share/go-1.19/test/{case}: // {directive} failed (compiler refgo)\n"
    return triage.Failure(case, directive, title + text + REPRO)


@pytest.mark.parametrize(
    ("text", "directive", "want"),
    [
        (
            "build failed: exit status 1\n"
            "a.go:9:2: refgo's library has no package flag yet\n"
            "a.go:3:2: refgo's library has no package text/template yet\n"
            "a.go:12:3: undefined: flag",
            "run",
            ("package", "missing package flag, text/template"),
        ),
        (
            "build failed: exit status 1\na.go:5:9: refgo's library has no os.Chtimes yet",
            "run",
            ("member", "missing os.Chtimes"),
        ),
        (
            "build failed: exit status 1\na.go:5:9: reflect.ValueOf(p).Elem().UnsafeAddr"
            " undefined (type reflect.Value has no field or method UnsafeAddr)\n"
            "a.go:6:2: undefined: unsafe.Add",
            "run",
            ("member", "missing reflect.Value.UnsafeAddr, unsafe.Add"),
        ),
        (
            "timed out after 90s running /tmp/w/case-1/a.exe\n",
            "run",
            ("timeout", "timeout (90s) in the program"),
        ),
        (
            "timed out after 90s running refgo build -o a.exe a.go\n",
            "run",
            ("timeout", "timeout (90s) in the compiler"),
        ),
        (
            "compile failed: exit status 2\na.go:7:1: internal compiler error: bad op\n",
            "compile",
            ("ice", "internal compiler error: bad op"),
        ),
        (
            "compile failed: exit status 1\na.go:7:14: cannot use x (variable of type int) as "
            "string value in assignment\n",
            "compile",
            ("rejected", "cannot use x (variable of type int) as string value in assignment"),
        ),
        (
            "compilation succeeded unexpectedly\n",
            "errorcheck",
            ("accepted", "invalid program accepted"),
        ),
        (
            'a.go:12: missing error "cannot assign"\nUnmatched Errors:\na.go:3:1: other',
            "errorcheck",
            ("diag", 'line 12: missing error "cannot assign"'),
        ),
        (
            "a.go:12: no match for `declared and not used` in:\n\ta.go:12:2: x declared but"
            " not used",
            "errorcheck",
            ("diag", "line 12: want `declared and not used`, got x declared but not used"),
        ),
        (
            "Unmatched Errors:\na.go:4:6: misplaced compiler directive",
            "errorcheck",
            ("diag", "unexpected error: misplaced compiler directive"),
        ),
        (
            "exit status 2\nhello\npanic: runtime error: index out of range [5] with length 3"
            "\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/x/a.go:5 +0x1d",
            "run",
            ("crash", "panic: runtime error: index out of range [5] with length 3"),
        ),
        (
            "compile failed: exit status 1\n/usr/share/go-1.19/test/a.go:80:9: refgo does not"
            " support runtime function Test with more than 6 words yet\n",
            "compile",
            (
                "unsupported",
                "refgo does not support runtime function Test with more than 6 words yet",
            ),
        ),
        (
            "signal: segmentation fault\n",
            "run",
            ("crash", "signal: segmentation fault"),
        ),
        (
            "output does not match expected in a.out\n--- a.out (expected)\n+++ actual output\n"
            "@@ -1,2 +1,2 @@\n ok\n-3.5\n+3.4999\n",
            "run",
            ("output", "wrong output: want '3.5', got '3.4999'"),
        ),
        (
            "a.go:21: linux/amd64/: opcode not found: \"MOVQ\\t\\$0\"",
            "asmcheck",
            ("asm", 'linux/amd64/: opcode not found: "MOVQ\\t\\$0"'),
        ),
    ],
)
def test_classify(text: str, directive: str, want: tuple[str, str]) -> None:
    assert triage.classify(_f(text, directive)) == want


def test_causes_are_short_and_free_of_addresses() -> None:
    text = "exit status 2\npanic: bad pointer 0xc000012345 in goroutine 17 " + "x" * 200
    group, cause = triage.classify(_f(text))
    assert group == "crash"
    assert "0xc000012345" not in cause and "goroutine 17" not in cause
    assert len(cause) <= 90


def _junit(tmp: Path, cases: list[tuple[str, str, str | None]]) -> Path:
    rows = []
    for case, kw, failure in cases:
        body = f"<failure message='m'>{failure}</failure>" if failure else ""
        rows.append(
            f"<testcase classname='x' name='{case}'><properties>"
            f"<property name='conformance.case' value='{case}'/>"
            f"<property name='conformance.directive' value='{kw}'/>"
            f"</properties>{body}</testcase>"
        )
    p = tmp / "r.xml"
    p.write_text(f"<testsuites><testsuite>{''.join(rows)}</testsuite></testsuites>")
    return p


def test_main_writes_a_parseable_grouped_list(tmp_path: Path) -> None:
    report = _junit(
        tmp_path,
        [
            ("b.go", "run", "build failed: exit status 1\nb.go:1:1: " + LIB_FLAG),
            ("a.go", "run", None),
            ("c.go", "errorcheck", "compilation succeeded unexpectedly"),
            ("d.go", "errorcheck", "compilation succeeded unexpectedly"),
        ],
    )
    out = tmp_path / "known.txt"
    out.write_text("d.go  needs the checker of issue 25\na.go  fixed since\nc.go  package x\n")
    assert triage.main([str(report), "--output", str(out)]) == 0
    text = out.read_text()
    causes = conformance.parse_known_failures(out, text)
    # a.go passed: dropped; d.go keeps its hand-written cause; b.go and c.go (a stale
    # library cause) derived.
    assert causes == {
        "b.go": "missing package flag",
        "c.go": "invalid program accepted",
        "d.go": "needs the checker of issue 25",
    }
    assert text.index("# library: package missing") < text.index("# invalid program accepted")
    # Regenerating from the same inputs gives the same file.
    assert triage.main([str(report), "--output", str(out)]) == 0
    assert out.read_text() == text
    assert triage.main([str(report), "--output", str(out), "--rederive"]) == 0
    again = conformance.parse_known_failures(out, out.read_text())
    assert again["d.go"] == "invalid program accepted"


def test_a_later_report_decides_the_cases_it_ran(tmp_path: Path) -> None:
    first = _junit(
        tmp_path,
        [
            ("a.go", "run", "build failed: exit status 1\na.go:1:1: " + LIB_FLAG),
            ("b.go", "errorcheck", "compilation succeeded unexpectedly"),
        ],
    )
    first = first.rename(tmp_path / "first.xml")
    unmatched = "Unmatched Errors:\nb.go:3:1: x"
    rerun = _junit(tmp_path, [("a.go", "run", None), ("b.go", "errorcheck", unmatched)])
    out = tmp_path / "known.txt"
    out.write_text("b.go  invalid program accepted\n")
    assert triage.main([str(first), str(rerun), "--output", str(out)]) == 0
    # b.go's old cause was derived, not written by a person: the rerun's replaces it.
    assert conformance.parse_known_failures(out, out.read_text()) == {
        "b.go": "unexpected error: x"
    }


def _gccgo(tmp: Path, src: str, text: str, directive: str, name: str = "a.go") -> tuple[str, str]:
    """Classifies a gccgo failure of a case file written to tmp with src."""
    path = tmp / name
    path.write_text(src)
    title = f"{path}: // {directive} failed (compiler gccgo)\n"
    return triage.PROFILES["gccgo"].classify(triage.Failure(name, directive, title + text))


def test_gccgo_type_parameters_come_first(tmp_path: Path) -> None:
    src = "// run\n\npackage main\n\nfunc F[T any](x T) T { return x }\n"
    text = "build failed: exit status 1\na.go:5:7: error: expected '('\na.go:9:1: error: x"
    assert _gccgo(tmp_path, src, text, "run") == ("generics", "type parameters: expected '('")
    # A constraint's ~ alone, or a generic type in X.dir, counts too; [N]int does not.
    src = "// compile\n\npackage p\n\ntype C interface{ ~int }\n"
    assert _gccgo(tmp_path, src, "compile failed: exit status 1\na.go:5:18: error: e",
                  "compile")[0] == "generics"
    (tmp_path / "b.dir").mkdir()
    (tmp_path / "b.dir" / "a.go").write_text("package a\n\ntype L[T any] struct{ v T }\n")
    src = "// rundir\n\npackage ignored\n\ntype A [N]int // not generic: [T any]\n"
    assert _gccgo(tmp_path, src, "exit status 1\n", "rundir", "b.go")[0] == "generics"
    got = _gccgo(tmp_path, src, "compile failed: exit status 1\na.go:1:1: error: e", "compile")
    assert got == ("rejected", "e")


def test_gccgo_gc_flags_and_library(tmp_path: Path) -> None:
    src = "// errorcheck -0 -m -l\n\npackage p\n"
    got = _gccgo(tmp_path, src, 'a.go:12: missing error "moved to heap: x"', "errorcheck")
    assert got == ("gcflag", "gc's -m: no gccgo meaning")
    src = "// errorcheck -lang=go1.17\n\npackage p\n"
    got = _gccgo(tmp_path, src, "compilation succeeded unexpectedly", "errorcheck")
    assert got == ("gcflag", "gc's -lang=go1.17: no gccgo meaning")
    # -l alone changes no diagnostic: the message decides.
    src = "// errorcheck -0 -l\n\npackage p\n"
    got = _gccgo(tmp_path, src, "compilation succeeded unexpectedly", "errorcheck")
    assert got == ("accepted", "invalid program accepted")
    src = "// run\n\npackage main\n"
    text = ("build failed: exit status 1\n"
            "a.go:5:36: error: reference to undefined identifier 'atomic.Int64'")
    assert _gccgo(tmp_path, src, text, "run") == ("library", "missing atomic.Int64")
    text = "timed out after 120s running /tmp/w/case-1/a.exe\n"
    assert _gccgo(tmp_path, src, text, "run") == ("timeout", "timeout (120s) in the program")


def test_gccgo_list_keeps_flaky_lines_while_they_pass(tmp_path: Path) -> None:
    for name in ("a.go", "b.go", "c.go"):
        (tmp_path / name).write_text("// run\n\npackage main\n")
    title = f"{tmp_path}/b.go: // run failed (compiler gccgo)\n"
    report = _junit(tmp_path, [
        ("a.go", "run", None),
        ("b.go", "run", title + "exit status 2\npanic: boom"),
        ("c.go", "run", None),
    ])
    out = tmp_path / "known_gccgo.txt"
    out.write_text("a.go  flaky: times out under load\nc.go  fixed\nb.go  flaky: races\n")
    assert triage.main(["--compiler=gccgo", str(report), "--output", str(out)]) == 0
    text = out.read_text()
    assert conformance.parse_known_failures(out, text) == {
        "a.go": "flaky: times out under load",
        "b.go": "flaky: races",
    }
    assert text.startswith("# Files of Go 1.19's test tree expected to fail under gccgo")
    assert "# timeout or memory limit (1)" in text and "# the program fails at run" in text


def test_crash_causes_drop_log_stamps_and_cut_output() -> None:
    text = "exit status 1\n2026/12/06 14:40:27 frame 0: got a, want b"
    assert triage.classify(_f(text)) == ("crash", "exit status 1: frame 0: got a, want b")
    text = "exit status 2\n[... 93750 characters cut ...]\noutines.go:18\ncreated by main.main"
    want = "exit status 2: no panic or fatal line in the output's kept tail"
    assert triage.classify(_f(text)) == ("crash", want)
