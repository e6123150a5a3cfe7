"""Unit tests of the liveness phase: the dataflow on hand-built IR, gc's names for
pointer words, the -live reports through the driver, and the stack map table amd64
emits from it. (Precise scanning itself is proved by cases/live/precise.go.)"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from compiler import amd64, ir, link, livenames, liveness
from compiler.diag import Diagnostics, Pos
from compiler.driver import Config, compile_files
from compiler.types.typ import (
    EMPTY_INTERFACE,
    INT,
    STRING,
    Array,
    Field,
    IMethod,
    Interface,
    Pointer,
    Signature,
    Slice,
    Struct,
    Type,
    pointer_words,
    size_of,
)

P = Pos("x.go", 1, 1)
PINT = Pointer(INT)


def pos(line: int) -> Pos:
    return Pos("x.go", line, 2)


def slot(name: str, t: Type | None, kind: ir.SlotKind = ir.SlotKind.AUTO, off: int = 0,
         size: int = 8) -> ir.Slot:
    """A typed slot or, with t None, a size-only temporary of size bytes."""
    if t is None:
        return ir.Slot(name, kind, size, (), off)
    return ir.Slot(name, kind, size_of(t), pointer_words(t), off, type=t)


def call(line: int, sym: str = "main.h") -> ir.Call:
    return ir.Call(pos(line), sym, (), (), 0)


def use(line: int, name: str, off: int = 0) -> ir.Mov:
    return ir.Mov(pos(line), ir.Global("main.sink"), ir.Local(name, off))


def func(slots: list[ir.Slot], *blocks: tuple[list[ir.Instr], ir.Term],
         name: str = "main.f") -> ir.Func:
    bs = tuple(ir.Block(i, tuple(ins), t) for i, (ins, t) in enumerate(blocks))
    return ir.Func(name, P, tuple(slots), bs, 16)


def reports(f: ir.Func) -> list[str]:
    d = Diagnostics()
    liveness.liveness_program(ir.Program((f,), ()), d, liveness.Options(True, ("x.go",)))
    return [f"{x.pos.line}: {x.msg}" for x in d.sorted()]


def test_pointer_param_dies_after_last_use() -> None:
    p = slot("p", PINT, ir.SlotKind.PARAM)
    f = func([p], ([call(2), use(3, "p"), call(4)], ir.Ret(pos(5))))
    assert reports(f) == ["1: live at entry to f: p", "2: live at call to h: p"]
    fl = liveness.liveness_func(f)
    assert [c.words for c in fl.calls] == [(("p", 0),), ()]


def test_full_write_kills_partial_write_does_not() -> None:
    a = slot("a", None, size=16)
    s = slot("s", None, ir.SlotKind.PARAM)
    g = func([a, s], (
        [call(2), ir.Mov(pos(3), ir.Local("a", 0), ir.Local("s")),
         ir.Mov(pos(3), ir.Local("a", 8), ir.Local("s"), 4), use(4, "a", 0), use(4, "a", 8)],
        ir.Ret(pos(5))))
    # a+0 is overwritten completely before its use, a+8 only in part: still live.
    assert liveness.liveness_func(g).calls[0].words == (("a", 8), ("s", 0))


def test_subword_slot_write_is_a_full_write() -> None:
    b = slot("b", None, size=1)
    f = func([b], ([call(2), ir.Mov(pos(3), ir.Local("b"), ir.Imm(1), 1), use(4, "b")],
                   ir.Ret(pos(5))))
    fr = liveness.Frame.of(f)
    assert fr.full(ir.Local("b"), 1) == 1


def test_address_taken_slot_is_a_stack_object_mapped_while_the_frame_reads_it() -> None:
    x = slot("x", PINT)
    q = slot("q", Pointer(PINT))
    f = func([x, q], ([ir.Zero(pos(2), ir.Local("x"), 8),
                       ir.LoadAddr(pos(3), ir.Local("q"), ir.Local("x")),
                       ir.Call(pos(3), "main.g", (ir.Arg(ir.Local("q"), 0, 8),), (), 8),
                       call(4), use(5, "x"), call(6)], ir.Ret(pos(7))))
    fl = liveness.liveness_func(f)
    assert [c.words for c in fl.calls] == [(("x", 0),), (("x", 0),), ()]
    assert fl.objects == (("x", 8, (("x", 0, 1, 8),)),)
    assert reports(f) == ["2: stack object x *int", "3: live at call to g: x",
                          "4: live at call to h: x"]


def test_taking_an_address_reads_the_slot() -> None:
    x = slot("x", PINT)
    q = slot("q", Pointer(PINT))
    f = func([x, q], ([ir.CCall(pos(2), "runtime.newobject", (ir.SymAddr("type.int"),),
                                (ir.Local("x"),)),
                       call(3), ir.LoadAddr(pos(4), ir.Local("q"), ir.Local("x")),
                       ir.Call(pos(4), "main.g", (ir.Arg(ir.Local("q"), 0, 8),), (), 8)],
                      ir.Ret(pos(5))))
    fl = liveness.liveness_func(f)
    assert [c.words for c in fl.calls] == [(), (("x", 0),), ()]


def test_static_words_are_not_heap_pointers() -> None:
    e = slot(".autotmp_0", EMPTY_INTERFACE)
    f = func([e], ([ir.Mov(pos(2), ir.Local(e.name, 0), ir.SymAddr("type.int")),
                    ir.CCall(pos(3), "runtime.convT64", (ir.Imm(0),),
                             (ir.Local(e.name, 8),)),
                    call(4), use(5, e.name, 0), use(5, e.name, 8)], ir.Ret(pos(6))))
    assert reports(f) == ["4: live at call to h: .autotmp_0"]


def test_untyped_temps_are_scanned_but_not_named() -> None:
    t = slot(".autotmp_0", None, size=24)
    f = func([t], ([ir.CCall(pos(2), "runtime.mapaccess1", (), (ir.Local(t.name),)),
                    call(3), use(4, t.name)], ir.Ret(pos(5))))
    assert reports(f) == []
    assert liveness.liveness_func(f).calls[1].words == ((t.name, 0),)


def test_defer_exit_block_is_live_at_every_call() -> None:
    r = slot("&r", PINT)
    c = slot("c", Pointer(INT))
    f = func([r, c], (
        [ir.CCall(pos(2), "runtime.newobject", (ir.SymAddr("type.int"),), (ir.Local("&r"),)),
         ir.DeferProc(pos(3), ir.Local("c"), 1), call(4)], ir.Jump(pos(5), 1)),
        ([ir.DeferReturn(pos(6)), use(6, "&r")], ir.Ret(pos(6))))
    fl = liveness.liveness_func(f)
    assert [x.callee for x in fl.calls] == ["newobject", "deferproc", "h", "deferreturn"]
    assert [x.words for x in fl.calls][1:] == [(("&r", 0),)] * 3


def test_open_defer_slots_are_live_at_every_call_but_not_at_entry() -> None:
    fn = Signature((), ())
    bits = ir.Slot(".autotmp_0", ir.SlotKind.AUTO, 1, (), 0, True)
    d = slot(".autotmp_1", fn)
    v = slot("v", fn, ir.SlotKind.PARAM)
    f = func([v, bits, d], (
        [ir.OpenDefers(pos(1), ".autotmp_0", (".autotmp_1",), 1, (pos(3),)),
         ir.Mov(pos(1), ir.Local(".autotmp_1"), ir.Imm(0)), call(2),
         ir.Mov(pos(3), ir.Local(".autotmp_1"), ir.Local("v")), call(4)], ir.Jump(pos(5), 1)),
        ([ir.Call(pos(5), "main.g", (), (), 0)], ir.Ret(pos(5))))
    assert reports(f) == ["1: live at entry to f: v", "2: live at call to h: v .autotmp_1",
                          "4: live at call to h: .autotmp_1", "5: live at call to g: .autotmp_1"]


def test_loop_keeps_value_live_around_back_edge() -> None:
    p = slot("p", PINT, ir.SlotKind.PARAM)
    n = slot("n", INT, ir.SlotKind.PARAM, off=8)
    f = func([p, n],
             ([], ir.Jump(pos(2), 1)),
             ([call(3), use(4, "p")], ir.If(pos(5), ir.Local("n"), 1, 2)),
             ([call(6)], ir.Ret(pos(7))))
    fl = liveness.liveness_func(f)
    assert [c.words for c in fl.calls] == [(("p", 0),), ()]


def test_generated_and_init_functions_are_not_reported() -> None:
    p = slot("p", PINT, ir.SlotKind.PARAM)
    body: tuple[list[ir.Instr], ir.Term] = ([call(2), use(3, "p")], ir.Ret(pos(4)))
    assert reports(func([p], body, name="main.init")) == []
    assert reports(func([p], body, name="main.init.0")) == []
    gen = ir.Func("main.(*T).M", P, (p,), (ir.Block(0, tuple(body[0]), body[1]),), 8, True)
    assert reports(gen) == []


def test_word_names() -> None:
    iface = Interface((IMethod("M", Signature((), ())),))
    st = Struct((Field("a", PINT), Field("n", INT), Field("s", STRING),
                 Field("arr", Array(2, Slice(INT)))))
    assert livenames.word_names(STRING, "s") == {0: "s.ptr"}
    assert livenames.word_names(EMPTY_INTERFACE, "x") == {8: "x.data"}
    assert livenames.word_names(iface, "x") == {8: "x.data"}
    assert livenames.word_names(st, "t") == {0: "t.a", 16: "t.s.ptr", 32: "t.arr[0].ptr",
                                            56: "t.arr[1].ptr"}
    assert livenames.word_names(INT, "i") == {}


def test_callee_names() -> None:
    assert liveness.callee_name("runtime.convT64") == "convT64"
    assert liveness.callee_name("main.(*T).M") == "(*T).M"
    assert liveness.callee_name("main.f.func1") == "f.func1"
    assert liveness.callee_name("encoding/binary.PutUvarint") == "PutUvarint"


SRC = """package main

