"""`refgo mkbuiltin`: regenerate the runtime's import data from runtime.go.

    refgo mkbuiltin            # parse runtime.go, write runtimedata.py
    refgo mkbuiltin -check     # exit 1 with "out of date; run refgo mkbuiltin" if stale
    refgo mkbuiltin -list      # print the checked-in data as readable declarations

runtime.go is parsed with refgo's own front end (compiler.syntax.parse_file) and its
bodyless func and var declarations are turned into `exportdata` objects: a declaration
`func convT2E(typ *byte, elem *any) (ret any)` becomes

    FuncObj("convT2E", (Param("typ", Pointer(byte)), Param("elem", Pointer(ANY))),
            (Param("ret", ANY),))

Type expressions are resolved here, not by the type checker: runtime.go may name only
predeclared types, `any`, `unsafe.Pointer` and type literals built from them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from compiler.builtin import exportdata as ed
from compiler.diag import Diagnostics, Pos
from compiler.syntax import ast, parse_file
from compiler.types import typ

HERE = Path(__file__).resolve().parent
RUNTIME_GO = HERE / "runtime.go"
RUNTIMEDATA_PY = HERE / "runtimedata.py"
USAGE = "usage: refgo mkbuiltin [-check] [-list]"
OUT_OF_DATE = "out of date; run refgo mkbuiltin"

_NAMED: dict[str, typ.Type] = {
    t.name: t for t in ed.PREDECLARED if isinstance(t, typ.Basic)
}
_NAMED["any"] = ed.ANY


class DeclError(Exception):
    """A declaration in runtime.go that the builtin data cannot describe."""

    def __init__(self, pos: Pos, msg: str) -> None:
        super().__init__(f"{pos}: {msg}")


_CHAN_DIRS = {"send": typ.ChanDir.SEND, "recv": typ.ChanDir.RECV, "both": typ.ChanDir.BOTH}


def resolve(x: ast.Expr) -> typ.Type:
    """The type a runtime.go type expression denotes."""
    match x:
        case ast.Name(value=v) if v in _NAMED:
            return _NAMED[v]
        case ast.SelectorExpr(x=ast.Name(value="unsafe"), sel=ast.Name(value="Pointer")):
            return typ.UNSAFE_POINTER
        case ast.ParenExpr(x=inner):
            return resolve(inner)
        case ast.StarExpr(x=e):
            return typ.Pointer(resolve(e))
        case ast.SliceType(elem=e):
            return typ.Slice(resolve(e))
        case ast.ArrayType(len=ast.BasicLit(kind="INT", value=n), elem=e):
            return typ.Array(int(n, 0), resolve(e))
        case ast.MapType(key=k, value=v):
            return typ.Map(resolve(k), resolve(v))
        case ast.ChanType(dir=d, elem=e):
            return typ.Chan(resolve(e), _CHAN_DIRS[d])
        case ast.FuncType():
            return _func(x).signature()
        case ast.StructType(fields=fs):
            return typ.Struct(tuple(_field(f) for f in fs))
        case ast.InterfaceType(methods=ms):
            return typ.Interface(tuple(sorted((_imethod(m) for m in ms), key=lambda m: m.name)))
    raise DeclError(x.pos, "mkbuiltin: unsupported type expression in runtime.go")


def _field(f: ast.Field) -> typ.Field:
    t = resolve(f.type)
    if f.name is None:
        raise DeclError(f.pos, "mkbuiltin: embedded fields are not supported")
    return typ.Field(f.name.value, t)


def _imethod(f: ast.Field) -> typ.IMethod:
    if f.name is None or not isinstance(f.type, ast.FuncType):
        raise DeclError(f.pos, "mkbuiltin: embedded interfaces are not supported")
    return typ.IMethod(f.name.value, _func(f.type).signature())


def _params(fs: tuple[ast.Field, ...], allow_dots: bool) -> tuple[tuple[ed.Param, ...], bool]:
    out: list[ed.Param] = []
    variadic = False
    for i, f in enumerate(fs):
        name = f.name.value if f.name is not None else ""
        if isinstance(f.type, ast.DotsType):
            if not allow_dots or i != len(fs) - 1:
                raise DeclError(f.pos, "mkbuiltin: misplaced ...")
            out.append(ed.Param(name, typ.Slice(resolve(f.type.elem))))
            variadic = True
        else:
            out.append(ed.Param(name, resolve(f.type)))
    return tuple(out), variadic


def _func(ft: ast.FuncType, name: str = "") -> ed.FuncObj:
    params, variadic = _params(ft.params, True)
    results, _ = _params(ft.results, False)
    return ed.FuncObj(name, params, results, variadic)


def declarations(f: ast.File) -> ed.ImportData:
    """The import data described by a parsed runtime.go."""
    objs: list[ed.Object] = []
    for d in f.decls:
        match d:
            case ast.ImportDecl(path='"unsafe"'):
                continue
            case ast.FuncDecl(recv=None, body=None):
                objs.append(_func(d.type, d.name.value))
            case ast.FuncDecl():
                raise DeclError(d.pos, "mkbuiltin: runtime.go declares only bodyless funcs")
            case ast.VarSpec(type=t, values=()) if t is not None:
                vt = resolve(t)
                objs.extend(ed.VarObj(n.value, vt) for n in d.names)
            case _:
                raise DeclError(d.pos, "mkbuiltin: unsupported declaration in runtime.go")
    return ed.ImportData(f.package.value, tuple(objs))


def build(path: Path | None = None) -> bytes:
    """Parse path (default runtime.go) and return its import data; DeclError if bad."""
    path = path or RUNTIME_GO
    diags = Diagnostics()
    shown = str(path)
    f = parse_file(shown, path.read_bytes(), diags)
    if diags.errors:
        first = diags.sorted()[0]
        raise DeclError(first.pos, first.msg)
    try:
        return ed.encode(declarations(f))
    except ed.ImportDataError as err:
        raise DeclError(Pos(shown, 1, 1), f"mkbuiltin: {err}") from err


def module_text(blob: bytes) -> str:
    """The source of the generated runtimedata.py holding blob."""
    return (
        '"""Import data of compiler/builtin/runtime.go, generated by `refgo mkbuiltin`.\n'
        "\n"
        "DO NOT EDIT. Format: docs/export-format.md; listing: `refgo mkbuiltin -list`.\n"
        '"""\n'
        "\n"
        "RUNTIME_IMPORT = (\n"
        f"{ed.render_py_bytes(blob)}"
        ")\n"
    )


