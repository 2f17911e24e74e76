import logging

import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.cs_helpdesk.services.contact_check import DEFAULT_REGION, normalize_phone

from ..services import cti_event

_logger = logging.getLogger(__name__)

DIRECTIONS = [('in', 'Inbound'), ('out', 'Outbound'), ('internal', 'Internal')]
STATUSES = [
    ('answered', 'Answered'),
    ('abandoned', 'Abandoned'),
    ('ivr_completed', 'Completed in IVR'),
    ('missed', 'Missed'),
    ('busy', 'Busy'),
    ('failed', 'Failed'),
]
PROGRESS = [('ringing', 'Ringing'), ('talking', 'Talking'), ('done', 'Ended')]
HANGUP_CAUSES = [
    ('normal', 'Normal'),
    ('abandon', 'Caller Hung Up'),
    ('busy', 'Busy'),
    ('no_answer', 'No Answer'),
    ('failed', 'Failed'),
    ('ivr', 'Ended in IVR'),
]
EVALUATIONS = [('satisfied', 'Satisfied'), ('neutral', 'Neutral'), ('dissatisfied', 'Dissatisfied')]
SOURCES = [('cti', 'CTI Event'), ('cdr', 'CDR Import'), ('manual', 'Manual')]
# Facts the telephone system reports (CTI events, CDR import): read-only for every role, since the KPIs are
# computed from them. The CTI and import paths write them as the superuser.
PBX_FIELDS = frozenset([
    'call_uid', 'direction', 'caller_number', 'callee_number', 'queue_id', 'team_id', 'agent_id', 'pbx_id',
    'company_id', 'date_start', 'date_answer', 'date_end', 'wait_seconds', 'talk_seconds', 'hold_seconds',
    'acw_seconds', 'status', 'progress', 'hangup_cause', 'evaluation', 'evaluation_valid', 'recording_url',
    'ivr_path', 'disposition', 'source', 'cti_agent_rank', 'caller_name', 'leg_ids',
])


