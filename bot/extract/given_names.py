"""The gender a given name has without doubt, from a shipped table (data/given-names.tsv, built offline by
scripts/build_given_names.py from Jörg Michael's name dictionary; GNU FDL, data/LICENSE-nam_dict.txt).

A pronoun agrees with the person it points to: "he said" is not Gretchen Carlson's. A name the dictionary marks
as unisex, or as male in one country and female in another, is a given name of either gender ("?").
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_TABLE = Path(__file__).resolve().parent / "data" / "given-names.tsv"


@cache
def _genders() -> dict[str, str]:
    # Read whole on first use (34,000 short lines, a few milliseconds): only the extractor needs it.
    with _TABLE.open(encoding="utf-8") as table:
        return dict(line.rstrip("\n").split("\t") for line in table)


def gender_of(given_name: str) -> str | None:
    """ "m", "f", or None when the table does not know the name or it may be either."""
    gender = _genders().get(given_name.casefold())
    return None if gender == "?" else gender


def is_given_name(word: str) -> bool:
    """Whether English-speaking countries use the word as a given name ("Gayle", "John", "Jordan")."""
    return word.casefold() in _genders()
