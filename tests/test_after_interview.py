"""After the interview: the thank-you email exercise and the study plan from the feedback."""

from __future__ import annotations

import pytest
from llm_fakes import FakeEndpoint, completion, error, llm_settings, user_text

from interview import jobdesc
from interview.errors import AnswerRejectedError
from interview.llm import LLMClient
from interview.models import (
    Category,
    CriterionScore,
    Feedback,
    LLMUsage,
    Mode,
    Question,
    RoleFocus,
    SessionRecord,
    Turn,
)
from interview.reflection import offline_plan, study_plan
from interview.thankyou import SendTime, grade_email, review_email

GOOD_EMAIL = """Dear Priya,

Thank you for taking the time to talk with me today. I enjoyed learning about how your team
moved the nightly batch jobs from cron to Airflow, and you mentioned the backfills that still
hurt. At my current company I built Airflow DAGs with idempotent Spark tasks that made our
backfills safe, so I would bring that experience straight to your platform.

Our conversation made me even more excited about the role, and I look forward to hearing
about next steps.

Kind regards,
Sam Lee
"""
CASUAL_EMAIL = "hey!! thx for the chat lol, u guys rock 🤘 hope i get it"


def llm(endpoint: FakeEndpoint, **settings: object) -> LLMClient:
    return LLMClient(endpoint.client(), llm_settings(**settings), LLMUsage(),
                     sleep=lambda _: None)


def scores(feedback: Feedback) -> dict[str, int]:
    return {c.name: c.score for c in feedback.criteria}


def test_a_prompt_specific_professional_email_scores_five_on_every_criterion() -> None:
    fb = grade_email(GOOD_EMAIL, SendTime.SAME_DAY, ["airflow", "spark"])
    assert fb.score == 5
    assert set(scores(fb).values()) == {5}
    assert set(scores(fb)) == {"Sent within 24 hours", "Thanks", "Renewed interest",
                               "Skills fit the role", "Personal touch", "Brief and professional"}


def test_sending_a_week_later_is_marked_down_with_the_24_hour_advice() -> None:
    fb = grade_email(GOOD_EMAIL, SendTime.WEEK)
    assert scores(fb)["Sent within 24 hours"] == 1
    assert any("within 24 hours" in i for i in fb.improvements)
    assert fb.score < grade_email(GOOD_EMAIL, SendTime.WITHIN_24_HOURS).score


def test_a_casual_email_without_interest_or_fit_scores_low_with_reasons() -> None:
    fb = grade_email(CASUAL_EMAIL, SendTime.SAME_DAY)
    got = scores(fb)
    assert got["Brief and professional"] <= 2 and got["Renewed interest"] == 1
    assert got["Skills fit the role"] == 1 and fb.score <= 3
    assert any("casual" in i for i in fb.improvements)


def test_an_empty_email_is_not_graded() -> None:
    with pytest.raises(AnswerRejectedError, match="empty"):
        review_email(" \n ", SendTime.SAME_DAY)


def test_the_llm_review_adds_our_timing_criterion_and_computes_the_overall() -> None:
    crit = {"score": 3, "evidence": "", "comment": "ok"}
    reply = {"timeliness_and_length": crit, "personalisation": crit, "value_added": crit,
             "tone": crit, "strengths": ["Polite"], "improvements": ["Be specific"],
             "revised_email": "Dear Priya, thank you..."}
    endpoint = FakeEndpoint(completion(reply))
    review = review_email(GOOD_EMAIL, SendTime.WEEK, llm=llm(endpoint), role="Data engineer")
    assert scores(review.feedback)["Sent within 24 hours"] == 1
    assert review.feedback.score == 3  # (1 + 3 * 4) / 5 = 2.6, rounded
    assert review.revised == "Dear Priya, thank you..."
    assert "Idempotent".lower() in user_text(endpoint.requests[0]).lower()


def test_a_failed_llm_review_falls_back_to_the_offline_grade_with_a_notice() -> None:
    review = review_email(GOOD_EMAIL, SendTime.SAME_DAY, llm=llm(FakeEndpoint(error(503)),
                                                                   max_retries=0))
    assert review.feedback.grader == "offline" and review.feedback.score == 5
    assert "could not review" in review.feedback.notices[0]


def question(qid: str, category: Category) -> Question:
    return Question.model_validate({
        "id": qid, "category": category, "roles": [RoleFocus.DATA_SCIENTIST],
        "text": f"{qid}?", "key_points": [{"name": n, "phrasings": [n]} for n in "abc"],
        "reference_answer": "Ref.",
    })


