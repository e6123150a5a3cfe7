"""Package-at-a-time builds and the build cache: entries reused, and every bad entry
(truncated, corrupted, another layout, unwritable directory, racing builders) rebuilt or
reported, never a wrong binary or a traceback."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from compiler import cache, cli, driver, link, units
from compiler import flags as flags_mod
from compiler.diag import Diagnostics

PROG = """package main

import (
	"errors"
	"strconv"
)

func main() {
	err := errors.New("boom " + strconv.Itoa(42))
	println(err.Error(), strconv.Quote("q"))
}
"""
WANT = 'boom 42 "q"\n'


@pytest.fixture(scope="module")
def cache_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One cache directory per module, so the runtime archive is built once."""
    root = tmp_path_factory.mktemp("cache")
    old = os.environ.get("REFGO_CACHE")
    os.environ["REFGO_CACHE"] = str(root)
    link.runtime_archive()
    yield root
    if old is None:
        del os.environ["REFGO_CACHE"]
    else:
        os.environ["REFGO_CACHE"] = old


def build(src: Path, root: Path, *flags: str) -> tuple[str, str]:
    """Builds and runs src with -x; returns (the program's output, refgo's -x line)."""
    exe = src.with_suffix("")
    p = subprocess.run([sys.executable, "-m", "compiler", "build", "-x", *flags, "-o",
                        str(exe), str(src)], capture_output=True, text=True, check=False,
                       env={**os.environ, "REFGO_CACHE": str(root), "REFGO_PKGCACHE": "1"})
    assert p.returncode == 0, p.stderr
    run = subprocess.run([str(exe)], capture_output=True, text=True, check=False)
    assert run.returncode == 0
    return run.stderr, p.stderr


def entries(root: Path) -> list[Path]:
    """The cache's entries: units and syntax trees without bodies."""
    return sorted(p for p in (root / "pkg").glob("??/*"))


def test_entry_checksum() -> None:
    data = cache.encode(b"payload")
    assert cache.decode(data) == b"payload"
    assert cache.decode(data[:-1]) is None
    assert cache.decode(data[:20]) is None
    assert cache.decode(data[:-1] + b"P") is None
    assert cache.decode(b"refgo-cache 2\n" + data[14:]) is None


def test_library_cached_then_bad_entries_rebuilt(tmp_path: Path, cache_root: Path) -> None:
    cache.Cache(cache_root).clean()
    src = tmp_path / "p.go"
    src.write_text(PROG)
    out, x = build(src, cache_root)
    assert out == WANT
    assert "cached -" in x and "compiled" in x and "strconv" in x
    n = len(entries(cache_root))
    assert n >= 2

    out, x = build(src, cache_root)
    assert out == WANT
    assert x.strip().endswith("compiled main; cached " + x.split("cached ")[1].strip())
    assert "strconv" in x.split("cached ")[1]

    # A truncated entry, a flipped byte and a well-formed entry that is no Unit: each is
    # rebuilt, and the program is still right.
    c = cache.Cache(cache_root)
    es = [p for p in entries(cache_root) if units.load_unit(c, p.name) is not None]
    es[0].write_bytes(es[0].read_bytes()[:100])
    data = bytearray(es[1].read_bytes())
    data[-5] ^= 0xFF
    es[1].write_bytes(bytes(data))
    out, x = build(src, cache_root)
    assert out == WANT
    assert len(x.split("compiled ")[1].split(";")[0].split()) == 3  # two entries + main
    es[0].write_bytes(cache.encode(b"not a pickle"))
    out, x = build(src, cache_root)
    assert out == WANT
    assert len(x.split("compiled ")[1].split(";")[0].split()) == 2

    # -a rebuilds everything.
    out, x = build(src, cache_root, "-a")
    assert "cached -" in x


