"""The typed tree: the type checker's output and the input of escape analysis and walk.

Every expression carries its Go type and position; names are resolved to objects
(`Var`, `Func`); constants are folded and have a concrete type; every implicit conversion
is an explicit node. For

    var e interface{} = n + 1        // n int

the checker produces

    VarDecl(vars=(e,), values=(Convert(kind=T2E, type=interface{},
                                       x=Binary("+", VarRef(n), Const(1, int))),))

Implicit operations made explicit by the checker (walk relies on them, do NOT re-derive):
- assignability conversions: value→interface (T2E/T2I), interface→interface (I2E/I2I),
  untyped constants given their final type, a bidirectional channel given a direction
  (Convert NOP: `var r <-chan int = c`);
- automatic dereference and address-of: `p.f` on a pointer is `FieldSel(Deref(p))`,
  `v.M()` with a pointer receiver is `MethodCall(recv=AddrOf(v))`, promoted fields and
  methods walk the embedded path with explicit `FieldSel`/`Deref` steps;
- variadic calls: extra arguments are packed into a `CompositeLit` of the `[]T` param;
  `f(xs...)` passes xs itself, so len(args) == len(params) always; `f(g())` with a
  multi-value g passes one `TupleElem` per result of the one shared call node;
- `x op= y` stays `OpAssign` (x evaluated once); `x++` is `OpAssign("+", x, Const(1))`;
- `v, ok := <-c` is one Tuple-typed `Recv(commaok=True)`, like `m[k]` and `x.(T)`.

Where gc reports a node elsewhere than at its start (`-m`: a call at its `(`, a literal at
its `{`, a binary expression at its operator, an index or slice and its bounds check at
its `[`), the checker copies the parser's position into a field of its own (`lparen`,
`lbrace`, `lbrack`, `oppos`, `dot`, `colon`), and a constant
keeps how it was written (`spelling`): REPORT_FIELDS. They are None on nodes the checker
made up and on nodes later passes build; code that reads them falls back to `pos`.

This module imports only `compiler.types.typ` and `compiler.diag`; it holds no logic.

It is long because it has one node class per expression and statement kind.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter

from compiler.diag import Pos
from compiler.types.typ import Func, Named, Signature, Type, Var

# ---------------------------------------------------------------------------------------
# Expressions


@dataclass(frozen=True, slots=True)
class ConstExpr:
    """A folded constant of a concrete type: bool, int, float, complex, or bytes (string).

    `spelling` is the source text when the constant was written as one literal (not a
    string), a possibly qualified name, or a call or conversion of one such (`T(1)`,
    `len("ab")`), each optionally negated (`-1`); None otherwise. `lparen` is the `(` of
    such a call or conversion, None otherwise."""

    pos: Pos
    type: Type
    value: bool | int | float | complex | bytes
    spelling: str | None = None
    lparen: Pos | None = None


@dataclass(frozen=True, slots=True)
class NilExpr:
    """nil of a pointer, slice, map, func or interface type."""

    pos: Pos
    type: Type


@dataclass(frozen=True, slots=True)
class VarRef:
    pos: Pos
    type: Type
    var: Var


@dataclass(frozen=True, slots=True)
class FuncRef:
    """A declared function used as a value or callee; a method expression `T.M` too."""

    pos: Pos
    type: Type
    func: Func


@dataclass(frozen=True, slots=True)
class Blank:
    """The blank identifier `_` as an assignment target."""

    pos: Pos
    type: Type


@dataclass(frozen=True, slots=True)
class Unary:
    """`-x`, `+x`, `!x`, `^x`."""

    pos: Pos
    type: Type
    op: str
    x: Expr


@dataclass(frozen=True, slots=True)
class Binary:
    """x op y; op is one of + - * / % & | ^ &^ << >> == != < <= > >= && ||.

    Comparison results have the (possibly named) boolean type the checker chose; for
    shifts y is any integer type; for == on interfaces or mixed interface/concrete operands
    the checker has converted the concrete side to the interface type.
    """

    pos: Pos
    type: Type
    op: str
    x: Expr
    y: Expr
    oppos: Pos | None = None


@dataclass(frozen=True, slots=True)
class Call:
    """A call of a function value: `fn` is a FuncRef (static call) or any func-typed
    expression (closure or func variable: an indirect call). Type is the single result type,
    a Tuple for several results, or an empty Tuple for none. `lparen` (as for MethodCall,
    IfaceCall and BuiltinCall) is the call's `(`, None if the checker made the call up."""

    pos: Pos
    type: Type
    fn: Expr
    args: tuple[Expr, ...]
    lparen: Pos | None = None


