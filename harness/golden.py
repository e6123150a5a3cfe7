"""Golden snapshots: a syrupy extension that keeps each snapshot as a readable text file.

A golden test is an ordinary (usually parametrized) test function marked `golden` that
compares text with the `golden` fixture:

    @pytest.mark.golden
    @pytest.mark.parametrize("name", ["escaped", "listing"])
    def test_import_data(golden: SnapshotAssertion, name: str) -> None:
        assert render(name) == golden

The snapshot of `tests/test_golden.py::test_import_data[listing]` is the file
`golden/test_golden/test_import_data[listing].txt`, where `golden/` sits beside the
repository's pyproject.toml. A mismatch fails with a line diff; `pytest --snapshot-update`
rewrites the files. A *stale* file, one that no collected test can write any more (its
parametrization or test was removed, or its test module is gone), fails the run with a
list of such files, also under `-m golden` and xdist, where syrupy's own unused-snapshot
report stays silent; `--snapshot-update` deletes it.

xdist: syrupy 7 merges each worker's report on the controller, and every snapshot here is
its own file, so parallel runs compare safely. Updating is kept out of that machinery on
purpose: with `--snapshot-update`, this plugin turns xdist off (`-n 0`) before xdist
starts its workers and says so in the report header, so an update can never lose an entry
or delete a snapshot that another worker used (`tests/test_golden_xdist.py` checks both).

Load it as a pytest plugin (`pytest_plugins = ["harness.golden"]` in harness/plugin.py,
or `-p harness.golden`) for the `golden` fixture and the update hook.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

if TYPE_CHECKING:
    from syrupy.assertion import SnapshotAssertion
    from syrupy.location import PyTestLocation
    from syrupy.types import PropertyFilter, PropertyMatcher, SerializableData, SerializedData

GOLDEN_DIRNAME = "golden"

_SERIAL_KEY = pytest.StashKey[str]()
_STALE_KEY = pytest.StashKey[set[str]]()
_WORKER_OUTPUT = "refgo_golden_stale"
_INDEX_SUFFIX = re.compile(r"(\.\d+|\[.*\])?")


def golden_dir(test_file: Path) -> Path:
    """The golden/ directory of the project holding test_file (nearest pyproject.toml)."""
    return _golden_dir_of(str(test_file.resolve().parent))


@functools.lru_cache(maxsize=256)
def _golden_dir_of(directory: str) -> Path:
    start = Path(directory)
    for d in (start, *start.parents):
        if (d / "pyproject.toml").is_file():
            return d / GOLDEN_DIRNAME
    return start.parent / GOLDEN_DIRNAME


class GoldenExtension(SingleFileSnapshotExtension):
    """One UTF-8 text file per snapshot under golden/<test module>/<test id>.txt."""

    file_extension = "txt"
    _write_mode = WriteMode.TEXT

    def serialize(
        self,
        data: SerializableData,
        *,
        exclude: PropertyFilter | None = None,
        include: PropertyFilter | None = None,
        matcher: PropertyMatcher | None = None,
    ) -> SerializedData:
        """The text itself; anything but str is a test bug (golden files are text)."""
        if not isinstance(data, str):
            raise TypeError(f"golden snapshots hold text; got {type(data).__name__}")
        return data

    @classmethod
    def dirname(cls, *, test_location: PyTestLocation) -> str:
        """golden/<test module basename> for the project the test file belongs to."""
        test_file = Path(test_location.filepath)
        return str(golden_dir(test_file) / test_location.basename)


def golden_assertion(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """syrupy's `snapshot` fixture switched to the golden/ text-file extension."""
    return snapshot.use_extension(GoldenExtension)


