"""Type expressions: the type an AST type denotes.

    []*T                    Slice(Pointer(Named T))
    <-chan []T              Chan(Slice(Named T), dir=RECV)
    [2 * N]int              Array(6, int)          (N a constant 3: array_length)
    func(int, ...string) T  Signature((int, []string), (T,), variadic=True)
    struct{ T; x int }      Struct((Field("T", T, embedded=True), Field("x", int)))
    interface{ I; M() }     Interface(methods of I and M, sorted by name)

A named type may refer to itself only through an indirection (pointer, slice, map,
func, ...): `indirections` counts them while `type_stack` holds the types being
declared, so `type T struct{ next *T }` is fine and `type T struct{ t T }` is `invalid
recursive type T`. Map keys and embedded interfaces of types still being declared are
checked once they are complete (check.py's fixups and later_keys).
"""

from __future__ import annotations

from compiler.diag import Pos
from compiler.syntax import ast
from compiler.syntax.dump import expr_string
from compiler.types import constant as C
from compiler.types.base import CheckerBase
from compiler.types.generic import intersect_terms
from compiler.types.operand import INVALID_TYPE, Builtin, Mode, describe
from compiler.types.predicates import comparable_so_far, is_untyped_kind
from compiler.types.typ import (
    Array,
    Basic,
    Chan,
    ChanDir,
    Const,
    Field,
    IMethod,
    Interface,
    Kind,
    Map,
    Named,
    Pointer,
    QName,
    Signature,
    Slice,
    Struct,
    Term,
    Type,
    is_integer,
    message_string,
    name_order,
    qname,
    under,
)

_CHAN_DIRS = {"both": ChanDir.BOTH, "send": ChanDir.SEND, "recv": ChanDir.RECV}


