"""fold: jumps threaded past branches their predecessor decides, and copies read from
their source (IR → IR).

First compiler/prove.py drops the bounds checks an earlier check on the same path
decided.

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
`if` folds; blocks no longer reached are dropped.

Then `reuse_addresses`: an element address (`mul T <- i, $8 ; add T <- T, p+0`)
computed again along a single-predecessor chain while an earlier temporary still holds
it is read from that temporary (a swap `p[i], p[j] = p[j], p[i]` builds two addresses,
not four).

Then `propagate`: a word written once by a move from a word nothing writes again
afterwards is read from that source. The loader's inlined ReadUvarint(loader.R) loop
passes `loader+8` to ReadByte instead of the converted reader's data word that was
stored from it just before (a store-to-load forwarding on every varint's first byte).
The move itself is left for regalloc, which drops it once nothing reads it. A block
copy's aligned words count as moves of the source's words, and a block copy nothing
reads any more goes (the slice header walk copies for each left-hand index of a swap:
left in place, it would read the slice whole and keep hoist from copying its data
pointer).

Last compiler/hoist.py: the innermost call-free loops read the pointer words they never
write from copies made before them (registers, where the words themselves stay in the
frame because they are live across calls); and compiler/addrmode.py: loads and stores
through an element address take the base and scaled index themselves when nothing else
reads the address.

`-N` turns the pass off; `-dump=fold` prints the result in `-dump=ir`'s form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from compiler import ir
from compiler.addrmode import index_func
from compiler.hoist import hoist_func
from compiler.prove import prove_func

MAX_DUP = 8
"""Instructions of a join block a predecessor may take over."""

MAX_WORDS = 64
"""Words of a zeroing or copy followed one by one; a larger one only forgets what it
overwrites (do NOT follow every word: a [1<<28]byte would cost 1<<25 steps)."""

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
            case ir.Zero(dst=d, size=n, filled=True):
                self.kill(d, n)
            case ir.Zero(dst=d, size=n):
                self.kill(d, n)
                if isinstance(d, ir.Local) and n <= 8 * MAX_WORDS:
                    for k in range(0, n - n % 8, 8):
                        self.set(ir.Local(d.slot, d.off + k), 8, 0)
            case ir.Copy(dst=d, size=n) if n > 8 * MAX_WORDS:
                self.kill(d, n)
            case ir.Copy(dst=d, src=s, size=n):
                words = [self.get(ir.Local(s.slot, s.off + k), 8)
                         if isinstance(s, ir.Local) else None for k in range(0, n, 8)]
                self.kill(d, n)
                if isinstance(d, ir.Local) and n % 8 == 0:
                    for k, v in zip(range(0, n, 8), words, strict=True):
                        self.set(ir.Local(d.slot, d.off + k), 8, v)
            case ir.BinOp(op=op, dst=d, x=x, y=y, width=w) if op in (ir.Op.EQ, ir.Op.NE):
                a, b = self.get(x, w), self.get(y, w)
                mask = (1 << 8 * w) - 1  # the machine compares w bytes: -1 == 255 as bytes
                v = None if a is None or b is None else \
                    int((a & mask == b & mask) == (op is ir.Op.EQ))
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
    """f with jumps threaded past the `if`s their predecessors decide, then copies
    propagated (module docstring)."""
    tracked = _tracked(f)
    f, changed = prove_func(f, tracked)
    blocks = {b.index: b for b in f.blocks}
    keep = f.defer_exits

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

    for b in f.blocks:
        if not isinstance(b.term, ir.Jump):
            continue
        c = blocks[through(b.term.target)]
        if not isinstance(c.term, ir.If) or c.index == b.index or c.index in keep or \
                len(c.instrs) > MAX_DUP or any(isinstance(i, ir.CALLS) for i in c.instrs):
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
    if changed:
        live = _reached(blocks, f.blocks[0].index, keep)
        f = replace(f, blocks=ir.renumber([blocks[k.index] for k in f.blocks
                                           if k.index in live]))
    known = {id(i): ir.accesses(i) for b in f.blocks for i in b.instrs}
    return index_func(hoist_func(propagate(reuse_addresses(f, tracked, known), tracked, known),
                                 tracked))


Word = tuple[str, int]

AddrKey = tuple[ir.Operand, int, ir.Operand]
"""(index, scale, base) of an element address `t = index * scale; t = t + base`."""


def _addr_pair(a: ir.Instr, b: ir.Instr, tracked: frozenset[str]) -> AddrKey | None:
    """The key of the element address a and b compute into a's 8-byte temporary, if
    they are walk's `binop mul t <- i, $scale ; binop add t <- t, base` on tracked words."""
    if not (isinstance(a, ir.BinOp) and isinstance(b, ir.BinOp) and a.op is ir.Op.MUL
            and b.op is ir.Op.ADD and a.width == b.width == 8 and isinstance(a.dst, ir.Local)
            and a.dst.off == 0 and a.dst.slot in tracked and b.dst == a.dst and b.x == a.dst
            and isinstance(a.y, ir.Imm) and isinstance(a.x, ir.Local) and a.x.slot in tracked
            and isinstance(b.y, ir.Local) and b.y.slot in tracked
            and a.x.slot != a.dst.slot and b.y.slot != a.dst.slot):
        return None
    return a.x, a.y.value, b.y