def turn(i: int, category: Category, score: int, missed: list[str], **kw: object) -> Turn:
    fb = Feedback(score=score, criteria=[CriterionScore(name="Key points", score=score),
                                         CriterionScore(name="Clarity and structure", score=4)],
                  key_points_missed=missed, grader="offline")
    return Turn(index=i, question=question(f"q-{i}", category), answer="x", feedback=fb, **kw)


def session(*turns: Turn) -> SessionRecord:
    return SessionRecord(id="r" * 22, role=RoleFocus.DATA_SCIENTIST, mode=Mode.TECHNICAL,
                         num_questions=max(1, len(turns)), turns=list(turns))


def test_the_study_plan_names_the_weakest_category_criterion_and_missed_points() -> None:
    record = session(
        turn(0, Category.DATA_PREPROCESSING, 2, ["data leakage", "scaling"]),
        turn(1, Category.DATA_PREPROCESSING, 2, ["data leakage"]),
        turn(2, Category.ALGORITHMS_AND_MODELS, 5, []),
    )
    plan = offline_plan(record)
    text = "\n".join(plan.items)
    assert plan.items[0].startswith("Data preprocessing (average 2/5)")
    assert "Key points (average 3/5)" in text and "Clarity" not in text
    assert "Revise these key points you missed: data leakage; scaling." in text
    assert "Algorithms" not in text


def test_a_retried_answer_counts_only_as_its_retry_in_the_plan() -> None:
    record = session(turn(0, Category.DATA_PREPROCESSING, 1, ["scaling"]),
                     turn(1, Category.DATA_PREPROCESSING, 5, [], retry_of=0))
    plan = offline_plan(record)
    assert "scaling" not in "\n".join(plan.items)


def test_a_session_with_no_answers_gets_a_plan_asking_for_one() -> None:
    assert "Answer at least one question" in offline_plan(session()).items[0]


def test_the_llm_study_plan_is_used_and_a_failure_falls_back_offline() -> None:
    record = session(turn(0, Category.DATA_PREPROCESSING, 2, ["scaling"]))
    reply = {"strongest_areas": [], "weakest_areas": ["Data preprocessing"],
             "study_plan": ["Re-derive standard scaling by hand"], "overall_comment": "Close."}
    plan = study_plan(record, llm(FakeEndpoint(completion(reply))))
    assert plan.items == ["Re-derive standard scaling by hand"] and plan.source.startswith("llm")
    failed = study_plan(record, llm(FakeEndpoint(error(500)), max_retries=0))
    assert failed.source == "offline" and "could not write" in failed.notices[0]
    assert failed.items == offline_plan(record).items


def test_the_llm_reads_job_skills_first_and_its_failure_keeps_the_offline_skills() -> None:
    reply = {"skills": ["Apache Airflow", "Stakeholder management"], "role": "data_engineer",
             "seniority": "senior"}
    text = "Data Engineer at Initech. Spark, Airflow."
    result = jobdesc.analyse(text, llm=llm(FakeEndpoint(completion(reply))))
    assert result.profile.skills[:3] == ["airflow", "stakeholder management", "spark"]
    assert result.profile.source.startswith("llm") and result.profile.company == "Initech"
    failed = jobdesc.analyse(text, llm=llm(FakeEndpoint(error(500)), max_retries=0))
    assert failed.profile.skills == ["spark", "airflow"] and "offline" in failed.messages[0]


def test_without_a_job_description_any_named_skill_shows_fit() -> None:
    fb = grade_email(GOOD_EMAIL, SendTime.SAME_DAY)
    assert scores(fb)["Skills fit the role"] == 5
    vague = GOOD_EMAIL.replace("Airflow DAGs with idempotent Spark tasks", "good things")
    vague = vague.replace("to Airflow", "to a new tool")
    assert scores(grade_email(vague, SendTime.SAME_DAY))["Skills fit the role"] == 3


def test_a_job_skill_written_as_an_alias_shows_fit_and_other_skills_do_not() -> None:
    email = GOOD_EMAIL.replace("Airflow DAGs with idempotent Spark tasks", "PySpark jobs")
    email = email.replace("to Airflow", "to a new scheduler")
    assert scores(grade_email(email, SendTime.SAME_DAY, ["spark"]))["Skills fit the role"] == 5
    assert scores(grade_email(email, SendTime.SAME_DAY, ["tableau"]))["Skills fit the role"] == 3


def test_a_huge_email_is_graded_on_its_start_with_a_notice_and_marked_too_long() -> None:
    review = review_email(GOOD_EMAIL * 40, SendTime.SAME_DAY)
    assert "only the first 5,000 were graded" in review.feedback.notices[0]
    assert scores(review.feedback)["Brief and professional"] <= 2
