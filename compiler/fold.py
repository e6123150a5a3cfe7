"""fold: jumps threaded past branches their predecessor decides (IR → IR).

Runs between inline and liveness. After inlining, a callee's `return x, nil` often jumps
to the caller's `if err != nil`; on that path the branch is decided. For

    b51: ... zero 16 .autotmp_19 ; copy 16 ~r1·8 <- .autotmp_19 ; jump b1·8
    b1·8: jump b38                                   (an empty block: looked through)
    b38: mov w8 value <- ~r0·8 ; copy 16 err <- ~r1·8
         binop ne w8 u .autotmp_8 <- err+0, $0 ; if .autotmp_8 b56 b57

b51 gets b38's instructions and jumps straight to b57 (err is nil there); b38 stays for
its other predecessors. Constants are followed through moves, copies and zeroing of
slots whose address is never taken, and compares of known words fold (EQ, NE). Only a
join block of at most MAX_DUP instructions, none a call, is copied, and only when its
`if` folds; blocks no longer reached are dropped. `-N` turns the pass off;
`-dump=fold` prints the result in `-dump=ir`'s form.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from compiler import ir

MAX_DUP = 8
"""Instructions of a join block a predecessor may take over."""

_CALLS = (ir.Call, ir.CCall, ir.DeferProc, ir.DeferReturn)

Key = tuple[int, int]
"""A (byte offset, size) range of one slot."""


@dataclass(frozen=True, slots=True)
class Options:
    enabled: bool = True


class _Consts:
    """Known contents of slot ranges along one straight-line path."""

    def __init__(self, tracked: frozenset[str]) -> None:
        self.tracked = tracked
        self.known: dict[str, dict[Key, int]] = {}

    def get(self, op: ir.Operand, size: int) -> int | None:
        """op's value as `size` bytes, if known."""
        match op:
            case ir.Imm(value=v):
                return v
            case ir.Local(slot=s, off=o) if s in self.tracked:
                return self.known.get(s, {}).get((o, size))
        return None

    def kill(self, m: ir.Operand | None, size: int) -> None:
        """Forgets what overlaps the `size` bytes at m."""
        if isinstance(m, ir.Local) and m.slot in self.known:
            lo, hi = m.off, m.off + size
            ks = self.known[m.slot]
            for k in [k for k in ks if k[0] < hi and lo < k[0] + k[1]]:
                del ks[k]

    def set(self, m: ir.Mem, size: int, v: int | None) -> None:
        """Records the `size` bytes at m as v (None: unknown)."""
        self.kill(m, size)
        if v is not None and isinstance(m, ir.Local) and m.slot in self.tracked:
            self.known.setdefault(m.slot, {})[(m.off, size)] = v

    def step(self, i: ir.Instr) -> None:
        """Follows i's effect on slots."""
        match i:
            case ir.Mov(dst=d, src=s, width=w):
                self.set(d, w, self.get(s, w))
            case ir.Zero(dst=d, size=n):
                self.kill(d, n)
                if isinstance(d, ir.Local):
                    for k in range(0, n - n % 8, 8):
                        self.set(ir.Local(d.slot, d.off + k), 8, 0)
            case ir.Copy(dst=d, src=s, size=n):
                words = [self.get(ir.Local(s.slot, s.off + k), 8)
                         if isinstance(s, ir.Local) else None for k in range(0, n, 8)]
                self.kill(d, n)
                if isinstance(d, ir.Local) and n % 8 == 0:
                    for k, v in zip(range(0, n, 8), words, strict=True):
                        self.set(ir.Local(d.slot, d.off + k), 8, v)
            case ir.BinOp(op=op, dst=d, x=x, y=y, width=w) if op in (ir.Op.EQ, ir.Op.NE):
                a, b = self.get(x, w), self.get(y, w)
                v = None if a is None or b is None else int((a == b) == (op is ir.Op.EQ))
                self.set(d, 1, v)
            case ir.Call(results=rs):
                for r in rs:
                    self.kill(r.mem, r.size)
            case ir.CCall(results=ms):
                for m in ms:
                    self.kill(m, 8)
            case _:
                dst = getattr(i, "dst", None)
                if isinstance(dst, ir.Local):
                    self.kill(dst, 1 << 30)


def _tracked(f: ir.Func) -> frozenset[str]:
    """Slots only named directly: never address-taken, so no store or call changes them."""
    taken = {s.name for s in f.slots if s.addrtaken}
    for b in f.blocks:
        for i in b.instrs:
            if isinstance(i, ir.LoadAddr) and isinstance(i.src, ir.Local):
                taken.add(i.src.slot)
    return frozenset(s.name for s in f.slots if s.name not in taken)


def fold_func(f: ir.Func) -> ir.Func:
    """f with jumps threaded past the `if`s their predecessors decide (module docstring)."""
    blocks = {b.index: b for b in f.blocks}
    keep = {i.exit for b in f.blocks for i in b.instrs if isinstance(i, ir.DeferProc)}
    tracked = _tracked(f)

    def through(t: int) -> int:
        """t, or the block its chain of empty jump-only blocks ends at."""
        seen = {t}
        while True:
            b = blocks[t]
            if b.instrs or not isinstance(b.term, ir.Jump) or b.term.target in seen \
                    or t in keep:
                return t
            t = b.term.target
            seen.add(t)

    changed = False
    for b in f.blocks:
        if not isinstance(b.term, ir.Jump):
            continue
        c = blocks[through(b.term.target)]
        if not isinstance(c.term, ir.If) or c.index == b.index or c.index in keep or \
                len(c.instrs) > MAX_DUP or any(isinstance(i, _CALLS) for i in c.instrs):
            continue
        consts = _Consts(tracked)
        for i in (*b.instrs, *c.instrs):
            consts.step(i)
        v = consts.get(c.term.cond, 1)
        if v is None:
            continue
        target = c.term.then if v else c.term.els
        blocks[b.index] = ir.Block(b.index, (*b.instrs, *c.instrs), ir.Jump(c.term.pos, target))
        changed = True
    if not changed:
        return f
    live = _reached(blocks, f.blocks[0].index, keep)
    return replace(f, blocks=ir.renumber([blocks[k.index] for k in f.blocks
                                          if k.index in live]))


def _reached(blocks: dict[int, ir.Block], entry: int, keep: set[int]) -> set[int]:
    """The blocks reachable from entry and from the recovery targets in keep."""
    seen = {entry, *keep}
    work = [entry, *keep]
    while work:
        for t in ir.successors(blocks[work.pop()].term):
            if t not in seen:
                seen.add(t)
                work.append(t)
    return seen


def fold_program(prog: ir.Program, opts: Options | None = None) -> ir.Program:
    """prog with every function folded (unchanged under -N)."""
    opts = opts or Options()
    if not opts.enabled:
        return prog
    return replace(prog, funcs=tuple(fold_func(f) for f in prog.funcs))
