"""Conformance tracking for suites of Go case files: known failures and a per-run summary.

This pytest plugin watches every test item whose path is a `.go` case file (the items
harness.plugin collects) and leaves all other items alone. It adds:

  --known-failures=FILE      cases expected to fail, one per line with a cause; a listed
                             case that fails becomes xfail with that cause, one that
                             passes becomes XPASS and is listed at the end of the run.
                             Default: the compiler's own list (Compiler.known_failures:
                             refgo's conformance/known_failures.txt, gc's run.go sets),
                             applied to cases under a Go test directory (one holding run.go).
  --strict-known-failures    an unexpected pass fails the run.
  --conformance-set=FILE     collect only the Go test files listed (paths relative to the
                             Go test directory), e.g. conformance/set.txt.
  --conformance-json=F       write the summary as JSON.
  --conformance-md=F         write the summary as Markdown (under GitHub Actions it is
                             also appended to $GITHUB_STEP_SUMMARY, the job's page).

A case's key is its path relative to the Go test directory it lives in (the nearest
ancestor holding run.go), else relative to the rootdir. Example known-failures file:

    # path             cause
    235.go             channels
    interface/fake.go  imports reflect

With refgo failing 235.go and passing interface/fake.go, the run shows 235.go as XFAIL
(channels), fake.go as XPASS, and ends with

    ======================= conformance summary (refgo) =======================
    directive      total   pass   fail  xfail  xpass   skip  error
    run                2      0      0      1      1      0      0
    ...
    1 known failure now passes: remove it from conformance/known_failures.txt
      interface/fake.go

and, when the executor measured the cases' compiler steps (harness.cost), the ten slowest
and ten largest compiles and the count of those over 20 s of CPU or 1 GiB:

    compile cost of 2 cases (CPU user+sys summed over a case's compiler steps, ...

Each compiler has its own list: under --compiler=gc the files run.go itself expects to
fail (types2Failures, go118Failures) are xfail with run.go's reason.
Under pytest-xdist the summary is built on the controller, which never sees the items,
only their serialized reports; so every report of a case item carries the user
properties ("conformance.case", key) and ("conformance.directive", keyword), and its call
report ("conformance.cost", Cost.as_dict()) when the item's compile_cost was measured.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Generator, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from harness import cost, directives

OUTCOMES = ("pass", "fail", "xfail", "xpass", "skip", "error")
KNOWN_PREFIX = "known failure: "
# A cause starting FLAKY_PREFIX marks a case that fails only sometimes (a timeout under
# load): its passes are neither strict failures nor "remove it" hints.
FLAKY_PREFIX = "flaky:"
PROP_CASE = "conformance.case"
PROP_DIRECTIVE = "conformance.directive"
PROP_COST = "conformance.cost"
DEFAULT_KNOWN = Path(__file__).resolve().parent.parent / "conformance" / "known_failures.txt"

_state_key = pytest.StashKey["ConformanceState"]()
COMPILER_KEY = pytest.StashKey[Any]()
"""The harness.compilers.Compiler under test, stashed by harness.plugin's pytest_configure."""


class KnownFailuresError(Exception):
    """A malformed known-failures file; str() is `FILE:LINE: message`."""


@dataclass(frozen=True, slots=True)
class KnownFailures:
    """The parsed known-failures file: case key → cause.

    only_go_suite is True for the default file, which applies only to cases under a Go
    test directory (their keys are relative to it).
    """

    path: Path
    causes: Mapping[str, str]
    only_go_suite: bool


def parse_known_failures(path: Path, text: str) -> dict[str, str]:
    """Parses a known-failures file: `PATH CAUSE...` per line, `#` comments, blank lines.

    Raises KnownFailuresError for a line without a cause or a path listed twice.
    """
    causes: dict[str, str] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 1)
        if len(parts) < 2:
            raise KnownFailuresError(f"{path}:{n}: {parts[0]}: missing cause after the path")
        key = parts[0].removeprefix("./")
        if key in causes:
            raise KnownFailuresError(f"{path}:{n}: {key} is listed twice")
        causes[key] = parts[1].strip()
    return causes


def go_test_root(path: Path, cache: dict[Path, Path | None] | None = None) -> Path | None:
    """Returns the nearest ancestor directory of path that holds Go's run.go, or None.

    cache maps a directory to the nearest of itself and its ancestors that holds run.go.
    """
    memo: dict[Path, Path | None] = {} if cache is None else cache
    seen: list[Path] = []
    found: Path | None = None
    for d in path.parents:
        if d in memo:
            found = memo[d]
            break
        seen.append(d)
        if (d / "run.go").is_file():
            found = d
            break
    for d in seen:
        memo[d] = found
    return found


