"""inlcost: which functions gc 1.19 would inline, by its budget, on the typed tree (`-m`).

gc's inliner (cmd/compile/internal/inline, CanInline's hairyVisitor) walks a function's
IR nodes before escape analysis: each node costs 1, a call of a function that is not
itself inlinable costs 57 more (inlineExtraCallCost), a call of one that is costs that
function's own cost instead, a func literal 15 more plus its body, `panic` 1 more; the
function is inlinable when the total stays within 80 (inlineMaxBudget). `recover`, `go`,
`defer`, a call of runtime.getcallerpc or getcallersp, a local type declaration, a
body-less function, `//go:noinline`, `//go:uintptrkeepalive`, `//go:uintptrescapes`,
`//go:cgo_unsafe_args` and direct self-recursion make a function not inlinable
whatever its size. For

    func alloc(x int) *int { return &x }       // RETURN, ADDR, NAME: cost 3
    func f1() { p = alloc(2) }                 // AS, NAME, CALLFUNC, NAME, LITERAL + 3

both are inlinable (`can inline alloc`, `can inline f1`), and the call in f1 is inlined
(`inlining call to alloc`, reported by compiler/inline.py, which does the inlining on
the IR after walk). A caller of more than 5000 nodes inlines only callees of cost at
most 20 (inlineBigFunctionMaxCost).

The typed tree is not gc's IR, so a cost here is gc's within a few nodes: a statement
list costs nothing (OBLOCK), a value-preserving conversion nothing (OCONVNOP), a
`*&x` one node; an expression statement is its expression; a `var` declaration one
node plus one for its assignment. Closures that capture variables are not inlinable
here (gc inlines them): the IR inliner does not copy a closure's context.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields

from compiler.diag import Diagnostics, Pos
from compiler.types import tree as T
from compiler.types.typ import Named, Slice, under

MAX_BUDGET = 80
"""gc's inlineMaxBudget."""
EXTRA_CALL_COST = 57
"""gc's inlineExtraCallCost."""
CLOSURE_COST = 15
BIG_FUNCTION_NODES = 5000
BIG_FUNCTION_MAX_COST = 20
_REFUSE_PRAGMAS = frozenset({"noinline", "uintptrkeepalive", "uintptrescapes",
                             "cgo_unsafe_args", "yeswritebarrierrec"})
_INTRINSIC_PKGS = frozenset({"sync/atomic", "runtime/internal/atomic"})
_INTRINSICS = frozenset({
    "math.Sqrt", "math.Floor", "math.Ceil", "math.Trunc", "math.RoundToEven", "math.Abs",
    "math.Copysign", "math.FMA", "math/bits.TrailingZeros64", "math/bits.TrailingZeros32",
    "math/bits.TrailingZeros16", "math/bits.TrailingZeros8", "math/bits.TrailingZeros",
    "math/bits.Len64", "math/bits.Len32", "math/bits.Len16", "math/bits.Len8",
    "math/bits.Len", "math/bits.OnesCount64", "math/bits.OnesCount32",
    "math/bits.OnesCount16", "math/bits.OnesCount8", "math/bits.OnesCount",
    "math/bits.ReverseBytes64", "math/bits.ReverseBytes32", "math/bits.ReverseBytes16",
    "math/bits.RotateLeft64", "math/bits.RotateLeft32", "math/bits.RotateLeft16",
    "math/bits.RotateLeft8", "math/bits.RotateLeft", "math/bits.Add64",
    "math/bits.Sub64", "math/bits.Mul64", "math/bits.Div64", "runtime.KeepAlive",
})
"""Functions gc's SSA backend computes in place on amd64 (ssagen's intrinsics, the ones
the library has): their calls cost as any node (IsIntrinsicCall) and are not inlined."""
_FREE = (T.Block, T.ExprStmt, T.TupleElem, T.Element)
"""Nodes that are no node of gc's IR (a statement list, an expression statement, one of
several results of a call, a positional composite literal element): they cost nothing."""


