"""The planner's summary: grouped on the matched topic's own axis where the topic rules give it one, else on
the rules' first axis (open vs closed source); every placement cited."""

from __future__ import annotations

import json

import pytest

from bot.cli import main


def _debate_json(capsys, topic: str, *folders: str) -> dict:
    assert main([*folders, "debate", topic, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_debate_on_regulation_is_summed_up_on_the_regulation_axis(capsys) -> None:
    summary = _debate_json(capsys, "regulation")["summary"]["stances"]
    assert {e["axis"] for e in summary} == {"regulation"}
    placed = {e["figure"]: (e["value"], e["citation"]["paragraph"]) for e in summary if e["value"] is not None}
    assert placed == {"musk": (1, 7), "kai-fu-lee": (1, 14)}
    assert main(["debate", "regulation"]) == 0
    assert "## Who stands where (calls for or opposes regulation)" in capsys.readouterr().out


def test_a_debate_on_safety_is_summed_up_on_safety_first_with_each_placement_cited(capsys) -> None:
    summary = _debate_json(capsys, "safety")["summary"]["stances"]
    assert {e["axis"] for e in summary} == {"safety_first"}
    assert all(e["citation"] is not None for e in summary if e["value"] is not None)
    assert {e["figure"]: e["value"] for e in summary}["musk"] == -1  # "a disguise for AI safety"


def test_a_topic_without_an_axis_of_its_own_falls_back_to_open_versus_closed(capsys) -> None:
    summary = _debate_json(capsys, "innovation")["summary"]["stances"]
    assert summary and {e["axis"] for e in summary} == {"open_source"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("- {phrase: closed, weight: 0.6, side: minus}", "- {phrase: closed, weight: 0.6, side: shut}"),
            "bad trigger",
        ),
        (
            ("      - litigation\n", "      - {phrase: litigation, side: minus}\n"),
            "names a side, but the topic has no axis",
        ),
    ],
)
def test_a_trigger_s_side_must_be_one_its_topic_s_axis_has(capsys, data_copy, change, message) -> None:
    seeds, personas = data_copy
    rules = personas / "topics.yaml"
    text = rules.read_text(encoding="utf-8")
    assert change[0] in text
    rules.write_text(text.replace(*change, 1), encoding="utf-8")
    assert main(["--seeds", str(seeds), "--personas", str(personas), "validate"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err


def test_an_axis_the_rules_do_not_define_is_one_clear_line(capsys, data_copy) -> None:
    seeds, personas = data_copy
    rules = personas / "topics.yaml"
    text = rules.read_text(encoding="utf-8").replace("axis: safety_first", "axis: nonsense", 1)
    rules.write_text(text, encoding="utf-8")
    assert main(["--seeds", str(seeds), "--personas", str(personas), "validate"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "topics.safety.axis: unknown axis 'nonsense'" in err
