"""Unit tests of the lexer (automatic semicolons, literals, pragmas) and the parser
(AST dumps, gc's syntax error messages)."""

from __future__ import annotations

import pytest

from compiler.diag import Diagnostics
from compiler.syntax import ast, dump, parse_file
from compiler.syntax.lexer import classify_number, lex


def kinds(src: str) -> list[str]:
    toks, _ = lex("x.go", src.encode(), Diagnostics())
    return [t.kind if t.kind != ";" else f";{t.text}" for t in toks]


def errors(src: str) -> list[str]:
    d = Diagnostics()
    parse_file("x.go", src.encode(), d)
    return [str(x) for x in d.sorted()]


@pytest.mark.parametrize("src, want", [
    ("x\n", ["NAME", ";newline", "EOF"]),
    ("return\n", ["return", ";newline", "EOF"]),
    ("x++\n", ["NAME", "++", ";newline", "EOF"]),
    ("f()\n}\n", ["NAME", "(", ")", ";newline", "}", ";newline", "EOF"]),
    ("x +\ny", ["NAME", "+", "NAME", ";EOF", "EOF"]),
    ("a /* c\n */ b", ["NAME", ";newline", "NAME", ";EOF", "EOF"]),
    ("a /* c */ b\n", ["NAME", "NAME", ";newline", "EOF"]),
    ("a // c\nb", ["NAME", ";newline", "NAME", ";EOF", "EOF"]),
    ("x; y", ["NAME", ";semicolon", "NAME", ";EOF", "EOF"]),
    ("if {\n", ["if", "{", "EOF"]),
    ("'a'\n`raw\nstring`\n", ["CHAR", ";newline", "STRING", ";newline", "EOF"]),
])
def test_semicolons(src: str, want: list[str]) -> None:
    assert kinds(src) == want


@pytest.mark.parametrize("text, kind", [
    ("0", "INT"), ("1_000", "INT"), ("0x1F", "INT"), ("0b101", "INT"), ("0o17", "INT"),
    ("017", "INT"), ("1.5", "FLOAT"), (".5", "FLOAT"), ("1e3", "FLOAT"), ("0x1p-2", "FLOAT"),
    ("0x1.8p1", "FLOAT"), ("3i", "IMAG"), ("99.0i", "IMAG"), ("0x10i", "IMAG"),
])
def test_number_kinds(text: str, kind: str) -> None:
    assert classify_number(text) == (kind, "")


@pytest.mark.parametrize("text, msg", [
    ("0x", "hexadecimal literal has no digits"),
    ("09", "invalid digit '9' in octal literal"),
    ("1__0", "'_' must separate successive digits"),
    ("0b102", "invalid digit '2' in binary literal"),
    ("0x1.5", "hexadecimal mantissa requires a 'p' exponent"),
])
def test_number_errors(text: str, msg: str) -> None:
    assert classify_number(text)[1] == msg


def test_pragmas_attach_to_next_func() -> None:
    src = b"package p\n\n//go:noinline\nfunc f() {}\n\nfunc g() {}\n"
    f = parse_file("x.go", src, Diagnostics())
    out = dump(f)
    assert "FuncDecl 4:1 name=f pragmas=noinline" in out
    assert "FuncDecl 6:1 name=g\n" in out


def test_dump_small_program() -> None:
    src = b"package main\n\nfunc main() {\n\tx := a + f(1)\n}\n"
    got = dump(parse_file("x.go", src, Diagnostics()))
    assert got == """File 1:1 package=main
  decls:
    FuncDecl 3:1 name=main
      type: FuncType 3:1
      body: BlockStmt 3:13
        stmts:
          AssignStmt 4:2 op=:=
            lhs:
              Name 4:2 value=x
            rhs:
              BinaryExpr 4:7 op=+
                x: Name 4:7 value=a
                y: CallExpr 4:11 dots=False
                  fun: Name 4:11 value=f
                  args:
                    BasicLit 4:13 kind=INT value=1
"""


def test_parse_full_syntax() -> None:
    src = b"""package main

import (
	"fmt"
	u "unsafe"
)

type (
	T struct {
		x, y int
		*U
		s string `tag`
	}
	I interface {
		M(int) (string, error)
		fmt.Stringer
	}
	A = []map[string]*T
)

const (
	a = iota
	b
)

func (t *T) M(xs ...int) (n int, err error) { return }

func main() {
	ch := make(chan int)
	go func() { ch <- 1 }()
	select {
	case v, ok := <-ch:
		_, _ = v, ok
	default:
	}
	switch x := interface{}(1).(type) {
	case int, string:
		_ = x
	}
	for i, v := range []int{1, 2} {
		_, _ = i, v
	}
L:
	for {
		break L
	}
	defer func() { recover() }()
	_ = [...]int{1, 2}[1:2:2]
	_ = u.Sizeof(0)
	var f func(int) bool
	_ = f
	goto L
}
"""
    d = Diagnostics()
    f = parse_file("x.go", src, d)
    assert not d.items, [str(x) for x in d.items]
    out = dump(f)
    assert "TypeSwitchStmt" in out and "SelectStmt" in out and "ChanType" in out
    assert "ConstSpec 23:2 iota=1 implicit=True" in out


