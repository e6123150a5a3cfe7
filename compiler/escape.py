"""escape: decide for every allocation site whether it may live on the stack (`-m`).

The pass runs between the type checker and walk. It builds, per batch of mutually
recursive functions (closures belong to their enclosing function's batch), a directed
graph of *locations* — variables, allocation sites, the heap — whose edges say "the value
of src flows to dst, dereferenced `derefs` times" (-1: src's address flows; +1: what src
points to flows). Then, from every root that may outlive something (the heap, result
variables, variables declared at a shallower loop depth, variables of an enclosing
function), a shortest-path walk finds each location's minimum derefs to the root. A
location whose *address* reaches a root that outlives it escapes; an escaping location
becomes a root itself. A parameter reached from the heap or its function's results gets a
tag (leaks to heap with level h, leaks to result k with level d) which callers outside
the batch use instead of the callee's body. For

    func f(n int) int {                         var s int
        s := 0                                  for ... {
        for i := 0; i < n; i++ {                    e = i  // e declared outside the loop
            s += i2int(i)   // i2int(x) only asserts x.(int): param tag "does not escape"
        }
    }

the conversion `interface{}(i)` flows only into a non-escaping parameter: it does not
escape and walk builds it from a stack temporary; on the right, the conversion flows to
`e`, declared at loop depth 1 while the conversion is at depth 2 (the temporary would be
reused by the next iteration), so it escapes and walk calls runtime.convT2E.

`-m` prints gc 1.19's messages at gc's positions: allocation sites (`x escapes to heap`,
`new(T) does not escape`, `func literal escapes to heap`, `... argument does not escape`),
`moved to heap: x` at the declaration, and parameter tags (`leaking param: p`, `leaking
param content: p`, `leaking param: p to result ~r0 level=0`, `p does not escape`).
gc's positions that are not a node's start (call and conversion parentheses, composite
literal braces, binary operators, selector dots) are the typed tree's REPORT_FIELDS, which
the parser recorded; constants print as they were written (ConstExpr.spelling).

The result is a side table: sites keyed by `id(node)` (Convert T2E/T2I and the other
conversions that allocate, AddrOf of a composite literal, new/make/append, CompositeLit
of slices and maps, FuncLit, method values, string concatenation), variables by `Var`,
parameter tags by `id(FuncDecl)`. Do NOT key anything by the tree nodes themselves: they
are frozen dataclasses whose hash walks the whole subtree; and do NOT keep a result longer
than its Program (ids of dead nodes get reused).

Known differences from gc 1.19's -m (on purpose or not yet done):
- gc devirtualizes `i.M()` when it sees i's dynamic type, even with -l; refgo never
  does, so the receiver's conversion escapes (cases/escape/devirt.go).
- gc prints the self-assignment note twice for a two-pair assignment; the Diagnostics
  sink drops the exact duplicate.
- `go` statements, -m=2 explanations and inlining-related messages are not produced.
Lowering differs from gc where walk is conservative: only conversions and address-taken
variables follow these decisions; new, &T{}, literals and make still allocate on the
heap, and captured variables always live on the heap (heap_vars leaves them out).
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from compiler.diag import Diagnostics, Pos
from compiler.types import tree as T
from compiler.types.typ import (
    Array,
    Basic,
    Func,
    Interface,
    Map,
    Named,
    Pointer,
    Signature,
    Slice,
    Struct,
    Tuple,
    Type,
    Var,
    VarKind,
    has_pointers,
    is_direct_iface,
    is_string,
    m_string,
    size_of,
    under,
)

# gc's limits: implicit allocations (new, &T{}, make, literals) above this size go to the
# heap regardless of flow; a converted value larger than CONV_STACK_MAX is copied by the
# runtime even when the interface does not escape (walk's rule, the seed commit's 1024).
MAX_IMPLICIT_STACK = 64 * 1024
MAX_STACK_VAR = 10 * 1024 * 1024
CONV_STACK_MAX = 1024
INF = 1 << 30


@dataclass(frozen=True, slots=True)
class Options:
    """`m` is the -m level (0: no reports)."""

    m: int = 0


class SiteKind(enum.Enum):
    CONV = "conv"            # value-to-interface conversion (T2E/T2I), non-pointer-shaped
    CONVSTR = "convstr"      # string/[]byte/[]rune conversions that allocate
    ADDR = "addr"            # &T{...}
    NEW = "new"
    MAKE = "make"
    SLICELIT = "slicelit"    # []T{...} backing array (and the implicit `... argument`)
    MAPLIT = "maplit"
    CLOSURE = "closure"
    METHVAL = "methval"
    CONCAT = "concat"
    APPEND = "append"        # append's growth: always the heap (runtime.growslice)


@dataclass(frozen=True, slots=True)
class Site:
    """The decision for one allocation site; `pos`/`desc` are gc's for `-m`."""

    kind: SiteKind
    pos: Pos
    desc: str
    escapes: bool


