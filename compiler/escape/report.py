"""gc's `-m` presentation: how nodes are spelled, where gc reports them, the messages.

Analysis hands every allocation site a description and a position from here, and the
solved batch is turned into gc 1.19's messages here, sorted as gc sorts them (by
position, then text). For

    func f(s string) { sink = s + "!" }         // s a parameter, sink a global

both allocation sites are spelled `s + "!"`: the concatenation sits at its `+` (gc_pos
of a Binary is its operator), the conversion to interface{} at the assigned name
(last_name), so -m prints `1:8: s does not escape`, `1:20: s + "!" escapes to heap` and
`1:29: s + "!" escapes to heap`.

Positions other than a node's start come from the typed tree's REPORT_FIELDS (recorded
by the parser); types are written by typ.m_string. Nothing here changes a decision.
"""

from __future__ import annotations

from collections.abc import Sequence

from compiler.diag import Pos
from compiler.escape.graph import Graph, LocKind
from compiler.escape.solve import param_tag
from compiler.escape.utils import params, variadic_pack
from compiler.types import tree as T
from compiler.types.typ import (
    Basic,
    Func,
    Named,
    Pointer,
    Struct,
    Var,
    VarKind,
    has_pointers,
    m_string,
    under,
)

_PREC = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3,
         "+": 4, "-": 4, "|": 4, "^": 4, "*": 5, "/": 5, "%": 5, "<<": 5, ">>": 5,
         "&": 5, "&^": 5}


def is_implicit(e: T.Convert) -> bool:
    """Whether the checker inserted e (assignability): it then shares its operand's
    position, while an explicit `T(x)` starts at the type."""
    return e.pos == e.x.pos


def gc_pos(e: T.Expr) -> Pos:
    """The position gc gives node e: a call's or conversion's `(`, a literal's `{`, a
    binary expression's operator, a method value's `.`, else e's start."""
    match e:
        case T.Binary(oppos=p) | T.MethodValue(dot=p) | T.IfaceMethodValue(dot=p):
            return p or e.pos
        case T.CompositeLit(lbrace=p):
            return p or e.pos
        case T.Call(lparen=p) | T.BuiltinCall(lparen=p) | T.MethodCall(lparen=p) \
                | T.IfaceCall(lparen=p) | T.ConstExpr(lparen=p):
            return p or e.pos
        case T.Convert(x=x):
            if is_implicit(e):
                return gc_pos(x)
            return e.lparen or e.pos
    return e.pos


def last_name(es: Sequence[T.Expr], default: Pos) -> Pos:
    """Where gc 1.19 reports the implicit conversions of a declaration's values, an
    assignment's right-hand sides (es = its left-hand sides) and append's and panic's
    arguments: at the last in source order of the names in es, the `{` of composite
    literals and the `(` of calls (not looking inside calls), else at default."""
    pos = default
    for e in es:
        pos = _last_in(e, pos, default)
    return pos


def _last_in(n: object, pos: Pos, default: Pos) -> Pos:
    """last_name's answer so far, pos, updated with tree node n and its subnodes. Do NOT
    make it a closure of last_name: a recursive closure is a reference cycle."""
    p: Pos | None = None
    if isinstance(n, T.VarRef | T.FuncRef):
        p = n.pos
    elif isinstance(n, T.Call | T.MethodCall | T.IfaceCall | T.BuiltinCall):
        p = gc_pos(n)
    elif isinstance(n, T.CompositeLit):
        p = gc_pos(n)
    if p is not None and (pos is default or p > pos):
        pos = p
    if isinstance(n, T.Call | T.MethodCall | T.IfaceCall | T.BuiltinCall | T.FuncLit):
        return pos
    for kid in _children(n):
        pos = _last_in(kid, pos, default)
    return pos


def _children(n: object) -> list[object]:
    """The direct subnodes of tree node n (tuples flattened)."""
    slots = getattr(type(n), "__slots__", None)
    if slots is None or isinstance(n, Var | Func | Named):
        return []
    out: list[object] = []
    for s in slots:
        if s in T.SKIP_FIELDS:
            continue
        v = getattr(n, s)
        if isinstance(v, tuple):
            out.extend(v)
        elif hasattr(type(v), "__dataclass_fields__"):
            out.append(v)
    return out


