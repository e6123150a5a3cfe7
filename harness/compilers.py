"""The compilers a case can run against, as command lines for each harness step.

Two compilers share one interface: refgo (`python3 -m compiler ...`, the
repository's own) and gc (Go 1.19's `go` command, as Go's test/run.go drives
it). For `// errorcheck -0 -m` on /abs/x.go the errorcheck step is

    refgo:  python3 -m compiler compile -o a.o -m /abs/x.go
    gc:     go tool compile -p=p -d=panic -C -e -o a.o -m -d=ssa/check/on /abs/x.go

Steps are argv tuples; they run in the case's workdir with env() added to the
executor's fixed environment. Flags written in a case for the `go` command
(`-gcflags=all=-N`) are unwrapped for refgo, which takes compiler flags directly.
"""

from __future__ import annotations

import functools
import os
import re
import shlex
import subprocess
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from compiler.buildcons import REFGO_TAGS
from harness.asmcheck import env_vars
from harness.constraints import BuildContext

Argv = tuple[str, ...]

DEFAULT_REFGO_COMMAND: Argv = ("python3", "-m", "compiler")
REFGO_KNOWN = Path(__file__).resolve().parent.parent / "conformance" / "known_failures.txt"
RUN_GO_LISTS = ("types2Failures", "go118Failures")
"""run.go's expected-failure sets that apply to gc 1.19 on amd64 without GOEXPERIMENT=unified
(with it, unifiedFailures replaces go118Failures; types2Failures32Bit is for 32-bit only)."""


def unwrap_gcflags(flags: Sequence[str]) -> tuple[str, ...]:
    """Turns `go`-command `-gcflags` flags into plain compiler flags; others pass unchanged."""
    out: list[str] = []
    i = 0
    while i < len(flags):
        f = flags[i]
        value: str | None = None
        for prefix in ("-gcflags=", "--gcflags="):
            if f.startswith(prefix):
                value = f[len(prefix) :]
        if f in ("-gcflags", "--gcflags") and i + 1 < len(flags):
            i += 1
            value = flags[i]
        if value is None:
            out.append(f)
        else:
            if "=" in value.split(" ", 1)[0] and not value.startswith("-"):
                value = value.split("=", 1)[1]
            out.extend(shlex.split(value))
        i += 1
    return tuple(out)


@dataclass(frozen=True, slots=True)
class KnownFailureList:
    """A compiler's expected failures: case key (path relative to Go's test/) → cause.

    source names where the list comes from, for messages (a file path).
    """

    source: str
    causes: Mapping[str, str]

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> KnownFailureList | None:
        """Reads a known-failures file (`PATH CAUSE` per line, `#` comments; the format of
        conformance/known_failures.txt); None when there is no such file. Raises
        harness.conformance.KnownFailuresError (`FILE:LINE: message`) when it is malformed."""
        # harness.conformance is a pytest plugin: imported when a list is read, not before.
        from harness.conformance import parse_known_failures

        p = Path(path)
        if not p.is_file():
            return None
        return cls(str(p), parse_known_failures(p, p.read_text(encoding="utf-8")))


