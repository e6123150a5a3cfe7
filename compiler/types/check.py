"""The type checker's package level: declarations, types, init order, function bodies.

`check_package` resolves package-level names lazily (a type, constant, variable or
function signature is resolved the first time something needs it, so declaration order
does not matter), then checks function bodies in source order and orders variable
initialisation by dependencies, as Go does. For

    var a = b + 1
    var b = f()
    func f() int { return 2 }

Package.inits is `b = f()` then `a = b + 1`.

The other concerns (declarations, expressions, statements, ...) are mixins in their own
modules, composed here into Checker (see the package docstring).

This module is long because package-level resolution, init order and the driving of body
checks share the lazy-resolution state every mixin reads.
"""

from __future__ import annotations

import dataclasses
import heapq
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from compiler.diag import Diagnostics, Pos
from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import tree
from compiler.types.assignments import AssignChecker
from compiler.types.base import FuncCtx, TooManyErrors
from compiler.types.builtins import BuiltinChecker
from compiler.types.call import CallChecker
from compiler.types.constant import unquote
from compiler.types.conversions import ConversionChecker
from compiler.types.decl import DeclChecker
from compiler.types.embed import EmbedChecker
from compiler.types.expr import ExprChecker
from compiler.types.generic import GenericChecker, GenericType
from compiler.types.index import IndexChecker
from compiler.types.infer import InferChecker
from compiler.types.literals import LiteralChecker
from compiler.types.operand import INVALID_TYPE, Builtin, PkgName, Scope
from compiler.types.operators import OperatorChecker
from compiler.types.selector import SelectorChecker
from compiler.types.stmt import StmtChecker
from compiler.types.switch import SwitchChecker
from compiler.types.typ import (
    UNSAFE_POINTER,
    Basic,
    Const,
    Func,
    Interface,
    Named,
    Pointer,
    Signature,
    Struct,
    Type,
    TypeName,
    Universe,
    Var,
    VarKind,
    declare_height,
    declare_package,
    message_string,
    named_name,
    package_height,
    qname,
    under,
)
from compiler.types.typexpr import TypeExprChecker
from compiler.types.universe import universe


@dataclass(slots=True, eq=False)
class _Decl:
    """One package-level name and where it is declared; `state` 0 new, 1 busy, 2 done."""

    kind: str
    name: ast.Name
    spec: ast.Decl
    scope: Scope
    index: int = 0
    state: int = 0
    obj: object = None


@dataclass(slots=True)
class PackageInfo:
    """A checked package: its exported scope and typed tree."""

    path: str
    name: str
    scope: dict[str, object]
    tree: tree.Package
    deps: list[str] = field(default_factory=list)


