"""The lowered IR: functions of basic blocks of word-level instructions over stack slots.

walk produces it from the typed tree; inline and fold rewrite it; liveness, regalloc and
amd64 read it. Every value lives in a named stack slot (gc's names: `x`, `~r0`,
`.autotmp_3`, `&x` for a heap-moved variable's pointer), so liveness can name every
pointer word; regalloc later maps slot words to registers where no stack map needs
them in the frame. For

    func f(x int) int { return x * 8 }

walk produces (dump text):

    func main.f args=16
      slot x param size=8 off=0 ptrs=
      slot ~r0 result size=8 off=8 ptrs=
      slot .autotmp_0 auto size=8 ptrs=
    b0:
      x.go:1 mov w8 ~r0+0 <- $0
      x.go:1 binop mul w8 s .autotmp_0 <- x+0, $8
      x.go:1 mov w8 ~r0+0 <- .autotmp_0+0
      x.go:1 jump b1
    b1:
      x.go:1 ret

Operands: `Local(slot, off)` (bytes inside a stack slot), `Global(sym, off)` (bytes of a
data symbol), `Imm(value)` (an integer constant), `SymAddr(sym)` (the address of a symbol).
Scalar instructions carry a width (1, 2, 4 or 8 bytes) and, where it matters, whether the
operands are signed; a narrow value occupies exactly its width in its slot and is
sign/zero-extended when read. Calls are explicit instructions: `Call` uses the Go ABI
(arguments and results in the caller's outgoing area, see docs/internals.md "Runtime
ABI"), `CCall` the SysV ABI of the C runtime (one integer register per word).

This module imports no pass.

This module is long because it holds one frozen dataclass per instruction and operand kind
and their dump format, which every pass reads; it has no logic to split by concern.
"""

from __future__ import annotations

import copyreg
import enum
import types
from collections.abc import Callable, Sequence
from dataclasses import MISSING, dataclass, field, fields
from typing import TYPE_CHECKING, Any, TypeVar

from compiler.diag import Pos

if TYPE_CHECKING:
    from compiler.types.typ import Type

T_ = TypeVar("T_")


class SlotKind(enum.Enum):
    """Where a slot lives: a param/result in the caller's argument area, else the frame."""

    __hash__ = object.__hash__  # identity: see types.typ.Kind

    PARAM = "param"
    RESULT = "result"
    AUTO = "auto"


@dataclass(frozen=True, slots=True)
class Slot:
    """A stack slot. `off` is the byte offset in the argument area (PARAM/RESULT only);
    `ptrs` are the offsets of the words that may hold pointers (for liveness). `type` is
    the Go type of the value (liveness names pointer words by it); None marks a size-only
    compiler temporary, which may hold raw pointers in any word."""

    name: str
    kind: SlotKind
    size: int
    ptrs: Sequence[int] = ()
    off: int = 0
    addrtaken: bool = False
    type: Type | None = field(default=None, compare=False)

    def __init__(
            self, name: str, kind: SlotKind, size: int, ptrs: Sequence[int] = (),
            off: int = 0, addrtaken: bool = False, type: Type | None = None) -> None:
        self.name = name  # type: ignore[misc]
        self.kind = kind  # type: ignore[misc]
        self.size = size  # type: ignore[misc]
        self.ptrs = ptrs  # type: ignore[misc]
        self.off = off  # type: ignore[misc]
        self.addrtaken = addrtaken  # type: ignore[misc]
        self.type = type  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class Local:
    """Bytes at `off` inside stack slot `slot`."""

    slot: str
    off: int = 0

    def __str__(self) -> str:
        return f"{self.slot}+{self.off}"

    def __init__(self, slot: str, off: int = 0) -> None:
        self.slot = slot  # type: ignore[misc]
        self.off = off  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class Global:
    """Bytes at `off` inside data symbol `sym`."""

    sym: str
    off: int = 0

    def __str__(self) -> str:
        return f"{self.sym}+{self.off}(SB)"

    def __init__(self, sym: str, off: int = 0) -> None:
        self.sym = sym  # type: ignore[misc]
        self.off = off  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class Imm:
    value: int

    def __str__(self) -> str:
        return f"${self.value}"

    def __init__(self, value: int) -> None:
        self.value = value  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class SymAddr:
    """The address of a text or data symbol."""

    sym: str

    def __str__(self) -> str:
        return f"${self.sym}(SB)"

    def __init__(self, sym: str) -> None:
        self.sym = sym  # type: ignore[misc]


Mem = Local | Global
Operand = Local | Global | Imm | SymAddr


# ---------------------------------------------------------------------------------------
# Instructions (non-terminators)


