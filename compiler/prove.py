"""prove: bounds checks the facts on every path into them decide (IR → IR), as gc's prove.

walk checks every index and slice bound on its own:

    binop ge w8 u bad <- i, n ; if bad PANIC OK       (index: i <u n)
    binop gt w8 u bad <- j, k ; if bad PANIC OK       (slice bound: j <=u k)

where PANIC calls runtime.panicIndex*/panicSlice*. A check the facts holding on entry
decide becomes `mov w1 bad <- $0 ; jump OK` (fold then drops the unreached panic block).
The facts are those gc's prove pass (Go 1.19) keeps, over the words of slots whose
address is never taken (no store or call changes them), forward over the CFG to a fixed
point (ranges widened at loop headers):

  - limits: each word's range as a signed and as an unsigned number of its width, from
    constants, branch conditions against constants (`if len(a) > 5`, a loop's `i < 50`
    with its start), `x & c`, unsigned `x % c`, `x >> c`, zero- and sign-extension and truncation,
    the sum of two non-negative words, and the index of a check passed (0 <= i < n);
  - relations: `x < y` / `x <= y`, signed or unsigned, from branch conditions and checks
    passed, with len(s) <= cap(s) and 0 <= len(s) for every slot of slice (or string)
    type, followed transitively;
  - copies: a word moved or copied from another holds the same value; `x = y + c`
    (c constant, no overflow) is y's delta.

A delta is used as gc uses it, on the index side only: `a[i-10]` is in bounds when
i's limits put i-10 there, `a[:i+1]` when i < cap(a), `a[i+c]` (c < 0) when i < len(a);
a length computed as `len(s) - 8` has no limits of its own (gc's Add64 limit needs two
non-negative operands), so `s = s[8:]; _ = s[7]` keeps its check, as gc's does.

A recovery target of a deferring function starts with nothing known.

This module is long because the facts table (ranges, relations, deltas), its transfer
over instructions and branches, and the fixed point are one analysis sharing one state.
"""

from __future__ import annotations

from dataclasses import replace

from compiler import ir
from compiler.types import typ

Word = tuple[str, int]
"""A tracked slot's word: (slot, byte offset)."""

Range = tuple[int, int, int, int, int]
"""(width, slo, shi, ulo, uhi): the width-byte value read signed is in [slo, shi] and
read unsigned in [ulo, uhi]."""

Rel = tuple[Word, Word, bool, bool]
"""(x, y, strict, signed): x < y (strict) or x <= y, as signed or unsigned 8-byte words."""

Opnd = Word | int
"""A compare operand: a tracked word or a constant."""

MAX_PASSES = 30
"""Passes over a function before prove gives up on it (keeping every check)."""

MAX_COPY = 64
"""Widest copy whose words are followed one by one."""


def _full(w: int) -> Range:
    return _FULL[w]


_FULL = {w: (w, -(1 << (8 * w - 1)), (1 << (8 * w - 1)) - 1, 0, (1 << 8 * w) - 1)
         for w in (1, 2, 4, 8)}
_SMAX = {w: (1 << (8 * w - 1)) - 1 for w in (1, 2, 4, 8)}


def _make(w: int, slo: int, shi: int, ulo: int, uhi: int) -> Range | None:
    """The range of the values both intervals admit, or None when none is."""
    if 0 <= slo and slo == ulo and shi == uhi:
        return (w, slo, shi, ulo, uhi) if slo <= shi else None
    bits = 8 * w
    top = 1 << bits
    pieces = []
    if shi >= 0:
        pieces.append((max(slo, 0), shi, 0))
    if slo < 0:
        pieces.append((slo + top, min(shi, -1) + top, top))
    us: list[tuple[int, int, int]] = []
    for lo, hi, bias in pieces:
        lo, hi = max(lo, ulo), min(hi, uhi)
        if lo <= hi:
            us.append((lo, hi, bias))
    if not us:
        return None
    return (w, min(lo - b for lo, _, b in us), max(hi - b for _, hi, b in us),
            min(lo for lo, _, _ in us), max(hi for _, hi, _ in us))


