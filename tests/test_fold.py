"""fold: jumps threaded past the `if`s their predecessors decide, and programs that run
the same with and without it."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from compiler import driver, fold, ir
from compiler.diag import Diagnostics, Pos

SRC = """package main

import "errors"

var errNeg = errors.New("negative")

//go:noinline
func get(i int) int { return i }

func parse(i int) (int, error) {
	if i < 0 {
		return 0, errNeg
	}
	return i * 2, nil
}

func check(n int) string {
	x := 0
	p := &x
	if n > 0 {
		x = 0
		*p = 1
	} else {
		x = 2
	}
	if x == 0 {
		return "zero"
	}
	return "nonzero"
}

func main() {
	s := 0
	for i := 0; i < 10; i++ {
		v, err := parse(get(i))
		if err != nil {
			panic(err)
		}
		s += v
	}
	_, err := parse(get(-1))
	println(s, err != nil, check(1), check(-1))
}
"""


def _dump(tmp: Path, phase: str) -> str:
    src = tmp / "x.go"
    src.write_text(SRC)
    return driver.compile_files(driver.Config(files=(str(src),), dump=phase),
                                Diagnostics()).dumps


def _blocks(dump: str, fn: str) -> list[list[str]]:
    body = dump.split(f"func {fn} ", 1)[1].split("\nfunc ", 1)[0]
    out: list[list[str]] = []
    for ln in body.splitlines():
        if ln.startswith("b") and ln.endswith(":"):
            out.append([])
        elif out:
            out[-1].append(ln.strip())
    return out


def test_a_nil_error_return_skips_the_callers_err_check(tmp_path: Path) -> None:
    before = _blocks(_dump(tmp_path, "inline"), "main.main")
    after = _blocks(_dump(tmp_path, "fold"), "main.main")
    # parse's `return i * 2, nil`, inlined twice, jumps on to main's uses of err
    rets = [b for b in before if any(" mul " in i for i in b)]
    assert len(rets) == 2
    assert all(b[-1].split()[-2] == "jump" and not any(" ne " in i for i in b)
               for b in rets)
    # after fold the loop's takes over the compare and jumps past the `if`; the second
    # one's join block prints (calls): never copied
    loop, last = [b for b in after if any(" mul " in i for i in b)]
    assert any(" ne " in i for i in loop) and loop[-1].split()[-2] == "jump"
    assert not any("gopanic" in i for i in after[int(loop[-1].split()[-1][1:])])
    assert last == rets[1]
    # the `if` itself stays for the errNeg return, whose error fold cannot know
    assert any(b[-1].split()[1] == "if" and any(" ne " in i for i in b) for b in after)


def test_address_taken_slots_are_never_assumed(tmp_path: Path) -> None:
    # check's `x = 0; *p = 1` must not fold `x == 0`: the store changed x
    check = _blocks(_dump(tmp_path, "fold"), "main.check")
    before = _blocks(_dump(tmp_path, "inline"), "main.check")
    assert [b[-1] for b in check] == [b[-1] for b in before]
    assert check[2][-1].split()[-2:] == ["jump", "b4"] and check[4][-1].split()[1] == "if"


def test_folded_program_prints_what_it_did_before(tmp_path: Path) -> None:
    src = tmp_path / "x.go"
    src.write_text(SRC)
    outs = []
    for flags in ([], ["-N"], ["-l"]):
        r = subprocess.run([sys.executable, "-m", "compiler", "run", *flags, str(src)],
                           capture_output=True, text=True, timeout=300, check=False)
        assert r.returncode == 0, r.stderr
        outs.append(r.stderr)
    assert outs[0] == outs[1] == outs[2] == "90 true nonzero nonzero\n"


_P = Pos("t.go", 1, 1)
W = ".autotmp_w"
H2 = ".autotmp_h"
ALL = frozenset({"p", "r", W, "s", "v"})


def _mov(dst: str, src: str | int) -> ir.Mov:
    return ir.Mov(_P, ir.Local(dst), ir.Imm(src) if isinstance(src, int) else ir.Local(src))


def _func(*blocks: tuple[tuple[ir.Instr, ...], ir.Term]) -> ir.Func:
    slots = (ir.Slot("p", ir.SlotKind.PARAM, 8), ir.Slot("r", ir.SlotKind.RESULT, 8, off=8),
             ir.Slot(W, ir.SlotKind.AUTO, 8), ir.Slot("s", ir.SlotKind.AUTO, 8),
             ir.Slot("v", ir.SlotKind.AUTO, 8))
    return ir.Func("main.f", _P, slots,
                   tuple(ir.Block(k, ins, t) for k, (ins, t) in enumerate(blocks)), 16)


def _use(slot: str) -> ir.Call:
    return ir.Call(_P, "main.g", (ir.Arg(ir.Local(slot), 0, 8),), (), 8)


def _reads(f: ir.Func) -> list[str]:
    return [str(a.mem) for b in f.blocks for i in b.instrs if isinstance(i, ir.Call)
            for a in i.args]


def test_a_copied_word_is_read_from_its_source() -> None:
    f = _func(((_mov(W, "p"), _use(W), _mov("r", W)), ir.Jump(_P, 1)), ((), ir.Ret(_P)))
    g = fold.propagate(f, ALL)
    assert _reads(g) == ["p+0"]
    assert g.blocks[0].instrs[2] == _mov("r", "p")
    assert g.blocks[0].instrs[0] == f.blocks[0].instrs[0]  # the move itself stays


def test_a_source_written_again_is_not_read_in_its_copys_place() -> None:
    # s changes after the temporary copies it: in the same block, and around a loop
    same = _func(((_mov("s", 1), _mov(W, "s"), _mov("s", 2), _use(W)), ir.Ret(_P)))
    loop = _func(((_mov("s", 1),), ir.Jump(_P, 1)),
                 ((_mov(W, "s"), _use(W), _mov("s", "p")), ir.Jump(_P, 1)))
    for f in (same, loop):
        assert _reads(fold.propagate(f, ALL)) == [W + "+0"]
    # nor is an untracked (address-taken) source read, nor a named variable hidden
    once = _func(((_mov("s", 1), _mov(W, "s"), _use(W)), ir.Ret(_P)))
    assert _reads(fold.propagate(once, ALL)) == ["s+0"]
    assert _reads(fold.propagate(once, ALL - {"s"})) == [W + "+0"]
    named = _func(((_mov("v", "p"), _use("v")), ir.Ret(_P)))
    assert _reads(fold.propagate(named, ALL)) == ["v+0"]


def test_a_block_copys_words_are_read_from_its_source_and_the_copy_goes() -> None:
    # a slice header copied whole and read a word at a time: each read names the
    # source's word, and the copy, read by nothing now, is dropped
    slots = (ir.Slot("h", ir.SlotKind.AUTO, 24, (0,)), ir.Slot(H2, ir.SlotKind.AUTO, 24, (0,)))
    f = _func(((ir.Copy(_P, ir.Local(H2), ir.Local("h"), 24), _use(H2), ir.Call(
        _P, "main.g", (ir.Arg(ir.Local(H2, 8), 0, 8),), (), 8)), ir.Ret(_P)))
    f = replace(f, slots=f.slots + slots)
    g = fold.propagate(f, ALL | {"h", H2})
    assert _reads(g) == ["h+0", "h+8"]
    assert not any(isinstance(i, ir.Copy) for b in g.blocks for i in b.instrs)
    # a copy whose destination is still read as a whole stays
    kept = replace(f, blocks=(ir.Block(0, (*f.blocks[0].instrs, ir.Copy(
        _P, ir.Local("h"), ir.Local(H2), 24)), ir.Ret(_P)),))
    assert any(isinstance(i, ir.Copy) and i.dst == ir.Local(H2)
               for i in fold.propagate(kept, ALL | {"h", H2}).blocks[0].instrs)


def test_compares_fold_at_their_width() -> None:
    c = fold._Consts(ALL)
    c.step(ir.Mov(_P, ir.Local("s"), ir.Imm(-1), 1))
    c.step(ir.BinOp(_P, ir.Op.EQ, ir.Local("v"), ir.Local("s"), ir.Imm(255), 1, False))
    assert c.get(ir.Local("v"), 1) == 1  # the same byte
    c.step(ir.Zero(_P, ir.Local("p"), 8))
    c.step(ir.BinOp(_P, ir.Op.NE, ir.Local("v"), ir.Local("p"), ir.Imm(0), 8, False))
    assert c.get(ir.Local("v"), 1) == 0
    c.step(ir.Load(_P, ir.Local("p"), ir.Local("s"), 0, 8))  # unknown again
    c.step(ir.BinOp(_P, ir.Op.NE, ir.Local("v"), ir.Local("p"), ir.Imm(0), 8, False))
    assert c.get(ir.Local("v"), 1) is None


def test_a_write_across_a_word_boundary_counts_for_both_words() -> None:
    assert fold._words("s", 7, 2) == [("s", 0), ("s", 8)]
    assert fold._words("s", 8, 16) == [("s", 8), ("s", 16)]


def _addr(t: str, i: str, base: str) -> tuple[ir.BinOp, ir.BinOp]:
    return (ir.BinOp(_P, ir.Op.MUL, ir.Local(t), ir.Local(i), ir.Imm(8), 8, False),
            ir.BinOp(_P, ir.Op.ADD, ir.Local(t), ir.Local(t), ir.Local(base), 8, False))


def _loads(f: ir.Func) -> list[str]:
    return [str(i.ptr) for b in f.blocks for i in b.instrs if isinstance(i, ir.Load)]


def test_an_address_still_held_is_not_computed_again() -> None:
    t1, t2 = ".autotmp_a", ".autotmp_b"
    slots = (ir.Slot("p", ir.SlotKind.PARAM, 8), ir.Slot("i", ir.SlotKind.PARAM, 8, off=8),
             ir.Slot(t1, ir.SlotKind.AUTO, 8), ir.Slot(t2, ir.SlotKind.AUTO, 8),
             ir.Slot("v", ir.SlotKind.AUTO, 8))
    tracked = frozenset(s.name for s in slots)
    load = ir.Load(_P, ir.Local("v"), ir.Local(t2), 0, 8)

    def func(between: tuple[ir.Instr, ...]) -> ir.Func:
        blocks = (ir.Block(0, (*_addr(t1, "i", "p"), *between), ir.Jump(_P, 1)),
                  ir.Block(1, (*_addr(t2, "i", "p"), load, _use("v"), _use(t1)), ir.Ret(_P)))
        return ir.Func("main.f", _P, slots, blocks, 16)

    g = fold.reuse_addresses(func(()), tracked)
    assert _loads(g) == [t1 + "+0"] and len(g.blocks[1].instrs) == 3
    # the index written in between: the address is another one
    bumped = ir.BinOp(_P, ir.Op.ADD, ir.Local("i"), ir.Local("i"), ir.Imm(1), 8, False)
    assert _loads(fold.reuse_addresses(func((bumped,)), tracked)) == [t2 + "+0"]
    # nor is it reused when i's slot is not tracked (its address is taken)
    assert _loads(fold.reuse_addresses(func(()), tracked - {"i"})) == [t2 + "+0"]
