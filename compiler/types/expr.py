"""The type checker's expressions, types and implicit conversions.

`expr(e)` checks an AST expression and returns an Operand; `use_as(op, T, context)`
fixes it into the typed tree as a value of type T, inserting the implicit operations
tree.py documents (untyped constants get T; a concrete value assigned to an interface
becomes Convert(T2E/T2I); an interface assigned to another interface Convert(I2E/I2I)):

    var e interface{} = n + 1   → Convert(T2E, interface {}, Binary(+, VarRef n, Const 1))

Errors use types2's (Go 1.19) words, e.g.
`cannot use "x" (untyped string constant) as int value in argument to f`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from compiler.diag import Diagnostics, Pos
from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import constant as C
from compiler.types import tree
from compiler.types.operand import (
    INVALID_TYPE,
    Builtin,
    Mode,
    Operand,
    PkgName,
    Scope,
    describe,
    invalid,
    summary,
)
from compiler.types.predicates import (
    binary_op_ok,
    comparable,
    default_type,
    identical,
    is_complete,
    is_numeric,
    is_ordered,
    is_untyped_kind,
    maybe_comparable,
    same_class,
    unary_op_ok,
)
from compiler.types.typ import (
    BOOL,
    BYTE,
    INT,
    STRING,
    UINT,
    UNTYPED_BOOL,
    UNTYPED_COMPLEX,
    UNTYPED_FLOAT,
    UNTYPED_INT,
    UNTYPED_NIL,
    UNTYPED_RUNE,
    UNTYPED_STRING,
    Array,
    Basic,
    Const,
    Field,
    Func,
    IMethod,
    Interface,
    Kind,
    Map,
    Named,
    Pointer,
    Selection,
    Signature,
    Slice,
    Struct,
    Tuple,
    Type,
    TypeName,
    Universe,
    Var,
    VarKind,
    basic_kind,
    is_boolean,
    is_complex,
    is_float,
    is_integer,
    is_interface,
    is_string,
    is_unsigned,
    lookup,
    message_signature,
    message_string,
    method_set,
    missing_method,
    under,
)

GIVE_UP_AFTER_ERRORS = 1000
"""The checker stops (TooManyErrors) once the compile has reported this many errors: far
more than a real file has, it only bounds the work on garbage input. How many of them
are printed is the driver's business (driver.MAX_SHOWN_ERRORS, all under -e)."""


def _embedded_name(e: ast.Expr) -> str | None:
    """The field name an embedded field's type as written gives: `T` for T, *T, p.T, *p.T
    (an alias's own name, not the aliased type's: `type S = T; struct{ S }` has field S)."""
    while isinstance(e, ast.ParenExpr):
        e = e.x
    if isinstance(e, ast.StarExpr):
        e = e.x
        while isinstance(e, ast.ParenExpr):
            e = e.x
    match e:
        case ast.Name(value=v):
            return v
        case ast.SelectorExpr(sel=sel):
            return sel.value
    return None


class TooManyErrors(Exception):
    """Raised after GIVE_UP_AFTER_ERRORS errors (garbage input); check_program returns
    what was checked so far and the driver reports the errors."""


@dataclass(slots=True, eq=False)
class FuncCtx:
    """The function (or closure) whose body is being checked."""

    sig: Signature
    name: str
    parent: FuncCtx | None
    captures: list[Var] = field(default_factory=list)
    locals: list[Var] = field(default_factory=list)
    closures: int = 0


_UNTYPED_RANK = {Kind.UNTYPED_INT: 0, Kind.UNTYPED_RUNE: 1, Kind.UNTYPED_FLOAT: 2,
                 Kind.UNTYPED_COMPLEX: 3}
_OPNAME = {"+": "addition", "-": "subtraction", "*": "multiplication", "/": "division",
           "^": "bitwise XOR", "&": "bitwise AND", "|": "bitwise OR", "&^": "bit clear"}
_COMPARISON = frozenset({"==", "!=", "<", "<=", ">", ">="})


