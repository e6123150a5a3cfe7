"""regalloc: which words of which stack slots live in registers instead of the frame.

walk gives every value a stack slot and liveness names the pointer words the collector
must find at each call; this pass keeps the IR and those stack maps as they are and
decides, per function, which slot words amd64 may hold in a register for their whole
life. For

    func sum(n int) int { s := 0; for i := 0; i < n; i++ { s += i }; return s }

the words of `s`, `i` and every temporary get registers, the compare feeding the loop's
`if` becomes `cmpq` + `jl` with no boolean stored, and nothing is left in the frame:

    func main.sum leaf
      s+0 r10
      i+0 r11
      .autotmp_2+0 fused b2
      ...

The unit of allocation is a word: a (slot, byte offset) pair, 8 bytes, or the whole slot
for a 1, 2 or 4-byte slot. A slot is eligible when it is an auto or a parameter (the
prologue loads a parameter's words live at entry) that is never the source of a
`LoadAddr`, at most 32 bytes, and every access to it covers whole units
(word-aligned multiples of 8 bytes, or the whole narrow slot). A float64 slot (8 bytes,
an operand of float arithmetic or conversion, touched only by instructions amd64 can
emit with an XMM operand: `_xmm_safe`) takes one of %xmm2-%xmm15 when its word is dead
at every call; other float slots (float32, complex) stay in memory. A function that
defers is left alone (a recovered panic resumes its exit block from any call).

Registers: r10, r11, r8, r9, rsi and rdi (caller-saved) for words dead at every call;
amd64 uses rdi, rsi, r8 and r9 only to pass C arguments (moved in parallel from the
words' registers) and rsi and rdi for `rep movsb`/`rep stosb` (copies and clears over
64 bytes: `_string_op`), so a word live at such an instruction takes neither of those
two; rbx and r12-r15 (callee-saved; the function saves those it uses) for any word. A word
live across a call that returns may hold a pointer only in the frame: the collector scans
frames by the stack maps, never registers. So a pointer word, and any word a stack map
lists, gets a register only if it is dead at every such call.

A function is a leaf (frameless: no %rbp frame, params at 8+off(%rsp)) when it makes no
call that returns, keeps every auto it touches in caller-saved registers, and needs no callee-saved
register; its blocks that end in a no-return panic call push the frame first so the
traceback chain and the stack maps' %rbp offsets hold there.

Priority allocation over precise live ranges: blocks are numbered in layout order, each
word's ranges are the positions where liveness says it is live (plus its definitions),
and words go heaviest first, each to the first register of its class that no
overlapping word holds, else to the frame. A reference weighs LOOP_WEIGHT ** (loop
depth), so a loop's counters win; a word copied from or to an allocated word tries that
word's register first, and otherwise prefers a register its copy partners can share
(the copy then vanishes). Words whose ranges never meet share a register: in

    x := a + 1; use(x); y := b * 2; use(y)     // x dead before y is born

x and y both get r10. A pure instruction (move, non-trapping arithmetic) whose results
nothing reads is dropped from the body amd64 emits.

This module is long because building live ranges, merging intervals and choosing
registers all work on one function's word table, which would otherwise be passed around.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from compiler import ir
from compiler.ir import accesses
from compiler.liveness import FuncLive, LivenessResult

CALLER_FREE = ("r10", "r11", "r8", "r9", "rsi", "rdi")
STRING_REGS = ("rsi", "rdi")
"""The caller-free registers amd64's string instructions overwrite (`_string_op`)."""
CALLEE_SAVED = ("rbx", "r12", "r13", "r14", "r15")
XMM = tuple(f"xmm{k}" for k in range(2, 16))
"""float64 words dead at every call (amd64 keeps %xmm0 and %xmm1 as scratch; the Go
ABI saves no XMM register across a call)."""
DEAD = ""
"""The register of a unit nothing reads: amd64 drops the copies into it."""
MAX_SLOT = 32

Unit = tuple[str, int]


