"""Concurrent programs that die: gc's message and exit status 2, under refgo and gc.

A `run` case must exit 0, so these live here: each program below is built by refgo
and (when Go is installed) by gc 1.19, run, and must exit with status 2 and print the
same head on stderr, with goroutine numbers and addresses masked:

    fatal error: all goroutines are asleep - deadlock!
    <blank>
    goroutine N [chan send]:

(gc's goroutine numbers count its own system goroutines, and the frames after the
header differ: gc prints arguments and `created by`, refgo `(...)` and the go
statement's wrapper.) The message line itself is also checked against the text gc
1.19 prints, so a refgo run without Go still tests something.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ("pytester",)

GO = "/usr/lib/go-1.19/bin/go" if os.path.exists("/usr/lib/go-1.19/bin/go") else shutil.which("go")
TIMEOUT = 120
HEAD = 3  # the message, a blank line, the first goroutine header

PROGRAMS = {
    "deadlock": ("""package main

import "fmt"

func main() {
	c := make(chan int)
	fmt.Println("before")
	c <- 1
}
""", "fatal error: all goroutines are asleep - deadlock!"),
    "deadlock-waitgroup": ("""package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	c := make(chan int)
	go func() { <-c }()
	wg.Wait()
}
""", "fatal error: all goroutines are asleep - deadlock!"),
    "select-nothing": ("""package main

func main() {
	go func() {}()
	select {}
}
""", "fatal error: all goroutines are asleep - deadlock!"),
    "panic-in-goroutine": ("""package main

import (
	"fmt"
	"time"
)

type E struct{ code int }

func (e E) Error() string { return fmt.Sprint("code ", e.code) }

func main() {
	go func() {
		panic(E{7})
	}()
	time.Sleep(10 * time.Second)
	fmt.Println("not reached")
}
""", "panic: code 7"),
    "goroutine-stack-overflow": ("""package main

func f(n int) int {
	var pad [16]int
	pad[n%16] = n
	return f(n+1) + pad[3]
}

func main() {
	done := make(chan int)
	go func() { done <- f(0) }()
	<-done
}
""", "runtime: goroutine stack exceeds 1000000000-byte limit"),
    "close-closed-channel": ("""package main

func main() {
	c := make(chan int, 1)
	done := make(chan bool)
	go func() {
		close(c)
		close(c)
		done <- true
	}()
	<-done
}
""", "panic: close of closed channel"),
}

_MASKS = [
    (re.compile(r"^goroutine \d+ "), "goroutine N "),
    (re.compile(r"0x[0-9a-f]+"), "0xX"),
]


def head(stderr: str) -> list[str]:
    """The first HEAD lines of stderr with goroutine numbers and addresses masked."""
    lines = stderr.splitlines()[:HEAD]
    for pat, rep in _MASKS:
        lines = [pat.sub(rep, ln) for ln in lines]
    return lines


def build_and_run(argv: list[str], src: Path, tmp: Path,
                  env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    exe = tmp / (argv[0].rsplit("/", 1)[-1] + ".exe")
    subprocess.run([*argv, "-o", str(exe), str(src)], check=True, cwd=tmp, env=env,
                   capture_output=True, timeout=TIMEOUT)
    return subprocess.run([str(exe)], capture_output=True, text=True, timeout=TIMEOUT,
                          check=False)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_dies_like_gc(name: str, tmp_path: Path) -> None:
    src_text, message = PROGRAMS[name]
    src = tmp_path / "prog.go"
    src.write_text(src_text)
    env = dict(os.environ)
    got = build_and_run([sys.executable, "-m", "compiler", "build"], src, tmp_path,
                        dict(env, PYTHONPATH=str(Path(__file__).resolve().parent.parent)))
    assert got.returncode == 2, got.stderr
    assert message in got.stderr.splitlines()[:2], got.stderr
    if GO is None:
        pytest.skip("no Go toolchain: refgo's side checked only")
    want = build_and_run([GO, "build"], src, tmp_path,
                         dict(env, GO111MODULE="off", GOFLAGS="", CGO_ENABLED="0"))
    assert want.returncode == 2, want.stderr
    assert head(got.stderr) == head(want.stderr), got.stderr + "\n---\n" + want.stderr
    assert got.stdout == want.stdout


BLOCKED_WHILE_OTHERS_SLEEP = """// run -t 3

package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		for {
			time.Sleep(10 * time.Millisecond)
		}
	}()
	c := make(chan int)
	fmt.Println("waiting")
	<-c
}
"""


def test_blocked_while_others_sleep_is_a_timeout(pytester: pytest.Pytester) -> None:
    """No deadlock is reported while a goroutine sleeps (gc waits too): the harness
    ends the program at the case's limit and says which limit it hit."""
    pytester.makefile(".go", blocked=BLOCKED_WHILE_OTHERS_SLEEP)
    result = pytester.runpytest_subprocess("--toolchain=local", "-p", "no:cacheprovider",
                                           "blocked.go")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*timed out after 3s running */a.exe*"])
    assert "Traceback" not in result.stdout.str()
