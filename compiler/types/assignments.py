"""Assignability: fixing an operand into the tree as a value of a type (`use_as`), and
multi-value right-hand sides.

use_as inserts the implicit operations tree.py documents and reports `cannot use ...`
when the operand is not assignable:

    var r io.Reader = f          Convert(T2I, io.Reader, VarRef f)      (f *os.File)
    var x float64 = 1            ConstExpr(float64, 1.0)
    var n int = "s"              `cannot use "s" (untyped string constant) as int value
                                 in variable declaration`

A multi-value right-hand side (call, comma-ok form) stays one Tuple-typed node; an
element that needs an interface conversion is read through TupleElem nodes sharing it
(tuple_converted).
"""

from __future__ import annotations

from collections.abc import Sequence

from compiler.diag import Pos
from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import constant as C
from compiler.types import tree
from compiler.types.base import CheckerBase
from compiler.types.operand import INVALID_TYPE, Mode, Operand, describe, invalid
from compiler.types.operators import retype
from compiler.types.predicates import default_type, identical, is_untyped_kind
from compiler.types.typ import (
    BOOL,
    UNTYPED_BOOL,
    UNTYPED_NIL,
    Basic,
    Interface,
    Kind,
    Map,
    Named,
    Pointer,
    Signature,
    Slice,
    Tuple,
    Type,
    basic_kind,
    is_boolean,
    is_complex,
    is_float,
    is_integer,
    is_interface,
    is_string,
    message_signature,
    message_string,
    missing_method,
    under,
)


