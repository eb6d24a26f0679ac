"""The language model for the coaching extras (follow-ups, job descriptions, thank-you
emails, study plans), built from the settings, or ``None`` when the backend is offline.

Each client counts into a ``LLMUsage`` (normally the session's ``record.llm_usage``), so
the per-session caps hold for these calls too. The openai SDK is imported only here and
only for the llm backend.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from interview.config import Settings
from interview.followups import FollowUpWriter, LLMFollowUps, offline_follow_up
from interview.models import LLMUsage, SessionRecord

if TYPE_CHECKING:
    from interview.llm import LLMClient


def llm_for(settings: Settings, usage: LLMUsage) -> LLMClient | None:
    """A client for the configured model counting into ``usage``; ``None`` offline."""
    if settings.backend != "llm":
        return None
    from interview.llm import LLMClient, make_openai_client

    return LLMClient(make_openai_client(settings), settings, usage)


def follow_up_writer(settings: Settings, record: SessionRecord) -> FollowUpWriter:
    """The follow-up writer for ``record``: the model's when configured, else offline."""
    llm = llm_for(settings, record.llm_usage)
    return offline_follow_up if llm is None else LLMFollowUps(llm, record.role.label)
