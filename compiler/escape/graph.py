"""The flow graph of one batch of functions: locations, holes and the builder's state.

A Location is a variable, an allocation site, a temporary or the heap. Its `edges` are
the flows *into* it, each (src, derefs): derefs -1 says src's address flows in, 0 its
value, +1 what it points to. A Hole is where an expression's value goes: a location
and the derefs to apply on the way. For `p = &x` in

    func f() *int { x := 0; p := &x; return p }

building makes Hole(loc p).addr() receive x (edge p ← x, -1) and Hole(loc ~r0) receive
p (edge ~r0 ← p, 0); solving then finds x's address reaching the result, so x escapes.

Graph is the base of the builder (stmt.py, expr.py, call.py mix into it, as the
checker's modules do into CheckerBase): it owns the batch's locations and declares, for
mypy only, the methods one builder module calls in another. Analysis is the state that
outlives a batch: tags of analysed functions and the growing side table.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from compiler.diag import Diagnostics, Pos
from compiler.escape.result import Inlined, Options, ParamTag, Site, SiteKind
from compiler.types import tree as T
from compiler.types.typ import (
    Array,
    Func,
    Type,
    Var,
    VarKind,
    has_pointers,
    is_direct_iface,
    is_interface,
    size_of,
    under,
)

MAX_IMPLICIT_STACK = 64 * 1024
"""gc's limit: implicit allocations (new, &T{}, make, literals) above this size go to the
heap regardless of flow."""

MAX_STACK_VAR = 10 * 1024 * 1024
"""gc's MaxStackVarSize: a variable larger than this lives on the heap."""

INF = 1 << 30


class LocKind(enum.Enum):
    HEAP = "heap"
    VAR = "var"
    SITE = "site"
    TEMP = "temp"


@dataclass(eq=False, slots=True)
class Location:
    """A node of the flow graph. `edges` are the flows *into* this location as
    (src, derefs). `depth` is the loop depth of the declaration (valid for VAR and SITE);
    `fn` the id of the declaring FuncDecl (0 for the heap). `derefs` is the solver's
    scratch distance (INF between walks); `leak_heap`/`leak_results` what the solver
    found for a parameter."""

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
    inl: int = 0                # in an inlined callee's body: the id of the Instance

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


@dataclass(slots=True, eq=False)
class Analysis:
    """Whole-program state: the declaration of each Func (by id), tags of analysed
    functions and the growing side table. `quiet` holds the ids of conversions gc does
    not report (comparison operands); `extra` the batch's messages that are not about a
    location; `synthetic` keeps made-up declarations alive so their ids stay unique;
    `inlined` the decisions for inlined copies (EscapeResult.inlined)."""

    diags: Diagnostics
    opts: Options
    pkg: str = "main"
    decls: dict[int, T.FuncDecl] = field(default_factory=dict)
    tags: dict[int, tuple[ParamTag, ...]] = field(default_factory=dict)
    sites: dict[int, Site] = field(default_factory=dict)
    moved: dict[Var, bool] = field(default_factory=dict)
    captured: set[Var] = field(default_factory=set)
    byref: set[Var] = field(default_factory=set)
    quiet: set[int] = field(default_factory=set)
    reporting: bool = False
    synthetic: list[T.FuncDecl] = field(default_factory=list)
    extra: list[tuple[Pos, str]] = field(default_factory=list)
    static_closures: dict[Var, T.FuncDecl | Func] = field(default_factory=dict)
    inlined: dict[int, Inlined] = field(default_factory=dict)
    heapy: set[int] = field(default_factory=set)
    """The ids of the analysed functions whose bodies put a variable or a site walk
    could build on the stack on the heap (only their inlined copies may differ)."""
    copyable: dict[int, bool] = field(default_factory=dict)

    def decl_of(self, f: Func) -> T.FuncDecl | None:
        return self.decls.get(id(f))


@dataclass(slots=True)
class FuncState:
    """The function (or closure) being walked and its loop depth; in a callee's body
    analysed in place of its call, `owner` is the id of the caller's decl, whose frame
    holds the body's locations."""

    decl: T.FuncDecl
    depth: int = 1
    looping: frozenset[str] = frozenset()
    owner: int = 0


@dataclass(eq=False, slots=True)
class Instance:
    """A call analysed with its callee's body in place (call.py's _inlines): the call
    (after devirtualization), the callee, gc's report position (the call's `(`), the
    locations of its parameters and results (`binds`), and the range of self.locs
    that holds the body's locations (among those of the call's arguments)."""

    call: T.Expr
    decl: T.FuncDecl
    pos: Pos
    start: int
    end: int = 0
    binds: dict[Var, Location] = field(default_factory=dict)


