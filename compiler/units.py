"""units: `refgo build` a package at a time, each library package's code cached.

The front end (syntax, types, escape) still reads every package; the back end (walk
through amd64) runs once per library package and content: its product, a `Unit` — the
assembly of its functions with their call sites and stack maps, its data symbols, the
runtime hooks it calls, and the walked, not yet inlined bodies of its inlinable
functions — is stored in the build cache (compiler/cache.py) under a key of

    compiler version hash, code-changing flags (-l, -N, -d=convinline), whether the
    program imports reflect (every type descriptor then has its method types), the
    package's path and selected source files, the keys of the packages it imports

so editing package main recompiles only main. For `import "fmt"`:

    errors, internal/..., io, os, strconv, unicode/utf8, ..., fmt    each from the cache
        or compiled alone (walk only lowers it: walk_program's `only`)
    main    walked with its imports' inlinable bodies (inline_program's `imported`),
            its init task `main..inittask` naming its imports' (`PATH..inittask`, each
            defined by its own unit), which the runtime runs before main.main

and `link_text` concatenates the units into one assembly file: functions defined by
several units (method wrappers) and data symbols (type descriptors, itabs) are kept
once, first unit first; string literals and itab caches are per unit
(`go.string.fmt.3`), so they never collide; one `runtime.pctab` and
`runtime.stackmaps` cover all the text, sorted as the runtime wants. `refgo build`
links the same program as two files (`link_parts`): the library units', whose object
the build cache keeps (link.library_object) while package main is edited, and main's.

A package found in the cache is checked for its declarations only (types.check_program's
`bodies` hook): its function bodies are neither type-checked nor escape-analysed, calls
into it use the escape tags stored in its Unit (escape_program's `imported`), and its
inlinable bodies come from the Unit. Escape results of a library package depend only on
it and its imports, so they are the same in every program that imports it. Every
function is the whole-program compile's instruction for instruction but, rarely, a
register choice in package main (inlined
slots are renamed `x·N` from a per-unit counter, and regalloc breaks ties by name);
symbol names of strings and itab caches and the layout order differ. `refgo compile`
(-S, -m, -live, -dump) keeps the whole-program path; with -I, its reports are the
whole-program compile's of the package (report_package). `refgo test` builds its test
binary as `refgo build` does, its package under test and external test package
(Config.packages) compiled from source with main, in main's unit. What importers read is
export data (docs/export-format.md): the declarations' cache entry (export_decls) and
Unit.export. The unit around it, the package's object, is a pickle: the cache is written
only by refgo itself (as the runtime archive, compiler/link.py), and an entry that fails
its checksum, the header, unpickling or its export data's decoding is rebuilt.

This module is long because its parts share the private layout of Unit and FuncCode:
compiling a unit, its cache keys, linking the chosen units' text and tables, the
declaration cache for importers, and the archives of `refgo compile -p`.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import posixpath
import re
import sys
import tempfile
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from compiler import (
    accel,
    amd64,
    backend,
    cache,
    devirt,
    escape,
    fold,
    inlcost,
    inline,
    ir,
    linkweak,
    liveness,
    regalloc,
    syntax,
    types,
    walk,
)
from compiler.builtin import exportdata as ed
from compiler.diag import CompileFailed, Diagnostics, Pos
from compiler.driver import (
    LIB_DIR,
    Config,
    Result,
    Separate,
    _read,
    compile_files,
    lib_sources,
    need_command,
    open_defers,
    parse_mode,
)
from compiler.driver import _loader as driver_loader
from compiler.funccode import FuncCode
from compiler.syntax import ast, pragma
from compiler.types import tree as T
from compiler.types.constant import unquote
from compiler.types.typ import UNSAFE_POINTER

FORMAT = 11
"""The Unit layout's version: part of every key (a new layout never reads an old one)."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One separately compiled package: see the module docstring."""

    path: str
    funcs: tuple[FuncCode, ...]
    data: tuple[tuple[str, str], ...]
    """Its data symbols' assembly by symbol."""
    externs: tuple[str, ...]
    export: bytes
    """Its export data (docs/export-format.md) but the declarations: the escape tags of
    its functions, gc's inlining costs, and the walked bodies of its inlinable functions,
    each decoded only if an importer calls it."""

    @property
    def inline(self) -> tuple[str, ...]:
        """The names of its inlinable functions."""
        return _exports(self.export).inline

    @property
    def tags(self) -> dict[str, tuple[escape.ParamTag, ...]]:
        """Escape analysis's parameter tags of the package's functions, by symbol: what
        importers' calls use instead of the bodies, which they do not check."""
        return dict(_exports(self.export).tags)

    @property
    def costs(self) -> dict[str, int]:
        """gc's inlining cost of each of its functions gc may inline, by symbol
        (compiler/inlcost.py): what importers' decisions under -m use."""
        return dict(_exports(self.export).costs)

    @property
    def gcinline(self) -> tuple[str, ...]:
        """Of a user package's archive: the names of the functions of costs whose bodies
        the inliner may copy when gc's decisions choose (-m)."""
        return _exports(self.export).gcinline

    def body(self, name: str) -> ir.Func:
        """The walked body of its inlinable function name (KeyError if it has none)."""
        f = ed.decode_tree(dict(_exports(self.export).bodies)[name])
        if not isinstance(f, ir.Func):
            raise ed.ImportDataError(f"export data of {self.path}: body of {name} is no function")
        return f


@functools.lru_cache(maxsize=256)
def _exports(blob: bytes) -> ed.ImportData:
    """blob decoded (once per blob: bytes hash once; units keep their blob alive)."""
    return ed.decode(blob)


@dataclass(slots=True)
class Stats:
    """What a build compiled and what came from the cache (`refgo build -x`)."""

    compiled: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)


