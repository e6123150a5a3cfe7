"""Calls: Go functions, methods, interface methods and func values (the Go ABI:
arguments and results in the caller's outgoing area, each 8-aligned), and bodyless
runtime functions (the C ABI: one register per word).

    h(a, g())   a is copied into a temp before g runs (g could change it); then
                call main.h args=24 [.autotmp_1+0@0 .autotmp_2+0@8] -> [.autotmp_3+0@16]
    i.M(x)      loads fun[idx] from the itab (reflectdata.ITAB_FUN) and calls it with
                the data word as receiver
"""

from __future__ import annotations

from collections.abc import Sequence

from compiler import ir, linkweak
from compiler.diag import InternalError, Pos
from compiler.reflectdata import ITAB_FUN
from compiler.types import tree as T
from compiler.types.typ import (
    PTRSIZE,
    UNSAFE_POINTER,
    Basic,
    Func,
    Kind,
    Pointer,
    Signature,
    Type,
    has_pointers,
    is_signed,
    size_of,
    type_string,
    under,
)
from compiler.walk.base import (
    Unsupported,
    WalkerBase,
    align8,
    at,
    has_call,
)
from compiler.walk.closure import keeps_alive, unsafe_uintptr

INTRINSICS: dict[str, ir.FOp | int] = {
    "math.Sqrt": ir.FOp.SQRT, "math.sqrt": ir.FOp.SQRT, "math.Floor": ir.FOp.FLOOR,
    "math.Ceil": ir.FOp.CEIL, "math.Trunc": ir.FOp.TRUNC,
    "math.Float64bits": 8, "math.Float64frombits": 8,
    "math.Float32bits": 4, "math.Float32frombits": 4,
}
"""math functions lowered to one float operation (an FOp) or to a move of their
argument's bits (the width): gc's intrinsics (SQRTSD, ROUNDSD, MOVQ). Abs and Copysign
inline to moves and integer masks through these."""


BITS_INTRINSICS = frozenset({
    "math/bits.Mul64", "math/bits.Mul", "math/bits.Len64", "math/bits.Len",
    "math/bits.LeadingZeros64", "math/bits.LeadingZeros", "math/bits.TrailingZeros64",
    "math/bits.TrailingZeros",
})
"""math/bits functions on 64-bit words lowered to instructions, as gc's intrinsics:
MULQ for Mul64, BSR for Len64 and LeadingZeros64, BSF for TrailingZeros64."""


