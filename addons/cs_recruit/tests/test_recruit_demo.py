import unittest

from odoo.tests.common import TransactionCase


class TestRecruitDemo(TransactionCase):
    """The demo campaigns: two requisitions with dozens of applicants spread over the stages (demo databases)."""

    def test_two_requisitions_with_applicants_in_every_stage(self):
        agent_job = self.env.ref('cs_recruit.job_cs_agent', raise_if_not_found=False)
        if not agent_job:
            raise unittest.SkipTest("database installed without demo data")
        jobs = agent_job | self.env.ref('cs_recruit.job_cs_shift_leader')
        Applicant = self.env['hr.applicant'].with_context(active_test=False)
        applicants = Applicant.search([('job_id', 'in', jobs.ids)])
        self.assertGreaterEqual(len(applicants), 48)
        for job in jobs:
            self.assertGreaterEqual(Applicant.search_count([('job_id', '=', job.id)]), 12)
        stages = self.env['hr.recruitment.stage'].search([('cs_pipeline', '=', True)])
        self.assertEqual(set(applicants.mapped('stage_id').ids), set(stages.ids))
        # Through the real flow: auditions, interviews, tests, offers (accepted and lapsed), hired employees.
        self.assertTrue(applicants.mapped('cs_audition_ids'))
        self.assertTrue(applicants.mapped('cs_interview_ids').filtered(lambda i: i.state == 'no_show'))
        self.assertTrue(applicants.mapped('cs_test_ids').filtered('passed'))
        self.assertEqual(set(applicants.mapped('cs_offer_state')) >= {'accepted', 'lapsed'}, True)
        self.assertTrue(all(applicants.filtered(lambda a: a.cs_offer_state == 'accepted').mapped('emp_id')))
        self.assertEqual(len(set(applicants.mapped('partner_name'))), len(applicants))
