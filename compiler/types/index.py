"""Index and slice expressions.

Constant indices are checked against constant lengths (arrays, constant strings):

    var a [3]int
    a[i]       Index(int, VarRef a, VarRef i)     (a variable: addressable)
    a[5]       `invalid argument: index 5 out of bounds [0:3]`
    a[1:]      SliceExpr([]int, AddrOf(VarRef a), Const 1, nil, nil)
    m[k]       MapIndex (mode MAPINDEX: usable in `v, ok := m[k]`)
"""

from __future__ import annotations

from compiler.syntax import ast
from compiler.syntax.dump import const_spelling
from compiler.types import constant as C
from compiler.types import tree
from compiler.types.base import CheckerBase
from compiler.types.operand import Mode, Operand, describe, invalid
from compiler.types.predicates import is_numeric, is_untyped_kind
from compiler.types.typ import (
    BYTE,
    INT,
    STRING,
    Array,
    Basic,
    Kind,
    Map,
    Pointer,
    Slice,
    Type,
    is_integer,
    is_string,
    message_string,
    under,
)


class IndexChecker(CheckerBase):
    """Index and slice expressions (mixed into Checker)."""

    def index(self, e: ast.IndexExpr) -> Operand:
        x = self.expr(e.x)
        if x.mode is Mode.TYPE and not x.invalid:
            # types2's instantiatedType: a type indexed is an instantiation
            self.error(e.x.pos, f"{message_string(x.type, self.path)} is not a generic type")
            return invalid(e)
        x = self.require_value(x)
        if x.invalid:
            self.expr(e.index)
            return x
        t = x.type
        u = under(t)
        addressable = x.mode is Mode.VAR
        xe = x.expr
        if isinstance(u, Pointer) and isinstance(under(u.elem), Array):
            xe = tree.Deref(e.pos, u.elem, xe)
            t = u.elem
            u = under(t)
            addressable = True
        if isinstance(u, Map):
            k = self.value(e.index, u.key)
            ke = self.use_as(k, u.key, "map index")
            return Operand(Mode.MAPINDEX, u.elem, tree.MapIndex(e.pos, u.elem, xe, ke), e)
        length = -1
        if isinstance(u, Basic) and is_string(t):
            elem: Type = BYTE
            mode = Mode.VALUE
            if x.mode is Mode.CONST and isinstance(x.val, bytes):
                length = len(x.val)
        elif isinstance(u, Array):
            elem, length = u.elem, u.length
            mode = Mode.VAR if addressable else Mode.VALUE
        elif isinstance(u, Slice):
            elem, mode = u.elem, Mode.VAR
        else:
            self.error(e.lbrack, f"invalid operation: cannot index {describe(x, self.path)}")
            self.expr(e.index)
            return invalid(e)
        ie = self.index_value(e.index, length)
        if ie is None:
            return invalid(e)
        if x.mode is Mode.CONST:
            xe = self.default(x)
        return Operand(mode, elem, tree.Index(e.pos, elem, xe, ie, e.lbrack), e)

    def index_value(self, e: ast.Expr, length: int, what: str = "index") -> tree.Expr | None:
        """Check an index expression (integer, non-negative, < length when constant)."""
        op = self.value(e)
        if op.invalid:
            return None
        if op.mode is Mode.NIL:
            self.error(e.pos, "cannot convert nil to int")
            return None
        if is_untyped_kind(op.type) and (op.mode is Mode.CONST or is_numeric(op.type)):
            op = self.convert_untyped(op, INT)  # types2's isValidIndex: `a[1. << s]`
            if op.invalid:
                return None
        if op.mode is Mode.CONST:
            assert op.val is not None
            # types2's isValidIndex: integer type first (a typed float constant is
            # not an index even when whole), then sign, then representable as int.
            if not is_integer(op.type):
                self.error(e.pos, f"invalid argument: {what} {describe(op, self.path)} "
                                  f"must be integer")
                return None
            if C.to_fraction(op.val) < 0:
                self.error(e.pos, f"invalid argument: {what} {describe(op, self.path)} must "
                                  f"not be negative")
                return None
            r, _ = C.representable(op.val, Kind.INT)
            if r is None:
                self.error(e.pos, f"invalid argument: {what} {describe(op, self.path)} "
                                  f"overflows int")
                return None
            v = int(C.to_fraction(op.val))
            if 0 <= length <= v and what == "index":
                self.error(e.pos, f"invalid argument: index {v} out of bounds [0:{length}]")
                return None
            return tree.ConstExpr(op.src.pos, op.type, v, *const_spelling(op.src))
        if not is_integer(op.type):
            self.error(e.pos, f"invalid argument: {what} {describe(op, self.path)} must be "
                              f"integer")
            return None
        return op.expr

    def slice_expr(self, e: ast.SliceExpr) -> Operand:
        x = self.value(e.x)
        if x.invalid:
            return x
        t = x.type
        u = under(t)
        xe = self.default(x) if x.mode is Mode.CONST else x.expr
        length = -1
        if isinstance(u, Basic) and is_string(t):
            if e.full:
                at = e.max.pos if e.max is not None else e.rbrack or e.pos
                self.error(at, "invalid operation: 3-index slice of string")
                return invalid(e)
            rt: Type = STRING if is_untyped_kind(t) else t
            if x.mode is Mode.CONST and isinstance(x.val, bytes):
                length = len(x.val) + 1
        elif isinstance(u, Array):
            if x.mode is not Mode.VAR:
                self.error(e.pos, f"invalid operation: {describe(x, self.path)} (slice of "
                                  f"unaddressable value)")
                return invalid(e)
            xe = tree.AddrOf(e.pos, Pointer(t), xe)
            rt, length = Slice(u.elem), u.length + 1
        elif isinstance(u, Pointer) and isinstance(under(u.elem), Array):
            au = under(u.elem)
            assert isinstance(au, Array)
            rt, length = Slice(au.elem), au.length + 1
        elif isinstance(u, Slice):
            rt = t
        else:
            self.error(e.x.pos, f"invalid operation: cannot slice {describe(x, self.path)}")
            return invalid(e)
        # types2's sliceExpr: every index is checked, then the constant ones (a missing
        # one is 0 first, else the length when known) must not decrease; the first pair
        # that does is the one error.
        parts: list[tree.Expr | None] = []
        consts: list[int] = []
        bad = False
        for i, p in enumerate((e.lo, e.hi, e.max)):
            pe = None if p is None else self.index_value(p, length)
            bad = bad or (p is not None and pe is None)
            parts.append(pe)
            if isinstance(pe, tree.ConstExpr) and isinstance(pe.value, int):
                consts.append(pe.value)
            else:
                consts.append(0 if p is None and i == 0 else
                              length - 1 if p is None and length >= 0 else -1)
        idx = (e.lo, e.hi, e.max)
        for i, lo in enumerate(consts[:-1]):
            later = [(j, y) for j, y in enumerate(consts[i + 1:], i + 1) if 0 <= y < lo]
            if lo > 0 and later:
                j, y = later[0]
                p = idx[j]
                at = p.pos if p is not None else e.rbrack or e.pos
                self.error(at, f"invalid slice indices: {y} < {lo}")
                return invalid(e)
        if bad:
            return invalid(e)
        return Operand(Mode.VALUE, rt, tree.SliceExpr(e.pos, rt, xe, parts[0], parts[1],
                                                      parts[2], e.lbrack), e)