Known = dict[int, list[ir.Access]]
"""ir.accesses of instructions, by id, computed once for both passes over a function
(its instructions kept alive by the function, so an id stays theirs)."""


def _accesses(i: ir.Instr, known: Known) -> list[ir.Access]:
    a = known.get(id(i))
    return a if a is not None else ir.accesses(i)


def reuse_addresses(f: ir.Func, tracked: frozenset[str], known: Known | None = None
                    ) -> ir.Func:
    """f with an element address computed again where the same computation's temporary
    still holds it read from that temporary. walk evaluates `perm[i], perm[j] =
    perm[j], perm[i]` as the two destination addresses, then the two source addresses
    again (a multiply and an add each), and `j := perm[k]; perm[k] = k` likewise. Along
    a chain of single-predecessor blocks (as prove's facts), the pair `mul T2 <- i,
    $8 ; add T2 <- T2, perm+0` is dropped when an earlier pair left the same address in
    T (i, perm and T not written since) and T2 is a temporary those two instructions
    alone write, read only later in the same block while T still holds it; those reads
    read T."""
    if f.defers:
        return f
    known = known if known is not None else {}
    # Only a slot's first word is asked about (the temporaries are one word): do NOT
    # list every word of an access, a [400e6]byte copy has fifty million.
    ndefs: dict[Word, int] = {}
    readin: dict[Word, set[int]] = {}
    for b in f.blocks:
        bi = b.index
        for i in b.instrs:
            accs = known.get(id(i))
            for a in accs if accs is not None else ir.accesses(i):
                if a.off >= 8:
                    continue
                w = (a.slot, 0)
                if a.is_def:
                    ndefs[w] = ndefs.get(w, 0) + 1
                else:
                    r = readin.get(w)
                    if r is None:
                        readin[w] = {bi}
                    else:
                        r.add(bi)
        if isinstance(b.term, ir.If) and isinstance(b.term.cond, ir.Local) and \
                b.term.cond.off < 8:
            readin.setdefault((b.term.cond.slot, 0), set()).add(-1)
    preds: dict[int, list[int]] = {b.index: [] for b in f.blocks}
    for b in f.blocks:
        for t in ir.successors(b.term):
            preds[t].append(b.index)
    slots = {s.name: s for s in f.slots}
    out_avail: dict[int, dict[AddrKey, str]] = {}
    blocks = []
    changed = False
    exits = f.defer_exits
    for b in f.blocks:
        ps = preds[b.index]
        avail: dict[AddrKey, str] = {}
        if len(ps) == 1 and b.index not in exits:
            avail = dict(out_avail.get(ps[0], {}))
        instrs = list(b.instrs)
        k = 0
        while k < len(instrs):
            i = instrs[k]
            key = _addr_pair(i, instrs[k + 1], tracked) if k + 1 < len(instrs) and \
                type(i) is ir.BinOp else None
            if key is not None:
                assert isinstance(i, ir.BinOp) and isinstance(i.dst, ir.Local)
                t2 = i.dst.slot
                held = avail.get(key)
                if held is not None and held != t2 and ndefs.get((t2, 0)) == 2 and \
                        readin.get((t2, 0), set()) <= {b.index} and \
                        slots[t2].size == 8 and slots[t2].kind is ir.SlotKind.AUTO and \
                        _rename_reads(instrs, k + 2, t2, held, known):
                    del instrs[k:k + 2]
                    changed = True
                    continue
                avail = {kk: v for kk, v in avail.items() if t2 not in _key_slots(kk, v)}
                avail[key] = t2
                k += 2
                continue
            if avail:
                for a in _accesses(i, known):
                    if a.is_def and avail:
                        avail = {kk: v for kk, v in avail.items()
                                 if a.slot not in _key_slots(kk, v)}
            if isinstance(i, ir.Mov) and i.width == 8 and isinstance(i.dst, ir.Local) and \
                    i.dst.off == 0 and i.dst.slot in tracked and isinstance(i.src, ir.Local) \
                    and i.src.off == 0:
                # a copy of an available address holds it too, and is mostly the one
                # still read later (walk's `mov .autotmp_58 <- .autotmp_57` feeds the
                # store): reading it keeps one register for both
                for kk, v in list(avail.items()):
                    if v == i.src.slot and i.dst.slot not in _key_slots(kk, v):
                        avail[kk] = i.dst.slot
            k += 1
        out_avail[b.index] = avail
        blocks.append(ir.Block(b.index, tuple(instrs), b.term) if instrs != list(b.instrs) else b)
    return replace(f, blocks=tuple(blocks)) if changed else f


