"""The parser: tokens → `ast.File`, recursive descent over the Go 1.19 grammar
(type parameter lists included).

Syntax errors use gc's words, e.g. for `f(a b)`:

    x.go:4:6: syntax error: unexpected b in argument list; possibly missing comma or )

After an error the parser skips to the end of the statement (or declaration) and goes
on; at most one syntax error is reported per line, as gc does. Nesting deeper than
MAX_DEPTH is an error rather than a Python RecursionError.

A composite literal `T{` is not recognized in the header of if/for/switch unless it is
parenthesized (`xnest` < 0 there), exactly as in Go.

This module is long because it is one recursive-descent parser (as gc's syntax/parser.go
is one file): a method per production of the grammar, all sharing the token cursor, the
nesting depth and the error-recovery state.
"""

from __future__ import annotations

import dataclasses

from compiler.diag import Diagnostic, Diagnostics, Pos
from compiler.syntax import ast
from compiler.syntax.branches import check_branches
from compiler.syntax.dump import expr_string
from compiler.syntax.lexer import lex
from compiler.syntax.pragma import EMBED, FILE_FLAGS, TYPE_FLAGS, USER, Directives, Mode
from compiler.syntax.tokens import ASSIGN_OPS, LITERAL_KINDS, PRECEDENCE, Token

_AFTER_STMT = frozenset({
    ";", "}", "case", "default", "EOF", "break", "const", "continue", "defer",
    "fallthrough", "for", "go", "goto", "if", "return", "select", "switch", "type", "var",
})

MAX_DEPTH = 10_000
"""Nesting the parser accepts: past gc's practical 3,000 (test/fixedbugs), within
Python's recursion limit (syntax/__init__.py sets 20 frames per level; 3.11 calls
between Python functions use no C stack)."""


class _Bail(Exception):
    """Unwinds to the nearest recovery point after a syntax error was reported."""


