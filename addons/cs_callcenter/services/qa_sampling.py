"""Quality inspection rules (PRODUCT.md C7) without a database: the monthly sample of an agent's calls, the score
of a review and the spread of a calibration."""
import math
import random


def planned_count(answered_count, sample_percent):
    """Calls to review for ``answered_count`` manually answered calls: ceil(answered × percent / 100)."""
    if answered_count <= 0 or sample_percent <= 0:
        return 0
    # round() first so that 100 × 5 / 100 stays 5 and not 5.000000000001 → 6.
    return int(math.ceil(round(answered_count * sample_percent / 100.0, 6)))


def pick_sample(call_ids, size, agent_id, month):
    """``size`` call ids drawn at random from ``call_ids``, the same on every run for one agent and month.

    The draw is seeded by the agent and the month ('YYYY-MM'), and made from the sorted ids, so that a second
    run, or a run on another server, picks the same calls; the result is sorted.
    """
    ids = sorted(set(call_ids))
    if size >= len(ids):
        return ids
    rng = random.Random('qa-sample-%s-%s' % (agent_id, month))
    return sorted(rng.sample(ids, size))


def review_score(lines):
    """Score of a review from its lines as ``(points, fatal, failed)`` triples: Σ points, or 0 when a line of a
    fatal criterion is failed. Returns ``(score, fatal_failed)``."""
    fatal_failed = any(fatal and failed for _points, fatal, failed in lines)
    if fatal_failed:
        return 0.0, True
    return float(sum(points for points, _fatal, _failed in lines)), False


def calibration_figures(scores):
    """{score_min, score_max, spread, score_mean} of the scores several inspectors gave one call (zeros when
    there are none)."""
    if not scores:
        return {'score_min': 0.0, 'score_max': 0.0, 'spread': 0.0, 'score_mean': 0.0}
    low, high = min(scores), max(scores)
    return {'score_min': float(low), 'score_max': float(high), 'spread': float(high - low),
            'score_mean': float(sum(scores)) / len(scores)}
