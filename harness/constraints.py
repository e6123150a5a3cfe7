"""Build constraints (`//go:build`, `// +build`) evaluated the way Go 1.19's test/run.go does.

A case file may carry build-constraint lines anywhere in its header before the
`package` clause. Each such line is one boolean expression over build tags; every
expression must hold for the case to run. run.go evaluates them for one fixed
configuration, and so do we: linux/amd64, the gc toolchain, cgo off, and the
GOEXPERIMENT tags Go 1.19 enables by default on amd64. Release tags such as
`go1.18` and `unix` do NOT match: run.go's matcher does not know them.

Example:

    >>> exclusion("// run\\n\\n//go:build linux && !cgo\\n\\npackage main\\n")
    >>> exclusion("// +build arm 386\\n// run\\n\\npackage main\\n")
    '// +build arm 386'

The first call returns None (the file runs); the second returns the line that
excludes it, which the plugin reports as the skip reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

GOOS = "linux"
GOARCH = "amd64"
TOOL_TAGS = frozenset({"goexperiment.regabiwrappers", "goexperiment.regabiargs"})


class ConstraintError(Exception):
    """A `//go:build` line that does not parse; args are (line_number, message)."""

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


def _valid_tag(word: str) -> bool:
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
                term = Tag(name) if _valid_tag(name) else Tag("ignore")
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

    Raises ConstraintError for a `//go:build` line whose expression is malformed
    (run.go silently ignores such lines; we refuse them so typos are noticed).
    """
    go_build = _split_go_build(line)
    if go_build is not None:
        return _GoBuildParser(go_build, lineno).parse()
    plus = _split_plus_build(line)
    if plus is not None:
        return _parse_plus_build(plus)
    return None


def match_tag(name: str) -> bool:
    """Reports whether build tag `name` is satisfied on linux/amd64 gc, cgo off (run.go 1.19)."""
    if not _valid_tag(name):
        return False
    if name.startswith("goexperiment."):
        return name in TOOL_TAGS
    return name in (GOOS, GOARCH, "gc", "test_run")


def evaluate(x: Expr, match: Callable[[str], bool] = match_tag) -> bool:
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


def exclusion(src: str, match: Callable[[str], bool] = match_tag) -> str | None:
    """Returns the first constraint line of `src`'s header that excludes the file, else None.

    The header is every line before the first line starting with `package `,
    as in run.go's shouldTest.
    """
    for i, line in enumerate(src.split("\n")):
        if line.startswith("package "):
            break
        expr = parse_line(line, i + 1)
        if expr is not None and not evaluate(expr, match):
            return line
    return None
