"""Type inference for calls of generic functions, as Go 1.19 does it.

For `Scale(v, 3)` with

    func Scale[S ~[]E, E int | float64](s S, c E) S
    type Vec []float64; var v Vec

function argument inference unifies each typed argument with its parameter's type (S
= Vec; an argument whose parameter mentions no type parameter is skipped), constraint
type inference unifies S's core type `[]E` with Vec's underlying `[]float64` (E =
float64), and only then untyped constants give their default types to parameters
still unknown (`3` would have made E int), followed by constraint inference again.
Unification is inexact as in 1.19: a defined type matches a type literal by its
underlying type. A parameter left unknown is `cannot infer E` (generic.py reports it).
"""

from __future__ import annotations

from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import tree
from compiler.types.base import CheckerBase
from compiler.types.generic import GenericFunc, GenericType, is_open
from compiler.types.operand import Mode, Operand
from compiler.types.predicates import default_type, identical, is_untyped_kind
from compiler.types.typ import (
    Array,
    Chan,
    Field,
    IMethod,
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
    TypeParam,
    message_string,
    under,
)


def core_term(c: Interface) -> Term | None:
    """The single term of a constraint with one (its core type for inference)."""
    if c.terms is not None and len(c.terms) == 1:
        return c.terms[0]
    return None



