"""walk: lower the typed tree to the IR of compiler/ir.py.

Every Go value lives in a stack slot (a named variable, or a `.autotmp_N` temporary);
expressions lower to the memory location holding their value, statements to blocks.
For

    func f(x int) int { return x * 8 }

walk emits `binop mul w8 s .autotmp_0 <- x+0, $8` then copies the temp into the result
slot `~r0` and jumps to the exit block (amd64 turns the multiply into `shlq $3`).

Decisions made here:
- Variables whose address is taken or that a closure captures are moved to the heap
  (slot `&x` holds the pointer; gc's name). A later escape pass will narrow this through
  `Options.escapes`, a side table keyed by the `Var` (absent = heap, as now).
- Value-to-interface conversions (Convert T2E/T2I): a pointer-shaped value is the data
  word; otherwise `runtime.convT2E(typ, &v)` / `runtime.convT2I(tab, &v)` allocate a copy.
  `Options.stackconv` (keyed by the Convert node, filled by the escape pass) marks
  conversions whose result does not escape; with `convinline` those are built from a
  fresh stack temporary instead, with no call (the seed commit).
- Type descriptors (`type.T`), static itabs (`go.itab.T,I`) and method wrappers
  (`main.(*T).M` for value methods called through an interface) come from
  compiler/reflectdata.py, string data and other symbols from compiler/staticdata.py;
  walk lowers the wrappers reflectdata queues.
- Anything the back end cannot lower yet raises `Unsupported`; the driver reports it as
  `file:line:col: refgo does not support X yet`.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from compiler import ir
from compiler.diag import InternalError, Pos
from compiler.reflectdata import ITAB_FUN, ITAB_TYP, ReflectData
from compiler.staticdata import StaticData, global_sym
from compiler.types import tree as T
from compiler.types.typ import (
    PTRSIZE,
    Array,
    Basic,
    Func,
    Interface,
    Kind,
    Map,
    Named,
    Pointer,
    Signature,
    Slice,
    Struct,
    Tuple,
    Type,
    Var,
    VarKind,
    align_of,
    basic_kind,
    is_complex,
    is_direct_iface,
    is_empty_interface,
    is_float,
    is_signed,
    is_string,
    pointer_words,
    size_of,
    struct_layout,
    type_string,
    under,
)


class Unsupported(Exception):
    """A construct the back end cannot lower yet; reported as a compile error."""

    def __init__(self, pos: Pos, what: str) -> None:
        super().__init__(what)
        self.pos = pos
        self.what = what


@dataclass(frozen=True, slots=True)
class Options:
    """Lowering switches. `convinline` is gc's -d=convinline (stack-built interface values
    for non-escaping conversions); `stackconv` holds the ids (`id(node)`) of Convert nodes
    the escape pass proved non-escaping; `escapes` maps Var uids to whether the variable
    must live on the heap (absent: heap if address-taken or captured)."""

    convinline: bool = True
    stackconv: frozenset[int] = frozenset()
    escapes: dict[int, bool] = field(default_factory=dict)


def align8(n: int) -> int:
    return (n + 7) // 8 * 8


# ---------------------------------------------------------------------------------------
# Type classification


def is_scalar(t: Type) -> bool:
    """Whether t is one machine word or less handled by integer instructions."""
    u = under(t)
    if isinstance(u, Basic):
        return u.kind not in (Kind.STRING, Kind.FLOAT32, Kind.FLOAT64, Kind.COMPLEX64,
                              Kind.COMPLEX128)
    return isinstance(u, Pointer | Map | Signature)


class ProgBuilder:
    """Collects the functions and data of one program; type descriptors, itabs and method
    wrappers come from `reflect` (compiler/reflectdata.py)."""

    def __init__(self, opts: Options, pkgs: Sequence[T.Package]) -> None:
        self.opts = opts
        self.funcs: list[ir.Func] = []
        self.static = StaticData()
        self.uid = -1
        declared = {d.func.symbol for p in pkgs for d in p.funcs if d.func is not None}
        self.reflect = ReflectData(self.static, declared, self.new_uid)
        self.fm_wrappers: set[str] = set()
        self.closures: list[tuple[T.FuncDecl, str, set[int]]] = []
        self.externs: set[str] = set()

    def new_uid(self) -> int:
        self.uid -= 1
        return self.uid

    def fm_wrapper(self, sym: str, e: T.MethodValue | T.IfaceMethodValue,
                   sig: Signature) -> Var:
        """Queue the `-fm` closure body for bound method value e (once per symbol); it
        captures one variable, the receiver copy."""
        pos = e.pos
        pkg = sym.split(".", 1)[0]
        rv = Var("recv", e.recv.type, pos, VarKind.LOCAL, pkg, self.new_uid())
        if sym in self.fm_wrappers:
            return rv
        self.fm_wrappers.add(sym)
        params = tuple(Var(f"a{i}", pt, pos, VarKind.PARAM, pkg, self.new_uid())
                       for i, pt in enumerate(sig.params))
        results = tuple(Var("", t, pos, VarKind.RESULT, pkg, self.new_uid())
                        for t in sig.results)
        args = tuple(T.VarRef(pos, v.type, v) for v in params)
        rtype: Type = sig.results[0] if len(sig.results) == 1 else Tuple(sig.results)
        recv = T.VarRef(pos, rv.type, rv)
        call: T.Expr
        if isinstance(e, T.MethodValue):
            call = T.MethodCall(pos, rtype, recv, e.method, args)
        else:
            call = T.IfaceCall(pos, rtype, recv, e.method, e.index, sig, args)
        body: T.Stmt = T.Return(pos, (call,)) if sig.results else T.ExprStmt(pos, call)
        decl = T.FuncDecl(pos, sym.split(".", 1)[1], None, sig, None, params, results,
                          T.Block(pos, (body,)), captures=(rv,))
        self.closures.append((decl, sym, {rv.uid}))
        return rv


# ---------------------------------------------------------------------------------------
# Locations


@dataclass(frozen=True, slots=True)
class Direct:
    """A value stored at a known memory location."""

    mem: ir.Mem


@dataclass(frozen=True, slots=True)
class Indirect:
    """A value stored at *(ptr) + off, ptr being a pointer held in a stack slot."""

    ptr: ir.Local
    off: int


LVal = Direct | Indirect


def at(m: ir.Mem, off: int) -> ir.Mem:
    """The location `off` bytes into m."""
    if isinstance(m, ir.Local):
        return ir.Local(m.slot, m.off + off)
    return ir.Global(m.sym, m.off + off)


def sub(lv: LVal, off: int) -> LVal:
    if isinstance(lv, Direct):
        return Direct(at(lv.mem, off))
    return Indirect(lv.ptr, lv.off + off)


@dataclass(slots=True)
class Loop:
    """A break/continue target; `cont` is -1 for switch statements."""

    label: str | None
    brk: int
    cont: int



def _heap_vars(body: T.Block | None, params: Sequence[Var]) -> set[int]:
    """Uids of variables whose address is taken or that a closure captures."""
    out: set[int] = set()
    bodies: list[object] = [body]
    while bodies:
        for x in T.walk_nodes(bodies.pop()):
            if isinstance(x, T.AddrOf):
                if isinstance(x.x, T.VarRef) and x.x.var.kind is not VarKind.GLOBAL:
                    out.add(x.x.var.uid)
            elif isinstance(x, T.FuncLit):
                out.update(v.uid for v in x.decl.captures)
                bodies.append(x.decl.body)
    return out


class FuncBuilder:
    """Lowers one function body (or closure) to an ir.Func."""

    def __init__(self, pb: ProgBuilder, decl: T.FuncDecl, sym: str,
                 heapvars: set[int]) -> None:
        self.pb = pb
        self.decl = decl
        self.sym = sym
        self.slots: list[ir.Slot] = []
        self.slotnames: set[str] = set()
        self.blocks: list[list[ir.Instr]] = [[]]
        self.terms: list[ir.Term | None] = [None]
        self.cur = 0
        self.ntemp = 0
        self.locs: dict[int, LVal] = {}
        self.heapvars = heapvars
        self.loops: list[Loop] = []
        self.labels: dict[str, int] = {}
        self.results: list[tuple[Var, ir.Local]] = []
        self.exit = -1
        self.fallthrough_target = -1
        self.pkg = sym.split(".", 1)[0]
        self.ndefer = 0
        self.tuples: dict[int, list[ir.Mem]] = {}  # TupleElem calls, by id of the call
        # set while lowering the operand of &x: `&p.f` and `&*p` nil-check p (gc does),
        # since computing an address does not touch memory.
        self.nilcheck_derefs = False

    # -- slots and blocks ------------------------------------------------------------

    def slot(self, name: str, t: Type | int, kind: ir.SlotKind = ir.SlotKind.AUTO,
             off: int = 0) -> ir.Local:
        """A fresh slot named `name` (made unique) holding a value of type (or size) t."""
        base = name or "~p"
        n = base
        i = 0
        while n in self.slotnames:
            i += 1
            n = f"{base}#{i}"
        self.slotnames.add(n)
        size = t if isinstance(t, int) else size_of(t)
        ptrs = () if isinstance(t, int) else pointer_words(t)
        self.slots.append(ir.Slot(n, kind, size, ptrs, off,
                                  type=None if isinstance(t, int) else t))
        return ir.Local(n)

    def temp(self, t: Type | int) -> ir.Local:
        name = f".autotmp_{self.ntemp}"
        self.ntemp += 1
        return self.slot(name, t)

    def emit(self, i: ir.Instr) -> None:
        if self.terms[self.cur] is not None:
            self.cur = self.new_block()
        self.blocks[self.cur].append(i)

    def new_block(self) -> int:
        self.blocks.append([])
        self.terms.append(None)
        return len(self.blocks) - 1

    def term(self, t: ir.Term) -> None:
        if self.terms[self.cur] is None:
            self.terms[self.cur] = t

    def jump(self, pos: Pos, target: int) -> None:
        self.term(ir.Jump(pos, target))

    def start(self, b: int) -> None:
        self.cur = b

    def branch(self, pos: Pos, cond: ir.Operand, then: int, els: int) -> None:
        self.term(ir.If(pos, cond, then, els))

    # -- moves -----------------------------------------------------------------------

    def move(self, pos: Pos, dst: ir.Mem, src: ir.Mem, size: int) -> None:
        if size in (1, 2, 4, 8):
            self.emit(ir.Mov(pos, dst, src, size))
        elif size:
            self.emit(ir.Copy(pos, dst, src, size))

    def read(self, pos: Pos, lv: LVal, t: Type) -> ir.Mem:
        """The value at lv (a load into a temp when indirect)."""
        if isinstance(lv, Direct):
            return lv.mem
        tmp = self.temp(t)
        self.emit(ir.Load(pos, tmp, lv.ptr, lv.off, size_of(t)))
        return tmp

    def write(self, pos: Pos, lv: LVal, src: ir.Mem, t: Type) -> None:
        size = size_of(t)
        if size == 0:
            return
        if isinstance(lv, Direct):
            self.move(pos, lv.mem, src, size)
        else:
            self.emit(ir.Store(pos, lv.ptr, lv.off, src, size))

    def write_zero(self, pos: Pos, lv: LVal, t: Type) -> None:
        size = size_of(t)
        if size == 0:
            return
        if isinstance(lv, Direct):
            if size in (1, 2, 4, 8):
                self.emit(ir.Mov(pos, lv.mem, ir.Imm(0), size))
            else:
                self.emit(ir.Zero(pos, lv.mem, size))
        else:
            self.emit(ir.StoreZero(pos, lv.ptr, lv.off, size))

    def addr(self, pos: Pos, lv: LVal) -> ir.Local:
        """A temp holding the address of lv."""
        if isinstance(lv, Direct):
            tmp = self.temp(Pointer(Basic(Kind.UINT8, "uint8")))
            self.emit(ir.LoadAddr(pos, tmp, lv.mem))
            return tmp
        if lv.off == 0:
            return lv.ptr
        tmp = self.temp(Pointer(Basic(Kind.UINT8, "uint8")))
        self.emit(ir.BinOp(pos, ir.Op.ADD, tmp, lv.ptr, ir.Imm(lv.off), 8, False))
        return tmp

    def const_int(self, pos: Pos, v: int, width: int = 8) -> ir.Local:
        tmp = self.temp(width)
        self.emit(ir.Mov(pos, tmp, ir.Imm(v), width))
        return tmp

    def ccall(self, pos: Pos, sym: str, args: Sequence[ir.Operand],
              nres: int = 0, noreturn: bool = False) -> list[ir.Local]:
        res = [self.temp(8) for _ in range(nres)]
        self.emit(ir.CCall(pos, f"runtime.{sym}", tuple(args), tuple(res), noreturn))
        if noreturn:
            self.term(ir.Unreachable(pos))
        return res

    def assert_call(self, pos: Pos, isym: ir.SymAddr,
                    tw: ir.Operand) -> Callable[[], ir.Operand]:
        """A cached_itab miss thunk calling runtime.assertE2I2(isym, tw)."""
        return lambda: self.ccall(pos, "assertE2I2", [isym, tw], 1)[0]

    def cached_itab(self, pos: Pos, key: ir.Operand,
                    miss: Callable[[], ir.Operand]) -> ir.Local:
        """The itab for a conversion site through its own one-entry cache: if key (the
        source's first word) equals the cached key and the cached itab is non-nil, that
        itab; else miss() (which emits the runtime call) and refill the cache. key must
        determine the dynamic type (a type word or an itab word); do NOT key on anything
        else. A nil result is never served from the cache, so failures always reach the
        runtime (and its panic)."""
        sym = self.pb.static.itab_cache()
        tab = self.temp(8)
        hit = self.temp(1)
        self.emit(ir.Mov(pos, tab, ir.Imm(0), 8))
        self.emit(ir.BinOp(pos, ir.Op.EQ, hit, key, ir.Global(sym, 0), 8, False))
        probe, call, end = self.new_block(), self.new_block(), self.new_block()
        self.branch(pos, hit, probe, call)
        self.start(probe)
        self.emit(ir.Mov(pos, tab, ir.Global(sym, 8), 8))
        self.emit(ir.BinOp(pos, ir.Op.NE, hit, tab, ir.Imm(0), 8, False))
        self.branch(pos, hit, end, call)
        self.start(call)
        r = miss()
        self.emit(ir.Mov(pos, tab, r, 8))
        self.emit(ir.Mov(pos, ir.Global(sym, 0), key, 8))
        self.emit(ir.Mov(pos, ir.Global(sym, 8), r, 8))
        self.jump(pos, end)
        self.start(end)
        return tab

    def panic_if(self, pos: Pos, cond: ir.Operand, sym: str,
                 args: Sequence[ir.Operand]) -> None:
        """if cond { runtime.sym(args...) } (a no-return runtime error)."""
        bad = self.new_block()
        ok = self.new_block()
        self.branch(pos, cond, bad, ok)
        self.start(bad)
        self.ccall(pos, sym, args, noreturn=True)
        self.start(ok)

    def type_addr(self, t: Type) -> ir.SymAddr:
        """The address of t's type descriptor."""
        return ir.SymAddr(self.pb.reflect.type_sym(t))

    def alloc(self, pos: Pos, t: Type) -> ir.Local:
        """A pointer to a fresh zeroed heap object of type t."""
        (p,) = self.ccall(pos, "newobject", [self.type_addr(t)], 1)
        return p

    # -- variables ---------------------------------------------------------------------

    def is_heap(self, v: Var) -> bool:
        if v.uid in self.pb.opts.escapes:
            return self.pb.opts.escapes[v.uid]
        return v.uid in self.heapvars

    def declare(self, pos: Pos, v: Var) -> LVal:
        """Create storage for local v (a fresh heap object each time for heap vars)."""
        if v.name == "_":
            lv: LVal = Direct(self.temp(v.type))
        elif self.is_heap(v):
            pslot = self.locs.get(v.uid)
            if isinstance(pslot, Indirect):
                ptr = pslot.ptr
            else:
                ptr = self.slot("&" + v.name, Pointer(v.type))
            p = self.alloc(pos, v.type)
            self.emit(ir.Mov(pos, ptr, p, 8))
            lv = Indirect(ptr, 0)
        else:
            old = self.locs.get(v.uid)
            lv = old if old is not None else Direct(self.slot(v.name, v.type))
        self.locs[v.uid] = lv
        return lv

    def var(self, pos: Pos, v: Var) -> LVal:
        lv = self.locs.get(v.uid)
        if lv is not None:
            return lv
        if v.kind is VarKind.GLOBAL:
            lv = Direct(ir.Global(global_sym(v)))
            self.locs[v.uid] = lv
            return lv
        return self.declare(pos, v)

    # -- function frame --------------------------------------------------------------

    def build(self, captures: Sequence[Var] = ()) -> ir.Func:
        """Lower the declaration's body; captures are a closure's context words."""
        d = self.decl
        pos = d.pos
        off = 0
        params = ([d.recv] if d.recv is not None else []) + list(d.params)
        pslots: list[tuple[Var, ir.Local]] = []
        for v in params:
            off = align8(off)
            pslots.append((v, self.slot(v.name if v.name != "_" else "~p", v.type,
                                        ir.SlotKind.PARAM, off)))
            off += size_of(v.type)
        off = align8(off)
        rslots: list[tuple[Var, ir.Local]] = []
        for i, v in enumerate(d.results):
            name = v.name if v.name not in ("", "_") else f"~r{i}"
            rslots.append((v, self.slot(name, v.type, ir.SlotKind.RESULT, off)))
            off = align8(off + size_of(v.type))
        argsize = align8(off)
        if captures:
            ctx = self.slot(".closureptr", Pointer(Basic(Kind.UINT8, "uint8")))
            self.emit(ir.ClosurePtr(pos, ctx))
            for i, v in enumerate(captures):
                ptr = self.slot("&" + v.name, Pointer(v.type))
                self.emit(ir.Load(pos, ptr, ctx, 8 * (i + 1), 8))
                self.locs[v.uid] = Indirect(ptr, 0)
        for v, s in pslots:
            if self.is_heap(v):
                lv = self.declare(pos, v)
                self.write(pos, lv, s, v.type)
            else:
                self.locs[v.uid] = Direct(s)
        zeroes: list[ir.Instr] = []
        for v, s in rslots:
            before = len(self.blocks[self.cur])
            self.write_zero(pos, Direct(s), v.type)
            if v.name == "":
                zeroes.extend(self.blocks[self.cur][before:])
            if v.name not in ("", "_") and self.is_heap(v):
                self.declare(pos, v)
            else:
                self.locs[v.uid] = Direct(s)
            self.results.append((v, s))
        entry = self.cur
        self.exit = self.new_block()
        assert d.body is not None
        self.block(d.body)
        if not self.ndefer and zeroes:
            # Every return writes unnamed results and nothing reads them first; only a
            # frame that defers (recover may return them as they are) needs them zero.
            dead = {id(i) for i in zeroes}
            self.blocks[entry] = [i for i in self.blocks[entry] if id(i) not in dead]
        end = d.body.pos
        self.jump(end, self.exit)
        self.start(self.exit)
        if self.ndefer:
            self.emit(ir.DeferReturn(end))
        for v, s in self.results:
            lv = self.locs[v.uid]
            if isinstance(lv, Indirect):
                self.emit(ir.Load(end, s, lv.ptr, lv.off, size_of(v.type)))
        self.term(ir.Ret(end))
        return self.finish(pos, argsize)

    def finish(self, pos: Pos, argsize: int) -> ir.Func:
        """The ir.Func from the blocks built so far (unterminated blocks fall off: ret)."""
        blocks = []
        for i, (instrs, t) in enumerate(zip(self.blocks, self.terms, strict=True)):
            blocks.append(ir.Block(i, tuple(instrs), t if t is not None else ir.Ret(pos)))
        gen = (self.sym in self.pb.reflect.wrappers or ".deferwrap" in self.sym
               or self.sym.endswith(("..init", "-fm")))
        return ir.Func(self.sym, pos, tuple(self.slots), tuple(blocks), argsize, gen,
                       self.decl.noinline)

    # -- statements ------------------------------------------------------------------

    def block(self, b: T.Block) -> None:
        for s in b.stmts:
            self.stmt(s)

    def stmts(self, ss: Sequence[T.Stmt]) -> None:
        for s in ss:
            self.stmt(s)

    def stmt(self, s: T.Stmt) -> None:
        match s:
            case T.ExprStmt(x=x):
                self.expr_stmt(x)
            case T.VarDecl():
                self.var_decl(s)
            case T.Assign():
                self.assign(s)
            case T.OpAssign():
                self.op_assign(s)
            case T.Block():
                self.block(s)
            case T.If():
                self.if_stmt(s)
            case T.For():
                self.for_stmt(s)
            case T.Range():
                self.range_stmt(s)
            case T.Switch():
                self.switch_stmt(s)
            case T.TypeSwitch():
                self.type_switch(s)
            case T.Return():
                self.return_stmt(s)
            case T.Branch():
                self.branch_stmt(s)
            case T.Labeled():
                self.labeled(s)
            case T.Defer():
                self.defer_stmt(s)
            case _:
                raise Unsupported(s.pos, type(s).__name__)

    def defer_stmt(self, s: T.Defer) -> None:
        """defer f(args): evaluate f and args now into fresh variables, and defer a
        func() closure over them that makes the call (gc's wrapping of go/defer)."""
        pos = s.pos
        self.ndefer += 1
        bound: list[Var] = []

        def bind(e: T.Expr) -> T.Expr:
            if isinstance(e, T.ConstExpr | T.FuncRef | T.NilExpr):
                return e
            v = Var(f"~d{len(bound)}", e.type, pos, VarKind.LOCAL, self.pkg,
                    self.pb.new_uid())
            self.heapvars.add(v.uid)
            self.var_decl(T.VarDecl(pos, (v,), (e,)))
            bound.append(v)
            return T.VarRef(pos, v.type, v)

        call = s.call
        wrapped: T.Expr
        match call:
            case T.Call(fn=fn, args=args):
                wrapped = T.Call(call.pos, call.type, bind(fn), tuple(bind(a) for a in args))
            case T.MethodCall(recv=recv, method=m, args=args):
                wrapped = T.MethodCall(call.pos, call.type, bind(recv), m,
                                       tuple(bind(a) for a in args))
            case T.IfaceCall(recv=recv, args=args):
                wrapped = T.IfaceCall(call.pos, call.type, bind(recv), call.method,
                                      call.index, call.sig, tuple(bind(a) for a in args))
            case T.BuiltinCall(args=args):
                wrapped = T.BuiltinCall(call.pos, call.type, call.name,
                                        tuple(bind(a) for a in args), call.spread)
            case _:
                raise Unsupported(pos, f"defer of {type(call).__name__}")
        local = self.sym.split(".", 1)[1]
        sig = Signature((), ())
        decl = T.FuncDecl(pos, f"{local}.deferwrap{self.ndefer}", None, sig, None, (), (),
                          T.Block(pos, (T.ExprStmt(pos, wrapped),)), captures=tuple(bound))
        clo = self.func_lit(T.FuncLit(pos, sig, decl))
        self.emit(ir.DeferProc(pos, clo, self.exit))

    def expr_stmt(self, x: T.Expr) -> None:
        if isinstance(x, T.Call | T.MethodCall | T.IfaceCall):
            self.call(x)
        else:
            self.expr(x)

    def var_decl(self, s: T.VarDecl) -> None:
        if not s.values:
            for v in s.vars:
                lv = self.declare(s.pos, v)
                self.write_zero(s.pos, lv, v.type)
            return
        vals = self.values(s.values, len(s.vars))
        for v, m in zip(s.vars, vals, strict=True):
            lv = self.declare(s.pos, v)
            self.write(s.pos, lv, m, v.type)

    def values(self, exprs: Sequence[T.Expr], n: int) -> list[ir.Mem]:
        """The n values of exprs (one Tuple-typed call, or n expressions), each in a
        location no later assignment of this statement can change."""
        if len(exprs) == 1 and n > 1:
            return self.multi(exprs[0])
        out = []
        for e in exprs:
            m = self.expr(e)
            if n > 1 and isinstance(e, T.VarRef | T.FieldSel | T.Index | T.Deref):
                tmp = self.temp(e.type)
                self.move(e.pos, tmp, m, size_of(e.type))
                m = tmp
            out.append(m)
        return out

    def multi(self, e: T.Expr) -> list[ir.Mem]:
        """The values of a Tuple-typed expression (call, comma-ok form)."""
        match e:
            case T.Call() | T.MethodCall() | T.IfaceCall():
                return list(self.call(e))
            case T.MapIndex():
                return self.map_index(e, commaok=True)
            case T.TypeAssert():
                return self.type_assert(e, commaok=True)
        raise Unsupported(e.pos, f"multi-value {type(e).__name__}")

    def assign(self, s: T.Assign) -> None:
        if len(s.lhs) == 1 and len(s.rhs) == 1 and not isinstance(s.lhs[0], T.MapIndex):
            lhs = s.lhs[0]
            if isinstance(lhs, T.Blank):
                self.expr_stmt(s.rhs[0])
                return
            lv = self.lvalue(lhs)
            m = self.expr(s.rhs[0])
            self.write(s.pos, lv, m, lhs.type)
            return
        pres = [None if isinstance(x, T.Blank) else self.lhs_pre(x) for x in s.lhs]
        vals = self.values(s.rhs, len(s.lhs))
        if len(vals) == 1 and len(s.lhs) == 1:
            vals = [self.copy_temp(s.pos, vals[0], s.lhs[0].type)]
        for x, pre, m in zip(s.lhs, pres, vals, strict=True):
            if isinstance(pre, tuple):
                pe = self.map_assign(s.pos, pre[0], pre[1])
                self.write(s.pos, Indirect(pe, 0), m, x.type)
            elif pre is not None:
                self.write(s.pos, pre, m, x.type)

    def lhs_pre(self, x: T.Expr) -> LVal | tuple[ir.Mem, ir.Mem]:
        """Phase one of an assignment to x: its location, or for m[k] the map and key."""
        if isinstance(x, T.MapIndex):
            m = self.copy_temp(x.pos, self.expr(x.x), x.x.type)
            k = self.copy_temp(x.pos, self.expr(x.key), x.key.type)
            return (m, k)
        return self.lvalue(x)

    def map_assign(self, pos: Pos, m: ir.Mem, k: ir.Mem) -> ir.Local:
        """A pointer to m[k]'s element, inserting k if absent."""
        pk = self.temp(8)
        self.emit(ir.LoadAddr(pos, pk, k))
        (pe,) = self.ccall(pos, "mapassign", [m, pk], 1)
        return pe

    def op_assign(self, s: T.OpAssign) -> None:
        lv = self.lvalue(s.lhs)
        if isinstance(lv, Indirect) or isinstance(lv.mem, ir.Global):
            cur = self.read(s.pos, lv, s.lhs.type)
        else:
            cur = lv.mem
        y = self.expr(s.rhs)
        res = self.binary_values(s.pos, s.op, s.lhs.type, s.lhs.type, cur, y, s.rhs.type)
        self.write(s.pos, lv, res, s.lhs.type)

    def cond(self, e: T.Expr, then: int, els: int) -> None:
        """Branch to then/els on boolean e (short-circuiting && and ||)."""
        if isinstance(e, T.Binary) and e.op in ("&&", "||"):
            mid = self.new_block()
            if e.op == "&&":
                self.cond(e.x, mid, els)
            else:
                self.cond(e.x, then, mid)
            self.start(mid)
            self.cond(e.y, then, els)
            return
        if isinstance(e, T.Unary) and e.op == "!":
            self.cond(e.x, els, then)
            return
        m = self.expr(e)
        self.branch(e.pos, m, then, els)

    def if_stmt(self, s: T.If) -> None:
        if s.init is not None:
            self.stmt(s.init)
        then, els, end = self.new_block(), self.new_block(), self.new_block()
        self.cond(s.cond, then, els)
        self.start(then)
        self.block(s.then)
        self.jump(s.pos, end)
        self.start(els)
        if s.els is not None:
            self.stmt(s.els)
        self.jump(s.pos, end)
        self.start(end)

    def for_stmt(self, s: T.For) -> None:
        if s.init is not None:
            self.stmt(s.init)
        head, body, post, end = (self.new_block(), self.new_block(), self.new_block(),
                                 self.new_block())
        self.jump(s.pos, head)
        self.start(head)
        if s.cond is not None:
            self.cond(s.cond, body, end)
        else:
            self.jump(s.pos, body)
        self.start(body)
        self.loops.append(Loop(s.label, end, post))
        self.block(s.body)
        self.loops.pop()
        self.jump(s.pos, post)
        self.start(post)
        if s.post is not None:
            self.stmt(s.post)
        self.jump(s.pos, head)
        self.start(end)

    def labeled(self, s: T.Labeled) -> None:
        b = self.label_block(s.label)
        self.jump(s.pos, b)
        self.start(b)
        self.stmt(s.stmt)

    def label_block(self, name: str) -> int:
        if name not in self.labels:
            self.labels[name] = self.new_block()
        return self.labels[name]

    def branch_stmt(self, s: T.Branch) -> None:
        if s.kind is T.BranchKind.GOTO:
            assert s.label is not None
            self.jump(s.pos, self.label_block(s.label))
            return
        if s.kind is T.BranchKind.FALLTHROUGH:
            self.jump(s.pos, self.fallthrough_target)
            return
        for lp in reversed(self.loops):
            if s.label is not None and lp.label != s.label:
                continue
            if s.kind is T.BranchKind.BREAK:
                self.jump(s.pos, lp.brk)
                return
            if lp.cont >= 0:
                self.jump(s.pos, lp.cont)
                return
        raise Unsupported(s.pos, f"{s.kind.value} outside a loop")

    def return_stmt(self, s: T.Return) -> None:
        if s.results:
            vals = self.values(s.results, len(self.results))
            for (v, _), m in zip(self.results, vals, strict=True):
                self.write(s.pos, self.locs[v.uid], m, v.type)
        self.jump(s.pos, self.exit)

    # -- expressions -----------------------------------------------------------------

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
                return Indirect(self.map_assign(e.pos, m, k), 0)
        m = self.expr(e)
        return Direct(m)

    def addressable(self, e: T.Expr) -> bool:
        match e:
            case T.VarRef() | T.Deref():
                return True
            case T.FieldSel(x=x):
                return self.addressable(x)
            case T.Index(x=x):
                return isinstance(under(x.type), Slice) or (
                    isinstance(under(x.type), Array) and self.addressable(x))
        return False

    def copy_temp(self, pos: Pos, m: ir.Mem, t: Type) -> ir.Local:
        tmp = self.temp(t)
        self.move(pos, tmp, m, size_of(t))
        return tmp

    def int_word(self, pos: Pos, e: T.Expr) -> tuple[ir.Local, bool]:
        """e (any integer type) extended to 8 bytes, and whether it is signed."""
        m = self.expr(e)
        w = size_of(e.type)
        sg = is_signed(e.type)
        if w == 8 and isinstance(m, ir.Local):
            return m, sg
        tmp = self.temp(8)
        self.emit(ir.Ext(pos, tmp, 8, m, w, sg))
        return tmp, sg

    def bounds(self, pos: Pos, idx: ir.Local, n: ir.Operand, fn: str = "panicIndex") -> None:
        bad = self.temp(1)
        self.emit(ir.BinOp(pos, ir.Op.GE, bad, idx, n, 8, False))
        self.panic_if(pos, bad, fn, [idx, n])

    def index_lval(self, e: T.Expr, x: T.Expr, ix: T.Expr) -> LVal:
        u = under(x.type)
        pos = e.pos
        es = size_of(e.type)
        const = ix.value if isinstance(ix, T.ConstExpr) and isinstance(ix.value, int) else None
        if isinstance(u, Array):
            base = self.lvalue(x) if self.addressable(x) else Direct(self.expr(x))
            if const is not None and not isinstance(const, bool):
                return sub(base, const * es)
            i, _ = self.int_word(pos, ix)
            self.bounds(pos, i, ir.Imm(u.length))
            p = self.addr(pos, base)
        else:
            sm = self.expr(x)
            i, _ = self.int_word(pos, ix)
            self.bounds(pos, i, at(sm, 8))
            p = self.temp(8)
            self.emit(ir.Mov(pos, p, at(sm, 0), 8))
        q = self.temp(Pointer(e.type))
        if es == 1:
            self.emit(ir.BinOp(pos, ir.Op.ADD, q, p, i, 8, False))
        else:
            off = self.temp(8)
            self.emit(ir.BinOp(pos, ir.Op.MUL, off, i, ir.Imm(es), 8, False))
            self.emit(ir.BinOp(pos, ir.Op.ADD, q, p, off, 8, False))
        return Indirect(q, 0)

    def expr(self, e: T.Expr) -> ir.Mem:
        """The location of e's value; do NOT write to it (it may be a variable)."""
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
                self.emit(ir.Mov(pos, at(tmp, off), ir.Imm(_fbits(part, half)), half))
            return tmp
        if is_float(t):
            assert not isinstance(v, complex)
            w = size_of(t)
            return self.const_int(pos, _fbits(float(v), w), w)
        if isinstance(v, int):
            w = size_of(t)
            return self.const_int(pos, _wrap(v, w), w)
        raise Unsupported(pos, f"constant {v!r}")

    def func_value(self, pos: Pos, sym: str, t: Type) -> ir.Local:
        """A func value of a top-level function: a static closure `sym·f`."""
        csym = self.pb.static.func_closure(sym)
        tmp = self.temp(t)
        self.emit(ir.Mov(pos, tmp, ir.SymAddr(csym), 8))
        return tmp

    def string_index(self, e: T.Index) -> ir.Mem:
        pos = e.pos
        sm = self.expr(e.x)
        i, _ = self.int_word(pos, e.index)
        self.bounds(pos, i, at(sm, 8))
        p = self.temp(8)
        self.emit(ir.BinOp(pos, ir.Op.ADD, p, at(sm, 0), i, 8, False))
        tmp = self.temp(e.type)
        self.emit(ir.Load(pos, tmp, p, 0, 1))
        return tmp

    def addr_of(self, e: T.AddrOf) -> ir.Mem:
        pos = e.pos
        x = e.x
        if isinstance(x, T.CompositeLit):
            p = self.alloc(pos, x.type)
            self.composite(Indirect(p, 0), x, zeroed=True)
            return p
        saved, self.nilcheck_derefs = self.nilcheck_derefs, True
        lv = self.lvalue(x)
        self.nilcheck_derefs = saved
        return self.addr(pos, lv)

    # -- operators -------------------------------------------------------------------

    def unary(self, e: T.Unary) -> ir.Mem:
        pos = e.pos
        x = self.expr(e.x)
        if e.op == "+":
            return x
        tmp = self.temp(e.type)
        w = size_of(e.type)
        if e.op == "-" and is_float(e.type):
            self.emit(ir.FBinOp(pos, ir.FOp.NEG, tmp, x, x, w))
        elif e.op == "-" and is_complex(e.type):
            h = w // 2
            self.emit(ir.FBinOp(pos, ir.FOp.NEG, tmp, x, x, h))
            self.emit(ir.FBinOp(pos, ir.FOp.NEG, at(tmp, h), at(x, h), at(x, h), h))
        else:
            op = {"-": "neg", "^": "com", "!": "not"}[e.op]
            self.emit(ir.UnOp(pos, op, tmp, x, w))
        return tmp

    def binary(self, e: T.Binary) -> ir.Mem:
        if e.op in ("&&", "||"):
            tmp = self.temp(e.type)
            t, f, end = self.new_block(), self.new_block(), self.new_block()
            self.cond(e, t, f)
            self.start(t)
            self.emit(ir.Mov(e.pos, tmp, ir.Imm(1), 1))
            self.jump(e.pos, end)
            self.start(f)
            self.emit(ir.Mov(e.pos, tmp, ir.Imm(0), 1))
            self.jump(e.pos, end)
            self.start(end)
            return tmp
        x = self.expr(e.x)
        yc = e.y
        if (isinstance(yc, T.ConstExpr) and isinstance(yc.value, int) and is_scalar(yc.type)
                and e.op not in ("<<", ">>")):
            v, w = int(yc.value), size_of(yc.type)
            imm = ir.Imm(_wrap(v, w) if is_signed(yc.type) else v & ((1 << (8 * w)) - 1))
            return self.binary_values(e.pos, e.op, e.type, e.x.type, x, imm, e.y.type)
        if e.op in ("==", "!=") and isinstance(under(e.x.type), Interface) and (
                isinstance(e.x, T.NilExpr) or isinstance(e.y, T.NilExpr)):
            # err != nil: only the other side's type word decides (no runtime call).
            side = x if isinstance(e.y, T.NilExpr) else self.expr(e.y)
            tmp = self.temp(1)
            self.emit(ir.BinOp(e.pos, _OPS[e.op], tmp, at(side, 0), ir.Imm(0), 8, False))
            return tmp
        y = self.expr(e.y)
        return self.binary_values(e.pos, e.op, e.type, e.x.type, x, y, e.y.type)

    def binary_values(self, pos: Pos, op: str, rt: Type, xt: Type, x: ir.Mem,
                      y: ir.Mem | ir.Imm, yt: Type) -> ir.Mem:
        """x op y for operand type xt (yt: the shift count's type), result type rt.
        y is an Imm only for integer (scalar) operands."""
        if isinstance(y, ir.Imm):
            return self.int_op(pos, op, rt, xt, x, y)
        if op in _CMP:
            return self.compare(pos, op, xt, x, y)
        if is_string(xt) and op == "+":
            assert op == "+"
            r = self.ccall(pos, "concatstring2", [x, at(x, 8), y, at(y, 8)], 2)
            tmp = self.temp(rt)
            self.emit(ir.Mov(pos, tmp, r[0], 8))
            self.emit(ir.Mov(pos, at(tmp, 8), r[1], 8))
            return tmp
        w = size_of(rt)
        tmp = self.temp(rt)
        if is_float(xt):
            self.emit(ir.FBinOp(pos, _FOPS[op], tmp, x, y, w))
            return tmp
        if is_complex(xt):
            return self.complex_op(pos, op, rt, x, y)
        if op in ("<<", ">>"):
            sg = is_signed(xt)
            cnt = self.temp(8)
            self.emit(ir.Ext(pos, cnt, 8, y, size_of(yt), is_signed(yt)))
            if is_signed(yt):
                neg = self.temp(1)
                self.emit(ir.BinOp(pos, ir.Op.LT, neg, cnt, ir.Imm(0), 8, True))
                self.panic_if(pos, neg, "panicshift", [])
            self.emit(ir.BinOp(pos, _OPS[op], tmp, x, cnt, w, sg))
            return tmp
        return self.int_op(pos, op, rt, xt, x, y)

    def int_op(self, pos: Pos, op: str, rt: Type, xt: Type, x: ir.Mem,
               y: ir.Mem | ir.Imm) -> ir.Mem:
        """x op y on integers (not shifts); division checks for a zero divisor."""
        sg = is_signed(xt)
        if op in _CMP:
            tmp = self.temp(1)
            self.emit(ir.BinOp(pos, _OPS[op], tmp, x, y, size_of(xt), sg))
            return tmp
        w = size_of(rt)
        tmp = self.temp(rt)
        if op in ("/", "%") and not (isinstance(y, ir.Imm) and y.value != 0):
            zero = self.temp(1)
            self.emit(ir.BinOp(pos, ir.Op.EQ, zero, y, ir.Imm(0), w, sg))
            self.panic_if(pos, zero, "panicdivide", [])
        self.emit(ir.BinOp(pos, _OPS[op], tmp, x, y, w, sg))
        return tmp

    def complex_op(self, pos: Pos, op: str, rt: Type, x: ir.Mem, y: ir.Mem) -> ir.Mem:
        w = size_of(rt)
        h = w // 2
        tmp = self.temp(rt)
        xr, xi, yr, yi = x, at(x, h), y, at(y, h)
        if op in ("+", "-"):
            fop = _FOPS[op]
            self.emit(ir.FBinOp(pos, fop, tmp, xr, yr, h))
            self.emit(ir.FBinOp(pos, fop, at(tmp, h), xi, yi, h))
            return tmp
        if op == "*":
            a, b = self.temp(h), self.temp(h)
            self.emit(ir.FBinOp(pos, ir.FOp.MUL, a, xr, yr, h))
            self.emit(ir.FBinOp(pos, ir.FOp.MUL, b, xi, yi, h))
            self.emit(ir.FBinOp(pos, ir.FOp.SUB, tmp, a, b, h))
            self.emit(ir.FBinOp(pos, ir.FOp.MUL, a, xr, yi, h))
            self.emit(ir.FBinOp(pos, ir.FOp.MUL, b, xi, yr, h))
            self.emit(ir.FBinOp(pos, ir.FOp.ADD, at(tmp, h), a, b, h))
            return tmp
        if op == "/":
            words = [self.as_f64(pos, m, h) for m in (xr, xi, yr, yi)]
            r = self.ccall(pos, "complex128div", words, 2)
            for off, word in ((0, r[0]), (h, r[1])):
                if h == 8:
                    self.emit(ir.Mov(pos, at(tmp, off), word, 8))
                else:
                    self.emit(ir.FConv(pos, "f2f", at(tmp, off), 4, word, 8))
            return tmp
        raise Unsupported(pos, f"complex operator {op}")

    def compare(self, pos: Pos, op: str, t: Type, x: ir.Mem, y: ir.Mem) -> ir.Mem:
        """x op y (a comparison) on operands of type t; a 1-byte bool."""
        tmp = self.temp(1)
        u = under(t)
        if is_scalar(t):
            self.emit(ir.BinOp(pos, _OPS[op], tmp, x, y, size_of(t), is_signed(t)))
        elif is_float(t):
            self.emit(ir.FBinOp(pos, _FOPS[op], tmp, x, y, size_of(t)))
        elif is_string(t) and op in ("==", "!="):
            same = self.temp(1)
            self.emit(ir.BinOp(pos, ir.Op.EQ, same, at(x, 8), at(y, 8), 8, False))
            yes, no, end = self.new_block(), self.new_block(), self.new_block()
            self.branch(pos, same, yes, no)
            self.start(yes)
            (r,) = self.ccall(pos, "memequal", [x, y, at(x, 8)], 1)
            self.emit(ir.Mov(pos, tmp, r, 1))
            self.jump(pos, end)
            self.start(no)
            self.emit(ir.Mov(pos, tmp, ir.Imm(0), 1))
            self.jump(pos, end)
            self.start(end)
            if op == "!=":
                self.emit(ir.UnOp(pos, "not", tmp, tmp, 1))
        elif is_string(t):
            (r,) = self.ccall(pos, "cmpstring", [x, at(x, 8), y, at(y, 8)], 1)
            self.emit(ir.BinOp(pos, _OPS[op], tmp, r, ir.Imm(0), 8, True))
        elif isinstance(u, Slice):
            self.emit(ir.BinOp(pos, _OPS[op], tmp, x, y, 8, False))
        elif isinstance(u, Interface):
            self.iface_eq(pos, t, x, y, tmp)
            if op == "!=":
                self.emit(ir.UnOp(pos, "not", tmp, tmp, 1))
        else:
            px, py = self.temp(8), self.temp(8)
            self.emit(ir.LoadAddr(pos, px, x))
            self.emit(ir.LoadAddr(pos, py, y))
            (r,) = self.ccall(pos, "typedeq", [self.type_addr(t), px, py], 1)
            self.emit(ir.Mov(pos, tmp, r, 1))
            if op == "!=":
                self.emit(ir.UnOp(pos, "not", tmp, tmp, 1))
        return tmp

    def dyn_type(self, pos: Pos, t: Type, x: ir.Mem) -> ir.Local:
        """The dynamic type word of interface value x of type t (nil stays 0)."""
        tw = self.temp(8)
        self.emit(ir.Mov(pos, tw, x, 8))
        if is_empty_interface(t):
            return tw
        nz = self.temp(1)
        self.emit(ir.BinOp(pos, ir.Op.NE, nz, tw, ir.Imm(0), 8, False))
        yes, end = self.new_block(), self.new_block()
        self.branch(pos, nz, yes, end)
        self.start(yes)
        self.emit(ir.Load(pos, tw, tw, ITAB_TYP, 8))
        self.jump(pos, end)
        self.start(end)
        return tw

    def iface_eq(self, pos: Pos, t: Type, x: ir.Mem, y: ir.Mem, out: ir.Local) -> None:
        """out = (x == y) for interface values: same dynamic type and equal values.
        Do NOT compare itab words: itabs built at run time are not unique."""
        tx = self.dyn_type(pos, t, x)
        ty = self.dyn_type(pos, t, y)
        same = self.temp(1)
        self.emit(ir.BinOp(pos, ir.Op.EQ, same, tx, ty, 8, False))
        yes, no, end = self.new_block(), self.new_block(), self.new_block()
        self.branch(pos, same, yes, no)
        self.start(yes)
        (r,) = self.ccall(pos, "efaceeq", [tx, at(x, 8), at(y, 8)], 1)
        self.emit(ir.Mov(pos, out, r, 1))
        self.jump(pos, end)
        self.start(no)
        self.emit(ir.Mov(pos, out, ir.Imm(0), 1))
        self.jump(pos, end)
        self.start(end)

    # -- calls -----------------------------------------------------------------------

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
        """Evaluate call arguments left to right; values a later argument's call could
        change (variables) are copied first."""
        later_call = [False] * len(es)
        seen = False
        for i in range(len(es) - 1, -1, -1):
            later_call[i] = seen
            seen = seen or _has_call(es[i])
        out = []
        for e, lc in zip(es, later_call, strict=True):
            m = self.expr(e)
            if lc and not isinstance(e, T.ConstExpr):
                m = self.copy_temp(e.pos, m, e.type)
            out.append(m)
        return out

    def call(self, e: T.Call | T.MethodCall | T.IfaceCall) -> list[ir.Mem]:
        pos = e.pos
        match e:
            case T.Call(fn=T.FuncRef(func=f), args=args):
                if f.external:
                    return self.external_call(pos, f, self.args(args))
                vals = self.args(args)
                sig = under(e.fn.type)
                assert isinstance(sig, Signature)
                return self.go_call(pos, self.pb.reflect.func_sym(f), sig.params, vals, sig.results)
            case T.Call(fn=fn, args=args):
                sig = under(fn.type)
                assert isinstance(sig, Signature)
                fv = self.copy_temp(pos, self.expr(fn), fn.type)
                vals = self.args(args)
                return self.go_call(pos, fv, sig.params, vals, sig.results)
            case T.MethodCall(recv=recv, method=m, args=args):
                assert m.recv is not None
                vals = self.args((recv, *args))
                return self.go_call(pos, m.symbol, (m.recv, *m.sig.params), vals,
                                    m.sig.results)
            case T.IfaceCall(recv=recv, index=idx, sig=sig, args=args):
                vals = self.args((recv, *args))
                iv = vals[0]
                tab = self.copy_temp(pos, iv, Pointer(Basic(Kind.UINT8, "uint8")))
                code = self.temp(8)
                self.emit(ir.Load(pos, code, tab, ITAB_FUN + PTRSIZE * idx, 8))
                data = at(iv, 8)
                ptr_t = Pointer(Basic(Kind.UINT8, "uint8"))
                return self.go_call(pos, code, (ptr_t, *sig.params), [data, *vals[1:]],
                                    sig.results, closure=False)
        raise Unsupported(pos, type(e).__name__)

    def external_call(self, pos: Pos, f: Func, vals: Sequence[ir.Mem]) -> list[ir.Mem]:
        """A call of a bodyless (runtime-implemented) function: the C runtime ABI, one
        integer register per argument word; up to two result words come back in
        %rax:%rdx, more through a hidden result pointer first (SysV sret)."""
        self.pb.externs.add(f.symbol)
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
        if len(words) + (total > 16) > 6:
            raise Unsupported(pos, f"runtime function {f.name} with more than 6 words")
        if total > 16:
            area = self.temp(total)
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

    def ccall_sym(self, pos: Pos, sym: str, args: Sequence[ir.Operand],
                  nres: int) -> list[ir.Local]:
        res = [self.temp(8) for _ in range(nres)]
        self.emit(ir.CCall(pos, sym, tuple(args), tuple(res)))
        return res

    def func_lit(self, e: T.FuncLit) -> ir.Mem:
        d = e.decl
        sym = f"{self.pkg}.{d.name}"
        self.pb.closures.append((d, sym, self.heapvars))
        if not d.captures:
            return self.func_value(e.pos, sym, e.type)
        n = len(d.captures)
        (p,) = self.ccall(e.pos, "mallocgc", [ir.Imm(8 * (n + 1))], 1)
        code = self.temp(8)
        self.emit(ir.Mov(e.pos, code, ir.SymAddr(sym), 8))
        self.emit(ir.Store(e.pos, p, 0, code, 8))
        for i, v in enumerate(d.captures):
            lv = self.var(e.pos, v)
            if not isinstance(lv, Indirect):
                raise Unsupported(e.pos, f"capture of {v.name} kept on the stack")
            self.emit(ir.Store(e.pos, p, 8 * (i + 1), lv.ptr, 8))
        return p

    # -- builtins --------------------------------------------------------------------

    def builtin(self, e: T.BuiltinCall) -> ir.Mem:
        pos = e.pos
        name = e.name
        if name in ("print", "println"):
            self.print_call(e)
            return self.temp(0)
        if name in ("len", "cap"):
            return self.len_cap(e)
        if name == "new":
            assert isinstance(e.type, Pointer)
            return self.alloc(pos, e.type.elem)
        if name == "make":
            return self.make(e)
        if name == "append":
            return self.append(e)
        if name == "copy":
            return self.copy_builtin(e)
        if name == "delete":
            m = self.expr(e.args[0])
            k = self.copy_temp(pos, self.expr(e.args[1]), e.args[1].type)
            pk = self.temp(8)
            self.emit(ir.LoadAddr(pos, pk, k))
            self.ccall(pos, "mapdelete", [m, pk])
            return self.temp(0)
        if name == "panic":
            v = self.expr(e.args[0])
            self.ccall(pos, "gopanic", [v, at(v, 8)], noreturn=True)
            return self.temp(0)
        if name == "recover":
            r = self.ccall(pos, "gorecover", [], 2)
            tmp = self.temp(e.type)
            self.emit(ir.Mov(pos, tmp, r[0], 8))
            self.emit(ir.Mov(pos, at(tmp, 8), r[1], 8))
            return tmp
        if name in ("real", "imag"):
            x = self.expr(e.args[0])
            h = size_of(e.type)
            return at(x, 0 if name == "real" else h)
        if name == "complex":
            tmp = self.temp(e.type)
            h = size_of(e.type) // 2
            self.move(pos, tmp, self.expr(e.args[0]), h)
            self.move(pos, at(tmp, h), self.expr(e.args[1]), h)
            return tmp
        raise Unsupported(pos, f"builtin {name}")

    def print_call(self, e: T.BuiltinCall) -> None:
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

    def print_value(self, pos: Pos, t: Type, m: ir.Mem) -> None:
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
        elif k is Kind.UNSAFE_POINTER or isinstance(u, Pointer | Map | Signature):
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

    def ext8(self, pos: Pos, m: ir.Mem, w: int, sg: bool) -> ir.Mem:
        if w == 8:
            return m
        tmp = self.temp(8)
        self.emit(ir.Ext(pos, tmp, 8, m, w, sg))
        return tmp

    def as_f64(self, pos: Pos, m: ir.Mem, w: int) -> ir.Mem:
        if w == 8:
            return m
        tmp = self.temp(8)
        self.emit(ir.FConv(pos, "f2f", tmp, 8, m, 4))
        return tmp

    def len_cap(self, e: T.BuiltinCall) -> ir.Mem:
        pos = e.pos
        x = e.args[0]
        u = under(x.type)
        if isinstance(u, Pointer):
            u = under(u.elem)
        if isinstance(u, Array):
            if _has_call(x):
                self.expr(x)
            return self.const_int(pos, u.length)
        m = self.expr(x)
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

    def make(self, e: T.BuiltinCall) -> ir.Mem:
        pos = e.pos
        u = under(e.type)
        if isinstance(u, Map):
            (m,) = self.ccall(pos, "makemap", [self.type_addr(u.key),
                                               ir.Imm(size_of(u.elem))], 1)
            return m
        if not isinstance(u, Slice):
            raise Unsupported(pos, f"make of {type_string(e.type)}")
        n, _ = self.int_word(pos, e.args[0])
        c = self.int_word(pos, e.args[1])[0] if len(e.args) > 1 else n
        (p,) = self.ccall(pos, "makeslice", [self.type_addr(u.elem), n, c], 1)
        tmp = self.temp(e.type)
        self.emit(ir.Mov(pos, tmp, p, 8))
        self.emit(ir.Mov(pos, at(tmp, 8), n, 8))
        self.emit(ir.Mov(pos, at(tmp, 16), c, 8))
        return tmp

    def append(self, e: T.BuiltinCall) -> ir.Mem:
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

    def copy_builtin(self, e: T.BuiltinCall) -> ir.Mem:
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

    # -- conversions -----------------------------------------------------------------

    def convert(self, e: T.Convert) -> ir.Mem:
        pos, k, x, t = e.pos, e.kind, e.x, e.type
        K = T.ConvKind
        if k is K.NOP:
            return self.expr(x)
        if k is K.SLICE_TO_ARRAYPTR:
            return self.slice_to_arrayptr(e)
        if k is K.INT:
            m = self.expr(x)
            tmp = self.temp(t)
            self.emit(ir.Ext(pos, tmp, size_of(t), m, size_of(x.type), is_signed(x.type)))
            return tmp
        if k in (K.INT_TO_FLOAT, K.FLOAT_TO_INT, K.FLOAT):
            m = self.expr(x)
            if k is K.FLOAT and size_of(t) == size_of(x.type):
                return m
            tmp = self.temp(t)
            if k is K.INT_TO_FLOAT:
                kind = "i2f" if is_signed(x.type) else "u2f"
                src = self.ext8(pos, m, size_of(x.type), is_signed(x.type))
                self.emit(ir.FConv(pos, kind, tmp, size_of(t), src, 8))
            elif k is K.FLOAT_TO_INT:
                kind = "f2i" if is_signed(t) else "f2u"
                wide = self.temp(8)
                self.emit(ir.FConv(pos, kind, wide, 8, m, size_of(x.type)))
                self.emit(ir.Ext(pos, tmp, size_of(t), wide, 8, False))
            else:
                self.emit(ir.FConv(pos, "f2f", tmp, size_of(t), m, size_of(x.type)))
            return tmp
        if k is K.COMPLEX:
            m = self.expr(x)
            if size_of(t) == size_of(x.type):
                return m
            tmp = self.temp(t)
            h, sh = size_of(t) // 2, size_of(x.type) // 2
            self.emit(ir.FConv(pos, "f2f", tmp, h, m, sh))
            self.emit(ir.FConv(pos, "f2f", at(tmp, h), h, at(m, sh), sh))
            return tmp
        if k in (K.INT_TO_STRING, K.BYTES_TO_STRING, K.RUNES_TO_STRING):
            m = self.expr(x)
            if k is K.INT_TO_STRING:
                r = self.ccall(pos, "intstring",
                               [self.ext8(pos, m, size_of(x.type), is_signed(x.type))], 2)
            else:
                fn = "slicebytetostring" if k is K.BYTES_TO_STRING else "slicerunetostring"
                r = self.ccall(pos, fn, [m, at(m, 8)], 2)
            tmp = self.temp(t)
            self.emit(ir.Mov(pos, tmp, r[0], 8))
            self.emit(ir.Mov(pos, at(tmp, 8), r[1], 8))
            return tmp
        if k in (K.STRING_TO_BYTES, K.STRING_TO_RUNES):
            m = self.expr(x)
            tmp = self.temp(t)
            if k is K.STRING_TO_BYTES:
                (p,) = self.ccall(pos, "stringtoslicebyte", [m, at(m, 8)], 1)
                n: ir.Operand = at(m, 8)
            else:
                p, n = self.ccall(pos, "stringtoslicerune", [m, at(m, 8)], 2)
            self.emit(ir.Mov(pos, tmp, p, 8))
            self.emit(ir.Mov(pos, at(tmp, 8), n, 8))
            self.emit(ir.Mov(pos, at(tmp, 16), n, 8))
            return tmp
        if k in (K.T2E, K.T2I):
            return self.conv_t2i(e)
        if k is K.I2E:
            m = self.expr(x)
            tmp = self.temp(t)
            tw = self.dyn_type(pos, x.type, m)
            self.emit(ir.Mov(pos, tmp, tw, 8))
            self.emit(ir.Mov(pos, at(tmp, 8), at(m, 8), 8))
            return tmp
        if k is K.I2I:
            m = self.expr(x)
            tmp = self.temp(t)
            isym = self.type_addr(t)

            def conv() -> ir.Operand:
                tw = self.dyn_type(pos, x.type, m)
                return self.ccall(pos, "convI2I", [isym, tw], 1)[0]

            tab = self.cached_itab(pos, at(m, 0), conv)
            self.emit(ir.Mov(pos, tmp, tab, 8))
            self.emit(ir.Mov(pos, at(tmp, 8), at(m, 8), 8))
            return tmp
        raise Unsupported(pos, f"conversion {k.value}")

    def slice_to_arrayptr(self, e: T.Convert) -> ir.Mem:
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

    def type_word(self, t: Type, iface: Type) -> ir.SymAddr:
        """The first word of an interface of type iface holding a t: &type.T or &itab."""
        if is_empty_interface(iface):
            return self.type_addr(t)
        return ir.SymAddr(self.pb.reflect.itab_sym(t, iface))

    def conv_t2i(self, e: T.Convert) -> ir.Mem:
        """A value-to-interface conversion (see the module docstring for the three ways)."""
        pos, x, t = e.pos, e.x, e.type
        if size_of(x.type) > 1024 and self.addressable(x):
            # convT2E copies straight from the variable: no temporary copy (for a huge
            # *p, a huge stack slot).
            pv = self.addr(pos, self.lvalue(x))
            tmp = self.temp(t)
            tw = self.type_word(x.type, t)
            self.emit(ir.Mov(pos, tmp, tw, 8))
            fn = "convT2E" if is_empty_interface(t) else "convT2I"
            (d,) = self.ccall(pos, fn, [tw, pv], 1)
            self.emit(ir.Mov(pos, at(tmp, 8), d, 8))
            return tmp
        m = self.expr(x)
        tmp = self.temp(t)
        tw = self.type_word(x.type, t)
        self.emit(ir.Mov(pos, tmp, tw, 8))
        if is_direct_iface(x.type):
            self.emit(ir.Mov(pos, at(tmp, 8), m, 8))
            return tmp
        if size_of(x.type) == 0:
            self.emit(ir.Mov(pos, at(tmp, 8), ir.SymAddr("runtime.zerobase"), 8))
            return tmp
        opts = self.pb.opts
        if opts.convinline and id(e) in opts.stackconv and size_of(x.type) <= 1024:
            copy = self.temp(x.type)
            self.move(pos, copy, m, size_of(x.type))
            self.emit(ir.LoadAddr(pos, at(tmp, 8), copy))
            return tmp
        pv = self.temp(8)
        self.emit(ir.LoadAddr(pos, pv, m))
        fn = "convT2E" if is_empty_interface(t) else "convT2I"
        (d,) = self.ccall(pos, fn, [tw, pv], 1)
        self.emit(ir.Mov(pos, at(tmp, 8), d, 8))
        return tmp

    def type_assert(self, e: T.TypeAssert, commaok: bool) -> list[ir.Mem]:
        """x.(T): compare the dynamic type with T's descriptor (concrete T) or look up
        the itab (interface T); panic or report ok=false on mismatch."""
        pos, target = e.pos, e.target
        m = self.copy_temp(pos, self.expr(e.x), e.x.type)
        tw = self.dyn_type(pos, e.x.type, m)
        out = self.temp(target)
        ok = self.temp(1)
        if isinstance(under(target), Interface):
            isym = self.type_addr(target)
            src = self.type_addr(e.x.type)

            def assert_() -> ir.Operand:
                if commaok:
                    return self.ccall(pos, "assertE2I2", [isym, tw], 1)[0]
                return self.ccall(pos, "assertE2I", [isym, tw, src], 1)[0]

            tab = self.cached_itab(pos, tw, assert_)
            self.emit(ir.BinOp(pos, ir.Op.NE, ok, tab, ir.Imm(0), 8, False))
            yes, no, end = self.new_block(), self.new_block(), self.new_block()
            self.branch(pos, ok, yes, no)
            self.start(yes)
            first: ir.Operand = tw if is_empty_interface(target) else tab
            self.emit(ir.Mov(pos, out, first, 8))
            self.emit(ir.Mov(pos, at(out, 8), at(m, 8), 8))
            self.jump(pos, end)
            self.start(no)
            self.emit(ir.Zero(pos, out, 16))
            self.jump(pos, end)
            self.start(end)
            return [out, ok] if commaok else [out]
        want = self.type_addr(target)
        self.emit(ir.BinOp(pos, ir.Op.EQ, ok, tw, want, 8, False))
        yes, no, end = self.new_block(), self.new_block(), self.new_block()
        self.branch(pos, ok, yes, no)
        self.start(yes)
        self.unbox(pos, target, at(m, 8), out)
        self.jump(pos, end)
        self.start(no)
        if commaok:
            self.write_zero(pos, Direct(out), target)
        else:
            self.ccall(pos, "panicdottype", [tw, want, self.type_addr(e.x.type)],
                       noreturn=True)
        self.jump(pos, end)
        self.start(end)
        return [out, ok] if commaok else [out]

    def unbox(self, pos: Pos, t: Type, data: ir.Mem, out: ir.Local) -> None:
        """out = the t held in an interface whose data word is at `data`."""
        if is_direct_iface(t):
            self.emit(ir.Mov(pos, out, data, 8))
        elif size_of(t):
            p = self.copy_temp(pos, data, Pointer(t))
            self.emit(ir.Load(pos, out, p, 0, size_of(t)))

    # -- composite values ------------------------------------------------------------

    def composite(self, lv: LVal, e: T.CompositeLit, zeroed: bool) -> None:
        """Store composite literal e into lv (already zero when zeroed)."""
        pos, t = e.pos, e.type
        u = under(t)
        if isinstance(u, Struct | Array):
            vals: list[tuple[int, T.Expr, Type]] = []
            if isinstance(u, Struct):
                offs, _ = struct_layout(u)
                for el in e.elems:
                    assert isinstance(el.key, int)
                    vals.append((offs[el.key], el.value, u.fields[el.key].type))
            else:
                es = size_of(u.elem)
                for el in e.elems:
                    assert isinstance(el.key, int)
                    vals.append((el.key * es, el.value, u.elem))
            ms = [(off, self.elem_value(v), ft) for off, v, ft in vals]
            if not zeroed:
                self.write_zero(pos, lv, t)
            for off, m, ft in ms:
                if m is not None:
                    self.write(pos, sub(lv, off), m, ft)
            return
        if isinstance(u, Slice):
            n = max((el.key + 1 for el in e.elems if isinstance(el.key, int)), default=0)
            tmp = self.temp(t)
            if n:
                p = self.alloc(pos, Array(n, u.elem))
                es = size_of(u.elem)
                for el in e.elems:
                    assert isinstance(el.key, int)
                    m = self.elem_value(el.value)
                    if m is not None:
                        self.write(pos, Indirect(p, el.key * es), m, u.elem)
                self.emit(ir.Mov(pos, tmp, p, 8))
            else:
                self.emit(ir.Mov(pos, tmp, ir.SymAddr("runtime.zerobase"), 8))
            self.emit(ir.Mov(pos, at(tmp, 8), ir.Imm(n), 8))
            self.emit(ir.Mov(pos, at(tmp, 16), ir.Imm(n), 8))
            self.write(pos, lv, tmp, t)
            return
        if isinstance(u, Map):
            (mp,) = self.ccall(pos, "makemap", [self.type_addr(u.key),
                                                ir.Imm(size_of(u.elem))], 1)
            for el in e.elems:
                assert not isinstance(el.key, int)
                k = self.copy_temp(pos, self.expr(el.key), u.key)
                v = self.elem_value(el.value)
                pk = self.temp(8)
                self.emit(ir.LoadAddr(pos, pk, k))
                (pe,) = self.ccall(pos, "mapassign", [mp, pk], 1)
                if v is not None:
                    self.write(pos, Indirect(pe, 0), v, u.elem)
            self.write(pos, lv, mp, t)
            return
        raise Unsupported(pos, f"composite literal of {type_string(t)}")

    def elem_value(self, v: T.Expr) -> ir.Mem | None:
        """The value of a composite element, copied (None for a zero-size value)."""
        if size_of(v.type) == 0:
            self.expr(v)
            return None
        return self.copy_temp(v.pos, self.expr(v), v.type)

    def slice_expr(self, e: T.SliceExpr) -> ir.Mem:
        pos, x = e.pos, e.x
        u = under(x.type)
        m = self.expr(x)
        base = self.temp(8)
        self.emit(ir.Mov(pos, base, m, 8))
        if is_string(x.type):
            cap: ir.Mem = at(m, 8)
            ln: ir.Mem = at(m, 8)
            es = 1
        elif isinstance(u, Slice):
            ln, cap = at(m, 8), at(m, 16)
            es = size_of(u.elem)
        else:
            assert isinstance(u, Pointer)
            arr = under(u.elem)
            assert isinstance(arr, Array)
            ln = cap = self.const_int(pos, arr.length)
            es = size_of(arr.elem)
        lo = self.int_word(pos, e.lo)[0] if e.lo is not None else self.const_int(pos, 0)
        hi = self.int_word(pos, e.hi)[0] if e.hi is not None else self.copy_temp(
            pos, ln, Basic(Kind.INT, "int"))
        mx = self.int_word(pos, e.max)[0] if e.max is not None else self.copy_temp(
            pos, cap, Basic(Kind.INT, "int"))
        bad = self.temp(1)
        if e.max is not None:
            self.emit(ir.BinOp(pos, ir.Op.GT, bad, mx, cap, 8, False))
            self.panic_if(pos, bad, "panicSlice3Acap", [mx, cap])
            self.emit(ir.BinOp(pos, ir.Op.GT, bad, hi, mx, 8, False))
            self.panic_if(pos, bad, "panicSlice3B", [hi, mx])
        else:
            limit = ln if is_string(x.type) or e.hi is None else cap
            fn = ("panicSliceAlen" if is_string(x.type) or e.hi is None
                  else "panicSliceAcap")
            self.emit(ir.BinOp(pos, ir.Op.GT, bad, hi, limit, 8, False))
            self.panic_if(pos, bad, fn, [hi, limit])
        self.emit(ir.BinOp(pos, ir.Op.GT, bad, lo, hi, 8, False))
        self.panic_if(pos, bad, "panicSliceB", [lo, hi])
        tmp = self.temp(e.type)
        n = self.temp(8)
        self.emit(ir.BinOp(pos, ir.Op.SUB, n, hi, lo, 8, False))
        c = self.temp(8)
        self.emit(ir.BinOp(pos, ir.Op.SUB, c, mx, lo, 8, False))
        # do NOT point past the end of the array when the result is empty at cap
        nz = self.temp(1)
        self.emit(ir.BinOp(pos, ir.Op.NE, nz, c, ir.Imm(0), 8, False))
        yes, end = self.new_block(), self.new_block()
        self.branch(pos, nz, yes, end)
        self.start(yes)
        off = self.temp(8)
        self.emit(ir.BinOp(pos, ir.Op.MUL, off, lo, ir.Imm(es), 8, False))
        self.emit(ir.BinOp(pos, ir.Op.ADD, base, base, off, 8, False))
        self.jump(pos, end)
        self.start(end)
        self.emit(ir.Mov(pos, tmp, base, 8))
        self.emit(ir.Mov(pos, at(tmp, 8), n, 8))
        if not is_string(x.type):
            self.emit(ir.Mov(pos, at(tmp, 16), c, 8))
        return tmp

    def map_index(self, e: T.MapIndex, commaok: bool) -> list[ir.Mem]:
        pos = e.pos
        u = under(e.x.type)
        assert isinstance(u, Map)
        m = self.expr(e.x)
        k = self.copy_temp(pos, self.expr(e.key), u.key)
        pk = self.temp(8)
        self.emit(ir.LoadAddr(pos, pk, k))
        out = self.temp(u.elem)
        if commaok:
            pe, ok = self.ccall(pos, "mapaccess2", [m, pk], 2)
            if size_of(u.elem):
                self.emit(ir.Load(pos, out, pe, 0, size_of(u.elem)))
            okb = self.temp(1)
            self.emit(ir.Mov(pos, okb, ok, 1))
            return [out, okb]
        (pe,) = self.ccall(pos, "mapaccess1", [m, pk], 1)
        if size_of(u.elem):
            self.emit(ir.Load(pos, out, pe, 0, size_of(u.elem)))
        return [out]

    # -- switch and range ------------------------------------------------------------

    def switch_stmt(self, s: T.Switch) -> None:
        pos = s.pos
        if s.init is not None:
            self.stmt(s.init)
        tag: ir.Mem | None = None
        if s.tag is not None:
            tag = self.copy_temp(pos, self.expr(s.tag), s.tag.type)
        end = self.new_block()
        bodies = [self.new_block() for _ in s.clauses]
        default = -1
        for i, c in enumerate(s.clauses):
            if c.default or not c.exprs:
                default = i
                continue
            for x in c.exprs:
                nxt = self.new_block()
                if tag is None:
                    self.cond(x, bodies[i], nxt)
                else:
                    assert s.tag is not None
                    m = self.expr(x)
                    t: Type = s.tag.type
                    tm: ir.Mem = tag
                    if isinstance(under(x.type), Interface) and not isinstance(
                            under(t), Interface):
                        tm, t = self.tag_iface(x.pos, tag, t, x.type), x.type
                    eq = self.compare(x.pos, "==", t, tm, m)
                    self.branch(x.pos, eq, bodies[i], nxt)
                self.start(nxt)
        self.jump(pos, bodies[default] if default >= 0 else end)
        self.loops.append(Loop(s.label, end, -1))
        for i, c in enumerate(s.clauses):
            self.start(bodies[i])
            self.fallthrough_target = bodies[i + 1] if i + 1 < len(bodies) else end
            self.stmts(c.body)
            self.jump(c.pos, self.fallthrough_target if c.fallthrough else end)
        self.loops.pop()
        self.start(end)

    def tag_iface(self, pos: Pos, tag: ir.Mem, t: Type, it: Type) -> ir.Mem:
        """The concrete switch tag (value tag of type t) converted to interface type it,
        for comparing with an interface-typed case value."""
        v = Var("~tag", t, pos, VarKind.LOCAL, self.pkg, self.pb.new_uid())
        self.write(pos, self.declare(pos, v), tag, t)
        kind = T.ConvKind.T2E if is_empty_interface(it) else T.ConvKind.T2I
        return self.expr(T.Convert(pos, it, kind, T.VarRef(pos, t, v)))

    def type_switch(self, s: T.TypeSwitch) -> None:
        pos = s.pos
        if s.init is not None:
            self.stmt(s.init)
        xt = s.x.type
        m = self.copy_temp(pos, self.expr(s.x), xt)
        tw = self.dyn_type(pos, xt, m)
        end = self.new_block()
        bodies = [self.new_block() for _ in s.clauses]
        tabs: dict[int, ir.Local] = {}
        default = -1
        for i, c in enumerate(s.clauses):
            if c.default:
                default = i
                continue
            for t in c.types:
                nxt = self.new_block()
                hit = self.temp(1)
                if t is None:
                    self.emit(ir.BinOp(pos, ir.Op.EQ, hit, tw, ir.Imm(0), 8, False))
                elif isinstance(under(t), Interface):
                    isym = self.type_addr(t)
                    tab = self.cached_itab(pos, tw, self.assert_call(pos, isym, tw))
                    if len(c.types) == 1:
                        tabs[i] = tab
                    self.emit(ir.BinOp(pos, ir.Op.NE, hit, tab, ir.Imm(0), 8, False))
                else:
                    want = self.type_addr(t)
                    self.emit(ir.BinOp(pos, ir.Op.EQ, hit, tw, want, 8, False))
                self.branch(pos, hit, bodies[i], nxt)
                self.start(nxt)
        self.jump(pos, bodies[default] if default >= 0 else end)
        self.loops.append(Loop(s.label, end, -1))
        for i, c in enumerate(s.clauses):
            self.start(bodies[i])
            if c.var is not None:
                v = c.var
                lv = self.declare(c.pos, v)
                single = c.types[0] if len(c.types) == 1 else None
                if single is None or c.default:
                    self.write(c.pos, lv, m, v.type)
                elif isinstance(under(single), Interface):
                    tmp = self.temp(v.type)
                    first = tw if is_empty_interface(single) else tabs[i]
                    self.emit(ir.Mov(c.pos, tmp, first, 8))
                    self.emit(ir.Mov(c.pos, at(tmp, 8), at(m, 8), 8))
                    self.write(c.pos, lv, tmp, v.type)
                else:
                    tmp = self.temp(v.type)
                    self.unbox(c.pos, single, at(m, 8), tmp)
                    self.write(c.pos, lv, tmp, v.type)
            self.stmts(c.body)
            self.jump(c.pos, end)
        self.loops.pop()
        self.start(end)

    def range_stmt(self, s: T.Range) -> None:
        pos = s.pos
        u = under(s.x.type)
        if isinstance(u, Map):
            self.range_map(s, u)
            return
        for v in s.vars:
            self.declare(pos, v)
        ptr_arr = isinstance(u, Pointer)
        if isinstance(u, Pointer):
            u = under(u.elem)
        x = self.copy_temp(pos, self.expr(s.x), s.x.type)
        if isinstance(u, Array):
            n: ir.Operand = ir.Imm(u.length)
        else:
            n = at(x, 8)
        idx = self.temp(8)
        self.emit(ir.Mov(pos, idx, ir.Imm(0), 8))
        head, body, post, end = (self.new_block(), self.new_block(), self.new_block(),
                                 self.new_block())
        self.jump(pos, head)
        self.start(head)
        more = self.temp(1)
        self.emit(ir.BinOp(pos, ir.Op.LT, more, idx, n, 8, True))
        self.branch(pos, more, body, end)
        self.start(body)
        nxt = self.temp(8)
        if is_string(s.x.type):
            r = self.ccall(pos, "decoderune", [x, at(x, 8), idx], 2)
            self.emit(ir.Mov(pos, nxt, r[1], 8))
            val: ir.Mem | None = r[0]
        else:
            self.emit(ir.BinOp(pos, ir.Op.ADD, nxt, idx, ir.Imm(1), 8, False))
            val = None
            if s.value is not None:
                assert isinstance(u, Array | Slice)
                es = size_of(u.elem)
                if isinstance(u, Array) and not ptr_arr:
                    p = self.temp(8)
                    self.emit(ir.LoadAddr(pos, p, x))
                else:
                    p = self.copy_temp(pos, x, Pointer(u.elem))
                off = self.temp(8)
                self.emit(ir.BinOp(pos, ir.Op.MUL, off, idx, ir.Imm(es), 8, False))
                self.emit(ir.BinOp(pos, ir.Op.ADD, p, p, off, 8, False))
                val = self.temp(u.elem)
                if es:
                    self.emit(ir.Load(pos, val, p, 0, es))
        if s.key is not None and not isinstance(s.key, T.Blank):
            kt = s.key.type
            k = self.temp(kt)
            self.emit(ir.Ext(pos, k, size_of(kt), idx, 8, True))
            self.write(pos, self.lvalue(s.key), k, kt)
        if s.value is not None and not isinstance(s.value, T.Blank) and val is not None:
            self.write(pos, self.lvalue(s.value), val, s.value.type)
        self.loops.append(Loop(s.label, end, post))
        self.block(s.body)
        self.loops.pop()
        self.jump(pos, post)
        self.start(post)
        self.emit(ir.Mov(pos, idx, nxt, 8))
        self.jump(pos, head)
        self.start(end)

    def range_map(self, s: T.Range, u: Map) -> None:
        pos = s.pos
        for v in s.vars:
            self.declare(pos, v)
        m = self.copy_temp(pos, self.expr(s.x), s.x.type)
        it = self.temp(24)
        pit = self.temp(8)
        self.emit(ir.LoadAddr(pos, pit, it))
        kp, ep = self.temp(8), self.temp(8)
        r = self.ccall(pos, "mapiterinit", [m, pit], 2)
        self.emit(ir.Mov(pos, kp, r[0], 8))
        self.emit(ir.Mov(pos, ep, r[1], 8))
        head, body, post, end = (self.new_block(), self.new_block(), self.new_block(),
                                 self.new_block())
        self.jump(pos, head)
        self.start(head)
        more = self.temp(1)
        self.emit(ir.BinOp(pos, ir.Op.NE, more, kp, ir.Imm(0), 8, False))
        self.branch(pos, more, body, end)
        self.start(body)
        if s.key is not None and not isinstance(s.key, T.Blank):
            k = self.temp(u.key)
            self.emit(ir.Load(pos, k, kp, 0, size_of(u.key)))
            self.write(pos, self.lvalue(s.key), k, u.key)
        if s.value is not None and not isinstance(s.value, T.Blank) and size_of(u.elem):
            ev = self.temp(u.elem)
            self.emit(ir.Load(pos, ev, ep, 0, size_of(u.elem)))
            self.write(pos, self.lvalue(s.value), ev, u.elem)
        self.loops.append(Loop(s.label, end, post))
        self.block(s.body)
        self.loops.pop()
        self.jump(pos, post)
        self.start(post)
        r = self.ccall(pos, "mapiternext", [m, pit], 2)
        self.emit(ir.Mov(pos, kp, r[0], 8))
        self.emit(ir.Mov(pos, ep, r[1], 8))
        self.jump(pos, head)
        self.start(end)

    # -- method values ---------------------------------------------------------------

    def method_value(self, e: T.MethodValue | T.IfaceMethodValue) -> ir.Mem:
        """A bound method value: a closure over a heap copy of the receiver whose code is
        the `-fm` wrapper (gc's name) calling the method on it."""
        pos = e.pos
        sig = under(e.type)
        assert isinstance(sig, Signature)
        rt = e.recv.type
        if isinstance(e, T.MethodValue):
            sym = f"{e.method.symbol}-fm"
        else:
            sym = f"{self.pkg}.{type_string(rt, link=True)}.{e.method}-fm"
        rv = self.pb.fm_wrapper(sym, e, sig)
        p = self.alloc(pos, rt)
        val = self.expr(e.recv)
        if isinstance(e, T.IfaceMethodValue):
            self.emit(ir.NilCheck(pos, val))
        self.write(pos, Indirect(p, 0), val, rt)
        (clo,) = self.ccall(pos, "mallocgc", [ir.Imm(16)], 1)
        code = self.temp(8)
        self.emit(ir.Mov(pos, code, ir.SymAddr(sym), 8))
        self.emit(ir.Store(pos, clo, 0, code, 8))
        self.emit(ir.Store(pos, clo, 8, p, 8))
        del rv
        return clo


_CMP = frozenset({"==", "!=", "<", "<=", ">", ">="})
_OPS = {
    "+": ir.Op.ADD, "-": ir.Op.SUB, "*": ir.Op.MUL, "/": ir.Op.DIV, "%": ir.Op.MOD,
    "&": ir.Op.AND, "|": ir.Op.OR, "^": ir.Op.XOR, "&^": ir.Op.ANDNOT, "<<": ir.Op.SHL,
    ">>": ir.Op.SHR, "==": ir.Op.EQ, "!=": ir.Op.NE, "<": ir.Op.LT, "<=": ir.Op.LE,
    ">": ir.Op.GT, ">=": ir.Op.GE,
}
_FOPS = {
    "+": ir.FOp.ADD, "-": ir.FOp.SUB, "*": ir.FOp.MUL, "/": ir.FOp.DIV, "==": ir.FOp.EQ,
    "!=": ir.FOp.NE, "<": ir.FOp.LT, "<=": ir.FOp.LE, ">": ir.FOp.GT, ">=": ir.FOp.GE,
}


def _fbits(v: float, width: int) -> int:
    """The IEEE bits of v as a width-byte float."""
    if width == 4:
        return int(struct.unpack("<I", struct.pack("<f", v))[0])
    return int(struct.unpack("<Q", struct.pack("<d", v))[0])


def _wrap(v: int, width: int) -> int:
    """v as a signed width-byte two's complement integer."""
    bits = 8 * width
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >= 1 << (bits - 1) else v


def _has_call(e: object) -> bool:
    """Whether evaluating e may call a function (and so change variables)."""
    if isinstance(e, T.Call | T.MethodCall | T.IfaceCall | T.FuncLit):
        return True
    if isinstance(e, T.BuiltinCall) and e.name not in ("len", "cap"):
        return True
    slots = getattr(type(e), "__slots__", ())
    for name in slots:
        if name in ("pos", "type"):
            continue
        v = getattr(e, name)
        if isinstance(v, tuple):
            if any(_has_call(x) for x in v):
                return True
        elif hasattr(type(v), "__slots__") and not isinstance(v, Var | Func | Named):
            if _has_call(v):
                return True
    return False


def _build(pb: ProgBuilder, decl: T.FuncDecl, sym: str, heap: set[int] | None,
           captures: Sequence[Var] = ()) -> None:
    params = ([decl.recv] if decl.recv else []) + list(decl.params) + list(decl.results)
    hv = heap if heap is not None else _heap_vars(decl.body, params)
    fb = FuncBuilder(pb, decl, sym, hv)
    pb.funcs.append(fb.build(captures))


def walk_program(prog: T.Program, opts: Options | None = None) -> ir.Program:
    """Lower a checked program: every function, closure and wrapper, the globals, type
    descriptors, and `main..init` (package variable initialisation and init funcs, in
    dependency order) which the runtime calls before `main.main`."""
    pb = ProgBuilder(opts or Options(), prog.packages)
    inits: list[T.Stmt] = []
    files: list[str] = []
    for pkg in prog.packages:
        files.extend(pkg.files)
        for g in pkg.globals:
            pb.static.add(ir.Data(global_sym(g), b"", (), readonly=False,
                                ptrs=pointer_words(g.type), align=max(align_of(g.type), 1),
                                bss=max(size_of(g.type), 1)))
        for d in pkg.funcs:
            if d.body is None:
                continue
            sym = d.func.symbol if d.func is not None else f"{pkg.path}.{d.name}"
            _build(pb, d, sym, None)
        inits.extend(pkg.inits)
    pos = Pos(files[0] if files else "<autogenerated>", 1, 1)
    init = T.FuncDecl(pos, "..init", None, Signature((), ()), None, (), (),
                      T.Block(pos, tuple(inits)))
    _build(pb, init, "main..init", None)
    pb.static.add(pb.reflect.basic_types())
    while pb.closures or pb.reflect.pending:
        if pb.closures:
            d, sym, heap = pb.closures.pop(0)
            _build(pb, d, sym, heap, d.captures)
        else:
            w, sym = pb.reflect.pending.pop(0)
            _build(pb, w, sym, None)
    return ir.Program(tuple(pb.funcs), pb.static.sorted(), tuple(files),
                      tuple(sorted(pb.externs)))
