"""`//go:` directives: where each may stand and who may use it, by gc 1.19's rules.

The lexer collects every `//go:` comment as a Pragma (gc ignores `/*go:`); the parser
hands them to a Directives object: a directive is pending from the comment on until the
parser either attaches the pending ones to a declaration (`take`) or drops them at the
end of a statement or other form that has none (`clear`). Two kinds of error follow,
in gc's two phases:

  - when the comment is met (`early`): a directive after code on its line, a
    runtime-only or standard-library-only directive outside them, a dropped directive
    that names a known flag ("misplaced compiler directive");
  - after type checking succeeded (`late`): a known flag attached to a declaration
    that does not take it (`//go:noinline` on a var), `//go:noescape` on a function
    with a body, and the like.

    //go:noinline        // on a func: kept in FuncDecl.pragmas as "noinline"
    //go:noinline        // on a var: late "misplaced compiler directive"
    x := 1 //go:noinline // early "misplaced compiler directive"
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compiler.diag import Diagnostic, Pos

# gc's pragma flags by verb; a verb gc does not know has none.
FLAGS: dict[str, frozenset[str]] = {
    v: frozenset(fs.split()) for v, fs in {
        "build": "build",
        "noescape": "noescape",
        "norace": "norace",
        "nosplit": "nosplit nocheckptr",
        "noinline": "noinline",
        "nocheckptr": "nocheckptr",
        "systemstack": "systemstack",
        "nowritebarrier": "nowritebarrier",
        "nowritebarrierrec": "nowritebarrierrec nowritebarrier",
        "yeswritebarrierrec": "yeswritebarrierrec",
        "cgo_unsafe_args": "cgo_unsafe_args nocheckptr",
        "uintptrkeepalive": "uintptrkeepalive",
        "uintptrescapes": "uintptrescapes uintptrkeepalive",
        "registerparams": "registerparams",
        "notinheap": "notinheap",
    }.items()
}
FUNC_FLAGS = frozenset({
    "noescape", "norace", "nosplit", "noinline", "nocheckptr", "registerparams",
    "cgo_unsafe_args", "uintptrkeepalive", "uintptrescapes", "systemstack",
    "nowritebarrier", "nowritebarrierrec", "yeswritebarrierrec", "nointerface",
})
NOINTERFACE = frozenset({"nointerface"})
TYPE_FLAGS = frozenset({"notinheap"})
EMBED = frozenset({"embed"})
FILE_FLAGS = frozenset({"build"})
RUNTIME_ONLY = frozenset({"systemstack", "nowritebarrier", "nowritebarrierrec",
                          "yeswritebarrierrec"})
STD_UNFLAGGED = frozenset({"cgo_export_static", "cgo_export_dynamic", "cgo_import_static",
                           "cgo_import_dynamic", "cgo_ldflag", "cgo_dynamic_linker",
                           "embed", "generate"})


@dataclass(frozen=True, slots=True)
class Pragma:
    """One directive comment: its text after `//` (`go:noinline // x`), the position of
    that text, and whether only blanks precede the comment on its line."""

    line: int
    col: int
    text: str
    blank: bool

    @property
    def verb(self) -> str:
        """The directive's name without `go:`: `noinline`."""
        return self.text[3:].split(" ", 1)[0].split("\t", 1)[0]


@dataclass(frozen=True, slots=True)
class Mode:
    """What the file being compiled may use: gc's -std (standard library) and -+
    (package runtime); -complete says the package has no non-Go parts, so every
    function needs a body."""

    std: bool = False
    runtime: bool = False
    complete: bool = False
    fieldtrack: bool = False
    """GOEXPERIMENT=fieldtrack: gc then honours `//go:nointerface` on methods (the
    method is left out of the type's run-time method table); otherwise the directive
    is an unknown one, ignored."""


USER = Mode()
LIBRARY = Mode(std=True)


