"""Unit tests of the one type printer (typ.type_string and its presets) against the four
spellings refgo uses: gc's (symbols, runtime text, dumps; `link=True` for the linker's
`·N` suffix), types2's in the checker's messages (message_string), reflect's in type
descriptors (reflect_string) and gc's -m and -live spelling (m_string). The gc, types2,
reflect and -m columns are what the printers this one replaced wrote for these types
(reflect's: walk's old rtype_string)."""

from __future__ import annotations

import pytest

from compiler.diag import NOPOS
from compiler.types import typ
from compiler.types.typ import (
    BYTE,
    EMPTY_INTERFACE,
    INT,
    INT32,
    RUNE,
    STRING,
    UINT8,
    UINT16,
    UNSAFE_POINTER,
    UNTYPED_RUNE,
    Array,
    Chan,
    ChanDir,
    Field,
    IMethod,
    Interface,
    Map,
    Named,
    Pointer,
    Signature,
    Slice,
    Struct,
    Tuple,
    Type,
    m_string,
    message_signature,
    message_string,
    reflect_string,
    signature_string,
    type_string,
)

T = Named("T", "main", NOPOS, Struct((Field("x", INT),)))
L = Named("L", "main", NOPOS, Struct(()), local=2)
E = Named("errorString", "errors", NOPOS, Struct((Field("s", STRING),)))
B = Named("ByteOrder", "encoding/binary", NOPOS,
          Interface((IMethod("Uint16", Signature((Slice(BYTE),), (UINT16,))),)))
ERR = Named("error", "", NOPOS, Interface((IMethod("Error", Signature((), (STRING,))),)))
S = Signature

TYPES: dict[str, Type] = {
    "int": INT, "byte": BYTE, "rune": RUNE, "uint8": UINT8, "int32": INT32,
    "unsafe": UNSAFE_POINTER, "untyped": UNTYPED_RUNE,
    "T": T, "L": L, "E": E, "B": B, "error": ERR,
    "*T": Pointer(T), "*L": Pointer(L), "**E": Pointer(Pointer(E)),
    "[]byte": Slice(BYTE), "[]rune": Slice(RUNE),
    "[3]*E": Array(3, Pointer(E)), "[0][]L": Array(0, Slice(L)),
    "map[string][]B": Map(STRING, Slice(B)), "map[L]rune": Map(L, RUNE),
    "func()": S((), ()),
    "variadic": S((INT, Slice(STRING)), (BYTE,), True),
    "variadic-named": S((Slice(E),), (), True),
    "results": S((T, B), (INT, ERR)),
    "nested-func": S((S((L,), ()),), (S((), (Pointer(E),)),)),
    "func-iface": S((EMPTY_INTERFACE, Struct(())), (Interface((IMethod("M", S((T,), ())),)),)),
    "interface{}": EMPTY_INTERFACE,
    "iface": Interface((IMethod("M", S((T,), (Pointer(E),))), IMethod("N", S((), ())))),
    "iface-nested": Interface((IMethod("F", S((EMPTY_INTERFACE, Slice(RUNE)), (B,), True)),)),
    "[]interface{}": Slice(EMPTY_INTERFACE),
    "struct{}": Struct(()),
    "struct": Struct((Field("T", T, True), Field("errorString", Pointer(E), True),
                      Field("m", Map(BYTE, EMPTY_INTERFACE)))),
    "struct-func": Struct((Field("f", S((L,), (B,))), Field("s", Struct(())))),
    "struct-iface": Struct((Field("i", Interface((IMethod("M", S((), ())),))),
                            Field("e", EMPTY_INTERFACE))),
    "chan": Chan(Pointer(T)),
    "chan-dirs": Chan(Chan(BYTE, ChanDir.RECV), ChanDir.SEND),
    "chan-paren": Chan(Chan(L, ChanDir.RECV)),
    "chan-noparen": Chan(Chan(L, ChanDir.SEND)),
    "tuple": Tuple((INT, E)),
    "tuple0": Tuple(()),
    "tuple3": Tuple((T, BYTE, Pointer(L))),
}

