"""debate-cli as a user runs it: output, JSON shapes, exit codes and one-line errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from bot.cli import main


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_ask_json_shape(capsys):
    code, out, _ = run(["ask", "regulation", "--json"], capsys)
    assert code == 0
    payload = json.loads(out)
    assert payload["topic"] == "regulation"
    assert len(payload["stances"]) == 8
    musk = payload["stances"][0]
    assert set(musk) >= {"figure", "name", "status", "kind", "quote", "citation"}
    assert musk["figure"] == "musk" and musk["status"] == "stance" and musk["kind"] == "quoted"
    assert musk["citation"]["paragraph"] == 7 and set(musk["citation"]) == {"article", "paragraph", "start", "end"}
    lecun = next(s for s in payload["stances"] if s["figure"] == "lecun")
    assert (
        lecun["status"] == "no_stance"
        and lecun["quote"] is None
        and lecun["citation"] is None
        and lecun["kind"] is None
    )


def test_stance_prints_one_entry(capsys):
    code, out, _ = run(["stance", "Kai Fu Lee", "regulation", "--json"], capsys)
    payload = json.loads(out)
    assert code == 0 and [s["figure"] for s in payload["stances"]] == ["kai-fu-lee"]


def test_debate_json_shape(capsys, data):
    code, out, _ = run(["debate", "open source", "--json"], capsys)
    payload = json.loads(out)
    assert code == 0 and payload["topic"] == "open source"
    for turn in payload["turns"]:
        assert set(turn) >= {"round", "move", "figure", "replying_to", "kind", "quote", "citation", "narration"}
        if turn["quote"] is not None:
            c = turn["citation"]
            assert data.articles[c["article"]].text[c["start"] : c["end"]] == turn["quote"]
    assert {"stances", "no_stance"} <= set(payload["summary"])


def test_debate_markdown_with_figures_and_rounds(capsys):
    code, out, _ = run(["debate", "open source", "--figures", "musk,Altman", "--rounds", "2"], capsys)
    assert code == 0
    assert "_Taking part: Elon Musk, Sam Altman._" in out
    assert "Round 3" not in out


def test_batch_writes_one_json_line_per_topic(tmp_path, capsys):
    batch = tmp_path / "topics.txt"
    batch.write_text("regulation\n\nLlama\nwhat should I cook tonight\n", encoding="utf-8")
    code, out, _ = run(["ask", "--batch", str(batch)], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [line["topic"] for line in lines] == ["regulation", "Llama", "what should I cook tonight"]
    assert all(s["status"] == "no_stance" for s in lines[2]["stances"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["stance", "Elon Muskk", "safety"], "unknown figure 'Elon Muskk'; did you mean musk"),
        (["ask", "x" * 201], "the limit is 200"),
        (["ask", "   "], "the topic is empty"),
        (["debate", "safety", "--rounds", "0"], "--rounds must be between 1 and 6"),
        (["source", "99"], "paragraph must be between 1 and 22"),
        (["ask", "--batch", "/nonexistent/topics.txt"], "cannot read the batch file"),
        (["debate", "safety", "--figures", "musk,nobody"], "unknown figure 'nobody'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, args, message):
    code, out, err = run(args, capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err


def test_explain_lists_rules_and_scores(capsys):
    code, out, _ = run(["explain", "regulaton"], capsys)
    assert code == 0
    assert "“regulaton” read as “regulation”" in out
    assert "Topic rule **regulation** fired" in out
    assert "### Yann LeCun: abstains" in out
    assert "← chosen" in out


def test_explain_says_when_a_position_explains_only_the_names_asked_about(capsys):
    code, out, _ = run(["explain", "who sits on openai's board"], capsys)
    assert code == 0
    assert "### Elon Musk: abstains" in out
    assert "words 0.500 [openai] (below threshold) (explains only the names the question uses" in out
    code, out, _ = run(["explain", "who sits on openai's board", "--json"], capsys)
    musk = next(s for s in json.loads(out)["figures"] if s["figure"] == "musk")
    assert musk["candidates"][0]["names_only"] is True


def test_repl_runs_commands_from_standard_input(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("ask Llama\nstance musk open source\nstance nobody x\nquit\n"))
    code, out, _ = run(["repl"], capsys)
    assert code == 0
    assert "Facebook's Llama series" in out
    assert "error: unknown figure 'nobody'" in out


def test_console_script_runs_as_a_subprocess():
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", "Llama", "--json"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["stances"][3]["figure"] == "lecun"


def test_ask_loads_only_what_it_uses():
    # A one-off `ask` starts a fresh interpreter: the extractor, the quote checker, the stance map picture,
    # numpy (large records only) and Pillow are left to the commands that use them.
    code = (
        "import sys, bot.cli\n"
        "try:\n    bot.cli.main(['ask', 'regulation'])\nexcept SystemExit:\n    pass\n"
        "unused = ('bot.extract', 'bot.verify', 'bot.build', 'bot.stancemap', 'numpy', 'PIL')\n"
        "print(' '.join(m for m in unused if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == ""
