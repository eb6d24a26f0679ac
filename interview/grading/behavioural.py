"""Criteria for behavioural answers: each STAR part on its own, ownership, specificity.

A story question ("Tell me about a time...") is scored on situation, task, action and
result; other behavioural questions ("Why this company?") on what a strong answer shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interview.grading import rubric
from interview.grading.markers import find_markers, points_to_score
from interview.grading.text import Analysed, analyse, content_stems, quote, stem
from interview.grading.themes import Theme, labels, theme_evidence
from interview.grading.vocab import TopicProfile, distinctive
from interview.models import Category, CriterionScore, Question

_I = re.IGNORECASE
_STORY_QUESTION = re.compile(r"\b(?:tell me about a time|describe (?:a|an|the) (?:time|situation"
                             r"|project|occasion|moment)|give (?:me )?an example|have you ever|"
                             r"a time when)\b", _I)
# A question asks for a real example when it says so, even beside "what would you do".
_ASKS_FOR_EXAMPLE = re.compile(
    r"\b(?:tell me about (?:a|an|one|the|some|feedback)\b|describe (?:a|an|one|the|working)\b|"
    r"give (?:me )?an example|have you (?:ever|been|faced|caught|had|dealt|owned|run|"
    r"contributed)|a time (?:when|you)|walk me through (?:a|an|one|it)\b|pick one of your|"
    r"on the last|which of your past|(?:use|draw on) (?:a|an) (?:real|test|forecast|example)|"
    r"(?:test|example|forecast|choice|concern|slowdown|request|feature) (?:like this )?you have|"
    r"if (?:it|this) has happened|tell me (?:how it|what happened|what you did|about the last)|"
    r"from a past)", _I)
_WOULD_YOU = re.compile(r"\bwould you\b|\bwhat should you\b|\bhow (?:should|could|can) you\b|"
                        r"\bif you (?:were|had)\b|\bimagine\b|\bsuppose\b", _I)
_WHAT_YOU_DO = re.compile(r"\b(?:how|what) do you\b|\bwalk me through (?:what|how) you\b|"
                          r"\bturn (?:that|this|it) into\b", _I)
_SCENARIO_CLAUSE = re.compile(r"(?:after|when|during|halfway|once|while|if)\b[^?]*,", _I)
STORY, PLAN, EITHER, PREPARED = "story", "plan", "either", "prepared"
# Words that describe what an answer does rather than what it says.
_DESCRIBING_TEXT = (
    "names name states state gives give explains explain shows show says say mentions "
    "acknowledges addresses treats expresses raises describes uses takes makes has does "
    "still genuine genuinely specific specifically clear clearly rather concrete own real "
    "candidate answer non trivial instead willing ready able tries")
_DESCRIBING = frozenset(stem(w) for w in _DESCRIBING_TEXT.split())
_SIGNAL_EXAMPLES = re.compile(r"\(([^)]*)\)|\b(?:such as|e\.g\.|for example|like)\s+"
                              r"([^.;()]*)", _I)
_PLAN_STEP = re.compile(r"\b(?:i|we)(?:'d|'ll| would| will| should| can| first| then| start"
                        r"| begin)\b|^(?:first|then|next|finally|after that|once)\b", _I)
_CONDITION = re.compile(r"\b(?:if|unless|depending on|in case|otherwise)\b", _I)
_STORY_CATEGORIES = frozenset({Category.TEAM_COLLABORATION, Category.PROBLEM_SOLVING_SCENARIOS,
                               Category.PAST_PROJECTS, Category.REFLECTING_ON_FEEDBACK})
_IRREGULAR = ("built wrote led ran made set began chose took drew brought sought spoke met sent "
              "found put kept held thought taught gave broke split rewrote undertook went "
              "told sat got cut shut saw knew won paid sold spent dug fought stood understood "
              "rebuilt redid reran shipped")
_NOT_ACTIONS_TEXT = ("was were had did been need needed based related called detailed "
                     "interested tired used supposed excited worried")
_NOT_ACTIONS = frozenset(_NOT_ACTIONS_TEXT.split())
_CUES: dict[str, re.Pattern[str]] = {
    rubric.SITUATION: re.compile(
        r"\b(?:when i was|at my (?:previous|last|current|old|first) (?:job|role|company|team|"
        r"employer)|in my (?:previous|last|current|first|old) (?:job|role|position|team|company)"
        r"|while (?:i was )?working|last (?:year|quarter|month|summer|spring|autumn|winter|week)|"
        r"(?:a|two|three|few) (?:years?|months?|weeks?) ago|(?:we|the team|the company|our team)"
        r" (?:had|was|were|faced)|there was|the (?:project|situation|context|background|client|"
        r"company|team|dashboard|pipeline|model) (?:was|had|needed|involved)|during (?:my|a|the|"
        r"our)|at (?:a|an) [a-z]+ (?:company|startup|bank|retailer|firm)|every (?:monday|tuesday|"
        r"wednesday|thursday|friday|week|month|morning)|i was the (?:only|lead|main|sole)|"
        r"(?:my|our) (?:first|last|previous) (?:job|role|project|month|week)|on a (?:monday|"
        r"friday|saturday|sunday))\b", _I),
    rubric.TASK: re.compile(
        r"\b(?:my (?:role|task|job|goal|responsibility|objective|remit|part) (?:was|were|is)|"
        r"i was (?:responsible|asked|tasked|assigned|hired|brought in|in charge|the only)|i "
        r"(?:needed|had|wanted|decided|volunteered|offered|set out|aimed|agreed) to|the (?:goal|"
        r"task|objective|aim|challenge|deadline|ask|brief|problem) was|(?:we|they|she|he) "
        r"(?:needed|wanted|asked)|i owned|asked (?:me|for)|so that|in order to|by (?:friday|"
        r"monday|the end of)|deadline|had to|i was on call|i (?:promised|committed|proposed|"
        r"offered)|(?:it|this|that) was (?:my|mine)|i took (?:on|over|ownership)|assigned to me|"
        r"(?:my|our) (?:manager|lead|director|client) asked)\b", _I),
    rubric.RESULT: re.compile(
        r"\b(?:as a result|result(?:ed)? in|the (?:result|outcome|impact) (?:was|is)|in the end|"
        r"eventually|ultimately|which (?:meant|led|reduced|increased|improved|saved|cut)|led to|"
        r"reduced|increased|improved|saved|grew|raised|lowered|dropped|boosted|shortened|doubled|"
        r"halved|tripled|went from|freed|stopped|caught|finished|we (?:shipped|launched|delivered"
        r"|hit|met|won)|i learn(?:ed|t)|lesson|since then|has since|(?:is|are|was) now|now "
        r"(?:i|we|they|the)|adopted|approved|signed off|agreed to|(?:manager|team|stakeholders?|"
        r"client|lead) (?:was|were|said|mentioned) ?(?:happy|pleased|satisfied)?|(?:test|"
        r"analysis|backtest|data|numbers?|results?) showed|so we (?:kept|dropped|shipped|chose|"
        r"switched|went|stayed|decided)|(?:we|they|she|he) (?:kept|chose|decided|accepted)|"
        r"no longer|never happened again|after that|afterwards|from then on|went live|rolled "
        r"out|recovered|restored|resolved|fixed|turned out|(?:i|we) (?:then |also )?(?:added|set "
        r"up|introduced|wrote) (?:a|an|two|three|new)? ?(?:\w+ )?(?:checks?|tests?|alerts?|"
        r"monitors?|monitoring|validations?|guards?|runbooks?))\b", _I),
}
_HYPOTHETICAL = re.compile(r"\bi(?: would|'d| always| usually| try to| tend to| generally)\b"
                           r"|\byou (?:should|need to|can)\b", _I)
_FIGURE = re.compile(r"\d|\b(?:half|double|twice|three times|ten times)\b", _I)
_I_REFS = re.compile(r"\b(?:i|my|me|myself)\b", _I)
_WE_REFS = re.compile(r"\b(?:we|our|us|ourselves)\b", _I)
_IRREGULAR_SET = frozenset(_IRREGULAR.split())
_OTHERS = re.compile(r"\b(?:they|them|their|he|she|his|her)\b", _I)
_ANY_AGENT = re.compile(r"\b(?:we|our|us|they|them|their|he|she|his|her|you|team|manager|"
                        r"colleague|lead)\b", _I)


def question_mode(question: Question) -> str:
    """How an answer to ``question`` is graded: ``STORY``, ``PLAN``, ``EITHER`` or ``PREPARED``.

    "How would you...?" (or a scenario set up and then "What do you do?") asks for a plan
    unless the question also asks for a real example, in which case either a plan or a
    story answers it. Other questions in the story categories ask for a story.
    """
    text = question.text
    example = _ASKS_FOR_EXAMPLE.search(text)
    plan_at = _hypothetical_at(text)
    if question.category in _STORY_CATEGORIES and plan_at is not None:
        # "Tell me about a time... Would you do the same today?" still asks for a story.
        if example is None:
            return PLAN
        return EITHER if plan_at < example.start() else STORY
    if question.category in _STORY_CATEGORIES or _STORY_QUESTION.search(text):
        return STORY
    # "Walk me through a dashboard in your portfolio" asks for a description, not a story.
    return PREPARED


def _hypothetical_at(text: str) -> int | None:
    """Where the question asks what the candidate would do (not did), or ``None``."""
    would = _WOULD_YOU.search(text)
    if would:
        return would.start()
    parts = [p for p in re.split(r"(?<=[.?!:])\s+", text.strip()) if p]
    scenario = (len(parts) >= 2 and not parts[0].endswith("?")) or bool(
        _SCENARIO_CLAUSE.match(text))
    doing = _WHAT_YOU_DO.search(text)
    return doing.start() if scenario and doing else None


def is_story_question(question: Question) -> bool:
    """Whether ``question`` asks only for a story from experience (scored with STAR)."""
    return question_mode(question) == STORY


def _cues(answer: Analysed, pattern: re.Pattern[str]) -> tuple[int, str]:
    """How many distinct cues ``pattern`` finds, and the first sentence that has one."""
    found = {m.group(0).lower() for m in pattern.finditer(answer.text)}
    where = next((s for s in answer.sentences if pattern.search(s)), "")
    return len(found), where


def _past_verbs(sentence: str) -> list[str]:
    """Past-tense verbs in a sentence (regular "-ed" forms and common irregular ones)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", sentence)]
    return [w for w in words if w not in _NOT_ACTIONS
            and ((w.endswith("ed") and len(w) >= 5) or w in _IRREGULAR_SET)]


