"""The analysis of a program: batches in call-graph order, each built, solved, recorded.

Functions are analysed in batches, the strongly connected components of the call
graph, callees before callers, so that a call out of the batch can use the callee's
finished parameter tags; closures belong to their enclosing function's batch. Each
batch's graph is built (Builder: stmt.py, expr.py, call.py over graph.py), solved
(solve.py), and its decisions are added to the side table; for the last package, under
-m, its messages go to the diagnostics (report.py). For

    func a() { b() }    func b() { a() }    func c() { a() }

a and b form one batch (mutually recursive), analysed before c's batch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from compiler.diag import Diagnostics
from compiler.escape.call import CallBuilder
from compiler.escape.expr import ExprBuilder
from compiler.escape.graph import Analysis, Instance, Location, LocKind
from compiler.escape.report import batch_messages
from compiler.escape.result import (
    NO_LEAK,
    STACK_KINDS,
    EscapeResult,
    Inlined,
    Options,
    ParamTag,
    Site,
    SiteKind,
)
from compiler.escape.solve import held_sites, param_tag, solve
from compiler.escape.stmt import StmtBuilder
from compiler.escape.utils import dynamic_init, params, static_closures
from compiler.types import tree as T
from compiler.types.typ import Basic, Func, Kind, Signature, Var, VarKind, has_pointers, under


class Builder(StmtBuilder, ExprBuilder, CallBuilder):
    """Builds the flow graph of one batch; its methods live in one module per concern."""


def escape_program(prog: T.Program, diags: Diagnostics, opts: Options | None = None,
                   imported: Mapping[str, tuple[ParamTag, ...]] | None = None
                   ) -> EscapeResult:
    """Analyse every package (dependencies first); -m reports only for the last one.
    imported holds the tags, by function symbol, of the bodyless functions of packages
    compiled separately (compiler/units.py), which calls use as they would their own."""
    opts = opts or Options()
    an = Analysis(diags, opts)
    an.quiet.update(opts.inlined_lits)
    for p in prog.packages:
        for d in p.funcs:
            if d.func is not None:
                an.decls[id(d.func)] = d
                if d.body is None and imported and d.func.symbol in imported:
                    an.tags[id(d)] = imported[d.func.symbol]
    for i, p in enumerate(prog.packages):
        _package(an, p, report=opts.m > 0 and i == len(prog.packages) - 1)
    return EscapeResult(dict(an.sites), dict(an.moved), dict(an.tags),
                        frozenset(an.captured), dict(an.inlined),
                        frozenset(an.captured - an.byref))


def _package(an: Analysis, p: T.Package, report: bool) -> None:
    """Analyse p's functions batch by batch, then its dynamic initialisation as `init`."""
    an.pkg = p.path
    funcs = [d for d in p.funcs if d.body is not None]
    for d in p.funcs:
        if d.body is None and id(d) not in an.tags:  # not one whose tags were imported
            _external(an, d, report)
    for comp in _sccs(funcs, an.decls, an.opts.devirt):
        _batch(an, comp, report)
    dynamic = tuple(d for st in p.inits for d in dynamic_init(st))
    if dynamic:
        pos = dynamic[0].pos
        init = T.FuncDecl(pos, "init", None, Signature((), ()), None, (), (),
                          T.Block(pos, dynamic))
        an.synthetic.append(init)
        _batch(an, [init], report)


def _external(an: Analysis, d: T.FuncDecl, report: bool) -> None:
    """Tag the parameters of d, declared without a body: each pointerful one leaks to the
    heap unless d is `//go:noescape` (reported as gc does, for named parameters); a
    uintptr one is `assuming p is unsafe uintptr` (gc keeps it alive across calls)."""
    noescape = d.func is not None and "noescape" in d.func.pragmas
    tags = []
    for narg, v in enumerate(params(d), 1):
        leaks = has_pointers(v.type) and not noescape
        tags.append(ParamTag(0, ()) if leaks else NO_LEAK)
        u = under(v.type)
        if report and isinstance(u, Basic) and u.kind is Kind.UINTPTR:
            name = v.name if v.name and v.name != "_" else f"arg#{narg}"
            an.diags.warn(v.pos, f"assuming {name} is unsafe uintptr")
        elif report and v.name and v.name != "_" and has_pointers(v.type):
            an.diags.warn(v.pos, f"leaking param: {v.name}" if leaks
                          else f"{v.name} does not escape")
    an.tags[id(d)] = tuple(tags)


def _batch(an: Analysis, decls: list[T.FuncDecl], report: bool) -> None:
    """Build, solve and record one batch; with report, warn its -m messages."""
    b = Builder(an, decls)
    an.reporting = report
    an.extra = []
    for d in decls:
        b.declare_params(d)
        an.static_closures.update(static_closures(d))
    for d in decls:
        b.func(d)
    b.finish_closures()
    solve(b)
    held = held_sites(b)
    for loc in b.locs:
        if loc.inl:
            continue
        _record(an.sites, an.moved, loc, held)
        if loc.escapes and (loc.kind is LocKind.VAR and loc.var is not None and
                            loc.var.kind is not VarKind.GLOBAL or
                            loc.site_kind in STACK_KINDS or loc.site_kind is SiteKind.CONV):
            an.heapy.add(loc.fn)
    for inst in b.instances:
        _inlined(an, b, inst, held)
    for d in b.all_decls:
        an.tags[id(d)] = tuple(param_tag(b.vars[v]) for v in params(d))
    if an.opts.runtime:
        _runtime_heap_errors(an, b)
    if report:
        for pos, msg in batch_messages(b):
            an.diags.warn(pos, msg)


