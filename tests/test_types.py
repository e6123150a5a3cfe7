"""Unit tests of the type checker: typed-tree shapes (the implicit operations tree.py
promises), exact constant arithmetic, init order, and gc 1.19's error messages."""

from __future__ import annotations

import pytest

from compiler.diag import Diagnostics
from compiler.syntax import parse_file
from compiler.types import check_program, dump, tree
from compiler.types.constant import format_value, parse_float_lit
from compiler.types.typ import INT, Interface, Named, Slice


def check(src: str) -> tuple[tree.Program | None, list[str]]:
    d = Diagnostics()
    f = parse_file("x.go", src.encode(), d)
    if d.errors:
        return None, [str(x) for x in d.sorted()]
    prog = check_program([f], d, None)
    return prog, [str(x) for x in d.sorted()]


def typed(body: str, decls: str = "") -> str:
    prog, errs = check(f"package main\n\n{decls}\n\nfunc main() {{\n{body}\n}}\n")
    assert not errs, errs
    assert prog is not None
    return dump(prog)


def test_starter_subset_dump() -> None:
    out = typed("\tx := 1\n\tx += 2\n\tx++\n\tprintln(x, \"s\", true)")
    assert """VarDecl 6:2 vars=[x#1]
          values:
            ConstExpr 6:7 type=int value=1
        OpAssign 7:2 op=+
          lhs: VarRef 7:2 type=int var=x#1
          rhs: ConstExpr 7:7 type=int value=2
        OpAssign 8:2 op=+
          lhs: VarRef 8:2 type=int var=x#1
          rhs: ConstExpr 8:2 type=int value=1
        ExprStmt 9:2
          x: BuiltinCall 9:2 type=() name=println spread=False
            args:
              VarRef 9:10 type=int var=x#1
              ConstExpr 9:13 type=string value='s'
              ConstExpr 9:18 type=bool value=True""" in out


def test_value_to_interface_is_explicit() -> None:
    out = typed("\tn := 1\n\tvar e interface{} = n + 1\n\t_ = e")
    assert "Convert 7:22 type=interface {} kind=T2E\n              x: Binary 7:22 type=int op=+" \
        in out


def test_interface_conversions_and_calls() -> None:
    decls = ("type I interface{ M() }\ntype J interface{ M(); N() }\n"
             "type T struct{}\nfunc (T) M() {}\nfunc (T) N() {}")
    out = typed("\tvar j J = T{}\n\tvar i I = j\n\tvar e interface{} = i\n\ti.M()\n\t_ = e",
                decls)
    assert "Convert 10:12 type=main.J kind=T2I" in out
    assert "Convert 11:12 type=main.I kind=I2I" in out
    assert "Convert 12:22 type=interface {} kind=I2E" in out
    assert "IfaceCall 13:2 type=() method=M index=0" in out


def test_pointer_receiver_takes_address_and_promotion_walks_path() -> None:
    decls = ("type B struct{ v int }\nfunc (b *B) Inc() { b.v++ }\n"
             "type T struct{ B; n int }")
    out = typed("\tvar t T\n\tt.Inc()\n\tp := &t\n\t_ = p.v", decls)
    assert "MethodCall 9:2 type=() method=main.(*B).Inc" in out
    assert "recv: AddrOf 9:2 type=*main.B\n              x: FieldSel 9:2 type=main.B index=0" \
        in out
    assert "FieldSel 11:6 type=int index=0\n              x: FieldSel 11:6 type=main.B " \
           "index=0\n                x: Deref 11:6 type=main.T" in out


def test_variadic_packing() -> None:
    out = typed("\tf()\n\tf(1, 2)\n\tf([]int{3}...)", "func f(xs ...int) {}")
    assert "args:\n              NilExpr 6:4 type=[]int" in out
    assert "CompositeLit 7:4 type=[]int" in out
    assert "CompositeLit 8:4 type=[]int" in out


def test_redeclaring_define_splits_into_vardecl_and_assign() -> None:
    out = typed("\ta, err := two()\n\tb, err := two()\n\t_, _, _ = a, b, err",
                "func two() (int, error) { return 0, nil }")
    assert "VarDecl 7:2 vars=[b#" in out
    assert "Assign 7:2\n          lhs:\n            VarRef 7:2 type=int" in out


