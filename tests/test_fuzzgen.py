"""Fast tests of the fuzz generator, minimizer and CLI (gc checks skip without Go)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from harness.fuzz import FEATURES, generate
from harness.fuzz.__main__ import main
from harness.fuzz.minimize import minimize, repair_unused, spans
from harness.fuzz.run import find_go, run_binary, run_gc

needs_go = pytest.mark.skipif(find_go() is None, reason="Go (gc) is not installed")


@pytest.mark.parametrize("subset", ["starter", "full"])
def test_deterministic(subset: str) -> None:
    progs = [generate(s, subset) for s in range(5)]
    assert progs == [generate(s, subset) for s in range(5)]
    assert len(set(progs)) == 5


def test_starter_stays_in_starter_subset() -> None:
    for s in range(30):
        code = re.sub(r'"[^"]*"', '""', generate(s, "starter"))
        for word in ("type ", "interface", "struct", "switch", "defer", "func(", ".(", "new("):
            assert word not in code, (s, word)
        assert re.search(r"\b(u?int\d+|uint)\b", code) is None


def test_full_is_biased_to_interfaces() -> None:
    text = "".join(generate(s) for s in range(20))
    for needle in (".(type)", "interface{}(", "interface { I", "func (r *", "func(a int) int"):
        assert needle in text, needle


def test_without_features() -> None:
    for s in range(20):
        src = generate(s, "full", {"defer", "closure", "typeswitch"})
        assert "defer" not in src and "func(a int)" not in src and ".(type)" not in src


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="unknown subset"):
        generate(1, "tiny")
    with pytest.raises(ValueError, match="unknown feature goto"):
        generate(1, "full", {"goto"})
    assert "defer" in FEATURES


@needs_go
@pytest.mark.parametrize(
    ("subset", "seed"), [("starter", s) for s in range(8)] + [("full", s) for s in range(12)]
)
def test_gc_accepts_and_runs(subset: str, seed: int, tmp_path: Path) -> None:
    src = tmp_path / "prog.go"
    src.write_text(generate(seed, subset))
    first = run_gc(src, tmp_path)
    assert first.status == "ok", first.output
    assert first.exit == 0, first.output
    assert len(first.output) < 64 * 1024, "output is not bounded"
    again = run_binary(tmp_path / "gc.exe")
    assert again == first


PROG = """package main

func main() {
\tx := 1
\tif x > 0 {
\t\tprintln(1)
\t} else {
\t\tprintln(2)
\t}
\tprintln(42)
\tfor i := 0; i < 2; i++ {
\t\tprintln(i)
\t}
}
"""


def test_spans() -> None:
    lines = PROG.split("\n")
    assert spans(lines, 4) == [(4, 9), (4, 6), (4, 5)]  # the whole if/else chain first
    assert spans(lines, 6) == [(6, 8), (6, 7)]  # `} else {` with its body
    assert spans(lines, 9) == [(9, 10)]
    assert spans(lines, 0) == []


def test_minimize_keeps_predicate_and_shrinks() -> None:
    calls: list[str] = []

    def check(p: str) -> str | None:
        calls.append(p)
        return p if "println(42)" in p and p.count("{") == p.count("}") else None

    small = minimize(PROG, check)
    assert check(small) == small
    assert small.split("\n") == ["package main", "", "func main() {", "\tprintln(42)", "}", ""]
    assert len(calls) < 60


def test_cli_print(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--seed", "4", "--count", "2", "--subset", "starter", "--print"]) == 0
    assert capsys.readouterr().out == generate(4, "starter") + generate(5, "starter")


def test_cli_usage_errors() -> None:
    with pytest.raises(SystemExit) as e:
        main(["--count", "0"])
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        main(["--without", "goto"])
    assert e.value.code == 2


def test_repair_unused() -> None:
    src = "package main\n\nfunc main() {\n\tx := 1\n\tif y := 2; true {\n\t}\n}\n"
    errs = "prog.go:4:2: x declared but not used\nprog.go:5:5: y declared but not used\n"
    fixed = repair_unused(src, errs)
    assert fixed is not None
    assert "\tx := 1\n\t_ = x\n\tif y := 2; true {\n\t\t_ = y\n\t}" in fixed
    assert repair_unused(src, "prog.go:4:2: undefined: z\n") is None
