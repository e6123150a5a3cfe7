"""Interface values: their dynamic type, per-site itab caches, unboxing, and type
assertions.

    v, ok := x.(T)          // x interface{}, T concrete
    tw = x's type word (x's itab's typ for a non-empty x; 0 for nil)
    ok = tw == &type.T;  if ok: v = the T held (the data word, or *data)  else v = 0

    r := x.(io.Reader)
    the itab of tw for io.Reader from this site's one-entry cache
    (go.itabcache.N), else runtime.assertE2I, which panics if tw lacks a method

Itabs built at run time are not unique: compare dynamic types (`dyn_type`), never
itab words.
"""

from __future__ import annotations

from collections.abc import Callable

from compiler import ir
from compiler.diag import Pos
from compiler.reflectdata import ITAB_TYP
from compiler.types import tree as T
from compiler.types.typ import (
    Interface,
    Pointer,
    Type,
    is_direct_iface,
    is_empty_interface,
    size_of,
    under,
)
from compiler.walk.base import Direct, WalkerBase, at


class IfaceWalker(WalkerBase):
    """Interface values and type assertions."""

    def assert_call(self, pos: Pos, isym: ir.SymAddr,
                    tw: ir.Operand) -> Callable[[], ir.Operand]:
        """A cached_itab miss thunk calling runtime.assertE2I2(isym, tw)."""
        return lambda: self.ccall(pos, "assertE2I2", [isym, tw], 1)[0]

    def cached_itab(self, pos: Pos, key: ir.Operand,
                    miss: Callable[[], ir.Operand]) -> ir.Local:
        """The itab for a conversion site through its own one-entry cache: if key (the
        source's first word) equals the cached key and the cached itab is non-nil, that
        itab; else miss() (which emits the runtime call) and refill the cache. key must
        determine the dynamic type (a type word or an itab word); do NOT key on anything
        else. A nil result is never served from the cache, so failures always reach the
        runtime (and its panic)."""
        sym = self.pb.static.itab_cache()
        tab = self.temp(8)
        hit = self.temp(1)
        self.emit(ir.Mov(pos, tab, ir.Imm(0), 8))
        self.emit(ir.BinOp(pos, ir.Op.EQ, hit, key, ir.Global(sym, 0), 8, False))
        probe, call, end = self.new_block(), self.new_block(), self.new_block()
        self.branch(pos, hit, probe, call)
        self.start(probe)
        self.emit(ir.Mov(pos, tab, ir.Global(sym, 8), 8))
        self.emit(ir.BinOp(pos, ir.Op.NE, hit, tab, ir.Imm(0), 8, False))
        self.branch(pos, hit, end, call)
        self.start(call)
        r = miss()
        self.emit(ir.Mov(pos, tab, r, 8))
        self.emit(ir.Mov(pos, ir.Global(sym, 0), key, 8))
        self.emit(ir.Mov(pos, ir.Global(sym, 8), r, 8))
        self.jump(pos, end)
        self.start(end)
        return tab

    def dyn_type(self, pos: Pos, t: Type, x: ir.Mem) -> ir.Local:
        """The dynamic type word of interface value x of type t (nil stays 0)."""
        tw = self.temp(8)
        self.emit(ir.Mov(pos, tw, x, 8))
        if is_empty_interface(t):
            return tw
        nz = self.temp(1)
        self.emit(ir.BinOp(pos, ir.Op.NE, nz, tw, ir.Imm(0), 8, False))
        yes, end = self.new_block(), self.new_block()
        self.branch(pos, nz, yes, end)
        self.start(yes)
        self.emit(ir.Load(pos, tw, tw, ITAB_TYP, 8))
        self.jump(pos, end)
        self.start(end)
        return tw

    def type_assert(self, e: T.TypeAssert, commaok: bool) -> list[ir.Mem]:
        """x.(T): [value] or, with commaok, [value, ok]; by the kind of T."""
        pos, target = e.pos, e.target
        m = self.copy_temp(pos, self.expr(e.x), e.x.type)
        tw = self.dyn_type(pos, e.x.type, m)
        out = self.temp(target)
        ok = self.temp(1)
        if isinstance(under(target), Interface):
            self.assert_iface(e, commaok, m, tw, out, ok)
        else:
            self.assert_concrete(e, commaok, m, tw, out, ok)
        return [out, ok] if commaok else [out]

    def assert_iface(self, e: T.TypeAssert, commaok: bool, m: ir.Local, tw: ir.Local,
                     out: ir.Local, ok: ir.Local) -> None:
        """x.(I) for interface I (E2I/I2I): look the itab of dynamic type tw up for I
        through the site's cache (runtime.assertE2I panics on failure, assertE2I2 gives
        nil), then out = {tw or the itab, x's data word} or nil."""
        pos, target = e.pos, e.target
        isym = self.type_addr(target)
        src = self.type_addr(e.x.type)

        def assert_() -> ir.Operand:
            if commaok:
                return self.ccall(pos, "assertE2I2", [isym, tw], 1)[0]
            return self.ccall(pos, "assertE2I", [isym, tw, src], 1)[0]

        tab = self.cached_itab(pos, tw, assert_)
        self.emit(ir.BinOp(pos, ir.Op.NE, ok, tab, ir.Imm(0), 8, False))
        yes, no, end = self.new_block(), self.new_block(), self.new_block()
        self.branch(pos, ok, yes, no)
        self.start(yes)
        first: ir.Operand = tw if is_empty_interface(target) else tab
        self.emit(ir.Mov(pos, out, first, 8))
        self.emit(ir.Mov(pos, at(out, 8), at(m, 8), 8))
        self.jump(pos, end)
        self.start(no)
        self.emit(ir.Zero(pos, out, 16))
        self.jump(pos, end)
        self.start(end)

    def assert_concrete(self, e: T.TypeAssert, commaok: bool, m: ir.Local, tw: ir.Local,
                        out: ir.Local, ok: ir.Local) -> None:
        """x.(T) for concrete T (E2T/I2T): compare dynamic type tw with &type.T; on a
        match unbox the value, else zero it (commaok) or runtime.panicdottype."""
        pos, target = e.pos, e.target
        want = self.type_addr(target)
        self.emit(ir.BinOp(pos, ir.Op.EQ, ok, tw, want, 8, False))
        yes, no, end = self.new_block(), self.new_block(), self.new_block()
        self.branch(pos, ok, yes, no)
        self.start(yes)
        self.unbox(pos, target, at(m, 8), out)
        self.jump(pos, end)
        self.start(no)
        if commaok:
            self.write_zero(pos, Direct(out), target)
        else:
            self.ccall(pos, "panicdottype", [tw, want, self.type_addr(e.x.type)],
                       noreturn=True)
        self.jump(pos, end)
        self.start(end)

    def unbox(self, pos: Pos, t: Type, data: ir.Mem, out: ir.Local) -> None:
        """out = the t held in an interface whose data word is at `data`."""
        if is_direct_iface(t):
            self.emit(ir.Mov(pos, out, data, 8))
        elif size_of(t):
            p = self.copy_temp(pos, data, Pointer(t))
            self.emit(ir.Load(pos, out, p, 0, size_of(t)))