def _key_slots(key: AddrKey, t: str) -> set[str]:
    return {t, *(o.slot for o in (key[0], key[2]) if isinstance(o, ir.Local))}


def _rename_reads(instrs: list[ir.Instr], start: int, old: str, new: str, known: Known
                  ) -> bool:
    """Rewrite the reads of word (old, 0) in instrs[start:] as reads of (new, 0), in
    place, if no instruction writes new before the last of them; else change nothing."""
    last = -1
    for k in range(start, len(instrs)):
        if any(a.slot == old and not a.is_def for a in _accesses(instrs[k], known)):
            last = k
    for k in range(start, last):
        if any(a.slot == new and a.is_def for a in _accesses(instrs[k], known)):
            return False
    for k in range(start, last + 1):
        if any(a.slot == old and a.is_def for a in _accesses(instrs[k], known)):
            return False
    src, dst = ir.Local(old, 0), ir.Local(new, 0)
    for k in range(start, last + 1):
        instrs[k] = _map_reads(instrs[k], lambda op: dst if op == src else op)
    return True


def _map_reads(i: ir.Instr, local: Callable[[ir.Local], ir.Local]) -> ir.Instr:
    """i with every Local it reads (not its dst) replaced by local(op); i itself when
    local changes none (local returns op itself to leave it)."""
    ch: dict[str, Any] = {}
    for fl in i.__dataclass_fields__:
        v = getattr(i, fl)
        nv = _map_operand(v, local) if fl != "dst" else v
        if nv is not v:
            ch[fl] = nv
    return ir.evolve(i, **ch) if ch else i


