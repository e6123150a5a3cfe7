"""Run refgo's benchmark packages under refgo and gc 1.19, alternating, and compare.

    python -m bench.run [-bench re] [-benchtime 1s|100x] [-count n] [-o dir] [-stat min]
                        [-cpu] [-compilers refgo,base,gc] [-base DIR] [-go /path/to/go]
                        [pkgdir...]

Each package (default: every directory under bench/ holding a `_test.go` file) is built
once per compiler into a test binary (`refgo test`'s build, `go test -c` in GOPATH
mode). Then, -count times over, every binary runs once with `-test.run ^$
-test.bench re -test.benchtime d -test.count 1`, alternating compilers so that machine
noise hits both alike. The output is benchstat's input format per compiler, then a
table of medians:

    refgo:
    BenchmarkEfaceInteger-2   	1000000	        4.59 ns/op
    ...
    benchmark                       refgo ns/op   gc ns/op     refgo/gc
    BenchmarkEfaceInteger-2         4.59          1.75         2.62x
    pair                            refgo         gc
    LoaderConv/LoaderDirect         1.70x         1.38x

With three compilers every ratio column is against the last one. `base` is refgo built
from another source tree (-base DIR, e.g. `git archive HEAD | tar -x -C DIR`), for
before/after figures in one run. The pair rows are ratios of two benchmarks' medians
under one compiler (PAIRS). `-stat min` uses each benchmark's fastest run instead of
its median: on a machine whose neighbours steal time in bursts, interference only ever
adds, so the minimum of many short runs is the steadier estimate. With
-o dir it also writes dir/<compiler>.txt for `benchstat refgo.txt gc.txt`. A binary
that fails (a test or a benchmark crashes) stops the run with its output.

`-cpu` reads CPU time instead of wall time, for a machine other work keeps busy: each
benchmark runs in a process of its own (`-test.bench ^Name$`), and its ns/op is scaled
by that process's CPU time (user + system, all its threads) over its wall time. A run
that waited half its wall time for a core reports half its ns/op; work a runtime does
on other threads (gc's concurrent collector) is counted. The names come from one
`-test.benchtime 1x` run of each binary first, which no sample includes.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GO_CANDIDATES = ("/usr/lib/go-1.19/bin/go", "/usr/local/go/bin/go")

# (numerator, denominator) benchmark names whose median ratio is shown per compiler.
PAIRS: tuple[tuple[str, str], ...] = (
    ("LoaderConv", "LoaderDirect"),
    ("StackGeneric", "StackConcrete"),
    ("OMapGeneric", "OMapConcrete"),
)

_LINE = re.compile(r"^(Benchmark\S+)\s+(\d+)\s+([0-9.]+) ns/op\b.*$")
_PROCS = re.compile(r"-\d+$")


class BenchError(Exception):
    """A build or run failure: the message is printed and the runner exits 1."""


@dataclass(slots=True)
class Results:
    """One compiler's benchmark lines in run order and ns/op samples by benchmark name."""

    lines: list[str] = field(default_factory=list)
    samples: dict[str, list[float]] = field(default_factory=dict)
    header: list[str] = field(default_factory=list)


def default_packages() -> list[Path]:
    """Every directory directly under bench/ that holds a _test.go file, sorted."""
    return sorted(d for d in HERE.iterdir()
                  if d.is_dir() and any(d.glob("*_test.go")))


def find_go(explicit: str) -> str:
    """The go command to use: -go, else the first installed candidate, else PATH."""
    if explicit:
        return explicit
    for cand in GO_CANDIDATES:
        if os.access(cand, os.X_OK):
            return cand
    found = shutil.which("go")
    if found is None:
        raise BenchError("no go command found (pass -go or drop gc from -compilers)")
    return found


def build_refgo(pkg: Path, exe: Path) -> None:
    """Build pkg's test binary with refgo, as `refgo test` would, into exe."""
    from compiler import gotest

    try:
        p = gotest.resolve(str(pkg))
        with tempfile.TemporaryDirectory(prefix="refgo-bench-") as tmp:
            rc, msgs = gotest.build_test_binary(p, (), Path(tmp), exe)
    except (gotest.TestUsageError, gotest.BuildFailed) as e:
        raise BenchError(f"refgo: {pkg}: {e}") from None
    if rc != 0:
        raise BenchError(f"refgo: {pkg}: build failed:\n{msgs.rstrip()}")


_BUILD_AT = """import sys, tempfile
from pathlib import Path
from compiler import gotest
try:
    p = gotest.resolve(sys.argv[1])
    with tempfile.TemporaryDirectory() as d:
        rc, msgs = gotest.build_test_binary(p, (), Path(d), Path(sys.argv[2]))
except Exception as e:
    rc, msgs = 1, str(e)
sys.stderr.write(msgs)
sys.exit(rc)
"""


