"""Assignability and assignment: fixing an operand into the tree as a value of a type
(`use_as`), multi-value assignments, and the assignment statements (`=`, `:=`, `op=`,
`++`, `--`).

use_as inserts the implicit operations tree.py documents and reports `cannot use ...`
when the operand is not assignable:

    var r io.Reader = f          Convert(T2I, io.Reader, VarRef f)      (f *os.File)
    var x float64 = 1            ConstExpr(float64, 1.0)
    var n int = "s"              `cannot use "s" (untyped string constant) as int value
                                 in variable declaration`

A multi-value right-hand side (call, comma-ok form) stays one Tuple-typed node; an
element that needs an interface conversion is read through TupleElem nodes sharing it
(tuple_converted). A `:=` that redeclares some names becomes a value-less VarDecl of the
new ones followed by an Assign:

    a, err := f()      (err already declared)
    →  VarDecl(vars=(a,), values=())
       Assign(lhs=(VarRef a, VarRef err), rhs=(Call f,))

This module is long because use_as and the assignment statements share the wording of
`cannot use` and `assignment mismatch` errors and the tuple handling of multi-value forms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction

from compiler.diag import NOPOS, Pos
from compiler.syntax import ast
from compiler.syntax.dump import const_spelling, expr_string
from compiler.types import constant as C
from compiler.types import tree
from compiler.types.base import CheckerBase
from compiler.types.operand import INVALID_TYPE, Mode, Operand, describe, invalid
from compiler.types.operators import _COMPARISON, retype
from compiler.types.predicates import default_type, identical, is_numeric, is_untyped_kind
from compiler.types.typ import (
    BOOL,
    UNTYPED_BOOL,
    UNTYPED_NIL,
    Basic,
    Chan,
    ChanDir,
    Interface,
    Kind,
    Map,
    Missing,
    Named,
    Pointer,
    Signature,
    Slice,
    Tuple,
    Type,
    Var,
    VarKind,
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
    """Assignability and assignments (mixed into Checker)."""

    def const_expr(self, op: Operand, t: Type) -> tree.Expr:
        """The ConstExpr for constant op (already representable in t)."""
        assert op.val is not None
        k = basic_kind(t)
        v = op.val
        if k is not None:
            r, _ = C.representable(v, k)
            if r is not None:
                v = r
        spelling, lparen = const_spelling(op.src)
        return tree.ConstExpr(op.src.pos, t, C.to_concrete(v), spelling, lparen)

    def convert_untyped(self, op: Operand, t: Type, context: str = "") -> Operand:
        """op (untyped) converted to type t, or an error; typed operands pass through."""
        if op.invalid or not is_untyped_kind(op.type):
            return op
        if t is INVALID_TYPE:
            return invalid(op.src)
        u = under(t)
        if op.mode is Mode.NIL:
            if isinstance(u, (Pointer, Slice, Map, Chan, Signature, Interface)) or \
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
            if context:
                self.error(op.src.pos, f"cannot use {describe(op, self.path)} as "
                                       f"{message_string(t, self.path)} value in {context}")
            else:
                self.error(op.src.pos, f"cannot convert {describe(op, self.path)} to "
                                       f"{message_string(t, self.path)}")
            return invalid(op.src)
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
        shift = _untyped_shift(op.expr, op.src) if not is_integer(t) else None
        if shift is not None:
            self.error(shift.pos, f"invalid operation: {expr_string(shift)} (shift of type "
                                  f"{message_string(t, self.path)})")
            return invalid(op.src)
        if is_integer(op.type) and (is_integer(t) or is_float(t) or is_complex(t)) or \
                is_float(op.type) and (is_float(t) or is_complex(t)):
            return Operand(op.mode, t, retype(op.expr, t), op.src)
        if is_string(op.type) and is_string(t):
            return Operand(op.mode, t, retype(op.expr, t), op.src)
        if op.mode is Mode.VALUE and is_numeric(op.type) and is_numeric(t):
            # An untyped float value holding a non-constant shift (`1<<s + 4.0`) takes
            # any numeric type when its constants are representable in it (types2's
            # updateExprType).
            e = _retype_numeric(op.expr, t, u.kind, self.path)
            if isinstance(e, tuple):
                if e[0] is not None:
                    self.error(e[0], e[1])
                    return invalid(op.src)
            else:
                return Operand(op.mode, t, e, op.src)
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
        if isinstance(vu, Chan) and isinstance(tu, Chan) and vu.dir is ChanDir.BOTH and \
                identical(vu.elem, tu.elem):
            return not isinstance(v, Named) or not isinstance(t, Named)
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
            if identical(op.type, t):
                return op.expr
            return tree.Convert(op.src.pos, t, tree.ConvKind.NOP, op.expr)
        tu = under(t)
        msg = f"cannot use {describe(op, self.path)} as {message_string(t, self.path)} value in " \
              f"{context}"
        if isinstance(tu, Interface) or _interface_ptr(tu):
            msg = f"cannot use {describe(op, self.path)} as type " \
                  f"{message_string(t, self.path)} in {context}:\n\t" \
                  f"{self.not_implements(op.type, t)}"
        elif isinstance(under(op.type), Interface) and \
                missing_method(t, under(op.type)) is None:  # type: ignore[arg-type]
            # types2: t implements op's interface, so an assertion would do.
            msg = f"cannot use {describe(op, self.path)} as type " \
                  f"{message_string(t, self.path)} in {context}:\n\tneed type assertion"
        elif not isinstance(op.type, Tuple):
            msg = f"cannot use {describe(op, self.path)} as type " \
                  f"{message_string(t, self.path)} in {context}"
        self.error(op.src.pos, msg)
        return op.expr

    def not_implements(self, v: Type, t: Type) -> str:
        """`T does not implement I (missing M method)` and its variants."""
        tu = under(t)
        vs, ts = message_string(v, self.path), message_string(t, self.path)
        if _interface_ptr(tu):
            return f"{vs} does not implement {ts} (type {ts} is pointer to interface, " \
                   f"not interface)"
        if _interface_ptr(under(v)):
            return f"{vs} does not implement {ts} (type {vs} is pointer to interface, " \
                   f"not interface)"
        assert isinstance(tu, Interface)
        m = missing_method(v, tu)
        if m is None:
            return f"{vs} does not implement {ts}"
        return f"{vs} does not implement {ts} {self.missing_reason(m, tu)}"

    def missing_reason(self, m: Missing, tu: Interface) -> str:
        """types2's missingMethodReason: `(missing M method)` and its variants, with
        the method found (`have`) and the one wanted when there is one."""
        if m.alt is not None and m.wrong_type is not None:
            want = next(x.sig for x in tu.methods if x.name == m.name)
            return (f"(missing {m.name} method)\n\t\t"
                    f"have {m.alt}{message_signature(m.wrong_type, self.path)}\n\t\t"
                    f"want {m.name}{message_signature(want, self.path)}")
        if m.pointer_receiver:
            return f"({m.name} method has pointer receiver)"
        if m.wrong_type is not None:
            want = next(x.sig for x in tu.methods if x.name == m.name)
            return (f"(wrong type for {m.name} method)\n\t\t"
                    f"have {m.name}{message_signature(m.wrong_type, self.path)}\n\t\t"
                    f"want {m.name}{message_signature(want, self.path)}")
        return f"(missing {m.name} method)"

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
        """The comma-ok form of a map index, type assertion or receive (Tuple-typed)."""
        e = op.expr
        if isinstance(e, tree.Recv):
            return tree.Recv(e.pos, Tuple((e.type, BOOL)), e.x, True)
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

    def lhs(self, e: ast.Expr, use: bool = False) -> Operand:
        """Check an assignment target (a use of a variable there is not a `use`)."""
        inner = e
        while isinstance(inner, ast.ParenExpr):
            inner = inner.x
        if isinstance(inner, ast.Name) and inner.value == "_":
            return Operand(Mode.VAR, INVALID_TYPE, tree.Blank(e.pos, INVALID_TYPE), e)
        if isinstance(inner, ast.Name) and not use:
            obj = self.lookup(inner.value)
            if isinstance(obj, Var):
                was_used = obj in self.used
                op = self.object_operand(obj, e)
                if not was_used:
                    self.used.discard(obj)
                return op
        op = self.expr(e)
        if op.invalid:
            return op
        if op.mode in (Mode.VAR, Mode.MAPINDEX):
            return op
        if op.mode is Mode.TYPE:
            self.error(e.pos, f"{expr_string(e)} (type) is not an expression")
            return invalid(e)
        if op.mode is Mode.BUILTIN:
            self.error(e.pos, f"{expr_string(e)} (built-in) must be called")
            return invalid(e)
        if isinstance(inner, ast.SelectorExpr) and op.mode is Mode.VALUE and \
                isinstance(op.expr, tree.FieldSel):
            self.error(e.pos, f"cannot assign to struct field {expr_string(e)} in map")
        else:
            self.error(e.pos, f"cannot assign to {describe(op, self.path)}")
        return invalid(e)

    def assign_stmt(self, s: ast.AssignStmt) -> list[tree.Stmt]:
        if s.op == ":=":
            return self.define(s)
        if s.op != "=":
            return self.op_assign(s)
        errors_before = self.diags.errors
        out = self._assign(s)
        if self.diags.errors > errors_before:
            # types2 counts the variables of a failed assignment as used: no
            # follow-on "declared but not used".
            for x in s.lhs:
                while isinstance(x, ast.ParenExpr):
                    x = x.x
                obj = self.lookup(x.value) if isinstance(x, ast.Name) else None
                if isinstance(obj, Var):
                    self.used.add(obj)
        return out

    def _assign(self, s: ast.AssignStmt) -> list[tree.Stmt]:
        """A plain `=` assignment."""
        lhs = [self.lhs(x) for x in s.lhs]
        if len(s.rhs) == 1 and len(s.lhs) > 1:
            op = self.require_value(self.expr(s.rhs[0]), allow_tuple=True)
            types = self.multi_value(op, len(s.lhs), s.rhs[0].pos, s.rhs[0], "assignment")
            if types is None:
                return []
            targets: list[tree.Expr] = []
            convs: list[Type | None] = []
            for lo, t in zip(lhs, types, strict=True):
                if lo.invalid:
                    continue
                if isinstance(lo.expr, tree.Blank):
                    targets.append(tree.Blank(lo.expr.pos, t))
                    convs.append(None)
                    continue
                if not self._tuple_assignable(t, op, lo.type):
                    self.error(s.rhs[0].pos, f"cannot use {expr_string(s.rhs[0])} (value of "
                                             f"type {message_string(t, self.path)}) as type "
                                             f"{message_string(lo.type, self.path)} in assignment")
                convs.append(lo.type if needs_iface_conv(t, lo.type) else None)
                targets.append(lo.expr)
            if any(c is not None for c in convs) and len(targets) == len(types):
                cv = self.tuple_converted(op, convs, "assignment")
                return [tree.Assign(s.pos, tuple(targets), cv, s.oppos)]
            return [tree.Assign(s.pos, tuple(targets), (self.commaok(op),), s.oppos)]
        if len(s.lhs) != len(s.rhs):
            self.assign_mismatch(s.rhs[0].pos, len(s.lhs), s.rhs)
            return []
        self.single_call_mismatch(s.rhs[0], len(s.lhs))
        out_l: list[tree.Expr] = []
        out_r: list[tree.Expr] = []
        for lo, r in zip(lhs, s.rhs, strict=True):
            if lo.invalid:
                self.expr(r)
                continue
            if isinstance(lo.expr, tree.Blank):
                op = self.value(r)
                if op.invalid:
                    continue
                e = self.default(op, "assignment to _ identifier")
                out_l.append(tree.Blank(lo.expr.pos, e.type))
                out_r.append(e)
                continue
            op = self.expr(r, lo.type)
            out_l.append(lo.expr)
            out_r.append(self.use_as(op, lo.type, "assignment"))
        self._append_alloc(s, out_r)
        return [tree.Assign(s.pos, tuple(out_l), tuple(out_r), s.oppos)]

    def _append_alloc(self, s: ast.AssignStmt, rhs: Sequence[tree.Expr]) -> None:
        """gc's walk of `x = append(...)` refuses a //go:notinheap element type."""
        if len(rhs) == 1 and isinstance(rhs[0], tree.BuiltinCall) and \
                rhs[0].name == "append" and isinstance(under(rhs[0].type), Slice):
            su = under(rhs[0].type)
            assert isinstance(su, Slice)
            self.heap_alloc(s.oppos, su.elem)

    def define(self, s: ast.AssignStmt) -> list[tree.Stmt]:
        names: list[ast.Name] = []
        ok = True
        for x in s.lhs:
            if not isinstance(x, ast.Name):
                self.error(x.pos, f"non-name {expr_string(x)} on left side of :=")
                ok = False
            else:
                names.append(x)
        if not ok:
            for r in s.rhs:
                self.expr(r)
            return []
        seen: set[str] = set()
        repeated = False
        for i, n in enumerate(names):
            if n.value != "_" and n.value in seen:
                # types2 goes on with a blank variable in its place.
                self.error(n.pos, f"{n.value} repeated on left side of :=")
                names[i] = replace(n, value="_")
                repeated = True
            seen.add(n.value)
        existing: list[Var | None] = []
        for n in names:
            o = self.scope.names.get(n.value) if n.value != "_" else None
            existing.append(o if isinstance(o, Var) else None)
            if o is not None and not isinstance(o, Var):
                self.error(n.pos, f"cannot assign to {n.value}")
                return []
        new_count = sum(1 for n, o in zip(names, existing, strict=True)
                        if o is None and n.value != "_")
        # Types of the right-hand side, computed before the new names are in scope.
        errors_before = self.diags.errors
        rtypes: list[Type] = []
        rvals: list[tree.Expr] = []
        tuple_rhs = False
        if len(s.rhs) == 1 and len(names) > 1:
            op = self.require_value(self.expr(s.rhs[0]), allow_tuple=True)
            types = self.multi_value(op, len(names), s.rhs[0].pos, s.rhs[0],
                                     "assignment")
            if types is None:
                rtypes = [INVALID_TYPE] * len(names)
            else:
                rtypes = list(types)
                rvals = [self.commaok(op)]
                tuple_rhs = True
                tuple_op = op
        elif len(s.rhs) != len(names):
            self.assign_mismatch(s.rhs[0].pos, len(names), s.rhs)
            rtypes = [INVALID_TYPE] * len(names)
        else:
            self.single_call_mismatch(s.rhs[0], len(names))
            for o, r in zip(existing, s.rhs, strict=True):
                op = self.expr(r, o.type if o is not None else None)
                if o is not None:
                    rvals.append(self.use_as(op, o.type, "assignment"))
                    rtypes.append(o.type)
                else:
                    op = self.require_value(op)
                    e = self.default(op, "assignment")
                    rvals.append(e)
                    rtypes.append(e.type if not op.invalid and op.mode is not Mode.NIL
                                  else INVALID_TYPE)
        if new_count == 0 and not repeated:
            self.error(s.oppos, "no new variables on left side of :=")
        failed_rhs = self.diags.errors > errors_before
        new_vars: list[Var] = []
        all_vars: list[tree.Expr] = []
        failed = any(t is INVALID_TYPE for t in rtypes)
        convs: list[Type | None] = []
        for n, o, t in zip(names, existing, rtypes, strict=True):
            convs.append(o.type if o is not None and needs_iface_conv(t, o.type) else None)
            if o is not None:
                if tuple_rhs and not self._tuple_assignable(t, None, o.type):
                    self.error(s.rhs[0].pos, f"cannot use {expr_string(s.rhs[0])} (value of "
                                             f"type {message_string(t, self.path)}) as type "
                                             f"{message_string(o.type, self.path)} in assignment")
                all_vars.append(tree.VarRef(n.pos, o.type, o))
                continue
            t = default_type(t)
            v = self.new_var(n.value, t, n.pos, VarKind.LOCAL)
            if failed or failed_rhs:
                self.used.add(v)
            self.declare_local(self.scope, v)
            if n.value == "_":
                all_vars.append(tree.Blank(n.pos, t))
            else:
                new_vars.append(v)
                all_vars.append(tree.VarRef(n.pos, t, v))
        if failed:
            return []
        if tuple_rhs and any(c is not None for c in convs) and \
                self.diags.errors == errors_before:
            rvals = list(self.tuple_converted(tuple_op, convs, "assignment"))
        self._append_alloc(s, rvals)
        if len(new_vars) == len(names):
            return [tree.VarDecl(s.pos, tuple(new_vars), tuple(rvals))]
        out: list[tree.Stmt] = []
        if new_vars:
            out.append(tree.VarDecl(s.pos, tuple(new_vars), ()))
        out.append(tree.Assign(s.pos, tuple(all_vars), tuple(rvals), s.oppos))
        return out

    def _tuple_assignable(self, t: Type, op: Operand | None, target: Type) -> bool:
        """Whether one result of a multi-value expression (type t) may be assigned to a
        target of type `target` (the untyped bool of a comma-ok form fits any bool)."""
        if is_untyped_kind(t):
            return is_boolean(target) or is_interface(target)
        e: tree.Expr = op.expr if op is not None else tree.Blank(NOPOS, t)
        src = op.src if op is not None else ast.BadExpr(NOPOS)
        return self.assignable(Operand(Mode.VALUE, t, e, src), target)

    def op_assign(self, s: ast.AssignStmt) -> list[tree.Stmt]:
        if len(s.lhs) != 1 or len(s.rhs) != 1:
            self.error(s.oppos, f"assignment operation {s.op} requires single-valued "
                                f"expressions")
            return []
        lo = self.lhs(s.lhs[0], use=True)
        if lo.invalid:
            self.expr(s.rhs[0])
            return []
        if isinstance(lo.expr, tree.Blank):
            self.error(s.lhs[0].pos, "cannot use _ as value")
            return []
        op = s.op[:-1]
        fake = ast.BinaryExpr(s.pos, op, s.lhs[0], s.rhs[0], s.oppos)
        x = Operand(lo.mode, lo.type, lo.expr, s.lhs[0])
        y = self.value(s.rhs[0], lo.type if op not in ("<<", ">>") else None)
        if y.invalid:
            return []
        saved, self.assign_op = self.assign_op, fake
        try:
            r = self.shift_ops(fake, x, y, None) if op in ("<<", ">>") else \
                self.binary_ops(fake, x, y)
        finally:
            self.assign_op = saved
        if r.invalid:
            return []
        assert isinstance(r.expr, tree.Binary)
        return [tree.OpAssign(s.pos, op, lo.expr, r.expr.y)]

    def incdec(self, s: ast.IncDecStmt) -> list[tree.Stmt]:
        lo = self.lhs(s.x, use=True)
        if lo.invalid:
            return []
        if not is_numeric(lo.type):
            self.error(s.pos, f"invalid operation: {expr_string(s.x)}{s.op} (non-numeric "
                              f"type {message_string(lo.type, self.path)})")
            return []
        one: object = 1
        if is_float(lo.type):
            one = 1.0
        elif is_complex(lo.type):
            one = complex(1, 0)
        return [tree.OpAssign(s.pos, "+" if s.op == "++" else "-", lo.expr,
                              tree.ConstExpr(s.pos, lo.type, one))]  # type: ignore[arg-type]