def _map_operand(op: object, local: Callable[[ir.Local], ir.Local]) -> object:
    """op with every Local in it replaced by local(op); op itself when none changes.
    A module-level function, not a closure: do NOT nest it in _map_reads (a recursive
    closure is a reference cycle, garbage only the cyclic collector frees)."""
    if isinstance(op, ir.Local):
        return local(op)
    if isinstance(op, ir.Arg):
        m = _map_operand(op.mem, local)
        return op if m is op.mem else ir.Arg(m, op.off, op.size)  # type: ignore[arg-type]
    if isinstance(op, tuple):
        xs = tuple([_map_operand(x, local) for x in op])
        return op if all(a is b for a, b in zip(xs, op, strict=True)) else xs
    return op


def _words(slot: str, off: int, size: int) -> list[Word]:
    """The 8-byte words of slot that bytes [off, off+size) touch."""
    return [(slot, k) for k in range(off - off % 8, off + size, 8)]


def propagate(f: ir.Func, tracked: frozenset[str], known: Known | None = None) -> ir.Func:
    """f with the reads of a word W that one `mov w8 W <- S` writes reading S instead,
    where S is a word of a tracked slot that no path from that move writes again (so W
    and S agree wherever W is read). The read then no longer waits for W's store to be
    forwarded: the loader's converted reader `r` is read from `loader` itself. W must be
    a compiler temporary (do NOT hide a named variable: `-live` reports name it) read
    only as a whole word; a function that defers is left alone (a recovered panic
    jumps from any call to its exit block)."""
    if f.defers:
        return f
    known = known if known is not None else {}
    slots = {s.name: s for s in f.slots}
    defs: dict[Word, list[tuple[int, int]]] = {}
    bad: set[Word] = set()  # read other than as one whole word
    wide: set[str] = set()  # slots accessed in more than MAX_WORDS words at once
    # tracked slot -> (block position, index) of the instructions that access it
    mention: dict[str, list[tuple[int, int]]] = {}
    for bp, b in enumerate(f.blocks):
        bi = b.index
        for k, i in enumerate(b.instrs):
            accs = known.get(id(i))
            for a in accs if accs is not None else ir.accesses(i):
                s = a.slot
                if s not in tracked or s in wide:
                    continue
                size, off = a.size, a.off
                if size > 8 * MAX_WORDS:
                    wide.add(s)
                    continue
                mention.setdefault(s, []).append((bp, k))
                if a.is_def:
                    if 0 < size <= 8 and not off % 8:
                        defs.setdefault((s, off), []).append((bi, k))
                    else:
                        for w in _words(s, off, size):
                            defs.setdefault(w, []).append((bi, k))
                elif size != 8 or off % 8:
                    bad.update(_words(s, off, size))
        if isinstance(b.term, ir.If) and isinstance(b.term.cond, ir.Local):
            bad.update(_words(b.term.cond.slot, b.term.cond.off, 1))
    blocks = {b.index: b for b in f.blocks}
    pred: dict[int, list[int]] = {b.index: [] for b in f.blocks}
    for b in f.blocks:
        for t in ir.successors(b.term):
            pred[t].append(b.index)
    reach: dict[Word, set[int]] = {}
    subst: dict[Word, Word] = {}
    for w, ds in defs.items():
        if len(ds) != 1 or w in bad or w[0] in wide or slots[w[0]].kind is not ir.SlotKind.AUTO or \
                not w[0].startswith(".autotmp"):
            continue
        bi, k = ds[0]
        src = _moved_from(blocks[bi].instrs[k], w)
        if src is None or src[0] not in tracked or src[0] == w[0] or src[0] in wide:
            continue
        later = any(d == bi and dk > k for d, dk in defs.get(src, ()))
        if later or any(t in _reaching(src, defs, pred, reach)
                        for t in ir.successors(blocks[bi].term)):
            continue
        subst[w] = src
    if not subst:
        return f
    local = partial(_forward, subst)
    # W has one write, the move: every other mention reads it. W is tracked and not
    # wide, so mention lists every instruction that names it.
    touched = {at for w in subst for at in mention[w[0]]}
    out = []
    for bp, b in enumerate(f.blocks):
        instrs = [_map_reads(i, local) if type(i) not in _LISTED or (bp, k) in touched
                  else i for k, i in enumerate(b.instrs)]
        out.append(ir.Block(b.index, tuple(instrs), b.term))
    return _drop_dead_copies(replace(f, blocks=tuple(out)), {w[0] for w in subst}, mention)


