"""Render the prompt files in ``prompts/`` into chat messages.

Each file is Markdown a non-programmer can edit. A line ``<!-- system -->`` starts the
instructions and a line ``<!-- user -->`` starts the message carrying the data; ``$name``
marks a value filled in with ``string.Template`` (write ``$$`` for a literal dollar sign).
A value the template needs but was not given raises ``PromptError`` listing every missing
name: a prompt is never sent with a blank where the answer should be.

The candidate's words always go through ``delimit``: they sit between two marker lines that
carry a random boundary the candidate cannot know, so a fake closing tag inside an answer
cannot end the block.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from functools import cache
from pathlib import Path
from string import Template

from interview.errors import PromptError

ROLES = ("system", "user")
_MARKER = re.compile(r"^<!--\s*(system|user)\s*-->\s*$", re.MULTILINE)
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def prompts_dir() -> Path:
    """The prompt files: inside the installed package, or ``prompts/`` in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_prompts"
    return packaged if packaged.is_dir() else here.parent / "prompts"


@cache
def load_template(name: str, directory: Path | None = None) -> dict[str, Template]:
    """The system and user templates of ``prompts/<name>.md``; ``PromptError`` if unusable."""
    if not _NAME.match(name):
        raise PromptError(f"Prompt name {name!r} is not a valid file name.")
    path = (directory or prompts_dir()) / f"{name}.md"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PromptError(f"Prompt file {path} cannot be read: {exc.strerror}.") from None
    parts = _MARKER.split(text)
    # split gives [preamble, role, body, role, body, ...]; the preamble is a comment for editors.
    sections = dict(zip(parts[1::2], parts[2::2], strict=True))
    missing = [role for role in ROLES if not sections.get(role, "").strip()]
    if missing or len(parts[1::2]) != len(ROLES):
        raise PromptError(
            f"Prompt file {path} needs exactly one '<!-- system -->' and one '<!-- user -->' "
            "section, each with text."
        )
    templates = {role: Template(sections[role].strip()) for role in ROLES}
    for role, template in templates.items():
        if not template.is_valid():
            raise PromptError(
                f"Prompt file {path}, {role} section: a '$' must start a name such as $answer "
                "(write $$ for a dollar sign)."
            )
    return templates


def variables(name: str, directory: Path | None = None) -> set[str]:
    """Every ``$name`` the prompt ``name`` needs."""
    return {v for t in load_template(name, directory).values() for v in t.get_identifiers()}


def render_messages(
    name: str, values: dict[str, str], directory: Path | None = None
) -> list[dict[str, str]]:
    """The chat messages of prompt ``name`` filled with ``values``.

    Raises ``PromptError`` naming every variable the prompt needs that ``values`` lacks.
    """
    missing = sorted(variables(name, directory) - values.keys())
    if missing:
        raise PromptError(
            f"Prompt {name!r} is missing values for: {', '.join(missing)}."
        )
    templates = load_template(name, directory)
    return [{"role": role, "content": templates[role].substitute(values)} for role in ROLES]


def new_boundary() -> str:
    """A random marker the candidate cannot guess (64 bits)."""
    return secrets.token_hex(8)


_PROCESS_KEY = secrets.token_bytes(32)  # never leaves this process


def boundary_for(text: str) -> str:
    """A marker the candidate cannot guess (64 bits keyed by a secret made at start-up)
    that is the same for the same text in this process.

    The same answer then gives the same prompt, so a deterministic model (temperature 0)
    grades it the same every time: an attack cut out by the guards leaves exactly the
    prompt of the answer without it, and cannot move the model's grade either way.
    """
    return hmac.new(_PROCESS_KEY, text.encode("utf-8", "replace"), hashlib.sha256).hexdigest()[:16]


def delimit(text: str, label: str, boundary: str) -> str:
    """``text`` between BEGIN/END marker lines carrying ``label`` and ``boundary``.

    Any copy of the boundary inside ``text`` is removed, so the block can only end where we
    end it.
    """
    inner = text.replace(boundary, "")
    return f"<<<BEGIN {label} {boundary}>>>\n{inner}\n<<<END {label} {boundary}>>>"
