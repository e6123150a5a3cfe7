"""Tokens of Go source text, as the lexer hands them to the parser.

A token is a kind plus its literal text and position. Operators, delimiters and keywords
use their own spelling as kind; the other kinds are NAME, INT, FLOAT, IMAG, CHAR, STRING,
EOF. An automatic semicolon has kind ";" and text "newline" or "EOF" (a written one has
text "semicolon"), which is how gc's syntax errors describe it:

    x := f(1,          NAME "x", ":=", NAME "f", "(", INT "1", ","
    2)                 INT "2", ")", ";" "newline"
"""

from __future__ import annotations

from typing import NamedTuple

KEYWORDS = frozenset({
    "break", "case", "chan", "const", "continue", "default", "defer", "else",
    "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map",
    "package", "range", "return", "select", "struct", "switch", "type", "var",
})

# Longest first, so the lexer can match greedily.
OPERATORS = (
    "<<=", ">>=", "&^=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=",
    ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^",
    "+", "-", "*", "/", "%", "&", "|", "^", "<", ">", "=", "!", "(", ")", "[", "]",
    "{", "}", ",", ";", ".", ":", "~",
)

LITERAL_KINDS = frozenset({"INT", "FLOAT", "IMAG", "CHAR", "STRING"})

ASSIGN_OPS = frozenset({
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^=",
})

# Binary operator precedence (Go spec).
PRECEDENCE = {
    "||": 1, "&&": 2,
    "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3,
    "+": 4, "-": 4, "|": 4, "^": 4,
    "*": 5, "/": 5, "%": 5, "<<": 5, ">>": 5, "&": 5, "&^": 5,
}


class Token(NamedTuple):
    """One token; `line`/`col` are 1-based (col in bytes) at the token's first byte.

    A NamedTuple rather than a frozen dataclass: a 1 MB line is a million of them and
    frozen dataclass construction is several times slower.
    """

    kind: str
    text: str
    line: int
    col: int

    def describe(self) -> str:
        """How gc's syntax errors name this token after `unexpected `."""
        if self.kind == "NAME":
            return self.text
        if self.kind == ";":
            return self.text
        if self.kind in LITERAL_KINDS:
            return "literal " + self.text
        if self.kind == "EOF":
            return "EOF"
        if self.kind == ",":
            return "comma"
        return self.kind
