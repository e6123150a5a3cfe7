"""A generator of random, well-typed, terminating Go programs, deterministic from a seed.

generate(seed, subset) returns one `// run` program in refgo's language subset whose
output (println to stderr) is fully determined by the Go spec, so refgo and gc must
print the same bytes and exit 0. The "starter" subset uses only int, bool, string,
funcs (with bounded recursion), if/for/break/continue and println; "full" adds sized
integers, named types, structs, pointers, methods with value and pointer receivers,
interfaces (embedded ones too), conversions of every kind of value to interfaces,
comma-ok assertions, type switches, switch statements, closures, defer and generics
(generic functions and types called with inferred and explicit type arguments, see
gen_generics), with a bias to interface machinery (values mutated after conversion,
calls through interfaces, interface-to-interface conversions). A full program looks like

    type T0 struct { f0 int; f1 string }
    type I1 interface { I0; M4() string }
    func (r *T0) M3(a int) int { r.f0 += a; return (r.f0 * 3) }
    func f0(p0 int, p1 I1) string { v0 := interface{}(p0); ... return (p1.M4() + "ab") }
    func main() { ... println(f0(v2, I1(&v4))) ... }

Guarantees, and how they are kept (do NOT relax one without its reason):
  - Termination: loops run at most 4 times and their counters are never assigned in the
    body; functions only call functions defined before them, plus one self-recursive
    function whose depth is masked to at most 7. A cost model bounds the output.
  - Bounded data: a string concatenation has a literal operand, so no string grows
    faster than the number of statements executed.
  - Validity: names are never reused, every local is read (a block ends by printing
    its unread locals), a binary operation never has two constant operands (so constant
    arithmetic cannot overflow), literals are drawn from their type's range, divisors are
    `(x | 1)`, shift counts are `(x & 7)`.
  - Determinism: no pointers or interfaces are printed, no maps or goroutines, no
    floats; calls that may have side effects (functions, closures, pointer-receiver M3)
    appear only as the whole right-hand side of a statement, never beside other reads
    in one expression (Go leaves that order unspecified); interfaces that methods are
    called on are never nil; no panics.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from harness.fuzz.types import (
    BOOL,
    EMPTY,
    FUNC,
    INT,
    INT_RANGES,
    METHODS,
    STRING,
    Basic,
    FuncT,
    Iface,
    Named,
    Pointer,
    Struct,
    Type,
    implements,
    is_int,
    method_set,
    spell,
)

SUBSETS = ("starter", "full")
# Optional features of the full subset that `without` can turn off one by one.
FEATURES = frozenset(
    {"assert", "closure", "defer", "fallthrough", "generic", "goroutine", "sized",
     "switch", "typeswitch"}
)
MAX_COST = 400
MAX_EXPR_DEPTH = 3
MAX_STMT_DEPTH = 3
_WORDS = ("a", "b", "go", "xy", "iface", "T", "ok", "", "hello", "z9")


@dataclass(slots=True)
class Var:
    """A variable in scope. readonly vars (loop counters, receivers) are never assigned.

    cost is valid for func-typed vars: the cost of one call of the closure.
    """

    name: str
    type: Type
    readonly: bool = False
    used: bool = False
    cost: int = 1


@dataclass(frozen=True, slots=True)
class Func:
    """A generated top-level function."""

    name: str
    params: tuple[Type, ...]
    result: Type
    cost: int


@dataclass(frozen=True, slots=True)
class Ex:
    """A generated expression: Go text, and whether it is a constant expression."""

    code: str
    const: bool = False


@dataclass(slots=True)
class Ctx:
    """What the statement being generated may do; copied when entering a new body."""

    in_loop: bool = False
    calls: bool = True
    result: Type | None = None


@dataclass(slots=True)
class Generics:
    """The generic declarations of a program: names of the functions and types made
    by gen_generics (see there for their shapes) and the method-constrained functions
    as (name, constraint, method)."""

    num: list[str] = field(default_factory=list)
    eq: str = ""
    pick: str = ""
    sum: str = ""
    mapf: str = ""
    box: str = ""
    stack: str = ""
    calls: list[tuple[str, Iface, str]] = field(default_factory=list)


@dataclass(slots=True)
class Gen:
    """The generator's state for one program."""

    rng: random.Random
    full: bool
    without: frozenset[str] = frozenset()
    out: list[str] = field(default_factory=list)
    indent: int = 0
    scopes: list[dict[str, Var]] = field(default_factory=list)
    globals: dict[str, Var] = field(default_factory=dict)
    named: list[Named] = field(default_factory=list)
    ifaces: list[Iface] = field(default_factory=list)
    funcs: list[Func] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)
    generics: Generics | None = None
    mult: int = 1
    cost: int = 0
    depth: int = 0
    ctx: Ctx = field(default_factory=Ctx)

    # ---- plumbing -------------------------------------------------------------------

    def has(self, feature: str) -> bool:
        """Reports whether the program may use an optional feature (see FEATURES)."""
        return self.full and feature not in self.without

    def fresh(self, prefix: str) -> str:
        """Returns a name never used before in the program."""
        n = self.ids.get(prefix, 0)
        self.ids[prefix] = n + 1
        return f"{prefix}{n}"

    def emit(self, line: str) -> None:
        """Appends one line at the current indentation."""
        self.out.append("\t" * self.indent + line)

    def chance(self, p: float) -> bool:
        """Returns True with probability p."""
        return self.rng.random() < p

    def visible(self) -> Iterator[Var]:
        """Yields every variable in scope, innermost first."""
        for scope in reversed(self.scopes):
            yield from scope.values()
        yield from self.globals.values()

    def vars_where(self, pred: Callable[[Var], bool]) -> list[Var]:
        """Returns the visible variables satisfying pred."""
        return [v for v in self.visible() if pred(v)]

    def declare(self, name: str, t: Type, *, readonly: bool = False, cost: int = 1) -> Var:
        """Adds a local variable to the innermost scope."""
        v = Var(name, t, readonly=readonly, cost=cost)
        self.scopes[-1][name] = v
        return v

    def ref(self, v: Var) -> str:
        """Returns v's name, recording that it was read."""
        v.used = True
        return v.name

    def charge(self, n: int) -> None:
        """Adds the cost of n units of work at the current loop multiplicity."""
        self.cost += n * self.mult

    def can_afford(self, n: int) -> bool:
        """Reports whether n more units at the current multiplicity stay in budget."""
        return self.cost + n * self.mult <= MAX_COST

    @contextmanager
    def block(self) -> Iterator[None]:
        """Opens a scope and an indentation level; closing it uses every unread local."""
        self.scopes.append({})
        self.indent += 1
        self.depth += 1
        try:
            yield
            self.flush()
        finally:
            self.scopes.pop()
            self.indent -= 1
            self.depth -= 1

    def flush(self) -> None:
        """Uses every unread local of the innermost scope."""
        for v in list(self.scopes[-1].values()):
            if not v.used:
                self.use_stmt(v)

    def use_stmt(self, v: Var) -> None:
        """Emits a statement that reads v (printing it when that is deterministic)."""
        u = self.use(v)
        if u is None:
            self.emit(f"_ = {self.ref(v)}")
        else:
            self.emit(f'println("{v.name}", {u})')

    def use(self, v: Var) -> str | None:
        """Returns a pure printable expression reading v, or None if there is none."""
        t = v.type
        if isinstance(t, Basic):
            return self.ref(v)
        if isinstance(t, Named):
            return self.printable_of(self.ref(v), t)
        if isinstance(t, Pointer):
            return self.printable_of(self.ref(v), t.elem, pointer=True)
        if isinstance(t, Iface):
            pure = sorted(m for m in t.methods if m != "M3")
            if not pure:
                return f"({self.ref(v)} != nil)"
            m = self.rng.choice(pure)
            return f"{self.ref(v)}.{m}({self.const_args(m)})"
        return None

    def printable_of(self, x: str, n: Named, *, pointer: bool = False) -> str:
        """Returns a printable expression for the named value x (or *x when pointer)."""
        if isinstance(n.under, Struct):
            return f"{x}.{n.under.fields[0][0]}"
        return f"{n.under.name}({'*' if pointer else ''}{x})"

    def const_args(self, m: str) -> str:
        """Returns constant arguments for a call of method m."""
        params, _ = METHODS[m]
        return ", ".join(self.literal(p).code for p in params)

    # ---- types ----------------------------------------------------------------------

    def int_kinds(self) -> list[Basic]:
        """Returns the integer kinds this program may use."""
        if not self.has("sized"):
            return [INT]
        return [Basic(k) for k in INT_RANGES]

    def pick_type(self) -> Type:
        """Returns a random type for a new variable."""
        if not self.full:
            return self.rng.choice([INT, INT, INT, BOOL, STRING])
        r = self.rng.random()
        if r < 0.25:
            return INT
        if r < 0.35:
            return self.rng.choice(self.int_kinds())
        if r < 0.45:
            return self.rng.choice([BOOL, STRING])
        if r < 0.65:
            return self.rng.choice(self.named)
        if r < 0.75:
            return Pointer(self.rng.choice(self.named))
        if r < 0.9:
            return self.rng.choice(self.ifaces)
        return EMPTY

    def concrete_types(self) -> list[Type]:
        """Returns the non-interface types values can have (for conversions and cases)."""
        ts: list[Type] = [INT, BOOL, STRING]
        if self.full:
            ts += [Basic("uint8"), Basic("int64")]
            ts += self.named
            ts += [Pointer(n) for n in self.named]
        return ts

    def gen_types(self) -> None:
        """Declares the program's named types, interfaces and methods."""
        names = sorted(METHODS)
        for i in range(self.rng.randint(2, 4)):
            if self.chance(0.5):
                k = self.rng.randint(1, 3)
                fields = [(f"f{j}", self.field_type(j)) for j in range(k)]
                under: Basic | Struct = Struct(tuple(fields))
            else:
                under = self.rng.choice([*self.int_kinds()[:3], STRING, BOOL])
            chosen = self.rng.sample(names, self.rng.randint(1, 4))
            methods = {m: self.chance(0.35) for m in sorted(chosen)}
            self.named.append(Named(f"T{i}", under, methods))
        for i in range(self.rng.randint(2, 4)):
            embeds: tuple[str, ...] = ()
            ms = set(self.rng.sample(names, self.rng.randint(1, 2)))
            if self.ifaces and self.chance(0.5):
                base = self.rng.choice(self.ifaces)
                embeds = (base.name,)
                ms |= base.methods
            self.ifaces.append(Iface(f"I{i}", frozenset(ms), embeds))
        for iface in self.ifaces:
            if not any(implements(Pointer(n), iface) for n in self.named):
                host = self.rng.choice(self.named)
                for m in sorted(iface.methods - set(host.methods)):
                    host.methods[m] = self.chance(0.35)
        for n in self.named:
            if isinstance(n.under, Struct):
                body = "; ".join(f"{f} {t.name}" for f, t in n.under.fields)
                self.emit(f"type {n.name} struct {{ {body} }}")
            else:
                self.emit(f"type {n.name} {n.under.name}")
        for it in self.ifaces:
            own = sorted(it.methods - self.embedded_methods(it))
            parts = [*it.embeds, *(self.method_sig(m) for m in own)]
            self.emit(f"type {it.name} interface {{ {'; '.join(parts)} }}")
        self.emit("")
        for n in self.named:
            for m, ptr in n.methods.items():
                self.gen_method(n, m, ptr)

    def field_type(self, j: int) -> Basic:
        """Returns the type of struct field j (field 0 is int half of the time)."""
        if j == 0 and self.chance(0.5):
            return INT
        return self.rng.choice([*self.int_kinds()[:4], STRING, BOOL])

    def embedded_methods(self, i: Iface) -> frozenset[str]:
        """Returns the methods i gets from the interfaces it embeds."""
        out: frozenset[str] = frozenset()
        for e in i.embeds:
            out |= next(x for x in self.ifaces if x.name == e).methods
        return out

    @staticmethod
    def method_sig(m: str) -> str:
        """Returns `M(params) result` for a method of the pool."""
        params, res = METHODS[m]
        ps = ", ".join(f"p{k} {p.name}" for k, p in enumerate(params))
        return f"{m}({ps}) {res.name}"

    def gen_method(self, n: Named, m: str, ptr: bool) -> None:
        """Emits one method: a pure expression of the receiver, M3 may mutate it first."""
        params, res = METHODS[m]
        recv = ("*" if ptr else "") + n.name
        ps = ", ".join(f"a{k} {p.name}" for k, p in enumerate(params))
        self.emit(f"func (r {recv}) {m}({ps}) {res.name} {{")
        saved = self.ctx
        self.ctx = Ctx(calls=False, result=res)
        self.scopes.append({"r": Var("r", Pointer(n) if ptr else n, readonly=True, used=True)})
        for k, p in enumerate(params):
            self.scopes[-1][f"a{k}"] = Var(f"a{k}", p, readonly=True, used=True)
        self.indent += 1
        if m == "M3" and ptr:
            self.emit(self.mutation(n))
        self.emit(f"return {self.ex(res, 1).code}")
        self.indent -= 1
        self.scopes.pop()
        self.ctx = saved
        self.emit("}")
        self.emit("")

    def mutation(self, n: Named) -> str:
        """Returns M3's statement changing *r by its int argument a0."""
        if isinstance(n.under, Struct):
            for f, t in n.under.fields:
                if t == INT:
                    return f"r.{f} += a0"
                if is_int(t):
                    return f"r.{f} += {t.name}(a0)"
            f, t = n.under.fields[0]
            if t == STRING:
                return f'r.{f} += "+"'
            return f"r.{f} = !r.{f}"
        if is_int(n.under):
            return f"*r += {n.name}(a0)"
        if n.under == STRING:
            return '*r += "+"'
        return "*r = !*r"

    # ---- expressions ----------------------------------------------------------------

    def literal(self, t: Basic) -> Ex:
        """Returns a constant of basic type t, in range for t."""
        if t == BOOL:
            return Ex(self.rng.choice(["true", "false"]), True)
        if t == STRING:
            return Ex('"' + self.rng.choice(_WORDS) + '"', True)
        lo, hi = INT_RANGES[t.name]
        v = self.rng.choice([0, 1, 2, 3, 5, 7, 10, 100, -1, lo, hi, self.rng.randint(lo, hi)])
        v = min(max(v, lo), hi)
        return Ex(f"({v})" if v < 0 else str(v), True)

    def ex(self, t: Type, d: int, *, nonconst: bool = False) -> Ex:
        """Returns a pure expression of type t, at most MAX_EXPR_DEPTH deep."""
        options = self.ex_options(t, d, nonconst)
        weights = [w for w, _ in options]
        _, make = self.rng.choices(options, weights)[0]
        return make()

    def ex_options(self, t: Type, d: int, nonconst: bool) -> list[tuple[float, Callable[[], Ex]]]:
        """Returns the weighted ways to build an expression of type t (never empty)."""
        opts: list[tuple[float, Callable[[], Ex]]] = []
        locals_ = [v for sc in self.scopes for v in sc.values() if v.type == t]
        if locals_:
            opts.append((4.0, lambda: Ex(self.ref(self.rng.choice(locals_)))))
        g = self.globals.get(f"g_{spell(t)}")
        if g is not None:
            opts.append((1.0, lambda: Ex(self.ref(g))))
        deep = d < MAX_EXPR_DEPTH
        match t:
            case Basic():
                opts += self.basic_options(t, d, deep)
            case Named():
                opts += self.named_options(t, d)
            case Pointer():
                opts += self.pointer_options(t, d)
            case Iface():
                opts += self.iface_options(t, d)
            case FuncT():
                pass
        if deep and self.generics is not None:
            opts += self.generic_options(t, d)
        if isinstance(t, Basic) and not nonconst:
            opts.append((1.0 if deep else 3.0, lambda: self.literal(t)))
        if not opts:
            if isinstance(t, Basic):
                return [(1.0, lambda: self.ex_nonconst_fallback(t))]
            raise AssertionError(f"no expression of type {spell(t)}")
        return opts

    def ex_nonconst_fallback(self, t: Basic) -> Ex:
        """Returns a non-constant expression of t: its global."""
        return Ex(self.ref(self.globals[f"g_{t.name}"]))

    def basic_options(self, t: Basic, d: int, deep: bool) -> list[tuple[float, Callable[[], Ex]]]:
        """Returns the ways to build a basic-typed expression beyond variables and literals."""
        opts: list[tuple[float, Callable[[], Ex]]] = []
        if deep:
            if is_int(t):
                opts.append((4.0, lambda: self.arith(t, d)))
                if self.full and len(self.int_kinds()) > 1:
                    opts.append((1.0, lambda: self.int_conversion(t, d)))
                if t == INT:
                    opts.append((1.0, lambda: self.length(d)))
            elif t == BOOL:
                opts.append((3.0, lambda: self.comparison(d)))
                opts.append((2.0, lambda: self.logic(d)))
            elif t == STRING:
                opts.append((2.0, lambda: self.concat(d)))
            opts += self.method_call_options(t, d)
        fields = self.field_sources(t)
        if fields:
            opts.append((2.0, lambda: Ex(self.rng.choice(fields)())))
        convs = self.named_basic_sources(t)
        if convs:
            opts.append((1.5, lambda: Ex(self.rng.choice(convs)())))
        return opts

    def field_sources(self, t: Basic) -> list[Callable[[], str]]:
        """Returns makers of `v.f` / `p.f` reads of fields of type t from visible vars."""
        out: list[Callable[[], str]] = []
        for v in self.visible():
            n = v.type.elem if isinstance(v.type, Pointer) else v.type
            if isinstance(n, Named) and isinstance(n.under, Struct):
                for f, ft in n.under.fields:
                    if ft == t:
                        out.append(lambda v=v, f=f: f"{self.ref(v)}.{f}")  # type: ignore[misc]
        return out

    def named_basic_sources(self, t: Basic) -> list[Callable[[], str]]:
        """Returns makers of `U(v)` / `U(*p)` for visible named values whose underlying is t."""
        out: list[Callable[[], str]] = []
        for v in self.visible():
            if isinstance(v.type, Named) and v.type.under == t:
                out.append(lambda v=v: f"{t.name}({self.ref(v)})")  # type: ignore[misc]
            elif isinstance(v.type, Pointer) and v.type.elem.under == t:
                out.append(lambda v=v: f"{t.name}(*{self.ref(v)})")  # type: ignore[misc]
        return out

    def method_call_options(self, t: Basic, d: int) -> list[tuple[float, Callable[[], Ex]]]:
        """Returns pure method calls with result t on visible receivers (never M3)."""
        if not self.ctx.calls or not self.full:
            return []
        calls: list[tuple[Var, str]] = []
        for v in self.visible():
            ms = method_set(v.type)
            if isinstance(v.type, Named) and not v.readonly:
                ms = frozenset(v.type.methods)
            for m in ms:
                if m != "M3" and METHODS[m][1] == t:
                    calls.append((v, m))
        if not calls:
            return []

        def make() -> Ex:
            v, m = self.rng.choice(calls)
            args = ", ".join(self.ex(p, d + 1).code for p in METHODS[m][0])
            return Ex(f"{self.ref(v)}.{m}({args})")

        return [(2.5, make)]

    def arith(self, t: Basic, d: int) -> Ex:
        """Returns an integer operation on two operands, at least one not constant."""
        ops = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"]
        if self.full:
            ops += ["&^", "unary-", "unary^"]
        op = self.rng.choice(ops)
        if op.startswith("unary"):
            return Ex(f"({op[-1]}{self.ex(t, d + 1, nonconst=True).code})")
        if op in ("<<", ">>"):
            x = self.ex(t, d + 1, nonconst=True)
            return Ex(f"({x.code} {op} ({self.ex(INT, d + 1).code} & 7))")
        x = self.ex(t, d + 1)
        y = self.ex(t, d + 1, nonconst=x.const)
        if op in ("/", "%"):
            return Ex(f"({x.code} {op} ({y.code} | 1))")
        return Ex(f"({x.code} {op} {y.code})")

    def length(self, d: int) -> Ex:
        """Returns len(s) of a non-constant string."""
        return Ex(f"len({self.ex(STRING, d + 1, nonconst=True).code})")

    def int_conversion(self, t: Basic, d: int) -> Ex:
        """Returns T(x) for a non-constant x of another integer kind."""
        src = self.rng.choice([k for k in self.int_kinds() if k != t])
        return Ex(f"{t.name}({self.ex(src, d + 1, nonconst=True).code})")

    def comparison(self, d: int) -> Ex:
        """Returns a comparison of two values of one comparable type."""
        kinds: list[Type] = [INT, STRING, BOOL]
        if self.full:
            kinds += [self.rng.choice(self.int_kinds()), self.rng.choice(self.named)]
            kinds += [self.rng.choice(self.ifaces), EMPTY]
        t = self.rng.choice(kinds)
        if isinstance(t, Iface) and self.chance(0.5):
            cands = [c for c in self.concrete_types() if implements(c, t)]
            if cands:
                c = self.rng.choice(cands)
                return Ex(f"({self.ex(t, d + 1).code} == {self.typed(c, d + 1)})")
        x, y = self.ex(t, d + 1), self.ex(t, d + 1)
        ordered = is_int(t) or t == STRING
        op = self.rng.choice(["==", "!=", "<", "<=", ">", ">="] if ordered else ["==", "!="])
        return Ex(f"({x.code} {op} {y.code})", x.const and y.const)

    def typed(self, t: Type, d: int) -> str:
        """Returns an expression of type t that is typed even when constant."""
        e = self.ex(t, d)
        if e.const and t not in (INT, BOOL, STRING):
            return f"{spell(t)}({e.code})"
        return e.code

    def logic(self, d: int) -> Ex:
        """Returns !x, x && y or x || y."""
        if self.chance(0.3):
            x = self.ex(BOOL, d + 1)
            return Ex(f"(!{x.code})", x.const)
        x, y = self.ex(BOOL, d + 1), self.ex(BOOL, d + 1)
        op = self.rng.choice(["&&", "||"])
        return Ex(f"({x.code} {op} {y.code})", x.const and y.const)

    def concat(self, d: int) -> Ex:
        """Returns x + "lit" or "lit" + x: one operand is a literal.

        do NOT concatenate two variable operands: `s = s + s` in a loop grows strings
        exponentially, and with one literal operand every string stays linear in the
        number of statements executed, which the cost model bounds.
        """
        x, lit = self.ex(STRING, d + 1), self.literal(STRING)
        code = f"({x.code} + {lit.code})" if self.chance(0.5) else f"({lit.code} + {x.code})"
        return Ex(code, x.const)

    def named_options(self, t: Named, d: int) -> list[tuple[float, Callable[[], Ex]]]:
        """Returns the ways to build a value of a named type."""
        opts: list[tuple[float, Callable[[], Ex]]] = []
        if isinstance(t.under, Struct):
            under = t.under

            def lit() -> Ex:
                parts = [f"{f}: {self.ex(ft, d + 1).code}" for f, ft in under.fields]
                return Ex(f"{t.name}{{{', '.join(parts)}}}")

            opts.append((2.0, lit))
        else:
            u = t.under
            opts.append((2.0, lambda: Ex(f"{t.name}({self.ex(u, d + 1).code})")))
        ptrs = self.vars_where(lambda v: v.type == Pointer(t))
        if ptrs:
            opts.append((1.0, lambda: Ex(f"(*{self.ref(self.rng.choice(ptrs))})")))
        return opts

    def pointer_options(self, t: Pointer, d: int) -> list[tuple[float, Callable[[], Ex]]]:
        """Returns the ways to build a (never nil) pointer to a named type."""
        opts: list[tuple[float, Callable[[], Ex]]] = []
        targets = self.vars_where(lambda v: v.type == t.elem and not v.readonly)
        if targets:
            opts.append((2.0, lambda: Ex(f"&{self.ref(self.rng.choice(targets))}")))
        if isinstance(t.elem.under, Struct):
            opts.append((1.0, lambda: Ex(f"&{self.named_composite(t.elem, d)}")))
        elif not targets:
            opts.append((1.0, lambda: Ex(f"new({t.elem.name})")))
        return opts

    def named_composite(self, n: Named, d: int) -> str:
        """Returns a composite literal of a named struct, or a conversion T(x) otherwise."""
        if isinstance(n.under, Struct):
            parts = [f"{f}: {self.ex(ft, d + 1).code}" for f, ft in n.under.fields]
            return f"{n.name}{{{', '.join(parts)}}}"
        return f"{n.name}({self.ex(n.under, d + 1).code})"

    def iface_options(self, t: Iface, d: int) -> list[tuple[float, Callable[[], Ex]]]:
        """Returns the ways to build a non-nil value of interface type t."""
        opts: list[tuple[float, Callable[[], Ex]]] = []
        wider = self.vars_where(lambda v: isinstance(v.type, Iface) and v.type is not t
                                and implements(v.type, t))
        if wider:
            opts.append((1.5, lambda: Ex(f"{t.name}({self.ref(self.rng.choice(wider))})")))
        cands = [c for c in self.concrete_types() if implements(c, t)]
        if cands:
            def conv() -> Ex:
                c = self.rng.choice(cands)
                return Ex(f"{spell(t)}({self.typed(c, d + 1)})")

            opts.append((3.0, conv))
        return opts

    # ---- statements -----------------------------------------------------------------

    def stmts(self, n: int) -> None:
        """Emits up to n random statements in the current block."""
        for _ in range(n):
            if not self.can_afford(1):
                return
            self.stmt()

    def stmt(self) -> None:
        """Emits one random statement."""
        self.charge(1)
        kinds: list[tuple[float, Callable[[], None]]] = [
            (4.0, self.decl_stmt),
            (3.0, self.assign_stmt),
            (3.0, self.print_stmt),
        ]
        if self.depth < MAX_STMT_DEPTH:
            kinds += [(2.0, self.if_stmt), (2.0, self.for_stmt)]
            if self.has("switch"):
                kinds.append((1.0, self.switch_stmt))
            if self.has("typeswitch"):
                kinds.append((2.5, self.type_switch_stmt))
        if self.ctx.calls:
            kinds.append((2.0, self.call_stmt))
        if self.has("assert"):
            kinds += [(2.5, self.assert_stmt), (1.5, self.mutate_after_convert)]
        if self.ctx.calls and self.has("closure"):
            kinds.append((1.0, self.closure_stmt))
        if self.ctx.calls and self.has("defer"):
            kinds.append((0.7, self.defer_stmt))
        if self.ctx.calls and not self.ctx.in_loop and self.has("goroutine"):
            kinds += [(0.5, self.pipeline_stmt), (0.5, self.join_stmt)]
        if self.generics is not None:
            kinds.append((1.5, self.generic_stmt))
        if self.ctx.in_loop:
            kinds.append((0.7, self.branch_stmt))
        _, make = self.rng.choices(kinds, [w for w, _ in kinds])[0]
        make()

    def decl_stmt(self) -> None:
        """Emits `v := e` or `var v T = e`."""
        t = self.pick_type()
        e = self.ex(t, 0)
        name = self.fresh("v")
        if e.const and t not in (INT, BOOL, STRING) or self.chance(0.2):
            self.emit(f"var {name} {spell(t)} = {e.code}")
        else:
            self.emit(f"{name} := {e.code}")
        self.declare(name, t)

    def assign_stmt(self) -> None:
        """Emits an assignment, op-assignment, ++/-- or field store to a writable var."""
        targets = self.vars_where(lambda v: not v.readonly and not isinstance(v.type, FuncT))
        if not targets:
            self.print_stmt()
            return
        v = self.rng.choice(targets)
        t = v.type
        if is_int(t) and self.chance(0.5):
            assert isinstance(t, Basic)
            if self.chance(0.3):
                self.emit(f"{v.name}{self.rng.choice(['++', '--'])}")
                return
            op = self.rng.choice(["+=", "-=", "*=", "|=", "^=", "&="])
            self.emit(f"{v.name} {op} {self.ex(t, 1).code}")
            return
        n = t.elem if isinstance(t, Pointer) else t
        if isinstance(n, Named) and isinstance(n.under, Struct) and self.chance(0.6):
            f, ft = self.rng.choice(n.under.fields)
            self.emit(f"{v.name}.{f} = {self.ex(ft, 1).code}")
            return
        self.emit(f"{v.name} = {self.ex(t, 0).code}")

    def print_stmt(self) -> None:
        """Emits println of one to three printable values."""
        args = [self.ex(self.printable_type(), 0).code for _ in range(self.rng.randint(1, 3))]
        self.emit(f"println({', '.join(args)})")

    def printable_type(self) -> Basic:
        """Returns a random printable type."""
        if self.full and self.chance(0.2):
            return self.rng.choice(self.int_kinds())
        return self.rng.choice([INT, INT, BOOL, STRING])

    def if_stmt(self) -> None:
        """Emits if / else if / else."""
        self.emit(f"if {self.ex(BOOL, 0).code} {{")
        with self.block():
            self.stmts(self.rng.randint(1, 3))
        if self.chance(0.3):
            self.emit(f"}} else if {self.ex(BOOL, 0).code} {{")
            with self.block():
                self.stmts(self.rng.randint(1, 2))
        if self.chance(0.5):
            self.emit("} else {")
            with self.block():
                self.stmts(self.rng.randint(1, 2))
        self.emit("}")

    def loop_body(self, n: int) -> None:
        """Emits the statements of a loop body running at most n times."""
        saved_mult, saved_ctx = self.mult, self.ctx
        self.mult *= n
        self.ctx = Ctx(in_loop=True, calls=saved_ctx.calls, result=saved_ctx.result)
        self.stmts(self.rng.randint(1, 3))
        self.mult, self.ctx = saved_mult, saved_ctx

    def for_stmt(self) -> None:
        """Emits a bounded loop in one of Go's three for forms."""
        n = self.rng.choice([0, 1, 2, 3, 3, 4, 4])
        i = self.fresh("i")
        form = self.rng.randrange(3)
        if form == 0:
            self.emit(f"for {i} := 0; {i} < {n}; {i}++ {{")
            with self.block():
                self.declare(i, INT, readonly=True).used = True
                self.loop_body(n)
            self.emit("}")
            return
        self.emit(f"{i} := 0")
        self.declare(i, INT, readonly=True).used = True
        if form == 1:
            self.emit(f"for {i} < {n} {{")
        else:
            self.emit("for {")
        with self.block():
            if form == 2:
                self.emit(f"if {i} >= {n} {{")
                self.emit("\tbreak")
                self.emit("}")
            self.emit(f"{i}++")
            self.loop_body(n)
        self.emit("}")

    def branch_stmt(self) -> None:
        """Emits a conditional break or continue."""
        word = self.rng.choice(["break", "continue"])
        self.emit(f"if {self.ex(BOOL, 1).code} {{")
        self.emit(f"\t{word}")
        self.emit("}")

    def switch_stmt(self) -> None:
        """Emits an expression switch on an int, or a tagless switch."""
        if self.chance(0.3):
            self.emit("switch {")
            for _ in range(self.rng.randint(1, 3)):
                x = self.ex(INT, 1, nonconst=True).code
                self.emit(f"case {x} {self.rng.choice(['<', '>', '=='])} {self.literal(INT).code}:")
                with self.block():
                    self.stmts(self.rng.randint(1, 2))
        else:
            self.emit(f"switch {self.ex(INT, 0, nonconst=True).code} {{")
            values = self.rng.sample(range(-2, 8), self.rng.randint(2, 5))
            groups = [values[:1]] + [[v] for v in values[1:]]
            if len(groups) > 2 and self.chance(0.5):
                groups[1] += groups.pop()
            for gi, g in enumerate(groups):
                self.emit(f"case {', '.join(str(x) for x in g)}:")
                with self.block():
                    self.stmts(self.rng.randint(1, 2))
                if gi < len(groups) - 1 and self.has("fallthrough") and self.chance(0.2):
                    self.emit("\tfallthrough")
        if self.chance(0.6):
            self.emit("default:")
            with self.block():
                self.stmts(1)
        self.emit("}")

    def iface_source(self) -> tuple[str, Iface]:
        """Returns a (pure) interface-valued expression and its static interface type."""
        vs = self.vars_where(lambda v: isinstance(v.type, Iface))
        if vs and self.chance(0.7):
            v = self.rng.choice(vs)
            assert isinstance(v.type, Iface)
            return self.ref(v), v.type
        t = self.rng.choice([*self.ifaces, EMPTY, EMPTY])
        return self.ex(t, 1).code, t

    def case_types(self, src: Iface) -> list[Type]:
        """Returns the types a type switch or assertion on an src value may name."""
        ts: list[Type] = [c for c in self.concrete_types() if implements(c, src)]
        return ts + [i for i in self.ifaces if i is not src]

    def type_switch_stmt(self) -> None:
        """Emits a type switch whose cases print the value they bind."""
        x, src = self.iface_source()
        cands = self.case_types(src)
        cases = self.rng.sample(cands, min(len(cands), self.rng.randint(1, 4)))
        bind = self.fresh("x")
        self.emit(f"switch {bind} := {x}.(type) {{")
        if self.chance(0.3):
            self.emit("case nil:")
            self.emit('\tprintln("nil")')
        for c in cases:
            self.emit(f"case {spell(c)}:")
            with self.block():
                v = self.declare(bind, c, readonly=True)
                u = self.use(v)
                self.emit(f'println("case {spell(c)}", {u if u is not None else "true"})')
                v.used = True
                self.stmts(self.rng.randint(0, 1))
        if self.chance(0.7) or not cases:
            self.emit("default:")
            self.emit(f'\tprintln("default", {"true" if not cases else "false"})')
        if not cases:
            self.emit(f"\t_ = {bind}")
        self.emit("}")

    def assert_stmt(self) -> None:
        """Emits a comma-ok type assertion and prints what it found."""
        x, src = self.iface_source()
        cands = self.case_types(src)
        if not cands:
            self.print_stmt()
            return
        c = self.rng.choice(cands)
        y, ok = self.fresh("y"), self.fresh("ok")
        if isinstance(c, Iface | Pointer) or self.chance(0.5):
            self.emit(f"if {y}, {ok} := {x}.({spell(c)}); {ok} {{")
            with self.block():
                v = self.declare(y, c)
                self.emit(f'println("is {spell(c)}", {self.use(v) or "true"})')
                v.used = True
                self.stmts(self.rng.randint(0, 1))
            self.emit("} else {")
            self.emit(f'\tprintln("not {spell(c)}")')
            self.emit("}")
            return
        self.emit(f"{y}, {ok} := {x}.({spell(c)})")
        self.declare(ok, BOOL)
        self.declare(y, c)
        self.emit(f'println("{ok}", {ok})')
        self.scopes[-1][ok].used = True

    def mutate_after_convert(self) -> None:
        """Emits a conversion to an interface, a change of the source, and a read of both."""
        structs = [n for n in self.named if isinstance(n.under, Struct)]
        src = self.rng.choice(structs or self.named)
        v, e = self.fresh("v"), self.fresh("e")
        self.emit(f"{v} := {self.named_composite(src, 1)}")
        iface = self.rng.choice([EMPTY, *[i for i in self.ifaces if implements(src, i)]])
        self.emit(f"{e} := {spell(iface)}({v})")
        if isinstance(src.under, Struct):
            f, ft = self.rng.choice(src.under.fields)
            self.emit(f"{v}.{f} = {self.ex(ft, 1).code}")
        else:
            self.emit(f"{v} = {self.ex(src, 1).code}")
        w = self.fresh("w")
        self.emit(f"if {w}, ok := {e}.({src.name}); ok {{")
        self.emit(f"\tprintln({self.printable_of(w, src)}, {self.printable_of(v, src)})")
        self.emit("}")
        self.declare(v, src).used = True
        self.declare(e, iface).used = True

    def callables(self) -> list[tuple[str, tuple[Type, ...], Type, int]]:
        """Returns the calls affordable here: (callee text, params, result, cost)."""
        out: list[tuple[str, tuple[Type, ...], Type, int]] = []
        for f in self.funcs:
            if self.can_afford(f.cost):
                out.append((f.name, f.params, f.result, f.cost))
        for v in self.visible():
            if isinstance(v.type, FuncT) and self.can_afford(v.cost):
                out.append((v.name, (INT,), INT, v.cost))
        if self.full:
            for v in self.visible():
                if "M3" in method_set(v.type) or (
                    isinstance(v.type, Named) and "M3" in v.type.methods and not v.readonly
                ):
                    out.append((f"{v.name}.M3", (INT,), INT, 1))
        return out

    def call_stmt(self) -> None:
        """Emits a call that may have side effects, as a whole statement."""
        calls = self.callables()
        if not calls:
            self.print_stmt()
            return
        callee, params, result, cost = self.rng.choice(calls)
        base = callee.split(".")[0]
        for v in self.visible():
            if v.name == base:
                v.used = True
                break
        self.charge(cost)
        args = ", ".join(self.ex(p, 1).code for p in params)
        call = f"{callee}({args})"
        form = self.rng.randrange(3)
        if form == 0 and isinstance(result, Basic):
            self.emit(f"println({call})")
        elif form == 1:
            name = self.fresh("v")
            self.emit(f"{name} := {call}")
            self.declare(name, result)
        else:
            self.emit(call)

    def closure_stmt(self) -> None:
        """Emits a func(int) int closure over visible locals, then maybe calls it."""
        name = self.fresh("fn")
        self.emit(f"{name} := func(a int) int {{")
        saved_mult, saved_cost, saved_ctx = self.mult, self.cost, self.ctx
        self.mult, self.cost = 1, 0
        self.ctx = Ctx(calls=False, result=INT)
        with self.block():
            self.declare("a", INT, readonly=True).used = True
            for _ in range(self.rng.randint(0, 2)):
                self.assign_stmt() if self.chance(0.6) else self.print_stmt()
            self.emit(f"return {self.ex(INT, 0).code}")
        cost = self.cost + 1
        self.mult, self.cost, self.ctx = saved_mult, saved_cost, saved_ctx
        self.emit("}")
        self.declare(name, FUNC, cost=cost)

    def defer_stmt(self) -> None:
        """Emits a deferred println (arguments evaluated now) or deferred closure."""
        if self.ctx.in_loop:
            self.print_stmt()
            return
        if self.chance(0.5):
            self.emit(f'defer println("deferred", {self.ex(self.printable_type(), 1).code})')
            return
        self.emit("defer func() {")
        saved = self.ctx
        self.ctx = Ctx(calls=False)
        with self.block():
            self.print_stmt()
        self.ctx = saved
        self.emit("}()")

    # ---- goroutines and channels ----------------------------------------------------
    #
    # Shapes whose output does not depend on scheduling: the goroutines read only
    # their own parameters (evaluated at the go statement), and everything they
    # produce reaches main through a channel or a slot main reads after a join.

    _WORKS = ("a*k + b", "(a ^ k<<2) - b", "(a+k)%7*b", "a - b*k", "(a|k) + (b&3)")

    def pipeline_stmt(self) -> None:
        """Emits a producer goroutine sending n values on a channel it closes, and a
        range loop in main printing them."""
        n = self.rng.randint(0, 5)
        self.charge(2 * n + 2)
        ch, v = self.fresh("ch"), self.fresh("v")
        size = self.rng.choice(["", "", ", 1", f", {n}"])
        work = self.rng.choice(self._WORKS)
        args = f"{self.ex(INT, 1).code}, {self.ex(INT, 1).code}"
        self.emit(f"{ch} := make(chan int{size})")
        self.emit("go func(a, b int) {")
        self.emit(f"\tfor k := 0; k < {n}; k++ {{")
        self.emit(f"\t\t{ch} <- {work}")
        self.emit("\t}")
        self.emit(f"\tclose({ch})")
        self.emit(f"}}({args})")
        self.emit(f"for {v} := range {ch} {{")
        self.emit(f'\tprintln("{ch}", {v})')
        self.emit("}")

    def join_stmt(self) -> None:
        """Emits k goroutines each writing its own slot of a slice, joined through a
        channel, then prints the slots."""
        n = self.rng.randint(1, 4)
        self.charge(3 * n + 2)
        res, done = self.fresh("res"), self.fresh("done")
        work = self.rng.choice(self._WORKS)
        arg = self.ex(INT, 1).code
        self.emit(f"{res} := make([]int, {n})")
        self.emit(f"{done} := make(chan bool)")
        self.emit(f"for k := 0; k < {n}; k++ {{")
        self.emit("\tgo func(k, a, b int) {")
        self.emit(f"\t\t{res}[k] = {work}")
        self.emit(f"\t\t{done} <- true")
        self.emit(f"\t}}(k, {arg}, k*3)")
        self.emit("}")
        self.emit(f"for k := 0; k < {n}; k++ {{")
        self.emit(f"\t<-{done}")
        self.emit("}")
        self.emit(f'println("{res}", {", ".join(f"{res}[{i}]" for i in range(n))})')

    # ---- generics -------------------------------------------------------------------
    #
    # The generic declarations have fixed shapes with random bodies; their calls are
    # pure (methods called through a constraint never include M3), so they appear
    # anywhere an expression may, instantiated by inference or explicitly:
    #
    #   type Num interface{ ~int | ~int8 | ... }
    #   func gnum0[T Num](a, b T, k int) T { x := ((a ^ T(k)) * b); ...; return ... }
    #   func geq0[T comparable](a, b T) bool { return a == b }
    #   func gpick0[T any](c bool, a, b T) T { ... }
    #   func gsum0[S ~[]E, E Num](s S) E { ... }                 (constraint inference)
    #   func gmap0[T, U any](xs []T, f func(T) U) []U { ... }
    #   func gcall0[T I1](x T, a0 int) string { return x.M1(a0) }
    #   type Box0[T any] struct{ v T; n int }; type Stack0[T any] []T (with methods)

    def gen_generics(self) -> None:
        """Declares the program's generic functions and types (see above)."""
        g = Generics()
        kinds = " | ".join(f"~{k.name}" for k in self.int_kinds())
        self.emit(f"type Num interface {{ {kinds} }}")
        self.emit("")
        for _ in range(self.rng.randint(1, 2)):
            g.num.append(self.gen_generic_num())
        g.eq, g.pick = self.fresh("geq"), self.fresh("gpick")
        self.emit(f"func {g.eq}[T comparable](a, b T) bool {{ return a == b }}")
        self.emit("")
        self.emit(f"func {g.pick}[T any](c bool, a, b T) T {{")
        self.emit("\tif c {\n\t\treturn a\n\t}\n\treturn b\n}\n")
        g.sum, g.mapf = self.fresh("gsum"), self.fresh("gmap")
        self.emit(f"func {g.sum}[S ~[]E, E Num](s S) E {{")
        self.emit("\tvar t E\n\tfor _, x := range s {\n\t\tt += x\n\t}\n\treturn t\n}\n")
        self.emit(f"func {g.mapf}[T, U any](xs []T, f func(T) U) []U {{")
        self.emit("\tout := make([]U, 0, len(xs))\n\tfor _, x := range xs {")
        self.emit("\t\tout = append(out, f(x))\n\t}\n\treturn out\n}\n")
        for it in self.rng.sample(self.ifaces, min(2, len(self.ifaces))):
            pure = sorted(m for m in it.methods if m != "M3")
            if pure:
                m = self.rng.choice(pure)
                params, res = METHODS[m]
                name = self.fresh("gcall")
                ps = "".join(f", a{k} {p.name}" for k, p in enumerate(params))
                args = ", ".join(f"a{k}" for k in range(len(params)))
                self.emit(f"func {name}[T {it.name}](x T{ps}) {res.name} "
                          f"{{ return x.{m}({args}) }}")
                self.emit("")
                g.calls.append((name, it, m))
        g.box, g.stack = self.fresh("Box"), self.fresh("Stack")
        self.emit(f"type {g.box}[T any] struct {{ v T; n int }}")
        self.emit(f"func (b *{g.box}[T]) Set(v T) {{ b.v = v; b.n++ }}")
        self.emit(f"func (b {g.box}[T]) Get() T {{ return b.v }}")
        self.emit(f"type {g.stack}[T any] []T")
        self.emit(f"func (s *{g.stack}[T]) Push(v T) {{ *s = append(*s, v) }}")
        self.emit(f"func (s {g.stack}[T]) Len() int {{ return len(s) }}")
        self.emit(f"func (s *{g.stack}[T]) Pop() T {{")
        self.emit("\told := *s\n\tv := old[len(old)-1]\n\t*s = old[:len(old)-1]\n\treturn v\n}\n")
        self.generics = g

    def gen_generic_num(self) -> str:
        """Emits a generic arithmetic function over Num and returns its name."""
        name = self.fresh("gnum")
        self.emit(f"func {name}[T Num](a, b T, k int) T {{")
        self.emit(f"\tx := {self.tex(['a', 'b'], 2)}")
        if self.chance(0.6):
            self.emit("\tfor i := 0; i < k&3; i++ {")
            self.emit(f"\t\tx = {self.tex(['x', 'a', 'T(i)'], 2)}")
            self.emit("\t}")
        self.emit(f"\treturn x {self.rng.choice(['+', '^', '-', '|'])} {self.tex(['a', 'b'], 1)}")
        self.emit("}")
        self.emit("")
        return name

    def tex(self, leaves: list[str], d: int) -> str:
        """Returns an expression of type parameter type T (constraint Num) over leaves;
        divisors are `(y | 1)`, shift counts `(k & 7)`, conversions of constants fit
        every integer kind."""
        if d == 0 or self.chance(0.25):
            r = self.rng.random()
            if r < 0.15:
                return "T(k)"
            if r < 0.25:
                return f"T({self.rng.randint(0, 100)})"
            return self.rng.choice(leaves)
        op = self.rng.choice(["+", "-", "*", "&", "|", "^", "&^", "/", "%", "<<", ">>", "u"])
        x = self.tex(leaves, d - 1)
        if op == "u":
            return f"({self.rng.choice(['-', '^'])}{x})"
        if op in ("<<", ">>"):
            return f"({x} {op} (k & 7))"
        y = self.tex(leaves, d - 1)
        if op in ("/", "%"):
            return f"({x} {op} ({y} | 1))"
        return f"({x} {op} {y})"

    def targ(self, t: Type, explicit: bool) -> str:
        """Returns `[t]` when explicit, else "" (the call infers t)."""
        return f"[{spell(t)}]" if explicit else ""

    def generic_options(self, t: Type, d: int) -> list[tuple[float, Callable[[], Ex]]]:
        """Returns the ways to build a t-typed expression by calling a generic function."""
        g = self.generics
        if g is None or isinstance(t, FuncT):
            return []
        opts: list[tuple[float, Callable[[], Ex]]] = []

        def pick() -> Ex:
            x = self.ex(t, d + 1)
            y = self.ex(t, d + 1, nonconst=x.const)
            c = self.ex(BOOL, d + 1)
            return Ex(f"{g.pick}{self.targ(t, self.chance(0.4))}({c.code}, {x.code}, {y.code})")

        opts.append((0.7, pick))
        under = t.under if isinstance(t, Named) else t
        if isinstance(under, Basic) and is_int(under):
            def num() -> Ex:
                self.charge(4)
                x = self.ex(t, d + 1)
                y = self.ex(t, d + 1, nonconst=x.const)
                k = self.ex(INT, d + 1)
                f = self.rng.choice(g.num)
                return Ex(f"{f}{self.targ(t, self.chance(0.3))}({x.code}, {y.code}, {k.code})")

            opts.append((1.5, num))
        if isinstance(t, Basic) and is_int(t):
            def sum_() -> Ex:
                elems = ", ".join(self.ex(t, d + 1).code for _ in range(self.rng.randint(0, 3)))
                inst = f"[[]{t.name}]" if self.chance(0.3) else ""
                return Ex(f"{g.sum}{inst}([]{t.name}{{{elems}}})")

            opts.append((1.0, sum_))
        if t == BOOL:
            def eq() -> Ex:
                c = self.rng.choice(self.concrete_types())
                x = self.ex(c, d + 1)
                y = self.ex(c, d + 1, nonconst=x.const)
                explicit = self.chance(0.3) or (x.const and c not in (INT, BOOL, STRING))
                return Ex(f"{g.eq}{self.targ(c, explicit)}({x.code}, {y.code})")

            opts.append((1.0, eq))
        for name, it, m in g.calls:
            params, res = METHODS[m]
            if res != t:
                continue
            cands = [c for c in [*self.concrete_types(), *self.ifaces] if implements(c, it)]

            def call(name: str = name, cands: list[Type] = cands,
                     params: tuple[Basic, ...] = params) -> Ex:
                c = self.rng.choice(cands)
                x = self.typed(c, d + 1)
                args = "".join(f", {self.ex(p, d + 1).code}" for p in params)
                return Ex(f"{name}{self.targ(c, self.chance(0.3))}({x}{args})")

            if cands:
                opts.append((1.0, call))
        return opts

    def generic_stmt(self) -> None:
        """Emits uses of the generic Box or Stack at a random type, or a gmap call."""
        g = self.generics
        assert g is not None
        fns = self.vars_where(lambda v: isinstance(v.type, FuncT))
        r = self.rng.random()
        if fns and r < 0.25:
            fn = self.rng.choice(fns)
            n = self.rng.randint(0, 3)
            if not self.can_afford(n * fn.cost):
                self.print_stmt()
                return
            self.charge(n * fn.cost)
            elems = ", ".join(self.ex(INT, 1).code for _ in range(n))
            inst = "[int, int]" if self.chance(0.3) else ""
            ms = self.fresh("ms")
            self.emit(f"{ms} := {g.mapf}{inst}([]int{{{elems}}}, {self.ref(fn)})")
            self.emit(f'println("{ms}", len({ms}){"".join(f", {ms}[{i}]" for i in range(n))})')
            return
        t = self.pick_type()
        v = self.fresh("v")
        if r < 0.6:
            b = self.fresh("bx")
            if self.chance(0.5):
                self.emit(f"{b} := &{g.box}[{spell(t)}]{{v: {self.ex(t, 1).code}}}")
            else:
                self.emit(f"var {b} {g.box}[{spell(t)}]")
            self.emit(f"{b}.Set({self.ex(t, 1).code})")
            self.emit(f'println("{b}", {b}.n)')
            self.emit(f"{v} := {b}.Get()")
        else:
            s = self.fresh("st")
            self.emit(f"var {s} {g.stack}[{spell(t)}]")
            for _ in range(self.rng.randint(1, 3)):
                self.emit(f"{s}.Push({self.ex(t, 1).code})")
            self.emit(f"{v} := {s}.Pop()")
            self.emit(f'println("{s}", {s}.Len())')
        self.declare(v, t)

    # ---- functions and program ------------------------------------------------------

    def gen_func(self, name: str) -> Func:
        """Emits one top-level function; it may call the functions made before it."""
        nparams = self.rng.randint(0, 3)
        params = tuple(self.param_type() for _ in range(nparams))
        result = self.param_type() if self.full and self.chance(0.3) else self.rng.choice(
            [INT, INT, STRING, BOOL])
        ps = ", ".join(f"p{k} {spell(p)}" for k, p in enumerate(params))
        self.emit(f"func {name}({ps}) {spell(result)} {{")
        self.mult, self.cost, self.ctx = 1, 0, Ctx(result=result)
        self.scopes = [{f"p{k}": Var(f"p{k}", p, used=True) for k, p in enumerate(params)}]
        self.indent, self.depth = 1, 1
        self.stmts(self.rng.randint(2, 6))
        self.flush()
        self.emit(f"return {self.ex(result, 0).code}")
        self.scopes, self.indent, self.depth = [], 0, 0
        self.emit("}")
        self.emit("")
        return Func(name, params, result, self.cost + 1)

    def param_type(self) -> Type:
        """Returns a type for a parameter or result (pick_type never returns a closure)."""
        return self.pick_type()

    def gen_recursive(self) -> Func:
        """Emits a self-recursive function whose depth argument is masked to at most 7."""
        name = self.fresh("rec")
        self.emit(f"func {name}(n int, acc int) int {{")
        self.emit("\tif n <= 0 {")
        self.emit("\t\treturn acc")
        self.emit("\t}")
        self.scopes = [{"n": Var("n", INT, True, True), "acc": Var("acc", INT, True, True)}]
        self.ctx, self.indent = Ctx(calls=False, result=INT), 1
        if self.chance(0.5):
            self.emit(f"println(n, {self.ex(INT, 1).code})")
        self.emit(f"return {name}(n-1, {self.ex(INT, 1).code})")
        self.scopes, self.indent = [], 0
        self.emit("}")
        self.emit("")
        return Func(name, (INT, INT), INT, 9)

    def program(self) -> str:
        """Returns the whole program."""
        self.emit("// run")
        self.emit("")
        self.emit(f"// Generated by harness.fuzz ({'full' if self.full else 'starter'} subset).")
        self.emit("")
        self.emit("package main")
        self.emit("")
        for t in self.int_kinds() + [BOOL, STRING]:
            g = f"g_{t.name}"
            self.emit(f"var {g} {t.name} = {self.literal(t).code}")
            self.globals[g] = Var(g, t)
        self.emit("")
        if self.full:
            self.gen_types()
        if self.has("generic"):
            self.gen_generics()
        rec = self.gen_recursive()
        rec_call = Func(f"{rec.name}", rec.params, rec.result, rec.cost)
        for _ in range(self.rng.randint(2, 4)):
            self.funcs.append(self.gen_func(self.fresh("f")))
        self.emit("func main() {")
        self.mult, self.cost, self.ctx = 1, 0, Ctx()
        self.scopes, self.indent, self.depth = [{}], 1, 1
        self.stmts(self.rng.randint(6, 14))
        self.emit(f"println({rec_call.name}(({self.ex(INT, 1).code}) & 7, "
                  f"{self.ex(INT, 1).code}))")
        for f in self.funcs:
            args = ", ".join(self.ex(p, 1).code for p in f.params)
            u = f"{f.name}({args})"
            if isinstance(f.result, Basic):
                self.emit(f"println({u})")
            else:
                r = self.fresh("r")
                self.emit(f"{r} := {u}")
                v = self.declare(r, f.result)
                self.use_stmt(v)
        self.flush()
        self.emit("}")
        return "\n".join(self.out) + "\n"


def generate(seed: int, subset: str = "full", without: Iterable[str] = ()) -> str:
    """Returns the Go program for seed; equal arguments give identical text.

    subset is "full" or "starter" (ints, bools, strings, funcs, if/for, println);
    without names FEATURES the full subset must not use (e.g. {"defer"}).
    """
    if subset not in SUBSETS:
        raise ValueError(f"unknown subset {subset!r}: want one of {', '.join(SUBSETS)}")
    off = frozenset(without)
    if off - FEATURES:
        bad = ", ".join(sorted(off - FEATURES))
        raise ValueError(f"unknown feature {bad}: want some of {', '.join(sorted(FEATURES))}")
    key = f"refgo-fuzz/{subset}/{seed}" + (f"/-{','.join(sorted(off))}" if off else "")
    return Gen(random.Random(key), subset == "full", off).program()
