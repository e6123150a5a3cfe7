"""Indexing and slicing: `a[i]`, `s[i]`, `str[i]`, `x[i:j:k]`, `m[k]`.

    s[i]        binop ge w8 u bad <- i, s+8;  if bad: runtime.panicIndex(i, len(s))
                p = s.ptr + i*8;  load 8 <- *(p)+0

A constant index into an array is an offset, with no check (the checker bounded it);
into a slice, after the check, an offset from a copy of the data pointer
(`s[2]`: `mov p <- s+0; load 8 <- *(p)+16`).
Slicing checks `0 <= lo <= hi <= max <= cap` with gc's panicSlice* calls, and does not
move the pointer when the result's cap is 0 (it would point past the array). m[k]
copies k into a temp and calls runtime.mapaccess1/2 with its address; with a string
key, gc's mapaccess1_faststr/mapaccess2_faststr take k itself.
"""

from __future__ import annotations

from collections.abc import Callable

from compiler import ir
from compiler.diag import Pos
from compiler.types import tree as T
from compiler.types.typ import (
    INT,
    Array,
    Basic,
    Kind,
    Map,
    Pointer,
    Slice,
    is_signed,
    is_string,
    size_of,
    under,
)
from compiler.walk.base import (
    Direct,
    Indirect,
    LVal,
    WalkerBase,
    at,
    fast_str,
    sub,
)