class AssignChecker(CheckerBase):
    """Assignability (mixed into Checker)."""

    def const_expr(self, op: Operand, t: Type) -> tree.Expr:
        """The ConstExpr for constant op (already representable in t)."""
        assert op.val is not None
        k = basic_kind(t)
        v = op.val
        if k is not None:
            r, _ = C.representable(v, k)
            if r is not None:
                v = r
        return tree.ConstExpr(op.src.pos, t, C.to_concrete(v))

    def convert_untyped(self, op: Operand, t: Type, context: str = "") -> Operand:
        """op (untyped) converted to type t, or an error; typed operands pass through."""
        if op.invalid or not is_untyped_kind(op.type):
            return op
        if t is INVALID_TYPE:
            return invalid(op.src)
        u = under(t)
        if op.mode is Mode.NIL:
            if isinstance(u, (Pointer, Slice, Map, Signature, Interface)) or \
                    basic_kind(t) is Kind.UNSAFE_POINTER:
                return Operand(Mode.VALUE, t, tree.NilExpr(op.src.pos, t), op.src)
            self.error(op.src.pos, f"cannot use nil as {message_string(t, self.path)} value in "
                                   f"{context or 'assignment'}")
            return invalid(op.src)
        if isinstance(u, Interface):
            if u.methods and op.mode is Mode.CONST:
                return self.convert_untyped(op, default_type(op.type), context)
            return self.convert_untyped(op, default_type(op.type), context)
        if not isinstance(u, Basic):
            return op
        if op.mode is Mode.CONST:
            assert op.val is not None
            r, why = C.representable(op.val, u.kind)
            if r is None:
                if why and context:
                    self.error(op.src.pos, f"cannot use {describe(op, self.path)} as "
                                           f"{message_string(t, self.path)} value in "
                                           f"{context} ({why})")
                elif why == "truncated" and not context:
                    self.error(op.src.pos, f"{describe(op, self.path)} truncated to "
                                           f"{message_string(t, self.path)}")
                elif why:
                    self.error(op.src.pos, f"{describe(op, self.path)} overflows "
                                           f"{message_string(t, self.path)}")
                elif not context:
                    self.error(op.src.pos, f"cannot convert {describe(op, self.path)} to "
                                           f"{message_string(t, self.path)}")
                else:
                    self.error(op.src.pos, f"cannot use {describe(op, self.path)} as "
                                           f"{message_string(t, self.path)} value in "
                                           f"{context or 'assignment'}")
                return invalid(op.src)
            return Operand(Mode.CONST, t, self.const_expr(Operand(
                op.mode, t, op.expr, op.src, val=r), t), op.src, val=r)
        if is_boolean(op.type) and is_boolean(t):
            return Operand(op.mode, t, retype(op.expr, t), op.src)
        if isinstance(op.expr, tree.Binary) and op.expr.op in ("<<", ">>") and \
                not is_integer(t) and is_integer(op.type):
            self.error(op.src.pos, f"invalid operation: {expr_string(op.src)} (shift of type "
                                   f"{message_string(t, self.path)})")
            return invalid(op.src)
        if is_integer(op.type) and (is_integer(t) or is_float(t) or is_complex(t)) or \
                is_float(op.type) and (is_float(t) or is_complex(t)):
            return Operand(op.mode, t, retype(op.expr, t), op.src)
        if is_string(op.type) and is_string(t):
            return Operand(op.mode, t, retype(op.expr, t), op.src)
        if not context:
            self.error(op.src.pos, f"cannot convert {describe(op, self.path)} to "
                                   f"{message_string(t, self.path)}")
            return invalid(op.src)
        self.error(op.src.pos, f"cannot use {describe(op, self.path)} as "
                               f"{message_string(t, self.path)} value in {context}")
        return invalid(op.src)

    def default(self, op: Operand, context: str = "assignment") -> tree.Expr:
        """op as a value of its default type (for := and interface conversions)."""
        if op.invalid:
            return op.expr
        if op.mode is Mode.NIL:
            self.error(op.src.pos, f"use of untyped nil in {context}")
            return op.expr
        if is_untyped_kind(op.type):
            t = default_type(op.type)
            op = self.convert_untyped(op, t, context)
            if op.invalid:
                return op.expr
        if op.mode is Mode.CONST:
            return self.const_expr(op, op.type)
        return op.expr

    def assignable(self, op: Operand, t: Type) -> bool:
        """Whether (typed) operand op is assignable to type t (Go spec)."""
        v = op.type
        if identical(v, t):
            return True
        vu, tu = under(v), under(t)
        if identical(vu, tu) and (not isinstance(v, Named) or not isinstance(t, Named)) \
                and not isinstance(vu, Basic):
            return True
        if isinstance(tu, Interface):
            return missing_method(v, tu) is None
        return False

    def use_as(self, op: Operand, t: Type, context: str) -> tree.Expr:
        """Fix op as a value of type t in context (`assignment`, `argument to f`, ...),
        inserting implicit conversions; reports `cannot use ...` when not assignable."""
        if op.invalid or t is INVALID_TYPE:
            return op.expr
        op = self.require_value(op)
        if op.invalid:
            return op.expr
        if is_untyped_kind(op.type):
            op = self.convert_untyped(op, t, context)
            if op.invalid:
                return op.expr
            if is_interface(t) and op.mode is not Mode.NIL and not isinstance(
                    op.expr, tree.NilExpr) and not self.assignable(op, t):
                self.error(op.src.pos, f"cannot use {describe(op, self.path)} as type "
                                       f"{message_string(t, self.path)} in {context}:\n\t"
                                       f"{self.not_implements(op.type, t)}")
                return op.expr
            if is_interface(t):
                return self.to_interface(op, t)
            if op.mode is Mode.CONST:
                return self.const_expr(op, t)
            return op.expr
        if self.assignable(op, t):
            if is_interface(t):
                return self.to_interface(op, t)
            if op.mode is Mode.CONST:
                return self.const_expr(op, t)
            if isinstance(t, Named) or isinstance(op.type, Named):
                return op.expr if identical(op.type, t) else tree.Convert(
                    op.src.pos, t, tree.ConvKind.NOP, op.expr)
            return op.expr
        tu = under(t)
        msg = f"cannot use {describe(op, self.path)} as {message_string(t, self.path)} value in " \
              f"{context}"
        if isinstance(tu, Interface):
            msg = f"cannot use {describe(op, self.path)} as type " \
                  f"{message_string(t, self.path)} in {context}:\n\t" \
                  f"{self.not_implements(op.type, t)}"
        elif not isinstance(op.type, Tuple):
            msg = f"cannot use {describe(op, self.path)} as type " \
                  f"{message_string(t, self.path)} in {context}"
        self.error(op.src.pos, msg)
        return op.expr

    def not_implements(self, v: Type, t: Type) -> str:
        """`T does not implement I (missing M method)` and its variants."""
        tu = under(t)
        assert isinstance(tu, Interface)
        m = missing_method(v, tu)
        vs, ts = message_string(v, self.path), message_string(t, self.path)
        if m is None:
            return f"{vs} does not implement {ts}"
        if m.pointer_receiver:
            return f"{vs} does not implement {ts} ({m.name} method has pointer receiver)"
        if m.wrong_type is not None:
            want = next(x.sig for x in tu.methods if x.name == m.name)
            return (f"{vs} does not implement {ts} (wrong type for {m.name} method)\n\t\t"
                    f"have {m.name}{message_signature(m.wrong_type, self.path)}\n\t\t"
                    f"want {m.name}{message_signature(want, self.path)}")
        return f"{vs} does not implement {ts} (missing {m.name} method)"

    def to_interface(self, op: Operand, t: Type) -> tree.Expr:
        """op (typed, assignable to interface t) converted to t."""
        x = self.const_expr(op, op.type) if op.mode is Mode.CONST else op.expr
        if isinstance(x, tree.NilExpr) and (x.type is UNTYPED_NIL or is_interface(x.type)):
            return tree.NilExpr(x.pos, t)
        if identical(op.type, t):
            return x
        empty = not under(t).methods  # type: ignore[union-attr]
        if is_interface(op.type):
            kind = tree.ConvKind.I2E if empty else tree.ConvKind.I2I
        else:
            kind = tree.ConvKind.T2E if empty else tree.ConvKind.T2I
        return tree.Convert(op.src.pos, t, kind, x)

    def multi_value(self, op: Operand, n: int, pos: Pos, src: ast.Expr, ctx: str
                    ) -> tuple[Type, ...] | None:
        """The n result types of a multi-value operand (call, comma-ok form) or None."""
        if op.invalid:
            return None
        if isinstance(op.type, Tuple):
            if len(op.type.types) == n:
                return op.type.types
            fsrc = src.fun if isinstance(src, ast.CallExpr) else src
            self.error(pos, f"assignment mismatch: {n} variable{'s' if n != 1 else ''} but "
                            f"{expr_string(fsrc)} returns {len(op.type.types)} value"
                            f"{'s' if len(op.type.types) != 1 else ''}")
            return None
        if n == 2 and op.mode in (Mode.MAPINDEX, Mode.COMMAOK):
            return (op.type, UNTYPED_BOOL)
        if isinstance(src, ast.CallExpr):
            self.error(pos, f"assignment mismatch: {n} variables but {expr_string(src.fun)} "
                            f"returns 1 value")
            return None
        self.error(pos, f"assignment mismatch: {n} variables but 1 value")
        return None

    def single_call_mismatch(self, src: ast.Expr, n: int) -> None:
        """Pre-report `assignment mismatch: 1 variable but f returns 2 values` (types2
        reports it instead of the multiple-value error for one target)."""
        if n != 1 or not isinstance(src, ast.CallExpr):
            return
        self.mismatch_calls.add(id(src))

    def commaok(self, op: Operand) -> tree.Expr:
        """The comma-ok form of a map index or type assertion (Tuple-typed)."""
        e = op.expr
        if isinstance(e, tree.MapIndex):
            return tree.MapIndex(e.pos, Tuple((e.type, BOOL)), e.x, e.key, True)
        if isinstance(e, tree.TypeAssert):
            return tree.TypeAssert(e.pos, Tuple((e.type, BOOL)), e.x, e.target, True)
        return e

    def assign_mismatch(self, pos: Pos, n: int, values: Sequence[ast.Expr]) -> None:
        m = len(values)
        if m == 1 and isinstance(values[0], ast.CallExpr):
            op = self.expr(values[0])
            if not op.invalid:
                k = len(op.type.types) if isinstance(op.type, Tuple) else 1
                self.error(pos, f"assignment mismatch: {n} variable{'s' if n != 1 else ''} "
                                f"but {expr_string(values[0].fun)} returns {k} value"
                                f"{'s' if k != 1 else ''}")
            return
        self.error(pos, f"assignment mismatch: {n} variable{'s' if n != 1 else ''} but {m} "
                        f"value{'s' if m != 1 else ''}")

    def tuple_converted(self, op: Operand, targets: Sequence[Type | None],
                        context: str) -> tuple[tree.Expr, ...]:
        """The values of multi-value call or comma-ok form op, each converted to its
        target type (None: kept as is), as TupleElem nodes sharing one node."""
        x = self.commaok(op)
        assert isinstance(x.type, Tuple)
        elems = [Operand(Mode.VALUE, t, tree.TupleElem(op.src.pos, t, x, i), op.src)
                 for i, t in enumerate(x.type.types)]
        return tuple(o.expr if t is None else self.use_as(o, t, context)
                     for o, t in zip(elems, targets, strict=True))
