"""Calls of Go's builtin functions (and unsafe.Sizeof/Alignof/Offsetof/Add/Slice).

Each becomes a `tree.BuiltinCall` whose `type` is the result type (for `new(T)` it is
`*T`, for `make(T, n)` it is T) and whose args are only the value arguments:

    make([]int, n)      BuiltinCall("make", type=[]int, args=(VarRef n,))
    len("abc")          ConstExpr(3, int)            (constant folded)
    println(1, x)       BuiltinCall("println", type=(), args=(Const 1 int, VarRef x))
    unsafe.Add(p, n)    Convert(unsafe.Pointer, uintptr(p) + uintptr(n))
    unsafe.Slice(p, n)  BuiltinCall("unsafe.Slice", type=[]T, args=(p, n))
"""

from __future__ import annotations

from compiler.diag import Pos
from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import constant as C
from compiler.types import tree
from compiler.types.base import CheckerBase
from compiler.types.operand import INVALID_TYPE, Mode, Operand, describe, invalid, summary
from compiler.types.predicates import contains_call, default_type, identical, is_untyped_kind
from compiler.types.typ import (
    BYTE,
    COMPLEX64,
    COMPLEX128,
    EMPTY_INTERFACE,
    FLOAT32,
    FLOAT64,
    INT,
    UINTPTR,
    UNSAFE_POINTER,
    UNTYPED_COMPLEX,
    UNTYPED_FLOAT,
    Array,
    Basic,
    Chan,
    ChanDir,
    Kind,
    Map,
    Pointer,
    Selection,
    Slice,
    Struct,
    Tuple,
    Type,
    align_of,
    basic_kind,
    is_complex,
    is_float,
    is_integer,
    is_string,
    lookup,
    message_string,
    qname,
    size_of,
    struct_layout,
    under,
)

_NOVALUE = Tuple(())
_SPREADS = frozenset({"complex", "copy", "delete", "unsafe.Add", "unsafe.Slice"})
"""Builtins whose arguments may be one multi-value call's results (append reads them
itself; print and println take any number of arguments)."""
_ARGC = {
    "len": (1, 1), "cap": (1, 1), "copy": (2, 2), "delete": (2, 2), "new": (1, 1),
    "panic": (1, 1), "recover": (0, 0), "complex": (2, 2), "real": (1, 1), "imag": (1, 1),
    "unsafe.Sizeof": (1, 1), "unsafe.Alignof": (1, 1), "unsafe.Offsetof": (1, 1),
    "unsafe.Add": (2, 2), "unsafe.Slice": (2, 2),
    "append": (1, 1 << 30), "make": (1, 1 << 30), "print": (0, 1 << 30), "println": (0, 1 << 30),
    "close": (1, 1),
}


