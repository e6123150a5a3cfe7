"""The refgo command line (console script `refgo`, also `python -m compiler`).

    refgo build [-o out] [-c=N] [flags] file.go... package main → static executable
    refgo run [flags] file.go... [-- args]       build into a temp dir and run
    refgo compile [-S] [-m] [-live] [-l] [-N] [-d=NAME=VALUE] [-dump=PHASE] [-o x.o]
                  [-c=N] [-p path] [-C] [-e] [-importcfg file] file.go...
    refgo mkbuiltin [-check]                     regenerate builtin import data (compiler.builtin)
    refgo test [-v] [-run re] [-bench re] ... [dir...|file.go...]   go test (compiler.gotest)
    refgo clean -cache                           empty the build cache's package entries
    refgo compile -D test -I . [-p test/a] -o test/a.a a.go   one package of several
    refgo link -o a.exe main.o                   link what `compile -I` made of main

`build` and `run` compile a package at a time, library packages from the build cache in
$REFGO_CACHE (compiler/units.py); `-a` rebuilds them, `-x` prints what was compiled and
what came from the cache. REFGO_PKGCACHE=0 builds the whole program from source instead.

Flags are spelled as gc spells them (`-m=2`, `-d=convinline=0`, `-p main` or `-p=main`)
so run.go-style command lines work. `-l` turns off inlining and `-N` jump threading
and register allocation (every value in its stack slot); `-dump=PHASE` prints a
phase's result (syntax, types, escape, ir, inline, fold, live, regs, asm). `-c=N`
(gc's) runs the back end of a large package's functions in N processes: 1 for
`compile` unless given, min(4, CPUs) for `build` and `run` (as `go build` passes
gc), the same output for every N (compiler/backend.py). Exit
status: 0 ok, 1 compile errors, 2 usage errors (unknown flag, missing file: one
line), 3 internal compiler error; `run` exits with the program's status. Every
exception becomes an internal compiler error, never a traceback.
"""

from __future__ import annotations

import dataclasses
import gc
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import compiler
from compiler import cache, dccache, driver, flags, gcdebug, gotest, link, units
from compiler.builtin import mkbuiltin
from compiler.diag import Diagnostics

USAGE = ("usage: refgo build|run|compile|test|mkbuiltin [flags] file.go... (CMD -h: its flags)"
         " | refgo link -o out file.o | refgo clean -cache")

_COMPILE_FLAGS = """
  -S              print the assembly listing, each instruction attributed to its line
  -m[=N]          print escape analysis decisions (-m -m: with reasons)
  -live           print liveness of stack slots at each call
  -l              do not inline
  -N              no jump threading or register allocation
  -e              report every error, not the first ten
  -c=N            run the back end of a large package's functions in N processes
                  (default: 1 for compile, as gc; min(4, CPUs) for build and run, as
                  go build); the output is the same for every N
  -wb[=0]         gc's write barrier switch, accepted and ignored: refgo's collector
                  stops the world and refgo emits no write barriers (as gc's -wb=0)
  -dump=PHASE     print one phase's result: {phases}
  -d=KEY=VALUE    debug switches, comma-separated (-d help lists gc's, as gc does):
{debug}"""
USAGES = {
    "build": "usage: refgo build [-o out] [flags] file.go...\n\n"
             "Compiles package main and links a static executable (default: the first "
             "file's name).\n",
    "run": "usage: refgo run [flags] file.go... [--] [args...]\n\n"
           "Builds into a temporary directory and runs the program with args; exits with "
           "its status.\n",
    "compile": "usage: refgo compile [-o x.o] [flags] file.go...\n\n"
               "Compiles without linking; -o writes an object file. gc's flags -p, -C, "
               "-importcfg, ... are accepted and ignored.\n",
}
"""Each subcommand's `-h` text; the compiler flags they share follow it."""

PLAIN_USAGES = {
    "link": "usage: refgo link -o out file.o\n\n"
            "Links the object `refgo compile -I` wrote for package main with the runtime. "
            "gc's linker flags -L dir, -w, -strictdups n, ... are accepted and ignored.\n",
    "clean": "usage: refgo clean -cache\n\n"
             "Removes every package entry of the build cache ($REFGO_CACHE).\n",
}
"""The `-h` text of subcommands without compiler flags."""


