"""A load cache for large records: the validated data and the ranker's index, keyed by their inputs and the code.

The key hashes the name, size and modification time of every seed and persona file and of every Python
source file of the package, as Python's own bytecode cache keys a .pyc: change any of them and the key
changes (a module added later counts without anyone listing it). Stat, not read: a 100,000-position record
is 12,000 files, and reading them all to hash them took 0.7 s of a start from the cache. As with .pyc files,
only a file rewritten to the same size with its old modification time put back would go unseen. Every record is cached: even the shipped one reads back from a cache entry in a
few milliseconds, without parsing YAML, which is most of a CLI start. The folder is ``$DEBATE_CACHE`` ("off"
disables it), else ``$XDG_CACHE_HOME/sourced-debate-bot``, never the repository.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path
from stat import S_ISREG
from typing import Any

FORMAT = 2
_PACKAGE = Path(__file__).resolve().parents[1]


def folder() -> Path | None:
    configured = os.environ.get("DEBATE_CACHE", "")
    if configured.lower() == "off":
        return None
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sourced-debate-bot"


def key(*folders: Path) -> str | None:
    """The hash of every file the record is loaded from and of the code that reads it (each file's name, size
    and modification time); None when caching is off."""
    if folder() is None:
        return None
    # Every name the loaders glob, readable or not: an unreadable one (a dangling link, a folder named
    # x.yaml) must reach the loader and its error, never be skipped over by a cached record.
    inputs = [p for where in folders for p in sorted(where.glob("*")) if p.suffix in (".txt", ".yaml")]
    digest = hashlib.sha256(f"{FORMAT} {sys.version} {_code_digest()}".encode())
    for path in inputs:
        try:
            found = path.stat()
        except OSError:
            return None
        if not S_ISREG(found.st_mode):
            return None  # a folder named x.yaml: the loader says what is wrong with it
        # The mode too: a file made unreadable (chmod) keeps its time, and must reach the loader's error.
        digest.update(
            f"\0{path.parent.name}/{path.name}\0{found.st_size}\0{found.st_mtime_ns}\0{found.st_mode}\0".encode()
        )
    return digest.hexdigest()


@functools.cache
def _code_digest() -> str:
    """The hash of every source file of the package by its name, size and modification time, taken once: the
    code this process runs. Stat, not read, as Python's bytecode cache does: a start needs no source file's
    bytes. Taken afresh at every load, a file edited under a running bot (then /reload) would key the new
    code's entries to the old."""
    digest = hashlib.sha256()
    for path in sorted(_sources(_PACKAGE)):
        stat = os.stat(path)
        digest.update(f"\0{os.path.relpath(path, _PACKAGE)}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _sources(package: Path) -> Iterator[str]:
    for folder, _, names in os.walk(package):
        yield from (os.path.join(folder, name) for name in names if name.endswith(".py"))


def load(entry: str) -> Any | None:
    where = folder()
    path = where / f"{entry}.pickle" if where else None
    if path is None or not path.is_file():
        return None
    try:
        with gc_paused(), path.open("rb") as file:
            return pickle.load(file)  # noqa: S301 - our own file, named by the hash of its inputs
    except Exception:  # noqa: BLE001 - an unreadable entry is rebuilt, never trusted
        return None


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """For building a record's millions of objects (none in a cycle): collecting in between only costs time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def store(entry: str, value: Any) -> None:
    """Write atomically (a reader sees the whole entry or none); a failure only costs the next load."""
    where = folder()
    if where is None:
        return
    import tempfile  # only when writing: a start served from the cache never needs it

    with contextlib.suppress(OSError):
        where.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, where / f"{entry}.pickle")
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
