"""Building the flow graph for calls: arguments into parameters, results into holes.

A call of a function of the batch being analysed flows each argument into the callee's
parameter location and each result variable into the caller's hole; a call of an
already analysed function applies its parameters' tags instead (an argument leaking to
the heap flows to the heap, one leaking to result k to the k-th hole); an unknown callee
(a func value, an interface method) sends every argument to the heap. For

    func id(p *int) *int { return p }       // tag: leaks to result ~r0 level=0
    q := id(&x)

&x flows to q exactly as `q := &x` would. gc's running position for implicit
conversions of the arguments (`_advance`) is kept here too.

gc inlines before escape analysis, so a call the inliner will copy a body into is
analysed as that body (`_inlines`): the callee's parameters, variables and sites get
fresh locations in the caller's frame, at the call's loop depth, and its results flow
to the call's holes. In

    func newT() *T { t := T{}; return &t }      // moved to heap: t
    func f() { p := newT(); use(p) }            // use does not leak p

f's copy of t does not escape: analysis.py records the copy's decisions by call.
"""

from __future__ import annotations

from compiler.diag import Pos
from compiler.escape.graph import DISCARD, FuncState, Graph, Hole, Instance
from compiler.escape.report import gc_pos, is_implicit
from compiler.escape.result import NO_LEAK, ParamTag, SiteKind
from compiler.escape.utils import looping_labels, params, variadic_pack
from compiler.types import tree as T
from compiler.types.typ import Func, Var

_FRAME_PKGS = ("testing.", "log.", "runtime.")
"""Packages whose functions the IR inliner never copies (compiler/inline.py)."""