class BuiltinChecker(CheckerBase):
    """Builtin function calls (mixed into Checker).

    `spread` holds the arguments of `complex(f())` and the like, a multi-value call's
    results as TupleElems, while its builtin is checked; the handlers read arguments
    through `arg`, `arg_pos` and `use_arg`, which see them."""

    spread: list[Operand] | None = None

    def arg(self, e: ast.CallExpr, i: int, hint: Type | None = None) -> Operand:
        """Argument i of builtin call e as a value."""
        if self.spread is not None:
            return self.spread[i]
        return self.value(e.args[i], hint)

    def arg_pos(self, e: ast.CallExpr, i: int) -> Pos:
        return e.args[min(i, len(e.args) - 1)].pos

    def use_arg(self, e: ast.CallExpr, i: int) -> None:
        """Evaluate argument i only to report its errors (after an earlier one's)."""
        if self.spread is None:
            self.expr(e.args[i])

    def builtin_call(self, e: ast.CallExpr, name: str, hint: Type | None) -> Operand:
        """Check a call of builtin `name`."""
        lo, hi = _ARGC[name]
        n = len(e.args)
        short = name.removeprefix("unsafe.")
        if e.dots and name != "append":
            # types2 checks this first, then uses the arguments (no "declared but not
            # used" for them).
            self.error(e.pos, f"invalid operation: invalid use of ... with built-in {short}")
            for a in e.args:
                self.expr(a)
            return invalid(e)
        if (n < lo or n > hi) and name not in ("make", "new", "unsafe.Offsetof"):
            # types2 evaluates the arguments first (their errors win), spreading a
            # single multi-value call into its results before counting them.
            given = [self.require_value(self.expr(a), allow_tuple=n == 1) for a in e.args]
            if any(o.invalid for o in given):
                return invalid(e)
            if n == 1 and isinstance(given[0].type, Tuple):
                n = len(given[0].type.types)
                if lo <= n <= hi and name in _SPREADS:
                    saved, self.spread = self.spread, self.tuple_elems(given[0])
                    try:
                        return self._builtin(e, name, hint)
                    finally:
                        self.spread = saved
        if n < lo or n > hi:
            which = "not enough" if n < lo else "too many"
            exp = lo if n < lo else hi
            self.error(e.pos, f"invalid operation: {which} arguments for {expr_string(e)} "
                              f"(expected {exp}, found {n})")
            return invalid(e)
        return self._builtin(e, name, hint)

    def _builtin(self, e: ast.CallExpr, name: str, hint: Type | None) -> Operand:
        """A builtin call whose argument count is right."""
        short = name.removeprefix("unsafe.")
        match name:
            case "len" | "cap":
                return self._len(e, name)
            case "append":
                return self._append(e)
            case "copy":
                return self._copy(e)
            case "delete":
                return self._delete(e)
            case "new":
                t = self.resolve_type(e.args[0])
                if t is INVALID_TYPE:
                    return invalid(e)
                self.heap_alloc(e.lparen, t)
                return Operand(Mode.VALUE, Pointer(t), tree.BuiltinCall(
                    e.pos, Pointer(t), "new", (), lparen=e.lparen), e)
            case "make":
                return self._make(e)
            case "panic":
                self.panics.add(id(e))
                x = self.value(e.args[0])
                pa = self.use_as(x, EMPTY_INTERFACE, "argument to panic")
                if x.invalid:
                    return invalid(e)
                return Operand(Mode.NOVALUE, _NOVALUE, tree.BuiltinCall(
                    e.pos, _NOVALUE, "panic", (pa,), lparen=e.lparen), e)
            case "print" | "println":
                args: list[tree.Expr] = []
                ops: list[Operand] = []
                if len(e.args) == 1:
                    x = self.require_value(self.expr(e.args[0]), allow_tuple=True)
                    ops = self.tuple_elems(x) if isinstance(x.type, Tuple) and not x.invalid \
                        else [x]
                else:
                    ops = [self.value(a) for a in e.args]
                for x in ops:
                    if x.invalid:
                        continue
                    if x.mode is Mode.NIL:
                        self.error(x.src.pos, f"use of untyped nil in argument to {name}")
                        continue
                    args.append(self.default(x, f"argument to {name}"))
                return Operand(Mode.NOVALUE, _NOVALUE, tree.BuiltinCall(
                    e.pos, _NOVALUE, name, tuple(args), lparen=e.lparen), e)
            case "recover":
                return Operand(Mode.VALUE, EMPTY_INTERFACE, tree.BuiltinCall(
                    e.pos, EMPTY_INTERFACE, "recover", (), lparen=e.lparen), e)
            case "complex":
                return self._complex(e)
            case "real" | "imag":
                return self._real_imag(e, name)
            case "unsafe.Sizeof" | "unsafe.Alignof":
                x = self.value(e.args[0])
                if x.invalid:
                    return x
                t = default_type(x.type)
                if x.mode is Mode.NIL:
                    self.error(e.args[0].pos, "use of untyped nil in argument to built-in "
                                              f"{short}")
                    return invalid(e)
                v = size_of(t) if short == "Sizeof" else align_of(t)
                return Operand(Mode.CONST, UINTPTR, tree.ConstExpr(e.pos, UINTPTR, v), e, val=v)
            case "unsafe.Offsetof":
                return self._offsetof(e)
            case "unsafe.Add" | "unsafe.Slice":
                if not self.allow_version(e.pos, 17, name):
                    for a in e.args:
                        self.expr(a)
                    return invalid(e)
                return self._unsafe_add(e) if name == "unsafe.Add" else self._unsafe_slice(e)
            case "close":
                return self._close(e)
        return invalid(e)


    def _unsafe_add(self, e: ast.CallExpr) -> Operand:
        """unsafe.Add(ptr, len): the pointer arithmetic `unsafe.Pointer(uintptr(ptr) +
        uintptr(len))` (len sign- or zero-extended by its type), which escape analysis
        already reads as keeping ptr's object."""
        x = self.arg(e, 0)
        if x.invalid:
            self.use_arg(e, 1)
            return invalid(e)
        n = self.diags.errors
        p = self.use_as(x, UNSAFE_POINTER, "argument to unsafe.Add")
        y = self._unsafe_len(e, 1, True)
        if y is None or self.diags.errors != n:
            return invalid(e)
        addr = tree.Convert(e.pos, UINTPTR, tree.ConvKind.NOP, p)
        off = y if identical(y.type, UINTPTR) else tree.Convert(e.pos, UINTPTR,
                                                                tree.ConvKind.INT, y)
        sum_ = tree.Binary(e.pos, UINTPTR, "+", addr, off)
        return Operand(Mode.VALUE, UNSAFE_POINTER, tree.Convert(
            e.pos, UNSAFE_POINTER, tree.ConvKind.NOP, sum_, lparen=e.lparen), e)

    def _unsafe_slice(self, e: ast.CallExpr) -> Operand:
        """unsafe.Slice(ptr *T, len) []T; the run-time checks are walk's."""
        x = self.arg(e, 0)
        if x.invalid:
            self.use_arg(e, 1)
            return invalid(e)
        u = under(x.type)
        if x.mode is Mode.NIL or not isinstance(u, Pointer):
            self.error(self.arg_pos(e, 0), f"invalid argument: {describe(x, self.path)} is not a "
                                      "pointer")
            self.use_arg(e, 1)
            return invalid(e)
        y = self._unsafe_len(e, 1, False)
        if y is None:
            return invalid(e)
        t = Slice(u.elem)
        return Operand(Mode.VALUE, t, tree.BuiltinCall(
            e.pos, t, "unsafe.Slice", (x.expr, y), lparen=e.lparen), e)

    def _unsafe_len(self, e: ast.CallExpr, i: int, negative: bool) -> tree.Expr | None:
        """The length argument of unsafe.Add or unsafe.Slice (types2's isValidIndex: any
        integer type; an untyped constant becomes int; a constant may be negative only
        when negative)."""
        y = self.arg(e, i)
        at = self.arg_pos(e, i)
        if y.invalid:
            return None
        if y.mode is Mode.NIL:
            self.error(at, "cannot convert nil to type int")
            return None
        if y.mode is Mode.CONST and is_untyped_kind(y.type):
            y = self.convert_untyped(y, INT)
            if y.invalid:
                return None
        if not is_integer(y.type):
            self.error(at, f"invalid argument: length {describe(y, self.path)} must be "
                              "integer")
            return None
        if y.mode is Mode.CONST:
            assert y.val is not None
            if not negative and C.to_fraction(y.val) < 0:
                self.error(at, f"invalid argument: length {describe(y, self.path)} must "
                                  "not be negative")
                return None
            return self.const_expr(y, y.type)
        return y.expr

    def _len(self, e: ast.CallExpr, name: str) -> Operand:
        x = self.value(e.args[0])
        if x.invalid:
            return x
        t = x.type
        u = under(t)
        if isinstance(u, Pointer) and isinstance(under(u.elem), Array):
            u = under(u.elem)
        ok = isinstance(u, (Array, Slice, Chan)) or (name == "len" and (is_string(t) or
                                                                        isinstance(u, Map)))
        if not ok or x.mode is Mode.NIL:
            self.error(e.args[0].pos, f"invalid argument: {describe(x, self.path)} for {name}")
            return invalid(e)
        if x.mode is Mode.CONST and isinstance(x.val, bytes):
            v = len(x.val)
            return Operand(Mode.CONST, INT, tree.ConstExpr(e.pos, INT, v), e, val=v)
        if isinstance(u, Array) and not contains_call(e.args[0]):
            return Operand(Mode.CONST, INT, tree.ConstExpr(e.pos, INT, u.length), e, val=u.length)
        return Operand(Mode.VALUE, INT, tree.BuiltinCall(e.pos, INT, name, (x.expr,),
                                                         lparen=e.lparen), e)


    def _append(self, e: ast.CallExpr) -> Operand:
        """append(s, x...), including append(f()) with f's results as the arguments."""
        s = self.require_value(self.expr(e.args[0]), allow_tuple=len(e.args) == 1 and not e.dots)
        rest: list[Operand] | None = None
        if isinstance(s.type, Tuple) and not s.invalid:
            s, *rest = self.tuple_elems(s)
        if s.invalid:
            for a in e.args[1:]:
                self.expr(a)
            return s
        u = under(s.type)
        if s.mode is Mode.NIL or not isinstance(u, Slice):
            have = "untyped nil" if s.mode is Mode.NIL else describe(s, self.path)
            self.error(e.args[0].pos, f"first argument to append must be a slice; have {have}")
            return invalid(e)
        t = s.type
        args: list[tree.Expr] = [s.expr]
        if e.dots:
            if len(e.args) != 2:
                # types2 checks append(s, xs...) against func(S, ...T) with the dots
                # applying to the last parameter: one argument is too few, three too many.
                ops = [self.value(a) for a in e.args[1:]]
                many = len(e.args) > 2
                at = e.args[2].pos if many else e.args[0].pos
                elem = message_string(u.elem, self.path)
                have = ", ".join(summary(o.type, self.path) for o in [s, *ops])
                sl = message_string(t, self.path)
                self.error(at, f"{'too many' if many else 'not enough'} arguments in call to "
                               f"append\n\thave ({have})\n\twant ({sl}, ...{elem})")
                return invalid(e)
            x = self.value(e.args[1], t)
            if x.invalid:
                return invalid(e)
            if basic_kind(u.elem) is Kind.UINT8 and is_string(x.type):
                args.append(self.default(x))
            else:
                args.append(self.use_as(x, t if not isinstance(under(x.type), Slice) or
                                        x.mode is Mode.NIL else _slice_of(x.type, u), "argument to "
                                                                                      "append"))
            return Operand(Mode.VALUE, t, tree.BuiltinCall(e.pos, t, "append", tuple(args), True,
                                                           e.lparen), e)
        for x in rest if rest is not None else [self.value(a, u.elem) for a in e.args[1:]]:
            args.append(self.use_as(x, u.elem, "argument to append"))
        return Operand(Mode.VALUE, t, tree.BuiltinCall(e.pos, t, "append", tuple(args),
                                                       lparen=e.lparen), e)


    def _copy(self, e: ast.CallExpr) -> Operand:
        d = self.arg(e, 0)
        s = self.arg(e, 1)
        if d.invalid or s.invalid:
            return invalid(e)
        du, su = under(d.type), under(s.type)
        if not isinstance(du, Slice):
            self.error(self.arg_pos(e, 0), f"invalid argument: copy expects slice arguments; found "
                              f"{describe(d, self.path)} and {describe(s, self.path)}")
            return invalid(e)
        if is_string(s.type) and basic_kind(du.elem) is Kind.UINT8:
            se = self.default(s)
        elif isinstance(su, Slice) and identical(su.elem, du.elem):
            se = s.expr
        else:
            selem = su.elem if isinstance(su, Slice) else BYTE if is_string(s.type) else None
            if selem is None:
                self.error(self.arg_pos(e, 0), f"invalid argument: copy expects slice arguments; "
                                          f"found {describe(d, self.path)} and "
                                          f"{describe(s, self.path)}")
            else:
                self.error(self.arg_pos(e, 0), f"invalid argument: arguments to copy "
                                          f"{describe(d, self.path)} and "
                                          f"{describe(s, self.path)} have "
                                          f"different element types "
                                          f"{message_string(du.elem, self.path)} and "
                                          f"{message_string(selem, self.path)}")
            return invalid(e)
        return Operand(Mode.VALUE, INT, tree.BuiltinCall(e.pos, INT, "copy", (d.expr, se),
                                                         lparen=e.lparen), e)


    def _delete(self, e: ast.CallExpr) -> Operand:
        m = self.arg(e, 0)
        if m.invalid:
            return m
        u = under(m.type)
        if not isinstance(u, Map):
            self.error(self.arg_pos(e, 0), f"invalid argument: {describe(m, self.path)} is "
                                           f"not a map")
            return invalid(e)
        k = self.arg(e, 1, u.key)
        ke = self.use_as(k, u.key, "argument to delete")
        return Operand(Mode.NOVALUE, _NOVALUE, tree.BuiltinCall(e.pos, _NOVALUE, "delete",
                                                                (m.expr, ke), lparen=e.lparen), e)


    def _close(self, e: ast.CallExpr) -> Operand:
        c = self.value(e.args[0])
        if c.invalid:
            return c
        u = under(c.type)
        if not isinstance(u, Chan) or c.mode is Mode.NIL:
            self.error(e.args[0].pos, f"invalid operation: cannot close non-channel "
                                      f"{describe(c, self.path)}")
            return invalid(e)
        if u.dir is ChanDir.RECV:
            self.error(e.args[0].pos, f"invalid operation: cannot close receive-only channel "
                                      f"{describe(c, self.path)}")
            return invalid(e)
        return Operand(Mode.NOVALUE, _NOVALUE, tree.BuiltinCall(e.pos, _NOVALUE, "close",
                                                                (c.expr,)), e)


    def _make(self, e: ast.CallExpr) -> Operand:
        t = self.resolve_type(e.args[0])
        if t is INVALID_TYPE:
            return invalid(e)
        u = under(t)
        n = len(e.args)
        if isinstance(u, Slice):
            if n < 2 or n > 3:
                self.error(e.pos, f"invalid operation: {expr_string(e)} expects 2 or 3 arguments; "
                                  f"found {n}")
                return invalid(e)
        elif isinstance(u, (Map, Chan)):
            if n > 2:
                self.error(e.pos, f"invalid operation: {expr_string(e)} expects 1 or 2 arguments; "
                                  f"found {n}")
                return invalid(e)
        else:
            self.error(e.args[0].pos, f"invalid argument: cannot make {expr_string(e.args[0])}; "
                                      f"type must be slice, map, or channel")
            return invalid(e)
        sizes: list[tree.Expr] = []
        consts: list[int] = []
        for a in e.args[1:]:
            x = self.index_value(a, -1, "index")
            if x is None:
                return invalid(e)
            if isinstance(x, tree.ConstExpr) and isinstance(x.value, int):
                consts.append(x.value)
            sizes.append(x)
        if len(consts) == 2 and consts[0] > consts[1]:
            self.error(e.args[1].pos, "invalid argument: length and capacity swapped")
            return invalid(e)
        self.chan_sizes(t, e.lparen)
        if isinstance(u, Slice):
            self.heap_alloc(e.lparen, u.elem)
        return Operand(Mode.VALUE, t, tree.BuiltinCall(e.pos, t, "make", tuple(sizes),
                                                       lparen=e.lparen), e)


    def _complex(self, e: ast.CallExpr) -> Operand:
        x = self.arg(e, 0)
        y = self.arg(e, 1)
        if x.invalid or y.invalid:
            return invalid(e)
        for o in (x, y):
            if isinstance(o.val, (bool, bytes)) or o.mode is Mode.NIL or not (
                    is_integer(o.type) or is_float(o.type)):
                xt = "untyped float" if _untyped(x.type) and x.mode is Mode.CONST and \
                    not isinstance(x.val, (bool, bytes)) else message_string(x.type, self.path)
                yt = "untyped float" if _untyped(y.type) and y.mode is Mode.CONST and \
                    not isinstance(y.val, (bool, bytes)) else message_string(y.type, self.path)
                self.error(self.arg_pos(e, 0), f"invalid operation: {expr_string(e)} "
                                               f"(mismatched types {xt} and {yt})")
                return invalid(e)
        if x.mode is Mode.CONST and y.mode is Mode.CONST and x.val is not None and \
                y.val is not None and _untyped(x.type) and _untyped(y.type):
            v = C.Cx(C.to_fraction(x.val), C.to_fraction(y.val))
            return Operand(Mode.CONST, UNTYPED_COMPLEX, tree.ConstExpr(e.pos, UNTYPED_COMPLEX, 0),
                           e, val=v)
        if not _untyped(x.type) and not _untyped(y.type) and x.type != y.type:
            self.error(self.arg_pos(e, 0), f"invalid operation: {expr_string(e)} (mismatched types "
                                      f"{message_string(x.type, self.path)} and "
                                      f"{message_string(y.type, self.path)})")
            return invalid(e)
        ft = x.type if not _untyped(x.type) else y.type if not _untyped(y.type) else FLOAT64
        if not is_float(ft):
            self.error(self.arg_pos(e, 0), f"invalid argument: arguments have type "
                                           f"{message_string(ft, self.path)}, expected "
                                           f"floating-point")
            return invalid(e)
        rt = COMPLEX64 if basic_kind(ft) is Kind.FLOAT32 else COMPLEX128
        a = self.use_as(x, ft, "argument to complex")
        b = self.use_as(y, ft, "argument to complex")
        if x.mode is Mode.CONST and y.mode is Mode.CONST and x.val is not None and \
                y.val is not None:
            v = C.Cx(C.to_fraction(x.val), C.to_fraction(y.val))
            return Operand(Mode.CONST, rt, tree.ConstExpr(e.pos, rt, C.to_concrete(v)), e, val=v)
        return Operand(Mode.VALUE, rt, tree.BuiltinCall(e.pos, rt, "complex", (a, b),
                                                        lparen=e.lparen), e)


    def _real_imag(self, e: ast.CallExpr, name: str) -> Operand:
        x = self.value(e.args[0])
        if x.invalid:
            return x
        if x.mode is Mode.CONST and x.val is not None and _untyped(x.type) and \
                not isinstance(x.val, (bool, bytes)) and not isinstance(x.val, bytes):
            c = C.to_cx(x.val)
            v = c.re if name == "real" else c.im
            return Operand(Mode.CONST, UNTYPED_FLOAT, tree.ConstExpr(e.pos, UNTYPED_FLOAT, 0), e,
                           val=v)
        if not is_complex(x.type):
            self.error(e.args[0].pos, f"invalid argument: argument has type "
                                      f"{message_string(x.type, self.path)}, expected complex type")
            return invalid(e)
        rt = FLOAT32 if basic_kind(x.type) is Kind.COMPLEX64 else FLOAT64
        if x.mode is Mode.CONST and x.val is not None:
            c = C.to_cx(x.val)
            v = c.re if name == "real" else c.im
            return Operand(Mode.CONST, rt, tree.ConstExpr(e.pos, rt, float(v)), e, val=v)
        return Operand(Mode.VALUE, rt, tree.BuiltinCall(e.pos, rt, name, (x.expr,),
                                                        lparen=e.lparen), e)


    def _offsetof(self, e: ast.CallExpr) -> Operand:
        a = e.args[0]
        while isinstance(a, ast.ParenExpr):
            a = a.x
        if not isinstance(a, ast.SelectorExpr):
            self.error(a.pos, f"invalid argument: {expr_string(a)} is not a selector expression")
            return invalid(e)
        x = self.value(a.x)
        if x.invalid:
            return x
        # types2: the field is looked up in the struct a pointer to struct points to.
        t = x.type
        base = t.elem if isinstance(t, Pointer) and isinstance(under(t.elem), Struct) else t
        bs = message_string(base, self.path)
        sel = lookup(base, qname(a.sel.value, self.path))
        if not isinstance(sel, Selection):
            self.error(a.x.pos, f"invalid argument: {bs} has no single field {a.sel.value}")
            return invalid(e)
        if sel.index < 0:
            self.error(a.pos, f"invalid argument: {expr_string(a)} is a method value")
            return invalid(e)
        if sel.indirect:
            self.error(a.x.pos, f"invalid argument: field {a.sel.value} is embedded via a "
                                f"pointer in {bs}")
            return invalid(e)
        st = under(base)
        v = 0
        cur: Type = st
        for i in (*sel.path, sel.index):
            cu = under(cur)
            assert isinstance(cu, Struct)
            offs, _ = struct_layout(cu)
            v += offs[i]
            cur = cu.fields[i].type
        return Operand(Mode.CONST, UINTPTR, tree.ConstExpr(e.pos, UINTPTR, v), e, val=v)


def _slice_of(xt: Type, u: Slice) -> Type:
    xu = under(xt)
    if isinstance(xu, Slice) and xu.elem == u.elem:
        return xt
    return Slice(u.elem)


def _untyped(t: Type) -> bool:
    return isinstance(t, Basic) and t.kind.value.startswith("untyped")
