"""Tests of harness.sharding: the pure assignment, the durations file, and the plugin."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.sharding import (
    DURATIONS_FILE,
    Shard,
    assign,
    load_durations,
    main,
    parse_shard,
    read_collected_ids,
    share_indices,
    share_loads,
    write_durations,
)

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parent.parent


def realistic_suite(seed: int = 9) -> tuple[list[str], dict[str, float]]:
    """A suite shaped like ours: many fast unit tests, many cases, a few slow golden ones.

    Returns all ids and the stored durations of all but the last 40 (added since).
    """
    rng = random.Random(seed)
    timed: dict[str, float] = {}
    for i in range(150):
        timed[f"tests/test_unit_{i // 10}.py::test_{i}"] = rng.uniform(0.0005, 0.02)
    for i in range(250):
        group = ("iface", "escape", "live", "run", "errors")[i % 5]
        timed[f"cases/{group}/c{i:03d}.go::c{i:03d}"] = rng.lognormvariate(-1.2, 0.7)
    for i in range(6):
        timed[f"tests/test_golden.py::test_snapshot[{i}]"] = rng.uniform(2.0, 6.0)
    new = [f"cases/new/n{i:02d}.go::n{i:02d}" for i in range(40)]
    return sorted(timed) + new, timed


@pytest.mark.parametrize(
    ("text", "index", "count"), [("1/1", 1, 1), ("2/3", 2, 3), (" 5/5 ", 5, 5), ("10/12", 10, 12)]
)
def test_parse_shard_accepts(text: str, index: int, count: int) -> None:
    assert parse_shard(text) == Shard(index, count)


@pytest.mark.parametrize(
    "text", ["0/3", "4/3", "x", "1/0", "3", "-1/3", "1/3/4", "a/b", "", "1.0/2"]
)
def test_parse_shard_rejects(text: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(text))):
        parse_shard(text)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_shares_partition_the_suite(n: int) -> None:
    ids, durations = realistic_suite()
    shares = assign(ids, durations, n)
    assert len(shares) == n
    flat = [i for share in shares for i in share]
    assert sorted(flat) == sorted(ids)
    assert len(set(flat)) == len(flat)
    for share in shares:
        assert share == [i for i in ids if i in set(share)], "a share keeps input order"


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_shares_do_not_depend_on_input_order(n: int) -> None:
    ids, durations = realistic_suite()
    shuffled = list(ids)
    random.Random(n).shuffle(shuffled)
    first = [set(s) for s in assign(ids, durations, n)]
    assert first == [set(s) for s in assign(shuffled, durations, n)]
    assert first == [set(s) for s in assign(ids, dict(reversed(durations.items())), n)]


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("new", ["cases/iface/zz_added.go::zz_added", "tests/test_new.py::test_a"])
def test_adding_an_unrelated_case_moves_no_other_case(n: int, new: str) -> None:
    ids, durations = realistic_suite()
    before = share_indices(ids, durations, n)
    after = share_indices([*ids, new], durations, n)
    assert set(after) == set(before) | {new}
    assert {i: after[i] for i in before} == before


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_adding_a_case_to_an_untimed_suite_moves_no_other_case(n: int) -> None:
    ids = [f"cases/x/c{i}.go::c{i}" for i in range(60)]
    before = share_indices(ids, {}, n)
    after = share_indices([*ids, "cases/x/added.go::added"], {}, n)
    assert {i: after[i] for i in before} == before


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_refreshing_durations_never_moves_untimed_cases(n: int) -> None:
    ids, durations = realistic_suite()
    untimed = [i for i in ids if i not in durations]
    before = share_indices(ids, durations, n)
    refreshed = {**durations, ids[0]: 9.0, untimed[0]: 1.5}
    after = share_indices(ids, refreshed, n)
    assert all(after[i] == before[i] for i in untimed[1:])


def test_worked_example_from_module_docstring() -> None:
    durations = {"t.py::a": 4.0, "t.py::b": 3.0, "t.py::c": 2.0, "t.py::d": 1.0}
    ids = ["t.py::a", "t.py::b", "t.py::c", "t.py::d", "t.py::new"]
    assert assign(ids, durations, 2) == [
        ["t.py::a", "t.py::d", "t.py::new"],
        ["t.py::b", "t.py::c"],
    ]


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_balance_on_a_realistic_distribution(n: int) -> None:
    ids, durations = realistic_suite()
    timed_ids = [i for i in ids if i in durations]
    loads = share_loads(assign(timed_ids, durations, n), durations)
    assert max(loads) - min(loads) <= max(durations.values())
    if n == 3:
        assert max(loads) / min(loads) <= 1.2
        with_new = share_loads(assign(ids, durations, n), durations)
        assert max(with_new) / min(with_new) <= 1.2


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.text(min_size=1, max_size=12),
        st.floats(min_value=0.0, max_value=100.0, allow_nan=False),
        min_size=1,
        max_size=60,
    ),
    st.integers(min_value=1, max_value=7),
)
def test_lpt_spread_is_at_most_the_longest_case(durations: dict[str, float], n: int) -> None:
    ids = list(durations)
    shares = assign(ids, durations, n)
    assert sorted(i for s in shares for i in s) == sorted(ids)
    loads = share_loads(shares, durations)
    assert max(loads) - min(loads) <= max(durations.values()) + 1e-9


def test_assign_rejects_zero_shards() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        assign(["a"], {}, 0)


def test_load_durations_missing_file_is_empty(tmp_path: Path) -> None:
    assert load_durations(tmp_path / "none.json") == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"a": -1}', "must be a number >= 0"),
        ('{"a": "1"}', "must be a number >= 0"),
        ('{"a": true}', "must be a number >= 0"),
        ('{"a": NaN}', "must be a number >= 0"),
    ],
)
def test_load_durations_rejects_bad_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "d.json"
    path.write_text(text)
    with pytest.raises(ValueError, match=re.escape(message)) as info:
        load_durations(path)
    assert "\n" not in str(info.value) and str(path) in str(info.value)


def test_write_durations_is_sorted_rounded_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "d.json"
    write_durations(path, {"b": 0.123456789, "a": 2, "c::x[1]": 1e-7})
    text = path.read_text()
    assert text.endswith("}\n")
    assert list(json.loads(text)) == ["a", "b", "c::x[1]"]
    assert load_durations(path) == {"a": 2.0, "b": 0.1235, "c::x[1]": 0.0}
    assert [p.name for p in path.parent.iterdir()] == ["d.json"]


def test_read_collected_ids_stops_at_the_summary() -> None:
    text = "a.py::t[1]\ncases/x.go::x\n\n2 tests collected in 0.01s\n"
    assert read_collected_ids(text) == ["a.py::t[1]", "cases/x.go::x"]


def test_committed_durations_file_is_canonical(tmp_path: Path) -> None:
    committed = REPO / DURATIONS_FILE
    durations = load_durations(committed)
    assert durations, f"{DURATIONS_FILE} is missing or empty; run pytest --store-durations"
    write_durations(tmp_path / "canon.json", durations)
    assert committed.read_text() == (tmp_path / "canon.json").read_text()


def test_plan_command_prints_balanced_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids, durations = realistic_suite()
    write_durations(tmp_path / "d.json", durations)
    (tmp_path / "ids.txt").write_text("\n".join(ids) + "\n\n446 tests collected\n")
    argv = ["--durations", str(tmp_path / "d.json"), "--ids", str(tmp_path / "ids.txt")]
    assert main([*argv, "1", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{len(ids)} ids, 40 without a stored duration"
    one, three = lines[2].split(), lines[3].split()
    assert one[:2] == ["1", "1.000"] and len(one) == 3
    assert three[0] == "3" and 1.0 <= float(three[1]) <= 1.2 and len(three) == 5
    assert main(["--ids", str(tmp_path / "absent.txt"), "2"]) == 2
    assert "absent.txt" in capsys.readouterr().err


# --- the plugin, through pytester -------------------------------------------------------

SMALL_SUITE = {
    "test_alpha": "\n".join(f"def test_a{i}():\n    pass\n" for i in range(7)),
    "test_beta": (
        "import pytest\n\n"
        "@pytest.mark.slow\n"
        "@pytest.mark.parametrize('x', range(6))\n"
        "def test_b(x):\n    pass\n\n"
        "class TestGamma:\n"
        "    def test_g(self):\n        pass\n"
    ),
}

PASSED = re.compile(r"^PASSED (\S+)")


@pytest.fixture
def small(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A tiny suite, run with only this plugin loaded (no entry-point plugins)."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makepyfile(**SMALL_SUITE)
    pytester.makeini("[pytest]\nmarkers =\n    slow: slow\n")
    return pytester


def passed_ids(result: pytest.RunResult) -> list[str]:
    """Node ids reported PASSED in the -rA short summary."""
    return [m.group(1) for line in result.outlines if (m := PASSED.match(line))]


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """Run pytest in-process with just the sharding plugin (and pytest's own)."""
    return pytester.runpytest("-p", "harness.sharding", "-p", "no:cacheprovider", "-rA", *args)


def test_plugin_shards_union_is_whole_suite(small: pytest.Pytester) -> None:
    whole = run(small)
    whole.assert_outcomes(passed=14)
    everything = set(passed_ids(whole))
    one = run(small, "--shard=1/2")
    two = run(small, "--shard", "2/2")
    assert one.ret == two.ret == pytest.ExitCode.OK
    ids1, ids2 = set(passed_ids(one)), set(passed_ids(two))
    assert ids1 and ids2 and not ids1 & ids2
    assert ids1 | ids2 == everything
    one.stdout.fnmatch_lines(["shard: 1/2, balanced on 0 stored durations from *"])
    one.stdout.fnmatch_lines([f"shard 1/2: {len(ids1)} of 14 items, estimated 0.0s *"])
    assert f"{14 - len(ids1)} deselected" in one.stdout.str()


def test_plugin_composes_with_k_and_m(small: pytest.Pytester) -> None:
    """The share is computed before -k/-m narrow it, also when stored durations decide it."""
    everything = passed_ids(run(small))
    timed = {nodeid: 0.5 + (7 * k % 11) / 10 for k, nodeid in enumerate(everything)}
    small.path.joinpath(DURATIONS_FILE).write_text(json.dumps(timed))
    for n in (2, 3):
        shards = [set(passed_ids(run(small, f"--shard={i}/{n}"))) for i in range(1, n + 1)]
        assert set().union(*shards) == set(everything)
        assert sum(map(len, shards)) == len(everything)
        for i in range(1, n + 1):
            by_k = set(passed_ids(run(small, f"--shard={i}/{n}", "-k", "alpha or Gamma")))
            assert by_k == {x for x in shards[i - 1] if "alpha" in x or "Gamma" in x}
            by_m = set(passed_ids(run(small, f"--shard={i}/{n}", "-m", "slow")))
            assert by_m == {x for x in shards[i - 1] if "test_b[" in x}


def test_plugin_composes_with_paths(small: pytest.Pytester) -> None:
    shares = [set(passed_ids(run(small, "test_beta.py", f"--shard={i}/3"))) for i in (1, 2, 3)]
    assert sum(map(len, shares)) == 7
    assert set().union(*shares) == set(passed_ids(run(small, "test_beta.py")))


def test_plugin_lets_tryfirst_hooks_see_the_whole_suite(small: pytest.Pytester) -> None:
    """A tryfirst hook (harness.golden's stale check) must see every item, not one share."""
    small.makeconftest(
        "import pytest\n\n"
        "@pytest.hookimpl(tryfirst=True)\n"
        "def pytest_collection_modifyitems(items):\n"
        "    print('tryfirst hook saw', len(items), 'items')\n"
    )
    result = run(small, "-s", "--shard=1/3", "-k", "alpha")
    result.stdout.fnmatch_lines(["tryfirst hook saw 14 items"])
    assert 0 < len(passed_ids(result)) < 7


def test_plugin_uses_stored_durations(small: pytest.Pytester) -> None:
    ids = [f"test_alpha.py::test_a{i}" for i in range(7)]
    small.path.joinpath(DURATIONS_FILE).write_text(json.dumps({ids[0]: 10.0, ids[1]: 9.0}))
    one = set(passed_ids(run(small, "--shard=1/2")))
    two = set(passed_ids(run(small, "--shard=2/2")))
    assert ids[0] in one and ids[1] in two


@pytest.mark.parametrize("value", ["0/3", "4/3", "x", "1/0"])
def test_plugin_bad_shard_is_a_usage_error(small: pytest.Pytester, value: str) -> None:
    result = run(small, f"--shard={value}")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"*error: argument --shard: *{value!r}"])
    assert "Traceback" not in result.stderr.str()


