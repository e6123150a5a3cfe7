"""Unit tests of compiler/types/predicates.py: identity, comparability (also of types
still being declared), regular-memory equality and operator applicability."""

from __future__ import annotations

import pytest

from compiler.diag import NOPOS
from compiler.syntax import ast
from compiler.types.predicates import (
    binary_op_ok,
    comparable,
    contains_call,
    default_type,
    identical,
    is_complete,
    is_ordered,
    is_regular_memory,
    maybe_comparable,
    same_class,
    unary_op_ok,
)
from compiler.types.typ import (
    BOOL,
    BYTE,
    COMPLEX64,
    EMPTY_INTERFACE,
    FLOAT64,
    INT,
    INT8,
    INT32,
    INT64,
    RUNE,
    STRING,
    UINT8,
    UNTYPED_FLOAT,
    UNTYPED_NIL,
    UNTYPED_RUNE,
    Array,
    Field,
    Map,
    Named,
    Pointer,
    Signature,
    Slice,
    Struct,
    Type,
)

T = Named("T", "main", NOPOS, Struct((Field("a", INT), Field("b", INT))))
S = Named("S", "main", NOPOS, Struct((Field("s", STRING),)))
PADDED = Struct((Field("a", INT8), Field("b", INT64)))
NOEQ = Struct((Field("x", INT), Field("f", Signature((), ()))))

# (type, comparable, regular memory)
TABLE: list[tuple[Type, bool, bool]] = [
    (INT, True, True),
    (BOOL, True, True),
    (STRING, True, False),
    (FLOAT64, True, False),
    (COMPLEX64, True, False),
    (Pointer(INT), True, True),
    (EMPTY_INTERFACE, True, False),
    (T, True, True),
    (S, True, False),
    (PADDED, True, False),
    (Array(4, INT), True, True),
    (Array(0, STRING), True, False),
    (Array(2, PADDED), True, False),
    (Slice(INT), False, True),
    (Map(INT, INT), False, True),
    (Signature((), ()), False, True),
    (Array(3, Slice(INT)), False, True),
    (NOEQ, False, True),
    (Struct(()), True, True),
]


@pytest.mark.parametrize("t,want_cmp,want_mem", TABLE)
def test_comparable_and_regular_memory(t: Type, want_cmp: bool, want_mem: bool) -> None:
    assert comparable(t) is want_cmp
    assert is_regular_memory(t) is want_mem
    assert maybe_comparable(t) is want_cmp


def test_maybe_comparable_stops_at_the_first_verdict() -> None:
    pending = Named("P", "main", NOPOS)  # underlying not known yet
    assert maybe_comparable(pending)
    assert not is_complete(pending) and not is_complete(Pointer(pending))
    assert maybe_comparable(Struct((Field("p", pending), Field("s", Slice(INT)))))
    assert not maybe_comparable(Struct((Field("s", Slice(INT)), Field("p", pending))))
    assert is_complete(T) and is_complete(Pointer(T)) and is_complete(INT)


def test_identity_and_defaults() -> None:
    assert identical(Slice(BYTE), Slice(UINT8))
    assert identical(Map(RUNE, Slice(BYTE)), Map(INT32, Slice(UINT8)))
    assert not identical(T, Named("T", "main", NOPOS, T.underlying))
    assert default_type(UNTYPED_RUNE) is RUNE
    assert default_type(UNTYPED_FLOAT) is FLOAT64
    assert default_type(UNTYPED_NIL) is UNTYPED_NIL
    assert default_type(T) is T


def test_operator_classes() -> None:
    assert binary_op_ok("+", STRING) and not binary_op_ok("-", STRING)
    assert binary_op_ok("%", INT) and not binary_op_ok("%", FLOAT64)
    assert binary_op_ok("&&", BOOL) and not binary_op_ok("&&", INT)
    assert unary_op_ok("^", INT) and not unary_op_ok("^", FLOAT64)
    assert unary_op_ok("!", BOOL) and unary_op_ok("-", COMPLEX64)
    assert is_ordered(STRING) and not is_ordered(COMPLEX64) and not is_ordered(BOOL)
    assert same_class(UNTYPED_FLOAT, INT) and not same_class(STRING, INT)


def test_contains_call() -> None:
    x = ast.Name(NOPOS, "x")
    call = ast.CallExpr(NOPOS, ast.Name(NOPOS, "f"), NOPOS, (), False, NOPOS)
    assert contains_call(call)
    assert contains_call(ast.IndexExpr(NOPOS, x, ast.BinaryExpr(NOPOS, "+", x, call, NOPOS),
                                       NOPOS))
    assert not contains_call(ast.IndexExpr(NOPOS, x, x, NOPOS))
