"""The quote check as a user meets it: the verdict, the real words cited, the misquote marked, the right name."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.cli import main
from bot.data.dataset import load_dataset
from bot.errors import UsageError
from bot.verify import CLOSE_MIN, MIN_WORDS, QuoteChecker, quote_check_json

from .conftest import PERSONAS, SEEDS

WORD = re.compile(r"\w(?:[\w']*\w)?")
# The shipped positions, for parametrising: one test per position, so a failure names it.
POSITIONS = [
    (persona, position) for persona in load_dataset(SEEDS, PERSONAS).personas for position in persona.positions
]
IDS = [f"{persona.id}/{position.id}" for persona, position in POSITIONS]
VOCABULARY = sorted({word.lower() for _, position in POSITIONS for word in WORD.findall(position.text)})


@pytest.fixture(scope="module")
def checker(data) -> QuoteChecker:
    return QuoteChecker(data.personas)


def cited(data, match) -> bool:
    c = match.citation
    return data.articles[c.article].text[c.start : c.end] == match.quote


def inside(match, position) -> bool:
    outer, inner = position.citation, match.citation
    return inner.article == outer.article and outer.start <= inner.start < inner.end <= outer.end


# --- exact ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(len(IDS)), ids=IDS)
def test_every_position_is_exact_in_any_quote_style_and_case(data, checker, index):
    persona, position = POSITIONS[index]
    pasted = "“" + "  ".join(position.text.replace("'", "’").upper().split()) + "”"
    check = checker.check(pasted)
    assert check.verdict == "exact"
    assert check.speaker.id == persona.id and check.matches[0].position == position
    assert check.matches[0].quote == position.text.rstrip(".") and cited(data, check.matches[0])


def test_a_part_of_a_position_is_exact_and_cited_to_just_that_part(data, checker):
    check = checker.check("being closed is for safety")
    match = check.matches[0]
    assert check.verdict == "exact" and match.figure.id == "altman"
    assert match.quote == "Being closed is for safety" and cited(data, match)


def test_words_must_be_whole(checker):
    assert checker.check("losed models hinder").verdict != "exact"


def test_wrong_attribution_names_the_real_speaker(data, checker, renderer):
    check = checker.check("Closed models hinder innovation", data.resolve("musk"))
    assert check.verdict == "exact" and check.claimed_said_it is False
    assert "These are Yann LeCun's words, not Elon Musk's." in renderer.verify(check)


def test_right_attribution(data, checker, renderer):
    check = checker.check("Closed models hinder innovation", data.resolve("lecun"))
    assert check.claimed_said_it is True
    assert "not Yann LeCun's" not in renderer.verify(check)


def test_reported_words_are_shown_as_the_articles_not_the_figures(data, checker, renderer):
    check = checker.check("Grok model would remain open-source", data.resolve("altman"))
    text = renderer.verify(check)
    assert check.verdict == "exact" and check.speaker.id == "musk"
    assert "the article's report of Elon Musk's position" in text
    assert "The article says this of Elon Musk, not of Sam Altman." in text
    assert "*Reported by the article:*" in text


# --- close: generated misquotes of every position ----------------------------------------------


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def drop_a_word(text: str) -> str:
    words = words_of(text)
    del words[len(words) // 2]
    return " ".join(words)


def change_a_word(text: str) -> str:
    words = words_of(text)
    words[len(words) // 2] = "bananas"
    return " ".join(words)


def swap_clauses(text: str) -> str:
    """The two halves around the clause break nearest the middle (else the middle word), swapped."""
    breaks = [m.end() for m in re.finditer(r"[,;.:] ", text)]
    middle = len(text) // 2
    if breaks:
        cut = min(breaks, key=lambda at: abs(at - middle))
    else:
        words = list(re.finditer(r"\S+", text))
        cut = words[len(words) // 2].start()
    return f"{text[cut:].rstrip('.')}, {text[:cut].rstrip(' ,;.:')}"


def different_ending(text: str) -> str:
    words = words_of(text)
    replaced = 2 if len(words) >= 10 else 1
    return " ".join(words[:-replaced] + ["tomorrow", "morning"][:replaced])


MISQUOTES = {"drop": drop_a_word, "change": change_a_word, "swap": swap_clauses, "ending": different_ending}


@pytest.mark.parametrize("how", list(MISQUOTES))
@pytest.mark.parametrize("index", range(len(IDS)), ids=IDS)
def test_every_position_misquoted_is_close_to_its_real_words(data, checker, renderer, index, how):
    persona, position = POSITIONS[index]
    claim = MISQUOTES[how](position.text)
    check = checker.check(claim)
    assert check.verdict == "close", claim
    best = check.matches[0]
    assert best.figure.id == persona.id and inside(best, position), (claim, best.quote)
    assert best.similarity >= CLOSE_MIN and cited(data, best)
    text = renderer.verify(check)
    assert "Not word for word" in text and best.citation.paragraph == position.citation.paragraph
    if how == "change":
        assert any(p.op == "changed" and p.claimed == "bananas" for p in best.diff)
        assert "~~bananas~~" in text


def test_the_misquote_is_marked_word_by_word(data, checker, renderer):
    check = checker.check("Closed models help innovation; Facebook's Llama series proves open source is viable")
    text = renderer.verify(check)
    assert check.verdict == "close"
    assert "~~help~~ **hinder**" in text
    assert "“Closed models hinder innovation; Facebook's Llama series proves open-source is viable”" in text


def test_a_close_misattribution_names_the_real_speaker(data, checker, renderer):
    check = checker.check(
        "Closed models hinder progress; Facebook's Llama series proves open-source is viable", data.resolve("altman")
    )
    assert check.verdict == "close" and check.claimed_said_it is False
    assert "These are close to Yann LeCun's words, not Sam Altman's." in renderer.verify(check)


# --- not found: inventions -------------------------------------------------------------------

INVENTIONS = [
    "Open source will destroy humanity within a decade",
    "Sam Altman believes every model should be open-sourced immediately",
    "I have always supported closed models for profit",
    "We will never release the weights of Grok",
    "Regulators should stay out of artificial intelligence entirely",
    "Llama is a failure and Meta should close it",
    "Safety is overrated; speed is everything in this race",
    "xAI engineers refuse to share any code with the community",
    "The nonprofit promise was never meant to be kept",
    "China will win the AI arms race without open source",
    "Elon Musk is the greatest threat to AI safety",
    "profits matter more than the mission of OpenAI",
]


@pytest.mark.parametrize("claim", INVENTIONS)
def test_an_invention_is_not_found_and_no_quote_is_offered_as_its_source(data, checker, renderer, claim):
    check = checker.check(claim, data.resolve("musk"))
    assert check.verdict == "not_found" and check.matches == () and check.claimed_said_it is None
    text = renderer.verify(check)
    assert "Not on record" in text
    if "> “" in text or "> *Reported" in text:  # a nearest quote only ever under a heading saying so
        assert text.index("### Not a match") < text.index("> ")


def test_inventions_stay_far_below_the_threshold(checker):
    # Not even shown as "the nearest words": every invention is below NEAREST_MIN, well under CLOSE_MIN.
    assert [checker.check(claim).nearest for claim in INVENTIONS] == [None] * len(INVENTIONS)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=MIN_WORDS, max_size=14))
def test_any_text_gets_an_honest_verdict(data, checker, words):
    claim = " ".join(words)
    check = checker.check(claim)
    for match in check.matches:
        assert cited(data, match)  # every word shown as someone's is the article's, at its offsets
    if check.verdict == "exact":
        assert check.matches[0].quote.casefold().replace("\u2019", "'") == claim
    elif check.verdict == "close":
        assert check.matches[0].similarity >= CLOSE_MIN
    else:
        assert check.matches == ()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text("qxzjkvw", min_size=2, max_size=8), min_size=MIN_WORDS, max_size=12))
def test_words_nobody_used_are_never_matched(checker, words):
    check = checker.check(" ".join(words))
    assert check.verdict == "not_found" and check.nearest is None


# --- input and the CLI -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "two words", "x" * 1001])
def test_text_too_short_or_long_is_a_usage_error(checker, text):
    with pytest.raises(UsageError):
        checker.check(text)


def test_user_text_is_shown_inert(checker, renderer):
    text = renderer.verify(checker.check("@everyone **look** at https://example.com now"))
    assert "@everyone" not in text and "\\*\\*look\\*\\*" in text and "https://" not in text


def run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_json_shape(capsys):
    code, out, _ = run(["verify", "Closed models hinder innovation", "--figure", "Elon Musk", "--json"], capsys)
    payload = json.loads(out)
    assert code == 0
    assert set(payload) == {"text", "claimed_figure", "verdict", "claimed_figure_said_it", "matches"}
    assert payload["claimed_figure"] == "musk" and payload["verdict"] == "exact"
    assert payload["claimed_figure_said_it"] is False
    (match,) = payload["matches"]
    assert set(match) == {"figure", "name", "kind", "quote", "citation", "similarity"}
    assert match["figure"] == "lecun" and match["similarity"] == 1.0 and match["citation"]["paragraph"] == 13


def test_cli_not_found_exits_0_with_no_matches(capsys):
    code, out, _ = run(["verify", "I love pizza with pineapple", "--json"], capsys)
    payload = json.loads(out)
    assert code == 0 and payload["verdict"] == "not_found" and payload["matches"] == []
    assert payload["claimed_figure"] is None and payload["claimed_figure_said_it"] is None


def test_cli_markdown(capsys):
    code, out, _ = run(["verify", "safe AGI benefitting all of humanity"], capsys)
    assert code == 0 and "Sam Altman" in out and "Winzheng.com" in out


@pytest.mark.parametrize(
    "args", [["verify", "hi"], ["verify", "x" * 1001], ["verify", "some three words", "--figure", "nobody"]]
)
def test_cli_bad_input_exits_2_with_one_line(capsys, args):
    code, out, err = run(args, capsys)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1


def test_json_is_the_same_as_the_function(data, checker):
    check = checker.check("falling from open-source heaven", data.resolve("musk"))
    payload = quote_check_json(check)
    assert payload["verdict"] == "exact" and payload["claimed_figure_said_it"] is True


def test_offsets_map_back_through_case_folding_and_odd_whitespace():
    from types import SimpleNamespace

    from bot.data.article import Citation

    text = "Die Straße  ist\tfrei, sagte er."
    position = SimpleNamespace(text=text, kind="quoted", citation=Citation("a", 1, 100, 100 + len(text)))
    figure = SimpleNamespace(id="x", name="X", positions=(position,))
    check = QuoteChecker([figure]).check("die STRASSE ist frei")
    (match,) = check.matches
    assert check.verdict == "exact" and match.quote == "Die Straße  ist\tfrei"
    assert (match.citation.start, match.citation.end) == (100, 100 + len("Die Straße  ist\tfrei"))


def test_a_weak_likeness_is_shown_only_under_a_heading_saying_it_is_not_a_match(checker, renderer):
    check = checker.check("safety comes last")
    assert check.verdict == "not_found" and check.matches == () and check.nearest is not None
    assert quote_check_json(check)["matches"] == []
    text = renderer.verify(check)
    heading = text.index("### Not a match: the nearest words on record")
    assert heading < text.index("> “") and "Not on record" in text[:heading]


LONG_ENOUGH = [index for index, (_, position) in enumerate(POSITIONS) if len(WORD.findall(position.text)) >= 5]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(LONG_ENOUGH),
    st.floats(0, 0.999),
    st.sampled_from(["drop", "replace", "insert"]),
    st.sampled_from(["zebra", "quietly", "never", "the"]),
)
def test_any_one_word_misquote_of_any_position_finds_its_source(checker, index, where, how, word):
    persona, position = POSITIONS[index]
    words = WORD.findall(position.text)
    at = int(where * len(words))
    if how == "drop":
        del words[at]
    elif how == "replace":
        words[at] = word
    else:
        words.insert(at, word)
    check = checker.check(" ".join(words))
    assert check.verdict in ("exact", "close")  # dropping the first or last word leaves a true span: exact
    best = check.matches[0]
    assert best.figure.id == persona.id and inside(best, position)


def test_the_cli_loads_the_quote_checker_only_for_verify():
    import subprocess
    import sys

    code = "import sys, bot.cli; assert 'bot.verify' not in sys.modules and 'rapidfuzz' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
