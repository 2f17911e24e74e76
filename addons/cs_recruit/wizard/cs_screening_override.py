from odoo import api, fields, models


class CsScreeningOverride(models.TransientModel):
    """Let candidates pass the resume screening whatever its result, with a reason kept in their chatter (R3)."""
    _name = 'cs.screening.override'
    _description = 'Override Resume Screening'

    applicant_ids = fields.Many2many('hr.applicant', string='Applicants', required=True)
    reason = fields.Text(required=True, help="Why the candidate goes on despite the failed rules.")

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.applicant_ids.action_cs_override_screening(self.reason)
        return {'type': 'ir.actions.act_window_close'}
