"""The shipped personas carry every position the article gives each figure, verbatim and cited."""

from __future__ import annotations

import pytest

from .conftest import SEED_ID

EXPECTED_IDS = ["musk", "altman", "amodei", "lecun", "suleyman", "kai-fu-lee", "xai-engineers", "critics"]

# The article's eleven direct quotations, by paragraph and speaker.
DIRECT_QUOTES = [
    (5, "musk", "OpenAI has become completely closed, no longer open-source, which violates its original promise."),
    (5, "musk", "falling from open-source heaven into profit hell"),
    (7, "musk", "We call on regulators to intervene to ensure AI development isn't monopolized by a few giants."),
    (8, "altman", "Being closed is for safety and sustainable development."),
    (8, "altman", "safe AGI benefiting all humanity"),
    (9, "musk", "OpenAI's shift to closed-source is a disguise for AI safety, actually a betrayal serving profit."),
    (10, "altman", "Open-source isn't a panacea, safety comes first."),
    (13, "amodei", "Open-source and safety aren't a zero-sum game"),
    (13, "lecun", "Facebook's Llama series proves open-source is viable."),
    (14, "suleyman", "open-source is easily abused, leading to security risks."),
    (14, "kai-fu-lee", "needs regulatory framework to avoid an arms race."),
]

REPORTED = [
    ("musk", "xAI's Grok model would remain open-source to promote AI democratization"),
    ("altman", "closed-source is the result of careful consideration"),
    ("xai-engineers", "the Grok-1 model has been open-sourced with public code and weights"),
    ("critics", "core training data remains closed"),
]


def test_exactly_the_expected_figures(data):
    assert sorted(p.id for p in data.personas) == sorted(EXPECTED_IDS)


def test_every_position_is_verbatim_at_its_offsets_inside_its_paragraph(data):
    for persona in data.personas:
        for position in persona.positions:
            article = data.articles[position.citation.article]
            c = position.citation
            assert article.text[c.start : c.end] == position.text, position.key
            para = article.paragraph(c.paragraph)
            assert para.start <= c.start < c.end <= para.end, position.key


@pytest.mark.parametrize(("paragraph", "figure", "fragment"), DIRECT_QUOTES)
def test_every_direct_quotation_is_a_quoted_position_of_its_speaker(data, paragraph, figure, fragment):
    persona = data.by_id[figure]
    hits = [p for p in persona.positions if fragment in p.text]
    assert hits, f"{figure} lacks ¶{paragraph} {fragment!r}"
    assert all(p.kind == "quoted" and p.citation.paragraph == paragraph for p in hits)


@pytest.mark.parametrize(("figure", "fragment"), REPORTED)
def test_reported_positions_are_marked_reported(data, figure, fragment):
    hits = [p for p in data.by_id[figure].positions if fragment in p.text]
    assert hits and all(p.kind == "reported" for p in hits)


def test_reply_links_follow_the_article(data):
    altman = {p.citation.paragraph: p.replies_to for p in data.by_id["altman"].positions if p.replies_to}
    musk = {p.key: p.citation.paragraph for p in data.by_id["musk"].positions}
    assert musk[altman[8]] == 7
    assert musk[altman[10]] == 9


def test_camps_are_sourced(data):
    for persona in data.personas:
        assert persona.camp in data.lexicon.camps
        evidence = persona.camp_evidence
        assert evidence is not None, persona.id
        assert data.articles[SEED_ID].text[evidence.citation.start : evidence.citation.end] == evidence.text


@pytest.mark.parametrize(
    ("alias", "figure"),
    [
        ("Lecun", "lecun"),
        ("Kai Fu Lee", "kai-fu-lee"),
        ("Elon", "musk"),
        ("sam altman", "altman"),
        ("xAI engineers", "xai-engineers"),
    ],
)
def test_aliases_resolve(data, alias, figure):
    assert data.resolve(alias).id == figure


def test_unknown_figure_suggests_close_names(data):
    from bot.errors import UsageError

    with pytest.raises(UsageError, match="did you mean .*lecun"):
        data.resolve("Yan Lecunn")