@dataclass(frozen=True, slots=True)
class MethodCall:
    """A statically resolved method call; `recv` already has the method's receiver type."""

    pos: Pos
    type: Type
    recv: Expr
    method: Func
    args: tuple[Expr, ...]
    lparen: Pos | None = None


@dataclass(frozen=True, slots=True)
class IfaceCall:
    """A call through an interface value; `index` is the method's position in the
    interface's sorted method list (the itab's fun[] slot)."""

    pos: Pos
    type: Type
    recv: Expr
    method: str
    index: int
    sig: Signature
    args: tuple[Expr, ...]
    lparen: Pos | None = None


@dataclass(frozen=True, slots=True)
class BuiltinCall:
    """len cap append copy delete new make panic print println recover complex real imag.

    For `new(T)` and `make(T, ...)` the allocated type is `type` (new: `*T`); `args` holds
    only the value arguments (make's len/cap). `append(s, xs...)` has spread=True.
    """

    pos: Pos
    type: Type
    name: str
    args: tuple[Expr, ...]
    spread: bool = False
    lparen: Pos | None = None


class ConvKind(enum.Enum):
    """What a conversion does at run time."""

    NOP = "nop"                    # identical underlying types, unsafe.Pointer<->*T, etc.
    INT = "int"                    # integer <-> integer (truncate / sign- or zero-extend)
    INT_TO_FLOAT = "int2float"
    FLOAT_TO_INT = "float2int"
    FLOAT = "float"                # float32 <-> float64
    COMPLEX = "complex"            # complex64 <-> complex128
    INT_TO_STRING = "int2string"   # string(rune)
    BYTES_TO_STRING = "bytes2string"
    RUNES_TO_STRING = "runes2string"
    STRING_TO_BYTES = "string2bytes"
    STRING_TO_RUNES = "string2runes"
    T2E = "T2E"                    # concrete -> empty interface (an allocation site)
    T2I = "T2I"                    # concrete -> non-empty interface (an allocation site)
    I2E = "I2E"                    # interface -> empty interface
    I2I = "I2I"                    # interface -> non-empty interface (runtime itab lookup)
    SLICE_TO_ARRAYPTR = "slice2arrayptr"  # []T -> *[N]T (panics if len < N)


@dataclass(frozen=True, slots=True)
class Convert:
    """A conversion: written `T(x)` (pos at T, `lparen` its `(`), or implicit (the
    checker's, at x's own position, lparen None)."""

    pos: Pos
    type: Type
    kind: ConvKind
    x: Expr
    lparen: Pos | None = None


@dataclass(frozen=True, slots=True)
class Index:
    """x[i] for arrays, slices and strings (a pointer to array is an explicit Deref);
    `lbrack` is the `[` (gc's position of the index operation and its bounds check)."""

    pos: Pos
    type: Type
    x: Expr
    index: Expr
    lbrack: Pos | None = None


@dataclass(frozen=True, slots=True)
class MapIndex:
    """m[k]; with commaok the type is Tuple((elem, bool))."""

    pos: Pos
    type: Type
    x: Expr
    key: Expr
    commaok: bool = False


@dataclass(frozen=True, slots=True)
class SliceExpr:
    """x[lo:hi:max] of a string, slice, or addressable array (`&arr` made explicit);
    `lbrack` is the `[`."""

    pos: Pos
    type: Type
    x: Expr
    lo: Expr | None
    hi: Expr | None
    max: Expr | None
    lbrack: Pos | None = None


@dataclass(frozen=True, slots=True)
class FieldSel:
    """x.f where x has struct type; `index` is the field's position in the struct."""

    pos: Pos
    type: Type
    x: Expr
    index: int


@dataclass(frozen=True, slots=True)
class Deref:
    pos: Pos
    type: Type
    x: Expr


@dataclass(frozen=True, slots=True)
class AddrOf:
    """&x of an addressable expression, or &T{...} of a CompositeLit (an allocation site)."""

    pos: Pos
    type: Type
    x: Expr


@dataclass(frozen=True, slots=True)
class Element:
    """One element of a composite literal. `key` is the field index (struct), the constant
    element index (array, slice), or the key expression (map). `colon` is the `:` of a
    keyed element, None for a positional one."""

    key: int | Expr
    value: Expr
    colon: Pos | None = None


@dataclass(frozen=True, slots=True)
class CompositeLit:
    """T{...}; struct elements cover only the listed fields (others are zero). `lbrace`
    is the `{`; None for the checker's packing of variadic arguments (at the first
    extra argument's position)."""

    pos: Pos
    type: Type
    elems: tuple[Element, ...]
    lbrace: Pos | None = None


