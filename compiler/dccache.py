"""dccache: dataclasses' generated methods compiled once, not at every start of refgo.

Creating the compiler's ~230 dataclasses (syntax trees, typed trees, IR) compiles the
source of ~1,300 generated methods (__init__, __eq__, __hash__, ...) with `exec`: half
of the time of importing the compiler, which every `refgo build` pays. `install`, run by
compiler/__init__.py before any of them is created, makes CPython 3.11's
`dataclasses._create_fn` take each method's code object from a table keyed by the exact
source text it would compile, read from

    $REFGO_CACHE/pkg/dataclasses-<cache tag>    (compiler/cache.py's entry format)

and `save` (called by the refgo command's entry point) stores the table when this run
compiled anything new (past MAX_ENTRIES, only the texts this run used, so methods the
compiler no longer has are dropped). A code object compiled from the same text is the same function,
so nothing else changes; an absent, stale or corrupted table only costs the compiles.
Another Python version (or a `_create_fn` of another shape) is left alone.

A frozen dataclass's generated __init__ stores each field through
`object.__setattr__(self, 'name', value)`, which looks the field up by name on every
call; `install` compiles it to call the field's slot descriptor instead (bound once the
class has its slots), the same store at about two thirds of the cost:

    Pos("a.go", 1, 2)    0.31 µs -> 0.20 µs  (the compiler builds hundreds of
                                              thousands of frozen nodes per program)

Frozen slotted dataclasses are restored from pickles (compiler/units.py's cached units
and declarations) by `fast_setstate`: dataclasses' own __setstate__ looks every field
up again for every object.
"""

from __future__ import annotations

import contextlib
import dataclasses
import inspect
import marshal
import os
import re
import sys
import tempfile
import types
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from compiler import cache

_STATE: dict[str, Any] = {}
MAX_ENTRIES = 4000
"""The table's bound (the compiler has about 1,300 methods)."""


def _file() -> Path:
    env = os.environ.get("REFGO_CACHE")
    root = Path(env) if env else Path.home() / ".cache" / "refgo"
    return root / "pkg" / f"dataclasses-{sys.implementation.cache_tag}"


def _load() -> dict[str, types.CodeType]:
    try:
        payload = cache.decode(_file().read_bytes())
        table = marshal.loads(payload) if payload is not None else {}
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(table, dict):
        return {}
    return {k: v for k, v in table.items()
            if isinstance(k, str) and isinstance(v, types.CodeType)}


def install() -> None:
    """Compile dataclasses' methods through the table (once per process), and restore
    frozen slotted dataclasses from pickles (cached units) by `fast_setstate`."""
    if getattr(dataclasses, "_dataclass_setstate", None) is not None:
        dataclasses._dataclass_setstate = _setstate  # type: ignore[attr-defined]
    orig = getattr(dataclasses, "_create_fn", None)
    if _STATE or sys.version_info[:2] != (3, 11) or orig is None:
        return
    params = list(inspect.signature(orig).parameters)
    if params != ["name", "args", "body", "globals", "locals", "return_type"]:
        return
    table = _load()
    used: dict[str, types.CodeType] = {}
    _STATE.update(table=table, used=used, new=False)
    missing = dataclasses.MISSING

    # dataclasses._create_fn of CPython 3.11, the compile taken from the table.
    def create_fn(name: str, args: list[str], body: list[str], *,
                  globals: dict[str, Any] | None = None,  # noqa: A002 - its signature
                  locals: dict[str, Any] | None = None,  # noqa: A002
                  return_type: Any = missing) -> Any:
        if locals is None:
            locals = {}
        setters: dict[str, str] = {}
        if name == "__init__":
            body = _direct_sets(body, locals, setters)
        return_annotation = ""
        if return_type is not missing:
            locals["_return_type"] = return_type
            return_annotation = "->_return_type"
        text = ",".join(args)
        lines = "\n".join(f"  {b}" for b in body)
        txt = f" def {name}({text}){return_annotation}:\n{lines}"
        local_vars = ", ".join(locals.keys())
        txt = f"def __create_fn__({local_vars}):\n{txt}\n return {name}"
        code = table.get(txt)
        if code is None:
            code = compile(txt, "<string>", "exec")
            _STATE["new"] = True
        used[txt] = code
        ns: dict[str, Any] = {}
        exec(code, globals, ns)  # noqa: S102 - what dataclasses itself does
        fn = ns["__create_fn__"](**locals)
        if setters:
            _PENDING[fn] = setters
        return fn

    dataclasses._create_fn = create_fn  # type: ignore[attr-defined]
    add_slots = getattr(dataclasses, "_add_slots", None)
    if add_slots is not None and \
            list(inspect.signature(add_slots).parameters) == ["cls", "is_frozen", "weakref_slot"]:
        def add_slots_fast(cls: type, is_frozen: bool, weakref_slot: bool) -> type:
            native = cls if "__mypyc_attrs__" in cls.__dict__ else None
            cls = add_slots(cls, is_frozen, weakref_slot)
            init = cls.__dict__.get("__init__")
            setters = _PENDING.pop(init, None) if init is not None else None
            if init is not None and setters:
                if native is None:
                    _bind_setters(cls, init, setters)
                else:
                    _NATIVE.append((native, init, setters))
            return cls

        dataclasses._add_slots = add_slots_fast  # type: ignore[attr-defined]


