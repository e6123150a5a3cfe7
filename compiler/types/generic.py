"""Generics: generic declarations, instantiation and type inference.

refgo stencils fully, by re-checking. A generic function or type is declared once with
its type parameters as TypeParam types (its signature, used for inference, and its
constraints); each distinct list of type arguments is instantiated once, by checking
the declaration again in a scope that binds the type parameter names to the arguments.
That yields an ordinary Func (`main.F[int]`) or Named (`main.List[int]`, with its own
methods `main.(*List[int]).Push`), so later phases see only concrete code. For

    func Map[T, U any](xs []T, f func(T) U) []U { ... }
    _ = Map([]int{1}, strconv.Itoa)

inference unifies `[]T` with `[]int` and `func(T) U` with `func(int) string`, and the
call calls the instance Func `Map[int,string]`, whose body is checked (queued on the
Universe, drained after package main) with T = int and U = string.

Instances are keyed by their arguments' linker spelling (TypeParams by uid), so one
instance serves every use. An instance whose arguments contain type parameters (`*List[T]`
in a generic signature) is open: it has an underlying type and method signatures for
unification, but no bodies. Type arguments are checked against their constraints'
type sets (terms, comparable, methods) at instantiation.

Each generic body is also checked once generically (check_generic_bodies), with its
type parameters bound to stand-in Nameds (type_param_proxies), so its errors are
reported whether or not anything instantiates it, in gc's words; an instance of a body
that failed there is checked without reporting.

This module is long because declaring, instantiating and checking generic code share the
instance tables; unification and inference are in infer.py.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from compiler.diag import Diagnostics, Pos
from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import tree
from compiler.types.base import CheckerBase, TooManyErrors
from compiler.types.operand import INVALID_TYPE, Mode, Operand, PkgName, Scope, invalid
from compiler.types.predicates import comparable, identical
from compiler.types.typ import (
    Array,
    Chan,
    Func,
    Interface,
    Map,
    Named,
    Pointer,
    Signature,
    Slice,
    Struct,
    Term,
    Tuple,
    Type,
    TypeName,
    TypeParam,
    message_signature,
    message_string,
    missing_method,
    type_string,
    types2_qualifier,
    under,
)

MAX_INSTANCE_DEPTH = 64
"""Nested instantiations deeper than this are an instantiation cycle (`type T[P any]
struct{ f *T[[]P] }` makes T[int], T[[]int], ...)."""


@dataclass(eq=False, slots=True)
class GenericFunc:
    """A generic function: its declaration, generic signature and instances by key."""

    name: str
    pkg: str
    spec: ast.FuncDecl
    scope: Scope
    checker: Any
    tparams: tuple[TypeParam, ...] = ()
    sig: Signature | None = None
    instances: dict[str, Func] = field(default_factory=dict)
    bad_constraints: bool = False


@dataclass(eq=False, slots=True)
class GenericType:
    """A generic defined type: its declaration, its methods' declarations (collected
    by receiver base name) and instances by key."""

    name: str
    pkg: str
    spec: ast.TypeSpec
    scope: Scope
    checker: Any
    methods: list[tuple[ast.FuncDecl, Scope]]
    tparams: tuple[TypeParam, ...] = ()
    instances: dict[str, Named] = field(default_factory=dict)
    depth: int = 0
    local: int = 0
    bad_constraints: bool = False
    declaring: int = -1
    """While its type parameter list is resolved: how many declarations were being
    resolved (a use at that depth is from the list itself)."""


def instance_key(targs: Sequence[Type]) -> str:
    """The key of one type argument list (identical lists, one key)."""
    return ",".join(type_string(t, link=True, aliases=False) for t in targs)


def is_open(t: Type) -> bool:
    """Whether t mentions a type parameter (or a generic body check's stand-in for one)."""
    match t:
        case TypeParam():
            return True
        case Named():
            return t.tparam is not None or any(is_open(a) for a in t.targs)
        case Pointer(elem=e) | Slice(elem=e) | Array(elem=e) | Chan(elem=e):
            return is_open(e)
        case Map(key=k, elem=e):
            return is_open(k) or is_open(e)
        case Signature():
            return any(is_open(x) for x in (*t.params, *t.results))
        case Struct(fields=fs):
            return any(is_open(f.type) for f in fs)
        case Interface(methods=ms):
            return any(is_open(m.sig) for m in ms)
        case Tuple(types=ts):
            return any(is_open(x) for x in ts)
    return False


def intersect_terms(a: tuple[Term, ...] | None, b: tuple[Term, ...] | None
                    ) -> tuple[Term, ...] | None:
    """The terms of the intersection of two type sets (None: all types)."""
    if a is None:
        return b
    if b is None:
        return a
    out: list[Term] = []
    for x in a:
        for y in b:
            if identical(x.type, y.type):
                out.append(Term(x.tilde and y.tilde, x.type))
            elif y.tilde and not x.tilde and identical(under(x.type), y.type):
                out.append(x)
            elif x.tilde and not y.tilde and identical(under(y.type), x.type):
                out.append(y)
    return tuple(out)


def in_terms(t: Type, terms: tuple[Term, ...]) -> bool:
    """Whether t is in the union of terms."""
    return any(identical(t, x.type) or (x.tilde and identical(under(t), x.type))
               for x in terms)


class GenericChecker(CheckerBase):
    """Generic declarations, instantiation and inference (mixed into Checker)."""

    # -- declarations -------------------------------------------------------------------

    def declare_tparams(self, fields: tuple[ast.Field, ...], scope: Scope,
                        owner: GenericType | None = None) -> tuple[TypeParam, ...]:
        """Bind fields' names in scope to new TypeParams and resolve their constraints
        there (a constraint may mention any of the list's parameters). owner's
        parameters are set before the constraints are resolved: one may instantiate
        owner (`Message` in a constraint of Interaction has a `*Interaction[[]byte]`)."""
        tps: list[TypeParam] = []
        for i, f in enumerate(fields):
            assert f.name is not None
            tp = TypeParam(f.name.value, i, f.name.pos, self.uni.uid())
            tps.append(tp)
            self.constraint_text[tp.uid] = expr_string(f.type)
            if f.name.value != "_":
                prev = scope.names.get(f.name.value)
                if isinstance(prev, TypeName):
                    self.error(f.name.pos, f"{f.name.value} redeclared in this block\n\t"
                                           f"{prev.pos}: other declaration of {f.name.value}")
                    continue
                scope.names[f.name.value] = TypeName(tp.name, tp, tp.pos)
        if owner is not None:
            owner.tparams = tuple(tps)
        saved = self.save_context()
        try:
            self.scope = scope
            for tp, f in zip(tps, fields, strict=True):
                tp.constraint = self.constraint(f.type)
        finally:
            self.restore_context(saved)
        return tuple(tps)

    def constraint(self, e: ast.Expr) -> Interface:
        """The interface a type parameter's constraint denotes (`int` and `~int | uint`
        are shorthands for interfaces of those terms)."""
        saved = self.in_constraint
        self.in_constraint = True
        try:
            return self._constraint(e)
        finally:
            self.in_constraint = saved

    def _constraint(self, e: ast.Expr) -> Interface:
        if isinstance(e, ast.UnaryExpr | ast.BinaryExpr):
            return Interface((), self.union_terms(e))
        t = self.resolve_type(e)
        if t is INVALID_TYPE:
            return Interface(())
        u = under(t)
        if isinstance(u, Interface):
            return u
        return Interface((), (Term(False, t),))

    def union_terms(self, e: ast.Expr) -> tuple[Term, ...] | None:
        """The terms of a union element `A | ~B | ...` (None: all types, as a union
        with `any` is)."""
        if not self.in_constraint:
            saved = self.in_constraint
            self.in_constraint = True
            try:
                return self.union_terms(e)
            finally:
                self.in_constraint = saved
        if isinstance(e, ast.BinaryExpr) and e.op == "|":
            leaves = _union_leaves(e)
            for side in leaves:
                if isinstance(side, ast.Name) and side.value == "comparable" and \
                        self.lookup("comparable") is self.universe_scope.names.get("comparable"):
                    self.error(side.pos, "cannot use comparable in union")
                    return None
            out: list[Term] = []
            singles: list[Term] = []
            for side in leaves:
                got, single = self.union_leaf(side, multi=True)
                if got is None:
                    return None
                if single and not self.instance_body:  # gc compares the declared terms
                    t = got[0]
                    prev = next((q for q in singles if _overlap(t, q)), None)
                    if prev is not None:
                        self.error(side.pos, f"overlapping terms {self.term_string(t)} and "
                                             f"{self.term_string(prev)}")
                    singles.append(t)
                out.extend(got)
            return tuple(out)
        return self.union_leaf(e)[0]

    def union_leaf(self, e: ast.Expr, multi: bool = False
                   ) -> tuple[tuple[Term, ...] | None, bool]:
        """The terms of one operand of a union (None: all types), and whether it is a
        single type term (`T` or `~T`, T not an interface), which gc checks for overlaps.
        multi: one of several operands, where an interface with methods or comparable is
        an error (types2's parseUnion)."""
        if isinstance(e, ast.UnaryExpr) and e.op == "~":
            t = self.resolve_type(e.x)
            if t is not INVALID_TYPE and not (isinstance(t, Named) and t.underlying is None) \
                    and not identical(under(t), t):
                self.error(e.pos, f"invalid use of ~ ({message_string(t, self.path)} is "
                                  f"not the underlying type of {message_string(t, self.path)})")
            return (Term(True, t),), t is not INVALID_TYPE
        t = self.resolve_type(e)
        if isinstance(t, Named) and t.underlying is None:
            # A type still being declared (`type S struct{ x *I[R] }` with S in I's
            # constraint): not an interface, since those are resolved eagerly.
            return (Term(False, t),), True
        u = under(t)
        if isinstance(u, Interface):
            if multi and (u.methods or u.comparable):
                ts = message_string(t, self.path)
                why = "contains methods" if u.methods else "embeds comparable"
                self.error(e.pos, f"cannot use {ts} in union ({ts} {why})")
            return u.terms, False
        if t is INVALID_TYPE:
            return (), False
        return (Term(False, t),), True

    def term_string(self, t: Term) -> str:
        """A term as gc prints it: `~byte`, `string`."""
        return ("~" if t.tilde else "") + message_string(t.type, self.path)

    def generic_func(self, name: str, spec: ast.FuncDecl, scope: Scope) -> GenericFunc:
        """Declare generic function spec: its type parameters and generic signature."""
        gf = GenericFunc(name, self.path, spec, scope, self)
        self.generic_funcs.append(gf)
        self.no_local_types(spec)
        tscope = Scope(scope)
        before = self.diags.errors
        gf.tparams = self.declare_tparams(spec.tparams, tscope)
        gf.bad_constraints = self.diags.errors > before
        for p in (*spec.type.params, *spec.type.results):
            prev = tscope.names.get(p.name.value) if p.name else None
            if p.name is not None and isinstance(prev, TypeName):
                self.error(p.name.pos, f"{p.name.value} redeclared in this block\n\t"
                                       f"{prev.pos}: other declaration of {p.name.value}")
        saved = self.save_context()
        try:
            self.scope = tscope
            gf.sig = self.resolve_signature(spec.type)
        finally:
            self.restore_context(saved)
        return gf

    def no_local_types(self, spec: ast.FuncDecl) -> None:
        """Report gc 1.19's refusal of type declarations in a generic body (checked on
        the declaration, before any body check)."""
        stack: list[object] = [spec.body]
        while stack:
            n = stack.pop()
            if isinstance(n, tuple):
                stack.extend(n)
            elif isinstance(n, ast.DeclStmt):
                if any(isinstance(d, ast.TypeSpec) for d in n.decls):
                    self.error(n.pos, "type declarations inside generic functions are not "
                                      "currently supported")
            elif dataclasses.is_dataclass(n) and not isinstance(n, Pos | ast.Expr) or \
                    isinstance(n, ast.FuncLit):
                stack.extend(getattr(n, f.name) for f in dataclasses.fields(n))

    def generic_name(self, g: GenericFunc | GenericType) -> str:
        """How messages name a generic type: with its type parameter list as written
        (`Pair[K comparable, V any]`)."""
        groups: list[tuple[list[str], ast.Expr]] = []
        for f in g.spec.tparams:
            n = f.name.value if f.name else "_"
            if groups and groups[-1][1] is f.type:
                groups[-1][0].append(n)
            else:
                groups.append(([n], f.type))
        return g.name + "[" + ", ".join(f"{', '.join(ns)} {expr_string(c)}"
                                        for ns, c in groups) + "]"

    def generic_type(self, spec: ast.TypeSpec, scope: Scope,
                     methods: list[tuple[ast.FuncDecl, Scope]],
                     declared: Callable[[GenericType], None] | None = None) -> GenericType:
        """Declare generic type spec (its instances are made on use); declared is
        told of it before its constraints are resolved (they may refer to it)."""
        gt = GenericType(spec.name.value, self.path, spec, scope, self, methods)
        if declared is not None:
            declared(gt)
        for m, _ in methods:
            self.no_local_types(m)
        before = self.diags.errors
        gt.declaring = len(self.resolving)
        try:
            gt.tparams = self.declare_tparams(spec.tparams, Scope(scope), gt)
        finally:
            gt.declaring = -1
        # A constraint that failed (`interface{ M() T[U] }` in T's own declaration is
        # an invalid recursive type) fails no type argument: gc reports nothing more.
        gt.bad_constraints = self.diags.errors > before
        rhs = spec.type
        while isinstance(rhs, ast.ParenExpr):
            rhs = rhs.x
        if isinstance(rhs, ast.Name) and any(f.name and f.name.value == rhs.value
                                             for f in spec.tparams):
            self.error(rhs.pos, "cannot use a type parameter as RHS in type declaration")
            gt.bad_constraints = True
        if self._expanding(spec):
            self.inst_cycle_reported[id(gt)] = True
        return gt

    def _expanding(self, spec: ast.TypeSpec) -> bool:
        """Report an instantiation cycle: the declaration of T instantiates T with an
        argument built from T's own type parameters (`T[[]P]` in T[P]'s declaration),
        so each instance needs a bigger one."""
        names = {f.name.value: f.name for f in spec.tparams if f.name}
        stack: list[object] = [spec.type]
        while stack:
            n = stack.pop()
            if isinstance(n, tuple):
                stack.extend(n)
                continue
            if not isinstance(n, ast.Expr | ast.Field):
                continue
            if isinstance(n, ast.IndexExpr) and isinstance(n.x, ast.Name) and \
                    n.x.value == spec.name.value:
                args = n.index.elems if isinstance(n.index, ast.ListExpr) else (n.index,)
                for a in args:
                    if isinstance(a, ast.Name):
                        continue
                    used = [x for x in _names_in(a) if x in names]
                    if used:
                        tp = names[used[0]]
                        self.error(tp.pos, f"instantiation cycle:\n\t{a.pos}: {tp.value} "
                                           f"instantiated as {expr_string(a)}")
                        return True
            stack.extend(getattr(n, f) for f in n.__dataclass_fields__
                         if f not in ("pos",))
        return False

    # -- uses -----------------------------------------------------------------------------

    def generic_object(self, e: ast.Expr) -> GenericFunc | GenericType | None:
        """The generic function or type e names, if it names one."""
        while isinstance(e, ast.ParenExpr):
            e = e.x
        if isinstance(e, ast.Name):
            obj = self.lookup(e.value)
        elif isinstance(e, ast.SelectorExpr) and isinstance(e.x, ast.Name):
            pn = self.lookup(e.x.value)
            if not isinstance(pn, PkgName):
                return None
            obj = pn.scope.get(e.sel.value)
            if isinstance(obj, GenericFunc | GenericType):
                self.used_pkgs.add(id(pn))
        else:
            return None
        return obj if isinstance(obj, GenericFunc | GenericType) else None

    def type_args(self, index: ast.Expr) -> list[Type] | None:
        """The types of an instantiation's index (`[A]` or `[A, B]`); None after errors."""
        elems = index.elems if isinstance(index, ast.ListExpr) else (index,)
        # An argument is no use of a type by itself: `type P L[P]` is fine when L[P]
        # is *P. The instance's underlying type shows whether it is (valid_type).
        self.indirections += 1
        try:
            out = [self.resolve_type(x) for x in elems]
        finally:
            self.indirections -= 1
        return None if any(t is INVALID_TYPE for t in out) else out

    def instantiate_expr(self, e: ast.IndexExpr, g: GenericFunc | GenericType) -> Operand:
        """`F[A, B]` or `T[A]` as an operand: the instance function or type."""
        targs = self.type_args(e.index)
        if targs is None:
            return invalid(e)
        elems = e.index.elems if isinstance(e.index, ast.ListExpr) else (e.index,)
        if isinstance(g, GenericType) and len(targs) != len(g.tparams):
            self.error(e.x.pos, f"got {len(targs)} arguments but {len(g.tparams)} type "
                                f"parameters")
            if self.instance_body:
                return invalid(e)  # substituted in an instance: types2's invalid type
            bad = self.bad_instance(g, targs, e.pos)
            return Operand(Mode.TYPE, bad, tree.ConstExpr(e.pos, bad, 0), e)
        if len(targs) > len(g.tparams):
            self.error(elems[len(g.tparams)].pos, f"got {len(targs)} type arguments but "
                                                  f"want {len(g.tparams)}")
            return invalid(e)
        if isinstance(g, GenericType):
            nt = self.instantiate_type(g, targs, [x.pos for x in elems])
            if nt is INVALID_TYPE:
                return invalid(e)
            return Operand(Mode.TYPE, nt, tree.ConstExpr(e.pos, nt, 0), e)
        if len(targs) < len(g.tparams):
            m = {tp.uid: t for tp, t in zip(g.tparams, targs, strict=False)}
            if not self.infer_constraints(g.tparams, m) or len(m) < len(g.tparams):
                miss = next(tp for tp in g.tparams if tp.uid not in m)
                self.error(e.pos, f"cannot infer {miss.name} ({miss.pos})")
                return invalid(e)
            targs = [m[tp.uid] for tp in g.tparams]
        poss = [x.pos for x in elems] + [e.pos] * (len(targs) - len(elems))
        fn = self.instantiate_func(g, targs, poss)
        if fn is None:
            return invalid(e)
        return self.object_operand(fn, e)

    def bad_instance(self, g: GenericType, targs: Sequence[Type], pos: Pos) -> Named:
        """`T[A]` with the wrong number of arguments, as types2 keeps it: a type of
        that name and those arguments (one per list) with an invalid underlying type,
        so a use of it elsewhere is still checked (`cannot use &T[A]{} ... as F[A]`)."""
        key = "!" + instance_key(targs)
        nt = g.instances.get(key)
        if nt is None:
            nt = Named(g.name, g.pkg, pos, INVALID_TYPE, local=g.local)
            nt.targs = tuple(targs)
            g.instances[key] = nt
        return nt

    def generic_call_fun(self, e: ast.CallExpr, g: GenericFunc,
                         explicit: ast.Expr | None) -> Operand:
        """The instance a call of generic g calls, its type arguments inferred from the
        call's arguments (after the explicit ones, if any)."""
        assert g.sig is not None
        targs: list[Type] = []
        if explicit is not None:
            got = self.type_args(explicit)
            if got is None:
                return invalid(e)
            targs = got
            if len(targs) > len(g.tparams):
                elems = explicit.elems if isinstance(explicit, ast.ListExpr) else (explicit,)
                self.error(elems[len(g.tparams)].pos, f"got {len(targs)} type arguments "
                                                      f"but want {len(g.tparams)}")
                return invalid(e)
        m: dict[int, Type] = {tp.uid: t for tp, t in zip(g.tparams, targs, strict=False)}
        if len(m) < len(g.tparams):
            if not self.infer_args(e, g, m):
                return invalid(e)
            if len(m) < len(g.tparams):
                miss = next(tp for tp in g.tparams if tp.uid not in m)
                self.error(e.lparen, f"cannot infer {miss.name} ({miss.pos})")
                return invalid(e)
        poss = [x.pos for x in (explicit.elems if isinstance(explicit, ast.ListExpr)
                                else (explicit,))] if explicit is not None else []
        poss += [e.lparen] * (len(g.tparams) - len(poss))
        fn = self.instantiate_func(g, [m[tp.uid] for tp in g.tparams], poss)
        if fn is None:
            return invalid(e)
        return self.object_operand(fn, e.fun)

    # -- instantiation --------------------------------------------------------------------

    def satisfy(self, targs: Sequence[Type], tparams: tuple[TypeParam, ...],
                poss: Sequence[Pos]) -> bool:
        """Check each type argument against its constraint (with the arguments bound)."""
        m = {tp.uid: t for tp, t in zip(tparams, targs, strict=True)}
        ok = True
        for i, (tp, t) in enumerate(zip(tparams, targs, strict=True)):
            if is_open(t):
                continue
            if t is INVALID_TYPE:
                ok = False  # reported where it became invalid
                continue
            c = tp.constraint
            pos = poss[min(i, len(poss) - 1)]
            ts = message_string(t, self.path)
            cs = self.constraint_name(tp, tparams, targs)
            if c.terms is not None:
                terms = tuple(Term(x.tilde, self.subst(x.type, m)) for x in c.terms)
                if not in_terms(t, terms):
                    if isinstance(under(t), Interface):
                        self.error(pos, f"{ts} does not implement {cs}")
                    else:
                        tl = " | ".join(("~" if x.tilde else "") +
                                        message_string(x.type, self.path) for x in terms)
                        self.error(pos, f"{ts} does not implement {cs} ({ts} missing in "
                                        f"{tl})")
                    ok = False
                    continue
            if c.comparable and (isinstance(under(t), Interface) or not comparable(t)):
                self.error(pos, f"{ts} does not implement comparable")
                ok = False
                continue
            if c.methods:
                iface = self.subst(Interface(c.methods), m)
                assert isinstance(iface, Interface)
                if self.uni.later_methods is not None:
                    self.uni.later_methods.append(
                        lambda t=t, i=iface, p=pos, ts=ts, cs=cs: self.has_methods(t, i, p, ts, cs))
                elif not self.has_methods(t, iface, pos, ts, cs):
                    ok = False
        return ok

    def has_methods(self, t: Type, iface: Interface, pos: Pos, ts: str, cs: str) -> bool:
        """Check type argument t (spelled ts) for constraint cs's methods iface."""
        miss = missing_method(t, iface)
        if miss is None:
            return True
        if miss.pointer_receiver:
            self.error(pos, f"{ts} does not implement {cs} ({miss.name} method has pointer "
                            f"receiver)")
        elif miss.wrong_type is not None and miss.alt is None:
            want = next(x.sig for x in iface.methods if x.name == miss.name)
            self.error(pos, f"{ts} does not implement {cs} (wrong type for {miss.name} "
                            f"method)\n\t\thave {miss.name}"
                            f"{message_signature(miss.wrong_type, self.path)}\n\t\t"
                            f"want {miss.name}{message_signature(want, self.path)}")
        else:
            self.error(pos, f"{ts} does not implement {cs} (missing {miss.name} method)")
        return False

    def constraint_name(self, tp: TypeParam, tparams: Sequence[TypeParam] = (),
                        targs: Sequence[Type] = ()) -> str:
        """How messages name tp's constraint: as written in its declaration, with the
        list's parameters replaced by targs (`Setter[T]` checked for R is `Setter[R]`)."""
        text = self.constraint_text.get(tp.uid)
        if text is None:
            return message_string(tp.constraint, self.path)
        names = {p.name: message_string(t, self.path)
                 for p, t in zip(tparams, targs, strict=False) if not is_open(t)}
        if not names:
            return text
        # A parameter's name is a whole identifier not after a '.' (not a selector's).
        rx = re.compile(r"(?<![.\w])(" + "|".join(map(re.escape, names)) + r")(?!\w)")
        return rx.sub(lambda mt: names[mt.group(1)], text)

    def bind(self, scope: Scope, names: Sequence[ast.Name], targs: Sequence[Type]) -> Scope:
        """A scope below scope binding names to targs."""
        s = Scope(scope)
        for n, t in zip(names, targs, strict=False):
            if n.value != "_":
                s.names[n.value] = TypeName(n.value, t, n.pos, tparam=True)
        return s

    def instantiate_func(self, g: GenericFunc, targs: Sequence[Type], poss: Sequence[Pos]
                         ) -> Func | None:
        """The instance of g for targs (made once; its body queued)."""
        if not g.bad_constraints and not self.satisfy(targs, g.tparams, poss):
            return None
        key = instance_key(targs)
        fn = g.instances.get(key)
        if fn is not None:
            return fn
        ck: GenericChecker = g.checker
        return ck.make_func_instance(g, targs, key, poss)

    def make_func_instance(self, g: GenericFunc, targs: Sequence[Type], key: str,
                           poss: Sequence[Pos]) -> Func | None:
        spec = g.spec
        depth = self.uni.depth + 1
        if depth > MAX_INSTANCE_DEPTH:
            if not self.inst_cycle_reported.get(id(g)):
                self.inst_cycle_reported[id(g)] = True
                self.error(spec.tparams[0].pos, "instantiation cycle" + self._growth(
                    g, targs, poss))
            return None
        scope = self.bind(g.scope, [f.name for f in spec.tparams if f.name], targs)
        saved = self.save_context()
        try:
            self.scope = scope
            sig = self.resolve_signature(spec.type)
        finally:
            self.restore_context(saved)
        name = f"{g.name}[{','.join(type_string(t, link=True) for t in targs)}]"
        fn = Func(name, g.pkg, sig, spec.name.pos, None, pragmas=spec.pragmas)
        g.instances[key] = fn
        if not any(is_open(t) for t in targs):
            self.queue_body(spec, fn, scope, depth, (g, tuple(targs)))
        return fn

    def _growth(self, g: GenericFunc, targs: Sequence[Type], poss: Sequence[Pos]) -> str:
        """gc's detail line of a function instantiation cycle: which parameter of the
        instance being checked (an instance of g too) grew into which argument."""
        cur = self.uni.current
        if not isinstance(cur, tuple) or cur[0] is not g:
            return ""
        for i, (tp, new, old) in enumerate(zip(g.tparams, targs, cur[1], strict=False)):
            sn, so = message_string(new, self.path), message_string(old, self.path)
            if sn != so and so in sn:
                return f":\n\t{poss[min(i, len(poss) - 1)]}: {tp.name} instantiated as " \
                       f"{sn.replace(so, tp.name)}"
        return ""

    def instantiate_type(self, g: GenericType, targs: Sequence[Type], poss: Sequence[Pos]
                         ) -> Type:
        """The instance Named of g for targs (made once, with its methods)."""
        key = instance_key(targs)
        nt = g.instances.get(key)
        if nt is not None:
            return nt
        ck: GenericChecker = g.checker
        return ck.make_type_instance(g, targs, key, poss)

    def make_type_instance(self, g: GenericType, targs: Sequence[Type], key: str,
                           poss: Sequence[Pos]) -> Type:
        if g.depth >= MAX_INSTANCE_DEPTH:
            if not self.inst_cycle_reported.get(id(g)):
                self.inst_cycle_reported[id(g)] = True
                self.error(g.spec.name.pos, "instantiation cycle")
            return INVALID_TYPE
        if not g.bad_constraints and not self.satisfy(targs, g.tparams, poss):
            return INVALID_TYPE
        spec = g.spec
        nt = Named(g.name, g.pkg, spec.name.pos, local=g.local)
        nt.targs = tuple(targs)
        nt.origin = g
        g.instances[key] = nt
        scope = self.bind(g.scope, [f.name for f in spec.tparams if f.name], targs)
        saved = self.save_context()
        saved_ind = self.indirections
        g.depth += 1
        try:
            self.scope = scope
            self.type_stack.append(nt)
            self.type_ind[id(nt)] = self.indirections
            saved_inst = self.instance_body
            self.instance_body = True
            try:
                u = self.resolve_type(spec.type)
                if isinstance(u, Named) and u.underlying is None and id(u) in self.type_ind:
                    self.recursive_instance(u, spec.type.pos)
                    u = INVALID_TYPE
            finally:
                self.instance_body = saved_inst
                self.type_stack.pop()
                del self.type_ind[id(nt)]
            if u is nt or u is INVALID_TYPE or (isinstance(u, Named) and u.underlying is None):
                u = Struct(())
            nt.underlying = under(u)
            open_ = any(is_open(t) for t in targs)
            for mspec, mscope in g.methods:
                self.instance_method(nt, mspec, mscope, open_)
        finally:
            g.depth -= 1
            self.indirections = saved_ind
            self.restore_context(saved)
        return nt

    def valid_type(self, start: Named, rhs: Type) -> None:
        """Report start, a type just declared, if its underlying type contains start
        itself but through no indirection: through type arguments (`type A L[A]` with
        L[P] [10]P, or an instance of another package's type), which declaration
        order does not show; rhs is the type its declaration names. start then becomes
        an empty struct (no infinite type)."""
        path: list[Named] = [start]
        seen: set[int] = {id(start)}

        def walk(t: Type) -> list[Named] | None:
            match t:
                case Named():
                    if t is start:
                        return list(path)
                    if id(t) in seen or t.underlying is None:
                        return None
                    seen.add(id(t))
                    path.append(t)
                    try:
                        return walk(t.underlying)
                    finally:
                        path.pop()
                case Array(elem=e):
                    return walk(e)
                case Struct(fields=fs):
                    for f in fs:
                        got = walk(f.type)
                        if got:
                            return got
            return None

        cycle = walk(rhs)
        if not cycle:
            return
        qual = types2_qualifier(self.path)

        def name(t: Named) -> str:
            q = qual(t.pkg) if t.pkg else ""
            return f"{q}.{t.name}" if q else t.name
        lines = "".join(f"\n\t{c.pos}: {name(c)} refers to" for c in cycle)
        self.error(start.pos, f"invalid recursive type {start.name}{lines}\n\t{start.pos}: "
                              f"{start.name}")
        start.underlying = Struct(())

    def recursive_instance(self, u: Named, pos: Pos) -> None:
        """Report `type A[T any] B[T]; type B[T any] A[T]`: the instance u being made
        is its own underlying type; each member of the cycle is named at the type
        expression that refers to it, as gc does."""
        cycle = self.type_stack[self.type_stack.index(u):]
        refs = [pos, *(c.origin.spec.type.pos for c in cycle[:-1]
                       if isinstance(c.origin, GenericType))]
        if len(refs) != len(cycle):
            refs = [pos] * len(cycle)
        lines = "".join(f"\n\t{r}: {c.name} refers to" for c, r in zip(cycle, refs,
                                                                       strict=True))
        self.error(pos, f"invalid recursive type {u.name}{lines}\n\t{pos}: {u.name}")

    def instance_method(self, nt: Named, spec: ast.FuncDecl, fscope: Scope, open_: bool
                        ) -> None:
        """Declare one method of generic type instance nt (its body queued)."""
        assert spec.recv is not None
        rt = spec.recv.type
        while isinstance(rt, ast.ParenExpr):
            rt = rt.x
        ptr = isinstance(rt, ast.StarExpr)
        if isinstance(rt, ast.StarExpr):
            rt = rt.x
        names: list[ast.Name] = []
        if isinstance(rt, ast.IndexExpr):
            elems = rt.index.elems if isinstance(rt.index, ast.ListExpr) else (rt.index,)
            for x in elems:
                if isinstance(x, ast.Name):
                    names.append(x)
                else:
                    self.error(x.pos, f"receiver type parameter {expr_string(x)} must be "
                                      f"an identifier")
                    return
        if len(names) != len(nt.targs):
            self.error(rt.pos, f"got {len(names)} type parameters, but receiver base type "
                               f"declares {len(nt.targs)}")
            return
        scope = self.bind(fscope, names, nt.targs)
        self.scope = scope
        sig = self.resolve_signature(spec.type)
        fn = Func(spec.name.value, nt.pkg, sig, spec.name.pos, Pointer(nt) if ptr else nt,
                  pragmas=spec.pragmas)
        prev = next((m for m in nt.methods if m.name == fn.name), None)
        if prev is not None and fn.name != "_":
            if open_:  # reported once, at the declaration's own instance
                base = rt.x.value if isinstance(rt, ast.IndexExpr) and \
                    isinstance(rt.x, ast.Name) else nt.name
                self.error(spec.name.pos, f"{base}.{fn.name} redeclared in this block\n\t"
                                          f"{prev.pos}: other declaration of {fn.name}")
            return
        if spec.name.value != "_":
            nt.methods.append(fn)
        if not open_:
            self.queue_body(spec, fn, scope, self.uni.depth + 1, None)

    def queue_body(self, spec: ast.FuncDecl, fn: Func, scope: Scope, depth: int,
                   inst: tuple[GenericFunc, tuple[Type, ...]] | None) -> None:
        """Check fn's body (instance inst of a generic function, or a method, asked for
        depth instance bodies deep) once package main is done. An instance of a body
        whose generic check failed reports nothing: those errors are already out."""
        def check() -> None:
            saved = self.save_context()
            diags = self.diags
            if id(spec) in self.uni.failed_bodies:
                self.diags = Diagnostics()
            self.instance_body = True
            self.uni.depth = depth
            self.uni.current = inst
            try:
                self.scope = scope
                self.deps = set()
                fd = self.func_body(spec, fn)
                self.func_deps[fn] = self.deps
                self.deps = None
                self.uni.instances.append(fd)
            except TooManyErrors:
                if self.diags is diags:
                    raise
            finally:
                self.diags = diags
                self.instance_body = False
                self.uni.depth = 0
                self.uni.current = None
                self.restore_context(saved)
        self.uni.pending.append(check)

    # -- generic bodies -------------------------------------------------------------------

    def type_param_proxies(self, tparams: tuple[TypeParam, ...], names: Sequence[ast.Name],
                           fields: Sequence[ast.Field]) -> list[Named]:
        """The types a generic body's check binds tparams' names to: one Named per type
        parameter, its underlying type a member of its type set's (the first term's, so
        any operation it lacks is one gc refuses too; struct{} for a set without terms)
        and its methods its constraint's."""
        out: list[Named] = []
        for tp, n, f in zip(tparams, names, fields, strict=True):
            p = Named(n.value, self.path, n.pos, local=self.uni.uid())  # a key of its own
            p.tparam = tp
            if isinstance(f.type, ast.BinaryExpr | ast.UnaryExpr):
                p.bound = "|".join(expr_string(x) for x in _union_leaves(f.type))
            else:
                p.bound = expr_string(f.type)
            out.append(p)
        m: dict[int, Type] = {tp.uid: p for tp, p in zip(tparams, out, strict=True)}
        for tp, p in zip(tparams, out, strict=True):
            c = tp.constraint
            u: Type = Struct(())
            if c.terms:
                first = under(self.subst(c.terms[0].type, m))
                if first is not None and not isinstance(first, Interface):
                    u = first
            p.underlying = u
        for tp, p in zip(tparams, out, strict=True):
            for im in tp.constraint.methods:
                sig = self.subst(im.sig, m)
                assert isinstance(sig, Signature)
                p.methods.append(Func(im.name, im.pkg or self.path, sig, p.pos, p))
        return out

    def check_generic_bodies(self) -> None:
        """Check each generic function's and generic type's methods' body once, with
        its type parameters bound to stand-ins for their type sets (type_param_proxies),
        as gc does whether or not anything instantiates it."""
        for d in sorted(self.decls.values(), key=lambda d: _decl_pos(d.spec)):
            g = d.obj
            if isinstance(g, GenericType):
                for mspec, mscope in g.methods:
                    self._check_generic_method(g, mspec, mscope)
        for gf in self.generic_funcs:
            spec = gf.spec
            if spec.body is None or gf.bad_constraints:
                continue
            names = [f.name for f in spec.tparams if f.name]
            if len(names) != len(gf.tparams):
                continue
            ps = self.type_param_proxies(gf.tparams, names, spec.tparams)
            scope = self.bind(gf.scope, names, ps)
            saved = self.save_context()
            try:
                self.scope = scope
                sig = self.resolve_signature(spec.type)
                fn = Func(gf.name, gf.pkg, sig, spec.name.pos, None)
                self._check_generic_body(spec, fn, scope)
            finally:
                self.restore_context(saved)

    def _check_generic_method(self, g: GenericType, spec: ast.FuncDecl, fscope: Scope
                              ) -> None:
        if spec.body is None or g.bad_constraints or spec.name.value == "_" or \
                spec.recv is None:
            return
        rt = spec.recv.type
        while isinstance(rt, ast.ParenExpr | ast.StarExpr):
            rt = rt.x
        if not isinstance(rt, ast.IndexExpr):
            return
        elems = rt.index.elems if isinstance(rt.index, ast.ListExpr) else (rt.index,)
        names = [x for x in elems if isinstance(x, ast.Name)]
        if len(names) != len(elems) or len(names) != len(g.tparams):
            return
        ps = self.type_param_proxies(g.tparams, names, g.spec.tparams)
        saved = self.save_context()
        try:
            nt = self.instantiate_type(g, ps, [spec.recv.pos])
            if not isinstance(nt, Named):
                return
            fn = next((m for m in nt.methods if m.pos == spec.name.pos), None)
            if fn is None:
                return
            self._check_generic_body(spec, fn, self.bind(fscope, names, ps))
        finally:
            self.restore_context(saved)

    def _check_generic_body(self, spec: ast.FuncDecl, fn: Func, scope: Scope) -> None:
        """Check one generic body (its tree is dropped: instances are compiled)."""
        before = self.diags.errors
        self.scope = scope
        self.deps = set()
        self.func_body(spec, fn)
        self.deps = None
        if self.diags.errors > before:
            self.uni.failed_bodies.add(id(spec))

    if TYPE_CHECKING:  # check.py's
        func_deps: dict[object, set[object]]
        decls: dict[str, Any]
        resolving: list[Any]

        def func_body(self, spec: ast.FuncDecl, fn: Func) -> tree.FuncDecl: ...


def _names_in(e: ast.Expr) -> list[str]:
    """The identifiers in type expression e, in source order."""
    out: list[str] = []
    stack: list[object] = [e]
    while stack:
        n = stack.pop()
        if isinstance(n, tuple):
            stack.extend(reversed(n))
        elif isinstance(n, ast.Name):
            out.append(n.value)
        elif isinstance(n, ast.Expr | ast.Field):
            stack.extend(reversed([getattr(n, f) for f in n.__dataclass_fields__]))
    return out


def drain(pending: list[Callable[[], None]]) -> None:
    """Run queued instance body checks until none is left (a body may queue more)."""
    while pending:
        pending.pop(0)()


def _decl_pos(spec: object) -> tuple[str, int, int]:
    pos = getattr(spec, "pos", None)
    return (pos.file, pos.line, pos.col) if isinstance(pos, Pos) else ("", 0, 0)


def _union_leaves(e: ast.Expr) -> list[ast.Expr]:
    """The operands of union `A | B | C`, left to right."""
    if isinstance(e, ast.BinaryExpr) and e.op == "|":
        return _union_leaves(e.x) + _union_leaves(e.y)
    return [e]


def _overlap(x: Term, y: Term) -> bool:
    """Whether single-type terms x and y share a type (types2's !disjoint): compared as
    their underlying types where the other term has a ~."""
    if any(isinstance(t.type, Named) and t.type.underlying is None for t in (x, y)):
        return x.type is y.type
    ux = under(x.type) if y.tilde else x.type
    uy = under(y.type) if x.tilde else y.type
    return identical(ux, uy)
