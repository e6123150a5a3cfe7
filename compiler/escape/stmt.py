"""Building the flow graph from statements: declarations, assignments, loops, returns.

Each statement sends its values into holes: a declaration into the fresh variables'
locations, an assignment into its targets' (the heap for anything reached through a
pointer, a map or a slice), a return into the result variables. Loops raise the loop
depth, so that a variable declared outside a loop outlives values made inside it. For

    var p *int
    for i := 0; i < n; i++ { x := i; p = &x }

x is declared at depth 2 and p at depth 1: &x flowing to p makes x escape (moved to
heap: x), as every iteration needs its own x.

A value sent on a channel goes to the heap (another goroutine receives it), and so do
the function value and arguments of a go statement, since the goroutine may outlive
the frame; a select's cases are their comm statements and bodies.
"""

from __future__ import annotations

from collections.abc import Sequence

from compiler.diag import Pos
from compiler.escape.graph import DISCARD, FuncState, Graph, Hole, LocKind, assert_hole
from compiler.escape.report import last_name, self_assignment
from compiler.escape.utils import looping_labels, params, reflect_header_data, self_assign
from compiler.types import tree as T
from compiler.types.typ import Array, has_pointers, under


class StmtBuilder(Graph):
    """Functions and statements (mixed into Builder)."""

    def declare_params(self, d: T.FuncDecl) -> None:
        """Locations for d's parameters and results (at d's loop depth 1)."""
        saved = self.cur
        self.cur = FuncState(d)
        for v in params(d):
            self.declare(v)
        for i, v in enumerate(d.results):
            self.declare(v).result_index = i
        self.cur = saved

    def func(self, d: T.FuncDecl) -> None:
        """Walk d's body at loop depth 1."""
        if not any(v in self.vars for v in params(d) + list(d.results)):
            self.declare_params(d)
        saved = self.cur
        self.all_decls.append(d)
        if d.body is not None:
            self.cur = FuncState(d, 1, frozenset(looping_labels(d.body)))
            self.block(d.body)
        self.cur = saved

    def block(self, b: T.Block) -> None:
        self.stmts(b.stmts)

    def stmts(self, ss: Sequence[T.Stmt]) -> None:
        """Walk a block's statements; a looping label deepens the rest of its block only
        (as gc's block restores its loop depth)."""
        depth = self.cur.depth
        prev: T.Stmt | None = None
        last_label = max((i for i, s in enumerate(ss) if isinstance(s, T.Labeled)), default=-1)
        for i, s in enumerate(ss):
            self.fresh = set()
            if isinstance(prev, T.VarDecl) and not prev.values and isinstance(s, T.Assign) \
                    and prev.pos == s.pos:
                self.fresh = {id(v) for v in prev.vars}
            self.stmt(s)
            prev = s
            if i > last_label and _ends_dead(s):
                break
        self.fresh = set()
        self.cur.depth = depth

    def stmt(self, s: T.Stmt) -> None:
        match s:
            case T.ExprStmt(x=x):
                self.expr(DISCARD, x)
            case T.VarDecl():
                self.var_decl(s)
            case T.Assign():
                self.assign(s)
            case T.OpAssign(lhs=lhs, rhs=rhs):
                self.expr(self.lvalue(lhs, s.pos), rhs, last_name((lhs,), s.pos))
            case T.Block():
                self.block(s)
            case T.If(init=init, cond=cond, then=then, els=els):
                if init is not None:
                    self.stmt(init)
                self.expr(DISCARD, cond)
                known = _const_bool(cond)
                if known is not False:
                    self.block(then)
                if els is not None and known is not True:
                    self.stmt(els)
            case T.For():
                if s.init is not None:
                    self.stmt(s.init)
                self.cur.depth += 1
                if s.cond is not None:
                    self.expr(DISCARD, s.cond)
                if s.post is not None:
                    self.stmt(s.post)
                self.block(s.body)
                self.cur.depth -= 1
            case T.Range():
                self.range_stmt(s)
            case T.Switch():
                if s.init is not None:
                    self.stmt(s.init)
                if s.tag is not None:
                    self.expr(DISCARD, s.tag)
                for c in s.clauses:
                    for e in c.exprs:
                        if s.tag is not None and isinstance(e, T.Convert) and e.kind in (
                                T.ConvKind.T2E, T.ConvKind.T2I):
                            self.an.quiet.add(id(e))
                        self.expr(DISCARD, e)
                    self.stmts(c.body)
            case T.TypeSwitch():
                self.type_switch(s)
            case T.Return():
                self.return_stmt(s)
            case T.Branch():
                pass
            case T.Labeled(label=label, stmt=inner):
                if label in self.cur.looping:
                    self.cur.depth += 1
                self.stmt(inner)
            case T.Defer(call=call):
                self.deferred.add(id(call))
                if self.cur.depth > 1:
                    self.defer_args(call)
                else:
                    self.expr(DISCARD, call)
            case T.Go(call=call):
                self.defer_args(call)
            case T.Send(chan=ch, value=v):
                self.expr(DISCARD, ch)
                self.expr(Hole(self.heap), v)
            case T.Select(clauses=comms):
                for cc in comms:
                    if cc.comm is not None:
                        self.stmt(cc.comm)
                    self.stmts(cc.body)

    def defer_args(self, call: T.Expr) -> None:
        """A defer inside a loop, or a go statement: its function value and arguments go
        to the heap (gc's wrapper closure holds them); a variadic call's `... argument`
        slice is built in the wrapper, so it goes where the callee sends it."""
        heap = Hole(self.heap)
        match call:
            case T.Call(fn=T.FuncLit() as fn, args=args):
                self.expr(heap, fn)
                for a in args:
                    self.expr(heap, a)
            case T.Call() | T.MethodCall() | T.IfaceCall():
                self.call(call, [], wrapped=True)
            case T.BuiltinCall(args=args):
                for a in args:
                    self.expr(heap, a)
            case _:
                self.expr(heap, call)

    def var_decl(self, s: T.VarDecl) -> None:
        holes = [Hole(self.declare(v)) if v.name != "_" else DISCARD for v in s.vars]
        if not s.values:
            return
        if len(s.values) == 1 and len(s.vars) > 1:
            self.multi(holes, s.values[0])
            return
        last = last_name(s.values, s.vars[-1].pos)
        for k, e in zip(holes, s.values, strict=False):
            self.expr(k, e, last)

    def assign(self, s: T.Assign) -> None:
        holes = [self.lvalue(x, s.pos) for x in s.lhs]
        if len(s.rhs) == 1 and len(s.lhs) > 1:
            self.multi(holes, s.rhs[0])
            return
        pos = last_name(s.lhs, s.pos)
        for i, (k, e) in enumerate(zip(holes, s.rhs, strict=False)):
            if reflect_header_data(s.lhs[i]) is not None:
                # a pointer stored as a header's Data word: it escapes (gc's assign)
                self.unsafe_value(Hole(self.heap), e)
                continue
            if self_assign(s.lhs[i], e):
                k = DISCARD
                if self.an.reporting:
                    self.an.extra.append(self_assignment(self.cur.decl.name, s, self.an.pkg))
            self.expr(k, e, pos)

    def lvalue(self, x: T.Expr, pos: Pos) -> Hole:
        """The hole an assignment to x fills (its operands analysed as discarded)."""
        match x:
            case T.VarRef(var=v):
                if id(v) not in self.fresh:
                    self.reassigned.add(v)
                return self.hole(v)
            case T.Blank():
                return DISCARD
            case T.FieldSel(x=inner):
                return self.lvalue(inner, pos)
            case T.Index(x=inner, index=i):
                self.expr(DISCARD, i)
                if isinstance(under(inner.type), Array):
                    return self.lvalue(inner, pos)
                self.expr(DISCARD, inner)
                return Hole(self.heap)
            case T.Deref(x=p):
                self.expr(DISCARD, p)
                return Hole(self.heap)
            case T.MapIndex(x=m, key=key):
                self.expr(DISCARD, m)
                self.expr(Hole(self.heap), key, pos)
                return Hole(self.heap)
        self.expr(DISCARD, x)
        return Hole(self.heap)

    def range_stmt(self, s: T.Range) -> None:
        tmp = self.new_loc(LocKind.TEMP)
        self.expr(Hole(tmp), s.x)
        if s.define:
            for v in s.vars:
                self.declare(v)
        self.cur.depth += 1
        kv = [self.lvalue(e, s.pos) if e is not None else DISCARD for e in (s.key, s.value)]
        xt = under(s.x.type)
        if isinstance(xt, Array):
            self.flow(kv[1], tmp)
        else:
            self.flow(kv[1].deref(), tmp)
        self.block(s.body)
        self.cur.depth -= 1

    def type_switch(self, s: T.TypeSwitch) -> None:
        if s.init is not None:
            self.stmt(s.init)
        ks = []
        for c in s.clauses:
            if c.var is not None:
                loc = self.declare(c.var)
                loc.pos = c.pos  # gc's clause variable is declared at its case
                if has_pointers(c.var.type):
                    ks.append(assert_hole(Hole(loc), c.var.type))
        self.expr(self.tee(ks), s.x)
        for c in s.clauses:
            self.stmts(c.body)

    def return_stmt(self, s: T.Return) -> None:
        d = self.cur.decl
        holes = [Hole(self.var_loc(v)) for v in d.results]
        if s.results:
            # gc's assignList: `return x` assigns the named results a closure may capture
            self.reassigned.update(d.results)
        if len(s.results) == 1 and len(holes) > 1:
            self.multi(holes, s.results[0])
            return
        for k, e in zip(holes, s.results, strict=False):
            self.expr(k, e)


def _const_bool(e: T.Expr) -> bool | None:
    """e's value if it is a boolean constant (gc's deadcode drops the other branch)."""
    if isinstance(e, T.ConstExpr) and isinstance(e.value, bool):
        return e.value
    return None


def _ends_dead(s: T.Stmt) -> bool:
    """Whether s is an `if` on a constant whose taken branch ends in a return or panic:
    gc's deadcode cuts the statements after it (unless a label follows)."""
    if not isinstance(s, T.If) or (known := _const_bool(s.cond)) is None:
        return False
    body = s.then if known else s.els
    last = body.stmts[-1] if isinstance(body, T.Block) and body.stmts else None
    return isinstance(last, T.Return) or (isinstance(last, T.ExprStmt) and isinstance(
        last.x, T.BuiltinCall) and last.x.name == "panic")
