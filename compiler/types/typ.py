"""Go types, objects and layout, as every phase after the parser sees them.

Types are values: two structurally identical types compare equal (`Slice(INT) ==
Slice(INT)`), except `Named`, whose identity is the object itself, as in Go:

    type T struct{ x int }      Named("T", pkg="main") with underlying Struct((Field("x", INT),))
    []T                         Slice(Named T)
    interface{ M() }            Interface((IMethod("M", Signature((), ())),))

Layout follows gc on amd64: int and pointers are 8 bytes; a string is {ptr, len}; a slice
{ptr, len, cap}; an interface {type-or-itab, data}; structs are laid out in field order
with natural alignment and padded to their alignment (a trailing zero-size field gets one
byte of padding, as in gc).

Objects (`Var`, `Func`, `Const`, `TypeName`) are identities: two distinct variables named
`x` are different keys. Do NOT store phase results on them (escape, liveness); phases
keep side tables keyed by the object.

Types are written by one printer, `type_string(t, qualifier, ...)`, whose presets give
the spellings in use: gc's (the default; `link=True` for symbols), types2's in the
checker's messages (`message_string`), reflect's in type descriptors (`reflect_string`)
and gc's -m reports' (`m_string`).

This module is long because every phase after the checker imports it and nothing of the
checker: the types and objects, their layout, field and method selection, and spelling.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from compiler.diag import Pos
from compiler.types import ptrwords

PTRSIZE = 8


class Kind(enum.Enum):
    """The kinds of predeclared (and untyped constant) types."""

    __hash__ = object.__hash__
    """Identity, as equality is: Enum's own hashes the member's name in Python code, and
    the passes hash kinds (sets, dict keys) hundreds of thousands of times a compile.
    Nothing may depend on the order of a set of them either way (string hashes vary
    from process to process too)."""

    BOOL = "bool"
    INT = "int"
    INT8 = "int8"
    INT16 = "int16"
    INT32 = "int32"
    INT64 = "int64"
    UINT = "uint"
    UINT8 = "uint8"
    UINT16 = "uint16"
    UINT32 = "uint32"
    UINT64 = "uint64"
    UINTPTR = "uintptr"
    FLOAT32 = "float32"
    FLOAT64 = "float64"
    COMPLEX64 = "complex64"
    COMPLEX128 = "complex128"
    STRING = "string"
    UNSAFE_POINTER = "unsafe.Pointer"
    UNTYPED_BOOL = "untyped bool"
    UNTYPED_INT = "untyped int"
    UNTYPED_RUNE = "untyped rune"
    UNTYPED_FLOAT = "untyped float"
    UNTYPED_COMPLEX = "untyped complex"
    UNTYPED_STRING = "untyped string"
    UNTYPED_NIL = "untyped nil"


@dataclass(frozen=True, slots=True)
class Basic:
    """A predeclared type; `name` is how Go spells it (`byte` and `rune` are aliases)."""

    kind: Kind
    name: str


@dataclass(frozen=True, slots=True)
class Pointer:
    elem: Type


@dataclass(frozen=True, slots=True)
class Slice:
    elem: Type


@dataclass(frozen=True, slots=True)
class Array:
    length: int
    elem: Type


@dataclass(frozen=True, slots=True)
class Map:
    key: Type
    elem: Type


class ChanDir(enum.Enum):
    """A channel's direction; the values are reflect.ChanDir's (and gc's descriptors')."""

    RECV = 1
    SEND = 2
    BOTH = 3


@dataclass(frozen=True, slots=True)
class Chan:
    """`chan T`, `chan<- T` (SEND) or `<-chan T` (RECV); a value is a pointer to the
    runtime's hchan."""

    elem: Type
    dir: ChanDir = ChanDir.BOTH


def exported(name: str) -> bool:
    """Whether name is exported (Go's IsExported: its first letter is upper case)."""
    return name[:1].isupper()


@dataclass(frozen=True, slots=True)
class QName:
    """A field or method name as identity sees it: a non-exported name carries the path
    of the package that declares it, an exported one "" (`QName("m", "a")` and
    `QName("m", "b")` differ, `QName("M")` is everyone's). Make one with `qname`."""

    name: str
    pkg: str = ""

    def runtime(self) -> str:
        """The name as method tables key it: `m`, or `m a/b` for a non-exported name (a
        method key is this plus the signature: `m a/b() int`)."""
        return f"{self.name} {self.pkg}" if self.pkg else self.name

    def link(self) -> str:
        """The name in gc's linker spelling of types: `M`, or `a/b.m`."""
        return f"{self.pkg}.{self.name}" if self.pkg else self.name


def qname(name: str, pkg: str) -> QName:
    """name as package pkg (a path) declares or refers to it."""
    return QName(name) if exported(name) else QName(name, pkg)


def name_order(q: QName) -> tuple[bool, str, int, str]:
    """The sort key of methods, method tables and itab slots: gc's order
    (types.Sym.Less): exported names first, then by name, then a non-exported name's
    package by height in the import graph (`package_height`) and by path. So two
    packages' `m` are ordered leaf first: `interface { z.m(); a.m() }` when a imports z."""
    return (bool(q.pkg), q.name, package_height(q.pkg) if q.pkg else 0, q.pkg)