@dataclass(frozen=True, slots=True)
class Mov:
    """dst = src, `width` bytes (a scalar word or part of one)."""

    pos: Pos
    dst: Mem
    src: Operand
    width: int = 8

    def __init__(self, pos: Pos, dst: Mem, src: Operand, width: int = 8) -> None:
        self.pos = pos  # type: ignore[misc]
        self.dst = dst  # type: ignore[misc]
        self.src = src  # type: ignore[misc]
        self.width = width  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class Copy:
    """Copy `size` bytes from src to dst (both memory; may be any size)."""

    pos: Pos
    dst: Mem
    src: Mem
    size: int

    def __init__(self, pos: Pos, dst: Mem, src: Mem, size: int) -> None:
        self.pos = pos  # type: ignore[misc]
        self.dst = dst  # type: ignore[misc]
        self.src = src  # type: ignore[misc]
        self.size = size  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class Zero:
    """Clear `size` bytes at dst. When filled, the code that follows writes every byte
    with no call and no read before the last write: the instruction then only marks
    where dst's value begins (gc's VarDef), for liveness, and emits nothing."""

    pos: Pos
    dst: Mem
    size: int
    filled: bool = False

    def __init__(self, pos: Pos, dst: Mem, size: int, filled: bool = False) -> None:
        self.pos = pos  # type: ignore[misc]
        self.dst = dst  # type: ignore[misc]
        self.size = size  # type: ignore[misc]
        self.filled = filled  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class LoadAddr:
    """dst = &src (an 8-byte pointer)."""

    pos: Pos
    dst: Mem
    src: Mem


@dataclass(frozen=True, slots=True)
class Load:
    """Copy `size` bytes from *(ptr + off) to dst, or *(ptr + idx*scale + off) with an
    index word (compiler/addrmode.py's element accesses, size ≤ 8); a nil ptr faults
    (SIGSEGV → panic)."""

    pos: Pos
    dst: Mem
    ptr: Mem
    off: int
    size: int
    idx: Local | None = None
    scale: int = 1

    def __init__(
            self, pos: Pos, dst: Mem, ptr: Mem, off: int, size: int,
            idx: Local | None = None, scale: int = 1) -> None:
        self.pos = pos  # type: ignore[misc]
        self.dst = dst  # type: ignore[misc]
        self.ptr = ptr  # type: ignore[misc]
        self.off = off  # type: ignore[misc]
        self.size = size  # type: ignore[misc]
        self.idx = idx  # type: ignore[misc]
        self.scale = scale  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class Store:
    """Copy `size` bytes from src to *(ptr + off), or *(ptr + idx*scale + off) (as Load)."""

    pos: Pos
    ptr: Mem
    off: int
    src: Mem
    size: int
    idx: Local | None = None
    scale: int = 1

    def __init__(
            self, pos: Pos, ptr: Mem, off: int, src: Mem, size: int,
            idx: Local | None = None, scale: int = 1) -> None:
        self.pos = pos  # type: ignore[misc]
        self.ptr = ptr  # type: ignore[misc]
        self.off = off  # type: ignore[misc]
        self.src = src  # type: ignore[misc]
        self.size = size  # type: ignore[misc]
        self.idx = idx  # type: ignore[misc]
        self.scale = scale  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class StoreZero:
    """Clear `size` bytes at *(ptr + off)."""

    pos: Pos
    ptr: Mem
    off: int
    size: int


class Op(enum.Enum):
    __hash__ = object.__hash__  # identity: see types.typ.Kind

    ADD = "add"
    SUB = "sub"
    MUL = "mul"
    DIV = "div"
    MOD = "mod"
    AND = "and"
    OR = "or"
    XOR = "xor"
    ANDNOT = "andnot"
    SHL = "shl"
    SHR = "shr"
    MULHI = "mulhi"
    EQ = "eq"
    NE = "ne"
    LT = "lt"
    LE = "le"
    GT = "gt"
    GE = "ge"


COMPARES = frozenset({Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE})


@dataclass(frozen=True, slots=True)
class BinOp:
    """dst = x op y on `width`-byte integers. Comparisons write a 1-byte bool.

    DIV/MOD panic on a zero divisor (runtime.panicdivide) and follow Go for MinInt/-1.
    SHL/SHR: y is an unsigned 64-bit count (walk checks negative counts); counts >= the
    width give 0 (or the sign fill for a signed SHR). MULHI: the high 8 bytes of the
    unsigned 16-byte product (bits.Mul64). `signed` is the operands' signedness.
    """

    pos: Pos
    op: Op
    dst: Mem
    x: Operand
    y: Operand
    width: int
    signed: bool

    def __init__(
            self, pos: Pos, op: Op, dst: Mem, x: Operand, y: Operand, width: int,
            signed: bool) -> None:
        self.pos = pos  # type: ignore[misc]
        self.op = op  # type: ignore[misc]
        self.dst = dst  # type: ignore[misc]
        self.x = x  # type: ignore[misc]
        self.y = y  # type: ignore[misc]
        self.width = width  # type: ignore[misc]
        self.signed = signed  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class UnOp:
    """dst = op x on `width`-byte values: "neg", "com" (^x), "not" (boolean !x),
    "len" (bits.Len64: the bit length, 0 for 0), "ctz" (bits.TrailingZeros64: 64 for 0)."""

    pos: Pos
    op: str
    dst: Mem
    x: Operand
    width: int

    def __init__(self, pos: Pos, op: str, dst: Mem, x: Operand, width: int) -> None:
        self.pos = pos  # type: ignore[misc]
        self.op = op  # type: ignore[misc]
        self.dst = dst  # type: ignore[misc]
        self.x = x  # type: ignore[misc]
        self.width = width  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class Ext:
    """dst (dwidth bytes) = src (swidth bytes), truncating or sign/zero-extending."""

    pos: Pos
    dst: Mem
    dwidth: int
    src: Operand
    swidth: int
    signed: bool

    def __init__(
            self, pos: Pos, dst: Mem, dwidth: int, src: Operand, swidth: int, signed: bool) -> None:
        self.pos = pos  # type: ignore[misc]
        self.dst = dst  # type: ignore[misc]
        self.dwidth = dwidth  # type: ignore[misc]
        self.src = src  # type: ignore[misc]
        self.swidth = swidth  # type: ignore[misc]
        self.signed = signed  # type: ignore[misc]


