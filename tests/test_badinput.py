"""Bad input never crashes the front end: every outcome of parse_file + check_program
is success or diagnostics of the form `file:line:col: message`.

A hypothesis property test feeds truncated and mutated versions of the repository's
cases (and random bytes); explicit tests cover NUL bytes, invalid UTF-8, unterminated
literals and comments, 10,000-deep nesting and a 1 MB line. Bad programs by kind
(truncated, binary, too deep, too large, failed imports) go through `refgo compile`
and `refgo build` too: exit 1 with diagnostics only, never an internal error.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compiler.diag import Diagnostics
from compiler.syntax import parse_file
from compiler.types import check_program

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted(p.read_bytes() for p in (ROOT / "cases").glob("**/*.go"))[:200] or [
    b"package main\n\nfunc main() {\n\tprintln(1)\n}\n"]
DIAG = re.compile(r"^x\.go:\d+:\d+: \S")
LINE_DIAG = re.compile(r"^[^:\s]*:\d+(:\d+)?: \S")
"""A position a //line directive renamed: gc prints its file as given, and no column
when the directive gives none."""


def front_end(src: bytes) -> list[str]:
    """Run parse + check on src; return the diagnostics (asserting their shape)."""
    d = Diagnostics()
    f = parse_file("x.go", src, d)
    if not d.errors:
        check_program([f], d, None)
    out = [str(x) for x in d.sorted()]
    shape = LINE_DIAG if b"//line " in src else DIAG
    for line in out:
        assert shape.match(line), line
        assert "internal compiler error" not in line, line
    return out


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    src = draw(st.sampled_from(CASES))
    op = draw(st.sampled_from(["truncate", "delete", "insert", "replace", "dup"]))
    n = len(src)
    i = draw(st.integers(0, max(n - 1, 0)))
    j = draw(st.integers(i, min(n, i + 40)))
    junk = draw(st.binary(max_size=8) | st.sampled_from(
        [b"{", b"}", b"(", b")", b"[", b"]", b"\"", b"'", b"`", b"/*", b"\x00", b"\xff",
         b"func", b"...", b":=", b"\n", b"type", b"interface{", b".(type)", b"<-", b"0x"]))
    match op:
        case "truncate":
            return src[:i]
        case "delete":
            return src[:i] + src[j:]
        case "insert":
            return src[:i] + junk + src[i:]
        case "replace":
            return src[:i] + junk + src[j:]
    return src[:j] + src[i:]


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated())
def test_mutated_cases_never_crash(src: bytes) -> None:
    front_end(src)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=300))
def test_random_bytes_never_crash(src: bytes) -> None:
    front_end(b"package main\n" + src)
    front_end(src)


@pytest.mark.parametrize("src", [
    b"",
    b"\x00\x00\x00",
    b"package main\n\x00",
    b"package main\n\nvar s = \"\xff\xfe\"\n",
    b"package main\n\nvar s = \"abc",
    b"package main\n\nvar s = `abc",
    b"package main\n\nvar r = '",
    b"package main\n/* never closed",
    b"package main\n\nfunc main() {",
    b"package main\n\nfunc main() { x := 0x }",
    b"package main\n\nfunc \xe2\x82\xac() {}",
    b"\xef\xbb\xbfpackage main\n\nfunc main() {}\n",
    b"package main\n\ntype T struct{ t T }\n\nfunc main() { var t T; _ = t }\n",
    b"package main\n\ntype A [len(A{})]int\n\nfunc main() {}\n",
    b"package main\n\nconst c = c\n\nfunc main() {}\n",
    b"package main\n\nvar a = b\nvar b = a\n\nfunc main() {}\n",
    b"package main\n\nfunc main() { var x interface{ M() }; x = 1e9999; _ = x }\n",
])
def test_bad_inputs(src: bytes) -> None:
    front_end(src)


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    depth = 20_000  # past syntax.MAX_DEPTH (10,000; gc takes 3,000)
    src = b"package main\n\nvar x = " + b"(" * depth + b"1" + b")" * depth + b"\n"
    out = front_end(src)
    assert out and "nesting" in out[0]
    blocks = b"package main\n\nfunc main() " + b"{" * depth + b"}" * depth + b"\n"
    assert front_end(blocks)


def test_one_megabyte_line() -> None:
    body = b"1+" * 500_000
    out = front_end(b"package main\n\nvar x = " + body + b"1\n\nfunc main() { _ = x }\n")
    assert out and "nesting" in out[0] or not out
    s = b"package main\n\nvar s = \"" + b"a" * 1_000_000 + b"\"\n\nfunc main() { _ = s }\n"
    assert front_end(s) == []


BAD_PROGRAMS = {
    "truncated": b'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("x"',
    "truncated clause": b"package",
    "binary": bytes(range(256)) * 4,
    "elf header": b"\x7fELF\x02\x01\x01\x00" + bytes(range(1, 200)),
    "nesting": b"package main\n\nvar x = " + b"(" * 20_000 + b"1" + b")" * 20_000
               + b"\n\nfunc main() { _ = x }\n",
    "huge shift": b"package main\n\nconst c = 1 << 100000\n\nfunc main() { println(c > 1) }\n",
    "huge exponent": b"package main\n\nconst c = 1e1000000000\n\nfunc main() { println(c > 1) }\n",
    "huge float": b"package main\n\nfunc main() { var x float64 = 1e400; println(x) }\n",
    "huge type": b"package main\n\nvar a [1<<62]byte\n\nfunc main() { println(len(a)) }\n",
    "huge global": b"package main\n\nvar a [1<<40]byte\n\nfunc main() { println(len(a)) }\n",
    "huge type declaration": b"package main\n\ntype T struct{ a, b [1<<49]byte }\n\n"
                             b"func main() {}\n",
    "missing packages": b'package main\n\nimport (\n\t"synx"\n\t"net/rpc"\n)\n\n'
                        b"func main() { synx.F(); var t synx.T; _ = t; _ = rpc.ErrShutdown }\n",
}
LINE = re.compile(r"^(x\.go:\d+:\d+: \S|\t)")


def refgo(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "compiler", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=300, check=False)


def assert_diagnostics(r: subprocess.CompletedProcess[str], errors: int = 0) -> None:
    """Exit 1 with `x.go:line:col: message` lines (and their indented details) only;
    errors > 0: exactly that many."""
    lines = r.stderr.splitlines()
    assert r.returncode == 1 and lines, r.stderr
    for line in lines:
        assert LINE.match(line), r.stderr
        assert "internal compiler error" not in line and "Traceback" not in line, r.stderr
    if errors:
        assert len([x for x in lines if not x.startswith("\t")]) == errors, r.stderr


@pytest.mark.parametrize("cmd", ["compile", "build"])
@pytest.mark.parametrize("kind", sorted(BAD_PROGRAMS))
def test_bad_programs_exit_1_with_diagnostics(tmp_path: Path, kind: str, cmd: str) -> None:
    (tmp_path / "x.go").write_bytes(BAD_PROGRAMS[kind])
    r = refgo(cmd, "-o", "x.out", "x.go", cwd=tmp_path)
    assert_diagnostics(r, errors=2 if kind == "missing packages" else 0)


def test_import_cycle_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "x.go").write_text('package a\n\nimport "test/a"\n\nvar X = a.X\n')
    r = refgo("compile", "-D", "test", "-I", ".", "-p", "test/a", "-o", "a.a", "x.go",
              cwd=tmp_path)
    assert_diagnostics(r, errors=1)
    assert "import cycle not allowed" in r.stderr
