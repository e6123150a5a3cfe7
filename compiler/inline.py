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

`refgo compile` (and so -m) passes gc's decisions instead (Options.gc, from
compiler/inlcost.py): the callees are the functions gc's budget admits that the IR can
copy (whatever their IR size), the calls in copied bodies are inlined in turn wherever
they sit, as gc's inliner does, and a `func() {...}()` gc inlines is called through its
static closure `X·f`, which becomes a direct call of X. With -m the pass reports gc's
`inlining call to f` and, for each of the callee's heap variables the copy allocates,
`moved to heap: x`, at the outermost call's `(`.

A call escape analysis decided with the callee's body in place (escape's
`EscapeResult.inlined`) calls that body lowered under the copy's decisions
(`Options.variants`): its stack objects belong to the caller's frame, so it is inlined
whatever the limits above, and the variant itself is dropped.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from compiler import ir
from compiler.diag import Diagnostics, InlSite, InternalError, Pos
from compiler.inlcost import BIG_FUNCTION_MAX_COST, Inlinability

MAX_INSTRS = 48
MAX_BLOCKS = 16
MAX_GROWTH = 400
"""Instructions a caller may gain from inlining, in all."""
MAX_DEPTH = 3
"""Nested inlined bodies a block may sit inside (the caller's own blocks are depth 0)."""
GC_MAX_GROWTH = 2000
GC_MAX_DEPTH = 12
"""The same bounds when gc's decisions choose the callees: gc's own bound is its budget
(an inlinable body counts its inlined callees), these only stop a runaway."""
_FRAME_PKGS = ("testing.", "log.", "runtime.")


@dataclass(frozen=True, slots=True)
class Options:
    """`gc` holds gc's decisions (compiler/inlcost.py): when set, they choose the
    callees (with the IR's own limits below), calls in copied bodies are inlined in
    turn wherever they are, and with `report` (the reported package's path) the pass
    reports `inlining call to f` and the copies' `moved to heap: x` to diags, at
    calls in its files (`report_files`; package inits share one function)."""

    enabled: bool = True
    gc: Inlinability | None = None
    report: str | None = None
    report_files: frozenset[str] = frozenset()
    variants: Mapping[str, str] = field(default_factory=dict)
    """The callee bodies lowered for one call each with the escape decisions of their
    copy there (driver.walk_options), by symbol, to the callee's own symbol: each call
    of one MUST be inlined (its stack objects live in the caller's frame), whatever the
    limits, and the functions themselves are dropped."""


def inlinable(f: ir.Func, externs: frozenset[str], sized: bool = True) -> bool:
    """Whether calls to f may be replaced by its body (see the module docstring);
    without sized, whatever f's size (gc's budget has decided it)."""
    if f.noinline or f.generated or f.defers or f.name.startswith(_FRAME_PKGS):
        return False
    n = sum(len(b.instrs) for b in f.blocks)
    if sized and (n > MAX_INSTRS or len(f.blocks) > MAX_BLOCKS):
        return False
    for b in f.blocks:
        for i in b.instrs:
            match i:
                case ir.ClosurePtr():
                    return False
                case ir.CCall(sym=s) if s in ("runtime.gorecover", "runtime.recoverfp"):
                    return False
                case ir.Call(target=str(t)) if t == f.name or t.startswith(_FRAME_PKGS) \
                        or t in externs:
                    return False
    return True


def _ren(op: object, sfx: str, alias: dict[str, ir.Local]) -> object:
    """op (an operand, an Arg or a tuple of them) with each Local renamed (_ren_local)."""
    if type(op) is ir.Local:
        return _ren_local(op, sfx, alias)
    if type(op) is ir.Arg:
        return ir.Arg(_ren(op.mem, sfx, alias), op.off, op.size)  # type: ignore[arg-type]
    if type(op) is tuple:
        return tuple([_ren(x, sfx, alias) for x in op])
    return op


def _ren_local(op: ir.Local, sfx: str, alias: dict[str, ir.Local]) -> ir.Local:
    """op suffixed, or the caller's slot it aliases (typed, so that compiled callers
    skip _ren's checks)."""
    a = alias.get(op.slot)
    if a is not None:
        return ir.Local(a.slot, a.off + op.off)
    return ir.Local(op.slot + sfx, op.off)


def _ren_mem(op: ir.Mem, sfx: str, alias: dict[str, ir.Local]) -> ir.Mem:
    return _ren_local(op, sfx, alias) if type(op) is ir.Local else op