@dataclass(frozen=True, slots=True)
class ParamTag:
    """How a parameter's value leaks: to the heap after `heap` derefs (None: never), to
    result k after d derefs for each (k, d) in `results`."""

    heap: int | None
    results: tuple[tuple[int, int], ...]

    @property
    def empty(self) -> bool:
        return self.heap is None and not self.results


NO_LEAK = ParamTag(None, ())


@dataclass(frozen=True, slots=True)
class EscapeResult:
    """The side table walk consults; see the module docstring for the keys."""

    sites: Mapping[int, Site]
    moved: Mapping[Var, bool]
    tags: Mapping[int, tuple[ParamTag, ...]]
    captured: frozenset[Var] = frozenset()

    def conv_on_stack(self, node: T.Convert) -> bool:
        """Whether walk may build the interface for node from a stack temporary."""
        s = self.sites.get(id(node))
        return s is not None and s.kind is SiteKind.CONV and not s.escapes \
            and size_of(node.x.type) <= CONV_STACK_MAX

    def stack_convs(self) -> frozenset[int]:
        """The ids of the Convert nodes for which conv_on_stack holds."""
        return frozenset(k for k, s in self.sites.items()
                         if s.kind is SiteKind.CONV and not s.escapes)

    def heap_vars(self) -> dict[int, bool]:
        """Var uid → must live on the heap, for the address-taken variables walk can keep
        on the stack (walk keeps every closure-captured variable on the heap itself)."""
        return {v.uid: m for v, m in self.moved.items() if v not in self.captured}


# ---------------------------------------------------------------------------------------
# gc's spelling of expressions and types in -m messages


_PREC = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3,
         "+": 4, "-": 4, "|": 4, "^": 4, "*": 5, "/": 5, "%": 5, "<<": 5, ">>": 5,
         "&": 5, "&^": 5}


def _go_quote(b: bytes) -> str:
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


def is_implicit(e: T.Convert) -> bool:
    """Whether the checker inserted e (assignability): it then shares its operand's
    position, while an explicit `T(x)` starts at the type."""
    return e.pos == e.x.pos


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
                return _go_quote(v)
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
            return op + f(x, 6)
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
            return "*" + f(x, 6)
        case T.AddrOf(x=x):
            return "&" + f(x, 6)
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


def _fmt_args(call: T.Call | T.MethodCall | T.IfaceCall, args: Sequence[T.Expr], pkg: str
              ) -> str:
    """A call's arguments; the checker's packing of variadic extras prints as gc's
    `... argument...`."""
    parts = [fmt_expr(a, pkg, 0) for a in args]
    if args and _variadic_pack(call, None) is args[-1]:
        parts[-1] = "... argument..."
    return ", ".join(parts)


def _fmt_recv(r: T.Expr, pkg: str) -> str:
    if isinstance(r, T.AddrOf | T.Deref):
        r = r.x
    return fmt_expr(r, pkg, 7)


# ---------------------------------------------------------------------------------------
# The graph


class LocKind(enum.Enum):
    HEAP = "heap"
    VAR = "var"
    SITE = "site"
    TEMP = "temp"


@dataclass(eq=False, slots=True)
class Location:
    """A node of the flow graph. `edges` are the flows *into* this location as
    (src, derefs). `depth` is the loop depth of the declaration (valid for VAR and SITE);
    `fn` the id of the declaring FuncDecl (0 for the heap)."""

    kind: LocKind
    fn: int
    depth: int
    var: Var | None = None
    node: int = 0
    site_kind: SiteKind | None = None
    pos: Pos | None = None
    desc: str = ""
    edges: list[tuple[Location, int]] = field(default_factory=list)
    escapes: bool = False
    addrtaken: bool = False
    derefs: int = INF
    leak_heap: int | None = None
    leak_results: dict[int, int] = field(default_factory=dict)
    result_index: int = -1      # for result variables: the index in the results list

    def leak_to(self, root: Location, derefs: int) -> None:
        """Record that this parameter's value reaches root after derefs dereferences."""
        if not root.escapes and root.result_index >= 0 and root.fn == self.fn:
            old = self.leak_results.get(root.result_index)
            if old is None or derefs < old:
                self.leak_results[root.result_index] = derefs
            return
        if self.leak_heap is None or derefs < self.leak_heap:
            self.leak_heap = derefs


@dataclass(frozen=True, slots=True)
class Hole:
    """Where an expression's value goes: into loc after `derefs` dereferences (-1: its
    address); loc None discards the value (the expression is still analysed)."""

    loc: Location | None
    derefs: int = 0

    def shift(self, d: int) -> Hole:
        return Hole(self.loc, self.derefs + d) if self.loc is not None else self

    def addr(self) -> Hole:
        return self.shift(-1)

    def deref(self) -> Hole:
        return self.shift(1)


