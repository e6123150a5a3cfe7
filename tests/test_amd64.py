"""Unit tests of the amd64 back end: -S listing format, cheap wins, assembling."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from compiler import amd64, ir, walk
from compiler.diag import Pos
from compiler.types import tree as T
from compiler.types.typ import INT, Func, Signature, Var, VarKind

P = Pos("/abs/dir/x.go", 7, 2)
LINE = re.compile(r"^\t(\d{5}) \((x\.go):(\d+)\)\t(\S+)(\t.*)?$")


def binfunc(op: str, k: int) -> ir.Program:
    x = Var("x", INT, P, VarKind.PARAM, "main", 1)
    r = Var("", INT, P, VarKind.RESULT, "main", 2)
    sig = Signature((INT,), (INT,))
    f = Func("f", "main", sig, P)
    body = T.Block(P, (T.Return(P, (T.Binary(P, INT, op, T.VarRef(P, INT, x),
                                             T.ConstExpr(P, INT, k)),)),))
    d = T.FuncDecl(P, "f", f, sig, None, (x,), (r,), body)
    pkg = T.Package("main", "main", ("x.go",), (), (d,), (), ())
    return walk.walk_program(T.Program((pkg,)))


def func_lines(listing: str, name: str) -> list[str]:
    out: list[str] = []
    cur = None
    for ln in listing.splitlines():
        if not ln.startswith("\t"):
            cur = ln.split(" ", 1)[0]
            continue
        if cur == name:
            out.append(ln)
    return out


def test_listing_format() -> None:
    text = amd64.listing(binfunc("+", 1))
    assert re.search(r"^main\.f STEXT size=\d+ args=0x10 locals=0x[0-9a-f]+$", text, re.M)
    lines = func_lines(text, "main.f")
    assert lines
    for n, ln in enumerate(lines):
        m = LINE.match(ln)
        assert m, ln
        assert int(m.group(1)) == n
        assert m.group(3) == "7"


def test_multiply_by_power_of_two_is_shift() -> None:
    lines = func_lines(amd64.listing(binfunc("*", 8)), "main.f")
    text = "\n".join(lines)
    assert "\tshlq\t$3, %rax" in text
    assert "imulq" not in text
    assert "imulq" in "\n".join(func_lines(amd64.listing(binfunc("*", 7)), "main.f"))


def test_function_checks_its_stack_then_keeps_frame_pointer() -> None:
    lines = func_lines(amd64.listing(binfunc("-", 3)), "main.f")
    calls = [ln for ln in lines if "call" in ln]
    assert len(calls) == 1 and calls[0].endswith('\tcall\t"runtime.morestack"')
    assert lines[0].endswith('\tcmpq\t"runtime.stackguard"(%rip), %rsp')
    assert "\tjbe\t.Lmain.f" in lines[1] and lines[1].endswith(".more")
    assert lines[2].endswith("\tpushq\t%rbp")
    assert lines[3].endswith("\tmovq\t%rsp, %rbp")
    assert lines[-1].endswith('\tjmp\t"main.f"')


def test_signed_division_handles_minus_one() -> None:
    text = "\n".join(func_lines(amd64.listing(binfunc("/", 3)), "main.f"))
    assert "idivq\t%rcx" in text and "cmpq\t$-1, %rcx" in text


def test_output_assembles(tmp_path: Path) -> None:
    s = tmp_path / "x.s"
    s.write_text(amd64.emit_program(binfunc("%", 5)))
    r = subprocess.run(["as", "--64", "-o", str(tmp_path / "x.o"), str(s)],
                       capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr


def test_quote_symbols() -> None:
    assert amd64.quote("main.(*T).M") == '"main.(*T).M"'


def test_large_globals_and_far_offsets_assemble(tmp_path: Path) -> None:
    f = ir.Func("main.g", P, (ir.Slot("p", ir.SlotKind.AUTO, 8), ir.Slot("b", ir.SlotKind.AUTO, 1)),
                (ir.Block(0, (ir.Load(P, ir.Local("b"), ir.Local("p"), 1 << 32, 1),),
                          ir.Ret(P)),), 0)
    big = ir.Data("main.big", b"", readonly=False, bss=1 << 30)
    text = amd64.emit_program(ir.Program((f,), (big,)))
    assert "\t.zero\t1073741824" in text
    assert "movabsq\t$4294967296, %rcx" in text
    s = tmp_path / "x.s"
    s.write_text(text)
    r = subprocess.run(["as", "--64", "-o", str(tmp_path / "x.o"), str(s)],
                       capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr


def _run_moves(moves: list[tuple[str, str, int]]) -> dict[str, str]:
    """Simulate parallel_moves' output on symbolic register/memory contents."""
    g = amd64.FuncGen(ir.Func("x", P, (), (), 0))
    g.parallel_moves(list(moves))
    state = {x: x for m in moves for x in m[:2]}
    state["%rax"] = "?"
    for ln in g.lines:
        _, ops = ln.text.split("\t")
        src, dst = ops.split(", ")
        state[dst] = state[src]
    return state


@pytest.mark.parametrize("moves", [
    [("%r10", "%r11", 8), ("%r11", "%r10", 8)],
    [("%r8", "%r9", 8), ("%r9", "%r10", 8), ("%r10", "%r8", 8), ("%r10", "-8(%rbp)", 8)],
    [("-16(%rbp)", "%r10", 8), ("%r10", "%r11", 8), ("%r11", "%rbx", 8)],
])
def test_parallel_moves_read_every_source_first(moves: list[tuple[str, str, int]]) -> None:
    after = _run_moves(moves)
    for src, dst, _ in moves:
        assert after[dst] == src, (src, dst, after)


def test_no_jump_lands_on_a_jump(tmp_path: Path) -> None:
    from compiler import driver
    from compiler.diag import Diagnostics
    src = Path(__file__).parent.parent / "cases" / "codegen" / "jumpchain.go"
    asm = driver.compile_files(driver.Config(files=(str(src),), dump="asm"),
                               Diagnostics()).dumps
    lines = [ln.strip() for ln in asm.splitlines() if ln.strip()]
    first: dict[str, str] = {}
    for k, ln in enumerate(lines):
        if ln.startswith(".L") and ln.endswith(":"):
            first[ln[:-1]] = next(x for x in lines[k + 1:] if not x.endswith(":"))
    jumps = [ln.split("\t") for ln in lines if ln.startswith("j") and "\t.L" in ln]
    assert jumps
    assert [j for j in jumps if first.get(j[1], "").startswith("jmp\t")] == []
