from odoo import api, fields, models


class CsTicket(models.Model):
    _inherit = 'cs.ticket'

    cs_call_ids = fields.Many2many('cs.call', 'cs_call_ticket_rel', 'ticket_id', 'call_id', string='Calls')
    cs_call_count = fields.Integer('Calls', compute='_compute_cs_call_count')

    @api.depends('cs_call_ids')
    def _compute_cs_call_count(self):
        for ticket in self:
            ticket.cs_call_count = len(ticket.cs_call_ids)
