"""Terminating statements: `terminating_list` decides whether a body ends in a
terminating statement (Go spec), which a function with results must (`missing
return`). Labels and gotos are compiler/syntax/branches.py's.
"""

from __future__ import annotations

from compiler.syntax import ast


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
