"""Go's string quoting (`%q` and `%#q`), so failure reports read exactly like run.go's.

>>> go_quote('a"b\\tc')
'"a\\\\"b\\\\tc"'
>>> go_backquote('x\\\\d+')
'`x\\\\d+`'
>>> go_backquote('has `tick`')
'"has `tick`"'
"""

from __future__ import annotations

_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
    '"': '\\"',
}


def _quote_rune(c: str) -> str:
    if c in _ESCAPES:
        return _ESCAPES[c]
    if c.isprintable():
        return c
    n = ord(c)
    if n < 0x20 or n == 0x7F:
        return f"\\x{n:02x}"
    if n < 0x10000:
        return f"\\u{n:04x}"
    return f"\\U{n:08x}"


def go_quote(s: str) -> str:
    """Returns s as Go's strconv.Quote (fmt `%q`) renders it."""
    return '"' + "".join(_quote_rune(c) for c in s) + '"'


def can_backquote(s: str) -> bool:
    """Reports whether s can be written as a Go raw string literal unchanged."""
    for c in s:
        if c == "`" or c == "\ufeff":
            return False
        if c != "\t" and (ord(c) < 0x20 or ord(c) == 0x7F):
            return False
    return True


def go_backquote(s: str) -> str:
    """Returns s as fmt's `%#q` renders it: backquoted when possible, else `%q`."""
    return "`" + s + "`" if can_backquote(s) else go_quote(s)


_SIMPLE_UNESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "\\": "\\",
    '"': '"',
}
_HEX_DIGITS = "0123456789abcdefABCDEF"
_HEX_WIDTH = {"x": 2, "u": 4, "U": 8}


def go_unquote(lit: str) -> str:
    """Returns the value of a Go string literal (`...` or "..."); raises ValueError if invalid."""
    if len(lit) >= 2 and lit[0] == lit[-1] == "`":
        body = lit[1:-1]
        if "`" in body:
            raise ValueError("invalid syntax")
        return body.replace("\r", "")
    if len(lit) < 2 or lit[0] != '"' or lit[-1] != '"':
        raise ValueError("invalid syntax")
    body = lit[1:-1]
    out: list[str] = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == '"' or c == "\n":
            raise ValueError("invalid syntax")
        if c != "\\":
            out.append(c)
            i += 1
            continue
        if i + 1 >= len(body):
            raise ValueError("invalid syntax")
        e = body[i + 1]
        if e in _SIMPLE_UNESCAPES:
            out.append(_SIMPLE_UNESCAPES[e])
            i += 2
        elif e in _HEX_WIDTH:
            digits = body[i + 2 : i + 2 + _HEX_WIDTH[e]]
            if len(digits) != _HEX_WIDTH[e] or any(d not in _HEX_DIGITS for d in digits):
                raise ValueError("invalid syntax")
            value = int(digits, 16)
            if e != "x" and (value > 0x10FFFF or 0xD800 <= value < 0xE000):
                raise ValueError("invalid syntax")
            out.append(chr(value))
            i += 2 + len(digits)
        elif e in "01234567":
            digits = body[i + 1 : i + 4]
            if len(digits) != 3 or any(d not in "01234567" for d in digits) or int(digits, 8) > 255:
                raise ValueError("invalid syntax")
            out.append(chr(int(digits, 8)))
            i += 4
        else:
            raise ValueError("invalid syntax")
    return "".join(out)
