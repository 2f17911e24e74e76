"""Training rules (R8, R9, K2 #14-15), without any Odoo import.

* A session moves draft → scheduled → in progress → evaluating → done, and may be cancelled before it is done;
  a cancelled session can go back to draft. It cannot be done while any attendee's result is pending.
* An attendee's result: pending until attendance is taken (and, when the course has an exam, until the exam
  is graded); absent → failed; present without exam → passed; present with exam → passed when the score
  reaches the pass mark (default 85, S4 "目标值达到85分").
* Training attendance rate of an employee in a month = attended / required sessions × 100 (S4 学习培训到位率),
  over the sessions already held (attendance taken: evaluating or done); one still to come is not missed.
* An employee is certified (上岗认证) once an onboarding course result is passed.
"""
from datetime import date

from .assessment import passes

DEFAULT_EXAM_PASS_MARK = 85.0

SESSION_STATES = ['draft', 'scheduled', 'in_progress', 'evaluating', 'done', 'cancelled']
SESSION_TRANSITIONS = {
    'draft': {'scheduled', 'cancelled'},
    'scheduled': {'in_progress', 'draft', 'cancelled'},
    'in_progress': {'evaluating', 'cancelled'},
    'evaluating': {'done', 'in_progress', 'cancelled'},
    'done': set(),
    'cancelled': {'draft'},
}

# A session is held once its attendance has been taken; only held sessions count in the attendance rate.
HELD_SESSION_STATES = ('evaluating', 'done')

PENDING, PASSED, FAILED = 'pending', 'passed', 'failed'


def can_move(state, new_state):
    """True when a session in ``state`` may move to ``new_state`` (see :data:`SESSION_TRANSITIONS`)."""
    return new_state in SESSION_TRANSITIONS.get(state, set())


def pending_results(results):
    """Return the indexes of the pending entries of ``results`` (a list of result codes).

    A session can be done only when this list is empty: ``pending_results(['passed', 'pending'])`` → ``[1]``.
    """
    return [index for index, result in enumerate(results) if result == PENDING]


def attendee_result(presence, has_exam, exam_graded, score, pass_mark=DEFAULT_EXAM_PASS_MARK):
    """Return 'pending', 'passed' or 'failed' for one attendee.

    ``presence`` is 'pending', 'present' or 'absent'. Examples (pass mark 85): present, exam graded 85 →
    passed; present, graded 84.5 → failed; present, exam not graded yet → pending; absent → failed whatever
    the score; present in a course without exam → passed.
    """
    if presence == 'absent':
        return FAILED
    if presence != 'present':
        return PENDING
    if not has_exam:
        return PASSED
    if not exam_graded:
        return PENDING
    return PASSED if passes(score, pass_mark) else FAILED


def attendance_rate(attended, required):
    """Attended / required sessions in percent, 1 decimal; None when nothing was required.

    7 attended out of 9 required → 77.8. Raises ValueError on negative counts or attended > required.
    """
    if attended < 0 or required < 0:
        raise ValueError("session counts cannot be negative")
    if attended > required:
        raise ValueError("attended sessions (%s) cannot exceed the required ones (%s)" % (attended, required))
    if not required:
        return None
    return round(attended * 100.0 / required, 1)


def is_certified(results):
    """True when one of ``results`` — pairs (is_onboarding, result) — is a passed onboarding course."""
    return any(onboarding and result == PASSED for onboarding, result in results)


def month_bounds(day):
    """First day of the month of ``day`` and first day of the next month (a ``date`` pair)."""
    first = day.replace(day=1)
    following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return first, following
