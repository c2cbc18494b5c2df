"""Reading source texts: the shortcuts the reader takes give what the query path's topic finder gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.engine import Engine
from bot.topics import _WORD, normalise, words


def _trigger_and_common_stems(engine: Engine) -> list[str]:
    lexicon = engine.lexicon
    stems = {s for rule in lexicon.topics.values() for t in rule.triggers for s in t.stems}
    return sorted(stems | {"the", "open", "model", "ai", "safeti", "x"})


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_a_texts_topics_are_what_the_topic_finder_finds(engine: Engine, data) -> None:
    stems = tuple(data.draw(st.lists(st.sampled_from(_trigger_and_common_stems(engine)), max_size=12)))
    lexicon = engine.lexicon
    expected = {hit.topic: hit.weight for hit in lexicon._find_topics(stems, {})}
    assert lexicon._text_topics(stems) == expected


def test_reading_a_text_twice_gives_the_same_reading(engine: Engine) -> None:
    text = "Musk said OpenAI abandoned open source; regulators should step in, he added."
    first = engine.lexicon.read(text)
    assert engine.lexicon.read(text) == first
    assert first[1]  # it names topics


@settings(max_examples=1000)
@given(st.text(alphabet="aZ9 _-/'.,\"!?\t\nxY’é", max_size=20))
def test_the_ascii_word_splitter_splits_as_the_regex_does(text: str) -> None:
    assert words(text) == _WORD.findall(normalise(text))
