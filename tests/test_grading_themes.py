"""A well-told story about the wrong kind of situation answers a different question."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview.evaluation import read_eval_file
from interview.grading import OfflineGrader
from interview.grading.adhoc import question_from_record
from interview.grading.behavioural import EITHER, STORY, question_mode
from interview.grading.themes import load_themes, themes_asked
from interview.models import Flag, Kind
from interview.questions import load_bank

GRADER = OfflineGrader()
DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"


def story_question(text: str):  # type: ignore[no-untyped-def]
    return question_from_record("story", text, kind=Kind.BEHAVIOURAL)


PRODUCTION = story_question("Tell me about a time a model you shipped broke in production.")
DEADLINE = story_question("Describe a time you missed a deadline. What did you do?")
DISAGREE = story_question("Tell me about a time you disagreed with your manager.")
SIMPLER = story_question("Tell me about a time you picked a simpler solution over a "
                         "sophisticated one.")

MENTORING = (
    "Last year I mentored a new analyst who was struggling with SQL. I set up weekly pairing "
    "sessions, gave her small real tickets from our backlog and reviewed her queries with her. "
    "After three months she was handling reporting requests on her own."
)
WIKI = (
    "When I joined my last team nobody had documented the warehouse, so every new analyst spent "
    "weeks asking around. I started a wiki page per table with the owner and the known quirks, "
    "and asked each person to add one table a week. Within two months we had covered the 100 "
    "most-used tables and onboarding dropped from six weeks to three."
)
OUTAGE = (
    "A pricing model I deployed started returning empty scores for a third of our accounts "
    "after an upstream team renamed a plan type. I was on call, so I re-pointed the consumers "
    "at the previous day's scores, traced the null mapping in two hours, patched it and "
    "backfilled. I then added a check that fails the job when more than 1% of scores are empty."
)
SLIPPED = (
    "I promised a churn analysis for the quarterly review and realised a week before that the "
    "billing export was incomplete. I told my manager the same day that the date would slip, "
    "offered a partial version on time and delivered the full analysis four days late, with "
    "the gap explained. Since then I check data access before I commit to a date."
)
ARGUED = (
    "My manager wanted to launch the new ranking model on offline metrics alone. I disagreed, "
    "because our offline gains had not held up online twice before, and I proposed a two-week "
    "A/B test instead. I showed her the two earlier cases; she agreed, and the test showed a "
    "0.4% drop in conversion, so we kept the old model."
)
BASELINE = (
    "For ticket routing I first trained a transformer, then tried TF-IDF with a linear model as "
    "a baseline. It was within one point of F1, ran in milliseconds on a CPU and the support "
    "engineers could retrain it, so I recommended the simpler model and we shipped it."
)


CAUSED = story_question("Tell me about a production incident that you yourself caused.")
RECEIVED = story_question("Tell me about a time you received critical feedback. How did you "
                          "respond?")
CANCELLED = story_question("Describe a project you worked on for months that was cancelled.")
MENTOR = story_question("Describe a time you mentored a colleague who was struggling.")
CHANGED_MIND = story_question("Tell me about a time you genuinely changed your mind about "
                              "something important at work.")
TOOK_OVER = story_question("Have you ever taken over a project partway through from someone "
                           "else? What did you do in the first weeks?")
OTHERS_ERROR = story_question("Tell me about a time you found a mistake in someone else's "
                              "analysis. What did you do?")

# Stories on the right kind of situation with the wrong qualifier: someone else's incident,
# feedback the candidate gave, a project that shipped late, the candidate's own learning.
COLLEAGUES_INCIDENT = (
    "On a Saturday I was on call when the search service started timing out. I checked the "
    "deploy log and saw a colleague had pushed a config change raising the candidates per "
    "query tenfold. I rolled it back, latency recovered in ten minutes, and on Monday we added "
    "a load test to the config pipeline."
)
OWN_INCIDENT = (
    "I ran a backfill that I thought wrote to staging, but I'd left an environment variable "
    "pointing at production, and it overwrote two days of session data. I told my manager at "
    "once, restored the partitions from the snapshot by noon and added a guard that refuses "
    "production writes from a laptop."
)
GAVE_FEEDBACK = (
    "A junior analyst on my team kept sending reports whose numbers did not reconcile with "
    "finance. As her lead I booked a one-to-one, showed her two examples side by side and "
    "explained the impact. We agreed on a reconciliation check, and after a month the "
    "complaints from stakeholders had stopped."
)
GOT_FEEDBACK = (
    "After my first quarterly review my director told me my slides were impenetrable and that "
    "nobody had understood the recommendation. I asked her for two examples, rewrote the deck "
    "around one chart per decision and asked a product manager to review it. The next review "
    "took half the time and the pricing change was approved."
)
LATE_PROJECT = (
    "Our recommendation rewrite was meant to ship in Q2 and by May it was going to miss. I "
    "went through the backlog and moved 40% of it to a second release, paired with the two "
    "engineers on the slowest part, and we launched four weeks late instead of ten, with "
    "latency down from 180 to 60 milliseconds."
)
SHELVED_PROJECT = (
    "I spent four months on a lifetime value model, and after a reorganisation the project was "
    "shelved a week before launch. I wrote up the results and handed the feature pipeline to "
    "the marketing team, who reused it for churn scoring within a quarter. I now ask every "
    "quarter whether the sponsor still needs what I am building."
)
COLLEAGUES_ERROR = (
    "A contractor delivered a failure-prediction model reporting 95% recall. While integrating "
    "it I saw the split was random across sensor readings, so the same machine was on both "
    "sides. I re-split by machine and time, recall fell to 60%, and I went through both splits "
    "with the contractor, who retrained before the pilot."
)
CONVINCED_THEM = (
    "Our marketing director wanted to go from two to five emails a week. I thought that was "
    "risky, so I pulled two years of send logs, showed unsubscribes rising above three a week "
    "and ran a holdout test on 10% of the list. She agreed to cap sends at three, and the "
    "unsubscribe rate fell by about 30% the next quarter."
)
CONVINCED_ME = (
    "I was fairly sure our demand forecast needed a deep learning model and had argued for it. "
    "A junior engineer built a boosted baseline and asked for a proper comparison; I set up a "
    "12-week backtest and the baseline was within 1% at a fraction of the cost. I changed my "
    "recommendation and we shipped the boosted model."
)
FROM_SCRATCH = (
    "I built our company's first experimentation platform from scratch: people had run tests "
    "by hand in spreadsheets. I interviewed the product teams, designed the assignment service "
    "and the metrics pipeline and piloted it with one team. Within a year 40 experiments a "
    "quarter ran on it and decisions came in two days instead of two weeks."
)
HANDED_OVER = (
    "I was handed a half-built anomaly detection service when the engineer who started it "
    "moved to another org. I read the code and the design doc in my first week and met the "
    "operations team, who wanted alerts per merchant, so I re-scoped it and rewrote the "
    "detection logic. It launched three weeks late and ops use it for their daily checks."
)
OWN_LEARNING = (
    "When I moved to a health insurer I had two weeks to learn the domain before presenting "
    "an analysis of claim costs. I booked chats with six people across claims and kept a "
    "glossary that grew to 80 terms. I delivered on time, and the analysis showed 4% of "
    "members drove 55% of costs."
)


@pytest.mark.parametrize(("question", "story"), [
    (CAUSED, COLLEAGUES_INCIDENT), (RECEIVED, GAVE_FEEDBACK), (CANCELLED, LATE_PROJECT),
    (MENTOR, OWN_LEARNING), (OTHERS_ERROR, OWN_INCIDENT), (CHANGED_MIND, CONVINCED_THEM),
    (TOOK_OVER, FROM_SCRATCH),
])
def test_a_story_on_the_right_situation_but_the_wrong_qualifier_is_off_topic(question, story):
    fb = GRADER.grade(question, story)
    assert Flag.OFF_TOPIC in fb.flags and fb.score <= 2
    assert any("does not answer the question" in n for n in fb.notices)


@pytest.mark.parametrize(("question", "story"), [
    (CAUSED, OWN_INCIDENT), (RECEIVED, GOT_FEEDBACK), (CANCELLED, SHELVED_PROJECT),
    (MENTOR, MENTORING), (OTHERS_ERROR, COLLEAGUES_ERROR), (CHANGED_MIND, CONVINCED_ME),
    (TOOK_OVER, HANDED_OVER),
])
def test_a_story_with_the_qualifier_asked_is_not_capped(question, story):
    fb = GRADER.grade(question, story)
    assert Flag.OFF_TOPIC not in fb.flags and fb.score >= 3  # the off-topic cap is 2
    relevance = next(c for c in fb.criteria if c.name == "Relevance")
    assert relevance.score == 5 and relevance.evidence


PUSHED_BACK = story_question("Tell me about a time you had to say no to a stakeholder. How "
                             "did you handle it?")
OVERRULED = story_question("Tell me about a time you disagreed with a decision your manager "
                           "made but went along with it anyway.")
CREDIT = story_question("Tell me about a conflict you had with a colleague over who got "
                        "credit for a piece of work.")


@pytest.mark.parametrize(("question", "story"), [
    (PUSHED_BACK,
     "A product manager wanted me to report an experiment after four days for a launch review. "
     "The test was planned for two weeks and the early lift was a novelty spike, so I told her "
     "I couldn't sign off on it yet and wrote two slides calling it early and promising. The "
     "final result was positive but a third of the early read."),
    (OVERRULED,
     "My manager wanted to launch our pricing model in all regions at once; I wanted a staged "
     "rollout because it had only been backtested. I made my case in planning with the "
     "numbers. She decided to go ahead, so I built a regional monitoring dashboard and a switch "
     "back to the old prices, which we used in one region in the first week."),
    (CREDIT,
     "I built most of a lifetime value model, and at the quarterly review a finance analyst "
     "presented it as his team's work. I was annoyed, but I asked him for a coffee the next "
     "day; he thought my model was an input he had been given. We wrote down who owns what, "
     "and he added a line crediting the model on the next deck."),
])
def test_a_story_on_the_theme_in_other_words_is_not_capped(question, story):
    fb = GRADER.grade(question, story)
    assert Flag.OFF_TOPIC not in fb.flags and fb.score >= 3  # the off-topic cap is 2


PRIORITIES = story_question("Tell me about a time when two managers gave you conflicting "
                            "priorities at the same time. What did you do?")
MIXED_RESULT = (
    "I had to present our pricing experiment to the executive team, who expected a clear win. "
    "Revenue was up 3% but margins were down 1%, so I led with the trade-off, showed both "
    "numbers per segment and recommended rolling out only in the two segments where both "
    "rose. They approved that, and the rollout added 2% margin in its first quarter."
)
SHORT_DEADLINE = (
    "My manager asked for a warehouse demand forecast in three weeks; the plan had been six. "
    "On the first day I broke the work down and proposed a simpler region-level model with an "
    "error band. I delivered it on the Friday of week three, and it was within 8% of actual "
    "volumes over the first two months."
)


@pytest.mark.parametrize(("question", "story"), [
    (PRODUCTION, MIXED_RESULT), (PRIORITIES, SHORT_DEADLINE),
])
def test_everyday_words_do_not_make_a_story_fit_the_theme(question, story):
    # "margins were down" is no outage; "on the first day" is no choice between priorities.
    fb = GRADER.grade(question, story)
    assert Flag.OFF_TOPIC in fb.flags and fb.score <= 2


BUDGET_CUT = story_question("Tell me about a time your budget was cut partway through a "
                            "project and you still had to deliver.")
ROADMAP = story_question("Tell me about a time you used data to change what was on a product "
                         "roadmap.")
UNINTENDED = story_question("Describe a time a model you shipped was used in a way you hadn't "
                            "intended. What did you do?")
MIGRATION = (
    "Last spring the old warehouse licence was expiring on 30 June and we had to move 140 "
    "tables before then. I ranked the tables by how many dashboards used them, migrated the top "
    "30 first and automated row-count checks between old and new. We switched over on 27 June "
    "with no broken dashboards."
)
AUTOMATED_REPORT = (
    "Every Monday I spent six hours copying numbers from three systems into an Excel report. I "
    "wrote a Python job that pulled the data through the APIs and rendered the same tables into "
    "an email, ran it alongside my manual version for three weeks to prove the figures matched, "
    "and freed a day a week for cohort analysis."
)
LOST_BUDGET = (
    "Two months into a pricing project finance cut the budget for the market data feed we had "
    "planned to buy, about 80k a year. I proposed using price-match requests from our own "
    "customer service logs instead, combined with elasticity estimates from past promotions, "
    "and we delivered recommendations for 2,000 products by the end of the quarter."
)
MOVED_ROADMAP = (
    "The roadmap had a Salesforce integration because two big prospects asked for it. I tagged "
    "a year of lost-deal notes from the CRM: integrations came up in a handful, single sign-on "
    "in a third of enterprise losses. I presented the tagged examples at quarterly planning and "
    "leadership moved SSO ahead of the integration."
)
REUSED_SCORE = (
    "I built a score of who would respond to a refinancing email, purely to target marketing. "
    "Four months later I saw in the access logs that the collections team had started using it "
    "to decide whom to call first. It had never been validated for repayment, so I met their "
    "lead, showed the gap and documented its limitations on the feature store."
)


# (question, story, whether the story fits): each theme once with a story about another
# situation and once with one on it, told in its own words.
FIT_CASES = [
    # a budget cut, a roadmap change, an unintended use
    (BUDGET_CUT, OUTAGE, False), (BUDGET_CUT, LOST_BUDGET, True),
    (ROADMAP, MIGRATION, False), (ROADMAP, MOVED_ROADMAP, True),
    (UNINTENDED, AUTOMATED_REPORT, False), (UNINTENDED, REUSED_SCORE, True),
]


ADOPT_REVIEWS = story_question("Have you ever had to get a team to start writing tests or "
                               "doing code reviews when they weren't?")
LED_CHANGE = story_question("Tell me about a time you led a change across people who did not "
                            "report to you.")
SNAPSHOT_DEADLINE = (
    "We had to deliver a churn model for a board meeting with three weeks' notice. I worked "
    "with the data engineer to get a one-off snapshot of the features instead of building the "
    "full pipeline, and trained two candidate models with backtests on the last year. We "
    "presented on time and built the pipeline the following month."
)
SEASONALITY = (
    "Our marketing director wanted to measure a TV campaign by comparing December sales with "
    "November. I told her this would make the campaign look amazing but it was mostly "
    "seasonality. She wasn't thrilled at first; I built a comparison against regions where it "
    "did not air and the lift came out at 4% rather than 30%, and she presented my version."
)
TRIED_REVIEWS = (
    "The ML team shipped models straight from notebooks. After a preprocessing bug went "
    "unnoticed for weeks, I suggested we try reviews for a month, set up a pull-request "
    "template with a short checklist and reviewed most early PRs myself. By the end of the "
    "month everyone was using PRs, and we kept the process."
)


FIT_CASES += [
    # "instead of building the pipeline" is no push-back, "backtests" no persuasion
    (PUSHED_BACK, SNAPSHOT_DEADLINE, False), (LED_CHANGE, SNAPSHOT_DEADLINE, False),
    (PUSHED_BACK, SEASONALITY, True), (ADOPT_REVIEWS, TRIED_REVIEWS, True),
]


PRIVACY = story_question("Describe a situation where you raised a privacy or ethical concern "
                         "about how data was being used.")
REDACTED = (
    "During an internship I noticed the call-centre transcripts I was analysing included card "
    "numbers and addresses, in a shared drive the whole department could open. I stopped, told "
    "my supervisor the same day and wrote a script to mask them, checked 200 transcripts by "
    "hand, and the raw files were moved to a restricted folder."
)


def test_a_privacy_story_in_its_own_words_fits_the_theme():
    fb = GRADER.grade(PRIVACY, REDACTED)
    assert Flag.OFF_TOPIC not in fb.flags and fb.score >= 3


CHANGING_REQS = story_question("Tell me about a time the requirements for a project kept "
                               "changing while you were working on it.")
DOUBTED = story_question("Tell me about a time leadership was excited about a result that you "
                         "had doubts about.")
SPEED_QUALITY = story_question("Tell me about a time you had to trade off delivering quickly "
                               "against doing the work to a high standard.")
SPARK_DEBATE = (
    "A senior engineer and I disagreed about building our feature pipeline in Spark or keeping "
    "it in SQL. We wrote down the criteria together and I benchmarked the three heaviest "
    "transformations both ways: SQL ran in 6 minutes against 4, at a third of the cost. He "
    "agreed, and we documented a threshold at which we would revisit it."
)
SHIFTING_BRIEF = (
    "Building a segmentation for marketing, the brief kept shifting: first spend, then "
    "engagement, then their campaign calendar. I met the marketing lead to find the decision "
    "the segments would drive, wrote a one-page spec they signed off, and delivered segments "
    "their email tool could target, which lifted open rates by 12%."
)
WAREHOUSE_PITCH = (
    "I persuaded our leadership to fund a data warehouse instead of nightly spreadsheet "
    "exports. I costed the current approach at 30 analyst hours a week, built a proof of "
    "concept in two weeks and presented a phased plan at about 40k. They approved phase one, "
    "and report preparation time fell by two thirds."
)
TOO_BIG = (
    "Our VP presented a 9-point retention lift from the new homepage, from a dashboard I "
    "owned, and it felt too big. I checked it and found the rollout had gone by app version, "
    "so early updaters, our most engaged users, got it first. Matched on engagement, the lift "
    "was under one point, and I told the VP before planning started."
)
GOOD_ENOUGH = (
    "Two weeks before Black Friday marketing wanted a model to pick who got a discount code. "
    "A proper uplift model would take three weeks, so I decided what had to be right (opt-outs, "
    "fraud flags, the holdout) and what could be rough, shipped a simple response model on "
    "time, and built the uplift model properly in January."
)


FIT_CASES += [
    # changing requirements, a doubted result, speed against quality
    (CHANGING_REQS, SPARK_DEBATE, False), (CHANGING_REQS, SHIFTING_BRIEF, True),
    (DOUBTED, WAREHOUSE_PITCH, False), (DOUBTED, TOO_BIG, True),
    (SPEED_QUALITY, MENTORING, False), (SPEED_QUALITY, GOOD_ENOUGH, True),
]


@pytest.mark.parametrize(("question", "story", "fits"), FIT_CASES)
def test_a_story_fits_its_theme_only_when_it_is_about_it(question, story, fits):
    fb = GRADER.grade(question, story)
    assert (Flag.OFF_TOPIC not in fb.flags) is fits, fb.notices
    assert (fb.score >= 3) is fits  # the off-topic cap is 2


def test_a_required_theme_is_named_in_the_message():
    fb = GRADER.grade(CAUSED, COLLEAGUES_INCIDENT)
    assert any("a mistake of your own" in n for n in fb.notices), fb.notices


@pytest.mark.parametrize(("question", "story"), [
    (PRODUCTION, MENTORING), (PRODUCTION, WIKI), (DEADLINE, WIKI), (DEADLINE, MENTORING),
    (DISAGREE, WIKI), (DISAGREE, OUTAGE), (SIMPLER, MENTORING), (SIMPLER, SLIPPED),
])
def test_a_fluent_story_about_another_situation_is_off_topic(question, story):
    fb = GRADER.grade(question, story)
    assert Flag.OFF_TOPIC in fb.flags and fb.score <= 2
    assert any("does not answer the question" in n for n in fb.notices)


@pytest.mark.parametrize(("question", "story"), [
    (PRODUCTION, OUTAGE), (DEADLINE, SLIPPED), (DISAGREE, ARGUED), (SIMPLER, BASELINE),
])
def test_a_story_on_the_theme_asked_is_relevant_and_not_capped(question, story):
    fb = GRADER.grade(question, story)
    assert Flag.OFF_TOPIC not in fb.flags and fb.score >= 4
    relevance = next(c for c in fb.criteria if c.name == "Relevance")
    assert relevance.score == 5 and relevance.evidence


def test_every_model_story_in_the_bank_touches_the_theme_its_question_names():
    checked = 0
    for q in load_bank().questions:
        if q.kind is not Kind.BEHAVIOURAL or question_mode(q) not in (STORY, EITHER):
            continue
        if not themes_asked(q.text) or not q.reference_answer:
            continue
        fb = GRADER.grade(q, q.reference_answer)
        assert Flag.OFF_TOPIC not in fb.flags, q.id
        checked += 1
    assert checked >= 20


def test_every_theme_is_complete_and_named_by_some_question_in_the_bank_or_these_tests():
    texts = [q.text for q in load_bank().questions]
    texts += [q.text for q in (PRODUCTION, DEADLINE, DISAGREE, SIMPLER, CAUSED, RECEIVED,
                               CANCELLED, MENTOR, OTHERS_ERROR, CHANGED_MIND, TOOK_OVER,
                               PRIORITIES, BUDGET_CUT, ROADMAP, UNINTENDED, DOUBTED,
                               METRIC_Q, CHART_Q, UNKNOWN_Q, SLOW_Q, COST_Q, BUY_Q)]
    for name in ("devset", "holdout", "holdout2"):  # the team's labelled questions
        texts += [r.question for r in read_eval_file(DATA / f"{name}.jsonl")]
    for theme in load_themes():
        assert theme.label and theme.asked and theme.evidence
        assert any(p.search(t) for t in texts for p in theme.asked), theme.label


@pytest.mark.parametrize("answer", [
    "Honestly, I've never missed a deadline. I plan with buffers and I'm very organised.",
    "I don't really make mistakes like that, because I double-check everything I ship.",
    "I'm honestly never late on a deadline, because I plan with buffers and communicate early.",
])
def test_denying_the_situation_instead_of_telling_one_scores_one(answer):
    fb = GRADER.grade(DEADLINE, answer)
    assert fb.score == 1
    assert any("gives no example" in tip for tip in fb.improvements)
    assert GRADER.grade(DEADLINE, SLIPPED).score >= 3  # a real story to the same question


def test_a_denial_followed_by_a_real_story_is_graded_as_the_story():
    answer = "I have never missed one outright, but I came close once. " + SLIPPED
    fb = GRADER.grade(DEADLINE, answer)
    assert fb.score >= 3
    assert not any("gives no example" in tip for tip in fb.improvements)


DOCS = story_question("Tell me about a time you improved your team's documentation or "
                      "onboarding.")
RUNBOOKS = (
    "Our on-call rotation had no written procedures, so each page meant messaging whoever had "
    "built the job. I collected the eight alerts that fired most often, wrote a runbook for each "
    "with the checks and the fix, and had two colleagues follow them during a quiet shift to "
    "find the gaps. Pages that needed a second person fell from about ten a month to two."
)

FIT_CASES += [
    # documentation: a runbook story fits without any word of mentoring; an outage does not
    (DOCS, RUNBOOKS, True), (DOCS, OUTAGE, False),
]


# Subjects of the question that are not the situation asked about: "late or bad records" is
# what a pipeline handles, not a deadline; "customer feedback" is the data, not feedback on
# the candidate. A story that answers such a question in its own words is not capped.
CUT_OFF_RECORDS = (
    "I built the pipeline that loads our payment events into the warehouse from a Kafka topic. "
    "Events that arrived after their hour had closed went to a correction table that I merged "
    "nightly, and rows failing the schema check went to a quarantine table with the reason. I "
    "added row-count and freshness checks against the source, and in a year we had two "
    "incidents, both caught by those checks before anyone downstream noticed."
)
SUPPORT_TICKETS = (
    "A support lead once asked me to 'use AI on our tickets'. I sat with her for an hour to find "
    "the decision behind it: which complaints to route to the billing team. I labelled 300 "
    "tickets with her, trained a simple classifier that routed 70% of them correctly at 95% "
    "precision, and the billing team's first response time fell from two days to four hours."
)


@pytest.mark.parametrize(("question_id", "story"), [
    ("pp-data-pipeline-built", CUT_OFF_RECORDS),
    ("ps-vague-request-from-stakeholder", SUPPORT_TICKETS),
])
def test_a_subject_of_the_question_is_not_a_theme_the_story_must_touch(question_id, story):
    fb = GRADER.grade(load_bank().get(question_id), story)
    assert Flag.OFF_TOPIC not in fb.flags and fb.score >= 3, fb.notices


FAILED_LAUNCH = story_question("Tell me about a launch you were part of that failed. What did "
                               "you take away from it?")
WRONG_CALL = story_question("Tell me about a decision you made that others disagreed with and "
                            "that turned out to be wrong.")
EXPLAIN_RISK = story_question("Describe a time you had to explain the risk in a model's "
                              "predictions to a business owner.")
BURIED_LISTINGS = (
    "I shipped a new ranking model for our job board after a good two-week test. Within days "
    "employers started complaining that their new postings never showed up on the first page: "
    "the model leaned on past clicks, which new postings did not have. I added a recency "
    "feature and a slot for fresh postings, re-ran the test for a month and relaunched; the "
    "complaints stopped and applications per posting held at +6%."
)
BUILT_IN_HOUSE = (
    "I chose to build our own dashboarding layer even though my manager and the BI lead "
    "recommended the vendor tool. I wrote it over six weeks, but it needed constant "
    "maintenance and people stopped trusting its numbers. I went back, said I had "
    "underestimated the upkeep, and moved our twenty dashboards to the vendor myself."
)
FIXED_DEADLINE = (
    "I had four weeks to ship a churn score before our largest client's renewal. I cut the "
    "scope to the two products that made most of their revenue, used a model I could retrain "
    "in minutes and met the engineer integrating it every morning. We shipped three days early "
    "and the forecast error was 15% lower than their old spreadsheet. I learned that cutting "
    "scope on day one is what makes a fixed deadline workable."
)
KPI_DECK = (
    "Every week I spent a day building the KPI deck by hand, copying numbers from three tools "
    "into a spreadsheet and then into slides. I wrote SQL models for the fourteen KPIs, a "
    "script that rendered the charts and the deck, and scheduled it for Monday mornings with "
    "a freshness check. It saved about 30 hours a month and two other teams copied it."
)

FIT_CASES += [
    # a failure told in its own words ("complaining", "relaunched"), a wrong call others
    # opposed ("even though ... recommended", "underestimated")
    (FAILED_LAUNCH, BURIED_LISTINGS, True), (WRONG_CALL, BUILT_IN_HOUSE, True),
    # "a fixed deadline", "the forecast error" and a closing lesson are no failure; a deck
    # built by a script is no explaining to anyone
    (FAILED_LAUNCH, FIXED_DEADLINE, False), (EXPLAIN_RISK, KPI_DECK, False),
]


# Words that turn up in about one honest story in eight about other situations, and that no
# honest story on the theme needed (measured over every set and the bank's model stories),
# do not show the theme: "fixed" for a production break, "told" for bad news, "rather than"
# for a trade-off, "requests" for growing load.
BROKE_Q = story_question("Tell me about a time something you built broke in production.")
BAD_NEWS_Q = story_question("Tell me about a time you had to deliver bad news to a "
                            "stakeholder.")
TRADE_OFF_Q = story_question("Describe an important trade-off you made on a project.")
SCALE_Q = story_question("Tell me about a time your work had to handle far more users than "
                         "it was built for.")
PAIRED_ON_SQL = (
    "A new analyst on my team kept writing SQL that took an hour to run. I paired with her for "
    "two afternoons, we fixed the joins together and I showed her how to read a query plan. A "
    "month later her queries ran in minutes and she was the one teaching the next new joiner."
)
TOLD_THE_TEAM = (
    "When I joined, every analyst rebuilt the same customer table by hand. I told the team I "
    "would write one shared dbt model, wrote it in a week with tests, and we retired eleven "
    "copies; the weekly numbers stopped disagreeing between teams."
)
LEARNT_AIRFLOW = (
    "I had two weeks to learn Airflow for a migration. I worked through the official tutorial, "
    "ported one small job first rather than the biggest, and asked a platform engineer to "
    "review my first DAG; all twelve jobs moved on schedule."
)
TICKET_REQUESTS = (
    "Our analytics team got many ad hoc requests from sales. I set up an intake form, grouped "
    "the requests by theme each Friday and built three dashboards that answered most of them; "
    "the number of requests fell by half within two months."
)

FIT_CASES += [
    (BROKE_Q, PAIRED_ON_SQL, False), (BAD_NEWS_Q, TOLD_THE_TEAM, False),
    (TRADE_OFF_Q, LEARNT_AIRFLOW, False), (SCALE_Q, TICKET_REQUESTS, False),
]

# Three themes from holdout12's questions (spent): a metric two teams compute differently, a
# chart the candidate thought misleading, a question the candidate could not answer. The
# stories below are new; each off-topic one is a good story about another situation.
METRIC_Q = story_question("Tell me about a time two departments reported the same metric "
                          "but calculated it differently. What did you do?")
CHART_Q = story_question("Describe a time you were asked to present a number you believed "
                         "was misleading.")
UNKNOWN_Q = story_question("Tell me about a time you were asked something in a meeting and "
                           "did not know the answer.")
TWO_CHURN_RATES = (
    "Support and finance both reported monthly churn, and finance's figure was twice "
    "support's. I read both queries: finance divided cancelled contracts by contracts at the "
    "start of the month, support counted only customers who had filed a cancellation ticket. "
    "I wrote up the two definitions side by side, agreed with both leads to rename them "
    "'contract churn' and 'requested churn', and added both to our metrics glossary."
)
PER_STORE = (
    "A regional director wanted a slide saying the new loyalty app had lifted sales by 30%. "
    "The stores that got it first were our largest, so the raw comparison overstated it. I "
    "showed her the sales per store against the same stores a year earlier, which put the "
    "lift at 6%, and she used that figure with a note on how it was measured."
)
SAID_I_DID_NOT_KNOW = (
    "In a planning meeting the head of sales asked me whether our forecast would hold if we "
    "raised prices by 5%. I didn't know: the model had never seen a price change that large. "
    "I said so, promised an answer by Friday, and ran a test on two regions' history of "
    "smaller changes; I came back with a range and the caveat that it was an extrapolation."
)
QUEUE_MIGRATION = (
    "Our nightly export job kept timing out as the customer table grew, so I moved it from a "
    "single query to an incremental load keyed on updated_at, with a daily check of row "
    "totals. The run went from three hours to twelve minutes and has not failed since."
)
SPEEDUP_STORY = (
    "I inherited a scoring service that took nine seconds per request. I profiled it, found "
    "that features were fetched one at a time, batched the calls and cached the static ones; "
    "latency dropped to 400 milliseconds and the team could retire two servers."
)

FIT_CASES += [
    (METRIC_Q, TWO_CHURN_RATES, True), (METRIC_Q, QUEUE_MIGRATION, False),
    (CHART_Q, PER_STORE, True), (CHART_Q, SPEEDUP_STORY, False),
    (UNKNOWN_Q, SAID_I_DID_NOT_KNOW, True), (UNKNOWN_Q, QUEUE_MIGRATION, False),
]

# Bank questions that named no theme, so any well-told story passed them: each now names
# one (the slowdown, the cloud bill and build-or-buy have themes of their own), and a
# mentoring story told for them is off-topic. Their model stories still fit (see
# test_every_model_story_in_the_bank_touches_the_theme_its_question_names).
@pytest.mark.parametrize("question_id", [
    "ps-flat-ab-test-result", "ps-data-used-beyond-consent", "ps-results-too-good-to-be-true",
    "ps-job-suddenly-slow", "ps-unrealistic-deadline", "ps-llm-assistant-states-wrong-facts",
    "ps-column-wrong-for-months", "ps-cloud-bill-doubled", "ps-build-or-buy",
    "rf-stakeholder-found-it-useless",
])
def test_a_bank_question_names_a_theme_and_a_story_about_another_is_capped(question_id):
    question = next(q for q in load_bank().questions if q.id == question_id)
    assert themes_asked(question.text)
    fb = GRADER.grade(question, MENTORING)
    assert Flag.OFF_TOPIC in fb.flags and fb.score <= 2


SLOW_Q = story_question("Tell me about a report or job that became slow. How did you fix it?")
COST_Q = story_question("Describe a time your team's compute costs rose sharply and you had "
                        "to bring them down.")
BUY_Q = story_question("Tell me about a time you recommended buying a tool from a vendor "
                       "rather than building it.")
FIT_CASES += [
    (SLOW_Q, QUEUE_MIGRATION, True), (SLOW_Q, TWO_CHURN_RATES, False),
    (COST_Q, "Our Spark cluster's monthly bill went from $9k to $21k after a migration. I "
             "tagged every job, found two nightly jobs running on idle on-demand nodes for "
             "hours, moved them to spot instances and right-sized the rest; the bill fell to "
             "$11k the next month.", True),
    (COST_Q, SPEEDUP_STORY, False),
    (BUY_Q, "We needed labelled images fast, and I compared building an annotation tool with "
            "a managed labelling vendor. Building would take a quarter of two engineers; the "
            "vendor's licence cost less than one. I recommended buying it, and we had 20,000 "
            "labels in five weeks.", True),
    (BUY_Q, PER_STORE, False),
]
