from odoo import fields, models

FEEDBACK_KINDS = [
    ('complaint', 'Complaint'),
    ('praise', 'Praise'),
]


class CsAgentFeedback(models.Model):
    """A complaint or praise a quality inspector has verified as concerning one agent (H6, K2 #9)."""
    _name = 'cs.agent.feedback'
    _description = 'Complaint or Praise about an Agent'
    _inherit = ['mail.thread']
    _order = 'date desc, id desc'

    ticket_id = fields.Many2one('cs.ticket', 'Work Order', required=True, ondelete='cascade', index=True)
    agent_id = fields.Many2one('res.users', 'Agent', required=True, index=True, track_visibility='onchange')
    kind = fields.Selection(FEEDBACK_KINDS, required=True, default='complaint', track_visibility='onchange')
    complaint_level = fields.Selection(related='ticket_id.complaint_level', store=True, readonly=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    inspector_id = fields.Many2one('res.users', 'Verified by', required=True, readonly=True,
                                   default=lambda self: self.env.uid)
    description = fields.Text('Finding', required=True,
                              help="What the inspector found in the recording and the work order.")
    partner_id = fields.Many2one(related='ticket_id.partner_id', readonly=True, string='Customer')
