from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import _

from ..services import training

SESSION_STATES = [('draft', 'Draft'), ('scheduled', 'Scheduled'), ('in_progress', 'In Progress'),
                  ('evaluating', 'Evaluating'), ('done', 'Done'), ('cancelled', 'Cancelled')]
SESSION_KINDS = [('regular', 'Course Session'), ('monthly_exam', 'Monthly Skills Exam')]


class CsTrainingSession(models.Model):
    """One run of a course (培训班次) or a team's monthly skills exam (月度技能考试): trainer, schedule,
    attendees (one attendance line each) and the states draft → scheduled → in progress → evaluating → done."""
    _name = 'cs.training.session'
    _description = 'Training Session'
    _inherit = ['mail.thread']
    _order = 'date_start desc, id desc'

    name = fields.Char(required=True, track_visibility='onchange')
    course_id = fields.Many2one('cs.training.course', 'Course', required=True, ondelete='restrict', index=True,
                                track_visibility='onchange')
    category = fields.Selection(related='course_id.category', store=True, readonly=True)
    method = fields.Selection(related='course_id.method', readonly=True)
    is_onboarding = fields.Boolean(related='course_id.is_onboarding', store=True, readonly=True)
    kind = fields.Selection(SESSION_KINDS, required=True, default='regular', track_visibility='onchange')
    team_id = fields.Many2one('cs.team', 'Team', help="For a monthly skills exam: the team whose agents sit it.")
    trainer_id = fields.Many2one('res.users', 'Trainer', track_visibility='onchange',
                                 default=lambda self: self.env.user)
    date_start = fields.Datetime('Start', required=True, default=fields.Datetime.now, track_visibility='onchange')
    date_end = fields.Datetime('End', required=True, default=lambda self: fields.Datetime.to_string(
        datetime.now() + timedelta(hours=2)))
    location = fields.Char()
    state = fields.Selection(SESSION_STATES, required=True, default='draft', copy=False, readonly=True,
                             track_visibility='onchange')
    attendance_ids = fields.One2many('cs.training.attendance', 'session_id', 'Attendees', copy=False)
    attendee_ids = fields.Many2many(
        'hr.employee', string='Attendee Employees', compute='_compute_attendee_ids', inverse='_inverse_attendee_ids',
        help="The employees who must attend; each one has an attendance line.")
    attendee_count = fields.Integer('Attendee Count', compute='_compute_statistics')
    present_count = fields.Integer('Present', compute='_compute_statistics')
    passed_count = fields.Integer('Passed', compute='_compute_statistics')
    pending_count = fields.Integer('Pending Results', compute='_compute_statistics')
    exam_survey_id = fields.Many2one(related='course_id.exam_survey_id', readonly=True)
    satisfaction_survey_id = fields.Many2one(related='course_id.satisfaction_survey_id', readonly=True)
    pass_mark = fields.Float(help="Taken from the course when the session is created.")
    color = fields.Integer(related='course_id.color', readonly=True)
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id, required=True)

    @api.depends('attendance_ids.employee_id')
    def _compute_attendee_ids(self):
        for session in self:
            session.attendee_ids = session.attendance_ids.mapped('employee_id')

    def _inverse_attendee_ids(self):
        for session in self:
            wanted = session.attendee_ids
            current = session.attendance_ids.mapped('employee_id')
            session.attendance_ids.filtered(lambda line: line.employee_id not in wanted).unlink()
            session.write({'attendance_ids': [(0, 0, {'employee_id': employee.id}) for employee in wanted - current]})

    @api.depends('attendance_ids.presence', 'attendance_ids.result')
    def _compute_statistics(self):
        for session in self:
            lines = session.attendance_ids
            session.attendee_count = len(lines)
            session.present_count = len(lines.filtered(lambda line: line.presence == 'present'))
            session.passed_count = len(lines.filtered(lambda line: line.result == 'passed'))
            session.pending_count = len(lines.filtered(lambda line: line.result == 'pending'))

    @api.constrains('date_start', 'date_end')
    def _check_dates(self):
        for session in self:
            if session.date_end < session.date_start:
                raise ValidationError(_("Session %s ends before it starts.") % session.name)

    @api.onchange('course_id')
    def _onchange_course_id(self):
        course = self.course_id
        if course:
            self.pass_mark = course.pass_mark
            if course.trainer_id:
                self.trainer_id = course.trainer_id
            if not self.name:
                self.name = course.name
            if self.date_start and course.duration_hours:
                self.date_end = fields.Datetime.to_string(
                    fields.Datetime.from_string(self.date_start) + timedelta(hours=course.duration_hours))

    @api.model
    def create(self, vals):
        if vals.get('course_id'):
            course = self.env['cs.training.course'].browse(vals['course_id'])
            vals.setdefault('pass_mark', course.pass_mark)
            vals.setdefault('name', course.name)
        return super(CsTrainingSession, self).create(vals)

    @api.multi
    def name_get(self):
        result = []
        for session in self:
            day = session.date_start and fields.Date.to_string(
                fields.Datetime.context_timestamp(session, fields.Datetime.from_string(session.date_start)))
            result.append((session.id, '%s (%s)' % (session.name, day) if day else session.name))
        return result

    def _move_to(self, new_state):
        """The one place where a session changes state: the transition must be allowed (services.training)."""
        labels = dict(SESSION_STATES)
        for session in self:
            if not training.can_move(session.state, new_state):
                raise UserError(_("Session %s cannot go from %s to %s.") % (
                    session.name, labels[session.state], labels[new_state]))
            if new_state == 'done':
                lines = session.attendance_ids
                pending = training.pending_results(lines.mapped('result'))
                if pending:
                    raise UserError(_("Session %s cannot be done while results are pending: %s. Record their "
                                      "attendance and exam first.") % (
                        session.name, ', '.join(lines[index].employee_id.name for index in pending)))
            if new_state == 'scheduled' and not session.attendance_ids:
                raise UserError(_("Session %s has no attendees yet.") % session.name)
        self.write({'state': new_state})
        return True

    @api.multi
    def action_schedule(self):
        return self._move_to('scheduled')

    @api.multi
    def action_start(self):
        return self._move_to('in_progress')

    @api.multi
    def action_evaluate(self):
        """Attendance is taken: attendees still pending are marked present for the course's hours."""
        self._move_to('evaluating')
        for session in self:
            session.attendance_ids.filtered(lambda line: line.presence == 'pending').write({'presence': 'present'})
        return True

    @api.multi
    def action_done(self):
        return self._move_to('done')

    @api.multi
    def action_cancel(self):
        return self._move_to('cancelled')

    @api.multi
    def action_draft(self):
        return self._move_to('draft')

    @api.multi
    def action_collect_exams(self):
        """Create the attendees' personal exam answer sheets (survey.user_input) that are still missing."""
        self.check_access_rights('write')
        self.check_access_rule('write')
        for session in self:
            if not session.exam_survey_id:
                raise UserError(_("Course %s has no exam survey.") % session.course_id.name)
            for line in session.attendance_ids.filtered(lambda line: not line.exam_input_id):
                line._ensure_exam_input()
        return True

    @api.model
    def _create_monthly_exam(self, team, course, day=None):
        """Create (or return) the monthly skills exam of ``team`` for the month of ``day`` (default today).

        The attendees are the employees linked to the team's members. One exam per team, course and month.
        """
        day = fields.Date.from_string(day or fields.Date.context_today(self))
        first, following = training.month_bounds(day)
        existing = self.search([
            ('kind', '=', 'monthly_exam'), ('team_id', '=', team.id), ('course_id', '=', course.id),
            ('date_start', '>=', fields.Date.to_string(first)), ('date_start', '<', fields.Date.to_string(following)),
            ('state', '!=', 'cancelled')], limit=1)
        if existing:
            return existing
        employees = self.env['hr.employee'].search([('user_id', 'in', team.member_ids.ids)])
        if not employees:
            raise UserError(_("No member of team %s is linked to an employee: link the agents' users to their "
                              "employee records first.") % team.name)
        # The exam takes place on the 25th (or the given day when later) at 14:00, 2 hours.
        exam_day = max(day, first.replace(day=25))
        start = datetime.combine(exam_day, time(6, 0))  # 14:00 in China (UTC+8), stored in UTC
        return self.create({
            'name': _('%s - %s monthly skills exam') % (team.name, first.strftime('%Y-%m')),
            'course_id': course.id, 'kind': 'monthly_exam', 'team_id': team.id,
            'date_start': fields.Datetime.to_string(start),
            'date_end': fields.Datetime.to_string(start + timedelta(hours=2)),
            'attendance_ids': [(0, 0, {'employee_id': employee.id}) for employee in employees],
        })