def test_export_data_of_another_version_rebuilt(tmp_path: Path, cache_root: Path) -> None:
    # Export data of another format version (docs/export-format.md), in a unit and in a
    # declarations entry that somehow passed their keys: each is rebuilt, no traceback.
    cache.Cache(cache_root).clean()
    src = tmp_path / "p.go"
    src.write_text(PROG)
    assert build(src, cache_root)[0] == WANT
    c = cache.Cache(cache_root)
    old_unit = old_decls = None
    for e in entries(cache_root):
        payload = c.get(e.name)
        assert payload is not None
        u = units.load_unit(c, e.name)
        if u is not None and u.path == "strconv":
            old = replace(u, export=u.export.replace(b"version 2\n", b"version 1\n", 1))
            c.put(e.name, units.pickle.dumps(old))
            old_unit = e.name
        elif payload.startswith(b"version 2\n") and old_decls is None:
            c.put(e.name, payload.replace(b"version 2\n", b"version 1\n", 1))
            old_decls = e.name
    assert old_unit is not None and old_decls is not None
    assert units.load_unit(c, old_unit) is None
    out, x = build(src, cache_root)
    assert out == WANT
    assert x.split("compiled ")[1].split(";")[0].split() == ["strconv", "main"]
    assert "Traceback" not in x
    fixed = c.get(old_decls)
    assert fixed is not None and fixed.startswith(b"version 2\n")
    assert units.load_unit(c, old_unit) is not None


def test_library_object_cached_then_bad_entry_rebuilt(tmp_path: Path,
                                                      cache_root: Path) -> None:
    # The library's code is assembled once (link.library_object); a truncated or
    # corrupted object entry is assembled again, and the program is still right.
    cache.Cache(cache_root).clean()
    src = tmp_path / "p.go"
    src.write_text(PROG)
    out, x = build(src, cache_root)
    assert out == WANT and "library object assembled" in x
    src.write_text(PROG + "\n// edited\n")
    out, x = build(src, cache_root)
    assert out == WANT and "library object from the cache" in x
    c = cache.Cache(cache_root)
    objs = [p for p in entries(cache_root) if (c.get(p.name) or b"").startswith(b"\x7fELF")]
    assert len(objs) == 1
    for bad in (objs[0].read_bytes()[:5000], objs[0].read_bytes()[:-1] + b"!"):
        objs[0].write_bytes(bad)
        out, x = build(src, cache_root)
        assert out == WANT and "library object assembled" in x
    out, x = build(src, cache_root, "-a")
    assert out == WANT and "library object assembled" in x


def test_unwritable_cache_still_builds(tmp_path: Path, cache_root: Path) -> None:
    # The entries' directory is a file: as a read-only or full directory, every store
    # fails (and this fails for root too, unlike a chmod).
    cache.Cache(cache_root).clean()
    (cache_root / "pkg").write_text("")
    src = tmp_path / "p.go"
    src.write_text(PROG)
    try:
        out, x = build(src, cache_root)
    finally:
        (cache_root / "pkg").unlink()
    assert out == WANT
    assert "cannot lock" in x and "cached -" in x
    assert all(len(line) < 300 for line in x.splitlines())


