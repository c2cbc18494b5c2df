"""A catalogue of persona-author mistakes: each is one line ``file:line: field: what`` and exit code 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.cli import main

MUSK_QUOTE = "OpenAI has become completely closed, no longer open-source, which violates its original promise."


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture drifted: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    """The last line holding ``needle``: for a duplicate, that is the second occurrence."""
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line][-1]


# (file, change, expected field, expected message fragment, line needle or None for line 1)
CASES = {
    "offset off by one": (
        "musk.yaml",
        ("start: 1167", "start: 1168"),
        "positions[1].text",
        "the text is at start: 1167",
        'text: "OpenAI has become',
    ),
    "quote not in article": (
        "musk.yaml",
        ("which violates its original promise.", "which betrays everyone."),
        "positions[1].text",
        "not in this article",
        'text: "OpenAI has become',
    ),
    "paragraph out of range": (
        "musk.yaml",
        ("paragraph: 5\n    start: 1167", "paragraph: 99\n    start: 1167"),
        "positions[1].paragraph",
        "out of range 1..22",
        "paragraph: 99",
    ),
    "unknown topic": (
        "lecun.yaml",
        ("topics: [open_source, innovation]", "topics: [open_source, cooking]"),
        "positions[0].topics",
        "unknown topic 'cooking'",
        "topics: [open_source, cooking]",
    ),
    "unknown camp": (
        "lecun.yaml",
        ("  id: open", "  id: martians"),
        "camp.id",
        "unknown camp 'martians'",
        "id: martians",
    ),
    "reply link to nothing": (
        "altman.yaml",
        ("replies_to: musk/safety-disguise", "replies_to: musk/no-such-post"),
        "replies_to",
        "not a known figure/position",
        "musk/no-such-post",
    ),
    "unknown figure in reply": (
        "altman.yaml",
        ("replies_to: musk/safety-disguise", "replies_to: trump/safety-disguise"),
        "replies_to",
        "not a known figure/position",
        "trump/safety-disguise",
    ),
    "bad kind": (
        "lecun.yaml",
        ("kind: quoted", "kind: paraphrased"),
        "positions[0].kind",
        "must be one of quoted, reported",
        "kind: paraphrased",
    ),
    "wrong type": (
        "lecun.yaml",
        ("paragraph: 13\n    start: 3005", "paragraph: thirteen\n    start: 3005"),
        "positions[0].paragraph",
        "must be a whole number",
        "paragraph: thirteen",
    ),
    "offset is a yes/no": (
        "musk.yaml",
        ("start: 1167", "start: yes"),
        "positions[1].start",
        "must be a whole number",
        "start: yes",
    ),
    "offset missing": (
        "musk.yaml",
        ("    end: 1263\n", ""),
        "positions[1].end",
        "missing",
        "id: completely-closed",
    ),
    "missing field": ("lecun.yaml", ("name: Yann LeCun\n", ""), "name", "missing", "id: lecun"),
    "stance out of range": (
        "lecun.yaml",
        ("stance: {open_source: 1}", "stance: {open_source: 5}"),
        "positions[0].stance",
        "must be -1, 0 or 1",
        "open_source: 5",
    ),
    "unknown article": (
        "lecun.yaml",
        ("  - id: closed-hinders-innovation\n", "  - id: closed-hinders-innovation\n    article: no-such-article\n"),
        "positions[0].article",
        "unknown article 'no-such-article'",
        "article: no-such-article",
    ),
    "id does not match file": ("lecun.yaml", ("id: lecun", "id: yann"), "id", "must match the file name", "id: yann"),
    "duplicate position id": (
        "musk.yaml",
        ("id: profit-hell", "id: completely-closed"),
        "positions[2].id",
        "duplicate position id",
        "id: completely-closed",
    ),
    "bad YAML syntax": ("lecun.yaml", ("aliases: [", "aliases: [[["), "yaml", "", None),
    "tab indentation": (
        "lecun.yaml",
        ("  - id: closed", "\t- id: closed"),
        "indentation",
        "tab used for indentation",
        "\t- id: closed",
    ),
    "unknown field": ("lecun.yaml", ("role: ", "mood: grumpy\nrole: "), "mood", "unknown field", "mood: grumpy"),
    "duplicate key": ("lecun.yaml", ("role: ", "name: Other\nrole: "), "yaml", "duplicate key 'name'", "name: Other"),
    "alias claimed twice": (
        "lecun.yaml",
        ('aliases: ["LeCun"', 'aliases: ["Musk", "LeCun"'),
        "aliases",
        "'Musk' also names 'musk'",
        "aliases:",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_mistake_is_one_precise_line_and_exit_2(case, data_copy, capsys):
    seeds, personas = data_copy
    file, (old, new), field, message, needle = CASES[case]
    path = personas / file
    _edit(path, old, new)
    code = main(["--seeds", str(seeds), "--personas", str(personas), "validate"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1, err
    line = 1 if needle is None else _line_of(path, needle)
    if field == "yaml" and not message:
        assert err[0].startswith(f"{path}:") and ": yaml: " in err[0]
        return
    assert err[0].startswith(f"{path}:{line}: {field}: "), err[0]
    assert message in err[0]
    assert "Traceback" not in err[0]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.yaml", b"", "the file is empty"),
        ("binary.yaml", b"id: x\n\xff\xfe\n", "not valid UTF-8"),
        ("list.yaml", b"- just\n- a list\n", "must be a mapping"),
    ],
)
def test_broken_files_are_named(data_copy, capsys, name, content, message):
    seeds, personas = data_copy
    (personas / name).write_bytes(content)
    assert main(["--seeds", str(seeds), "--personas", str(personas), "validate"]) == 2
    err = capsys.readouterr().err
    assert f"{personas / name}:" in err and message in err


def test_a_huge_file_is_refused_without_reading_it_all(data_copy, capsys):
    seeds, personas = data_copy
    (personas / "huge.yaml").write_bytes(b"# " + b"x" * (3 * 1024 * 1024))
    assert main(["--seeds", str(seeds), "--personas", str(personas), "validate"]) == 2
    assert "larger than" in capsys.readouterr().err


def test_a_symlink_loop_is_reported(data_copy, capsys):
    seeds, personas = data_copy
    os.symlink(personas / "loop.yaml", personas / "loop.yaml")
    assert main(["--seeds", str(seeds), "--personas", str(personas), "validate"]) == 2
    assert f"{personas / 'loop.yaml'}:1: file: cannot read" in capsys.readouterr().err


def test_a_persona_for_a_missing_article(data_copy, capsys):
    seeds, personas = data_copy
    (seeds / "winzheng-open-source-2026.txt").rename(seeds / "other.txt")
    (seeds / "winzheng-open-source-2026.yaml").rename(seeds / "other.yaml")
    assert main(["--seeds", str(seeds), "--personas", str(personas), "validate"]) == 2
    err = capsys.readouterr().err
    assert "unknown article 'winzheng-open-source-2026' (known: other)" in err


def test_missing_folders_are_one_line(tmp_path, capsys):
    assert main(["--seeds", str(tmp_path / "nope"), "validate"]) == 2
    assert capsys.readouterr().err.strip() == f"{tmp_path / 'nope'}:1: seeds: folder not found"


def test_every_problem_is_listed_not_just_the_first(data_copy, capsys):
    seeds, personas = data_copy
    _edit(personas / "lecun.yaml", "kind: quoted", "kind: rumoured")
    _edit(personas / "suleyman.yaml", "kind: quoted", "kind: rumoured")
    assert main(["--seeds", str(seeds), "--personas", str(personas), "validate"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 2


def test_valid_data_passes(capsys):
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("ok: 1 article(s), 8 personas")


# Seed mistakes: (file suffix, change or whole new content, expected line, field, message fragment).
SEED = "winzheng-open-source-2026"
SEED_CASES = {
    "metadata wrong type": (".yaml", ('title: "Musk', 'title: [a, b]\n# "Musk'), 2, "title", "must be text"),
    "metadata unknown field": (".yaml", ("language: en", "language: en\nautor: x"), 9, "autor", "unknown field"),
    "metadata bad YAML": (".yaml", ('publisher: "', 'publisher: """'), None, "yaml", ""),
    "metadata tab indentation": (".yaml", ("language: en", "\tlanguage: en"), 8, "indentation", "tab used"),
    "metadata not a mapping": (".yaml", b"- a\n- b\n", 1, "metadata", "must be a mapping"),
    "metadata link not a link": (".yaml", ("url:", "url: javascript:alert(1)"), 7, "url", "must be an http(s) link"),
    "empty article": (".txt", b"", 1, "text", "the article is empty"),
    "non-UTF-8 article": (".txt", b"Musk said \xff\xfe\n", 1, "file", "not valid UTF-8"),
    "huge article": (".txt", b"a" * (3 * 1024 * 1024), 1, "file", "larger than"),
}


