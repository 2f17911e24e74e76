"""The bulk path of call detail records: parse, resolve, then write each batch with one COPY into a staging
table and one INSERT … SELECT … ON CONFLICT DO NOTHING, so a re-import of the same file adds nothing."""
import csv
import io
import time

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..services import cdr

STAGING_COLUMNS = ('line', 'call_uid', 'direction', 'caller_number', 'callee_number', 'customer_number',
                   'partner_id', 'queue_id', 'team_id', 'agent_id', 'pbx_id', 'date_start', 'date_answer',
                   'date_end', 'wait_seconds', 'talk_seconds', 'hold_seconds', 'acw_seconds', 'status',
                   'disposition', 'recording_url', 'evaluation', 'evaluation_valid')
STAGING_TYPES = {'line': 'integer', 'partner_id': 'integer', 'queue_id': 'integer', 'team_id': 'integer',
                 'agent_id': 'integer', 'pbx_id': 'integer', 'date_start': 'timestamp',
                 'date_answer': 'timestamp', 'date_end': 'timestamp', 'wait_seconds': 'integer',
                 'talk_seconds': 'integer', 'hold_seconds': 'integer', 'acw_seconds': 'integer',
                 'evaluation_valid': 'boolean'}
DEFAULT_BATCH_SIZE = 5000