class FOp(enum.Enum):
    __hash__ = object.__hash__  # identity: see types.typ.Kind

    ADD = "add"
    SUB = "sub"
    MUL = "mul"
    DIV = "div"
    NEG = "neg"
    SQRT = "sqrt"
    FLOOR = "floor"
    CEIL = "ceil"
    TRUNC = "trunc"
    EQ = "eq"
    NE = "ne"
    LT = "lt"
    LE = "le"
    GT = "gt"
    GE = "ge"


FCOMPARES = frozenset({FOp.EQ, FOp.NE, FOp.LT, FOp.LE, FOp.GT, FOp.GE})
FUNARY = frozenset({FOp.NEG, FOp.SQRT, FOp.FLOOR, FOp.CEIL, FOp.TRUNC})


@dataclass(frozen=True, slots=True)
class FBinOp:
    """dst = x op y on floats of `width` bytes (4 or 8); comparisons write a bool.
    NEG, SQRT, FLOOR, CEIL and TRUNC (`FUNARY`) ignore y."""

    pos: Pos
    op: FOp
    dst: Mem
    x: Mem
    y: Mem
    width: int


@dataclass(frozen=True, slots=True)
class FConv:
    """Float/int conversions: kind is "i2f", "u2f", "f2i", "f2u" or "f2f";
    `dwidth`/`swidth` are the byte widths of the destination and source."""

    pos: Pos
    kind: str
    dst: Mem
    dwidth: int
    src: Mem
    swidth: int


@dataclass(frozen=True, slots=True)
class Arg:
    """One Go-ABI argument or result: `size` bytes at `off` in the outgoing area."""

    mem: Mem
    off: int
    size: int

    def __init__(self, mem: Mem, off: int, size: int) -> None:
        self.mem = mem  # type: ignore[misc]
        self.off = off  # type: ignore[misc]
        self.size = size  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class Call:
    """A Go-ABI call. `target` is a symbol (static) or, for an indirect call, the slot
    word holding a closure pointer (passed in %rdx; the code pointer is its first word)
    or, with closure=False, a code pointer (interface method calls).
    `args` are copied into the outgoing area before the call, `results` out after it."""

    pos: Pos
    target: str | Mem
    args: tuple[Arg, ...]
    results: tuple[Arg, ...]
    argsize: int
    closure: bool = True

    def __init__(
            self, pos: Pos, target: str | Mem, args: tuple[Arg, ...],
            results: tuple[Arg, ...], argsize: int, closure: bool = True) -> None:
        self.pos = pos  # type: ignore[misc]
        self.target = target  # type: ignore[misc]
        self.args = args  # type: ignore[misc]
        self.results = results  # type: ignore[misc]
        self.argsize = argsize  # type: ignore[misc]
        self.closure = closure  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class CCall:
    """A SysV call into the C runtime: each arg is one integer register word; `results`
    receive %rax and then %rdx. `noreturn` marks functions that never return."""

    pos: Pos
    sym: str
    args: tuple[Operand, ...]
    results: tuple[Mem, ...] = ()
    noreturn: bool = False

    def __init__(
            self, pos: Pos, sym: str, args: tuple[Operand, ...],
            results: tuple[Mem, ...] = (), noreturn: bool = False) -> None:
        self.pos = pos  # type: ignore[misc]
        self.sym = sym  # type: ignore[misc]
        self.args = args  # type: ignore[misc]
        self.results = results  # type: ignore[misc]
        self.noreturn = noreturn  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class ClosurePtr:
    """dst = the closure context pointer (%rdx) on entry; must be a function's first
    instruction."""

    pos: Pos
    dst: Mem


