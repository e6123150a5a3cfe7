"""Unary and binary operators: integer, float and complex arithmetic, string
concatenation, shifts, `&&`/`||` as values (comparisons: compare.py).

    x / y       binop eq ... zero <- y, $0;  if zero: runtime.panicdivide()
                binop div w8 s tmp <- x, y
    x << y      a signed count is checked: runtime.panicshift() if y < 0
    x + 1       an integer constant operand becomes an immediate: `<- x+0, $1`
    err != nil  compares only err's first word with 0 (no runtime call)
"""

from __future__ import annotations

from compiler import ir
from compiler.diag import Pos
from compiler.types import tree as T
from compiler.types.typ import (
    STRING,
    Array,
    Interface,
    Type,
    is_complex,
    is_float,
    is_signed,
    is_string,
    size_of,
    under,
)
from compiler.walk.base import (
    CMP_OPS,
    FLOAT_OPS,
    INT_OPS,
    Direct,
    Unsupported,
    WalkerBase,
    at,
    has_call,
    is_call,
    is_scalar,
    wrap_int,
)


class OperatorWalker(WalkerBase):
    """Unary and binary operators (comparisons: compare.py)."""

    def unary(self, e: T.Unary) -> ir.Mem:
        """+x, -x, ^x, !x."""
        pos = e.pos
        x = self.expr(e.x)
        if e.op == "+":
            return x
        tmp = self.temp(e.type)
        w = size_of(e.type)
        if e.op == "-" and is_float(e.type):
            self.emit(ir.FBinOp(pos, ir.FOp.NEG, tmp, x, x, w))
        elif e.op == "-" and is_complex(e.type):
            h = w // 2
            self.emit(ir.FBinOp(pos, ir.FOp.NEG, tmp, x, x, h))
            self.emit(ir.FBinOp(pos, ir.FOp.NEG, at(tmp, h), at(x, h), at(x, h), h))
        else:
            op = {"-": "neg", "^": "com", "!": "not"}[e.op]
            self.emit(ir.UnOp(pos, op, tmp, x, w))
        return tmp

    def binary(self, e: T.Binary) -> ir.Mem:
        """x op y: && and || as branches; an integer constant y as an immediate; x == nil on
        interfaces by the type word; a y that calls before an x that does not."""
        if e.op in ("&&", "||"):
            tmp = self.temp(e.type)
            t, f, end = self.new_block(), self.new_block(), self.new_block()
            self.cond(e, t, f)
            self.start(t)
            self.emit(ir.Mov(e.pos, tmp, ir.Imm(1), 1))
            self.jump(e.pos, end)
            self.start(f)
            self.emit(ir.Mov(e.pos, tmp, ir.Imm(0), 1))
            self.jump(e.pos, end)
            self.start(end)
            return tmp
        if e.op == "+" and is_string(e.type):
            ops = concat_operands(e)
            if len(ops) > 5:
                return self.concat_strings(e.pos, ops, e.type)
        # gc's order: y's calls before the reads of an x that makes none
        pre = self.expr(e.y) if has_call(e.y) and not has_call(e.x, ordered=True) else None
        x = self.ordered(e.x) if pre is None and is_call(e.x) and has_call(e.y) else \
            self.expr(e.x)
        yc = e.y
        if (isinstance(yc, T.ConstExpr) and isinstance(yc.value, int) and is_scalar(yc.type)
                and e.op not in ("<<", ">>")):
            v, w = int(yc.value), size_of(yc.type)
            imm = ir.Imm(wrap_int(v, w) if is_signed(yc.type) else v & ((1 << (8 * w)) - 1))
            return self.binary_values(e.pos, e.op, e.type, e.x.type, x, imm, e.y.type)
        if e.op in ("==", "!=") and isinstance(under(e.x.type), Interface) and (
                isinstance(e.x, T.NilExpr) or isinstance(e.y, T.NilExpr)):
            # err != nil: only the other side's type word decides (no runtime call).
            side = x if isinstance(e.y, T.NilExpr) else pre if pre is not None else self.expr(e.y)
            tmp = self.temp(1)
            self.emit(ir.BinOp(e.pos, INT_OPS[e.op], tmp, at(side, 0), ir.Imm(0), 8, False))
            return tmp
        y = pre if pre is not None else self.expr(e.y)
        return self.binary_values(e.pos, e.op, e.type, e.x.type, x, y, e.y.type)

    def concat_strings(self, pos: Pos, ops: list[T.Expr], t: Type) -> ir.Mem:
        """s1 + ... + sN for N > 5, as gc lowers it: the operands in an [N]string order
        temporary (a stack object, reused by later statements), runtime.concatstrings
        over it. Fewer operands chain concatstring2."""
        n = len(ops)
        at_ = Array(n, STRING)
        arr = self.order_temp(at_)
        vals = [self.expr(o) for o in ops]
        self.write_zero(pos, Direct(arr), at_)  # gc's VarDef: the old contents are dead
        for i, m in enumerate(vals):
            self.write(pos, Direct(at(arr, 16 * i)), m, STRING)
        p = self.temp(8)
        self.emit(ir.LoadAddr(pos, p, arr))
        r = self.ccall(pos, "concatstrings", [ir.Imm(0), p, ir.Imm(n), ir.Imm(n)], 2)
        tmp = self.temp(t)
        self.emit(ir.Mov(pos, tmp, r[0], 8))
        self.emit(ir.Mov(pos, at(tmp, 8), r[1], 8))
        return tmp

    def binary_values(self, pos: Pos, op: str, rt: Type, xt: Type, x: ir.Mem,
                      y: ir.Mem | ir.Imm, yt: Type) -> ir.Mem:
        """x op y for operand type xt (yt: the shift count's type), result type rt.
        y is an Imm only for integer (scalar) operands."""
        if isinstance(y, ir.Imm):
            return self.int_op(pos, op, rt, xt, x, y)
        if op in CMP_OPS:
            return self.compare(pos, op, xt, x, y)
        if is_string(xt) and op == "+":
            assert op == "+"
            r = self.ccall(pos, "concatstring2", [x, at(x, 8), y, at(y, 8)], 2)
            tmp = self.temp(rt)
            self.emit(ir.Mov(pos, tmp, r[0], 8))
            self.emit(ir.Mov(pos, at(tmp, 8), r[1], 8))
            return tmp
        w = size_of(rt)
        tmp = self.temp(rt)
        if is_float(xt):
            self.emit(ir.FBinOp(pos, FLOAT_OPS[op], tmp, x, y, w))
            return tmp
        if is_complex(xt):
            return self.complex_op(pos, op, rt, x, y)
        if op in ("<<", ">>"):
            sg = is_signed(xt)
            cnt = self.temp(8)
            self.emit(ir.Ext(pos, cnt, 8, y, size_of(yt), is_signed(yt)))
            if is_signed(yt):
                neg = self.temp(1)
                self.emit(ir.BinOp(pos, ir.Op.LT, neg, cnt, ir.Imm(0), 8, True))
                self.panic_if(pos, neg, "panicshift", [])
            self.emit(ir.BinOp(pos, INT_OPS[op], tmp, x, cnt, w, sg))
            return tmp
        return self.int_op(pos, op, rt, xt, x, y)

    def int_op(self, pos: Pos, op: str, rt: Type, xt: Type, x: ir.Mem,
               y: ir.Mem | ir.Imm) -> ir.Mem:
        """x op y on integers (not shifts); division checks for a zero divisor."""
        sg = is_signed(xt)
        if op in CMP_OPS:
            tmp = self.temp(1)
            self.emit(ir.BinOp(pos, INT_OPS[op], tmp, x, y, size_of(xt), sg))
            return tmp
        w = size_of(rt)
        tmp = self.temp(rt)
        if op in ("/", "%") and not (isinstance(y, ir.Imm) and y.value != 0):
            zero = self.temp(1)
            self.emit(ir.BinOp(pos, ir.Op.EQ, zero, y, ir.Imm(0), w, sg))
            self.panic_if(pos, zero, "panicdivide", [])
        self.emit(ir.BinOp(pos, INT_OPS[op], tmp, x, y, w, sg))
        return tmp

    def complex_op(self, pos: Pos, op: str, rt: Type, x: ir.Mem, y: ir.Mem) -> ir.Mem:
        """x op y on complex numbers (division through runtime.complex128div)."""
        w = size_of(rt)
        h = w // 2
        tmp = self.temp(rt)
        xr, xi, yr, yi = x, at(x, h), y, at(y, h)
        if op in ("+", "-"):
            fop = FLOAT_OPS[op]
            self.emit(ir.FBinOp(pos, fop, tmp, xr, yr, h))
            self.emit(ir.FBinOp(pos, fop, at(tmp, h), xi, yi, h))
            return tmp
        if op == "*":
            a, b = self.temp(h), self.temp(h)
            self.emit(ir.FBinOp(pos, ir.FOp.MUL, a, xr, yr, h))
            self.emit(ir.FBinOp(pos, ir.FOp.MUL, b, xi, yi, h))
            self.emit(ir.FBinOp(pos, ir.FOp.SUB, tmp, a, b, h))
            self.emit(ir.FBinOp(pos, ir.FOp.MUL, a, xr, yi, h))
            self.emit(ir.FBinOp(pos, ir.FOp.MUL, b, xi, yr, h))
            self.emit(ir.FBinOp(pos, ir.FOp.ADD, at(tmp, h), a, b, h))
            return tmp
        if op == "/":
            words = [self.as_f64(pos, m, h) for m in (xr, xi, yr, yi)]
            r = self.ccall(pos, "complex128div", words, 2)
            for off, word in ((0, r[0]), (h, r[1])):
                if h == 8:
                    self.emit(ir.Mov(pos, at(tmp, off), word, 8))
                else:
                    self.emit(ir.FConv(pos, "f2f", at(tmp, off), 4, word, 8))
            return tmp
        raise Unsupported(pos, f"complex operator {op}")


def concat_operands(e: T.Expr) -> list[T.Expr]:
    """The operands of a chain of string additions, flattened as gc's OADDSTR lists
    them (a constant sum is one operand)."""
    if isinstance(e, T.Binary) and e.op == "+" and is_string(e.type):
        return concat_operands(e.x) + concat_operands(e.y)
    return [e]
