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
"""

from __future__ import annotations

import contextlib
import dataclasses
import inspect
import marshal
import os
import sys
import tempfile
import types
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
    """Compile dataclasses' methods through the table (once per process)."""
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
        return ns["__create_fn__"](**locals)

    dataclasses._create_fn = create_fn  # type: ignore[attr-defined]


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
