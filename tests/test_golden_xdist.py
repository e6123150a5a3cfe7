"""The golden machinery end to end, in scratch projects run by a child pytest.

- `--snapshot-update` under `-n 2` loses no entry and corrupts none (harness.golden runs
  the update in one process; the child's header says so), and deletes stale files;
- stale golden files are reported (and fail the run) under `-m golden` and under xdist;
- the change-a-signature cycle on a copy of this repository: give convT a third
  argument → `mkbuiltin -check` says out of date → `mkbuiltin` → the golden tests
  fail with a diff naming convT → `--snapshot-update` → they pass again.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
N = 40

_PYPROJECT = """\
[tool.pytest.ini_options]
testpaths = ["tests"]
markers = ["golden: golden snapshot tests"]
"""

_TEST_MODULE = """\
import pytest
from harness.golden import golden_assertion


@pytest.fixture
def golden(snapshot):
    return golden_assertion(snapshot)


@pytest.mark.golden
@pytest.mark.parametrize("i", range({n}))
def test_value(golden, i):
    assert "value %d\\nof {name}\\n" % i == golden


def test_plain():
    pass


class TestGroup:
    @pytest.mark.golden
    @pytest.mark.parametrize("k", ["a", "b"])
    def test_in_class(self, golden, k):
        assert k + "\\n" == golden
"""


def _env(project: Path) -> dict[str, str]:
    """The child's environment: no inherited pytest/xdist state; the packages of project
    (if it has them) or of this repository first."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTHONPATH"] = str(project if (project / "harness").is_dir() else ROOT)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _pytest(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "harness.golden",
        "-p",
        "no:cacheprovider",
        "-p",
        "no:randomly",
        "--snapshot-no-colors",
        *args,
    ]
    return subprocess.run(
        cmd, cwd=project, env=_env(project), capture_output=True, text=True, timeout=300
    )


def _scratch(tmp_path: Path) -> Path:
    """A project with two golden test modules; harness/ is this repository's."""
    (tmp_path / "pyproject.toml").write_text(_PYPROJECT)
    shutil.copytree(
        ROOT / "harness", tmp_path / "harness", ignore=shutil.ignore_patterns("__pycache__")
    )
    tests = tmp_path / "tests"
    tests.mkdir()
    for name in ("test_one", "test_two"):
        (tests / f"{name}.py").write_text(_TEST_MODULE.format(n=N, name=name))
    return tmp_path


def _want(name: str, i: int) -> str:
    return f"value {i}\nof {name}\n"


def _files(project: Path, module: str) -> dict[str, str]:
    d = project / "golden" / module
    return {p.name: p.read_text() for p in sorted(d.glob("test_value*"))}


def test_update_under_xdist_keeps_every_entry(tmp_path: Path) -> None:
    project = _scratch(tmp_path)
    first = _pytest(project, "-n", "2", "--snapshot-update")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "golden: --snapshot-update runs in one process (xdist -n 2 turned off)" in first.stdout
    for module in ("test_one", "test_two"):
        assert _files(project, module) == {
            f"test_value[{i}].txt": _want(module, i) for i in range(N)
        }
        klass = project / "golden" / module / "TestGroup.test_in_class[b].txt"
        assert klass.read_text() == "b\n"
    # Outdated and stale entries: rewrite some, drop one parametrization.
    gdir = project / "golden" / "test_one"
    for i in (0, 7, 39):
        (gdir / f"test_value[{i}].txt").write_text("old\n")
    (gdir / f"test_value[{N}].txt").write_text("stale\n")
    second = _pytest(project, "-n", "2", "--snapshot-update")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "3 snapshots updated" in second.stdout
    assert _files(project, "test_one") == {
        f"test_value[{i}].txt": _want("test_one", i) for i in range(N)
    }
    leftovers = [p for p in (project / "golden").rglob("*") if p.suffix in (".lock", ".tmp")]
    assert leftovers == []
    check = _pytest(project, "-n", "2")
    assert check.returncode == 0, check.stdout + check.stderr
    assert f"{2 * N + 4} snapshots passed." in check.stdout
    assert "unused" not in check.stdout and "stale golden" not in check.stdout


