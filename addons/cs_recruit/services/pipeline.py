"""Gates of the recruitment pipeline (R2) and the offer deadline (R6), without any Odoo import.

Each stage may require gates (checks the candidate must have passed before entering it). The gates are:

========================  =====================================================
screening                 resume screening passed (or overridden by a recruiter)
audition                  voice audition passed
first_interview           first interview passed
written_test              written test passed
personality_test          personality test passed
second_interview          second interview passed
offer_accepted            offer accepted
========================  =====================================================

Offer (S4: 最后给24小时回去决定是否接受聘用): the deadline is the sending time plus the configured hours; an offer
still open after its deadline lapses.
"""
from datetime import timedelta

GATES = [
    ('screening', 'Resume screening passed'),
    ('audition', 'Voice audition passed'),
    ('first_interview', 'First interview passed'),
    ('written_test', 'Written test passed'),
    ('personality_test', 'Personality test passed'),
    ('second_interview', 'Second interview passed'),
    ('offer_accepted', 'Offer accepted'),
]
GATE_ORDER = [code for code, _label in GATES]
DEFAULT_OFFER_HOURS = 24


def missing_gates(required, passed):
    """Return the gates of ``required`` not in ``passed``, in pipeline order (an empty list lets the move go).

    Raises ValueError on an unknown gate code, so a typo in the configuration is not silently ignored.
    """
    unknown = set(required) - set(GATE_ORDER)
    if unknown:
        raise ValueError("unknown gates: %s" % ', '.join(sorted(unknown)))
    passed = set(passed)
    return [code for code in GATE_ORDER if code in set(required) and code not in passed]


def offer_deadline(sent_at, hours=DEFAULT_OFFER_HOURS):
    """Return the ``datetime`` until which an offer sent at ``sent_at`` can be accepted.

    Raises ValueError when ``hours`` is not positive.
    """
    if hours is None or hours <= 0:
        raise ValueError("an offer must stay open a positive number of hours (got %s)" % hours)
    return sent_at + timedelta(hours=hours)


def offer_lapsed(deadline, now):
    """True when an offer whose deadline is ``deadline`` can no longer be accepted at ``now``."""
    return deadline is not None and now > deadline
