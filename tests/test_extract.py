"""Quote extraction: the gold-labelled articles, each pattern the issue names, and no crash on any text."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.cli import main
from bot.extract import QUOTED, REPORTED, extract_quotes
from tests.extract_gold import GOLD_DIR, Score, all_gold, article, load_gold, quoted, score, score_reported, who_said

SEED_GOLD = GOLD_DIR / "winzheng-open-source-2026.yaml"


# --- the labelled articles ----------------------------------------------------------------------


def test_seed_all_eleven_quotations_with_the_right_speaker() -> None:
    gold = load_gold(SEED_GOLD)
    result = score(gold.quotes, extract_quotes(gold.article))
    assert result.labelled == 11
    assert (result.found, result.wrong) == (11, [])


def test_seed_reported_positions_of_musk_altman_engineers_and_critics() -> None:
    gold = load_gold(SEED_GOLD)
    result = score_reported(gold, extract_quotes(gold.article))
    assert result.labelled == 7
    assert result.missed == []
    speakers = {q.speaker for q in extract_quotes(gold.article) if q.kind == REPORTED}
    assert {"Elon Musk", "Sam Altman", "xAI engineers", "Critics"} <= speakers


def test_the_labelled_articles_together_meet_the_accuracy_targets() -> None:
    total = Score()
    for gold in all_gold():
        total.add(score(gold.quotes, extract_quotes(gold.article)))
    assert total.precision >= 0.95, total.wrong
    assert total.recall >= 0.90, total.missed


@pytest.mark.parametrize("gold", all_gold(), ids=lambda g: g.article.id)
def test_no_labelled_article_falls_far_below_the_targets(gold) -> None:
    # The targets are for the set; one wrong pair in a 15-pair article is already 0.933, so each article only
    # has to stay near them (bbc-welsh-council-tax keeps one known pronoun error, see the benchmark).
    result = score(gold.quotes, extract_quotes(gold.article))
    assert result.precision >= 0.90, result.wrong
    assert result.recall >= 0.90, result.missed


@pytest.mark.parametrize("gold", all_gold(), ids=lambda g: g.article.id)
def test_every_span_is_the_article_text_without_quote_marks(gold) -> None:
    for quote in extract_quotes(gold.article):
        assert gold.article.text[quote.start : quote.end] == quote.text
        assert gold.article.paragraph(quote.paragraph).start <= quote.start < quote.end
        assert quote.end <= gold.article.paragraph(quote.paragraph).end
        assert quote.text[0] not in '"“”「」『』' and quote.text[-1] not in '"“”「」『』'


def test_seed_cues_and_channels_are_the_articles_words() -> None:
    gold = load_gold(SEED_GOLD)
    by_start = {q.text[:20]: q for q in extract_quotes(gold.article)}
    assert by_start["Open-source and safe"].cue == "commented on X"
    assert by_start["Open-source and safe"].channel == "X"
    assert by_start["Open-source promotes"].channel == "Weibo"
    assert by_start["OpenAI's shift to cl"].cue == "tweet"
    assert by_start["OpenAI has become co"].cue == "stated bluntly"


# --- patterns -----------------------------------------------------------------------------------


def test_said_before_and_after_and_present_tense() -> None:
    found = who_said(
        'Jane Roe, a lawyer, said: "The rules are clear enough now."\n'
        '"Nobody asked us about the deal," said Tom Reed, a union official.\n'
        '"We will appeal the ruling," says Ana Diaz.'
    )
    assert found == {
        "The rules are clear enough now.": "Jane Roe",
        "Nobody asked us about the deal": "Tom Reed",
        "We will appeal the ruling": "Ana Diaz",
    }


def test_a_quote_split_around_the_speech_verb_is_two_spans_one_speaker() -> None:
    found = quoted('Mary Stone runs the lab. "The data is solid," she said, "and the results will hold up."')
    assert [(q.text, q.speaker) for q in found] == [
        ("The data is solid", "Mary Stone"),
        ("and the results will hold up.", "Mary Stone"),
    ]


def test_a_quote_continued_in_the_next_sentence_and_paragraph_keeps_its_speaker() -> None:
    found = who_said(
        '"Prices will rise next year," said Karl Weber, an economist. "Wages will not keep up."\n'
        '"That is the real problem for families."\n'
        "Analysts disagree with him on the timing."
    )
    assert set(found.values()) == {"Karl Weber"}
    assert len(found) == 3


def test_pronouns_and_surnames_point_back_to_the_named_person_across_paragraphs() -> None:
    found = who_said(
        "Health minister Priya Natarajan visited the hospital on Monday.\n"
        'She wrote: "Every ward needs more nurses this winter."\n'
        'Later, Natarajan added: "We will fund them from the reserve."\n'
        'Opposition leader Mark Hollis disagreed. "The reserve is already empty," he said.'
    )
    assert found == {
        "Every ward needs more nurses this winter.": "Priya Natarajan",
        "We will fund them from the reserve.": "Priya Natarajan",
        "The reserve is already empty": "Mark Hollis",
    }


def test_channels_and_possessive_cues() -> None:
    text = (
        'Film director Lena Park commented on X: "The festival should stay in the city."\n'
        'Writer Chen Hao posted on Weibo: "Small studios cannot afford these fees."\n'
        'Park\'s response: "We will find a way to keep it affordable."\n'
        'Chen\'s tweet: "Then publish the budget for everyone."'
    )
    found = {q.text[:12]: q for q in quoted(text)}
    assert (found["The festival"].speaker, found["The festival"].channel) == ("Lena Park", "X")
    assert (found["Small studio"].speaker, found["Small studio"].channel) == ("Chen Hao", "Weibo")
    assert (found["We will find"].speaker, found["We will find"].cue) == ("Lena Park", "response")
    assert (found["Then publish"].speaker, found["Then publish"].cue) == ("Chen Hao", "tweet")


def test_according_to_and_organisations_as_speakers() -> None:
    found = who_said(
        'According to Anna Berg, the plan is "a gamble with public money".\n'
        'The Green Party said: "This budget ignores the climate entirely."\n'
        'In a joint statement the unions said they would "strike until the offer improves".'
    )
    assert found == {
        "a gamble with public money": "Anna Berg",
        "This budget ignores the climate entirely.": "Green Party",
        # "the unions" point back to unions the article would have named: it names none, so nobody speaks here
        "strike until the offer improves": None,
    }


def test_curly_cjk_and_nested_quotes() -> None:
    found = who_said(
        "“He told me ‘no way’ twice before the vote,” said Tom Reed.\n"
        "Li Wei said: 「Open models help everyone『grow together』in the end.」"
    )
    assert found == {
        "He told me ‘no way’ twice before the vote": "Tom Reed",
        "Open models help everyone『grow together』in the end.": "Li Wei",
    }


def test_scare_quotes_titles_single_words_and_headings_are_not_quotations() -> None:
    found = quoted(
        '"Big Plans" for the city\n'
        'The mayor backed a "yes" vote on what critics call a "very expensive toy" for the centre.\n'
        'The scheme (see "How Cities Grow" and "Ten Ideas for 2030") is called the "Green Loop" plan.\n'
        'Jo Baxter said the tram was a "once in a generation chance" for the city.'
    )
    assert [(q.text, q.speaker) for q in found] == [("once in a generation chance", "Jo Baxter")]


def test_unbalanced_quote_marks_are_reported_unattributed() -> None:
    found = quoted('Sam Poe said: "this never closes, and the paragraph ends.\nA second paragraph follows.')
    assert [(q.text, q.speaker) for q in found] == [("this never closes, and the paragraph ends.", None)]


def test_reported_positions_use_the_articles_words() -> None:
    text = (
        "Critics pointed out that the tram will cost twice the estimate.\n"
        'Transport chief Ola Berg defended public funding: "It pays for itself."\n'
        "Mayor Tim Hale said the city would borrow the money."
    )
    reported = {q.text: (q.speaker, q.cue) for q in extract_quotes(article(text)) if q.kind == REPORTED}
    assert reported == {
        "the tram will cost twice the estimate": ("Critics", "pointed out that"),
        "public funding": ("Ola Berg", "defended"),
        "the city would borrow the money": ("Tim Hale", "said"),
    }


# --- robustness ---------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "「",
        "」",
        "『",
        "』",
        "‘",
        "’",
        "'",
        ",",
        ".",
        ":",
        " said ",
        " he ",
        " she ",
        "Mr ",
        "\n",
        " Jane Roe",
        " the firms",
        " according to ",
        " that ",
        "(",
        ")",
        "—",
        "。",
        " ",
        # the constructions issue 13's rules read: relations, places, titles, documents, joined subjects
        " her sister",
        " in Paris",
        "Dr. ",
        " Lane",
        ", 61,",
        " the company",
        " the letter",
        " and ",
        " Once ",
        "Technology firms Sony, Philips and Samsung",
        " emphasizing ",
        " sued ",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_extraction_never_crashes_and_every_span_is_verbatim(text: str) -> None:
    doc = article(text)
    if not doc.paragraphs:
        return
    for quote in extract_quotes(doc):
        assert text[quote.start : quote.end] == quote.text
        assert quote.text.strip()
        assert quote.kind in (QUOTED, REPORTED)
        para = doc.paragraph(quote.paragraph)
        assert para.start <= quote.start < quote.end <= para.end


# --- the command --------------------------------------------------------------------------------


def test_extract_json_names_the_article_and_every_field(capsys) -> None:
    assert main(["extract", "winzheng-open-source-2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["article"] == "winzheng-open-source-2026"
    first = next(q for q in data["quotes"] if q["kind"] == "quoted")
    assert set(first) == {"speaker", "text", "kind", "paragraph", "start", "end", "cue", "channel", "rule", "why"}
    assert first["speaker"] == "Elon Musk" and first["cue"] == "stated bluntly"
    assert first["rule"] == "cue before the quote; pronoun 'He' → Elon Musk, the subject of an earlier sentence"
    assert first["why"] is None


def test_extract_text_output_and_a_path_argument(capsys) -> None:
    assert main(["extract", str(GOLD_DIR.parent / "corpus" / "bbc-drm-format-wars.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("bbc-drm-format-wars: 11 quotations")
    assert "Cory Doctorow [said]: 'Not one of these systems" in out


def test_extract_unknown_article_is_one_line_and_exit_2(capsys) -> None:
    assert main(["extract", "no-such-article"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "unknown article 'no-such-article'" in err


def test_multi_paragraph_quotes_and_run_on_openers_keep_their_speaker() -> None:
    found = who_said(
        'Minister Ruth Kell told the BBC: "We will keep the promise we made to every school in 2004.\n'
        '"That is not negotiable." Analyst Paul Dunn, of Fiscal Watch, said: "The sums look too optimistic. '
        '"It will take a turnaround to meet them."'
    )
    assert found == {
        "We will keep the promise we made to every school in 2004.": "Ruth Kell",
        "That is not negotiable.": "Ruth Kell",
        "The sums look too optimistic.": "Paul Dunn",
        "It will take a turnaround to meet them.": "Paul Dunn",
    }


# --- patterns found on the held-out articles ------------------------------------------------------


def test_speaker_after_the_verb_behind_a_role_or_a_description() -> None:
    found = who_said(
        'Striker Paulo Reyes joined in May. "I would be keen to stay," admitted the 24-year-old Reyes.\n'
        '"Rates will rise again in the spring," said economist Anne-Marie Colin at Banque Lyon.\n'
        '"The risks are growing," wrote S&P credit analyst Olga Petrova.\n'
        '"The show was checked before broadcast," said a Fox spokesman.'
    )
    assert found == {
        "I would be keen to stay": "Paulo Reyes",
        "Rates will rise again in the spring": "Anne-Marie Colin",
        "The risks are growing": "Olga Petrova",
        "The show was checked before broadcast": "Fox",  # the body the unnamed spokesman speaks for
    }


def test_the_person_before_a_prepositional_phrase_speaks_not_the_body_in_it() -> None:
    found = who_said('"We will decide in the morning," Patrol Chief Sam Reed with the City Police Department said.')
    assert found == {"We will decide in the morning": "Sam Reed"}


def test_a_participle_cue_belongs_to_the_main_clause_not_a_leading_when_clause() -> None:
    found = who_said(
        "The singer Tom Vale lived in Leeds.\n"
        'When Vale died, Mayor Bush led the tributes, saying the singer "changed the city for good".\n'
        'Studio producers defended the album, saying it was a "bold new sound".'
    )
    assert found == {"changed the city for good": "Bush", "bold new sound": "Studio producers"}


def test_titles_ranks_middle_initials_and_the_minister() -> None:
    found = who_said(
        "Health Minister Cathy Ross will publish the plan, and Detective Chief Superintendent Mick Dean leads the case.\n"
        'The minister said: "Waiting lists will be halved by spring."\n'
        'Chief Supt Dean went on to warn: "Fraud is growing every year."\n'
        'Brian M. Good said he was late. "The roads were empty," he said.'
    )
    assert found == {
        "Waiting lists will be halved by spring.": "Cathy Ross",
        "Fraud is growing every year.": "Mick Dean",
        "The roads were empty": "Brian M. Good",
    }


def test_a_paragraph_of_quotation_after_a_tagged_quote_keeps_the_speaker() -> None:
    found = who_said(
        'Coach Matt Kerr will stay. "I am committed to this team," he said.\n'
        '"We have worked hard this year. "Nobody is walking away."\n'
        "The board meets on Friday."
    )
    assert set(found.values()) == {"Matt Kerr"} and len(found) == 3