@dataclass(frozen=True, slots=True)
class Options:
    """`m` is the -m level (0: no reports); `enabled` is false under -l."""

    m: int = 0
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class Inlinability:
    """gc's inlining decisions: the cost of every inlinable function, by its IR symbol
    (`main.f`, `main.(*T).M`, `main.f.func1`); the symbols of the functions whose
    callers may inline only callees of cost at most BIG_FUNCTION_MAX_COST; and the ids
    of the func literals called where they stand (`func() {...}()`) whose body gc
    inlines in place, so that no closure is built (escape does not report them), and
    those literals' symbols. With -m, `lparens` maps a static call of the reported
    package (its position and callee's symbol) to its `(`, where gc reports it."""

    costs: Mapping[str, int] = field(default_factory=dict)
    big: frozenset[str] = frozenset()
    inlined_lits: frozenset[int] = frozenset()
    direct: frozenset[str] = frozenset()
    lparens: Mapping[tuple[Pos, str], Pos] = field(default_factory=dict)


class _TooCostly(Exception):
    """The budget ran out, or the function holds an operation gc never inlines."""


@dataclass(slots=True)
class _Costs:
    decl_of: dict[int, T.FuncDecl]
    symbol: dict[int, str]
    local_types: set[int]
    runtime: set[int]
    """The ids of package runtime's declarations (the package named so, under -+)."""
    imported: Mapping[str, int] = field(default_factory=dict)
    """The costs of the inlinable functions of packages compiled separately, by symbol."""
    separate: set[int] = field(default_factory=set)
    """The ids of those packages' declarations, whose bodies were not checked."""
    done: dict[int, int | None] = field(default_factory=dict)
    active: set[int] = field(default_factory=set)

    def cost(self, d: T.FuncDecl) -> int | None:
        """d's cost when gc may inline d, else None (memoized; a function whose cost is
        being computed, a recursive call's callee, counts as not inlinable)."""
        key = id(d)
        if key in self.separate:
            return self.imported.get(self.symbol[key])
        if key in self.done:
            return self.done[key]
        if key in self.active:
            return None
        self.active.add(key)
        try:
            c: int | None = self._cost(d)
        except _TooCostly:
            c = None
        self.active.discard(key)
        self.done[key] = c
        return c

    def _cost(self, d: T.FuncDecl) -> int | None:
        if d.body is None or d.captures or id(d) in self.local_types or (
                d.func is not None and (d.func.pragmas & _REFUSE_PRAGMAS or _intrinsic(d))):
            return None
        budget = [MAX_BUDGET]
        self._visit(d.body, budget, d)
        return MAX_BUDGET - budget[0]

    def callee(self, c: object) -> T.FuncDecl | None:
        """The declared function or func literal a call calls statically, if any."""
        match c:
            case T.Call(fn=T.FuncRef(func=f)) | T.MethodCall(method=f):
                return self.decl_of.get(id(f))
            case T.Call(fn=T.FuncLit(decl=d)):
                return d
        return None

    def _visit(self, n: object, budget: list[int], d: T.FuncDecl) -> None:
        """Charge n and its subtree to budget (gc's hairyVisitor.doNode)."""
        for x in _children_first(n):
            extra = self._charge(x, budget, d)
            budget[0] -= 1 + extra
            if budget[0] < 0:
                raise _TooCostly

    def _charge(self, n: object, budget: list[int], d: T.FuncDecl) -> int:
        """What n costs beyond the 1 every node costs."""
        match n:
            case _ if isinstance(n, _FREE):
                return -1
            case T.Convert(kind=T.ConvKind.NOP):
                return -1
            case T.Deref(x=x):
                while isinstance(x, T.Convert) and x.kind is T.ConvKind.NOP:
                    x = x.x
                return -1 if isinstance(x, T.AddrOf) else 0
            case T.Branch(kind=T.BranchKind.FALLTHROUGH):
                return -1
            case T.Go() | T.Defer():
                raise _TooCostly
            case T.BuiltinCall(name="recover"):
                raise _TooCostly
            case T.BuiltinCall(name="panic", args=args):
                implicit = bool(args) and isinstance(args[0], T.Convert) and \
                    args[0].lparen is None and args[0].kind in (T.ConvKind.T2E,
                                                                 T.ConvKind.T2I)
                return 0 if implicit else 1
            case T.FuncLit(decl=ld):
                assert ld.body is not None
                self._visit(ld.body, budget, d)
                return CLOSURE_COST
            case T.CompositeLit(type=t) if _is_slice(t):
                return 1
            case T.MethodValue() | T.IfaceMethodValue():
                return 1
            case T.IfaceCall():
                return EXTRA_CALL_COST + 1
            case T.Call() | T.MethodCall():
                g = self.callee(n)
                if g is not None and _intrinsic(g):
                    return 0
                if g is d:
                    return EXTRA_CALL_COST
                if g is not None and g.func is not None and id(g) in self.runtime:
                    if g.func.name in ("getcallerpc", "getcallersp"):
                        raise _TooCostly  # they need the caller's own frame
                    if g.func.name == "throw":
                        return MAX_BUDGET
                c = self.cost(g) if g is not None else None
                return EXTRA_CALL_COST if c is None else c
        return 0


