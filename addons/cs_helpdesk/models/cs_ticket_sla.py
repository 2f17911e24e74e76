from odoo import _, api, fields, models

from ..services import sla_clock

SLA_STATUSES = [
    (sla_clock.ON_TRACK, 'On Track'),
    (sla_clock.AT_RISK, 'At Risk'),
    (sla_clock.BREACHED, 'Breached'),
]
# A change of any of these can move a deadline or the status.
SLA_TRIGGER_FIELDS = {'type_id', 'priority', 'team_id', 'partner_id', 'stage_id', 'date_first_response',
                      'date_resolved', 'company_id'}
# The two targets of a policy: (policy hours field, ticket field meeting it, deadline field, escalated flag).
SLA_TARGETS = [
    ('response_hours', 'date_first_response', 'response_deadline', 'sla_response_escalated'),
    ('resolve_hours', 'date_resolved', 'resolve_deadline', 'sla_resolve_escalated'),
]


class CsTicket(models.Model):
    """The SLA of a work order: deadlines in working hours, a status, and escalation of breaches (H5)."""
    _inherit = 'cs.ticket'

    sla_policy_id = fields.Many2one('cs.sla.policy', 'SLA Policy', readonly=True, index=True, copy=False)
    response_deadline = fields.Datetime('First Response Due', readonly=True, index=True, copy=False)
    resolve_deadline = fields.Datetime('Resolution Due', readonly=True, index=True, copy=False)
    sla_status = fields.Selection(SLA_STATUSES, 'SLA Status', default=sla_clock.ON_TRACK, required=True,
                                  readonly=True, index=True, copy=False)
    sla_next_check = fields.Datetime(
        'Next SLA Check', readonly=True, index=True, copy=False,
        help="When the status can change next (a target becomes at risk or late): the scheduled check "
             "looks only at work orders whose moment has come.")
    sla_paused = fields.Boolean('SLA Clock Paused', readonly=True, copy=False)
    sla_response_escalated = fields.Boolean('Late Response Escalated', readonly=True, copy=False)
    sla_resolve_escalated = fields.Boolean('Late Resolution Escalated', readonly=True, copy=False)
    closed_in_time = fields.Boolean(
        'Closed within the Limit', compute='_compute_closed_in_time', store=True,
        help="Closed no later than its resolution deadline (the complaint time limit, for complaints).")
    stage_log_ids = fields.One2many('cs.ticket.stage.log', 'ticket_id', 'Stage History', readonly=True)

    @api.depends('date_closed', 'resolve_deadline')
    def _compute_closed_in_time(self):
        for ticket in self:
            ticket.closed_in_time = bool(ticket.date_closed) and (
                not ticket.resolve_deadline or ticket.date_closed <= ticket.resolve_deadline)

    @api.model
    def create(self, vals):
        ticket = super(CsTicket, self).create(vals)
        ticket._log_stage_entry()
        ticket._sla_recompute()
        return ticket

    @api.multi
    def write(self, vals):
        if 'stage_id' in vals:
            moving = self.filtered(lambda ticket: ticket.stage_id.id != vals['stage_id'])
        result = super(CsTicket, self).write(vals)
        if 'stage_id' in vals and moving:
            moving._log_stage_entry()
        if SLA_TRIGGER_FIELDS.intersection(vals) and not self.env.context.get('cs_sla_writing'):
            self._sla_recompute()
        return result

    @api.multi
    def _log_stage_entry(self):
        """Close the open stay of each ticket and open one in its current stage."""
        now = fields.Datetime.now()
        Log = self.env['cs.ticket.stage.log'].sudo()
        Log.search([('ticket_id', 'in', self.ids), ('date_end', '=', False)]).write({'date_end': now})
        for ticket in self:
            # Written as superuser, credited to the user who moved the stage.
            Log.create({'ticket_id': ticket.id, 'stage_id': ticket.stage_id.id, 'user_id': self.env.uid,
                        'date_start': ticket.create_date if not ticket.stage_log_ids else now})

    @api.multi
    def _sla_recompute(self, now=None):
        """Match the policy, then recompute deadlines, status and next check of each ticket."""
        now = now or fields.Datetime.now()
        policies = self.env['cs.sla.policy'].sudo().search([])
        schedules = {}
        for ticket in self.sudo():
            policy = policies._match(ticket)
            if policy and policy.id not in schedules:
                schedules[policy.id] = policy._working_schedule()
            values = ticket._sla_values(policy, schedules.get(policy.id), now)
            ticket.with_context(cs_sla_writing=True, tracking_disable=True).write(values)

    @api.multi
    def _sla_values(self, policy, schedule, now):
        """The SLA fields of this ticket under ``policy`` at ``now`` (UTC string)."""
        self.ensure_one()
        values = {'sla_policy_id': policy.id, 'response_deadline': False, 'resolve_deadline': False,
                  'sla_status': sla_clock.ON_TRACK, 'sla_next_check': False, 'sla_paused': False}
        if not policy:
            return values
        pauses = [(policy._to_local(log.date_start), policy._to_local(log.date_end or now))
                  for log in self.stage_log_ids if log.stage_id in policy.pause_stage_ids]
        clock = schedule.with_closures(pauses)
        start = policy._to_local(self.create_date)
        now_local = policy._to_local(now)
        statuses, next_checks = [], []
        for hours_field, met_field, deadline_field, escalated_field in SLA_TARGETS:
            hours = policy[hours_field]
            if not hours:
                continue
            deadline = sla_clock.add_working_hours(start, hours, clock)
            risk_from = sla_clock.add_working_hours(start, hours * policy.risk_percent / 100.0, clock)
            met_at = policy._to_local(self[met_field]) if self[met_field] else None
            values[deadline_field] = policy._to_utc_string(deadline)
            statuses.append(sla_clock.target_status(now_local, deadline, risk_from, met_at))
            if met_at is None:
                if risk_from > now_local:
                    next_checks.append(risk_from)
                if deadline > now_local or not self[escalated_field]:
                    # Either the breach to come, or a breach still to escalate.
                    next_checks.append(deadline)
        values['sla_status'] = sla_clock.worst(statuses)
        values['sla_paused'] = self.stage_id in policy.pause_stage_ids
        if next_checks and not values['sla_paused'] and self.stage_kind not in ('resolved', 'closed'):
            values['sla_next_check'] = policy._to_utc_string(min(next_checks))
        return values

    @api.model
    def _cron_sla_check(self, now=None, limit=2000):
        """Refresh the work orders whose status may have changed, and escalate new breaches once."""
        now = now or fields.Datetime.now()
        due = self.sudo().search([('sla_next_check', '!=', False), ('sla_next_check', '<=', now)],
                                 limit=limit, order='sla_next_check')
        due._sla_recompute(now)
        for ticket in due.filtered(lambda ticket: ticket.sla_status == sla_clock.BREACHED):
            ticket._sla_escalate(now)
        return len(due)

    @api.multi
    def _sla_escalate(self, now):
        """Escalate each late target of this ticket that was not escalated yet, as its policy says."""
        self.ensure_one()
        policy = self.sla_policy_id
        for hours_field, met_field, deadline_field, escalated_field in SLA_TARGETS:
            late = self[deadline_field] and not self[met_field] and self[deadline_field] < now
            if not late or self[escalated_field]:
                continue
            values = {escalated_field: True}
            actions = []
            if policy.escalate_raise_priority and self.priority != '3':
                values['priority'] = str(int(self.priority) + 1)
                actions.append(_("priority raised to %s") % dict(
                    self._fields['priority']._description_selection(self.env))[values['priority']])
            leader = self.team_id.leader_id
            if policy.escalate_to_leader and leader and self.user_id != leader:
                values['user_id'] = leader.id
                actions.append(_("reassigned to the shift leader %s") % leader.name)
            self.with_context(cs_sla_writing=True).write(values)
            what = _("first response") if met_field == 'date_first_response' else _("resolution")
            due = policy._to_local(self[deadline_field]).strftime('%Y-%m-%d %H:%M')
            body = _("SLA breached: the %s was due on %s (%s).") % (what, due, policy.name)
            if actions:
                body += ' ' + _("Escalation: %s.") % ', '.join(actions)
            recipients = self.env['res.users']
            if policy.escalate_notify:
                recipients = (self.user_id | leader | self.team_id.supervisor_id)
            self.message_post(body=body, subtype='mail.mt_note',
                              partner_ids=recipients.mapped('partner_id').ids)
        self._sla_recompute(now)
