"""Mutant fuzzing: refgo's checker must reject what gc rejects, with the same first error.

Runs only when selected by marker: `pytest -m fuzz` (in the default suite the
comparison is one skipped item; the mutator's own unit tests always run). Knobs, read
from the environment so every xdist worker collects the same mutants:

    REFGO_FUZZ_MUTANTS=500    number of mutants (indexes 0 .. N-1)
    REFGO_FUZZ_SEED=0         the series' first seed (as for the program fuzzer)
    REFGO_FUZZ_AGREE=message  what must agree: accept (reject or not), line (and the
                              first error's line), message (and its text)

A disagreement saves the mutant as out/mutants/mutant-<seed>.go and fails naming it.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from harness.fuzz import mutate
from harness.fuzz.run import find_go


def _selected(config: pytest.Config) -> bool:
    expr = str(config.option.markexpr or "")
    return "fuzz" in expr and "not fuzz" not in expr


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrizes by mutant index under -m fuzz; otherwise yields one skipped item."""
    if "index" not in metafunc.fixturenames:
        return
    if not _selected(metafunc.config):
        off = pytest.param(0, marks=pytest.mark.skip(reason="mutant fuzzing: use -m fuzz"))
        metafunc.parametrize("index", [off], ids=["off"])
        return
    metafunc.parametrize("index", range(int(os.environ.get("REFGO_FUZZ_MUTANTS", "500"))))


@pytest.mark.fuzz
def test_checker_agrees_with_gc(index: int, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if find_go() is None:
        pytest.skip("Go (gc) is not installed")
    base = int(os.environ.get("REFGO_FUZZ_SEED", "0"))
    a = mutate.compare_checkers(mutate.mutant(index, base), tmp_path)
    level = os.environ.get("REFGO_FUZZ_AGREE", "message")
    if {"accept": a.accept_same, "line": a.line_same}.get(level, a.same):
        return
    out = request.config.rootpath / "out" / "mutants"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"mutant-{base + index}.go"
    path.write_text(a.mutant.src, encoding="utf-8")
    pytest.fail(f"{a.describe()}\n  saved: {path}", pytrace=False)


def test_tokenize_keeps_lines_and_literals() -> None:
    toks = mutate.tokenize('package p\n\nvar s = "a//b" + `x\ny` // c\nvar r = \'}\'\n')
    texts = [t.text for t in toks if t.kind not in ("nl",)]
    assert texts == ["package", "p", "var", "s", "=", '"a//b"', "+", "`x\ny`", "// c",
                     "var", "r", "=", "'}'"]
    assert [t.line for t in toks if t.text == "r"] == [5]


SRC = """// run

package main

type T int

func f(x int) int {
	y := x + 1
	return y
}

func main() {
	var t T = 3
	println(f(int(t)))
}
"""


@pytest.mark.parametrize("kind", mutate.KINDS)
def test_each_mutation_changes_one_place(kind: str) -> None:
    got = mutate.MUTATIONS[kind](SRC, random.Random(1))
    assert got is not None
    src, line = got
    assert src != SRC
    old, new = SRC.split("\n"), src.split("\n")
    assert 1 <= line <= len(new)
    if kind == "duplicate_decl":
        assert len(new) > len(old)
    elif kind == "drop_return":
        assert "return" in old[line - 1] and new[line - 1] == ""
    else:
        assert len(new) == len(old) and old[line - 1] != new[line - 1]
        assert [a == b for a, b in zip(old, new, strict=True)].count(False) == 1


def test_mutants_are_deterministic() -> None:
    a, b = mutate.mutant(5, 100), mutate.mutant(5, 100)
    assert a == b and a.kind in mutate.KINDS
    assert mutate.mutant(6, 100).src != a.src


def test_first_error_reads_gc_and_refgo_lines() -> None:
    out = "mutant.go:12:7: undefined: x\nmutant.go:13:1: too many errors\n"
    assert mutate.first_error(out) == (12, "undefined: x")
    assert mutate.first_error("./mutant.go:3: syntax error\n") == (3, "syntax error")
