"""Labels and gotos: walks over a function body's syntax that need no types.

`collect_labels` records every label of a body before its statements are checked
(goto may jump forward); `goto_errors` finds, from where labels, gotos and
declarations sit in the block structure (`GotoScan`),

    goto L; { L: }         `goto L jumps into block starting at x.go:5:9`
    goto L; v := 1; L:     `goto L jumps over declaration of v at x.go:4:4`

The checker uses both. gc checks branches as it parses (syntax.checkBranches), so it
reports them even in a file with syntax errors, in every function body that has none:
`check_branches` is that check, which parse_file runs on such bodies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from compiler.diag import NOPOS, Pos
from compiler.syntax import ast


@dataclass(slots=True)
class Label:
    pos: Pos
    used: bool = False


_Path = tuple[tuple[int, Pos, int], ...]


class GotoScan:
    """Records where labels, gotos and variable declarations of one function body sit
    in its block structure. A path lists, from the body down, (block id, block start,
    index of the statement within that block)."""

    def __init__(self) -> None:
        self.labels: dict[str, _Path] = {}
        self.gotos: list[tuple[str, Pos, _Path]] = []
        self.decls: list[tuple[int, int, str, Pos]] = []
        self.next_id = 0

    def block(self, stmts: tuple[ast.Stmt, ...], parent: _Path, start: Pos) -> None:
        bid = self.next_id
        self.next_id += 1
        for i, s in enumerate(stmts):
            self.stmt(s, parent + ((bid, start, i),))

    def stmt(self, s: ast.Stmt, path: _Path) -> None:
        bid, _, i = path[-1]
        match s:
            case ast.LabeledStmt(label=lab, stmt=st):
                self.labels.setdefault(lab.value, path)
                self.stmt(st, path)
            case ast.BranchStmt(tok="goto", label=lab) if lab is not None:
                self.gotos.append((lab.value, lab.pos, path))
            case ast.AssignStmt(op=":=", lhs=lhs, oppos=op):
                name = lhs[0].value if isinstance(lhs[0], ast.Name) else "_"
                self.decls.append((bid, i, name, op))
            case ast.DeclStmt(decls=ds):
                for d in ds:
                    if isinstance(d, ast.VarSpec):
                        self.decls.append((bid, i, d.names[0].value, d.names[0].pos))
            case ast.BlockStmt(stmts=ss, pos=p):
                self.block(ss, path, p)
            case ast.IfStmt(then=then, els=els):
                self.block(then.stmts, path, then.pos)
                if els is not None:
                    self.stmt(els, path)
            case ast.ForStmt(body=b) | ast.RangeStmt(body=b):
                self.block(b.stmts, path, b.pos)
            case ast.SwitchStmt(clauses=cls) | ast.TypeSwitchStmt(clauses=cls):
                for c in cls:
                    self.block(c.body, path, c.pos)
            case ast.SelectStmt(clauses=ccls):
                for cc in ccls:
                    self.block(cc.body, path, cc.pos)


def collect_labels(stmts: tuple[ast.Stmt, ...], out: dict[str, Label],
                   error: Callable[[Pos, str], None]) -> None:
    """Record every label of a function body (not of nested closures)."""
    for s in stmts:
        _collect_in(s, out, error)


def _collect_in(s: ast.Stmt, out: dict[str, Label],
                error: Callable[[Pos, str], None]) -> None:
    if isinstance(s, ast.LabeledStmt):
        lab = s.label
        if lab.value in out:
            error(lab.pos, f"label {lab.value} already defined at {out[lab.value].pos}")
        elif lab.value != "_":
            out[lab.value] = Label(lab.pos)
    for c in _nested(s):
        _collect_in(c, out, error)


def _nested(s: ast.Stmt) -> Iterator[ast.Stmt]:
    """The statements directly inside s (a labeled statement's, a block's, the branches
    and bodies of if, for, switch and select), not those of function literals."""
    match s:
        case ast.LabeledStmt(stmt=inner):
            yield inner
        case ast.BlockStmt(stmts=ss):
            yield from ss
        case ast.IfStmt(then=then, els=els):
            yield from then.stmts
            if els is not None:
                yield els
        case ast.ForStmt(body=b) | ast.RangeStmt(body=b):
            yield from b.stmts
        case ast.SwitchStmt(clauses=cls) | ast.TypeSwitchStmt(clauses=cls):
            for c in cls:
                yield from c.body
        case ast.SelectStmt(clauses=ccls):
            for cc in ccls:
                yield from cc.body


def goto_errors(body: ast.BlockStmt, error: Callable[[Pos, str], None]) -> None:
    """Report gotos that jump into a block or over a variable declaration."""
    g = GotoScan()
    g.block(body.stmts, (), NOPOS)
    for name, gpos, gpath in g.gotos:
        lab = g.labels.get(name)
        if lab is None:
            continue
        if any(k >= len(gpath) or gpath[k][0] != lp[0] for k, lp in enumerate(lab)):
            error(gpos, f"goto {name} jumps into block starting at {lab[-1][1]}")
            continue
        bid, _, lidx = lab[-1]
        gidx = gpath[len(lab) - 1][2]
        over = [d for d in g.decls if d[0] == bid and gidx < d[1] < lidx]
        if over:
            _, _, dname, dpos = over[-1]
            error(gpos, f"goto {name} jumps over declaration of {dname} at {dpos}")


def check_branches(body: ast.BlockStmt, error: Callable[[Pos, str], None]) -> None:
    """The label errors of one function body (not of the function literals in it):
    duplicate, undefined and unused labels, and gotos into blocks or over
    declarations."""
    labels: dict[str, Label] = {}
    collect_labels(body.stmts, labels, error)
    goto_errors(body, error)
    _uses(body.stmts, labels, error)
    for name, lab in labels.items():
        if not lab.used:
            error(lab.pos, f"label {name} defined and not used")


def _uses(stmts: tuple[ast.Stmt, ...], labels: dict[str, Label],
          error: Callable[[Pos, str], None]) -> None:
    for s in stmts:
        _use(s, labels, error)


def _use(s: ast.Stmt, labels: dict[str, Label], error: Callable[[Pos, str], None]) -> None:
    if isinstance(s, ast.BranchStmt) and s.label is not None:
        lab, tok = s.label, s.tok
        found = labels.get(lab.value)
        if found is not None:
            found.used = True
        elif tok == "goto":
            error(lab.pos, f"label {lab.value} not defined")
        else:
            error(lab.pos, f"{tok} label not defined: {lab.value}")
    for c in _nested(s):
        _use(c, labels, error)
