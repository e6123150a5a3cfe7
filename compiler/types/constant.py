"""Exact constant arithmetic for the checker.

Untyped and typed constants are held exactly: booleans as bool, integers (and runes) as
Python int, floats as fractions.Fraction, complex numbers as `Cx(re, im)` of Fractions,
strings as bytes. For

    const big = 1 << 100
    const x = big >> 98          // 4, exact

`binary_op("<<", 1, 100)` is the Python int 2**100 and nothing is rounded until a
constant meets a concrete type (`representable`, then `to_concrete` for the tree).
"""

from __future__ import annotations

import decimal
import math
import struct
from dataclasses import dataclass
from fractions import Fraction

from compiler.types.typ import Kind


@dataclass(frozen=True, slots=True)
class Huge:
    """An untyped float constant m·10**e whose exponent a Fraction cannot hold
    (|e| > _MAX_EXP, from a literal such as 1e646456992; gc keeps these as big.Floats).

    *, / and ± are exact on it (`Huge(1, 9e8) / Huge(1, 9e8-1)` is 10); everything else
    sees to_fraction's stand-in with the exponent clamped to ±_MAX_EXP, which still
    overflows every float type or rounds to 0. Valid only when |e| > _MAX_EXP and m != 0.
    """

    m: Fraction
    e: int


Value = bool | int | Fraction | bytes | Huge


@dataclass(frozen=True, slots=True)
class Cx:
    """An exact complex constant."""

    re: Fraction
    im: Fraction


CValue = Value | Cx

_INT_RANGES = {
    Kind.INT: (-(1 << 63), (1 << 63) - 1), Kind.INT8: (-128, 127),
    Kind.INT16: (-(1 << 15), (1 << 15) - 1), Kind.INT32: (-(1 << 31), (1 << 31) - 1),
    Kind.INT64: (-(1 << 63), (1 << 63) - 1), Kind.UINT: (0, (1 << 64) - 1),
    Kind.UINT8: (0, 255), Kind.UINT16: (0, (1 << 16) - 1), Kind.UINT32: (0, (1 << 32) - 1),
    Kind.UINT64: (0, (1 << 64) - 1), Kind.UINTPTR: (0, (1 << 64) - 1),
}

_F32_MAX = Fraction(struct.unpack("<f", b"\xff\xff\x7f\x7f")[0])
_F64_MAX = Fraction(1.7976931348623157e308)


def int_range(k: Kind) -> tuple[int, int]:
    """The inclusive value range of integer kind k."""
    return _INT_RANGES[k]


def to_fraction(v: CValue) -> Fraction:
    if isinstance(v, Cx):
        return v.re
    if isinstance(v, Huge):
        return v.m * Fraction(10) ** max(-_MAX_EXP, min(_MAX_EXP, v.e))
    if isinstance(v, bool) or isinstance(v, bytes):
        raise TypeError("not numeric")
    return Fraction(v)


def to_cx(v: CValue) -> Cx:
    if isinstance(v, Cx):
        return v
    return Cx(to_fraction(v), Fraction(0))


def square_underflows(v: Fraction) -> bool:
    """Whether v*v is 0 in gc's constant arithmetic: its big.Floats have int32 binary
    exponents, so a square below about 10**-646456993 underflows to 0 (a complex
    divisor whose parts both do is a division by zero: types2, issue 20227). Values that
    small reach refgo only as to_fraction's and parse_float_lit's stand-ins, clamped at
    10**-_MAX_EXP: anything within a few orders of magnitude of that counts."""
    return v == 0 or abs(v) < _TINY


def is_int_value(v: CValue) -> bool:
    """Whether numeric v has an exact integer value."""
    if isinstance(v, Cx):
        return v.im == 0 and v.re.denominator == 1
    if isinstance(v, Fraction):
        return v.denominator == 1
    if isinstance(v, Huge):
        return False  # as gc: such a value never converts to an integer (truncated)
    return isinstance(v, int) and not isinstance(v, bool)


def _round_f32(v: Fraction) -> Fraction:
    """v rounded once, to nearest-even, to float32's 24-bit significand (do NOT round
    through float64 first: max32 + ulp32/2 - tiny would tie and round up to 2**128)."""
    a = abs(v)
    if a == 0:
        return a
    e = a.numerator.bit_length() - a.denominator.bit_length()
    if Fraction(2) ** e > a:
        e -= 1
    q = Fraction(2) ** (max(e, -126) - 23)
    r = round(a / q) * q
    return r if v > 0 else -r