def _opening_counts(answer: Analysed) -> int:
    """Credit for an opening that sets a scene: past narrative, with something specific."""
    opening = " ".join(answer.sentences[:2])
    narrative = bool(re.search(r"\b(?:was|were|had)\b", opening, _I) or _past_verbs(opening))
    specific = bool(_FIGURE.search(opening) or re.search(r"(?<=\w )[A-Z][a-z]+", opening))
    return int(narrative) + int(narrative and specific)


def star_part(answer: Analysed, part: str) -> CriterionScore:
    """Score the situation, task or result of a story."""
    count, sentence = _cues(answer, _CUES[part])
    if part == rubric.SITUATION:
        count += _opening_counts(answer)
        sentence = sentence or (answer.sentences[0] if count else "")
    score = 1 if count == 0 else min(5, count + 2)
    if part == rubric.RESULT:
        with_figure = next((s for s in answer.sentences if _CUES[part].search(s)
                            and _FIGURE.search(s)), "")
        score = 5 if with_figure else min(score, 4)
        sentence = with_figure or sentence
    return CriterionScore(name=part, score=score, evidence=quote(sentence),
                          comment=_STAR_COMMENTS[part][score >= 3])


_STAR_COMMENTS: dict[str, tuple[str, str]] = {
    rubric.SITUATION: ("No situation: say where you were and what was going on.",
                       "Sets the scene."),
    rubric.TASK: ("No task: say what you were responsible for or what the goal was.",
                  "Says what the goal or your responsibility was."),
    rubric.RESULT: ("No concrete result: say what changed, with a number if you can.",
                    "States the outcome."),
    rubric.ACTION: ("No actions of your own: say what you did, step by step.",
                    "Describes what you did."),
}