var sink *int

//go:noinline
func h() {}

//go:noinline
func f(p, q *int) {
\th()
\tsink = q
\th()
\tsink = p
}

func main() { f(nil, nil) }
"""


def test_driver_reports_and_emits_sorted_stack_maps(tmp_path: Path) -> None:
    src = tmp_path / "x.go"
    src.write_text(SRC)
    d = Diagnostics()
    res = compile_files(Config(files=(str(src),), live=True), d)
    msgs = [f"{x.pos.line}: {x.msg}" for x in d.sorted()]
    assert msgs == ["9: live at entry to f: p q", "10: live at call to h: p q",
                    "12: live at call to h: p"]
    assert all(x.warning for x in d.items)
    asm = res.asm
    rows = re.findall(r"^\t\.quad\t(\.Lret\S+), (\.Lsm\.\d+)$", asm, re.M)
    nrows = int(re.search(r'"runtime.nstackmaps":\n\t\.quad\t(\d+)', asm).group(1))  # type: ignore[union-attr]
    calls = asm.count("\tcall\t") - asm.count('\tcall\t"runtime.morestack"')
    assert nrows == len(rows) == calls
    order = [ln[:-1] for ln in asm.splitlines() if ln.startswith(".Lret")]
    assert [r[0] for r in rows] == order
    # f's frame: p and q are params at 16(%rbp) and 24(%rbp).
    fmaps = [m for lab, m in rows if lab.startswith(f".Lret{amd64.quote_free('main.f')}.")]
    bodies = dict(re.findall(r"^(\.Lsm\.\d+):\n\t\.quad\t(.*)$", asm, re.M))
    # {outargs, n, (off, count, stride)..., nopen, nobj}: p and q are one run; no open
    # defers, no stack objects
    assert [bodies[m] for m in fmaps] == ["0, 1, 16, 2, 8, 0, 0", "0, 1, 16, 1, 8, 0, 0"]


def test_dump_live(tmp_path: Path) -> None:
    src = tmp_path / "x.go"
    src.write_text(SRC)
    res = compile_files(Config(files=(str(src),), dump="live"), Diagnostics())
    assert "func main.f\n  x.go:10 call h:  [p+0 q+0]\n  x.go:12 call h:  [p+0]\n" in res.dumps


def test_precise_scanning_is_load_bearing(tmp_path: Path) -> None:
    """cases/live/precise.go collects the object behind a dead slot only with the stack
    maps; without the table every frame is scanned conservatively and it survives."""
    case = Path(__file__).parent.parent / "cases" / "live" / "precise.go"
    asm = compile_files(Config(files=(str(case),)), Diagnostics()).asm
    without = asm.replace('"runtime.stackmaps"', '"x.stackmaps"').replace(
        '"runtime.nstackmaps"', '"x.nstackmaps"')
    outs = []
    for name, text in (("with", asm), ("without", without)):
        s = tmp_path / f"{name}.s"
        s.write_text(text)
        exe = tmp_path / name
        link.link([str(s)], str(exe))
        proc = subprocess.run([str(exe)], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0
        outs.append(proc.stderr)
    assert outs == ["dead slot collected: true\nlive slot kept: true\n",
                    "dead slot collected: false\nlive slot kept: true\n"]


INLINED_TWICE = """package main

