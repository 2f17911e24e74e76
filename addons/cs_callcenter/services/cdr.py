"""Call detail records (C2): turn the lines of an Asterisk ``Master.csv`` or of a generic CSV into call dicts.

Every parser yields ``(line_number, call, error)`` with exactly one of ``call`` and ``error`` set, so an
importer can keep the good lines and report each bad one with its number and reason.

A call dict holds: call_uid, direction, caller_number, callee_number, queue, agent (extension),
date_start, date_answer, date_end (naive UTC datetimes), wait_seconds, talk_seconds, status,
disposition, recording_url.
"""
import csv
import hashlib
import io
import re
from datetime import datetime

import pytz

ASTERISK_COLUMNS = ('accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp',
                    'lastdata', 'start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags',
                    'uniqueid', 'userfield')
# Older cdr_csv setups write no uniqueid and userfield.
ASTERISK_SHORT_LENGTH = 16
DISPOSITIONS = ('ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CONGESTION')
STATUSES = ('answered', 'abandoned', 'ivr_completed', 'missed', 'busy', 'failed')
GENERIC_FIELDS = ('call_id', 'from', 'to', 'direction', 'queue', 'agent', 'start', 'answer', 'end', 'status',
                  'recording_url')
GENERIC_REQUIRED = ('call_id', 'from', 'start', 'end')
DEFAULT_GENERIC_MAPPING = {field: field for field in GENERIC_FIELDS}

# The peer of a channel name: SIP/8001-0000002a, PJSIP/8584-9153, Local/8001@from-queue-00a1;1 → the agent.
_PEER = re.compile(r'^[A-Za-z0-9_]+/([^-@/;]+)')
_EXTENSION = re.compile(r'^\d{2,6}$')
_TIME_FORMATS = ('%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M', '%Y/%m/%d %H:%M:%S')


class CdrError(ValueError):
    """A CDR line that cannot be imported; the message names the column and the problem."""


def channel_peer(channel):
    """The extension of a channel name (``SIP/8001-0000002a`` → ``8001``), or None when there is none."""
    match = _PEER.match((channel or '').strip())
    return match.group(1) if match else None


def parse_local_time(value, tz, column):
    """Parse a CDR time (no offset: the PBX's local time in ``tz``, or an ISO string with offset) to naive UTC."""
    text = (value or '').strip()
    if not text:
        return None
    moment = None
    try:
        moment = datetime.fromisoformat(text[:-1] + '+00:00' if text.endswith('Z') else text)
    except ValueError:
        for time_format in _TIME_FORMATS:
            try:
                moment = datetime.strptime(text, time_format)
                break
            except ValueError:
                continue
    if moment is None:
        raise CdrError('column %s: %r is not a date and time' % (column, value))
    if moment.tzinfo is None:
        moment = tz.localize(moment)
    return moment.astimezone(pytz.utc).replace(tzinfo=None)


def _seconds(later, earlier):
    return max(0, int(round((later - earlier).total_seconds()))) if later and earlier else 0


def _integer(value, column):
    text = (value or '').strip() or '0'
    if not text.isdigit():
        raise CdrError('column %s: %r is not a whole number of seconds' % (column, value))
    return int(text)


def derived_call_id(*parts):
    """A stable call id for a CDR line that has none: the same line gives the same id on every import."""
    return 'cdr-' + hashlib.sha1('|'.join(part or '' for part in parts).encode('utf-8')).hexdigest()[:24]


def _guess_direction(src, dst, dcontext):
    # Master.csv does not say; a short internal extension calling a long number is an outbound call.
    if 'internal' in (dcontext or '').lower() and not _EXTENSION.match(dst or ''):
        return 'out'
    if _EXTENSION.match(src or '') and dst and not _EXTENSION.match(dst):
        return 'out'
    return 'in'


def parse_asterisk_row(row, tz=pytz.utc):
    """Turn one ``Master.csv`` row (a list of 16 or 18 columns) into a call dict; raise ``CdrError``.

    The disposition decides whether the call was answered (not the answer column, which unanswered calls
    leave empty or equal to start). A call that reached the Queue application without an agent picking up
    is abandoned; one answered by no agent and no queue ended in the IVR.
    """
    if len(row) not in (ASTERISK_SHORT_LENGTH, len(ASTERISK_COLUMNS)):
        raise CdrError('expected 16 or 18 columns, found %d' % len(row))
    values = dict(zip(ASTERISK_COLUMNS, (column.strip() for column in row)))
    disposition = values['disposition'].upper()
    if disposition not in DISPOSITIONS:
        raise CdrError('column disposition: %r is not one of %s' % (values['disposition'], ', '.join(DISPOSITIONS)))
    start = parse_local_time(values['start'], tz, 'start')
    if not start:
        raise CdrError('column start is empty')
    end = parse_local_time(values['end'], tz, 'end')
    if not end:
        raise CdrError('column end is empty')
    if end < start:
        raise CdrError('column end: the call ends before it starts')
    answer = parse_local_time(values['answer'], tz, 'answer')
    _integer(values['duration'], 'duration')
    billsec = _integer(values['billsec'], 'billsec')
    in_queue = values['lastapp'].lower() == 'queue'
    queue = values['lastdata'].split(',')[0].strip() or None if in_queue else None
    agent = channel_peer(values['dstchannel'])
    if disposition == 'ANSWERED':
        if in_queue and not agent:
            status = 'abandoned'
        elif not agent and not values['dstchannel']:
            status = 'ivr_completed'
        else:
            status = 'answered'
    elif disposition == 'NO ANSWER':
        status = 'abandoned' if in_queue else 'missed'
    elif disposition == 'BUSY':
        status = 'busy'
    else:
        status = 'failed'
    if status == 'answered':
        answer = answer or start
        wait, talk = _seconds(answer, start), billsec
    else:
        answer = None
        wait, talk = _seconds(end, start), 0
    call_id = values.get('uniqueid') or derived_call_id(
        values['src'], values['dst'], values['channel'], values['start'], values['dstchannel'])
    if len(call_id) > 128:
        raise CdrError('column uniqueid is longer than 128 characters')
    return {
        'call_uid': call_id,
        'direction': _guess_direction(values['src'], values['dst'], values['dcontext']),
        'caller_number': values['src'] or None,
        'callee_number': values['dst'] or None,
        'queue': queue,
        'agent': agent if status == 'answered' else None,
        'date_start': start,
        'date_answer': answer,
        'date_end': end,
        'wait_seconds': wait,
        'talk_seconds': talk,
        'status': status,
        'disposition': disposition,
        'recording_url': None,
    }