@dataclass(frozen=True, slots=True)
class Field:
    """A struct field; an embedded field's name is its type's name. `tag` is the tag's
    value (unquoted); it takes part in type identity, as in Go (conversions ignore it:
    canon(t, tags=False)). `pos` is where the field is declared (its name, or an
    embedded field's type), for messages; it does NOT take part in identity. `pkg` is
    the declaring package's path for a non-exported name (`_` and `int` included; ""
    for an exported one): two packages' `struct{ x int }` are different types."""

    name: str
    type: Type
    embedded: bool = False
    tag: str = ""
    pos: Pos | None = field(default=None, compare=False)
    pkg: str = ""

    @property
    def qname(self) -> QName:
        return QName(self.name, self.pkg)


@dataclass(frozen=True, slots=True)
class Struct:
    fields: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class Signature:
    """A function type; when variadic, the last param is the `[]T` slice type. `names`
    are the parameters' then the results' names as declared ("" in an unnamed list), or
    () when none is named: types2's messages print them (`func(x int) bool`); they are
    not part of the type."""

    params: tuple[Type, ...]
    results: tuple[Type, ...]
    variadic: bool = False
    names: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class IMethod:
    """An interface method; `pkg` is the declaring package's path for an unexported
    name ("" for an exported one): unexported names of two packages differ."""

    name: str
    sig: Signature
    pkg: str = ""

    @property
    def qname(self) -> QName:
        return QName(self.name, self.pkg)


@dataclass(frozen=True, slots=True)
class Term:
    """One term of a constraint's type set: `T` or (tilde) `~T`."""

    tilde: bool
    type: Type


@dataclass(frozen=True, slots=True)
class Interface:
    """An interface; `methods` is the full method set (embedded ones flattened), sorted
    by `name_order` (the order of its itabs' slots).

    A constraint interface also restricts its type set: `terms` (None: all types) is the
    union its type elements leave (`~int | string`; an embedded constraint's terms
    intersected in), `comparable` requires strictly comparable types. Only constraints
    have them (a value of such an interface type is an error)."""

    methods: tuple[IMethod, ...]
    terms: tuple[Term, ...] | None = None
    comparable: bool = False


@dataclass(frozen=True, slots=True)
class Tuple:
    """The type of a multi-value expression (a call with several results, comma-ok forms)."""

    types: tuple[Type, ...]


class Named:
    """A defined type. Identity is the object; `underlying` is set once by the checker.

    `methods` lists the declared methods (value and pointer receivers) in source order;
    valid once the package has been checked. `local` is 0 for a package-level type and
    N for the package's N-th function-local type (source order): its linker name is
    gc's `T·N` (`type_string(t, link=True)`), while Go spells it `main.T` at run time.

    An instance of a generic type has its type arguments in `targs` (printed after the
    name: `main.List[int]`) and its generic declaration in `origin` (the checker's
    generic.GenericType); every distinct argument list is one Named.

    A type parameter as a generic body's check sees it is a Named with `tparam` set
    (the TypeParam) and `bound` its constraint as messages write it (`T constrained by
    any`); its underlying type and methods stand for its type set's (generic.py).
    """

    __slots__ = ("name", "pkg", "pos", "underlying", "methods", "local", "targs", "origin",
                 "tparam", "bound", "notinheap")

    def __init__(self, name: str, pkg: str, pos: Pos, underlying: Type | None = None,
                 local: int = 0) -> None:
        self.name = name
        self.pkg = pkg
        self.pos = pos
        self.underlying: Type | None = underlying
        self.methods: list[Func] = []
        self.local = local
        self.targs: tuple[Type, ...] = ()
        self.origin: object = None
        self.tparam: TypeParam | None = None
        self.bound = ""
        self.notinheap = False
        """Declared //go:notinheap (not_in_heap also follows its representation)."""

    def __repr__(self) -> str:
        return f"Named({self.pkg}.{self.name})"


class TypeParam:
    """A type parameter of a generic function or type, as its generic signature (used for
    inference; a body's generic check binds a stand-in Named instead) sees it. Identity is the
    object; `constraint` is its (underlying) constraint interface; `uid` tells apart
    parameters of one name in instance keys."""

    __slots__ = ("name", "index", "constraint", "pos", "uid")

    def __init__(self, name: str, index: int, pos: Pos, uid: int) -> None:
        self.name = name
        self.index = index
        self.pos = pos
        self.uid = uid
        self.constraint: Interface = Interface(())

    def __repr__(self) -> str:
        return f"TypeParam({self.name})"


Type = (
    Basic | Pointer | Slice | Array | Map | Chan | Struct | Signature | Interface | Tuple
    | Named | TypeParam
)


def _b(kind: Kind, name: str | None = None) -> Basic:
    return Basic(kind, name or kind.value)


BOOL = _b(Kind.BOOL)
INT = _b(Kind.INT)
INT8 = _b(Kind.INT8)
INT16 = _b(Kind.INT16)
INT32 = _b(Kind.INT32)
INT64 = _b(Kind.INT64)
UINT = _b(Kind.UINT)
UINT8 = _b(Kind.UINT8)
UINT16 = _b(Kind.UINT16)
UINT32 = _b(Kind.UINT32)
UINT64 = _b(Kind.UINT64)
UINTPTR = _b(Kind.UINTPTR)
FLOAT32 = _b(Kind.FLOAT32)
FLOAT64 = _b(Kind.FLOAT64)
COMPLEX64 = _b(Kind.COMPLEX64)
COMPLEX128 = _b(Kind.COMPLEX128)
STRING = _b(Kind.STRING)
UNSAFE_POINTER = _b(Kind.UNSAFE_POINTER)
BYTE = _b(Kind.UINT8, "byte")
RUNE = _b(Kind.INT32, "rune")
UNTYPED_BOOL = _b(Kind.UNTYPED_BOOL)
UNTYPED_INT = _b(Kind.UNTYPED_INT)
UNTYPED_RUNE = _b(Kind.UNTYPED_RUNE)
UNTYPED_FLOAT = _b(Kind.UNTYPED_FLOAT)
UNTYPED_COMPLEX = _b(Kind.UNTYPED_COMPLEX)
UNTYPED_STRING = _b(Kind.UNTYPED_STRING)
UNTYPED_NIL = _b(Kind.UNTYPED_NIL)
EMPTY_INTERFACE = Interface(())
ANY = Interface(())
"""The universe's `any`: identical to EMPTY_INTERFACE but a distinct object, so that the
checker's messages write `any` where the source did (types2's universeAny)."""