@dataclass(frozen=True, slots=True)
class FuncAlloc:
    """One function's decisions. `regs`: unit → 64-bit register name (units absent stay
    in the frame). `saved`: the callee-saved registers the prologue saves. `fused`: the
    blocks whose last instruction is a compare feeding only the block's `if` (amd64
    emits cmp + jcc and never writes the boolean). `leaf`: frameless (see the module
    docstring)."""

    name: str
    regs: dict[Unit, str]
    saved: tuple[str, ...]
    fused: frozenset[int]
    leaf: bool
    entry: tuple[Unit, ...] = ()
    """Parameter words in registers that are live at entry: the prologue loads them."""
    body: ir.Func | None = None
    """The function amd64 emits when this pass simplified it (see `simplify`)."""


NONE = FuncAlloc("", {}, (), frozenset(), False)
"""The allocation that changes nothing (-N, or a function this pass leaves alone)."""


@dataclass(frozen=True, slots=True)
class Options:
    enabled: bool = True


def _memory_only(i: ir.Instr) -> Iterator[str]:
    """Slots i needs in memory: address-taken ones."""
    if isinstance(i, ir.LoadAddr) and isinstance(i.src, ir.Local):
        yield i.src.slot


def _float_operands(i: ir.Instr) -> Iterator[tuple[str, int]]:
    """(slot, width) of each float operand of i."""
    match i:
        case ir.FBinOp(dst=d, x=x, y=y, width=w, op=op):
            if isinstance(d, ir.Local) and op not in ir.FCOMPARES:
                yield d.slot, w
            for m in (x, y):
                if isinstance(m, ir.Local):
                    yield m.slot, w
        case ir.FConv(kind=k, dst=d, dwidth=dw, src=s, swidth=sw):
            if isinstance(d, ir.Local) and k in ("i2f", "u2f", "f2f"):
                yield d.slot, dw
            if isinstance(s, ir.Local) and k in ("f2i", "f2u", "f2f"):
                yield s.slot, sw


def _xmm_safe(i: ir.Instr) -> bool:
    """Whether amd64 emits i correctly with its 8-byte operands in XMM registers:
    float arithmetic and conversions, and the moves that go through `movq`. Do NOT
    add an instruction here that uses a word as an integer operand (`addq %xmm2`)."""
    return isinstance(i, (ir.Mov, ir.Copy, ir.Zero, ir.Load, ir.Store, ir.Call,
                          ir.FBinOp, ir.FConv))


def _units(s: ir.Slot, off: int, size: int) -> list[Unit]:
    if s.size < 8:
        return [(s.name, 0)]
    return [(s.name, off + k) for k in range(0, size, 8)]


def _fits(s: ir.Slot, off: int, size: int) -> bool:
    if s.size < 8:
        return off == 0 and size == s.size
    return off % 8 == 0 and size % 8 == 0 and size > 0 and off + size <= s.size


def _returns(i: ir.Instr) -> bool:
    return isinstance(i, ir.Call) or (isinstance(i, ir.CCall) and not i.noreturn)


def _eligible(f: ir.Func) -> dict[str, ir.Slot]:
    slots = {s.name: s for s in f.slots}
    bad: set[str] = {s.name for s in f.slots if s.kind is ir.SlotKind.RESULT
                     or s.addrtaken or s.size > MAX_SLOT or s.size == 0
                     or (s.size >= 8 and s.size % 8) or (s.size < 8 and s.size not in (1, 2, 4))}
    floats: set[str] = set()
    acc: dict[int, tuple[ir.Instr, list[ir.Access]]] = {}
    for b in f.blocks:
        for i in b.instrs:
            if type(i) is ir.LoadAddr:
                bad.update(_memory_only(i))
            elif type(i) is ir.FBinOp or type(i) is ir.FConv:
                for slot, w in _float_operands(i):
                    floats.add(slot)
                    if w != 8 or slots[slot].size != 8:
                        bad.add(slot)
            accs = accesses(i)
            acc[id(i)] = (i, accs)
            for a in accs:
                if a.slot in bad:
                    continue
                # _fits, inlined: every access of every instruction
                s, off, size = slots[a.slot], a.off, a.size
                if not (off == 0 and size == s.size if s.size < 8 else
                        off % 8 == 0 and size % 8 == 0 and size > 0 and off + size <= s.size):
                    bad.add(a.slot)
        if isinstance(b.term, ir.If) and isinstance(b.term.cond, ir.Local):
            c = b.term.cond
            if not _fits(slots[c.slot], c.off, 1):
                bad.add(c.slot)
    if floats - bad:
        for b in f.blocks:
            for i in b.instrs:
                if not _xmm_safe(i):
                    bad.update(a.slot for a in acc[id(i)][1] if a.slot in floats)
    ok = _Eligible({n: s for n, s in slots.items() if n not in bad})
    ok.floats = floats - bad
    ok.acc = acc
    return ok


