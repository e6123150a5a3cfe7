"""Calls: functions, methods and func values, with their arguments checked against the
parameters; conversions and builtins are called like functions and handed on.

Variadic extras are packed into a slice literal, a multi-value call may be the whole
argument list:

    func f(a int, b ...string); func h(int, string); func two() (int, string)
    f(1, "x", "y")    Call(f, (Const 1, CompositeLit([]string, ("x", "y"))))
    f(1)              Call(f, (Const 1, NilExpr []string))
    h(two())          Call(h, (TupleElem(two(), 0), TupleElem(two(), 1)))
    f()               `not enough arguments in call to f\n\thave ()\n\twant (int, ...string)`
"""

from __future__ import annotations

import dataclasses

from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import tree
from compiler.types.base import CheckerBase
from compiler.types.generic import GenericFunc
from compiler.types.operand import Mode, Operand, describe, invalid, summary
from compiler.types.typ import Signature, Slice, Tuple, Type, under


class CallChecker(CheckerBase):
    """Calls (mixed into Checker)."""

    def names_tparam(self, e: ast.Expr) -> bool:
        """Whether e is the name of a type parameter (bound in an instance body)."""
        while isinstance(e, ast.ParenExpr):
            e = e.x
        return isinstance(e, ast.Name) and getattr(self.lookup(e.value), "tparam", False)

    def call(self, e: ast.CallExpr, hint: Type | None = None) -> Operand:
        f = self.callee(e)
        if f.invalid:
            for a in e.args:
                self.expr(a)
            return invalid(e)
        if f.mode is Mode.TYPE:
            x = self.conversion(e, f.type)
            if x.mode is Mode.CONST and self.names_tparam(e.fun):
                # T(27) with T a type parameter is not a constant, whatever T is
                # bound to here: -T(27) is fine for T = uint.
                return dataclasses.replace(x, mode=Mode.VALUE, val=None)
            return x
        if f.mode is Mode.BUILTIN:
            return self.builtin_call(e, f.name, hint)
        f = self.require_value(f)
        if f.invalid:
            return f
        sig = under(f.type)
        if not isinstance(sig, Signature):
            # types2 leaves the arguments unchecked (a variable used only there is
            # then not used).
            self.error(e.pos, f"invalid operation: cannot call non-function "
                              f"{describe(f, self.path)}")
            return invalid(e)
        args = self.call_args(e, sig, expr_string(e.fun))
        rt: Type = sig.results[0] if len(sig.results) == 1 else Tuple(sig.results)
        mode = Mode.NOVALUE if not sig.results else Mode.VALUE
        fx = f.expr
        call: tree.Expr
        if isinstance(fx, tree.MethodValue):
            call = tree.MethodCall(e.pos, rt, fx.recv, fx.method, args, e.lparen)
        elif isinstance(fx, tree.IfaceMethodValue):
            call = tree.IfaceCall(e.pos, rt, fx.recv, fx.method, fx.index, sig, args,
                                  e.lparen)
        else:
            call = tree.Call(e.pos, rt, fx, args, e.lparen)
        return Operand(mode, rt, call, e)

    def callee(self, e: ast.CallExpr) -> Operand:
        """The called operand; a generic function's instance (type arguments inferred)."""
        fun = e.fun
        while isinstance(fun, ast.ParenExpr):
            fun = fun.x
        if isinstance(fun, ast.IndexExpr):
            g = self.generic_object(fun.x)
            if isinstance(g, GenericFunc):
                return self.generic_call_fun(e, g, fun.index)
        else:
            g = self.generic_object(fun)
            if isinstance(g, GenericFunc):
                return self.generic_call_fun(e, g, None)
        return self.expr(e.fun)

    def call_args(self, e: ast.CallExpr, sig: Signature, fname: str) -> tuple[tree.Expr, ...]:
        """Check a call's arguments against sig (packing variadic extras into a slice)."""
        ops: list[Operand] = []
        if len(e.args) == 1 and not e.dots:
            a = self.expr(e.args[0], sig.params[0] if sig.params else None)
            a = self.require_value(a, allow_tuple=True)
            if isinstance(a.type, Tuple) and not a.invalid:
                ops.extend(self.tuple_elems(a))
                if len(ops) != len(sig.params) and not sig.variadic or len(ops) < len(
                        sig.params) - (1 if sig.variadic else 0):
                    self._count_error(e, sig, ops, fname)
                    return ()
            else:
                ops.append(a)
        else:
            for i, arg in enumerate(e.args):
                h = sig.params[min(i, len(sig.params) - 1)] if sig.params else None
                if sig.variadic and i >= len(sig.params) - 1 and not e.dots and \
                        isinstance(h, Slice):
                    h = h.elem
                if len(e.args) == 1:  # f(g()...)
                    a = self.require_value(self.expr(arg, h), allow_tuple=True)
                    if isinstance(a.type, Tuple) and not a.invalid:
                        # types2 counts g's results as the arguments.
                        if sig.variadic:
                            self.error(e.pos, f"cannot use ... with {len(a.type.types)}-"
                                              f"valued {expr_string(arg)}")
                        else:
                            self.error(e.pos, f"cannot use ... in call to non-variadic "
                                              f"{fname}")
                        return ()
                    ops.append(a)
                    continue
                ops.append(self.value(arg, h))
        if any(o.invalid for o in ops):
            return ()
        np = len(sig.params)
        if e.dots:
            if not sig.variadic:
                self.error(e.pos, f"cannot use ... in call to non-variadic {fname}")
                return ()
            if len(ops) != np:
                self._count_error(e, sig, ops, fname, dots=True)
                return ()
            return tuple(self.use_as(o, t, f"argument to {fname}")
                         for o, t in zip(ops, sig.params, strict=True))
        if sig.variadic:
            if len(ops) < np - 1:
                self._count_error(e, sig, ops, fname)
                return ()
            fixed = [self.use_as(o, t, f"argument to {fname}")
                     for o, t in zip(ops[:np - 1], sig.params[:np - 1], strict=True)]
            st = sig.params[-1]
            assert isinstance(st, Slice)
            extra = ops[np - 1:]
            if not extra:
                fixed.append(tree.NilExpr(e.rparen, st))
            else:
                elems = tuple(tree.Element(i, self.use_as(o, st.elem, f"argument to {fname}"))
                              for i, o in enumerate(extra))
                fixed.append(tree.CompositeLit(extra[0].src.pos, st, elems))
            return tuple(fixed)
        if len(ops) != np:
            self._count_error(e, sig, ops, fname)
            return ()
        return tuple(self.use_as(o, t, f"argument to {fname}")
                     for o, t in zip(ops, sig.params, strict=True))

    def tuple_elems(self, a: Operand) -> list[Operand]:
        """The results of multi-value call a as operands (TupleElem nodes sharing it)."""
        assert isinstance(a.type, Tuple)
        return [Operand(Mode.VALUE, t, tree.TupleElem(a.src.pos, t, a.expr, i), a.src)
                for i, t in enumerate(a.type.types)]

    def _count_error(self, e: ast.CallExpr, sig: Signature, ops: list[Operand],
                     fname: str, dots: bool = False) -> None:
        """types2's count mismatch; with dots the variadic parameter counts as one."""
        have = "(" + ", ".join(summary(o.type, self.path) for o in ops) + ")"
        want = "(" + ", ".join(summary(p, self.path) for p in sig.params) + ")"
        if sig.variadic and sig.params:
            last = sig.params[-1]
            assert isinstance(last, Slice)
            parts = [summary(p, self.path) for p in sig.params[:-1]]
            parts.append("..." + summary(last.elem, self.path))
            want = "(" + ", ".join(parts) + ")"
        np = len(sig.params) - (1 if sig.variadic and not dots else 0)
        if len(ops) < np:
            at = e.args[-1].pos if e.args else e.pos
            self.error(at, f"not enough arguments in call to {fname}\n\thave {have}\n\t"
                           f"want {want}")
        else:
            at = e.args[len(sig.params)].pos if len(e.args) > len(sig.params) else e.pos
            self.error(at, f"too many arguments in call to {fname}\n\thave {have}\n\t"
                           f"want {want}")