def round_float(v: Fraction, k: Kind) -> Fraction | None:
    """v rounded to float32/float64 (as an exact Fraction), or None if it overflows."""
    try:
        f = float(v)
    except OverflowError:
        return None
    if math.isinf(f):
        return None
    if k in (Kind.FLOAT32, Kind.COMPLEX64):
        r = _round_f32(v)
        return None if abs(r) > _F32_MAX else r
    return Fraction(f)


def representable(v: CValue, k: Kind) -> tuple[CValue | None, str]:
    """v converted to kind k exactly as Go allows for constants, or (None, reason) with
    reason "overflows" or "truncated" (or "" for a plain mismatch)."""
    if k in _INT_RANGES:
        if type(v) is int:  # the common case, without a Fraction's round trip
            iv = v
        elif isinstance(v, bool) or isinstance(v, bytes):
            return None, ""
        elif not is_int_value(v):
            return None, "truncated"
        else:
            iv = int(to_fraction(v))
        lo, hi = _INT_RANGES[k]
        if not lo <= iv <= hi:
            return None, "truncated" if isinstance(v, Fraction) else "overflows"
        return iv, ""
    if k in (Kind.FLOAT32, Kind.FLOAT64, Kind.UNTYPED_FLOAT):
        if isinstance(v, bool) or isinstance(v, bytes):
            return None, ""
        if isinstance(v, Cx) and v.im != 0:
            return None, "truncated"
        if k is Kind.UNTYPED_FLOAT:
            return (v, "") if isinstance(v, Huge) else (to_fraction(v), "")
        fv = to_fraction(v)
        r = round_float(fv, k)
        if r is None:
            return None, "overflows"
        return r, ""
    if k in (Kind.COMPLEX64, Kind.COMPLEX128, Kind.UNTYPED_COMPLEX):
        if isinstance(v, bool) or isinstance(v, bytes):
            return None, ""
        c = to_cx(v)
        if k is Kind.UNTYPED_COMPLEX:
            return c, ""
        re, im = round_float(c.re, k), round_float(c.im, k)
        if re is None or im is None:
            return None, "overflows"
        return Cx(re, im), ""
    if k in (Kind.UNTYPED_INT, Kind.UNTYPED_RUNE):
        if type(v) is int:
            return v, ""
        if isinstance(v, bool) or isinstance(v, bytes):
            return None, ""
        if not is_int_value(v):
            return None, "truncated"
        return int(to_fraction(v)), ""
    if k in (Kind.BOOL, Kind.UNTYPED_BOOL):
        return (v, "") if isinstance(v, bool) else (None, "")
    if k in (Kind.STRING, Kind.UNTYPED_STRING):
        return (v, "") if isinstance(v, bytes) else (None, "")
    return None, ""


def to_concrete(v: CValue) -> bool | int | float | complex | bytes:
    """The typed tree's representation of an already-representable constant."""
    if isinstance(v, Cx):
        return complex(float(v.re), float(v.im))
    if isinstance(v, Fraction):
        return float(v)
    if isinstance(v, Huge):
        return 0.0 if v.e < 0 else math.copysign(math.inf, v.m)
    return v


def wrap_int(v: int, k: Kind) -> int:
    """v reduced modulo the width of integer kind k (for typed non-constant folding)."""
    lo, hi = _INT_RANGES[k]
    span = hi - lo + 1
    return (v - lo) % span + lo


def binary_op(op: str, x: CValue, y: CValue, integer: bool) -> CValue:
    """x op y for arithmetic/bitwise ops; `integer` selects truncated division.

    Raises ZeroDivisionError for a zero divisor (the caller reports it)."""
    if isinstance(x, bytes) and isinstance(y, bytes):
        assert op == "+"
        return x + y
    if isinstance(x, bool) and isinstance(y, bool):
        return {"&&": x and y, "||": x or y}[op]
    if isinstance(x, Cx) or isinstance(y, Cx):
        return _cx_op(op, to_cx(x), to_cx(y))
    if (isinstance(x, Huge) or isinstance(y, Huge)) and not integer:
        return _huge_op(op, _split(x), _split(y))
    if integer:
        a, b = int(to_fraction(x)), int(to_fraction(y))
        match op:
            case "+":
                return a + b
            case "-":
                return a - b
            case "*":
                return a * b
            case "/":
                if b == 0:
                    raise ZeroDivisionError
                q = abs(a) // abs(b)
                return q if (a >= 0) == (b >= 0) else -q
            case "%":
                if b == 0:
                    raise ZeroDivisionError
                r = abs(a) % abs(b)
                return r if a >= 0 else -r
            case "&":
                return a & b
            case "|":
                return a | b
            case "^":
                return a ^ b
            case "&^":
                return a & ~b
    fa, fb = to_fraction(x), to_fraction(y)
    match op:
        case "+":
            return fa + fb
        case "-":
            return fa - fb
        case "*":
            return fa * fb
        case "/":
            if fb == 0:
                raise ZeroDivisionError
            return fa / fb
    raise ValueError(op)


