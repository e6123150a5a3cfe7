"""Predicates on types: identity, comparability, default types of untyped constants,
operand classes, which operators apply, and one question about syntax (does an
expression contain a call).

A leaf, like types2's predicates.go: it imports only typ.py and the syntax tree, never
checker code, so that escape analysis and walk can ask the same questions the checker
does. The single-kind classes (`is_integer`, `is_string`, `is_interface`, ...) live in
typ.py beside the kinds; this module builds on them.

    identical(Slice(BYTE), Slice(UINT8))                 True   (byte is uint8)
    comparable(Struct((Field("s", Slice(INT)),)))        False  (a slice field)
    default_type(UNTYPED_RUNE)                           rune
    binary_op_ok("%", FLOAT64)                           False
    is_regular_memory(Struct((Field("a", INT8), Field("b", INT64))))
                                                         False  (7 bytes of padding)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from compiler.diag import Pos
from compiler.syntax import ast
from compiler.types.typ import (
    BOOL,
    COMPLEX128,
    FLOAT64,
    INT,
    RUNE,
    STRING,
    UNTYPED_KINDS,
    Array,
    Basic,
    Interface,
    Kind,
    Map,
    Named,
    Pointer,
    Signature,
    Slice,
    Struct,
    Type,
    TypeParam,
    canon,
    is_boolean,
    is_complex,
    is_float,
    is_integer,
    is_string,
    size_of,
    struct_layout,
    under,
)

_DEFAULT = {
    Kind.UNTYPED_BOOL: BOOL, Kind.UNTYPED_INT: INT, Kind.UNTYPED_RUNE: RUNE,
    Kind.UNTYPED_FLOAT: FLOAT64, Kind.UNTYPED_COMPLEX: COMPLEX128,
    Kind.UNTYPED_STRING: STRING,
}


def default_type(t: Type) -> Type:
    """The default type of an untyped constant type (t itself otherwise; untyped nil has
    none)."""
    if isinstance(t, Basic):
        return _DEFAULT.get(t.kind, t)
    return t


def is_untyped_kind(t: Type) -> bool:
    """Whether t is one of the untyped constant types (`untyped int`, `untyped nil`, ...)."""
    return isinstance(t, Basic) and t.kind in UNTYPED_KINDS


def identical(a: Type, b: Type) -> bool:
    """Go type identity (byte is uint8, rune is int32; a Named type only to itself)."""
    return a is b or (not isinstance(a, Named) and not isinstance(b, Named)
                      and canon(a) == canon(b))


def identical_ignore_tags(a: Type, b: Type) -> bool:
    """identical with struct tags ignored (what a conversion between structs asks)."""
    return a is b or (not isinstance(a, Named) and not isinstance(b, Named)
                      and canon(a, tags=False) == canon(b, tags=False))


def comparable(t: Type) -> bool:
    """Whether == is defined on values of t (Go spec); t must be complete."""
    u = under(t)
    match u:
        case Slice() | Map() | Signature():
            return False
        case Array(elem=e):
            return comparable(e)
        case Struct(fields=fs):
            return all(comparable(f.type) for f in fs)
    return True


def maybe_comparable(t: Type) -> bool:
    """comparable(t) for a type that may still be being declared: walking t as comparable
    does (fields in order, stopping at the first verdict), a type whose underlying type is
    not known yet counts as comparable. For `map[K]V` while K is being declared."""
    return comparable_so_far(t) is not False


def comparable_so_far(t: Type) -> bool | None:
    """comparable(t), or None on reaching a type not yet complete."""
    while isinstance(t, Named):
        if t.underlying is None:
            return None
        t = t.underlying
    match t:
        case Slice() | Map() | Signature():
            return False
        case Array(elem=e):
            return comparable_so_far(e)
        case Struct(fields=fs):
            for f in fs:
                r = comparable_so_far(f.type)
                if r is not True:
                    return r
    return True


def is_complete(t: Type) -> bool:
    """Whether the underlying type of t (of *t's element for a pointer) is known, i.e. it
    is not a type still being declared."""
    if isinstance(t, Pointer):
        t = t.elem
    return not isinstance(t, Named) or t.underlying is not None


def is_regular_memory(t: Type) -> bool:
    """Whether == on two values of comparable type t compares their bytes: no strings,
    floats, complex numbers or interfaces inside, no struct padding and no blank (`_`)
    fields, which == skips. An array is regular memory when its element type is,
    whatever its length (walk's descriptors count `[0]string` as compared field-wise)."""
    u = under(t)
    match u:
        case Basic(kind=k):
            return k not in (Kind.STRING, Kind.FLOAT32, Kind.FLOAT64, Kind.COMPLEX64,
                             Kind.COMPLEX128)
        case Interface():
            return False
        case Array(elem=e):
            return is_regular_memory(e)
        case Struct(fields=fs):
            _, size = struct_layout(u)
            used = sum(size_of(f.type) for f in fs)
            return used == size and all(is_regular_memory(f.type) and f.name != "_"
                                        for f in fs)
    return True


def is_numeric(t: Type) -> bool:
    """Whether t is an integer, float or complex type (typed or untyped)."""
    return is_integer(t) or is_float(t) or is_complex(t)


def is_ordered(t: Type) -> bool:
    """Whether < <= > >= are defined on t: integers, floats and strings."""
    return is_integer(t) or is_float(t) or is_string(t)


def same_class(a: Type, b: Type) -> bool:
    """Whether a and b are both numeric, both strings or both booleans (an untyped
    operand of one class converts implicitly only to a type of the same class)."""
    return (is_numeric(a) and is_numeric(b)) or (is_string(a) and is_string(b)) or (
        is_boolean(a) and is_boolean(b))


def every_term(t: Type, pred: Callable[[Type], bool]) -> bool:
    """Whether pred holds for t, or, t standing for a type parameter in a generic body,
    for the underlying type of every term of its type set (gc allows an operation on a
    type parameter only if every type in its set allows it)."""
    if not isinstance(t, Named) or t.tparam is None or t.tparam.constraint.terms is None:
        return pred(t)
    return all(pred(under(x.type)) for x in t.tparam.constraint.terms
               if not isinstance(x.type, TypeParam))


def tparam_comparable(t: Named) -> bool:
    """Whether == is defined on the type parameter t stands for: its constraint is
    comparable, or every type of its type set is (an empty set of terms is not)."""
    assert t.tparam is not None
    c = t.tparam.constraint
    return c.comparable or bool(c.terms) and every_term(t, comparable)


def binary_op_ok(op: str, t: Type) -> bool:
    """Whether binary operator op (not a comparison or shift) is defined on operands of
    type t: `+` on numbers and strings, `- * /` on numbers, `% & | ^ &^` on integers,
    `&& ||` on booleans."""
    if op == "+":
        return is_numeric(t) or is_string(t)
    if op in ("-", "*", "/"):
        return is_numeric(t)
    if op in ("%", "&", "|", "^", "&^"):
        return is_integer(t)
    if op in ("&&", "||"):
        return is_boolean(t)
    return False


_UNARY = {"+": is_numeric, "-": is_numeric, "!": is_boolean, "^": is_integer}


def unary_op_ok(op: str, t: Type) -> bool:
    """Whether unary operator op (`+ - ! ^`) is defined on an operand of type t."""
    return _UNARY[op](t)


def contains_call(e: ast.Expr) -> bool:
    """Whether evaluating e may call a function or receive from a channel (then
    `len(a)` of an array a is not a constant)."""
    if isinstance(e, ast.CallExpr):
        return True
    if isinstance(e, ast.UnaryExpr) and e.op == "<-":
        return True
    for f in dataclasses.fields(e):
        v = getattr(e, f.name)
        if isinstance(v, tuple):
            if any(_is_node(x) and contains_call(x) for x in v):
                return True
        elif _is_node(v) and contains_call(v):
            return True
    return False


def _is_node(v: object) -> bool:
    return dataclasses.is_dataclass(v) and not isinstance(v, Pos) and not isinstance(v, type)
