from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import _

from ..services import training


class HrEmployee(models.Model):
    """Training side of an employee: the results, the certification of R9 (the onboarding course passed) and
    the mentor of the 传帮带 scheme (an experienced agent coaching a new one)."""
    _inherit = 'hr.employee'

    cs_training_attendance_ids = fields.One2many('cs.training.attendance', 'employee_id', 'Training Results')
    cs_certified = fields.Boolean(
        'Certified', compute='_compute_cs_certified', store=True, compute_sudo=True,
        help="Passed the onboarding course: only certified agents join call queues and are assigned work orders.")
    cs_certified_date = fields.Date('Certified On', compute='_compute_cs_certified', store=True, compute_sudo=True)
    cs_mentor_id = fields.Many2one('hr.employee', 'Mentor', track_visibility='onchange',
                                   help="The experienced colleague who coaches this employee (传帮带).")
    cs_mentee_ids = fields.One2many('hr.employee', 'cs_mentor_id', 'Mentees')
    cs_training_count = fields.Integer('Trainings', compute='_compute_cs_training_count')

    @api.depends('cs_training_attendance_ids.result', 'cs_training_attendance_ids.is_onboarding',
                 'cs_training_attendance_ids.date_start')
    def _compute_cs_certified(self):
        for employee in self:
            lines = employee.cs_training_attendance_ids
            employee.cs_certified = training.is_certified([(line.is_onboarding, line.result) for line in lines])
            passed = lines.filtered(lambda line: line.is_onboarding and line.result == training.PASSED)
            dates = sorted(passed.mapped('date_start'))
            employee.cs_certified_date = dates[0][:10] if dates else False

    @api.multi
    def _compute_cs_training_count(self):
        groups = self.env['cs.training.attendance'].read_group(
            [('employee_id', 'in', self.ids)], ['employee_id'], ['employee_id'])
        counts = {group['employee_id'][0]: group['employee_id_count'] for group in groups}
        for employee in self:
            employee.cs_training_count = counts.get(employee.id, 0)

    @api.constrains('cs_mentor_id')
    def _check_cs_mentor(self):
        for employee in self:
            if employee.cs_mentor_id == employee:
                raise ValidationError(_("%s cannot be their own mentor.") % employee.name)

    @api.multi
    def action_cs_view_training(self):
        self.ensure_one()
        action = self.env.ref('cs_recruit.cs_training_attendance_action').read()[0]
        action['domain'] = [('employee_id', '=', self.id)]
        action['context'] = {}
        return action

    @api.multi
    def cs_enroll_onboarding(self):
        """Enroll the employees in the next open session of the onboarding course (or a new draft session in a
        week when none is open). Employees already enrolled in an onboarding session are left alone.
        Returns the attendance lines created."""
        course = self.env['cs.training.course'].search([('is_onboarding', '=', True)], limit=1)
        Attendance = self.env['cs.training.attendance']
        if not course:
            return Attendance
        employees = self.filtered(lambda employee: not employee.cs_training_attendance_ids.filtered(
            lambda line: line.is_onboarding and line.session_id.state != 'cancelled'))
        if not employees:
            return Attendance
        Session = self.env['cs.training.session']
        session = Session.search([('course_id', '=', course.id), ('state', 'in', ('draft', 'scheduled')),
                                  ('date_start', '>=', fields.Datetime.now())], order='date_start', limit=1)
        if not session:
            start = datetime.combine(fields.Date.from_string(fields.Date.context_today(self)) + timedelta(days=7),
                                     time(1, 0))  # 09:00 in China, stored in UTC
            session = Session.create({
                'course_id': course.id, 'trainer_id': course.trainer_id.id,
                'date_start': fields.Datetime.to_string(start),
                'date_end': fields.Datetime.to_string(start + timedelta(hours=course.duration_hours or 8))})
        for employee in employees:
            Attendance |= Attendance.create({'session_id': session.id, 'employee_id': employee.id})
        return Attendance