class CallWalker(WalkerBase):
    """Calls of Go functions, methods, interface methods and the runtime."""

    def go_call(self, pos: Pos, target: str | ir.Mem, params: Sequence[Type],
                args: Sequence[ir.Mem], results: Sequence[Type],
                closure: bool = True) -> list[ir.Mem]:
        """A Go-ABI call; each argument and result at the next 8-aligned offset."""
        if len(params) != len(args):
            raise InternalError(pos, f"call with {len(args)} arguments for {len(params)} "
                                "parameters (typed tree contract)")
        off = 0
        iargs: list[ir.Arg] = []
        for t, m in zip(params, args, strict=True):
            off = align8(off)
            iargs.append(ir.Arg(m, off, size_of(t)))
            off += size_of(t)
        off = align8(off)
        res: list[ir.Mem] = []
        ires: list[ir.Arg] = []
        for t in results:
            tmp = self.temp(t)
            ires.append(ir.Arg(tmp, off, size_of(t)))
            res.append(tmp)
            off = align8(off + size_of(t))
        self.emit(ir.Call(pos, target, tuple(iargs), tuple(ires), align8(off), closure))
        return res

    def args(self, es: Sequence[T.Expr]) -> list[ir.Mem]:
        """Evaluate call arguments as gc's walk does: left to right, except that a
        variable whose value a later argument's call could change is read after all
        the other arguments (the spec leaves that order open); any other such value
        is copied first."""
        later_call = [False] * len(es)
        seen = False
        for i in range(len(es) - 1, -1, -1):
            later_call[i] = seen
            seen = seen or has_call(es[i])
        out: list[ir.Mem | None] = []
        for e, lc in zip(es, later_call, strict=True):
            if lc and isinstance(e, T.VarRef):
                out.append(None)
                continue
            m = self.expr(e)
            if lc and not isinstance(e, T.ConstExpr):
                m = self.copy_temp(e.pos, m, e.type)
            out.append(m)
        return [m if m is not None else self.expr(e) for e, m in zip(es, out, strict=True)]

    def call(self, e: T.Call | T.MethodCall | T.IfaceCall) -> list[ir.Mem]:
        """The result locations of a call, by what is called: a declared function (Go or
        runtime ABI), a func value, a method, an interface method."""
        pos = e.pos
        if isinstance(e, T.IfaceCall):
            e = self.pb.opts.devirt.get(id(e), e)
        match e:
            case T.Call(fn=T.FuncRef(func=f), args=args) if f.symbol in INTRINSICS:
                return [self.intrinsic(pos, f, self.args(args))]
            case T.Call(fn=T.FuncRef(func=f), args=args) if f.symbol in BITS_INTRINSICS:
                return self.bits_intrinsic(pos, f, self.args(args))
            case T.Call(fn=T.FuncRef(func=f), args=args):
                vals = self.args(args)
                keep = self.keep_alive(pos, f, args, vals)
                if f.external:
                    res = self.external_call(pos, f, vals)
                else:
                    sig = under(e.fn.type)
                    assert isinstance(sig, Signature)
                    sym = self.pb.opts.inlined.get(id(e)) or self.pb.reflect.func_sym(f)
                    res = self.go_call(pos, sym, sig.params, vals, sig.results)
                for k in keep:
                    self.emit(ir.Mov(pos, self.temp(8), k))
                return res
            case T.Call(fn=T.FuncLit(decl=d) as lit) if d.captures:
                return self.direct_closure_call(e, lit)
            case T.Call(fn=fn, args=args):
                sig = under(fn.type)
                assert isinstance(sig, Signature)
                fv = self.copy_temp(pos, self.expr(fn), fn.type)
                vals = self.args(args)
                return self.go_call(pos, fv, sig.params, vals, sig.results)
            case T.MethodCall(recv=recv, method=m, args=args):
                assert m.recv is not None
                vals = self.args((recv, *args))
                keep = self.keep_alive(pos, m, (recv, *args), vals)
                res = self.go_call(pos, self.pb.opts.inlined.get(id(e)) or m.symbol,
                                   (m.recv, *m.sig.params), vals, m.sig.results)
                for k in keep:
                    self.emit(ir.Mov(pos, self.temp(8), k))
                return res
            case T.IfaceCall():
                return self.iface_call(e)
        raise Unsupported(pos, type(e).__name__)

    def keep_alive(self, pos: Pos, f: Func, args: Sequence[T.Expr],
                   vals: Sequence[ir.Mem]) -> list[ir.Local]:
        """For a call of a bodyless, `//go:uintptrkeepalive` or `//go:uintptrescapes`
        function (gc's UintptrKeepAlive: syscall.Syscall), each `uintptr(p)` argument
        of an unsafe.Pointer p, also one packed into its `...` slice, copied into an
        address-taken temporary read again after the call (gc's call.KeepAlive): what
        p points to stays alive until the call returns."""
        if not keeps_alive(f):
            return []
        keep = []
        for a, m in zip(args, vals, strict=True):
            if unsafe_uintptr(a):
                k = self.temp(UNSAFE_POINTER, addrtaken=True)
                self.emit(ir.Mov(a.pos, k, m))
                keep.append(k)
            elif isinstance(a, T.CompositeLit) and a.lbrace is None and \
                    isinstance(m, ir.Local):
                for j, el in enumerate(a.elems):
                    if unsafe_uintptr(el.value):
                        k = self.temp(UNSAFE_POINTER, addrtaken=True)
                        self.emit(ir.Load(el.value.pos, k, m, 8 * j, 8))
                        keep.append(k)
        return keep

    def intrinsic(self, pos: Pos, f: Func, vals: Sequence[ir.Mem]) -> ir.Mem:
        """A call of a math function gc compiles to an instruction, as that
        instruction: a float operation, or a move of the bits between a float and an
        integer."""
        res = self.temp(f.sig.results[0])
        what = INTRINSICS[f.symbol]
        if isinstance(what, int):
            self.emit(ir.Mov(pos, res, vals[0], what))
        else:
            self.emit(ir.FBinOp(pos, what, res, vals[0], vals[0], 8))
        return res

    def bits_intrinsic(self, pos: Pos, f: Func, vals: Sequence[ir.Mem]) -> list[ir.Mem]:
        """A call of a BITS_INTRINSICS function, as one or two instructions."""
        name = f.symbol.removeprefix("math/bits.").removesuffix("64")
        res: list[ir.Mem] = [self.temp(t) for t in f.sig.results]
        if name == "Mul":
            self.emit(ir.BinOp(pos, ir.Op.MULHI, res[0], vals[0], vals[1], 8, False))
            self.emit(ir.BinOp(pos, ir.Op.MUL, res[1], vals[0], vals[1], 8, False))
        elif name == "TrailingZeros":
            self.emit(ir.UnOp(pos, "ctz", res[0], vals[0], 8))
        elif name == "Len":
            self.emit(ir.UnOp(pos, "len", res[0], vals[0], 8))
        else:
            n = self.temp(8)
            self.emit(ir.UnOp(pos, "len", n, vals[0], 8))
            self.emit(ir.BinOp(pos, ir.Op.SUB, res[0], ir.Imm(64), n, 8, True))
        return res

    def iface_call(self, e: T.IfaceCall) -> list[ir.Mem]:
        """i.M(args): the code pointer is fun[index] of i's itab (ITAB_FUN), called with
        i's data word as the receiver (not a closure call)."""
        pos = e.pos
        if e.method in ("Method", "MethodByName") and e.sig.results and \
                type_string(e.sig.results[0]) == "reflect.Method":
            self.go_call(pos, linkweak.REFLECT_MARK, (), [], ())
        vals = self.args((e.recv, *e.args))
        iv = vals[0]
        tab = self.copy_temp(pos, iv, Pointer(Basic(Kind.UINT8, "uint8")))
        code = self.temp(8)
        self.emit(ir.Load(pos, code, tab, ITAB_FUN + PTRSIZE * e.index, 8))
        data = at(iv, 8)
        ptr_t = Pointer(Basic(Kind.UINT8, "uint8"))
        return self.go_call(pos, code, (ptr_t, *e.sig.params), [data, *vals[1:]],
                            e.sig.results, closure=False)

    def external_call(self, pos: Pos, f: Func, vals: Sequence[ir.Mem]) -> list[ir.Mem]:
        """A call of a bodyless (runtime-implemented) function: the C runtime ABI, one
        integer register per argument word; up to two result words come back in
        %rax:%rdx, more through a hidden result pointer first (SysV sret). A function
        whose arguments (and result pointer) take more than the six argument registers
        is called with the Go ABI instead, as gc calls an assembly body (ABI0: every
        argument and result in the caller's outgoing area); the C runtime has none."""
        self.pb.externs.add(f.symbol)
        total = sum(align8(size_of(t)) for t in f.sig.results)
        nwords = sum((size_of(t) + 7) // 8 or 1 for t in f.sig.params)
        if nwords + (total > 16) > 6:
            return self.go_call(pos, f.symbol, f.sig.params, vals, f.sig.results)
        words: list[ir.Operand] = []
        for t, m in zip(f.sig.params, vals, strict=True):
            n = size_of(t)
            if n < 8:
                words.append(self.ext8(pos, m, n, is_signed(t)) if n in (1, 2, 4) else m)
                continue
            words.extend(at(m, k) for k in range(0, n, 8))
        offs: list[int] = []
        total = 0
        for t in f.sig.results:
            offs.append(total)
            total = align8(total + size_of(t))
        res = [self.temp(t) for t in f.sig.results]
        if total > 16:
            # A pointer-free result's area has its type, so that the stack maps list
            # none of its words rather than every word of a size-only temporary (a
            # [400e6]byte result: 50 million).
            rt = f.sig.results[0]
            plain = len(f.sig.results) == 1 and not has_pointers(rt)
            area = self.temp(rt if plain else total)
            p = self.temp(8)
            self.emit(ir.LoadAddr(pos, p, area))
            words.insert(0, p)
            self.ccall_sym(pos, f.symbol, words, 0)
            for t, m, off in zip(f.sig.results, res, offs, strict=True):
                self.move(pos, m, at(area, off), size_of(t))
        else:
            regs = self.ccall_sym(pos, f.symbol, words, total // 8)
            for t, m, off in zip(f.sig.results, res, offs, strict=True):
                n = size_of(t)
                for k in range(0, n, 8):
                    self.move(pos, at(m, k), regs[(off + k) // 8], min(8, n - k))
        return list(res)
