"""Building and running one generated program with gc and with refgo, and comparing.

    >>> r = compare(generate(3), Path("/tmp/w"))      # doctest: +SKIP
    >>> r.gc.output == r.refgo.output and r.gc.exit == r.refgo.exit
    True

Output is the program's stdout and stderr combined, as run.go compares it. A compile
failure or a timeout is an outcome like any other (status "build" / "timeout"), so a
refgo compile error on a valid program is a mismatch, not a crash of the fuzzer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

GO_CANDIDATES = ("/usr/lib/go-1.19/bin/go",)
BUILD_TIMEOUT = 120
RUN_TIMEOUT = 10


@dataclass(frozen=True, slots=True)
class Outcome:
    """What building and running a program did.

    status is "ok" (built and ran; exit and output are valid), "build" (compilation
    failed; output holds the compiler's messages) or "timeout".
    """

    status: str
    exit: int
    output: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """gc's and refgo's outcomes for one program."""

    gc: Outcome
    refgo: Outcome

    @property
    def same(self) -> bool:
        """Reports whether refgo behaved exactly as gc did."""
        return (self.gc.status, self.gc.exit, self.gc.output) == (
            self.refgo.status, self.refgo.exit, self.refgo.output)

    def describe(self) -> str:
        """Returns a short human description of the difference (empty when same)."""
        if self.same:
            return ""
        g, r = self.gc, self.refgo
        if g.status != r.status or g.exit != r.exit:
            return (f"gc: {g.status} exit {g.exit}; refgo: {r.status} exit {r.exit}: "
                    f"{_first_line(r.output if r.status != 'ok' else _diff(g, r))}")
        return f"output differs: {_diff(g, r)}"


def _first_line(s: str) -> str:
    return s.strip().splitlines()[0] if s.strip() else "(no output)"


def _diff(g: Outcome, r: Outcome) -> str:
    """Returns the first differing output line of g and r."""
    gl, rl = g.output.splitlines(), r.output.splitlines()
    for i, (a, b) in enumerate(zip(gl, rl, strict=False)):
        if a != b:
            return f"line {i + 1}: gc {a!r}, refgo {b!r}"
    if len(gl) != len(rl):
        return f"gc printed {len(gl)} lines, refgo {len(rl)}"
    return "(identical lines)"


def find_go() -> str | None:
    """Returns the path of the go command (Go 1.19 preferred), or None."""
    for c in GO_CANDIDATES:
        if os.access(c, os.X_OK):
            return c
    return shutil.which("go")


def _go_env(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("GOCACHE", str(Path.home() / ".cache" / "go-build"))
    env.update({"GO111MODULE": "off", "GOFLAGS": "", "CGO_ENABLED": "0", "GOPATH": str(work)})
    return env


def run_binary(exe: Path, timeout: float = RUN_TIMEOUT) -> Outcome:
    """Runs exe and returns its combined output and exit status."""
    try:
        p = subprocess.run([str(exe)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout, cwd=exe.parent, check=False)
    except subprocess.TimeoutExpired:
        return Outcome("timeout", -1, "")
    return Outcome("ok", p.returncode, p.stdout.decode("utf-8", "replace"))


def _build(cmd: list[str], work: Path, env: dict[str, str] | None) -> str | None:
    """Runs a build command; returns None on success, else its output."""
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=BUILD_TIMEOUT, cwd=work, env=env, check=False)
    except subprocess.TimeoutExpired:
        return f"build timed out after {BUILD_TIMEOUT}s: {' '.join(cmd)}"
    if p.returncode != 0:
        return p.stdout.decode("utf-8", "replace") or f"exit status {p.returncode}"
    return None


def run_gc(src: Path, work: Path) -> Outcome:
    """Builds src with gc and runs it."""
    go = find_go()
    if go is None:
        return Outcome("build", -1, "go: command not found")
    exe = work / "gc.exe"
    err = _build([go, "build", "-o", str(exe), str(src)], work, _go_env(work))
    if err is not None:
        return Outcome("build", -1, err)
    return run_binary(exe)


def gc_errors(program: str, work: Path) -> str | None:
    """Returns gc's messages if it rejects program (compile only, no link), else None."""
    go = find_go()
    if go is None:
        return "go: command not found"
    work.mkdir(parents=True, exist_ok=True)
    src = work / "check.go"
    src.write_text(program, encoding="utf-8")
    cmd = [go, "tool", "compile", "-p", "main", "-o", str(work / "check.o"), str(src)]
    return _build(cmd, work, _go_env(work))


def run_refgo(src: Path, work: Path) -> Outcome:
    """Builds src with refgo (`python -m compiler build`) and runs it."""
    exe = work / "refgo.exe"
    err = _build([sys.executable, "-m", "compiler", "build", "-o", str(exe), str(src)],
                 work, None)
    if err is not None:
        return Outcome("build", -1, err)
    return run_binary(exe)


def compare(program: str, work: Path) -> Comparison:
    """Writes program to work/prog.go, runs it under both compilers, and compares."""
    work.mkdir(parents=True, exist_ok=True)
    src = work / "prog.go"
    src.write_text(program, encoding="utf-8")
    return Comparison(run_gc(src, work), run_refgo(src, work))
