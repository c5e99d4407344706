"""The docs keep up with the code: every command, setting and stage is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyweave.cli import main
from storyweave.config import SETTINGS, Settings
from storyweave.pipeline import Pipeline, registered

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))  # type: ignore[attr-defined]
def test_every_cli_command_is_in_the_user_guide(command: str) -> None:
    assert f"### `storyweave {command}" in GUIDE


@pytest.mark.parametrize("setting", [s.name for s in SETTINGS])
def test_every_setting_is_in_the_user_guide(setting: str) -> None:
    assert re.search(rf"^\| `{setting}` \|", GUIDE, re.MULTILINE)


def test_settings_table_matches_the_settings_object() -> None:
    defaults = Settings()
    for s in SETTINGS:
        assert getattr(defaults, s.name) == s.default, s.name


def test_every_stage_has_a_page() -> None:
    Pipeline()
    pages = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs" / "stages").glob("*.md"))
    for name in registered():
        assert f"`{name}`" in pages, name


def test_every_error_code_is_in_the_user_guide_or_internal() -> None:
    from storyweave.errors import MESSAGES

    for code in MESSAGES:
        if code.startswith("E1"):  # input errors are what users meet
            assert f"| {code} |" in GUIDE, code


def test_contributing_lists_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_cmds = re.findall(r"^(make \w+)$", ci, re.MULTILINE)
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = re.search(r"```console\n(.*?)```", contributing, re.DOTALL)
    assert block is not None
    assert block.group(1).split("\n")[:-1] == ci_cmds
    assert "make test" in ci_cmds


def test_settings_load_from_environment() -> None:
    s = Settings.load(environ={"STORYWEAVE_BATCH_SIZE": "8"})
    assert s.batch_size == 8
    from storyweave.errors import ConfigError

    with pytest.raises(ConfigError, match="STORYWEAVE_BATCH_SIZE"):
        Settings.load(environ={"STORYWEAVE_BATCH_SIZE": "many"})
    with pytest.raises(ConfigError, match="E501"):
        Settings.load({"nope": 1})


def _doc_commands() -> list[tuple[str, str]]:
    """(doc file, command line) for every `storyweave COMMAND ...` the docs show: in inline
    code and in code blocks."""
    found = []
    files = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    for path in files:
        text = path.read_text(encoding="utf-8")
        lines = re.findall(r"`(storyweave [^`\n]+)`", text)
        for block in re.findall(r"```[a-z]*\n(.*?)```", text, re.DOTALL):
            lines += [
                re.sub(r"^\$\s*", "", line.strip())
                for line in block.splitlines()
                if re.match(r"^(\$\s*)?storyweave \w", line.strip())
            ]
        found += [(path.name, line) for line in lines]
    return found


@pytest.mark.parametrize(("doc", "line"), _doc_commands())
def test_every_command_and_flag_the_docs_show_exists(doc: str, line: str) -> None:
    words = line.split()
    command = main.commands.get(words[1])  # type: ignore[attr-defined]
    if command is None:  # the group's own options: storyweave --version, -v
        assert words[1] in {"-v", "--verbose", "--version", "--help"}, f"{doc}: `{line}`"
        return
    known = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)} | {"--help"}
    flags = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", line))
    assert flags <= known, f"{doc}: `{line}`: {sorted(flags - known)} not options of {words[1]}"
