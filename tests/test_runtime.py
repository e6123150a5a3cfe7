"""Unit tests of the runtime build cache (compiler/link.py) and runtime behaviour."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from compiler import link


def test_archive_cached_by_content_hash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFGO_CACHE", str(tmp_path / "cache"))
    a = link.runtime_archive()
    assert a.parent == tmp_path / "cache"
    assert a.name == f"runtime-{link.runtime_key()}.a"
    mtime = a.stat().st_mtime_ns
    assert link.runtime_archive() == a
    assert a.stat().st_mtime_ns == mtime
    assert not [p for p in a.parent.iterdir() if p.name.startswith(".build-")]


def test_concurrent_builds_publish_one_archive(tmp_path: Path) -> None:
    code = "from compiler import link; print(link.runtime_archive())"
    env = {"REFGO_CACHE": str(tmp_path / "c"), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env=env)
             for _ in range(3)]
    outs = {p.communicate(timeout=120)[0] for p in procs}
    assert all(p.returncode == 0 for p in procs)
    assert len(outs) == 1
    assert len(list((tmp_path / "c").glob("runtime-*.a"))) == 1


def test_concurrent_builds_build_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file lock makes concurrent compiles wait for one build instead of each building."""
    monkeypatch.setenv("REFGO_CACHE", str(tmp_path / "c"))
    builds: list[int] = []

    def slow_build(d: Path, out: Path, sources: dict[str, bytes]) -> None:
        builds.append(1)
        time.sleep(0.3)
        out.write_bytes(b"!<arch>\n")
        digest = hashlib.sha256(b"!<arch>\n").hexdigest()
        out.with_name(out.name + ".sha256").write_text(digest + "\n")  # published last

    monkeypatch.setattr(link, "_build_runtime", slow_build)
    threads = [threading.Thread(target=link.runtime_archive) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert builds == [1]


def test_archive_is_built_from_the_sources_it_is_keyed_by(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The archive is compiled from the snapshot its key hashes: a runtime directory
    that changes after the key was taken (a checkout moving mid-build) cannot put one
    version's code under another version's key."""
    monkeypatch.setenv("REFGO_CACHE", str(tmp_path / "c"))
    sources = link.runtime_sources()
    key = link.runtime_key(sources)
    moved = tmp_path / "moved"
    moved.mkdir()
    (moved / "runtime.c").write_text("int changed_underneath;\n")
    monkeypatch.setattr(link, "RUNTIME_DIR", moved)
    real = link.runtime_sources

    def snapshot_then_move() -> dict[str, bytes]:
        monkeypatch.setattr(link, "runtime_sources", real)
        return sources

    monkeypatch.setattr(link, "runtime_sources", snapshot_then_move)
    archive = link.runtime_archive()
    assert archive.name == f"runtime-{key}.a"
    members = subprocess.run(["ar", "t", str(archive)], capture_output=True, text=True,
                             check=True).stdout.split()
    assert "sched.o" in members and "chan.o" in members


def test_link_error_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.s"
    bad.write_text("\tthis is not an instruction\n")
    with pytest.raises(link.LinkError):
        link.link([str(bad)], str(tmp_path / "out"))


LEAF_FAULT = """package main

type T struct{ a, b int }

//go:noinline
func get(p *T) int { return p.b }

func main() {
	println(get(&T{1, 2}))
	println(get(nil))
}
"""


@pytest.mark.parametrize("flags", [[], ["-N"]], ids=["frameless-leaf", "framed"])
def test_fault_traceback_names_the_caller(tmp_path: Path, flags: list[str]) -> None:
    """A nil dereference in a leaf (frameless under regalloc, framed under -N) still
    prints its caller's frame, once."""
    src = tmp_path / "leaf.go"
    src.write_text(LEAF_FAULT)
    r = subprocess.run([sys.executable, "-m", "compiler", "run", *flags, str(src)],
                       capture_output=True, text=True, timeout=300, check=False)
    assert r.returncode == 2, r.stderr
    assert "invalid memory address or nil pointer dereference" in r.stderr
    tail = r.stderr.split("goroutine 1 [running]:\n", 1)[1]
    assert tail.count("main.main()") == 1, tail
    assert f"{src}:10" in tail