INTEGER_KINDS = frozenset({
    Kind.INT, Kind.INT8, Kind.INT16, Kind.INT32, Kind.INT64,
    Kind.UINT, Kind.UINT8, Kind.UINT16, Kind.UINT32, Kind.UINT64, Kind.UINTPTR,
})
UNSIGNED_KINDS = frozenset({
    Kind.UINT, Kind.UINT8, Kind.UINT16, Kind.UINT32, Kind.UINT64, Kind.UINTPTR,
})
SIGNED_KINDS = INTEGER_KINDS - UNSIGNED_KINDS
FLOAT_KINDS = frozenset({Kind.FLOAT32, Kind.FLOAT64})
COMPLEX_KINDS = frozenset({Kind.COMPLEX64, Kind.COMPLEX128})
UNTYPED_KINDS = frozenset({
    Kind.UNTYPED_BOOL, Kind.UNTYPED_INT, Kind.UNTYPED_RUNE, Kind.UNTYPED_FLOAT,
    Kind.UNTYPED_COMPLEX, Kind.UNTYPED_STRING, Kind.UNTYPED_NIL,
})

_BASIC_SIZE = {
    Kind.BOOL: 1, Kind.INT: 8, Kind.INT8: 1, Kind.INT16: 2, Kind.INT32: 4, Kind.INT64: 8,
    Kind.UINT: 8, Kind.UINT8: 1, Kind.UINT16: 2, Kind.UINT32: 4, Kind.UINT64: 8,
    Kind.UINTPTR: 8, Kind.FLOAT32: 4, Kind.FLOAT64: 8, Kind.COMPLEX64: 8,
    Kind.COMPLEX128: 16, Kind.STRING: 16, Kind.UNSAFE_POINTER: 8,
}


# ---------------------------------------------------------------------------------------
# Objects


class VarKind(enum.Enum):
    GLOBAL = "global"
    LOCAL = "local"
    PARAM = "param"
    RESULT = "result"


@dataclass(frozen=True, slots=True, eq=False)
class Var:
    """A variable. `name` is "" for an unnamed parameter/result and "_" for blank.

    `uid` is unique within a compile (the checker numbers variables in creation order) and
    is what back ends use to tell same-named variables apart.
    """

    name: str
    type: Type
    pos: Pos
    kind: VarKind
    pkg: str
    uid: int


@dataclass(frozen=True, slots=True, eq=False)
class Func:
    """A declared function or method (not a closure).

    `recv` is the receiver type for methods (`T` or `*T`, T a Named), else None.
    `pragmas` holds the `//go:` directives written before the declaration
    (e.g. "noinline"). `external` marks a bodyless declaration implemented by the runtime.
    """

    name: str
    pkg: str
    sig: Signature
    pos: Pos
    recv: Type | None = None
    pragmas: frozenset[str] = frozenset()
    external: bool = False

    @property
    def qname(self) -> QName:
        return qname(self.name, self.pkg)

    @property
    def symbol(self) -> str:
        """The linker name, gc-style: `main.f`, `main.T.M`, `main.(*T).M`."""
        if self.recv is None:
            return f"{self.pkg}.{self.name}"
        base = self.recv.elem if isinstance(self.recv, Pointer) else self.recv
        # Only a method expression wrapper has an unnamed base: `go.struct { main.T }.M`.
        pkg, tn = ((self.pkg, named_name(base)) if isinstance(base, Named)
                   else ("go", type_string(base)))
        if isinstance(self.recv, Pointer):
            return f"{pkg}.(*{tn}).{self.name}"
        return f"{pkg}.{tn}.{self.name}"


ConstValue = bool | int | float | complex | bytes


@dataclass(frozen=True, slots=True, eq=False)
class Const:
    """A declared constant; `value` is exact for its (possibly untyped) type.

    Strings are `bytes` (Go strings are byte sequences); untyped float constants may be
    `fractions.Fraction` inside the checker but are rounded to float in the typed tree.
    """

    name: str
    type: Type
    value: object
    pos: Pos


@dataclass(frozen=True, slots=True, eq=False)
class TypeName:
    """A type's name in a scope; tparam marks a type parameter's name bound to its
    argument in an instance body (conversions to it are never constant)."""

    name: str
    type: Type
    pos: Pos
    tparam: bool = False


# ---------------------------------------------------------------------------------------
# Predicates and layout


def named_name(t: Named) -> str:
    """t's name with its type arguments in linker spelling (`List[int]`), unqualified:
    what method symbols and function names put after the package."""
    if not t.targs:
        return t.name
    return t.name + "[" + ",".join(type_string(a, link=True) for a in t.targs) + "]"


