"""The mypyc accelerator's import hook (compiler/accel): it serves a build only while the
build's key names the current sources and interpreter, and never with REFGO_ACCEL=0.

The first tests use a fake build (no C compiler needed); the last ones need a real one
(`python -m compiler.accel build`) and are skipped without it."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from compiler import accel, ir

REPO = Path(__file__).resolve().parent.parent
_PROBE = "import sys, compiler.accel as a, compiler.regalloc; print(a.served(), a.STATE)"


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """accel with no decision made yet, its builds under tmp_path and one module,
    refgo_accel_probe (never loaded); the finder it installs is removed afterwards."""
    monkeypatch.setattr(accel, "ACCEL_DIR", str(tmp_path))
    monkeypatch.setattr(accel, "STATE", {})
    monkeypatch.setattr(accel, "MODULES", ("refgo_accel_probe",))
    monkeypatch.setattr(accel, "LIB", "refgo_accel_probe_lib")
    monkeypatch.delenv("REFGO_ACCEL", raising=False)
    before = list(sys.meta_path)
    yield tmp_path
    sys.meta_path[:] = before


def _finders() -> list[accel.Finder]:
    """The finders the test process has (a real build's, if one is current, first)."""
    return [f for f in sys.meta_path if isinstance(f, accel.Finder)]


def fake_build(root: Path, key: str) -> Path:
    """An empty build directory for key (never loaded)."""
    d = root / (key + "mypy0")
    d.mkdir()
    return d


def test_current_build_is_served(fresh: Path) -> None:
    d = fake_build(fresh, accel.key_prefix())
    accel.install()
    assert accel.STATE == {"dir": str(d)}
    finder = sys.meta_path[0]
    assert isinstance(finder, accel.Finder) and finder.files.keys() == {
        "refgo_accel_probe", "refgo_accel_probe_lib__mypyc"}
    spec = finder.find_spec("refgo_accel_probe")
    assert spec is not None and spec.origin == str(d / f"refgo_accel_probe.{accel.soabi()}.so")
    assert finder.find_spec("compiler.regalloc") is None


def test_stale_build_is_not_served(fresh: Path) -> None:
    """A build for other sources (a source edited since the build, or another tree's)
    leaves the pure-Python modules in place."""
    fake_build(fresh, "0" * 64 + f"-{accel.soabi()}-")
    before = _finders()
    accel.install()
    assert "no build for the current sources" in accel.STATE["reason"]
    assert _finders() == before


def test_build_for_another_interpreter(fresh: Path) -> None:
    fake_build(fresh, accel.source_hash() + "-cpython-399-x86_64-linux-gnu-")
    accel.install()
    assert "no build for the current sources" in accel.STATE["reason"]


def test_turned_off(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_build(fresh, accel.key_prefix())
    monkeypatch.setenv("REFGO_ACCEL", "0")
    before = _finders()
    accel.install()
    assert accel.STATE == {"reason": "turned off (REFGO_ACCEL=0)"}
    assert _finders() == before


def _real_build() -> Path:
    accel.STATE.get("dir") or pytest.skip(f"no accelerator build: {accel.STATE.get('reason')}")
    return Path(accel.STATE["dir"])


def _probe(root: Path, **env: str) -> str:
    p = subprocess.run([sys.executable, "-c", _PROBE], cwd=root, capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(root), **env}, check=True)
    return p.stdout


def test_real_build_served_and_turned_off() -> None:
    build = _real_build()
    out = _probe(REPO)
    assert "'compiler.regalloc'" in out and "'refgo_accel__mypyc'" in out and str(build) in out
    assert _probe(REPO, REFGO_ACCEL="0").startswith("[] {'reason': 'turned off")


def test_real_build_not_served_after_an_edit(tmp_path: Path) -> None:
    """A copy of the tree with its build is served until one compiler source changes."""
    build = _real_build()
    shutil.copytree(REPO / "compiler", tmp_path / "compiler",
                    ignore=shutil.ignore_patterns("__pycache__", "lib"))
    shutil.copytree(build, tmp_path / ".accel" / build.name)
    assert "compiler.regalloc" in _probe(tmp_path)
    with open(tmp_path / "compiler" / "fold.py", "a", encoding="utf-8") as f:
        f.write("\n# edited\n")
    out = _probe(tmp_path)
    assert out.startswith("[] {'reason': 'no build for the current sources"), out


_OPERAND_WORDS = ("Mem", "Operand", "Local", "Arg")


def test_operand_fields_match_the_annotations() -> None:
    """ir.OPERAND_FIELDS spells out what ir.py's annotations say (read from the source:
    a compiled ir reports a union's type as `type`)."""
    want: dict[str, tuple[str, ...]] = {}
    for node in ast.parse((REPO / "compiler" / "ir.py").read_text()).body:
        if isinstance(node, ast.ClassDef):
            names = tuple(st.target.id for st in node.body
                          if isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name)
                          and any(w in ast.unparse(st.annotation) for w in _OPERAND_WORDS))
            if names:
                want[node.name] = names
    assert {c.__name__: f for c, f in ir.OPERAND_FIELDS.items()} == want


def test_build_prunes_only_builds_unused_for_an_hour(fresh: Path) -> None:
    """A build removes the older builds no process started serving within
    KEEP_UNUSED seconds, never the one just made or one being made."""
    from compiler.accel.__main__ import prune  # noqa: PLC0415 - the command's module

    now = 1_000_000.0
    new, recent, old = (fake_build(fresh, f"{n}-") for n in ("new", "recent", "old"))
    tmp = fresh / ".tmp-abc"
    tmp.mkdir()
    os.utime(recent, (now, now - 60))
    os.utime(old, (now, now - accel.KEEP_UNUSED - 1))
    os.utime(tmp, (now, now - 10 * accel.KEEP_UNUSED))
    assert prune(str(new), now) == [old.name]
    assert sorted(p.name for p in fresh.iterdir()) == sorted([new.name, recent.name, tmp.name])


def test_serving_a_build_marks_it_used(fresh: Path) -> None:
    d = fake_build(fresh, accel.key_prefix())
    os.utime(d, (0, 0))
    accel.install()
    assert accel.STATE == {"dir": str(d)}
    assert d.stat().st_mtime > accel.KEEP_UNUSED
