"""debate-cli build: shipped personas in step, differences reported, drafts that work as they are, two articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.data.dataset import load_dataset
from bot.data.lexicon import LEXICON_FILE
from bot.search.ranker import Ranker

ROOT = Path(__file__).resolve().parent.parent
SEEDS, PERSONAS = ROOT / "seeds", ROOT / "personas"
SEED = "winzheng-open-source-2026"
DATA = Path(__file__).resolve().parent / "data"
RECAP = DATA / "articles" / "open-source-recap-synthetic.txt"


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# The two reported positions of Musk's in paragraph 4 that the extractor finds since issue 13 ("sued OpenAI in 2023
# for betraying its founding mission ... emphasizing open-source and transparency"). The shipped musk.yaml gains
# them when the personas are completed; until then the tests add them to a copy.
def test_shipped_personas_are_in_step_with_the_seed(capsys) -> None:
    """Every position the seed gives a figure, quoted or reported (Musk's paragraph 4 included), is in its file."""
    code, out = run(capsys, "build", SEED, "--personas", str(PERSONAS), "--check")
    assert code == 0, out
    assert "every persona file is in step (8 checked)" in out


def test_build_check_flags_a_persona_that_lacks_a_reported_position(capsys, data_copy) -> None:
    seeds, personas = data_copy
    musk = personas / "musk.yaml"
    # Drop every paragraph-4 position, however the curated file words them.
    blocks = musk.read_text(encoding="utf-8").split("\n  - id: ")
    kept = [block for block in blocks if "\n    paragraph: 4\n" not in block]
    musk.write_text("\n  - id: ".join(kept), encoding="utf-8")
    code, out = run(capsys, "--seeds", str(seeds), "build", SEED, "--personas", str(personas), "--check")
    assert code == 2
    assert "missing paragraph 4 982:1012 (reported, sued OpenAI in 2023 for) 'betraying its founding mission'" in out
    assert "missing paragraph 4 1051:1079 (reported, emphasizing) 'open-source and transparency'" in out


def test_build_never_drafts_a_position_from_an_unattributed_quote(capsys, tmp_path) -> None:
    seeds, personas = tmp_path / "seeds", tmp_path / "personas"
    seeds.mkdir()
    personas.mkdir()
    shutil.copy(PERSONAS / LEXICON_FILE, personas)
    (seeds / "visit.txt").write_text(
        "Ministers visit the lake town\n\n"
        "Opposition leader Raila Achieng and Interior Minister David Kiprop both visited the town on Tuesday. "
        '"The government has failed to protect you all," he told the crowd.\n',
        encoding="utf-8",
    )
    (seeds / "visit.yaml").write_text('publisher: "Test Wire"\n', encoding="utf-8")
    code, out = run(capsys, "--seeds", str(seeds), "build", "visit", "--personas", str(personas))
    assert code == 0, out
    assert list(personas.glob("*.yaml")) == [personas / LEXICON_FILE]


def test_a_position_dropped_from_a_persona_is_reported_and_check_fails(capsys, data_copy) -> None:
    seeds, personas = data_copy
    musk = personas / "musk.yaml"
    blocks = musk.read_text(encoding="utf-8").split("\n  - id: ")
    without = "\n  - id: ".join(b for b in blocks if not b.startswith("safety-disguise")).rstrip("\n") + "\n"
    musk.write_text(without, encoding="utf-8")
    code, out = run(capsys, "--seeds", str(seeds), "build", SEED, "--personas", str(personas), "--check")
    assert code == 2
    assert f"{musk}:" in out and "missing paragraph 9" in out and "OpenAI's shift to closed-source" in out
    # Listing the span as deliberately ignored (with a why) settles it.
    musk.write_text(
        without
        + "ignored:\n  - paragraph: 9\n    start: 2245\n    end: 2341\n"
        + '    text: "OpenAI\'s shift to closed-source is a disguise for AI safety, actually a betrayal serving profit."\n'
        + '    why: "kept out of this persona on purpose (test)"\n',
        encoding="utf-8",
    )
    code, out = run(capsys, "--seeds", str(seeds), "build", SEED, "--personas", str(personas), "--check")
    assert code == 0, out


def test_a_persona_position_no_longer_in_the_article_is_reported(capsys, data_copy, tmp_path) -> None:
    seeds, personas = data_copy
    article = seeds / f"{SEED}.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("safety comes first", "safety first"), "utf-8")
    code, out = run(capsys, "--seeds", str(seeds), "build", SEED, "--personas", str(personas), "--check")
    assert code == 2
    assert f"{personas / 'altman.yaml'}:" in out and "no longer found in" in out


def test_check_reports_a_speaker_with_no_persona_file_and_writes_nothing(capsys, data_copy) -> None:
    seeds, personas = data_copy
    (personas / "kai-fu-lee.yaml").unlink()
    code, out = run(capsys, "--seeds", str(seeds), "build", SEED, "--personas", str(personas), "--check")
    assert code == 2
    assert "missing: Kai-Fu Lee has 1 positions" in out
    assert not (personas / "kai-fu-lee.yaml").exists()


@pytest.mark.parametrize("article_id", ["bbc-drm-format-wars", "bbc-mac-mini-welcome"])
def test_drafted_personas_validate_and_speak_in_their_own_words(capsys, tmp_path, article_id) -> None:
    seeds, personas = tmp_path / "seeds", tmp_path / "personas"
    seeds.mkdir()
    personas.mkdir()
    shutil.copy(DATA / "corpus" / f"{article_id}.txt", seeds)
    (seeds / f"{article_id}.yaml").write_text('publisher: "BBC News"\n', encoding="utf-8")
    shutil.copy(PERSONAS / LEXICON_FILE, personas)
    code, out = run(capsys, "--seeds", str(seeds), "build", article_id, "--personas", str(personas))
    assert code == 0 and "drafted" in out
    data = load_dataset(seeds, personas)  # raises DataError if a draft does not validate
    assert all(p.camp == "unsorted" for p in data.personas)
    ranker = Ranker(data)
    for persona in data.personas:
        quote = next(p for p in persona.positions if p.kind == "quoted")
        words = " ".join(quote.text.split()[:8])
        stance = next(s for s in ranker.ask(words).stances if s.figure.id == persona.id)
        assert stance.position is not None, (persona.id, words)
        assert stance.position.citation.article == article_id
    # A second build leaves curated files alone and finds nothing new.
    doctorow = personas / "cory-doctorow.yaml"
    if doctorow.exists():
        doctorow.write_text(
            doctorow.read_text(encoding="utf-8").replace("camp:\n  id: unsorted", "camp:\n  id: sceptic")
        )
    before = {p.name: p.read_text(encoding="utf-8") for p in personas.glob("*.yaml")}
    code, out = run(capsys, "--seeds", str(seeds), "build", article_id, "--personas", str(personas), "--check")
    assert code == 0, out
    code, out = run(capsys, "--seeds", str(seeds), "build", article_id, "--personas", str(personas))
    assert {p.name: p.read_text(encoding="utf-8") for p in personas.glob("*.yaml")} == before


def test_a_persona_holds_positions_from_two_articles_each_cited_to_its_own(capsys, data_copy) -> None:
    seeds, personas = data_copy
    shutil.copy(RECAP, seeds)
    shutil.copy(RECAP.with_suffix(".yaml"), seeds)
    musk = personas / "musk.yaml"
    musk.write_text(
        musk.read_text(encoding="utf-8")
        + "  - id: recap-safety-disguise\n"
        + "    article: open-source-recap-synthetic\n"
        + "    kind: quoted\n    paragraph: 3\n    start: 287\n    end: 383\n"
        + '    text: "OpenAI\'s shift to closed-source is a disguise for AI safety, actually a betrayal serving profit."\n'
        + '    cue: "wrote on X"\n    channel: X\n',
        encoding="utf-8",
    )
    data = load_dataset(seeds, personas)
    cited = {p.citation.article for p in data.by_id["musk"].positions}
    assert cited == {SEED, "open-source-recap-synthetic"}
    ranker = Ranker(data)

    def musk_on(topic: str) -> set[str]:
        stance = next(s for s in ranker.explain(topic).stances if s.figure.id == "musk")
        return {c.position.citation.article for c in stance.candidates}

    # `ask` draws on both articles: the recap's words and the seed's own.
    assert "open-source-recap-synthetic" in musk_on("a disguise for AI safety")
    assert SEED in musk_on("call on regulators to intervene")
    # The recap's other speaker has no position from it yet: build says so; Musk's file is in step.
    code, out = run(
        capsys, "--seeds", str(seeds), "build", "open-source-recap-synthetic", "--personas", str(personas), "--check"
    )
    assert code == 2
    assert "altman.yaml" in out and "missing paragraph 4" in out and "musk.yaml" not in out
