"""Settings come from the environment and .env, and bad values name the setting (QUALITY B9)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from interview.config import load_settings
from interview.errors import ConfigError


def test_no_settings_means_offline_grading():
    settings = load_settings({}, dotenv=None)
    assert settings.backend == "offline"
    assert settings.openai_api_key is None


def test_a_base_url_alone_switches_to_llm_grading():
    settings = load_settings({"OPENAI_BASE_URL": "http://127.0.0.1:11434/v1/"}, dotenv=None)
    assert settings.backend == "llm"
    assert settings.openai_base_url == "http://127.0.0.1:11434/v1"


@pytest.mark.parametrize(
    ("env", "setting"),
    [
        ({"OPENAI_BASE_URL": "localhost:11434"}, "OPENAI_BASE_URL"),
        ({"OPENAI_BASE_URL": "ftp://example.invalid/v1"}, "OPENAI_BASE_URL"),
        ({"INTERVIEW_MODEL": "   ", "INTERVIEW_GRADER": "llm"}, "INTERVIEW_MODEL"),
        ({"INTERVIEW_LLM_TIMEOUT": "-5"}, "INTERVIEW_LLM_TIMEOUT"),
        ({"INTERVIEW_LLM_MAX_RETRIES": "-1"}, "INTERVIEW_LLM_MAX_RETRIES"),
        ({"INTERVIEW_MAX_ANSWER_CHARS": "-100"}, "INTERVIEW_MAX_ANSWER_CHARS"),
        ({"INTERVIEW_SESSION_TOKEN_BUDGET": "lots"}, "INTERVIEW_SESSION_TOKEN_BUDGET"),
        ({"INTERVIEW_GRADER": "magic"}, "INTERVIEW_GRADER"),
    ],
)
def test_bad_setting_is_named_in_the_error(env, setting):
    with pytest.raises(ConfigError) as info:
        load_settings(env, dotenv=None)
    assert info.value.setting == setting
    assert setting in str(info.value)


def test_api_key_never_appears_in_errors_or_repr():
    secret = "sk-test-abcdef0123456789"
    env = {"OPENAI_API_KEY": secret, "INTERVIEW_LLM_TIMEOUT": "-1"}
    with pytest.raises(ConfigError) as info:
        load_settings(env, dotenv=None)
    assert secret not in str(info.value)
    settings = load_settings({"OPENAI_API_KEY": secret}, dotenv=None)
    assert secret not in repr(settings)
    assert secret not in str(settings.model_dump())


def test_environment_wins_over_dotenv_file(tmp_path: Path):
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        "# comment\nINTERVIEW_MODEL='from-file'\nINTERVIEW_LLM_TIMEOUT=30\n", encoding="utf-8"
    )
    settings = load_settings({"INTERVIEW_MODEL": "from-env"}, dotenv=dotenv)
    assert settings.model == "from-env"
    assert settings.timeout_s == 30.0



def streamlit_reports_usage(cwd: Path, home: Path) -> str:
    """What Streamlit started in ``cwd`` reads for browser.gatherUsageStats."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}
    env["HOME"] = str(home)
    shown = subprocess.run(
        [sys.executable, "-c", "from streamlit import config; "
         "print(config.get_option('browser.gatherUsageStats'))"],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=True,
    )
    return shown.stdout.strip().splitlines()[-1]


def test_streamlit_started_in_the_project_reports_no_usage_statistics(tmp_path: Path):
    """`streamlit run app.py` from the project's root reads .streamlit/config.toml: the page
    sends nothing to Streamlit's servers (asked of Streamlit itself, with an empty HOME)."""
    root = Path(__file__).resolve().parents[1]
    assert streamlit_reports_usage(root, tmp_path) == "False"
    assert streamlit_reports_usage(tmp_path, tmp_path) == "True"  # Streamlit's default
