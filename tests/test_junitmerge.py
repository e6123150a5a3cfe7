"""Tests of harness.junitmerge: matching pytest's reports, coverage and failure checks."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from harness.junitmerge import CaseResult, Report, check, junit_key, main, read_report

pytest_plugins = ["pytester"]

# A conftest that collects `*.go` files as one item each, shaped like the harness's cases.
GO_CONFTEST = textwrap.dedent(
    """
    import pytest

    class GoCase(pytest.Item):
        def runtest(self):
            if "FAIL" in self.path.read_text():
                raise AssertionError("case failed")

    class GoFile(pytest.File):
        def collect(self):
            yield GoCase.from_parent(self, name=self.path.stem)

    def pytest_collect_file(parent, file_path):
        if file_path.suffix == ".go":
            return GoFile.from_parent(parent, path=file_path)
    """
)

SUITE = {
    "test_plain.py": (
        "import pytest\n\n"
        "@pytest.mark.parametrize('x', [1, 'a/b', 'c::d', 'e[f]'])\n"
        "def test_p(x):\n    pass\n\n"
        "class TestC:\n"
        "    class TestInner:\n"
        "        def test_m(self):\n            pass\n\n"
        "def test_skip():\n    pytest.skip('no')\n\n"
        "@pytest.mark.xfail\ndef test_xfail():\n    assert False\n"
    ),
    "pkg/sub/test_deep.py": "def test_d():\n    pass\n",
    "cases/iface/convt2e.go": "// run\n\npackage main\n",
    "cases/errors/e.go": "// errorcheck\n\npackage main\n",
}


@pytest.fixture
def suite(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A tiny mixed suite: python tests with awkward ids plus `.go` case items."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makeconftest(GO_CONFTEST)
    for name, text in SUITE.items():
        path = pytester.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return pytester


def collect(pytester: pytest.Pytester) -> Path:
    """Write `pytest --collect-only -q` output to ids.txt, as the CI merge job does."""
    result = pytester.runpytest("--collect-only", "-q", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.OK
    path = pytester.path / "ids.txt"
    path.write_text("\n".join(result.outlines) + "\n")
    return path


def run_shards(pytester: pytest.Pytester, n: int) -> list[Path]:
    """Run every shard of n with --junitxml; return the report paths."""
    paths = []
    for i in range(1, n + 1):
        xml = pytester.path / "reports" / f"shard-{i}.xml"
        pytester.runpytest(
            "-p", "harness.sharding", "-p", "no:cacheprovider", f"--shard={i}/{n}",
            f"--junitxml={xml}",
        )  # fmt: skip
        paths.append(xml)
    return paths


def test_junit_key_matches_what_pytest_writes(suite: pytest.Pytester) -> None:
    ids = [line for line in collect(suite).read_text().splitlines() if "::" in line]
    assert len(ids) == 10
    xml = suite.path / "all.xml"
    suite.runpytest("-p", "no:cacheprovider", f"--junitxml={xml}")
    written = sorted({case.key for case in read_report(xml).cases})
    assert sorted(junit_key(i) for i in ids) == written


@pytest.mark.parametrize(
    ("nodeid", "key"),
    [
        ("a/b/test_x.py::test_y", ("a.b.test_x", "test_y")),
        ("t.py::C::test_m[p::q/r]", ("t.C", "test_m[p::q/r]")),
        ("cases/iface/x.go::x", ("cases.iface.x.go", "x")),
        ("cases/only.go", ("", "cases.only.go")),
    ],
)
def test_junit_key(nodeid: str, key: tuple[str, str]) -> None:
    assert junit_key(nodeid) == key


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_all_shards_cover_the_suite(
    suite: pytest.Pytester, n: int, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = collect(suite)
    reports = run_shards(suite, n)
    merged = suite.path / "merged.xml"
    args = ["--expect", str(ids), "--output", str(merged), *map(str, reports)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert (
        f"{n} reports, 10 cases: 8 passed, 2 skipped, 0 failed, 0 errors, 0 collection errors"
        in out
    )
    assert out.endswith("junitmerge: OK\n")
    root = ET.parse(merged).getroot()
    assert root.get("tests") == "10" and root.get("skipped") == "2"
    assert len(list(root.iter("testcase"))) == 10
    assert sorted(s.get("name", "") for s in root.iter("testsuite")) == [
        f"shard-{i}" for i in range(1, n + 1)
    ]


def test_a_lost_shard_is_reported_missing(
    suite: pytest.Pytester, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = collect(suite)
    first, second = run_shards(suite, 2)
    lost = {case.key for case in read_report(second).cases}
    assert main(["--expect", str(ids), str(first)]) == 1
    out = capsys.readouterr().out
    missing = [line for line in out.splitlines() if "ran in no shard: " in line]
    assert len(missing) == len(lost) > 0
    assert out.endswith("junitmerge: FAIL\n")


def test_a_case_in_two_shards_is_reported(
    suite: pytest.Pytester, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = collect(suite)
    first, second = run_shards(suite, 2)
    copy = first.with_name("again.xml")
    copy.write_bytes(first.read_bytes())
    assert main(["--expect", str(ids), str(first), str(second), str(copy)]) == 1
    out = capsys.readouterr().out
    assert "ran in two or more shards: " in out
    assert "(again.xml, shard-1.xml)" in out


def test_a_failure_fails_the_merge(
    suite: pytest.Pytester, capsys: pytest.CaptureFixture[str]
) -> None:
    (suite.path / "cases/iface/convt2e.go").write_text("// run\n\n// FAIL\npackage main\n")
    ids = collect(suite)
    reports = run_shards(suite, 2)
    assert main(["--expect", str(ids), *map(str, reports)]) == 1
    out = capsys.readouterr().out
    assert "1 failed, 0 errors" in out
    assert "junitmerge: failed: cases/iface/convt2e.go::convt2e (shard-" in out


def test_a_case_not_expected_fails_the_merge(
    suite: pytest.Pytester, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = collect(suite)
    reports = run_shards(suite, 2)
    lines = ids.read_text().splitlines()
    ids.write_text("\n".join(x for x in lines if "pkg/sub" not in x) + "\n")
    assert main(["--expect", str(ids), *map(str, reports)]) == 1
    assert "ran but not in --expect: pkg.sub.test_deep::test_d (shard-" in capsys.readouterr().out


def test_a_collection_error_fails_the_merge(
    suite: pytest.Pytester, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = collect(suite)
    (suite.path / "test_broken.py").write_text("def test_x(:\n")
    reports = run_shards(suite, 2)
    assert main(["--expect", str(ids), *map(str, reports)]) == 1
    out = capsys.readouterr().out
    assert "0 errors, 1 collection errors" in out
    problems = [line for line in out.splitlines() if line.startswith("junitmerge: ")][1:]
    assert problems[0] == "junitmerge: collection error: test_broken (shard-1.xml, shard-2.xml)"
    assert all(p.startswith("junitmerge: ran in no shard: ") for p in problems[1:-1])
    assert problems[-1] == "junitmerge: FAIL"


def test_a_skipped_module_is_not_a_case(
    suite: pytest.Pytester, capsys: pytest.CaptureFixture[str]
) -> None:
    (suite.path / "test_later.py").write_text(
        "import pytest\n\npytest.skip('later', allow_module_level=True)\n"
    )
    ids = collect(suite)
    reports = run_shards(suite, 2)
    assert main(["--expect", str(ids), *map(str, reports)]) == 0
    assert capsys.readouterr().out.endswith("junitmerge: OK\n")


def test_ambiguous_keys_and_repeated_entries() -> None:
    key = junit_key("a/b.py::t")
    assert key == junit_key("a.b.py::t")
    one = Report("r1.xml", (CaseResult(key, "passed", "r1.xml", 0.1),), ())
    two = Report(
        "r2.xml",
        (
            CaseResult(key, "passed", "r2.xml", 0.1),
            CaseResult(("x", "y"), "failed", "r2.xml", 0.1),
            CaseResult(("x", "y"), "error", "r2.xml", 0.1),
        ),
        (),
    )
    verdict = check(["a/b.py::t", "a.b.py::t", "x.py::y"], [one, two])
    assert verdict.duplicated == [] and verdict.missing == [] and verdict.unexpected == []
    assert verdict.failed == ["error: x.py::y (r2.xml)"]
    assert verdict.counts == {
        "passed": 2,
        "skipped": 0,
        "failed": 0,
        "error": 1,
        "collection error": 0,
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<testsuites><testsuite>", "not well-formed XML"),
        ("<html/>", "root element <html> is not <testsuites>/<testsuite>"),
        ('<testsuite><testcase name="t" time="x"/></testsuite>', "bad time attribute"),
        (None, "no such file"),
    ],
)
def test_bad_reports_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text("t.py::t\n\n1 test collected\n")
    report = tmp_path / "r.xml"
    if content is not None:
        report.write_text(content)
    assert main(["--expect", str(ids), str(report)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"junitmerge: {report}: ") and message in err
    assert err.count("\n") == 1


def test_empty_expect_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text("\nno tests collected\n")
    report = tmp_path / "r.xml"
    report.write_text("<testsuites/>")
    assert main(["--expect", str(ids), str(report)]) == 2
    assert "lists no node ids" in capsys.readouterr().err


def test_command_line_entry_point(tmp_path: Path) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text("t.py::t\n")
    report = tmp_path / "r.xml"
    report.write_text(
        '<testsuites><testsuite><testcase classname="t" name="t"/></testsuite></testsuites>'
    )
    done = subprocess.run(
        [sys.executable, "-m", "harness.junitmerge", "--expect", str(ids), str(report)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "junitmerge: OK"
