"""The README documents every command and option users can type."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from missive.cli.app import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, list[str]]:
    group = typer.main.get_command(app)
    return {name: [opt for p in cmd.params for opt in p.opts if opt.startswith("--")]
            for name, cmd in group.commands.items()}


def test_every_command_is_in_the_readme():
    missing = [name for name in _commands() if f"missive {name}" not in README]
    assert not missing, f"commands missing from README: {missing}"


def test_every_option_is_in_the_readme():
    missing = [f"{name} {opt}" for name, opts in _commands().items() for opt in opts
               if opt not in README and opt != "--help"]
    assert not missing, f"options missing from README: {missing}"


def test_the_quick_start_is_two_commands():
    start = README.index("## Quick start")
    block = README[start:].split("```")[1]
    commands = [line.split("#")[0].strip() for line in block.splitlines()[1:] if line.strip()]
    assert commands == ["make demo", "make test"]


@pytest.mark.model
def test_the_library_example_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    """The README's Python block needs nothing but `import missive` (a missing folder is a Skip)."""
    start = README.index("## Library")
    block = README[start:].split("```python")[1].split("```")[0]
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - the README's own example
    assert "message Xi Jinping CHN -> PRK" in capsys.readouterr().out
