from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html2plaintext

from ..services import contact_check

CHANNELS = [
    ('phone', 'Phone'),
    ('email', 'Email'),
    ('web', 'Web'),
    ('chat', 'Online Chat'),
    ('wechat', 'WeChat'),
    ('walk_in', 'Walk-in'),
    ('letter', 'Letter'),
]

PRIORITIES = [
    ('0', 'Normal'),
    ('1', 'Important'),
    ('2', 'High'),
    ('3', 'Urgent'),
]

# What the process sets (first-contact ownership, the SLA clock, the dates of the stages): read-only for
# every role. The process writes them as the superuser or below the guard of create/write.
PROCESS_FIELDS = frozenset([
    'owner_id', 'date_first_response', 'date_resolved', 'date_closed', 'date_last_stage_update',
    'sla_policy_id', 'response_deadline', 'resolve_deadline', 'sla_status', 'sla_next_check', 'sla_paused',
    'sla_response_escalated', 'sla_resolve_escalated', 'closed_in_time',
])
# What a closed order keeps as it was closed (it drives complaint timeliness, KPI #11).
CLOSED_FIELDS = frozenset(['resolution', 'root_cause'])

COMPLAINT_LEVELS = [
    ('normal', 'Normal'),
    ('hotline', '96123 Hotline'),
    ('city', 'City Level'),
    ('province', 'Provincial and Above'),
]


def _contact_problem_text(problem):
    """The translated sentence for a problem code of ``contact_check.dispatch_problems``."""
    return {
        contact_check.PROBLEM_PHONE_MISSING: _("the contact phone is missing"),
        contact_check.PROBLEM_PHONE_INVALID: _("the contact phone is not a valid number"),
        contact_check.PROBLEM_ADDRESS_MISSING: _("the service address is missing"),
    }[problem]