def is_narrative(sentence: str) -> bool:
    """Whether ``sentence`` is part of a first-person account or tells something that
    happened."""
    return bool(_I_REFS.search(sentence) or _WE_REFS.search(sentence) or _past_verbs(sentence))


def action_verbs(answer: Analysed) -> list[str]:
    """Distinct past-tense verbs in first-person sentences: the candidate's own actions."""
    verbs: list[str] = []
    for sentence in answer.sentences:
        if _I_REFS.search(sentence):
            verbs.extend(_past_verbs(sentence))
    mine = len(_I_REFS.findall(answer.text))
    ours = len(_WE_REFS.findall(answer.text)) + len(_OTHERS.findall(answer.text))
    if verbs and mine >= 2 * max(1, ours):
        # A first-person account of something the candidate built also tells what they did
        # in sentences about the thing itself ("Each load overwrote its partition").
        for sentence in answer.sentences:
            if not _I_REFS.search(sentence) and not _ANY_AGENT.search(sentence):
                verbs.extend(_past_verbs(sentence))
    return list(dict.fromkeys(verbs))


# "I've never missed a deadline", "I don't really make mistakes", "it just hasn't happened":
# the candidate denies the situation the question asks about instead of telling one.
_DENIAL = re.compile(
    r"\b(?:i(?:'ve| have)?|i'm|i am) (?:honestly |genuinely |really |actually |just )?"
    r"(?:never|not ever|not really|rarely)\b(?! (?:\w+ ){0,3}(?:before|until|again|since))"
    r"|\bi (?:honestly |genuinely |really )?(?:don't|do not|can't|cannot) (?:really )?"
    r"(?:make|have|get|let|allow|think of|remember|recall)\b(?! (?:\w+ ){0,2}(?:time|example|case) "
    r"(?:when|where))|\b(?:it|that|this) (?:just |simply )?(?:hasn't|has not|never) "
    r"(?:happened|come up)", _I)


