"""The back end in N processes (gc's -c=N, compiler/backend.py): the same listing, text
and object as -c=1, back end errors reported as -c=1 reports them, a child that dies
reported in one line, usage errors for bad counts."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from bench.compilespeed import generate
from compiler import amd64, backend, cli, driver, flags, fold, ir, regalloc, units
from compiler.diag import Diagnostics, InternalError

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "cases"

SAME = [
    "basic/callorder.go",
    "control/smallconst.go",
    "funcs/closures.go",
    "defer/kinds.go",
    "panics/bounds.go",
    "iface/convert.go",
    "methods/methodexpr.go",
    "generics/channels.go",
    "concurrency/live.go",
    "gc/closures.go",
    "codegen/floatreg.go",
    "math/bits.go",
    "stdlib/bufwrite.go",
    "reflect/deepequal.go",
]
"""Programs of several features (floats, defers, closures, generics, channels, the
library through fmt and reflect) whose back end must not depend on -c."""


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Every back end forks, however small the package or few the CPUs; the list
    receives, per backend.codes call, whether the children's code was used."""
    monkeypatch.setattr(backend, "MIN_WORK", 1)
    monkeypatch.setattr(backend, "cpus", lambda: 4)
    used: list[bool] = []
    real = backend.codes

    def codes(funcs: Sequence[ir.Func], opts: backend.Options, procs: int
              ) -> list[backend.Code] | None:
        got = real(funcs, opts, procs)
        used.append(got is not None)
        return got

    monkeypatch.setattr(backend, "codes", codes)
    return used


def compile_(case: str | Path, **kw: Any) -> driver.Result:
    return driver.compile_files(driver.Config(files=(str(CASES / case),), **kw), Diagnostics())


@pytest.mark.parametrize("case", SAME)
def test_listing_and_text_same_as_one_process(case: str, forking: list[bool]) -> None:
    one = compile_(case, listing=True)
    assert forking == []
    two = compile_(case, listing=True, concurrency=2)
    assert forking == [True]
    assert two.listing == one.listing
    assert two.asm == one.asm


@pytest.mark.parametrize("case", ["defer/kinds.go", "codegen/floatreg.go"])
def test_no_opt_and_three_processes_same(case: str, forking: list[bool]) -> None:
    one = compile_(case, listing=True, no_opt=True)
    three = compile_(case, listing=True, no_opt=True, concurrency=3)
    assert forking == [True]
    assert (three.listing, three.asm) == (one.listing, one.asm)


def test_package_at_a_time_main_same(forking: list[bool]) -> None:
    cfg = driver.Config(files=(str(CASES / "stdlib/containers.go"),), program=True)
    one = units.compile_units(cfg, Diagnostics())
    two = units.compile_units(driver.Config(**{**_fields(cfg), "concurrency": 2}),
                              Diagnostics())
    assert forking and all(forking)
    assert two.asm == one.asm


def _fields(cfg: driver.Config) -> dict[str, Any]:
    return {k: getattr(cfg, k) for k in driver.Config.__dataclass_fields__}


def test_command_line_object_and_listing_same(tmp_path: Path) -> None:
    # Large enough to fork at the real MIN_WORK on two CPUs, in a fresh process.
    src = tmp_path / "big.go"
    src.write_text(generate(2500))
    out = {}
    for c in ("1", "2"):
        r = subprocess.run([sys.executable, "-m", "compiler", "compile", f"-c={c}", "-S",
                            "-dump=asm", "-o", str(tmp_path / f"c{c}.o"), str(src)],
                           capture_output=True, text=True, timeout=600, check=False,
                           env=dict(os.environ, PYTHONPATH=str(REPO)))
        assert (r.returncode, r.stderr) == (0, "")
        out[c] = r.stdout
    assert out["2"] == out["1"]
    assert (tmp_path / "c2.o").read_bytes() == (tmp_path / "c1.o").read_bytes()


# --- errors -------------------------------------------------------------------------


def guarded(cfg: driver.Config) -> tuple[int, str]:
    err = io.StringIO()
    rc = driver.run_guarded(cfg, lambda res: 0, err)
    return rc, err.getvalue()


