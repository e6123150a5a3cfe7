"""Tests of the Docker executor (harness/container.py) and its in-container helper.

The pure parts and toolchain/step.py (run on the host, where it never kills beyond the
step's own session) need no engine.  Tests marked ``docker`` need a Docker engine and
are skipped, saying why, when none answers.
"""

from __future__ import annotations

import os
import shlex
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from harness import container, image
from harness.container import DockerExecutor, Limits
from harness.toolchain import LocalExecutor, Step, StepResult, repo_root

STEP_C = Path(repo_root()) / "toolchain" / "step.c"


# ---- pure parts ----


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("512m", 512 << 20),
        ("512MiB", 512 << 20),
        ("1g", 1 << 30),
        ("1.5G", 3 << 29),
        ("67108864", 64 << 20),
        ("65536k", 64 << 20),
        (" 2gb ", 2 << 30),
    ],
)
def test_parse_size(text: str, value: int) -> None:
    assert container.parse_size(text) == value


@pytest.mark.parametrize("text", ["", "abc", "12x", "-5m", "1m", "m"])
def test_parse_size_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="memory size"):
        container.parse_size(text)


def test_parse_cpus_and_pids() -> None:
    assert container.parse_cpus("1.5") == 1.5 and container.parse_cpus("0") == 0
    assert container.parse_pids("1024") == 1024 and container.parse_pids("0") == 0
    for bad in ("-1", "nan", "inf", "x"):
        with pytest.raises(ValueError, match="CPU limit"):
            container.parse_cpus(bad)
    for bad in ("-1", "1.5", "x", ""):
        with pytest.raises(ValueError, match="pids limit"):
            container.parse_pids(bad)
    assert container.limits_from_options("256m", "2", "100") == Limits(256 << 20, 2.0, 100)


def test_bad_option_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "test_x.py").write_text("def test_x():\n    pass\n")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "harness.container",
            "-p",
            "no:cacheprovider",
            "--docker-memory=lots",
            "test_x.py",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 4, proc.stdout + proc.stderr
    assert "invalid memory size 'lots'" in proc.stderr


def test_container_name() -> None:
    assert container.container_name("3fa9c2d1e0b4", "gw0") == "refgo-3fa9c2d1e0b4-gw0"
    assert container.container_name("r", "a/b c") == "refgo-r-a_b_c"


def test_owner_alive() -> None:
    assert container.owner_alive(container.owner_label())
    dead = subprocess.Popen(["true"])
    label = container.owner_label(dead.pid)
    dead.wait()
    assert not container.owner_alive(label)
    host, pid, start = container.owner_label().split(":")
    assert not container.owner_alive(f"{host}:{pid}:{int(start) + 1}")  # pid reused
    assert container.owner_alive(f"another-host-{uuid.uuid4().hex}:1:1")
    assert container.owner_alive("garbage")


def test_plan_mounts() -> None:
    plan = container.plan_mounts(
        ["/work/main", "/work/main/cases", "/usr/share/go-1.19/test"], ["/srv/x/../y", "/tmp"]
    )
    assert plan == ["/srv/y", "/usr/share/go-1.19/test", "/work/main"]
    for bad in ("/", "/usr", "/tmp", "/refgo", "/usr/../etc"):
        with pytest.raises(container.ExecutorError, match="would hide the container's"):
            container.plan_mounts([bad])


def _frame(kind: int, data: bytes) -> bytes:
    return bytes([kind, 0, 0, 0]) + len(data).to_bytes(4, "big") + data


def test_split_frames() -> None:
    data = _frame(1, b"ab") + _frame(2, b"E") + _frame(1, b"c") + _frame(1, b"")
    assert container.split_frames(data) == (b"abc", b"E")
    with pytest.raises(container.ExecutorError, match="truncated"):
        container.split_frames(data + _frame(1, b"xyz")[:-1])


def test_parse_reply() -> None:
    header, out, err = container.parse_reply(b'{"ok": true, "out": 2, "err": 2}\nab\nc')
    assert header["ok"] and (out, err) == (b"ab", b"\nc")
    header, out, err = container.parse_reply(b'{"ok": true, "out": 3, "err": 1}\nab\nE')
    assert (out, err) == (b"ab\n", b"E")
    with pytest.raises(container.ExecutorError, match="no reply header"):
        container.parse_reply(b"Traceback (most recent call last):\n")
    with pytest.raises(container.ExecutorError, match="header says 5"):
        container.parse_reply(b'{"out": 5, "err": 0}\nab')


