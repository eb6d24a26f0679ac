"""Reading a job description: clean the text, find the skills, the company and the role.

Input comes pasted or as an uploaded ``.txt``/``.md`` file. Bad input never stops the
interview (QUALITY B10): an empty, binary or undecodable file gives a message and no text;
text over ``MAX_JOB_CHARS`` is cut with a message. Skills are found offline with the
vocabulary in ``data/skills.toml`` (canonical name -> aliases), and also by the language
model when one is configured; company and title come from simple heuristics ("Company: X",
"About X", "at X", a title on the first line).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from interview.errors import ConfigError, LLMError
from interview.models import JobProfile, RoleFocus
from interview.selection import skill_pattern

if TYPE_CHECKING:  # the openai SDK loads only when a model is used
    from interview.llm import LLMClient

MAX_JOB_CHARS = 50_000  # about ten pages; real job descriptions are 2,000-8,000 characters
UPLOAD_TYPES = ("txt", "md")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# One to five capitalised words ("Acme Data & Co"); a dot only inside a word ("Booking.com").
_WORD = r"[\w&'+-]*(?:\.[\w&'+-]+)*"
_NAME = rf"[A-Z]{_WORD}(?:[ \t]+(?:[A-Z0-9]{_WORD}|&|of|and|for|de)){{0,4}}"
_NOT_NAMES = {
    "the", "we", "our", "you", "your", "us", "this", "a", "an", "least", "home", "scale",
    "the role", "the team", "the job", "this role", "this job", "the position",
    "the company", "our team", "role", "team", "job", "position", "company",
}
_TITLE_WORDS = re.compile(
    r"\b(engineer|scientist|analyst|developer|architect|researcher|specialist|consultant|"
    r"manager|lead|head of|intern|statistician)\b",
    re.IGNORECASE,
)
_ROLE_HINTS: list[tuple[str, RoleFocus]] = [
    (r"\bmlops\b|\bml ?ops\b|machine learning platform|ml platform", RoleFocus.MLOPS_ENGINEER),
    (r"\b(llm|ai|genai|generative ai|nlp)\b.*\bengineer\b", RoleFocus.AI_ENGINEER),
    (r"\bdata engineer", RoleFocus.DATA_ENGINEER),
    (r"\b(data|business|bi|product|analytics) analyst|analytics engineer", RoleFocus.DATA_ANALYST),
    (r"\bdata scientist|\bstatistician|research scientist", RoleFocus.DATA_SCIENTIST),
    (r"\b(ml|machine learning|deep learning)\b.*\bengineer\b", RoleFocus.ML_ENGINEER),
]


@dataclass(frozen=True)
class JobText:
    """Text ready for analysis (empty if unusable) and messages for the candidate."""

    text: str
    messages: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class JobAnalysis:
    """What the app shows and uses: the profile, per-skill match terms for the chooser
    (name and aliases, most important skill first), messages."""

    profile: JobProfile
    prefer: list[list[str]]
    messages: list[str] = field(default_factory=list)

    def placeholders(self) -> dict[str, str]:
        """Values for ``${company}`` and ``${role}`` in the bank's preparation questions."""
        return {"company": self.profile.company or "", "role": self.profile.title or ""}


class SkillVocabulary:
    """Canonical skill names with their aliases, matched as whole words, any case."""

    def __init__(self, entries: Mapping[str, Iterable[str]]) -> None:
        """Index ``entries`` (canonical name -> aliases)."""
        self._aliases = {name.lower(): [name.lower(), *(a.lower() for a in al)]
                         for name, al in entries.items()}
        self._canonical = {term: name for name, terms in self._aliases.items() for term in terms}
        # One pattern per skill, so an alias like "python or r" cannot hide "python".
        self._patterns = {name: skill_pattern(terms) for name, terms in self._aliases.items()}

    def __len__(self) -> int:
        return len(self._aliases)

    def find(self, text: str) -> list[str]:
        """Canonical names of the skills ``text`` mentions, in order of first mention."""
        first: dict[str, int] = {}
        for name, pattern in self._patterns.items():
            match = pattern.search(text) if pattern is not None else None
            if match:
                first[name] = match.start()
        return sorted(first, key=first.__getitem__)

    def canonical(self, term: str) -> str | None:
        """The canonical name for ``term`` (a name or an alias), if the vocabulary has it."""
        return self._canonical.get(" ".join(term.lower().split()))

    def terms(self, skills: Iterable[str]) -> list[list[str]]:
        """Every way of writing each of ``skills`` (name and aliases), for the chooser."""
        return [self._aliases.get(skill.lower(), [skill.lower()]) for skill in skills]


def parse_vocabulary(text: str, source: str = "skills.toml") -> SkillVocabulary:
    """Validate a skills file: a ``[skills]`` table of name -> list of alias strings."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(source, f"TOML syntax error: {exc}") from None
    table = data.get("skills")
    if not isinstance(table, dict) or not table:
        raise ConfigError(source, "needs a non-empty [skills] table")
    for name, aliases in table.items():
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise ConfigError(source, f"skill {name!r} needs a list of non-empty alias strings")
    return SkillVocabulary(table)


@cache
def default_vocabulary() -> SkillVocabulary:
    """The vocabulary shipped in ``interview/data/skills.toml``, read once."""
    text = resources.files("interview").joinpath("data", "skills.toml").read_text("utf-8")
    return parse_vocabulary(text)


def read_upload(name: str, data: bytes) -> JobText:
    """Decode an uploaded job description; a wrong type, binary or non-UTF-8 file gives no text."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in UPLOAD_TYPES:
        return JobText("", [f"{name!r} is not a .txt or .md file; upload plain text or paste it."])
    if b"\x00" in data:
        return JobText("", [f"{name!r} looks like a binary file, not text; save the job "
                            "description as plain text (.txt) or paste it instead."])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return JobText("", [f"{name!r} is not UTF-8 text; save it as UTF-8 or paste it instead."])
    return clean_text(text)


