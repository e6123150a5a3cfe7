"""Structure checks of compiler/: size of classes, imports, dependency direction.

These are rules the project holds itself to (docs/internals.md), checked with `ast` so
that a violation fails the suite instead of waiting for review:

    class FuncBuilder:            # 1,900 lines: too big to find one's room in
        def call(self, ...):
            from compiler import walk_calls   # hides a cycle: needs a reason comment

- no class in compiler/ is longer than MAX_CLASS_LINES (the parser excepted: like Go's
  syntax.parser it is one recursive-descent class, one method per production, and
  splitting it would scatter the grammar);
- no `import` inside a function in compiler/ unless a comment on that line or the line
  just above says why it cannot be at the top;
- nothing in compiler/ imports harness/ (the harness depends on the compiler, never the
  reverse).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
COMPILER = REPO / "compiler"
MAX_CLASS_LINES = 800
BIG_CLASS_OK = {("compiler/syntax/parser.py", "Parser")}
"""One recursive-descent class like Go's syntax.parser: splitting it would scatter the
grammar over modules without making any production easier to find."""

_PENDING_RESTRUCTURE: set[str] = set()
"""Files being restructured on other branches right now (issue 16; none now that walk is a
package). Do NOT add to it: fix the file instead."""


def _sources() -> list[str]:
    """Every module of compiler/, as a repository-relative path."""
    return sorted(p.relative_to(REPO).as_posix() for p in COMPILER.rglob("*.py"))


def _tree(rel: str) -> ast.Module:
    return ast.parse((REPO / rel).read_text(encoding="utf-8"), filename=rel)


def big_classes(rel: str, tree: ast.Module) -> Iterator[str]:
    """Yields `path:line: class C is N lines` for each class over MAX_CLASS_LINES."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and (rel, node.name) not in BIG_CLASS_OK:
            size = (node.end_lineno or node.lineno) - node.lineno + 1
            if size > MAX_CLASS_LINES:
                yield f"{rel}:{node.lineno}: class {node.name} is {size} lines"


def _has_comment(line: str) -> bool:
    """Reports whether a source line carries a `#` comment (outside string quotes)."""
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            if ch == quote and line[i - 1] != "\\":
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "#":
            return True
    return False


def lazy_imports(rel: str, tree: ast.Module, lines: list[str]) -> Iterator[str]:
    """Yields `path:line: ...` for each import inside a function with no comment on its
    line or on the line just above."""
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(fn):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            here = lines[node.lineno - 1]
            above = lines[node.lineno - 2] if node.lineno >= 2 else ""
            if not _has_comment(here) and not above.lstrip().startswith("#"):
                yield f"{rel}:{node.lineno}: import inside {fn.name}() without a reason"


def harness_imports(rel: str, tree: ast.Module) -> Iterator[str]:
    """Yields `path:line: ...` for each import of the harness package."""
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            if name == "harness" or name.startswith("harness."):
                yield f"{rel}:{node.lineno}: imports {name}"


def _violations(check: str) -> list[str]:
    out: list[str] = []
    for rel in _sources():
        if rel in _PENDING_RESTRUCTURE:
            continue
        text = (REPO / rel).read_text(encoding="utf-8")
        tree = _tree(rel)
        if check == "class":
            out += big_classes(rel, tree)
        elif check == "import":
            out += lazy_imports(rel, tree, text.splitlines())
        else:
            out += harness_imports(rel, tree)
    return out


def test_no_class_over_800_lines() -> None:
    assert _violations("class") == []


def test_no_unexplained_import_inside_a_function() -> None:
    assert _violations("import") == []


def test_compiler_does_not_import_the_harness() -> None:
    assert _violations("harness") == []


def test_pending_files_exist() -> None:
    """A pending file that was renamed or split must leave the set, not linger in it."""
    for rel in _PENDING_RESTRUCTURE:
        assert (REPO / rel).is_file(), f"{rel} is gone: remove it from _PENDING_RESTRUCTURE"


@pytest.mark.parametrize(
    ("src", "want"),
    [
        ("def f():\n    import os\n", ["x.py:2: import inside f() without a reason"]),
        ("def f():\n    import os  # cycle: os imports x\n", []),
        ("def f():\n    # x imports us at its top\n    import os\n", []),
        ("def f():\n    s = '#'\n    import os\n", ["x.py:3: import inside f() without a reason"]),
        ("import os\n\n\ndef f():\n    return os\n", []),
        ("class A:\n    def m(self):\n        from a import b\n",
         ["x.py:3: import inside m() without a reason"]),
    ],
)
def test_lazy_import_check(src: str, want: list[str]) -> None:
    assert list(lazy_imports("x.py", ast.parse(src), src.splitlines())) == want


def test_big_class_check() -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_CLASS_LINES))
    src = f"class Small:\n    pass\n\n\nclass Big:\n{body}"
    assert list(big_classes("x.py", ast.parse(src))) == [
        f"x.py:5: class Big is {MAX_CLASS_LINES + 1} lines"
    ]
    assert list(big_classes("compiler/syntax/parser.py", ast.parse(src.replace("Big", "Parser"))))\
        == []


def test_harness_import_check() -> None:
    src = "import harness.toolchain\nfrom harness import container\nfrom . import harness\n"
    assert list(harness_imports("x.py", ast.parse(src))) == [
        "x.py:1: imports harness.toolchain",
        "x.py:2: imports harness",
    ]
