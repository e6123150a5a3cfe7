"""Syntax: the lexer and parser of Go source (see lexer.py, parser.py, ast.py).

    f = parse_file("x.go", src, diags)     # ast.File; errors in diags
    print(dump(f))                          # stable indented AST text
"""

import sys

from compiler.syntax.dump import dump
from compiler.syntax.parser import MAX_DEPTH, parse_file

__all__ = ["dump", "parse_file"]

# The parser and checker recurse a few frames per nesting level (at most MAX_DEPTH).
sys.setrecursionlimit(max(sys.getrecursionlimit(), 20 * MAX_DEPTH))