def under(t: Type) -> Type:
    """The underlying type of t (t itself unless Named)."""
    while isinstance(t, Named):
        assert t.underlying is not None, f"underlying of {t} not set"
        t = t.underlying
    return t


def is_interface(t: Type) -> bool:
    return isinstance(under(t), Interface)


def is_empty_interface(t: Type) -> bool:
    u = under(t)
    return isinstance(u, Interface) and not u.methods


def basic_kind(t: Type) -> Kind | None:
    """The Kind of t's underlying type, or None if it is not a Basic."""
    u = under(t)
    return u.kind if isinstance(u, Basic) else None


def is_integer(t: Type) -> bool:
    k = basic_kind(t)
    return k in INTEGER_KINDS or k in (Kind.UNTYPED_INT, Kind.UNTYPED_RUNE)


def is_unsigned(t: Type) -> bool:
    return basic_kind(t) in UNSIGNED_KINDS


def is_signed(t: Type) -> bool:
    """Whether t is a typed signed integer type (int, int8, ..., int64)."""
    return basic_kind(t) in SIGNED_KINDS


def is_float(t: Type) -> bool:
    k = basic_kind(t)
    return k in FLOAT_KINDS or k is Kind.UNTYPED_FLOAT


def is_complex(t: Type) -> bool:
    k = basic_kind(t)
    return k in COMPLEX_KINDS or k is Kind.UNTYPED_COMPLEX


def is_string(t: Type) -> bool:
    return basic_kind(t) in (Kind.STRING, Kind.UNTYPED_STRING)


def is_boolean(t: Type) -> bool:
    return basic_kind(t) in (Kind.BOOL, Kind.UNTYPED_BOOL)


def is_untyped(t: Type) -> bool:
    return basic_kind(t) in UNTYPED_KINDS


def size_of(t: Type) -> int:
    """The size in bytes of a value of type t on amd64."""
    u = under(t)
    if type(u) is Basic:  # the common cases first, without match's class tests
        return _BASIC_SIZE[u.kind]
    n = _FIXED_SIZE.get(type(u))
    if n is not None:
        return n
    match u:
        case Basic(kind=k):
            return _BASIC_SIZE[k]
        case Pointer() | Map() | Chan() | Signature():
            return PTRSIZE
        case Slice():
            return 3 * PTRSIZE
        case Interface():
            return 2 * PTRSIZE
        case Array(length=n, elem=e):
            return n * size_of(e)
        case Struct():
            return struct_layout(u)[1]
        case Tuple(types=ts):
            return sum(size_of(x) for x in ts)
    raise TypeError(f"size_of({u!r})")


def align_of(t: Type) -> int:
    """The alignment in bytes of type t on amd64 (complex128 aligns to 8, as in gc)."""
    u = under(t)
    if type(u) is Basic:
        return _BASIC_ALIGN[u.kind]
    match u:
        case Basic(kind=k):
            if k in (Kind.COMPLEX64,):
                return 4
            return min(_BASIC_SIZE[k], PTRSIZE)
        case Array(elem=e):
            return align_of(e)
        case Struct(fields=fs):
            return max((align_of(f.type) for f in fs), default=1)
        case _:
            return PTRSIZE


_FIXED_SIZE: dict[type, int] = {Pointer: PTRSIZE, Map: PTRSIZE, Chan: PTRSIZE,
                                Signature: PTRSIZE, Slice: 3 * PTRSIZE,
                                Interface: 2 * PTRSIZE}
"""size_of of the types whose size does not depend on their elements."""
_BASIC_ALIGN = {k: 4 if k is Kind.COMPLEX64 else min(n, PTRSIZE)
                for k, n in _BASIC_SIZE.items()}
"""align_of of each basic kind."""


def struct_layout(s: Struct) -> tuple[tuple[int, ...], int]:
    """The field offsets of s and its total size (gc's rules, incl. trailing zero-size pad)."""
    off = 0
    offsets: list[int] = []
    for f in s.fields:
        a = align_of(f.type)
        off = (off + a - 1) // a * a
        offsets.append(off)
        off += size_of(f.type)
    if s.fields and off > 0 and size_of(s.fields[-1].type) == 0:
        off += 1
    a = align_of(s)
    return tuple(offsets), (off + a - 1) // a * a


def pointer_words(t: Type) -> Sequence[int]:
    """The byte offsets (multiples of 8, ascending) of the words of t that may hold a
    pointer: a tuple, or for large types a `ptrwords.Words` of the same length whatever
    the arrays' lengths."""
    u = under(t)
    match u:
        case Basic(kind=Kind.STRING) | Basic(kind=Kind.UNSAFE_POINTER):
            return (0,)
        case Basic():
            return ()
        case Pointer() | Map() | Chan() | Signature() | Slice():
            return (0,)
        case Interface():
            return (0, PTRSIZE)
        case Array(length=n, elem=e):
            return ptrwords.repeat(pointer_words(e), size_of(e), n)
        case Struct(fields=fs):
            offs, _ = struct_layout(u)
            return ptrwords.concat([(o, pointer_words(f.type))
                                    for o, f in zip(offs, fs, strict=True)])
        case Tuple(types=ts):
            parts = []
            base = 0
            for x in ts:
                parts.append((base, pointer_words(x)))
                base += size_of(x)
            return ptrwords.concat(parts)
    raise TypeError(f"pointer_words({u!r})")