def _const(w: int, c: int) -> Range:
    bits = 8 * w
    u = c & ((1 << bits) - 1)
    s = u - (1 << bits) if u >> (bits - 1) else u
    return (w, s, s, u, u)


def _signed(w: int, lo: int, hi: int) -> Range:
    if 0 <= lo <= hi <= _SMAX[w]:
        return (w, lo, hi, lo, hi)
    f = _full(w)
    return _make(w, max(lo, f[1]), min(hi, f[2]), f[3], f[4]) or f


def _unsigned(w: int, lo: int, hi: int) -> Range:
    if 0 <= lo <= hi <= _SMAX[w]:
        return (w, lo, hi, lo, hi)
    f = _full(w)
    return _make(w, f[1], f[2], max(lo, 0), min(hi, f[4])) or f


def _meet(a: Range, b: Range) -> Range | None:
    return _make(a[0], max(a[1], b[1]), min(a[2], b[2]), max(a[3], b[3]), min(a[4], b[4]))


def _hull(a: Range, b: Range) -> Range:
    return (a[0], min(a[1], b[1]), max(a[2], b[2]), min(a[3], b[3]), max(a[4], b[4]))


def _widen(old: Range, new: Range) -> Range:
    f = _full(old[0])
    return (old[0], f[1] if new[1] < old[1] else old[1], f[2] if new[2] > old[2] else old[2],
            f[3] if new[3] < old[3] else old[3], f[4] if new[4] > old[4] else old[4])


class State:
    """The facts holding at one point of a function."""

    __slots__ = ("rng", "rel", "dlt", "cmp")

    def __init__(self) -> None:
        self.rng: dict[Word, Range] = {}
        self.rel: set[Rel] = set()
        self.dlt: dict[Word, tuple[Word, int, bool]] = {}
        """word -> (base, c, exact): word == base + c; exact when it cannot overflow."""
        self.cmp: dict[Word, tuple[ir.Op, Opnd, Opnd, bool, int]] = {}
        """bool word -> (op, x, y, signed, width) it holds the result of."""

    def copy(self) -> State:
        s = State()
        s.rng = dict(self.rng)
        s.rel = set(self.rel)
        s.dlt = dict(self.dlt)
        s.cmp = dict(self.cmp)
        return s

    def same(self, o: State) -> bool:
        return (self.rng == o.rng and self.rel == o.rel and self.dlt == o.dlt
                and self.cmp == o.cmp)

    def kill(self, slot: str, off: int, size: int) -> None:
        """Forgets every fact about the words overlapping bytes [off, off+size) of slot."""
        end, lo = off + size, off - 8

        def hit(w: Opnd) -> bool:
            return type(w) is tuple and w[0] == slot and lo < w[1] < end

        if self.rng:
            for w in [w for w in self.rng if hit(w)]:
                del self.rng[w]
        if self.rel:
            self.rel = {r for r in self.rel if not (hit(r[0]) or hit(r[1]))}
        if self.dlt:
            for w in [w for w, d in self.dlt.items() if hit(w) or hit(d[0])]:
                del self.dlt[w]
        if self.cmp:
            for w in [w for w, c in self.cmp.items() if hit(w) or hit(c[1]) or hit(c[2])]:
                del self.cmp[w]


def _join(states: list[State]) -> State:
    """The facts holding in all of states (the one state itself, when alone)."""
    if len(states) == 1:
        return states[0]
    out = states[0].copy()
    for s in states[1:]:
        out.rng = {w: _hull(r, s.rng[w]) for w, r in out.rng.items()
                   if w in s.rng and s.rng[w][0] == r[0]}
        out.rel &= s.rel
        out.dlt = {w: d for w, d in out.dlt.items() if s.dlt.get(w) == d}
        out.cmp = {w: c for w, c in out.cmp.items() if s.cmp.get(w) == c}
    return out


