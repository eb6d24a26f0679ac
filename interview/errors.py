"""The exceptions the interview engine raises, in one small hierarchy.

    InterviewError                 anything the UI or CLI should show as a clear message
    ├── ConfigError                a setting is malformed; names the setting
    ├── QuestionBankError          a bank file is invalid; names the file, the entry and the field
    ├── InvalidStepError           a session step that is not allowed in the current state
    ├── AnswerRejectedError        an answer not graded (e.g. empty); the question stays open
    ├── PromptError                a prompt template is missing a variable
    ├── StoreError                 the session database cannot be read or written
    └── LLMError                   a call to the language model failed (subclasses per cause)

``app.py`` catches ``InterviewError`` and shows its message; nothing else is caught broadly.
"""

from __future__ import annotations


class InterviewError(Exception):
    """Base class: its message is meant for the person using the app."""


class ConfigError(InterviewError):
    """A setting is missing or malformed."""

    def __init__(self, setting: str, problem: str) -> None:
        self.setting = setting
        self.problem = problem
        super().__init__(f"Setting {setting}: {problem}")


class QuestionBankError(InterviewError):
    """A question-bank file is invalid."""

    def __init__(self, file: str, entry: str | None, field: str | None, problem: str) -> None:
        self.file = file
        self.entry = entry
        self.field = field
        self.problem = problem
        where = file
        if entry is not None:
            where += f", entry {entry}"
        if field is not None:
            where += f", field {field}"
        super().__init__(f"Question bank error in {where}: {problem}")


class InvalidStepError(InterviewError):
    """A session step that the current state does not allow."""


class AnswerRejectedError(InterviewError):
    """An answer that is not graded (for example an empty one); the question stays open."""


class PromptError(InterviewError):
    """A prompt template could not be rendered."""


class StoreError(InterviewError):
    """The session database could not be read or written."""


class LLMError(InterviewError):
    """A language-model call failed; the grader falls back to offline grading."""