def usage(cmd: str) -> str:
    """Returns the usage text `refgo cmd -h` prints."""
    if cmd == "test":
        return gotest.USAGE + "\n"
    if cmd == "mkbuiltin":
        return mkbuiltin.USAGE + "\n"
    if cmd in PLAIN_USAGES:
        return PLAIN_USAGES[cmd]
    shared = _COMPILE_FLAGS.format(
        debug="".join(f"      {k}: {v}\n" for k, v in driver.DEBUG_KEYS.items()),
        phases=", ".join(driver.PHASES))
    return USAGES[cmd] + "\nFlags:" + shared


def cmd_compile(a: flags.Args) -> int:
    """Compile only: print -S/-dump output; write an object file with -o. With -I (or
    -D), a package of a program of several: see compile_in_dir."""
    if "I" in a.flags or "D" in a.flags:
        return compile_in_dir(a)
    cfg = flags.config(a)

    def act(res: driver.Result) -> int:
        if res.dumps:
            sys.stdout.write(res.dumps)
        if res.listing:
            sys.stdout.write(res.listing)
        out = a.flags.get("o")
        if out and res.asm:
            link.assemble(res.asm, Path(out))
        return 0

    return driver.run_guarded(cfg, act)


def compile_in_dir(a: flags.Args) -> int:
    """`refgo compile -D test -I . [-p test/a] -o test/a.a a.go`: a user package compiled
    alone into an archive that importers read (units.Archive), or, for package main,
    `-o x.o` the whole program's object for `refgo link`; imports of `./a` are package
    test/a, found as test/a.a under the first -I directory that has it."""
    cfg = flags.config(a)
    dirs = units.ImportDirs(a.flags.get("D", "."), tuple(a.incdirs) or (".",))
    first = Path(cfg.files[0]) if cfg.files else Path("x.go")
    problems: list[str] = []

    def compile(cfg: driver.Config, diags: Diagnostics) -> driver.Result:
        rep = driver.Result("", "", "")
        if units.reports(cfg):
            # The reports are the whole-program compile's (units.report_package); the
            # product, compiled after them, reports nothing.
            # Its code is not the product: -o names the archive or object made below.
            rep = dataclasses.replace(units.report_package(cfg, diags, dirs), asm="")
            if cfg.dump is not None:
                return rep
            cfg = dataclasses.replace(cfg, listing=False, escape_level=0, live=False)
        if units.package_name(cfg.files) == "main":
            res = units.compile_units(cfg, diags, problems=problems, dirs=dirs)
            return driver.Result(res.asm, rep.listing, rep.dumps)
        path = a.flags.get("p") or first.stem
        arch = units.compile_package(cfg, diags, path, dirs, problems=problems)
        units.write_archive(arch, Path(a.flags.get("o") or path + ".a"))
        return rep

    def act(res: driver.Result) -> int:
        if res.dumps:
            sys.stdout.write(res.dumps)
        if res.listing:
            sys.stdout.write(res.listing)
        if res.asm:
            link.assemble(res.asm, Path(a.flags.get("o") or first.stem + ".o"))
        return 0

    return driver.run_guarded(cfg, act, compile=compile)


def cmd_link(argv: Sequence[str]) -> int:
    """`refgo link -o out x.o`: link the object of a program `compile -I` wrote with the
    runtime; gc's linker flags (-L dir, -w, -strictdups n, ...) are accepted and ignored."""
    out, objs, i = "a.out", [], 0
    while i < len(argv):
        arg = argv[i]
        i += 1
        if arg == "-o" and i < len(argv):
            out = argv[i]
            i += 1
        elif arg in ("-L", "-strictdups", "-X", "-extld") and i < len(argv):
            i += 1
        elif not arg.startswith("-"):
            objs.append(arg)
    if not objs:
        print("usage: refgo link -o out file.o", file=sys.stderr)
        return 2
    try:
        link.link(objs, out)
    except link.LinkError as e:
        print(f"refgo: link: {' '.join(str(e).split())[:1000]}", file=sys.stderr)
        return 1
    return 0