class ExprChecker:
    """Shared state and expression checking (mixed into Checker)."""

    def __init__(self, diags: Diagnostics, uni: Universe, path: str) -> None:
        self.diags = diags
        self.uni = uni
        self.path = path
        self.scope: Scope = Scope(None)
        self.pkg_scope: Scope = Scope(None)
        self.universe_scope: Scope = Scope(None)
        self.func: FuncCtx | None = None
        self.deps: set[object] | None = None
        self.var_owner: dict[Var, FuncCtx] = {}
        self.used: set[Var] = set()
        self.used_pkgs: set[int] = set()
        self.type_stack: list[Named] = []
        self.type_ind: dict[int, int] = {}
        self.indirections = 0
        self.incomplete_embed = False
        self.named: list[Named] = []
        self.iota: int | None = None
        self.pos_override: Pos | None = None
        self.mismatch_calls: set[int] = set()
        self.later_keys: list[tuple[Named, Pos]] = []

    # -- infrastructure -------------------------------------------------------------------

    def error(self, pos: Pos, msg: str) -> None:
        """Report an error (all of them, as gc -e; the driver decides how many to print)."""
        if self.pos_override is not None:
            pos = self.pos_override
        self.diags.error(pos, msg)
        if self.diags.errors >= GIVE_UP_AFTER_ERRORS:
            raise TooManyErrors()

    def unsupported(self, pos: Pos, what: str) -> None:
        self.error(pos, f"refgo does not support {what} yet")

    def save_context(self) -> tuple[object, ...]:
        return (self.scope, self.func, self.deps, self.iota)

    def restore_context(self, saved: tuple[object, ...]) -> None:
        scope, func, deps, iota = saved
        assert isinstance(scope, Scope)
        self.scope = scope
        self.func = func  # type: ignore[assignment]
        self.deps = deps  # type: ignore[assignment]
        self.iota = iota  # type: ignore[assignment]

    def new_var(self, name: str, t: Type, pos: Pos, kind: VarKind) -> Var:
        return Var(name, t, pos, kind, self.path, self.uni.uid())

    def lookup_pkg(self, name: str) -> object | None:
        """Package-level object `name` (resolved on demand); Checker overrides this."""
        return None

    def lookup(self, name: str) -> object | None:
        """The object `name` denotes in the current scope."""
        s: Scope | None = self.scope
        while s is not None:
            if s is self.pkg_scope:
                o = self.lookup_pkg(name)
                if o is not None:
                    return o
            else:
                o = s.names.get(name)
                if o is not None:
                    return o
            s = s.parent
        return None

    def declare_local(self, scope: Scope, v: Var) -> None:
        """Declare local v in scope (blank names are not declared)."""
        if v.name in ("_", ""):
            return
        prev = scope.names.get(v.name)
        if prev is not None:
            ppos = getattr(prev, "pos", v.pos)
            self.error(v.pos, f"{v.name} redeclared in this block\n\t"
                              f"{ppos}: other declaration of {v.name}")
            self.used.add(v)
            return
        scope.names[v.name] = v
        if self.func is not None:
            self.var_owner[v] = self.func
            if v.kind is VarKind.LOCAL:
                self.func.locals.append(v)

    # -- types ----------------------------------------------------------------------------

    def resolve_type(self, e: ast.Expr) -> Type:
        """The type an AST type expression denotes (INVALID_TYPE after an error)."""
        match e:
            case ast.Name() | ast.SelectorExpr():
                op = self.expr(e)
                if op.invalid:
                    return INVALID_TYPE
                if op.mode is not Mode.TYPE:
                    what = describe(op, self.path) if isinstance(e, ast.Name) and \
                        op.mode is not Mode.BUILTIN else expr_string(e)
                    self.error(e.pos, f"{what} is not a type")
                    return INVALID_TYPE
                t = op.type
                if isinstance(t, Named) and t.underlying is None and \
                        self.type_ind.get(id(t)) == self.indirections:
                    cycle = self.type_stack[self.type_stack.index(t):]
                    lines = "".join(f"\n\t{c.pos}: {c.name} refers to" for c in cycle)
                    self.error(t.pos, f"invalid recursive type {t.name}{lines}\n\t"
                                      f"{t.pos}: {t.name}")
                    return INVALID_TYPE
                return t
            case ast.ParenExpr(x=x):
                return self.resolve_type(x)
            case ast.StarExpr(x=x):
                return Pointer(self._indirect_type(x))
            case ast.ArrayType(len=None):
                self.error(e.pos, "invalid use of [...] array (outside a composite literal)")
                return INVALID_TYPE
            case ast.ArrayType(len=n, elem=el):
                assert n is not None
                length = self.array_length(n)
                et = self.resolve_type(el)
                return Array(length, et) if length >= 0 else INVALID_TYPE
            case ast.SliceType(elem=el):
                return Slice(self._indirect_type(el))
            case ast.MapType(key=k, value=v):
                kt = self._indirect_type(k)
                vt = self._indirect_type(v)
                if kt is not INVALID_TYPE and not maybe_comparable(kt):
                    self.error(k.pos, f"invalid map key type {message_string(kt, self.path)}")
                elif isinstance(kt, Named) and kt.underlying is None:
                    self.later_keys.append((kt, k.pos))
                return Map(kt, vt)
            case ast.FuncType():
                self.indirections += 1
                try:
                    return self.resolve_signature(e)
                finally:
                    self.indirections -= 1
            case ast.StructType():
                return self.struct_type(e)
            case ast.InterfaceType():
                return self.interface_type(e)
            case ast.ChanType():
                self.unsupported(e.pos, "channels")
                return INVALID_TYPE
        self.error(e.pos, f"{expr_string(e)} is not a type")
        return INVALID_TYPE

    def _indirect_type(self, e: ast.Expr) -> Type:
        self.indirections += 1
        try:
            return self.resolve_type(e)
        finally:
            self.indirections -= 1

    def array_length(self, n: ast.Expr) -> int:
        """The constant length of an array type, or -1 after an error (types2's rules)."""
        if isinstance(n, ast.Name):
            obj = self.lookup(n.value)
            if obj is None:
                self.error(n.pos, f"undeclared name {n.value} for array length")
                return -1
            if not isinstance(obj, Const) and not (isinstance(obj, Builtin)
                                                   and obj.name == "iota"):
                self.error(n.pos, f"invalid array length {n.value}")
                return -1
        op = self.expr(n)
        if op.invalid:
            return -1
        if op.mode is not Mode.CONST:
            self.error(n.pos, f"array length {describe(op, self.path)} must be constant")
            return -1
        assert op.val is not None
        if (is_integer(op.type) or is_untyped_kind(op.type)) and not isinstance(
                op.val, (bool, bytes)) and C.is_int_value(op.val):
            v = int(C.to_fraction(op.val))
            lo, hi = C.int_range(Kind.INT)
            if lo <= v <= hi:
                if v >= 0:
                    return v
                self.error(n.pos, f"invalid array length {describe(op, self.path)}")
                return -1
        self.error(n.pos, f"array length {describe(op, self.path)} must be integer")
        return -1

    def resolve_signature(self, ft: ast.FuncType) -> Signature:
        params: list[Type] = []
        variadic = False
        for i, p in enumerate(ft.params):
            if isinstance(p.type, ast.DotsType):
                if i != len(ft.params) - 1:
                    self.error(p.type.pos, "can only use ... with final parameter in list")
                variadic = True
                params.append(Slice(self._indirect_type(p.type.elem)))
            else:
                params.append(self._indirect_type(p.type))
        results: list[Type] = []
        for r in ft.results:
            if isinstance(r.type, ast.DotsType):
                self.error(r.type.pos, "can only use ... with final parameter in list")
                results.append(INVALID_TYPE)
            else:
                results.append(self._indirect_type(r.type))
        return Signature(tuple(params), tuple(results), variadic)

    def struct_type(self, e: ast.StructType) -> Type:
        fields: list[Field] = []
        seen: dict[str, Pos] = {}
        for f in e.fields:
            t = self.resolve_type(f.type)
            if f.name is None:
                base = t.elem if isinstance(t, Pointer) else t
                if isinstance(base, (Named, Basic)):
                    name = _embedded_name(f.type) or base.name
                else:
                    self.error(f.type.pos, "embedded field type must be a type name")
                    continue
                if isinstance(t, Pointer) and isinstance(base, Named) and \
                        base.underlying is not None and isinstance(base.underlying,
                                                                   (Pointer, Interface)):
                    self.error(f.type.pos, "embedded field type cannot be a pointer to an "
                                           "interface")
                fields.append(Field(name, t, True))
                npos = f.type.pos
            else:
                name = f.name.value
                fields.append(Field(name, t))
                npos = f.name.pos
            if name != "_" and name in seen:
                self.error(npos, f"{name} redeclared\n\t{seen[name]}: other declaration of "
                                 f"{name}")
                fields.pop()
                continue
            seen[name] = npos
        return Struct(tuple(fields))

    def interface_type(self, e: ast.InterfaceType) -> Type:
        methods: dict[str, IMethod] = {}
        for m in e.methods:
            if m.name is not None:
                assert isinstance(m.type, ast.FuncType)
                sig = self._indirect_type(m.type)
                assert isinstance(sig, Signature)
                if m.name.value in methods:
                    self.error(m.name.pos, f"duplicate method {m.name.value}")
                methods[m.name.value] = IMethod(m.name.value, sig)
                continue
            t = self._indirect_type(m.type)
            if t is INVALID_TYPE:
                continue
            if isinstance(t, Named) and t.underlying is None:
                self.incomplete_embed = True
                continue
            u = under(t)
            if not isinstance(u, Interface):
                self.unsupported(m.type.pos, "type constraints")
                continue
            for im in u.methods:
                prev = methods.get(im.name)
                if prev is not None and prev.sig != im.sig:
                    self.error(m.type.pos, f"duplicate method {im.name}")
                methods[im.name] = im
        return Interface(tuple(methods[k] for k in sorted(methods)))

    # -- operands -------------------------------------------------------------------------

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
                self.error(pos, f"use of package {obj.name} without selector")
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

    def basic_lit(self, e: ast.BasicLit) -> Operand:
        val: C.CValue
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

    # -- fixing operands into the tree ----------------------------------------------------

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

    # -- composite literals and closures --------------------------------------------------

    def composite(self, e: ast.CompositeLit, hint: Type | None) -> Operand:
        if e.type is None:
            if hint is None:
                self.error(e.pos, "missing type in composite literal")
                return invalid(e)
            t = hint
        elif isinstance(e.type, ast.ArrayType) and e.type.len is None:
            et = self.resolve_type(e.type.elem)
            n = self._array_lit_len(e, et)
            t = Array(n, et)
        else:
            t = self.resolve_type(e.type)
        if t is INVALID_TYPE:
            for el in e.elems:
                if isinstance(el, ast.KeyValue):
                    self.expr(el.value)
                elif not isinstance(el, ast.CompositeLit):
                    self.expr(el)
            return invalid(e)
        u = under(t)
        elems: list[tree.Element] = []
        match u:
            case Struct():
                elems = self._struct_lit(e, t, u)
            case Array(length=n, elem=et):
                elems = self._indexed_lit(e, et, n)
            case Slice(elem=et):
                elems = self._indexed_lit(e, et, -1)
            case Map(key=kt, elem=vt):
                elems = self._map_lit(e, kt, vt)
            case _:
                self.error(e.pos, f"invalid composite literal type {message_string(t, self.path)}")
                return invalid(e)
        return Operand(Mode.VALUE, t, tree.CompositeLit(e.pos, t, tuple(elems)), e)

    def _elem(self, v: ast.Expr, et: Type, context: str) -> tree.Expr:
        if isinstance(v, ast.CompositeLit) and v.type is None:
            if isinstance(et, Pointer):
                inner = self.composite(v, et.elem if isinstance(et, Pointer) else et)
                if inner.invalid:
                    return inner.expr
                return tree.AddrOf(v.pos, et, inner.expr)
            return self.use_as(self.composite(v, et), et, context)
        return self.use_as(self.value(v, et), et, context)

    def _array_lit_len(self, e: ast.CompositeLit, et: Type) -> int:
        idx = 0
        mx = 0
        for el in e.elems:
            if isinstance(el, ast.KeyValue):
                k = self.expr(el.key)
                if k.mode is Mode.CONST and k.val is not None and C.is_int_value(k.val):
                    idx = int(C.to_fraction(k.val))
            idx += 1
            mx = max(mx, idx)
        return mx

    def _struct_lit(self, e: ast.CompositeLit, t: Type, u: Struct) -> list[tree.Element]:
        out: list[tree.Element] = []
        if not e.elems:
            return out
        keyed = isinstance(e.elems[0], ast.KeyValue)
        ts = message_string(t, self.path)
        if keyed:
            seen: set[int] = set()
            for el in e.elems:
                if not isinstance(el, ast.KeyValue):
                    self.error(el.pos, "mixture of field:value and value elements in struct "
                                       "literal")
                    continue
                if not isinstance(el.key, ast.Name):
                    self.error(el.key.pos, f"invalid field name {expr_string(el.key)} in "
                                           f"struct literal")
                    continue
                idx = next((i for i, f in enumerate(u.fields) if f.name == el.key.value
                            and f.name != "_"), -1)
                if idx < 0:
                    self.error(el.key.pos, f"unknown field '{el.key.value}' in struct literal "
                                           f"of type {ts}")
                    self.expr(el.value)
                    continue
                if idx in seen:
                    self.error(el.pos, f"duplicate field name {el.key.value} in struct "
                                       f"literal")
                    continue
                seen.add(idx)
                out.append(tree.Element(idx, self._elem(el.value, u.fields[idx].type,
                                                        "struct literal")))
            return out
        for i, el in enumerate(e.elems):
            if isinstance(el, ast.KeyValue):
                self.error(el.pos, "mixture of field:value and value elements in struct "
                                   "literal")
                continue
            if i >= len(u.fields):
                self.error(el.pos, f"too many values in {expr_string(e)}")
                break
            out.append(tree.Element(i, self._elem(el, u.fields[i].type, "struct literal")))
        if len(e.elems) < len(u.fields) and not any(isinstance(x, ast.KeyValue)
                                                    for x in e.elems):
            self.error(e.rbrace, f"too few values in {expr_string(e)}")
        return out

    def _indexed_lit(self, e: ast.CompositeLit, et: Type, n: int) -> list[tree.Element]:
        out: list[tree.Element] = []
        idx = 0
        seen: set[int] = set()
        kind = "array or slice"
        for el in e.elems:
            v = el
            if isinstance(el, ast.KeyValue):
                k = self.value(el.key)
                v = el.value
                if k.mode is Mode.CONST and is_untyped_kind(k.type):
                    k = self.convert_untyped(k, INT)
                if k.invalid:
                    pass
                elif k.mode is not Mode.CONST or k.val is None or isinstance(
                        k.val, (bool, bytes)) or not (is_integer(k.type)
                                                      or C.is_int_value(k.val)):
                    self.error(el.pos, f"index {expr_string(el.key)} must be integer "
                                       f"constant")
                else:
                    idx = int(C.to_fraction(k.val))
                    if idx < 0:
                        kd = describe(self.convert_untyped(k, INT), self.path)
                        self.error(el.key.pos, f"invalid argument: index {kd} must not be "
                                               f"negative")
            if n >= 0 and idx >= n:
                if isinstance(el, ast.KeyValue):
                    self.error(el.key.pos, f"invalid argument: index {idx} out of bounds "
                                           f"[0:{n}]")
                else:
                    self.error(v.pos, f"index {idx} is out of bounds (>= {n})")
                self._elem(v, et, "array or slice literal")
                idx += 1
                continue
            if idx in seen:
                self.error(el.pos, f"duplicate index {idx} in {kind} literal")
            seen.add(idx)
            out.append(tree.Element(idx, self._elem(v, et, "array or slice literal")))
            idx += 1
        return out

    def _map_lit(self, e: ast.CompositeLit, kt: Type, vt: Type) -> list[tree.Element]:
        out: list[tree.Element] = []
        seen: set[object] = set()
        for el in e.elems:
            if not isinstance(el, ast.KeyValue):
                self.error(el.pos, "missing key in map literal")
                continue
            if isinstance(el.key, ast.CompositeLit) and el.key.type is None:
                k = self._elem(el.key, kt, "map literal")
            else:
                kop = self.value(el.key, kt)
                if kop.mode is Mode.CONST and kop.val is not None and not is_interface(kt):
                    key = (type(kop.val).__name__, kop.val)
                    if key in seen:
                        self.error(el.key.pos, f"duplicate key {expr_string(el.key)} in map "
                                               f"literal")
                    seen.add(key)
                k = self.use_as(kop, kt, "map literal")
            out.append(tree.Element(k, self._elem(el.value, vt, "map literal")))
        return out

    def func_lit(self, e: ast.FuncLit) -> Operand:
        sig = self.resolve_signature(e.type)
        parent = self.func
        if parent is None:
            key = "glob."
            n = self.uni.closures.get(key, 0) + 1
            self.uni.closures[key] = n
            name = f"glob..func{n}"
        else:
            parent.closures += 1
            n = parent.closures
            name = f"{parent.name}.{n}" if parent.parent is not None \
                else f"{parent.name}.func{n}"
        ctx = FuncCtx(sig, name, parent)
        saved = self.save_context()
        outer = Scope(self.scope)
        try:
            self.func = ctx
            params, results = self.declare_params(e.type, sig, outer, ctx)
            body = self.func_block(e.body, outer, ctx, sig,
                                   any(r.name is not None for r in e.type.results))
        finally:
            self.restore_context(saved)
        if parent is not None:
            parent.locals.extend(ctx.locals)
            for v in ctx.captures:
                if self.var_owner.get(v) is not parent and v not in parent.captures:
                    parent.captures.append(v)
        decl = tree.FuncDecl(e.pos, name, None, sig, None, params, results, body,
                             tuple(ctx.captures))
        return Operand(Mode.VALUE, sig, tree.FuncLit(e.pos, sig, decl), e)

    def declare_params(self, ft: ast.FuncType, sig: Signature, scope: Scope,
                       ctx: FuncCtx) -> tuple[tuple[Var, ...], tuple[Var, ...]]:
        """Declare a function's parameters and results in scope."""
        params: list[Var] = []
        for p, t in zip(ft.params, sig.params, strict=False):
            v = self.new_var(p.name.value if p.name else "", t, p.pos, VarKind.PARAM)
            params.append(v)
            self._declare_param(scope, v, ctx)
        results: list[Var] = []
        for r, t in zip(ft.results, sig.results, strict=False):
            v = self.new_var(r.name.value if r.name else "", t, r.pos, VarKind.RESULT)
            results.append(v)
            self._declare_param(scope, v, ctx)
        return tuple(params), tuple(results)

    def _declare_param(self, scope: Scope, v: Var, ctx: FuncCtx) -> None:
        self.var_owner[v] = ctx
        if v.name in ("", "_"):
            return
        prev = scope.names.get(v.name)
        if prev is not None:
            self.error(v.pos, f"{v.name} redeclared in this block\n\t"
                              f"{getattr(prev, 'pos', v.pos)}: other declaration of {v.name}")
            return
        scope.names[v.name] = v

    def func_block(self, body: ast.BlockStmt, outer: Scope, ctx: FuncCtx,
                   sig: Signature, named_results: bool = False) -> tree.Block:
        """Check a function body (StmtChecker provides this)."""
        raise NotImplementedError

    # -- selectors, indexing --------------------------------------------------------------

    def selector(self, e: ast.SelectorExpr) -> Operand:
        if isinstance(e.x, ast.Name):
            obj = self.lookup(e.x.value)
            if isinstance(obj, PkgName):
                self.used_pkgs.add(id(obj))
                o = obj.scope.get(e.sel.value)
                if o is None or not e.sel.value[:1].isupper():
                    if o is not None:
                        self.error(e.sel.pos, f"name {e.sel.value} not exported by package "
                                              f"{obj.name}")
                    else:
                        self.error(e.sel.pos, f"undefined: {obj.name}.{e.sel.value}")
                    return invalid(e)
                if isinstance(o, Var) and self.deps is not None:
                    self.deps.add(o)
                op = self.object_operand(o, e)
                if isinstance(o, Builtin):
                    op.name = o.name
                return op
        x = self.expr(e.x)
        if x.invalid:
            return x
        name = e.sel.value
        if x.mode is Mode.TYPE:
            return self.method_expr(e, x.type)
        x = self.require_value(x)
        if x.invalid:
            return x
        if x.mode is Mode.CONST and not is_untyped_kind(x.type):
            x = Operand(Mode.VALUE, x.type, self.const_expr(x, x.type), x.src)
        if x.mode is Mode.NIL or is_untyped_kind(x.type):
            self.error(e.sel.pos, f"{expr_string(e)} undefined (type "
                                  f"{message_string(x.type, self.path)} has no field or "
                                  f"method {name})")
            return invalid(e)
        t = x.type
        if not is_complete(t):
            self.error(e.sel.pos, f"{expr_string(e)} undefined (type "
                                  f"{message_string(t, self.path)} has no field or method "
                                  f"{name})")
            return invalid(e)
        sel = lookup(t, name) if name != "_" else None
        if isinstance(t, Pointer) and is_interface(t.elem):
            sel = None
        if sel is None or isinstance(sel, str):
            ts = message_string(t, self.path)
            if sel == "ambiguous":
                self.error(e.sel.pos, f"ambiguous selector {expr_string(e)}")
            elif isinstance(t, Pointer) and is_interface(t.elem):
                self.error(e.sel.pos, f"{expr_string(e)} undefined (type {ts} is pointer to "
                                      f"interface, not interface)")
            else:
                alt = name[:1].swapcase() + name[1:]
                hint = ""
                if alt != name and isinstance(lookup(t, alt), Selection):
                    hint = f", but does have {alt}"
                self.error(e.sel.pos, f"{expr_string(e)} undefined (type {ts} has no field "
                                      f"or method {name}{hint})")
            return invalid(e)
        return self.apply_selection(e, x, sel)

    def walk_path(self, pos: Pos, x: tree.Expr, t: Type, path: Sequence[int],
                  addressable: bool) -> tuple[tree.Expr, Type, bool]:
        """Follow embedded-field indices from x, dereferencing pointers explicitly."""
        for i in path:
            if isinstance(under(t), Pointer):
                pt = under(t)
                assert isinstance(pt, Pointer)
                t = pt.elem
                x = tree.Deref(pos, t, x)
                addressable = True
            st = under(t)
            assert isinstance(st, Struct)
            t = st.fields[i].type
            x = tree.FieldSel(pos, t, x, i)
        return x, t, addressable

    def apply_selection(self, e: ast.SelectorExpr, x: Operand, sel: Selection) -> Operand:
        addressable = x.mode is Mode.VAR
        pos = e.pos
        xe, t, addressable = self.walk_path(pos, x.expr, x.type, sel.path, addressable)
        if sel.index >= 0:
            if isinstance(under(t), Pointer):
                pt = under(t)
                assert isinstance(pt, Pointer)
                t = pt.elem
                xe = tree.Deref(pos, t, xe)
                addressable = True
            st = under(t)
            assert isinstance(st, Struct)
            ft = st.fields[sel.index].type
            mode = Mode.VAR if addressable else Mode.VALUE
            return Operand(mode, ft, tree.FieldSel(pos, ft, xe, sel.index), e)
        if sel.imethod is not None:
            it = t.elem if isinstance(t, Pointer) else t
            if isinstance(t, Pointer):
                xe = tree.Deref(pos, it, xe)
            iu = under(it)
            assert isinstance(iu, Interface)
            idx = [m.name for m in iu.methods].index(sel.imethod.name)
            return Operand(Mode.VALUE, sel.imethod.sig, tree.IfaceMethodValue(
                pos, sel.imethod.sig, xe, sel.imethod.name, idx), e)
        m = sel.method
        assert m is not None
        if self.deps is not None:
            self.deps.add(m)
        want_ptr = isinstance(m.recv, Pointer)
        is_ptr = isinstance(t, Pointer) or (isinstance(under(t), Pointer)
                                            and not isinstance(t, Named))
        if want_ptr and not is_ptr:
            if not addressable:
                self.error(pos, f"cannot call pointer method {m.name} on "
                                f"{message_string(t, self.path)}")
                return invalid(e)
            xe = tree.AddrOf(pos, Pointer(t), xe)
        elif not want_ptr and is_ptr:
            pt = under(t)
            assert isinstance(pt, Pointer)
            xe = tree.Deref(pos, pt.elem, xe)
        return Operand(Mode.VALUE, m.sig, tree.MethodValue(pos, m.sig, xe, m), e)

    def method_expr(self, e: ast.SelectorExpr, t: Type) -> Operand:
        ts = message_string(t, self.path)
        sel = lookup(t, e.sel.value) if is_complete(t) else None
        if sel == "ambiguous":
            self.error(e.sel.pos, f"ambiguous selector {expr_string(e)}")
            return invalid(e)
        if not isinstance(sel, Selection) or sel.index >= 0:
            self.error(e.sel.pos, f"{expr_string(e)} undefined (type {ts} has no field or "
                                  f"method {e.sel.value})")
            return invalid(e)
        m = sel.method
        entry = method_set(t).get(e.sel.value)
        if entry is None:
            if m is not None and isinstance(m.recv, Pointer):
                self.error(e.pos, f"invalid method expression {expr_string(e)} (needs "
                                  f"pointer receiver (*{ts}).{m.name})")
            else:
                self.unsupported(e.pos, "this method expression")
            return invalid(e)
        if self.deps is not None and m is not None:
            self.deps.add(m)
        msig = entry.sig
        sig = Signature((t,) + msig.params, msig.results, msig.variadic)
        if m is not None and not sel.path and isinstance(m.recv, Pointer) == isinstance(
                t, Pointer):
            return Operand(Mode.VALUE, sig, tree.FuncRef(e.pos, sig, m), e)
        # A wrapper (gc's `pkg.(*T).M`, `pkg.T.M`, `pkg.I.M`) that walk generates.
        base = t.elem if isinstance(t, Pointer) else t
        pkg = base.pkg if isinstance(base, Named) else self.path
        wrapper = Func(e.sel.value, pkg, msig, e.pos, recv=t)
        return Operand(Mode.VALUE, sig, tree.FuncRef(e.pos, sig, wrapper), e)

    def index(self, e: ast.IndexExpr) -> Operand:
        x = self.value(e.x)
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
        return Operand(mode, elem, tree.Index(e.pos, elem, xe, ie), e)

    def index_value(self, e: ast.Expr, length: int, what: str = "index") -> tree.Expr | None:
        """Check an index expression (integer, non-negative, < length when constant)."""
        op = self.value(e)
        if op.invalid:
            return None
        if op.mode is Mode.NIL:
            self.error(e.pos, "cannot convert nil to int")
            return None
        if op.mode is Mode.CONST and is_untyped_kind(op.type):
            op = self.convert_untyped(op, INT)
            if op.invalid:
                return None
        if op.mode is Mode.CONST:
            assert op.val is not None
            r, why = C.representable(op.val, Kind.INT) if not isinstance(
                op.val, (bool, bytes)) and is_numeric(op.type) else (None, "")
            if r is None:
                if why == "overflows" and is_integer(op.type):
                    self.error(e.pos, f"invalid argument: {what} {describe(op, self.path)} "
                                      f"overflows int")
                else:
                    self.error(e.pos, f"invalid argument: {what} {describe(op, self.path)} "
                                      f"must be integer")
                return None
            v = int(C.to_fraction(op.val))
            if v < 0:
                self.error(e.pos, f"invalid argument: {what} {describe(op, self.path)} must "
                                  f"not be negative")
                return None
            if 0 <= length <= v and what == "index":
                self.error(e.pos, f"invalid argument: index {v} out of bounds [0:{length}]")
                return None
            t = op.type if is_integer(op.type) else INT
            return tree.ConstExpr(op.src.pos, t, v)
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
                self.error(e.pos, "invalid operation: 3-index slice of string")
                return invalid(e)
            rt: Type = STRING if is_untyped_kind(t) else t
            if x.mode is Mode.CONST and isinstance(x.val, bytes):
                length = len(x.val)
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
        parts: list[tree.Expr | None] = []
        consts: list[int] = []
        for p in (e.lo, e.hi, e.max):
            if p is None:
                parts.append(None)
                continue
            pe = self.index_value(p, length)
            if pe is None:
                return invalid(e)
            if isinstance(pe, tree.ConstExpr) and isinstance(pe.value, int):
                if consts and pe.value < consts[-1]:
                    self.error(p.pos, f"invalid slice indices: {pe.value} < {consts[-1]}")
                    return invalid(e)
                consts.append(pe.value)
            parts.append(pe)
        return Operand(Mode.VALUE, rt, tree.SliceExpr(e.pos, rt, xe, parts[0], parts[1],
                                                      parts[2]), e)

    def type_assert(self, e: ast.TypeAssertExpr) -> Operand:
        x = self.value(e.x)
        if e.type is None:
            self.error(e.pos, "invalid AST: use of .(type) outside type switch")
            return invalid(e)
        if x.invalid:
            self.resolve_type(e.type)
            return x
        if not is_interface(x.type) or is_untyped_kind(x.type):
            self.error(e.x.pos, f"invalid operation: {describe(x, self.path)} is not an "
                                f"interface")
            return invalid(e)
        t = self.resolve_type(e.type)
        if t is INVALID_TYPE:
            return invalid(e)
        if not is_interface(t):
            xu = under(x.type)
            assert isinstance(xu, Interface)
            m = missing_method(t, xu)
            if m is not None:
                self.error(e.pos,
                           f"impossible type assertion: {expr_string(e)}\n\t"
                           f"{self.not_implements(t, x.type)}")
                return invalid(e)
        return Operand(Mode.COMMAOK, t, tree.TypeAssert(e.pos, t, x.expr, t), e)

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

    # -- operators ------------------------------------------------------------------------

    def unary(self, e: ast.UnaryExpr, hint: Type | None) -> Operand:
        if e.op == "<-":
            self.unsupported(e.pos, "channels")
            return invalid(e)
        if e.op == "&":
            return self.addr_of(e, hint)
        x = self.value(e.x, hint)
        if x.invalid:
            return x
        if x.mode is Mode.NIL:
            self.error(e.x.pos, f"invalid operation: operator {e.op} not defined on nil")
            return invalid(e)
        t = x.type
        ok = unary_op_ok(e.op, t)
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
            return self.typed_const(e, t, v)
        return Operand(Mode.VALUE, t, tree.Unary(e.pos, t, e.op, x.expr), e)

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
        if not binary_op_ok(e.op, t):
            self.error(e.pos, f"invalid operation: operator {e.op} not defined on "
                              f"{describe(x, self.path)}")
            return invalid(e)
        if e.op in ("/", "%") and y.mode is Mode.CONST and y.val is not None and \
                (x.mode is Mode.CONST or is_integer(t)) and \
                not isinstance(y.val, (bool, bytes)) and C.to_cx(y.val) == C.Cx(
                Fraction(0), Fraction(0)):
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
        return Operand(Mode.VALUE, t, tree.Binary(e.pos, t, e.op,
                                                  xe, ye), e)

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
            if isinstance(u, (Pointer, Slice, Map, Signature, Interface)) or \
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
        self.error(at, f"invalid operation: {expr_string(e)} (mismatched types {ts(x)} "
                       f"and {ts(y)})")

    def comparison(self, e: ast.BinaryExpr, x: Operand, y: Operand) -> Operand:
        x_nil, y_nil = x.mode is Mode.NIL, y.mode is Mode.NIL
        xi, yi = is_interface(x.type) and not is_untyped_kind(x.type), \
            is_interface(y.type) and not is_untyped_kind(y.type)
        if xi != yi and e.op not in ("==", "!=") and not is_untyped_kind(x.type):
            self.error(e.pos, f"invalid operation: {expr_string(e)} (operator {e.op} not "
                              f"defined on {_kind_word(x.type)})")
            return invalid(e)
        if xi != yi and x.mode is not Mode.NIL and y.mode is not Mode.NIL:
            conc = y if xi else x
            if not is_untyped_kind(conc.type) and not comparable(conc.type):
                cu = under(conc.type)
                what = {Slice: "slice", Map: "map", Signature: "func"}.get(type(cu), "")
                self.error(e.pos, f"invalid operation: {expr_string(e)} ({what} can only be "
                                  f"compared to nil)" if what else
                                  f"invalid operation: {expr_string(e)} "
                                  f"({message_string(conc.type, self.path)} cannot be compared)")
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
        x, y = self.match_operands(e, x, y)
        if x.invalid or y.invalid:
            return invalid(e)
        t = x.type
        u = under(t)
        if e.op in ("==", "!="):
            if not comparable(t) and not (x_nil or y_nil):
                what = {Slice: "slice", Map: "map", Signature: "func"}.get(type(u), "")
                if what:
                    self.error(e.pos, f"invalid operation: {expr_string(e)} ({what} can only "
                                      f"be compared to nil)")
                else:
                    self.error(e.pos, f"invalid operation: {expr_string(e)} "
                                      f"({message_string(t, self.path)} cannot be compared)")
                return invalid(e)
        elif not is_ordered(t):
            what = _kind_word(t)
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
                                                             ye), e)

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
        elif not is_integer(y.type):
            self.error(e.y.pos, f"invalid operation: shift count {describe(y, self.path)} "
                                f"must be integer")
            return invalid(e)
        elif is_untyped_kind(y.type):
            # a non-constant untyped count (`1 << (1 << n)`) becomes uint, like types2
            y = self.convert_untyped(y, UINT)
            if y.invalid:
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
                xt = x.type if basic_kind(x.type) is Kind.UNTYPED_RUNE else UNTYPED_INT
                xc = tree.ConstExpr(x.src.pos, xt, int(C.to_fraction(x.val)))
                ye = self.const_expr(y, y.type) if y.mode is Mode.CONST else y.expr
                return Operand(Mode.VALUE, xt, tree.Binary(e.pos, xt, e.op, xc, ye), e)
        if not is_integer(x.type):
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
        return Operand(Mode.VALUE, x.type, tree.Binary(e.pos, x.type, e.op, xe, ye), e)

    # -- calls ----------------------------------------------------------------------------

    def call(self, e: ast.CallExpr, hint: Type | None = None) -> Operand:
        f = self.expr(e.fun)
        if f.invalid:
            for a in e.args:
                self.expr(a)
            return invalid(e)
        if f.mode is Mode.TYPE:
            return self.conversion(e, f.type)
        if f.mode is Mode.BUILTIN:
            from compiler.types.builtins import builtin_call
            return builtin_call(self, e, f.name, hint)
        f = self.require_value(f)
        if f.invalid:
            return f
        sig = under(f.type)
        if not isinstance(sig, Signature):
            self.error(e.pos, f"invalid operation: cannot call non-function "
                              f"{describe(f, self.path)}")
            for a in e.args:
                self.expr(a)
            return invalid(e)
        args = self.call_args(e, sig, expr_string(e.fun))
        rt: Type = sig.results[0] if len(sig.results) == 1 else Tuple(sig.results)
        mode = Mode.NOVALUE if not sig.results else Mode.VALUE
        fx = f.expr
        call: tree.Expr
        if isinstance(fx, tree.MethodValue):
            call = tree.MethodCall(e.pos, rt, fx.recv, fx.method, args)
        elif isinstance(fx, tree.IfaceMethodValue):
            call = tree.IfaceCall(e.pos, rt, fx.recv, fx.method, fx.index, sig, args)
        else:
            call = tree.Call(e.pos, rt, fx, args)
        return Operand(mode, rt, call, e)

    def call_args(self, e: ast.CallExpr, sig: Signature, fname: str) -> tuple[tree.Expr, ...]:
        """Check a call's arguments against sig (packing variadic extras into a slice)."""
        ops: list[Operand] = []
        if len(e.args) == 1 and not e.dots:
            a = self.expr(e.args[0], sig.params[0] if sig.params else None)
            a = self.require_value(a, allow_tuple=True)
            if isinstance(a.type, Tuple) and not a.invalid:
                ops.extend(self.tuple_elems(a))
                if len(ops) != len(sig.params) and not sig.variadic or len(ops) < len(
                        sig.params) - (1 if sig.variadic else 0):
                    self._count_error(e, sig, ops, fname)
                    return ()
            else:
                ops.append(a)
        else:
            for i, arg in enumerate(e.args):
                h = sig.params[min(i, len(sig.params) - 1)] if sig.params else None
                if sig.variadic and i >= len(sig.params) - 1 and not e.dots and \
                        isinstance(h, Slice):
                    h = h.elem
                ops.append(self.value(arg, h))
        if any(o.invalid for o in ops):
            return ()
        np = len(sig.params)
        if e.dots:
            if not sig.variadic:
                self.error(e.pos, f"cannot use ... in call to non-variadic {fname}")
                return ()
            if len(ops) != np:
                self._count_error(e, sig, ops, fname)
                return ()
            return tuple(self.use_as(o, t, f"argument to {fname}")
                         for o, t in zip(ops, sig.params, strict=True))
        if sig.variadic:
            if len(ops) < np - 1:
                self._count_error(e, sig, ops, fname)
                return ()
            fixed = [self.use_as(o, t, f"argument to {fname}")
                     for o, t in zip(ops[:np - 1], sig.params[:np - 1], strict=True)]
            st = sig.params[-1]
            assert isinstance(st, Slice)
            extra = ops[np - 1:]
            if not extra:
                fixed.append(tree.NilExpr(e.rparen, st))
            else:
                elems = tuple(tree.Element(i, self.use_as(o, st.elem, f"argument to {fname}"))
                              for i, o in enumerate(extra))
                fixed.append(tree.CompositeLit(extra[0].src.pos, st, elems))
            return tuple(fixed)
        if len(ops) != np:
            self._count_error(e, sig, ops, fname)
            return ()
        return tuple(self.use_as(o, t, f"argument to {fname}")
                     for o, t in zip(ops, sig.params, strict=True))

    def tuple_elems(self, a: Operand) -> list[Operand]:
        """The results of multi-value call a as operands (TupleElem nodes sharing it)."""
        assert isinstance(a.type, Tuple)
        return [Operand(Mode.VALUE, t, tree.TupleElem(a.src.pos, t, a.expr, i), a.src)
                for i, t in enumerate(a.type.types)]

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

    def _count_error(self, e: ast.CallExpr, sig: Signature, ops: list[Operand],
                     fname: str) -> None:
        have = "(" + ", ".join(summary(o.type, self.path) for o in ops) + ")"
        want = "(" + ", ".join(message_string(p, self.path) for p in sig.params) + ")"
        if sig.variadic and sig.params:
            last = sig.params[-1]
            assert isinstance(last, Slice)
            parts = [message_string(p, self.path) for p in sig.params[:-1]]
            parts.append("..." + message_string(last.elem, self.path))
            want = "(" + ", ".join(parts) + ")"
        np = len(sig.params) - (1 if sig.variadic else 0)
        if len(ops) < np:
            at = e.args[-1].pos if e.args else e.pos
            self.error(at, f"not enough arguments in call to {fname}\n\thave {have}\n\t"
                           f"want {want}")
        else:
            at = e.args[len(sig.params)].pos if len(e.args) > len(sig.params) else e.pos
            self.error(at, f"too many arguments in call to {fname}\n\thave {have}\n\t"
                           f"want {want}")

    def conversion(self, e: ast.CallExpr, t: Type) -> Operand:
        ts = message_string(t, self.path)
        if len(e.args) != 1 or e.dots:
            if not e.args:
                self.error(e.pos, f"missing argument in conversion to {ts}")
            else:
                self.error(e.args[-1].pos, f"too many arguments in conversion to {ts}")
            for a in e.args:
                self.expr(a)
            return invalid(e)
        x = self.value(e.args[0], t)
        if x.invalid:
            return invalid(e)
        orig = x
        tu = under(t)
        if x.mode is Mode.CONST and isinstance(tu, Basic) and not is_untyped_kind(t) and \
                tu.kind is not Kind.UNSAFE_POINTER:
            assert x.val is not None
            v = x.val
            if is_string(t) and is_integer(x.type) and not isinstance(v, (bytes, bool)):
                iv = int(C.to_fraction(v))
                try:
                    s = chr(iv).encode("utf-8") if 0 <= iv <= 0x10FFFF and not (
                        0xD800 <= iv < 0xE000) else "\ufffd".encode()
                except ValueError:
                    s = "\ufffd".encode()
                return Operand(Mode.CONST, t, tree.ConstExpr(e.pos, t, s), e, val=s)
            ok = (is_numeric(t) and not isinstance(v, (bool, bytes))
                  or is_string(t) and isinstance(v, bytes)
                  or is_boolean(t) and isinstance(v, bool))
            if ok and is_integer(t) and not C.is_int_value(v):
                ok = False
            if ok:
                r, _ = C.representable(v, tu.kind)
                if r is not None:
                    return Operand(Mode.CONST, t, tree.ConstExpr(e.pos, t, C.to_concrete(r)),
                                   e, val=r)
            self.error(e.args[0].pos, f"cannot convert {describe(x, self.path)} to type {ts}")
            return invalid(e)
        if x.mode is Mode.NIL:
            if isinstance(tu, (Pointer, Slice, Map, Signature, Interface)) or \
                    basic_kind(t) is Kind.UNSAFE_POINTER:
                return Operand(Mode.VALUE, t, tree.NilExpr(e.pos, t), e)
            self.error(e.args[0].pos, f"cannot convert nil to type {ts}")
            return invalid(e)
        if is_untyped_kind(x.type):
            if is_interface(t):
                xe = self.default(x)
                dt = default_type(x.type)
                x = Operand(Mode.VALUE, dt, xe, x.src)
            else:
                x2 = self.convert_untyped(x, t) if same_class(x.type, t) else x
                if x2.invalid:
                    return invalid(e)
                if not is_untyped_kind(x2.type):
                    x = x2
                else:
                    xe = self.default(x)
                    x = Operand(Mode.VALUE, default_type(x.type), xe, x.src)
        kind = self.conv_kind(x, t)
        if kind is None and isinstance(under(x.type), Slice) and isinstance(tu, Pointer):
            at, st = under(tu.elem), under(x.type)
            if isinstance(at, Array) and isinstance(st, Slice) and identical(at.elem,
                                                                             st.elem):
                kind = tree.ConvKind.SLICE_TO_ARRAYPTR
        if kind is None:
            self.error(e.args[0].pos, f"cannot convert {describe(orig, self.path)} to type {ts}")
            return invalid(e)
        xe = self.const_expr(x, x.type) if x.mode is Mode.CONST else x.expr
        if kind in (tree.ConvKind.T2E, tree.ConvKind.T2I, tree.ConvKind.I2E,
                    tree.ConvKind.I2I):
            if identical(x.type, t):
                return Operand(Mode.VALUE, t, xe, e)
            return Operand(Mode.VALUE, t, tree.Convert(e.pos, t, kind, xe), e)
        return Operand(Mode.VALUE, t, tree.Convert(e.pos, t, kind, xe), e)

    def conv_kind(self, x: Operand, t: Type) -> tree.ConvKind | None:
        """What converting typed x to t does, or None if Go forbids it."""
        v = x.type
        vu, tu = under(v), under(t)
        K = tree.ConvKind
        if is_interface(t):
            if self.assignable(x, t):
                empty = not tu.methods  # type: ignore[union-attr]
                if is_interface(v):
                    return K.I2E if empty else K.I2I
                return K.T2E if empty else K.T2I
            return None
        if identical(vu, tu):
            return K.NOP
        if isinstance(vu, Pointer) and isinstance(tu, Pointer) and \
                identical(under(vu.elem), under(tu.elem)):
            return K.NOP
        vk, tk = basic_kind(v), basic_kind(t)
        if (vk is Kind.UNSAFE_POINTER and (isinstance(tu, Pointer) or tk is Kind.UINTPTR)) or \
                (tk is Kind.UNSAFE_POINTER and (isinstance(vu, Pointer) or vk is Kind.UINTPTR)):
            return K.NOP
        if is_integer(v) and is_integer(t):
            return K.INT
        if is_integer(v) and is_float(t):
            return K.INT_TO_FLOAT
        if is_float(v) and is_integer(t):
            return K.FLOAT_TO_INT
        if is_float(v) and is_float(t):
            return K.FLOAT
        if is_complex(v) and is_complex(t):
            return K.COMPLEX
        if is_string(t):
            if is_integer(v):
                return K.INT_TO_STRING
            if isinstance(vu, Slice) and basic_kind(vu.elem) is Kind.UINT8:
                return K.BYTES_TO_STRING
            if isinstance(vu, Slice) and basic_kind(vu.elem) is Kind.INT32:
                return K.RUNES_TO_STRING
            if is_string(v):
                return K.NOP
        if is_string(v) and isinstance(tu, Slice):
            if basic_kind(tu.elem) is Kind.UINT8:
                return K.STRING_TO_BYTES
            if basic_kind(tu.elem) is Kind.INT32:
                return K.STRING_TO_RUNES
        return None

    # -- declarations shared by package and function level -------------------------------

    def const_spec(self, spec: ast.ConstSpec) -> list[Const]:
        """Evaluate one const spec (with its iota) into Const objects (not declared)."""
        saved = self.iota
        self.iota = spec.iota
        try:
            t: Type | None = None
            if spec.type is not None:
                t = self.resolve_type(spec.type)
                if t is not INVALID_TYPE and not isinstance(under(t), Basic):
                    self.error(spec.type.pos, f"invalid constant type "
                                              f"{message_string(t, self.path)}")
                    t = INVALID_TYPE
            out: list[Const] = []
            if not spec.values:
                self.error(spec.pos, f"missing init expr for {spec.names[0].value}")
            for i, n in enumerate(spec.names):
                if i >= len(spec.values):
                    if spec.values and i == len(spec.values):
                        self.error(n.pos, "missing init expr for const declaration")
                    out.append(Const(n.value, INVALID_TYPE, 0, n.pos))
                    continue
                if spec.implicit:
                    self.pos_override = n.pos
                try:
                    op = self.expr(spec.values[i], t)
                finally:
                    self.pos_override = None
                if op.invalid:
                    out.append(Const(n.value, INVALID_TYPE, 0, n.pos))
                    continue
                if op.mode is not Mode.CONST:
                    op2 = self.require_value(op)
                    if not op2.invalid:
                        self.error(op.src.pos, f"{describe(op, self.path)} is not constant")
                    out.append(Const(n.value, INVALID_TYPE, 0, n.pos))
                    continue
                if t is not None and t is not INVALID_TYPE:
                    op = self.convert_untyped(op, t, "constant declaration")
                    if op.invalid:
                        out.append(Const(n.value, INVALID_TYPE, 0, n.pos))
                        continue
                    if not identical(op.type, t):
                        self.error(op.src.pos, f"cannot use {describe(op, self.path)} as type "
                                               f"{message_string(t, self.path)} in constant "
                                               f"declaration")
                out.append(Const(n.value, t if t is not None else op.type, op.val, n.pos))
            if len(spec.values) > len(spec.names):
                self.error(spec.values[len(spec.names)].pos, "extra init expr")
            return out
        finally:
            self.iota = saved

    def var_spec(self, spec: ast.VarSpec, kind: VarKind) -> tuple[list[Var], tree.Stmt | None]:
        """Check a var spec; returns the new Vars (undeclared) and the init statement."""
        errors_before = self.diags.errors
        t: Type | None = self.resolve_type(spec.type) if spec.type is not None else None
        names = spec.names
        values = spec.values
        ctx = "variable declaration"
        vals: list[tree.Expr] = []
        types: list[Type] = []
        if not values:
            assert t is not None
            types = [t] * len(names)
        elif len(values) == 1 and len(names) > 1:
            op = self.expr(values[0], t)
            op = self.require_value(op, allow_tuple=True)
            rt = self.multi_value(op, len(names), values[0].pos, values[0], ctx)
            if rt is None:
                types = [t or INVALID_TYPE] * len(names)
            else:
                conv = False
                if t is not None:
                    for x in rt:
                        if is_interface(t) and not identical(x, t):
                            conv = True
                        if is_untyped_kind(x) and is_boolean(t):
                            continue
                        if not self.assignable(Operand(Mode.VALUE, x, op.expr, op.src), t):
                            self.error(values[0].pos, f"cannot use {expr_string(values[0])} "
                                                      f"(value of type "
                                                      f"{message_string(x, self.path)}) "
                                                      f"as type {message_string(t, self.path)} in "
                                                      f"assignment")
                    types = [t] * len(names)
                else:
                    types = [default_type(x) for x in rt]
                vals = [self.commaok(op)]
                if conv and self.diags.errors == errors_before:
                    vals = list(self.tuple_converted(op, types, ctx))
        elif len(values) != len(names):
            if len(values) == 1 and isinstance(values[0], ast.CallExpr):
                self.assign_mismatch(values[0].pos, len(names), values)
            elif len(values) > len(names):
                self.error(values[len(names)].pos,
                           f"extra init expr {expr_string(values[len(names)])}")
            else:
                self.error(names[len(values)].pos,
                           f"missing init expr for {names[len(values)].value}")
            for v in values:
                self.expr(v)
            types = [t or INVALID_TYPE] * len(names)
        else:
            for v in values:
                op = self.expr(v, t)
                if t is not None:
                    vals.append(self.use_as(op, t, ctx))
                    types.append(t)
                else:
                    op = self.require_value(op)
                    e = self.default(op, ctx)
                    vals.append(e)
                    types.append(_expr_type(e) if not op.invalid and op.mode is not Mode.NIL
                                 else INVALID_TYPE)
        vs = [self.new_var(n.value, ty, n.pos, kind) for n, ty in zip(names, types, strict=True)]
        if self.diags.errors > errors_before:
            self.used.update(vs)
        if kind is VarKind.GLOBAL:
            if not vals:
                return vs, None
            return vs, tree.Assign(spec.pos, tuple(tree.VarRef(v.pos, v.type, v)
                                                   if v.name != "_" else tree.Blank(v.pos,
                                                                                    v.type)
                                                   for v in vs), tuple(vals))
        return vs, tree.VarDecl(spec.pos, tuple(vs), tuple(vals))

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


