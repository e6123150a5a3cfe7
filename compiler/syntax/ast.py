"""AST nodes: the parser's output, one frozen class per syntactic kind.

Every node's `pos` is the position of its first token (types2 reports errors at an
expression's start), with a few extra positions where gc reports elsewhere (an
operator, a closing brace). Types are expressions too (`[]int` is a SliceType). For

    x := a + f(1)

the parser builds

    AssignStmt(op=":=", lhs=(Name("x"),),
               rhs=(BinaryExpr("+", Name("a"), CallExpr(Name("f"), (BasicLit(INT "1"),))),))

Literal values stay as source text (BasicLit.value); the checker evaluates them.
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler.diag import Diagnostic, Pos

# ---------------------------------------------------------------------------------------
# Expressions and types


@dataclass(frozen=True, slots=True)
class BadExpr:
    """A placeholder after a syntax error (the file has already been reported)."""

    pos: Pos


@dataclass(frozen=True, slots=True)
class Name:
    pos: Pos
    value: str


@dataclass(frozen=True, slots=True)
class BasicLit:
    """A literal; kind is INT, FLOAT, IMAG, CHAR or STRING; value is the source text."""

    pos: Pos
    kind: str
    value: str


@dataclass(frozen=True, slots=True)
class KeyValue:
    """key: value in a composite literal; `pos` is the colon (where gc reports)."""

    pos: Pos
    key: Expr
    value: Expr


@dataclass(frozen=True, slots=True)
class CompositeLit:
    """T{...}; type is None for an elided type inside another composite literal (then
    `pos` is the `{` too). `lbrace` and `rbrace` are the braces (gc reports a literal's
    allocation at `lbrace`)."""

    pos: Pos
    type: Expr | None
    lbrace: Pos
    elems: tuple[Expr, ...]
    rbrace: Pos


@dataclass(frozen=True, slots=True)
class FuncLit:
    pos: Pos
    type: FuncType
    body: BlockStmt


@dataclass(frozen=True, slots=True)
class ParenExpr:
    pos: Pos
    x: Expr


@dataclass(frozen=True, slots=True)
class SelectorExpr:
    """x.sel; `dot` is the `.` (gc reports a method value there)."""

    pos: Pos
    x: Expr
    dot: Pos
    sel: Name


@dataclass(frozen=True, slots=True)
class IndexExpr:
    """x[index]; `lbrack` is the `[` (gc reports `cannot index` there)."""

    pos: Pos
    x: Expr
    index: Expr
    lbrack: Pos


@dataclass(frozen=True, slots=True)
class ListExpr:
    """The type arguments `A, B` of a multi-index instantiation `X[A, B]` (the index of
    its IndexExpr); a single type argument is the index itself."""

    pos: Pos
    elems: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class SliceExpr:
    pos: Pos
    x: Expr
    lo: Expr | None
    hi: Expr | None
    max: Expr | None
    full: bool
    rbrack: Pos | None = None
    lbrack: Pos | None = None


@dataclass(frozen=True, slots=True)
class TypeAssertExpr:
    """x.(T); type is None for the `x.(type)` of a type switch guard."""

    pos: Pos
    x: Expr
    type: Expr | None


@dataclass(frozen=True, slots=True)
class CallExpr:
    """f(args) or f(args...) (dots=True); `lparen` and `rparen` are the parentheses (gc
    reports a call, conversion or builtin at `lparen`). After a syntax error inside the
    list, rparen is where the parser stopped."""

    pos: Pos
    fun: Expr
    lparen: Pos
    args: tuple[Expr, ...]
    dots: bool
    rparen: Pos


@dataclass(frozen=True, slots=True)
class StarExpr:
    """*x: a dereference or a pointer type, decided by the checker."""

    pos: Pos
    x: Expr


@dataclass(frozen=True, slots=True)
class UnaryExpr:
    """op x for op in + - ! ^ & <-."""

    pos: Pos
    op: str
    x: Expr


@dataclass(frozen=True, slots=True)
class BinaryExpr:
    """x op y; `oppos` is the operator's position."""

    pos: Pos
    op: str
    x: Expr
    y: Expr
    oppos: Pos