class CsCdrImporter(models.AbstractModel):
    _name = 'cs.cdr.importer'
    _description = 'Call Detail Record Importer'

    @api.model
    def _check_may_import(self):
        if not (self.env.user._is_superuser() or self.env.user.has_group('cs_helpdesk.group_cs_supervisor')):
            raise AccessError(_("Only supervisors and directors may import call detail records."))

    @api.model
    def import_text(self, text, file_format='asterisk', strict=False, mapping=None, tz=None, pbx=None,
                    progress=None, batch_size=DEFAULT_BATCH_SIZE):
        """Import the CDR file ``text``; return ``{'lines', 'imported', 'skipped', 'errors'}``.

        ``errors`` lists ``(line number, reason)``. Good lines are imported and bad ones reported; with
        ``strict`` a file with any bad line imports nothing. A call whose id is already known is skipped.
        ``tz`` is the PBX's timezone for times written without offset (default: the user's, else
        Asia/Shanghai). ``progress(lines_done, lines_total)`` is called after each batch.
        """
        self._check_may_import()
        tz = pytz.timezone(tz or self.env.user.tz or 'Asia/Shanghai')
        total = text.count('\n') + (0 if text.endswith('\n') else 1)
        resolver = self._resolver(pbx)
        try:
            rows = cdr.iter_cdr(text, file_format, mapping, tz)
            if strict:
                errors = [(number, error or resolver(number, call)[1])
                          for number, call, error in rows if error or resolver(number, call)[1]]
                if errors:
                    return {'lines': total, 'imported': 0, 'skipped': 0, 'errors': errors}
                rows = cdr.iter_cdr(text, file_format, mapping, tz)
            return self._import_rows(rows, resolver, total, progress, batch_size)
        except cdr.CdrError as error:
            raise UserError(_("The file cannot be read: %s") % error)

    @api.model
    def _import_rows(self, rows, resolver, total, progress, batch_size):
        result = {'lines': total, 'imported': 0, 'skipped': 0, 'errors': []}
        batch = []
        last_line = 0
        for number, call, error in rows:
            last_line = number
            if not error:
                values, error = resolver(number, call)
            if error:
                result['errors'].append((number, error))
                continue
            batch.append(values)
            if len(batch) >= batch_size:
                self._add_counts(result, batch, self.bulk_insert(batch))
                batch = []
                if progress:
                    progress(last_line, total)
        if batch:
            self._add_counts(result, batch, self.bulk_insert(batch))
        if progress:
            progress(total, total)
        return result

    @staticmethod
    def _add_counts(result, batch, inserted):
        result['imported'] += inserted
        result['skipped'] += len(batch) - inserted

    @api.model
    def _resolver(self, pbx=None):
        """A function ``(line number, call dict) → (staging values, error)``: looks up queues, agents and
        normalises numbers, with caches so a big file costs one query per table."""
        company = pbx.company_id if pbx else self.env.user.company_id
        Call = self.env['cs.call']
        region = Call._phone_region(company)
        queues = {queue.code: queue for queue in self.env['cs.call.queue'].sudo().with_context(active_test=False)
                  .search([('company_id', '=', company.id)])}
        agents = {user.cs_extension: user for user in self.env['res.users'].sudo().with_context(active_test=False)
                  .search([('cs_extension', '!=', False), ('company_id', '=', company.id)])}
        numbers = {}

        def normalize(number):
            if number not in numbers:
                numbers[number] = Call.normalize_number(number, region) or None
            return numbers[number]

        def resolve(line, call):
            queue = agent = None
            if call['queue']:
                queue = queues.get(call['queue'])
                if not queue:
                    return None, 'unknown queue %r' % call['queue']
            if call['agent']:
                agent = agents.get(call['agent'])
                # A trunk or other non-extension peer is no agent; an unknown extension is a mistake.
                if not agent and call['agent'].isdigit():
                    return None, 'unknown agent extension %r' % call['agent']
            caller, callee = normalize(call['caller_number']), normalize(call['callee_number'])
            team = (queue.team_id if queue else None) or (agent.cs_team_ids[:1] if agent else None)
            values = dict(call, line=line, caller_number=caller, callee_number=callee,
                          customer_number=Call.customer_number(call['direction'], caller, callee),
                          partner_id=None, queue_id=queue.id if queue else None,
                          team_id=team.id if team else None, agent_id=agent.id if agent else None,
                          pbx_id=pbx.id if pbx else None, company_id=company.id)
            return values, None
        return resolve

    @api.model
    def bulk_insert(self, calls, source='cdr'):
        """Write ``calls`` (dicts with the STAGING_COLUMNS and company_id) with one COPY and one INSERT;
        return how many were new. A call id already stored is left as it is. Customers are matched in SQL
        on the indexed E.164 columns of res.partner."""
        if not calls:
            return 0
        cr = self.env.cr
        cr.execute("""
            CREATE TEMP TABLE IF NOT EXISTS cs_call_staging (%s, company_id integer) ON COMMIT DROP
        """ % ', '.join('%s %s' % (column, STAGING_TYPES.get(column, 'varchar')) for column in STAGING_COLUMNS))
        cr.execute('TRUNCATE cs_call_staging')
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for call in calls:
            writer.writerow([_copy_value(call.get(column)) for column in STAGING_COLUMNS + ('company_id',)])
        buffer.seek(0)
        cr.copy_expert('COPY cs_call_staging (%s) FROM STDIN WITH (FORMAT csv)'
                       % ', '.join(STAGING_COLUMNS + ('company_id',)), buffer)
        now = fields.Datetime.now()
        cr.execute("""
            INSERT INTO cs_call (call_uid, direction, caller_number, callee_number, partner_id, queue_id, team_id,
                                 agent_id, pbx_id, company_id, date_start, date_answer, date_end, wait_seconds,
                                 talk_seconds, hold_seconds, acw_seconds, status, progress, disposition,
                                 recording_url, evaluation, evaluation_valid, source, cti_agent_rank,
                                 create_uid, create_date, write_uid, write_date)
            SELECT DISTINCT ON (s.call_uid)
                   s.call_uid, s.direction, s.caller_number, s.callee_number,
                   COALESCE(s.partner_id, (
                       SELECT p.id FROM res_partner p
                        WHERE s.customer_number IS NOT NULL AND p.active
                          AND (p.cs_mobile_e164 = s.customer_number OR p.cs_phone_e164 = s.customer_number)
                        ORDER BY p.customer DESC, p.id LIMIT 1)),
                   s.queue_id, s.team_id, s.agent_id, s.pbx_id, s.company_id, s.date_start, s.date_answer,
                   s.date_end, COALESCE(s.wait_seconds, 0), COALESCE(s.talk_seconds, 0),
                   COALESCE(s.hold_seconds, 0), COALESCE(s.acw_seconds, 0), s.status, 'done', s.disposition,
                   s.recording_url, s.evaluation, COALESCE(s.evaluation_valid, false), %s, 0,
                   %s, %s, %s, %s
              FROM cs_call_staging s
             ORDER BY s.call_uid, s.line
            ON CONFLICT (call_uid) DO NOTHING
        """, (source, self.env.uid, now, self.env.uid, now))
        inserted = cr.rowcount
        self.env['cs.call'].invalidate_cache()
        return inserted

    @api.model
    def import_file_cli(self, path, file_format='asterisk', strict=False, tz=None, out=None):
        """The command line (scripts/import_cdr.sh): import ``path`` with progress on ``out``; return the
        result of ``import_text``."""
        with open(path, encoding='utf-8-sig', errors='replace') as cdr_file:
            text = cdr_file.read()
        started = time.time()

        def progress(done, total):
            if out:
                elapsed = max(time.time() - started, 1e-6)
                out.write('\r[import-cdr] %d/%d lines (%d%%), %d lines/s' % (
                    done, total, 100 * done // max(total, 1), done / elapsed))
                out.flush()
        result = self.import_text(text, file_format, strict=strict, tz=tz, progress=progress)
        if out:
            out.write('\n')
        return result


def _copy_value(value):
    if value is None or value is False or value == '':
        return None
    if value is True:
        return 't'
    if hasattr(value, 'strftime'):
        return value.strftime('%Y-%m-%d %H:%M:%S')
    return value
