"""Benchmark of the seed optimization: BenchmarkEfaceInteger, old (-d=convinline=0,
every conversion calls runtime.convT64) against new (stack temporary, no call).

    python bench/eface/run.py [-n ITERS] [-count K] [-o DIR] [-gc GO]

builds bench/eface/eface.go twice with refgo, runs the two binaries alternately K times
each (wall time of the whole process, divided by ITERS), and prints the seed commit's
old/new table with medians, plus the figure new/old:

    benchmark                   old ns/op     new ns/op     delta
    BenchmarkEfaceInteger-2     24.6          7.96          -67.66%
    new/old: 0.32

It also writes DIR/old.txt and DIR/new.txt in `go test -bench` format (one line per
run) for benchstat. Both binaries must print the same checksum, or the run fails.
With -gc GO (the go command), the same program built by gc is timed too, for reference.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
NAME = "BenchmarkEfaceInteger"


def build(src: Path, out: Path, flags: list[str]) -> None:
    """Compile src with refgo into out; exits with refgo's message on failure."""
    proc = subprocess.run([sys.executable, "-m", "compiler", "build", *flags, "-o", str(out),
                           str(src)], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        sys.exit(f"refgo build {' '.join(flags)} failed:\n{proc.stderr.strip()}")


def build_gc(go: str, src: Path, out: Path) -> None:
    """Compile src with the gc toolchain's go command into out."""
    env = dict(os.environ, GO111MODULE="off", CGO_ENABLED="0")
    proc = subprocess.run([go, "build", "-o", str(out), str(src)], capture_output=True,
                          text=True, env=env, cwd=src.parent)
    if proc.returncode != 0:
        sys.exit(f"go build failed:\n{proc.stderr.strip()}")


def run_once(binary: Path) -> tuple[float, str]:
    """Wall seconds of one run of binary and what it printed."""
    start = time.perf_counter()
    proc = subprocess.run([str(binary)], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{binary} exited {proc.returncode}: {proc.stderr.strip()}")
    return elapsed, proc.stdout + proc.stderr


def fmt_ns(x: float) -> str:
    """ns/op with three significant digits, as benchcmp prints them."""
    return f"{x:.3g}"


def table(old: list[float], new: list[float], procs: int) -> str:
    """The seed commit's old/new table (medians) and the new/old figure."""
    o, n = statistics.median(old), statistics.median(new)
    delta = (n - o) / o * 100
    name = f"{NAME}-{procs}"
    lines = [
        f"{'benchmark':<28}{'old ns/op':<14}{'new ns/op':<14}delta",
        f"{name:<28}{fmt_ns(o):<14}{fmt_ns(n):<14}{delta:+.2f}%",
        f"new/old: {n / o:.2f}",
    ]
    return "\n".join(lines) + "\n"


def bench_lines(samples: list[float], iters: int, procs: int) -> str:
    return "".join(f"{NAME}-{procs}\t{iters}\t{s:.2f} ns/op\n" for s in samples)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=20_000_000, help="iterations per run")
    ap.add_argument("-count", type=int, default=7, help="runs of each binary")
    ap.add_argument("-o", default="", help="directory for old.txt/new.txt")
    ap.add_argument("-gc", default="", help="go command: also time gc's build")
    args = ap.parse_args(argv)
    if args.n <= 0 or args.count <= 0:
        sys.exit("-n and -count must be positive")
    src = (HERE / "eface.go").read_text()
    src, subs = re.subn(r"const N = \d+", f"const N = {args.n}", src)
    if subs != 1:
        sys.exit("eface.go: no `const N = ...` line")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        (d / "eface.go").write_text(src)
        build(d / "eface.go", d / "new", [])
        build(d / "eface.go", d / "old", ["-d=convinline=0"])
        old: list[float] = []
        new: list[float] = []
        ref: list[float] = []
        runs = [(d / "old", old), (d / "new", new)]
        if args.gc:
            build_gc(args.gc, d / "eface.go", d / "gc")
            runs.append((d / "gc", ref))
        outs: set[str] = set()
        for _ in range(args.count):
            for binary, samples in runs:
                secs, out = run_once(binary)
                samples.append(secs / args.n * 1e9)
                outs.add(out)
        if len(outs) != 1:
            sys.exit(f"old and new printed different results: {sorted(outs)}")
    procs = os.cpu_count() or 1
    if args.o:
        outdir = Path(args.o)
        outdir.mkdir(parents=True, exist_ok=True)
        (outdir / "old.txt").write_text(bench_lines(old, args.n, procs))
        (outdir / "new.txt").write_text(bench_lines(new, args.n, procs))
    sys.stdout.write(table(old, new, procs))
    if ref:
        print(f"gc reference: {fmt_ns(statistics.median(ref))} ns/op")
    return 0


if __name__ == "__main__":
    sys.exit(main())
