"""Golden transcripts: the same data and input give the same output, byte for byte.

After an intended change, regenerate with ``UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``
and read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.cli import main

GOLDEN = Path(__file__).with_name("golden")
CASES = {
    "debate-open-source.md": ["debate", "open source"],
    "debate-safety.md": ["debate", "safety"],
    "ask-regulation.md": ["ask", "regulation"],
    "explain-llama.md": ["explain", "Llama"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_transcript_matches_golden(name, capsys):
    assert main(CASES[name]) == 0
    out = capsys.readouterr().out
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")
