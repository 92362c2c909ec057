"""The benchmarks still run (on tiny inputs): two broke unnoticed when the code they call
changed (profile_filing after bench_backlog's message maker, bench_queries after the list
commands got --format). Their numbers are not checked here, only that they finish."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("argv", [
    ["bench/profile_filing.py", "--messages", "3"],
    ["bench/bench_queries.py", "--count", "30", "--db", "sqlite", "--rounds", "1",
     "--filing", "1"],
])
def test_a_benchmark_runs_to_the_end(argv: list[str]) -> None:
    result = subprocess.run([sys.executable, *argv], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