def report_stats(stats: Stats, problems: Sequence[str], lib_cached: bool | None) -> str:
    """The lines `-x` prints after a build: the cache's problems, where the library's
    object came from (lib_cached; None: no library object) and stats."""
    out = [f"refgo: {p}\n" for p in problems]
    if lib_cached is not None:
        out.append(f"refgo: library object {'from the cache' if lib_cached else 'assembled'}\n")
    out.append(f"refgo: compiled {' '.join(stats.compiled) or '-'}; "
               f"cached {' '.join(stats.cached) or '-'}\n")
    return "".join(out)


@functools.cache
def compiler_version() -> str:
    """A hash of the compiler's Python sources and the Python version: any edit to the
    compiler makes a new key for every entry. The sources' digest is accel's (computed
    once per process, by its import hook when a build exists)."""
    return hashlib.sha256(
        f"{FORMAT} {sys.version_info[:2]} {accel.source_hash()}".encode()).hexdigest()


def flags_key(cfg: Config) -> str:
    """The switches that change generated code."""
    conv = cfg.debug.get("convinline", "1") != "0"
    track = "fieldtrack" in cfg.experiments
    nood = cfg.debug.get("noopendefer", "0") not in ("0", "")
    return (f"l={cfg.no_inline} N={cfg.no_opt} convinline={conv} fieldtrack={track}"
            + (" noopendefer" if nood else ""))


def eligible(cfg: Config) -> bool:
    """Whether cfg builds a package at a time: no dump, listing or report asked for (they
    describe the whole program)."""
    return cfg.dump is None and not cfg.listing and not cfg.escape_level and not cfg.live


def unit_key(path: str, srcs: Sequence[tuple[str, bytes]], imports: Sequence[str],
             cfg: Config, program: str = "") -> str:
    """The cache key of library package path: see the module docstring; program holds
    what of the whole program changes a package's code (whether it imports reflect)."""
    h = hashlib.sha256(f"unit {compiler_version()} {flags_key(cfg)} {program}\n"
                       f"{path}\n".encode())
    for name, src in srcs:
        h.update(f"{name} {len(src)}\n".encode() + src)
    for k in sorted(imports):
        h.update(f"import {k}\n".encode())
    return h.hexdigest()


def _imports(files: Sequence[ast.File]) -> set[str]:
    """The import paths of files (as the checker reads them: unquoted)."""
    return {unquote(d.path).decode("utf-8", "replace") for f in files for d in f.decls
            if isinstance(d, ast.ImportDecl)}


def compile_unit(prog: T.Program, esc: escape.EscapeResult, dv: devirt.Devirt,
                 only: Sequence[str], unit: str, cfg: Config,
                 imported: Mapping[str, ir.Func],
                 costs: Mapping[str, int] | None = None, gc: bool = False) -> Unit:
    """The back end over the packages only of prog (unit "" for package main's); costs
    holds gc's inlining costs (inlcost), of which the unit keeps its own; gc keeps the
    bodies gc's decisions may inline as well (Unit.gcinline)."""
    conv = cfg.debug.get("convinline", "1") != "0"
    lowered = walk.walk_program(
        prog, walk.Options(convinline=conv, stackconv=esc.stack_convs(),
                           stacksites=esc.stack_sites(), transient=esc.transient_sites(),
                           escapes=esc.heap_vars(), byval=esc.byval_uids(),
                           devirt=dv.calls, unit=unit, opendefer=open_defers(cfg)),
        only=frozenset(only))
    externs = frozenset(lowered.externs)
    own = {sym for p in prog.packages if p.path in only for sym in inlcost.symbols(p)}
    mine = {sym: c for sym, c in (costs or {}).items() if sym in own}
    sized = [f for f in lowered.funcs if inline.inlinable(f, externs)]
    gcin = [f for f in lowered.funcs if gc and f.name in mine
            and inline.inlinable(f, externs, sized=False)]
    bodies = tuple(_untyped(f) for f in {f.name: f for f in sized + gcin}.values())
    lowered = inline.inline_program(lowered, inline.Options(not cfg.no_inline), imported)
    funcs = _back_end(lowered, cfg)
    tags = {d.func.symbol: esc.tags[id(d)] for p in prog.packages if p.path in only
            for d in p.funcs if d.func is not None and d.body is not None
            and id(d) in esc.tags}
    if cfg.no_inline:
        bodies, sized, gcin = (), [], []
    data = tuple((d.sym, "\n".join(amd64._data(d))) for d in lowered.data)
    export = ed.encode(ed.ImportData(
        unit or "main", (), tuple(sorted(tags.items())), tuple(sorted(mine.items())),
        tuple(f.name for f in sized), tuple(f.name for f in gcin),
        bodies=tuple((f.name, ed.encode_tree(f)) for f in bodies)))
    return Unit(unit or "main", tuple(funcs), data, lowered.externs, export)


def _back_end(lowered: ir.Program, cfg: Config) -> list[FuncCode]:
    """The code of lowered's functions: in cfg.concurrency processes if they are worth
    it (compiler/backend.py), else, or to report an error as -c=1 does, phase by
    phase."""
    procs = backend.processes(lowered.funcs, cfg.concurrency)
    if procs > 1:
        got = backend.codes(lowered.funcs, backend.Options(not cfg.no_opt), procs)
        if got is not None:
            return [c for c, _ in got]
    lowered = fold.fold_program(lowered, fold.Options(not cfg.no_opt))
    live = liveness.liveness_program(lowered, Diagnostics(), liveness.Options(False, ()))
    regs = regalloc.regalloc_program(lowered, live, regalloc.Options(not cfg.no_opt))
    bylive = live.by_name()
    funcs = []
    check = amd64.FrameCheck()
    for f in lowered.funcs:
        try:
            funcs.append(amd64.func_code(f, regs.get(f.name, amd64.NONE), bylive.get(f.name))[0])
        except amd64.FrameTooLarge as e:
            check.errors.extend(e.errors)
    check.done()
    return funcs


