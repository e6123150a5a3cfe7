"""Compile cost: the CPU time and peak RSS of a case's compiler steps, and the run's report
of the slowest and largest compiles (issue 23: every file of Go's test tree compiles, or
fails clearly, within 20 s of CPU and 1 GiB).

A `// rundir` case whose X.dir holds packages a and main runs three compiler steps
(compile a, compile main, link), then the program. Measured by the executor at
(1.2 s, 90 MiB), (2.0 s, 120 MiB) and (0.4 s, 60 MiB), its cost is

    Cost(cpu=3.6, maxrss=120 << 20, steps=3)

CPU summed over the steps, RSS the largest step's (each step is its own process tree);
the program's own run is not a compile and is not counted. Over a run, summarize() keeps
the ten slowest and the ten largest and the cases over the limits, and render_text()
prints them:

    compile cost of 2 cases (CPU user+sys summed over a case's compiler steps, peak RSS
    of its largest step): over 20 s CPU: 0; over 1 GiB: 0
    slowest      CPU s  RSS MiB  steps
    rundir.go      3.6      120      3
    hello.go       0.8       40      1
    largest      CPU s  RSS MiB  steps
    rundir.go      3.6      120      3
    hello.go       0.8       40      1

The conformance summary (harness.conformance) prints this and puts it in its JSON
("compile_cost", and each measured case's cpu, maxrss and steps) and Markdown.
`python -m harness.cost [--md] out/tree-refgo.json ...` prints it from --conformance-json
files, merging those of one compiler (the shards of a run).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

CPU_LIMIT = 20.0
"""Seconds of CPU (user plus system) a compile may take: issue 23's bound."""
RSS_LIMIT = 1 << 30
"""Bytes of peak RSS a compile may reach: issue 23's bound."""
TOP = 10
MIB = 1 << 20


@dataclass(frozen=True, slots=True)
class Cost:
    """The compile cost of one case: CPU seconds summed over its compiler steps, the peak
    RSS in bytes of the largest one, and how many there were."""

    cpu: float = 0.0
    maxrss: int = 0
    steps: int = 0

    def as_dict(self) -> dict[str, float | int]:
        """Returns the cost as JSON-able fields (CPU rounded to milliseconds)."""
        return {"cpu": round(self.cpu, 3), "maxrss": self.maxrss, "steps": self.steps}

    @staticmethod
    def from_dict(d: Mapping[str, object]) -> Cost | None:
        """Returns the cost as_dict() gave, or None when d is not one."""
        cpu, rss, steps = d.get("cpu"), d.get("maxrss"), d.get("steps")
        if not isinstance(cpu, int | float) or not isinstance(rss, int):
            return None
        if not isinstance(steps, int):
            return None
        return Cost(float(cpu), rss, steps)


def charge(cost: Cost | None, cpu: float | None, maxrss: int | None) -> Cost | None:
    """Returns cost with one more compiler step of (cpu, maxrss) added; None when cost or
    the step is not measured (a case with one unmeasured step has no cost)."""
    if cost is None or cpu is None or maxrss is None:
        return None
    return Cost(cost.cpu + cpu, max(cost.maxrss, maxrss), cost.steps + 1)


@dataclass(frozen=True, slots=True)
class CaseCost:
    """A case key and its compile cost."""

    case: str
    cost: Cost


def _row(c: CaseCost) -> dict[str, object]:
    return {"case": c.case, **c.cost.as_dict()}


def summarize(costs: Iterable[CaseCost], top: int = TOP) -> dict[str, object]:
    """Returns the JSON-able cost summary: how many cases were measured, the limits, the
    cases over each limit (worst first) and the top slowest and largest (ties by key).

    Cases that ran no compiler step are left out.
    """
    cs = [c for c in costs if c.cost.steps > 0]
    slow = sorted(cs, key=lambda c: (-c.cost.cpu, c.case))
    large = sorted(cs, key=lambda c: (-c.cost.maxrss, c.case))
    return {
        "measured": len(cs),
        "cpu_limit": CPU_LIMIT,
        "rss_limit": RSS_LIMIT,
        "over_cpu": [c.case for c in slow if c.cost.cpu > CPU_LIMIT],
        "over_rss": [c.case for c in large if c.cost.maxrss > RSS_LIMIT],
        "slowest": [_row(c) for c in slow[:top]],
        "largest": [_row(c) for c in large[:top]],
    }


def _table(summary: Mapping[str, object], name: str) -> list[tuple[str, Cost]]:
    rows = summary.get(name)
    out: list[tuple[str, Cost]] = []
    for r in rows if isinstance(rows, list) else []:
        cost = Cost.from_dict(r) if isinstance(r, dict) else None
        if cost is not None:
            out.append((str(r.get("case")), cost))
    return out


