"""Call detail records (C2): read Asterisk ``Master.csv`` files and generic CSV files.

Reading is pure: bytes become text (UTF-8 or GB18030/GBK, detected or forced), lines become *legs*
(Asterisk writes one line per leg of a call) or *calls* (a generic CSV has one line per call). ``iter_cdr``
yields ``(line_number, record, error)`` with exactly one of ``record`` and ``error`` set, so an importer
keeps the good lines and reports each bad one with its number and reason. Errors are ``CdrError`` with a
``code`` and ``params`` (see ``ERROR_CODES``) that the caller words in the user's language.

Merging the legs of one call into a call is ``services.cdr_legs``.

A leg dict holds the Asterisk columns (accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp,
lastdata, duration, billsec, disposition, amaflags, uniqueid, userfield, peeraccount, linkedid, sequence),
date_start, date_answer, date_end (naive UTC datetimes), queue (the queue name when lastapp is Queue),
call_uid (the id of the call the leg belongs to), legacy_call_uid (for a line without uniqueid, the id the
suite gave it before legs were merged), leg_uid (its own stable id) and line.

A call dict holds: call_uid, direction, caller_number, caller_name, callee_number, queue, agent (extension),
date_start, date_answer, date_end, wait_seconds, talk_seconds, status, disposition, recording_url.
"""
import codecs
import csv
import functools
import hashlib
import io
import re
from datetime import datetime

import pytz

# cdr_csv's column order: 16 columns in old setups, 18 by default, 21 with ``newcdrcolumns=yes``.
ASTERISK_COLUMNS_16 = ('accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp',
                       'lastdata', 'start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags')
ASTERISK_COLUMNS = ASTERISK_COLUMNS_16 + ('uniqueid', 'userfield')
ASTERISK_COLUMNS_21 = ASTERISK_COLUMNS + ('peeraccount', 'linkedid', 'sequence')
ASTERISK_LAYOUTS = {len(columns): columns for columns in (ASTERISK_COLUMNS_16, ASTERISK_COLUMNS, ASTERISK_COLUMNS_21)}
# A header line (some exports add one) names at least these columns.
_HEADER_MARKERS = {'src', 'dst', 'start', 'end', 'disposition'}
DISPOSITIONS = ('ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CONGESTION')
STATUSES = ('answered', 'abandoned', 'ivr_completed', 'missed', 'busy', 'failed')
DIRECTIONS = ('in', 'out', 'internal')
GENERIC_FIELDS = ('call_id', 'from', 'to', 'direction', 'queue', 'agent', 'start', 'answer', 'end', 'status',
                  'recording_url')
GENERIC_REQUIRED = ('call_id', 'from', 'start', 'end')
DEFAULT_GENERIC_MAPPING = {field: field for field in GENERIC_FIELDS}
MAX_ID_LENGTH = 128
# What ``decode_cdr`` accepts as a forced encoding (any Python codec name works; these are the usual ones).
ENCODINGS = ('utf-8', 'gb18030', 'gbk')

# The codes of CdrError and their parameters; the importer words them.
ERROR_CODES = {
    'field_count': ('found',),           # a Master.csv line with another number of columns than 16, 18, 21
    'header_field_count': ('expected', 'found'),
    'header_missing': ('columns',),      # a header line lacks required columns
    'bad_disposition': ('value',),
    'bad_time': ('column', 'value'),
    'empty_column': ('column',),
    'ends_before_start': ('column',),
    'answer_outside': ('column',),
    'bad_seconds': ('column', 'value'),
    'too_long': ('column',),
    'bad_direction': ('column', 'value'),
    'bad_status': ('column', 'value'),
    'answer_needed': ('column',),
    'bad_recording_url': ('column',),
    'unknown_format': ('format',),
    'unknown_encoding': ('encoding',),
    'bad_encoding': ('encoding',),
}

