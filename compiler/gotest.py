"""`refgo test`: go test for refgo — find a package's tests, build a test binary, run it.

    refgo test [-v] [-run re] [-bench re] [-benchtime 1s|100x] [-count n] [-parallel n] [-benchmem]
               [-short] [-a] [-x] [-gcflags 'flags'] [dir... | file.go...]

For each package (a directory, or the listed files as `command-line-arguments`) the
package's `.go` files whose build constraints hold are split into the package under
test (non-test files plus `_test.go` files of the same package clause) and the external
test package (`_test.go` files of package `<name>_test`). Both become importable
packages (import paths `P` and `P_test`); a generated main calls `testing.MainStart`
with every `TestXxx(t *testing.T)` and `BenchmarkXxx(b *testing.B)` in file order:

    package main

    import (
        "os"
        "testing"
        _test "_/src/pkg"
    )

    func main() {
        os.Exit(testing.MainStart("", []testing.InternalTest{
            {Name: "TestAdd", F: _test.TestAdd},
        }, []testing.InternalBenchmark{}))
    }

The binary is built as `refgo build` builds (compiler/units.py): a package at a time,
library packages (testing included) from the build cache in $REFGO_CACHE; the package
under test, the external test package and the generated main are compiled together from
source, in main's unit, and not cached (they are what changed since the last run, mostly,
and cost little beside the library). `-a` rebuilds every package, `-x` prints what was
compiled and what came from the cache; gcflags asking about the whole program (-m, -S,
-live) and REFGO_PKGCACHE=0 build the whole program from source instead. The code of
the package under test may differ from the whole-program build's as package main's does
under `refgo build`: escape analysis and inlining of library calls use the cached
units' tags and bodies.

The binary runs with the go test flags translated to `-test.*` flags. The output is
what `go test` prints: the binary's output (on success only with -v, -bench, or in
local directory mode, when no package is named), then `ok  \\tP\\t0.012s` or
`FAIL\\tP\\t0.012s`; a final `FAIL` line if any package failed. Exit status: 0 all
passed, 1 a test failed, 2 a build or usage failure. P is `<module path>/<dir>` inside
a module (go.mod), else gc's GOPATH-mode `_<absolute dir>`. Results are never cached
(gc may print `(cached)`). Limits: no TestMain, fuzz tests, examples, `package main`
under test, or imports of other local/module packages (`refgo does not support X yet`).
"""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from compiler import buildcons, driver, flags, link, units
from compiler.diag import Diagnostics
from compiler.syntax import ast, parse_file

USAGE = ("usage: refgo test [-v] [-run re] [-bench re] [-benchtime d] [-count n] "
         "[-parallel n] [-benchmem] [-short] [-a] [-x] [-gcflags flags] "
         "[dir... | file.go...]")

# go test flag -> whether it takes a value; all are passed to the binary as -test.NAME
_TEST_VALUE_FLAGS = frozenset({"run", "bench", "benchtime", "count", "parallel"})
_TEST_BOOL_FLAGS = frozenset({"v", "short", "benchmem"})
# go test's build flags refgo takes: -a rebuilds every package, -x reports the build
_BUILD_BOOL_FLAGS = frozenset({"a", "x"})

_BUILD_TAGS = driver.BUILD_TAGS


class TestUsageError(Exception):
    """A bad go test command line or package: one line, exit 2."""


@dataclass(frozen=True, slots=True)
class Options:
    """The parsed command line: binary flags (already -test.*), gcflags, operands, and
    the build flags -a (rebuild) and -x (show)."""

    test_args: tuple[str, ...]
    verbose: bool
    bench: bool
    gcflags: tuple[str, ...]
    operands: tuple[str, ...]
    rebuild: bool = False
    show: bool = False


@dataclass(frozen=True, slots=True)
class Package:
    """One package to test: its import path and file lists (paths as shown to users).

    files: the package under test (non-test and internal _test.go files);
    xfiles: the external _test package's files (empty if none);
    test_files: every _test.go file, in order (their functions become tests)."""

    path: str
    name: str
    files: tuple[str, ...]
    xfiles: tuple[str, ...]
    test_files: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TestFunc:
    """A test or benchmark function: its name and whether it is in the external package."""

    name: str
    external: bool


