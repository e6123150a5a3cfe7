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
"""

from __future__ import annotations

from compiler.diag import Pos
from compiler.escape.graph import DISCARD, Graph, Hole
from compiler.escape.report import gc_pos, is_implicit
from compiler.escape.result import NO_LEAK, ParamTag, SiteKind
from compiler.escape.utils import variadic_pack
from compiler.types import tree as T
from compiler.types.typ import Func, Var


class CallBuilder(Graph):
    """Calls and method values' receivers (mixed into Builder)."""

    def call(self, e: T.Call | T.MethodCall | T.IfaceCall, holes: list[Hole],
             wrapped: bool = False) -> None:
        """A call whose i-th result flows to holes[i]; wrapped: the call of a go or
        looping defer statement, whose function value, receiver and argument values
        (a `... argument`'s elements, not the slice) go to the heap."""
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
        if decl is not None:
            params = ([decl.recv] if decl.recv is not None else []) + list(decl.params)
            if id(decl) not in self.in_batch and id(decl) not in self.parent:
                tags = self.an.tags.get(id(decl))
                if tags is None:
                    decl = None
        base = lparen
        ddd = variadic_pack(e, decl)
        for i, a in enumerate(args):
            if decl is None:
                k = heap
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
                    self.flow(holes[i], self.var_loc(rv))

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


def _advance(base: Pos, a: T.Expr) -> Pos:
    """gc's running position while checking call arguments: names leave it, any other
    argument moves it to that argument's own position."""
    inner = a.x if isinstance(a, T.Convert) and is_implicit(a) else a
    if isinstance(inner, T.VarRef):
        return base
    return gc_pos(inner)
