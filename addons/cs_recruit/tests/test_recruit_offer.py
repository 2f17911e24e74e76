from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError

from .common import RecruitCase


class TestOffer(RecruitCase):
    """The offer (R6): terms from the second interview, 24 hours to accept, hired through Odoo's own flow."""

    def test_the_second_interview_sets_the_terms_and_sends_the_offer(self):
        applicant = self.make_applicant()
        self.bring_to_offer(applicant)
        self.assertEqual(applicant.cs_offer_state, 'sent')
        self.assertEqual(applicant.stage_id, self.stage['offer'])
        self.assertEqual(applicant.salary_proposed, 4200)
        self.assertEqual(applicant.salary_proposed_extra, '五险一金')
        self.assertEqual(applicant.cs_offer_terms, '试用期三个月')
        sent = fields.Datetime.from_string(applicant.cs_offer_sent_date)
        self.assertEqual(fields.Datetime.from_string(applicant.cs_offer_deadline), sent + timedelta(hours=24))

    def test_accepting_hires_the_candidate_as_an_employee(self):
        applicant = self.make_applicant(cs_birth_date='2001-03-08')
        self.bring_to_offer(applicant)
        hired_before = self.job.no_of_hired_employee
        action = applicant.action_cs_accept_offer()
        self.assertEqual(applicant.cs_offer_state, 'accepted')
        self.assertEqual(applicant.stage_id, self.stage['hired'])
        self.assertTrue(applicant.cs_date_hired)
        employee = applicant.emp_id
        self.assertEqual(employee.name, '王晓雪')
        self.assertEqual(employee.job_id, self.job)
        self.assertEqual(employee.gender, 'female')
        self.assertEqual(employee.birthday, '2001-03-08')
        self.assertEqual(self.job.no_of_hired_employee, hired_before + 1)
        self.assertEqual(action['res_model'], 'hr.employee')

    def test_an_offer_needs_a_passed_second_interview(self):
        applicant = self.make_applicant()
        with self.assertRaises(UserError):
            applicant.action_cs_send_offer()

    def test_an_offer_not_accepted_within_24_hours_lapses_by_cron(self):
        late, recent = self.make_applicant('甲'), self.make_applicant('乙')
        self.bring_to_offer(late)
        self.bring_to_offer(recent)
        # Sent 25 hours ago: deadline 1 hour ago. The other one was sent just now.
        late.cs_offer_sent_date = fields.Datetime.to_string(datetime.utcnow() - timedelta(hours=25))
        self.env['hr.applicant']._cron_cs_lapse_offers()
        self.assertEqual(late.cs_offer_state, 'lapsed')
        self.assertIn('24', late.message_ids[0].body)
        self.assertEqual(recent.cs_offer_state, 'sent')
        with self.assertRaises(UserError):
            late.action_cs_accept_offer()

    def test_a_late_acceptance_is_refused_even_before_the_cron(self):
        applicant = self.make_applicant()
        self.bring_to_offer(applicant)
        applicant.cs_offer_sent_date = fields.Datetime.to_string(datetime.utcnow() - timedelta(hours=30))
        with self.assertRaisesRegex(UserError, 'lapsed|失效'):
            applicant.action_cs_accept_offer()
        self.assertFalse(applicant.emp_id)

    def test_the_validity_is_a_company_setting(self):
        self.company.cs_recruit_offer_hours = 48
        applicant = self.make_applicant()
        self.bring_to_offer(applicant)
        self.assertEqual(applicant.cs_offer_hours, 48)
        sent = fields.Datetime.from_string(applicant.cs_offer_sent_date)
        self.assertEqual(fields.Datetime.from_string(applicant.cs_offer_deadline), sent + timedelta(hours=48))

    def test_a_declined_offer_is_logged(self):
        applicant = self.make_applicant()
        self.bring_to_offer(applicant)
        applicant.action_cs_decline_offer()
        self.assertEqual(applicant.cs_offer_state, 'declined')
        self.assertFalse(applicant.emp_id)
