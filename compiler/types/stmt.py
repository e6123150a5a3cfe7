"""Statements and function bodies.

Each AST statement becomes one or more tree statements; labels are collected per
function first (goto may jump forward, labels.py) and a labelled for, range or switch
is emitted as `Labeled(L, For(label=L))`:

    L: for i := range s { if i > 2 { break L } }
    →  Labeled(L, Range(key=VarRef i, x=VarRef s, define=True, label=L,
                        body=Block(If(..., Block(Branch(break, L))))))

At the end of a top-level function body, locals never used are reported (`x declared
but not used`), closures included. Assignments live in assignments.py, declarations in
decl.py, switches in switch.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from compiler.diag import Pos
from compiler.syntax import ast
from compiler.syntax.branches import Label, collect_labels, goto_errors
from compiler.syntax.dump import expr_string
from compiler.types import tree
from compiler.types.assignments import needs_iface_conv
from compiler.types.base import CheckerBase, FuncCtx
from compiler.types.labels import terminating_list
from compiler.types.operand import INVALID_TYPE, Mode, Operand, Scope, describe, invalid, summary
from compiler.types.predicates import is_untyped_kind
from compiler.types.typ import (
    BOOL,
    INT,
    RUNE,
    Array,
    Chan,
    ChanDir,
    Map,
    Pointer,
    Signature,
    Slice,
    Tuple,
    Type,
    Var,
    VarKind,
    is_boolean,
    is_string,
    message_string,
    under,
)


@dataclass(slots=True)
class _Target:
    """An enclosing statement that break/continue may refer to."""

    kind: str
    label: str | None


@dataclass(slots=True)
class _Body:
    """Per-function state: labels and the break/continue target stack."""

    labels: dict[str, Label] = field(default_factory=dict)
    targets: list[_Target] = field(default_factory=list)
    sig: Signature | None = None
    named_results: bool = False


class StmtChecker(CheckerBase):
    """Statements and function bodies (mixed into Checker). `body` is the state of the
    function body being checked (None at package level)."""

    body: _Body | None = None

    def func_block(self, body: ast.BlockStmt, outer: Scope, ctx: FuncCtx,
                   sig: Signature, named_results: bool = False) -> tree.Block:
        """Check a function body in scope outer (which holds the parameters)."""
        saved_body, saved_panics = self.body, self.panics
        self.body = _Body(sig=sig, named_results=named_results)
        self.panics = set()  # this body's, while its nodes are all alive
        self.func = ctx
        try:
            collect_labels(body.stmts, self.body.labels, self.error)
            goto_errors(body, self.error)
            self.scope = outer
            stmts = self.stmt_list(body.stmts)
            if sig.results and not terminating_list(body.stmts, self.panics):
                self.error(body.rbrace, "missing return")
            for name, lab in self.body.labels.items():
                if not lab.used:
                    self.error(lab.pos, f"label {name} defined and not used")
        finally:
            self.body, self.panics = saved_body, saved_panics
        if ctx.parent is None:
            self.report_unused(ctx)
        return tree.Block(body.pos, tuple(stmts))

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
                return self.go_stmt(s)
            case ast.SelectStmt():
                return [self.select_stmt(s, None)]
            case ast.SendStmt():
                return self.send_stmt(s)
            case ast.DeclStmt():
                return self.decl_stmt(s)
        return []

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
            return [tree.ExprStmt(s.pos, op.expr)]
        if op.mode is Mode.TYPE:
            self.error(s.x.pos, f"{expr_string(s.x)} (type) is not an expression")
        elif op.mode is Mode.BUILTIN:
            self.error(s.x.pos, f"{expr_string(s.x)} (built-in) must be called")
        else:
            self.error(s.x.pos, f"{describe(op, self.path)} is not used")
        return []

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
            init = self.single_stmt(s.init)
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

    def single_stmt(self, s: ast.Stmt | None) -> tree.Stmt | None:
        if s is None:
            return None
        out = self.stmt(s)
        if not out:
            return None
        if len(out) == 1:
            return out[0]
        return tree.Block(s.pos, tuple(out))

    def push_target(self, kind: str, label: str | None) -> None:
        assert self.body is not None
        self.body.targets.append(_Target(kind, label))

    def pop_target(self) -> None:
        assert self.body is not None
        self.body.targets.pop()

    def for_stmt(self, s: ast.ForStmt, label: str | None) -> tree.For:
        saved = self.scope
        self.scope = Scope(saved)
        try:
            init = self.single_stmt(s.init)
            c = self.cond(s.cond, "for") if s.cond is not None else None
            post = self.single_stmt(s.post)
            if isinstance(post, tree.VarDecl):
                self.error(s.post.pos if s.post else s.pos,
                           "cannot declare in post statement of for loop")
            self.push_target("loop", label)
            try:
                body = self.block(s.body)
            finally:
                self.pop_target()
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
            if s.extra and not isinstance(u, Chan):
                self.error(s.extra[0].pos, "range clause permits at most two iteration "
                                           "variables")
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
            elif isinstance(u, Chan) and x.mode is not Mode.NIL:
                kt, vt = u.elem, None
                if s.value is not None:
                    self.error(s.value.pos, f"range over {describe(x, self.path)} permits only "
                                            f"one iteration variable")
                if u.dir is ChanDir.SEND:
                    self.error(s.x.pos, f"cannot range over {describe(x, self.path)} (receive "
                                        f"from send-only channel)")
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
                                      f"{message_string(t, self.path)}) as type "
                                      f"{message_string(lo.type, self.path)} in assignment")
                if i == 0:
                    key = lo.expr
                else:
                    val = lo.expr
        self.push_target("loop", label)
        try:
            body = self.block(s.body)
        finally:
            self.pop_target()
        return tree.Range(s.pos, key, val, xe, body, s.op == ":=", tuple(vars_), label)

    def return_stmt(self, s: ast.ReturnStmt) -> list[tree.Stmt]:
        assert self.body is not None and self.body.sig is not None
        want = self.body.sig.results
        if not s.results:
            if want and not self._named_results():
                self.error(s.pos, "not enough return values\n\thave ()\n\twant "
                                  f"({', '.join(summary(t, self.path) for t in want)})")
            return [tree.Return(s.pos, ())]
        if len(s.results) == 1 and len(want) != 1:
            op = self.require_value(self.expr(s.results[0]), allow_tuple=True)
            if op.invalid:
                return []
            if isinstance(op.type, Tuple) and len(op.type.types) != len(want):
                have = "(" + ", ".join(summary(t, self.path) for t in op.type.types) + ")"
                wants = "(" + ", ".join(summary(t, self.path) for t in want) + ")"
                which = "not enough" if len(op.type.types) < len(want) else "too many"
                self.error(s.results[0].pos, f"{which} return values\n\thave {have}\n\t"
                                             f"want {wants}")
                return []
            if isinstance(op.type, Tuple) and len(op.type.types) == len(want):
                conv = False
                for got_t, w in zip(op.type.types, want, strict=True):
                    conv = conv or needs_iface_conv(got_t, w)
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
            wants = "(" + ", ".join(summary(t, self.path) for t in want) + ")"
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
            case ast.SelectStmt():
                st = self.select_stmt(inner, name)
            case _:
                sts = self.stmt(inner)
                st = sts[0] if len(sts) == 1 else tree.Block(inner.pos, tuple(sts))
        return [tree.Labeled(s.pos, name, st)]

    def defer(self, s: ast.DeferStmt) -> list[tree.Stmt]:
        call = self.suspended_call("defer", s.call)
        return [tree.Defer(s.pos, call)] if call is not None else []

    def go_stmt(self, s: ast.GoStmt) -> list[tree.Stmt]:
        call = self.suspended_call("go", s.call)
        return [tree.Go(s.pos, call)] if call is not None else []

    def suspended_call(self, keyword: str, e: ast.Expr) -> tree.Expr | None:
        """The call of a `go` or `defer` statement, or None after an error (types2's
        words; the parser has reported a non-call)."""
        call = e
        while isinstance(call, ast.ParenExpr):
            call = call.x
        if not isinstance(call, ast.CallExpr):
            self.expr(e)  # its operands are used: no false "declared but not used"
            return None
        op = self.expr(call)
        if op.invalid:
            return None
        conversion = isinstance(op.expr, tree.Convert)
        if op.mode is Mode.CONST or isinstance(op.expr, tree.ConstExpr):
            # A constant comes from a conversion or from a builtin (complex(1, 2),
            # unsafe.Sizeof(a)), whose result is discarded, not converted. The callee
            # of a constant call is a type or a builtin: checking it again is harmless.
            conversion = self.expr(call.fun).mode is Mode.TYPE
        if conversion:
            self.error(e.pos, f"{keyword} requires function call, not conversion "
                              f"{describe(op, self.path)}")
            return None
        if _is_conversion_or_value_builtin(op):
            self.error(e.pos, f"{keyword} discards result of {describe(op, self.path)}")
            return None
        return op.expr

    def send_stmt(self, s: ast.SendStmt) -> list[tree.Stmt]:
        ch = self.value(s.chan)
        u = under(ch.type)
        val = self.value(s.value, u.elem if isinstance(u, Chan) else None)
        if ch.invalid or val.invalid:
            return []
        if not isinstance(u, Chan) or ch.mode is Mode.NIL:
            self.error(s.chan.pos, f"invalid operation: cannot send to non-channel "
                                   f"{describe(ch, self.path)}")
            return []
        if u.dir is ChanDir.RECV:
            self.error(s.chan.pos, f"invalid operation: cannot send to receive-only channel "
                                   f"{describe(ch, self.path)}")
            return []
        return [tree.Send(s.pos, ch.expr, self.use_as(val, u.elem, "send"))]

    def select_stmt(self, s: ast.SelectStmt, label: str | None) -> tree.Select:
        first: ast.CommClause | None = None
        clauses: list[tree.CommClause] = []
        self.push_target("select", label)
        try:
            for c in s.clauses:
                if c.comm is None:
                    if first is not None:
                        self.error(c.pos, f"multiple defaults (first at {first.pos})")
                    first = c
                elif not _is_comm(c.comm):
                    self.error(_comm_pos(c.comm), "select case must be send or receive "
                                                  "(possibly with assignment)")
                    continue
                saved = self.scope
                self.scope = Scope(saved)
                try:
                    comm = self.single_stmt(c.comm)
                    body = tuple(self.stmt_list(c.body))
                finally:
                    self.scope = saved
                # `_, ok := <-c` with ok new checks to a Block (VarDecl ok; Assign):
                # do NOT drop it, a select that loses a case blocks where gc's proceeds.
                if c.comm is None or isinstance(comm, tree.Send | tree.ExprStmt | tree.VarDecl
                                                | tree.Assign | tree.Block):
                    clauses.append(tree.CommClause(c.pos, comm, body))  # type: ignore[arg-type]
        finally:
            self.pop_target()
        return tree.Select(s.pos, tuple(clauses), label)


def _comm_pos(s: ast.Stmt) -> Pos:
    """Where gc reports a bad select case: an expression statement at its expression's
    own position (a call's `(`, a binary operator), other statements at their start."""
    if isinstance(s, ast.ExprStmt):
        x = s.x
        if isinstance(x, ast.CallExpr):
            return x.lparen
        if isinstance(x, ast.BinaryExpr):
            return x.oppos
    return s.pos


def _is_comm(s: ast.Stmt) -> bool:
    """Whether s may be a select case: a send, or a receive alone or assigned."""
    if isinstance(s, ast.SendStmt):
        return True
    if isinstance(s, ast.ExprStmt):
        rhs = s.x
    elif isinstance(s, ast.AssignStmt) and len(s.rhs) == 1 and s.op in ("=", ":="):
        rhs = s.rhs[0]
    else:
        return False
    while isinstance(rhs, ast.ParenExpr):
        rhs = rhs.x
    return isinstance(rhs, ast.UnaryExpr) and rhs.op == "<-"


def _is_conversion_or_value_builtin(op: Operand) -> bool:
    e = op.expr
    if isinstance(e, tree.BuiltinCall):
        return e.name not in ("close", "copy", "delete", "panic", "print", "println",
                              "recover")
    return isinstance(e, (tree.Convert, tree.ConstExpr, tree.NilExpr, tree.CompositeLit))