class IndexWalker(WalkerBase):
    """Indexing and slicing: x[i], s[i:j:k], m[k]."""

    def int_word(self, pos: Pos, e: T.Expr) -> tuple[ir.Local, bool]:
        """e (any integer type) extended to 8 bytes, and whether it is signed."""
        m = self.expr(e)
        w = size_of(e.type)
        sg = is_signed(e.type)
        if w == 8 and isinstance(m, ir.Local):
            return m, sg
        tmp = self.temp(8)
        self.emit(ir.Ext(pos, tmp, 8, m, w, sg))
        return tmp, sg

    def bounds(self, pos: Pos, idx: ir.Local, n: ir.Operand, sg: bool = True) -> None:
        """Panic through runtime.panicIndex(idx, n) unless idx < n (compared unsigned, so
        a negative idx fails too); panicIndexU for an idx of unsigned type."""
        bad = self.temp(1)
        self.emit(ir.BinOp(pos, ir.Op.GE, bad, idx, n, 8, False))
        self.panic_if(pos, bad, "panicIndex" if sg else "panicIndexU", [idx, n])

    def index_lval(self, e: T.Expr, x: T.Expr, ix: T.Expr) -> LVal:
        """The location of x[ix] for an array or slice x, after the bounds check."""
        u = under(x.type)
        pos = bracket(e)
        es = size_of(e.type)
        const = ix.value if isinstance(ix, T.ConstExpr) and isinstance(ix.value, int) else None
        p: ir.Mem
        if isinstance(u, Array):
            base = self.lvalue(x) if self.addressable(x) else Direct(self.expr(x))
            if const is not None and not isinstance(const, bool):
                return sub(base, const * es)
            i, sg = self.int_word(pos, ix)
            self.bounds(pos, i, ir.Imm(u.length), sg)
            p = self.addr(pos, base)
        else:
            sm = self.expr(x)
            i, sg = self.int_word(pos, ix)
            self.bounds(pos, i, at(sm, 8), sg)
            p = at(sm, 0)
            if const is not None and not isinstance(const, bool) and const * es < 1 << 31:
                # the pointer is read now (x may be assigned before the element is)
                q = self.temp(Pointer(e.type))
                self.emit(ir.Mov(pos, q, p, 8))
                return Indirect(q, const * es)
        # One temporary: the scaled index, then the address (no call in between).
        q = self.temp(Pointer(e.type))
        if es == 1:
            self.emit(ir.BinOp(pos, ir.Op.ADD, q, p, i, 8, False))
        else:
            self.emit(ir.BinOp(pos, ir.Op.MUL, q, i, ir.Imm(es), 8, False))
            self.emit(ir.BinOp(pos, ir.Op.ADD, q, q, p, 8, False))
        return Indirect(q, 0)

    def index_lval_late(self, e: T.Index) -> Callable[[], LVal]:
        """x[i] of an array or slice as phase one of an assignment of several values
        evaluates it (gc's ascompatee): x's location or slice header and i now, copied,
        the bounds check and the address when the returned function is called."""
        x, ix = e.x, e.index
        if isinstance(ix, T.ConstExpr) and isinstance(ix.value, int) and isinstance(
                under(x.type), Array):
            f = self.lhs_late(x) if self.addressable(x) else None
            off = int(ix.value) * size_of(e.type)
            if f is not None:
                return lambda: sub(f(), off)
            lv = self.index_lval(e, x, ix)
            return lambda: lv
        u = under(x.type)
        pos = e.pos
        es = size_of(e.type)
        if isinstance(u, Array):
            inner = self.lhs_late(x) if self.addressable(x) else None
            if inner is None:
                base = self.lvalue(x) if self.addressable(x) else Direct(self.expr(x))
            n: ir.Operand = ir.Imm(u.length)
        else:
            sm = self.copy_temp(pos, self.expr(x), x.type)
            n = at(sm, 8)
        w, sg = self.int_word(pos, ix)
        i = self.copy_temp(pos, w, INT)

        def finish() -> LVal:
            self.bounds(pos, i, n, sg)
            p: ir.Mem
            if isinstance(u, Array):
                p = self.addr(pos, base if inner is None else inner())
            else:
                p = at(sm, 0)
            q = self.temp(Pointer(e.type))
            self.emit(ir.BinOp(pos, ir.Op.MUL, q, i, ir.Imm(es), 8, False))
            self.emit(ir.BinOp(pos, ir.Op.ADD, q, q, p, 8, False))
            return Indirect(q, 0)
        return finish

    def string_index(self, e: T.Index) -> ir.Mem:
        """s[i]: the byte, after the bounds check."""
        pos = bracket(e)
        sm = self.expr(e.x)
        i, sg = self.int_word(pos, e.index)
        self.bounds(pos, i, at(sm, 8), sg)
        p = self.temp(8)
        self.emit(ir.BinOp(pos, ir.Op.ADD, p, at(sm, 0), i, 8, False))
        tmp = self.temp(e.type)
        self.emit(ir.Load(pos, tmp, p, 0, 1))
        return tmp

    def slice_expr(self, e: T.SliceExpr) -> ir.Mem:
        """x[lo:hi:max] of a string, slice or pointer to array, with gc's bounds checks."""
        pos, x = bracket(e), e.x
        u = under(x.type)
        m = self.expr(x)
        base = self.temp(8)
        self.emit(ir.Mov(pos, base, m, 8))
        if is_string(x.type):
            cap: ir.Mem = at(m, 8)
            ln: ir.Mem = at(m, 8)
            es = 1
        elif isinstance(u, Slice):
            ln, cap = at(m, 8), at(m, 16)
            es = size_of(u.elem)
        else:
            assert isinstance(u, Pointer)
            arr = under(u.elem)
            assert isinstance(arr, Array)
            ln = cap = self.const_int(pos, arr.length)
            es = size_of(arr.elem)
            # gc checks the pointer even when nothing is read through it (p[0:] of a
            # nil *[N]T panics)
            self.emit(ir.NilCheck(pos, base))
        int_ = Basic(Kind.INT, "int")
        lo, lo_sg = self.int_word(pos, e.lo) if e.lo is not None else (
            self.const_int(pos, 0), True)
        hi, hi_sg = self.int_word(pos, e.hi) if e.hi is not None else (
            self.copy_temp(pos, ln, int_), True)
        mx, mx_sg = self.int_word(pos, e.max) if e.max is not None else (
            self.copy_temp(pos, cap, int_), True)
        # gc's checks, in its order: a string's or array's bound is its length, a slice's
        # its capacity; an unsigned index takes the U twin (printed unsigned).
        a = "Alen" if not isinstance(u, Slice) else "Acap"
        bad = self.temp(1)
        if e.max is not None:
            self.emit(ir.BinOp(pos, ir.Op.GT, bad, mx, cap, 8, False))
            self.panic_if(pos, bad, _u("panicSlice3" + a, mx_sg), [mx, cap])
            self.emit(ir.BinOp(pos, ir.Op.GT, bad, hi, mx, 8, False))
            self.panic_if(pos, bad, _u("panicSlice3B", hi_sg), [hi, mx])
            self.emit(ir.BinOp(pos, ir.Op.GT, bad, lo, hi, 8, False))
            self.panic_if(pos, bad, _u("panicSlice3C", lo_sg), [lo, hi])
        else:
            limit = ln if is_string(x.type) or e.hi is None else cap
            fn = "panicSliceAlen" if e.hi is None else "panicSlice" + a
            self.emit(ir.BinOp(pos, ir.Op.GT, bad, hi, limit, 8, False))
            self.panic_if(pos, bad, _u(fn, hi_sg), [hi, limit])
            self.emit(ir.BinOp(pos, ir.Op.GT, bad, lo, hi, 8, False))
            self.panic_if(pos, bad, _u("panicSliceB", lo_sg), [lo, hi])
        tmp = self.temp(e.type)
        n = self.temp(8)
        self.emit(ir.BinOp(pos, ir.Op.SUB, n, hi, lo, 8, False))
        c = self.temp(8)
        self.emit(ir.BinOp(pos, ir.Op.SUB, c, mx, lo, 8, False))
        # do NOT point past the end of the array when the result is empty at cap
        nz = self.temp(1)
        self.emit(ir.BinOp(pos, ir.Op.NE, nz, c, ir.Imm(0), 8, False))
        yes, end = self.new_block(), self.new_block()
        self.branch(pos, nz, yes, end)
        self.start(yes)
        off = self.temp(8)
        self.emit(ir.BinOp(pos, ir.Op.MUL, off, lo, ir.Imm(es), 8, False))
        self.emit(ir.BinOp(pos, ir.Op.ADD, base, base, off, 8, False))
        self.jump(pos, end)
        self.start(end)
        self.emit(ir.Mov(pos, tmp, base, 8))
        self.emit(ir.Mov(pos, at(tmp, 8), n, 8))
        if not is_string(x.type):
            self.emit(ir.Mov(pos, at(tmp, 16), c, 8))
        return tmp

    def map_index(self, e: T.MapIndex, commaok: bool) -> list[ir.Mem]:
        """m[k]: [value] through runtime.mapaccess1, or [value, ok] through mapaccess2 (the zero
        value when absent)."""
        pos = e.pos
        u = under(e.x.type)
        assert isinstance(u, Map)
        m = self.expr(e.x)
        fast = fast_str(e.x.type)
        if fast:
            k = self.expr(e.key)
            args: list[ir.Operand] = [m, k, at(k, 8)]
        else:
            k = self.map_key(pos, e.key, u.key)
            pk = self.temp(8)
            self.emit(ir.LoadAddr(pos, pk, k))
            args = [m, pk]
        sfx = "_faststr" if fast else ""
        out = self.temp(u.elem)
        if commaok:
            pe, ok = self.ccall(pos, "mapaccess2" + sfx, args, 2)
            if size_of(u.elem):
                self.emit(ir.Load(pos, out, pe, 0, size_of(u.elem)))
            okb = self.temp(1)
            self.emit(ir.Mov(pos, okb, ok, 1))
            return [out, okb]
        (pe,) = self.ccall(pos, "mapaccess1" + sfx, args, 1)
        if size_of(u.elem):
            self.emit(ir.Load(pos, out, pe, 0, size_of(u.elem)))
        return [out]


def _u(fn: str, signed: bool) -> str:
    """The runtime's bounds panic fn, or its twin for an unsigned index."""
    return fn if signed else fn + "U"


def bracket(e: T.Expr) -> Pos:
    """Where gc places index or slice expression e's code and bounds checks: its `[`
    (after a `/*line*/` directive between the operand and the `[`, the line it gives)."""
    if isinstance(e, (T.Index, T.SliceExpr)) and e.lbrack is not None:
        return e.lbrack
    return e.pos
