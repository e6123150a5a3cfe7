"""Solving a batch's flow graph: which locations escape, and the parameters' tags.

From every root that may outlive something (the heap, result variables, variables
declared at a shallower loop depth, variables of an enclosing function) a shortest-path
walk over the edges finds each location's minimum derefs to the root. A location whose
*address* reaches a root that outlives it escapes, and becomes a root itself; a
parameter reached from a root records the leak (to the heap, or to one of its
function's results). For

    func g(p *int) *int { return p }        func h(p **int) { gp = *p }  // gp a global

walking from g's result reaches p at derefs 0: "leaking param: p to result ~r0
level=0"; in h the heap reaches p at derefs 1 (what p points to): "leaking param
content: p".
"""

from __future__ import annotations

from collections import deque

from compiler.escape.graph import INF, Graph, Location, LocKind
from compiler.escape.result import ParamTag
from compiler.types.typ import VarKind


def solve(g: Graph) -> None:
    """Mark every location of g that escapes and record its parameters' leaks."""
    todo = [loc for loc in g.locs if _may_outlive(g, loc)] + [g.heap]
    queued = {id(x) for x in todo}
    while todo:
        root = todo.pop()
        queued.discard(id(root))
        for loc in _walk_one(g, root):
            if id(loc) not in queued:
                queued.add(id(loc))
                todo.append(loc)


def held_sites(g: Graph) -> set[int]:
    """The ids of the non-escaping site locations whose address reaches a variable (gc's
    non-transient ones): the others are referred to only by temporaries and call
    arguments, so their objects die with the statement that builds them. One
    shortest-path walk from all the variables at once."""
    q: deque[Location] = deque()
    touched: list[Location] = []
    for loc in g.locs:
        if loc.kind is LocKind.VAR and not loc.escapes:
            loc.derefs = 0
            touched.append(loc)
            q.append(loc)
    held: set[int] = set()
    while q:
        loc = q.popleft()
        d = loc.derefs
        if d < 0:
            if loc.kind is LocKind.SITE:
                held.add(id(loc))
            d = 0
        _relax(loc, d, q, touched)
    for loc in touched:
        loc.derefs = INF
    return held


def _relax(loc: Location, d: int, q: deque[Location], touched: list[Location]) -> None:
    """Lower the derefs of loc's non-escaping sources through loc (at d derefs), queueing
    each one lowered and noting in touched the ones first reached."""
    for src, ed in loc.edges:
        if src.escapes:
            continue
        nd = d + ed
        if nd < src.derefs:
            if src.derefs == INF:
                touched.append(src)
            src.derefs = nd
            q.append(src)


def param_tag(loc: Location) -> ParamTag:
    """The tag of a solved parameter location: leaks to results at or beyond the heap
    level are subsumed by the heap leak (gc's Optimize)."""
    if loc.escapes:
        return ParamTag(0, ())
    h = loc.leak_heap
    rs = tuple(sorted((r, d) for r, d in loc.leak_results.items() if h is None or d < h))
    return ParamTag(h, rs)


def _walk_one(g: Graph, root: Location) -> list[Location]:
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
        if _outlives(g, root, loc):
            if loc.var is not None and loc.var.kind is VarKind.PARAM:
                loc.leak_to(root, d)
            if addressed and not loc.escapes:
                loc.escapes = True
                newly.append(loc)
                continue
        _relax(loc, d, q, touched)
    for loc in touched:
        loc.derefs = INF
    return newly


def _outlives(g: Graph, root: Location, other: Location) -> bool:
    """Whether root's storage may outlive other's (other's address must not reach it)."""
    if root.escapes:
        return True
    if root.result_index >= 0:
        return not (root.fn in g.called_now and _encloses(g, other.fn, root.fn))
    if root.fn == other.fn and root.depth < other.depth:
        return True
    return _encloses(g, root.fn, other.fn)


def _encloses(g: Graph, outer: int, inner: int) -> bool:
    """Whether function inner is a closure nested (at any depth) in function outer."""
    f = g.parent.get(inner)
    while f is not None:
        if f == outer:
            return True
        f = g.parent.get(f)
    return False


def _may_outlive(g: Graph, root: Location) -> bool:
    """Whether root can outlive any location (else walking from it is useless)."""
    return root.escapes or root.result_index >= 0 or root.fn in g.has_closures \
        or root.depth < g.maxdepth.get(root.fn, 1)