@dataclass(slots=True)
class _Pending:
    pos: Pos
    verb: str
    flags: frozenset[str]
    args: str = ""  # the text after the verb (//go:embed's patterns)


class Directives:
    """The directives of one file in source order, met as the parser advances."""

    def __init__(self, path: str, pragmas: list[Pragma], mode: Mode) -> None:
        self.path = path
        self.pragmas = pragmas
        self.mode = mode
        self.k = 0
        self.pending: list[_Pending] = []
        self.early: list[Diagnostic] = []
        self.late: list[Diagnostic] = []
        self.linknamed: set[str] = set()
        self.linknames: list[tuple[Pos, str]] = []
        """Each //go:linkname's position and local name (checked after type checking)."""
        self.bodyless: list[Pos] = []

    def _meet(self, line: int, col: int) -> None:
        """Handles every directive before line:col not yet met."""
        while self.k < len(self.pragmas):
            p = self.pragmas[self.k]
            if (p.line, p.col) >= (line, col):
                return
            self.k += 1
            pos = Pos(self.path, p.line, p.col)
            if not p.blank:
                self.early.append(Diagnostic(pos, "misplaced compiler directive"))
                continue
            verb = p.verb
            if verb.startswith("cgo_"):
                if not self.mode.std:
                    self.early.append(Diagnostic(
                        pos, f"//{p.text} only allowed in cgo-generated code"))
                if verb == "cgo_ldflag":
                    args = p.text.split()
                    if len(args) != 2 or not args[1].startswith('"'):
                        self.early.append(Diagnostic(pos, 'usage: //go:cgo_ldflag "arg"'))
            if verb == "linkname":
                args = p.text.split()
                if len(args) == 1:
                    continue  # gc knows `go:linkname ` only, with its space
                if len(args) > 3:
                    self.early.append(Diagnostic(pos, "usage: //go:linkname localname "
                                                      "[linkname]"))
                    continue
                self.linknamed.add(args[1])
                self.linknames.append((pos, args[1]))
                continue
            if verb == "embed":
                bad = split_patterns(p.text.split(None, 1)[1])[1] \
                    if len(p.text.split()) >= 2 else ""
                if bad:
                    self.early.append(Diagnostic(
                        pos, f"invalid quoted string in //go:embed: {bad}"))
                if bad or len(p.text.split()) < 2:
                    self.early.append(Diagnostic(pos, "usage: //go:embed pattern..."))
                else:
                    self.pending.append(_Pending(pos, verb, EMBED,
                                                p.text.split(None, 1)[1]))
                continue
            flags = FLAGS.get(verb, frozenset())
            if verb == "nointerface" and self.mode.fieldtrack:
                flags = NOINTERFACE
            if not self.mode.runtime and flags & RUNTIME_ONLY:
                self.early.append(Diagnostic(pos, f"//go:{verb} only allowed in runtime"))
            if verb == "uintptrkeepalive" and not self.mode.std:
                self.early.append(Diagnostic(
                    pos, f"//go:{verb} is only allowed in the standard library"))
            if not flags and verb not in STD_UNFLAGGED and self.mode.std:
                self.early.append(Diagnostic(
                    pos, f"//go:{verb} is not allowed in the standard library"))
            if flags:
                self.pending.append(_Pending(pos, verb, flags))

    def finish(self, names: dict[Pos, str]) -> None:
        """Ends the file: under -complete a bodyless function not named by a
        //go:linkname is an error; names maps function name positions to names."""
        self._meet(1 << 62, 0)
        for pos in self.bodyless:
            if names.get(pos) not in self.linknamed:
                self.late.append(Diagnostic(pos, "missing function body"))

    def clear(self, line: int, col: int) -> None:
        """Drops the directives pending before line:col; a known one was misplaced."""
        self._meet(line, col)
        for p in self.pending:
            self.early.append(Diagnostic(p.pos, _misplaced(p)))
        self.pending = []

    def take(self, line: int, col: int) -> list[_Pending]:
        """Returns the directives pending before line:col for the declaration there."""
        self._meet(line, col)
        got, self.pending = self.pending, []
        return got

    def allow(self, got: list[_Pending], allowed: frozenset[str]) -> frozenset[str]:
        """Returns the verbs of got whose flags a declaration taking `allowed` uses; the
        others are misplaced (reported late)."""
        union: set[str] = set()
        for p in got:
            union |= p.flags
        rest = union - allowed
        for p in got:
            if p.flags & rest:
                self.late.append(Diagnostic(p.pos, _misplaced(p)))
        return frozenset(p.verb for p in got if p.flags & allowed)

    def embed(self, pos: Pos, imported: bool, names: int, values: bool, typed: bool,
              local: bool) -> bool:
        """Checks a var declaration that //go:embed (at pos) applies to; reports
        whether it may."""
        why = ('go:embed only allowed in Go files that import "embed"' if not imported
               else "go:embed cannot apply to multiple vars" if names > 1
               else "go:embed cannot apply to var with initializer" if values
               else "go:embed cannot apply to var without type" if not typed
               else "go:embed cannot apply to var inside func" if local else "")
        if why:
            self.late.append(Diagnostic(pos, why))
        return not why

    def func(self, got: list[_Pending], name: Pos, has_body: bool) -> frozenset[str]:
        """Returns the verbs a function declaration keeps; reports gc's misuse errors."""
        verbs = self.allow(got, FUNC_FLAGS)
        flags: set[str] = set()
        for p in got:
            flags |= p.flags & FUNC_FLAGS
        if "systemstack" in flags and "nosplit" in flags:
            self.late.append(Diagnostic(name, "go:nosplit and go:systemstack cannot be "
                                              "combined"))
        if not has_body and self.mode.complete:
            self.bodyless.append(name)
        if has_body and "noescape" in flags:
            self.late.append(Diagnostic(name, "can only use //go:noescape with external "
                                              "func implementations"))
        if (has_body and "uintptrkeepalive" in flags and "uintptrescapes" not in flags
                and "nosplit" not in flags):
            self.late.append(Diagnostic(name, "go:uintptrkeepalive requires go:nosplit"))
        return verbs


