"""The compiler adapter interface: registration, build tags and known failures per compiler.

A third-party compiler (here `fakecc`, refgo's fake CLI from test_plugin under another
name) registers from a conftest.py and brings its own tags and expected failures;
gccgo comes through the `refgo.compilers` entry point; gc's tags and expected
failures come from the installed Go (skipped where Go or gccgo is missing).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from harness import compilers, errorcheck
from harness.compilers import Gc, Refgo, compiler_names, make_compiler, run_go_failures
from harness.constraints import BuildContext
from harness.directives import parse_header
from harness.gccgo import find_gccgo
from tests.test_plugin import FAKEC, HAVE_GO

pytest_plugins = ("pytester",)

GO_TEST = "/usr/share/go-1.19/test"
HAVE_GO_TEST = os.path.isfile(os.path.join(GO_TEST, "run.go"))
HAVE_GCCGO = find_gccgo() is not None

CONFTEST = """
import shlex
from dataclasses import dataclass

from harness.compilers import KnownFailureList, Refgo
from harness.constraints import BuildContext


@dataclass(frozen=True, slots=True)
class FakeCC(Refgo):
    @property
    def name(self):
        return "fakecc"

    def build_context(self):
        return BuildContext("fakecc", frozenset({"goexperiment.fakeabi"}), False)

    def known_failures(self):
        return KnownFailureList("fakecc-list", {"b.go": "fakecc prints bye"})


def pytest_refgo_register_compilers(register):
    register("fakecc", lambda opts: FakeCC(tuple(shlex.split(opts.refgo_command))))
"""

LIVE_HEADER = (
    "// errorcheck -0 -l -live\n\n//go:build !ppc64 && !goexperiment.regabiargs\n\npackage p\n"
)


def test_run_go_failures_reads_sets_with_reasons() -> None:
    text = (
        "var types2Failures = setOf(\n"
        '\t"shift1.go",               // types2 reports two new errors\n'
        '\t"fixedbugs/issue10700.go", // hint\n'
        ")\n\n"
        "var unifiedFailures = setOf(\n"
        '\t"closure3.go", // numbering\n'
        ")\n"
    )
    got = run_go_failures(text, ["types2Failures"])
    assert got == {
        "shift1.go": "run.go types2Failures: types2 reports two new errors",
        "fixedbugs/issue10700.go": "run.go types2Failures: hint",
    }


def test_refgo_tags_come_from_refgo() -> None:
    """refgo passes arguments on the stack: live.go (!regabiargs) runs under refgo only."""
    refgo = Refgo().build_context()
    assert "goexperiment.regabiargs" not in refgo.tool_tags
    h = parse_header(LIVE_HEADER, match=refgo.match)
    assert h is not None and h.excluded is None
    gc_default = BuildContext()
    h = parse_header(LIVE_HEADER, match=gc_default.match)
    assert h is not None and h.excluded is not None


def test_build_context_matcher() -> None:
    ctx = BuildContext("gccgo", frozenset(), True)
    assert ctx.match("gccgo") and ctx.match("cgo") and ctx.match("linux")
    assert not ctx.match("gc") and not ctx.match("goexperiment.regabiargs")
    assert not ctx.match("go1.18") and not ctx.match("bad-tag")


def test_gccgo_comes_from_its_entry_point() -> None:
    assert {"gc", "gccgo", "refgo"} <= set(compiler_names())


def test_unknown_compiler_is_one_line() -> None:
    with pytest.raises(ValueError, match=r"unknown compiler 'nosuch' \(registered: .*gccgo"):
        make_compiler("nosuch")


def test_register_twice_is_refused() -> None:
    def f(o: compilers.CompilerOptions) -> compilers.Compiler:
        return Refgo()

    with pytest.raises(ValueError, match="already registered"):
        compilers.register("gc", f)


def test_gccgo_dialect_reads_gccgo_lines() -> None:
    src = 'x // GC_ERROR "gc says"\ny // GCCGO_ERROR "gccgo says"\nz // ERROR "both"\n'
    gc = [e.pattern for e in errorcheck.parse_expectations(src, "x.go")]
    gccgo = [e.pattern for e in errorcheck.parse_expectations(src, "x.go", "GCCGO_")]
    assert gc == ["gc says", "both"]
    assert gccgo == ["gccgo says", "both"]


@pytest.fixture
def thirdparty(pytester: pytest.Pytester) -> list[str]:
    """A Go test dir `gotest/` and a conftest registering fakecc; returns pytest args."""
    pytester.makeconftest(CONFTEST)
    (pytester.path / "fakec.py").write_text(FAKEC)
    files = {
        "gotest/run.go": "package main\n",
        "gotest/a.go": "// run\n\n//go:build fakecc && goexperiment.fakeabi\n\npackage main\n",
        "gotest/b.go": "// run\n\npackage main\n//fake:print bye\n",
        "gotest/c.go": "// run\n\n//go:build gc\n\npackage main\n",
    }
    for rel, text in files.items():
        (pytester.path / rel).parent.mkdir(parents=True, exist_ok=True)
        (pytester.path / rel).write_text(text)
    script = pytester.path / "fakec.py"
    return ["--toolchain=local", f"--refgo-command=python3 {script}", "-p", "no:cacheprovider"]


def test_conftest_registers_a_compiler(pytester: pytest.Pytester, thirdparty: list[str]) -> None:
    res = pytester.runpytest(*thirdparty, "--compiler=fakecc", "gotest", "-rsx")
    res.assert_outcomes(passed=1, xfailed=1, skipped=1)
    res.stdout.fnmatch_lines_random(
        [
            "*refgo: compiler=fakecc toolchain=local*",
            "*b.go*known failure: fakecc prints bye*",
            "*c.go: build constraint excludes linux/amd64: //go:build gc",
            "*conformance summary (fakecc)*",
        ]
    )


def test_known_failures_belong_to_their_compiler(
    pytester: pytest.Pytester, thirdparty: list[str]
) -> None:
    """fakecc's list does not apply to refgo (same CLI): b.go fails, a.go is excluded."""
    res = pytester.runpytest(*thirdparty, "gotest")
    res.assert_outcomes(failed=1, passed=1, skipped=1)


