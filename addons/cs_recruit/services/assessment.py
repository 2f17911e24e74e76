"""Scores of the voice audition (R4), the interviews (R5) and the tests (R5), without any Odoo import.

* Audition (听试, S0/S4): each criterion (pronunciation and Mandarin, voice quality, speaking rate, clarity and
  logic, listening and reaction) is scored from 0 to its maximum; the total is the weighted mean brought to
  a 0-100 scale, and the candidate passes at or above the pass mark.
* Interview: six core competencies scored 1-5; the result is their plain mean, passing at or above the mark.
* Written and personality tests: the survey's score against the test's pass mark.
"""
from collections import namedtuple
from decimal import Decimal, ROUND_HALF_UP

DEFAULT_AUDITION_PASS_MARK = 60.0
DEFAULT_INTERVIEW_PASS_MARK = 3.0
INTERVIEW_SCORE_MAX = 5

Criterion = namedtuple('Criterion', 'weight score max_score')
Criterion.__doc__ = """One scored criterion: its weight (>= 0), the score given and the highest possible score."""


def _round(value, digits=1):
    return float(Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def weighted_score(criteria):
    """Return the weighted score of ``criteria`` (a list of :class:`Criterion`) on a 0-100 scale, 1 decimal.

    total = Σ weight × score / max_score ÷ Σ weight × 100. Example: weights 30/20/15/20/15 and scores
    4, 3, 5, 4, 2 out of 5 give (30×0.8 + 20×0.6 + 15×1 + 20×0.8 + 15×0.4) / 100 × 100 = 73.0.
    Raises ValueError on a negative weight, a score outside 0..max, or when every weight is zero.
    """
    total_weight = 0.0
    total = 0.0
    for criterion in criteria:
        if criterion.weight < 0:
            raise ValueError("a weight cannot be negative (got %s)" % criterion.weight)
        if criterion.max_score <= 0:
            raise ValueError("the highest score must be positive (got %s)" % criterion.max_score)
        if not 0 <= criterion.score <= criterion.max_score:
            raise ValueError("score %s is outside 0..%s" % (criterion.score, criterion.max_score))
        total_weight += criterion.weight
        total += criterion.weight * criterion.score / criterion.max_score
    if not total_weight:
        raise ValueError("at least one criterion must have a weight")
    return _round(total / total_weight * 100)


def mean_score(scores):
    """Return the mean of the given scores, 2 decimals; 0.0 for none. Used for the six interview competencies."""
    scores = [score for score in scores if score is not None]
    if not scores:
        return 0.0
    return _round(sum(scores) / float(len(scores)), 2)


def passes(score, pass_mark):
    """True when ``score`` reaches ``pass_mark`` (a score equal to the mark passes)."""
    return score is not None and score >= pass_mark
