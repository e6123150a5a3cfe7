"""hoist: pointer words that call-free loops read copied once before them, on
hand-built IR."""

from __future__ import annotations

from compiler import hoist, ir
from tests.test_addrmode import _P, ALL, T, _addr, _bump, _call, _func, _load


def _loop(body: tuple[ir.Instr, ...]) -> ir.Func:
    """b0: a call; b1: loop header (i < 8); b2: body, back to b1; b3: exit."""
    cond = ir.BinOp(_P, ir.Op.LT, ir.Local(".autotmp_c"), ir.Local("i"), ir.Imm(8), 8, True)
    return _func(((_call(),), ir.Jump(_P, 1)),
                 ((cond,), ir.If(_P, ir.Local(".autotmp_c"), 2, 3)),
                 ((*body, _bump("i")), ir.Jump(_P, 1)),
                 ((_call(),), ir.Ret(_P)))


def test_a_pointer_read_in_a_call_free_loop_is_read_from_a_preheader_copy() -> None:
    f = _loop((*_addr(T), _load(T)))
    g = hoist.hoist_func(f, ALL)
    assert len(g.blocks) == 5
    pre = g.blocks[1]
    assert pre.instrs == (ir.Mov(_P, ir.Local(".hoist_0"), ir.Local("p"), 8),)
    assert pre.term == ir.Jump(_P, 2)
    assert g.blocks[0].term == ir.Jump(_P, 1) and g.blocks[3].term == ir.Jump(_P, 2)
    add = g.blocks[3].instrs[1]
    assert isinstance(add, ir.BinOp) and add.y == ir.Local(".hoist_0")
    s = g.slots[-1]
    assert (s.name, s.size, tuple(s.ptrs)) == (".hoist_0", 8, ())


def test_a_loop_that_writes_the_word_or_calls_or_an_untracked_one_is_left_alone() -> None:
    writes = _loop((*_addr(T), _load(T), _bump("p")))
    calls = _loop((*_addr(T), _load(T), _call()))
    assert hoist.hoist_func(writes, ALL) is writes
    assert hoist.hoist_func(calls, ALL) is calls
    plain = _loop((*_addr(T), _load(T)))
    assert hoist.hoist_func(plain, ALL - {"p"}) is plain
