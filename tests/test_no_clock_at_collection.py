"""No test reads the clock when the tests are collected.

A value like `time.time() + 6 * 60` in a `parametrize` list is computed once, at
collection; on a loaded machine the test that uses it runs minutes later, and "six minutes
in the future" has become one. Clock reads belong inside the test (or a fixture).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
#: Calls that read the wall clock or today's date.
CLOCK_READS = frozenset(
    {"time.time", "time.monotonic", "datetime.now", "datetime.utcnow", "date.today"}
)


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def clock_reads_at_import(source: str) -> list[int]:
    """Lines where a clock is read by code that runs at import: module level, class
    bodies, decorators and default values — everything but the bodies of functions."""
    found: list[int] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            outside_body: list[ast.AST] = [*node.args.defaults, *node.args.kw_defaults]  # type: ignore[list-item]
            if not isinstance(node, ast.Lambda):
                outside_body += node.decorator_list
            for child in outside_body:
                if child is not None:
                    visit(child)
            return
        if isinstance(node, ast.Call) and any(
            _dotted(node.func).endswith(name) for name in CLOCK_READS
        ):
            found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return found


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("import time\nX = [time.time() + 360]\n", [2]),
        ("@pytest.mark.parametrize('t', [datetime.now()])\ndef test_a(t): ...\n", [1]),
        ("def test_b(t=date.today()): ...\n", [1]),
        ("def test_c():\n    return time.time()\n", []),
        ("async def test_d():\n    f = lambda: time.monotonic()\n", []),
    ],
)
def test_the_check_finds_clock_reads_that_run_at_collection(source: str, lines: list[int]) -> None:
    assert clock_reads_at_import(source) == lines


def test_no_test_module_reads_the_clock_at_collection() -> None:
    offenders = {
        str(path.relative_to(TESTS)): lines
        for path in sorted(TESTS.rglob("*.py"))
        if (lines := clock_reads_at_import(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}