def has_pointers(t: Type) -> bool:
    """Whether t has a pointer word, found without enumerating an array's elements."""
    u = under(t)
    match u:
        case Array(length=n, elem=e):
            return n > 0 and has_pointers(e)
        case Struct(fields=fs):
            return any(has_pointers(f.type) for f in fs)
        case Tuple(types=ts):
            return any(has_pointers(x) for x in ts)
    return bool(pointer_words(u))


def not_in_heap(t: Type) -> bool:
    """gc's NotInHeap: a //go:notinheap type, or an array or struct holding one."""
    while True:
        if isinstance(t, Named):
            if t.notinheap:
                return True
            if t.underlying is None or t.tparam is not None:
                return False
            t = t.underlying
        match t:
            case Array(elem=e):
                t = e
            case Struct(fields=fs):
                return any(not_in_heap(f.type) for f in fs)
            case _:
                return False


def is_direct_iface(t: Type) -> bool:
    """Whether a value of t is stored directly in an interface's data word (pointer-shaped).

    True for pointers, maps, chans, funcs, unsafe.Pointer, and one-element arrays /
    one-field structs of those (gc's isdirectiface).
    """
    u = under(t)
    match u:
        case Pointer() | Map() | Chan() | Signature() | Basic(kind=Kind.UNSAFE_POINTER):
            return True
        case Array(length=1, elem=e):
            return is_direct_iface(e)
        case Struct(fields=(f,)):
            return is_direct_iface(f.type)
    return False


# ---------------------------------------------------------------------------------------
# Spelling types


Qualifier = Callable[[str], str]
"""How a named type's package is written: import path → the prefix before the type's
name, "" for none (types2's Qualifier, keyed by path). Never called for the universe's
names (`error`), which are always bare."""


def by_path(path: str) -> str:
    """Qualify by import path, `encoding/binary.ByteOrder`: gc's symbols and runtime text."""
    return path


_PACKAGE_NAMES: dict[str, str] = {}
"""The package clause's name of each package of the program being compiled, by path
(`package p` in test/embed0): the checker records them (check_program starts afresh)."""


def declare_package(path: str, name: str) -> None:
    """Record that the package at path is named name (its package clause)."""
    _PACKAGE_NAMES[path] = name


_PACKAGE_HEIGHTS: dict[str, int] = {}
"""The height of each package of the program in its import graph, by path, as gc's
types2 computes it: 0 for a package importing nothing (unsafe aside), else one more
than its highest import's. The checker records them (check_program starts afresh)."""


def declare_height(path: str, height: int) -> None:
    """Record the height of the package at path (`_PACKAGE_HEIGHTS`)."""
    _PACKAGE_HEIGHTS[path] = height


def package_height(path: str) -> int:
    """The recorded height of the package at path, 0 if none is."""
    return _PACKAGE_HEIGHTS.get(path, 0)


def forget_packages() -> None:
    """Forget the recorded package names and heights (a new program is checked)."""
    _PACKAGE_NAMES.clear()
    _PACKAGE_HEIGHTS.clear()


def package_name(path: str) -> str:
    """The name of the package at path: its package clause's as recorded, else the
    path's last element."""
    return _PACKAGE_NAMES.get(path) or path.rsplit("/", 1)[-1]


def by_name(path: str) -> str:
    """Qualify by package name, `binary.ByteOrder` (`p.I1` for test/embed0 declaring
    `package p`): reflect."""
    return package_name(path)


def relative_to(pkg: str) -> Qualifier:
    """Names of package pkg bare, others by path: gc's -m."""
    def qualifier(path: str) -> str:
        return "" if path == pkg else path
    return qualifier


def types2_qualifier(pkg: str) -> Qualifier:
    """Names of package pkg bare, others by package name (`package_name`: `rand.Rand`
    for math/rand), or by quoted path when two other packages have that name
    (`"test/a1".X`): types2's messages."""
    def qualifier(path: str) -> str:
        if path == pkg:
            return ""
        name = package_name(path)
        if sum(n == name for p, n in _PACKAGE_NAMES.items() if p != pkg) > 1:
            return f'"{path}"'
        return name
    return qualifier


def type_string(t: Type, qualifier: Qualifier = by_path, *, link: bool = False,
                aliases: bool = True, compact: bool = False,
                sig_qualifier: Qualifier | None = None, imethods: bool = False) -> str:
    """t written as Go does; the defaults give gc's spelling (`*main.T`, `[]byte`,
    `map[string]int`, `func(int, ...string) (bool, error)`, `interface {}`,
    `struct { x int; main.E }`), as the runtime prints it and symbols use it.

    qualifier writes each named type's package. link=True appends gc's linker suffix to
    function-local named types (`main.T·2`): for symbol names only, never for text a
    program prints. aliases=False writes byte and rune as uint8 and int32. compact=True
    writes types2's `interface{M()}` and `struct{x int}` (gc puts spaces inside the
    braces). sig_qualifier, if given, replaces qualifier inside func types and interface
    method signatures. imethods=True qualifies an interface's non-exported method names
    by their package as qualifier writes it (gc's reflect strings).

    The presets below name the four spellings in use:

        T := Named("T", "encoding/binary"); t := map[byte]func(*T) interface{}
        type_string(t)                     map[byte]func(*encoding/binary.T) interface {}
        message_string(t, "main")          map[byte]func(*encoding/binary.T) interface{}
        reflect_string(t)                  map[uint8]func(*binary.T) interface {}
        m_string(t, "encoding/binary")     map[byte]func(*encoding/binary.T) interface {}
    """
    empty = "interface{}" if compact else "interface {}"
    return _Printer(qualifier, sig_qualifier or qualifier, link, aliases, compact,
                    empty, imethods).type(t)


