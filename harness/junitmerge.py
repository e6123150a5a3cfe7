"""Merge the JUnit XML reports of CI shards and check that the shards covered the suite.

Worked example.  Each shard job ran ``pytest --shard=I/3 --junitxml=reports/shard-I.xml``;
the merge job ran ``pytest --collect-only -q > ids.txt`` and then::

    python -m harness.junitmerge --expect ids.txt --output merged.xml reports/*.xml

which prints one line per problem and a verdict, e.g.::

    junitmerge: 3 reports, 120 cases: 117 passed, 2 skipped, 1 failed, 0 errors, 0 collection errors
    junitmerge: failed: tests/test_x.py::test_y (shard-2.xml)
    junitmerge: ran in no shard: cases/iface/convt2e.go::convt2e
    junitmerge: FAIL

Exit status: 0 when every expected id ran in exactly one report and nothing failed;
1 when a case failed or errored, a file failed to collect, an expected id ran in no
report, a case ran in two reports, or a report holds a case that ``--expect`` does not
list (the shards collected a different suite); 2 for bad input (unreadable or malformed
files), with a one-line message.  pytest writes an entry for each collector that failed
or skipped (message "collection failure"/"collection skipped"); every shard collects
the whole suite, so such an entry appears in every report: it is one collection error,
or nothing, never a case.

Matching.  pytest writes a case as ``classname``/``name`` attributes, mangled from its
node id: the path part with ``/`` turned into ``.`` and a ``.py`` suffix dropped, the
``::`` names joined to it with ``.``, the last name keeping its ``[params]``.  The
expected ids are mangled the same way (``junit_key``) and matched on that pair.  Two
ids with the same pair (``a/b.py`` and ``a.b.py``) are ambiguous: each needs the pair
to appear, and neither is reported as "ran in two shards".  A case that fails in call
and errors in teardown appears twice in one report; that is one run, not two.

The merged report (``--output``) is a ``<testsuites>`` holding every input
``<testsuite>``, each renamed after the report file it came from, with summed totals.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from harness.sharding import read_collected_ids

Key = tuple[str, str]


@dataclass(frozen=True, slots=True)
class CaseResult:
    """One ``<testcase>`` of one report.

    outcome is passed, skipped, failed or error for a test; "collection error" or
    "collection skipped" for the entry pytest writes for a collector (a file that failed
    to collect or skipped itself), which is not a case.
    """

    key: Key
    outcome: str
    report: str
    time: float


@dataclass(frozen=True, slots=True)
class Report:
    """One parsed report file: its cases and its ``<testsuite>`` elements."""

    name: str
    cases: tuple[CaseResult, ...]
    suites: tuple[ET.Element, ...]


class InputError(Exception):
    """Bad input file; the message is one line naming the file."""


def junit_key(nodeid: str) -> Key:
    """Return the (classname, name) pair pytest's junitxml writes for a node id."""
    path, sep, tail = nodeid.partition("::")
    names: list[str]
    params = ""
    if sep:
        rest, bracket, param = tail.partition("[")
        names = [path, *rest.split("::")]
        params = bracket + param
    else:
        names = [path]
    dotted = path.replace("/", ".")
    names[0] = dotted[:-3] if dotted.endswith(".py") else dotted
    names[-1] += params
    return ".".join(names[:-1]), names[-1]


def _outcome(case: ET.Element) -> str:
    """Classify a ``<testcase>`` by its children (failure/error outrank skipped)."""
    tags = {child.tag for child in case}
    messages = {child.get("message") for child in case}
    if "collection failure" in messages:
        return "collection error"
    if "collection skipped" in messages:
        return "collection skipped"
    if "error" in tags:
        return "error"
    if "failure" in tags:
        return "failed"
    if "skipped" in tags:
        return "skipped"
    return "passed"


def read_report(path: Path) -> Report:
    """Parse one JUnit XML file; raise InputError on unreadable or unexpected content."""
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from None
    except ET.ParseError as err:
        raise InputError(f"{path}: not well-formed XML: {err}") from None
    if root.tag == "testsuite":
        suites = [root]
    elif root.tag == "testsuites":
        suites = list(root.iter("testsuite"))
    else:
        raise InputError(f"{path}: root element <{root.tag}> is not <testsuites>/<testsuite>")
    cases: list[CaseResult] = []
    for suite in suites:
        for case in suite.iter("testcase"):
            key = (case.get("classname", ""), case.get("name", ""))
            try:
                seconds = float(case.get("time", "0") or 0)
            except ValueError:
                raise InputError(f"{path}: testcase {key[1]!r}: bad time attribute") from None
            cases.append(CaseResult(key, _outcome(case), path.name, seconds))
    return Report(path.name, tuple(cases), tuple(suites))


@dataclass(frozen=True, slots=True)
class Verdict:
    """Everything the merge found; ok is True when there is nothing to report."""

    counts: dict[str, int]
    failed: list[str]
    missing: list[str]
    duplicated: list[str]
    unexpected: list[str]

    @property
    def ok(self) -> bool:
        return not (self.failed or self.missing or self.duplicated or self.unexpected)


