"""Building the flow graph from expressions, allocation sites included.

`expr(k, e)` analyses e with its value flowing to hole k: a name adds an edge from its
variable, `&x` shifts the hole to take x's address, `*p` to take what p points to, and
every allocation site (conversion to interface, `&T{}`, `new`, `make`, slice and map
literals, closures, method values, concatenations) becomes a SITE location whose
address flows to k. For

    sink = &T{f: p}            // sink a global, p a local *int

the heap receives the address of the `&T{...}` site, and the site receives p: solving
makes the site escape, and p's pointee with it (moved to heap, if p = &x).
"""

from __future__ import annotations

from compiler.diag import Pos
from compiler.escape.graph import (
    DISCARD,
    MAX_IMPLICIT_STACK,
    Graph,
    Hole,
    LocKind,
    assert_hole,
    pointerful,
)
from compiler.escape.report import fmt_expr, gc_pos, is_implicit, last_name
from compiler.escape.result import Site, SiteKind
from compiler.escape.utils import concat_leaves, reflect_header_data
from compiler.types import tree as T
from compiler.types.typ import (
    Array,
    Basic,
    Chan,
    Kind,
    Map,
    Pointer,
    Slice,
    Struct,
    Tuple,
    Type,
    VarKind,
    has_pointers,
    is_direct_iface,
    is_string,
    size_of,
    under,
)


