"""liveness: which stack words may hold live pointers at each call, over the lowered IR.

A backward dataflow per function: the unit is an 8-byte word of a stack slot, a program
point is a call (Go-ABI `Call`, C `CCall`, `DeferProc`, `DeferReturn`), and a word is
live at a call when some path from the call reads it before overwriting it. The result
drives two things:

  - the stack maps amd64 emits (`runtime.stackmaps`), from which the collector scans
    each Go frame precisely (compiler/runtime/stackmap.c);
  - `-live` reports in gc's words: `live at entry to F: ...`, `live at call to G: ...`,
    `live at indirect call: ...` (named by compiler/livenames.py, which runs gc's
    coarser model of variables over the same IR), `stack object NAME TYPE`.

A word that is only ever written constants, symbol addresses (an interface's type word
being built: `mov $type.int(SB)`) or zeroes cannot reach the heap; it is left out of the
maps and the reports.

Address-taken slots (the source of a `LoadAddr`, and those walk declares so: the copy
of `p` in `syscall.Syscall(..., uintptr(p), ...)`, gc's KeepAlive) are gc's stack
objects. In the stack maps they are tracked as gc's liveness tracks them: taking the
address reads the whole slot and a direct write kills what it covers, so a slot is in
a call's map while the frame itself will still read it; every map of the function
also points to the table of its stack objects (FuncLive.objects), which the collector
scans whole when it finds a pointer into one in a scanned word
(compiler/runtime/stackobj.c), as gc's runtime does. So in

    var s struct{ h *T }; s.h = new(T); g(&s); gc()

s is in no map after g returns and nothing points to it: s.h can be collected during
gc(). `-live` reports each as `stack object NAME TYPE` at its first mention.

Size-only temporaries (`Slot.type is None`) may hold raw pointers in any word (walk
uses them for element and map-entry addresses), so the stack maps list every live word
of them; `-live` names only typed pointer words. The collector validates every word it
marks, so listing a non-pointer word is safe; omitting a pointer word is not.

A function that defers can resume at its exit block after a recovered panic from any
call, so in such a function the exit block's live-in is live at every call; the slots
of open-coded defers (ir.OpenDefers) are live at every call, as gc's are.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from compiler import ir
from compiler.diag import Diagnostics, Pos
from compiler.livenames import display_name, open_slots, report_names, writes
from compiler.types import ptrwords
from compiler.types.typ import (
    m_string,
)

Word = tuple[str, int]
Run = tuple[str, int, int, int]
"""(slot, byte offset, count, stride): count words stride bytes apart."""


@dataclass(frozen=True, slots=True)
class Options:
    """`report` is gc's -live flag: emit the reports as warnings, for the functions
    whose source is one of `files` (the files compiled; library packages are not)."""

    report: bool = False
    files: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CallLive:
    """One call site. `runs` are the words the collector must scan while the call is in
    progress, as (slot, byte offset, count, stride) runs, so a live [1<<20]*T is one
    run; `names` the gc-style names reported by -live (empty for calls that are not
    reported); `outargs` the bytes of the Go-ABI outgoing argument area (0 for C
    calls)."""

    pos: Pos
    callee: str
    runs: tuple[Run, ...]
    names: tuple[str, ...]
    outargs: int

    @property
    def words(self) -> tuple[Word, ...]:
        """The runs' (slot, byte offset) words one by one (do NOT use on a path whose
        cost must not grow with array lengths)."""
        return tuple((s, o + k * st) for s, o, n, st in self.runs for k in range(n))

    def words_of(self, slots: Container[str]) -> Iterator[Word]:
        """The words of the runs of the given slots, one by one."""
        for s, o, n, st in self.runs:
            if s in slots:
                for k in range(n):
                    yield s, o + k * st

    def __init__(
            self, pos: Pos, callee: str, runs: tuple[Run, ...], names: tuple[str, ...],
            outargs: int) -> None:
        self.pos = pos  # type: ignore[misc]
        self.callee = callee  # type: ignore[misc]
        self.runs = runs  # type: ignore[misc]
        self.names = names  # type: ignore[misc]
        self.outargs = outargs  # type: ignore[misc]


ir.frozen_init(CallLive)


@dataclass(frozen=True, slots=True)
class FuncLive:
    """One function: the names live at entry, one CallLive per call instruction in
    block and instruction order (the order amd64 emits `call`s in), the address-taken
    slots as (pos, name, type) triples for -live, and its stack objects for the
    collector as (slot, size, runs of its pointer words)."""

    name: str
    pos: Pos
    entry: tuple[str, ...]
    calls: tuple[CallLive, ...]
    stackobjs: tuple[tuple[Pos, str, str], ...]
    objects: tuple[tuple[str, int, tuple[Run, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class LivenessResult:
    """Per function name, its liveness."""

    funcs: tuple[FuncLive, ...]

    def by_name(self) -> dict[str, FuncLive]:
        """The functions' liveness by function name."""
        return {f.name: f for f in self.funcs}


