"""livenames: what gc's -live reports name live at each call, over refgo's lowered IR.

liveness.py's dataflow is word-precise and drives the stack maps. gc's reports come
from a coarser model, which this module reproduces on the same IR for -live only:

  - A unit is a variable, or one part of a local SSA splits (`s.ptr`, `t.f`, `x.data`).
    A variable that is not split (a parameter, result, temporary, address-taken
    variable, or one of a type SSA cannot split) is one unit, named whole.
  - A unit is read by any read of one of its pointer words. It dies only where one
    instruction overwrites all of its pointer words (gc's VarDef of a fat variable); a
    partial write keeps it as it was.
  - An address-taken variable is also read wherever its address is taken (gc's rule:
    whoever gets the address may read everything written so far), and any direct write
    short of the whole is a read too. So `var x *int; g(&x); g(&x)` has x live across
    the first call only, although it is a stack object, scanned at every call.
  - An instruction whose only effect is a write to a variable not live after it is
    dead code to gc, gone before liveness: it reads nothing.
  - A slot holding only addresses of stack slots (and nil) is gc's rematerialized
    `LEAQ x(SP)`: it is never named, and a read of it reads what it may point to. So
    `z = &x; h(); print(**z)` has x live at h, not z.

For

    func f1() {
        var x *int       // line 2
        printpointer(&x) // line 3: live at call to printpointer: x
        printpointer(&x) // line 4: nothing
    }
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from compiler import ir
from compiler.types.typ import (
    Array,
    Basic,
    Chan,
    Interface,
    Kind,
    Map,
    Pointer,
    Signature,
    Slice,
    Struct,
    Type,
    has_pointers,
    size_of,
    struct_layout,
    under,
)

if TYPE_CHECKING:
    from compiler.liveness import Frame


def word_names(t: Type, base: str) -> dict[int, str]:
    """gc's names of the pointer words of a value of type t named base once SSA has
    split it, by byte offset (`s.ptr`, `x.data`, `t.f`, `a[0]`, ...). An interface's
    type or itab word is a uintptr to gc (it points to data the collector never frees),
    so it has no name."""
    u = under(t)
    match u:
        case Basic(kind=Kind.STRING):
            return {0: base + ".ptr"}
        case Basic(kind=Kind.UNSAFE_POINTER):
            return {0: base}
        case Basic():
            return {}
        case Pointer() | Map() | Chan() | Signature():
            return {0: base}
        case Slice():
            return {0: base + ".ptr"}
        case Interface():
            return {8: base + ".data"}
        case Array(length=n, elem=e):
            out: dict[int, str] = {}
            esize = size_of(e)
            if not has_pointers(e):
                return out
            for i in range(n):
                for off, name in word_names(e, f"{base}[{i}]").items():
                    out[i * esize + off] = name
            return out
        case Struct(fields=fs):
            offs, _ = struct_layout(u)
            res: dict[int, str] = {}
            for o, f in zip(offs, fs, strict=True):
                for off, name in word_names(f.type, f"{base}.{f.name}").items():
                    res[o + off] = name
            return res
    return {}


def ssa_able(t: Type) -> bool:
    """gc's ssa.TypeOK: whether SSA may keep a variable of type t as separate values
    (at most 32 bytes, arrays of at most one element, structs of at most four fields,
    recursively). gc names a variable of any other type as a whole."""
    if size_of(t) > 32:
        return False
    u = under(t)
    match u:
        case Array(length=n, elem=e):
            return n <= 1 and ssa_able(e)
        case Struct(fields=fs):
            return len(fs) <= 4 and all(ssa_able(f.type) for f in fs)
    return True


def display_name(slot: str) -> str:
    """A slot's name as gc prints it: walk's `x#1` (a shadowing x) is `x`, and the
    inliner's `x·3` (x of a copied body) `x`, as gc keeps an inlined variable's name."""
    return slot.split("#", 1)[0].split("·", 1)[0]


def split(s: ir.Slot, taken: bool) -> bool:
    """Whether gc reports s by the parts SSA split it into (`s.ptr`, `t.f`): only a
    local variable of an SSA-able type whose address is not taken. Parameters,
    results, address-taken and unsplittable variables keep one name, and so do
    temporaries (gc reports the spill slots of their values, `.autotmp_N`)."""
    return (s.kind is ir.SlotKind.AUTO and s.type is not None and not taken
            and not s.name.startswith((".", "&")) and ssa_able(s.type))


def open_slots(f: ir.Func, fr: Frame) -> int:
    """The words of f's open-coded defer slots: live at every call (gc's livedefer), since
    a panic from any call runs the deferred closures they hold; zeroed at entry."""
    od = f.open_defers
    mask = 0
    if od is not None:
        for s in od.slots:
            mask |= fr.span(ir.Local(s), 8)
    return mask


def writes(i: ir.Instr) -> Iterator[tuple[ir.Mem, int]]:
    """The memory instruction i writes, with sizes."""
    match i:
        case ir.Mov(dst=d, width=w):
            yield d, w
        case ir.Copy(dst=d, size=n) | ir.Zero(dst=d, size=n) | ir.Load(dst=d, size=n):
            yield d, n
        case ir.LoadAddr(dst=d) | ir.ClosurePtr(dst=d):
            yield d, 8
        case ir.BinOp(dst=d, width=w) | ir.UnOp(dst=d, width=w) | ir.FBinOp(dst=d, width=w):
            yield d, w
        case ir.Ext(dst=d, dwidth=w) | ir.FConv(dst=d, dwidth=w):
            yield d, w
        case ir.Call(results=res):
            for r in res:
                yield r.mem, r.size
        case ir.CCall(results=ms):
            for m in ms:
                yield m, 8


PURE = (ir.Mov, ir.Copy, ir.Load, ir.LoadAddr, ir.BinOp, ir.UnOp, ir.Ext, ir.FBinOp,
        ir.FConv)


def typed_words(f: ir.Func, fr: Frame, taken: set[str]) -> list[tuple[str, int]]:
    """The words of size-only temporaries (call results, mostly) that are copied whole
    into a named pointer word of a typed slot: they hold that pointer, and gc would
    name the slot it spills the value to."""
    out: set[tuple[str, int]] = set()
    for b in f.blocks:
        for i in b.instrs:
            match i:
                case ir.Mov(dst=ir.Local(slot=d, off=doff), src=ir.Local(slot=src, off=soff),
                            width=8) if soff % 8 == 0 and src not in taken:
                    ds, ss = fr.slots.get(d), fr.slots.get(src)
                    if ds is None or ss is None or ds.type is None or ss.type is not None:
                        continue
                    if doff in word_names(ds.type, "") and soff < ss.size:
                        out.add((src, soff))
    return sorted(out)


def remat_slots(f: ir.Func, taken: set[str]) -> dict[str, set[str]]:
    """The slots that only ever hold addresses of stack slots or nil, each with the
    slots it may point to: gc recomputes such an address where it is used."""
    cand: dict[str, set[str]] = {}
    for s in f.slots:
        if s.kind is ir.SlotKind.AUTO and s.size == 8 and s.name not in taken:
            cand[s.name] = set()
    srcs: dict[str, list[str]] = {n: [] for n in cand}
    bad: set[str] = set()
    for b in f.blocks:
        for i in b.instrs:
            for m, _ in writes(i):
                if not isinstance(m, ir.Local) or m.slot not in cand:
                    continue
                match i:
                    case ir.LoadAddr(src=ir.Local(slot=src)):
                        cand[m.slot].add(src)
                    case ir.Mov(src=ir.Local(slot=src), width=8) if m.off == 0:
                        srcs[m.slot].append(src)
                    case ir.Mov(src=ir.Imm(value=0)) | ir.Zero():
                        pass
                    case _:
                        bad.add(m.slot)
    changed = True
    while changed:
        changed = False
        for n in cand:
            if n in bad:
                continue
            for src in srcs[n]:
                if src not in cand or src in bad:
                    bad.add(n)
                    changed = True
                    break
                if not cand[src] <= cand[n]:
                    cand[n] |= cand[src]
                    changed = True
    return {n: ps for n, ps in cand.items() if n not in bad and ps}


class Units:
    """The units of one function: per unit its name, sort key and word mask; per slot
    the units its words belong to."""

    def __init__(self, f: ir.Func, fr: Frame) -> None:
        self.fr = fr
        taken = {w[0] for w in fr.bits(fr.addr)} | {s.name for s in f.slots if s.addrtaken}
        for b in f.blocks:
            for i in b.instrs:
                if isinstance(i, ir.LoadAddr) and isinstance(i.src, ir.Local):
                    taken.add(i.src.slot)
        self.taken = taken
        od = f.open_defers
        # an open-coded defer's slot is a real stack slot (the runtime reads it)
        self.remat = remat_slots(f, taken | set(od.slots if od is not None else ()))
        self.names: list[str] = []
        self.keys: list[tuple[int, int, str]] = []
        self.masks: list[int] = []
        self.of_slot: dict[str, list[int]] = {}
        self.unit_of: dict[int, int] = {}
        self.params = 0
        self.remat_words = 0
        self.ntemps = 1 + max((int(s.name[9:].split("#")[0]) for s in f.slots
                               if s.name.startswith(".autotmp_")
                               and s.name[9:].split("#")[0].isdigit()), default=-1)
        for name in self.remat:
            self.remat_words |= fr.span(ir.Local(name), 8)
        for name, off in typed_words(f, fr, taken):
            if name not in self.remat:
                bit = fr.base[name] + fr.offs[name].index(off)
                self._add(name, display_name(name), (1, -8, display_name(name)), 1 << bit)
        for s in f.slots:
            if s.type is None or s.name in self.remat:
                continue
            if s.name.startswith(".") and not s.name.startswith(".autotmp"):
                continue
            parts = word_names(s.type, display_name(s.name))
            base = fr.base[s.name]
            offs = fr.offs[s.name]
            # A variable gc keeps in memory (a parameter, result, address-taken or
            # unsplittable one) holds even its constant words; an SSA value that is
            # a constant is recomputed, never spilled (`mov $type.int(SB)`).
            memory = (s.kind is not ir.SlotKind.AUTO or s.name in taken
                      or not ssa_able(s.type))
            bits = [(base + k, off) for k, off in enumerate(offs)
                    if off in parts and (memory or not fr.static >> (base + k) & 1)]
            if not bits:
                continue
            arg = s.kind is not ir.SlotKind.AUTO
            if (s.kind is ir.SlotKind.RESULT and not f.defers and s.name not in taken
                    and ssa_able(s.type)):
                # gc keeps the value in SSA and stores the result only at the return:
                # what is live before it is the value's spill slot.
                spill = f".autotmp_{self.ntemps}"
                self.ntemps += 1
                mask = 0
                for bit, _ in bits:
                    mask |= 1 << bit
                self._add(s.name, spill, (1, -s.size, spill), mask)
            elif split(s, s.name in taken):
                for bit, off in bits:
                    self._add(s.name, parts[off], (1, -8, parts[off]), 1 << bit)
            else:
                mask = 0
                for bit, _ in bits:
                    mask |= 1 << bit
                key = (0, s.off, "") if arg else (1, -s.size, display_name(s.name))
                u = self._add(s.name, display_name(s.name), key, mask)
                if arg:
                    self.params |= 1 << u

    def _add(self, slot: str, name: str, key: tuple[int, int, str], mask: int) -> int:
        u = len(self.names)
        self.names.append(name)
        self.keys.append(key)
        self.masks.append(mask)
        self.of_slot.setdefault(slot, []).append(u)
        while mask:
            low = mask & -mask
            self.unit_of[low.bit_length() - 1] = u
            mask ^= low
        return u

    def slot_units(self, slot: str) -> int:
        """The mask of the units of slot."""
        mask = 0
        for u in self.of_slot.get(slot, ()):
            mask |= 1 << u
        return mask

    def of_words(self, words: int) -> int:
        """The mask of the units any word of the word mask belongs to."""
        out = 0
        while words:
            low = words & -words
            u = self.unit_of.get(low.bit_length() - 1)
            if u is not None:
                out |= 1 << u
            words ^= low
        return out

    def use_kill(self, i: ir.Instr, use: int, kill: int) -> tuple[int, int]:
        """The units instruction i reads and kills, from its word masks (read,
        overwritten)."""
        uuse = self.of_words(use)
        ukill = 0
        cand = self.of_words(kill)
        while cand:
            low = cand & -cand
            u = low.bit_length() - 1
            if kill & self.masks[u] == self.masks[u]:
                ukill |= low
            cand ^= low
        if use & self.remat_words:
            for name, ps in self.remat.items():
                if use & self.fr.span(ir.Local(name), 8):
                    for p in ps:
                        uuse |= self.slot_units(p)
        if isinstance(i, ir.LoadAddr) and isinstance(i.src, ir.Local):
            uuse |= self.slot_units(i.src.slot)
        for m, n in writes(i):
            if isinstance(m, ir.Local) and m.slot in self.taken and m.slot in self.of_slot:
                if m.off == 0 and n >= self.fr.slots[m.slot].size:
                    ukill |= self.slot_units(m.slot)
                else:
                    uuse |= self.slot_units(m.slot)
        return uuse, ukill & ~uuse

    def pure_dst(self, i: ir.Instr) -> int:
        """For an instruction with no effect but its write to a unit (a move, load or
        arithmetic into a variable whose address is not taken), the units it writes;
        else 0. Where none of them is live after it, gc has dropped it as dead code."""
        if not isinstance(i, PURE):
            return 0
        m, n = next(writes(i))
        if not isinstance(m, ir.Local) or m.slot in self.taken or m.slot in self.remat:
            return 0
        return self.of_words(self.fr.span(m, n))

    def sorted_names(self, mask: int) -> tuple[str, ...]:
        """The names of the units of mask in gc's stack layout order (cmpstackvarlt):
        parameters and results by offset, then decreasing size, then name."""
        us = [u for u in range(len(self.names)) if mask >> u & 1]
        us.sort(key=lambda u: self.keys[u])
        return tuple(self.names[u] for u in us)


def report_names(f: ir.Func, fr: Frame, ud: Sequence[Sequence[tuple[int, int]]],
                 term_uses: Sequence[int]) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """gc's names live at f's entry (its parameters) and across each call instruction
    of f, in block and instruction order; ud holds liveness's word masks (read,
    overwritten) per instruction, term_uses the words each block's terminator reads."""
    us = Units(f, fr)
    uud = [[us.use_kill(i, u, k) for i, (u, k) in zip(b.instrs, ud[b.index], strict=True)]
           for b in f.blocks]
    dsts = [[us.pure_dst(i) for i in b.instrs] for b in f.blocks]
    tuse = [us.of_words(term_uses[b.index]) for b in f.blocks]
    n = len(f.blocks)
    ins = [0] * n
    across: list[list[int]] = [[] for _ in range(n)]
    exits = f.defer_exits
    always = us.of_words(open_slots(f, fr))
    changed = True
    while changed:
        changed = False
        recover = 0
        for e in exits:
            recover |= ins[e]
        for b in reversed(f.blocks):
            live = tuse[b.index]
            for s in ir.successors(b.term):
                live |= ins[s]
            calls: list[int] = []
            for i, (use, kill), dst in zip(reversed(b.instrs), reversed(uud[b.index]),
                                           reversed(dsts[b.index]), strict=True):
                if dst and not live & dst:
                    continue  # dead code to gc: it reads nothing
                live &= ~kill
                if isinstance(i, ir.CALLS):
                    live |= recover | always
                    calls.append(live)
                live |= use
            calls.reverse()
            across[b.index] = calls
            if live != ins[b.index]:
                ins[b.index] = live
                changed = True
    entry = us.sorted_names(ins[0] & us.params) if f.blocks else ()
    out = [us.sorted_names(m) for b in f.blocks for m in across[b.index]]
    return entry, out
