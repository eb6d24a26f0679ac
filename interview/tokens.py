"""Token counting with tiktoken that works offline.

``tiktoken.get_encoding`` downloads its vocabulary files on first use and so fails without a
network. tiktoken also reads them from ``TIKTOKEN_CACHE_DIR`` (each file named by the sha1 of
its URL) and checks their sha256 itself. The ``quicktok-v1`` package ships the same
vocabularies in a compact binary form, so on first use we rebuild the exact ``.tiktoken``
files from it into a user cache directory, verify the sha256 tiktoken expects, and point
``TIKTOKEN_CACHE_DIR`` there. Nothing is ever fetched.
"""

from __future__ import annotations

import base64
import hashlib
import os
import struct
import threading
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import tiktoken

from interview.config import ENV_NAMES, Settings
from interview.errors import ConfigError, LLMBudgetError
from interview.models import LLMUsage
from interview.pricing import estimate_cost


@dataclass(frozen=True)
class _Vocab:
    """One tiktoken vocabulary: where tiktoken would fetch it and its expected sha256."""

    url: str
    sha256: str
    quicktok_file: str


_BLOB = "https://openaipublic.blob.core.windows.net/encodings/"
VOCABS: dict[str, _Vocab] = {
    "cl100k_base": _Vocab(
        _BLOB + "cl100k_base.tiktoken",
        "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
        "quicktok/data/cl100k.vocab",
    ),
    "o200k_base": _Vocab(
        _BLOB + "o200k_base.tiktoken",
        "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
        "quicktok/data/o200k.vocab",
    ),
}
# Models tiktoken does not know (local servers, new names) are counted with this: an estimate.
DEFAULT_ENCODING = "o200k_base"
# The chat format adds a few tokens per message and for priming the reply (OpenAI cookbook).
TOKENS_PER_MESSAGE = 3
TOKENS_PER_REPLY = 3

_lock = threading.Lock()


def default_cache_dir() -> Path:
    """The user cache directory for the rebuilt vocabulary files."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "interview-coach" / "tiktoken"


def cache_file_name(url: str) -> str:
    """The file name tiktoken looks for in its cache directory: the sha1 of the URL."""
    return hashlib.sha1(url.encode()).hexdigest()  # noqa: S324 - tiktoken's naming, not security


def rebuild_vocab(packed: bytes) -> bytes:
    """Turn quicktok's packed vocabulary into tiktoken's ``base64(token) rank`` lines.

    The packed form is a little-endian u32 count, then per token a u16 length, the token's
    bytes and its u32 rank.
    """
    (count,) = struct.unpack_from("<I", packed, 0)
    offset = 4
    ranked: list[tuple[int, bytes]] = []
    for _ in range(count):
        (length,) = struct.unpack_from("<H", packed, offset)
        token = packed[offset + 2 : offset + 2 + length]
        (rank,) = struct.unpack_from("<I", packed, offset + 2 + length)
        offset += 2 + length + 4
        ranked.append((rank, token))
    if offset != len(packed):
        raise ValueError("packed vocabulary has trailing bytes")
    ranked.sort()
    lines = (base64.b64encode(tok) + b" " + str(rank).encode() + b"\n" for rank, tok in ranked)
    return b"".join(lines)


def _quicktok_data(relative: str) -> bytes:
    try:
        dist = metadata.distribution("quicktok-v1")
    except metadata.PackageNotFoundError:
        raise ConfigError(
            "tiktoken vocabulary", "the quicktok-v1 package is missing; reinstall interview-coach"
        ) from None
    return Path(str(dist.locate_file(relative))).read_bytes()


def ensure_vocab_files(cache_dir: Path) -> Path:
    """Write every known vocabulary into ``cache_dir`` unless a verified copy is there.

    Raises ``ConfigError`` if a rebuilt file does not have the sha256 tiktoken expects, so a
    corrupted package never produces silently wrong counts.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    for name, vocab in VOCABS.items():
        target = cache_dir / cache_file_name(vocab.url)
        if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == vocab.sha256:
            continue
        data = rebuild_vocab(_quicktok_data(vocab.quicktok_file))
        if hashlib.sha256(data).hexdigest() != vocab.sha256:
            raise ConfigError(
                "tiktoken vocabulary", f"{name} rebuilt from quicktok-v1 has the wrong sha256"
            )
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(target)  # atomic, so a concurrent reader never sees half a file
    return cache_dir


