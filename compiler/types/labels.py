"""Labels, gotos and terminating statements: walks over a function body's syntax that
need no types.

`collect_labels` records every label of a body before its statements are checked
(goto may jump forward); `GotoScan` records where labels, gotos and declarations sit
in the block structure, so that the checker can report

    goto L; { L: }         `goto L jumps into block starting at x.go:5:9`
    goto L; v := 1; L:     `goto L jumps over declaration of v at x.go:4:4`

and `terminating_list` decides whether a body ends in a terminating statement (Go
spec), which a function with results must (`missing return`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from compiler.diag import Pos
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
    match s:
        case ast.LabeledStmt(label=lab, stmt=inner):
            if lab.value in out:
                error(lab.pos, f"label {lab.value} already defined at {out[lab.value].pos}")
            elif lab.value != "_":
                out[lab.value] = Label(lab.pos)
            _collect_in(inner, out, error)
        case ast.BlockStmt(stmts=ss):
            collect_labels(ss, out, error)
        case ast.IfStmt(then=then, els=els):
            collect_labels(then.stmts, out, error)
            if els is not None:
                _collect_in(els, out, error)
        case ast.ForStmt(body=b) | ast.RangeStmt(body=b):
            collect_labels(b.stmts, out, error)
        case ast.SwitchStmt(clauses=cls) | ast.TypeSwitchStmt(clauses=cls):
            for c in cls:
                collect_labels(c.body, out, error)
        case ast.SelectStmt(clauses=ccls):
            for cc in ccls:
                collect_labels(cc.body, out, error)


def terminating_list(stmts: tuple[ast.Stmt, ...], panics: set[int]) -> bool:
    """Whether stmts end in a terminating statement; panics holds the ids of the calls
    that call the builtin panic (not a local named panic)."""
    i = len(stmts) - 1
    while i >= 0 and isinstance(stmts[i], ast.EmptyStmt):
        i -= 1
    return i >= 0 and _terminating(stmts[i], None, panics)


def _terminating(s: ast.Stmt, label: str | None, panics: set[int]) -> bool:
    """Whether s is a terminating statement (Go spec)."""
    match s:
        case ast.ReturnStmt():
            return True
        case ast.BranchStmt(tok="goto") | ast.BranchStmt(tok="fallthrough"):
            return True
        case ast.ExprStmt(x=ast.CallExpr() as call):
            return id(call) in panics
        case ast.BlockStmt(stmts=ss):
            return terminating_list(ss, panics)
        case ast.IfStmt(then=then, els=els):
            return els is not None and terminating_list(then.stmts, panics) and _terminating(
                els, None, panics)
        case ast.ForStmt(cond=None, body=b):
            return not _has_break(b.stmts, label, True)
        case ast.SwitchStmt(clauses=cls) | ast.TypeSwitchStmt(clauses=cls):
            if not any(c.exprs is None for c in cls):
                return False
            for c in cls:
                if _has_break(c.body, label, True):
                    return False
                if not terminating_list(c.body, panics):
                    return False
            return True
        case ast.SelectStmt(clauses=ccls):
            return all(terminating_list(c.body, panics) and not _has_break(c.body, label, True)
                       for c in ccls)
        case ast.LabeledStmt(label=lab, stmt=inner):
            return _terminating(inner, lab.value, panics)
    return False


def _has_break(stmts: tuple[ast.Stmt, ...], label: str | None, top: bool) -> bool:
    """Whether stmts contain a break referring to the enclosing statement."""
    for s in stmts:
        match s:
            case ast.BranchStmt(tok="break", label=lab):
                if lab is None and top:
                    return True
                if lab is not None and label is not None and lab.value == label:
                    return True
            case ast.BlockStmt(stmts=ss):
                if _has_break(ss, label, top):
                    return True
            case ast.IfStmt(then=then, els=els):
                if _has_break(then.stmts, label, top):
                    return True
                if els is not None and _has_break((els,), label, top):
                    return True
            case ast.LabeledStmt(stmt=inner):
                if _has_break((inner,), label, top):
                    return True
            case ast.ForStmt(body=b) | ast.RangeStmt(body=b):
                if _has_break(b.stmts, label, False):
                    return True
            case ast.SwitchStmt(clauses=cls) | ast.TypeSwitchStmt(clauses=cls):
                for c in cls:
                    if _has_break(c.body, label, False):
                        return True
            case ast.SelectStmt(clauses=ccls):
                for cc in ccls:
                    if _has_break(cc.body, label, False):
                        return True
    return False
