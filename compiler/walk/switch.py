"""Expression and type switches.

    switch x { case 1, 2: A; case 3: B; default: C }

evaluates x once into a temp, then tests each case value in source order, branching to
the clause's body block or the next test; the last test falls to default (or the end).
Bodies follow in clause order, so `fallthrough` jumps to the next body. A type switch
compares the dynamic type word with each case's descriptor (interface cases look the
itab up through a per-site cache) and binds the clause's variable.
"""

from __future__ import annotations

from compiler import ir
from compiler.diag import Pos
from compiler.types import tree as T
from compiler.types.typ import (
    Interface,
    Type,
    Var,
    VarKind,
    is_empty_interface,
    under,
)
from compiler.walk.base import (
    Loop,
    WalkerBase,
    at,
)


class SwitchWalker(WalkerBase):
    """Expression and type switches."""

    def switch_stmt(self, s: T.Switch) -> None:
        """An expression switch: the tag evaluated once, cases tested in order, bodies in clause
        order."""
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
        outer = self.fallthrough_target
        for i, c in enumerate(s.clauses):
            self.start(bodies[i])
            nxt = bodies[i + 1] if i + 1 < len(bodies) else end
            self.fallthrough_target = nxt
            self.stmts(c.body)  # do NOT read fallthrough_target after: a nested switch sets it
            self.jump(c.pos, nxt if c.fallthrough else end)
        self.fallthrough_target = outer
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
        """A type switch: the dynamic type tested against each case type, the clause's variable
        bound to the value."""
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
