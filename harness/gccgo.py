"""gccgo as a compiler under test, written against harness.compilers' public interface.

This module is what a compiler team outside the repository would write: it imports
only harness.compilers and harness.constraints, and it is registered through the
`refgo.compilers` entry point in pyproject.toml, not by the harness itself:

    [project.entry-points."refgo.compilers"]
    gccgo = "harness.gccgo:factory"

The binary is $GCCGO, else `gccgo`, else Debian's `gccgo-12` on PATH. For a `// run`
case /abs/x.go the steps are

    gccgo-12 -o WORKDIR/a.exe /abs/x.go
    cd /abs && WORKDIR/a.exe

gc-specific case flags (`-m`, `-d=...`, `-l`, `-gcflags=...`) have no gccgo meaning and
are dropped, as gcc's own driver of Go's test tree (go-test.exp) does. Expectations use
Go's shared wording: a pattern such as `// ERROR "undefined|not defined"` holds gc's
and gccgo's messages as alternatives, and `// GCCGO_ERROR` lines count instead of
`// GC_ERROR` ones. Build tags are gccgo's: `gccgo`, not `gc`, and no goexperiment
tags. asmcheck patterns are gc's assembly syntax, so asmcheck cases are skipped.

Expected failures are conformance/known_failures_gccgo.txt (KNOWN), written by
`python -m conformance.triage --compiler=gccgo REPORT.xml`: a listed failure is XFAIL,
any other failure a regression.
"""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from harness.compilers import Argv, Compiler, CompilerOptions, KnownFailureList, PackageSteps
from harness.constraints import BuildContext

KNOWN = Path(__file__).resolve().parent.parent / "conformance" / "known_failures_gccgo.txt"
CANDIDATES = ("gccgo", "gccgo-12")
PLAIN = ("-fdiagnostics-plain-output",)
"""One line per diagnostic: no source excerpt or caret, which errorcheck would read as
messages of their own."""


def find_gccgo(path: str | None = None) -> str | None:
    """Returns the gccgo binary: $GCCGO if set (a name or a path), else the first candidate
    on path (default: $PATH plus the system directories), else None."""
    from harness.toolchain import SYSTEM_PATH

    search = os.pathsep.join(p for p in (path or os.environ.get("PATH", ""), SYSTEM_PATH) if p)
    wanted = os.environ.get("GCCGO")
    for name in (wanted,) if wanted else CANDIDATES:
        found = shutil.which(name, path=search)
        if found:
            return found
    return None


@dataclass(frozen=True, slots=True)
class Gccgo(Compiler):
    """GCC's Go front end (gccgo-12: Go 1.18's library, no type parameters); binary is
    its path or None."""

    binary: str | None

    @property
    def name(self) -> str:
        return "gccgo"

    @property
    def cmd(self) -> str:
        """The gccgo binary to run."""
        return self.binary or "gccgo"

    def missing(self) -> str | None:
        if self.binary is None:
            want = os.environ.get("GCCGO") or " or ".join(CANDIDATES)
            return f"gccgo: {want} not found on PATH (Debian: apt-get install gccgo-12)"
        return None

    def env(self, cache: str, gocache: str) -> dict[str, str]:
        return {
            "GOOS": "linux",
            "GOARCH": "amd64",
            "GCCGO": self.cmd,
            "LC_ALL": "C",  # ASCII quotes in diagnostics, as GCC's own testsuite runs it
            "GO111MODULE": "off",
            "GOFLAGS": "",
            "GOENV": "off",
            "GOCACHE": gocache,
        }

    def compile(self, file: str, flags: Sequence[str]) -> Argv:
        return (self.cmd, "-c", *PLAIN, "-fgo-pkgpath=p", "-o", "a.o", file)

    def errorcheck(self, file: str, flags: Sequence[str], ssa_check: bool = True) -> Argv:
        return (self.cmd, "-c", *PLAIN, "-fgo-pkgpath=p", "-o", "a.o", file)

    def build(
        self,
        files: Sequence[str],
        flags: Sequence[str],
        out: str,
        experiment: str | None = None,
        program_args: bool = False,
    ) -> tuple[Argv, ...]:
        return ((self.cmd, "-o", out, *files),)

    def assemble(self, file: str, flags: Sequence[str], env: str) -> tuple[Argv, dict[str, str]]:
        return (self.cmd, "-S", "-o", "-", file), {}

    def asm_merged(self) -> bool:
        return False

    def test(self, directory: str, args: Sequence[str]) -> tuple[Argv, str | None]:
        return ("go", "test", "-compiler=gccgo", *args, "."), directory

    def build_context(self) -> BuildContext:
        return BuildContext("gccgo", frozenset(), False)

    def packages(self) -> PackageSteps | None:
        return GccgoPackages(self.cmd)

    def known_failures(self) -> KnownFailureList | None:
        return KnownFailureList.read(KNOWN)

    def asmcheck(self) -> str:
        return "no"

    def error_dialect(self) -> str:
        return "GCCGO_"


@dataclass(frozen=True, slots=True)
class GccgoPackages(PackageSteps):
    """`*dir` steps: package a.go of X.dir becomes test/a.o with path "test/a", which
    gccgo finds for `import "./a"` through -fgo-relative-import-path=test and -I .;
    the main package's object is linked with every test/*.o."""

    cmd: str

    def compile_in_dir(
        self, directory: str, flags: Sequence[str], pkgname: str, names: Sequence[str]
    ) -> Argv:
        argv = [self.cmd, "-c", *PLAIN, "-I", ".", "-fgo-relative-import-path=test"]
        if pkgname == "main":
            argv.extend(["-o", names[0].removesuffix(".go") + ".o"])
        else:
            path = "test/" + names[0].removesuffix(".go")
            argv.extend(["-fgo-pkgpath=" + path, "-o", path + ".o"])
        return (*argv, *(f"{directory}/{n}" for n in names))

    def link(self, first: str, ldflags: Sequence[str]) -> Argv:
        main = shlex.quote(first.removesuffix(".go") + ".o")
        gccgo = shlex.quote(self.cmd)
        script = f'set -- test/*.o; [ -e "$1" ] || set --; exec {gccgo} -o a.exe {main} "$@"'
        return ("sh", "-c", script)


def factory(options: CompilerOptions) -> Compiler:
    """The `refgo.compilers` entry point: gccgo from $GCCGO or PATH."""
    return Gccgo(find_gccgo())
