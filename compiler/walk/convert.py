"""Conversions, one method per conversion kind (tree.ConvKind) dispatched from
`convert` (type assertions: iface.py).

    var e interface{} = n        // n int, e does not escape
    mov w8 tmp+0 <- $type.int(SB)       the type word
    mov w8 copy+0 <- n+0                 n copied into a stack temporary ...
    addr tmp+8 <- &copy+0                ... whose address is the data word

(see `stack_data_word`); if e escapes the data word comes from the runtime allocator
gc 1.19 picks by the value's type (`conv_func`: runtime.convT64(n) here). A
constant's data word is the address of a read-only symbol holding its value. An
interface-to-interface conversion looks its itab up through a one-entry cache per site.
"""

from __future__ import annotations

from collections.abc import Sequence

from compiler import ir
from compiler.diag import Pos
from compiler.types import tree as T
from compiler.types.typ import (
    Array,
    Pointer,
    Slice,
    Struct,
    Type,
    VarKind,
    align_of,
    has_pointers,
    is_complex,
    is_direct_iface,
    is_empty_interface,
    is_float,
    is_signed,
    is_string,
    size_of,
    under,
)
from compiler.walk.base import (
    Direct,
    Unsupported,
    WalkerBase,
    at,
    float_bits,
)

MAX_STACK_CONV = 1024
"""The largest value a conversion builds on the stack (the seed commit's bound; escape.py
keeps the same number); larger ones are always allocated."""


