"""Build constraints: the one parser and evaluator of `//go:build` and `// +build` lines.

A constraint line is a boolean expression over build tags. This module is pure: it
parses lines into `Expr` trees and evaluates them with a `match` callback that decides
each tag. Two callers with different rules sit on top of it:

- the compiler (`driver.py`'s library loader, `gotest.py`'s package loader) uses
  `file_ok`, go/build's rules: only the leading comment block counts; a `//go:build`
  line, if present, controls and `// +build` lines are then ignored; otherwise every
  `// +build` line before the block's last blank line must hold. Tags are refgo's:
  `match_refgo` (REFGO_TAGS: `refgo`, `linux`, `amd64`, `unix`, release tags
  `go1.1`…`go1.19`; NOT `gc`, which names gc's toolchain, nor `cgo`). Library files
  pick sides with `//go:build refgo` and `//go:build !refgo` (the gc twin).
- the harness (`harness/constraints.py`) uses `exclusion`, test/run.go's rules: every
  constraint line before `package ` must hold, with run.go's own tag matcher.

Example:

    >>> file_ok("//go:build refgo && !windows\\n\\npackage os\\n")
    True
    >>> file_ok("// +build gc\\n\\npackage os\\n")
    False
    >>> parse_line("// +build a,!b c")
    Or(x=And(x=Tag(name='a'), y=Not(x=Tag(name='b'))), y=Tag(name='c'))

File name constraints (`x_linux.go`, `x_arm64_test.go`) are `name_ok`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

GOOS = "linux"
GOARCH = "amd64"
REFGO_TAGS = frozenset({"refgo", GOOS, GOARCH, "unix", *(f"go1.{i}" for i in range(1, 20))})

KNOWN_OS = frozenset({"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos",
                      "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris",
                      "windows", "zos"})
KNOWN_ARCH = frozenset({"386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be",
                        "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32",
                        "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390",
                        "s390x", "sparc", "sparc64", "wasm"})


class ConstraintError(Exception):
    """A constraint that does not parse; args are (line_number, message)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(line, message)
        self.line = line
        self.message = message


@dataclass(frozen=True, slots=True)
class Tag:
    """A single build tag, true when the configuration matches it."""

    name: str


@dataclass(frozen=True, slots=True)
class Not:
    """Negation of an expression."""

    x: Expr


@dataclass(frozen=True, slots=True)
class And:
    """Conjunction of two expressions."""

    x: Expr
    y: Expr


@dataclass(frozen=True, slots=True)
class Or:
    """Disjunction of two expressions."""

    x: Expr
    y: Expr


Expr = Tag | Not | And | Or


def _is_tag_char(c: str) -> bool:
    return c.isalnum() or c in "_."


def valid_tag(word: str) -> bool:
    """Reports whether word is a well-formed build tag (letters, digits, `_`, `.`)."""
    return word != "" and all(_is_tag_char(c) for c in word)


def _split_go_build(line: str) -> str | None:
    """Returns the expression text of a `//go:build` line, or None if it is not one."""
    if not line.startswith("//go:build"):
        return None
    rest = line.strip()[len("//go:build") :]
    trimmed = rest.strip()
    if rest != "" and len(rest) == len(trimmed):
        return None
    return trimmed


def _split_plus_build(line: str) -> str | None:
    """Returns the expression text of a `// +build` line, or None if it is not one."""
    if not line.startswith("//"):
        return None
    rest = line[2:].strip()
    if not rest.startswith("+build"):
        return None
    rest = rest[len("+build") :]
    trimmed = rest.strip()
    if rest != "" and len(rest) == len(trimmed):
        return None
    return trimmed


def is_go_build(line: str) -> bool:
    """Reports whether line (already stripped) is a `//go:build` line."""
    return _split_go_build(line) is not None


def _parse_plus_build(text: str) -> Expr:
    """Parses `// +build` text: space-separated OR of comma-separated AND of [!]tag."""
    result: Expr | None = None
    for clause in text.split():
        conj: Expr | None = None
        for lit in clause.split(","):
            term: Expr
            if lit.startswith("!!") or lit == "!":
                term = Tag("ignore")
            else:
                negated = lit.startswith("!")
                name = lit[1:] if negated else lit
                term = Tag(name) if valid_tag(name) else Tag("ignore")
                if negated:
                    term = Not(term)
            conj = term if conj is None else And(conj, term)
        assert conj is not None
        result = conj if result is None else Or(result, conj)
    return Tag("ignore") if result is None else result


def _tokens(text: str, lineno: int) -> Iterator[str]:
    """Splits a `//go:build` expression into tokens: ( ) ! && || and tags."""
    i = 0
    while i < len(text):
        c = text[i]
        if c in " \t":
            i += 1
        elif c in "()!":
            yield c
            i += 1
        elif text.startswith("&&", i) or text.startswith("||", i):
            yield text[i : i + 2]
            i += 2
        elif _is_tag_char(c):
            j = i
            while j < len(text) and _is_tag_char(text[j]):
                j += 1
            yield text[i:j]
            i = j
        else:
            raise ConstraintError(lineno, f"invalid syntax at {c!r} in //go:build expression")


