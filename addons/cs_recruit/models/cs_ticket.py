from odoo import api, models


class CsTicket(models.Model):
    """The certification gate of R9 on work orders: only certified agents are assigned one."""
    _inherit = 'cs.ticket'

    @api.model
    def create(self, vals):
        ticket = super(CsTicket, self).create(vals)
        # Checked after creation so that the default assignee (the agent who writes the order down) counts too.
        ticket.user_id._cs_check_certified('ticket')
        return ticket

    @api.multi
    def write(self, vals):
        if vals.get('user_id') and any(ticket.user_id.id != vals['user_id'] for ticket in self):
            self.env['res.users'].browse(vals['user_id'])._cs_check_certified('ticket')
        return super(CsTicket, self).write(vals)
