"""The README is for users: it must tell the truth about commands and settings."""

from __future__ import annotations

import re
from pathlib import Path

from innograph.settings import Settings, settings_table

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_configuration_table_matches_the_settings() -> None:
    block = re.search(r"<!-- settings-table -->\n(.*?)\n<!-- /settings-table -->", README, re.S)
    assert block, "README lost its configuration table markers"
    assert block.group(1) == settings_table(), "run: .venv/bin/python -m innograph.settings and paste the table"


def test_every_setting_has_a_description() -> None:
    assert all(field.description for field in Settings.model_fields.values())


def test_quick_start_has_exactly_the_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^python3 tasks\.py (\w+)", quick, re.M)
    assert commands == ["serve", "test"]
