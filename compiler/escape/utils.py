"""Questions about the typed tree that escape analysis asks and that need no graph.

Which locals are static closures (gc's StaticValue), which assignments only move
pointers within one object (gc's self-assignment rule, with SameSafeExpr), which
labels start loops, which package initialisations are static data, and which
argument is the checker's packing of variadic extras. For

    f := func() {}; f()        // f never reassigned nor address-taken

static_closures maps f to the literal's FuncDecl, so the call is analysed like a
direct call of it.
"""

from __future__ import annotations

from compiler.types import tree as T
from compiler.types.typ import (
    UINTPTR,
    Func,
    Map,
    Named,
    Pointer,
    Signature,
    Struct,
    Var,
    VarKind,
    is_string,
    under,
)


def params(d: T.FuncDecl) -> list[Var]:
    """d's receiver (if any) and parameters, in order."""
    return ([d.recv] if d.recv is not None else []) + list(d.params)


def variadic_pack(e: T.Call | T.MethodCall | T.IfaceCall,
                  decl: T.FuncDecl | None) -> T.CompositeLit | None:
    """The CompositeLit the checker made of a variadic call's extra arguments, if any:
    it sits at its first element's position, while a written `[]T{...}` starts at `[`."""
    sig: Signature | None = None
    if isinstance(e, T.Call):
        st = e.fn.type
        sig = st if isinstance(st, Signature) else None
    elif decl is not None:
        sig = decl.sig
    if sig is None or not sig.variadic or not e.args:
        return None
    last = e.args[-1]
    if isinstance(last, T.CompositeLit) and last.elems and last.pos == last.elems[0].value.pos:
        return last
    return None


def concat_leaves(e: T.Expr, out: list[T.Expr]) -> None:
    """Append the operands of the string concatenation chain e to out, in order."""
    if isinstance(e, T.Binary) and e.op == "+" and is_string(e.type):
        concat_leaves(e.x, out)
        concat_leaves(e.y, out)
    else:
        out.append(e)


def looping_labels(body: T.Block) -> set[str]:
    """Labels targeted by a goto that comes after them (backward jumps: a loop)."""
    seen: set[str] = set()
    looping: set[str] = set()
    for n in T.walk_nodes(body):
        if isinstance(n, T.Labeled):
            seen.add(n.label)
        elif isinstance(n, T.Branch) and n.kind is T.BranchKind.GOTO and n.label in seen:
            looping.add(n.label)
    return looping


def dynamic_init(st: T.Stmt) -> tuple[T.Stmt, ...]:
    """The code gc's static initialisation leaves of package-level initialisation st:
    a literal (and its address) in a variable's initialiser is static data, so only its
    dynamic leaves remain, each stored into the variable's storage (`var x = []T{{p:
    &U{f()}}}` keeps `x = f()`); other statements stay as they are."""
    if not (isinstance(st, T.Assign) and len(st.lhs) == len(st.rhs) and all(
            isinstance(x, T.VarRef) and x.var.kind is VarKind.GLOBAL for x in st.lhs)):
        return (st,)
    out: list[T.Stmt] = []
    for x, e in zip(st.lhs, st.rhs, strict=True):
        out.extend(T.Assign(st.pos, (x,), (leaf,)) for leaf in _dynamic_leaves(e))
    return tuple(out)


def _dynamic_leaves(e: T.Expr) -> list[T.Expr]:
    if _static_value(e):
        return []
    match e:
        case T.AddrOf(x=T.CompositeLit() as lit):
            return _dynamic_leaves(lit)
        case T.CompositeLit(elems=els) if not isinstance(under(e.type), Map):
            return [leaf for el in els for leaf in _dynamic_leaves(el.value)]
    return [e]


def _static_value(e: T.Expr) -> bool:
    match e:
        case T.ConstExpr() | T.NilExpr() | T.FuncRef():
            return True
        case T.Convert(x=x) | T.AddrOf(x=x):
            return _static_value(x)
        case T.CompositeLit(elems=els):
            return not isinstance(under(e.type), Map) and all(
                _static_value(el.value) for el in els)
    return False


