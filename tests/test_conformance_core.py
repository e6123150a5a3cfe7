"""Regression tests for the core fixes found by Go's conformance set (interfaces,
methods, conversions, calls) and the front-end bugs met on the way.

Two kinds of test:
- typed-tree shapes: the checker output each fix relies on (tree.py's contract), e.g.
  `f(g())` passes one `TupleElem` per result of ONE shared call node;
- differential: a small program per fix, built and run by refgo, must print exactly
  what gc's binary prints (skipped when Go 1.19 is not installed), e.g.

      var c, _ = bar()        // bar runs once at init, not once per name
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from compiler.diag import Diagnostics
from compiler.syntax import parse_file
from compiler.types import check_program, tree
from compiler.types.typ import Basic, Kind

GO = Path("/usr/lib/go-1.19/bin/go")


def check(src: str) -> tree.Program:
    """The typed tree of a one-file main package that must check without errors."""
    d = Diagnostics()
    f = parse_file("x.go", src.encode(), d)
    prog = check_program([f], d, None)
    assert not d.errors, [str(x) for x in d.sorted()]
    return prog


def main_body(prog: tree.Program) -> tuple[tree.Stmt, ...]:
    """The statements of main.main."""
    (fd,) = [d for d in prog.packages[-1].funcs if d.name == "main"]
    assert fd.body is not None
    return fd.body.stmts


def nodes(x: object) -> list[object]:
    """Every typed-tree node under x (closures included), depth first."""
    out: list[object] = []
    stack = [x]
    while stack:
        n = stack.pop()
        if isinstance(n, tuple):
            stack.extend(n)
        elif type(n).__module__ == tree.__name__ and hasattr(n, "__dataclass_fields__"):
            out.append(n)
            stack.extend(getattr(n, f) for f in n.__dataclass_fields__)
    return out


# -- typed-tree shapes ---------------------------------------------------------------


def test_multi_value_call_arguments_share_one_call() -> None:
    prog = check("package main\n\nfunc g() (int, string) { return 1, \"a\" }\n\n"
                 "func f(int, string) {}\n\nfunc main() {\n\tf(g())\n\tprintln(g())\n}\n")
    calls = [s.x for s in main_body(prog) if isinstance(s, tree.ExprStmt)]
    assert isinstance(calls[0], tree.Call) and isinstance(calls[1], tree.BuiltinCall)
    for call in calls:
        assert isinstance(call, tree.Call | tree.BuiltinCall)
        elems = [a for a in call.args if isinstance(a, tree.TupleElem)]
        assert len(elems) == len(call.args) == 2
        assert [a.index for a in elems] == [0, 1]
        assert elems[0].x is elems[1].x


def test_typed_nil_pointer_to_interface_is_a_conversion() -> None:
    prog = check("package main\n\nfunc main() {\n"
                 "\tprintln((*int)(nil) == interface{}(nil))\n}\n")
    (stmt,) = main_body(prog)
    assert isinstance(stmt, tree.ExprStmt) and isinstance(stmt.x, tree.BuiltinCall)
    cmp = stmt.x.args[0]
    assert isinstance(cmp, tree.Binary)
    assert isinstance(cmp.x, tree.Convert) and cmp.x.kind is tree.ConvKind.T2E
    assert isinstance(cmp.x.x, tree.NilExpr) and isinstance(cmp.y, tree.NilExpr)


@pytest.mark.parametrize(("expr", "symbol"), [
    ("(*T).V", "main.(*T).V"),        # value method through a pointer: wrapper
    ("O.V", "main.O.V"),              # promoted value method
    ("(*O).P", "main.(*O).P"),        # promoted pointer method
    ("I.V", "main.I.V"),              # interface method expression
    ("T.V", "main.T.V"),              # the declared method itself
])
def test_method_expressions_name_gc_wrappers(expr: str, symbol: str) -> None:
    prog = check("package main\n\ntype T struct{ n int }\n\nfunc (T) V() {}\n\n"
                 "func (*T) P() {}\n\ntype O struct{ T }\n\ntype I interface{ V() }\n\n"
                 f"func main() {{\n\tf := {expr}\n\t_ = f\n}}\n")
    refs = [n for n in nodes(main_body(prog)) if isinstance(n, tree.FuncRef)]
    assert [r.func.symbol for r in refs] == [symbol]


def test_untyped_shift_count_becomes_uint() -> None:
    prog = check("package main\n\nfunc main() {\n\tx := 2\n"
                 "\tprintln(1 << (1 << uint(x)))\n}\n")
    kinds = {n.type.kind for n in nodes(main_body(prog))
             if isinstance(n, tree.Binary) and isinstance(n.type, Basic)}
    assert kinds == {Kind.INT, Kind.UINT}


def test_blank_package_var_initialised_once() -> None:
    prog = check("package main\n\nfunc two() (int, int) { return 1, 2 }\n\n"
                 "var a, _ = two()\nvar _, _ = two()\n\nfunc main() { println(a) }\n")
    calls = [n for n in nodes(prog.packages[-1].inits) if isinstance(n, tree.Call)]
    assert len(calls) == 2


@pytest.mark.parametrize(("lit", "value"), [
    ("0o12i", complex(0, 0o12)), ("0b101i", complex(0, 0b101)), ("0x1Fi", complex(0, 0x1F)),
    ("012i", complex(0, 12)), ("0x1p-2i", complex(0, 0.25)), ("1_0.5e1i", complex(0, 105)),
])
def test_imaginary_literals_in_every_base(lit: str, value: complex) -> None:
    prog = check(f"package main\n\nfunc main() {{\n\tprintln({lit} == {value.imag!r}i)\n"
                 f"\tx := {lit}\n\t_ = x\n}}\n")
    consts = [n.value for n in nodes(main_body(prog)) if isinstance(n, tree.ConstExpr)]
    assert sorted(consts, key=repr) == sorted([True, value], key=repr)


# -- differential: refgo's output equals gc's ------------------------------------------

PROGRAMS = {
    "method_value_nil_receiver": """package main