def signature_string(sig: Signature, qualifier: Qualifier = by_path, *, link: bool = False,
                     aliases: bool = True, compact: bool = False) -> str:
    """sig's parameter and result lists as type_string writes them after `func`:
    `(int, ...string) (bool, error)`."""
    empty = "interface{}" if compact else "interface {}"
    return _Printer(qualifier, qualifier, link, aliases, compact, empty).sig(sig)


def message_string(t: Type, pkg: str) -> str:
    """t as the type checker's messages write it (types2): pkg's names bare, others by
    package name, `interface{M()}`, `struct{x int "tag"}`."""
    return type_string(t, types2_qualifier(pkg), compact=True)


def message_signature(sig: Signature, pkg: str) -> str:
    """sig's lists as message_string writes them (`have M(int) string`)."""
    return signature_string(sig, types2_qualifier(pkg), compact=True)


def reflect_string(t: Type) -> str:
    """t as reflect.Type.String() and type descriptors' name field write it: qualified by
    package name, byte and rune as uint8 and int32 (`map[uint8]*binary.T`), an interface's
    non-exported methods too (`interface { M(); main.m() }`), as gc's."""
    return type_string(t, by_name, aliases=False, imethods=True)


def m_string(t: Type, pkg: str) -> str:
    """t as gc's -m and -live reports write it: pkg's names bare, `interface {}` with a space, and
    func types and interface methods fully qualified (`func(main.T)`), as gc prints them."""
    return type_string(t, relative_to(pkg), sig_qualifier=by_path)


class _Printer:
    """One spelling of types; see type_string. Inside a signature `qualifier` becomes
    `sig_qualifier`, for everything below it."""

    __slots__ = ("qualifier", "sig_qualifier", "link", "aliases", "compact", "empty",
                 "imethods")

    def __init__(self, qualifier: Qualifier, sig_qualifier: Qualifier, link: bool,
                 aliases: bool, compact: bool, empty: str, imethods: bool = False) -> None:
        self.qualifier = qualifier
        self.sig_qualifier = sig_qualifier
        self.link = link
        self.aliases = aliases
        self.compact = compact
        self.empty = empty
        self.imethods = imethods

    def type(self, t: Type) -> str:
        s = self.type
        match t:
            case Named(name=n, pkg=p):
                if self.link and t.local:
                    n = f"{n}·{t.local}"
                if t.targs:
                    sep = ", " if self.compact else ","
                    n += "[" + sep.join(s(a) for a in t.targs) + "]"
                q = self.qualifier(p) if p else ""
                return f"{q}.{n}" if q else n
            case TypeParam(name=n):
                return f"{n}·{t.uid}" if self.link else n
            case Basic(kind=k, name=n):
                return n if self.aliases else k.value
            case Pointer(elem=e):
                return "*" + s(e)
            case Slice(elem=e):
                return "[]" + s(e)
            case Array(length=n, elem=e):
                return f"[{n}]" + s(e)
            case Map(key=k, elem=e):
                return f"map[{s(k)}]{s(e)}"
            case Chan(elem=e, dir=d):
                return _chan_string(d, e, s(e))
            case Signature():
                return "func" + self.inner().sig(t)
            case Interface() if t is ANY and self.compact:
                return "any"
            case Interface(methods=ms, terms=terms) if terms is not None or t.comparable:
                inner = self.inner()
                parts = ["comparable"] if t.comparable else []
                if terms:
                    parts.append(" | ".join(("~" if x.tilde else "") + s(x.type)
                                            for x in terms))
                parts.extend(self.imethod(m.qname) + inner.sig(m.sig) for m in ms)
                body = "; ".join(parts)
                return f"interface{{{body}}}" if self.compact else f"interface {{ {body} }}"
            case Interface(methods=ms):
                if not ms:
                    return self.empty
                inner = self.inner()
                body = "; ".join(self.imethod(m.qname) + inner.sig(m.sig) for m in ms)
                return f"interface{{{body}}}" if self.compact else f"interface {{ {body} }}"
            case Struct(fields=fs):
                if not fs:
                    return "struct{}" if self.compact else "struct {}"
                body = "; ".join(self.field(f) + (" " + _quote_tag(f.tag) if f.tag else "")
                                 for f in fs)
                return f"struct{{{body}}}" if self.compact else f"struct {{ {body} }}"
            case Tuple(types=ts):
                return "(" + ", ".join(s(x) for x in ts) + ")"
        raise TypeError(f"type_string({t!r})")

    def name(self, q: QName) -> str:
        """A field or method name: qualified by its package's path if non-exported in
        gc's linker spelling (`main.x`), else bare, as types2 and reflect write it."""
        return q.link() if self.link else q.name

    def imethod(self, q: QName) -> str:
        """An interface method's name: as `name` writes it, but with imethods a
        non-exported one qualified as the printer qualifies packages (gc's reflect
        strings: `interface { M(); main.m() }`)."""
        if self.imethods and q.pkg and not self.link:
            return f"{self.qualifier(q.pkg)}.{q.name}"
        return self.name(q)

    def field(self, f: Field) -> str:
        """A struct field: `x T`, or `T` embedded; the linker spelling writes an
        embedded field whose type does not give its package `main.int = int`."""
        if not f.embedded:
            return f"{self.name(f.qname)} {self.type(f.type)}"
        base = f.type.elem if isinstance(f.type, Pointer) else f.type
        if self.link and f.pkg and not (isinstance(base, Named) and base.pkg == f.pkg):
            return f"{self.name(f.qname)} = {self.type(f.type)}"
        return self.type(f.type)

    def inner(self) -> _Printer:
        """The printer for the types inside a signature."""
        if self.sig_qualifier is self.qualifier:
            return self
        return _Printer(self.sig_qualifier, self.sig_qualifier, self.link, self.aliases,
                        self.compact, self.empty, self.imethods)

    def sig(self, sig: Signature) -> str:
        s = self.type
        ps = [s(p) for p in sig.params]
        if sig.variadic and ps:
            last = sig.params[-1]
            assert isinstance(last, Slice)
            ps[-1] = "..." + s(last.elem)
        rs = [s(r) for r in sig.results]
        named = self.compact and len(sig.names) == len(ps) + len(rs)
        if named:  # types2 writes the names
            rnames = sig.names[len(ps):]
            ps = [f"{n} {p}" if n else p for n, p in zip(sig.names, ps, strict=False)]
            rs = [f"{n} {r}" if n else r for n, r in zip(rnames, rs, strict=True)]
        out = "(" + ", ".join(ps) + ")"
        if len(rs) == 1 and not (named and sig.names[-1]):
            return out + " " + rs[0]
        if rs:
            return out + " (" + ", ".join(rs) + ")"
        return out