@pytest.mark.parametrize("case", sorted(SEED_CASES))
def test_each_seed_mistake_is_one_precise_line_and_exit_2(case, data_copy, capsys):
    seeds, personas = data_copy
    suffix, change, line, field, message = SEED_CASES[case]
    path = seeds / f"{SEED}{suffix}"
    if isinstance(change, bytes):
        path.write_bytes(change)
    else:
        _edit(path, *change)
    code = main(["--seeds", str(seeds), "--personas", str(personas), "validate"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1, err
    prefix = f"{path}:{line}: {field}: " if line else f"{path}:"
    assert err[0].startswith(prefix) and message in err[0] and f": {field}: " in err[0], err[0]


def test_a_symlink_loop_among_the_seeds_is_reported(data_copy, capsys):
    seeds, personas = data_copy
    os.symlink(seeds / "loop.txt", seeds / "loop.txt")
    assert main(["--seeds", str(seeds), "--personas", str(personas), "validate"]) == 2
    assert capsys.readouterr().err.strip().startswith(f"{seeds / 'loop.txt'}:1: file: cannot read")


def test_a_valid_link_is_accepted_and_shown(data_copy, capsys):
    seeds, personas = data_copy
    _edit(seeds / f"{SEED}.yaml", "url:", "url: https://www.winzheng.com/article/1")
    assert main(["--seeds", str(seeds), "--personas", str(personas), "ask", "regulation"]) == 0
    assert "<https://www.winzheng.com/article/1>" in capsys.readouterr().out


def test_a_seed_without_a_publisher_is_refused(data_copy, capsys):
    seeds, personas = data_copy
    (seeds / "winzheng-open-source-2026.yaml").unlink()
    assert main(["--seeds", str(seeds), "--personas", str(personas), "validate"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"{seeds / 'winzheng-open-source-2026.yaml'}:1: publisher: missing: every citation names the publisher; add it to winzheng-open-source-2026.yaml"
    ]
