import base64

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..services import cdr

MAPPING_FIELDS = [('column_%s' % name, name) for name in cdr.GENERIC_FIELDS]


def _tz_selection(self):
    import pytz
    return [(tz, tz) for tz in sorted(pytz.common_timezones)]


class CsCdrImportWizard(models.TransientModel):
    """Import a CDR file from the web client: Asterisk Master.csv or a generic CSV with its column mapping.

    The result page shows how many calls were imported, skipped (already known) and each bad line.
    """
    _name = 'cs.cdr.import.wizard'
    _description = 'Import Call Detail Records'

    file = fields.Binary('CDR File', required=True)
    filename = fields.Char()
    file_format = fields.Selection([('asterisk', 'Asterisk Master.csv'), ('generic', 'Generic CSV')],
                                   'Format', required=True, default='asterisk')
    strict = fields.Boolean(help="Import nothing when any line is bad.")
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
    line_count = fields.Integer('Lines', readonly=True)
    imported_count = fields.Integer('Imported', readonly=True)
    skipped_count = fields.Integer('Already Known', readonly=True)
    error_count = fields.Integer('Bad Lines', readonly=True)
    error_line_ids = fields.One2many('cs.cdr.import.error', 'wizard_id', 'Errors', readonly=True)

    @api.multi
    def _mapping(self):
        return {name: self[field_name] or False for field_name, name in MAPPING_FIELDS}

    @api.multi
    def action_import(self):
        self.ensure_one()
        try:
            text = base64.b64decode(self.file).decode('utf-8-sig')
        except (ValueError, UnicodeDecodeError):
            raise UserError(_("The file is not a UTF-8 text file."))
        result = self.env['cs.cdr.importer'].import_text(
            text, self.file_format, strict=self.strict, mapping=self._mapping(), tz=self.tz, pbx=self.pbx_id)
        self.write({
            'state': 'done',
            'line_count': result['lines'],
            'imported_count': result['imported'],
            'skipped_count': result['skipped'],
            'error_count': len(result['errors']),
            'error_line_ids': [(5, 0, 0)] + [(0, 0, {'line': line, 'reason': reason})
                                             for line, reason in result['errors'][:1000]],
        })
        return {
            'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': self.id,
            'view_mode': 'form', 'target': 'new', 'name': _("CDR Import Result"),
        }

    @api.multi
    def action_open_calls(self):
        return self.env.ref('cs_callcenter.cs_call_action').read()[0]


class CsCdrImportError(models.TransientModel):
    _name = 'cs.cdr.import.error'
    _description = 'Bad Line of a CDR Import'
    _order = 'line'

    wizard_id = fields.Many2one('cs.cdr.import.wizard', required=True, ondelete='cascade')
    line = fields.Integer(required=True)
    reason = fields.Char(required=True)
