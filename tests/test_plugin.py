"""The harness plugin end to end (pytester), against a fake refgo CLI and, when present, gc.

The fake compiler (FAKEC) implements refgo's command-line contract from
comments in the Go source: `//fake:error MSG` makes `compile` print
`FILE:LINE:2: MSG` and exit 1; `//fake:print TEXT` / `//fake:exit N` /
`//fake:sleep N` make the program `build` writes print, exit or hang;
`//fake:asm TEXT` adds a `-S` listing line for that source line; `//fake:alloc N`
makes `compile` and `build` write N MiB of memory; `test DIR` passes when a file of DIR
contains `//fake:pass`.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from harness import toolchain
from harness.compilers import make_compiler, unwrap_gcflags
from harness.toolchain import _OOM_RX, LocalExecutor, Step, describe_exit, spawn_launcher

pytest_plugins = ("pytester",)

FAKEC = r"""
import os, sys

def directives(files):
    for f in files:
        for n, line in enumerate(open(f).read().split("\n"), 1):
            if "//fake:" in line:
                kind, _, arg = line.split("//fake:", 1)[1].partition(" ")
                yield f, n, kind, arg.split(" //")[0]

def main(argv):
    cmd, args = argv[0], argv[1:]
    out = None
    listing = False
    files = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "-o":
            out = args[i + 1]
            i += 1
        elif a == "-S":
            listing = True
        elif a.startswith("-"):
            pass
        else:
            files.append(a)
        i += 1
    if cmd == "test":
        ok = any("//fake:pass" in open(os.path.join(files[0], n)).read()
                 for n in os.listdir(files[0]))
        print("PASS" if ok else "--- FAIL: TestFake (0.00s)\nFAIL")
        return 0 if ok else 1
    grown = [b"x" * (int(a) << 20) for f, n, k, a in directives(files) if k == "alloc"]
    errs = [(f, n, a) for f, n, k, a in directives(files) if k == "error"]
    for f, n, a in errs:
        sys.stderr.write(f"{f}:{n}:2: {a}\n")
    if errs:
        return 1
    if cmd == "compile" and listing:
        print("main.f STEXT size=1")
        for f, n, k, a in directives(files):
            if k == "asm":
                print(f"\t{n:05d} ({os.path.basename(f)}:{n})\t{a}")
    if cmd == "build":
        body = ["#!/bin/sh"]
        for f, n, k, a in directives(files):
            if k == "print":
                body.append("printf '%s\\n' '" + a + "'")
            elif k == "exit":
                body.append("exit " + a)
            elif k == "sleep":
                body.append("sleep " + a + " & echo $! > bg.pid; sleep " + a)
        with open(out, "w") as w:
            w.write("\n".join(body) + "\n")
        os.chmod(out, 0o755)
    return 0

