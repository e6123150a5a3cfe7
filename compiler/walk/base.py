"""The state one function's lowering shares, and the primitives every concern uses:
slots, blocks, `emit`, moves between locations, runtime calls.

FuncBuilder (func.py) is one class whose methods are spread over mixins, one module per
concern (see the package docstring). Each mixin derives from WalkerBase and reaches the
others through `self`; WalkerBase declares the methods one module calls in another, for
mypy only (they have no body here, so a mixin left out of FuncBuilder fails loudly). For

    x := m[k] + 1

assign.py's var_decl asks `expr` (expr.py) for the sum, which hands it to `binary`
(operators.py), which asks `expr` for `m[k]`, handled by `map_index` (index.py); each
step takes fresh `temp` slots and `emit`s instructions into the current block, and
var_decl `write`s the sum into x's slot.

Blocks: `new_block` makes one, `start` makes it current, `jump`/`branch` terminate the
current block (a second terminator is ignored: code after a return is dropped), and
`emit` into a terminated block opens a fresh one.

This module is longer than the concern modules because it holds the two dozen
primitives all of them use and the mypy declarations of the cross-module methods;
splitting it would only scatter the one state class.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from compiler import ir
from compiler.diag import Pos
from compiler.reflectdata import ReflectData
from compiler.staticdata import StaticData
from compiler.types import tree as T
from compiler.types.typ import (
    Basic,
    Chan,
    Func,
    Kind,
    Map,
    Named,
    Pointer,
    Signature,
    Type,
    Var,
    is_string,
    pointer_words,
    size_of,
    type_string,
    under,
)

MAX_IMPLICIT_STACK_SIZE = 64 * 1024
"""The largest object `new`, `&T{}`, `make` or a literal builds on the stack (gc's
ir.MaxImplicitStackVarSize; escape forces larger ones to the heap too)."""

INIT_DECL = "..init"
"""The name of the declaration walk makes of a package's variable initialisation (no
Go function can have it): lowered as `PATH.init`, a generated function."""


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
    must live on the heap (absent: heap if address-taken or captured); `stacksites` holds
    the ids of the new/&T{}/make/slice-literal/func-literal nodes the escape pass proved
    non-escaping (built in stack temporaries, see `stack_object`), `transient` those of
    them whose objects die with their statement (gc's transient: their temporaries are
    reused, see `order_temp`); `devirt` maps
    id(IfaceCall) to the static call compiler.devirt made of it."""

    convinline: bool = True
    stackconv: frozenset[int] = frozenset()
    stacksites: frozenset[int] = frozenset()
    transient: frozenset[int] = frozenset()
    escapes: dict[int, bool] = field(default_factory=dict)
    devirt: Mapping[int, T.MethodCall | T.IfaceCall] = field(default_factory=dict)
    inlined: Mapping[int, str] = field(default_factory=dict)
    """id(call) -> the symbol of the callee's body lowered with the decisions escape
    analysis made for its copy there (walk_program's variants), which the call calls
    and the inliner copies."""
    opendefer: bool = True
    """Open-code the defers of functions gc 1.19 would (off: gc's -N or
    -d=noopendefer)."""
    byval: frozenset[int] = frozenset()
    """The uids of the variables closures capture by value (escape's byval): the closure
    object holds a copy, and the variable stays where it was."""
    unit: str = ""
    """The package lowered alone (compiler/units.py), "" for the whole program: names its
    data symbols (StaticData's unit)."""


