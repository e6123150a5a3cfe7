"""Deterministic, duration-balanced CI shards: ``pytest --shard=I/N``.

This module is a pytest plugin (``-p harness.sharding``; ``harness.plugin`` lists it) and
holds the pure assignment it is built on.

Worked example.  The committed durations file ``.test_durations.json`` holds::

    {"t.py::a": 4.0, "t.py::b": 3.0, "t.py::c": 2.0, "t.py::d": 1.0}

and the suite collects those four ids plus ``t.py::new``, added since the file was
written.  ``assign(ids, durations, 2)`` works in two steps:

1. The timed ids (those with a stored duration), longest first, ties by id, each go to
   the share with the smallest load so far, ties to the lower index (greedy LPT):
   a → 1 (load 4), b → 2 (3), c → 2 (5), d → 1 (5).
2. Every untimed id goes to share ``blake2b-64(id) mod N`` + 1: ``t.py::new`` → 1.

so ``--shard=1/2`` runs a, d, new and ``--shard=2/2`` runs b, c.

Guarantees of ``assign`` (and therefore of ``--shard``), for every N >= 1:

- Partition: every collected id is in exactly one share; the union of the N shares is
  the collected suite.
- Determinism: an id's share depends only on the id, N, the set of collected timed ids
  and their stored durations; never on collection order, the xdist worker, the clock,
  or ``-k``/``-m``.  Every xdist worker therefore computes the same share.
- Stability: an untimed id's share depends on nothing but the id and N.  Adding or
  removing an untimed case (the usual change: a new case file) moves no other case.
  Adding or removing a timed case, or refreshing the durations file, may re-balance the
  timed cases; it never moves an untimed one.
- Balance: over the timed ids the heaviest and lightest share differ by at most the
  longest single stored duration (the share that ended heaviest was the lightest when
  it took its last id).  Untimed ids are spread uniformly by the hash; weighed at the
  median stored duration their expected load is the same on every share, so they do
  not bias the timed placement, and the share estimates below count them at the median.

Selection and other filters.  The selecting hook is a plain hookimpl of an object
registered at ``pytest_configure``, after pytest's own plugins; pluggy calls the
later-registered first, so it runs before pytest's ``-k``, ``-m`` and ``--deselect``
handling, and after every ``tryfirst`` hook such as harness.golden's stale-snapshot
check, which must see the whole suite (do NOT make this hook ``tryfirst``).  The
assignment thus sees every collected item and the user's filters then narrow the
share: ``pytest --shard=I/N -k E`` runs exactly share I ∩ {cases matching E}, and the
N shares of any command line together run what that command line runs without
``--shard``.  Paths decide what is collected, so the shares of ``pytest cases/`` are
balanced over ``cases/`` alone.  Dropped items are reported through
``pytest_deselected``.  With ``--shard`` an empty share is not an error: exit status 5
("no tests collected") becomes 0 when the share, not the suite, is empty.

Durations.  ``--store-durations`` merges the call-phase duration of every test that ran
into the durations file (``--durations-file``, default ``.test_durations.json`` in the
rootdir): sorted keys, values rounded to 4 decimals, written atomically by the process
that sees all reports (the xdist controller, or the only process without xdist).
Entries of ids no longer collected are kept; they never affect an assignment.
Setup and teardown are left out on purpose: a session fixture such as the toolchain
image build would otherwise be charged to whichever case ran first on each worker.

``python -m harness.sharding [--durations FILE] [--ids FILE] N...`` prints the planned
loads of N shares (ids from ``pytest --collect-only -q`` output; default: the ids in the
durations file) and the largest/smallest ratio.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import statistics
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

DURATIONS_FILE = ".test_durations.json"
ROUND_DIGITS = 4


@dataclass(frozen=True, slots=True)
class Shard:
    """One share of a sharded run; index is 1-based, 1 <= index <= count."""

    index: int
    count: int


def parse_shard(text: str) -> Shard:
    """Parse ``I/N`` (1 <= I <= N); raise ValueError with a one-line reason otherwise."""
    left, slash, right = text.strip().partition("/")
    if not slash or not left.isdigit() or not right.isdigit():
        raise ValueError(f"expected I/N with whole numbers, as in 2/3; got {text!r}")
    index, count = int(left), int(right)
    if count < 1:
        raise ValueError(f"the shard count N must be at least 1; got {text!r}")
    if not 1 <= index <= count:
        raise ValueError(f"the shard index I must be between 1 and {count}; got {text!r}")
    return Shard(index, count)


def _shard_option(text: str) -> Shard:
    """Argparse type for ``--shard``: a bad value becomes a pytest usage error."""
    try:
        return parse_shard(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def hash_share(nodeid: str, n: int) -> int:
    """Return the 0-based share of an untimed id: blake2b-64 of its UTF-8 bytes, mod n."""
    digest = hashlib.blake2b(nodeid.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % n


def share_indices(ids: Iterable[str], durations: Mapping[str, float], n: int) -> dict[str, int]:
    """Map each distinct id to its 0-based share by the rules in the module docstring."""
    if n < 1:
        raise ValueError(f"the shard count must be at least 1; got {n}")
    unique = set(ids)
    timed = sorted((i for i in unique if i in durations), key=lambda i: (-durations[i], i))
    loads = [0.0] * n
    index: dict[str, int] = {}
    for nodeid in timed:
        lightest = min(range(n), key=lambda s: (loads[s], s))
        index[nodeid] = lightest
        loads[lightest] += durations[nodeid]
    for nodeid in unique.difference(index):
        index[nodeid] = hash_share(nodeid, n)
    return index


def assign(ids: Sequence[str], durations: Mapping[str, float], n: int) -> list[list[str]]:
    """Split ids into n shares (0-based list index = share I-1), each in input order."""
    index = share_indices(ids, durations, n)
    shares: list[list[str]] = [[] for _ in range(n)]
    for nodeid in ids:
        shares[index[nodeid]].append(nodeid)
    return shares


def fallback_weight(durations: Mapping[str, float]) -> float:
    """Return the weight of an untimed id in estimates: the median stored duration, or 0."""
    return statistics.median(durations.values()) if durations else 0.0


def share_loads(shares: Sequence[Sequence[str]], durations: Mapping[str, float]) -> list[float]:
    """Estimate each share's run time: stored durations, untimed ids at the median."""
    weight = fallback_weight(durations)
    return [sum(durations.get(i, weight) for i in share) for share in shares]


