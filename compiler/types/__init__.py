"""Types: the type checker (check.py, expr.py, stmt.py, builtins.py) and the typed tree.

    prog = check_program(files, diags, load)    # tree.Program; errors in diags
    print(dump(prog))                            # stable indented typed-tree text

`load(import_path)` returns the parsed files of a library package (None: imports are
errors). Library packages are checked first, once each, and precede main in
Program.packages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from compiler.diag import Diagnostics, Pos
from compiler.syntax import ast
from compiler.types import tree
from compiler.types.check import Checker, PackageInfo
from compiler.types.dump import dump
from compiler.types.expr import TooManyErrors
from compiler.types.typ import Universe

__all__ = ["check_program", "dump"]

Loader = Callable[[str], Sequence[ast.File]]


def check_program(files: Sequence[ast.File], diags: Diagnostics,
                  load: Loader | None = None,
                  import_map: Mapping[str, str] | None = None) -> tree.Program:
    """Type-check package main (files) and every package it imports, dependencies first;
    import_map renames import paths as written to real ones (gc's -importmap: `refgo
    test` maps an external test's `import "."` to the package under test)."""
    uni = Universe()
    done: dict[str, PackageInfo] = {}
    order: list[tree.Package] = []
    busy: set[str] = set()

    def importer(path: str, pos: Pos) -> PackageInfo | None:
        if import_map:
            path = import_map.get(path, path)
        if path in done:
            return done[path]
        if path in busy:
            diags.error(pos, "import cycle not allowed")
            return None
        pfiles: Sequence[ast.File] = ()
        if load is not None:
            try:
                pfiles = load(path)
            except (OSError, KeyError, ValueError):
                pfiles = ()
        if not pfiles:
            diags.error(pos, f'package {path} is not in GOROOT')
            return None
        busy.add(path)
        try:
            info = check_one(path, pfiles)
        finally:
            busy.discard(path)
        done[path] = info
        return info

    def check_one(path: str, pfiles: Sequence[ast.File]) -> PackageInfo:
        ck = Checker(diags, uni, path, importer)
        try:
            pkg = ck.check_package(pfiles)
        except RecursionError:
            pos = pfiles[0].pos if pfiles else Pos("<unknown>", 1, 1)
            diags.error(pos, "refgo does not support nesting this deep yet")
            pkg = tree.Package(path, path, (), (), (), (), ())
        order.append(pkg)
        scope: dict[str, object] = {}
        for name in ck.decls:
            obj = ck.decls[name].obj
            if obj is not None and not name.startswith("_"):
                scope[name] = obj
        return PackageInfo(path, pkg.name or path.rsplit("/", 1)[-1], scope, pkg)

    try:
        check_one("main", files)
    except TooManyErrors:
        pass
    return tree.Program(tuple(order))
