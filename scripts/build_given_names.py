#!/usr/bin/env python3
"""Regenerate the given-name table the quote extractor ships, offline, from Jörg Michael's name dictionary.

    pip install -e '.[names-build]'           # gender-guesser (pinned): only for the dictionary it carries
    python scripts/build_given_names.py [--check]

Writes ``bot/extract/data/given-names.tsv``: one line per given name in English-speaking use, ``name<TAB>m``,
``name<TAB>f`` or ``name<TAB>?`` (either), the name case-folded, sorted. The extractor reads it so that "he
said" is not given to Gretchen Carlson nor "she said" to Roger Ailes, and so that in "Gayle King" the word
after a given name is a surname, not a title.

Two rules: a name has a gender only when every entry the dictionary has for it says the same (M or 1M for a
man, F or 1F for a woman), so a name it marks as unisex or mostly one gender (?, ?M, ?F) anywhere, or as male
in one country and female in another ("Andrea"), is "?"; and a name is kept only when it is in use in Great
Britain, Ireland or the U.S.A. (the dictionary's English-speaking countries), since the extractor reads English
copy: "Raila", a Finnish woman's name, is a Kenyan man's in a Nairobi report. The extractor knows nothing of a
name left out.

The dictionary (``nam_dict.txt``, in the gender-guesser package's data) is © 2007-2008 Jörg Michael, under the
GNU Free Documentation License 1.2 or later; the table derived from it is released under the same licence
(``bot/extract/data/LICENSE-nam_dict.txt``). Only the data is used, not gender-guesser's code.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bot" / "extract" / "data" / "given-names.tsv"
MALE, FEMALE = {"M", "1M"}, {"F", "1F"}
# The frequency columns of Great Britain, Ireland and the U.S.A. (0-based; the file's columns 31-33).
ENGLISH_COLUMNS = slice(30, 33)


def read_dictionary(text: str) -> tuple[dict[str, set[str]], set[str]]:
    """Each name -> the gender codes of its entries, and the names in use in an English-speaking country. The
    file's own syntax: code in columns 1-2, the name in columns 4-29; a '+' in column 30 marks a second copy of
    a name with expanded umlauts (to be skipped); then one frequency digit per country; '=' lines pair short
    and long forms and say nothing of gender."""
    codes: dict[str, set[str]] = defaultdict(set)
    english: set[str] = set()
    for line in text.splitlines():
        if line.startswith("#") or len(line) < 30 or line[29] == "+":
            continue
        code, name = line[:2].strip(), line[3:29].strip().casefold()
        if code != "=" and name:
            codes[name].add(code)
            if line[ENGLISH_COLUMNS].strip():
                english.add(name)
    return codes, english


def table(codes: dict[str, set[str]], english: set[str]) -> list[str]:
    rows = []
    for name, found in sorted(codes.items()):
        if "+" in name or name not in english:  # "Jun+Wei": a pattern for several spellings, not one name
            continue
        gender = "m" if found <= MALE else "f" if found <= FEMALE else "?"
        rows.append(f"{name}\t{gender}")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped table instead of writing")
    args = parser.parse_args()
    source = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    built = "\n".join(table(*read_dictionary(source.read_text(encoding="utf-8")))) + "\n"
    if args.check:
        same = OUT.read_text(encoding="utf-8") == built
        print("given-names.tsv is up to date" if same else "given-names.tsv differs from what the source gives")
        return 0 if same else 1
    OUT.write_text(built, encoding="utf-8")
    print(f"wrote {OUT} ({built.count(chr(10))} names)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
