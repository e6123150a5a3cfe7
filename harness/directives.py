"""Parsing of a case file's header into a typed directive, following Go 1.19's test/run.go.

A case is a Go file whose first header line (after any build-constraint lines)
is a `//` comment naming an action, ended by a blank line:

    // errorcheck -0 -m -t 20
    // refgo-only: -m wording differs from gc

    package p

parse_header turns that text into

    CaseHeader(keyword="errorcheck", line=1, excluded=None,
               refgo_only="-m wording differs from gc",
               directive=Directive(keyword="errorcheck", action="errorcheck",
                                   flags=("-m",), args=(), want_error=False,
                                   want_auto=False, timeout=20, ...))

Flags are run.go's: `-0` must compile, `-1` must fail, `-s` one package per
file, `-t N` a timeout in seconds, `-goexperiment X`; any other leading `-flag`
goes to the compiler, and the words after the flags are program arguments.
Everything here is pure: text in, a record or a DirectiveError out.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from harness import constraints

# Actions run.go 1.19 knows, plus refgo's `test`.
KNOWN_ACTIONS = frozenset(
    {
        "compile",
        "compiledir",
        "build",
        "builddir",
        "buildrundir",
        "run",
        "buildrun",
        "runoutput",
        "rundir",
        "runindir",
        "asmcheck",
        "errorcheckandrundir",
        "errorcheckwithauto",
        "errorcheck",
        "errorcheckdir",
        "errorcheckoutput",
        "skip",
        "test",
    }
)

_WANT_ERROR = frozenset({"errorcheck", "errorcheckwithauto", "errorcheckdir", "errorcheckoutput"})
_DIRECTIVE_WORD = re.compile(r"[a-z][a-z0-9]*")
_REFGO_ONLY = re.compile(r"//\s*refgo-only:(.*)")
_SECONDS = re.compile(r"[0-9]+")


class DirectiveError(Exception):
    """A malformed case header: `line` is 1-based within the case file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(line, message)
        self.line = line
        self.message = message

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class Directive:
    """The action line of a case, with run.go's flag handling applied.

    keyword is the word as written (`errorcheckwithauto`); action is run.go's
    canonical name for it (`errorcheck`). timeout is None when no `-t` was given.
    """

    keyword: str
    action: str
    line: int
    flags: tuple[str, ...]
    args: tuple[str, ...]
    want_error: bool
    want_auto: bool
    single_file_pkgs: bool
    timeout: int | None
    goexperiment: str | None


@dataclass(frozen=True, slots=True)
class CaseHeader:
    """Everything the header of a case says.

    directive is None exactly when excluded is set (run.go checks build
    constraints before it looks at the flags, so an excluded file's flags are
    never validated).
    """

    keyword: str
    line: int
    directive: Directive | None
    excluded: str | None
    refgo_only: str | None


def split_quoted(s: str) -> list[str]:
    """Splits s at runs of white space, honouring '...' and "..." quoting and backslash escapes.

    Raises ValueError for an unclosed quote or a trailing backslash.
    """
    args: list[str] = []
    cur: list[str] = []
    escaped = quoted = False
    quote = ""
    for c in s:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
            continue
        elif quote:
            if c == quote:
                quote = ""
                continue
        elif c in "\"'":
            quoted = True
            quote = c
            continue
        elif c.isspace():
            if quoted or cur:
                quoted = False
                args.append("".join(cur))
                cur = []
            continue
        cur.append(c)
    if quoted or cur:
        args.append("".join(cur))
    if quote:
        raise ValueError("unclosed quote")
    if escaped:
        raise ValueError("unfinished escaping")
    return args


def _is_constraint(line: str, lineno: int) -> bool:
    try:
        return constraints.parse_line(line, lineno) is not None
    except constraints.ConstraintError:
        return True


def _directive_line(lines: list[str]) -> int | None:
    """Returns the index of the directive line: the first line that is not a constraint."""
    for i, line in enumerate(lines):
        if line.strip() == "":
            return None
        if not _is_constraint(line, i + 1):
            return i
    return None


def _looks_like_directive(words: list[str]) -> bool:
    """Reports whether an unknown first header word was probably meant as a directive."""
    if not words:
        return False
    word = words[0]
    if difflib.get_close_matches(word, KNOWN_ACTIONS, n=1, cutoff=0.8):
        return True
    if not _DIRECTIVE_WORD.fullmatch(word):
        return False
    return len(words) == 1 or words[1].startswith("-")


