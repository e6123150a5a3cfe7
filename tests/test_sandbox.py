"""The Docker sandbox holds against hostile cases (docs/internals.md, threat model).

Every probe under tests/sandbox/ is a `// run` case for gc that tries one escape: forge
the step runner's reply, signal or ptrace it, stop the container, leave a daemon or
files for the next case, fill the scratch, poison the build cache, write outside the
scratch, reach the network, fork-bomb, exhaust memory, spin. All of them run in sequence
in one worker (one container), as a real session would meet them:

    pytest --noconftest -p harness.plugin --toolchain=docker --compiler=gc tests/sandbox

A probe holds when its verdict is the safe one: its .out (what a contained program
prints) or, for the memory hog and the spinner, the failure the harness must report.
Needs a Docker engine; skipped with one line otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from harness import container, image

REPO = Path(__file__).resolve().parent.parent
PROBES = REPO / "tests" / "sandbox"
EXPECTED_FAILURES = {
    "p13_memory.go": "killed by the memory limit running",
    "p14_cpu.go": "timed out after 3s running",
}
"""Probes whose safe verdict is a failure: the message it must carry."""


def _engine_or_skip() -> None:
    try:
        client = container.connect()
    except container.EngineUnavailable as e:
        pytest.skip(f"no Docker engine: {e}")
    if os.geteuid() != 0 and not image.image_present(client, image.current_tag()):
        pytest.skip("the toolchain image is not built and building it needs root")
    client.close()


def verdicts(junit: Path) -> dict[str, tuple[str, str]]:
    """Returns probe file name -> (outcome, failure message) from a JUnit report."""
    out: dict[str, tuple[str, str]] = {}
    for case in ET.parse(junit).getroot().iter("testcase"):
        # classname is the file's path with dots: tests.sandbox.p01_identity.go
        name = case.get("classname", "").removesuffix(".go").rsplit(".", 1)[-1] + ".go"
        failure = case.find("failure")
        if failure is None:
            failure = case.find("error")
        if failure is not None:
            out[name] = ("failed", failure.get("message", "") + "\n" + (failure.text or ""))
        elif case.find("skipped") is not None:
            out[name] = ("skipped", "")
        else:
            out[name] = ("passed", "")
    return out


def held(name: str, outcome: str, message: str) -> bool:
    """Reports whether a probe's verdict is the safe one."""
    want = EXPECTED_FAILURES.get(name)
    if want is None:
        return outcome == "passed"
    return outcome == "failed" and want in message


@pytest.mark.docker
def test_hostile_probes_hold(tmp_path: Path) -> None:
    _engine_or_skip()
    junit = tmp_path / "probes.xml"
    argv = [
        sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist",
        "--noconftest", "-p", "harness.plugin", "--toolchain=docker", "--compiler=gc",
        "-q", f"--junitxml={junit}", str(PROBES),
    ]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=900, cwd=REPO)
    assert junit.exists(), proc.stdout[-3000:] + proc.stderr[-3000:]
    got = verdicts(junit)
    probes = sorted(p.name for p in PROBES.glob("*.go"))
    assert sorted(got) == probes, proc.stdout[-3000:]
    broken = [f"{n}: {got[n][0]}\n{got[n][1][:1500]}" for n in probes if not held(n, *got[n])]
    print(f"sandbox probes held: {len(probes) - len(broken)} of {len(probes)}")
    assert not broken, "\n\n".join(broken)


def test_verdicts_of_a_report(tmp_path: Path) -> None:
    junit = tmp_path / "r.xml"
    junit.write_text(
        '<testsuites><testsuite name="pytest">'
        '<testcase classname="tests.sandbox.p01_identity.go" name="run"/>'
        '<testcase classname="tests.sandbox.p13_memory.go" name="run">'
        '<failure message="x">killed by the memory limit running /refgo/a.exe</failure>'
        "</testcase>"
        '<testcase classname="tests.sandbox.p14_cpu.go" name="run"/>'
        "</testsuite></testsuites>"
    )
    got = verdicts(junit)
    assert got["p01_identity.go"] == ("passed", "")
    assert held("p01_identity.go", *got["p01_identity.go"])
    assert held("p13_memory.go", *got["p13_memory.go"])
    assert not held("p14_cpu.go", *got["p14_cpu.go"])  # a spinner that passed escaped