class ConvertWalker(WalkerBase):
    """Conversions."""

    def convert(self, e: T.Convert) -> ir.Mem:
        """T(x), lowered by what the conversion does at run time (e.kind)."""
        K = T.ConvKind
        match e.kind:
            case K.NOP:
                return self.expr(e.x)
            case K.INT:
                return self.conv_int(e)
            case K.INT_TO_FLOAT:
                return self.conv_int_to_float(e)
            case K.FLOAT_TO_INT:
                return self.conv_float_to_int(e)
            case K.FLOAT:
                return self.conv_float(e)
            case K.COMPLEX:
                return self.conv_complex(e)
            case K.INT_TO_STRING:
                return self.conv_int_to_string(e)
            case K.BYTES_TO_STRING:
                return self.conv_slice_to_string(e, "slicebytetostring")
            case K.RUNES_TO_STRING:
                return self.conv_slice_to_string(e, "slicerunetostring")
            case K.STRING_TO_BYTES:
                return self.conv_string_to_bytes(e)
            case K.STRING_TO_RUNES:
                return self.conv_string_to_runes(e)
            case K.T2E:
                return self.conv_t2e(e)
            case K.T2I:
                return self.conv_t2i(e)
            case K.I2E:
                return self.conv_i2e(e)
            case K.I2I:
                return self.conv_i2i(e)
            case K.SLICE_TO_ARRAYPTR:
                return self.conv_slice_to_arrayptr(e)
        raise Unsupported(e.pos, f"conversion {e.kind.value}")

    # -- numbers ---------------------------------------------------------------------

    def conv_int(self, e: T.Convert) -> ir.Mem:
        """Integer to integer: truncate, or sign- or zero-extend by the source's sign."""
        pos, x, t = e.pos, e.x, e.type
        m = self.expr(x)
        tmp = self.temp(t)
        self.emit(ir.Ext(pos, tmp, size_of(t), m, size_of(x.type), is_signed(x.type)))
        return tmp

    def conv_int_to_float(self, e: T.Convert) -> ir.Mem:
        """Integer to float, through the source widened to 8 bytes."""
        pos, x, t = e.pos, e.x, e.type
        m = self.expr(x)
        tmp = self.temp(t)
        kind = "i2f" if is_signed(x.type) else "u2f"
        src = self.ext8(pos, m, size_of(x.type), is_signed(x.type))
        self.emit(ir.FConv(pos, kind, tmp, size_of(t), src, 8))
        return tmp

    def conv_float_to_int(self, e: T.Convert) -> ir.Mem:
        """Float to integer, truncating toward zero, by gc's amd64 instructions (which
        decide what NaN and out-of-range values give): a 64-bit conversion for int64
        and uint32, gc's unsigned sequence for uint64, a 32-bit one for the other
        widths; then narrowed."""
        pos, x, t = e.pos, e.x, e.type
        m = self.expr(x)
        tmp = self.temp(t)
        n = size_of(t)
        kind = "f2u" if n == 8 and not is_signed(t) else "f2i"
        w = 8 if n == 8 or (n == 4 and not is_signed(t)) else 4
        wide = self.temp(w)
        self.emit(ir.FConv(pos, kind, wide, w, m, size_of(x.type)))
        self.emit(ir.Ext(pos, tmp, n, wide, w, False))
        return tmp

    def conv_float(self, e: T.Convert) -> ir.Mem:
        """float32 <-> float64 (the value itself between floats of one size)."""
        pos, x, t = e.pos, e.x, e.type
        m = self.expr(x)
        if size_of(t) == size_of(x.type):
            return m
        tmp = self.temp(t)
        self.emit(ir.FConv(pos, "f2f", tmp, size_of(t), m, size_of(x.type)))
        return tmp

    def conv_complex(self, e: T.Convert) -> ir.Mem:
        """complex64 <-> complex128: each half converted as a float."""
        pos, x, t = e.pos, e.x, e.type
        m = self.expr(x)
        if size_of(t) == size_of(x.type):
            return m
        tmp = self.temp(t)
        h, sh = size_of(t) // 2, size_of(x.type) // 2
        self.emit(ir.FConv(pos, "f2f", tmp, h, m, sh))
        self.emit(ir.FConv(pos, "f2f", at(tmp, h), h, at(m, sh), sh))
        return tmp

    # -- strings ---------------------------------------------------------------------

    def conv_int_to_string(self, e: T.Convert) -> ir.Mem:
        """string(r): runtime.intstring of the integer widened to 8 bytes."""
        pos, x = e.pos, e.x
        m = self.expr(x)
        r = self.ccall(pos, "intstring",
                       [self.ext8(pos, m, size_of(x.type), is_signed(x.type))], 2)
        return self.string_result(pos, e.type, r)

    def conv_slice_to_string(self, e: T.Convert, fn: str) -> ir.Mem:
        """string(b) of a []byte or []rune: runtime.fn(ptr, len) copies."""
        m = self.expr(e.x)
        r = self.ccall(e.pos, fn, [m, at(m, 8)], 2)
        return self.string_result(e.pos, e.type, r)

    def string_result(self, pos: Pos, t: Type, r: Sequence[ir.Operand]) -> ir.Local:
        """A string of type t from a runtime call's two result words."""
        tmp = self.temp(t)
        self.emit(ir.Mov(pos, tmp, r[0], 8))
        self.emit(ir.Mov(pos, at(tmp, 8), r[1], 8))
        return tmp

    def conv_string_to_bytes(self, e: T.Convert) -> ir.Mem:
        """[]byte(s): runtime.stringtoslicebyte copies s; len = cap = len(s)."""
        pos = e.pos
        m = self.expr(e.x)
        tmp = self.temp(e.type)
        (p,) = self.ccall(pos, "stringtoslicebyte", [m, at(m, 8)], 1)
        self.slice_header(pos, tmp, p, at(m, 8))
        return tmp

    def conv_string_to_runes(self, e: T.Convert) -> ir.Mem:
        """[]rune(s): runtime.stringtoslicerune decodes s and returns the rune count."""
        pos = e.pos
        m = self.expr(e.x)
        tmp = self.temp(e.type)
        p, n = self.ccall(pos, "stringtoslicerune", [m, at(m, 8)], 2)
        self.slice_header(pos, tmp, p, n)
        return tmp

    def slice_header(self, pos: Pos, dst: ir.Local, p: ir.Operand, n: ir.Operand) -> None:
        """dst = {p, n, n}."""
        self.emit(ir.Mov(pos, dst, p, 8))
        self.emit(ir.Mov(pos, at(dst, 8), n, 8))
        self.emit(ir.Mov(pos, at(dst, 16), n, 8))

    # -- to interfaces ---------------------------------------------------------------

    def conv_t2e(self, e: T.Convert) -> ir.Mem:
        """Value to empty interface: {&type.T, data word}; see to_iface."""
        return self.to_iface(e)

    def conv_t2i(self, e: T.Convert) -> ir.Mem:
        """Value to non-empty interface: {&go.itab.T,I, data word}; see to_iface."""
        return self.to_iface(e)

    def to_iface(self, e: T.Convert) -> ir.Mem:
        """A T2E/T2I conversion. The data word is, in order of preference: the value
        itself (pointer-shaped T); &runtime.zerobase (zero-size T); a stack copy
        (stack_data_word); a heap copy from the runtime (conv_data). An addressable
        value over MAX_STACK_CONV bytes goes to convert_in_place."""
        pos, x, t = e.pos, e.x, e.type
        if size_of(x.type) > MAX_STACK_CONV and self.addressable(x):
            return self.convert_in_place(e)
        if (isinstance(x, T.ConstExpr) and not is_direct_iface(x.type)
                and size_of(x.type) > 0):
            tmp = self.temp(t)
            self.emit(ir.Mov(pos, tmp, self.type_word(x.type, t), 8))
            self.emit(ir.Mov(pos, at(tmp, 8), ir.SymAddr(self.const_data(x)), 8))
            return tmp
        m = self.expr(x)
        tmp = self.temp(t)
        tw = self.type_word(x.type, t)
        self.emit(ir.Mov(pos, tmp, tw, 8))
        data = at(tmp, 8)
        if is_direct_iface(x.type):
            self.emit(ir.Mov(pos, data, m, 8))
        elif size_of(x.type) == 0:
            self.emit(ir.Mov(pos, data, ir.SymAddr("runtime.zerobase"), 8))
        elif not self.stack_data_word(e, m, data):
            self.emit(ir.Mov(pos, data, self.conv_data(pos, x, m), 8))
        return tmp

    def conv_data(self, pos: Pos, x: T.Expr, m: ir.Mem) -> ir.Local:
        """A heap copy of x, whose value is at m, from gc 1.19's allocator for its type
        (conv_func): a small integer-shaped value, a string or a slice is passed by
        value, anything else by address with its type. As gc's order does (isaddrokay), a
        value passed by address is first copied to an order temporary unless it is a
        global or an addressable expression other than a variable (`*p`, `a.s`): a
        local variable (or a call's result) is not address-taken for it, and the
        temporary is shared by the statements that need one."""
        t = x.type
        fn = conv_func(t)
        args: list[ir.Operand]
        match fn:
            case "convT16" | "convT32":
                args = [self.ext8(pos, m, size_of(t), False)]
            case "convT64":
                args = [m]
            case "convTstring":
                args = [m, at(m, 8)]
            case "convTslice":
                args = [m, at(m, 8), at(m, 16)]
            case _:
                if isinstance(x, T.VarRef):
                    okay = x.var.kind is VarKind.GLOBAL
                else:
                    okay = self.addressable(x)
                if not okay:
                    cp = self.order_temp(t)
                    self.write(pos, Direct(cp), m, t)
                    m = cp
                pv = self.temp(8)
                self.emit(ir.LoadAddr(pos, pv, m))
                args = [self.type_addr(t), pv]
        (d,) = self.ccall(pos, fn, args, 1)
        return d

    def const_data(self, x: T.ConstExpr) -> str:
        """The read-only symbol holding constant x's value, as gc's walk makes one for a
        constant converted to an interface: the conversion then neither calls nor
        allocates."""
        v, w = x.value, size_of(x.type)
        st = self.pb.static
        if isinstance(v, bytes):
            if not v:
                return st.const_sym(bytes(16))
            return st.const_sym(bytes(8) + len(v).to_bytes(8, "little"),
                                (ir.Reloc(0, st.string_sym(v)),))
        if isinstance(v, complex) or is_complex(x.type):
            c, half = complex(v), w // 2
            return st.const_sym(float_bits(c.real, half).to_bytes(half, "little")
                                + float_bits(c.imag, half).to_bytes(half, "little"))
        if is_float(x.type):
            return st.const_sym(float_bits(float(v), w).to_bytes(w, "little"))
        return st.const_sym((int(v) & ((1 << (8 * w)) - 1)).to_bytes(w, "little"))

    def stack_data_word(self, e: T.Convert, m: ir.Mem, data: ir.Mem) -> bool:
        """The seed's rule (gc's -d=convinline): build the data word of value-to-interface
        conversion e, whose value is at m, from a stack temporary instead of the heap.

        Contract: it applies only when Options.convinline is on, the escape pass proved
        that e's result does not escape (id(e) in Options.stackconv), and the value is
        at most MAX_STACK_CONV bytes. Then it copies the value into a fresh temporary,
        stores the temporary's address in `data` and returns True: no runtime call, no
        allocation. Otherwise it emits nothing and returns False, and the caller
        allocates. The temporary is one slot per conversion site, reused by every
        evaluation (each loop iteration overwrites it), which is why the escape pass
        must prove that no copy of the interface outlives the evaluation: do NOT widen
        the condition."""
        opts = self.pb.opts
        t = e.x.type
        if not (opts.convinline and id(e) in opts.stackconv and size_of(t) <= MAX_STACK_CONV):
            return False
        copy = self.temp(t)
        self.move(e.pos, copy, m, size_of(t))
        self.emit(ir.LoadAddr(e.pos, data, copy))
        return True

    def convert_in_place(self, e: T.Convert) -> ir.Mem:
        """T2E/T2I of an addressable value over MAX_STACK_CONV bytes: runtime.convT (or
        convTnoptr) copies straight from the variable, with no temporary copy (for a
        huge *p, a huge stack slot)."""
        pos, x, t = e.pos, e.x, e.type
        pv = self.addr(pos, self.lvalue(x))
        tmp = self.temp(t)
        tw = self.type_word(x.type, t)
        self.emit(ir.Mov(pos, tmp, tw, 8))
        fn = "convT" if has_pointers(x.type) else "convTnoptr"
        (d,) = self.ccall(pos, fn, [self.type_addr(x.type), pv], 1)
        self.emit(ir.Mov(pos, at(tmp, 8), d, 8))
        return tmp

    def type_word(self, t: Type, iface: Type) -> ir.SymAddr:
        """The first word of an interface of type iface holding a t: &type.T or &itab."""
        if is_empty_interface(iface):
            return self.type_addr(t)
        return ir.SymAddr(self.pb.reflect.itab_sym(t, iface))

    def conv_i2e(self, e: T.Convert) -> ir.Mem:
        """Interface to empty interface: {dynamic type word, the same data word}."""
        pos = e.pos
        m = self.expr(e.x)
        tmp = self.temp(e.type)
        tw = self.dyn_type(pos, e.x.type, m)
        self.emit(ir.Mov(pos, tmp, tw, 8))
        self.emit(ir.Mov(pos, at(tmp, 8), at(m, 8), 8))
        return tmp

    def conv_i2i(self, e: T.Convert) -> ir.Mem:
        """Interface to non-empty interface: the itab of the dynamic type for the target,
        from the site's cache or runtime.convI2I (nil stays nil), and the same data
        word."""
        pos, x = e.pos, e.x
        m = self.expr(x)
        tmp = self.temp(e.type)
        isym = self.type_addr(e.type)

        def conv() -> ir.Operand:
            tw = self.dyn_type(pos, x.type, m)
            return self.ccall(pos, "convI2I", [isym, tw], 1)[0]

        tab = self.cached_itab(pos, at(m, 0), conv)
        self.emit(ir.Mov(pos, tmp, tab, 8))
        self.emit(ir.Mov(pos, at(tmp, 8), at(m, 8), 8))
        return tmp

    # -- other -----------------------------------------------------------------------

    def conv_slice_to_arrayptr(self, e: T.Convert) -> ir.Mem:
        """(*[N]T)(s): s's data pointer, after checking len(s) >= N (gc's
        panicSliceConvert(N, len))."""
        pos = e.pos
        pt = under(e.type)
        assert isinstance(pt, Pointer)
        arr = under(pt.elem)
        assert isinstance(arr, Array)
        s = self.copy_temp(pos, self.expr(e.x), e.x.type)
        if arr.length > 0:
            bad = self.temp(1)
            self.emit(ir.BinOp(pos, ir.Op.LT, bad, at(s, 8), ir.Imm(arr.length), 8, True))
            self.panic_if(pos, bad, "panicSliceConvert", [ir.Imm(arr.length), at(s, 8)])
        tmp = self.temp(e.type)
        self.emit(ir.Mov(pos, tmp, s, 8))
        return tmp


def sole_component(t: Type) -> Type | None:
    """gc's Type.SoleComponent: the one non-aggregate a struct of one field or an
    array of one element (recursively) consists of; t itself if it is no aggregate."""
    u = under(t)
    if isinstance(u, Struct):
        return sole_component(u.fields[0].type) if len(u.fields) == 1 else None
    if isinstance(u, Array):
        return sole_component(u.elem) if u.length == 1 else None
    return t


def conv_func(t: Type) -> str:
    """The runtime function gc 1.19 (walk's dataWordFuncName) calls to box a t that
    escapes: convT16/32/64 for a 2-, 4- or 8-byte pointer-free value of that alignment,
    convTstring/convTslice for a string or slice (alone in its struct or array),
    else convT (with pointers) or convTnoptr."""
    size, align = size_of(t), align_of(t)
    if size == 2 and align == 2:
        return "convT16"
    if size == 4 and align == 4 and not has_pointers(t):
        return "convT32"
    if size == 8 and align == 8 and not has_pointers(t):
        return "convT64"
    sc = sole_component(t)
    if sc is not None and is_string(sc):
        return "convTstring"
    if sc is not None and isinstance(under(sc), Slice):
        return "convTslice"
    return "convT" if has_pointers(t) else "convTnoptr"