def test_racing_builds_share_entries(tmp_path: Path, cache_root: Path) -> None:
    cache.Cache(cache_root).clean()
    srcs = []
    for i in range(2):
        src = tmp_path / f"p{i}.go"
        src.write_text(PROG)
        srcs.append(src)
    env = {**os.environ, "REFGO_CACHE": str(cache_root), "REFGO_PKGCACHE": "1"}
    procs = [subprocess.Popen([sys.executable, "-m", "compiler", "build", "-x", "-o",
                               str(s.with_suffix("")), str(s)], env=env, text=True,
                              stderr=subprocess.PIPE) for s in srcs]
    logs = [p.communicate()[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], logs
    # One builder per entry: what one compiled, the other read from the cache.
    compiled = [set(x.split("compiled ")[1].split(";")[0].split()) - {"main"} for x in logs]
    assert not compiled[0] & compiled[1]
    for s in srcs:
        run = subprocess.run([str(s.with_suffix(""))], capture_output=True, text=True,
                             check=False)
        assert run.stderr == WANT


def test_trim_removes_least_recently_used(tmp_path: Path) -> None:
    c = cache.Cache(tmp_path)
    for i in range(8):
        key = f"{i:02d}" + "0" * 62
        assert c.put(key, bytes(1000))
        os.utime(c.path(key), (1000 + i, 1000 + i))
    # 8 entries of 1079 bytes (header + payload): down to 3/4 of the limit, 3 remain.
    assert c.trim(limit=5000) == 5
    assert c.get("04" + "0" * 62) is None
    assert c.get("05" + "0" * 62) == bytes(1000)


def test_clean_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from compiler import cli

    monkeypatch.setenv("REFGO_CACHE", str(tmp_path))
    c = cache.Cache(tmp_path)
    assert c.put("ab" + "0" * 62, b"x")
    (tmp_path / "runtime-x.a").write_bytes(b"")
    assert cli.main(["clean", "-cache"]) == 0
    assert not (tmp_path / "pkg").exists() and (tmp_path / "runtime-x.a").exists()
    assert cli.main(["clean"]) == 2


def _funcs(asm: str) -> dict[str, list[str]]:
    """Each function's lines, string, constant and itab-cache symbols renamed alike."""
    names = set(re.findall(r'\.type\t"?([^",]+)"?, @function', asm))
    out: dict[str, list[str]] = {}
    cur: list[str] | None = None
    for ln in asm.splitlines():
        m = re.fullmatch(r'"?([^"\s]+)"?:', ln)
        if m and m.group(1) in names:
            cur = out.setdefault(m.group(1), [])
        elif (m and not ln.startswith(".L")) or ln.startswith(("\t.section", "\t.bss")):
            cur = None  # the text's end, or data
        elif cur is not None and not ln.startswith(("\t.globl", "\t.type", "\t.p2align")):
            cur.append(re.sub(r"go\.(string|const|itabcache)\.[^\s,()\"]*", r"go.\1", ln))
    return out


STACKPROG = """package main

import (
	"strconv"
	"strings"
)

type pt struct{ x, y int }

func sum(p *pt) int { return p.x + p.y }

func main() {
	println(strings.Join([]string{"a", strconv.Itoa(4)}, "-"), sum(&pt{1, 2}))
}
"""


@pytest.mark.parametrize("prog", [PROG, STACKPROG], ids=["plain", "stacksites"])
def test_same_code_as_the_whole_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        prog: str) -> None:
    # Library packages from the cache are checked for declarations only and their
    # escape tags come from the entries: every function, each package's init
    # included, is the whole-program compile's, instruction for instruction.
    # The build links only the functions the program reaches (units.live_symbols).
    monkeypatch.setenv("REFGO_CACHE", str(tmp_path))
    # The non-escaping slice literal and &pt{...} of STACKPROG are stack temporaries
    # in both (the unit path once heap-allocated every such site).
    src = tmp_path / "p.go"
    src.write_text(prog)
    cfg = driver.Config(files=(str(src),))
    whole = _funcs(driver.compile_files(cfg, Diagnostics()).asm)
    if prog is STACKPROG:
        assert not any("runtime.newobject" in ln for ln in whole["main.main"])
    stats = [units.Stats(), units.Stats()]
    got = [_funcs(units.compile_units(cfg, Diagnostics(), st).asm) for st in stats]
    assert stats[1].compiled == ["main"] and "strconv" in stats[1].cached
    for g in got:
        assert set(g) <= set(whole)
        assert [n for n in g if g[n] != whole[n]] == []
        assert "main.main" in g and len(g) < len(whole)