def denies_the_premise(answer: Analysed) -> str | None:
    """The sentence that denies the situation asked about, when the rest tells no story."""
    denial = next((s for s in answer.sentences if _DENIAL.search(s)), None)
    if denial is None:
        return None
    rest = analyse(" ".join(s for s in answer.sentences if not _DENIAL.search(s)))
    if rest.sentences and tells_a_story(rest) and (
            len(action_verbs(rest)) >= 2 or _CUES[rubric.SITUATION].search(rest.text)):
        return None  # "I have never missed one, but once I came close: ..." tells a story
    return denial


def tells_a_story(answer: Analysed) -> bool:
    """Whether the answer is a first-person account of something that happened."""
    mine = len(_I_REFS.findall(answer.text)) + len(_WE_REFS.findall(answer.text))
    parts = sum(bool(_CUES[p].search(answer.text)) for p in _CUES)
    return (mine >= 1 and bool(action_verbs(answer))) or (mine >= 2 and parts >= 2)


def action_score(answer: Analysed) -> CriterionScore:
    """1-5 from how many distinct things the candidate says they did."""
    verbs = action_verbs(answer)
    score = points_to_score(len(verbs), (1, 2, 4, 6))
    comment = _STAR_COMMENTS[rubric.ACTION][score >= 3]
    if not verbs and _HYPOTHETICAL.search(answer.text):
        comment = "Says what you would do in general, not what you did: tell one real case."
    elif not verbs and _WE_REFS.search(answer.text):
        score = 2
    where = next((s for s in answer.sentences if verbs and verbs[0] in s.lower()), "")
    if verbs:
        comment += " Actions: " + ", ".join(verbs[:6]) + "."
    return CriterionScore(name=rubric.ACTION, score=score, evidence=quote(where), comment=comment)


def ownership_score(answer: Analysed, action: int = 5) -> CriterionScore:
    """1-5 from the share of "I" against "we", no higher than the actions shown allow."""
    mine = len(_I_REFS.findall(answer.text))
    ours = len(_WE_REFS.findall(answer.text))
    share = mine / (mine + ours) if mine + ours else 0.0
    score = min(1 + sum(share >= s for s in (0.01, 0.25, 0.4, 0.6)), action + 1)
    if mine + ours == 0:
        comment = "No first-person account: say what you yourself did."
    elif share < 0.25:
        comment = f'Mostly "we" ({ours} times against {mine} "I"): say what your own part was.'
    elif score <= 2:
        comment = 'Uses "I", but names no action of your own.'
    else:
        comment = f'Clear about your own part ("I" {mine} times, "we" {ours}).'
    where = next((s for s in answer.sentences if _I_REFS.search(s)), "")
    return CriterionScore(name=rubric.OWNERSHIP, score=score, evidence=quote(where),
                          comment=comment)


def specificity_score(answer: Analysed) -> CriterionScore:
    """1-5 from distinct figures, named tools and trade-offs."""
    marks = find_markers(answer)
    score = points_to_score(marks.points(), (1, 2, 3, 5))
    shown = marks.evidence()
    comment = ("Specific: names tools, figures or trade-offs." if score >= 4 else
               "Add specifics: the tools you used, the numbers involved, what you traded off.")
    return CriterionScore(name=rubric.SPECIFICITY, score=score,
                          evidence=quote(", ".join(shown)) if shown else "", comment=comment)


