"""Conversions and type assertions, one method per conversion kind (tree.ConvKind)
dispatched from `convert`, and the interface words they share (`dyn_type`,
`type_word`, `cached_itab`, `unbox`).

    var e interface{} = n        // n int, e does not escape
    mov w8 tmp+0 <- $type.int(SB)       the type word
    mov w8 copy+0 <- n+0                 n copied into a stack temporary ...
    addr tmp+8 <- &copy+0                ... whose address is the data word

(see `stack_data_word`); if e escapes the data word comes from runtime.convT2E. An
interface-to-interface conversion looks its itab up through a one-entry cache per site.
"""

from __future__ import annotations

from collections.abc import Callable

from compiler import ir
from compiler.diag import Pos
from compiler.reflectdata import ITAB_TYP
from compiler.types import tree as T
from compiler.types.typ import (
    Array,
    Interface,
    Pointer,
    Type,
    is_direct_iface,
    is_empty_interface,
    is_signed,
    size_of,
    under,
)
from compiler.walk.base import (
    Direct,
    Unsupported,
    WalkerBase,
    at,
)


class ConvertWalker(WalkerBase):
    """Conversions and type assertions."""

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

    def convert(self, e: T.Convert) -> ir.Mem:
        pos, k, x, t = e.pos, e.kind, e.x, e.type
        K = T.ConvKind
        if k is K.NOP:
            return self.expr(x)
        if k is K.SLICE_TO_ARRAYPTR:
            return self.slice_to_arrayptr(e)
        if k is K.INT:
            m = self.expr(x)
            tmp = self.temp(t)
            self.emit(ir.Ext(pos, tmp, size_of(t), m, size_of(x.type), is_signed(x.type)))
            return tmp
        if k in (K.INT_TO_FLOAT, K.FLOAT_TO_INT, K.FLOAT):
            m = self.expr(x)
            if k is K.FLOAT and size_of(t) == size_of(x.type):
                return m
            tmp = self.temp(t)
            if k is K.INT_TO_FLOAT:
                kind = "i2f" if is_signed(x.type) else "u2f"
                src = self.ext8(pos, m, size_of(x.type), is_signed(x.type))
                self.emit(ir.FConv(pos, kind, tmp, size_of(t), src, 8))
            elif k is K.FLOAT_TO_INT:
                kind = "f2i" if is_signed(t) else "f2u"
                wide = self.temp(8)
                self.emit(ir.FConv(pos, kind, wide, 8, m, size_of(x.type)))
                self.emit(ir.Ext(pos, tmp, size_of(t), wide, 8, False))
            else:
                self.emit(ir.FConv(pos, "f2f", tmp, size_of(t), m, size_of(x.type)))
            return tmp
        if k is K.COMPLEX:
            m = self.expr(x)
            if size_of(t) == size_of(x.type):
                return m
            tmp = self.temp(t)
            h, sh = size_of(t) // 2, size_of(x.type) // 2
            self.emit(ir.FConv(pos, "f2f", tmp, h, m, sh))
            self.emit(ir.FConv(pos, "f2f", at(tmp, h), h, at(m, sh), sh))
            return tmp
        if k in (K.INT_TO_STRING, K.BYTES_TO_STRING, K.RUNES_TO_STRING):
            m = self.expr(x)
            if k is K.INT_TO_STRING:
                r = self.ccall(pos, "intstring",
                               [self.ext8(pos, m, size_of(x.type), is_signed(x.type))], 2)
            else:
                fn = "slicebytetostring" if k is K.BYTES_TO_STRING else "slicerunetostring"
                r = self.ccall(pos, fn, [m, at(m, 8)], 2)
            tmp = self.temp(t)
            self.emit(ir.Mov(pos, tmp, r[0], 8))
            self.emit(ir.Mov(pos, at(tmp, 8), r[1], 8))
            return tmp
        if k in (K.STRING_TO_BYTES, K.STRING_TO_RUNES):
            m = self.expr(x)
            tmp = self.temp(t)
            if k is K.STRING_TO_BYTES:
                (p,) = self.ccall(pos, "stringtoslicebyte", [m, at(m, 8)], 1)
                n: ir.Operand = at(m, 8)
            else:
                p, n = self.ccall(pos, "stringtoslicerune", [m, at(m, 8)], 2)
            self.emit(ir.Mov(pos, tmp, p, 8))
            self.emit(ir.Mov(pos, at(tmp, 8), n, 8))
            self.emit(ir.Mov(pos, at(tmp, 16), n, 8))
            return tmp
        if k in (K.T2E, K.T2I):
            return self.conv_t2i(e)
        if k is K.I2E:
            m = self.expr(x)
            tmp = self.temp(t)
            tw = self.dyn_type(pos, x.type, m)
            self.emit(ir.Mov(pos, tmp, tw, 8))
            self.emit(ir.Mov(pos, at(tmp, 8), at(m, 8), 8))
            return tmp
        if k is K.I2I:
            m = self.expr(x)
            tmp = self.temp(t)
            isym = self.type_addr(t)

            def conv() -> ir.Operand:
                tw = self.dyn_type(pos, x.type, m)
                return self.ccall(pos, "convI2I", [isym, tw], 1)[0]

            tab = self.cached_itab(pos, at(m, 0), conv)
            self.emit(ir.Mov(pos, tmp, tab, 8))
            self.emit(ir.Mov(pos, at(tmp, 8), at(m, 8), 8))
            return tmp
        raise Unsupported(pos, f"conversion {k.value}")

    def slice_to_arrayptr(self, e: T.Convert) -> ir.Mem:
        """(*[N]T)(s): s's data pointer, after checking len(s) >= N (gc's
        panicSliceConvert(N, len))."""
        pos = e.pos
        pt = under(e.type)
        assert isinstance(pt, Pointer)
        arr = under(pt.elem)
        assert isinstance(arr, Array)
        s = self.copy_temp(pos, self.expr(e.x), e.x.type)
        if arr.length > 0:
            bad = self.temp(1)
            self.emit(ir.BinOp(pos, ir.Op.LT, bad, at(s, 8), ir.Imm(arr.length), 8, True))
            self.panic_if(pos, bad, "panicSliceConvert", [ir.Imm(arr.length), at(s, 8)])
        tmp = self.temp(e.type)
        self.emit(ir.Mov(pos, tmp, s, 8))
        return tmp

    def type_word(self, t: Type, iface: Type) -> ir.SymAddr:
        """The first word of an interface of type iface holding a t: &type.T or &itab."""
        if is_empty_interface(iface):
            return self.type_addr(t)
        return ir.SymAddr(self.pb.reflect.itab_sym(t, iface))

    def conv_t2i(self, e: T.Convert) -> ir.Mem:
        """A value-to-interface conversion (see the module docstring for the three ways)."""
        pos, x, t = e.pos, e.x, e.type
        if size_of(x.type) > 1024 and self.addressable(x):
            # convT2E copies straight from the variable: no temporary copy (for a huge
            # *p, a huge stack slot).
            pv = self.addr(pos, self.lvalue(x))
            tmp = self.temp(t)
            tw = self.type_word(x.type, t)
            self.emit(ir.Mov(pos, tmp, tw, 8))
            fn = "convT2E" if is_empty_interface(t) else "convT2I"
            (d,) = self.ccall(pos, fn, [tw, pv], 1)
            self.emit(ir.Mov(pos, at(tmp, 8), d, 8))
            return tmp
        m = self.expr(x)
        tmp = self.temp(t)
        tw = self.type_word(x.type, t)
        self.emit(ir.Mov(pos, tmp, tw, 8))
        if is_direct_iface(x.type):
            self.emit(ir.Mov(pos, at(tmp, 8), m, 8))
            return tmp
        if size_of(x.type) == 0:
            self.emit(ir.Mov(pos, at(tmp, 8), ir.SymAddr("runtime.zerobase"), 8))
            return tmp
        opts = self.pb.opts
        if opts.convinline and id(e) in opts.stackconv and size_of(x.type) <= 1024:
            copy = self.temp(x.type)
            self.move(pos, copy, m, size_of(x.type))
            self.emit(ir.LoadAddr(pos, at(tmp, 8), copy))
            return tmp
        pv = self.temp(8)
        self.emit(ir.LoadAddr(pos, pv, m))
        fn = "convT2E" if is_empty_interface(t) else "convT2I"
        (d,) = self.ccall(pos, fn, [tw, pv], 1)
        self.emit(ir.Mov(pos, at(tmp, 8), d, 8))
        return tmp

    def type_assert(self, e: T.TypeAssert, commaok: bool) -> list[ir.Mem]:
        """x.(T): compare the dynamic type with T's descriptor (concrete T) or look up
        the itab (interface T); panic or report ok=false on mismatch."""
        pos, target = e.pos, e.target
        m = self.copy_temp(pos, self.expr(e.x), e.x.type)
        tw = self.dyn_type(pos, e.x.type, m)
        out = self.temp(target)
        ok = self.temp(1)
        if isinstance(under(target), Interface):
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
            return [out, ok] if commaok else [out]
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
        return [out, ok] if commaok else [out]

    def unbox(self, pos: Pos, t: Type, data: ir.Mem, out: ir.Local) -> None:
        """out = the t held in an interface whose data word is at `data`."""
        if is_direct_iface(t):
            self.emit(ir.Mov(pos, out, data, 8))
        elif size_of(t):
            p = self.copy_temp(pos, data, Pointer(t))
            self.emit(ir.Load(pos, out, p, 0, size_of(t)))
