"""Stable text dumps of the AST, and Go-like rendering of expressions for messages.

`dump(file)` prints one node per line, indented two spaces per level, with the node's
line:col; scalar fields inline, child nodes below:

    File 1:1 package=main
      FuncDecl 3:1 name=main
        type: FuncType 3:1
        body: BlockStmt 3:13
          ExprStmt 4:2
            x: CallExpr 4:2 dots=False
              fun: Name 4:2 value=println
"""

from __future__ import annotations

import dataclasses

from compiler.diag import Pos
from compiler.syntax import ast


def dump(file: ast.File) -> str:
    """The AST of file as stable indented text (positions as line:col)."""
    out: list[str] = []
    dump_node(file, 0, "", out, skip=("path",))
    return "\n".join(out) + "\n"


def _scalar(v: object) -> bool:
    return v is None or isinstance(v, (str, int, bool, float, frozenset))


def dump_node(node: object, depth: int, label: str, out: list[str],
              skip: tuple[str, ...] = ()) -> None:
    """Append node (a dataclass) and its children to out at indentation depth."""
    ind = "  " * depth
    head = f"{ind}{label}{type(node).__name__}"
    pos = getattr(node, "pos", None)
    if isinstance(pos, Pos):
        head += f" {pos.line}:{pos.col}"
    children: list[tuple[str, object]] = []
    for f in dataclasses.fields(node):  # type: ignore[arg-type]
        if f.name in ("pos",) or f.name in skip:
            continue
        v = getattr(node, f.name)
        if isinstance(v, Pos):
            continue
        if isinstance(v, ast.Name) and f.name in ("package", "sel", "name", "label"):
            head += f" {f.name}={v.value}"
        elif isinstance(v, frozenset):
            if v:
                head += f" {f.name}={','.join(sorted(str(x) for x in v))}"
        elif _scalar(v):
            if v is not None:
                head += f" {f.name}={v}"
        else:
            children.append((f.name, v))
    out.append(head)
    for name, v in children:
        if isinstance(v, tuple):
            if not v:
                continue
            out.append(f"{ind}  {name}:")
            for item in v:
                if dataclasses.is_dataclass(item):
                    dump_node(item, depth + 2, "", out)
                else:
                    out.append(f"{ind}    {item}")
        elif dataclasses.is_dataclass(v):
            dump_node(v, depth + 1, f"{name}: ", out)
        else:
            out.append(f"{ind}  {name}: {v}")


def expr_string(x: ast.Expr | ast.Stmt) -> str:
    """Go source spelling of an expression (as types2 prints it in messages)."""
    match x:
        case ast.Name(value=v):
            return v
        case ast.BasicLit(value=v):
            return v
        case ast.ParenExpr(x=e):
            return f"({expr_string(e)})"
        case ast.SelectorExpr(x=e, sel=sel):
            return f"{expr_string(e)}.{sel.value}"
        case ast.IndexExpr(x=e, index=i):
            return f"{expr_string(e)}[{expr_string(i)}]"
        case ast.ListExpr(elems=es):
            return ", ".join(expr_string(e) for e in es)
        case ast.SliceExpr(x=e, lo=lo, hi=hi, max=mx, full=full):
            parts = [expr_string(lo) if lo else "", expr_string(hi) if hi else ""]
            if full:
                parts.append(expr_string(mx) if mx else "")
            return f"{expr_string(e)}[{':'.join(parts)}]"
        case ast.TypeAssertExpr(x=e, type=t):
            return f"{expr_string(e)}.({expr_string(t) if t else 'type'})"
        case ast.CallExpr(fun=f, args=args, dots=dots):
            a = ", ".join(expr_string(e) for e in args)
            return f"{expr_string(f)}({a}{'...' if dots else ''})"
        case ast.StarExpr(x=e):
            return "*" + expr_string(e)
        case ast.UnaryExpr(op=op, x=e):
            return op + expr_string(e)
        case ast.BinaryExpr(op=op, x=a, y=b):
            return f"{expr_string(a)} {op} {expr_string(b)}"
        case ast.KeyValue(key=k, value=v):
            return f"{expr_string(k)}: {expr_string(v)}"
        case ast.CompositeLit(type=t, elems=els):
            return (expr_string(t) if t else "") + ("{…}" if els else "{}")
        case ast.FuncLit(type=ft, body=body):
            return expr_string(ft) + (" {…}" if body.stmts else " {}")
        case ast.ArrayType(len=n, elem=e):
            return f"[{expr_string(n) if n else '...'}]{expr_string(e)}"
        case ast.SliceType(elem=e):
            return "[]" + expr_string(e)
        case ast.DotsType(elem=e):
            return "..." + expr_string(e)
        case ast.MapType(key=k, value=v):
            return f"map[{expr_string(k)}]{expr_string(v)}"
        case ast.ChanType(dir=d, elem=e):
            pre = {"both": "chan ", "send": "chan<- ", "recv": "<-chan "}[d]
            return pre + expr_string(e)
        case ast.FuncType(params=ps, results=rs):
            s = "func(" + ", ".join(_field_string(p) for p in ps) + ")"
            if len(rs) == 1 and rs[0].name is None:
                s += " " + expr_string(rs[0].type)
            elif rs:
                s += " (" + ", ".join(_field_string(r) for r in rs) + ")"
            return s
        case ast.StructType(fields=fs):
            return "struct{" + "; ".join(_field_string(f) for f in fs) + "}"
        case ast.InterfaceType(methods=ms):
            parts = []
            for m in ms:
                if m.name is not None and isinstance(m.type, ast.FuncType):
                    parts.append(m.name.value + expr_string(m.type)[4:])
                else:
                    parts.append(expr_string(m.type))
            return "interface{" + "; ".join(parts) + "}"
    return "?"


