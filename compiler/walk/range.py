"""`for range` over arrays, pointers to arrays, slices, strings, maps and channels.

    for i, v := range s { ... }

copies s once, then loops an index temp from 0 to len: head (`binop lt`), body (load
s.ptr + i*size into v, assign i, the loop body), post (i = next), end. Over a string
runtime.decoderune gives each rune and the next index; over a map
runtime.mapiterinit/mapiternext walk a 4-word iterator in a temp, holding key and
element pointers (nil at the end). Over a channel each round is
`ok = runtime.chanrecv2(c, &tmp)`, leaving the loop when ok is false (closed, drained);
tmp is zeroed once v has its value (gc's walkRange), so it does not keep the value
alive while the body runs.
"""

from __future__ import annotations

from compiler import ir
from compiler.diag import Pos
from compiler.types import tree as T
from compiler.types.typ import (
    UNSAFE_POINTER,
    Array,
    Chan,
    Field,
    Map,
    Named,
    Pointer,
    Slice,
    Struct,
    has_pointers,
    is_string,
    size_of,
    type_string,
    under,
)
from compiler.walk.base import (
    Direct,
    Loop,
    WalkerBase,
    at,
)


class RangeWalker(WalkerBase):
    """for range over arrays, slices, strings, maps and channels."""

    def range_stmt(self, s: T.Range) -> None:
        """for k, v := range x over an array, *array, slice or string (maps: range_map)."""
        pos = s.pos
        u = under(s.x.type)
        if isinstance(u, Map):
            self.range_map(s, u)
            return
        if isinstance(u, Chan):
            self.range_chan(s, u)
            return
        for v in s.vars:
            self.declare(pos, v)
        ptr_arr = isinstance(u, Pointer)
        if isinstance(u, Pointer):
            u = under(u.elem)
        # gc's order copies the ranged value into an order temporary, which later
        # statements reuse (three loops over one array copy into one stack object)
        x = self.order_temp(s.x.type)
        self.write(pos, Direct(x), self.expr(s.x), s.x.type)
        if isinstance(u, Array):
            n: ir.Operand = ir.Imm(u.length)
        else:
            n = at(x, 8)
        idx = self.temp(8)
        self.emit(ir.Mov(pos, idx, ir.Imm(0), 8))
        head, body, post, end = (self.new_block(), self.new_block(), self.new_block(),
                                 self.new_block())
        self.jump(pos, head)
        self.start(head)
        more = self.temp(1)
        self.emit(ir.BinOp(pos, ir.Op.LT, more, idx, n, 8, True))
        self.branch(pos, more, body, end)
        self.start(body)
        nxt = self.temp(8)
        if is_string(s.x.type):
            r = self.ccall(pos, "decoderune", [x, at(x, 8), idx], 2)
            self.emit(ir.Mov(pos, nxt, r[1], 8))
            val: ir.Mem | None = r[0]
        else:
            self.emit(ir.BinOp(pos, ir.Op.ADD, nxt, idx, ir.Imm(1), 8, False))
            val = None
            if s.value is not None:
                assert isinstance(u, Array | Slice)
                es = size_of(u.elem)
                if isinstance(u, Array) and not ptr_arr:
                    p = self.temp(8)
                    self.emit(ir.LoadAddr(pos, p, x))
                else:
                    p = self.copy_temp(pos, x, Pointer(u.elem))
                off = self.temp(8)
                self.emit(ir.BinOp(pos, ir.Op.MUL, off, idx, ir.Imm(es), 8, False))
                self.emit(ir.BinOp(pos, ir.Op.ADD, p, p, off, 8, False))
                val = self.temp(u.elem)
                if es:
                    self.emit(ir.Load(pos, val, p, 0, es))
        # `for i, x[i] = range y` assigns in parallel: x[i] is the old i's element.
        kl = self.lvalue(s.key) if s.key is not None and not isinstance(s.key, T.Blank) \
            else None
        vl = self.lvalue(s.value) if s.value is not None and not isinstance(
            s.value, T.Blank) and val is not None else None
        if kl is not None:
            assert s.key is not None
            kt = s.key.type
            k = self.temp(kt)
            self.emit(ir.Ext(pos, k, size_of(kt), idx, 8, True))
            self.write(pos, kl, k, kt)
        if vl is not None:
            assert s.value is not None and val is not None
            self.write(pos, vl, val, s.value.type)
        self.loops.append(Loop(s.label, end, post))
        self.block(s.body)
        self.loops.pop()
        self.jump(pos, post)
        self.start(post)
        self.emit(ir.Mov(pos, idx, nxt, 8))
        self.jump(pos, head)
        self.start(end)

    def range_map(self, s: T.Range, u: Map) -> None:
        """for k, v := range m: runtime.mapiterinit/mapiternext over an iterator that, as
        gc's hiter, holds the current key and element addresses and the map (gc's
        `map.iter[K]V`, an order temporary: later loops reuse it)."""
        pos = s.pos
        for v in s.vars:
            self.declare(pos, v)
        m = self.expr(s.x)
        itt = map_iter(pos, u)
        it = self.order_temp(itt)
        self.write_zero(pos, Direct(it), itt)
        pit = self.temp(8)
        self.emit(ir.LoadAddr(pos, pit, it))
        self.ccall(pos, "mapiterinit", [m, pit], 2)
        head, body, post, end = (self.new_block(), self.new_block(), self.new_block(),
                                 self.new_block())
        self.jump(pos, head)
        self.start(head)
        kp = self.temp(8)
        self.emit(ir.Mov(pos, kp, at(it, 0), 8))
        more = self.temp(1)
        self.emit(ir.BinOp(pos, ir.Op.NE, more, kp, ir.Imm(0), 8, False))
        self.branch(pos, more, body, end)
        self.start(body)
        kl = self.lvalue(s.key) if s.key is not None and not isinstance(s.key, T.Blank) \
            else None
        vl = self.lvalue(s.value) if s.value is not None and not isinstance(
            s.value, T.Blank) and size_of(u.elem) else None
        if kl is not None:
            k = self.temp(u.key)
            self.emit(ir.Load(pos, k, kp, 0, size_of(u.key)))
            self.write(pos, kl, k, u.key)
        if vl is not None:
            ep = self.temp(8)
            self.emit(ir.Mov(pos, ep, at(it, 8), 8))
            ev = self.temp(u.elem)
            self.emit(ir.Load(pos, ev, ep, 0, size_of(u.elem)))
            self.write(pos, vl, ev, u.elem)
        self.loops.append(Loop(s.label, end, post))
        self.block(s.body)
        self.loops.pop()
        self.jump(pos, post)
        self.start(post)
        mp = self.temp(8)
        self.emit(ir.Mov(pos, mp, at(it, 24), 8))
        self.ccall(pos, "mapiternext", [mp, pit], 2)
        self.jump(pos, head)
        self.start(end)

    def range_chan(self, s: T.Range, u: Chan) -> None:
        """for v := range c: receive into v until c is closed and drained; the buffer
        is zeroed once v has the value, as gc does (issue 15281: `v = nil` in the body
        must let the value be collected)."""
        pos = s.pos
        for v in s.vars:
            self.declare(pos, v)
        c = self.copy_temp(pos, self.expr(s.x), s.x.type)
        buf = self.elem_buffer(pos, u.elem)
        head, body, end = self.new_block(), self.new_block(), self.new_block()
        self.jump(pos, head)
        self.start(head)
        (r,) = self.ccall(pos, "chanrecv2", [c, self.elem_addr(pos, buf, u.elem)], 1)
        ok = self.temp(1)
        self.emit(ir.Mov(pos, ok, r, 1))
        self.branch(pos, ok, body, end)
        self.start(body)
        if s.key is not None and not isinstance(s.key, T.Blank):
            self.write(pos, self.lvalue(s.key), buf, u.elem)
        if has_pointers(u.elem):
            self.write_zero(pos, Direct(buf), u.elem)
        self.loops.append(Loop(s.label, end, head))
        self.block(s.body)
        self.loops.pop()
        self.jump(pos, head)
        self.start(end)


def map_iter(pos: Pos, u: Map) -> Named:
    """The iterator runtime.mapiterinit fills, named as gc names its hiter type
    (`map.iter[string]int`): the current key and element addresses, the next cell and
    the map."""
    ptr = UNSAFE_POINTER
    return Named(f"iter[{type_string(u.key)}]{type_string(u.elem)}", "map", pos, Struct((
        Field("key", Pointer(u.key)), Field("elem", Pointer(u.elem)), Field("next", ptr),
        Field("h", ptr))))
