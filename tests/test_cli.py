"""Unit tests of the refgo command line: exit statuses and one-line errors."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from compiler import cli, driver, flags, gcdebug

REPO = Path(__file__).resolve().parent.parent
HELLO = 'package main\n\nfunc main() {\n\tprintln("hello", 42)\n}\n'


def refgo(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "compiler", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_unknown_flag_is_one_line_exit_2(tmp_path: Path) -> None:
    src = tmp_path / "x.go"
    src.write_text(HELLO)
    r = refgo("compile", "-bogus", str(src))
    assert r.returncode == 2
    assert r.stderr == "refgo: flag provided but not defined: -bogus\n"


def test_missing_file_exit_2(tmp_path: Path) -> None:
    r = refgo("build", str(tmp_path / "nope.go"))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "nope.go" in r.stderr
    (tmp_path / "dir.go").mkdir()
    d = refgo("build", str(tmp_path / "dir.go"))
    assert d.returncode == 2
    assert d.stderr == f"refgo: build: {tmp_path / 'dir.go'} is a directory, not a file\n"


def test_unknown_command_and_later_issues() -> None:
    assert refgo("frobnicate").returncode == 2
    r = refgo("test", "-nosuchflag", ".")
    assert r.returncode == 2 and "flag provided but not defined: -nosuchflag" in r.stderr


def test_gc_flag_spellings_parse(tmp_path: Path) -> None:
    src = tmp_path / "x.go"
    src.write_text(HELLO)
    a = flags.parse("compile", ["-p", "main", "-C", "-e", "-importcfg=cfg", "-m", "-m", "-l",
                              "-N", "-live", "-wb=0",
                              "-d=convinline=0,ssa/insert_resched_checks/off", "-S", "-o", "x.o",
                              str(src)])
    assert a.m == 2
    assert a.debug == {"convinline": "0", "ssa/insert_resched_checks/off": "1"}
    assert a.flags["wb"] == "0"
    assert a.flags["p"] == "main" and a.flags["o"] == "x.o" and "S" in a.flags
    assert flags.parse("compile", ["-m=2", str(src)]).m == 2
    r = flags.parse("run", [str(src), "--", "-x", "y"])
    assert r.files == [str(src)] and r.rest == ["-x", "y"]


def test_unknown_debug_key_is_a_usage_error(tmp_path: Path) -> None:
    src = tmp_path / "x.go"
    src.write_text(HELLO)
    p = refgo("compile", "-d=convinline=0,ssa=1", str(src))
    assert p.returncode == 2
    assert p.stderr == "refgo: -d: unknown debug key ssa\n"


def test_internal_error_exit_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "x.go"
    src.write_text(HELLO)

    def boom(cfg: driver.Config, diags: object) -> driver.Result:
        raise KeyError("oops")

    monkeypatch.setattr(driver, "compile_files", boom)
    assert cli.main(["compile", str(src)]) == 3
    err = capsys.readouterr().err
    assert err == f"{src}:1:1: internal compiler error: KeyError: 'oops'\n"


def test_run_hello(tmp_path: Path) -> None:
    src = tmp_path / "hello.go"
    src.write_text(HELLO)
    r = refgo("run", str(src))
    assert r.returncode == 0, r.stderr
    assert r.stderr == "hello 42\n"


def test_build_and_exit_status(tmp_path: Path) -> None:
    src = tmp_path / "p.go"
    src.write_text("package main\n\nfunc main() {\n\tx := 0\n\tprintln(1 / x)\n}\n")
    out = tmp_path / "p"
    r = refgo("build", "-o", str(out), str(src))
    assert r.returncode == 0, r.stderr
    p = subprocess.run([str(out)], capture_output=True, timeout=30, check=False)
    assert p.returncode == 2
    assert p.stderr.startswith(b"panic: runtime error: integer divide by zero\n")
    assert refgo("run", str(src)).returncode == 2


def test_compile_error_exit_1(tmp_path: Path) -> None:
    src = tmp_path / "bad.go"
    src.write_text("package main\n\nfunc main() {\n\tprintln(y)\n}\n")
    r = refgo("compile", str(src))
    assert r.returncode == 1
    assert r.stderr == f"{src}:4:10: undefined: y\n"


def test_compile_S_listing(tmp_path: Path) -> None:
    src = tmp_path / "x.go"
    src.write_text("package main\n\nfunc f(x int) int {\n\treturn x * 8\n}\n\nfunc main() {}\n")
    r = refgo("compile", "-S", "-o", str(tmp_path / "x.o"), str(src))
    assert r.returncode == 0, r.stderr
    assert "\nmain.f STEXT " in "\n" + r.stdout
    assert re.search(r"\(x\.go:4\)\tshlq\t\$3, %r\w+\n", r.stdout), r.stdout
    assert (tmp_path / "x.o").exists()


def test_run_passes_args_and_exit_status(tmp_path: Path) -> None:
    src = tmp_path / "args.go"
    src.write_text('package main\n\nimport "os"\n\nfunc main() {\n\tfor _, a := range '
                   'os.Args[1:] {\n\t\tprintln(a)\n\t}\n\tos.Exit(len(os.Args))\n}\n')
    r = refgo("run", str(src), "--", "x", "-y")
    assert r.stderr == "x\n-y\n"
    assert r.returncode == 3


def test_nesting_past_the_limit_is_one_error(tmp_path: Path) -> None:
    """refgo's one remaining hard limit (10,000 levels of nesting; gc has none) is a
    single positioned error and exit 1, never a RecursionError or a cascade."""
    src = tmp_path / "deep.go"
    n = 12000
    src.write_text("package main\n\nfunc main() {\n\tx := " + "(" * n + "1" + ")" * n
                   + "\n\tprintln(x)\n}\n")
    r = refgo("build", "-o", str(tmp_path / "deep"), str(src))
    assert r.returncode == 1
    assert r.stderr.startswith(f"{src}:4:")
    assert "nesting deeper than 10000 levels" in r.stderr and r.stderr.count("\n") == 1


def test_toolchain_is_not_a_compiler_command() -> None:
    r = refgo("toolchain", "tag")
    assert r.returncode == 2
    assert r.stderr.startswith("refgo: unknown command 'toolchain'\n")


@pytest.mark.parametrize("cmd", ["build", "run", "compile", "test", "mkbuiltin", "link", "clean"])
def test_subcommand_help_prints_its_usage(cmd: str) -> None:
    r = refgo(cmd, "-h")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"usage: refgo {cmd} ") and r.stderr == ""
    if cmd in ("build", "run", "compile"):
        assert "-dump=PHASE" in r.stdout and "convinline" in r.stdout


def test_help_after_run_files_is_a_program_argument(tmp_path: Path) -> None:
    assert flags.wants_help("run", ["-l", "--help"])
    assert not flags.wants_help("run", [str(tmp_path / "x.go"), "-h"])
    assert not flags.wants_help("compile", ["--", "-h"])
    src = tmp_path / "args.go"
    src.write_text('package main\n\nimport "os"\n\nfunc main() {\n\tprintln(os.Args[1])\n}\n')
    r = refgo("run", str(src), "-h")
    assert r.returncode == 0 and r.stderr == "-h\n", r.stderr


def test_build_without_main_says_so_as_gc(tmp_path: Path) -> None:
    src = tmp_path / "m.go"
    src.write_text("package main\n\nfunc f() {}\n")
    r = refgo("build", "-o", str(tmp_path / "m"), str(src))
    assert (r.returncode, r.stderr) == (
        1, f"{src}:1:9: function main is undeclared in the main package\n")
    assert refgo("compile", str(src)).returncode == 0


def test_build_of_a_non_main_package_says_so_as_go_run(tmp_path: Path) -> None:
    src = tmp_path / "foo.go"
    src.write_text("package foo\n\nfunc F() {}\n")
    r = refgo("run", str(src))
    assert (r.returncode, r.stderr) == (1, f"{src}:1:9: package foo is not a main package\n")


def test_missing_library_package_or_name_says_refgo_lacks_it(tmp_path: Path) -> None:
    src = tmp_path / "lib.go"
    src.write_text('package main\n\nimport (\n\t"net/rpc"\n\t"synx"\n)\n\n'
                   "func main() { _ = rpc.ErrShutdown; _ = synx.X }\n")
    r = refgo("compile", str(src))
    assert r.returncode == 1
    assert f"{src}:4:2: refgo's library has no package net/rpc yet\n" in r.stderr
    assert f"{src}:5:2: package synx is not in GOROOT\n" in r.stderr


@pytest.mark.parametrize("val", [
    "panic", "defer", "wb", "nil", "append,slice", "checkptr=0", "libfuzzer",
    "maymorestack=main.f", "ssa/check_bce/debug=1", "ssa/opt/debug", "ssa/check/on",
    "ssa/check/seed", "ssa/late_fuse/debug=1", "ssa/insert_resched_checks/on",
    "ssa/intrinsics/debug", "ssa/all/time", "ssa/likelyadjust/debug=1,ssa/prove/debug=2",
])
def test_every_gc_debug_key_is_accepted(val: str) -> None:
    assert flags._debug(val)


@pytest.mark.parametrize(("val", "msg"), [
    ("nosuch", "unknown debug key nosuch"),
    ("wb=yes", "invalid debug value wb"),
    ("ssa/nopass/on", "Did not find a phase matching nopass in -d=ssa/... debug option"),
    ("ssa/prove/loud", "Did not find a flag matching loud in -d=ssa/prove debug option"),
    ("ssa/opt/off", "Cannot disable required SSA phase opt using -d=ssa/opt debug option"),
])
def test_debug_keys_gc_refuses(val: str, msg: str) -> None:
    with pytest.raises(driver.UsageError, match=re.escape(f"-d: {msg}")):
        flags._debug(val)


GO = Path("/usr/lib/go-1.19/bin/go")


@pytest.mark.parametrize("argv", [("-d", "help"), ("-d=help",), ("-d=wb,help", "x.go")])
def test_debug_help_prints_gcs_keys(argv: tuple[str, ...]) -> None:
    # gc's usage of -d on stdout, exit 0, with or without files: every line of gc's
    # list in order, refgo's own key and refgo's word on a key as more lines of its help.
    p = refgo("compile", *argv)
    assert p.returncode == 0 and p.stderr == ""
    lines = p.stdout.splitlines()
    assert lines[:4] == ["usage: -d arg[,arg]* and arg is <key>[=<value>]", "",
                         "<key> is one of:", ""]
    rows = [ln.split("\t") for ln in lines[4:]]
    assert all(len(r) == 3 and r[0] == "" and len(r[1]) == 20 for r in rows)
    keys = [r[1].strip() for r in rows if r[1].strip()]
    assert keys[-1] == "ssa/help" and keys[:-1] == sorted(keys[:-1])
    assert set(keys) == set(gcdebug.GC_HELP) | gcdebug.REFGO_KEYS | {"ssa/help"}
    notes: dict[str, list[str]] = {}
    for r in rows:
        if r[1].strip():
            key = r[1].strip()
        notes.setdefault(key, []).append(r[2])
    for k in keys:
        said = [n for n in notes[k] if n.startswith("refgo: ")]
        quiet = k in ("defer", "nil", "noopendefer")  # gc's help says what refgo does
        assert bool(said) != quiet and (said == [gcdebug.NOOP_HELP]) == (
            k in gcdebug.GC_HELP and k not in gcdebug.REFGO_HELP), k
    if GO.exists():
        gc = subprocess.run([str(GO), "tool", "compile", "-d", "help"], capture_output=True,
                            text=True, check=False, timeout=60)
        assert gc.returncode == 0
        ours = iter(lines)
        assert all(ln in ours for ln in gc.stdout.splitlines())  # in order
        assert set(lines) - set(gc.stdout.splitlines()) == {
            ln for ln in lines if "\trefgo: " in ln or ln.startswith("\tconvinline")
            or ln.endswith("\t(none on the stack), for old/new figures")}


def test_debug_ssa_help_is_gcs_usage() -> None:
    p = refgo("compile", "-d=ssa/help")
    assert p.returncode == 2
    assert p.stderr.startswith("refgo: -d: PhaseOptions usage:\n")
    assert "    check, all, build, intrinsics, genssa, number_lines, early_phielim\n" in p.stderr
    assert p.stderr.endswith("\n    -d=ssa/check/on,ssa/all/time\n")


def test_debug_defer_reports_each_defer(tmp_path: Path) -> None:
    src = tmp_path / "x.go"
    src.write_text("package main\n\nfunc main() {\n\tdefer println()\n"
                   "\tfor i := 0; i < 2; i++ {\n\t\tdefer println(i)\n\t}\n}\n\n"
                   "func f() {\n\tdefer println()\n}\n")
    p = refgo("compile", "-d=defer", "-o", str(tmp_path / "x.o"), str(src))
    assert p.returncode == 0
    assert p.stderr == (f"{src}:4:2: stack-allocated defer\n{src}:6:3: heap-allocated defer\n"
                        f"{src}:11:2: open-coded defer\n")
