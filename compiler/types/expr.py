"""Expressions: the dispatcher, names, literals, indirection and type assertions.

`expr(e)` checks an AST expression and returns an Operand (operand.py) without fixing
it into the tree: a constant keeps its exact value, an untyped operand its untyped
type, a type or package name its mode. `value(e)` insists on a single value;
assignments.py's `use_as` then fixes it as a value of a given type, inserting the
implicit operations tree.py documents:

    var e interface{} = n + 1   → Convert(T2E, interface {}, Binary(+, VarRef n, Const 1))

The dispatcher hands each kind of expression to the module of its concern: operators.py
(unary, binary), call.py (calls, conversions, builtins), selector.py (x.f), index.py
(x[i], x[i:j]), literals.py (T{...}, func literals), typexpr.py (type expressions used
as values). Errors use types2's (Go 1.19) words, e.g.
`cannot use "x" (untyped string constant) as int value in argument to f`.
"""

from __future__ import annotations

from fractions import Fraction

from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import constant as C
from compiler.types import tree
from compiler.types.base import CheckerBase
from compiler.types.generic import GenericFunc, GenericType
from compiler.types.operand import INVALID_TYPE, Builtin, Mode, Operand, PkgName, describe, invalid
from compiler.types.predicates import is_untyped_kind
from compiler.types.typ import (
    EMPTY_INTERFACE,
    UNTYPED_COMPLEX,
    UNTYPED_FLOAT,
    UNTYPED_INT,
    UNTYPED_NIL,
    UNTYPED_RUNE,
    UNTYPED_STRING,
    Const,
    Func,
    Interface,
    Named,
    Pointer,
    Tuple,
    Type,
    TypeName,
    Var,
    VarKind,
    is_interface,
    message_string,
    missing_method,
    under,
)


