"""Grading engines behind one ``Grader`` protocol, and ``make_grader`` to pick one."""

from __future__ import annotations

from interview.config import Settings
from interview.errors import ConfigError
from interview.grading.base import Grader
from interview.grading.offline import OfflineGrader
from interview.models import LLMUsage, RoleFocus

__all__ = ["Grader", "OfflineGrader", "make_grader"]


def make_grader(
    settings: Settings, usage: LLMUsage | None = None, role: RoleFocus | None = None
) -> Grader:
    """The grader the settings ask for: ``offline`` (default) or ``llm``.

    For ``llm``, pass the session's ``record.llm_usage`` as ``usage`` so its token and call
    caps count every call and survive a reload; ``role`` names the job in the prompts.
    Raises ``ConfigError`` if the llm backend has neither a key nor a base URL.
    """
    if settings.backend == "offline":
        return OfflineGrader()
    if settings.backend != "llm":
        raise ConfigError("INTERVIEW_GRADER", f"unknown backend {settings.backend!r}")
    # Imported here so the offline path never loads the openai SDK.
    from interview.grading.llm import LLMGrader
    from interview.llm import LLMClient, make_openai_client

    client = LLMClient(make_openai_client(settings), settings, usage)
    label = role.label if role is not None else "ML and data"
    return LLMGrader(client, fallback=OfflineGrader(), role=label)
