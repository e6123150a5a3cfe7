"""Tests of harness.conformance (known failures, summaries) and conformance/set.py."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from harness import conformance

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parent.parent
GO_TEST_DIR = Path("/usr/share/go-1.19/test")


def _load_set_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("conformance_set", REPO / "conformance/set.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("conformance_set", mod)
    spec.loader.exec_module(mod)
    return mod


cset = _load_set_module()

# A stand-in for harness.plugin: one item per .go file, whose outcome the file names, and
# whose compile cost `WANT cost CPU MIB` sets (as GoCase sets compile_cost).
FAKE_CONFTEST = """
import re

import pytest

from harness.cost import Cost

def pytest_addoption(parser):
    parser.addoption("--compiler", default="refgo")

class GoItem(pytest.Item):
    def runtest(self):
        text = self.path.read_text()
        m = re.search(r"WANT cost (\\S+) (\\d+)", text)
        if m:
            self.compile_cost = Cost(float(m[1]), int(m[2]) << 20, 1)
        if "WANT fail" in text:
            raise AssertionError("output differs")
        if "WANT skip" in text:
            pytest.skip("excluded by build constraint")

    def setup(self):
        if "WANT setup-error" in self.path.read_text():
            raise RuntimeError("toolchain broke")

class GoFile(pytest.File):
    def collect(self):
        yield GoItem.from_parent(self, name=self.path.name)

def pytest_collect_file(file_path, parent):
    if file_path.suffix == ".go" and file_path.name != "run.go":
        return GoFile.from_parent(parent, path=file_path)