def _intrinsic(d: T.FuncDecl) -> bool:
    """Whether gc computes calls of d in place (never inlined, costing one node)."""
    f = d.func
    return f is not None and f.recv is None and (f.pkg in _INTRINSIC_PKGS
                                                 or f.symbol in _INTRINSICS)


def _is_slice(t: object) -> bool:
    """Whether t's underlying type is a slice."""
    return isinstance(under(t), Slice)  # type: ignore[arg-type]


def _children_first(n: object) -> Iterator[object]:
    """The nodes of n in gc's visiting order (a node before its children), skipping the
    dead branch of an `if` on a constant and not entering func literals' bodies."""
    stack = [n]
    while stack:
        x = stack.pop()
        if isinstance(x, tuple | list):
            stack.extend(reversed(x))
            continue
        names = _KIDS.get(type(x), _UNSEEN)
        if names is _UNSEEN:
            names = _KIDS[type(x)] = _kid_fields(type(x))
        if names is None:
            continue
        if isinstance(x, T.If) and isinstance(x.cond, T.ConstExpr):
            stack.append(x.then if x.cond.value else x.els)
            if x.init is not None:
                stack.append(x.init)
            continue
        yield x
        if isinstance(x, T.FuncLit):
            continue
        stack.extend(reversed([getattr(x, name) for name in names]))


_KIDS: dict[type, tuple[str, ...] | None] = {}
"""_kid_fields by class: dataclasses.fields at every node took most of the walk."""
_UNSEEN: tuple[str, ...] = ("",)


def _kid_fields(cls: type) -> tuple[str, ...] | None:
    """The fields of typed-tree class cls that _children_first enters (all but
    T.SKIP_FIELDS), or None for a class it skips: not a dataclass of the typed tree's
    module, or a FuncDecl."""
    if not hasattr(cls, "__dataclass_fields__") or issubclass(cls, T.FuncDecl) or \
            cls.__module__ != T.__name__:
        return None
    return tuple(f.name for f in fields(cls)  # type: ignore[arg-type]
                 if f.name not in T.SKIP_FIELDS)


class _Walked:
    """The nodes of each function body walked so far (T.walk_nodes' list), walked once:
    the inliner's decisions visit every body several times."""

    def __init__(self) -> None:
        self.bodies: dict[int, tuple[object, list[object]]] = {}

    def __call__(self, body: object) -> list[object]:
        """T.walk_nodes(body) as a list; the caller must not change it."""
        hit = self.bodies.get(id(body))
        if hit is None or hit[0] is not body:
            hit = self.bodies[id(body)] = (body, list(T.walk_nodes(body)))
        return hit[1]


def _nodes(d: T.FuncDecl, nodes: Callable[[object], list[object]]) -> int:
    """How many nodes d's body has, closures' bodies included, up to BIG_FUNCTION_NODES."""
    n = 0
    stack: list[object] = [d.body]
    while stack:
        for x in nodes(stack.pop()):
            n += 1
            if isinstance(x, T.FuncLit):
                stack.append(x.decl.body)
            if n >= BIG_FUNCTION_NODES:
                return n
    return n


def _decls(p: T.Package, nodes: Callable[[object], Iterable[object]] = T.walk_nodes
           ) -> Iterator[tuple[T.FuncDecl, T.FuncLit | None]]:
    """p's functions and, after each, the func literals inside it (depth first)."""
    for d in p.funcs:
        yield d, None
        stack: list[object] = [d.body] if d.body is not None else []
        while stack:
            for x in nodes(stack.pop()):
                if isinstance(x, T.FuncLit):
                    yield x.decl, x
                    stack.append(x.decl.body)


