"""The lexer: Go source bytes → tokens, with Go's automatic semicolons.

A newline (or EOF) after a line's last token inserts `;` when that token is a name, a
literal, one of `break continue fallthrough return`, or one of `++ -- ) ] }`:

    return x        →  "return" NAME ";"(newline)
    }               →  "}" ";"(newline)

Positions are 1-based line and byte column, as gc reports them. Errors (bad characters,
unterminated literals, bad escapes) go to the Diagnostics sink in gc's words and the
lexer carries on. `//go:` comments (not `/*go:`) are collected as pragmas
(syntax.pragma) for the parser to attach to declarations.

This module is long because it is one scanner: every literal kind and gc's error for each
malformed one.
"""

from __future__ import annotations

import re

from compiler.diag import LINE_BASES, Diagnostics, LineBase, Pos
from compiler.syntax.pragma import Pragma
from compiler.syntax.tokens import KEYWORDS, OPERATORS, Token

_SEMI_AFTER = frozenset({
    "NAME", "INT", "FLOAT", "IMAG", "CHAR", "STRING",
    "break", "continue", "fallthrough", "return", "++", "--", ")", "]", "}",
})

_OPS_BY_FIRST: dict[int, list[tuple[bytes, str]]] = {}
for _op in OPERATORS:
    _OPS_BY_FIRST.setdefault(ord(_op[0]), []).append((_op.encode(), _op))
_ASCII_IDENT = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")
# Fast path for the common tokens: ASCII names, plain decimal integers, operators.
_FAST = re.compile(
    rb"(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?![\x80-\xff])"
    rb"|(?P<int>[1-9][0-9]*|0)(?![0-9A-Za-z_.])"
    rb"|(?P<op>" + b"|".join(re.escape(o.encode()) for o in OPERATORS
                              if o not in ("/", ".")) + rb"|/(?![/*])|\.(?![0-9]))")
_SPACE = re.compile(rb"[ \t\r]+")
_POS_MAX = 1 << 30



def _is_letter(c: str) -> bool:
    return c == "_" or c.isalpha()


def _is_ident_char(c: str) -> bool:
    return c == "_" or c.isalpha() or c.isdigit()