def _names(summary: Mapping[str, object], name: str) -> list[str]:
    v = summary.get(name)
    return [str(x) for x in v] if isinstance(v, list) else []


def _headline(summary: Mapping[str, object]) -> str:
    over_cpu, over_rss = _names(summary, "over_cpu"), _names(summary, "over_rss")
    return (f"over {CPU_LIMIT:g} s CPU: {len(over_cpu)}; "
            f"over {RSS_LIMIT // (1 << 30)} GiB: {len(over_rss)}")


def render_text(summary: Mapping[str, object]) -> list[str]:
    """Returns the terminal lines of a cost summary (none when no case was measured)."""
    n = summary.get("measured")
    if not isinstance(n, int) or n == 0:
        return []
    lines = [f"compile cost of {n} case{'s' if n != 1 else ''} (CPU user+sys summed over "
             "a case's compiler steps, peak RSS", f"of its largest step): {_headline(summary)}"]
    for what in ("over_cpu", "over_rss"):
        for case in _names(summary, what):
            lines.append(f"  {what.replace('_', ' ')}: {case}")
    for title, name in (("slowest", "slowest"), ("largest", "largest")):
        rows = _table(summary, name)
        width = max([len(title)] + [len(c) for c, _ in rows])
        lines.append(f"{title:<{width}}  {'CPU s':>7}  {'RSS MiB':>7}  {'steps':>5}")
        for case, cost in rows:
            lines.append(f"{case:<{width}}  {cost.cpu:>7.1f}  {cost.maxrss / MIB:>7.0f}  "
                         f"{cost.steps:>5}")
    return lines


def render_md(summary: Mapping[str, object], title: str = "Compile cost") -> list[str]:
    """Returns a cost summary as a Markdown section (none when no case was measured)."""
    n = summary.get("measured")
    if not isinstance(n, int) or n == 0:
        return []
    out = [f"## {title}", "",
           f"{n} cases measured (CPU user+sys summed over a case's compiler steps, peak RSS "
           f"of its largest step); {_headline(summary)}."]
    for what, label in (("over_cpu", "Over the CPU limit"), ("over_rss", "Over 1 GiB")):
        names = _names(summary, what)
        if names:
            out += ["", f"{label}: " + ", ".join(f"`{c}`" for c in names)]
    for title, name in (("Slowest", "slowest"), ("Largest", "largest")):
        out += ["", f"### {title} ten", "", "| case | CPU s | peak RSS MiB | steps |",
                "|---|---|---|---|"]
        out += [f"| {case} | {cost.cpu:.1f} | {cost.maxrss / MIB:.0f} | {cost.steps} |"
                for case, cost in _table(summary, name)]
    return out


def from_cases(entries: object) -> list[CaseCost]:
    """Returns the measured cases of a --conformance-json file's case list (the entries
    that carry cpu, maxrss and steps)."""
    out: list[CaseCost] = []
    for e in entries if isinstance(entries, list) else []:
        c = Cost.from_dict(e) if isinstance(e, dict) else None
        if c is not None:
            out.append(CaseCost(str(e.get("case")), c))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Prints the compile cost of --conformance-json files, the files of one compiler (the
    shards of a run) merged; 2 when a compiler's files measured nothing."""
    ap = argparse.ArgumentParser(
        prog="python -m harness.cost",
        description="print the slowest and largest compiles of --conformance-json files",
    )
    ap.add_argument("json", nargs="+", type=Path, help="a --conformance-json file")
    ap.add_argument("--md", action="store_true", help="print Markdown (a job summary)")
    args = ap.parse_args(argv)
    by_compiler: dict[str, list[CaseCost]] = {}
    for path in args.json:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            print(f"{path}: {err}", file=sys.stderr)
            return 2
        if not isinstance(data, dict):
            print(f"{path}: not a conformance summary", file=sys.stderr)
            return 2
        cases = by_compiler.setdefault(str(data.get("compiler")), [])
        cases.extend(from_cases(data.get("cases")))
    rc = 0
    for compiler, cases in by_compiler.items():
        summary = summarize(cases)
        if args.md:
            lines = render_md(summary, f"Compile cost ({compiler})")
        else:
            lines = render_text(summary)
            lines = [f"== {compiler}", *lines] if lines else []
        if not lines:
            print(f"{compiler}: no compile was measured", file=sys.stderr)
            rc = 2
            continue
        print("\n".join(lines))
    return rc


if __name__ == "__main__":
    sys.exit(main())
