"""The model answer in the feedback reads as the reference's own whole sentences."""

from __future__ import annotations

from interview.grading import OfflineGrader
from interview.grading.advice import model_answer
from interview.grading.text import prose_sentences
from interview.models import Category, KeyPoint, Question, RoleFocus
from interview.questions import load_bank

LOGISTIC = (
    "Predictions are p = sigmoid(Xw + b), where sigmoid(z) = 1 / (1 + e^(-z)). The loss is the "
    "mean binary cross-entropy, -mean(y log p + (1 - y) log(1 - p)). Its gradient is "
    "grad_w = X transpose (p - y) / n; with L2 add lambda * w, e.g. 0.01 * w. Each step does "
    "w -= learning rate * grad_w."
)


def _question(reference: str) -> Question:
    return Question(
        id="logreg", category=Category.ALGORITHMS_AND_MODELS, roles=[RoleFocus.DATA_SCIENTIST],
        text="How would you fit logistic regression with gradient descent?",
        key_points=[KeyPoint(name="log loss", phrasings=["log loss", "cross-entropy"]),
                    KeyPoint(name="the gradient", phrasings=["gradient"]),
                    KeyPoint(name="a learning rate", phrasings=["learning rate"])],
        reference_answer=reference,
    )


def test_model_answer_keeps_formulas_whole():
    text = model_answer(_question(LOGISTIC))
    assert text is not None
    assert "(1 - y) log(1 - p)" in text
    assert "1 / (1 + e^(-z))" in text
    assert "(1 y)" not in text


def test_model_answer_never_stops_mid_sentence():
    text = model_answer(_question(LOGISTIC))
    assert text is not None
    lead, _, covers = text.partition(" It covers: ")
    assert lead.endswith(".") and "…" not in lead
    assert lead in " ".join(LOGISTIC.split())
    assert covers.startswith("log loss")


def test_sentences_end_at_full_stops_not_at_dashes_semicolons_or_abbreviations():
    assert prose_sentences("Use L2, e.g. ridge; it shrinks w - not to zero. Then stop.") == [
        "Use L2, e.g. ridge; it shrinks w - not to zero.", "Then stop."]


def test_markup_in_a_reference_is_dropped_from_the_model_answer():
    text = model_answer(_question("**Gradient descent** on the `log loss`: "
                                  '<img src="f.png"> step by a learning rate.'))
    assert text is not None and "*" not in text and "<" not in text and "`" not in text
    assert text.startswith("Gradient descent on the log loss: step by a learning rate.")


def test_a_written_reply_keeps_its_greeting_on_its_own_line():
    text = model_answer(_question("Subject: Thank you\nDear Priya,\nThank you for today. I "
                                  "enjoyed it.\nBest,\nSam"))
    assert text is not None
    assert text.startswith("Subject: Thank you\nDear Priya,\nThank you for today. I enjoyed it.")


def test_every_bank_model_answer_is_whole_sentences_of_its_reference():
    grader = OfflineGrader()
    for question in [q for q in load_bank() if q.reference_answer.strip()]:
        text = grader.grade(question, question.reference_answer).model_answer
        assert text is not None
        lead = " ".join(text.partition("It covers: ")[0].split())
        assert lead[-1] in ".!?)\"'”’", (question.id, lead[-40:])
        assert lead in " ".join(question.reference_answer.split()), question.id