sys.exit(main(sys.argv[1:]))
"""

GO = shutil.which("go") or "/usr/lib/go-1.19/bin/go"
HAVE_GO = os.path.exists(GO)


@pytest.fixture
def fake(pytester: pytest.Pytester) -> list[str]:
    """Writes the fake compiler; returns the common pytest arguments that select it."""
    script = pytester.path / "fakec.py"
    script.write_text(FAKEC)
    return ["--toolchain=local", f"--refgo-command=python3 {script}", "-p", "no:cacheprovider"]


def _write(pytester: pytest.Pytester, rel: str, text: str) -> Path:
    path = pytester.path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_run_pass_and_failure_report(pytester: pytest.Pytester, fake: list[str]) -> None:
    _write(pytester, "cases/good.go", "// run\n\npackage main\n//fake:print hello\n")
    _write(pytester, "cases/good.out", "hello\n")
    _write(pytester, "cases/bad.go", "// run\n\npackage main\n//fake:print bye\n")
    _write(pytester, "cases/bad.out", "hello\n")
    _write(pytester, "cases/noout.go", "// run\n\npackage main\n//fake:print stray\n")
    _write(pytester, "cases/crash.go", "// run\n\npackage main\n//fake:exit 2\n")
    result = pytester.runpytest(*fake, "cases", "-v")
    result.assert_outcomes(passed=1, failed=3)
    text = result.stdout.str()
    result.stdout.fnmatch_lines(["*cases/good.go::run PASSED*"])
    assert "bad.go: // run failed (compiler refgo)" in text
    assert "output does not match expected in bad.out" in text
    result.stdout.fnmatch_lines(["--- bad.out (expected)", "+++ actual output", "-hello", "+bye"])
    assert "output should be empty when (optional) expected-output file noout.out" in text
    result.stdout.fnmatch_lines(["*crash.go: // run failed*", "exit status 2"])
    result.stdout.fnmatch_lines(
        ["reproduce (local toolchain, work directory kept: *):", "  cd * build -o */a.exe *bad.go"]
    )


def test_failing_workdir_is_kept_and_reproduce_works_pasted(
    pytester: pytest.Pytester, fake: list[str]
) -> None:
    """Only the failing case's workdir survives; its reproduce lines, run by a shell,
    redo the failure (same build, same program output)."""
    _write(pytester, "cases/good.go", "// run\n\npackage main\n//fake:print hello\n")
    _write(pytester, "cases/good.out", "hello\n")
    _write(pytester, "cases/bad.go", "// run\n\npackage main\n//fake:print bye\n")
    _write(pytester, "cases/bad.out", "hello\n")
    result = pytester.runpytest(*fake, "cases")
    result.assert_outcomes(passed=1, failed=1)
    lines = result.stdout.lines
    head = next(i for i, ln in enumerate(lines) if ln.startswith("reproduce (local toolchain"))
    kept = Path(lines[head].split("work directory kept: ", 1)[1].rstrip("):"))
    assert kept.is_dir() and sorted(p.name for p in kept.parent.iterdir()) == [kept.name]
    build, run = lines[head + 1].strip(), lines[head + 2].strip()
    (kept / "a.exe").unlink()
    subprocess.run(["sh", "-c", build], check=True)
    out = subprocess.run(["sh", "-c", run], check=True, capture_output=True, text=True)
    assert out.stdout == "bye\n"


def test_compiler_flags_reach_every_program_build(
    pytester: pytest.Pytester, fake: list[str]
) -> None:
    _write(pytester, "cases/bad.go", "// run\n\npackage main\n//fake:print bye\n")
    _write(pytester, "cases/bad.out", "hello\n")
    result = pytester.runpytest(*fake, "--compiler-flags=-d=convinline=0 -l", "cases")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["  cd * build -o */a.exe -c=1 -d=convinline=0 -l *bad.go"])


def test_errorcheck_reports_everything_at_once(pytester: pytest.Pytester, fake: list[str]) -> None:
    _write(
        pytester,
        "e.go",
        "// errorcheck\n\npackage p\n"
        'var a = 1 //fake:error undefined: x // ERROR "undefined"\n'
        'var b = 2 // ERROR "missing one"\n'
        "var c = 3 //fake:error surprise\n"
        'var d = 4 //fake:error type mismatch // ERROR "wrong"\n',
    )
    result = pytester.runpytest(*fake, "e.go")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*e.go: // errorcheck failed (compiler refgo)",
            'e.go:5: missing error "missing one"',
            "e.go:7: no match for `wrong` in:",
            "\te.go:7:2: type mismatch",
            "Unmatched Errors:",
            "e.go:6:2: surprise",
            "e.go:7:2: type mismatch",
        ]
    )


def test_errorcheck_minus_zero_must_compile(pytester: pytest.Pytester, fake: list[str]) -> None:
    _write(pytester, "ok.go", "// errorcheck -0\n\npackage p\n")
    _write(pytester, "fails.go", "// errorcheck\n\npackage p\n")
    result = pytester.runpytest(*fake, "ok.go", "fails.go")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["compilation succeeded unexpectedly"])


def test_update_errors(pytester: pytest.Pytester, fake: list[str]) -> None:
    path = _write(
        pytester,
        "u.go",
        "// errorcheck\n\npackage p\n"
        'var a = f(1) //fake:error undefined: f (x*y) // ERROR "stale"\n'
        "var b = 2\n",
    )
    pytester.runpytest(*fake, "u.go").assert_outcomes(failed=1)
    pytester.runpytest(*fake, "--update-errors", "u.go").assert_outcomes(passed=1)
    line = path.read_text().split("\n")[3]
    assert line == (
        'var a = f(1) //fake:error undefined: f (x*y) // ERROR "undefined: f \\(x\\*y\\)$"'
    )
    pytester.runpytest(*fake, "u.go").assert_outcomes(passed=1)


@pytest.mark.parametrize(
    ("src", "where", "message"),
    [
        ("// runn\n\npackage main\n", "bad.go:1", "unknown directive 'runn' (did you mean 'run'?)"),
        ("// run -t x\n\npackage main\n", "bad.go:1", "need a positive number of seconds"),
        ("// errorcheck\n\npackage p\n\nvar x // ERROR oops\n", "bad.go:5", "invalid errchk line"),
        (
            '// errorcheck\n\npackage p\n\nvar x // ERROR "a(b"\n',
            "bad.go:5",
            'invalid regexp "a(b" in ERROR line',
        ),
        (
            '// asmcheck\n\npackage p\n\nvar x // sparc:"A"\n',
            "bad.go:5",
            "unsupported architecture",
        ),
    ],
)
def test_collection_errors(
    pytester: pytest.Pytester, fake: list[str], src: str, where: str, message: str
) -> None:
    _write(pytester, "cases/bad.go", src)
    _write(pytester, "cases/good.go", "// compile\n\npackage p\n")
    result = pytester.runpytest(*fake, "cases")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([f"*{where}: {message}*"])
    assert "Traceback" not in result.stdout.str()


def test_timeout_kills_the_process_group(pytester: pytest.Pytester, fake: list[str]) -> None:
    _write(pytester, "slow.go", "// run -t 1\n\npackage main\n//fake:sleep 60\n")
    result = pytester.runpytest(*fake, "slow.go")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["timed out after 1s running */a.exe"])
    # The program backgrounded a `sleep 60` (writing its pid): it must be gone too.
    # SIGKILL is delivered asynchronously, so on a loaded machine the child may
    # need a moment to be scheduled and die; it must not outlive a few seconds.
    pid = int((pytester.path / "bg.pid").read_text())
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    """Reports whether pid is a live (not zombie) process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_skips_and_inputs(pytester: pytest.Pytester, fake: list[str]) -> None:
    _write(pytester, "c/skipped.go", "// skip\n\npackage main\n")
    _write(pytester, "c/win.go", "// run\n\n//go:build windows\n\npackage main\n")
    _write(pytester, "c/multi.dir/a.go", "// run\n\npackage main\n//fake:exit 1\n")
    _write(pytester, "c/helper.go", "// Copyright 2024\n\npackage main\n")
    _write(pytester, "c/only.go", "// run\n// refgo-only: GNU syntax\n\npackage main\n")
    result = pytester.runpytest(*fake, "c", "-rs")
    result.assert_outcomes(skipped=2, passed=1)
    result.stdout.fnmatch_lines_random(
        [
            "*skipped.go: // skip directive",
            "*win.go: build constraint excludes linux/amd64: //go:build windows",
        ]
    )
    gc = pytester.runpytest(*fake, "--compiler=gc", "c/only.go", "-rs")
    gc.assert_outcomes(skipped=1)
    gc.stdout.fnmatch_lines(["*only.go: refgo-only: GNU syntax"])


