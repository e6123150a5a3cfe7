"""The Go types the fuzz generator builds programs from, and the relations it needs.

The generator's universe is small and fixed per program: basic types, named types
over a basic type or a struct, pointers to named types, named interfaces over a pool
of method signatures (METHODS), the empty interface and `func(int) int`. Example:

    T0 := Named("T0", INT, {"M0": False})          # type T0 int; func (T0) M0() int
    I0 := Iface("I0", frozenset({"M0"}), ())       # type I0 interface{ M0() int }
    implements(T0, I0) → True; implements(Pointer(T0), I0) → True

Methods with a pointer receiver (value True in Named.methods) are only in the method
set of the pointer type, as in Go.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Basic:
    """A predeclared type: int, bool, string, or a sized integer kind."""

    name: str


@dataclass(frozen=True, slots=True)
class Struct:
    """A struct type's fields, in order; only ever the underlying type of a Named."""

    fields: tuple[tuple[str, Basic], ...]


@dataclass(frozen=True, slots=True, eq=False)
class Named:
    """A defined type `type NAME UNDER` with its methods (name → pointer receiver?).

    Compared by identity, like Go's defined types.
    """

    name: str
    under: Basic | Struct
    methods: dict[str, bool]


@dataclass(frozen=True, slots=True)
class Pointer:
    """A pointer to a named type."""

    elem: Named


@dataclass(frozen=True, slots=True, eq=False)
class Iface:
    """An interface type: its full method set, and the interfaces it embeds by name.

    The empty interface has name "interface{}" and no methods.
    """

    name: str
    methods: frozenset[str]
    embeds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FuncT:
    """The closure type func(int) int (the only function type values take)."""


Type = Basic | Named | Pointer | Iface | FuncT

INT = Basic("int")
BOOL = Basic("bool")
STRING = Basic("string")
EMPTY = Iface("interface{}", frozenset(), ())
FUNC = FuncT()

# Sized integer kinds and the literal range the generator draws from for each.
INT_RANGES: dict[str, tuple[int, int]] = {
    "int": (-1000, 1000),
    "int8": (-128, 127),
    "int16": (-30000, 30000),
    "int32": (-100000, 100000),
    "int64": (-(10**12), 10**12),
    "uint": (0, 1000),
    "uint8": (0, 255),
    "uint16": (0, 60000),
    "uint32": (0, 100000),
    "uint64": (0, 10**12),
}

# The method pool: name → (parameter types, result type). Every type and interface
# that has a method of a given name agrees on its signature.
METHODS: dict[str, tuple[tuple[Basic, ...], Basic]] = {
    "M0": ((), INT),
    "M1": ((INT,), STRING),
    "M2": ((STRING,), BOOL),
    "M3": ((INT,), INT),
    "M4": ((), STRING),
}


def is_int(t: Type) -> bool:
    """Reports whether t is a basic integer type."""
    return isinstance(t, Basic) and t.name in INT_RANGES


def spell(t: Type) -> str:
    """Returns t written as Go source."""
    match t:
        case Basic(name) | Named(name) | Iface(name):
            return name
        case Pointer(elem):
            return "*" + elem.name
        case FuncT():
            return "func(int) int"
    raise AssertionError(t)


def method_set(t: Type) -> frozenset[str]:
    """Returns the names of the methods in t's method set."""
    match t:
        case Named():
            return frozenset(m for m, ptr in t.methods.items() if not ptr)
        case Pointer(elem):
            return frozenset(elem.methods)
        case Iface():
            return t.methods
    return frozenset()


def implements(t: Type, i: Iface) -> bool:
    """Reports whether a value of type t can be converted to interface i."""
    if isinstance(t, FuncT):
        return False
    return i.methods <= method_set(t)


def printable(t: Type) -> bool:
    """Reports whether println prints t deterministically (no addresses)."""
    return isinstance(t, Basic)