class Parser:
    """Parses one file; call `file()` once."""

    def __init__(self, path: str, src: bytes, diags: Diagnostics, mode: Mode = USER) -> None:
        self.path = path
        self.diags = diags
        before = diags.errors
        self.toks, pragmas = lex(path, src, diags)
        self.lex_errors = diags.errors > before
        self.dirs = Directives(path, pragmas, mode)
        self.k = 0
        self.tok = self.toks[0]
        self.xnest = 0
        self.depth = 0
        self.error_lines: set[int] = set()
        self.in_func = 0
        self.imports_embed = False
        self.param_head = False
        self.clean_bodies: list[ast.BlockStmt] = []
        """Function bodies (and literals') parsed without a syntax error."""

    # -- token helpers ------------------------------------------------------------------

    def pos(self, t: Token | None = None) -> Pos:
        t = t or self.tok
        return Pos(self.path, t.line, t.col)

    def next(self) -> None:
        if self.k < len(self.toks) - 1:
            self.k += 1
        self.tok = self.toks[self.k]

    def peek(self, n: int = 1) -> Token:
        return self.toks[min(self.k + n, len(self.toks) - 1)]

    def got(self, kind: str) -> bool:
        if self.tok.kind == kind:
            self.next()
            return True
        return False

    def error_at(self, pos: Pos, msg: str) -> None:
        """Report a syntax error unless this line already has one."""
        if pos.line in self.error_lines:
            return
        self.error_lines.add(pos.line)
        self.diags.error(pos, msg)

    def syntax_error(self, msg: str) -> _Bail:
        """Report `syntax error: unexpected TOK<msg>` (or msg itself) at the current token."""
        t = self.tok
        if msg.startswith("in ") or msg.startswith("at ") or msg.startswith("after "):
            text = f"unexpected {t.describe()} {msg}"
        elif msg.startswith("expecting "):
            text = f"unexpected {t.describe()}, {msg}"
        elif msg.startswith(", "):
            text = f"unexpected {t.describe()}{msg}"
        else:
            text = msg
        if t.kind == "EOF" and msg.startswith("expecting"):
            text = f"unexpected EOF, {msg}"
        if t.kind == "EOF" and (self.error_lines or self.lex_errors):
            return _Bail()
        self.error_at(self.pos(), "syntax error: " + text)
        return _Bail()

    def want(self, kind: str) -> Token:
        t = self.tok
        if not self.got(kind):
            raise self.syntax_error("expecting " + _tokname(kind))
        return t

    def take_pragmas(self, allowed: frozenset[str]) -> None:
        """Attaches the pending directives to a declaration that takes `allowed`."""
        self.dirs.allow(self.dirs.take(self.tok.line, self.tok.col), allowed)

    def clear_pragmas(self) -> None:
        """Ends a form that takes no directives: the pending ones were misplaced."""
        self.dirs.clear(self.tok.line, self.tok.col)

    def advance_list(self, close: str) -> bool:
        """After an error in a list, skip to a closing bracket (not consumed); True if it
        is the list's own `close` (gc's recovery)."""
        while self.tok.kind not in (")", "]", "}", "EOF"):
            self.next()
        return self.tok.kind == close

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.error_at(self.pos(), f"syntax error: nesting deeper than {MAX_DEPTH} levels")
            raise _Bail()

    # -- file ---------------------------------------------------------------------------

    def file(self) -> ast.File | None:
        """The whole file; None when even the package clause is missing."""
        start = self.pos()
        if self.tok.kind != "package":
            self.syntax_error("package statement must be first")
            return None
        self.next()
        self.take_pragmas(FILE_FLAGS)
        try:
            pkg = self.name()
            self.want_semi_top()
        except _Bail:
            return None
        decls: list[ast.Decl] = []
        seen_other = False
        while self.tok.kind != "EOF":
            try:
                kind = self.tok.kind
                if kind == "import":
                    if seen_other:
                        # gc takes a late import for a stray statement and skips it.
                        self.error_at(self.pos(), "syntax error: non-declaration statement "
                                                  "outside function body")
                        while self.tok.kind not in ("const", "type", "var", "func", "EOF"):
                            self.next()
                        continue
                    self.next()
                    self.group(self.import_spec, decls)
                elif kind == "const":
                    seen_other = True
                    self.next()
                    self.const_group(decls)
                elif kind == "var":
                    seen_other = True
                    self.next()
                    self.group(self.var_spec, decls)
                elif kind == "type":
                    seen_other = True
                    self.next()
                    self.group(self.type_spec, decls)
                elif kind == "func":
                    seen_other = True
                    decls.append(self.func_decl())
                elif kind == ";":
                    self.next()
                    continue
                else:
                    if kind == "{" and decls and isinstance(decls[-1], ast.FuncDecl) and \
                            decls[-1].body is None:
                        raise self.syntax_error("unexpected semicolon or newline before {")
                    if kind == "{" or kind == "NAME" or kind in LITERAL_KINDS or kind in (
                            "(", "*", "if", "for", "return", "switch", "go", "defer"):
                        raise self.syntax_error("non-declaration statement outside "
                                                "function body")
                    raise self.syntax_error("after top level declaration")
                self.clear_pragmas()
                if self.tok.kind != "EOF":
                    self.want_semi_top()
            except _Bail:
                self.skip_top()
        self.clear_pragmas()
        self.dirs.finish({d.name.pos: d.name.value for d in decls
                          if isinstance(d, ast.FuncDecl) and d.body is None})
        return ast.File(start, self.path, pkg, tuple(decls), tuple(self.dirs.early),
                        tuple(self.dirs.late), tuple(self.dirs.linknames))

    def want_semi_top(self) -> None:
        if self.tok.kind == "EOF":
            return
        if not self.got(";"):
            raise self.syntax_error("after top level declaration")

    def skip_top(self) -> None:
        """Skip to the next top-level declaration keyword at the start of a line."""
        prev_line = -1
        while self.tok.kind != "EOF":
            if (self.tok.kind in ("func", "var", "const", "type", "import")
                    and self.tok.line != prev_line and self.tok.col == 1):
                return
            prev_line = self.tok.line
            self.next()

    def group(self, spec: object, out: list[ast.Decl]) -> None:
        """`kw spec` or `kw ( spec; ... )`; spec() appends to out."""
        assert callable(spec)
        if self.tok.kind == "(":
            self.clear_pragmas()
            self.next()
            while self.tok.kind not in (")", "EOF"):
                spec(out)
                if not self.got(";") and self.tok.kind != ")":
                    self.group_error()
            self.want(")")
        else:
            spec(out)

    def group_error(self) -> None:
        """A grouped declaration's spec not followed by `;` or `)`: gc's list complains
        and skips to a closing bracket (or, in a function, a statement keyword), going
        on with the group if that is its `)`."""
        self.syntax_error("in grouped declaration; possibly missing semicolon or newline "
                          "or )")
        stop = _GROUP_STOP_FUNC if self.in_func else _GROUP_STOP
        while self.tok.kind not in stop:
            self.next()
        if self.tok.kind != ")":
            raise _Bail()

    def import_spec(self, out: list[ast.Decl]) -> None:
        pos = self.pos()
        self.take_pragmas(frozenset())
        name: ast.Name | None = None
        if self.tok.kind == "NAME":
            name = self.name()
        elif self.tok.kind == ".":
            name = ast.Name(self.pos(), ".")
            self.next()
        if self.tok.kind != "STRING":
            if self.tok.kind in (";", ")"):
                raise self.syntax_error("missing import path; require quoted string")
            raise self.syntax_error("import path must be a string")
        ppos = self.pos()
        path = self.tok.text
        self.imports_embed |= path in ('"embed"', "`embed`")
        self.next()
        out.append(ast.ImportDecl(pos, name, path, ppos))

    def const_group(self, out: list[ast.Decl]) -> None:
        if self.tok.kind != "(":
            out.append(self.const_spec(0, None))
            return
        self.clear_pragmas()
        self.next()
        iota = 0
        prev: ast.ConstSpec | None = None
        while self.tok.kind not in (")", "EOF"):
            spec = self.const_spec(iota, prev)
            out.append(spec)
            prev = spec
            iota += 1
            if not self.got(";") and self.tok.kind != ")":
                self.group_error()
        self.want(")")

    def const_spec(self, iota: int, prev: ast.ConstSpec | None) -> ast.ConstSpec:
        pos = self.pos()
        self.take_pragmas(frozenset())
        names = self.name_list()
        typ: ast.Expr | None = None
        values: tuple[ast.Expr, ...] = ()
        if self.tok.kind not in ("=", ";", ")"):
            typ = self.type_or_none()  # gc: whatever else follows is the group's error
        if self.got("="):
            values = self.expr_list()
        if not values and typ is None and prev is not None:
            return ast.ConstSpec(pos, names, prev.type, prev.values, iota, implicit=True)
        return ast.ConstSpec(pos, names, typ, values, iota)

    def var_spec(self, out: list[ast.Decl]) -> None:
        pos = self.pos()
        got = self.dirs.take(self.tok.line, self.tok.col)
        self.dirs.allow(got, EMBED)
        names = self.name_list()
        typ: ast.Expr | None = None
        values: tuple[ast.Expr, ...] = ()
        if self.got("="):
            values = self.expr_list()
        else:
            typ = self.type_()
            if self.got("="):
                values = self.expr_list()
        embeds = [p for p in got if p.verb == "embed"]
        if embeds and self.dirs.embed(embeds[0].pos, self.imports_embed, len(names),
                                      bool(values), typ is not None, self.in_func > 0):
            out.append(ast.VarSpec(pos, names, typ, values, embeds[0].pos,
                                   " ".join(p.args for p in embeds)))
            return
        out.append(ast.VarSpec(pos, names, typ, values))

    def type_spec(self, out: list[ast.Decl]) -> None:
        pos = self.pos()
        got = self.dirs.take(self.tok.line, self.tok.col)
        name = self.name()
        alias = self.got("=")
        verbs = self.dirs.allow(got, frozenset() if alias else TYPE_FLAGS)
        tparams: tuple[ast.Field, ...] = ()
        if not alias and self.tok.kind == "[" and self.peek().kind == "NAME" and \
                self.peek(2).kind in _TPARAM_START:
            tparams = self.type_params()
        typ = self.type_or_none()
        if typ is None:
            raise self.syntax_error("in type declaration")
        out.append(ast.TypeSpec(pos, name, typ, alias, tparams, "notinheap" in verbs))

    def type_params(self) -> tuple[ast.Field, ...]:
        """`[P, Q C1; R C2]`: a type parameter list, one Field per name (the constraint
        as its type, a union or `~T` an element expression)."""
        self.want("[")
        out: list[ast.Field] = []
        pending: list[ast.Name] = []
        while self.tok.kind not in ("]", "EOF"):
            n = self.name()
            pending.append(n)
            if self.tok.kind == ",":
                self.next()
                continue
            if self.tok.kind == "]":
                break
            c = self.constraint_elem()
            out.extend(ast.Field(pn.pos, pn, c) for pn in pending)
            pending = []
            if not self.got(","):
                break
        if pending:
            # gc puts this one at the closing bracket, like the next.
            self.error_at(self.pos(), "syntax error: missing type constraint")
            raise _Bail()
        if not out:
            self.error_at(self.pos(), "syntax error: empty type parameter list")
            raise _Bail()
        self.want("]")
        return tuple(out)

    def constraint_elem(self) -> ast.Expr:
        """A type element: `~T`, `A | ~B | C`, or a plain type."""
        x = self.term()
        while self.tok.kind == "|":
            oppos = self.pos()
            self.next()
            x = ast.BinaryExpr(x.pos, "|", x, self.term(), oppos)
        return x

    def term(self) -> ast.Expr:
        if self.tok.kind == "~":
            pos = self.pos()
            self.next()
            return ast.UnaryExpr(pos, "~", self.type_())
        return self.type_()

    def func_decl(self) -> ast.FuncDecl:
        pos = self.pos()
        self.next()
        got = self.dirs.take(self.tok.line, self.tok.col)
        recv: ast.Field | None = None
        if self.tok.kind == "(":
            rpos = self.pos()
            params = self.params()
            if len(params) != 1:
                if not params:
                    self.error_at(rpos, "method has no receiver")
                else:
                    self.error_at(rpos, "method has multiple receivers")
                raise _Bail()
            recv = params[0]
        if self.tok.kind != "NAME":
            raise self.syntax_error("expecting name or (")
        name = self.name()
        tparams: tuple[ast.Field, ...] = ()
        if self.tok.kind == "[":
            lbrack = self.pos()
            tparams = self.type_params()
            if recv is not None:
                self.error_at(lbrack, "syntax error: method must have no type parameters")
                tparams = ()
        ftype = self.signature(pos)
        body: ast.BlockStmt | None = None
        if self.tok.kind == "{":
            body = self.func_body()
        pragmas = self.dirs.func(got, name.pos, body is not None)
        return ast.FuncDecl(pos, recv, name, ftype, body, pragmas, tparams)

    def func_body(self) -> ast.BlockStmt:
        saved = self.xnest
        self.xnest = 0
        self.in_func += 1
        before = self.diags.errors
        try:
            body = self.block()
            if self.diags.errors == before:
                self.clean_bodies.append(body)
            return body
        finally:
            self.xnest = saved
            self.in_func -= 1

    # -- types --------------------------------------------------------------------------

    def name(self) -> ast.Name:
        t = self.tok
        if t.kind != "NAME":
            raise self.syntax_error("expecting name")
        self.next()
        return ast.Name(self.pos(t), t.text)

    def name_list(self) -> tuple[ast.Name, ...]:
        names = [self.name()]
        while self.got(","):
            names.append(self.name())
        return tuple(names)

    def type_(self) -> ast.Expr:
        t = self.type_or_none()
        if t is None:
            raise self.syntax_error("expecting type")
        return t

    def chan_elem(self) -> ast.Expr:
        """A channel's element type (gc's chanElem words a missing one)."""
        t = self.type_or_none()
        if t is None:
            raise self.syntax_error("missing channel element type")
        return t

    def type_or_none(self) -> ast.Expr | None:
        """A type, or None (nothing consumed) when the current token cannot start one."""
        pos = self.pos()
        kind = self.tok.kind
        self.enter()
        try:
            if kind == "*":
                self.next()
                return ast.StarExpr(pos, self.type_())
            if kind == "<-":
                self.next()
                self.want("chan")
                return ast.ChanType(pos, "recv", self.chan_elem())
            if kind == "func":
                self.next()
                return self.signature(self.pos())  # gc's FuncType sits at its `(`
            if kind == "[":
                self.next()
                if self.got("]"):
                    return ast.SliceType(pos, self.type_())
                if self.tok.kind == "..." and self.peek().kind == "]":
                    self.next()
                    self.next()
                    return ast.ArrayType(pos, None, self.type_())
                self.xnest += 1
                n = self.expr()
                self.xnest -= 1
                self.want("]")
                return ast.ArrayType(pos, n, self.type_())
            if kind == "chan":
                self.next()
                d = "both"
                if self.got("<-"):
                    d = "send"
                return ast.ChanType(pos, d, self.chan_elem())
            if kind == "map":
                self.next()
                self.want("[")
                key = self.type_()
                self.want("]")
                return ast.MapType(pos, key, self.type_())
            if kind == "struct":
                return self.struct_type()
            if kind == "interface":
                return self.interface_type()
            if kind == "NAME":
                return self.qualified_name()
            if kind == "(":
                self.next()
                t = self.type_()
                self.want(")")
                return ast.ParenExpr(pos, t)
            return None
        finally:
            self.depth -= 1

    def qualified_name(self) -> ast.Expr:
        # A parameter list's NAME may be the parameter's (`a []int`), not a type's.
        head, self.param_head = self.param_head, False
        n: ast.Expr = self.name()
        if self.tok.kind == ".":
            dot = self.pos()
            self.next()
            n = ast.SelectorExpr(n.pos, n, dot, self.name())
        if self.tok.kind == "[" and self.peek().kind == "]" and not head:
            self.next()
            raise self.syntax_error("expecting type")  # gc's typeInstance
        if self.tok.kind == "[" and self.peek().kind != "]":
            lbrack = self.pos()
            self.next()
            self.xnest += 1
            args = [self.type_()]
            while self.got(","):
                if self.tok.kind == "]":
                    break
                args.append(self.type_())
            self.xnest -= 1
            self.want("]")
            idx: ast.Expr = args[0] if len(args) == 1 else ast.ListExpr(args[0].pos,
                                                                         tuple(args))
            n = ast.IndexExpr(n.pos, n, idx, lbrack)
        return n

    def struct_type(self) -> ast.StructType:
        pos = self.pos()
        self.want("struct")
        self.want("{")
        fields: list[ast.Field] = []
        while self.tok.kind not in ("}", "EOF"):
            self.field_decl(fields)
            if not self.got(";") and self.tok.kind != "}":
                raise self.syntax_error("in struct type; possibly missing semicolon or newline "
                                        "or }")
        self.want("}")
        return ast.StructType(pos, tuple(fields))

    def field_decl(self, out: list[ast.Field]) -> None:
        pos = self.pos()
        if self.tok.kind == "*":
            self.next()
            if self.tok.kind == "(":
                # gc's fieldDecl: complain, then take `*(T)` as `*T`.
                self.syntax_error("cannot parenthesize embedded type")
                self.next()
                t = self.qualified_name()
                self.got(")")
            else:
                t = self.qualified_name()
            out.append(ast.Field(pos, None, ast.StarExpr(pos, t), self.tag()))
            return
        if self.tok.kind == "(":
            # `(T)` or `(*T)`: complained about, then taken as T or *T.
            self.syntax_error("cannot parenthesize embedded type")
            self.next()
            if self.tok.kind == "*":
                spos = self.pos()
                self.next()
                t = ast.StarExpr(spos, self.qualified_name())
            else:
                t = self.qualified_name()
            self.want(")")
            out.append(ast.Field(pos, None, t, self.tag()))
            return
        if self.tok.kind != "NAME":
            raise self.syntax_error("expecting field name or embedded type")
        if self.peek().kind in (";", "}", "STRING", ".") or self._embedded_instance():
            t = self.qualified_name()
            out.append(ast.Field(pos, None, t, self.tag()))
            return
        names = self.name_list()
        typ = self.type_()
        tag = self.tag()
        for n in names:
            out.append(ast.Field(n.pos, n, typ, tag))

    def _name_then_array(self) -> bool:
        """Whether `NAME [ ... ]` at the current token is a parameter name and an array
        type (`a [8]int`: a type follows the `]`) rather than an instantiation."""
        if self.peek().kind != "[" or self.peek(2).kind == "]":
            return False
        n = self._matching_bracket(1)
        return n > 0 and self.peek(n + 1).kind in _TYPE_START

    def _matching_bracket(self, n: int) -> int:
        """The peek distance of the bracket closing the one at peek distance n (0 if
        the file ends first)."""
        depth = 0
        while True:
            k = self.peek(n).kind
            if k == "EOF":
                return 0
            if k in ("[", "(", "{"):
                depth += 1
            elif k in ("]", ")", "}"):
                depth -= 1
                if depth == 0:
                    return n
            n += 1

    def _embedded_instance(self) -> bool:
        """Whether `NAME [ ... ]` at the current token is an embedded instantiated type
        (the `]` followed by `;`, `}` or a tag) rather than a field of array type."""
        if self.peek().kind != "[":
            return False
        n = self._matching_bracket(1)
        return n > 0 and self.peek(n + 1).kind in (";", "}", "STRING")

    def tag(self) -> str | None:
        if self.tok.kind == "STRING":
            t = self.tok.text
            self.next()
            return t
        return None

    def interface_type(self) -> ast.InterfaceType:
        pos = self.pos()
        self.want("interface")
        self.want("{")
        methods: list[ast.Field] = []
        while self.tok.kind not in ("}", "EOF"):
            mpos = self.pos()
            if self.tok.kind == "NAME" and self.peek().kind == "(":
                n = self.name()
                methods.append(ast.Field(mpos, n, self.signature(mpos)))
            elif self.tok.kind == "NAME" and self._method_tparams():
                n = self.name()
                lbrack = self.pos()
                self.type_params()
                self.diags.error(lbrack, "interface method must have no type parameters")
                methods.append(ast.Field(mpos, n, self.signature(mpos)))
            else:
                methods.append(ast.Field(mpos, None, self.constraint_elem()))
            if not self.got(";") and self.tok.kind != "}":
                raise self.syntax_error("in interface type; possibly missing semicolon or "
                                        "newline or }")
        self.want("}")
        return ast.InterfaceType(pos, tuple(methods))

    def _method_tparams(self) -> bool:
        """At NAME `[` in an interface: whether the bracket closes before a `(`, as in
        the method `m[P any]()` (not the embedded instance `I[int]`)."""
        if self.peek().kind != "[":
            return False
        depth, k = 0, 1
        while True:
            kind = self.peek(k).kind
            if kind == "EOF":
                return False
            depth += {"[": 1, "]": -1}.get(kind, 0)
            if depth == 0:
                return self.peek(k + 1).kind == "("
            k += 1

    def signature(self, pos: Pos) -> ast.FuncType:
        params = self.params()
        results: tuple[ast.Field, ...] = ()
        if self.tok.kind == "(":
            results = self.params()
        else:
            rpos = self.pos()
            t = self.type_or_none()
            if t is not None:
                results = (ast.Field(rpos, None, t),)
        return ast.FuncType(pos, params, results)

    def _dots_elem(self) -> ast.Expr:
        """The element type after `...` in a parameter list (gc's words when missing)."""
        t = self.type_or_none()
        if t is None:
            raise self.syntax_error("... is missing type")
        return t

    def params(self) -> tuple[ast.Field, ...]:
        """A parenthesized parameter list with Go's name-grouping rules."""
        if not self.got("("):
            # gc's want: complain, skip the offending token and go on with the list.
            self.syntax_error("expecting (")
            if self.tok.kind != "EOF":
                self.next()
        entries: list[tuple[Pos, ast.Name | None, ast.Expr | None]] = []
        while self.tok.kind not in (")", "EOF"):
            ppos = self.pos()
            if self.tok.kind == "...":
                self.next()
                entries.append((ppos, None, ast.DotsType(ppos, self._dots_elem())))
            elif self.tok.kind == "NAME" and self._name_then_array():
                pname = self.name()
                entries.append((ppos, pname, self.type_()))
            else:
                self.param_head = self.tok.kind == "NAME"
                t = self.type_or_none()
                if t is None:
                    raise self.syntax_error("expecting )")
                if isinstance(t, ast.Name) and self.tok.kind not in (",", ")"):
                    if self.tok.kind == "...":
                        dpos = self.pos()
                        self.next()
                        entries.append((ppos, t, ast.DotsType(dpos, self._dots_elem())))
                    else:
                        entries.append((ppos, t, self.type_()))
                else:
                    entries.append((ppos, None, t))
            if not self.got(","):
                if self.tok.kind != ")":
                    raise self.syntax_error("in parameter list; possibly missing comma or )")
        self.want(")")
        named = any(n is not None for _, n, _ in entries)
        if not named:
            return tuple(ast.Field(p, None, t) for p, _, t in entries if t is not None)
        out: list[ast.Field] = []
        pending: list[ast.Name] = []
        for p, n, t in entries:
            if n is None:
                if isinstance(t, ast.Name):
                    pending.append(t)
                    continue
                self.error_at(p, "syntax error: mixed named and unnamed parameters")
                raise _Bail()
            assert t is not None
            for pn in pending:
                out.append(ast.Field(pn.pos, pn, t))
            pending = []
            out.append(ast.Field(p, n, t))
        if pending:
            self.error_at(pending[-1].pos, "syntax error: mixed named and unnamed parameters")
            raise _Bail()
        return tuple(out)

    # -- expressions --------------------------------------------------------------------

    def expr_list(self) -> tuple[ast.Expr, ...]:
        xs = [self.expr()]
        while self.got(","):
            xs.append(self.expr())
        return tuple(xs)

    def expr(self) -> ast.Expr:
        return self.binary_expr(1)

    def binary_expr(self, prec: int) -> ast.Expr:
        x = self.unary_expr()
        chain = 0
        while True:
            op = self.tok.kind
            p = PRECEDENCE.get(op, 0)
            if p < prec:
                return x
            oppos = self.pos()
            self.next()
            y = self.binary_expr(p + 1)
            x = ast.BinaryExpr(x.pos, op, x, y, oppos)
            chain += 1
            if chain + self.depth > MAX_DEPTH:
                self.error_at(oppos, f"syntax error: nesting deeper than {MAX_DEPTH} levels")
                raise _Bail()

    def unary_expr(self) -> ast.Expr:
        pos = self.pos()
        kind = self.tok.kind
        self.enter()
        try:
            if kind in ("+", "-", "!", "^", "&", "~"):
                # `~x` parses anywhere; the checker rejects it outside constraints.
                self.next()
                return ast.UnaryExpr(pos, kind, self.unary_expr())
            if kind == "*":
                self.next()
                return ast.StarExpr(pos, self.unary_expr())
            if kind == "<-":
                self.next()
                x = self.unary_expr()
                c = _unparen(x)
                if isinstance(c, ast.ChanType):
                    return self._recv_chan(pos, c)
                return ast.UnaryExpr(pos, "<-", x)
            return self.primary_expr()
        finally:
            self.depth -= 1

    def _recv_chan(self, pos: Pos, c: ast.ChanType) -> ast.ChanType:
        """`<-` before a channel type: gc re-associates it down the chain of send-only
        channels (`<-chan<- chan int` is `<-chan <-chan int`), complaining where the
        chain has no channel for it."""
        elem = c.elem
        if c.dir == "recv":
            self.syntax_error("unexpected <-, expecting chan")
        elif c.dir == "send":
            inner = _unparen(elem)
            if isinstance(inner, ast.ChanType):
                elem = self._recv_chan(inner.pos, inner)
            else:
                self.syntax_error(f"unexpected {expr_string(elem)}, expecting chan")
        return ast.ChanType(pos, "recv", elem)

    def operand(self) -> ast.Expr:
        pos = self.pos()
        t = self.tok
        kind = t.kind
        if kind == "NAME":
            self.next()
            return ast.Name(pos, t.text)
        if kind in LITERAL_KINDS:
            self.next()
            return ast.BasicLit(pos, kind, t.text)
        if kind == "(":
            self.next()
            self.xnest += 1
            x = self.expr_or_type()
            self.xnest -= 1
            self.want(")")
            return ast.ParenExpr(pos, x)
        if kind == "func":
            self.next()
            ftype = self.signature(self.pos())  # at its `(`, as gc's FuncType
            if self.tok.kind == "{":
                body = self.func_body()
                return ast.FuncLit(pos, ftype, body)
            return ftype
        if kind in ("[", "chan", "map", "struct", "interface", "*", "<-"):
            tt = self.type_or_none()
            assert tt is not None
            return tt
        raise self.syntax_error("expecting expression")

    def expr_or_type(self) -> ast.Expr:
        return self.expr()

    def primary_expr(self) -> ast.Expr:
        x = self.operand()
        pos = x.pos
        while True:
            kind = self.tok.kind
            if kind == ".":
                dot = self.pos()
                self.next()
                if self.tok.kind == "NAME":
                    x = ast.SelectorExpr(pos, x, dot, self.name())
                elif self.tok.kind == "(":
                    self.next()
                    if self.got("type"):
                        x = ast.TypeAssertExpr(pos, x, None)
                    else:
                        x = ast.TypeAssertExpr(pos, x, self.type_())
                    self.want(")")
                else:
                    raise self.syntax_error("expecting name or (")
            elif kind == "[":
                x = self.index_or_slice(x)
            elif kind == "(":
                x = self.call(x)
            elif kind == "{" and self.complit_ok(_unparen(x)):
                if _unparen(x) is not x:
                    self.syntax_error("cannot parenthesize type in composite literal")
                x = self.complit(_unparen(x))
            else:
                return x

    def complit_ok(self, x: ast.Expr) -> bool:
        if isinstance(x, (ast.ArrayType, ast.SliceType, ast.MapType, ast.StructType)):
            return True
        if isinstance(x, (ast.Name, ast.SelectorExpr, ast.IndexExpr)):
            return self.xnest >= 0
        return False

    def index_or_slice(self, x: ast.Expr) -> ast.Expr:
        pos = x.pos
        lbrack = self.pos()
        self.want("[")
        self.xnest += 1
        try:
            lo: ast.Expr | None = None
            if self.tok.kind != ":":
                if self.tok.kind == "]":
                    raise self.syntax_error("expecting operand")
                lo = self.expr()
                if self.tok.kind == ",":
                    elems = [lo]
                    while self.got(","):
                        if self.tok.kind == "]":
                            break
                        elems.append(self.expr())
                    self.want("]")
                    return ast.IndexExpr(pos, x, ast.ListExpr(lo.pos, tuple(elems)), lbrack)
                if self.got("]"):
                    return ast.IndexExpr(pos, x, lo, lbrack)
                if self.tok.kind != ":":
                    raise self.syntax_error("expecting comma, : or ]")
            self.want(":")
            hi: ast.Expr | None = None
            mx: ast.Expr | None = None
            full = False
            if self.tok.kind not in (":", "]"):
                hi = self.expr()
            colon = self.pos()
            if self.got(":"):
                full = True
                # Not syntax errors in gc: the checker still runs, the slice kept.
                if hi is None:
                    self.dirs.early.append(Diagnostic(colon, "middle index required in "
                                                             "3-index slice"))
                if self.tok.kind == "]":
                    self.dirs.early.append(Diagnostic(self.pos(), "final index required in "
                                                                  "3-index slice"))
                else:
                    mx = self.expr()
            rbrack = self.want("]")
            return ast.SliceExpr(pos, x, lo, hi, mx, full, Pos(self.path, rbrack.line,
                                                                rbrack.col), lbrack)
        finally:
            self.xnest -= 1

    def call(self, fun: ast.Expr) -> ast.CallExpr:
        lparen = self.pos()
        self.want("(")
        self.xnest += 1
        args: list[ast.Expr] = []
        dots = False
        try:
            while self.tok.kind not in (")", "EOF"):
                args.append(self.expr_or_type())
                if self.got("..."):
                    dots = True
                if not self.got(","):
                    if self.tok.kind != ")":
                        self.syntax_error("in argument list; possibly missing comma or )")
                        if not self.advance_list(")"):
                            return ast.CallExpr(fun.pos, fun, lparen, tuple(args), dots,
                                                self.pos())
                        break
            rparen = self.pos()
            self.want(")")
        finally:
            self.xnest -= 1
        return ast.CallExpr(fun.pos, fun, lparen, tuple(args), dots, rparen)

    def complit(self, typ: ast.Expr | None) -> ast.CompositeLit:
        lbrace = self.pos()
        pos = typ.pos if typ is not None else lbrace
        self.want("{")
        self.xnest += 1
        elems: list[ast.Expr] = []
        try:
            while self.tok.kind not in ("}", "EOF"):
                e = self.element()
                if self.tok.kind == ":":
                    kpos = self.pos()
                    self.next()
                    e = ast.KeyValue(kpos, e, self.element())
                elems.append(e)
                if not self.got(","):
                    if self.tok.kind != "}":
                        self.syntax_error("in composite literal; possibly missing comma or }")
                        if not self.advance_list("}"):
                            return ast.CompositeLit(pos, typ, lbrace, tuple(elems),
                                                    self.pos())
                        break
            rbrace = self.pos()
            self.want("}")
        finally:
            self.xnest -= 1
        return ast.CompositeLit(pos, typ, lbrace, tuple(elems), rbrace)

    def element(self) -> ast.Expr:
        if self.tok.kind == "{":
            self.enter()
            try:
                return self.complit(None)
            finally:
                self.depth -= 1
        return self.expr()

    # -- statements ---------------------------------------------------------------------

    def block(self) -> ast.BlockStmt:
        pos = self.pos()
        self.want("{")
        self.enter()
        try:
            stmts = self.stmt_list()
        finally:
            self.depth -= 1
        rbrace = self.pos()
        if self.tok.kind != "}":
            raise self.syntax_error("expecting }")
        self.next()
        return ast.BlockStmt(pos, stmts, rbrace)

    def braceless_block(self, context: str) -> ast.BlockStmt:
        """gc's blockStmt when `{` is missing: report it, skip to a name, a statement
        keyword or `}`, and take the statements up to `}` as the block, so that the
        `}` the writer meant for it still closes it."""
        pos = self.pos()
        self.syntax_error("expecting { after " + context)
        while self.tok.kind not in _ADVANCE_STOP:
            self.next()
        if self.tok.kind != "}":
            self.enter()
            try:
                stmts = self.stmt_list()
            finally:
                self.depth -= 1
        else:
            stmts = ()
        rbrace = self.pos()
        if self.tok.kind != "}":
            raise self.syntax_error("expecting }")
        self.next()
        return ast.BlockStmt(pos, stmts, rbrace)

    def stmt_list(self) -> tuple[ast.Stmt, ...]:
        """Statements up to (not including) `}`, `case`, `default` or EOF."""
        out: list[ast.Stmt] = []
        while self.tok.kind not in ("}", "EOF", "case", "default"):
            if self.tok.kind == ";":
                self.clear_pragmas()
                self.next()
                continue
            if self.tok.kind not in _STMT_START:
                break  # gc's stmtOrNil: the enclosing block or clause reports it
            start = self.k
            try:
                s = self.stmt()
                self.clear_pragmas()
                out.append(s)
                if self.tok.kind == "}":
                    continue
                if isinstance(s, ast.LabeledStmt) and self.tok.kind in ("case", "default"):
                    continue  # a label ending its clause: already reported at its colon
                if not self.got(";"):
                    self.syntax_error("at end of statement")
                    # gc's advance: to the statement's end, a clause or a statement
                    # keyword, whichever comes first.
                    while self.tok.kind not in _AFTER_STMT:
                        self.next()
                    self.got(";")
            except _Bail:
                self.skip_stmt(start)
        return tuple(out)

    def skip_stmt(self, start: int) -> None:
        """Skip past the end of the statement that began at token index start (to its `;`
        or before the `}` closing the enclosing block)."""
        depth = 0
        for t in self.toks[start:self.k]:
            if t.kind in ("{", "(", "["):
                depth += 1
            elif t.kind in ("}", ")", "]") and depth > 0:
                depth -= 1
        while self.tok.kind != "EOF":
            k = self.tok.kind
            if k in ("{", "(", "["):
                depth += 1
            elif k in ("}", ")", "]"):
                if depth == 0:
                    if k == "}":
                        return
                    self.next()
                    continue
                depth -= 1
            elif k == ";" and depth == 0:
                self.next()
                return
            self.next()

    def stmt(self) -> ast.Stmt:
        pos = self.pos()
        kind = self.tok.kind
        if kind == "{":
            return self.block()
        if kind in ("var", "const", "type"):
            self.next()
            decls: list[ast.Decl] = []
            if kind == "var":
                self.group(self.var_spec, decls)
            elif kind == "const":
                self.const_group(decls)
            else:
                self.group(self.type_spec, decls)
            return ast.DeclStmt(pos, tuple(decls))
        if kind == "if":
            return self.if_stmt()
        if kind == "for":
            return self.for_stmt()
        if kind == "switch":
            return self.switch_stmt()
        if kind == "select":
            return self.select_stmt()
        if kind == "return":
            self.next()
            results: tuple[ast.Expr, ...] = ()
            if self.tok.kind not in (";", "}"):
                results = self.expr_list()
            return ast.ReturnStmt(pos, results)
        if kind in ("break", "continue", "goto", "fallthrough"):
            self.next()
            label: ast.Name | None = None
            if kind != "fallthrough" and self.tok.kind == "NAME":
                label = self.name()
            return ast.BranchStmt(pos, kind, label)
        if kind in ("go", "defer"):
            self.next()
            start = self.k
            try:
                x = self.expr()
            except _Bail:
                if self.k == start:
                    # gc goes on with a bad expression, which is then no call.
                    self.diags.error(self.pos(), f"expression in {kind} must be function "
                                                 f"call")
                raise
            if not isinstance(x, ast.CallExpr):
                word = "go" if kind == "go" else "defer"
                self.error_at(x.pos, f"expression in {word} must be function call")
            return ast.GoStmt(pos, x) if kind == "go" else ast.DeferStmt(pos, x)
        if kind == ";":
            return ast.EmptyStmt(pos)
        if kind == "NAME" and self.peek().kind == ":" :
            name = self.name()
            colon = self.pos()
            self.next()
            if self.tok.kind == "}":
                return ast.LabeledStmt(pos, name, ast.EmptyStmt(self.pos()))
            if self.tok.kind in ("case", "default"):
                self.error_at(colon, "syntax error: missing statement after label")
                return ast.LabeledStmt(pos, name, ast.EmptyStmt(self.pos()))
            return ast.LabeledStmt(pos, name, self.stmt())
        return self.simple_stmt(range_ok=False)

    def simple_stmt(self, range_ok: bool) -> ast.Stmt:
        pos = self.pos()
        if range_ok and self.tok.kind == "range":
            self.next()
            return ast.RangeStmt(pos, None, None, "", self.expr(), _NOBLOCK)
        lhs = self.expr_list()
        kind = self.tok.kind
        oppos = self.pos()
        if kind in ("=", ":="):
            self.next()
            if range_ok and self.tok.kind == "range":
                self.next()
                x = self.expr()
                val = lhs[1] if len(lhs) > 1 else None
                return ast.RangeStmt(pos, lhs[0], val, kind, x, _NOBLOCK, lhs[2:])
            rhs = self.expr_list()
            return ast.AssignStmt(pos, kind, lhs, rhs, oppos)
        if len(lhs) > 1:  # gc: a list takes only = or := (not op=, ++ or <-)
            raise self.syntax_error("expecting := or = or comma")
        if kind in ASSIGN_OPS:
            self.next()
            return ast.AssignStmt(pos, kind, lhs, (self.expr(),), oppos)
        if kind in ("++", "--"):
            self.next()
            return ast.IncDecStmt(pos, kind, lhs[0])
        if kind == "<-":
            self.next()
            return ast.SendStmt(oppos, lhs[0], self.expr())
        return ast.ExprStmt(pos, lhs[0])

    def header(self, keyword: str) -> tuple[ast.Stmt | None, ast.Stmt | None]:
        """The `[init;] cond` header of if/switch with composite literals disabled."""
        saved = self.xnest
        self.xnest = -1
        try:
            if self.tok.kind == "{":
                return None, None
            init: ast.Stmt | None = None
            if self.tok.kind != ";":
                if self.tok.kind == "var":
                    self.next()  # gc accepts it, complaining
                    self.error_at(self.pos(), f"syntax error: var declaration not allowed "
                                              f"in {keyword} initializer")
                init = self.simple_stmt(range_ok=False)
            if self.tok.kind == ";":
                semi = self.tok
                self.next()
                if self.tok.kind == "{":
                    if keyword == "if":
                        self.error_at(self.pos(semi), "syntax error: " + (
                            "unexpected newline, expecting { after if clause"
                            if semi.text == "newline" else "missing condition in if statement"))
                        raise _Bail()
                    return init, None
                return init, self.simple_stmt(range_ok=False)
            if self.tok.kind != "{":
                raise self.syntax_error("expecting {")
            return None, init
        finally:
            self.xnest = saved

    def cond_expr(self, s: ast.Stmt | None, keyword: str) -> ast.Expr | None:
        if s is None:
            return None
        if isinstance(s, ast.ExprStmt):
            return s.x
        text = _stmt_text(s)
        at = s.oppos if isinstance(s, ast.AssignStmt) else s.pos
        self.error_at(at, f"syntax error: cannot use {text} as value")
        raise _Bail()

    def if_stmt(self) -> ast.IfStmt:
        pos = self.pos()
        self.want("if")
        init, c = self.header("if")
        if c is None and init is None:
            self.error_at(self.pos(), "syntax error: missing condition in if statement")
            raise _Bail()
        cond = self.cond_expr(c, "if")
        if self.tok.kind != "{":
            raise self.syntax_error("expecting { after if clause")
        then = self.block()
        els: ast.Stmt | None = None
        if self.got("else"):
            if self.tok.kind == "if":
                els = self.if_stmt()
            elif self.tok.kind == "{":
                els = self.block()
            else:
                self.error_at(self.pos(), "syntax error: else must be followed by if or "
                                          "statement block")
                raise _Bail()
        return ast.IfStmt(pos, init, cond, then, els)

    def for_stmt(self) -> ast.Stmt:
        pos = self.pos()
        self.want("for")
        saved = self.xnest
        self.xnest = -1
        init: ast.Stmt | None = None
        cond: ast.Expr | None = None
        post: ast.Stmt | None = None
        rng: ast.RangeStmt | None = None
        try:
            if self.tok.kind != "{":
                first: ast.Stmt | None = None
                if self.tok.kind != ";":
                    if self.tok.kind == "var":
                        self.next()
                        self.error_at(self.pos(), "syntax error: var declaration not allowed "
                                                  "in for initializer")
                    first = self.simple_stmt(range_ok=True)
                if isinstance(first, ast.RangeStmt):
                    rng = first
                elif self.tok.kind not in (";", "{"):
                    raise self.syntax_error("expecting {")
                elif self.tok.kind == ";":
                    init = first
                    self.next()
                    if self.tok.kind == "{":
                        raise self.syntax_error("expecting for loop condition")
                    if self.tok.kind != ";":
                        cond = self.cond_expr(self.simple_stmt(range_ok=False), "for")
                    if self.tok.kind != ";":
                        raise self.syntax_error("expecting for loop condition")
                    self.next()
                    if self.tok.kind != "{":
                        post = self.simple_stmt(range_ok=False)
                        if isinstance(post, ast.AssignStmt) and post.op == ":=":
                            self.error_at(post.oppos, "syntax error: cannot declare in post "
                                                      "statement of for loop")
                            raise _Bail()
                else:
                    cond = self.cond_expr(first, "for")
        finally:
            self.xnest = saved
        if self.tok.kind != "{":
            body = self.braceless_block("for clause")
        else:
            body = self.block()
        if rng is not None:
            return ast.RangeStmt(pos, rng.key, rng.value, rng.op, rng.x, body, rng.extra)
        return ast.ForStmt(pos, init, cond, post, body)

    def switch_stmt(self) -> ast.Stmt:
        pos = self.pos()
        self.want("switch")
        init, tag_stmt = self.header("switch")
        guard_name: ast.Name | None = None
        guard: ast.Expr | None = None
        tag: ast.Expr | None = None
        if tag_stmt is not None:
            if (isinstance(tag_stmt, ast.AssignStmt) and tag_stmt.op == ":="
                    and len(tag_stmt.lhs) == 1 and len(tag_stmt.rhs) == 1
                    and isinstance(tag_stmt.rhs[0], ast.TypeAssertExpr)
                    and tag_stmt.rhs[0].type is None and isinstance(tag_stmt.lhs[0], ast.Name)):
                guard_name = tag_stmt.lhs[0]
                guard = tag_stmt.rhs[0].x
            else:
                tag = self.cond_expr(tag_stmt, "switch")
                if isinstance(tag, ast.TypeAssertExpr) and tag.type is None:
                    guard = tag.x
                    tag = None
        if self.tok.kind != "{":
            raise self.syntax_error("missing { after switch clause")
        self.next()
        clauses: list[ast.CaseClause] = []
        while self.tok.kind not in ("}", "EOF"):
            cpos = self.pos()
            exprs: tuple[ast.Expr, ...] | None = None
            if self.got("case"):
                exprs = self.type_list() if guard is not None else self.expr_list()
            elif self.got("default"):
                exprs = None
            else:
                raise self.syntax_error("expecting case or default or }")
            colon = self.pos()
            self.want(":")
            body = self.stmt_list()
            clauses.append(ast.CaseClause(cpos, exprs, body, colon))
        rbrace = self.pos()
        self.want("}")
        if guard is not None:
            return ast.TypeSwitchStmt(pos, init, guard_name, guard, tuple(clauses), rbrace)
        return ast.SwitchStmt(pos, init, tag, tuple(clauses), rbrace)

    def type_list(self) -> tuple[ast.Expr, ...]:
        xs = [self.expr_or_type()]
        while self.got(","):
            xs.append(self.expr_or_type())
        return tuple(xs)

    def select_stmt(self) -> ast.SelectStmt:
        pos = self.pos()
        self.want("select")
        self.want("{")
        clauses: list[ast.CommClause] = []
        while self.tok.kind not in ("}", "EOF"):
            cpos = self.pos()
            comm: ast.Stmt | None = None
            if self.got("case"):
                comm = self.simple_stmt(range_ok=False)
            elif not self.got("default"):
                raise self.syntax_error("expecting case or default or }")
            self.want(":")
            clauses.append(ast.CommClause(cpos, comm, self.stmt_list()))
        self.want("}")
        return ast.SelectStmt(pos, tuple(clauses))


