#!/usr/bin/env python3
"""Regenerate the lexical data that bot.lexical ships, offline, from two general sources.

    pip install -e '.[lexical-build]'          # wordfreq (pinned) and nltk: build-time only
    apt-get install wordnet-base               # WordNet 3.0's database files, /usr/share/wordnet
    python scripts/build_lexical_data.py [--wordnet /usr/share/wordnet] [--check]

Writes ``bot/lexical/data/lexical-en.sqlite3``, an SQLite database that bot.lexical reads a word at a time
(a question looks up its own words; no table is loaded whole). Its tables:

* ``word(word, zipf, part, lemmas)``: one row per word with something to tell. ``zipf``: the word's
  general-English frequency, for the TOP_WORDS most frequent plain words in wordfreq's "large" English list,
  as a Zipf value (log10 of occurrences per billion words) in hundredths; NULL for a rarer word. ``part``: the
  word's dominant part of speech in WordNet 3.0 (n, v, a or r), for the words of the frequency table that
  WordNet knows: the part whose senses of the word's lemmas (WordNet's morphology reads "ignoring" as ignore)
  are tagged most often in WordNet's sense-tagged corpus; with no tagged sense, the one with the most senses.
  ``lemmas``: for a form WordNet's morphology (morphy) reads as other lemmas than itself, those lemmas,
  space-separated ("sued" -> "sue"); NULL otherwise.
* ``lemma(lemma, stems)``: a WordNet lemma that has relations, and the Snowball stems of its forms in the
  frequency table, space-separated ("sue" -> "su sue": sue, sued, suing).
* ``relation(lemma, word, kind, sense, target)``: the lemma's relation to ``word``, through the lemma's
  ``sense`` and the word's ``target`` sense (WordNet synset names, e.g. ``action.v.01``).
* ``quantity(word)``: the words of the frequency table with a frequent noun sense (rule 1) under WordNet's small
  or large indefinite quantity ("handful", "couple", "lot", "tons"): in "a handful of firms" such a word says how
  many, as "few" does, not what.
* ``fact(name, value)``: ``lowest_zipf``, the frequency table's floor (a word outside it counts as rarer).

The relations are chosen by rules, each one sentence:

1. Only a word's frequent senses count: those tagged at least a quarter as often as the word's most-tagged
   sense in WordNet's sense-tagged corpus (the SemCor counts of cntlist.rev), or, for a word with no tagged
   sense at all, the first-listed sense of each part of speech (WordNet lists senses by frequency).
2. Two words are related only through a sense that is frequent for both of them.
3. Kinds: ``synonym`` (the two words share the sense), ``derivation`` (WordNet's derivationally related form
   pointer joins a lemma of the one sense to a lemma of the other, e.g. sue ~ suit/lawsuit; every word of the
   target sense is reached, subject to rule 2) and ``pertainym`` (an adjective or adverb pertaining to a
   noun or adjective, e.g. regulatory ~ regulation), the latter two read in both directions.
   No hypernyms, hyponyms or "similar to" links: chains of those relate everything to everything.
4. Only single plain words (no multi-word lemmas, no capitalised names) that are among the RELATION_WORDS
   most frequent English words, at both ends: a rarer word carries no relation.
5. One relation per related word, the closest kind first (synonym, derivation, pertainym); a related word
   with one of the lemma's own stems is left out (the stemmer already matches it).

The output is deterministic: the same sources and the same SQLite release give the same bytes (rows inserted
in key order into a new file, then vacuumed). ``--check`` builds a scratch copy and compares the bytes; when
they differ it says whether the rows are the same all the same (a file written by another SQLite release).
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import sqlite3
import sys
import tempfile
import warnings
from collections import defaultdict
from pathlib import Path

import Stemmer

OUT = Path(__file__).resolve().parent.parent / "bot" / "lexical" / "data"
DATABASE = "lexical-en.sqlite3"
# How many words the frequency table keeps: down to Zipf 2.54 (about one in three million words); rarer
# words all count as rare.
TOP_WORDS = 50_000
# Rule 4: how many of the most frequent words may carry a relation (down to Zipf 1.94): more than the
# frequency table keeps, because the article's own words are often rarer ("monopolized" is Zipf 2.36).
RELATION_WORDS = 100_000
# Rule 1: a sense is frequent when tagged at least this share of the word's most-tagged sense.
SENSE_SHARE = 0.25
_PLAIN = re.compile(r"[a-z]+(?:'[a-z]+)*")


def zipf_table(size: int) -> dict[str, int]:
    """The ``size`` most frequent plain words of wordfreq's large English list, as Zipf x 100."""
    import wordfreq

    table: dict[str, int] = {}
    for word, frequency in wordfreq.get_frequency_dict("en", wordlist="large").items():
        if not _PLAIN.fullmatch(word):
            continue  # numbers, punctuation, non-Latin tokens
        table[word] = round((math.log10(frequency) + 9) * 100)
        if len(table) == size:
            break
    return table


