import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.data.article import _BOUNDARY, _word_before, load_article, split_sentences
from bot.errors import DataError

from .conftest import SEED_ID, SEEDS, SHARED


@pytest.fixture(scope="module")
def article():
    return load_article(SEEDS / f"{SEED_ID}.txt")


def test_seed_is_the_shared_article_byte_for_byte():
    shared = SHARED / "seeds" / "000_50572629ca74e2d5.txt"
    if not shared.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert (SEEDS / f"{SEED_ID}.txt").read_bytes() == shared.read_bytes()


def test_paragraphs_are_numbered_among_non_empty_lines_headings_included(article):
    assert len(article.paragraphs) == 22
    assert article.paragraph(1).text == "News Lead"
    assert [p.index for p in article.paragraphs if p.is_heading] == [1, 3, 6, 12, 16, 20]
    assert article.paragraph(22).kind == "footer"
    assert article.paragraph(7).text.startswith("Musk's posting storm")
    assert article.paragraph(7).section == "Core Content: Musk's Accusations and Altman's Counterattack"


def test_paragraph_offsets_index_the_article_text(article):
    for para in article.paragraphs:
        assert article.text[para.start : para.end] == para.text
        assert article.paragraph_at(para.start) is para


def test_paragraphs_share_the_article_text_and_print_their_own(article):
    # One copy of the text per article, not one more per paragraph (memory at 100k positions).
    assert all(para.article_text is article.text for para in article.paragraphs)
    first = article.paragraph(1)
    assert repr(first) == "Paragraph(index=1, start=0, end=9, text='News Lead', kind='heading', section='News Lead')"


def test_metadata_names_publisher_and_reprint_notice(article):
    assert article.publisher == "Winzheng.com (赢政天下)"
    assert article.reprint_notice == "转载请注明来源并附原文链接"
    assert article.url is None


def test_sentences_keep_quotes_whole(article):
    spans = article.sentences(5)
    texts = [article.text[s:e] for s, e in spans]
    assert len(texts) == 3
    assert (
        texts[1]
        == 'He stated bluntly: "OpenAI has become completely closed, no longer open-source, which violates its original promise."'
    )


def test_sentence_split_skips_abbreviations():
    text = "Mr. Straw said it twice. Dr. Who agreed! Then U.S. officials left."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Mr. Straw said it twice.",
        "Dr. Who agreed!",
        "Then U.S. officials left.",
    ]


def test_windows_line_endings_and_blank_lines_do_not_shift_offsets(tmp_path: Path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b'Title here\r\n\r\nShe said: "Hello there."\r\n')
    article = load_article(path)
    assert [p.text for p in article.paragraphs] == ["Title here", 'She said: "Hello there."']
    second = article.paragraph(2)
    assert article.text[second.start : second.end] == second.text


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "the article is empty"), (b"\xff\xfe bad bytes", "not valid UTF-8")],
)
def test_unreadable_articles_give_one_line_errors(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "broken.txt"
    path.write_bytes(content)
    with pytest.raises(DataError) as caught:
        load_article(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{path}:1: ")


@given(st.text(alphabet="ab.Z_ 1é,\"'-²", max_size=12), st.integers(min_value=0, max_value=12))
def test_the_word_before_a_full_stop_is_what_the_regex_finds(text: str, start: int) -> None:
    text += "."
    start = min(start, len(text) - 1)
    found = re.search(r"([\w.]+)\.$", text[start:])
    assert _word_before(text, start, len(text) - 1) == (found.group(1) if found else "")


@given(st.text(alphabet="ab .!?。！？\"'”)」 \n\tZ", max_size=40))
def test_the_sentence_boundary_is_the_two_branch_one(text: str) -> None:
    """The boundary regex was written as two alternatives; the faster form must find the same ends."""
    reference = re.compile(r"[.!?。！？][\"'”’»」』)\]]*(?=\s+\S)|[。！？](?=\S)")
    assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in reference.finditer(text)]
