"""Candidates' personal data is for recruitment users; training results for those who need them; the contact
form opens for every employee."""
from odoo.exceptions import AccessError

from odoo.addons.cs_helpdesk.tests.common import rpc

from .common import RecruitCase, TrainingCase


class TestCandidateContacts(RecruitCase):

    @classmethod
    def setUpClass(cls):
        super(TestCandidateContacts, cls).setUpClass()
        cls.hr_officer = cls._make_user('t_rc_hr_officer', '吴人事', ['hr.group_hr_user'])
        cls.candidate = cls.env['res.partner'].create({
            'name': '候选人王晓雪', 'email': 'wang.xiaoxue@example.com', 'mobile': '13605310009'})
        cls.applicant = cls.env['hr.applicant'].create({
            'name': '测试客服代表 - 王晓雪', 'partner_name': '王晓雪', 'job_id': cls.job.id,
            'partner_id': cls.candidate.id})
        cls.customer = cls.env['res.partner'].create({'name': '普通客户马建国', 'customer': True})

    def visible(self, user, partners):
        return self.env['res.partner'].sudo(user).search([('id', 'in', partners.ids)])

    def test_only_recruitment_users_read_candidates(self):
        both = self.candidate | self.customer
        self.assertEqual(self.visible(self.agent, both), self.customer)
        self.assertEqual(self.visible(self.supervisor, both), self.customer)
        self.assertEqual(self.visible(self.hr_officer, both), self.customer)
        with self.assertRaises(AccessError):
            rpc(self.env, self.agent, 'res.partner', 'read', self.candidate.ids, ['name', 'email', 'mobile'])
        self.assertEqual(self.visible(self.recruiter, both), both)
        self.assertEqual(self.candidate.sudo(self.recruiter).email, 'wang.xiaoxue@example.com')

    def test_an_interview_meeting_shows_the_candidate_to_its_attendees_only(self):
        interview = self.env['cs.interview'].sudo(self.recruiter).create({
            'applicant_id': self.applicant.id, 'date_start': '2026-12-01 02:00:00', 'duration': 1.0,
            'interviewer_ids': [(6, 0, self.recruiter.ids)]})
        event = interview.event_id
        seen_by_agent = event.sudo(self.agent).read(['name', 'partner_ids'])[0]
        self.assertNotIn('王晓雪', seen_by_agent['name'])  # "Busy" in the reader's language
        self.assertEqual(seen_by_agent['partner_ids'], [])
        seen_by_recruiter = event.sudo(self.recruiter).read(['name', 'partner_ids'])[0]
        self.assertIn(self.candidate.id, seen_by_recruiter['partner_ids'])
        self.assertIn('王晓雪', seen_by_recruiter['name'])

    def test_users_and_hired_candidates_stay_readable(self):
        self.assertIn(self.recruiter.partner_id, self.visible(self.agent, self.recruiter.partner_id))
        employee = self.env['hr.employee'].create({'name': '王晓雪', 'address_home_id': self.candidate.id})
        self.applicant.emp_id = employee
        self.assertEqual(self.visible(self.hr_officer, self.candidate), self.candidate)
        self.assertFalse(self.visible(self.agent, self.candidate))

    def test_a_recruiter_opens_a_customer_form(self):
        """The counts of the customer file are what the user may see (none for a recruiter), not an error."""
        ticket_model = self.env['cs.ticket']
        ticket_model.create({'name': '咨询', 'partner_id': self.customer.id})
        view = self.env.ref('base.view_partner_form')
        names = list(self.env['res.partner'].sudo(self.recruiter).fields_view_get(view.id, 'form')['fields'])
        names += ['cs_ticket_count', 'cs_complaint_count', 'cs_visit_count', 'cs_call_count']
        values = self.customer.sudo(self.recruiter).read(names)[0]
        self.assertEqual((values['cs_ticket_count'], values['cs_call_count']), (0, 0))
        self.assertEqual(self.customer.sudo(self.env.ref('base.user_root')).cs_ticket_count, 1)


class TestTrainingResultsForHr(TrainingCase):

    def test_hr_officers_read_onboarding_results_only(self):
        hr_officer = RecruitCase._make_user.__func__(self.__class__, 't_tr_hr', '吴人事', ['hr.group_hr_user'])
        skills = self.make_session(self.skills, self.agent | self.agent2)
        onboarding = self.make_session(self.onboarding, self.agent2, date_start='2026-01-05 01:00:00')
        lines = self.env['cs.training.attendance'].sudo(hr_officer).search(
            [('session_id', 'in', (skills | onboarding).ids)])
        self.assertEqual(lines, onboarding.attendance_ids)
        with self.assertRaises(AccessError):
            skills.attendance_ids[0].sudo(hr_officer).read(['exam_score'])