class TypeExprChecker(CheckerBase):
    """Type expressions (mixed into Checker)."""

    def resolve_type(self, e: ast.Expr) -> Type:
        """The type an AST type expression denotes (INVALID_TYPE after an error)."""
        match e:
            case ast.Name() | ast.SelectorExpr():
                embedded, self.embedding = self.embedding, False
                op = self.expr(e)
                if op.invalid:
                    return INVALID_TYPE
                if op.mode is not Mode.TYPE:
                    what = describe(op, self.path) if op.mode is not Mode.BUILTIN \
                        else f"{expr_string(e)} (built-in)"
                    self.error(e.pos, f"{what} is not a type")
                    return INVALID_TYPE
                t = op.type
                if isinstance(t, Named) and t.underlying is None and \
                        self.type_ind.get(id(t)) == self.indirections:
                    cycle = self.type_stack[self.type_stack.index(t):]
                    lines = "".join(f"\n\t{c.pos}: {c.name} refers to" for c in cycle)
                    self.error(t.pos, f"invalid recursive type {t.name}{lines}\n\t"
                                      f"{t.pos}: {t.name}")
                    # An interface embedding itself still gets the methods (the
                    # fixups complete it), as in types2.
                    self.cyclic.add(id(t))
                    return t if embedded else INVALID_TYPE
                if not self.in_constraint and isinstance(t, Named) and isinstance(
                        t.underlying, Interface) and (t.underlying.terms is not None
                                                      or t.underlying.comparable):
                    why = "interface contains type constraints" if \
                        t.underlying.terms is not None else "interface is (or embeds) " \
                                                            "comparable"
                    self.error(e.pos, f"cannot use type {expr_string(e)} outside a type "
                                      f"constraint: {why}")
                    return INVALID_TYPE
                return t
            case ast.ParenExpr(x=x):
                return self.resolve_type(x)
            case ast.IndexExpr():
                op = self.expr(e)
                if op.invalid:
                    return INVALID_TYPE
                if op.mode is not Mode.TYPE:
                    self.error(e.pos, f"{expr_string(e)} is not a type")
                    return INVALID_TYPE
                return op.type
            case ast.StarExpr(x=x):
                return Pointer(self._indirect_type(x))
            case ast.ArrayType(len=None):
                self.error(e.pos, "invalid use of [...] array (outside a composite literal)")
                return INVALID_TYPE
            case ast.ArrayType(len=n, elem=el):
                assert n is not None
                length = self.array_length(n)
                et = self.resolve_type(el)
                return Array(length, et) if length >= 0 else INVALID_TYPE
            case ast.SliceType(elem=el):
                return Slice(self._indirect_type(el))
            case ast.MapType(key=k, value=v):
                kt = self._indirect_type(k)
                vt = self._indirect_type(v)
                known = comparable_so_far(kt)
                if kt is not INVALID_TYPE and known is False:
                    self.error(k.pos, f"invalid map key type {message_string(kt, self.path)}")
                elif known is None:
                    self.later_keys.append((kt, k.pos))
                return Map(kt, vt)
            case ast.FuncType():
                self.indirections += 1
                self._duplicate_params(e)
                try:
                    return self.resolve_signature(e)
                finally:
                    self.indirections -= 1
            case ast.StructType():
                return self.struct_type(e)
            case ast.InterfaceType():
                return self.interface_type(e)
            case ast.ChanType(dir=d, elem=el):
                return Chan(self._indirect_type(el), _CHAN_DIRS[d])
        self.error(e.pos, f"{expr_string(e)} is not a type")
        return INVALID_TYPE

    def _indirect_type(self, e: ast.Expr) -> Type:
        self.indirections += 1
        try:
            return self.resolve_type(e)
        finally:
            self.indirections -= 1

    def array_length(self, n: ast.Expr) -> int:
        """The constant length of an array type, or -1 after an error (types2's rules)."""
        if isinstance(n, ast.Name):
            obj = self.lookup(n.value)
            if obj is None:
                self.error(n.pos, f"undeclared name {n.value} for array length")
                return -1
            if not isinstance(obj, Const) and not (isinstance(obj, Builtin)
                                                   and obj.name == "iota"):
                self.error(n.pos, f"invalid array length {n.value}")
                return -1
        op = self.expr(n)
        if op.invalid:
            return -1
        if op.mode is not Mode.CONST:
            self.error(n.pos, f"array length {describe(op, self.path)} must be constant")
            return -1
        assert op.val is not None
        if (is_integer(op.type) or is_untyped_kind(op.type)) and not isinstance(
                op.val, (bool, bytes)) and C.is_int_value(op.val):
            v = int(C.to_fraction(op.val))
            lo, hi = C.int_range(Kind.INT)
            if lo <= v <= hi:
                if v >= 0:
                    return v
                self.error(n.pos, f"invalid array length {describe(op, self.path)}")
                return -1
        self.error(n.pos, f"array length {describe(op, self.path)} must be integer")
        return -1

    def _duplicate_params(self, ft: ast.FuncType) -> None:
        """Reports a parameter or result name used twice in a func type written as a type
        (`interface{ f(x int) (x int) }`); a declaration's are declared, and so reported,
        with its body."""
        seen: dict[str, Pos] = {}
        for p in (*ft.params, *ft.results):
            if p.name is None or p.name.value == "_":
                continue
            prev = seen.get(p.name.value)
            if prev is not None:
                self.error(p.name.pos, f"{p.name.value} redeclared in this block\n\t"
                                       f"{prev}: other declaration of {p.name.value}")
            else:
                seen[p.name.value] = p.name.pos

    def resolve_signature(self, ft: ast.FuncType) -> Signature:
        params: list[Type] = []
        variadic = False
        for i, p in enumerate(ft.params):
            if isinstance(p.type, ast.DotsType):
                if i != len(ft.params) - 1:
                    self.error(p.type.pos, "can only use ... with final parameter in list")
                variadic = True
                params.append(Slice(self._indirect_type(p.type.elem)))
            else:
                params.append(self._indirect_type(p.type))
        results: list[Type] = []
        for r in ft.results:
            if isinstance(r.type, ast.DotsType):
                self.error(r.type.pos, "can only use ... with final parameter in list")
                results.append(INVALID_TYPE)
            else:
                results.append(self._indirect_type(r.type))
        names: tuple[str, ...] = ()
        fields = (*ft.params, *ft.results)
        if any(f.name is not None for f in fields):
            names = tuple(f.name.value if f.name is not None else "" for f in fields)
        return Signature(tuple(params), tuple(results), variadic, names)

    def struct_type(self, e: ast.StructType) -> Type:
        fields: list[Field] = []
        seen: dict[str, Pos] = {}
        for f in e.fields:
            t = self.resolve_type(f.type)
            if f.name is None:
                base = t.elem if isinstance(t, Pointer) else t
                if isinstance(base, (Named, Basic)):
                    name = _embedded_name(f.type) or base.name
                else:
                    self.error(f.type.pos, "embedded field type must be a type name")
                    continue
                self.later_embeds.append((t, f.type.pos))
                fields.append(Field(name, t, True, _tag(f.tag), f.type.pos,
                                    qname(name, self.path).pkg))
                npos = f.type.pos
            else:
                name = f.name.value
                fields.append(Field(name, t, False, _tag(f.tag), f.name.pos,
                                    qname(name, self.path).pkg))
                npos = f.name.pos
            if name != "_" and name in seen:
                self.error(npos, f"{name} redeclared\n\t{seen[name]}: other declaration of "
                                 f"{name}")
                fields.pop()
                continue
            seen[name] = npos
        return Struct(tuple(fields))

    def check_embedded(self) -> None:
        """Reports the map keys that are not comparable and the embedded fields whose
        types may not be embedded, once those types are complete (types2 checks them
        later)."""
        keys, self.later_keys = self.later_keys, []
        for kt, kpos in keys:
            known = comparable_so_far(kt)
            if known is None:
                self.later_keys.append((kt, kpos))
            elif not known:
                self.error(kpos, f"invalid map key type {message_string(kt, self.path)}")
        todo, self.later_embeds = self.later_embeds, []
        for t, pos in todo:
            base = t.elem if isinstance(t, Pointer) else t
            while isinstance(base, Named):
                if base.underlying is None:
                    self.later_embeds.append((t, pos))
                    break
                base = base.underlying
            else:
                if isinstance(base, Basic) and base.kind is Kind.UNSAFE_POINTER:
                    self.error(pos, "embedded field type cannot be unsafe.Pointer")
                elif isinstance(base, Pointer):
                    self.error(pos, "embedded field type cannot be a pointer")
                elif isinstance(base, Interface) and isinstance(t, Pointer):
                    self.error(pos, "embedded field type cannot be a pointer to an interface")

    def interface_type(self, e: ast.InterfaceType) -> Type:
        methods: dict[QName, IMethod] = {}
        terms: tuple[Term, ...] | None = None
        cmp = False
        # The embedded types are resolved first and whole (no indirection): embedding
        # oneself, directly or through others, is an invalid recursive type (types2's
        # validType), even when a method's signature reaches the other first.
        embedded: dict[int, Type] = {}
        origin: dict[QName, Pos] = {}
        for i, m in enumerate(e.methods):
            if m.name is None and not isinstance(m.type, ast.UnaryExpr | ast.BinaryExpr):
                saved = self.in_constraint
                self.in_constraint = True
                self.embedding = True
                try:
                    embedded[i] = self.resolve_type(m.type)
                finally:
                    self.embedding = False
                    self.in_constraint = saved
        # types2's computeInterfaceTypeSet: the explicit methods first, then the
        # embedded interfaces' (which may repeat a method with an identical type).
        for m in e.methods:
            if m.name is not None and not isinstance(m.type, ast.UnaryExpr | ast.BinaryExpr):
                assert isinstance(m.type, ast.FuncType)
                if m.name.value == "_":
                    self.error(m.name.pos, "methods must have a unique non-blank name")
                    continue
                sig = self._indirect_type(m.type)
                assert isinstance(sig, Signature)
                q = qname(m.name.value, self.path)
                if q in methods:
                    self.error(m.name.pos, f"duplicate method {m.name.value}\n\t"
                                           f"{origin[q]}: other declaration of "
                                           f"{m.name.value}")
                else:
                    origin[q] = m.name.pos
                methods[q] = IMethod(m.name.value, sig, q.pkg)
        for i, m in enumerate(e.methods):
            if isinstance(m.type, ast.UnaryExpr | ast.BinaryExpr):
                terms = intersect_terms(terms, self.union_terms(m.type))
                continue
            if m.name is not None:
                continue
            t = embedded[i]
            if t is INVALID_TYPE:
                continue
            if isinstance(t, Named) and t.underlying is None:
                self.incomplete_embed = True
                continue
            u = under(t)
            if not isinstance(u, Interface):
                if self.lang_before(18):
                    # types2 leaves the element out of the type set after the error.
                    if id(t) not in self.cyclic:
                        self.version_error(m.type.pos, "embedding non-interface type "
                                           f"{message_string(t, self.path)}", 18)
                    continue
                terms = intersect_terms(terms, (Term(False, t),))
                continue
            terms = intersect_terms(terms, u.terms)
            cmp = cmp or u.comparable
            for im in u.methods:
                prev = methods.get(im.qname)
                if prev is not None and (prev.sig != im.sig or self.lang_before(14)):
                    self.error(m.type.pos, f"duplicate method {im.name}\n\t"
                                           f"{origin[im.qname]}: other declaration of "
                                           f"{im.name}")
                origin.setdefault(im.qname, m.type.pos)
                methods[im.qname] = im
        return Interface(tuple(methods[k] for k in sorted(methods, key=name_order)), terms,
                         cmp)


def _embedded_name(e: ast.Expr) -> str | None:
    """The field name an embedded field's type as written gives: `T` for T, *T, p.T, *p.T
    (an alias's own name, not the aliased type's: `type S = T; struct{ S }` has field S)."""
    while isinstance(e, ast.ParenExpr):
        e = e.x
    if isinstance(e, ast.StarExpr):
        e = e.x
        while isinstance(e, ast.ParenExpr):
            e = e.x
    match e:
        case ast.Name(value=v):
            return v
        case ast.SelectorExpr(sel=sel):
            return sel.value
    return None


def _tag(text: str | None) -> str:
    """A struct tag literal's value ("" without one)."""
    return C.unquote(text).decode("utf-8", "replace") if text else ""