def _field_string(f: ast.Field) -> str:
    t = expr_string(f.type)
    return f"{f.name.value} {t}" if f.name is not None else t


def const_spelling(x: ast.Expr) -> tuple[str | None, Pos | None]:
    """How gc's -m writes the constant expression x, and where it reports it when not at
    x's start: one literal, possibly qualified name, or a call or conversion of one such
    (`T(1)`, reported at its `(`), each optionally negated, or binary operations of
    those (`1 << 30`); (None, None) for anything else and for a string literal (whose
    folded value prints the same)."""
    if isinstance(x, ast.BinaryExpr):
        return _binary_spelling(x, 0), None
    neg = ""
    if isinstance(x, ast.UnaryExpr) and x.op == "-":
        neg, x = "-", x.x
    if isinstance(x, ast.CallExpr) and not x.dots and len(x.args) == 1:
        fun, arg = _token(x.fun, False), _token(x.args[0], True)
        if fun is None or arg is None:
            return None, None
        return f"{neg}{fun}({arg})", x.lparen
    tok = _token(x, False)
    if tok is None or isinstance(x, ast.BasicLit) and x.kind == "STRING":
        return None, None
    return neg + tok, None


_BINARY_PREC = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3,
                "+": 4, "-": 4, "|": 4, "^": 4, "*": 5, "/": 5, "%": 5, "<<": 5, ">>": 5,
                "&": 5, "&^": 5}


def _binary_spelling(x: ast.Expr, prec: int) -> str | None:
    """A constant operand as gc prints it inside an operation of precedence prec (a
    lower-precedence operation parenthesized), None when it is not one gc keeps."""
    if isinstance(x, ast.ParenExpr):
        return _binary_spelling(x.x, prec)
    if not isinstance(x, ast.BinaryExpr):
        return _token(x, True)
    p = _BINARY_PREC.get(x.op, 4)
    left, right = _binary_spelling(x.x, p), _binary_spelling(x.y, p + 1)
    if left is None or right is None:
        return None
    s = f"{left} {x.op} {right}"
    return f"({s})" if p < prec else s


def _token(x: ast.Expr, signed: bool) -> str | None:
    """x's text if it is one literal or a possibly qualified name (negated if signed)."""
    if signed and isinstance(x, ast.UnaryExpr) and x.op == "-":
        inner = _token(x.x, False)
        return None if inner is None else "-" + inner
    match x:
        case ast.Name(value=v) | ast.BasicLit(value=v):
            return v
        case ast.SelectorExpr(x=ast.Name(value=p), sel=sel):
            return f"{p}.{sel.value}"
    return None
