from odoo import api, fields, models

from ..models.cs_campaign_attempt import OUTCOMES


class CsCampaignAttemptWizard(models.TransientModel):
    """The agent's outcome dialog on a contact: it logs the attempt through ``action_log_attempt``."""
    _name = 'cs.campaign.attempt.wizard'
    _description = 'Log a Campaign Attempt'

    contact_id = fields.Many2one('cs.campaign.contact', 'Contact', required=True, ondelete='cascade')
    outcome = fields.Selection(OUTCOMES, required=True)
    callback_date = fields.Date('Call back on')
    refusal_reason_id = fields.Many2one('cs.campaign.refusal.reason', 'Refusal Reason')
    note = fields.Text('Note')

    @api.multi
    def action_confirm(self):
        """Log the attempt on the contact, then open the agent's next contact."""
        self.env['cs.campaign.contact'].check_access_rights('read')
        self.ensure_one()
        contact = self.contact_id
        contact.action_log_attempt(self.outcome, note=self.note or False, callback_date=self.callback_date or False,
                                   refusal_reason_id=self.refusal_reason_id.id or False)
        return contact.action_next_contact()