def test_closure_captures() -> None:
    out = typed("\tx, y := 1, 2\n\tf := func() int { return x }\n\t_, _ = f, y")
    assert "name=main.func1 sig=func() int results=[_#3] captures=[x#1]" in out


def test_comma_ok_forms() -> None:
    out = typed("\tm := map[int]string{}\n\tv, ok := m[1]\n\tvar e interface{}\n"
                "\tn, ok2 := e.(int)\n\t_, _, _, _ = v, ok, n, ok2")
    assert "MapIndex 7:11 type=(string, bool) commaok=True" in out
    assert "TypeAssert 9:12 type=(int, bool) target=int commaok=True" in out


def test_init_order_follows_dependencies() -> None:
    prog, errs = check("package main\n\nvar a = b + 1\nvar b = f()\n\n"
                       "func f() int { return c }\n\nvar c = 2\n\nfunc main() {}\n")
    assert not errs and prog is not None
    inits = prog.packages[-1].inits
    names = []
    for s in inits:
        assert isinstance(s, tree.Assign)
        ref = s.lhs[0]
        assert isinstance(ref, tree.VarRef)
        names.append(ref.var.name)
    assert names == ["c", "b", "a"]


def test_exact_constants() -> None:
    out = typed("\tconst big = 1 << 100\n\tprintln(big >> 98, 0.1+0.2 == 0.3, 7/2, 7.0/2)")
    assert "ConstExpr 7:10 type=int value=4" in out
    assert "ConstExpr 7:21 type=bool value=True" in out
    assert "ConstExpr 7:37 type=int value=3" in out
    assert "ConstExpr 7:42 type=float64 value=3.5" in out


def test_iota_and_typed_constants() -> None:
    out = typed("\tprintln(A, B, C, K)",
                "type K8 int8\nconst (\n\tA = iota * 10\n\tB\n\tC\n)\nconst K K8 = -1")
    assert "value=0" in out and "value=10" in out and "value=20" in out
    assert "ConstExpr 12:19 type=main.K8 value=-1" in out


def test_named_types_and_methods_in_package() -> None:
    prog, errs = check("package main\n\ntype T int\n\nfunc (T) M() {}\nfunc (*T) P() {}\n\n"
                       "func main() {}\n")
    assert not errs and prog is not None
    named = prog.packages[-1].named
    assert len(named) == 1
    t = named[0]
    assert isinstance(t, Named) and t.underlying == INT
    assert [m.symbol for m in t.methods] == ["main.T.M", "main.(*T).P"]


def test_interface_methods_sorted_and_flattened() -> None:
    prog, errs = check("package main\n\ntype A interface{ Z(); B() }\n"
                       "type C interface{ A; M() }\n\nfunc main() {}\n")
    assert not errs and prog is not None
    c = prog.packages[-1].named[1]
    assert isinstance(c, Named) and isinstance(c.underlying, Interface)
    assert [m.name for m in c.underlying.methods] == ["B", "M", "Z"]


def test_slice_type_of_append() -> None:
    prog, errs = check("package main\n\nfunc main() {\n\tvar s []int\n\ts = append(s, 1)\n"
                       "\t_ = s\n}\n")
    assert not errs and prog is not None
    body = prog.packages[-1].funcs[0].body
    assert body is not None
    st = body.stmts[1]
    assert isinstance(st, tree.Assign)
    call = st.rhs[0]
    assert isinstance(call, tree.BuiltinCall) and call.type == Slice(INT)


def test_float_formatting() -> None:
    assert format_value(parse_float_lit("1e300")) == "1e+300"
    assert format_value(parse_float_lit("1e5000")) == "1e+5000"
    assert format_value(parse_float_lit("0.1")) == "0.1"
    assert format_value(parse_float_lit("0x1p-2")) == "0.25"