DISCARD = Hole(None)


@dataclass(slots=True)
class _FuncState:
    """The function (or closure) being walked and its loop depth."""

    decl: T.FuncDecl
    depth: int = 1
    looping: frozenset[str] = frozenset()


class _Batch:
    """Builds and solves the flow graph of one batch of functions."""

    def __init__(self, an: _Analysis, decls: Sequence[T.FuncDecl]) -> None:
        self.an = an
        self.in_batch: set[int] = {id(d) for d in decls}
        self.heap = Location(LocKind.HEAP, 0, 0, escapes=True)
        self.locs: list[Location] = []
        self.vars: dict[Var, Location] = {}
        self.parent: dict[int, int] = {}          # closure decl id -> enclosing decl id
        self.has_closures: set[int] = set()
        self.maxdepth: dict[int, int] = {}
        self.closures: list[tuple[Location, T.FuncDecl]] = []
        self.reassigned: set[Var] = set()
        self.all_decls: list[T.FuncDecl] = []
        self.cur = _FuncState(decls[0])
        self.fresh: set[int] = set()               # ids of vars just declared by `:=`
        self.called_now: set[int] = set()          # closures called where they are written

    # -- locations ---------------------------------------------------------------------

    def new_loc(self, kind: LocKind, **kw: object) -> Location:
        fn = id(self.cur.decl)
        loc = Location(kind, fn, self.cur.depth, **kw)  # type: ignore[arg-type]
        self.locs.append(loc)
        self.maxdepth[fn] = max(self.maxdepth.get(fn, 1), self.cur.depth)
        return loc

    def var_loc(self, v: Var) -> Location:
        loc = self.vars.get(v)
        if loc is None:
            loc = self.new_loc(LocKind.VAR, var=v)
            self.vars[v] = loc
        return loc

    def declare(self, v: Var) -> Location:
        """A fresh location for v at the current loop depth (on the heap from the start
        when larger than gc's MaxStackVarSize)."""
        loc = self.new_loc(LocKind.VAR, var=v, escapes=_size(v.type) > MAX_STACK_VAR)
        self.vars[v] = loc
        return loc

    def hole(self, v: Var) -> Hole:
        if v.kind is VarKind.GLOBAL:
            return Hole(self.heap)
        if v.name == "_":
            return DISCARD
        return Hole(self.var_loc(v))

    def flow(self, k: Hole, src: Location) -> None:
        """src's value flows to k."""
        dst = k.loc
        if dst is None:
            return
        if k.derefs < 0:
            src.addrtaken = True
        if dst is src and k.derefs >= 0:
            return
        dst.edges.append((src, k.derefs))

    def mark_addrtaken(self, x: T.Expr) -> None:
        """Record that the variable underlying x (x, x.f, x[i] of an array) has its
        address taken, even when the address goes nowhere."""
        while isinstance(x, T.FieldSel) or isinstance(x, T.Index) and isinstance(
                under(x.x.type), Array):
            x = x.x
        if isinstance(x, T.VarRef) and x.var.kind is not VarKind.GLOBAL:
            self.var_loc(x.var).addrtaken = True

    def site(self, k: Hole, node: object, kind: SiteKind, pos: Pos, desc: str,
             force: bool = False) -> Hole:
        """A new allocation site whose address flows to k; returns a hole into it."""
        loc = self.new_loc(LocKind.SITE, node=id(node), site_kind=kind, pos=pos, desc=desc,
                           escapes=force)
        self.flow(k.addr(), loc)
        return Hole(loc)

    def tee(self, ks: Sequence[Hole]) -> Hole:
        """A hole whose value flows to every hole of ks."""
        ks = [k for k in ks if k.loc is not None]
        if not ks:
            return DISCARD
        if len(ks) == 1:
            return ks[0]
        loc = self.new_loc(LocKind.TEMP)
        for k in ks:
            self.flow(k, loc)
        return Hole(loc)

    # -- functions ---------------------------------------------------------------------

    def declare_params(self, d: T.FuncDecl) -> None:
        """Locations for d's parameters and results (at d's loop depth 1)."""
        saved = self.cur
        self.cur = _FuncState(d)
        for v in _params(d):
            self.declare(v)
        for i, v in enumerate(d.results):
            self.declare(v).result_index = i
        self.cur = saved

    def func(self, d: T.FuncDecl) -> None:
        """Walk d's body at loop depth 1."""
        if not any(v in self.vars for v in _params(d) + list(d.results)):
            self.declare_params(d)
        saved = self.cur
        self.all_decls.append(d)
        if d.body is not None:
            self.cur = _FuncState(d, 1, frozenset(_looping_labels(d.body)))
            self.block(d.body)
        self.cur = saved

    # -- statements --------------------------------------------------------------------

    def block(self, b: T.Block) -> None:
        self.stmts(b.stmts)

    def stmts(self, ss: Sequence[T.Stmt]) -> None:
        prev: T.Stmt | None = None
        for s in ss:
            self.fresh = set()
            if isinstance(prev, T.VarDecl) and not prev.values and isinstance(s, T.Assign) \
                    and prev.pos == s.pos:
                self.fresh = {id(v) for v in prev.vars}
            self.stmt(s)
            prev = s
        self.fresh = set()

    def stmt(self, s: T.Stmt) -> None:
        match s:
            case T.ExprStmt(x=x):
                self.expr(DISCARD, x)
            case T.VarDecl():
                self.var_decl(s)
            case T.Assign():
                self.assign(s)
            case T.OpAssign(lhs=lhs, rhs=rhs):
                self.expr(self.lvalue(lhs, s.pos), rhs, _last_name((lhs,), s.pos, self.gcpos))
            case T.Block():
                self.block(s)
            case T.If(init=init, cond=cond, then=then, els=els):
                if init is not None:
                    self.stmt(init)
                self.expr(DISCARD, cond)
                self.block(then)
                if els is not None:
                    self.stmt(els)
            case T.For():
                if s.init is not None:
                    self.stmt(s.init)
                self.cur.depth += 1
                if s.cond is not None:
                    self.expr(DISCARD, s.cond)
                if s.post is not None:
                    self.stmt(s.post)
                self.block(s.body)
                self.cur.depth -= 1
            case T.Range():
                self.range_stmt(s)
            case T.Switch():
                if s.init is not None:
                    self.stmt(s.init)
                if s.tag is not None:
                    self.expr(DISCARD, s.tag)
                for c in s.clauses:
                    for e in c.exprs:
                        if s.tag is not None and isinstance(e, T.Convert) and e.kind in (
                                T.ConvKind.T2E, T.ConvKind.T2I):
                            self.an.quiet.add(id(e))
                        self.expr(DISCARD, e)
                    self.stmts(c.body)
            case T.TypeSwitch():
                self.type_switch(s)
            case T.Return():
                self.return_stmt(s)
            case T.Branch():
                pass
            case T.Labeled(label=label, stmt=inner):
                if label in self.cur.looping:
                    self.cur.depth += 1
                self.stmt(inner)
            case T.Defer(call=call):
                if self.cur.depth > 1:
                    self.defer_args(call)
                else:
                    self.expr(DISCARD, call)

    def defer_args(self, call: T.Expr) -> None:
        """A defer inside a loop: its function value and arguments go to the heap."""
        heap = Hole(self.heap)
        match call:
            case T.Call(fn=fn, args=args):
                self.expr(heap, fn)
                for a in args:
                    self.expr(heap, a)
            case T.MethodCall(recv=r, args=args) | T.IfaceCall(recv=r, args=args):
                self.expr(heap, r)
                for a in args:
                    self.expr(heap, a)
            case T.BuiltinCall(args=args):
                for a in args:
                    self.expr(heap, a)
            case _:
                self.expr(heap, call)

    def var_decl(self, s: T.VarDecl) -> None:
        holes = [Hole(self.declare(v)) if v.name != "_" else DISCARD for v in s.vars]
        if not s.values:
            return
        if len(s.values) == 1 and len(s.vars) > 1:
            self.multi(holes, s.values[0])
            return
        last = _last_name(s.values, s.vars[-1].pos, self.gcpos)
        for k, e in zip(holes, s.values, strict=False):
            self.expr(k, e, last)

    def assign(self, s: T.Assign) -> None:
        holes = [self.lvalue(x, s.pos) for x in s.lhs]
        if len(s.rhs) == 1 and len(s.lhs) > 1:
            self.multi(holes, s.rhs[0])
            return
        pos = _last_name(s.lhs, s.pos, self.gcpos)
        for i, (k, e) in enumerate(zip(holes, s.rhs, strict=False)):
            if _self_assign(s.lhs[i], e):
                k = DISCARD
                if self.an.reporting:
                    where = s.oppos or s.pos
                    text = ", ".join(self.fmt(x) for x in s.lhs) + " = " + ", ".join(
                        self.fmt(x) for x in s.rhs)
                    self.an.extra.append((where, f"{self.cur.decl.name} ignoring "
                                                 f"self-assignment in {text}"))
            self.expr(k, e, pos)

    def lvalue(self, x: T.Expr, pos: Pos) -> Hole:
        """The hole an assignment to x fills (its operands analysed as discarded)."""
        match x:
            case T.VarRef(var=v):
                if id(v) not in self.fresh:
                    self.reassigned.add(v)
                return self.hole(v)
            case T.Blank():
                return DISCARD
            case T.FieldSel(x=inner):
                return self.lvalue(inner, pos)
            case T.Index(x=inner, index=i):
                self.expr(DISCARD, i)
                if isinstance(under(inner.type), Array):
                    return self.lvalue(inner, pos)
                self.expr(DISCARD, inner)
                return Hole(self.heap)
            case T.Deref(x=p):
                self.expr(DISCARD, p)
                return Hole(self.heap)
            case T.MapIndex(x=m, key=key):
                self.expr(DISCARD, m)
                self.expr(Hole(self.heap), key, pos)
                return Hole(self.heap)
        self.expr(DISCARD, x)
        return Hole(self.heap)

    def range_stmt(self, s: T.Range) -> None:
        tmp = self.new_loc(LocKind.TEMP)
        self.expr(Hole(tmp), s.x)
        if s.define:
            for v in s.vars:
                self.declare(v)
        self.cur.depth += 1
        kv = [self.lvalue(e, s.pos) if e is not None else DISCARD for e in (s.key, s.value)]
        xt = under(s.x.type)
        if isinstance(xt, Array):
            self.flow(kv[1], tmp)
        elif not isinstance(xt, Map):
            self.flow(kv[1].deref(), tmp)
        self.block(s.body)
        self.cur.depth -= 1

    def type_switch(self, s: T.TypeSwitch) -> None:
        if s.init is not None:
            self.stmt(s.init)
        ks = []
        for c in s.clauses:
            if c.var is not None:
                ks.append(_dot(Hole(self.declare(c.var)), c.var.type))
        self.expr(self.tee(ks), s.x)
        for c in s.clauses:
            self.stmts(c.body)

    def return_stmt(self, s: T.Return) -> None:
        d = self.cur.decl
        holes = [Hole(self.var_loc(v)) for v in d.results]
        if len(s.results) == 1 and len(holes) > 1:
            self.multi(holes, s.results[0])
            return
        for k, e in zip(holes, s.results, strict=False):
            self.expr(k, e)

    # -- expressions -------------------------------------------------------------------

    def multi(self, holes: list[Hole], e: T.Expr) -> None:
        """A multi-valued expression whose i-th value flows to holes[i]."""
        match e:
            case T.Call() | T.MethodCall() | T.IfaceCall():
                self.call(e, holes)
            case T.TypeAssert(x=x, target=t):
                self.expr(_dot(holes[0], t), x)
            case _:
                self.expr(DISCARD, e)

    def expr(self, k: Hole, e: T.Expr, convpos: Pos | None = None) -> None:
        """Analyse e, whose value flows to k. convpos is where gc reports an implicit
        conversion at the top of e (the statement's or call's position)."""
        if k.loc is not None and k.derefs >= 0 and not _pointerful(e.type):
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
                self.expr(_dot(k, t), x)
            case T.MethodValue(recv=r) | T.IfaceMethodValue(recv=r):
                inner = self.site(k, e, SiteKind.METHVAL, self.gcpos(e), self.fmt(e))
                self.expr(self.tee([inner, self.recv_hole(e)]), r)
            case T.TupleElem(x=x, index=0):
                assert isinstance(x.type, Tuple)
                self.multi([Hole(self.heap)] * len(x.type.types), x)

    def binary(self, k: Hole, e: T.Binary) -> None:
        if e.op == "+" and is_string(e.type):
            leaves: list[T.Expr] = []
            _concat_leaves(e, leaves)
            self.site(k, e, SiteKind.CONCAT, self.gcpos(e), self.fmt(e))
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
            pos = convpos if convpos is not None and is_implicit(e) else self.gcpos(e)
            if id(e) in self.an.quiet:
                pos = self.gcpos(e)
            inner = self.site(k, e, SiteKind.CONV, pos, self.fmt(e))
            self.expr(inner, x)
            return
        if e.kind in (K.STRING_TO_BYTES, K.STRING_TO_RUNES, K.BYTES_TO_STRING,
                      K.RUNES_TO_STRING, K.INT_TO_STRING):
            pos = convpos if convpos is not None and is_implicit(e) else self.gcpos(e)
            self.site(k, e, SiteKind.CONVSTR, pos, self.fmt(e))
            self.expr(DISCARD, x)
            return
        if e.kind in (K.I2E, K.I2I, K.NOP, K.SLICE_TO_ARRAYPTR):
            self.expr(k, x)
            return
        self.expr(DISCARD, x)

    def complit(self, k: Hole, e: T.CompositeLit) -> None:
        u = under(e.type)
        if isinstance(u, Struct | Array):
            for el in e.elems:
                self.expr(k, el.value, el.colon)
            return
        pos = self.gcpos(e)
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
        self.an.funcs_of[id(d)] = d
        self.func(d)
        return d

    def builtin(self, k: Hole, e: T.BuiltinCall) -> None:
        name, args = e.name, e.args
        heap = Hole(self.heap)
        if name == "new":
            t = e.type.elem if isinstance(e.type, Pointer) else e.type
            self.site(k, e, SiteKind.NEW, self.gcpos(e), self.fmt(e),
                      size_of(t) > MAX_IMPLICIT_STACK)
        elif name == "make":
            u = under(e.type)
            kind = SiteKind.MAKE
            force = False
            if isinstance(u, Slice):
                consts = [a for a in args if isinstance(a, T.ConstExpr)]
                if len(consts) != len(args):
                    force = True
                else:
                    n = max(int(a.value) for a in consts)  # type: ignore[arg-type]
                    force = n * size_of(u.elem) > MAX_IMPLICIT_STACK
            self.site(k, e, kind, self.gcpos(e), self.fmt(e), force)
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
                last = _last_name(args, self.gcpos(e), self.gcpos)
                for a in args[1:]:
                    self.expr(heap, a, last)
        elif name == "copy" and len(args) == 2:
            self.expr(DISCARD, args[0])
            st = under(args[1].type)
            ptrs = isinstance(st, Slice) and has_pointers(st.elem)
            self.expr(heap.deref() if ptrs else DISCARD, args[1])
        elif name == "panic":
            for a in args:
                self.expr(heap, a, _last_name(args, self.gcpos(e), self.gcpos))
        else:
            for a in args:
                self.expr(DISCARD, a, self.gcpos(e))

    def call(self, e: T.Call | T.MethodCall | T.IfaceCall, holes: list[Hole]) -> None:
        """A call whose i-th result flows to holes[i]."""
        heap = Hole(self.heap)
        lparen = self.gcpos(e)
        decl: T.FuncDecl | None = None
        args: list[T.Expr] = list(e.args)
        match e:
            case T.Call(fn=T.FuncRef(func=f)):
                decl = self.an.decl_of(f)
            case T.Call(fn=T.FuncLit() as lit):
                decl = self.closure(DISCARD, lit)
                self.called_now.add(id(decl))
            case T.Call(fn=T.VarRef(var=v) as fn) if v in self.an.static_closures:
                self.expr(DISCARD, fn)
                target = self.an.static_closures[v]
                decl = self.an.decl_of(target) if isinstance(target, Func) else target
            case T.Call(fn=fn):
                self.expr(DISCARD, fn)
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
        ddd = _variadic_pack(e, decl)
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
                    base = _advance(base, el.value, self)
                    self.expr(inner, el.value, base)
                continue
            if isinstance(e, T.MethodCall) and i == 0:
                self.expr(k, a)
                continue
            base = _advance(base, a, self)
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

    # -- positions and spelling --------------------------------------------------------

    def fmt(self, e: T.Expr) -> str:
        return fmt_expr(e, self.an.pkg, 0)

    def gcpos(self, e: T.Expr) -> Pos:
        """The position gc gives node e."""
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
                    return self.gcpos(x)
                return e.lparen or e.pos
        return e.pos

    # -- solving -----------------------------------------------------------------------

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

    def outlives(self, root: Location, other: Location) -> bool:
        if root.escapes:
            return True
        if root.result_index >= 0:
            return not (root.fn in self.called_now and self.encloses(other.fn, root.fn))
        if root.fn == other.fn and root.depth < other.depth:
            return True
        return self.encloses(root.fn, other.fn)

    def encloses(self, outer: int, inner: int) -> bool:
        """Whether function inner is a closure nested (at any depth) in function outer."""
        f = self.parent.get(inner)
        while f is not None:
            if f == outer:
                return True
            f = self.parent.get(f)
        return False

    def may_outlive(self, root: Location) -> bool:
        """Whether root can outlive any location (else walking from it is useless)."""
        return root.escapes or root.result_index >= 0 or root.fn in self.has_closures \
            or root.depth < self.maxdepth.get(root.fn, 1)

    def solve(self) -> None:
        todo = [loc for loc in self.locs if self.may_outlive(loc)] + [self.heap]
        queued = {id(x) for x in todo}
        while todo:
            root = todo.pop()
            queued.discard(id(root))
            for loc in self.walk_one(root):
                if id(loc) not in queued:
                    queued.add(id(loc))
                    todo.append(loc)

    def walk_one(self, root: Location) -> list[Location]:
        """Minimum derefs from every location to root; returns newly escaping ones."""
        touched = [root]
        root.derefs = 0
        q: deque[Location] = deque([root])
        newly: list[Location] = []
        while q:
            loc = q.popleft()
            d = loc.derefs
            addressed = d < 0
            if addressed:
                d = 0
            if self.outlives(root, loc):
                if loc.var is not None and loc.var.kind is VarKind.PARAM:
                    loc.leak_to(root, d)
                if addressed and not loc.escapes:
                    loc.escapes = True
                    newly.append(loc)
                    continue
            for src, ed in loc.edges:
                if src.escapes:
                    continue
                nd = d + ed
                if nd < src.derefs:
                    if src.derefs == INF:
                        touched.append(src)
                    src.derefs = nd
                    q.append(src)
        for loc in touched:
            loc.derefs = INF
        return newly


