"""Constant, variable and type declarations, at package level (called by check.py) and
in function bodies (DeclStmt).

    const (a = iota * 10; b)     Const a = 0, Const b = 10 (the spec repeats, iota 1)
    var x, y = f()               VarDecl((x, y), (Call f,))   (Assign at package level)
    var p, q int = 1             `assignment mismatch: 2 variables but 1 value`

A function-local named type is numbered in source order (`Named.local`), which gives it
gc's linker name `main.T·N`.
"""

from __future__ import annotations

from compiler.diag import Pos
from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import tree
from compiler.types.base import CheckerBase
from compiler.types.operand import INVALID_TYPE, Mode, Operand, describe
from compiler.types.predicates import default_type, identical, is_untyped_kind
from compiler.types.typ import (
    Array,
    Basic,
    Chan,
    Const,
    Map,
    Named,
    Pointer,
    Slice,
    Struct,
    Type,
    TypeName,
    Var,
    VarKind,
    is_boolean,
    is_interface,
    message_string,
    size_of,
    under,
)


class DeclChecker(CheckerBase):
    """Declarations (mixed into Checker)."""

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
        for n, ty in zip(names, types, strict=True):
            self.chan_sizes(ty, n.pos)
        if self.diags.errors == errors_before:
            for n, ty in zip(names, types, strict=True):
                if _too_large(ty, MAX_WIDTH):
                    self.error(n.pos, f"type {message_string(ty, self.path)} larger than "
                                      "address space")
                    break
                if kind is VarKind.GLOBAL and _too_large(ty, MAX_SYMBOL + 1):
                    self.error(n.pos, f"{self.path}.{n.value}: symbol too large "
                                      f"({size_of(ty)} bytes > {MAX_SYMBOL} bytes)")
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

    def check_type_sizes(self) -> None:
        """Report the package-level defined types whose values would not fit in the
        address space, at their declarations (gc sizes every declared type)."""
        for nt in self.named:
            if nt.underlying is not None and not nt.targs and _too_large(nt, MAX_WIDTH):
                self.error(nt.pos, f"type {message_string(nt.underlying, self.path)} "
                                   "larger than address space")

    def chan_sizes(self, t: Type, pos: Pos) -> None:
        """Report, at pos, each channel type reached from t (through the types gc sizes
        with it) whose element takes 64kB or more. gc sizes each type once and reports
        where it first does: a type's declaration, a variable's, a make or conversion."""
        todo = [t]
        while todo:
            t = todo.pop()
            if id(t) in self.sized:
                continue
            self.sized[id(t)] = t
            match t:
                case Named(tparam=None, underlying=u) if u is not None:
                    todo.append(u)
                case Chan(elem=el):
                    todo.append(el)
                    if _too_large(el, MAX_CHAN_ELEM):
                        self.error(pos, "channel element type too large (>64kB)")
                case Pointer(elem=el) | Slice(elem=el) | Array(elem=el):
                    todo.append(el)
                case Map(key=k, elem=el):
                    todo.extend((el, k))
                case Struct(fields=fs):
                    todo.extend(f.type for f in reversed(fs))

    def decl_stmt(self, s: ast.DeclStmt) -> list[tree.Stmt]:
        out: list[tree.Stmt] = []
        for d in s.decls:
            match d:
                case ast.VarSpec():
                    vs, st = self.var_spec(d, VarKind.LOCAL)
                    for v in vs:
                        self.declare_local(self.scope, v)
                    if st is not None:
                        out.append(st)
                case ast.ConstSpec():
                    for c in self.const_spec(d):
                        if c.name != "_":
                            if c.name in self.scope.names:
                                self.error(c.pos, f"{c.name} redeclared in this block")
                            self.scope.names[c.name] = c
                case ast.TypeSpec():
                    if self.instance_body:
                        self.error(s.pos, "type declarations inside generic functions are "
                                          "not currently supported")
                        if d.name.value != "_":  # its uses report nothing more
                            self.scope.names[d.name.value] = TypeName(
                                d.name.value, INVALID_TYPE, d.name.pos)
                        continue
                    self.local_type(d)
        return out

    def local_type(self, d: ast.TypeSpec) -> None:
        prev = self.scope.names.get(d.name.value)
        if prev is not None and d.name.value != "_":
            ppos = getattr(prev, "pos", d.name.pos)
            self.error(d.name.pos, f"{d.name.value} redeclared in this block\n\t"
                                   f"{ppos}: other declaration of {d.name.value}")
            if not d.tparams:
                self.resolve_type(d.type)  # still checked, as types2 does
            return
        if d.tparams:
            gt = self.generic_type(d, self.scope, [])
            gt.local = self.uni.uid()  # tells apart the X[int] of two functions
            self.scope.names[d.name.value] = gt
            return
        if d.alias:
            # A local name's scope starts at its identifier: `type T = T` names itself.
            busy = TypeName(d.name.value, INVALID_TYPE, d.name.pos)
            self.scope.names[d.name.value] = busy
            self.busy_aliases.add(id(busy))
            try:
                t = self.resolve_type(d.type)
            finally:
                self.busy_aliases.discard(id(busy))
            self.scope.names[d.name.value] = TypeName(d.name.value, t, d.name.pos)
            return
        nt = Named(d.name.value, self.path, d.name.pos,
                   local=1 + sum(1 for x in self.named if x.local))
        nt.notinheap = d.notinheap
        self.scope.names[d.name.value] = TypeName(d.name.value, nt, d.name.pos)
        self.type_stack.append(nt)
        self.type_ind[id(nt)] = self.indirections
        try:
            u = self.resolve_type(d.type)
        finally:
            self.type_stack.pop()
            del self.type_ind[id(nt)]
        nt.underlying = under(u) if u is not nt and u is not INVALID_TYPE and not (
            isinstance(u, Named) and u.underlying is None) else INVALID_TYPE.underlying
        self.named.append(nt)
        self.chan_sizes(nt, nt.pos)


MAX_WIDTH = 1 << 50
"""gc's bound on a type's size on amd64 (types.MaxWidth): a variable's type at or
past it is `larger than address space`."""

MAX_CHAN_ELEM = 1 << 16
"""gc's bound on a channel's element size (`channel element type too large (>64kB)`)."""

MAX_SYMBOL = 2_000_000_000
"""gc's bound on a global variable's size (`symbol too large`): past it the static
link's 32-bit pc-relative relocations cannot reach past the variable."""


def _too_large(t: Type, limit: int) -> bool:
    """Whether a value of t takes limit bytes or more (False while its size is not
    known: a type parameter's, or an invalid recursive type's)."""
    try:
        return size_of(t) >= limit
    except (TypeError, RecursionError):
        return False


def _expr_type(e: tree.Expr) -> Type:
    return e.type
