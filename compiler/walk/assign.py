"""Declarations and assignments: `var`, `=`, `:=`, `op=`, and the values of
multi-value expressions.

    a, b = b, a          both values are copied into temps before either is written
    m[k] = v             m and k are evaluated first, then runtime.mapassign(m, &k)
                         gives the element's address and v is stored through it;
                         with a string key, mapassign_faststr(m, k) (gc's), and a
                         map or key that is a variable is read at the call, as gc
                         reads it
    x, ok := m[k]        `multi` lowers the comma-ok form to [value, ok]
    *p = Big{B: s}       a struct or array literal over 64kB without calls is built in
                         *p itself (zeroed after its elements are evaluated), not in a
                         frame temporary as big

An assignment of several values evaluates every left-hand location (`lhs_pre`) and
every value before writing any, as the spec requires.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from compiler import ir
from compiler.diag import Pos
from compiler.types import tree as T
from compiler.types.typ import (
    UNSAFE_POINTER,
    Array,
    Map,
    Struct,
    Type,
    VarKind,
    is_string,
    size_of,
    struct_layout,
    under,
)
from compiler.walk.base import (
    Indirect,
    LVal,
    MapOperand,
    Unsupported,
    WalkerBase,
    at,
    calls_first,
    fast_str,
    has_call,
    sub,
)

MAX_IMPLICIT_STACK = 64 << 10  # gc's ir.MaxImplicitStackVarSize


class AssignWalker(WalkerBase):
    """Declarations and assignments."""

    def var_decl(self, s: T.VarDecl) -> None:
        """`var x, y T = a, b` (or :=): fresh storage for each variable, zeroed or assigned."""
        if not s.values:
            for v in s.vars:
                lv = self.declare(s.pos, v)
                self.write_zero(s.pos, lv, v.type)
            return
        vals = self.values(s.values, len(s.vars))
        for v, m in zip(s.vars, vals, strict=True):
            lv = self.declare(s.pos, v)
            self.write(s.pos, lv, m, v.type)

    def values(self, exprs: Sequence[T.Expr], n: int, results: bool = False) -> list[ir.Mem]:
        """The n values of exprs (one Tuple-typed call, or n expressions), each in a
        location no later assignment of this statement can change; with results (a
        return's, assigned to the results only), a variable that is no result is read
        in place when the results are written, after the other values (gc's
        walkReturn)."""
        if len(exprs) == 1 and n > 1:
            return self.multi(exprs[0])
        if n > 1 and any(calls_first(e) for e in exprs):
            # gc's order: the calls first, then the other values (read after them)
            for e in exprs:
                if calls_first(e):
                    self.preval[id(e)] = self.ordered(e)
        out = []
        for e in exprs:
            m = self.expr(e)
            in_place = results and isinstance(e, T.VarRef) and e.var.kind is not VarKind.RESULT
            if n > 1 and not in_place and \
                    isinstance(e, T.VarRef | T.FieldSel | T.Index | T.Deref):
                tmp = self.temp(e.type)
                self.move(e.pos, tmp, m, size_of(e.type))
                m = tmp
            out.append(m)
        return out

    def multi(self, e: T.Expr) -> list[ir.Mem]:
        """The values of a Tuple-typed expression (call, comma-ok form)."""
        match e:
            case T.Call() | T.MethodCall() | T.IfaceCall():
                return list(self.call(e))
            case T.MapIndex():
                return self.map_index(e, commaok=True)
            case T.TypeAssert():
                return self.type_assert(e, commaok=True)
            case T.Recv():
                return self.recv(e)
        raise Unsupported(e.pos, f"multi-value {type(e).__name__}")

    def assign(self, s: T.Assign) -> None:
        """`lhs = rhs`: one location and value directly (a value that calls first when the
        location makes no call); several in two phases (every location and value first,
        then the writes)."""
        if len(s.lhs) == 1 and len(s.rhs) == 1 and not isinstance(s.lhs[0], T.MapIndex):
            lhs = s.lhs[0]
            if isinstance(lhs, T.Blank):
                self.expr_stmt(s.rhs[0])
                return
            rhs = s.rhs[0]
            if isinstance(rhs, T.CompositeLit) and isinstance(under(rhs.type), Struct | Array) \
                    and size_of(rhs.type) > MAX_IMPLICIT_STACK and not has_call(rhs):
                # no frame temporary as big as the value (gc's SSA stores into the
                # target): its elements are evaluated before the target is zeroed
                self.composite(self.lvalue(lhs), rhs, zeroed=False)
                return
            if has_call(s.rhs[0]) and not has_call(lhs, ordered=True):
                # gc's order: the calls first, then the location (`s[i] = f()` indexes
                # the s and i f leaves, and checks the bounds after f ran)
                m = self.expr(s.rhs[0])
                lv = self.lvalue(lhs)
            else:
                lv = self.lvalue(lhs)
                m = self.expr(s.rhs[0])
            self.write(s.pos, lv, m, lhs.type)
            return
        late = len(s.lhs) == 1
        pres = [None if isinstance(x, T.Blank) else self.lhs_pre(x, late) for x in s.lhs]
        vals = self.values(s.rhs, len(s.lhs))
        if len(vals) == 1 and len(s.lhs) == 1:
            vals = [self.copy_temp(s.pos, vals[0], s.lhs[0].type)]
        for x, pre, m in zip(s.lhs, pres, vals, strict=True):
            if callable(pre):
                self.write(s.pos, pre(), m, x.type)
            elif isinstance(pre, tuple):
                assert isinstance(x, T.MapIndex)
                pe = self.map_assign(s.pos, x.x.type, pre[0], pre[1])
                self.write(s.pos, Indirect(pe, 0), m, x.type)
            elif pre is not None:
                self.write(s.pos, pre, m, x.type)

    def lhs_pre(self, x: T.Expr, late: bool = False
                ) -> LVal | tuple[MapOperand, MapOperand] | Callable[[], LVal]:
        """Phase one of an assignment to x: its location, for m[k] the map and key, or
        for an element of an array or slice its operands, with a function giving the
        location after the bounds check (phase two's, as in gc). With late (the
        statement's only assignment), a map or key that is a variable is left to be
        read at the call (gc's order: a string key by value, a package-level one by its
        address, another copied there)."""
        late_lv = None if late else self.lhs_late(x)
        if late_lv is not None:
            return late_lv
        if isinstance(x, T.MapIndex):
            m: MapOperand
            k: MapOperand
            if late and isinstance(x.x, T.VarRef):
                m = x.x
            else:
                m = self.copy_temp(x.pos, self.expr(x.x), x.x.type)
            if late and isinstance(x.key, T.VarRef):
                k = x.key
            elif fast_str(x.x.type):
                k = self.copy_temp(x.pos, self.expr(x.key), x.key.type)
            else:
                k = self.order_copy(x.pos, self.expr(x.key), x.key.type)
            return (m, k)
        lv = self.lvalue(x)
        if isinstance(lv, Indirect):
            # `p, *p = f()` stores through the old p: keep the pointer as it is now.
            return Indirect(self.copy_temp(x.pos, lv.ptr, UNSAFE_POINTER), lv.off)
        return lv

    def lhs_late(self, x: T.Expr) -> Callable[[], LVal] | None:
        """For an element of an array or slice, or a field of one (through fields and
        arrays, not pointers), a function giving its location after the bounds checks,
        its operands evaluated now; None for other locations."""
        match x:
            case T.Index() if not is_string(x.x.type):
                return self.index_lval_late(x)
            case T.FieldSel(x=inner, index=i) if self.addressable(inner):
                st = under(inner.type)
                if not isinstance(st, Struct):
                    return None
                f = self.lhs_late(inner)
                if f is None:
                    return None
                off = struct_layout(st)[0][i]
                return lambda: sub(f(), off)
        return None

    def map_assign(self, pos: Pos, t: Type, m: MapOperand, k: MapOperand) -> ir.Local:
        """A pointer to m[k]'s element (m of map type t), inserting k if absent."""
        mm = self.expr(m) if isinstance(m, T.VarRef) else m
        if isinstance(k, T.VarRef):
            u = under(t)
            assert isinstance(u, Map)
            km = self.expr(k) if fast_str(t) else self.map_key(pos, k, u.key)
        else:
            km = k
        if fast_str(t):
            (pe,) = self.ccall(pos, "mapassign_faststr", [mm, km, at(km, 8)], 1)
            return pe
        pk = self.temp(8)
        self.emit(ir.LoadAddr(pos, pk, km))
        (pe,) = self.ccall(pos, "mapassign", [mm, pk], 1)
        return pe

    def map_lookup(self, pos: Pos, t: Type, m: MapOperand, k: MapOperand) -> ir.Mem:
        """m[k]'s value (m of map type t, m and k evaluated by lhs_pre), the zero value
        when absent."""
        u = under(t)
        assert isinstance(u, Map) and not isinstance(m, T.VarRef)
        assert not isinstance(k, T.VarRef)
        if fast_str(t):
            args: list[ir.Operand] = [m, k, at(k, 8)]
        else:
            pk = self.temp(8)
            self.emit(ir.LoadAddr(pos, pk, k))
            args = [m, pk]
        (pe,) = self.ccall(pos, "mapaccess1" + ("_faststr" if fast_str(t) else ""), args, 1)
        out = self.temp(u.elem)
        if size_of(u.elem):
            self.emit(ir.Load(pos, out, pe, 0, size_of(u.elem)))
        return out

    def map_div_assign(self, s: T.OpAssign, x: T.MapIndex) -> None:
        """`m[k] /= y` and `%=` as gc's order rewrites them, m[k] = m[k] op y: a division
        by zero panics before the element is inserted."""
        pos, t = s.pos, x.type
        m, k = self.lhs_pre(x)  # type: ignore[misc]
        y = self.copy_temp(pos, self.expr(s.rhs), s.rhs.type)
        cur = self.map_lookup(pos, x.x.type, m, k)
        res = self.binary_values(pos, s.op, t, t, cur, y, s.rhs.type)
        self.write(pos, Indirect(self.map_assign(pos, x.x.type, m, k), 0), res, t)

    def op_assign(self, s: T.OpAssign) -> None:
        """`x op= y` as gc's order lowers it: the calls first (x's, then y's), then x's
        location evaluated once, read, combined with y and written back. A y that calls
        is evaluated before a location that makes no call, so a call that changes a
        variable x's location depends on (`*p`, `s[i]`, `m[k]`) moves the write as it
        moves the read; a map element is looked up only once y is known (a call in y may
        grow the map)."""
        pos = s.pos
        t = s.lhs.type
        if isinstance(s.lhs, T.MapIndex) and s.op in ("/", "%"):
            self.map_div_assign(s, s.lhs)
            return
        if isinstance(s.lhs, T.MapIndex):
            m, k = self.lhs_pre(s.lhs, late=True)  # type: ignore[misc]
            y: ir.Mem = self.copy_temp(pos, self.expr(s.rhs), s.rhs.type)
            lv: LVal = Indirect(self.map_assign(pos, s.lhs.x.type, m, k), 0)
            cur = self.read(pos, lv, t)
        elif has_call(s.rhs) and not has_call(s.lhs, ordered=True):
            y = self.expr(s.rhs)
            lv = self.lvalue(s.lhs)
            cur = self.read(pos, lv, t) if isinstance(lv, Indirect) else lv.mem
        else:
            # x's calls (and with them its location) come first, then y's
            lv = self.lvalue(s.lhs)
            calls = has_call(s.rhs)
            if isinstance(lv, Indirect) and calls:
                # the pointer may be a variable y's calls assign: keep it as it is now
                lv = Indirect(self.copy_temp(pos, lv.ptr, UNSAFE_POINTER), lv.off)
            yv = self.expr(s.rhs) if calls else None
            if isinstance(lv, Indirect) or isinstance(lv.mem, ir.Global):
                cur = self.read(pos, lv, t)
            else:
                cur = lv.mem
            y = yv if yv is not None else self.expr(s.rhs)
        res = self.binary_values(pos, s.op, t, t, cur, y, s.rhs.type)
        self.write(pos, lv, res, t)
