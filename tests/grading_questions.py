"""Small hand-written questions for the grading tests (not the real bank)."""

from __future__ import annotations

from interview.models import Category, KeyPoint, Misconception, Question, RoleFocus

STRONG_KMEANS = (
    "I run k-means for k from 2 to 10 and plot the inertia (within-cluster sum of squares); "
    "the elbow where the curve flattens is a candidate. Then I compare silhouette scores, "
    "because the elbow is often ambiguous. Finally I check the clusters make sense for the "
    "business and are stable across different random seeds."
)
PARTIAL_KMEANS = "You can use the elbow method: plot the inertia against k and pick the bend."

STRONG_STORY = (
    "At my last job at a retail startup, the marketing lead and I disagreed about whether a "
    "promotion had worked. My task was to give the leadership team a clear answer before the "
    "quarterly budget meeting. I pulled the transaction data, built a difference-in-differences "
    "analysis in Python comparing the promoted stores with matched controls, and I walked her "
    "through it in a one-hour session. I also proposed a small A/B test for the next promotion. "
    "As a result we agreed the uplift was 3% rather than the 12% she had claimed, and the "
    "company cut the promotion budget by 40%, saving about 200k."
)
WE_STORY = (
    "We had a disagreement on the team about an analysis. We talked it through and we decided "
    "to run more tests. In the end we agreed."
)


def kmeans_question() -> Question:
    """A technical question with key points, a misconception and follow-ups."""
    return Question(
        id="kmeans-k",
        category=Category.ALGORITHMS_AND_MODELS,
        roles=[RoleFocus.DATA_SCIENTIST],
        text="How do you choose the number of clusters k in k-means?",
        key_points=[
            KeyPoint(name="the elbow method",
                     phrasings=["elbow method", "elbow", "inertia",
                                "within-cluster sum of squares"]),
            KeyPoint(name="silhouette score", phrasings=["silhouette score", "silhouette"]),
            KeyPoint(name="domain knowledge",
                     phrasings=["domain knowledge", "business need", "business context"]),
            KeyPoint(name="stability across runs",
                     phrasings=["stability", "random initialisation", "different seeds"]),
        ],
        reference_answer=(
            "Run k-means for a range of k and plot the inertia; pick the elbow where it "
            "flattens. Check the silhouette score for each k. Use domain knowledge of how many "
            "groups are useful, and check that clusters are stable across random seeds."
        ),
        misconceptions=[
            Misconception(statement="k-means finds k automatically",
                          phrasings=["finds k automatically", "determines k by itself"],
                          correction="k must be chosen; k-means only splits the data into the "
                          "k clusters you give it."),
        ],
        follow_ups=["How would the silhouette score guide you?",
                    "What if the clusters are not spherical?"],
    )


def conflict_question() -> Question:
    """A behavioural story question."""
    return Question(
        id="conflict",
        category=Category.TEAM_COLLABORATION,
        roles=[RoleFocus.DATA_SCIENTIST],
        text="Tell me about a time you disagreed with a colleague about an analysis.",
        strong_signals=["Describes the disagreement without blaming", "Uses data to resolve it",
                        "States a measurable outcome"],
        follow_ups=["What would you do differently?"],
    )
