"""Unit tests of walk (typed tree → IR), on hand-built typed trees, run end to end.

The trees are built directly (not parsed) so these tests pin the back end's contract
with tree.py independently of the front end.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from compiler import amd64, ir, link, liveness, walk
from compiler.diag import Diagnostics, Pos
from compiler.types import tree as T
from compiler.types.typ import (
    BOOL,
    EMPTY_INTERFACE,
    FLOAT64,
    INT,
    STRING,
    Func,
    Signature,
    Slice,
    Tuple,
    Type,
    Var,
    VarKind,
)

P = Pos("x.go", 3, 2)
NONE = Tuple(())
_uid = [100]


def c(v: int | bool | bytes | float, t: Type = INT) -> T.ConstExpr:
    return T.ConstExpr(P, t, v)


def var(name: str, t: Type = INT, kind: VarKind = VarKind.LOCAL) -> Var:
    _uid[0] += 1
    return Var(name, t, P, kind, "main", _uid[0])


def ref(v: Var) -> T.VarRef:
    return T.VarRef(P, v.type, v)


def println(*args: T.Expr) -> T.ExprStmt:
    return T.ExprStmt(P, T.BuiltinCall(P, NONE, "println", tuple(args)))


def func(
    name: str, body: list[T.Stmt], params: tuple[Var, ...] = (), results: tuple[Var, ...] = ()
) -> T.FuncDecl:
    sig = Signature(tuple(p.type for p in params), tuple(r.type for r in results))
    f = Func(name, "main", sig, P)
    return T.FuncDecl(P, name, f, sig, None, params, results, T.Block(P, tuple(body)))


def program(
    *funcs: T.FuncDecl, globals_: tuple[Var, ...] = (), inits: tuple[T.Stmt, ...] = ()
) -> T.Program:
    return T.Program((T.Package("main", "main", ("x.go",), globals_, funcs, inits, ()),))


def build_run(
    prog: T.Program, tmp: Path, opts: walk.Options | None = None
) -> subprocess.CompletedProcess[bytes]:
    lowered = walk.walk_program(prog, opts)
    # the stack maps too: a panic finds open-coded defers through them
    live = liveness.liveness_program(lowered, Diagnostics())
    s = tmp / "x.s"
    s.write_text(amd64.emit_program(lowered, live=live))
    exe = tmp / "x"
    link.link([str(s)], str(exe))
    return subprocess.run([str(exe)], capture_output=True, timeout=30, check=False)


def test_dump_names_slots_and_positions() -> None:
    x = var("x")
    prog = program(func("main", [T.VarDecl(P, (x,), (c(5),)), println(ref(x))]))
    text = ir.dump(walk.walk_program(prog))
    assert "func main.main args=0" in text
    assert "slot x auto size=8" in text
    assert "x.go:3 mov w8 x+0 <- .autotmp_0+0" in text
    assert "ccall runtime.printint(x+0)" in text
    assert "data main..inittask size=24 " + "00" * 24 + " []" in text


def test_println_arithmetic_end_to_end(tmp_path: Path) -> None:
    x = var("x")
    body: list[T.Stmt] = [
        T.VarDecl(P, (x,), (T.Binary(P, INT, "+", c(1), T.Binary(P, INT, "*", c(2), c(8))),)),
        T.OpAssign(P, "-", ref(x), c(20)),
        println(
            ref(x),
            c(b"hi", STRING),
            c(True, BOOL),
            T.Binary(P, INT, "/", c(-7), c(2)),
            T.Binary(P, INT, "%", c(-7), c(2)),
        ),
    ]
    r = build_run(program(func("main", body)), tmp_path)
    assert r.returncode == 0
    assert r.stderr == b"-3 hi true -3 -1\n"


def test_call_with_two_results(tmp_path: Path) -> None:
    a, b = var("a", kind=VarKind.PARAM), var("b", kind=VarKind.PARAM)
    q, r = var("", kind=VarKind.RESULT), var("", kind=VarKind.RESULT)
    divmod_ = func(
        "divmod",
        [
            T.Return(
                P, (T.Binary(P, INT, "/", ref(a), ref(b)), T.Binary(P, INT, "%", ref(a), ref(b)))
            )
        ],
        (a, b),
        (q, r),
    )
    x, y = var("x"), var("y")
    assert divmod_.func is not None
    call = T.Call(P, Tuple((INT, INT)), T.FuncRef(P, divmod_.sig, divmod_.func), (c(47), c(10)))
    main = func("main", [T.VarDecl(P, (x, y), (call,)), println(ref(x), ref(y))])
    res = build_run(program(divmod_, main), tmp_path)
    assert res.stderr == b"4 7\n"


def test_divide_by_zero_panics(tmp_path: Path) -> None:
    x = var("x")
    body: list[T.Stmt] = [T.VarDecl(P, (x,), (c(0),)), println(T.Binary(P, INT, "/", c(1), ref(x)))]
    r = build_run(program(func("main", body)), tmp_path)
    assert r.returncode == 2
    assert r.stderr.startswith(b"panic: runtime error: integer divide by zero\n")
    assert b"\n\ngoroutine 1 [running]:\nmain.main()\n\t/" in r.stderr
    assert re.search(rb"/x\.go:3 \+0x[0-9a-f]+\n\Z", r.stderr), r.stderr


def test_index_out_of_range(tmp_path: Path) -> None:
    s, i = var("s", Slice(INT)), var("i")
    lit = T.CompositeLit(P, Slice(INT), tuple(T.Element(k, c(k)) for k in range(3)))
    body: list[T.Stmt] = [
        T.VarDecl(P, (s, i), (lit, c(5))),
        println(T.Index(P, INT, ref(s), ref(i))),
    ]
    r = build_run(program(func("main", body)), tmp_path)
    assert r.returncode == 2
    assert r.stderr.startswith(b"panic: runtime error: index out of range [5] with length 3\n")


def test_globals_and_init(tmp_path: Path) -> None:
    g = var("g", kind=VarKind.GLOBAL)
    init = T.Assign(P, (ref(g),), (c(41),))
    body: list[T.Stmt] = [T.OpAssign(P, "+", ref(g), c(1)), println(ref(g))]
    r = build_run(program(func("main", body), globals_=(g,), inits=(init,)), tmp_path)
    assert r.stderr == b"42\n"


def test_interface_conversion_calls_runtime_unless_stack_allowed() -> None:
    x, e = var("x"), var("e", EMPTY_INTERFACE)
    conv = T.Convert(P, EMPTY_INTERFACE, T.ConvKind.T2E, ref(x))
    prog = program(
        func("main", [T.VarDecl(P, (x,), (c(7),)), T.VarDecl(P, (e,), (conv,)), println(ref(e))])
    )
    plain = ir.dump(walk.walk_program(prog))
    assert "ccall runtime.convT64(" in plain
    inline = ir.dump(walk.walk_program(prog, walk.Options(stackconv=frozenset({id(conv)}))))
    assert "convT64" not in inline
    off = walk.Options(convinline=False, stackconv=frozenset({id(conv)}))
    assert "convT64" in ir.dump(walk.walk_program(prog, off))


def test_stack_conversion_copies_value(tmp_path: Path) -> None:
    x, e = var("x"), var("e", EMPTY_INTERFACE)
    conv = T.Convert(P, EMPTY_INTERFACE, T.ConvKind.T2E, ref(x))
    assert_int = T.TypeAssert(P, INT, ref(e), INT)
    body: list[T.Stmt] = [
        T.VarDecl(P, (x,), (c(7),)),
        T.VarDecl(P, (e,), (conv,)),
        T.Assign(P, (ref(x),), (c(8),)),
        println(assert_int, ref(x)),
    ]
    for opts in (walk.Options(), walk.Options(stackconv=frozenset({id(conv)}))):
        r = build_run(program(func("main", body)), tmp_path, opts)
        assert r.stderr == b"7 8\n"


def test_failed_assertion_message(tmp_path: Path) -> None:
    e = var("e", EMPTY_INTERFACE)
    conv = T.Convert(P, EMPTY_INTERFACE, T.ConvKind.T2E, c(b"s", STRING))
    body: list[T.Stmt] = [T.VarDecl(P, (e,), (conv,)), println(T.TypeAssert(P, INT, ref(e), INT))]
    r = build_run(program(func("main", body)), tmp_path)
    assert r.returncode == 2
    assert r.stderr.startswith(b"panic: interface conversion: interface {} is string, not int")


def test_unsupported_is_reported() -> None:
    body: list[T.Stmt] = [println(T.Blank(P, INT))]
    with pytest.raises(walk.Unsupported) as info:
        walk.walk_program(program(func("main", body)))
    assert info.value.what == "Blank"
    assert info.value.pos == P


def test_defer_runs_at_return_and_recover_stops_panic(tmp_path: Path) -> None:
    msg = T.Convert(P, EMPTY_INTERFACE, T.ConvKind.T2E, c(b"boom", STRING))
    r = var("r", EMPTY_INTERFACE)
    rec = T.BuiltinCall(P, EMPTY_INTERFACE, "recover", ())
    handler_sig = Signature((), ())
    handler = T.FuncDecl(P, "main.func1", None, handler_sig, None, (), (), T.Block(P, (
        T.VarDecl(P, (r,), (rec,)),
        println(c(b"recovered", STRING), T.TypeAssert(P, STRING, ref(r), STRING)))))
    body: list[T.Stmt] = [
        T.Defer(P, T.Call(P, NONE, T.FuncLit(P, handler_sig, handler), ())),
        T.Defer(P, T.BuiltinCall(P, NONE, "println", (c(b"second", STRING),))),
        T.ExprStmt(P, T.BuiltinCall(P, NONE, "panic", (msg,))),
    ]
    res = build_run(program(func("main", body)), tmp_path)
    assert res.returncode == 0
    assert res.stderr == b"second\nrecovered boom\n"


def test_missing_runtime_hook_is_a_clear_runtime_error(tmp_path: Path) -> None:
    hook = Func("nohook", "main", Signature((INT,), (INT,)), P, external=True)
    call = T.Call(P, INT, T.FuncRef(P, hook.sig, hook), (c(1),))
    r = build_run(program(func("main", [println(call)])), tmp_path)
    assert r.returncode == 2
    assert r.stderr == b"fatal error: runtime hook main.nohook is not implemented by " \
        b"refgo's runtime\n"


def test_external_call_uses_c_abi(tmp_path: Path) -> None:
    sqrt = Func("sqrt", "math", Signature((FLOAT64,), (FLOAT64,)), P, external=True)
    call = T.Call(P, FLOAT64, T.FuncRef(P, sqrt.sig, sqrt), (c(2.25, FLOAT64),))
    r = build_run(program(func("main", [println(call)])), tmp_path)
    assert r.stderr == b"+1.500000e+000\n"
