"""The linker's weak method references (compiler/linkweak.py) on units made by hand:
a method table names its methods weakly, an interface's table names the keys."""

from __future__ import annotations

from compiler import amd64, ir, linkweak, units


def _func(name: str, *calls: str) -> units.FuncCode:
    text = "\n".join([*amd64.func_head(name), *(f"\tcall\t{amd64.quote(c)}" for c in calls),
                      "\tret"])
    return units.FuncCode(name, text, (), (), "p.go", 1)


def _methods(sym: str, *entries: tuple[str, str]) -> tuple[str, str]:
    """A concrete type's method table of (key, function) entries, as reflectdata's."""
    relocs = tuple(ir.Reloc(8 * i, fn, linkweak.conditions(key))
                   for i, (key, fn) in enumerate(entries))
    return sym, "\n".join(amd64._data(ir.Data(sym, bytes(8 * len(entries)), relocs)))


def _iface(sym: str, *keys: str) -> tuple[str, str]:
    marks = tuple(linkweak.key_sym(k) for k in keys)
    return sym, "\n".join(amd64._data(ir.Data(sym, bytes(8), marks=marks)))


def _unit(funcs: list[units.FuncCode], data: list[tuple[str, str]]) -> units.Unit:
    return units.Unit("main", tuple(funcs), tuple(data), (), b"")


def test_keeps_only_methods_an_interface_can_reach() -> None:
    # main.main reaches T's descriptor and interface I's (a type assertion to I):
    # T.M, which I has, is linked; T.N (no interface has it, unexported) is not, and
    # nor is what only it calls; its slot is written 0.
    funcs = [_func("main.main", "type.main.T", "type.main.I"), _func("main.T.M"),
             _func("main.T.n", "main.helper"), _func("main.helper")]
    data = [_methods("type.main.T", ("M() int", "main.T.M"), ("n() int", "main.T.n")),
            _iface("type.main.I", "M() int")]
    live = units.live_symbols([_unit(funcs, data)])
    assert "main.T.M" in live
    assert "main.T.n" not in live and "main.helper" not in live
    text = units.link_text([_unit(funcs, data)])
    assert '\t.quad\t"main.T.M"\t# weak' in text and "main.T.n" not in text
    assert "\t.quad\t0" in text


def test_reflect_method_keeps_exported_methods() -> None:
    # Without an interface naming them, reflect.Value.Method (which calls
    # reflect.methodReached, inlined or not) keeps the exported
    # method (it may call it by index), not the unexported one; an interface keeps
    # the unexported one; the runtime's Error() string is always kept.
    funcs = [_func("main.main", "type.main.T", "reflect.Value.Method"),
             _func("reflect.Value.Method", linkweak.REFLECT_MARK),
             _func(linkweak.REFLECT_MARK), _func("main.T.M"), _func("main.T.n"),
             _func("main.T.Error")]
    data = [_methods("type.main.T", ("Error() string", "main.T.Error"),
                     ("M() int", "main.T.M"), ("n() int", "main.T.n"))]
    live = units.live_symbols([_unit(funcs, data)])
    assert {"main.T.M", "main.T.Error"} <= live and "main.T.n" not in live
    funcs[0] = _func("main.main", "type.main.T", "type.main.J")
    data.append(_iface("type.main.J", "n() int"))
    live = units.live_symbols([_unit(funcs, data)])
    assert {"main.T.n", "main.T.Error"} <= live and "main.T.M" not in live