def parse_args(argv: Sequence[str]) -> Options:
    """Parse go test's flags (`-x v`, `-x=v`, `--x`, `-test.x`); raises TestUsageError."""
    test_args: list[str] = []
    gcflags: list[str] = []
    operands: list[str] = []
    verbose = bench = False
    build: dict[str, bool] = {}
    i = 0
    while i < len(argv):
        arg = argv[i]
        i += 1
        if not arg.startswith("-") or arg == "-":
            operands.append(arg)
            continue
        name, eq, val = arg.lstrip("-").partition("=")
        if name in _BUILD_BOOL_FLAGS:
            build[name] = _bool_flag(name, eq, val)
            continue
        name = name.removeprefix("test.")
        if name in _TEST_BOOL_FLAGS:
            on = _bool_flag(name, eq, val)
            verbose = verbose or (name == "v" and on)
            test_args.append(f"-test.{name}={'true' if on else 'false'}")
            continue
        if name not in _TEST_VALUE_FLAGS and name != "gcflags":
            raise TestUsageError(f"flag provided but not defined: -{name}")
        if not eq:
            if i >= len(argv):
                raise TestUsageError(f"flag needs an argument: -{name}")
            val = argv[i]
            i += 1
        if name == "gcflags":
            gcflags.extend(_split_gcflags(val))
        else:
            bench = bench or (name == "bench" and val != "")
            test_args.append(f"-test.{name}={val}")
    return Options(tuple(test_args), verbose, bench, tuple(gcflags), tuple(operands),
                   build.get("a", False), build.get("x", False))


def _bool_flag(name: str, eq: str, val: str) -> bool:
    """The value of boolean flag name (`-name`, `-name=val`); raises TestUsageError."""
    on = not eq or val in ("true", "1", "t", "T", "TRUE", "True")
    if eq and not on and val not in ("false", "0", "f", "F", "FALSE", "False"):
        raise TestUsageError(f"invalid boolean value {val!r} for -{name}")
    return on


def _split_gcflags(val: str) -> list[str]:
    """The compiler flags of a -gcflags value, dropping a `pattern=` prefix (`all=-N -l`)."""
    m = re.match(r"^([^-=\s][^=\s]*)=", val)
    if m:
        val = val[m.end():]
    return val.split()


def _module_path(d: Path) -> str | None:
    """The import path of directory d inside a module (nearest go.mod), else None."""
    for anc in (d, *d.parents):
        mod = anc / "go.mod"
        if mod.is_file():
            m = re.search(r"(?m)^module\s+\"?([^\s\"]+)", mod.read_text(errors="replace"))
            if not m:
                return None
            rel = d.relative_to(anc).as_posix()
            return m.group(1) if rel == "." else f"{m.group(1)}/{rel}"
    return None


def _name_ok(name: str) -> bool:
    """gc's file name constraints: _GOOS, _GOARCH, _GOOS_GOARCH before .go/_test.go."""
    return buildcons.name_ok(name)


def _build_ok(p: Path) -> bool:
    """Whether file p's build constraints hold for refgo; a malformed one is a usage error."""
    try:
        return driver.build_ok(p.read_bytes(), _BUILD_TAGS)
    except buildcons.ConstraintError as err:
        raise TestUsageError(f"{_show(p)}: {err.message}") from None
    except OSError as e:
        raise TestUsageError(f"open {p}: {e.strerror or e}") from e


def _show(path: Path) -> str:
    """path as go shows it: relative to the working directory (`./x.go`) when inside it."""
    try:
        rel = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return str(path)
    s = rel.as_posix()
    return s if "/" in s else f"./{s}"


def _package_clause(src: bytes) -> str | None:
    m = re.search(rb"(?m)^package\s+(\w+)", src)
    return m.group(1).decode() if m else None


def load_package(path: str, files: Sequence[Path]) -> Package:
    """Sort files into the package under test and the external test package."""
    base: str | None = None
    xname: str | None = None
    own: list[str] = []
    ext: list[str] = []
    tests: list[str] = []
    first: dict[str, str] = {}
    for f in files:
        try:
            src = f.read_bytes()
        except OSError as e:
            raise TestUsageError(f"open {f}: {e.strerror or e}") from e
        pkg = _package_clause(src)
        if pkg is None:
            raise TestUsageError(f"{_show(f)}: expected 'package', found EOF")
        is_test = f.name.endswith("_test.go")
        if is_test:
            tests.append(_show(f))
        if is_test and pkg.endswith("_test") and pkg != "_test":
            xname = pkg
            ext.append(_show(f))
            continue
        first.setdefault(pkg, f.name)
        if base is not None and pkg != base:
            raise TestUsageError(f"found packages {base} ({first[base]}) and {pkg} "
                                 f"({f.name}) in {f.parent}")
        base = pkg
        own.append(_show(f))
    if base is None and xname is not None:
        base = xname.removesuffix("_test")
    if xname is not None and xname != f"{base}_test":
        raise TestUsageError(f"found packages {base} and {xname} in {files[0].parent}")
    if base == "main":
        raise TestUsageError(f"{path}: refgo does not support testing package main yet")
    return Package(path, base or "", tuple(own), tuple(ext), tuple(tests))


