"""What Go's standard library has, for saying that refgo's library lacks it.

A program importing `sync` before compiler/lib has it, or calling `math.Pow` before
compiler/lib/math defines it, is valid Go: the error must say that refgo's library
lacks the package or name (`refgo's library has no package sync yet`), while a
misspelt package keeps gc's wording (`package synx is not in GOROOT`). The package
list is Go 1.19's `go list std` without internal and vendored packages; exported names
come from the API files of an installed Go 1.19 (`$GOROOT/api/go1*.txt`), and
without one a missing name keeps gc's `undefined: math.Pow`.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

STD_PACKAGES = frozenset("""
    archive/tar archive/zip bufio bytes compress/bzip2 compress/flate compress/gzip
    compress/lzw compress/zlib container/heap container/list container/ring context
    crypto crypto/aes crypto/cipher crypto/des crypto/dsa crypto/ecdsa
    crypto/ed25519 crypto/elliptic crypto/hmac crypto/md5 crypto/rand crypto/rc4
    crypto/rsa crypto/sha1 crypto/sha256 crypto/sha512 crypto/subtle crypto/tls
    crypto/x509 crypto/x509/pkix database/sql database/sql/driver debug/buildinfo
    debug/dwarf debug/elf debug/gosym debug/macho debug/pe debug/plan9obj embed
    encoding encoding/ascii85 encoding/asn1 encoding/base32 encoding/base64
    encoding/binary encoding/csv encoding/gob encoding/hex encoding/json
    encoding/pem encoding/xml errors expvar flag fmt go/ast go/build
    go/build/constraint go/constant go/doc go/doc/comment go/format go/importer
    go/parser go/printer go/scanner go/token go/types hash hash/adler32 hash/crc32
    hash/crc64 hash/fnv hash/maphash html html/template image image/color
    image/color/palette image/draw image/gif image/jpeg image/png index/suffixarray
    io io/fs io/ioutil log log/syslog math math/big math/bits math/cmplx math/rand
    mime mime/multipart mime/quotedprintable net net/http net/http/cgi
    net/http/cookiejar net/http/fcgi net/http/httptest net/http/httptrace
    net/http/httputil net/http/pprof net/mail net/netip net/rpc net/rpc/jsonrpc
    net/smtp net/textproto net/url os os/exec os/signal os/user path path/filepath
    plugin reflect regexp regexp/syntax runtime runtime/cgo runtime/debug
    runtime/metrics runtime/pprof runtime/race runtime/trace sort strconv strings
    sync sync/atomic syscall testing testing/fstest testing/iotest testing/quick
    text/scanner text/tabwriter text/template text/template/parse time time/tzdata
    unicode unicode/utf16 unicode/utf8 unsafe
""".split())

API_DIRS = ("/usr/lib/go-1.19/api", "/usr/local/go/api", "/usr/lib/go/api")

_API_LINE = re.compile(r"^pkg ([^ ,]+)(?:, [^)]*\))?, (?:func|const|var|type) ([A-Za-z0-9_]+)")


def default_goroot() -> str:
    """The GOROOT a program's runtime.GOROOT reports when $GOROOT is unset at run time,
    as gc's linker records the toolchain's: $GOROOT at link time, else the root of the
    installed Go 1.19 whose API files refgo reads, else ""."""
    if os.environ.get("GOROOT"):
        return os.environ["GOROOT"]
    for d in API_DIRS:
        if Path(d).is_dir():
            return str(Path(d).parent)
    return ""


def missing_package(path: str) -> str:
    """The error for an import path compiler/lib does not have."""
    if path in STD_PACKAGES:
        return f"refgo's library has no package {path} yet"
    return f"package {path} is not in GOROOT"


def missing_name(path: str, pkg: str, name: str) -> str:
    """The error for pkg.name (pkg imported from path) that compiler/lib lacks."""
    if name in _api().get(path, ()):
        return f"refgo's library has no {pkg}.{name} yet"
    return f"undefined: {pkg}.{name}"


@functools.cache
def _api() -> dict[str, frozenset[str]]:
    """Exported package-level names of Go's standard library, by import path (empty
    without an installed Go's API files)."""
    dirs = [os.path.join(os.environ["GOROOT"], "api")] if os.environ.get("GOROOT") else []
    out: dict[str, set[str]] = {}
    for d in (*dirs, *API_DIRS):
        files = sorted(Path(d).glob("go1*.txt")) if Path(d).is_dir() else []
        for p in files:
            for line in p.read_text(errors="replace").splitlines():
                m = _API_LINE.match(line)
                if m:
                    out.setdefault(m.group(1), set()).add(m.group(2))
        if files:
            break
    return {k: frozenset(v) for k, v in out.items()}
