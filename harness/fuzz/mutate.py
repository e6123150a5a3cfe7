"""Mutant fuzzing of the checker: refgo must reject exactly what gc rejects, first error alike.

A mutant is a valid program with one small mistake put in it:

    >>> m = mutant(7)                      # deterministic: same index, same mutant
    >>> m.kind, m.line                     # doctest: +SKIP
    ('drop_return', 31)

Valid programs come from the program generator (harness.fuzz.gen, even indexes) and from
our own `run`/`compile` cases (odd indexes). One mutation is applied to each, chosen
with a random.Random seeded by the index:

- delete_token: one token goes (a paren, an operator, a name, a keyword);
- swap_ident: one use of a name becomes another name of the program;
- change_type: one type name becomes another (int → string, T0 → T2, ...);
- duplicate_decl: a declaration line (`var`, `const`, `type`, `x :=`) or a whole
  top-level function appears twice;
- drop_return: a `return` statement goes.

compare_checkers then compiles the mutant with gc (`go tool compile`) and with refgo
(`refgo compile -dump=types`: syntax and type checking, the phases that reject
programs) and compares whether each rejected it and, when both did, the first error's
line and message. Only the checker is compared: nothing is linked or run, so a mutant
that loops forever costs nothing.

    python -m harness.fuzz.mutate --count 2000 -j 2      # agreement figures, mismatches
    pytest -m fuzz tests/test_mutate.py                  # REFGO_FUZZ_MUTANTS of them
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from harness.fuzz.gen import generate
from harness.fuzz.run import find_go

CHECK_TIMEOUT = 120
REPO = Path(__file__).resolve().parents[2]
KINDS = ("delete_token", "swap_ident", "change_type", "duplicate_decl", "drop_return")

# Names the cases may use that a mutation can swap in: every type name of the language.
BASIC_TYPES = ("int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16",
               "uint32", "uint64", "uintptr", "float32", "float64", "complex64",
               "complex128", "string", "bool", "byte", "rune", "error", "any")
KEYWORDS = frozenset(
    "break case chan const continue default defer else fallthrough for func go goto if "
    "import interface map package range return select struct switch type var".split())

_TOKEN = re.compile(
    r"""(?P<ws>[ \t\r]+)
      | (?P<nl>\n)
      | (?P<comment>//[^\n]*|/\*.*?\*/)
      | (?P<raw>`[^`]*`)
      | (?P<str>"(?:[^"\\\n]|\\.)*")
      | (?P<rune>'(?:[^'\\\n]|\\.)*')
      | (?P<num>(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]*|[0-9][0-9_]*)
                (?:\.[0-9_]*)?(?:[eEpP][+-]?[0-9_]+)?i?|\.[0-9][0-9_]*(?:[eE][+-]?[0-9]+)?i?)
      | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<op>\.\.\.|<<=|>>=|&\^=|&&|\|\||<-|\+\+|--|==|!=|<=|>=|:=|\+=|-=|\*=|/=|%=
              |&=|\|=|\^=|<<|>>|&\^|[-+*/%&|^<>=!()\[\]{},;.:~])
      | (?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a Go source: its kind (a group name of _TOKEN), text, offset, line."""

    kind: str
    text: str
    off: int
    line: int


@dataclass(frozen=True, slots=True)
class Mutant:
    """A mutated program: where it came from, the mutation and the line it touched."""

    index: int
    origin: str
    kind: str
    line: int
    src: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """One compiler's answer: rejected or not, and its first error (line, message)."""

    rejected: bool
    line: int
    msg: str
    output: str


@dataclass(frozen=True, slots=True)
class Agreement:
    """gc's and refgo's verdicts on one mutant."""

    mutant: Mutant
    gc: Verdict
    refgo: Verdict

    @property
    def accept_same(self) -> bool:
        return self.gc.rejected == self.refgo.rejected

    @property
    def line_same(self) -> bool:
        return self.accept_same and (not self.gc.rejected or self.gc.line == self.refgo.line)

    @property
    def same(self) -> bool:
        return self.line_same and (not self.gc.rejected or self.gc.msg == self.refgo.msg)

    def describe(self) -> str:
        """Returns one line saying how refgo differs from gc (empty when it does not)."""
        m = self.mutant
        head = f"mutant {m.index} ({m.kind} at line {m.line} of {m.origin})"
        g, r = self.gc, self.refgo
        if not self.accept_same:
            if g.rejected:
                return f"{head}: gc rejects ({g.line}: {g.msg}), refgo accepts"
            return f"{head}: gc accepts, refgo rejects ({r.line}: {r.msg})"
        if self.same:
            return ""
        return f"{head}: first error gc {g.line}: {g.msg!r}; refgo {r.line}: {r.msg!r}"


def tokenize(src: str) -> list[Token]:
    """Splits src into tokens, dropping blanks and keeping newlines and comments."""
    out: list[Token] = []
    line = 1
    for m in _TOKEN.finditer(src):
        kind = m.lastgroup or "other"
        if kind != "ws":
            out.append(Token(kind, m.group(), m.start(), line))
        line += m.group().count("\n")
    return out


def _splice(src: str, tok: Token, text: str) -> str:
    return src[: tok.off] + text + src[tok.off + len(tok.text):]


def _body_tokens(toks: list[Token]) -> list[Token]:
    """The tokens after the package clause, not newlines or comments."""
    start = next((i for i, t in enumerate(toks) if t.text == "package"), 0) + 2
    return [t for t in toks[start:] if t.kind not in ("nl", "comment")]


def delete_token(src: str, rng: random.Random) -> tuple[str, int] | None:
    """Deletes one token."""
    toks = _body_tokens(tokenize(src))
    if not toks:
        return None
    t = rng.choice(toks)
    return _splice(src, t, ""), t.line


def swap_ident(src: str, rng: random.Random) -> tuple[str, int] | None:
    """Replaces one use of a name by another name the program uses."""
    toks = [t for t in _body_tokens(tokenize(src)) if t.kind == "ident" and t.text not in KEYWORDS]
    names = sorted({t.text for t in toks})
    if len(names) < 2:
        return None
    t = rng.choice(toks)
    other = rng.choice([n for n in names if n != t.text])
    return _splice(src, t, other), t.line


def _type_names(toks: list[Token]) -> list[str]:
    """The program's defined type names (the word after `type`)."""
    out = []
    for a, b in zip(toks, toks[1:], strict=False):
        if a.text == "type" and b.kind == "ident":
            out.append(b.text)
    return out


def change_type(src: str, rng: random.Random) -> tuple[str, int] | None:
    """Replaces one written type name by another type name."""
    toks = _body_tokens(tokenize(src))
    defined = _type_names(toks)
    pool = sorted(set(BASIC_TYPES) | set(defined))
    uses = [t for t in toks if t.kind == "ident" and t.text in pool]
    if not uses:
        return None
    t = rng.choice(uses)
    other = rng.choice([n for n in pool if n != t.text])
    return _splice(src, t, other), t.line


_DECL_LINE = re.compile(
    r"^\s*(?:var|const|type)\s+\w|^\s*[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*\s*:=")


def duplicate_decl(src: str, rng: random.Random) -> tuple[str, int] | None:
    """Repeats a one-line declaration, or a whole top-level function."""
    lines = src.split("\n")
    spots: list[tuple[int, int]] = []  # (first line, last line), 0-based inclusive
    for i, ln in enumerate(lines):
        if _DECL_LINE.match(ln) and not ln.rstrip().endswith(("(", "{", ",")):
            spots.append((i, i))
        elif ln.startswith("func ") and ln.rstrip().endswith("{"):
            end = next((j for j in range(i + 1, len(lines)) if lines[j] == "}"), None)
            if end is not None:
                spots.append((i, end))
    if not spots:
        return None
    a, b = rng.choice(spots)
    dup = lines[a: b + 1]
    return "\n".join(lines[: b + 1] + dup + lines[b + 1:]), b + 2


def drop_return(src: str, rng: random.Random) -> tuple[str, int] | None:
    """Deletes one return statement (the whole line)."""
    lines = src.split("\n")
    spots = [i for i, ln in enumerate(lines) if re.match(r"^\s*return\b", ln)
             and not ln.rstrip().endswith(("(", "{", ","))]
    if not spots:
        return None
    i = rng.choice(spots)
    return "\n".join(lines[:i] + [""] + lines[i + 1:]), i + 1


MUTATIONS: dict[str, Callable[[str, random.Random], tuple[str, int] | None]] = {
    "delete_token": delete_token,
    "swap_ident": swap_ident,
    "change_type": change_type,
    "duplicate_decl": duplicate_decl,
    "drop_return": drop_return,
}


@cache
def case_programs() -> tuple[Path, ...]:
    """Our own single-file `run` and `compile` cases, which gc accepts: sorted paths."""
    out = []
    for p in sorted((REPO / "cases").rglob("*.go")):
        if ".dir" in p.parent.name or p.name.endswith("_test.go"):
            continue
        head = p.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
        if re.fullmatch(r"// (run|compile)\s*", head) and "//go:build" not in p.read_text():
            out.append(p)
    return tuple(out)


def mutant(index: int, base: int = 0) -> Mutant:
    """Returns mutant number index of the series starting at seed base."""
    seed = base + index
    rng = random.Random(seed * 7919 + 17)
    cases = case_programs()
    if index % 2 == 0 or not cases:
        origin, src = f"generate({seed})", generate(seed)
    else:
        path = cases[rng.randrange(len(cases))]
        origin, src = str(path.relative_to(REPO)), path.read_text(encoding="utf-8")
    kinds = list(KINDS)
    rng.shuffle(kinds)
    for kind in kinds:
        got = MUTATIONS[kind](src, rng)
        if got is not None and got[0] != src:
            return Mutant(index, origin, kind, got[1], got[0])
    return Mutant(index, origin, "none", 0, src)


_ERROR_LINE = re.compile(r"^(?:\./)?[^:\s]+\.go:(\d+)(?::\d+)?: (.*)$")


def first_error(output: str) -> tuple[int, str]:
    """Returns the line and message of the first `file.go:L:C: msg` line of output."""
    for ln in output.splitlines():
        m = _ERROR_LINE.match(ln)
        if m:
            return int(m.group(1)), m.group(2)
    return 0, output.strip().splitlines()[0] if output.strip() else ""


def _verdict(argv: Sequence[str], cwd: Path, env: dict[str, str] | None) -> Verdict:
    try:
        p = subprocess.run(list(argv), cwd=cwd, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=CHECK_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return Verdict(True, 0, f"timed out after {CHECK_TIMEOUT}s", "")
    out = p.stdout.decode("utf-8", "replace")
    if p.returncode == 0:
        return Verdict(False, 0, "", out)
    line, msg = first_error(out)
    if p.returncode not in (1, 2):
        msg = f"exit {p.returncode}: {msg}"
    return Verdict(True, line, msg, out)


def check_gc(file: Path) -> Verdict:
    """gc's verdict on file (`go tool compile`, no link)."""
    go = find_go() or "go"
    env = dict(os.environ, GO111MODULE="off", GOFLAGS="")
    return _verdict([go, "tool", "compile", "-p", "main", "-o", "gc.o", file.name],
                    file.parent, env)


def check_refgo(file: Path) -> Verdict:
    """refgo's verdict on file: its syntax and type checking phases (`-dump=types`).

    The compiler is imported once and each check runs `refgo compile` in a forked
    child with its own stdout and stderr, so a check costs no interpreter start-up
    (which is most of a small program's compile) and no state survives between checks.
    """
    from compiler.cli import main as refgo_main  # noqa: PLC0415 - harness imports it lazily

    out = file.parent / "refgo.out"
    pid = os.fork()
    if pid == 0:  # child
        code = 3
        try:
            fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            # Under pytest sys.stdout and sys.stderr are capture objects, not fds 1, 2.
            sys.stdout = sys.stderr = open(fd, "w", encoding="utf-8", closefd=False)
            os.chdir(file.parent)
            signal.alarm(CHECK_TIMEOUT)
            code = refgo_main(["compile", "-dump=types", file.name])
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:  # noqa: BLE001 - the child reports, never returns
            code = 4
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    text = out.read_text(encoding="utf-8", errors="replace")
    if code == 0:
        return Verdict(False, 0, "", text)
    line, msg = first_error(text)
    if code not in (1, 2):
        msg = f"exit {code}: {msg}"
    return Verdict(True, line, msg, text)


def compare_checkers(m: Mutant, work: Path) -> Agreement:
    """Checks mutant m with both compilers in directory work."""
    work.mkdir(parents=True, exist_ok=True)
    f = work / "mutant.go"
    f.write_text(m.src, encoding="utf-8")
    return Agreement(m, check_gc(f), check_refgo(f))


@dataclass(frozen=True, slots=True)
class Figures:
    """Agreement over a series of mutants."""

    total: int
    rejected_by_gc: int
    accept_same: int
    line_same: int
    msg_same: int
    both_rejected: int
    both_line_same: int

    def lines(self) -> list[str]:
        """The figures as report lines."""
        def pct(n: int, d: int) -> str:
            return f"{n}/{d} ({100.0 * n / d:.1f}%)" if d else "0/0"
        return [
            f"mutants: {self.total}, rejected by gc: {self.rejected_by_gc}",
            f"accept/reject agree: {pct(self.accept_same, self.total)}",
            f"first-error line agrees (all mutants): {pct(self.line_same, self.total)}",
            f"first-error line agrees (both reject): "
            f"{pct(self.both_line_same, self.both_rejected)}",
            f"first-error line and message agree: {pct(self.msg_same, self.total)}",
        ]


def figures(results: Sequence[Agreement]) -> Figures:
    """Counts the agreements in results."""
    both = [r for r in results if r.gc.rejected and r.refgo.rejected]
    return Figures(
        total=len(results),
        rejected_by_gc=sum(r.gc.rejected for r in results),
        accept_same=sum(r.accept_same for r in results),
        line_same=sum(r.line_same for r in results),
        msg_same=sum(r.same for r in results),
        both_rejected=len(both),
        both_line_same=sum(r.line_same for r in both),
    )


def _one(index: int, base: int, work: Path) -> Agreement:
    return compare_checkers(mutant(index, base), work)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m harness.fuzz.mutate",
                                 description="Compare refgo's and gc's checkers on mutants.")
    ap.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    ap.add_argument("--count", type=int, default=200, help="number of mutants")
    ap.add_argument("-j", type=int, default=2, help="mutants checked at once")
    ap.add_argument("--print", action="store_true", help="print mutant SEED and stop")
    ap.add_argument("--out", type=Path, default=REPO / "out" / "mutants",
                    help="where disagreeing mutants are saved")
    args = ap.parse_args(argv)
    if args.print:
        sys.stdout.write(mutant(0, args.seed).src)
        return 0
    with tempfile.TemporaryDirectory(prefix="refgo-mutants-") as tmp:
        jobs = [(i, args.seed, Path(tmp) / str(i)) for i in range(args.count)]
        with multiprocessing.get_context("fork").Pool(args.j) as pool:
            results = pool.starmap(_one, jobs, chunksize=4)
    bad = [r for r in results if not r.same]
    args.out.mkdir(parents=True, exist_ok=True)
    for r in bad:
        print(r.describe())
        (args.out / f"mutant-{args.seed + r.mutant.index}.go").write_text(r.mutant.src)
    kinds: Counter[str] = Counter(r.mutant.kind for r in bad)
    for line in figures(results).lines():
        print(line)
    print("disagreements by mutation:", dict(sorted(kinds.items())))
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main())