def _size(t: Type) -> int:
    try:
        return size_of(t)
    except (TypeError, AssertionError, KeyError):
        return 0


def _pointerful(t: Type) -> bool:
    """Whether values of t can hold pointers (flows of scalars are discarded)."""
    try:
        return has_pointers(t)
    except (TypeError, AssertionError, KeyError):
        return True


def _last_name(es: Sequence[T.Expr], default: Pos, gcpos: Callable[[T.Expr], Pos]) -> Pos:
    """Where gc 1.19 reports the implicit conversions of a declaration's values, an
    assignment's right-hand sides (es = its left-hand sides) and append's and panic's
    arguments: at the last in source order of the names in es, the `{` of composite
    literals and the `(` of calls (not looking inside calls), else at default."""
    pos = default

    def visit(n: object) -> None:
        nonlocal pos
        p: Pos | None = None
        if isinstance(n, T.VarRef | T.FuncRef):
            p = n.pos
        elif isinstance(n, T.Call | T.MethodCall | T.IfaceCall | T.BuiltinCall):
            p = gcpos(n)
        elif isinstance(n, T.CompositeLit):
            p = gcpos(n)
        if p is not None and (pos is default or p > pos):
            pos = p
        if isinstance(n, T.Call | T.MethodCall | T.IfaceCall | T.BuiltinCall | T.FuncLit):
            return
        for kid in _children(n):
            visit(kid)

    for e in es:
        visit(e)
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


