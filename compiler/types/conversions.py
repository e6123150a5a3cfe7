"""Explicit conversions `T(x)`.

A constant converts to a constant when representable (a string from an integer is its
UTF-8 encoding, "\uFFFD" if invalid); otherwise the conversion is a Convert node whose
kind says what it does:

    int64(n)        Convert(INT, int64, VarRef n)
    string(b)       Convert(BYTES_TO_STRING, string, VarRef b)     (b []byte)
    any(v)          Convert(T2E, any, VarRef v)
    (*[4]int)(s)    Convert(SLICE_TO_ARRAYPTR, *[4]int, VarRef s)
    int8(300)       `cannot convert 300 (untyped int constant) to type int8`
"""

from __future__ import annotations

from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import constant as C
from compiler.types import tree
from compiler.types.base import CheckerBase
from compiler.types.operand import Mode, Operand, describe, invalid
from compiler.types.predicates import (
    default_type,
    identical,
    identical_ignore_tags,
    is_numeric,
    is_untyped_kind,
    same_class,
)
from compiler.types.typ import (
    Array,
    Basic,
    Chan,
    Interface,
    Kind,
    Map,
    Pointer,
    Signature,
    Slice,
    Type,
    TypeParam,
    basic_kind,
    is_boolean,
    is_complex,
    is_float,
    is_integer,
    is_interface,
    is_string,
    m_string,
    message_string,
    missing_method,
    not_in_heap,
    under,
)