class ExprChecker(CheckerBase):
    """The expression dispatcher and operands (mixed into Checker)."""

    def expr(self, e: ast.Expr, hint: Type | None = None) -> Operand:
        """Check e (a value, type, builtin or package reference) without fixing it."""
        match e:
            case ast.Name():
                return self.name_expr(e)
            case ast.BasicLit():
                return self.basic_lit(e)
            case ast.ParenExpr(x=x):
                op = self.expr(x, hint)
                op.src = e
                return op
            case ast.CompositeLit():
                return self.composite(e, hint)
            case ast.FuncLit():
                return self.func_lit(e)
            case ast.SelectorExpr():
                return self.selector(e)
            case ast.IndexExpr():
                g = self.generic_object(e.x)
                if g is not None:
                    return self.instantiate_expr(e, g)
                return self.index(e)
            case ast.SliceExpr():
                return self.slice_expr(e)
            case ast.TypeAssertExpr():
                return self.type_assert(e)
            case ast.CallExpr():
                return self.call(e, hint)
            case ast.StarExpr():
                return self.star(e)
            case ast.UnaryExpr():
                return self.unary(e, hint)
            case ast.BinaryExpr():
                return self.binary(e, hint)
            case (ast.ArrayType() | ast.SliceType() | ast.MapType() | ast.FuncType()
                  | ast.StructType() | ast.InterfaceType() | ast.ChanType()):
                t = self.resolve_type(e)
                if t is INVALID_TYPE:
                    return invalid(e)
                return Operand(Mode.TYPE, t, tree.ConstExpr(e.pos, t, 0), e)
            case ast.KeyValue():
                self.error(e.pos, "unexpected key:value expression")
                return invalid(e)
            case ast.DotsType():
                self.error(e.pos, "invalid use of ...")
                return invalid(e)
        return invalid(e)

    def name_expr(self, e: ast.Name) -> Operand:
        if e.value == "_":
            self.error(e.pos, "cannot use _ as value or type")
            return invalid(e)
        obj = self.lookup(e.value)
        if obj is None:
            self.error(e.pos, f"undefined: {e.value}")
            return invalid(e)
        return self.object_operand(obj, e)

    def object_operand(self, obj: object, e: ast.Expr) -> Operand:
        pos = e.pos
        match obj:
            case Var():
                self.use_var(obj)
                if obj.type is INVALID_TYPE:
                    return invalid(e)
                return Operand(Mode.VAR, obj.type, tree.VarRef(pos, obj.type, obj), e)
            case Const():
                if obj.type is INVALID_TYPE:
                    return invalid(e)
                cop = Operand(Mode.CONST, obj.type, tree.ConstExpr(pos, obj.type, 0), e,
                              val=obj.value)  # type: ignore[arg-type]
                if not is_untyped_kind(obj.type):
                    cop.expr = self.const_expr(cop, obj.type)
                return cop
            case TypeName():
                if obj.type is INVALID_TYPE:
                    if id(obj) in self.busy_aliases:
                        n, at = obj.name, obj.pos
                        self.error(at, f"invalid recursive type {n}\n\t{at}: {n} refers to"
                                       f"\n\t{at}: {n}")
                    return invalid(e)
                return Operand(Mode.TYPE, obj.type, tree.ConstExpr(pos, obj.type, 0), e)
            case Func():
                if self.deps is not None:
                    self.deps.add(obj)
                return Operand(Mode.VALUE, obj.sig, tree.FuncRef(pos, obj.sig, obj), e)
            case Builtin(name="nil"):
                return Operand(Mode.NIL, UNTYPED_NIL, tree.NilExpr(pos, UNTYPED_NIL), e)
            case Builtin(name="iota"):
                if self.iota is None:
                    self.error(pos, "cannot use iota outside constant declaration")
                    return invalid(e)
                return Operand(Mode.CONST, UNTYPED_INT, tree.ConstExpr(pos, UNTYPED_INT, 0),
                               e, val=self.iota)
            case Builtin(name=n):
                return Operand(Mode.BUILTIN, INVALID_TYPE, tree.ConstExpr(pos, INVALID_TYPE,
                                                                          0), e, name=n)
            case PkgName():
                self.error(pos, f"use of package {obj.name} not in selector")
                return invalid(e)
            case GenericFunc():
                self.error(pos, f"cannot use generic function {expr_string(e)} without "
                                f"instantiation")
                return invalid(e)
            case GenericType():
                self.error(pos, f"cannot use generic type {self.generic_name(obj)} "
                                f"without instantiation")
                return invalid(e)
        return invalid(e)

    def use_var(self, v: Var) -> None:
        """Record a use of v (for `declared but not used`, captures and init deps)."""
        self.used.add(v)
        if v.kind is VarKind.GLOBAL:
            if self.deps is not None:
                self.deps.add(v)
            return
        owner = self.var_owner.get(v)
        ctx = self.func
        while ctx is not None and owner is not None and ctx is not owner:
            if v not in ctx.captures:
                ctx.captures.append(v)
            ctx = ctx.parent

    def _literal_version(self, e: ast.BasicLit) -> None:
        """Reports a number literal spelled as only Go 1.13 allows (types2's langCompat)."""
        s = e.value
        if "_" in s:
            self.version_error(e.pos, "underscores in numeric literals", 13)
        elif s[0] == "0" and s[1] in "bB":
            self.version_error(e.pos, "binary literals", 13)
        elif s[0] == "0" and s[1] in "oO":
            self.version_error(e.pos, "0o/0O-style octal literals", 13)
        elif s[0] == "0" and s[1] in "xX" and e.kind != "INT":
            self.version_error(e.pos, "hexadecimal floating-point literals", 13)

    def basic_lit(self, e: ast.BasicLit) -> Operand:
        val: C.CValue
        if e.kind in ("INT", "FLOAT", "IMAG") and len(e.value) > 2 and self.lang_before(13):
            self._literal_version(e)
        match e.kind:
            case "INT":
                try:
                    val, t = C.parse_int_lit(e.value), UNTYPED_INT
                except ValueError:
                    return invalid(e)
            case "FLOAT":
                try:
                    val, t = C.parse_float_const(e.value), UNTYPED_FLOAT
                except (ValueError, ZeroDivisionError):
                    return invalid(e)
                if C.overflows(val):
                    self.error(e.pos, f"malformed constant: {e.value}")
                    return invalid(e)
            case "IMAG":
                body = e.value[:-1]
                low = body.lower()
                try:
                    if low.startswith(("0b", "0o")) or (
                            low.startswith("0x") and "p" not in low and "." not in low):
                        im = Fraction(C.parse_int_lit(body))
                    elif any(c in low for c in ".ep"):
                        im = C.parse_float_lit(body)
                    else:  # decimal, even with a leading 0 (`012i` is 12i)
                        im = Fraction(int(low.replace("_", "") or "0", 10))
                except (ValueError, ZeroDivisionError):
                    return invalid(e)
                val, t = C.Cx(Fraction(0), im), UNTYPED_COMPLEX
            case "CHAR":
                try:
                    val, t = C.rune_value(e.value), UNTYPED_RUNE
                except (ValueError, IndexError):
                    return invalid(e)
            case _:
                try:
                    val, t = C.unquote(e.value), UNTYPED_STRING
                except (ValueError, IndexError):
                    return invalid(e)
        return Operand(Mode.CONST, t, tree.ConstExpr(e.pos, t, 0), e, val=val)

    def value(self, e: ast.Expr, hint: Type | None = None) -> Operand:
        """Check e as a single value (not a type, builtin, package or tuple)."""
        op = self.expr(e, hint)
        return self.require_value(op)

    def require_value(self, op: Operand, allow_tuple: bool = False) -> Operand:
        if op.invalid:
            return op
        e = op.src
        match op.mode:
            case Mode.TYPE:
                self.error(e.pos, f"{expr_string(e)} (type) is not an expression")
                return invalid(e)
            case Mode.BUILTIN:
                self.error(e.pos, f"{expr_string(e)} (built-in) must be called")
                return invalid(e)
            case Mode.NOVALUE:
                self.error(e.pos, f"{expr_string(e)} (no value) used as value")
                return invalid(e)
        if isinstance(op.type, Tuple) and not allow_tuple:
            if id(e) in self.mismatch_calls and isinstance(e, ast.CallExpr):
                k = len(op.type.types)
                self.error(e.pos, f"assignment mismatch: 1 variable but {expr_string(e.fun)} "
                                  f"returns {k} value{'s' if k != 1 else ''}")
                return invalid(e)
            self.error(e.pos, f"multiple-value {expr_string(e)} (value of type "
                              f"{message_string(op.type, self.path)}) in single-value context")
            return invalid(e)
        return op

    def star(self, e: ast.StarExpr) -> Operand:
        x = self.expr(e.x)
        if x.invalid:
            return x
        if x.mode is Mode.TYPE:
            return Operand(Mode.TYPE, Pointer(x.type), x.expr, e)
        x = self.require_value(x)
        if x.invalid:
            return x
        if x.mode is Mode.NIL:
            self.error(e.x.pos, "invalid operation: cannot indirect nil")
            return invalid(e)
        u = under(x.type)
        if not isinstance(u, Pointer):
            self.error(e.x.pos, f"invalid operation: cannot indirect "
                                f"{describe(x, self.path)}")
            return invalid(e)
        return Operand(Mode.VAR, u.elem, tree.Deref(e.pos, u.elem, x.expr), e)

    def type_assert(self, e: ast.TypeAssertExpr) -> Operand:
        x = self.value(e.x)
        if e.type is None:
            self.error(e.pos, "invalid AST: use of .(type) outside type switch")
            return invalid(e)
        if x.invalid:
            self.resolve_type(e.type)
            return x
        if isinstance(x.type, Named) and x.type.tparam is not None:
            self.error(e.x.pos, f"invalid operation: cannot use type assertion on type "
                                f"parameter value {describe(x, self.path)}")
            self.resolve_type(e.type)
            return invalid(e)
        if not is_interface(x.type) or is_untyped_kind(x.type):
            self.error(e.x.pos, f"invalid operation: {describe(x, self.path)} is not an "
                                f"interface")
            return invalid(e)
        t = self.resolve_type(e.type)
        if t is INVALID_TYPE:
            return invalid(e)
        if not is_interface(t) and not (isinstance(t, Named) and t.tparam is not None):
            xu = under(x.type)
            assert isinstance(xu, Interface)
            m = missing_method(t, xu)
            if m is not None and self.instance_body:
                # T is a type parameter in the generic body: an assertion that fails at
                # run time, made through `any` (no itab of t for x's interface exists).
                xe = self.to_interface(x, EMPTY_INTERFACE)
                return Operand(Mode.COMMAOK, t, tree.TypeAssert(e.pos, t, xe, t), e)
            if m is not None:
                self.error(e.pos,
                           f"impossible type assertion: {expr_string(e)}\n\t"
                           f"{self.not_implements(t, x.type)}")
                return invalid(e)
        return Operand(Mode.COMMAOK, t, tree.TypeAssert(e.pos, t, x.expr, t), e)
