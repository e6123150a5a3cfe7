"""Where toolchain steps run: the Executor contract and the local (host) executor.

Every compile, link and run step of a case goes through an Executor, so the
same harness code runs steps on the host (LocalExecutor, here) or inside a
Docker container (harness.container.DockerExecutor). A case uses it like this:

    ex = LocalExecutor()
    wd = ex.workdir("3f9a0c1e")                      # fresh, empty
    ex.write_file(wd + "/tmp__.go", b"package main ...")
    res = ex.run(["go", "version"], cwd=wd, timeout=10, merge_stderr=True)
    res.returncode, res.output, res.timed_out        # 0, b"go version go1.19.8 ...", False
    res.cpu, res.maxrss                              # 0.01 (s), 12582912 (bytes)
    ex.close()                                       # removes every workdir

Commands see a minimal fixed environment, not the host's: PATH (Go's bin
directory first), HOME=cwd, LANG=C.UTF-8, PYTHONPATH=the repository root; the
`env` argument is added on top. That keeps verdicts identical on the host and
in the container.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
GO_BIN_CANDIDATES = ("/usr/lib/go-1.19/bin", "/usr/local/go/bin")
_KEY_RX = re.compile(r"[A-Za-z0-9._-]+")
_DRAIN_SECONDS = 5.0
SPAWN_C = Path(__file__).with_name("spawn.c")
SPAWN_CFLAGS = ("-O2", "-Wall", "-Wextra", "-Werror")
_OOM_RX = re.compile(
    rb"fatal error: (runtime: )?out of memory|^MemoryError|Cannot allocate memory"
    rb"|std::bad_alloc|out of memory allocating|unable to allocate additional stack space",
    re.MULTILINE,
)
"""What a step that hit RLIMIT_DATA prints: Go's runtime, refgo's, Python, gcc/gccgo, ld,
and gccgo's runtime when a goroutine's stack cannot be allocated."""


@dataclass(frozen=True, slots=True)
class StepResult:
    """The outcome of one command run by an Executor."""

    argv: tuple[str, ...]
    returncode: int  # negative = killed by that signal
    output: bytes  # stdout, with stderr merged in when merge_stderr=True
    stderr: bytes  # b"" when merged
    timed_out: bool
    oom_killed: bool
    duration: float  # seconds
    cpu: float | None = None
    """User plus system CPU seconds of the step's process and the descendants it waited
    for (a timed-out step's too); None when the executor does not measure it."""
    maxrss: int | None = None
    """Peak resident set size in bytes of the largest of those processes; None likewise."""


class Executor(Protocol):
    """Runs toolchain steps; one per pytest worker process, closed at session end."""

    kind: str  # "local" | "docker"

    def workdir(self, key: str) -> str:
        """Returns a fresh empty directory for key, as a path valid for commands."""
        ...

    def write_file(self, path: str, data: bytes) -> None:
        """Writes data to path (inside a workdir)."""
        ...

    def read_file(self, path: str) -> bytes:
        """Reads the file at path."""
        ...

    def build_cache(self) -> str:
        """A persistent directory for refgo's runtime archive, shared by every worker and
        run of this toolchain; valid for commands.  Writable by them on the host (the
        tools lock it themselves); read-only in the container (a trusted step fills it)."""
        ...

    def go_cache(self) -> str:
        """The GOCACHE for gc steps: the shared build cache on the host; in the container
        a directory in the case's own scratch, emptied for every case."""
        ...

    def run(
        self,
        argv: Sequence[str],
        *,
        cwd: str,
        timeout: float,
        env: Mapping[str, str] | None = None,
        stdin: bytes | None = None,
        merge_stderr: bool = False,
    ) -> StepResult:
        """Runs argv in cwd; on timeout kills its whole process group and sets timed_out."""
        ...

    def finish_case(self, workdir: str, failed: bool) -> str | None:
        """Ends a case: a passing case's workdir goes now; a failing one's is kept on the
        host (copied out of a container) and its host path returned (None: not kept)."""
        ...

    def reproduce(self, steps: Sequence[Step], kept: str | None) -> list[str]:
        """Shell command lines that rerun steps when pasted on the host (kept is what
        finish_case returned)."""
        ...

    def close(self) -> None:
        """Releases the executor's resources (directories, containers)."""
        ...


@dataclass(frozen=True, slots=True)
class Step:
    """A step as a case ran it: argv in cwd with env added to the executor's own."""

    argv: tuple[str, ...]
    cwd: str
    env: tuple[tuple[str, str], ...]


def render_step(step: Step, base_env: Mapping[str, str]) -> str:
    """Renders `cd CWD && env -i K=V... ARGV`: the whole environment, so the line means the
    same in any shell."""
    env = dict(base_env)
    env.update(step.env)
    assigns = " ".join(f"{k}={shlex.quote(v)}" for k, v in sorted(env.items()))
    return f"cd {shlex.quote(step.cwd)} && env -i {assigns} {shlex.join(step.argv)}"


def repo_root() -> str:
    """Returns the repository root: the directory holding the `harness` package."""
    return str(Path(__file__).resolve().parent.parent)


def go_bin_dir() -> str | None:
    """Returns the directory of Go 1.19's `go` command on the host, or None."""
    for cand in GO_BIN_CANDIDATES:
        if os.path.isfile(os.path.join(cand, "go")):
            return cand
    found = shutil.which("go")
    return os.path.dirname(found) if found else None


def local_path() -> str:
    """Returns the PATH local steps see: Go's bin dir, this Python's dir, the system dirs."""
    parts = [go_bin_dir() or "", os.path.dirname(sys.executable), SYSTEM_PATH]
    return os.pathsep.join(p for p in parts if p)


def describe_exit(returncode: int) -> str:
    """Renders a return code as Go's os/exec does: `exit status 1`, `signal: killed`."""
    if returncode >= 0:
        return f"exit status {returncode}"
    try:
        desc = signal.strsignal(-returncode) or f"signal {-returncode}"
    except ValueError:
        desc = f"signal {-returncode}"
    return f"signal: {desc[:1].lower()}{desc[1:]}"


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def cache_root(environ: Mapping[str, str] = os.environ) -> Path:
    """The harness's persistent cache: $REFGO_CACHE, else $XDG_CACHE_HOME/refgo, else
    ~/.cache/refgo (the Docker base tarball, the build caches of each toolchain)."""
    if environ.get("REFGO_CACHE"):
        return Path(environ["REFGO_CACHE"])
    xdg = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "refgo"


class _Popen(subprocess.Popen[bytes]):
    """A Popen that reaps its child with wait4 and keeps the child's resource usage."""

    rusage: resource.struct_rusage | None = None

    def _try_wait(self, wait_flags: int) -> tuple[int, int]:
        """Popen's own reaping step (CPython calls it from wait() and communicate()),
        with wait4 for waitpid; rusage is set once the child is reaped."""
        try:
            pid, sts, usage = os.wait4(self.pid, wait_flags)
        except ChildProcessError:
            return self.pid, 0
        if pid == self.pid:
            self.rusage = usage
        return pid, sts


def _usage(proc: _Popen) -> tuple[float | None, int | None]:
    """Returns (CPU seconds, peak RSS bytes) of a reaped child, or (None, None)."""
    ru = proc.rusage
    if ru is None:
        return None, None
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss * 1024  # Linux: ru_maxrss is in KiB


@functools.cache
def spawn_launcher() -> str | None:
    """Returns refgo-spawn (harness/spawn.c) built for the host in the harness cache,
    compiling it on first use; None when it cannot be built (no C compiler)."""
    src = SPAWN_C.read_bytes()
    key = hashlib.sha256(" ".join(SPAWN_CFLAGS).encode() + b"\0" + src).hexdigest()[:16]
    out = cache_root() / "spawn" / f"refgo-spawn-{key}"
    if os.access(out, os.X_OK):
        return str(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".refgo-spawn-")
        os.close(fd)
        cmd = ["gcc", *SPAWN_CFLAGS, "-o", tmp, "-x", "c", "-"]
        proc = subprocess.run(cmd, input=src, capture_output=True, timeout=120, check=False)
        if proc.returncode != 0:
            os.unlink(tmp)
            return None
        os.replace(tmp, out)  # concurrent workers build the same bytes
    except (OSError, subprocess.SubprocessError):
        return None
    return str(out)


def _report_line(report: BinaryIO | None) -> tuple[str, list[int]]:
    """Reads refgo-spawn's next reply line as (word, numbers); ("", []) at its end."""
    if report is None:
        return "", []
    word, *nums = report.readline().decode("ascii", "replace").split() or [""]
    try:
        return word, [int(n) for n in nums]
    except ValueError:
        return "", []


def _step_usage(report: BinaryIO | None, proc: _Popen) -> tuple[int, float | None, int | None]:
    """Returns the step's (returncode, CPU seconds, peak RSS bytes): refgo-spawn's status
    line when launched through it, else the reaped child's own usage."""
    word, nums = _report_line(report)
    if word == "status" and len(nums) == 4:
        status, utime, stime, maxrss = nums
        return os.waitstatus_to_exitcode(status), (utime + stime) / 1e6, maxrss * 1024
    if report is None:
        return proc.returncode, *_usage(proc)
    return proc.returncode, None, None


class LocalExecutor:
    """Runs steps as host subprocesses, each in its own session and process group.

    memory (bytes, 0 = none) caps every step's writable private memory (RLIMIT_DATA:
    heap, anonymous read-write mappings, and pages made writable by mprotect); a step
    that fails saying it ran out of memory is reported as oom_killed, like a container's.
    do NOT use RLIMIT_AS here: it counts PROT_NONE reservations, and both Go's runtime
    and refgo's reserve far more address space (refgo: a 256 GiB stack arena) than
    they ever touch, so any useful RLIMIT_AS refuses every program at start.
    Every step's CPU time and peak RSS come from wait4: the step's process and the
    descendants it waited for (a compiler's assembler and linker), not processes it left
    running (those the process-group kill ends). refgo-spawn (spawn.c) forks and reaps
    the step, so its peak RSS is its own: a fork of this worker would count the worker's
    resident memory too, a vfork or posix_spawn the worker's peak (Linux's ru_maxrss).
    All workdirs live under one temporary base directory. A passing case's workdir is
    removed when the case ends, a failing one's is kept; close() removes the base
    directory unless something in it is kept (keep=True keeps every workdir).
    """

    kind = "local"

    def __init__(self, keep: bool = False, memory: int = 0) -> None:
        self._base = tempfile.mkdtemp(prefix="refgo-")
        self._keep = keep
        self._memory = memory
        self._env = {"PATH": local_path(), "LANG": "C.UTF-8", "PYTHONPATH": repo_root()}
        self.kept: list[str] = []

    @property
    def base(self) -> str:
        """The directory holding every workdir of this executor."""
        return self._base

    def build_cache(self) -> str:
        """Returns <cache root>/build-local (created)."""
        path = cache_root() / "build-local"
        path.mkdir(parents=True, exist_ok=True)
        return str(path)

    def go_cache(self) -> str:
        """Returns the build cache: on the host, gc shares it across cases and runs."""
        return self.build_cache()

    def workdir(self, key: str) -> str:
        """Returns base/key, emptied; key must be a plain file name."""
        if not _KEY_RX.fullmatch(key) or key in (".", ".."):
            raise ValueError(f"invalid workdir key {key!r}")
        path = os.path.join(self._base, key)
        if os.path.exists(path):
            shutil.rmtree(path)
        os.makedirs(path)
        return path

    def write_file(self, path: str, data: bytes) -> None:
        """Writes data to path."""
        with open(path, "wb") as f:
            f.write(data)

    def read_file(self, path: str) -> bytes:
        """Reads the file at path."""
        with open(path, "rb") as f:
            return f.read()

    def run(
        self,
        argv: Sequence[str],
        *,
        cwd: str,
        timeout: float,
        env: Mapping[str, str] | None = None,
        stdin: bytes | None = None,
        merge_stderr: bool = False,
    ) -> StepResult:
        """Runs argv; on timeout kills the process group (SIGKILL) and reports timed_out."""
        full_env = dict(self._env, HOME=cwd)
        full_env.update(env or {})
        start = time.monotonic()
        launcher = spawn_launcher()
        report: BinaryIO | None = None
        try:
            if launcher is None:
                proc = self._popen(list(argv), cwd, full_env, stdin, merge_stderr, ())
            else:
                r, w = os.pipe()
                report = os.fdopen(r, "rb")
                try:
                    proc = self._popen([launcher, str(w), *argv], cwd, full_env, stdin,
                                       merge_stderr, (w,))
                finally:
                    os.close(w)
        except OSError as err:
            if report is not None:
                report.close()
            where = f" in {cwd}" if err.filename == cwd else ""
            return self._unstarted(argv, f"{where}: {err.strerror or err}", merge_stderr, start)
        with report if report is not None else contextlib.nullcontext():
            word, nums = _report_line(report)
            if word != "pid" and report is not None:
                proc.communicate()
                why = os.strerror(nums[0]) if word == "errno" and nums else "refgo-spawn failed"
                return self._unstarted(argv, f": {why}", merge_stderr, start)
            pgid = nums[0] if report is not None else proc.pid
            return self._finish(argv, proc, pgid, report, stdin, timeout, merge_stderr, start)

    def _popen(self, argv: list[str], cwd: str, env: Mapping[str, str], stdin: bytes | None,
               merge_stderr: bool, pass_fds: tuple[int, ...]) -> _Popen:
        """Starts argv in a session of its own with the step's pipes and memory limit."""
        return _Popen(
            argv,
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT if merge_stderr else subprocess.PIPE,
            start_new_session=True,
            pass_fds=pass_fds,
            preexec_fn=self._limit if self._memory else None,
        )

    @staticmethod
    def _unstarted(argv: Sequence[str], why: str, merge_stderr: bool,
                   start: float) -> StepResult:
        """The result of a step that could not be started: 127 and `cannot run ARGV0why`."""
        msg = f"cannot run {argv[0]}{why}\n".encode()
        return StepResult(
            tuple(argv),
            127,
            msg if merge_stderr else b"",
            b"" if merge_stderr else msg,
            False,
            False,
            time.monotonic() - start,
            cpu=0.0,
            maxrss=0,
        )

    def _finish(self, argv: Sequence[str], proc: _Popen, pgid: int, report: BinaryIO | None,
                stdin: bytes | None, timeout: float, merge_stderr: bool,
                start: float) -> StepResult:
        """Feeds and drains a started step whose process group is pgid, killing the group
        on timeout and once it exits, and returns its result."""
        timed_out = False
        try:
            out, errout = proc.communicate(stdin, timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            _kill_group(pgid)
            out, errout = self._drain(proc)
        except BaseException:
            _kill_group(pgid)
            _kill_group(proc.pid)
            proc.wait()
            raise
        _kill_group(pgid)
        out, errout = out or b"", errout or b""
        returncode, cpu, maxrss = _step_usage(report, proc)
        oom = bool(self._memory) and returncode != 0 and not timed_out
        return StepResult(
            argv=tuple(argv),
            returncode=returncode,
            output=out,
            stderr=b"" if merge_stderr else errout,
            timed_out=timed_out,
            oom_killed=oom and _OOM_RX.search(out + errout) is not None,
            duration=time.monotonic() - start,
            cpu=cpu,
            maxrss=maxrss,
        )

    def _limit(self) -> None:
        """(in the child, before exec) Caps the step's writable memory at the memory limit."""
        resource.setrlimit(resource.RLIMIT_DATA, (self._memory, self._memory))

    @staticmethod
    def _drain(proc: _Popen) -> tuple[bytes, bytes]:
        """Collects what a killed process group wrote; gives up if an escapee holds the pipes."""
        try:
            out, err = proc.communicate(timeout=_DRAIN_SECONDS)
            return out or b"", err or b""
        except subprocess.TimeoutExpired:
            for pipe in (proc.stdout, proc.stderr):
                if pipe is not None:
                    pipe.close()
            proc.kill()
            proc.wait()
            return b"", b""

    def finish_case(self, workdir: str, failed: bool) -> str | None:
        """Removes a passing case's workdir; keeps a failing one's and returns it."""
        if failed or self._keep:
            self.kept.append(workdir)
            return workdir
        shutil.rmtree(workdir, ignore_errors=True)
        return None

    def reproduce(self, steps: Sequence[Step], kept: str | None) -> list[str]:
        """The steps as run: same cwd, the executor's fixed environment plus the step's, and
        the memory limit (prlimit, so that it binds the command, not the pasting shell)."""
        lines = [render_step(s, dict(self._env, HOME=s.cwd)) for s in steps]
        if not self._memory:
            return lines
        limit = f"prlimit --data={self._memory} "
        return [ln.replace(" && env -i ", f" && {limit}env -i ", 1) for ln in lines]

    def close(self) -> None:
        """Removes every workdir not kept (the base too when none is)."""
        if not self.kept:
            shutil.rmtree(self._base, ignore_errors=True)
            return
        for name in os.listdir(self._base):
            path = os.path.join(self._base, name)
            if path not in self.kept:
                shutil.rmtree(path, ignore_errors=True)
