from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# Who takes a complaint of each level (H4); levels not listed stay with the first-contact owner.
COMPLAINT_ROUTES = {
    'city': 'leader_id',
    'province': 'supervisor_id',
}


class CsTicket(models.Model):
    """The complaint process (H4, H6): routing by level, and no closing without root cause and resolution."""
    _inherit = 'cs.ticket'

    agent_feedback_ids = fields.One2many('cs.agent.feedback', 'ticket_id', 'Complaints and Praise about Agents')
    agent_feedback_count = fields.Integer(compute='_compute_agent_feedback_count')

    @api.depends('agent_feedback_ids')
    def _compute_agent_feedback_count(self):
        for ticket in self:
            ticket.agent_feedback_count = len(ticket.agent_feedback_ids)

    @api.constrains('stage_id', 'root_cause', 'resolution', 'type_id')
    def _check_complaint_closing(self):
        for ticket in self:
            if ticket.type_code != 'complaint' or ticket.stage_id.kind != 'closed':
                continue
            if not (ticket.root_cause or '').strip() or not (ticket.resolution or '').strip():
                raise ValidationError(_(
                    "Complaint %s cannot be closed without its root cause and resolution: fill in both "
                    "on the Resolution tab first.") % ticket.number)

    @api.onchange('type_id')
    def _onchange_type_id_complaint_level(self):
        if self.type_id.code == 'complaint' and not self.complaint_level:
            self.complaint_level = 'normal'

    @api.model
    def create(self, vals):
        ticket = super(CsTicket, self).create(vals)
        if ticket.type_code == 'complaint':
            if not ticket.complaint_level:
                super(CsTicket, ticket).write({'complaint_level': 'normal'})
            ticket._route_complaint()
        return ticket

    @api.multi
    def write(self, vals):
        def changes_routing(ticket):
            return (ticket.complaint_level != vals.get('complaint_level', ticket.complaint_level)
                    or ticket.type_id.id != vals.get('type_id', ticket.type_id.id))
        rerouted = self.filtered(changes_routing) if {'complaint_level', 'type_id'} & set(vals) else self.browse()
        result = super(CsTicket, self).write(vals)
        complaints = rerouted.filtered(lambda ticket: ticket.type_code == 'complaint')
        unleveled = complaints.filtered(lambda ticket: not ticket.complaint_level)
        if unleveled:
            super(CsTicket, unleveled).write({'complaint_level': 'normal'})
        complaints._route_complaint()
        return result

    @api.multi
    def _route_complaint(self):
        """Hand each complaint to who its level calls for: city → shift leader, provincial → supervisor,
        lower levels → the first-contact owner."""
        for ticket in self:
            role_field = COMPLAINT_ROUTES.get(ticket.complaint_level)
            if role_field:
                target = ticket.team_id[role_field]
                if not target:
                    raise UserError(_(
                        "Complaint %s is %s: it goes to the team's %s, but team %s has none. Set one in "
                        "Customer Service › Configuration › Teams, or choose the team that handles it.") % (
                        ticket.number, self._level_label(ticket.complaint_level),
                        ticket.team_id._fields[role_field].get_description(self.env)['string'],
                        ticket.team_id.name or _('(no team)')))
            else:
                target = ticket.owner_id or ticket.user_id
            if target and ticket.user_id != target:
                ticket.write({'user_id': target.id})
                ticket.message_post(
                    body=_("Complaint level %s: routed to %s.") % (self._level_label(ticket.complaint_level),
                                                                  target.name),
                    subtype='mail.mt_note')

    @api.model
    def _level_label(self, level):
        return dict(self._fields['complaint_level']._description_selection(self.env)).get(level, level)

    @api.multi
    def action_record_agent_feedback(self):
        """Quality inspectors record a complaint or praise that concerns an agent (feeds K2 #9)."""
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Complaint or Praise about an Agent'),
            'res_model': 'cs.agent.feedback',
            'view_mode': 'form',
            'target': 'new',
            'context': {
                'default_ticket_id': self.id,
                'default_agent_id': (self.owner_id or self.user_id).id,
                'default_kind': 'complaint' if self.type_code == 'complaint' else 'praise',
            },
        }
