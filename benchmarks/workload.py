"""The fixed query workload shared by every system: topics, the issue's examples, timing helpers."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable

from bot.data.dataset import Dataset

# The examples on the shipped data: (topic, figures that must speak, figures that must not).
EXAMPLES = [
    ("regulation", {"musk", "kai-fu-lee"}, {"lecun", "suleyman"}),
    ("Llama", {"lecun"}, {"musk", "altman", "amodei", "suleyman", "kai-fu-lee", "xai-engineers", "critics"}),
    (
        "what should I cook tonight",
        set(),
        {"musk", "altman", "amodei", "lecun", "suleyman", "kai-fu-lee", "xai-engineers", "critics"},
    ),
    ("safety", {"altman", "musk", "amodei"}, {"lecun"}),
    ("regulaton", {"musk", "kai-fu-lee"}, {"lecun", "suleyman"}),
    ("goverment oversight", {"musk", "kai-fu-lee"}, {"lecun"}),
    ("Is closed AI safer?", {"altman", "musk"}, {"lecun"}),
]

_FILLER = "what does everyone think about is should we worry about the future of how".split()
_OFF_TOPIC = "cooking weather football recipes gardening holidays music painting traffic tennis".split()


def make_topics(data: Dataset, count: int, seed: int) -> list[str]:
    """Deterministic, mostly unique topics: trigger phrases, article words, typos and off-topic words."""
    rng = random.Random(seed)
    vocabulary = sorted({t.phrase for rule in data.lexicon.topics.values() for t in rule.triggers})
    article_words = sorted(
        {w for p in data.personas for pos in p.positions for w in re.findall(r"[A-Za-z][\w-]{3,}", pos.text)}
    )
    topics: list[str] = []
    seen: set[str] = set()
    while len(topics) < count:
        words = [rng.choice(vocabulary) for _ in range(rng.randint(1, 2))]
        if rng.random() < 0.4:
            words.append(rng.choice(article_words))
        if rng.random() < 0.3:
            words.append(rng.choice(_OFF_TOPIC))
        if rng.random() < 0.3:  # a typo: drop one letter
            i = rng.randrange(len(words))
            if len(words[i]) > 4:
                j = rng.randrange(1, len(words[i]) - 1)
                words[i] = words[i][:j] + words[i][j + 1 :]
        rng.shuffle(words)
        topic = " ".join([*rng.sample(_FILLER, rng.randint(0, 3)), *words])
        if topic not in seen:
            seen.add(topic)
            topics.append(topic)
    return topics


def time_batch(ask: Callable[[str], object], topics: list[str]) -> list[float]:
    """Seconds per call, one topic at a time."""
    costs = []
    for topic in topics:
        start = time.perf_counter()
        ask(topic)
        costs.append(time.perf_counter() - start)
    return costs


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def examples_right(speakers: Callable[[str], set[str]]) -> int:
    """How many of the issue's examples a system answers right (on the shipped data only)."""
    right = 0
    for topic, must, must_not in EXAMPLES:
        spoke = speakers(topic)
        right += must <= spoke and not (must_not & spoke)
    return right
