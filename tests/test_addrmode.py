"""addrmode: element addresses folded into the loads and stores that read them, on
hand-built IR."""

from __future__ import annotations

from compiler import addrmode, ir
from compiler.diag import Pos

_P = Pos("t.go", 1, 1)
T, U = ".autotmp_t", ".autotmp_u"
SLOTS = (ir.Slot("p", ir.SlotKind.AUTO, 8, (0,)), ir.Slot("i", ir.SlotKind.AUTO, 8),
         ir.Slot("v", ir.SlotKind.AUTO, 8), ir.Slot(T, ir.SlotKind.AUTO, 8, (0,)),
         ir.Slot(U, ir.SlotKind.AUTO, 8, (0,)), ir.Slot(".autotmp_c", ir.SlotKind.AUTO, 1))
ALL = frozenset(s.name for s in SLOTS)


def _func(*blocks: tuple[tuple[ir.Instr, ...], ir.Term]) -> ir.Func:
    return ir.Func("main.f", _P, SLOTS,
                   tuple(ir.Block(k, ins, t) for k, (ins, t) in enumerate(blocks)), 0)


def _addr(t: str) -> tuple[ir.BinOp, ir.BinOp]:
    return (ir.BinOp(_P, ir.Op.MUL, ir.Local(t), ir.Local("i"), ir.Imm(8), 8, False),
            ir.BinOp(_P, ir.Op.ADD, ir.Local(t), ir.Local(t), ir.Local("p"), 8, False))


def _load(ptr: str) -> ir.Load:
    return ir.Load(_P, ir.Local("v"), ir.Local(ptr), 0, 8)


def _bump(slot: str) -> ir.BinOp:
    return ir.BinOp(_P, ir.Op.ADD, ir.Local(slot), ir.Local(slot), ir.Imm(1), 8, False)


def _call() -> ir.Call:
    return ir.Call(_P, "main.g", (ir.Arg(ir.Local("v"), 0, 8),), (), 8)



def test_an_address_only_loaded_through_becomes_an_indexed_load() -> None:
    f = _func(((*_addr(T), _load(T)), ir.Jump(_P, 1)),
              ((ir.Store(_P, ir.Local(T), 0, ir.Local("i"), 8),), ir.Ret(_P)))
    g = addrmode.index_func(f)
    assert [len(b.instrs) for b in g.blocks] == [1, 1]
    ld, st = g.blocks[0].instrs[0], g.blocks[1].instrs[0]
    assert isinstance(ld, ir.Load) and isinstance(st, ir.Store)
    assert (ld.ptr, ld.idx, ld.scale) == (ir.Local("p"), ir.Local("i"), 8)
    assert (st.ptr, st.idx, st.scale) == (ir.Local("p"), ir.Local("i"), 8)
    assert "*(p+0 + i+0*8)+0" in ir.dump_func(g)


def test_an_address_copied_to_a_temporary_is_followed() -> None:
    f = _func(((*_addr(T), ir.Mov(_P, ir.Local(U), ir.Local(T)), _load(U)), ir.Ret(_P)))
    g = addrmode.index_func(f)
    assert len(g.blocks[0].instrs) == 1
    assert g.blocks[0].instrs[0] == ir.evolve(_load("p"), idx=ir.Local("i"), scale=8)


def test_a_byte_address_built_by_one_add_or_from_a_copied_base_is_folded() -> None:
    # walk's `add T <- p, i` (scale 1) and a range loop's `mov T <- p ; mul U <- i, $1 ;
    # add T <- T, U`
    add = ir.BinOp(_P, ir.Op.ADD, ir.Local(T), ir.Local("p"), ir.Local("i"), 8, False)
    one = _func(((add, _load(T)), ir.Ret(_P)))
    mul = ir.BinOp(_P, ir.Op.MUL, ir.Local(U), ir.Local("i"), ir.Imm(1), 8, False)
    acc = ir.BinOp(_P, ir.Op.ADD, ir.Local(T), ir.Local(T), ir.Local(U), 8, False)
    three = _func(((ir.Mov(_P, ir.Local(T), ir.Local("p")), mul, acc, _load(T)), ir.Ret(_P)))
    for f in (one, three):
        g = addrmode.index_func(f)
        assert g.blocks[0].instrs == (ir.evolve(_load("p"), idx=ir.Local("i"), scale=1),)
    # U read again: the three instructions stay
    again = _func(((ir.Mov(_P, ir.Local(T), ir.Local("p")), mul, acc, _load(T),
                    ir.Mov(_P, ir.Local("v"), ir.Local(U))), ir.Ret(_P)))
    assert addrmode.index_func(again) is again


def test_an_address_is_kept_when_its_index_changes_or_it_is_read_otherwise() -> None:
    bumped = _func(((*_addr(T), _bump("i"), _load(T)), ir.Ret(_P)))
    passed = _func(((*_addr(T), _load(T), ir.Mov(_P, ir.Local("v"), ir.Local(T))),
                    ir.Ret(_P)))
    # reached through a join: the other predecessor did not compute it
    joined = _func(((*_addr(T),), ir.If(_P, ir.Local(".autotmp_c"), 1, 2)),
                   ((), ir.Jump(_P, 2)), ((_load(T),), ir.Ret(_P)))
    for f in (bumped, passed, joined):
        assert addrmode.index_func(f) is f