class Checker(StmtChecker, SwitchChecker, AssignChecker, DeclChecker, ExprChecker,
              OperatorChecker, CallChecker, BuiltinChecker, ConversionChecker, LiteralChecker,
              SelectorChecker, IndexChecker, TypeExprChecker, GenericChecker,
              InferChecker, EmbedChecker):
    """Checks one package; see the module docstring. The other concerns' methods come
    from the mixins (the package docstring lists them); this module adds the package
    level."""

    def __init__(self, diags: Diagnostics, uni: Universe, path: str,
                 importer: Callable[[str, Pos], PackageInfo | None],
                 bodies: Callable[[str], bool] | None = None) -> None:
        super().__init__(diags, uni, path)
        self.importer = importer
        self.bodies = bodies
        """Asked once the package's imports are checked: False skips its function
        bodies (a separately compiled package from the build cache, compiler/units.py,
        whose importers need only its declarations)."""
        self.universe_scope = Scope(None, universe())
        self.pkg_scope = Scope(self.universe_scope)
        self.decls: dict[str, _Decl] = {}
        self.pkg_name = ""
        self.globals: list[Var] = []
        self.funcs: list[tree.FuncDecl] = []
        self.var_inits: list[tuple[list[Var], tree.Stmt, set[object]]] = []
        self.func_deps: dict[object, set[object]] = {}
        self.init_funcs: list[Func] = []
        self.imports: list[PkgName] = []
        self.import_paths: list[str] = []
        self.used_pkgs: set[int] = set()
        self.func_bodies: list[tuple[ast.FuncDecl, Func, Scope]] = []
        self.methods: list[tuple[ast.FuncDecl, Scope]] = []
        self.fixups: list[tuple[Named, Named | ast.Expr, Scope]] = []
        self.generic_methods: dict[str, list[tuple[ast.FuncDecl, Scope]]] = {}
        """Methods with receiver type parameters, by receiver base type name."""
        self.pending: set[int] = set()
        self.resolving: list[_Decl] = []
        self.realias: set[int] = set()
        """ids of alias _Decls being resolved again by _realias (a second visit is a cycle)."""

    # -- entry ----------------------------------------------------------------------------

    def check_package(self, files: Sequence[ast.File]) -> tree.Package:
        """Check every file of the package and return its typed tree."""
        try:
            self._collect(files)
            declare_height(self.path, max((package_height(p) + 1 for p in self.import_paths),
                                          default=0))
            self._resolve_all()
            self.check_type_sizes()
            if self.bodies is None or self.bodies(self.path):
                self._check_bodies()
                self.check_generic_bodies()
                self.check_embedded()
                self._unused_imports()
            else:
                self._check_bodies(decls_only=True)
        except TooManyErrors:
            pass
        return tree.Package(
            path=self.path, name=self.pkg_name, files=tuple(f.path for f in files),
            globals=tuple(self.globals), funcs=tuple(self.funcs),
            inits=tuple(self._init_order()), named=tuple(self.named),
            init_funcs=tuple(self.init_funcs), imports=tuple(self.import_paths))

    # -- collection -----------------------------------------------------------------------

    def _collect(self, files: Sequence[ast.File]) -> None:
        fscopes: list[Scope] = []
        for f in files:
            if not self.pkg_name and f.package.value == "_":
                self.error(f.package.pos, "invalid package name _")
            elif not self.pkg_name:
                self.pkg_name = f.package.value
                declare_package(self.path, self.pkg_name)
            elif f.package.value != self.pkg_name:
                self.error(f.package.pos, f"package {f.package.value}; expected "
                                          f"package {self.pkg_name}")
                continue
            fscope = Scope(self.pkg_scope)
            fscopes.append(fscope)
            for d in f.decls:
                self._collect_decl(d, fscope)
        self._import_conflicts(fscopes)

    def _import_conflicts(self, fscopes: list[Scope]) -> None:
        """Reports a package-level name that a file's import also declares (types2
        reports it at the package-level declaration, after collecting everything)."""
        for fscope in fscopes:
            for name, obj in fscope.names.items():
                prev = self.decls.get(name)
                if prev is None:
                    continue
                if isinstance(obj, PkgName):
                    pkg = obj.path.rsplit("/", 1)[-1]
                    self.error(prev.name.pos, f"{name} already declared through import of "
                                              f'package {pkg} ("{obj.path}")\n\t'
                                              f"{obj.pos}: other declaration of {name}")
                elif isinstance(dot := self.dot_objs.get((id(fscope), id(obj))), PkgName):
                    pkg = dot.path.rsplit("/", 1)[-1]
                    self.error(prev.name.pos, f"{name} already declared through dot-import "
                                              f'of package {pkg} ("{dot.path}")\n\t'
                                              f"{getattr(obj, 'pos', dot.pos)}: other "
                                              f"declaration of {name}")

    def _declare(self, name: ast.Name, kind: str, spec: ast.Decl, scope: Scope,
                 index: int = 0) -> None:
        n = name.value
        if n == "_":
            self.decls[f"_{len(self.decls)}"] = _Decl(kind, name, spec, scope, index)
            return
        if n == "init" and kind != "func":
            self.error(name.pos, "cannot declare init - must be func")
            return
        if n == "main" and kind != "func" and self.path == "main":
            self.error(name.pos, "cannot declare main - must be func")
            return
        prev = self.decls.get(n)
        if prev is not None:
            self.error(name.pos, f"{n} redeclared in this block\n\t"
                                 f"{prev.name.pos}: other declaration of {n}")
            return
        self.decls[n] = _Decl(kind, name, spec, scope, index)

    def _collect_decl(self, d: ast.Decl, fscope: Scope) -> None:
        match d:
            case ast.ImportDecl():
                self._import(d, fscope)
            case ast.ConstSpec():
                for i, n in enumerate(d.names):
                    self._declare(n, "const", d, fscope, i)
            case ast.VarSpec():
                for i, n in enumerate(d.names):
                    self._declare(n, "var", d, fscope, i)
            case ast.TypeSpec():
                self._declare(d.name, "type", d, fscope)
            case ast.FuncDecl():
                name = d.name.value
                if d.recv is None and (name == "init" or name == "main" and
                                       self.path == "main") and (
                        d.type.params or d.type.results):
                    # types2 checks the signature as written, once per declaration
                    # (a redeclared main too).
                    self.error(d.name.pos, f"func {name} must have no arguments and no "
                                           f"return values")
                base = _generic_recv_base(d)
                if base is not None:
                    self.generic_methods.setdefault(base, []).append((d, fscope))
                elif d.recv is not None:
                    self.methods.append((d, fscope))
                elif d.name.value == "init":
                    self.methods.append((d, fscope))
                elif d.name.value == "_":
                    self.methods.append((d, fscope))
                else:
                    self._declare(d.name, "func", d, fscope)

    def _import(self, d: ast.ImportDecl, fscope: Scope) -> None:
        path = unquote(d.path).decode("utf-8", "replace")
        bad = "empty string" if not path else next(
            (f"invalid character {_char_name(r)}" for r in path
             if not r.isprintable() or r.isspace() or r in _IMPORT_PATH_ILLEGAL), "")
        if bad:
            self.error(d.path_pos, f"invalid import path ({bad})")
            return
        if path.startswith("/"):
            self.error(d.path_pos, f"could not import {path} (import path cannot be absolute "
                                   f"path)")
            return
        local = path in (".", "..") or path.startswith(("./", "../"))
        if not local and posixpath.normpath(path) != path:
            # gc's importer: a non-local path must be written as path.Clean gives it.
            self.error(d.path_pos, f'could not import {path} (non-canonical import path '
                                   f'"{path}" (should be "{posixpath.normpath(path)}"))')
            self._broken_import(path, d, fscope)
            return
        if path == "unsafe":
            scope = _unsafe_scope()
            name = "unsafe"
        else:
            info = self.importer(path, d.path_pos)
            if info is None:
                self._broken_import(path, d, fscope)
                return
            scope = info.scope
            name = info.name
            path = info.path  # as gc names it in messages: test/a for "./a" under -D test
            declare_package(path, name)
            if path not in self.import_paths:
                self.import_paths.append(path)
        if d.name is not None and d.name.value == ".":
            self._dot_import(path, d, scope, fscope)
            return
        if d.name is not None:
            name = d.name.value
        if name == "init":
            self.error(d.pos, "cannot import package as init - init must be a func")
            return
        if name == "_":
            return
        pn = PkgName(name, path, d.path_pos, scope)
        if name in fscope.names:
            self.error(d.path_pos, f"{name} redeclared in this block")
            self.imports.append(pn)  # never usable: gc reports it unused too
            return
        fscope.names[name] = pn
        self.imports.append(pn)

    def _broken_import(self, path: str, d: ast.ImportDecl, fscope: Scope) -> None:
        """Declare the name of an import that failed (its error given) as a broken
        package, used, so that its uses add no `undefined` or `not used` errors."""
        name = d.name.value if d.name is not None else path.rsplit("/", 1)[-1]
        if name in (".", "_") or name in fscope.names or not name.isidentifier():
            return
        pn = PkgName(name, path, d.path_pos, {}, broken=True)
        fscope.names[name] = pn
        self.used_pkgs.add(id(pn))

    def _dot_import(self, path: str, d: ast.ImportDecl, scope: dict[str, object],
                    fscope: Scope) -> None:
        """`import . "path"`: the package's exported names join the file scope; lookup
        marks the import used when one of them is."""
        pn = PkgName(".", path, d.name.pos if d.name is not None else d.path_pos, scope)
        for n, o in scope.items():
            if not n[:1].isupper():
                continue
            if n in fscope.names:
                self.error(d.path_pos, f"{n} redeclared in this block")
                continue
            fscope.names[n] = o
            self.dot_objs[(id(fscope), id(o))] = pn
        self.imports.append(pn)

    def _unused_imports(self) -> None:
        generic_uses = self._generic_pkg_uses()
        for pn in self.imports:
            if id(pn) not in self.used_pkgs and pn.name not in generic_uses:
                base = pn.path.rsplit("/", 1)[-1]
                if pn.name != base and pn.name != ".":
                    self.error(pn.pos, f'imported and not used: "{pn.path}" as {pn.name}')
                else:
                    self.error(pn.pos, f'imported and not used: "{pn.path}"')

    def _generic_pkg_uses(self) -> set[str]:
        """Names used as `X.sel` in generic declarations: their bodies are checked only
        per instance (maybe never, maybe after this check), but use their imports."""
        specs: list[object] = [d.spec for d in self.decls.values()
                               if isinstance(d.spec, ast.FuncDecl | ast.TypeSpec)
                               and d.spec.tparams]
        for ms in self.generic_methods.values():
            specs.extend(m for m, _ in ms)
        out: set[str] = set()
        stack = specs
        while stack:
            n = stack.pop()
            if isinstance(n, tuple):
                stack.extend(n)
            elif dataclasses.is_dataclass(n) and not isinstance(n, Pos):
                if isinstance(n, ast.SelectorExpr) and isinstance(n.x, ast.Name):
                    out.add(n.x.value)
                stack.extend(getattr(n, f.name) for f in dataclasses.fields(n))
        return out

    # -- lazy resolution ------------------------------------------------------------------

    def package_scope(self, path: str, pos: Pos) -> dict[str, object]:
        """The scope of the imported package path (empty if it cannot be imported)."""
        info = self.importer(path, pos)
        return info.scope if info is not None else {}

    def lookup_pkg(self, name: str) -> object | None:
        """Resolve (if needed) and return the package-level object `name`."""
        d = self.decls.get(name)
        if d is None:
            return None
        return self._resolve(d)

    def _resolve(self, d: _Decl) -> object:
        if d.state == 2:
            return d.obj
        if d.state == 1:
            # A generic type named in its own type parameter list (not through another
            # declaration) is types2's cycle through a type parameter list.
            own = isinstance(d.obj, GenericType) and d.obj.declaring == len(self.resolving)
            if own:
                d.obj = None
            if d.kind == "type" and d.obj is not None:
                return d.obj
            if d.kind == "func" and d.obj is not None:
                return d.obj
            if d.kind == "func" and isinstance(d.spec, ast.FuncDecl) and not d.spec.tparams:
                # types2 paints a function black while it checks its signature: a use of
                # it there is a func() value, never a cycle.
                return Func(d.name.value, self.path, Signature((), ()), d.name.pos)
            cycle = self.resolving[self.resolving.index(d):] if d in self.resolving else [d]
            if d.kind == "type" and id(d) not in self.realias and any(
                    c.kind == "type" and c.obj is not None for c in cycle):
                return self._realias(d)
            what = "invalid recursive type" if d.kind == "type" else "initialization loop for"
            lines = "".join(f"\n\t{c.name.pos}: {c.name.value} refers to" for c in cycle)
            self.error(d.name.pos, f"{what} {d.name.value}{lines}\n\t"
                                   f"{d.name.pos}: {d.name.value}")
            if d.kind == "type":
                return TypeName(d.name.value, INVALID_TYPE, d.name.pos)
            if d.kind == "const":
                return Const(d.name.value, INVALID_TYPE, 0, d.name.pos)
            return Var(d.name.value, INVALID_TYPE, d.name.pos, VarKind.GLOBAL, self.path,
                       self.uni.uid())
        d.state = 1
        saved = self.save_context()
        self.resolving.append(d)
        try:
            match d.kind:
                case "type":
                    d.obj = self._resolve_type_decl(d)
                case "const":
                    self._resolve_const(d)
                case "var":
                    self._resolve_var(d)
                case "func":
                    d.obj = self._resolve_func(d)
        finally:
            self.restore_context(saved)
            self.resolving.pop()
            d.state = 2
        return d.obj

    def _realias(self, d: _Decl) -> object:
        """Resolve alias d again when it is reached through its own declaration along a
        cycle that passes a defined type (`type a = b; type b struct{ *a }`, valid Go):
        the defined type's name is already bound, so the cycle ends there."""
        spec = d.spec
        assert isinstance(spec, ast.TypeSpec)
        saved = self.save_context()
        self.realias.add(id(d))
        try:
            self.scope = d.scope
            return TypeName(spec.name.value, self.resolve_type(spec.type), spec.name.pos)
        finally:
            self.realias.discard(id(d))
            self.restore_context(saved)

    def _resolve_type_decl(self, d: _Decl) -> object:
        spec = d.spec
        assert isinstance(spec, ast.TypeSpec)
        self.scope = d.scope
        if spec.tparams:
            if self.lang_before(18):
                self.version_error(spec.tparams[0].pos, "type parameter", 18)
            gt = self.generic_type(spec, d.scope, self.generic_methods.get(spec.name.value,
                                                                           []),
                                   lambda g: setattr(d, "obj", g))
            # Its instance by its own parameters checks the declaration and its methods'
            # signatures even if nothing instantiates it.
            own = self.instantiate_type(gt, gt.tparams, [spec.name.pos])
            if isinstance(own, Named):
                self.valid_type(own, own.underlying or Struct(()))
            return gt
        if spec.alias:
            t = self.resolve_type(spec.type)
            return TypeName(spec.name.value, t, spec.name.pos)
        nt = Named(spec.name.value, self.path, spec.name.pos)
        nt.notinheap = spec.notinheap
        tn = TypeName(spec.name.value, nt, spec.name.pos)
        d.obj = tn
        self.named.append(nt)
        self.type_stack.append(nt)
        self.type_ind[id(nt)] = self.indirections
        saved_embed = self.incomplete_embed
        self.incomplete_embed = False
        # `type C comparable` names a constraint; `struct{ c C }` is what may not use it.
        saved_in = self.in_constraint
        self.in_constraint = isinstance(spec.type, ast.Name | ast.SelectorExpr)
        try:
            u = self.resolve_type(spec.type)
        finally:
            self.in_constraint = saved_in
            self.type_stack.pop()
            del self.type_ind[id(nt)]
        if self.incomplete_embed:
            self.fixups.append((nt, spec.type, d.scope))
        self.incomplete_embed = saved_embed
        if u is nt or u is INVALID_TYPE:
            u = Struct(())
        if isinstance(u, Named) and (u.underlying is None or id(u) in self.pending):
            self.fixups.append((nt, u, d.scope))
            self.pending.add(id(nt))
            nt.underlying = Struct(())
        else:
            nt.underlying = _under_or(u)
        if not self.type_stack:
            self._run_fixups()
        if nt.underlying is not None and _instantiates(spec.type):
            self.valid_type(nt, u)
        return tn

    def _run_fixups(self) -> None:
        """Complete types that referred to types still being declared (T2 = T1 while T1
        was incomplete; interfaces embedding one)."""
        for _ in range(3):
            todo, self.fixups = self.fixups, []
            for nt, src, scope in todo:
                self.pending.discard(id(nt))
                if isinstance(src, Named):
                    nt.underlying = under(src) if src.underlying is not None else Struct(())
                else:
                    saved = self.scope
                    self.scope = scope
                    try:
                        u = self.resolve_type(src)
                    finally:
                        self.scope = saved
                    nt.underlying = _under_or(u)
            if not self.fixups:
                return
        self.fixups = []

    def _resolve_const(self, d: _Decl) -> None:
        spec = d.spec
        assert isinstance(spec, ast.ConstSpec)
        self.scope = d.scope
        objs = self.const_spec(spec)
        for i, n in enumerate(spec.names):
            dd = self.decls.get(n.value)
            if dd is not None and dd.spec is spec:
                dd.obj = objs[i]
                dd.state = 2

    def _resolve_var(self, d: _Decl) -> None:
        spec = d.spec
        assert isinstance(spec, ast.VarSpec)
        self.scope = d.scope
        self.func = None
        self.deps = set()
        vs, stmt = self.var_spec(self.embed_spec(spec) if spec.embed_pos else spec,
                                 VarKind.GLOBAL)
        for i, n in enumerate(spec.names):
            dd = self.decls.get(n.value)
            if dd is not None and dd.spec is spec:
                dd.obj = vs[i]
                dd.state = 2
        if any(n.value == "_" for n in spec.names):
            # blank names are keyed `_N`: mark them done too, or the spec (and its
            # initialiser's calls) would be checked and emitted once per blank name.
            for dd in self.decls.values():
                if dd.spec is spec and dd.state != 2:
                    dd.obj = vs[dd.index]
                    dd.state = 2
        real = [v for v in vs if v.name != "_" or stmt is not None]
        self.globals.extend(v for v in vs if v.name != "_")
        if stmt is not None:
            self.var_inits.append((real, stmt, self.deps))
        self.deps = None

    def _resolve_func(self, d: _Decl) -> object:
        spec = d.spec
        assert isinstance(spec, ast.FuncDecl)
        self.scope = d.scope
        if spec.tparams:
            if self.lang_before(18):
                self.version_error(spec.tparams[0].pos, "type parameter", 18)
            if spec.name.value in ("main", "init") and self.path == "main":
                self.error(spec.name.pos, f"func {spec.name.value} must have no type "
                                          f"parameters")
            return self.generic_func(spec.name.value, spec, d.scope)
        sig = self.resolve_signature(spec.type)
        fn = Func(spec.name.value, self.path, sig, spec.name.pos, None,
                  pragmas=spec.pragmas, external=spec.body is None)
        d.obj = fn
        self.func_bodies.append((spec, fn, d.scope))
        return fn

    def _resolve_method(self, spec: ast.FuncDecl, fscope: Scope) -> None:
        self.scope = fscope
        if spec.tparams and spec.recv is None:
            if spec.name.value == "init":
                self.error(spec.name.pos, "func init must have no type parameters")
            self.generic_func(spec.name.value, spec, fscope)
            return
        sig = self.resolve_signature(spec.type)
        if spec.recv is None:
            name = spec.name.value
            if name == "init":
                name = f"init.{len(self.init_funcs)}"
            fn = Func(name, self.path, sig, spec.name.pos, None, pragmas=spec.pragmas,
                      external=spec.body is None)
            if spec.name.value == "init":
                if spec.body is None:
                    self.error(spec.name.pos, "missing function body")
                self.init_funcs.append(fn)
            self.func_bodies.append((spec, fn, fscope))
            return
        rt = spec.recv.type
        ptr = False
        if isinstance(rt, ast.ParenExpr):
            rt = rt.x
        if isinstance(rt, ast.StarExpr):
            ptr = True
            rt = rt.x
        base: Type = INVALID_TYPE
        if isinstance(rt, ast.Name):
            obj = self.lookup_pkg(rt.value)
            if isinstance(obj, TypeName) and isinstance(obj.type, Named) and \
                    obj.type.pkg == self.path:
                base = obj.type
            elif isinstance(obj, GenericType):
                self.error(rt.pos, f"cannot use generic type {self.generic_name(obj)} "
                                   f"without instantiation")
                return
            elif obj is None and self.universe_scope.names.get(rt.value) is None:
                self.error(rt.pos, f"undefined: {rt.value}")
                return
            elif obj is not None and not isinstance(obj, TypeName):
                self.resolve_type(rt)  # reports `x (variable of type T) is not a type`
                return
            elif isinstance(obj, TypeName) and not isinstance(obj.type, Named | Basic):
                self.error(spec.recv.pos, f"invalid receiver type "
                                          f"{message_string(obj.type, self.path)}")
                return
            else:
                what = message_string(obj.type, self.path) if isinstance(obj, TypeName) \
                    else rt.value  # an alias names the type it denotes
                self.error(spec.recv.pos, f"cannot define new methods on non-local type "
                                          f"{what}")
                return
        else:
            t = self.resolve_type(rt)
            if t is INVALID_TYPE:
                return
            if isinstance(rt, ast.SelectorExpr):
                self.error(spec.recv.pos, f"cannot define new methods on non-local type "
                                          f"{expr_string(rt)}")
            else:
                self.error(spec.recv.type.pos, "invalid receiver type")
            return
        assert isinstance(base, Named)
        u = base.underlying
        if isinstance(base.underlying, Pointer) or isinstance(u, Interface):
            self.error(spec.recv.pos, f"invalid receiver type {base.name} (pointer or "
                                      f"interface type)")
            return
        recv: Type = Pointer(base) if ptr else base
        mname = spec.name.value
        for m in base.methods:
            if m.name == mname and mname != "_":
                self.error(spec.name.pos, f"{base.name}.{mname} redeclared in this block\n\t"
                                          f"{m.pos}: other declaration of {mname}")
                return
        if isinstance(u, Struct):
            for f in u.fields:
                if f.qname == qname(mname, self.path) and mname != "_":
                    # types2 keeps the method, which hides the field: no follow-on errors.
                    self.error(spec.name.pos, f"field and method with the same name {mname}"
                                              f"\n\t{f.pos or base.pos}: other declaration "
                                              f"of {mname}")
        fn = Func(mname, self.path, sig, spec.name.pos, recv, pragmas=spec.pragmas,
                  external=spec.body is None)
        if mname != "_":
            base.methods.append(fn)
        self.func_bodies.append((spec, fn, fscope))

    def _stray_generic_methods(self) -> None:
        """Reports methods whose receiver `B[T]` names no generic type of this package,
        in types2's words (`int64 is not a generic type`, `undefined: B`)."""
        for base, ms in self.generic_methods.items():
            d = self.decls.get(base)
            if d is not None and isinstance(d.spec, ast.TypeSpec) and d.spec.tparams:
                continue
            for spec, fscope in ms:
                rt = _recv_index(spec)
                if rt is None or not isinstance(rt.x, ast.Name):
                    continue
                saved = self.save_context()
                self.scope = fscope
                try:
                    if self.resolve_type(rt.x) is not INVALID_TYPE:
                        self.error(rt.x.pos, f"{base} is not a generic type")
                finally:
                    self.restore_context(saved)

    def _resolve_all(self) -> None:
        saved_later, self.uni.later_methods = self.uni.later_methods, []
        try:
            for d in list(self.decls.values()):
                if d.kind == "type":
                    self._resolve(d)
            self._stray_generic_methods()
            for spec, fscope in self.methods:
                saved = self.save_context()
                try:
                    self._resolve_method(spec, fscope)
                finally:
                    self.restore_context(saved)
        finally:
            later, self.uni.later_methods = self.uni.later_methods, saved_later
        for check in later:
            check()
        self.check_embedded()
        for nt in list(self.named):  # gc sizes the declared types before the variables
            if not nt.targs:
                self.chan_sizes(nt, nt.pos)
        for d in list(self.decls.values()):
            if d.kind in ("func", "const"):
                self._resolve(d)
        for d in list(self.decls.values()):
            if d.kind == "var":
                self._resolve(d)
        for d in self.decls.values():
            if d.kind in ("type",) and isinstance(d.obj, TypeName):
                self.pkg_scope.names[d.name.value] = d.obj

    # -- bodies ---------------------------------------------------------------------------

    def _check_bodies(self, decls_only: bool = False) -> None:
        """Check every function body; decls_only builds the FuncDecls without bodies."""
        bodies = sorted(self.func_bodies, key=lambda b: (b[0].pos.file, b[0].pos.line,
                                                         b[0].pos.col))
        for spec, fn, fscope in bodies:
            if decls_only:
                spec = replace(spec, body=None)
            saved = self.save_context()
            try:
                self.scope = fscope
                self.deps = set()
                fd = self.func_body(spec, fn)
                self.func_deps[fn] = self.deps
                self.deps = None
                if fn.name != "_":
                    self.funcs.append(fd)
            finally:
                self.restore_context(saved)

    def func_body(self, spec: ast.FuncDecl, fn: Func) -> tree.FuncDecl:
        """Check one declared function or method and build its FuncDecl."""
        outer = Scope(self.scope)
        recv_var: Var | None = None
        name = fn.name
        if fn.recv is not None:
            assert spec.recv is not None
            rname = spec.recv.name.value if spec.recv.name else ""
            recv_var = self.new_var(rname, fn.recv, spec.recv.pos, VarKind.PARAM)
            if rname not in ("", "_"):
                outer.names[rname] = recv_var
            base = fn.recv.elem if isinstance(fn.recv, Pointer) else fn.recv
            assert isinstance(base, Named)
            bn = named_name(base)
            name = f"(*{bn}).{fn.name}" if isinstance(fn.recv, Pointer) \
                else f"{bn}.{fn.name}"
        ctx = FuncCtx(fn.sig, name, None)
        self.func = ctx
        params, results = self.declare_params(spec.type, fn.sig, outer, ctx)
        if recv_var is not None:
            self.var_owner[recv_var] = ctx
        body: tree.Block | None = None
        if spec.body is not None:
            body = self.func_block(spec.body, outer, ctx, fn.sig,
                                   any(r.name is not None for r in spec.type.results))
        elif self.path == "main" and not fn.external:
            pass
        return tree.FuncDecl(spec.pos, name, fn, fn.sig, recv_var, params, results, body,
                             (), "noinline" in spec.pragmas,
                             spec.body.rbrace if spec.body is not None else None)

    # -- init order -----------------------------------------------------------------------

    def _init_order(self) -> list[tree.Stmt]:
        """Variable initialisers in gc 1.19's order (pkginit's initOrder): each
        declaration in turn waits for the declarations of the variables it uses,
        directly or through functions, even those without an initialiser; a
        declaration whose wait ends runs at once, earliest declared first."""
        owner: dict[object, int] = {}
        for i, (vs, _, _) in enumerate(self.var_inits):
            for v in vs:
                owner[v] = i
        memo: dict[object, set[int]] = {}

        def var_deps(objs: set[object], seen: set[object]) -> set[int]:
            out: set[int] = set()
            for o in objs:
                if o in owner:
                    out.add(owner[o])
                elif isinstance(o, Func) and o not in seen:
                    seen.add(o)
                    out |= var_deps(self.func_deps.get(o, set()), seen)
            return out

        for i, (_, _, deps) in enumerate(self.var_inits):
            memo[i] = var_deps(deps, set())
        self._init_loops(owner, memo)
        return self._pkginit_order(owner)

    def _pkginit_order(self, owner: dict[object, int]) -> list[tree.Stmt]:
        """gc's initOrder over the package's var declarations, in declaration order;
        owner maps a variable to its initialiser's index in var_inits."""
        specs: dict[int, list[Var]] = {}
        for d in self.decls.values():
            if d.kind == "var":
                vs = specs.setdefault(id(d.spec), [])
                if isinstance(d.obj, Var):
                    vs.append(d.obj)
        items: list[tuple[list[Var], tree.Stmt | None, set[object]]] = []
        for vs in specs.values():
            i = next((owner[v] for v in vs if v in owner), None)
            if i is None:
                items.append((vs, None, set()))
                continue
            _, stmt, used = self.var_inits[i]
            if isinstance(stmt, tree.Assign) and len(stmt.lhs) == len(stmt.rhs) == len(vs):
                items.extend(([v], tree.Assign(stmt.pos, (x,), (y,)), used)
                             for v, x, y in zip(vs, stmt.lhs, stmt.rhs, strict=True))
            else:
                items.append((vs, stmt, used))
        item_of = {v: k for k, (vs, _, _) in enumerate(items) for v in vs}

        def deps(objs: set[object], seen: set[object]) -> None:
            for o in objs:
                if o in seen:
                    continue
                seen.add(o)
                if isinstance(o, Func):
                    deps(self.func_deps.get(o, set()), seen)

        order: list[tree.Stmt] = []
        pending: dict[int, int] = {}
        blocking: dict[int, list[int]] = {}
        ready: list[int] = []
        for k, (_, _, objs) in enumerate(items):
            reads: set[object] = set()
            deps(objs, reads)
            pending[k] = 0
            for v in reads:
                j = item_of.get(v) if isinstance(v, Var) else None
                if j is not None and pending.get(j) != -1:
                    pending[k] += 1
                    blocking.setdefault(j, []).append(k)
            if pending[k] == 0:
                heapq.heappush(ready, k)
            while ready:
                n = heapq.heappop(ready)
                pending[n] = -1
                init = items[n][1]
                if init is not None:
                    order.append(init)
                for m in sorted(blocking.pop(n, [])):
                    pending[m] -= 1
                    if pending[m] == 0:
                        heapq.heappush(ready, m)
        order.extend(s for k, (_, s, _) in enumerate(items) if s is not None and pending[k] >= 0)
        covered = {id(v) for vs, _, _ in items for v in vs}
        order.extend(s for vs, s, _ in self.var_inits if not any(id(v) in covered for v in vs))
        return order

    def _init_loops(self, owner: dict[object, int], memo: dict[object, set[int]]) -> None:
        """Report `initialization loop for x` for variables that depend on themselves
        through functions (direct var cycles were reported during resolution)."""
        reported: set[int] = set()
        direct = {i: {owner[o] for o in deps if o in owner}
                  for i, (_, _, deps) in enumerate(self.var_inits)}
        for i, (vs, _, deps) in enumerate(self.var_inits):
            if i in reported or not vs or i not in _reach(memo, i) or i in _reach(direct, i):
                continue
            path = self._dep_path(vs[0], deps, owner, i)
            for o in path:
                if o in owner:
                    reported.add(owner[o])
            reported.add(i)
            v = vs[0]
            if path and isinstance(path[-1], Var):
                v = path[-1]
                path.pop()
            lines = "".join(f"\n\t{getattr(o, 'pos', v.pos)}: {getattr(o, 'name', '?')} "
                            f"refers to" for o in [v, *path])
            self.error(v.pos, f"initialization loop for {v.name}{lines}\n\t{v.pos}: {v.name}")

    def _dep_path(self, start: Var, deps: set[object], owner: dict[object, int],
                  target: int) -> list[object]:
        """A chain of functions/variables from start's initializer back to start's
        declaration, ending with the variable of that declaration it reaches (for
        `a, b = f()`, maybe b)."""
        seen: set[int] = set()

        def sort_key(o: object) -> tuple[str, int, int]:
            p = getattr(o, "pos", None)
            return (p.file, p.line, p.col) if isinstance(p, Pos) else ("", 0, 0)

        def walk(objs: set[object]) -> list[object] | None:
            for o in sorted(objs, key=sort_key):
                if o in owner and owner[o] == target:
                    return [o]
                if id(o) in seen:
                    continue
                seen.add(id(o))
                nxt = self.func_deps.get(o, set()) if isinstance(o, Func) else (
                    self.var_inits[owner[o]][2] if o in owner else set())
                sub = walk(nxt)
                if sub is not None:
                    return [o, *sub]
            return None

        return walk(deps) or []