def clean_text(text: str) -> JobText:
    """Drop control characters, refuse empty text, cut text over ``MAX_JOB_CHARS``."""
    cleaned = _CONTROL.sub("", text.replace("\r\n", "\n")).strip()
    if not cleaned:
        return JobText("", ["The job description is empty; paste its text or upload a file. "
                            "You can still start the interview without one."])
    if len(cleaned) > MAX_JOB_CHARS:
        return JobText(cleaned[:MAX_JOB_CHARS], [
            f"The job description has {len(cleaned):,} characters; only the first "
            f"{MAX_JOB_CHARS:,} were read."])
    return JobText(cleaned)


def find_title(text: str) -> str | None:
    """The role title: a labelled line, a title-like first line, or 'hiring a X'."""
    labelled = re.search(r"^\s*(?:job title|title|position|role)\s*:\s*(.+)$", text, re.I | re.M)
    if labelled:
        return _tidy_title(labelled.group(1))
    first = next((ln.strip(" #*\t") for ln in text.splitlines() if ln.strip(" #*\t")), "")
    if _looks_like_title(first):
        return _tidy_title(first)
    hiring = re.search(r"\b(?:hiring|looking for|seeking)\s+an?\s+([^.,;\n]{3,60}?)"
                       r"(?=\s+(?:to|who|with|at|in|for)\b|[.,;\n])", text, re.I)
    if hiring and _TITLE_WORDS.search(hiring.group(1)):
        return _tidy_title(hiring.group(1))
    return None


def _looks_like_title(line: str) -> bool:
    """A short line naming a job, not a sentence ("Acme is looking for...")."""
    words = line.split()
    sentence = re.search(r"\b(is|are|we|our|you|will)\b", line, re.IGNORECASE)
    return 0 < len(words) <= 8 and not sentence and bool(_TITLE_WORDS.search(line))


def _tidy_title(raw: str) -> str | None:
    title = re.split(r"\s+(?:at|@)\s+|\s+[-|–—]\s+|\s*\(", raw.strip(), maxsplit=1)[0]
    title = title.strip(" .,:;#*")
    return title[:80] or None


def find_company(text: str) -> str | None:
    """The employer's name, from the most explicit clue the text offers."""
    first_line = next((ln for ln in text.splitlines() if ln.strip()), "")
    title_at = re.search(rf"\s(?:at|@)\s+({_NAME})", first_line)  # "Data Engineer at Acme"
    if title_at and (name := _tidy_name(title_at.group(1))):
        return name
    patterns = [
        rf"^\s*(?i:company|employer|organi[sz]ation)\s*:\s*({_NAME})",
        rf"^\s*#*\s*About\s+({_NAME})",
        rf"\b[Jj]oin\s+({_NAME})",
        rf"\b({_NAME})\s+is\s+(?:hiring|looking|seeking)",
        rf"\b(?:at|with)\s+({_NAME})",
    ]
    for pattern in patterns:
        for match in re.finditer(pattern, text, re.M):
            name = _tidy_name(match.group(1))
            if name:
                return name
    return None


def _tidy_name(raw: str) -> str | None:
    name = re.sub(r"(?:\s+(?:of|and|for|de|&))+$", "", raw.strip(" .,'")).strip(" .,'")
    if not name or name.lower() in _NOT_NAMES or _TITLE_WORDS.search(name):
        return None
    return name[:80]


def suggest_role(title: str | None, text: str) -> RoleFocus | None:
    """The role focus the title (or, failing that, the whole text) points to."""
    for source in (title or "", text[:2000]):
        for pattern, role in _ROLE_HINTS:
            if re.search(pattern, source, re.IGNORECASE):
                return role
    return None


def analyse(
    text: str, vocabulary: SkillVocabulary | None = None, llm: LLMClient | None = None
) -> JobAnalysis:
    """Skills, company, title and a suggested role focus from cleaned ``text``.

    With ``llm`` the model's skills come first (it ranks by importance) and its role wins;
    if the call fails, the offline result stands and a message says so.
    """
    vocab = vocabulary or default_vocabulary()
    skills = vocab.find(text)
    title = find_title(text)
    role = suggest_role(title, text)
    messages: list[str] = []
    source = "offline"
    if llm is not None and text.strip():
        from interview import llm_tasks  # here, so offline use never loads the SDK

        try:
            out = llm_tasks.extract_skills(llm, text)
        except LLMError as exc:
            messages.append(f"The language model could not read the job description ({exc}); "
                            "the skills below were found offline.")
        else:
            named = [vocab.canonical(s) or " ".join(s.split()).lower() for s in out.skills]
            skills = list(dict.fromkeys([*(s for s in named if s), *skills]))
            role, source = out.role, f"llm:{llm.model}"
    profile = JobProfile(company=find_company(text), title=title, skills=skills[:20],
                         suggested_role=role, source=source)
    return JobAnalysis(profile, vocab.terms(profile.skills), messages)
