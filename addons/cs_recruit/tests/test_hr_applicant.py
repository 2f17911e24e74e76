from odoo.exceptions import UserError, ValidationError

from .common import RecruitCase


class TestScreeningAndGates(RecruitCase):
    """Resume screening (R3) and the gates of the stages (R2)."""

    def test_a_new_applicant_starts_in_resume_screening(self):
        applicant = self.make_applicant()
        self.assertEqual(applicant.stage_id, self.stage['screening'])
        self.assertEqual(applicant.cs_screening_state, 'pending')
        self.assertEqual(applicant.cs_channel_id, self.channel)
        # The form opened from the job's kanban proposes the same first stage.
        defaults = self.Applicant.with_context(default_job_id=self.job.id).default_get(['stage_id'])
        self.assertEqual(defaults['stage_id'], self.stage['screening'].id)

    def test_screening_a_batch_passes_and_fails_with_every_reason(self):
        good = self.make_applicant('王晓雪')
        # High school, 17 years old, 40 characters/min, Mandarin 3-A, no Office, 4 employers in 3 years.
        weak = self.make_applicant('李浩然', cs_education='high_school', cs_birth_date=self.years_ago(17, 30),
                                   cs_typing_speed=40, cs_mandarin_level='3a', cs_office_skills=False,
                                   cs_work_history_ids=[
                                       (0, 0, {'employer': employer, 'date_from': self.years_ago(2.5 - index * 0.5),
                                               'date_to': self.years_ago(2.1 - index * 0.5)})
                                       for index, employer in enumerate(['银座商城', '大润发', '华润万家', '美团'])])
        (good | weak).action_cs_screen()
        self.assertEqual(good.cs_screening_state, 'passed')
        self.assertTrue(good.cs_screening_passed)
        self.assertEqual(weak.cs_screening_state, 'failed')
        reasons = weak.cs_screening_reasons.split('\n')
        self.assertEqual(len(reasons), 6, reasons)
        # One line per failed rule, in the order education, age, typing, Mandarin, Office, job-hopping.
        self.assertIn('17', reasons[1])
        self.assertIn('40', reasons[2])
        self.assertIn('美团', reasons[5])
        self.assertEqual(weak.message_ids[0].body.count('<li>'), 6)

    def test_the_batch_action_screens_the_selected_applicants(self):
        applicants = self.make_applicant('甲') | self.make_applicant('乙', cs_typing_speed=30)
        action = self.env.ref('cs_recruit.hr_applicant_action_cs_screen')
        action.sudo(self.recruiter).with_context(active_model='hr.applicant', active_ids=applicants.ids).run()
        self.assertEqual(applicants.mapped('cs_screening_state'), ['passed', 'failed'])

    def test_screening_needs_the_job(self):
        applicant = self.make_applicant(job_id=False)
        with self.assertRaises(UserError):
            applicant.action_cs_screen()

    def test_job_hopping_follows_the_job_settings(self):
        applicant = self.make_applicant(cs_work_history_ids=[
            (0, 0, {'employer': 'A', 'date_from': self.years_ago(1.5), 'date_to': self.years_ago(1)}),
            (0, 0, {'employer': 'B', 'date_from': self.years_ago(0.9)})])
        applicant.action_cs_screen()
        self.assertEqual(applicant.cs_screening_state, 'passed')  # 2 employers, at most 3
        self.job.cs_hopping_max_employers = 1
        applicant.action_cs_screen()
        self.assertEqual(applicant.cs_screening_state, 'failed')
        with self.assertRaises(ValidationError):
            self.job.cs_hopping_years = -1

    def test_a_recruiter_overrides_a_failed_screening_with_a_logged_reason(self):
        applicant = self.make_applicant(cs_typing_speed=45)
        applicant.action_cs_screen()
        self.assertFalse(applicant.cs_screening_passed)
        with self.assertRaises(UserError):
            applicant.action_cs_override_screening('  ')
        wizard = self.env['cs.screening.override'].sudo(self.recruiter).create(
            {'applicant_ids': [(6, 0, applicant.ids)], 'reason': '八年热线经验'})
        wizard.action_confirm()
        self.assertTrue(applicant.cs_screening_passed)
        self.assertEqual(applicant.cs_screening_override_user_id, self.recruiter)
        self.assertIn('八年热线经验', applicant.message_ids[0].body)
        applicant.stage_id = self.stage['initial_selection']

    def test_skipping_a_gate_is_refused_with_the_gate_named(self):
        applicant = self.make_applicant()
        with self.assertRaisesRegex(UserError, '简历筛选通过'):
            applicant.write({'stage_id': self.stage['initial_selection'].id})
        applicant.action_cs_screen()
        applicant.stage_id = self.stage['audition']
        with self.assertRaisesRegex(UserError, '听试通过'):
            applicant.write({'stage_id': self.stage['first_interview'].id})
        self.pass_audition(applicant)
        applicant.stage_id = self.stage['first_interview']
        self.interview(applicant, 'first')
        # 复试 requires the first interview and both tests: the missing tests are named.
        with self.assertRaisesRegex(UserError, '笔试通过", "性格测试通过'):
            applicant.write({'stage_id': self.stage['second_interview'].id})
        with self.assertRaisesRegex(UserError, '接受聘用'):
            applicant.write({'stage_id': self.stage['hired'].id})
        self.assertEqual(applicant.stage_id, self.stage['first_interview'])

    def test_an_applicant_cannot_be_created_past_a_gate(self):
        with self.assertRaises(UserError):
            self.make_applicant(stage_id=self.stage['offer'].id)

    def test_gates_are_configurable_per_stage(self):
        applicant = self.make_applicant()
        self.stage['initial_selection'].sudo().cs_gate_ids = [(5, 0, 0)]
        applicant.stage_id = self.stage['initial_selection']
        self.stage['audition'].sudo().cs_gate_ids = [(6, 0, self.env.ref('cs_recruit.gate_audition').ids)]
        with self.assertRaisesRegex(UserError, '听试通过'):
            applicant.write({'stage_id': self.stage['audition'].id})

    def test_a_reopened_application_goes_back_to_resume_screening(self):
        applicant = self.make_applicant()
        applicant.action_cs_screen()
        applicant.stage_id = self.stage['audition']
        applicant.archive_applicant()
        applicant.reset_applicant()
        self.assertTrue(applicant.active)
        self.assertEqual(applicant.stage_id, self.stage['screening'])

    def test_moving_back_to_an_earlier_stage_is_allowed(self):
        applicant = self.make_applicant()
        applicant.action_cs_screen()
        applicant.stage_id = self.stage['audition']
        applicant.stage_id = self.stage['screening']
        self.assertEqual(applicant.stage_id, self.stage['screening'])

    def test_customer_service_jobs_show_their_own_stages(self):
        stages = self.env['hr.applicant'].with_context(default_job_id=self.job.id)._read_group_stage_ids(
            self.env['hr.recruitment.stage'], [], 'sequence, id')
        self.assertEqual(stages, self.env['hr.recruitment.stage'].search([('cs_pipeline', '=', True)]))
        self.assertEqual(stages.mapped('name')[:3], ['简历筛选', '初选', '听试'])
        other_job = self.env['hr.job'].create({'name': '测试会计', 'cs_pipeline': False})
        other_stages = self.env['hr.applicant'].with_context(default_job_id=other_job.id)._read_group_stage_ids(
            self.env['hr.recruitment.stage'], [], 'sequence, id')
        self.assertFalse(other_stages & stages)
        # Recruitment › Applications shows every customer-service application in the pipeline's columns.
        all_cs = self.env['hr.applicant'].with_context(cs_pipeline=True)._read_group_stage_ids(
            self.env['hr.recruitment.stage'], [], 'sequence, id')
        self.assertEqual(all_cs, stages)
        # A new position uses the pipeline; the ones that existed before the installation keep Odoo's stages.
        self.assertTrue(self.env['hr.job'].default_get(['cs_pipeline'])['cs_pipeline'])

    def test_positions_existing_before_the_installation_keep_odoo_stages(self):
        from odoo.addons.cs_recruit.hooks import post_init_hook
        post_init_hook(self.env.cr, None)
        self.job.invalidate_cache()
        self.assertFalse(self.job.cs_pipeline)
        demo_job = self.env.ref('cs_recruit.job_cs_agent', raise_if_not_found=False)
        if demo_job:
            self.assertTrue(demo_job.cs_pipeline)