def _same_safe(a: T.Expr, b: T.Expr) -> bool:
    """Whether a and b denote the same location without side effects (gc's
    SameSafeExpr): names, field selections, dereferences, constant or name indexes."""
    match a, b:
        case T.VarRef(var=v), T.VarRef(var=w):
            return v is w
        case T.FieldSel(x=x, index=i), T.FieldSel(x=y, index=j):
            return i == j and _same_safe(x, y)
        case T.Deref(x=x), T.Deref(x=y):
            return _same_safe(x, y)
        case T.Index(x=x, index=i), T.Index(x=y, index=j):
            return _same_safe(x, y) and _same_safe(i, j)
        case T.ConstExpr(value=v), T.ConstExpr(value=w):
            return v == w
        case T.Convert(kind=T.ConvKind.NOP, x=x), T.Convert(kind=T.ConvKind.NOP, x=y):
            return _same_safe(x, y)
    return False


def _pure_index(e: T.Expr) -> bool:
    """Whether evaluating the index e cannot write memory (constants, names, arithmetic)."""
    match e:
        case T.ConstExpr() | T.VarRef():
            return True
        case T.Binary(x=x, y=y):
            return _pure_index(x) and _pure_index(y)
        case T.Unary(x=x) | T.Convert(x=x):
            return _pure_index(x)
    return False


def _ptr_base(e: T.Expr) -> Var | None:
    """p for `*p` and `p.f` (through the pointer p, a variable), else None."""
    if isinstance(e, T.FieldSel):
        e = e.x
    if isinstance(e, T.Deref) and isinstance(e.x, T.VarRef):
        return e.x.var
    return None


def self_assign(dst: T.Expr, src: T.Expr) -> bool:
    """Whether dst = src only moves pointers within one object (gc ignores these flows):
    `v.x = v.y`, `v.a[i] = v.a[j]`, and `p.buf = p.buf[i:j]`."""
    if isinstance(src, T.SliceExpr) and not isinstance(src.x, T.AddrOf):
        d = _ptr_base(dst)
        return d is not None and d is _ptr_base(src.x) and (
            isinstance(dst, T.Deref) or isinstance(dst, T.FieldSel))
    match dst, src:
        case T.FieldSel(x=x), T.FieldSel(x=y):
            return isinstance(x, T.Deref) == isinstance(y, T.Deref) and _same_safe(x, y)
        case T.Index(x=x, index=i), T.Index(x=y, index=j):
            return _pure_index(i) and _pure_index(j) and _same_safe(x, y)
    return False


def static_closures(d: T.FuncDecl) -> dict[Var, T.FuncDecl | Func]:
    """Local variables of d (closures included) initialised with a func literal, a
    declared function or another such variable, and never assigned again nor
    address-taken: calls through them are static calls (gc's StaticValue)."""
    inits: dict[Var, T.FuncDecl | Func | Var] = {}
    spoiled: set[Var] = set()
    stack: list[object] = [d.body]
    while stack:
        for n in T.walk_nodes(stack.pop()):
            match n:
                case T.FuncLit(decl=inner):
                    stack.append(inner.body)
            match n:
                case T.VarDecl(vars=(v,), values=(T.FuncLit(decl=inner),)):
                    inits[v] = inner
                case T.VarDecl(vars=(v,), values=(T.FuncRef(func=f),)):
                    inits[v] = f
                case T.VarDecl(vars=(v,), values=(T.VarRef(var=w),)):
                    inits[v] = w
                case T.Assign(lhs=lhs):
                    spoiled.update(x.var for x in lhs if isinstance(x, T.VarRef))
                case T.OpAssign(lhs=T.VarRef(var=v)) | T.AddrOf(x=T.VarRef(var=v)):
                    spoiled.add(v)
    out: dict[Var, T.FuncDecl | Func] = {}
    for v in inits:
        seen: set[Var] = set()
        cur: T.FuncDecl | Func | Var | None = v
        while isinstance(cur, Var) and cur not in seen and cur not in spoiled:
            seen.add(cur)
            cur = inits.get(cur)
        if cur is not None and not isinstance(cur, Var):
            out[v] = cur
    return out


def reflect_header_data(e: T.Expr) -> T.Expr | None:
    """p when e is `p.Data` with p a *reflect.SliceHeader or *reflect.StringHeader (gc's
    IsReflectHeaderDataField on an ODOTPTR): the uintptr there is a pointer p holds."""
    if not (isinstance(e, T.FieldSel) and isinstance(e.x, T.Deref) and e.type == UINTPTR):
        return None
    pt = e.x.x.type
    t = pt.elem if isinstance(pt, Pointer) else None
    if not (isinstance(t, Named) and t.pkg == "reflect" and not t.local
            and t.name in ("SliceHeader", "StringHeader")):
        return None
    u = under(t)
    if not (isinstance(u, Struct) and u.fields[e.index].name == "Data"):
        return None
    return e.x.x