def test_stale_files_are_reported(tmp_path: Path) -> None:
    project = _scratch(tmp_path)
    assert _pytest(project, "--snapshot-update").returncode == 0
    stale = project / "golden" / "test_two" / "test_value[99].txt"
    stale.write_text("stale\n")
    orphan = project / "golden" / "test_gone" / "test_x.txt"
    orphan.parent.mkdir()
    orphan.write_text("orphan\n")
    for args in (["-m", "golden"], ["-n", "2", "-m", "golden"], []):
        r = _pytest(project, *args)
        assert r.returncode == 1, (args, r.stdout)
        assert "golden: 2 stale snapshot file(s) found" in r.stdout, args
        assert "golden/test_two/test_value[99].txt" in r.stdout
        assert "golden/test_gone/test_x.txt" in r.stdout
    # Running one module judges only its own files, and orphans of deleted modules.
    r = _pytest(project, "tests/test_one.py")
    assert "golden: 1 stale snapshot file(s) found" in r.stdout, r.stdout
    assert "test_value[99]" not in r.stdout
    orphan.unlink()
    r = _pytest(project, "tests/test_one.py")
    assert r.returncode == 0, r.stdout
    assert "stale golden" not in r.stdout
    orphan.write_text("orphan\n")
    assert stale.exists()
    # Only some tests of a module collected: its other files are not judged stale.
    r = _pytest(project, "tests/test_two.py::test_value[3]")
    assert r.returncode == 0, r.stdout
    r = _pytest(project, "tests/test_two.py::test_value[3]", "tests/test_one.py")
    assert r.returncode == 1, r.stdout
    assert "golden: 1 stale snapshot file(s) found" in r.stdout, r.stdout
    assert "golden/test_gone/test_x.txt" in r.stdout
    r = _pytest(project, "-m", "golden", "--snapshot-update")
    assert r.returncode == 0, r.stdout
    assert not stale.exists() and not orphan.parent.exists()
    assert _pytest(project, "-m", "golden").returncode == 0


def test_mismatch_fails_with_a_diff(tmp_path: Path) -> None:
    project = _scratch(tmp_path)
    assert _pytest(project, "--snapshot-update").returncode == 0
    (project / "golden" / "test_one" / "test_value[3].txt").write_text("value 3\nof old\n")
    r = _pytest(project, "-n", "2", "-m", "golden")
    assert r.returncode == 1
    assert "1 snapshot failed." in r.stdout
    assert re.search(r"^E\s+- of old$", r.stdout, re.M), r.stdout
    assert re.search(r"^E\s+\+ of test_one$", r.stdout, re.M), r.stdout


def _repo_copy(tmp_path: Path) -> Path:
    """The parts of this repository the golden import-data tests need, copied."""
    project = tmp_path / "repo"
    project.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for d in ("compiler", "harness", "golden"):
        shutil.copytree(ROOT / d, project / d, ignore=ignore)
    (project / "tests").mkdir()
    shutil.copy(ROOT / "tests" / "test_golden.py", project / "tests")
    shutil.copy(ROOT / "pyproject.toml", project)
    # Only the import-data snapshots: others would be stale in this partial copy.
    for p in (project / "golden").rglob("*.txt"):
        if "test_runtime_import_data[" not in p.name:
            p.unlink()
    return project


def _mkbuiltin(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compiler.builtin.mkbuiltin", *args],
        cwd=project,
        env=_env(project),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_change_a_runtime_signature_cycle(tmp_path: Path) -> None:
    project = _repo_copy(tmp_path)
    golden = ["-m", "golden", "-k", "test_runtime_import_data", "tests/test_golden.py"]
    r = _pytest(project, *golden)
    assert r.returncode == 0, r.stdout + r.stderr
    assert _mkbuiltin(project, "-check").returncode == 0

    rt = project / "compiler" / "builtin" / "runtime.go"
    old = "func convT(typ *byte, elem *any) unsafe.Pointer"
    assert old in rt.read_text()
    new = "func convT(typ *byte, elem, buf *any) unsafe.Pointer"
    rt.write_text(rt.read_text().replace(old, new))
    r = _mkbuiltin(project, "-check")
    assert r.returncode == 1
    assert "out of date; run refgo mkbuiltin" in r.stderr
    assert _mkbuiltin(project).returncode == 0

    r = _pytest(project, *golden)
    assert r.returncode == 1
    assert "2 snapshots failed." in r.stdout
    assert re.search(
        r"^E\s+- func convT\(typ \*byte, elem \*any\) unsafe\.Pointer$", r.stdout, re.M
    ), r.stdout
    assert re.search(
        r"^E\s+\+ func convT\(typ \*byte, elem \*any, buf \*any\) unsafe\.Pointer$", r.stdout, re.M
    ), r.stdout
    assert re.search(r'^E\s+\+\s+"\\x02\\x05convT\\x03', r.stdout, re.M), r.stdout

    r = _pytest(project, "-n", "2", "--snapshot-update", *golden)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "2 snapshots updated." in r.stdout
    listing = project / "golden" / "test_golden" / "test_runtime_import_data[listing].txt"
    assert "func convT(typ *byte, elem *any, buf *any) unsafe.Pointer\n" in listing.read_text()
    r = _pytest(project, *golden)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "2 snapshots passed." in r.stdout
