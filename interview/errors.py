"""The exceptions the interview engine raises, in one small hierarchy.

    InterviewError                 anything the UI or CLI should show as a clear message
    ├── ConfigError                a setting is malformed; names the setting
    ├── QuestionBankError          a bank file is invalid; names the file, the entry and the field
    ├── InvalidStepError           a session step that is not allowed in the current state
    ├── AnswerRejectedError        an answer not graded (e.g. empty); the question stays open
    ├── PromptError                a prompt template is missing a variable
    ├── StoreError                 the session database cannot be read or written
    └── LLMError                   a call to the language model failed (subclasses per cause)
        ├── LLMConnectionError     refused connection or DNS failure (OPENAI_BASE_URL)
        ├── LLMTimeoutError        no answer within INTERVIEW_LLM_TIMEOUT
        ├── LLMAuthError           401/403: the key was rejected (OPENAI_API_KEY)
        ├── LLMRateLimitError      429 after bounded retries
        │   └── LLMQuotaError      429 that says the quota is used up (fails fast)
        ├── LLMServerError         5xx after bounded retries
        ├── LLMRequestError        other 4xx, e.g. an unknown model (INTERVIEW_MODEL)
        ├── LLMRefusalError        the model refused to answer
        ├── LLMTruncatedError      the reply was cut off (finish_reason == "length")
        ├── LLMInvalidOutputError  not valid JSON for the schema, even after one repair try
        └── LLMBudgetError         the session's token or call cap is reached

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


class LLMConnectionError(LLMError):
    """The endpoint refused the connection or its name did not resolve."""


class LLMTimeoutError(LLMError):
    """The endpoint did not answer within the configured timeout."""


class LLMAuthError(LLMError):
    """The endpoint rejected the API key (401) or its permissions (403)."""


class LLMRateLimitError(LLMError):
    """The endpoint kept answering 429 after the bounded retries."""


class LLMQuotaError(LLMRateLimitError):
    """A 429 saying the account's quota is used up; retrying cannot help."""


class LLMServerError(LLMError):
    """The endpoint kept failing with 5xx after the bounded retries."""


class LLMRequestError(LLMError):
    """The endpoint rejected the request itself (another 4xx, e.g. an unknown model)."""


class LLMRefusalError(LLMError):
    """The model refused to produce the requested output."""


class LLMTruncatedError(LLMError):
    """The model's reply was cut off at its token limit."""


class LLMInvalidOutputError(LLMError):
    """The reply was not valid JSON for the schema, even after one repair try."""


class LLMBudgetError(LLMError):
    """The session's LLM token budget or call cap would be exceeded."""
