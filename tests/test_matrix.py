"""The conformance matrix: summaries of several compilers merged into one table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness import matrix


def _summary(compiler: str, outcomes: dict[str, tuple[str, str]]) -> dict[str, object]:
    cases = [{"case": c, "directive": d, "outcome": o} for c, (d, o) in outcomes.items()]
    return {"compiler": compiler, "cases": cases}


GC = _summary("gc", {
    "a.go": ("run", "pass"),
    "shift1.go": ("errorcheck", "xfail"),
    "fixedbugs/b.go": ("run", "pass"),
    "fixedbugs/c.go": ("rundir", "skip"),
})
REFGO = _summary("refgo", {
    "a.go": ("run", "xpass"),
    "shift1.go": ("errorcheck", "fail"),
    "fixedbugs/b.go": ("run", "error"),
    "fixedbugs/c.go": ("rundir", "skip"),
})


def _write(tmp: Path, name: str, data: object) -> str:
    p = tmp / name
    p.write_text(json.dumps(data))
    return str(p)


def test_rows_fold_outcomes_per_compiler() -> None:
    m = matrix.from_summaries([GC, REFGO])
    rows = dict(m.rows("directive"))
    assert rows["run"]["gc"] == {"pass": 2, "fail": 0, "known": 0, "skip": 0}
    assert rows["run"]["refgo"] == {"pass": 1, "fail": 1, "known": 0, "skip": 0}
    assert rows["errorcheck"]["gc"]["known"] == 1
    assert rows["total"]["refgo"] == {"pass": 1, "fail": 2, "known": 0, "skip": 1}
    dirs = dict(m.rows("directory"))
    assert set(dirs) == {".", "fixedbugs", "total"}
    assert dirs["fixedbugs"]["gc"] == {"pass": 1, "fail": 0, "known": 0, "skip": 1}


def test_text_md_and_json_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    step = tmp_path / "step.md"
    step.write_text("earlier\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(step))
    srcs = [_write(tmp_path, "gc.json", GC), _write(tmp_path, "refgo.json", REFGO)]
    assert matrix.main(["--from", *srcs]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[0].split() == ["directive", "|", "gc", "pass", "fail", "known", "skip", "|",
                               "refgo", "pass", "fail", "known", "skip"]
    assert text[4].split() == ["total", "|", "2", "0", "1", "1", "|", "1", "2", "0", "1"]
    out = tmp_path / "m.json"
    assert matrix.main(["--from", *srcs, "--format", "json", "--output", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["compilers"] == ["gc", "refgo"]
    assert data["cases"]["shift1.go"] == {"directive": "errorcheck", "gc": "known",
                                          "refgo": "fail"}
    md = step.read_text()
    assert md.startswith("earlier\n# Conformance matrix")
    assert "| **total** | 2 / 0 / 1 / 1 | 1 / 2 / 0 / 1 |" in md
    assert "- **refgo**: 1 of 4 pass, 2 fail, 0 known failures, 1 skipped" in md


def test_shards_of_one_compiler_merge() -> None:
    cases = GC["cases"]
    assert isinstance(cases, list)
    one = {"compiler": "gc", "cases": cases[:2]}
    two = {"compiler": "gc", "cases": cases[2:]}
    merged = matrix.from_summaries([one, two, REFGO])
    assert merged.rows("directive") == matrix.from_summaries([GC, REFGO]).rows("directive")


def test_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gc = _write(tmp_path, "gc.json", GC)
    assert matrix.main(["--from", gc, gc]) == 2
    assert capsys.readouterr().err == "matrix: a.go is reported twice for compiler gc\n"
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    assert matrix.main(["--from", str(broken)]) == 2
    assert capsys.readouterr().err.startswith(f"matrix: {broken}: Expecting")
    assert matrix.main(["--compilers", "gc,gc"]) == 2