def test_links_only_what_the_program_reaches(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # strconv's unit holds ParseFloat; a program calling only Itoa and Quote (both
    # inlined into main) links neither it nor the pctab, functab and stack map entries
    # of its calls.
    monkeypatch.setenv("REFGO_CACHE", str(tmp_path))
    src = tmp_path / "p.go"
    src.write_text(PROG)
    cfg = driver.Config(files=(str(src),))
    asm = units.compile_units(cfg, Diagnostics()).asm
    got = _funcs(asm)
    assert {"strconv.appendQuoted", "errors.(*errorString).Error", "main.main"} <= set(got)
    assert "strconv.ParseFloat" not in got and "strconv.FormatFloat" not in got
    # The two files a build links (link_parts) hold the same functions; the library's
    # opens each table, main's continues it and counts the rows of both.
    lib: list[str] = []
    main = units.compile_units(cfg, Diagnostics(), lib=lib).asm
    assert {**_funcs(lib[0]), **_funcs(main)} == got
    assert '"runtime.pctab":' in lib[0] and '"runtime.npctab":' not in lib[0]
    assert '"runtime.pctab":' not in main
    rows = [asm.split(f'"runtime.{t}":')[1].split("\t.globl")[0].count("\t.quad")
            for t in ("pctab", "functab", "stackmaps")]
    counts = [int(main.split(f'"runtime.n{t}":\n\t.quad\t')[1].split()[0])
              for t in ("pctab", "functab", "stackmaps")]
    assert counts == rows


def test_edited_dependency_rebuilds_its_importers(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # A unit's key holds its imports' keys: an edit to errors recompiles errors and
    # strconv (which imports it), not unicode/utf8.
    monkeypatch.setenv("REFGO_CACHE", str(tmp_path))
    src = tmp_path / "p.go"
    src.write_text(PROG)
    cfg = driver.Config(files=(str(src),))
    units.compile_units(cfg, Diagnostics())
    real = units.lib_sources

    def edited(path: str, diags: Diagnostics) -> list[tuple[str, bytes]]:
        out = real(path, diags)
        if path == "errors":
            out[0] = (out[0][0], out[0][1] + b"\n// edited\n")
        return out

    monkeypatch.setattr(units, "lib_sources", edited)
    st = units.Stats()
    units.compile_units(cfg, Diagnostics(), st)
    assert sorted(st.compiled) == ["errors", "main", "strconv"]
    assert "unicode/utf8" in st.cached


GENERIC = """package main

import "sync/atomic"

type node struct{ v int }

func main() {
	var p atomic.Pointer[node]
	println(p.Load() == nil)
	p.Store(&node{7})
	old := p.Swap(&node{8})
	println(old.v, p.Load().v, p.CompareAndSwap(old, nil), p.Load().v)
}
"""


def test_generic_library_type_from_the_cache(tmp_path: Path, cache_root: Path) -> None:
    # sync/atomic read from the cache keeps its generic methods' bodies: main
    # instantiates atomic.Pointer[node] from them, as the whole-program build does.
    cache.Cache(cache_root).clean()
    src = tmp_path / "g.go"
    src.write_text(GENERIC)
    first, _ = build(src, cache_root)
    again, x = build(src, cache_root)
    assert "sync/atomic" in x.split("cached ")[1]
    exe = tmp_path / "whole"
    subprocess.run([sys.executable, "-m", "compiler", "build", "-o", str(exe), str(src)],
                   check=True, env={**os.environ, "REFGO_CACHE": str(cache_root),
                                    "REFGO_PKGCACHE": "0"})
    whole = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stderr
    assert first == again == whole and whole.startswith("true\n")
    cfg = driver.Config(files=(str(src),))
    asm = _funcs(driver.compile_files(cfg, Diagnostics()).asm)
    got = _funcs(units.compile_units(cfg, Diagnostics()).asm)
    assert [n for n in got if n in asm and got[n] != asm[n]] == []


def test_reflect_program_does_not_reuse_plain_units(tmp_path: Path, cache_root: Path) -> None:
    # A program that imports reflect gives every type descriptor its method types:
    # errors compiled for a program without reflect is no entry for one with it.
    cache.Cache(cache_root).clean()
    plain = tmp_path / "plain.go"
    plain.write_text('package main\n\nimport "errors"\n\n'
                     'func main() { println(errors.New("x").Error()) }\n')
    src = tmp_path / "r.go"
    src.write_text('package main\n\nimport (\n\t"errors"\n\t"reflect"\n)\n\nfunc main() {\n'
                   '\tt := reflect.TypeOf(errors.New("x"))\n'
                   '\tprintln(t.NumMethod(), t.Method(0).Type.String())\n}\n')
    build(plain, cache_root)
    got, x = build(src, cache_root)
    assert "errors" in x.split("compiled ")[1].split(";")[0].split()
    exe = tmp_path / "whole"
    subprocess.run([sys.executable, "-m", "compiler", "build", "-o", str(exe), str(src)],
                   check=True, env={**os.environ, "REFGO_CACHE": str(cache_root),
                                    "REFGO_PKGCACHE": "0"})
    whole = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stderr
    assert got == whole and "func(*errors.errorString) string" in whole


def test_default_is_package_at_a_time(tmp_path: Path, cache_root: Path) -> None:
    # Without REFGO_PKGCACHE a build stores units; REFGO_PKGCACHE=0 compiles the whole
    # program from source and leaves the cache's package entries alone.
    cache.Cache(cache_root).clean()
    src = tmp_path / "p.go"
    src.write_text(PROG)
    env = {k: v for k, v in os.environ.items() if k != "REFGO_PKGCACHE"}
    argv = [sys.executable, "-m", "compiler", "build", "-o", str(tmp_path / "p"), str(src)]
    subprocess.run(argv, check=True, env={**env, "REFGO_CACHE": str(cache_root),
                                          "REFGO_PKGCACHE": "0"})
    assert entries(cache_root) == []
    subprocess.run(argv, check=True, env={**env, "REFGO_CACHE": str(cache_root)})
    assert entries(cache_root)


def test_prefill_stores_what_builds_read(tmp_path: Path, cache_root: Path) -> None:
    # The Docker toolchain's steps cannot write the cache: the trusted step prefills it,
    # for programs with and without reflect, so their builds compile main only.
    cache.Cache(cache_root).clean()
    assert units.prefill(["strconv"]) == []
    src = tmp_path / "p.go"
    src.write_text(PROG)
    out, x = build(src, cache_root)
    assert out == WANT and "compiled main;" in x and "strconv" in x


def test_prefill_with_flags_stores_what_builds_with_them_read(tmp_path: Path,
                                                             cache_root: Path) -> None:
    # Units are keyed by the code-changing flags: a run with -d=convinline=0 reads only
    # units prefilled with it (harness/container.py passes the run's --compiler-flags).
    cache.Cache(cache_root).clean()
    assert units.prefill(["strconv"]) == []
    src = tmp_path / "p.go"
    src.write_text(PROG)
    _, x = build(src, cache_root, "-d=convinline=0")
    assert "strconv" in x.split("cached")[0], x  # compiled: no unit for these flags yet
    cache.Cache(cache_root).clean()
    base = flags_mod.config(flags_mod.parse("build", ["-d=convinline=0", str(src)]))
    assert units.prefill(["strconv"], base=base) == []
    out, x = build(src, cache_root, "-d=convinline=0")
    assert out == WANT and "compiled main;" in x and "strconv" in x


def test_prefill_reports_a_package_that_does_not_build(cache_root: Path) -> None:
    # The program of both fails; each alone, only no/such does (once, not per variant).
    got = units.prefill(["errors", "no/such"])
    assert len(got) == 1 and got[0].startswith("no/such: ")
    assert got[0].endswith("package no/such is not in GOROOT")


PKG_A = """package a

import "fmt"

type T struct{ X int }

func (t T) String() string { return fmt.Sprintf("T(%d)", t.X) }

func Max[E int | float64](x, y E) E {
	if x > y {
		return x
	}
	return y
}

var Count = 3

func init() { Count++ }

func Add(x, y int) int { return x + y }
"""
PKG_B = """package b

import "./a"

func Twice(t a.T) a.T { return a.T{X: a.Add(t.X, t.X) + a.Max(1, 2)} }
"""
PKG_MAIN = """package main

import (
	"fmt"

	"./a"
	"./b"
)

func main() {
	fmt.Println(b.Twice(a.T{X: 4}), a.Count, a.Max(2.5, 1.0))
	var s fmt.Stringer = a.T{1}
	fmt.Println(s)
}
"""


def refgo(cwd: Path, root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "compiler", *args], cwd=cwd,
                          capture_output=True, text=True, check=False,
                          env={**os.environ, "REFGO_CACHE": str(root)})


def test_program_of_several_packages(tmp_path: Path, cache_root: Path) -> None:
    # run.go's rundir steps: each package compiled alone into an archive its importers
    # read (`import "./a"` is test/a under -D test), main into the program's object.
    src = tmp_path / "src"
    src.mkdir()
    (tmp_path / "test").mkdir()
    for name, text in (("a.go", PKG_A), ("b.go", PKG_B), ("main.go", PKG_MAIN)):
        (src / name).write_text(text)
    d = ("-D", "test", "-I", ".")
    for p in ("a", "b"):
        r = refgo(tmp_path, cache_root, "compile", "-e", *d, "-o", f"test/{p}.a", "-p",
                  f"test/{p}", str(src / f"{p}.go"))
        assert r.returncode == 0, r.stderr
    r = refgo(tmp_path, cache_root, "compile", *d, "-o", "main.o", str(src / "main.go"))
    assert r.returncode == 0, r.stderr
    r = refgo(tmp_path, cache_root, "link", "-o", "a.exe", "-L", ".", "main.o")
    assert r.returncode == 0, r.stderr
    run = subprocess.run([str(tmp_path / "a.exe")], capture_output=True, text=True,
                         check=True)
    assert run.stdout == "T(10) 4 2.5\nT(1)\n"

    # A missing, corrupted or foreign archive: one line, exit 1, never a traceback.
    arch = tmp_path / "test" / "a.a"
    good = arch.read_bytes()
    arch.write_bytes(good[:len(good) // 2])
    r = refgo(tmp_path, cache_root, "compile", *d, "-o", "b.o", str(src / "b.go"))
    assert r.returncode == 1
    assert r.stderr == "test/a.a:1:1: not a refgo package archive, or corrupted: recompile " \
                       "the package\n"
    assert "Traceback" not in r.stderr
    (_, _, a) = units.pickle.loads(cache.decode(good) or b"")
    arch.write_bytes(cache.encode(units.pickle.dumps((units.ARCHIVE_MAGIC, "old", a))))
    r = refgo(tmp_path, cache_root, "compile", *d, "-o", "b.o", str(src / "b.go"))
    assert r.returncode == 1 and r.stderr.count("\n") == 1
    assert "compiled by another version of refgo" in r.stderr
    old = replace(a, export=a.export.replace(b"version 2\n", b"version 1\n", 1))
    arch.write_bytes(cache.encode(units.pickle.dumps((units.ARCHIVE_MAGIC,
                                                      units.compiler_version(), old))))
    r = refgo(tmp_path, cache_root, "compile", *d, "-o", "b.o", str(src / "b.go"))
    assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
    assert "export data version 1, of another compiler version" in r.stderr
    assert "Traceback" not in r.stderr
    arch.unlink()
    r = refgo(tmp_path, cache_root, "compile", *d, "-o", "b.o", str(src / "b.go"))
    assert r.returncode == 1 and "test/a" in r.stderr


def test_archives_in_several_import_dirs(tmp_path: Path, cache_root: Path) -> None:
    # gc's -I may be given more than once: each directory is searched in order.
    src = tmp_path / "src"
    src.mkdir()
    for name, text in (("a.go", PKG_A), ("b.go", PKG_B), ("main.go", PKG_MAIN)):
        (src / name).write_text(text)
    (tmp_path / "da" / "test").mkdir(parents=True)
    (tmp_path / "db" / "test").mkdir(parents=True)
    both = ("-I", "da", "-I", "db")
    r = refgo(tmp_path, cache_root, "compile", "-D", "test", "-I", "da", "-o",
              "da/test/a.a", "-p", "test/a", str(src / "a.go"))
    assert r.returncode == 0, r.stderr
    r = refgo(tmp_path, cache_root, "compile", "-D", "test", *both, "-o", "db/test/b.a",
              "-p", "test/b", str(src / "b.go"))
    assert r.returncode == 0, r.stderr
    r = refgo(tmp_path, cache_root, "compile", "-D", "test", "-I", "db", "-o", "main.o",
              str(src / "main.go"))
    assert r.returncode == 1 and "test/a" in r.stderr
    r = refgo(tmp_path, cache_root, "compile", "-D", "test", *both, "-o", "main.o",
              str(src / "main.go"))
    assert r.returncode == 0, r.stderr
    r = refgo(tmp_path, cache_root, "link", "-o", "a.exe", "main.o")
    assert r.returncode == 0, r.stderr
    run = subprocess.run([str(tmp_path / "a.exe")], capture_output=True, text=True,
                         check=True)
    assert run.stdout == "T(10) 4 2.5\nT(1)\n"


def test_package_errors_are_reported_against_its_files(tmp_path: Path,
                                                       cache_root: Path) -> None:
    # errorcheckdir: the package's own bodies are checked in full.
    (tmp_path / "test").mkdir()
    bad = tmp_path / "a.go"
    bad.write_text('package a\n\nfunc F() int { return "x" }\n')
    r = refgo(tmp_path, cache_root, "compile", "-e", "-D", "test", "-I", ".", "-o",
              "test/a.a", "-p", "test/a", str(bad))
    assert r.returncode == 1
    assert r.stderr.startswith(f"{bad}:3:23: cannot use \"x\"")
    assert not (tmp_path / "test" / "a.a").exists()


REP_A = """package a

import "strings"

var sink *int

type T struct{ n int }

func Keep(p *int) { sink = p }

func Id(p *int) *int { return p }

func (t *T) Get() int { return t.n }

func New(n int) *T { return &T{n} }

func Dotted(s string) bool { return strings.HasPrefix(s, ".") }

func Sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}
"""
REP_B = """package b

import (
	"strings"

	"./a"
)

func F(s string) int {
	x, y := 1, 2
	a.Keep(&x)
	p := a.Id(&y)
	t := a.New(*p)
	if a.Dotted(s) || strings.Contains(s, "x") {
		return 0
	}
	f := func(v int) int { return v + t.Get() }
	return f(a.Sum([]int{x, y}))
}

func G(q *int) *int { return a.Id(q) }
"""


def _blocks(listing: str) -> dict[str, str]:
    """A -S listing's functions: name -> its lines, string literals' symbols unnamed
    (numbered per unit: a literal of a body inlined from another package is that
    package's symbol, and the unit's own are numbered without the other's)."""
    out: dict[str, str] = {}
    name = ""
    for ln in re.sub(r'"go\.string\.[^"]*"', '"go.string.*"', listing).splitlines(keepends=True):
        if not ln.startswith("\t"):
            name = ln.split(" ", 1)[0]
        out[name] = out.get(name, "") + ln
    return out


@pytest.mark.parametrize("flags", [("-m",), ("-m=2",), ("-m", "-l"), ("-live",), ("-S",)])
def test_reports_of_a_package_as_the_whole_program(
        tmp_path: Path, cache_root: Path, flags: tuple[str, ...],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # -m, -live and -S of package b compiled against a's archive (gc's errorcheckdir
    # with flags) print what the whole-program compile of b with a's source prints for b.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "test").mkdir()
    (tmp_path / "a.go").write_text(REP_A)
    (tmp_path / "b.go").write_text(REP_B)
    d = ("-D", "test", "-I", ".")
    assert cli.main(["compile", *d, "-p", "test/a", "-o", "test/a.a", "a.go"]) == 0
    capsys.readouterr()
    assert cli.main(["compile", *d, "-p", "test/b", *flags, "-o", "test/b.a", "b.go"]) == 0
    got = capsys.readouterr()
    assert isinstance(units.load_archive(tmp_path / "test" / "b.a"), units.Archive)

    cfg = flags_mod.config(flags_mod.parse("compile", [*flags, "b.go"]))
    cfg = replace(cfg, packages={"test/a": ("a.go",)}, import_map={"./a": "test/a"})
    diags = Diagnostics()
    res = driver.compile_files(cfg, diags)
    want = io.StringIO()
    driver.report(diags, want)
    assert got.err == want.getvalue()
    if "-S" not in flags:
        assert got.out == "" and want.getvalue()
        return
    # The whole program's listing has package a's functions as well.
    mine = {k: v for k, v in _blocks(res.listing).items() if not k.startswith("test/a.")}
    have = _blocks(got.out)
    assert len(have) > 1 and mine == have


def test_call_order_in_whole_program_builds(tmp_path: Path, cache_root: Path) -> None:
    # cases/basic/callorder.go runs under the harness as a package-at-a-time build; the
    # whole-program build lowers its statements with the same stack sites and must
    # order their calls alike.
    case = Path(__file__).parent.parent / "cases" / "basic" / "callorder.go"
    exe = tmp_path / "whole"
    subprocess.run([sys.executable, "-m", "compiler", "build", "-o", str(exe), str(case)],
                   check=True, env={**os.environ, "REFGO_CACHE": str(cache_root),
                                    "REFGO_PKGCACHE": "0"})
    run = subprocess.run([str(exe)], capture_output=True, text=True, check=True)
    assert run.stdout + run.stderr == case.with_suffix(".out").read_text()
