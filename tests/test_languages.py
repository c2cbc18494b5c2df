"""Questions written in another language: the language is told by its function words (or its script), its
words are matched on its own stems against the topic rules' triggers in it, and a question it does not
address still gets silence."""

from __future__ import annotations

import shutil

import pytest

from bot.data.lexicon import LEXICON_FILE, load_lexicon
from bot.errors import DataError
from bot.languages import language_of, segment, stem_in
from bot.text import STOPWORDS, words
from tests.conftest import PERSONAS


def speakers(ranker, topic: str) -> set[str]:
    return {s.figure.id for s in ranker.ask(topic).stances if s.position}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("¿Es seguro liberar el código de la IA?", "es"),
        ("Qu'est-ce que LeCun pense des modèles fermés ?", "fr"),
        ("Was sagen die Kritiker über Grok?", "de"),
        ("开源模型安全吗？", "zh"),
        ("オープンソースは安全ですか", "ja"),
        ("Is open source AI dangerous?", None),
        ("is musk's beef with openai a la carte drama", None),  # one loan word is not a language
        # French has "eu" and "force" among its function words, but English has four words here to its two
        ("should the EU force openai to open source its models?", None),
    ],
)
def test_a_question_is_read_in_the_language_its_function_words_say(text: str, language: str | None) -> None:
    assert language_of(text, words(text), STOPWORDS) == language


def test_stems_are_the_language_s_own_accents_dropped() -> None:
    assert stem_in("es", "código") == stem_in("es", "codigo") == stem_in("es", "códigos")
    assert stem_in("es", "abierto") != "abierto"  # marked with its language: it never meets an English stem


def test_chinese_is_cut_into_the_terms_it_knows_longest_first() -> None:
    assert segment("李开复怎么看开源", frozenset({"李开复", "开源", "开放源代码"})) == ["李开复", "怎么看", "开源"]


@pytest.mark.parametrize(
    ("topic", "expected"),
    [
        ("¿Es seguro liberar el código de la IA?", {"suleyman", "altman", "amodei"}),
        ("开源模型安全吗？", {"suleyman", "altman", "amodei"}),
        ("Est-ce que Suleyman pense que l'IA ouverte coûte trop cher ?", {"suleyman"}),
    ],
)
def test_a_question_in_another_language_is_answered_through_that_language_s_triggers(
    ranker, topic: str, expected: set[str]
) -> None:
    assert expected <= speakers(ranker, topic)


def test_a_figure_named_in_another_script_is_the_focus(ranker) -> None:
    assert [m.figure for m in ranker.analyse("李开复怎么看开源？").mentions] == ["kai-fu-lee"]
    assert "kai-fu-lee" in speakers(ranker, "李开复怎么看开源？")


@pytest.mark.parametrize(
    "topic",
    ["¿Cuál es la capital de Australia?", "Quelle est la meilleure recette de crêpes ?", "明天北京天气怎么样"],
)
def test_a_question_in_another_language_that_the_record_does_not_address_gets_silence(ranker, topic: str) -> None:
    assert speakers(ranker, topic) == set()


def test_function_words_of_another_language_count_for_nothing(ranker) -> None:
    asked = [w.word for w in ranker.analyse("Sollte KI Open Source sein?").asked]
    assert asked == ["open", "source"]  # "sollte" and "sein" are function words, "KI" is German for AI


def test_foreign_triggers_never_fire_on_english_text(ranker) -> None:
    # "seguro" is a Spanish safety trigger; an English question using the word is read in English.
    assert {h.topic for h in ranker.analyse("seguro insurance rates").hits} == set()


def test_a_language_section_with_an_unknown_code_or_topic_names_its_line(tmp_path) -> None:
    shutil.copy(PERSONAS / LEXICON_FILE, tmp_path)
    path = tmp_path / LEXICON_FILE
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  xx:\n    topics:\n      safety: [safe]\n  nl:\n    topics:\n      cooking: [koken]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as raised:
        load_lexicon(tmp_path)
    message = str(raised.value)
    assert "languages.xx" in message and "languages.nl.topics.cooking" in message
    assert f"{LEXICON_FILE}:" in message


def test_explain_says_which_language_a_question_was_read_in(capsys) -> None:
    from bot.cli import main

    assert main(["explain", "¿Es seguro liberar el código de la IA?"]) == 0
    out = capsys.readouterr().out
    assert "- Read in es: its function words count for nothing" in out
    assert "a word no trigger reads counts as a word of how the question asks, unless capitalised" in out
    assert main(["explain", "is open source safe", "--json"]) == 0
    assert '"language": null' in capsys.readouterr().out


def test_every_clause_is_read_in_the_whole_question_s_language(ranker) -> None:
    # "peligroso?" alone holds no Spanish function word; it is still a clause of a Spanish question.
    analysis = ranker.analyse("¿Es el código abierto un riesgo, peligroso?")
    assert analysis.language == "es"
    assert analysis.clauses and all(clause.language == "es" for clause in analysis.clauses)


def test_a_language_s_generic_words_and_topics_must_be_a_list_and_a_mapping(tmp_path) -> None:
    shutil.copy(PERSONAS / LEXICON_FILE, tmp_path)
    path = tmp_path / LEXICON_FILE
    path.write_text(
        path.read_text(encoding="utf-8") + "  nl:\n    generic: ki model\n    topics: [veiligheid]\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as raised:
        load_lexicon(tmp_path)
    assert "languages.nl.generic" in str(raised.value) and "languages.nl.topics" in str(raised.value)


@pytest.mark.parametrize(
    "topic", ["Sollten wir strengere Gesetze für die KI haben?", "¿Necesitamos leyes más estrictas para la IA?"]
)
def test_a_word_no_trigger_reads_counts_as_how_the_question_asks(ranker, topic: str) -> None:
    # "strengere"/"estrictas" (stricter) and "necesitamos" (we need) are read by no rule: like an
    # English verb or adjective they may say how the question asks, so they no longer silence the law's answer.
    assert {"musk", "kai-fu-lee"} <= speakers(ranker, topic)


def test_a_capitalised_word_inside_a_foreign_question_is_what_it_asks(ranker) -> None:
    # "México" is a name, what the question is about: the safety trigger "seguro" alone does not answer it.
    assert speakers(ranker, "¿Es seguro viajar a México?") == set()


@pytest.mark.parametrize(
    ("topic", "kind"),
    [
        ("¿Cuánto dinero invirtió Musk en xAI?", "#quantity"),
        ("OpenAI ist wie viel wert?", "#quantity"),
        ("En quelle année OpenAI est-elle devenue une entreprise à but lucratif ?", "#date"),
        ("OpenAI值多少钱？", "#quantity"),
    ],
)
def test_a_foreign_question_for_an_amount_or_a_date_is_for_the_narration(ranker, topic: str, kind: str) -> None:
    assert ranker.analyse(topic).wants == kind
    assert speakers(ranker, topic) == set()