def resolve(operand: str) -> Package:
    """The package a directory names (its files filtered by build constraints)."""
    d = Path(operand)
    if not d.is_dir():
        raise TestUsageError(f"cannot find package {operand!r}: not a directory")
    names = sorted(p for p in d.iterdir() if p.suffix == ".go" and p.is_file()
                   and not p.name.startswith(("_", ".")) and _name_ok(p.name))
    files = [p for p in names if _build_ok(p)]
    absd = d.resolve()
    path = _module_path(absd) or "_" + absd.as_posix()
    if not files:
        raise TestUsageError(f"no Go files in {absd}")
    return load_package(path, files)


def resolve_files(operands: Sequence[str]) -> Package:
    """The package `command-line-arguments` made of the listed .go files."""
    for f in operands:
        if not f.endswith(".go"):
            raise TestUsageError(f"named files must be .go files: {f}")
        if not os.path.isfile(f):
            raise TestUsageError(f"stat {f}: no such file or directory")
    return load_package("command-line-arguments", [Path(f) for f in operands])


def _is_prefixed(name: str, prefix: str) -> bool:
    """gc's rule: Name is prefix, or prefix followed by a non-lowercase letter."""
    if not name.startswith(prefix):
        return False
    rest = name[len(prefix):]
    return rest == "" or not rest[0].islower()


def _param_is(ft: ast.FuncType, pkg_alias: str, typ: str) -> bool:
    """Whether ft is func(x *<pkg_alias>.<typ>) with no results."""
    if len(ft.params) != 1 or ft.results:
        return False
    t = ft.params[0].type
    return (isinstance(t, ast.StarExpr) and isinstance(t.x, ast.SelectorExpr)
            and isinstance(t.x.x, ast.Name) and t.x.x.value == pkg_alias
            and t.x.sel.value == typ)


def _testing_alias(f: ast.File) -> str:
    for d in f.decls:
        if isinstance(d, ast.ImportDecl) and d.path.strip('"`') == "testing":
            return d.name.value if d.name is not None else "testing"
    return "testing"


def find_tests(f: ast.File, external: bool) -> tuple[list[TestFunc], list[TestFunc]]:
    """The tests and benchmarks of one _test.go file, in order; raises TestUsageError
    for a wrong signature (gc's wording) or a TestMain."""
    tests: list[TestFunc] = []
    benches: list[TestFunc] = []
    alias = _testing_alias(f)
    for d in f.decls:
        if not isinstance(d, ast.FuncDecl) or d.recv is not None:
            continue
        name = d.name.value
        where = f"{f.path}:{d.pos.line}:{d.pos.col}"
        if name == "TestMain":
            raise TestUsageError(f"{where}: refgo does not support TestMain yet")
        if _is_prefixed(name, "Test"):
            if not _param_is(d.type, alias, "T"):
                raise TestUsageError(f"{where}: wrong signature for {name}, "
                                     f"must be: func {name}(t *testing.T)")
            tests.append(TestFunc(name, external))
        elif _is_prefixed(name, "Benchmark"):
            if not _param_is(d.type, alias, "B"):
                raise TestUsageError(f"{where}: wrong signature for {name}, "
                                     f"must be: func {name}(b *testing.B)")
            benches.append(TestFunc(name, external))
        elif _is_prefixed(name, "Fuzz") and _param_is(d.type, alias, "F"):
            raise TestUsageError(f"{where}: refgo does not support fuzz tests yet")
    return tests, benches


