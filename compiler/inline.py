"""inline: copy the bodies of small functions into their static call sites (IR → IR).

Runs between walk and liveness, so liveness, regalloc and amd64 see one function. For

    func (loader L) Varuint64() uint64 { value, err := binary.ReadUvarint(loader.R); ... }
    ... sum += loader.Varuint64()

the call becomes: the argument words copied into the callee's renamed parameter slots,
a jump to the callee's renamed blocks, whose `ret`s jump to a continuation block that
copies the renamed result slots out and goes on with the caller:

    b3:  ... mov w8 loader·1+0 <- loader+0 ... jump b9
    b9:  (Varuint64's entry, slots renamed `name·1`) ... jump b14
    b14: mov w8 .autotmp_7+0 <- ~r0·1+0 ...

A callee is inlined when it is small (at most MAX_INSTRS instructions, MAX_BLOCKS
blocks), not `//go:noinline`, not compiler-generated, defers nothing, calls no
`recover`, has no closure context, is not recursive, and is in neither `testing` nor
`log` nor calls into them (their callerFrame counts frames, and `t.Helper` names the
helper's own frame: do NOT inline what those walks must see). Where a copied body's
call sits in a loop, where its cost repeats, the call is inlined in turn, up to
MAX_DEPTH nested levels and while the caller has grown by at most MAX_GROWTH
instructions; a function already on the chain of bodies a block was copied from is not
inlined there again (mutual recursion). Elsewhere one level: the copy's calls stay
calls. So the loader's

    sum += loader.Varuint64()      // Varuint64 calls binary.ReadUvarint

gets Varuint64's body and, inside it, ReadUvarint's: the loop calls only ReadByte, as
the loop calling Varuint64Direct does. `-l` turns the pass off; `-dump=inline` prints
the result in `-dump=ir`'s form.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from compiler import ir
from compiler.diag import InlSite, Pos

MAX_INSTRS = 48
MAX_BLOCKS = 16
MAX_GROWTH = 400
"""Instructions a caller may gain from inlining, in all."""
MAX_DEPTH = 3
"""Nested inlined bodies a block may sit inside (the caller's own blocks are depth 0)."""
_FRAME_PKGS = ("testing.", "log.", "runtime.")


@dataclass(frozen=True, slots=True)
class Options:
    enabled: bool = True


def inlinable(f: ir.Func, externs: frozenset[str]) -> bool:
    """Whether calls to f may be replaced by its body (see the module docstring)."""
    if f.noinline or f.generated or f.defers or f.name.startswith(_FRAME_PKGS):
        return False
    n = sum(len(b.instrs) for b in f.blocks)
    if n > MAX_INSTRS or len(f.blocks) > MAX_BLOCKS:
        return False
    for b in f.blocks:
        for i in b.instrs:
            match i:
                case ir.ClosurePtr():
                    return False
                case ir.CCall(sym=s) if s == "runtime.gorecover":
                    return False
                case ir.Call(target=str(t)) if t == f.name or t.startswith(_FRAME_PKGS) \
                        or t in externs:
                    return False
    return True


def _ren(op: object, sfx: str, alias: dict[str, ir.Local]) -> object:
    if isinstance(op, ir.Local):
        a = alias.get(op.slot)
        if a is not None:
            return ir.Local(a.slot, a.off + op.off)
        return ir.Local(op.slot + sfx, op.off)
    if isinstance(op, ir.Arg):
        return ir.Arg(_ren(op.mem, sfx, alias), op.off, op.size)  # type: ignore[arg-type]
    if isinstance(op, tuple):
        return tuple(_ren(x, sfx, alias) for x in op)
    return op


def graft(p: Pos, fn: str, call: Pos) -> Pos:
    """p, a position in fn's body, as seen once fn is inlined at call: the outermost
    site of p's inline chain gets `fn at call` as its own caller."""
    if p.inl is None:
        return replace(p, inl=InlSite(fn, call))
    return replace(p, inl=InlSite(p.inl.fn, graft(p.inl.call, fn, call)))


def _rename(i: ir.Instr, sfx: str, alias: dict[str, ir.Local],
            site: tuple[str, Pos] | None = None) -> ir.Instr:
    """i with every slot it names suffixed, or replaced by the caller's slot it aliases;
    with site (callee, call position), its position marked as inlined there."""
    changes: dict[str, Any] = {}
    if site is not None:
        changes["pos"] = graft(i.pos, *site)
    for fl in fields(i):
        v = getattr(i, fl.name)
        nv = _ren(v, sfx, alias)
        if nv is not v:
            changes[fl.name] = nv
    return replace(i, **changes) if changes else i


def _written(g: ir.Func) -> set[str]:
    """The slots g writes or takes the address of."""
    out: set[str] = set()
    for b in g.blocks:
        for i in b.instrs:
            dst = getattr(i, "dst", None)
            if isinstance(dst, ir.Local):
                out.add(dst.slot)
            match i:
                case ir.LoadAddr(src=ir.Local(slot=sl)):
                    out.add(sl)
                case ir.Call(results=rs):
                    out.update(r.mem.slot for r in rs if isinstance(r.mem, ir.Local))
                case ir.CCall(results=ms):
                    out.update(m.slot for m in ms if isinstance(m, ir.Local))
    return out


def _move(pos: Pos, dst: ir.Mem, src: ir.Mem, size: int) -> ir.Instr:
    if size in (1, 2, 4, 8):
        return ir.Mov(pos, dst, src, size)
    return ir.Copy(pos, dst, src, size)


def _expand(f: ir.Func, callees: dict[str, ir.Func], sites: Iterator[int]) -> ir.Func:
    """f with its calls to callees inlined, and calls in the copied bodies in turn."""
    slots = list(f.slots)
    byname = {s.name: s for s in slots}
    facts: dict[str, tuple[set[str], set[int]]] = {}  # callee -> (_written, loop blocks)
    blocks: dict[int, ir.Block] = {b.index: b for b in f.blocks}
    # block -> the callees whose bodies it was copied from, outermost first
    chain: dict[int, tuple[str, ...]] = {b.index: () for b in f.blocks}
    # block -> whether it is in a loop (of f, or of a body copied into a loop of f)
    inloop = dict.fromkeys((b.index for b in f.blocks), False)
    for body in ir.loops(f).values():
        inloop.update(dict.fromkeys(body, True))
    nxt = max(blocks) + 1
    grown = 0
    work = deque(b.index for b in f.blocks)
    seq = list(work)  # layout order: each copied body right after its call's block
    while work:
        bi = work.popleft()
        b = blocks[bi]
        for k, c in enumerate(b.instrs):
            if not (isinstance(c, ir.Call) and isinstance(c.target, str)):
                continue
            g = callees.get(c.target)
            if g is None or g.name == f.name or g.name in chain[bi] or \
                    len(chain[bi]) >= MAX_DEPTH or (chain[bi] and not inloop[bi]):
                continue
            size = sum(len(x.instrs) for x in g.blocks)
            # do NOT key zero-size slots by offset: they share it with the next one
            params = {s.off: s for s in g.slots if s.kind is ir.SlotKind.PARAM and s.size}
            results = {s.off: s for s in g.slots if s.kind is ir.SlotKind.RESULT and s.size}
            args = [a for a in c.args if a.size]
            res = [r for r in c.results if r.size]
            if grown + size > MAX_GROWTH or not all(
                    a.off in params and a.size <= params[a.off].size for a in args) or \
                    not all(r.off in results and r.size <= results[r.off].size for r in res):
                continue
            sfx = f"·{next(sites)}"
            grown += size
            # A parameter the callee only reads, passed a whole unaliased caller slot
            # region, is read in place instead of copied.
            alias: dict[str, ir.Local] = {}
            head = list(b.instrs[:k])
            if g.name not in facts:
                facts[g.name] = (_written(g), set().union(*ir.loops(g).values()))
            wr, gloops = facts[g.name]
            for a in args:
                pm = params[a.off]
                if pm.name not in wr and a.size == pm.size and isinstance(a.mem, ir.Local) \
                        and not byname[a.mem.slot].addrtaken:
                    alias[pm.name] = a.mem
                else:
                    head.append(_move(c.pos, ir.Local(pm.name + sfx), a.mem, a.size))
            for s in g.slots:
                if s.name not in alias:
                    ns = replace(s, name=s.name + sfx, kind=ir.SlotKind.AUTO, off=0)
                    slots.append(ns)
                    byname[ns.name] = ns
            base = nxt
            order = {x.index: base + n for n, x in enumerate(g.blocks)}
            cont = base + len(g.blocks)
            nxt = cont + 1
            blocks[bi] = ir.Block(bi, tuple(head), ir.Jump(c.pos, order[g.blocks[0].index]))
            inner = (*chain[bi], g.name)
            for x in g.blocks:
                t = x.term
                match t:
                    case ir.Jump(target=tg):
                        t = replace(t, target=order[tg])
                    case ir.If(cond=cond, then=th, els=el):
                        rc = _ren(cond, sfx, alias)
                        assert isinstance(rc, (ir.Local, ir.Global, ir.Imm, ir.SymAddr))
                        t = replace(t, cond=rc, then=order[th], els=order[el])
                    case ir.Ret():
                        t = ir.Jump(t.pos, cont)
                instrs = tuple(_rename(i, sfx, alias, (g.name, c.pos)) for i in x.instrs)
                blocks[order[x.index]] = ir.Block(order[x.index], instrs, t)
                chain[order[x.index]] = inner
                inloop[order[x.index]] = inloop[bi] or x.index in gloops
            tail = [_move(c.pos, r.mem, ir.Local(results[r.off].name + sfx), r.size)
                    for r in res]
            tail.extend(b.instrs[k + 1:])
            blocks[cont] = ir.Block(cont, tuple(tail), b.term)
            chain[cont] = chain[bi]
            inloop[cont] = inloop[bi]
            at = seq.index(bi) + 1
            seq[at:at] = [*order.values(), cont]
            work.extendleft(reversed([*order.values(), cont]))
            break
    if len(blocks) == len(f.blocks):
        return f
    return replace(f, slots=tuple(slots), blocks=ir.renumber([blocks[k] for k in seq]))


def inline_program(prog: ir.Program, opts: Options | None = None,
                   imported: Mapping[str, ir.Func] | None = None) -> ir.Program:
    """prog with small functions' bodies copied into their static call sites; imported
    holds the inlinable bodies of the packages compiled separately before prog
    (compiler/units.py), which inline as prog's own do."""
    opts = opts or Options()
    if not opts.enabled:
        return prog
    externs = frozenset(prog.externs)
    callees = dict(imported or {})
    callees.update((f.name, f) for f in prog.funcs if inlinable(f, externs))
    sites = itertools.count(1)
    funcs = tuple(_expand(f, callees, sites) for f in prog.funcs)
    return replace(prog, funcs=funcs)
