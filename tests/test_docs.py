"""The README says things the code must keep true."""

from __future__ import annotations

import re

from phb_tui.shell.keys import remappable_ids

from .conftest import ROOT


def test_the_readme_names_every_key_that_can_be_remapped() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Changing the keys") :]
    section = section[: section.index("\n## ")]
    named = set(re.findall(r"`([a-z_]+\.[a-z_]+)`", section)) - {"keys.toml"}
    assert named == remappable_ids()


def test_the_quick_start_has_exactly_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme[readme.index("## Quick start") : readme.index("\n## ", readme.index("## Quick start") + 1)]
    commands = re.findall(r"```sh\n(.*?)\n```", quick_start, re.S)
    assert commands == [
        "python3 -m venv --without-pip .venv && python3 -m pip --python .venv/bin/python install -c constraints.txt "
        '".[documents,easy-read]" && .venv/bin/phb',
        "python3 -m venv --without-pip .venv && python3 -m pip --python .venv/bin/python install -c constraints.txt "
        '-e ".[test]" && .venv/bin/python -m pytest -m "" -n auto',
    ]