def load_durations(path: Path) -> dict[str, float]:
    """Read a durations file ({node id: seconds}); a missing file is empty.

    Raises ValueError with a one-line reason when the file is not such a JSON object.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as err:
        raise ValueError(f"{path}: cannot read durations file: {err.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"{path}:{err.lineno}:{err.colno}: invalid JSON: {err.msg}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object of node id -> seconds")
    durations: dict[str, float] = {}
    for key, value in data.items():
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not ok or not math.isfinite(value) or value < 0:
            raise ValueError(f"{path}: {key!r}: duration must be a number >= 0; got {value!r}")
        durations[key] = float(value)
    return durations


def write_durations(path: Path, durations: Mapping[str, float]) -> None:
    """Write durations as sorted, rounded JSON, atomically (temporary file + rename)."""
    rounded = {k: round(v, ROUND_DIGITS) for k, v in sorted(durations.items())}
    text = json.dumps(rounded, indent=2, sort_keys=True) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_collected_ids(text: str) -> list[str]:
    """Return the node ids listed by ``pytest --collect-only -q`` (or one id per line).

    The listing ends at the first blank line; what follows is pytest's summary.
    """
    ids: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            break
        ids.append(line.strip())
    return ids


def pytest_addoption(parser: pytest.Parser) -> None:
    """Register --shard, --store-durations and --durations-file."""
    group = parser.getgroup("sharding", "CI shards (harness.sharding)")
    group.addoption(
        "--shard",
        type=_shard_option,
        default=None,
        metavar="I/N",
        help="run only share I of N (1-based), balanced on stored durations",
    )
    group.addoption(
        "--store-durations",
        action="store_true",
        default=False,
        help="merge this run's test call durations into the durations file",
    )
    group.addoption(
        "--durations-file",
        default=None,
        metavar="PATH",
        help=f"durations file for --shard/--store-durations (default: rootdir/{DURATIONS_FILE})",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Attach the per-run plugin object.

    Do NOT keep run state at module level: pytester runs nested sessions in one process.
    """
    config.pluginmanager.register(ShardingPlugin(config), "harness-sharding-run")


