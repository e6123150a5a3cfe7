"""Command line of the differential fuzzer.

    python -m harness.fuzz --seed 0 --count 100              # refgo vs gc, full subset
    python -m harness.fuzz --seed 0 --count 100 --subset starter
    python -m harness.fuzz --seed 7 --print                  # print seed 7's program
    python -m harness.fuzz --seed 0 --count 50 --gc-only     # check the generator with gc

One line per seed (`seed 12: ok` or `seed 12: MISMATCH ...`); each mismatch is
minimized and saved as OUT/mismatch-<seed>.go (default out/fuzz). Exit status 1 when
any seed mismatched (or, with --gc-only, failed under gc), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from harness.fuzz.gen import FEATURES, SUBSETS, generate
from harness.fuzz.run import compare, run_gc
from harness.fuzz.session import save_mismatch, shrink


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the fuzzer's command line; returns the exit status."""
    ap = argparse.ArgumentParser(prog="python -m harness.fuzz", description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    ap.add_argument("--count", type=int, default=1, help="number of seeds (default 1)")
    ap.add_argument("--subset", choices=SUBSETS, default="full")
    ap.add_argument("--without", default="", metavar="F,G",
                    help=f"features to leave out: {', '.join(sorted(FEATURES))}")
    ap.add_argument("--out", type=Path, default=Path("out/fuzz"), help="where mismatches go")
    ap.add_argument("--no-minimize", action="store_true", help="save mismatches as generated")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--print", action="store_true", help="print the programs, run nothing")
    mode.add_argument("--gc-only", action="store_true", help="only check programs under gc")
    args = ap.parse_args(argv)
    if args.count < 1:
        ap.error("--count must be at least 1")
    seeds = range(args.seed, args.seed + args.count)
    without = frozenset(w for w in args.without.split(",") if w)
    if without - FEATURES:
        ap.error(f"--without: unknown feature {', '.join(sorted(without - FEATURES))}")
    if args.print:
        for s in seeds:
            sys.stdout.write(generate(s, args.subset, without))
        return 0
    bad = 0
    with tempfile.TemporaryDirectory(prefix="refgo-fuzz-") as tmp:
        for s in seeds:
            work = Path(tmp) / str(s)
            src = generate(s, args.subset, without)
            if args.gc_only:
                work.mkdir()
                (work / "prog.go").write_text(src, encoding="utf-8")
                o = run_gc(work / "prog.go", work)
                ok = o.status == "ok" and o.exit == 0
                detail = "" if ok else f" ({o.status}, exit {o.exit}): {o.output[:300]}"
                print(f"seed {s}: {'ok' if ok else 'FAIL under gc'}{detail}", flush=True)
                bad += not ok
                continue
            c = compare(src, work)
            if c.same:
                print(f"seed {s}: ok", flush=True)
                continue
            bad += 1
            if not args.no_minimize:
                src, c = shrink(src, c, Path(tmp) / f"shrink{s}")
            path = save_mismatch(args.out, s, src, c)
            print(f"seed {s}: MISMATCH {c.describe()} -> {path}", flush=True)
    print(f"{len(seeds) - bad} of {len(seeds)} seeds ok ({args.subset} subset)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
