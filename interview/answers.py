"""Answer intake: what the candidate typed, made safe to store, show and grade.

Control characters (NUL included) are dropped; every script, emoji and combining mark is
kept (QUALITY B3). An empty answer is refused with a clear message (B1), and an over-long
one is cut to the configured limit with a notice the candidate sees (B2, S4).
"""

from __future__ import annotations

import re
import unicodedata

from interview.config import ENV_NAMES
from interview.errors import AnswerRejectedError

# Control characters are dropped from answers, except these layout ones.
_KEPT_CONTROLS = frozenset("\n\t")


def clean_answer(text: str) -> str:
    """Drop NUL and other control characters; keep newlines, tabs and every script intact.

    Windows and old-Mac line endings become ``\\n``; blank lines at the start and
    whitespace at the end are trimmed. Emoji, CJK, right-to-left text, combining marks and
    format characters such as the zero-width joiner are kept as typed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(
        ch for ch in text if ch in _KEPT_CONTROLS or unicodedata.category(ch) not in {"Cc", "Cs"}
    )
    return re.sub(r"\A(?:[ \t]*\n)+", "", kept).rstrip()


def prepare_answer(text: str, max_chars: int) -> tuple[str, list[str]]:
    """The answer as it will be stored and graded, with any notice for the candidate.

    Raises ``AnswerRejectedError`` for an answer with nothing in it (QUALITY B1). An
    answer longer than ``max_chars`` is cut to that many characters (QUALITY B2).
    """
    cleaned = clean_answer(text)
    if not cleaned.strip():
        raise AnswerRejectedError(
            "Your answer is empty. Type an answer (or press Skip) - the question is still open."
        )
    if len(cleaned) <= max_chars:
        return cleaned, []
    notice = (
        f"Your answer was {len(cleaned):,} characters long; only the first {max_chars:,} "
        f"were kept and graded (the limit is set by {ENV_NAMES['max_answer_chars']})."
    )
    return cleaned[:max_chars], [notice]
