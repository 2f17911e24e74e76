from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import _

from ..services import assessment

TEST_KINDS = [('written', 'Written Test'), ('personality', 'Personality Test')]


class SurveySurvey(models.Model):
    _inherit = 'survey.survey'

    cs_pass_mark = fields.Float(
        'Pass Mark', help="Quiz score (sum of the scores of the chosen answers) a candidate needs to pass when the "
                          "survey is used as a recruitment test.")


class SurveyUserInput(models.Model):
    _inherit = 'survey.user_input'

    @api.multi
    def _cs_quiz_score(self):
        """Score of these answers: the sum of the quiz marks of the chosen answers (recruitment tests and
        training exams score the same way)."""
        return sum(self.mapped('user_input_line_ids.quizz_mark'))


class CsRecruitTest(models.Model):
    """A written or personality test (笔试, 性格测试, R5) taken by a candidate through Odoo's survey: the candidate
    answers with a personal link; the quiz score of the answers is compared with the pass mark."""
    _name = 'cs.recruit.test'
    _description = 'Recruitment Test'
    _order = 'id desc'

    applicant_id = fields.Many2one('hr.applicant', 'Applicant', required=True, ondelete='cascade', index=True)
    partner_name = fields.Char(related='applicant_id.partner_name', string="Applicant's Name", readonly=True)
    job_id = fields.Many2one(related='applicant_id.job_id', string='Job Position', store=True, readonly=True)
    kind = fields.Selection(TEST_KINDS, required=True, default='written')
    survey_id = fields.Many2one('survey.survey', 'Survey', required=True)
    user_input_id = fields.Many2one('survey.user_input', 'Answers', readonly=True, copy=False, ondelete='set null')
    pass_mark = fields.Float(required=True)
    state = fields.Selection([('draft', 'Not Sent'), ('sent', 'Sent'), ('done', 'Answered')],
                             compute='_compute_result', store=True)
    score = fields.Float(compute='_compute_result', store=True, group_operator='avg')
    passed = fields.Boolean(compute='_compute_result', store=True)
    date_sent = fields.Datetime('Sent On', readonly=True, copy=False)

    @api.depends('user_input_id.state', 'user_input_id.user_input_line_ids.quizz_mark', 'pass_mark')
    def _compute_result(self):
        for test in self:
            answers = test.user_input_id
            test.state = 'done' if answers.state == 'done' else ('sent' if answers else 'draft')
            test.score = answers._cs_quiz_score() if answers else 0.0
            test.passed = test.state == 'done' and assessment.passes(test.score, test.pass_mark)

    @api.onchange('kind', 'applicant_id')
    def _onchange_kind(self):
        job = self.applicant_id.job_id
        survey = job.cs_written_survey_id if self.kind == 'written' else job.cs_personality_survey_id
        if survey:
            self.survey_id = survey

    @api.onchange('survey_id')
    def _onchange_survey_id(self):
        self.pass_mark = self.survey_id.cs_pass_mark

    @api.model
    def create(self, vals):
        if 'pass_mark' not in vals and vals.get('survey_id'):
            vals['pass_mark'] = self.env['survey.survey'].browse(vals['survey_id']).cs_pass_mark
        return super(CsRecruitTest, self).create(vals)

    @api.constrains('pass_mark')
    def _check_pass_mark(self):
        for test in self:
            if test.pass_mark < 0:
                raise ValidationError(_("The pass mark cannot be negative."))

    @api.multi
    def name_get(self):
        kinds = dict(self._fields['kind']._description_selection(self.env))
        return [(test.id, '%s: %s' % (kinds.get(test.kind), test.partner_name or test.applicant_id.name))
                for test in self]

    def _ensure_answers(self):
        """Create the candidate's personal answer sheet (survey.user_input) once."""
        if not self.user_input_id:
            applicant = self.applicant_id
            if not applicant.partner_id and applicant.email_from:
                applicant.partner_id = self.env['res.partner'].create({
                    'name': applicant.partner_name or applicant.name, 'email': applicant.email_from,
                    'phone': applicant.partner_phone, 'mobile': applicant.partner_mobile})
            self.user_input_id = self.env['survey.user_input'].create({
                'survey_id': self.survey_id.id, 'partner_id': applicant.partner_id.id,
                'email': applicant.email_from, 'type': 'link'})
        return self.user_input_id

    @api.multi
    def action_send(self):
        """Send the candidate the personal link to the test (email through the applicant's chatter)."""
        for test in self:
            if not test.applicant_id.email_from and not test.applicant_id.partner_id.email:
                raise UserError(_("%s has no email address: give it, or start the test on site.") % (
                    test.partner_name or test.applicant_id.name))
            answers = test._ensure_answers()
            url = '%s/%s' % (test.survey_id.public_url, answers.token)
            test.date_sent = fields.Datetime.now()
            test.applicant_id.message_post(
                body=_('Please take the %s "%s": <a href="%s">%s</a>') % (
                    dict(self._fields['kind']._description_selection(self.env)).get(test.kind),
                    test.survey_id.title, url, url),
                partner_ids=test.applicant_id.partner_id.ids, subtype='mail.mt_comment')
        return True

    @api.multi
    def action_start(self):
        """Open the test for the candidate on site, on their personal answer sheet."""
        self.ensure_one()
        answers = self._ensure_answers()
        return self.survey_id.with_context(survey_token=answers.token).action_start_survey()

    @api.multi
    def action_view_answers(self):
        self.ensure_one()
        if not self.user_input_id:
            raise UserError(_("The candidate has not answered yet."))
        return self.survey_id.with_context(survey_token=self.user_input_id.token).action_print_survey()
