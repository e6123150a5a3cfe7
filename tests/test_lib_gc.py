"""Prove refgo's standard library (compiler/lib) under gc, against gc's own library.

Every program `tests/libcheck/NAME.go` (and each run case named in CASE_CHECKS) is
written against the real import paths (`fmt`, `strings`, ...). It is built twice with
gc and both binaries are run with the same arguments:

    (a) as written, with gc's standard library;
    (b) with each import of a refgo library package rewritten to `refgolib/<path>`,
        inside a temporary module `refgolib` holding a copy of compiler/lib, where
        the build tag `refgo` is off so every package's hooks_gc.go supplies the
        runtime hooks on top of gc's library.

stdout, stderr and the exit status must be identical, byte for byte; and so must
    (c) the same program compiled by refgo (its own library and runtime hooks).

The testing package is checked the same way with `tests/libcheck/testpkg/*_test.go`:
(a) is the `go test -c` binary run with and without `-test.v`; (b) is a generated
main calling `testing.MainStart` (the entry point `refgo test` will generate), with
the test file copied behind a `//line` directive so log lines keep their file:line.
Durations `(0.00s)` and benchmark measurements are normalised before comparing; and
`go test [-v]` of the package must print MainStart's output wrapped in the lines the
`refgo test` driver is to add (the `ok` or `FAIL` line naming the package and its
duration).

Skipped (with the reason) when no Go toolchain is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

REPO = Path(__file__).resolve().parent.parent
LIB = REPO / "compiler" / "lib"
CHECKS = REPO / "tests" / "libcheck"
TESTPKG = CHECKS / "testpkg"
PREFIX = "refgolib"
ARGS = ["first", "two words", "-x"]
STDIN = b"stdin line 1\nstdin line 2\r\n\nlast"
TIMEOUT = 300
TESTPKG_PATH = "libcheck/testpkg"


def find_go() -> str | None:
    """Return the path of the go command: GO env var, PATH, or Debian's Go 1.19."""
    for cand in (os.environ.get("GO"), shutil.which("go"), "/usr/lib/go-1.19/bin/go"):
        if cand and Path(cand).is_file() and os.access(cand, os.X_OK):
            return cand
    return None


GO = find_go()
pytestmark = pytest.mark.skipif(GO is None, reason="no Go toolchain installed (go not found)")


def go_env(cache: Path) -> dict[str, str]:
    """Return an environment for hermetic, offline gc builds."""
    env = dict(os.environ)
    env.update(
        GO111MODULE="on",
        GOFLAGS="-mod=mod",
        GOPROXY="off",
        GOWORK="off",
        GOPATH=str(cache / "gopath"),
        CGO_ENABLED="0",
    )
    return env


NATIVE_ONLY = frozenset({"reflect"})
"""Library packages built on refgo's own type descriptors, which gc's runtime does not
have: their imports (fmt's reflect) keep gc's package."""


def lib_packages() -> list[str]:
    """Return the import paths of the library packages (dirs of compiler/lib with .go
    files) that the gc build rewrites to refgo's copy: all but NATIVE_ONLY."""
    pkgs = {p.parent.relative_to(LIB).as_posix() for p in LIB.rglob("*.go")}
    return sorted(pkgs - NATIVE_ONLY)


IMPORT_SECTION = re.compile(r"^package \w+\n(.*?)(?=^(?:func|type|var|const)\b|\Z)", re.M | re.S)


def rewrite_imports(src: str, pkgs: list[str]) -> str:
    """Rewrite imports of library packages in src's import section to PREFIX/<path>."""
    match = IMPORT_SECTION.search(src)
    if match is None:
        return src
    section = match.group(1)
    for pkg in pkgs:
        section = section.replace(f'"{pkg}"', f'"{PREFIX}/{pkg}"')
    return src[: match.start(1)] + section + src[match.end(1) :]


STD_ONLY_PRAGMA = re.compile(r"^//go:uintptrkeepalive\n", re.M)
"""Directives gc accepts only in its standard library, which refgo's library is to refgo
but not to gc's build of it as an ordinary module: removed from the copy."""


def is_ignored(src: str) -> bool:
    """Report whether a Go file is excluded from every build (`//go:build ignore`)."""
    return src.startswith("//go:build ignore")


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """Run cmd, failing the test with its output if it does not exit 0."""
    res = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, timeout=TIMEOUT)
    if res.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} (in {cwd}) failed:\n{res.stderr.decode(errors='replace')}")
    return res


@dataclass(frozen=True, slots=True)
class Built:
    """Binaries built by the session fixture: name -> path, for each library."""

    gc: dict[str, Path]
    ref: dict[str, Path]
    env: dict[str, str]
    testbin_gc: Path
    testbin_ref: Path


