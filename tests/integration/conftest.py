"""Fixtures for the real-server tests (see ``llama_server.py`` for start, stop, CI rules)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from llama_server import Server, start_server


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One llama-server shared by the tests that only talk to it."""
    server = start_server(tmp_path_factory.mktemp("llama") / "server.log")
    yield server
    server.stop()


@pytest.fixture
def own_llama_server(tmp_path: Path) -> Iterator[Server]:
    """A llama-server for one test, which may kill it."""
    server = start_server(tmp_path / "server.log")
    yield server
    server.stop()
