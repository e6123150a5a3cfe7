"""The goroutine, channel and timer runtime (compiler/runtime/sched.c, chan.c) tested
directly from C: tests/runtime/chantest.c is built against the runtime archive and run
once per scenario ($CHANTEST), standing in for compiled Go until the compiler lowers
`go` and channel operations itself.

Example: CHANTEST=deadlock ./chantest must print gc's deadlock report and exit 2.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from compiler import link

SRC = Path(__file__).parent / "runtime" / "chantest.c"


@pytest.fixture(scope="module")
def exe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("chantest") / "chantest"
    subprocess.run(["gcc", "-O1", "-fno-omit-frame-pointer", "-static", "-no-pie", "-o",
                    str(out), str(SRC), str(link.runtime_archive())], check=True)
    return out


def run(exe: Path, name: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CHANTEST=name)
    return subprocess.run([str(exe)], capture_output=True, text=True, env=env,
                          timeout=timeout, check=False)


def ok(exe: Path, name: str) -> str:
    r = run(exe, name)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def test_unbuffered_ping_pong(exe: Path) -> None:
    assert ok(exe, "pingpong") == "pingpong 100000\n"


def test_buffered_channel_and_close(exe: Path) -> None:
    assert ok(exe, "buffered") == ("buffered n=1000 sum=500500 closed v=0 ok=0\n"
                                   "len=2 cap=3\n")


def test_select_chooses_ready_cases_uniformly(exe: Path) -> None:
    assert ok(exe, "selectfair") == "".join(f"case{i} ok\n" for i in range(4))


def test_select_default_nil_and_closed_cases(exe: Path) -> None:
    assert ok(exe, "selectmisc") == (
        "nbsend-unbuffered=0\nnbrecv-empty=0\nnbsend-nil=0\ndefault=-1\n"
        "blocked-select case=2 ok=1 got=42\nclosed-select case=0 ok=0 got=0\n")


@pytest.mark.parametrize(("name", "msg"), [
    ("sendclosed", "panic: send on closed channel\n"),
    ("closeclosed", "panic: close of closed channel\n"),
    ("closenil", "panic: close of nil channel\n"),
    ("makeneg", "panic: makechan: size out of range\n"),
    ("closewhilesending", "panic: send on closed channel\n"),
])
def test_channel_panics(exe: Path, name: str, msg: str) -> None:
    r = run(exe, name)
    assert r.returncode == 2
    assert r.stderr.startswith(msg + "\ngoroutine "), r.stderr


@pytest.mark.parametrize(("name", "state"), [
    ("deadlock", "chan receive"), ("nilrecv", "chan receive (nil chan)"),
    ("selectnone", "select (no cases)"),
])
def test_deadlock_is_reported_like_gc(exe: Path, name: str, state: str) -> None:
    r = run(exe, name)
    assert r.returncode == 2
    assert r.stderr == ("fatal error: all goroutines are asleep - deadlock!\n\n"
                        f"goroutine 1 [{state}]:\n")


def test_main_goexit_with_no_goroutines_left(exe: Path) -> None:
    r = run(exe, "mainexit")
    assert r.returncode == 2
    assert r.stderr.startswith(
        "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n")


def test_goexit_runs_deferred_calls_and_ends_the_goroutine(exe: Path) -> None:
    assert ok(exe, "goexit") == "deferred ran\ngoroutines=1\n"


def test_hundred_thousand_blocked_goroutines(exe: Path) -> None:
    lines = dict(ln.split("=") for ln in ok(exe, "many").split())
    assert lines["goroutines"] == "100001"
    assert int(lines["rss_kb"]) < 1 << 20
    assert lines["sum"] == str(sum(range(100000)))
    assert lines["after"] == "1"


def test_million_sequential_goroutines_stay_flat(exe: Path) -> None:
    lines = dict(ln.split("=") for ln in ok(exe, "sequential").split())
    assert int(lines["growth_kb"]) < 4096
    assert lines["goroutines"] == "1"


def test_sleepers_wake_in_deadline_order_without_spinning(exe: Path) -> None:
    out = ok(exe, "sleep").splitlines()
    assert out[:2] == ["woke_in_deadline_order=1", "elapsed_ok=1"], out
    assert int(out[2].split("=")[1]) < 50
    # The thread and the preemption monitor sleep: a few wakeups, not one per 2 ms.
    assert int(out[3].split("=")[1]) < 20, out[3]


def test_time_package_timers_fire_stop_and_reset(exe: Path) -> None:
    assert ok(exe, "timers") == ("stop-pending=1\nreset-pending=1\nstop-periodic=1\n"
                                 "stop-fired=0\nonce=1 stopped=0 reset=7 periodic_ok=1\n")


def test_spinning_goroutine_is_preempted(exe: Path) -> None:
    assert ok(exe, "spin") == "main ran again\n"


def test_gc_keeps_blocked_senders_values_and_buffers(exe: Path) -> None:
    assert ok(exe, "gc") == "blocked sender's value 1234\nbuffer sum 406\n"


ROOT = Path(__file__).resolve().parent.parent
STRESSED = ["concurrency/mutex", "concurrency/pipeline", "stdlib/fmtmix", "defer/recover",
            "defer/runtimeerrors", "defer/recovergrow", "gc/closures", "gc/panics",
            "iface/convert"]


@pytest.mark.parametrize("case", STRESSED)
def test_cases_survive_a_stack_move_at_every_call(case: str, tmp_path: Path) -> None:
    """REFGO_STACKDEBUG=1 moves the stack at the first call after each allocation: the
    output must not change (pointers into the stack are all adjusted)."""
    src = ROOT / "cases" / f"{case}.go"
    exe = tmp_path / "a.out"
    subprocess.run([sys.executable, "-m", "compiler", "build", "-o", str(exe), str(src)],
                   check=True, cwd=ROOT)
    env = dict(os.environ, REFGO_STACKDEBUG="1", HOME=str(tmp_path))
    r = subprocess.run([str(exe)], capture_output=True, env=env, cwd=src.parent,
                       timeout=120, check=False)
    assert r.returncode == 0, r.stderr
    assert r.stdout + r.stderr == src.with_suffix(".out").read_bytes()
