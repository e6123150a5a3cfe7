"""Composite literals, dispatched by the literal's underlying type.

    T{x: 1}        zero the destination (unless it is fresh), then write each element
    []int{1, 2}    runtime.newobject([2]int), store the elements, build {p, 2, 2}
    map[K]V{k: v}  runtime.makemap, then runtime.mapassign and a store per element

A struct or array literal's elements are evaluated, in order, into temps before any is
written (an element may read the variable being assigned).
"""

from __future__ import annotations

from compiler import ir
from compiler.types import tree as T
from compiler.types.typ import (
    Array,
    Map,
    Slice,
    Struct,
    Type,
    size_of,
    struct_layout,
    type_string,
    under,
)
from compiler.walk.base import (
    Indirect,
    LVal,
    Unsupported,
    WalkerBase,
    at,
    sub,
)


class ComplitWalker(WalkerBase):
    """Composite literals."""

    def composite(self, lv: LVal, e: T.CompositeLit, zeroed: bool) -> None:
        """Store composite literal e into lv (already zero when zeroed)."""
        pos, t = e.pos, e.type
        u = under(t)
        if isinstance(u, Struct | Array):
            vals: list[tuple[int, T.Expr, Type]] = []
            if isinstance(u, Struct):
                offs, _ = struct_layout(u)
                for el in e.elems:
                    assert isinstance(el.key, int)
                    vals.append((offs[el.key], el.value, u.fields[el.key].type))
            else:
                es = size_of(u.elem)
                for el in e.elems:
                    assert isinstance(el.key, int)
                    vals.append((el.key * es, el.value, u.elem))
            ms = [(off, self.elem_value(v), ft) for off, v, ft in vals]
            if not zeroed:
                self.write_zero(pos, lv, t)
            for off, m, ft in ms:
                if m is not None:
                    self.write(pos, sub(lv, off), m, ft)
            return
        if isinstance(u, Slice):
            n = max((el.key + 1 for el in e.elems if isinstance(el.key, int)), default=0)
            tmp = self.temp(t)
            if n:
                p = self.alloc(pos, Array(n, u.elem))
                es = size_of(u.elem)
                for el in e.elems:
                    assert isinstance(el.key, int)
                    m = self.elem_value(el.value)
                    if m is not None:
                        self.write(pos, Indirect(p, el.key * es), m, u.elem)
                self.emit(ir.Mov(pos, tmp, p, 8))
            else:
                self.emit(ir.Mov(pos, tmp, ir.SymAddr("runtime.zerobase"), 8))
            self.emit(ir.Mov(pos, at(tmp, 8), ir.Imm(n), 8))
            self.emit(ir.Mov(pos, at(tmp, 16), ir.Imm(n), 8))
            self.write(pos, lv, tmp, t)
            return
        if isinstance(u, Map):
            (mp,) = self.ccall(pos, "makemap", [self.type_addr(u.key),
                                                ir.Imm(size_of(u.elem))], 1)
            for el in e.elems:
                assert not isinstance(el.key, int)
                k = self.copy_temp(pos, self.expr(el.key), u.key)
                v = self.elem_value(el.value)
                pk = self.temp(8)
                self.emit(ir.LoadAddr(pos, pk, k))
                (pe,) = self.ccall(pos, "mapassign", [mp, pk], 1)
                if v is not None:
                    self.write(pos, Indirect(pe, 0), v, u.elem)
            self.write(pos, lv, mp, t)
            return
        raise Unsupported(pos, f"composite literal of {type_string(t)}")

    def elem_value(self, v: T.Expr) -> ir.Mem | None:
        """The value of a composite element, copied (None for a zero-size value)."""
        if size_of(v.type) == 0:
            self.expr(v)
            return None
        return self.copy_temp(v.pos, self.expr(v), v.type)