def build_refgo_at(root: Path, pkg: Path, exe: Path) -> None:
    """Build pkg's test binary with the refgo whose source tree is root (e.g. an
    exported older commit), in a subprocess whose first import path is root."""
    proc = subprocess.run([sys.executable, "-c", _BUILD_AT, str(pkg), str(exe)], cwd=root,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise BenchError(f"base ({root}): {pkg}: build failed:\n{proc.stderr.rstrip()}")


def build_gc(go: str, pkg: Path, exe: Path) -> None:
    """Build pkg's test binary with `go test -c` (GOPATH mode, no cgo) into exe."""
    env = dict(os.environ, GO111MODULE="off", CGO_ENABLED="0")
    proc = subprocess.run([go, "test", "-c", "-o", str(exe), "."], cwd=pkg, env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise BenchError(f"gc: {pkg}: build failed:\n{proc.stdout}{proc.stderr}".rstrip())


@dataclass(frozen=True, slots=True)
class Usage:
    """A finished process's wall time and CPU time (user + system over its threads)."""

    wall: float
    cpu: float

    def share(self) -> float:
        """CPU time per second of wall time: the factor -cpu scales ns/op by."""
        return self.cpu / self.wall if self.wall > 0 else 1.0


def measured_run(args: Sequence[str], cwd: Path) -> tuple[subprocess.CompletedProcess[str],
                                                         Usage]:
    """Run args to completion and return the result with its wall and CPU time.

    The CPU time is the difference of RUSAGE_CHILDREN across the run, so do NOT call
    this while another child of this process may be reaped."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    proc = subprocess.run(list(args), cwd=cwd, capture_output=True, text=True)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return proc, Usage(wall, cpu)


def bench_args(exe: Path, bench: str, benchtime: str) -> list[str]:
    """The command line that runs exe's benchmarks matching bench and no tests."""
    args = [str(exe), "-test.run", "^$", "-test.bench", bench, "-test.count", "1"]
    if benchtime:
        args += ["-test.benchtime", benchtime]
    return args


def run_binary(exe: Path, pkg: Path, bench: str, benchtime: str, res: Results,
               cpu: bool = False) -> None:
    """Run one benchmark binary once and add its benchmark lines to res; with cpu,
    each ns/op is scaled by the process's CPU share (see -cpu)."""
    proc, usage = measured_run(bench_args(exe, bench, benchtime), pkg)
    if proc.returncode != 0:
        raise BenchError(f"{exe.name} exited {proc.returncode}:\n{proc.stdout}{proc.stderr}"
                         .rstrip())
    scale = usage.share() if cpu else 1.0
    for line in proc.stdout.splitlines():
        m = _LINE.match(line)
        if m:
            ns = float(m.group(3)) * scale
            if cpu:
                line = f"{m.group(1)}\t{m.group(2)}\t{fmt(ns)} ns/op"
            res.lines.append(line)
            res.samples.setdefault(m.group(1), []).append(ns)
        elif line.startswith(("goos:", "goarch:", "cpu:")) and line not in res.header:
            res.header.append(line)


def benchmark_names(exe: Path, pkg: Path, bench: str) -> list[str]:
    """The top-level benchmarks of exe that bench matches, from one 1x run, in order."""
    proc, _ = measured_run(bench_args(exe, bench, "1x"), pkg)
    if proc.returncode != 0:
        raise BenchError(f"{exe.name} exited {proc.returncode}:\n{proc.stdout}{proc.stderr}"
                         .rstrip())
    names: list[str] = []
    for line in proc.stdout.splitlines():
        m = _LINE.match(line)
        if m:
            name = _PROCS.sub("", m.group(1)).split("/")[0]
            if name not in names:
                names.append(name)
    return names


def median(xs: Sequence[float]) -> float:
    return statistics.median(xs)


STATS: dict[str, Callable[[Sequence[float]], float]] = {"median": median, "min": min}
"""The statistics the table may summarize each benchmark's runs with (-stat)."""


def fmt(x: float) -> str:
    """ns/op with four significant digits, never in exponent form."""
    return f"{x:.0f}" if x >= 1000 else f"{x:.4g}"


def ratio_table(results: dict[str, Results], stat: str = "median") -> str:
    """Medians (or another of STATS) per benchmark per compiler and, with two or more
    compilers, each one's ratio to the last (the reference, gc by default)."""
    summary = STATS[stat]
    names = list(results)
    ref = names[-1]
    order: list[str] = []
    for r in results.values():
        order += [n for n in r.samples if n not in order]
    cols = "".join(f"{n + ' ns/op':<14}" for n in names)
    head = f"{'benchmark':<36}{cols}" + "".join(f"{n + '/' + ref:<14}" for n in names[:-1])
    out = [head]
    for b in order:
        meds = [summary(results[n].samples[b]) if b in results[n].samples else None
                for n in names]
        row = f"{b:<36}" + "".join(f"{fmt(m) if m is not None else '-':<14}" for m in meds)
        last = meds[-1]
        for m in meds[:-1]:
            cell = f"{m / last:.2f}x" if m is not None and last else "-"
            row += f"{cell:<14}"
        out.append(row)
    pair_rows = []
    for num, den in PAIRS:
        cells = []
        for n in names:
            s = {_PROCS.sub("", k).removeprefix("Benchmark"): v
                 for k, v in results[n].samples.items()}
            ok = num in s and den in s
            cells.append(f"{summary(s[num]) / summary(s[den]):.2f}x" if ok else "-")
        if any(c != "-" for c in cells):
            pair_rows.append(f"{num + '/' + den:<36}" + "".join(f"{c:<14}" for c in cells))
    if pair_rows:
        out.append(f"{'pair':<36}" + "".join(f"{n:<14}" for n in names))
        out += pair_rows
    return "\n".join(r.rstrip() for r in out) + "\n"


def run(pkgs: Sequence[Path], compilers: Sequence[str], go: str, bench: str,
        benchtime: str, count: int, base: Path = ROOT,
        cpu: bool = False) -> dict[str, Results]:
    """Build every package with every compiler, then run them alternately count times
    (with cpu, each benchmark alone, scaled to CPU time)."""
    results = {c: Results() for c in compilers}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmpd:
        tmp = Path(tmpd)
        bins: list[tuple[str, Path, Path]] = []
        for pkg in pkgs:
            for c in compilers:
                exe = tmp / f"{pkg.name}.{c}.test"
                if c == "refgo":
                    build_refgo(pkg, exe)
                elif c == "base":
                    build_refgo_at(base, pkg, exe)
                else:
                    build_gc(go, pkg, exe)
                bins.append((c, pkg, exe))
        runs = [(c, pkg, exe, bench) for c, pkg, exe in bins]
        if cpu:
            runs = [(c, pkg, exe, f"^{re.escape(name)}$") for c, pkg, exe in bins
                    for name in benchmark_names(exe, pkg, bench)]
        for _ in range(count):
            for c, pkg, exe, pattern in runs:
                run_binary(exe, pkg, pattern, benchtime, results[c], cpu)
    return results


def report(results: dict[str, Results], stat: str = "median") -> str:
    """benchstat-format lines per compiler followed by the table (of medians)."""
    parts = []
    for name, r in results.items():
        parts.append(f"{name}:\n" + "".join(f"{h}\n" for h in r.header)
                     + "".join(f"{ln}\n" for ln in r.lines))
    parts.append(ratio_table(results, stat))
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.run", description=__doc__.splitlines()[0])
    ap.add_argument("-bench", default=".", help="benchmark regexp (-test.bench)")
    ap.add_argument("-benchtime", default="", help="-test.benchtime: 1s, 100x, ...")
    ap.add_argument("-count", type=int, default=5, help="alternating runs per binary")
    ap.add_argument("-o", default="", help="directory for <compiler>.txt files")
    ap.add_argument("-stat", default="median", choices=sorted(STATS),
                    help="how the table summarizes each benchmark's runs")
    ap.add_argument("-cpu", action="store_true",
                    help="scale ns/op to CPU time, each benchmark in its own process")
    ap.add_argument("-compilers", default="refgo,gc",
                    help="comma-separated: refgo, gc, base (refgo from -base's tree)")
    ap.add_argument("-base", default="", help="another refgo source tree, for `base`")
    ap.add_argument("-go", default="", help="the go command for gc builds")
    ap.add_argument("pkgs", nargs="*", help="benchmark package directories")
    args = ap.parse_args(argv)
    compilers = [c for c in args.compilers.split(",") if c]
    try:
        if args.count <= 0:
            raise BenchError("-count must be positive")
        bad = [c for c in compilers if c not in ("refgo", "gc", "base")]
        if bad or not compilers:
            raise BenchError(f"unknown compiler in -compilers: {args.compilers!r}")
        base = Path(args.base).resolve() if args.base else ROOT
        if "base" in compilers and not (base / "compiler" / "gotest.py").is_file():
            raise BenchError("-compilers base needs -base DIR, a refgo source tree")
        pkgs = [Path(p).resolve() for p in args.pkgs] or default_packages()
        for p in pkgs:
            if not p.is_dir():
                raise BenchError(f"{p}: not a directory")
        go = find_go(args.go) if "gc" in compilers else ""
        results = run(pkgs, compilers, go, args.bench, args.benchtime, args.count, base,
                      args.cpu)
    except BenchError as e:
        print(f"bench: {e}", file=sys.stderr)
        return 1
    if args.o:
        outdir = Path(args.o)
        outdir.mkdir(parents=True, exist_ok=True)
        for name, r in results.items():
            (outdir / f"{name}.txt").write_text("".join(f"{h}\n" for h in r.header)
                                                + "".join(f"{ln}\n" for ln in r.lines))
    sys.stdout.write(report(results, args.stat))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