class ProgBuilder:
    """What the functions of one program share: options, the functions lowered so far,
    data symbols (`static`), descriptors, itabs and method wrappers (`reflect`), the
    closures and `-fm` wrappers still to lower, and the runtime functions called."""

    def __init__(self, opts: Options, pkgs: Sequence[T.Package]) -> None:
        self.opts = opts
        self.funcs: list[ir.Func] = []
        self.static = StaticData(opts.unit)
        self.uid = -1
        declared = {d.func.symbol for p in pkgs for d in p.funcs if d.func is not None}
        # method types cost a func descriptor per method: only reflect reads them
        self.reflect = ReflectData(self.static, declared, self.new_uid,
                                   method_types=any(p.path == "reflect" for p in pkgs))
        self.fm_wrappers: set[str] = set()
        # uids of variables a closure built on the heap captures (program.heap_vars):
        # they live on the heap whatever the escape verdict says.
        self.captured_heap: set[int] = set()
        # uids of variables closures capture by value (escape's, and the go/defer
        # wrappers' bound values, never reassigned): the closure object holds the value
        self.byval: set[int] = set(opts.byval)
        self.closures: list[tuple[T.FuncDecl, str, set[int]]] = []
        # symbols of the closures called where they are written (closure's
        # direct_closure_call): their captured variables are leading parameters
        self.direct: set[str] = set()
        self.externs: set[str] = set()
        # size and pointer words of the types of slots made so far, by id of the type
        # (kept, so the id stays its): walk makes a slot per temporary
        self.layouts: dict[int, tuple[Type, int, Sequence[int]]] = {}

    def new_uid(self) -> int:
        """A fresh uid for a generated variable (negative: the checker's are positive)."""
        self.uid -= 1
        return self.uid


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


MapOperand = ir.Mem | T.VarRef
"""A map assignment's map or key: its value, or a variable read at the call."""


def fast_str(t: Type) -> bool:
    """Whether a map of type t is accessed through gc's string-keyed calls
    (`mapassign_faststr`, ...): a string key and an element of at most 128 bytes."""
    u = under(t)
    assert isinstance(u, Map)
    return is_string(u.key) and size_of(u.elem) <= 128


def sub(lv: LVal, off: int) -> LVal:
    """The location `off` bytes into lv."""
    if isinstance(lv, Direct):
        return Direct(at(lv.mem, off))
    return Indirect(lv.ptr, lv.off + off)


@dataclass(slots=True)
class Loop:
    """A break/continue target; `cont` is -1 for switch statements."""

    label: str | None
    brk: int
    cont: int


# ---------------------------------------------------------------------------------------
# Helpers that need no builder state


def align8(n: int) -> int:
    """n rounded up to a multiple of 8."""
    return (n + 7) // 8 * 8


def is_scalar(t: Type) -> bool:
    """Whether t is one machine word or less handled by integer instructions."""
    u = under(t)
    if isinstance(u, Basic):
        return u.kind not in (Kind.STRING, Kind.FLOAT32, Kind.FLOAT64, Kind.COMPLEX64,
                              Kind.COMPLEX128)
    return isinstance(u, Pointer | Map | Chan | Signature)


def float_bits(v: float, width: int) -> int:
    """The IEEE bits of v as a width-byte float."""
    if width == 4:
        return int(struct.unpack("<I", struct.pack("<f", v))[0])
    return int(struct.unpack("<Q", struct.pack("<d", v))[0])


def wrap_int(v: int, width: int) -> int:
    """v as a signed width-byte two's complement integer."""
    bits = 8 * width
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >= 1 << (bits - 1) else v


def has_call(e: object, ordered: bool = False) -> bool:
    """Whether evaluating e may call a function (and so change variables) or receive
    from a channel (which must happen even when the value is not needed); with
    ordered, also whether e holds a len or cap, which gc's order evaluates among the
    calls (ORDERED_BUILTINS)."""
    cls = type(e)
    kind = _CALL_KINDS.get(cls)
    if kind is None:
        kind = _call_kind(cls)
    what, names = kind
    if what is _CALL:
        return True
    if what is _BUILTIN and (ordered or e.name not in ("len", "cap")):  # type: ignore[attr-defined]
        return True
    for name in names:
        v = getattr(e, name)
        if isinstance(v, tuple):
            for x in v:
                if has_call(x, ordered):
                    return True
        else:
            enter = _ENTER.get(type(v))
            if enter is None:
                enter = _ENTER[type(v)] = hasattr(type(v), "__slots__") and not \
                    issubclass(type(v), Var | Func | Named)
            if enter and has_call(v, ordered):
                return True
    return False


