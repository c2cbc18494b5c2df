"""Per-query cost of `ask` on the shipped data against a rank-bm25 baseline, side by side in one run.

    python -m benchmarks.bench_ask [--topics 10000] [--seed 7] [--json benchmarks/results/ask.json]

The baseline does the same job over the same positions: tokenise the topic, score every position
with BM25Okapi, keep the best position per figure, abstain when the best score is not above zero.
Prints a table; never asserts times (tests don't time anything).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import time
from pathlib import Path

from bot.dataset import load_dataset
from bot.engine import Engine
from bot.topics import STOPWORDS

# The issue's examples: (topic, figures that must speak, figures that must not).
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

_FILLER = "what does everyone think about is should we worry about the future of how".split()  # noqa: SIM905
_OFF_TOPIC = "cooking weather football recipes gardening holidays music painting traffic tennis".split()  # noqa: SIM905


def make_topics(data, count: int, seed: int) -> list[str]:
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


class BM25Baseline:
    """rank-bm25 over the same positions: tokenise, score, best position per figure."""

    def __init__(self, data):
        from rank_bm25 import BM25Okapi

        self.positions = [pos for p in data.personas for pos in p.positions]
        self.figures = [p.id for p in data.personas]
        self.bm25 = BM25Okapi([self.tokenise(pos.text) for pos in self.positions])

    @staticmethod
    def tokenise(text: str) -> list[str]:
        return [w for w in re.findall(r"\w+", text.lower()) if w not in STOPWORDS]

    def ask(self, topic: str) -> dict[str, object]:
        scores = self.bm25.get_scores(self.tokenise(topic))
        best: dict[str, tuple[float, object]] = {}
        for score, pos in zip(scores, self.positions, strict=True):
            if score > best.get(pos.figure, (0.0, None))[0]:
                best[pos.figure] = (float(score), pos)
        return {f: best[f][1] for f in self.figures if f in best}


def _time_batch(ask, topics: list[str]) -> list[float]:
    costs = []
    for topic in topics:
        start = time.perf_counter()
        ask(topic)
        costs.append(time.perf_counter() - start)
    return costs


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _quality(answer) -> tuple[int, int]:
    right = 0
    for topic, must, must_not in EXAMPLES:
        spoke = answer(topic)
        right += must <= spoke and not (must_not & spoke)
    return right, len(EXAMPLES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/ask.json"))
    args = parser.parse_args(argv)

    loads = []
    for _ in range(5):
        start = time.perf_counter()
        data = load_dataset()
        engine = Engine(data)
        loads.append(time.perf_counter() - start)
    start = time.perf_counter()
    baseline = BM25Baseline(data)
    baseline_load = time.perf_counter() - start

    topics = make_topics(data, args.topics, args.seed)
    # Interleave the two so machine noise hits both alike; warm both first.
    for ask in (engine.ask, baseline.ask):
        _time_batch(ask, topics[:200])
    ours, theirs = [], []
    for i in range(0, len(topics), 500):
        chunk = topics[i : i + 500]
        engine.lexicon._cache.clear()  # every topic is analysed afresh, as a new question would be
        ours += _time_batch(engine.ask, chunk)
        theirs += _time_batch(baseline.ask, chunk)

    our_quality = _quality(lambda t: {s.figure.id for s in engine.ask(t).stances if s.position})
    their_quality = _quality(lambda t: set(baseline.ask(t)))
    result = {
        "topics": len(topics),
        "load_and_validate_s": {"median": statistics.median(loads), "max": max(loads)},
        "engine_us": {
            "median": statistics.median(ours) * 1e6,
            "p99": _percentile(ours, 0.99) * 1e6,
            "mean": statistics.fmean(ours) * 1e6,
        },
        "rank_bm25_us": {
            "median": statistics.median(theirs) * 1e6,
            "p99": _percentile(theirs, 0.99) * 1e6,
            "mean": statistics.fmean(theirs) * 1e6,
        },
        "rank_bm25_index_s": baseline_load,
        "ratio_median": statistics.median(ours) / statistics.median(theirs),
        "ratio_mean": statistics.fmean(ours) / statistics.fmean(theirs),
        "examples_right": {"engine": our_quality[0], "rank_bm25": their_quality[0], "of": our_quality[1]},
    }
    print(
        f"ask over {len(topics)} topics on the shipped data ({sum(len(p.positions) for p in data.personas)} positions)"
    )
    print(f"{'':24}{'median µs':>12}{'p99 µs':>12}{'mean µs':>12}")
    rows = (("engine (ours)", "engine_us"), ("rank-bm25 BM25Okapi", "rank_bm25_us"))
    for name, key in rows:
        row = result[key]
        print(f"{name:24}{row['median']:12.1f}{row['p99']:12.1f}{row['mean']:12.1f}")
    print(
        f"ratio ours/rank-bm25: median {result['ratio_median']:.2f}, mean {result['ratio_mean']:.2f} (<= 1.0 is the target)"
    )
    print(f"load + validation: median {result['load_and_validate_s']['median'] * 1000:.1f} ms (target < 500 ms)")
    q = result["examples_right"]
    print(f"issue examples answered right: engine {q['engine']}/{q['of']}, rank-bm25 {q['rank_bm25']}/{q['of']}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
