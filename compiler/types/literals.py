"""Composite literals and function literals.

A composite literal's elements are matched to struct fields (by name or position),
array/slice indices or map keys; an element whose type is elided takes the element
type, `&` included for a pointer element type:

    []*P{{1, 2}}     CompositeLit([]*P, (Element(0, AddrOf(CompositeLit(P, ...))),))
    [...]int{5: 1}   CompositeLit([6]int, (Element(5, Const 1),))

A function literal becomes a FuncLit whose FuncDecl lists the variables it captures;
it is named as gc names closures: `glob..func1` in a package-level initialiser,
`main.func1` in main, `main.func1.1` inside that.
"""

from __future__ import annotations

from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import constant as C
from compiler.types import tree
from compiler.types.base import CheckerBase, FuncCtx
from compiler.types.constant import Cx
from compiler.types.operand import INVALID_TYPE, Mode, Operand, Scope, describe, invalid
from compiler.types.predicates import default_type, is_untyped_kind
from compiler.types.typ import (
    INT,
    Array,
    Map,
    Named,
    Pointer,
    Signature,
    Slice,
    Struct,
    Type,
    Var,
    VarKind,
    is_integer,
    is_interface,
    message_string,
    type_string,
    under,
)


class LiteralChecker(CheckerBase):
    """Composite and function literals (mixed into Checker)."""

    def composite(self, e: ast.CompositeLit, hint: Type | None) -> Operand:
        if e.type is None:
            if hint is None:
                self.error(e.pos, "missing type in composite literal")
                return invalid(e)
            t = hint
        elif isinstance(e.type, ast.ArrayType) and e.type.len is None:
            et = self.resolve_type(e.type.elem)
            n = self._array_lit_len(e, et)
            t = Array(n, et)
        else:
            t = self.resolve_type(e.type)
        if t is INVALID_TYPE:
            for el in e.elems:
                if isinstance(el, ast.KeyValue):
                    self.expr(el.value)
                elif not isinstance(el, ast.CompositeLit):
                    self.expr(el)
            return invalid(e)
        u = under(t)
        if isinstance(t, Named) and t.underlying is INVALID_TYPE:  # wrong type argument count
            for el in e.elems:
                v = el.value if isinstance(el, ast.KeyValue) else el
                if not isinstance(v, ast.CompositeLit):
                    self.expr(v)
            return Operand(Mode.VALUE, t, tree.CompositeLit(e.pos, t, (), e.lbrace), e)
        elems: list[tree.Element] = []
        match u:
            case Struct():
                elems = self._struct_lit(e, t, u)
            case Array(length=n, elem=et):
                elems = self._indexed_lit(e, et, n)
            case Slice(elem=et):
                elems = self._indexed_lit(e, et, -1)
            case Map(key=kt, elem=vt):
                elems = self._map_lit(e, kt, vt)
            case _:
                self.error(e.pos, f"invalid composite literal type {message_string(t, self.path)}")
                return invalid(e)
        return Operand(Mode.VALUE, t, tree.CompositeLit(e.pos, t, tuple(elems), e.lbrace), e)

    def _elem(self, v: ast.Expr, et: Type, context: str) -> tree.Expr:
        if isinstance(v, ast.CompositeLit) and v.type is None:
            pu = under(et)
            if isinstance(pu, Pointer):  # &T elided, also for a defined pointer type
                inner = self.composite(v, pu.elem)
                if inner.invalid:
                    return inner.expr
                addr: tree.Expr = tree.AddrOf(v.pos, pu, inner.expr)
                if pu is not et:
                    addr = tree.Convert(v.pos, et, tree.ConvKind.NOP, addr)
                return addr
            return self.use_as(self.composite(v, et), et, context)
        return self.use_as(self.value(v, et), et, context)

    def _field(self, v: ast.Expr, ft: Type) -> tree.Expr:
        """A struct literal's field value: unlike an element, its type is never elided
        (types2 checks it without a hint: `f: {...}` is a missing type)."""
        return self.use_as(self.value(v), ft, "struct literal")

    def _array_lit_len(self, e: ast.CompositeLit, et: Type) -> int:
        idx = 0
        mx = 0
        for el in e.elems:
            if isinstance(el, ast.KeyValue):
                k = self.expr(el.key)
                if k.mode is Mode.CONST and k.val is not None and C.is_int_value(k.val):
                    idx = int(C.to_fraction(k.val))
            idx += 1
            mx = max(mx, idx)
        return mx

    def _struct_lit(self, e: ast.CompositeLit, t: Type, u: Struct) -> list[tree.Element]:
        out: list[tree.Element] = []
        if not e.elems:
            return out
        keyed = isinstance(e.elems[0], ast.KeyValue)
        ts = message_string(t, self.path)
        # Another package's unexported fields cannot be named or set (types2).
        foreign = isinstance(t, Named) and t.pkg not in (self.path, "")
        if keyed:
            seen: set[int] = set()
            for el in e.elems:
                if not isinstance(el, ast.KeyValue):
                    self.error(el.pos, "mixture of field:value and value elements in struct "
                                       "literal")
                    continue
                if not isinstance(el.key, ast.Name):
                    self.error(el.key.pos, f"invalid field name {expr_string(el.key)} in "
                                           f"struct literal")
                    continue
                idx = next((i for i, f in enumerate(u.fields) if f.name == el.key.value
                            and f.name != "_" and not (foreign and not f.name[:1].isupper())),
                           -1)
                if idx < 0:
                    self.error(el.key.pos, f"unknown field '{el.key.value}' in struct literal "
                                           f"of type {ts}")
                    self.expr(el.value)
                    continue
                if idx in seen:
                    self.error(el.pos, f"duplicate field name {el.key.value} in struct "
                                       f"literal")
                    continue
                seen.add(idx)
                out.append(tree.Element(idx, self._field(el.value, u.fields[idx].type),
                                        el.pos))
            return out
        for i, el in enumerate(e.elems):
            if isinstance(el, ast.KeyValue):
                self.error(el.pos, "mixture of field:value and value elements in struct "
                                   "literal")
                continue
            if i >= len(u.fields):
                self.error(el.pos, f"too many values in {expr_string(e)}")
                break
            if foreign and not u.fields[i].name[:1].isupper():
                self.expr(el)
                self.error(el.pos, f"implicit assignment to unexported field "
                                   f"{u.fields[i].name} in {ts} literal")
                continue
            out.append(tree.Element(i, self._field(el, u.fields[i].type)))
        if len(e.elems) < len(u.fields):
            self.error(e.rbrace, f"too few values in {expr_string(e)}")
        return out

    def _indexed_lit(self, e: ast.CompositeLit, et: Type, n: int) -> list[tree.Element]:
        out: list[tree.Element] = []
        idx = 0
        seen: set[int] = set()
        kind = "array or slice"
        for el in e.elems:
            v = el
            if isinstance(el, ast.KeyValue):
                k = self.value(el.key)
                v = el.value
                if k.mode is Mode.CONST and is_untyped_kind(k.type):
                    k = self.convert_untyped(k, INT)
                if k.invalid:
                    pass
                elif k.mode is not Mode.CONST or k.val is None or isinstance(
                        k.val, (bool, bytes)) or not (is_integer(k.type)
                                                      or C.is_int_value(k.val)):
                    self.error(el.pos, f"index {expr_string(el.key)} must be integer "
                                       f"constant")
                else:
                    idx = int(C.to_fraction(k.val))
                    if idx < 0:
                        kd = describe(self.convert_untyped(k, INT), self.path)
                        self.error(el.key.pos, f"invalid argument: index {kd} must not be "
                                               f"negative")
            if n >= 0 and idx >= n:
                if isinstance(el, ast.KeyValue):
                    self.error(el.key.pos, f"invalid argument: index {idx} out of bounds "
                                           f"[0:{n}]")
                else:
                    self.error(v.pos, f"index {idx} is out of bounds (>= {n})")
                self._elem(v, et, "array or slice literal")
                idx += 1
                continue
            if idx in seen:
                self.error(el.pos, f"duplicate index {idx} in {kind} literal")
            seen.add(idx)
            colon = el.pos if isinstance(el, ast.KeyValue) else None
            out.append(tree.Element(idx, self._elem(v, et, "array or slice literal"), colon))
            idx += 1
        return out

    def _map_lit(self, e: ast.CompositeLit, kt: Type, vt: Type) -> list[tree.Element]:
        out: list[tree.Element] = []
        seen: set[object] = set()
        for el in e.elems:
            if not isinstance(el, ast.KeyValue):
                self.error(el.pos, "missing key in map literal")
                continue
            if isinstance(el.key, ast.CompositeLit) and el.key.type is None:
                k = self._elem(el.key, kt, "map literal")
            else:
                kop = self.value(el.key, kt)
                if kop.mode is Mode.CONST and kop.val is not None:
                    # types2: under an interface key type the constant's (default)
                    # type is part of the key; numeric values compare by value.
                    v = kop.val
                    if isinstance(v, Cx) and v.im == 0:
                        v = v.re
                    tag = type(v).__name__ if isinstance(v, (bool, bytes)) else "number"
                    ident = (type_string(default_type(kop.type), link=True)
                             if is_interface(kt) else "")
                    key = (tag, ident, v)
                    if key in seen:
                        self.error(el.key.pos, f"duplicate key {C.format_value(kop.val)} in "
                                               f"map literal")
                    seen.add(key)
                k = self.use_as(kop, kt, "map literal")
            out.append(tree.Element(k, self._elem(el.value, vt, "map literal"), el.pos))
        return out

    def func_lit(self, e: ast.FuncLit) -> Operand:
        sig = self.resolve_signature(e.type)
        parent = self.func
        if parent is None:
            key = "glob."
            n = self.uni.closures.get(key, 0) + 1
            self.uni.closures[key] = n
            name = f"glob..func{n}"
        else:
            parent.closures += 1
            n = parent.closures
            name = f"{parent.name}.{n}" if parent.parent is not None \
                else f"{parent.name}.func{n}"
        ctx = FuncCtx(sig, name, parent)
        saved = self.save_context()
        outer = Scope(self.scope)
        try:
            self.func = ctx
            params, results = self.declare_params(e.type, sig, outer, ctx)
            body = self.func_block(e.body, outer, ctx, sig,
                                   any(r.name is not None for r in e.type.results))
        finally:
            self.restore_context(saved)
        if parent is not None:
            parent.locals.extend(ctx.locals)
            for v in ctx.captures:
                if self.var_owner.get(v) is not parent and v not in parent.captures:
                    parent.captures.append(v)
        decl = tree.FuncDecl(e.pos, name, None, sig, None, params, results, body,
                             tree.capture_order(body, ctx.captures), end=e.body.rbrace)
        return Operand(Mode.VALUE, sig, tree.FuncLit(e.pos, sig, decl), e)

    def declare_params(self, ft: ast.FuncType, sig: Signature, scope: Scope,
                       ctx: FuncCtx) -> tuple[tuple[Var, ...], tuple[Var, ...]]:
        """Declare a function's parameters and results in scope."""
        params: list[Var] = []
        for p, t in zip(ft.params, sig.params, strict=False):
            v = self.new_var(p.name.value if p.name else "", t, p.pos, VarKind.PARAM)
            params.append(v)
            self._declare_param(scope, v, ctx)
        results: list[Var] = []
        for r, t in zip(ft.results, sig.results, strict=False):
            v = self.new_var(r.name.value if r.name else "", t, r.pos, VarKind.RESULT)
            results.append(v)
            self._declare_param(scope, v, ctx)
        return tuple(params), tuple(results)

    def _declare_param(self, scope: Scope, v: Var, ctx: FuncCtx) -> None:
        self.var_owner[v] = ctx
        if v.name in ("", "_"):
            return
        prev = scope.names.get(v.name)
        if prev is not None:
            self.error(v.pos, f"{v.name} redeclared in this block\n\t"
                              f"{getattr(prev, 'pos', v.pos)}: other declaration of {v.name}")
            return
        scope.names[v.name] = v