def _expr_type(e: tree.Expr) -> Type:
    return e.type


def retype(e: tree.Expr, t: Type) -> tree.Expr:
    """e (an untyped non-constant bool/numeric expression) given type t."""
    if isinstance(e, tree.Binary):
        if e.op in ("&&", "||"):
            return tree.Binary(e.pos, t, e.op, retype(e.x, t), retype(e.y, t))
        if e.op in _COMPARISON:
            return tree.Binary(e.pos, t, e.op, e.x, e.y)
        return tree.Binary(e.pos, t, e.op, retype(e.x, t), e.y if e.op in ("<<", ">>")
                           else retype(e.y, t))
    if isinstance(e, tree.Unary):
        return tree.Unary(e.pos, t, e.op, retype(e.x, t))
    if isinstance(e, tree.ConstExpr) and is_untyped_kind(e.type):
        v = e.value
        return tree.ConstExpr(e.pos, t, v)
    if hasattr(e, "type") and is_untyped_kind(e.type):
        return dataclasses.replace(e, type=t)
    return e


def _retag(op: Operand, t: Type) -> Operand:
    if op.mode is Mode.CONST:
        return Operand(op.mode, t, op.expr, op.src, val=op.val)
    return Operand(op.mode, t, retype(op.expr, t), op.src)


def _kind_word(t: Type) -> str:
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
        case Signature():
            return "func"
        case Array():
            return "array"
        case Basic():
            if is_untyped_kind(t):
                return u.name
            if is_boolean(t):
                return "bool"
            if is_complex(t):
                return "complex"
            if u.kind is Kind.UNTYPED_NIL:
                return "nil"
            return u.name
    return message_string(t, "main")
