"""The conformance matrix: one test tree, several compilers, one table.

    python -m harness.matrix --compilers gc,gccgo,refgo -- -n 2 /usr/share/go-1.19/test/ken

runs pytest once per compiler (each writing harness.conformance's JSON summary to a
temporary file), then prints, per directive and per directory, pass/fail/known/skip for
every compiler side by side:

    directive    |        gc pass fail known skip |     gccgo pass fail known skip | ...
    compile      |              3    0     0    0 |              3    0     0    0 | ...
    run          |             28    0     0    0 |             26    2     0    0 | ...
    total        |             31    0     0    0 |             29    2     0    0 | ...

`fail` counts failures, setup/teardown errors and strict unexpected passes; `known`
counts xfail (listed known failures that failed); an unexpected non-strict pass counts
as `pass`. `--from gc.json gccgo.json ...` builds the matrix from summaries written
earlier with --conformance-json instead of running anything (a CI matrix merges its
jobs' summaries this way; the shards of one compiler merge). `--format json|md` prints
the same data as JSON or Markdown, `--output F` writes it to F; under GitHub Actions the
Markdown is also appended to $GITHUB_STEP_SUMMARY. Exit status: 0 when every run exited
0, 1 when a case failed, 2 for a usage error, and a pytest run's own status (e.g. 4) when
one could not start; its stderr is then shown as is.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

COLUMNS = ("pass", "fail", "known", "skip")
_FOLD = {"pass": "pass", "xpass": "pass", "fail": "fail", "error": "fail",
         "xfail": "known", "skip": "skip"}


class MatrixError(Exception):
    """Bad input: an unreadable summary file or a case reported twice for one compiler."""


@dataclass(frozen=True, slots=True)
class Matrix:
    """Per-case outcomes of each compiler: compilers in column order, cases[case] =
    (directive, {compiler: outcome folded to COLUMNS})."""

    compilers: tuple[str, ...]
    cases: Mapping[str, tuple[str, Mapping[str, str]]]

    def rows(self, by: str) -> list[tuple[str, dict[str, dict[str, int]]]]:
        """Returns (key, {compiler: {column: count}}) rows by "directive" or "directory",
        sorted, then the total row."""
        table: dict[str, dict[str, dict[str, int]]] = {}
        total = {c: dict.fromkeys(COLUMNS, 0) for c in self.compilers}
        for case, (directive, outcomes) in self.cases.items():
            key = directive if by == "directive" else _directory(case)
            row = table.setdefault(key, {c: dict.fromkeys(COLUMNS, 0) for c in self.compilers})
            for c, o in outcomes.items():
                row[c][o] += 1
                total[c][o] += 1
        return [*sorted(table.items()), ("total", total)]

    def as_json(self) -> dict[str, object]:
        """The matrix as JSON-able data: both tables, totals and every case's outcomes."""
        def table(by: str) -> dict[str, object]:
            return dict(self.rows(by))

        return {
            "compilers": list(self.compilers),
            "by_directive": table("directive"),
            "by_directory": table("directory"),
            "cases": {
                k: {"directive": d, **dict(o)} for k, (d, o) in sorted(self.cases.items())
            },
        }


def _directory(case: str) -> str:
    head, sep, _ = case.rpartition("/")
    return head if sep else "."


def from_summaries(summaries: Sequence[Mapping[str, object]]) -> Matrix:
    """Builds the matrix from harness.conformance JSON summaries; several summaries of one
    compiler (the shards of a CI job) merge, but a case may appear once per compiler."""
    compilers: list[str] = []
    cases: dict[str, tuple[str, dict[str, str]]] = {}
    for s in summaries:
        name = str(s.get("compiler", "?"))
        if name not in compilers:
            compilers.append(name)
        listed = s.get("cases")
        if not isinstance(listed, list):
            raise MatrixError(f"summary of {name} has no case list")
        for r in listed:
            case, directive, outcome = r["case"], r["directive"], r["outcome"]
            entry = cases.setdefault(case, (directive, {}))
            if name in entry[1]:
                raise MatrixError(f"{case} is reported twice for compiler {name}")
            entry[1][name] = _FOLD[outcome]
    return Matrix(tuple(compilers), cases)


