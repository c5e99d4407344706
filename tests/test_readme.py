"""The README's walk-through is real: its commands run here, and their output is what it shows.

``STORYWEAVE_UPDATE_README=1 pytest tests/test_readme.py`` rewrites the block from a fresh run
(after a change that alters the output on purpose); without it, a difference fails the test.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyweave.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"
START = "<!-- walkthrough: tests/test_readme.py runs these commands and checks their output -->"
END = "<!-- /walkthrough -->"


def _block(text: str) -> tuple[int, int, str]:
    start = text.index(START) + len(START)
    end = text.index(END, start)
    body = text[start:end]
    m = re.search(r"```console\n(.*?)```", body, re.DOTALL)
    assert m is not None, "the walk-through has no console block"
    return start + m.start(1), start + m.end(1), m.group(1)


def _steps(block: str) -> list[tuple[str, list[str]]]:
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    return steps


def _run(command: str, shown: list[str]) -> list[str]:
    """Run one shown command in the current folder: ``cat FILE`` writes the file it shows."""
    words = shlex.split(command)
    if words[0] == "cat":
        Path(words[1]).write_text("\n".join(shown) + "\n", encoding="utf-8")
        return shown
    assert words[0] == "storyweave", command
    res = CliRunner().invoke(main, words[1:])
    assert res.exit_code == 0, res.output
    return [line.rstrip() for line in res.output.rstrip("\n").splitlines()]


@pytest.mark.slow
def test_the_readme_walkthrough_prints_what_it_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = README.read_text(encoding="utf-8")
    begin, end, block = _block(text)
    monkeypatch.chdir(tmp_path)
    lines: list[str] = []
    for command, shown in _steps(block):
        got = _run(command, shown)
        lines += [f"$ {command}", *got]
        if not os.environ.get("STORYWEAVE_UPDATE_README"):
            assert got == [s.rstrip() for s in shown], f"`{command}` printed:\n" + "\n".join(got)
    if os.environ.get("STORYWEAVE_UPDATE_README"):
        README.write_text(text[:begin] + "\n".join(lines) + "\n" + text[end:], encoding="utf-8")