def test_step_usage() -> None:
    assert container.step_usage({"cpu": 1.5, "maxrss": 4096}) == (1.5, 4096)
    assert container.step_usage({"cpu": 0, "maxrss": 0}) == (0.0, 0)
    assert container.step_usage({"duration": 1.0}) == (None, None)  # an older refgo-step


def test_raise_step_error() -> None:
    with pytest.raises(FileNotFoundError, match="nope"):
        container.raise_step_error({"ok": False, "kind": "FileNotFoundError", "error": "nope"})
    with pytest.raises(container.ExecutorError, match="SystemExit: x"):
        container.raise_step_error({"ok": False, "kind": "SystemExit", "error": "x"})


def test_engine_unreachable_dead_socket(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/dead.sock")
    start = time.monotonic()
    with pytest.raises(container.EngineUnavailable) as info:
        container.connect()
    assert time.monotonic() - start < 5
    assert str(info.value).startswith(f"Docker engine not reachable at unix://{tmp_path}/")
    assert "\n" not in str(info.value)


def test_engine_unreachable_silent_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        monkeypatch.setenv("DOCKER_HOST", f"tcp://127.0.0.1:{listener.getsockname()[1]}")
        start = time.monotonic()
        with pytest.raises(container.EngineUnavailable, match="not reachable"):
            container.connect(timeout=1.0)
        assert time.monotonic() - start < 10


def test_workdir_starts_a_new_case() -> None:
    ex = DockerExecutor(client=None, container=None, name="t", root="/r")
    with pytest.raises(ValueError, match="invalid workdir key"):
        ex.workdir("../x")
    assert ex.workdir("k1") == "/refgo/work/k1"
    assert ex.workdir("k2") == "/refgo/work/k2"
    assert ex._pending == ["/refgo/work/k2"] and ex._new_case
    assert ex.build_cache() == container.CACHE_MOUNT
    assert ex.go_cache().startswith(container.WORK_ROOT + "/")


# ---- refgo-step (toolchain/step.c) on the host ----


@pytest.fixture(scope="module")
def step_bin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """refgo-step compiled for the host with the Dockerfile's flags."""
    out = tmp_path_factory.mktemp("step") / "refgo-step"
    cmd = ["gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-o", str(out), str(STEP_C), "-lm"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return out


def sandbox() -> list[str]:
    """A prefix running a command as PID 1's child in a fresh PID namespace, if allowed.

    Belt and braces: refgo-step only kills beyond a step's session when PID 1 is its own
    init, which on a host it never is; in a private namespace even a broken check could not
    reach the host's processes.
    """
    probe = ["unshare", "--fork", "--pid", "--mount-proc", "true"]
    try:
        ok = subprocess.run(probe, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        ok = False
    return probe[:-1] if ok else []


SANDBOX = sandbox()


def step(
    step_bin: Path, args: list[str], stdin: bytes = b""
) -> tuple[dict[str, Any], bytes, bytes]:
    """Runs refgo-step ARGS on the host (sandboxed) and parses its reply."""
    proc = subprocess.run(
        [*SANDBOX, str(step_bin), *args], input=stdin, capture_output=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    return container.parse_reply(proc.stdout)


def run_args(argv: list[str], cwd: Path, *flags: str, timeout: float = 10) -> list[str]:
    return [
        "run",
        "-C",
        str(cwd),
        "-t",
        str(timeout),
        "-E",
        "PATH=/usr/bin:/bin",
        *flags,
        "--",
        *argv,
    ]


def test_step_run_separate_and_merged(step_bin: Path, tmp_path: Path) -> None:
    script = "echo a; echo b >&2; echo c; exit 3"
    h, out, err = step(step_bin, run_args(["sh", "-c", script], tmp_path))
    assert (h["returncode"], out, err, h["timed_out"], h["oom_killed"]) == (
        3,
        b"a\nc\n",
        b"b\n",
        False,
        False,
    )
    h, out, err = step(step_bin, run_args(["sh", "-c", script], tmp_path, "-m"))
    assert (out, err) == (b"a\nb\nc\n", b"")


def test_step_run_reports_usage(step_bin: Path, tmp_path: Path) -> None:
    """cpu and maxrss are the step's, its waited-for children's included."""
    grow = [sys.executable, "-c", "b = b'x' * (100 << 20)"]
    h, _, _ = step(step_bin, run_args(["sh", "-c", f"{shlex.join(grow)}; true"], tmp_path))
    assert h["returncode"] == 0 and h["cpu"] > 0 and h["maxrss"] >= 100 << 20
    h, _, _ = step(step_bin, run_args(["sh", "-c", "while :; do :; done"], tmp_path, timeout=1))
    assert h["timed_out"] and h["cpu"] > 0 and 0 < h["maxrss"] < 100 << 20


def test_step_run_env_stdin_signal_missing(step_bin: Path, tmp_path: Path) -> None:
    argv = ["sh", "-c", "cat; echo $FOO; pwd; echo $X"]
    h, out, _ = step(step_bin, run_args(argv, tmp_path, "-i", "-E", "FOO=b=r"), b"in\n")
    assert out == f"in\nb=r\n{tmp_path}\n\n".encode()
    h, out, _ = step(step_bin, run_args(["sh", "-c", "cat | wc -c"], tmp_path), b"ignored")
    assert out.strip() == b"0"
    h, _, _ = step(step_bin, run_args(["sh", "-c", "kill -TERM $$"], tmp_path))
    assert h["returncode"] == -signal.SIGTERM
    h, out, err = step(step_bin, run_args(["no-such-cmd-xyz"], tmp_path))
    assert (h["returncode"], out, err) == (
        127,
        b"",
        b"cannot run no-such-cmd-xyz: No such file or directory\n",
    )
    h, out, _ = step(step_bin, run_args(["true"], tmp_path / "nodir", "-m"))
    assert (h["returncode"], out) == (127, b"cannot run true: No such file or directory\n")
    (tmp_path / "noexec").write_text("#!/bin/sh\n")
    h, out, _ = step(step_bin, run_args(["./noexec"], tmp_path, "-m"))
    assert (h["returncode"], out) == (127, b"cannot run ./noexec: Permission denied\n")


def _gone_or_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1][0] == "Z"
    except OSError:
        return True


def test_step_timeout_kills_the_session(step_bin: Path, tmp_path: Path) -> None:
    script = "sleep 300 & echo $! > bg.pid; echo started; exec sleep 300"
    start = time.monotonic()
    h, out, _ = step(step_bin, run_args(["sh", "-c", script], tmp_path, timeout=0.5))
    assert time.monotonic() - start < 10
    assert h["timed_out"] and h["returncode"] == -signal.SIGKILL and out == b"started\n"
    assert h["duration"] >= 0.5
    if not SANDBOX:  # else the namespace, and the pid, are gone
        assert _gone_or_zombie(int((tmp_path / "bg.pid").read_text()))


def test_step_kills_leftovers_after_exit(step_bin: Path, tmp_path: Path) -> None:
    script = "sleep 300 & echo $! > bg.pid; echo done"
    start = time.monotonic()
    h, out, _ = step(step_bin, run_args(["sh", "-c", script], tmp_path))
    assert (h["returncode"], h["timed_out"], out) == (0, False, b"done\n")
    assert time.monotonic() - start < 10
    if not SANDBOX:
        assert _gone_or_zombie(int((tmp_path / "bg.pid").read_text()))


def test_step_reset_outside_container_kills_nothing(step_bin: Path, tmp_path: Path) -> None:
    script = f"sleep 30 & {step_bin} reset; kill -0 $! && echo alive"
    proc = subprocess.run([*SANDBOX, "sh", "-c", script], capture_output=True, timeout=60)
    header, _, _ = container.parse_reply(proc.stdout.rsplit(b"alive", 1)[0])
    assert header["ok"] and proc.stdout.endswith(b"alive\n")


def test_step_files_and_errors(step_bin: Path, tmp_path: Path) -> None:
    wd = tmp_path / "w"
    h, _, _ = step(step_bin, ["write", "-p", str(wd), "--", str(wd / "f")], b"data")
    assert h["ok"] and (wd / "f").read_bytes() == b"data"
    h, out, _ = step(step_bin, ["read", "--", str(wd / "f")])
    assert out == b"data"
    h, _, _ = step(step_bin, ["read", "--", str(wd / "missing")])
    assert (h["ok"], h["kind"]) == (False, "FileNotFoundError")
    assert h["error"] == f"[Errno 2] No such file or directory: '{wd / 'missing'}'"
    h, _, _ = step(step_bin, ["read", "--", str(wd)])
    assert (h["ok"], h["kind"]) == (False, "IsADirectoryError")
    h, _, _ = step(step_bin, ["write", "-p", str(wd), "--", str(wd / "g")], b"x")
    assert sorted(os.listdir(wd)) == ["g"]
    h, _, _ = step(step_bin, ["read", "-n", "--", str(wd / "g")])  # -n: container only
    assert h["ok"] and sorted(os.listdir(wd)) == ["g"]
    h, _, _ = step(step_bin, ["write", "--", str(tmp_path / "no/such/dir")], b"x")
    assert (h["ok"], h["kind"]) == (False, "FileNotFoundError")
    bad = subprocess.run([str(step_bin), "run"], capture_output=True, timeout=10)
    assert bad.returncode == 2 and bad.stderr.startswith(b"usage: refgo-step")


# ---- with a Docker engine ----


@pytest.fixture(scope="module")
def engine() -> Iterator[tuple[Any, str]]:
    """(client, toolchain image tag) of a live engine; skips when none answers."""
    try:
        client = container.connect()
    except container.EngineUnavailable as e:
        pytest.skip(f"no Docker engine: {e}")
    if os.geteuid() != 0 and not image.image_present(client, image.current_tag()):
        pytest.skip("the toolchain image is not built and building it needs root")
    try:
        report = image.ensure_image(client, lambda line: None)
    except image.ImageError as e:
        pytest.fail(e.report())
    yield client, report.tag


@pytest.fixture
def make_executor(engine: tuple[Any, str]) -> Iterator[Any]:
    """Starts executors with the given limits; removes their containers afterwards."""
    client, tag = engine
    made: list[DockerExecutor] = []

    def make(limits: Limits = container.DEFAULT_LIMITS) -> DockerExecutor:
        name = f"refgo-test-{uuid.uuid4().hex[:10]}"
        labels = {
            container.LABEL: "1",
            container.LABEL_RUN: "test",
            container.LABEL_OWNER: container.owner_label(),
        }
        def start(cname: str) -> Any:
            return container.start_container(client, tag, cname, labels, [repo_root()], limits)

        ex = DockerExecutor(client, start(name), name, repo_root(), restart=start)
        made.append(ex)
        return ex

    yield make
    for ex in made:
        ex.close()


def _alive(client: Any, name: str) -> bool:
    return bool(client.containers.list(all=True, filters={"name": f"^{name}$"}))


def _processes(ex: DockerExecutor, wd: str) -> str:
    """The command lines of every process in ex's container, one per line."""
    r = ex.run(
        ["sh", "-c", "for p in /proc/[0-9]*; do tr '\\0' ' ' < $p/cmdline; echo; done"],
        cwd=wd,
        timeout=10,
    )
    return r.output.decode()


ENDLESS_C = b"int main(void) { volatile unsigned long n = 0; for (;;) n++; }\n"
HOG_C = textwrap.dedent(
    """\
    #include <stdlib.h>
    #include <string.h>
    int main(void) {
        for (;;) { char *p = malloc(1 << 20); if (!p) return 3; memset(p, 1, 1 << 20); }
    }
    """
).encode()


@pytest.mark.docker
def test_endless_loop_times_out(make_executor: Any) -> None:
    ex = make_executor()
    wd = ex.workdir("loop")
    ex.write_file(wd + "/loop.c", ENDLESS_C)
    assert ex.run(["gcc", "-O0", "-o", "loop", "loop.c"], cwd=wd, timeout=60).returncode == 0
    start = time.monotonic()
    r = ex.run(["sh", "-c", "./loop & setsid ./loop & ./loop"], cwd=wd, timeout=1.0)
    assert time.monotonic() - start < 6
    assert r.timed_out and r.returncode == -signal.SIGKILL and not r.oom_killed
    assert "./loop" not in _processes(ex, wd)


@pytest.mark.docker
def test_unbounded_allocation_hits_memory_limit(make_executor: Any) -> None:
    ex = make_executor(Limits(memory=96 << 20, cpus=1.0, pids=256))
    wd = ex.workdir("hog")
    ex.write_file(wd + "/hog.c", HOG_C)
    assert ex.run(["gcc", "-o", "hog", "hog.c"], cwd=wd, timeout=60).returncode == 0
    r = ex.run(["./hog"], cwd=wd, timeout=60)
    assert r.oom_killed and r.returncode == -signal.SIGKILL and not r.timed_out
    after = ex.run(["sh", "-c", "echo still here"], cwd=wd, timeout=10)
    assert after.output == b"still here\n" and not after.oom_killed


@pytest.mark.docker
def test_no_network_read_only_root_writable_workdir(make_executor: Any) -> None:
    ex = make_executor()
    wd = ex.workdir("net")
    r = ex.run(["ls", "/sys/class/net"], cwd=wd, timeout=10)
    assert r.output.split() == [b"lo"]
    probe = "import socket; socket.create_connection(('192.0.2.1', 80), timeout=3)"
    r = ex.run(["python3", "-c", probe], cwd=wd, timeout=20, merge_stderr=True)
    assert r.returncode == 1 and b"Network is unreachable" in r.output
    for path in ("/usr/x", "/etc/x", f"{repo_root()}/refgo-x"):
        r = ex.run(["touch", path], cwd=wd, timeout=10, merge_stderr=True)
        assert r.returncode == 1 and b"Read-only file system" in r.output, path
    r = ex.run(["sh", "-c", "echo hi > f && cat f && touch /tmp/t"], cwd=wd, timeout=10)
    assert (r.returncode, r.output) == (0, b"hi\n")


@pytest.mark.docker
def test_pids_limit(make_executor: Any) -> None:
    ex = make_executor(Limits(memory=256 << 20, cpus=1.0, pids=64))
    wd = ex.workdir("pids")
    r = ex.run(
        ["sh", "-c", "for i in $(seq 200); do sleep 2 & done; wait"],
        cwd=wd,
        timeout=20,
        merge_stderr=True,
    )
    assert b"cannot fork" in r.output.lower() and not r.timed_out
    assert "sleep" not in _processes(ex, wd)


@pytest.mark.docker
def test_files_and_workdirs(make_executor: Any) -> None:
    ex = make_executor()
    wd = ex.workdir("files")
    ex.write_file(wd + "/a.bin", bytes(range(256)) * 1000)
    assert ex.read_file(wd + "/a.bin") == bytes(range(256)) * 1000
    with pytest.raises(FileNotFoundError):
        ex.read_file(wd + "/missing")
    assert ex.workdir("files") == wd
    with pytest.raises(FileNotFoundError):
        ex.read_file(wd + "/a.bin")
    ex.write_file(wd + "/b", b"b")
    other = ex.workdir("other")
    with pytest.raises(FileNotFoundError):  # a new case's scratch holds nothing older
        ex.read_file(wd + "/b")
    assert ex.run(["ls", "-A", container.WORK_ROOT], cwd=other, timeout=10).output == b"other\n"
    wd = ex.workdir("files")
    r = ex.run(
        ["sh", "-c", "wc -c; echo $HOME; echo $PYTHONPATH"],
        cwd=wd,
        timeout=10,
        stdin=b"x" * 300_000,
    )
    assert r.output == f"300000\n{wd}\n{repo_root()}\n".encode()


@pytest.mark.docker
def test_step_outliving_its_deadline_is_killed(
    make_executor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ex = make_executor()
    wd = ex.workdir("grace")
    monkeypatch.setattr(container, "GRACE", -4.0)  # host gives up before step.py's timeout
    start = time.monotonic()
    r = ex.run(["sh", "-c", "sleep 300"], cwd=wd, timeout=5.0)
    assert r.timed_out and time.monotonic() - start < 5
    monkeypatch.setattr(container, "GRACE", 30.0)
    assert "sleep" not in _processes(ex, wd)


VERDICT_PROGRAMS: list[tuple[list[str], bytes | None, bool, float]] = [
    (["sh", "-c", "echo out; echo err >&2; echo out2; exit 3"], None, False, 10),
    (["sh", "-c", "echo out; echo err >&2; echo out2; exit 3"], None, True, 10),
    (["sh", "-c", "kill -TERM $$"], None, True, 10),
    (["sh", "-c", "cat; echo done"], b"some input\n", True, 10),
    (["sh", "-c", "echo $LANG; printf '%s' \"$FOO\"; pwd; echo $HOME"], None, True, 10),
    (["no-such-command-xyz"], None, True, 10),
    (["no-such-command-xyz"], None, False, 10),
    (["sh", "-c", "echo before; sleep 30"], None, True, 0.5),
    (
        ["sh", "-c", "printf 'int main(void){return 42;}' > m.c && gcc -static -o m m.c && ./m"],
        None,
        True,
        60,
    ),
    (
        ["python3", "-c", "import sys; print(sys.version_info >= (3, 11)); sys.exit(4)"],
        None,
        True,
        20,
    ),
    (["sh", "-c", "cat < /dev/stdin | wc -c"], None, True, 10),
]


@pytest.mark.docker
def test_identical_verdicts_local_and_docker(make_executor: Any) -> None:
    docker_ex = make_executor()
    local_ex = LocalExecutor()

    def verdict(ex: Any, i: int, prog: tuple[list[str], bytes | None, bool, float]) -> tuple:
        argv, stdin, merge, timeout = prog
        wd = ex.workdir(f"v{i}")
        r: StepResult = ex.run(
            argv, cwd=wd, timeout=timeout, env={"FOO": "bar"}, stdin=stdin, merge_stderr=merge
        )
        out, err = (b.replace(wd.encode(), b"$WD") for b in (r.output, r.stderr))
        return (r.returncode, out, err, r.timed_out, r.oom_killed)

    try:
        for i, prog in enumerate(VERDICT_PROGRAMS):
            assert verdict(docker_ex, i, prog) == verdict(local_ex, i, prog), prog[0]
    finally:
        local_ex.close()


@pytest.mark.docker
def test_open_executor_close_removes_container(
    engine: tuple[Any, str], request: pytest.FixtureRequest
) -> None:
    client, tag = engine
    ex = container.open_executor(request.config, f"test-{uuid.uuid4().hex[:6]}")
    try:
        assert _alive(client, ex.name)
        attrs = client.api.inspect_container(ex.name)
        host = attrs["HostConfig"]
        assert (host["NetworkMode"], host["ReadonlyRootfs"], host["Memory"]) == (
            "none",
            True,
            512 << 20,
        )
        assert host["MemorySwap"] == 512 << 20 and host["PidsLimit"] == 1024
        assert attrs["Config"]["Image"] == tag
        assert attrs["Config"]["Labels"][container.LABEL_OWNER] == container.owner_label()
        binds = {b.split(":")[0]: b.split(":")[2] for b in host["Binds"]}
        assert binds[repo_root()] == "ro"
    finally:
        ex.close()
    assert not _alive(client, ex.name)
    ex.close()
    with pytest.raises(container.ExecutorError, match="is closed"):
        ex.read_file("/etc/hostname")


@pytest.mark.docker
def test_stale_containers_removed_only_when_owner_gone(engine: tuple[Any, str]) -> None:
    client, tag = engine
    dead = subprocess.Popen(["true"])
    dead_owner = container.owner_label(dead.pid)
    dead.wait()
    names = {}
    for kind, owner in (("dead", dead_owner), ("live", container.owner_label())):
        names[kind] = f"refgo-test-stale-{kind}-{uuid.uuid4().hex[:6]}"
        container.start_container(
            client,
            tag,
            names[kind],
            {container.LABEL: "1", container.LABEL_OWNER: owner},
            [repo_root()],
            container.DEFAULT_LIMITS,
        )
    try:
        removed = container.remove_stale(client)
        assert names["dead"] in removed and names["live"] not in removed
        assert not _alive(client, names["dead"]) and _alive(client, names["live"])
    finally:
        for n in names.values():
            for c in client.containers.list(all=True, filters={"name": f"^{n}$"}):
                c.remove(force=True)


@pytest.mark.docker
def test_sweep_survives_a_container_removed_while_listing(
    engine: tuple[Any, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The engine lists ids first and the SDK inspects each one after: a container another
    # worker removes in between must not fail this worker's executor.
    client, _ = engine
    real = client.api.containers

    def listing(*args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        return [*real(*args, **kwargs), {"Id": "0" * 64}]

    monkeypatch.setattr(client.api, "containers", listing)
    assert container.remove_stale(client) == []
    assert container.remove_run(client, uuid.uuid4().hex[:12]) == []


HOLDER = textwrap.dedent(
    """\
    from pathlib import Path
    from harness import container

    def test_hold(request):
        ex = container.open_executor(request.config, "gw7")
        wd = ex.workdir("hold")
        Path("{mark}.part").write_text(ex.name)
        Path("{mark}.part").rename("{mark}")  # atomic: the test never reads half a name
        ex.run(["sleep", "120"], cwd=wd, timeout=300)
    """
)


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.docker
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_interrupted_session_leaves_no_container(
    engine: tuple[Any, str], tmp_path: Path, sig: signal.Signals
) -> None:
    client, _ = engine
    mark = tmp_path / "name"
    (tmp_path / "test_hold.py").write_text(HOLDER.format(mark=mark))
    log = tmp_path / "inner.log"
    argv = [sys.executable, "-m", "pytest", "-p", "harness.container", "-p", "no:cacheprovider"]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*argv, "-q", "test_hold.py"],
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=dict(os.environ, PYTHONPATH=repo_root()),
            preexec_fn=_default_sigint,  # xdist workers ignore SIGINT; children inherit that
        )
    try:
        deadline = time.monotonic() + 120
        while not mark.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert mark.exists(), log.read_text()
        name = mark.read_text()
        time.sleep(0.5)
        assert _alive(client, name), log.read_text()
        proc.send_signal(sig)
        proc.wait(timeout=60)
        if sig == signal.SIGKILL:  # a crash: the next session's start removes it
            assert _alive(client, name)
            assert name in container.remove_stale(client)
        deadline = time.monotonic() + 20
        while _alive(client, name) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _alive(client, name), log.read_text()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.docker
def test_concurrent_use_is_serialized(make_executor: Any) -> None:
    # One case at a time: a new workdir empties the previous case's, so the threads
    # share one case's workdir and only their steps race.
    ex = make_executor()
    wd = ex.workdir("c")
    results: list[bytes] = []

    def work(i: int) -> None:
        results.append(ex.run(["sh", "-c", f"sleep 0.2; echo {i}"], cwd=wd, timeout=20).output)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [b"0\n", b"1\n", b"2\n"]


def test_build_failure_fails_fast_with_step_and_output(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def broken_build(client: Any, log: Any, **kw: Any) -> image.BuildReport:
        calls.append(1)
        raise image.ImageError(
            "toolchain image build failed at Step 3/8 : RUN apt-get install",
            "E: Unable to locate package golang-1.19-go",
        )

    monkeypatch.setattr(container, "connect", lambda timeout=3.0: object())
    monkeypatch.setattr(container, "remove_stale", lambda client: [])
    monkeypatch.setattr(image, "ensure_image", broken_build)
    config: Any = type(
        "FakeConfig",
        (),
        {
            "stash": pytest.Stash(),
            "pluginmanager": type("PM", (), {"getplugin": staticmethod(lambda name: None)})(),
            "args": [],
        },
    )()
    for _ in range(2):
        with pytest.raises(pytest.fail.Exception) as info:
            container.open_executor(config, "gw0")
        assert "at Step 3/8 : RUN apt-get install" in str(info.value)
        assert "Unable to locate package golang-1.19-go" in str(info.value)
    assert calls == [1]


def test_main_tag_and_dead_engine(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert container.main(["tag"]) == 0
    assert capsys.readouterr().out == image.current_tag() + "\n"
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/dead.sock")
    assert container.main(["build"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("refgo: Docker engine not reachable at unix://") and err.count("\n") == 1
    with pytest.raises(SystemExit) as info:
        container.main(["frobnicate"])
    assert info.value.code == 2


def test_main_usage_names_the_subcommands() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "harness.container", "-h"],
        capture_output=True, text=True, timeout=60, check=False, cwd=repo_root(),
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("usage: python -m harness.container [-h] {build,tag,clean}")
    none = subprocess.run(
        [sys.executable, "-m", "harness.container"],
        capture_output=True, text=True, timeout=60, check=False, cwd=repo_root(),
    )
    assert none.returncode == 2 and "required" in none.stderr


@pytest.mark.docker
def test_a_worker_replaces_a_container_that_stopped(
    make_executor: Any, engine: tuple[Any, str]
) -> None:
    client, _ = engine
    ex = make_executor()
    wd = ex.workdir("a")
    assert ex.run(["true"], cwd=wd, timeout=10).returncode == 0
    first = ex.name
    killer = threading.Timer(2.0, lambda: client.containers.get(first).kill())
    killer.start()
    gone = f"toolchain container {first} is gone .*later steps run in a new container"
    with pytest.raises(container.ExecutorError, match=gone):
        ex.run(["sleep", "60"], cwd=wd, timeout=30)
    killer.join()
    second = ex.name
    assert second != first
    wd = ex.workdir("b")
    assert ex.run(["sh", "-c", "echo ok"], cwd=wd, timeout=10).output == b"ok\n"
    client.containers.get(second).stop(timeout=0)  # stopped between two steps
    with pytest.raises(container.ExecutorError, match=f"container {second} is gone"):
        ex.run(["true"], cwd=ex.workdir("c"), timeout=10)
    assert ex.run(["true"], cwd=ex.workdir("d"), timeout=10).returncode == 0


def test_path_map_translates_a_job_containers_paths() -> None:
    """In a GitHub Actions job container the checkout is /__w/... here and
    /home/runner/work/... on the engine's host: bind sources must be the host's."""
    class Me:
        attrs = {"Mounts": [
            {"Type": "bind", "Source": "/home/runner/work", "Destination": "/__w"},
            {"Type": "bind", "Source": "/home/runner/work/_temp", "Destination": "/__w/_temp"},
            {"Type": "bind", "Source": "/var/run/docker.sock",
             "Destination": "/var/run/docker.sock"},
        ]}

    class Containers:
        def __init__(self, found: bool) -> None:
            self.found = found

        def get(self, name: str) -> Me:
            if not self.found:
                raise LookupError(name)
            return Me()

    class Client:
        def __init__(self, found: bool) -> None:
            self.containers = Containers(found)

    pm = container.path_map(Client(True))
    assert pm.host("/__w/refgo/refgo") == "/home/runner/work/refgo/refgo"
    assert pm.host("/__w/_temp/x") == "/home/runner/work/_temp/x"
    with pytest.raises(container.EngineUnavailable, match="/root/.cache/refgo is inside"):
        pm.host("/root/.cache/refgo")
    assert container.path_map(Client(False)).host("/root/x") == "/root/x"


JOB_CASE = '// run\n\npackage main\n\nfunc main() { println("from the job") }\n'


@pytest.mark.docker
def test_harness_in_a_job_container_binds_the_hosts_paths(
    engine: tuple[Any, str], tmp_path: Path
) -> None:
    """A GitHub Actions job `container:`: the workspace is the host's work/ bound at /__w,
    the checkout /__w/refgo/refgo, the engine's socket mounted. The harness there runs
    cases of /__w/_temp in the toolchain container: every bind it asks the engine for must
    name the host's path, or the cases and the build cache would be empty directories;
    a failing case's workdir is kept where the host sees it, and its reproduce line
    binds it by its host path."""
    import sysconfig

    client, tag = engine
    if sys.version_info[:2] != (3, 11):
        pytest.skip("the toolchain image's python3 is 3.11; this venv's packages are not")
    work = tmp_path / "work"
    case = work / "_temp" / "case"
    case.mkdir(parents=True)
    (case / "job.go").write_text(JOB_CASE)
    (case / "job.out").write_text("from the job\n")
    (case / "bad.go").write_text(JOB_CASE)
    (case / "bad.out").write_text("not from the job\n")
    site = sysconfig.get_paths()["purelib"]
    outer = client.containers.run(
        tag,
        ["python3", "-m", "pytest", "-p", "no:cacheprovider", "-q", "--toolchain=docker",
         "--compiler=gc", "/__w/_temp/case/job.go", "/__w/_temp/case/bad.go"],
        detach=True,
        labels={container.LABEL_OWNER: container.owner_label()},
        environment={
            "PYTHONPATH": f"/__w/refgo/refgo:{site}",
            "PYTHONDONTWRITEBYTECODE": "1",
            "REFGO_CACHE": "/__w/_temp/cache",
            "RUNNER_TEMP": "/__w/_temp",
            "HOME": "/github/home",
        },
        volumes={
            str(work): {"bind": "/__w", "mode": "rw"},
            repo_root(): {"bind": "/__w/refgo/refgo", "mode": "ro"},
            site: {"bind": site, "mode": "ro"},
            "/var/run/docker.sock": {"bind": "/var/run/docker.sock", "mode": "rw"},
        },
        working_dir="/__w/refgo/refgo",
        user="0:0",
    )
    try:
        status = outer.wait(timeout=900)
        log = outer.logs().decode(errors="replace")
    finally:
        outer.remove(force=True)
    assert status["StatusCode"] == 1, log[-8000:]
    assert "1 failed, 1 passed" in log, log[-8000:]
    assert list((work / "_temp" / "cache").glob("build-*/*")), "the cache was not the host's"
    kept = list((work / "_temp").glob("refgo-failed-*/case-*"))
    assert len(kept) == 1 and (kept[0] / "a.exe").is_file(), log[-8000:]
    assert f"-v {kept[0]}:/refgo/work/{kept[0].name} " in log, log[-8000:]
    assert f"-v {case}:/__w/_temp/case:ro " in log, log[-8000:]


def test_extract_plain_without_data_filter(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Python 3.11.2 (bookworm's) has no tarfile.data_filter: the fallback extracts
    regular files and directories only, and nothing outside dest."""
    import io
    import tarfile

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:
        for name, data in (("case/a.go", b"package a\n"), ("../evil", b"x")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("case/etc")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc"
        tf.addfile(link)
    monkeypatch.delattr(tarfile, "data_filter", raising=False)
    dest = tmp_path / "dest"
    dest.mkdir()
    buf.seek(0)
    with tarfile.open(fileobj=buf) as tf:
        container._extract_plain(tf, str(dest))
    assert (dest / "case" / "a.go").read_bytes() == b"package a\n"
    assert not (tmp_path / "evil").exists() and not (dest / "case" / "etc").exists()


def test_docker_reproduce_line_keeps_the_containers_limits() -> None:
    """The `docker run` of a reproduce line has the case container's memory, process and
    CPU limits, so a step killed by one of them fails the same way when pasted."""

    class Image:
        tags = ["refgo-toolchain:abc"]
        id = "sha256:abc"

    class Case:
        image = Image()
        attrs = {
            "Mounts": [{"Type": "bind", "Source": "/src", "Destination": "/src"}],
            "HostConfig": {"Memory": 512 << 20, "PidsLimit": 1024, "NanoCpus": 1_500_000_000},
        }

    ex = DockerExecutor(None, Case(), "refgo-x", "/repo")
    step = Step(("go", "run", "x.go"), "/refgo/work/case-1", ())
    (line,) = ex.reproduce([step], None)
    want = (f"docker run --rm --network none --memory {512 << 20} --memory-swap {512 << 20}"
            " --pids-limit 1024 --cpus 1.5 -v /src:/src:ro refgo-toolchain:abc sh -c ")
    assert line.startswith(want), line
