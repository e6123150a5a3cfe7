"""Unit tests of escape analysis (compiler/escape/) on small programs, through the
real front end; and the copy-semantics run case under both conversion lowerings.

The -m suites themselves are the errorcheck cases under cases/escape/ (checked against
gc 1.19 by `pytest --compiler=gc cases/escape`).
"""

from __future__ import annotations

import ast as pyast
import subprocess
import sys
from pathlib import Path

import pytest

from compiler import escape, syntax, types
from compiler.diag import Diagnostics, Pos
from compiler.escape.report import fmt_expr
from compiler.escape.result import Inlined
from compiler.types import tree as T
from compiler.types.typ import EMPTY_INTERFACE, INT, STRING, Slice, Var, VarKind

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "cases" / "escape"


def analyse(tmp_path: Path, src: str, m: int = 1) -> tuple[escape.EscapeResult, list[str],
                                                           T.Program]:
    """Check src as x.go and run escape analysis; returns the result, the -m lines
    (`line:col: msg`) and the typed program."""
    path = tmp_path / "x.go"
    path.write_text(src)
    diags = Diagnostics()
    files = [syntax.parse_file(str(path), path.read_bytes(), diags)]
    prog = types.check_program(files, diags, None)
    assert diags.errors == 0, [str(d) for d in diags.items]
    res = escape.escape_program(prog, diags, escape.Options(m=m))
    lines = [f"{d.pos.line}:{d.pos.col}: {d.msg}" for d in diags.sorted() if d.warning]
    return res, lines, prog


def converts(prog: T.Program) -> list[T.Convert]:
    """Every T2E/T2I Convert node of the main package, in source order."""
    out: list[T.Convert] = []

    def visit(x: object) -> None:
        if isinstance(x, T.Convert) and x.kind in (T.ConvKind.T2E, T.ConvKind.T2I):
            out.append(x)
        if isinstance(x, tuple | list):
            for y in x:
                visit(y)
            return
        fields = getattr(type(x), "__dataclass_fields__", None)
        if fields is None or isinstance(x, Var):
            return
        for name in fields:
            if name not in ("pos", "type", "target", "var", "vars", "func", "method", "sig"):
                visit(getattr(x, name))

    for d in prog.packages[-1].funcs:
        visit(d.body)
    return sorted(out, key=lambda c: (c.pos.line, c.pos.col))


SEED = """package main

var sink interface{}

//go:noinline
func i2int(i interface{}) int {
	return i.(int)
}

func bench(n int) {
	sum := 0
	for i := 0; i < n; i++ {
		sum += i2int(i)
	}
	sink = sum
}

func main() { bench(3) }
"""


def test_seed_loop_conversion_stays_on_stack(tmp_path: Path) -> None:
    res, lines, prog = analyse(tmp_path, SEED)
    loop_conv, sink_conv = converts(prog)
    assert res.conv_on_stack(loop_conv)
    assert not res.conv_on_stack(sink_conv)
    assert id(loop_conv) in res.stack_convs()
    assert "6:12: i does not escape" in lines
    assert "13:15: i does not escape" in lines
    assert "15:2: sum escapes to heap" in lines


def test_param_tags(tmp_path: Path) -> None:
    src = """package main

var gp *int

func none(p *int) int { return *p }
func heap(p *int) { gp = p }
func content(pp **int) { gp = *pp }
func result(p *int) *int { return p }
func scalar(n int) int { return n }

func main() {}
"""
    res, lines, prog = analyse(tmp_path, src)
    assert lines == [
        "5:11: p does not escape",
        "6:11: leaking param: p",
        "7:14: leaking param content: pp",
        "8:13: leaking param: p to result ~r0 level=0",
    ]
    tags = {d.name: res.tags[id(d)] for d in prog.packages[-1].funcs}
    assert tags["none"] == (escape.NO_LEAK,)
    assert tags["heap"] == (escape.ParamTag(0, ()),)
    assert tags["content"] == (escape.ParamTag(1, ()),)
    assert tags["result"] == (escape.ParamTag(None, ((0, 0),)),)