class ShardingPlugin:
    """Hooks and state of one pytest run.

    measured is filled only when durations are stored and this process is not an xdist
    worker; collected is None until (or unless) this process collects.
    """

    def __init__(self, config: pytest.Config) -> None:
        self.shard: Shard | None = config.getoption("shard")
        self.store: bool = config.getoption("store_durations")
        raw = config.getoption("durations_file")
        self.path = Path(raw) if raw else config.rootpath / DURATIONS_FILE
        self.is_worker = hasattr(config, "workerinput")
        self.durations: dict[str, float] = {}
        if self.shard is not None or self.store:
            try:
                self.durations = load_durations(self.path)
            except ValueError as err:
                raise pytest.UsageError(str(err)) from None
        self.measured: dict[str, float] = {}
        self.collected: int | None = None
        self.summary: str | None = None
        self.stored: str | None = None

    def pytest_report_header(self) -> str | None:
        """Name the share and the durations it is balanced on."""
        if self.shard is None:
            return None
        return (
            f"shard: {self.shard.index}/{self.shard.count}, balanced on "
            f"{len(self.durations)} stored durations from {self.path.name}"
        )

    def pytest_collection_modifyitems(
        self, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        """Keep only this share's items, before -k/-m/--deselect narrow them further."""
        self.collected = len(items)
        if self.shard is None:
            return
        ids = [item.nodeid for item in items]
        index = share_indices(ids, self.durations, self.shard.count)
        want = self.shard.index - 1
        kept = [item for item in items if index[item.nodeid] == want]
        dropped = [item for item in items if index[item.nodeid] != want]
        if dropped:
            config.hook.pytest_deselected(items=dropped)
            items[:] = kept
        kept_ids = [item.nodeid for item in kept]
        untimed = sum(1 for i in kept_ids if i not in self.durations)
        estimate = share_loads([kept_ids], self.durations)[0]
        self.summary = (
            f"shard {self.shard.index}/{self.shard.count}: {len(kept)} of {len(ids)} items, "
            f"estimated {estimate:.1f}s ({untimed} without a stored duration)"
        )

    def pytest_report_collectionfinish(self) -> str | None:
        """Print the share's size and estimated time after collection (not under xdist)."""
        return self.summary

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Record call durations; under xdist the controller sees every worker's reports."""
        if self.store and not self.is_worker and report.when == "call":
            self.measured[report.nodeid] = report.duration

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        """Store measured durations; forgive an empty share (exit 5 -> 0)."""
        if self.store and not self.is_worker and self.measured:
            try:
                merged = load_durations(self.path)
            except ValueError:
                merged = dict(self.durations)
            merged.update(self.measured)
            write_durations(self.path, merged)
            self.stored = f"stored {len(self.measured)} test durations in {self.path}"
        suite_empty = self.collected == 0
        if (
            self.shard is not None
            and exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED
            and not suite_empty
        ):
            session.exitstatus = pytest.ExitCode.OK

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        """Say where --store-durations wrote."""
        if self.stored is not None:
            terminalreporter.write_line(self.stored)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: print planned share loads; return the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m harness.sharding", description="Print the planned loads of N shards."
    )
    parser.add_argument("--durations", default=DURATIONS_FILE, help="durations file")
    parser.add_argument("--ids", help="output of pytest --collect-only -q (default: all timed)")
    parser.add_argument("counts", nargs="+", type=int, metavar="N", help="shard counts")
    args = parser.parse_args(argv)
    try:
        durations = load_durations(Path(args.durations))
        if args.ids:
            ids = read_collected_ids(Path(args.ids).read_text(encoding="utf-8"))
        else:
            ids = sorted(durations)
    except (ValueError, OSError) as err:
        print(f"harness.sharding: {err}", file=sys.stderr)
        return 2
    untimed = sum(1 for i in ids if i not in durations)
    print(f"{len(ids)} ids, {untimed} without a stored duration")
    print("N  max/min  loads (s)")
    for n in args.counts:
        if n < 1:
            print(f"harness.sharding: shard count must be >= 1; got {n}", file=sys.stderr)
            return 2
        loads = share_loads(assign(ids, durations, n), durations)
        low = min(loads)
        ratio = f"{max(loads) / low:7.3f}" if low > 0 else "    inf"
        print(f"{n:<2} {ratio}  " + " ".join(f"{x:.2f}" for x in loads))
    return 0


if __name__ == "__main__":
    sys.exit(main())