class Bodies(Mapping[str, ir.Func]):
    """The inlinable bodies of units by function name, each decoded from its unit's
    export data on its first lookup (inline_program's `imported`)."""

    def __init__(self) -> None:
        self._unit: dict[str, Unit] = {}
        self._funcs: dict[str, ir.Func] = {}

    def add(self, u: Unit, gc: bool = False) -> None:
        """Make u's bodies available, in place of an earlier unit's of the same name;
        with gc, the ones gc's decisions may inline (Unit.gcinline)."""
        for name in u.gcinline if gc else u.inline:
            self._unit[name] = u
            self._funcs.pop(name, None)

    def __getitem__(self, name: str) -> ir.Func:
        f = self._funcs.get(name)
        if f is None:
            f = self._funcs[name] = self._unit[name].body(name)
        return f

    def __contains__(self, name: object) -> bool:
        return name in self._unit

    def __iter__(self) -> Iterator[str]:
        return iter(self._unit)

    def __len__(self) -> int:
        return len(self._unit)


def _untyped(f: ir.Func) -> ir.Func:
    """f with each typed slot's Go type replaced by one placeholder: code generation asks
    only whether a slot has a type (a size-only temporary has none; liveness and regalloc
    then treat every word as a pointer), the type itself only for -live's names, which
    builds from units never print. Pickling the real types would drag in their methods'
    signatures and named types, which export data's trees cannot hold."""
    return replace(f, slots=tuple(
        s if s.type is None else replace(s, type=UNSAFE_POINTER) for s in f.slots))


def _unpickle(payload: bytes) -> Any:
    """pickle.loads of a payload refgo wrote (its frozen slotted dataclasses restored
    by dccache.fast_setstate)."""
    return pickle.loads(payload)  # noqa: S301 - written only by refgo (module docstring)


def load_unit(c: cache.Cache, key: str) -> Unit | None:
    """The unit stored under key, or None if absent or unreadable in any way."""
    payload = c.get(key)
    if payload is None:
        return None
    try:
        u = _unpickle(payload)
        if not isinstance(u, Unit):
            return None
        _exports(u.export)
    except Exception:  # noqa: BLE001 - any undecodable entry is rebuilt
        return None
    return u


_QUOTED = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')


def _refs(text: str) -> list[str]:
    """The symbols amd64's assembly text names (always quoted, amd64.quote)."""
    return [_unquote(r) for r in _QUOTED.findall(text)]


def _is_root(sym: str) -> bool:
    """Whether sym is linked whatever the program's code names: the C runtime calls the
    program's entry points and reads and calls package runtime's symbols by name."""
    return sym in ("main.main", "main..inittask") or sym.startswith("runtime.")


def live_symbols(units: Sequence[Unit]) -> set[str]:
    """The functions and data symbols of units the program can reach: the roots
    (`_is_root`), then whatever a reached function's code or a reached data symbol's
    relocations (`.quad "sym"`) name, and a method table's weak references whose
    conditions are reached (compiler/linkweak.py). Only these are linked, so a program
    carries the parts of a package it uses (hello-world links fmt's Println, not os's
    files or all of math, nor the methods of a type no interface can reach)."""
    edges: dict[str, list[str]] = {}
    weak: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for u in units:
        for fc in u.funcs:
            if fc.name not in edges:
                edges[fc.name] = _refs(fc.text)
        for sym, text in u.data:
            if sym not in edges:
                strong, weak[sym] = linkweak.split(text, _unquote)
                edges[sym] = _refs(strong)
    return linkweak.closure(edges, weak, [*(s for s in edges if _is_root(s)),
                                          *linkweak.roots()])


def _unquote(r: str) -> str:
    return r if "%" not in r else amd64.unquote_sym(r)


def link_text(units: Sequence[Unit]) -> str:
    """One GNU as file of units, in order (amd64.emit_program's layout), with only the
    functions and data symbols `live_symbols` finds."""
    lib, main = _select(units)
    out = ["\t.text", '\t.globl\t"runtime.gotext.start"', '"runtime.gotext.start":']
    out += [fc.text for fc in lib.funcs + main.funcs]
    out += ['\t.globl\t"runtime.gotext.end"', '"runtime.gotext.end":', *main.hooks]
    data = {**lib.data, **main.data}
    out.extend(data[k] for k in sorted(data))
    if _links_reflect(lib, main):
        out.extend(amd64.typelinks(data))
    calls = [c for fc in lib.funcs + main.funcs for c in fc.calls]
    faults = [c for fc in lib.funcs + main.funcs for c in fc.faults]
    out.extend(amd64._pctab(calls, [_functab_row(fc) for fc in lib.funcs + main.funcs],
                            faults))
    out.extend(amd64._fconst_data({c for fc in lib.funcs + main.funcs for c in fc.fconsts}))
    out.extend(amd64._stackmaps([m for fc in lib.funcs + main.funcs for m in fc.maps],
                                _object_tables(lib.funcs + main.funcs)))
    out.append('\t.section\t.note.GNU-stack,"",@progbits')
    return "\n".join(out) + "\n"


def link_parts(units: Sequence[Unit]) -> tuple[str, str]:
    """link_text's program as two GNU as files, linked in this order: the library's
    (every unit but the last, package main's), which the build cache keeps assembled
    (link.library_object) while main is edited, and main's. The library's file opens
    the Go text (`runtime.gotext.start`) and each table (`runtime.pctab`, `functab`,
    `stackmaps`); main's rows continue them in the same sections (PART_TABLES: ld
    concatenates input sections of one orphan section's name in link order, so the
    rows stay sorted by pc), and its file closes the text and holds the counts, the
    weak hooks and the data symbols the library's does not define."""
    lib, main = _select(units)
    heads = ['\t.text', '\t.globl\t"runtime.gotext.start"', '"runtime.gotext.start":']
    return (_part(lib, heads, None, None), _part(main, ['\t.text'], lib, main.hooks))