class CsTicket(models.Model):
    """A work order (工单): created, assigned, followed up and closed in one loop.

    The user who first receives it stays its owner for life (首问负责制): they follow it through every
    transfer and are told the outcome when it closes.
    """
    _name = 'cs.ticket'
    _description = 'Work Order'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'priority desc, id desc'

    def _default_stage_id(self):
        return self.env['cs.ticket.stage'].search([('kind', '=', 'new')], limit=1)

    def _default_type_id(self):
        return self.env['cs.ticket.type'].search([('code', '=', 'consult')], limit=1)

    def _default_team_id(self):
        # A default_team_id in the context (team dashboards, aliases) wins over this, as for any field.
        return self.env['cs.team'].search([('member_ids', 'in', self.env.uid)], limit=1)

    def _default_user_id(self):
        # Whoever takes a call or a visit and writes it down is its first receiver; mail that comes
        # through the gateway waits unassigned for the team instead (see message_new).
        if self.env.user.has_group('cs_helpdesk.group_cs_agent'):
            return self.env.user
        return self.env['res.users']

    number = fields.Char(
        'Number', required=True, readonly=True, copy=False, index=True, default='/',
        help="Sequence number given when the order is saved.")
    name = fields.Char('Subject', required=True, track_visibility='onchange')
    description = fields.Text()
    partner_id = fields.Many2one('res.partner', 'Customer', index=True, track_visibility='onchange')
    phone = fields.Char('Contact Phone')
    email = fields.Char('Contact Email')
    address = fields.Char('Service Address')
    type_id = fields.Many2one(
        'cs.ticket.type', 'Type', required=True, default=_default_type_id, index=True,
        track_visibility='onchange')
    type_code = fields.Selection(related='type_id.code', store=True, readonly=True, string='Type Code')
    channel = fields.Selection(CHANNELS, required=True, default='phone', index=True)
    priority = fields.Selection(PRIORITIES, required=True, default='0', index=True, track_visibility='onchange')
    team_id = fields.Many2one(
        'cs.team', 'Team', default=_default_team_id, index=True, track_visibility='onchange')
    user_id = fields.Many2one(
        'res.users', 'Assigned to', default=_default_user_id, index=True, track_visibility='onchange')
    owner_id = fields.Many2one(
        'res.users', 'First-Contact Owner', readonly=True, index=True, copy=False,
        track_visibility='onchange',
        help="The user who first received this order. They own it for life: they follow every transfer "
             "and are notified of the outcome.")
    stage_id = fields.Many2one(
        'cs.ticket.stage', 'Stage', default=_default_stage_id, required=True, index=True,
        track_visibility='onchange', group_expand='_read_group_stage_ids', ondelete='restrict', copy=False)
    stage_kind = fields.Selection(related='stage_id.kind', store=True, readonly=True, string='Stage Kind')
    complaint_level = fields.Selection(COMPLAINT_LEVELS, track_visibility='onchange')
    root_cause = fields.Text('Root Cause')
    resolution = fields.Text(track_visibility='onchange')
    date_first_response = fields.Datetime('First Response', readonly=True, copy=False)
    date_resolved = fields.Datetime('Resolved on', readonly=True, copy=False, index=True)
    date_closed = fields.Datetime('Closed on', readonly=True, copy=False, index=True)
    date_last_stage_update = fields.Datetime('Last Stage Update', readonly=True, copy=False,
                                             default=fields.Datetime.now)
    company_id = fields.Many2one('res.company', 'Company', required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    color = fields.Integer('Color Index')
    kanban_state = fields.Selection(
        [('normal', 'In Progress'), ('blocked', 'Blocked'), ('done', 'Ready')],
        default='normal', required=True, copy=False)

    @api.model
    def _read_group_stage_ids(self, stages, domain, order):
        return stages.search([], order=order)

    @api.multi
    def name_get(self):
        return [(ticket.id, '%s %s' % (ticket.number, ticket.name)) for ticket in self]

    @api.model
    def name_search(self, name='', args=None, operator='ilike', limit=100):
        if name:
            tickets = self.search(['|', ('number', '=ilike', name + '%'), ('name', operator, name)] + (args or []),
                                  limit=limit)
            return tickets.name_get()
        return super(CsTicket, self).name_search(name, args=args, operator=operator, limit=limit)

    @api.constrains('stage_id', 'type_id', 'phone', 'address')
    def _check_contact_before_dispatch(self):
        for ticket in self:
            if not ticket.type_id.requires_contact or ticket.stage_id.kind == 'new':
                continue
            # Orders closed by a resolved mass-outage bulletin send nobody out.
            if ticket.stage_id.kind == 'closed' and self.env.context.get('cs_outage_closing'):
                continue
            problems = contact_check.dispatch_problems(ticket.phone, ticket.address, ticket._phone_region())
            if problems:
                raise ValidationError(_(
                    "Work order %s (%s) cannot leave the New stage: %s. "
                    "Fill in a valid contact phone and the service address first.") % (
                    ticket.number, ticket.type_id.name,
                    ', '.join(_contact_problem_text(problem) for problem in problems)))

    @api.onchange('partner_id')
    def _onchange_partner_id(self):
        partner = self.partner_id
        if partner:
            self.phone = partner.mobile or partner.phone or self.phone
            self.email = partner.email or self.email
            self.address = self._partner_address(partner) or self.address
            if partner.cs_level == 'vip' and self.priority == '0':
                self.priority = self.company_id.cs_vip_priority or '2'

    @api.model
    def create(self, vals):
        vals = dict(vals)
        if not self.env.user._is_superuser():
            self._check_process_fields(vals, allowed={'owner_id': self._first_receiver_id(vals)})
        if vals.get('number', '/') == '/':
            vals['number'] = self.env['ir.sequence'].next_by_code('cs.ticket') or '/'
        if vals.get('partner_id'):
            vals = self._complete_contact_from_partner(vals)
            vals = self._raise_vip_priority(vals)
        if not vals.get('owner_id'):
            vals['owner_id'] = self._first_receiver_id(vals)
        stage = self.env['cs.ticket.stage'].browse(vals.get('stage_id')) if vals.get('stage_id') else None
        if stage:
            vals.update(self._stage_dates(stage))
        ticket = super(CsTicket, self).create(vals)
        ticket._subscribe_owner_and_assignee()
        return ticket

    @api.multi
    def write(self, vals):
        if not self.env.user._is_superuser():
            if 'owner_id' in vals and any(ticket.owner_id.id != vals['owner_id'] for ticket in self):
                raise UserError(_("The first-contact owner of a work order is kept for life and cannot be changed."))
            self._check_process_fields(vals, allowed={'owner_id': vals.get('owner_id')})
            if CLOSED_FIELDS.intersection(vals) and self.filtered(lambda ticket: ticket.stage_kind == 'closed'):
                raise AccessError(_("A closed work order keeps its root cause and resolution as it was closed: "
                                    "reopen it to change them."))
        now = fields.Datetime.now()
        if 'stage_id' in vals:
            stage = self.env['cs.ticket.stage'].browse(vals['stage_id'])
            vals = dict(vals, date_last_stage_update=now, **self._stage_dates(stage))
        previous_users = {ticket.id: ticket.user_id for ticket in self} if 'user_id' in vals else {}
        result = super(CsTicket, self).write(vals)
        if 'stage_id' in vals:
            self._stamp_first_response()
            if vals.get('date_closed'):
                self._notify_owner_of_outcome()
        if previous_users:
            new_user = self.env['res.users'].browse(vals['user_id'])
            for ticket in self:
                ticket._on_assignment(previous_users[ticket.id], new_user)
        return result

    @api.multi
    def copy(self, default=None):
        default = dict(default or {}, number='/')
        return super(CsTicket, self).copy(default)

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """Mail to a team alias becomes an unassigned work order of that team, from the sender.

        A hook of the mail gateway, which runs it as the superuser (incoming mail servers, ``/mail/receive``)
        or as the owner an administrator gave the alias; nobody else may call it, since its values (owner,
        assignee) are trusted.
        """
        if not self._cs_is_mail_gateway_user():
            raise AccessError(_("Work orders are created from mail by the mail gateway only."))
        values = {
            'name': msg_dict.get('subject') or _("No subject"),
            'description': html2plaintext(msg_dict.get('body') or ''),
            'channel': 'email',
            'user_id': False,
            'email': msg_dict.get('email_from') or msg_dict.get('from'),
        }
        author_id = msg_dict.get('author_id')
        if author_id:
            values['partner_id'] = author_id
        values.update(custom_values or {})
        return super(CsTicket, self.with_context(cs_mail_gateway=True)).message_new(
            msg_dict, custom_values=values)

    @api.model
    def _cs_is_mail_gateway_user(self):
        """True for the users the mail gateway runs as: the superuser, administrators, alias owners."""
        user = self.env.user
        if user._is_superuser() or user._is_system():
            return True
        return bool(self.env['mail.alias'].sudo().search_count([
            ('alias_user_id', '=', user.id), ('alias_model_id.model', '=', self._name)]))

    @api.multi
    def message_get_suggested_recipients(self):
        recipients = super(CsTicket, self).message_get_suggested_recipients()
        for ticket in self:
            if ticket.partner_id:
                ticket._message_add_suggested_recipient(recipients, partner=ticket.partner_id, reason=_('Customer'))
            elif ticket.email:
                ticket._message_add_suggested_recipient(recipients, email=ticket.email, reason=_('Customer Email'))
        return recipients

    @api.multi
    @api.returns('self', lambda value: value.id)
    def message_post(self, **kwargs):
        message = super(CsTicket, self).message_post(**kwargs)
        # A reply sent to the customer (not an internal note) by a user of the centre is a response.
        if message.message_type == 'comment' and message.subtype_id == self.env.ref('mail.mt_comment') \
                and message.author_id.user_ids.filtered(lambda user: user.has_group('base.group_user')):
            self.filtered(lambda ticket: not ticket.date_first_response).sudo().write(
                {'date_first_response': fields.Datetime.now()})
        return message

    @api.multi
    def action_assign_to_me(self):
        """Take an unassigned order of the team."""
        self.write({'user_id': self.env.uid})

    @api.model
    def _check_process_fields(self, vals, allowed=None):
        """Refuse values of the fields the process sets, except the ``allowed`` {field: value} it would set."""
        allowed = allowed or {}
        refused = [name for name in PROCESS_FIELDS.intersection(vals)
                   if not (name in allowed and (vals[name] or False) == (allowed[name] or False))]
        if refused:
            raise AccessError(_("These fields of a work order are set by the process and cannot be written by "
                                "hand: %s.") % ', '.join(sorted(self._fields[name].string for name in refused)))

    @api.multi
    def _first_receiver_id(self, vals):
        """The owner for life: the centre user who records the order, else the first one assigned to it."""
        if not self.env.context.get('cs_mail_gateway') and self.env.user.has_group('cs_helpdesk.group_cs_agent'):
            return self.env.uid
        return vals.get('user_id') or False

    @api.model
    def _complete_contact_from_partner(self, vals):
        partner = self.env['res.partner'].browse(vals['partner_id'])
        completed = dict(vals)
        completed.setdefault('phone', partner.mobile or partner.phone or False)
        completed.setdefault('email', partner.email or False)
        completed.setdefault('address', self._partner_address(partner))
        return completed

    @api.model
    def _raise_vip_priority(self, vals):
        """A VIP customer's order recorded with the normal priority gets the company's VIP priority (H2)."""
        partner = self.env['res.partner'].browse(vals['partner_id'])
        if partner.cs_level != 'vip' or vals.get('priority', '0') != '0':
            return vals
        company = self.env['res.company'].browse(vals.get('company_id')) if vals.get('company_id') \
            else self.env.user.company_id
        return dict(vals, priority=company.cs_vip_priority)

    @api.model
    def _partner_address(self, partner):
        parts = [partner.state_id.name, partner.city, partner.street, partner.street2]
        return ''.join(part for part in parts if part) or False

    @api.model
    def _stage_dates(self, stage):
        """Dates a move into ``stage`` stamps (and clears, when an order is reopened)."""
        now = fields.Datetime.now()
        if stage.kind == 'closed':
            return {'date_closed': now}
        if stage.kind == 'resolved':
            return {'date_resolved': now, 'date_closed': False}
        return {'date_resolved': False, 'date_closed': False}

    @api.multi
    def _stamp_first_response(self):
        # Leaving New is the first handling of an order (dispatch, a call back, a visit).
        waiting = self.filtered(lambda ticket: ticket.stage_id.kind != 'new' and not ticket.date_first_response)
        if waiting:
            super(CsTicket, waiting).write({'date_first_response': fields.Datetime.now()})
        unresolved = self.filtered(lambda ticket: ticket.stage_id.kind == 'closed' and not ticket.date_resolved)
        if unresolved:
            super(CsTicket, unresolved).write({'date_resolved': fields.Datetime.now()})

    @api.multi
    def _subscribe_owner_and_assignee(self):
        for ticket in self:
            users = ticket.owner_id | ticket.user_id
            if users:
                ticket.message_subscribe_users(user_ids=users.ids)

    @api.multi
    def _on_assignment(self, previous_user, new_user):
        """Record a transfer; the first user ever assigned becomes owner, and the owner keeps following."""
        self.ensure_one()
        if new_user and not self.owner_id:
            super(CsTicket, self).write({'owner_id': new_user.id})
        self._subscribe_owner_and_assignee()
        if previous_user and new_user and previous_user != new_user:
            self.message_post(
                body=_("Transferred from %s to %s by %s. First-contact owner: %s.") % (
                    previous_user.name, new_user.name, self.env.user.name, self.owner_id.name or '-'),
                subtype='mail.mt_note')

    @api.multi
    def _notify_owner_of_outcome(self):
        """Tell the first-contact owner how their order ended, unless they closed it themselves."""
        for ticket in self.filtered(lambda ticket: ticket.owner_id and ticket.owner_id != self.env.user):
            ticket.message_post(
                body=_("Work order %s is closed. Resolution: %s") % (
                    ticket.number, ticket.resolution or _("(none recorded)")),
                subtype='mail.mt_note',
                partner_ids=[ticket.owner_id.partner_id.id])

    @api.multi
    def _phone_region(self):
        self.ensure_one()
        return self.company_id.country_id.code or contact_check.DEFAULT_REGION
