"""amd64: IR → GNU assembler text (AT&T syntax), and the `-S` listing of the same code.

Every IR slot word lives where regalloc put it: a register, or a fixed place in the
frame. Each instruction loads its operands, computes (in the result's register when it
has one, else in %rax), and stores the result back; a compare that feeds only its
block's `if` becomes cmp + jcc. No pointer is in a register across a call: the stack
maps name every live pointer word. One peephole, forward_stores, then lets a load read
the register just stored to its slot, within straight-line code and never across a
call or label. Scratch registers are rax rcx rdx (and rsi rdi for string instructions,
rdi rsi r8 r9 for C arguments, see regalloc); regalloc's are r8-r11, rsi, rdi and the
callee-saved rbx r12-r15, which a function saves in its
frame when it uses them (and every function that defers saves all five), so C may
call compiled Go code directly. Frame (docs/internals.md "Runtime ABI"):

    16+off(%rbp)     params and results (the caller's outgoing area)
    8(%rbp)          return address
    0(%rbp)          caller's %rbp (the frame-pointer chain)
    -8..-8k(%rbp)    the k callee-saved registers the function uses
    -N(%rbp)         autos that keep a word in the frame
    0..A(%rsp)       outgoing Go-ABI argument area (A = largest callee's argsize)

A leaf (regalloc: no call that returns, every auto in a caller-saved register) has no
frame: params are at 8+off(%rsp), and a block ending in a no-return panic call pushes
%rbp first. Blocks are laid out as fall-through traces, panic blocks last.

For `func f(x int) int { return x * 8 }` (a leaf) the multiply becomes

    movq    8(%rsp), %r10
    shlq    $3, %r10

and `-S` lists it as (a function header line, then one numbered line per instruction)

    main.f STEXT size=5 args=0x10 locals=0x0
    \t00001 (x.go:1)\tmovq\t8(%rsp), %r10
    \t00002 (x.go:1)\tshlq\t$3, %r10

This module is long because FuncGen is one instruction selector: its method per
instruction kind shares the function's allocation, frame layout and scratch-register
state, and forward_stores and the data emission beside it read the same `Line` records.
Float code is split out into amd64float.py.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from compiler import amd64float, ir, pcfault
from compiler.diag import Pos, source_line
from compiler.funccode import FuncCode, Site
from compiler.liveness import FuncLive, LivenessResult
from compiler.regalloc import CALLEE_SAVED, NONE, STRING_MIN, FuncAlloc


@dataclass(frozen=True, slots=True)
class Line:
    """One emitted line: an instruction (pos set) or a label (pos None)."""

    text: str
    pos: Pos | None

    def __init__(self, text: str, pos: Pos | None) -> None:
        self.text = text  # type: ignore[misc]
        self.pos = pos  # type: ignore[misc]


ir.frozen_init(Line)

MAX_FRAME = 1 << 31
"""Frames and argument areas from this size on are an error: x86-64 addresses a frame
word with a signed 32-bit displacement. gc's limit is 1 GiB; refgo keeps up to 2 GiB
because its frames are larger than gc's (do NOT lower it before call results share
slots: test/fixedbugs/issue15141.go's main needs 1 GiB here, 256 MiB under gc)."""

MAX_UNROLLED_ZERO = 256
"""The largest clear done with one store per word: `rep stosb` costs tens of cycles to
start, more than 32 stores (a call's `...` array of eight interfaces is 128 bytes)."""

MAX_ARGS = 1 << 30
"""gc's limit on a function's argument and result area (its maxStackSize, which it
applies to both): the area is the ABI's, the same size under refgo as under gc."""


class FrameTooLarge(Exception):
    """Functions whose frames cannot be addressed: compile errors in gc's words, each
    (position, message)."""

    def __init__(self, errors: list[tuple[Pos, str]]) -> None:
        super().__init__(errors[0][1])
        self.errors = errors


class FrameCheck:
    """Generates the functions of a loop, collecting the frames too large: gc reports
    every one (done() raises them together)."""

    def __init__(self) -> None:
        self.errors: list[tuple[Pos, str]] = []

    def gen(self, fg: FuncGen) -> list[Line] | None:
        """fg's lines, or None when its frame is too large (do NOT build its stack
        maps or call sites then: it has no code)."""
        try:
            return fg.gen()
        except FrameTooLarge as e:
            self.errors.extend(e.errors)
            return None

    def done(self) -> None:
        if self.errors:
            raise FrameTooLarge(self.errors)


def quote(sym: str) -> str:
    """sym as a GNU as symbol (always quoted: gc's names contain `.`, `(`, `*`).

    A `"` or `\\` (a struct tag's, `type.struct { x int "json" }`) is written %22 or
    %5c, and a `%` %25: GNU as reads no escapes in a quoted name in an operand."""
    return '"' + sym.replace("%", "%25").replace('"', "%22").replace("\\", "%5c") + '"'


def unquote_sym(text: str) -> str:
    """The symbol quote(sym) wrote as `"text"`."""
    return text.replace("%22", '"').replace("%5c", "\\").replace("%25", "%")


_REGS = {
    "rax": ("%rax", "%eax", "%ax", "%al"),
    "rcx": ("%rcx", "%ecx", "%cx", "%cl"),
    "rdx": ("%rdx", "%edx", "%dx", "%dl"),
    "rsi": ("%rsi", "%esi", "%si", "%sil"),
    "rdi": ("%rdi", "%edi", "%di", "%dil"),
    "r8": ("%r8", "%r8d", "%r8w", "%r8b"),
    "r9": ("%r9", "%r9d", "%r9w", "%r9b"),
    "r10": ("%r10", "%r10d", "%r10w", "%r10b"),
    "r11": ("%r11", "%r11d", "%r11w", "%r11b"),
    "rbx": ("%rbx", "%ebx", "%bx", "%bl"),
    "r12": ("%r12", "%r12d", "%r12w", "%r12b"),
    "r13": ("%r13", "%r13d", "%r13w", "%r13b"),
    "r14": ("%r14", "%r14d", "%r14w", "%r14b"),
    "r15": ("%r15", "%r15d", "%r15w", "%r15b"),
    **{f"xmm{k}": (f"%xmm{k}",) * 4 for k in range(16)},
}
_WIDX = {8: 0, 4: 1, 2: 2, 1: 3}
_SUFFIX = {8: "q", 4: "l", 2: "w", 1: "b"}
_CARGS = ("rdi", "rsi", "rdx", "rcx", "r8", "r9")


def reg(name: str, width: int = 8) -> str:
    return _REGS[name][_WIDX[width]]


def _extend(v: int, width: int, signed: bool) -> int:
    """Immediate v as a width-byte value extended to 64 bits the way load extends a
    memory operand of that width: $-19545 as a uint16 is 45991, $0x80 as an int8 -128.
    do NOT compare a zero-extended register with an unextended immediate."""
    if width >= 8:
        return v
    v &= (1 << 8 * width) - 1
    if signed and v >> (8 * width - 1):
        v -= 1 << 8 * width
    return v


def _fits32(v: int) -> bool:
    return -(1 << 31) <= v < (1 << 31)


