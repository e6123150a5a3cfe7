"""Differential test of package math: every function, refgo's library against gc 1.19's.

One Go program, generated here from a table of functions and their inputs, is built by
refgo and by gc; it prints, for every call, the function's name, the inputs' and the
results' IEEE bits (math.Float64bits, so NaN payloads and signed zeros count):

    Exp 4086232bdd7abcd2 7fefffffffffffff
    Pow 3ff0000000000000 7ff0000000000000 3ff0000000000000

The outputs must be identical line for line. Inputs per function: the special values
(±0, ±Inf, NaNs, subnormals, ±MaxFloat64, ±1, ...), the edges of the function's
branches (its EDGES, each with its neighbours one ulp away), then seeded pseudo-random
values from a xorshift generator inside the program: raw bit patterns, uniform values in
the function's interesting interval and log-uniform magnitudes. Two-argument functions
get the cross product of the special values plus random pairs.

    REFGO_MATHDIFF_N=2000   random inputs per function (default 2000; `pytest -m fuzz`
                            runs test_math_matches_gc_fuzz with 50000)
    REFGO_MATHDIFF_SEED=1   the generator's seed
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from harness.fuzz.run import find_go

REPO = Path(__file__).resolve().parent.parent
GO = find_go()
pytestmark = pytest.mark.skipif(GO is None, reason="no Go toolchain installed")

INF = float("inf")


def bits(x: float) -> str:
    """Returns the Go expression for the float64 x, exact: Float64frombits of its bits."""
    return f"math.Float64frombits(0x{struct.unpack('<Q', struct.pack('<d', x))[0]:016x})"


SPECIAL = [0.0, -0.0, INF, -INF, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, 1e-300, -1e-300,
           5e-324, -5e-324, 2.225073858507201e-308, 2.2250738585072014e-308,
           1.7976931348623157e308, -1.7976931348623157e308, 1e300, -1e300, 0.1, 10.0,
           -10.0, 1e-10, 0.7, 1.5, -1.5, 100.0, 4503599627370496.0, 9007199254740993.0]
# NaN bit patterns: math.NaN()'s, the default NaN, a negative one, a signalling one.
NANS = [0x7FF8000000000001, 0xFFF8000000000000, 0xFFF8000000000123, 0x7FF0000000000001]


@dataclass(frozen=True, slots=True)
class Func:
    """One function under test: a Go expression of the arguments x, y (and z)
    yielding its float64 results, its interval for uniform inputs, and branch edges."""

    name: str
    expr: str
    lo: float
    hi: float
    edges: tuple[float, ...] = ()
    arity: int = 1


def f1(name: str, lo: float, hi: float, *edges: float, expr: str = "") -> Func:
    return Func(name, expr or f"math.{name}(x)", lo, hi, edges)


def f2(name: str, lo: float, hi: float, *edges: float, expr: str = "") -> Func:
    return Func(name, expr or f"math.{name}(x, y)", lo, hi, edges, 2)


LN2 = 0.6931471805599453
FUNCS = [
    f1("Exp", -750, 750, 709.782712893384, 709.7827128933840, 709.78271289338397,
       -745.1332191019411, -745.1332191019412, -708.39641853226408, -744.44, 2**-28, 88.72,
       -1075 * LN2, -1074 * LN2, -1022 * LN2, 1023 * LN2, 1024 * LN2),
    f1("Exp2", -1100, 1100, 1023.9999999999999, 1024, -1074, -1075, -1022, 0.5),
    f1("Expm1", -50, 50, 0.34657359027997264, 1.0397207708399179, 38.816242111356935,
       709.782712893384, 2**-54, 20 * LN2, 56 * LN2, 57 * LN2, -2 * LN2, -0.25, 0.2),
    f1("Log", 0, 1e10, 0.7071067811865476, 0.7071067811865475, 1.0000000000000002,
       0.9999999999999999, 2**-1022, 2**-1074, 2**-1050, 1.4142135623730951),
    f1("Log10", 0, 1e10, 10, 1e22, 1e-5, 2**-1060),
    f1("Log2", 0, 1e10, 8, 0.25, 2**-1074, 3),
    f1("Log1p", -1, 10, 0.41421356237309503, -0.2928932188134524, 2**-29, 2**-54,
       2**53, -1, 2**-20, 1e-16, 1e15),
    f1("Sin", -10, 10, 2**29, 3.141592653589793, 1.5707963267948966, 0.7853981633974483,
       1e22, 1e300, 2.356194490192345, 5.497787143782138, 536870911.99999994),
    f1("Cos", -10, 10, 2**29, 3.141592653589793, 1.5707963267948966, 0.7853981633974483,
       1e22, 1e300, 2.356194490192345),
    f1("Tan", -10, 10, 2**29, 1.5707963267948966, 0.7853981633974483, 1e22, 1e-7, 1e300),
    f1("Sincos.sin", -10, 10, 2**29, 1e22, 1.5707963267948966,
       expr="func() float64 { s, _ := math.Sincos(x); return s }()"),
    f1("Sincos.cos", -10, 10, 2**29, 1e22, 1.5707963267948966,
       expr="func() float64 { _, c := math.Sincos(x); return c }()"),
    f1("Asin", -1, 1, 0.7, 1, -1, 1.0000000000000002, 0.9999999999999999),
    f1("Acos", -1, 1, 0.7, 1, -1, 1.0000000000000002),
    f1("Atan", -10, 10, 0.66, 2.414213562373095, 2.4142135623730954),
    f1("Sinh", -30, 30, 0.5, 21, 710.4758600739439, 710.5),
    f1("Cosh", -30, 30, 0.5, 21, 710.4758600739439, 710.5),
    f1("Tanh", -30, 30, 0.625, 44.014845965556525, 44.02),
    f1("Asinh", -10, 10, 2**28, 2, 2**-28),
    f1("Acosh", 1, 10, 1, 2, 2**28, 1.0000000000000002),
    f1("Atanh", -1, 1, 0.5, 1, -1, 2**-28, 0.9999999999999999),
    f1("Cbrt", -1e6, 1e6, 2.2250738585072014e-308, 27, 1e-310, 8),
    f1("Sqrt", 0, 1e6, 4, 2, 1e-310),
    f1("Gamma", -180, 180, 33, 33.5, -33.5, 143.01608, 171.6, 171.7, 200, -170.5, -171.5,
       -1e-9, 1e-9, 1.1e-9, -0.5, 2.5, -184.5, 1e-20),
    f1("Lgamma.value", -50, 200, 2**52, 2**58, 2**-70, 0.9, 0.731632144968362,
       1.191632144968362, 1.731632144968362, 0.2316321449683622, 8, 7.5, 2.5, -2.5,
       -4503599627370495.5, 0.25, 1e-20,
       expr="func() float64 { l, _ := math.Lgamma(x); return l }()"),
    f1("Lgamma.sign", -50, 200, -2.5, -3.5, -0.5,
       expr="func() float64 { _, s := math.Lgamma(x); return float64(s) }()"),
    f1("Erf", -7, 7, 0.84375, 1.25, 6, 2.857142857142857, 2**-28, 2.848094538889218e-306),
    f1("Erfc", -7, 30, 0.84375, 1.25, 6, 28, 2.857142857142857, 2**-56, 0.25),
    f1("Erfinv", -1, 1, 0.85, 1, -1, 0.9999999999, 1 - 2**-53),
    f1("Erfcinv", 0, 2, 0.15, 1, 2, 1e-300, 2**-1074),
    f1("J0", -50, 50, 2, 2.8571, 4.5454, 8, 2**129, 8.988465674311579e307, 2**-27, 2**-13),
    f1("J1", -50, 50, 2, 2.8571, 4.5454, 8, 2**129, 8.988465674311579e307, 2**-27),
    f1("Y0", 0, 50, 2, 2.8571, 4.5454, 8, 2**129, 8.988465674311579e307, 2**-27),
    f1("Y1", 0, 50, 2, 2.8571, 4.5454, 8, 2**129, 8.988465674311579e307, 2**-54),
    f1("Floor", -1e6, 1e6, 4503599627370495.5, -4503599627370495.5, 0.5, -0.5),
    f1("Ceil", -1e6, 1e6, 4503599627370495.5, -4503599627370495.5, 0.5, -0.5),
    f1("Trunc", -1e6, 1e6, 4503599627370495.5, -4503599627370495.5, 0.5, -0.5),
    f1("Round", -1e6, 1e6, 2.5, -2.5, 0.49999999999999994, 4503599627370495.5),
    f1("RoundToEven", -1e6, 1e6, 2.5, -2.5, 3.5, 0.49999999999999994, 4503599627370495.5),
    f1("Abs", -10, 10),
    f1("Modf.int", -1e6, 1e6, 2**52, 2**53,
       expr="func() float64 { i, _ := math.Modf(x); return i }()"),
    f1("Modf.frac", -1e6, 1e6, 2**52, 2**53,
       expr="func() float64 { _, f := math.Modf(x); return f }()"),
    f1("Frexp.frac", -1e6, 1e6, 2**-1074,
       expr="func() float64 { f, _ := math.Frexp(x); return f }()"),
    f1("Frexp.exp", -1e6, 1e6, 2**-1074,
       expr="func() float64 { _, e := math.Frexp(x); return float64(e) }()"),
    f1("Logb", -1e6, 1e6, 2**-1074),
    f1("Ilogb", -1e6, 1e6, 2**-1074, expr="float64(math.Ilogb(x))"),
    f1("Signbit", -1, 1, expr="b2f(math.Signbit(x))"),
    f1("IsNaN", -1, 1, expr="b2f(math.IsNaN(x))"),
    f1("IsInf", -1, 1,
       expr="b2f(math.IsInf(x, 1)) + 2*b2f(math.IsInf(x, -1)) + 4*b2f(math.IsInf(x, 0))"),
    f1("Float32", -1e6, 1e6, 3.4028235677973366e38, 1e-45, 1.401298464324817e-45,
       expr="float64(math.Float32frombits(math.Float32bits(float32(x))))"),
    f1("Float32bits", -1e6, 1e6, expr="float64(math.Float32bits(float32(x)))"),
    f1("Jn", -50, 50, 2, 2**302, 1e-10, 2**-29, 30,
       expr="math.Jn(int(seq%41)-5, x)"),
    f1("Yn", 0, 50, 2, 2**302, 1e-10, 30,
       expr="math.Yn(int(seq%41)-5, x)"),
    f1("Ldexp", -1e6, 1e6, 2**-1074, 0.75,
       expr="math.Ldexp(x, int(seq%2300)-1150)"),
    f1("Pow10", -400, 400, expr="math.Pow10(int(seq%800) - 400)"),
    f1("Nextafter32", -1e6, 1e6, 1.401298464324817e-45,
       expr="float64(math.Nextafter32(float32(x), float32(y)))"),
    f2("Pow", -10, 10, 0.5, -0.5, 2**63, 2**64, -3, 3, 1e-5, 1e5, 7, 4097),
    f2("Atan2", -10, 10, 1e-300, 1e300),
    f2("Hypot", -1e6, 1e6, 1e-310, 1e308),
    f2("Mod", -1e6, 1e6, 4.4501477170144023e-308, 8.98846567431158e307, 3.0),
    f2("Remainder", -1e6, 1e6, 4.450147717014402e-308, 4.4501477170144023e-308,
       8.98846567431158e307, 3.0),
    f2("Dim", -10, 10),
    f2("Max", -10, 10),
    f2("Min", -10, 10),
    f2("Copysign", -10, 10),
    f2("Nextafter", -10, 10),
    Func("FMA", "math.FMA(x, y, z)", -10, 10, (2**-1074, 2**1023, 1.0000000000000002), 3),
    Func("FMAexact", "math.FMA(x, y, -x*y)", -1e6, 1e6, (0.1, 3.0), 2),
]

# The constants, printed once each.
CONSTS = ["E", "Pi", "Phi", "Sqrt2", "SqrtE", "SqrtPi", "SqrtPhi", "Ln2", "Log2E", "Ln10",
          "Log10E", "MaxFloat64", "SmallestNonzeroFloat64", "MaxFloat32",
          "SmallestNonzeroFloat32"]
INT_CONSTS = ["MaxInt", "MinInt", "MaxInt8", "MinInt8", "MaxInt16", "MinInt16", "MaxInt32",
              "MinInt32", "MaxInt64", "MinInt64", "MaxUint8", "MaxUint16", "MaxUint32"]

PRELUDE = """package main

