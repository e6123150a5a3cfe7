"""hoist: loop-invariant pointer words read from a register copy inside call-free loops
(IR → IR, run by fold after its own rewrites).

A pointer word live across a call stays in the frame for its whole life (regalloc: the
collector finds pointers by the stack maps, never in registers). In Go's Fannkuch the
three slices made at the top are live across the later `make` calls, so every element
access of the loops below reloads the data pointer from the frame:

    movq -80(%rbp), %r8 ; leaq (%r8,%r10,8), %r8 ; movq 0(%r8), %r13

For each innermost loop that makes no call that returns, each such word the loop reads
(as a whole word) and never writes is copied once, in a preheader, into a fresh 8-byte
temporary, and the loop reads the temporary:

    b70: mov w8 .hoist_0+0 <- perm+0 ; jump b11         (the new preheader)
    ... binop add w8 u .autotmp_31+0 <- .autotmp_31+0, .hoist_0+0

Innermost, not outermost: a copy live through the inner loops of an outer one would hold
a register they need (Fannkuch's swap loop then spilled its values). The temporary is
live only from the preheader through the loop, where no call is made,
so no stack map lists it: it is typed uintptr and regalloc may give it any register.
(An asynchronous preemption inside the loop saves every register where the collector
scans conservatively.) Only slots whose address is never taken are hoisted (no store
through a pointer changes them), and a function that defers is left alone (a recovered
panic resumes its exit block from any call).
"""

from __future__ import annotations

from dataclasses import replace

from compiler import ir
from compiler.types import typ

Word = tuple[str, int]

MAX_HOIST = 6
"""Words hoisted per loop: more would compete for the registers the loop's own values
need (the most-read first)."""


def hoist_func(f: ir.Func, tracked: frozenset[str]) -> ir.Func:
    """f with the loop-invariant pointer words of its innermost call-free loops read
    from preheader copies (module docstring)."""
    if f.defers or not any(_returns(i) for b in f.blocks for i in b.instrs):
        return f
    loops = ir.loops(f)
    if not loops:
        return f
    blocks = {b.index: b for b in f.blocks}
    pred: dict[int, list[int]] = {b.index: [] for b in f.blocks}
    for b in f.blocks:
        for t in ir.successors(b.term):
            pred[t].append(b.index)
    slots = {s.name: s for s in f.slots}
    new_slots: list[ir.Slot] = []
    before: dict[int, ir.Block] = {}  # header -> its new preheader
    nxt = max(blocks) + 1
    for h, body in loops.items():
        if any(k != h and k in body for k in loops) or \
                any(_returns(i) for x in body for i in blocks[x].instrs):
            continue
        if any(p not in body for x in body if x != h for p in pred[x]):
            continue  # irreducible: entered other than through the header
        outside = [p for p in pred[h] if p not in body]
        if not outside:
            continue
        words = _invariant(body, blocks, slots, tracked)
        if not words:
            continue
        ren: dict[Word, ir.Local] = {}
        movs: list[ir.Instr] = []
        pos = blocks[h].term.pos
        for w in words:
            name = f".hoist_{len(new_slots)}"
            new_slots.append(ir.Slot(name, ir.SlotKind.AUTO, 8, (), type=typ.UINTPTR))
            ren[w] = ir.Local(name, 0)
            movs.append(ir.Mov(pos, ir.Local(name, 0), ir.Local(*w), 8))

        for x in body:
            b = blocks[x]
            blocks[x] = ir.Block(x, tuple(_rename(i, ren) for i in b.instrs), b.term)
        ph = nxt
        nxt += 1
        before[h] = ir.Block(ph, tuple(movs), ir.Jump(pos, h))
        for p in outside:
            blocks[p] = ir.Block(p, blocks[p].instrs, _retarget(blocks[p].term, h, ph))
    if not before:
        return f
    order: list[ir.Block] = []
    for b in f.blocks:
        if b.index in before:
            order.append(before[b.index])
        order.append(blocks[b.index])
    return replace(f, slots=(*f.slots, *new_slots), blocks=ir.renumber(order))


def _returns(i: ir.Instr) -> bool:
    return isinstance(i, ir.CALLS) and not (isinstance(i, ir.CCall) and i.noreturn)


def _rename(i: ir.Instr, ren: dict[Word, ir.Local]) -> ir.Instr:
    """i with its Local operands other than dst read from ren's temporaries (contract:
    i is no call, so its operands are plain fields)."""
    ch = {}
    for fl in ir.field_names(type(i)):
        v = getattr(i, fl)
        if fl != "dst" and isinstance(v, ir.Local) and (v.slot, v.off) in ren:
            ch[fl] = ren[(v.slot, v.off)]
    return ir.evolve(i, **ch) if ch else i


def _retarget(t: ir.Term, old: int, new: int) -> ir.Term:
    """t with its edges to block old sent to block new."""
    match t:
        case ir.Jump(target=tg) if tg == old:
            return replace(t, target=new)
        case ir.If(then=a, els=b):
            return replace(t, then=new if a == old else a, els=new if b == old else b)
    return t


def _invariant(body: set[int], blocks: dict[int, ir.Block], slots: dict[str, ir.Slot],
               tracked: frozenset[str]) -> list[Word]:
    """The pointer words the loop reads only as whole words and never writes, most-read
    first (at most MAX_HOIST)."""
    reads: dict[Word, int] = {}
    touched: set[str] = set()
    for x in body:
        b = blocks[x]
        for i in b.instrs:
            for a in ir.accesses(i):
                s = slots[a.slot]
                if a.slot not in tracked or s.kind is ir.SlotKind.RESULT:
                    continue
                if a.is_def or a.size != 8 or a.off % 8:
                    touched.add(a.slot)
                    continue
                if _is_ptr(s, a.off):
                    w = (a.slot, a.off)
                    reads[w] = reads.get(w, 0) + 1
        t = b.term
        if isinstance(t, ir.If) and isinstance(t.cond, ir.Local):
            touched.add(t.cond.slot)
    ok = [w for w in reads if w[0] not in touched]
    ok.sort(key=lambda w: (-reads[w], w))
    return ok[:MAX_HOIST]


def _is_ptr(s: ir.Slot, off: int) -> bool:
    return s.size >= 8 and (s.type is None or off in s.ptrs)
