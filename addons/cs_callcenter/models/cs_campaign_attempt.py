from odoo import fields, models

OUTCOMES = [
    ('empty_number', 'Empty Number'),
    ('wrong_number', 'Wrong Number'),
    ('busy', 'Busy'),
    ('switched_off', 'Switched Off'),
    ('no_answer', 'No Answer'),
    ('connected', 'Connected'),
    ('success', 'Success'),
    ('refused', 'Refused'),
    ('callback', 'Callback'),
]


class CsCampaignAttempt(models.Model):
    """One dial of a campaign contact and its outcome: a fact, written only by ``action_log_attempt``."""
    _name = 'cs.campaign.attempt'
    _description = 'Campaign Attempt'
    _order = 'date desc, id desc'
    _rec_name = 'contact_id'

    contact_id = fields.Many2one('cs.campaign.contact', 'Contact', required=True, index=True, ondelete='cascade',
                                 readonly=True)
    campaign_id = fields.Many2one('cs.campaign', 'Campaign', required=True, index=True, ondelete='cascade',
                                  readonly=True)
    user_id = fields.Many2one('res.users', 'Agent', index=True, readonly=True)
    outcome = fields.Selection(OUTCOMES, required=True, index=True, readonly=True)
    date = fields.Datetime('Date', required=True, index=True, readonly=True, default=fields.Datetime.now)
    call_id = fields.Many2one('cs.call', 'Call', readonly=True, ondelete='set null')
    note = fields.Text('Note', readonly=True)
    refusal_reason_id = fields.Many2one('cs.campaign.refusal.reason', 'Refusal Reason', readonly=True,
                                        ondelete='restrict')
    company_id = fields.Many2one(related='campaign_id.company_id', store=True, readonly=True)