@dataclass(frozen=True, slots=True)
class DeferProc:
    """Record the func() closure in `clo` as deferred by this frame; a recovered panic
    resumes the frame at block `exit` (which starts with DeferReturn). The record is
    the address-taken auto `record` (DEFER_RECORD bytes: a defer that runs at most once
    per call, gc's stack-allocated defer) or, if None, allocated on the heap."""

    pos: Pos
    clo: Mem
    exit: int
    record: Local | None = None


DEFER_RECORD = 48
"""The bytes of the runtime's defer record (sched.h deferrec)."""


@dataclass(frozen=True, slots=True)
class NilCheck:
    """Fault (→ nil-dereference panic) if the pointer in ptr is nil; emitted before
    accesses that could land far from address 0."""

    pos: Pos
    ptr: Mem


@dataclass(frozen=True, slots=True)
class DeferReturn:
    """Run this frame's deferred calls (runtime.deferreturn)."""

    pos: Pos


@dataclass(frozen=True, slots=True)
class OpenDefers:
    """The frame's defers are open-coded (gc's scheme): defer k stores its func() closure
    in auto `slots[k]` and sets bit k of the byte auto `bits`; block `exit` calls the
    closures whose bits are set, newest first, clearing each bit before its call. Both
    are zeroed at entry, and the runtime reads them when a panic unwinds the frame
    (its stack maps carry their offsets), so the slots are live at every call. Emits no
    code."""

    pos: Pos
    bits: str
    slots: tuple[str, ...]
    exit: int
    at: tuple[Pos, ...] = ()
    """The defer statements' positions (-d=defer)."""


Instr = (
    Mov | Copy | Zero | LoadAddr | Load | Store | StoreZero | BinOp | UnOp | Ext | FBinOp
    | FConv | Call | CCall | ClosurePtr | DeferProc | DeferReturn | NilCheck | OpenDefers
)

CALLS = (Call, CCall, DeferProc, DeferReturn)
"""The instructions that call out of the function: the safe points liveness maps, the
places no value stays in a caller-saved register across."""


# ---------------------------------------------------------------------------------------
# Terminators


@dataclass(frozen=True, slots=True)
class Jump:
    pos: Pos
    target: int

    def __init__(self, pos: Pos, target: int) -> None:
        self.pos = pos  # type: ignore[misc]
        self.target = target  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class If:
    """Branch on the 1-byte boolean cond."""

    pos: Pos
    cond: Operand
    then: int
    els: int

    def __init__(self, pos: Pos, cond: Operand, then: int, els: int) -> None:
        self.pos = pos  # type: ignore[misc]
        self.cond = cond  # type: ignore[misc]
        self.then = then  # type: ignore[misc]
        self.els = els  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class Ret:
    pos: Pos

    def __init__(self, pos: Pos) -> None:
        self.pos = pos  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class Unreachable:
    """The block ends in a call that never returns."""

    pos: Pos


Term = Jump | If | Ret | Unreachable


@dataclass(frozen=True, slots=True)
class Block:
    index: int
    instrs: tuple[Instr, ...]
    term: Term

    def __init__(self, index: int, instrs: tuple[Instr, ...], term: Term) -> None:
        self.index = index  # type: ignore[misc]
        self.instrs = instrs  # type: ignore[misc]
        self.term = term  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class Func:
    """A lowered function; `argsize` is its params+results area size, blocks[0] is the
    entry. `slots` lists params and results first (in order), then autos. `generated`
    marks compiler-generated functions (wrappers, deferwrap closures, init), which
    `-live` does not report on; `noinline` a `//go:noinline` declaration; `wrapper` the
    functions gc marks as wrappers (method wrappers, go and defer wrappers, method
    values' `-fm`, reflect.callReflect), through which a deferred call still recovers
    (runtime.functab's flag)."""

    name: str
    pos: Pos
    slots: tuple[Slot, ...]
    blocks: tuple[Block, ...]
    argsize: int
    generated: bool = False
    noinline: bool = False
    wrapper: bool = False

    # Several passes ask these of every function: one scan answers all three, memoized
    # by the blocks (_defer_facts).

    @property
    def defers(self) -> bool:
        """Whether the function defers: a recovered panic may then resume it at its exit
        block from any call, so passes that assume straight-line control leave it alone."""
        return _defer_facts(self.blocks)[1]

    @property
    def defer_exits(self) -> frozenset[int]:
        """The exit blocks a recovered panic resumes at (the DeferProc targets, or the
        open-coded defers' exit)."""
        return _defer_facts(self.blocks)[2]

    @property
    def open_defers(self) -> OpenDefers | None:
        """The frame's open-coded defers, if it has them."""
        return _defer_facts(self.blocks)[3]


MEMO_MAX = 256
"""The function bodies whose facts _defer_facts and loops keep (a pass asks of one
body at a time; several passes ask of the same one)."""
_DEFERS: dict[int, tuple[tuple[Block, ...], bool, frozenset[int], OpenDefers | None]] = {}


