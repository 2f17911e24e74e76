"""The bulk path of call detail records (C2): read, merge the legs of each call, resolve queues and agents,
then write each batch set-based: one COPY of the calls into a staging table and one
``INSERT … ON CONFLICT (call_uid) DO UPDATE``, one COPY of the new legs and one ``INSERT … ON CONFLICT
(leg_uid) DO NOTHING``. A leg already stored is not stored again, so a re-import (or an overlapping file)
changes nothing, and a call that gains an answered leg in a later file is updated.

Only ``import_text`` is callable over RPC (by supervisors and directors); everything that writes with SQL or
sudo is private. The command line (scripts/import_cdr.sh) reads the file itself and calls ``_import_content``.
"""
import csv
import io
from collections import OrderedDict

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..services import cdr, cdr_legs

STAGING_COLUMNS = ('line', 'call_uid', 'direction', 'caller_number', 'caller_name', 'callee_number',
                   'customer_number', 'partner_id', 'queue_id', 'team_id', 'agent_id', 'pbx_id', 'date_start',
                   'date_answer', 'date_end', 'wait_seconds', 'talk_seconds', 'hold_seconds', 'acw_seconds',
                   'status', 'disposition', 'recording_url', 'evaluation', 'evaluation_valid', 'company_id')
LEG_COLUMNS = ('leg_uid', 'call_uid', 'uniqueid', 'linkedid', 'cdr_sequence', 'src', 'clid', 'dst', 'dcontext',
               'channel', 'dstchannel', 'lastapp', 'lastdata', 'queue_code', 'date_start', 'date_answer', 'date_end',
               'duration', 'billsec', 'disposition', 'accountcode', 'peeraccount', 'amaflags', 'userfield')
_INTEGER_COLUMNS = ('line', 'partner_id', 'queue_id', 'team_id', 'agent_id', 'pbx_id', 'company_id', 'wait_seconds',
                    'talk_seconds', 'hold_seconds', 'acw_seconds', 'cdr_sequence', 'duration', 'billsec')
_TIMESTAMP_COLUMNS = ('date_start', 'date_answer', 'date_end')
# What a re-merge may change on a stored call; compared first so that a call left as it was is not written.
_MERGED_COLUMNS = ('direction', 'caller_number', 'caller_name', 'callee_number', 'queue_id', 'team_id', 'agent_id',
                   'date_start', 'date_answer', 'date_end', 'wait_seconds', 'talk_seconds', 'status', 'disposition')
# Leg dict key of services.cdr → column of cs_call_leg, where they differ.
_LEG_KEYS = {'cdr_sequence': 'sequence', 'queue_code': 'queue'}
DEFAULT_BATCH_SIZE = 5000
MAX_REPORTED = 1000


def _column_type(column):
    if column in _INTEGER_COLUMNS:
        return 'integer'
    if column in _TIMESTAMP_COLUMNS:
        return 'timestamp'
    if column == 'evaluation_valid':
        return 'boolean'
    return 'varchar'


def _copy_value(value):
    if value is None or value is False or value == '':
        return None
    if value is True:
        return 't'
    if hasattr(value, 'strftime'):
        return value.strftime('%Y-%m-%d %H:%M:%S')
    return value


