"""Topic suggestions for autocomplete: this server's recent topics and the topic rules, fuzzy-matched.

Pure: the caller passes the rules (``label`` and ``triggers`` with a ``phrase`` each) and the recent topics
(from the store), and turns the suggestions into whatever its face shows (Discord choices).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

# Discord's limits for one autocomplete answer: at most 25 choices, each name and value at most 100 characters.
LIMIT = 25
MAX_LENGTH = 100
# WRatio from this score up: "reg" and "regualtion" find "regulation" (90); a stray shared letter pair scores
# 60-72 ("pizza toppings" against "profit", "reg" against "safety"), so those stay out.
SCORE_CUTOFF = 75


@dataclass(frozen=True, slots=True)
class Suggestion:
    name: str  # what the list shows
    value: str  # what goes into the option: a topic the engine reads as meant


def topic_suggestions(
    current: str, rules: Iterable[Any], recent: Sequence[str] = (), limit: int = LIMIT
) -> list[Suggestion]:
    """Suggestions for what a member has typed so far, best first; recent topics first among equals.

    A rule is offered under its label with its first trigger as the value ("open source"), and matched on
    its label and every trigger phrase."""
    # A recent topic longer than an option value may be is left out: cut short, it would ask something else.
    candidates = [
        (Suggestion(_cut(f"{topic} · recent"), topic), (topic,)) for topic in recent if len(topic) <= MAX_LENGTH
    ]
    for rule in rules:
        phrases = tuple(trigger.phrase for trigger in rule.triggers)
        value = phrases[0] if phrases else rule.label
        candidates.append((Suggestion(_cut(rule.label), _cut(value)), (rule.label, *phrases)))
    query = " ".join(current.casefold().split())
    if query:
        scored = [
            (max(fuzz.WRatio(query, text.casefold()) for text in texts), order, suggestion)
            for order, (suggestion, texts) in enumerate(candidates)
        ]
        ranked = [s for score, _, s in sorted(scored, key=lambda item: (-item[0], item[1])) if score >= SCORE_CUTOFF]
    else:
        ranked = [suggestion for suggestion, _ in candidates]
    out: list[Suggestion] = []
    seen: set[str] = set()
    for suggestion in ranked:
        key = suggestion.value.casefold()
        if key not in seen:
            seen.add(key)
            out.append(suggestion)
    return out[:limit]


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LENGTH else text[: MAX_LENGTH - 1] + "…"
