"""escape: decide for every allocation site whether it may live on the stack (`-m`).

The pass runs between devirt (whose static calls stand for the interface calls they
replace) and walk. It builds, per batch of mutually recursive functions (closures
belong to their enclosing function's batch), a directed
graph of *locations* — variables, allocation sites, the heap — whose edges say "the value
of src flows to dst, dereferenced `derefs` times" (-1: src's address flows; +1: what src
points to flows). Then, from every root that may outlive something (the heap, result
variables, variables declared at a shallower loop depth, variables of an enclosing
function), a shortest-path walk finds each location's minimum derefs to the root. A
location whose *address* reaches a root that outlives it escapes; an escaping location
becomes a root itself. A parameter reached from the heap or its function's results gets a
tag (leaks to heap with level h, leaks to result k with level d) which callers outside
the batch use instead of the callee's body. For

    func f(n int) int {                         var s int
        s := 0                                  for ... {
        for i := 0; i < n; i++ {                    e = i  // e declared outside the loop
            s += i2int(i)   // i2int(x) only asserts x.(int): param tag "does not escape"
        }
    }

the conversion `interface{}(i)` flows only into a non-escaping parameter: it does not
escape and walk builds it from a stack temporary; on the right, the conversion flows to
`e`, declared at loop depth 1 while the conversion is at depth 2 (the temporary would be
reused by the next iteration), so it escapes and walk calls runtime.convT64.

The modules, as in gc's cmd/compile/internal/escape:

    result.py    what the pass returns (EscapeResult, Site, ParamTag) and -dump=escape
    analysis.py  escape_program: batches in call-graph order, each built, solved, recorded
    graph.py     locations, holes, the builder's base and the whole-program state
    stmt.py      building from statements      expr.py  from expressions and sites
    call.py      building from calls            utils.py tree questions (gc's utils.go)
    solve.py     which locations escape, parameters' tags
    report.py    -m: gc's spelling and positions of nodes, the messages

`-m` prints gc 1.19's messages at gc's positions: allocation sites (`x escapes to heap`,
`new(T) does not escape`, `func literal escapes to heap`, `... argument does not escape`),
`moved to heap: x` at the declaration, and parameter tags (`leaking param: p`, `leaking
param content: p`, `leaking param: p to result ~r0 level=0`, `p does not escape`).
gc's positions that are not a node's start (call and conversion parentheses, composite
literal braces, binary operators, selector dots) are the typed tree's REPORT_FIELDS,
recorded by the parser; constants print as they were written (ConstExpr.spelling). The
pass never reads source files.

The result is a side table: sites keyed by `id(node)` (Convert T2E/T2I and the other
conversions that allocate, AddrOf of a composite literal, new/make/append, CompositeLit
of slices and maps, FuncLit, method values, string concatenation), variables by `Var`,
parameter tags by `id(FuncDecl)`. Do NOT key anything by the tree nodes themselves: they
are frozen dataclasses whose hash walks the whole subtree; and do NOT keep a result longer
than its Program (ids of dead nodes get reused).

Known differences from gc 1.19's -m (on purpose or not yet done):
- gc prints the self-assignment note twice for a two-pair assignment; the Diagnostics
  sink drops the exact duplicate.
- -m=2 explanations are not produced; inlining runs on the IR after this pass (it
  reports gc's inlining messages, compiler/inline.py). A call of a function gc's
  budget inlines whose body puts something on the heap is analysed with the body in
  place (call.py), its copy's decisions recorded by call (EscapeResult.inlined), which
  walk and the inliner follow; other inlined copies keep their callee's decisions.
docs/internals.md ("Escape analysis and liveness against gc") lists what else of gc's
behaviour is reproduced and the files of Go's test tree that pass.
Walk follows these decisions as gc's does: non-escaping conversions, new, &T{},
make([]T, const), slice literals and func literals are stack temporaries (stack_convs,
stack_sites), and address-taken or captured variables not moved stay in the frame
(heap_vars), except what a closure walk builds on the heap captures (a go or defer
statement's literal).
"""

from compiler.escape.analysis import escape_program
from compiler.escape.result import (
    CONV_STACK_MAX,
    NO_LEAK,
    EscapeResult,
    Options,
    ParamTag,
    Site,
    SiteKind,
    dump,
)

__all__ = ["CONV_STACK_MAX", "NO_LEAK", "EscapeResult", "Options", "ParamTag", "Site",
           "SiteKind", "dump", "escape_program"]
