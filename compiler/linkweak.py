"""linkweak: gc's linker rule for methods (cmd/link's deadcode): a method table's
reference to a method is weak.

A type descriptor's method table (reflectdata._methods_sym) names each method's
function, its func types and its method-expression wrapper. Were these ordinary
references, every reached type would link every method it has (and, in a program with
reflect, each one's func types), whether or not anything can call it. Instead each
such `.quad` carries the conditions under which it is kept, as pseudo-symbols that no
unit defines:

    type.main.T.methods:
        .quad "go.string.3"
        .quad "main.(*T).M"    # weak "refgo.method.M() int" "refgo.reflectmethod"

The method is linked only if some reached symbol names a condition:

- `refgo.method.M() int`: an interface method table with that key
  (`# "refgo.method.M() int"`, the descriptor's `marks`): a type assertion or
  interface conversion to it builds its itab at run time from the method table;
- `refgo.reflectmethod`, for an exported method only: reflect can call any exported
  method by index or name once `reflect.methodReached` is: `reflect.Value.Method`
  and `Value.MethodByName` call it, and walk calls it where a program calls
  reflect.Type's `Method` or `MethodByName` through the interface (REFLECT_MARK);
- ROOT_KEYS: the C runtime's printpanicval calls `Error() string` and
  `String() string` through the method table.

A static itab (`go.itab.T,I`) or a call names its methods strongly. A dropped slot is
written `.quad 0` (rewrite); the runtime's itab builder throws and reflect panics on a
0 they would call, which the rule says cannot happen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

REFLECT = "refgo.reflectmethod"
"""The condition of every exported method: reflect's by-index or by-name access."""

REFLECT_MARK = "reflect.methodReached"
"""What walk calls where a program calls an interface's `Method(int) reflect.Method` or
`MethodByName(string) (reflect.Method, bool)` (reflect.Type's): gc's ReflectMethod."""

REFLECT_METHOD = (REFLECT_MARK,)
"""The functions that, reached, make REFLECT reached (reflect.Value.Method and
MethodByName call REFLECT_MARK, so that a copy inlined into a caller does too)."""

ROOT_KEYS = ("Error() string", "String() string")
"""The method keys the C runtime looks up by name (printpanicval)."""


def key_sym(key: str) -> str:
    """The pseudo-symbol of method key `M(int) string` (reflectdata.method_key)."""
    return "refgo.method." + key


def conditions(key: str) -> tuple[str, ...]:
    """The pseudo-symbols of which one keeps a method table's reference to method key."""
    exported = key[:1].isupper()
    return (key_sym(key), REFLECT) if exported else (key_sym(key),)


def roots() -> list[str]:
    """The pseudo-symbols live in every program."""
    return [key_sym(k) for k in ROOT_KEYS]


_WEAK = re.compile(r'^\t\.quad\t("(?:[^"\\]|\\.)*")\t# weak (.*)$', re.M)
_QUOTED = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')


Weak = list[tuple[str, tuple[str, ...]]]
"""A symbol's weak references: (target, conditions)."""


def split(text: str, unquote: Callable[[str], str]) -> tuple[str, Weak]:
    """text without its weak lines, and those lines' (target, conditions)."""
    if "# weak " not in text:
        return text, []
    weak = [(unquote(m.group(1)[1:-1]),
             tuple(unquote(c) for c in _QUOTED.findall(m.group(2))))
            for m in _WEAK.finditer(text)]
    return _WEAK.sub("", text), weak


def rewrite(text: str, live: set[str], unquote: Callable[[str], str]) -> str:
    """text with each weak `.quad` none of whose conditions is in live written
    `.quad 0` (so a dropped method's slot has neither its function nor its types)."""
    if "# weak " not in text:
        return text

    def one(m: re.Match[str]) -> str:
        conds = (unquote(c) for c in _QUOTED.findall(m.group(2)))
        return m.group(0) if any(c in live for c in conds) else "\t.quad\t0"
    return _WEAK.sub(one, text)


def closure(strong: dict[str, list[str]],
            weak: dict[str, Weak],
            start: Iterable[str]) -> set[str]:
    """The symbols reached from start through strong edges and those weak edges (from
    a reached symbol) one of whose conditions is reached, to the fixpoint."""
    live: set[str] = set()
    pending: dict[str, list[str]] = {}
    work = list(start)
    while work:
        s = work.pop()
        if s in live:
            continue
        live.add(s)
        if s in REFLECT_METHOD:
            work.append(REFLECT)
        work.extend(strong.get(s, ()))
        for target, conds in weak.get(s, ()):
            if any(c in live for c in conds):
                work.append(target)
            else:
                for c in conds:
                    pending.setdefault(c, []).append(target)
        work.extend(pending.pop(s, ()))
    return live
