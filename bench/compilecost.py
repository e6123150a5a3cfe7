"""Compile cost over Go's test tree: the slowest and largest `refgo compile`s.

    python -m bench.compilecost [-tree /usr/share/go-1.19/test] [-timeout 20]
                                [-kill S] [-mem-gib 1] [-every N] [-largest-first]
                                [-j 1] [-log out.jsonl]
    python -m bench.compilecost -report out.jsonl

Compiles each test file of the tree (`*.go` in the tree and its directories, not the
`*.dir` helper packages) with `refgo compile -o x.o FILE` under a wall-clock limit
and an address-space limit, and records its wall and CPU time, peak RSS and exit
status (one JSON line per file in -log, written as it goes, so a partial run can be
reported with -report). On a loaded machine wall time overstates a compile's cost:
a compile is stopped at -timeout + 1 s of CPU time (SIGXCPU), and -kill 600 lets one
waiting for the CPU run on that long in wall time. The report lists
the ten slowest and the ten largest compiles, the files over -timeout (by wall and by
CPU time) or -mem-gib, and the internal compiler errors (exit 3) and Python tracebacks:

    files 2714   over 20 s: 0 wall, 0 cpu   over 1 GiB: 0   internal errors: 4   tracebacks: 0
    slowest:
      11.02 s cpu   18.31 s wall    412 MB  exit 0  fixedbugs/issue29312.go
      ...

Every file should compile, or fail with a clear error, within 20 s and 1 GiB (the goal
issue 23 set; docs/conformance.md has the last figures). -every N takes every Nth file
(a subset, for a shared machine); the run is sequential unless -j says otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TOP = 10


@dataclass(frozen=True, slots=True)
class Cost:
    """One compile: the file relative to the tree, wall seconds, peak RSS in KiB, exit
    status (-9 killed at the timeout), whether stderr held a Python traceback, the
    first line of stderr, and CPU seconds (user plus system; logs written before it
    was recorded read 0)."""

    file: str
    seconds: float
    rss_kib: int
    status: int
    traceback: bool
    first: str
    cpu: float = 0.0


def test_files(tree: Path) -> Iterator[Path]:
    """The tree's test files in sorted order (helper packages under *.dir excluded)."""
    for p in sorted(tree.rglob("*.go")):
        if not any(part.endswith(".dir") for part in p.relative_to(tree).parts):
            yield p


def measure(tree: Path, path: Path, cpu: float, timeout: float, mem_bytes: int) -> Cost:
    """Compile path once under the limits (cpu seconds of CPU time, timeout of wall
    time, mem_bytes of address space) and return what it cost (the child is reaped with
    wait4, for its own peak RSS and CPU time)."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (mem_bytes, mem_bytes))
        secs = int(cpu) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (secs, secs + 1))

    with tempfile.TemporaryDirectory(prefix="refgo-cost-") as tmp:
        cmd = [sys.executable, "-m", "compiler", "compile", "-o", f"{tmp}/x.o", str(path)]
        env = dict(os.environ, PYTHONPATH=str(REPO))
        with open(f"{tmp}/err", "wb") as err:
            t0 = time.monotonic()
            p = subprocess.Popen(cmd, cwd=tmp, env=env, stdout=subprocess.DEVNULL,
                                 stderr=err, preexec_fn=limit)
            while True:
                pid, status, ru = os.wait4(p.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() - t0 > timeout:
                    p.kill()
                    _, status, ru = os.wait4(p.pid, 0)
                    break
                time.sleep(0.02)
            secs = time.monotonic() - t0
        p.returncode = rc = os.waitstatus_to_exitcode(status)
        text = Path(f"{tmp}/err").read_text(errors="replace")
    return Cost(str(path.relative_to(tree)), round(secs, 2), ru.ru_maxrss, rc,
                "Traceback (most recent call last)" in text,
                text.splitlines()[0][:200] if text else "",
                round(ru.ru_utime + ru.ru_stime, 2))


def report(costs: list[Cost], timeout: float, mem_gib: float) -> str:
    """The summary: counts, then the ten slowest (by CPU time, which load on a shared
    machine inflates less than wall time) and the ten largest."""
    over_t = [c for c in costs if c.seconds >= timeout or c.status == -9]
    over_cpu = [c for c in costs if c.cpu >= timeout or c.status == -signal.SIGXCPU]
    over_m = [c for c in costs if c.rss_kib > mem_gib * (1 << 20)]
    ice = [c for c in costs if c.status == 3]
    tb = [c for c in costs if c.traceback]

    def row(c: Cost) -> str:
        return (f"  {c.cpu:7.2f} s cpu {c.seconds:7.2f} s wall {c.rss_kib // 1024:6d} MB  "
                f"exit {c.status:<3d} {c.file}")

    out = [f"files {len(costs)}   over {timeout:g} s: {len(over_t)} wall, {len(over_cpu)} cpu   "
           f"over {mem_gib:g} GiB: {len(over_m)}   internal errors: {len(ice)}   "
           f"tracebacks: {len(tb)}",
           "slowest:",
           *(row(c) for c in sorted(costs, key=lambda c: (-c.cpu, -c.seconds))[:TOP]),
           "largest:", *(row(c) for c in sorted(costs, key=lambda c: -c.rss_kib)[:TOP])]
    if ice:
        out.append("internal errors:")
        out.extend(f"  {c.file}: {c.first}" for c in ice)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.compilecost", description=__doc__.split("\n")[0])
    ap.add_argument("-tree", default="/usr/share/go-1.19/test")
    ap.add_argument("-timeout", type=float, default=20.0)
    ap.add_argument("-mem-gib", type=float, default=1.0)
    ap.add_argument("-limit-gib", type=float, default=2.0,
                    help="address-space limit per compile (above -mem-gib: Python "
                         "reserves more address space than it touches)")
    ap.add_argument("-kill", type=float, default=0.0,
                    help="wall seconds before a compile is killed (default -timeout + 1; "
                         "CPU time is limited to -timeout + 1 s whatever this says)")
    ap.add_argument("-largest-first", action="store_true",
                    help="compile the files in decreasing size, so that a run stopped "
                         "early has seen the likeliest slow ones")
    ap.add_argument("-every", type=int, default=1)
    ap.add_argument("-j", type=int, default=1)
    ap.add_argument("-log", default="")
    ap.add_argument("-report", default="")
    a = ap.parse_args(argv)
    if a.report:
        lines = Path(a.report).read_text().splitlines()
        print(report([Cost(**json.loads(x)) for x in lines if x], a.timeout, a.mem_gib))
        return 0
    tree = Path(a.tree)
    if not tree.is_dir():
        print(f"bench.compilecost: no Go test tree at {tree}", file=sys.stderr)
        return 2
    files = list(test_files(tree))[::a.every]
    if a.largest_first:
        files.sort(key=lambda p: -p.stat().st_size)
    log = open(a.log, "a") if a.log else None  # noqa: SIM115 - appended as results come
    costs: list[Cost] = []
    with ThreadPoolExecutor(a.j) as pool:
        for c in pool.map(lambda p: measure(tree, p, a.timeout, a.kill or a.timeout + 1,
                                            int(a.limit_gib * (1 << 30))), files):
            costs.append(c)
            if log:
                log.write(json.dumps(asdict(c)) + "\n")
                log.flush()
    if log:
        log.close()
    print(report(costs, a.timeout, a.mem_gib))
    return 0


if __name__ == "__main__":
    sys.exit(main())
