"""The manual: README.md is a front page, docs/*.md the rest, and every
relative link in them (with its #anchor) leads somewhere."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README_MAX_LINES = 350

FENCE = re.compile(r"^ {0,3}(```|~~~)")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def pages() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def prose_lines(text: str) -> list[str]:
    """The lines outside fenced code blocks (where neither headings nor links count)."""
    lines, fenced = [], None
    for line in text.splitlines():
        fence = FENCE.match(line)
        if fence and (fenced is None or fence.group(1) == fenced):
            fenced = None if fenced else fence.group(1)
            continue
        if fenced is None:
            lines.append(line)
    return lines


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: ``Parquet tables (`-f parquet -o DIR/`)`` -> ``parquet-tables--f-parquet--o-dir``."""
    text = INLINE_CODE.sub(lambda m: m.group(2), heading)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link's text
    text = re.sub(r"[*~]|(?<!\w)_|_(?!\w)", "", text)  # emphasis, not snake_case
    text = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every heading's anchor in a Markdown file, repeated ones numbered as GitHub does (-1, -2, ...)."""
    seen: dict[str, int] = {}
    found = set()
    for line in prose_lines(path.read_text(encoding="utf-8")):
        match = HEADING.match(line)
        if not match:
            continue
        base = slug(match.group(2))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(text: str) -> list[str]:
    """The targets of inline, image and reference links outside code."""
    targets = []
    for line in prose_lines(text):
        reference = REFERENCE.match(line)
        if reference:
            targets.append(reference.group(1))
            continue
        targets += LINK.findall(INLINE_CODE.sub("code", line))
    return targets


def broken_links(path: Path) -> list[str]:
    """Each relative link of ``path`` whose file, or heading, does not exist."""
    problems = []
    for target in links(path.read_text(encoding="utf-8")):
        if SCHEME.match(target):
            continue  # https:, mailto: ...: not ours to check
        file_part, _, anchor = target.partition("#")
        linked = (path.parent / file_part).resolve() if file_part else path
        if not linked.exists():
            problems.append(f"{target}: no file {linked}")
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            problems.append(f"{target}: no heading #{anchor} in {linked.name}")
    return problems


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Acts", "acts"),
        ("Speakers, gender and positions", "speakers-gender-and-positions"),
        ("Parquet tables (`-f parquet -o DIR/`)", "parquet-tables--f-parquet--o-dir"),
        ("`claimx eval CORPUS [--split dev] [--json]`", "claimx-eval-corpus---split-dev---json"),
        ("The record (`schema: claimx/1`)", "the-record-schema-claimx1"),
        ("How it works (for contributors)", "how-it-works-for-contributors"),
        ("`claimx_paragraphs` and *emphasis*", "claimx_paragraphs-and-emphasis"),
        ("[Speed](speed.md) figures", "speed-figures"),
        ("Dates: TimeML", "dates-timeml"),
    ],
)
def test_slug_is_githubs(heading, expected):
    assert slug(heading) == expected


def test_repeated_headings_are_numbered_and_code_is_not_a_heading(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Speed\n\n## Speed\n\n```bash\n# a comment, not a heading\n```\n", encoding="utf-8")
    assert anchors(page) == {"speed", "speed-1"}


def test_a_broken_link_or_anchor_is_reported(tmp_path):
    (tmp_path / "other.md").write_text("# Cluster speed\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "# Title\n\n"
        "[fine](other.md#cluster-speed), [here](#title), [web](https://example.com/x.md)\n"
        "[no file](missing.md), [no heading](other.md#speed), [not here](#nowhere)\n"
        "`[in code](gone.md)`\n\n```\n[in a block](gone.md)\n```\n\n"
        "[ref]: also-missing.png\n",
        encoding="utf-8",
    )
    problems = broken_links(page)
    assert [p.split(":")[0] for p in problems] == ["missing.md", "other.md#speed", "#nowhere", "also-missing.png"]


def test_the_manual_exists_with_its_index():
    assert (ROOT / "docs" / "README.md").exists()
    assert len(pages()) > 5


@pytest.mark.parametrize("path", pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(path):
    assert broken_links(path) == []


def test_readme_is_a_front_page():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES, f"README.md has {len(lines)} lines; move sections into docs/"


def test_every_docs_page_is_in_the_index():
    index = ROOT / "docs" / "README.md"
    linked = {(index.parent / t.partition("#")[0]).resolve() for t in links(index.read_text(encoding="utf-8"))}
    unlisted = [p.name for p in sorted((ROOT / "docs").glob("*.md")) if p != index and p.resolve() not in linked]
    assert unlisted == []


def test_claimx_help_points_to_the_manual():
    from typer.testing import CliRunner

    from claimx.cli import app

    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "docs/README.md" in result.output