# The peer of a channel name: SIP/8001-0000002a, PJSIP/8584-9153, Local/8001@from-queue-00a1;1 → 8001.
_CHANNEL = re.compile(r'^([A-Za-z0-9_]+)/([^-@/;]+)')
_TIME_FORMATS = ('%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M', '%Y/%m/%d %H:%M:%S')
_CLID_NAME = re.compile(r'^\s*"?([^"<]*?)"?\s*<[^>]*>\s*$')


class CdrError(ValueError):
    """A CDR line (or file) that cannot be imported: ``code`` is a key of ERROR_CODES, ``params`` its values."""

    def __init__(self, code, **params):
        super(CdrError, self).__init__('%s %r' % (code, params))
        self.code = code
        self.params = params


# ---------------------------------------------------------------------------------------------- the file

def decode_cdr(data, encoding=None):
    """Return ``(text, encoding)`` for the bytes of a CDR file.

    A UTF-8 byte-order mark is dropped. ``encoding`` forces a codec (``gbk``, ``gb18030``, ``utf-8`` …);
    without it the file is UTF-8 when it decodes as such, else GB18030 (the superset of GBK and GB2312 that
    Chinese PBXs write). Raise ``CdrError`` when the forced codec is unknown or does not fit the bytes.
    Text given as ``str`` is returned as it is (without a BOM).
    """
    if isinstance(data, str):
        return data.lstrip('\ufeff'), 'utf-8'
    if encoding:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            raise CdrError('unknown_encoding', encoding=encoding)
        if name.replace('_', '-') in ('utf-8', 'utf-8-sig'):
            name = 'utf-8-sig'
        try:
            return data.decode(name).lstrip('\ufeff'), encoding.lower()
        except UnicodeDecodeError:
            raise CdrError('bad_encoding', encoding=encoding)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode('utf-8'), 'utf-8'
    except UnicodeDecodeError:
        pass
    try:
        return data.decode('gb18030'), 'gb18030'
    except UnicodeDecodeError:
        raise CdrError('bad_encoding', encoding='utf-8/gb18030')


def count_lines(text):
    """The number of lines of ``text`` (a last line without its line end counts)."""
    if not text:
        return 0
    return text.count('\n') + (0 if text.endswith('\n') else 1)


# ---------------------------------------------------------------------------------------------- fields

def channel_parts(channel):
    """``(technology, peer)`` of a channel name (``SIP/8001-0000002a`` → ``('SIP', '8001')``), else (None, None)."""
    match = _CHANNEL.match((channel or '').strip())
    return (match.group(1), match.group(2)) if match else (None, None)


def channel_peer(channel):
    """The peer of a channel name (``SIP/8001-0000002a`` → ``8001``), or None when there is none."""
    return channel_parts(channel)[1]


def is_local_channel(channel):
    """True for a Local channel half (``Local/8001@from-queue-00a1;1``), which Asterisk uses to route a call."""
    return (channel or '').lower().startswith('local/')


def caller_name(clid, number=None):
    """The name in a caller id (``"张三" <13805310001>`` → ``张三``), or None when it only repeats the number."""
    match = _CLID_NAME.match(clid or '')
    name = match.group(1).strip() if match else ''
    return name if name and name != (number or '') else None


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
        raise CdrError('bad_time', column=column, value=value)
    if moment.tzinfo is None:
        return moment - _utc_offset(tz, moment.replace(minute=0, second=0, microsecond=0))
    return moment.astimezone(pytz.utc).replace(tzinfo=None)


@functools.lru_cache(maxsize=4096)
def _utc_offset(tz, hour):
    # pytz's localize is costly and a file's times fall in few hours; offsets change on the hour.
    return tz.localize(hour).utcoffset()


def seconds_between(later, earlier):
    """Whole seconds from ``earlier`` to ``later`` (0 when either is missing or they are reversed)."""
    return max(0, int(round((later - earlier).total_seconds()))) if later and earlier else 0


def _integer(value, column):
    text = (value or '').strip() or '0'
    if not text.isdigit():
        raise CdrError('bad_seconds', column=column, value=value)
    return int(text)


