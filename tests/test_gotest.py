"""Tests of `refgo test` (compiler/gotest.py): flag translation, package discovery, test
function rules, the generated main, and end to end against `go test` (modulo timings).

The end-to-end tests run `refgo test` and gc's `go test` (GOPATH mode, so both name a
directory `_/abs/dir`) in the same directory and compare stdout after masking
`(0.00s)` durations, the ok/FAIL line's duration and benchmark measurements.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from compiler import driver, gotest, units
from compiler.diag import Diagnostics
from compiler.syntax import parse_file

REPO = Path(__file__).resolve().parent.parent
COPYSEM = REPO / "cases" / "copysem"
GO = "/usr/lib/go-1.19/bin/go" if os.path.exists("/usr/lib/go-1.19/bin/go") else shutil.which("go")
needs_go = pytest.mark.skipif(GO is None, reason="no Go toolchain installed (go not found)")
TIMEOUT = 300


def parse_src(tmp_path: Path, name: str, src: str) -> gotest.ast.File:
    p = tmp_path / name
    p.write_text(src)
    diags = Diagnostics()
    f = parse_file(str(p), p.read_bytes(), diags)
    assert not diags.errors
    return f


def test_parse_args_translates_to_test_flags() -> None:
    o = gotest.parse_args(["-v", "-run", "A|B", "--bench=.", "-benchtime", "100x",
                           "-test.count=2", "-parallel", "3", "-gcflags=all=-N -l", "dir"])
    assert o.test_args == ("-test.v=true", "-test.run=A|B", "-test.bench=.",
                           "-test.benchtime=100x", "-test.count=2", "-test.parallel=3")
    assert o.verbose and o.bench
    assert o.gcflags == ("-N", "-l")
    assert o.operands == ("dir",)
    assert not gotest.parse_args(["-v=false"]).verbose
    b = gotest.parse_args(["-a", "-x=true", "-v", "."])
    assert b.rebuild and b.show and b.test_args == ("-test.v=true",)
    assert not gotest.parse_args(["-x=0"]).show


@pytest.mark.parametrize("argv,msg", [
    (["-frob"], "flag provided but not defined: -frob"),
    (["-run"], "flag needs an argument: -run"),
    (["-v=maybe"], "invalid boolean value 'maybe' for -v"),
])
def test_parse_args_errors(argv: list[str], msg: str) -> None:
    with pytest.raises(gotest.TestUsageError, match=re.escape(msg)):
        gotest.parse_args(argv)


@pytest.mark.parametrize("name,ok", [
    ("a.go", True), ("a_test.go", True), ("a_linux.go", True), ("a_amd64_test.go", True),
    ("a_linux_amd64.go", True), ("a_windows.go", False), ("a_arm64_test.go", False),
    ("a_darwin_amd64.go", False), ("linux.go", True), ("x_y.go", True),
])
def test_file_name_constraints(name: str, ok: bool) -> None:
    assert gotest._name_ok(name) is ok


def test_test_function_rules(tmp_path: Path) -> None:
    f = parse_src(tmp_path, "a_test.go", """package a

import tt "testing"