def _reach(edges: dict[object, set[int]] | dict[int, set[int]], i: int) -> set[int]:
    """The declarations reachable from declaration i by one or more edges."""
    out: set[int] = set()
    work = list(edges.get(i, set()))
    while work:
        j = work.pop()
        if j not in out:
            out.add(j)
            work.extend(edges.get(j, set()))
    return out


def _under_or(t: Type | None) -> Type:
    if t is None:
        return Struct(())
    return under(t) if not isinstance(t, Named) or t.underlying is not None else Struct(())


def _recv_index(d: ast.FuncDecl) -> ast.IndexExpr | None:
    """The receiver type `List[T]` of a method written `(l *List[T])`, else None."""
    if d.recv is None:
        return None
    rt = d.recv.type
    while isinstance(rt, ast.ParenExpr):
        rt = rt.x
    if isinstance(rt, ast.StarExpr):
        rt = rt.x
    while isinstance(rt, ast.ParenExpr):
        rt = rt.x
    return rt if isinstance(rt, ast.IndexExpr) else None


def _generic_recv_base(d: ast.FuncDecl) -> str | None:
    """The base type name of a method whose receiver has type parameters (`(l
    *List[T])`), else None."""
    rt = _recv_index(d)
    if rt is not None and isinstance(rt.x, ast.Name):
        return rt.x.value
    return None


