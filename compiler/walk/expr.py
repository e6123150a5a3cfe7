"""The expression dispatcher, addressable expressions, constants and `&x`.

`expr(e)` returns the location of e's value (`ir.Mem`): a variable's own slot when e is
one (so do NOT write to the result), else a fresh temp. `lvalue(e)` returns where an
addressable e lives: `Direct(mem)` or `Indirect(ptr, off)`. For

    p.f = 1              // p *struct{ g, f int }

lvalue gives Indirect(p's slot, 8) and the assignment emits
`store 8 *(p+0)+8 <- .autotmp_0+0`, the temp holding 1. `&p.f` nil-checks p first
(computing an address touches no memory; gc checks anyway).
"""

from __future__ import annotations

from compiler import ir
from compiler.types import tree as T
from compiler.types.typ import (
    Array,
    Slice,
    Struct,
    is_complex,
    is_float,
    is_string,
    size_of,
    struct_layout,
    under,
)
from compiler.walk.base import (
    Direct,
    Indirect,
    LVal,
    Unsupported,
    WalkerBase,
    at,
    float_bits,
    sub,
    wrap_int,
)


class ExprWalker(WalkerBase):
    """The expression dispatcher, addressable expressions, constants, &x."""

    def lvalue(self, e: T.Expr) -> LVal:
        """The location of addressable expression e."""
        match e:
            case T.VarRef(var=v):
                return self.var(e.pos, v)
            case T.Deref(x=x):
                p = self.expr(x)
                ptr = p if isinstance(p, ir.Local) else self.copy_temp(e.pos, p, x.type)
                if self.nilcheck_derefs or size_of(e.type) >= 4096 or size_of(e.type) == 0:
                    self.emit(ir.NilCheck(e.pos, ptr))
                return Indirect(ptr, 0)
            case T.FieldSel(x=x, index=i):
                st = under(x.type)
                assert isinstance(st, Struct)
                offs, _ = struct_layout(st)
                if self.addressable(x):
                    return sub(self.lvalue(x), offs[i])
                return Direct(at(self.expr(x), offs[i]))
            case T.Index(x=x, index=ix):
                return self.index_lval(e, x, ix)
            case T.MapIndex():
                m, k = self.lhs_pre(e)  # type: ignore[misc]
                return Indirect(self.map_assign(e.pos, e.x.type, m, k), 0)
        m = self.expr(e)
        return Direct(m)

    def addressable(self, e: T.Expr) -> bool:
        """Whether e denotes a location lvalue can return without copying."""
        match e:
            case T.VarRef() | T.Deref():
                return True
            case T.FieldSel(x=x):
                return self.addressable(x)
            case T.Index(x=x):
                return isinstance(under(x.type), Slice) or (
                    isinstance(under(x.type), Array) and self.addressable(x))
        return False

    def expr(self, e: T.Expr) -> ir.Mem:
        """The location of e's value; do NOT write to it (it may be a variable)."""
        if self.preval:
            m = self.preval.pop(id(e), None)
            if m is not None:
                return m
        pos = e.pos
        match e:
            case T.ConstExpr():
                return self.const(e)
            case T.NilExpr():
                tmp = self.temp(e.type)
                self.write_zero(pos, Direct(tmp), e.type)
                return tmp
            case T.VarRef() | T.Deref() | T.FieldSel():
                return self.read(pos, self.lvalue(e), e.type)
            case T.Index(x=x):
                if is_string(x.type):
                    return self.string_index(e)
                return self.read(pos, self.lvalue(e), e.type)
            case T.FuncRef(func=f):
                return self.func_value(pos, self.pb.reflect.func_sym(f), e.type)
            case T.Unary():
                return self.unary(e)
            case T.Binary():
                return self.binary(e)
            case T.Call() | T.MethodCall() | T.IfaceCall():
                res = self.call(e)
                if not res:
                    raise Unsupported(pos, "use of a call with no result")
                return res[0]
            case T.BuiltinCall():
                return self.builtin(e)
            case T.Convert():
                return self.convert(e)
            case T.AddrOf():
                return self.addr_of(e)
            case T.CompositeLit():
                tmp = self.temp(e.type)
                self.composite(Direct(tmp), e, zeroed=False)
                return tmp
            case T.FuncLit():
                return self.func_lit(e)
            case T.SliceExpr():
                return self.slice_expr(e)
            case T.MapIndex():
                return self.map_index(e, commaok=e.commaok)[0]
            case T.Recv():
                return self.recv(e)[0]
            case T.TypeAssert():
                return self.type_assert(e, commaok=e.commaok)[0]
            case T.MethodValue() | T.IfaceMethodValue():
                return self.method_value(e)
            case T.TupleElem(x=x, index=i):
                if i == 0:
                    self.tuples[id(x)] = self.multi(x)
                return self.tuples[id(x)][i]
        raise Unsupported(pos, type(e).__name__)

    def const(self, e: T.ConstExpr) -> ir.Mem:
        """A temp holding constant e's value (strings point at their rodata symbol)."""
        pos, v, t = e.pos, e.value, e.type
        if isinstance(v, bytes):
            tmp = self.temp(t)
            if v:
                self.emit(ir.Mov(pos, tmp, ir.SymAddr(self.pb.static.string_sym(v)), 8))
            else:
                self.emit(ir.Mov(pos, tmp, ir.Imm(0), 8))
            self.emit(ir.Mov(pos, at(tmp, 8), ir.Imm(len(v)), 8))
            return tmp
        if isinstance(v, bool):
            return self.const_int(pos, int(v), 1)
        if is_complex(t):
            c = complex(v)
            tmp = self.temp(t)
            half = size_of(t) // 2
            for off, part in ((0, c.real), (half, c.imag)):
                self.emit(ir.Mov(pos, at(tmp, off), ir.Imm(float_bits(part, half)), half))
            return tmp
        if is_float(t):
            assert not isinstance(v, complex)
            w = size_of(t)
            return self.const_int(pos, float_bits(float(v), w), w)
        if isinstance(v, int):
            w = size_of(t)
            return self.const_int(pos, wrap_int(v, w), w)
        raise Unsupported(pos, f"constant {v!r}")

    def addr_of(self, e: T.AddrOf) -> ir.Mem:
        """&x: a fresh heap (or, not escaping, stack) object for &T{...}, else x's address
        (nil-checking a dereference on the way)."""
        pos = e.pos
        x = e.x
        if isinstance(x, T.CompositeLit):
            sp = self.stack_object(pos, e, x.type)
            p = sp if sp is not None else self.alloc(pos, x.type)
            self.composite(Indirect(p, 0), x, zeroed=True)
            return p
        saved, self.nilcheck_derefs = self.nilcheck_derefs, True
        lv = self.lvalue(x)
        self.nilcheck_derefs = saved
        return self.addr(pos, lv)