type V struct{ v any }

//go:noinline
func tick() {}

//go:noinline
func pin(x, y int) {}

func (v *V) load() any {
	tick()
	return v.v
}

func main() {
	var w V
	a := w.load()
	pin(1, 2)
	b := w.load()
	pin(3, 4)
	println(a == b)
}
"""


def test_each_inlined_copy_of_a_call_gets_its_own_stack_map(tmp_path: Path) -> None:
    """Inlining copies load's body twice, sharing its argument-less call to tick: each
    emitted call still pairs with its own map (pin passes 16 argument bytes, the other
    calls none)."""
    src = tmp_path / "x.go"
    src.write_text(INLINED_TWICE)
    res = compile_files(Config(files=(str(src),)), Diagnostics())
    asm = res.asm
    maps = dict(re.findall(r"^(\.Lsm\.\d+):\n\t\.quad\t(\d+),", asm, re.M))
    rows = dict(re.findall(r"^\t\.quad\t(\.Lret\S+), (\.Lsm\.\d+)$", asm, re.M))
    calls = re.findall(r'\tcall\t"([^"]+)"\n(\.Lret\S+):', asm)
    got = [(callee, int(maps[rows[lab]])) for callee, lab in calls if lab in rows]
    assert ("main.pin", 16) in got
    assert all(n == (16 if callee == "main.pin" else 0) for callee, n in got), got


def test_gc_runs_visit_only_live_slots_across_word_boundaries() -> None:
    """Runs are found per slot holding live words, whatever the slots around it hold;
    a size-only temporary's last partial word is not scanned."""
    a = slot("a", PINT)
    b = slot("b", Array(3, PINT))
    t = slot(".autotmp_0", None, size=20)
    c = slot("c", Struct((Field("p", PINT), Field("n", INT), Field("q", PINT))))
    d = slot("d", PINT)
    writes = tuple(ir.Local(n, off) for n, offs in
                   (("a", (0,)), ("b", (0, 8, 16)), (t.name, (0, 8, 16)), ("c", (0, 16)),
                    ("d", (0,)))
                   for off in offs)
    f = func([a, b, t, c, d], ([ir.CCall(pos(2), "runtime.g", (), writes)], ir.Ret(pos(3))))
    fr = liveness.Frame.of(f)
    mask = (fr.span(ir.Local("b", 8), 16) | fr.span(ir.Local(t.name), 20)
            | fr.span(ir.Local("c", 16), 8))
    assert liveness.gc_runs(fr, mask) == (("b", 8, 2, 8), (t.name, 0, 2, 8), ("c", 16, 1, 8))
    assert liveness.gc_runs(fr, fr.span(ir.Local("d"), 8)) == (("d", 0, 1, 8),)
    assert liveness.gc_runs(fr, 0) == ()