def check(expected: Sequence[str], reports: Sequence[Report]) -> Verdict:
    """Compare the cases in reports with the expected node ids."""
    ids_by_key: dict[Key, list[str]] = defaultdict(list)
    for nodeid in dict.fromkeys(expected):
        ids_by_key[junit_key(nodeid)].append(nodeid)
    reports_by_key: dict[Key, set[str]] = defaultdict(set)
    collect_errors: dict[Key, set[str]] = defaultdict(set)
    worst: dict[tuple[Key, str], str] = {}
    rank = {"passed": 0, "skipped": 1, "failed": 2, "error": 3}
    for report in reports:
        for case in report.cases:
            if case.outcome == "collection error":
                collect_errors[case.key].add(report.name)
            if case.outcome not in rank:
                continue
            reports_by_key[case.key].add(report.name)
            slot = (case.key, report.name)
            if rank[case.outcome] >= rank[worst.get(slot, "passed")]:
                worst[slot] = case.outcome
    counts = {name: 0 for name in rank}
    counts["collection error"] = len(collect_errors)
    failed = [
        f"collection error: {_label(key, ids_by_key)} ({', '.join(sorted(names))})"
        for key, names in sorted(collect_errors.items())
    ]
    for (key, report_name), outcome in sorted(worst.items()):
        counts[outcome] += 1
        if outcome in ("failed", "error"):
            failed.append(f"{outcome}: {_label(key, ids_by_key)} ({report_name})")
    missing = [i for key, ids in ids_by_key.items() if key not in reports_by_key for i in ids]
    duplicated = [
        f"{_label(key, ids_by_key)} ({', '.join(sorted(names))})"
        for key, names in sorted(reports_by_key.items())
        if len(names) > 1 and len(ids_by_key.get(key, ())) <= 1
    ]
    unexpected = [
        f"{_label(key, ids_by_key)} ({', '.join(sorted(names))})"
        for key, names in sorted(reports_by_key.items())
        if key not in ids_by_key
    ]
    return Verdict(counts, failed, sorted(missing), duplicated, unexpected)


def _label(key: Key, ids_by_key: dict[Key, list[str]]) -> str:
    """Name a case by its node id(s) when known, else by its junit pair."""
    ids = ids_by_key.get(key)
    if ids:
        return " | ".join(ids)
    return f"{key[0]}::{key[1]}" if key[0] else key[1]


def merged_xml(reports: Sequence[Report]) -> ET.ElementTree:
    """Build one ``<testsuites>`` from all reports' suites, each renamed after its file."""
    root = ET.Element("testsuites", name="merged shards")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    seconds = 0.0
    for report in reports:
        stem = Path(report.name).stem
        for suite in report.suites:
            suite.set("name", stem)
            for attr in totals:
                totals[attr] += int(suite.get(attr, "0") or 0)
            seconds += float(suite.get("time", "0") or 0)
            root.append(suite)
    for attr, value in totals.items():
        root.set(attr, str(value))
    root.set("time", f"{seconds:.3f}")
    return ET.ElementTree(root)


def _print_lines(title: str, lines: Iterable[str]) -> None:
    """Print one prefixed line per problem."""
    for line in lines:
        print(f"junitmerge: {title}{line}")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line (see the module docstring); return the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m harness.junitmerge",
        description="Merge shard JUnit XML reports and check they cover the suite.",
    )
    parser.add_argument("--expect", required=True, help="output of pytest --collect-only -q")
    parser.add_argument("--output", help="write the merged JUnit XML here")
    parser.add_argument("reports", nargs="+", help="JUnit XML reports, one per shard")
    args = parser.parse_args(argv)
    try:
        try:
            expect_text = Path(args.expect).read_text(encoding="utf-8")
        except OSError as err:
            raise InputError(f"{args.expect}: cannot read: {err.strerror}") from None
        expected = read_collected_ids(expect_text)
        if not expected:
            raise InputError(f"{args.expect}: lists no node ids")
        reports = [read_report(Path(p)) for p in args.reports]
    except InputError as err:
        print(f"junitmerge: {err}", file=sys.stderr)
        return 2
    verdict = check(expected, reports)
    c = verdict.counts
    total = c["passed"] + c["skipped"] + c["failed"] + c["error"]
    print(
        f"junitmerge: {len(reports)} reports, {total} cases: {c['passed']} passed, "
        f"{c['skipped']} skipped, {c['failed']} failed, {c['error']} errors, "
        f"{c['collection error']} collection errors"
    )
    _print_lines("", verdict.failed)
    _print_lines("ran in no shard: ", verdict.missing)
    _print_lines("ran in two or more shards: ", verdict.duplicated)
    _print_lines("ran but not in --expect: ", verdict.unexpected)
    if args.output:
        merged_xml(reports).write(args.output, encoding="utf-8", xml_declaration=True)
    print("junitmerge: OK" if verdict.ok else "junitmerge: FAIL")
    return 0 if verdict.ok else 1


if __name__ == "__main__":
    sys.exit(main())
