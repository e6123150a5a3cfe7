"""Comparisons: `==`, `!=` and the orderings on every comparable type.

    a == b      scalars: one `binop eq`; floats: `fbinop eq`
                strings: equal lengths, then runtime.memequal
                interfaces: equal dynamic types (dyn_type), then runtime.efaceeq
                arrays, structs: runtime.typedeq(&type.T, &a, &b)
    a < b       strings: runtime.cmpstring(a, b) < 0
"""

from __future__ import annotations

from compiler import ir
from compiler.diag import Pos
from compiler.types.typ import (
    Interface,
    Slice,
    Type,
    is_float,
    is_signed,
    is_string,
    size_of,
    under,
)
from compiler.walk.base import (
    FLOAT_OPS,
    INT_OPS,
    WalkerBase,
    at,
    is_scalar,
)


class CompareWalker(WalkerBase):
    """Comparisons: ==, != and ordering on every comparable type."""

    def compare(self, pos: Pos, op: str, t: Type, x: ir.Mem, y: ir.Mem) -> ir.Mem:
        """x op y (a comparison) on operands of type t; a 1-byte bool."""
        tmp = self.temp(1)
        u = under(t)
        if is_scalar(t):
            self.emit(ir.BinOp(pos, INT_OPS[op], tmp, x, y, size_of(t), is_signed(t)))
        elif is_float(t):
            self.emit(ir.FBinOp(pos, FLOAT_OPS[op], tmp, x, y, size_of(t)))
        elif is_string(t) and op in ("==", "!="):
            same = self.temp(1)
            self.emit(ir.BinOp(pos, ir.Op.EQ, same, at(x, 8), at(y, 8), 8, False))
            yes, no, end = self.new_block(), self.new_block(), self.new_block()
            self.branch(pos, same, yes, no)
            self.start(yes)
            (r,) = self.ccall(pos, "memequal", [x, y, at(x, 8)], 1)
            self.emit(ir.Mov(pos, tmp, r, 1))
            self.jump(pos, end)
            self.start(no)
            self.emit(ir.Mov(pos, tmp, ir.Imm(0), 1))
            self.jump(pos, end)
            self.start(end)
            if op == "!=":
                self.emit(ir.UnOp(pos, "not", tmp, tmp, 1))
        elif is_string(t):
            (r,) = self.ccall(pos, "cmpstring", [x, at(x, 8), y, at(y, 8)], 1)
            self.emit(ir.BinOp(pos, INT_OPS[op], tmp, r, ir.Imm(0), 8, True))
        elif isinstance(u, Slice):
            self.emit(ir.BinOp(pos, INT_OPS[op], tmp, x, y, 8, False))
        elif isinstance(u, Interface):
            self.iface_eq(pos, t, x, y, tmp)
            if op == "!=":
                self.emit(ir.UnOp(pos, "not", tmp, tmp, 1))
        else:
            px, py = self.temp(8), self.temp(8)
            self.emit(ir.LoadAddr(pos, px, x))
            self.emit(ir.LoadAddr(pos, py, y))
            (r,) = self.ccall(pos, "typedeq", [self.type_addr(t), px, py], 1)
            self.emit(ir.Mov(pos, tmp, r, 1))
            if op == "!=":
                self.emit(ir.UnOp(pos, "not", tmp, tmp, 1))
        return tmp

    def iface_eq(self, pos: Pos, t: Type, x: ir.Mem, y: ir.Mem, out: ir.Local) -> None:
        """out = (x == y) for interface values: same dynamic type and equal values.
        Do NOT compare itab words: itabs built at run time are not unique."""
        tx = self.dyn_type(pos, t, x)
        ty = self.dyn_type(pos, t, y)
        same = self.temp(1)
        self.emit(ir.BinOp(pos, ir.Op.EQ, same, tx, ty, 8, False))
        yes, no, end = self.new_block(), self.new_block(), self.new_block()
        self.branch(pos, same, yes, no)
        self.start(yes)
        (r,) = self.ccall(pos, "efaceeq", [tx, at(x, 8), at(y, 8)], 1)
        self.emit(ir.Mov(pos, out, r, 1))
        self.jump(pos, end)
        self.start(no)
        self.emit(ir.Mov(pos, out, ir.Imm(0), 1))
        self.jump(pos, end)
        self.start(end)