func TestA(t *tt.T) {}
func Test(t *tt.T) {}
func Testing(t *tt.T) {}
func Test_x(t *tt.T) {}
func BenchmarkB(b *tt.B) {}
func Benchmarks(x int) {}
func (r R) TestM(t *tt.T) {}
type R int
""")
    tests, benches = gotest.find_tests(f, external=False)
    assert [t.name for t in tests] == ["TestA", "Test", "Test_x"]
    assert [b.name for b in benches] == ["BenchmarkB"]


@pytest.mark.parametrize("decl,msg", [
    ("func TestBad(t testing.T) {}", "wrong signature for TestBad, must be: "
     "func TestBad(t *testing.T)"),
    ("func BenchmarkX(b *testing.T) {}", "wrong signature for BenchmarkX, must be: "
     "func BenchmarkX(b *testing.B)"),
    ("func TestMain(m *testing.M) {}", "refgo does not support TestMain yet"),
])
def test_test_function_errors(tmp_path: Path, decl: str, msg: str) -> None:
    f = parse_src(tmp_path, "a_test.go", f'package a\n\nimport "testing"\n\n{decl}\n')
    with pytest.raises(gotest.TestUsageError, match=re.escape(msg)):
        gotest.find_tests(f, external=False)


def test_load_package_splits_external(tmp_path: Path) -> None:
    for name, pkg in (("a.go", "a"), ("a_test.go", "a"), ("x_test.go", "a_test")):
        (tmp_path / name).write_text(f"package {pkg}\n")
    p = gotest.resolve(str(tmp_path))
    assert p.path == "_" + tmp_path.resolve().as_posix()
    assert p.name == "a"
    assert [Path(f).name for f in p.files] == ["a.go", "a_test.go"]
    assert [Path(f).name for f in p.xfiles] == ["x_test.go"]
    assert len(p.test_files) == 2


def test_load_package_rejects_two_packages(tmp_path: Path) -> None:
    (tmp_path / "a.go").write_text("package a\n")
    (tmp_path / "b.go").write_text("package b\n")
    with pytest.raises(gotest.TestUsageError, match="found packages a .a.go. and b .b.go."):
        gotest.resolve(str(tmp_path))


def test_build_constraints_and_module_path(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("module example.com/m\n\ngo 1.19\n")
    d = tmp_path / "sub"
    d.mkdir()
    (d / "a.go").write_text("package a\n")
    (d / "b.go").write_text("//go:build ignore\n\npackage other\n")
    (d / "c_windows.go").write_text("package other\n")
    p = gotest.resolve(str(d))
    assert p.path == "example.com/m/sub"
    assert [Path(f).name for f in p.files] == ["a.go"]


def test_generate_main_imports_only_what_is_used() -> None:
    pkg = gotest.Package("ex/p", "p", ("p.go",), ("x_test.go",), ("x_test.go",))
    src = gotest.generate_main(pkg, [gotest.TestFunc("TestX", True)], [])
    assert '\t_ "ex/p"' in src and '\t_xtest "ex/p_test"' in src
    assert '{Name: "TestX", F: _xtest.TestX},' in src
    assert 'testing.MainStart("ex/p"' in src
    local = gotest.Package("_/src/p", "p", ("p.go",), (), ("p.go",))
    assert 'testing.MainStart("", ' in gotest.generate_main(local, [], [])


def test_local_import_of_other_directory_is_unsupported(tmp_path: Path) -> None:
    f = parse_src(tmp_path, "x_test.go", 'package a_test\n\nimport "../elsewhere"\n')
    pkg = gotest.Package("_/x", "a", (), (str(tmp_path / "x_test.go"),), ())
    with pytest.raises(gotest.TestUsageError, match="does not support importing local"):
        gotest.local_imports(f, pkg)
    g = parse_src(tmp_path, "y_test.go", 'package a_test\n\nimport "."\n')
    assert gotest.local_imports(g, pkg) == {".": "_/x"}


DURATION = re.compile(r"\(\d+\.\d\ds\)")
PKG_LINE = re.compile(r"^(ok  |FAIL)\t(\S+)\t\d+\.\d+s", re.M)
BENCH = re.compile(r"^(Benchmark\S+)\s+\t\s*\d+\t\s*[\d.]+ ns/op$", re.M)


def normalise(out: str) -> str:
    out = DURATION.sub("(X.XXs)", out)
    out = PKG_LINE.sub(r"\1\t\2\tX.XXXs", out)
    return BENCH.sub(r"\1 N X ns/op", out)


def refgo_test(args: list[str], cwd: Path,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "compiler", "test", *args], cwd=cwd,
                          env=dict(os.environ, **(env or {})),
                          capture_output=True, text=True, timeout=TIMEOUT)


def go_test(args: list[str], cwd: Path,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    assert GO is not None
    full = dict(os.environ, GO111MODULE="off", GOFLAGS="", CGO_ENABLED="0", **(env or {}))
    return subprocess.run([GO, "test", "-count=1", *args], cwd=cwd, env=full,
                          capture_output=True, text=True, timeout=TIMEOUT)


@needs_go
@pytest.mark.parametrize("pkg,args", [
    ("conv", ["-v", "."]),
    ("methods", ["-v", "-run", "Ext|Loader|Pointer", "."]),
])
def test_copysem_verbose_equals_go_test(pkg: str, args: list[str]) -> None:
    """`refgo test -v` prints what `go test -v` prints, modulo timings."""
    d = COPYSEM / pkg
    got, want = refgo_test(args, d), go_test(args, d)
    assert want.returncode == 0, want.stdout + want.stderr
    assert got.returncode == 0, got.stdout + got.stderr
    assert normalise(got.stdout) == normalise(want.stdout)
    assert "=== RUN" in got.stdout and "\nPASS\n" in got.stdout


FAILING = """package f

import "testing"

func TestOK(t *testing.T) { t.Log("fine") }

func TestBad(t *testing.T) {
	t.Log("about to fail")
	t.Errorf("got %d, want %d", 1, 2)
}

func TestSkip(t *testing.T) { t.Skip("not today") }