PART_TABLES = ("refgo_pctab", "refgo_functab", "refgo_stackmaps", "refgo_pcfault")
"""The sections of link_parts' tables, in place of .rodata (amd64.emit_program's)."""


@dataclass(slots=True)
class _Chosen:
    """The functions and data symbols of some units a program links (link_text)."""

    funcs: list[FuncCode] = field(default_factory=list)
    data: dict[str, str] = field(default_factory=dict)
    hooks: list[str] = field(default_factory=list)


def _select(units: Sequence[Unit]) -> tuple[_Chosen, _Chosen]:
    """The live functions and data symbols of units (each once, first unit first): of
    the library's units (all but the last) and of main's; main's holds every unit's weak
    hooks (the externs nothing defines)."""
    live = live_symbols(units)
    parts = (_Chosen(), _Chosen())
    seen: set[str] = set()
    data: set[str] = set()
    for n, u in enumerate(units):
        part = parts[n == len(units) - 1]
        for fc in u.funcs:
            if fc.name not in seen and fc.name in live:
                seen.add(fc.name)
                part.funcs.append(fc)
        for sym, text in u.data:
            if sym in live and sym not in data:
                data.add(sym)
                part.data[sym] = linkweak.rewrite(text, live, _unquote)
    externs = sorted({s for u in units for s in u.externs} - seen)
    for i, sym in enumerate(externs):
        parts[1].hooks.extend(amd64._weak_hook(sym, i))
    return parts


def _links_reflect(*parts: _Chosen) -> bool:
    """Whether the program links package reflect (which reads runtime.typelinks)."""
    return any(fc.name.startswith("reflect.") for c in parts for fc in c.funcs)


def _object_tables(funcs: Sequence[FuncCode]) -> list[tuple[str, tuple[int, ...]]]:
    """The stack-object tables of funcs, with their labels."""
    return [(amd64.objects_label(fc.name), fc.objects) for fc in funcs if fc.objects]


def _functab_row(fc: FuncCode) -> tuple[str, str, int, int]:
    return fc.name, fc.file, fc.line, amd64.func_flags(fc.params, fc.wrapper)


def _part(c: _Chosen, head: list[str], lib: _Chosen | None,
          tail: list[str] | None) -> str:
    """One file of link_parts: c's functions, data and table rows; with lib (main's
    file), the text's end, tail and the tables' counts (lib's rows and c's)."""
    out = [*head, *(fc.text for fc in c.funcs)]
    if lib is not None:
        out += ['\t.globl\t"runtime.gotext.end"', '"runtime.gotext.end":', *(tail or [])]
    out.extend(c.data[k] for k in sorted(c.data))
    if lib is not None and _links_reflect(lib, c):
        out.extend(amd64.typelinks([*lib.data, *c.data]))
    calls = [s for fc in c.funcs for s in fc.calls]
    maps = [m for fc in c.funcs for m in fc.maps]
    faults = [s for fc in c.funcs for s in fc.faults]
    tables = (amd64._pctab(calls, [_functab_row(fc) for fc in c.funcs], faults)
              + amd64._stackmaps(maps, _object_tables(c.funcs)))
    out.extend(_retable(tables, lib, c))
    out.extend(amd64._fconst_data({x for fc in c.funcs for x in fc.fconsts}))
    out.append('\t.section\t.note.GNU-stack,"",@progbits')
    return "\n".join(out) + "\n"


_TABLES = {'"runtime.pctab":': 0, '"runtime.functab":': 1, '"runtime.stackmaps":': 2,
           '"runtime.pcfault":': 3}


def _retable(lines: list[str], lib: _Chosen | None, c: _Chosen) -> Iterator[str]:
    """amd64's table lines (_pctab's and _stackmaps': a label, its rows, a count
    label and its `.quad N`) with the rows moved to PART_TABLES' sections: without lib
    (the library's file), the counts dropped; with lib, the start labels dropped and
    each count made lib's rows plus c's."""
    counts = (sum(len(fc.calls) for fc in lib.funcs), len(lib.funcs),
              sum(len(fc.maps) for fc in lib.funcs),
              sum(len(fc.faults) for fc in lib.funcs)) if lib is not None else (0, 0, 0, 0)
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln in _TABLES:
            k = _TABLES[ln]
            yield f'\t.section\t{PART_TABLES[k]},"a",@progbits'
            yield "\t.balign\t8"
            if lib is None:
                yield lines[i - 1]
                yield ln
            i += 1
            while not lines[i].startswith("\t.globl"):
                yield lines[i]
                i += 1
            # lines[i]: the count's .globl, then its label and `.quad N`; main's file
            # alone defines it.
            yield "\t.section\t.rodata"
            if lib is not None:
                n = int(lines[i + 2].split("\t")[-1])
                yield from ("\t.balign\t8", lines[i], lines[i + 1],
                            f"\t.quad\t{n + counts[k]}")
            i += 3
            continue
        if ln.startswith("\t.globl") and i + 1 < len(lines) and lines[i + 1] in _TABLES:
            i += 1  # the table's .globl: yielded with its label above
            continue
        yield ln
        i += 1


def decls_key(path: str, srcs: Sequence[tuple[str, bytes]]) -> str:
    """The cache key of library package path's syntax trees without function bodies."""
    h = hashlib.sha256(f"decls {compiler_version()}\n{path}\n".encode())
    for name, src in srcs:
        h.update(f"{name} {len(src)}\n".encode() + src)
    return h.hexdigest()