class CallBuilder(Graph):
    """Calls and method values' receivers (mixed into Builder)."""

    def call(self, e: T.Call | T.MethodCall | T.IfaceCall, holes: list[Hole],
             wrapped: bool = False) -> None:
        """A call whose i-th result flows to holes[i]; wrapped: the call of a go or
        looping defer statement, whose function value, receiver and argument values
        (a `... argument`'s elements, not the slice) go to the heap."""
        spawned = wrapped or id(e) in self.deferred
        if isinstance(e, T.IfaceCall):
            e = self.an.opts.devirt.get(id(e), e)
        heap = Hole(self.heap)
        lparen = gc_pos(e)
        decl: T.FuncDecl | None = None
        args: list[T.Expr] = list(e.args)
        match e:
            case T.Call(fn=T.FuncRef(func=f)):
                decl = self.an.decl_of(f)
            case T.Call(fn=T.FuncLit() as lit):
                decl = self.closure(DISCARD, lit)
                self.called_now.add(id(decl))
            case T.Call(fn=T.VarRef(var=v) as fn) if v in self.an.static_closures:
                self.expr(heap if wrapped else DISCARD, fn)
                target = self.an.static_closures[v]
                decl = self.an.decl_of(target) if isinstance(target, Func) else target
            case T.Call(fn=fn):
                self.expr(heap if wrapped else DISCARD, fn)
            case T.MethodCall(recv=r, method=m):
                decl = self.an.decl_of(m)
                args.insert(0, r)
            case T.IfaceCall(recv=r):
                self.expr(heap, r)
        params: list[Var] = []
        tags: tuple[ParamTag, ...] | None = None
        inst: Instance | None = None
        if decl is not None:
            params = ([decl.recv] if decl.recv is not None else []) + list(decl.params)
            if id(decl) not in self.in_batch and id(decl) not in self.parent:
                tags = self.an.tags.get(id(decl))
                if tags is None:
                    decl = None
                elif not spawned and self._inlines(e, decl):
                    inst = self._begin_inline(e, decl, lparen)
                    tags = None
        base = lparen
        ddd = variadic_pack(e, decl)
        for i, a in enumerate(args):
            if decl is None:
                k = heap
            elif inst is not None:
                k = Hole(inst.binds[params[i]]) if i < len(params) else heap
            elif tags is None:
                k = Hole(self.var_loc(params[i])) if i < len(params) else heap
            else:
                k = self.tag_hole(tags[i] if i < len(tags) else NO_LEAK, holes)
            if ddd is not None and a is ddd:
                inner = self.site(k, a, SiteKind.SLICELIT, lparen, "... argument")
                for el in ddd.elems:
                    base = _advance(base, el.value)
                    self.expr(heap if wrapped else inner, el.value, base)
                continue
            if wrapped:
                k = heap
            if isinstance(e, T.MethodCall) and i == 0:
                self.expr(k, a)
                continue
            base = _advance(base, a)
            self.expr(k, a, base)
        if decl is not None and tags is None:
            for i, rv in enumerate(decl.results):
                if i < len(holes):
                    self.flow(holes[i], inst.binds[rv] if inst else self.var_loc(rv))
        if inst is not None:
            self._end_inline(inst)

    def _inlines(self, e: T.Expr, decl: T.FuncDecl) -> bool:
        """Whether the inliner will copy decl's body at e, a static call out of the
        batch, and the copy may decide otherwise than decl's own body: gc inlines decl
        (its budget, not a big caller's callee of more than big_max), the IR inliner can
        copy it (no closure, no runtime-implemented callee, not a frame-counting package),
        decl is of the package analysed (whose bodies a compile a package at a time has
        too), the call is not inside another such copy, and decl's body puts something
        on the heap."""
        opts = self.an.opts
        f = decl.func
        if self.inst or f is None or decl.body is None or f.symbol not in opts.inline \
                or f.pkg != self.an.pkg or f.symbol.startswith(_FRAME_PKGS) or \
                id(decl) not in self.an.heapy:
            return False
        caller = self.cur.decl.func
        if caller is not None and caller.symbol in opts.big and \
                opts.inline[f.symbol] > opts.big_max:
            return False
        ok = self.an.copyable.get(id(decl))
        if ok is None:
            ok = self.an.copyable[id(decl)] = _copyable(decl)
        return ok

    def _begin_inline(self, e: T.Expr, decl: T.FuncDecl, lparen: Pos) -> Instance:
        """Start analysing decl's body in place of the call e: fresh locations for its
        parameters and results in the caller's frame, at the call's loop depth."""
        inst = Instance(e, decl, lparen, len(self.locs))
        self.instances.append(inst)
        self.inst = id(inst)
        for v in params(decl) + list(decl.results):
            inst.binds[v] = self.declare(v)
        self.inst = 0
        return inst

    def _end_inline(self, inst: Instance) -> None:
        """Analyse the body of inst's callee, its results already flowing to the call's
        holes; then forget its variables, so that another call gets fresh ones."""
        decl = inst.decl
        assert decl.body is not None
        saved, fresh, reporting = self.cur, self.fresh, self.an.reporting
        self.cur = FuncState(decl, saved.depth, frozenset(looping_labels(decl.body)),
                             saved.owner or id(saved.decl))
        self.inst = id(inst)
        self.an.reporting = False  # the callee's own analysis reported its body
        self.vars.update(inst.binds)  # an argument's copy of decl may have unbound them
        try:
            self.block(decl.body)
        finally:
            self.cur, self.fresh, self.an.reporting = saved, fresh, reporting
            self.inst = 0
        inst.end = len(self.locs)
        for loc in self.locs[inst.start:inst.end]:
            if loc.inl == id(inst) and loc.var is not None and self.vars.get(loc.var) is loc:
                del self.vars[loc.var]

    def recv_hole(self, e: T.MethodValue | T.IfaceMethodValue) -> Hole:
        """Where a method value's receiver goes when the bound method is called later:
        the method's receiver parameter, with every result assumed to reach the heap
        (an interface's method is unknown: the heap)."""
        heap = Hole(self.heap)
        decl = self.an.decl_of(e.method) if isinstance(e, T.MethodValue) else None
        if decl is None or decl.recv is None:
            return heap
        if id(decl) in self.in_batch:
            return Hole(self.var_loc(decl.recv))
        tags = self.an.tags.get(id(decl))
        if not tags:
            return heap
        return self.tag_hole(tags[0], [heap] * len(decl.results))

    def tag_hole(self, tag: ParamTag, holes: list[Hole]) -> Hole:
        ks: list[Hole] = []
        if tag.heap is not None:
            ks.append(Hole(self.heap).shift(tag.heap))
        for r, d in tag.results:
            if r < len(holes):
                ks.append(holes[r].shift(d))
        return self.tee(ks)


def _copyable(decl: T.FuncDecl) -> bool:
    """Whether the IR inliner copies decl's body as it is and walk can lower it again
    alone: no func literal, no defer or go, no call of a runtime-implemented function."""
    for n in T.walk_nodes(decl.body):
        match n:
            case T.FuncLit() | T.Defer() | T.Go():
                return False
            case T.Call(fn=T.FuncRef(func=f)) if f.external:
                return False
            case T.BuiltinCall(name="recover"):
                return False
    return True


def _advance(base: Pos, a: T.Expr) -> Pos:
    """gc's running position while checking call arguments: names leave it, any other
    argument moves it to that argument's own position."""
    inner = a.x if isinstance(a, T.Convert) and is_implicit(a) else a
    if isinstance(inner, T.VarRef):
        return base
    return gc_pos(inner)