class _Func:
    """One function's analysis: its tracked slots and their lengths' words."""

    def __init__(self, f: ir.Func, tracked: frozenset[str]) -> None:
        self.tracked = tracked
        self.lens: set[Word] = set()
        self.caps: set[Word] = set()
        for s in f.slots:
            if s.type is None or s.name not in tracked:
                continue
            u = typ.under(s.type)
            if isinstance(u, typ.Slice):
                self.lens.add((s.name, 8))
                self.caps.add((s.name, 16))
            elif isinstance(u, typ.Basic) and u.kind is typ.Kind.STRING:
                self.lens.add((s.name, 8))

    def opnd(self, o: ir.Operand) -> Opnd | None:
        if isinstance(o, ir.Imm):
            return o.value
        if isinstance(o, ir.Local) and o.slot in self.tracked:
            return (o.slot, o.off)
        return None

    def rng(self, st: State, o: Opnd | None, w: int) -> Range:
        """o's limits as a width-w value."""
        if o is None:
            return _full(w)
        if isinstance(o, int):
            return _const(w, o)
        r = st.rng.get(o)
        if r is None or r[0] != w:
            r = _full(w)
        if w == 8 and (o in self.lens or o in self.caps):
            r = _meet(r, (8, 0, (1 << 63) - 1, 0, (1 << 63) - 1)) or r
        return r

    def value(self, st: State, o: Opnd | None, w: int) -> int | None:
        r = self.rng(st, o, w)
        return r[1] if r[1] == r[2] else None

    # Transfer.

    def step(self, st: State, i: ir.Instr) -> None:
        """st advanced past i."""
        d = getattr(i, "dst", None)
        if type(d) is not ir.Local:
            if isinstance(i, (ir.Call, ir.CCall)):
                for a in ir.accesses(i):
                    if a.is_def and a.slot in self.tracked:
                        st.kill(a.slot, a.off, a.size)
            return
        if d.slot not in self.tracked:
            return
        match i:
            case ir.Mov(dst=ir.Local() as d, src=s, width=w) if d.slot in self.tracked:
                src = self.opnd(s)
                dw = (d.slot, d.off)
                if src == dw:
                    return
                r = self.rng(st, src, w) if src is not None else None
                c = st.cmp.get(src) if isinstance(src, tuple) else None
                st.kill(d.slot, d.off, w)
                if r is not None and r != _full(w):
                    st.rng[dw] = r
                if isinstance(src, tuple) and w == 8:
                    st.dlt[dw] = (src, 0, True)
                if c is not None:
                    st.cmp[dw] = c
                return
            case ir.Copy(dst=ir.Local() as d, src=ir.Local() as s, size=n) \
                    if d.slot in self.tracked and n % 8 == 0 and n <= MAX_COPY:
                if d == s:
                    return
                words = [((s.slot, s.off + k), st.rng.get((s.slot, s.off + k)))
                         for k in range(0, n, 8)]
                st.kill(d.slot, d.off, n)
                if s.slot in self.tracked and not (s.slot == d.slot):
                    for k, (sw, r) in zip(range(0, n, 8), words, strict=True):
                        dw = (d.slot, d.off + k)
                        if r is not None:
                            st.rng[dw] = r
                        st.dlt[dw] = (sw, 0, True)
                return
            case ir.Zero(dst=ir.Local() as d, size=n) if d.slot in self.tracked:
                st.kill(d.slot, d.off, n)
                if n % 8 == 0 and n <= MAX_COPY and not i.filled:
                    for k in range(0, n, 8):
                        st.rng[(d.slot, d.off + k)] = _const(8, 0)
                return
            case ir.Ext(dst=ir.Local() as d) if d.slot in self.tracked:
                r = self._ext(st, i)
                src = self.opnd(i.src)
                st.kill(d.slot, d.off, i.dwidth)
                dw = (d.slot, d.off)
                if r != _full(i.dwidth):
                    st.rng[dw] = r
                if i.swidth == i.dwidth == 8 and isinstance(src, tuple) and src != dw:
                    st.dlt[dw] = (src, 0, True)
                return
            case ir.BinOp(dst=ir.Local() as d) if d.slot in self.tracked:
                self._binop(st, i, d)
                return
        for a in ir.accesses(i):
            if a.is_def and a.slot in self.tracked:
                st.kill(a.slot, a.off, a.size)

    def _ext(self, st: State, i: ir.Ext) -> Range:
        sw, dw = i.swidth, i.dwidth
        r = self.rng(st, self.opnd(i.src), sw)
        if dw >= sw:
            return _signed(dw, r[1], r[2]) if i.signed else _unsigned(dw, r[3], r[4])
        f = _full(dw)
        if f[1] <= r[1] and r[2] <= f[2]:
            return _signed(dw, r[1], r[2])
        if r[4] <= f[4]:
            return _unsigned(dw, r[3], r[4])
        return f

    def _binop(self, st: State, i: ir.BinOp, d: ir.Local) -> None:
        w, op = i.width, i.op
        x, y = self.opnd(i.x), self.opnd(i.y)
        rx, ry = self.rng(st, x, w), self.rng(st, y, w)
        dw = (d.slot, d.off)
        if op in ir.COMPARES:
            st.kill(d.slot, d.off, 1)
            if x is not None and y is not None and dw not in (x, y):
                st.cmp[dw] = (op, x, y, i.signed, w)
            return
        r = _full(w)
        delta: tuple[Word, int, bool] | None = None
        cx = self.value(st, x, w)
        cy = self.value(st, y, 8 if op in (ir.Op.SHL, ir.Op.SHR) else w)
        if op is ir.Op.AND:
            for c in (cx, cy):
                if c is not None and _const(w, c)[1] >= 0:
                    r = _meet(r, _signed(w, 0, _const(w, c)[1])) or r
            for o in (rx, ry):
                if o[1] >= 0:
                    r = _meet(r, _signed(w, 0, o[2])) or r
        elif op is ir.Op.MOD and cy is not None and cy != 0 and not i.signed:
            r = _unsigned(w, 0, min(_const(w, cy)[3] - 1, rx[4]))
        elif op is ir.Op.SHR and cy is not None and cy >= 0:
            bits = 8 * w
            if not i.signed:
                r = _const(w, 0) if cy >= bits else _unsigned(w, rx[3] >> cy, rx[4] >> cy)
            else:
                s = min(cy, bits - 1)
                r = _signed(w, rx[1] >> s, rx[2] >> s)
        elif op in (ir.Op.ADD, ir.Op.SUB):
            neg = op is ir.Op.SUB
            if cx is not None and cy is not None:
                r = _const(w, cx - cy if neg else cx + cy)
            elif not neg and rx[1] >= 0 and ry[1] >= 0 and rx[2] + ry[2] <= _full(w)[2]:
                r = _signed(w, rx[1] + ry[1], rx[2] + ry[2])
            if w == 8:
                if isinstance(x, tuple) and cy is not None:
                    c = -cy if neg else cy
                    delta = (x, c, _full(8)[1] <= rx[1] + c and rx[2] + c <= _full(8)[2])
                elif not neg and isinstance(y, tuple) and cx is not None:
                    delta = (y, cx, _full(8)[1] <= ry[1] + cx and ry[2] + cx <= _full(8)[2])
        st.kill(d.slot, d.off, w)
        if r != _full(w):
            st.rng[dw] = r
        if delta is not None and delta[0] != dw:
            st.dlt[dw] = delta

    # Facts from branches.

    def assume(self, st: State, op: ir.Op, x: Opnd, y: Opnd, signed: bool, w: int) -> None:
        """Adds to st that `x op y` holds."""
        if op in (ir.Op.GT, ir.Op.GE):
            x, y, op = y, x, ir.Op.LT if op is ir.Op.GT else ir.Op.LE
        rx, ry = self.rng(st, x, w), self.rng(st, y, w)
        if op is ir.Op.EQ:
            m = _meet(rx, ry)
            if m is not None:
                self._set(st, x, m)
                self._set(st, y, m)
            if w == 8 and isinstance(x, tuple) and isinstance(y, tuple):
                st.rel |= {(x, y, False, True), (y, x, False, True),
                           (x, y, False, False), (y, x, False, False)}
            return
        if op is ir.Op.NE:
            for a, rb in ((x, ry), (y, rx)):
                ra = self.rng(st, a, w)
                if rb[1] == rb[2]:
                    c = rb[1]
                    if ra[1] == c:
                        self._set(st, a, _signed(w, c + 1, ra[2]))
                    elif ra[2] == c:
                        self._set(st, a, _signed(w, ra[1], c - 1))
            return
        if op not in (ir.Op.LT, ir.Op.LE):
            return
        strict = int(op is ir.Op.LT)
        if signed:
            self._set(st, x, _signed(w, rx[1], ry[2] - strict))
            self._set(st, y, _signed(w, rx[1] + strict, ry[2]))
        else:
            self._set(st, x, _unsigned(w, rx[3], ry[4] - strict))
            self._set(st, y, _unsigned(w, rx[3] + strict, ry[4]))
        if w == 8 and isinstance(x, tuple) and isinstance(y, tuple) and x != y:
            st.rel.add((x, y, bool(strict), signed))

    def _set(self, st: State, o: Opnd, r: Range) -> None:
        """Narrows o's limits to r."""
        if isinstance(o, int):
            return
        old = st.rng.get(o)
        if old is not None and old[0] == r[0]:
            m = _meet(old, r)
            if m is None:
                return
            r = m
        if r != _full(r[0]):
            st.rng[o] = r

    # Queries.

    def _class(self, st: State, w: Word) -> set[Word]:
        """The words known to hold the same value as w."""
        def root(v: Word) -> Word:
            seen = {v}
            while True:
                d = st.dlt.get(v)
                if d is None or d[1] != 0 or d[0] in seen:
                    return v
                v = d[0]
                seen.add(v)
        r = root(w)
        out = {w, r}
        for v, d in st.dlt.items():
            if d[1] == 0 and root(v) == r:
                out.add(v)
        return out

    def _crange(self, st: State, cls: set[Word]) -> Range:
        r = _full(8)
        for v in cls:
            r = _meet(r, self.rng(st, v, 8)) or r
        return r

    def proves(self, st: State, x: Opnd, y: Opnd, strict: bool, depth: int = 0) -> bool:
        """Whether x <u y (strict) or x <=u y holds in st."""
        cx = self._class(st, x) if isinstance(x, tuple) else set()
        cy = self._class(st, y) if isinstance(y, tuple) else set()
        rx = self._crange(st, cx) if cx else _const(8, x)  # type: ignore[arg-type]
        ry = self._crange(st, cy) if cy else _const(8, y)  # type: ignore[arg-type]
        base = None
        for v in cx:
            d = st.dlt.get(v)
            if d is not None and d[1] != 0:
                base = d
                if d[2]:
                    rb = self._crange(st, self._class(st, d[0]))
                    rx = _meet(rx, _signed(8, rb[1] + d[1], rb[2] + d[1])) or rx
                break
        if not strict and (x == y or cx & cy):
            return True
        if cy:
            ry = _make(8, ry[1], ry[2], max(ry[3], self._lower(st, cy)), ry[4]) or ry
        if rx[4] < ry[3] or not strict and rx[4] <= ry[3]:
            return True
        if cx and self._chain(st, cx, rx[1] >= 0, cy, ry, strict):
            return True
        if base is not None and depth == 0:
            b, c, exact = base
            if c == 1 and not strict:
                return self.proves(st, b, y, True, 1)
            if c < 0 and exact and rx[1] >= 0:
                return self.proves(st, b, y, strict, 1)
        return False

    def _lower(self, st: State, cls: set[Word]) -> int:
        """A lower bound of the unsigned value of cls's words from the limits of the
        words related below them."""
        lo = 0
        for a, b, s, sg in st.rel:
            if b in cls:
                ra = self._crange(st, self._class(st, a))
                if not sg or ra[1] >= 0:
                    lo = max(lo, ra[3] + s)
        for v in cls:
            if v in self.caps and (v[0], 8) in self.lens:
                lo = max(lo, self._crange(st, self._class(st, (v[0], 8)))[3])
        return lo

    def _chain(self, st: State, start: set[Word], nonneg: bool, goal: set[Word],
               rgoal: Range, strict: bool) -> bool:
        """Whether a chain of relations from a word of start (non-negative or not)
        reaches goal (or a word whose limits lie below rgoal's), strictly if asked."""
        edges: dict[Word, list[tuple[Word, bool, bool]]] = {}
        for a, b, s, sg in st.rel:
            edges.setdefault(a, []).append((b, s, sg))
        for ln in self.lens:
            cap = (ln[0], 16)
            if cap in self.caps:
                edges.setdefault(ln, []).append((cap, False, True))
        todo = [(v, False, nonneg) for v in start]
        seen: set[tuple[Word, bool, bool]] = set()
        while todo:
            node = todo.pop()
            if node in seen:
                continue
            seen.add(node)
            v, s, nn = node
            if v in goal and (s or not strict) and node[0] not in start:
                return True
            if node[0] not in start or s:
                rv = self._crange(st, self._class(st, v))
                if (rv[4] < rgoal[3] or rv[4] <= rgoal[3] and (s or not strict)):
                    return True
            for u in self._class(st, v):
                for b, bs, sg in edges.get(u, ()):
                    if sg and not nn:
                        continue
                    bn = True if sg else (self._crange(st, self._class(st, b))[1] >= 0)
                    todo.append((b, s or bs, bn))
        return False


