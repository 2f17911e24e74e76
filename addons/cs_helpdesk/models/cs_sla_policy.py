import pytz

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..services import sla_clock, sla_matching
from .cs_ticket import PRIORITIES
from .res_partner import CUSTOMER_LEVELS


def _tz_selection(self):
    return [(tz, tz) for tz in sorted(pytz.all_timezones, key=lambda tz: tz if not tz.startswith('Etc/') else '_')]


class CsSlaPolicy(models.Model):
    """Service-level targets of the work orders it matches, counted in the working hours of a calendar.

    The first active policy in sequence order whose criteria (types, teams, minimum priority, customer
    level) all hold applies to a work order.
    """
    _name = 'cs.sla.policy'
    _description = 'SLA Policy'
    _order = 'sequence, id'

    def _default_calendar_id(self):
        return self.env.ref('cs_helpdesk.resource_calendar_cs_office', raise_if_not_found=False)

    def _default_pause_stage_ids(self):
        return self.env['cs.ticket.stage'].search([('kind', '=', 'pending')])

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10, help="The first matching policy in this order applies.")
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id)
    type_ids = fields.Many2many('cs.ticket.type', string='Work Order Types', help="Empty: every type.")
    team_ids = fields.Many2many('cs.team', string='Teams', help="Empty: every team.")
    priority_min = fields.Selection(PRIORITIES, 'Minimum Priority', help="Empty: every priority.")
    customer_level = fields.Selection(CUSTOMER_LEVELS, 'Customer Level', help="Empty: every customer.")
    calendar_id = fields.Many2one(
        'resource.calendar', 'Working Hours', required=True, default=_default_calendar_id,
        help="Deadlines count the working hours of this calendar; its global leaves (public holidays) "
             "do not count.")
    tz = fields.Selection(_tz_selection, 'Timezone', required=True, default='Asia/Shanghai',
                          help="Timezone of the calendar's working hours.")
    response_hours = fields.Float('First Response (working hours)', help="0: no first-response target.")
    resolve_hours = fields.Float('Resolution (working hours)', help="0: no resolution target.")
    risk_percent = fields.Float(
        'At Risk From (%)', default=80.0,
        help="A target is at risk once this share of its working time is used up.")
    pause_stage_ids = fields.Many2many(
        'cs.ticket.stage', string='Pausing Stages', default=_default_pause_stage_ids,
        help="Time spent in these stages (e.g. waiting for the customer) does not count.")
    escalate_notify = fields.Boolean(
        'Notify Leaders', default=True,
        help="On a breach, the assignee, the team's shift leader and supervisor are notified.")
    escalate_raise_priority = fields.Boolean('Raise Priority', help="On a breach, raise the priority one level.")
    escalate_to_leader = fields.Boolean(
        'Reassign to Shift Leader', help="On a breach, hand the work order to the team's shift leader.")

    @api.constrains('response_hours', 'resolve_hours', 'risk_percent')
    def _check_targets(self):
        for policy in self:
            if policy.response_hours < 0 or policy.resolve_hours < 0:
                raise ValidationError(_("SLA policy %s: targets cannot be negative.") % policy.name)
            if not 0 < policy.risk_percent <= 100:
                raise ValidationError(_("SLA policy %s: 'at risk from' must be between 0 and 100 %%.")
                                      % policy.name)

    @api.constrains('calendar_id')
    def _check_calendar_has_hours(self):
        for policy in self:
            if not policy.calendar_id.attendance_ids:
                raise ValidationError(_("SLA policy %s: the calendar %s has no working hours.")
                                      % (policy.name, policy.calendar_id.name))

    @api.multi
    def _match(self, ticket):
        """The policy among these (in sequence order) that applies to ``ticket``, or an empty recordset."""
        facts = {
            'type_id': ticket.type_id.id,
            'team_id': ticket.team_id.id,
            'priority': ticket.priority,
            'customer_level': ticket.partner_id.cs_level or 'normal',
        }
        candidates = self.filtered(lambda policy: policy.company_id in (ticket.company_id, self.env['res.company']))
        match = sla_matching.first_matching([policy._criteria() for policy in candidates], facts)
        return self.browse(match['id']) if match else self.browse()

    @api.multi
    def _criteria(self):
        self.ensure_one()
        return {
            'id': self.id,
            'type_ids': self.type_ids.ids,
            'team_ids': self.team_ids.ids,
            'priority_min': self.priority_min,
            'customer_level': self.customer_level,
        }

    @api.multi
    def _working_schedule(self):
        """The policy's calendar as an SLA-clock schedule, public holidays included, in local time."""
        self.ensure_one()
        weekly = [(int(attendance.dayofweek), attendance.hour_from, attendance.hour_to)
                  for attendance in self.calendar_id.attendance_ids]
        holidays = self.env['resource.calendar.leaves'].search([
            ('calendar_id', '=', self.calendar_id.id), ('resource_id', '=', False)])
        closures = [(self._to_local(leave.date_from), self._to_local(leave.date_to)) for leave in holidays]
        return sla_clock.WorkingSchedule(weekly, closures)

    @api.multi
    def _to_local(self, value):
        """A UTC datetime string of the database as a naive datetime of the policy's wall clock."""
        utc = pytz.utc.localize(fields.Datetime.from_string(value))
        return utc.astimezone(pytz.timezone(self.tz)).replace(tzinfo=None)

    @api.multi
    def _to_utc_string(self, local):
        """A naive datetime of the policy's wall clock as a UTC datetime string of the database."""
        aware = pytz.timezone(self.tz).localize(local)
        return fields.Datetime.to_string(aware.astimezone(pytz.utc).replace(tzinfo=None))
