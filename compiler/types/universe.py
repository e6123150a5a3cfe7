"""The universe scope: predeclared types, constants, nil and builtin functions.

    universe()["int"]      TypeName("int", INT)
    universe()["error"]    TypeName("error", Named error with interface{ Error() string })
    universe()["len"]      Builtin("len")
"""

from __future__ import annotations

from compiler.diag import NOPOS
from compiler.types.operand import Builtin
from compiler.types.typ import (
    ANY,
    BOOL,
    BYTE,
    COMPLEX64,
    COMPLEX128,
    FLOAT32,
    FLOAT64,
    INT,
    INT8,
    INT16,
    INT32,
    INT64,
    RUNE,
    STRING,
    UINT,
    UINT8,
    UINT16,
    UINT32,
    UINT64,
    UINTPTR,
    UNTYPED_BOOL,
    Const,
    IMethod,
    Interface,
    Named,
    Signature,
    TypeName,
)

COMPARABLE = Named("comparable", "", NOPOS, Interface((), None, True))
"""The predeclared constraint comparable (strictly comparable types)."""

ERROR = Named("error", "", NOPOS, Interface((IMethod("Error", Signature((), (STRING,))),)))

BUILTINS = (
    "append", "cap", "close", "complex", "copy", "delete", "imag", "len", "make", "new",
    "panic", "print", "println", "real", "recover",
)


def universe() -> dict[str, object]:
    """A fresh universe scope (name → object)."""
    out: dict[str, object] = {}
    for t in (BOOL, INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64,
              UINTPTR, FLOAT32, FLOAT64, COMPLEX64, COMPLEX128, STRING, BYTE, RUNE):
        out[t.name] = TypeName(t.name, t, NOPOS)
    out["error"] = TypeName("error", ERROR, NOPOS)
    out["any"] = TypeName("any", ANY, NOPOS)
    out["comparable"] = TypeName("comparable", COMPARABLE, NOPOS)
    out["true"] = Const("true", UNTYPED_BOOL, True, NOPOS)
    out["false"] = Const("false", UNTYPED_BOOL, False, NOPOS)
    out["iota"] = Builtin("iota")
    out["nil"] = Builtin("nil")
    for b in BUILTINS:
        out[b] = Builtin(b)
    return out