@pytest.mark.parametrize("option", ["--shard=1/2", "--store-durations"])
def test_plugin_bad_durations_file_is_a_usage_error(small: pytest.Pytester, option: str) -> None:
    small.path.joinpath("d.json").write_text('{"x": -3}')
    result = run(small, option, "--durations-file=d.json")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: *d.json: 'x': duration must be a number >= 0; got -3"])
    assert small.path.joinpath("d.json").read_text() == '{"x": -3}'


def test_plugin_store_durations_merges(small: pytest.Pytester) -> None:
    """Call-phase durations only: a case skipped during setup has none to store."""
    small.makepyfile(
        test_alpha_skip=(
            "import pytest\n\n@pytest.fixture\ndef absent():\n    pytest.skip('absent')\n\n"
            "def test_alpha_skipped(absent):\n    pass\n"
        )
    )
    path = small.path / DURATIONS_FILE
    path.write_text(json.dumps({"gone.py::old": 1.25, "test_alpha.py::test_a0": 99.0}))
    result = run(small, "--store-durations", "-k", "alpha")
    assert result.ret == pytest.ExitCode.OK
    result.assert_outcomes(passed=7, skipped=1)
    result.stdout.fnmatch_lines([f"stored 7 test durations in {path}"])
    stored = load_durations(path)
    assert stored["gone.py::old"] == 1.25
    assert stored["test_alpha.py::test_a0"] < 99.0
    assert set(stored) == {"gone.py::old", *(f"test_alpha.py::test_a{i}" for i in range(7))}
    assert list(json.loads(path.read_text())) == sorted(stored)


