"""Closures: function literals, func values of top-level functions, bound
method values (`x.M` as a value), `defer` and `go`.

    g := func() int { return n }      // in main; n++ later: captured by reference

allocates a 16-byte closure {main.main.func1, &n} (runtime.newobject, n moved to the
heap; when g does not escape, a zeroed stack temporary with n in the frame) and queues
the literal's body, which loads &n from 8 past its context pointer (`closureptr`). A
variable escape's finish_closures captures by value (never reassigned nor
address-taken, at most 128 bytes) is copied into the closure instead, and read there.
A literal called where it is written, `func() { ... }()`, builds no closure: its body
is a plain function taking the captured values and addresses as leading parameters
(gc's directClosureCall). A
top-level f as a value is the static closure `main.f·f`; `x.M` is a heap closure over
a copy of x calling the `main.T.M-fm` wrapper; `defer f(a)` evaluates f and a now into
fresh variables and defers a closure over them (`main.f.deferwrap1` in f), open-coded
(its slot called at each return) or recorded with the runtime; `go f(a)`
wraps the call the same way (`main.f.gowrap1`) and hands the closure to runtime.newproc.
"""

from __future__ import annotations

from compiler import ir
from compiler.diag import Pos
from compiler.types import tree as T
from compiler.types.typ import (
    UINTPTR,
    UNSAFE_POINTER,
    Field,
    Func,
    Pointer,
    Signature,
    Struct,
    Tuple,
    Type,
    Var,
    VarKind,
    struct_layout,
    type_string,
    under,
)
from compiler.walk.base import (
    Indirect,
    Unsupported,
    WalkerBase,
)

MAX_OPEN_DEFERS = 8
"""gc's maxOpenDefers: one byte of deferBits records which defers ran."""


_TOP_DEFERS: dict[int, tuple[object, tuple[list[T.Defer], set[int]]]] = {}
"""toplevel_defers' last answers by id of the body (the body kept, so the id stays its):
walk asks for each function's body three times (heap variables, open-coding, wrappers)."""
_TOP_DEFERS_KEPT = 64


def toplevel_defers(body: object) -> tuple[list[T.Defer], set[int]]:
    """The defer statements of body (not of its closures) in source order, and the ids of
    those at gc's loop depth 1 (escape's: inside no for or range body, and before no
    label a later goto jumps back to in an enclosing statement list, as gc's looping
    label deepens the rest of its block). The caller must not change the answer."""
    hit = _TOP_DEFERS.get(id(body))
    if hit is not None and hit[0] is body:
        return hit[1]
    if len(_TOP_DEFERS) >= _TOP_DEFERS_KEPT:
        _TOP_DEFERS.clear()
    out = _toplevel_defers(body)
    _TOP_DEFERS[id(body)] = (body, out)
    return out


def _toplevel_defers(body: object) -> tuple[list[T.Defer], set[int]]:
    nodes = list(T.walk_nodes(body))
    defers = [n for n in nodes if isinstance(n, T.Defer)]
    if not defers:
        return defers, set()
    seen: set[str] = set()
    looping: set[str] = set()
    for n in nodes:
        if isinstance(n, T.Labeled):
            seen.add(n.label)
        elif isinstance(n, T.Branch) and n.kind is T.BranchKind.GOTO and n.label in seen:
            looping.add(n.label)
    deep: set[int] = set()
    for n in nodes:
        if isinstance(n, T.For | T.Range):
            deep.update(id(d) for d in T.walk_nodes(n.body) if isinstance(d, T.Defer))
        seq: tuple[T.Stmt, ...] = ()
        if isinstance(n, T.Block):
            seq = n.stmts
        elif isinstance(n, T.CaseClause | T.TypeClause | T.CommClause):
            seq = n.body
        for k, st in enumerate(seq):
            if isinstance(st, T.Labeled) and st.label in looping:
                for rest in seq[k:]:
                    deep.update(id(d) for d in T.walk_nodes(rest) if isinstance(d, T.Defer))
                break
    return defers, {id(d) for d in defers if id(d) not in deep}


def open_codable(body: object) -> bool:
    """Whether gc 1.19 open-codes the defers of body, as far as its statements decide
    (walk.FuncBuilder also requires results on the stack): at most eight defers, none in
    a loop, and the explicit returns times the defers at most 15."""
    defers, top = toplevel_defers(body)
    if not defers or len(defers) > MAX_OPEN_DEFERS or len(top) != len(defers):
        return False
    returns = sum(1 for n in T.walk_nodes(body) if isinstance(n, T.Return))
    return returns * len(defers) <= 15


