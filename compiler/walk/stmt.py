"""Statements: the dispatcher, blocks, if, for, labels, branches, return, and the
branching form of boolean expressions (`cond`).

    for i := 0; i < n; i++ { s += i }

becomes four blocks after the init: head (`binop lt ... <- i+0, n+0; if .. body end`),
body (`s += i`, then jump post), post (`i++`, jump head) and end; `break` and
`continue` jump to the innermost Loop's end and post (or the labelled one's). `cond`
lowers `a && b` as branches (b is evaluated only when a holds); `return` writes the
result slots and jumps to the exit block.
"""

from __future__ import annotations

from collections.abc import Sequence

from compiler import ir
from compiler.types import tree as T
from compiler.walk.base import (
    Loop,
    Unsupported,
    WalkerBase,
)


class StmtWalker(WalkerBase):
    """Statements: blocks, if, for, labels, branches, return, and conditions."""

    def block(self, b: T.Block) -> None:
        """Lower b's statements in order."""
        for s in b.stmts:
            self.stmt(s)

    def stmts(self, ss: Sequence[T.Stmt]) -> None:
        """Lower ss in order."""
        for s in ss:
            self.stmt(s)

    def stmt(self, s: T.Stmt) -> None:
        """Lower statement s; the order temporaries it took are free after it."""
        mark = len(self.stmt_temps)
        self.stmt_kind(s)
        self.release_temps(mark)

    def stmt_kind(self, s: T.Stmt) -> None:
        """Lower statement s, by its kind."""
        match s:
            case T.ExprStmt(x=x):
                self.expr_stmt(x)
            case T.VarDecl():
                self.var_decl(s)
            case T.Assign():
                self.assign(s)
            case T.OpAssign():
                self.op_assign(s)
            case T.Block():
                self.block(s)
            case T.If():
                self.if_stmt(s)
            case T.For():
                self.for_stmt(s)
            case T.Range():
                self.range_stmt(s)
            case T.Switch():
                self.switch_stmt(s)
            case T.TypeSwitch():
                self.type_switch(s)
            case T.Return():
                self.return_stmt(s)
            case T.Branch():
                self.branch_stmt(s)
            case T.Labeled():
                self.labeled(s)
            case T.Defer():
                self.defer_stmt(s)
            case T.Go():
                self.go_stmt(s)
            case T.Send():
                self.send_stmt(s)
            case T.Select():
                self.select_stmt(s)
            case _:
                raise Unsupported(s.pos, type(s).__name__)

    def expr_stmt(self, x: T.Expr) -> None:
        """An expression statement: the value, if any, is dropped."""
        if isinstance(x, T.Call | T.MethodCall | T.IfaceCall):
            self.call(x)
        elif isinstance(x, T.Recv):
            self.recv(x, discard=True)
        else:
            self.expr(x)

    def cond(self, e: T.Expr, then: int, els: int) -> None:
        """Branch to then/els on boolean e (short-circuiting && and ||). The order
        temporaries of the right side of && and || are freed after it, as gc frees
        them, for the rest of the condition to reuse."""
        if isinstance(e, T.Binary) and e.op in ("&&", "||"):
            mid = self.new_block()
            if e.op == "&&":
                self.cond(e.x, mid, els)
            else:
                self.cond(e.x, then, mid)
            self.start(mid)
            mark = len(self.stmt_temps)
            self.cond(e.y, then, els)
            self.release_temps(mark)  # gc's order frees the right side's temporaries
            return
        if isinstance(e, T.Unary) and e.op == "!":
            self.cond(e.x, els, then)
            return
        m = self.expr(e)
        self.branch(e.pos, m, then, els)

    def if_stmt(self, s: T.If) -> None:
        """if init; cond { then } else { els }."""
        if s.init is not None:
            self.stmt(s.init)
        then, els, end = self.new_block(), self.new_block(), self.new_block()
        self.cond(s.cond, then, els)
        self.start(then)
        self.block(s.then)
        self.jump(s.pos, end)
        self.start(els)
        if s.els is not None:
            self.stmt(s.els)
        self.jump(s.pos, end)
        self.start(end)

    def for_stmt(self, s: T.For) -> None:
        """for init; cond; post { body }: blocks head, body, post, end."""
        if s.init is not None:
            self.stmt(s.init)
        head, body, post, end = (self.new_block(), self.new_block(), self.new_block(),
                                 self.new_block())
        self.jump(s.pos, head)
        self.start(head)
        if s.cond is not None:
            self.cond(s.cond, body, end)
        else:
            self.jump(s.pos, body)
        self.start(body)
        self.loops.append(Loop(s.label, end, post))
        self.block(s.body)
        self.loops.pop()
        self.jump(s.pos, post)
        self.start(post)
        if s.post is not None:
            self.stmt(s.post)
        self.jump(s.pos, head)
        self.start(end)

    def labeled(self, s: T.Labeled) -> None:
        """A labelled statement starts the label's block."""
        b = self.label_block(s.label)
        self.jump(s.pos, b)
        self.start(b)
        self.stmt(s.stmt)

    def label_block(self, name: str) -> int:
        """The block of label name (made on first use: goto may jump forward)."""
        if name not in self.labels:
            self.labels[name] = self.new_block()
        return self.labels[name]

    def branch_stmt(self, s: T.Branch) -> None:
        """break, continue, goto and fallthrough: a jump to their target block."""
        if s.kind is T.BranchKind.GOTO:
            assert s.label is not None
            self.jump(s.pos, self.label_block(s.label))
            return
        if s.kind is T.BranchKind.FALLTHROUGH:
            self.jump(s.pos, self.fallthrough_target)
            return
        for lp in reversed(self.loops):
            if s.label is not None and lp.label != s.label:
                continue
            if s.kind is T.BranchKind.BREAK:
                self.jump(s.pos, lp.brk)
                return
            if lp.cont >= 0:
                self.jump(s.pos, lp.cont)
                return
        raise Unsupported(s.pos, f"{s.kind.value} outside a loop")

    def return_stmt(self, s: T.Return) -> None:
        """return: write the results (if given), run the deferred calls (the open-coded
        defers' exit code, or a call of deferreturn, at each return, as gc's, so that
        their caller's line is the return's), and jump to the exit block."""
        if s.results:
            vals = self.values(s.results, len(self.results), results=True)
            for (v, _), m in zip(self.results, vals, strict=True):
                self.write(s.pos, self.locs[v.uid], m, v.type)
        if self.open_bits is not None:
            self.open_exit(s.pos)
        elif self.rt_defers:
            self.emit(ir.DeferReturn(s.pos))
        self.jump(s.pos, self.exit)
