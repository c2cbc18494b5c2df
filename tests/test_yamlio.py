"""The fast YAML reader gives exactly what the full line-tracking loader gives, or hands the text over to it."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot import yamlio
from bot.article import load_articles
from bot.personas import load_persona
from bot.topics import load_lexicon
from bot.yamlio import LineDict, _Fallback, _FastReader, _LineLoader

from .conftest import PERSONAS, ROOT, SEEDS

SHIPPED = sorted([*PERSONAS.glob("*.yaml"), *SEEDS.glob("*.yaml"), *(ROOT / "tests" / "data").rglob("*.yaml")])


def _shape(value: Any) -> Any:
    """Everything the loaders promise: values, their types, and the line of every mapping and key."""
    if isinstance(value, LineDict):
        return ("map", value.line, [(k, value.key_lines[k], _shape(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_shape(v) for v in value])
    return (type(value).__name__, value)


def _full(text: str) -> Any:
    try:
        return _shape(yaml.load(text, Loader=_LineLoader))  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        return "error"


def _fast(text: str) -> Any:
    """The fast reader's answer, or None when it hands the text to the full loader."""
    try:
        return _shape(_FastReader(text).document())
    except _Fallback:
        return None


def _agrees(text: str) -> bool:
    fast = _fast(text)
    return fast is None or fast == _full(text)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_files_read_the_same_as_with_the_full_loader(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _agrees(text)
    if path.parent in (PERSONAS, SEEDS):
        assert _fast(text) is not None, "the shipped data should take the fast path"


def test_a_generated_persona_file_takes_the_fast_path() -> None:
    text = (
        '# drafted\nid: a-b\nname: "A B"\naliases: ["A B", B]\narticle: "s-1"\n\ncamp:\n  id: unsorted\n\n'
        "positions:\n  - id: p-1\n    kind: quoted\n    paragraph: 5\n    start: 592\n    end: 690\n"
        '    text: "He said \\"no\\" twice\\\\ then left."\n    cue: "said"\n    stance: {open_source: -1}\n'
    )
    fast = _fast(text)
    assert fast is not None and fast == _full(text)


# One value each, after "a: " or as a list item: words, numbers and keywords YAML 1.1 resolves, quoting, comments.
VALUES = [
    *["1", "yes", "No", "null", "~", "1.5", "010", "0x1F", "1_000", "-1", "+2", ".5", ".inf", "2026-01-01", "1:30"],
    *["=", "'it''s'", '"x\\"y\\\\z\\n\\t"', '"\\u00e9"', '"\\x41"', '"\\/"', '"a # b" # c', '"a"b', "'a'#b"],
    *["plain with  spaces   ", 'it\'s "fine", [really]', "x #y", "x# y", "https://example.com", "a: b", "-", "- x"],
    *["[x, 'y', \"z\", 1, yes] # c, d]", "[]", "[ ]", "[a,]", "[a b, c]", "[a:b]", "[a, [b]]", "['a, b', \"c]\"]"],
    *["{x: 1, y: 'z'} # c: 2}", "{}", "{x: 1, x: 2}", "{x:1}", "{x: }", "{yes: 1, null: 2}", "{a: {b: 1}}"],
    *["赢政天下", '"赢政天下"', "Ⅻ", "x\u00a0", "\u00a0x", "&x 1", "*x", "!!str 1", "|", ">", "%x", "@x", "`x`"],
    *['""', '"x"   ', "x   ", "  x", '  "x"', "x\x7f", "x\x1b", "_x", "x-y: z", "true-ish", "no way"],
    *["off-the-record-and-longer-than-the-cached-words", "12345678901234567890", "2026-01-01 10:00:00"],
]
KEYS = ["yes", "null", "On", "名", "a-b", "_x", "1", "'a'", '"a"', "a b", "k" * 1100]
STRUCTURES = [
    "",
    "# only a comment\n",
    "a:\n- x\n- y: 1\n  z: 2\nb: 1\n",
    "a:\n  - x\n  b: 1\n",
    "- a\n- b: 1\n  c: [2]\n-\n  d: 3\n",
    "- - a\n",
    "- a:\n  - x\n  b: 1\n- c\n",
    "- a:\n- b\n",
    "a: 1\n  b: 2\n",
    "a: Elon\n  Musk\n",
    "a: Elon\nMusk\n",
    'a: "multi\n  line"\n',
    "a: &x 1\nb: *x\n",
    "a: |\n  block\n",
    "a: 1\na: 2\n",
    "a: b\n---\nc: d\n",
    "  a: 1\n  b: 2\n",
    "a:\n    b: 1\n  c: 2\n",
    "a: 1\r\nb: 2\r\n",
    "a: x\u2028y\n",
    "a: \ufeffx\n",
    "a: \x07\n",
    "? a\n: b\n",
    "a:\n\n  # a comment between\n  b: 1\n",
    "a: # comment\n  b: 1\n",
    "a:\nb:\n",
    "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n",
    "-   a: 1\n    b: 2\n",
    "-   a: 1\n  b: 2\n",
    "- a: 1\n  # a comment between\n\n  b: 2\n- c: 3\n",
    'a:\n  - x: 1\n    y: "z"\n  - w\n  -   v: [1]\n',
    "a: 1   \n  \nb: 2\n   ",
    "- a: 1\n  - b\n",
]
CASES = [f"a: {v}\n" for v in VALUES] + [f"- {v}\n" for v in VALUES] + [f"{k}: 1\n" for k in KEYS] + STRUCTURES


@pytest.mark.parametrize("text", CASES)
def test_tricky_text_is_read_the_same_or_left_to_the_full_loader(text: str) -> None:
    assert _agrees(text)


def test_the_fast_reader_takes_many_of_these_itself() -> None:
    taken = [text for text in CASES if _fast(text) is not None]
    assert len(taken) > len(CASES) / 3, taken  # both paths are exercised


def test_mutated_files_are_read_the_same_or_left_to_the_full_loader() -> None:
    """Random small edits of real files (seeded): every text the fast reader accepts reads the same."""
    rng = random.Random(5)
    bases = [p.read_text(encoding="utf-8") for p in SHIPPED]
    pieces = [*"#:'\"-[]{},&*!|>\\%@`? \n", ": ", " #", "- ", "\n  ", "\n- ", "yes", "null", "1.5", "2026-01-01"]
    pieces += ["\\n", "\\u00e9", "<<", "---", "\u00a0", "赢", "010", "+1", ":x", "x:", "{}", "[]", "''", '""', "\t"]
    accepted = 0
    for _ in range(3000):
        lines = rng.choice(bases).split("\n")
        text = "\n".join(lines[: rng.randint(3, 40)])
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            if rng.random() < 0.75:
                text = text[:at] + rng.choice(pieces) + text[at:]
            else:
                text = text[:at] + text[at + rng.randint(1, 5) :]
        fast = _fast(text)
        if fast is not None:
            accepted += 1
            assert fast == _full(text), text
    assert accepted > 300  # the edits leave plenty of texts inside the subset


def test_edited_persona_files_give_the_same_problems_with_or_without_the_fast_reader(monkeypatch, tmp_path) -> None:
    """End to end: every problem (field, message, line) and every loaded persona is the same either way."""
    articles, lexicon = load_articles(SEEDS), load_lexicon(PERSONAS)
    rng = random.Random(11)
    edits = [
        ("paragraph: ", "paragraph: x"),
        ("start: ", "start: 9"),
        ("kind: quoted", "kind: said"),
        ("id: ", "id: Bad "),
        ("topics: [", "topics: [cooking, "),
        ("stance: {", "stance: {sideways: 1, "),
        ('text: "', 'text: "Not '),
        ("cue: ", "cue: ''#"),
        ("  - id:", "  - colour: red\n    id:"),
        ("channel: ", "channel: \n"),
        ("\n", "\n\n# x\n"),
    ]

    def full_only(text: str) -> None:
        raise _Fallback

    def both_ways(path: Path) -> tuple[Any, Any]:
        fast = load_persona(path, articles, lexicon)
        with monkeypatch.context() as patch:
            patch.setattr(yamlio, "_FastReader", full_only)
            return fast, load_persona(path, articles, lexicon)

    sources = [p for p in sorted(PERSONAS.glob("*.yaml")) if p.name != "topics.yaml"]
    problems = read_fast = 0
    for round_ in range(40):
        source = rng.choice(sources)
        text = source.read_text(encoding="utf-8")
        for _ in range(rng.randint(1, 3)):
            old, new = rng.choice(edits)
            at = [i for i in range(len(text)) if text.startswith(old, i)]
            if at:
                where = rng.choice(at)
                text = text[:where] + new + text[where + len(old) :]
        path = tmp_path / source.name  # the file name is the figure's id
        path.write_text(text, encoding="utf-8")
        fast, full = both_ways(path)
        problems += len(full[1])
        read_fast += _fast(text) is not None
        assert fast == full, (round_, text)
    assert problems > 20 and read_fast > 10  # both readers, and plenty of problems, were compared