@dataclass(frozen=True, slots=True)
class FuncLit:
    """A closure; `decl.captures` lists the outer variables it refers to (by reference)."""

    pos: Pos
    type: Type
    decl: FuncDecl


@dataclass(frozen=True, slots=True)
class TypeAssert:
    """x.(T); with commaok the type is Tuple((T, bool)). `target` is T."""

    pos: Pos
    type: Type
    x: Expr
    target: Type
    commaok: bool = False


@dataclass(frozen=True, slots=True)
class MethodValue:
    """A bound method value `x.M` (not called); recv already has the receiver type;
    `dot` is the selector's `.`."""

    pos: Pos
    type: Type
    recv: Expr
    method: Func
    dot: Pos | None = None


@dataclass(frozen=True, slots=True)
class IfaceMethodValue:
    """A bound method value `i.M` of an interface value; `dot` as for MethodValue."""

    pos: Pos
    type: Type
    recv: Expr
    method: str
    index: int
    dot: Pos | None = None


@dataclass(frozen=True, slots=True)
class TupleElem:
    """Value `index` of the Tuple-typed call or comma-ok form `x`, for `f(g())` (and
    `println(g())`) with a multi-value g, and for values that need a conversion in
    `return g()`, `a, b = g()`, `var a, b I = g()`, `v, ok = m[k]` (I an interface):
    TupleElem(x, 0) ... TupleElem(x, n-1), in order, all share ONE node x, evaluated
    once, with element 0 (do NOT evaluate x again for the other elements)."""

    pos: Pos
    type: Type
    x: Expr
    index: int


@dataclass(frozen=True, slots=True)
class Recv:
    """`<-x` of a channel x (bidirectional or receive-only); type is the element type, or
    Tuple((elem, bool)) with commaok (`v, ok := <-x`: ok is false once x is closed and
    drained)."""

    pos: Pos
    type: Type
    x: Expr
    commaok: bool = False


Expr = (
    ConstExpr | NilExpr | VarRef | FuncRef | Blank | Unary | Binary | Call | MethodCall
    | IfaceCall | BuiltinCall | Convert | Index | MapIndex | SliceExpr | FieldSel | Deref
    | AddrOf | CompositeLit | FuncLit | TypeAssert | MethodValue | IfaceMethodValue
    | TupleElem | Recv
)

# ---------------------------------------------------------------------------------------
# Statements


@dataclass(frozen=True, slots=True)
class ExprStmt:
    pos: Pos
    x: Expr


@dataclass(frozen=True, slots=True)
class VarDecl:
    """`var a, b T = x, y` and `a, b := x, y` when every name is new.

    No values means zero values; a single Tuple-typed value initialises several vars.
    A `:=` that redeclares some names becomes a value-less VarDecl of the new ones
    followed by an `Assign` to all of them."""

    pos: Pos
    vars: tuple[Var, ...]
    values: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Assign:
    """lhs = rhs, element-wise, or several targets from one Tuple-typed rhs; `oppos` is
    the `=` (`:=`) of a written assignment, None for one the checker made up."""

    pos: Pos
    lhs: tuple[Expr, ...]
    rhs: tuple[Expr, ...]
    oppos: Pos | None = None


@dataclass(frozen=True, slots=True)
class OpAssign:
    """x op= y (and x++ / x-- with y = 1); x is evaluated once."""

    pos: Pos
    op: str
    lhs: Expr
    rhs: Expr


@dataclass(frozen=True, slots=True)
class Block:
    pos: Pos
    stmts: tuple[Stmt, ...]


@dataclass(frozen=True, slots=True)
class If:
    pos: Pos
    init: Stmt | None
    cond: Expr
    then: Block
    els: Block | If | None


@dataclass(frozen=True, slots=True)
class For:
    pos: Pos
    init: Stmt | None
    cond: Expr | None
    post: Stmt | None
    body: Block
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Range:
    """for key, value := range x (define) or = (assign to key/value expressions).

    x is a slice, array, pointer to array, string (value is a rune), map or channel;
    key/value are None when omitted or blank. Over a channel, `key` receives each value
    until the channel is closed and value is always None.
    With define, `vars` holds the fresh per-loop variables (Go 1.19: one per loop).
    """

    pos: Pos
    key: Expr | None
    value: Expr | None
    x: Expr
    body: Block
    define: bool
    vars: tuple[Var, ...] = ()
    label: str | None = None