class _Eligible(dict[str, ir.Slot]):
    """The eligible slots by name, with each instruction's (uses, defs) memoized: the
    passes below ask for them many times. Keyed by id, holding the instruction so the
    id stays its own."""

    def __init__(self, slots: dict[str, ir.Slot]) -> None:
        super().__init__(slots)
        self.memo: dict[int, tuple[ir.Instr, list[Unit], list[Unit]]] = {}
        self.acc: dict[int, tuple[ir.Instr, list[ir.Access]]] = {}
        """Each instruction's accesses, as _eligible found them."""
        self.floats: set[str] = set()
        """The float64 slots: their word goes to an XMM register or the frame."""


def _uses_defs(i: ir.Instr, ok: dict[str, ir.Slot]) -> tuple[list[Unit], list[Unit]]:
    memo = None
    accs = None
    if isinstance(ok, _Eligible):
        memo = ok.memo
        hit = memo.get(id(i))
        if hit is not None and hit[0] is i:
            return hit[1], hit[2]
        known = ok.acc.get(id(i))
        if known is not None and known[0] is i:
            accs = known[1]
    uses: list[Unit] = []
    defs: list[Unit] = []
    for a in accesses(i) if accs is None else accs:
        s = ok.get(a.slot)
        if s is not None:
            out = defs if a.is_def else uses
            # _units, inlined: every pass asks for every instruction
            if s.size < 8:
                out.append((s.name, 0))
            elif a.size == 8:
                out.append((s.name, a.off))
            else:
                out.extend(_units(s, a.off, a.size))
    if memo is not None:
        memo[id(i)] = (i, uses, defs)
    return uses, defs


def _cond_units(t: ir.Term, ok: dict[str, ir.Slot]) -> list[Unit]:
    if isinstance(t, ir.If) and isinstance(t.cond, ir.Local) and t.cond.slot in ok:
        return [(t.cond.slot, 0)]
    return []


_UD = list[list[tuple[list[Unit], list[Unit]]]]
"""Per block of a function (in its order), each instruction's _uses_defs."""


def _live_out(f: ir.Func, ok: dict[str, ir.Slot], ud: _UD) -> dict[int, set[Unit]]:
    """Each block's live-out units (backward dataflow to a fixed point)."""
    gen: dict[int, set[Unit]] = {}
    kill: dict[int, set[Unit]] = {}
    for b, bud in zip(f.blocks, ud, strict=True):
        g: set[Unit] = set(_cond_units(b.term, ok))
        k: set[Unit] = set()
        for u, d in reversed(bud):
            if d:
                g.difference_update(d)
                k.update(d)
            if u:
                g.update(u)
        gen[b.index], kill[b.index] = g, k
    out: dict[int, set[Unit]] = {b.index: set() for b in f.blocks}
    inn: dict[int, set[Unit]] = {b.index: set(gen[b.index]) for b in f.blocks}
    succ = {b.index: ir.successors(b.term) for b in f.blocks}
    changed = True
    while changed:
        changed = False
        for b in reversed(f.blocks):
            o: set[Unit] = set()
            for s in succ[b.index]:
                o |= inn[s]
            if o != out[b.index]:
                out[b.index] = o
                inn[b.index] = gen[b.index] | (o - kill[b.index])
                changed = True
    return out