@pytest.mark.parametrize("src, want", [
    ("package main\n\nfunc main() {\n\tx := 1 +\n\tf(1, 2\n}\n",
     "x.go:5:8: syntax error: unexpected newline in argument list; possibly missing comma or )"),
    ("package main\n\nfunc main() {\n\tx = = 2\n}\n",
     "x.go:4:6: syntax error: unexpected =, expecting expression"),
    ("package main\n\nx := 1\n",
     "x.go:3:1: syntax error: non-declaration statement outside function body"),
    ("package main\n\nfunc main() {\n\tif x := 1 {\n\t}\n}\n",
     "x.go:4:7: syntax error: cannot use x := 1 as value"),
    ("package main\n\nfunc main() {\n\tif true {\n\t} else for {\n\t}\n}\n",
     "x.go:5:9: syntax error: else must be followed by if or statement block"),
    ("package main\n\nfunc main() {\n\tfor {\n\t} x := 1\n}\n",
     "x.go:5:4: syntax error: unexpected x at end of statement"),
    ("package main\n\nfunc main() {\n\tf(a b)\n}\n",
     "x.go:4:6: syntax error: unexpected b in argument list; possibly missing comma or )"),
    ("package main\n\nfunc main() {\n\tfor i := 0; i < 3; i++ func\n}\n",
     "x.go:4:25: syntax error: unexpected func, expecting { after for clause"),
    ("package main\n\nfunc main() {\n\ts := \"abc\n}\n", "x.go:4:11: newline in string"),
    ("package main\n\nfunc main() {\n\tr := 'ab'\n}\n",
     "x.go:4:7: more than one character in rune literal"),
    ("package main\n\nfunc main() {\n\tq := '\\q'\n}\n", "x.go:4:9: unknown escape"),
    ("package main\n\nfunc main() {\n\t@\n}\n", "x.go:4:2: invalid character U+0040 '@'"),
    ("package main\n/* open", "x.go:2:1: comment not terminated"),
])
def test_syntax_errors(src: str, want: str) -> None:
    assert want in errors(src)


def test_one_syntax_error_per_line_and_recovery() -> None:
    src = "package main\n\nfunc f() {\n\tf(a b c)\n}\n\nfunc g() {\n\tx = = 1\n}\n"
    assert errors(src) == [
        "x.go:4:6: syntax error: unexpected b in argument list; possibly missing comma or )",
        "x.go:8:6: syntax error: unexpected =, expecting expression",
    ]


def test_report_positions() -> None:
    """The parser keeps the positions gc reports at: a call's `(`, a composite literal's
    `{` (past a struct type's own braces), a selector's `.`, an operator."""
    d = Diagnostics()
    f = parse_file("x.go", b"package p\n\nvar v = (*T)(x).f([]struct{}{}, a+b)\n", d)
    assert d.errors == 0
    spec = f.decls[0]
    assert isinstance(spec, ast.VarSpec)
    call = spec.values[0]
    assert isinstance(call, ast.CallExpr) and isinstance(call.fun, ast.SelectorExpr)
    assert (call.lparen.col, call.fun.dot.col) == (18, 16)
    conv = call.fun.x
    assert isinstance(conv, ast.CallExpr) and conv.lparen.col == 13
    lit, add = call.args
    assert isinstance(lit, ast.CompositeLit) and (lit.pos.col, lit.lbrace.col) == (19, 29)
    assert isinstance(add, ast.BinaryExpr) and add.oppos.col == 34


def test_func_type_position() -> None:
    """A function type sits at its `(` (gc's FuncType), a function literal at `func`."""
    d = Diagnostics()
    f = parse_file("x.go", b"package p\n\nvar a, b = func(int), func() {}\n", d)
    assert d.errors == 0
    spec = f.decls[0]
    assert isinstance(spec, ast.VarSpec)
    ftype, lit = spec.values
    assert isinstance(ftype, ast.FuncType) and isinstance(lit, ast.FuncLit)
    assert (ftype.pos.col, lit.pos.col, lit.type.pos.col) == (16, 23, 27)
