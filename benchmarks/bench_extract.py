"""Quote extraction accuracy and speed against the hand-made gold labels in tests/data/gold/.

Run from the repository root:  python -m benchmarks.bench_extract
Prints precision and recall of (quotation, speaker) pairs per article and overall, the recall of the labelled
reported positions, the pairs that were wrong or missed, and extraction time per article and per 100 KB.
"""

from __future__ import annotations

import sys
import time

from bot.extract import extract_quotes
from tests.extract_gold import Score, all_gold, score, score_reported

REPEATS = 20


def main() -> int:
    overall, corpus, reported = Score(), Score(), Score()
    total_seconds, total_chars = 0.0, 0
    print(f"{'article':36} {'prec':>6} {'recall':>6} {'pairs':>7} {'labels':>7} {'ms/article':>10}")
    for gold in all_gold():
        started = time.perf_counter()
        for _ in range(REPEATS):
            quotes = extract_quotes(gold.article)
        seconds = (time.perf_counter() - started) / REPEATS
        total_seconds += seconds
        total_chars += len(gold.article.text.encode("utf-8"))
        result = score(gold.quotes, quotes)
        overall.add(result)
        if not gold.article.path.startswith("seeds") and "/seeds/" not in gold.article.path:
            corpus.add(result)
        if gold.reported:
            reported.add(score_reported(gold, quotes))
        print(
            f"{gold.article.id:36} {result.precision:6.3f} {result.recall:6.3f} "
            f"{result.right:>3}/{result.predicted:<3} {result.found:>3}/{result.labelled:<3} {seconds * 1000:10.2f}"
        )
        for line in result.wrong:
            print(f"    wrong:  {line}")
        for line in result.missed:
            print(f"    missed: {line}")
    print(f"{'corpus (tests/data/corpus)':36} {corpus.precision:6.3f} {corpus.recall:6.3f}")
    print(f"{'overall':36} {overall.precision:6.3f} {overall.recall:6.3f}")
    print(f"reported positions found: {reported.found}/{reported.labelled}")
    per_100kb = total_seconds / total_chars * 100_000 * 1000
    print(
        f"time: {total_seconds / max(1, len(all_gold())) * 1000:.2f} ms per article, {per_100kb:.1f} ms per 100 KB, "
        f"{per_100kb / 20:.1f} ms per 5 KB (target: under 10)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
