"""Build speed: `refgo build` vs gc's `go build` with package main edited, library cached.

    python -m bench.buildspeed [-count 5] [-base DIR] [-go /path/to/go] [prog.go...]

For each program (default: bench/buildprogs/*.go, five ordinary 100-120-line programs
using fmt, strings, strconv, sort, bufio, plus a hello-world with fmt) it warms each
compiler's cache with one build (refgo: a fresh $REFGO_CACHE; gc: a fresh GOCACHE,
GOPATH mode), then -count times, alternating compilers, edits main (a new comment line)
and times the build. With -base, an older refgo tree (`git archive REV | tar -x -C
DIR`) is timed the same way beside it. Output, medians of wall seconds (CPU seconds,
user+sys of the build and its children, in parentheses: steadier on a shared machine):

    program       refgo          base           gc             refgo/gc  base/gc
    hello.go      0.62 (0.55)    1.90 (1.80)    0.15 (0.12)    4.1x      12.7x

Each compiler's first build is checked against gc's program output.
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
PROGS = ROOT / "bench" / "buildprogs"
HELLO = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello, world")\n}\n'


def commands(go: str, base: str, work: Path) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Each compiler's build command prefix (then `-o exe file.go`) and environment."""
    # PYTHONDONTWRITEBYTECODE would make every refgo build compile the compiler's own
    # sources again (0.3-0.7 s): a user's refgo has its bytecode (pip writes it on install,
    # an editable install on first run), so the warm-up build writes it here.
    env = {k: v for k, v in os.environ.items()
           if k not in ("REFGO_CACHE", "GOCACHE", "PYTHONDONTWRITEBYTECODE")}
    out = {"refgo": ([sys.executable, "-m", "compiler", "build"],
                     {**env, "REFGO_CACHE": str(work / "refgo-cache"), "PYTHONPATH": str(ROOT)})}
    if base:
        out["base"] = ([sys.executable, "-m", "compiler", "build"],
                       {**env, "REFGO_CACHE": str(work / "base-cache"), "PYTHONPATH": base})
    out["gc"] = ([go, "build"], {**env, "GOCACHE": str(work / "gocache"),
                                 "GO111MODULE": "off", "GOFLAGS": "", "GOPATH": str(work)})
    return out


def run_exe(exe: Path) -> str:
    p = subprocess.run([str(exe)], capture_output=True, text=True, check=False, timeout=60)
    return f"exit {p.returncode}\n{p.stdout}{p.stderr}"


def bench(prog: Path, cmds: dict[str, tuple[list[str], dict[str, str]]], count: int,
          work: Path) -> dict[str, list[tuple[float, float]]]:
    """The timed builds of prog per compiler (after one checked warm-up build each)."""
    d = work / prog.stem
    d.mkdir()
    src = d / "main.go"
    text = prog.read_text()
    src.write_text(text)
    want = ""
    times: dict[str, list[tuple[float, float]]] = {c: [] for c in cmds}
    for name in ("gc", *[c for c in cmds if c != "gc"]):
        argv, env = cmds[name]
        exe = d / name
        _timed([*argv, "-o", str(exe), "main.go"], d, env)
        got = run_exe(exe)
        want = want or got
        if got != want:
            raise BenchError(f"{prog.name}: {name}'s program printed\n{got}\nwant\n{want}")
    for i in range(count):
        for name, (argv, env) in cmds.items():
            src.write_text(text + f"\n// edit {name} {i}\n")
            times[name].append(_timed([*argv, "-o", str(d / name), "main.go"], d, env))
    return times


def _timed(argv: Sequence[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of argv (BenchError if it fails)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run(list(argv), cwd=cwd, env=env, capture_output=True, text=True,
                       check=False)
    secs = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        raise BenchError(f"{' '.join(argv)} exited {p.returncode}:\n{p.stdout}{p.stderr}")
    return secs, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.buildspeed", description=__doc__.splitlines()[0])
    ap.add_argument("-count", type=int, default=5, help="timed builds per compiler")
    ap.add_argument("-base", default="", help="an older refgo tree to time beside")
    ap.add_argument("-go", default="", help="the go command")
    ap.add_argument("progs", nargs="*", help="programs (default: hello + bench/buildprogs)")
    args = ap.parse_args(argv)
    try:
        go = find_go(args.go)
        with tempfile.TemporaryDirectory(prefix="buildspeed-") as tmpd:
            work = Path(tmpd)
            progs = [Path(p) for p in args.progs]
            if not progs:
                (work / "hello.go").write_text(HELLO)
                progs = [work / "hello.go", *sorted(PROGS.glob("*.go"))]
            cmds = commands(go, args.base, work)
            names = list(cmds)
            head = f"{'program':<14}" + "".join(f"{n:<15}" for n in names)
            head += "".join(f"{n + '/gc':<10}" for n in names if n != "gc")
            print(head.rstrip(), flush=True)
            for prog in progs:
                t = bench(prog, cmds, args.count, work)
                med = {n: statistics.median(x[0] for x in t[n]) for n in names}
                cpu = {n: statistics.median(x[1] for x in t[n]) for n in names}
                row = f"{prog.name:<14}" + "".join(
                    f"{f'{med[n]:.2f} ({cpu[n]:.2f})':<15}" for n in names)
                row += "".join(f"{med[n] / med['gc']:.1f}x".ljust(10) for n in names if n != "gc")
                print(row.rstrip(), flush=True)
    except (BenchError, OSError, subprocess.SubprocessError) as e:
        print(f"bench: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