def _unknown(word: str, line: int) -> DirectiveError:
    """Returns the error for an unknown directive, suggesting the nearest known one."""
    close = difflib.get_close_matches(word, sorted(KNOWN_ACTIONS), n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return DirectiveError(line, f"unknown directive {word!r}{hint}")


def parse_directive(keyword: str, words: list[str], line: int) -> Directive:
    """Applies run.go's flag rules to the words after the action keyword."""
    action = "errorcheck" if keyword == "errorcheckwithauto" else keyword
    want_error = keyword in _WANT_ERROR
    single = False
    timeout: int | None = None
    goexp: str | None = None
    flags: list[str] = []
    i = 0
    while i < len(words) and words[i].startswith("-"):
        w = words[i]
        if w == "-1":
            want_error = True
        elif w == "-0":
            want_error = False
        elif w == "-s":
            single = True
        elif w in ("-t", "-goexperiment"):
            if i + 1 >= len(words):
                raise DirectiveError(line, f"flag {w} needs an argument")
            i += 1
            if w == "-goexperiment":
                goexp = words[i] if goexp is None else goexp + "," + words[i]
            elif not _SECONDS.fullmatch(words[i]) or int(words[i]) == 0:
                raise DirectiveError(
                    line, f"need a positive number of seconds for -t timeout, got {words[i]!r}"
                )
            else:
                timeout = int(words[i])
        else:
            flags.append(w)
        i += 1
    return Directive(
        keyword=keyword,
        action=action,
        line=line,
        flags=tuple(flags),
        args=tuple(words[i:]),
        want_error=want_error,
        want_auto=keyword == "errorcheckwithauto",
        single_file_pkgs=single,
        timeout=timeout,
        goexperiment=goexp,
    )


def _refgo_only(lines: list[str]) -> str | None:
    """Returns the reason of a `// refgo-only: reason` line before the package clause."""
    for i, line in enumerate(lines):
        if line.startswith("package "):
            break
        m = _REFGO_ONLY.match(line)
        if m:
            reason = m.group(1).strip()
            if not reason:
                raise DirectiveError(i + 1, "refgo-only needs a reason: // refgo-only: <reason>")
            return reason
    return None


def parse_header(
    src: str, *, explicit: bool = False, match: Callable[[str], bool] = constraints.match_tag
) -> CaseHeader | None:
    """Parses a Go file's header; None if the file is not a case.

    A file is a case when its directive line names a known action. With
    explicit=True (the file was named on the command line) every file is a
    case and a missing directive is an error; otherwise only a line that looks
    like a misspelt directive is. match decides each build tag (the compiler under
    test's BuildContext.match). Raises DirectiveError for malformed headers.
    """
    lines = src.split("\n")
    idx = _directive_line(lines)
    lineno = 1 if idx is None else idx + 1
    text = "" if idx is None else lines[idx]
    words = text[2:].split() if text.startswith("//") else []
    keyword = words[0] if words else ""
    if keyword not in KNOWN_ACTIONS:
        if not explicit and not _looks_like_directive(words):
            return None
        if words:
            raise _unknown(keyword, lineno)
        excluded = _exclusion(src, match)
        if excluded is not None:
            return CaseHeader("", lineno, None, excluded, None)
        raise DirectiveError(lineno, "no directive: the first header line must be // ACTION")
    if "\n\n" not in src:
        raise DirectiveError(lineno, "no blank line ends the directive header")
    excluded = _exclusion(src, match)
    refgo_only = _refgo_only(lines)
    if excluded is not None:
        return CaseHeader(keyword, lineno, None, excluded, refgo_only)
    try:
        rest = split_quoted(text[2:])[1:]
    except ValueError as err:
        raise DirectiveError(lineno, f"invalid directive: {err}") from None
    directive = parse_directive(keyword, rest, lineno)
    return CaseHeader(keyword, lineno, directive, None, refgo_only)


def _exclusion(src: str, match: Callable[[str], bool]) -> str | None:
    """Returns the excluding constraint line of src, converting syntax errors."""
    try:
        return constraints.exclusion(src, match)
    except constraints.ConstraintError as err:
        raise DirectiveError(err.line, err.message) from None