def _bounds_block(b: ir.Block) -> bool:
    """Whether b is a failed bounds check: it calls runtime.panicIndex* or panicSlice*."""
    for i in b.instrs:
        if isinstance(i, ir.CCall) and (
                i.sym.startswith("runtime.panicIndex")
                or i.sym.startswith("runtime.panicSlice")
                and i.sym != "runtime.panicSliceConvert"):
            return True
    return False


def _check(b: ir.Block, blocks: dict[int, ir.Block]) -> tuple[ir.BinOp, ir.If] | None:
    """b's closing bounds check (`x >=u n` or `x >u n` whose true edge panics), if any."""
    t = b.term
    if not (isinstance(t, ir.If) and b.instrs):
        return None
    c = b.instrs[-1]
    if (isinstance(c, ir.BinOp) and c.op in (ir.Op.GE, ir.Op.GT) and c.width == 8
            and not c.signed and c.dst == t.cond and t.then != t.els
            and _bounds_block(blocks[t.then])):
        return c, t
    return None


def _relevant(f: ir.Func, tracked: frozenset[str],
              checks: dict[int, tuple[ir.BinOp, ir.If] | None]) -> frozenset[str]:
    """The tracked slots a fact deciding a check may be about: the checks' operands,
    what their values are computed from, and what they are compared with."""
    def slots(*ops: ir.Operand) -> set[str]:
        return {o.slot for o in ops if isinstance(o, ir.Local) and o.slot in tracked}

    want: set[str] = set()
    for c in checks.values():
        if c is not None:
            want |= slots(c[0].x, c[0].y)
    conds = {b.term.cond.slot for b in f.blocks
             if isinstance(b.term, ir.If) and isinstance(b.term.cond, ir.Local)}
    defs: list[tuple[str, set[str], bool]] = []
    for b in f.blocks:
        for i in b.instrs:
            match i:
                case ir.Mov(dst=ir.Local() as d, src=s) | ir.Ext(dst=ir.Local() as d, src=s):
                    defs.append((d.slot, slots(s), False))
                case ir.Copy(dst=ir.Local() as d, src=s):
                    defs.append((d.slot, slots(s), False))
                case ir.BinOp(dst=ir.Local() as d, x=x, y=y):
                    defs.append((d.slot, slots(x, y), i.op in ir.COMPARES))
    grew = True
    while grew:
        grew = False
        for dst, srcs, cmp in defs:
            if cmp and dst in conds and srcs & want and not srcs | {dst} <= want:
                want |= srcs | {dst}
                grew = True
            if dst in want and not srcs <= want:
                want |= srcs
                grew = True
    return frozenset(want)