_NOBLOCK = ast.BlockStmt(Pos("", 0, 0), (), Pos("", 0, 0))


_ADVANCE_STOP = frozenset({
    "NAME", "}", "EOF", "break", "const", "continue", "defer", "fallthrough", "for", "go",
    "goto", "if", "return", "select", "switch", "type", "var"})
"""Where gc's advance(_Name, _Rbrace) stops inside a function: the follow list, EOF and
its stopset (the statement keywords)."""

_STMT_START = frozenset({
    "NAME", "INT", "FLOAT", "IMAG", "CHAR", "STRING", "var", "const", "type", "{", "func",
    "(", "[", "struct", "map", "chan", "interface", "<-", "*", "!", "^", "+", "-", "&",
    "|", "||", "&&", "==", "!=", "<", "<=", ">", ">=", "/", "%", "<<", ">>", "&^", "~",
    "for", "switch", "select", "if", "fallthrough", "break", "continue", "go", "defer",
    "goto", "return", ";"})
"""Tokens that start a statement (gc's stmtOrNil: names, literals, operators, keywords
of statements); any other ends a statement list."""

_GROUP_STOP = frozenset({")", "]", "}", "EOF"})
_GROUP_STOP_FUNC = _GROUP_STOP | {
    "break", "const", "continue", "defer", "fallthrough", "for", "go", "goto", "if",
    "return", "select", "switch", "type", "var"}
