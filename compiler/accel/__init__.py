"""accel: serve the compiler's hot modules compiled by mypyc, only while they are current.

`python -m compiler.accel build` (compiler/accel/__main__.py) compiles MODULES with
mypyc into

    <repo>/.accel/<source hash>-<SOABI>-mypy<version>/    (gitignored)
        manifest.json                          its key, mypy, build seconds (`status`)
        refgo_accel__mypyc.<SOABI>.so          the compiled code of every module
        compiler/regalloc.<SOABI>.so, ...      one shim per module (mypyc's layout)

and `install`, run by compiler/__init__.py before any of them is imported, puts a finder
first on sys.meta_path that loads those extension modules in place of the .py files when
the build's key names the current sources: `source_hash` (every .py file of the
compiler, as units.compiler_version hashes them) and this interpreter's SOABI. Editing
any compiler source changes the hash, so the next run imports the pure-Python modules
as before (correct, slower) until the next build; an absent or foreign build is no
error either (a build is renamed into place only once complete). REFGO_ACCEL=0 turns
the finder off.

Start-up cost: without a .accel directory, one failed listdir. With one, hashing the
sources (2-5 ms), which a `refgo build` pays anyway for its cache keys: the digest is
computed once per process and units.compiler_version reuses it.

Generated code does not depend on which modules are compiled (every build's output is
byte-identical; docs/performance.md), so the build cache is shared by both.
Do NOT add a module whose classes are pickled (units.Unit, FuncCode: pickle restores
them through slots, which mypyc's native classes do not have), nor one with mixin
classes (the checker, walk, escape: native classes have no multiple inheritance), nor
one that reads annotations as strings or `__slots__` (docs/internals.md has the rules).
mypyc checks every declared type at run time: a wrong annotation in a compiled module
raises TypeError (an internal compiler error) only on the accelerated path.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.machinery
import importlib.util
import os
import posixpath
import sys
from collections.abc import Iterator, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

from compiler import dccache

COMPILER_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ACCEL_DIR = os.path.join(os.path.dirname(COMPILER_DIR), ".accel")
"""Where builds live: beside the compiler package, outside any import path (the
repository root of a checkout, which Docker toolchain containers mount too)."""
LIB = "refgo_accel"
"""mypyc's group name: the shared library is the top-level module LIB + "__mypyc"."""

MODULES = (
    "compiler.ir",
    "compiler.regalloc",
    "compiler.amd64",
    "compiler.amd64float",
    "compiler.fold",
    "compiler.addrmode",
    "compiler.hoist",
    "compiler.prove",
    "compiler.liveness",
    "compiler.livenames",
    "compiler.inline",
    "compiler.inlcost",
    "compiler.devirt",
    "compiler.syntax.lexer",
    "compiler.syntax.parser",
)
"""The modules a build compiles (chosen by measurement: docs/performance.md)."""

KEEP_UNUSED = 3600.0
"""Seconds an older build stays after the last process that served it started (install
touches the build's directory; a build removes the others past this age): a process
imports some compiled modules only when it first needs them, so do NOT remove a build
a running process may still load from."""

STATE: dict[str, str] = {}
"""What install decided: "dir" (the build served) or "reason" (why none is)."""

_DIGEST: list[str] = []


def source_hash() -> str:
    """A hash of every .py file of the compiler (paths and contents; not the Go library
    under lib/), computed once per process."""
    if not _DIGEST:
        _DIGEST.append(tree_hash(COMPILER_DIR))
    return _DIGEST[0]


def tree_hash(root: str) -> str:
    """source_hash of the compiler package at root."""
    h = hashlib.sha256()
    for rel in sorted(_sources(root, "")):
        with open(os.path.join(root, rel), "rb") as f:
            h.update(rel.encode() + b"\0" + f.read())
    return h.hexdigest()


def _sources(root: str, rel: str) -> Iterator[str]:
    """The paths of the .py files under root/rel, relative to root, but the Go library's
    (lib/) and bytecode directories (os.scandir: pathlib's rglob took most of the time
    of hashing, which every build pays)."""
    with os.scandir(os.path.join(root, rel)) as it:
        for e in it:
            name = posixpath.join(rel, e.name) if rel else e.name
            if e.is_dir():
                if name != "lib" and e.name != "__pycache__":
                    yield from _sources(root, name)
            elif e.name.endswith(".py"):
                yield name


def soabi() -> str:
    """The extension ABI tag of this interpreter (sysconfig's SOABI,
    cpython-311-x86_64-linux-gnu, read from the import system: importing sysconfig
    costs a start-up more)."""
    return importlib.machinery.EXTENSION_SUFFIXES[0].removeprefix(".").removesuffix(".so")


def key_prefix() -> str:
    """The part of a build's directory name the current sources and interpreter decide;
    the rest names the mypy that built it."""
    return f"{source_hash()}-{soabi()}-"


def current() -> str | None:
    """The directory of the build for the current sources, or None (STATE["reason"]
    says why). Of several (built by several mypy versions), the last by name."""
    try:
        names = os.listdir(ACCEL_DIR)
    except OSError:
        STATE["reason"] = "no build (python -m compiler.accel build)"
        return None
    prefix = key_prefix()
    found = sorted(n for n in names if n.startswith(prefix))
    if not found:
        STATE["reason"] = "no build for the current sources (python -m compiler.accel build)"
        return None
    return os.path.join(ACCEL_DIR, found[-1])


class Finder:
    """A meta path finder serving the extension modules of one build: module name ->
    its .so file (the modules and mypyc's shared library)."""

    def __init__(self, files: dict[str, str]) -> None:
        self.files = files

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        so = self.files.get(fullname)
        if so is None:
            return None
        loader = _Loader(fullname, so)
        return importlib.util.spec_from_file_location(fullname, so, loader=loader)


class _Loader(importlib.machinery.ExtensionFileLoader):
    """An extension module loader that binds the loaded native dataclasses' __init__ to
    their fields (dccache.bind_native: their stores cost what the slots' do)."""

    def exec_module(self, module: ModuleType) -> None:
        super().exec_module(module)
        dccache.bind_native()


def install() -> None:
    """Serve the current build's modules (once per process; see the module docstring),
    unless REFGO_ACCEL=0 or none is current."""
    if STATE:
        return
    if os.environ.get("REFGO_ACCEL", "1") == "0":
        STATE["reason"] = "turned off (REFGO_ACCEL=0)"
        return
    build = current()
    if build is None:
        return
    table = {name: os.path.join(build, *name.split(".")) + f".{soabi()}.so"
             for name in (*MODULES, LIB + "__mypyc")}
    if any(name in sys.modules for name in table):
        STATE["reason"] = "a compiled module was imported before the finder"
        return
    sys.meta_path.insert(0, Finder(table))
    STATE["dir"] = build
    with contextlib.suppress(OSError):  # a read-only checkout: nothing prunes it either
        os.utime(build)


def served() -> list[str]:
    """The compiled modules this process imported from the build."""
    build = STATE.get("dir")
    if build is None:
        return []
    return sorted(name for name, mod in list(sys.modules.items())
                  if (getattr(mod, "__file__", None) or "").startswith(build + os.sep))