def _rpo(f: ir.Func) -> list[int]:
    succ = {b.index: ir.successors(b.term) for b in f.blocks}
    seen: set[int] = set()
    order: list[int] = []
    start = f.blocks[0].index
    stack: list[tuple[int, int]] = [(start, 0)]
    seen.add(start)
    while stack:
        n, k = stack[-1]
        ss = succ[n]
        if k < len(ss):
            stack[-1] = (n, k + 1)
            s = ss[k]
            if s not in seen:
                seen.add(s)
                stack.append((s, 0))
        else:
            stack.pop()
            order.append(n)
    order.reverse()
    return order


def prove_func(f: ir.Func, tracked: frozenset[str]) -> tuple[ir.Func, bool]:
    """f with the bounds checks its paths decide removed, and whether any was."""
    if not f.blocks:
        return f, False
    blocks = {b.index: b for b in f.blocks}
    checks = {b.index: _check(b, blocks) for b in f.blocks}
    if not any(checks.values()):
        return f, False
    fn = _Func(f, _relevant(f, tracked, checks))
    order = _rpo(f)
    pos = {n: k for k, n in enumerate(order)}
    preds: dict[int, list[int]] = {n: [] for n in blocks}
    for b in f.blocks:
        for s in ir.successors(b.term):
            preds[s].append(b.index)
    headers = {n for n in order if any(pos.get(p, -1) >= pos[n] for p in preds[n])}
    keep = f.defer_exits
    entry = order[0]
    ins: dict[int, State] = {}
    outs: dict[tuple[int, int], State] = {}
    visits: dict[int, int] = {}

    def flow(n: int) -> tuple[dict[tuple[int, int], State], bool]:
        """Runs block n from ins[n]: its out edges, and whether it decides its check."""
        st = ins[n].copy()
        b = blocks[n]
        chk = checks[n]
        body = b.instrs[:-1] if chk else b.instrs
        for i in body:
            fn.step(st, i)
        res: dict[tuple[int, int], State] = {}
        t = b.term
        decided = False
        if chk is not None:
            c, _ = chk
            x, y = fn.opnd(c.x), fn.opnd(c.y)
            strict = c.op is ir.Op.GE
            if x is not None and y is not None:
                decided = fn.proves(st, x, y, strict)
            fn.step(st, c)
            ok = st.copy()
            if x is not None and y is not None:
                fn.assume(ok, ir.Op.LT if strict else ir.Op.LE, x, y, False, 8)
                fn.assume(ok, ir.Op.LE, 0, x, True, 8)
                fn.assume(ok, ir.Op.LT if strict else ir.Op.LE, x, y, True, 8)
            res[(n, chk[1].els)] = ok
            if not decided:
                res[(n, chk[1].then)] = st
            return res, decided
        if isinstance(t, ir.If):
            cond = fn.opnd(t.cond)
            c2 = st.cmp.get(cond) if isinstance(cond, tuple) else None
            a = e = st
            if c2 is not None:
                a, e = st.copy(), st
                op, x2, y2, sg, w = c2
                fn.assume(a, op, x2, y2, sg, w)
                fn.assume(e, _NEGATE[op], x2, y2, sg, w)
            res[(n, t.then)] = a
            res[(n, t.els)] = e
            return res, False
        for s in ir.successors(t):
            res[(n, s)] = st
        return res, False

    for _ in range(MAX_PASSES):
        changed = False
        for n in order:
            if n == entry or n in keep:
                new = State()
            else:
                got = [outs[(p, n)] for p in preds[n] if (p, n) in outs]
                if not got:
                    continue
                new = _join(got)
            old = ins.get(n)
            if old is not None:
                visits[n] = visits.get(n, 0) + 1
                if n in headers and visits[n] >= 2:
                    new = new.copy()
                    new.rng = {w: _widen(old.rng[w], r) for w, r in new.rng.items()
                               if w in old.rng and old.rng[w][0] == r[0]}
                if old.same(new):
                    continue
            ins[n] = new
            changed = True
            res, _ = flow(n)
            outs.update(res)
        if not changed:
            break
    else:
        return f, False
    out = list(f.blocks)
    any_done = False
    for k, b in enumerate(out):
        chk = checks[b.index]
        if chk is None or b.index not in ins:
            continue
        _, decided = flow(b.index)
        if decided:
            c, t = chk
            out[k] = ir.Block(b.index, (*b.instrs[:-1], ir.Mov(c.pos, c.dst, ir.Imm(0), 1)),
                              ir.Jump(t.pos, t.els))
            any_done = True
    if not any_done:
        return f, False
    return replace(f, blocks=tuple(out)), True


_NEGATE = {ir.Op.LT: ir.Op.GE, ir.Op.GE: ir.Op.LT, ir.Op.LE: ir.Op.GT, ir.Op.GT: ir.Op.LE,
           ir.Op.EQ: ir.Op.NE, ir.Op.NE: ir.Op.EQ}
