"""The front half stays readable (issue #11): no function in parsers/ over 40 lines, so a
new reading rule goes into a function of its own instead of one more branch."""

from __future__ import annotations

import ast
from pathlib import Path

PARSERS = Path(__file__).resolve().parents[1] / "parsers"
MAX_LINES = 40


def long_functions() -> list[str]:
    found = []
    for path in sorted(PARSERS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_LINES:
                    found.append(f"{path.name}:{node.lineno} {node.name} ({lines} lines)")
    return found


def test_no_function_in_parsers_is_over_40_lines() -> None:
    assert long_functions() == []