def _chan_string(d: ChanDir, elem: Type, es: str) -> str:
    """`chan T`, `chan<- T`, `<-chan T`; `chan (<-chan T)` needs its parentheses (gc,
    types2 and reflect all write them, only there)."""
    if d is ChanDir.SEND:
        return "chan<- " + es
    if d is ChanDir.RECV:
        return "<-chan " + es
    if isinstance(elem, Chan) and elem.dir is ChanDir.RECV:
        return f"chan ({es})"
    return "chan " + es


def _quote_tag(tag: str) -> str:
    """A struct tag as Go's strconv.Quote writes it (types2 and reflect print it so)."""
    out = []
    for ch in tag:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch.isprintable():
            out.append(ch)
        elif ord(ch) < 0x10000:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) > 0xff else f"\\x{ord(ch):02x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def canon(t: Type, tags: bool = True) -> Type:
    """t with the aliases byte and rune spelled uint8 and int32 (and without struct tags
    unless tags, through the type literals; a Named stays: its identity is the object).

    Go's identical types compare equal after canon (`[]byte` and `[]uint8`); the checker
    uses it for identity tests and walk so that identical types share one descriptor.
    """
    match t:
        case Basic(kind=k, name=n):
            return Basic(k, k.value) if n != k.value else t
        case Pointer(elem=e):
            return Pointer(canon(e, tags))
        case Slice(elem=e):
            return Slice(canon(e, tags))
        case Array(length=n, elem=e):
            return Array(n, canon(e, tags))
        case Map(key=k, elem=e):
            return Map(canon(k, tags), canon(e, tags))
        case Chan(elem=e, dir=d):
            return Chan(canon(e, tags), d)
        case Signature():
            return canon_signature(t, tags)
        case Struct(fields=fs):
            return Struct(tuple(Field(f.name, canon(f.type, tags), f.embedded,
                                      f.tag if tags else "", pkg=f.pkg) for f in fs))
        case Interface(methods=ms):
            return Interface(tuple(IMethod(m.name, canon_signature(m.sig, tags), m.pkg)
                                   for m in ms), t.terms, t.comparable)
        case Tuple(types=ts):
            return Tuple(tuple(canon(x, tags) for x in ts))
    return t


def canon_signature(s: Signature, tags: bool = True) -> Signature:
    """sig with canon applied to every parameter and result type."""
    return Signature(tuple(canon(p, tags) for p in s.params),
                     tuple(canon(r, tags) for r in s.results), s.variadic)


# ---------------------------------------------------------------------------------------
# Selection: fields and methods through embedding


@dataclass(frozen=True, slots=True)
class Selection:
    """The result of looking up `x.name`.

    `path` is the chain of embedded-field indices walked before the final step (each step
    may implicitly dereference a pointer); `index` is the final field index (for a field)
    or -1 for a method. `method` is set for a concrete method, `imethod` for a method of an
    embedded or direct interface. `indirect` is True when some step of the path goes
    through a pointer.
    """

    path: tuple[int, ...]
    index: int
    type: Type
    method: Func | None = None
    imethod: IMethod | None = None
    indirect: bool = False


@dataclass(frozen=True, slots=True)
class _Probe:
    type: Type
    path: tuple[int, ...]
    indirect: bool


def lookup(t: Type, name: QName) -> Selection | None | str:
    """Find field or method `name` in t (a type or *T), searching embedded fields by depth.

    Returns the Selection, None when absent, or the string "ambiguous" when two candidates
    are at the same shallowest depth. A non-exported name is found only in its own
    package's declarations (`qname(x, pkg)`)."""
    indirect0 = False
    if isinstance(t, Pointer) and not isinstance(under(t), Interface):
        t, indirect0 = t.elem, True
    level = [_Probe(t, (), indirect0)]
    seen: set[int] = set()
    while level:
        found: list[Selection] = []
        nxt: list[_Probe] = []
        for p in level:
            cur = p.type
            if isinstance(cur, Named):
                if id(cur) in seen:
                    continue
                seen.add(id(cur))
                before = len(found)
                for m in cur.methods:
                    if m.qname == name:
                        found.append(Selection(p.path, -1, m.sig, method=m, indirect=p.indirect))
                if len(found) > before:
                    continue  # types2: a method hides a field of the same name (an error)
            u = under(cur)
            if isinstance(u, Interface):
                for im in u.methods:
                    if im.qname == name:
                        found.append(Selection(p.path, -1, im.sig, imethod=im,
                                               indirect=p.indirect))
            elif isinstance(u, Struct):
                for i, f in enumerate(u.fields):
                    if f.qname == name:
                        found.append(Selection(p.path, i, f.type, indirect=p.indirect))
                    if f.embedded:
                        ft, ind = f.type, p.indirect
                        if isinstance(ft, Pointer):
                            ft, ind = ft.elem, True
                        nxt.append(_Probe(ft, p.path + (i,), ind))
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            return "ambiguous"
        level = nxt
    return None


