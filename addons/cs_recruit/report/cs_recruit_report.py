from odoo import fields, models, tools

from ..services import analytics, requisition
from ..models.hr_applicant import GENDERS


def _age_band_sql(age_expression, bounds=analytics.DEFAULT_AGE_BANDS):
    """SQL CASE giving the label of :func:`analytics.age_band` for an age expression (same bands, same labels)."""
    bounds = sorted(bounds)
    cases = ["WHEN %s IS NULL THEN 'unknown'" % age_expression,
             "WHEN %s < %d THEN '%s'" % (age_expression, bounds[0], analytics.age_band(bounds[0] - 1, bounds))]
    for low, high in zip(bounds, bounds[1:]):
        cases.append("WHEN %s < %d THEN '%s'" % (age_expression, high, analytics.age_band(low, bounds)))
    return "CASE %s ELSE '%s' END" % (' '.join(cases), analytics.age_band(bounds[-1], bounds))


def _age_band_selection(bounds=analytics.DEFAULT_AGE_BANDS):
    bounds = sorted(bounds)
    labels = [analytics.age_band(bounds[0] - 1, bounds)] + [analytics.age_band(low, bounds) for low in bounds]
    return [(label, label) for label in labels] + [('unknown', 'Unknown')]


class CsRecruitFunnelReport(models.Model):
    """The recruitment funnel (R7): one row per applicant and per customer-service stage the applicant reached
    (the current stage and every earlier one), so counting rows per stage gives the funnel."""
    _name = 'cs.recruit.funnel.report'
    _description = 'Recruitment Funnel'
    _auto = False
    _order = 'stage_sequence, applicant_id'

    applicant_id = fields.Many2one('hr.applicant', 'Applicant', readonly=True)
    job_id = fields.Many2one('hr.job', 'Job Position', readonly=True)
    channel_id = fields.Many2one('cs.recruit.channel', 'Channel', readonly=True)
    user_id = fields.Many2one('res.users', 'Recruiter', readonly=True)
    company_id = fields.Many2one('res.company', 'Company', readonly=True)
    stage_id = fields.Many2one('hr.recruitment.stage', 'Stage Reached', readonly=True)
    stage_sequence = fields.Integer('Stage Sequence', readonly=True)
    current_stage_id = fields.Many2one('hr.recruitment.stage', 'Current Stage', readonly=True)
    is_current = fields.Boolean('Current Stage of the Applicant', readonly=True)
    is_refused = fields.Boolean('Refused', readonly=True, help="The application is archived (refused or withdrawn).")
    date_applied = fields.Datetime('Applied On', readonly=True)
    nbr = fields.Integer('Applicants', readonly=True, group_operator='sum')

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW %s AS (
                SELECT row_number() OVER (ORDER BY a.id, s.sequence, s.id) AS id,
                       a.id AS applicant_id, a.job_id, c.id AS channel_id, a.user_id, a.company_id,
                       s.id AS stage_id, s.sequence AS stage_sequence, cur.id AS current_stage_id,
                       s.id = cur.id AS is_current, NOT a.active AS is_refused,
                       a.create_date AS date_applied, 1 AS nbr
                  FROM hr_applicant a
                  JOIN hr_recruitment_stage cur ON cur.id = a.stage_id AND cur.cs_pipeline
                  JOIN hr_recruitment_stage s ON s.cs_pipeline AND (s.job_id IS NULL OR s.job_id = a.job_id)
                       AND (s.sequence, s.id) <= (cur.sequence, cur.id)
                  LEFT JOIN cs_recruit_channel c ON c.source_id = a.source_id
            )""" % self._table)


class CsRecruitHireReport(models.Model):
    """The hires (R7): time to hire, channel, and the structure of the hired workforce (age band at hire,
    gender, education); whether the employee is still active (retention)."""
    _name = 'cs.recruit.hire.report'
    _description = 'Recruitment Hires'
    _auto = False
    _order = 'date_hired desc'

    applicant_id = fields.Many2one('hr.applicant', 'Applicant', readonly=True)
    employee_id = fields.Many2one('hr.employee', 'Employee', readonly=True)
    job_id = fields.Many2one('hr.job', 'Job Position', readonly=True)
    channel_id = fields.Many2one('cs.recruit.channel', 'Channel', readonly=True)
    user_id = fields.Many2one('res.users', 'Recruiter', readonly=True)
    company_id = fields.Many2one('res.company', 'Company', readonly=True)
    date_applied = fields.Datetime('Applied On', readonly=True)
    date_hired = fields.Datetime('Hired On', readonly=True)
    days_to_hire = fields.Float('Days to Hire', readonly=True, group_operator='avg')
    age = fields.Integer('Age at Hire', readonly=True, group_operator='avg')
    age_band = fields.Selection(_age_band_selection(), 'Age Band', readonly=True)
    gender = fields.Selection(GENDERS, 'Gender', readonly=True)
    education = fields.Selection(requisition.EDUCATION_LEVELS, 'Education', readonly=True)
    still_employed = fields.Boolean('Still Employed', readonly=True)
    nbr = fields.Integer('Hires', readonly=True, group_operator='sum')

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        age = "date_part('year', age(a.cs_date_hired::date, a.cs_birth_date))::int"
        self.env.cr.execute("""
            CREATE VIEW %s AS (
                SELECT a.id, a.id AS applicant_id, a.emp_id AS employee_id, a.job_id, c.id AS channel_id,
                       a.user_id, a.company_id, a.create_date AS date_applied, a.cs_date_hired AS date_hired,
                       round((extract(epoch FROM a.cs_date_hired - a.create_date) / 86400.0)::numeric, 1)
                           AS days_to_hire,
                       %s AS age, %s AS age_band,
                       a.cs_gender AS gender, a.cs_education AS education,
                       coalesce(e.active, false) AS still_employed, 1 AS nbr
                  FROM hr_applicant a
                  LEFT JOIN hr_employee e ON e.id = a.emp_id
                  LEFT JOIN cs_recruit_channel c ON c.source_id = a.source_id
                 WHERE a.cs_date_hired IS NOT NULL
            )""" % (self._table, age, _age_band_sql(age)))