def _unsafe_scope() -> dict[str, object]:
    return {
        "Pointer": TypeName("Pointer", UNSAFE_POINTER, Pos("unsafe", 1, 1)),
        "Sizeof": Builtin("unsafe.Sizeof"),
        "Alignof": Builtin("unsafe.Alignof"),
        "Offsetof": Builtin("unsafe.Offsetof"),
        "Add": Builtin("unsafe.Add"),
        "Slice": Builtin("unsafe.Slice"),
    }


def _instantiates(e: ast.Expr) -> bool:
    """Whether type expression e contains an instantiation (`L[A]`)."""
    stack: list[object] = [e]
    while stack:
        n = stack.pop()
        if isinstance(n, tuple):
            stack.extend(n)
        elif isinstance(n, ast.IndexExpr):
            return True
        elif isinstance(n, ast.Expr | ast.Field):
            stack.extend(getattr(n, f) for f in n.__dataclass_fields__ if f != "pos")
    return False


_IMPORT_PATH_ILLEGAL = frozenset('!"#$%&\'()*,:;<=>?[\\]^{|}`\ufffd')


def _char_name(r: str) -> str:
    """r as Go's %#U prints it: U+000A, or U+0021 '!' when printable."""
    return f"U+{ord(r):04X} '{r}'" if r.isprintable() else f"U+{ord(r):04X}"