@dataclass(frozen=True, slots=True)
class Compiler(ABC):
    """One compiler under test: command lines for every step, and what it supports.

    Abstract methods are the steps (compile, errorcheck, build, assemble, test); the
    rest have defaults a gc-like compiler keeps: run.go's build tags without cgo,
    no known failures, always available, no multi-package (`*dir`) steps, asmcheck
    of Go's tree only, `// GC_ERROR` lines. A third-party compiler subclasses this and
    registers a factory (see register()).
    """

    @property
    @abstractmethod
    def name(self) -> str:
        """The --compiler value: "refgo", "gc", "gccgo", ..."""

    @abstractmethod
    def env(self, cache: str, gocache: str) -> dict[str, str]:
        """Environment added to every step: cache is the build cache (refgo's runtime
        archive), gocache the directory for gc's GOCACHE."""

    @abstractmethod
    def compile(self, file: str, flags: Sequence[str]) -> Argv:
        """Compiles one file without linking (the `compile` directive)."""

    @abstractmethod
    def errorcheck(self, file: str, flags: Sequence[str], ssa_check: bool = True) -> Argv:
        """Compiles one file so that every diagnostic is printed (the `errorcheck` directive)."""

    @abstractmethod
    def build(
        self,
        files: Sequence[str],
        flags: Sequence[str],
        out: str,
        experiment: str | None = None,
        program_args: bool = False,
    ) -> tuple[Argv, ...]:
        """Builds an executable `out` from a main package's files: steps run in order.

        experiment is the case's -goexperiment value (its steps also get GOEXPERIMENT);
        program_args says the case passes arguments to the program (run.go then builds
        with the go command rather than compile and link).
        """

    @abstractmethod
    def assemble(self, file: str, flags: Sequence[str], env: str) -> tuple[Argv, dict[str, str]]:
        """Compiles with an assembly listing for build env (`linux/amd64/v1`); returns extra env."""

    @abstractmethod
    def asm_merged(self) -> bool:
        """Reports whether the assembly listing is mixed into stderr (gc) or alone on stdout."""

    @abstractmethod
    def test(self, directory: str, args: Sequence[str]) -> tuple[Argv, str | None]:
        """Runs a package's tests (`test` directive); returns argv and cwd (None: workdir)."""

    def missing(self) -> str | None:
        """Returns why the compiler cannot run on this machine (one line), or None."""
        return None

    def build_context(self) -> BuildContext:
        """The build tags cases are selected with (run.go's matcher for this compiler)."""
        return BuildContext()

    def known_failures(self) -> KnownFailureList | None:
        """Cases expected to fail under this compiler, or None."""
        return None

    def packages(self) -> PackageSteps | None:
        """Steps of the multi-package directives (compiledir, rundir, ...); None: skipped."""
        return None

    def asmcheck(self) -> str:
        """Whether asmcheck cases run: "yes", "no", or "opt-in": Go's tree's (gc's
        assembly syntax, as run.go runs them), others only with --gc-asmcheck."""
        return "opt-in"

    def run_in_dir(self, flags: Sequence[str], gopath: str) -> tuple[Argv, dict[str, str]] | None:
        """`runindir`: argv and extra env that build and run the module in the current
        directory (a copy of X.dir with a go.mod) with GOPATH=gopath; None: skipped."""
        return None

    def build_dir(self, gos: Sequence[str], asms: Sequence[str]) -> tuple[Argv, ...] | None:
        """`builddir`/`buildrundir`: steps that build a.exe in the workdir from X.dir's
        .go and .s files (an empty go_asm.h is there when asms); None: skipped."""
        return None

    def error_dialect(self) -> str:
        """The prefix of this compiler's own ERROR lines: "GC_" or "GCCGO_"."""
        return "GC_"


class PackageSteps(ABC):
    """Multi-package steps of run.go's `*dir` directives, in a workdir holding `test/`.

    A package from a.go has path "test/a" (the sources say `import "./a"`); the
    main package is linked into a.exe in the workdir.
    """

    @abstractmethod
    def compile_in_dir(
        self, directory: str, flags: Sequence[str], pkgname: str, names: Sequence[str]
    ) -> Argv:
        """Compiles one package of directory (files `names`) as run.go's compileInDir does."""

    @abstractmethod
    def link(self, first: str, ldflags: Sequence[str]) -> Argv:
        """Links the main package compiled from first (a file name) into a.exe."""


@dataclass(frozen=True, slots=True)
class RefgoPackages(PackageSteps):
    """refgo's multi-package steps: as gc's (GcPackages), package a.go of X.dir is
    compiled to the archive test/a.a with path "test/a" (`import "./a"` through -D test
    -I .); package main to <first file>.o, the whole program's object, which `refgo
    link` links into a.exe."""

    command: Argv

    def compile_in_dir(
        self, directory: str, flags: Sequence[str], pkgname: str, names: Sequence[str]
    ) -> Argv:
        argv = [*self.command, "compile", "-e", "-D", "test", "-I", "."]
        if pkgname == "main":
            argv.extend(["-p=main", "-o", names[0].removesuffix(".go") + ".o"])
        else:
            path = "test/" + names[0].removesuffix(".go")
            argv.extend(["-o", path + ".a", "-p", path])
        return (*argv, *flags, *(f"{directory}/{n}" for n in names))

    def link(self, first: str, ldflags: Sequence[str]) -> Argv:
        return (*self.command, "link", "-o", "a.exe", "-L", ".", *ldflags,
                first.removesuffix(".go") + ".o")