def test_explicit_file_needs_a_directive(pytester: pytest.Pytester, fake: list[str]) -> None:
    _write(pytester, "plain.go", "package main\n")
    result = pytester.runpytest(*fake, "plain.go")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*plain.go:1: no directive*"])


def test_asmcheck_with_refgo_listing(pytester: pytest.Pytester, fake: list[str]) -> None:
    _write(
        pytester,
        "a.go",
        "// asmcheck\n\npackage p\n\nfunc f() {\n"
        '\tg() //fake:asm callq\tmain.g // amd64:"callq\\tmain\\\\.g",-"jmp"\n'
        "}\n",
    )
    _write(
        pytester,
        "b.go",
        "// asmcheck\n\npackage p\n\nfunc f() {\n"
        '\t// amd64:"movq"\n'
        "\tg() //fake:asm callq\tmain.g\n"
        "}\n",
    )
    result = pytester.runpytest(*fake, "a.go", "b.go")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            'b.go:7: linux/amd64/v1: opcode not found: "^movq"',
            "",
            "main.f STEXT size=1",
            "\t00007 (b.go:7)\tcallq\tmain.g",
        ]
    )
    gc = pytester.runpytest(*fake, "--compiler=gc", "a.go", "-rs")
    gc.assert_outcomes(skipped=1)
    gc.stdout.fnmatch_lines(["*asmcheck outside Go's test tree is in refgo's -S syntax*"])


