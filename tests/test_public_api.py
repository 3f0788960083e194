"""The public surface: what `import keeptabs` offers, and that every command is documented."""

from __future__ import annotations

import re

from typer.testing import CliRunner

import keeptabs
from keeptabs.cli import app

from conftest import ROOT


def test_public_api_all_names_exist() -> None:
    assert keeptabs.__all__ == sorted(keeptabs.__all__)
    for name in keeptabs.__all__:
        assert hasattr(keeptabs, name), name


def test_public_api_every_command_is_in_the_readme(runner: CliRunner) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    help_text = runner.invoke(app, ["--help"]).stdout
    commands = re.findall(r"^│ (\w+)\s", help_text, flags=re.MULTILINE) or re.findall(
        r"^  (\w+)\s{2,}", help_text, flags=re.MULTILINE
    )
    assert {"ingest", "claims", "eval", "demo"} <= set(commands)
    for command in commands:
        assert f"keeptabs {command}" in readme, command


def test_public_api_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_screen = "\n".join(readme.splitlines()[:25])
    assert "make demo" in first_screen and "make test" in first_screen
