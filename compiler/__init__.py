"""refgo's compiler (README.md, docs/internals.md)."""

from compiler import dccache

dccache.install()
