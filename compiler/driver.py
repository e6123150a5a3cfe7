"""The driver: the pass order, written once, and the reporting of its outcome.

    source → syntax → types → escape → walk → inline → fold → liveness → regalloc → amd64
    → (link)

From fold on, with -c=N (Config.concurrency) and enough code, the passes run function
by function in N processes instead (compiler/backend.py), to the same output.

`compile_files` runs the phases for a list of .go files and returns the products the
command line asked for; a phase that reports errors stops the pipeline with
`CompileFailed`. `report` turns every outcome into gc-style output and an exit status:
0 ok, 1 compile errors (at most MAX_SHOWN_ERRORS shown unless -e, then `too many
errors`), 3 internal compiler error (any exception: never a traceback).

    >>> res = compile_files(Config(files=("hello.go",)), Diagnostics())
    >>> res.asm.startswith("\\t.text")
    True
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from compiler import (
    amd64,
    backend,
    buildcons,
    devirt,
    escape,
    fold,
    gcdebug,
    inlcost,
    inline,
    ir,
    liveness,
    regalloc,
    syntax,
    types,
    walk,
)
from compiler.diag import CompileFailed, Diagnostics, InternalError, Pos
from compiler.link import LinkError
from compiler.syntax import ast, pragma
from compiler.types import tree as T

PHASES = ("syntax", "types", "escape", "ir", "inline", "fold", "live", "regs", "asm")
LIB_DIR = Path(__file__).parent / "lib"
MAX_SHOWN_ERRORS = 10
"""Errors printed before `too many errors` ends the report, as gc does; -e prints all
(the checker gives up much later, at types.expr.GIVE_UP_AFTER_ERRORS)."""
DEBUG_KEYS = {
    "convinline": "0 turns off building non-escaping value-to-interface conversions on "
                  "the stack (every one calls runtime.convT or its kin), for old/new figures",
    "defer": "print how each defer is compiled: `open-coded defer`, `stack-allocated "
             "defer` or `heap-allocated defer`",
    "nil": "print `generated nil check` at each explicit nil check",
    "ssa/check_bce/debug": "print `Found IsInBounds`/`Found IsSliceInBounds` at each "
                           "bounds check left after folding",
    "panic": "accepted: refgo reports internal errors even after other errors",
    "(any other)": "every other key gc 1.19 accepts (compiler/gcdebug.py) is accepted "
                   "and does nothing: it concerns machinery refgo does not have",
}
"""The `-d=KEY=VALUE` switches that do something in refgo; a key gc does not know is a
usage error, as in gc."""


@dataclass(frozen=True, slots=True)
class Config:
    """What to compile and which products and switches were asked for."""

    files: tuple[str, ...]
    dump: str | None = None
    listing: bool = False
    escape_level: int = 0
    live: bool = False
    no_inline: bool = False
    no_opt: bool = False
    all_errors: bool = False
    debug: dict[str, str] = field(default_factory=dict)
    std: bool = False
    """gc's -std: the files belong to the standard library (which //go: directives
    they may use)."""
    runtime: bool = False
    """gc's -+: the files are package runtime."""
    complete: bool = False
    """gc's -complete: the package has no assembly, so every function needs a body."""
    packages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Extra importable packages: import path -> its .go files (`refgo test`'s package
    under test and its external _test package); they take precedence over compiler/lib."""
    import_map: dict[str, str] = field(default_factory=dict)
    """Import paths as written -> real import paths (an external test's `import "."`)."""
    lang: str = ""
    """gc's -lang (`go1.16`): the language version package main is checked against;
    empty for the compiler's own (go1.19)."""
    program: bool = False
    """The files are a command (`refgo build`, `run`): package main with func main."""
    experiments: frozenset[str] = frozenset()
    """GOEXPERIMENT's experiments; refgo honours `fieldtrack` (`//go:nointerface`)."""
    concurrency: int = 1
    """gc's -c: the processes the per-function back end may run in (compiler/backend.py);
    the product is the same for every value."""


@dataclass(frozen=True, slots=True)
class Result:
    """The products of a successful compile; `dumps` holds the -dump text if asked."""

    asm: str
    listing: str
    dumps: str


@dataclass(frozen=True, slots=True)
class Separate:
    """Packages compiled separately (compiler/units.py's archives) that a compile reads
    as importers do: the checker their declarations only (load, import_map), escape
    analysis their tags, gc's inlining decisions their costs, the inliner their
    inlinable bodies; they are neither walked nor listed."""

    load: Callable[[str], Sequence[ast.File]]
    import_map: Mapping[str, str]
    paths: Collection[str]
    tags: Mapping[str, tuple[escape.ParamTag, ...]]
    costs: Mapping[str, int]
    bodies: Mapping[str, ir.Func]


class UsageError(Exception):
    """Bad command-line input (unknown flag, missing file): one line, exit 2."""


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise UsageError(f"open {path}: {e.strerror or e}") from e


def lib_sources(path: str, diags: Diagnostics) -> list[tuple[str, bytes]]:
    """The files (path, bytes) of library package path under compiler/lib/<path>/ that
    build: not _test.go, build constraints holding (a malformed one is an error)."""
    out = []
    for p in sorted((LIB_DIR / path).glob("*.go")):
        src = p.read_bytes()
        try:
            if p.name.endswith("_test.go") or not build_ok(src):
                continue
        except buildcons.ConstraintError as err:
            diags.error(Pos(str(p), err.line, 1), err.message)
            continue
        out.append((str(p), src))
    return out


def _loader(diags: Diagnostics, extra: dict[str, tuple[str, ...]] | None = None,
            ) -> Callable[[str], Sequence[ast.File]]:
    """The import callback: a package of extra (import path -> files), else a library
    package from the Go sources under compiler/lib/<path>/ (lib_sources)."""
    def load(path: str) -> Sequence[ast.File]:
        if extra and path in extra:
            return [syntax.parse_file(f, _read(f), diags) for f in extra[path]]
        return [syntax.parse_file(f, src, diags, pragma.LIBRARY)
                for f, src in lib_sources(path, diags)]

    return load


BUILD_TAGS = buildcons.REFGO_TAGS


def build_ok(src: bytes, tags: frozenset[str] = BUILD_TAGS) -> bool:
    """Whether a Go file's build constraints hold for tags by go/build's rules
    (`buildcons.file_ok`); e.g. `//go:build !refgo` and `//go:build ignore` exclude the
    file. Raises buildcons.ConstraintError for a malformed `//go:build` line."""
    return buildcons.file_ok(src.decode(errors="replace"), tags.__contains__)


def open_defers(cfg: Config) -> bool:
    """Whether defers may be open-coded: as gc, not under -N or -d=noopendefer."""
    return not cfg.no_opt and cfg.debug.get("noopendefer", "0") in ("0", "")


def parse_mode(cfg: Config) -> pragma.Mode:
    """The directives cfg's own files may use (gc's -std, -+, -complete)."""
    return pragma.Mode(std=cfg.std, runtime=cfg.runtime, complete=cfg.complete,
                       fieldtrack="fieldtrack" in cfg.experiments)


def compile_files(cfg: Config, diags: Diagnostics, sep: Separate | None = None) -> Result:
    """Run the pass pipeline over cfg.files, with sep's packages read as compiled
    separately; raises CompileFailed on errors."""
    def check() -> None:
        if diags.errors:
            raise CompileFailed(diags)

    srcs = [(f, _read(f)) for f in cfg.files]
    files = [syntax.parse_file(f, src, diags, parse_mode(cfg)) for f, src in srcs]
    check()
    if cfg.program:
        need_command(files, diags, before_types=True)
        check()
    if cfg.dump == "syntax":
        return Result("", "", "".join(syntax.dump(f) for f in files))
    if sep is None:
        prog = types.check_program(files, diags, _loader(diags, cfg.packages),
                                   cfg.import_map, lang=cfg.lang)
    else:
        prog = types.check_program(files, diags, sep.load, sep.import_map,
                                   lambda path: path not in sep.paths, lang=cfg.lang)
    check()
    if cfg.program:
        need_command(files, diags, before_types=False)
        check()
    if cfg.dump == "types":
        return Result("", "", types.dump(prog))
    dv = devirt.devirtualize_program(prog, diags, devirt.Options(cfg.escape_level > 0))
    # gc's inlining decisions choose the callees only under -m, where they are reported.
    # do NOT use them for code otherwise: package-at-a-time builds (units.py) inline by
    # the IR's size rule, and a program must compile to the same code either way.
    inl = inlcost.can_inline_program(prog, diags,
                                     inlcost.Options(cfg.escape_level, not cfg.no_inline),
                                     *((sep.costs, sep.paths) if sep is not None else ()))
    gcinl = inl if cfg.escape_level > 0 else None
    # Likewise escape analysis sees the bodies gc inlines only where -m or -live reports
    # its decisions: the package-at-a-time build's escape pass has no library bodies.
    # do NOT widen this without giving units.py the same analysis.
    inlesc = inl.costs if cfg.escape_level > 0 or cfg.live else {}
    esc = escape.escape_program(prog, diags, escape.Options(
        cfg.escape_level, dv.calls, inl.inlined_lits if gcinl else frozenset(),
        runtime=cfg.runtime, inline=inlesc, big=inl.big,
        big_max=inlcost.BIG_FUNCTION_MAX_COST),
        sep.tags if sep is not None else None)
    check()  # -+'s heap allocations
    if cfg.dump == "escape":
        return Result("", "", escape.dump(esc))
    convinline = cfg.debug.get("convinline", "1") != "0"
    wopts, variants = walk_options(esc, walk.Options(
        convinline=convinline, stackconv=esc.stack_convs(), stacksites=esc.stack_sites(),
        transient=esc.transient_sites(),
        escapes=esc.heap_vars(), byval=esc.byval_uids(),
        devirt=dv.calls, opendefer=open_defers(cfg)))
    lowered = walk.walk_program(prog, wopts, only=None if sep is None else
                                [p.path for p in prog.packages if p.path not in sep.paths],
                                variants=variants)
    if cfg.dump == "ir":
        return Result("", "", ir.dump(lowered))
    last = prog.packages[-1] if cfg.escape_level > 0 and prog.packages else None
    lowered = inline.inline_program(lowered, inline.Options(
        not cfg.no_inline, gcinl, last.path if last else None,
        frozenset(last.files) if last else frozenset(),
        {sym: d.func.symbol for sym, d, _ in variants if d.func is not None}),
        sep.bodies if sep is not None else None, diags=diags)
    if cfg.dump == "inline":
        return Result("", "", ir.dump(lowered))
    procs = backend.processes(lowered.funcs, cfg.concurrency) \
        if backend.usable(cfg.dump, cfg.live, cfg.debug) else 1
    if procs > 1:
        got = backend.codes(lowered.funcs, backend.Options(not cfg.no_opt, cfg.listing), procs)
        if got is not None:
            asm = amd64.program_text(lowered, [c for c, _ in got], True)
            listing = "\n".join(s for _, s in got) + "\n" if cfg.listing and got else ""
            return Result(asm, listing, asm if cfg.dump == "asm" else "")
        # A function's back end raised: the passes below raise it as -c=1 does.
    lowered = fold.fold_program(lowered, fold.Options(not cfg.no_opt))
    gcdebug.report(lowered, cfg.debug, diags, frozenset(cfg.files))
    if cfg.dump == "fold":
        return Result("", "", ir.dump(lowered))
    live = liveness.liveness_program(lowered, diags, liveness.Options(cfg.live, cfg.files))
    if cfg.dump == "live":
        return Result("", "", liveness.dump(live))
    regs = regalloc.regalloc_program(lowered, live, regalloc.Options(not cfg.no_opt))
    if cfg.dump == "regs":
        return Result("", "", regalloc.dump(lowered, regs))
    lst: list[str] | None = [] if cfg.listing else None
    asm = amd64.emit_program(lowered, live=live, regs=regs, listings=lst)
    listing = "\n".join(lst) + "\n" if lst else ""
    return Result(asm, listing, asm if cfg.dump == "asm" else "")


def walk_options(esc: escape.EscapeResult, base: walk.Options
                 ) -> tuple[walk.Options, list[tuple[str, T.FuncDecl, walk.Options]]]:
    """base with the calls whose inlined copies escape analysis decided apart
    (esc.inlined) calling the callee's body lowered under those decisions, and those
    bodies (symbol `f·inlN`, declaration, options) for walk_program's variants."""
    names: dict[int, str] = {}
    variants: list[tuple[str, T.FuncDecl, walk.Options]] = []
    for n, (call, site) in enumerate(esc.inlined.items(), 1):
        f = site.decl.func
        if f is None:
            continue
        names[call] = sym = f"{f.symbol}·inl{n}"
        variants.append((sym, site.decl, replace(
            base, stackconv=site.stack_convs(base.stackconv),
            stacksites=site.stack_sites(base.stacksites),
            transient=site.transient_sites(base.transient),
            escapes=site.heap_vars(base.escapes))))
    if not names:
        return base, variants
    opts = replace(base, inlined=names)
    return opts, [(sym, d, replace(o, inlined=names)) for sym, d, o in variants]


def need_command(files: list[ast.File], diags: Diagnostics,
                 before_types: bool) -> None:
    """The errors of go build/run for files that are not a command, in gc's words:
    before type checking, a package other than main (`go run`'s check); after it, a
    main package without func main (the linker's check)."""
    if not files:
        return
    pkg = files[0].package
    if before_types:
        if pkg.value != "main":
            diags.error(pkg.pos, f"package {pkg.value} is not a main package")
        return
    for f in files:
        for d in f.decls:
            if isinstance(d, ast.FuncDecl) and d.recv is None and \
                    d.name.value == "main":
                return
    diags.error(pkg.pos, "function main is undeclared in the main package")


def report(diags: Diagnostics, out: TextIO, all_errors: bool = False) -> None:
    """Print diagnostics gc-style: sorted, at most MAX_SHOWN_ERRORS errors unless
    all_errors."""
    shown = 0
    for d in diags.sorted():
        print(str(d), file=out)
        if not d.warning:
            shown += 1
            if shown == MAX_SHOWN_ERRORS and not all_errors and diags.errors > MAX_SHOWN_ERRORS:
                print(f"{d.pos}: too many errors", file=out)
                return


def run_guarded(cfg: Config, action: Callable[[Result], int],
                err: TextIO | None = None,
                compile: Callable[[Config, Diagnostics], Result] | None = None) -> int:
    """Compile cfg (with compile: the whole program, or compiler/units.py's package at a
    time) then run action on the result; every failure becomes gc-style output and an
    exit status (1 compile error, 2 usage, 3 internal error)."""
    err = err or sys.stderr
    diags = Diagnostics()
    first = cfg.files[0] if cfg.files else "<command-line>"
    try:
        try:
            res = (compile or compile_files)(cfg, diags)
        except walk.Unsupported as e:
            diags.error(e.pos, f"refgo does not support {e.what} yet")
            raise CompileFailed(diags) from None
        except amd64.FrameTooLarge as e:
            for pos, msg in e.errors:
                diags.error(pos, msg)
            raise CompileFailed(diags) from None
        report(diags, err, cfg.all_errors)
        return action(res)
    except CompileFailed:
        report(diags, err, cfg.all_errors)
        return 1
    except UsageError as e:
        print(f"refgo: {e}", file=err)
        return 2
    except InternalError as e:
        print(f"{e.pos}: internal compiler error: {e.msg}", file=err)
        return 3
    except LinkError as e:
        print(f"{Pos(first, 1, 1)}: internal compiler error: {_one_line(str(e))}", file=err)
        return 3
    except RecursionError:
        print(f"{Pos(first, 1, 1)}: internal compiler error: recursion too deep", file=err)
        return 3
    except Exception as e:  # noqa: BLE001 - the top level turns every bug into exit 3
        msg = f"{type(e).__name__}: {e}"
        print(f"{Pos(first, 1, 1)}: internal compiler error: {_one_line(msg)}", file=err)
        return 3


def _one_line(s: str) -> str:
    return " ".join(s.split())[:1000]
