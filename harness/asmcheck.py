"""asmcheck: regexps in comments checked against the compiler's `-S` listing (run.go 1.19).

A check comment names an architecture and a list of quoted regexps, `-` for
"must not appear":

    func f(x int) int {
        // amd64:"leaq\t\\(%rax,%rax,2\\)",-"imulq"
        return x * 3
    }

The comment applies to the next line with code (here line 4) — or to its own
line when it trails code. Each regexp is anchored at the start of the
instruction text and tried against every instruction the listing attributes
to that source line. Both listing formats are read by one regexp:

    gc:     \t0x0012 00018 (/abs/f.go:4)\tLEAQ\t(AX)(AX*2), AX
    refgo:  \t00007 (f.go:4)\tleaq\t(%rax,%rax,2), %rax

Functions start at column 0 (`main.f STEXT ...`); a failing check's report
shows that function's listing. Architectures other than amd64 are parsed (an
unknown one is an error, as in run.go) and their checks ignored unless the
caller asks for their build environment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from harness.directives import DirectiveError
from harness.errorcheck import compile_go_regexp
from harness.goquote import go_quote, go_unquote

_CHECK = r"""-?(?:`[^`]*`|"(?:[^"\\]|\\.)*")"""
_COMMENT_RX = re.compile(r"^\s*(.*?)\s*(?://\s*(.+)\s*)?$")
_PLATFORM_RX = re.compile(r"(\w+)(/\w+)?(/\w*)?\s*:\s*(" + _CHECK + r"(?:\s*,\s*" + _CHECK + r")*)")
_CHECK_RX = re.compile(_CHECK)
_LISTING_RX = re.compile(r"\((?P<file>[^()\t]*?):(?P<line>\d+)\)\s+(?P<asm>.*)")

# GOARCH -> (variant environment variable, variants...), as run.go lists them.
ARCH_VARIANTS: dict[str, tuple[str, ...]] = {
    "386": ("GO386", "sse2", "softfloat"),
    "amd64": ("GOAMD64", "v1", "v2", "v3", "v4"),
    "arm": ("GOARM", "5", "6", "7"),
    "arm64": (),
    "loong64": (),
    "mips": ("GOMIPS", "hardfloat", "softfloat"),
    "mips64": ("GOMIPS64", "hardfloat", "softfloat"),
    "ppc64": ("GOPPC64", "power8", "power9"),
    "ppc64le": ("GOPPC64", "power8", "power9"),
    "s390x": (),
    "wasm": (),
    "riscv64": (),
}

BASELINE_ENV = "linux/amd64/v1"


def env_vars(env: str) -> dict[str, str]:
    """Returns the environment of a build triplet: linux/amd64/v3 -> GOOS, GOARCH, GOAMD64."""
    goos, goarch, variant = env.split("/")
    out = {"GOOS": goos, "GOARCH": goarch}
    if variant:
        out[ARCH_VARIANTS[goarch][0]] = variant
    return out


@dataclass(frozen=True, slots=True)
class AsmCheck:
    """One opcode regexp (already anchored with ^) for one source line in one build env."""

    line: int
    env: str
    pattern: str
    negative: bool
    regexp: Any = field(compare=False, repr=False)


def _envs(spec: tuple[str, str, str], lineno: int) -> list[str]:
    """Expands an `arch`, `arch/variant` or `os/arch/variant` spec into build triplets."""
    first, second, third = spec
    if third:
        goos, arch, sub = first, second[1:], third[1:]
    elif second:
        goos, arch, sub = "linux", first, second[1:]
    else:
        goos, arch, sub = ("js" if first == "wasm" else "linux"), first, ""
    if arch not in ARCH_VARIANTS:
        raise DirectiveError(lineno, f"unsupported architecture: {arch}")
    if sub:
        return [f"{goos}/{arch}/{sub}"]
    variants = ARCH_VARIANTS[arch][1:]
    if not variants:
        return [f"{goos}/{arch}/"]
    return [f"{goos}/{arch}/{v}" for v in variants]


def parse_checks(src: str) -> tuple[AsmCheck, ...]:
    """Extracts all asmcheck comments of src; raises DirectiveError on a bad check."""
    out: list[AsmCheck] = []
    comment = ""
    for i, line in enumerate(src.split("\n")):
        m = _COMMENT_RX.match(line)
        code, cmt = (m.group(1), m.group(2) or "") if m else (line, "")
        comment += " " + cmt
        if code == "":
            continue
        lineno = i + 1
        for pm in _PLATFORM_RX.finditer(comment):
            envs = _envs((pm.group(1), pm.group(2) or "", pm.group(3) or ""), lineno)
            for lit in _CHECK_RX.findall(pm.group(4)):
                negative = lit.startswith("-")
                try:
                    rxsrc = go_unquote(lit[1:] if negative else lit)
                except ValueError:
                    raise DirectiveError(lineno, f"error unquoting string {lit}") from None
                try:
                    compiled = compile_go_regexp("^" + rxsrc)
                except ValueError as err:
                    msg = f"invalid regexp {go_quote(rxsrc)}: {err}"
                    raise DirectiveError(lineno, msg) from None
                out.extend(AsmCheck(lineno, env, "^" + rxsrc, negative, compiled) for env in envs)
        comment = ""
    return tuple(out)


def check_envs(checks: Sequence[AsmCheck]) -> list[str]:
    """Returns the sorted build environments that have at least one check."""
    return sorted({c.env for c in checks})


@dataclass(frozen=True, slots=True)
class Instruction:
    """One listing line attributed to the case file: its source line, text and function."""

    line: int
    asm: str
    function: int


@dataclass(frozen=True, slots=True)
class Listing:
    """A parsed `-S` listing: the functions' raw text and the case file's instructions."""

    functions: tuple[str, ...]
    instructions: tuple[Instruction, ...]


def parse_listing(output: str, full: str, short: str) -> Listing:
    """Parses gc or refgo `-S` output, keeping instructions of the file full (or short)."""
    functions: list[list[str]] = [[]]
    insts: list[Instruction] = []
    for line in output.split("\n"):
        if line and line[0] != "\t":
            functions.append([])
        functions[-1].append(line)
        m = _LISTING_RX.search(line)
        if m is None or m.group("file") not in (full, short):
            continue
        insts.append(Instruction(int(m.group("line")), m.group("asm"), len(functions) - 1))
    return Listing(tuple("\n".join(f) for f in functions), tuple(insts))


def check_listing(listing: Listing, checks: Sequence[AsmCheck], env: str, short: str) -> list[str]:
    """Runs the checks of build env against listing; returns run.go-style failure lines.

    After the failure lines come the listings of the functions involved.
    """
    mine = [c for c in checks if c.env == env]
    found = [False] * len(mine)
    func_of_line: dict[int, int] = {}
    for inst in listing.instructions:
        func_of_line[inst.line] = inst.function
        for k, c in enumerate(mine):
            if not found[k] and c.line == inst.line:
                m = c.regexp.search(inst.asm)
                found[k] = m is not None and m.group(0) != ""
    failed = sorted((c for k, c in enumerate(mine) if c.negative == found[k]), key=lambda c: c.line)
    errs: list[str] = []
    dumps: list[str] = []
    last = -1
    for c in failed:
        what = "wrong opcode found" if c.negative else "opcode not found"
        errs.append(f"{short}:{c.line}: {env}: {what}: {go_quote(c.pattern)}")
        fn = func_of_line.get(c.line)
        if fn is None:
            dumps.append(f"(the listing attributes no instructions to {short}:{c.line})")
        elif fn != 0 and fn != last:
            dumps.append(listing.functions[fn])
            last = fn
    if not errs:
        return []
    return errs + ([""] + dumps if dumps else [])
