"""Run the self-contained files of Go's go1 benchmark suite under refgo and gc 1.19.

    python -m bench.go1 [-bench re] [-benchtime d] [-count n] [-stat min] [-cpu]
                        [-compilers refgo,gc] [-base DIR] [-go path] [-src DIR] [group...]

Go ships test/bench/go1, a package of classic benchmarks. The files that need no large
library are built here verbatim, straight from Go's tree where it is installed
(/usr/share/go-1.19/test/bench/go1, or $GOROOT/test/bench/go1, or -src): each group
below is copied into its own package in a temporary directory, never into this
repository, and handed to bench.run, which builds it with every compiler and runs the
binaries alternately -count times. The output is bench.run's (benchstat lines, medians,
ratios against the last compiler) followed by the geometric mean of each ratio column
over the benchmarks every compiler ran:

    benchmark                       refgo ns/op   gc ns/op      refgo/gc
    BenchmarkMandelbrot200-2        4172921       1203517       3.47x
    ...
    geomean                                                     1.62x

Groups (one package each, so that a slow or failing one can be left out by name):
binarytree, fannkuch, revcomp (fasta_test.go builds its input), fmt, mandel.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench import run as benchrun

GROUPS: dict[str, tuple[str, ...]] = {
    "binarytree": ("binarytree_test.go",),
    "fannkuch": ("fannkuch_test.go",),
    "revcomp": ("fasta_test.go", "revcomp_test.go"),
    "fmt": ("fmt_test.go",),
    "mandel": ("mandel_test.go",),
}

SRC_CANDIDATES = ("/usr/share/go-1.19/test/bench/go1", "/usr/lib/go-1.19/test/bench/go1")


def find_src(explicit: str) -> Path:
    """Go's go1 directory: -src, else $GOROOT's, else the first installed candidate."""
    cands = [explicit] if explicit else []
    if not explicit and os.environ.get("GOROOT"):
        cands.append(os.path.join(os.environ["GOROOT"], "test", "bench", "go1"))
    if not explicit:
        cands += SRC_CANDIDATES
    for c in cands:
        if (Path(c) / "fmt_test.go").is_file():
            return Path(c)
    raise benchrun.BenchError("Go's test/bench/go1 is not installed (pass -src DIR)")


def stage(src: Path, groups: Sequence[str], dest: Path) -> list[Path]:
    """Copy each group's files from src into dest/<group>, one package per group."""
    pkgs = []
    for g in groups:
        d = dest / g
        d.mkdir()
        for f in GROUPS[g]:
            shutil.copyfile(src / f, d / f)
        pkgs.append(d)
    return pkgs


def geomeans(results: dict[str, benchrun.Results], stat: str) -> str:
    """The geomean row: for each compiler but the last, the geometric mean over the
    benchmarks all compilers ran of its summary ns/op over the last one's."""
    summary = benchrun.STATS[stat]
    names = list(results)
    ref = results[names[-1]].samples
    common = [b for b in ref if all(b in results[n].samples for n in names)]
    cells = []
    for n in names[:-1]:
        logs = [math.log(summary(results[n].samples[b]) / summary(ref[b])) for b in common
                if summary(ref[b]) > 0]
        cells.append(f"{math.exp(sum(logs) / len(logs)):.2f}x" if logs else "-")
    pad = 36 + 14 * len(names)
    return f"{'geomean':<{pad}}" + "".join(f"{c:<14}" for c in cells).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.go1", description=__doc__.splitlines()[0])
    ap.add_argument("-bench", default=".", help="benchmark regexp (-test.bench)")
    ap.add_argument("-benchtime", default="", help="-test.benchtime: 1s, 10x, ...")
    ap.add_argument("-count", type=int, default=3, help="alternating runs per binary")
    ap.add_argument("-stat", default="median", choices=sorted(benchrun.STATS))
    ap.add_argument("-cpu", action="store_true", help="as bench.run's: CPU time")
    ap.add_argument("-compilers", default="refgo,gc", help="as bench.run's")
    ap.add_argument("-base", default="", help="another refgo source tree, for `base`")
    ap.add_argument("-go", default="", help="the go command for gc builds")
    ap.add_argument("-src", default="", help="Go's test/bench/go1 directory")
    ap.add_argument("groups", nargs="*", help=f"any of {', '.join(GROUPS)} (default all)")
    args = ap.parse_args(argv)
    compilers = [c for c in args.compilers.split(",") if c]
    try:
        bad = [g for g in args.groups if g not in GROUPS]
        if bad:
            raise benchrun.BenchError(f"unknown group {bad[0]!r} (have {', '.join(GROUPS)})")
        if args.count <= 0:
            raise benchrun.BenchError("-count must be positive")
        if not compilers or any(c not in ("refgo", "gc", "base") for c in compilers):
            raise benchrun.BenchError(f"unknown compiler in -compilers: {args.compilers!r}")
        base = Path(args.base).resolve() if args.base else benchrun.ROOT
        src = find_src(args.src)
        go = benchrun.find_go(args.go) if "gc" in compilers else ""
        with tempfile.TemporaryDirectory(prefix="go1-") as tmp:
            pkgs = stage(src, args.groups or list(GROUPS), Path(tmp))
            results = benchrun.run(pkgs, compilers, go, args.bench, args.benchtime,
                                   args.count, base, args.cpu)
    except benchrun.BenchError as e:
        print(f"bench: {e}", file=sys.stderr)
        return 1
    out = benchrun.report(results, args.stat)
    if len(compilers) > 1:
        out += geomeans(results, args.stat)
    sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(benchrun.ROOT))
    sys.exit(main())
