"""The runtime archive's checksum: recorded when built, verified before every link."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from compiler import link


def test_archive_checksum_is_recorded_and_verified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFGO_CACHE", str(tmp_path))
    monkeypatch.delenv("REFGO_RUNTIME_SHA256", raising=False)
    archive = link.runtime_archive()
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert (tmp_path / (archive.name + ".sha256")).read_text() == digest + "\n"
    assert link.verify_archive(archive) == digest
    monkeypatch.setenv("REFGO_RUNTIME_SHA256", digest)
    assert link.runtime_archive() == archive

    monkeypatch.setenv("REFGO_RUNTIME_SHA256", "0" * 64)
    with pytest.raises(link.LinkError, match="does not match its checksum"):
        link.runtime_archive()
    monkeypatch.delenv("REFGO_RUNTIME_SHA256")

    archive.write_bytes(archive.read_bytes() + b"\0")  # an archive swapped in behind our back
    with pytest.raises(link.LinkError, match="does not match its checksum"):
        link.runtime_archive()


def test_archive_without_checksum_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFGO_CACHE", str(tmp_path))
    monkeypatch.delenv("REFGO_RUNTIME_SHA256", raising=False)
    stale = tmp_path / f"runtime-{link.runtime_key()}.a"
    stale.write_bytes(b"!<arch>\nnot built by this refgo\n")
    archive = link.runtime_archive()
    assert archive == stale and b"not built by this refgo" not in archive.read_bytes()
    link.verify_archive(archive)