def _dot(k: Hole, t: Type) -> Hole:
    """The hole for x.(t) flowing to k: a non-pointer-shaped t is loaded through the
    interface's data word."""
    if isinstance(under(t), Interface) or is_direct_iface(t):
        return k
    return k.deref()


def _concat_leaves(e: T.Expr, out: list[T.Expr]) -> None:
    if isinstance(e, T.Binary) and e.op == "+" and is_string(e.type):
        _concat_leaves(e.x, out)
        _concat_leaves(e.y, out)
    else:
        out.append(e)


def _advance(base: Pos, a: T.Expr, b: _Batch) -> Pos:
    """gc's running position while checking call arguments: names leave it, any other
    argument moves it to that argument's own position."""
    inner = a.x if isinstance(a, T.Convert) and is_implicit(a) else a
    if isinstance(inner, T.VarRef):
        return base
    return b.gcpos(inner)


def _variadic_pack(e: T.Call | T.MethodCall | T.IfaceCall,
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


def _looping_labels(body: T.Block) -> set[str]:
    """Labels targeted by a goto that comes after them (backward jumps: a loop)."""
    seen: set[str] = set()
    looping: set[str] = set()
    for n in T.walk_nodes(body):
        if isinstance(n, T.Labeled):
            seen.add(n.label)
        elif isinstance(n, T.Branch) and n.kind is T.BranchKind.GOTO and n.label in seen:
            looping.add(n.label)
    return looping


def _static_init(st: T.Stmt) -> bool:
    """Whether a package-level initialisation is static data for gc (no code, so no
    allocation site): constants, their conversions, and literals and addresses of those
    (not maps)."""
    return isinstance(st, T.Assign) and all(
        isinstance(x, T.VarRef) and x.var.kind is VarKind.GLOBAL for x in st.lhs) and all(
        _static_value(e) for e in st.rhs)


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


def _self_assign(dst: T.Expr, src: T.Expr) -> bool:
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


def _static_closures(d: T.FuncDecl) -> dict[Var, T.FuncDecl | Func]:
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


def _callees(d: T.FuncDecl, decl_of: Mapping[int, T.FuncDecl]) -> list[T.FuncDecl]:
    """The declared functions d (and closures inside it) call or refer to."""
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
            if f is not None and id(f) in decl_of:
                out.append(decl_of[id(f)])
    return out


def _sccs(decls: Sequence[T.FuncDecl], decl_of: Mapping[int, T.FuncDecl]) -> list[list[
        T.FuncDecl]]:
    """Strongly connected components of the call graph, callees before callers
    (Tarjan's algorithm, iterative)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on: set[int] = set()
    stack: list[T.FuncDecl] = []
    out: list[list[T.FuncDecl]] = []
    succ = {id(d): _callees(d, decl_of) for d in decls}
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


class _Analysis:
    """Whole-program state: tags of analysed functions and the growing side table."""

    def __init__(self, diags: Diagnostics, opts: Options) -> None:
        self.diags = diags
        self.opts = opts
        self.pkg = "main"
        self.decls: dict[int, T.FuncDecl] = {}
        self.funcs_of: dict[int, T.FuncDecl] = {}
        self.tags: dict[int, tuple[ParamTag, ...]] = {}
        self.sites: dict[int, Site] = {}
        self.moved: dict[Var, bool] = {}
        self.captured: set[Var] = set()
        self.quiet: set[int] = set()
        self.reporting = False
        self.synthetic: list[T.FuncDecl] = []      # keeps ids of made-up decls unique
        self.extra: list[tuple[Pos, str]] = []
        self.static_closures: dict[Var, T.FuncDecl | Func] = {}

    def decl_of(self, f: Func) -> T.FuncDecl | None:
        return self.decls.get(id(f))

    def package(self, p: T.Package, report: bool) -> None:
        self.pkg = p.path
        funcs = [d for d in p.funcs if d.body is not None]
        for comp in _sccs(funcs, self.decls):
            self.batch(comp, report)
        dynamic = tuple(st for st in p.inits if not _static_init(st))
        if dynamic:
            pos = dynamic[0].pos
            init = T.FuncDecl(pos, "init", None, Signature((), ()), None, (), (),
                              T.Block(pos, dynamic))
            self.synthetic.append(init)
            self.batch([init], report)

    def batch(self, decls: list[T.FuncDecl], report: bool) -> None:
        b = _Batch(self, decls)
        self.reporting = report
        self.extra = []
        for d in decls:
            b.declare_params(d)
            self.static_closures.update(_static_closures(d))
        for d in decls:
            b.func(d)
        b.finish_closures()
        b.solve()
        for loc in b.locs:
            if loc.kind is LocKind.SITE and loc.site_kind is not None and loc.pos is not None:
                prev = self.sites.get(loc.node)
                esc = loc.escapes or (prev is not None and prev.escapes)
                self.sites[loc.node] = Site(loc.site_kind, loc.pos, loc.desc, esc)
            elif loc.kind is LocKind.VAR and loc.var is not None and (
                    loc.addrtaken or loc.escapes):
                self.moved[loc.var] = loc.escapes
        for d in b.all_decls:
            self.tags[id(d)] = tuple(_tag(b.vars[v]) for v in _params(d))
        if report:
            self.report(b)

    def report(self, b: _Batch) -> None:
        """The -m messages of batch b, in text order at equal positions as gc sorts."""
        msgs: list[tuple[Pos, str]] = []
        for loc in b.locs:
            if loc.kind is LocKind.SITE and loc.pos is not None and loc.desc:
                if loc.node in self.quiet:
                    continue
                verdict = "escapes to heap" if loc.escapes else "does not escape"
                msgs.append((loc.pos, f"{loc.desc} {verdict}"))
            elif loc.kind is LocKind.VAR and loc.var is not None and loc.escapes:
                msgs.append((loc.var.pos, f"moved to heap: {loc.var.name}"))
        for d in b.all_decls:
            msgs.extend(_param_messages(d, b))
        msgs.extend(self.extra)
        for pos, msg in sorted(msgs, key=lambda m: (m[0].line, m[0].col, m[1])):
            self.diags.warn(pos, msg)


def _params(d: T.FuncDecl) -> list[Var]:
    return ([d.recv] if d.recv is not None else []) + list(d.params)


def _tag(loc: Location) -> ParamTag:
    """The tag of a parameter location: leaks to results at or beyond the heap level are
    subsumed by the heap leak (gc's Optimize)."""
    if loc.escapes:
        return ParamTag(0, ())
    h = loc.leak_heap
    rs = tuple(sorted((r, d) for r, d in loc.leak_results.items() if h is None or d < h))
    return ParamTag(h, rs)


def _param_messages(d: T.FuncDecl, b: _Batch) -> list[tuple[Pos, str]]:
    out: list[tuple[Pos, str]] = []
    for v in _params(d):
        if not v.name or v.name == "_" or not has_pointers(v.type):
            continue
        loc = b.vars[v]
        if loc.escapes:
            continue
        tag = _tag(loc)
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


def escape_program(prog: T.Program, diags: Diagnostics, opts: Options | None = None
                   ) -> EscapeResult:
    """Analyse every package (dependencies first); -m reports only for the last one."""
    opts = opts or Options()
    an = _Analysis(diags, opts)
    for p in prog.packages:
        for d in p.funcs:
            if d.func is not None:
                an.decls[id(d.func)] = d
    for i, p in enumerate(prog.packages):
        an.package(p, report=opts.m > 0 and i == len(prog.packages) - 1)
    return EscapeResult(dict(an.sites), dict(an.moved), dict(an.tags),
                        frozenset(an.captured))


def dump(res: EscapeResult) -> str:
    """Stable text of the decisions: sites by position, then moved variables."""
    lines = []
    for s in sorted(res.sites.values(), key=lambda s: (s.pos, s.kind.value, s.desc)):
        where = "heap" if s.escapes else "stack"
        lines.append(f"{s.pos}: {s.kind.value} {s.desc or '-'}: {where}")
    for v, m in sorted(res.moved.items(), key=lambda kv: (kv[0].pos, kv[0].uid)):
        lines.append(f"{v.pos}: var {v.name}: {'heap' if m else 'stack'}")
    return "".join(line + "\n" for line in lines)
