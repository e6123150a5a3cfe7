"""Tests of refgo's garbage collector (compiler/runtime/malloc.c), end to end.

Each test compiles a Go program with refgo and runs it. The headline requirement:
a program that allocates 10 GB in total (10,000,000 × 1 KiB) while keeping a rotating
window of about 40 MB live must finish with a peak RSS under 200 MB — measured with
`/usr/bin/time -v` ("Maximum resident set size"), or wait4(2)'s rusage without it.
The gc cases (cases/gc/*.go) must also print their gc-verified output when run with
REFGO_GCDEBUG=1 (freed memory poisoned, collections from 256 KiB on).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
GC_CASES = sorted((REPO / "cases" / "gc").glob("*.go"))
TIME = "/usr/bin/time"
MB = 1 << 20

BIG = """package main

import "runtime"

const (
	iters  = 10000000
	window = 40000
)

func main() {
	ring := make([][]byte, window)
	bad := 0
	for i := 0; i < iters; i++ {
		b := make([]byte, 1024)
		b[0] = byte(i)
		b[1023] = byte(i >> 8)
		slot := i % window
		if old := ring[slot]; old != nil {
			j := i - window
			if old[0] != byte(j) || old[1023] != byte(j>>8) || old[500] != 0 {
				bad++
			}
		}
		ring[slot] = b
	}
	runtime.GC()
	live := runtime.HeapInUse()
	for i := iters - window; i < iters; i++ {
		if b := ring[i%window]; b[0] != byte(i) || b[1023] != byte(i>>8) || len(b) != 1024 {
			bad++
		}
	}
	println("bad", bad, "live", live>>20)
}
"""


def build(tmp: Path, name: str, src: str | Path) -> Path:
    """Compile a Go file (or source text) with refgo into tmp/name."""
    if isinstance(src, str):
        path = tmp / f"{name}.go"
        path.write_text(src)
        src = path
    exe = tmp / name
    p = subprocess.run([sys.executable, "-m", "compiler", "build", "-o", str(exe), str(src)],
                       capture_output=True, cwd=REPO, timeout=120, check=False)
    assert p.returncode == 0, p.stderr.decode()
    return exe


def run_measured(argv: list[str], env: dict[str, str] | None = None,
                 timeout: float = 600) -> tuple[int, str, int]:
    """Run argv; return its exit status, combined stdout+stderr and peak RSS in bytes."""
    full_env = {**os.environ, **(env or {})}
    if os.path.exists(TIME):
        p = subprocess.run([TIME, "-v", *argv], capture_output=True, env=full_env,
                           timeout=timeout, check=False)
        err = p.stderr.decode()
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
        assert m is not None, err
        prog_err = err[:err.rfind("\tCommand being timed:")]
        return p.returncode, p.stdout.decode() + prog_err, int(m.group(1)) * 1024
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=full_env)
    assert proc.stdout is not None
    out = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, out, usage.ru_maxrss * 1024


def test_10gb_allocated_peak_rss_under_200mb(tmp_path: Path) -> None:
    exe = build(tmp_path, "big", BIG)
    rc, out, rss = run_measured([str(exe)])
    assert rc == 0, out
    m = re.fullmatch(r"bad (\d+) live (\d+)\n", out)
    assert m is not None, out
    assert m.group(1) == "0"
    live_mb = int(m.group(2))
    assert 39 <= live_mb < 50, out
    assert rss < 200 * MB, f"peak RSS {rss / MB:.1f} MB"


@pytest.mark.parametrize("case", GC_CASES, ids=[c.stem for c in GC_CASES])
def test_gc_case_with_gcdebug(case: Path, tmp_path: Path) -> None:
    exe = build(tmp_path, case.stem, case)
    p = subprocess.run([str(exe)], capture_output=True, timeout=120, check=False,
                       env={**os.environ, "REFGO_GCDEBUG": "1"})
    want = case.with_suffix(".out").read_text()
    assert (p.stdout + p.stderr).decode() == want


# The chain is built and dropped in callees: a conservative stack scan may keep
# whatever a stale slot of a live frame (main's) points to, and one stale pointer to the
# head of a list keeps the whole list.
HEAP = """package main

import "runtime"

type node struct {
	next *node
	pad  [6]int
}

var global *node

func chain(n int) *node {
	var h *node
	for i := 0; i < n; i++ {
		h = &node{next: h}
	}
	return h
}

func length(p *node) int {
	n := 0
	for ; p != nil; p = p.next {
		n++
	}
	return n
}

func setup() { global = chain(200000) }

func drop() { global = nil }

func main() {
	runtime.GC()
	base := runtime.HeapInUse()
	setup()
	runtime.GC()
	held := runtime.HeapInUse() - base
	drop()
	runtime.GC()
	dropped := runtime.HeapInUse() - base
	big := make([][]int, 0, 1)
	for i := 0; i < 40; i++ {
		big = append(big[:0], make([]int, 1<<20))
		big[0][i] = i
	}
	runtime.GC()
	last := runtime.HeapInUse() - base
	println(held, dropped, last, length(chain(3)), big[0][39])
}
"""


def test_heap_in_use_follows_live_data(tmp_path: Path) -> None:
    exe = build(tmp_path, "heap", HEAP)
    rc, out, rss = run_measured([str(exe)])
    assert rc == 0, out
    held, dropped, last, n, v = (int(x) for x in out.split())
    assert held >= 200000 * 56
    assert dropped < held // 100
    assert 8 * MB <= last < 9 * MB
    assert (n, v) == (3, 39)
    assert rss < 64 * MB, f"40 dead 8 MiB slices kept {rss / MB:.1f} MB resident"


def test_gogc_off_never_collects(tmp_path: Path) -> None:
    src = HEAP.replace("runtime.GC()\n", "")
    exe = build(tmp_path, "heapoff", src)
    rc, out, _ = run_measured([str(exe)], env={"GOGC": "off"})
    assert rc == 0, out
    held, dropped, last, _, _ = (int(x) for x in out.split())
    assert dropped == held
    assert last >= 40 * 8 * MB


UAF = """package main

import (
	"runtime"
	"unsafe"
)

const mask = 0x5a5a5a5a5a5a

type box struct{ v, w int }

var sink *box

func hide() uintptr {
	p := &box{v: 42, w: 43}
	sink = p
	sink = nil
	return uintptr(unsafe.Pointer(p)) ^ mask
}

func main() {
	h := hide()
	runtime.GC()
	q := (*box)(unsafe.Pointer(h ^ mask))
	println(q.v, q.w)
}
"""


def test_gcdebug_poisons_what_it_frees(tmp_path: Path) -> None:
    exe = build(tmp_path, "uaf", UAF)
    p = subprocess.run([str(exe)], capture_output=True, timeout=30, check=False,
                       env={**os.environ, "REFGO_GCDEBUG": "1"})
    assert p.returncode == 0, p.stderr
    poison = str(int.from_bytes(b"\xde" * 8, "little", signed=True))
    assert p.stderr.decode() == f"{poison} {poison}\n"