def symbols(p: T.Package) -> Iterator[str]:
    """The symbols of p's functions and func literals, as Inlinability.costs keys them."""
    for d, _ in _decls(p):
        yield d.func.symbol if d.func is not None else f"{p.path}.{d.name}"


def _local_types(p: T.Package) -> set[int]:
    """The ids of p's functions that declare a type (gc's ODCLTYPE, never inlined)."""
    starts = sorted(((d.pos.file, d.pos.line, d.pos.col), i) for i, d in enumerate(p.funcs)
                    if d.body is not None)
    out: set[int] = set()
    for t in p.named:
        if isinstance(t, Named) and t.local:
            at = (t.pos.file, t.pos.line, t.pos.col)
            k = bisect_right(starts, (at, len(p.funcs))) - 1
            if k >= 0 and starts[k][0][0] == at[0]:
                out.add(id(p.funcs[starts[k][1]]))
    return out


def can_inline_program(prog: T.Program, diags: Diagnostics,
                       opts: Options | None = None, imported: Mapping[str, int] | None = None,
                       separate: Collection[str] = ()) -> Inlinability:
    """gc's decisions for every function of prog; with -m, `can inline f` for each
    inlinable function of the last package, at its name (a func literal: its `func`).
    The packages whose paths are in separate were compiled separately (their bodies
    unchecked, compiler/units.py): their functions cost what imported says, their
    export data (an absent one is not inlinable)."""
    opts = opts or Options()
    if not opts.enabled:
        return Inlinability()
    walked = _Walked()
    decls = {id(p): list(_decls(p, walked)) for p in prog.packages}
    decl_of: dict[int, T.FuncDecl] = {}
    symbol: dict[int, str] = {}
    for p in prog.packages:
        for d, _ in decls[id(p)]:
            if d.func is not None:
                decl_of[id(d.func)] = d
                symbol[id(d)] = d.func.symbol
            else:
                symbol[id(d)] = f"{p.path}.{d.name}"
    runtime = {id(d) for p in prog.packages if "runtime" in (p.path, p.name) for d in p.funcs}
    cs = _Costs(decl_of, symbol, set().union(*(_local_types(p) for p in prog.packages)),
                runtime, imported or {}, {id(d) for p in prog.packages if p.path in separate
                                          for d, _ in decls[id(p)]})
    costs: dict[str, int] = {}
    big: set[str] = set()
    lits: set[int] = set()
    direct: set[str] = set()
    for i, p in enumerate(prog.packages):
        report = opts.m > 0 and i == len(prog.packages) - 1
        for d, lit in decls[id(p)]:
            c = cs.cost(d)
            sym = symbol[id(d)]
            if c is not None:
                costs[sym] = c
                if report:
                    pos = d.func.pos if d.func is not None else d.pos
                    diags.warn(pos, f"can inline {d.name}")
            if lit is None and d.body is not None and \
                    _nodes(d, walked) >= BIG_FUNCTION_NODES:
                big.add(sym)
    for p in prog.packages:
        for d, _ in decls[id(p)]:
            if d.body is None:
                continue
            limit = BIG_FUNCTION_MAX_COST if symbol[id(d)] in big else MAX_BUDGET
            spawned: set[int] = set()  # do NOT inline a go or defer statement's call
            for x in walked(d.body):
                if isinstance(x, T.Go | T.Defer):
                    spawned.add(id(x.call))
                elif isinstance(x, T.Call) and isinstance(x.fn, T.FuncLit) and \
                        id(x) not in spawned:
                    c = cs.cost(x.fn.decl)
                    if c is not None and c <= limit:
                        lits.add(id(x.fn))
                        direct.add(symbol[id(x.fn.decl)])
    lparens: dict[tuple[Pos, str], Pos] = {}
    if opts.m > 0 and prog.packages:
        for d, _ in decls[id(prog.packages[-1])]:
            for x in walked(d.body) if d.body is not None else ():
                if isinstance(x, T.Call | T.MethodCall) and x.lparen is not None and \
                        (g := cs.callee(x)) is not None:
                    lparens[(x.pos, symbol[id(g)])] = x.lparen
    return Inlinability(costs, frozenset(big), frozenset(lits), frozenset(direct),
                        lparens)
