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

import shlex
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass

from harness.asmcheck import env_vars

Argv = tuple[str, ...]

DEFAULT_REFGO_COMMAND: Argv = ("python3", "-m", "compiler")


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
class Compiler(ABC):
    """Command lines for every step the harness runs, for one compiler."""

    @property
    @abstractmethod
    def name(self) -> str:
        """The --compiler value: "refgo" or "gc"."""

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
        self, files: Sequence[str], flags: Sequence[str], out: str, experiment: str | None = None
    ) -> tuple[Argv, ...]:
        """Builds an executable `out` from a main package's files: steps run in order.

        experiment is the case's -goexperiment value (its steps also get GOEXPERIMENT).
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


@dataclass(frozen=True, slots=True)
class Refgo(Compiler):
    """The repository's compiler, invoked as `python3 -m compiler` with PYTHONPATH=repo root."""

    command: Argv = DEFAULT_REFGO_COMMAND

    @property
    def name(self) -> str:
        return "refgo"

    def env(self, cache: str, gocache: str) -> dict[str, str]:
        return {"GOOS": "linux", "GOARCH": "amd64", "REFGO_CACHE": cache}

    def compile(self, file: str, flags: Sequence[str]) -> Argv:
        return (*self.command, "compile", "-o", "a.o", *flags, file)

    def errorcheck(self, file: str, flags: Sequence[str], ssa_check: bool = True) -> Argv:
        return (*self.command, "compile", "-e", "-o", "a.o", *flags, file)

    def build(
        self, files: Sequence[str], flags: Sequence[str], out: str, experiment: str | None = None
    ) -> tuple[Argv, ...]:
        return ((*self.command, "build", "-o", out, *unwrap_gcflags(flags), *files),)

    def assemble(self, file: str, flags: Sequence[str], env: str) -> tuple[Argv, dict[str, str]]:
        argv = (*self.command, "compile", "-S", "-o", "a.o", *unwrap_gcflags(flags), file)
        return argv, {}

    def asm_merged(self) -> bool:
        return False

    def test(self, directory: str, args: Sequence[str]) -> tuple[Argv, str | None]:
        return (*self.command, "test", *args, directory), None


@dataclass(frozen=True, slots=True)
class Gc(Compiler):
    """Go 1.19's gc toolchain through the `go` command, with run.go's flags."""

    @property
    def name(self) -> str:
        return "gc"

    def env(self, cache: str, gocache: str) -> dict[str, str]:
        return {
            "GOOS": "linux",
            "GOARCH": "amd64",
            "GO111MODULE": "off",
            "GOFLAGS": "",
            "GOENV": "off",
            "GOCACHE": gocache,
            "CGO_ENABLED": "0",
        }

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
        self, files: Sequence[str], flags: Sequence[str], out: str, experiment: str | None = None
    ) -> tuple[Argv, ...]:
        # run.go skips the go command only without flags and experiments: a
        # GOEXPERIMENT needs a runtime built with it, which `go build` provides.
        if not flags and experiment is None:
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
class GcPackages:
    """gc's multi-package steps for run.go's `*dir` directives (refgo has none yet).

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


def make_compiler(name: str, refgo_command: str | None = None) -> Compiler:
    """Returns the compiler named by --compiler; refgo_command overrides refgo's argv prefix."""
    if name == "gc":
        return Gc()
    if name == "refgo":
        if refgo_command:
            return Refgo(tuple(shlex.split(refgo_command)))
        return Refgo()
    raise ValueError(f"unknown compiler {name!r} (want refgo or gc)")
