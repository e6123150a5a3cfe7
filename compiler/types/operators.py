"""Unary and binary operators, comparisons and shifts.

Operands are brought to one type first (match_operands): two untyped constants to the
larger untyped kind (int < rune < float < complex), an untyped operand to the other's
type. Constant operations fold with exact arithmetic (constant.py) and must be
representable in a typed result:

    var b int8 = 100
    b + 1        Binary(+, int8, VarRef b, Const 1 int8)
    1 << 2.0     Const 4 (untyped int): a float constant with an integer value shifts
    b + 200      `200 (untyped int constant) overflows int8`
    "a" < 1      `invalid operation: "a" < 1 (mismatched types untyped string and untyped
                 int)`

A comparison's result is untyped bool (`Binary(==, untyped bool, ...)`); comparing an
interface with a concrete value converts the value (Convert T2E/T2I).
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction

from compiler.syntax import ast
from compiler.syntax.dump import const_spelling, expr_string
from compiler.types import constant as C
from compiler.types import tree
from compiler.types.base import CheckerBase
from compiler.types.operand import Mode, Operand, describe, invalid
from compiler.types.predicates import (
    binary_op_ok,
    comparable,
    default_type,
    every_term,
    identical,
    is_numeric,
    is_ordered,
    is_untyped_kind,
    same_class,
    tparam_comparable,
    unary_op_ok,
)
from compiler.types.typ import (
    UINT,
    UNTYPED_BOOL,
    UNTYPED_INT,
    Array,
    Basic,
    Chan,
    ChanDir,
    Interface,
    Kind,
    Map,
    Named,
    Pointer,
    Signature,
    Slice,
    Struct,
    Type,
    basic_kind,
    is_boolean,
    is_complex,
    is_empty_interface,
    is_integer,
    is_interface,
    is_string,
    is_unsigned,
    message_string,
    under,
)

_UNTYPED_RANK = {Kind.UNTYPED_INT: 0, Kind.UNTYPED_RUNE: 1, Kind.UNTYPED_FLOAT: 2,
                 Kind.UNTYPED_COMPLEX: 3}


_OPNAME = {"+": "addition", "-": "subtraction", "*": "multiplication", "/": "division",
           "^": "bitwise XOR", "&": "bitwise AND", "|": "bitwise OR", "&^": "bit clear"}


_COMPARISON = frozenset({"==", "!=", "<", "<=", ">", ">="})


class OperatorChecker(CheckerBase):
    """Operators (mixed into Checker)."""

    def unary(self, e: ast.UnaryExpr, hint: Type | None) -> Operand:
        if e.op == "<-":
            return self.receive(e)
        if e.op == "&":
            return self.addr_of(e, hint)
        x = self.value(e.x, hint)
        if x.invalid:
            return x
        if e.op == "~":
            self.error(e.pos, "cannot use ~ outside of interface or type constraint")
            return invalid(e)
        if x.mode is Mode.NIL:
            self.error(e.x.pos, f"invalid operation: operator {e.op} not defined on nil")
            return invalid(e)
        t = x.type
        ok = every_term(t, lambda u: unary_op_ok(e.op, u))
        if not ok:
            self.error(e.x.pos, f"invalid operation: operator {e.op} not defined on "
                                f"{describe(x, self.path)}")
            return invalid(e)
        if x.mode is Mode.CONST:
            assert x.val is not None
            v = x.val
            if e.op == "-":
                v = C.binary_op("-", 0, v, False) if not isinstance(v, int) else -v
            elif e.op == "!":
                v = not v
            elif e.op == "^":
                iv = int(C.to_fraction(v))
                k = basic_kind(t)
                if k in C._INT_RANGES and is_unsigned(t):
                    v = C.int_range(k)[1] ^ iv
                else:
                    v = ~iv
                if is_untyped_kind(t) and C.overflows(v):
                    self.error(e.pos, "constant bitwise complement overflow")
                    return invalid(e)
            return self.typed_const(e, t, v)
        return Operand(Mode.VALUE, t, tree.Unary(e.pos, t, e.op, x.expr), e)

    def receive(self, e: ast.UnaryExpr) -> Operand:
        """`<-x`: a comma-ok operand of x's element type (types2's messages)."""
        x = self.value(e.x)
        if x.invalid:
            return x
        u = under(x.type)
        if not isinstance(u, Chan) or x.mode is Mode.NIL:
            self.error(e.x.pos, f"invalid operation: cannot receive from non-channel "
                                f"{describe(x, self.path)}")
            return invalid(e)
        if u.dir is ChanDir.SEND:
            self.error(e.x.pos, f"invalid operation: cannot receive from send-only channel "
                                f"{describe(x, self.path)}")
            return invalid(e)
        return Operand(Mode.COMMAOK, u.elem, tree.Recv(e.pos, u.elem, x.expr), e)

    def typed_const(self, e: ast.Expr, t: Type, v: C.CValue) -> Operand:
        """A constant result of type t; typed results must be representable."""
        op = Operand(Mode.CONST, t, tree.ConstExpr(e.pos, t, 0), e, val=v)
        k = basic_kind(t)
        if k is not None and not is_untyped_kind(t):
            r, why = C.representable(v, k)
            if r is None:
                if why == "truncated":
                    self.error(e.pos, f"{describe(op, self.path)} truncated to "
                                      f"{message_string(t, self.path)}")
                else:
                    self.error(e.pos, f"{describe(op, self.path)} overflows "
                                      f"{message_string(t, self.path)}")
                return invalid(e)
            op.val = r
            op.expr = self.const_expr(op, t)
        return op

    def addr_of(self, e: ast.UnaryExpr, hint: Type | None) -> Operand:
        inner = e.x
        while isinstance(inner, ast.ParenExpr):
            inner = inner.x
        if isinstance(inner, ast.CompositeLit):
            h = under(hint) if hint is not None and not isinstance(hint, Named) or \
                hint is not None and isinstance(hint, Named) and hint.underlying else None
            ph = h.elem if isinstance(h, Pointer) else None
            x = self.composite(inner, ph)
            if x.invalid:
                return x
            return Operand(Mode.VALUE, Pointer(x.type), tree.AddrOf(e.pos, Pointer(x.type),
                                                                    x.expr), e)
        x = self.value(e.x)
        if x.invalid:
            return x
        if x.mode is not Mode.VAR:
            self.error(e.x.pos, f"invalid operation: cannot take address of "
                                f"{describe(x, self.path)}")
            return invalid(e)
        return Operand(Mode.VALUE, Pointer(x.type), tree.AddrOf(e.pos, Pointer(x.type),
                                                                x.expr), e)

    def binary(self, e: ast.BinaryExpr, hint: Type | None) -> Operand:
        if e.op in ("<<", ">>"):
            return self.shift(e, hint)
        x = self.value(e.x, hint)
        y = self.value(e.y, hint)
        if x.invalid or y.invalid:
            return invalid(e)
        return self.binary_ops(e, x, y)

    def binary_ops(self, e: ast.BinaryExpr, x: Operand, y: Operand) -> Operand:
        """x op y for checked operands (op not a shift)."""
        if e.op in _COMPARISON:
            return self.comparison(e, x, y)
        x, y = self.match_operands(e, x, y)
        if x.invalid or y.invalid:
            return invalid(e)
        t = x.type
        if not every_term(t, lambda u: binary_op_ok(e.op, u)):
            self.error(e.pos, f"invalid operation: operator {e.op} not defined on "
                              f"{describe(x, self.path)}")
            return invalid(e)
        if e.op in ("/", "%") and y.mode is Mode.CONST and y.val is not None and \
                (x.mode is Mode.CONST or is_integer(t)) and \
                not isinstance(y.val, (bool, bytes)) and C.to_cx(y.val) == C.Cx(
                Fraction(0), Fraction(0)):
            self.error(e.y.pos, "invalid operation: division by zero")
            return invalid(e)
        if e.op == "/" and x.mode is Mode.CONST and y.mode is Mode.CONST and \
                is_complex(t) and y.val is not None:
            d = C.to_cx(y.val)
            if C.square_underflows(d.re) and C.square_underflows(d.im):
                self.error(e.y.pos, "invalid operation: division by zero")
                return invalid(e)
        if x.mode is Mode.CONST and y.mode is Mode.CONST:
            assert x.val is not None and y.val is not None
            integer = is_integer(t) or basic_kind(t) is Kind.UNTYPED_RUNE
            try:
                v = C.binary_op(e.op, x.val, y.val, integer)
            except ZeroDivisionError:
                self.error(e.y.pos, "invalid operation: division by zero")
                return invalid(e)
            except (ValueError, TypeError):
                return invalid(e)
            if C.overflows(v) and isinstance(v, C.Huge):
                self.error(e.oppos, "constant result is not representable")
                return invalid(e)
            if C.overflows(v):
                self.error(e.oppos, f"constant {_OPNAME.get(e.op, 'arithmetic')} overflow")
                return invalid(e)
            return self.typed_const(e, t, v)
        xe = self.const_expr(x, t) if x.mode is Mode.CONST else x.expr
        ye = self.const_expr(y, t) if y.mode is Mode.CONST else y.expr
        return Operand(Mode.VALUE, t, tree.Binary(e.pos, t, e.op, xe, ye, e.oppos), e)

    def match_operands(self, e: ast.BinaryExpr, x: Operand, y: Operand
                       ) -> tuple[Operand, Operand]:
        """Bring x and y to one type (untyped side converted); `mismatched types` else."""
        xu, yu = is_untyped_kind(x.type), is_untyped_kind(y.type)
        if xu and yu:
            if x.mode is Mode.NIL or y.mode is Mode.NIL:
                if x.mode is Mode.NIL and y.mode is Mode.NIL:
                    self.error(e.y.pos, f"invalid operation: {expr_string(e)} (operator "
                                        f"{e.op} not defined on untyped nil)")
                    return invalid(e), invalid(e)
                self.mismatch(e, x, y)
                return invalid(e), invalid(e)
            kx, ky = basic_kind(x.type), basic_kind(y.type)
            if kx in _UNTYPED_RANK and ky in _UNTYPED_RANK:
                assert kx is not None and ky is not None
                t = x.type if _UNTYPED_RANK[kx] >= _UNTYPED_RANK[ky] else y.type
                return _retag(x, t), _retag(y, t)
            if kx == ky:
                return x, y
            self.mismatch(e, x, y)
            return invalid(e), invalid(e)
        if xu:
            x2 = self.implicit(x, y.type, e)
            return x2, y
        if yu:
            y2 = self.implicit(y, x.type, e)
            return x, y2
        if not identical(x.type, y.type):
            self.mismatch(e, x, y)
            return invalid(e), invalid(e)
        return x, y

    def implicit(self, x: Operand, t: Type, e: ast.BinaryExpr) -> Operand:
        """Untyped x converted to the other operand's type t (for binary operators)."""
        if x.mode is Mode.NIL:
            u = under(t)
            if isinstance(u, (Pointer, Slice, Map, Chan, Signature, Interface)) or \
                    basic_kind(t) is Kind.UNSAFE_POINTER:
                return Operand(Mode.VALUE, t, tree.NilExpr(x.src.pos, t), x.src)
            at = e.y.pos if e.op in _COMPARISON else e.pos
            ts = message_string(t, self.path)
            self.error(at, f"invalid operation: {expr_string(e)} (mismatched types "
                           f"{ts if e.x is not x.src else 'untyped nil'} and "
                           f"{'untyped nil' if e.x is not x.src else ts})")
            return invalid(x.src)
        if is_interface(t):
            if e.op in _COMPARISON:
                return x
            if under(t).methods:  # type: ignore[union-attr]
                self.error(x.src.pos, f"cannot convert {describe(x, self.path)} to "
                                      f"{message_string(under(t), self.path)}")
                return invalid(x.src)
            self.mismatch(e, x if e.x is x.src else None, x if e.y is x.src else None,
                          other=t, default=True)
            return invalid(x.src)
        if x.mode is not Mode.CONST and not same_class(x.type, t):
            self.mismatch(e, x if e.x is x.src else None, x if e.y is x.src else None,
                          other=t)
            return invalid(x.src)
        if x.mode is Mode.CONST:
            assert x.val is not None
            k = basic_kind(t)
            ok_class = (k is not None and (
                is_numeric(t) and not isinstance(x.val, (bool, bytes))
                or is_string(t) and isinstance(x.val, bytes)
                or is_boolean(t) and isinstance(x.val, bool)))
            if not ok_class:
                self.mismatch(e, x if e.x is x.src else None, x if e.y is x.src else None,
                              other=t)
                return invalid(x.src)
            assert k is not None
            r, why = C.representable(x.val, k)
            if r is None:
                if why == "truncated":
                    self.error(x.src.pos, f"{describe(x, self.path)} truncated to "
                                          f"{message_string(t, self.path)}")
                elif why:
                    self.error(x.src.pos, f"{describe(x, self.path)} overflows "
                                          f"{message_string(t, self.path)}")
                else:
                    self.error(x.src.pos, f"cannot convert {describe(x, self.path)} to type "
                                          f"{message_string(t, self.path)}")
                return invalid(x.src)
            return Operand(Mode.CONST, t, x.expr, x.src, val=r)
        return self.convert_untyped(x, t)

    def mismatch(self, e: ast.BinaryExpr, x: Operand | None, y: Operand | None,
                 other: Type | None = None, default: bool = False) -> None:
        def ts(o: Operand | None) -> str:
            if o is None:
                assert other is not None
                return message_string(other, self.path)
            if o.mode is Mode.NIL:
                return "untyped nil"
            return message_string(default_type(o.type) if default else o.type, self.path)
        at = e.y.pos if e.op in _COMPARISON else e.pos
        text = expr_string(e) if e is not self.assign_op else \
            f"{expr_string(e.x)} {e.op}= {expr_string(e.y)}"
        self.error(at, f"invalid operation: {text} (mismatched types {ts(x)} and {ts(y)})")

    def comparison(self, e: ast.BinaryExpr, x: Operand, y: Operand) -> Operand:
        x_nil, y_nil = x.mode is Mode.NIL, y.mode is Mode.NIL
        xi, yi = is_interface(x.type) and not is_untyped_kind(x.type), \
            is_interface(y.type) and not is_untyped_kind(y.type)
        if xi != yi and not x_nil and not y_nil:
            # types2's order: an untyped operand meets the interface (a non-empty one
            # cannot take it), then assignability, then the operator's own rule, each
            # error at the operand at fault.
            for o, other in ((x, y), (y, x)):
                if is_untyped_kind(o.type) and not is_untyped_kind(other.type) and \
                        is_interface(other.type) and not is_empty_interface(other.type):
                    self.error(o.src.pos, f"cannot convert {describe(o, self.path)} to "
                                          f"{message_string(under(other.type), self.path)}")
                    return invalid(e)
            if not is_untyped_kind(x.type) and not is_untyped_kind(y.type) and not (
                    self.assignable(y, x.type) or self.assignable(x, y.type)):
                self.mismatch(e, x, y)
                return invalid(e)
            if e.op not in ("==", "!="):
                for o in (x, y):
                    if not is_ordered(o.type):
                        self.error(o.src.pos, f"invalid operation: {expr_string(e)} (operator "
                                              f"{e.op} not defined on "
                                              f"{_kind_word(o.type, self.path)})")
                        return invalid(e)
        if xi != yi and x.mode is not Mode.NIL and y.mode is not Mode.NIL:
            conc = y if xi else x
            if not is_untyped_kind(conc.type) and not comparable(conc.type):
                cu = under(conc.type)
                what = {Slice: "slice", Map: "map", Signature: "func"}.get(type(cu), "")
                self.error(conc.src.pos, f"invalid operation: {expr_string(e)} ({what} can only be "
                                  f"compared to nil)" if what else
                                  f"invalid operation: {expr_string(e)} "
                                  f"({self._incomparable(conc.type)})")
                return invalid(e)
            if xi and not is_untyped_kind(y.type) and self.assignable(y, x.type):
                y = Operand(Mode.VALUE, x.type, self.to_interface(y, x.type), y.src)
            elif yi and not is_untyped_kind(x.type) and self.assignable(x, y.type):
                x = Operand(Mode.VALUE, y.type, self.to_interface(x, y.type), x.src)
            elif xi and is_untyped_kind(y.type):
                y = Operand(Mode.VALUE, x.type, self.use_as(y, x.type, "comparison"), y.src)
            elif yi and is_untyped_kind(x.type):
                x = Operand(Mode.VALUE, y.type, self.use_as(x, y.type, "comparison"), x.src)
        elif xi and yi and not identical(x.type, y.type):
            if self.assignable(y, x.type):
                y = Operand(Mode.VALUE, x.type, self.to_interface(y, x.type), y.src)
            elif self.assignable(x, y.type):
                x = Operand(Mode.VALUE, y.type, self.to_interface(x, y.type), x.src)
        elif not xi and not identical(x.type, y.type) and not is_untyped_kind(x.type) and \
                not is_untyped_kind(y.type):
            if isinstance(y.type, Named) and self.assignable(x, y.type):
                x = Operand(Mode.VALUE, y.type, tree.Convert(x.src.pos, y.type,
                                                             tree.ConvKind.NOP, x.expr), x.src)
            elif isinstance(x.type, Named) and self.assignable(y, x.type):
                y = Operand(Mode.VALUE, x.type, tree.Convert(y.src.pos, x.type,
                                                             tree.ConvKind.NOP, y.expr), y.src)
            elif isinstance(under(x.type), Chan) and self.assignable(y, x.type):
                y = Operand(Mode.VALUE, x.type, tree.Convert(y.src.pos, x.type,
                                                             tree.ConvKind.NOP, y.expr), y.src)
            elif isinstance(under(y.type), Chan) and self.assignable(x, y.type):
                x = Operand(Mode.VALUE, y.type, tree.Convert(x.src.pos, y.type,
                                                             tree.ConvKind.NOP, x.expr), x.src)
        x, y = self.match_operands(e, x, y)
        if x.invalid or y.invalid:
            return invalid(e)
        t = x.type
        u = under(t)
        if isinstance(t, Named) and t.tparam is not None:
            if e.op not in ("==", "!=") and not every_term(t, is_ordered):
                self.error(e.pos, f"invalid operation: {expr_string(e)} (type parameter "
                                  f"{t.name} is not comparable with {e.op})")
                return invalid(e)
            if (x_nil or y_nil) and not every_term(t, lambda u: isinstance(
                    u, Pointer | Slice | Map | Chan | Signature | Interface)):
                self.error(e.pos, f"invalid operation: {expr_string(e)} (mismatched types "
                                  f"{t.name} and untyped nil)")
                return invalid(e)
            if e.op in ("==", "!=") and not (x_nil or y_nil) and not tparam_comparable(t):
                self.error(e.pos, f"invalid operation: {expr_string(e)} (incomparable types "
                                  f"in type set)")
                return invalid(e)
        if e.op in ("==", "!="):
            if not comparable(t) and not (x_nil or y_nil):
                what = {Slice: "slice", Map: "map", Signature: "func"}.get(type(u), "")
                if what:
                    self.error(e.pos, f"invalid operation: {expr_string(e)} ({what} can only "
                                      f"be compared to nil)")
                else:
                    self.error(e.pos, f"invalid operation: {expr_string(e)} "
                                      f"({self._incomparable(t)})")
                return invalid(e)
        elif not is_ordered(t):
            what = _kind_word(t, self.path)
            self.error(e.pos, f"invalid operation: {expr_string(e)} (operator {e.op} not "
                              f"defined on {what})")
            return invalid(e)
        if x.mode is Mode.CONST and y.mode is Mode.CONST:
            assert x.val is not None and y.val is not None
            v = C.compare(e.op, x.val, y.val)
            return Operand(Mode.CONST, UNTYPED_BOOL, tree.ConstExpr(e.pos, UNTYPED_BOOL, v),
                           e, val=v)
        if is_untyped_kind(t) and not isinstance(x.expr, tree.NilExpr):
            dt = default_type(t)
            xe = self.default(x)
            ye = self.default(y)
            t = dt
        else:
            xe = self.const_expr(x, t) if x.mode is Mode.CONST else x.expr
            ye = self.const_expr(y, t) if y.mode is Mode.CONST else y.expr
        return Operand(Mode.VALUE, UNTYPED_BOOL, tree.Binary(e.pos, UNTYPED_BOOL, e.op, xe,
                                                             ye, e.oppos), e)

    def shift(self, e: ast.BinaryExpr, hint: Type | None) -> Operand:
        x = self.value(e.x, hint)
        y = self.value(e.y)
        if x.invalid or y.invalid:
            return invalid(e)
        return self.shift_ops(e, x, y, hint)

    def shift_ops(self, e: ast.BinaryExpr, x: Operand, y: Operand, hint: Type | None
                  ) -> Operand:
        """x << y or x >> y for checked operands."""
        if y.mode is Mode.CONST:
            assert y.val is not None
            if isinstance(y.val, (bool, bytes)):
                self.error(e.y.pos, f"invalid operation: shift count {describe(y, self.path)}"
                                    f" must be integer")
                return invalid(e)
            if C.to_fraction(y.val) < 0:
                self.error(e.y.pos, f"invalid operation: negative shift count "
                                    f"{describe(y, self.path)}")
                return invalid(e)
            if is_untyped_kind(y.type):
                y = self.convert_untyped(y, UINT)
                if y.invalid:
                    return invalid(e)
        elif is_untyped_kind(y.type) and is_numeric(y.type):
            # a non-constant untyped count (`1 << (1 << n)`, `1 << (1. << n)`) becomes
            # uint, like types2
            y = self.convert_untyped(y, UINT)
            if y.invalid:
                return invalid(e)
        elif not is_integer(y.type):
            self.error(e.y.pos, f"invalid operation: shift count {describe(y, self.path)} "
                                f"must be integer")
            return invalid(e)
        elif not is_unsigned(y.type) and self.lang_before(13):
            self.version_error(e.y.pos, f"invalid operation: signed shift count "
                                        f"{describe(y, self.path)}", 13, hint=False)
            return invalid(e)
        if x.mode is Mode.CONST:
            assert x.val is not None
            if is_untyped_kind(x.type):
                if isinstance(x.val, (bool, bytes)) or not C.is_int_value(x.val):
                    self.error(e.pos, f"invalid operation: shifted operand "
                                      f"{describe(x, self.path)} must be integer")
                    return invalid(e)
                if y.mode is Mode.CONST:
                    assert y.val is not None
                    xv, n = int(C.to_fraction(x.val)), int(C.to_fraction(y.val))
                    if e.op == "<<" and xv != 0 and xv.bit_length() + n > C.MAX_INT_BITS:
                        self.error(e.oppos, "constant shift overflow")
                        return invalid(e)
                    v = xv << n if e.op == "<<" else xv >> n
                    t = x.type if basic_kind(x.type) is not Kind.UNTYPED_FLOAT else UNTYPED_INT
                    return Operand(Mode.CONST, t, tree.ConstExpr(e.pos, t, 0), e, val=v)
                # types2 keeps the constant's kind (`1.0 << s` is an untyped float
                # value): the type it takes is checked to be an integer once known
                xt = x.type
                xc = tree.ConstExpr(x.src.pos, xt, int(C.to_fraction(x.val)),
                                    *const_spelling(x.src))
                ye = self.const_expr(y, y.type) if y.mode is Mode.CONST else y.expr
                return Operand(Mode.VALUE, xt, tree.Binary(e.pos, xt, e.op, xc, ye, e.oppos), e)
        if not is_integer(x.type) and not (x.mode is Mode.VALUE and is_untyped_kind(x.type)
                                           and is_numeric(x.type)):
            # an untyped non-constant operand is itself a shift of a constant
            # (`(1. << s) << n`): the type it finally takes is checked then
            self.error(e.pos, f"invalid operation: shifted operand {describe(x, self.path)} "
                              f"must be integer")
            return invalid(e)
        if x.mode is Mode.CONST and y.mode is Mode.CONST:
            assert x.val is not None and y.val is not None
            xv, n = int(C.to_fraction(x.val)), int(C.to_fraction(y.val))
            if e.op == "<<" and xv != 0 and xv.bit_length() + n > C.MAX_INT_BITS:
                self.error(e.oppos, "constant shift overflow")
                return invalid(e)
            v = xv << n if e.op == "<<" else xv >> n
            return self.typed_const(e, x.type, v)
        xe = self.const_expr(x, x.type) if x.mode is Mode.CONST else x.expr
        ye = self.const_expr(y, y.type) if y.mode is Mode.CONST else y.expr
        return Operand(Mode.VALUE, x.type, tree.Binary(e.pos, x.type, e.op, xe, ye, e.oppos),
                       e)


    def _incomparable(self, t: Type) -> str:
        """Why == is not defined on t, as types2 says it: the first field or element on
        the way that cannot be compared (`struct containing []int cannot be compared`)."""
        u = under(t)
        if isinstance(u, Struct):
            for f in u.fields:
                if not comparable(f.type):
                    return f"struct containing {message_string(f.type, self.path)} cannot " \
                           "be compared"
        return f"{message_string(u if isinstance(u, Array) else t, self.path)} cannot be " \
               "compared"