class ClosureWalker(WalkerBase):
    """Function literals, func values, method values, defer and go."""

    def defer_stmt(self, s: T.Defer) -> None:
        """defer f(args): evaluate f and args now into fresh variables, and defer a
        func() closure over them that makes the call (gc's wrapping of go/defer): open-
        coded, or recorded with the runtime in a frame slot when it runs at most once
        per call (gc's stack-allocated defer), else in a heap record. A recovered panic
        resumes the frame where the recovering call was deferred, at a block of that
        defer's that calls deferreturn at its line and leaves by the exit block, as gc's
        deferproc's."""
        self.ndefer += 1
        if self.open_bits is not None:
            self.open_defer(s)
            return
        once = id(s) in self.top_defers
        clo = self.wrap_call(s.pos, s.call, f"deferwrap{self.ndefer}", once)
        rec = self.temp(ir.DEFER_RECORD, addrtaken=True) if once else None
        resume, cont = self.new_block(), self.cur
        self.start(resume)
        self.emit(ir.DeferReturn(s.pos))
        self.jump(s.pos, self.exit)
        self.start(cont)
        self.emit(ir.DeferProc(s.pos, clo, resume, rec))

    def open_defer(self, s: T.Defer) -> None:
        """An open-coded defer: its func() value (the function or literal itself when
        the call is `f()` of a func() without results, else the wrapper closure, a frame
        slot) goes to a fresh slot of its own, and the defer's bit is set in deferBits.
        The exit block calls it, directly when it is a declared function or a literal
        without captures (gc does: the slot is still what a panic calls)."""
        assert self.open_bits is not None
        k = len(self.open_slots)
        call = s.call
        sig = Signature((), ())
        static = ""
        clo: ir.Mem
        match call:
            case T.Call(fn=T.FuncRef(func=fn), args=()) if \
                    under(call.fn.type) == sig and not fn.external:
                static = self.pb.reflect.func_sym(fn)
                clo = self.func_value(s.pos, static, call.fn.type)
            case T.Call(fn=T.FuncLit(decl=d) as lit, args=()) if \
                    under(lit.type) == sig:
                if not d.captures:
                    static = f"{self.pkg}.{d.name}"
                saved_d, self.deferring = self.deferring, True
                clo = self.func_lit(lit, True)
                self.deferring = saved_d
            case T.Call(fn=fn, args=()) if under(fn.type) == sig:
                saved_d, self.deferring = self.deferring, True
                clo = self.expr(fn)
                self.deferring = saved_d
            case _:
                clo = self.wrap_call(s.pos, call, f"deferwrap{self.ndefer}", True)
        slot = self.temp(sig)
        self.emit(ir.Mov(s.pos, slot, clo, 8))
        bits = self.open_bits
        self.emit(ir.BinOp(s.pos, ir.Op.OR, bits, bits, ir.Imm(1 << k), 1, False))
        self.open_slots.append((slot, static, s.pos))

    def open_exit(self, pos: Pos) -> None:
        """The open-coded defers' exit code at a return at pos: newest first, if its bit
        is set, clear it and call the deferred function (gc's openDeferExit)."""
        assert self.open_bits is not None
        bits = self.open_bits
        for k in reversed(range(len(self.open_slots))):
            slot, static, _ = self.open_slots[k]
            t = self.temp(1)
            self.emit(ir.BinOp(pos, ir.Op.AND, t, bits, ir.Imm(1 << k), 1, False))
            run, nxt = self.new_block(), self.new_block()
            self.branch(pos, t, run, nxt)
            self.start(run)
            self.emit(ir.BinOp(pos, ir.Op.AND, bits, bits, ir.Imm(~(1 << k) & 0xFF), 1, False))
            self.emit(ir.Call(pos, static or slot, (), (), 0))
            self.jump(pos, nxt)
            self.start(nxt)

    def go_stmt(self, s: T.Go) -> None:
        """go f(args): f and args evaluated now, the call made on a new goroutine."""
        self.ngo += 1
        clo = self.wrap_call(s.pos, s.call, f"gowrap{self.ngo}")
        self.ccall(s.pos, "newproc", [clo])

    def wrap_call(self, pos: Pos, call: T.Expr, name: str, once: bool = False) -> ir.Mem:
        """A func() closure `f.name` that makes call, whose function value and arguments
        are evaluated now into fresh temporaries the closure captures by value, as gc's
        wrapper does (`struct { F uintptr; .autotmp_2 func() }`). For a defer that runs
        at most once per call of the frame (once: no enclosing loop and no label to jump
        back to) the closure is a frame slot, as gc's open-coded defers keep it: escape
        lets such a defer's arguments point into the frame, and runtime.newstack adjusts
        the defer record's closure pointer. Do NOT make a go statement's wrapper or a
        looping defer's one stack objects."""
        bound: list[Var] = []

        def bind(e: T.Expr) -> T.Expr:
            if isinstance(e, T.ConstExpr | T.FuncRef | T.NilExpr):
                return e
            v = Var(f".autotmp_{self.ntemp}", e.type, pos, VarKind.LOCAL, self.pkg,
                    self.pb.new_uid())
            self.ntemp += 1
            self.pb.byval.add(v.uid)
            # a once-run defer's wrapper is a frame slot: its arguments may be too
            saved, self.wrapping = self.wrapping, self.wrapping or not once
            saved_d, self.deferring = self.deferring, self.deferring or once
            self.var_decl(T.VarDecl(pos, (v,), (e,)))
            self.wrapping, self.deferring = saved, saved_d
            bound.append(v)
            return T.VarRef(pos, v.type, v)

        def bind_kept(e: T.Expr) -> T.Expr:
            # the wrapper holds p of uintptr(p), so its call keeps p's object alive
            if isinstance(e, T.Convert) and unsafe_uintptr(e):
                return T.Convert(e.pos, e.type, e.kind, bind(e.x), e.lparen)
            if isinstance(e, T.CompositeLit) and e.lbrace is None:
                return T.CompositeLit(e.pos, e.type, tuple(
                    T.Element(el.key, bind_kept(el.value), el.colon) for el in e.elems))
            return bind(e)

        wrapped: T.Expr
        match call:
            case T.Call(fn=T.FuncRef(func=f) as fn, args=args) if keeps_alive(f):
                wrapped = T.Call(call.pos, call.type, fn, tuple(bind_kept(a) for a in args))
            case T.Call(fn=fn, args=args):
                wrapped = T.Call(call.pos, call.type, bind(fn), tuple(bind(a) for a in args))
            case T.MethodCall(recv=recv, method=m, args=args):
                arg = bind_kept if keeps_alive(m) else bind
                wrapped = T.MethodCall(call.pos, call.type, bind(recv), m,
                                       tuple(arg(a) for a in args))
            case T.IfaceCall(recv=recv, args=args):
                r = bind(recv)
                # gc looks the method up now: a nil interface panics here
                self.emit(ir.NilCheck(pos, self.expr(r)))
                wrapped = T.IfaceCall(call.pos, call.type, r, call.method,
                                      call.index, call.sig, tuple(bind(a) for a in args))
            case T.BuiltinCall(name="recover"):
                # gc's ORECOVERFP: the frame that recovers is the one deferring
                (fp,) = self.ccall(pos, "recoverfp", [], 1)
                v = Var(f".autotmp_{self.ntemp}", UINTPTR, pos, VarKind.LOCAL, self.pkg,
                        self.pb.new_uid())
                self.ntemp += 1
                self.pb.byval.add(v.uid)
                self.var_decl(T.VarDecl(pos, (v,), ()))
                self.write(pos, self.var(pos, v), fp, UINTPTR)
                bound.append(v)
                wrapped = T.BuiltinCall(call.pos, call.type, "recover",
                                        (T.VarRef(pos, UINTPTR, v),), call.spread)
            case T.BuiltinCall(args=args):
                wrapped = T.BuiltinCall(call.pos, call.type, call.name,
                                        tuple(bind(a) for a in args), call.spread)
            case _:
                raise Unsupported(pos, f"go or defer of {type(call).__name__}")
        local = self.sym.split(".", 1)[1]
        sig = Signature((), ())
        decl = T.FuncDecl(pos, f"{local}.{name}", None, sig, None, (), (),
                          T.Block(pos, (T.ExprStmt(pos, wrapped),)), captures=tuple(bound))
        return self.func_lit(T.FuncLit(pos, sig, decl), once)

    def func_value(self, pos: Pos, sym: str, t: Type) -> ir.Local:
        """A func value of a top-level function: a static closure `sym·f`."""
        csym = self.pb.static.func_closure(sym)
        tmp = self.temp(t)
        self.emit(ir.Mov(pos, tmp, ir.SymAddr(csym), 8))
        return tmp

    def func_lit(self, e: T.FuncLit, stack: bool = False) -> ir.Mem:
        """A func literal's value: its body queued for lowering, and a static closure (no captures)
        or a heap one {code, &captured...} (a stack one when it does not escape: see
        stack_object; then its captured variables may be stack slots too). stack: a
        once-run defer's wrapper, a stack object whatever the escape pass says."""
        d = e.decl
        sym = f"{self.pkg}.{d.name}"
        self.pb.closures.append((d, sym, self.heapvars))
        if not d.captures:
            return self.func_value(e.pos, sym, e.type)
        byval = self.pb.byval
        ctx = Struct((Field("F", UINTPTR),)
                     + tuple(Field(v.name, v.type if v.uid in byval else Pointer(v.type))
                             for v in d.captures))
        offs = struct_layout(ctx)[0]
        sp = self.stack_object(e.pos, e, ctx, stack)
        if sp is not None:
            p = sp
        else:
            p = self.alloc(e.pos, ctx)
        code = self.temp(8)
        self.emit(ir.Mov(e.pos, code, ir.SymAddr(sym), 8))
        self.emit(ir.Store(e.pos, p, 0, code, 8))
        for i, v in enumerate(d.captures):
            lv = self.var(e.pos, v)
            if v.uid in byval:
                self.write(e.pos, Indirect(p, offs[i + 1]), self.read(e.pos, lv, v.type),
                           v.type)
                continue
            if sp is None and not isinstance(lv, Indirect):
                # program.heap_vars keeps what a heap closure captures on the heap
                raise Unsupported(e.pos, f"capture of {v.name} kept on the stack")
            self.emit(ir.Store(e.pos, p, offs[i + 1], self.addr(e.pos, lv), 8))
        return p

    def direct_closure_call(self, e: T.Call, lit: T.FuncLit) -> list[ir.Mem]:
        """The result locations of a call of a func literal that captures variables, as
        gc's directClosureCall: no closure object, the literal's body queued as a plain
        function whose leading parameters are the captured variables (by value, or their
        addresses `&v`), passed before the call's arguments."""
        d = lit.decl
        sym = f"{self.pkg}.{d.name}"
        self.pb.closures.append((d, sym, self.heapvars))
        self.pb.direct.add(sym)
        sig = under(lit.type)
        assert isinstance(sig, Signature)
        params: list[Type] = []
        vals: list[ir.Mem] = []
        for v in d.captures:
            lv = self.var(e.pos, v)
            if v.uid in self.pb.byval:
                params.append(v.type)
                vals.append(self.read(e.pos, lv, v.type))
            else:
                params.append(Pointer(v.type))
                vals.append(self.addr(e.pos, lv))
        vals.extend(self.args(e.args))
        return self.go_call(e.pos, sym, (*params, *sig.params), vals, sig.results)

    def method_value(self, e: T.MethodValue | T.IfaceMethodValue) -> ir.Mem:
        """A bound method value: a closure holding the receiver by value (gc's
        struct { F uintptr; R T }) whose code is the `-fm` wrapper (gc's name) calling
        the method on it; a stack temporary when it does not escape."""
        pos = e.pos
        sig = under(e.type)
        assert isinstance(sig, Signature)
        rt = e.recv.type
        if isinstance(e, T.MethodValue):
            sym = f"{e.method.symbol}-fm"
        else:
            sym = f"{self.pkg}.{type_string(rt, link=True)}.{e.method}-fm"
        self.fm_wrapper(sym, e, sig)
        val = self.expr(e.recv)
        if isinstance(e, T.IfaceMethodValue):
            self.emit(ir.NilCheck(pos, val))
        ctx = Struct((Field("F", UINTPTR), Field("R", rt)))
        sp = self.stack_object(pos, e, ctx)
        clo = sp if sp is not None else self.alloc(pos, ctx)
        code = self.temp(8)
        self.emit(ir.Mov(pos, code, ir.SymAddr(sym), 8))
        self.emit(ir.Store(pos, clo, 0, code, 8))
        self.write(pos, Indirect(clo, struct_layout(ctx)[0][1]), val, rt)
        return clo

    def fm_wrapper(self, sym: str, e: T.MethodValue | T.IfaceMethodValue,
                   sig: Signature) -> None:
        """Queue the `-fm` closure body for bound method value e (once per symbol); it
        captures one variable by value, the receiver."""
        pos = e.pos
        pkg = sym.split(".", 1)[0]
        if sym in self.pb.fm_wrappers:
            return
        self.pb.fm_wrappers.add(sym)
        rv = Var("recv", e.recv.type, pos, VarKind.LOCAL, pkg, self.pb.new_uid())
        self.pb.byval.add(rv.uid)
        params = tuple(Var(f"a{i}", pt, pos, VarKind.PARAM, pkg, self.pb.new_uid())
                       for i, pt in enumerate(sig.params))
        results = tuple(Var("", t, pos, VarKind.RESULT, pkg, self.pb.new_uid())
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
        self.pb.closures.append((decl, sym, set()))


def keeps_alive(f: Func) -> bool:
    """Whether a call of f keeps the objects of its `uintptr(p)` arguments alive until
    it returns (gc's UintptrKeepAlive: bodyless, `//go:uintptrkeepalive` or
    `//go:uintptrescapes`)."""
    return f.external or bool(f.pragmas & {"uintptrkeepalive", "uintptrescapes"})


def unsafe_uintptr(e: T.Expr) -> bool:
    """Whether e is a conversion `uintptr(p)` of an unsafe.Pointer p."""
    return isinstance(e, T.Convert) and under(e.type) == UINTPTR and \
        under(e.x.type) == UNSAFE_POINTER
