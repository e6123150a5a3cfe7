"""Compiler flags, spelled as gc spells them, turned into a driver.Config.

`refgo build|run|compile` (compiler.cli) and `refgo test`'s -gcflags (compiler.gotest)
share this one parser, so a flag means the same thing everywhere:

    a = parse("compile", ["-m=2", "-d=convinline=0", "-p", "main", "x.go"])
    a.m, a.debug, a.flags["p"], a.files     # 2, {"convinline": "0"}, "main", ["x.go"]
    parse("compile", ["-d=nosuch", "x.go"])  # UsageError: -d: unknown debug key nosuch
    config(a).escape_level                  # 2
    config(parse("build", ["-c=2", "x.go"])).concurrency   # 2 (default: the caller's)

`-x=v`, `-x v` and `--x` are the same flag; `-m` may repeat (`-m -m` is `-m=2`);
`run` stops at `--` or at its first operand that is not a .go file (program arguments).
Every mistake is a driver.UsageError of one line.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from compiler import backend, driver, gcdebug

BOOL_FLAGS = frozenset({"S", "l", "N", "live", "C", "e", "complete", "std", "+", "B", "wb", "a",
                        "x"})
VALUE_FLAGS = frozenset({"o", "p", "importcfg", "dump", "d", "lang", "trimpath", "buildid",
                         "goversion", "symabis", "asmhdr", "D", "I", "c"})
LEVEL_FLAGS = frozenset({"m"})
HELP_FLAGS = frozenset({"-h", "-help", "--help"})


@dataclass(slots=True)
class Args:
    """Parsed flags and operands of one subcommand."""

    flags: dict[str, str] = field(default_factory=dict)
    debug: dict[str, str] = field(default_factory=dict)
    m: int = 0
    files: list[str] = field(default_factory=list)
    rest: list[str] = field(default_factory=list)
    incdirs: list[str] = field(default_factory=list)
    """Every -I directory, in order (flags holds the last)."""


def wants_help(cmd: str, argv: Sequence[str]) -> bool:
    """Reports whether argv asks for cmd's usage: -h before `--` and, for run, before
    the first file (what follows it may be the program's own arguments)."""
    for arg in argv:
        if arg == "--" or (cmd == "run" and not arg.startswith("-")):
            return False
        if arg in HELP_FLAGS:
            return True
    return False


def parse(cmd: str, argv: Sequence[str]) -> Args:
    """Parses gc-style flags then .go files; raises driver.UsageError."""
    a = Args()
    i = 0
    while i < len(argv):
        arg = argv[i]
        i += 1
        if arg == "--":
            a.rest = list(argv[i:])
            break
        if a.files and cmd == "run" and not arg.endswith(".go"):
            a.rest = list(argv[i - 1:])
            break
        if not arg.startswith("-") or arg == "-":
            a.files.append(arg)
            continue
        name, eq, val = arg.lstrip("-").partition("=")
        if name in LEVEL_FLAGS:
            a.m = a.m + 1 if not eq else _int(name, val)
        elif name in BOOL_FLAGS:
            a.flags[name] = val if eq else "true"
        elif name in VALUE_FLAGS:
            if not eq:
                if i >= len(argv):
                    raise driver.UsageError(f"flag needs an argument: -{name}")
                val = argv[i]
                i += 1
            if name == "d":
                a.debug.update(_debug(val))
            elif name == "c":
                a.flags[name] = str(_concurrency(val))
            else:
                a.flags[name] = val
            if name == "I":
                a.incdirs.append(val)
        else:
            raise driver.UsageError(f"flag provided but not defined: -{name}")
    _check_operands(cmd, a)
    return a


def _debug(val: str) -> dict[str, str]:
    """Returns the switches of a -d value (`k=v,k2`), refusing keys gc 1.19 refuses
    (compiler.gcdebug holds gc's table)."""
    try:
        return gcdebug.parse(val)
    except gcdebug.DebugKeyError as e:
        raise driver.UsageError(f"-d: {e}") from None


def _check_operands(cmd: str, a: Args) -> None:
    """Raises driver.UsageError unless -dump names a phase and the operands are .go files."""
    if a.files and a.flags.get("dump") not in (None, *driver.PHASES):
        raise driver.UsageError(f"-dump: unknown phase {a.flags['dump']!r} "
                                f"(want one of {', '.join(driver.PHASES)})")
    if not a.files:
        raise driver.UsageError(f"{cmd}: no .go files given")
    for f in a.files:
        if not f.endswith(".go"):
            raise driver.UsageError(f"{cmd}: {f} is not a .go file")
        if os.path.isdir(f):
            raise driver.UsageError(f"{cmd}: {f} is a directory, not a file")
        if not os.path.isfile(f):
            raise driver.UsageError(f"{cmd}: {f}: no such file")


def _int(name: str, val: str) -> int:
    """Returns val as an int; a usage error naming flag -name otherwise."""
    try:
        return int(val)
    except ValueError:
        raise driver.UsageError(f"invalid value {val!r} for flag -{name}") from None


def _concurrency(val: str) -> int:
    """Returns -c's value, in gc's words if it is not a count of at least one."""
    n = _int("c", val)
    if n < 1:
        raise driver.UsageError(f"-c must be at least 1, got {n}")
    return n


def build_concurrency() -> int:
    """The -c `go build` passes gc when building several packages at once (Go 1.19's
    cmd/go gcBackendConcurrency): min(4, GOMAXPROCS), whose default is the CPUs this
    process may run on."""
    return max(1, min(4, backend.cpus()))


def config(a: Args, concurrency: int = 1) -> driver.Config:
    """Returns the driver.Config the parsed flags and files ask for; concurrency is the
    -c a command line without one gets (gc's 1 for compile, build_concurrency for build
    and run)."""
    return driver.Config(
        files=tuple(a.files), dump=a.flags.get("dump"), listing="S" in a.flags,
        escape_level=a.m, live="live" in a.flags, no_inline="l" in a.flags,
        no_opt="N" in a.flags, all_errors="e" in a.flags, debug=dict(a.debug),
        lang=a.flags.get("lang", ""), std="std" in a.flags, runtime="+" in a.flags,
        complete="complete" in a.flags,
        experiments=experiments(os.environ.get("GOEXPERIMENT", "")),
        concurrency=int(a.flags.get("c", concurrency)))


def experiments(val: str) -> frozenset[str]:
    """The experiments a GOEXPERIMENT value turns on (`fieldtrack,noregabi`: a `no`
    prefix turns one off again); refgo honours only those it implements."""
    on: set[str] = set()
    for name in filter(None, (x.strip() for x in val.split(","))):
        if name.startswith("no"):
            on.discard(name[2:])
        else:
            on.add(name)
    return frozenset(on)
