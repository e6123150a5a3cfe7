"""Builtin functions, one method each, dispatched by name.

    append(s, x)   growslice(&type.T, s, len, cap, len+1) when len+1 > cap, then store
                   x at s.ptr + len*size and set len
    len(m)         0 for a nil map, else the count (the first word of runtime.c's hmap)
    print(x)       printlock; print<kind>(x); printunlock
    make(chan T)   chan.py, as are len, cap and close of a channel
    unsafe.Slice(p, n)  runtime.unsafeslice(sizeof T, p, n) checks n, then {p, n, n}
"""

from __future__ import annotations

from compiler import ir
from compiler.diag import Pos
from compiler.types import tree as T
from compiler.types.typ import (
    INT64,
    UINT64,
    UINTPTR,
    UNSAFE_POINTER,
    Array,
    Chan,
    Field,
    Interface,
    Kind,
    Map,
    Named,
    Pointer,
    Signature,
    Slice,
    Struct,
    Type,
    basic_kind,
    is_signed,
    size_of,
    type_string,
    under,
)
from compiler.walk.base import (
    Unsupported,
    WalkerBase,
    at,
    fast_str,
    has_call,
)


class BuiltinWalker(WalkerBase):
    """Builtin functions."""

    def builtin(self, e: T.BuiltinCall) -> ir.Mem:
        """The value of builtin call e (a zero-size temp for those without one)."""
        match e.name:
            case "print" | "println":
                return self.builtin_print(e)
            case "len" | "cap":
                return self.builtin_len_cap(e)
            case "new":
                assert isinstance(e.type, Pointer)
                p = self.stack_object(e.pos, e, e.type.elem)
                return p if p is not None else self.alloc(e.pos, e.type.elem)
            case "make":
                return self.builtin_make(e)
            case "append":
                return self.builtin_append(e)
            case "copy":
                return self.builtin_copy(e)
            case "delete":
                return self.builtin_delete(e)
            case "panic":
                return self.builtin_panic(e)
            case "recover":
                return self.builtin_recover(e)
            case "real" | "imag":
                x = self.expr(e.args[0])
                return at(x, 0 if e.name == "real" else size_of(e.type))
            case "complex":
                return self.builtin_complex(e)
            case "close":
                self.close_chan(e)
                return self.temp(0)
            case "unsafe.Slice":
                return self.builtin_unsafe_slice(e)
        raise Unsupported(e.pos, f"builtin {e.name}")

    def builtin_unsafe_slice(self, e: T.BuiltinCall) -> ir.Mem:
        """unsafe.Slice(p, n): the slice {p, n, n} once runtime.unsafeslice has checked
        that n is not negative and the n elements fit above p (gc's panics)."""
        pos = e.pos
        u = under(e.type)
        assert isinstance(u, Slice)
        p = self.copy_temp(pos, self.expr(e.args[0]), e.args[0].type)
        # A uint64 or uintptr length above MaxInt64 reaches the runtime negative: out of
        # range, as under gc.
        n, _ = self.int_word(pos, e.args[1])
        self.ccall(pos, "unsafeslice", [ir.Imm(size_of(u.elem)), p, n])
        tmp = self.temp(e.type)
        self.emit(ir.Mov(pos, tmp, p, 8))
        self.emit(ir.Mov(pos, at(tmp, 8), n, 8))
        self.emit(ir.Mov(pos, at(tmp, 16), n, 8))
        return tmp

    def builtin_print(self, e: T.BuiltinCall) -> ir.Mem:
        """print/println: every argument evaluated first, then printed under printlock
        (println separates them with spaces and ends the line)."""
        pos = e.pos
        vals = [(a.type, self.expr(a)) for a in e.args]
        self.ccall(pos, "printlock", [])
        for i, (t, m) in enumerate(vals):
            if i and e.name == "println":
                self.ccall(pos, "printsp", [])
            self.print_value(pos, t, m)
        if e.name == "println":
            self.ccall(pos, "printnl", [])
        self.ccall(pos, "printunlock", [])
        return self.temp(0)

    def print_value(self, pos: Pos, t: Type, m: ir.Mem) -> None:
        """One print argument: runtime.print<kind>."""
        u = under(t)
        k = basic_kind(t)
        if k is Kind.BOOL:
            self.ccall(pos, "printbool", [self.ext8(pos, m, 1, False)])
        elif k is Kind.STRING:
            self.ccall(pos, "printstring", [m, at(m, 8)])
        elif k in (Kind.FLOAT32, Kind.FLOAT64):
            self.ccall(pos, "printfloat", [self.as_f64(pos, m, size_of(t))])
        elif k in (Kind.COMPLEX64, Kind.COMPLEX128):
            h = size_of(t) // 2
            self.ccall(pos, "printcomplex", [self.as_f64(pos, m, h),
                                             self.as_f64(pos, at(m, h), h)])
        elif k is Kind.UNSAFE_POINTER or isinstance(u, Pointer | Map | Chan | Signature):
            self.ccall(pos, "printpointer", [m])
        elif k is not None:
            sg = is_signed(t)
            self.ccall(pos, "printint" if sg else "printuint",
                       [self.ext8(pos, m, size_of(t), sg)])
        elif isinstance(u, Slice):
            self.ccall(pos, "printslice", [m, at(m, 8), at(m, 16)])
        elif isinstance(u, Interface):
            self.ccall(pos, "printeface", [m, at(m, 8)])
        else:
            raise Unsupported(pos, f"print of {type_string(t)}")

    def builtin_len_cap(self, e: T.BuiltinCall) -> ir.Mem:
        """len or cap: an array's is a constant (x is evaluated only if it may call), a
        nil map's 0, else the header word."""
        pos = e.pos
        x = e.args[0]
        u = under(x.type)
        if isinstance(u, Pointer):
            u = under(u.elem)
        if isinstance(u, Array):
            if has_call(x):
                self.expr(x)
            return self.const_int(pos, u.length)
        m = self.expr(x)
        if isinstance(u, Chan):
            return self.chan_len_cap(pos, e.name, m)
        if isinstance(u, Map):
            tmp = self.temp(8)
            self.emit(ir.Mov(pos, tmp, ir.Imm(0), 8))
            nz = self.temp(1)
            self.emit(ir.BinOp(pos, ir.Op.NE, nz, m, ir.Imm(0), 8, False))
            yes, end = self.new_block(), self.new_block()
            self.branch(pos, nz, yes, end)
            self.start(yes)
            p = self.copy_temp(pos, m, x.type)
            self.emit(ir.Load(pos, tmp, p, 0, 8))
            self.jump(pos, end)
            self.start(end)
            return tmp
        return at(m, 16 if e.name == "cap" else 8)


    def builtin_make(self, e: T.BuiltinCall) -> ir.Mem:
        """make(T, args...) by T's kind."""
        u = under(e.type)
        match u:
            case Map():
                if e.args:
                    self.int_word(e.pos, e.args[0])
                return self.make_map(e.pos, u, e)
            case Chan():
                return self.make_chan(e, u)
            case Slice():
                return self.make_slice(e, u)
        raise Unsupported(e.pos, f"make of {type_string(e.type)}")

    def make_map(self, pos: Pos, u: Map, e: T.BuiltinCall | None = None) -> ir.Mem:
        """make(map[K]V): runtime.makemap(&type.K, sizeof V, nil). The caller evaluates
        any size hint for its effects; the map grows on demand, so do NOT pass the hint
        on (gc's makemap ignores a negative or oversized one too). As gc does, the
        header of a make e that does not escape is a zeroed stack temporary
        (`map.hdr[K]V`): makemap initializes it, or for no hint or a constant one of at
        most 8 (gc's BUCKETSIZE) walk does, its seed from runtime.fastrand."""
        key, es = self.type_addr(u.key), ir.Imm(size_of(u.elem))
        hdr = map_header(pos, u)
        h = self.stack_object(pos, e, hdr) if e is not None else None
        if h is None or e is None:
            (m,) = self.ccall(pos, "makemap", [key, es, ir.Imm(0)], 1)
            return m
        hint = e.args[0] if e.args else None
        if hint is not None and not (isinstance(hint, T.ConstExpr)
                                     and int(hint.value) <= 8):  # type: ignore[arg-type]
            (m,) = self.ccall(pos, "makemap", [key, es, h], 1)
            return m
        (seed,) = self.ccall(pos, "fastrand", [], 1)
        kt, et = self.temp(8), self.temp(8)
        self.emit(ir.Mov(pos, kt, key, 8))
        self.emit(ir.Mov(pos, et, es, 8))
        self.emit(ir.Store(pos, h, 8, kt, 8))
        self.emit(ir.Store(pos, h, 16, et, 8))
        self.emit(ir.Store(pos, h, 56, seed, 4))
        return h

    def make_slice(self, e: T.BuiltinCall, u: Slice) -> ir.Mem:
        """make([]T, n[, c]): runtime.makeslice checks n and c and allocates c elements;
        with constant n and c a non-escaping one is a zeroed stack [c]T instead (gc's
        rule; the checker has rejected constant n > c)."""
        pos = e.pos
        n, _ = self.int_word(pos, e.args[0])
        c = self.int_word(pos, e.args[1])[0] if len(e.args) > 1 else n
        sp = None
        if all(isinstance(a, T.ConstExpr) for a in e.args):
            cv = e.args[-1]
            assert isinstance(cv, T.ConstExpr)
            sp = self.stack_object(pos, e, Array(int(cv.value), u.elem))  # type: ignore[arg-type]
        if sp is not None:
            p = sp
        else:
            (p,) = self.ccall(pos, "makeslice", [self.type_addr(u.elem), n, c], 1)
        tmp = self.temp(e.type)
        self.emit(ir.Mov(pos, tmp, p, 8))
        self.emit(ir.Mov(pos, at(tmp, 8), n, 8))
        self.emit(ir.Mov(pos, at(tmp, 16), c, 8))
        return tmp

    def builtin_append(self, e: T.BuiltinCall) -> ir.Mem:
        """append(s, xs...) or append(s, t...): grow through runtime.growslice when the
        new length passes cap, then store the values (memmove for t...) after len."""
        pos = e.pos
        u = under(e.type)
        assert isinstance(u, Slice)
        es = size_of(u.elem)
        s = self.copy_temp(pos, self.expr(e.args[0]), e.type)
        if e.spread:
            src = self.copy_temp(pos, self.expr(e.args[1]), e.args[1].type)
            n: ir.Operand = at(src, 8)
            vals: list[ir.Mem] = []
        else:
            vals = [self.copy_temp(a.pos, self.expr(a), a.type) for a in e.args[1:]]
            n = ir.Imm(len(vals))
            if not vals:
                return s
        newlen = self.temp(8)
        self.emit(ir.BinOp(pos, ir.Op.ADD, newlen, at(s, 8), n, 8, False))
        grow = self.temp(1)
        self.emit(ir.BinOp(pos, ir.Op.GT, grow, newlen, at(s, 16), 8, False))
        yes, end = self.new_block(), self.new_block()
        self.branch(pos, grow, yes, end)
        self.start(yes)
        et = self.type_addr(u.elem)
        r = self.ccall(pos, "growslice", [et, s, at(s, 8), at(s, 16), newlen], 2)
        self.emit(ir.Mov(pos, s, r[0], 8))
        self.emit(ir.Mov(pos, at(s, 16), r[1], 8))
        self.jump(pos, end)
        self.start(end)
        dst = self.temp(8)
        off = self.temp(8)
        self.emit(ir.BinOp(pos, ir.Op.MUL, off, at(s, 8), ir.Imm(es), 8, False))
        self.emit(ir.BinOp(pos, ir.Op.ADD, dst, s, off, 8, False))
        if e.spread:
            nb = self.temp(8)
            self.emit(ir.BinOp(pos, ir.Op.MUL, nb, at(src, 8), ir.Imm(es), 8, False))
            self.ccall(pos, "memmove", [dst, src, nb])
        else:
            for i, v in enumerate(vals):
                if es:
                    self.emit(ir.Store(pos, dst, i * es, v, es))
        self.emit(ir.Mov(pos, at(s, 8), newlen, 8))
        return s

    def builtin_copy(self, e: T.BuiltinCall) -> ir.Mem:
        """copy(dst, src): memmove of min(len(dst), len(src)) elements; that count."""
        pos = e.pos
        d = self.copy_temp(pos, self.expr(e.args[0]), e.args[0].type)
        s = self.copy_temp(pos, self.expr(e.args[1]), e.args[1].type)
        u = under(e.args[0].type)
        assert isinstance(u, Slice)
        n = self.temp(8)
        self.emit(ir.Mov(pos, n, at(d, 8), 8))
        less = self.temp(1)
        self.emit(ir.BinOp(pos, ir.Op.LT, less, at(s, 8), n, 8, True))
        yes, end = self.new_block(), self.new_block()
        self.branch(pos, less, yes, end)
        self.start(yes)
        self.emit(ir.Mov(pos, n, at(s, 8), 8))
        self.jump(pos, end)
        self.start(end)
        nb = self.temp(8)
        self.emit(ir.BinOp(pos, ir.Op.MUL, nb, n, ir.Imm(size_of(u.elem)), 8, False))
        self.ccall(pos, "memmove", [d, s, nb])
        return n

    def builtin_delete(self, e: T.BuiltinCall) -> ir.Mem:
        """delete(m, k): runtime.mapdelete(m, &k), or mapdelete_faststr(m, k)."""
        pos = e.pos
        m = self.expr(e.args[0])
        if fast_str(e.args[0].type):
            k = self.expr(e.args[1])
            self.ccall(pos, "mapdelete_faststr", [m, k, at(k, 8)])
            return self.temp(0)
        k = self.map_key(pos, e.args[1], e.args[1].type)
        pk = self.temp(8)
        self.emit(ir.LoadAddr(pos, pk, k))
        self.ccall(pos, "mapdelete", [m, pk])
        return self.temp(0)

    def builtin_panic(self, e: T.BuiltinCall) -> ir.Mem:
        """panic(v): runtime.gopanic with v's two words; it does not return."""
        v = self.expr(e.args[0])
        self.ccall(e.pos, "gopanic", [v, at(v, 8)], noreturn=True)
        return self.temp(0)

    def builtin_recover(self, e: T.BuiltinCall) -> ir.Mem:
        """recover(): the interface runtime.gorecover returns in two words; with an
        argument (the argument pointer a `defer recover()` took), gorecoverfp's."""
        pos = e.pos
        if e.args:
            r = self.ccall(pos, "gorecoverfp", [self.expr(e.args[0])], 2)
        else:
            r = self.ccall(pos, "gorecover", [], 2)
        tmp = self.temp(e.type)
        self.emit(ir.Mov(pos, tmp, r[0], 8))
        self.emit(ir.Mov(pos, at(tmp, 8), r[1], 8))
        return tmp

    def builtin_complex(self, e: T.BuiltinCall) -> ir.Mem:
        """complex(re, im): the two halves side by side."""
        pos = e.pos
        tmp = self.temp(e.type)
        h = size_of(e.type) // 2
        self.move(pos, tmp, self.expr(e.args[0]), h)
        self.move(pos, at(tmp, h), self.expr(e.args[1]), h)
        return tmp


def map_header(pos: Pos, u: Map) -> Named:
    """runtime.c's hmap as a type walk can lay out on the stack, named as gc names its
    map header type (`map.hdr[int]int`): count, key type, element size, bucket count,
    buckets, first and last cells in insertion order, hash seed."""
    ptr = UNSAFE_POINTER
    return Named(f"hdr[{type_string(u.key)}]{type_string(u.elem)}", "map", pos, Struct((
        Field("count", INT64), Field("key", Pointer(UINTPTR)), Field("elemsize", UINTPTR),
        Field("nbuckets", UINTPTR), Field("buckets", ptr), Field("first", ptr),
        Field("last", ptr), Field("hash0", UINT64))))