# ---------------------------------------------------------------------------------------
# Word naming


def func_pkg(sym: str) -> str:
    """The import path of the package a function symbol belongs to (`main.(*T).M` →
    `main`, `encoding/binary.Read` → `encoding/binary`)."""
    head, _, last = sym.rpartition("/")
    pkg = last.split(".", 1)[0]
    return f"{head}/{pkg}" if head else pkg


def callee_name(sym: str) -> str:
    """gc's callee spelling: the symbol without its package (`runtime.convT` →
    `convT`, `main.(*T).M` → `(*T).M`, `strings.ToUpper` → `ToUpper`)."""
    last = sym.rsplit("/", 1)[-1]
    return last.split(".", 1)[1] if "." in last else last


_INIT = re.compile(r"\.init(\.\d+)?$")


def reported(f: ir.Func) -> bool:
    """Whether -live reports on f: not for init functions or generated wrappers."""
    return not f.generated and _INIT.search(f.name) is None


# ---------------------------------------------------------------------------------------
# The word universe of one function


@dataclass(slots=True)
class Frame:
    """The words of one function's slots that may hold pointers, as bit indices; `addr`
    is the mask of the address-taken slots' words (always live), `kept` that of the
    slots declared address-taken (Slot.addrtaken: gc's call.KeepAlive temporaries),
    which `-live` also names where their own reads make them live, as gc does.

    Only words that can matter are indexed: the pointer words of typed slots and every
    word of a size-only temporary. A slot's words get consecutive indices from its
    `base`, with their offsets in `offs` (a sorted sequence: the slot's `ptrs`, or a
    range), so the mask of a byte range is found by bisection and built with one shift:
    do NOT enumerate a range word by word, which makes a [1<<28]byte cost 1<<25 steps."""

    slots: dict[str, ir.Slot]
    base: dict[str, int]
    offs: dict[str, Sequence[int]]
    starts: list[int]
    names: list[str]
    nwords: int = 0
    addr: int = 0
    kept: int = 0
    static: int = 0
    sticky: int = 0
    taken: frozenset[str] = frozenset()
    ix: dict[str, tuple[int, Sequence[int], int]] = dataclasses.field(default_factory=dict)
    """The slots with indexed words: (base, offs, slot size). The masks below ask it
    first, so an operand in a slot without pointer words costs one lookup."""

    @staticmethod
    def of(f: ir.Func) -> Frame:
        """The frame of f, with address-taken slots found from LoadAddr sources."""
        fr = Frame({s.name: s for s in f.slots}, {}, {}, [], [])
        for s in f.slots:
            offs: Sequence[int] = s.ptrs if s.type is not None else range(0, s.size, 8)
            fr.base[s.name] = fr.nwords
            fr.offs[s.name] = offs
            if offs:
                fr.starts.append(fr.nwords)
                fr.names.append(s.name)
                fr.ix[s.name] = (fr.nwords, offs, s.size)
            fr.nwords += len(offs)
        taken = {s.name for s in f.slots if s.addrtaken}
        for name in taken:
            fr.kept |= fr.span(ir.Local(name), fr.slots[name].size)
        for b in f.blocks:
            for i in b.instrs:
                if isinstance(i, ir.LoadAddr) and isinstance(i.src, ir.Local):
                    taken.add(i.src.slot)
        for name in taken:
            fr.addr |= fr.span(ir.Local(name), fr.slots[name].size)
        fr.taken = frozenset(taken)
        fr.sticky = fr.addr & ~fr.kept
        dynamic = fr.addr
        for s in f.slots:
            if s.kind is ir.SlotKind.PARAM:
                dynamic |= fr.span(ir.Local(s.name), s.size)
        if fr.ix:
            for b in f.blocks:
                for i in b.instrs:
                    h = _DYNAMIC.get(type(i))
                    if h is not None:
                        dynamic |= h(fr, i)
        fr.static = (1 << fr.nwords) - 1 & ~dynamic
        return fr

    def dynamic_writes(self, i: ir.Instr) -> int:
        """The words i may write a heap address to: every word it writes, except
        constants and symbol addresses (`mov $type.int(SB)`) and zeroing."""
        h = _DYNAMIC.get(type(i))
        return h(self, i) if h is not None else 0

    def _mask(self, slot: str, lo: int, hi: int) -> int:
        """The mask of slot's indexed words whose offsets lie in [lo, hi]."""
        offs = self.offs[slot]
        a, b = bisect_left(offs, lo), bisect_right(offs, hi)
        return ((1 << (b - a)) - 1) << (self.base[slot] + a) if b > a else 0

    def span(self, m: ir.Operand, size: int) -> int:
        """The mask of the words that size bytes at m overlap (0 unless a stack slot)."""
        if type(m) is not ir.Local or size <= 0:
            return 0
        e = self.ix.get(m.slot)
        if e is None:
            return 0
        base, offs, _ = e
        off = m.off
        a, b = bisect_left(offs, (off // 8) * 8), bisect_right(offs, off + size - 1)
        return ((1 << (b - a)) - 1) << (base + a) if b > a else 0

    def full(self, m: ir.Mem, size: int) -> int:
        """The mask of the words that size bytes at m overwrite completely (a word ends
        at 8 bytes or at the end of its slot), but never the `sticky` ones (the
        reports' model: an address-taken slot not declared so is never dead)."""
        if type(m) is not ir.Local or size <= 0:
            return 0
        e = self.ix.get(m.slot)
        if e is None:
            return 0
        base, offs, ssize = e
        off = m.off
        end = min(off + size, ssize)
        last = end - 1 if end == ssize else end - 8
        a, b = bisect_left(offs, (off + 7) // 8 * 8), bisect_right(offs, last)
        return ((1 << (b - a)) - 1) << (base + a) & ~self.sticky if b > a else 0

    def whole(self, m: ir.Operand) -> int:
        """The mask of the words of the slot m is in (0 unless a stack slot)."""
        if not isinstance(m, ir.Local) or m.slot not in self.slots:
            return 0
        return self.span(ir.Local(m.slot), self.slots[m.slot].size)

    def bits(self, mask: int) -> Iterator[Word]:
        """The words of mask, in index order."""
        text = bin(mask)[:1:-1]
        k = text.find("1")
        while k >= 0:
            i = bisect_right(self.starts, k) - 1
            name = self.names[i]
            yield name, self.offs[name][k - self.starts[i]]
            k = text.find("1", k + 1)


def _dyn_mov(fr: Frame, i: ir.Mov) -> int:
    if type(i.src) is ir.Imm or type(i.src) is ir.SymAddr:
        return 0
    return fr.span(i.dst, i.width)


def _dyn_call(fr: Frame, i: ir.Call) -> int:
    mask = 0
    for r in i.results:
        mask |= fr.span(r.mem, r.size)
    return mask


def _dyn_ccall(fr: Frame, i: ir.CCall) -> int:
    mask = 0
    for m in i.results:
        mask |= fr.span(m, 8)
    return mask


_DYNAMIC: dict[type, Callable[[Frame, Any], int]] = {
    ir.Mov: _dyn_mov,
    ir.Copy: lambda fr, i: fr.span(i.dst, i.size),
    ir.Load: lambda fr, i: fr.span(i.dst, i.size),
    ir.LoadAddr: lambda fr, i: fr.span(i.dst, 8),
    ir.ClosurePtr: lambda fr, i: fr.span(i.dst, 8),
    ir.BinOp: lambda fr, i: fr.span(i.dst, i.width),
    ir.UnOp: lambda fr, i: fr.span(i.dst, i.width),
    ir.FBinOp: lambda fr, i: fr.span(i.dst, i.width),
    ir.Ext: lambda fr, i: fr.span(i.dst, i.dwidth),
    ir.FConv: lambda fr, i: fr.span(i.dst, i.dwidth),
    ir.Call: _dyn_call,
    ir.CCall: _dyn_ccall,
}
"""Frame.dynamic_writes, one handler per instruction class (absent: writes none)."""


def use_def(fr: Frame, i: ir.Instr, taking: bool = False) -> tuple[int, int]:
    """The words instruction i reads, and the words it overwrites completely; with
    taking, taking a slot's address reads all of it (gc's SymAddr effect: a later
    holder of the address sees every value written so far)."""
    h = _USE_DEF.get(type(i))
    if h is None:
        raise TypeError(f"liveness: unknown instruction {i!r}")
    return h(fr, i, taking)


def _ud_load(fr: Frame, i: ir.Load, taking: bool) -> tuple[int, int]:
    x = i.idx
    return fr.span(i.ptr, 8) | (fr.span(x, 8) if x else 0), fr.full(i.dst, i.size)


def _ud_store(fr: Frame, i: ir.Store, taking: bool) -> tuple[int, int]:
    x = i.idx
    return fr.span(i.ptr, 8) | fr.span(i.src, i.size) | (fr.span(x, 8) if x else 0), 0


def _ud_binop(fr: Frame, i: ir.BinOp, taking: bool) -> tuple[int, int]:
    w = i.width
    return (fr.span(i.x, w) | fr.span(i.y, w),
            fr.full(i.dst, 1 if i.op in ir.COMPARES else w))


def _ud_fbinop(fr: Frame, i: ir.FBinOp, taking: bool) -> tuple[int, int]:
    w = i.width
    if i.op in ir.FUNARY:
        return fr.span(i.x, w), fr.full(i.dst, w)
    return (fr.span(i.x, w) | fr.span(i.y, w),
            fr.full(i.dst, 1 if i.op in ir.FCOMPARES else w))


def _ud_call(fr: Frame, i: ir.Call, taking: bool) -> tuple[int, int]:
    t = i.target
    use = 0 if isinstance(t, str) else fr.span(t, 8)
    for a in i.args:
        use |= fr.span(a.mem, a.size)
    kill = 0
    for r in i.results:
        kill |= fr.full(r.mem, r.size)
    return use, kill


def _ud_ccall(fr: Frame, i: ir.CCall, taking: bool) -> tuple[int, int]:
    use = 0
    for x in i.args:
        use |= fr.span(x, 8)
    kill = 0
    for m in i.results:
        kill |= fr.full(m, 8)
    return use, kill


_USE_DEF: dict[type, Callable[[Frame, Any, bool], tuple[int, int]]] = {
    ir.Mov: lambda fr, i, t: (fr.span(i.src, i.width), fr.full(i.dst, i.width)),
    ir.Copy: lambda fr, i, t: (fr.span(i.src, i.size), fr.full(i.dst, i.size)),
    ir.Zero: lambda fr, i, t: (0, fr.full(i.dst, i.size)),
    ir.LoadAddr: lambda fr, i, t: (fr.whole(i.src) if t else 0, fr.full(i.dst, 8)),
    ir.Load: _ud_load,
    ir.Store: _ud_store,
    ir.StoreZero: lambda fr, i, t: (fr.span(i.ptr, 8), 0),
    ir.BinOp: _ud_binop,
    ir.UnOp: lambda fr, i, t: (fr.span(i.x, i.width), fr.full(i.dst, i.width)),
    ir.Ext: lambda fr, i, t: (fr.span(i.src, i.swidth), fr.full(i.dst, i.dwidth)),
    ir.FBinOp: _ud_fbinop,
    ir.FConv: lambda fr, i, t: (fr.span(i.src, i.swidth), fr.full(i.dst, i.dwidth)),
    ir.Call: _ud_call,
    ir.CCall: _ud_ccall,
    ir.ClosurePtr: lambda fr, i, t: (0, fr.full(i.dst, 8)),
    ir.DeferProc: lambda fr, i, t: (fr.span(i.clo, 8), 0),
    ir.NilCheck: lambda fr, i, t: (fr.span(i.ptr, 8), 0),
    ir.DeferReturn: lambda fr, i, t: (0, 0),
    ir.OpenDefers: lambda fr, i, t: (0, 0),
}
"""use_def, one handler per instruction class: a dictionary lookup instead of a match
that tries the classes in turn (liveness asks for every instruction of the program)."""


def term_use(fr: Frame, f: ir.Func, t: ir.Term) -> int:
    """The words a terminator reads: the branch condition; at `ret`, the results."""
    match t:
        case ir.If(cond=c):
            return fr.span(c, 1)
        case ir.Ret():
            mask = 0
            for s in f.slots:
                if s.kind is ir.SlotKind.RESULT:
                    mask |= fr.span(ir.Local(s.name), s.size)
            return mask
    return 0


# ---------------------------------------------------------------------------------------
# The analysis


def live_in(f: ir.Func, fr: Frame) -> tuple[list[int], list[list[int]]]:
    """The fixed point of the stack maps: each block's live-in mask, and for each call
    instruction of each block the mask live across it (live after it, minus what it
    defines). Address-taken words die as others do (see the module docstring)."""
    n = len(f.blocks)
    exits = f.defer_exits
    always = open_slots(f, fr)
    ins = [0] * n
    across: list[list[int]] = [[] for _ in range(n)]
    mf = dataclasses.replace(fr, sticky=0)
    # Per block, backwards, the instructions that touch an indexed word or call: the
    # others leave the mask as it is (most of them, in a function of scalars).
    steps: list[list[tuple[int, int, bool]]] = []
    for b in f.blocks:
        st: list[tuple[int, int, bool]] = []
        for i in reversed(b.instrs):
            call = isinstance(i, ir.CALLS)
            use, kill = use_def(mf, i, True) if fr.ix else (0, 0)
            if use or kill or call:
                st.append((use, kill, call))
        steps.append(st)
    tuse = [term_use(fr, f, b.term) for b in f.blocks]
    succ = [ir.successors(b.term) for b in f.blocks]
    changed = True
    while changed:
        changed = False
        recover = 0
        for e in exits:
            recover |= ins[e]
        for b in reversed(f.blocks):
            live = tuse[b.index]
            for s in succ[b.index]:
                live |= ins[s]
            calls: list[int] = []
            for use, kill, call in steps[b.index]:
                live &= ~kill
                if call:
                    live |= recover | always
                    calls.append(live)
                live |= use
            calls.reverse()
            across[b.index] = calls
            if live != ins[b.index]:
                ins[b.index] = live
                changed = True
    return ins, across



def gc_runs(fr: Frame, mask: int) -> tuple[Run, ...]:
    """The words of mask the collector must scan, as runs: typed pointer words, and
    every whole word of a size-only temporary. Found from stretches of set bits,
    visiting only the slots that hold one (do NOT visit slot by slot or word by word: a
    frame has thousands of slots and a function thousands of calls)."""
    live = mask & ~fr.static
    out: list[Run] = []
    starts = fr.starts
    last = len(starts) - 1
    text = bin(live)[:1:-1]
    k = text.find("1")
    while k >= 0:
        i = bisect_right(starts, k) - 1
        base, name = starts[i], fr.names[i]
        offs = fr.offs[name]
        end = base + len(offs)
        slot = fr.slots[name]
        untyped = slot.type is None
        a = k
        while 0 <= a < end:
            b = text.find("0", a, end)
            b = min(end, len(text)) if b < 0 else b
            for first, n, st in ptrwords.runs(offs, a - base, b - base):
                if untyped and first + (n - 1) * st + 8 > slot.size:
                    n -= 1  # a size-only temporary's last partial word holds no pointer
                if n > 0:
                    out.append((name, first, n, st))
            a = text.find("1", b, end)
        k = text.find("1", starts[i + 1]) if i < last else -1
    return tuple(out)


def objects(fr: Frame) -> tuple[tuple[str, int, tuple[Run, ...]], ...]:
    """The frame's stack objects for the collector: each address-taken slot that may
    hold a pointer, with its size and the runs of its pointer words."""
    out = []
    for name, slot in fr.slots.items():
        if name not in fr.taken:
            continue
        runs = gc_runs(fr, fr.span(ir.Local(name), slot.size))
        if runs:
            out.append((name, slot.size, runs))
    return tuple(out)


def stack_objects(fr: Frame, f: ir.Func) -> tuple[tuple[Pos, str, str], ...]:
    """The address-taken slots holding pointers, each where gc declares it: at its
    first mention, or at the first write to it in the source if that is earlier (a
    temporary a condition's right side reuses, laid out before the left side); one of
    an inlined body at the outermost call it was copied to."""
    taken = {w[0] for w in fr.bits(fr.addr)}
    first: dict[str, Pos] = {}
    wrote: dict[str, Pos] = {}
    for b in f.blocks:
        for i in b.instrs:
            for name in _mentions(i):
                if name in taken and name not in first:
                    first[name] = i.pos
            for m, _ in writes(i):
                if not isinstance(m, ir.Local) or m.slot not in taken:
                    continue
                old = wrote.get(m.slot)
                if old is None or (i.pos.file == old.file
                                   and (i.pos.line, i.pos.col) < (old.line, old.col)):
                    wrote[m.slot] = i.pos
    for name, pos in wrote.items():
        old = first[name]
        if pos.file == old.file == f.pos.file and (pos.line, pos.col) < (old.line, old.col):
            first[name] = pos
    out = []
    for s in f.slots:
        if s.name in taken and s.type is not None and s.ptrs:
            pos = first.get(s.name, f.pos)
            while pos.inl is not None:  # an inlined body's: gc declares it at the call
                pos = pos.inl.call
            out.append((pos, display_name(s.name), m_string(s.type, func_pkg(f.name))))
    return tuple(out)


def _mentions(i: ir.Instr) -> Iterator[str]:
    for name in ir.field_names(type(i)):
        v = getattr(i, name)
        if isinstance(v, ir.Local):
            yield v.slot


def call_info(i: ir.Instr) -> tuple[str, int]:
    """The -live callee spelling of a call instruction ("" = indirect) and its Go-ABI
    outgoing argument bytes."""
    match i:
        case ir.Call(target=str(sym), argsize=n):
            return callee_name(sym), n
        case ir.Call(argsize=n):
            return "", n
        case ir.CCall(sym=sym):
            return callee_name(sym), 0
        case ir.DeferProc(record=None):
            return "deferproc", 0
        case ir.DeferProc():
            return "deferprocStack", 0
    return "deferreturn", 0


def liveness_func(f: ir.Func, report: bool = False) -> FuncLive:
    """The liveness of one function; with report, the -live names too."""
    fr = Frame.of(f)
    ins, across = live_in(f, fr)
    names: list[tuple[str, ...]] = []
    entry: tuple[str, ...] = ()
    if report and f.blocks:
        ud = [[use_def(fr, i) for i in b.instrs] for b in f.blocks]
        tuse = [term_use(fr, f, b.term) for b in f.blocks]
        entry, names = report_names(f, fr, ud, tuse)
    calls: list[CallLive] = []
    for b in f.blocks:
        k = 0
        for i in b.instrs:
            if not isinstance(i, ir.CALLS):
                continue
            mask = across[b.index][k]
            k += 1
            callee, outargs = call_info(i)
            nm = names[len(calls)] if names else ()
            calls.append(CallLive(i.pos, callee, gc_runs(fr, mask), nm, outargs))
    objs = stack_objects(fr, f) if report else ()
    return FuncLive(f.name, f.pos, entry, tuple(calls), objs, objects(fr))


def liveness_program(prog: ir.Program, diags: Diagnostics,
                     opts: Options | None = None) -> LivenessResult:
    """The liveness of every function of prog; with opts.report, the -live reports of
    the functions whose source is one of opts.files."""
    opts = opts or Options()
    files = set(opts.files) if opts.report else set()
    out = []
    for f in prog.funcs:
        want = f.pos.file in files and reported(f)
        fl = liveness_func(f, want)
        if want:
            report(fl, diags)
        out.append(fl)
    return LivenessResult(tuple(out))


def report(fl: FuncLive, diags: Diagnostics) -> None:
    """Add one function's -live reports to diags."""
    if fl.entry:
        diags.warn(fl.pos, f"live at entry to {callee_name(fl.name)}: {' '.join(fl.entry)}")
    for pos, name, typ in fl.stackobjs:
        diags.warn(pos, f"stack object {name} {typ}")
    for c in fl.calls:
        if not c.names:
            continue
        what = f"call to {c.callee}" if c.callee else "indirect call"
        diags.warn(c.pos, f"live at {what}: {' '.join(c.names)}")


def dump(res: LivenessResult) -> str:
    """The stable text form: per function, the entry set, then each call's reported
    names and the words of its stack map."""
    out: list[str] = []
    for fl in res.funcs:
        out.append(f"func {fl.name}\n")
        if fl.entry:
            out.append(f"  entry: {' '.join(fl.entry)}\n")
        for pos, name, typ in fl.stackobjs:
            out.append(f"  {pos.line}: stack object {name} {typ}\n")
        for c in fl.calls:
            words = " ".join(f"{s}+{o}" for s, o in c.words)
            who = c.callee or "indirect"
            out.append(f"  {pos_line(c.pos)} call {who}: {' '.join(c.names)} [{words}]\n")
    return "".join(out)


def pos_line(pos: Pos) -> str:
    return f"{pos.file.rsplit('/', 1)[-1]}:{pos.line}"