def parse_generic_row(record, mapping=None, tz=pytz.utc):
    """Turn one row of a generic CSV (a dict of column → value) into a call dict; raise ``CdrError``.

    ``mapping`` maps the fields of GENERIC_FIELDS to the file's column names (default: the same names).
    Times are ISO 8601 (with an offset, or local to ``tz``). Without a status column, a call with an answer
    time is answered and one without is abandoned.
    """
    mapping = dict(DEFAULT_GENERIC_MAPPING, **(mapping or {}))

    def value(field):
        column = mapping.get(field)
        return (record.get(column) or '').strip() if column else ''

    for field in GENERIC_REQUIRED:
        if not value(field):
            raise CdrError('column %s (%s) is empty' % (mapping.get(field), field))
    start = parse_local_time(value('start'), tz, mapping['start'])
    end = parse_local_time(value('end'), tz, mapping['end'])
    answer = parse_local_time(value('answer'), tz, mapping['answer'])
    if end < start:
        raise CdrError('column %s: the call ends before it starts' % mapping['end'])
    if answer and not start <= answer <= end:
        raise CdrError('column %s: the answer time is outside the call' % mapping['answer'])
    direction = value('direction').lower() or 'in'
    if direction not in ('in', 'out'):
        raise CdrError('column %s: %r is not in or out' % (mapping['direction'], value('direction')))
    status = value('status').lower() or ('answered' if answer else 'abandoned')
    if status not in STATUSES:
        raise CdrError('column %s: %r is not one of %s' % (mapping['status'], value('status'), ', '.join(STATUSES)))
    if status == 'answered' and not answer:
        raise CdrError('column %s: an answered call needs its answer time' % mapping['answer'])
    if status != 'answered':
        answer = None
    call_id = value('call_id')
    if len(call_id) > 128:
        raise CdrError('column %s is longer than 128 characters' % mapping['call_id'])
    url = value('recording_url') or None
    if url and not url.lower().startswith(('http://', 'https://')):
        raise CdrError('column %s: the recording must be an http or https URL' % mapping['recording_url'])
    return {
        'call_uid': call_id,
        'direction': direction,
        'caller_number': value('from') or None,
        'callee_number': value('to') or None,
        'queue': value('queue') or None,
        'agent': value('agent') or None,
        'date_start': start,
        'date_answer': answer,
        'date_end': end,
        'wait_seconds': _seconds(answer or end, start),
        'talk_seconds': _seconds(end, answer),
        'status': status,
        'disposition': None,
        'recording_url': url,
    }


def iter_cdr(text, file_format='asterisk', mapping=None, tz=pytz.utc):
    """Yield ``(line_number, call, error)`` for every non-blank line of a CDR file given as text.

    ``file_format`` is ``asterisk`` (Master.csv, no header) or ``generic`` (header line, see
    ``parse_generic_row``). A generic file must carry every mapped required column in its header.
    """
    if isinstance(tz, str):
        tz = pytz.timezone(tz)
    reader = csv.reader(io.StringIO(text))
    if file_format == 'asterisk':
        for row in reader:
            if not any(column.strip() for column in row):
                continue
            try:
                yield reader.line_num, parse_asterisk_row(row, tz), None
            except CdrError as error:
                yield reader.line_num, None, str(error)
        return
    if file_format != 'generic':
        raise CdrError('unknown CDR format %r (asterisk or generic)' % file_format)
    header = next(reader, None)
    if not header:
        return
    header = [column.strip() for column in header]
    mapping = dict(DEFAULT_GENERIC_MAPPING, **(mapping or {}))
    absent = [mapping[field] for field in GENERIC_REQUIRED if mapping.get(field) not in header]
    if absent:
        raise CdrError('the header line lacks the column(s) %s' % ', '.join(absent))
    for row in reader:
        if not any(column.strip() for column in row):
            continue
        if len(row) != len(header):
            yield reader.line_num, None, 'expected %d columns, found %d' % (len(header), len(row))
            continue
        try:
            yield reader.line_num, parse_generic_row(dict(zip(header, row)), mapping, tz), None
        except CdrError as error:
            yield reader.line_num, None, str(error)
