"""One ``Settings`` object, built at the edge from the environment and an optional ``.env``.

Nothing here runs at import time: ``app.py`` and the CLI call ``load_settings()`` once and
pass the result down. Every bad value raises ``ConfigError`` naming the environment
variable to fix; the API key is held as a ``SecretStr`` so it never prints.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from interview.errors import ConfigError

Backend = Literal["offline", "llm"]

# Environment variable for each field; the single source for docs and error messages.
ENV_NAMES: dict[str, str] = {
    "backend": "INTERVIEW_GRADER",
    "openai_api_key": "OPENAI_API_KEY",
    "openai_base_url": "OPENAI_BASE_URL",
    "model": "INTERVIEW_MODEL",
    "timeout_s": "INTERVIEW_LLM_TIMEOUT",
    "max_retries": "INTERVIEW_LLM_MAX_RETRIES",
    "db_path": "INTERVIEW_DB_PATH",
    "max_answer_chars": "INTERVIEW_MAX_ANSWER_CHARS",
    "answer_token_budget": "INTERVIEW_ANSWER_TOKEN_BUDGET",
    "session_token_budget": "INTERVIEW_SESSION_TOKEN_BUDGET",
    "session_llm_call_limit": "INTERVIEW_SESSION_LLM_CALLS",
    "follow_ups_per_question": "INTERVIEW_FOLLOW_UPS",
}


def default_db_path() -> Path:
    """Where sessions are saved unless INTERVIEW_DB_PATH says otherwise."""
    return Path.home() / ".interview-coach" / "sessions.sqlite3"


class Settings(BaseModel):
    """Every setting the app reads; see ``.env.example`` for each one explained."""

    model_config = ConfigDict(frozen=True)

    backend: Backend = "offline"
    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    model: str = Field(default="gpt-4o-mini", min_length=1)
    timeout_s: float = Field(default=60.0, gt=0, le=600)
    max_retries: int = Field(default=2, ge=0, le=10)
    db_path: Path = Field(default_factory=default_db_path)
    max_answer_chars: int = Field(default=20_000, ge=100, le=200_000)
    answer_token_budget: int = Field(default=2_000, ge=50)
    session_token_budget: int = Field(default=200_000, ge=1_000)
    session_llm_call_limit: int = Field(default=100, ge=1)
    follow_ups_per_question: int = Field(default=1, ge=0, le=3)

    @field_validator("openai_base_url")
    @classmethod
    def _valid_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parsed = urlparse(value)
        if parsed.scheme not in {"http", "https"} or not parsed.netloc:
            raise ValueError("must be an http:// or https:// URL such as http://127.0.0.1:11434/v1")
        return value.rstrip("/")

    @field_validator("model")
    @classmethod
    def _model_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value.strip()


def read_dotenv(path: Path) -> dict[str, str]:
    """Parse a ``.env`` file of ``KEY=value`` lines; comments and blanks are ignored."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip().removeprefix("export ").strip()
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key] = value
    return values


def load_settings(
    environ: Mapping[str, str] | None = None, dotenv: Path | None = Path(".env")
) -> Settings:
    """Build ``Settings`` from ``environ`` (default ``os.environ``) over an optional ``.env``.

    Real environment variables win over the ``.env`` file. Empty values count as unset,
    except the model name: a blank ``INTERVIEW_MODEL`` is an error, not a silent default.
    """
    merged: dict[str, str] = read_dotenv(dotenv) if dotenv is not None else {}
    merged.update(os.environ if environ is None else environ)
    raw: dict[str, str] = {}
    for field, env in ENV_NAMES.items():
        value = merged.get(env)
        if value is not None and (value.strip() != "" or field == "model"):
            raw[field] = value.strip()
    if "backend" not in raw and ("openai_api_key" in raw or "openai_base_url" in raw):
        raw["backend"] = "llm"
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = str(error["loc"][0]) if error["loc"] else "?"
        raise ConfigError(ENV_NAMES.get(field, field), error["msg"]) from None