def _huge(m: Fraction, e: int) -> Fraction | Huge:
    """m·10**e as a Fraction when its exponent allows, else as a Huge."""
    if m == 0:
        return Fraction(0)
    if abs(e) <= _MAX_EXP:
        return m * Fraction(10) ** e
    return Huge(m, e)


def _split(v: Value) -> tuple[Fraction, int]:
    """Numeric v as (m, e) with v = m·10**e."""
    if isinstance(v, Huge):
        return v.m, v.e
    return to_fraction(v), 0


_NEGLIGIBLE = 400
"""Decimal orders of magnitude beyond which the smaller addend is below gc's 512-bit
precision and is dropped."""


def _huge_op(op: str, x: tuple[Fraction, int], y: tuple[Fraction, int]) -> Value:
    """x op y for + - * / when an operand is a Huge (see Huge)."""
    (mx, ex), (my, ey) = x, y
    match op:
        case "*":
            return _huge(mx * my, ex + ey)
        case "/":
            if my == 0:
                raise ZeroDivisionError
            return _huge(mx / my, ex - ey)
        case "+" | "-":
            if op == "-":
                my = -my
            if mx == 0 or my != 0 and ey - ex > _NEGLIGIBLE:
                return _huge(my, ey)
            if my == 0 or ex - ey > _NEGLIGIBLE:
                return _huge(mx, ex)
            lo = min(ex, ey)
            return _huge(mx * Fraction(10) ** (ex - lo) + my * Fraction(10) ** (ey - lo), lo)
    raise ValueError(op)


