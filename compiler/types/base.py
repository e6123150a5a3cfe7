"""The state every part of the checker shares, error reporting and name lookup.

`Checker` (check.py) is one class whose methods are spread over mixins, one module per
concern (see the package docstring). Each mixin derives from CheckerBase and reaches the
others through `self`; CheckerBase declares the methods one module calls in another, for
mypy only (they have no body here, so a mixin left out of Checker fails loudly). For

    x := f(a)[i]

assign_stmt (assignments.py) asks `expr` (expr.py) for `f(a)[i]`, which hands it to
`index` (index.py), which asks `value` for `f(a)`, which reaches `call` (call.py); call
checks `a` against f's parameter with `use_as` (assignments.py again).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from compiler.diag import Diagnostics, Pos
from compiler.syntax import ast
from compiler.types import tree
from compiler.types.operand import Operand, Scope
from compiler.types.typ import (
    Interface,
    Missing,
    Named,
    Signature,
    Term,
    Type,
    Universe,
    Var,
    VarKind,
    m_string,
    not_in_heap,
)

GIVE_UP_AFTER_ERRORS = 10000
"""The checker stops (TooManyErrors) once the compile has reported this many errors: more
than a real file has (Go's generated index2.go has 2820, all printed under gc's -e), it
only bounds the work on garbage input. How many of them
are printed is the driver's business (driver.MAX_SHOWN_ERRORS, all under -e)."""


_NIH = "can't be allocated in Go; it is incomplete (or unallocatable)"


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


