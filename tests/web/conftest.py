"""Fixtures for the console tests: a filled registry and a running console per module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from console_helpers import Console, console_app, start_console


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Console]:
    out = tmp_path_factory.mktemp("console")
    app = console_app(out)
    running = start_console(app, out)
    yield running
    running.server.stop()
    app.close()