CASE_CHECKS = tuple(REPO / "cases" / "stdlib" / f"{n}.go"
                    for n in ("flags", "maphash", "match", "md5", "regexp", "tabwriter"))
"""Run cases that double as check programs (their .out is gc's; here refgo's library
under gc must print the same): named NAME_case, not copied into tests/libcheck."""


def check_sources() -> dict[str, Path]:
    """Return each check program's source by name: tests/libcheck/*.go and CASE_CHECKS."""
    srcs = {p.stem: p for p in CHECKS.glob("*.go")}
    srcs.update((f"{p.stem}_case", p) for p in CASE_CHECKS)
    return srcs


def check_names() -> list[str]:
    """Return the names of the check programs, sorted."""
    return sorted(check_sources())


def declared_functions(src: str, kind: str) -> list[str]:
    """Return the names of the `func TestX(t *testing.T)` (or Benchmark) functions in src."""
    arg = "t \\*testing\\.T" if kind == "Test" else "b \\*testing\\.B"
    return re.findall(rf"^func ({kind}\w*)\({arg}\)", src, re.M)


def generated_main(import_path: str, tests: list[str], benches: list[str]) -> str:
    """Return the main program `refgo test` would generate for these functions."""
    ts = "".join(f'\t\t{{Name: "{t}", F: {t}}},\n' for t in tests)
    bs = "".join(f'\t\t{{Name: "{b}", F: {b}}},\n' for b in benches)
    return (
        "package main\n\n"
        f'import (\n\t"{PREFIX}/os"\n\t"{PREFIX}/testing"\n)\n\n'
        "func main() {\n"
        f'\tos.Exit(testing.MainStart("{import_path}", []testing.InternalTest{{\n{ts}\t}}, '
        f"[]testing.InternalBenchmark{{\n{bs}\t}}))\n"
        "}\n"
    )


def build_ref_module(root: Path, pkgs: list[str]) -> None:
    """Create module PREFIX in root: the library with rewritten imports, the checks, testpkg."""
    (root / "go.mod").write_text(f"module {PREFIX}\n\ngo 1.19\n")
    for src_path in LIB.rglob("*.go"):
        src = src_path.read_text()
        if is_ignored(src):
            continue
        dst = root / src_path.relative_to(LIB)
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src_path.name != "hooks_gc.go":
            src = rewrite_imports(src, pkgs)
        dst.write_text(STD_ONLY_PRAGMA.sub("", src))
    for name in check_names():
        dst = root / "cmd" / name / f"{name}.go"
        dst.parent.mkdir(parents=True)
        dst.write_text(rewrite_imports(check_sources()[name].read_text(), pkgs))
    tests: list[str] = []
    benches: list[str] = []
    tdir = root / "cmd" / "testmain"
    tdir.mkdir(parents=True)
    for test_file in sorted(TESTPKG.glob("*_test.go")):
        src = test_file.read_text()
        tests += declared_functions(src, "Test")
        benches += declared_functions(src, "Benchmark")
        src = re.sub(r"^package \w+", "package main", src, count=1, flags=re.M)
        body = rewrite_imports(src, pkgs)
        (tdir / (test_file.stem + "_.go")).write_text(f"//line {test_file.name}:1\n{body}")
    (tdir / "main.go").write_text(generated_main(TESTPKG_PATH, tests, benches))


def build_gc_module(root: Path) -> None:
    """Create module `libcheck` in root: the checks as written, and testpkg."""
    (root / "go.mod").write_text("module libcheck\n\ngo 1.19\n")
    for name in check_names():
        dst = root / "cmd" / name / f"{name}.go"
        dst.parent.mkdir(parents=True)
        shutil.copy(check_sources()[name], dst)
    tdir = root / "testpkg"
    tdir.mkdir()
    for test_file in TESTPKG.glob("*_test.go"):
        shutil.copy(test_file, tdir / test_file.name)


