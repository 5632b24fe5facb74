"""The import-linter contracts in pyproject.toml hold, and they would catch a core module or a
handler that imports Slack: the check runs `lint-imports` on a copy of the packages with one
bad import added, so a contract that silently stopped matching anything fails here."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "storage")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` on the packages in `tree`, which come first on the import path."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(  # noqa: S603 - our own console script, fixed arguments
        [str(LINT_IMPORTS), "--no-logo", "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def copy_of_the_project(tmp_path: Path) -> Path:
    tree = tmp_path / "project"
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, tree / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy2(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_the_project_keeps_its_import_contracts() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "bad_import", "refusal"),
    [
        (
            "bot/domain/__init__.py",
            "import slack_sdk",
            "bot.domain is not allowed to import slack_sdk",
        ),
        ("storage/db.py", "import slack_bolt", "storage is not allowed to import slack_bolt"),
        (
            "bot/domain/__init__.py",
            "import handlers.slack",
            "bot.domain is not allowed to import handlers.slack",
        ),
        (
            "handlers/actions/guides.py",
            "import slack_sdk",
            "handlers.actions is not allowed to import slack_sdk",
        ),
        (
            "handlers/reply.py",
            "import handlers.slack.reply",
            "handlers.reply is not allowed to import handlers.slack",
        ),
    ],
)
def test_a_core_module_or_handler_that_imports_slack_breaks_a_contract(
    tmp_path: Path, module: str, bad_import: str, refusal: str
) -> None:
    tree = copy_of_the_project(tmp_path)
    source = tree / module
    source.write_text(source.read_text(encoding="utf-8") + f"\n{bad_import}\n", encoding="utf-8")
    result = lint_imports(tree)
    assert result.returncode == 1, result.stdout + result.stderr
    assert refusal in result.stdout