@dataclass(frozen=True, slots=True)
class ArrayType:
    """[N]T; len is None for `[...]T` (only valid in a composite literal)."""

    pos: Pos
    len: Expr | None
    elem: Expr


@dataclass(frozen=True, slots=True)
class SliceType:
    pos: Pos
    elem: Expr


@dataclass(frozen=True, slots=True)
class DotsType:
    """...T of a final variadic parameter."""

    pos: Pos
    elem: Expr


@dataclass(frozen=True, slots=True)
class MapType:
    pos: Pos
    key: Expr
    value: Expr


@dataclass(frozen=True, slots=True)
class ChanType:
    """chan T (dir "both"), chan<- T (dir "send"), <-chan T (dir "recv")."""

    pos: Pos
    dir: str
    elem: Expr


@dataclass(frozen=True, slots=True)
class Field:
    """A parameter, result, struct field or interface element. `name` is None for an
    unnamed parameter or an embedded field/interface; `tag` is a struct tag's text."""

    pos: Pos
    name: Name | None
    type: Expr
    tag: str | None = None


@dataclass(frozen=True, slots=True)
class FuncType:
    pos: Pos
    params: tuple[Field, ...]
    results: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class StructType:
    pos: Pos
    fields: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class InterfaceType:
    """Methods are Fields with a name and a FuncType; embedded elements have no name."""

    pos: Pos
    methods: tuple[Field, ...]


Expr = (
    BadExpr | Name | BasicLit | KeyValue | CompositeLit | FuncLit | ParenExpr | SelectorExpr
    | IndexExpr | ListExpr | SliceExpr | TypeAssertExpr | CallExpr | StarExpr | UnaryExpr
    | BinaryExpr | ArrayType | SliceType | DotsType | MapType | ChanType | FuncType | StructType
    | InterfaceType
)

# ---------------------------------------------------------------------------------------
# Statements


@dataclass(frozen=True, slots=True)
class EmptyStmt:
    pos: Pos


@dataclass(frozen=True, slots=True)
class ExprStmt:
    pos: Pos
    x: Expr


@dataclass(frozen=True, slots=True)
class SendStmt:
    pos: Pos
    chan: Expr
    value: Expr


@dataclass(frozen=True, slots=True)
class IncDecStmt:
    """x++ or x-- (op "++"/"--")."""

    pos: Pos
    op: str
    x: Expr


@dataclass(frozen=True, slots=True)
class AssignStmt:
    """lhs op rhs for op in = := += -= ...; `oppos` is the operator's position."""

    pos: Pos
    op: str
    lhs: tuple[Expr, ...]
    rhs: tuple[Expr, ...]
    oppos: Pos


@dataclass(frozen=True, slots=True)
class GoStmt:
    pos: Pos
    call: Expr


@dataclass(frozen=True, slots=True)
class DeferStmt:
    pos: Pos
    call: Expr


@dataclass(frozen=True, slots=True)
class ReturnStmt:
    pos: Pos
    results: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class BranchStmt:
    """break, continue, goto, fallthrough (tok) with an optional label."""

    pos: Pos
    tok: str
    label: Name | None


@dataclass(frozen=True, slots=True)
class BlockStmt:
    """{ stmts }; `rbrace` is the closing brace (gc reports `missing return` there)."""

    pos: Pos
    stmts: tuple[Stmt, ...]
    rbrace: Pos


@dataclass(frozen=True, slots=True)
class IfStmt:
    pos: Pos
    init: Stmt | None
    cond: Expr | None
    then: BlockStmt
    els: Stmt | None


@dataclass(frozen=True, slots=True)
class CaseClause:
    """`case list:` or `default:` (exprs None) of an expression or type switch."""

    pos: Pos
    exprs: tuple[Expr, ...] | None
    body: tuple[Stmt, ...]
    colon: Pos


@dataclass(frozen=True, slots=True)
class SwitchStmt:
    pos: Pos
    init: Stmt | None
    tag: Expr | None
    clauses: tuple[CaseClause, ...]
    rbrace: Pos


