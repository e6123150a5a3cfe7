"""Compile time of generic code: N instantiations against the same program written out
by hand for each type argument.

    python -m bench.genericcompile [-n 200] [-count 5] [-go /path/to/go] [-keep DIR]

It writes two packages main over N defined types `type K7 int`. The generic one
declares once

    type Vec[T Num] struct{ xs []T }
    func (v *Vec[T]) Add(x T) { ... }
    func Sum[T Num](v *Vec[T]) T { ... }

and instantiates them at every K (N instantiations of Vec, with its method, and N of
Sum, by inference); the hand-specialised one declares VecK7, its Add and SumK7 for
every K, with the same bodies. Both are timed with `refgo compile -o x.o` (-count runs,
median wall and CPU seconds) and with `go tool compile`; output:

    program        refgo s    cpu s      gc s     cpu s
    generic        4.10       3.90       0.21     0.30
    specialised    3.30       3.10       0.18     0.25
    generic/specialised wall: refgo 1.24x, gc 1.17x; cpu: refgo 1.26x, gc 1.20x

(ratios of medians; on a shared machine the CPU ratio is the steadier one). Both
compilers must accept both programs (exit 0).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.compilespeed import time_cmd
from bench.run import BenchError, find_go

ROOT = Path(__file__).resolve().parent.parent

_NUM = "type Num interface{ ~int | ~int32 | ~int64 | ~float64 }\n"

_BODY_ADD = """{{
	if x < 0 {{
		x = -x
	}}
	v.xs = append(v.xs, x)
}}
"""

_BODY_SUM = """{{
	var s {t}
	for i, x := range v.xs {{
		if i%2 == 0 {{
			s += x * 2
		}} else {{
			s -= x
		}}
	}}
	return s
}}
"""


def generate(n: int, generic: bool) -> str:
    """The package main over n defined types: generic, or specialised by hand."""
    parts = ["package main\n\n"]
    for i in range(n):
        parts.append(f"type K{i} int\n")
    if generic:
        parts.append("\n" + _NUM)
        parts.append("\ntype Vec[T Num] struct{ xs []T }\n")
        parts.append("\nfunc (v *Vec[T]) Add(x T) " + _BODY_ADD.format())
        parts.append("\nfunc Sum[T Num](v *Vec[T]) T " + _BODY_SUM.format(t="T"))
    else:
        for i in range(n):
            parts.append(f"\ntype VecK{i} struct{{ xs []K{i} }}\n")
            parts.append(f"\nfunc (v *VecK{i}) Add(x K{i}) " + _BODY_ADD.format())
            parts.append(f"\nfunc SumK{i}(v *VecK{i}) K{i} " + _BODY_SUM.format(t=f"K{i}"))
    parts.append("\nfunc main() {\n\tt := 0\n")
    for i in range(n):
        vec = f"Vec[K{i}]" if generic else f"VecK{i}"
        call = f"Sum(&v{i})" if generic else f"SumK{i}(&v{i})"
        parts.append(f"\tvar v{i} {vec}\n\tv{i}.Add({i})\n\tv{i}.Add(-3)\n"
                     f"\tt += int({call})\n")
    parts.append("\tprintln(t)\n}\n")
    return "".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench.genericcompile",
                                 description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=200, help="type arguments (instantiations)")
    ap.add_argument("-count", type=int, default=5, help="timed runs per program")
    ap.add_argument("-go", default="", help="the go command")
    ap.add_argument("-keep", default="", help="write the generated programs into DIR")
    args = ap.parse_args(argv)
    try:
        if args.n <= 0 or args.count <= 0:
            raise BenchError("-n and -count must be positive")
        go = find_go(args.go)
        rows = ["program        refgo s    cpu s      gc s     cpu s"]
        meds: dict[str, tuple[float, float, float, float]] = {}
        with tempfile.TemporaryDirectory(prefix="genericcompile-") as tmpd:
            d = Path(args.keep) if args.keep else Path(tmpd)
            d.mkdir(parents=True, exist_ok=True)
            for name, generic in (("generic", True), ("specialised", False)):
                src = d / f"{name}.go"
                src.write_text(generate(args.n, generic))
                refgo = [sys.executable, "-m", "compiler", "compile", "-o",
                         str(d / "refgo.o"), str(src)]
                gc = [go, "tool", "compile", "-p", "main", "-o", str(d / "gc.o"), str(src)]
                rs = [time_cmd(refgo, ROOT) for _ in range(args.count)]
                gs = [time_cmd(gc, d) for _ in range(args.count)]
                r, g = (statistics.median(t[0] for t in x) for x in (rs, gs))
                rc, gcpu = (statistics.median(t[1] for t in x) for x in (rs, gs))
                meds[name] = (r, g, rc, gcpu)
                rows.append(f"{name:<15}{r:<11.3f}{rc:<11.3f}{g:<9.3f}{gcpu:.3f}")
        gen, spec = meds["generic"], meds["specialised"]
        q = [a / b for a, b in zip(gen, spec, strict=True)]
        rows.append(f"generic/specialised wall: refgo {q[0]:.2f}x, gc {q[1]:.2f}x; "
                    f"cpu: refgo {q[2]:.2f}x, gc {q[3]:.2f}x")
    except (BenchError, ValueError) as e:
        print(f"bench: {e}", file=sys.stderr)
        return 1
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