@cache
def get_encoding(name: str) -> tiktoken.Encoding:
    """A tiktoken encoding, built offline. Respects a ``TIKTOKEN_CACHE_DIR`` already set."""
    if name not in VOCABS:
        name = DEFAULT_ENCODING
    with _lock:
        cache_dir = Path(os.environ.get("TIKTOKEN_CACHE_DIR") or default_cache_dir())
        ensure_vocab_files(cache_dir)
        os.environ["TIKTOKEN_CACHE_DIR"] = str(cache_dir)
        return tiktoken.get_encoding(name)


def encoding_name_for(model: str) -> str:
    """The encoding a model uses; unknown and older models are estimated with o200k."""
    try:
        name = tiktoken.encoding_name_for_model(model)
    except KeyError:
        return DEFAULT_ENCODING
    return name if name in VOCABS else DEFAULT_ENCODING


def count_tokens(text: str, model: str) -> int:
    """How many tokens ``text`` is for ``model`` (special-token text counts as plain text)."""
    return len(get_encoding(encoding_name_for(model)).encode(text, disallowed_special=()))


def count_messages(messages: list[dict[str, str]], model: str) -> int:
    """Prompt tokens of a chat request: message contents plus the chat format's overhead."""
    content = sum(count_tokens(m["content"], model) for m in messages)
    return content + TOKENS_PER_MESSAGE * len(messages) + TOKENS_PER_REPLY


def truncate_to_tokens(text: str, max_tokens: int, model: str) -> tuple[str, bool]:
    """``text`` cut to at most ``max_tokens`` tokens, and whether anything was cut."""
    encoding = get_encoding(encoding_name_for(model))
    tokens = encoding.encode(text, disallowed_special=())
    if len(tokens) <= max_tokens:
        return text, False
    # decode may end mid-character; errors="ignore" drops the partial byte sequence.
    return encoding.decode_bytes(tokens[:max_tokens]).decode("utf-8", errors="ignore"), True


def check_session_budget(
    usage: LLMUsage, settings: Settings, prompt_tokens: int, completion_cap: int
) -> None:
    """Raise ``LLMBudgetError`` if one more call could pass the session's call or token cap.

    The worst case is counted (the prompt plus the full completion allowance), so a session
    can never end over its budget, only short of it.
    """
    if usage.calls + 1 > settings.session_llm_call_limit:
        raise LLMBudgetError(
            f"This session has made its {settings.session_llm_call_limit} language-model calls "
            f"(limit set by {ENV_NAMES['session_llm_call_limit']}); grading goes on offline."
        )
    needed = usage.total_tokens + prompt_tokens + completion_cap
    if needed > settings.session_token_budget:
        raise LLMBudgetError(
            f"This session has used {usage.total_tokens:,} of its "
            f"{settings.session_token_budget:,} language-model tokens and the next call needs up "
            f"to {prompt_tokens + completion_cap:,} (limit set by "
            f"{ENV_NAMES['session_token_budget']}); grading goes on offline."
        )


def record_call(usage: LLMUsage, model: str, prompt_tokens: int, completion_tokens: int) -> None:
    """Add one sent request to ``usage``, with its estimated cost when the model is priced."""
    usage.calls += 1
    usage.prompt_tokens += prompt_tokens
    usage.completion_tokens += completion_tokens
    cost = estimate_cost(model, prompt_tokens, completion_tokens)
    if cost is None:
        usage.cost_complete = False
    else:
        usage.estimated_cost_usd += cost
