from odoo.exceptions import AccessError

from .common import RecruitCase


class TestRecruitAccess(RecruitCase):
    """Candidates' personal data only for recruitment users: an agent and a supervisor of the centre are refused
    applicants, offers, auditions, interviews, tests and the recruitment reports."""

    @classmethod
    def setUpClass(cls):
        super(TestRecruitAccess, cls).setUpClass()
        cls.applicant = cls.make_applicant_for_class()
        cls.audition = cls.env['cs.audition'].create({'applicant_id': cls.applicant.id})
        cls.interview_record = cls.env['cs.interview'].create({'applicant_id': cls.applicant.id})
        cls.test_record = cls.env['cs.recruit.test'].create({
            'applicant_id': cls.applicant.id, 'kind': 'written',
            'survey_id': cls.env.ref('cs_recruit.survey_written_test').id})

    @classmethod
    def make_applicant_for_class(cls):
        return cls.env['hr.applicant'].create({'name': '测试 - 赵敏', 'partner_name': '赵敏', 'job_id': cls.job.id,
                                               'cs_birth_date': '2000-01-01', 'cs_gender': 'female'})

    def assert_refused(self, user):
        models = ['hr.applicant', 'cs.audition', 'cs.audition.line', 'cs.interview', 'cs.recruit.test',
                  'cs.applicant.work.history', 'cs.recruit.funnel.report', 'cs.recruit.hire.report']
        for model in models:
            with self.assertRaises(AccessError, msg='%s reads %s' % (user.login, model)):
                self.env[model].sudo(user).search([])
        with self.assertRaises(AccessError):
            self.applicant.sudo(user).read(['cs_birth_date', 'cs_offer_state', 'cs_offer_terms'])
        with self.assertRaises(AccessError):
            self.applicant.sudo(user).write({'cs_offer_state': 'accepted'})
        with self.assertRaises(AccessError):
            self.audition.sudo(user).read(['score'])
        with self.assertRaises(AccessError):
            self.interview_record.sudo(user).read(['score'])
        with self.assertRaises(AccessError):
            self.test_record.sudo(user).read(['score'])
        with self.assertRaises(AccessError):
            self.env['hr.applicant'].sudo(user).create({'name': 'x', 'partner_name': 'x'})

    def test_an_agent_sees_no_recruitment_data(self):
        self.assert_refused(self.agent)

    def test_a_supervisor_sees_no_recruitment_data(self):
        self.assert_refused(self.supervisor)

    def test_a_recruiter_works_the_whole_pipeline(self):
        for model in ('hr.applicant', 'cs.audition', 'cs.interview', 'cs.recruit.test', 'cs.recruit.funnel.report',
                      'cs.recruit.hire.report'):
            self.env[model].sudo(self.recruiter).search([])
        self.assertEqual(self.applicant.sudo(self.recruiter).cs_birth_date, '2000-01-01')
        self.assertTrue(self.audition.sudo(self.recruiter).line_ids)

    def test_the_recruitment_menus_are_for_recruiters_only(self):
        menus = [self.env.ref('cs_recruit.' + xmlid) for xmlid in (
            'cs_recruit_applicant_menu', 'cs_audition_menu', 'cs_interview_menu', 'cs_recruit_test_menu',
            'cs_recruit_funnel_report_menu', 'cs_recruit_analysis_menu')]
        for user, visible in ((self.recruiter, True), (self.agent, False), (self.supervisor, False)):
            visible_ids = self.env['ir.ui.menu'].sudo(user)._visible_menu_ids()
            for menu in menus:
                self.assertEqual(menu.id in visible_ids, visible, '%s / %s' % (user.login, menu.name))