def _defer_facts(blocks: tuple[Block, ...]
                 ) -> tuple[tuple[Block, ...], bool, frozenset[int], OpenDefers | None]:
    """(blocks, whether they defer, the defers' exit blocks, the open-coded defers),
    memoized by the identity of blocks (kept alive in the entry, so the id stays its
    own)."""
    hit = _DEFERS.get(id(blocks))
    if hit is not None and hit[0] is blocks:
        return hit
    defers = False
    exits: list[int] = []
    od: OpenDefers | None = None
    for b in blocks:
        for i in b.instrs:
            t = type(i)
            if t is DeferProc or t is OpenDefers or t is DeferReturn:
                defers = True
                if isinstance(i, DeferProc | OpenDefers):
                    exits.append(i.exit)
                if isinstance(i, OpenDefers) and od is None:
                    od = i
    if len(_DEFERS) >= MEMO_MAX:
        _DEFERS.clear()
    hit = _DEFERS[id(blocks)] = (blocks, defers, frozenset(exits), od)
    return hit


@dataclass(frozen=True, slots=True)
class Reloc:
    """The 8-byte word at `off` in a data symbol holds the address of `sym`."""

    off: int
    sym: str
    weak: tuple[str, ...] = ()
    """If not empty, a method table's reference (compiler/linkweak.py): the linker keeps
    sym for it only if one of these pseudo-symbols is reached, and writes 0 otherwise."""


@dataclass(frozen=True, slots=True)
class Data:
    """A data symbol: initial bytes plus address relocations; `readonly` for rodata;
    `ptrs` are the pointer-word offsets of a global variable (for a future GC's roots).
    `bss` > 0 marks a zero-initialised variable of that many bytes (data is then empty)."""

    sym: str
    data: bytes
    relocs: tuple[Reloc, ...] = ()
    readonly: bool = True
    ptrs: Sequence[int] = ()
    align: int = 8
    bss: int = 0
    marks: tuple[str, ...] = ()
    """Pseudo-symbols reaching this symbol reaches (an interface's method keys,
    compiler/linkweak.py): named in a comment of its text, defined nowhere."""


@dataclass(frozen=True, slots=True)
class Program:
    """The whole lowered program. `externs` are the bodyless (runtime-implemented)
    functions it calls."""

    funcs: tuple[Func, ...]
    data: tuple[Data, ...]
    files: tuple[str, ...] = field(default=())
    externs: tuple[str, ...] = ()


@dataclass(slots=True)
class Access:
    """One reference of an instruction to a stack slot: bytes [off, off+size). Its
    __init__ is spelled out: mypyc compiles it, where dataclasses' generated one runs
    interpreted (every back-end pass builds these per instruction). Do NOT add a field
    without adding it there."""

    slot: str
    off: int
    size: int
    is_def: bool

    def __init__(self, slot: str, off: int, size: int, is_def: bool) -> None:
        self.slot = slot
        self.off = off
        self.size = size
        self.is_def = is_def


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(cls: type) -> tuple[str, ...]:
    """The init fields of dataclass cls, in order (computed once per class)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls) if f.init)
    return names


OPERAND_FIELDS: dict[type, tuple[str, ...]] = {
    Arg: ("mem",),
    BinOp: ("dst", "x", "y"),
    CCall: ("args", "results"),
    Call: ("target", "args", "results"),
    ClosurePtr: ("dst",),
    Copy: ("dst", "src"),
    DeferProc: ("clo", "record"),
    Ext: ("dst", "src"),
    FBinOp: ("dst", "x", "y"),
    FConv: ("dst", "src"),
    If: ("cond",),
    Load: ("dst", "ptr", "idx"),
    LoadAddr: ("dst", "src"),
    Mov: ("dst", "src"),
    NilCheck: ("ptr",),
    Store: ("ptr", "src", "idx"),
    StoreZero: ("ptr",),
    UnOp: ("dst", "x"),
    Zero: ("dst",),
}
"""The init fields of each IR class whose declared type may hold a Local (itself, in an
Arg or in a tuple: a Mem, Operand, Local or Arg), in order; a position, an opcode, a
width or a symbol name is none of them. Spelled out, not read from the annotations: a
class mypyc compiled (compiler/accel) reports a union field's type as `type`.
tests/test_accel.py checks it against ir.py's annotations."""


def operand_fields(cls: type) -> tuple[str, ...]:
    """The fields of IR class cls that a pass renaming slots visits (OPERAND_FIELDS)."""
    return OPERAND_FIELDS.get(cls, ())


def evolve(obj: T_, **changes: Any) -> T_:
    """dataclasses.replace(obj, **changes) for a dataclass whose fields are all init
    fields (every IR class, Pos), without replace's scan of the fields at each call:
    the inliner, fold and regalloc rebuild instructions by the hundred thousand."""
    for n in field_names(type(obj)):
        if n not in changes:
            changes[n] = getattr(obj, n)
    return type(obj)(**changes)


