"""addrmode: element accesses through an indexed address instead of an address
temporary (IR → IR, run by fold last).

walk computes the address of `s[i]` into a temporary and loads or stores through it:

    binop mul w8 u .autotmp_57+0 <- i+0, $8
    binop add w8 u .autotmp_57+0 <- .autotmp_57+0, perm+0
    load 8 .autotmp_60+0 <- *(.autotmp_57+0)+0

Where every read of the temporary is the pointer of a Load or Store of at most 8 bytes
reached along a chain of single-predecessor blocks on which neither the index nor the
base is written again, those accesses take the base and the scaled index themselves
and the two instructions go:

    load 8 .autotmp_60+0 <- *(perm+0 + i+0*8)+0          (movq (%r13,%r10,8), %r14)

so the temporary never needs a register (the swap `perm[i], perm[j] = perm[j], perm[i]`
held two addresses in registers across its loads and stores, which pushed the loop's
other values into the frame). A byte element's address has no multiply (`add T <- p,
i`), a range loop's starts from a copy of the base (`mov T <- p ; mul U <- i, $1 ; add
T <- T, U`) and a table lookup adds the index to a symbol's address: all three fold
alike (Revcomp's `buf[w] = revCompTable[c]`: `movzbq 0(%r8,%r10,1), %r10`). Only words
of slots whose address is never taken are followed (no store through a pointer writes
them).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeGuard

from compiler import ir

Word = tuple[str, int]
Pos_ = tuple[int, int]
"""(block, instruction index)."""


def index_func(f: ir.Func) -> ir.Func:
    """f with element addresses folded into the loads and stores that are their only
    readers (module docstring)."""
    if f.defers:
        return f
    taken = {s.name for s in f.slots if s.addrtaken}
    for b in f.blocks:
        for i in b.instrs:
            if isinstance(i, ir.LoadAddr) and isinstance(i.src, ir.Local):
                taken.add(i.src.slot)
    slots = {s.name: s for s in f.slots}
    reads: dict[str, int] = {}
    defs: dict[str, int] = {}
    for b in f.blocks:
        for i in b.instrs:
            for x in ir.accesses(i):
                d = defs if x.is_def else reads
                d[x.slot] = d.get(x.slot, 0) + 1
        if isinstance(b.term, ir.If) and isinstance(b.term.cond, ir.Local):
            reads[b.term.cond.slot] = reads.get(b.term.cond.slot, 0) + 1
    npred: dict[int, int] = {b.index: 0 for b in f.blocks}
    for b in f.blocks:
        for s in ir.successors(b.term):
            npred[s] += 1
    blocks = {b.index: list(b.instrs) for b in f.blocks}
    terms = {b.index: b.term for b in f.blocks}
    dropped: set[Pos_] = set()
    changed = False
    once: set[str] | None = None
    for b in f.blocks:
        for k in range(len(b.instrs)):
            key = _match(b.instrs, k, taken, slots, defs, reads)
            if key is None:
                continue
            t, idx, scale, base, n_instrs, t_reads = key
            if once is None:
                once = {n for n, c in defs.items() if c == 1 and n.startswith(".autotmp")
                        and n not in taken and slots[n].size == 8}
            found = _users(blocks, terms, npred, b.index, k + n_instrs, t, idx, base, once)
            if found is None:
                continue
            users, copies, names = found
            if len(users) + len(copies) + t_reads != sum(reads.get(n, 0) for n in names):
                continue
            for bi, n in users:
                blocks[bi][n] = ir.evolve(blocks[bi][n], ptr=base, idx=idx, scale=scale)
            dropped |= {(b.index, k + j) for j in range(n_instrs)} | set(copies)
            changed = True
    if not changed:
        return f
    out = [ir.Block(b.index, tuple(i for n, i in enumerate(blocks[b.index])
                                   if (b.index, n) not in dropped), b.term)
           for b in f.blocks]
    return replace(f, blocks=tuple(out))


Match = tuple[str, ir.Local, int, ir.Local, int, int]
"""(temporary, index, scale, base, instructions computing the address, reads of the
temporary among them)."""


def _match(instrs: tuple[ir.Instr, ...], k: int, taken: set[str],
           slots: dict[str, ir.Slot], defs: dict[str, int], reads: dict[str, int]
           ) -> Match | None:
    """The element address instrs[k:] start computing into a compiler temporary T, in
    one of walk's three forms on untaken 8-byte words:

        mul T <- i, $scale ; add T <- T, base         (T written only there)
        add T <- base, i                               (scale 1: T written only there)
        mov T <- base ; mul U <- i, $scale ; add T <- T, U   (U read only there)"""
    a = instrs[k]
    if not (isinstance(a, ir.BinOp) or isinstance(a, ir.Mov)) or \
            not isinstance(a.dst, ir.Local) or not _temp(a.dst, taken, slots):
        return None
    t = a.dst.slot
    if isinstance(a, ir.BinOp) and a.op is ir.Op.ADD and a.width == 8 and \
            defs.get(t) == 1 and isinstance(a.x, ir.Local) and isinstance(a.y, ir.Local):
        return _checked(t, a.y, 1, a.x, 1, 0, taken)
    if k + 1 >= len(instrs):
        return None
    b = instrs[k + 1]
    if isinstance(a, ir.BinOp) and _scaled(a) and defs.get(t) == 2 and \
            isinstance(a.x, ir.Local) and _add_to(b, a.dst) and isinstance(b.y, ir.Local):
        assert isinstance(a.y, ir.Imm)
        return _checked(t, a.x, a.y.value, b.y, 2, 1, taken)
    if isinstance(a, ir.Mov) and a.width == 8 and isinstance(a.src, ir.Local) and \
            defs.get(t) == 2 and k + 2 < len(instrs) and isinstance(b, ir.BinOp) and \
            _scaled(b) and isinstance(b.x, ir.Local) and isinstance(b.dst, ir.Local) and \
            _temp(b.dst, taken, slots) and defs.get(b.dst.slot) == 1 and \
            reads.get(b.dst.slot) == 1 and b.dst.slot != t:
        c = instrs[k + 2]
        assert isinstance(b.y, ir.Imm)
        if _add_to(c, a.dst) and c.y == b.dst:
            return _checked(t, b.x, b.y.value, a.src, 3, 1, taken)
    return None


def _temp(m: ir.Local, taken: set[str], slots: dict[str, ir.Slot]) -> bool:
    """Whether m is the whole of an 8-byte compiler temporary whose address is never
    taken."""
    s = slots[m.slot]
    return m.off == 0 and s.size == 8 and s.kind is ir.SlotKind.AUTO and \
        m.slot.startswith(".autotmp") and m.slot not in taken


def _scaled(i: ir.BinOp) -> bool:
    """Whether i is `mul X <- Y, $scale` on 8-byte words with an addressing scale."""
    return i.op is ir.Op.MUL and i.width == 8 and isinstance(i.y, ir.Imm) and \
        i.y.value in (1, 2, 4, 8)


def _add_to(i: ir.Instr, t: ir.Local) -> TypeGuard[ir.BinOp]:
    """Whether i is `add T <- T, Y` on 8-byte words (so a BinOp)."""
    return isinstance(i, ir.BinOp) and i.op is ir.Op.ADD and i.width == 8 and \
        i.dst == t and i.x == t


def _checked(t: str, i: ir.Operand, scale: int, p: ir.Operand, n: int, t_reads: int,
             taken: set[str]) -> Match | None:
    """The match, when index i and base p are aligned untaken words other than t."""
    if not (isinstance(i, ir.Local) and isinstance(p, ir.Local)) or \
            i.slot in taken or p.slot in taken or t in (i.slot, p.slot) or \
            i.off % 8 or p.off % 8:
        return None
    return t, i, scale, p, n, t_reads


def _users(blocks: dict[int, list[ir.Instr]], terms: dict[int, ir.Term],
           npred: dict[int, int], bi: int, start: int, t: str, idx: ir.Local,
           base: ir.Local, once: set[str]
           ) -> tuple[list[Pos_], list[Pos_], set[str]] | None:
    """The loads and stores reading temporary t (or a copy of it into a temporary of
    `once`, written only there) from blocks[bi][start:] on, following single-predecessor
    successors, while idx and base keep their values; the copies; the temporaries.
    None when one is read otherwise there."""
    kill = {(idx.slot, idx.off), (base.slot, base.off)}
    found: list[Pos_] = []
    copies: list[Pos_] = []
    names = {t}
    work = [(bi, start)]
    seen = {bi}
    while work:
        b, n0 = work.pop()
        alive = True
        for n in range(n0, len(blocks[b])):
            i = blocks[b][n]
            acc = ir.accesses(i)
            r = next((x.slot for x in acc if x.slot in names and not x.is_def), None)
            if r is not None:
                if not alive:
                    return None
                if _through(i, r):
                    found.append((b, n))
                elif isinstance(i, ir.Mov) and i.width == 8 and i.src == ir.Local(r, 0) \
                        and isinstance(i.dst, ir.Local) and i.dst.off == 0 \
                        and i.dst.slot in once and i.dst.slot not in names:
                    copies.append((b, n))
                    names.add(i.dst.slot)
                    continue
                else:
                    return None
            if any(x.is_def and any(x.slot == s and x.off < o + 8 and o < x.off + x.size
                                    for s, o in kill) for x in acc):
                alive = False
            if any(x.slot in names and x.is_def for x in acc):
                break
        else:
            if alive:
                for s in ir.successors(terms[b]):
                    if npred[s] == 1 and s not in seen:
                        seen.add(s)
                        work.append((s, 0))
    return found, copies, names


def _through(i: ir.Instr, t: str) -> bool:
    """Whether i reads t only as the plain pointer of a load or store of ≤ 8 bytes."""
    match i:
        case ir.Load(ptr=ir.Local(slot=p, off=0), dst=d, size=n, idx=None):
            return p == t and n <= 8 and not (isinstance(d, ir.Local) and d.slot == t)
        case ir.Store(ptr=ir.Local(slot=p, off=0), src=s, size=n, idx=None):
            return p == t and n <= 8 and not (isinstance(s, ir.Local) and s.slot == t)
    return False