@dataclass(frozen=True, slots=True)
class CaseClause:
    """`case e1, e2:` (exprs empty = `default:`); `fallthrough` ends the body if set."""

    pos: Pos
    exprs: tuple[Expr, ...]
    body: tuple[Stmt, ...]
    fallthrough: bool = False
    default: bool = False


@dataclass(frozen=True, slots=True)
class Switch:
    """An expression switch; with no tag each case expr is a boolean condition. With a
    tag, each case expr is already converted to be comparable with the tag, except an
    interface-typed case of a concrete tag (the tag's type implements it): walk converts
    the tag to that interface for the comparison."""

    pos: Pos
    init: Stmt | None
    tag: Expr | None
    clauses: tuple[CaseClause, ...]
    label: str | None = None


@dataclass(frozen=True, slots=True)
class TypeClause:
    """`case T1, T2:` of a type switch; None in `types` is the `nil` case. `var` is the
    clause's own symbol (typed T for a single-type case, else the switched interface
    type), or None when the switch binds no name or the clause does not use it."""

    pos: Pos
    types: tuple[Type | None, ...]
    var: Var | None
    body: tuple[Stmt, ...]
    default: bool = False


@dataclass(frozen=True, slots=True)
class TypeSwitch:
    pos: Pos
    init: Stmt | None
    x: Expr
    clauses: tuple[TypeClause, ...]
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Return:
    """return; results empty with named results returns their current values."""

    pos: Pos
    results: tuple[Expr, ...]


class BranchKind(enum.Enum):
    BREAK = "break"
    CONTINUE = "continue"
    GOTO = "goto"
    FALLTHROUGH = "fallthrough"


@dataclass(frozen=True, slots=True)
class Branch:
    pos: Pos
    kind: BranchKind
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Labeled:
    pos: Pos
    label: str
    stmt: Stmt


@dataclass(frozen=True, slots=True)
class Defer:
    """defer call; call is a Call, MethodCall, IfaceCall or BuiltinCall."""

    pos: Pos
    call: Expr


@dataclass(frozen=True, slots=True)
class Go:
    """go call; call is a Call, MethodCall, IfaceCall or BuiltinCall whose function
    value and arguments are evaluated here, the call itself on a new goroutine."""

    pos: Pos
    call: Expr


@dataclass(frozen=True, slots=True)
class Send:
    """ch <- value; value already has ch's element type."""

    pos: Pos
    chan: Expr
    value: Expr


@dataclass(frozen=True, slots=True)
class CommClause:
    """One case of a select. `comm` is None for `default:`, a Send, or a receive: an
    ExprStmt, VarDecl or Assign whose only value is one Recv, possibly under TupleElem
    and an implicit Convert (`case i = <-c:` with i an interface), or a Block of a
    VarDecl without values and such an Assign (`case _, ok := <-c:`). The select runs
    the comm's channel operation; on a receive it stores into the comm's targets."""

    pos: Pos
    comm: Send | ExprStmt | VarDecl | Assign | Block | None
    body: tuple[Stmt, ...]


@dataclass(frozen=True, slots=True)
class Select:
    """select { clauses }; every channel and sent value of the cases is evaluated once,
    in source order, before the select chooses a case."""

    pos: Pos
    clauses: tuple[CommClause, ...]
    label: str | None = None


Stmt = (
    ExprStmt | VarDecl | Assign | OpAssign | Block | If | For | Range | Switch | TypeSwitch
    | Return | Branch | Labeled | Defer | Go | Send | Select
)

# ---------------------------------------------------------------------------------------
# Declarations


@dataclass(frozen=True, slots=True)
class FuncDecl:
    """A function, method or closure body.

    `name` is the symbol-level name: `f`, `T.M`, `(*T).M`, or `f.func1` for closures
    (gc's numbering). `recv` is the receiver variable for methods. `captures` lists the
    enclosing function's variables a closure refers to (empty for non-closures).
    `body` is None for bodyless (runtime-implemented) declarations.
    """

    pos: Pos
    name: str
    func: Func | None
    sig: Signature
    recv: Var | None
    params: tuple[Var, ...]
    results: tuple[Var, ...]
    body: Block | None
    captures: tuple[Var, ...] = ()
    noinline: bool = False
    end: Pos | None = None
    """The body's closing brace (gc's position of the return falling off the end)."""


