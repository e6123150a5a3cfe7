"""Causes of gccgo's failures on Go 1.19's test tree, for conformance/triage.py.

gccgo-12 is a different compiler of an older Go: Go 1.18's language without type
parameters and Go 1.18's library, its own wording of diagnostics, and none of gc's
reporting flags (harness/gccgo.py drops `-m`, `-live`, `-d=...`). So its failures are
grouped by those causes first, then as refgo's are (the first error of a rejected
program, the first difference from the `// ERROR` lines, the first line of a crash or
of wrong output). Where the message alone cannot tell, the case's source says: a file
(or a file of its X.dir) declaring type parameters fails for that reason whatever
gccgo printed, and an errorcheck case whose directive passes gc's reporting flags
expects gc's reports. For example

    typeparam/absdiff.go    type parameters: expected ']'
    escape2.go              gc's -m report: the flag has no gccgo meaning

The source is read from the failure's title (`/abs/x.go: // run failed (compiler
gccgo)`); a report from another machine without that file is classified by message.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence

from harness.directives import DirectiveError, parse_header

GROUPS: dict[str, str] = {
    "generics": "type parameters: gccgo-12 implements Go 1.18 without generics",
    "gcflag": "gc's reporting or language flags (-m, -live, -d=..., -lang): no gccgo meaning",
    "library": "library: Go 1.19 API missing from gccgo-12's Go 1.18 library",
    "ice": "internal compiler error",
    "rejected": "valid program rejected: gccgo's first error",
    "accepted": "invalid program accepted: gccgo does not report a gc diagnostic",
    "diag": "diagnostics differ from the // ERROR comments (gccgo's wording or position)",
    "crash": "the program fails at run time: its first panic or fatal line",
    "output": "wrong output: the first line that differs from X.out",
    "timeout": "timeout or memory limit",
    "other": "other",
}

EXACT = frozenset({"generics", "gcflag", "library", "ice", "timeout"})
"""Groups whose derived cause is exact: a hand-written cause does not replace it."""

_TITLE = re.compile(r"^(\S+\.go): // \S+ failed \(compiler \S+\)$")
# Type parameter lists of funcs, methods of generic types and types; `~` of a constraint.
_TYPE_PARAMS = re.compile(
    r"(?m)^(?:func\s+(?:\(\s*\w*\s*\*?\w+\[|\w+\s*\[)"
    r"|\s*type\s+\w+\s*\[\s*[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*\s+[^\]\s*/+\-]"
    r"|.*(?:[{|]\s*~\s*\w))"
)
_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|`[^`]*`')
# Flags of gc that change what it reports (or which language it accepts); harness.gccgo
# drops every gc flag, so an errorcheck case that passes one expects gc's output.
# -d=panic (crash at the first error) changes no message.
_GC_FLAG = re.compile(
    r"^-(?:m(?:=\d+)?|live|d=(?!panic$).*|lang=.*|race|json.*|spectre.*|wb=.*|smallframes|S|std"
    r"|\+|asan|msan)$"
)
_REPORTING = frozenset({"errorcheck", "errorcheckwithauto", "errorcheckdir",
                        "errorcheckandrundir", "errorcheckoutput"})
_UNDEF_QUALIFIED = re.compile(r"reference to undefined (?:identifier|name) '(\w+\.\w+)'")
_UNDEF_METHOD = re.compile(r"reference to undefined field or method '(\w+)'")
_NO_IMPORT = re.compile(r"import file '([^']+)' not found")


def source_path(text: str) -> str | None:
    """Returns the case file named by a failure's title line, or None."""
    first = text.split("\n", 1)[0]
    m = _TITLE.match(first)
    return m.group(1) if m else None


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def _code(src: str) -> str:
    """src without comments and string literals (they may mention `[T any]` or `~`)."""
    return _COMMENT.sub("", _STRING.sub('""', src))


def uses_type_params(path: str) -> bool:
    """Reports whether the case file, or a .go file of its X.dir, declares type
    parameters or a constraint with `~`."""
    sources = [path]
    d = path.removesuffix(".go") + ".dir"
    if os.path.isdir(d):
        for root, _, names in os.walk(d):
            sources.extend(os.path.join(root, n) for n in sorted(names) if n.endswith(".go"))
    return any(_TYPE_PARAMS.search(_code(_read(p))) for p in sources)


def gc_flags(path: str) -> list[str]:
    """Returns the gc flags of the case's directive line that gccgo has no meaning for."""
    try:
        header = parse_header(_read(path), explicit=True, match=lambda tag: True)
    except DirectiveError:
        return []
    if header is None or header.directive is None:
        return []
    return [f for f in header.directive.flags if _GC_FLAG.match(f)]


def classify(
    f_case: str,
    directive: str,
    text: str,
    lines: Sequence[str],
    fallback: Callable[[], tuple[str, str]],
    first_error: Callable[[Sequence[str]], str],
    clean: Callable[[str], str],
) -> tuple[str, str]:
    """Returns (group, cause) of one gccgo failure: by the case's source first (type
    parameters, gc's flags), then the message (library, timeouts), then fallback()
    (triage's message-only classification, whose groups GROUPS shares)."""
    head = lines[0].strip() if lines else ""
    if head.startswith(("timed out after", "killed by the memory limit")):
        return fallback()
    path = source_path(text)
    if path and uses_type_params(path):
        return "generics", clean("type parameters: " + first_error(lines[1:] or lines))
    if path and directive in _REPORTING:
        flags = gc_flags(path)
        if flags:
            return "gcflag", f"gc's {' '.join(dict.fromkeys(flags))}: no gccgo meaning"
    if directive not in _REPORTING:
        names = sorted({m.group(1) for ln in lines for m in [_UNDEF_QUALIFIED.search(ln)] if m})
        pkgs = sorted({m.group(1) for ln in lines for m in [_NO_IMPORT.search(ln)] if m})
        if pkgs:
            return "library", "missing package " + ", ".join(pkgs)
        if names:
            return "library", "missing " + ", ".join(names)
        methods = sorted({m.group(1) for ln in lines for m in [_UNDEF_METHOD.search(ln)] if m})
        if methods:
            return "library", "missing method " + ", ".join(methods)
    return fallback()
