"""Selectors `x.f`: qualified names, fields and methods (also promoted through embedded
fields), method values and method expressions.

The path through embedded fields becomes explicit, dereferences included; a method
with a pointer receiver called on an addressable value takes its address:

    type S struct{ *T }; func (t *T) M(); var s S
    s.x      FieldSel(Deref(FieldSel(VarRef s, 0)), x)       (x a field of T)
    s.M      MethodValue(FieldSel(VarRef s, 0), T.M)
    (*T).M   FuncRef(T.M); a method expression whose receiver differs from the
             method's (`(*T).N` for `func (T) N()`) names gc's wrapper `main.(*T).N`,
             which walk generates
"""

from __future__ import annotations

from collections.abc import Sequence

from compiler import stdlib
from compiler.diag import Pos
from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import tree
from compiler.types.base import CheckerBase
from compiler.types.embed import EMBED_PKG
from compiler.types.operand import Builtin, Mode, Operand, PkgName, invalid
from compiler.types.predicates import is_complete, is_untyped_kind
from compiler.types.typ import (
    Func,
    Interface,
    Named,
    Pointer,
    Selection,
    Signature,
    Struct,
    Type,
    Var,
    is_interface,
    lookup,
    message_string,
    method_set,
    qname,
    under,
)


class SelectorChecker(CheckerBase):
    """Selectors (mixed into Checker)."""

    def selector(self, e: ast.SelectorExpr) -> Operand:
        if isinstance(e.x, ast.Name):
            obj = self.lookup(e.x.value)
            if isinstance(obj, PkgName):
                self.used_pkgs.add(id(obj))
                if obj.broken:
                    return invalid(e)
                o = obj.scope.get(e.sel.value)
                if o is None or not e.sel.value[:1].isupper() and obj.name != EMBED_PKG:
                    if o is not None:
                        self.error(e.sel.pos, f"name {e.sel.value} not exported by package "
                                              f"{obj.name}")
                    else:
                        self.error(e.sel.pos, stdlib.missing_name(obj.path, obj.name,
                                                                  e.sel.value))
                    return invalid(e)
                if isinstance(o, Var) and self.deps is not None:
                    self.deps.add(o)
                op = self.object_operand(o, e)
                if isinstance(o, Builtin):
                    op.name = o.name
                return op
        x = self.expr(e.x)
        if x.invalid:
            return x
        name = e.sel.value
        if x.mode is Mode.TYPE:
            return self.method_expr(e, x.type)
        x = self.require_value(x)
        if x.invalid:
            return x
        if x.mode is Mode.CONST and not is_untyped_kind(x.type):
            x = Operand(Mode.VALUE, x.type, self.const_expr(x, x.type), x.src)
        if x.mode is Mode.NIL or is_untyped_kind(x.type):
            self.error(e.sel.pos, f"{expr_string(e)} undefined (type "
                                  f"{message_string(x.type, self.path)} has no field or "
                                  f"method {name})")
            return invalid(e)
        t = x.type
        if not is_complete(t):
            self.error(e.sel.pos, f"{expr_string(e)} undefined (type "
                                  f"{message_string(t, self.path)} has no field or method "
                                  f"{name})")
            return invalid(e)
        sel = lookup(t, qname(name, self.path)) if name != "_" else None
        if isinstance(t, Pointer) and is_interface(t.elem):
            sel = None
        pu = under(t)
        if sel is None and isinstance(t, Named) and isinstance(pu, Pointer) and \
                not is_interface(pu.elem):
            # A defined pointer type has no methods, but x.f is (*x).f for a field f.
            fsel = lookup(pu, qname(name, self.path)) if name != "_" else None
            sel = fsel if isinstance(fsel, Selection) and fsel.index >= 0 else None
        if sel is None or isinstance(sel, str):
            ts = message_string(t, self.path)
            if sel == "ambiguous":
                self.error(e.sel.pos, f"ambiguous selector {expr_string(e)}")
            elif isinstance(t, Pointer) and is_interface(t.elem):
                self.error(e.sel.pos, f"{expr_string(e)} undefined (type {ts} is pointer to "
                                      f"interface, not interface)")
            else:
                alt = name[:1].swapcase() + name[1:]
                hint = ""
                asel = lookup(t, qname(alt, self.path))
                if alt != name and isinstance(asel, Selection):
                    hint = f", but does have {alt}"
                self.error(e.sel.pos, f"{expr_string(e)} undefined (type {ts} has no field "
                                      f"or method {name}{hint})")
            return invalid(e)
        return self.apply_selection(e, x, sel)

    def walk_path(self, pos: Pos, x: tree.Expr, t: Type, path: Sequence[int],
                  addressable: bool) -> tuple[tree.Expr, Type, bool]:
        """Follow embedded-field indices from x, dereferencing pointers explicitly."""
        for i in path:
            if isinstance(under(t), Pointer):
                pt = under(t)
                assert isinstance(pt, Pointer)
                t = pt.elem
                x = tree.Deref(pos, t, x)
                addressable = True
            st = under(t)
            assert isinstance(st, Struct)
            t = st.fields[i].type
            x = tree.FieldSel(pos, t, x, i)
        return x, t, addressable

    def apply_selection(self, e: ast.SelectorExpr, x: Operand, sel: Selection) -> Operand:
        addressable = x.mode is Mode.VAR
        pos = e.pos
        xe, t, addressable = self.walk_path(pos, x.expr, x.type, sel.path, addressable)
        if sel.index >= 0:
            if isinstance(under(t), Pointer):
                pt = under(t)
                assert isinstance(pt, Pointer)
                t = pt.elem
                xe = tree.Deref(pos, t, xe)
                addressable = True
            st = under(t)
            assert isinstance(st, Struct)
            ft = st.fields[sel.index].type
            mode = Mode.VAR if addressable else Mode.VALUE
            return Operand(mode, ft, tree.FieldSel(pos, ft, xe, sel.index), e)
        if sel.imethod is not None:
            it = t.elem if isinstance(t, Pointer) else t
            if isinstance(t, Pointer):
                xe = tree.Deref(pos, it, xe)
            iu = under(it)
            assert isinstance(iu, Interface)
            idx = [m.qname for m in iu.methods].index(sel.imethod.qname)
            return Operand(Mode.VALUE, sel.imethod.sig, tree.IfaceMethodValue(
                pos, sel.imethod.sig, xe, sel.imethod.name, idx, e.dot), e)
        m = sel.method
        assert m is not None
        if self.deps is not None:
            self.deps.add(m)
        want_ptr = isinstance(m.recv, Pointer)
        is_ptr = isinstance(t, Pointer) or (isinstance(under(t), Pointer)
                                            and not isinstance(t, Named))
        if want_ptr and not is_ptr:
            if not addressable:
                self.error(pos, f"cannot call pointer method {m.name} on "
                                f"{message_string(t, self.path)}")
                return invalid(e)
            xe = tree.AddrOf(pos, Pointer(t), xe)
        elif not want_ptr and is_ptr:
            pt = under(t)
            assert isinstance(pt, Pointer)
            xe = tree.Deref(pos, pt.elem, xe)
        return Operand(Mode.VALUE, m.sig, tree.MethodValue(pos, m.sig, xe, m, e.dot), e)

    def method_expr(self, e: ast.SelectorExpr, t: Type) -> Operand:
        ts = message_string(t, self.path)
        key = qname(e.sel.value, self.path)
        sel = lookup(t, key) if is_complete(t) else None
        if sel == "ambiguous":
            self.error(e.sel.pos, f"ambiguous selector {expr_string(e)}")
            return invalid(e)
        if not isinstance(sel, Selection) or sel.index >= 0:
            self.error(e.sel.pos, f"{expr_string(e)} undefined (type {ts} has no field or "
                                  f"method {e.sel.value})")
            return invalid(e)
        m = sel.method
        entry = method_set(t).get(key)
        if entry is None:
            if m is not None and isinstance(m.recv, Pointer):
                self.error(e.pos, f"invalid method expression {expr_string(e)} (needs "
                                  f"pointer receiver (*{ts}).{m.name})")
            else:
                self.unsupported(e.pos, "this method expression")
            return invalid(e)
        if self.deps is not None and m is not None:
            self.deps.add(m)
        msig = entry.sig
        sig = Signature((t,) + msig.params, msig.results, msig.variadic)
        if m is not None and not sel.path and isinstance(m.recv, Pointer) == isinstance(
                t, Pointer):
            return Operand(Mode.VALUE, sig, tree.FuncRef(e.pos, sig, m), e)
        # A wrapper (gc's `pkg.(*T).M`, `pkg.T.M`, `pkg.I.M`) that walk generates.
        base = t.elem if isinstance(t, Pointer) else t
        pkg = base.pkg if isinstance(base, Named) else self.path
        wrapper = Func(e.sel.value, pkg, msig, e.pos, recv=t)
        return Operand(Mode.VALUE, sig, tree.FuncRef(e.pos, sig, wrapper), e)