@dataclass(slots=True)
class _Interval:
    """A unit's live ranges: closed [from, to] position pairs (an instruction's uses at
    its even position, its defs one after, so a def may share a use's register)."""

    unit: Unit
    ranges: list[tuple[int, int]]
    across: bool = False
    string: bool = False
    """Live at an instruction amd64 emits with `rep movsb`/`rep stosb` (_string_op)."""
    weight: int = 0

    def __init__(self, unit: Unit, ranges: list[tuple[int, int]], across: bool = False,
                 string: bool = False, weight: int = 0) -> None:
        # spelled out so that mypyc compiles it (ir.Access says why)
        self.unit = unit
        self.ranges = ranges
        self.across = across
        self.string = string
        self.weight = weight


def alloc_func(f: ir.Func, fl: FuncLive | None) -> FuncAlloc:
    """The register decisions for f; fl (its liveness) names the words the stack maps
    list, which stay in the frame unless dead at every call that returns."""
    if f.defers:
        return FuncAlloc(f.name, {}, CALLEE_SAVED, frozenset(), False)
    ok = _eligible(f)
    if not ok:
        return _finish(f, {}, frozenset(), ok)
    f = simplify(f, ok)
    mapped: set[Unit] = set()
    if fl is not None:
        calls = [ci for b in f.blocks for ci in b.instrs if isinstance(ci, ir.CALLS)]
        for ci, c in zip(calls, fl.calls, strict=True):
            # A frame never resumes after a no-return call: what its map lists there
            # may sit in registers (amd64 leaves those words out of that map).
            if not (isinstance(ci, ir.CCall) and ci.noreturn):
                mapped.update(c.words_of(ok))
    ud = [[_uses_defs(i, ok) for i in b.instrs] for b in f.blocks]
    out = _live_out(f, ok, ud)
    iv: dict[Unit, _Interval] = {}
    fused: set[int] = set()

    def interval(u: Unit) -> _Interval:
        it = iv.get(u)
        if it is None:
            it = iv[u] = _Interval(u, [])
        return it

    inn: dict[int, set[Unit]] = {}
    pos = 0
    heat = _heat(f)
    # (block, position) of instructions whose results nothing reads; do NOT key by id:
    # fold copies one instruction object into several blocks
    dropped: set[tuple[int, int]] = set()
    for b, bud in zip(f.blocks, ud, strict=True):
        start = pos
        end = start + 2 * (len(b.instrs) + 1)
        pos = end + 1  # do NOT share a position with the next block in the layout
        w = heat[b.index]
        # unit -> the last position of its range that is open towards the block start
        open_: dict[Unit, int] = {u: end for u in out[b.index]}
        for u in _cond_units(b.term, ok):
            interval(u).weight += w
            open_.setdefault(u, end - 2)
        p = end - 2
        for n in range(len(b.instrs) - 1, -1, -1):
            i = b.instrs[n]
            p -= 2
            uses, defs = bud[n]
            # a word some stack map lists keeps its stores: the collector reads it
            if defs and defs[0] not in open_ and defs[0] not in mapped and _pure(i) and \
                    not any(x in open_ or x in mapped for x in defs):
                dropped.add((b.index, n))
                continue
            for x in defs:
                it = iv.get(x) or interval(x)
                it.weight += w
                it.ranges.append((p + 1, open_.pop(x, p + 1)))
            kind = type(i)
            if kind is ir.Call or (kind is ir.CCall and not i.noreturn):  # type: ignore[union-attr]
                for x in open_:
                    interval(x).across = True
            if _string_op(i):
                for x in (*open_, *uses, *defs):
                    interval(x).string = True
            for x in uses:
                (iv.get(x) or interval(x)).weight += w
                if x not in open_:
                    open_[x] = p
        for u, e in open_.items():
            interval(u).ranges.append((start, e))
        inn[b.index] = set(open_)
        t = b.term
        if isinstance(t, ir.If) and isinstance(t.cond, ir.Local) and b.instrs:
            last = b.instrs[-1]
            if isinstance(last, (ir.BinOp, ir.FBinOp)) and last.op in _FUSABLE and \
                    last.dst == t.cond and t.cond.off == 0 and t.cond.slot in ok and \
                    (t.cond.slot, 0) not in out[b.index] and last.x != t.cond and last.y != t.cond:
                fused.add(b.index)
    byidx = {b.index: b for b in f.blocks}
    for bi in fused:
        t = byidx[bi].term
        assert isinstance(t, ir.If) and isinstance(t.cond, ir.Local)
        iv.pop((t.cond.slot, 0), None)
    dead, static, copies = _facts(f, ok, iv, ud)
    for u in dead:
        iv.pop(u, None)
    regs = _scan(ok, iv, mapped, static, copies)
    regs.update((u, DEAD) for u in dead)
    first = f.blocks[0].index
    entry = tuple(sorted(u for u in inn[first] if u in regs
                         and ok[u[0]].kind is ir.SlotKind.PARAM))
    if dropped:
        # rebuild only the blocks that lose an instruction
        where = {bi for bi, _ in dropped}
        f = replace(f, blocks=tuple(
            ir.Block(b.index, tuple(i for n, i in enumerate(b.instrs)
                                    if (b.index, n) not in dropped), b.term)
            if b.index in where else b
            for b in f.blocks))
    return replace(_finish(f, regs, frozenset(fused), ok), entry=entry, body=f)


