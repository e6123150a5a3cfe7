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
    calls_first,
    sub,
)


def int_keys(e: T.CompositeLit) -> list[int]:
    """The field or array indices of e's elements (the checker fills them in)."""
    keys = []
    for el in e.elems:
        assert isinstance(el.key, int)
        keys.append(el.key)
    return keys


def dense(e: T.CompositeLit, n: int, elem: Type) -> bool:
    """Whether slice literal e of length n writes every byte of its array: its elements
    are at indices 0..n-1 in order and elem has no padding (no struct or array) and a
    size."""
    if isinstance(under(elem), (Struct, Array)) or size_of(elem) == 0:
        return False
    return [el.key for el in e.elems] == list(range(n))


def constant(v: T.Expr) -> bool:
    """Whether v is a constant or a constant converted to an interface, whose value
    walk builds without a call (convert.const_data)."""
    if isinstance(v, T.Convert) and v.kind in (T.ConvKind.T2E, T.ConvKind.T2I):
        v = v.x
    return isinstance(v, T.ConstExpr)


class ComplitWalker(WalkerBase):
    """Composite literals."""

    def composite(self, lv: LVal, e: T.CompositeLit, zeroed: bool) -> None:
        """Store composite literal e into lv (already zero when zeroed), by the kind of
        its type."""
        u = under(e.type)
        match u:
            case Struct():
                offs, _ = struct_layout(u)
                self.fixed_lit(lv, e, zeroed, [(offs[k], None if u.fields[k].name == "_"
                                                else u.fields[k].type) for k in int_keys(e)])
            case Array():
                es = size_of(u.elem)
                self.fixed_lit(lv, e, zeroed, [(k * es, u.elem) for k in int_keys(e)])
            case Slice():
                self.slice_lit(lv, e, u)
            case Map():
                self.map_lit(lv, e, u)
            case _:
                raise Unsupported(e.pos, f"composite literal of {type_string(e.type)}")

    def fixed_lit(self, lv: LVal, e: T.CompositeLit, zeroed: bool,
                  places: list[tuple[int, Type | None]]) -> None:
        """A struct or array literal: its elements, placed at (offset, type) `places`,
        are evaluated first (one may read lv's variable), the calls among them ahead of
        the others as gc's order makes them, then lv is zeroed (unless zeroed) and they
        are written; a blank field's (type None) is evaluated only, as gc does."""
        for el in e.elems:
            v = el.value.x if isinstance(el.value, T.Convert) else el.value
            if calls_first(v):
                self.preval[id(v)] = self.ordered(v)
        ms = [(off, self.elem_value(el.value), ft)
              for el, (off, ft) in zip(e.elems, places, strict=True)]
        if not zeroed:
            self.write_zero(e.pos, lv, e.type)
        for off, m, ft in ms:
            if m is not None and ft is not None:
                self.write(e.pos, sub(lv, off), m, ft)

    def slice_lit(self, lv: LVal, e: T.CompositeLit, u: Slice) -> None:
        """A slice literal: a fresh heap (or, not escaping, zeroed stack) array of its
        length (up to the largest index) holding the elements, or runtime.zerobase for an
        empty one; {p, n, n}. As gc's order does, the calls among the elements (an
        element, or the value an element converts) are made before the allocation: only
        the array is live across it, no call runs with the array live."""
        pos = e.pos
        n = max((el.key + 1 for el in e.elems if isinstance(el.key, int)), default=0)
        tmp = self.temp(e.type)
        pre = []
        for el in e.elems:
            v = el.value.x if isinstance(el.value, T.Convert) else el.value
            if calls_first(v) and size_of(v.type) > 0:
                self.preval[id(v)] = self.ordered(v)
                pre.append(id(v))
        es = size_of(u.elem)
        if n and self.stack_site(e, Array(n, u.elem)) and dense(e, n, u.elem):
            # The elements that may call evaluated first, then the array filled with
            # no call between its stores: it needs no zeroing (a call's `...` array).
            # A constant is evaluated where it is stored, which is unobservable.
            ms = [None if constant(el.value) else self.elem_value(el.value)
                  for el in e.elems]
            p = self.stack_object(pos, e, Array(n, u.elem), filled=True)
            assert p is not None
            for k, (el, m) in enumerate(zip(e.elems, ms, strict=True)):
                m = m if m is not None else self.elem_value(el.value)
                assert m is not None
                self.write(pos, Indirect(p, k * es), m, u.elem)
            self.emit(ir.Mov(pos, tmp, p, 8))
        elif n:
            at_ = Array(n, u.elem)
            sp = self.stack_object(pos, e, at_)
            p = sp if sp is not None else self.alloc(pos, at_)
            for el in e.elems:
                assert isinstance(el.key, int)
                m = self.elem_value(el.value)
                if m is not None:
                    self.write(pos, Indirect(p, el.key * es), m, u.elem)
            self.emit(ir.Mov(pos, tmp, p, 8))
        else:
            self.emit(ir.Mov(pos, tmp, ir.SymAddr("runtime.zerobase"), 8))
        for k in pre:
            assert k not in self.preval, "a call's value evaluated ahead was never used"
        self.emit(ir.Mov(pos, at(tmp, 8), ir.Imm(n), 8))
        self.emit(ir.Mov(pos, at(tmp, 16), ir.Imm(n), 8))
        self.write(pos, lv, tmp, e.type)

    def map_lit(self, lv: LVal, e: T.CompositeLit, u: Map) -> None:
        """A map literal: runtime.makemap, then each key and value evaluated and
        stored through runtime.mapassign, in order."""
        pos = e.pos
        mp = self.make_map(pos, u)
        for el in e.elems:
            assert not isinstance(el.key, int)
            k = self.copy_temp(pos, self.expr(el.key), u.key)
            v = self.elem_value(el.value)
            pe = self.map_assign(pos, e.type, mp, k)
            if v is not None:
                self.write(pos, Indirect(pe, 0), v, u.elem)
        self.write(pos, lv, mp, e.type)

    def elem_value(self, v: T.Expr) -> ir.Mem | None:
        """The value of a composite element, copied (None for a zero-size value)."""
        if size_of(v.type) == 0:
            self.expr(v)
            return None
        return self.copy_temp(v.pos, self.expr(v), v.type)