class InferChecker(CheckerBase):
    """Type argument inference (mixed into Checker)."""

    def infer_args(self, e: ast.CallExpr, g: GenericFunc, m: dict[int, Type]) -> bool:
        """Function argument type inference then constraint type inference into m."""
        assert g.sig is not None
        sig = g.sig
        ops: list[Operand] = []
        for a in e.args:
            if isinstance(a, ast.FuncLit):
                ft = self.resolve_signature(a.type)
                ops.append(Operand(Mode.VALUE, ft, tree.NilExpr(a.pos, ft), a))
                continue
            op = self.expr(a)
            if op.invalid:
                return False
            if isinstance(op.type, Tuple) and len(e.args) == 1:
                ops.extend(Operand(Mode.VALUE, t, op.expr, a) for t in op.type.types)
            else:
                ops.append(op)
        params = list(sig.params)
        if sig.variadic and not e.dots and params:
            last = params.pop()
            assert isinstance(last, Slice)
            while len(params) < len(ops):
                params.append(last.elem)
        tps = {tp.uid for tp in g.tparams}
        for p, op in zip(params, ops, strict=False):
            if op.mode is Mode.NIL or is_untyped_kind(op.type) or not is_open(p):
                continue
            if not self.unify(p, op.type, m, tps):
                ps = message_string(p, self.path)
                inferred = self.subst(p, m)
                what = ps if inferred is p or message_string(inferred, self.path) == ps \
                    else f"inferred type {message_string(inferred, self.path)} for {ps}"
                if g.tparams[0].uid not in m and not any(tp.uid in m for tp in g.tparams):
                    names = [tp.name for tp in g.tparams]
                    tl = names[0] if len(names) == 1 else (
                        f"{names[0]} and {names[1]}" if len(names) == 2
                        else ", ".join(names[:-1]) + ", and " + names[-1])
                    what = f"{ps} (cannot infer {tl})"
                self.error(op.src.pos, f"type {message_string(op.type, self.path)} of "
                                       f"{expr_string(op.src)} does not match {what}")
                return False
        self.infer_constraints(g.tparams, m)
        fresh: set[int] = set()
        for p, op in zip(params, ops, strict=False):
            if not isinstance(p, TypeParam) or p.uid not in tps or op.mode is Mode.NIL \
                    or not is_untyped_kind(op.type):
                continue
            d = default_type(op.type)
            if p.uid not in m:
                m[p.uid] = d
                fresh.add(p.uid)
            elif p.uid in fresh and not identical(m[p.uid], d):
                self.error(op.src.pos, f"default type {message_string(d, self.path)} of "
                                       f"{expr_string(op.src)} does not match inferred "
                                       f"type {message_string(m[p.uid], self.path)} for "
                                       f"{p.name}")
                return False
        return self.infer_constraints(g.tparams, m)

    def infer_constraints(self, tparams: tuple[TypeParam, ...], m: dict[int, Type]) -> bool:
        """Constraint type inference: a parameter with a core type unifies with it."""
        tps = {tp.uid for tp in tparams}
        for _ in range(len(tparams) + 1):
            changed = False
            for tp in tparams:
                term = core_term(tp.constraint)
                if term is None:
                    continue
                if tp.uid in m:
                    bound = m[tp.uid]
                    before = len(m)
                    self.unify(term.type, under(bound) if term.tilde else bound, m, tps)
                    changed |= len(m) != before
                elif not term.tilde:
                    # Only a single exact type fixes an unknown argument (Go 1.19's
                    # inferB): under ~int, G("x") infers string and fails the constraint.
                    core = self.subst(term.type, m)
                    if not is_open(core):
                        m[tp.uid] = core
                        changed = True
            if not changed:
                break
        return True

    def unify(self, p: Type, a: Type, m: dict[int, Type], tps: set[int]) -> bool:
        """Unify parameter type p (mentioning the type parameters tps) with argument
        type a, binding m; inexact as Go 1.19's: a defined type matches a type literal
        by its underlying type."""
        if isinstance(p, TypeParam) and p.uid in tps:
            b = m.get(p.uid)
            if b is None:
                m[p.uid] = a
                return True
            if identical(b, a):
                return True
            if isinstance(b, Named) != isinstance(a, Named):
                if not isinstance(b, Named):
                    m[p.uid] = a
                return identical(under(b), under(a))
            return False
        if isinstance(p, Named):
            if isinstance(a, Named):
                if p is a:
                    return True
                if p.origin is not None and p.origin is a.origin:
                    return all(self.unify(x, y, m, tps)
                               for x, y in zip(p.targs, a.targs, strict=True))
                return False
            return self.unify(under(p), a, m, tps) if p.underlying is not None else False
        if isinstance(a, Named) and not isinstance(p, TypeParam):
            a = under(a)
        match p:
            case Pointer(elem=e):
                return isinstance(a, Pointer) and self.unify(e, a.elem, m, tps)
            case Slice(elem=e):
                return isinstance(a, Slice) and self.unify(e, a.elem, m, tps)
            case Array(elem=e, length=n):
                return isinstance(a, Array) and a.length == n and self.unify(e, a.elem,
                                                                              m, tps)
            case Chan(elem=e):
                return isinstance(a, Chan) and self.unify(e, a.elem, m, tps)
            case Map(key=k, elem=e):
                return isinstance(a, Map) and self.unify(k, a.key, m, tps) and \
                    self.unify(e, a.elem, m, tps)
            case Signature():
                return isinstance(a, Signature) and len(a.params) == len(p.params) and \
                    len(a.results) == len(p.results) and a.variadic == p.variadic and all(
                        self.unify(x, y, m, tps) for x, y in zip(
                            (*p.params, *p.results), (*a.params, *a.results), strict=True))
            case Struct(fields=fs):
                return isinstance(a, Struct) and len(a.fields) == len(fs) and all(
                    f.name == g.name and f.embedded == g.embedded and
                    self.unify(f.type, g.type, m, tps) for f, g in zip(fs, a.fields,
                                                                        strict=True))
        return identical(p, a)

    def subst(self, t: Type, m: dict[int, Type]) -> Type:
        """t with the type parameters bound in m replaced."""
        s = self.subst
        match t:
            case TypeParam():
                return m.get(t.uid, t)
            case Named():
                if t.targs and isinstance(t.origin, GenericType) and is_open(t):
                    return self.instantiate_type(t.origin, [s(a, m) for a in t.targs],
                                                 [t.pos])
                return t
            case Pointer(elem=e):
                return Pointer(s(e, m))
            case Slice(elem=e):
                return Slice(s(e, m))
            case Array(elem=e, length=n):
                return Array(n, s(e, m))
            case Chan(elem=e, dir=d):
                return Chan(s(e, m), d)
            case Map(key=k, elem=e):
                return Map(s(k, m), s(e, m))
            case Signature():
                return Signature(tuple(s(x, m) for x in t.params),
                                 tuple(s(x, m) for x in t.results), t.variadic)
            case Struct(fields=fs):
                return Struct(tuple(Field(f.name, s(f.type, m), f.embedded, f.tag, pkg=f.pkg)
                                    for f in fs))
            case Interface(methods=ms):
                return Interface(tuple(IMethod(x.name, s(x.sig, m), x.pkg) for x in ms),  # type: ignore[arg-type]
                                 t.terms, t.comparable)
        return t
