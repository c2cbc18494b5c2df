"""The ranker's and planner's answers on the shipped article: sourced stances, honest abstention, debate plans."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core import load_core
from bot.search.ranker import THRESHOLD

from ..conftest import PERSONAS, SEEDS


def speakers(ranker, topic: str) -> dict[str, int]:
    """figure id -> cited paragraph, for every figure with a stance."""
    return {s.figure.id: s.position.citation.paragraph for s in ranker.ask(topic).stances if s.position}


def test_regulation(ranker):
    result = {s.figure.id: s for s in ranker.ask("regulation").stances}
    assert result["musk"].position.citation.paragraph == 7
    assert "call on regulators" in result["musk"].position.text
    assert result["kai-fu-lee"].position.citation.paragraph == 14
    assert "regulatory framework" in result["kai-fu-lee"].position.text
    assert result["lecun"].status == "no_stance"
    assert result["suleyman"].status == "no_stance"


def test_llama_is_lecun_alone(ranker):
    assert speakers(ranker, "Llama") == {"lecun": 13}


@pytest.mark.parametrize(
    "topic", ["what should I cook tonight", "the weather in Paris", "football results", "?!", "AI"]
)
def test_off_topic_questions_get_no_quote_at_all(ranker, topic):
    assert speakers(ranker, topic) == {}


def test_safety(ranker):
    found = speakers(ranker, "safety")
    assert {"altman", "musk", "amodei"} <= set(found)
    assert "lecun" not in found


@pytest.mark.parametrize(
    ("topic", "expected"),
    [
        ("regulaton", {"musk", "kai-fu-lee"}),  # typo
        ("saftey", {"altman", "musk", "amodei"}),  # swapped letters
        ("opn source", {"musk", "lecun"}),  # a dropped letter in a short word
        ("goverment oversight", {"musk", "kai-fu-lee"}),  # typo + synonym
        ("should regulators step in?", {"musk", "kai-fu-lee"}),
        ("Is closed AI safer?", {"altman", "musk"}),
        ("open-sourcing models", {"musk", "altman", "lecun", "xai-engineers"}),
        ("monopoly", {"musk"}),
        ("training data", {"critics"}),
        ("democratisation of AI", {"musk", "xai-engineers"}),
    ],
)
def test_paraphrases_and_misspellings_reach_the_right_figures(ranker, topic, expected):
    assert expected <= set(speakers(ranker, topic))


def test_no_stance_carries_no_quote(ranker):
    for stance in ranker.ask("regulation").stances:
        if stance.status == "no_stance":
            assert stance.position is None and stance.match is None


@pytest.mark.parametrize("topic", ["regulation", "open source safety", "Is closed AI safer?", "goverment oversight"])
def test_ask_and_explain_choose_the_same_position_with_the_same_account(ranker, topic):
    """ask keeps only score parts and rebuilds the Match on demand; explain keeps every candidate."""
    asked, explained = ranker.ask(topic), ranker.explain(topic)
    for quick, full in zip(asked.stances, explained.stances, strict=True):
        assert (quick.figure, quick.position, quick.match) == (full.figure, full.position, full.match)
    assert any(s.match for s in asked.stances)


def test_explain_shows_every_score_and_the_threshold(ranker):
    result = ranker.explain("regulation")
    lee = next(s for s in result.stances if s.figure.id == "kai-fu-lee")
    assert lee.candidates and lee.candidates[0].match.score >= THRESHOLD
    lecun = next(s for s in result.stances if s.figure.id == "lecun")
    assert lecun.status == "no_stance" and lecun.candidates == ()
    assert [h.topic for h in result.analysis.hits] == ["regulation"]


def test_answers_are_deterministic(ranker, planner):
    fresh = load_core(SEEDS, PERSONAS)
    for topic in ["open source", "safety", "profit", "regulation"]:
        assert ranker.ask(topic) == fresh.ranker.ask(topic)
        assert planner.debate(topic) == fresh.planner.debate(topic)


def test_open_source_debate(planner, data):
    plan = planner.debate("open source")
    spoke = {t.figure.id for t in plan.turns if t.position is not None}
    assert len(spoke) >= 6
    rebuttals = [t for t in plan.turns if t.figure and t.figure.id == "altman" and t.move == "rebuttal"]
    assert rebuttals, "Altman should rebut"
    reply = rebuttals[0]
    assert reply.replying_to.id == "musk" and reply.reason == "reply_link"
    assert reply.position.replies_to.startswith("musk/")
    # The position Altman answers was said earlier in the debate.
    said_before = [t.position.key for t in plan.turns[: plan.turns.index(reply)] if t.position]
    assert reply.position.replies_to in said_before


def test_every_quote_in_a_debate_is_verbatim_and_used_once(planner, data):
    for topic in ["open source", "safety", "profit", "regulation", "mission"]:
        plan = planner.debate(topic, rounds=6)
        keys = [t.position.key for t in plan.turns if t.position]
        assert len(keys) == len(set(keys)), topic
        for turn in plan.turns:
            span = turn.position or turn.context
            if span is not None:
                c = span.citation
                assert data.articles[c.article].text[c.start : c.end] == span.text


def test_rounds_are_capped_by_the_record(planner):
    plan = planner.debate("regulation", rounds=5)
    assert plan.rounds_played == 1
    assert {t.move for t in plan.turns} <= {"moderator", "opening"}


def test_passes_when_a_figure_has_nothing_left(planner):
    plan = planner.debate("safety")
    passes = [t for t in plan.turns if t.move == "pass"]
    assert passes and all(t.position is None and "Nothing further on record" in t.narration for t in passes)


def test_debate_with_chosen_figures_only(planner, data):
    plan = planner.debate("open source", [data.resolve("musk"), data.resolve("Altman")])
    assert {p.id for p in plan.participants} == {"musk", "altman"}
    assert {t.figure.id for t in plan.turns if t.figure} == {"musk", "altman"}


def test_invited_figure_without_a_stance_abstains(planner, data):
    plan = planner.debate("regulation", [data.resolve("musk"), data.resolve("lecun")])
    assert [p.id for p in plan.abstainers] == ["lecun"]
    assert all(t.figure is None or t.figure.id == "musk" for t in plan.turns)


def test_summary_says_who_stands_where_with_sources(planner):
    plan = planner.debate("open source")
    where = {e.figure.id: e.value for e in plan.summary}
    assert where["musk"] == 1 and where["lecun"] == 1
    assert where["altman"] == -1 and where["suleyman"] == -1
    assert all(e.position is None or e.position.figure == e.figure.id for e in plan.summary)


def test_moderator_context_is_article_narration_not_a_quote(planner, data):
    plan = planner.debate("regulation")
    scene = plan.turns[0]
    assert scene.move == "moderator" and scene.figure is None
    assert "EU AI Act" in scene.context.text
    quoted = [(p.citation.start, p.citation.end) for persona in data.personas for p in persona.positions]
    c = scene.context.citation
    assert not any(s < c.end and c.start < e for s, e in quoted)


def test_nobody_to_debate(planner):
    plan = planner.debate("what should I cook tonight")
    assert plan.participants == () and plan.turns == () and plan.rounds_played == 0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_gives_an_answer_whose_quotes_are_verbatim(ranker, planner, data, topic):
    result = ranker.ask(topic)
    assert len(result.stances) == len(data.personas)
    for stance in result.stances:
        if stance.position is not None:
            c = stance.position.citation
            assert data.articles[c.article].text[c.start : c.end] == stance.position.text
    planner.debate(topic, rounds=3)


def test_what_a_long_running_bot_keeps_between_queries_is_bounded(monkeypatch):
    """Typo corrections are kept to answer faster; endless distinct typos (spam) must not grow them past
    their cap, and answers must not change when the cap is reached."""
    from bot import spelling

    reference = load_core(SEEDS, PERSONAS).ranker  # keeps every correction
    phrases = sorted({t.phrase for rule in reference.data.lexicon.topics.values() for t in rule.triggers})
    queries = [f"{phrases[n % len(phrases)]} zq{n}x regulaton" for n in range(200)]
    expected = [reference.ask(topic) for topic in queries]
    monkeypatch.setattr(spelling, "CORRECTIONS_KEPT", 30)
    capped = load_core(SEEDS, PERSONAS).ranker
    for topic, answer in zip(queries, expected, strict=True):
        assert capped.ask(topic) == answer, topic
    assert len(capped.reader.vocabulary._corrections) <= 30