NATIVE_INIT: tuple[type, ...] = (
    Slot, Local, Global, Imm, SymAddr, Mov, Copy, Zero, Load, Store, BinOp, UnOp, Ext, Arg,
    Call, CCall, Jump, If, Ret, Block,
)
"""The frozen classes whose class body spells out `__init__` as plain field stores:
mypyc compiles that one to native stores, where it keeps dataclasses' generated
__init__ interpreted (the passes build these by the hundred thousand: the interpreted
__init__ cost 8x the native one). Each is passed to frozen_init below."""


def frozen_init(cls: type) -> None:
    """Make the spelled-out __init__ of frozen dataclass cls work when cls runs
    interpreted, where its frozen __setattr__ refuses the stores: there it becomes the
    same stores through the fields' slot descriptors (dccache's form of dataclasses'
    own). Compiled, the native __init__ stays. Raises TypeError where the spelled-out
    parameters are not the fields in order with their defaults (do NOT add a field
    without adding it to __init__)."""
    names = field_names(cls)
    copyreg.pickle(cls, _reduce)
    init = cls.__dict__["__init__"]
    if not isinstance(init, types.FunctionType):
        return
    code = init.__code__
    defaults = init.__defaults__ or ()
    first = len(names) - len(defaults)
    want = tuple(f.default for f in fields(cls) if f.init)
    if code.co_varnames[1:code.co_argcount] != names or code.co_kwonlyargcount or \
            any(want[k] != d for k, d in enumerate(defaults, first)) or \
            any(d is not MISSING for d in want[:first]) or \
            any(d is MISSING for d in want[first:]):
        raise TypeError(f"{cls.__qualname__}.__init__ does not take its fields in order")
    env: dict[str, Any] = {f"_set_{n}": cls.__dict__[n].__set__ for n in names}
    env.update((f"_d_{names[k]}", d) for k, d in enumerate(defaults, first))
    params = [n if k < first else f"{n}=_d_{n}" for k, n in enumerate(names)]
    exec(f"def __init__(self, {', '.join(params)}):\n"  # noqa: S102 (fixed text)
         + "".join(f" _set_{n}(self, {n})\n" for n in names), env)
    fn = env["__init__"]
    fn.__qualname__ = f"{cls.__qualname__}.__init__"
    type.__setattr__(cls, "__init__", fn)


def _reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
    """How pickle rebuilds a frozen_init class's instance: by calling the class with its
    fields (a compiled one's __new__ runs its __init__, so it cannot be made empty)."""
    cls = type(obj)
    return cls, tuple([getattr(obj, n) for n in field_names(cls)])


for _cls in NATIVE_INIT:
    frozen_init(_cls)


def accesses(i: Instr) -> list[Access]:
    """The slot references of i, uses before defs as the operands come; a def always
    writes every byte it names. Do NOT add an instruction kind here without teaching
    amd64 to place its operands by `loc` (regalloc keeps what this names in registers).
    A list built by one handler per class: every back-end pass asks, per instruction."""
    h = _ACCESS.get(type(i))
    return h(i) if h is not None else []


def _acc(out: list[Access], m: object, size: int, is_def: bool) -> None:
    if type(m) is Local:
        out.append(Access(m.slot, m.off, size, is_def))


def _acc_mov(i: Mov | Copy | Ext | FConv) -> list[Access]:
    if isinstance(i, Mov):
        s, d, ws, wd = i.src, i.dst, i.width, i.width
    elif isinstance(i, Copy):
        s, d, ws, wd = i.src, i.dst, i.size, i.size
    else:
        s, d, ws, wd = i.src, i.dst, i.swidth, i.dwidth
    out: list[Access] = []
    if type(s) is Local:
        out.append(Access(s.slot, s.off, ws, False))
    if type(d) is Local:
        out.append(Access(d.slot, d.off, wd, True))
    return out


def _acc_zero(i: Zero) -> list[Access]:
    d = i.dst
    return [Access(d.slot, d.off, i.size, True)] if type(d) is Local else []


def _acc_dst8(i: LoadAddr | ClosurePtr) -> list[Access]:
    d = i.dst
    return [Access(d.slot, d.off, 8, True)] if type(d) is Local else []


def _acc_load(i: Load) -> list[Access]:
    out: list[Access] = []
    _acc(out, i.ptr, 8, False)
    if i.idx is not None:
        _acc(out, i.idx, 8, False)
    _acc(out, i.dst, i.size, True)
    return out


def _acc_store(i: Store) -> list[Access]:
    out: list[Access] = []
    _acc(out, i.ptr, 8, False)
    if i.idx is not None:
        _acc(out, i.idx, 8, False)
    _acc(out, i.src, i.size, False)
    return out


def _acc_ptr8(i: StoreZero | NilCheck) -> list[Access]:
    p = i.ptr
    return [Access(p.slot, p.off, 8, False)] if type(p) is Local else []