def main(argv: Sequence[str]) -> int:
    """`refgo mkbuiltin [-check] [-list]`; returns the exit status."""
    flags = set(argv)
    unknown = sorted(flags - {"-check", "-list"})
    if unknown:
        print(f"{USAGE} (unknown flag {unknown[0]})", file=sys.stderr)
        return 2
    if "-list" in flags:
        # Imported here, not at the top: runtimedata.py is this command's output, and a
        # broken or missing one must not stop `refgo mkbuiltin` from rewriting it.
        from compiler.builtin.runtimedata import RUNTIME_IMPORT

        try:
            sys.stdout.write(ed.listing(RUNTIME_IMPORT))
        except ed.ImportDataError as err:
            print(f"{RUNTIMEDATA_PY.name}: {err}; run refgo mkbuiltin", file=sys.stderr)
            return 1
        return 0
    try:
        text = module_text(build())
    except (DeclError, OSError) as err:
        print(err, file=sys.stderr)
        return 1
    if "-check" in flags:
        try:
            current = RUNTIMEDATA_PY.read_text()
        except OSError:
            current = ""
        if current != text:
            print(f"{RUNTIMEDATA_PY.name}: {OUT_OF_DATE}", file=sys.stderr)
            return 1
        return 0
    RUNTIMEDATA_PY.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
