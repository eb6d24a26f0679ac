"""The sidebar's "Grading engine" section: offline, OpenAI or an OpenAI-compatible server.

The choice is validated through ``Settings`` (the same pydantic validators as the
environment), so a malformed URL or an empty model name is a ``ConfigError`` naming the
setting, and the engine in force stays as it was. The effective settings live in this
browser's ``st.session_state`` only, and apply to interviews started afterwards.

The API key (QUALITY S1): a typed key moves into the settings' ``SecretStr`` and the field
is emptied as soon as it is used, so it is never drawn back on the page; a key is only
ever sent to the address it was given for (the environment's key never goes to a server
URL typed here).
"""

from __future__ import annotations

import streamlit as st
from pydantic import SecretStr, ValidationError

from interview.config import ENV_NAMES, Settings
from interview.errors import ConfigError
from interview.export import escape_markdown, markdown_text
from interview.models import LLMUsage
from interview.pricing import usage_line
from interview.session import InterviewSession

SETTINGS = "settings"  # the key ui.interview_page keeps the effective Settings under
ENV = "engine_env_settings"  # the settings loaded from the environment, for their key
CHOICE, KEY, MODEL, URL = "engine_choice", "engine_api_key", "engine_model", "engine_base_url"
RESULT = "engine_result"  # (kind, message) of the last apply or test
OFFLINE, OPENAI, COMPATIBLE = "offline", "openai", "compatible"
LABELS = {OFFLINE: "Offline", OPENAI: "OpenAI", COMPATIBLE: "OpenAI-compatible server"}
DEFAULT_URL = "http://127.0.0.1:8080/v1"


def choice_of(settings: Settings) -> str:
    """Which radio option ``settings`` correspond to."""
    if settings.backend == "offline":
        return OFFLINE
    return COMPATIBLE if settings.openai_base_url else OPENAI


def validated(base: Settings, **changes: object) -> Settings:
    """``base`` with ``changes``, re-validated; a bad value is a ``ConfigError`` naming it."""
    try:
        return Settings.model_validate({**dict(base), **changes})
    except ValidationError as exc:
        error = exc.errors()[0]
        field = str(error["loc"][0]) if error["loc"] else "?"
        problem = str(error["msg"]).removeprefix("Value error, ")
        raise ConfigError(ENV_NAMES.get(field, field), problem) from None


def _kept_key(url: str | None, *known: Settings) -> SecretStr | None:
    """A key already known for exactly this address (``None`` means the OpenAI API)."""
    for settings in known:
        if settings.openai_api_key is not None and settings.openai_base_url == url:
            return settings.openai_api_key
    return None


def engine_settings(
    choice: str, url: str, model: str, typed_key: str, current: Settings, env: Settings
) -> Settings:
    """The settings for the engine chosen in the fields; ``ConfigError`` if one is bad."""
    if choice == OFFLINE:
        return validated(current, backend="offline")
    base_url = url.strip() if choice == COMPATIBLE else None
    if choice == COMPATIBLE and not base_url:
        raise ConfigError(ENV_NAMES["openai_base_url"], "enter the server's URL, such as "
                          f"{DEFAULT_URL}")
    checked = validated(current, backend="llm", openai_base_url=base_url, model=model)
    key = SecretStr(typed_key.strip()) if typed_key.strip() else None
    key = key or _kept_key(checked.openai_base_url, current, env)
    if choice == OPENAI and key is None:
        raise ConfigError(ENV_NAMES["openai_api_key"], "is needed for OpenAI: paste your key, "
                          "or choose a local server or offline grading")
    return validated(checked, openai_api_key=key)


def _from_fields() -> Settings:
    current: Settings = st.session_state[SETTINGS]
    return engine_settings(
        str(st.session_state.get(CHOICE, OFFLINE)),
        str(st.session_state.get(URL) or ""),
        str(st.session_state.get(MODEL, current.model)),  # blank is an error, not a default
        str(st.session_state.get(KEY) or ""),
        current,
        st.session_state.get(ENV, current),
    )