_PENDING: dict[Callable[..., None], dict[str, str]] = {}
"""Frozen dataclasses' __init__ functions whose field setters are still the slow ones:
function -> its closure variable per field (_direct_sets)."""
_NATIVE: list[tuple[type, Callable[..., None], dict[str, str]]] = []
"""Classes mypyc compiled (compiler/accel) whose __init__ is still to be bound by
bind_native. Do NOT bind them in _add_slots: mypyc keeps its native class, not the one
_add_slots makes, and while its dataclass decorator runs the native class lacks its
field descriptors."""
_FROZEN_SET = re.compile(r"__dataclass_builtins_object__\.__setattr__\((\w+),'(\w+)',(.*)\)")


def _direct_sets(body: list[str], locals: dict[str, Any],  # noqa: A002 - as _create_fn's
                 setters: dict[str, str]) -> list[str]:
    """A frozen dataclass's __init__ body with each `object.__setattr__(self, 'f', v)`
    turned into `__dataclass_set_K__(self, v)`, a closure variable (in locals) that sets
    field f: object.__setattr__ until the class gets its slots, then the slot's own
    descriptor (_bind_setters), which does the same store without looking f up on each
    call (frozen slotted classes are created by the hundred thousand). setters gets
    variable -> field; a body of another shape comes back as it is."""
    out = []
    for line in body:
        m = _FROZEN_SET.fullmatch(line)
        if m is None:
            out.append(line)
            continue
        var = f"__dataclass_set_{len(setters)}__"
        setters[var] = m.group(2)
        locals[var] = _slow_setter(m.group(2))
        out.append(f"{var}({m.group(1)},{m.group(3)})")
    return out


def _slow_setter(field: str) -> Callable[[object, object], None]:
    def set_field(obj: object, value: object) -> None:
        object.__setattr__(obj, field, value)
    return set_field


def bind_native() -> None:
    """Bind the __init__ of the native classes created so far (compiler/accel calls it
    after loading each compiled module) to their fields' descriptors."""
    while _NATIVE:
        _bind_setters(*_NATIVE.pop())


_DESCRIPTORS = (types.MemberDescriptorType, types.GetSetDescriptorType)


def _bind_setters(cls: type, init: Callable[..., None], setters: dict[str, str]) -> None:
    """Point init's setter variables at cls's field descriptors (each a slot's member
    descriptor of cls or a base, or a native class's getset descriptor; else the variable
    keeps its slow setter)."""
    code = init.__code__
    cells = init.__closure__ or ()
    for var, fname in setters.items():
        desc: Any = getattr(cls, fname, None)
        if type(desc) in _DESCRIPTORS and var in code.co_freevars:
            cells[code.co_freevars.index(var)].cell_contents = desc.__set__


def save() -> None:
    """Store the table if this process compiled a method it lacked; a cache directory
    that cannot be written is no error."""
    if not _STATE.get("new"):
        return
    # Other commands may use methods this one did not: keep theirs, up to a bound that
    # lets the texts of methods the compiler no longer has be dropped.
    table = {**_STATE["table"], **_STATE["used"]}
    if len(table) > MAX_ENTRIES:
        table = _STATE["used"]
    f = _file()
    with contextlib.suppress(OSError):
        f.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=f.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(cache.encode(marshal.dumps(table)))
            os.chmod(tmp, 0o644)
            os.replace(tmp, f)
        except OSError:
            os.unlink(tmp)
    _STATE["new"] = False


def _setstate(self: object, state: Sequence[object]) -> None:
    """dataclasses' __setstate__ of a frozen slotted class (install puts it in place of
    `dataclasses._dataclass_setstate` before any such class is created): on its first
    use for a class, it gives the class its `fast_setstate`."""
    cls = type(self)
    fast = fast_setstate(cls, tuple(f.name for f in dataclasses.fields(cls)))  # type: ignore[arg-type]
    cls.__setstate__ = fast  # type: ignore[attr-defined]
    fast(self, state)


def fast_setstate(cls: type, names: tuple[str, ...]
                  ) -> Callable[[object, Sequence[object]], None]:
    """dataclasses' __setstate__ of a frozen slotted class (the field values in order, as
    its __getstate__ lists them) without looking the fields up again for every object:
    most of the time of reading a cached unit went there. Each field is set through its
    slot's descriptor, one statement each (a state of another length raises); the code
    is compiled once per number of fields."""
    n = len(names)
    if n not in _SETSTATE_CODE:
        vals = "".join(f"v{i}, " for i in range(n))
        body = "".join(f"\n    d{i}(self, v{i})" for i in range(n)) or "\n    pass"
        src = f"def setstate(self, state):\n    ({vals}) = state{body}"
        _SETSTATE_CODE[n] = compile(src, "<setstate>", "exec").co_consts[0]
    env = {f"d{i}": getattr(cls, name).__set__ for i, name in enumerate(names)}
    return types.FunctionType(_SETSTATE_CODE[n], env)


_SETSTATE_CODE: dict[int, types.CodeType] = {}
