"""Tokens per graded answer over a session: the prompt must stay flat (no history resent).

Drives a real ``InterviewSession`` with the LLM grader and prints the prompt and completion
tokens of the answers at question 1, 10 and 20 of a 20-question session, and the total (with
the estimated cost) of a 10-question session.

By default the model is a scripted OpenAI-compatible endpoint behind the SDK's own transport
seam, replying with a full-length grading (every criterion with evidence and a comment), and
every figure is counted with tiktoken exactly as the app counts before sending. With
``--base-url`` (e.g. a llama.cpp server) the figures are the server's own usage numbers.

    python benchmarks/tokens.py [--model gpt-4o-mini] [--base-url http://127.0.0.1:8080/v1]
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import httpx2
import openai

from interview import tokens
from interview.config import Settings
from interview.grading import OfflineGrader
from interview.grading.llm import LLMGrader
from interview.llm import LLMClient, make_openai_client
from interview.models import Kind, LLMUsage, Mode, Question, RoleFocus, SessionRecord
from interview.questions import load_bank
from interview.session import InterviewSession

STORY = ("At my last job our churn model's precision dropped after a pricing change. My task "
         "was to find out why before the quarterly review. I compared the feature distributions "
         "before and after, found the discount feature had shifted, retrained with the new data "
         "and added a drift alert. As a result precision went back from 0.61 to 0.78 and the "
         "alert caught two later shifts.")


def scripted_reply(request: httpx2.Request) -> httpx2.Response:
    """A full-length reply to whatever schema the request asks for, with tiktoken usage."""
    body = json.loads(request.content)
    props = body["response_format"]["json_schema"]["schema"]["properties"]
    reply: dict[str, Any] = {}
    for name in props:
        if name == "key_points_covered":
            reply[name] = ["the first key point", "the second key point"]
        elif name in ("strengths", "improvements"):
            reply[name] = ["A specific, actionable sentence of about twenty words that says "
                           "exactly what to keep doing or what to add next time."] * 2
        elif name == "follow_up":
            reply[name] = "How would you check that the result holds on next month's data?"
        else:
            reply[name] = {"score": 4, "evidence": "a quoted sentence from the answer that the "
                           "score rests on, about as long as a real one",
                           "comment": "One sentence on why this criterion got this score."}
    content = json.dumps(reply)
    usage = {"prompt_tokens": tokens.count_messages(body["messages"], body["model"]),
             "completion_tokens": tokens.count_tokens(content, body["model"])}
    return httpx2.Response(200, json={
        "id": "bench", "object": "chat.completion", "created": 0, "model": body["model"],
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": content}}],
        "usage": {**usage, "total_tokens": sum(usage.values())},
    })


def answer_for(question: Question) -> str:
    """A plausible answer: the reference for technical questions, a STAR story otherwise."""
    if question.kind is Kind.TECHNICAL and question.reference_answer:
        return question.reference_answer
    return STORY


def run_session(
    settings: Settings, client: openai.OpenAI, n: int
) -> tuple[list[LLMUsage], InterviewSession, LLMGrader]:
    """Answer ``n`` questions; return the usage of each graded answer."""
    graders: list[LLMGrader] = []

    def factory(record: SessionRecord) -> LLMGrader:
        llm = LLMClient(client, settings, record.llm_usage)
        graders.append(LLMGrader(llm, OfflineGrader(), role=record.role.label))
        return graders[-1]

    session = InterviewSession.start(
        bank=load_bank(), grader=factory, settings=settings, role=RoleFocus.ML_ENGINEER,
        mode=Mode.MIXED, num_questions=n, seed=7,
    )
    per_answer: list[LLMUsage] = []
    for _ in range(n):
        turn = session.current_turn
        assert turn is not None
        before = session.record.llm_usage.model_copy()
        session.answer(answer_for(turn.question))
        after = session.record.llm_usage
        per_answer.append(LLMUsage(calls=after.calls - before.calls,
                                    prompt_tokens=after.prompt_tokens - before.prompt_tokens,
                                    completion_tokens=after.completion_tokens
                                    - before.completion_tokens,
                                    estimated_cost_usd=after.estimated_cost_usd
                                    - before.estimated_cost_usd))
        if session.next() is None:
            break
    return per_answer, session, graders[0]


def main() -> None:
    """Print the per-answer and per-session figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="gpt-4o-mini")
    parser.add_argument("--base-url", default=None)
    args = parser.parse_args()
    base = args.base_url or "http://127.0.0.1:9/v1"
    settings = Settings(backend="llm", openai_base_url=base, model=args.model,
                        follow_ups_per_question=0, timeout_s=300)
    if args.base_url is None:
        client = openai.OpenAI(api_key="benchmark", base_url=base,
                               http_client=httpx2.Client(transport=httpx2.MockTransport(
                                   scripted_reply)))
    else:
        client = make_openai_client(settings)
    source = args.base_url or "scripted endpoint, tiktoken counts"
    print(f"model {args.model} ({source})")
    twenty, session, grader = run_session(settings, client, 20)
    print(f"{'answer':>6} {'calls':>5} {'prompt':>7} {'completion':>10}")
    for index in (1, 10, 20):
        if index <= len(twenty):
            u = twenty[index - 1]
            print(f"{index:>6} {u.calls:>5} {u.prompt_tokens:>7} {u.completion_tokens:>10}")
    print(f"graded answers: {len(twenty)}; prompt tokens min {min(u.prompt_tokens for u in twenty)}"
          f", max {max(u.prompt_tokens for u in twenty)} (they vary with the question, not with"
          " its position)")
    first = session.record.turns[0]
    before = grader.llm.usage.prompt_tokens
    grader.grade(first.question, first.answer or "")
    remembered = grader.llm.usage.prompt_tokens - before
    # The session's grader remembers its verdicts, so the same answer costs nothing again;
    # a grader with no memory, on the same client, shows what its prompt weighs after 20.
    fresh = LLMGrader(grader.llm, OfflineGrader(), role=grader.role)
    before = grader.llm.usage.prompt_tokens
    fresh.grade(first.question, first.answer or "")
    again = grader.llm.usage.prompt_tokens - before
    print(f"answer 1 graded again after answer 20: prompt {again} tokens "
          f"(was {twenty[0].prompt_tokens} as answer 1): no history is resent; "
          f"sent again to the session's own grader: {remembered} tokens (its verdict is kept)")
    ten, _, _ = run_session(settings, client, 10)
    total = LLMUsage(calls=sum(u.calls for u in ten),
                     prompt_tokens=sum(u.prompt_tokens for u in ten),
                     completion_tokens=sum(u.completion_tokens for u in ten),
                     estimated_cost_usd=sum(u.estimated_cost_usd for u in ten))
    print(f"10-question session: {total.calls} calls, {total.prompt_tokens} prompt + "
          f"{total.completion_tokens} completion = {total.total_tokens} tokens, "
          f"estimated ${total.estimated_cost_usd:.4f} (prices as of the table's date)")


if __name__ == "__main__":
    main()