"""Where gc's advance stops after an error in a grouped declaration (its stopset too,
in a function)."""

_TYPE_START = frozenset({"NAME", "[", "*", "(", "func", "map", "chan", "struct",
                        "interface", "<-"})
"""Tokens that can start a type."""

_TPARAM_START = frozenset({"NAME", ",", "interface", "~", "map", "func", "chan", "[",
                           "struct"})
"""Tokens after `[ NAME` that make a type declaration's `[` a type parameter list (not
an array length). Not `*`: `[P *C]` is an array length, as the spec resolves it."""


def _unparen(x: ast.Expr) -> ast.Expr:
    while isinstance(x, ast.ParenExpr):
        x = x.x
    return x


def _tokname(kind: str) -> str:
    return {"NAME": "name", ",": "comma", ";": "semicolon or newline"}.get(kind, kind)


def _stmt_text(s: ast.Stmt) -> str:
    """A short rendering of a simple statement for `cannot use ... as value`."""
    if isinstance(s, ast.AssignStmt):
        lhs = ", ".join(expr_string(x) for x in s.lhs)
        rhs = ", ".join(expr_string(x) for x in s.rhs)
        return f"{lhs} {s.op} {rhs}"
    if isinstance(s, ast.IncDecStmt):
        return expr_string(s.x) + s.op
    if isinstance(s, ast.SendStmt):
        return f"{expr_string(s.chan)} <- {expr_string(s.value)}"
    return "statement"


def parse_file(path: str, src: bytes, diags: Diagnostics, mode: Mode = USER) -> ast.File:
    """Parse one Go source file; syntax errors go to diags (the File is then partial).
    Misplaced or misused directives (syntax.pragma) go to the File for the checker,
    which reports them with its own errors; after a syntax error, straight to diags."""
    p = Parser(path, src, diags, mode)
    before = diags.errors
    try:
        f = p.file()
    except _Bail:
        f = None
    except RecursionError:
        p.error_at(p.pos(), "syntax error: nesting too deep")
        f = None
    if diags.errors > before:
        # gc checks a body's labels as it parses it, so their errors come with the
        # syntax errors, from every body that has none of its own.
        for body in p.clean_bodies:
            check_branches(body, diags.error)
    if f is None or diags.errors > before:
        p.dirs.finish({})
        for d in p.dirs.early:
            diags.error(d.pos, d.msg)
    if f is None:
        return ast.File(Pos(path, 1, 1), path, ast.Name(Pos(path, 1, 1), "_"), ())
    if diags.errors > before:
        return dataclasses.replace(f, directive_errors=(), late_directive_errors=())
    return f
