"""Writes conformance/known_failures.txt from a run of Go's tree: one cause per failure.

A cause is derived from the failure's own message, so the list can be regenerated
rather than typed. Run the tree with an empty known-failures list (so every failure
keeps its message) and a JUnit report, then triage the report:

    : > /tmp/none.txt
    pytest -n 2 /usr/share/go-1.19/test --known-failures=/tmp/none.txt \\
        --junitxml=/tmp/tree.xml -p no:cacheprovider
    python -m conformance.triage /tmp/tree.xml            # rewrite known_failures.txt
    python -m conformance.triage /tmp/tree.xml --print    # print it instead
    python -m conformance.triage /tmp/tree.xml --counts   # causes counted by group
    python -m conformance.triage /tmp/tree.xml /tmp/rerun.xml   # a rerun of some files

With several reports, a later one decides the cases it ran: rerunning only the listed
files after a change refreshes their causes and drops the files that now pass.

`--compiler=gccgo` triages a run under gccgo into conformance/known_failures_gccgo.txt,
with gccgo's causes (conformance/triage_gccgo.py: type parameters, gc's flags, Go 1.19
library, then the groups below). Under any compiler a listed case whose cause starts
with `flaky:` (written by a person: a timeout under load, say) stays listed while it
passes, so a list regenerated on a quiet machine keeps it.

For example, a `run` case whose build printed

    fixedbugs/issue4734.go:9:2: refgo's library has no package flag yet

is listed as

    fixedbugs/issue4734.go    missing package flag

under the group "library: package missing". The groups and their order are GROUPS;
within a group lines are sorted by cause, then path. The output depends only on the
report and on the current list: a case already listed keeps its cause (a person may
have written a better one), except in the library groups, whose derived cause names
the missing package or function exactly (and timeouts, ICEs), and except causes shaped
like the ones this script writes or a stale `package X` (`--rederive` derives every
cause afresh). Cases that passed or were skipped are left
out, so a regenerated list also drops the lines of fixed files.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from conformance import triage_gccgo

KNOWN_FILE = Path(__file__).resolve().parent / "known_failures.txt"
GCCGO_KNOWN_FILE = Path(__file__).resolve().parent / "known_failures_gccgo.txt"
PROP_CASE = "conformance.case"
PROP_DIRECTIVE = "conformance.directive"

# Group headings, in file order; classify() returns one of these keys.
GROUPS: dict[str, str] = {
    "package": "library: package missing (refgo's library has no package X yet)",
    "member": "library: function, type or variable missing in a package refgo has",
    "ice": "internal compiler error",
    "unsupported": "refgo says it does not support the construct yet",
    "rejected": "valid program rejected: refgo's first error",
    "accepted": "invalid program accepted: compilation succeeded unexpectedly",
    "diag": "diagnostics differ from the // ERROR comments: the first difference",
    "asm": "asmcheck: the -S listing does not satisfy the checks",
    "crash": "the program fails at run time: its first panic or fatal line",
    "output": "wrong output: the first line that differs from X.out",
    "timeout": "timeout or memory limit",
    "other": "other",
}

_LIB_PKG = re.compile(r"refgo's library has no package (\S+) yet")
_LIB_MEMBER = re.compile(r"refgo's library has no (\S+) yet")
_POS = re.compile(r"^(?:[^\s:]+\.(?:go|s)):\d+(?::\d+)?:\s*")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_GOROUTINE = re.compile(r"goroutine \d+")
_TMPDIR = re.compile(r"/tmp/\S*")
_STAMP = re.compile(r"\b\d{4}/\d\d/\d\d \d\d:\d\d:\d\d(?:\.\d+)? ")  # log's prefix
_CUT = re.compile(r"^\[\.\.\. \d+ characters cut \.\.\.\]$")
# A method a library type lacks (`x.M undefined (type reflect.Value has no field or
# method M)`) and unsafe's newer functions count as missing library code too.
_NO_METHOD = re.compile(r"undefined \(type ([a-z][\w/]*\.[A-Z]\w*) has no field or method (\w+)\)")
_UNSAFE = re.compile(r"undefined: (unsafe\.\w+)()")
# Groups whose derived cause is already exact: a hand-written cause does not replace it.
_EXACT = frozenset({"package", "member", "ice", "unsupported", "timeout"})
# Causes this script writes (not a person): never kept, since the message may have moved.
_DERIVED = re.compile(
    r"^(missing |timeout |wrong output|panic: |fatal error: |line \d+: |unexpected error: "
    r"|invalid program accepted|compile -S: |internal compiler error|exit status |signal: "
    r"|linux/amd64/)"
)
# The list's library causes before this script (`package reflect`): derived afresh.
_OLD_LIB = re.compile(r"^package \S+")
_TITLE = re.compile(r"^\S+: // \S+ failed \(compiler \S+\)$")
_FLAKY = "flaky:"
# gccgo's `error: ` after a message's position says nothing a cause needs.
_GCCGO_ERROR = re.compile(r"(^|: |got )error: ")
_UNSUPPORTED = re.compile(r"refgo does not support|not supported")
_MAX = 90


@dataclass(frozen=True, slots=True)
class Failure:
    """One failing case of the report: its key, directive and failure text."""

    case: str
    directive: str
    text: str


def read_junit(path: Path) -> tuple[list[Failure], set[str]]:
    """Returns the report's failing cases and the keys of every case it ran.

    Only test cases carrying the harness's conformance.case property count (Go's files).
    """
    failures: dict[str, Failure] = {}
    seen: set[str] = set()
    for tc in ET.parse(path).getroot().iter("testcase"):
        props = {p.get("name"): p.get("value") for p in tc.iter("property")}
        case, kw = props.get(PROP_CASE), props.get(PROP_DIRECTIVE)
        if not case:
            continue
        seen.add(case)
        for el in tc:
            if el.tag in ("failure", "error") and case not in failures:
                text = el.text or el.get("message") or ""
                failures[case] = Failure(case, kw or "", text)
    return sorted(failures.values(), key=lambda f: f.case), seen


def _clean(s: str) -> str:
    """Makes a message short and stable: no position, addresses or temp paths."""
    s = _POS.sub("", s.strip())
    s = _HEX.sub("0x…", s)
    s = _GOROUTINE.sub("goroutine N", s)
    s = _TMPDIR.sub("…", s)
    s = _STAMP.sub("", s)
    s = " ".join(s.split())
    return s if len(s) <= _MAX else s[: _MAX - 1] + "…"


def _body(text: str) -> list[str]:
    """Returns the report's lines after its `X.go: // run failed` title and before the
    appended `reproduce (...)` commands."""
    lines = text.splitlines()
    if lines and _TITLE.match(lines[0]):
        lines = lines[1:]
    for i, line in enumerate(lines):
        if line.startswith("reproduce ("):
            return lines[:i]
    return lines


def _library(lines: Sequence[str]) -> tuple[str, str] | None:
    """Returns the library group and cause when the output names missing library code."""
    pkgs = sorted({m.group(1) for ln in lines for m in [_LIB_PKG.search(ln)] if m})
    if pkgs:
        return "package", "missing package " + ", ".join(pkgs)
    members = [m.group(1) for ln in lines for m in [_LIB_MEMBER.search(ln)] if m]
    for ln in lines:
        m = _NO_METHOD.search(ln) or _UNSAFE.search(ln)
        if m:
            members.append(".".join(g for g in m.groups() if g))
    if members:
        return "member", "missing " + ", ".join(sorted(set(members)))
    return None


def _first_error(lines: Sequence[str]) -> str:
    """Returns the first compiler diagnostic of lines (a positioned line), cleaned."""
    for ln in lines:
        if _POS.match(ln.strip()):
            return _clean(ln)
    for ln in lines:
        if ln.strip():
            return _clean(ln)
    return "(no output)"


def _crash(lines: Sequence[str], status: str) -> str:
    """Returns the first panic/fatal line of a failed run, else its first output line."""
    for ln in lines:
        s = ln.strip()
        if s.startswith(("panic:", "fatal error:", "runtime:", "SIGSEGV", "unexpected fault")):
            return _clean(s)
    if any(_CUT.match(ln.strip()) for ln in lines):
        return f"{status}: no panic or fatal line in the output's kept tail"
    for ln in lines:
        if ln.strip():
            return _clean(f"{status}: {ln.strip()}")
    return status


def _output_diff(lines: Sequence[str]) -> str:
    """Returns the first removed/added line pair of a unified diff, as want/got."""
    want = got = None
    for ln in lines:
        if ln.startswith(("---", "+++", "@@")):
            continue
        if ln.startswith("-") and want is None:
            want = ln[1:]
        elif ln.startswith("+") and got is None:
            got = ln[1:]
        if want is not None and got is not None:
            break
    if want is None and got is None:
        return "wrong output"
    if got is None:
        return _clean(f"wrong output: missing {want!r}")
    if want is None:
        return _clean(f"wrong output: extra {got!r}")
    return _clean(f"wrong output: want {want!r}, got {got!r}")


def _diagnostics(lines: Sequence[str]) -> str:
    """Returns the first difference of an errorcheck report, cleaned."""
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s == "Unmatched Errors:":
            nxt = next((x for x in lines[i + 1 :] if x.strip()), "")
            return _clean("unexpected error: " + _POS.sub("", nxt.strip()))
        m = re.match(r"^\S+?:(\d+): (missing error .*)$", s)
        if m:
            return _clean(f"line {m.group(1)}: {m.group(2)}")
        m = re.match(r"^\S+?:(\d+): no match for (.*) in:$", s)
        if m:
            got = lines[i + 1].strip() if i + 1 < len(lines) else ""
            return _clean(f"line {m.group(1)}: want {m.group(2)}, got {_POS.sub('', got)}")
    return _first_error(lines)


def classify(f: Failure) -> tuple[str, str]:
    """Returns (group key, cause) for one failure, from its message alone."""
    lines = _body(f.text)
    head = lines[0].strip() if lines else ""
    lib = _library(lines)
    if head.startswith(("timed out after", "killed by the memory limit")):
        m = re.match(r"timed out after (\S+) running (\S+)", head)
        if m:
            step = "the program" if m.group(2).endswith("a.exe") else "the compiler"
            return "timeout", f"timeout ({m.group(1)}) in {step}"
        return "timeout", "killed by the memory limit"
    if lib is not None:
        return lib
    if any("internal compiler error" in ln for ln in lines):
        ice = next(ln for ln in lines if "internal compiler error" in ln)
        return "ice", _clean(ice)
    unsupported = next((ln for ln in lines if _UNSUPPORTED.search(ln)), None)
    if unsupported is not None:
        return "unsupported", _clean(unsupported)
    if head.startswith("compilation succeeded unexpectedly"):
        return "accepted", "invalid program accepted"
    if head.startswith(("output does not match", "output should be empty")):
        return "output", _output_diff(lines[1:])
    m = re.match(r"^(build|compile|test|compile -S \(.*\)) failed: (.*)$", head)
    if m:
        if m.group(1).startswith("compile -S"):
            return "rejected", "compile -S: " + _first_error(lines[1:])
        return "rejected", _first_error(lines[1:])
    if re.match(r"^(exit status \d+|signal: .*)$", head):
        if f.directive in ("errorcheck", "errorcheckdir", "errorcheckoutput"):
            return "rejected", _first_error(lines[1:])
        return "crash", _crash(lines[1:], head)
    if f.directive == "asmcheck":
        return "asm", _clean(re.sub(r"^\S+?:\d+: ", "", head))
    if f.directive.startswith("errorcheck") or "missing error" in head or "Unmatched" in head:
        return "diag", _diagnostics(lines)
    return "other", _clean(head) if head else "(no message)"


def render(
    entries: Iterable[tuple[str, str, str]], header: str, groups: Mapping[str, str] = GROUPS
) -> str:
    """Returns the known-failures file for (group, path, cause) entries, grouped."""
    rows_all = list(entries)
    by_group: dict[str, list[tuple[str, str]]] = {g: [] for g in groups}
    for group, path, cause in rows_all:
        by_group[group].append((cause, path))
    width = max((len(path) for _, path, _ in rows_all), default=0) + 2
    out = [header]
    for group, rows in by_group.items():
        if not rows:
            continue
        out.append(f"\n# {groups[group]} ({len(rows)})\n")
        for cause, path in sorted(rows):
            out.append(f"{path.ljust(width)}{cause}\n")
    return "".join(out)


HEADER = """\
# Files of Go 1.19's test tree expected to fail under refgo: PATH (relative to the test
# directory) then a short cause. A listed case that fails is XFAIL with this cause; one
# that passes is XPASS and is named at the end of the run: delete its line.
#
# Generated by `python -m conformance.triage REPORT.xml` from a run of the whole tree
# with an empty known-failures list (docs/conformance.md, "The whole tree"): each cause
# is derived from the failure's message; a cause written by hand is kept while its case
# still fails. Delete the lines of files you fix; regenerate to add new ones.
"""


GCCGO_HEADER = """\
# Files of Go 1.19's test tree expected to fail under gccgo (Debian's gccgo-12: Go 1.18
# without type parameters, gccgo's own diagnostics, none of gc's flags): PATH (relative
# to the test directory) then a short cause. A listed case that fails is XFAIL with this
# cause; one that passes is XPASS and is named at the end of the run: delete its line.
#
# Generated by `python -m conformance.triage --compiler=gccgo REPORT.xml` from a run of
# the whole tree under --compiler=gccgo with an empty known-failures list
# (docs/conformance.md, "gccgo's known failures"); a cause written by hand is kept while
# its case still fails, and a `flaky:` one while it passes too.
"""


def _classify_gccgo(f: Failure) -> tuple[str, str]:
    """gccgo's classification: triage_gccgo's causes, then classify()'s, its groups
    mapped onto triage_gccgo.GROUPS."""

    def fallback() -> tuple[str, str]:
        group, cause = classify(f)
        mapped = {"package": "library", "member": "library", "unsupported": "rejected",
                  "asm": "other"}
        return mapped.get(group, group), cause

    group, cause = triage_gccgo.classify(f.case, f.directive, f.text, _body(f.text),
                                         fallback, _first_error, _clean)
    return group, _GCCGO_ERROR.sub(r"\1", cause)


@dataclass(frozen=True, slots=True)
class Profile:
    """How one compiler's failures are listed: its list file, header, groups (in file
    order), the groups whose derived cause beats a hand-written one, and classify."""

    output: Path
    header: str
    groups: Mapping[str, str]
    exact: frozenset[str]
    classify: Callable[[Failure], tuple[str, str]]


PROFILES: dict[str, Profile] = {
    "refgo": Profile(KNOWN_FILE, HEADER, GROUPS, _EXACT, classify),
    "gccgo": Profile(GCCGO_KNOWN_FILE, GCCGO_HEADER, triage_gccgo.GROUPS, triage_gccgo.EXACT,
                     _classify_gccgo),
}


def triage(
    failures: Sequence[Failure],
    current: dict[str, str],
    rederive: bool,
    profile: Profile = PROFILES["refgo"],
    passed: Iterable[str] = (),
) -> list[tuple[str, str, str]]:
    """Returns (group, path, cause) for every failure; keeps current causes unless rederive,
    and the `flaky:` lines of current for the cases in passed."""
    rows = []
    for f in failures:
        group, cause = profile.classify(f)
        hand = current.get(f.case)
        stale = _OLD_LIB.match(hand or "") or _DERIVED.match(hand or "")
        flaky = (hand or "").startswith(_FLAKY)
        if not rederive and hand and (flaky or (group not in profile.exact and not stale)):
            cause = hand
        rows.append((group, f.case, cause))
    for case in sorted(set(passed)):
        hand = current.get(case, "")
        if hand.startswith(_FLAKY) and "timeout" in profile.groups:
            rows.append(("timeout", case, hand))
    return rows


def _parse_current(path: Path) -> dict[str, str]:
    from harness.conformance import parse_known_failures

    if not path.is_file():
        return {}
    return parse_known_failures(path, path.read_text(encoding="utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m conformance.triage", description=(__doc__ or "").split("\n")[0]
    )
    ap.add_argument("reports", type=Path, nargs="+", metavar="report",
                    help="JUnit XML of a tree run (--junitxml); a later one wins for its cases")
    ap.add_argument("--compiler", choices=sorted(PROFILES), default="refgo",
                    help="whose run the reports are (its causes and list; default refgo)")
    ap.add_argument("--output", type=Path, default=None,
                    help="list to rewrite (default: the compiler's, e.g. known_failures.txt)")
    ap.add_argument("--print", action="store_true", help="print the list, write nothing")
    ap.add_argument("--counts", action="store_true", help="print cases per group and cause")
    ap.add_argument("--rederive", action="store_true", help="ignore the causes of the list")
    args = ap.parse_args(argv)
    profile = PROFILES[args.compiler]
    output: Path = args.output or profile.output
    merged: dict[str, Failure] = {}
    passed: set[str] = set()
    for report in args.reports:
        try:
            failures, ran = read_junit(report)
        except (OSError, ET.ParseError) as err:
            print(f"triage: {report}: {err}", file=sys.stderr)
            return 2
        for case in ran:
            merged.pop(case, None)
        merged.update((f.case, f) for f in failures)
        passed = (passed | ran) - {f.case for f in failures}
    failures = [merged[c] for c in sorted(merged)]
    rows = triage(failures, _parse_current(output), args.rederive, profile, passed)
    if args.counts:
        groups = Counter(g for g, _, _ in rows)
        for g in profile.groups:
            if groups[g]:
                print(f"{groups[g]:5d}  {profile.groups[g]}")
        print(f"{len(rows):5d}  total")
        return 0
    text = render(rows, profile.header, profile.groups)
    if args.print:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        print(f"triage: {len(rows)} failing cases written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
