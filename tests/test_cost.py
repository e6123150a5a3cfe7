"""Tests of harness.cost: a case's compile cost, the run's summary and its renderings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness import cost
from harness.cost import CaseCost, Cost, charge

MIB = 1 << 20


def test_charge_sums_cpu_and_keeps_the_largest_step() -> None:
    c: Cost | None = Cost()
    for cpu, rss in ((1.2, 90 * MIB), (2.0, 120 * MIB), (0.4, 60 * MIB)):
        c = charge(c, cpu, rss)
    assert c is not None
    assert (round(c.cpu, 6), c.maxrss, c.steps) == (3.6, 120 * MIB, 3)


def test_an_unmeasured_step_leaves_the_case_unmeasured() -> None:
    assert charge(Cost(), None, None) is None
    assert charge(Cost(), 1.0, None) is None
    assert charge(None, 1.0, 5) is None


def test_cost_round_trips_through_json() -> None:
    c = Cost(3.14159, 123456789, 2)
    d = json.loads(json.dumps(c.as_dict()))
    assert d == {"cpu": 3.142, "maxrss": 123456789, "steps": 2}
    assert Cost.from_dict(d) == Cost(3.142, 123456789, 2)
    assert Cost.from_dict({"cpu": "1", "maxrss": 1, "steps": 1}) is None
    assert Cost.from_dict({}) is None


def _costs(n: int) -> list[CaseCost]:
    """n cases: case i takes i seconds and (n - i) MiB, ties broken by name."""
    return [CaseCost(f"c{i:02d}.go", Cost(float(i), (n - i) * MIB, 1)) for i in range(n)]


def test_summary_keeps_the_top_ten_of_each_and_the_cases_over_the_limits() -> None:
    cs = [*_costs(15), CaseCost("big.go", Cost(25.0, 2 << 30, 3)),
          CaseCost("slow.go", Cost(21.0, 10 * MIB, 1)), CaseCost("none.go", Cost())]
    s = cost.summarize(cs)
    assert s["measured"] == 17  # none.go ran no compiler step
    assert (s["cpu_limit"], s["rss_limit"]) == (20.0, 1 << 30)
    assert s["over_cpu"] == ["big.go", "slow.go"]
    assert s["over_rss"] == ["big.go"]
    slowest, largest = s["slowest"], s["largest"]
    assert isinstance(slowest, list) and isinstance(largest, list)
    assert [r["case"] for r in slowest] == ["big.go", "slow.go", *(f"c{i:02d}.go" for i in
                                                                  range(14, 6, -1))]
    assert [r["case"] for r in largest][:3] == ["big.go", "c00.go", "c01.go"]
    assert len(largest) == 10
    assert slowest[0] == {"case": "big.go", "cpu": 25.0, "maxrss": 2 << 30, "steps": 3}


def test_summary_ties_go_by_case_key() -> None:
    s = cost.summarize([CaseCost("b.go", Cost(1.0, 5, 1)), CaseCost("a.go", Cost(1.0, 5, 1))])
    assert [r["case"] for r in s["slowest"]] == ["a.go", "b.go"]  # type: ignore[attr-defined]


def test_render_text_is_the_module_example() -> None:
    s = cost.summarize([CaseCost("hello.go", Cost(0.8, 40 * MIB, 1)),
                        CaseCost("rundir.go", Cost(3.6, 120 * MIB, 3))])
    assert cost.__doc__ is not None
    example = cost.__doc__.split("prints them:\n\n", 1)[1].split("\n\n", 1)[0]
    assert cost.render_text(s) == [ln.removeprefix("    ") for ln in example.splitlines()]


def test_render_text_names_the_cases_over_the_limits() -> None:
    s = cost.summarize([CaseCost("huge.go", Cost(30.0, 3 << 30, 1))])
    lines = cost.render_text(s)
    assert lines[1].endswith("over 20 s CPU: 1; over 1 GiB: 1")
    assert lines[2:4] == ["  over cpu: huge.go", "  over rss: huge.go"]
    assert "huge.go     30.0     3072      1" in lines


def test_nothing_measured_renders_nothing() -> None:
    s = cost.summarize([])
    assert s["measured"] == 0
    assert cost.render_text(s) == [] and cost.render_md(s) == []


def test_render_md() -> None:
    s = cost.summarize([CaseCost("x/a.go", Cost(1.25, 50 * MIB, 2)),
                        CaseCost("b.go", Cost(22.0, 10 * MIB, 1))])
    md = cost.render_md(s)
    assert md[0] == "## Compile cost"
    assert "2 cases measured" in md[2] and md[2].endswith("over 20 s CPU: 1; over 1 GiB: 0.")
    assert "Over the CPU limit: `b.go`" in md
    slow = md.index("### Slowest ten")
    assert md[slow + 4 : slow + 6] == ["| b.go | 22.0 | 10 | 1 |", "| x/a.go | 1.2 | 50 | 2 |"]
    large = md.index("### Largest ten")
    assert md[large + 4] == "| x/a.go | 1.2 | 50 | 2 |"


def _entry(case: str, c: Cost) -> dict[str, object]:
    return {"case": case, "directive": "run", "outcome": "pass", **c.as_dict()}


def test_cli_merges_the_shards_of_each_compiler(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shards = {
        "refgo-1": ("refgo", [_entry("a.go", Cost(2.0, 64 * MIB, 1))]),
        "refgo-2": ("refgo", [_entry("b.go", Cost(3.0, 32 * MIB, 2)),
                              {"case": "c.go", "directive": "skip", "outcome": "skip"}]),
        "gc-1": ("gc", [_entry("a.go", Cost(0.1, 40 * MIB, 1))]),
    }
    paths = []
    for name, (compiler, cases) in shards.items():
        paths.append(tmp_path / f"tree-{name}.json")
        paths[-1].write_text(json.dumps({"compiler": compiler, "cases": cases}))
    assert cost.main([str(p) for p in paths]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "== refgo" and out[1].startswith("compile cost of 2 cases ")
    assert out[3:6] == ["slowest    CPU s  RSS MiB  steps", "b.go         3.0       32      2",
                        "a.go         2.0       64      1"]
    gc = out.index("== gc")
    assert out[gc + 1].startswith("compile cost of 1 case ")
    assert cost.main(["--md", str(paths[2])]) == 0
    md = capsys.readouterr().out.splitlines()
    assert md[0] == "## Compile cost (gc)" and "| a.go | 0.1 | 40 | 1 |" in md


def test_cli_says_when_nothing_was_measured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"compiler": "gc", "cases": [
        {"case": "a.go", "directive": "run", "outcome": "pass"}]}))
    assert cost.main([str(old)]) == 2
    assert "gc: no compile was measured" in capsys.readouterr().err
