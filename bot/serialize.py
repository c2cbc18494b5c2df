"""Engine results as plain JSON-ready dicts: the shape `debate-cli --json` prints and tools rely on."""

from __future__ import annotations

from typing import Any

from .data.article import Article
from .data.personas import Persona, Position
from .debate import DebatePlan, Turn
from .search.records import AskResult, Stance


def _quote(position: Position | None) -> dict[str, Any]:
    if position is None:
        return {"kind": None, "quote": None, "citation": None}
    return {"kind": position.kind, "quote": position.text, "citation": position.citation.as_dict()}


def stance_json(stance: Stance) -> dict[str, Any]:
    return {
        "figure": stance.figure.id,
        "name": stance.figure.name,
        "status": stance.status,
        **_quote(stance.position),
        "position": stance.position.id if stance.position else None,
        "score": round(stance.match.score, 4) if stance.match else None,
    }


def ask_json(result: AskResult) -> dict[str, Any]:
    return {"topic": result.topic, "stances": [stance_json(s) for s in result.stances]}


def turn_json(turn: Turn) -> dict[str, Any]:
    quote = _quote(turn.position)
    if turn.context is not None:  # the article's own narration: cited, never anyone's words
        quote = {"kind": "article", "quote": turn.context.text, "citation": turn.context.citation.as_dict()}
    return {
        "round": turn.round,
        "move": turn.move,
        "figure": turn.figure.id if turn.figure else None,
        "replying_to": turn.replying_to.id if turn.replying_to else None,
        **quote,
        "reason": turn.reason,
        "narration": turn.narration,
    }


def debate_json(plan: DebatePlan) -> dict[str, Any]:
    return {
        "topic": plan.topic,
        "participants": [p.id for p in plan.participants],
        "rounds_requested": plan.rounds_requested,
        "rounds_played": plan.rounds_played,
        "turns": [turn_json(t) for t in plan.turns],
        "summary": {
            "stances": [
                {
                    "figure": e.figure.id,
                    "axis": e.axis,
                    "value": e.value,
                    "label": e.label,
                    "citation": e.position.citation.as_dict() if e.position else None,
                }
                for e in plan.summary
            ],
            "no_stance": [p.id for p in plan.abstainers],
        },
    }


def explain_json(result: AskResult, threshold: float) -> dict[str, Any]:
    analysis = result.analysis
    return {
        "topic": result.topic,
        "threshold": threshold,
        "stems": list(analysis.stems),
        "corrections": [{"from": a, "to": b} for a, b in analysis.corrections],
        "rules": [
            {"topic": h.topic, "trigger": h.trigger, "how": h.how, "weight": h.weight, "side": h.side}
            for h in analysis.hits
        ],
        "sides": analysis.sides,
        "focus": [{"figure": m.figure, "words": list(m.words)} for m in analysis.mentions],
        "quoted": list(analysis.quoted),
        "names_as_words": list(result.names_as_words),
        "manner_words": list(result.manner_words),
        "asks_for": analysis.wants.lstrip("#") if analysis.wants else None,
        "language": analysis.language,
        "words": [{"word": w.word, "stem": w.stem, "bits": round(w.bits, 2), "frame": w.frame} for w in analysis.asked],
        "figures": [
            {
                "figure": s.figure.id,
                "decision": s.status,
                "chosen": s.position.id if s.position else None,
                "candidates": [
                    {
                        "position": c.position.id,
                        "score": round(c.match.score, 4),
                        "topic_score": round(c.match.topic_score, 4),
                        "word_score": round(c.match.word_score, 4),
                        "topics": list(c.match.topics),
                        "words": list(c.match.words),
                        "focus": c.match.focus,
                        "quoted": c.match.quoted,
                        "names_only": c.match.names_only,
                        "related": [
                            {
                                "word": word,
                                "relative": r.relation.word,
                                "kind": r.relation.kind,
                                "via": r.relation.via,
                                "source": r.relation.source,
                            }
                            for word, r in c.match.relations
                        ],
                        "by_role": list(c.match.role_words),
                        "unexplained": [{"word": w.word, "bits": round(w.bits, 2)} for w in c.match.unexplained],
                    }
                    for c in s.candidates
                ],
            }
            for s in result.stances
        ],
    }


def figures_json(personas: tuple[Persona, ...]) -> dict[str, Any]:
    return {
        "figures": [
            {
                "figure": p.id,
                "name": p.name,
                "role": p.role,
                "camp": p.camp,
                "aliases": list(p.aliases),
                "positions": len(p.positions),
            }
            for p in personas
        ]
    }


def source_json(personas: tuple[Persona, ...], article: Article, number: int) -> dict[str, Any]:
    """A paragraph and every position cited in it."""
    para = article.paragraph(number)
    return {
        "article": article.id,
        "paragraph": para.index,
        "start": para.start,
        "end": para.end,
        "text": para.text,
        "positions": [
            {"figure": p.id, "position": pos.id, "kind": pos.kind, "citation": pos.citation.as_dict()}
            for p in personas
            for pos in p.positions
            if pos.citation.article == article.id and pos.citation.paragraph == para.index
        ],
    }