class CsCdrImporter(models.AbstractModel):
    _name = 'cs.cdr.importer'
    _description = 'Call Detail Record Importer'

    # ------------------------------------------------------------------ entry points

    @api.model
    def import_text(self, text, file_format='asterisk', strict=False, mapping=None, tz=None, pbx_id=None):
        """Import the CDR file ``text`` (supervisors and directors); return the report of ``_import_content``."""
        pbx = self.env['cs.pbx'].browse(pbx_id) if pbx_id else None
        return self._import_content(text, file_format, strict=strict, mapping=mapping, tz=tz, pbx=pbx)

    @api.model
    def _import_content(self, content, file_format='asterisk', encoding=None, strict=False, mapping=None, tz=None,
                        pbx=None, progress=None, batch_size=DEFAULT_BATCH_SIZE):
        """Import one CDR file's ``content`` (bytes, or text); return its report, a dict:

        lines (read), encoding, calls_created, calls_updated, legs_merged (legs stored into a call they did
        not create), legs_known (legs already stored, or repeated in the file), warnings and errors (lists of
        ``(line number, reason)`` in the user's language), unknown_queues (codes).

        Lines that cannot be a call are errors; a call with an unknown queue or agent extension is imported
        without it and reported as a warning. With ``strict`` a file with any error imports nothing.
        ``encoding`` forces the file's codec (else UTF-8 or GB18030 is detected); ``tz`` is the PBX's
        timezone for times written without offset (default: the user's, else Asia/Shanghai);
        ``progress(lines_done, lines_total)`` is called after each batch.
        """
        self._check_may_import()
        tz = pytz.timezone(tz or self.env.user.tz or 'Asia/Shanghai')
        try:
            text, used_encoding = cdr.decode_cdr(content, encoding)
            records = list(cdr.iter_cdr(text, file_format, mapping, tz))
        except cdr.CdrError as error:
            raise UserError(_("The file cannot be read: %s") % self._cdr_message(error))
        total = cdr.count_lines(text)
        report = {'lines': total, 'encoding': used_encoding, 'calls_created': 0, 'calls_updated': 0,
                  'legs_merged': 0, 'legs_known': 0, 'warnings': [], 'errors': [], 'unknown_queues': []}
        good = []
        for number, record, error in records:
            if error:
                report['errors'].append((number, self._cdr_message(error)))
            else:
                good.append((number, record))
        if strict and report['errors']:
            return report
        resolver = self._resolver(pbx, report)
        if file_format == 'asterisk':
            self._import_legs(good, resolver, report, progress, batch_size, total)
        else:
            self._import_calls(good, resolver, report, progress, batch_size, total)
        if progress:
            progress(total, total)
        report['unknown_queues'] = sorted(set(report['unknown_queues']))
        return report

    # ------------------------------------------------------------------ access and wording

    @api.model
    def _check_may_import(self):
        if not (self.env.user._is_superuser() or self.env.user.has_group('cs_helpdesk.group_cs_supervisor')):
            raise AccessError(_("Only supervisors and directors may import call detail records."))

    @api.model
    def _cdr_message(self, error):
        """A ``services.cdr.CdrError`` (or a warning's ``(code, params)``) in the user's language."""
        code, params = (error.code, error.params) if isinstance(error, cdr.CdrError) else error
        messages = {
            'field_count': _("expected 16, 18 or 21 columns (an Asterisk Master.csv line), found %(found)s"),
            'header_field_count': _("expected %(expected)s columns as in the header line, found %(found)s"),
            'header_missing': _("the header line lacks the column(s) %(columns)s"),
            'bad_disposition': _("column disposition: %(value)r is not ANSWERED, NO ANSWER, BUSY, FAILED or "
                                 "CONGESTION"),
            'bad_time': _("column %(column)s: %(value)r is not a date and time"),
            'empty_column': _("column %(column)s is empty"),
            'ends_before_start': _("column %(column)s: the call ends before it starts"),
            'answer_outside': _("column %(column)s: the answer time is outside the call"),
            'bad_seconds': _("column %(column)s: %(value)r is not a whole number of seconds"),
            'too_long': _("column %(column)s is longer than 128 characters"),
            'bad_direction': _("column %(column)s: %(value)r is not in, out or internal"),
            'bad_status': _("column %(column)s: %(value)r is not answered, abandoned, ivr_completed, missed, busy "
                            "or failed"),
            'answer_needed': _("column %(column)s: an answered call needs its answer time"),
            'bad_recording_url': _("column %(column)s: the recording must be an http or https URL"),
            'unknown_format': _("unknown CDR format %(format)r (asterisk or generic)"),
            'unknown_encoding': _("unknown encoding %(encoding)r"),
            'bad_encoding': _("the file is not in the %(encoding)s encoding"),
            'unknown_queue': _("queue %(queue)r is not configured: the call is imported without a queue"),
            'unknown_agent': _("extension %(extension)r is no agent's: the call is imported without an agent"),
        }
        return messages[code] % params if code in messages else '%s %r' % (code, params)

    # ------------------------------------------------------------------ resolving queues and agents

    @api.model
    def _resolver(self, pbx=None, report=None):
        """A function ``(line number, call dict) → (staging values, warnings)``: looks up queues and agents and
        normalises numbers, with caches so a big file costs one query per table. Its ``extensions`` attribute
        is the set of the company's agent extensions (for ``cdr_legs.merge_legs``)."""
        company = pbx.company_id if pbx else self.env.user.company_id
        Call = self.env['cs.call']
        region = Call._phone_region(company)
        # Plain ids, read once: no ORM field access per line.
        queues = {queue.code: (queue.id, queue.team_id.id or None)
                  for queue in self.env['cs.call.queue'].sudo().with_context(active_test=False)
                  .search([('company_id', '=', company.id)])}
        agents = {user.cs_extension: (user.id, user.cs_team_ids[:1].id or None)
                  for user in self.env['res.users'].sudo().with_context(active_test=False)
                  .search([('cs_extension', '!=', False), ('company_id', '=', company.id)])}
        numbers = {}

        def normalize(number):
            if number not in numbers:
                numbers[number] = Call.normalize_number(number, region) or None
            return numbers[number]

        def resolve(line, call):
            queue_id = queue_team_id = agent_id = agent_team_id = None
            warnings = []
            if call['queue']:
                if call['queue'] in queues:
                    queue_id, queue_team_id = queues[call['queue']]
                else:
                    warnings.append(('unknown_queue', {'queue': call['queue']}))
                    if report is not None:
                        report['unknown_queues'].append(call['queue'])
            if call['agent']:
                if call['agent'] in agents:
                    agent_id, agent_team_id = agents[call['agent']]
                elif cdr_legs.looks_like_extension(call['agent']):
                    # A trunk or another non-extension peer is no agent; an unknown extension is worth a word.
                    warnings.append(('unknown_agent', {'extension': call['agent']}))
            caller, callee = normalize(call['caller_number']), normalize(call['callee_number'])
            values = dict(call, line=line, caller_number=caller, callee_number=callee,
                          customer_number=Call.customer_number(call['direction'], caller, callee) or None,
                          partner_id=None, queue_id=queue_id, team_id=queue_team_id or agent_team_id,
                          agent_id=agent_id, pbx_id=pbx.id if pbx else None, company_id=company.id)
            return values, warnings
        resolve.extensions = frozenset(agents)
        resolve.company = company
        return resolve

    @api.model
    def _warn(self, report, line, warnings):
        for warning in warnings:
            report['warnings'].append((line, self._cdr_message(warning)))

    # ------------------------------------------------------------------ Asterisk: legs → calls

    @api.model
    def _import_legs(self, numbered_legs, resolver, report, progress, batch_size, total):
        """Group the legs by call, drop those already stored, and write the calls they make, a batch at a time
        (a call's legs always fall in one batch, so a call is created once, not created then updated)."""
        groups = OrderedDict()
        seen = set()
        for line, leg in numbered_legs:
            if leg['leg_uid'] in seen:
                report['legs_known'] += 1
                continue
            seen.add(leg['leg_uid'])
            leg['line'] = line
            groups.setdefault(leg['call_uid'], []).append(leg)
        self._adopt_legacy_calls(groups)
        batch, size, last_line = [], 0, 0
        for call_uid, legs in groups.items():
            batch.append((call_uid, legs))
            size += len(legs)
            last_line = max(last_line, max(leg['line'] for leg in legs))
            if size >= batch_size:
                self._write_leg_batch(batch, resolver, report)
                batch, size = [], 0
                if progress:
                    progress(last_line, total)
        if batch:
            self._write_leg_batch(batch, resolver, report)

    @api.model
    def _adopt_legacy_calls(self, groups):
        """Lines without a uniqueid got a call id of their own before legs were merged: when a call is stored
        under the old id of one of a group's legs, the group keeps that id, so a re-import still finds it."""
        legacy = {}
        for call_uid, legs in groups.items():
            for leg in legs:
                if leg.get('legacy_call_uid'):
                    legacy[leg['legacy_call_uid']] = call_uid
        found = []
        old_ids = list(legacy)
        for start in range(0, len(old_ids), DEFAULT_BATCH_SIZE):
            self.env.cr.execute('SELECT call_uid FROM cs_call WHERE call_uid = ANY(%s)',
                                (old_ids[start:start + DEFAULT_BATCH_SIZE],))
            found.extend(row[0] for row in self.env.cr.fetchall())
        for old_id in found:
            new_id = legacy[old_id]
            if new_id in groups:
                legs = groups.pop(new_id)
                for leg in legs:
                    leg['call_uid'] = old_id
                groups[old_id] = legs

    @api.model
    def _write_leg_batch(self, batch, resolver, report):
        cr = self.env.cr
        uids = [leg['leg_uid'] for _call_uid, legs in batch for leg in legs]
        cr.execute('SELECT leg_uid FROM cs_call_leg WHERE leg_uid = ANY(%s)', (uids,))
        stored = {row[0] for row in cr.fetchall()}
        report['legs_known'] += len(stored)
        new = [(call_uid, [leg for leg in legs if leg['leg_uid'] not in stored]) for call_uid, legs in batch]
        new = [(call_uid, legs) for call_uid, legs in new if legs]
        if not new:
            return
        # The legs stored before (by an earlier file) take part in the merge of the calls they belong to.
        earlier = {}
        cr.execute("""
            SELECT c.call_uid, %s FROM cs_call_leg l JOIN cs_call c ON c.id = l.call_id
             WHERE c.call_uid = ANY(%%s)
        """ % ', '.join('l.%s' % column for column in LEG_COLUMNS if column != 'call_uid'),
                   ([call_uid for call_uid, _legs in new],))
        to_datetime = fields.Datetime.from_string  # Odoo's cursor reads timestamps as strings
        for row in cr.dictfetchall():
            leg = {_LEG_KEYS.get(column, column): value for column, value in row.items()}
            leg.update((column, to_datetime(leg[column]) if leg[column] else None) for column in _TIMESTAMP_COLUMNS)
            earlier.setdefault(leg['call_uid'], []).append(leg)
        calls, legs_to_store = [], []
        for call_uid, legs in new:
            merged = cdr_legs.merge_legs(earlier.get(call_uid, []) + legs, resolver.extensions)
            line = min(leg['line'] for leg in legs)
            values, warnings = resolver(line, merged)
            self._warn(report, line, warnings)
            calls.append(values)
            legs_to_store.extend(legs)
        created, updated = self._write_calls(calls, 'cdr')
        report['calls_created'] += created
        report['calls_updated'] += updated
        report['legs_merged'] += self._write_legs(legs_to_store) - created

    @api.model
    def _write_legs(self, legs):
        """Store ``legs`` (leg dicts of services.cdr) on their calls with one COPY and one INSERT; return how
        many were new."""
        cr = self.env.cr
        self._copy_to_staging('cs_call_leg_staging', LEG_COLUMNS,
                              [{column: leg.get(_LEG_KEYS.get(column, column)) for column in LEG_COLUMNS}
                               for leg in legs])
        now = fields.Datetime.now()
        columns = [column for column in LEG_COLUMNS if column != 'call_uid']
        cr.execute("""
            INSERT INTO cs_call_leg (call_id, company_id, %s, create_uid, create_date, write_uid, write_date)
            SELECT c.id, c.company_id, %s, %%s, %%s, %%s, %%s
              FROM cs_call_leg_staging s JOIN cs_call c ON c.call_uid = s.call_uid
            ON CONFLICT (leg_uid) DO NOTHING
        """ % (', '.join(columns), ', '.join('s.%s' % column for column in columns)),
                   (self.env.uid, now, self.env.uid, now))
        stored = cr.rowcount
        self.env['cs.call.leg'].invalidate_cache()
        return stored

    # ------------------------------------------------------------------ generic CSV: calls

    @api.model
    def _import_calls(self, numbered_calls, resolver, report, progress, batch_size, total):
        batch, seen = [], set()
        for line, call in numbered_calls:
            if call['call_uid'] in seen:
                continue
            seen.add(call['call_uid'])
            values, warnings = resolver(line, call)
            self._warn(report, line, warnings)
            batch.append(values)
            if len(batch) >= batch_size:
                self._count_calls(report, self._write_calls(batch, 'cdr'))
                batch = []
                if progress:
                    progress(line, total)
        if batch:
            self._count_calls(report, self._write_calls(batch, 'cdr'))

    @staticmethod
    def _count_calls(report, counts):
        report['calls_created'] += counts[0]
        report['calls_updated'] += counts[1]

    # ------------------------------------------------------------------ SQL

    @api.model
    def _copy_to_staging(self, table, columns, rows):
        """(Re)fill the temporary table ``table`` with ``rows`` (dicts) through one COPY."""
        cr = self.env.cr
        cr.execute('CREATE TEMP TABLE IF NOT EXISTS %s (%s) ON COMMIT DROP'
                   % (table, ', '.join('%s %s' % (column, _column_type(column)) for column in columns)))
        cr.execute('TRUNCATE %s' % table)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for row in rows:
            writer.writerow([_copy_value(row.get(column)) for column in columns])
        buffer.seek(0)
        cr.copy_expert('COPY %s (%s) FROM STDIN WITH (FORMAT csv)' % (table, ', '.join(columns)), buffer)

    @api.model
    def _write_calls(self, calls, source='cdr', update=True):
        """Write ``calls`` (dicts with the STAGING_COLUMNS) with one COPY and one INSERT; return
        ``(created, updated)``.

        A call id already stored is updated with the merged figures when it came from a CDR import and they
        changed (``update``), else left as it is; the customer, queue, team and agent it has are kept when the
        new figures have none. Customers are matched in SQL on the indexed E.164 columns of res.partner.
        """
        if not calls:
            return 0, 0
        cr = self.env.cr
        self._copy_to_staging('cs_call_staging', STAGING_COLUMNS, calls)
        now = fields.Datetime.now()
        kept = {'partner_id', 'queue_id', 'team_id', 'agent_id'}
        if update:
            conflict = 'DO UPDATE SET %s, write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date ' \
                       'WHERE cs_call.source = \'cdr\' AND (%s) IS DISTINCT FROM (%s)' % (
                           ', '.join('%s = COALESCE(EXCLUDED.%s, cs_call.%s)' % (column, column, column)
                                     if column in kept else '%s = EXCLUDED.%s' % (column, column)
                                     for column in _MERGED_COLUMNS + ('partner_id',)),
                           ', '.join('cs_call.%s' % column for column in _MERGED_COLUMNS),
                           ', '.join('COALESCE(EXCLUDED.%s, cs_call.%s)' % (column, column) if column in kept
                                     else 'EXCLUDED.%s' % column for column in _MERGED_COLUMNS))
        else:
            conflict = 'DO NOTHING'
        cr.execute("""
            INSERT INTO cs_call (call_uid, direction, caller_number, caller_name, callee_number, partner_id, queue_id,
                                 team_id, agent_id, pbx_id, company_id, date_start, date_answer, date_end,
                                 wait_seconds, talk_seconds, hold_seconds, acw_seconds, status, progress,
                                 disposition, recording_url, evaluation, evaluation_valid, source, cti_agent_rank,
                                 create_uid, create_date, write_uid, write_date)
            SELECT DISTINCT ON (s.call_uid)
                   s.call_uid, s.direction, s.caller_number, s.caller_name, s.callee_number,
                   COALESCE(s.partner_id, (
                       SELECT p.id FROM res_partner p
                        WHERE s.customer_number IS NOT NULL AND p.active
                          AND (p.cs_mobile_e164 = s.customer_number OR p.cs_phone_e164 = s.customer_number)
                        ORDER BY p.customer DESC, p.id LIMIT 1)),
                   s.queue_id, s.team_id, s.agent_id, s.pbx_id, s.company_id, s.date_start, s.date_answer,
                   s.date_end, COALESCE(s.wait_seconds, 0), COALESCE(s.talk_seconds, 0),
                   COALESCE(s.hold_seconds, 0), COALESCE(s.acw_seconds, 0), s.status, 'done', s.disposition,
                   s.recording_url, s.evaluation, COALESCE(s.evaluation_valid, false), %%s, 0,
                   %%s, %%s, %%s, %%s
              FROM cs_call_staging s
             ORDER BY s.call_uid, s.line
            ON CONFLICT (call_uid) %s
            RETURNING (xmax = 0)
        """ % conflict, (source, self.env.uid, now, self.env.uid, now))
        written = [row[0] for row in cr.fetchall()]
        self.env['cs.call'].invalidate_cache()
        created = sum(1 for inserted in written if inserted)
        return created, len(written) - created

    @api.model
    def _bulk_insert(self, calls, source='cdr'):
        """Insert ``calls`` (dicts with the STAGING_COLUMNS) that are not stored yet; return how many were new.
        For generators of history (demo data): no legs, and a call id already stored is left as it is."""
        return self._write_calls(calls, source, update=False)[0]

    @api.model
    def _link_calls_to_queues(self, queues):
        """Give the calls without a queue whose legs reached one of ``queues`` (by code, same company) that
        queue and its team; return how many calls were linked."""
        cr = self.env.cr
        linked = 0
        for queue in queues:
            cr.execute("""
                UPDATE cs_call c SET queue_id = %s, team_id = COALESCE(c.team_id, %s)
                 WHERE c.queue_id IS NULL AND c.company_id = %s
                   AND EXISTS (SELECT 1 FROM cs_call_leg l WHERE l.call_id = c.id AND l.queue_code = %s)
            """, (queue.id, queue.team_id.id or None, queue.company_id.id, queue.code))
            linked += cr.rowcount
        self.env['cs.call'].invalidate_cache()
        return linked