class Graph:
    """The flow graph of one batch and the state of building it; see the docstring.

    `parent` maps a closure's decl id to its enclosing decl's; `closures` pairs each
    closure's site with its decl (wired once captures are known); `reassigned` holds the
    variables assigned after their declaration; `fresh` the ids of variables a `:=` is
    declaring right now; `called_now` the closures called where they are written;
    `spread` the temporaries holding each result of a multi-valued call whose results
    are assigned one by one (`sink, _ = f()` with a conversion: gc's `t1, t2 := f()`);
    `instances` the calls analysed with their callee's body in place, `inst` the id of
    the one being built (its locations carry it), `deferred` the ids of the calls of
    defer statements (never inlined)."""

    def __init__(self, an: Analysis, decls: Sequence[T.FuncDecl]) -> None:
        self.an = an
        self.in_batch: set[int] = {id(d) for d in decls}
        self.heap = Location(LocKind.HEAP, 0, 0, escapes=True)
        self.locs: list[Location] = []
        self.vars: dict[Var, Location] = {}
        self.parent: dict[int, int] = {}
        self.has_closures: set[int] = set()
        self.maxdepth: dict[int, int] = {}
        self.closures: list[tuple[Location, T.FuncDecl]] = []
        self.reassigned: set[Var] = set()
        self.all_decls: list[T.FuncDecl] = []
        self.cur = FuncState(decls[0])
        self.fresh: set[int] = set()
        self.called_now: set[int] = set()
        self.spread: dict[int, list[Location]] = {}
        self.instances: list[Instance] = []
        self.inst: int = 0
        self.deferred: set[int] = set()

    if TYPE_CHECKING:
        # stmt.py
        def func(self, d: T.FuncDecl) -> None: ...
        def declare_params(self, d: T.FuncDecl) -> None: ...
        def stmts(self, ss: Sequence[T.Stmt]) -> None: ...
        def block(self, b: T.Block) -> None: ...
        # expr.py
        def expr(self, k: Hole, e: T.Expr, convpos: Pos | None = None) -> None: ...
        def multi(self, holes: list[Hole], e: T.Expr) -> None: ...
        def unsafe_value(self, k: Hole, e: T.Expr) -> None: ...
        def closure(self, k: Hole, e: T.FuncLit) -> T.FuncDecl: ...
        # call.py
        def call(self, e: T.Call | T.MethodCall | T.IfaceCall, holes: list[Hole],
                 wrapped: bool = False) -> None: ...
        def recv_hole(self, e: T.MethodValue | T.IfaceMethodValue) -> Hole: ...

    def new_loc(self, kind: LocKind, **kw: object) -> Location:
        """A new location of the current function at the current loop depth."""
        fn = self.cur.owner or id(self.cur.decl)
        loc = Location(kind, fn, self.cur.depth, inl=self.inst, **kw)  # type: ignore[arg-type]
        self.locs.append(loc)
        self.maxdepth[fn] = max(self.maxdepth.get(fn, 1), self.cur.depth)
        return loc

    def var_loc(self, v: Var) -> Location:
        """v's location, made at the current depth on first use."""
        loc = self.vars.get(v)
        if loc is None:
            loc = self.new_loc(LocKind.VAR, var=v)
            self.vars[v] = loc
        return loc

    def declare(self, v: Var) -> Location:
        """A fresh location for v at the current loop depth (on the heap from the start
        when a local larger than gc's MaxStackVarSize; parameters and results stay in
        the argument area whatever their size)."""
        big = v.kind is VarKind.LOCAL and size(v.type) > MAX_STACK_VAR
        loc = self.new_loc(LocKind.VAR, var=v, escapes=big)
        self.vars[v] = loc
        return loc

    def hole(self, v: Var) -> Hole:
        """The hole an assignment to variable v fills."""
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


def size(t: Type) -> int:
    """size_of(t), 0 for a type whose layout is unknown."""
    try:
        return size_of(t)
    except (TypeError, AssertionError, KeyError):
        return 0


def pointerful(t: Type) -> bool:
    """Whether values of t can hold pointers (flows of scalars are discarded)."""
    try:
        return has_pointers(t)
    except (TypeError, AssertionError, KeyError):
        return True


def assert_hole(k: Hole, t: Type) -> Hole:
    """The hole for x.(t) flowing to k: a non-pointer-shaped t is loaded through the
    interface's data word."""
    if is_interface(t) or is_direct_iface(t):
        return k
    return k.deref()