def needs_iface_conv(src: Type, dst: Type) -> bool:
    """Whether storing a value of type src into dst needs an interface conversion (which
    the typed tree cannot express for one element of a multi-value result)."""
    return is_interface(dst) and not identical(src, dst)


def _interface_ptr(t: Type) -> bool:
    """Reports whether t is a pointer to an interface (types2's isInterfacePtr)."""
    return isinstance(t, Pointer) and isinstance(under(t.elem), Interface)


def _untyped_shift(e: tree.Expr, src: ast.Expr) -> ast.BinaryExpr | None:
    """The non-constant shift of an untyped constant that untyped expression e (checked
    from src) takes its type from, through arithmetic and parentheses: `1<<s` in
    `1.0 + 1<<s`, whose final type is then the shift's (gc: "shift of type float64")."""
    while isinstance(src, ast.ParenExpr):
        src = src.x
    if isinstance(src, ast.BinaryExpr) and isinstance(e, tree.Binary) and e.op == src.op:
        if src.op in ("<<", ">>"):
            return (_untyped_shift(e.x, src.x) or src) if is_untyped_kind(e.type) else None
        if src.op in ("+", "-", "*", "/", "%", "&", "|", "^", "&^"):
            return _untyped_shift(e.x, src.x) or _untyped_shift(e.y, src.y)
    if isinstance(src, ast.UnaryExpr) and isinstance(e, tree.Unary):
        return _untyped_shift(e.x, src.x)
    return None