@pytest.fixture
def alone(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """alone(name): the function name is the only one a child compiles; this process
    compiles the rest."""
    names: list[str] = []
    real = backend.codes

    def codes(funcs: Sequence[ir.Func], opts: backend.Options, procs: int
              ) -> list[backend.Code] | None:
        names[:] = [f.name for f in funcs]
        return real(funcs, opts, procs)

    def set_victim(victim: str) -> None:
        def shares(weights: Sequence[int], n: int) -> list[list[int]]:
            v = names.index(victim)
            return [[i for i in range(len(weights)) if i != v], [v]]

        monkeypatch.setattr(backend, "codes", codes)
        monkeypatch.setattr(backend, "shares", shares)

    monkeypatch.setattr(backend, "MIN_WORK", 1)
    monkeypatch.setattr(backend, "cpus", lambda: 2)
    return set_victim


def _raising(real: Callable[..., Any], victim: str) -> Callable[..., Any]:
    def wrapped(f: ir.Func, *args: Any) -> Any:
        if f.name == victim:
            raise InternalError(f.pos, f"cannot compile {f.name}")
        return real(f, *args)

    return wrapped


def _raising_program(real: Callable[..., Any], victim: str) -> Callable[..., Any]:
    def wrapped(prog: ir.Program, *args: Any, **kwargs: Any) -> Any:
        for f in prog.funcs:
            if f.name == victim:
                raise InternalError(f.pos, f"cannot compile {f.name}")
        return real(prog, *args, **kwargs)

    return wrapped


def _fail(monkeypatch: pytest.MonkeyPatch, mod: Any, per_func: str, per_program: str,
          victim: str) -> None:
    """Make mod's phase fail on the function victim, per function (what -c=N's
    processes call) and per program (-c=1's passes). do NOT patch the per-function
    entry alone: under the mypyc accelerator (compiler/accel) a compiled module's
    program pass calls it directly, not through the module's attribute."""
    monkeypatch.setattr(mod, per_func, _raising(getattr(mod, per_func), victim))
    monkeypatch.setattr(mod, per_program, _raising_program(getattr(mod, per_program), victim))


def test_internal_error_in_a_child_as_one_process(
        alone: Callable[[str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    _fail(monkeypatch, regalloc, "alloc_func", "regalloc_program", "main.apply")
    cfg = driver.Config(files=(str(CASES / "funcs/closures.go"),))
    one = guarded(cfg)
    assert one[0] == 3 and one[1].count("\n") == 1
    assert "internal compiler error: cannot compile main.apply" in one[1]
    alone("main.apply")
    assert guarded(driver.Config(**{**_fields(cfg), "concurrency": 2})) == one


def test_first_error_in_phase_order(alone: Callable[[str], None],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # main.apply's code generation fails in the child, main.main's folding (a later
    # function, an earlier phase) here: -c=1 folds every function first.
    _fail(monkeypatch, amd64, "func_code", "emit_program", "main.apply")
    _fail(monkeypatch, fold, "fold_func", "fold_program", "main.main")
    cfg = driver.Config(files=(str(CASES / "funcs/closures.go"),))
    one = guarded(cfg)
    assert one[0] == 3 and "cannot compile main.main" in one[1]
    alone("main.apply")
    assert guarded(driver.Config(**{**_fields(cfg), "concurrency": 2})) == one


def test_frame_too_large_as_one_process(forking: list[bool]) -> None:
    cfg = driver.Config(files=(str(CASES / "errors/frame_args_large.go"),))
    one = guarded(cfg)
    assert one[0] == 1 and "stack frame too large" in one[1]
    assert guarded(driver.Config(**{**_fields(cfg), "concurrency": 2})) == one
    assert forking == [False]


def test_killed_child_is_one_line_exit_3(alone: Callable[[str], None],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    real = regalloc.alloc_func

    def alloc(f: ir.Func, *args: Any) -> Any:
        if f.name == "main.apply" and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(f, *args)

    monkeypatch.setattr(regalloc, "alloc_func", alloc)
    alone("main.apply")
    cfg = driver.Config(files=(str(CASES / "funcs/closures.go"),), concurrency=2)
    rc, err = guarded(cfg)
    assert rc == 3 and err.count("\n") == 1
    assert err.endswith(": internal compiler error: back end process (-c) compiling main.apply "
                        "and 0 other functions killed by signal 9 (SIGKILL)\n")
    assert err.startswith(str(CASES / "funcs/closures.go") + ":")


# --- when it forks ------------------------------------------------------------------


@pytest.fixture
def no_fork(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def fork() -> int:
        raise AssertionError("the back end forked")

    monkeypatch.setattr(os, "fork", fork)
    yield


def test_small_package_does_not_fork(no_fork: None) -> None:
    # A package of five functions.
    case = "basic/initorder.go"
    assert compile_(case, concurrency=4).asm == compile_(case).asm


@pytest.mark.parametrize("kw", [{"live": True}, {"debug": {"nil": "1"}},
                                {"dump": "regs"}])
def test_reports_run_phase_by_phase(kw: dict[str, Any], forking: list[bool],
                                    no_fork: None) -> None:
    cfg = driver.Config(files=(str(CASES / "live/addrlive.go"),), **kw)
    d1, d2 = Diagnostics(), Diagnostics()
    one = driver.compile_files(cfg, d1)
    two = driver.compile_files(driver.Config(**{**_fields(cfg), "concurrency": 2}), d2)
    assert two == one
    assert [str(d) for d in d2.sorted()] == [str(d) for d in d1.sorted()]
    assert forking == []


def test_shares_balanced_in_order() -> None:
    parts = backend.shares([50, 1, 1, 1, 30, 20, 1], 2)
    assert sorted(i for p in parts for i in p) == list(range(7))
    assert all(p == sorted(p) for p in parts)
    assert sorted(sum([50, 1, 1, 1, 30, 20, 1][i] for i in p) for p in parts) == [52, 52]
    assert backend.shares([3], 4) == [[0]]


# --- the flag -----------------------------------------------------------------------


@pytest.mark.parametrize(("flag", "msg"), [
    ("-c=0", "refgo: -c must be at least 1, got 0\n"),
    ("-c=-2", "refgo: -c must be at least 1, got -2\n"),
    ("-c=x", "refgo: invalid value 'x' for flag -c\n"),
])
def test_bad_counts_are_usage_errors(flag: str, msg: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    for cmd in ("compile", "build"):
        assert cli.main([cmd, flag, str(CASES / "basic/arith.go")]) == 2
        assert capsys.readouterr().err == msg


def test_defaults_as_gc_and_go_build() -> None:
    src = str(CASES / "basic/arith.go")
    assert flags.config(flags.parse("compile", [src])).concurrency == 1
    assert flags.config(flags.parse("compile", ["-c", "3", src])).concurrency == 3
    n = flags.build_concurrency()
    assert 1 <= n <= 4
    assert flags.config(flags.parse("build", [src]), n).concurrency == n
    assert flags.config(flags.parse("build", ["-c=1", src]), n).concurrency == 1