class ExprBuilder(Graph):
    """Expressions and allocation sites (mixed into Builder)."""

    def fmt(self, e: T.Expr) -> str:
        """e as the -m messages of the current package spell it."""
        return fmt_expr(e, self.an.pkg)

    def multi(self, holes: list[Hole], e: T.Expr) -> None:
        """A multi-valued expression whose i-th value flows to holes[i]."""
        match e:
            case T.Call() | T.MethodCall() | T.IfaceCall():
                self.call(e, holes)
            case T.TypeAssert(x=x, target=t):
                self.expr(assert_hole(holes[0], t), x)
            case _:
                self.expr(DISCARD, e)

    def expr(self, k: Hole, e: T.Expr, convpos: Pos | None = None) -> None:
        """Analyse e, whose value flows to k. convpos is where gc reports an implicit
        conversion at the top of e (the statement's or call's position)."""
        if k.loc is not None and k.derefs >= 0 and not pointerful(e.type):
            k = DISCARD
        match e:
            case T.ConstExpr() | T.NilExpr() | T.FuncRef() | T.Blank():
                pass
            case T.VarRef(var=v):
                if v.kind is not VarKind.GLOBAL:
                    self.flow(k, self.var_loc(v))
            case T.Unary(x=x):
                self.expr(DISCARD, x)
            case T.Binary():
                self.binary(k, e)
            case T.Call() | T.MethodCall() | T.IfaceCall():
                self.call(e, [k])
            case T.BuiltinCall():
                self.builtin(k, e)
            case T.Convert():
                self.convert(k, e, convpos)
            case T.Index(x=x, index=i):
                self.expr(DISCARD, i)
                u = under(x.type)
                if isinstance(u, Array):
                    self.expr(k, x)
                elif isinstance(u, Slice):
                    self.expr(k.deref(), x)
                else:
                    self.expr(DISCARD, x)
            case T.MapIndex(x=x, key=key):
                self.expr(DISCARD, x)
                self.expr(DISCARD, key)
            case T.SliceExpr(x=x, lo=lo, hi=hi, max=mx):
                for b in (lo, hi, mx):
                    if b is not None:
                        self.expr(DISCARD, b)
                self.expr(k.addr() if isinstance(under(x.type), Array) else k, x)
            case T.FieldSel(x=x):
                self.expr(k, x)
            case T.Deref(x=x):
                self.expr(k.deref(), x)
            case T.AddrOf(x=x):
                if isinstance(x, T.CompositeLit):
                    force = size_of(x.type) > MAX_IMPLICIT_STACK
                    inner = self.site(k, e, SiteKind.ADDR, e.pos, self.fmt(e), force)
                    self.expr(inner, x)
                else:
                    self.mark_addrtaken(x)
                    self.expr(k.addr(), x)
            case T.CompositeLit():
                self.complit(k, e)
            case T.FuncLit():
                self.closure(k, e)
            case T.TypeAssert(x=x, target=t):
                self.expr(assert_hole(k, t), x)
            case T.MethodValue(recv=r) | T.IfaceMethodValue(recv=r):
                inner = self.site(k, e, SiteKind.METHVAL, gc_pos(e), self.fmt(e))
                self.expr(self.tee([inner, self.recv_hole(e)]), r)
            case T.Recv(x=x):
                self.expr(DISCARD, x)
            case T.TupleElem(x=x, index=i):
                assert isinstance(x.type, Tuple)
                tmps = self.spread.get(id(x))
                if tmps is None:
                    tmps = [self.new_loc(LocKind.TEMP) for _ in x.type.types]
                    self.spread[id(x)] = tmps
                    self.multi([Hole(t) for t in tmps], x)
                self.flow(k, tmps[i])

    def binary(self, k: Hole, e: T.Binary) -> None:
        if e.op == "+" and is_string(e.type):
            leaves: list[T.Expr] = []
            concat_leaves(e, leaves)
            self.site(k, e, SiteKind.CONCAT, gc_pos(e), self.fmt(e))
            for x in leaves:
                self.expr(DISCARD, x)
            return
        for x in (e.x, e.y):
            if isinstance(x, T.Convert) and x.kind in (T.ConvKind.T2E, T.ConvKind.T2I) \
                    and e.op in ("==", "!="):
                self.an.quiet.add(id(x))
            self.expr(DISCARD, x)

    def convert(self, k: Hole, e: T.Convert, convpos: Pos | None) -> None:
        K = T.ConvKind
        x = e.x
        if e.kind in (K.T2E, K.T2I):
            if is_direct_iface(x.type):
                self.expr(k, x)
                return
            pos = convpos if convpos is not None and is_implicit(e) else gc_pos(e)
            spread = isinstance(x, T.TupleElem)
            if spread:  # gc converts v in `sink, ok = v` after escape: heap, no report
                self.an.quiet.add(id(e))
            if id(e) in self.an.quiet:
                pos = gc_pos(e)
            inner = self.site(k, e, SiteKind.CONV, pos, self.fmt(e), spread)
            self.expr(inner, x)
            return
        if e.kind in (K.STRING_TO_BYTES, K.STRING_TO_RUNES, K.BYTES_TO_STRING,
                      K.RUNES_TO_STRING, K.INT_TO_STRING):
            pos = convpos if convpos is not None and is_implicit(e) else gc_pos(e)
            self.site(k, e, SiteKind.CONVSTR, pos, self.fmt(e))
            self.expr(DISCARD, x)
            return
        if _kind(e.type) is Kind.UNSAFE_POINTER and _kind(x.type) is Kind.UINTPTR:
            self.unsafe_value(k, x)
            return
        if e.kind in (K.I2E, K.I2I, K.NOP, K.SLICE_TO_ARRAYPTR):
            self.expr(k, x)
            return
        self.expr(DISCARD, x)

    def unsafe_value(self, k: Hole, e: T.Expr) -> None:
        """uintptr e converted back to unsafe.Pointer: the pointers converted to uintptr
        inside e's arithmetic flow to k (gc's unsafeValue)."""
        match e:
            case T.Convert(x=x) if _kind(x.type) is Kind.UNSAFE_POINTER:
                self.expr(k, x)
            case T.Unary(x=x) if e.op in ("+", "-", "^"):
                self.unsafe_value(k, x)
            case T.Binary(x=x, y=y) if e.op in ("+", "-", "|", "^", "*", "/", "%", "&",
                                                "&^"):
                self.unsafe_value(k, x)
                self.unsafe_value(k, y)
            case T.Binary(x=x, y=y) if e.op in ("<<", ">>"):
                self.unsafe_value(k, x)
                self.expr(DISCARD, y)
            case T.FieldSel() if (hdr := reflect_header_data(e)) is not None:
                self.expr(k.deref(), hdr)
            case _:
                self.expr(DISCARD, e)

    def complit(self, k: Hole, e: T.CompositeLit) -> None:
        u = under(e.type)
        if isinstance(u, Struct | Array):
            for el in e.elems:
                self.expr(k, el.value, el.colon)
            return
        pos = gc_pos(e)
        if isinstance(u, Map):
            self.site(k, e, SiteKind.MAPLIT, pos, self.fmt(e))
            for el in e.elems:
                if not isinstance(el.key, int):
                    self.expr(Hole(self.heap), el.key)
                self.expr(Hole(self.heap), el.value, el.colon)
            return
        force = size_of(e.type) > MAX_IMPLICIT_STACK
        inner = self.site(k, e, SiteKind.SLICELIT, pos, self.fmt(e), force)
        for el in e.elems:
            self.expr(inner, el.value, el.colon)

    def closure(self, k: Hole, e: T.FuncLit) -> T.FuncDecl:
        """The closure e (its body analysed now); its captured variables flow into it
        once the batch knows which are captured by reference."""
        d = e.decl
        self.parent[id(d)] = id(self.cur.decl)
        self.has_closures.add(id(self.cur.decl))
        inner = self.site(k, e, SiteKind.CLOSURE, e.pos, "func literal")
        assert inner.loc is not None
        self.closures.append((inner.loc, d))
        self.func(d)
        return d

    def builtin(self, k: Hole, e: T.BuiltinCall) -> None:
        name, args = e.name, e.args
        heap = Hole(self.heap)
        if name == "new":
            t = e.type.elem if isinstance(e.type, Pointer) else e.type
            self.site(k, e, SiteKind.NEW, gc_pos(e), self.fmt(e),
                      size_of(t) > MAX_IMPLICIT_STACK)
        elif name == "make" and isinstance(under(e.type), Chan):
            for a in args:  # gc's makechan always allocates, and -m never mentions it
                self.expr(DISCARD, a)
        elif name == "make":
            u = under(e.type)
            kind = SiteKind.MAKE
            force = False
            if isinstance(u, Slice):  # the capacity (else the length) sizes the array
                c = args[-1]
                if not isinstance(c, T.ConstExpr):
                    force = True
                else:
                    force = int(c.value) * size_of(u.elem) > MAX_IMPLICIT_STACK  # type: ignore[arg-type]
            self.site(k, e, kind, gc_pos(e), self.fmt(e), force)
            for a in args:
                self.expr(DISCARD, a)
        elif name == "append" and args:
            st = under(args[0].type)
            elem_ptrs = isinstance(st, Slice) and has_pointers(st.elem)
            self.an.sites[id(e)] = Site(SiteKind.APPEND, e.pos, "", True)
            k0 = self.tee([k, heap.deref()]) if elem_ptrs else k
            self.expr(k0, args[0])
            if e.spread:
                at = under(args[1].type) if len(args) > 1 else None
                spread_ptrs = isinstance(at, Slice) and has_pointers(at.elem)
                for a in args[1:]:
                    self.expr(heap.deref() if spread_ptrs else DISCARD, a)
            else:
                last = last_name(args, gc_pos(e))
                for a in args[1:]:
                    self.expr(heap, a, last)
        elif name == "copy" and len(args) == 2:
            self.expr(DISCARD, args[0])
            st = under(args[1].type)
            ptrs = isinstance(st, Slice) and has_pointers(st.elem)
            self.expr(heap.deref() if ptrs else DISCARD, args[1])
        elif name == "panic":
            for a in args:
                self.expr(heap, a, last_name(args, gc_pos(e)))
        else:
            for a in args:
                self.expr(DISCARD, a, gc_pos(e))

    def finish_closures(self) -> None:
        """Wire each closure's captured variables: by value when never reassigned nor
        address-taken and at most 128 bytes (gc's rule), else by reference."""
        for loc, d in self.closures:
            for v in d.captures:
                vl = self.var_loc(v)
                byval = not vl.addrtaken and v not in self.reassigned \
                    and size_of(v.type) <= 128
                self.flow(Hole(loc, 0 if byval else -1), vl)
                self.an.captured.add(v)
                if not byval:
                    self.an.byref.add(v)


def _kind(t: Type) -> Kind | None:
    """t's basic kind (through its name), None for other types."""
    u = under(t)
    return u.kind if isinstance(u, Basic) else None
