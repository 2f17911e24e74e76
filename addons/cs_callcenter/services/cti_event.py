"""CTI events of the telephone system (C2): validate a ``POST /cs/cti/event`` body and merge it into the
state of its call.

A call is built from three events, ``ring``, ``answer`` and ``hangup``, which a PBX may send late, twice or in
any order. Each event only fills what is still unknown, so the merged state depends on the set of events
received, never on their order, and a repeated event changes nothing.
"""
from datetime import datetime, timezone

EVENTS = ('ring', 'answer', 'hangup')
DIRECTIONS = ('in', 'out')
CAUSES = ('normal', 'abandon', 'busy', 'no_answer', 'failed', 'ivr')
EVALUATIONS = ('satisfied', 'neutral', 'dissatisfied')
MAX_ID_LENGTH = 128
MAX_TEXT_LENGTH = 64

# Which event names the agent of a call with most authority: the one who answered beats the one rung.
AGENT_RANK = {'ring': 1, 'hangup': 2, 'answer': 3}

# Hangup causes that decide the status of a call nobody answered.
STATUS_BY_CAUSE = {
    'busy': 'busy',
    'failed': 'failed',
    'ivr': 'ivr_completed',
    'no_answer': 'missed',
    'abandon': 'abandoned',
}


class CtiError(ValueError):
    """A CTI body that cannot be accepted; the message says what is wrong (answered with HTTP 400)."""


def parse_timestamp(value, field='timestamp'):
    """Return the naive UTC ``datetime`` of an ISO 8601 string with offset or of epoch seconds.

    An ISO string without an offset is refused: the PBX and Odoo may not share a timezone.
    """
    if isinstance(value, bool) or value is None or value == '':
        raise CtiError('%s is missing' % field)
    if isinstance(value, (int, float)):
        if not 0 < value < 32503680000:  # year 3000
            raise CtiError('%s %r is not a plausible epoch time' % (field, value))
        return datetime.utcfromtimestamp(value)
    if not isinstance(value, str):
        raise CtiError('%s must be an ISO 8601 string or epoch seconds' % field)
    text = value.strip()
    if text.replace('.', '', 1).isdigit():
        return parse_timestamp(float(text), field)
    if text.endswith(('Z', 'z')):
        text = text[:-1] + '+00:00'
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise CtiError('%s %r is not an ISO 8601 date and time' % (field, value))
    if moment.tzinfo is None:
        raise CtiError('%s %r has no UTC offset (write e.g. 2024-05-01T09:30:00+08:00)' % (field, value))
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def _text(body, key, required=False, max_length=MAX_TEXT_LENGTH):
    value = body.get(key)
    if value is None or value == '':
        if required:
            raise CtiError('%s is missing' % key)
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise CtiError('%s must be a string' % key)
    value = str(value).strip()
    if not value and required:
        raise CtiError('%s is missing' % key)
    if len(value) > max_length:
        raise CtiError('%s is longer than %d characters' % (key, max_length))
    return value or None


def _choice(body, key, choices):
    value = body.get(key)
    if value is None or value == '':
        return None
    if value not in choices:
        raise CtiError('%s %r is not one of %s' % (key, value, ', '.join(choices)))
    return value


def validate_event(body):
    """Check a decoded CTI body and return the event as a clean dict; raise ``CtiError`` otherwise.

    Keys of the result: event, call_id, from, to, direction, queue, agent, timestamp (naive UTC datetime),
    cause, recording_url, evaluation (None when absent).
    """
    if not isinstance(body, dict):
        raise CtiError('the body must be a JSON object')
    event = body.get('event')
    if event in (None, ''):
        raise CtiError('event is missing')
    if event not in EVENTS:
        raise CtiError('unknown event %r (expected ring, answer or hangup)' % (event,))
    result = {
        'event': event,
        'call_id': _text(body, 'call_id', required=True, max_length=MAX_ID_LENGTH),
        'from': _text(body, 'from', required=event == 'ring'),
        'to': _text(body, 'to', required=event == 'ring'),
        'direction': _choice(body, 'direction', DIRECTIONS),
        'queue': _text(body, 'queue'),
        'agent': _text(body, 'agent'),
        'timestamp': parse_timestamp(body.get('timestamp')),
        'cause': _choice(body, 'cause', CAUSES),
        'recording_url': _text(body, 'recording_url', max_length=2048),
        'evaluation': _choice(body, 'evaluation', EVALUATIONS),
    }
    if event == 'ring' and not result['direction']:
        raise CtiError('direction is missing (in or out)')
    if result['cause'] and event != 'hangup':
        raise CtiError('cause is only allowed on hangup')
    url = result['recording_url']
    if url and not url.lower().startswith(('http://', 'https://')):
        raise CtiError('recording_url must be an http or https URL')
    return result


def merge_event(state, event):
    """Merge a validated ``event`` into the call ``state`` and return ``(new_state, changed)``.

    ``state`` is a dict with keys call_uid, direction, caller_number, callee_number, queue, agent, agent_rank,
    date_start, date_answer, date_end, cause, recording_url, evaluation (missing keys count as unknown). Each
    event fills only what is unknown, except that the agent named by a more authoritative event (answer >
    hangup > ring) replaces the one named before; so the result does not depend on the arrival order.
    """
    merged = dict(state)
    merged.setdefault('call_uid', event['call_id'])

    def fill(key, value):
        if value is not None and merged.get(key) in (None, False, ''):
            merged[key] = value

    fill('caller_number', event['from'])
    fill('callee_number', event['to'])
    fill('direction', event['direction'])
    fill('queue', event['queue'])
    fill('recording_url', event['recording_url'])
    fill('evaluation', event['evaluation'])
    if event['agent']:
        rank = AGENT_RANK[event['event']]
        if rank > (merged.get('agent_rank') or 0):
            merged['agent'] = event['agent']
            merged['agent_rank'] = rank
    date_key = {'ring': 'date_start', 'answer': 'date_answer', 'hangup': 'date_end'}[event['event']]
    fill(date_key, event['timestamp'])
    if event['event'] == 'hangup':
        fill('cause', event['cause'] or 'normal')
    changed = any(merged.get(key) != state.get(key) for key in merged)
    return merged, changed


def _seconds(later, earlier):
    if not later or not earlier:
        return 0
    return max(0, int(round((later - earlier).total_seconds())))


def call_figures(state):
    """Derive status, progress, wait and talk seconds of a merged call ``state``.

    Wait = answer − ring (end − ring when never answered); talk = end − answer. Until the hangup, the
    status is None and the progress says whether the call still rings or is being talked.
    """
    start, answer, end = state.get('date_start'), state.get('date_answer'), state.get('date_end')
    if not end:
        progress = 'talking' if answer else 'ringing'
        status = None
    else:
        progress = 'done'
        cause = state.get('cause') or 'normal'
        if answer and cause not in ('busy', 'failed'):
            status = 'answered'
        elif cause in STATUS_BY_CAUSE:
            status = STATUS_BY_CAUSE[cause]
        else:
            status = 'abandoned' if (state.get('direction') or 'in') == 'in' else 'missed'
    return {
        'progress': progress,
        'status': status,
        'wait_seconds': _seconds(answer, start) if answer else _seconds(end, start),
        'talk_seconds': _seconds(end, answer),
    }
