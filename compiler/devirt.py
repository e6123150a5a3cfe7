"""devirt: call an interface method directly where the value's dynamic type is known
(gc's devirtualize.Static), before escape analysis.

For

    var x M = v      // x is never assigned again and its address is never taken
    x.M()            // -m: devirtualizing x.M to M0

the call becomes `x.(M0).M()`: a method call on an assertion that cannot fail, so the
call is direct and escape sees where the receiver goes (with M0.M leaking nothing, `v
does not escape`). A method promoted from an interface embedded in the dynamic type stays
an interface call, on that field: `x.(T).I.M()` (`partially devirtualizing i.M to T`).

The known type is gc's ir.StaticValue of the receiver: a local variable declared with a
value (`:=` or `var x T = e`) and never assigned or address-taken again anywhere in its
function (closures included) stands for that value, through conversions that change no
representation, until a conversion from a concrete type to an interface is reached.
Parameters, variables captured by a closure (inside it) and globals are never followed.
Calls in `go` and `defer` statements are left alone (walk wraps them itself).

The result is a side table: id(IfaceCall) -> the MethodCall or IfaceCall to make instead,
read by escape (its flows and call graph) and by walk (the code). Keyed by id as escape's
results are: do NOT keep it longer than its Program.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from compiler.diag import Diagnostics
from compiler.escape.report import fmt_expr, gc_pos
from compiler.types import tree as T
from compiler.types.typ import (
    Array,
    Interface,
    Named,
    Pointer,
    Selection,
    Struct,
    Type,
    Var,
    lookup,
    m_string,
    under,
)


@dataclass(frozen=True, slots=True)
class Options:
    """`report`: print gc's -m notes for the program's last package."""

    report: bool = False


@dataclass(frozen=True, slots=True)
class Devirt:
    """The interface calls made static: id(IfaceCall) -> the call that replaces it."""

    calls: dict[int, T.MethodCall | T.IfaceCall] = field(default_factory=dict)

    def call(self, e: T.IfaceCall) -> T.MethodCall | T.IfaceCall:
        """The call to make for e (e itself when its dynamic type is not known)."""
        return self.calls.get(id(e), e)


def devirtualize_program(prog: T.Program, diags: Diagnostics,
                         opts: Options | None = None) -> Devirt:
    """Find every interface call of prog whose receiver's dynamic type is known."""
    opts = opts or Options()
    out = Devirt()
    for i, p in enumerate(prog.packages):
        report = opts.report and i == len(prog.packages) - 1
        for d in p.funcs:
            if d.body is not None:
                _Func(out.calls, diags if report else None, p.path).top(d)
    return out