def _cx_op(op: str, a: Cx, b: Cx) -> Cx:
    match op:
        case "+":
            return Cx(a.re + b.re, a.im + b.im)
        case "-":
            return Cx(a.re - b.re, a.im - b.im)
        case "*":
            return Cx(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
        case "/":
            d = b.re * b.re + b.im * b.im
            if d == 0:
                raise ZeroDivisionError
            return Cx((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d)
    raise ValueError(op)


def compare(op: str, x: CValue, y: CValue) -> bool:
    """x op y for ==, !=, <, <=, >, >= on constants of the same class."""
    if isinstance(x, Cx) or isinstance(y, Cx):
        eq = to_cx(x) == to_cx(y)
        return eq if op == "==" else not eq
    if isinstance(x, Huge) or isinstance(y, Huge):
        d = binary_op("-", x, y, False)
        sign = (d.m if isinstance(d, Huge) else to_fraction(d)).numerator
        return compare(op, sign, 0)
    a: object = x
    b: object = y
    if not isinstance(x, (bytes, bool)):
        a, b = to_fraction(x), to_fraction(y)
    match op:
        case "==":
            return a == b
        case "!=":
            return a != b
        case "<":
            return a < b  # type: ignore[operator]
        case "<=":
            return a <= b  # type: ignore[operator]
        case ">":
            return a > b  # type: ignore[operator]
        case ">=":
            return a >= b  # type: ignore[operator]
    raise ValueError(op)


def format_value(v: CValue) -> str:
    """How types2 prints a constant's value in messages (`3`, `"s"`, `true`, `1.5`)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, bytes):
        return '"' + v.decode("utf-8", "replace").replace("\\", "\\\\").replace(
            '"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'
    if isinstance(v, Cx):
        return f"({format_value(v.re)} + {format_value(v.im)}i)"
    if isinstance(v, Fraction):
        return _format_float(v)
    if isinstance(v, Huge):
        m = _format_float(v.m)
        mant, _, exp = m.partition("e")
        return f"{mant}e{v.e + int(exp or 0):+d}"
    return str(v)


def _format_float(v: Fraction) -> str:
    """Go's constant.Value String for floats: %.6g when in float64 range."""
    try:
        f = float(v)
    except OverflowError:
        f = math.inf
    if not math.isinf(f) and (f == 0) == (v == 0):
        s = f"{f:.6g}"
        if v.denominator != 1 and "." not in s and "e" not in s:
            s = f"{f:g}"
        return s
    with decimal.localcontext() as ctx:
        ctx.prec = 20
        ctx.Emax = decimal.MAX_EMAX
        ctx.Emin = decimal.MIN_EMIN
        d = decimal.Decimal(v.numerator) / decimal.Decimal(v.denominator)
        e = d.adjusted()
        m = float(d.scaleb(-e))
    return f"{m:.6g}e{e:+d}"


MAX_INT_BITS = 512
MAX_RAT_BITS = 100000
MAX_FLOAT_EXP2 = (1 << 31) - 1
"""gc's untyped floats are big.Floats: a binary exponent beyond this overflows."""


def overflows(v: CValue) -> bool:
    """Whether an untyped constant result is beyond what gc represents (`constant ...
    overflow`): integers wider than 512 bits, absurdly large rationals."""
    if isinstance(v, bool) or isinstance(v, bytes):
        return False
    if isinstance(v, int):
        return v.bit_length() > MAX_INT_BITS
    if isinstance(v, Fraction):
        return max(v.numerator.bit_length(), v.denominator.bit_length()) > MAX_RAT_BITS
    if isinstance(v, Huge):
        return v.e * math.log2(10) + math.log2(abs(v.m)) > MAX_FLOAT_EXP2
    return overflows(v.re) or overflows(v.im)


def parse_int_lit(text: str) -> int:
    """The value of a Go integer literal (any base, `_` separators)."""
    t = text.replace("_", "").lower()
    if t.startswith("0x"):
        return int(t[2:], 16)
    if t.startswith("0b"):
        return int(t[2:], 2)
    if t.startswith("0o"):
        return int(t[2:], 8)
    if len(t) > 1 and t.startswith("0"):
        return int(t, 8)
    return int(t)


def parse_float_const(text: str) -> Fraction | Huge:
    """The exact value of a Go floating-point literal, a Huge for decimal exponents
    beyond ±_MAX_EXP (hex literals are clamped, as in parse_float_lit)."""
    t = text.replace("_", "").lower()
    mant, _, exp = t.partition("e")
    if t.startswith("0x") or not exp or abs(int(exp)) <= _MAX_EXP:
        return parse_float_lit(text)
    ip, _, fp = mant.partition(".")
    return _huge(Fraction(int((ip + fp) or "0"), 10 ** len(fp)), int(exp))


def parse_float_lit(text: str) -> Fraction:
    """The exact value of a Go floating-point literal (decimal or hex)."""
    t = text.replace("_", "").lower()
    if t.startswith("0x"):
        body = t[2:]
        mant, _, exp = body.partition("p")
        ip, _, fp = mant.partition(".")
        digits = ip + fp
        m = Fraction(int(digits or "0", 16), 16 ** len(fp))
        e = max(-4 * _MAX_EXP, min(4 * _MAX_EXP, int(exp))) if exp else 0
        return m * (Fraction(2) ** e)
    mant, _, exp = t.partition("e")
    ip, _, fp = mant.partition(".")
    m = Fraction(int((ip + fp) or "0"), 10 ** len(fp))
    e = max(-_MAX_EXP, min(_MAX_EXP, int(exp))) if exp else 0
    return m * (Fraction(10) ** e)


_MAX_EXP = 20000
_TINY = Fraction(1, 10 ** (_MAX_EXP - 20))


_ESC = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92, "'": 39,
        '"': 34}


def unquote(text: str) -> bytes:
    """The bytes of a (lexically valid) Go string or rune literal's body."""
    if text.startswith("`"):
        return text[1:-1].replace("\r", "").encode("utf-8")
    body = text[1:-1] if len(text) >= 2 else ""
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\" or i + 1 >= len(body):
            out += c.encode("utf-8", "replace")
            i += 1
            continue
        e = body[i + 1]
        if e in _ESC:
            out.append(_ESC[e])
            i += 2
        elif e in "01234567":
            out.append(int(body[i + 1:i + 4], 8) & 0xFF)
            i += 4
        elif e == "x":
            out.append(int(body[i + 2:i + 4], 16))
            i += 4
        elif e in "uU":
            w = 4 if e == "u" else 8
            cp = int(body[i + 2:i + 2 + w], 16)
            out += chr(cp).encode("utf-8", "surrogatepass")
            i += 2 + w
        else:
            i += 2
    return bytes(out)


def rune_value(text: str) -> int:
    """The code point of a rune literal."""
    body = text[1:-1]
    if body.startswith("\\"):
        e = body[1:2]
        if e in ("x",) or e in "01234567" and e:
            return unquote(text)[0]
        if e in "uU":
            return int(body[2:], 16)
        return _ESC.get(e, 0)
    return ord(body[0]) if body else 0
