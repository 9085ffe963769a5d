"""Every command of the app is documented: a one-line help, an example and a line in the README."""

from pathlib import Path

import click

README = Path(__file__).resolve().parents[2] / "README.md"
FLASK_BUILT_INS = {"routes", "run", "shell"}  # Flask's own commands, documented by Flask


def _commands(group, prefix=()):
    """Yield (words, command) for every command of the group, sub-commands included."""
    for name, command in sorted(group.commands.items()):
        if not prefix and name in FLASK_BUILT_INS:
            continue
        words = (*prefix, name)
        if isinstance(command, click.Group):
            yield from _commands(command, words)
        else:
            yield words, command


def test_every_command_has_help_an_example_and_a_readme_line(app, runner):
    readme = README.read_text(encoding="utf-8")
    commands = list(_commands(app.cli))
    assert len(commands) > 10  # the directory, search, orientation, translations and staff commands
    for words, command in commands:
        line = "flask --app app " + " ".join(words)
        assert command.get_short_help_str(limit=200), line
        result = runner.invoke(args=[*words, "--help"])
        assert result.exit_code == 0, line
        assert "Example: " + line in result.output, line
        assert line in readme, f"{line} is not in the README"