@dataclass(slots=True)
class _Func:
    """One top-level function and its closures: definitions and disqualified variables."""

    calls: dict[int, T.MethodCall | T.IfaceCall]
    diags: Diagnostics | None
    pkg: str
    reassigned: set[Var | None] = field(default_factory=set)

    def top(self, d: T.FuncDecl) -> None:
        bodies = _bodies(d)
        for nodes in bodies:
            self._disqualify(nodes)
        for nodes in bodies:
            self._calls(nodes)

    def _disqualify(self, nodes: list[object]) -> None:
        """Add the variables a body of nodes assigns after their definition or takes the
        address of."""
        for n in nodes:
            match n:
                case T.Assign(lhs=lhs):
                    self.reassigned.update(_outer_var(x) for x in lhs)
                case T.OpAssign(lhs=x) | T.AddrOf(x=x):
                    self.reassigned.add(_outer_var(x))
                case T.Range(key=k, value=v, define=False):
                    self.reassigned.update(_outer_var(x) for x in (k, v) if x is not None)

    def _calls(self, nodes: list[object]) -> None:
        """Record a replacement for each interface call of a body of nodes (not in its
        closures)."""
        defs: dict[Var, T.Expr] = {}
        wrapped: set[int] = set()
        for n in nodes:
            match n:
                case T.VarDecl(vars=vs, values=vals) if len(vals) == len(vs):
                    defs.update(zip(vs, vals, strict=True))
                case T.Defer(call=c) | T.Go(call=c):
                    wrapped.add(id(c))
        for n in nodes:
            if isinstance(n, T.IfaceCall) and id(n) not in wrapped:
                self._devirtualize(n, defs)

    def _static_value(self, e: T.Expr, defs: dict[Var, T.Expr]) -> T.Expr:
        while True:
            if isinstance(e, T.Convert) and e.kind is T.ConvKind.NOP:
                e = e.x
            elif isinstance(e, T.VarRef) and e.var in defs and e.var not in self.reassigned:
                e = defs[e.var]
            else:
                return e

    def _devirtualize(self, e: T.IfaceCall, defs: dict[Var, T.Expr]) -> None:
        r = self._static_value(e.recv, defs)
        if not (isinstance(r, T.Convert) and r.kind in (T.ConvKind.T2E, T.ConvKind.T2I)):
            return
        typ = r.x.type
        ru = under(e.recv.type)
        if not isinstance(ru, Interface):
            return
        key = ru.methods[e.index].qname
        sel = lookup(typ, key)
        if not isinstance(sel, Selection):
            return
        x, t, addressable = _walk_path(T.TypeAssert(e.recv.pos, typ, e.recv, typ), typ,
                                       sel.path)
        new: T.MethodCall | T.IfaceCall
        if sel.imethod is not None:
            iu = under(t)
            if not isinstance(iu, Interface):
                return
            idx = [m.qname for m in iu.methods].index(key)
            new = T.IfaceCall(e.pos, e.type, x, e.method, idx, e.sig, e.args, e.lparen)
            verb = "partially devirtualizing"
        else:
            m = sel.method
            if m is None:
                return
            want_ptr = isinstance(m.recv, Pointer)
            is_ptr = isinstance(under(t), Pointer) and not isinstance(t, Named) \
                or isinstance(t, Pointer)
            if want_ptr and not is_ptr:
                if not addressable:
                    return  # the method set of a value holds no pointer methods
                x = T.AddrOf(x.pos, Pointer(t), x)
            elif not want_ptr and is_ptr:
                pt = under(t)
                assert isinstance(pt, Pointer)
                x = T.Deref(x.pos, pt.elem, x)
            new = T.MethodCall(e.pos, e.type, x, m, e.args, e.lparen)
            verb = "devirtualizing"
        self.calls[id(e)] = new
        if self.diags is not None:
            self.diags.warn(gc_pos(e), f"{verb} {fmt_expr(e.recv, self.pkg, 7)}.{e.method} "
                                       f"to {m_string(typ, self.pkg)}")


def _bodies(d: T.FuncDecl) -> list[list[object]]:
    """The nodes (T.walk_nodes) of the bodies of d and of the closures inside it, at any
    depth, each walked once."""
    out = [list(T.walk_nodes(d.body))]
    for nodes in out:
        out.extend(list(T.walk_nodes(n.decl.body)) for n in nodes if isinstance(n, T.FuncLit))
    return out


def _outer_var(x: T.Expr) -> Var | None:
    """The variable whose storage x is part of (gc's OuterValue), if any."""
    while True:
        match x:
            case T.VarRef(var=v):
                return v
            case T.FieldSel(x=inner):
                x = inner
            case T.Index(x=inner) if isinstance(under(inner.type), Array):
                x = inner
            case T.Convert(kind=T.ConvKind.NOP, x=inner):
                x = inner
            case _:
                return None


def _walk_path(x: T.Expr, t: Type, path: tuple[int, ...]) -> tuple[T.Expr, Type, bool]:
    """x followed along the embedded fields of path, dereferencing pointers; and whether
    the result is addressable (some step went through a pointer)."""
    addressable = False
    for i in path:
        pt = under(t)
        if isinstance(pt, Pointer):
            t = pt.elem
            x = T.Deref(x.pos, t, x)
            addressable = True
        st = under(t)
        assert isinstance(st, Struct)
        t = st.fields[i].type
        x = T.FieldSel(x.pos, t, x, i)
    return x, t, addressable