def test_callers_use_tags(tmp_path: Path) -> None:
    src = """package main

var gp *int

func read(p *int) int { return *p }
func keep(p *int) { gp = p }
func id(p *int) *int { return p }

func f() int {
	a, b, c := 1, 2, 3
	keep(&b)
	q := id(&c)
	return read(&a) + *q
}

func g() *int {
	d := 4
	return id(&d)
}

func main() {}
"""
    res, lines, _ = analyse(tmp_path, src)
    moved = sorted(line for line in lines if "moved to heap" in line)
    assert moved == ["10:5: moved to heap: b", "17:2: moved to heap: d"]
    by_name = {v.name: m for v, m in res.moved.items()}
    assert by_name == {"a": False, "b": True, "c": False, "d": True}


def test_loop_depth(tmp_path: Path) -> None:
    src = """package main

func f(n int) interface{} {
	var outer interface{}
	for i := 0; i < n; i++ {
		inner := interface{}(i)
		_ = inner
		outer = i
	}
	_ = outer
	return nil
}

func main() {}
"""
    res, lines, prog = analyse(tmp_path, src)
    inner, outer = converts(prog)
    assert res.conv_on_stack(inner) and not res.conv_on_stack(outer)
    assert lines == ["6:23: (interface {})(i) does not escape", "8:3: i escapes to heap"]


def test_interface_method_call_arguments_escape(tmp_path: Path) -> None:
    src = """package main

type P interface{ Put(x interface{}) }

func f(p P, n int) {
	p.Put(n)
}

func main() {}
"""
    _, lines, _ = analyse(tmp_path, src)
    assert lines == ["5:8: leaking param: p", "6:7: n escapes to heap"]


def test_closures(tmp_path: Path) -> None:
    src = """package main

func local(n int) int {
	x := 0
	f := func() { x = n }
	f()
	return x
}

func escaping() func() int {
	y := 0
	return func() int { y++; return y }
}

func main() {}
"""
    res, lines, _ = analyse(tmp_path, src)
    assert lines == [
        "5:7: func literal does not escape",
        "11:2: moved to heap: y",
        "12:9: func literal escapes to heap",
    ]
    assert {v.name for v in res.captured} == {"n", "x", "y"}
    hv = res.heap_vars()
    assert {v.name: hv[v.uid] for v in res.captured} == {"n": False, "x": False, "y": True}
    assert {res.sites[k].pos.line for k in res.stack_sites()} == {5}


def test_pointer_shaped_and_big_values(tmp_path: Path) -> None:
    src = """package main

type Big struct{ a [200]int }

var sink interface{}

func f(p *int, b Big) int {
	sink = p
	var e interface{} = b
	return e.(Big).a[0]
}

func main() {}
"""
    res, lines, prog = analyse(tmp_path, src)
    (big,) = converts(prog)[1:]
    assert lines == ["7:8: leaking param: p", "9:22: b does not escape"]
    assert id(big) in res.stack_convs()
    assert not res.conv_on_stack(big)


def test_no_reports_without_m(tmp_path: Path) -> None:
    res, lines, prog = analyse(tmp_path, SEED, m=0)
    assert lines == []
    assert res.conv_on_stack(converts(prog)[0])


def test_dump_is_stable(tmp_path: Path) -> None:
    first = escape.dump(analyse(tmp_path, SEED)[0])
    second = escape.dump(analyse(tmp_path, SEED)[0])
    assert first == second
    assert "x.go:13:15: conv i: stack" in first
    assert "x.go:15:2: conv sum: heap" in first