def _ren_op(op: ir.Operand, sfx: str, alias: dict[str, ir.Local]) -> ir.Operand:
    return _ren_local(op, sfx, alias) if type(op) is ir.Local else op


def graft(p: Pos, fn: str, call: Pos) -> Pos:
    """p, a position in fn's body, as seen once fn is inlined at call: the outermost
    site of p's inline chain gets `fn at call` as its own caller."""
    if p.inl is None:
        return Pos(p.file, p.line, p.col, InlSite(fn, call))
    return Pos(p.file, p.line, p.col, InlSite(p.inl.fn, graft(p.inl.call, fn, call)))


def _rename(i: ir.Instr, sfx: str, alias: dict[str, ir.Local],
            site: tuple[str, Pos] | None = None,
            grafted: dict[int, Pos] | None = None) -> ir.Instr:
    """i with every slot it names suffixed, or replaced by the caller's slot it aliases;
    with site (callee, call position), its position marked as inlined there. grafted
    memoizes graft for this one site by the id of the callee's position (the callee's
    instructions keep theirs alive): a body repeats a position across instructions."""
    changes: dict[str, Any] = {}
    if site is not None:
        p = i.pos
        q = grafted.get(id(p)) if grafted is not None else None
        if q is None:
            q = graft(p, *site)
            if grafted is not None:
                grafted[id(p)] = q
        # the commonest classes built directly: ir.evolve's generic rebuild took a
        # third of the inliner's time
        if isinstance(i, ir.Mov):
            return ir.Mov(q, _ren_mem(i.dst, sfx, alias), _ren_op(i.src, sfx, alias),
                          i.width)
        if isinstance(i, ir.BinOp):
            return ir.BinOp(q, i.op, _ren_mem(i.dst, sfx, alias), _ren_op(i.x, sfx, alias),
                            _ren_op(i.y, sfx, alias), i.width, i.signed)
        if isinstance(i, ir.Copy):
            return ir.Copy(q, _ren_mem(i.dst, sfx, alias), _ren_mem(i.src, sfx, alias),
                           i.size)
        if isinstance(i, ir.Load):
            return ir.Load(q, _ren_mem(i.dst, sfx, alias), _ren_mem(i.ptr, sfx, alias),
                           i.off, i.size,
                           None if i.idx is None else _ren_local(i.idx, sfx, alias),
                           i.scale)
        changes["pos"] = q
    for name in ir.operand_fields(type(i)):
        v = getattr(i, name)
        nv = _ren(v, sfx, alias)
        if nv is not v:
            changes[name] = nv
    return ir.evolve(i, **changes) if changes else i


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


@dataclass(slots=True)
class _Gc:
    """gc-decided inlining: the decisions, the static closures `X·f` of the closures gc
    inlines where they are called (to X), and the reports gathered (caller, kind, pos,
    message; kind "heap" for a copy's `moved to heap`)."""

    inl: Inlinability
    direct: dict[str, str]
    report: str | None
    files: frozenset[str]
    out: list[tuple[str, str, Pos, str]]


def outermost(p: Pos) -> Pos:
    """The position of the outermost call p's code was inlined at (gc reports there)."""
    while p.inl is not None:
        p = p.inl.call
    return p


def _static_closure(instrs: tuple[ir.Instr, ...], target: ir.Mem,
                    direct: Mapping[str, str]) -> str | None:
    """The function a closure call through target calls when, in instrs (the call's
    block before it), target was last given the static closure of a function of
    direct, directly or through copies; else None."""
    env: dict[str, str] = {}
    for i in instrs:
        dst = getattr(i, "dst", None)
        if not isinstance(dst, ir.Local):
            continue
        env.pop(dst.slot, None)
        if isinstance(i, ir.Mov) and dst.off == 0 and i.width == 8:
            match i.src:
                case ir.SymAddr(sym=sym) if sym in direct:
                    env[dst.slot] = direct[sym]
                case ir.Local(slot=sl, off=0) if sl in env:
                    env[dst.slot] = env[sl]
    if isinstance(target, ir.Local) and target.off == 0:
        return env.get(target.slot)
    return None