class ConversionChecker(CheckerBase):
    """Explicit conversions (mixed into Checker)."""

    def conversion(self, e: ast.CallExpr, t: Type) -> Operand:
        self.chan_sizes(t, e.lparen)
        ts = message_string(t, self.path)
        if len(e.args) == 1 and e.dots:
            if not self.value(e.args[0], t).invalid:
                self.error(e.args[0].pos, f"invalid use of ... in type conversion to {ts}")
            return invalid(e)
        if len(e.args) != 1:
            if not e.args:
                self.error(e.pos, f"missing argument in conversion to {ts}")
            else:
                self.error(e.args[-1].pos, f"too many arguments in conversion to {ts}")
            for a in e.args:
                self.expr(a)
            return invalid(e)
        x = self.value(e.args[0], t)
        if x.invalid:
            return invalid(e)
        orig = x
        tu = under(t)
        if isinstance(tu, Interface) and not isinstance(t, TypeParam) and (
                tu.terms is not None or tu.comparable):
            self.error(e.pos, f"cannot use interface {ts} in conversion (contains specific "
                              "type constraints or is comparable)")
            return invalid(e)
        if x.mode is Mode.CONST and isinstance(tu, Basic) and not is_untyped_kind(t) and \
                tu.kind is not Kind.UNSAFE_POINTER:
            assert x.val is not None
            v = x.val
            if is_string(t) and is_integer(x.type) and not isinstance(v, (bytes, bool)):
                iv = int(C.to_fraction(v))
                try:
                    s = chr(iv).encode("utf-8") if 0 <= iv <= 0x10FFFF and not (
                        0xD800 <= iv < 0xE000) else "\ufffd".encode()
                except ValueError:
                    s = "\ufffd".encode()
                return Operand(Mode.CONST, t, tree.ConstExpr(e.pos, t, s), e, val=s)
            ok = (is_numeric(t) and not isinstance(v, (bool, bytes))
                  or is_string(t) and isinstance(v, bytes)
                  or is_boolean(t) and isinstance(v, bool))
            if ok and is_integer(t) and not C.is_int_value(v):
                ok = False
            if ok:
                r, _ = C.representable(v, tu.kind)
                if r is not None:
                    return Operand(Mode.CONST, t, tree.ConstExpr(e.pos, t, C.to_concrete(r)),
                                   e, val=r)
            self.error(e.args[0].pos, f"cannot convert {describe(x, self.path)} to type {ts}")
            return invalid(e)
        if x.mode is Mode.NIL:
            if isinstance(tu, (Pointer, Slice, Map, Chan, Signature, Interface)) or \
                    basic_kind(t) is Kind.UNSAFE_POINTER:
                return Operand(Mode.VALUE, t, tree.NilExpr(e.pos, t), e)
            self.error(e.args[0].pos, f"cannot convert nil to type {ts}")
            return invalid(e)
        if is_untyped_kind(x.type):
            if is_interface(t):
                xe = self.default(x)
                dt = default_type(x.type)
                x = Operand(Mode.VALUE, dt, xe, x.src)
            elif isinstance(x.expr, tree.Binary) and x.expr.op in ("<<", ">>") and \
                    is_integer(x.type) and is_string(t):
                # The shift takes the conversion's type, as in `string(1 << s)`.
                self.error(x.src.pos, f"invalid operation: {expr_string(x.src)} (shift of "
                                      f"type {ts})")
                return invalid(e)
            else:
                x2 = self.convert_untyped(x, t) if same_class(x.type, t) else x
                if x2.invalid:
                    return invalid(e)
                if not is_untyped_kind(x2.type):
                    x = x2
                else:
                    xe = self.default(x)
                    x = Operand(Mode.VALUE, default_type(x.type), xe, x.src)
        kind = self.conv_kind(x, t)
        if kind is None and isinstance(under(x.type), Slice) and isinstance(tu, Pointer):
            at, st = under(tu.elem), under(x.type)
            if isinstance(at, Array) and isinstance(st, Slice) and identical(at.elem,
                                                                             st.elem):
                kind = tree.ConvKind.SLICE_TO_ARRAYPTR
        if kind is None:
            # types2 adds the cause assignability found (convertibleTo tries it first).
            cause = ""
            if isinstance(tu, Interface) or (isinstance(tu, Pointer) and
                                             isinstance(under(tu.elem), Interface)):
                cause = ":\n\t" + self.not_implements(x.type, t)
            elif isinstance(under(x.type), Interface) and \
                    missing_method(t, under(x.type)) is None:  # type: ignore[arg-type]
                cause = ":\n\tneed type assertion"
            self.error(e.args[0].pos, f"cannot convert {describe(orig, self.path)} to type "
                                      f"{ts}{cause}")
            return invalid(e)
        self._notinheap_conversion(e, x, t)
        xe = self.const_expr(x, x.type) if x.mode is Mode.CONST else x.expr
        if kind in (tree.ConvKind.T2E, tree.ConvKind.T2I, tree.ConvKind.I2E,
                    tree.ConvKind.I2I):
            if identical(x.type, t):
                return Operand(Mode.VALUE, t, xe, e)
            return Operand(Mode.VALUE, t, tree.Convert(e.pos, t, kind, xe, e.lparen), e)
        return Operand(Mode.VALUE, t, tree.Convert(e.pos, t, kind, xe, e.lparen), e)

    def _notinheap_conversion(self, e: ast.CallExpr, x: Operand, t: Type) -> None:
        """gc's typecheck forbids converting *T to *U for a //go:notinheap U (T not), or
        a string to []U (U a byte or rune type), after types2 allowed it."""
        vu, tu = under(x.type), under(t)
        why = ""
        if isinstance(vu, Pointer) and isinstance(tu, Pointer) and not_in_heap(tu.elem) \
                and not not_in_heap(vu.elem):
            why = f"{m_string(tu.elem, self.path)} is incomplete (or unallocatable), but " \
                  f"{m_string(vu.elem, self.path)} is not"
        elif is_string(x.type) and isinstance(tu, Slice) and not_in_heap(tu.elem) and \
                basic_kind(tu.elem) in (Kind.UINT8, Kind.INT32):
            why = f"{m_string(tu.elem, self.path)} is incomplete (or unallocatable)"
        if why:
            vt = default_type(x.type)
            self.late_error(e.lparen, f"cannot convert {expr_string(x.src)} (type "
                                      f"{m_string(vt, self.path)}) to type "
                                      f"{m_string(t, self.path)}:\n\t{why}")

    def conv_kind(self, x: Operand, t: Type) -> tree.ConvKind | None:
        """What converting typed x to t does, or None if Go forbids it."""
        v = x.type
        vu, tu = under(v), under(t)
        K = tree.ConvKind
        if is_interface(t):
            if self.assignable(x, t):
                empty = not tu.methods  # type: ignore[union-attr]
                if is_interface(v):
                    return K.I2E if empty else K.I2I
                return K.T2E if empty else K.T2I
            return None
        if identical_ignore_tags(vu, tu) or self.assignable(x, t):
            return K.NOP
        if isinstance(v, Pointer) and isinstance(t, Pointer) and \
                identical_ignore_tags(under(v.elem), under(t.elem)):
            return K.NOP  # unnamed pointer types only (a defined *T is not)
        vk, tk = basic_kind(v), basic_kind(t)
        if (vk is Kind.UNSAFE_POINTER and (isinstance(tu, Pointer) or tk is Kind.UINTPTR)) or \
                (tk is Kind.UNSAFE_POINTER and (isinstance(vu, Pointer) or vk is Kind.UINTPTR)):
            return K.NOP
        if is_integer(v) and is_integer(t):
            return K.INT
        if is_integer(v) and is_float(t):
            return K.INT_TO_FLOAT
        if is_float(v) and is_integer(t):
            return K.FLOAT_TO_INT
        if is_float(v) and is_float(t):
            return K.FLOAT
        if is_complex(v) and is_complex(t):
            return K.COMPLEX
        if is_string(t):
            if is_integer(v):
                return K.INT_TO_STRING
            if isinstance(vu, Slice) and basic_kind(vu.elem) is Kind.UINT8:
                return K.BYTES_TO_STRING
            if isinstance(vu, Slice) and basic_kind(vu.elem) is Kind.INT32:
                return K.RUNES_TO_STRING
            if is_string(v):
                return K.NOP
        if is_string(v) and isinstance(tu, Slice):
            if basic_kind(tu.elem) is Kind.UINT8:
                return K.STRING_TO_BYTES
            if basic_kind(tu.elem) is Kind.INT32:
                return K.STRING_TO_RUNES
        return None