# name: (gc, gc with link=True, types2 in package main (other packages by name),
#        types2 in package encoding/binary)
SPELLINGS: dict[str, tuple[str, str, str, str]] = {
    "int": ("int", "int", "int", "int"),
    "byte": ("byte", "byte", "byte", "byte"),
    "rune": ("rune", "rune", "rune", "rune"),
    "uint8": ("uint8", "uint8", "uint8", "uint8"),
    "int32": ("int32", "int32", "int32", "int32"),
    "unsafe": (
        "unsafe.Pointer",
        "unsafe.Pointer",
        "unsafe.Pointer",
        "unsafe.Pointer",
    ),
    "untyped": ("untyped rune", "untyped rune", "untyped rune", "untyped rune"),
    "T": ("main.T", "main.T", "T", "main.T"),
    "L": ("main.L", "main.L·2", "L", "main.L"),
    "E": (
        "errors.errorString",
        "errors.errorString",
        "errors.errorString",
        "errors.errorString",
    ),
    "B": (
        "encoding/binary.ByteOrder",
        "encoding/binary.ByteOrder",
        "binary.ByteOrder",
        "ByteOrder",
    ),
    "error": ("error", "error", "error", "error"),
    "*T": ("*main.T", "*main.T", "*T", "*main.T"),
    "*L": ("*main.L", "*main.L·2", "*L", "*main.L"),
    "**E": (
        "**errors.errorString",
        "**errors.errorString",
        "**errors.errorString",
        "**errors.errorString",
    ),
    "[]byte": ("[]byte", "[]byte", "[]byte", "[]byte"),
    "[]rune": ("[]rune", "[]rune", "[]rune", "[]rune"),
    "[3]*E": (
        "[3]*errors.errorString",
        "[3]*errors.errorString",
        "[3]*errors.errorString",
        "[3]*errors.errorString",
    ),
    "[0][]L": ("[0][]main.L", "[0][]main.L·2", "[0][]L", "[0][]main.L"),
    "map[string][]B": (
        "map[string][]encoding/binary.ByteOrder",
        "map[string][]encoding/binary.ByteOrder",
        "map[string][]binary.ByteOrder",
        "map[string][]ByteOrder",
    ),
    "map[L]rune": (
        "map[main.L]rune",
        "map[main.L·2]rune",
        "map[L]rune",
        "map[main.L]rune",
    ),
    "func()": ("func()", "func()", "func()", "func()"),
    "variadic": (
        "func(int, ...string) byte",
        "func(int, ...string) byte",
        "func(int, ...string) byte",
        "func(int, ...string) byte",
    ),
    "variadic-named": (
        "func(...errors.errorString)",
        "func(...errors.errorString)",
        "func(...errors.errorString)",
        "func(...errors.errorString)",
    ),
    "results": (
        "func(main.T, encoding/binary.ByteOrder) (int, error)",
        "func(main.T, encoding/binary.ByteOrder) (int, error)",
        "func(T, binary.ByteOrder) (int, error)",
        "func(main.T, ByteOrder) (int, error)",
    ),
    "nested-func": (
        "func(func(main.L)) func() *errors.errorString",
        "func(func(main.L·2)) func() *errors.errorString",
        "func(func(L)) func() *errors.errorString",
        "func(func(main.L)) func() *errors.errorString",
    ),
    "func-iface": (
        "func(interface {}, struct {}) interface { M(main.T) }",
        "func(interface {}, struct {}) interface { M(main.T) }",
        "func(interface{}, struct{}) interface{M(T)}",
        "func(interface{}, struct{}) interface{M(main.T)}",
    ),
    "interface{}": ("interface {}", "interface {}", "interface{}", "interface{}"),
    "iface": (
        "interface { M(main.T) *errors.errorString; N() }",
        "interface { M(main.T) *errors.errorString; N() }",
        "interface{M(T) *errors.errorString; N()}",
        "interface{M(main.T) *errors.errorString; N()}",
    ),
    "iface-nested": (
        "interface { F(interface {}, ...rune) encoding/binary.ByteOrder }",
        "interface { F(interface {}, ...rune) encoding/binary.ByteOrder }",
        "interface{F(interface{}, ...rune) binary.ByteOrder}",
        "interface{F(interface{}, ...rune) ByteOrder}",
    ),
    "[]interface{}": (
        "[]interface {}",
        "[]interface {}",
        "[]interface{}",
        "[]interface{}",
    ),
    "struct{}": ("struct {}", "struct {}", "struct{}", "struct{}"),
    "struct": (
        "struct { main.T; *errors.errorString; m map[byte]interface {} }",
        "struct { main.T; *errors.errorString; m map[byte]interface {} }",
        "struct{T; *errors.errorString; m map[byte]interface{}}",
        "struct{main.T; *errors.errorString; m map[byte]interface{}}",
    ),
    "struct-func": (
        "struct { f func(main.L) encoding/binary.ByteOrder; s struct {} }",
        "struct { f func(main.L·2) encoding/binary.ByteOrder; s struct {} }",
        "struct{f func(L) binary.ByteOrder; s struct{}}",
        "struct{f func(main.L) ByteOrder; s struct{}}",
    ),
    "struct-iface": (
        "struct { i interface { M() }; e interface {} }",
        "struct { i interface { M() }; e interface {} }",
        "struct{i interface{M()}; e interface{}}",
        "struct{i interface{M()}; e interface{}}",
    ),
    "tuple": (
        "(int, errors.errorString)",
        "(int, errors.errorString)",
        "(int, errors.errorString)",
        "(int, errors.errorString)",
    ),
    "chan": ("chan *main.T", "chan *main.T", "chan *T", "chan *main.T"),
    "chan-dirs": (
        "chan<- <-chan byte",
        "chan<- <-chan byte",
        "chan<- <-chan byte",
        "chan<- <-chan byte",
    ),
    "chan-paren": (
        "chan (<-chan main.L)",
        "chan (<-chan main.L·2)",
        "chan (<-chan L)",
        "chan (<-chan main.L)",
    ),
    "chan-noparen": (
        "chan chan<- main.L",
        "chan chan<- main.L·2",
        "chan chan<- L",
        "chan chan<- main.L",
    ),
    "tuple0": ("()", "()", "()", "()"),
    "tuple3": (
        "(main.T, byte, *main.L)",
        "(main.T, byte, *main.L·2)",
        "(T, byte, *L)",
        "(main.T, byte, *main.L)",
    ),
}