def story_relevance(profile: TopicProfile, answer: Analysed, themes: tuple[Theme, ...] = ()
                    ) -> CriterionScore:
    """1-5: a story fits when it touches the theme the question names (``themes``, from
    the team's list, when the question names one; else the question's own words)."""
    touched = theme_evidence(themes, answer) if themes else None
    if touched is not None and tells_a_story(answer):
        return CriterionScore(name=rubric.RELEVANCE, score=5, evidence=quote(touched),
                              comment=f"The story is about {labels(themes)}, as asked.")
    # Only the story's own sentences count, so a generic sentence that happens to use the
    # question's words (padding) does not make the story fit better.
    told = {i for i, sent in enumerate(answer.sentences) if _I_REFS.search(sent)
            or _WE_REFS.search(sent) or _past_verbs(sent)}
    hits = sorted({s for i, s in enumerate(answer.stems)
                   if s in profile.asked and answer.sentence_of[i] in told})
    share = len(hits) / len(profile.asked) if profile.asked else 1.0
    if not tells_a_story(answer):
        score = 1 if not hits else 2
    else:
        # A story seldom repeats the question's words, so no overlap is neutral (3).
        score = 3 + sum(share >= s for s in (0.01, 0.5))
    where = next((answer.sentences[answer.sentence_of[i]] for i, s in enumerate(answer.stems)
                  if s in hits), "")
    comment = ("The story fits the question." if score >= 4 else
               "Make the link to the question explicit: say how this story answers it.")
    return CriterionScore(name=rubric.RELEVANCE, score=score, evidence=quote(where),
                          comment=comment)


@dataclass(frozen=True)
class SignalMatch:
    """Which of the question's strong signals the answer shows."""

    shown: tuple[str, ...]
    missing: tuple[str, ...]


def signal_match(question: Question, answer: Analysed) -> SignalMatch:
    """A signal counts as shown when half of its subject words appear in the answer, or
    one of the examples it lists in brackets or after "such as" does.

    Signals describe an answer ("Names the alternatives considered"); the describing words
    ("names", "states", "acknowledges") are never in the answer itself, so they do not count.
    """
    shown: list[str] = []
    missing: list[str] = []
    for signal in question.strong_signals:
        (shown if _signal_shown(signal, answer) else missing).append(signal)
    return SignalMatch(tuple(shown), tuple(missing))


def _signal_shown(signal: str, answer: Analysed) -> bool:
    """Whether ``answer`` shows ``signal`` (see ``signal_match``)."""
    words = distinctive(content_stems(signal)) - _DESCRIBING
    if words and len(words & answer.stem_set) >= max(1, len(words) / 2):
        return True
    for found in _SIGNAL_EXAMPLES.finditer(signal):
        for item in re.split(r",|\bor\b|\band\b", found.group(1) or found.group(2)):
            wanted = distinctive(content_stems(item)) - _DESCRIBING
            if wanted and wanted <= answer.stem_set:
                return True
    return False


def approach_score(answer: Analysed) -> CriterionScore:
    """1-5 for a plan: distinct steps, their order, reasons, conditions and trade-offs."""
    steps = [s for s in answer.sentences if _PLAN_STEP.search(s)]
    marks = find_markers(answer)
    conditions = {m.group(0).lower() for m in _CONDITION.finditer(answer.text)}
    points = (min(3, len(steps)) + min(2, len(marks.structure)) + min(1, len(marks.reasons))
              + min(2, len(marks.trade_offs)) + min(1, len(conditions))
              + min(1, len(marks.examples)))
    score = points_to_score(points, (2, 4, 6, 8))
    comment = ("A clear plan: steps in order, with reasons and trade-offs." if score >= 4 else
               "Lay out the plan as steps: what you would do first and why, what you would "
               "check, and what you would trade off.")
    return CriterionScore(name=rubric.APPROACH, score=score,
                          evidence=quote(steps[0]) if steps else "", comment=comment)


def signals_score(match: SignalMatch) -> CriterionScore:
    """1-5 from the share of strong signals shown."""
    total = len(match.shown) + len(match.missing)
    share = len(match.shown) / total if total else 0.0
    score = 1 + round(4 * share**0.7) if match.shown else 1
    comment = f"Shows {len(match.shown)} of {total} things a strong answer shows."
    if match.missing:
        comment += " Not yet: " + "; ".join(match.missing[:3]) + "."
    return CriterionScore(name=rubric.SIGNALS, score=score, comment=quote(comment, 600))