_FUSABLE = ir.COMPARES | {ir.FOp.LT, ir.FOp.LE, ir.FOp.GT, ir.FOp.GE}
"""Compares amd64 can fuse into a branch: one condition code each (a float == or !=
also needs the parity flag)."""

_TRAPS = frozenset({ir.Op.DIV, ir.Op.MOD, ir.Op.SHL, ir.Op.SHR})

STRING_MIN = 64
"""amd64 copies and clears more bytes than this with `rep movsb`/`rep stosb`."""


def _string_op(i: ir.Instr) -> bool:
    """Whether amd64 may emit i with a string instruction, overwriting %rsi and %rdi
    (and %rcx, %rax): a copy of more than STRING_MIN bytes, a Go call passing or
    returning such an argument included, or a clear of as many (amd64 clears up to its
    MAX_UNROLLED_ZERO with stores: this errs on the safe side)."""
    match i:
        case ir.Copy(size=n) | ir.Zero(size=n) | ir.Load(size=n) | ir.Store(size=n) | \
                ir.StoreZero(size=n):
            return n > STRING_MIN
        case ir.Call(args=a, results=r):
            return any(x.size > STRING_MIN for x in (*a, *r))
    return False


def _pure(i: ir.Instr) -> bool:
    """Whether i only computes its result into slots: dropping it when the result is
    dead changes nothing else (do NOT count loads, calls or trapping arithmetic)."""
    match i:
        case ir.Mov(dst=ir.Local(), src=ir.Imm() | ir.SymAddr() | ir.Local()):
            return True
        case ir.BinOp(dst=ir.Local(), op=op):
            return op not in _TRAPS
        case ir.UnOp(dst=ir.Local()) | ir.Ext(dst=ir.Local()) | ir.Zero(dst=ir.Local()):
            return True
        case ir.Copy(dst=ir.Local(), src=ir.Local()):
            return True
        case ir.FBinOp(dst=ir.Local()) | ir.FConv(dst=ir.Local()):
            return True
    return False


LOOP_WEIGHT = 8
"""How much more a reference one loop deeper weighs when registers run short."""


def _heat(f: ir.Func) -> dict[int, int]:
    """Each block's reference weight: LOOP_WEIGHT to the power of its loop depth (the
    natural loops holding it, at most 4)."""
    depth = {b.index: 0 for b in f.blocks}
    for body in ir.loops(f).values():
        for x in body:
            depth[x] += 1
    return {k: LOOP_WEIGHT ** min(d, 4) for k, d in depth.items()}