def _expand(f: ir.Func, callees: Mapping[str, ir.Func], sites: Iterator[int],
            gc: _Gc | None = None, variants: Mapping[str, str] | None = None,
            facts: dict[str, tuple[set[str], set[int]]] | None = None) -> ir.Func:
    """f with its calls to callees inlined, and calls in the copied bodies in turn;
    a call of one of variants (Options.variants) always. facts caches, by callee,
    what it writes (_written) and its loops' blocks, for every caller of one program."""
    variants = variants or {}
    # gc never inlines a deferred or go call, nor into a method value's wrapper (made
    # after inlining): a function they call must not recover a panic from their frame
    wrapper = ".deferwrap" in f.name or ".gowrap" in f.name or f.name.endswith("-fm")
    max_depth, max_growth = (MAX_DEPTH, MAX_GROWTH) if gc is None else \
        (GC_MAX_DEPTH, GC_MAX_GROWTH)
    report = gc is not None and gc.report is not None
    slots = list(f.slots)
    byname = {s.name: s for s in slots}
    if facts is None:
        facts = {}
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
            if not isinstance(c, ir.Call):
                continue
            tgt = c.target if isinstance(c.target, str) else None
            if tgt is None and gc is not None and c.closure and not isinstance(c.target, str):
                tgt = _static_closure(b.instrs[:k], c.target, gc.direct)
            g = callees.get(tgt) if tgt is not None else None
            forced = g is not None and g.name in variants
            if not forced and (g is None or g.name == f.name or g.name in chain[bi] or
                               (wrapper and not chain[bi]) or
                               len(chain[bi]) >= max_depth or
                               (gc is None and chain[bi] and not inloop[bi])):
                continue
            assert g is not None
            gname = variants.get(g.name, g.name)
            if not forced and gc is not None and f.name in gc.inl.big and \
                    gc.inl.costs.get(g.name, 0) > BIG_FUNCTION_MAX_COST:
                continue
            size = sum(len(x.instrs) for x in g.blocks)
            # do NOT key zero-size slots by offset: they share it with the next one
            params = {s.off: s for s in g.slots if s.kind is ir.SlotKind.PARAM and s.size}
            results = {s.off: s for s in g.slots if s.kind is ir.SlotKind.RESULT and s.size}
            args = [a for a in c.args if a.size]
            res = [r for r in c.results if r.size]
            fits = all(a.off in params and a.size <= params[a.off].size for a in args) and \
                all(r.off in results and r.size <= results[r.off].size for r in res)
            if forced and not fits:
                raise InternalError(c.pos, f"cannot inline {gname} into {f.name}")
            if not forced and (grown + size > max_growth or not fits):
                continue
            sfx = f"·{next(sites)}"
            grown += size
            call_pos = c.pos
            if gc is not None and (lp := gc.inl.lparens.get((c.pos, gname))) is not None:
                call_pos = replace(lp, inl=c.pos.inl)
            at_pos = outermost(call_pos)
            if report and gc is not None and at_pos.file in gc.files:
                gc.out.append((f.name, "inl", at_pos, f"inlining call to {_gc_name(gname, gc)}"))
                gc.out.extend((f.name, "heap", at_pos, f"moved to heap: {s.name[1:]}")
                              for s in g.slots if s.name.startswith("&"))
            # A parameter the callee only reads, passed a whole unaliased caller slot
            # region, is read in place instead of copied.
            alias: dict[str, ir.Local] = {}
            head = list(b.instrs[:k])
            if tgt is not c.target:  # the static closure is not called any more
                csym = f"{tgt}·f"
                head = [replace(i, src=ir.Imm(0)) if isinstance(i, ir.Mov) and
                        isinstance(i.src, ir.SymAddr) and i.src.sym == csym else i
                        for i in head]
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
                    ns = ir.Slot(s.name + sfx, ir.SlotKind.AUTO, s.size, s.ptrs, 0,
                                 s.addrtaken, s.type)
                    slots.append(ns)
                    byname[ns.name] = ns
            base = nxt
            order = {x.index: base + n for n, x in enumerate(g.blocks)}
            cont = base + len(g.blocks)
            nxt = cont + 1
            blocks[bi] = ir.Block(bi, tuple(head), ir.Jump(c.pos, order[g.blocks[0].index]))
            inner = (*chain[bi], gname)
            grafted: dict[int, Pos] = {}
            for x in g.blocks:
                t = x.term
                match t:
                    case ir.Jump(target=tg):
                        t = ir.Jump(t.pos, order[tg])
                    case ir.If(cond=cond, then=th, els=el):
                        t = ir.If(t.pos, _ren_op(cond, sfx, alias), order[th], order[el])
                    case ir.Ret():
                        t = ir.Jump(t.pos, cont)
                instrs = tuple([_rename(i, sfx, alias, (gname, call_pos), grafted)
                                for i in x.instrs])
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


