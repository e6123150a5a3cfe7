"""The harness agrees with Go's test/run.go under gc (harness/agree.py).

The pure tests read run.go's output format; test_agrees_with_run_go_on_every_directive
runs run.go itself and the harness on one file of every directive of Go's tree (the
smallest), plus a file a build tag excludes, a cgo file and one of run.go's expected
failures, and needs Go 1.19 with its test tree (skipped elsewhere).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from harness import agree
from harness.compilers import RUN_GO_LISTS, GcProbe, gc_probe, run_go_failures
from harness.directives import DirectiveError, parse_header
from harness.plugin import run_go_dirs
from harness.toolchain import repo_root

GO_TEST = "/usr/share/go-1.19/test"
PROBE = gc_probe()
HAVE = isinstance(PROBE, GcProbe) and os.path.isfile(os.path.join(GO_TEST, "run.go"))

LOG = (
    "skip                 live.go             : // +build !goexperiment.regabiargs\n"
    "# go run run.go -- fixedbugs/bug1.go\n"
    "exit status 1\n"
    "FAIL\tfixedbugs/bug1.go\t0.120s\n"
)


def test_run_go_outcomes(tmp_path: Path) -> None:
    files = {
        "live.go": "// errorcheck\n\npackage p\n",
        "fixedbugs/bug1.go": "// run\n\npackage main\n",
        "skipped.go": "// +build linux\n// skip\n\npackage p\n",
        "shift1.go": "// errorcheck\n\npackage p\n",
        "ok.go": "// run\n\npackage main\n",
    }
    for name, src in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(src)
    got = agree.run_go_outcomes(LOG, str(tmp_path), sorted(files), {"shift1.go": "types2"})
    assert got == {"live.go": "skip", "fixedbugs/bug1.go": "fail", "skipped.go": "skip",
                   "shift1.go": "known", "ok.go": "pass"}


def test_disagreements_and_summary() -> None:
    a = agree.Agreement({"a.go": "pass", "b.go": "known", "c.go": "skip"},
                        {"a.go": "pass", "b.go": "pass", "d.go": "fail"})
    assert a.disagreements() == [("b.go", "known", "pass"), ("c.go", "skip", "absent"),
                                 ("d.go", "absent", "fail")]
    assert a.summary() == "agree 1 of 4 files (25.0%): pass 1, known 0, skip 0, fail 0"


def test_skip_action_reads_run_gos_action() -> None:
    assert agree.skip_action("// skip\n\npackage p\n")
    assert agree.skip_action("// +build ignore\n// skip\n\npackage p\n")
    assert not agree.skip_action("// run\n\n// skip\n")
    assert not agree.skip_action("// skip")  # no blank line: run.go fails the file


def _sample(root: str) -> list[str]:
    """The smallest file of each directive in run.go's dirs, and the special cases."""
    smallest: dict[str, tuple[int, str]] = {}
    for f in agree.run_go_files(root, sorted(run_go_dirs(root) or ())):
        path = os.path.join(root, f)
        with open(path, encoding="utf-8", errors="replace") as fh:
            src = fh.read()
        try:
            h = parse_header(src[: 1 << 16])
        except DirectiveError:
            continue
        if h is None:
            continue
        key = (len(src), f)
        if h.keyword not in smallest or key < smallest[h.keyword]:
            smallest[h.keyword] = key
    with open(os.path.join(root, "run.go"), encoding="utf-8") as fh:
        expected = sorted(run_go_failures(fh.read(), RUN_GO_LISTS))
    extra = ["live.go", "live_regabi.go", "fixedbugs/issue47227.go", expected[0]]
    return sorted({f for _, f in smallest.values()} | set(extra))


@pytest.mark.skipif(not HAVE, reason="needs Go 1.19 and its test tree at " + GO_TEST)
def test_agrees_with_run_go_on_every_directive(tmp_path: Path) -> None:
    assert isinstance(PROBE, GcProbe)
    files = _sample(GO_TEST)
    assert len(files) >= 17, files
    go = os.path.join(PROBE.goroot, "bin", "go")
    env = dict(os.environ, PATH=os.path.dirname(go) + os.pathsep + os.environ["PATH"])
    env.pop("GOFLAGS", None)
    rungo = subprocess.run(
        [go, "run", "run.go", "-n", "2", "-show_skips", "--", *files],
        cwd=GO_TEST, env=env, capture_output=True, text=True, timeout=1200, check=False,
    )
    out = tmp_path / "gc.json"
    harness = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--compiler=gc",
         "--toolchain=local", f"--conformance-json={out}",
         *(os.path.join(GO_TEST, f) for f in files)],
        cwd=repo_root(), capture_output=True, text=True, timeout=1200, check=False,
    )
    assert out.is_file(), harness.stdout[-3000:] + harness.stderr[-3000:]
    with open(os.path.join(GO_TEST, "run.go"), encoding="utf-8") as fh:
        expected = run_go_failures(fh.read(), RUN_GO_LISTS)
    result = agree.Agreement(
        agree.harness_outcomes(json.loads(out.read_text())),
        agree.run_go_outcomes(rungo.stdout, GO_TEST, files, expected),
    )
    assert result.disagreements() == [], result.summary() + "\n" + rungo.stdout[-3000:]
    got = dict(result.harness)
    assert got["live.go"] == "skip" and got["live_regabi.go"] == "pass"
    assert "known" in got.values() and "pass" in got.values()