def go_quote(b: bytes) -> str:
    """b as a Go string literal the way gc's -m prints a string constant."""
    out = []
    for c in b:
        ch = chr(c)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif 32 <= c < 127:
            out.append(ch)
        else:
            out.append(f"\\x{c:02x}")
    return '"' + "".join(out) + '"'


def fmt_expr(e: T.Expr, pkg: str, prec: int = 0) -> str:
    """e as gc's -m prints a node (implicit conversions and address-ofs skipped);
    constants are spelled as written (`Red`, `1e21`, `'A'`, `T(1)`) when the checker
    kept the spelling."""

    def f(x: T.Expr, p: int = 0) -> str:
        return fmt_expr(x, pkg, p)

    match e:
        case T.ConstExpr(value=v):
            if e.spelling is not None:
                return e.spelling
            if isinstance(v, bool):
                return "true" if v else "false"
            if isinstance(v, bytes):
                return go_quote(v)
            if isinstance(v, float) and v == int(v) and abs(v) < 1e21:
                return str(int(v))
            return str(v)
        case T.NilExpr():
            return "nil"
        case T.VarRef(var=v):
            if v.kind is VarKind.GLOBAL and v.pkg not in (pkg, ""):
                return f"{v.pkg.rsplit('/', 1)[-1]}.{v.name}"
            return v.name or "_"
        case T.FuncRef(func=fn):
            if fn.pkg not in (pkg, "") and fn.recv is None:
                return f"{fn.pkg.rsplit('/', 1)[-1]}.{fn.name}"
            return fn.name
        case T.Blank():
            return "_"
        case T.Unary(op=op, x=x):
            return _unary(op + f(x, 7), prec)
        case T.Binary(op=op, x=x, y=y):
            p = _PREC.get(op, 4)
            s = f"{f(x, p)} {op} {f(y, p + 1)}"
            return f"({s})" if p < prec else s
        case T.Call(fn=fn, args=args):
            return f"{f(fn, 7)}({_fmt_args(e, args, pkg)})"
        case T.MethodCall(recv=r, method=m, args=args):
            return f"{_fmt_recv(r, pkg)}.{m.name}({_fmt_args(e, args, pkg)})"
        case T.IfaceCall(recv=r, method=m, args=args):
            return f"{f(r, 7)}.{m}({_fmt_args(e, args, pkg)})"
        case T.BuiltinCall(name=n, args=args):
            parts = [f(a) for a in args]
            if n in ("new", "make"):
                t = e.type.elem if n == "new" and isinstance(e.type, Pointer) else e.type
                parts.insert(0, m_string(t, pkg))
            s = ", ".join(parts)
            return f"{n}({s}...)" if e.spread else f"{n}({s})"
        case T.Convert(x=x):
            if is_implicit(e):
                return f(x, prec)
            t = e.type
            ts = m_string(t, pkg) if isinstance(t, Named | Basic) else f"({m_string(t, pkg)})"
            return f"{ts}({f(x)})"
        case T.Index(x=x, index=i):
            return f"{f(x, 7)}[{f(i)}]"
        case T.MapIndex(x=x, key=k):
            return f"{f(x, 7)}[{f(k)}]"
        case T.SliceExpr(x=x, lo=lo, hi=hi, max=mx):
            base = x.x if isinstance(x, T.AddrOf) else x
            parts = [f(lo) if lo else "", f(hi) if hi else ""] + ([f(mx)] if mx else [])
            return f"{f(base, 7)}[{':'.join(parts)}]"
        case T.FieldSel(x=x, index=i):
            base = x.x if isinstance(x, T.Deref) else x
            st = under(base.type.elem if isinstance(x, T.Deref) and isinstance(
                base.type, Pointer) else base.type)
            name = st.fields[i].name if isinstance(st, Struct) and i < len(st.fields) else "?"
            return f"{f(base, 7)}.{name}"
        case T.Deref(x=x):
            return _unary("*" + f(x, 7), prec)
        case T.AddrOf(x=x):
            return _unary("&" + f(x, 7), prec)
        case T.CompositeLit(elems=els):
            return m_string(e.type, pkg) + ("{...}" if els else "{}")
        case T.FuncLit():
            return "func literal"
        case T.TypeAssert(x=x, target=t):
            return f"{f(x, 7)}.({m_string(t, pkg)})"
        case T.MethodValue(recv=r, method=m):
            return f"{_fmt_recv(r, pkg)}.{m.name}"
        case T.IfaceMethodValue(recv=r, method=m):
            return f"{f(r, 7)}.{m}"
    return "?"