def _gc_name(sym: str, gc: _Gc) -> str:
    """sym as gc's -m names a function: unqualified in the reported package, else
    qualified by its package's name (`binary.littleEndian.Uint64`)."""
    if gc.report is not None and sym.startswith(gc.report + "."):
        return sym[len(gc.report) + 1:]
    return sym.rsplit("/", 1)[-1]


def _refs(prog: ir.Program) -> set[str]:
    """The symbols prog's code refers to (static closures' own relocations aside)."""
    out: set[str] = set()

    def scan(v: object) -> None:
        if isinstance(v, ir.SymAddr):
            out.add(v.sym)
        elif isinstance(v, tuple):
            for x in v:
                scan(x)
        elif hasattr(v, "__dataclass_fields__") and not isinstance(v, Pos):
            for name in ir.field_names(type(v)):
                scan(getattr(v, name))

    for f in prog.funcs:
        for b in f.blocks:
            for i in b.instrs:
                if isinstance(i, ir.Call) and isinstance(i.target, str):
                    out.add(i.target)
                scan(i)
            scan(b.term)
    for d in prog.data:
        if not d.sym.endswith("·f"):
            out.update(r.sym for r in d.relocs)
    return out


class _Callees(Mapping[str, ir.Func]):
    """The program's inlinable functions over the imported ones, which are looked up only
    when a call site asks for one (units.Bodies reads a unit's bodies on demand)."""

    def __init__(self, own: dict[str, ir.Func], imported: Mapping[str, ir.Func]) -> None:
        self.own = own
        self.imported = imported

    def update(self, funcs: Iterable[tuple[str, ir.Func]]) -> None:
        self.own.update(funcs)

    def __getitem__(self, name: str) -> ir.Func:
        f = self.own.get(name)
        return f if f is not None else self.imported[name]

    def __contains__(self, name: object) -> bool:
        return name in self.own or name in self.imported

    def __iter__(self) -> Iterator[str]:
        return iter({**dict.fromkeys(self.imported), **dict.fromkeys(self.own)})

    def __len__(self) -> int:
        return sum(1 for _ in self)


def inline_program(prog: ir.Program, opts: Options | None = None,
                   imported: Mapping[str, ir.Func] | None = None,
                   diags: Diagnostics | None = None) -> ir.Program:
    """prog with small functions' bodies copied into their static call sites; imported
    holds the inlinable bodies of the packages compiled separately before prog
    (compiler/units.py), which inline as prog's own do. With gc's decisions (Options),
    a func literal gc inlines everywhere it is called is dropped once no code refers
    to it (as gc drops it), and the reports go to diags."""
    opts = opts or Options()
    forced = {f.name: f for f in prog.funcs if f.name in opts.variants}
    if forced:
        prog = replace(prog, funcs=tuple(f for f in prog.funcs if f.name not in forced))
    if not opts.enabled:
        assert not forced
        return prog
    externs = frozenset(prog.externs)
    callees = _Callees({}, imported or {})
    gc: _Gc | None = None
    if opts.gc is None:
        callees.update((f.name, f) for f in prog.funcs if inlinable(f, externs))
    else:
        callees.update((f.name, f) for f in prog.funcs
                       if f.name in opts.gc.costs and inlinable(f, externs, sized=False))
        direct = {f"{n}·f": n for n in opts.gc.direct if n in callees}
        gc = _Gc(opts.gc, direct, opts.report if diags is not None else None,
                 opts.report_files, [])
    callees.update(forced.items())
    sites = itertools.count(1)
    facts: dict[str, tuple[set[str], set[int]]] = {}
    funcs = tuple(_expand(f, callees, sites, gc, opts.variants, facts) for f in prog.funcs)
    prog = replace(prog, funcs=funcs)
    if forced:
        left = forced.keys() & _refs(prog)
        if left:
            raise InternalError(forced[min(left)].blocks[0].term.pos,
                                f"{min(left)} not inlined")
    if gc is None:
        return prog
    refs = _refs(prog)
    dead = {n for n in gc.direct.values() if n not in refs and f"{n}·f" not in refs}
    if dead:
        prog = replace(prog, funcs=tuple(f for f in prog.funcs if f.name not in dead),
                       data=tuple(d for d in prog.data if d.sym[:-2] not in dead
                                  or not d.sym.endswith("·f")))
    assert diags is not None or not gc.out
    for fn, kind, pos, msg in gc.out:
        if not (kind == "heap" and fn in dead):
            diags.warn(pos, msg)  # type: ignore[union-attr]
    return prog
