"""What a reader sees: quotes followed by citations, narration in italics, user text made inert."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.render import escape

PUBLISHER = "Winzheng.com (赢政天下)"


def _all_texts(data):
    return [p.text for persona in data.personas for p in persona.positions]


def test_every_quote_is_followed_by_its_citation(planner, renderer):
    text = renderer.debate(planner.debate("open source"))
    lines = text.splitlines()
    quote_lines = [i for i, line in enumerate(lines) if line.startswith("> “") or line.startswith("> *Reported")]
    assert len(quote_lines) >= 8
    for i in quote_lines:
        assert re.match(r"> — .+, (quoted|reported) · ¶\d+ · " + re.escape(PUBLISHER), lines[i + 1]), lines[i + 1]


def test_citation_format_matches_the_spec(planner, renderer):
    text = renderer.debate(planner.debate("open source"))
    assert "— Sam Altman, quoted · ¶10 · Winzheng.com (赢政天下)" in text


def test_reported_positions_are_labelled_and_not_in_quotation_marks(ranker, renderer, data):
    text = renderer.ask(ranker.ask("training data"))
    reported = "while xAI is open-source, core training data remains closed"
    assert f"> *Reported by the article:* {reported}" in text
    assert f"“{reported}”" not in text
    assert "— Critics, reported · ¶15" in text


def test_narration_is_italic_and_never_carries_a_figures_words(planner, renderer, data):
    texts = _all_texts(data)
    for topic in ["open source", "safety", "regulation"]:
        for line in renderer.debate(planner.debate(topic)).splitlines():
            if line.startswith("_") and line.endswith("_"):
                assert not any(t in line for t in texts), line


def test_abstention_is_said_plainly(ranker, renderer):
    text = renderer.ask(ranker.ask("regulation"))
    assert "_No sourced stance from Yann LeCun on “regulation” in this article._" in text


def test_source_credit_everywhere(ranker, planner, renderer, data):
    outputs = [
        renderer.ask(ranker.ask("safety")),
        renderer.debate(planner.debate("safety")),
        renderer.figures(),
        renderer.source(data.articles["winzheng-open-source-2026"], 7),
    ]
    for text in outputs:
        assert PUBLISHER in text


def test_source_marks_the_quoted_spans(renderer, data):
    text = renderer.source(data.articles["winzheng-open-source-2026"], 8)
    assert "**safe AGI benefiting all humanity**⁽2⁾" in text
    assert "⁽3⁾ Sam Altman, reported" in text


def test_debate_rounds_are_titled_and_passes_grouped(planner, renderer):
    text = renderer.debate(planner.debate("open source"))
    assert "## Round 1 · Openings" in text and "## Round 2 · Rebuttals" in text and "## Round 3 · Closings" in text
    assert text.count("_Nothing further on record from") <= 2
    assert "## Who stands where (open vs closed source)" in text
    assert "- **For closed source:** Sam Altman (¶" in text


@pytest.mark.parametrize(
    "hostile",
    [
        "@everyone look",
        "@here",
        "<@123456789012345678>",
        "<@&987654321>",
        "<#123>",
        "**bold** _it_ `code` ~~x~~ ||spoiler||",
        "[link](https://evil.example)",
    ],
)
def test_echoed_topics_cannot_mention_or_format(ranker, renderer, hostile):
    text = renderer.ask(ranker.ask(hostile))
    echoed = escape(hostile)
    assert echoed in text
    assert "@everyone" not in text and "@here" not in text
    assert not re.search(r"<[@#][&!]?\d+>", text)
    assert "](" not in text.replace("\\](", "")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_escape_is_single_line_and_inert(text):
    out = escape(text)
    assert "\n" not in out and "@everyone" not in out and "@here" not in out
    assert not re.search(r"(?<!\\)[*_`~|<>\[\]]", out)
