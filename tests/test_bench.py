"""Smoke tests of the benchmark runner (bench/run.py): the median table from synthetic
samples, command-line errors, and one real run of bench/iface with `-benchtime 10x`
under refgo (and gc when installed). Speed is never asserted; only the shape of the
output and that both compilers' binaries ran every benchmark.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from bench import go1
from bench import run as bench
from compiler.amd64 import Line, forward_stores
from compiler.diag import Pos

REPO = Path(__file__).resolve().parent.parent
GO = "/usr/lib/go-1.19/bin/go" if os.path.exists("/usr/lib/go-1.19/bin/go") else shutil.which("go")


def _res(samples: dict[str, list[float]]) -> bench.Results:
    r = bench.Results()
    for name, xs in samples.items():
        r.samples[name] = list(xs)
        r.lines += [f"{name}\t10\t{x} ns/op" for x in xs]
    return r


def test_ratio_table_medians_and_pairs() -> None:
    table = bench.ratio_table({
        "refgo": _res({"BenchmarkLoaderConv-2": [30.0, 10.0, 20.0],
                       "BenchmarkLoaderDirect-2": [16.0, 16.0, 1.0]}),
        "gc": _res({"BenchmarkLoaderConv-2": [5.0, 5.0, 5.0],
                    "BenchmarkLoaderDirect-2": [4.0, 4.0, 4.0]}),
    })
    lines = table.splitlines()
    assert lines[0].split() == ["benchmark", "refgo", "ns/op", "gc", "ns/op", "refgo/gc"]
    assert lines[1].split() == ["BenchmarkLoaderConv-2", "20", "5", "4.00x"]
    assert lines[2].split() == ["BenchmarkLoaderDirect-2", "16", "4", "4.00x"]
    assert lines[3].split() == ["pair", "refgo", "gc"]
    assert lines[4].split() == ["LoaderConv/LoaderDirect", "1.25x", "1.25x"]


def test_ratio_table_with_min_uses_each_benchmarks_fastest_run() -> None:
    table = bench.ratio_table({
        "refgo": _res({"BenchmarkLoaderConv-2": [30.0, 10.0, 20.0],
                       "BenchmarkLoaderDirect-2": [16.0, 16.0, 8.0]}),
        "gc": _res({"BenchmarkLoaderConv-2": [5.0, 9.0, 7.0],
                    "BenchmarkLoaderDirect-2": [4.0, 4.0, 4.0]}),
    }, stat="min")
    lines = table.splitlines()
    assert lines[1].split() == ["BenchmarkLoaderConv-2", "10", "5", "2.00x"]
    assert lines[4].split() == ["LoaderConv/LoaderDirect", "1.25x", "1.25x"]


def test_ratio_table_missing_benchmark() -> None:
    table = bench.ratio_table({"refgo": _res({"BenchmarkA-2": [2.0]}),
                               "gc": _res({"BenchmarkB-2": [1000.0, 3000.0]})})
    rows = {ln.split()[0]: ln.split()[1:] for ln in table.splitlines()[1:]}
    assert rows == {"BenchmarkA-2": ["2", "-", "-"], "BenchmarkB-2": ["-", "2000", "-"]}


def test_ratio_table_three_compilers_against_last() -> None:
    table = bench.ratio_table({"refgo": _res({"BenchmarkA-2": [3.0]}),
                               "base": _res({"BenchmarkA-2": [6.0]}),
                               "gc": _res({"BenchmarkA-2": [2.0]})})
    head, row = table.splitlines()[:2]
    assert head.split()[-2:] == ["refgo/gc", "base/gc"]
    assert row.split() == ["BenchmarkA-2", "3", "6", "2", "1.50x", "3.00x"]


@pytest.mark.parametrize("argv, msg", [
    (["-count", "0"], "-count must be positive"),
    (["-compilers", "refgo,tcc"], "unknown compiler"),
    (["/nonexistent/bench/pkg"], "not a directory"),
    (["-compilers", "base,gc", "-base", "/nonexistent"], "needs -base DIR"),
])
def test_bad_command_line(argv: list[str], msg: str,
                          capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("bench: ") and msg in err and len(err.splitlines()) == 1


def test_run_iface_10x(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    compilers = "refgo,gc" if GO else "refgo"
    rc = bench.main(["-benchtime", "10x", "-count", "2", "-compilers", compilers,
                     "-bench", "EfaceInteger|TypeSwitch", "-o", str(tmp_path),
                     str(REPO / "bench" / "iface")])
    out = capsys.readouterr().out
    assert rc == 0, out
    line = re.compile(r"^Benchmark(EfaceInteger|TypeSwitch)-\d+\s+10\s+[0-9.]+ ns/op$")
    for c in compilers.split(","):
        lines = (tmp_path / f"{c}.txt").read_text().splitlines()
        bench_lines = [ln for ln in lines if ln.startswith("Benchmark")]
        assert len(bench_lines) == 4 and all(line.match(ln) for ln in bench_lines), lines
        assert f"{c}:\n" in out
    rows = [ln.split() for ln in out.splitlines() if ln.startswith("BenchmarkEfaceInteger")]
    table_row = rows[-1]
    assert len(table_row) == (4 if GO else 2)
    if GO:
        assert re.fullmatch(r"[0-9.]+x", table_row[3])


def test_usage_share_is_cpu_per_wall_second() -> None:
    assert bench.Usage(wall=2.0, cpu=1.0).share() == 0.5
    assert bench.Usage(wall=0.0, cpu=1.0).share() == 1.0


def test_measured_run_counts_the_childs_cpu_time(tmp_path: Path) -> None:
    proc, usage = bench.measured_run(
        ["python3", "-c", "import time\nt = time.process_time()\n"
         "while time.process_time() - t < 0.3: pass"], tmp_path)
    assert proc.returncode == 0
    assert 0.25 <= usage.cpu <= usage.wall + 0.05, usage


def test_run_cpu_runs_each_benchmark_alone(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    rc = bench.main(["-cpu", "-benchtime", "10x", "-count", "2", "-compilers", "refgo",
                     "-bench", "EfaceInteger|TypeSwitch", "-o", str(tmp_path),
                     str(REPO / "bench" / "iface")])
    out = capsys.readouterr().out
    assert rc == 0, out
    lines = [ln for ln in (tmp_path / "refgo.txt").read_text().splitlines()
             if ln.startswith("Benchmark")]
    names = [ln.split()[0] for ln in lines]
    assert len(lines) == 4 and names[0] == names[2] and names[1] == names[3], lines
    assert {re.sub(r"-\d+$", "", n) for n in names} == {"BenchmarkEfaceInteger",
                                                          "BenchmarkTypeSwitch"}


def test_go1_geomean_over_common_benchmarks() -> None:
    row = go1.geomeans({"refgo": _res({"BenchmarkA-2": [4.0], "BenchmarkB-2": [1.0],
                                       "BenchmarkC-2": [7.0]}),
                        "gc": _res({"BenchmarkA-2": [1.0], "BenchmarkB-2": [4.0]})},
                       "median")
    assert row.split() == ["geomean", "1.00x"]


def test_go1_stages_groups_from_gos_tree(tmp_path: Path) -> None:
    try:
        src = go1.find_src("")
    except bench.BenchError:
        pytest.skip("Go's test/bench/go1 is not installed")
    pkgs = go1.stage(src, ["revcomp", "fmt"], tmp_path)
    assert [sorted(f.name for f in p.iterdir()) for p in pkgs] == [
        ["fasta_test.go", "revcomp_test.go"], ["fmt_test.go"]]


def test_go1_unknown_group(capsys: pytest.CaptureFixture[str]) -> None:
    assert go1.main(["nosuch"]) == 1
    assert "unknown group 'nosuch'" in capsys.readouterr().err


# -- amd64.forward_stores, the peephole the benchmarks drove (see docs/performance.md) --

_P = Pos("x.go", 1, 1)


def _fwd(*texts: str) -> list[str]:
    lines = [Line(t[:-1], None) if t.endswith(":") else Line(t, _P) for t in texts]
    return [ln.text if ln.pos is not None else ln.text + ":" for ln in forward_stores(lines)]


def test_forward_same_and_other_register() -> None:
    assert _fwd("movq\t%rax, -8(%rbp)", "movq\t-8(%rbp), %rax",
                "movq\t-8(%rbp), %rcx") == ["movq\t%rax, -8(%rbp)", "movq\t%rax, %rcx"]


def test_forward_keeps_the_zero_extension_of_a_4_byte_reload() -> None:
    # `notq %rax` left ones above bit 31; the reload cleared them, and so must its
    # replacement
    assert _fwd("notq\t%rax", "movl\t%eax, -8(%rbp)", "movl\t-8(%rbp), %eax") == [
        "notq\t%rax", "movl\t%eax, -8(%rbp)", "movl\t%eax, %eax"]


def test_forward_extensions_and_immediates() -> None:
    assert _fwd("movb\t%al, -1(%rbp)", "movzbq\t-1(%rbp), %rcx") == [
        "movb\t%al, -1(%rbp)", "movzbq\t%al, %rcx"]
    assert _fwd("movq\t$5, -8(%rbp)", "movq\t-16(%rbp), %rax", "movq\t-8(%rbp), %rcx") == [
        "movq\t$5, -8(%rbp)", "movq\t-16(%rbp), %rax", "movq\t$5, %rcx"]
    # an immediate is never extended, and a narrower load is not forwarded
    assert _fwd("movb\t$-1, -1(%rbp)", "movzbq\t-1(%rbp), %rax")[1] == "movzbq\t-1(%rbp), %rax"
    assert _fwd("movq\t%rax, -8(%rbp)", "movl\t-8(%rbp), %ecx")[1] == "movl\t-8(%rbp), %ecx"


def test_forward_stops_at_labels_writes_and_aliases() -> None:
    assert _fwd("movq\t%rax, -8(%rbp)", ".L1:", "movq\t-8(%rbp), %rcx")[2] == \
        "movq\t-8(%rbp), %rcx"
    # the source register overwritten by a load in between
    assert _fwd("movq\t%rax, -8(%rbp)", "movb\t0(%rsi), %al",
                "movq\t-8(%rbp), %rcx")[2] == "movq\t-8(%rbp), %rcx"
    # the address register of the stored location overwritten
    assert _fwd("movq\t%rax, 0(%rsi)", "movq\t-16(%rbp), %rsi",
                "movq\t0(%rsi), %rcx")[2] == "movq\t0(%rsi), %rcx"
    # a store through a pointer may alias any slot; an overlapping slot store too
    assert _fwd("movq\t%rax, -8(%rbp)", "movq\t%rcx, 0(%rdi)",
                "movq\t-8(%rbp), %rdx")[2] == "movq\t-8(%rbp), %rdx"
    assert _fwd("movq\t%rax, -8(%rbp)", "movb\t%cl, -5(%rbp)",
                "movq\t-8(%rbp), %rdx")[2] == "movq\t-8(%rbp), %rdx"
    assert _fwd("movq\t%rax, -8(%rbp)", "movq\t%rcx, -16(%rbp)",
                "movq\t-8(%rbp), %rdx")[2] == "movq\t%rax, %rdx"
    # any instruction the pass does not model forgets everything
    assert _fwd("movq\t%rax, -8(%rbp)", "addq\t%rcx, %rdx",
                "movq\t-8(%rbp), %rdx")[2] == "movq\t-8(%rbp), %rdx"


def test_forward_drops_extension_before_test() -> None:
    assert _fwd("sete\t%al", "movb\t%al, -1(%rbp)", "movzbq\t-1(%rbp), %rax",
                "testb\t%al, %al", "jne\t.L2") == [
        "sete\t%al", "movb\t%al, -1(%rbp)", "testb\t%al, %al", "jne\t.L2"]
