"""A load cache for large records: the validated data and the engine's index, keyed by every input byte.

The key hashes the content (not the dates) of every seed and persona file, their names, and the code that
reads them, so a cache entry can never be stale: change any of these and the key changes. Small records
are not cached (loading them is quicker than hashing and unpickling). The folder is
``$DEBATE_CACHE`` ("off" disables it), else ``$XDG_CACHE_HOME/sourced-debate-bot``, never the repository.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import operator
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

FORMAT = 1
T = TypeVar("T")
# Below this many input bytes a record loads faster than a cache entry is read back.
MIN_BYTES = 1_000_000
_CODE = ("article.py", "personas.py", "topics.py", "yamlio.py", "dataset.py", "engine.py", "fastscore.py", "cache.py")


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Pickle a slots dataclass as its constructor and field values.

    For slots classes, dataclasses pickles through Python-level __getstate__/__setstate__ that call fields() for
    every object: with a few hundred thousand positions, citations and paragraphs, that was most of the time it
    took to store a cache entry and to load one back.
    """
    names = [field.name for field in dataclasses.fields(cls)]  # type: ignore[arg-type]
    # attrgetter gives a tuple only for two names or more
    values = operator.attrgetter(*names) if len(names) > 1 else lambda self: tuple(getattr(self, n) for n in names)

    def __reduce__(self: T) -> tuple[type[T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment, method-assign]
    return cls


def folder() -> Path | None:
    configured = os.environ.get("DEBATE_CACHE", "")
    if configured.lower() == "off":
        return None
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sourced-debate-bot"


def key(*folders: Path) -> str | None:
    """The content hash of every file the record is loaded from, or None when too small to be worth caching
    or when caching is off."""
    if folder() is None:
        return None  # caching is off: hashing would read every input file a second time for nothing
    digest = hashlib.sha256(f"{FORMAT} {sys.version}".encode())
    here = Path(__file__).resolve().parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    total = 0
    for where in folders:
        for path in sorted(where.glob("*")):
            if path.suffix not in (".txt", ".yaml") or not path.is_file():
                continue
            data = path.read_bytes()
            total += len(data)
            digest.update(f"\0{where.name}/{path.name}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest() if total >= MIN_BYTES else None


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
