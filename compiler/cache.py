"""cache: the content-addressed build cache under $REFGO_CACHE (default ~/.cache/refgo).

An entry is one file `pkg/<k0k1>/<key>` named by the hex key its producer computed from
everything that decides its content (compiler/units.py: the package's sources, its
imports' keys, the compiler's version hash, the flags that change code). Its bytes are

    "refgo-cache 1\\n" <sha256 of payload, 64 hex> "\\n" <payload>

so a truncated or corrupted entry fails its checksum and reads as absent (the caller
rebuilds it and overwrites it). For

    c = Cache(cache_dir())
    with c.building(key):              # one builder per key; others wait, then read
        data = c.get(key)              # None: absent, corrupted or unreadable
        if data is None:
            data = produce()
            c.put(key, data)           # temp file + atomic rename: no torn entries

A read-only or full cache directory never fails a build: `put` and `building` degrade
to compiling without storing, and record why in `problems` (printed by `refgo build
-x`). The cache trims itself (`trim`, least recently used entries first) past
MAX_BYTES; `refgo clean -cache` removes every entry.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

MAGIC = b"refgo-cache 1\n"
MAX_BYTES = 1 << 30
"""Size past which `trim` removes the least recently used entries (to 3/4 of it)."""


def cache_dir() -> Path:
    """The build cache: $REFGO_CACHE, else ~/.cache/refgo."""
    env = os.environ.get("REFGO_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "refgo"


def encode(payload: bytes) -> bytes:
    """An entry's bytes: magic, payload checksum, payload."""
    return MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def decode(data: bytes) -> bytes | None:
    """The payload of an entry's bytes, or None if they are not a whole, intact entry."""
    head = len(MAGIC) + 65
    if len(data) < head or not data.startswith(MAGIC) or data[head - 1:head] != b"\n":
        return None
    payload = data[head:]
    if hashlib.sha256(payload).hexdigest().encode() != data[len(MAGIC):head - 1]:
        return None
    return payload


class Cache:
    """The package entries of one cache directory."""

    def __init__(self, root: Path) -> None:
        self.dir = root / "pkg"
        self.problems: list[str] = []
        """Why an entry could not be stored or locked (read-only or full directory)."""

    def path(self, key: str) -> Path:
        return self.dir / key[:2] / key

    def get(self, key: str) -> bytes | None:
        """The payload stored under key; None if absent, unreadable, truncated or
        corrupted (the caller rebuilds and overwrites it)."""
        p = self.path(key)
        try:
            data = p.read_bytes()
        except OSError:
            return None
        payload = decode(data)
        if payload is not None:
            with contextlib.suppress(OSError):
                os.utime(p)  # recently used: trim keeps it
        return payload

    def put(self, key: str, payload: bytes) -> bool:
        """Store payload under key atomically (a private temp file renamed into place,
        so readers see the old entry, none, or the whole new one); False, with the reason
        in problems, if the directory is not writable or full."""
        p = self.path(key)
        tmp = None
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                f.write(encode(payload))
            os.chmod(tmp, 0o644)  # readable by builds of other users sharing the cache
            os.replace(tmp, p)
            return True
        except OSError as e:
            self.problems.append(f"cache {self.dir}: cannot store {key[:16]}: "
                                 f"{e.strerror or e}")
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            return False

    @contextlib.contextmanager
    def building(self, key: str) -> Iterator[None]:
        """Hold key's lock (one builder per entry across processes) while the caller reads
        and, if absent, builds and stores it; without a writable directory, no lock."""
        lock = self.dir / "locks" / key[:2] / key
        try:
            lock.parent.mkdir(parents=True, exist_ok=True)
            f = open(lock, "w")  # noqa: SIM115 - held across the yield
        except OSError as e:
            self.problems.append(f"cache {self.dir}: cannot lock {key[:16]}: "
                                 f"{e.strerror or e}")
            yield
            return
        with f:
            fcntl.flock(f, fcntl.LOCK_EX)
            yield

    def trim(self, limit: int = MAX_BYTES) -> int:
        """Remove the least recently used entries while the cache holds more than limit
        bytes, down to 3/4 of it; returns the number removed."""
        entries = []
        total = 0
        for p in self.dir.glob("??/*"):
            try:
                st = p.stat()
            except OSError:
                continue
            entries.append((st.st_mtime, st.st_size, p))
            total += st.st_size
        if total <= limit:
            return 0
        removed = 0
        for _, size, p in sorted(entries):
            if total <= limit * 3 // 4:
                break
            with contextlib.suppress(OSError):
                p.unlink()
                total -= size
                removed += 1
        return removed

    def clean(self) -> None:
        """Remove every package entry (`refgo clean -cache`)."""
        shutil.rmtree(self.dir, ignore_errors=True)