def _acc_binop(i: BinOp | FBinOp) -> list[Access]:
    out: list[Access] = []
    w = i.width
    x, y, d = i.x, i.y, i.dst
    if type(x) is Local:
        out.append(Access(x.slot, x.off, w, False))
    if type(y) is Local:
        out.append(Access(y.slot, y.off, w, False))
    if type(d) is Local:
        cmp = i.op in COMPARES if type(i) is BinOp else i.op in FCOMPARES
        out.append(Access(d.slot, d.off, 1 if cmp else w, True))
    return out


def _acc_unop(i: UnOp) -> list[Access]:
    out: list[Access] = []
    _acc(out, i.x, i.width, False)
    _acc(out, i.dst, i.width, True)
    return out


def _acc_call(i: Call) -> list[Access]:
    out: list[Access] = []
    if not isinstance(i.target, str):
        _acc(out, i.target, 8, False)
    for a in i.args:
        _acc(out, a.mem, a.size, False)
    for r in i.results:
        _acc(out, r.mem, r.size, True)
    return out


def _acc_ccall(i: CCall) -> list[Access]:
    out: list[Access] = []
    for x in i.args:
        _acc(out, x, 8, False)
    for m in i.results:
        _acc(out, m, 8, True)
    return out


def _acc_defer(i: DeferProc) -> list[Access]:
    c = i.clo
    return [Access(c.slot, c.off, 8, False)] if type(c) is Local else []


_ACCESS: dict[type, Callable[[Any], list[Access]]] = {
    Mov: _acc_mov, Copy: _acc_mov, Ext: _acc_mov, FConv: _acc_mov, Zero: _acc_zero,
    LoadAddr: _acc_dst8, ClosurePtr: _acc_dst8, Load: _acc_load, Store: _acc_store,
    StoreZero: _acc_ptr8, NilCheck: _acc_ptr8, BinOp: _acc_binop, FBinOp: _acc_binop,
    UnOp: _acc_unop, Call: _acc_call, CCall: _acc_ccall, DeferProc: _acc_defer,
}
ACCESS_CLASSES = frozenset(_ACCESS)
"""The instruction classes accesses has a handler for."""


def successors(t: Term) -> tuple[int, ...]:
    """The blocks t may go to."""
    if type(t) is Jump:
        return (t.target,)
    if type(t) is If:
        return (t.then, t.els)
    return ()


_LOOPS: dict[int, tuple[tuple[Block, ...], dict[int, set[int]]]] = {}


def loops(f: Func) -> dict[int, set[int]]:
    """f's natural loops, header block -> body blocks (header included): for each back
    edge of a depth-first walk from the entry, the blocks that reach the edge's source
    without passing the header. Loops sharing a header are one. Memoized by f's blocks
    (inline, hoist, regalloc and amd64 ask of the same body): do NOT modify the result."""
    hit = _LOOPS.get(id(f.blocks))
    if hit is not None and hit[0] is f.blocks:
        return hit[1]
    out = _loops(f)
    if len(_LOOPS) >= MEMO_MAX:
        _LOOPS.clear()
    _LOOPS[id(f.blocks)] = (f.blocks, out)
    return out


def _loops(f: Func) -> dict[int, set[int]]:
    """loops(f), computed."""
    succ = {b.index: successors(b.term) for b in f.blocks}
    pred: dict[int, list[int]] = {b.index: [] for b in f.blocks}
    for b in f.blocks:
        for s in succ[b.index]:
            pred[s].append(b.index)
    entry = f.blocks[0].index
    state = {entry: 1}  # 1 on the walk's stack, 2 finished
    stack = [(entry, iter(succ[entry]))]
    out: dict[int, set[int]] = {}
    while stack:
        n, it = stack[-1]
        t: int | None = next(it, None)
        if t is None:
            state[n] = 2
            stack.pop()
        elif t not in state:
            state[t] = 1
            stack.append((t, iter(succ[t])))
        elif state[t] == 1:
            body = out.setdefault(t, {t})
            work = [n]
            while work:
                x = work.pop()
                if x not in body:
                    body.add(x)
                    work.extend(pred[x])
    return out


def renumber(blocks: list[Block]) -> tuple[Block, ...]:
    """blocks numbered 0, 1, ... in list order, terms' and defers' block numbers
    following. Liveness indexes blocks by number and regalloc and amd64 lay them out in
    that order: a pass that adds or drops blocks renumbers (do NOT leave gaps, or
    inlined blocks numbered after all of the caller's)."""
    num = {b.index: k for k, b in enumerate(blocks)}
    out = []
    for b in blocks:
        t = b.term
        match t:
            case Jump(target=tg):
                t = evolve(t, target=num[tg]) if num[tg] != tg else t
            case If(then=th, els=el):
                t = evolve(t, then=num[th], els=num[el]) \
                    if num[th] != th or num[el] != el else t
        instrs = tuple(evolve(i, exit=num[i.exit])
                       if isinstance(i, DeferProc | OpenDefers) else i for i in b.instrs)
        out.append(Block(num[b.index], instrs, t))
    return tuple(out)


