"""Compile speed: refgo vs `go tool compile` on generated programs of a given size.

    python -m bench.compilespeed [-lines 1000,10000,50000] [-count 5] [-gc-at 10000]
                                 [-c 1,2] [-go /path/to/go] [-keep DIR]

For each size it writes a package main of about that many lines (12-line functions
mixing loops, branches, arithmetic, a struct, a method and an interface conversion,
each calling the previous one) and times `refgo compile -c=N -o x.o` (parse through
assembling the object) -count times for each back end concurrency N of -c; at the
-gc-at size it also times `go tool compile -c=N -p main -o x.o` on the same file. The
runs of one size take turns (refgo -c=1, refgo -c=2, gc -c=1, gc -c=2, then again),
so a change in the machine's load reaches every column alike. Output, medians:

    lines     c  refgo s    cpu s      per 1k lines   gc s     cpu s    refgo/gc
    988       1  0.63       0.60       0.634
    9997      1  6.09       5.80       0.609          0.89     1.20     6.8x

(wall medians; "per 1k lines" is refgo's wall time per 1000 lines; the ratio is of
wall medians at the same -c.)

Both compilers must accept the program (exit 0), or the run stops with their output.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.run import BenchError, find_go

ROOT = Path(__file__).resolve().parent.parent

_HEADER = """package main

type I interface{ M() int }

type T struct{ a, b int }

func (t T) M() int { return t.a*3 + t.b }

func f0(a, b int) int { return a + b }
"""

_FUNC = """
func f{n}(a, b int) int {{
	s := {n} % 7
	for i := 0; i < a%5; i++ {{
		if i%3 == {m} {{
			s += i * b
		}} else {{
			s -= i ^ {n}
		}}
	}}
	var v I = T{{s, b}}
	return v.M() + f{p}(a-1, b+s%3)
}}
"""

FUNC_LINES = _FUNC.count("\n")


def generate(lines: int) -> str:
    """A package main of about `lines` lines (at least one generated function)."""
    nfuncs = max(1, (lines - _HEADER.count("\n") - 4) // FUNC_LINES)
    parts = [_HEADER]
    for n in range(1, nfuncs + 1):
        parts.append(_FUNC.format(n=n, m=n % 3, p=n - 1))
    parts.append(f"\nfunc main() {{\n\tprintln(f{nfuncs}(3, 4))\n}}\n")
    return "".join(parts)


def time_cmd(argv: Sequence[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU (user+sys, all threads) seconds of one run of argv; raises
    BenchError if it fails. CPU time is the steadier figure on a shared machine."""
    # PYTHONDONTWRITEBYTECODE would make every timed refgo compile the compiler's own
    # sources again: a user's refgo has its bytecode (pip writes it on install, an
    # editable install on first run), so the first timed run writes it here.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(list(argv), cwd=cwd, capture_output=True, text=True, env=env)
    secs = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if proc.returncode != 0:
        raise BenchError(f"{' '.join(argv)} exited {proc.returncode}:\n"
                         f"{proc.stdout}{proc.stderr}".rstrip())
    return secs, cpu


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.compilespeed",
                                 description=__doc__.splitlines()[0])
    ap.add_argument("-lines", default="1000,10000,50000", help="program sizes in lines")
    ap.add_argument("-count", type=int, default=5, help="timed runs per size")
    ap.add_argument("-gc-at", type=int, default=10000, help="size also timed with gc (0: none)")
    ap.add_argument("-c", default="1", help="back end concurrencies, passed as -c=N to both")
    ap.add_argument("-go", default="", help="the go command")
    ap.add_argument("-keep", default="", help="write the generated programs into DIR")
    args = ap.parse_args(argv)
    try:
        sizes = [int(x) for x in args.lines.split(",") if x]
        concs = [int(x) for x in args.c.split(",") if x]
        if not sizes or min(sizes) <= 0 or args.count <= 0:
            raise BenchError("-lines and -count must be positive")
        if not concs or min(concs) <= 0:
            raise BenchError("-c must be positive")
        go = find_go(args.go) if args.gc_at else ""
        rows = ["lines     c  refgo s    cpu s      per 1k lines   gc s     cpu s    refgo/gc"]
        with tempfile.TemporaryDirectory(prefix="compilespeed-") as tmpd:
            d = Path(args.keep) if args.keep else Path(tmpd)
            d.mkdir(parents=True, exist_ok=True)
            for n in sizes:
                src = d / f"gen{n}.go"
                text = generate(n)
                src.write_text(text)
                rows.extend(_rows(n, text.count("\n"), src, d, go if n == args.gc_at else "",
                                  concs, args.count))
    except (BenchError, ValueError) as e:
        print(f"bench: {e}", file=sys.stderr)
        return 1
    print("\n".join(rows))
    return 0


def _rows(n: int, real: int, src: Path, d: Path, go: str, concs: Sequence[int],
          count: int) -> list[str]:
    """One row per -c of concs for the program src of real lines (n asked): refgo's
    medians, and with go gc's; the runs take turns, count rounds."""
    argv: dict[tuple[str, int], list[str]] = {}
    for c in concs:
        argv["refgo", c] = [sys.executable, "-m", "compiler", "compile", f"-c={c}", "-o",
                            str(d / "refgo.o"), str(src)]
        if go:
            argv["gc", c] = [go, "tool", "compile", f"-c={c}", "-p", "main", "-o",
                             str(d / "gc.o"), str(src)]
    times: dict[tuple[str, int], list[tuple[float, float]]] = {k: [] for k in argv}
    for _ in range(count):
        for k, cmd in argv.items():
            times[k].append(time_cmd(cmd, ROOT if k[0] == "refgo" else d))
    rows = []
    for c in concs:
        ts = times["refgo", c]
        med = statistics.median(t[0] for t in ts)
        cpu = statistics.median(t[1] for t in ts)
        row = f"{real:<10}{c:<3}{med:<11.3f}{cpu:<11.3f}{med / real * 1000:<15.3f}"
        if go:
            gs = times["gc", c]
            g = statistics.median(t[0] for t in gs)
            gcpu = statistics.median(t[1] for t in gs)
            row += f"{g:<9.3f}{gcpu:<9.3f}{med / g:.1f}x"
        rows.append(row.rstrip())
    return rows


if __name__ == "__main__":
    sys.exit(main())