def generate_main(pkg: Package, tests: Sequence[TestFunc],
                  benches: Sequence[TestFunc]) -> str:
    """The Go source of the test binary's main package."""
    used_int = any(not t.external for t in (*tests, *benches))
    used_ext = any(t.external for t in (*tests, *benches))
    lines = ["package main", "", "import (", '\t"os"', '\t"testing"', ""]
    lines.append(f'\t{"_test" if used_int else "_"} "{pkg.path}"')
    if pkg.xfiles:
        lines.append(f'\t{"_xtest" if used_ext else "_"} "{pkg.path}_test"')
    # do NOT name a local package (GOPATH-mode `_/dir`, listed files): gc's test main
    # leaves ImportPath empty for them, so the benchmark header has no `pkg:` line.
    local = pkg.path.startswith("_/") or pkg.path == "command-line-arguments"
    lines += [")", "", "func main() {",
              f'\tos.Exit(testing.MainStart("{"" if local else pkg.path}", '
              '[]testing.InternalTest{']
    for t in tests:
        q = "_xtest" if t.external else "_test"
        lines.append(f'\t\t{{Name: "{t.name}", F: {q}.{t.name}}},')
    lines.append("\t}, []testing.InternalBenchmark{")
    for b in benches:
        q = "_xtest" if b.external else "_test"
        lines.append(f'\t\t{{Name: "{b.name}", F: {q}.{b.name}}},')
    lines += ["\t}))", "}", ""]
    return "\n".join(lines)


def local_imports(f: ast.File, pkg: Package) -> dict[str, str]:
    """The relative imports (`"."`, `"../p"`) of an external test file, mapped to the
    import path of the package under test; raises TestUsageError for other local paths."""
    out: dict[str, str] = {}
    here = Path(f.path).parent.resolve()
    for d in f.decls:
        if not isinstance(d, ast.ImportDecl):
            continue
        path = d.path.strip('"`')
        if path not in (".", "..") and not path.startswith(("./", "../")):
            continue
        if (here / path).resolve() != here:
            raise TestUsageError(f"{f.path}:{d.path_pos.line}:{d.path_pos.col}: refgo "
                                 f"does not support importing local package {path} yet")
        out[path] = pkg.path
    return out


# An example runs (and must be supported) only if it has an output comment.
_EXAMPLE = re.compile(rb"(?m)^func Example\w*\(\)")
_OUTPUT = re.compile(rb"(?mi)^\s*//\s*(unordered )?output:")


def _discover(pkg: Package) -> tuple[list[TestFunc], list[TestFunc], dict[str, str]]:
    """Every test and benchmark of pkg's _test.go files (the package's own in file
    order, then the external test package's, as gc orders them), and the import map of
    the external test's relative imports."""
    diags = Diagnostics()
    tests: list[TestFunc] = []
    benches: list[TestFunc] = []
    xset = set(pkg.xfiles)
    imap: dict[str, str] = {}
    for path in pkg.test_files:
        f = parse_file(path, Path(path).read_bytes(), diags)
        if diags.errors:
            out: list[str] = []
            for d in diags.sorted():
                out.append(str(d))
            raise BuildFailed("\n".join(out))
        src = Path(path).read_bytes()
        if _EXAMPLE.search(src) and _OUTPUT.search(src):
            raise TestUsageError(f"{path}: refgo does not support examples yet")
        t, b = find_tests(f, path in xset)
        tests += t
        benches += b
        if path in xset:
            imap.update(local_imports(f, pkg))
    tests.sort(key=lambda t: t.external)
    benches.sort(key=lambda b: b.external)
    return tests, benches, imap


class BuildFailed(Exception):
    """The package did not build; str() is the compiler's output."""


def build_test_binary(pkg: Package, gcflags: Sequence[str], tmp: Path, exe: Path,
                      rebuild: bool = False, show: bool = False) -> tuple[int, str]:
    """Compile and link pkg's test binary; returns (status, compiler output). As `refgo
    build` does, a package at a time (units.compile_units) unless gcflags ask about the
    whole program (units.eligible) or REFGO_PKGCACHE=0: library packages, testing
    included, from the build cache; the package under test, its external test package
    and the generated main compiled together from source, never cached. rebuild (-a)
    compiles every package again; show (-x) adds units.report_stats' lines."""
    tests, benches, imap = _discover(pkg)
    main_go = tmp / "_testmain.go"
    main_go.write_text(generate_main(pkg, tests, benches))
    try:
        args = flags.parse("compile", [*gcflags, str(main_go)])
    except driver.UsageError as e:
        raise BuildFailed(f"refgo: {e}") from None
    packages = {pkg.path: pkg.files}
    if pkg.xfiles:
        packages[pkg.path + "_test"] = pkg.xfiles
    cfg = replace(flags.config(args), packages=packages, import_map=imap)
    stats = units.Stats()
    problems: list[str] = []
    lib: list[str] = []

    def compile_units(cfg: driver.Config, diags: Diagnostics) -> driver.Result:
        return units.compile_units(cfg, diags, stats, rebuild=rebuild, problems=problems,
                                   lib=lib)

    on = os.environ.get("REFGO_PKGCACHE", "1") != "0"
    compile = compile_units if on and units.eligible(cfg) else driver.compile_files
    err = io.StringIO()

    def act(res: driver.Result) -> int:
        got = link.link_program(res.asm, str(exe), lib[0] if lib else None,
                                rebuild=rebuild, problems=problems)
        if show:
            err.write(units.report_stats(stats, problems, got))
        return 0

    rc = driver.run_guarded(cfg, act, err, compile=compile)
    return rc, err.getvalue()


