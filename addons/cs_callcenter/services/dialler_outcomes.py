"""Dialler outcomes of outbound campaigns (C6): what an attempt's outcome does to its contact, and the
campaign's figures. Pure Python, no Odoo import."""

OUTCOMES = ('empty_number', 'wrong_number', 'busy', 'switched_off', 'no_answer', 'connected', 'success',
            'refused', 'callback')
# The customer was reached.
CONNECTED = frozenset(['connected', 'success', 'refused', 'callback'])
# Nothing more to do with the contact.
FINAL = frozenset(['success', 'refused', 'empty_number', 'wrong_number'])


class OutcomeError(ValueError):
    """An outcome the dialler does not know, or a callback without its date."""


def next_state(outcome, attempt_count, max_attempts, callback_date=None):
    """The contact's state after an attempt with ``outcome``, ``attempt_count`` attempts included.

    Final outcomes make the contact done; a callback schedules it (a date is required); otherwise the contact
    is pending again until ``max_attempts`` attempts have been made, then exhausted.
    """
    if outcome not in OUTCOMES:
        raise OutcomeError('unknown outcome %r' % (outcome,))
    if outcome in FINAL:
        return 'done'
    if outcome == 'callback':
        if not callback_date:
            raise OutcomeError('a callback needs a date')
        if max_attempts and attempt_count >= max_attempts:
            return 'exhausted'
        return 'callback'
    if max_attempts and attempt_count >= max_attempts:
        return 'exhausted'
    return 'pending'


def campaign_figures(attempts, connected, successes, min_connected, alert_percent):
    """{connect_rate, success_rate, low_success} from the counts of attempts, connected and success attempts.

    connect_rate = connected / attempts × 100; success_rate = successes / connected × 100 (0 without
    attempts or connections); low_success once ``min_connected`` connections are reached and the success
    rate is below ``alert_percent``.
    """
    connect_rate = 100.0 * connected / attempts if attempts else 0.0
    success_rate = 100.0 * successes / connected if connected else 0.0
    low_success = bool(connected and connected >= (min_connected or 0) and success_rate < alert_percent)
    return {'connect_rate': connect_rate, 'success_rate': success_rate, 'low_success': low_success}


def pick_script(scripts, gender, age_band):
    """The id of the most specific script for a customer, from ``scripts`` = [(id, gender, age_band)].

    A script matches when each of its set criteria equals the customer's; among matches the one with more
    criteria set wins (gender and age band, then one of them, then the general script), then the first listed.
    """
    best, best_rank = None, -1
    for script_id, script_gender, script_band in scripts:
        if script_gender and script_gender != gender:
            continue
        if script_band and script_band != age_band:
            continue
        rank = bool(script_gender) + bool(script_band)
        if rank > best_rank:
            best, best_rank = script_id, rank
    return best