def strip_bodies(files: Sequence[ast.File]) -> list[ast.File]:
    """files with every function body emptied but generic ones, and the elements of
    package-level variables' composite literals dropped: what importers of a package
    from the cache check. A generic function's or generic type's method's body stays:
    importers instantiate it (its instances are checked and compiled with package main,
    types.check_program). Do NOT drop a body (None): a bodyless function is a runtime hook
    (Func.external), called by another convention."""
    out = []
    for f in files:
        decls: list[ast.Decl] = []
        for d in f.decls:
            if isinstance(d, ast.FuncDecl) and d.body is not None and not _generic(d):
                d = replace(d, body=ast.BlockStmt(d.body.pos, (), d.body.rbrace))
            elif isinstance(d, ast.VarSpec):
                d = replace(d, values=tuple(_empty_lit(v) for v in d.values))
            decls.append(d)
        out.append(replace(f, decls=tuple(decls)))
    return _prune(out)


def _prune(files: list[ast.File]) -> list[ast.File]:
    """files without the unexported functions, variables and constants that nothing left
    in them names (importers cannot; generic bodies and the other declarations' types and
    values may). Methods, types and runtime hooks (bodiless) stay."""
    used: set[str] = set()
    for f in files:
        for d in f.decls:
            _names(d, used, _declared(d))
    return [replace(f, decls=tuple(
        d for d in f.decls if not _declared(d) or any(n in used for n in _declared(d))))
        for f in files]


def _declared(d: ast.Decl) -> tuple[str, ...]:
    """The names d declares if it is one _prune may drop (none otherwise)."""
    if isinstance(d, ast.FuncDecl):
        if d.recv is None and d.body is not None and not d.tparams:
            names: tuple[str, ...] = (d.name.value,)
        else:
            return ()
    elif isinstance(d, ast.VarSpec | ast.ConstSpec):
        names = tuple(n.value for n in d.names)
    else:
        return ()
    return () if any(n[:1].isupper() for n in names) else names


def _names(node: object, out: set[str], own: tuple[str, ...]) -> None:
    """Add the identifiers node names to out, but its own declared names."""
    if isinstance(node, ast.Name):
        if node.value not in own:
            out.add(node.value)
    elif isinstance(node, tuple):
        for x in node:
            _names(x, out, own)
    elif is_dataclass(node) and not isinstance(node, Pos | type):
        for fl in fields(node):
            _names(getattr(node, fl.name), out, own)


def _empty_lit(e: ast.Expr) -> ast.Expr:
    """A variable's value `T{...}` or `&T{...}` as `T{}`: its type is the same, and
    importers check only types (unicode's tables are most of the library's declarations).
    `[...]T{...}` keeps its elements, which give its length."""
    lit = e.x if isinstance(e, ast.UnaryExpr) and e.op == "&" else e
    if (not isinstance(lit, ast.CompositeLit) or not lit.elems or lit.type is None
            or isinstance(lit.type, ast.ArrayType) and lit.type.len is None):
        return e
    lit = replace(lit, elems=())
    return replace(e, x=lit) if isinstance(e, ast.UnaryExpr) else lit


def _generic(d: ast.FuncDecl) -> bool:
    """Whether d is a generic function or a method of a generic type (`func (x
    *Pointer[T]) Load() *T`)."""
    if d.tparams:
        return True
    if d.recv is None:
        return False
    t = d.recv.type
    while isinstance(t, ast.ParenExpr | ast.StarExpr):
        t = t.x
    return isinstance(t, ast.IndexExpr)


def export_decls(path: str, files: Sequence[ast.File]) -> bytes:
    """The export data holding package path's declarations (strip_bodies's trees)."""
    return ed.encode(ed.ImportData(path, (), decls=ed.encode_tree(tuple(files))))


def import_decls(blob: bytes) -> list[ast.File]:
    """The declarations in export data (export_decls); ImportDataError if it holds none
    or is malformed, or of another compiler version."""
    files = ed.decode_tree(ed.decode(blob).decls)
    if not isinstance(files, tuple) or not all(isinstance(f, ast.File) for f in files):
        raise ed.ImportDataError("export data holds no declarations")
    return list(files)


def _load_decls(c: cache.Cache, key: str) -> list[ast.File] | None:
    """The declarations stored under key, or None if absent or unusable (rebuilt)."""
    payload = c.get(key)
    if payload is None:
        return None
    try:
        return import_decls(payload)
    except ed.ImportDataError:
        return None


def compile_units(cfg: Config, diags: Diagnostics, stats: Stats | None = None,
                  rebuild: bool = False, problems: list[str] | None = None,
                  dirs: ImportDirs | None = None, lib: list[str] | None = None) -> Result:
    """driver.compile_files for an eligible cfg (`eligible`), a package at a time;
    rebuild (-a) ignores cached entries (and replaces them); problems receives why the
    cache could not be written, if it could not. With dirs (`refgo compile -D -I`),
    imports of user packages read their archives (`compile_package`). cfg.packages
    (`refgo test`'s package under test and external test package) are user packages
    compiled from source with main, in main's unit, never cached; cfg.import_map
    renames their imports as written. With lib, the Result's asm is package main's
    file of link_parts and lib receives the library's.

    Loading a library package computes its key (its imports loaded first, for theirs):
    a package whose unit is in the cache is read from its cached syntax trees without
    bodies and checked for its declarations only (the checker's `bodies` hook); escape
    analysis uses its stored tags for calls into it."""
    srcs = [(f, _read(f)) for f in cfg.files]
    files = [syntax.parse_file(f, src, diags, parse_mode(cfg)) for f, src in srcs]
    if diags.errors:
        raise CompileFailed(diags)
    if cfg.program:
        need_command(files, diags, before_types=True)
        if diags.errors:
            raise CompileFailed(diags)
    b = _Build(cfg, diags, stats if stats is not None else Stats(), rebuild, dirs)
    # do NOT stop at their syntax errors: the checker reports them with its own, as in
    # the whole-program compile (driver._loader).
    for path, names in cfg.packages.items():
        b.own[path] = [syntax.parse_file(f, _read(f), diags) for f in names]
    if dirs is not None:
        files.append(_reflect_file(files[0].package.value if files else "main", diags))
    prog, esc, dv = b.front(files)
    units = b.back(prog, esc, dv, ())
    rest = [p.path for p in prog.packages if p.path not in b.keys and p.path not in b.user]
    units.append(compile_unit(prog, esc, dv, rest, "", cfg, b.imported))
    b.stats.compiled.extend(rest)
    b.finish(problems)
    if lib is None:
        return Result(link_text(units), "", "")
    text, main = link_parts(units)
    lib.append(text)
    return Result(main, "", "")


