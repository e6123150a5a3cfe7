"""The Docker executor: every toolchain step of a worker runs in one long-lived container.

A pytest plugin module (registered by harness.plugin) and the
``python -m harness.container`` command.  For a worker ``gw0`` of run ``3fa9c2d1e0b4``:

    ex = open_executor(config, "gw0", ["/work/main", "/usr/share/go-1.19/test"])
    # a trusted container fills the build cache (prepare_cache), then the worker's
    # container refgo-3fa9c2d1e0b4-gw0 from refgo-toolchain:<content hash> starts once:
    #   --network none --read-only --memory 512m (no swap) --pids-limit 1024 --cpus 1
    #   --cap-drop ALL --cap-add SETUID,SETGID,KILL, tmpfs /refgo/work (owned by
    #   CASE_UID), /tmp and /dev/shm, the mounts read-only at the same paths, the build
    #   cache read-only at /refgo-cache, PID 1 = refgo-step init
    wd = ex.workdir("k1")                      # a new case: "/refgo/work/k1"
    r = ex.run(["sh", "-c", "echo hi"], cwd=wd, timeout=10, merge_stderr=True)
    # docker exec refgo-step run -C /refgo/work/k1 -t 10.0 -m -E PATH=... \
    #                            -n -p /refgo/work/k1 -- sh -c "echo hi"
    # (-n: empty the scratch first; the command runs as CASE_UID)
    r.returncode, r.output                     # 0, b"hi\n"
    ex.close()                                 # container removed

Each operation is one ``docker exec`` of refgo-step (toolchain/step.c; its comment gives
the protocol): a step runs in a new session under its timeout; on expiry or exit every
process it started is SIGKILLed.  ``oom_killed`` is per step: refgo-step compares the
container memory cgroup's ``oom_kill`` counter before and after the step (operations of a
container never overlap: the executor holds a lock).  If refgo-step itself does not
answer within the timeout plus a grace period, the executor kills everything in the
container and reports the step as timed out, so the harness never hangs on a step.  If
the container itself stops (or is removed), the step fails with an ExecutorError saying
so, and the executor starts a new container for the steps after it.

Lifetime: this module owns every executor of the process, local or Docker: open_executor()
(this worker's container) and open_local() (the host) register it, and its hooks close
the config's executors at session end and unconfigure, atexit, and on SIGTERM; nothing
else closes one.  Containers carry labels naming the run, the worker and the owning
process (``host:pid:start time``); close() removes the container, and the controller removes
every container labelled with its run id at session end (covering crashed workers).
open_executor() first removes labelled containers whose owning process is gone, and a
container whose executor stopped using it exits (and is auto-removed) after
IDLE_SECONDS without a step.  Command-line options: --docker-memory, --docker-cpus,
--docker-pids.

This module is long because the executor's parts share one state and one wire format:
the image build, the container's lifecycle, the step protocol, and cleanup of what a
killed run left behind.
"""

from __future__ import annotations

import argparse
import atexit
import builtins
import io
import json
import math
import os
import re
import shlex
import signal
import socket
import sys
import tarfile
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from compiler import link
from harness import image
from harness.toolchain import (
    SYSTEM_PATH,
    Executor,
    LocalExecutor,
    Step,
    StepResult,
    cache_root,
    render_step,
    repo_root,
)

STEP = "/usr/local/bin/refgo-step"
WORK_ROOT = "/refgo/work"
CACHE_MOUNT = "/refgo-cache"
PYCACHE = CACHE_MOUNT + "/pycache"
GOCACHE = WORK_ROOT + "/.gocache"
CASE_UID = 60999  # refgo-step's CASE_UID: every step of a case runs as this uid
CAPS = ["SETUID", "SETGID", "KILL"]  # all refgo-step keeps: switch to CASE_UID, kill it
CONTAINER_PATH = "/usr/lib/go-1.19/bin:" + SYSTEM_PATH
LABEL = "org.refgo.harness"
LABEL_RUN = "org.refgo.run"
LABEL_WORKER = "org.refgo.worker"
LABEL_OWNER = "org.refgo.owner"
PING_TIMEOUT = 3.0
API_TIMEOUT = 300.0
GRACE = 30.0
OP_TIMEOUT = 120.0
IDLE_SECONDS = 7200
PROTECTED = (
    "/usr",
    "/bin",
    "/sbin",
    "/lib",
    "/lib64",
    "/etc",
    "/proc",
    "/sys",
    "/dev",
    "/tmp",
    "/refgo",
    "/var",
    "/run",
)
_KEY_RX = re.compile(r"[A-Za-z0-9._-]+")
_SIZE_RX = re.compile(r"(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?", re.IGNORECASE)

STATE_SETTLE = 3.0
"""Seconds a step that lost its reply waits for the engine to say whether the container
stopped."""


class EngineUnavailable(Exception):
    """The Docker engine does not answer; str() is one line naming the endpoint and reason."""


class ExecutorError(Exception):
    """The toolchain container failed in a way that is not a step's verdict (one line)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource limits of one worker's container; 0 for cpus or pids means no limit."""

    memory: int  # bytes; swap is limited to the same value, i.e. no swap
    cpus: float
    pids: int