@dataclass(slots=True)
class MethodSetEntry:
    """One method of a type's method set: the interface method and how T reaches it."""

    key: QName
    sig: Signature
    selection: Selection

    @property
    def name(self) -> str:
        return self.key.name


def method_set(t: Type) -> dict[QName, MethodSetEntry]:
    """The method set of t (Go spec), keyed by qualified name in `name_order`: T has
    value-receiver methods (promoted through embedded T or *S), *T additionally has
    pointer-receiver methods; two packages' non-exported `m` are two methods.

    For an interface type the result is its methods. Used for implements checks and itabs.
    """
    u = under(t)
    if isinstance(u, Interface):
        return {m.qname: MethodSetEntry(m.qname, m.sig, Selection((), -1, m.sig, imethod=m))
                for m in u.methods}
    is_ptr = isinstance(t, Pointer)
    base = t.elem if isinstance(t, Pointer) else t
    if is_ptr and isinstance(under(base), Interface):
        return {}  # a pointer to an interface has no methods
    names: set[QName] = set()
    _collect_method_names(base, names, set())
    out: dict[QName, MethodSetEntry] = {}
    for n in sorted(names, key=name_order):
        sel = lookup(t, n)
        if not isinstance(sel, Selection) or sel.index != -1:
            continue
        if sel.method is not None:
            recv_is_ptr = isinstance(sel.method.recv, Pointer)
            if recv_is_ptr and not is_ptr and not sel.indirect:
                continue
        out[n] = MethodSetEntry(n, sel.type if isinstance(sel.type, Signature)
                                else Signature((), ()), sel)
    return out


def _collect_method_names(t: Type, names: set[QName], seen: set[int]) -> None:
    if isinstance(t, Pointer):
        t = t.elem
    if isinstance(t, Named):
        if id(t) in seen:
            return
        seen.add(id(t))
        names.update(m.qname for m in t.methods)
    u = under(t)
    if isinstance(u, Interface):
        names.update(m.qname for m in u.methods)
    elif isinstance(u, Struct):
        for f in u.fields:
            if f.embedded:
                _collect_method_names(f.type, names, seen)


@dataclass(frozen=True, slots=True)
class Missing:
    """Why T does not implement I: the missing method, and whether it exists with a
    pointer receiver or a wrong signature (for gc's messages)."""

    name: str
    pointer_receiver: bool = False
    wrong_type: Signature | None = None
    alt: str | None = None
    """The name of t's method that matches name but for case (wrong_type its type)."""


def missing_method(t: Type, iface: Interface) -> Missing | None:
    """The first (in `name_order`) method of iface that t lacks, or None if t implements
    iface.

    As types2's missingMethod, a method t lacks is looked for on *t, then on t
    with its name's case folded (`have m(int)` for `want M(int)`)."""
    ms = method_set(t)
    for m in iface.methods:
        e = ms.get(m.qname)
        if e is None:
            if is_interface(t):
                return Missing(m.name)
            ptr_ms = method_set(Pointer(t)) if not isinstance(t, Pointer) else {}
            pe = ptr_ms.get(m.qname)
            if pe is not None:
                if pe.sig == m.sig:
                    return Missing(m.name, pointer_receiver=True)
                return Missing(m.name, wrong_type=pe.sig)
            folded = m.name.lower()
            alt = next((x for n, x in ms.items() if n.name.lower() == folded and
                        n.name != m.name and (not n.pkg or n.pkg == m.pkg or not m.pkg)),
                       None)
            if alt is not None:
                return Missing(m.name, wrong_type=alt.sig, alt=alt.name)
            return Missing(m.name)
        if e.sig != m.sig:
            return Missing(m.name, wrong_type=e.sig)
    return None


@dataclass(slots=True)
class Universe:
    """Counters shared by a compile (variable uids, closure numbering), and the
    instances of generic code: `pending` body checks (callables) and the checked
    `instances` (tree.FuncDecls), which check_program puts into package main."""

    next_uid: int = 0
    closures: dict[str, int] = field(default_factory=dict)
    pending: list[Any] = field(default_factory=list)
    instances: list[Any] = field(default_factory=list)
    depth: int = 0
    """How many instance bodies deep the instance being checked was asked for."""
    current: Any = None
    """The generic function and type arguments of the instance being checked."""
    later_methods: list[Any] | None = None
    """While a package's type declarations are resolved, the checks of type arguments
    against constraint methods (its types' methods are declared after them)."""
    failed_bodies: set[int] = field(default_factory=set)
    """ids of the generic declarations (ast.FuncDecl) whose generic check reported
    errors: their instances' bodies are checked without reporting (no second report)."""

    def uid(self) -> int:
        self.next_uid += 1
        return self.next_uid
