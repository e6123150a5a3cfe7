"""amd64float: the float instructions of compiler/amd64.py's FuncGen.

A float value lives in an XMM register when regalloc gave it one, else in its frame
slot; each operation computes in the destination's register (%xmm0 when it has none, or
when the destination is also the right operand of a non-commuting operation), and float
constants other than 0 load from read-only data. `return x*y + 1.0` with x and y
arriving on the stack is

    movq    8(%rsp), %xmm2
    movq    16(%rsp), %xmm3
    mulsd   %xmm3, %xmm2
    movsd   .Lfconst.3ff0000000000000(%rip), %xmm3
    movapd  %xmm2, %xmm0
    addsd   %xmm3, %xmm0

Comparisons use ucomisd/ucomiss: NaN compares unordered, so == also tests the parity
flag and is never fused into a branch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compiler import ir

if TYPE_CHECKING:
    from compiler.amd64 import FuncGen

_FROUND = {ir.FOp.FLOOR: 1, ir.FOp.CEIL: 2, ir.FOp.TRUNC: 3}
"""ROUNDSD's rounding-mode immediates (toward -Inf, +Inf, zero), gc's for Floor/Ceil/Trunc."""
_FARITH = {ir.FOp.ADD: "add", ir.FOp.SUB: "sub", ir.FOp.MUL: "mul", ir.FOp.DIV: "div"}


def _isxmm(operand: str) -> bool:
    return operand.startswith("%xmm")


def fbinop(g: FuncGen, i: ir.FBinOp) -> None:
    """Float arithmetic in the destination's XMM register when it has one (%xmm0
    otherwise, or when it is the right operand of a non-commuting operation)."""
    sfx = "sd" if i.width == 8 else "ss"
    op = i.op
    if op is ir.FOp.NEG:
        g.load(i.x, "rax", i.width)
        g.ins("btcq\t$63, %rax" if i.width == 8 else "xorl\t$0x80000000, %eax")
        g.store("rax", i.dst, i.width)
        return
    if op in _FROUND or op is ir.FOp.SQRT:
        x, d = g.loc(i.x, i.width), g.loc(i.dst, i.width)
        t = d if _isxmm(d) else "%xmm0"
        if op is ir.FOp.SQRT:
            g.ins(f"sqrt{sfx}\t{x}, {t}")
        else:
            g.ins(f"round{sfx}\t${_FROUND[op]}, {x}, {t}")
        g.fmove(t, d, i.width)
        return
    if op in _FARITH:
        x, y, d = g.loc(i.x, i.width), g.loc(i.y, i.width), g.loc(i.dst, i.width)
        if op in (ir.FOp.ADD, ir.FOp.MUL) and y == d and x != d:
            x, y = y, x
        t = d if _isxmm(d) and y != d else "%xmm0"
        g.fmove(x, t, i.width)
        g.ins(f"{_FARITH[op]}{sfx}\t{y}, {t}")
        g.fmove(t, d, i.width)
        return
    fcompare(g, i, fused=False)

def fcompare(g: FuncGen, i: ir.FBinOp, fused: bool) -> None:
    """x cmp y with ucomis[sd]; fused leaves the condition in g.cc for the
    block's `if` (not for == and !=, which also test the parity flag)."""
    sfx = "sd" if i.width == 8 else "ss"
    op = i.op
    a, b = (i.y, i.x) if op in (ir.FOp.LT, ir.FOp.LE) else (i.x, i.y)
    ra = g.loc(a, i.width)
    if not _isxmm(ra):
        g.fmove(ra, "%xmm0", i.width)
        ra = "%xmm0"
    g.ins(f"ucomi{sfx}\t{g.loc(b, i.width)}, {ra}")
    if fused:
        assert op not in (ir.FOp.EQ, ir.FOp.NE)
        g.cc = "a" if op in (ir.FOp.GT, ir.FOp.LT) else "ae"
        return
    if op is ir.FOp.EQ:
        g.ins("sete\t%al")
        g.ins("setnp\t%cl")
        g.ins("andb\t%cl, %al")
    elif op is ir.FOp.NE:
        g.ins("setne\t%al")
        g.ins("setp\t%cl")
        g.ins("orb\t%cl, %al")
    elif op in (ir.FOp.GT, ir.FOp.LT):
        g.ins("seta\t%al")
    else:
        g.ins("setae\t%al")
    g.store("rax", i.dst, 1)

def fconv(g: FuncGen, i: ir.FConv) -> None:
    """Conversions between floats and integers, into the destination's XMM
    register when it has one."""
    d = "sd" if i.dwidth == 8 else "ss"
    s = "sd" if i.swidth == 8 else "ss"
    dst = g.loc(i.dst, i.dwidth)
    t = dst if _isxmm(dst) else "%xmm0"
    match i.kind:
        case "i2f":
            g.load(i.src, "rax", i.swidth, True)
            g.ins(f"cvtsi2{d}q\t%rax, {t}")
        case "u2f":
            big, done = g.local_label(), g.local_label()
            g.load(i.src, "rax", i.swidth)
            g.ins("testq\t%rax, %rax")
            g.ins(f"js\t{big}")
            g.ins(f"cvtsi2{d}q\t%rax, {t}")
            g.ins(f"jmp\t{done}")
            g.label(big)
            g.ins("movq\t%rax, %rcx")
            g.ins("shrq\t$1, %rcx")
            g.ins("andl\t$1, %eax")
            g.ins("orq\t%rcx, %rax")
            g.ins(f"cvtsi2{d}q\t%rax, {t}")
            g.ins(f"add{d}\t{t}, {t}")
            g.label(done)
        case "f2i":  # a 4-byte result converts in 32 bits: 0x80000000 when out of range
            q, r = ("q", "%rax") if i.dwidth == 8 else ("", "%eax")
            g.ins(f"cvtt{s}2si{q}\t{g.loc(i.src, i.swidth)}, {r}")
            g.store("rax", i.dst, i.dwidth)
            return
        case "f2u":
            big, done = g.local_label(), g.local_label()
            g.fmove(g.loc(i.src, i.swidth), "%xmm0", i.swidth)
            bits = 0x43E0000000000000 if i.swidth == 8 else 0x5F000000
            g.ins(f"movabsq\t${bits}, %rax")
            g.ins("movq\t%rax, %xmm1")
            g.ins(f"ucomi{s}\t%xmm1, %xmm0")
            g.ins(f"jae\t{big}")
            g.ins(f"cvtt{s}2siq\t%xmm0, %rax")
            g.ins(f"jmp\t{done}")
            g.label(big)
            g.ins(f"sub{s}\t%xmm1, %xmm0")
            g.ins(f"cvtt{s}2siq\t%xmm0, %rax")
            g.ins("btsq\t$63, %rax")  # gc ORs the bit in: +Inf gives 1<<63
            g.label(done)
            g.store("rax", i.dst, i.dwidth)
            return
        case _:
            g.ins(f"cvt{s}2{d}\t{g.loc(i.src, i.swidth)}, {t}")
    g.fmove(t, dst, i.dwidth)