@dataclass(frozen=True, slots=True)
class CaseKey:
    """Where a case file sits: key relative to its root; in_go_suite when root holds run.go."""

    key: str
    in_go_suite: bool


@dataclass(slots=True)
class Tally:
    """Outcome counts of one summary row."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: str) -> None:
        """Counts one case with outcome (one of OUTCOMES)."""
        self.counts[outcome] += 1

    def as_dict(self) -> dict[str, int]:
        """Returns every outcome's count plus the total."""
        d = {o: self.counts[o] for o in OUTCOMES}
        d["total"] = sum(d.values())
        return d


@dataclass(slots=True)
class ConformanceState:
    """Per-session plugin state. known is None when no known-failures file applies."""

    rootpath: Path
    compiler: str
    known: KnownFailures | None
    strict: bool
    only: frozenset[str] | None
    roots: dict[Path, Path | None] = field(default_factory=dict)
    keys: dict[Path, CaseKey] = field(default_factory=dict)
    keywords: dict[Path, str] = field(default_factory=dict)

    def case_key(self, path: Path) -> CaseKey:
        """Returns the key of the case file at path (cached)."""
        ck = self.keys.get(path)
        if ck is None:
            root = go_test_root(path, self.roots)
            if root is not None:
                ck = CaseKey(path.relative_to(root).as_posix(), True)
            else:
                try:
                    ck = CaseKey(path.relative_to(self.rootpath).as_posix(), False)
                except ValueError:
                    ck = CaseKey(path.as_posix(), False)
            self.keys[path] = ck
        return ck

    def keyword(self, path: Path) -> str:
        """Returns the directive keyword of the case at path ("?" when unreadable)."""
        kw = self.keywords.get(path)
        if kw is None:
            try:
                header = directives.parse_header(
                    path.read_text(encoding="utf-8", errors="replace"), explicit=True
                )
                kw = header.keyword if header is not None and header.keyword else "?"
            except (OSError, directives.DirectiveError):
                kw = "?"
            self.keywords[path] = kw
        return kw

    def cause(self, ck: CaseKey) -> str | None:
        """Returns the known-failure cause of a case, or None if it is not listed."""
        if self.known is None or (self.known.only_go_suite and not ck.in_go_suite):
            return None
        return self.known.causes.get(ck.key)


def pytest_addoption(parser: pytest.Parser) -> None:
    """Registers the conformance options."""
    g = parser.getgroup("refgo conformance")
    g.addoption("--known-failures", metavar="FILE", default=None,
                help="cases expected to fail: 'PATH CAUSE' per line (default for Go's test "
                     "suite: the compiler's own list, e.g. conformance/known_failures.txt)")
    g.addoption("--strict-known-failures", action="store_true", default=False,
                help="fail the run when a known failure passes")
    g.addoption("--conformance-set", metavar="FILE", default=None,
                help="collect only these Go test files (paths relative to Go's test dir)")
    g.addoption("--conformance-json", metavar="FILE", default=None,
                help="write the conformance summary as JSON")
    g.addoption("--conformance-md", metavar="FILE", default=None,
                help="write the conformance summary as Markdown")


def _load_known(config: pytest.Config) -> KnownFailures | None:
    """Reads the known-failures file the options select, else the compiler's own list;
    UsageError when it is bad."""
    opt = config.getoption("known_failures")
    if opt is None:
        compiler = config.stash.get(COMPILER_KEY, None)
        if compiler is None:  # harness.plugin is not loaded: refgo's list
            if config.getoption("compiler", default="refgo") != "refgo":
                return None
            if not DEFAULT_KNOWN.is_file():
                return None
            path, only = DEFAULT_KNOWN, True
            return KnownFailures(path, _parse_or_usage(path), only)
        try:
            own = compiler.known_failures()
        except KnownFailuresError as err:
            raise pytest.UsageError(f"--compiler={compiler.name}: {err}") from None
        if own is None:
            return None
        return KnownFailures(Path(own.source), own.causes, True)
    path = Path(opt)
    if not path.is_file():
        raise pytest.UsageError(f"--known-failures: no such file: {opt}")
    return KnownFailures(path, _parse_or_usage(path), False)


def _parse_or_usage(path: Path) -> dict[str, str]:
    """Parses a known-failures file; a malformed one is a UsageError."""
    try:
        return parse_known_failures(path, path.read_text(encoding="utf-8"))
    except KnownFailuresError as err:
        raise pytest.UsageError(f"--known-failures: {err}") from None