def test_test_directive_is_one_case_per_package(pytester: pytest.Pytester, fake: list[str]) -> None:
    _write(pytester, "pkg/a_test.go", "// test\n\npackage p\n//fake:pass\n")
    _write(pytester, "pkg/b_test.go", "// run\n\npackage p\n")
    _write(pytester, "pkg/p.go", "// runn\n\npackage p\n")
    _write(pytester, "bad/a_test.go", "// test\n\npackage p\n")
    result = pytester.runpytest(*fake, "pkg", "bad", "-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines_random(
        ["*pkg/a_test.go::test PASSED*", "*bad/a_test.go::test FAILED*", "--- FAIL: TestFake*"]
    )


def test_test_directive_only_heads_the_first_file(
    pytester: pytest.Pytester, fake: list[str]
) -> None:
    _write(pytester, "pkg/a_test.go", "package p\n")
    _write(pytester, "pkg/b_test.go", "// test\n\npackage p\n")
    result = pytester.runpytest(*fake, "pkg")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*b_test.go:1: // test must head the first *_test.go file*"])


def test_xdist_two_workers(pytester: pytest.Pytester, fake: list[str]) -> None:
    for i in range(6):
        _write(pytester, f"cases/c{i}.go", f"// run\n\npackage main\n//fake:print case {i}\n")
        _write(pytester, f"cases/c{i}.out", f"case {i}\n")
    _write(pytester, "cases/bad.go", "// run\n\npackage main\n//fake:print oops\n")
    result = pytester.runpytest_subprocess(*fake, "-n", "2", "cases")
    result.assert_outcomes(passed=6, failed=1)
    result.stdout.fnmatch_lines(["*output should be empty when (optional)*bad.out*", "+oops"])


