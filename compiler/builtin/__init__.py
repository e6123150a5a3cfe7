"""The runtime's declarations, as the compiler learns them: from generated import data.

runtime.go (beside this file) declares every runtime entry point; `refgo mkbuiltin`
serializes it into runtimedata.py; this package decodes that once, on first use:

    f = lookup("convT2E")       # Func(name="convT2E", pkg="runtime", external=True, ...)
    f.symbol                    # "runtime.convT2E"
    f.sig                       # Signature((*byte, *any), (any,))
    is_any(f.sig.results[0])    # True: `any` stands for the actual type at the call

There is no other table of runtime signatures: a name missing from runtime.go is an
internal compiler error at the call site that asked for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from compiler.builtin.exportdata import ANY, FuncObj, ImportData, VarObj, decode
from compiler.diag import NOPOS, InternalError, Pos
from compiler.types import typ

__all__ = [
    "ANY", "call_words", "functions", "import_data", "is_any", "lookup", "lookup_var", "main",
    "words",
]


@cache
def import_data() -> ImportData:
    """The decoded runtime import data (decoded once per process)."""
    from compiler.builtin.runtimedata import RUNTIME_IMPORT

    return decode(RUNTIME_IMPORT)


@cache
def functions() -> dict[str, typ.Func]:
    """Every runtime function by name, as external `typ.Func`s of package runtime."""
    return {
        o.name: typ.Func(o.name, "runtime", o.signature(), NOPOS, external=True)
        for o in import_data().objects
        if isinstance(o, FuncObj)
    }


def lookup(name: str, pos: Pos = NOPOS) -> typ.Func:
    """The runtime function `name`; an InternalError at pos if runtime.go lacks it."""
    f = functions().get(name)
    if f is None:
        raise InternalError(pos, f"runtime.{name} is not declared in compiler/builtin/runtime.go")
    return f


def lookup_var(name: str, pos: Pos = NOPOS) -> typ.Type:
    """The type of runtime variable `name`; an InternalError at pos if undeclared."""
    for o in import_data().objects:
        if isinstance(o, VarObj) and o.name == name:
            return o.type
    raise InternalError(pos, f"runtime.{name} is not declared in compiler/builtin/runtime.go")


def words(t: typ.Type) -> int:
    """How many 8-byte argument/result words a value of t takes in a runtime call."""
    return (typ.size_of(t) + typ.PTRSIZE - 1) // typ.PTRSIZE


def call_words(name: str, pos: Pos = NOPOS) -> tuple[int, int]:
    """(argument words, result words) of a call to runtime.name (`any` counts 2 words)."""
    sig = lookup(name, pos).sig
    return sum(words(p) for p in sig.params), sum(words(r) for r in sig.results)


def is_any(t: typ.Type) -> bool:
    """Whether t is runtime.go's `any` placeholder (not an ordinary empty interface)."""
    return t is ANY


def main(argv: Sequence[str]) -> int:
    """`refgo mkbuiltin [-check] [-list]` (see mkbuiltin.py); returns the exit status."""
    from compiler.builtin.mkbuiltin import main as mk_main

    return mk_main(argv)
