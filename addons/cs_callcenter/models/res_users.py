from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .cs_agent_status import AGENT_STATES


class ResUsers(models.Model):
    _inherit = 'res.users'

    cs_extension = fields.Char(
        'Extension', copy=False, index=True,
        help="The agent's extension on the telephone system: CTI events and CDR lines name agents by it.")
    cs_queue_ids = fields.Many2many(
        'cs.call.queue', 'cs_call_queue_member_rel', 'user_id', 'queue_id', string='Call Queues')
    cs_agent_state = fields.Selection(AGENT_STATES, 'Agent Status', readonly=True, copy=False)
    cs_agent_state_since = fields.Datetime('Status Since', readonly=True, copy=False)

    @api.constrains('cs_extension', 'company_id')
    def _check_cs_extension_unique(self):
        for user in self.filtered('cs_extension'):
            duplicate = self.sudo().search([
                ('id', '!=', user.id), ('cs_extension', '=', user.cs_extension),
                ('company_id', '=', user.company_id.id)], limit=1)
            if duplicate:
                raise ValidationError(_("Extension %s is already used by %s.") % (user.cs_extension, duplicate.name))