def _record(sites: dict[int, Site], moved: dict[Var, bool], loc: Location,
            held: set[int]) -> None:
    """Add the decision for loc, a solved location, to sites or moved."""
    if loc.kind is LocKind.SITE and loc.site_kind is not None and loc.pos is not None:
        prev = sites.get(loc.node)
        esc = loc.escapes or (prev is not None and prev.escapes)
        transient = not esc and id(loc) not in held and (prev is None or prev.transient)
        sites[loc.node] = Site(loc.site_kind, loc.pos, loc.desc, esc, transient)
    elif loc.kind is LocKind.VAR and loc.var is not None and (loc.addrtaken or loc.escapes):
        moved[loc.var] = loc.escapes


def _inlined(an: Analysis, b: Builder, inst: Instance, held: set[int]) -> None:
    """Record the decisions for the copy of inst's callee when some variable or site
    the callee's own body puts on the heap stays on the stack in it."""
    sites: dict[int, Site] = {}
    moved: dict[Var, bool] = {}
    for loc in b.locs[inst.start:inst.end]:
        if loc.inl == id(inst):
            _record(sites, moved, loc, held)
    if any(m and not moved.get(v, True) for v, m in an.moved.items() if v in moved) or \
            any(s.escapes and not sites[k].escapes for k, s in an.sites.items()
                if k in sites):
        an.inlined[id(inst.call)] = Inlined(inst.decl, moved, sites)


def _runtime_heap_errors(an: Analysis, b: Builder) -> None:
    """gc's -+: package runtime may put no variable (escape analysis) and no closure
    that captures variables (walk) on the heap."""
    for loc in b.locs:
        if loc.kind is LocKind.VAR and loc.var is not None and loc.escapes:
            an.diags.error(loc.pos or loc.var.pos, f"{loc.var.name} escapes to heap, not "
                                                   f"allowed in runtime")
    for loc, d in b.closures:
        if loc.escapes and d.captures and loc.pos is not None:
            an.diags.error(loc.pos, f"heap-allocated closure {d.name}, not allowed in "
                                    f"runtime")


def _callees(d: T.FuncDecl, decl_of: Mapping[int, T.FuncDecl],
             devirt: Mapping[int, T.MethodCall | T.IfaceCall]) -> list[T.FuncDecl]:
    """The declared functions d (and closures inside it) call or refer to, devirtualized
    interface calls included."""
    out: list[T.FuncDecl] = []
    stack: list[object] = [d.body]
    while stack:
        for n in T.walk_nodes(stack.pop()):
            f: Func | None = None
            if isinstance(n, T.FuncLit):
                stack.append(n.decl.body)
            elif isinstance(n, T.FuncRef):
                f = n.func
            elif isinstance(n, T.MethodCall):
                f = n.method
            elif isinstance(n, T.IfaceCall) and isinstance(dv := devirt.get(id(n)),
                                                          T.MethodCall):
                f = dv.method
            if f is not None and id(f) in decl_of:
                out.append(decl_of[id(f)])
    return out


def _sccs(decls: Sequence[T.FuncDecl], decl_of: Mapping[int, T.FuncDecl],
          devirt: Mapping[int, T.MethodCall | T.IfaceCall]) -> list[list[T.FuncDecl]]:
    """Strongly connected components of the call graph, callees before callers
    (Tarjan's algorithm, iterative)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on: set[int] = set()
    stack: list[T.FuncDecl] = []
    out: list[list[T.FuncDecl]] = []
    succ = {id(d): _callees(d, decl_of, devirt) for d in decls}
    counter = 0
    for start in decls:
        if id(start) in index:
            continue
        work: list[tuple[T.FuncDecl, int]] = [(start, 0)]
        while work:
            d, i = work.pop()
            if i == 0:
                index[id(d)] = low[id(d)] = counter
                counter += 1
                stack.append(d)
                on.add(id(d))
            kids = succ.get(id(d), [])
            if i < len(kids):
                work.append((d, i + 1))
                c = kids[i]
                if id(c) not in succ:
                    continue
                if id(c) not in index:
                    work.append((c, 0))
                elif id(c) in on:
                    low[id(d)] = min(low[id(d)], index[id(c)])
                continue
            if low[id(d)] == index[id(d)]:
                comp: list[T.FuncDecl] = []
                while True:
                    x = stack.pop()
                    on.discard(id(x))
                    comp.append(x)
                    if x is d:
                        break
                out.append(comp)
            if work:
                parent = work[-1][0]
                low[id(parent)] = min(low[id(parent)], low[id(d)])
    return out