def _reflect_file(package: str, diags: Diagnostics) -> ast.File:
    """A file of package `package` importing reflect: see ImportDirs."""
    src = f'package {package}\n\nimport _ "reflect"\n'.encode()
    return syntax.parse_file(REFLECT_FILE, src, diags)


REFLECT_FILE = "<refgo-reflect>.go"


class _Build:
    """One package-at-a-time compile: the cache, the packages loaded and their keys."""

    def __init__(self, cfg: Config, diags: Diagnostics, stats: Stats, rebuild: bool,
                 dirs: ImportDirs | None) -> None:
        self.cfg = cfg
        self.diags = diags
        self.stats = stats
        self.rebuild = rebuild
        self.dirs = dirs
        self.cache = cache.Cache(cache.cache_dir())
        self.keys: dict[str, str] = {}
        """Library packages' unit keys."""
        self.found: dict[str, Unit] = {}
        """Units read (library packages from the cache, user packages from archives)."""
        self.user: dict[str, Archive] = {}
        self.loaded: dict[str, list[ast.File]] = {}
        self.read: dict[str, tuple[list[tuple[str, bytes]], list[ast.File],
                                   list[ast.File] | None]] = {}
        self.import_map: dict[str, str] = dict(cfg.import_map)
        self.program = ""
        self.imported = Bodies()
        self.own: dict[str, list[ast.File]] = {}
        """Packages compiled from source files given on the command line (compile_package's,
        cfg.packages)."""
        self.costs: dict[str, int] = {}
        """gc's inlining costs of the program's functions (Unit.costs)."""

    def sources(self, path: str) -> tuple[list[tuple[str, bytes]], list[ast.File],
                                          list[ast.File] | None]:
        """path's sources, its syntax trees without bodies and, if parsed, with."""
        if path not in self.read:
            lib = lib_sources(path, self.diags)
            dkey = decls_key(path, lib)
            decls = None if self.rebuild or not lib else _load_decls(self.cache, dkey)
            full = None
            if decls is None:
                full = [syntax.parse_file(f, src, self.diags, pragma.LIBRARY)
                        for f, src in lib]
                decls = strip_bodies(full)
                if lib:
                    self.cache.put(dkey, export_decls(path, decls))
            self.read[path] = (lib, decls, full)
        return self.read[path]

    def decls(self, path: str) -> list[ast.File]:
        """The syntax trees importers of path check (user, own or library package)."""
        if path in self.own:
            return self.own[path]
        if self.dirs is not None and (a := self.archive(path)) is not None:
            return list(a.decls)
        return self.sources(path)[1]

    def archive(self, path: str) -> Archive | None:
        """User package path's archive under the -I directories, read once; None if
        there is none (a library package). An unusable one stops the compile with one
        error (do NOT let the checker go on to report the package missing as well)."""
        assert self.dirs is not None
        if path in self.user:
            return self.user[path]
        file = self.dirs.find(path)
        if file is None:
            return None
        a = load_archive(file)
        if isinstance(a, str):
            self.diags.error(Pos(str(file), 1, 1), a)
            raise CompileFailed(self.diags)
        self.user[path] = a
        return a

    def imports_of(self, files: Sequence[ast.File]) -> list[str]:
        """files' imports as real paths (cfg.import_map's, or local ones, `./a`, recorded
        in import_map)."""
        out = []
        for p in sorted(_imports(files)):
            real = self.import_map.get(p) or (self.dirs.real(p) if self.dirs is not None else p)
            if real != p:
                self.import_map[p] = real
            out.append(real)
        return out

    def load(self, path: str) -> Sequence[ast.File]:
        """The checker's loader: see compile_units."""
        if path in self.loaded:
            return self.loaded[path]
        if path in self.own:
            self.loaded[path] = self.own[path]
            return self.own[path]
        if self.dirs is not None and (a := self.archive(path)) is not None:
            self.found[path] = a.unit
            self.loaded[path] = list(a.decls)
            return a.decls
        lib, decls, full = self.sources(path)
        if not lib:
            return []
        self.loaded[path] = []  # an import cycle stops here; the checker reports it
        deps = [self.keys[i] for i in sorted(_imports(decls)) if self.load(i) and i in self.keys]
        self.keys[path] = unit_key(path, [(Path(f).name, src) for f, src in lib], deps,
                                   self.cfg, self.program)
        u = None if self.rebuild else load_unit(self.cache, self.keys[path])
        if u is not None and u.path == path:
            self.found[path] = u
            self.loaded[path] = decls
        else:
            self.loaded[path] = full if full is not None else [
                syntax.parse_file(f, src, self.diags, pragma.LIBRARY) for f, src in lib]
        return self.loaded[path]

    def front(self, files: list[ast.File]
              ) -> tuple[T.Program, escape.EscapeResult, devirt.Devirt]:
        """Check files and their imports, then devirtualize and escape-analyse."""
        # Whether the program imports reflect changes every package's type descriptors
        # (walk's ProgBuilder: method types): part of every key.
        seen: set[str] = set()
        todo = self.imports_of(files)
        while todo:
            path = todo.pop()
            if path not in seen:
                seen.add(path)
                todo.extend(self.imports_of(self.decls(path)))
        self.program = f"reflect={'reflect' in seen}"
        prog = types.check_program(files, self.diags, self.load, self.import_map,
                                   lambda path: path not in self.found, lang=self.cfg.lang)
        if self.diags.errors:
            raise CompileFailed(self.diags)
        if self.cfg.program:
            need_command(files, self.diags, before_types=False)
            if self.diags.errors:
                raise CompileFailed(self.diags)
        tags = {sym: t for u in self.found.values() for sym, t in u.tags.items()}
        dv = devirt.devirtualize_program(prog, self.diags)
        esc = escape.escape_program(prog, self.diags,
                                    escape.Options(self.cfg.escape_level, dv.calls,
                                                   runtime=self.cfg.runtime), tags)
        if self.diags.errors:
            raise CompileFailed(self.diags)
        costs = {sym: c for u in self.found.values() for sym, c in u.costs.items()}
        self.costs = dict(inlcost.can_inline_program(
            prog, Diagnostics(), inlcost.Options(0, not self.cfg.no_inline), costs,
            self.found).costs)
        return prog, esc, dv

    def back(self, prog: T.Program, esc: escape.EscapeResult, dv: devirt.Devirt,
             skip: Collection[str]) -> list[Unit]:
        """The units of prog's library and user packages, in dependency order: from the
        cache or archives, or compiled (and stored)."""
        units: list[Unit] = []
        for p in prog.packages:
            path = p.path
            u = self.found.get(path)
            if path in skip or (u is None and path not in self.keys):
                continue
            if u is None:
                c = self.cache
                # One builder per entry: a racing build that stored it meanwhile wins.
                with c.building(self.keys[path]):
                    u = None if self.rebuild else load_unit(c, self.keys[path])
                    if u is None or u.path != path:
                        u = compile_unit(prog, esc, dv, (path,), path, self.cfg,
                                         self.imported, costs=self.costs)
                        c.put(self.keys[path], pickle.dumps(u, protocol=pickle.HIGHEST_PROTOCOL))
                        self.stats.compiled.append(path)
                    else:
                        self.stats.cached.append(path)
            else:
                self.stats.cached.append(path)
            units.append(u)
            self.imported.add(u)
        return units

    def finish(self, problems: list[str] | None) -> None:
        """Trim the cache if this build stored anything; report its problems."""
        if any(p in self.keys for p in self.stats.compiled):
            self.cache.trim()
        if problems is not None:
            problems.extend(self.cache.problems)