func BenchmarkLoop(b *testing.B) {
	s := 0
	for i := 0; i < b.N; i++ {
		s += i
	}
	_ = s
}
"""


@needs_go
def test_failing_package_equals_go_test(tmp_path: Path) -> None:
    """A failing test: the binary's output, `FAIL\\tpkg\\tN.NNNs`, `FAIL`, exit 1; with no
    package named (local directory mode) a passing run's output is shown too."""
    (tmp_path / "f_test.go").write_text(FAILING)
    runs = {"list": ["."], "verbose": ["-v", "-run", "OK|Skip|Bad", "."], "local": ["-run", "OK"]}
    got = {}
    for key, args in runs.items():
        got[key], want = refgo_test(args, tmp_path), go_test(args, tmp_path)
        assert normalise(got[key].stdout) == normalise(want.stdout)
        assert got[key].returncode == want.returncode
    assert got["list"].returncode == got["verbose"].returncode == 1
    assert "--- FAIL: TestBad" in got["list"].stdout
    assert "    f_test.go:9: got 1, want 2" in got["list"].stdout
    assert got["local"].returncode == 0 and got["local"].stdout.startswith("PASS\nok  \t")


@needs_go
def test_bench_lines_and_no_tests_note(tmp_path: Path) -> None:
    """-bench prints benchstat-readable lines; -run matching nothing notes it like go."""
    (tmp_path / "f_test.go").write_text(FAILING)
    args = ["-run", "^$", "-bench", ".", "-benchtime", "50x", "."]
    got, want = refgo_test(args, tmp_path), go_test(args, tmp_path)
    assert got.returncode == want.returncode == 0
    assert got.stdout.split("\n")[:2] == want.stdout.split("\n")[:2]  # goos goarch
    assert ("\npkg: " in got.stdout) == ("\npkg: " in want.stdout)
    line = re.search(r"(?m)^BenchmarkLoop-\d+\s+\t\s*50\t\s*[\d.]+ ns/op$", got.stdout)
    assert line is not None, got.stdout
    got2, want2 = refgo_test(["-run", "Nothing", "."], tmp_path), \
        go_test(["-run", "Nothing", "."], tmp_path)
    assert normalise(got2.stdout) == normalise(want2.stdout)
    assert got2.stdout.endswith("[no tests to run]\n")


PARALLEL = """package p

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestSeq(t *testing.T) { t.Log("seq") }

func TestGroup(t *testing.T) {
	for _, name := range []string{"a", "b", "c"} {
		name := name
		t.Run(name, func(t *testing.T) {
			t.Log("before parallel", name)
			t.Parallel()
			t.Log("running", name)
			time.Sleep(time.Millisecond)
			t.Log("done", name)
			if name == "b" {
				t.Error("b fails")
			}
		})
	}
	t.Cleanup(func() { t.Log("group cleanup after the parallel subtests") })
	t.Log("group body done")
}

func TestTopPar1(t *testing.T) {
	t.Parallel()
	t.Log("top 1")
}

func TestTopPar2(t *testing.T) {
	t.Parallel()
	t.Run("inner", func(t *testing.T) {
		t.Parallel()
		t.Log("inner of 2")
	})
	t.Log("top 2")
}

func TestAfter(t *testing.T) { t.Log("after") }

func TestFatalEndsTheGoroutine(t *testing.T) {
	t.Run("fatal", func(t *testing.T) {
		defer func() { t.Log("deferred in fatal") }()
		func() {
			defer func() { recover() }()
			t.Fatal("stops the goroutine despite recover")
		}()
		t.Log("not reached")
	})
	t.Log("parent goes on")
}

func BenchmarkRunParallel(b *testing.B) {
	var total int64
	b.SetParallelism(3)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			atomic.AddInt64(&total, 1)
		}
	})
	if total != int64(b.N) {
		b.Errorf("ran %d iterations, want %d", total, b.N)
	}
}
"""


@needs_go
def test_parallel_tests_equal_go_test(tmp_path: Path) -> None:
    """Parallel tests pause at t.Parallel and resume after their parent's function, as
    under go test -v (GOMAXPROCS=1, so -test.parallel is 1 and gc's order does not
    depend on timing); FailNow ends the test's goroutine even under recover;
    RunParallel's PBs share exactly b.N iterations (GOMAXPROCS=2: 6 goroutines)."""
    (tmp_path / "p_test.go").write_text(PARALLEL)
    env = {"GOMAXPROCS": "1"}
    got, want = refgo_test(["-v", "."], tmp_path, env), go_test(["-v", "."], tmp_path, env)
    assert normalise(got.stdout) == normalise(want.stdout)
    assert got.returncode == want.returncode == 1
    assert "=== PAUSE TestGroup/b" in got.stdout and "=== CONT  TestGroup/b" in got.stdout
    args = ["-run", "^$", "-bench", ".", "-benchtime", "200x", "."]
    got = refgo_test(args, tmp_path, {"GOMAXPROCS": "2"})
    assert got.returncode == 0, got.stdout + got.stderr
    assert re.search(r"(?m)^BenchmarkRunParallel-2\s+\t\s*200\t", got.stdout), got.stdout


