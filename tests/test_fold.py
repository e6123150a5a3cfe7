"""fold: jumps threaded past the `if`s their predecessors decide, and programs that run
the same with and without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from compiler import driver
from compiler.diag import Diagnostics

SRC = """package main

import "errors"

var errNeg = errors.New("negative")

//go:noinline
func get(i int) int { return i }

func parse(i int) (int, error) {
	if i < 0 {
		return 0, errNeg
	}
	return i * 2, nil
}

func check(n int) string {
	x := 0
	p := &x
	if n > 0 {
		x = 0
		*p = 1
	} else {
		x = 2
	}
	if x == 0 {
		return "zero"
	}
	return "nonzero"
}

func main() {
	s := 0
	for i := 0; i < 10; i++ {
		v, err := parse(get(i))
		if err != nil {
			panic(err)
		}
		s += v
	}
	_, err := parse(get(-1))
	println(s, err != nil, check(1), check(-1))
}
"""


def _dump(tmp: Path, phase: str) -> str:
    src = tmp / "x.go"
    src.write_text(SRC)
    return driver.compile_files(driver.Config(files=(str(src),), dump=phase),
                                Diagnostics()).dumps


def _blocks(dump: str, fn: str) -> list[list[str]]:
    body = dump.split(f"func {fn} ", 1)[1].split("\nfunc ", 1)[0]
    out: list[list[str]] = []
    for ln in body.splitlines():
        if ln.startswith("b") and ln.endswith(":"):
            out.append([])
        elif out:
            out[-1].append(ln.strip())
    return out


def test_a_nil_error_return_skips_the_callers_err_check(tmp_path: Path) -> None:
    before = _blocks(_dump(tmp_path, "inline"), "main.main")
    after = _blocks(_dump(tmp_path, "fold"), "main.main")
    # parse's `return i * 2, nil`, inlined twice, jumps on to main's uses of err
    rets = [b for b in before if any(" mul " in i for i in b)]
    assert len(rets) == 2
    assert all(b[-1].split()[-2] == "jump" and not any(" ne " in i for i in b)
               for b in rets)
    # after fold the loop's takes over the compare and jumps past the `if`; the second
    # one's join block prints (calls): never copied
    loop, last = [b for b in after if any(" mul " in i for i in b)]
    assert any(" ne " in i for i in loop) and loop[-1].split()[-2] == "jump"
    assert not any("gopanic" in i for i in after[int(loop[-1].split()[-1][1:])])
    assert last == rets[1]
    # the `if` itself stays for the errNeg return, whose error fold cannot know
    assert any(b[-1].split()[1] == "if" and any(" ne " in i for i in b) for b in after)


def test_address_taken_slots_are_never_assumed(tmp_path: Path) -> None:
    # check's `x = 0; *p = 1` must not fold `x == 0`: the store changed x
    check = _blocks(_dump(tmp_path, "fold"), "main.check")
    assert check == _blocks(_dump(tmp_path, "inline"), "main.check")
    assert check[2][-1].split()[-2:] == ["jump", "b4"] and check[4][-1].split()[1] == "if"


def test_folded_program_prints_what_it_did_before(tmp_path: Path) -> None:
    src = tmp_path / "x.go"
    src.write_text(SRC)
    outs = []
    for flags in ([], ["-N"], ["-l"]):
        r = subprocess.run([sys.executable, "-m", "compiler", "run", *flags, str(src)],
                           capture_output=True, text=True, timeout=300, check=False)
        assert r.returncode == 0, r.stderr
        outs.append(r.stderr)
    assert outs[0] == outs[1] == outs[2] == "90 true nonzero nonzero\n"
