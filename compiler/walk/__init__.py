"""walk: lower the typed tree to the IR of compiler/ir.py.

    lowered = walk_program(prog, Options(stackconv=..., escapes=...))   # ir.Program

Every Go value lives in a stack slot (a named variable, or a `.autotmp_N` temporary);
expressions lower to the memory location holding their value, statements to blocks.
For

    func f(x int) int { return x * 8 }

walk emits `binop mul w8 s .autotmp_0+0 <- x+0, $8`, copies the temp into the result
slot `~r0` and jumps to the exit block b1, which returns (amd64 turns the multiply into
`shlq $3`):

    b0:
      binop mul w8 s .autotmp_0+0 <- x+0, $8
      mov w8 ~r0+0 <- .autotmp_0+0
      jump b1
    b1:
      ret

Decisions made here:
- Variables whose address is taken or that a closure captures are moved to the heap
  (slot `&x` holds the pointer; gc's name). The escape pass narrows this through
  `Options.escapes`, a side table keyed by the Var's uid (absent = heap); what a
  closure built on the heap captures stays on the heap whatever it says.
- `new(T)`, `&T{...}`, `make([]T, const)`, slice literals and func literals in
  `Options.stacksites` (non-escaping, filled by the escape pass) are zeroed stack
  temporaries of at most 64 KiB, one per site, re-zeroed at each evaluation
  (base.py's `stack_object`); the others call newobject/makeslice/mallocgc.
- Value-to-interface conversions (Convert T2E/T2I): a pointer-shaped value is the data
  word; otherwise gc 1.19's allocator for v's type (`runtime.convT(typ, &v)`,
  `convT64(v)`, `convTstring(s)`, ...: `convert.conv_func`) makes a heap copy.
  `Options.stackconv` (keyed by the Convert node, filled by the escape pass) marks
  conversions whose result does not escape; with `convinline` those are built from a
  fresh stack temporary instead, with no call (the seed commit; convert.py's
  `stack_data_word`).
- Type descriptors (`type.T`), static itabs (`go.itab.T,I`) and method wrappers
  (`main.(*T).M` for value methods called through an interface) come from
  compiler/reflectdata.py, string data and other symbols from compiler/staticdata.py;
  walk lowers the wrappers reflectdata queues.
- Anything the back end cannot lower yet raises `Unsupported`; the driver reports it as
  `file:line:col: refgo does not support X yet`.

One function is lowered by one FuncBuilder, a class whose methods are spread over one
mixin module per concern, as Go's cmd/compile/internal/walk spreads its functions over
files (base.py explains the composition):

    program.py    walk_program: every function, closure and wrapper of the program
    base.py       shared state: slots, blocks, emit, moves, runtime calls; Options
    func.py       FuncBuilder itself; the frame: parameters, results, variables
    stmt.py       statements, conditions        assign.py    declarations, assignments
    expr.py       the expression dispatcher, addressable expressions, constants, &x
    index.py      x[i], s[i:j:k], m[k]          operators.py unary and binary operators
    compare.py    == != < ... on every type     call.py      calls (Go and C ABI)
    closure.py    func literals, func and method values, defer, go
    builtin.py    len, append, make, print, ...  complit.py  T{...}
    convert.py    T(x), one method per conversion kind
    iface.py      dynamic types, itab caches, x.(T)
    range.py      for range                     switch.py    switch, type switch
    chan.py       make/len/cap/close of channels, send, receive
    select.py     select statements
"""

from __future__ import annotations

from compiler.walk.base import Options, Unsupported
from compiler.walk.program import walk_program

__all__ = ["Options", "Unsupported", "walk_program"]
