from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import _

from ..services import training

PRESENCES = [('pending', 'Not Taken'), ('present', 'Present'), ('absent', 'Absent')]
RESULTS = [('pending', 'Pending'), ('passed', 'Passed'), ('failed', 'Failed')]
SATISFACTION = [('satisfied', 'Satisfied'), ('neutral', 'Neutral'), ('dissatisfied', 'Dissatisfied')]


class CsTrainingAttendance(models.Model):
    """An employee in a session: attendance (present/absent, hours), exam score and result against the pass
    mark, satisfaction. The result of an onboarding course certifies the employee (R9)."""
    _name = 'cs.training.attendance'
    _description = 'Training Attendance and Result'
    _order = 'date_start desc, id desc'
    _rec_name = 'employee_id'

    session_id = fields.Many2one('cs.training.session', 'Session', required=True, ondelete='cascade', index=True)
    course_id = fields.Many2one(related='session_id.course_id', store=True, readonly=True)
    session_kind = fields.Selection(related='session_id.kind', store=True, readonly=True, string='Kind')
    session_state = fields.Selection(related='session_id.state', readonly=True, string='Session Status')
    is_onboarding = fields.Boolean(related='session_id.course_id.is_onboarding', store=True, readonly=True)
    date_start = fields.Datetime(related='session_id.date_start', store=True, readonly=True, string='Date')
    trainer_id = fields.Many2one(related='session_id.trainer_id', readonly=True)
    employee_id = fields.Many2one('hr.employee', 'Employee', required=True, ondelete='cascade', index=True)
    user_id = fields.Many2one(related='employee_id.user_id', store=True, readonly=True, string='User')
    required = fields.Boolean(
        default=True, help="Counts in the employee's training attendance rate (attended / required sessions).")
    presence = fields.Selection(PRESENCES, 'Attendance', required=True, default='pending')
    hours = fields.Float('Hours Attended')
    exam_input_id = fields.Many2one('survey.user_input', 'Exam Answers', readonly=True, copy=False,
                                    ondelete='set null')
    manual_score = fields.Float('Score Entered', readonly=True, copy=False)
    manual_graded = fields.Boolean('Graded by Hand', readonly=True, copy=False)
    exam_score = fields.Float(
        'Exam Score', compute='_compute_exam_score', inverse='_inverse_exam_score', store=True,
        group_operator='avg', help="Quiz score of the exam answers, or the score the trainer entered (paper exam).")
    exam_graded = fields.Boolean('Exam Graded', compute='_compute_exam_score', store=True)
    pass_mark = fields.Float(related='session_id.pass_mark', readonly=True)
    result = fields.Selection(RESULTS, compute='_compute_result', store=True, index=True)
    passed = fields.Boolean(compute='_compute_result', store=True)
    satisfaction = fields.Selection(SATISFACTION)
    satisfaction_input_id = fields.Many2one('survey.user_input', 'Satisfaction Answers', readonly=True, copy=False,
                                            ondelete='set null')
    note = fields.Text()

    _sql_constraints = [
        ('employee_session_unique', 'unique(session_id, employee_id)', 'An employee attends a session only once.'),
    ]

    @api.depends('exam_input_id.state', 'exam_input_id.user_input_line_ids.quizz_mark', 'manual_score',
                 'manual_graded')
    def _compute_exam_score(self):
        for line in self:
            if line.exam_input_id.state == 'done':
                line.exam_score = line.exam_input_id._cs_quiz_score()
                line.exam_graded = True
            else:
                line.exam_score = line.manual_score if line.manual_graded else 0.0
                line.exam_graded = line.manual_graded

    def _inverse_exam_score(self):
        for line in self:
            if line.exam_input_id.state != 'done':
                line.write({'manual_score': line.exam_score, 'manual_graded': True})

    @api.depends('presence', 'exam_graded', 'exam_score', 'session_id.pass_mark', 'session_id.course_id.exam_survey_id')
    def _compute_result(self):
        for line in self:
            has_exam = bool(line.session_id.course_id.exam_survey_id) or line.exam_graded
            line.result = training.attendee_result(
                line.presence, has_exam, line.exam_graded, line.exam_score, line.session_id.pass_mark)
            line.passed = line.result == training.PASSED

    @api.constrains('hours', 'exam_score')
    def _check_numbers(self):
        for line in self:
            if line.hours < 0:
                raise ValidationError(_("%s: the hours attended cannot be negative.") % line.employee_id.name)
            if line.exam_score < 0:
                raise ValidationError(_("%s: the exam score cannot be negative.") % line.employee_id.name)

    @api.onchange('presence')
    def _onchange_presence(self):
        if self.presence == 'present' and not self.hours:
            self.hours = self.session_id.course_id.duration_hours
        elif self.presence == 'absent':
            self.hours = 0.0

    @api.model
    def create(self, vals):
        if vals.get('presence') == 'present' and 'hours' not in vals and vals.get('session_id'):
            vals['hours'] = self.env['cs.training.session'].browse(vals['session_id']).course_id.duration_hours
        return super(CsTrainingAttendance, self).create(vals)

    @api.multi
    def write(self, vals):
        if any(key in vals for key in ('presence', 'exam_score', 'manual_score', 'manual_graded')):
            done = self.filtered(lambda line: line.session_id.state == 'done')
            if done:
                raise UserError(_("Session %s is done: its results cannot change any more.")
                                % done[0].session_id.name)
        result = super(CsTrainingAttendance, self).write(vals)
        if vals.get('presence') == 'present' and 'hours' not in vals:
            for line in self.filtered(lambda line: not line.hours):
                line.hours = line.course_id.duration_hours
        return result

    def _partner(self):
        employee = self.employee_id
        return employee.user_id.partner_id or employee.address_home_id

    def _ensure_exam_input(self):
        """The attendee's personal answer sheet of the course exam, created once."""
        if not self.exam_input_id:
            partner = self._partner()
            self.exam_input_id = self.env['survey.user_input'].create({
                'survey_id': self.session_id.exam_survey_id.id, 'partner_id': partner.id,
                'email': partner.email or self.employee_id.work_email, 'type': 'link'})
        return self.exam_input_id

    def _ensure_satisfaction_input(self):
        if not self.satisfaction_input_id:
            partner = self._partner()
            self.satisfaction_input_id = self.env['survey.user_input'].create({
                'survey_id': self.session_id.satisfaction_survey_id.id, 'partner_id': partner.id,
                'email': partner.email or self.employee_id.work_email, 'type': 'link'})
        return self.satisfaction_input_id

    @api.multi
    def action_take_exam(self):
        """Open the exam for the attendee on their personal answer sheet (on the training room's computer)."""
        self.ensure_one()
        if not self.session_id.exam_survey_id:
            raise UserError(_("Course %s has no exam survey.") % self.course_id.name)
        answers = self._ensure_exam_input()
        return self.session_id.exam_survey_id.with_context(survey_token=answers.token).action_start_survey()

    @api.multi
    def action_take_satisfaction(self):
        self.ensure_one()
        if not self.session_id.satisfaction_survey_id:
            raise UserError(_("Course %s has no satisfaction questionnaire.") % self.course_id.name)
        answers = self._ensure_satisfaction_input()
        return self.session_id.satisfaction_survey_id.with_context(
            survey_token=answers.token).action_start_survey()

    @api.model
    def _attendance_rate(self, employee, date_from, date_to):
        """Training attendance rate (K2 #14) of ``employee`` for sessions starting in [date_from, date_to):
        attended / required × 100, or None when no session was required. Only sessions already held count
        (not cancelled ones, nor those still to come)."""
        domain = [('employee_id', '=', employee.id), ('required', '=', True),
                  ('session_id.state', 'in', list(training.HELD_SESSION_STATES)),
                  ('date_start', '>=', date_from), ('date_start', '<', date_to)]
        groups = self.read_group(domain, ['presence'], ['presence'])
        counts = {group['presence']: group['presence_count'] for group in groups}
        return training.attendance_rate(counts.get('present', 0), sum(counts.values()))