# name: reflect.Type.String(), as type descriptors name types (no tuples: they have no
# descriptor)
REFLECT: dict[str, str] = {
    "int": "int",
    "byte": "uint8",
    "rune": "int32",
    "uint8": "uint8",
    "int32": "int32",
    "unsafe": "unsafe.Pointer",
    "untyped": "untyped rune",
    "T": "main.T",
    "L": "main.L",
    "E": "errors.errorString",
    "B": "binary.ByteOrder",
    "error": "error",
    "*T": "*main.T",
    "*L": "*main.L",
    "**E": "**errors.errorString",
    "[]byte": "[]uint8",
    "[]rune": "[]int32",
    "[3]*E": "[3]*errors.errorString",
    "[0][]L": "[0][]main.L",
    "map[string][]B": "map[string][]binary.ByteOrder",
    "map[L]rune": "map[main.L]int32",
    "func()": "func()",
    "variadic": "func(int, ...string) uint8",
    "variadic-named": "func(...errors.errorString)",
    "results": "func(main.T, binary.ByteOrder) (int, error)",
    "nested-func": "func(func(main.L)) func() *errors.errorString",
    "func-iface": "func(interface {}, struct {}) interface { M(main.T) }",
    "interface{}": "interface {}",
    "iface": "interface { M(main.T) *errors.errorString; N() }",
    "iface-nested": "interface { F(interface {}, ...int32) binary.ByteOrder }",
    "[]interface{}": "[]interface {}",
    "struct{}": "struct {}",
    "struct": "struct { main.T; *errors.errorString; m map[uint8]interface {} }",
    "struct-func": "struct { f func(main.L) binary.ByteOrder; s struct {} }",
    "struct-iface": "struct { i interface { M() }; e interface {} }",
}