def derived_call_id(*parts):
    """A stable id for a CDR line that has none: the same fields give the same id on every import."""
    return 'cdr-' + hashlib.sha1('|'.join(part or '' for part in parts).encode('utf-8')).hexdigest()[:24]


# ---------------------------------------------------------------------------------------------- Asterisk

def asterisk_header(row):
    """The column names of ``row`` when it is a header line (names of cdr_csv columns), else None."""
    names = [column.strip().lower() for column in row]
    if len(_HEADER_MARKERS.intersection(names)) < 3:
        return None
    return names


def parse_asterisk_leg(row, tz=pytz.utc, columns=None):
    """Turn one ``Master.csv`` row into a leg dict; raise ``CdrError``.

    The layout is found from the number of columns (16, 18 or 21), or given by ``columns`` (the names of a
    header line). The leg's ``call_uid`` is its linkedid, else its uniqueid, else an id derived from the
    caller's channel and the start (so that the legs of one old-style call still meet); its ``leg_uid`` is
    derived from the fields every layout shares, so the same leg read twice is recognised.
    """
    if columns is None:
        columns = ASTERISK_LAYOUTS.get(len(row))
        if columns is None:
            raise CdrError('field_count', found=len(row))
    elif len(row) != len(columns):
        raise CdrError('header_field_count', expected=len(columns), found=len(row))
    values = {name: '' for name in ASTERISK_COLUMNS_21}
    values.update((name, column.strip()) for name, column in zip(columns, row) if name in values)
    disposition = values['disposition'].upper()
    if disposition not in DISPOSITIONS:
        raise CdrError('bad_disposition', value=values['disposition'])
    start = parse_local_time(values['start'], tz, 'start')
    if not start:
        raise CdrError('empty_column', column='start')
    end = parse_local_time(values['end'], tz, 'end')
    if not end:
        raise CdrError('empty_column', column='end')
    if end < start:
        raise CdrError('ends_before_start', column='end')
    answer = parse_local_time(values['answer'], tz, 'answer')
    for column in ('uniqueid', 'linkedid'):
        if len(values[column]) > MAX_ID_LENGTH:
            raise CdrError('too_long', column=column)
    in_queue = values['lastapp'].lower() == 'queue'
    call_uid = values['linkedid'] or values['uniqueid'] or derived_call_id(
        values['src'], values['channel'], values['start'])
    # Before legs were merged (suite 11.0.1.1), a line without uniqueid had an id of its own: keep it, so
    # that the importer can find a call stored under it.
    legacy_call_uid = None if values['linkedid'] or values['uniqueid'] else derived_call_id(
        values['src'], values['dst'], values['channel'], values['start'], values['dstchannel'])
    leg = dict(
        (name, values[name] or None) for name in (
            'accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata',
            'amaflags', 'uniqueid', 'userfield', 'peeraccount', 'linkedid'))
    leg.update({
        'date_start': start,
        'date_answer': answer,
        'date_end': end,
        'duration': _integer(values['duration'], 'duration'),
        'billsec': _integer(values['billsec'], 'billsec'),
        'sequence': _integer(values['sequence'], 'sequence') if values['sequence'] else None,
        'disposition': disposition,
        'queue': (values['lastdata'].split(',')[0].strip() or None) if in_queue else None,
        'call_uid': call_uid,
        'legacy_call_uid': legacy_call_uid,
        'leg_uid': 'leg-' + hashlib.sha1('|'.join(values[name] for name in (
            'uniqueid', 'channel', 'dstchannel', 'start', 'answer', 'end', 'disposition', 'lastapp', 'lastdata',
            'billsec', 'src', 'dst')).encode('utf-8')).hexdigest()[:32],
    })
    return leg


def _iter_asterisk(reader, tz):
    columns = None
    for row in reader:
        if not any(column.strip() for column in row):
            continue
        header = asterisk_header(row)
        if header:
            # A header line sets the layout of the lines that follow it; one without the time columns is bad.
            absent = [name for name in ('start', 'end', 'disposition') if name not in header]
            if absent:
                yield reader.line_num, None, CdrError('header_missing', columns=', '.join(absent))
                columns = None
            else:
                columns = header
            continue
        try:
            use = columns if columns and len(row) == len(columns) else None
            yield reader.line_num, parse_asterisk_leg(row, tz, use), None
        except CdrError as error:
            yield reader.line_num, None, error