def test_file_outside_any_project_from_another_directory(
    pytester: pytest.Pytester, fake: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    case = elsewhere / "x.go"
    case.write_text("// run\n\npackage main\n//fake:print hi\n")
    (elsewhere / "x.out").write_text("hi\n")
    result = pytester.runpytest_subprocess(*fake, str(case))
    result.assert_outcomes(passed=1)


def test_repo_loads_the_plugin_once() -> None:
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--co", "-q", "-p", "no:cacheprovider", __file__],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "already registered" not in proc.stdout + proc.stderr


@pytest.mark.skipif(not HAVE_GO, reason="Go 1.19 is not installed")
def test_against_gc(pytester: pytest.Pytester) -> None:
    _write(pytester, "hello.go", '// run\n\npackage main\n\nfunc main() { println("hi") }\n')
    _write(pytester, "hello.out", "hi\n")
    _write(
        pytester,
        "ec.go",
        '// errorcheck\n\npackage p\n\nvar x int = "s" // ERROR "cannot use .s."\n',
    )
    _write(pytester, "args.go", "// run extra.go\n\npackage main\n\nfunc main() { f() }\n")
    _write(pytester, "extra.go", 'package main\n\nfunc f() { println("extra") }\n')
    _write(pytester, "args.out", "extra\n")
    _write(pytester, "multi.go", "// rundir\n\npackage ignored\n")
    _write(pytester, "multi.dir/a.go", 'package a\n\nfunc F() string { return "from a" }\n')
    _write(
        pytester,
        "multi.dir/main.go",
        'package main\n\nimport "./a"\n\nfunc main() { println(a.F()) }\n',
    )
    _write(pytester, "multi.out", "from a\n")
    _write(pytester, "bad.go", "// errorcheckdir\n\npackage ignored\n")
    _write(pytester, "bad.dir/a.go", 'package a\n\nimport "fmt" // ERROR "imported and not used"\n')
    result = pytester.runpytest(
        "--toolchain=local",
        "--compiler=gc",
        "-p",
        "no:cacheprovider",
        "hello.go",
        "ec.go",
        "args.go",
        "multi.go",
        "bad.go",
    )
    result.assert_outcomes(passed=5)


DEAD_ENGINE = "unix:///nonexistent/refgo-test.sock"


def test_auto_falls_back_to_local_with_one_line(
    pytester: pytest.Pytester, fake: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCKER_HOST", DEAD_ENGINE)
    _write(pytester, "c.go", "// run\n\npackage main\n//fake:print ok\n")
    _write(pytester, "c.out", "ok\n")
    args = [a for a in fake if not a.startswith("--toolchain")]
    for extra in ([], ["-n", "2"]):
        result = pytester.runpytest_subprocess(*args, *extra, "c.go")
        result.assert_outcomes(passed=1)
        notes = [line for line in result.outlines if "using the local toolchain" in line]
        assert len(notes) == 1, result.outlines


def test_docker_without_engine_fails_the_session_in_one_line(
    pytester: pytest.Pytester, fake: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCKER_HOST", DEAD_ENGINE)
    _write(pytester, "c.go", "// run\n\npackage main\n")
    args = [a for a in fake if not a.startswith("--toolchain")]
    for extra in ([], ["-n", "2"]):
        result = pytester.runpytest_subprocess(*args, "--toolchain=docker", *extra, "c.go")
        assert result.ret == pytest.ExitCode.USAGE_ERROR
        errors = [line for line in result.errlines if line.strip()]
        assert len(errors) == 1 and errors[0].startswith("ERROR: refgo: --toolchain=docker"), (
            result.errlines
        )


@pytest.mark.skipif(not HAVE_GO, reason="Go 1.19 is not installed")
def test_test_directive_against_gc(pytester: pytest.Pytester) -> None:
    test_src = (
        '// test\n\npackage pkg\n\nimport "testing"\n\n'
        'func TestDouble(t *testing.T) {\n\tif Double(2) != 4 {\n\t\tt.Fatal("bad")\n\t}\n}\n'
    )
    _write(pytester, "good/a_test.go", test_src)
    _write(pytester, "good/pkg.go", "package pkg\n\nfunc Double(x int) int { return 2 * x }\n")
    _write(pytester, "bad/a_test.go", test_src)
    _write(pytester, "bad/pkg.go", "package pkg\n\nfunc Double(x int) int { return 3 * x }\n")
    result = pytester.runpytest("--toolchain=local", "--compiler=gc", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        ["*bad/a_test.go: // test failed (compiler gc)", "--- FAIL: TestDouble*"]
    )


def test_compiler_command_lines() -> None:
    gc = make_compiler("gc")
    assert gc.errorcheck("/a/x.go", ["-m", "-d=checkptr"]) == (
        *("go", "tool", "compile", "-p=p", "-d=panic", "-C", "-e", "-o", "a.o"),
        *("-m", "-d=checkptr,ssa/check/on", "/a/x.go"),
    )
    assert gc.errorcheck("/a/x.go", ["-m"])[-2:] == ("-d=ssa/check/on", "/a/x.go")
    assert gc.errorcheck("/a/x.go", [], ssa_check=False)[-1] == "/a/x.go"
    assert [argv[:3] for argv in gc.build(["/a/x.go"], [], "/w/a.exe")] == [
        ("go", "tool", "compile"),
        ("go", "tool", "link"),
    ]
    assert gc.build(["/a/x.go"], ["-race"], "/w/a.exe")[0][:4] == (
        "go",
        "build",
        "-gcflags=all=",
        "-race",
    )
    assert gc.build(["/a/x.go"], [], "/w/a.exe", "fieldtrack")[0][:2] == ("go", "build")
    argv, env = gc.assemble("/a/x.go", ["-gcflags=-l", "-race"], "linux/amd64/v3")
    assert argv == ("go", "build", "-gcflags", "-S=2 -l", "-race", "/a/x.go")
    assert env == {"GOOS": "linux", "GOARCH": "amd64", "GOAMD64": "v3", "CGO_ENABLED": "1"}
    refgo = make_compiler("refgo", "python3 /x/fakec.py")
    assert refgo.build(["/a/x.go"], ["-gcflags=all=-N -l"], "o") == (
        ("python3", "/x/fakec.py", "build", "-o", "o", "-c=1", "-N", "-l", "/a/x.go"),
    )
    assert refgo.test("/a/pkg", ["-run", "X"]) == (
        ("python3", "/x/fakec.py", "test", "-run", "X", "/a/pkg"),
        None,
    )
    assert gc.test("/a/pkg", []) == (("go", "test", "."), "/a/pkg")


def test_unwrap_gcflags() -> None:
    assert unwrap_gcflags(["-gcflags=-m -l", "-x"]) == ("-m", "-l", "-x")
    assert unwrap_gcflags(["-gcflags", "all=-N"]) == ("-N",)
    assert unwrap_gcflags(["-gcflags=-d=convinline=0"]) == ("-d=convinline=0",)


def test_local_executor_contract() -> None:
    ex = LocalExecutor()
    try:
        wd = ex.workdir("k1")
        ex.write_file(os.path.join(wd, "f"), b"data")
        assert ex.read_file(os.path.join(wd, "f")) == b"data"
        assert ex.workdir("k1") == wd and os.listdir(wd) == []
        with pytest.raises(ValueError):
            ex.workdir("../escape")
        split = ex.run(["sh", "-c", "echo out; echo err >&2; exit 3"], cwd=wd, timeout=10)
        assert (split.returncode, split.output, split.stderr) == (3, b"out\n", b"err\n")
        merged = ex.run(["sh", "-c", "echo a; echo b >&2"], cwd=wd, timeout=10, merge_stderr=True)
        assert (merged.output, merged.stderr) == (b"a\nb\n", b"")
        assert ex.run(["cat"], cwd=wd, timeout=10, stdin=b"in").output == b"in"
        env = ex.run(["env"], cwd=wd, timeout=10, env={"EXTRA": "1"}).output.decode()
        names = sorted(line.split("=", 1)[0] for line in env.splitlines())
        assert names == ["EXTRA", "HOME", "LANG", "PATH", "PYTHONPATH"]
        assert f"HOME={wd}" in env.splitlines()
        killed = ex.run(["sh", "-c", "kill -9 $$"], cwd=wd, timeout=10)
        assert killed.returncode == -9 and describe_exit(killed.returncode) == "signal: killed"
        missing = ex.run(["no-such-command-xyz"], cwd=wd, timeout=10, merge_stderr=True)
        assert missing.returncode == 127 and b"cannot run no-such-command-xyz" in missing.output
    finally:
        ex.close()
    assert not os.path.exists(wd)


def test_local_step_usage_is_measured() -> None:
    """A local step reports its CPU time and peak RSS, its waited-for children's included,
    and a timed-out step's too."""
    ex = LocalExecutor()
    try:
        wd = ex.workdir("k1")
        touch = "b = bytearray(200 << 20)\nfor i in range(0, len(b), 4096): b[i] = 1\n"
        child = [sys.executable, "-c", touch + "import time\nt = time.process_time()\n"
                 "while time.process_time() - t < 0.3: pass\n"]
        res = ex.run(["sh", "-c", f"{shlex.join(child)}; true"], cwd=wd, timeout=60)
        assert res.returncode == 0 and res.cpu is not None and res.maxrss is not None
        assert res.cpu >= 0.3 and res.maxrss >= 200 << 20
        spin = ex.run(["sh", "-c", "while :; do :; done"], cwd=wd, timeout=1)
        assert spin.timed_out and spin.cpu is not None and spin.cpu > 0
        assert spin.maxrss is not None and spin.maxrss < 200 << 20
    finally:
        ex.close()


def test_local_step_rss_excludes_the_worker() -> None:
    """A step's peak RSS is its own, not the spawning worker's: on Linux a fork (or vfork)
    of a 300 MiB worker reports at least 300 MiB, so steps start through refgo-spawn."""
    assert spawn_launcher() is not None, "refgo-spawn needs gcc"
    ballast = bytearray(300 << 20)
    for i in range(0, len(ballast), 4096):
        ballast[i] = 1
    ex = LocalExecutor()
    try:
        wd = ex.workdir("k1")
        touch = "b = bytearray(50 << 20)\nfor i in range(0, len(b), 4096): b[i] = 1\n"
        res = ex.run([sys.executable, "-c", touch], cwd=wd, timeout=60)
        assert res.returncode == 0 and res.maxrss is not None
        # 50 MiB and the interpreter's own 10-20 MiB
        assert 50 << 20 <= res.maxrss < 90 << 20, res.maxrss >> 20
        idle = ex.run(["true"], cwd=wd, timeout=10)
        assert idle.maxrss is not None and 0 < idle.maxrss < 16 << 20, idle.maxrss >> 20
    finally:
        ex.close()
        del ballast


def test_local_steps_run_directly_without_refgo_spawn(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a C compiler to build refgo-spawn, steps run as the worker's own children:
    same results, the usage measured by the worker's wait4."""
    monkeypatch.setattr(toolchain, "spawn_launcher", lambda: None)
    ex = LocalExecutor()
    try:
        wd = ex.workdir("k1")
        res = ex.run(["sh", "-c", "echo hi; exit 3"], cwd=wd, timeout=10, merge_stderr=True)
        assert (res.returncode, res.output) == (3, b"hi\n")
        assert res.cpu is not None and res.maxrss is not None and res.maxrss > 0
        missing = ex.run(["no-such-command-xyz"], cwd=wd, timeout=10)
        assert missing.returncode == 127 and b"cannot run no-such" in missing.stderr
        spin = ex.run(["sh", "-c", "while :; do :; done"], cwd=wd, timeout=1)
        assert spin.timed_out and spin.returncode == -9
    finally:
        ex.close()


def test_compile_cost_is_recorded(pytester: pytest.Pytester, fake: list[str]) -> None:
    """The conformance JSON carries each case's compile cost as measured: the compiler
    steps' CPU and peak RSS, not the program's run."""
    _write(pytester, "c/big.go", "// run\n\npackage main\n//fake:alloc 150\n//fake:print hi\n")
    _write(pytester, "c/big.out", "hi\n")
    _write(pytester, "c/small.go", "// compile\n\npackage p\n")
    j = pytester.path / "c.json"
    res = pytester.runpytest(*fake, f"--conformance-json={j}", "c")
    res.assert_outcomes(passed=2)
    res.stdout.fnmatch_lines(["compile cost of 2 cases*", "*over 20 s CPU: 0; over 1 GiB: 0"])
    cases = {c["case"]: c for c in json.loads(j.read_text())["cases"]}
    big, small = cases["c/big.go"], cases["c/small.go"]
    assert big["steps"] == small["steps"] == 1
    assert big["maxrss"] >= 150 << 20 > 100 << 20 > small["maxrss"] > 0
    assert big["cpu"] > 0 and small["cpu"] > 0


def test_local_memory_limit_is_reported(pytester: pytest.Pytester) -> None:
    """Under --local-memory every step has a memory limit; a step that runs out is
    oom_killed, and the case says so (a Go program, when Go is installed)."""
    ex = LocalExecutor(memory=256 << 20)
    try:
        wd = ex.workdir("k1")
        hog = [sys.executable, "-c", "b = bytearray(1 << 30)"]
        res = ex.run(hog, cwd=wd, timeout=60, merge_stderr=True)
        assert res.returncode != 0 and res.oom_killed
        fine = ex.run([sys.executable, "-c", "b = bytearray(1 << 20)"], cwd=wd, timeout=60)
        assert fine.returncode == 0 and not fine.oom_killed
        plain = ex.run(["sh", "-c", "exit 2"], cwd=wd, timeout=10)
        assert not plain.oom_killed
    finally:
        ex.close()
    if not HAVE_GO:
        return
    _write(
        pytester,
        "c/hog.go",
        "// run\n\npackage main\n\nfunc main() {\n"
        "\tb := make([]byte, 3<<30)\n\tb[len(b)-1] = 1\n\tprintln(len(b))\n}\n",
    )
    res = pytester.runpytest(
        "--toolchain=local", "--compiler=gc", "--local-memory=1g", "-p", "no:cacheprovider", "c"
    )
    res.assert_outcomes(failed=1)
    res.stdout.fnmatch_lines(["killed by the memory limit running */a.exe"])


def test_local_reproduce_line_keeps_the_memory_limit(tmp_path: Path) -> None:
    """Pasted, a local step's reproduce line runs under the step's memory limit (and only
    the command does): a step killed by the limit fails the same way in the shell."""
    ex = LocalExecutor(memory=256 << 20)
    try:
        wd = ex.workdir("k1")
        hog = (sys.executable, "-c", "b = bytearray(1 << 30)")
        assert ex.run(hog, cwd=wd, timeout=60, merge_stderr=True).oom_killed
        (line,) = ex.reproduce([Step(hog, wd, ())], wd)
        assert f"&& prlimit --data={256 << 20} env -i " in line
        pasted = subprocess.run(["sh", "-c", line], capture_output=True, text=True)
        assert pasted.returncode != 0 and "MemoryError" in pasted.stderr
    finally:
        ex.close()


def test_gccgo_stack_exhaustion_is_the_memory_limit() -> None:
    """gccgo's runtime allocates goroutine stacks with mmap: under RLIMIT_DATA it aborts
    with this line (chan/goroutines.go under the default 4g)."""
    assert _OOM_RX.search(b"unable to allocate additional stack space: errno 12\nSIGABRT")


def test_refgo_programs_run_under_the_default_local_limit(pytester: pytest.Pytester) -> None:
    """The local toolchain's default limit lets refgo's runtime reserve its arenas and a
    normal program run, and stops a program that writes past it, saying so."""
    _write(
        pytester,
        "c/ok.go",
        "// run\n\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n"
        "\tdone := make(chan int)\n\tgo func() { done <- len(make([]byte, 64<<20)) }()\n"
        "\tfmt.Println(<-done)\n}\n",
    )
    _write(pytester, "c/ok.out", "67108864\n")
    _write(
        pytester,
        "c/hog.go",
        "// run\n\npackage main\n\nfunc main() {\n\tvar keep [][]byte\n"
        "\tfor i := 0; i < 64; i++ {\n\t\tb := make([]byte, 64<<20)\n"
        "\t\tfor j := 0; j < len(b); j += 4096 {\n\t\t\tb[j] = 1\n\t\t}\n"
        "\t\tkeep = append(keep, b)\n\t}\n\tprintln(len(keep))\n}\n",
    )
    res = pytester.runpytest(
        "--toolchain=local", "--local-memory=1g", "-p", "no:cacheprovider", "c"
    )
    res.assert_outcomes(passed=1, failed=1)
    res.stdout.fnmatch_lines(["*killed by the memory limit running *"])


def test_build_cache_is_shared_and_persistent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every worker's executor names the same build cache, which outlives the run, so
    refgo's runtime archive (and GOCACHE) is built once, not once per worker."""
    monkeypatch.setenv("REFGO_CACHE", str(tmp_path / "cache"))
    a, b = LocalExecutor(), LocalExecutor()
    try:
        assert a.build_cache() == b.build_cache() == str(tmp_path / "cache" / "build-local")
    finally:
        a.close()
        b.close()
    assert os.path.isdir(tmp_path / "cache" / "build-local")


def test_broken_dir_layout_is_a_collection_error(
    pytester: pytest.Pytester, fake: list[str]
) -> None:
    _write(pytester, "c/nodir.go", "// rundir\n\npackage ignored\n")
    _write(pytester, "c/empty.go", "// compiledir\n\npackage ignored\n")
    _write(pytester, "c/empty.dir/README", "no Go here\n")
    result = pytester.runpytest(*fake, "c")
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines_random(
        [
            "*c/nodir.go:1: // rundir needs the directory nodir.dir beside it",
            "*c/empty.go:1: // compiledir: empty.dir holds no .go file",
        ]
    )
    assert "Traceback" not in result.stdout.str()