@pytest.mark.parametrize("name", TYPES)
def test_gc_and_types2_spellings(name: str) -> None:
    t = TYPES[name]
    gc, link, t2main, t2bin = SPELLINGS[name]
    assert type_string(t) == gc
    assert type_string(t, link=True) == link
    assert message_string(t, "main") == t2main
    assert message_string(t, "encoding/binary") == t2bin


@pytest.mark.parametrize("name", REFLECT)
def test_reflect_spelling(name: str) -> None:
    assert reflect_string(TYPES[name]) == REFLECT[name]


# name: gc's -m spelling in packages main, errors and encoding/binary (what escape's own
# printer wrote before it used m_string).
M_SPELLINGS: dict[str, tuple[str, str, str]] = {
    'int': ('int', 'int', 'int'),
    'byte': ('byte', 'byte', 'byte'),
    'rune': ('rune', 'rune', 'rune'),
    'uint8': ('uint8', 'uint8', 'uint8'),
    'int32': ('int32', 'int32', 'int32'),
    'unsafe': ('unsafe.Pointer', 'unsafe.Pointer', 'unsafe.Pointer'),
    'untyped': ('untyped rune', 'untyped rune', 'untyped rune'),
    'T': ('T', 'main.T', 'main.T'),
    'L': ('L', 'main.L', 'main.L'),
    'E': ('errors.errorString', 'errorString', 'errors.errorString'),
    'B': ('encoding/binary.ByteOrder', 'encoding/binary.ByteOrder', 'ByteOrder'),
    'error': ('error', 'error', 'error'),
    '*T': ('*T', '*main.T', '*main.T'),
    '*L': ('*L', '*main.L', '*main.L'),
    '**E': ('**errors.errorString', '**errorString', '**errors.errorString'),
    '[]byte': ('[]byte', '[]byte', '[]byte'),
    '[]rune': ('[]rune', '[]rune', '[]rune'),
    '[3]*E': ('[3]*errors.errorString', '[3]*errorString', '[3]*errors.errorString'),
    '[0][]L': ('[0][]L', '[0][]main.L', '[0][]main.L'),
    'map[string][]B': (
        'map[string][]encoding/binary.ByteOrder',
        'map[string][]encoding/binary.ByteOrder',
        'map[string][]ByteOrder',
    ),
    'map[L]rune': ('map[L]rune', 'map[main.L]rune', 'map[main.L]rune'),
    'func()': ('func()', 'func()', 'func()'),
    'variadic': (
        'func(int, ...string) byte',
        'func(int, ...string) byte',
        'func(int, ...string) byte',
    ),
    'variadic-named': (
        'func(...errors.errorString)',
        'func(...errors.errorString)',
        'func(...errors.errorString)',
    ),
    'results': (
        'func(main.T, encoding/binary.ByteOrder) (int, error)',
        'func(main.T, encoding/binary.ByteOrder) (int, error)',
        'func(main.T, encoding/binary.ByteOrder) (int, error)',
    ),
    'nested-func': (
        'func(func(main.L)) func() *errors.errorString',
        'func(func(main.L)) func() *errors.errorString',
        'func(func(main.L)) func() *errors.errorString',
    ),
    'func-iface': (
        'func(interface {}, struct {}) interface { M(main.T) }',
        'func(interface {}, struct {}) interface { M(main.T) }',
        'func(interface {}, struct {}) interface { M(main.T) }',
    ),
    'interface{}': ('interface {}', 'interface {}', 'interface {}'),
    'iface': (
        'interface { M(main.T) *errors.errorString; N() }',
        'interface { M(main.T) *errors.errorString; N() }',
        'interface { M(main.T) *errors.errorString; N() }',
    ),
    'iface-nested': (
        'interface { F(interface {}, ...rune) encoding/binary.ByteOrder }',
        'interface { F(interface {}, ...rune) encoding/binary.ByteOrder }',
        'interface { F(interface {}, ...rune) encoding/binary.ByteOrder }',
    ),
    '[]interface{}': ('[]interface {}', '[]interface {}', '[]interface {}'),
    'struct{}': ('struct {}', 'struct {}', 'struct {}'),
    'struct': (
        'struct { T; *errors.errorString; m map[byte]interface {} }',
        'struct { main.T; *errorString; m map[byte]interface {} }',
        'struct { main.T; *errors.errorString; m map[byte]interface {} }',
    ),
    'struct-func': (
        'struct { f func(main.L) encoding/binary.ByteOrder; s struct {} }',
        'struct { f func(main.L) encoding/binary.ByteOrder; s struct {} }',
        'struct { f func(main.L) encoding/binary.ByteOrder; s struct {} }',
    ),
    'struct-iface': (
        'struct { i interface { M() }; e interface {} }',
        'struct { i interface { M() }; e interface {} }',
        'struct { i interface { M() }; e interface {} }',
    ),
    'tuple': ('(int, errors.errorString)', '(int, errorString)', '(int, errors.errorString)'),
    'tuple0': ('()', '()', '()'),
    'tuple3': ('(T, byte, *L)', '(main.T, byte, *main.L)', '(main.T, byte, *main.L)'),
    'chan': ('chan *T', 'chan *main.T', 'chan *main.T'),
    'chan-dirs': ('chan<- <-chan byte', 'chan<- <-chan byte', 'chan<- <-chan byte'),
    'chan-paren': ('chan (<-chan L)', 'chan (<-chan main.L)', 'chan (<-chan main.L)'),
    'chan-noparen': ('chan chan<- L', 'chan chan<- main.L', 'chan chan<- main.L'),
}


