"""Agreement with Go's test/run.go: the harness's per-file outcomes against run.go's own.

    cd /usr/share/go-1.19/test && go run run.go -n 2 -show_skips > /tmp/rungo.log
    pytest --compiler=gc -n 2 /usr/share/go-1.19/test --conformance-json=/tmp/gc.json
    python -m harness.agree --root /usr/share/go-1.19/test /tmp/rungo.log /tmp/gc.json

prints how many files agree and every one that does not:

    agree 2376 of 2376 files (100.0%): pass 2253, known 10, skip 113, fail 0

run.go prints only its failures (`FAIL\\tfile\\t0.1s`) and, with -show_skips, the files
its build constraints exclude (`skip  file  : // +build arm`); every other file it ran
is "ok". So a file's run.go outcome is: fail if it printed FAIL, skip if excluded or
its action is `skip` (run.go returns before running it), known if it is on run.go's
expected-failure lists (it failed as expected: run.go prints FAIL otherwise), else
pass. The harness's conformance JSON folds the same way: xfail is known, xpass pass,
error fail. Exit status 0 when every file of either side agrees, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

OUTCOMES = ("pass", "known", "skip", "fail")
_FOLD = {"pass": "pass", "xpass": "pass", "xfail": "known", "skip": "skip",
         "fail": "fail", "error": "fail"}
_FAIL_RX = re.compile(r"^FAIL\t(\S+)\t", re.MULTILINE)
_SKIP_RX = re.compile(r"^skip\s+(\S+)\s*:", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Agreement:
    """Per-file outcomes of both drivers: harness[f] and run_go[f] in OUTCOMES."""

    harness: Mapping[str, str]
    run_go: Mapping[str, str]

    def disagreements(self) -> list[tuple[str, str, str]]:
        """(file, harness outcome, run.go outcome) of every file they differ on; a file
        only one side ran is "absent" on the other."""
        files = sorted({*self.harness, *self.run_go})
        out = []
        for f in files:
            h, r = self.harness.get(f, "absent"), self.run_go.get(f, "absent")
            if h != r:
                out.append((f, h, r))
        return out

    def summary(self) -> str:
        """One line: files agreeing of all files, with the agreed outcomes counted."""
        files = {*self.harness, *self.run_go}
        agreed = [self.harness[f] for f in files if self.harness.get(f) == self.run_go.get(f)]
        pct = 100.0 * len(agreed) / len(files) if files else 100.0
        counts = ", ".join(f"{o} {agreed.count(o)}" for o in OUTCOMES)
        return f"agree {len(agreed)} of {len(files)} files ({pct:.1f}%): {counts}"


def skip_action(src: str) -> bool:
    """Reports whether run.go reads `skip` as src's action (it then returns unrun)."""
    action, sep, _ = src.partition("\n\n")
    if not sep:
        return False
    first, nl, rest = action.partition("\n")
    if nl and "+build" in first:
        action = rest
    action = action.removeprefix("//")
    try:
        words = shlex.split(action)
    except ValueError:
        return False
    return bool(words) and words[0] == "skip"


def run_go_outcomes(
    log: str, root: str, files: Sequence[str], expected: Mapping[str, str]
) -> dict[str, str]:
    """The outcome of each of files (relative to root) in run.go's output log; expected
    holds run.go's expected failures (harness.compilers.run_go_failures)."""
    failed = set(_FAIL_RX.findall(log))
    skipped = set(_SKIP_RX.findall(log))
    out = {}
    for f in files:
        if f in failed:
            out[f] = "fail"
        elif f in skipped:
            out[f] = "skip"
        else:
            with open(os.path.join(root, f), encoding="utf-8", errors="replace") as fh:
                is_skip = skip_action(fh.read())
            out[f] = "skip" if is_skip else "known" if f in expected else "pass"
    return out


def run_go_files(root: str, dirs: Sequence[str]) -> list[str]:
    """The files run.go runs from dirs of root, as it names them (goFiles: every *.go not
    starting with a dot)."""
    out: list[str] = []
    for d in dirs:
        names = sorted(n for n in os.listdir(os.path.join(root, d))
                       if n.endswith(".go") and not n.startswith("."))
        out.extend(os.path.normpath(os.path.join(d, n)) for n in names)
    return out


def harness_outcomes(summary: Mapping[str, object]) -> dict[str, str]:
    """Per-file outcomes from a --conformance-json summary, folded to OUTCOMES."""
    cases = summary.get("cases")
    if not isinstance(cases, list):
        raise ValueError("not a conformance summary: no cases list")
    return {str(c["case"]): _FOLD[str(c["outcome"])] for c in cases}


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: python -m harness.agree --root TEST RUNGO_LOG HARNESS_JSON."""
    from harness.compilers import RUN_GO_LISTS, run_go_failures
    from harness.plugin import run_go_dirs

    ap = argparse.ArgumentParser(prog="python -m harness.agree", description=__doc__.split("\n")[0])
    ap.add_argument("--root", required=True, help="Go's test directory run.go ran in")
    ap.add_argument("run_go_log", help="run.go's output (run with -show_skips)")
    ap.add_argument("harness_json", help="the harness's --conformance-json summary")
    ap.add_argument("--files", nargs="*", help="files run.go ran (default: its whole dirs)")
    args = ap.parse_args(argv)
    try:
        with open(os.path.join(args.root, "run.go"), encoding="utf-8") as fh:
            expected = run_go_failures(fh.read(), RUN_GO_LISTS)
        dirs = run_go_dirs(os.path.abspath(args.root))
        if args.files is None and dirs is None:
            raise ValueError(f"{args.root}/run.go has no dirs list: name --files")
        files = args.files
        if files is None:
            files = run_go_files(args.root, sorted(dirs or ()))
        with open(args.run_go_log, encoding="utf-8", errors="replace") as fh:
            log = fh.read()
        with open(args.harness_json, encoding="utf-8") as fh:
            harness = harness_outcomes(json.load(fh))
    except (OSError, ValueError, KeyError) as err:
        sys.stderr.write(f"harness.agree: {err}\n")
        return 2
    result = Agreement(harness, run_go_outcomes(log, args.root, files, expected))
    print(result.summary())
    for f, h, r in result.disagreements():
        print(f"  {f}: harness {h}, run.go {r}")
    return 1 if result.disagreements() else 0


if __name__ == "__main__":
    sys.exit(main())