class Lexer:
    """Turns one file's bytes into tokens; call `tokens()` once."""

    def __init__(self, path: str, src: bytes, diags: Diagnostics) -> None:
        self.path = path
        self.src = src
        self.diags = diags
        self.i = 0
        self.line = 1
        self.line_start = 0
        self.pragmas: list[Pragma] = []
        self.line_file = path
        LINE_BASES.pop(path, None)
        self.out: list[Token] = []

    def error(self, line: int, col: int, msg: str) -> None:
        """Report msg at line:col."""
        self.diags.error(Pos(self.path, line, col), msg)

    def col(self, i: int) -> int:
        return i - self.line_start + 1

    def tokens(self) -> list[Token]:
        """All tokens of the file, ending with EOF (preceded by `;` when Go inserts one)."""
        src = self.src
        n = len(src)
        if src.startswith(b"\xef\xbb\xbf"):
            self.i = 3
        while True:
            self._skip_space()
            if self.i >= n:
                self._auto_semi("EOF", self.line, self.col(self.i))
                self.out.append(Token("EOF", "", self.line, self.col(self.i)))
                return self.out
            self._next()

    def _last_kind(self) -> str | None:
        return self.out[-1].kind if self.out else None

    def _auto_semi(self, text: str, line: int, col: int) -> None:
        if self._last_kind() in _SEMI_AFTER:
            self.out.append(Token(";", text, line, col))

    def _newline(self, i: int) -> None:
        """Account for the newline at byte i."""
        self.line += 1
        self.line_start = i + 1

    def _skip_space(self) -> None:
        src = self.src
        n = len(src)
        while self.i < n:
            c = src[self.i]
            if c == 0x0A:
                self._auto_semi("newline", self.line, self.col(self.i))
                self._newline(self.i)
                self.i += 1
            elif c in (0x20, 0x09, 0x0D):
                m = _SPACE.match(src, self.i)
                assert m is not None
                self.i = m.end()
            elif c == 0x2F and self.i + 1 < n and src[self.i + 1] == 0x2F:
                self._line_comment()
            elif c == 0x2F and self.i + 1 < n and src[self.i + 1] == 0x2A:
                self._block_comment()
            else:
                return

    def _line_comment(self) -> None:
        src = self.src
        start = self.i
        end = src.find(b"\n", start)
        if end < 0:
            end = len(src)
        if src.startswith(b"//go:", start):
            self._pragma(start, src[start + 2:end])
        elif start == self.line_start and src.startswith(b"//line ", start):
            text = src[start + 7:end].decode("utf-8", "replace").rstrip("\r")
            self._line_directive(text, self.col(start) + 7, self.line + 1, 1)
        self._check_text(start, end)
        self.i = end

    def _pragma(self, start: int, text: bytes) -> None:
        """Records the directive comment at byte start; text follows its `//`."""
        blank = not self.src[self.line_start:start].strip(b" \t\r")
        self.pragmas.append(Pragma(self.line, self.col(start) + 2,
                                   text.decode("utf-8", "replace").rstrip("\r"), blank))

    def _block_comment(self) -> None:
        src = self.src
        start = self.i
        line, col = self.line, self.col(start)
        end = src.find(b"*/", start + 2)
        if end < 0:
            self.error(line, col, "comment not terminated")
            end = len(src)
            stop = end
        else:
            stop = end + 2
        had_newline = False
        seg = start
        j = src.find(b"\n", start, end)
        while j >= 0:
            had_newline = True
            self._check_text(seg, j)
            self._newline(j)
            seg = j + 1
            j = src.find(b"\n", j + 1, end)
        self._check_text(seg, end)
        if had_newline:
            self._auto_semi("newline", line, col)
        if src.startswith(b"/*line ", start) and stop > end:
            self._line_directive(src[start + 7:end].decode("utf-8", "replace"), col + 7,
                                 self.line, self.col(stop), line)
        self.i = stop

    def _line_directive(self, text: str, tcol: int, line: int, col: int,
                        tline: int = 0) -> None:
        """Records `//line file:line[:col]` (text after `line `, at column tcol of line
        tline, default the previous line) applying from line:col on (gc's updateBase);
        text without a `:` is no directive."""
        tline = tline or line - 1
        i = text.rfind(":") + 1
        if i == 0:
            return
        if not text[i:].isdigit():
            self.error(tline, tcol + i, "invalid line number: " + text[i:])
            return
        n = int(text[i:])
        j = text.rfind(":", 0, i - 1) + 1
        rel_col = 0
        if j and text[j:i - 1].isdigit():
            rel_line, rel_col = int(text[j:i - 1]), n
            if rel_col == 0 or rel_col > _POS_MAX:
                self.error(tline, tcol + i, "invalid column number: " + text[i:])
                return
            i = j
        else:
            rel_line = n
        if rel_line == 0 or rel_line > _POS_MAX:
            self.error(tline, tcol + i, "invalid line number: " + text[i:])
            return
        name = text[:i - 1]
        if not name and rel_col:
            name = self.line_file
        self.line_file = name
        LINE_BASES.setdefault(self.path, []).append(LineBase(line, col, name, rel_line,
                                                             rel_col))

    def _check_text(self, start: int, end: int) -> None:
        """Report NUL bytes, BOMs and invalid UTF-8 in src[start:end] (comments,
        strings)."""
        chunk = self.src[start:end]
        if b"\x00" in chunk:
            k = start + chunk.index(b"\x00")
            self.error(self.line, self.col(k), "invalid NUL character")
        k = chunk.find(b"\xef\xbb\xbf")
        while k >= 0:
            self.error(self.line, self.col(start + k), "invalid BOM in the middle of the file")
            k = chunk.find(b"\xef\xbb\xbf", k + 3)
        if chunk.isascii():
            return
        try:
            chunk.decode("utf-8")
        except UnicodeDecodeError as e:
            self.error(self.line, self.col(start + e.start), "invalid UTF-8 encoding")

    def _decode_char(self, i: int) -> tuple[str, int]:
        """The code point at byte i and its length; invalid UTF-8 gives U+FFFD, length 1."""
        b0 = self.src[i]
        if b0 < 0x80:
            return chr(b0), 1
        size = 2 if b0 >= 0xC0 and b0 < 0xE0 else 3 if b0 >= 0xE0 and b0 < 0xF0 else 4
        try:
            ch = self.src[i:i + size].decode("utf-8")
            if len(ch) == 1:
                return ch, size
        except UnicodeDecodeError:
            pass
        return "\ufffd", 1

    def _next(self) -> None:
        src = self.src
        i = self.i
        m = _FAST.match(src, i)
        if m is not None:
            text = m.group().decode()
            kind = m.lastgroup
            if kind == "name":
                kind = text if text in KEYWORDS else "NAME"
            elif kind == "int":
                kind = "INT"
            else:
                kind = text
                if text == ";":
                    text = "semicolon"
            self.out.append(Token(kind, text, self.line, i - self.line_start + 1))
            self.i = m.end()
            return
        c = src[i]
        line, col = self.line, self.col(i)
        ch = chr(c)
        if c < 0x80 and (ch.isalpha() or ch == "_") or c >= 0x80:
            if c >= 0x80:
                dch, size = self._decode_char(i)
                if dch.isdecimal():
                    self.error(line, col, f"identifier cannot begin with digit "
                                          f"U+{ord(dch):04X} '{dch}'")
                elif not dch.isalpha():
                    if dch == "\ufffd" and size == 1:
                        self.error(line, col, "invalid UTF-8 encoding")
                    elif dch == "\ufeff":
                        self.error(line, col, "invalid BOM in the middle of the file")
                    else:
                        self.error(line, col, f"invalid character U+{ord(dch):04X} '{dch}'")
                    self.i = i + size
                    return
            self._ident()
            return
        if ch.isdigit() or (ch == "." and i + 1 < len(src) and chr(src[i + 1]).isdigit()):
            self._number()
            return
        if ch == '"':
            self._string()
            return
        if ch == "`":
            self._raw_string()
            return
        if ch == "'":
            self._rune()
            return
        for opb, op in _OPS_BY_FIRST.get(c, ()):
            if src.startswith(opb, i):
                self.i = i + len(opb)
                text = "semicolon" if op == ";" else op
                self.out.append(Token(op, text, line, col))
                return
        if c == 0:
            self.error(line, col, "invalid NUL character")
        elif ch.isprintable():
            self.error(line, col, f"invalid character U+{c:04X} '{ch}'")
        else:
            self.error(line, col, f"invalid character U+{c:04X}")
        self.i = i + 1

    def _ident(self) -> None:
        src = self.src
        i = start = self.i
        n = len(src)
        m = _ASCII_IDENT.match(src, i)
        if m is not None and (m.end() >= n or src[m.end()] < 0x80):
            text = m.group().decode()
            kind = text if text in KEYWORDS else "NAME"
            self.out.append(Token(kind, text, self.line, self.col(start)))
            self.i = m.end()
            return
        while i < n:
            c = src[i]
            if c < 0x80:
                if not (chr(c).isalnum() or c == 0x5F):
                    break
                i += 1
            else:
                dch, size = self._decode_char(i)
                if dch == "\ufeff":
                    break
                if not _is_ident_char(dch) or dch == "\ufffd":
                    if dch == "\ufffd" or dch.isspace() or not dch.isprintable():
                        break
                    self.error(self.line, self.col(i),
                               f"invalid character U+{ord(dch):04X} '{dch}' in identifier")
                i += size
        text = src[start:i].decode("utf-8")
        kind = text if text in KEYWORDS else "NAME"
        self.out.append(Token(kind, text, self.line, self.col(start)))
        self.i = i

    def _number(self) -> None:
        start = self.i
        line, col = self.line, self.col(start)
        end, kind, off, msg = scan_number(self.src, start)
        if msg:
            self.error(line, col + off, msg)
        self.i = end
        self.out.append(Token(kind, self.src[start:end].decode("ascii"), line, col))

    def _string(self) -> None:
        src = self.src
        start = self.i
        line, col = self.line, self.col(start)
        i = start + 1
        n = len(src)
        while True:
            if i >= n:
                self.error(line, col, "string not terminated")
                break
            c = src[i]
            if c == 0x22:
                i += 1
                break
            if c == 0x0A:
                self.error(line, self.col(i), "newline in string")
                break
            if c == 0x5C:
                i += 2
                continue
            i += 1
        i = min(i, n)
        self._check_text(start, i)
        text = src[start:i].decode("utf-8", "replace")
        self.i = i
        self._check_escapes(text, line, col, '"')
        self.out.append(Token("STRING", text, line, col))

    def _raw_string(self) -> None:
        src = self.src
        start = self.i
        line, col = self.line, self.col(start)
        end = src.find(b"`", start + 1)
        if end < 0:
            self.error(line, col, "string not terminated")
            end = len(src)
            stop = end
        else:
            stop = end + 1
        self._check_text(start, stop)
        j = src.find(b"\n", start, end)
        while j >= 0:
            self._newline(j)
            j = src.find(b"\n", j + 1, end)
        text = src[start:stop].decode("utf-8", "replace")
        self.i = stop
        self.out.append(Token("STRING", text, line, col))

    def _rune(self) -> None:
        src = self.src
        start = self.i
        line, col = self.line, self.col(start)
        i = start + 1
        n = len(src)
        ok = True
        while True:
            if i >= n or src[i] == 0x0A:
                if i < n:
                    self.error(line, self.col(i), "newline in rune literal")
                else:
                    self.error(line, col, "rune literal not terminated")
                ok = False
                break
            c = src[i]
            if c == 0x27:
                i += 1
                break
            if c == 0x5C:
                i += 2
                continue
            i += 1
        i = min(i, n)
        text = src[start:i].decode("utf-8", "replace")
        self.i = i
        if ok:
            body = text[1:-1]
            if body == "":
                self.error(line, col + 1, "empty rune literal or unescaped '")
            elif self._check_escapes(text, line, col, "'"):
                chars = count_chars(body)
                if chars != 1:
                    self.error(line, col, "more than one character in rune literal")
        self.out.append(Token("CHAR", text, line, col))

    def _check_escapes(self, text: str, line: int, col: int, quote: str) -> bool:
        """Validate escapes in a quoted literal; report the first bad one. True if fine."""
        j = 1
        bcol = col
        while j < len(text) - 1 or (j < len(text) and text[-1] != quote):
            ch = text[j]
            if ch == "\\":
                msg, width, at = check_escape(text, j + 1, quote)
                if msg:
                    self.error(line, bcol + len(text[:at].encode()), msg)
                    return False
                j += 1 + width
            else:
                j += 1
        return True