def _unary(s: str, prec: int) -> str:
    """A unary operation's text s in a context of precedence prec: an operand of a
    unary or postfix operator is parenthesized, as gc's `*(*i)` and `(*sp)[1:2]`."""
    return f"({s})" if prec > 6 else s


def _fmt_args(call: T.Call | T.MethodCall | T.IfaceCall, args: Sequence[T.Expr], pkg: str
              ) -> str:
    """A call's arguments; the checker's packing of variadic extras prints as gc's
    `... argument...`."""
    parts = [fmt_expr(a, pkg, 0) for a in args]
    if args and variadic_pack(call, None) is args[-1]:
        parts[-1] = "... argument..."
    return ", ".join(parts)


def _fmt_recv(r: T.Expr, pkg: str) -> str:
    if isinstance(r, T.AddrOf | T.Deref):
        r = r.x
    return fmt_expr(r, pkg, 7)


def self_assignment(fn: str, s: T.Assign, pkg: str) -> tuple[Pos, str]:
    """gc's note on an assignment whose flows it ignores (`v.x = v.y`), at the `=`."""
    text = ", ".join(fmt_expr(x, pkg) for x in s.lhs) + " = " + ", ".join(
        fmt_expr(x, pkg) for x in s.rhs)
    return s.oppos or s.pos, f"{fn} ignoring self-assignment in {text}"


def batch_messages(g: Graph) -> list[tuple[Pos, str]]:
    """The -m messages of the solved batch g, in text order at equal positions as gc
    sorts them: sites, moved variables, parameter tags and g's extra notes; the sites
    of a callee's body analysed in place of a call are reported at the call's `(`, as
    gc reports an inlined body's."""
    msgs: list[tuple[Pos, str]] = []
    at = {id(inst): inst.pos for inst in g.instances}
    for loc in g.locs:
        if loc.kind is LocKind.SITE and loc.pos is not None and loc.desc:
            if loc.node in g.an.quiet:
                continue
            verdict = "escapes to heap" if loc.escapes else "does not escape"
            msgs.append((at[loc.inl] if loc.inl else loc.pos, f"{loc.desc} {verdict}"))
        elif loc.inl:
            continue  # the inliner reports the copy's heap variables
        elif loc.kind is LocKind.VAR and loc.var is not None and loc.escapes:
            msgs.append((loc.pos or loc.var.pos, f"moved to heap: {loc.var.name}"))
    for d in g.all_decls:
        msgs.extend(_param_messages(d, g))
    msgs.extend(g.an.extra)
    return sorted(msgs, key=lambda m: (m[0].line, m[0].col, m[1]))


def _param_messages(d: T.FuncDecl, g: Graph) -> list[tuple[Pos, str]]:
    """`leaking param: p`, `p does not escape`, ... for d's pointerful parameters."""
    out: list[tuple[Pos, str]] = []
    for v in params(d):
        if not v.name or v.name == "_" or not has_pointers(v.type):
            continue
        loc = g.vars[v]
        if loc.escapes:
            continue
        tag = param_tag(loc)
        if tag.empty:
            out.append((v.pos, f"{v.name} does not escape"))
        if tag.heap is not None:
            word = "leaking param" if tag.heap == 0 else "leaking param content"
            out.append((v.pos, f"{word}: {v.name}"))
        for r, lvl in tag.results:
            rv = d.results[r]
            rname = rv.name if rv.name not in ("", "_") else f"~r{r}"
            out.append((v.pos, f"leaking param: {v.name} to result {rname} level={lvl}"))
    return out
