"""Reading a user's topic: stems, typo correction towards the record's words, topics found."""

from __future__ import annotations

import pytest

from bot.errors import UsageError
from bot.kinds import DATE, QUANTITY, kinds_stated, word_kind
from bot.query import check_topic
from bot.text import stem, words


def test_possessives_and_plurals_share_a_stem_with_the_bare_word() -> None:
    assert stem("openai's") == stem("openai") and stem("regulators") == stem("regulator")


def test_words_split_on_separators_and_keep_inner_apostrophes() -> None:
    assert words("Open-source/closed_source: don't 'quote' me") == [
        "open", "source", "closed", "source", "don't", "quote", "me"
    ]  # fmt: skip


@pytest.mark.parametrize(("typo", "meant"), [("regulaton", "regulation"), ("goverment", "government"), ("opn", "open")])
def test_common_typos_find_their_words(ranker, typo: str, meant: str) -> None:
    assert ranker.reader.vocabulary.correct(typo) == meant


@pytest.mark.parametrize(
    ("question", "word"),
    [("are they just protecting their moat", "moat"), ("is musk spitting facts", "spitting")],
)
def test_a_word_wordnet_knows_is_never_corrected_to_a_record_word(ranker, question: str, word: str) -> None:
    # "moat" is one edit from "most", "spitting" from "splitting": both are English words of their own.
    analysis = ranker.analyse(question)
    assert analysis.corrections == ()
    assert word in [w.word for w in analysis.asked]


@pytest.mark.parametrize("word", ["cooking", "xyzzy", "ai", "the"])
def test_words_far_from_the_record_are_left_alone(ranker, word: str) -> None:
    assert ranker.reader.vocabulary.correct(word) is None


def test_a_corrected_trigger_counts_a_little_less_and_says_how_it_was_reached(ranker) -> None:
    exact, fuzzy = ranker.analyse("regulation"), ranker.analyse("regulaton")
    assert [h.how for h in exact.hits] == ["exact"] and [h.how for h in fuzzy.hits] == ["fuzzy:regulaton"]
    assert fuzzy.topics["regulation"] < exact.topics["regulation"]
    assert fuzzy.corrections == (("regulaton", "regulation"),)


def test_a_topic_is_checked_once_for_every_face() -> None:
    assert check_topic("  open \n source ") == "open source"
    with pytest.raises(UsageError, match="empty"):
        check_topic(" \t ")
    with pytest.raises(UsageError, match="limit is 200"):
        check_topic("x" * 201)


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Musk sued OpenAI in 2023", {DATE}),
        ("posts by Musk in July's storm", {DATE}),
        ("the Grok-1 model and GPT-2", set()),
        ("over 200,000 interactions", {QUANTITY}),
        ("a valuation of $80 billion", {QUANTITY}),
        ("a 40% share in mid-July", {QUANTITY, DATE}),
        ("three camps and many users", set()),
    ],
)
def test_the_kinds_a_source_text_states(text: str, stated: set[str]) -> None:
    assert kinds_stated(text) == stated
    # the index passes what the words it has read state, each distinct word worked out once
    assert kinds_stated(text, [word_kind(w) for w in words(text)]) == stated


@pytest.mark.parametrize(
    ("question", "wants"),
    [
        ("what is openai worth now?", QUANTITY),
        ("how much is xai worth", QUANTITY),
        ("is open source worth it", None),
        # worth's fellows ask the same: what something is valued or priced at, or its valuation
        ("What is OpenAI valued at right now?", QUANTITY),
        ("what's openai's valuation", QUANTITY),
        ("what is grok priced at", QUANTITY),
        ("is grok valued by its users", None),
    ],
)
def test_what_is_x_worth_asks_for_an_amount(ranker, question: str, wants: str | None) -> None:
    assert ranker.analyse(question).wants == wants
    if wants:  # no figure states an amount OpenAI is worth: the narration does
        assert all(s.position is None for s in ranker.ask(question).stances)


@pytest.mark.parametrize(
    ("question", "wants"),
    [
        ("anyone know when the next spacex launch is", DATE),
        ("can you tell me how many people use grok", QUANTITY),
        ("anyone know why musk is mad at openai", None),
    ],
)
def test_a_question_inside_anyone_know_or_tell_me_asks_what_it_asks_alone(ranker, question, wants) -> None:
    assert ranker.analyse(question).wants == wants


def test_chat_spellings_of_function_words_are_no_topic_words(ranker) -> None:
    # "urself" would otherwise weigh like a word unknown to English, the most a word can weigh.
    analysis = ranker.analyse("is it hypocritical to call urself open if u dont share ur weights, im asking")
    assert analysis.stems == ("hypocrit", "call", "open", "share", "weight", "ask")