def test_channel_reflect_and_m_spellings() -> None:
    assert reflect_string(TYPES["chan-dirs"]) == "chan<- <-chan uint8"
    assert reflect_string(Chan(Chan(E, ChanDir.RECV))) == "chan (<-chan errors.errorString)"
    assert m_string(Chan(S((T,), ())), "main") == "chan func(main.T)"


@pytest.mark.parametrize("name", TYPES)
def test_m_spelling(name: str) -> None:
    want = M_SPELLINGS[name]
    assert tuple(m_string(TYPES[name], p) for p in ("main", "errors", "encoding/binary")) == want


def test_signatures() -> None:
    sig = TYPES["results"]
    assert isinstance(sig, Signature)
    assert signature_string(sig) == "(main.T, encoding/binary.ByteOrder) (int, error)"
    assert message_signature(sig, "main") == "(T, binary.ByteOrder) (int, error)"
    assert message_signature(sig, "encoding/binary") == "(main.T, ByteOrder) (int, error)"
    v = TYPES["variadic"]
    assert isinstance(v, Signature)
    assert signature_string(v, typ.by_name, aliases=False) == "(int, ...string) uint8"


def test_qualifiers() -> None:
    assert typ.by_path("encoding/binary") == "encoding/binary"
    assert typ.by_name("encoding/binary") == "binary"
    rel = typ.relative_to("encoding/binary")
    assert rel("encoding/binary") == "" and rel("main") == "main"
    assert type_string(Map(B, E), typ.by_name) == "map[binary.ByteOrder]errors.errorString"
    assert type_string(ERR, typ.by_name) == "error"


def test_signature_qualifier_reaches_everything_inside() -> None:
    t = Struct((Field("f", S((T,), (Interface((IMethod("M", S((T,), ())),)),))),
                Field("t", T)))
    assert m_string(t, "main") == "struct { f func(main.T) interface { M(main.T) }; t T }"


def test_reflect_qualifies_non_exported_interface_methods() -> None:
    # gc's reflect strings: `interface { M(); main.m() }`, by package name; the
    # other spellings keep the name bare (types2, gc's) or linker-qualified.
    t = Interface((IMethod("M", S((), ())), IMethod("m", S((T,), ()), "main"),
                   IMethod("u", S((), ()), "encoding/binary")))
    assert reflect_string(t) == "interface { M(); main.m(main.T); binary.u() }"
    assert type_string(t) == "interface { M(); m(main.T); u() }"
    assert type_string(t, link=True) == "interface { M(); main.m(main.T); encoding/binary.u() }"
    assert reflect_string(Struct((Field("x", INT, pkg="main"),))) == "struct { x int }"
