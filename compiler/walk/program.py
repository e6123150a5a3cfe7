"""walk_program: lower every function of a checked program, then the closures and
wrappers that lowering queued, until none is left.

For

    package main
    var n = f()
    func f() int { return 1 }
    func main() { g := func() int { return n }; println(g()) }

walk_program reserves bss for `main.n`, lowers `main.f` and `main.main` (queueing the
literal as `main.main.func1`), then `main.init` (the statement `n = f()`) with the
package's init task `main..inittask` listing it, and lowers `main.main.func1`; closures
and method wrappers queued meanwhile are lowered in turn, closures first.
"""

from __future__ import annotations

import struct
from collections.abc import Collection, Sequence

from compiler import ir
from compiler.staticdata import global_sym
from compiler.types import tree as T
from compiler.types.typ import Signature, Var, VarKind, align_of, pointer_words, size_of
from compiler.walk.base import INIT_DECL, Options, ProgBuilder
from compiler.walk.closure import toplevel_defers
from compiler.walk.func import FuncBuilder


def heap_vars(body: T.Block | None, stacksites: frozenset[int],
              captured_heap: set[int], byval: frozenset[int] = frozenset()) -> set[int]:
    """Uids of variables whose address is taken or that a closure captures by reference
    (not in byval), the heap's when the escape pass has no verdict. The variables a
    closure built on the heap captures (an escaping literal, or one in a go or defer
    statement's call, which closure.wrap_call evaluates into heap variables) are added
    to captured_heap too: a heap object must not point into the stack, whatever the verdict."""
    out: set[int] = set()
    bodies: list[object] = [body]
    wrapped: set[int] = set()
    while bodies:
        b = bodies.pop()
        once = once_defers(b)
        for x in T.walk_nodes(b):
            if isinstance(x, T.AddrOf):
                if isinstance(x.x, T.VarRef) and x.x.var.kind is not VarKind.GLOBAL:
                    out.add(x.x.var.uid)
            elif isinstance(x, T.Defer | T.Go) and id(x) not in once:
                wrapped.update(id(n) for n in T.walk_nodes(x.call) if isinstance(n, T.FuncLit))
            elif isinstance(x, T.FuncLit):
                caps = {v.uid for v in x.decl.captures} - byval
                out.update(caps)
                if id(x) not in stacksites or id(x) in wrapped:
                    captured_heap.update(caps)
                bodies.append(x.decl.body)
    return out


def once_defers(body: object) -> set[int]:
    """The ids of the defer statements of body that run at most once per call: those at
    gc's loop depth 1 (closure.toplevel_defers). Their wrappers are stack objects, so
    their arguments may be too."""
    return toplevel_defers(body)[1]


def _build(pb: ProgBuilder, decl: T.FuncDecl, sym: str, heap: set[int] | None,
           captures: Sequence[Var] = ()) -> None:
    """Lower decl as function sym; heap is the enclosing function's heap variables for a
    closure (None: find decl's own)."""
    hv = heap if heap is not None else heap_vars(decl.body, pb.opts.stacksites,
                                                 pb.captured_heap, pb.opts.byval)
    fb = FuncBuilder(pb, decl, sym, hv)
    pb.funcs.append(fb.build(captures, direct=sym in pb.direct))


def _init_task(pb: ProgBuilder, pkg: T.Package, tasks: Collection[str]) -> None:
    """Lower pkg's variable initialisation as `PATH.init` (if it has any) and define its
    init task `PATH..inittask` in gc's layout (runtime/proc.go's initTask): the words
    {state 0, ndeps, nfns}, then the tasks of the packages it imports (of tasks, in
    import order), then `PATH.init` and its init functions. The runtime's doInit runs a
    task's dependencies' tasks first, each once, then its functions; main's is the root
    (compiler/runtime/asm.s)."""
    fns: list[str] = []
    if pkg.inits:
        pos = pkg.inits[0].pos  # gc: the first initialisation statement's
        init = T.FuncDecl(pos, INIT_DECL, None, Signature((), ()), None, (), (),
                          T.Block(pos, pkg.inits))
        fns.append(f"{pkg.path}.init")
        _build(pb, init, fns[0], None)
    fns.extend(f.symbol for f in pkg.init_funcs)
    deps = [f"{p}..inittask" for p in pkg.imports if p in tasks]
    head = struct.pack("<3Q", 0, len(deps), len(fns))
    relocs = tuple(ir.Reloc(len(head) + 8 * i, sym) for i, sym in enumerate(deps + fns))
    pb.static.add(ir.Data(f"{pkg.path}..inittask", head, relocs, readonly=False))


def walk_program(prog: T.Program, opts: Options | None = None,
                 only: Collection[str] | None = None,
                 variants: Sequence[tuple[str, T.FuncDecl, Options]] = ()
                 ) -> ir.Program:
    """Lower a checked program: every function, closure and wrapper, the globals, type
    descriptors, and each package's initialiser and init task (`_init_task`), which the
    runtime runs before `main.main`.

    A separate compile (compiler/units.py) lowers only the packages whose paths are in
    only; the init tasks of the packages they import are the other units'. The unit of
    a package alone (opts.unit) has only that package's task.

    Each of variants (symbol, declaration, options) lowers the declaration again as
    that symbol under its own options: a callee's body with the decisions escape
    analysis made for its copy at one call (opts.inlined), for the inliner to copy."""
    opts = opts or Options()
    pb = ProgBuilder(opts, prog.packages)
    files: list[str] = []
    mine = [pkg for pkg in prog.packages if only is None or pkg.path in only]
    for pkg in mine:
        files.extend(pkg.files)
        for g in pkg.globals:
            pb.static.add(ir.Data(global_sym(g), b"", (), readonly=False,
                                  ptrs=pointer_words(g.type), align=max(align_of(g.type), 1),
                                  bss=max(size_of(g.type), 1)))
        for d in pkg.funcs:
            if d.body is None:
                continue
            sym = d.func.symbol if d.func is not None else f"{pkg.path}.{d.name}"
            _build(pb, d, sym, None)
    tasks = {pkg.path for pkg in prog.packages}
    for pkg in mine:
        if not opts.unit or pkg.path == opts.unit:  # not a package archive's made-up root
            _init_task(pb, pkg, tasks)
    for sym, d, vopts in variants:
        pb.opts = vopts
        _build(pb, d, sym, None)
        pb.opts = opts
    more = True
    while more:
        while pb.closures or pb.reflect.pending:
            if pb.closures:
                d, sym, heap = pb.closures.pop(0)
                _build(pb, d, sym, heap, d.captures)
            else:
                w, sym = pb.reflect.pending.pop(0)
                _build(pb, w, sym, None)
        more = pb.reflect.link_pointers()
    return ir.Program(tuple(pb.funcs), pb.static.sorted(), tuple(files),
                      tuple(sorted(pb.externs)))
