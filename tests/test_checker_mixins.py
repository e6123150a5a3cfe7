"""The checker's composition (compiler/types/__init__.py): every concern's mixin is in
Checker, no mixin shadows another's method, and each method CheckerBase declares for
mypy is defined by the module its declaration names."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from compiler.types import base
from compiler.types.check import Checker


def _mixins() -> list[type]:
    return [c for c in Checker.__mro__ if c not in (Checker, base.CheckerBase, object)]


def test_every_concern_is_composed() -> None:
    types_dir = Path(base.__file__).parent
    have = {c.__module__.rsplit(".", 1)[-1] for c in _mixins()}
    for p in types_dir.glob("*.py"):
        if "(CheckerBase)" in p.read_text():
            assert p.stem in have, f"{p.name}'s mixin is not in Checker"


def test_no_mixin_shadows_another() -> None:
    owner: dict[str, str] = {}
    for c in [*_mixins(), base.CheckerBase, Checker]:
        for name, v in vars(c).items():
            if inspect.isfunction(v) and name != "__init__":
                assert name not in owner, f"{name} in {owner.get(name)} and {c.__name__}"
                owner[name] = c.__name__


def test_declared_methods_are_defined_where_declared() -> None:
    """CheckerBase's TYPE_CHECKING block groups declarations under `# module.py`."""
    tree = ast.parse(Path(base.__file__).read_text())
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "CheckerBase")
    block = next(n for n in cls.body if isinstance(n, ast.If))
    src = Path(base.__file__).read_text().split("\n")
    declared: list[tuple[str, str]] = []
    for f in block.body:
        assert isinstance(f, ast.FunctionDef)
        comment = next(src[i].strip() for i in range(f.lineno - 2, 0, -1)
                       if src[i].strip().startswith("# ") and src[i].strip().endswith(".py"))
        declared.append((f.name, comment[2:-3]))
    assert len(declared) > 30
    for name, module in declared:
        assert name not in vars(base.CheckerBase), f"{name} has a body in CheckerBase"
        definer = next(c for c in Checker.__mro__ if name in vars(c))
        assert definer.__module__ == f"compiler.types.{module}", (name, definer)