def retype(e: tree.Expr, t: Type) -> tree.Expr:
    """e (an untyped non-constant bool/numeric expression) given type t (the report
    fields kept)."""
    if isinstance(e, tree.Binary):
        if e.op in ("&&", "||"):
            return dataclasses.replace(e, type=t, x=retype(e.x, t), y=retype(e.y, t))
        if e.op in _COMPARISON:
            return dataclasses.replace(e, type=t)
        return dataclasses.replace(e, type=t, x=retype(e.x, t),
                                   y=e.y if e.op in ("<<", ">>") else retype(e.y, t))
    if isinstance(e, tree.Unary):
        return tree.Unary(e.pos, t, e.op, retype(e.x, t))
    if isinstance(e, tree.ConstExpr) and is_untyped_kind(e.type):
        return dataclasses.replace(e, type=t)
    if hasattr(e, "type") and is_untyped_kind(e.type):
        return dataclasses.replace(e, type=t)
    return e


def _retag(op: Operand, t: Type) -> Operand:
    if op.mode is Mode.CONST:
        return Operand(op.mode, t, op.expr, op.src, val=op.val)
    return Operand(op.mode, t, retype(op.expr, t), op.src)


def _kind_word(t: Type, pkg: str) -> str:
    """types2's kindString: a composite type's kind, else the type itself."""
    u = under(t)
    match u:
        case Interface():
            return "interface"
        case Struct():
            return "struct"
        case Pointer():
            return "pointer"
        case Slice():
            return "slice"
        case Map():
            return "map"
        case Chan():
            return "chan"
        case Signature():
            return "func"
        case Array():
            return "array"
        case Basic() if u.kind is Kind.UNTYPED_NIL:
            return "nil"
    return message_string(t, pkg)