@needs_go
def test_build_failure_and_no_test_files(tmp_path: Path) -> None:
    """A compile error: `# pkg` and the error on stderr, `[build failed]`, exit 2."""
    bad, empty = tmp_path / "bad", tmp_path / "empty"
    bad.mkdir()
    empty.mkdir()
    (bad / "b_test.go").write_text("package b\n\nimport \"testing\"\n\n"
                                   "func TestA(t *testing.T) { undefinedx() }\n")
    (empty / "e.go").write_text("package e\n")
    got, want = refgo_test([], empty), go_test([], empty)
    assert got.stdout == want.stdout and got.returncode == want.returncode == 0
    args = ["./bad", "./empty"]
    got, want = refgo_test(args, tmp_path), go_test(args, tmp_path)
    assert got.stdout == want.stdout
    assert got.returncode == want.returncode == 2
    assert "bad/b_test.go:5:28: undefined: undefinedx" in got.stderr


def test_examples_with_output_are_unsupported(tmp_path: Path) -> None:
    """An example with an output comment would run under go test: a clear error, exit 2."""
    (tmp_path / "e_test.go").write_text(
        'package e\n\nimport "fmt"\n\nfunc ExampleHi() {\n\tfmt.Println("hi")\n'
        '\t// Output: hi\n}\n')
    r = refgo_test(["."], tmp_path)
    assert r.returncode == 2
    assert "refgo does not support examples yet" in r.stderr
    assert r.stdout.endswith("[setup failed]\nFAIL\n")


CACHED = {
    "p.go": "package p\n\nfunc Add(a, b int) int { return a + b }\n",
    "p_test.go": 'package p\n\nimport "testing"\n\nfunc TestAdd(t *testing.T) {\n'
                 '\tif Add(1, 2) != 3 {\n\t\tt.Fatal("sum")\n\t}\n}\n',
    "x_test.go": 'package p_test\n\nimport (\n\t"fmt"\n\t"testing"\n\n\tp "."\n)\n\n'
                 'func TestPrint(t *testing.T) { fmt.Println("sum", p.Add(2, 3)) }\n',
}


def test_library_from_the_cache(tmp_path: Path) -> None:
    """`refgo test` builds a package at a time: a second run reads every library package,
    testing included, and the library's object from the build cache and compiles the
    package under test, its external test package and the generated main."""
    for name, src in CACHED.items():
        (tmp_path / name).write_text(src)
    path = "_" + tmp_path.resolve().as_posix()
    refgo_test(["-x", "."], tmp_path, {"REFGO_PKGCACHE": "1"})
    got = refgo_test(["-x", "-v", "."], tmp_path, {"REFGO_PKGCACHE": "1"})
    assert got.returncode == 0, got.stdout + got.stderr
    assert "=== RUN   TestPrint\nsum 5\n--- PASS: TestPrint" in got.stdout
    assert "refgo: library object from the cache\n" in got.stderr
    line = re.search(r"(?m)^refgo: compiled (.*); cached (.*)$", got.stderr)
    assert line is not None, got.stderr
    assert line.group(1).split() == [path, f"{path}_test", "main"]
    assert {"testing", "fmt", "runtime"} <= set(line.group(2).split())


@pytest.mark.parametrize("env,gcflags", [("0", ()), ("1", ("-m",)), ("1", ("-S",))])
def test_whole_program_build_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        env: str, gcflags: tuple[str, ...]) -> None:
    """REFGO_PKGCACHE=0, and gcflags that describe the whole program, build the test
    binary with the whole-program compile (driver.compile_files), as `refgo build` does."""
    for name, src in CACHED.items():
        (tmp_path / name).write_text(src)
    monkeypatch.setenv("REFGO_PKGCACHE", env)
    seen: list[driver.Config] = []

    def whole(cfg: driver.Config, diags: Diagnostics) -> driver.Result:
        seen.append(cfg)
        raise driver.UsageError("stop")

    monkeypatch.setattr(driver, "compile_files", whole)
    monkeypatch.setattr(units, "compile_units", None)
    pkg = gotest.resolve(str(tmp_path))
    rc, msgs = gotest.build_test_binary(pkg, gcflags, tmp_path, tmp_path / "p.test")
    assert (rc, msgs) == (2, "refgo: stop\n")
    assert [sorted(c.packages) for c in seen] == [[pkg.path, pkg.path + "_test"]]
    assert seen[0].import_map == {".": pkg.path}
