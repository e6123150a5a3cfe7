"""Expression switches and type switches.

Case values are checked against the tag as `tag == v` would be (constants converted to
the tag's type, duplicate constant cases reported); a type switch's clauses each get
their own variable, typed by the clause's single type or else the tag's:

    switch v := x.(type) { case int: ...; case error, nil: ... }
    →  TypeSwitch(x, clauses=(TypeClause((int,), v#1 of type int, ...),
                              TypeClause((error, nil), v#2 of x's type, ...)))
"""

from __future__ import annotations

from compiler.diag import Pos
from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import tree
from compiler.types.base import CheckerBase
from compiler.types.operand import INVALID_TYPE, Mode, Operand, Scope, describe, invalid
from compiler.types.predicates import (
    comparable,
    default_type,
    identical,
    is_untyped_kind,
    same_class,
)
from compiler.types.typ import (
    BOOL,
    Basic,
    Interface,
    Map,
    Named,
    Signature,
    Slice,
    Type,
    Var,
    VarKind,
    basic_kind,
    is_boolean,
    is_interface,
    message_string,
    missing_method,
    under,
)


class SwitchChecker(CheckerBase):
    """Switch statements (mixed into Checker)."""

    def switch_stmt(self, s: ast.SwitchStmt, label: str | None) -> tree.Switch:
        saved = self.scope
        self.scope = Scope(saved)
        try:
            init = self.single_stmt(s.init)
            tag: tree.Expr | None = None
            tag_op: Operand | None = None
            if s.tag is not None:
                tag_op = self.value(s.tag)
                if not tag_op.invalid:
                    if tag_op.mode is Mode.NIL:
                        self.error(s.tag.pos, "use of untyped nil in switch expression")
                        tag_op = invalid(s.tag)
                    elif not comparable(tag_op.type) and not isinstance(
                            under(tag_op.type), (Slice, Map, Signature)):
                        ts = message_string(tag_op.type, self.path)
                        self.error(s.tag.pos, f"cannot switch on {describe(tag_op, self.path)} "
                                              f"({ts} is not comparable)")
                        tag_op = invalid(s.tag)
                    else:
                        e = self.default(tag_op, "switch expression")
                        tag_op = Operand(Mode.VALUE, e.type, e, s.tag)
                tag = tag_op.expr
            if tag_op is None:
                true = ast.Name(s.pos, "true")
                tag_op = Operand(Mode.CONST, BOOL, tree.ConstExpr(s.pos, BOOL, True), true,
                                 val=True)
            self.push_target("switch", label)
            try:
                clauses = self._clauses(s, tag_op, s.tag is None)
            finally:
                self.pop_target()
            return tree.Switch(s.pos, init, tag, tuple(clauses), label)
        finally:
            self.scope = saved

    def _clauses(self, s: ast.SwitchStmt, tag: Operand, tagless: bool
                 ) -> list[tree.CaseClause]:
        out: list[tree.CaseClause] = []
        default_pos: Pos | None = None
        seen: dict[object, Pos] = {}
        for i, cl in enumerate(s.clauses):
            exprs: list[tree.Expr] = []
            if cl.exprs is None:
                if default_pos is not None:
                    self.error(cl.pos, f"multiple defaults (first at {default_pos})")
                default_pos = cl.pos
            else:
                for e in cl.exprs:
                    ce = self._case_expr(e, tag, seen)
                    if ce is not None:
                        exprs.append(ce)

            saved = self.scope
            self.scope = Scope(saved)
            try:
                body = list(cl.body)
                ft = False
                last = body[-1] if body else None
                if isinstance(last, ast.LabeledStmt) and isinstance(last.stmt, ast.BranchStmt) \
                        and last.stmt.tok == "fallthrough":
                    body[-1:] = [ast.LabeledStmt(last.pos, last.label, ast.EmptyStmt(last.pos)),
                                 last.stmt]
                if body and isinstance(body[-1], ast.BranchStmt) and \
                        body[-1].tok == "fallthrough":
                    if i == len(s.clauses) - 1:
                        self.error(body[-1].pos, "cannot fallthrough final case in switch")
                    ft = True
                    body = body[:-1]
                stmts = self.stmt_list(tuple(body))
            finally:
                self.scope = saved
            out.append(tree.CaseClause(cl.pos, tuple(exprs), tuple(stmts), ft,
                                       cl.exprs is None))
        return out

    def _case_expr(self, e: ast.Expr, tag: Operand,
                   seen: dict[object, Pos]) -> tree.Expr | None:
        op = self.value(e, tag.type)
        if op.invalid or tag.invalid:
            return None
        is_nil = op.mode is Mode.NIL
        if op.mode is Mode.CONST and op.val is not None:
            if is_untyped_kind(op.type) and not is_interface(tag.type):
                conv = self._implicit_case(op, tag.type)
                if conv is None:
                    return None
                op = conv
            # An untyped case of an interface switch counts by its default type;
            # byte and uint8, rune and int32 are the same type.
            kop = op if not is_untyped_kind(op.type) else Operand(
                Mode.CONST, default_type(op.type), op.expr, op.src, val=op.val)
            tkey = basic_kind(kop.type) if isinstance(kop.type, Basic) else repr(kop.type)
            key = (tkey, type(op.val).__name__, op.val)
            if is_boolean(op.type):
                pass
            elif key in seen:
                if not self.instance_body:
                    self.error(e.pos, f"duplicate case {describe(kop, self.path)} in "
                                      f"expression switch\n\t{seen[key]}: previous case")
            else:
                # types2 names the previous case by its node: a call or conversion at
                # its parenthesis, an operation at its operator.
                seen[key] = e.lparen if isinstance(e, ast.CallExpr) else \
                    e.oppos if isinstance(e, ast.BinaryExpr) else e.pos
        fake = ast.BinaryExpr(e.pos, "==", e, e, e.pos)
        if is_interface(tag.type) and not is_interface(op.type):
            if op.mode is Mode.NIL:
                return tree.NilExpr(e.pos, tag.type)
            if is_untyped_kind(op.type):
                return self.use_as(op, tag.type, "switch case")
            if not comparable(op.type):
                self.error(e.pos, f"invalid case {expr_string(e)} in switch on "
                                  f"{expr_string(tag.src)} ({_kindw(op.type)} can only be "
                                  f"compared to nil)")
                return None
            if not self.assignable(op, tag.type):
                self.error(e.pos, f"invalid case {expr_string(e)} in switch on "
                                  f"{expr_string(tag.src)} (mismatched types "
                                  f"{message_string(op.type, self.path)} and "
                                  f"{message_string(tag.type, self.path)})")
                return None
            return self.to_interface(op, tag.type)
        if is_interface(op.type) and not is_interface(tag.type):
            if not self.assignable(tag, op.type):
                self.error(e.pos, f"invalid case {expr_string(e)} in switch on "
                                  f"{expr_string(tag.src)} (mismatched types "
                                  f"{message_string(op.type, self.path)} and "
                                  f"{message_string(tag.type, self.path)})")
                return None
            return op.expr
        if is_interface(op.type) and is_interface(tag.type) and not identical(
                op.type, tag.type) and self.assignable(op, tag.type):
            return self.to_interface(op, tag.type)  # a J case in a switch on an I
        if is_untyped_kind(op.type):
            conv = self._implicit_case(op, tag.type)
            if conv is None:
                return None
            op = conv
        if not identical(op.type, tag.type):
            self.error(e.pos, f"invalid case {expr_string(e)} in switch on "
                              f"{expr_string(tag.src)} (mismatched types "
                              f"{message_string(op.type, self.path)} and "
                              f"{message_string(tag.type, self.path)})")
            return None
        if not comparable(tag.type) and not is_nil:
            self.error(fake.pos, f"invalid case {expr_string(e)} in switch on "
                                 f"{expr_string(tag.src)} ({_kindw(tag.type)} can only be "
                                 f"compared to nil)")
            return None
        if op.mode is Mode.CONST:
            return self.const_expr(op, tag.type)
        return op.expr

    def _implicit_case(self, op: Operand, t: Type) -> Operand | None:
        if op.mode is Mode.NIL:
            r = self.convert_untyped(op, t, "switch case")
            return None if r.invalid else r
        if op.mode is Mode.CONST and not same_class(op.type, t):
            self.error(op.src.pos, f"cannot convert {describe(op, self.path)} to "
                                   f"{message_string(t, self.path)}")
            return None
        r = self.convert_untyped(op, t)
        return None if r.invalid else r

    def type_switch(self, s: ast.TypeSwitchStmt, label: str | None) -> tree.TypeSwitch:
        saved = self.scope
        self.scope = Scope(saved)
        try:
            init = self.single_stmt(s.init)
            if s.name is not None and s.name.value == "_":
                self.error(s.name.pos, "no new variable on left side of :=")
            x = self.value(s.x)
            if not x.invalid and isinstance(x.type, Named) and x.type.tparam is not None:
                self.error(s.x.pos, f"cannot use type switch on type parameter value "
                                    f"{describe(x, self.path)}")
                x = invalid(s.x)
            elif not x.invalid and (not is_interface(x.type) or is_untyped_kind(x.type)):
                self.error(s.x.pos, f"{describe(x, self.path)} is not an interface")
                x = invalid(s.x)
            self.push_target("switch", label)
            try:
                clauses, any_used = self._type_clauses(s, x)
            finally:
                self.pop_target()
            if s.name is not None and s.name.value != "_" and not any_used:
                self.error(s.name.pos, f"{s.name.value} declared but not used")
            return tree.TypeSwitch(s.pos, init, x.expr, tuple(clauses), label)
        finally:
            self.scope = saved

    def _type_clauses(self, s: ast.TypeSwitchStmt, x: Operand
                      ) -> tuple[list[tree.TypeClause], bool]:
        out: list[tree.TypeClause] = []
        any_used = False
        default_pos: Pos | None = None
        seen: list[tuple[Type | None, Pos]] = []
        for cl in s.clauses:
            types: list[Type | None] = []
            if cl.exprs is None:
                if default_pos is not None:
                    self.error(cl.pos, f"multiple defaults (first at {default_pos})")
                default_pos = cl.pos
            else:
                for e in cl.exprs:
                    t = self._case_type(e, x)
                    if t is INVALID_TYPE:
                        if len(cl.exprs) == 1:
                            types.append(t)  # the clause's variable is invalid: no cascade
                        continue
                    prev = next((p for st, p in seen if (st is None and t is None) or (
                        st is not None and t is not None and identical(st, t))), None)
                    if prev is not None:
                        if not self.instance_body:
                            ts = "nil" if t is None else message_string(t, self.path)
                            self.error(e.pos, f"duplicate case {ts} in type "
                                              f"switch\n\t{prev}: previous case")
                        continue
                    seen.append((t, e.pos))
                    types.append(t)
            saved = self.scope
            self.scope = Scope(saved)
            var: Var | None = None
            try:
                if s.name is not None and s.name.value != "_":
                    vt = types[0] if len(types) == 1 and types[0] is not None else x.type
                    var = self.new_var(s.name.value, vt, s.name.pos, VarKind.LOCAL)
                    self.scope.names[s.name.value] = var
                    if self.func is not None:
                        self.var_owner[var] = self.func
                for b in cl.body:
                    if isinstance(b, ast.BranchStmt) and b.tok == "fallthrough":
                        self.error(b.pos, "cannot fallthrough in type switch")
                stmts = self.stmt_list(cl.body)
            finally:
                self.scope = saved
            if var is not None and var in self.used:
                any_used = True
            else:
                var = None
            types = [t for t in types if t is not INVALID_TYPE]
            out.append(tree.TypeClause(cl.pos, tuple(types), var, tuple(stmts),
                                       cl.exprs is None))
        return out, any_used

    def _case_type(self, e: ast.Expr, x: Operand) -> Type | None:
        u = e
        while isinstance(u, ast.ParenExpr):
            u = u.x
        if isinstance(u, ast.Name) and u.value == "nil" and \
                self.lookup("nil") is self.universe_scope.names.get("nil"):
            return None
        t = self.resolve_type(e)
        if t is INVALID_TYPE or x.invalid:
            return INVALID_TYPE
        if not is_interface(t) and not (isinstance(t, Named) and t.tparam is not None):
            xu = under(x.type)
            assert isinstance(xu, Interface)
            m = missing_method(t, xu)
            if m is not None and self.instance_body:
                return INVALID_TYPE  # (T is a type parameter there: a case never taken)
            if m is not None:
                self.error(e.pos, f"impossible type switch case: {expr_string(e)}\n\t"
                                  f"{describe(x, self.path)} cannot have dynamic type "
                                  f"{message_string(t, self.path)} "
                                  f"{self.missing_reason(m, xu)}")
                return INVALID_TYPE
        return t


def _kindw(t: Type) -> str:
    u = under(t)
    return {Slice: "slice", Map: "map", Signature: "func"}.get(type(u), "value")
