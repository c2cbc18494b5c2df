"""What the shipped lexical knowledge tells the engine: which words are informative, which are related."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bot import lexical

ROOT = Path(__file__).resolve().parents[2]


def words(word: str) -> set[str]:
    return {relation.word for relation in lexical.related(word)}


# --- relations ------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["sue", "sued", "suing", "Sues"])
def test_sue_relates_to_lawsuit_and_litigation_in_every_form(form):
    assert {"lawsuit", "litigation"} <= words(form)


def test_the_relation_is_read_both_ways():
    assert "sue" in words("lawsuit")
    assert "sue" in words("litigation")


def test_a_relation_says_where_it_came_from():
    relation = next(r for r in lexical.related("sued") if r.word == "lawsuit")
    assert relation.kind == "derivation"
    assert relation.source == "WordNet 3.0"
    assert relation.via == "sue action.v.01 -> lawsuit.n.01"  # the lemma, its sense, the related sense


def test_a_relation_carries_the_stems_to_match_in_text():
    # "sued" stems to "su", "sue" to "sue": a question about a lawsuit must reach both.
    relation = next(r for r in lexical.related("lawsuit") if r.word == "sue")
    assert {"su", "sue"} <= set(relation.stems)


def test_derivations_the_stemmer_misses_are_there():
    assert "monopoly" in words("monopolized")
    assert "monopolize" in words("monopoly")
    assert "regulate" in words("regulatory")


def test_open_does_not_relate_to_window():
    assert "window" not in words("open")
    assert "open" not in words("window")


def test_no_hypernym_chains():
    # WordNet files a lawsuit under "proceeding" and a window under "framework": neither is a relation here.
    assert "proceeding" not in words("lawsuit")
    assert "framework" not in words("window")


def test_only_frequent_senses_relate():
    # "suit" is first of all clothing (SemCor: 13 tagged uses against 3 as a lawsuit), so it is not
    # tied to "sue"; "case" is a lawsuit often enough (19 of its top sense's 72) to be.
    assert "suit" not in words("sue")
    assert "case" in words("sue")


def test_weights_of_a_model_are_not_a_wordnet_sense():
    # The machine-learning sense of "weights" is not in WordNet 3.0, so nothing relates it to parameters;
    # and "lose weight" and "code and weights" are the same word to any stemmer. Relations cannot tell the
    # senses apart: that is left to informativeness (the question's other words must be addressed too).
    assert "parameter" not in words("weights")
    assert "coefficient" not in words("weights")
    assert words("weights") == words("weight")


def test_an_unknown_word_has_no_relations():
    assert lexical.related("grok") == ()
    assert lexical.related("") == ()


def test_relations_are_sorted_and_unique():
    found = [r.word for r in lexical.related("giant")]
    assert found == sorted(set(found))


# --- informativeness --------------------------------------------------------------------------


def test_common_words_tell_less_than_rare_ones():
    order = ["the", "open", "window", "lawsuit", "sourdough"]
    bits = [lexical.informativeness(w) for w in order]
    assert bits == sorted(bits)
    assert lexical.informativeness("the") < 5  # a function word: a few bits
    assert lexical.informativeness("lawsuit") > 15


def test_an_unknown_word_is_as_informative_as_any():
    # A word outside the table (rare, a name, an uncorrected typo) is the most informative there is.
    assert lexical.zipf("qzxvw") is None
    assert lexical.informativeness("qzxvw") == pytest.approx(lexical.MAX_INFORMATIVENESS, abs=0.1)
    assert all(lexical.informativeness(w) <= lexical.informativeness("qzxvw") for w in ("a", "window", "lawsuit"))


def test_informativeness_ignores_case_and_possessives():
    assert lexical.informativeness("Window") == lexical.informativeness("window")
    assert lexical.zipf("musk's") == lexical.zipf("musk")
    # The table lists "hell's" apart (from "Hell's Kitchen"), far rarer than "hell": a possessive is its word.
    assert lexical.zipf("hell's") == lexical.zipf("Hell’s") == lexical.zipf("hell")


def test_an_inflected_form_outside_the_table_weighs_what_its_lemma_weighs():
    # "foots" (as in "foots the bill") is not among the 50,000 most frequent forms, but it is "foot".
    assert lexical.zipf("foots") == lexical.zipf("foot")
    assert lexical.informativeness("foots") < lexical.MAX_INFORMATIVENESS - 5


def test_zipf_is_the_general_english_scale():
    assert 7 < lexical.zipf("the") < 8  # "the": about 5% of English words
    assert 3.5 < lexical.zipf("lawsuit") < 4.5  # about once in 100,000 words


# --- the store -------------------------------------------------------------------------------

DATABASE = ROOT / "bot" / "lexical" / "data" / "lexical-en.sqlite3"


@pytest.fixture(scope="module")
def store():
    db = sqlite3.connect(f"{DATABASE.as_uri()}?mode=ro", uri=True)
    yield db
    db.close()


def test_the_store_is_opened_read_only():
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        lexical._database().execute("DELETE FROM word")


def test_the_store_serves_other_threads():
    # The Discord bot may read a question in a worker thread: the one connection must serve it there too.
    found = []
    worker = threading.Thread(target=lambda: found.append(lexical.part_of_speech("ignoring")))
    worker.start()
    worker.join()
    assert found == ["v"]


def test_the_store_holds_the_frequency_table_and_its_floor(store):
    (count,) = store.execute("SELECT count(*) FROM word WHERE zipf IS NOT NULL").fetchone()
    assert count == 50_000
    (lowest,) = store.execute("SELECT min(zipf) FROM word").fetchone()
    assert store.execute("SELECT value FROM fact WHERE name = 'lowest_zipf'").fetchone() == (lowest,)
    # MAX_INFORMATIVENESS is documented as the bound an unknown word reaches, from that floor.
    assert lexical.informativeness("qzxvw") == pytest.approx(lexical.MAX_INFORMATIVENESS, abs=0.01)


def test_the_store_is_consistent(store):
    # Exactly the lemmas with relations have stems (a form may still be read as a lemma whose relations
    # all shared its stems: that lemma has no row, and no relation).
    lemmas = {lemma for (lemma,) in store.execute("SELECT lemma FROM lemma")}
    assert {lemma for (lemma,) in store.execute("SELECT DISTINCT lemma FROM relation")} == lemmas
    kinds = {kind for (kind,) in store.execute("SELECT DISTINCT kind FROM relation")}
    assert kinds == {"synonym", "derivation", "pertainym"}
    parts = {part for (part,) in store.execute("SELECT DISTINCT part FROM word WHERE part IS NOT NULL")}
    assert parts == {"n", "v", "a", "r"}


def test_a_word_without_a_row_is_unknown_everywhere():
    assert lexical.zipf("qzxvw") is None
    assert lexical.part_of_speech("qzxvw") is None
    assert lexical.lemmas("qzxvw") == ()
    assert lexical.stems_of("qzxvw") == (lexical.stem("qzxvw"),)


def test_a_lemma_is_read_as_itself_and_a_form_as_its_lemmas():
    assert lexical.lemmas("sue") == ("sue",)
    assert lexical.lemmas("sued") == ("sue",)
    assert lexical.lemmas("opening") == ("open", "opening")


def test_lookups_are_deterministic_across_processes():
    code = "import bot.lexical as L; print(L.informativeness('window'), [r.via for r in L.related('sued')])"
    runs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        for _ in range(2)
    }
    assert len(runs) == 1


@pytest.mark.skipif(not os.environ.get("LEXICAL_REBUILD"), reason="regenerates the data (~10 s); set LEXICAL_REBUILD=1")
def test_the_shipped_data_is_what_the_build_script_makes():
    pytest.importorskip("wordfreq")
    pytest.importorskip("nltk")
    if shutil.which("dpkg") is None or not Path("/usr/share/wordnet/data.noun").exists():
        pytest.skip("needs Debian's wordnet-base")
    script = ROOT / "scripts" / "build_lexical_data.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_nouns_of_an_indefinite_amount_come_from_wordnet() -> None:
    assert [w for w in ("handful", "couple", "lot", "tons", "firm", "weight") if lexical.is_quantity(w)] == [
        "handful",
        "couple",
        "lot",
        "tons",
    ]