class CheckerBase:
    """The checker's shared state; see the module docstring.

    `scope` is the innermost scope; `func` the function (or closure) whose body is being
    checked, None at package level; `deps` collects the package-level objects the current
    declaration refers to (init order), None when not tracked; `var_owner` maps a local
    to the function declaring it (captures); `used` the variables used so far;
    `type_stack`/`type_ind`/`indirections` find invalid recursive types; `iota` is valid
    inside a constant declaration; `pos_override` makes errors of an implicitly repeated
    const spec point at its name.
    """

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
        self.assign_op: ast.BinaryExpr | None = None
        """The `x op y` an assignment `x op= y` is checked as (messages write `op=`)."""
        self.panics: set[int] = set()
        """ids of the ast.CallExprs of the body being checked (func_block) that call the
        builtin panic: its terminating statements."""
        self.dot_objs: dict[tuple[int, int], object] = {}  # (file scope, object) -> PkgName
        self.lang = ""
        """gc's -lang for this package (`go1.16`), empty for the compiler's go1.19."""
        self.type_stack: list[Named] = []
        self.type_ind: dict[int, int] = {}
        self.indirections = 0
        self.incomplete_embed = False
        self.embedding = False
        self.cyclic: set[int] = set()
        """ids of the Named types reported as invalid recursive types."""
        self.named: list[Named] = []
        self.iota: int | None = None
        self.pos_override: Pos | None = None
        self.mismatch_calls: set[int] = set()
        self.later_keys: list[tuple[Type, Pos]] = []
        self.late_errors: list[tuple[Pos, str]] = []
        self.busy_aliases: set[int] = set()
        """ids of the local aliases whose right-hand side is being resolved."""
        self.sized: dict[int, Type] = {}
        """The types chan_sizes has seen (kept alive so that their ids stay theirs)."""
        self.later_embeds: list[tuple[Type, Pos]] = []
        self.constraint_text: dict[int, str] = {}
        self.generic_funcs: list[Any] = []
        """The package's generic functions (generic.GenericFunc), for their body check."""
        """Each type parameter's constraint as written (by TypeParam uid), for messages."""
        self.inst_cycle_reported: dict[int, bool] = {}
        self.in_constraint = False
        self.instance_body = False
        """Checking an instance of a generic body: checks gc makes on the generic body
        (duplicate and impossible cases, overlapping union terms, where T and int differ)
        are off. Also set while resolving an instantiated generic type."""
        """Resolving a constraint (where interfaces with type terms are allowed)."""

    def lang_before(self, minor: int) -> bool:
        """Whether -lang asks for a Go older than 1.minor."""
        m = re.fullmatch(r"go1\.(\d+)", self.lang)
        return m is not None and int(m.group(1)) < minor

    def version_error(self, pos: Pos, what: str, minor: int, hint: bool = True) -> None:
        """Reports that what needs Go 1.minor, with gc's hint at -lang."""
        msg = f"{what} requires go1.{minor} or later"
        if hint:
            msg += f" (-lang was set to {self.lang}; check go.mod)"
        self.error(pos, msg)

    def allow_version(self, pos: Pos, minor: int, what: str) -> bool:
        """Whether the package's -lang allows go1.minor's `what`; reports gc's error if
        not (`unsafe.Add requires go1.17 or later (-lang was set to go1.16; ...)`)."""
        if not self.lang_before(minor):
            return True
        self.version_error(pos, what, minor)
        return False

    def error(self, pos: Pos, msg: str) -> None:
        """Report an error (all of them, as gc -e; the driver decides how many to print)."""
        if self.pos_override is not None:
            pos = self.pos_override
        if self.diags.errors and (msg.find("invalid type") > 0
                                  or msg.find("invalid operand") > 0):
            return  # a follow-on error through an invalid type, which types2 drops too
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
        if kind is not VarKind.GLOBAL and name not in ("", "_") and not_in_heap(t):
            self.late_error(pos, f"{m_string(t, self.path)} is incomplete (or "
                                 f"unallocatable); stack allocation disallowed")
        return Var(name, t, pos, kind, self.path, self.uni.uid())

    def late_error(self, pos: Pos, msg: str) -> None:
        """An error gc reports after type checking (its typecheck, escape analysis or
        walk), so only for a program types2 accepted: check_program gives it then."""
        self.late_errors.append((pos, msg))

    def heap_alloc(self, pos: Pos, t: Type) -> None:
        """gc's walk refuses to heap-allocate a //go:notinheap t (new, make, append)."""
        if not_in_heap(t):
            self.late_error(pos, f"{m_string(t, self.path)} {_NIH}")

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
                    pn = self.dot_objs.get((id(s), id(o)))
                    if pn is not None:  # a dot-imported name: its import is used
                        self.used_pkgs.add(id(pn))
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

    if TYPE_CHECKING:
        # Defined by the mixin in the module named; declared here so that every mixin
        # can call them (keep in step: mypy checks each definition against these).
        # check.py
        def lookup_pkg(self, name: str) -> object | None: ...
        def package_scope(self, path: str, pos: Pos) -> dict[str, object]: ...
        # typexpr.py
        def resolve_type(self, e: ast.Expr) -> Type: ...
        def resolve_signature(self, ft: ast.FuncType) -> Signature: ...
        # expr.py
        def expr(self, e: ast.Expr, hint: Type | None = None) -> Operand: ...
        def object_operand(self, obj: object, e: ast.Expr) -> Operand: ...
        def value(self, e: ast.Expr, hint: Type | None = None) -> Operand: ...
        def require_value(self, op: Operand, allow_tuple: bool = False) -> Operand: ...
        # operators.py
        def unary(self, e: ast.UnaryExpr, hint: Type | None) -> Operand: ...
        def binary(self, e: ast.BinaryExpr, hint: Type | None) -> Operand: ...
        def binary_ops(self, e: ast.BinaryExpr, x: Operand, y: Operand) -> Operand: ...
        def shift_ops(self, e: ast.BinaryExpr, x: Operand, y: Operand, hint: Type | None
                      ) -> Operand: ...
        # literals.py
        def composite(self, e: ast.CompositeLit, hint: Type | None) -> Operand: ...
        def func_lit(self, e: ast.FuncLit) -> Operand: ...
        # selector.py
        def selector(self, e: ast.SelectorExpr) -> Operand: ...
        # index.py
        def index(self, e: ast.IndexExpr) -> Operand: ...
        def index_value(self, e: ast.Expr, length: int, what: str = "index"
                        ) -> tree.Expr | None: ...
        def slice_expr(self, e: ast.SliceExpr) -> Operand: ...
        # generic.py
        def generic_object(self, e: ast.Expr) -> Any: ...
        def instantiate_expr(self, e: ast.IndexExpr, g: Any) -> Operand: ...
        def generic_call_fun(self, e: ast.CallExpr, g: Any, explicit: ast.Expr | None
                             ) -> Operand: ...
        def union_terms(self, e: ast.Expr) -> tuple[Term, ...] | None: ...
        def generic_name(self, g: Any) -> str: ...
        def generic_type(self, spec: ast.TypeSpec, scope: Scope,
                         methods: list[tuple[ast.FuncDecl, Scope]]) -> Any: ...
        def instantiate_type(self, g: Any, targs: Sequence[Type], poss: Sequence[Pos]
                             ) -> Type: ...
        # infer.py
        def infer_args(self, e: ast.CallExpr, g: Any, m: dict[int, Type]) -> bool: ...
        def infer_constraints(self, tparams: tuple[Any, ...], m: dict[int, Type]
                              ) -> bool: ...
        def subst(self, t: Type, m: dict[int, Type]) -> Type: ...
        # call.py
        def call(self, e: ast.CallExpr, hint: Type | None = None) -> Operand: ...
        def tuple_elems(self, a: Operand) -> list[Operand]: ...
        # builtins.py
        def builtin_call(self, e: ast.CallExpr, name: str, hint: Type | None) -> Operand: ...
        # conversions.py
        def conversion(self, e: ast.CallExpr, t: Type) -> Operand: ...
        # assignments.py
        def const_expr(self, op: Operand, t: Type) -> tree.Expr: ...
        def convert_untyped(self, op: Operand, t: Type, context: str = "") -> Operand: ...
        def default(self, op: Operand, context: str = "assignment") -> tree.Expr: ...
        def assignable(self, op: Operand, t: Type) -> bool: ...
        def use_as(self, op: Operand, t: Type, context: str) -> tree.Expr: ...
        def not_implements(self, v: Type, t: Type) -> str: ...
        def missing_reason(self, m: Missing, tu: Interface) -> str: ...
        def to_interface(self, op: Operand, t: Type) -> tree.Expr: ...
        def multi_value(self, op: Operand, n: int, pos: Pos, src: ast.Expr, ctx: str
                        ) -> tuple[Type, ...] | None: ...
        def single_call_mismatch(self, src: ast.Expr, n: int) -> None: ...
        def commaok(self, op: Operand) -> tree.Expr: ...
        def assign_mismatch(self, pos: Pos, n: int, values: Sequence[ast.Expr]) -> None: ...
        def tuple_converted(self, op: Operand, targets: Sequence[Type | None],
                            context: str) -> tuple[tree.Expr, ...]: ...
        def lhs(self, e: ast.Expr, use: bool = False) -> Operand: ...
        def assign_stmt(self, s: ast.AssignStmt) -> list[tree.Stmt]: ...
        def incdec(self, s: ast.IncDecStmt) -> list[tree.Stmt]: ...
        # decl.py
        def decl_stmt(self, s: ast.DeclStmt) -> list[tree.Stmt]: ...
        def chan_sizes(self, t: Type, pos: Pos) -> None: ...
        # stmt.py
        def func_block(self, body: ast.BlockStmt, outer: Scope, ctx: FuncCtx,
                       sig: Signature, named_results: bool = False) -> tree.Block: ...
        def stmt_list(self, stmts: tuple[ast.Stmt, ...]) -> list[tree.Stmt]: ...
        def single_stmt(self, s: ast.Stmt | None) -> tree.Stmt | None: ...
        def push_target(self, kind: str, label: str | None) -> None: ...
        def pop_target(self) -> None: ...
        # switch.py
        def switch_stmt(self, s: ast.SwitchStmt, label: str | None) -> tree.Switch: ...
        def type_switch(self, s: ast.TypeSwitchStmt, label: str | None) -> tree.TypeSwitch: ...