@dataclass(frozen=True, slots=True)
class Refgo(Compiler):
    """The repository's compiler, invoked as `python3 -m compiler` with PYTHONPATH=repo root."""

    command: Argv = DEFAULT_REFGO_COMMAND

    @property
    def name(self) -> str:
        return "refgo"

    def env(self, cache: str, gocache: str) -> dict[str, str]:
        env = {"GOOS": "linux", "GOARCH": "amd64", "REFGO_CACHE": cache}
        # REFGO_PKGCACHE=0 (whole-program builds, compiler/cli.py) reaches refgo from pytest's.
        if os.environ.get("REFGO_PKGCACHE"):
            env["REFGO_PKGCACHE"] = os.environ["REFGO_PKGCACHE"]
        return env

    def compile(self, file: str, flags: Sequence[str]) -> Argv:
        return (*self.command, "compile", "-o", "a.o", *flags, file)

    def errorcheck(self, file: str, flags: Sequence[str], ssa_check: bool = True) -> Argv:
        return (*self.command, "compile", "-e", "-o", "a.o", *flags, file)

    def build(
        self,
        files: Sequence[str],
        flags: Sequence[str],
        out: str,
        experiment: str | None = None,
        program_args: bool = False,
    ) -> tuple[Argv, ...]:
        # -c=1: xdist's workers keep every CPU busy already, and a case's package main
        # is below the size that forks (docs/performance.md "Compile speed").
        return ((*self.command, "build", "-o", out, "-c=1", *unwrap_gcflags(flags), *files),)

    def assemble(self, file: str, flags: Sequence[str], env: str) -> tuple[Argv, dict[str, str]]:
        argv = (*self.command, "compile", "-S", "-o", "a.o", *unwrap_gcflags(flags), file)
        return argv, {}

    def asm_merged(self) -> bool:
        return False

    def test(self, directory: str, args: Sequence[str]) -> tuple[Argv, str | None]:
        return (*self.command, "test", *args, directory), None

    def build_context(self) -> BuildContext:
        # refgo's own tags: no goexperiment.regabi* (arguments go on the stack), no cgo.
        experiments = frozenset(t for t in REFGO_TAGS if t.startswith("goexperiment."))
        return BuildContext("gc", experiments, "cgo" in REFGO_TAGS)

    def packages(self) -> PackageSteps | None:
        return RefgoPackages(self.command)

    def known_failures(self) -> KnownFailureList | None:
        return KnownFailureList.read(REFGO_KNOWN)

    def asmcheck(self) -> str:
        return "yes"


def _embeds(file: str) -> bool:
    """Whether the Go source file has a //go:embed directive."""
    try:
        return b"//go:embed" in Path(file).read_bytes()
    except OSError:
        return False