def _umagic(d: int) -> tuple[int, int]:
    """For unsigned 64-bit x / d (d > 1 not a power of two): (m, p) with
    x / d == hi(x*m) >> p for every x < 2^64 when p >= 0; else (m, -l) with m the
    low 64 bits of the 65-bit reciprocal and l = bits of d, for the add-and-shift form."""
    for p in range(64):
        m = -(-(1 << (64 + p)) // d)
        if m >= 1 << 64:
            break
        if m * d - (1 << (64 + p)) <= 1 << p:
            return m, p
    lg = d.bit_length()
    return ((1 << 64) * ((1 << lg) - d)) // d + 1, -lg


@dataclass(frozen=True, slots=True)
class Place:
    """Bytes addressed as `base+k(reg)` (suffix "(%rbp)", "(%rsi)", ...) or, with sym,
    `sym+base+k(%rip)`; `regs` maps byte offsets k of words (or of a whole narrow slot)
    held in registers to their register (regalloc)."""

    base: int
    suffix: str = ""
    sym: str = ""
    regs: dict[int, str] | None = None

    def at(self, k: int, w: int) -> str:
        """The operand for the w bytes at k (a register name when that word is in one)."""
        if self.regs is not None and k in self.regs:
            r = self.regs[k]
            return reg(r, w) if r else ""
        if self.sym:
            off = self.base + k
            return f"{self.sym}{'+' + str(off) if off else ''}(%rip)"
        return f"{self.base + k}{self.suffix}"

    def __init__(
            self, base: int, suffix: str = "", sym: str = "",
            regs: dict[int, str] | None = None) -> None:
        self.base = base  # type: ignore[misc]
        self.suffix = suffix  # type: ignore[misc]
        self.sym = sym  # type: ignore[misc]
        self.regs = regs  # type: ignore[misc]


ir.frozen_init(Place)


def _move(src: str, dst: str, w: int) -> str:
    """The move of w bytes from src to dst; into a general register, a narrow one
    writes the whole register (zero-extended from memory, `movl` between registers),
    so it never waits on the register's old upper bytes. Do NOT read those bytes of a
    narrow word's register: they are whatever the last move left."""
    if w < 4 and _isreg(dst) and not _isxmm(dst):
        if _isreg(src):
            return f"movl\t{reg(_family(src), 4)}, {reg(_family(dst), 4)}"
        if not src.startswith("$"):
            return f"movz{_SUFFIX[w]}q\t{src}, {reg(_family(dst))}"
    return f"mov{_SUFFIX[w]}\t{src}, {dst}"


def _isreg(operand: str) -> bool:
    return operand.startswith("%")


def _isxmm(operand: str) -> bool:
    return operand.startswith("%xmm")


_NEG_CC = {"e": "ne", "ne": "e", "l": "ge", "ge": "l", "le": "g", "g": "le", "b": "ae",
           "ae": "b", "be": "a", "a": "be"}


def chunks(size: int) -> list[tuple[int, int]]:
    """The (offset, width) moves that cover size bytes, widest first."""
    out = []
    off = 0
    for w in (8, 4, 2, 1):
        while size - off >= w:
            out.append((off, w))
            off += w
    return out


@dataclass(slots=True)
class FuncGen:
    """Generates one function's lines under the register decisions `alloc`."""

    f: ir.Func
    alloc: FuncAlloc = NONE
    lines: list[Line] = field(default_factory=list)
    where: dict[str, int] = field(default_factory=dict)
    slotregs: dict[str, dict[int, str]] = field(default_factory=dict)
    params: dict[str, int] = field(default_factory=dict)
    frame: int = 0
    nlabel: int = 0
    pos: Pos | None = None
    calls: list[tuple[str, Pos, int]] = field(default_factory=list)
    """Each emitted `call`'s return label, position and the ordinal of its IR call
    instruction in block order (liveness' order), in text order."""
    ncall: int = -1
    faults: list[tuple[str, Pos]] = field(default_factory=list)
    """The labels of the instructions that may fault with their positions, in text
    order (pcfault.label_faults: runtime.pcfault)."""
    sp_mode: bool = False
    """Params are addressed from %rsp (a leaf's blocks before any frame is pushed)."""
    cc: str = ""
    """The condition of a fused compare just emitted, for the block's `if`."""
    fconsts: set[int] = field(default_factory=set)
    """The bits of the float constants the code loads from read-only data (fconst)."""
    byidx: dict[int, ir.Block] = field(default_factory=dict)

    def layout(self) -> None:
        """Assign frame offsets: params/results above %rbp, saved callee-saved registers
        just below it, then the autos that keep a word in the frame."""
        if self.f.open_defers is not None and self.alloc.saved != CALLEE_SAVED:
            # runtime.openreturn restores all five when a recovered panic returns
            self.alloc = replace(self.alloc, saved=CALLEE_SAVED)
        for (slot, off), r in self.alloc.regs.items():
            self.slotregs.setdefault(slot, {})[off] = r
        off = 8 * len(self.alloc.saved)
        touched, outargs = _touched(self.f)
        for s in self.f.slots:
            if s.kind is ir.SlotKind.AUTO:
                held = self.slotregs.get(s.name, {})
                if (held and len(held) == max(1, s.size // 8)) or s.name not in touched:
                    continue
                off += (s.size + 7) // 8 * 8
                self.where[s.name] = -off
            else:
                self.where[s.name] = 16 + s.off
                self.params[s.name] = s.off
        self.frame = 0 if self.alloc.leaf else (off + outargs + 15) // 16 * 16
        if self.frame >= MAX_FRAME or self.f.argsize >= MAX_ARGS:
            callee = f" + {outargs >> 20} MB callee" if outargs else ""
            raise FrameTooLarge([(self.f.pos, f"stack frame too large (>1GB): {off >> 20} MB "
                                              f"locals + {self.f.argsize >> 20} MB args"
                                              f"{callee}")])

    def ins(self, text: str) -> None:
        """Emit one instruction; a call is followed by a return-address label recorded
        for the runtime's pc table (tracebacks, testing's callerFrame)."""
        self.lines.append(Line(text, self.pos))
        if text.startswith("call") and self.pos is not None:
            lab = f".Lret{quote_free(self.f.name)}.{len(self.calls)}"
            self.lines.append(Line(lab + ":", None))
            self.calls.append((lab, self.pos, self.ncall))

    def label(self, name: str) -> None:
        self.lines.append(Line(name + ":", None))

    def local_label(self) -> str:
        self.nlabel += 1
        return f".L{quote_free(self.f.name)}.{self.nlabel}"

    def block_label(self, b: int) -> str:
        return f".L{quote_free(self.f.name)}.b{b}"

    # -- operands --------------------------------------------------------------------

    def tmpl(self, m: ir.Mem) -> Place:
        """The place of m's bytes (registers for the words regalloc gave one)."""
        if isinstance(m, ir.Global):
            return Place(m.off, sym=quote(m.sym))
        held = self.slotregs.get(m.slot)
        regs = {k - m.off: r for k, r in held.items()} if held else None
        if self.sp_mode and m.slot in self.params:
            return Place(8 + self.params[m.slot] + m.off, "(%rsp)", regs=regs)
        return Place(self.where.get(m.slot, 0) + m.off, "(%rbp)", regs=regs)

    def loc(self, m: ir.Mem, width: int) -> str:
        """m's first `width` bytes as an operand: a register or memory (tmpl(m).at(0,
        width), without building the Place: every operand of every instruction)."""
        if type(m) is ir.Local:
            held = self.slotregs.get(m.slot)
            if held is not None and m.off in held:
                r = held[m.off]
                return reg(r, width) if r else ""
            if self.sp_mode and m.slot in self.params:
                return f"{8 + self.params[m.slot] + m.off}(%rsp)"
            return f"{self.where.get(m.slot, 0) + m.off}(%rbp)"
        return self.tmpl(m).at(0, width)

    def mem(self, m: ir.Mem, extra: int = 0) -> str:
        """m (plus extra bytes) in memory; do NOT call it for a slot regalloc may have
        put in registers (only float and address-taken operands)."""
        p = self.tmpl(m)
        assert p.regs is None, f"{m} is in registers"
        return p.at(extra, 8)

    def regof(self, op: ir.Operand) -> str | None:
        """The register family holding op, if regalloc put it in one."""
        if isinstance(op, ir.Local):
            held = self.slotregs.get(op.slot)
            if held is not None:
                return held.get(op.off)
        return None

    def load(self, op: ir.Operand, r: str, width: int = 8, signed: bool = False) -> None:
        """Load op (width bytes, sign- or zero-extended) into the 64-bit register r."""
        match op:
            case ir.Imm(value=v):
                v = _extend(v, width, signed)
                if v == 0:
                    self.ins(f"xorl\t{reg(r, 4)}, {reg(r, 4)}")
                elif _fits32(v):
                    self.ins(f"movq\t${v}, {reg(r)}")
                else:
                    self.ins(f"movabsq\t${v}, {reg(r)}")
            case ir.SymAddr(sym=s):
                self.ins(f"leaq\t{quote(s)}(%rip), {reg(r)}")
            case ir.Local() | ir.Global():
                src = self.loc(op, width)
                if width == 8:
                    if src != reg(r):
                        self.ins(f"movq\t{src}, {reg(r)}")
                elif width == 4:
                    if signed:
                        self.ins(f"movslq\t{src}, {reg(r)}")
                    else:
                        self.ins(f"movl\t{src}, {reg(r, 4)}")
                else:
                    x = "s" if signed else "z"
                    self.ins(f"mov{x}{_SUFFIX[width]}q\t{src}, {reg(r)}")

    def store(self, r: str, dst: ir.Mem, width: int) -> None:
        """Store the low width bytes of register r into dst (a register or memory)."""
        d = self.loc(dst, width)
        if d != reg(r, width):
            self.ins(_move(reg(r, width), d, width))

    def block_copy(self, src: str, dst: str, size: int) -> None:
        """Copy size bytes from address expression src to dst with `rep movsb` (the form
        for copies over 64 bytes). The destination's address is taken first when it is
        based on %rsi or %rdi, so the register is read before it is overwritten (do NOT
        pass a src based on %rdi together with such a dst)."""
        order = [("rdi", dst), ("rsi", src)] if "(%rsi)" in dst or "(%rdi)" in dst \
            else [("rsi", src), ("rdi", dst)]
        for r, a in order:
            self.ins(f"leaq\t{a}, %{r}")
        self.ins(f"movq\t${size}, %rcx")
        self.ins("rep; movsb")

    def copy_mem(self, src: Place, dst: Place, size: int) -> None:
        """Copy size bytes between two places (register words move directly)."""
        if size > STRING_MIN:
            self.block_copy(src.at(0, 8), dst.at(0, 8), size)
            return
        moves: list[tuple[str, str, int]] = []
        for off, w in chunks(size):
            s, d = src.at(off, w), dst.at(off, w)
            if d == "" or s == d:
                continue
            if _isreg(s) or _isreg(d):
                moves.append((s, d, w))
                continue
            self.ins(f"mov{_SUFFIX[w]}\t{s}, {reg('rax', w)}")
            self.ins(f"mov{_SUFFIX[w]}\t{reg('rax', w)}, {d}")
        self.parallel_moves(moves)

    def parallel_moves(self, moves: list[tuple[str, str, int]]) -> None:
        """Emit (src, dst, width) moves as if all sources were read first: a move whose
        destination register another move still reads waits; a cycle goes through %rax."""
        if len(moves) == 1:
            s, d, w = moves[0]
            self.ins(_move(s, d, w))
            return

        def fam(x: str) -> str:
            return _family(x) if _isreg(x) else ""

        while moves:
            reads = {fam(s) for s, _, _ in moves}
            k = next((k for k, (_, d, _) in enumerate(moves)
                      if not _isreg(d) or fam(d) not in reads - {fam(moves[k][0])}), None)
            if k is None:
                dsts = {fam(d) for _, d, _ in moves}
                s0 = next(s for s, _, _ in moves if _isreg(s) and fam(s) in dsts)
                self.ins(f"movq\t{reg(fam(s0))}, %rax")
                moves = [(reg("rax", w) if fam(s) == fam(s0) else s, d, w)
                         for s, d, w in moves]
                continue
            s, d, w = moves.pop(k)
            self.ins(_move(s, d, w))

    def zero_mem(self, dst: Place, size: int) -> None:
        """Clear size bytes at dst: a store per word up to MAX_UNROLLED_ZERO bytes, else
        `rep stosb`."""
        if size > MAX_UNROLLED_ZERO:
            self.ins(f"leaq\t{dst.at(0, 8)}, %rdi")
            self.ins(f"movq\t${size}, %rcx")
            self.ins("xorl\t%eax, %eax")
            self.ins("rep; stosb")
            return
        for off, w in chunks(size):
            d = dst.at(off, w)
            if _isxmm(d):
                self.ins(f"xorps\t{d}, {d}")
            elif _isreg(d):
                self.ins(f"xorl\t{reg(_family(d), 4)}, {reg(_family(d), 4)}")
            else:
                self.ins(f"mov{_SUFFIX[w]}\t$0, {d}")

    def base(self, p: ir.Operand, scratch: str, off: int, size: int,
             avoid: Place | None = None) -> tuple[str, int]:
        """A register holding pointer p for an access of size bytes at off: p's own
        register when it has one, else scratch loaded with it; and the displacement.
        Do NOT use p's register when the access writes it (avoid's registers)."""
        r = self.regof(p)
        clash = avoid is not None and avoid.regs is not None and r in avoid.regs.values()
        if r is None or clash or not (_fits32(off) and _fits32(off + size)):
            self.load(p, scratch)
            return scratch, self.far_offset(scratch, off, size)
        return r, off

    def indexed(self, r: str, idx: ir.Local | None, scale: int) -> str:
        """The address suffix `(%r)`, or `(%r,%x,scale)` with idx's register (%rcx
        loaded with it when it has none)."""
        if idx is None:
            return f"({reg(r)})"
        x = self.regof(idx)
        if x is None:
            self.load(idx, "rcx")
            x = "rcx"
        return f"({reg(r)},{reg(x)},{scale})"

    # -- instructions ----------------------------------------------------------------

    def prologue(self) -> None:
        """Set up the frame (none for a leaf), save the callee-saved registers used, and
        load the parameter words regalloc keeps in registers."""
        if self.alloc.leaf:
            self.sp_mode = True
        else:
            self.stack_check()
            self.ins("pushq\t%rbp")
            self.ins("movq\t%rsp, %rbp")
            if self.frame:
                self.ins(f"subq\t${self.frame}, %rsp")
            for k, r in enumerate(self.alloc.saved):
                self.ins(f"movq\t{reg(r)}, {-8 * (k + 1)}(%rbp)")
        if self.f.open_defers is not None:
            self.label(open_label(self.f.name))
        sizes = {s.name: s.size for s in self.f.slots}
        for slot, off in self.alloc.entry:
            home = Place(self.params[slot] + off, "(%rsp)" if self.sp_mode else "(%rbp)")
            src = Place(home.base + (8 if self.sp_mode else 16), home.suffix).at(0, 8)
            w = min(sizes[slot], 8)
            r = self.slotregs[slot][off]
            if w == 8:
                self.ins(f"movq\t{src}, {reg(r)}")
            elif w == 4:
                self.ins(f"movl\t{src}, {reg(r, 4)}")
            else:
                self.ins(f"movz{_SUFFIX[w]}q\t{src}, {reg(r)}")

    def stack_check(self) -> None:
        """The stack check at entry (docs/internals.md "Goroutines"): when %rsp less the
        frame is at or below runtime.stackguard (the stack's guard zone, or a
        preemption request), call runtime.morestack and start over. Small frames fit in
        the guard zone's slack and compare %rsp itself, as gc does."""
        need = self.frame + 8
        if need <= _STACK_SMALL:
            self.ins(f"cmpq\t{quote('runtime.stackguard')}(%rip), %rsp")
        else:
            self.ins(f"leaq\t-{need}(%rsp), %rax")
            self.ins(f"cmpq\t{quote('runtime.stackguard')}(%rip), %rax")
        self.ins(f"jbe\t{self.morestack_label()}")

    def morestack_label(self) -> str:
        return f".L{quote_free(self.f.name)}.more"

    def morestack(self) -> None:
        """The cold end of the stack check: runtime.morestack with the frame size in
        %rax, then back to the entry. Do NOT emit its call through ins(): it is no call
        site of the function (no pc-table row, no stack map; the runtime treats the
        function as frameless there)."""
        self.label(self.morestack_label())
        self.lines.append(Line(f"movq\t${self.frame + 8}, %rax", self.f.pos))
        self.lines.append(Line(f"call\t{quote('runtime.morestack')}", self.f.pos))
        self.lines.append(Line(f"jmp\t{quote(self.f.name)}", self.f.pos))

    def epilogue(self) -> None:
        if self.alloc.leaf:
            self.ins("ret")
            return
        for k, r in enumerate(self.alloc.saved):
            self.ins(f"movq\t{-8 * (k + 1)}(%rbp), {reg(r)}")
        self.ins("movq\t%rbp, %rsp")
        self.ins("popq\t%rbp")
        self.ins("ret")

    def gen(self) -> list[Line]:
        self.layout()
        self.pos = self.f.pos
        self.prologue()
        # Keyed by (block, position): inlining and fold may put one instruction object
        # in several places, and each is its own call site with its own stack map.
        ordinal: dict[tuple[int, int], int] = {}
        for b in self.f.blocks:
            for n, i in enumerate(b.instrs):
                if isinstance(i, ir.CALLS):
                    ordinal[b.index, n] = len(ordinal)
        order = block_order(self.f)
        self.byidx = {b.index: b for b in self.f.blocks}
        for k, b in enumerate(order):
            self.label(self.block_label(b.index))
            cold = self.alloc.leaf and isinstance(b.term, ir.Unreachable)
            if cold:
                self.pos = b.instrs[0].pos if b.instrs else b.term.pos
                self.ins("pushq\t%rbp")
                self.ins("movq\t%rsp, %rbp")
                self.sp_mode = False
            fuse = b.index in self.alloc.fused
            skip = False
            for n, i in enumerate(b.instrs):
                if skip:
                    skip = False
                    continue
                self.pos = i.pos
                self.ncall = ordinal.get((b.index, n), -1)
                if n + 1 < len(b.instrs) and self.scaled_index(i, b.instrs[n + 1]):
                    skip = True
                elif fuse and n == len(b.instrs) - 1:
                    if isinstance(i, ir.FBinOp):
                        amd64float.fcompare(self, i, fused=True)
                    else:
                        assert isinstance(i, ir.BinOp)
                        self.compare(i, fused=True)
                else:
                    self.instr(i)
            self.pos = b.term.pos
            nxt = order[k + 1].index if k + 1 < len(order) else -1
            self.terminator(b.term, nxt)
            if cold:
                self.sp_mode = True
        if not self.alloc.leaf:
            self.morestack()
        self.lines, self.faults = pcfault.label_faults(
            forward_stores(self.lines), self.f.name, f".Lflt{quote_free(self.f.name)}", Line)
        return self.lines

    def past_empty(self, b: int, nxt: int) -> int:
        """b, or where its chain of empty jump-only blocks ends when b is not the next
        block (falling through costs nothing): `je L1; jmp L2; L1: jmp L3` becomes
        `je L3; jmp L2`."""
        if b == nxt:
            return b
        seen = {b}
        while True:
            blk = self.byidx[b]
            if blk.instrs or not isinstance(blk.term, ir.Jump) or blk.term.target in seen:
                return b
            b = blk.term.target
            seen.add(b)

    def terminator(self, t: ir.Term, nxt: int) -> None:
        match t:
            case ir.Jump(target=b):
                if b != nxt:
                    self.ins(f"jmp\t{self.block_label(self.past_empty(b, nxt))}")
            case ir.If(cond=c, then=a, els=b):
                a, b = self.past_empty(a, nxt), self.past_empty(b, nxt)
                if isinstance(c, ir.Imm):
                    target = a if c.value else b
                    if target != nxt:
                        self.ins(f"jmp\t{self.block_label(target)}")
                    return
                if self.cc:
                    yes, self.cc = self.cc, ""
                else:
                    r = self.regof(c)
                    if r is None:
                        self.load(c, "rax", 1)
                        r = "rax"
                    self.ins(f"testb\t{reg(r, 1)}, {reg(r, 1)}")
                    yes = "ne"
                if b == nxt:
                    self.ins(f"j{yes}\t{self.block_label(a)}")
                elif a == nxt:
                    self.ins(f"j{_NEG_CC[yes]}\t{self.block_label(b)}")
                else:
                    self.ins(f"j{yes}\t{self.block_label(a)}")
                    self.ins(f"jmp\t{self.block_label(b)}")
            case ir.Ret():
                self.epilogue()
            case ir.Unreachable():
                self.ins("ud2")

    def target(self, dst: ir.Mem, avoid: ir.Operand | None = None) -> str:
        """The register to compute a result for dst in: dst's own register unless
        avoid (an operand still to be read) lives there; else %rax."""
        r = self.regof(dst)
        if r is None or r.startswith("xmm") or (avoid is not None and self.regof(avoid) == r):
            return "rax"
        return r

    def instr(self, i: ir.Instr) -> None:
        match i:
            case ir.Mov(dst=d, src=s, width=w):
                if isinstance(s, ir.Imm) and _fits32(s.value):
                    v = s.value
                    if w < 8:
                        v &= (1 << (8 * w)) - 1
                        if w == 4 and v >= 1 << 31:
                            v -= 1 << 32
                    dl = self.loc(d, w)
                    if _isxmm(dl):
                        self.fconst(v, dl)
                    elif v == 0 and _isreg(dl):
                        r4 = reg(_family(dl), 4)
                        self.ins(f"xorl\t{r4}, {r4}")
                    else:
                        self.ins(f"mov{_SUFFIX[w]}\t${v}, {dl}")
                elif isinstance(s, ir.Imm) and _isxmm(self.loc(d, w)):
                    self.fconst(s.value, self.loc(d, w))
                else:
                    t = self.regof(s) or self.target(d)
                    if w >= 8 or t != self.regof(s) or _isxmm(reg(t)):
                        self.load(s, t, w)
                    self.store(t, d, w)
            case ir.Copy(dst=d, src=s, size=n):
                self.copy_mem(self.tmpl(s), self.tmpl(d), n)
            case ir.Zero(filled=True):
                pass
            case ir.Zero(dst=d, size=n):
                self.zero_mem(self.tmpl(d), n)
            case ir.LoadAddr(dst=d, src=s):
                t = self.target(d)
                self.ins(f"leaq\t{self.mem(s)}, {reg(t)}")
                self.store(t, d, 8)
            case ir.Load(dst=d, ptr=p, off=o, size=n):
                dp = self.tmpl(d)
                if n > STRING_MIN:
                    self.load(p, "rsi")
                    o = self.far_offset("rsi", o, n)
                    self.block_copy(f"{o}(%rsi)", self.mem(d), n)
                else:
                    r, o = self.base(p, "rdx", o, n, dp if n > 8 else None)
                    sfx = self.indexed(r, i.idx, i.scale)
                    if all(dp.at(k, w) == "" for k, w in chunks(n)):
                        # Nothing reads the value, but a nil p must still fault.
                        self.ins(f"testb\t%al, {o}{sfx}")
                    else:
                        self.copy_mem(Place(o, sfx), dp, n)
            case ir.Store(ptr=p, off=o, src=s, size=n):
                if n > STRING_MIN:
                    self.load(p, "rdi")
                    o = self.far_offset("rdi", o, n)
                    self.block_copy(self.mem(s), f"{o}(%rdi)", n)
                else:
                    r, o = self.base(p, "rdx", o, n)
                    self.copy_mem(self.tmpl(s), Place(o, self.indexed(r, i.idx, i.scale)), n)
            case ir.StoreZero(ptr=p, off=o, size=n):
                if n > MAX_UNROLLED_ZERO:
                    self.load(p, "rdi")
                    o = self.far_offset("rdi", o, n)
                    self.ins(f"leaq\t{o}(%rdi), %rdi")
                    self.ins(f"movq\t${n}, %rcx")
                    self.ins("xorl\t%eax, %eax")
                    self.ins("rep; stosb")
                else:
                    r, o = self.base(p, "rdx", o, n)
                    self.zero_mem(Place(o, f"({reg(r)})"), n)
            case ir.BinOp(op=op) if op in ir.COMPARES:
                self.compare(i, fused=False)
            case ir.BinOp():
                self.binop(i)
            case ir.UnOp(op=op, dst=d, x=x, width=w):
                t = self.target(d)
                self.load(x, t, w)
                if op == "neg":
                    self.ins(f"negq\t{reg(t)}")
                elif op == "com":
                    self.ins(f"notq\t{reg(t)}")
                elif op == "len":
                    # bsr leaves its destination undefined for 0: take -1 then.
                    self.ins("movq\t$-1, %rcx")
                    self.ins(f"bsrq\t{reg(t)}, {reg(t)}")
                    self.ins(f"cmovzq\t%rcx, {reg(t)}")
                    self.ins(f"addq\t$1, {reg(t)}")
                elif op == "ctz":
                    self.ins("movl\t$64, %ecx")
                    self.ins(f"bsfq\t{reg(t)}, {reg(t)}")
                    self.ins(f"cmovzq\t%rcx, {reg(t)}")
                else:
                    self.ins(f"xorl\t$1, {reg(t, 4)}")
                self.store(t, d, w)
            case ir.Ext(dst=d, dwidth=dw, src=s, swidth=sw, signed=sg):
                t = self.target(d)
                self.load(s, t, sw, sg)
                self.store(t, d, dw)
            case ir.FBinOp():
                self.fbinop(i)
            case ir.FConv():
                self.fconv(i)
            case ir.Call():
                self.call(i)
            case ir.CCall(sym=s, args=args, results=res):
                if len(args) > len(_CARGS):
                    raise ValueError(f"too many C arguments for {s}")
                self.c_args(args)
                self.ins(f"call\t{quote(s)}")
                for m, r in zip(res, ("rax", "rdx"), strict=False):
                    self.store(r, m, 8)
            case ir.ClosurePtr(dst=d):
                self.store("rdx", d, 8)
            case ir.DeferProc(clo=c, exit=b, record=rec):
                self.load(c, "rdi")
                self.ins("movq\t%rbp, %rsi")
                self.ins("movq\t%rsp, %rdx")
                self.ins(f"leaq\t{self.block_label(b)}(%rip), %rcx")
                if rec is None:
                    self.ins(f"call\t{quote('runtime.deferproc')}")
                else:
                    self.ins(f"leaq\t{self.where[rec.slot] + rec.off}(%rbp), %r8")
                    self.ins(f"call\t{quote('runtime.deferprocStack')}")
            case ir.NilCheck(ptr=p):
                pr = self.regof(p) or "rax"
                self.load(p, pr)
                self.ins(f"testb\t%al, ({reg(pr)})")
            case ir.OpenDefers():
                pass
            case ir.DeferReturn():
                self.ins("movq\t%rbp, %rdi")
                self.ins(f"call\t{quote('runtime.deferreturn')}")

    def c_args(self, args: tuple[ir.Operand, ...]) -> None:
        """Load a C call's arguments into %rdi, %rsi, ...: the words in registers first,
        as parallel moves (an argument register may hold another argument's word), then
        the rest from memory or as constants."""
        moves: list[tuple[str, str, int]] = []
        rest: list[tuple[ir.Operand, str]] = []
        for a, r in zip(args, _CARGS, strict=False):
            held = self.regof(a)
            if held:
                if held != r:
                    moves.append((reg(held), reg(r), 8))
            else:
                rest.append((a, r))
        self.parallel_moves(moves)
        for a, r in rest:
            self.load(a, r)

    def far_offset(self, r: str, off: int, size: int) -> int:
        """Fold an offset beyond a 32-bit displacement into base register r; the
        offset left to use in the addressing mode."""
        if _fits32(off) and _fits32(off + size):
            return off
        self.ins(f"movabsq\t${off}, %rcx")
        self.ins(f"addq\t%rcx, {reg(r)}")
        return 0

    def operand(self, op: ir.Operand, width: int, signed: bool = False) -> str | None:
        """op as a direct 64-bit source operand (a 32-bit immediate, extended from width
        bytes as load extends the other operand, or at width 8 a register or memory
        word), or None when it must be loaded and extended."""
        match op:
            case ir.Imm(value=v) if _fits32(_extend(v, width, signed)):
                return f"${_extend(v, width, signed)}"
            case ir.Local() | ir.Global() if width == 8:
                return self.loc(op, 8)
        return None

    def compare(self, i: ir.BinOp, fused: bool) -> None:
        """x cmp y; fused leaves the condition in self.cc for the block's `if`, else
        the boolean goes to i.dst."""
        w, sg = i.width, i.signed
        x = self.regof(i.x) if w == 8 else None
        if x is None:
            self.load(i.x, "rax", w, sg)
            x = "rax"
        y = self.operand(i.y, w, sg)
        if y is None:
            self.load(i.y, "rcx", w, sg)
            y = "%rcx"
        self.ins(f"cmpq\t{y}, {reg(x)}")
        cc = _CC[i.op][0 if sg else 1]
        if fused:
            self.cc = cc
            return
        d = self.loc(i.dst, 1)
        if _isreg(d):
            self.ins(f"set{cc}\t{d}")
        else:
            self.ins(f"set{cc}\t%al")
            self.store("rax", i.dst, 1)

    def scaled_index(self, a: ir.Instr, b: ir.Instr) -> bool:
        """Emit walk's element address `mul T <- i, $s ; add T <- T, base` (s 1, 2, 4 or
        8) as one `leaq (base,i,s)`, and say so; else emit nothing. (Three or four
        instructions before: a move, a shift and an add.)"""
        if not (isinstance(a, ir.BinOp) and isinstance(b, ir.BinOp) and a.op is ir.Op.MUL
                and b.op is ir.Op.ADD and a.width == b.width == 8 and b.dst == a.dst
                and b.x == a.dst and isinstance(a.y, ir.Imm) and a.y.value in (1, 2, 4, 8)
                and isinstance(a.x, ir.Local) and isinstance(b.y, ir.Local | ir.Global)
                and b.y != a.dst and self.regof(a.dst) != ""):
            return False
        t = self.target(a.dst)
        x = self.regof(a.x)
        if x is None:
            x = "rcx"
            self.load(a.x, x)
        base = self.regof(b.y)
        if base is None:
            base = t if t != x else "rax" if x != "rax" else "rcx"
            self.load(b.y, base)
        self.ins(f"leaq\t({reg(base)},{reg(x)},{a.y.value}), {reg(t)}")
        self.store(t, a.dst, 8)
        return True

    def binop(self, i: ir.BinOp) -> None:
        op, w, sg = i.op, i.width, i.signed
        if op in (ir.Op.DIV, ir.Op.MOD) and not sg and isinstance(i.y, ir.Imm) and \
                0 < i.y.value < (1 << 63) and i.y.value != 1:
            self.load(i.x, "rax", w, sg)
            self.udiv_const(op, i.y.value)
            self.store("rax", i.dst, w)
            return
        if op is ir.Op.MULHI:
            self.load(i.x, "rax", w, sg)
            self.load(i.y, "rcx", w, sg)
            self.ins("mulq\t%rcx")
            self.store("rdx", i.dst, w)
            return
        if op in (ir.Op.DIV, ir.Op.MOD, ir.Op.ANDNOT) or (
                op in (ir.Op.SHL, ir.Op.SHR) and not (
                    isinstance(i.y, ir.Imm) and 0 <= i.y.value < 8 * w)):
            self.load(i.x, "rax", w, sg)
            self.load(i.y, "rcx", w, sg)
            self.slow_binop(op, w, sg)
            self.store("rax", i.dst, w)
            return
        x, y = i.x, i.y
        if op in _COMMUTES and self.regof(y) is not None and \
                self.regof(y) == self.regof(i.dst):
            x, y = y, x
        t = self.target(i.dst, y)
        self.load(x, t, w, sg)
        if op in (ir.Op.SHL, ir.Op.SHR):
            assert isinstance(i.y, ir.Imm)
            mn = "shlq" if op is ir.Op.SHL else "sarq" if sg else "shrq"
            if i.y.value:
                self.ins(f"{mn}\t${i.y.value}, {reg(t)}")
        elif op is ir.Op.MUL and isinstance(i.y, ir.Imm) and i.y.value > 0 and (
                i.y.value & (i.y.value - 1)) == 0:
            k = i.y.value.bit_length() - 1
            if k:
                self.ins(f"shlq\t${k}, {reg(t)}")
        else:
            yo = self.operand(y, w, sg)
            if yo is None:
                self.load(y, "rcx", w, sg)
                yo = "%rcx"
            mn = "imulq" if op is ir.Op.MUL else _SIMPLE[op]
            self.ins(f"{mn}\t{yo}, {reg(t)}")
        self.store(t, i.dst, w)

    def slow_binop(self, op: ir.Op, w: int, sg: bool) -> None:
        """%rax = %rax op %rcx for ANDNOT, DIV, MOD and variable shifts."""
        if op is ir.Op.ANDNOT:
            self.ins("notq\t%rcx")
            self.ins("andq\t%rcx, %rax")
        elif op in (ir.Op.DIV, ir.Op.MOD):
            self.divide(op, sg)
        else:
            big, done = self.local_label(), self.local_label()
            self.ins(f"cmpq\t${8 * w}, %rcx")
            self.ins(f"jae\t{big}")
            mn = "shlq" if op is ir.Op.SHL else "sarq" if sg else "shrq"
            self.ins(f"{mn}\t%cl, %rax")
            self.ins(f"jmp\t{done}")
            self.label(big)
            if op is ir.Op.SHR and sg:
                self.ins("sarq\t$63, %rax")
            else:
                self.ins("xorl\t%eax, %eax")
            self.label(done)

    def udiv_const(self, op: ir.Op, d: int) -> None:
        """%rax = %rax / d or %rax % d, unsigned, for a constant 1 < d < 2^63, without
        divq: a shift or mask for a power of two, else a multiply by a magic reciprocal
        (Granlund and Montgomery). Clobbers %rcx and %rdx."""
        if d & (d - 1) == 0:
            if op is ir.Op.DIV:
                self.ins(f"shrq\t${d.bit_length() - 1}, %rax")
            elif _fits32(d - 1):
                self.ins(f"andq\t${d - 1}, %rax")
            else:
                self.ins(f"movabsq\t${d - 1}, %rcx")
                self.ins("andq\t%rcx, %rax")
            return
        self.ins("movq\t%rax, %rcx")
        m, p = _umagic(d)
        self.ins(f"movabsq\t${m - (1 << 64) if m >= 1 << 63 else m}, %rdx")
        self.ins("mulq\t%rdx")
        if p >= 0:
            # q = hi(x * m) >> p with m = ceil(2^(64+p) / d) < 2^64.
            if p:
                self.ins(f"shrq\t${p}, %rdx")
            self.ins("movq\t%rdx, %rax")
        else:
            # m + 2^64 is the 65-bit reciprocal: q = (t + (x - t) / 2) >> (l - 1)
            # with t = hi(x * m), l = bits of d (rounding up).
            self.ins("movq\t%rcx, %rax")
            self.ins("subq\t%rdx, %rax")
            self.ins("shrq\t$1, %rax")
            self.ins("addq\t%rdx, %rax")
            if -p - 1:
                self.ins(f"shrq\t${-p - 1}, %rax")
        if op is ir.Op.MOD:
            if _fits32(d):
                self.ins(f"imulq\t${d}, %rax, %rdx")
            else:
                self.ins(f"movabsq\t${d}, %rdx")
                self.ins("imulq\t%rax, %rdx")
            self.ins("movq\t%rcx, %rax")
            self.ins("subq\t%rdx, %rax")

    def divide(self, op: ir.Op, signed: bool) -> None:
        if not signed:
            self.ins("xorl\t%edx, %edx")
            self.ins("divq\t%rcx")
        else:
            neg1, done = self.local_label(), self.local_label()
            self.ins("cmpq\t$-1, %rcx")
            self.ins(f"je\t{neg1}")
            self.ins("cqto")
            self.ins("idivq\t%rcx")
            self.ins(f"jmp\t{done}")
            self.label(neg1)
            if op is ir.Op.DIV:
                self.ins("negq\t%rax")
            else:
                self.ins("xorl\t%eax, %eax")
                self.ins("xorl\t%edx, %edx")
            self.label(done)
        if op is ir.Op.MOD:
            self.ins("movq\t%rdx, %rax")

    def fconst(self, bits: int, dst: str) -> None:
        """Put the float whose bits are given in the XMM register dst."""
        if bits == 0:
            self.ins(f"xorps\t{dst}, {dst}")
        else:
            bits &= (1 << 64) - 1
            self.fconsts.add(bits)
            self.ins(f"movsd\t{_fconst_label(bits)}(%rip), {dst}")

    def fmove(self, src: str, dst: str, width: int) -> None:
        """A float of width bytes from src to dst (registers or memory, not both memory)."""
        if src == dst or dst == "":
            return
        if _isxmm(src) and _isxmm(dst):
            self.ins(f"movap{'d' if width == 8 else 's'}\t{src}, {dst}")
        elif _isreg(src) and not _isxmm(src) or _isreg(dst) and not _isxmm(dst):
            # a general register (a word simplify gave a float result): the bits move
            mn = "movq" if width == 8 else "movd" if "%xmm" in src + dst else "movl"
            self.ins(f"{mn}\t{src}, {dst}")
        else:
            self.ins(f"movs{'d' if width == 8 else 's'}\t{src}, {dst}")

    def fbinop(self, i: ir.FBinOp) -> None:
        """Float arithmetic, rounding and compares (compiler/amd64float.py)."""
        amd64float.fbinop(self, i)

    def fconv(self, i: ir.FConv) -> None:
        """Conversions between floats and integers (compiler/amd64float.py)."""
        amd64float.fconv(self, i)

    def call(self, i: ir.Call) -> None:
        for a in i.args:
            self.copy_mem(self.tmpl(a.mem), Place(a.off, "(%rsp)"), a.size)
        match i.target:
            case str(sym):
                self.ins(f"call\t{quote(sym)}")
            case t if i.closure:
                self.load(t, "rdx")
                self.ins("call\t*(%rdx)")
            case t:
                self.load(t, "rax")
                self.ins("call\t*%rax")
        for r in i.results:
            self.copy_mem(Place(r.off, "(%rsp)"), self.tmpl(r.mem), r.size)


_STACK_SMALL = 128
"""Frames up to this size compare %rsp itself with the guard: the guard zone is far
bigger (sched.c STACK_GUARD), so they may end that far below it."""


def _touched(f: ir.Func) -> tuple[set[str], int]:
    """The slots f's instructions and branches name, and the largest argument area of
    its Go calls."""
    out: set[str] = set()
    outargs = 0
    for b in f.blocks:
        if isinstance(b.term, ir.If) and isinstance(b.term.cond, ir.Local):
            out.add(b.term.cond.slot)
        for i in b.instrs:
            t = type(i)
            names = ir.operand_fields(t)
            if t is ir.Call and i.argsize > outargs:  # type: ignore[union-attr]
                outargs = i.argsize  # type: ignore[union-attr]
            for n in names:
                v = getattr(i, n)
                if type(v) is ir.Local:
                    out.add(v.slot)
                elif type(v) is tuple:
                    for x in v:
                        m = x.mem if type(x) is ir.Arg else x
                        if type(m) is ir.Local:
                            out.add(m.slot)
    return out, outargs


def _doomed(f: ir.Func) -> set[int]:
    """Blocks from which every path ends in a no-return call (a panic)."""
    succ = {b.index: ir.successors(b.term) for b in f.blocks}
    doomed = {b.index for b in f.blocks if isinstance(b.term, ir.Unreachable)}
    changed = True
    while changed:
        changed = False
        for k, ss in succ.items():
            if k not in doomed and ss and all(x in doomed for x in ss):
                doomed.add(k)
                changed = True
    return doomed


def block_order(f: ir.Func) -> list[ir.Block]:
    """The text order of f's blocks: the entry first (do NOT move it: execution starts
    at the first), then traces that fall through to a jump's target or an `if`'s
    then-branch (its else-branch when only the then-branch returns: `if err != nil
    { return }` is the unlikely way; the branch staying in the innermost loop when the
    other leaves it), blocks from which every path panics last."""
    byidx = {b.index: b for b in f.blocks}
    inner: dict[int, set[int]] = {}
    for body in sorted(ir.loops(f).values(), key=len, reverse=True):
        for x in body:
            inner[x] = body

    def returns(k: int) -> bool:
        t = byidx[k].term
        return isinstance(t, ir.Ret) or (
            isinstance(t, ir.Jump) and isinstance(byidx[t.target].term, ir.Ret))

    placed: set[int] = set()
    hot: list[ir.Block] = []
    cold = _doomed(f) - {f.blocks[0].index}
    for start in f.blocks:
        b: ir.Block | None = start
        while b is not None and b.index not in placed and b.index not in cold:
            placed.add(b.index)
            hot.append(b)
            match b.term:
                case ir.Jump(target=t):
                    nxt = t
                case ir.If(then=a, els=e):
                    loop = inner.get(b.index, set())
                    if (returns(a) and not returns(e) or a not in loop and e in loop) \
                            and e not in placed and e not in cold:
                        nxt = e
                    else:
                        nxt = a if a not in placed and a not in cold else e
                case _:
                    break
            b = byidx[nxt]
    return hot + [b for b in f.blocks if b.index in cold]


_COMMUTES = frozenset({ir.Op.ADD, ir.Op.MUL, ir.Op.AND, ir.Op.OR, ir.Op.XOR})
_SIMPLE = {ir.Op.ADD: "addq", ir.Op.SUB: "subq", ir.Op.AND: "andq", ir.Op.OR: "orq",
           ir.Op.XOR: "xorq"}
_CC = {ir.Op.EQ: ("e", "e"), ir.Op.NE: ("ne", "ne"), ir.Op.LT: ("l", "b"),
       ir.Op.LE: ("le", "be"), ir.Op.GT: ("g", "a"), ir.Op.GE: ("ge", "ae")}


def _fconst_label(bits: int) -> str:
    return f".Lfconst.{bits:016x}"


def _fconst_data(consts: set[int]) -> list[str]:
    """The read-only words fconst loads, one per distinct bit pattern."""
    if not consts:
        return []
    out = ["\t.section\t.rodata", "\t.balign\t8"]
    for bits in sorted(consts):
        out.append(f"{_fconst_label(bits)}:\n\t.quad\t{bits}")
    return out


def quote_free(sym: str) -> str:
    """sym with characters that GNU as rejects in unquoted local labels replaced
    (memoized: every label of a function asks for its name's)."""
    q = _QUOTE_FREE.get(sym)
    if q is None:
        q = _QUOTE_FREE[sym] = "".join(c if c.isalnum() or c in "._" else "_"
                                       for c in sym) + f"_{_h(sym)}"
    return q


_QUOTE_FREE: dict[str, str] = {}


def _h(s: str) -> str:
    h = 0
    for c in s.encode():
        h = (h * 131 + c) & 0xFFFFFF
    return f"{h:06x}"


_STORE = re.compile(r"^mov([qlwb])\t(%\w+|\$-?\d+), (\S*\(.+\))$")
_LOAD = re.compile(r"^(mov[qlwb]|mov[sz][bw]q|movslq)\t(\S*\(.+\)), (%\w+)$")
_RBP = re.compile(r"^(-?\d+)\(%rbp\)$")
_REGREF = re.compile(r"%\w+")
# A load after a store of width w may read the stored register instead: the plain
# move of width w (dropped when it names the same register) or an extension of it.
_FORWARD = {"q": ("movq",), "l": ("movl", "movslq"), "w": ("movw", "movzwq", "movswq"),
            "b": ("movb", "movzbq", "movsbq")}
_WIDTH = {"q": 8, "l": 4, "w": 2, "b": 1}
_FAMILY = {r: fam for fam, names in _REGS.items() for r in names}


def _family(r: str) -> str:
    """The 64-bit register a register name is part of (%al -> rax); unknown names as is."""
    return _FAMILY.get(r, r)


def _families(src: str, mem: str) -> frozenset[str]:
    """The register families a store of src to mem depends on (source and address)."""
    return frozenset(_family(r) for r in _REGREF.findall(src + " " + mem))


def forward_stores(lines: list[Line]) -> list[Line]:
    """Store-to-load forwarding in straight-line code: a load of the same width from M
    after `mov %r, M` (or `mov $imm, M`) reads %r (or takes $imm, plain moves only)
    instead, while nothing between has written %r, M's address registers, or memory
    that may overlap M; a load into the register it would read is dropped (a 4-byte one
    becomes `movl %eax, %eax`, which clears the upper half as the load did). Stores are
    all kept (stack slots stay the truth for liveness and the collector). Any other
    instruction, and every label, forgets everything: do NOT forward across a label
    (another path may reach it) or across an instruction this pass does not model."""
    out: list[Line] = []
    # mem -> (width letter, src, regs, width in bytes, %rbp offset or None)
    facts: dict[str, tuple[str, str, frozenset[str], int, int | None]] = {}
    for ln in lines:
        text = ln.text
        if ln.pos is None:
            out.append(ln)
            facts.clear()
            continue
        kind = _classify(text)
        if kind is not None and kind[0] == "s":
            _, w, src, mem, nb, off, regs = kind
            if facts:  # only distinct %rbp ranges are disjoint
                if off is None:
                    facts = {}
                else:
                    facts = {k: f for k, f in facts.items()
                             if f[4] is not None and not (f[4] < off + nb and off < f[4] + f[3])}
            facts[mem] = (w, src, regs, nb, off)
            out.append(ln)
            continue
        if kind is None or not facts:
            if text == "testb\t%al, %al" and out and out[-1].text == "movzbq\t%al, %rax" \
                    and out[-1].pos is not None:
                out[-1] = ln
            else:
                out.append(ln)
            facts.clear()
            continue
        _, op, mem, dst, fam = kind
        fact = facts.get(mem)
        if fact is not None and op in _FORWARD[fact[0]] and \
                not (fact[1].startswith("$") and (op != f"mov{fact[0]}" or _isxmm(dst))):
            # do NOT drop `movl M, %eax` after `movl %eax, M`: the load clears bits 32-63
            # of %rax, which the register may still hold (`notq %rax` before the store)
            if op == f"mov{fact[0]}" and fact[1] == dst and op != "movl":
                continue
            ln = Line(f"{op}\t{fact[1]}, {dst}", ln.pos)
        out.append(ln)
        facts = {k: f for k, f in facts.items() if fam not in f[2]}
    return out


_CLASSIFIED: dict[str, tuple[Any, ...] | None] = {}
"""_classify's memo (a dict, not functools.lru_cache: compiled code calls a cache
object through the interpreter's generic call)."""
_UNSEEN: tuple[Any, ...] = ("unseen",)
MAX_CLASSIFIED = 1 << 16


def _classify(text: str) -> tuple[Any, ...] | None:
    """What forward_stores needs of one instruction's text (memoized: functions repeat
    their moves): a store ("s", width letter, src, mem, width, %rbp offset or None,
    the registers it depends on), a load ("l", op, mem, dst, dst's family), or None."""
    if not text.startswith("mov"):
        return None
    hit = _CLASSIFIED.get(text, _UNSEEN)
    if hit is not _UNSEEN:
        return hit
    if len(_CLASSIFIED) >= MAX_CLASSIFIED:
        _CLASSIFIED.clear()
    kind = _CLASSIFIED[text] = _classify_mov(text)
    return kind


def _classify_mov(text: str) -> tuple[Any, ...] | None:
    """_classify of a text starting with "mov", unmemoized."""
    st = _STORE.match(text)
    if st is not None:
        w, src, mem = st.group(1), st.group(2), st.group(3)
        m = _RBP.match(mem)
        return ("s", w, src, mem, _WIDTH[w], int(m.group(1)) if m else None,
                _families(src, mem))
    ld = _LOAD.match(text)
    if ld is not None:
        return ("l", ld.group(1), ld.group(2), ld.group(3), _family(ld.group(3)))
    return None


def gen_func(f: ir.Func, alloc: FuncAlloc = NONE) -> list[Line]:
    """The lines of one function body (prologue included)."""
    return FuncGen(alloc.body or f, alloc).gen()


def _data(d: ir.Data) -> list[str]:
    if d.bss:
        return ["\t.bss", f"\t.balign\t{d.align}", f"\t.globl\t{quote(d.sym)}",
                f"{quote(d.sym)}:", f"\t.zero\t{d.bss}"]
    out = [f"\t.section\t{'.rodata' if d.readonly else '.data'}", f"\t.balign\t{d.align}",
           f"\t.globl\t{quote(d.sym)}", f"{quote(d.sym)}:"]
    relocs = {r.off: r.sym for r in d.relocs}
    weak = {r.off: r.weak for r in d.relocs if r.weak}
    out.extend(f"\t# {quote(m)}" for m in d.marks)
    i = 0
    raw: list[str] = []

    def flush() -> None:
        if raw:
            out.append("\t.byte\t" + ",".join(raw))
            raw.clear()

    n = max(len(d.data), max((r.off + 8 for r in d.relocs), default=0))
    data = d.data + bytes(n - len(d.data))
    while i < n:
        if i in relocs:
            flush()
            line = f"\t.quad\t{quote(relocs[i])}"
            if i in weak:
                line += "\t# weak " + " ".join(quote(c) for c in weak[i])
            out.append(line)
            i += 8
            continue
        raw.append(str(data[i]))
        if len(raw) == 16:
            flush()
        i += 1
    flush()
    if n == 0:
        out.append("\t.zero\t1")
    return out


FUNC_ALIGN = 32
"""Every function starts at a multiple of this many bytes, as gc's amd64 assembler
places them (cmd/internal/obj/x86's funcAlign): without it a small hot loop's speed
depends on where the functions linked before it happen to end."""


def func_head(name: str) -> list[str]:
    """The directives and label that open function name's text."""
    q = quote(name)
    return [f"\t.p2align\t{FUNC_ALIGN.bit_length() - 1}", f"\t.globl\t{q}",
            f"\t.type\t{q}, @function", f"{q}:"]


_SUBTABLES = (".eq", ".methods", ".fields", ".params")


def typelinks(syms: Iterable[str]) -> list[str]:
    """`runtime.typelinks`, for reflect's ArrayOf, SliceOf and MapOf to find the
    program's own descriptor of the type they are asked for (gc's typelinks): the count,
    then the descriptors of the unnamed array, slice and map types among the linked data
    symbols syms (`type.[`, `type.map[`; their tables `type.T.eq`, ... left out)."""
    have = set(syms)
    descs = sorted(s for s in have if s.startswith(("type.[", "type.map["))
                   and not any(s.endswith(x) and s[:-len(x)] in have for x in _SUBTABLES))
    out = ["\t.section\t.rodata", "\t.balign\t8", '\t.globl\t"runtime.typelinks"',
           '"runtime.typelinks":', f"\t.quad\t{len(descs)}"]
    out.extend(f"\t.quad\t{quote(s)}" for s in descs)
    return out


def func_code(f: ir.Func, alloc: FuncAlloc = NONE, fl: FuncLive | None = None,
              listing: bool = False) -> tuple[FuncCode, str]:
    """f's code under the register decisions alloc, with the stack maps of its
    liveness fl (none without), and with listing its -S lines (`listing`'s, joined;
    "" without). Raises FrameTooLarge."""
    fg = FuncGen(alloc.body or f, alloc)
    lines = fg.gen()
    text = "\n".join([*func_head(f.name), *(
        ln.text if ln.pos is None else "\t" + ln.text for ln in lines)])
    maps = tuple(_func_maps(fg, fl)) if fl is not None else ()
    objs = _objects_table(fg, fl) if fl is not None else ()
    code = FuncCode(f.name, text,
                    tuple(call_site(lab, f.name, pos) for lab, pos, _ in fg.calls),
                    maps, f.pos.file, f.pos.line, frozenset(fg.fconsts), has_params(f),
                    tuple(call_site(lab, f.name, pos) for lab, pos in fg.faults),
                    objs, f.wrapper)
    return code, "\n".join(_func_listing(f, fg, lines)) if listing else ""


def emit_program(prog: ir.Program, live: LivenessResult | None = None,
                 regs: dict[str, FuncAlloc] | None = None,
                 listings: list[str] | None = None) -> str:
    """The GNU as text of the whole program (program_text), its functions' code
    generated here under regs with live's stack maps (none without live); with
    listings, each function's -S lines appended to it (`listing`'s, from the same
    generated code: do NOT generate a function twice for -S)."""
    codes = []
    check = FrameCheck()
    bylive = live.by_name() if live is not None else {}
    for f in prog.funcs:
        try:
            code, lst = func_code(f, (regs or {}).get(f.name, NONE), bylive.get(f.name),
                                  listings is not None)
            codes.append(code)
            if listings is not None:
                listings.append(lst)
        except FrameTooLarge as e:
            check.errors.extend(e.errors)
    check.done()
    return program_text(prog, codes, live is not None)


def program_text(prog: ir.Program, codes: Sequence[FuncCode], stackmaps: bool) -> str:
    """The GNU as text of the whole program: codes (prog's functions' code, in order),
    prog's data, `runtime.pctab`, the sorted table of call return addresses {pc,
    function name, file, line} the runtime uses for tracebacks and testing's
    callerFrame, `runtime.functab` {entry, name, file, line of the declaration} of
    every function in text order (runtime.FuncForPC), and (with stackmaps)
    `runtime.stackmaps`, the sorted table of call return addresses and their stack
    maps."""
    out = ["\t.text", '\t.globl\t"runtime.gotext.start"', '"runtime.gotext.start":']
    out.extend(c.text for c in codes)
    out += ['\t.globl\t"runtime.gotext.end"', '"runtime.gotext.end":']
    for i, sym in enumerate(prog.externs):
        out.extend(_weak_hook(sym, i))
    for d in prog.data:
        out.extend(_data(d))
    if any(c.name.startswith("reflect.") for c in codes):
        out.extend(typelinks(d.sym for d in prog.data))
    out.extend(_pctab([s for c in codes for s in c.calls],
                      [(c.name, c.file, c.line, func_flags(c.params, c.wrapper))
                       for c in codes],
                      [s for c in codes for s in c.faults]))
    out.extend(_fconst_data({x for c in codes for x in c.fconsts}))
    if stackmaps:
        out.extend(_stackmaps([m for c in codes for m in c.maps],
                              [(objects_label(c.name), c.objects) for c in codes
                               if c.objects]))
    out.append('\t.section\t.note.GNU-stack,"",@progbits')
    return "\n".join(out) + "\n"


def _weak_hook(sym: str, i: int) -> list[str]:
    """A weak fallback for a runtime-implemented function: the runtime's definition wins;
    without one, calling it is a clear fatal error (runtime.missinghook), not a link
    failure."""
    esc = sym.replace("\\", "\\\\").replace('"', '\\"')
    return ["\t.text", f"\t.weak\t{quote(sym)}", f"\t.type\t{quote(sym)}, @function",
            f"{quote(sym)}:", "\tpushq\t%rbp", "\tmovq\t%rsp, %rbp",
            f"\tleaq\t.Lhookname.{i}(%rip), %rdi", '\tcall\t"runtime.missinghook"',
            "\t.section\t.rodata", f'.Lhookname.{i}:\n\t.asciz\t"{esc}"']


def _func_maps(fg: FuncGen, fl: FuncLive) -> list[tuple[str, tuple[int, ...], str]]:
    """Each call's return label with its stack map: the outgoing argument bytes, then
    (offset, count, stride) runs of the %rbp-relative offsets of the live pointer words
    and of the saved callee-saved registers, then the open-coded defers; and the label
    of the function's stack-object table ("0": none). fg.calls is in text order, each
    with its IR call's ordinal, fl.calls in IR order; do NOT emit a `call` outside an
    IR call instruction."""
    if len(fg.calls) != len(fl.calls):
        raise ValueError(f"stack maps: {fg.f.name} has {len(fg.calls)} calls, "
                         f"liveness saw {len(fl.calls)}")
    # The callee-saved registers this frame saved may hold a caller's pointers (the C
    # runtime keeps them there across calls into Go): the collector scans those words
    # too. Do NOT drop them: a pointer only there would be freed under the caller.
    saved = [(-8 * (k + 1), 1, 8) for k in range(len(fg.alloc.saved))]
    inregs = {s for s, _ in fg.alloc.regs}
    od = _open_desc(fg)
    objs = objects_label(fg.f.name) if _objects_table(fg, fl) else "0"
    out = []
    for lab, _, n in fg.calls:
        c = fl.calls[n]
        runs = list(saved)
        for s, o, cnt, st in c.runs:
            if s not in inregs:
                runs.append((fg.where[s] + o, cnt, st))
                continue
            runs.extend((fg.where[s] + o + k * st, 1, 8) for k in range(cnt)
                        if (s, o + k * st) not in fg.alloc.regs)
        merged = _merge_runs(runs)
        out.append((lab, (c.outargs, len(merged), *(x for r in merged for x in r), *od),
                    objs))
    if od != (0,):
        out.insert(0, (open_label(fg.f.name), _resume_map(fg, out, saved, od), objs))
    return out


def _resume_map(fg: FuncGen, maps: list[tuple[str, tuple[int, ...], str]],
                saved: list[tuple[int, int, int]], od: tuple[int, ...]) -> tuple[int, ...]:
    """The map a frame with open-coded defers is scanned with when a fault stops it (no
    call's map holds there; gc scans such a frame at its deferreturn): the words live at
    every call (the defers' closures), the closure slots and the results' pointer
    words, which a recovered panic returns. Its outgoing
    argument count is -1, which marks the row (runtime.stackmap_scan_open); it is the
    function's first row, so runtime.stackmap_opendefers finds the defers even in a
    function that makes no call (`*p = 0; for {}`)."""
    common: set[int] | None = None
    for _, m, _ in maps:
        words = {m[2 + 3 * k] + j * m[4 + 3 * k]
                 for k in range(m[1]) for j in range(m[3 + 3 * k])}
        common = words if common is None else common & words
    keep = set(common or ()) - {o for o, _, _ in saved}
    od_slots = od[2:]
    keep.update(od_slots)
    for sl in fg.f.slots:
        if sl.kind is ir.SlotKind.RESULT and sl.name in fg.where:
            keep.update(fg.where[sl.name] + w for w in sl.ptrs
                        if (sl.name, w) not in fg.alloc.regs)
    merged = _merge_runs(list(saved) + [(w, 1, 8) for w in sorted(keep)])
    return (-1, len(merged), *(x for r in merged for x in r), *od)


def objects_label(name: str) -> str:
    """The label of a function's stack-object table."""
    return f".Lstkobj{quote_free(name)}"


def _objects_table(fg: FuncGen, fl: FuncLive) -> tuple[int, ...]:
    """fg's stack-object table (runtime.stackmap_objects): the number of its stack
    objects, then each one's %rbp-relative offset, size, number of runs and (offset,
    count, stride) runs of its pointer words; () when it has none."""
    out: list[int] = []
    n = 0
    for name, size, runs in fl.objects:
        if name not in fg.where:
            continue
        n += 1
        base = fg.where[name]
        out += (base, size, len(runs))
        for _, o, cnt, st in runs:
            out += (base + o, cnt, st)
    return (n, *out) if n else ()


def open_label(name: str) -> str:
    """The label after the prologue of a function with open-coded defers."""
    return f".Lopen{quote_free(name)}"


def _open_desc(fg: FuncGen) -> tuple[int, ...]:
    """The open-coded defers' words of fg's stack maps: their number (0: none), then the
    %rbp-relative offsets of deferBits and of each closure slot (runtime.c, gopanic)."""
    od = fg.f.open_defers
    if od is None:
        return (0,)
    return (len(od.slots), fg.where[od.bits], *(fg.where[s] for s in od.slots))


def _merge_runs(runs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """runs sorted, with each run that continues the previous one's progression joined
    to it (p at 16 and q at 24: one run {16, 2, 8})."""
    out: list[tuple[int, int, int]] = []
    for o2, c2, s2 in sorted(runs):
        if out:
            o, c, s = out[-1]
            gap = o2 - (o + (c - 1) * s)
            if gap > 0 and (c == 1 or s == gap) and (c2 == 1 or s2 == gap):
                out[-1] = (o, c + c2, gap)
                continue
        out.append((o2, c2, s2))
    return out


def _stackmaps(maps: list[tuple[str, tuple[int, ...], str]],
               tables: list[tuple[str, tuple[int, ...]]]) -> list[str]:
    """`runtime.stackmaps`: {return pc, map} pairs in text order (so sorted by pc), and
    `runtime.nstackmaps`; a map is {outargs, n, (off, count, stride)[n], nopen,
    deferBits offset, slot offsets[nopen], objects} quads (nopen 0: no open-coded
    defers, and no deferBits or slots follow; objects: the address of the function's
    stack-object table, 0 if none), shared when equal; then the tables (`_objects_table`)."""
    shared: dict[tuple[tuple[int, ...], str], str] = {}
    rows = []
    for lab, m, objs in maps:
        if (m, objs) not in shared:
            shared[m, objs] = f".Lsm.{len(shared)}"
        rows.append(f"\t.quad\t{lab}, {shared[m, objs]}")
    out = ["\t.section\t.rodata", "\t.balign\t8", '\t.globl\t"runtime.stackmaps"',
           '"runtime.stackmaps":', *rows, '\t.globl\t"runtime.nstackmaps"',
           '"runtime.nstackmaps":', f"\t.quad\t{len(rows)}"]
    for (m, objs), label in shared.items():
        words = ", ".join(str(x) for x in (*m, objs))
        out.append(f"{label}:\n\t.quad\t{words}")
    for label, t in tables:
        out.append(f"{label}:\n\t.quad\t{', '.join(str(x) for x in t)}")
    return out


def call_site(lab: str, fn: str, pos: Pos) -> Site:
    """The Site of the call (or fault site) at pos in function fn's code, at label lab;
    files and lines as the program reports them (diag.source_line: `//line` applied)."""
    chain = []
    p = pos
    while p.inl is not None:
        chain.append((p.inl.fn, p.inl.call))
        p = p.inl.call
    outer = fn
    frames = []
    for inner, call in reversed(chain):
        frames.append((outer, *source_line(call)))
        outer = inner
    return (lab, outer, *source_line(pos), tuple(frames))


def has_params(f: ir.Func) -> bool:
    """Whether f takes parameters (a receiver counts; results do not): gc's tracebacks
    print `f()` for a function without."""
    return any(s.kind is ir.SlotKind.PARAM for s in f.slots)


FUNC_PARAMS, FUNC_WRAPPER = 1, 2
"""runtime.functab's flag bits (introspect.c): the function takes parameters (gc's
tracebacks print `f()` for one without); gc marks it a wrapper (ir.Func.wrapper)."""


def func_flags(params: bool, wrapper: bool) -> int:
    """The functab flags word of a function."""
    return (FUNC_PARAMS if params else 0) | (FUNC_WRAPPER if wrapper else 0)


def _pctab(calls: list[Site], funcs: list[tuple[str, str, int, int]],
           faults: list[Site]) -> list[str]:
    """`runtime.pctab`: {return pc, function, file, line, inline parent} per call, in
    text order. A call inside an inlined body names the inlined function at its own
    line, and its parent entry (a label in `.Lpcinl.N` records of the same layout, pc 0)
    names the caller at the inlined call's line, and so on outwards. `runtime.functab`:
    {entry, function, file, declaration line, flags (FUNC_PARAMS, FUNC_WRAPPER)} per
    function, in text order. `runtime.pcfault`: {pc, record} per fault site
    (pcfault.py), in text order, the record one of those of pc 0."""
    strs: dict[str, str] = {}
    inl: dict[tuple[str, str, int, str], str] = {}
    recs: list[str] = []

    def lit(s: str) -> str:
        if s not in strs:
            strs[s] = f".Lpcstr.{len(strs)}"
        return strs[s]

    def path(file: str) -> str:
        return file if file.startswith("/") else os.path.abspath(file)

    def record(outer: str, file: str, line: int, parent: str) -> str:
        key = (outer, file, line, parent)
        if key not in inl:
            inl[key] = f".Lpcinl.{len(inl)}"
            recs.append(f"{inl[key]}:\n\t.quad\t0, {lit(outer)}, {lit(file)}, {line}, "
                        f"{parent}")
        return inl[key]

    def parent_of(frames: tuple[tuple[str, str, int], ...]) -> str:
        parent = "0"
        for outer, cfile, cline in frames:
            parent = record(outer, cfile, cline, parent)
        return parent

    rows = []
    for lab, name, file, line, frames in calls:
        rows.append(f"\t.quad\t{lab}, {lit(name)}, {lit(file)}, {line}, {parent_of(frames)}")
    frecs = [f"\t.quad\t{lab}, {record(name, file, line, parent_of(frames))}"
             for lab, name, file, line, frames in faults]
    out = ["\t.section\t.rodata", "\t.balign\t8", '\t.globl\t"runtime.pctab"',
           '"runtime.pctab":', *rows, '\t.globl\t"runtime.npctab"', '"runtime.npctab":',
           f"\t.quad\t{len(rows)}", '\t.globl\t"runtime.pcfault"', '"runtime.pcfault":',
           *frecs, '\t.globl\t"runtime.npcfault"', '"runtime.npcfault":',
           f"\t.quad\t{len(frecs)}", *recs]
    frows = [f"\t.quad\t{quote(fn)}, {lit(fn)}, {lit(path(file))}, {line}, {flags}"
             for fn, file, line, flags in funcs]
    out += ['\t.globl\t"runtime.functab"', '"runtime.functab":', *frows,
            '\t.globl\t"runtime.nfunctab"', '"runtime.nfunctab":', f"\t.quad\t{len(frows)}"]
    for s, label in strs.items():
        esc = s.replace("\\", "\\\\").replace('"', '\\"')
        out.append(f'{label}:\n\t.asciz\t"{esc}"')
    return out


def listing(prog: ir.Program, regs: dict[str, FuncAlloc] | None = None) -> str:
    """The -S listing: `main.f STEXT size=N args=0xA locals=0xL`, then one line per
    instruction `\t00007 (file.go:12)\tmovq\t$1, %rax` (the harness's asmcheck format)."""
    out: list[str] = []
    check = FrameCheck()
    for f in prog.funcs:
        alloc = (regs or {}).get(f.name, NONE)
        fg = FuncGen(alloc.body or f, alloc)
        lines = check.gen(fg)
        if lines is None:
            continue
        out.extend(_func_listing(f, fg, lines))
    check.done()
    return "\n".join(out) + "\n" if out else ""


def _func_listing(f: ir.Func, fg: FuncGen, lines: list[Line]) -> list[str]:
    """One function's lines of the -S listing (fg generated lines of f's code)."""
    insts = [ln for ln in lines if ln.pos is not None]
    out = [f"{f.name} STEXT size={len(insts)} args={f.argsize:#x} locals={fg.frame:#x}"]
    for n, ln in enumerate(insts):
        assert ln.pos is not None
        base = ln.pos.file.rsplit("/", 1)[-1]
        out.append(f"\t{n:05d} ({base}:{ln.pos.line})\t{ln.text}")
    return out