def test_missing_and_unknown_compiler_are_usage_errors(
    pytester: pytest.Pytester, thirdparty: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    res = pytester.runpytest_subprocess(*thirdparty, "--compiler=nosuch", "gotest")
    assert res.ret == pytest.ExitCode.USAGE_ERROR
    res.stderr.fnmatch_lines(["ERROR: --compiler=nosuch: unknown compiler 'nosuch' *"])
    monkeypatch.setenv("GCCGO", "/nonexistent/gccgo")
    res = pytester.runpytest_subprocess(*thirdparty, "--compiler=gccgo", "gotest")
    assert res.ret == pytest.ExitCode.USAGE_ERROR
    res.stderr.fnmatch_lines(["ERROR: --compiler=gccgo: gccgo: /nonexistent/gccgo not found*"])
    assert "Traceback" not in res.stderr.str() + res.stdout.str()


@pytest.mark.skipif(not (HAVE_GO and HAVE_GO_TEST), reason="needs Go 1.19 and its test tree")
def test_gc_expects_run_go_failures() -> None:
    known = Gc().known_failures()
    assert known is not None and known.source.endswith("test/run.go")
    assert known.causes["shift1.go"].startswith("run.go types2Failures: ")
    assert "typeparam/nested.go" in known.causes
    assert "printbig.go" not in known.causes  # types2Failures32Bit: 32-bit only


@pytest.mark.skipif(not HAVE_GO, reason="needs Go 1.19")
def test_gc_tags_come_from_go() -> None:
    ctx = Gc().build_context()
    assert "goexperiment.regabiargs" in ctx.tool_tags
    assert ctx.toolchain == "gc"


@pytest.mark.skipif(not HAVE_GCCGO, reason="needs gccgo (Debian gccgo-12)")
def test_gccgo_runs_cases(pytester: pytest.Pytester) -> None:
    files = {
        "c/hello.go": '// run\n\npackage main\n\nfunc main() { println("hi") }\n',
        "c/hello.out": "hi\n",
        "c/undef.go": '// errorcheck\n\npackage p\n\nvar x = y // ERROR "undefined|not defined"\n',
        "c/tags.go": "// compile\n\n//go:build gc\n\npackage p\n",
        "c/multi.go": "// rundir\n\npackage ignored\n",
        "c/multi.dir/a.go": 'package a\n\nfunc F() string { return "from a" }\n',
        "c/multi.dir/main.go": 'package main\n\nimport "./a"\n\nfunc main() { println(a.F()) }\n',
        "c/multi.out": "from a\n",
    }
    for rel, text in files.items():
        (pytester.path / rel).parent.mkdir(parents=True, exist_ok=True)
        (pytester.path / rel).write_text(text)
    res = pytester.runpytest(
        "--toolchain=local", "--compiler=gccgo", "-p", "no:cacheprovider", "c", "-rs"
    )
    res.assert_outcomes(passed=3, skipped=1)
    res.stdout.fnmatch_lines(["*tags.go: build constraint excludes*//go:build gc"])


@pytest.mark.skipif(not HAVE_GO, reason="needs Go 1.19")
def test_gc_runindir_and_buildrundir(pytester: pytest.Pytester) -> None:
    """runindir: X.dir as module X.dir under GOPATH, `go run .`; buildrundir: .go and .s
    files through asm, compile, pack and link; both compared with X.out."""
    files = {
        "c/mod.go": "// runindir\n\npackage ignored\n",
        "c/mod.dir/main.go": 'package main\n\nimport "mod.dir/a"\n\n'
        "func main() { println(a.F()) }\n",
        "c/mod.dir/a/a.go": "package a\n\nfunc F() int { return 42 }\n",
        "c/mod.out": "42\n",
        "c/asm.go": "// buildrundir\n\npackage ignored\n",
        "c/asm.dir/main.go": "package main\n\nfunc seven() int\n\n"
        "func main() { println(seven()) }\n",
        "c/asm.dir/seven_amd64.s": "TEXT ·seven(SB), 4, $0-8\n\tMOVQ $7, ret+0(FP)\n\tRET\n",
        "c/asm.out": "7\n",
    }
    for rel, text in files.items():
        (pytester.path / rel).parent.mkdir(parents=True, exist_ok=True)
        (pytester.path / rel).write_text(text)
    res = pytester.runpytest("--toolchain=local", "--compiler=gc", "-p", "no:cacheprovider", "c")
    res.assert_outcomes(passed=2)
    skipped = pytester.runpytest("--toolchain=local", "-p", "no:cacheprovider", "c", "-rs")
    skipped.stdout.fnmatch_lines_random([
        "*mod.go: directive runindir: compiler refgo has no module build steps",
        "*asm.go: directive buildrundir: compiler refgo has no assembler/pack steps",
    ])


def _docs_conftest() -> str:
    """The conftest.py of docs/conformance.md's adapter example, unindented."""
    doc = (Path(__file__).resolve().parent.parent / "docs" / "conformance.md").read_text()
    lines = doc.split("\n")
    start = lines.index("    # conftest.py")
    block = []
    for line in lines[start:]:
        if line and not line.startswith("    "):
            break
        block.append(line[4:])
    return "\n".join(block)


@pytest.mark.skipif(not HAVE_GCCGO, reason="needs gccgo (Debian gccgo-12)")
def test_docs_adapter_example_runs_as_written(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The docs' MyCC, with MYCC naming gccgo (one line per diagnostic): a run case
    passes, an errorcheck case is checked, and its listed case is XFAIL with the
    example's cause."""
    gccgo = find_gccgo()
    assert gccgo is not None
    monkeypatch.setenv("MYCC", f"{gccgo} -fdiagnostics-plain-output")
    pytester.makeconftest(_docs_conftest())
    files = {
        "gotest/run.go": "package main\n",
        "gotest/hello.go": '// run\n\npackage main\n\nfunc main() { println("hi") }\n',
        "gotest/hello.out": "hi\n",
        "gotest/undef.go": '// errorcheck\n\npackage p\n\nvar x = y // ERROR "undefined"\n',
        "gotest/fixedbugs/issue4085b.go": "// run\n\npackage main\n\nfunc main() { panic(1) }\n",
    }
    for rel, text in files.items():
        (pytester.path / rel).parent.mkdir(parents=True, exist_ok=True)
        (pytester.path / rel).write_text(text)
    res = pytester.runpytest(
        "--toolchain=local", "--compiler=mycc", "-p", "no:cacheprovider", "gotest", "-rx"
    )
    res.assert_outcomes(passed=2, xfailed=1)
    res.stdout.fnmatch_lines(["*issue4085b.go*known failure: panics wording*"])


@pytest.mark.skipif(not HAVE_GCCGO, reason="needs gccgo (Debian gccgo-12)")
def test_gccgo_known_failures_are_xfail(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """gccgo's list (harness.gccgo.KNOWN) makes a listed failure XFAIL with its cause;
    an unlisted failure stays a failure."""
    import harness.gccgo

    files = {
        "gotest/run.go": "package main\n",
        "gotest/listed.go": "// run\n\npackage main\n\nfunc main() { panic(1) }\n",
        "gotest/other.go": "// run\n\npackage main\n\nfunc main() { panic(2) }\n",
    }
    for rel, text in files.items():
        (pytester.path / rel).parent.mkdir(parents=True, exist_ok=True)
        (pytester.path / rel).write_text(text)
    known = pytester.path / "known_gccgo.txt"
    known.write_text("# gccgo\nlisted.go  panics on purpose\n")
    monkeypatch.setattr(harness.gccgo, "KNOWN", known)
    res = pytester.runpytest(
        "--toolchain=local", "--compiler=gccgo", "-p", "no:cacheprovider", "gotest", "-rx"
    )
    res.assert_outcomes(failed=1, xfailed=1)
    res.stdout.fnmatch_lines(["*listed.go*known failure: panics on purpose*"])


@pytest.mark.skipif(not HAVE_GO_TEST, reason="needs Go 1.19's test tree")
def test_gccgo_list_names_files_of_the_tree() -> None:
    import harness.gccgo

    known = harness.gccgo.Gccgo(None).known_failures()
    assert known is not None and known.source == str(harness.gccgo.KNOWN)
    missing = [k for k in known.causes if not os.path.isfile(os.path.join(GO_TEST, k))]
    assert len(known.causes) > 100 and missing == []