@dataclass(frozen=True, slots=True)
class Gc(Compiler):
    """Go 1.19's gc toolchain through the `go` command, with run.go's flags."""

    @property
    def name(self) -> str:
        return "gc"

    def env(self, cache: str, gocache: str) -> dict[str, str]:
        probe = gc_probe()
        return {
            "GOOS": "linux",
            "GOARCH": "amd64",
            "GO111MODULE": "off",
            "GOFLAGS": "",
            "GOENV": "off",
            "GOCACHE": gocache,
            "CGO_ENABLED": "1" if isinstance(probe, GcProbe) and probe.cgo else "0",
        }

    def missing(self) -> str | None:
        probe = gc_probe()
        return probe if isinstance(probe, str) else None

    def build_context(self) -> BuildContext:
        probe = gc_probe()
        if isinstance(probe, str):
            return BuildContext()
        return BuildContext("gc", probe.tool_tags, probe.cgo)

    def known_failures(self) -> KnownFailureList | None:
        probe = gc_probe()
        if isinstance(probe, str):
            return None
        run_go = os.path.join(probe.goroot, "test", "run.go")
        try:
            with open(run_go, encoding="utf-8") as f:
                text = f.read()
        except OSError:
            return None
        names = [n for n in RUN_GO_LISTS if n != "go118Failures" or not probe.unified]
        if probe.unified:
            names.append("unifiedFailures")
        return KnownFailureList(run_go, run_go_failures(text, names))

    def packages(self) -> PackageSteps | None:
        return GcPackages()

    def run_in_dir(self, flags: Sequence[str], gopath: str) -> tuple[Argv, dict[str, str]] | None:
        # run.go: `go run` in module mode, GOPATH the case's temp dir.
        env = {"GO111MODULE": "on", "GOPATH": gopath}
        return ("go", "run", "-gcflags=all=", *flags, "."), env

    def build_dir(self, gos: Sequence[str], asms: Sequence[str]) -> tuple[Argv, ...] | None:
        # run.go: assembler (symabis first), compiler, pack, linker; no go command.
        steps: list[Argv] = []
        compile_ = ["go", "tool", "compile", "-p=main", "-e", "-D", ".", "-I", ".", "-o", "go.o"]
        if asms:
            steps.append(("go", "tool", "asm", "-p=main", "-gensymabis", "-o", "symabis", *asms))
            compile_ += ["-asmhdr", "go_asm.h", "-symabis", "symabis"]
        steps.append((*compile_, *gos))
        objs = ["go.o"]
        if asms:
            steps.append(("go", "tool", "asm", "-p=main", "-e", "-I", ".", "-o", "asm.o", *asms))
            objs.append("asm.o")
        steps.append(("go", "tool", "pack", "c", "all.a", *objs))
        steps.append(("go", "tool", "link", "-o", "a.exe", "all.a"))
        return tuple(steps)

    def compile(self, file: str, flags: Sequence[str]) -> Argv:
        return ("go", "tool", "compile", "-e", "-p=p", *flags, file)

    def errorcheck(self, file: str, flags: Sequence[str], ssa_check: bool = True) -> Argv:
        fl = list(flags)
        if ssa_check:
            for i, f in enumerate(fl):
                if f.startswith("-d="):
                    fl[i] = f + ",ssa/check/on"
                    break
            else:
                fl.append("-d=ssa/check/on")
        return ("go", "tool", "compile", "-p=p", "-d=panic", "-C", "-e", "-o", "a.o", *fl, file)

    def build(
        self,
        files: Sequence[str],
        flags: Sequence[str],
        out: str,
        experiment: str | None = None,
        program_args: bool = False,
    ) -> tuple[Argv, ...]:
        # run.go skips the go command only without flags, arguments and experiments: a
        # GOEXPERIMENT needs a runtime built with it, which `go build` provides, and
        # `import "C"` needs cgo, which only the go command runs; so does //go:embed,
        # whose files only the go command hands the compiler (-embedcfg).
        if not flags and experiment is None and not program_args and \
                not any(_embeds(f) for f in files):
            return (
                ("go", "tool", "compile", "-p=main", "-o", "pkg.a", *files),
                ("go", "tool", "link", "-s", "-w", "-o", out, "pkg.a"),
            )
        return (("go", "build", "-gcflags=all=", *flags, "-o", out, *files),)

    def assemble(self, file: str, flags: Sequence[str], env: str) -> tuple[Argv, dict[str, str]]:
        gcflags = "-S=2"
        rest: list[str] = []
        i = 0
        while i < len(flags):
            f = flags[i]
            if f.startswith(("-gcflags=", "--gcflags=")):
                gcflags += " " + f.split("=", 1)[1]
            elif f in ("-gcflags", "--gcflags"):
                i += 1
                if i < len(flags):
                    gcflags += " " + flags[i]
            else:
                rest.append(f)
            i += 1
        extra = env_vars(env)
        if rest and rest[0] == "-race":
            extra["CGO_ENABLED"] = "1"
        return ("go", "build", "-gcflags", gcflags, *rest, file), extra

    def asm_merged(self) -> bool:
        return True

    def test(self, directory: str, args: Sequence[str]) -> tuple[Argv, str | None]:
        # GOPATH mode refuses absolute import paths; "." in the package's directory works.
        return ("go", "test", *args, "."), directory


@dataclass(frozen=True, slots=True)
class GcProbe:
    """What `go list` says about the gc toolchain on PATH."""

    goroot: str
    cgo: bool
    tool_tags: frozenset[str]

    @property
    def unified(self) -> bool:
        """Reports whether GOEXPERIMENT=unified is on (run.go swaps its failure lists)."""
        return "goexperiment.unified" in self.tool_tags


_PROBE_FORMAT = "{{context.GOROOT}}|{{context.CgoEnabled}}|{{join context.ToolTags \",\"}}"