_CALL = "call"
_BUILTIN = "builtin"
_CALL_KINDS: dict[type, tuple[str, tuple[str, ...]]] = {}
"""How has_call treats a class: _CALL (a call), _BUILTIN (a builtin call: a call unless
len or cap) or "" (neither), and the fields it searches (its own slots but pos and
type)."""
_ENTER: dict[type, bool] = {}
"""Whether has_call searches a field's value of the class (slotted, not a Var, Func or
Named)."""


def _call_kind(cls: type) -> tuple[str, tuple[str, ...]]:
    what = _CALL if issubclass(cls, T.Call | T.MethodCall | T.IfaceCall | T.FuncLit | T.Recv) \
        else _BUILTIN if issubclass(cls, T.BuiltinCall) else ""
    names = tuple(n for n in getattr(cls, "__slots__", ()) if n not in ("pos", "type"))
    _CALL_KINDS[cls] = kind = (what, names)
    return kind


ORDERED_BUILTINS = frozenset({"len", "cap", "real", "imag", "complex", "copy", "make", "new",
                              "append", "recover"})
"""Builtins gc's order evaluates as it does calls: at their place among the statement's
calls, into a temporary, before the statement's other operands are read."""


def is_call(e: T.Expr) -> bool:
    """Whether e is itself a call (or a builtin gc's order treats as one) whose value
    ORDERED_BUILTINS' rule evaluates ahead of the operands around it."""
    return isinstance(e, T.Call | T.MethodCall | T.IfaceCall) or (
        isinstance(e, T.BuiltinCall) and e.name in ORDERED_BUILTINS)


def calls_first(e: T.Expr) -> bool:
    """Whether a statement's or literal's value e is evaluated among its calls, ahead
    of the values that make none: e is a call or holds one (`false || g(1)`). gc's
    order hoists only the calls inside a value; refgo evaluates such a value whole at
    its turn, which keeps the calls in source order (do NOT test is_call alone: a
    call under an operator would then run after the plain calls beside it)."""
    return is_call(e) or has_call(e)


CMP_OPS = frozenset({"==", "!=", "<", "<=", ">", ">="})
INT_OPS = {
    "+": ir.Op.ADD, "-": ir.Op.SUB, "*": ir.Op.MUL, "/": ir.Op.DIV, "%": ir.Op.MOD,
    "&": ir.Op.AND, "|": ir.Op.OR, "^": ir.Op.XOR, "&^": ir.Op.ANDNOT, "<<": ir.Op.SHL,
    ">>": ir.Op.SHR, "==": ir.Op.EQ, "!=": ir.Op.NE, "<": ir.Op.LT, "<=": ir.Op.LE,
    ">": ir.Op.GT, ">=": ir.Op.GE,
}
FLOAT_OPS = {
    "+": ir.FOp.ADD, "-": ir.FOp.SUB, "*": ir.FOp.MUL, "/": ir.FOp.DIV, "==": ir.FOp.EQ,
    "!=": ir.FOp.NE, "<": ir.FOp.LT, "<=": ir.FOp.LE, ">": ir.FOp.GT, ">=": ir.FOp.GE,
}


# ---------------------------------------------------------------------------------------
# The shared state