# ---------------------------------------------------------------------------------------------- generic CSV

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
            raise CdrError('empty_column', column=mapping.get(field))
    start = parse_local_time(value('start'), tz, mapping['start'])
    end = parse_local_time(value('end'), tz, mapping['end'])
    answer = parse_local_time(value('answer'), tz, mapping['answer'])
    if end < start:
        raise CdrError('ends_before_start', column=mapping['end'])
    if answer and not start <= answer <= end:
        raise CdrError('answer_outside', column=mapping['answer'])
    direction = value('direction').lower() or 'in'
    if direction not in DIRECTIONS:
        raise CdrError('bad_direction', column=mapping['direction'], value=value('direction'))
    status = value('status').lower() or ('answered' if answer else 'abandoned')
    if status not in STATUSES:
        raise CdrError('bad_status', column=mapping['status'], value=value('status'))
    if status == 'answered' and not answer:
        raise CdrError('answer_needed', column=mapping['answer'])
    if status != 'answered':
        answer = None
    call_id = value('call_id')
    if len(call_id) > MAX_ID_LENGTH:
        raise CdrError('too_long', column=mapping['call_id'])
    url = value('recording_url') or None
    if url and not url.lower().startswith(('http://', 'https://')):
        raise CdrError('bad_recording_url', column=mapping['recording_url'])
    return {
        'call_uid': call_id,
        'direction': direction,
        'caller_number': value('from') or None,
        'caller_name': None,
        'callee_number': value('to') or None,
        'queue': value('queue') or None,
        'agent': value('agent') or None,
        'date_start': start,
        'date_answer': answer,
        'date_end': end,
        'wait_seconds': seconds_between(answer or end, start),
        'talk_seconds': seconds_between(end, answer),
        'status': status,
        'disposition': None,
        'recording_url': url,
    }


def _iter_generic(reader, mapping, tz):
    header = next(reader, None)
    if not header:
        return
    header = [column.strip() for column in header]
    mapping = dict(DEFAULT_GENERIC_MAPPING, **(mapping or {}))
    absent = [mapping[field] for field in GENERIC_REQUIRED if mapping.get(field) not in header]
    if absent:
        raise CdrError('header_missing', columns=', '.join(absent))
    for row in reader:
        if not any(column.strip() for column in row):
            continue
        if len(row) != len(header):
            yield reader.line_num, None, CdrError('header_field_count', expected=len(header), found=len(row))
            continue
        try:
            yield reader.line_num, parse_generic_row(dict(zip(header, row)), mapping, tz), None
        except CdrError as error:
            yield reader.line_num, None, error


def iter_cdr(text, file_format='asterisk', mapping=None, tz=pytz.utc):
    """Yield ``(line_number, record, error)`` for every non-blank line of a CDR file given as text.

    ``file_format`` is ``asterisk`` (Master.csv in any cdr_csv layout, layouts mixed, a header line or not:
    records are legs) or ``generic`` (header line, see ``parse_generic_row``: records are calls). ``error`` is
    a ``CdrError``. Raise ``CdrError`` for an unknown format or a generic header without the required columns.
    """
    if isinstance(tz, str):
        tz = pytz.timezone(tz)
    if file_format not in ('asterisk', 'generic'):
        raise CdrError('unknown_format', format=file_format)
    reader = csv.reader(io.StringIO(text, newline=''))
    if file_format == 'asterisk':
        return _iter_asterisk(reader, tz)
    # Read the header now, so that a file without the required columns is refused before any line.
    rows = _iter_generic(reader, mapping, tz)
    first = next(rows, None)
    if first is None:
        return iter(())
    return _chain(first, rows)


def _chain(first, rest):
    yield first
    for item in rest:
        yield item
