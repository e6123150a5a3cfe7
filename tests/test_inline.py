"""inline: which calls are replaced by their callee's body, and that the result runs
like the original."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from compiler import driver, inline, ir
from compiler.diag import Diagnostics, Pos

SRC = """package main

import "testing"

type R struct{ n int }

func (r *R) next() int { r.n++; return r.n }

func add(a, b int) int { return a + b }

//go:noinline
func kept(a int) int { return a * 2 }

func fact(n int) int {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func helper(t *testing.T) { t.Helper() }

func pair() (int, string) { return 7, "seven" }

func bump(n int) int { n += 10; return n }

func twice(x int) int { return add(x, x) }

func ping(n int) int {
	if n <= 0 {
		return 0
	}
	return pong(n-1) + 1
}

func pong(n int) int {
	if n <= 0 {
		return 0
	}
	return ping(n-1) + 1
}

func guarded() (s int) {
	defer func() {
		if recover() != nil {
			s = -s
		}
	}()
	s = twice(3)
	var r *R
	s += r.next()
	return s
}

func main() {
	r := &R{}
	s := 0
	for i := 0; i < 5; i++ {
		s = add(s, r.next())
	}
	n, w := pair()
	println(s, kept(3), fact(5), n, w)
	v := 5
	t := 0
	for i := 0; i < 3; i++ {
		t += twice(i) + ping(5)
	}
	println(bump(v), v, twice(4), t, guarded())
	_ = helper
}
"""


@functools.cache
def _ir(dump: str, *flags: str) -> str:
    """SRC's `-dump=dump` output, compiled once per process for each dump and flags:
    each compile checks and walks the library that testing imports (about 10 s)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "x.go"
        src.write_text(SRC)
        cfg = driver.Config(files=(str(src),), dump=dump, no_inline="l" in flags)
        return driver.compile_files(cfg, Diagnostics()).dumps


def _calls(dump: str, fn: str) -> list[str]:
    body = dump.split(f"func {fn} ", 1)[1].split("\nfunc ", 1)[0]
    return [ln.split(" call ", 1)[1].split(" ", 1)[0] for ln in body.splitlines()
            if " call " in ln]


def test_small_callees_are_inlined_and_the_rest_stay_calls() -> None:
    calls = _calls(_ir("inline"), "main.main")
    assert "main.(*R).next" not in calls
    assert "main.pair" not in calls
    assert "main.kept" in calls  # //go:noinline
    assert "main.fact" in calls  # recursive: fact's own body keeps its call
    assert "main.fact" in _calls(_ir("inline"), "main.fact")


def test_l_turns_inlining_off_and_ir_dump_is_before_it() -> None:
    off = _calls(_ir("inline", "l"), "main.main")
    assert "main.add" in off and "main.(*R).next" in off
    assert "main.add" in _calls(_ir("ir"), "main.main")


def test_inlined_bodies_are_inlined_into_in_turn() -> None:
    calls = _calls(_ir("inline"), "main.main")
    assert "main.twice" not in calls
    # the IR size rule (gc's decisions choose only under -m): twice(i) in the loop gets
    # add's body too; twice(4) outside keeps its call
    assert calls.count("main.add") == 1
    # ping → pong → ping: a body is not inlined inside a copy of itself
    assert calls.count("main.ping") == 1 and "main.pong" not in calls


def test_inlined_slots_are_renamed_autos_and_read_only_params_are_not_copied() -> None:
    dump = _ir("inline")
    body = dump.split("func main.main ", 1)[1].split("\nfunc ", 1)[0]
    slots = [ln.split()[1:3] for ln in body.splitlines() if ln.startswith("  slot ")]
    assert any(n.startswith("~r0·") and k == "auto" for n, k in slots)
    names = {n.split("·")[0] for n, _ in slots if "·" in n}
    assert "n" in names  # bump writes its parameter: a copy
    assert "x" not in names and "a" not in names  # twice and add only read theirs


def test_frame_walking_packages_and_noinline_are_never_inlined() -> None:
    pos = Pos("t.go", 1, 1)
    body = (ir.Block(0, (), ir.Ret(pos)),)
    assert inline.inlinable(ir.Func("main.g", pos, (), body, 0), frozenset())
    assert not inline.inlinable(ir.Func("testing.(*common).Helper", pos, (), body, 0),
                                frozenset())
    assert not inline.inlinable(ir.Func("log.Printf", pos, (), body, 0), frozenset())
    assert not inline.inlinable(ir.Func("main.g", pos, (), body, 0, noinline=True),
                                frozenset())


def test_inlined_program_prints_what_gc_would(tmp_path: Path) -> None:
    src = tmp_path / "x.go"
    src.write_text(SRC)
    outs = []
    for flags in ([], ["-l"]):
        r = subprocess.run([sys.executable, "-m", "compiler", "run", *flags, str(src)],
                           capture_output=True, text=True, timeout=300, check=False)
        assert r.returncode == 0, r.stderr
        outs.append(r.stderr)
    assert outs[0] == outs[1] == "15 6 120 7 seven\n15 5 8 21 -6\n"


@pytest.mark.parametrize(("flags", "compiled"), [
    ([], {"div"}),  # calc's copy in main keeps its call of div: one level outside loops
    (["-m"], set()),  # gc's decisions: div in calc, calc in main, as gc -m reports
    (["-l"], {"div", "calc"}),
])
def test_tracebacks_name_inlined_frames_as_gc_does(
        tmp_path: Path, flags: list[str], compiled: set[str]) -> None:
    """A panic inside a body inlined twice prints the inlined function at its line, then
    each caller at the inlined call's line (gc's traceback); as gc's, only a compiled
    frame's line is followed by its pc's offset (` +0x35`), an inlined one's never."""
    src = tmp_path / "tb.go"
    src.write_text("package main\n\nfunc div(a, b int) int {\n\treturn a / b\n}\n\n"
                   "func calc(a, b int) int {\n\treturn div(a, b) + 1\n}\n\n"
                   "func main() {\n\tprintln(calc(4, 2))\n\tprintln(calc(1, 0))\n}\n")
    at = re.escape(str(src))

    def frame(fn: str, line: int) -> str:
        off = r" \+0x[0-9a-f]+" if fn in compiled else ""
        return rf"main\.{fn}\(\.\.\.\)\n\t{at}:{line}{off}\n"

    want = re.compile(rf"goroutine 1 \[running\]:\n{frame('div', 4)}{frame('calc', 8)}"
                      rf"main\.main\(\)\n\t{at}:13 \+0x[0-9a-f]+\n\Z")
    r = subprocess.run([sys.executable, "-m", "compiler", "run", *flags, str(src)],
                       capture_output=True, text=True, timeout=300, check=False)
    assert r.returncode == 2
    assert want.search(r.stderr), r.stderr
    if not flags:
        ir_ = driver.compile_files(driver.Config(files=(str(src),), dump="inline"),
                                   Diagnostics()).dumps
        main = ir_.split("func main.main")[1]
        assert "call main.calc" not in main and "call main.div" in main


def test_copies_decided_apart_by_escape_run_as_gc(tmp_path: Path) -> None:
    """Under -m or -live, a copy of newPair whose result stays in main's frame keeps p
    and its map on main's stack (the variant newPair·inlN walk lowered for that call,
    which the inliner must take): the program still prints what gc's does, with the
    stack moved at every call."""
    case = Path(__file__).parent.parent / "cases" / "escape" / "inlinedrun.go"
    cfg = driver.Config(files=(str(case),), dump="ir", live=True)
    assert "func main.newPair·inl" in driver.compile_files(cfg, Diagnostics()).dumps
    cfg = driver.Config(files=(str(case),), dump="inline", live=True)
    dump = driver.compile_files(cfg, Diagnostics()).dumps
    assert "·inl" not in dump  # every variant was inlined, then dropped
    assert "main.newPair" not in _calls(dump, "main.main")
    want = case.with_suffix(".out").read_text()
    for flag in ("-live", "-m"):
        r = subprocess.run([sys.executable, "-m", "compiler", "run", flag, str(case)],
                           capture_output=True, text=True, timeout=300, check=False,
                           env={**os.environ, "REFGO_STACKDEBUG": "1"})
        assert r.returncode == 0, r.stderr
        out = [ln for ln in r.stderr.splitlines(keepends=True) if str(case) not in ln]
        assert "".join(out) == want