class WalkerBase:
    """One function's lowering state; see the module docstring.

    `slots` are the frame's slots, `blocks`/`terms` the instructions and terminator of
    each block (None: still open), `cur` the block being filled; `locs` maps a variable's
    uid to its location, `heapvars` the uids of variables kept on the heap; `loops` are
    the enclosing break/continue targets, `labels` the blocks of labels; `results` the
    result variables with their slots, `exit` the block every return jumps to;
    `tuples` holds the values of a multi-value call whose results TupleElems read.
    """

    def __init__(self, pb: ProgBuilder, decl: T.FuncDecl, sym: str,
                 heapvars: set[int]) -> None:
        self.pb = pb
        self.decl = decl
        self.sym = sym
        self.slots: list[ir.Slot] = []
        self.slotnames: set[str] = set()
        # base name -> the last suffix slot() gave it: names are never freed, so the
        # next free suffix is never below it (do NOT probe from 1: an inlined body's
        # parameters repeat a name hundreds of times in one function)
        self.slotsuffix: dict[str, int] = {}
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
        # whether the frame records its defers with the runtime (not open-coded)
        self.rt_defers = False
        self.fallthrough_target = -1
        self.pkg = sym.split(".", 1)[0]
        self.ndefer = 0
        # open-coded defers (closure.open_defer): the deferBits byte, and per defer its
        # closure slot, the function the exit calls directly ("" if none) and position
        self.open_bits: ir.Local | None = None
        self.open_slots: list[tuple[ir.Local, str, Pos]] = []
        # ids of the defer statements at gc's loop depth 1 (closure.toplevel_defers)
        self.top_defers: set[int] = set()
        self.ngo = 0
        self.received: dict[int, list[ir.Mem]] = {}  # by id of the Recv (chan.py)
        self.tuples: dict[int, list[ir.Mem]] = {}  # TupleElem calls, by id of the call
        # set while lowering the operand of &x: `&p.f` and `&*p` nil-check p (gc does),
        # since computing an address does not touch memory.
        self.nilcheck_derefs = False
        # set while evaluating a go or defer statement's function and arguments into the
        # heap variables its wrapper closure captures: nothing is built on the stack then.
        self.wrapping = False
        # evaluating a once-run defer's function and arguments: they live until the
        # frame's exit, so a transient site must not be an order temporary
        self.deferring = False
        # gc's order temporaries (order_temp): those the statements being lowered
        # hold, innermost last, and the freed ones by type, for reuse.
        self.stmt_temps: list[tuple[str, ir.Local]] = []
        self.free_temps: dict[str, list[ir.Local]] = {}
        # values of calls evaluated ahead of the expression holding them (id(call) →
        # its result), which expr returns once: complit.slice_lit's order
        self.preval: dict[int, ir.Mem] = {}

    def slot(self, name: str, t: Type | int, kind: ir.SlotKind = ir.SlotKind.AUTO,
             off: int = 0, addrtaken: bool = False) -> ir.Local:
        """A fresh slot named `name` (made unique) holding a value of type (or size) t;
        addrtaken keeps it in memory, in every stack map (a stack object)."""
        base = name or "~p"
        n = base
        if n in self.slotnames:
            i = self.slotsuffix.get(base, 0)
            while n in self.slotnames:
                i += 1
                n = f"{base}#{i}"
            self.slotsuffix[base] = i
        self.slotnames.add(n)
        size: int
        ptrs: Sequence[int]
        if isinstance(t, int):
            size, ptrs = t, ()
        else:
            known = self.pb.layouts.get(id(t))
            if known is not None and known[0] is t:
                _, size, ptrs = known
            else:
                size, ptrs = size_of(t), pointer_words(t)
                self.pb.layouts[id(t)] = (t, size, ptrs)
        self.slots.append(ir.Slot(n, kind, size, ptrs, off, addrtaken,
                                  type=None if isinstance(t, int) else t))
        return ir.Local(n)

    def temp(self, t: Type | int, addrtaken: bool = False) -> ir.Local:
        """A fresh `.autotmp_N` slot holding a value of type (or size) t."""
        name = f".autotmp_{self.ntemp}"
        self.ntemp += 1
        return self.slot(name, t, addrtaken=addrtaken)

    def order_temp(self, t: Type) -> ir.Local:
        """A temporary of type t that serves the statement being lowered only (gc's
        order temporaries: a map key or channel value passed by address, a converted
        value): freed when the statement ends (release_temps) and then reused by a
        later one of the same type, so one stack slot stands for all of them. Its
        address must not outlive the statement: the runtime copies from it or into it
        during the call it is passed to."""
        key = type_string(t, link=True)
        free = self.free_temps.get(key)
        tmp = free.pop() if free else self.temp(t)
        self.stmt_temps.append((key, tmp))
        return tmp

    def release_temps(self, mark: int) -> None:
        """Free the order temporaries taken since len(stmt_temps) was mark."""
        for key, tmp in self.stmt_temps[mark:]:
            self.free_temps.setdefault(key, []).append(tmp)
        del self.stmt_temps[mark:]

    def emit(self, i: ir.Instr) -> None:
        """Append i to the current block (opening a fresh block after a terminator)."""
        if self.terms[self.cur] is not None:
            self.cur = self.new_block()
        self.blocks[self.cur].append(i)

    def new_block(self) -> int:
        """A new empty block's number (not made current)."""
        self.blocks.append([])
        self.terms.append(None)
        return len(self.blocks) - 1

    def term(self, t: ir.Term) -> None:
        """End the current block with t, unless it already ended."""
        if self.terms[self.cur] is None:
            self.terms[self.cur] = t

    def jump(self, pos: Pos, target: int) -> None:
        """End the current block with a jump to target."""
        self.term(ir.Jump(pos, target))

    def start(self, b: int) -> None:
        """Make block b current."""
        self.cur = b

    def branch(self, pos: Pos, cond: ir.Operand, then: int, els: int) -> None:
        """End the current block with `if cond then else els`."""
        self.term(ir.If(pos, cond, then, els))

    def move(self, pos: Pos, dst: ir.Mem, src: ir.Mem, size: int) -> None:
        """Copy size bytes from src to dst (a word move when size is 1, 2, 4 or 8)."""
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
        """Store the t at src into lv."""
        size = size_of(t)
        if size == 0:
            return
        if isinstance(lv, Direct):
            self.move(pos, lv.mem, src, size)
        else:
            self.emit(ir.Store(pos, lv.ptr, lv.off, src, size))

    def write_zero(self, pos: Pos, lv: LVal, t: Type) -> None:
        """Store t's zero value into lv."""
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
        """A fresh temp holding integer v in width bytes."""
        tmp = self.temp(width)
        self.emit(ir.Mov(pos, tmp, ir.Imm(v), width))
        return tmp

    def ccall(self, pos: Pos, sym: str, args: Sequence[ir.Operand],
              nres: int = 0, noreturn: bool = False) -> list[ir.Local]:
        """A call of runtime.sym (C ABI) with nres word results; a noreturn call ends the block."""
        res = [self.temp(8) for _ in range(nres)]
        self.emit(ir.CCall(pos, f"runtime.{sym}", tuple(args), tuple(res), noreturn))
        if noreturn:
            self.term(ir.Unreachable(pos))
        return res

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

    def stack_site(self, node: object, t: Type) -> bool:
        """Whether stack_object builds the allocation at node, of type t, on the stack."""
        size = size_of(t)
        return (id(node) in self.pb.opts.stacksites and not self.wrapping
                and 0 < size <= MAX_IMPLICIT_STACK_SIZE)

    def stack_object(self, pos: Pos, node: object, t: Type,
                     force: bool = False, filled: bool = False) -> ir.Local | None:
        """A pointer to a zeroed stack temporary of type t standing for the allocation at
        node, or None (the caller allocates on the heap).

        Contract: only when the escape pass proved node's object does not escape
        (id(node) in Options.stacksites), t is 1 byte to MAX_IMPLICIT_STACK_SIZE, and no
        go/defer wrapper is being built (its heap variables must not point into the
        stack). The slot is one per site: each evaluation (each loop iteration) zeroes it
        again, which is sound because a non-escaping object is unreachable once its
        evaluation's iteration ends; a transient site's is an order temporary, which a
        later statement reuses, sound because its object is unreachable once its
        statement ends. The slot is address-taken, so liveness lists its
        pointer words in every stack map of the frame (the GC scans it and stack copying
        adjusts pointers into it). force (a once-run defer's wrapper, closure.wrap_call)
        skips the conditions. filled skips the zeroing: the caller writes every byte of
        the temporary from values it already holds, with no call (so no collection and
        no stack copy) before the last write; a collection that finds the temporary
        through a preempted frame meanwhile reads stale words, which the marker checks
        like any conservative root."""
        if not force and not self.stack_site(node, t):
            return None
        if not force and id(node) in self.pb.opts.transient and not self.deferring:
            obj = self.order_temp(t)
        else:
            obj = self.temp(t)
        if filled:
            self.emit(ir.Zero(pos, obj, size_of(t), filled=True))
        else:
            self.write_zero(pos, Direct(obj), t)
        p = self.temp(Pointer(t))
        self.emit(ir.LoadAddr(pos, p, obj))
        return p

    def ordered(self, e: T.Expr) -> ir.Mem:
        """e's value now, as gc's order evaluates a call or ORDERED_BUILTINS' builtin
        among a statement's calls: len, cap, real and imag, whose value is a word of
        their operand (perhaps a variable a later call assigns), copied to a temporary."""
        m = self.expr(e)
        if isinstance(m, ir.Local) and m.slot.startswith(".autotmp"):
            return m
        return self.copy_temp(e.pos, m, e.type)

    def copy_temp(self, pos: Pos, m: ir.Mem, t: Type) -> ir.Local:
        """A fresh temp holding a copy of the t at m."""
        tmp = self.temp(t)
        self.move(pos, tmp, m, size_of(t))
        return tmp

    def order_copy(self, pos: Pos, m: ir.Mem, t: Type) -> ir.Local:
        """An order temporary (order_temp) holding a copy of the t at m."""
        tmp = self.order_temp(t)
        self.move(pos, tmp, m, size_of(t))
        return tmp

    def map_key(self, pos: Pos, k: T.Expr, t: Type) -> ir.Mem:
        """The memory holding key k of type t for a map call that takes its address:
        a package-level variable itself (gc passes its address), else an order
        temporary holding k."""
        m = self.expr(k)
        if isinstance(k, T.VarRef) and isinstance(m, ir.Global):
            return m
        return self.order_copy(pos, m, t)

    def ccall_sym(self, pos: Pos, sym: str, args: Sequence[ir.Operand],
                  nres: int) -> list[ir.Local]:
        """A C-ABI call of symbol sym with nres word results."""
        res = [self.temp(8) for _ in range(nres)]
        self.emit(ir.CCall(pos, sym, tuple(args), tuple(res)))
        return res

    def ext8(self, pos: Pos, m: ir.Mem, w: int, sg: bool) -> ir.Mem:
        """The integer at m (w bytes, signed if sg) widened to 8 bytes."""
        if w == 8:
            return m
        tmp = self.temp(8)
        self.emit(ir.Ext(pos, tmp, 8, m, w, sg))
        return tmp

    def as_f64(self, pos: Pos, m: ir.Mem, w: int) -> ir.Mem:
        """The float at m (w bytes) as a float64."""
        if w == 8:
            return m
        tmp = self.temp(8)
        self.emit(ir.FConv(pos, "f2f", tmp, 8, m, 4))
        return tmp

    if TYPE_CHECKING:
        # Defined by the mixin in the module named; declared here so that every mixin
        # can call them (keep in step: mypy checks each definition against these).
        # func.py
        def declare(self, pos: Pos, v: Var) -> LVal: ...
        def var(self, pos: Pos, v: Var) -> LVal: ...
        # stmt.py
        def block(self, b: T.Block) -> None: ...
        def cond(self, e: T.Expr, then: int, els: int) -> None: ...
        def expr_stmt(self, x: T.Expr) -> None: ...
        def stmt(self, s: T.Stmt) -> None: ...
        def stmts(self, ss: Sequence[T.Stmt]) -> None: ...
        # assign.py
        def assign(self, s: T.Assign) -> None: ...
        def lhs_pre(self, x: T.Expr, late: bool = False
                    ) -> LVal | tuple[MapOperand, MapOperand] | Callable[[], LVal]: ...
        def lhs_late(self, x: T.Expr) -> Callable[[], LVal] | None: ...
        def map_assign(self, pos: Pos, t: Type, m: MapOperand, k: MapOperand) -> ir.Local: ...
        def multi(self, e: T.Expr) -> list[ir.Mem]: ...
        def op_assign(self, s: T.OpAssign) -> None: ...
        def values(self, exprs: Sequence[T.Expr], n: int,
                   results: bool = False) -> list[ir.Mem]: ...
        def var_decl(self, s: T.VarDecl) -> None: ...
        # expr.py
        def addressable(self, e: T.Expr) -> bool: ...
        def expr(self, e: T.Expr) -> ir.Mem: ...
        def lvalue(self, e: T.Expr) -> LVal: ...
        # index.py
        def index_lval(self, e: T.Expr, x: T.Expr, ix: T.Expr) -> LVal: ...
        def index_lval_late(self, e: T.Index) -> Callable[[], LVal]: ...
        def int_word(self, pos: Pos, e: T.Expr) -> tuple[ir.Local, bool]: ...
        def map_index(self, e: T.MapIndex, commaok: bool) -> list[ir.Mem]: ...
        def slice_expr(self, e: T.SliceExpr) -> ir.Mem: ...
        def string_index(self, e: T.Index) -> ir.Mem: ...
        # operators.py
        def binary(self, e: T.Binary) -> ir.Mem: ...
        def binary_values(self, pos: Pos, op: str, rt: Type, xt: Type, x: ir.Mem,
                          y: ir.Mem | ir.Imm, yt: Type) -> ir.Mem: ...
        def unary(self, e: T.Unary) -> ir.Mem: ...
        # compare.py
        def compare(self, pos: Pos, op: str, t: Type, x: ir.Mem, y: ir.Mem) -> ir.Mem: ...
        # call.py
        def call(self, e: T.Call | T.MethodCall | T.IfaceCall) -> list[ir.Mem]: ...
        def args(self, es: Sequence[T.Expr]) -> list[ir.Mem]: ...
        def go_call(self, pos: Pos, target: str | ir.Mem, params: Sequence[Type],
                    args: Sequence[ir.Mem], results: Sequence[Type],
                    closure: bool = True) -> list[ir.Mem]: ...
        # closure.py
        def defer_stmt(self, s: T.Defer) -> None: ...
        def go_stmt(self, s: T.Go) -> None: ...
        def func_lit(self, e: T.FuncLit, stack: bool = False) -> ir.Mem: ...
        def func_value(self, pos: Pos, sym: str, t: Type) -> ir.Local: ...
        def open_exit(self, pos: Pos) -> None: ...
        def method_value(self, e: T.MethodValue | T.IfaceMethodValue) -> ir.Mem: ...
        def direct_closure_call(self, e: T.Call, lit: T.FuncLit) -> list[ir.Mem]: ...
        # builtin.py
        def builtin(self, e: T.BuiltinCall) -> ir.Mem: ...
        def make_map(self, pos: Pos, u: Map) -> ir.Mem: ...
        # chan.py
        def chan_len_cap(self, pos: Pos, name: str, c: ir.Mem) -> ir.Mem: ...
        def close_chan(self, e: T.BuiltinCall) -> None: ...
        def elem_addr(self, pos: Pos, buf: ir.Mem | None, t: Type) -> ir.Operand: ...
        def elem_buffer(self, pos: Pos, t: Type) -> ir.Local: ...
        def make_chan(self, e: T.BuiltinCall, u: Chan) -> ir.Mem: ...
        def recv(self, e: T.Recv, discard: bool = False) -> list[ir.Mem]: ...
        def send_stmt(self, s: T.Send) -> None: ...
        # convert.py
        def convert(self, e: T.Convert) -> ir.Mem: ...
        # iface.py
        def assert_call(self, pos: Pos, isym: ir.SymAddr,
                        tw: ir.Operand) -> Callable[[], ir.Operand]: ...
        def cached_itab(self, pos: Pos, key: ir.Operand,
                        miss: Callable[[], ir.Operand]) -> ir.Local: ...
        def dyn_type(self, pos: Pos, t: Type, x: ir.Mem) -> ir.Local: ...
        def type_assert(self, e: T.TypeAssert, commaok: bool) -> list[ir.Mem]: ...
        def unbox(self, pos: Pos, t: Type, data: ir.Mem, out: ir.Local) -> None: ...
        # complit.py
        def composite(self, lv: LVal, e: T.CompositeLit, zeroed: bool) -> None: ...
        # range.py
        def range_stmt(self, s: T.Range) -> None: ...
        # select.py
        def select_stmt(self, s: T.Select) -> None: ...
        # switch.py
        def switch_stmt(self, s: T.Switch) -> None: ...
        def type_switch(self, s: T.TypeSwitch) -> None: ...
