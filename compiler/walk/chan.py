"""Channel operations: make, len, cap, close, send and receive, lowered to the runtime
calls of docs/internals.md "Runtime ABI: goroutines and channels" (gc's names).

    c := make(chan T, n)   runtime.makechan(&type.T, n); a channel is a pointer to hchan
    len(c), cap(c)         0 for a nil channel, else hchan's qcount (+0) or dataqsiz (+8)
    c <- v                 tmp = v; runtime.chansend1(c, &tmp)
    v = <-c                runtime.chanrecv1(c, &tmp); v = tmp  (a nil pointer when the
                           value is discarded)
    v, ok = <-c            ok = runtime.chanrecv2(c, &tmp)
    close(c)               runtime.closechan(c)

The value buffers are stack temporaries whose address the runtime writes or reads, so
liveness keeps them as stack objects (the runtime may write into a blocked receiver's
buffer while another goroutine runs the collector). A select's receive case stores what
it received in `received` under the Recv node's id: lowering the case's comm statement
then reads those values instead of receiving again (select.py).
"""

from __future__ import annotations

from compiler import ir
from compiler.diag import Pos
from compiler.types import tree as T
from compiler.types.typ import (
    UNSAFE_POINTER,
    Chan,
    Type,
    has_pointers,
    size_of,
    under,
)
from compiler.walk.base import (
    Direct,
    WalkerBase,
)


def chan_elem(t: Type) -> Type:
    """The element type of channel type t."""
    u = under(t)
    assert isinstance(u, Chan)
    return u.elem


class ChanWalker(WalkerBase):
    """make, len, cap and close of channels, send and receive."""

    def make_chan(self, e: T.BuiltinCall, u: Chan) -> ir.Mem:
        size: ir.Operand = ir.Imm(0)
        if e.args:
            size, _ = self.int_word(e.pos, e.args[0])
        (c,) = self.ccall(e.pos, "makechan", [self.type_addr(u.elem), size], 1)
        return c

    def chan_len_cap(self, pos: Pos, name: str, c: ir.Mem) -> ir.Mem:
        """len(c) or cap(c) of channel value c."""
        out = self.temp(8)
        self.emit(ir.Mov(pos, out, ir.Imm(0), 8))
        nz = self.temp(1)
        self.emit(ir.BinOp(pos, ir.Op.NE, nz, c, ir.Imm(0), 8, False))
        yes, end = self.new_block(), self.new_block()
        self.branch(pos, nz, yes, end)
        self.start(yes)
        p = self.copy_temp(pos, c, UNSAFE_POINTER)
        self.emit(ir.Load(pos, out, p, 0 if name == "len" else 8, 8))
        self.jump(pos, end)
        self.start(end)
        return out

    def elem_buffer(self, pos: Pos, t: Type) -> ir.Local:
        """A stack temporary to receive a value of type t into (zeroed when it holds
        pointers: the collector scans it while the runtime has not yet written it)."""
        buf = self.order_temp(t)
        if has_pointers(t):
            self.write_zero(pos, Direct(buf), t)
        return buf

    def elem_addr(self, pos: Pos, buf: ir.Mem | None, t: Type) -> ir.Operand:
        """The address of buf (holding a value of t) for the runtime; nil when there is
        no buffer (the value is discarded) or the value has no bytes."""
        if buf is None or size_of(t) == 0:
            return ir.Imm(0)
        p = self.temp(8)
        self.emit(ir.LoadAddr(pos, p, buf))
        return p

    def send_stmt(self, s: T.Send) -> None:
        """c <- v: c, then v, evaluated before the send; a variable c is read after v,
        as gc reads it (so it is not live across calls in v)."""
        c: ir.Mem | None = None
        if not isinstance(s.chan, T.VarRef):
            c = self.copy_temp(s.pos, self.expr(s.chan), s.chan.type)
        v = self.order_copy(s.pos, self.expr(s.value), s.value.type)
        if c is None:
            c = self.expr(s.chan)
        self.ccall(s.pos, "chansend1", [c, self.elem_addr(s.pos, v, s.value.type)])

    def recv(self, e: T.Recv, discard: bool = False) -> list[ir.Mem]:
        """The value (and ok, for commaok) received by e; what a select received for e
        if it did."""
        got = self.received.pop(id(e), None)
        if got is not None:
            return got
        et = chan_elem(e.x.type)
        c = self.copy_temp(e.pos, self.expr(e.x), e.x.type)
        buf = None if discard else self.elem_buffer(e.pos, et)
        p = self.elem_addr(e.pos, buf, et)
        out: list[ir.Mem] = [buf if buf is not None else self.temp(et)]
        if e.commaok:
            (r,) = self.ccall(e.pos, "chanrecv2", [c, p], 1)
            ok = self.temp(1)
            self.emit(ir.Mov(e.pos, ok, r, 1))
            out.append(ok)
        else:
            self.ccall(e.pos, "chanrecv1", [c, p])
        return out

    def close_chan(self, e: T.BuiltinCall) -> None:
        self.ccall(e.pos, "closechan", [self.expr(e.args[0])])