@dataclass(frozen=True, slots=True)
class ImportDirs:
    """gc's -D and -I for programs of several user packages (run.go's `*dir` cases):
    `import "./a"` in a package compiled with `-D test` is package "test/a", whose
    archive `refgo compile -D test -I . -o test/a.a a.go` wrote to test/a.a.

    Every compile with ImportDirs imports reflect (REFLECT_FILE): a package's unit is
    compiled before it is known whether the program imports reflect, and the library
    units it inlines from must be the ones the program links (string symbols are
    numbered per unit), so all are the reflect variants."""

    local: str
    dirs: tuple[str, ...]

    def real(self, path: str) -> str:
        """The import path of path as written (`./a` → `test/a`)."""
        if path == "." or path.startswith(("./", "../")):
            return posixpath.normpath(posixpath.join(self.local, path))
        return path

    def find(self, path: str) -> Path | None:
        """The archive of user package path, or None."""
        for d in self.dirs:
            p = Path(d) / (path + ".a")
            if p.is_file():
                return p
        return None


@dataclass(frozen=True, slots=True)
class Archive:
    """A user package compiled alone: export data of its syntax trees without bodies
    (what importers check; export_decls) and its unit."""

    path: str
    export: bytes
    unit: Unit

    @property
    def decls(self) -> list[ast.File]:
        """The declarations importers check (decoded once per archive)."""
        return _archive_decls(self.export)


@functools.lru_cache(maxsize=64)
def _archive_decls(blob: bytes) -> list[ast.File]:
    return import_decls(blob)


ARCHIVE_MAGIC = "refgo package"


def write_archive(a: Archive, out: Path) -> None:
    """Store a in out (checksummed, with the compiler's version; atomic rename)."""
    payload = pickle.dumps((ARCHIVE_MAGIC, compiler_version(), a),
                           protocol=pickle.HIGHEST_PROTOCOL)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(cache.encode(payload))
    tmp.replace(out)


def load_archive(file: Path) -> Archive | str:
    """The archive in file, or why it cannot be used (one line, reported at file)."""
    try:
        payload = cache.decode(file.read_bytes())
    except OSError as e:
        return f"cannot read package archive: {e.strerror or e}"
    if payload is None:
        return "not a refgo package archive, or corrupted: recompile the package"
    try:
        magic, version, a = _unpickle(payload)
    except Exception:  # noqa: BLE001 - any undecodable archive is reported
        return "not a refgo package archive, or corrupted: recompile the package"
    if magic != ARCHIVE_MAGIC or not isinstance(a, Archive):
        return "not a refgo package archive: recompile the package"
    if version != compiler_version():
        return "package archive compiled by another version of refgo: recompile the package"
    try:
        _archive_decls(a.export)
        _exports(a.unit.export)
    except ed.ImportDataError as err:
        return f"package archive's export data is unusable ({err}): recompile the package"
    return a