@functools.cache
def gc_probe() -> GcProbe | str:
    """Asks the `go` command on the harness's PATH for GOROOT, cgo and its tool tags, as
    run.go's go/build.Default sees them; returns a one-line reason when it cannot."""
    from harness.toolchain import local_path

    env = {"PATH": local_path(), "HOME": os.environ.get("HOME", "/"), "GO111MODULE": "off",
           "GOFLAGS": "", "LANG": "C.UTF-8"}
    for key in ("GOEXPERIMENT", "CGO_ENABLED", "GOROOT", "CC"):
        if key in os.environ:
            env[key] = os.environ[key]
    try:
        res = subprocess.run(
            ["go", "list", "-f", _PROBE_FORMAT, "runtime"],
            env=env, capture_output=True, text=True, timeout=120, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        return f"gc: cannot run the go command: {err}"
    if res.returncode != 0:
        lines = (res.stderr.strip() or "no output").splitlines()
        return f"gc: go list failed: {lines[0]}"
    goroot, cgo, tags = res.stdout.strip().split("|")
    return GcProbe(goroot, cgo == "true", frozenset(t for t in tags.split(",") if t))


_SET_RX = re.compile(r"(?ms)^var (\w+) = setOf\((.*?)^\)")
_ENTRY_RX = re.compile(r'^\s*"([^"]+)",\s*(?://\s*(.*))?$')


def run_go_failures(text: str, names: Sequence[str]) -> dict[str, str]:
    """Reads the `var NAME = setOf(...)` sets of run.go's source: file → its comment."""
    out: dict[str, str] = {}
    for m in _SET_RX.finditer(text):
        if m.group(1) not in names:
            continue
        for line in m.group(2).splitlines():
            e = _ENTRY_RX.match(line)
            if e:
                out[e.group(1)] = f"run.go {m.group(1)}: {(e.group(2) or '').strip()}"
    return out


@dataclass(frozen=True, slots=True)
class GcPackages(PackageSteps):
    """gc's multi-package steps for run.go's `*dir` directives.

    Packages of X.dir compile in the workdir, which holds a `test/` directory:
    a package from a.go becomes test/a.a with path "test/a", so the sources'
    `import "./a"` resolves through `-D test -I .`; the main package becomes
    <first file>.o, linked into a.exe.
    """

    def compile_in_dir(
        self, directory: str, flags: Sequence[str], pkgname: str, names: Sequence[str]
    ) -> Argv:
        """Compiles one package of directory (files `names`) as run.go's compileInDir does."""
        argv = ["go", "tool", "compile", "-e", "-D", "test", "-I", "."]
        if pkgname == "main":
            argv.append("-p=main")
        else:
            path = "test/" + names[0].removesuffix(".go")
            argv.extend(["-o", path + ".a", "-p", path])
        return (*argv, *flags, *(f"{directory}/{n}" for n in names))

    def link(self, first: str, ldflags: Sequence[str]) -> Argv:
        """Links the main package compiled from first (a file name) into a.exe."""
        return (
            "go",
            "tool",
            "link",
            "-w",
            "-o",
            "a.exe",
            "-L",
            ".",
            *ldflags,
            first.removesuffix(".go") + ".o",
        )


@dataclass(frozen=True, slots=True)
class CompilerOptions:
    """What the command line tells a compiler factory (--refgo-command today)."""

    refgo_command: str | None = None


Factory = Callable[[CompilerOptions], Compiler]
ENTRY_POINT_GROUP = "refgo.compilers"

_REGISTRY: dict[str, Factory] = {}


def register(name: str, factory: Factory) -> None:
    """Makes --compiler=name build its Compiler with factory(options).

    Packages name the factory in a `refgo.compilers` entry point instead; a conftest.py
    implements the pytest_refgo_register_compilers hook, whose registrations last one
    session. Do NOT register a name twice with different factories: the second raises
    ValueError.
    """
    old = _REGISTRY.get(name)
    if old is not None and old is not factory:
        raise ValueError(f"compiler {name!r} is already registered")
    _REGISTRY[name] = factory


def _refgo(options: CompilerOptions) -> Compiler:
    if options.refgo_command:
        return Refgo(tuple(shlex.split(options.refgo_command)))
    return Refgo()


def _gc(options: CompilerOptions) -> Compiler:
    return Gc()


register("refgo", _refgo)
register("gc", _gc)


@functools.cache
def _entry_points() -> tuple[tuple[str, str], ...]:
    """Loads every `refgo.compilers` entry point once; returns (name, error) of broken ones."""
    broken: list[tuple[str, str]] = []
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in _REGISTRY:
            continue
        try:
            register(ep.name, ep.load())
        except Exception as err:  # a broken third-party package must not hide the others
            broken.append((ep.name, f"{ep.value}: {type(err).__name__}: {err}"))
    return tuple(broken)


def compiler_names() -> list[str]:
    """Returns every registered compiler name, entry points included, sorted."""
    _entry_points()
    return sorted(_REGISTRY)


def make_compiler(
    name: str, refgo_command: str | None = None, session: Mapping[str, Factory] | None = None
) -> Compiler:
    """Returns the compiler named by --compiler; refgo_command overrides refgo's argv prefix,
    session holds the compilers a conftest registered for this session.

    Raises ValueError (one line) for a name nobody registered or a factory that fails.
    """
    broken = dict(_entry_points())
    factory = (session or {}).get(name) or _REGISTRY.get(name)
    if factory is None:
        if name in broken:
            raise ValueError(f"compiler {name!r}: cannot load its entry point {broken[name]}")
        want = ", ".join(sorted({*compiler_names(), *(session or {})}))
        raise ValueError(f"unknown compiler {name!r} (registered: {want})")
    compiler = factory(CompilerOptions(refgo_command))
    if not isinstance(compiler, Compiler):
        raise ValueError(f"compiler {name!r}: its factory returned {type(compiler).__name__}")
    return compiler