def _load_set(config: pytest.Config) -> frozenset[str] | None:
    """Reads the --conformance-set file, if given: one path per line, `#` comments."""
    opt = config.getoption("conformance_set")
    if opt is None:
        return None
    p = Path(opt)
    if not p.is_file():
        raise pytest.UsageError(f"--conformance-set: no such file: {opt}")
    lines = p.read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#"))


def _state(config: pytest.Config) -> ConformanceState | None:
    """Returns the session state (None before pytest_configure)."""
    return config.stash.get(_state_key, None)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """With --conformance-set, skips Go test files (and directories) holding no listed case."""
    st = _state(config)
    if st is None or st.only is None:
        return None
    root = go_test_root(collection_path, st.roots)
    if root is None:
        return None
    rel = collection_path.relative_to(root).as_posix()
    if collection_path.is_dir():
        return None if any(k.startswith(rel + "/") for k in st.only) else True
    if collection_path.suffix == ".go":
        return None if rel in st.only else True
    return None


def _case_path(item: pytest.Item) -> Path | None:
    """Returns the .go case file an item runs, or None for other items."""
    path = getattr(item, "path", None)
    if isinstance(path, Path) and path.suffix == ".go":
        return path
    return None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Tags case reports and turns known failures into xfail / XPASS outcomes."""
    rep = yield
    st = _state(item.config)
    path = _case_path(item)
    if st is None or path is None:
        return rep
    ck = st.case_key(path)
    rep.user_properties.append((PROP_CASE, ck.key))
    rep.user_properties.append((PROP_DIRECTIVE, st.keyword(path)))
    spent = getattr(item, "compile_cost", None)
    if rep.when == "call" and isinstance(spent, cost.Cost) and spent.steps > 0:
        rep.user_properties.append((PROP_COST, spent.as_dict()))
    cause = st.cause(ck)
    if cause is None or hasattr(rep, "wasxfail") or rep.when == "teardown":
        return rep
    if rep.failed:
        rep.outcome = "skipped"
        rep.wasxfail = KNOWN_PREFIX + cause
    elif rep.when == "call" and rep.passed:
        if st.strict and not cause.startswith(FLAKY_PREFIX):
            rep.outcome = "failed"
            rep.longrepr = f"[XPASS(strict)] known failure now passes: {ck.key} ({cause})"
        else:
            rep.wasxfail = KNOWN_PREFIX + cause
    return rep


def _props(rep: pytest.TestReport) -> tuple[str, str] | None:
    """Returns (case key, directive) from a report's user properties, or None."""
    props = {k: v for k, v in rep.user_properties if isinstance(k, str)}
    case, kw = props.get(PROP_CASE), props.get(PROP_DIRECTIVE)
    if isinstance(case, str) and isinstance(kw, str):
        return case, kw
    return None


def _cost(rep: pytest.TestReport) -> cost.Cost | None:
    """Returns the compile cost a report carries, or None."""
    for k, v in rep.user_properties:
        if k == PROP_COST and isinstance(v, dict):
            return cost.Cost.from_dict(v)
    return None


def _outcome(rep: pytest.TestReport, prior: str | None) -> str | None:
    """Returns a case's outcome after rep, given its outcome so far (None = undecided).

    A strict unexpected pass (a failed call report marked XPASS(strict)) counts as xpass.
    """
    xfail = hasattr(rep, "wasxfail")
    if rep.when == "teardown":
        if rep.failed and prior != "fail":
            return "error"
        return prior or "pass"
    if rep.when == "setup":
        if rep.failed:
            return "error"
        if rep.skipped:
            return "xfail" if xfail else "skip"
        return None
    if rep.failed:
        return "xpass" if str(rep.longrepr).startswith("[XPASS(strict)]") else "fail"
    if rep.skipped:
        return "xfail" if xfail else "skip"
    return "xpass" if xfail else "pass"


@dataclass(frozen=True, slots=True)
class CaseResult:
    """The final outcome of one case item."""

    case: str
    directive: str
    outcome: str
    reason: str
    cost: cost.Cost | None = None