def build_all(base: Path) -> Built:
    """Build every check program with gc's library and with refgo's library under base."""
    assert GO is not None
    env = go_env(base)
    pkgs = lib_packages()
    ref_root, gc_root = base / "ref", base / "gc"
    bin_ref, bin_gc = base / "bin-ref", base / "bin-gc"
    for d in (ref_root, gc_root, bin_ref, bin_gc):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir()
    build_ref_module(ref_root, pkgs)
    build_gc_module(gc_root)
    run([GO, "vet", "./..."], ref_root, env)
    run([GO, "build", "-o", str(bin_ref) + "/", "./cmd/..."], ref_root, env)
    run([GO, "build", "-o", str(bin_gc) + "/", "./cmd/..."], gc_root, env)
    testbin_gc = base / "testpkg.test"
    run([GO, "test", "-c", "-o", str(testbin_gc), "./testpkg"], gc_root, env)
    names = check_names()
    return Built(
        gc={n: bin_gc / n for n in names},
        ref={n: bin_ref / n for n in names},
        env=env,
        testbin_gc=testbin_gc,
        testbin_ref=bin_ref / "testmain",
    )


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Build the programs once per run: under pytest-xdist the workers share one build."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        return build_all(tmp_path_factory.mktemp("libgc"))
    base = tmp_path_factory.getbasetemp().parent / "libgc"
    base.mkdir(exist_ok=True)
    with FileLock(str(base) + ".lock"):
        done = base / "done"
        if done.exists():
            names = check_names()
            return Built(
                gc={n: base / "bin-gc" / n for n in names},
                ref={n: base / "bin-ref" / n for n in names},
                env=go_env(base),
                testbin_gc=base / "testpkg.test",
                testbin_ref=base / "bin-ref" / "testmain",
            )
        result = build_all(base)
        done.touch()
        return result


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one run of a binary printed and how it exited."""

    stdout: str
    stderr: str
    code: int


def execute(binary: Path, args: list[str], cwd: Path) -> Outcome:
    """Run binary with args in cwd, STDIN as its input, and capture its outcome."""
    res = subprocess.run(
        [str(binary), *args], cwd=cwd, input=STDIN, capture_output=True, timeout=TIMEOUT
    )
    return Outcome(
        res.stdout.decode(errors="replace"), res.stderr.decode(errors="replace"), res.returncode
    )


@pytest.mark.parametrize("name", check_names())
def test_check_program(built: Built, name: str, tmp_path: Path) -> None:
    """A check program prints exactly the same with refgo's library as with gc's."""
    want = execute(built.gc[name], ARGS, tmp_path)
    got = execute(built.ref[name], ARGS, tmp_path)
    assert got.stdout == want.stdout
    assert got.stderr == want.stderr
    assert got.code == want.code
    assert want.stdout or want.stderr, "a check program must print something"


@pytest.mark.parametrize("name", check_names())
def test_check_program_compiled_by_refgo(built: Built, name: str, tmp_path: Path) -> None:
    """The same program compiled by refgo itself (its library, its runtime hooks) prints
    exactly what gc's build with gc's library prints."""
    exe = tmp_path / "refgo.exe"
    proc = subprocess.run(
        [sys.executable, "-m", "compiler", "build", "-o", str(exe), str(check_sources()[name])],
        capture_output=True, text=True, timeout=TIMEOUT, cwd=REPO,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    assert proc.returncode == 0, proc.stderr
    want = execute(built.gc[name], ARGS, tmp_path)
    got = execute(exe, ARGS, tmp_path)
    assert got.stdout == want.stdout
    assert got.stderr == want.stderr
    assert got.code == want.code


DURATION = re.compile(r"\((\d+\.\d\ds)\)")
CPU_LINE = re.compile(r"^cpu: .*$", re.M)
BENCH_LINE = re.compile(r"^(Benchmark\S+)\s+\d+\s+[\d.]+ ns/op(.*)$", re.M)


def mask_numbers(text: str) -> str:
    """Replace every number in text with X and collapse the padding before it."""
    return re.sub(r" +", " ", re.sub(r"\d+", "X", text))


def normalise(out: str) -> str:
    """Replace test durations and benchmark measurements with fixed text."""
    out = DURATION.sub("(X.XXs)", out)
    out = CPU_LINE.sub("cpu: X", out)
    out = BENCH_LINE.sub(lambda m: f"{m.group(1)} N X ns/op" + mask_numbers(m.group(2)), out)
    return out


TEST_RUNS = [
    pytest.param([], id="quiet"),
    pytest.param(["-test.v"], id="verbose"),
    pytest.param(["-test.v", "-test.run", "Log|Sub"], id="run-filter"),
    pytest.param(["-test.run", "^TestPass$"], id="run-pass-only"),
    pytest.param(["-test.run", "TestSub/ok"], id="run-subtest"),
    pytest.param(["-test.v", "-test.run", "Names|Cleanup|HelperSub"], id="names-cleanup"),
    pytest.param(["-test.count=2", "-test.run=Pass|Error"], id="count"),
    pytest.param(["-test.run", "TestNames/dup"], id="run-dup"),
    pytest.param(["-test.run", "Nothing"], id="no-tests"),
    pytest.param(["-test.run", "("], id="bad-regexp"),
    pytest.param(["-test.run", "Test(Sub|Log)$|^TestSk.p$|^Test[A-F][a-z]+r"], id="regexp-1"),
    pytest.param(["-test.run", "Sub/(o+k|bad_.*)$|Names/dup#0[1-9]|Names/\\w{3}_"], id="regexp-2"),
    pytest.param(["-test.run", "Fail[^e]|(?:Skip)f?$|P.s{2,}"], id="regexp-3"),
    pytest.param(["-test.v", "-test.run", "Par|Allocs|Pass"], id="parallel-verbose"),
    pytest.param(["-test.run", "Par|Allocs|Pass|Error"], id="parallel-quiet"),
    pytest.param(
        [
            "-test.run",
            "^$",
            "-test.bench",
            "Bytes|Loop",
            "-test.benchtime",
            "50x",
            "-test.benchmem",
        ],
        id="bench-mem",
    ),
    pytest.param(["-test.run", "^$", "-test.bench", ".", "-test.benchtime", "100x"], id="bench"),
    pytest.param(
        ["-test.v", "-test.run", "^$", "-test.bench", "Logs|Skip|Timers", "-test.benchtime=3x"],
        id="bench-verbose",
    ),
    pytest.param(
        ["-test.run", "Pass", "-test.bench", "Loop", "-test.benchtime", "1ms"], id="bench-d"
    ),
]


@pytest.mark.parametrize("args", TEST_RUNS)
def test_testing_output(built: Built, args: list[str], tmp_path: Path) -> None:
    """refgo's testing package prints what gc's test binary prints, modulo timings."""
    want = execute(built.testbin_gc, args, tmp_path)
    got = execute(built.testbin_ref, args, tmp_path)
    assert normalise(got.stdout) == normalise(want.stdout)
    assert normalise(got.stderr) == normalise(want.stderr)
    assert got.code == want.code


PKG_LINE = re.compile(r"^(ok  |FAIL)\t(\S+)\t[\d.]+s$", re.M)


def go_test_transcript(out: Outcome, pkg: str, verbose: bool) -> str:
    """Return what `go test [-v] pkg` prints around a test binary's output.

    That is the binary's output (dropped on success without -v), then the `ok` line,
    or the `FAIL` line and a final `FAIL`: what the `refgo test` driver is to add.
    """
    text = out.stdout + out.stderr
    if out.code == 0:
        return (text if verbose else "") + f"ok  \t{pkg}\t0.000s\n"
    return text + f"FAIL\t{pkg}\t0.000s\nFAIL\n"


GO_TEST_RUNS = [
    pytest.param(["-v", "-run", "Pass"], id="verbose-pass"),
    pytest.param(["-v", "-run", "Log|Sub|Helper"], id="verbose-fail"),
    pytest.param(["-run", "Error|Fatal|Skip"], id="quiet-fail"),
    pytest.param(["-run", "Pass|Log"], id="quiet-pass"),
]


@pytest.mark.parametrize("args", GO_TEST_RUNS)
def test_go_test_output(built: Built, args: list[str], tmp_path: Path) -> None:
    """`go test` of the package prints what MainStart's output plus the driver's lines give."""
    assert GO is not None
    cmd = [GO, "test", "-count=1", *args, "./testpkg"]
    res = subprocess.run(
        cmd,
        cwd=built.testbin_gc.parent / "gc",
        env=built.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=TIMEOUT,
    )
    want = res.stdout.decode(errors="replace")
    test_args = [
        a if a.startswith("-test.") or not a.startswith("-") else "-test." + a[1:] for a in args
    ]
    ref = execute(built.testbin_ref, test_args, tmp_path)
    got = go_test_transcript(ref, TESTPKG_PATH, "-v" in args)
    assert normalise(PKG_LINE.sub(r"\1\t\2\tX", got)) == normalise(PKG_LINE.sub(r"\1\t\2\tX", want))
    assert (ref.code == 0) == (res.returncode == 0)


def test_rewrite_imports_only_touches_imports() -> None:
    """Only import specs of library packages are rewritten, never string literals."""
    src = 'package main\n\nimport (\n\t"fmt"\n\t"sort"\n)\n\nvar s = "fmt"\n'
    out = rewrite_imports(src, ["fmt", "os"])
    assert out == 'package main\n\nimport (\n\t"refgolib/fmt"\n\t"sort"\n)\n\nvar s = "fmt"\n'


def test_normalise_timings() -> None:
    """Durations and benchmark numbers are masked, everything else kept."""
    line = "BenchmarkX-2   \t     100\t      12.5 ns/op\t       0 B/op\t       0 allocs/op"
    assert normalise("--- PASS: TestA (0.01s)\n" + line) == (
        "--- PASS: TestA (X.XXs)\nBenchmarkX-2 N X ns/op\t X B/op\t X allocs/op"
    )
