"""Typo correction: the deletion index finds exactly what a scan of every near word would find."""

from __future__ import annotations

import random

from rapidfuzz import distance, process

from bot.engine import Engine
from bot.topics import Lexicon


def _scanned(lexicon: Lexicon, word: str) -> str | None:
    """The reference, from the rules alone: every vocabulary word starting with the typo's first or second
    letter, at up to one edit (two from eight letters; a three-letter typo only reaches a topic word one
    letter longer); the nearest wins, then a topic word, then the first alphabetically."""
    if len(word) < 3:
        return None
    edits = 2 if len(word) >= 8 else 1
    triggers = lexicon._trigger_words
    found = process.extract(
        word, list(lexicon._vocabulary), scorer=distance.OSA.distance, score_cutoff=edits, limit=None
    )
    allowed = [
        (score, known not in triggers, known)
        for known, score, _ in found
        if known[0] in word[:2] and (len(word) > 3 or (len(known) == len(word) + 1 and known in triggers))
    ]
    return min(allowed)[2] if allowed else None


def _typos(vocabulary: list[str], count: int, rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    known = set(vocabulary)
    made = []
    while len(made) < count:
        word = rng.choice(vocabulary)
        i = rng.randrange(len(word))
        kind = rng.randrange(6)
        if kind == 0:
            typo = word[:i] + word[i + 1 :]  # dropped
        elif kind == 1:
            typo = word[:i] + rng.choice(letters) + word[i:]  # inserted
        elif kind == 2:
            typo = word[:i] + rng.choice(letters) + word[i + 1 :]  # changed
        elif kind == 3 and i + 1 < len(word):
            typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # swapped
        elif kind == 4 and len(word) >= 9:
            j = rng.randrange(1, len(word) - 1)
            typo = (word[:i] + rng.choice(letters) + word[i + 1 :])[:j] + word[j + 1 :]  # changed and dropped
        else:  # several edits, or a made-up word
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
    two_edits = [c for typo, c in zip(typos, corrected, strict=True) if c and distance.OSA.distance(typo, c) == 2]
    assert len(two_edits) > 50  # the scan for long words was exercised, not only the deletion index
    assert sum(c is not None for c in corrected) > 1500  # most typos were one edit from a word, and found


def test_common_typos_find_their_words(engine: Engine) -> None:
    assert engine.lexicon.correct("regulaton") == "regulation"
    assert engine.lexicon.correct("goverment") == "government"
    assert engine.lexicon.correct("opn") == "open"