class _GoBuildParser:
    """Recursive-descent parser for `//go:build` expressions (|| binds loosest)."""

    def __init__(self, text: str, lineno: int) -> None:
        self.toks = list(_tokens(text, lineno))
        self.pos = 0
        self.lineno = lineno

    def fail(self, what: str) -> ConstraintError:
        return ConstraintError(self.lineno, f"invalid //go:build expression: {what}")

    def peek(self) -> str | None:
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def take(self) -> str:
        tok = self.peek()
        if tok is None:
            raise self.fail("unexpected end of expression")
        self.pos += 1
        return tok

    def parse(self) -> Expr:
        if not self.toks:
            raise self.fail("empty expression")
        x = self.or_expr()
        if self.peek() is not None:
            raise self.fail(f"unexpected {self.peek()!r}")
        return x

    def or_expr(self) -> Expr:
        x = self.and_expr()
        while self.peek() == "||":
            self.take()
            x = Or(x, self.and_expr())
        return x

    def and_expr(self) -> Expr:
        x = self.not_expr()
        while self.peek() == "&&":
            self.take()
            x = And(x, self.not_expr())
        return x

    def not_expr(self) -> Expr:
        if self.peek() == "!":
            self.take()
            if self.peek() == "!":
                raise self.fail("double negation not allowed")
            return Not(self.atom())
        return self.atom()

    def atom(self) -> Expr:
        tok = self.take()
        if tok == "(":
            x = self.or_expr()
            if self.peek() != ")":
                raise self.fail("missing )")
            self.take()
            return x
        if tok in (")", "&&", "||", "!"):
            raise self.fail(f"unexpected {tok!r}")
        return Tag(tok)


def parse_line(line: str, lineno: int = 0) -> Expr | None:
    """Parses one source line as a build constraint; None if the line is not one.

    Raises ConstraintError for a `//go:build` line whose expression is malformed.
    A malformed `// +build` term becomes the tag `ignore` (never satisfied), as in Go.
    """
    go_build = _split_go_build(line)
    if go_build is not None:
        return _GoBuildParser(go_build, lineno).parse()
    plus = _split_plus_build(line)
    if plus is not None:
        return _parse_plus_build(plus)
    return None


def match_refgo(name: str) -> bool:
    """Reports whether build tag `name` holds when refgo builds a package (REFGO_TAGS)."""
    return name in REFGO_TAGS


def evaluate(x: Expr, match: Callable[[str], bool] = match_refgo) -> bool:
    """Evaluates a constraint expression with `match` deciding each tag."""
    match x:
        case Tag(name):
            return match(name)
        case Not(y):
            return not evaluate(y, match)
        case And(a, b):
            return evaluate(a, match) and evaluate(b, match)
        case Or(a, b):
            return evaluate(a, match) or evaluate(b, match)


def exclusion(src: str, match: Callable[[str], bool]) -> str | None:
    """Returns the first constraint line of `src`'s header that excludes the file, else None.

    run.go's rules: the header is every line before the first line starting with
    `package `, and every constraint line in it must hold.
    """
    for i, line in enumerate(src.split("\n")):
        if line.startswith("package "):
            break
        expr = parse_line(line, i + 1)
        if expr is not None and not evaluate(expr, match):
            return line
    return None


@dataclass(frozen=True, slots=True)
class _Header:
    """A file's leading comment block as go/build sees it.

    plus_lines are the (line number, text) pairs before the block's last blank line
    (only they may hold `// +build`); go_build is the one `//go:build` line, if any.
    """

    plus_lines: tuple[tuple[int, str], ...]
    go_build: tuple[int, str] | None


def _header(src: str) -> _Header:
    """Splits off src's leading run of blank lines and comments (go/build's parseFileHeader).

    Raises ConstraintError on a second `//go:build` line.
    """
    lines: list[tuple[int, str]] = []
    end = 0
    go_build: tuple[int, str] | None = None
    in_star = False
    for i, raw in enumerate(src.split("\n")):
        line = raw.strip()
        if line == "" and not in_star:
            end = len(lines)
            continue
        if not in_star and is_go_build(line):
            if go_build is not None:
                raise ConstraintError(i + 1, "multiple //go:build comments")
            go_build = (i + 1, line)
        lines.append((i + 1, line))
        rest = line
        while rest:
            if in_star:
                k = rest.find("*/")
                if k < 0:
                    rest = ""
                    break
                in_star = False
                rest = rest[k + 2 :].strip()
            elif rest.startswith("//"):
                rest = ""
            elif rest.startswith("/*"):
                in_star = True
                rest = rest[2:]
            else:
                return _Header(tuple(lines[:end]), go_build)
    return _Header(tuple(lines[:end]), go_build)


def file_ok(src: str, match: Callable[[str], bool] = match_refgo) -> bool:
    """Reports whether a Go file's build constraints hold, by go/build's rules.

    Raises ConstraintError (message `parsing //go:build line: ...` or `multiple
    //go:build comments`) for a malformed `//go:build` line, as `go build` refuses it.
    """
    head = _header(src)
    if head.go_build is not None:
        lineno, line = head.go_build
        try:
            expr = parse_line(line, lineno)
        except ConstraintError as err:
            what = err.message.removeprefix("invalid //go:build expression: ")
            raise ConstraintError(lineno, f"parsing //go:build line: {what}") from None
        assert expr is not None
        return evaluate(expr, match)
    for _, line in head.plus_lines:
        plus = _split_plus_build(line)
        if plus is not None and not evaluate(_parse_plus_build(plus), match):
            return False
    return True


def name_ok(name: str, goos: str = GOOS, goarch: str = GOARCH) -> bool:
    """Reports whether a file name's `_GOOS`, `_GOARCH`, `_GOOS_GOARCH` suffixes (before
    `.go` / `_test.go`) allow goos/goarch; a name's first element never counts."""
    stem = name.removesuffix(".go").removesuffix("_test")
    parts = stem.split("_")[1:]
    if parts and parts[-1] in KNOWN_ARCH:
        if parts[-1] != goarch:
            return False
        parts = parts[:-1]
    if parts and parts[-1] in KNOWN_OS:
        return parts[-1] == goos
    return True
