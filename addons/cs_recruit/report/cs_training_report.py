from odoo import fields, models, tools

from ..services import training


class CsTrainingReport(models.Model):
    """Training per employee and month (K2 #14-15): required and attended sessions, the attendance rate
    attended / required × 100 (学习培训到位率), hours, and the mean score of the month's skills exams.
    Only sessions already held count (their attendance taken: not those still to come, nor cancelled ones);
    attendance lines marked as not required do not count either."""
    _name = 'cs.training.report'
    _description = 'Training Attendance Analysis'
    _auto = False
    _order = 'month desc, employee_id'

    employee_id = fields.Many2one('hr.employee', 'Employee', readonly=True)
    user_id = fields.Many2one('res.users', 'User', readonly=True)
    department_id = fields.Many2one('hr.department', 'Department', readonly=True)
    month = fields.Date('Month', readonly=True)
    required_count = fields.Integer('Required Sessions', readonly=True)
    attended_count = fields.Integer('Attended Sessions', readonly=True)
    attendance_rate = fields.Float('Attendance Rate (%)', readonly=True, group_operator='avg')
    hours = fields.Float('Hours', readonly=True)
    exam_count = fields.Integer('Monthly Exams Graded', readonly=True)
    exam_score = fields.Float('Monthly Exam Score', readonly=True, group_operator='avg')
    passed_count = fields.Integer('Passed', readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW %s AS (
                SELECT min(a.id) AS id, a.employee_id, e_res.user_id, e.department_id,
                       date_trunc('month', s.date_start)::date AS month,
                       count(*) AS required_count,
                       count(*) FILTER (WHERE a.presence = 'present') AS attended_count,
                       round(count(*) FILTER (WHERE a.presence = 'present') * 100.0 / count(*), 1)
                           AS attendance_rate,
                       coalesce(sum(a.hours), 0) AS hours,
                       count(*) FILTER (WHERE s.kind = 'monthly_exam' AND a.exam_graded) AS exam_count,
                       avg(a.exam_score) FILTER (WHERE s.kind = 'monthly_exam' AND a.exam_graded) AS exam_score,
                       count(*) FILTER (WHERE a.result = 'passed') AS passed_count
                  FROM cs_training_attendance a
                  JOIN cs_training_session s ON s.id = a.session_id
                  JOIN hr_employee e ON e.id = a.employee_id
                  LEFT JOIN resource_resource e_res ON e_res.id = e.resource_id
                 WHERE s.state IN %%s AND a.required
                 GROUP BY a.employee_id, e_res.user_id, e.department_id, date_trunc('month', s.date_start)
            )""" % self._table, (training.HELD_SESSION_STATES,))
