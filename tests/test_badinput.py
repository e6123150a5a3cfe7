"""Bad input never crashes the front end: every outcome of parse_file + check_program
is success or diagnostics of the form `file:line:col: message`.

A hypothesis property test feeds truncated and mutated versions of the repository's
cases (and random bytes); explicit tests cover NUL bytes, invalid UTF-8, unterminated
literals and comments, 10,000-deep nesting and a 1 MB line.
"""

from __future__ import annotations

import re
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