def render_text(m: Matrix) -> str:
    """The two tables as aligned text."""
    out: list[str] = []
    for by in ("directive", "directory"):
        rows = m.rows(by)
        width = max([len(by)] + [len(k) for k, _ in rows])
        cw = [max(len(c) + 1, 6) for c in m.compilers]
        head = f"{by:<{width}}" + "".join(
            f" | {c:>{w}} " + " ".join(COLUMNS) for c, w in zip(m.compilers, cw, strict=True)
        )
        out.append(head)
        for key, counts in rows:
            line = f"{key:<{width}}"
            for c, w in zip(m.compilers, cw, strict=True):
                cells = " ".join(f"{counts[c][k]:>{len(k)}}" for k in COLUMNS)
                line += f" | {'':>{w}} {cells}"
            out.append(line)
        out.append("")
    return "\n".join(out)


def render_md(m: Matrix) -> str:
    """The two tables as Markdown: one column per compiler, `pass / fail / known / skip`."""
    out = ["# Conformance matrix", ""]
    totals = dict(m.rows("directive"))["total"]
    for c in m.compilers:
        t = totals[c]
        n = sum(t.values())
        out.append(f"- **{c}**: {t['pass']} of {n} pass, {t['fail']} fail, "
                   f"{t['known']} known failures, {t['skip']} skipped")
    for by in ("directive", "directory"):
        out += ["", f"## By {by}", "", "pass / fail / known / skip", ""]
        out.append(f"| {by} | " + " | ".join(m.compilers) + " |")
        out.append("|---" * (len(m.compilers) + 1) + "|")
        for key, counts in m.rows(by):
            cells = [" / ".join(str(counts[c][k]) for k in COLUMNS) for c in m.compilers]
            name = f"**{key}**" if key == "total" else key
            out.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def run_compilers(compilers: Sequence[str], pytest_args: Sequence[str], tmp: Path) -> tuple[
    list[dict[str, object]], int
]:
    """Runs pytest once per compiler; returns their summaries and the worst exit status."""
    summaries: list[dict[str, object]] = []
    worst = 0
    for c in compilers:
        out = tmp / f"{c}.json"
        argv = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q",
                f"--compiler={c}", f"--conformance-json={out}", *pytest_args]
        print(f"matrix: {c}: {' '.join(argv[1:])}", file=sys.stderr, flush=True)
        res = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True, check=False)
        if res.returncode not in (0, 1):
            sys.stderr.write(res.stderr)
            return summaries, res.returncode
        worst = max(worst, res.returncode)
        summaries.append(json.loads(out.read_text(encoding="utf-8")))
    return summaries, worst


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: see the module docstring."""
    ap = argparse.ArgumentParser(prog="python -m harness.matrix",
                                 description="conformance matrix of several compilers")
    ap.add_argument("--compilers", default="gc,gccgo,refgo",
                    help="comma-separated --compiler values (default: gc,gccgo,refgo)")
    ap.add_argument("--from", dest="sources", nargs="+", metavar="JSON",
                    help="build the matrix from --conformance-json summaries; run nothing")
    ap.add_argument("--format", choices=("text", "json", "md"), default="text")
    ap.add_argument("--output", metavar="FILE", help="write the matrix here, not to stdout")
    ap.add_argument("pytest_args", nargs="*", help="after --: paths and pytest options")
    a = ap.parse_args(argv)
    status = 0
    try:
        if a.sources:
            summaries = []
            for src in a.sources:
                try:
                    summaries.append(json.loads(Path(src).read_text(encoding="utf-8")))
                except (OSError, ValueError) as err:
                    raise MatrixError(f"{src}: {err}") from None
        else:
            names = [c for c in a.compilers.split(",") if c]
            if len(set(names)) != len(names) or not names:
                raise MatrixError(f"--compilers={a.compilers}: name each compiler once")
            with tempfile.TemporaryDirectory(prefix="refgo-matrix-") as tmp:
                summaries, status = run_compilers(names, a.pytest_args, Path(tmp))
            if status not in (0, 1):
                return status
        m = from_summaries(summaries)
    except MatrixError as err:
        print(f"matrix: {err}", file=sys.stderr)
        return 2
    text = {"text": render_text, "md": render_md}.get(a.format, lambda m: "")(m)
    if a.format == "json":
        text = json.dumps(m.as_json(), indent=2) + "\n"
    if a.output:
        Path(a.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as f:
            f.write(render_md(m))
    return status


if __name__ == "__main__":
    sys.exit(main())