"""


@pytest.fixture
def suite(pytester: pytest.Pytester) -> pytest.Pytester:
    """A fake Go test directory `gotest/` (it holds run.go) and a repo case dir `cases/`."""
    pytester.makeconftest(FAKE_CONFTEST)
    files = {
        "gotest/run.go": "package main\n",
        "gotest/a.go": "// run\n\npackage main // WANT pass\n// WANT cost 2.5 300\n",
        "gotest/b.go": "// run\n\npackage main // WANT fail\n// WANT cost 31 20\n",
        "gotest/c.go": "// compile\n\npackage main // WANT pass\n",
        "gotest/d.go": "// run\n\npackage main // WANT skip\n",
        "gotest/interface/e.go": "// run\n\npackage main // WANT fail\n",
        "gotest/interface/f.go": "// errorcheck\n\npackage main // WANT setup-error\n",
        "cases/g.go": "// run\n\npackage main // WANT fail\n",
    }
    for name, text in files.items():
        p = pytester.path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    return pytester


ARGS = ("-p", "no:harness.plugin", "-p", "harness.conformance", "-p", "no:cacheprovider")


def _known(p: pytest.Pytester, text: str) -> str:
    path = p.path / "known.txt"
    path.write_text(text)
    return f"--known-failures={path}"


def test_parse_known_failures() -> None:
    text = "# comment\n\n235.go   channels are unsupported\n./interface/x.go reflect\n"
    got = conformance.parse_known_failures(Path("k.txt"), text)
    assert got == {"235.go": "channels are unsupported", "interface/x.go": "reflect"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a.go\n", "k.txt:1: a.go: missing cause after the path"),
        ("a.go x\n# c\na.go y\n", "k.txt:3: a.go is listed twice"),
    ],
)
def test_parse_known_failures_errors(text: str, message: str) -> None:
    with pytest.raises(conformance.KnownFailuresError) as err:
        conformance.parse_known_failures(Path("k.txt"), text)
    assert str(err.value) == message


def test_known_failures_become_xfail_and_xpass(suite: pytest.Pytester) -> None:
    kf = _known(
        suite,
        "b.go  wrong output\na.go  was broken\ninterface/f.go  no errorcheck yet\n"
        "cases/g.go  refgo bug\n",
    )
    res = suite.runpytest(*ARGS, "-rxX", kf, "gotest", "cases")
    res.assert_outcomes(passed=1, failed=1, skipped=1, xfailed=3, xpassed=1)
    out = res.stdout.str()
    assert "known failure: wrong output" in out
    assert "1 known failure now passes: remove it from known.txt" in out
    assert "\n  a.go\n" in out
    assert res.ret == 1  # interface/e.go is an unexpected failure


def test_summary_tables(suite: pytest.Pytester) -> None:
    kf = _known(suite, "b.go  wrong output\ninterface/e.go  no embedding\n")
    res = suite.runpytest(*ARGS, kf, "gotest")
    lines = res.stdout.lines
    start = next(i for i, ln in enumerate(lines) if "conformance summary (refgo)" in ln)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("="))
    cost = next(i for i in range(start + 1, end) if lines[i].startswith("compile cost of 2"))
    assert lines[cost - 1] == "" and lines[cost + 4] == "b.go        31.0       20      1"
    end = cost
    table = [ln.split() for ln in lines[start + 1 : end] if ln.strip()]
    assert table[0] == ["directive", "total", "pass", "fail", "xfail", "xpass", "skip", "error"]
    rows = {r[0]: [int(x) for x in r[1:]] for r in table[1:] if r[0] != "directory"}
    assert rows["compile"] == [1, 1, 0, 0, 0, 0, 0]
    assert rows["errorcheck"] == [1, 0, 0, 0, 0, 0, 1]
    assert rows["run"] == [4, 1, 0, 2, 0, 1, 0]
    assert rows["."] == [4, 2, 0, 1, 0, 1, 0]
    assert rows["interface"] == [2, 0, 0, 1, 0, 0, 1]
    assert rows["total"] == [6, 2, 0, 2, 0, 1, 1]
    assert "now pass" not in res.stdout.str()


def test_strict_known_failures(suite: pytest.Pytester) -> None:
    kf = _known(suite, "a.go  was broken\n")
    res = suite.runpytest(*ARGS, kf, "--strict-known-failures", "gotest/a.go")
    res.assert_outcomes(failed=1)
    res.stdout.fnmatch_lines(["*XPASS(strict)*a.go (was broken)*", "*1 known failure now*"])


def test_flaky_passes_stay_listed(suite: pytest.Pytester) -> None:
    kf = _known(suite, "a.go  flaky: times out under load\n")
    j = suite.path / "c.json"
    res = suite.runpytest(*ARGS, kf, "--strict-known-failures", f"--conformance-json={j}",
                          "gotest/a.go")
    res.assert_outcomes(xpassed=1)
    assert "now pass" not in res.stdout.str()
    data = json.loads(j.read_text())
    assert data["total"]["xpass"] == 1
    assert data["unexpected_passes"] == []


def test_json_and_markdown(suite: pytest.Pytester) -> None:
    kf = _known(suite, "b.go  wrong output\ninterface/e.go  wrong output\na.go  fixed\n")
    j, m = suite.path / "out/c.json", suite.path / "out/c.md"
    suite.runpytest(*ARGS, kf, f"--conformance-json={j}", f"--conformance-md={m}", "gotest")
    data = json.loads(j.read_text())
    assert data["compiler"] == "refgo"
    assert data["total"] == {
        "pass": 1,
        "fail": 0,
        "xfail": 2,
        "xpass": 1,
        "skip": 1,
        "error": 1,
        "total": 6,
    }
    assert data["xfail_causes"] == {"wrong output": 2}
    assert data["unexpected_passes"] == ["a.go"]
    assert {"case": "interface/e.go", "directive": "run", "outcome": "xfail"} in data["cases"]
    b = {"case": "b.go", "directive": "run", "outcome": "xfail", "cpu": 31.0,
         "maxrss": 20 << 20, "steps": 1}
    assert b in data["cases"]
    spent = data["compile_cost"]
    assert (spent["measured"], spent["over_cpu"], spent["over_rss"]) == (2, ["b.go"], [])
    assert [r["case"] for r in spent["slowest"]] == ["b.go", "a.go"]
    assert [r["case"] for r in spent["largest"]] == ["a.go", "b.go"]
    md = m.read_text()
    assert "| run | 4 | 0 | 0 | 2 | 1 | 1 | 0 |" in md
    assert "| wrong output | 2 |" in md
    assert "- `a.go`" in md
    assert "| a.go | 2.5 | 300 | 1 |" in md


def test_known_failures_file_applies_to_any_compiler(suite: pytest.Pytester) -> None:
    kf = _known(suite, "b.go  wrong output\n")
    res = suite.runpytest(*ARGS, kf, "--compiler=gc", "gotest/b.go")
    res.assert_outcomes(xfailed=1)
    assert "conformance summary (gc)" in res.stdout.str()


def test_bad_known_failures_is_usage_error(suite: pytest.Pytester) -> None:
    kf = _known(suite, "b.go\n")
    res = suite.runpytest(*ARGS, kf, "gotest")
    assert res.ret == pytest.ExitCode.USAGE_ERROR
    res.stderr.fnmatch_lines(["*known.txt:1: b.go: missing cause after the path*"])


def test_conformance_set_filters_collection(suite: pytest.Pytester) -> None:
    s = suite.path / "set.txt"
    s.write_text("# generated\na.go\ninterface/e.go\n")
    res = suite.runpytest(*ARGS, f"--conformance-set={s}", "gotest", "--collect-only", "-q")
    ids = sorted(ln for ln in res.stdout.lines if "::" in ln)
    assert ids == ["gotest/a.go::a.go", "gotest/interface/e.go::e.go"]


def test_summary_under_xdist(suite: pytest.Pytester) -> None:
    kf = _known(suite, "b.go  wrong output\na.go  was broken\n")
    j = suite.path / "c.json"
    res = suite.runpytest_subprocess(*ARGS, "-n", "2", kf, f"--conformance-json={j}", "gotest")
    res.stdout.fnmatch_lines(["*conformance summary (refgo)*", "*1 known failure now passes*",
                              "compile cost of 2 cases*", "*over 20 s CPU: 1; over 1 GiB: 0",
                              "  over cpu: b.go", "slowest*", "b.go *31.0 *20 *1"])
    data = json.loads(j.read_text())
    assert data["total"]["total"] == 6
    assert data["unexpected_passes"] == ["a.go"]
    assert data["compile_cost"]["measured"] == 2


def test_non_case_items_are_ignored(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_x="def test_ok():\n    pass\n")
    res = pytester.runpytest(*ARGS)
    res.assert_outcomes(passed=1)
    assert "conformance summary" not in res.stdout.str()


GO_IMPORTS = [
    ("package main\n", []),
    ('package main\nimport "os"\nfunc main() {}\n', ["os"]),
    (
        'package main // c\n\n/* x */ import (\n\tf "fmt"\n\t_ "errors" // e\n\t. "strings"\n)\n'
        'import "os"; import `runtime`\nvar s = `\nimport "reflect"\n`\n',
        ["fmt", "errors", "strings", "os", "runtime"],
    ),
    ('package main\n\nfunc main() { println("import \\"x\\"") }\nimport "late"\n', []),
]


@pytest.mark.parametrize(("src", "want"), GO_IMPORTS)
def test_set_imports(src: str, want: list[str]) -> None:
    assert cset.imports(src) == want


def test_set_rule() -> None:
    run = "// run\n\npackage main\n"
    assert cset.qualifies("a.go", run + 'import "strings"\n')
    assert not cset.qualifies("a.go", run + 'import "reflect"\n')
    assert not cset.qualifies("a.go", "// run -gcflags=-l\n\npackage main\n")
    assert not cset.qualifies("a.go", "// compile\n\npackage main\n")
    assert not cset.qualifies("a.go", "// +build arm\n// run\n\npackage main\n")
    assert cset.qualifies("interface/a.go", run + 'import "io"\n')
    assert not cset.qualifies("a.go", run + 'import "io"\n')
    assert not cset.qualifies("fixedbugs/a.go", run)


@pytest.mark.skipif(not GO_TEST_DIR.is_dir(), reason="Go 1.19's test directory is not installed")
def test_set_file_is_current() -> None:
    want = cset.render(cset.conformance_set(GO_TEST_DIR), GO_TEST_DIR)
    have = (REPO / "conformance/set.txt").read_text()
    assert have == want, "conformance/set.txt is out of date; run python conformance/set.py"


@pytest.mark.skipif(not GO_TEST_DIR.is_dir(), reason="Go 1.19's test directory is not installed")
def test_repo_known_failures_name_files_of_gos_tree() -> None:
    """Every known failure is a file of Go's test tree (the list covers more than the
    conformance set now: typeparam/ too), so a typo or a stale path cannot hide."""
    kf = REPO / "conformance/known_failures.txt"
    causes = conformance.parse_known_failures(kf, kf.read_text())
    stray = sorted(p for p in causes if not (GO_TEST_DIR / p).is_file())
    assert not stray, f"known failures that are not files of {GO_TEST_DIR}: {stray}"