def count_chars(body: str) -> int:
    """How many characters a rune literal's body (between quotes) denotes."""
    k = 0
    j = 0
    while j < len(body):
        if body[j] == "\\":
            _, width, _ = check_escape(body, j + 1, "'")
            j += 1 + max(width, 1)
        else:
            j += 1
        k += 1
    return k


_SIMPLE_ESCAPES = {
    "a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92,
}


def _goq(c: str) -> str:
    """Go's %q spelling of a single character."""
    if c == "'":
        return "'\\''"
    if c == "\\":
        return "'\\\\'"
    if c == "\n":
        return "'\\n'"
    return f"'{c}'"


def check_escape(text: str, j: int, quote: str) -> tuple[str, int, int]:
    """Check the escape whose letter is text[j]; return (error or "", chars after `\\`,
    index in text where gc reports the error)."""
    if j >= len(text):
        return "", 0, j
    c = text[j]
    if c in _SIMPLE_ESCAPES or c == quote:
        return "", 1, j
    if c in "01234567":
        for k in range(j, j + 3):
            d = text[k] if k < len(text) else quote
            if d not in "01234567":
                return f"invalid character {_goq(d)} in octal escape", k - j, k
        v = int(text[j:j + 3], 8)
        if v > 255:
            return f"octal escape value {v} > 255", 3, j + 3
        return "", 3, j
    widths = {"x": 2, "u": 4, "U": 8}
    if c in widths:
        w = widths[c]
        for k in range(j + 1, j + 1 + w):
            d = text[k] if k < len(text) else quote
            if d not in "0123456789abcdefABCDEF":
                return f"invalid character {_goq(d)} in hexadecimal escape", k - j, k
        if c != "x":
            v = int(text[j + 1:j + 1 + w], 16)
            if v > 0x10FFFF or 0xD800 <= v < 0xE000:
                return f"escape is invalid Unicode code point U+{v:04X}", 1 + w, j + 1 + w
        return "", 1 + w, j
    return "unknown escape", 1, j


