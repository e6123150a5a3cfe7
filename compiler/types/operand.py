"""Operands, scopes and message formatting shared by the checker's modules.

An Operand is what checking an expression yields before it is fixed into the typed tree:
its mode (constant, variable, value, type, builtin, ...), its Go type, the tree
expression, and for constants the exact value. Messages describe operands as types2
does:

    x (variable of type int)        3 (untyped int constant)
    1 + 2 (untyped int constant 3)  c (constant 5 of type int8)
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from compiler.diag import NOPOS, Pos
from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import tree
from compiler.types.constant import CValue, format_value
from compiler.types.typ import (
    Basic,
    Const,
    Func,
    Kind,
    Named,
    Struct,
    Type,
    TypeName,
    Var,
    message_string,
)


class Mode(enum.Enum):
    INVALID = "invalid"
    NOVALUE = "no value"
    VALUE = "value"
    VAR = "variable"
    MAPINDEX = "map index expression"
    COMMAOK = "comma, ok expression"
    CONST = "constant"
    TYPE = "type"
    BUILTIN = "built-in"
    PKG = "package"
    NIL = "nil"


INVALID_TYPE = Named("invalid type", "", NOPOS, Struct(()))


@dataclass(slots=True)
class Operand:
    """A checked expression. `expr` is valid for value modes; `val` only for CONST;
    `name` names the builtin (BUILTIN) or package path (PKG)."""

    mode: Mode
    type: Type
    expr: tree.Expr
    src: ast.Expr
    val: CValue | None = None
    name: str = ""

    @property
    def invalid(self) -> bool:
        return self.mode is Mode.INVALID


def invalid(src: ast.Expr) -> Operand:
    """An operand after an error (further errors about it are suppressed)."""
    pos = getattr(src, "pos", NOPOS)
    return Operand(Mode.INVALID, INVALID_TYPE, tree.ConstExpr(pos, INVALID_TYPE, 0), src)


@dataclass(frozen=True, slots=True)
class Builtin:
    name: str


@dataclass(frozen=True, slots=True, eq=False)
class PkgName:
    """An imported package name in a file scope; `used` is tracked by the checker. A
    broken one stands for an import that failed (reported there): its selectors are
    invalid without a further error."""

    name: str
    path: str
    pos: Pos
    scope: dict[str, object]
    broken: bool = False


Object = Var | Func | Const | TypeName | Builtin | PkgName


@dataclass(slots=True)
class Scope:
    parent: Scope | None
    names: dict[str, object] = field(default_factory=dict)
    func: object = None

    def lookup(self, name: str) -> tuple[object | None, Scope | None]:
        s: Scope | None = self
        while s is not None:
            o = s.names.get(name)
            if o is not None:
                return o, s
            s = s.parent
        return None, None


def describe(op: Operand, pkg: str = "main") -> str:
    """types2's description of an operand for messages."""
    text = expr_string(op.src)
    t = op.type
    if op.mode is Mode.NIL:
        return "nil"
    if op.mode is Mode.CONST:
        assert op.val is not None
        v = format_value(op.val)
        if isinstance(t, Basic) and t.kind.value.startswith("untyped"):
            kind = t.name
            return f"{text} ({kind} constant)" if v == text else f"{text} ({kind} constant {v})"
        return (f"{text} (constant of type {message_string(t, pkg)})" if v == text
                else f"{text} (constant {v} of type {message_string(t, pkg)})")
    if op.mode is Mode.NOVALUE:
        return f"{text} (no value)"
    if op.mode is Mode.TYPE:
        return f"{text} (type)"
    if op.mode is Mode.BUILTIN:
        return f"{text} (built-in function {op.name})"
    if op.mode is Mode.VALUE and isinstance(t, Basic) and t.kind.value.startswith("untyped"):
        return f"{text} ({t.name} value)"
    if isinstance(t, Named) and t.tparam is not None:
        return f"{text} ({op.mode.value} of type {message_string(t, pkg)} constrained by " \
               f"{t.bound})"
    return f"{text} ({op.mode.value} of type {message_string(t, pkg)})"


def summary(t: Type, pkg: str) -> str:
    """A value's type in a `have (...)` list of a count mismatch: untyped numeric
    constants are `number`, other untyped kinds lose `untyped `, an invalid type is
    `<T>` (types2's typesSummary, which its `want (...)` lists use too)."""
    if t is INVALID_TYPE:
        return "<T>"
    if isinstance(t, Basic) and t.kind.value.startswith("untyped"):
        if t.kind in (Kind.UNTYPED_INT, Kind.UNTYPED_RUNE, Kind.UNTYPED_FLOAT,
                      Kind.UNTYPED_COMPLEX):
            return "number"
        return t.name.replace("untyped ", "")
    return message_string(t, pkg)