def _facts(f: ir.Func, ok: dict[str, ir.Slot], iv: dict[Unit, _Interval], ud: _UD
           ) -> tuple[set[Unit], set[Unit], dict[Unit, list[Unit]]]:
    """In one pass over f: the dead units, never read and written only by block copies
    (Copy, Load, Call results: the copies skip them, as a slice header copied for its
    length alone); the static units, only ever written constants or symbol addresses
    (never heap pointers); and each unit's copy partners, the units it is copied from
    or to word for word by moves and block copies (sharing a register with one of them
    makes that copy free)."""
    used: set[Unit] = set()
    scalar: set[Unit] = set()
    static: set[Unit] = set()
    dyn: set[Unit] = set()
    copies: dict[Unit, list[Unit]] = {}
    for b, bud in zip(f.blocks, ud, strict=True):
        used.update(_cond_units(b.term, ok))
        for i, (uses, defs) in zip(b.instrs, bud, strict=True):
            if uses:
                used.update(uses)
            if not defs:
                continue
            t = type(i)
            if t is not ir.Copy and t is not ir.Load and t is not ir.Call:
                scalar.update(defs)
            if isinstance(i, (ir.Mov, ir.Copy)):
                const = t is ir.Mov and type(i.src) in _CONSTS
                (static if const else dyn).update(defs)
                if type(i.dst) is ir.Local and type(i.src) is ir.Local and \
                        len(uses) == len(defs) and (i.src.off - i.dst.off) % 8 == 0:
                    for u, d in zip(uses, defs, strict=True):
                        copies.setdefault(u, []).append(d)
                        copies.setdefault(d, []).append(u)
            else:
                dyn.update(defs)
    dead = {u for u in iv if u not in used and u not in scalar
            and ok[u[0]].kind is ir.SlotKind.AUTO}
    return dead, static - dyn, copies


_CONSTS = (ir.Imm, ir.SymAddr)


def simplify(f: ir.Func, ok: dict[str, ir.Slot]) -> ir.Func:
    """f with two kinds of temporaries gone, neither touching a call (so liveness' stack
    maps still hold): a word-sized temporary written once with a constant and only read
    as an arithmetic operand, a move source or a C argument takes the constant's place;
    and `T = x op y; V = T` with T read nowhere else computes into V directly."""
    ndefs: dict[Unit, int] = {}
    nuses: dict[Unit, int] = {}
    defi: dict[Unit, ir.Instr] = {}
    free: set[Unit] = set()
    fixed: set[Unit] = set()  # read somewhere a constant may not stand
    for b in f.blocks:
        for u in _cond_units(b.term, ok):
            nuses[u] = nuses.get(u, 0) + 1
            fixed.add(u)
        for i in b.instrs:
            uses, defs = _uses_defs(i, ok)
            for u in defs:
                ndefs[u] = ndefs.get(u, 0) + 1
                defi[u] = i
            if not uses:
                continue
            for u in uses:
                nuses[u] = nuses.get(u, 0) + 1
            kind = type(i)
            if kind is not ir.BinOp and kind is not ir.Mov and kind is not ir.CCall:
                fixed.update(uses)
                continue
            ops = _operand_units(i, ok)
            free.update(ops)
            fixed.update(u for u in uses if u not in ops)
    consts: dict[Unit, ir.Imm] = {}
    if not any(n == 1 and ((u in free and u not in fixed) or nuses.get(u) == 1)
               for u, n in ndefs.items()):
        return f  # no constant to substitute nor temporary to compute through
    for u, i in defi.items():
        s = ok[u[0]]
        if (ndefs[u] == 1 and s.kind is ir.SlotKind.AUTO and s.size <= 8
                and isinstance(i, ir.Mov) and isinstance(i.src, ir.Imm)
                and -(1 << 31) <= i.src.value < (1 << 31) and i.width == s.size
                and u in free and u not in fixed):
            consts[u] = i.src

    def sub(op: ir.Operand) -> ir.Operand:
        if isinstance(op, ir.Local) and (op.slot, op.off) in consts and op.slot in ok:
            return consts[(op.slot, op.off)]
        return op

    blocks = []
    changed = False
    for b in f.blocks:
        out: list[ir.Instr] = []
        same = True
        k = 0
        while k < len(b.instrs):
            i = b.instrs[k]
            if consts and isinstance(i, ir.Mov) and isinstance(i.dst, ir.Local) and \
                    (i.dst.slot, i.dst.off) in consts and i.dst.slot in ok:
                same = False
                k += 1
                continue
            if consts:
                match i:
                    case ir.BinOp():
                        x, y = sub(i.x), sub(i.y)
                        if x is not i.x or y is not i.y:
                            i = ir.BinOp(i.pos, i.op, i.dst, x, y, i.width, i.signed)
                    case ir.Mov():
                        src = sub(i.src)
                        if src is not i.src:
                            i = ir.Mov(i.pos, i.dst, src, i.width)
                    case ir.CCall():
                        args = tuple(sub(a) for a in i.args)
                        if any(a is not b for a, b in zip(args, i.args, strict=True)):
                            i = ir.evolve(i, args=args)
                if i is not b.instrs[k]:
                    same = False
            nxt = b.instrs[k + 1] if k + 1 < len(b.instrs) else None
            if isinstance(nxt, ir.Mov) and isinstance(nxt.src, ir.Local) and \
                    isinstance(i, (ir.BinOp, ir.UnOp, ir.Ext, ir.FBinOp)) and \
                    i.dst == nxt.src and not (isinstance(i, ir.BinOp) and i.op in ir.COMPARES) \
                    and not (isinstance(i, ir.FBinOp) and i.op in ir.FCOMPARES):
                t = nxt.src
                ts = ok.get(t.slot)
                u = (t.slot, t.off)
                w = i.dwidth if isinstance(i, ir.Ext) else i.width
                if ts is not None and ts.kind is ir.SlotKind.AUTO and ts.size == w == \
                        nxt.width and ndefs.get(u) == 1 and nuses.get(u) == 1:
                    out.append(ir.BinOp(i.pos, i.op, nxt.dst, i.x, i.y, i.width, i.signed)
                               if isinstance(i, ir.BinOp) else ir.evolve(i, dst=nxt.dst))
                    same = False
                    k += 2
                    continue
            out.append(i)
            k += 1
        if same:
            blocks.append(b)
        else:
            blocks.append(ir.Block(b.index, tuple(out), b.term))
            changed = True
    return replace(f, blocks=tuple(blocks)) if changed else f


