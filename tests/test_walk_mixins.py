"""walk's composition (compiler/walk/func.py): every concern's mixin is in FuncBuilder,
no mixin shadows another's method, each method WalkerBase declares for mypy is defined
by the module its declaration names (class sizes: test_structure.py)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from compiler.walk import base
from compiler.walk.func import FuncBuilder


def _mixins() -> list[type]:
    return [c for c in FuncBuilder.__mro__ if c not in (FuncBuilder, base.WalkerBase, object)]


def test_every_concern_is_composed() -> None:
    walk_dir = Path(base.__file__).parent
    have = {c.__module__.rsplit(".", 1)[-1] for c in _mixins()}
    for p in walk_dir.glob("*.py"):
        if "(WalkerBase)" in p.read_text():
            assert p.stem in have, f"{p.name}'s mixin is not in FuncBuilder"


def test_no_mixin_shadows_another() -> None:
    owner: dict[str, str] = {}
    for c in [*_mixins(), base.WalkerBase, FuncBuilder]:
        for name, v in vars(c).items():
            if inspect.isfunction(v) and name != "__init__":
                assert name not in owner, f"{name} in {owner.get(name)} and {c.__name__}"
                owner[name] = c.__name__


def test_declared_methods_are_defined_where_declared() -> None:
    """WalkerBase's TYPE_CHECKING block groups declarations under `# module.py`."""
    src = Path(base.__file__).read_text()
    tree = ast.parse(src)
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "WalkerBase")
    block = next(n for n in cls.body if isinstance(n, ast.If))
    lines = src.split("\n")
    declared: list[tuple[str, str]] = []
    for f in block.body:
        assert isinstance(f, ast.FunctionDef)
        comment = next(lines[i].strip() for i in range(f.lineno - 2, 0, -1)
                       if lines[i].strip().startswith("# ") and lines[i].strip().endswith(".py"))
        declared.append((f.name, comment[2:-3]))
    assert len(declared) > 20
    for name, module in declared:
        assert name not in vars(base.WalkerBase), f"{name} has a body in WalkerBase"
        definer = next(c for c in FuncBuilder.__mro__ if name in vars(c))
        assert definer.__module__ == f"compiler.walk.{module}", (name, definer)