_ESCAPE = re.compile(r'\\(?:[abfnrtv\\"]|[0-7]{3}|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|'
                     r'U[0-9A-Fa-f]{8})')
_QUOTED = re.compile(r'"((?:[^"\\\n]|' + _ESCAPE.pattern + r')*)"')
_SIMPLE = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
           "v": "\v", "\\": "\\", '"': '"'}


def _unescape(m: re.Match[str]) -> str:
    """The character one escape of a Go string literal stands for (an octal or \\x
    escape as the character of that code: patterns name files by text)."""
    e = m.group(0)[1:]
    if e in _SIMPLE:
        return _SIMPLE[e]
    return chr(int(e, 8) if e[0] in "01234567" else int(e[1:], 16))


def split_patterns(text: str) -> tuple[list[str], str]:
    """The patterns of a //go:embed line: space-separated words, "quoted" or
    `back-quoted` ones unquoted; and the text from a bad quote on ("" if none)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c in " \t":
            i += 1
            continue
        if c == '`':
            j = text.find('`', i + 1)
            if j < 0:
                return out, text[i:]
            out.append(text[i + 1:j])
            i = j + 1
        elif c == '"':
            m = _QUOTED.match(text, i)
            if m is None:
                return out, text[i:]
            out.append(_ESCAPE.sub(_unescape, m.group(1)))
            i = m.end()
        else:
            j = i
            while j < len(text) and text[j] not in " \t":
                j += 1
            out.append(text[i:j])
            i = j
    return out, ""


def _misplaced(p: _Pending) -> str:
    return "misplaced go:embed directive" if p.verb == "embed" else \
        "misplaced compiler directive"
