"""regalloc: its decisions on small functions, its safety invariants over every case,
and -N turning it off."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

from compiler import amd64, driver, ir, regalloc, units
from compiler.diag import CompileFailed, Diagnostics

ROOT = Path(__file__).resolve().parent.parent

SUM = """package main

func sum(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	return s
}

//go:noinline
func use(n int) {}

func across(n int, p *int) int {
	k := n * 3
	q := p
	use(n)
	return k + *q
}

func main() { println(sum(3), across(1, new(int))) }
"""


def pipeline(files: tuple[str, ...], no_opt: bool = False
             ) -> tuple[ir.Program, dict[str, regalloc.FuncAlloc]]:
    """The lowered program and regalloc's decisions for files."""
    seen: dict[str, object] = {}
    orig = regalloc.regalloc_program

    def spy(prog: ir.Program, live: object, opts: regalloc.Options | None = None
            ) -> dict[str, regalloc.FuncAlloc]:
        out = orig(prog, live, opts)  # type: ignore[arg-type]
        seen["prog"], seen["allocs"] = prog, out
        return out

    regalloc.regalloc_program = spy  # type: ignore[assignment]
    try:
        driver.compile_files(driver.Config(files=files, dump="regs", no_opt=no_opt),
                             Diagnostics())
    finally:
        regalloc.regalloc_program = orig  # type: ignore[assignment]
    prog, allocs = seen["prog"], seen["allocs"]
    assert isinstance(prog, ir.Program) and isinstance(allocs, dict)
    return prog, allocs


def test_loop_is_a_leaf_in_registers_with_a_fused_compare(tmp_path: Path) -> None:
    src = tmp_path / "sum.go"
    src.write_text(SUM)
    _, allocs = pipeline((str(src),))
    a = allocs["main.sum"]
    assert a.leaf and not a.saved and a.fused
    assert a.regs[("s", 0)] in regalloc.CALLER_FREE
    assert a.regs[("i", 0)] in regalloc.CALLER_FREE


def test_int_across_a_call_is_callee_saved_and_a_pointer_stays_in_the_frame(
        tmp_path: Path) -> None:
    src = tmp_path / "sum.go"
    src.write_text(SUM)
    _, allocs = pipeline((str(src),))
    a = allocs["main.across"]
    assert a.regs[("k", 0)] in regalloc.CALLEE_SAVED
    assert a.regs[("k", 0)] in a.saved
    assert ("q", 0) not in a.regs
    assert not a.leaf


FLOATS = """package main

func mandel(cr, ci float64) int {
	zr, zi := 0.0, 0.0
	n := 0
	for zr*zr+zi*zi <= 4 && n < 50 {
		zr, zi = zr*zr-zi*zi+cr, 2*zr*zi+ci
		n++
	}
	return n
}

//go:noinline
func use(x float64) {}

func across(x float64) float64 {
	y := x * 3
	use(x)
	return y + 1
}

func main() { println(mandel(0.25, 0.5), across(2)) }
"""


def test_float64_words_take_xmm_registers_and_never_across_a_call(tmp_path: Path) -> None:
    src = tmp_path / "f.go"
    src.write_text(FLOATS)
    prog, allocs = pipeline((str(src),))
    m = allocs["main.mandel"]
    assert m.leaf and m.fused
    assert m.regs[("zr", 0)] in regalloc.XMM and m.regs[("zi", 0)] in regalloc.XMM
    assert m.regs[("cr", 0)] in regalloc.XMM
    assert m.regs[("n", 0)] in regalloc.CALLER_FREE
    a = allocs["main.across"]
    assert ("y", 0) not in a.regs
    text = amd64.listing(prog, regs=allocs)
    body = text[text.index("main.mandel STEXT"):text.index("main.use STEXT")]
    assert "ucomisd\t" in body and "(%rsp)" not in body.split("ucomisd")[1].split("\n")[0]
    assert "movsd\t%xmm0" not in body


