"""FuncBuilder, the composition of walk's mixins, and the function frame: parameter and
result slots, captured variables, variables' storage, the exit block.

For

    func f(p *int, n int) (r int) { defer g(); r = *p + n; return }

`build` lays out p at argument offset 0, n at 8 and r at 16 (args=24), zeroes r at
entry, lowers the body (each `return` writes the results, calls the open-coded
defers whose bits are set, and jumps to the exit block: closure.open_defer; g() is one),
and ends the exit block with `ret`. When the frame records defers with the runtime
instead, each return calls `deferreturn` at its own line (the closing brace's when
the body falls off its end), as gc's, and a recovered panic resumes the frame at a
block of the recovering defer's that calls it before the exit. A parameter
or result that must live on the heap is copied into a fresh heap object at entry (and
loaded back into its slot at the exit).
"""

from __future__ import annotations

from collections.abc import Sequence

from compiler import ir
from compiler.diag import Pos
from compiler.staticdata import global_sym
from compiler.types.typ import (
    UINTPTR,
    Basic,
    Field,
    Kind,
    Pointer,
    Struct,
    Var,
    VarKind,
    size_of,
    struct_layout,
)
from compiler.walk.assign import AssignWalker
from compiler.walk.base import (
    INIT_DECL,
    Direct,
    Indirect,
    LVal,
    align8,
)
from compiler.walk.builtin import BuiltinWalker
from compiler.walk.call import CallWalker
from compiler.walk.chan import ChanWalker
from compiler.walk.closure import ClosureWalker, open_codable, toplevel_defers
from compiler.walk.compare import CompareWalker
from compiler.walk.complit import ComplitWalker
from compiler.walk.convert import ConvertWalker
from compiler.walk.expr import ExprWalker
from compiler.walk.iface import IfaceWalker
from compiler.walk.index import IndexWalker
from compiler.walk.operators import OperatorWalker
from compiler.walk.range import RangeWalker
from compiler.walk.select import SelectWalker
from compiler.walk.stmt import StmtWalker
from compiler.walk.switch import SwitchWalker


class FuncBuilder(
    StmtWalker, AssignWalker, ExprWalker, IndexWalker, OperatorWalker, CompareWalker,
    CallWalker, ClosureWalker, BuiltinWalker, ConvertWalker, IfaceWalker, ComplitWalker,
    RangeWalker, SwitchWalker, ChanWalker, SelectWalker,
):
    """Lowers one function body (or closure) to an ir.Func."""

    def is_heap(self, v: Var) -> bool:
        """Whether local v lives on the heap: captured by a closure built on the heap, else
        the escape pass's verdict, else address-taken or captured."""
        if v.uid in self.pb.captured_heap:
            return True
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
        """The location of variable v (package-level ones are their data symbol)."""
        lv = self.locs.get(v.uid)
        if lv is not None:
            return lv
        if v.kind is VarKind.GLOBAL:
            lv = Direct(ir.Global(global_sym(v)))
            self.locs[v.uid] = lv
            return lv
        return self.declare(pos, v)

    def build(self, captures: Sequence[Var] = (), direct: bool = False) -> ir.Func:
        """Lower the declaration's body; captures are a closure's context words, or with
        direct its leading parameters (closure.direct_closure_call)."""
        d = self.decl
        pos = d.pos
        off = 0
        params = ([d.recv] if d.recv is not None else []) + list(d.params)
        pslots: list[tuple[Var, ir.Local]] = []
        if direct:
            for v in captures:
                off = align8(off)
                if v.uid in self.pb.byval:
                    self.locs[v.uid] = Direct(self.slot(v.name, v.type, ir.SlotKind.PARAM,
                                                        off))
                    off += size_of(v.type)
                    continue
                ptr = self.slot("&" + v.name, Pointer(v.type), ir.SlotKind.PARAM, off)
                self.locs[v.uid] = Indirect(ptr, 0)
                off += 8
            captures = ()
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
            byval = self.pb.byval
            offs = struct_layout(Struct((Field("F", UINTPTR),) + tuple(
                Field(v.name, v.type if v.uid in byval else Pointer(v.type))
                for v in captures)))[0]
            for i, v in enumerate(captures):
                if v.uid in byval:
                    self.locs[v.uid] = Indirect(ctx, offs[i + 1])
                    continue
                ptr = self.slot("&" + v.name, Pointer(v.type))
                self.emit(ir.Load(pos, ptr, ctx, offs[i + 1], 8))
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
        if self.sym in self.pb.reflect.panicwraps:
            nil = self.temp(1)
            self.emit(ir.BinOp(pos, ir.Op.EQ, nil, pslots[0][1], ir.Imm(0), 8, False))
            self.panic_if(pos, nil, "panicwrap", [])
        self.exit = self.new_block()
        assert d.body is not None
        self.top_defers = toplevel_defers(d.body)[1]
        if self.pb.opts.opendefer and open_codable(d.body) and not any(
                isinstance(self.locs[v.uid], Indirect) for v, _ in self.results):
            # gc's open-coded defers: deferBits and the closure slots zeroed at entry
            self.open_bits = self.temp(1, addrtaken=True)
        else:
            self.rt_defers = bool(toplevel_defers(d.body)[0])
        self.block(d.body)
        if self.open_bits is not None:
            # before any call: a panic from one reads them
            slots = [s for s, _, _ in self.open_slots]
            code = self.blocks[0]
            k = sum(1 for i in code if isinstance(i, ir.ClosurePtr))
            code[k:k] = [ir.OpenDefers(pos, self.open_bits.slot, tuple(s.slot for s in slots),
                                       self.exit, tuple(p for _, _, p in self.open_slots)),
                         ir.Mov(pos, self.open_bits, ir.Imm(0), 1),
                         *(ir.Mov(pos, s, ir.Imm(0), 8) for s in slots)]
        if not self.ndefer and zeroes:
            # Every return writes unnamed results and nothing reads them first; only a
            # frame that defers (recover may return them as they are) needs them zero.
            dead = {id(i) for i in zeroes}
            self.blocks[entry] = [i for i in self.blocks[entry] if id(i) not in dead]
        end = d.body.pos
        if self.open_bits is not None and self.terms[self.cur] is None:
            self.open_exit(d.end or end)
        elif self.rt_defers and self.terms[self.cur] is None:
            self.emit(ir.DeferReturn(d.end or end))
        self.jump(end, self.exit)
        self.start(self.exit)
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
        wrapper = (self.sym in self.pb.reflect.wrappers or ".deferwrap" in self.sym
                   or ".gowrap" in self.sym or self.sym.endswith("-fm")
                   or self.sym == "reflect.callReflect")
        gen = (wrapper and self.sym != "reflect.callReflect") or self.decl.name == INIT_DECL
        return ir.Func(self.sym, pos, tuple(self.slots), tuple(blocks), argsize, gen,
                       self.decl.noinline, wrapper)
