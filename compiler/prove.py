"""prove: bounds checks that an earlier check on the same path already decided (IR → IR).

walk checks every index on its own: `perm[i], perm[j] = perm[j], perm[i]` checks i and
j against len(perm) twice each, and `count[r]--; if count[r] > 0` checks r twice. Each
check is

    binop ge w8 u bad <- i+0, perm+8 ; if bad PANIC OK

and on the edge into OK, `i <u len(perm)` holds until a write to i's or perm's slot. A
block with exactly one predecessor starts with what held on that edge; a later check of
a fact that holds becomes `mov w1 bad <- $0 ; jump OK` (fold then drops the unreached
panic block, regalloc the dead move). `0 <u n` follows from any `x <u n`, and `k <u n`
from `k' <u n` for constants 0 <= k <= k' (a word moved from a constant earlier in
the block counts as that constant).

Only slots whose address is never taken are followed (no store or call changes them);
a recovery target of a deferring function starts with nothing known.
"""

from __future__ import annotations

from dataclasses import replace

from compiler import ir

Fact = tuple[ir.Operand, ir.Operand]
"""(x, n): the unsigned 8-byte x < n."""


def _check(b: ir.Block) -> tuple[ir.BinOp, ir.If] | None:
    """b's closing unsigned `x >= n` feeding its `if` alone, if it ends so."""
    t = b.term
    if not (isinstance(t, ir.If) and b.instrs):
        return None
    c = b.instrs[-1]
    if (isinstance(c, ir.BinOp) and c.op is ir.Op.GE and c.width == 8 and not c.signed
            and c.dst == t.cond and t.then != t.els):
        return c, t
    return None


def _holds(facts: set[Fact], x: ir.Operand, n: ir.Operand) -> bool:
    """Whether x <u n follows from facts."""
    if (x, n) in facts:
        return True
    if isinstance(x, ir.Imm) and x.value >= 0:
        for fx, fn in facts:
            if fn == n and (x.value == 0 or isinstance(fx, ir.Imm) and fx.value >= x.value):
                return True
    return False


def _usable(op: ir.Operand, tracked: frozenset[str]) -> bool:
    return isinstance(op, ir.Imm) or isinstance(op, ir.Local) and op.slot in tracked


def prove_func(f: ir.Func, tracked: frozenset[str]) -> tuple[ir.Func, bool]:
    """f with the bounds checks its paths decide removed, and whether any was."""
    preds: dict[int, list[int]] = {b.index: [] for b in f.blocks}
    for b in f.blocks:
        for s in ir.successors(b.term):
            preds[s].append(b.index)
    keep = f.defer_exits
    out: dict[tuple[int, int], set[Fact]] = {}
    blocks = list(f.blocks)
    changed = False
    for k, b in enumerate(blocks):
        ps = preds[b.index]
        facts: set[Fact] = set()
        if len(ps) == 1 and b.index not in keep:
            facts = set(out.get((ps[0], b.index), ()))
        chk = _check(b)
        body = b.instrs[:-1] if chk else b.instrs
        consts: dict[str, int] = {}
        for i in body:
            for a in ir.accesses(i):
                if a.is_def:
                    consts.pop(a.slot, None)
                    if facts:
                        facts = {(x, n) for x, n in facts
                                 if not (isinstance(x, ir.Local) and x.slot == a.slot
                                         or isinstance(n, ir.Local) and n.slot == a.slot)}
            if (isinstance(i, ir.Mov) and isinstance(i.src, ir.Imm) and i.width == 8
                    and isinstance(i.dst, ir.Local) and i.dst.off == 0
                    and i.dst.slot in tracked):
                consts[i.dst.slot] = i.src.value
        if chk is None:
            for s in ir.successors(b.term):
                out[(b.index, s)] = facts
            continue
        c, t = chk
        if isinstance(c.x, ir.Local) and c.x.off == 0 and c.x.slot in consts:
            c = replace(c, x=ir.Imm(consts[c.x.slot]))
        if _holds(facts, c.x, c.y):
            blocks[k] = ir.Block(b.index, (*body, ir.Mov(c.pos, c.dst, ir.Imm(0), 1)),
                                 ir.Jump(t.pos, t.els))
            out[(b.index, t.els)] = facts
            changed = True
            continue
        if isinstance(c.dst, ir.Local):
            facts = {(x, n) for x, n in facts
                     if not (isinstance(x, ir.Local) and x.slot == c.dst.slot
                             or isinstance(n, ir.Local) and n.slot == c.dst.slot)}
        out[(b.index, t.then)] = facts
        ok = set(facts)
        if _usable(c.x, tracked) and _usable(c.y, tracked):
            ok.add((c.x, c.y))
        out[(b.index, t.els)] = ok
    if not changed:
        return f, False
    return replace(f, blocks=tuple(blocks)), True