def _operand(x: Operand) -> str:
    return str(x)


def _instr(i: Instr) -> str:
    match i:
        case Mov(dst=d, src=s, width=w):
            return f"mov w{w} {d} <- {_operand(s)}"
        case Copy(dst=d, src=s, size=n):
            return f"copy {n} {d} <- {s}"
        case Zero(dst=d, size=n):
            return f"zero {n} {d}"
        case LoadAddr(dst=d, src=s):
            return f"addr {d} <- &{s}"
        case Load(dst=d, ptr=p, off=o, size=n, idx=x, scale=k):
            return f"load {n} {d} <- *({p}{_index(x, k)})+{o}"
        case Store(ptr=p, off=o, src=s, size=n, idx=x, scale=k):
            return f"store {n} *({p}{_index(x, k)})+{o} <- {s}"
        case StoreZero(ptr=p, off=o, size=n):
            return f"storezero {n} *({p})+{o}"
        case BinOp(op=op, dst=d, x=x, y=y, width=w, signed=sg):
            return f"binop {op.value} w{w} {'s' if sg else 'u'} {d} <- {x}, {y}"
        case UnOp(op=op, dst=d, x=x, width=w):
            return f"unop {op} w{w} {d} <- {x}"
        case Ext(dst=d, dwidth=dw, src=s, swidth=sw, signed=sg):
            return f"ext w{sw}->w{dw} {'s' if sg else 'u'} {d} <- {s}"
        case FBinOp(op=op, dst=d, x=x, y=y, width=w):
            return f"fop {op.value} w{w} {d} <- {x}, {y}"
        case FConv(kind=k, dst=d, dwidth=dw, src=s, swidth=sw):
            return f"fconv {k} w{sw}->w{dw} {d} <- {s}"
        case Call(target=t, args=a, results=r, argsize=n):
            args = " ".join(f"{x.mem}@{x.off}" for x in a)
            res = " ".join(f"{x.mem}@{x.off}" for x in r)
            tgt = t if isinstance(t, str) else f"*{t}" if i.closure else f"code {t}"
            return f"call {tgt} args={n} [{args}] -> [{res}]"
        case CCall(sym=s, args=a, results=r, noreturn=nr):
            args = ", ".join(_operand(x) for x in a)
            res = ", ".join(str(x) for x in r)
            return f"ccall {s}({args}) -> [{res}]{' noreturn' if nr else ''}"
        case ClosurePtr(dst=d):
            return f"closureptr {d}"
        case DeferProc(clo=c, exit=b, record=r):
            return f"deferproc {c} exit=b{b}" + (f" record={r}" if r is not None else "")
        case DeferReturn():
            return "deferreturn"
        case OpenDefers(bits=bits, slots=slots, exit=b):
            return f"opendefers bits={bits} [{' '.join(slots)}] exit=b{b}"
        case NilCheck(ptr=p):
            return f"nilcheck {p}"
    raise TypeError(f"unknown instruction {i!r}")


def _index(x: Local | None, scale: int) -> str:
    return "" if x is None else f" + {x}*{scale}"


def _term(t: Term) -> str:
    match t:
        case Jump(target=b):
            return f"jump b{b}"
        case If(cond=c, then=a, els=b):
            return f"if {c} b{a} b{b}"
        case Ret():
            return "ret"
        case Unreachable():
            return "unreachable"
    raise TypeError(f"unknown terminator {t!r}")


def _line(pos: Pos) -> str:
    return f"{pos.file.rsplit('/', 1)[-1]}:{pos.line}"


def dump_func(f: Func) -> str:
    """The stable text form of one function (see the module docstring)."""
    out = [f"func {f.name} args={f.argsize}"]
    for s in f.slots:
        ptrs = ",".join(str(p) for p in s.ptrs)
        where = f" off={s.off}" if s.kind is not SlotKind.AUTO else ""
        at = " addrtaken" if s.addrtaken else ""
        out.append(f"  slot {s.name} {s.kind.value} size={s.size}{where} ptrs={ptrs}{at}")
    for b in f.blocks:
        out.append(f"b{b.index}:")
        for i in b.instrs:
            out.append(f"  {_line(i.pos)} {_instr(i)}")
        out.append(f"  {_line(b.term.pos)} {_term(b.term)}")
    return "\n".join(out) + "\n"


def dump(p: Program) -> str:
    """The stable text form of a program: functions, then data symbols."""
    out: list[str] = [dump_func(f) for f in p.funcs]
    for d in p.data:
        rel = " ".join(f"{r.off}:{r.sym}" for r in d.relocs)
        ro = "rodata" if d.readonly else "data"
        if d.bss:
            out.append(f"bss {d.sym} size={d.bss}\n")
            continue
        out.append(f"{ro} {d.sym} size={len(d.data)} {d.data.hex()} [{rel}]\n")
    return "".join(out)