def _retype_numeric(e: tree.Expr, t: Type, k: Kind, pkg: str
                    ) -> tree.Expr | tuple[Pos | None, str]:
    """retype for an untyped numeric expression whose constants become kind k; for a
    constant not representable in k, the position and message of types2's error (or
    None and "" when there is no error to give, only the caller's)."""
    if isinstance(e, tree.Binary) and e.op not in _COMPARISON:
        x = _retype_numeric(e.x, t, k, pkg)
        if isinstance(x, tuple):
            return x
        y = e.y if e.op in ("<<", ">>") else _retype_numeric(e.y, t, k, pkg)
        return y if isinstance(y, tuple) else replace(e, type=t, x=x, y=y)
    if isinstance(e, tree.Unary):
        x = _retype_numeric(e.x, t, k, pkg)
        return x if isinstance(x, tuple) else tree.Unary(e.pos, t, e.op, x)
    if isinstance(e, tree.ConstExpr) and is_untyped_kind(e.type):
        v = e.value
        if isinstance(v, complex):
            if v.imag != 0:
                return None, ""
            v = v.real
        if not isinstance(v, int | float) or isinstance(v, bool):
            return None, ""
        r, why = C.representable(Fraction(v), k)
        if r is not None:
            return replace(e, type=t, value=C.to_concrete(r))
        if not why or e.spelling is None:
            return None, ""
        fv = C.format_value(Fraction(v))
        kind = e.type.name if isinstance(e.type, Basic) else ""
        val = "" if fv == e.spelling else f" {fv}"
        return e.pos, f"{e.spelling} ({kind} constant{val}) {why} to {message_string(t, pkg)}"
    return retype(e, t)
