from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CsTicket(models.Model):
    """Work orders know the service they concern and the mass outage that caused them (H11)."""
    _inherit = 'cs.ticket'

    service_id = fields.Many2one('cs.service', 'Service', index=True, ondelete='restrict',
                                 track_visibility='onchange')
    outage_id = fields.Many2one(
        'cs.outage.bulletin', 'Mass Outage', index=True, ondelete='set null', copy=False,
        track_visibility='onchange',
        help="The mass-outage bulletin this order is part of: it is closed, and its customer told, when the "
             "bulletin is resolved.")
    active_outage_ids = fields.Many2many(
        'cs.outage.bulletin', string='Active Outages', compute='_compute_active_outage_ids',
        help="Active mass-outage bulletins of this order's service.")
    has_active_outage = fields.Boolean(
        'Active Outage on this Service', compute='_compute_active_outage_ids',
        help="An active mass-outage bulletin concerns the service of this open order.")

    @api.multi
    @api.depends('service_id', 'stage_id.kind')
    def _compute_active_outage_ids(self):
        # One search for the whole batch: a list of orders must not query once per line.
        bulletins = self.env['cs.outage.bulletin'].search(
            [('state', '=', 'active'), ('service_ids', 'in', self.mapped('service_id').ids)])
        for ticket in self:
            active = bulletins.filtered(lambda bulletin: ticket.service_id in bulletin.service_ids) \
                if ticket.service_id else bulletins.browse()
            ticket.active_outage_ids = active
            ticket.has_active_outage = bool(active) and ticket.stage_id.kind not in ('resolved', 'closed')

    @api.multi
    def action_link_outage(self):
        """Link the order to the latest active bulletin of its service."""
        for ticket in self:
            bulletin = ticket.active_outage_ids[:1]
            if not bulletin:
                raise UserError(_("There is no active mass-outage bulletin for the service of work order %s.")
                                % ticket.number)
            ticket.outage_id = bulletin
        return True