@dataclass(frozen=True, slots=True)
class Package:
    """One checked package.

    `inits` is package-level variable initialisation in Go's dependency order (walk
    makes it the function `PATH.init`); `init_funcs` are the package's `func init()`s,
    `PATH.init.0`, `PATH.init.1`, ... in source order; `named` lists every defined type
    (for type descriptors and method tables) in declaration order; `imports` the paths
    of the packages it imports, in the order gc's importer first reads them (source
    order, each once, without unsafe): the dependencies of its init task.
    """

    path: str
    name: str
    files: tuple[str, ...]
    globals: tuple[Var, ...]
    funcs: tuple[FuncDecl, ...]
    inits: tuple[Stmt, ...]
    named: tuple[object, ...]
    init_funcs: tuple[Func, ...] = ()
    imports: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Program:
    """All packages of a build, dependencies first; the last one is `main` (or the test
    main package)."""

    packages: tuple[Package, ...]


# ---------------------------------------------------------------------------------------
# Walking

REPORT_FIELDS = frozenset({"lparen", "lbrace", "lbrack", "oppos", "dot", "colon",
                           "spelling"})
"""Node fields kept only for gc's report positions and spellings (see the docstring)."""

SKIP_FIELDS = frozenset({"pos", "type", "target", "var", "vars", "func", "method", "sig",
                         "types"}) | REPORT_FIELDS
"""Node fields that hold no subtrees to walk (positions, types, resolved objects)."""

# How walk_nodes treats a value, by its class (filled in lazily by _walk_kind): None
# for values that are not tree nodes (skipped), _SEQ for tuples and lists (their items
# are walked), else the node's child fields that are walked — a field name when there
# is one, a getter of the children in reverse (stack) order when there are several, ()
# when there are none (and for FuncLit, whose body is not entered).
_SEQ = "<seq>"
_WalkKind = str | Callable[[object], tuple[object, ...]] | tuple[()] | None
_WALK_KINDS: dict[type, _WalkKind] = {tuple: _SEQ, list: _SEQ}


def _walk_kind(cls: type) -> _WalkKind:
    kind: _WalkKind
    slots = getattr(cls, "__slots__", None)
    if issubclass(cls, tuple | list):
        kind = _SEQ
    elif slots is None or issubclass(cls, Var | Func | Named) or not hasattr(
            cls, "__dataclass_fields__"):
        kind = None
    elif issubclass(cls, FuncLit):
        kind = ()
    else:
        names = [s for s in slots if s not in SKIP_FIELDS]
        if not names:
            kind = ()
        elif len(names) == 1:
            kind = names[0]
        else:
            kind = attrgetter(*reversed(names))
    _WALK_KINDS[cls] = kind
    return kind


def walk_nodes(n: object) -> Iterator[object]:
    """Every tree node under n (n included) in source order, not entering closures'
    bodies (FuncLit is yielded, its body is not); types, variables and functions are
    leaves that are not yielded."""
    stack = [n]
    pop = stack.pop
    push = stack.append
    extend = stack.extend
    kinds = _WALK_KINDS
    while stack:
        x = pop()
        cls = type(x)
        kind = kinds[cls] if cls in kinds else _walk_kind(cls)
        if kind is None:
            continue
        if kind is _SEQ:
            extend(reversed(x))  # type: ignore[call-overload]
            continue
        yield x
        if type(kind) is str:
            push(getattr(x, kind))
        elif kind:
            extend(kind(x))  # type: ignore[operator]


def capture_order(body: Block, caps: Sequence[Var]) -> tuple[Var, ...]:
    """caps in the order gc's noder captures them (a closure's ClosureVars, which lay
    out its context and its directly called form's parameters): by first use in body,
    closures' bodies entered, an assignment's right side before its left ("eval rhs
    before lhs, for compatibility with noder1"). So `x = b` captures b, then x."""
    want = {id(v) for v in caps}
    if len(want) < 2:
        return tuple(caps)
    out: list[Var] = []
    seen: set[int] = set()
    stack: list[object] = [body]
    kinds = _WALK_KINDS
    while stack:
        x = stack.pop()
        cls = type(x)
        if cls is VarRef:
            v = x.var  # type: ignore[attr-defined]
            if id(v) in want and id(v) not in seen:
                seen.add(id(v))
                out.append(v)
            continue
        if cls is Assign or cls is OpAssign:
            stack.extend((x.lhs, x.rhs))  # type: ignore[attr-defined]
            continue
        if cls is FuncLit:
            stack.append(x.decl.body)  # type: ignore[attr-defined]
            continue
        kind = kinds[cls] if cls in kinds else _walk_kind(cls)
        if kind is None:
            continue
        if kind is _SEQ:
            stack.extend(reversed(x))  # type: ignore[call-overload]
        elif type(kind) is str:
            stack.append(getattr(x, kind))
        elif kind:
            stack.extend(kind(x))  # type: ignore[operator]
    out.extend(v for v in caps if id(v) not in seen)
    return tuple(out)
