"""Typo correction: the deletion index finds exactly what a scan of every near word would find."""

from __future__ import annotations

import random

from rapidfuzz import distance, process

from bot.engine import Engine
from bot.topics import Lexicon


def _scanned(lexicon: Lexicon, word: str) -> str | None:
    """The reference: extractOne over every candidate word, at up to one edit (two from eight letters)."""
    if len(word) < 3:
        return None
    edits = 2 if len(word) >= 8 else 1
    found = process.extractOne(word, lexicon._candidates(word, edits), scorer=distance.OSA.distance, score_cutoff=edits)
    return found[0] if found else None


def _typos(vocabulary: list[str], count: int, rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    known = set(vocabulary)
    made = []
    while len(made) < count:
        word = rng.choice(vocabulary)
        i = rng.randrange(len(word))
        kind = rng.randrange(5)
        if kind == 0:
            typo = word[:i] + word[i + 1 :]  # dropped
        elif kind == 1:
            typo = word[:i] + rng.choice(letters) + word[i:]  # inserted
        elif kind == 2:
            typo = word[:i] + rng.choice(letters) + word[i + 1 :]  # changed
        elif kind == 3 and i + 1 < len(word):
            typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # swapped
        else:  # two edits, or a made-up word
            typo = "".join(rng.choice(letters) for _ in range(len(word)))[:i] + word[i:]
        if len(typo) >= 3 and typo not in known:
            made.append(typo)
    return made


def test_the_deletion_index_corrects_as_a_full_scan_does(engine: Engine) -> None:
    lexicon = engine.lexicon
    vocabulary = sorted(lexicon._vocabulary)
    typos = _typos(vocabulary, 3000, random.Random(5)) + ["opn", "goverment", "regulaton", "cooking", "xyzzy"]
    corrected = [lexicon.correct(typo) for typo in typos]
    assert corrected == [_scanned(lexicon, typo) for typo in typos]
    assert sum(c is not None for c in corrected) > 1500  # most typos were one edit from a word, and found


def test_common_typos_find_their_words(engine: Engine) -> None:
    assert engine.lexicon.correct("regulaton") == "regulation"
    assert engine.lexicon.correct("goverment") == "government"
    assert engine.lexicon.correct("opn") == "open"