def _run_binary(exe: Path, args: Sequence[str], stream: bool, cwd: str) -> tuple[int, bytes]:
    """Run the test binary (stdout and stderr merged); stream copies output as it comes."""
    out = bytearray()
    with subprocess.Popen([str(exe), *args], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, cwd=cwd) as p:
        assert p.stdout is not None
        while chunk := os.read(p.stdout.fileno(), 65536):
            out += chunk
            if stream:
                sys.stdout.buffer.write(chunk)
                sys.stdout.flush()
    return p.returncode, bytes(out)


def test_package(pkg: Package, opts: Options) -> int:
    """Build and run one package's tests, printing go test's lines; returns 0, 1 or 2."""
    if not pkg.test_files:
        print(f"?   \t{pkg.path}\t[no test files]")
        return 0
    with tempfile.TemporaryDirectory(prefix="refgo-test-") as tmpd:
        tmp = Path(tmpd)
        exe = tmp / (pkg.name + ".test")
        try:
            rc, msgs = build_test_binary(pkg, opts.gcflags, tmp, exe, opts.rebuild,
                                         opts.show)
        except BuildFailed as e:
            rc, msgs = 1, str(e) + "\n"
        if rc != 0:
            sys.stdout.flush()
            sys.stderr.write(f"# {pkg.path} [{pkg.path}.test]\n{msgs}")
            sys.stderr.flush()
            print(f"FAIL\t{pkg.path} [build failed]")
            return 2
        if msgs:
            sys.stderr.write(msgs)
        # go streams the binary's output with -v, -bench, or no package named (local
        # directory mode); otherwise it shows it only on failure.
        stream = opts.verbose or opts.bench or not opts.operands
        sys.stdout.flush()
        cwd = str(Path(pkg.test_files[0]).parent)
        start = time.monotonic()
        code, out = _run_binary(exe, opts.test_args, stream, cwd)
        secs = time.monotonic() - start
    if code == 0:
        note = " [no tests to run]" if _no_tests(out) else ""
        print(f"ok  \t{pkg.path}\t{secs:.3f}s{note}")
        return 0
    if not stream:
        sys.stdout.flush()
        sys.stdout.buffer.write(out)
    if code < 0:
        print(f"signal: {_signal_name(-code)}")
    print(f"FAIL\t{pkg.path}\t{secs:.3f}s")
    return 1


def _signal_name(sig: int) -> str:
    """The signal's description as Go's os.ProcessState prints it (`segmentation fault`)."""
    try:
        return (signal.strsignal(sig) or f"signal {sig}").lower()
    except ValueError:
        return f"signal {sig}"


def _no_tests(out: bytes) -> bool:
    marker = b"\ntesting: warning: no tests to run\n"
    return out.startswith(marker[1:]) or marker in out


def main(argv: Sequence[str]) -> int:
    """`refgo test` entry point; returns the exit status."""
    try:
        opts = parse_args(argv)
        ops = opts.operands or (".",)
        if any(o.endswith(".go") for o in ops):
            pkgs = [resolve_files(ops)]
        else:
            pkgs = [resolve(o) for o in ops]
    except TestUsageError as e:
        print(f"refgo test: {e}", file=sys.stderr)
        return 2
    worst = 0
    for pkg in pkgs:
        try:
            rc = test_package(pkg, opts)
        except TestUsageError as e:
            sys.stdout.flush()
            print(f"refgo test: {e}", file=sys.stderr)
            print(f"FAIL\t{pkg.path} [setup failed]")
            rc = 2
        worst = max(worst, rc)
    if worst:
        print("FAIL")
    sys.stdout.flush()
    return worst