def _redacted(message: str, settings: Settings) -> str:
    """A last guard: no message shown here may contain the key, whatever produced it."""
    if settings.openai_api_key is not None:
        secret = settings.openai_api_key.get_secret_value()
        if secret:
            message = message.replace(secret, "[key hidden]")
    return message


def apply_clicked() -> None:
    """Make the engine in the fields the one new interviews use, or say what is wrong."""
    try:
        chosen = _from_fields()
    except ConfigError as exc:
        st.session_state[RESULT] = ("error", f"{str(exc).rstrip('.')}. The engine was not "
                                               "changed.")
        return
    st.session_state[SETTINGS] = chosen
    st.session_state[KEY] = ""  # the key now lives only in the SecretStr
    st.session_state[RESULT] = ("success", f"New interviews will be graded by {describe(chosen)}.")


def test_clicked() -> None:
    """Send one tiny request to the engine in the fields and keep the one-line result."""
    from interview.connection import test_connection  # loads the SDK only when asked

    try:
        chosen = _from_fields()
    except ConfigError as exc:
        st.session_state[RESULT] = ("error", str(exc))
        return
    if chosen.backend == "offline":
        st.session_state[RESULT] = ("success", "Offline grading needs no connection.")
        return
    result = test_connection(chosen)
    kind = "success" if result.ok else "error"
    st.session_state[RESULT] = (kind, _redacted(result.message, chosen))


test_clicked.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def describe(settings: Settings) -> str:
    """The engine in a few words, never with the key."""
    if settings.backend == "offline":
        return "the offline grader"
    where = settings.openai_base_url or "the OpenAI API"
    return f"{settings.model} at {where}"


def panel(settings: Settings) -> None:
    """The engine choice, its fields, and the apply and test buttons (inside the sidebar)."""
    st.session_state.setdefault(ENV, settings)
    st.session_state.setdefault(CHOICE, choice_of(settings))
    st.session_state.setdefault(MODEL, settings.model)
    st.session_state.setdefault(URL, settings.openai_base_url or DEFAULT_URL)
    with st.expander("Grading engine", expanded=settings.backend != "offline"):
        choice = st.radio("Engine", list(LABELS), format_func=LABELS.__getitem__, key=CHOICE)
        if choice == COMPATIBLE:
            st.text_input("Server URL (OPENAI_BASE_URL)", key=URL)
        if choice != OFFLINE:
            st.text_input("Model name", key=MODEL)
            st.text_input("API key" if choice == OPENAI else "API key (if the server needs one)",
                          key=KEY, type="password", placeholder=_key_hint(choice, settings))
        left, right = st.columns(2)
        left.button("Use this engine", on_click=apply_clicked, key="engine_apply")
        right.button("Test connection", on_click=test_clicked, key="engine_test")
        result = st.session_state.get(RESULT)
        if result is not None:
            kind, message = result
            # Server error text and typed URLs are shown as text, never as markup (S5).
            (st.success if kind == "success" else st.error)(markdown_text(message))
        st.caption(f"In use: {escape_markdown(describe(settings))}. A change applies to "
                   "interviews started afterwards.")


def _key_hint(choice: str, settings: Settings) -> str:
    """Whether a key is already known, without ever showing it."""
    env: Settings = st.session_state.get(ENV, settings)
    url = st.session_state.get(URL) if choice == COMPATIBLE else None
    if _kept_key(url, settings) is not None and settings is not env:
        return "Set for this browser session; type a new key to replace it"
    if _kept_key(url, env) is not None:
        return "Set from the environment (OPENAI_API_KEY); type a key to replace it"
    return "Not set" if choice == OPENAI else "Not needed for a local server"


def usage(session: InterviewSession | None, settings: Settings) -> None:
    """Tokens used and the estimated cost of the interview on screen, if a model grades it."""
    if session is None or not session.record.grader.startswith("llm"):
        return
    record = session.record
    model = next((t.feedback.grader.removeprefix("llm:") for t in reversed(record.turns)
                  if t.feedback is not None and t.feedback.grader.startswith("llm:")),
                 settings.model)
    used: LLMUsage = record.llm_usage
    st.caption("This interview's model use: "
               + usage_line(used, settings.model_copy(update={"model": model})))