def open_wordnet(folder: Path):
    """nltk's WordNet 3.0 reader over Debian's files (copied to a scratch folder that nltk may read).

    nltk wants a ``lexnames`` file, which wordnet-base does not ship; lexicographer file names are never
    used here, so numbered placeholders stand in for them.
    """
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class Reader(WordNetCorpusReader):
        def map_wn(self, version="wordnet"):  # no second WordNet to map from: this is 3.0 itself
            return None

    scratch = Path(tempfile.mkdtemp(prefix="wordnet-"))
    for name in ("data", "index"):
        for pos in ("noun", "verb", "adj", "adv"):
            shutil.copy(folder / f"{name}.{pos}", scratch)
    for extra in ("noun.exc", "verb.exc", "adj.exc", "adv.exc", "cntlist.rev"):
        if (folder / extra).exists():
            shutil.copy(folder / extra, scratch)
    (scratch / "lexnames").write_text("".join(f"{i:02d}\tlexname.{i:02d}\t0\n" for i in range(45)))
    nltk.data.path.append(str(scratch))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "multilingual functions are not available": not wanted
        reader = Reader(str(scratch), None)
    if reader.get_version() != "3.0":
        sys.exit(f"{folder}: expected WordNet 3.0, found {reader.get_version()}")
    return reader


def frequent_senses(wn, word: str) -> set[str]:
    """Rule 1: the synset names of a word's frequent senses (over all its parts of speech)."""
    counted: list[tuple[str, str, int]] = []  # (synset, pos, count), in WordNet's order
    for lemma in wn.lemmas(word):
        if lemma.name() != word:
            continue  # a capitalised name ("Sue") or another spelling
        synset = lemma.synset()
        counted.append((synset.name(), synset.pos().replace("s", "a"), lemma.count()))
    top = max((count for _, _, count in counted), default=0)
    if top > 0:
        return {name for name, _, count in counted if count >= SENSE_SHARE * top}
    first: dict[str, str] = {}
    for name, pos, _ in counted:
        first.setdefault(pos, name)
    return set(first.values())


def relations(wn, vocabulary: set[str]) -> dict[str, set[tuple[str, str, str, str, str]]]:
    """Rules 2-4: word -> {(related word, kind, from lemma, from sense, to sense)}, both directions."""
    senses = {word: frequent_senses(wn, word) for word in sorted(vocabulary)}
    senses = {word: found for word, found in senses.items() if found}
    found: dict[str, set[tuple[str, str, str, str, str]]] = defaultdict(set)

    def reach(word: str, sense: str, target_synset, kind: str) -> None:
        """Every word of ``target_synset`` for which it is a frequent sense, related to ``word``."""
        for lemma in target_synset.lemmas():
            other = lemma.name()
            if other != word and other in senses and target_synset.name() in senses[other]:
                found[word].add((other, kind, word, sense, target_synset.name()))
                found[other].add((word, kind, other, target_synset.name(), sense))

    for word, frequent in senses.items():
        for sense in sorted(frequent):
            synset = wn.synset(sense)
            reach(word, sense, synset, "synonym")
            for lemma in synset.lemmas():
                if lemma.name() != word:
                    continue
                for target in lemma.derivationally_related_forms():
                    reach(word, sense, target.synset(), "derivation")
                for target in lemma.pertainyms():
                    reach(word, sense, target.synset(), "pertainym")
    return found


_KIND_ORDER = {"synonym": 0, "derivation": 1, "pertainym": 2}


Relations = list[tuple[str, str, str, str]]  # (related word, kind, sense, target sense)


def lemma_entries(
    wn, found: dict[str, set[tuple[str, str, str, str, str]]], vocabulary: set[str]
) -> tuple[dict[str, tuple[str, Relations]], dict[str, str]]:
    """Rule 5: lemma -> (its forms' stems, its relations), and form -> the lemmas it is read as (when they
    are not just the form itself)."""
    stemmer = Stemmer.Stemmer("english")
    lemmas_of: dict[str, set[str]] = defaultdict(set)  # form -> lemmas (a lemma is its own form)
    for form in sorted(vocabulary):
        for pos in ("n", "v", "a", "r"):
            for lemma in wn._morphy(form, pos):
                if lemma in found:
                    lemmas_of[form].add(lemma)
    stems_of: dict[str, set[str]] = defaultdict(set)
    for form, lemmas in lemmas_of.items():
        for lemma in lemmas:
            stems_of[lemma].add(stemmer.stemWord(form))
    entries = {}
    for lemma in sorted(found):
        own = stems_of[lemma] | {stemmer.stemWord(lemma)}
        best: dict[str, tuple[str, str, str, str, str]] = {}
        for relation in sorted(found[lemma], key=lambda r: (r[0], _KIND_ORDER[r[1]], r[3], r[4])):
            if relation[0] not in best and stemmer.stemWord(relation[0]) not in own:
                best[relation[0]] = relation
        if best:
            rows = [(w, kind, sense, target) for w, kind, _, sense, target in best.values()]
            entries[lemma] = " ".join(sorted(own)), rows
    forms = {form: " ".join(sorted(lemmas_of[form])) for form in sorted(lemmas_of) if lemmas_of[form] != {form}}
    return entries, forms


