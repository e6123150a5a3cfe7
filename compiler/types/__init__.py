"""Types: the type checker and the typed tree.

    prog = check_program(files, diags, load)    # tree.Program; errors in diags
    print(dump(prog))                            # stable indented typed-tree text

`load(import_path)` returns the parsed files of a library package (None: imports are
errors). Library packages are checked first, once each, and precede main in
Program.packages.

Data, for every later phase: typ.py (types, objects, layout, selection, the type
printer), tree.py (the typed tree), constant.py (exact constants), predicates.py
(identity, comparability, operator classes); none imports checker code.

The checker is one class, check.Checker, whose methods are spread over one module per
concern, as types2 spreads its Checker's methods over files. Each module holds a mixin
class derived from base.CheckerBase (the shared state, errors, lookup), and Checker
composes them all; a mixin calls the others through `self`, and CheckerBase declares
those cross-module methods for mypy. Helpers that need no checker state are module
functions. The modules:

    check.py        package level: collection, lazy resolution, methods, init order
    decl.py         const, var and local type declarations
    typexpr.py      type expressions
    expr.py         the expression dispatcher, names, literals, *p, x.(T)
    operators.py    unary and binary operators, comparisons, shifts
    call.py         calls and arguments          conversions.py   T(x)
    builtins.py     len, append, make, ...       literals.py      T{...}, func literals
    selector.py     x.f, methods                 index.py         x[i], x[i:j]
    assignments.py  assignability (use_as), implicit conversions, assignment statements
    stmt.py         statements and function bodies (labels.py: termination; labels
                    and gotos are compiler/syntax/branches.py's)
    switch.py       expression and type switches
    generic.py      generic functions and types: instantiation
    infer.py        type argument inference
    embed.py        //go:embed: the patterns' files as a string, []byte or embed.FS var's value
    operand.py      Operand, scopes, types2's operand descriptions in messages
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence

from compiler import stdlib
from compiler.diag import Diagnostic, Diagnostics, Pos
from compiler.syntax import ast
from compiler.types import tree
from compiler.types.base import TooManyErrors
from compiler.types.check import Checker, PackageInfo
from compiler.types.dump import dump
from compiler.types.generic import drain
from compiler.types.typ import Universe, forget_packages

__all__ = ["check_program", "dump"]

Loader = Callable[[str], Sequence[ast.File]]


def check_program(files: Sequence[ast.File], diags: Diagnostics,
                  load: Loader | None = None,
                  import_map: Mapping[str, str] | None = None,
                  bodies: Callable[[str], bool] | None = None,
                  lang: str = "") -> tree.Program:
    """Type-check package main (files) and every package it imports, dependencies first;
    import_map renames import paths as written to real ones (gc's -importmap: `refgo
    test` maps an external test's `import "."` to the package under test); a package
    for whose path bodies returns False gets its declarations checked, not its function
    bodies (Checker.bodies). lang (gc's -lang, `go1.16`) is the language version the
    files are checked against (Checker.lang); imported packages use the compiler's."""
    uni = Universe()
    forget_packages()
    done: dict[str, PackageInfo] = {}
    order: list[tree.Package] = []
    busy: set[str] = set()
    checked: list[ast.File] = []
    late: list[Diagnostic] = []

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
            diags.error(pos, stdlib.missing_package(path))
            return None
        busy.add(path)
        try:
            info = check_one(path, pfiles)
        finally:
            busy.discard(path)
        done[path] = info
        return info

    def check_one(path: str, pfiles: Sequence[ast.File], lang: str = "") -> PackageInfo:
        for f in pfiles:
            for d in f.directive_errors:
                diags.error(d.pos, d.msg)
        checked.extend(pfiles)
        ck = Checker(diags, uni, path, importer, bodies)
        ck.lang = lang
        try:
            pkg = ck.check_package(pfiles)
        except RecursionError:
            pos = pfiles[0].pos if pfiles else Pos("<unknown>", 1, 1)
            diags.error(pos, "refgo does not support nesting this deep yet")
            pkg = tree.Package(path, path, (), (), (), (), ())
        order.append(pkg)
        late.extend(Diagnostic(p, m) for p, m in ck.late_errors)
        late.extend(_linkname_errors(pfiles, ck))
        scope: dict[str, object] = {}
        for name in ck.decls:
            obj = ck.decls[name].obj
            if obj is not None and not name.startswith("_"):
                scope[name] = obj
        return PackageInfo(path, pkg.name or path.rsplit("/", 1)[-1], scope, pkg)

    try:
        check_one("main", files, lang)
        drain(uni.pending)
    except TooManyErrors:
        pass
    except RecursionError:
        pos = files[0].pos if files else Pos("<unknown>", 1, 1)
        diags.error(pos, "refgo does not support nesting this deep yet")
    if not diags.errors:
        # gc reports these while generating code, so only for a well-typed program.
        for f in checked:
            for d in f.late_directive_errors:
                diags.error(d.pos, d.msg)
        for d in late:
            diags.error(d.pos, d.msg)
    if uni.instances and order:
        last = order[-1]
        order[-1] = dataclasses.replace(last, funcs=last.funcs + tuple(uni.instances))
    return tree.Program(tuple(order))


def _linkname_errors(files: Sequence[ast.File], ck: Checker) -> list[Diagnostic]:
    """gc's checks of a package's //go:linkname directives, made after type checking:
    the file must import unsafe, the local name must be a package-level function or
    variable (from -lang=go1.18 on), and named by one directive only."""
    out: list[Diagnostic] = []
    done: set[str] = set()
    for f in files:
        unsafe = any(isinstance(d, ast.ImportDecl) and d.path.strip('"`') == "unsafe"
                     for d in f.decls)
        for pos, local in f.linknames:
            if not unsafe:
                out.append(Diagnostic(pos, '//go:linkname only allowed in Go files that '
                                           'import "unsafe"'))
                continue
            d = ck.decls.get(local)
            if d is None or d.kind not in ("var", "func"):
                if ck.lang_before(18):
                    continue  # before Go 1.18 gc ignored an ineffectual directive
                out.append(Diagnostic(pos, "//go:linkname must refer to declared function "
                                           "or variable"))
                continue
            if local in done:
                out.append(Diagnostic(pos, f"duplicate //go:linkname for {local}"))
                continue
            done.add(local)
    return out