def test_fmt_expr_spelling() -> None:
    p = Pos("x.go", 1, 1)
    n = Var("n", INT, p, VarKind.LOCAL, "main", 1)
    ref = T.VarRef(Pos("x.go", 1, 5), INT, n)
    add = T.Binary(Pos("x.go", 1, 5), INT, "+", ref, T.ConstExpr(p, INT, 1))
    explicit = T.Convert(p, EMPTY_INTERFACE, T.ConvKind.T2E, add)
    implicit = T.Convert(ref.pos, EMPTY_INTERFACE, T.ConvKind.T2E, ref)
    lit = T.CompositeLit(p, Slice(EMPTY_INTERFACE), (T.Element(0, implicit),))
    assert fmt_expr(explicit, "main") == "(interface {})(n + 1)"
    assert fmt_expr(implicit, "main") == "n"
    assert fmt_expr(lit, "main") == "[]interface {}{...}"
    assert fmt_expr(T.ConstExpr(p, STRING, b'a"b'), "main") == '"a\\"b"'


POSITIONS = """package main

type T struct{ a, b *int }

const Red = 7

var sink interface{}

func use(xs ...interface{}) {}

func (t T) M() int { return 0 }

func f(a, b, c int, s string, t T) {
	use(a, (*T)(nil), a+b+c, Red, float64(Red))
	sink = []struct{ x int }{{1}}
	sink = s + "!" + s
	sink = t.M
	sink = map[int]interface{}{1: a}
}

func main() { f(1, 2, 3, "s", T{}) }
"""


def test_report_positions_need_no_source_file(tmp_path: Path) -> None:
    """gc's positions (a call's `(`, a literal's `{`, an operator, a selector's `.`, a
    key's `:`) and constants' spellings come from the tree: the file is never written.
    The expected lines are gc 1.19's `-l -m` for POSITIONS."""
    diags = Diagnostics()
    files = [syntax.parse_file(str(tmp_path / "absent.go"), POSITIONS.encode(), diags)]
    prog = types.check_program(files, diags, None)
    escape.escape_program(prog, diags, escape.Options(m=1))
    lines = [f"{d.pos.line}:{d.pos.col}: {d.msg}" for d in diags.sorted() if d.warning]
    assert lines == [
        "9:10: xs does not escape",
        "11:7: t does not escape",
        "13:21: s does not escape",
        "13:31: leaking param: t",
        "14:5: ... argument does not escape",
        "14:5: a does not escape",
        "14:23: a + b + c does not escape",
        "14:27: Red does not escape",
        "14:39: float64(Red) does not escape",
        "15:2: []struct { x int }{...} escapes to heap",
        "15:26: []struct { x int }{...} escapes to heap",
        "16:2: s + \"!\" + s escapes to heap",
        "16:17: s + \"!\" + s escapes to heap",
        "17:10: t.M escapes to heap",
        "18:28: map[int]interface {}{...} escapes to heap",
        "18:30: a escapes to heap",
    ]


