from odoo import api, fields, models


class CsTrainingMonthlyExam(models.TransientModel):
    """Create the month's skills exam (月度技能考试, S4) of one or more teams: one session per team with the
    team's agents as attendees."""
    _name = 'cs.training.monthly.exam'
    _description = 'Create Monthly Skills Exams'

    course_id = fields.Many2one('cs.training.course', 'Exam Course', required=True,
                                domain=[('exam_survey_id', '!=', False)])
    team_ids = fields.Many2many('cs.team', string='Teams', required=True)
    date = fields.Date('Month of', required=True, default=fields.Date.context_today)

    @api.multi
    def action_create(self):
        self.ensure_one()
        Session = self.env['cs.training.session']
        sessions = Session.browse()
        for team in self.team_ids:
            sessions |= Session._create_monthly_exam(team, self.course_id, self.date)
        action = self.env.ref('cs_recruit.cs_training_session_action').read()[0]
        action['domain'] = [('id', 'in', sessions.ids)]
        return action