def _operand_units(i: ir.Instr, ok: dict[str, ir.Slot]) -> set[Unit]:
    """Units i reads only where a constant may stand instead: arithmetic operands,
    move sources, C arguments."""
    ops: tuple[ir.Operand, ...]
    if isinstance(i, ir.BinOp):
        ops = (i.x, i.y)
    elif isinstance(i, ir.Mov):
        ops = (i.src,)
    elif isinstance(i, ir.CCall):
        ops = i.args
    else:
        return set()
    return {(o.slot, o.off) for o in ops if type(o) is ir.Local and o.slot in ok}


def _is_ptr(s: ir.Slot, off: int) -> bool:
    return s.size >= 8 and (s.type is None or off in s.ptrs)


def _scan(ok: dict[str, ir.Slot], iv: dict[Unit, _Interval], mapped: set[Unit],
          static: set[Unit], copies: dict[Unit, list[Unit]]) -> dict[Unit, str]:
    """Priority allocation over precise live ranges: heaviest unit first, each takes a
    register of its class whose units' ranges it does not overlap (one that a unit it is
    copied from or to holds, if it can), or none (the frame)."""
    regs: dict[Unit, str] = {}
    taken = {r: _Held() for r in CALLER_FREE + CALLEE_SAVED + XMM}
    floats = ok.floats if isinstance(ok, _Eligible) else set()
    # heaviest first, ties by unit (units are distinct: the intervals never compare)
    for _, unit, it in sorted([(-x.weight, u, x) for u, x in iv.items()]):
        if unit in mapped:
            continue
        fl = unit[0] in floats
        ptr = not fl and unit not in static and _is_ptr(ok[unit[0]], unit[1])
        if it.across and (ptr or fl):
            continue
        allowed = (XMM if fl else CALLER_FREE if ptr else
                   CALLEE_SAVED if it.across else CALLER_FREE + CALLEE_SAVED)
        if it.string and not fl:
            allowed = tuple(r for r in allowed if r not in STRING_REGS)
        rs = it.ranges if len(it.ranges) == 1 else _merge(it.ranges)
        partners = copies.get(unit)
        if partners:
            hints = [regs[c] for c in partners if regs.get(c) in allowed]
            # a register free for the partners still to come too, so they can take it
            later = _merge([x for c in partners if c not in regs and c in iv
                            for x in iv[c].ranges])
            good = [r for r in allowed if not taken[r].overlaps(later)] if later else []
            tries: tuple[str, ...] = (*hints, *good, *allowed)
        else:
            tries = allowed
        for r in tries:
            if not taken[r].overlaps(rs):
                taken[r].add(rs)
                regs[unit] = r
                break
    return regs