def test_plugin_empty_share_is_not_an_error(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makepyfile(test_one="def test_only():\n    pass\n")
    codes = [run(pytester, f"--shard={i}/3").ret for i in (1, 2, 3)]
    assert codes == [pytest.ExitCode.OK] * 3
    assert run(pytester, "-k", "nothing").ret == pytest.ExitCode.NO_TESTS_COLLECTED
    only = "test_one.py::test_only"
    empty = next(i for i in (1, 2, 3) if share_indices([only], {}, 3)[only] != i - 1)
    under_xdist = pytester.runpytest_subprocess(
        "-p", "harness.sharding", "-p", "xdist.plugin", "-n", "2", f"--shard={empty}/3"
    )
    assert under_xdist.ret == pytest.ExitCode.OK
    under_xdist.stdout.fnmatch_lines(["*no tests ran*"])


def test_plugin_empty_suite_still_exits_5(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makepyfile(test_none="x = 1\n")
    assert run(pytester, "--shard=1/2").ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_plugin_under_xdist(small: pytest.Pytester) -> None:
    """Shards compose with -n; the xdist controller stores every worker's durations."""
    every: list[set[str]] = []
    for i in (1, 2):
        durations = small.path / f"d{i}.json"
        result = small.runpytest_subprocess(
            "-p", "harness.sharding", "-p", "xdist.plugin", "-p", "no:cacheprovider",
            "-n", "2", "-rA", f"--shard={i}/2", "--store-durations",
            f"--durations-file={durations}",
        )  # fmt: skip
        assert result.ret == pytest.ExitCode.OK, result.stdout.str()
        ran = set(passed_ids(result))
        assert set(load_durations(durations)) == ran
        every.append(ran)
    assert not every[0] & every[1]
    assert len(every[0] | every[1]) == 14


# --- the CI workflow ----------------------------------------------------------------------


def test_ci_workflow_runs_every_shard_and_merges() -> None:
    import yaml  # the dev extra brings pyyaml: this test must not skip
    workflow = yaml.safe_load((REPO / ".github/workflows/ci.yml").read_text())
    jobs = workflow["jobs"]
    test = jobs["test"]
    strategy = test["strategy"]
    assert strategy["fail-fast"] is False
    assert list(strategy["matrix"]) == ["shard"], "job-total must equal the shard count"
    shards = strategy["matrix"]["shard"]
    assert shards == list(range(1, len(shards) + 1))
    run_steps = " ".join(step.get("run", "") for step in test["steps"])
    assert "--shard=${{ matrix.shard }}/${{ strategy.job-total }}" in run_steps
    assert "--junitxml=" in run_steps
    merge = jobs["merge"]
    assert merge["needs"] == "test" and "cancelled()" in merge["if"]
    merge_steps = " ".join(step.get("run", "") for step in merge["steps"])
    assert "--collect-only -q" in merge_steps and "python -m harness.junitmerge" in merge_steps
    for job in jobs.values():
        for step in job["steps"]:
            if "uses" in step:
                assert step["uses"].startswith("actions/"), step["uses"]
