"""`//go:embed` of a string, []byte or embed.FS variable: the patterns resolved as the
go command resolves them (relative to the directory of the file holding the directive),
then the variable given the file's contents as if declared `var x T = T("contents")`, or
for an embed.FS the files and their parent directories as if declared

    var files embed.FS = embed.build("dir/", "", "dir/a.txt", "contents", ...)

with the (name, data) pairs sorted by directory, then name, as gc's WriteEmbed lays them
out; embed.build (unexported) is reached through the hidden package name EMBED_PKG,
which only this initialiser can spell.

    import _ "embed"

    //go:embed hello.txt
    var s string        // the bytes of hello.txt, in the same directory

The parser checks where the directive stands (pragma.Directives.embed); here the
language version, the variable's type and the files.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from dataclasses import replace
from pathlib import Path

from compiler.diag import Pos
from compiler.syntax import ast
from compiler.syntax.pragma import split_patterns
from compiler.types.base import CheckerBase
from compiler.types.operand import PkgName
from compiler.types.typ import Basic, Kind, Named, Slice, Type, message_string, under

EMBED_PKG = ".embed"
"""The file-scope name of package embed in an embed.FS initialiser: no identifier, so
no source spells it, and its selectors may name unexported objects."""


def _valid(pattern: str) -> bool:
    """fs.ValidPath plus the go command's ban of ".": unrooted, slash-separated, no
    empty, "." or ".." element, and a syntactically valid glob."""
    if pattern in ("", ".") or pattern.startswith("/") or pattern.endswith("/"):
        return False
    if any(e in ("", ".", "..") for e in pattern.split("/")):
        return False
    depth = 0
    k = 0
    while k < len(pattern):  # path.Match's syntax: closed classes, no trailing `\`
        c = pattern[k]
        if c == "\\":
            k += 1
            if k == len(pattern):
                return False
        elif c == "[":
            depth += 1
        elif c == "]" and depth:
            depth -= 1
        k += 1
    return depth == 0


def _glob_re(pattern: str) -> re.Pattern[str]:
    """path.Match of one path element: `*` and `?` do not cross `/`."""
    out = []
    k = 0
    while k < len(pattern):
        c = pattern[k]
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "\\":
            k += 1
            out.append(re.escape(pattern[k]))
        elif c == "[":
            j = pattern.index("]", k + 1)
            body = pattern[k + 1:j]
            neg = body.startswith("^")
            out.append("[" + ("^" if neg else "") + body[neg:].replace("\\", "\\\\") + "]")
            k = j
        else:
            out.append(re.escape(c))
        k += 1
    return re.compile("".join(out))


def resolve(directory: str, patterns: list[str]) -> tuple[list[str], str]:
    """The files (slash-separated, relative to directory, sorted) the patterns name, or
    the go command's error for the first bad one (`pattern x: no matching files
    found`)."""
    files: set[str] = set()
    for pat in patterns:
        glob = pat[4:] if pat.startswith("all:") else pat
        if not _valid(glob):
            return [], f"pattern {pat}: invalid pattern syntax"
        rx = _glob_re(glob)
        parts = glob.split("/")
        cands = [""]
        for depth, _ in enumerate(parts):
            elem = _glob_re(parts[depth])
            nxt = []
            for c in cands:
                d = os.path.join(directory, c)
                if not os.path.isdir(d):
                    continue
                for name in sorted(os.listdir(d)):
                    if elem.fullmatch(name):
                        nxt.append(f"{c}/{name}" if c else name)
            cands = nxt
        cands = [c for c in cands if rx.fullmatch(c)]
        if not cands:
            return [], f"pattern {pat}: no matching files found"
        for rel in cands:
            full = os.path.join(directory, rel)
            st = os.lstat(full)
            if stat.S_ISREG(st.st_mode):
                files.add(rel)
            elif stat.S_ISDIR(st.st_mode):
                found = _walk(directory, rel, pat.startswith("all:"))
                if not found:
                    return [], f"pattern {pat}: cannot embed directory {rel}: contains no " \
                               f"embeddable files"
                files.update(found)
            else:
                return [], f"pattern {pat}: cannot embed irregular file {rel}"
    return sorted(files), ""


def _walk(directory: str, rel: str, hidden: bool) -> list[str]:
    """The regular files under directory/rel, leaving out names starting with `.` or
    `_` below it unless hidden."""
    out = []
    for root, dirs, names in os.walk(os.path.join(directory, rel)):
        if not hidden:
            dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
        for n in names:
            if hidden or not n.startswith((".", "_")):
                p = os.path.join(root, n)
                if stat.S_ISREG(os.lstat(p).st_mode):
                    out.append(Path(os.path.relpath(p, directory)).as_posix())
    return out


def quote_bytes(data: bytes) -> str:
    """A Go interpreted string literal of data."""
    parts = ['"']
    for b in data:
        ch = chr(b)
        if 0x20 <= b < 0x7F and ch not in '"\\':
            parts.append(ch)
        else:
            parts.append(f"\\x{b:02x}")
    parts.append('"')
    return "".join(parts)


class EmbedChecker(CheckerBase):
    """The //go:embed mixin of the checker."""

    def embed_spec(self, spec: ast.VarSpec) -> ast.VarSpec:
        """spec with its //go:embed resolved into an initialiser (or reported)."""
        pos = spec.embed_pos
        assert pos is not None and spec.type is not None
        plain = replace(spec, embed_pos=None, embed="")
        if self.lang_before(16):
            self.version_error(pos, "go:embed", 16)
            return plain
        errors = self.diags.errors
        scope = self.scope
        t = self.resolve_type(spec.type)
        self.scope = scope  # resolving the type may have resolved its declaration
        if self.diags.errors != errors:
            return plain
        is_fs = _is_fs(t)
        if not is_fs and not _embeddable(t):
            self.error(pos, f"go:embed cannot apply to var of type "
                            f"{message_string(t, self.path)}")
            return plain
        patterns, _ = split_patterns(spec.embed)
        directory = os.path.dirname(pos.file) or "."
        files, err = resolve(directory, patterns)
        if err:
            self.error(pos, err)
            return plain
        if is_fs:
            return replace(plain, values=(self._fs_value(pos, directory, files),))
        if len(files) > 1:
            name = spec.names[0]
            self.error(name.pos, f"invalid go:embed: multiple files for type "
                                 f"{message_string(t, self.path)}")
            return plain
        data = Path(os.path.dirname(pos.file) or ".", files[0]).read_bytes()
        lit = ast.BasicLit(pos, "STRING", quote_bytes(data))
        call = ast.CallExpr(pos, spec.type, pos, (lit,), False, pos)
        return replace(plain, values=(call,))


    def _fs_value(self, pos: Pos, directory: str, files: list[str]) -> ast.Expr:
        """The call of embed.build making an FS of files and their parent directories."""
        scope = self.scope
        assert scope is not None
        pkg = scope.names.get(EMBED_PKG)
        if pkg is None:
            pkg = PkgName(EMBED_PKG, "embed", pos, self.package_scope("embed", pos))
            scope.names[EMBED_PKG] = pkg
            self.used_pkgs.add(id(pkg))
        entries = {f: Path(directory, f).read_bytes() for f in files}
        for f in files:
            d = posixpath.dirname(f)
            while d and d + "/" not in entries:
                entries[d + "/"] = b""
                d = posixpath.dirname(d)
        args = []
        for name in sorted(entries, key=_split):
            args.append(ast.BasicLit(pos, "STRING", quote_bytes(name.encode())))
            args.append(ast.BasicLit(pos, "STRING", quote_bytes(entries[name])))
        fn = ast.SelectorExpr(pos, ast.Name(pos, EMBED_PKG), pos, ast.Name(pos, "build"))
        return ast.CallExpr(pos, fn, pos, tuple(args), False, pos)


def _split(name: str) -> tuple[bytes, bytes]:
    """An FS entry's sort key: its directory and final element (embed's split)."""
    d, _, elem = name.rstrip("/").rpartition("/")
    return (d or ".").encode(), elem.encode()


def _is_fs(t: Type) -> bool:
    """Whether t is embed.FS itself (not a type defined from it), gc's embedFiles."""
    return isinstance(t, Named) and t.name == "FS" and t.pkg == "embed" and not t.targs


def _embeddable(t: Type) -> bool:
    """Whether t is a string or byte slice type (gc's embedString, embedBytes)."""
    u = under(t)
    if isinstance(u, Slice):
        u = under(u.elem)
        return isinstance(u, Basic) and u.kind == Kind.UINT8
    return isinstance(u, Basic) and u.kind == Kind.STRING
