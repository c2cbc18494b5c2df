"""Errors a user can cause with their data or input, reported as one line each."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with one field of one file: ``file:line: field: message``."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class DataError(Exception):
    """Raised when seeds or persona files are invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, file: str | Path, line: int, field: str, message: str) -> DataError:
        return cls([Problem(str(file), line, field, message)])


class UsageError(Exception):
    """Bad input from a user at the CLI or in a command (unknown figure, topic too long...)."""
