"""select, as gc lowers it (cmd/compile/internal/walk/select.go):

    select {}                       runtime.block(): the goroutine sleeps forever
    select { default: B }           B
    select { case c <- v: B }       the case's operation, then B
    select { case v := <-c: B
             default: D }           if selected, ok := selectnbrecv(&tmp, c)
                                    { v := tmp; B } else { D }   (selectnbsend alike)
    any other select                scase array + runtime.selectgo

The general form evaluates every case's channel and sent value once, in source order,
fills a stack array of scase{c, elem} with the sends first and the receives from the
end backwards (gc's layout), and calls selectgo(&cases, &order, nil, nsends, nrecvs,
block), block being false when there is a default. It returns the chosen index (-1:
the default) and, for a receive, whether a value arrived; the chosen case's receive
buffer and ok are handed to its comm statement through `received` (chan.py), then its
body runs. `break` leaves the select.
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler import ir
from compiler.diag import Pos
from compiler.types import tree as T
from compiler.types.typ import (
    UINT16,
    UNSAFE_POINTER,
    Array,
    Field,
    Struct,
    Type,
    size_of,
)
from compiler.walk.base import (
    Direct,
    Loop,
    WalkerBase,
    at,
)
from compiler.walk.chan import chan_elem

SCASE = Struct((Field("c", UNSAFE_POINTER), Field("elem", UNSAFE_POINTER)))
"""runtime.scase: the channel and the address of the value sent or the receive buffer."""


@dataclass(frozen=True, slots=True)
class _Case:
    """A case's operands, evaluated before the select chooses: the channel, the value
    sent or the receive buffer (None when the value received is dropped), its type,
    and the Recv of a receive case."""

    clause: T.CommClause
    chan: ir.Local
    buf: ir.Mem | None
    elem: Type
    recv: T.Recv | None


class SelectWalker(WalkerBase):
    """select statements."""

    def select_stmt(self, s: T.Select) -> None:
        pos = s.pos
        end = self.new_block()
        comms = [c for c in s.clauses if c.comm is not None]
        dflt = next((c for c in s.clauses if c.comm is None), None)
        self.loops.append(Loop(s.label, end, -1))
        if not s.clauses:
            self.ccall(pos, "block", [], noreturn=True)
        elif not comms:
            assert dflt is not None
            self.stmts(dflt.body)
        elif len(comms) == 1 and dflt is None:
            assert comms[0].comm is not None
            self.stmt(comms[0].comm)
            self.stmts(comms[0].body)
        elif len(comms) == 1:
            assert dflt is not None
            self.select_nb(self.case_operands(comms[0]), dflt, end)
        else:
            self.select_go(pos, [self.case_operands(c) for c in comms], dflt, end)
        self.loops.pop()
        self.jump(pos, end)
        self.start(end)

    def case_operands(self, c: T.CommClause) -> _Case:
        """Evaluate c's channel, and its value for a send, into temporaries."""
        comm = c.comm
        if isinstance(comm, T.Send):
            ch = self.copy_temp(comm.pos, self.expr(comm.chan), comm.chan.type)
            v = self.copy_temp(comm.pos, self.expr(comm.value), comm.value.type)
            return _Case(c, ch, v, comm.value.type, None)
        r = next(n for n in T.walk_nodes(comm) if isinstance(n, T.Recv))
        et = chan_elem(r.x.type)
        ch = self.copy_temp(r.pos, self.expr(r.x), r.x.type)
        buf = None if isinstance(comm, T.ExprStmt) else self.elem_buffer(r.pos, et)
        return _Case(c, ch, buf, et, r)

    def chosen(self, k: _Case, ok: ir.Mem) -> None:
        """The select chose k (ok: a value was received): store what k received through
        its comm statement, then run its body."""
        c = k.clause
        if k.recv is not None and k.buf is not None:
            comm = c.comm
            # do NOT size a blank target: `_` may carry an untyped type
            if (isinstance(comm, T.Assign) and len(comm.lhs) == 2 and k.recv.commaok
                    and (isinstance(comm.lhs[0], T.Blank) or comm.lhs[0].type == k.elem)
                    and (isinstance(comm.lhs[1], T.Blank)
                         or size_of(comm.lhs[1].type) == 1)):
                # gc's order: `case *p(), *q() = <-c` assigns the value, then ok, each
                # target evaluated just before its store
                for lhs, m in ((comm.lhs[0], k.buf), (comm.lhs[1], ok)):
                    if not isinstance(lhs, T.Blank):
                        self.write(c.pos, self.lvalue(lhs), m, lhs.type)
            else:
                self.received[id(k.recv)] = [k.buf, ok] if k.recv.commaok else [k.buf]
                assert comm is not None
                self.stmt(comm)
        self.stmts(c.body)

    def select_nb(self, k: _Case, dflt: T.CommClause, end: int) -> None:
        """One case and a default: runtime.selectnbsend or selectnbrecv."""
        pos = k.clause.pos
        p = self.elem_addr(pos, k.buf, k.elem)
        ok = self.temp(1)
        if k.recv is None:
            (sel,) = self.ccall(pos, "selectnbsend", [k.chan, p], 1)
        else:
            sel, rok = self.ccall(pos, "selectnbrecv", [p, k.chan], 2)
            self.emit(ir.Mov(pos, ok, rok, 1))
        hit = self.temp(1)
        self.emit(ir.Mov(pos, hit, sel, 1))
        yes, no = self.new_block(), self.new_block()
        self.branch(pos, hit, yes, no)
        self.start(yes)
        self.chosen(k, ok)
        self.jump(pos, end)
        self.start(no)
        self.stmts(dflt.body)

    def select_go(self, pos: Pos, cases: list[_Case], dflt: T.CommClause | None,
                  end: int) -> None:
        """The scase array, runtime.selectgo, and a branch on the index it returns."""
        n = len(cases)
        arr = Array(n, SCASE)
        scases = self.temp(arr)
        self.write_zero(pos, Direct(scases), arr)
        order = self.temp(Array(2 * n, UINT16))
        index: list[int] = []
        nsends = nrecvs = 0
        for k in cases:
            if k.recv is None:
                i = nsends
                nsends += 1
            else:
                nrecvs += 1
                i = n - nrecvs
            index.append(i)
            self.emit(ir.Mov(pos, at(scases, 16 * i), k.chan, 8))
            self.emit(ir.Mov(pos, at(scases, 16 * i + 8), self.elem_addr(pos, k.buf, k.elem),
                             8))
        cas0, order0 = self.temp(8), self.temp(8)
        self.emit(ir.LoadAddr(pos, cas0, scases))
        self.emit(ir.LoadAddr(pos, order0, order))
        block = ir.Imm(0 if dflt is not None else 1)
        chosen, rok = self.ccall(pos, "selectgo", [cas0, order0, ir.Imm(0), ir.Imm(nsends),
                                                   ir.Imm(nrecvs), block], 2)
        ok = self.temp(1)
        self.emit(ir.Mov(pos, ok, rok, 1))
        targets = [self.new_block() for _ in cases]
        other = self.new_block()
        for i, b in zip(index[:-1] if dflt is None else index, targets, strict=False):
            hit, nxt = self.temp(1), self.new_block()
            self.emit(ir.BinOp(pos, ir.Op.EQ, hit, chosen, ir.Imm(i), 8, False))
            self.branch(pos, hit, b, nxt)
            self.start(nxt)
        self.jump(pos, other if dflt is not None else targets[-1])
        for k, b in zip(cases, targets, strict=True):
            self.start(b)
            self.chosen(k, ok)
            self.jump(k.clause.pos, end)
        self.start(other)
        if dflt is not None:
            self.stmts(dflt.body)