import (
	"bufio"
	"math"
	"os"
	"strconv"
)

var w = bufio.NewWriterSize(os.Stdout, 1<<16)
var line []byte

func emit(name string, vals ...float64) {
	line = append(line[:0], name...)
	for _, v := range vals {
		line = append(line, ' ')
		line = strconv.AppendUint(line, math.Float64bits(v), 16)
	}
	line = append(line, '\\n')
	w.Write(line)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

var state uint64

func next() uint64 {
	state ^= state << 13
	state ^= state >> 7
	state ^= state << 17
	return state
}

// unit returns a uniform float64 in [0, 1).
func unit() float64 { return float64(next()>>11) / (1 << 53) }

// draw returns the i-th random input: raw bits, uniform in [lo, hi), or a
// log-uniform magnitude up to max(|lo|, |hi|) with a random sign.
func draw(i int, lo, hi float64) float64 {
	switch i % 3 {
	case 0:
		return math.Float64frombits(next())
	case 1:
		return lo + (hi-lo)*unit()
	}
	m := math.Max(math.Abs(lo), math.Abs(hi))
	v := m * math.Exp2(-60*unit())
	if next()&1 == 1 && lo < 0 {
		v = -v
	}
	return v
}

// inputs returns the special values, the edges and their one-ulp neighbours, then n draws.
func inputs(edges []float64, n int, lo, hi float64) []float64 {
	xs := append([]float64{}, special...)
	for _, e := range edges {
		for _, s := range []float64{e, -e} {
			xs = append(xs, s, math.Nextafter(s, math.Inf(1)), math.Nextafter(s, math.Inf(-1)))
		}
	}
	for i := 0; i < n; i++ {
		xs = append(xs, draw(i, lo, hi))
	}
	return xs
}
"""


def special_decl() -> str:
    vals = [bits(v) for v in SPECIAL] + [f"math.Float64frombits(0x{n:016x})" for n in NANS]
    return "var special = []float64{\n\t" + ",\n\t".join(vals) + ",\n}\n"


def func_block(f: Func, n: int) -> str:
    """Returns the Go statements that exercise f on its inputs and print each result."""
    edges = "[]float64{" + ", ".join(bits(e) for e in f.edges) + "}"
    lo, hi = bits(f.lo), bits(f.hi)
    args = ", ".join(["x", "y", "z"][: f.arity])
    emit = f'emit("{f.name}", {args}, {f.expr})'
    if f.arity == 1:
        # y: a second random operand for the few one-input rows that take one (Nextafter32).
        return (f"\tfor seq, x := range inputs({edges}, {n}, {lo}, {hi}) {{\n"
                f"\t\ty := draw(seq, {lo}, {hi})\n\t\t_ = y\n\t\t{emit}\n\t}}\n")
    # Several inputs: every pair of specials and edges (z random), then random tuples.
    return (f"\t{{\n\t\txs := inputs({edges}, {n}, {lo}, {hi})\n"
            f"\t\tns := len(special) + {6 * len(f.edges)}\n"
            f"\t\tfor _, x := range xs[:ns] {{\n\t\t\tfor _, y := range xs[:ns] {{\n"
            f"\t\t\t\tz := draw(1, {lo}, {hi})\n\t\t\t\t_ = z\n\t\t\t\t{emit}\n"
            f"\t\t\t}}\n\t\t}}\n"
            f"\t\tfor seq := ns; seq < len(xs); seq++ {{\n\t\t\tx := xs[seq]\n"
            f"\t\t\ty := draw(seq, {lo}, {hi})\n\t\t\tz := draw(seq+1, {lo}, {hi})\n"
            f"\t\t\t_ = z\n\t\t\t{emit}\n\t\t}}\n\t}}\n")


def program(n: int, seed: int) -> str:
    """Returns the Go program exercising every function of FUNCS with n random inputs."""
    parts = [PRELUDE, special_decl(), "func main() {\n\tdefer w.Flush()\n"]
    for c in CONSTS:
        parts.append(f'\temit("{c}", math.{c})\n')
    for c in INT_CONSTS:
        parts.append(f'\temit("{c}", float64(math.{c}))\n')
    parts.append('\temit("MaxUint64", float64(uint64(math.MaxUint64)))\n')
    parts.append('\temit("NaN", math.NaN(), math.Inf(1), math.Inf(-1), math.Inf(0))\n')
    for f in FUNCS:
        parts.append(f"\tstate = {seed * 0x9E3779B97F4A7C15 % 2**64 | 1}\n")
        parts.append(func_block(f, n))
    parts.append("}\n")
    return "".join(parts)


def build_and_run(cmd: list[str], exe: Path, env: dict[str, str] | None) -> bytes:
    """Builds with cmd (which writes exe), runs exe and returns its stdout."""
    b = subprocess.run(cmd, capture_output=True, env=env, timeout=600, check=False)
    assert b.returncode == 0, f"{cmd[0]} failed to build:\n{b.stderr.decode()[-3000:]}"
    r = subprocess.run([str(exe)], capture_output=True, timeout=600, check=False)
    assert r.returncode == 0, f"{exe.name} exited {r.returncode}:\n{r.stderr.decode()[-3000:]}"
    return r.stdout


def compare(n: int, seed: int, work: Path) -> tuple[int, Counter[str], list[str]]:
    """Returns the number of results compared, mismatches per function, and examples."""
    src = work / "mathdiff.go"
    src.write_text(program(n, seed))
    env = dict(os.environ, GO111MODULE="off", GOPATH=str(work), CGO_ENABLED="0")
    assert GO is not None
    gc_out = build_and_run([GO, "build", "-o", str(work / "gc.exe"), str(src)],
                           work / "gc.exe", env)
    ref_out = build_and_run([sys.executable, "-m", "compiler", "build", "-o",
                             str(work / "refgo.exe"), str(src)], work / "refgo.exe", None)
    if gc_out == ref_out:
        return gc_out.count(b"\n"), Counter(), []
    gc, ref = gc_out.decode().splitlines(), ref_out.decode().splitlines()
    assert len(gc) == len(ref), f"gc printed {len(gc)} lines, refgo {len(ref)}"
    bad: Counter[str] = Counter()
    examples = []
    for g, r in zip(gc, ref, strict=True):
        if g != r:
            name = g.split()[0]
            bad[name] += 1
            if bad[name] <= 3:
                examples.append(f"gc    {g}\nrefgo {r}")
    return len(gc), bad, examples


def check(n: int, work: Path) -> None:
    seed = int(os.environ.get("REFGO_MATHDIFF_SEED", "1"))
    count, bad, examples = compare(n, seed, work)
    print(f"mathdiff: {count} results compared, {sum(bad.values())} differ")
    assert not bad, (f"{sum(bad.values())} of {count} results differ from gc: "
                     f"{dict(bad)}\n" + "\n".join(examples[:30]))


def test_math_matches_gc(tmp_path: Path) -> None:
    check(int(os.environ.get("REFGO_MATHDIFF_N", "2000")), tmp_path)


@pytest.mark.fuzz
def test_math_matches_gc_fuzz(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    expr = str(request.config.option.markexpr or "")
    if "fuzz" not in expr or "not fuzz" in expr:
        pytest.skip("large differential run: use -m fuzz")
    check(50000, tmp_path)
