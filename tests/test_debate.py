"""The planner's summary: grouped on the matched topic's own axis where the topic rules give it one, else on
the rules' first axis (open vs closed source)."""

from __future__ import annotations

import json
from pathlib import Path

from bot.cli import main


def _with_regulation_axis(personas: Path) -> None:
    """A regulation axis in the topic rules, and the two figures who call for a framework tagged on it."""
    rules = personas / "topics.yaml"
    text = rules.read_text(encoding="utf-8")
    text = text.replace(
        "\ncamps:\n",
        "  regulation:\n    label: calls for regulation or not\n    plus: calls for regulation\n"
        "    zero: neither\n    minus: opposes regulation\n\ncamps:\n",
        1,
    )
    text = text.replace(
        "  regulation:\n    label: regulation and government oversight\n",
        "  regulation:\n    label: regulation and government oversight\n    axis: regulation\n",
        1,
    )
    rules.write_text(text, encoding="utf-8")
    for name, position in (("musk", "call-on-regulators"), ("kai-fu-lee", "needs-regulatory-framework")):
        path = personas / f"{name}.yaml"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        at = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {position}")
        stance = next(i for i in range(at, len(lines)) if lines[i].strip().startswith("stance:"))
        lines[stance] = lines[stance].replace("{open_source: 1}", "{open_source: 1, regulation: 1}")
        path.write_text("".join(lines), encoding="utf-8")


def _debate_json(capsys, seeds: Path, personas: Path, topic: str) -> dict:
    assert main(["--seeds", str(seeds), "--personas", str(personas), "debate", topic, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_topic_with_its_own_axis_is_summed_up_on_it(capsys, data_copy) -> None:
    seeds, personas = data_copy
    _with_regulation_axis(personas)
    summary = _debate_json(capsys, seeds, personas, "regulation")["summary"]["stances"]
    assert {e["axis"] for e in summary} == {"regulation"}
    placed = {e["figure"]: (e["value"], e["citation"]["paragraph"]) for e in summary if e["value"] is not None}
    assert placed == {"musk": (1, 7), "kai-fu-lee": (1, 14)}
    assert main(["--seeds", str(seeds), "--personas", str(personas), "debate", "regulation"]) == 0
    assert "## Who stands where (calls for regulation or not)" in capsys.readouterr().out


def test_a_topic_without_an_axis_of_its_own_falls_back_to_open_versus_closed(capsys, data_copy) -> None:
    seeds, personas = data_copy
    _with_regulation_axis(personas)
    summary = _debate_json(capsys, seeds, personas, "safety")["summary"]["stances"]
    assert summary and {e["axis"] for e in summary} == {"open_source"}


def test_an_axis_the_rules_do_not_define_is_one_clear_line(capsys, data_copy) -> None:
    seeds, personas = data_copy
    rules = personas / "topics.yaml"
    rules.write_text(
        rules.read_text(encoding="utf-8").replace(
            "    label: AI safety and misuse\n", "    label: AI safety and misuse\n    axis: nonsense\n", 1
        ),
        encoding="utf-8",
    )
    assert main(["--seeds", str(seeds), "--personas", str(personas), "validate"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "topics.safety.axis: unknown axis 'nonsense'" in err
