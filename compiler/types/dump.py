"""Stable text dump of the typed tree (`-dump=types`).

One node per line, two spaces per level; types in Go spelling, variables as `name#uid`,
functions by symbol, constants by value:

    package main
      func main
        Block 3:13
          ExprStmt 4:2
            x: BuiltinCall 4:2 type=() name=println
              args:
                ConstExpr 4:10 type=int value=1
"""

from __future__ import annotations

import dataclasses
import enum

from compiler.diag import Pos
from compiler.types import tree
from compiler.types.typ import Func, Named, Type, Var, type_string

_TYPE_CLASSES = ("Basic", "Pointer", "Slice", "Array", "Map", "Chan", "Struct", "Signature",
                 "Interface", "Tuple", "Named")


def _is_type(v: object) -> bool:
    return type(v).__name__ in _TYPE_CLASSES


def _scalar(v: object) -> str | None:
    """The inline rendering of a non-node field value, or None for a child node."""
    if v is None:
        return None
    if isinstance(v, Var):
        return f"{v.name or '_'}#{v.uid}"
    if isinstance(v, Func):
        return v.symbol
    if isinstance(v, enum.Enum):
        return str(v.value)
    if isinstance(v, bytes):
        return repr(v)[1:]
    if isinstance(v, (bool, int, float, complex, str)):
        return str(v)
    if _is_type(v):
        return type_string(v)  # type: ignore[arg-type]
    return None


def _node(n: object, depth: int, label: str, out: list[str]) -> None:
    ind = "  " * depth
    head = f"{ind}{label}{type(n).__name__}"
    pos = getattr(n, "pos", None)
    if isinstance(pos, Pos):
        head += f" {pos.line}:{pos.col}"
    kids: list[tuple[str, object]] = []
    for f in dataclasses.fields(n):  # type: ignore[arg-type]
        if f.name == "pos" or f.name in tree.REPORT_FIELDS:
            continue
        v = getattr(n, f.name)
        if v is None or v == ():
            continue
        if isinstance(v, tuple):
            if all(_scalar(x) is not None or x is None for x in v):
                head += f" {f.name}=[{', '.join(_scalar(x) or 'nil' for x in v)}]"
            else:
                kids.append((f.name, v))
            continue
        s = _scalar(v)
        if s is not None:
            head += f" {f.name}={s}"
        else:
            kids.append((f.name, v))
    out.append(head)
    for name, v in kids:
        if isinstance(v, tuple):
            out.append(f"{ind}  {name}:")
            for x in v:
                if dataclasses.is_dataclass(x):
                    _node(x, depth + 2, "", out)
                else:
                    out.append(f"{ind}    {_scalar(x)}")
        elif dataclasses.is_dataclass(v):
            _node(v, depth + 1, f"{name}: ", out)


def dump(prog: tree.Program) -> str:
    """The typed tree of every package of prog as stable indented text."""
    out: list[str] = []
    for p in prog.packages:
        out.append(f"package {p.path}")
        for nt in p.named:
            if isinstance(nt, Named) and nt.underlying is not None:
                methods = " ".join(m.symbol for m in nt.methods)
                out.append(f"  type {nt.name} {type_string(nt.underlying)}"
                           + (f" methods: {methods}" if methods else ""))
        for g in p.globals:
            out.append(f"  var {g.name}#{g.uid} {type_string(g.type)}")
        for s in p.inits:
            _node(s, 1, "init: ", out)
        for fd in p.funcs:
            _node(fd, 1, "", out)
    return "\n".join(out) + "\n"


_ = Type