@pytest.fixture
def golden(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """A snapshot assertion stored as golden/<module>/<test id>.txt."""
    return golden_assertion(snapshot)


def _xdist_requested(config: pytest.Config) -> bool:
    """Whether xdist is about to start workers for this run (-n N, N > 0, or auto)."""
    n: Any = getattr(config.option, "numprocesses", None)
    return bool(n) and bool(getattr(config.option, "tx", None))


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """With --snapshot-update under xdist, run in this one process instead of workers.

    Runs before xdist's own pytest_configure, which is where xdist decides to start
    its workers; do NOT move this to a later hook.
    """
    if config.pluginmanager.hasplugin("xdist") and not config.pluginmanager.hasplugin(
        "refgo-golden-xdist"
    ):
        config.pluginmanager.register(_XdistHooks(), "refgo-golden-xdist")
    if not getattr(config.option, "update_snapshots", False):
        return
    if not _xdist_requested(config):
        return
    n = config.option.numprocesses
    config.option.numprocesses = 0
    config.option.dist = "no"
    config.option.tx = []
    config.stash[_SERIAL_KEY] = (
        f"golden: --snapshot-update runs in one process (xdist -n {n} turned off) "
        "so that no snapshot is lost"
    )


def pytest_report_header(config: pytest.Config) -> str | None:
    """The one line saying that xdist was turned off for a snapshot update."""
    return config.stash.get(_SERIAL_KEY, None)


# ---------------------------------------------------------------------------------------
# Stale snapshots
#
# syrupy reports unused snapshots only when every collected test of a module was selected,
# so `pytest -m golden` (which deselects the module's other tests) would never see them.
# A golden file is stale here when no *collected* test could write it: its module is
# collected and no test id of that module names it, or no test module of its directory
# name exists any more. That depends on collection only, never on -m/-k or xdist.


def sanitize(name: str) -> str:
    """A test id as syrupy's single-file extensions spell it in a file name."""
    return "".join(
        c for c in name if c not in '\\/?*:|"<>' and not unicodedata.category(c).startswith("C")
    )


def _owns(stem: str, names: set[str]) -> bool:
    """Whether a snapshot file stem belongs to one of the (sanitized) test ids."""
    return any(
        stem.startswith(n) and _INDEX_SUFFIX.fullmatch(stem, len(n)) is not None
        for n in names
    )


def _module_exists(project: Path, stem: str, dirs: set[str]) -> bool:
    """Whether a test module `stem.py` exists in a collected directory or the project
    (hidden directories such as .venv and .git are not searched)."""
    if any((Path(d) / f"{stem}.py").exists() for d in dirs):
        return True
    for _top, subdirs, files in os.walk(project):
        subdirs[:] = [d for d in subdirs if not d.startswith(".") and d != "__pycache__"]
        if f"{stem}.py" in files:
            return True
    return False


def snapshot_stem(item: pytest.Item) -> str:
    """The file stem syrupy gives item's first snapshot: `[Class.]test_name[id]`."""
    classes = item.nodeid.split("::")[1:-1]
    return sanitize(".".join([*classes, item.name]))


def stale_golden_files(items: list[pytest.Item], partial: frozenset[Path] = frozenset()
                       ) -> set[str]:
    """The golden/ files (absolute paths) that no collected test among items can write.

    `partial` lists test modules only some of whose tests were collected (`file::test`
    arguments); their golden files are not judged.
    """
    ids: dict[Path, set[str]] = {}
    modules: dict[Path, set[str]] = {}
    for item in items:
        if not isinstance(item, pytest.Function):
            continue
        path = Path(item.path)
        if path.resolve() in partial:
            continue
        root = golden_dir(path)
        ids.setdefault(root / path.stem, set()).add(snapshot_stem(item))
        modules.setdefault(root, set()).add(str(path.parent.resolve()))
    stale: set[str] = set()
    for root, dirs in modules.items():
        if not root.is_dir():
            continue
        for sub in sorted(p for p in root.iterdir() if p.is_dir()):
            names = ids.get(sub)
            if names is None and _module_exists(root.parent, sub.name, dirs):
                continue
            for f in sub.glob("*.txt"):
                if names is None or not _owns(f.name[: -len(".txt")], names):
                    stale.add(str(f))
    return stale


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Find stale golden files from the full collection (before -m/-k deselect).

    Skipped under --lf, which collects only the failed tests of a module.
    """
    if getattr(config.option, "lf", False):
        return
    partial = frozenset(
        (config.invocation_params.dir / a.split("::")[0]).resolve()
        for a in config.args if "::" in a
    )
    stale = stale_golden_files(items, partial)
    config.stash[_STALE_KEY] = stale
    output = getattr(config, "workeroutput", None)
    if output is not None:
        output[_WORKER_OUTPUT] = sorted(stale)


class _XdistHooks:
    """Controller side under xdist: the stale set comes from the workers' collection."""

    def pytest_testnodedown(self, node: Any, error: Any) -> None:
        """Merge a finished worker's stale list into the controller's."""
        found = getattr(node, "workeroutput", {}).get(_WORKER_OUTPUT, ())
        node.config.stash.setdefault(_STALE_KEY, set()).update(found)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Delete stale files on --snapshot-update; otherwise fail the run if there are any."""
    config = session.config
    if getattr(config, "workeroutput", None) is not None:
        return
    stale = config.stash.get(_STALE_KEY, set())
    if not stale:
        return
    if getattr(config.option, "update_snapshots", False):
        for f in stale:
            Path(f).unlink(missing_ok=True)
            try:
                Path(f).parent.rmdir()
            except OSError:
                pass
    elif session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """List the stale golden files (or the ones just deleted)."""
    if getattr(config, "workeroutput", None) is not None:
        return
    found: set[str] = config.stash.get(_STALE_KEY, set())
    stale = sorted(found)
    if not stale:
        return
    updating = getattr(config.option, "update_snapshots", False)
    verb = "deleted" if updating else "found"
    terminalreporter.write_sep("-", f"golden: {len(stale)} stale snapshot file(s) {verb}")
    root = config.rootpath
    for f in stale:
        p = Path(f)
        shown = p.relative_to(root) if p.is_relative_to(root) else p
        terminalreporter.write_line(f"stale golden file (no collected test writes it): {shown}")
    if not updating:
        terminalreporter.write_line("Re-run pytest with --snapshot-update to delete them.")
