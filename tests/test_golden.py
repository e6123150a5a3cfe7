"""Golden snapshots of generated artifacts (`pytest -m golden`; files under golden/).

Each snapshot is golden/test_golden/<test id>.txt. When one of these fails, the diff is a
change to a generated artifact: review it, then accept it with
`pytest -m golden --snapshot-update`.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from compiler import driver
from compiler.builtin import exportdata as ed
from compiler.builtin.runtimedata import RUNTIME_IMPORT
from compiler.diag import Diagnostics
from harness.golden import golden_assertion

pytestmark = pytest.mark.golden


@pytest.fixture
def golden(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return golden_assertion(snapshot)


_IMPORT_DATA_VIEWS: dict[str, Callable[[bytes], str]] = {
    "escaped": ed.render_go_string,
    "listing": ed.listing,
}


@pytest.mark.parametrize("view", sorted(_IMPORT_DATA_VIEWS))
def test_runtime_import_data(golden: SnapshotAssertion, view: str) -> None:
    assert _IMPORT_DATA_VIEWS[view](RUNTIME_IMPORT) == golden


# The seed commit's shapes: i2int (an assertion to int), a value-to-interface conversion
# whose result does not escape (built inline from a stack temporary once escape analysis
# says so) and one whose result escapes (runtime.convT64).
_SEED_GO = """\
package main

var sink interface{}

//go:noinline
func i2int(i interface{}) int {
	return i.(int)
}

//go:noinline
func convNoEscape(x int) int {
	i := interface{}(x)
	x += 2
	return i.(int)
}

//go:noinline
func convEscape(x int) {
	sink = x
}

func main() {
	println(convNoEscape(5))
	convEscape(7)
	println(i2int(sink))
}
"""

_ASM_FUNCS = {"i2int": "main.i2int", "noescape": "main.convNoEscape",
              "escape": "main.convEscape"}


def split_listing(listing: str) -> dict[str, str]:
    """The -S listing cut into functions: symbol -> its header line and instructions."""
    funcs: dict[str, list[str]] = {}
    cur: list[str] = []
    for line in listing.splitlines():
        if line and not line[0].isspace():
            cur = funcs.setdefault(line.split()[0], [])
        cur.append(line)
    return {name: "\n".join(lines) + "\n" for name, lines in funcs.items()}


@pytest.fixture(scope="module")
def seed_listing(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    d: Path = tmp_path_factory.mktemp("seed")
    (d / "seed.go").write_text(_SEED_GO)
    with contextlib.chdir(d):
        res = driver.compile_files(driver.Config(files=("seed.go",), listing=True),
                                   Diagnostics())
    return split_listing(res.listing)


@pytest.mark.parametrize("name", sorted(_ASM_FUNCS))
def test_seed_asm(golden: SnapshotAssertion, seed_listing: dict[str, str], name: str) -> None:
    assert seed_listing[_ASM_FUNCS[name]] == golden


# The -m and -live reports of the seed-like cases: cases/escape/conv.go (where each
# conversion's value flows) and cases/live/iface.go (test/live.go's f9 pattern:
# `live at call to convT: x.data`). The cases check single lines by regexp;
# the snapshots pin the whole report, so any change in wording, order or position shows.
_REPORT_CASES = {
    "m": ("cases/escape/conv.go", driver.Config(files=(), escape_level=1, no_inline=True)),
    "live": ("cases/live/iface.go", driver.Config(files=(), live=True, no_inline=True)),
}
_REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("flag", sorted(_REPORT_CASES))
def test_seed_reports(golden: SnapshotAssertion, flag: str) -> None:
    path, cfg = _REPORT_CASES[flag]
    diags = Diagnostics()
    with contextlib.chdir(_REPO):
        driver.compile_files(dataclasses.replace(cfg, files=(path,)), diags)
    assert diags.errors == 0
    report = "".join(f"{d}\n" for d in diags.sorted() if d.warning)
    assert report and report == golden


def test_export_data_errors(golden: SnapshotAssertion, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The export data of the library package errors, as importers read it from the
    build cache: its declarations (compiler/units.py's strip_bodies, the cache's decls
    entry) and its unit's escape tags, inlining costs and inlinable bodies."""
    from compiler import cache, syntax, units

    monkeypatch.setenv("REFGO_CACHE", str(tmp_path / "cache"))
    prog = tmp_path / "p.go"
    prog.write_text('package main\n\nimport "errors"\n\nfunc main() { _ = errors.New("x") }\n')
    units.compile_units(driver.Config(files=(str(prog),), program=True), Diagnostics())
    c = cache.Cache(cache.cache_dir())
    found = [units.load_unit(c, p.name) for p in sorted(c.dir.glob("??/*"))]
    unit = next(u for u in found if u is not None and u.path == "errors")
    diags = Diagnostics()
    srcs = driver.lib_sources("errors", diags)
    files = units.strip_bodies([syntax.parse_file(Path(f).name, src, diags)
                                for f, src in srcs])
    decls = ed.decode(units.export_decls("errors", files)).decls
    blob = ed.encode(dataclasses.replace(ed.decode(unit.export), decls=decls))
    assert ed.listing(blob) == golden
