from odoo import api, fields, models

from .cs_return_visit import SATISFACTION

EVALUATION_SOURCES = [
    ('ivr', 'Post-call IVR'),
    ('return_visit', 'Return Visit'),
    ('portal', 'Customer Portal'),
    ('agent', 'Recorded by Agent'),
]


class CsTicket(models.Model):
    """Return visits of a work order and the customer's evaluation of it (H7, H8)."""
    _inherit = 'cs.ticket'

    visit_ids = fields.One2many('cs.return.visit', 'ticket_id', 'Return Visits')
    visit_count = fields.Integer('Return Visit Count', compute='_compute_visit_count')
    evaluation = fields.Selection(SATISFACTION, 'Evaluation', index=True, track_visibility='onchange',
                                  help="The customer's evaluation of how the order was handled.")
    evaluation_valid = fields.Boolean('Valid Evaluation',
                                      help="The evaluation comes from the customer and counts in the figures.")
    evaluation_source = fields.Selection(EVALUATION_SOURCES, 'Evaluated through')
    evaluation_date = fields.Datetime('Evaluated on', index=True)

    @api.depends('visit_ids')
    def _compute_visit_count(self):
        groups = self.env['cs.return.visit'].read_group([('ticket_id', 'in', self.ids)], ['ticket_id'], ['ticket_id'])
        counts = {group['ticket_id'][0]: group['ticket_id_count'] for group in groups}
        for ticket in self:
            ticket.visit_count = counts.get(ticket.id, 0)

    @api.model
    def create(self, vals):
        ticket = super(CsTicket, self).create(vals)
        self.env['cs.return.visit']._plan_for_tickets(ticket, 'create')
        return ticket

    @api.multi
    def write(self, vals):
        result = super(CsTicket, self).write(vals)
        if 'stage_id' in vals:
            closed = self.filtered(lambda ticket: ticket.stage_id.kind == 'closed')
            if closed:
                self.env['cs.return.visit']._plan_for_tickets(closed, 'close')
        return result

    @api.multi
    def action_open_visits(self):
        self.ensure_one()
        action = self.env.ref('cs_helpdesk.cs_return_visit_action').read()[0]
        action['domain'] = [('ticket_id', '=', self.id)]
        action['context'] = {'default_ticket_id': self.id, 'default_partner_id': self.partner_id.id,
                             'default_team_id': self.team_id.id}
        return action