class Recorder:
    """Builds case outcomes from reports; registered where reports are final.

    Under xdist that is the controller only: workers' reports reach it through its own
    pytest_runtest_logreport calls.
    """

    def __init__(self) -> None:
        self.pending: dict[str, str | None] = {}
        self.results: dict[str, CaseResult] = {}
        self.reasons: dict[str, str] = {}
        self.costs: dict[str, cost.Cost] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Updates the outcome of the report's case item."""
        props = _props(report)
        if props is None:
            return
        out = _outcome(report, self.pending.get(report.nodeid))
        why = getattr(report, "wasxfail", None)
        if isinstance(why, str) and why:
            self.reasons[report.nodeid] = why.removeprefix(KNOWN_PREFIX)
        spent = _cost(report)
        if spent is not None:
            self.costs[report.nodeid] = spent
        if report.when != "teardown":
            self.pending[report.nodeid] = out
            return
        self.pending.pop(report.nodeid, None)
        if out is not None:
            why = self.reasons.pop(report.nodeid, "")
            spent = self.costs.pop(report.nodeid, None)
            self.results[report.nodeid] = CaseResult(props[0], props[1], out, why, spent)


_recorder_key = pytest.StashKey[Recorder]()




def _directory(case: str) -> str:
    """Returns the directory part of a case key ("." for a top-level file)."""
    head, sep, _ = case.rpartition("/")
    return head if sep else "."


def summarize(
    results: Iterable[CaseResult], compiler: str, known: KnownFailures | None
) -> dict[str, object]:
    """Returns the JSON-able summary of a run: counts per directive and directory, and more.

    unexpected_passes lists known failures that passed, except those marked flaky (their
    line stays while they pass); xfail_causes counts xfailed cases
    per cause, most frequent first; compile_cost is harness.cost's summary of the measured
    cases, whose entries in cases also carry their cpu, maxrss and steps.
    """
    rs = sorted(results, key=lambda r: (r.case, r.directive, r.outcome))
    total = Tally()
    by_dir: dict[str, Tally] = {}
    by_kw: dict[str, Tally] = {}
    causes: Counter[str] = Counter()
    for r in rs:
        total.add(r.outcome)
        by_kw.setdefault(r.directive, Tally()).add(r.outcome)
        by_dir.setdefault(_directory(r.case), Tally()).add(r.outcome)
        if r.outcome == "xfail":
            causes[r.reason or "(no reason)"] += 1
    return {
        "compiler": compiler,
        "known_failures": None if known is None else str(known.path),
        "total": total.as_dict(),
        "by_directive": {k: by_kw[k].as_dict() for k in sorted(by_kw)},
        "by_directory": {k: by_dir[k].as_dict() for k in sorted(by_dir)},
        "xfail_causes": dict(sorted(causes.items(), key=lambda kv: (-kv[1], kv[0]))),
        "unexpected_passes": sorted(
            {r.case for r in rs if r.outcome == "xpass" and not r.reason.startswith(FLAKY_PREFIX)}
        ),
        "compile_cost": cost.summarize(
            cost.CaseCost(r.case, r.cost) for r in rs if r.cost is not None
        ),
        "cases": [_case_entry(r) for r in rs],
    }


def _case_entry(r: CaseResult) -> dict[str, object]:
    """Returns a case's entry in the summary's case list."""
    entry: dict[str, object] = {"case": r.case, "directive": r.directive, "outcome": r.outcome}
    if r.cost is not None:
        entry.update(r.cost.as_dict())
    return entry


def _rows(summary: dict[str, object], name: str) -> list[tuple[str, dict[str, int]]]:
    rows = summary[name]
    assert isinstance(rows, dict)
    return list(rows.items())


def _total(summary: dict[str, object]) -> dict[str, int]:
    t = summary["total"]
    assert isinstance(t, dict)
    return t


def _xpassed(summary: dict[str, object]) -> list[str]:
    x = summary["unexpected_passes"]
    assert isinstance(x, list)
    return x


def render_text(summary: dict[str, object], known_name: str) -> list[str]:
    """Returns the terminal lines of a summary (tables, then the unexpected passes)."""
    cols = ("total", *OUTCOMES)
    lines: list[str] = []
    for title, name in (("directive", "by_directive"), ("directory", "by_directory")):
        rows = _rows(summary, name)
        width = max([len(title), 5] + [len(k) for k, _ in rows])
        lines.append(f"{title:<{width}}" + "".join(f"{c:>7}" for c in cols))
        for k, counts in rows:
            lines.append(f"{k:<{width}}" + "".join(f"{counts[c]:>7}" for c in cols))
        total = _total(summary)
        lines.append(f"{'total':<{width}}" + "".join(f"{total[c]:>7}" for c in cols))
        lines.append("")
    xp = _xpassed(summary)
    if xp:
        what = "failure now passes" if len(xp) == 1 else "failures now pass"
        it = "it" if len(xp) == 1 else "them"
        lines.append(f"{len(xp)} known {what}: remove {it} from {known_name}")
        lines.extend(f"  {c}" for c in xp)
        lines.append("")
    lines.extend(cost.render_text(_compile_cost(summary)))
    if not lines[-1]:
        lines.pop()
    return lines