type I interface{ M() int }
type Z struct{}

func (Z) M() int { return 0 }

type W struct{ *Z }

func try(f func()) {
	defer func() { println(recover() != nil) }()
	f()
}

func main() {
	var g func() int
	try(func() { var i I; g = i.M })
	try(func() { var w W; g = w.M })
	try(func() { var p *Z; g = p.M })
	_ = g
}
""",
    "blank_var_init": """package main

var n int

func two() (int, int) { n++; return n, 2 }

var a, _ = two()
var _, _ = two()

func main() { println(a, n) }
""",
    "switch_interface_case": """package main

func main() {
	var e interface{} = 3
	for _, x := range []int{2, 3} {
		switch x {
		case e:
			println(x, "is e")
		default:
			println(x, "is not e")
		}
	}
}
""",
    "shift_count_literals": """package main

func main() {
	x := 1
	println(x<<(1<<uint(x)), 1<<(1<<(1<<uint(x))), x<<1., x<<(1+0i))
	println(0o_1_2i == complex(0, 0o12), 0b_1_0i == complex(0, 2), 012i == complex(0, 12))
}
""",
}


@pytest.mark.skipif(not GO.exists(), reason="Go 1.19 is not installed")
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_output_matches_gc(name: str, tmp_path: Path) -> None:
    src = tmp_path / f"{name}.go"
    src.write_text(PROGRAMS[name])
    want = subprocess.run([str(GO), "run", src.name], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, check=False,
                          env={"HOME": str(tmp_path), "GOCACHE": str(tmp_path / "cache"),
                               "GOFLAGS": "-mod=mod", "GO111MODULE": "off",
                               "PATH": "/usr/bin:/bin"})
    assert want.returncode == 0, want.stderr
    got = subprocess.run([sys.executable, "-m", "compiler", "run", src.name], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120, check=False)
    assert got.returncode == 0, got.stderr
    assert got.stdout + got.stderr == want.stdout + want.stderr