def _run(flags: list[str], case: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "compiler", "run", *flags, str(case)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


@pytest.mark.parametrize("flags", [[], ["-d=convinline=0"]], ids=["convinline", "runtime"])
def test_copy_semantics(flags: list[str]) -> None:
    case = CASES / "copysem.go"
    proc = _run(flags, case)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout + proc.stderr == (CASES / "copysem.out").read_text()


def test_convinline_off_calls_runtime(tmp_path: Path) -> None:
    path = tmp_path / "x.go"
    path.write_text(SEED)
    asm = {}
    for flag in ("-d=convinline=1", "-d=convinline=0"):
        proc = subprocess.run([sys.executable, "-m", "compiler", "compile", "-S", flag,
                               str(path)], capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        asm[flag] = [line for line in proc.stdout.splitlines() if "x.go:13)" in line]
    assert not any("convT64" in line for line in asm["-d=convinline=1"])
    assert any("convT64" in line for line in asm["-d=convinline=0"])


def test_cli_m_reports_are_warnings(tmp_path: Path) -> None:
    path = tmp_path / "x.go"
    path.write_text(SEED)
    proc = subprocess.run([sys.executable, "-m", "compiler", "compile", "-m", "-l",
                           str(path)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0
    assert f"{path}:13:15: i does not escape" in proc.stderr.splitlines()


def test_bench_prints_old_new_table(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "eface" / "run.py"),
                           "-n", "1000", "-count", "1", "-o", str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    head, row, ratio = proc.stdout.splitlines()
    assert head.split() == ["benchmark", "old", "ns/op", "new", "ns/op", "delta"]
    assert row.startswith("BenchmarkEfaceInteger-")
    assert ratio.startswith("new/old: ")
    for name in ("old.txt", "new.txt"):
        (line,) = (tmp_path / name).read_text().splitlines()
        assert line.split("\t")[1] == "1000" and line.endswith(" ns/op")


def test_constants_spelled_as_written(tmp_path: Path) -> None:
    src = """package main

const Red = 2

type C int

var sink interface{}

func f(i int) {
	sink = Red
	sink = 'A' + i
	sink = C(7)
	sink = 1e21
}

func main() {}
"""
    _, lines, _ = analyse(tmp_path, src)
    assert lines == [
        "10:2: Red escapes to heap",
        "11:2: 'A' + i escapes to heap",
        "12:2: C(7) escapes to heap",
        "13:2: 1e21 escapes to heap",
    ]


def test_static_package_data_is_not_an_allocation(tmp_path: Path) -> None:
    src = """package main

type T struct{ a int }

var p = &T{1}
var m = map[string]int{"a": 1}

func main() {}
"""
    res, lines, _ = analyse(tmp_path, src)
    assert lines == ["6:23: map[string]int{...} escapes to heap"]
    assert [s.kind for s in res.sites.values()] == [escape.SiteKind.MAPLIT]


def test_self_assignment_is_ignored(tmp_path: Path) -> None:
    src = """package main

type B struct{ buf []byte }

func (b *B) Trim(n int) {
	b.buf = b.buf[n:]
}

func main() {}
"""
    _, lines, _ = analyse(tmp_path, src)
    assert lines == [
        "5:7: b does not escape",
        "6:8: (*B).Trim ignoring self-assignment in b.buf = b.buf[n:]",
    ]


@pytest.mark.parametrize("module", sorted(p.name for p in (ROOT / "compiler" / "escape")
                                          .glob("*.py")))
def test_no_class_over_800_lines(module: str) -> None:
    """The pass stays split by concern: no class of compiler/escape/ grows past 800
    lines (the builder is one class made of a mixin per module)."""
    tree = pyast.parse((ROOT / "compiler" / "escape" / module).read_text())
    sizes = {n.name: (n.end_lineno or n.lineno) - n.lineno + 1
             for n in pyast.walk(tree) if isinstance(n, pyast.ClassDef)}
    assert {n: k for n, k in sizes.items() if k > 800} == {}



def test_inlined_copy_decisions_are_frozensets() -> None:
    """walk.Options declares its id sets frozenset, which a compiled walk checks: an
    inlined copy's overrides must be frozensets too (dict_keys' __rsub__ made a set)."""
    pos = Pos("x.go", 1, 1)
    sites = {1: escape.Site(escape.SiteKind.NEW, pos, "new(int)", escapes=False,
                            transient=True),
             2: escape.Site(escape.SiteKind.CONV, pos, "x", escapes=True),
             3: escape.Site(escape.SiteKind.CONV, pos, "y", escapes=False)}
    inl = Inlined(T.FuncDecl.__new__(T.FuncDecl), {}, sites)
    base = frozenset({1, 2, 7})
    got = (inl.stack_sites(base), inl.transient_sites(base), inl.stack_convs(base))
    assert got == ({1, 7}, {1, 7}, {3, 7})
    assert all(type(s) is frozenset for s in got)
