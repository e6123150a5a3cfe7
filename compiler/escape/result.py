"""What escape analysis decides, as walk and the dumps consume it.

`escape_program` returns an EscapeResult: a side table with one Site per allocation site
(keyed by `id(node)`), whether each address-taken local must live on the heap (keyed by
its Var), and one ParamTag per parameter of each analysed function (keyed by
`id(FuncDecl)`). For

    func f(p *int) *int { x := 0; return &x }      // -m: moved to heap: x

the result holds moved[x] = True and tags[id(f)] = (ParamTag(None, ()),): p does not
escape. `dump` writes it as `-dump=escape` prints it.

Do NOT keep a result longer than its Program: ids of dead nodes get reused.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from compiler.diag import Pos
from compiler.types import tree as T
from compiler.types.typ import Var, size_of

CONV_STACK_MAX = 1024
"""A converted value larger than this is copied by the runtime even when the interface
does not escape (walk's rule, the seed commit's 1024)."""


@dataclass(frozen=True, slots=True)
class Options:
    """`m` is the -m level (0: no reports); `devirt` maps id(IfaceCall) to the static
    call devirt made of it (compiler.devirt.Devirt.calls); `inlined_lits` holds the ids
    of the func literals gc inlines where they are called (compiler.inlcost), which gc
    never sees as closures: they are not reported. `runtime` is gc's -+ (compiling
    package runtime), where a variable or closure on the heap is an error. `inline`
    holds gc's inlining costs by function symbol (compiler/inlcost.py) and `big` the
    callers that take only callees of cost at most `big_max`: a call the inliner will
    take is analysed with the callee's body in place (see `Inlined`); empty under -l."""

    m: int = 0
    devirt: Mapping[int, T.MethodCall | T.IfaceCall] = field(default_factory=dict)
    inlined_lits: frozenset[int] = frozenset()
    runtime: bool = False
    inline: Mapping[str, int] = field(default_factory=dict)
    big: frozenset[str] = frozenset()
    big_max: int = 0


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


STACK_KINDS = frozenset({SiteKind.ADDR, SiteKind.NEW, SiteKind.MAKE, SiteKind.SLICELIT,
                         SiteKind.CLOSURE, SiteKind.METHVAL})
"""The site kinds walk builds on the stack when they do not escape (conversions have
their own rule, conv_on_stack)."""


@dataclass(frozen=True, slots=True)
class Site:
    """The decision for one allocation site; `pos`/`desc` are gc's for `-m`.
    `transient` (gc's): it does not escape and its address reaches no variable, only
    temporaries and call arguments, so its object dies with its statement."""

    kind: SiteKind
    pos: Pos
    desc: str
    escapes: bool
    transient: bool = False


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
class Inlined:
    """The decisions for the copy of `decl`'s body inlined at one call, where its
    variables and sites live in the caller's frame (gc inlines before escape analysis):
    keyed as EscapeResult's. Recorded only where some variable or site the callee's own
    body puts on the heap stays on the stack; walk lowers that body again with these
    decisions, and the inliner MUST copy it at that call (compiler/inline.py)."""

    decl: T.FuncDecl
    moved: Mapping[Var, bool]
    sites: Mapping[int, Site]

    def stack_convs(self, base: frozenset[int]) -> frozenset[int]:
        """base (the program's stack_convs) with the decisions for decl's sites here."""
        return _override(base, self.sites, lambda s: s.kind is SiteKind.CONV and
                         not s.escapes)

    def stack_sites(self, base: frozenset[int]) -> frozenset[int]:
        """base (the program's stack_sites) with the decisions for decl's sites here."""
        return _override(base, self.sites, lambda s: s.kind in STACK_KINDS and
                         not s.escapes)

    def transient_sites(self, base: frozenset[int]) -> frozenset[int]:
        """base (the program's transient_sites) with the decisions for decl's sites."""
        return _override(base, self.sites, lambda s: s.kind in STACK_KINDS and
                         s.transient)

    def heap_vars(self, base: Mapping[int, bool]) -> dict[int, bool]:
        """base (the program's heap_vars) with the decisions for decl's variables."""
        out = dict(base)
        out.update((v.uid, m) for v, m in self.moved.items())
        return out


def _override(base: frozenset[int], sites: Mapping[int, Site],
              keep: Callable[[Site], bool]) -> frozenset[int]:
    # do NOT write `base - sites.keys()`: dict_keys' __rsub__ answers, with a set
    return base.difference(sites.keys()) | {k for k, s in sites.items() if keep(s)}


@dataclass(frozen=True, slots=True)
class EscapeResult:
    """The side table walk consults; see the module docstring for the keys. `captured`
    holds the variables closures capture (walk keeps those on the heap itself);
    `inlined` the decisions for inlined copies of callees, by id of the call (after
    devirtualization); `byval` the captured variables every closure capturing them
    captures by value (never reassigned nor address-taken, at most 128 bytes: gc's
    Byval), whose closures hold a copy."""

    sites: Mapping[int, Site]
    moved: Mapping[Var, bool]
    tags: Mapping[int, tuple[ParamTag, ...]]
    captured: frozenset[Var] = frozenset()
    inlined: Mapping[int, Inlined] = field(default_factory=dict)
    byval: frozenset[Var] = frozenset()

    def conv_on_stack(self, node: T.Convert) -> bool:
        """Whether walk may build the interface for node from a stack temporary."""
        s = self.sites.get(id(node))
        return s is not None and s.kind is SiteKind.CONV and not s.escapes \
            and size_of(node.x.type) <= CONV_STACK_MAX

    def stack_convs(self) -> frozenset[int]:
        """The ids of the Convert nodes for which conv_on_stack holds."""
        return frozenset(k for k, s in self.sites.items()
                         if s.kind is SiteKind.CONV and not s.escapes)

    def stack_sites(self) -> frozenset[int]:
        """The ids of the nodes of the non-escaping `new(T)`, `&T{...}`, `make([]T, n)`,
        slice literal (and `... argument`) and func literal sites: walk may build them in
        stack temporaries (it applies its own size limits)."""
        return frozenset(k for k, s in self.sites.items()
                         if s.kind in STACK_KINDS and not s.escapes)

    def transient_sites(self) -> frozenset[int]:
        """The ids of the stack_sites nodes whose objects die with their statement:
        walk may build them in temporaries later statements reuse."""
        return frozenset(k for k, s in self.sites.items()
                         if s.kind in STACK_KINDS and s.transient)

    def heap_vars(self) -> dict[int, bool]:
        """Var uid → must live on the heap, for the address-taken or captured variables
        walk can keep on the stack. Walk still keeps a captured variable on the heap when
        a closure it builds on the heap captures it: do NOT rely on False alone there."""
        out = {v.uid: m for v, m in self.moved.items()}
        for v in self.captured:
            out.setdefault(v.uid, False)
        return out

    def byval_uids(self) -> frozenset[int]:
        """The uids of the variables in byval."""
        return frozenset(v.uid for v in self.byval)


def dump(res: EscapeResult) -> str:
    """Stable text of the decisions: sites by position, then moved variables."""
    lines = []
    for s in sorted(res.sites.values(), key=lambda s: (s.pos, s.kind.value, s.desc)):
        where = "heap" if s.escapes else "stack"
        lines.append(f"{s.pos}: {s.kind.value} {s.desc or '-'}: {where}")
    for v, m in sorted(res.moved.items(), key=lambda kv: (kv[0].pos, kv[0].uid)):
        lines.append(f"{v.pos}: var {v.name}: {'heap' if m else 'stack'}")
    return "".join(line + "\n" for line in lines)
