"""Reading a job description: bad input (QUALITY B10), skills, company, title, questions."""

from __future__ import annotations

import pytest

from interview import jobdesc
from interview.config import Settings
from interview.errors import ConfigError
from interview.grading import OfflineGrader
from interview.models import Category, Mode, RoleFocus
from interview.questions import load_bank
from interview.selection import mentions, skill_pattern
from interview.session import InterviewSession

DATA_ENGINEER_JD = """Senior Data Engineer at Northwind Logistics

About Northwind Logistics
We move parcels across Europe. You will build batch pipelines in PySpark, orchestrate them
with Apache Airflow on AWS, model data with dbt in Snowflake and keep data quality high.

Requirements: Python, SQL, Docker. Nice to have: Terraform.
"""


def test_a_data_engineer_job_yields_its_skills_company_title_and_role() -> None:
    result = jobdesc.analyse(jobdesc.clean_text(DATA_ENGINEER_JD).text)
    profile = result.profile
    assert profile.company == "Northwind Logistics"
    assert profile.title == "Senior Data Engineer"
    assert profile.suggested_role is RoleFocus.DATA_ENGINEER
    for skill in ["spark", "airflow", "aws", "dbt", "snowflake", "python", "sql", "docker"]:
        assert skill in profile.skills
    assert "kafka" not in profile.skills
    assert result.placeholders() == {
        "company": "Northwind Logistics",
        "role": "Senior Data Engineer",
    }


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Job title: ML Engineer\nCompany: Contoso Ltd\nWe use PyTorch.", "Contoso Ltd"),
        ("We are hiring a Data Analyst to join Fabrikam. Tableau and SQL.", "Fabrikam"),
        ("About the role\nJoin Globex Corporation as an MLOps engineer.", "Globex Corporation"),
        ("Acme is looking for an AI engineer with RAG experience.", "Acme"),
        ("We want a data scientist who knows statistics.", None),
    ],
)
def test_the_company_is_found_from_common_phrasings(text: str, company: str | None) -> None:
    assert jobdesc.find_company(text) == company


def test_a_title_inside_a_sentence_is_cut_to_the_job_name() -> None:
    assert jobdesc.find_title("Acme is looking for an AI engineer with LLM experience.") == (
        "AI engineer"
    )
    assert jobdesc.find_title("Job title: Analytics Engineer (m/f/d)") == "Analytics Engineer"


def test_aliases_map_to_one_skill_and_words_inside_words_do_not_count() -> None:
    vocab = jobdesc.default_vocabulary()
    assert len(vocab) >= 80
    assert vocab.find("PySpark, Databricks and Apache Spark") == ["spark"]
    assert vocab.find("You will excel at storytelling; a sparkling team") == []
    assert vocab.find("Python or R, plus A/B testing") == ["python", "r programming", "a/b testing"]


def test_an_empty_job_description_gets_a_message_and_no_text() -> None:
    result = jobdesc.clean_text("  \n\t ")
    assert result.text == ""
    assert "empty" in result.messages[0] and "still start" in result.messages[0]


def test_a_huge_job_description_is_cut_at_the_limit_with_a_message() -> None:
    result = jobdesc.clean_text("Spark and Airflow." * 10_000)
    assert len(result.text) == jobdesc.MAX_JOB_CHARS
    assert "180,000 characters" in result.messages[0]
    assert "only the first 50,000 were read" in result.messages[0]


def test_a_binary_upload_is_refused_with_a_clear_message() -> None:
    result = jobdesc.read_upload("jd.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert result.text == ""
    assert "binary" in result.messages[0]


def test_an_upload_that_is_not_utf8_is_refused_with_a_clear_message() -> None:
    result = jobdesc.read_upload("jd.md", "Über uns: Datenanalyst".encode("latin-1"))
    assert result.text == "" and "not UTF-8" in result.messages[0]


def test_an_upload_of_another_type_is_refused() -> None:
    assert "not a .txt or .md" in jobdesc.read_upload("jd.pdf", b"%PDF-1.7").messages[0]


def test_a_utf8_markdown_upload_is_read_without_its_bom_or_control_characters() -> None:
    result = jobdesc.read_upload("jd.md", "\ufeff# Data Engineer\x07\nSpark 👩🏽‍💻".encode())
    assert result.text == "# Data Engineer\nSpark 👩🏽‍💻" and result.messages == []


def test_a_broken_vocabulary_file_is_a_configuration_error_naming_the_skill() -> None:
    with pytest.raises(ConfigError, match="'spark'"):
        jobdesc.parse_vocabulary('[skills]\nspark = "pyspark"\n')
    with pytest.raises(ConfigError, match="syntax"):
        jobdesc.parse_vocabulary("[skills\n")


def test_a_data_engineer_job_leads_to_spark_and_airflow_questions_and_names_the_company() -> None:
    bank = load_bank()
    analysis = jobdesc.analyse(DATA_ENGINEER_JD)
    about = skill_pattern(["spark", "pyspark", "airflow", "apache airflow"])
    asked_about = []
    for seed in range(5):
        chosen = bank.choose(RoleFocus.DATA_ENGINEER, Mode.TECHNICAL, 5, seed=seed,
                             prefer=analysis.prefer)
        asked_about.append(sum(mentions(q, about) for q in chosen))
        plain = bank.choose(RoleFocus.DATA_ENGINEER, Mode.TECHNICAL, 5, seed=seed)
        assert asked_about[-1] >= sum(mentions(q, about) for q in plain)
    assert min(asked_about) >= 2  # of 5 technical questions, the main skills come first

    session = InterviewSession.start(
        bank=bank, grader=OfflineGrader(), settings=Settings(), role=RoleFocus.DATA_ENGINEER,
        mode=Mode.BEHAVIOURAL, num_questions=8, seed=1, prefer=analysis.prefer,
        placeholders=analysis.placeholders(),
    )
    while session.current_turn is not None and session.current_turn.question.category is not (
        Category.RESEARCHING_THE_COMPANY
    ):
        session.skip()
    turn = session.current_turn
    assert turn is not None and "Northwind Logistics" in turn.question.text