def _reaching(w: Word, defs: dict[Word, list[tuple[int, int]]], pred: dict[int, list[int]],
              reach: dict[Word, set[int]]) -> set[int]:
    """The blocks from which some write of w (defs) can be reached, memoized in reach."""
    got = reach.get(w)
    if got is None:
        got = reach[w] = {bi for bi, _ in defs.get(w, ())}
        work = list(got)
        while work:
            for p in pred[work.pop()]:
                if p not in got:
                    got.add(p)
                    work.append(p)
    return got


def _forward(subst: dict[Word, Word], op: ir.Local) -> ir.Local:
    """op reading the word at the end of its chain of substitutions, if it has one."""
    w = (op.slot, op.off)
    if w not in subst:
        return op
    seen = {w}
    while w in subst and subst[w] not in seen:
        w = subst[w]
        seen.add(w)
    return ir.Local(*w)


def _moved_from(i: ir.Instr, w: Word) -> Word | None:
    """The word that i, the one write of w, copies into it whole: the source of `mov w8
    W <- S`, or S's word at W's offset in a block copy of aligned words."""
    if isinstance(i, ir.Mov):
        if i.width == 8 and isinstance(i.src, ir.Local) and i.dst == ir.Local(*w) and \
                i.src.off % 8 == 0:
            return i.src.slot, i.src.off
    elif isinstance(i, ir.Copy) and isinstance(i.src, ir.Local) and \
            isinstance(i.dst, ir.Local) and i.dst.slot == w[0] and \
            i.dst.off % 8 == 0 and i.src.off % 8 == 0 and i.size % 8 == 0:
        d = w[1] - i.dst.off
        if 0 <= d < i.size:
            return i.src.slot, i.src.off + d
    return None


def _drop_dead_copies(f: ir.Func, renamed: set[str],
                      mention: dict[str, list[tuple[int, int]]]) -> ir.Func:
    """f without the block copies into slots of `renamed` that nothing reads any more
    (every read now names the copy's source): a copy left in place would still read
    its source as a whole (a slice header for its data pointer), which keeps hoist
    from copying that pointer out of a loop."""
    dead: set[tuple[int, int]] = set()
    for t in renamed:
        acc = [(at, a) for at in set(mention[t])
               for a in ir.accesses(f.blocks[at[0]].instrs[at[1]]) if a.slot == t]
        if any(not a.is_def for _, a in acc) or \
                any(isinstance(b.term, ir.If) and isinstance(b.term.cond, ir.Local)
                    and b.term.cond.slot == t for b in f.blocks):
            continue
        if all(isinstance(f.blocks[bp].instrs[k], ir.Copy) for (bp, k), _ in acc):
            dead.update(at for at, _ in acc)
    if not dead:
        return f
    return replace(f, blocks=tuple(
        ir.Block(b.index, tuple(i for k, i in enumerate(b.instrs) if (bp, k) not in dead),
                 b.term) for bp, b in enumerate(f.blocks)))


_LISTED = frozenset(ir.ACCESS_CLASSES) - {ir.DeferProc}
"""The instructions whose every Local operand but LoadAddr's src (an address-taken slot,
never tracked) ir.accesses lists: _map_reads leaves one that lists no renamed slot as
it is."""


def _reached(blocks: dict[int, ir.Block], entry: int, keep: frozenset[int]) -> set[int]:
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