def compile_package(cfg: Config, diags: Diagnostics, path: str, dirs: ImportDirs,
                    stats: Stats | None = None, problems: list[str] | None = None
                    ) -> Archive:
    """`refgo compile -p path -D -I -o path.a`: user package path (cfg.files, not package
    main) compiled alone into an archive; its imports from their archives and the build
    cache. The checker sees it as imported by a program that imports it and reflect."""
    srcs = [(f, _read(f)) for f in cfg.files]
    full = [syntax.parse_file(f, src, diags, parse_mode(cfg)) for f, src in srcs]
    if diags.errors:
        raise CompileFailed(diags)
    b = _Build(cfg, diags, stats if stats is not None else Stats(), False, dirs)
    b.own[path] = full
    root = syntax.parse_file(REFLECT_FILE, f'package main\n\nimport (\n\t_ "reflect"\n'
                             f'\t_ "{path}"\n)\n'.encode(), diags)
    prog, esc, dv = b.front([root])
    b.back(prog, esc, dv, (path,))
    # The instances it needs are checked with the root (types.check_program): its unit.
    unit = compile_unit(prog, esc, dv, (path, "main"), path, cfg, b.imported,
                        costs=b.costs, gc=True)
    b.stats.compiled.append(path)
    b.finish(problems)
    return Archive(path, export_decls(path, strip_bodies(full)), unit)

def reports(cfg: Config) -> bool:
    """Whether cfg asks for a report of the package compiled (-m, -live, -S, -dump)."""
    return bool(cfg.dump is not None or cfg.listing or cfg.escape_level or cfg.live)


def report_package(cfg: Config, diags: Diagnostics, dirs: ImportDirs) -> Result:
    """The -m, -live, -S and -dump output of `refgo compile -D -I` of cfg.files: what
    the whole-program compile of the files prints (driver.compile_files), the user
    packages they import read from their archives as importers read them (declarations,
    escape tags, inlinable bodies; driver.Separate), the library from source as the
    whole-program compile reads it (the cache holds no gc inlining costs of its units).
    The product's code is not this compile's: see compile_package and compile_units."""
    b = _Build(cfg, diags, Stats(), False, dirs)
    import_map: dict[str, str] = {}
    archived: set[str] = set()
    tags: dict[str, tuple[escape.ParamTag, ...]] = {}
    costs: dict[str, int] = {}
    bodies = Bodies()
    lib = driver_loader(diags)

    def note(files: Sequence[ast.File]) -> None:
        for p in _imports(files):
            if (real := dirs.real(p)) != p:
                import_map[p] = real

    def load(path: str) -> Sequence[ast.File]:
        a = b.archive(path)
        if a is None:
            files = lib(path)
        else:
            archived.add(path)
            tags.update(a.unit.tags)
            costs.update(a.unit.costs)
            bodies.add(a.unit, gc=cfg.escape_level > 0)
            files = list(a.decls)
        note(files)
        return files

    srcs = [(f, _read(f)) for f in cfg.files]
    note([syntax.parse_file(f, src, Diagnostics(), parse_mode(cfg)) for f, src in srcs])
    return compile_files(cfg, diags, Separate(load, import_map, archived, tags, costs, bodies))


PREFILL_SKIP = ("internal", "runtime/internal")
"""Library packages prefill does not import directly: internal ones (imported by others).
testing is prefilled: `refgo test` builds a package at a time too."""


def library_packages() -> list[str]:
    """The import paths of compiler/lib's packages that prefill builds."""
    out = []
    for d in sorted(p for p in LIB_DIR.rglob("*") if p.is_dir()):
        path = d.relative_to(LIB_DIR).as_posix()
        if any(path == s or path.startswith(s + "/") for s in PREFILL_SKIP):
            continue
        if any(not f.name.endswith("_test.go") for f in d.glob("*.go")):
            out.append(path)
    return out


def prefill(packages: Sequence[str] | None = None, base: Config | None = None) -> list[str]:
    """Store the unit of every library package (packages: these and their imports) in
    the build cache, as programs that import reflect and programs that do not build them,
    compiled with base's code-changing switches (flags_key; default none); returns one
    line per package that failed (the cache then lacks it).

    For a cache its builds cannot write: the Docker toolchain's steps read the cache
    read-only, and the trusted step that fills it calls this (harness/container.py)."""
    pkgs = [p for p in (packages or library_packages()) if p != "reflect"]
    cfg = replace(base if base is not None else Config(files=()), program=True)
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="refgo-prefill-") as tmp:
        for variant in (pkgs, [*pkgs, "reflect"]):
            if _prefill_one(variant, Path(tmp), cfg) is None:
                continue
            # One of them does not compile: each alone, to keep the others.
            for p in variant:
                msg = _prefill_one([p], Path(tmp), cfg)
                if msg is not None and p in pkgs:
                    failed.append(f"{p}: {msg}")
    return sorted(set(failed))


def _prefill_one(pkgs: Sequence[str], tmp: Path, cfg: Config) -> str | None:
    """Build a program importing pkgs with cfg for its units; None, else the first error."""
    src = tmp / "prefill.go"
    imports = "".join(f'\t_ "{p}"\n' for p in pkgs)
    src.write_text(f"package main\n\nimport (\n{imports})\n\nfunc main() {{}}\n")
    diags = Diagnostics()
    try:
        compile_units(replace(cfg, files=(str(src),)), diags)
    except CompileFailed:
        return next((str(d) for d in diags.sorted() if not d.warning), "compile failed")
    except Exception as e:  # noqa: BLE001 - a library that does not build is reported
        return f"internal compiler error: {type(e).__name__}: {e}"
    return None


def package_name(files: Sequence[str]) -> str:
    """The package clause of the first of files ("" if it does not parse)."""
    if not files:
        return ""
    f = syntax.parse_file(files[0], _read(files[0]), Diagnostics())
    return f.package.value