class _Held:
    """The positions a register holds: sorted disjoint closed ranges, as parallel lists
    of starts and ends, so that a query or an insertion is a binary search (a function
    of N short-lived temporaries allocates in O(N log N), not O(N^2))."""

    __slots__ = ("starts", "ends")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, ys: list[tuple[int, int]]) -> bool:
        """Whether any range of ys shares a position with the held ranges."""
        for a, b in ys:
            # the held range starting last at or before b is the one ending last
            k = bisect_right(self.starts, b) - 1
            if k >= 0 and self.ends[k] >= a:
                return True
        return False

    def add(self, ys: list[tuple[int, int]]) -> None:
        """Hold the ranges ys too (contract: not overlapping the held ones)."""
        for a, b in ys:
            k = bisect_right(self.starts, a)
            self.starts.insert(k, a)
            self.ends.insert(k, b)


def _merge(rs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """rs sorted, with overlapping or touching ranges joined."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(rs):
        if out and a <= out[-1][1] + 1:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _finish(f: ir.Func, regs: dict[Unit, str], fused: frozenset[int],
            ok: dict[str, ir.Slot]) -> FuncAlloc:
    used = set(regs.values())
    saved = tuple(r for r in CALLEE_SAVED if r in used)
    return FuncAlloc(f.name, regs, saved, fused, _is_leaf(f, regs, saved, fused, ok))


def _is_leaf(f: ir.Func, regs: dict[Unit, str], saved: tuple[str, ...],
             fused: frozenset[int], ok: dict[str, ir.Slot]) -> bool:
    if saved:
        return False
    slots = {s.name: s for s in f.slots}
    for b in f.blocks:
        for k, i in enumerate(b.instrs):
            if _returns(i):
                return False
            for a in accesses(i):
                s = slots[a.slot]
                if s.kind is not ir.SlotKind.AUTO:
                    continue
                if a.is_def and b.index in fused and k == len(b.instrs) - 1:
                    continue
                if a.slot not in ok or any(u not in regs for u in _units(s, a.off, a.size)):
                    return False
            if isinstance(i, ir.LoadAddr):
                for m in _mems(i):
                    if isinstance(m, ir.Local) and slots[m.slot].kind is ir.SlotKind.AUTO:
                        return False
    return True


def _mems(i: ir.Instr) -> Iterator[ir.Operand]:
    if isinstance(i, ir.LoadAddr):
        yield i.dst
        yield i.src


def regalloc_program(prog: ir.Program, live: LivenessResult | None,
                     opts: Options | None = None) -> dict[str, FuncAlloc]:
    """Every function's decisions, by name (NONE for all under -N)."""
    opts = opts or Options()
    if not opts.enabled:
        return {}
    by = live.by_name() if live is not None else {}
    return {f.name: alloc_func(f, by.get(f.name)) for f in prog.funcs}


def dump(prog: ir.Program, allocs: dict[str, FuncAlloc]) -> str:
    """The stable text form: per function its leaf/saved state, then each unit's
    register (in slot order) and the fused compares."""
    out: list[str] = []
    for f in prog.funcs:
        a = allocs.get(f.name, NONE)
        head = f"func {f.name}"
        if a.leaf:
            head += " leaf"
        if a.saved:
            head += " saved=" + ",".join(a.saved)
        out.append(head)
        order = {s.name: k for k, s in enumerate(f.slots)}
        for (slot, off), r in sorted(a.regs.items(), key=lambda x: (order[x[0][0]], x[0][1])):
            out.append(f"  {slot}+{off} {r or 'dead'}")
        for b in sorted(a.fused):
            out.append(f"  fused b{b}")
    return "\n".join(out) + "\n"
