from odoo import _, api, fields, models
from odoo.exceptions import UserError

BULLETIN_STATES = [
    ('draft', 'Draft'),
    ('active', 'Active'),
    ('resolved', 'Resolved'),
    ('cancelled', 'Cancelled'),
]

OPEN_STAGE_KINDS_EXCLUDED = ('resolved', 'closed')


class CsOutageBulletin(models.Model):
    """A mass-outage bulletin (大面积故障播报).

    While active it shows on every open work order of the affected services, so the agent answering the
    hundredth call about the same cut knows at once. When the network is repaired, resolving the bulletin
    closes every linked work order in one action and tells each customer.
    """
    _name = 'cs.outage.bulletin'
    _description = 'Mass-Outage Bulletin'
    _inherit = ['mail.thread']
    _order = 'date_start desc, id desc'

    def _default_customer_message(self):
        return _("Dear customer, the service outage in your area has been repaired and your service is back "
                 "to normal. We apologise for the inconvenience and thank you for your patience.")

    name = fields.Char('Title', required=True, track_visibility='onchange')
    service_ids = fields.Many2many(
        'cs.service', 'cs_outage_bulletin_service_rel', 'bulletin_id', 'service_id', string='Affected Services',
        required=True)
    area = fields.Char('Affected Area', help="Region, district or estates affected, as agents say it to callers.")
    description = fields.Text(
        'Cause and Advice', help="Shown to agents on the work orders: what is down, why, and what to tell callers.")
    customer_message = fields.Text(
        'Message to Customers', default=_default_customer_message,
        help="Sent to the customer of each linked work order when the bulletin is resolved; also recorded as "
             "the resolution of orders that have none.")
    date_start = fields.Datetime('Started on', required=True, default=fields.Datetime.now,
                                 track_visibility='onchange')
    date_expected_end = fields.Datetime('Expected End', track_visibility='onchange')
    date_resolved = fields.Datetime('Resolved on', readonly=True, copy=False)
    state = fields.Selection(BULLETIN_STATES, 'Status', required=True, default='draft', readonly=True,
                             copy=False, index=True, track_visibility='onchange')
    user_id = fields.Many2one('res.users', 'Published by', default=lambda self: self.env.user,
                              track_visibility='onchange')
    ticket_ids = fields.One2many('cs.ticket', 'outage_id', 'Linked Work Orders')
    ticket_count = fields.Integer('Work Orders', compute='_compute_ticket_counts')
    open_ticket_count = fields.Integer('Open Work Orders', compute='_compute_ticket_counts')
    color = fields.Integer('Color Index')

    @api.multi
    def _compute_ticket_counts(self):
        # Counted over every team: the scale of an outage matters to the leader deciding on it, even when
        # their own record rules show them only their teams' orders.
        Ticket = self.env['cs.ticket'].sudo()
        domain = [('outage_id', 'in', self.ids)]
        totals = self._count_by_bulletin(Ticket, domain)
        opened = self._count_by_bulletin(Ticket, domain + [('stage_kind', 'not in', OPEN_STAGE_KINDS_EXCLUDED)])
        for bulletin in self:
            bulletin.ticket_count = totals.get(bulletin.id, 0)
            bulletin.open_ticket_count = opened.get(bulletin.id, 0)

    @api.model
    def _count_by_bulletin(self, Ticket, domain):
        groups = Ticket.read_group(domain, ['outage_id'], ['outage_id'])
        return {group['outage_id'][0]: group['outage_id_count'] for group in groups}

    @api.multi
    def action_activate(self):
        """Publish the bulletin: from now on it shows on the open work orders of its services."""
        for bulletin in self:
            if bulletin.state != 'draft':
                raise UserError(_("Only a draft bulletin can be published (bulletin: %s).") % bulletin.name)
        self.write({'state': 'active', 'user_id': self.env.uid})
        return True

    @api.multi
    def action_cancel(self):
        """Withdraw a bulletin published by mistake; its linked work orders stay as they are."""
        for bulletin in self:
            if bulletin.state == 'resolved':
                raise UserError(_("Bulletin %s is already resolved and cannot be cancelled.") % bulletin.name)
        self.write({'state': 'cancelled'})
        return True

    @api.multi
    def action_resolve(self):
        """The outage is repaired: close every linked work order not yet closed, in one action.

        Each order moves to the first stage of kind Closed, gets the customer message as resolution (and the
        bulletin title as root cause for complaints) when it has none, and its customer is sent the message;
        an order without a customer gets an internal note instead.
        """
        for bulletin in self:
            if bulletin.state == 'resolved':
                raise UserError(_("Bulletin %s is already resolved: its work orders were closed on %s.") % (
                    bulletin.name, bulletin.date_resolved))
            if bulletin.state != 'active':
                raise UserError(_("Only an active bulletin can be resolved (bulletin: %s). Publish it first.")
                                % bulletin.name)
            if not (bulletin.customer_message or '').strip():
                raise UserError(_("Write the message to customers of bulletin %s before resolving it.")
                                % bulletin.name)
        closed_stage = self.env['cs.ticket.stage'].search([('kind', '=', 'closed')], limit=1)
        if not closed_stage:
            raise UserError(_("There is no work order stage of kind Closed: create one in the configuration."))
        # The state is written as the user first, so that only those allowed to resolve a bulletin get past here.
        self.write({'state': 'resolved', 'date_resolved': fields.Datetime.now()})
        for bulletin in self:
            bulletin._close_linked_tickets(closed_stage)
        return True

    @api.multi
    def action_link_open_tickets(self):
        """Link the open work orders of the affected services recorded since the outage started."""
        self.ensure_one()
        if self.state != 'active':
            raise UserError(_("Only an active bulletin can collect work orders (bulletin: %s).") % self.name)
        # A mass outage crosses teams: the leader who publishes it links every team's orders.
        tickets = self.env['cs.ticket'].sudo().search([
            ('service_id', 'in', self.service_ids.ids),
            ('stage_kind', 'not in', OPEN_STAGE_KINDS_EXCLUDED),
            ('create_date', '>=', self.date_start),
            ('outage_id', '=', False),
        ])
        if tickets:
            tickets.write({'outage_id': self.id})
        self.message_post(body=_("%d open work orders linked to this bulletin.") % len(tickets),
                          subtype='mail.mt_note')
        return True

    @api.multi
    def action_view_tickets(self):
        """Open the work orders linked to the bulletin."""
        self.ensure_one()
        action = self.env.ref('cs_helpdesk.cs_ticket_action').read()[0]
        action['domain'] = [('outage_id', '=', self.id)]
        action['context'] = {'default_outage_id': self.id}
        return action

    @api.multi
    def _close_linked_tickets(self, closed_stage):
        """Close the bulletin's work orders that are not closed yet and tell their customers."""
        self.ensure_one()
        # Linked orders belong to every team, beyond the resolving leader's record rules; the right to
        # resolve the bulletin (checked by the write above) is what allows closing them.
        tickets = self.sudo().ticket_ids.filtered(lambda ticket: ticket.stage_id.kind != 'closed')
        if not tickets:
            return
        tickets.filtered(lambda ticket: not ticket.resolution).write({'resolution': self.customer_message})
        # Complaints cannot close without a root cause: the outage is it.
        tickets.filtered(lambda ticket: ticket.type_code == 'complaint' and not ticket.root_cause).write(
            {'root_cause': self.name})
        # cs_outage_closing: the contact check before dispatch does not apply to orders closed by a bulletin.
        tickets.with_context(cs_outage_closing=True).write({'stage_id': closed_stage.id})
        author_id = self.env.user.partner_id.id
        for ticket in tickets:
            if ticket.partner_id:
                ticket.message_post(
                    body=self.customer_message, content_subtype='plaintext', author_id=author_id,
                    message_type='comment', subtype='mail.mt_comment', partner_ids=[ticket.partner_id.id])
            else:
                ticket.message_post(
                    body=_("Closed by the resolution of outage bulletin %s; no customer to notify. "
                           "Message to customers: %s") % (self.name, self.customer_message),
                    content_subtype='plaintext', author_id=author_id, message_type='comment',
                    subtype='mail.mt_note')
        self.message_post(body=_("Outage resolved: %d work orders closed.") % len(tickets),
                          subtype='mail.mt_note')
