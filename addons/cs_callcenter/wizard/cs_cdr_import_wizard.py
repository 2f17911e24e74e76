import base64
import binascii

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..services import cdr

MAPPING_FIELDS = [('column_%s' % name, name) for name in cdr.GENERIC_FIELDS]
# The report keeps this many warnings and as many errors; the counts are always complete.
MAX_REPORT_LINES = 1000
ENCODINGS = [('auto', 'Detect (UTF-8 or GB18030)'), ('utf-8', 'UTF-8'), ('gbk', 'GBK'), ('gb18030', 'GB18030')]


def _tz_selection(self):
    import pytz
    return [(tz, tz) for tz in sorted(pytz.common_timezones)]


class CsCdrImportWizard(models.TransientModel):
    """Import a CDR file uploaded from the web client: Asterisk Master.csv or a generic CSV with its mapping.

    The report shows the lines read, the calls created and updated, the legs merged into calls, and each
    warning (a call imported without its unknown queue or agent) and error (a line that is no call) with its
    line number; unknown queues can be created from it in one click.
    """
    _name = 'cs.cdr.import.wizard'
    _description = 'Import Call Detail Records'

    file = fields.Binary('CDR File', required=True)
    filename = fields.Char()
    file_format = fields.Selection([('asterisk', 'Asterisk Master.csv'), ('generic', 'Generic CSV')],
                                   'Format', required=True, default='asterisk')
    encoding = fields.Selection(ENCODINGS, required=True, default='auto',
                                help="The file's character set. Chinese PBXs often write GBK or GB18030; "
                                     "Detect reads UTF-8 when the file is valid UTF-8, else GB18030.")
    strict = fields.Boolean(help="Import nothing when any line is an error (warnings do not count).")
    tz = fields.Selection(_tz_selection, 'PBX Timezone', required=True,
                          default=lambda self: self.env.user.tz or 'Asia/Shanghai',
                          help="Timezone of the times written without UTC offset.")
    pbx_id = fields.Many2one('cs.pbx', 'Telephone System')
    column_call_id = fields.Char('Call ID Column', default='call_id')
    column_from = fields.Char('Caller Column', default='from')
    column_to = fields.Char('Callee Column', default='to')
    column_direction = fields.Char('Direction Column', default='direction')
    column_queue = fields.Char('Queue Column', default='queue')
    column_agent = fields.Char('Agent Extension Column', default='agent')
    column_start = fields.Char('Start Column', default='start')
    column_answer = fields.Char('Answer Column', default='answer')
    column_end = fields.Char('End Column', default='end')
    column_status = fields.Char('Status Column', default='status')
    column_recording_url = fields.Char('Recording Column', default='recording_url')
    state = fields.Selection([('draft', 'Draft'), ('done', 'Done')], default='draft')
    encoding_used = fields.Char('Encoding Read', readonly=True)
    line_count = fields.Integer('Lines Read', readonly=True)
    created_count = fields.Integer('Calls Created', readonly=True)
    updated_count = fields.Integer('Calls Updated', readonly=True,
                                   help="Calls already stored that this file completed (e.g. a leg answered later).")
    legs_merged_count = fields.Integer('Legs Merged', readonly=True,
                                       help="Legs stored into a call that another leg made or had made.")
    legs_known_count = fields.Integer('Legs Already Imported', readonly=True)
    warning_count = fields.Integer('Warnings', readonly=True)
    error_count = fields.Integer('Errors', readonly=True)
    line_ids = fields.One2many('cs.cdr.import.error', 'wizard_id', 'Report Lines', readonly=True)
    warning_line_ids = fields.One2many('cs.cdr.import.error', 'wizard_id', 'Warnings', readonly=True,
                                       domain=[('kind', '=', 'warning')])
    error_line_ids = fields.One2many('cs.cdr.import.error', 'wizard_id', 'Errors', readonly=True,
                                     domain=[('kind', '=', 'error')])
    unknown_queue_codes = fields.Char('Unknown Queues', readonly=True,
                                      help="Queue names found in the file that no queue of the company has as code.")
    queue_note = fields.Char(readonly=True)

    @api.multi
    def _mapping(self):
        return {name: self[field_name] or False for field_name, name in MAPPING_FIELDS}

    @api.multi
    def _reopen(self):
        return {
            'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': self.id,
            'view_mode': 'form', 'target': 'new', 'name': _("CDR Import Report"),
        }

    @api.multi
    def action_import(self):
        """Import the uploaded file and show the report (supervisors and directors)."""
        self.ensure_one()
        importer = self.env['cs.cdr.importer']
        importer._check_may_import()
        try:
            content = base64.b64decode(self.file or b'')
        except (ValueError, binascii.Error):
            raise UserError(_("The uploaded file cannot be read."))
        report = importer._import_content(
            content, self.file_format, encoding=None if self.encoding == 'auto' else self.encoding,
            strict=self.strict, mapping=self._mapping(), tz=self.tz, pbx=self.pbx_id)
        lines = [(0, 0, {'kind': 'error', 'line': line, 'reason': reason})
                 for line, reason in report['errors'][:MAX_REPORT_LINES]]
        lines += [(0, 0, {'kind': 'warning', 'line': line, 'reason': reason})
                  for line, reason in report['warnings'][:MAX_REPORT_LINES]]
        self.write({
            'state': 'done',
            'encoding_used': report['encoding'],
            'line_count': report['lines'],
            'created_count': report['calls_created'],
            'updated_count': report['calls_updated'],
            'legs_merged_count': report['legs_merged'],
            'legs_known_count': report['legs_known'],
            'warning_count': len(report['warnings']),
            'error_count': len(report['errors']),
            'unknown_queue_codes': ', '.join(report['unknown_queues']) or False,
            'line_ids': [(5, 0, 0)] + lines,
        })
        return self._reopen()

    @api.multi
    def action_create_queues(self):
        """Create a queue for each unknown queue of the report (code = name = the PBX's queue name) and give
        them the imported calls that reached them."""
        self.ensure_one()
        importer = self.env['cs.cdr.importer']
        importer._check_may_import()
        codes = [code.strip() for code in (self.unknown_queue_codes or '').split(',') if code.strip()]
        company = self.pbx_id.company_id or self.env.user.company_id
        Queue = self.env['cs.call.queue']
        existing = Queue.with_context(active_test=False).search([('code', 'in', codes),
                                                                 ('company_id', '=', company.id)])
        queues = existing
        for code in codes:
            if code not in existing.mapped('code'):
                # Created with the user's own rights: supervisors and directors may create queues.
                queues |= Queue.create({'name': code, 'code': code, 'company_id': company.id})
        linked = importer._link_calls_to_queues(queues)
        self.write({
            'unknown_queue_codes': False,
            'queue_note': _("%(queues)s queue(s) created, %(calls)s call(s) linked to them. Set their team and "
                            "agents under Configuration › Call Queues.") % {
                'queues': len(queues - existing), 'calls': linked},
        })
        return self._reopen()

    @api.multi
    def action_open_calls(self):
        return self.env.ref('cs_callcenter.cs_call_action').read()[0]


class CsCdrImportError(models.TransientModel):
    """A line of a CDR import report: a warning (imported without something) or an error (not imported)."""
    _name = 'cs.cdr.import.error'
    _description = 'Line of a CDR Import Report'
    _order = 'kind, line'

    wizard_id = fields.Many2one('cs.cdr.import.wizard', required=True, ondelete='cascade')
    kind = fields.Selection([('error', 'Error'), ('warning', 'Warning')], required=True, default='error')
    line = fields.Integer(required=True)
    reason = fields.Char(required=True)