@pytest.mark.parametrize("body, want", [
    ("\tx := 1", "x.go:6:2: x declared but not used"),
    ("\t_ = y", "x.go:6:6: undefined: y"),
    ("\tvar a int8 = 300\n\t_ = a",
     "x.go:6:15: cannot use 300 (untyped int constant) as int8 value in variable declaration "
     "(overflows)"),
    ("\tvar s string = 1 + 2\n\t_ = s",
     "x.go:6:17: cannot use 1 + 2 (untyped int constant 3) as string value in variable "
     "declaration"),
    ("\tf(1)", "x.go:6:4: not enough arguments in call to f\n\thave (number)\n\twant (int, "
               "string)"),
    ("\ta, b := 1\n\t_, _ = a, b", "x.go:6:10: assignment mismatch: 2 variables but 1 value"),
    ("\tif 1 {\n\t}", "x.go:6:5: non-boolean condition in if statement"),
    ("\t_ = 1 + \"a\"",
     "x.go:6:6: invalid operation: 1 + \"a\" (mismatched types untyped int and untyped string)"),
    ("\tvar i I = T{}\n\t_ = i",
     "x.go:6:12: cannot use T{} (value of type T) as type I in variable declaration:\n"
     "\tT does not implement I (missing M method)"),
    ("\tvar i I\n\t_ = i.(T)",
     "x.go:7:6: impossible type assertion: i.(T)\n\tT does not implement I (missing M method)"),
    ("\tn := 1\n\t_ = n.(int)",
     "x.go:7:6: invalid operation: n (variable of type int) is not an interface"),
    ("\tfor {\n\t\tbreak L\n\t}", "x.go:7:9: break label not defined: L"),
    ("\tcontinue", "x.go:6:2: continue is not in a loop"),
    ("\tvar t T\n\tt.x = 1", "x.go:7:4: t.x undefined (type T has no field or method x)"),
    ("\t_ = T{q: 1}", "x.go:6:8: unknown field 'q' in struct literal of type T"),
    ("\tconst c int8 = 100\n\t_ = c * 3",
     "x.go:7:6: c * 3 (constant 300 of type int8) overflows int8"),
    ("\t_ = 1 << 600", "x.go:6:8: constant shift overflow"),
    ("\tvar a [3]int\n\t_ = a[5]", "x.go:7:8: invalid argument: index 5 out of bounds [0:3]"),
    ("\tx := 5\n\tx()", "x.go:7:2: invalid operation: cannot call non-function x (variable of "
                        "type int)"),
    ("\t_ = g()", "x.go:6:6: g() (no value) used as value"),
])
def test_error_messages(body: str, want: str) -> None:
    decls = "type I interface{ M() }\ntype T struct{ a int }\n" \
            "func f(a int, b string) {}\nfunc g() {}"
    src = f"package main\n\n\n\nfunc main() {{\n{body}\n}}\n\n{decls}\n"
    _, errs = check(src)
    assert want in errs, errs


def test_missing_return() -> None:
    _, errs = check("package main\n\nfunc f(x int) int {\n\tif x > 0 {\n\t\treturn 1\n\t}\n}\n\n"
                    "func g() int {\n\tfor {\n\t}\n}\n\nfunc main() {}\n")
    assert errs == ["x.go:7:1: missing return"]


def test_channel_operations_are_explicit() -> None:
    out = typed("\tc := make(chan int, 1)\n\tc <- 1\n\tv, ok := <-c\n\tgo println(v, ok)\n"
                "\tvar r <-chan int = c\n\tselect {\n\tcase v = <-r:\n\tdefault:\n\t}")
    assert """        Send 7:4
          chan: VarRef 7:2 type=chan int var=c#1
          value: ConstExpr 7:7 type=int value=1
        VarDecl 8:2 vars=[v#2, ok#3]
          values:
            Recv 8:11 type=(int, bool) commaok=True
              x: VarRef 8:13 type=chan int var=c#1
        Go 9:2
          call: BuiltinCall 9:5 type=() name=println spread=False""" in out
    assert """            Convert 10:21 type=<-chan int kind=nop
              x: VarRef 10:21 type=chan int var=c#1""" in out
    assert """            CommClause 12:2
              comm: Assign 12:7
                lhs:
                  VarRef 12:7 type=int var=v#2
                rhs:
                  Recv 12:11 type=int commaok=False""" in out