def _build_to(a: flags.Args, out: str) -> int:
    """Compile and link a.files into out: a package at a time, library packages from
    the build cache (compiler/units.py), unless a flag asks about the whole program;
    -a rebuilds every package, -x prints what was compiled and what was cached."""
    cfg = dataclasses.replace(flags.config(a, flags.build_concurrency()), program=True)
    stats = units.Stats()
    problems: list[str] = []

    lib: list[str] = []

    def compile_units(cfg: driver.Config, diags: Diagnostics) -> driver.Result:
        return units.compile_units(cfg, diags, stats, rebuild="a" in a.flags,
                                   problems=problems, lib=lib)

    # REFGO_PKGCACHE=0 compiles the whole program from source, as `refgo compile` does.
    on = os.environ.get("REFGO_PKGCACHE", "1") != "0"
    compile = compile_units if on and units.eligible(cfg) else driver.compile_files

    def act(res: driver.Result) -> int:
        if res.dumps:
            sys.stdout.write(res.dumps)
        if res.listing:
            sys.stdout.write(res.listing)
        # The library's code, assembled once per content (link.library_object).
        got = link.link_program(res.asm, out, lib[0] if lib else None,
                                rebuild="a" in a.flags, problems=problems)
        if "x" in a.flags:
            sys.stderr.write(units.report_stats(stats, problems, got))
        return 0

    return driver.run_guarded(cfg, act, compile=compile)


def cmd_build(a: flags.Args) -> int:
    out = a.flags.get("o") or Path(a.files[0]).stem
    return _build_to(a, out)


def cmd_run(a: flags.Args) -> int:
    with tempfile.TemporaryDirectory(prefix="refgo-run-") as tmp:
        exe = str(Path(tmp) / Path(a.files[0]).stem)
        rc = _build_to(a, exe)
        if rc != 0:
            return rc
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            p = subprocess.run([exe, *a.rest], check=False)
        except OSError as e:
            print(f"refgo: run {exe}: {e}", file=sys.stderr)
            return 3
        return p.returncode if p.returncode >= 0 else 128 - p.returncode


def cmd_clean(argv: Sequence[str]) -> int:
    """`refgo clean -cache`: remove every package entry of the build cache."""
    if list(argv) != ["-cache"]:
        print("usage: refgo clean -cache", file=sys.stderr)
        return 2
    cache.Cache(cache.cache_dir()).clean()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """The entry point; returns the exit status."""
    if argv is None:  # a process's entry point (refgo, python -m compiler), not a caller's
        gc.set_threshold(*compiler.GC_THRESHOLDS)
        try:
            status = _main(sys.argv[1:])
        finally:
            dccache.save()
        _exit_now(status)
    return _main(argv)


def _exit_now(status: int) -> NoReturn:
    """End the process with status once stdout and stderr are flushed, skipping the
    interpreter's teardown: freeing the trees of a large compile one object at a time
    took 0.2 s of a 10,000-line compile's 2.8 (gc's compiler never frees them either).
    Every file refgo writes is closed and every temporary directory removed by then
    (`with` blocks); do NOT register atexit handlers or rely on finalizers in refgo."""
    for f in (sys.stdout, sys.stderr):
        try:
            f.flush()
        except (OSError, ValueError):  # a closed pipe: what was written is all there is
            pass
    os._exit(status)


def _main(argv: Sequence[str]) -> int:
    args = list(argv)
    try:
        if not args or args[0] in ("-h", "-help", "--help", "help"):
            print(USAGE, file=sys.stderr)
            return 2
        cmd, rest = args[0], args[1:]
        if cmd not in ("build", "run", "compile", "test", "mkbuiltin", "clean", "link"):
            print(f"refgo: unknown command {cmd!r}\n{USAGE}", file=sys.stderr)
            return 2
        if flags.wants_help(cmd, rest):
            sys.stdout.write(usage(cmd))
            return 0
        if cmd == "clean":
            return cmd_clean(rest)
        if cmd == "link":
            return cmd_link(rest)
        if cmd == "mkbuiltin":
            return mkbuiltin.main(rest)
        if cmd == "test":
            return gotest.main(rest)
        handlers = {"build": cmd_build, "run": cmd_run, "compile": cmd_compile}
        return handlers[cmd](flags.parse(cmd, rest))
    except driver.UsageError as e:
        print(f"refgo: {e}", file=sys.stderr)
        return 2
    except gcdebug.DebugHelp as e:  # -d help: gc prints the keys and exits 0
        sys.stdout.write(e.text)
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # noqa: BLE001 - never a traceback
        print(f"refgo: internal compiler error: {type(e).__name__}: {e}", file=sys.stderr)
        return 3
