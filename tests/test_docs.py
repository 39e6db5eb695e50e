"""The documentation keeps up with the command line: every command and every option that
`--help` shows is described in docs/commands.md, and the README links every reference page."""

from __future__ import annotations

import re

import typer.main

from cchc_kpi.cli import app
from tests.conftest import ROOT

DOCS = ROOT / "docs"


def _options() -> dict[str, list[str]]:
    command = typer.main.get_command(app)
    found = {"": [o for p in command.params for o in p.opts if o.startswith("--")]}
    for name, sub in command.commands.items():
        found[name] = [o for p in sub.params for o in getattr(p, "opts", []) if o.startswith("--")]
    return found


def _section(text: str, heading: str) -> str:
    """The text under a heading, up to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    start = text.index(heading + "\n")
    body = start + len(heading) + 1
    ends = [m.start() for m in re.finditer(rf"^#{{1,{len(level)}}} ", text[body:], re.M)]
    return text[start : body + ends[0]] if ends else text[start:]


def test_every_command_and_option_is_documented():
    """Each command has its section in docs/commands.md, and each of its options is named in
    that section or among the options every command shares."""
    text = (DOCS / "commands.md").read_text(encoding="utf-8")
    shared = _section(text, "## Options every command shares")
    missing = []
    for command, options in _options().items():
        if command and f"### `{command}`" not in text:
            missing.append(command)
            continue
        where = shared + (_section(text, f"### `{command}`") if command else "")
        missing += [
            f"{command} {o}" for o in options if not re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", where)
        ]
    assert missing == []


def test_readme_links_every_reference_page():
    """The README links each page of docs/ (and each link points to a file that exists)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = set(re.findall(r"\(docs/([a-z0-9_-]+\.md)\)", readme))
    pages = {p.name for p in DOCS.glob("*.md")}
    assert pages <= links
    assert links <= pages


def test_readme_is_short_and_vietnamese_first():
    """The README is a few hundred lines at most and opens in Vietnamese."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 300
    first = next(line for line in readme.splitlines()[1:] if line.strip())
    assert "hồ sơ" in first