_RADIX_NAMES = {2: "binary", 8: "octal", 10: "decimal", 16: "hexadecimal"}
_HEX = frozenset(b"0123456789abcdefABCDEF")


def scan_number(src: bytes, i: int) -> tuple[int, str, int, str]:
    """Scans the number literal at src[i] as gc's scanner does: returns its end, its kind
    (INT, FLOAT, IMAG) and its first error as (offset from i, message), else (-1, "")."""
    start, n = i, len(src)
    kind, base, prefix, digsep, invalid = "INT", 10, "", 0, -1
    err: tuple[int, str] | None = None

    def ch() -> str:
        return chr(src[i]) if i < n else ""

    def digits(radix: int) -> int:
        nonlocal i, invalid
        seen = 0
        while i < n:
            c = src[i]
            if c == 0x5F:
                seen |= 2
            elif radix <= 10 and 0x30 <= c <= 0x39:
                seen |= 1
                if c >= 0x30 + radix and invalid < 0:
                    invalid = i - start
            elif radix == 16 and c in _HEX:
                seen |= 1
            else:
                break
            i += 1
        return seen

    point = ch() == "."
    if point:
        i += 1
    else:
        if ch() == "0":
            i += 1
            c = ch().lower()
            if c in ("x", "o", "b"):
                i += 1
                base, prefix = {"x": 16, "o": 8, "b": 2}[c], c
            else:
                base, prefix, digsep = 8, "0", 1
        digsep |= digits(base)
        if ch() == ".":
            if prefix in ("o", "b"):
                err = (i - start, f"invalid radix point in {_RADIX_NAMES[base]} literal")
            i += 1
            point = True
    if point:
        kind = "FLOAT"
        digsep |= digits(base)
    if digsep & 1 == 0 and err is None:
        err = (i - start, f"{_RADIX_NAMES[base]} literal has no digits")
    e = ch()
    if e in ("e", "E", "p", "P"):
        if err is None and e in "eE" and prefix not in ("", "0"):
            err = (i - start, f"'{e}' exponent requires decimal mantissa")
        elif err is None and e in "pP" and prefix != "x":
            err = (i - start, f"'{e}' exponent requires hexadecimal mantissa")
        i += 1
        kind = "FLOAT"
        if ch() in ("+", "-") and ch():
            i += 1
        ds = digits(10)
        digsep = ds | digsep & 2
        if ds & 1 == 0 and err is None:
            err = (i - start, "exponent has no digits")
    elif prefix == "x" and kind == "FLOAT" and err is None:
        err = (i - start, "hexadecimal mantissa requires a 'p' exponent")
    if ch() == "i":
        kind = "IMAG"
        i += 1
    lit = src[start:i].decode("ascii", "replace")
    if kind == "INT" and invalid >= 0 and err is None:
        err = (invalid, f"invalid digit {lit[invalid]!r} in {_RADIX_NAMES[base]} literal")
    if digsep & 2 and err is None:
        j = _invalid_sep(lit)
        if j >= 0:
            err = (j, "'_' must separate successive digits")
    return (i, kind, *err) if err else (i, kind, -1, "")


def _invalid_sep(x: str) -> int:
    """The index of the first `_` in literal x not between digits (a prefix counts as a
    digit), else -1."""
    hexa = False
    d, i = ".", 0
    if len(x) >= 2 and x[0] == "0" and x[1].lower() in "xob":
        hexa, d, i = x[1].lower() == "x", "0", 2
    while i < len(x):
        p, d = d, x[i]
        if d == "_":
            if p != "0":
                return i
        elif d.isdigit() or hexa and d in "abcdefABCDEF":
            d = "0"
        else:
            if p == "_":
                return i - 1
            d = "."
        i += 1
    return len(x) - 1 if d == "_" else -1


def classify_number(text: str) -> tuple[str, str]:
    """The kind (INT, FLOAT, IMAG) of a number literal and its error message or ""."""
    _, kind, _, msg = scan_number(text.encode(), 0)
    return kind, msg


def lex(path: str, src: bytes, diags: Diagnostics) -> tuple[list[Token], list[Pragma]]:
    """Tokenize src; return the tokens and the `//go:` pragmas in source order."""
    lx = Lexer(path, src, diags)
    toks = lx.tokens()
    return toks, lx.pragmas