@dataclass(frozen=True, slots=True)
class TypeSwitchStmt:
    """switch [init;] [name :=] x.(type) { ... }."""

    pos: Pos
    init: Stmt | None
    name: Name | None
    x: Expr
    clauses: tuple[CaseClause, ...]
    rbrace: Pos


@dataclass(frozen=True, slots=True)
class CommClause:
    """`case comm:` or `default:` (comm None) of a select."""

    pos: Pos
    comm: Stmt | None
    body: tuple[Stmt, ...]


@dataclass(frozen=True, slots=True)
class SelectStmt:
    pos: Pos
    clauses: tuple[CommClause, ...]


@dataclass(frozen=True, slots=True)
class ForStmt:
    pos: Pos
    init: Stmt | None
    cond: Expr | None
    post: Stmt | None
    body: BlockStmt


@dataclass(frozen=True, slots=True)
class RangeStmt:
    """for [key [, value] (= | :=)] range x; op is "", "=" or ":=". Variables past the
    second are kept in extra, for the checker to reject (as types2 does)."""

    pos: Pos
    key: Expr | None
    value: Expr | None
    op: str
    x: Expr
    body: BlockStmt
    extra: tuple[Expr, ...] = ()


@dataclass(frozen=True, slots=True)
class LabeledStmt:
    pos: Pos
    label: Name
    stmt: Stmt


@dataclass(frozen=True, slots=True)
class DeclStmt:
    pos: Pos
    decls: tuple[Decl, ...]


Stmt = (
    EmptyStmt | ExprStmt | SendStmt | IncDecStmt | AssignStmt | GoStmt | DeferStmt
    | ReturnStmt | BranchStmt | BlockStmt | IfStmt | SwitchStmt | TypeSwitchStmt
    | SelectStmt | ForStmt | RangeStmt | LabeledStmt | DeclStmt
)

# ---------------------------------------------------------------------------------------
# Declarations


@dataclass(frozen=True, slots=True)
class ImportDecl:
    """import [name] "path"; name is None, a Name, or Name(".")."""

    pos: Pos
    name: Name | None
    path: str
    path_pos: Pos


@dataclass(frozen=True, slots=True)
class ConstSpec:
    """One line of a const declaration. An omitted type and value list repeats the
    previous spec's (`implicit`=True); `iota` is the spec's index in its group."""

    pos: Pos
    names: tuple[Name, ...]
    type: Expr | None
    values: tuple[Expr, ...]
    iota: int
    implicit: bool = False


@dataclass(frozen=True, slots=True)
class VarSpec:
    pos: Pos
    names: tuple[Name, ...]
    type: Expr | None
    values: tuple[Expr, ...]
    embed_pos: Pos | None = None
    """The first //go:embed directive on the (package-level, typed) var, if any."""
    embed: str = ""
    """The patterns of its //go:embed directives, as written (types/embed.py)."""


@dataclass(frozen=True, slots=True)
class TypeSpec:
    pos: Pos
    name: Name
    type: Expr
    alias: bool
    tparams: tuple[Field, ...] = ()
    notinheap: bool = False
    """Marked //go:notinheap (its values may not live in Go's heap or on a stack)."""


@dataclass(frozen=True, slots=True)
class FuncDecl:
    """func [(recv)] name(params) results [body]; body None when bodyless."""

    pos: Pos
    recv: Field | None
    name: Name
    type: FuncType
    body: BlockStmt | None
    pragmas: frozenset[str] = frozenset()
    tparams: tuple[Field, ...] = ()


Decl = ImportDecl | ConstSpec | VarSpec | TypeSpec | FuncDecl


@dataclass(frozen=True, slots=True)
class File:
    """One source file: its package clause and top-level declarations in order."""

    pos: Pos
    path: str
    package: Name
    decls: tuple[Decl, ...]
    directive_errors: tuple[Diagnostic, ...] = ()
    """Misplaced or misused `//go:` directives gc reports during parsing: they do not
    stop type checking (syntax.pragma)."""
    late_directive_errors: tuple[Diagnostic, ...] = ()
    """Those gc reports only after type checking succeeded."""
    linknames: tuple[tuple[Pos, str], ...] = ()
    """Each //go:linkname's position and local name, in source order."""
