"""The docs stay true: generated model pages are current, and every public name is documented."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import bandwidth
from bandwidth import CallsApi

ROOT = Path(__file__).resolve().parents[2]


def test_model_pages_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "generate.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_calls_api_page_covers_every_public_method() -> None:
    text = (ROOT / "docs" / "CallsApi.md").read_text()
    for name, _ in inspect.getmembers(CallsApi, inspect.isfunction):
        if not name.startswith("_"):
            base = name.replace("_with_http_info", "").replace("_without_preload_content", "")
            assert f"## {base}" in text, name


def test_every_public_name_has_a_docstring() -> None:
    for name in bandwidth.__all__:
        if name == "__version__":
            continue
        value = getattr(bandwidth, name)
        assert inspect.getdoc(value), name
        if inspect.isclass(value):
            for attr, member in vars(value).items():
                if not attr.startswith("_") and inspect.isfunction(member):
                    assert inspect.getdoc(member), f"{name}.{attr}"


def test_relative_links_in_the_docs_resolve() -> None:
    import re

    link = re.compile(r"\]\(([^)\s#]+)(#[^)\s]*)?\)")
    broken = []
    pages = [ROOT / name for name in ("README.md", "CONTRIBUTING.md", "CHANGELOG.md")]
    for page in [*pages, *sorted((ROOT / "docs").glob("*.md"))]:
        for target, _ in link.findall(page.read_text(encoding="utf-8")):
            if "://" in target or target.startswith("mailto:"):
                continue
            if not (page.parent / target).exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert broken == []


def test_every_python_block_in_the_docs_is_python() -> None:
    """A block fenced ``python`` parses: signature listings are fenced ``text``, so a
    reader (and a tool) can trust that a ``python`` block is code to run."""
    import ast
    import re

    block = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
    broken = []
    pages = [ROOT / name for name in ("README.md", "PYPI.md", "CONTRIBUTING.md")]
    for page in [*pages, *sorted((ROOT / "docs").glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for match in block.finditer(text):
            try:
                ast.parse(match.group(1))
            except SyntaxError as exc:
                line = text[: match.start()].count("\n") + 1
                broken.append(f"{page.relative_to(ROOT)}:{line}: {exc.msg}")
    assert broken == []
