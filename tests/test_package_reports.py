"""A case whose directive asks for -m, -live or -S reports the same compiled a package
at a time (`refgo compile -D -I`, compiler/units.py's report_package) as compiled whole
(`refgo compile`): the same exit status, diagnostics and listing. In-process and
compile only: no program is linked or run.

One case per directory and flag set: our cases are single packages, for which
report_package runs driver.compile_files with an empty driver.Separate (no archives,
tags, costs or bodies), so a second case of the same flags goes down the same path
again at two whole-program compiles (about 11 s) a case. Reports over archives of
imported packages are tests/test_units.py's (test_reports_of_a_package_as_the_whole_program)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler import cli
from harness.directives import parse_header

ROOT = Path(__file__).resolve().parent.parent


def _cases() -> list[tuple[str, tuple[str, ...]]]:
    """(case file relative to ROOT, its compile flags) for the first reporting case, in
    path order, of each directory and flag set."""
    out = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for f in sorted((ROOT / "cases").rglob("*.go")):
        h = parse_header(f.read_text())
        if h is None or h.directive is None:
            continue
        fl = tuple(h.directive.flags)
        if h.keyword == "asmcheck":
            fl = ("-S", *fl)
        elif h.keyword.startswith("errorcheck") and any(
                x == "-live" or x == "-m" or x.startswith("-m=") for x in fl):
            fl = ("-e", *fl)
        else:
            continue
        if (f.parent.name, fl) not in seen:
            seen.add((f.parent.name, fl))
            out.append((f.relative_to(ROOT).as_posix(), fl))
    return out


CASES = _cases()


def test_cases_found() -> None:
    assert sum("-S" in fl for _, fl in CASES) >= 2
    assert sum("-live" in fl for _, fl in CASES) >= 4
    assert sum("-m" in fl for _, fl in CASES) >= 4


@pytest.mark.parametrize(("case", "flags"), CASES, ids=[c for c, _ in CASES])
def test_same_reports_a_package_at_a_time(
        case: str, flags: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REFGO_CACHE", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    src = str(ROOT / case)
    monkeypatch.setenv("REFGO_PKGCACHE", "0")
    whole_rc = cli.main(["compile", *flags, "-o", "whole.o", src])
    whole = capsys.readouterr()
    monkeypatch.setenv("REFGO_PKGCACHE", "1")
    rc = cli.main(["compile", "-D", "test", "-I", ".", *flags, "-o", "pkg.o", src])
    got = capsys.readouterr()
    assert (rc, got.err) == (whole_rc, whole.err)
    assert got.out == whole.out
    assert whole.err or whole.out