DEFAULT_LIMITS = Limits(memory=512 << 20, cpus=1.0, pids=1024)
LOCAL_MEMORY = pytest.StashKey[int]()


def parse_size(text: str) -> int:
    """Parses a memory size: bytes, or k/m/g/t with optional (i)b, powers of 1024."""
    m = _SIZE_RX.fullmatch(text.strip())
    if not m:
        raise ValueError(f"invalid memory size {text!r} (examples: 512m, 1g, 768MiB)")
    scale = 1024 ** " kmgt".index((m.group(2) or " ").lower())
    value = int(float(m.group(1)) * scale)
    if value < 6 << 20:
        raise ValueError(f"memory size {text!r} is below Docker's minimum of 6 MiB")
    return value


def parse_cpus(text: str) -> float:
    """Parses a CPU limit: a positive number of CPUs, or 0 for none."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"invalid CPU limit {text!r} (a number of CPUs such as 1.5; 0 = none)")
    return value


def parse_pids(text: str) -> int:
    """Parses a pids limit: a positive count, or 0 for none."""
    if not text.strip().isdigit():
        raise ValueError(f"invalid pids limit {text!r} (a count such as 1024; 0 = none)")
    return int(text)


def limits_from_options(memory: str, cpus: str, pids: str) -> Limits:
    """Returns the Limits the option strings describe; ValueError names the bad one."""
    return Limits(memory=parse_size(memory), cpus=parse_cpus(cpus), pids=parse_pids(pids))


def container_name(run_id: str, worker_id: str) -> str:
    """Returns the container name for a worker of a run (Docker's name alphabet)."""
    return "refgo-" + re.sub(r"[^A-Za-z0-9_.-]", "_", f"{run_id}-{worker_id}")


def process_start(pid: int) -> str | None:
    """Returns pid's start time in clock ticks since boot, or None if there is no such pid."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return None
    return stat[stat.rfind(b")") + 2 :].split()[19].decode()


def owner_label(pid: int | None = None) -> str:
    """Returns the owner label value for pid (default: this process): host:pid:start."""
    pid = os.getpid() if pid is None else pid
    return f"{socket.gethostname()}:{pid}:{process_start(pid) or '?'}"


def owner_alive(owner: str) -> bool:
    """Reports whether the process an owner label names may still run.

    Labels from another host, or malformed ones, count as alive: not ours to judge.
    """
    parts = owner.rsplit(":", 2)
    if len(parts) != 3 or not parts[1].isdigit():
        return True
    host, pid, start = parts
    if host != socket.gethostname():
        return True
    return process_start(int(pid)) == start


def plan_mounts(required: Sequence[str], optional: Sequence[str] = ()) -> list[str]:
    """Returns the directories to bind: absolute, nested ones dropped, system paths refused.

    A required path that would hide a system directory of the container (/, /usr, /tmp,
    ...) is an ExecutorError; an optional one is dropped.
    """
    keep: set[str] = set()
    for paths, strict in ((required, True), (optional, False)):
        for p in (os.path.normpath(os.path.abspath(p)) for p in paths):
            hidden = next(
                (g for g in PROTECTED if p == "/" or g == p or g.startswith(p + "/")), None
            )
            if hidden is None:
                keep.add(p)
            elif strict:
                raise ExecutorError(
                    f"cannot mount {p} into the toolchain container: it would hide the "
                    f"container's {hidden if p != '/' else '/'}"
                )
    out: list[str] = []
    for p in sorted(keep):
        if not any(p.startswith(q + "/") for q in out):
            out.append(p)
    return out


def split_frames(data: bytes) -> tuple[bytes, bytes]:
    """Demultiplexes a non-TTY Docker attach stream into (stdout, stderr)."""
    out, err, i = bytearray(), bytearray(), 0
    while i + 8 <= len(data):
        kind, size = data[i], int.from_bytes(data[i + 4 : i + 8], "big")
        chunk = data[i + 8 : i + 8 + size]
        if len(chunk) != size:
            break
        (err if kind == 2 else out).extend(chunk)
        i += 8 + size
    if i != len(data):
        raise ExecutorError(f"truncated Docker stream ({len(data) - i} stray bytes)")
    return bytes(out), bytes(err)


def parse_reply(stdout: bytes) -> tuple[dict[str, Any], bytes, bytes]:
    """Splits refgo-step's reply into (header, out, err); ExecutorError if it is malformed."""
    line, nl, rest = stdout.partition(b"\n")
    try:
        header = json.loads(line) if nl else None
    except ValueError:
        header = None
    if not isinstance(header, dict):
        raise ExecutorError(f"refgo-step gave no reply header: {stdout[:200]!r}")
    n_out, n_err = int(header.get("out", 0)), int(header.get("err", 0))
    if len(rest) != n_out + n_err:
        raise ExecutorError(f"refgo-step reply has {len(rest)} bytes, header says {n_out + n_err}")
    return header, rest[:n_out], rest[n_out:]


def raise_step_error(header: Mapping[str, Any]) -> None:
    """Raises the exception a failed reply names (an OSError subclass or ValueError)."""
    kind, msg = str(header.get("kind", "")), str(header.get("error", "refgo-step failed"))
    exc = getattr(builtins, kind, None)
    if isinstance(exc, type) and issubclass(exc, (OSError, ValueError)):
        raise exc(msg)
    raise ExecutorError(f"{kind}: {msg}")


def step_usage(header: Mapping[str, Any]) -> tuple[float | None, int | None]:
    """Returns the (CPU seconds, peak RSS bytes) a run reply reports; (None, None) from a
    refgo-step built before it reported them."""
    cpu, rss = header.get("cpu"), header.get("maxrss")
    if not isinstance(cpu, int | float) or not isinstance(rss, int):
        return None, None
    return float(cpu), rss


def connect(timeout: float = PING_TIMEOUT) -> Any:
    """Returns a docker client whose engine answered a ping; EngineUnavailable otherwise."""
    try:
        import docker
    except ImportError as e:
        raise EngineUnavailable("the Python package 'docker' is not installed") from e
    where = os.environ.get("DOCKER_HOST") or "unix:///var/run/docker.sock"
    try:
        client = docker.from_env(timeout=max(1, math.ceil(timeout)))
        client.ping()
    except Exception as e:
        raise EngineUnavailable(f"Docker engine not reachable at {where}: {_reason(e)}") from e
    client.api.timeout = API_TIMEOUT
    return client


def _reason(e: BaseException) -> str:
    """Returns the innermost cause of e as one short line."""
    while e.__cause__ is not None or e.__context__ is not None:
        e = e.__cause__ or e.__context__  # type: ignore[assignment]
    text = " ".join(str(e).split()) or type(e).__name__
    for args in getattr(e, "args", ()):
        if isinstance(args, BaseException):
            return _reason(args)
    return text[:160]


def remove_stale(client: Any) -> list[str]:
    """Removes labelled containers whose owning process is gone; returns their names."""
    found = _list(client, {"label": LABEL})
    return _sweep([c for c in found if not owner_alive(c.labels.get(LABEL_OWNER, ""))])


def remove_run(client: Any, run_id: str) -> list[str]:
    """Removes every container labelled with run_id; returns their names."""
    return _sweep(_list(client, {"label": f"{LABEL_RUN}={run_id}"}))


def _list(client: Any, filters: Mapping[str, str]) -> list[Any]:
    """The containers matching filters. One removed between the engine's listing and its
    inspection (another worker's sweep, an idle container's exit) is left out: do NOT let
    the SDK raise NotFound for it, as it does by default."""
    return list(client.containers.list(all=True, filters=dict(filters), ignore_removed=True))


def _remove(container: Any) -> None:
    """Force-removes a container; one already gone or being removed is not an error."""
    import docker.errors

    try:
        container.remove(force=True)
    except docker.errors.NotFound:
        pass
    except docker.errors.APIError as e:
        if e.status_code != 409:
            raise


def _sweep(containers: Sequence[Any]) -> list[str]:
    """Removes the containers, warning about (not raising on) failures; returns the names."""
    gone = []
    for c in containers:
        try:
            _remove(c)
        except Exception as e:
            sys.stderr.write(f"refgo: could not remove container {c.name}: {_reason(e)}\n")
            continue
        gone.append(c.name)
    return gone


@dataclass(frozen=True, slots=True)
class PathMap:
    """Where this process's paths are on the Docker engine's host.

    Bind-mount sources are paths on the engine's host. When this process runs in a
    container of that same engine (a GitHub Actions job `container:` with the runner's
    socket), its paths are not the host's: /__w/refgo/refgo is /home/runner/work/refgo/refgo
    there. binds holds (path here, path on the host) of this container's own mounts;
    None means this process is not a container of the engine: paths are the host's.
    """

    binds: tuple[tuple[str, str], ...] | None = None

    def host(self, path: str) -> str:
        """Returns path as the engine's host names it; EngineUnavailable when the host
        cannot see it (it is in this container's own filesystem)."""
        if self.binds is None:
            return path
        best: tuple[str, str] | None = None
        for here, there in self.binds:
            if path == here or path.startswith(here.rstrip("/") + "/"):
                if best is None or len(here) > len(best[0]):
                    best = (here, there)
        if best is None:
            raise EngineUnavailable(
                f"{path} is inside this container, on no mount the Docker engine's host can "
                "bind: use --toolchain=local here, or mount it into this container"
            )
        return best[1] + path[len(best[0]):]


def path_map(client: Any) -> PathMap:
    """Asks the engine whether this process runs in one of its containers (by hostname,
    which Docker sets to the container id) and returns that container's mounts."""
    try:
        me = client.containers.get(socket.gethostname())
        mounts = me.attrs.get("Mounts", [])
    except Exception:
        return PathMap()
    binds = tuple(
        (str(m["Destination"]), str(m["Source"]))
        for m in mounts
        if m.get("Type") in ("bind", "volume") and m.get("Source") and m.get("Destination")
    )
    return PathMap(binds)


def start_container(
    client: Any,
    tag: str,
    name: str,
    labels: Mapping[str, str],
    mounts: Sequence[str],
    limits: Limits,
    cache: str | None = None,
    paths: PathMap = PathMap(),
) -> Any:
    """Starts a worker's container: no network, read-only root, the limits, mounts bound
    read-only at their host paths and cache (the toolchain's build cache) read-only at
    CACHE_MOUNT.  refgo-step runs as root with only CAPS; the case's scratch is a tmpfs
    /refgo/work owned by CASE_UID, /tmp and /dev/shm, together a bit under half the
    memory limit (tmpfs pages count against it)."""
    if os.getuid() == CASE_UID:
        raise ExecutorError(f"the harness runs as uid {CASE_UID}, the sandbox's case uid")
    mib = 1 << 20
    work = f"rw,exec,nosuid,nodev,size={max(limits.memory // 4, 16 * mib)}"
    work += f",uid={CASE_UID},gid={CASE_UID},mode=0700"
    tmp = f"rw,exec,nosuid,nodev,size={max(limits.memory // 8, 8 * mib)},mode=1777"
    kwargs: dict[str, Any] = {}
    if limits.cpus:
        kwargs["nano_cpus"] = int(limits.cpus * 1e9)
    if limits.pids:
        kwargs["pids_limit"] = limits.pids
    return client.containers.run(
        tag,
        [STEP, "init", str(IDLE_SECONDS)],
        name=name,
        labels=dict(labels),
        detach=True,
        auto_remove=True,
        network_mode="none",
        read_only=True,
        tmpfs={"/refgo": "rw,noexec,nosuid,nodev,size=1m,mode=0755", WORK_ROOT: work, "/tmp": tmp},
        shm_size=max(limits.memory // 16, 4 * mib),
        mem_limit=limits.memory,
        memswap_limit=limits.memory,
        volumes={
            **{paths.host(m): {"bind": m, "mode": "ro"} for m in mounts},
            **({paths.host(cache): {"bind": CACHE_MOUNT, "mode": "ro"}} if cache else {}),
        },
        user="0:0",
        cap_drop=["ALL"],
        cap_add=CAPS,
        security_opt=["no-new-privileges"],
        working_dir="/refgo",
        **kwargs,
    )


_PREPARE = """\
import compileall, sys, tempfile
from compiler import driver, flags, link, units
archive = link.runtime_archive()
bases = [None]
if sys.argv[2:]:
    try:
        with tempfile.NamedTemporaryFile(suffix=".go") as f:  # parse wants a file
            bases.append(flags.config(flags.parse("build", [*sys.argv[2:], f.name])))
    except driver.UsageError as e:
        print("refgo: prefill: the run's compiler flags:", e, file=sys.stderr)
for base in bases:
    for line in units.prefill(base=base):
        print("refgo: prefill:", line, file=sys.stderr)
ok = compileall.compile_dir(sys.argv[1] + "/compiler", quiet=1)
print(archive.name)
sys.exit(0 if ok else 1)
"""


def prepare_cache(
    client: Any, tag: str, cache: Path, root: str, paths: PathMap = PathMap(),
    flags: Sequence[str] = (),
) -> str:
    """Runs the trusted step that fills the build cache; returns the runtime archive's sha256.

    The only writer of the cache: a container of its own running the repository's code
    (never a case) as the cache's owner, with the cache read-write at CACHE_MOUNT.  It
    builds refgo's runtime archive (compiler.link, which records its checksum), stores
    every library package's unit (compiler.units.prefill: the steps cannot write the
    cache, so `refgo build` there reads units only from it), built without flags and,
    if flags (the run's --compiler-flags) change code (-l, -N, -d=convinline=0), with
    them too, for they key the units (units.flags_key); and it byte-compiles the
    compiler into PYCACHE.  The archive is then checked on the host
    against its recorded checksum; the value is pinned in every step's environment
    (REFGO_RUNTIME_SHA256), so a link refuses any other archive.
    """
    import filelock

    env = {
        "PYTHONPATH": root,
        "REFGO_CACHE": CACHE_MOUNT,
        "PYTHONPYCACHEPREFIX": PYCACHE,
        "HOME": "/tmp",
        "PATH": CONTAINER_PATH,
    }
    try:
        with filelock.FileLock(str(cache) + ".lock"):
            out = client.containers.run(
                tag,
                ["python3", "-c", _PREPARE, root, *flags],
                remove=True,
                network_mode="none",
                read_only=True,
                tmpfs={"/tmp": "rw,exec,size=256m"},
                environment=env,
                volumes={
                    paths.host(root): {"bind": root, "mode": "ro"},
                    paths.host(str(cache)): {"bind": CACHE_MOUNT},
                },
                user=f"{os.getuid()}:{os.getgid()}",
                cap_drop=["ALL"],
                security_opt=["no-new-privileges"],
                working_dir=root,
            )
    except Exception as e:
        raise ExecutorError(f"cannot prepare the build cache {cache}: {_reason(e)}") from e
    name = out.decode(errors="replace").strip().splitlines()[-1:]
    archive = cache / (name[0] if name else "?")
    try:
        return link.verify_archive(archive)
    except link.LinkError as e:
        raise ExecutorError(f"build cache {cache}: {e}") from e


def _extract_plain(tf: tarfile.TarFile, dest: str) -> None:
    """Extracts tf's regular files and directories under dest, nothing outside it.

    Do NOT call extractall(filter="data") unconditionally: Python 3.11 has it only from
    3.11.4, and Debian bookworm's python3 (a job container's, the image's) is 3.11.2.
    """
    if hasattr(tarfile, "data_filter"):
        tf.extractall(dest, filter="data")
        return
    safe = [
        m for m in tf.getmembers()
        if (m.isfile() or m.isdir()) and not os.path.isabs(m.name)
        and ".." not in m.name.split("/")
    ]
    for m in safe:
        m.mode &= 0o755
    tf.extractall(dest, members=safe)


class DockerExecutor:
    """An Executor whose steps run in one container (harness.toolchain.Executor contract).

    Not for concurrent use from several threads beyond what its lock serializes: every
    operation holds the lock for its whole exec, which is what makes refgo-step's per-step
    kill-everything and OOM attribution sound.
    """

    kind = "docker"

    def __init__(
        self,
        client: Any,
        container: Any,
        name: str,
        root: str,
        runtime_sha256: str = "",
        restart: Callable[[str], Any] | None = None,
        paths: PathMap = PathMap(),
    ) -> None:
        self._client = client
        self._paths = paths
        self._container = container
        self.name = name
        self._base_name = name
        self._root = root
        self._runtime_sha256 = runtime_sha256
        self._restart = restart
        self._replaced = 0
        self._lock = threading.Lock()
        self._pending: list[str] = []  # the workdir to recreate with the next operation
        self._new_case = False  # whether the next operation empties the scratch first
        self._closed = False

    def build_cache(self) -> str:
        """Returns CACHE_MOUNT: the build cache, read-only in the container."""
        return CACHE_MOUNT

    def go_cache(self) -> str:
        """Returns GOCACHE: in the case's scratch, so private to the case and bounded."""
        return GOCACHE

    def workdir(self, key: str) -> str:
        """Returns /refgo/work/key for a new case: the next operation empties the case
        scratch (/refgo/work, /tmp, /dev/shm) and creates it."""
        if not _KEY_RX.fullmatch(key) or key in (".", ".."):
            raise ValueError(f"invalid workdir key {key!r}")
        path = f"{WORK_ROOT}/{key}"
        with self._lock:
            self._pending = [path]
            self._new_case = True
        return path

    def write_file(self, path: str, data: bytes) -> None:
        """Writes data to path inside the container."""
        self._call("write", [], [path], data, OP_TIMEOUT)

    def read_file(self, path: str) -> bytes:
        """Reads the file at path inside the container."""
        return self._call("read", [], [path], None, OP_TIMEOUT)[1]

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
        """Runs argv in the container; on timeout every process it started is killed."""
        full_env = {
            "PATH": CONTAINER_PATH,
            "HOME": cwd,
            "LANG": "C.UTF-8",
            "PYTHONPATH": self._root,
            "PYTHONPYCACHEPREFIX": PYCACHE,
        }
        if self._runtime_sha256:
            full_env["REFGO_RUNTIME_SHA256"] = self._runtime_sha256
        full_env.update(env or {})
        options = ["-C", cwd, "-t", repr(float(timeout))]
        options += ["-m"] if merge_stderr else []
        options += ["-i"] if stdin is not None else []
        for k, v in full_env.items():
            options += ["-E", f"{k}={v}"]
        start = time.monotonic()
        try:
            header, out, err = self._call(
                "run", options, [str(a) for a in argv], stdin, timeout + GRACE
            )
        except TimeoutError:
            return StepResult(
                tuple(argv), -signal.SIGKILL, b"", b"", True, False, time.monotonic() - start
            )
        cpu, maxrss = step_usage(header)
        return StepResult(
            argv=tuple(argv),
            returncode=int(header["returncode"]),
            output=out,
            stderr=err,
            timed_out=bool(header["timed_out"]),
            oom_killed=bool(header["oom_killed"]),
            duration=float(header["duration"]),
            cpu=cpu,
            maxrss=maxrss,
        )

    def finish_case(self, workdir: str, failed: bool) -> str | None:
        """Copies a failing case's workdir out of the container to a new host directory
        and returns it; a passing case's scratch is emptied by the next case anyway."""
        if not failed:
            return None
        key = workdir.rsplit("/", 1)[-1]
        try:
            res = self.run(["tar", "-C", WORK_ROOT, "-cf", "-", key], cwd=WORK_ROOT,
                           timeout=OP_TIMEOUT)
            if res.returncode != 0:
                return None
            dest = tempfile.mkdtemp(prefix="refgo-failed-", dir=self._kept_base())
            with tarfile.open(fileobj=io.BytesIO(res.output)) as tf:
                _extract_plain(tf, dest)
        except (OSError, ValueError, tarfile.TarError, ExecutorError):
            return None
        return os.path.join(dest, key)

    def _kept_base(self) -> str | None:
        """Where failing workdirs are kept: the system temp dir, except in a container of
        the engine (a job `container:`), where it is $RUNNER_TEMP or the build cache's
        directory, so that the engine's host sees them and the reproduce line can bind
        them. Do NOT keep them in this container's /tmp there: the host has no such path."""
        if self._paths.binds is None:
            return None
        for d in (os.environ.get("RUNNER_TEMP", ""), str(cache_root())):
            try:
                if d and self._paths.host(d):
                    os.makedirs(d, exist_ok=True)
                    return d
            except (EngineUnavailable, OSError):
                continue
        return None

    def reproduce(self, steps: Sequence[Step], kept: str | None) -> list[str]:
        """`docker run` lines in the toolchain image with this container's read-only
        mounts, its memory, process and CPU limits, and the kept workdir bound where the
        case had it (by its host path)."""
        try:
            image_ref = (self._container.image.tags or [self._container.image.id])[0]
            binds = [(m["Source"], m["Destination"])
                     for m in self._container.attrs.get("Mounts", []) if m.get("Type") == "bind"]
            host = self._container.attrs.get("HostConfig") or {}
        except Exception:  # a container gone mid-run still gets a best-effort line
            image_ref, binds, host = "refgo-toolchain", [], {}
        opts = ["--rm", "--network", "none"]
        if host.get("Memory"):
            opts += ["--memory", str(host["Memory"]), "--memory-swap", str(host["Memory"])]
        if host.get("PidsLimit"):
            opts += ["--pids-limit", str(host["PidsLimit"])]
        if host.get("NanoCpus"):
            opts += ["--cpus", f"{host['NanoCpus'] / 1e9:g}"]
        for src, dst in binds:
            opts += ["-v", f"{src}:{dst}:ro"]
        if kept is not None and steps:
            try:
                source = self._paths.host(kept)
            except EngineUnavailable:
                source = kept
            opts += ["-v", f"{source}:{WORK_ROOT}/{os.path.basename(kept)}"]
        base = {"PATH": CONTAINER_PATH, "LANG": "C.UTF-8", "PYTHONPATH": self._root}
        lines = []
        for st in steps:
            inner = render_step(st, dict(base, HOME=st.cwd))
            lines.append(f"docker run {shlex.join(opts)} {shlex.quote(image_ref)} "
                         f"sh -c {shlex.quote(inner)}")
        return lines

    def close(self) -> None:
        """Removes the container (idempotent).

        Does NOT take the lock: close() runs from signal handlers and atexit while an
        operation may hold it; removing the container ends that operation's stream.
        """
        if self._closed:
            return
        self._closed = True
        try:
            _remove(self._container)
        except Exception as e:
            sys.stderr.write(f"refgo: could not remove container {self.name}: {_reason(e)}\n")
        _LIVE.discard(self)

    def _call(
        self,
        op: str,
        options: list[str],
        operands: list[str],
        stdin: bytes | None,
        limit: float,
    ) -> tuple[dict[str, Any], bytes, bytes]:
        """Runs one refgo-step operation; TimeoutError if it does not answer within limit."""
        with self._lock:
            if self._closed:
                raise ExecutorError(f"toolchain container {self.name} is closed")
            prep = ["-n"] if self._new_case else []
            prep += [x for d in self._pending for x in ("-p", d)]
            try:
                raw = self._exec([op, *options, *prep, "--", *operands], stdin, limit)
                self._pending, self._new_case = [], False
                out, err = split_frames(raw)
                try:
                    header, payload, perr = parse_reply(out)
                except ExecutorError as e:
                    tail = err.decode(errors="replace")[-300:]
                    raise ExecutorError(f"{e}; stderr: {tail}") from e
            except ExecutorError as e:
                self._replace_if_dead(e)
                raise
        if not header.get("ok"):
            raise_step_error(header)
        return header, payload, perr

    def _exec(self, args: list[str], stdin: bytes | None, limit: float) -> bytes:
        """Runs refgo-step ARGS in the container and returns the raw attach stream."""
        import docker.errors

        deadline = time.monotonic() + limit
        try:
            eid = self._client.api.exec_create(
                self._container.id, [STEP, *args], stdin=stdin is not None
            )
            sock = self._client.api.exec_start(eid["Id"], socket=True)
        except docker.errors.APIError as e:
            raise ExecutorError(f"toolchain container {self.name}: {_reason(e)}") from e
        raw: socket.socket = getattr(sock, "_sock", sock)
        chunks: list[bytes] = []
        try:
            raw.settimeout(limit)
            if stdin is not None:
                try:
                    raw.sendall(stdin)
                    raw.shutdown(socket.SHUT_WR)
                except (BrokenPipeError, ConnectionResetError):
                    pass
            while True:
                raw.settimeout(max(deadline - time.monotonic(), 0.001))
                data = raw.recv(1 << 16)
                if not data:
                    break
                chunks.append(data)
        except TimeoutError:
            self._reset()
            raise
        finally:
            sock.close()
        return b"".join(chunks)

    def _replace_if_dead(self, cause: ExecutorError) -> None:
        """If the container stopped or is gone, starts a new one for the next operation
        and raises an ExecutorError saying what happened to this one; else returns."""
        if self._restart is None:
            return
        # A killed container's exec stream ends before the engine reports it stopped:
        # do NOT trust one "running" reading right after a step lost its reply.
        deadline = time.monotonic() + STATE_SETTLE
        while (state := self._state()) is None and time.monotonic() < deadline:
            time.sleep(0.1)
        if state is None:
            return
        old = self.name
        self._replaced += 1
        self.name = f"{self._base_name}-{self._replaced}"
        try:
            self._container = self._restart(self.name)
        except Exception as e:
            self._closed = True
            raise ExecutorError(
                f"toolchain container {old} is gone ({state}): this step did not complete, "
                f"and no new container starts: {_reason(e)}"
            ) from cause
        self._pending, self._new_case = [], False
        raise ExecutorError(
            f"toolchain container {old} is gone ({state}): this step did not complete; "
            f"later steps run in a new container {self.name}"
        ) from cause

    def _state(self) -> str | None:
        """Returns None if the container runs, else one line on how it ended."""
        import docker.errors

        try:
            self._container.reload()
        except docker.errors.NotFound:
            return "removed"
        except Exception:
            return None
        st = self._container.attrs.get("State", {})
        if st.get("Running") and not st.get("Paused"):
            return None
        oom = ", killed by the memory limit" if st.get("OOMKilled") else ""
        return f"{st.get('Status', '?')}, exit code {st.get('ExitCode', '?')}{oom}"

    def _reset(self) -> None:
        """Kills every process in the container but init (a step outlived its deadline)."""
        try:
            self._exec(["reset"], None, OP_TIMEOUT)
        except Exception as e:
            sys.stderr.write(f"refgo: could not reset container {self.name}: {_reason(e)}\n")


_LIVE: set[Executor] = set()
EXECUTORS = pytest.StashKey[list[Executor]]()
RUN_ID = pytest.StashKey[str]()
LIMITS = pytest.StashKey[Limits]()
BUILD_FAILURE = pytest.StashKey[str]()


def open_executor(
    config: pytest.Config, worker_id: str, mounts: Sequence[str] = ()
) -> DockerExecutor:
    """Builds the image if needed, starts this worker's container and returns its executor.

    mounts are host directories to bind read-only at the same path; the repository root
    is always added, and so are the directories of the command-line paths where that is
    possible (see plan_mounts).  Raises EngineUnavailable quickly when the engine does not
    answer.  When the image cannot be built, fails the calling test with the failing build
    step and its output (pytest.fail), and every later call of this session fails the same
    way at once instead of building again.
    """
    client = connect()
    if BUILD_FAILURE in config.stash:
        pytest.fail(config.stash[BUILD_FAILURE], pytrace=False)
    remove_stale(client)
    try:
        with _terminal(config):
            report = image.ensure_image(client, _stderr_line)
    except image.ImageError as e:
        config.stash[BUILD_FAILURE] = f"refgo: cannot build the toolchain image: {e.report()}"
        pytest.fail(config.stash[BUILD_FAILURE], pytrace=False)
    run_id = config.stash.get(RUN_ID, "") or uuid.uuid4().hex[:12]
    labels = {LABEL: "1", LABEL_RUN: run_id, LABEL_WORKER: worker_id, LABEL_OWNER: owner_label()}
    name = container_name(run_id, worker_id)
    planned = plan_mounts([repo_root(), *mounts], _arg_dirs(config))
    cache = image.cache_dir() / ("build-" + report.tag.replace(":", "-").replace("/", "-"))
    cache.mkdir(parents=True, exist_ok=True)
    paths = path_map(client)
    run_flags = shlex.split(config.getoption("compiler_flags") or "") \
        if config.getoption("compiler") == "refgo" else []
    pin = prepare_cache(client, report.tag, cache, repo_root(), paths, run_flags)
    limits = config.stash.get(LIMITS, DEFAULT_LIMITS)

    def start(cname: str) -> Any:
        return start_container(
            client, report.tag, cname, labels, planned, limits, str(cache), paths
        )

    try:
        container = start(name)
    except Exception as e:
        raise ExecutorError(f"cannot start toolchain container {name}: {_reason(e)}") from e
    ex = DockerExecutor(client, container, name, repo_root(), pin, start, paths)
    _register(config, ex)
    return ex


def open_local(config: pytest.Config, keep: bool = False) -> LocalExecutor:
    """Returns a LocalExecutor for this process (keep: leave its workdirs at close)."""
    ex = LocalExecutor(keep=keep, memory=config.stash.get(LOCAL_MEMORY, 0))
    _register(config, ex)
    return ex


def _register(config: pytest.Config, ex: Executor) -> None:
    """Makes ex one of the executors the session end, atexit and SIGTERM close."""
    _LIVE.add(ex)
    config.stash.setdefault(EXECUTORS, []).append(ex)


def _arg_dirs(config: pytest.Config) -> list[str]:
    """Returns the existing directories named by (or holding files named by) the arguments."""
    out = []
    for arg in config.args:
        p = Path(config.invocation_params.dir, arg.split("::", 1)[0])
        if p.is_dir():
            out.append(str(p))
        elif p.is_file():
            out.append(str(p.parent))
    return out


@contextmanager
def _terminal(config: pytest.Config) -> Iterator[None]:
    """Suspends pytest's output capture so build progress reaches the terminal."""
    capman = config.pluginmanager.getplugin("capturemanager")
    if capman is None:
        yield
        return
    with capman.global_and_fixture_disabled():
        yield


def _stderr_line(line: str) -> None:
    """Writes one progress line to stderr (visible from xdist workers too)."""
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def close_all(executors: Sequence[Executor] | None = None) -> None:
    """Closes the given executors (default: every live one in this process)."""
    for ex in list(_LIVE if executors is None else executors):
        ex.close()
        _LIVE.discard(ex)


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    """Removes this process's containers, then dies of SIGTERM as it would have."""
    close_all()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)


def pytest_addoption(parser: pytest.Parser) -> None:
    """Adds the container limit options."""
    group = parser.getgroup("refgo-docker", "refgo Docker toolchain")
    group.addoption(
        "--docker-memory",
        default="512m",
        metavar="SIZE",
        help="memory limit of each toolchain container, no swap (default 512m)",
    )
    group.addoption(
        "--docker-cpus",
        default="1",
        metavar="N",
        help="CPU limit of each toolchain container; 0 = none (default 1)",
    )
    group.addoption(
        "--local-memory",
        default="4g",
        metavar="SIZE",
        help="memory limit (RLIMIT_DATA: writable private memory, committed rather than "
        "touched, hence above --docker-memory) of each step of the local toolchain; a "
        "step that exceeds it is reported as killed by the memory limit; 0 = none "
        "(default 4g)",
    )
    group.addoption(
        "--docker-pids",
        default="1024",
        metavar="N",
        help="process/thread limit of each toolchain container; 0 = none",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Validates the limits, fixes the run id, and installs the cleanup handlers."""
    try:
        config.stash[LIMITS] = limits_from_options(
            config.getoption("docker_memory"),
            config.getoption("docker_cpus"),
            config.getoption("docker_pids"),
        )
        local = config.getoption("local_memory")
        config.stash[LOCAL_MEMORY] = 0 if local.strip() == "0" else parse_size(local)
    except ValueError as e:
        raise pytest.UsageError(str(e)) from e
    workerinput = getattr(config, "workerinput", None)
    run_id = workerinput.get("refgo_run_id", "") if workerinput else ""
    config.stash[RUN_ID] = run_id or uuid.uuid4().hex[:12]
    if threading.current_thread() is threading.main_thread():
        if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
            signal.signal(signal.SIGTERM, _on_sigterm)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """Gives every xdist worker the controller's run id (labels, names, final sweep)."""
    node.workerinput["refgo_run_id"] = node.config.stash[RUN_ID]


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Removes this session's containers; the controller also sweeps its run's label."""
    config = session.config
    close_all(config.stash.get(EXECUTORS, []))
    if hasattr(config, "workerinput") or config.getoption("toolchain", "auto") == "local":
        return
    if not config.stash.get(EXECUTORS, []) and not _xdist_active(config):
        return
    try:
        client = connect(timeout=1.0)
        remove_run(client, config.stash[RUN_ID])
    except Exception:
        pass


def _xdist_active(config: pytest.Config) -> bool:
    """Reports whether this process is an xdist controller with workers."""
    return bool(getattr(config.option, "numprocesses", None)) and config.pluginmanager.has_plugin(
        "dsession"
    )


def pytest_unconfigure(config: pytest.Config) -> None:
    """Closes this config's executors if the session did not (e.g. an aborted start)."""
    close_all(config.stash.get(EXECUTORS, []))


atexit.register(close_all)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m harness.container build|tag|clean``: the toolchain image from a shell."""
    ap = argparse.ArgumentParser(
        prog="python -m harness.container",
        description="The refgo Docker toolchain: the image every step of --toolchain=docker "
        "runs in (built locally from toolchain/, never pulled) and its containers.",
        epilog="examples:\n"
        "  python -m harness.container build        # debootstrap base + image, if missing\n"
        "  python -m harness.container build --cold # rebuild both from nothing, timed\n"
        "  python -m harness.container tag          # refgo-toolchain:<content hash>\n"
        "  python -m harness.container clean --all  # remove every refgo container",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build the toolchain image if missing (visible progress)")
    b.add_argument(
        "--cold",
        action="store_true",
        help="delete the images and the rootfs cache first; build without cache",
    )
    b.add_argument(
        "--network", default=None, help="network for the Dockerfile's RUN steps (e.g. host)"
    )
    sub.add_parser("tag", help="print the toolchain image tag for this checkout")
    c = sub.add_parser("clean", help="remove refgo containers whose owning process is gone")
    c.add_argument("--all", action="store_true", help="remove every refgo container")
    args = ap.parse_args(argv)
    try:
        if args.cmd == "tag":
            print(image.current_tag())
            return 0
        client = connect()
        if args.cmd == "clean":
            if args.all:
                names = _sweep(_list(client, {"label": LABEL}))
            else:
                names = remove_stale(client)
            print(f"removed {len(names)} container(s)" + "".join(f"\n  {n}" for n in names))
            return 0
        t0 = time.monotonic()
        r = image.ensure_image(client, _stdout_line, cold=args.cold, build_network=args.network)
    except EngineUnavailable as e:
        print(f"refgo: {e}", file=sys.stderr)
        return 1
    except image.ImageError as e:
        print(f"refgo: {e.report()}", file=sys.stderr)
        return 1
    print(r.tag)
    print(
        f"base:  {r.base_tag} {r.base_action}"
        + (f" in {r.base_seconds:.1f} s" if r.base_action != "present" else "")
    )
    print(
        f"image: {r.image_action}"
        + (f" in {r.image_seconds:.1f} s" if r.image_action != "present" else "")
    )
    print(f"size:  {r.size / 1e6:.0f} MB; total {time.monotonic() - t0:.1f} s")
    return 0


def _stdout_line(line: str) -> None:
    """Prints one progress line immediately."""
    print(line, flush=True)


if __name__ == "__main__":
    sys.exit(main())
