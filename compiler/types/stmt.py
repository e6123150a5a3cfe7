"""The type checker's statements and function bodies.

Each AST statement becomes one or more tree statements. A `:=` that redeclares some
names becomes a value-less VarDecl of the new ones followed by an Assign:

    a, err := f()      (err already declared)
    →  VarDecl(vars=(a,), values=())
       Assign(lhs=(VarRef a, VarRef err), rhs=(Call f,))

Labels are collected per function first (goto may jump forward); a labelled for, range
or switch is emitted as `Labeled(L, For(label=L))`. At the end of a top-level function
body, locals never used are reported (`x declared but not used`), closures included.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from compiler.diag import NOPOS, Pos
from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import tree
from compiler.types.base import CheckerBase, FuncCtx
from compiler.types.operand import (
    INVALID_TYPE,
    Mode,
    Operand,
    Scope,
    describe,
    invalid,
    summary,
)
from compiler.types.predicates import (
    comparable,
    default_type,
    identical,
    is_numeric,
    is_untyped_kind,
    same_class,
)
from compiler.types.typ import (
    BOOL,
    INT,
    RUNE,
    Array,
    Interface,
    Map,
    Named,
    Pointer,
    Signature,
    Slice,
    Tuple,
    Type,
    TypeName,
    Var,
    VarKind,
    is_boolean,
    is_complex,
    is_float,
    is_interface,
    is_string,
    message_string,
    missing_method,
    under,
)


@dataclass(slots=True)
class _Label:
    pos: Pos
    used: bool = False


@dataclass(slots=True)
class _Target:
    """An enclosing statement that break/continue may refer to."""

    kind: str
    label: str | None


@dataclass(slots=True)
class _Body:
    """Per-function state: labels and the break/continue target stack."""

    labels: dict[str, _Label] = field(default_factory=dict)
    targets: list[_Target] = field(default_factory=list)
    sig: Signature | None = None
    named_results: bool = False


class StmtChecker(CheckerBase):
    """Statement checking (mixed into Checker)."""

    body: _Body | None = None

    def func_block(self, body: ast.BlockStmt, outer: Scope, ctx: FuncCtx,
                   sig: Signature, named_results: bool = False) -> tree.Block:
        """Check a function body in scope outer (which holds the parameters)."""
        saved_body = self.body
        self.body = _Body(sig=sig, named_results=named_results)
        self.func = ctx
        try:
            _collect_labels(body.stmts, self.body.labels, self)
            self.goto_checks(body)
            self.scope = outer
            stmts = self.stmt_list(body.stmts)
            if sig.results and not _terminating_list(body.stmts):
                self.error(body.rbrace, "missing return")
            for name, lab in self.body.labels.items():
                if not lab.used:
                    self.error(lab.pos, f"label {name} defined and not used")
        finally:
            self.body = saved_body
        if ctx.parent is None:
            self.report_unused(ctx)
        return tree.Block(body.pos, tuple(stmts))

    def goto_checks(self, body: ast.BlockStmt) -> None:
        """Report gotos that jump into a block or over a variable declaration."""
        g = _GotoScan()
        g.block(body.stmts, (), NOPOS)
        for name, gpos, gpath in g.gotos:
            lab = g.labels.get(name)
            if lab is None:
                continue
            if any(k >= len(gpath) or gpath[k][0] != lp[0] for k, lp in enumerate(lab)):
                self.error(gpos, f"goto {name} jumps into block starting at {lab[-1][1]}")
                continue
            bid, _, lidx = lab[-1]
            gidx = gpath[len(lab) - 1][2]
            over = [d for d in g.decls if d[0] == bid and gidx < d[1] < lidx]
            if over:
                _, _, dname, dpos = over[-1]
                self.error(gpos, f"goto {name} jumps over declaration of {dname} at {dpos}")

    def report_unused(self, ctx: FuncCtx) -> None:
        for v in ctx.locals:
            if v not in self.used and v.name not in ("_", ""):
                self.error(v.pos, f"{v.name} declared but not used")

    def stmt_list(self, stmts: tuple[ast.Stmt, ...]) -> list[tree.Stmt]:
        out: list[tree.Stmt] = []
        for s in stmts:
            out.extend(self.stmt(s))
        return out

    def block(self, b: ast.BlockStmt) -> tree.Block:
        saved = self.scope
        self.scope = Scope(saved)
        try:
            return tree.Block(b.pos, tuple(self.stmt_list(b.stmts)))
        finally:
            self.scope = saved

    def stmt(self, s: ast.Stmt) -> list[tree.Stmt]:
        """Check one statement; returns its tree statements."""
        match s:
            case ast.EmptyStmt():
                return []
            case ast.ExprStmt():
                return self.expr_stmt(s)
            case ast.AssignStmt():
                return self.assign_stmt(s)
            case ast.IncDecStmt():
                return self.incdec(s)
            case ast.BlockStmt():
                return [self.block(s)]
            case ast.IfStmt():
                return [self.if_stmt(s)]
            case ast.ForStmt():
                return [self.for_stmt(s, None)]
            case ast.RangeStmt():
                return [self.range_stmt(s, None)]
            case ast.SwitchStmt():
                return [self.switch_stmt(s, None)]
            case ast.TypeSwitchStmt():
                return [self.type_switch(s, None)]
            case ast.ReturnStmt():
                return self.return_stmt(s)
            case ast.BranchStmt():
                return self.branch(s)
            case ast.LabeledStmt():
                return self.labeled(s)
            case ast.DeferStmt():
                return self.defer(s)
            case ast.GoStmt():
                self.unsupported(s.pos, "go statements")
                self.expr(s.call)  # its operands are used: no false "declared but not used"
                return []
            case ast.SelectStmt():
                self.unsupported(s.pos, "select statements")
                return []
            case ast.SendStmt():
                self.unsupported(s.pos, "channels")
                return []
            case ast.DeclStmt():
                return self.decl_stmt(s)
        return []

    # -- simple statements ----------------------------------------------------------------

    def expr_stmt(self, s: ast.ExprStmt) -> list[tree.Stmt]:
        x = s.x
        while isinstance(x, ast.ParenExpr):
            x = x.x
        op = self.expr(s.x)
        if op.invalid:
            return []
        if isinstance(x, ast.CallExpr) and op.mode in (Mode.NOVALUE, Mode.VALUE) and \
                not _is_conversion_or_value_builtin(op):
            return [tree.ExprStmt(s.pos, op.expr)]
        if isinstance(x, ast.UnaryExpr) and x.op == "<-":
            return []
        if op.mode is Mode.TYPE:
            self.error(s.x.pos, f"{expr_string(s.x)} (type) is not an expression")
        elif op.mode is Mode.BUILTIN:
            self.error(s.x.pos, f"{expr_string(s.x)} (built-in) must be called")
        else:
            self.error(s.x.pos, f"{describe(op, self.path)} is not used")
        return []

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
                convs.append(lo.type if _needs_iface_conv(t, lo.type) else None)
                targets.append(lo.expr)
            if any(c is not None for c in convs) and len(targets) == len(types):
                cv = self.tuple_converted(op, convs, "assignment")
                return [tree.Assign(s.pos, tuple(targets), cv)]
            return [tree.Assign(s.pos, tuple(targets), (self.commaok(op),))]
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
        return [tree.Assign(s.pos, tuple(out_l), tuple(out_r))]

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
        for n in names:
            if n.value != "_" and n.value in seen:
                self.error(n.pos, f"{n.value} repeated on left side of :=")
                return []
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
        if new_count == 0:
            self.error(s.oppos, "no new variables on left side of :=")
        failed_rhs = self.diags.errors > errors_before
        new_vars: list[Var] = []
        all_vars: list[tree.Expr] = []
        failed = any(t is INVALID_TYPE for t in rtypes)
        convs: list[Type | None] = []
        for n, o, t in zip(names, existing, rtypes, strict=True):
            convs.append(o.type if o is not None and _needs_iface_conv(t, o.type) else None)
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
        if len(new_vars) == len(names):
            return [tree.VarDecl(s.pos, tuple(new_vars), tuple(rvals))]
        out: list[tree.Stmt] = []
        if new_vars:
            out.append(tree.VarDecl(s.pos, tuple(new_vars), ()))
        out.append(tree.Assign(s.pos, tuple(all_vars), tuple(rvals)))
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
        r = self.shift_ops(fake, x, y, None) if op in ("<<", ">>") else \
            self.binary_ops(fake, x, y)
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
                    self.local_type(d)
        return out

    def local_type(self, d: ast.TypeSpec) -> None:
        if d.alias:
            t = self.resolve_type(d.type)
            self.scope.names[d.name.value] = TypeName(d.name.value, t, d.name.pos)
            return
        nt = Named(d.name.value, self.path, d.name.pos,
                   local=1 + sum(1 for x in self.named if x.local))
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

    # -- control flow ---------------------------------------------------------------------

    def cond(self, e: ast.Expr, what: str) -> tree.Expr:
        op = self.value(e)
        if op.invalid:
            return op.expr
        if not is_boolean(op.type):
            self.error(e.pos, f"non-boolean condition in {what} statement")
            return op.expr
        if is_untyped_kind(op.type):
            return self.use_as(op, BOOL, "condition")
        return op.expr

    def if_stmt(self, s: ast.IfStmt) -> tree.If:
        saved = self.scope
        self.scope = Scope(saved)
        try:
            init = self._single(s.init)
            assert s.cond is not None
            c = self.cond(s.cond, "if")
            then = self.block(s.then)
            els: tree.Block | tree.If | None = None
            if isinstance(s.els, ast.IfStmt):
                els = self.if_stmt(s.els)
            elif isinstance(s.els, ast.BlockStmt):
                els = self.block(s.els)
            return tree.If(s.pos, init, c, then, els)
        finally:
            self.scope = saved

    def _single(self, s: ast.Stmt | None) -> tree.Stmt | None:
        if s is None:
            return None
        out = self.stmt(s)
        if not out:
            return None
        if len(out) == 1:
            return out[0]
        return tree.Block(s.pos, tuple(out))

    def _push(self, kind: str, label: str | None) -> None:
        assert self.body is not None
        self.body.targets.append(_Target(kind, label))

    def _pop(self) -> None:
        assert self.body is not None
        self.body.targets.pop()

    def for_stmt(self, s: ast.ForStmt, label: str | None) -> tree.For:
        saved = self.scope
        self.scope = Scope(saved)
        try:
            init = self._single(s.init)
            c = self.cond(s.cond, "for") if s.cond is not None else None
            post = self._single(s.post)
            if isinstance(post, tree.VarDecl):
                self.error(s.post.pos if s.post else s.pos,
                           "cannot declare in post statement of for loop")
            self._push("loop", label)
            try:
                body = self.block(s.body)
            finally:
                self._pop()
            return tree.For(s.pos, init, c, post, body, label)
        finally:
            self.scope = saved

    def range_stmt(self, s: ast.RangeStmt, label: str | None) -> tree.Range:
        saved = self.scope
        self.scope = Scope(saved)
        try:
            return self._range(s, label)
        finally:
            self.scope = saved

    def _range(self, s: ast.RangeStmt, label: str | None) -> tree.Range:
        x = self.value(s.x)
        kt: Type = INVALID_TYPE
        vt: Type | None = INVALID_TYPE
        xe = x.expr
        if not x.invalid:
            if x.mode is Mode.CONST and is_string(x.type):
                xe = self.default(x)
            t = x.type
            u = under(t)
            if isinstance(u, Pointer) and isinstance(under(u.elem), Array):
                au = under(u.elem)
                assert isinstance(au, Array)
                kt, vt = INT, au.elem
            elif is_string(t) and x.mode is not Mode.NIL:
                kt, vt = INT, RUNE
            elif isinstance(u, (Array, Slice)):
                kt, vt = INT, u.elem
            elif isinstance(u, Map):
                kt, vt = u.key, u.elem
            else:
                self.error(s.x.pos, f"cannot range over {describe(x, self.path)}")
                x = invalid(s.x)
        key: tree.Expr | None = None
        val: tree.Expr | None = None
        vars_: list[Var] = []
        exprs = [e for e in (s.key, s.value) if e is not None]
        types = [kt, vt]
        if s.op == ":=":
            for i, e in enumerate(exprs):
                if not isinstance(e, ast.Name):
                    self.error(e.pos, f"non-name {expr_string(e)} on left side of :=")
                    continue
                t = types[i] or INVALID_TYPE
                v = self.new_var(e.value, t, e.pos, VarKind.LOCAL)
                if x.invalid:
                    self.used.add(v)
                self.declare_local(self.scope, v)
                if e.value != "_":
                    vars_.append(v)
                    ref: tree.Expr = tree.VarRef(e.pos, t, v)
                    if i == 0:
                        key = ref
                    else:
                        val = ref
        elif s.op == "=":
            for i, e in enumerate(exprs):
                lo = self.lhs(e)
                if lo.invalid or isinstance(lo.expr, tree.Blank):
                    continue
                t = types[i] or INVALID_TYPE
                if not x.invalid and not self.assignable(Operand(Mode.VALUE, t, lo.expr, e),
                                                         lo.type):
                    self.error(e.pos, f"cannot use {expr_string(e)} (value of type "
                                      f"{message_string(t, self.path)}) as "
                                      f"{message_string(lo.type, self.path)} value in range")
                if i == 0:
                    key = lo.expr
                else:
                    val = lo.expr
        self._push("loop", label)
        try:
            body = self.block(s.body)
        finally:
            self._pop()
        return tree.Range(s.pos, key, val, xe, body, s.op == ":=", tuple(vars_), label)

    def switch_stmt(self, s: ast.SwitchStmt, label: str | None) -> tree.Switch:
        saved = self.scope
        self.scope = Scope(saved)
        try:
            init = self._single(s.init)
            tag: tree.Expr | None = None
            tag_op: Operand | None = None
            if s.tag is not None:
                tag_op = self.value(s.tag)
                if not tag_op.invalid:
                    if tag_op.mode is Mode.NIL:
                        self.error(s.tag.pos, "use of untyped nil in switch expression")
                        tag_op = invalid(s.tag)
                    elif not comparable(tag_op.type) and not isinstance(
                            under(tag_op.type), (Slice, Map, Signature)):
                        ts = message_string(tag_op.type, self.path)
                        self.error(s.tag.pos, f"cannot switch on {describe(tag_op, self.path)} "
                                              f"({ts} is not comparable)")
                        tag_op = invalid(s.tag)
                    else:
                        e = self.default(tag_op, "switch expression")
                        tag_op = Operand(Mode.VALUE, e.type, e, s.tag)
                tag = tag_op.expr
            if tag_op is None:
                true = ast.Name(s.pos, "true")
                tag_op = Operand(Mode.CONST, BOOL, tree.ConstExpr(s.pos, BOOL, True), true,
                                 val=True)
            self._push("switch", label)
            try:
                clauses = self._clauses(s, tag_op, s.tag is None)
            finally:
                self._pop()
            return tree.Switch(s.pos, init, tag, tuple(clauses), label)
        finally:
            self.scope = saved

    def _clauses(self, s: ast.SwitchStmt, tag: Operand, tagless: bool
                 ) -> list[tree.CaseClause]:
        out: list[tree.CaseClause] = []
        default_pos: Pos | None = None
        seen: dict[object, Pos] = {}
        for i, cl in enumerate(s.clauses):
            exprs: list[tree.Expr] = []
            if cl.exprs is None:
                if default_pos is not None:
                    self.error(cl.pos, f"multiple defaults (first at {default_pos})")
                default_pos = cl.pos
            else:
                for e in cl.exprs:
                    ce = self._case_expr(e, tag, seen)
                    if ce is not None:
                        exprs.append(ce)

            saved = self.scope
            self.scope = Scope(saved)
            try:
                body = list(cl.body)
                ft = False
                last = body[-1] if body else None
                if isinstance(last, ast.LabeledStmt) and isinstance(last.stmt, ast.BranchStmt) \
                        and last.stmt.tok == "fallthrough":
                    body[-1:] = [ast.LabeledStmt(last.pos, last.label, ast.EmptyStmt(last.pos)),
                                 last.stmt]
                if body and isinstance(body[-1], ast.BranchStmt) and \
                        body[-1].tok == "fallthrough":
                    if i == len(s.clauses) - 1:
                        self.error(body[-1].pos, "cannot fallthrough final case in switch")
                    ft = True
                    body = body[:-1]
                stmts = self.stmt_list(tuple(body))
            finally:
                self.scope = saved
            out.append(tree.CaseClause(cl.pos, tuple(exprs), tuple(stmts), ft,
                                       cl.exprs is None))
        return out

    def _case_expr(self, e: ast.Expr, tag: Operand,
                   seen: dict[object, Pos]) -> tree.Expr | None:
        op = self.value(e, tag.type)
        if op.invalid or tag.invalid:
            return None
        is_nil = op.mode is Mode.NIL
        if op.mode is Mode.CONST and op.val is not None:
            if is_untyped_kind(op.type) and not is_interface(tag.type):
                conv = self._implicit_case(op, tag.type)
                if conv is None:
                    return None
                op = conv
            key = (repr(op.type), type(op.val).__name__, op.val)
            if is_boolean(op.type):
                pass
            elif key in seen:
                self.error(e.pos, f"duplicate case {describe(op, self.path)} in expression "
                                  f"switch\n\t{seen[key]}: previous case")
            else:
                seen[key] = e.pos
        fake = ast.BinaryExpr(e.pos, "==", e, e, e.pos)
        if is_interface(tag.type) and not is_interface(op.type):
            if op.mode is Mode.NIL:
                return tree.NilExpr(e.pos, tag.type)
            if is_untyped_kind(op.type):
                return self.use_as(op, tag.type, "switch case")
            if not comparable(op.type):
                self.error(e.pos, f"invalid case {expr_string(e)} in switch on "
                                  f"{expr_string(tag.src)} ({_kindw(op.type)} can only be "
                                  f"compared to nil)")
                return None
            if not self.assignable(op, tag.type):
                self.error(e.pos, f"invalid case {expr_string(e)} in switch on "
                                  f"{expr_string(tag.src)} (mismatched types "
                                  f"{message_string(op.type, self.path)} and "
                                  f"{message_string(tag.type, self.path)})")
                return None
            return self.to_interface(op, tag.type)
        if is_interface(op.type) and not is_interface(tag.type):
            if not self.assignable(tag, op.type):
                self.error(e.pos, f"invalid case {expr_string(e)} in switch on "
                                  f"{expr_string(tag.src)} (mismatched types "
                                  f"{message_string(op.type, self.path)} and "
                                  f"{message_string(tag.type, self.path)})")
                return None
            return op.expr
        if is_untyped_kind(op.type):
            conv = self._implicit_case(op, tag.type)
            if conv is None:
                return None
            op = conv
        if not identical(op.type, tag.type):
            self.error(e.pos, f"invalid case {expr_string(e)} in switch on "
                              f"{expr_string(tag.src)} (mismatched types "
                              f"{message_string(op.type, self.path)} and "
                              f"{message_string(tag.type, self.path)})")
            return None
        if not comparable(tag.type) and not is_nil:
            self.error(fake.pos, f"invalid case {expr_string(e)} in switch on "
                                 f"{expr_string(tag.src)} ({_kindw(tag.type)} can only be "
                                 f"compared to nil)")
            return None
        if op.mode is Mode.CONST:
            return self.const_expr(op, tag.type)
        return op.expr

    def _implicit_case(self, op: Operand, t: Type) -> Operand | None:
        if op.mode is Mode.NIL:
            r = self.convert_untyped(op, t, "switch case")
            return None if r.invalid else r
        if op.mode is Mode.CONST and not same_class(op.type, t):
            self.error(op.src.pos, f"cannot convert {describe(op, self.path)} to "
                                   f"{message_string(t, self.path)}")
            return None
        r = self.convert_untyped(op, t)
        return None if r.invalid else r

    def type_switch(self, s: ast.TypeSwitchStmt, label: str | None) -> tree.TypeSwitch:
        saved = self.scope
        self.scope = Scope(saved)
        try:
            init = self._single(s.init)
            x = self.value(s.x)
            if not x.invalid and (not is_interface(x.type) or is_untyped_kind(x.type)):
                self.error(s.x.pos, f"{describe(x, self.path)} is not an interface")
                x = invalid(s.x)
            self._push("switch", label)
            try:
                clauses, any_used = self._type_clauses(s, x)
            finally:
                self._pop()
            if s.name is not None and s.name.value != "_" and not any_used:
                self.error(s.name.pos, f"{s.name.value} declared but not used")
            return tree.TypeSwitch(s.pos, init, x.expr, tuple(clauses), label)
        finally:
            self.scope = saved

    def _type_clauses(self, s: ast.TypeSwitchStmt, x: Operand
                      ) -> tuple[list[tree.TypeClause], bool]:
        out: list[tree.TypeClause] = []
        any_used = False
        default_pos: Pos | None = None
        seen: list[tuple[Type | None, Pos]] = []
        for cl in s.clauses:
            types: list[Type | None] = []
            if cl.exprs is None:
                if default_pos is not None:
                    self.error(cl.pos, f"multiple defaults (first at {default_pos})")
                default_pos = cl.pos
            else:
                for e in cl.exprs:
                    t = self._case_type(e, x)
                    if t is INVALID_TYPE:
                        continue
                    prev = next((p for st, p in seen if (st is None and t is None) or (
                        st is not None and t is not None and identical(st, t))), None)
                    if prev is not None:
                        self.error(e.pos, f"duplicate case {expr_string(e)} in type switch"
                                          f"\n\t{prev}: previous case")
                        continue
                    seen.append((t, e.pos))
                    types.append(t)
            saved = self.scope
            self.scope = Scope(saved)
            var: Var | None = None
            try:
                if s.name is not None and s.name.value != "_":
                    vt = types[0] if len(types) == 1 and types[0] is not None else x.type
                    var = self.new_var(s.name.value, vt, s.name.pos, VarKind.LOCAL)
                    self.scope.names[s.name.value] = var
                    if self.func is not None:
                        self.var_owner[var] = self.func
                for b in cl.body:
                    if isinstance(b, ast.BranchStmt) and b.tok == "fallthrough":
                        self.error(b.pos, "cannot fallthrough in type switch")
                stmts = self.stmt_list(cl.body)
            finally:
                self.scope = saved
            if var is not None and var in self.used:
                any_used = True
            else:
                var = None
            out.append(tree.TypeClause(cl.pos, tuple(types), var, tuple(stmts),
                                       cl.exprs is None))
        return out, any_used

    def _case_type(self, e: ast.Expr, x: Operand) -> Type | None:
        if isinstance(e, ast.Name) and e.value == "nil" and \
                self.lookup("nil") is self.universe_scope.names.get("nil"):
            return None
        t = self.resolve_type(e)
        if t is INVALID_TYPE or x.invalid:
            return INVALID_TYPE
        if not is_interface(t):
            xu = under(x.type)
            assert isinstance(xu, Interface)
            m = missing_method(t, xu)
            if m is not None:
                why = f"missing {m.name} method"
                if m.pointer_receiver:
                    why = f"{m.name} method has pointer receiver"
                elif m.wrong_type is not None:
                    why = f"wrong type for {m.name} method"
                self.error(e.pos, f"impossible type switch case: {expr_string(e)}\n\t"
                                  f"{describe(x, self.path)} cannot have dynamic type "
                                  f"{message_string(t, self.path)} ({why})")
                return INVALID_TYPE
        return t

    def return_stmt(self, s: ast.ReturnStmt) -> list[tree.Stmt]:
        assert self.body is not None and self.body.sig is not None
        want = self.body.sig.results
        if not s.results:
            if want and not self._named_results():
                self.error(s.pos, "not enough return values\n\thave ()\n\twant "
                                  f"({', '.join(message_string(t, self.path) for t in want)})")
            return [tree.Return(s.pos, ())]
        if len(s.results) == 1 and len(want) != 1:
            op = self.require_value(self.expr(s.results[0]), allow_tuple=True)
            if op.invalid:
                return []
            if isinstance(op.type, Tuple) and len(op.type.types) != len(want):
                have = "(" + ", ".join(summary(t, self.path) for t in op.type.types) + ")"
                wants = "(" + ", ".join(message_string(t, self.path) for t in want) + ")"
                which = "not enough" if len(op.type.types) < len(want) else "too many"
                self.error(s.results[0].pos, f"{which} return values\n\thave {have}\n\t"
                                             f"want {wants}")
                return []
            if isinstance(op.type, Tuple) and len(op.type.types) == len(want):
                conv = False
                for got_t, w in zip(op.type.types, want, strict=True):
                    conv = conv or _needs_iface_conv(got_t, w)
                    if not self.assignable(Operand(Mode.VALUE, got_t, op.expr, op.src), w):
                        self.error(s.results[0].pos, f"cannot use {expr_string(s.results[0])}"
                                                     f" (value of type "
                                                     f"{message_string(op.type, self.path)}) as "
                                                     f"{message_string(w, self.path)} value in "
                                                     f"return statement")
                        return []
                if conv:
                    return [tree.Return(s.pos, self.tuple_converted(op, want,
                                                                    "return statement"))]
                return [tree.Return(s.pos, (op.expr,))]
            ops = [op]
        else:
            ops = [self.expr(r, want[i] if i < len(want) else None)
                   for i, r in enumerate(s.results)]
        if any(o.invalid for o in ops):
            return []
        if len(ops) != len(want):
            have = "(" + ", ".join(summary(o.type, self.path) for o in ops) + ")"
            wants = "(" + ", ".join(message_string(t, self.path) for t in want) + ")"
            if len(ops) < len(want):
                self.error(s.results[-1].pos, f"not enough return values\n\thave {have}\n\t"
                                              f"want {wants}")
            else:
                self.error(s.results[len(want)].pos, f"too many return values\n\thave "
                                                     f"{have}\n\twant {wants}")
            return []
        vals = tuple(self.use_as(o, t, "return statement") for o, t in zip(ops, want,
                                                                           strict=True))
        return [tree.Return(s.pos, vals)]

    def _named_results(self) -> bool:
        return self.body is not None and self.body.named_results

    def branch(self, s: ast.BranchStmt) -> list[tree.Stmt]:
        assert self.body is not None
        kind = tree.BranchKind(s.tok)
        label = s.label.value if s.label is not None else None
        targets = self.body.targets
        if s.tok == "fallthrough":
            self.error(s.pos, "fallthrough statement out of place")
            return []
        if s.tok == "goto":
            assert label is not None
            lab = self.body.labels.get(label)
            if lab is None:
                self.error(s.label.pos if s.label else s.pos, f"label {label} not defined")
                return []
            lab.used = True
            return [tree.Branch(s.pos, kind, label)]
        if label is not None:
            lab = self.body.labels.get(label)
            if lab is None:
                self.error(s.label.pos if s.label else s.pos,
                           f"{s.tok} label not defined: {label}")
                return []
            lab.used = True
            t = next((t for t in targets if t.label == label), None)
            if t is None or (s.tok == "continue" and t.kind != "loop"):
                self.error(s.label.pos if s.label else s.pos,
                           f"invalid {s.tok} label {label}")
                return []
            return [tree.Branch(s.pos, kind, label)]
        if s.tok == "continue" and not any(t.kind == "loop" for t in targets):
            self.error(s.pos, "continue is not in a loop")
            return []
        if s.tok == "break" and not targets:
            self.error(s.pos, "break is not in a loop, switch, or select")
            return []
        return [tree.Branch(s.pos, kind, None)]

    def labeled(self, s: ast.LabeledStmt) -> list[tree.Stmt]:
        name = s.label.value
        inner = s.stmt
        st: tree.Stmt | None
        match inner:
            case ast.ForStmt():
                st = self.for_stmt(inner, name)
            case ast.RangeStmt():
                st = self.range_stmt(inner, name)
            case ast.SwitchStmt():
                st = self.switch_stmt(inner, name)
            case ast.TypeSwitchStmt():
                st = self.type_switch(inner, name)
            case _:
                sts = self.stmt(inner)
                st = sts[0] if len(sts) == 1 else tree.Block(inner.pos, tuple(sts))
        return [tree.Labeled(s.pos, name, st)]

    def defer(self, s: ast.DeferStmt) -> list[tree.Stmt]:
        call = s.call
        while isinstance(call, ast.ParenExpr):
            call = call.x
        if not isinstance(call, ast.CallExpr):
            self.expr(s.call)
            return []
        op = self.expr(call)
        if op.invalid:
            return []
        if isinstance(op.expr, tree.Convert) or op.mode is Mode.CONST or (
                isinstance(op.expr, tree.ConstExpr)):
            self.error(s.call.pos, "defer requires function call, not conversion")
            return []
        if _is_conversion_or_value_builtin(op):
            self.error(s.call.pos, f"defer discards result of {expr_string(call)}")
            return []
        return [tree.Defer(s.pos, op.expr)]


def _needs_iface_conv(src: Type, dst: Type) -> bool:
    """Whether storing a value of type src into dst needs an interface conversion (which
    the typed tree cannot express for one element of a multi-value result)."""
    return is_interface(dst) and not identical(src, dst)


def _kindw(t: Type) -> str:
    u = under(t)
    return {Slice: "slice", Map: "map", Signature: "func"}.get(type(u), "value")


def _is_conversion_or_value_builtin(op: Operand) -> bool:
    e = op.expr
    if isinstance(e, tree.BuiltinCall):
        return e.name not in ("copy", "delete", "panic", "print", "println", "recover")
    return isinstance(e, (tree.Convert, tree.ConstExpr, tree.NilExpr, tree.CompositeLit))


_Path = tuple[tuple[int, Pos, int], ...]


class _GotoScan:
    """Records where labels, gotos and variable declarations of one function body sit
    in its block structure. A path lists, from the body down, (block id, block start,
    index of the statement within that block)."""

    def __init__(self) -> None:
        self.labels: dict[str, _Path] = {}
        self.gotos: list[tuple[str, Pos, _Path]] = []
        self.decls: list[tuple[int, int, str, Pos]] = []
        self.next_id = 0

    def block(self, stmts: tuple[ast.Stmt, ...], parent: _Path, start: Pos) -> None:
        bid = self.next_id
        self.next_id += 1
        for i, s in enumerate(stmts):
            self.stmt(s, parent + ((bid, start, i),))

    def stmt(self, s: ast.Stmt, path: _Path) -> None:
        bid, _, i = path[-1]
        match s:
            case ast.LabeledStmt(label=lab, stmt=st):
                self.labels.setdefault(lab.value, path)
                self.stmt(st, path)
            case ast.BranchStmt(tok="goto", label=lab) if lab is not None:
                self.gotos.append((lab.value, lab.pos, path))
            case ast.AssignStmt(op=":=", lhs=lhs, oppos=op):
                name = lhs[0].value if isinstance(lhs[0], ast.Name) else "_"
                self.decls.append((bid, i, name, op))
            case ast.DeclStmt(decls=ds):
                for d in ds:
                    if isinstance(d, ast.VarSpec):
                        self.decls.append((bid, i, d.names[0].value, d.names[0].pos))
            case ast.BlockStmt(stmts=ss, pos=p):
                self.block(ss, path, p)
            case ast.IfStmt(then=then, els=els):
                self.block(then.stmts, path, then.pos)
                if els is not None:
                    self.stmt(els, path)
            case ast.ForStmt(body=b) | ast.RangeStmt(body=b):
                self.block(b.stmts, path, b.pos)
            case ast.SwitchStmt(clauses=cls) | ast.TypeSwitchStmt(clauses=cls):
                for c in cls:
                    self.block(c.body, path, c.pos)
            case ast.SelectStmt(clauses=ccls):
                for cc in ccls:
                    self.block(cc.body, path, cc.pos)


def _collect_labels(stmts: tuple[ast.Stmt, ...], out: dict[str, _Label],
                    ck: CheckerBase) -> None:
    """Record every label of a function body (not of nested closures)."""
    for s in stmts:
        _collect_in(s, out, ck)


def _collect_in(s: ast.Stmt, out: dict[str, _Label], ck: CheckerBase) -> None:
    match s:
        case ast.LabeledStmt(label=lab, stmt=inner):
            if lab.value in out:
                ck.error(lab.pos, f"label {lab.value} already defined at {out[lab.value].pos}")
            elif lab.value != "_":
                out[lab.value] = _Label(lab.pos)
            _collect_in(inner, out, ck)
        case ast.BlockStmt(stmts=ss):
            _collect_labels(ss, out, ck)
        case ast.IfStmt(then=then, els=els):
            _collect_labels(then.stmts, out, ck)
            if els is not None:
                _collect_in(els, out, ck)
        case ast.ForStmt(body=b) | ast.RangeStmt(body=b):
            _collect_labels(b.stmts, out, ck)
        case ast.SwitchStmt(clauses=cls) | ast.TypeSwitchStmt(clauses=cls):
            for c in cls:
                _collect_labels(c.body, out, ck)


def _terminating_list(stmts: tuple[ast.Stmt, ...]) -> bool:
    i = len(stmts) - 1
    while i >= 0 and isinstance(stmts[i], ast.EmptyStmt):
        i -= 1
    return i >= 0 and _terminating(stmts[i], None)


def _terminating(s: ast.Stmt, label: str | None) -> bool:
    """Whether s is a terminating statement (Go spec)."""
    match s:
        case ast.ReturnStmt():
            return True
        case ast.BranchStmt(tok="goto") | ast.BranchStmt(tok="fallthrough"):
            return True
        case ast.ExprStmt(x=ast.CallExpr(fun=ast.Name(value="panic"))):
            return True
        case ast.BlockStmt(stmts=ss):
            return _terminating_list(ss)
        case ast.IfStmt(then=then, els=els):
            return els is not None and _terminating_list(then.stmts) and _terminating(els,
                                                                                       None)
        case ast.ForStmt(cond=None, body=b):
            return not _has_break(b.stmts, label, True)
        case ast.SwitchStmt(clauses=cls) | ast.TypeSwitchStmt(clauses=cls):
            if not any(c.exprs is None for c in cls):
                return False
            for c in cls:
                if _has_break(c.body, label, True):
                    return False
                if not _terminating_list(c.body):
                    return False
            return True
        case ast.SelectStmt(clauses=ccls):
            return all(_terminating_list(c.body) and not _has_break(c.body, label, True)
                       for c in ccls)
        case ast.LabeledStmt(label=lab, stmt=inner):
            return _terminating(inner, lab.value)
    return False


def _has_break(stmts: tuple[ast.Stmt, ...], label: str | None, top: bool) -> bool:
    """Whether stmts contain a break referring to the enclosing statement."""
    for s in stmts:
        match s:
            case ast.BranchStmt(tok="break", label=lab):
                if lab is None and top:
                    return True
                if lab is not None and label is not None and lab.value == label:
                    return True
            case ast.BlockStmt(stmts=ss):
                if _has_break(ss, label, top):
                    return True
            case ast.IfStmt(then=then, els=els):
                if _has_break(then.stmts, label, top):
                    return True
                if els is not None and _has_break((els,), label, top):
                    return True
            case ast.LabeledStmt(stmt=inner):
                if _has_break((inner,), label, top):
                    return True
            case ast.ForStmt(body=b) | ast.RangeStmt(body=b):
                if _has_break(b.stmts, label, False):
                    return True
            case ast.SwitchStmt(clauses=cls) | ast.TypeSwitchStmt(clauses=cls):
                for c in cls:
                    if _has_break(c.body, label, False):
                        return True
            case ast.SelectStmt(clauses=ccls):
                for cc in ccls:
                    if _has_break(cc.body, label, False):
                        return True
    return False