def test_dump_regs_is_stable_text(tmp_path: Path) -> None:
    src = tmp_path / "sum.go"
    src.write_text(SUM)
    res = driver.compile_files(driver.Config(files=(str(src),), dump="regs"), Diagnostics())
    lines = res.dumps.splitlines()
    assert "func main.sum leaf" in lines
    assert any(ln.startswith("func main.across saved=") for ln in lines)
    assert "  fused b2" in lines
    again = driver.compile_files(driver.Config(files=(str(src),), dump="regs"),
                                 Diagnostics())
    assert again.dumps == res.dumps


def test_no_opt_keeps_every_word_in_the_frame(tmp_path: Path) -> None:
    src = tmp_path / "sum.go"
    src.write_text(SUM)
    prog, allocs = pipeline((str(src),), no_opt=True)
    assert allocs == {}
    text = amd64.listing(prog, regs=allocs)
    assert "%r10" not in text and "%rbx" not in text
    assert text.count("pushq\t%rbp") == len(prog.funcs)


def _cases() -> list[str]:
    out = []
    for p in sorted(glob.glob(str(ROOT / "cases" / "**" / "*.go"), recursive=True)):
        first = Path(p).read_text().split("\n", 1)[0]
        if first.startswith("// run") or first.startswith("// asmcheck"):
            out.append(p)
    return out


@pytest.fixture(scope="session")
def unit_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This worker's build cache: a library package is compiled, and its functions
    checked, by the first case that imports it, not by every case."""
    return tmp_path_factory.mktemp("units")


def unit_allocs(case: str) -> list[tuple[ir.Program, dict[str, regalloc.FuncAlloc]]]:
    """regalloc's input and decisions for each package `refgo build` compiles for case
    (a package at a time, so packages already in $REFGO_CACHE are not compiled again)."""
    seen: list[tuple[ir.Program, dict[str, regalloc.FuncAlloc]]] = []
    orig = regalloc.regalloc_program

    def spy(prog: ir.Program, live: object, opts: regalloc.Options | None = None
            ) -> dict[str, regalloc.FuncAlloc]:
        out = orig(prog, live, opts)  # type: ignore[arg-type]
        seen.append((prog, out))
        return out

    regalloc.regalloc_program = spy  # type: ignore[assignment]
    try:
        units.compile_units(driver.Config(files=(case,)), Diagnostics())
    finally:
        regalloc.regalloc_program = orig  # type: ignore[assignment]
    return seen


@pytest.mark.parametrize("case", _cases(), ids=lambda p: str(Path(p).relative_to(ROOT)))
def test_invariants_over_every_case(case: str, unit_cache: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """No pointer word in a callee-saved register; a leaf makes no call that returns and
    saves nothing. Checked on every function of every package the case's build compiles:
    the library's once per worker (from the first case importing it), main's per case."""
    monkeypatch.setenv("REFGO_CACHE", str(unit_cache))
    try:
        compiled = unit_allocs(case)
    except CompileFailed:
        pytest.skip("not a single-file program")
    assert compiled, "nothing was compiled"
    for prog, allocs in compiled:
        for f0 in prog.funcs:
            check_invariants(allocs[f0.name], f0)


def check_invariants(a: regalloc.FuncAlloc, f0: ir.Func) -> None:
    """Asserts regalloc's safety invariants on one function's decisions a."""
    f = a.body or f0  # the simplified body regalloc decided on
    slots = {s.name: s for s in f.slots}
    for (slot, off), r in a.regs.items():
        s = slots[slot]
        assert s.kind is not ir.SlotKind.RESULT and not s.addrtaken
        if r in regalloc.CALLEE_SAVED and s.size >= 8:
            writes = [i for b in f.blocks for i in b.instrs
                      if any(x.is_def and x.slot == slot and x.off <= off < x.off + x.size
                             for x in ir.accesses(i))]
            static = all(isinstance(i, ir.Mov) and isinstance(i.src, (ir.Imm, ir.SymAddr))
                         for i in writes)
            assert static or (s.type is not None and off not in s.ptrs), \
                f"{f.name}: pointer word {slot}+{off} in {r}"
    if a.leaf:
        assert not a.saved
        assert not any(isinstance(i, ir.Call) or (isinstance(i, ir.CCall) and not i.noreturn)
                       for b in f.blocks for i in b.instrs)