def _compile_cost(summary: dict[str, object]) -> dict[str, object]:
    c = summary.get("compile_cost")
    return c if isinstance(c, dict) else {}


def render_md(summary: dict[str, object]) -> str:
    """Returns the summary as a Markdown document."""
    cols = ("total", *OUTCOMES)
    out = [f"# Conformance summary ({summary['compiler']})", ""]
    t = _total(summary)
    out.append(f"{t['pass']} of {t['total']} cases pass "
               f"({t['xfail']} known failures, {t['fail']} unexpected failures).")
    for title, name in (("Directive", "by_directive"), ("Directory", "by_directory")):
        out += ["", f"## By {title.lower()}", ""]
        out.append(f"| {title} | " + " | ".join(cols) + " |")
        out.append("|---" * (len(cols) + 1) + "|")
        for k, counts in [*_rows(summary, name), ("**total**", t)]:
            out.append(f"| {k} | " + " | ".join(str(counts[c]) for c in cols) + " |")
    causes = summary["xfail_causes"]
    assert isinstance(causes, dict)
    if causes:
        out += ["", "## Known failures by cause", "", "| Cause | Cases |", "|---|---|"]
        out += [f"| {c} | {n} |" for c, n in causes.items()]
    xp = _xpassed(summary)
    if xp:
        out += ["", "## Known failures that now pass", ""]
        out += [f"- `{c}`" for c in xp]
    spent = cost.render_md(_compile_cost(summary))
    if spent:
        out += ["", *spent]
    return "\n".join(out) + "\n"


def pytest_configure(config: pytest.Config) -> None:
    """Sets up the session state, and the recorder where reports are final."""
    compiler = config.getoption("compiler", default=None)
    compiler = compiler if isinstance(compiler, str) else "refgo"
    known = _load_known(config)
    config.stash[_state_key] = ConformanceState(
        rootpath=config.rootpath,
        compiler=compiler,
        known=known,
        strict=bool(config.getoption("strict_known_failures")),
        only=_load_set(config),
    )
    if not hasattr(config, "workerinput"):
        rec = Recorder()
        config.stash[_recorder_key] = rec
        config.pluginmanager.register(rec, "harness.conformance.recorder")


def _summary(config: pytest.Config) -> dict[str, object] | None:
    """Returns the run's summary, or None when no case item reported (or on a worker)."""
    rec = config.stash.get(_recorder_key, None)
    st = _state(config)
    if rec is None or st is None or not rec.results:
        return None
    return summarize(rec.results.values(), st.compiler, st.known)


def _known_name(config: pytest.Config) -> str:
    st = _state(config)
    if st is None or st.known is None:
        return "the known-failures file"
    for base in (config.invocation_params.dir, config.rootpath):
        try:
            return st.known.path.relative_to(base).as_posix()
        except ValueError:
            continue
    return str(st.known.path)


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    """Prints the conformance summary after the run when any case item ran."""
    summary = _summary(config)
    if summary is None:
        return
    tr = terminalreporter
    tr.write_sep("=", f"conformance summary ({summary['compiler']})")
    for line in render_text(summary, _known_name(config)):
        tr.write_line(line)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Writes --conformance-json / --conformance-md files, when asked."""
    config = session.config
    if hasattr(config, "workerinput"):
        return
    jpath, mpath = config.getoption("conformance_json"), config.getoption("conformance_md")
    step = os.environ.get("GITHUB_STEP_SUMMARY")
    if step and _summary(config) is not None:
        # GitHub Actions shows this file on the job's page, where people look first.
        with open(step, "a", encoding="utf-8") as f:
            f.write(render_md(_summary(config) or {}))
    if jpath is None and mpath is None:
        return
    summary = _summary(config) or summarize((), _compiler(config), None)
    if jpath is not None:
        Path(jpath).parent.mkdir(parents=True, exist_ok=True)
        Path(jpath).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    if mpath is not None:
        Path(mpath).parent.mkdir(parents=True, exist_ok=True)
        Path(mpath).write_text(render_md(summary), encoding="utf-8")


def _compiler(config: pytest.Config) -> str:
    st = _state(config)
    return "refgo" if st is None else st.compiler