class CsCall(models.Model):
    """A telephone call (C1), built by CTI events or imported from call detail records.

    Numbers are stored in E.164 form when they are valid numbers (internal extensions stay as dialled); the
    customer is the caller of an inbound call and the callee of an outbound one.
    """
    _name = 'cs.call'
    _description = 'Call'
    _order = 'date_start desc, id desc'
    _rec_name = 'call_uid'

    call_uid = fields.Char('Call ID', required=True, index=True, readonly=True, copy=False,
                           help="The telephone system's unique id of the call.")
    direction = fields.Selection(DIRECTIONS, required=True, default='in', index=True)
    caller_number = fields.Char('Caller')
    caller_name = fields.Char('Caller Name', readonly=True, help="The name in the caller id, as the PBX wrote it.")
    callee_number = fields.Char('Callee')
    partner_id = fields.Many2one('res.partner', 'Customer', index=True, ondelete='set null')
    queue_id = fields.Many2one('cs.call.queue', 'Queue', index=True, ondelete='set null')
    team_id = fields.Many2one('cs.team', 'Team', index=True, ondelete='set null',
                              help="The team of the queue (else of the agent) at the time of the call.")
    agent_id = fields.Many2one('res.users', 'Agent', index=True, ondelete='set null')
    pbx_id = fields.Many2one('cs.pbx', 'Telephone System', ondelete='set null')
    company_id = fields.Many2one('res.company', 'Company', required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    date_start = fields.Datetime('Entered', index=True, help="When the call rang (entered the system).")
    date_answer = fields.Datetime('Answered at')
    date_end = fields.Datetime('Ended at')
    wait_seconds = fields.Integer('Wait (s)', group_operator='avg')
    talk_seconds = fields.Integer('Talk (s)', group_operator='sum')
    hold_seconds = fields.Integer('Hold (s)', group_operator='sum')
    acw_seconds = fields.Integer('After-Call Work (s)', group_operator='sum')
    status = fields.Selection(STATUSES, index=True, help="Outcome of the call, set when it has ended.")
    progress = fields.Selection(PROGRESS, default='done', required=True)
    hangup_cause = fields.Selection(HANGUP_CAUSES)
    evaluation = fields.Selection(EVALUATIONS, help="The caller's rating in the post-call IVR (H8).")
    evaluation_valid = fields.Boolean('Valid Evaluation')
    ticket_ids = fields.Many2many('cs.ticket', 'cs_call_ticket_rel', 'call_id', 'ticket_id', string='Work Orders')
    ticket_count = fields.Integer('Work Orders', compute='_compute_ticket_count')
    recording_url = fields.Char(
        'Recording', groups='cs_helpdesk.group_cs_inspector,cs_helpdesk.group_cs_leader')
    ivr_path = fields.Char('IVR Path')
    disposition = fields.Char(help="The disposition written by the telephone system (ANSWERED, NO ANSWER …).")
    source = fields.Selection(SOURCES, default='manual', required=True, readonly=True)
    cti_agent_rank = fields.Integer(readonly=True, help="Technical: which CTI event named the agent.")
    leg_ids = fields.One2many('cs.call.leg', 'call_id', 'Legs', readonly=True,
                              groups='cs_helpdesk.group_cs_supervisor',
                              help="The call detail records of the call, one per leg, as the PBX wrote them.")

    _sql_constraints = [
        ('call_uid_unique', 'unique(call_uid)', 'A call with this call id already exists.'),
    ]

    @api.depends('ticket_ids')
    def _compute_ticket_count(self):
        for call in self:
            call.ticket_count = len(call.ticket_ids)

    @api.multi
    def name_get(self):
        result = []
        for call in self:
            number = call.caller_number if call.direction == 'in' else call.callee_number
            when = call.date_start and fields.Datetime.to_string(
                fields.Datetime.context_timestamp(call, fields.Datetime.from_string(call.date_start)))
            result.append((call.id, '%s %s' % (number or call.call_uid, (when or '')[:16])))
        return result

    # ------------------------------------------------------------------ numbers and customers

    @api.model
    def _phone_region(self, company=None):
        company = company or self.env.user.company_id
        return company.country_id.code or DEFAULT_REGION

    @api.model
    def normalize_number(self, number, region=None):
        """``number`` in E.164 when it is a valid number for ``region``, else as given (extensions, short codes)."""
        if not number:
            return False
        return normalize_phone(number, region or self._phone_region()) or number.strip()

    @api.model
    def customer_number(self, direction, caller_number, callee_number):
        """The customer's side of a call: the callee of an outbound call, the caller of an inbound one, and
        nobody's for an internal call."""
        if direction == 'internal':
            return False
        return callee_number if direction == 'out' else caller_number

    @api.model
    def create(self, vals):
        self._check_pbx_fields(vals)
        vals = dict(vals)
        region = self._phone_region(self.env['res.company'].browse(vals['company_id'])
                                    if vals.get('company_id') else None)
        for key in ('caller_number', 'callee_number'):
            if vals.get(key):
                vals[key] = self.normalize_number(vals[key], region)
        if not vals.get('partner_id'):
            number = self.customer_number(vals.get('direction', 'in'), vals.get('caller_number'),
                                          vals.get('callee_number'))
            vals['partner_id'] = self.env['res.partner'].sudo().cs_find_by_number(number).id or False
        if not vals.get('team_id') and (vals.get('queue_id') or vals.get('agent_id')):
            vals['team_id'] = self._team_for(vals.get('queue_id'), vals.get('agent_id'))
        return super(CsCall, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_pbx_fields(vals)
        return super(CsCall, self).write(vals)

    @api.model
    def _check_pbx_fields(self, vals):
        self._cs_refuse_process_fields(vals, PBX_FIELDS, _(
            "These facts of a call come from the "
            "telephone system and cannot be written by hand: %s."))

    @api.model
    def _team_for(self, queue_id, agent_id):
        queue = self.env['cs.call.queue'].sudo().browse(queue_id) if queue_id else None
        if queue and queue.team_id:
            return queue.team_id.id
        agent = self.env['res.users'].sudo().browse(agent_id) if agent_id else None
        return agent.cs_team_ids[:1].id if agent else False

    # ------------------------------------------------------------------ CTI events (C2)

    @api.model
    def process_cti_event(self, pbx, body):
        """Apply one CTI event body (already decoded JSON) from ``pbx``; return the call.

        Raises ``cti_event.CtiError`` (answered 400) on a malformed body or an unknown queue or agent. A
        repeated event, or one that arrives after later ones, changes nothing it should not.

        Only the CTI controller calls it, as the superuser, once the PBX's token is checked.
        """
        if not self.env.user._is_superuser():
            raise AccessError(_("Call events come from the telephone system only."))
        event = cti_event.validate_event(body)
        company = pbx.company_id
        queue = agent = None
        if event['queue']:
            queue = self.env['cs.call.queue'].sudo().search(
                [('code', '=', event['queue']), ('company_id', '=', company.id)], limit=1)
            if not queue:
                raise cti_event.CtiError('unknown queue %r' % event['queue'])
        if event['agent']:
            agent = self.env['res.users'].sudo().search(
                [('cs_extension', '=', event['agent']), ('company_id', '=', company.id)], limit=1)
            if not agent:
                raise cti_event.CtiError('unknown agent extension %r' % event['agent'])
        call = self._lock_or_create(event, pbx, queue, agent)
        state = call._cti_state()
        merged, changed = cti_event.merge_event(state, event)
        pbx.sudo().write({'last_event_date': fields.Datetime.now()})
        if not changed:
            return call
        call._apply_cti_state(merged, queue, agent)
        if event['event'] == 'ring' and call.progress == 'ringing' and call.agent_id:
            call._send_screen_pop()
        if event['event'] == 'ring' and call.direction == 'out':
            self.env['cs.campaign.contact'].sudo()._link_ringing_call(call)
        if call.agent_id:
            self.env['cs.agent.status'].sudo()._follow_call_event(call, event)
        return call

    @api.model
    def _lock_or_create(self, event, pbx, queue, agent):
        """The call of ``event['call_id']``, locked for this transaction; created when it is new.

        Two events of one call arriving together must not create two calls: the unique call id settles the
        race, and the loser reads the winner's row.
        """
        query = 'SELECT id FROM cs_call WHERE call_uid = %s FOR UPDATE'
        self.env.cr.execute(query, (event['call_id'],))
        row = self.env.cr.fetchone()
        if row:
            return self.sudo().browse(row[0])
        values = {
            'call_uid': event['call_id'], 'pbx_id': pbx.id, 'company_id': pbx.company_id.id,
            'source': 'cti', 'progress': 'ringing',
            'direction': event['direction'] or 'in',
        }
        try:
            with self.env.cr.savepoint():
                return self.sudo().create(values)
        except psycopg2.IntegrityError:
            self.env.cr.execute(query, (event['call_id'],))
            return self.sudo().browse(self.env.cr.fetchone()[0])

    @api.multi
    def _cti_state(self):
        """The call as the state dict of ``services.cti_event`` (empty for a call only just created)."""
        self.ensure_one()
        to_datetime = fields.Datetime.from_string
        if not (self.date_start or self.date_answer or self.date_end or self.caller_number):
            return {'call_uid': self.call_uid}
        return {
            'call_uid': self.call_uid,
            'direction': self.direction,
            'caller_number': self.caller_number or None,
            'callee_number': self.callee_number or None,
            'queue': self.queue_id.code or None,
            'agent': self.agent_id.cs_extension or None,
            'agent_rank': self.cti_agent_rank or 0,
            'date_start': to_datetime(self.date_start) if self.date_start else None,
            'date_answer': to_datetime(self.date_answer) if self.date_answer else None,
            'date_end': to_datetime(self.date_end) if self.date_end else None,
            'cause': self.hangup_cause or None,
            'recording_url': self.sudo().recording_url or None,
            'evaluation': self.evaluation or None,
        }

    @api.multi
    def _apply_cti_state(self, state, queue, agent):
        self.ensure_one()
        figures = cti_event.call_figures(state)
        to_string = fields.Datetime.to_string
        region = self._phone_region(self.company_id)
        values = {
            'direction': state.get('direction') or 'in',
            'caller_number': self.normalize_number(state.get('caller_number'), region),
            'callee_number': self.normalize_number(state.get('callee_number'), region),
            'date_start': to_string(state['date_start']) if state.get('date_start') else False,
            'date_answer': to_string(state['date_answer']) if state.get('date_answer') else False,
            'date_end': to_string(state['date_end']) if state.get('date_end') else False,
            'hangup_cause': state.get('cause') or False,
            'recording_url': state.get('recording_url') or False,
            'evaluation': state.get('evaluation') or False,
            'evaluation_valid': bool(state.get('evaluation')),
            'cti_agent_rank': state.get('agent_rank') or 0,
            'status': figures['status'] or False,
            'progress': figures['progress'],
            'wait_seconds': figures['wait_seconds'],
            'talk_seconds': figures['talk_seconds'],
        }
        # The event being applied brought ``queue``/``agent``; they count only if the merge kept them.
        if queue and not self.queue_id and state.get('queue') == queue.code:
            values['queue_id'] = queue.id
        if agent and self.agent_id != agent and state.get('agent') == agent.cs_extension:
            values['agent_id'] = agent.id
        queue_id = values.get('queue_id', self.queue_id.id)
        agent_id = values.get('agent_id', self.agent_id.id)
        if not self.team_id and (queue_id or agent_id):
            values['team_id'] = self._team_for(queue_id, agent_id)
        if not self.partner_id:
            number = self.customer_number(values['direction'], values['caller_number'], values['callee_number'])
            values['partner_id'] = self.env['res.partner'].sudo().cs_find_by_number(number).id or False
        self.sudo().write(values)

    # ------------------------------------------------------------------ screen pop (C3)

    @api.multi
    def _screen_pop_payload(self):
        """What the agent's browser shows while the call rings: the caller and their open and recent orders."""
        self.ensure_one()
        number = self.customer_number(self.direction, self.caller_number, self.callee_number)
        payload = {
            'type': 'cs_screen_pop',
            'call_id': self.id,
            'call_uid': self.call_uid,
            'number': number or '',
            'queue': self.queue_id.name or '',
            'partner_id': self.partner_id.id or False,
            'partner_name': self.partner_id.name or '',
            'tickets': [],
        }
        if self.partner_id:
            Ticket = self.env['cs.ticket'].sudo()
            domain = [('partner_id', '=', self.partner_id.id)]
            open_tickets = Ticket.search(domain + [('stage_kind', 'not in', ('resolved', 'closed'))], limit=10)
            recent = Ticket.search(domain + [('id', 'not in', open_tickets.ids)], limit=5, order='create_date desc')
            payload['tickets'] = [{
                'id': ticket.id, 'number': ticket.number, 'name': ticket.name,
                'stage': ticket.stage_id.name, 'open': ticket in open_tickets,
                'date': (ticket.create_date or '')[:10],
            } for ticket in open_tickets | recent]
        return payload

    @api.multi
    def _send_screen_pop(self):
        for call in self.filtered('agent_id'):
            channel = (self._cr.dbname, 'res.partner', call.agent_id.partner_id.id)
            self.env['bus.bus'].sendone(channel, call._screen_pop_payload())

    # ------------------------------------------------------------------ actions

    @api.multi
    def action_open_tickets(self):
        self.ensure_one()
        action = self.env.ref('cs_helpdesk.cs_ticket_action').read()[0]
        action['domain'] = [('id', 'in', self.ticket_ids.ids)]
        action['context'] = {'default_partner_id': self.partner_id.id, 'default_channel': 'phone',
                             'default_phone': self.customer_number(self.direction, self.caller_number,
                                                                   self.callee_number),
                             'default_cs_call_ids': [(6, 0, self.ids)]}
        return action

    @api.multi
    def action_create_ticket(self):
        """Open a new work order for this call, with the customer and the number filled in."""
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window', 'res_model': 'cs.ticket', 'view_mode': 'form', 'target': 'current',
            'context': {
                'default_partner_id': self.partner_id.id, 'default_channel': 'phone',
                'default_phone': self.customer_number(self.direction, self.caller_number, self.callee_number),
                'default_cs_call_ids': [(6, 0, self.ids)],
            },
        }