def test_untyped_constant_is_not_a_pointer_or_channel() -> None:
    _, errs = check("package main\n\nfunc main() {\n\tvar p *int = 1\n\tvar c chan int = 1\n"
                    "\t_, _ = p, c\n}\n")
    assert errs == [
        "x.go:4:15: cannot use 1 (untyped int constant) as *int value in variable declaration",
        "x.go:5:19: cannot use 1 (untyped int constant) as chan int value in variable "
        "declaration",
    ]


def test_imports_without_loader_are_errors() -> None:
    _, errs = check("package main\n\nimport \"os\"\n\nfunc main() { os.Exit(0) }\n")
    assert errs[0] == "x.go:3:8: refgo's library has no package os yet"


def test_library_package_via_loader() -> None:
    lib = parse_file("lib.go", b"package lib\n\nfunc Twice(x int) int { return 2 * x }\n\n"
                               b"func Ext(p *int)\n", Diagnostics())
    d = Diagnostics()
    f = parse_file("x.go", b"package main\n\nimport \"lib\"\n\nfunc main() { "
                           b"println(lib.Twice(2)) }\n", d)
    prog = check_program([f], d, lambda path: [lib] if path == "lib" else [])
    assert not d.items, [str(x) for x in d.items]
    assert [p.path for p in prog.packages] == ["lib", "main"]
    funcs = {fd.name: fd for fd in prog.packages[0].funcs}
    assert funcs["Ext"].body is None and funcs["Ext"].func is not None
    assert funcs["Ext"].func.external


def test_typed_constant_receiver_keeps_its_value() -> None:
    out = typed("\tprintln(B.M())", "type C int\n\nconst (\n\tA C = iota\n\tB\n)\n\n"
                                    "func (c C) M() int { return int(c) }")
    assert "recv: ConstExpr 13:10 type=main.C value=1" in out


def test_goto_checks() -> None:
    _, errs = check("package main\n\nfunc main() {\n\tgoto L\n\tx := 1\n\t_ = x\nL:\n"
                    "\tgoto M\n\t{\n\tM:\n\t}\n}\n")
    assert errs == ["x.go:4:7: goto L jumps over declaration of x at x.go:5:4",
                    "x.go:8:7: goto M jumps into block starting at x.go:9:2"]


def test_initialization_loop_through_functions() -> None:
    _, errs = check("package main\n\nfunc f() int { return w }\n\nvar w = f()\n\n"
                    "func main() {}\n")
    assert errs == ["x.go:5:5: initialization loop for w\n\tx.go:5:5: w refers to\n"
                    "\tx.go:3:6: f refers to\n\tx.go:5:5: w"]


def test_multi_value_interface_conversion_converts_each_tuple_elem() -> None:
    out = typed("\tvar x interface{}\n\tvar ok bool\n\tx, ok = m[\"k\"]\n\t_, _ = x, ok",
                "var m map[string]int")
    assert """rhs:
            Convert 8:10 type=interface {} kind=T2E
              x: TupleElem 8:10 type=int index=0""" in out
    assert "            TupleElem 8:10 type=bool index=1" in out


def check_two(lib: str, src: str) -> list[str]:
    """Checks package main (src) importing "lib" (package lib, the source lib)."""
    d = Diagnostics()
    lf = parse_file("lib.go", lib.encode(), d)
    f = parse_file("x.go", src.encode(), d)
    check_program([f], d, lambda path: [lf] if path == "lib" else [])
    return [str(x) for x in d.sorted()]


def test_unexported_interface_methods_belong_to_their_package() -> None:
    lib = ("package lib\n\ntype I interface{ m() }\n\ntype T struct{}\n\n"
           "func (*T) m() {}\n\nvar X I = new(T)\n")
    errs = check_two(lib, "package main\n\nimport \"lib\"\n\ntype J interface{ m() }\n\n"
                          "type U struct{}\n\nfunc (*U) m() {}\n\nfunc main() {\n"
                          "\tvar i lib.I = lib.X\n\tvar j J = new(U)\n\ti = new(U)\n"
                          "\tj = i\n\t_, _ = i, j\n}\n")
    assert errs == [
        "x.go:14:6: cannot use new(U) (value of type *U) as type lib.I in assignment:\n"
        "\t*U does not implement lib.I (missing m method)",
        "x.go:15:6: cannot use i (variable of type lib.I) as type J in assignment:\n"
        "\tlib.I does not implement J (missing m method)"]