# The WordNet senses whose hyponyms name an amount without saying what of (see the quantity table).
INDEFINITE_QUANTITIES = ("small_indefinite_quantity.n.01", "large_indefinite_quantity.n.01")


def quantity_words(wn, words: list[str]) -> list[str]:
    """The words with a frequent noun sense under one of INDEFINITE_QUANTITIES."""
    below = set()
    for name in INDEFINITE_QUANTITIES:
        root = wn.synset(name)
        below |= {root, *root.closure(lambda synset: synset.hyponyms())}
    below_names = {synset.name() for synset in below}
    return sorted(w for w in words if any(s in below_names for s in frequent_senses(wn, w) if ".n." in s))


def dominant_parts(wn, words: list[str]) -> dict[str, str]:
    """word -> its dominant part of speech (n, v, a or r), for the words WordNet knows."""
    found = {}
    for word in words:
        tagged: dict[str, float] = defaultdict(float)
        senses: dict[str, int] = defaultdict(int)
        for pos in ("n", "v", "a", "r"):
            for lemma_name in wn._morphy(word, pos):
                for lemma in wn.lemmas(lemma_name, pos):
                    if lemma.name() == lemma_name:
                        part = lemma.synset().pos().replace("s", "a")
                        tagged[part] += lemma.count()
                        senses[part] += 1
        if senses:
            found[word] = max(senses, key=lambda part: (tagged[part], senses[part], part))
    return found


SCHEMA = """
CREATE TABLE word (word TEXT PRIMARY KEY, zipf INTEGER, part TEXT, lemmas TEXT) WITHOUT ROWID;
CREATE TABLE lemma (lemma TEXT PRIMARY KEY, stems TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE relation (
    lemma TEXT NOT NULL, word TEXT NOT NULL, kind TEXT NOT NULL, sense TEXT NOT NULL, target TEXT NOT NULL,
    PRIMARY KEY (lemma, word)
) WITHOUT ROWID;
CREATE TABLE quantity (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE fact (name TEXT PRIMARY KEY, value) WITHOUT ROWID;
"""


def write_database(
    path: Path,
    zipf: dict[str, int],
    parts: dict[str, str],
    entries: dict[str, tuple[str, Relations]],
    forms: dict[str, str],
    quantities: list[str],
) -> None:
    """A new database at ``path`` (replacing any file there), every table filled in key order."""
    path.unlink(missing_ok=True)
    words = sorted(zipf.keys() | parts.keys() | forms.keys())
    db = sqlite3.connect(path)
    with db:  # one transaction
        db.executescript(SCHEMA)
        db.executemany(
            "INSERT INTO word VALUES (?, ?, ?, ?)", ((w, zipf.get(w), parts.get(w), forms.get(w)) for w in words)
        )
        db.executemany("INSERT INTO lemma VALUES (?, ?)", ((lemma, stems) for lemma, (stems, _) in entries.items()))
        db.executemany(
            "INSERT INTO relation VALUES (?, ?, ?, ?, ?)",
            ((lemma, *row) for lemma, (_, rows) in entries.items() for row in rows),
        )
        db.executemany("INSERT INTO quantity VALUES (?)", ((w,) for w in quantities))
        db.execute("INSERT INTO fact VALUES ('lowest_zipf', ?)", (min(zipf.values()),))
    db.execute("VACUUM")  # packed pages: a smaller file, the same bytes for the same rows
    db.close()


def _rows(path: Path) -> list[str]:
    db = sqlite3.connect(path)
    found = list(db.iterdump())
    db.close()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"), help="WordNet 3.0 dict folder")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default {OUT})")
    parser.add_argument("--check", action="store_true", help="only compare with the file there; exit 1 if different")
    args = parser.parse_args()

    zipf = zipf_table(TOP_WORDS)
    vocabulary = set(zipf_table(RELATION_WORDS))
    wn = open_wordnet(args.wordnet)
    entries, forms = lemma_entries(wn, relations(wn, vocabulary), vocabulary)
    parts = dominant_parts(wn, sorted(zipf))
    quantities = quantity_words(wn, sorted(zipf))

    target = args.out / DATABASE
    if args.check:
        with tempfile.TemporaryDirectory() as scratch:
            built = Path(scratch) / DATABASE
            write_database(built, zipf, parts, entries, forms, quantities)
            if target.exists() and target.read_bytes() == built.read_bytes():
                print("up to date")
                return 0
            same_rows = target.exists() and _rows(target) == _rows(built)
            print(f"stale: {DATABASE}" + (" (the same rows; written by another SQLite release)" if same_rows else ""))
            return 1
    args.out.mkdir(parents=True, exist_ok=True)
    write_database(target, zipf, parts, entries, forms, quantities)
    count = sum(len(rows) for _, rows in entries.values())
    print(
        f"{DATABASE}: {len(zipf)} words with a frequency, {len(parts)} with a part of speech, {len(entries)} lemmas,"
        f" {count} relations, {len(forms)} forms, {len(quantities)} quantity words, {target.stat().st_size:,} bytes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
