from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests.common import SavepointCase


class TestHrJobRequisition(SavepointCase):
    """The requisition on a job position (R1): target, campaign window, requirements, channels, access."""

    @classmethod
    def setUpClass(cls):
        super(TestHrJobRequisition, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, no_reset_password=True))
        cls.company = cls.env.user.company_id
        cls.company.write({'cs_recruit_buffer_percent': 50, 'cs_recruit_campaign_warning_days': 28})
        cls.recruiter = cls._make_user('t_recruiter', '周婷', ['base.group_user',
                                                              'hr_recruitment.group_hr_recruitment_user'])
        cls.recruitment_manager = cls._make_user('t_recruit_manager', '钱芳',
                                                 ['base.group_user', 'hr_recruitment.group_hr_recruitment_manager'])
        cls.agent = cls._make_user('t_cs_agent', '张伟', ['cs_helpdesk.group_cs_agent'])
        cls.Job = cls.env['hr.job'].sudo(cls.recruiter)
        cls.channel_campus = cls.env['cs.recruit.channel'].create({'name': '测试校园招聘', 'kind': 'campus'})
        cls.job = cls.Job.create({'name': '测试客服代表', 'cs_headcount_needed': 10,
                                  'cs_channel_ids': [(6, 0, cls.channel_campus.ids)]})
        cls.today = fields.Date.from_string(fields.Date.context_today(cls.job))

    @classmethod
    def _make_user(cls, login, name, group_xmlids):
        return cls.env['res.users'].create({
            'login': login, 'name': name, 'email': '%s@example.com' % login,
            'groups_id': [(6, 0, [cls.env.ref(xmlid).id for xmlid in group_xmlids])],
        })

    def days_ago(self, days):
        return fields.Date.to_string(self.today - timedelta(days=days))

    # Recruiting target

    def test_ten_agents_with_the_company_buffer_mean_fifteen_candidates(self):
        # The buffer defaults to the company's 50 %: 10 × (1 + 0.5) = 15.
        self.assertEqual(self.job.cs_buffer_percent, 50)
        self.assertEqual(self.job.cs_recruit_target, 15)

    def test_the_headcount_needed_is_odoo_expected_new_employees(self):
        self.assertEqual(self.job.no_of_recruitment, 10)
        self.job.write({'no_of_recruitment': 4})
        # 4 × 1.5 = 6
        self.assertEqual(self.job.cs_headcount_needed, 4)
        self.assertEqual(self.job.cs_recruit_target, 6)

    def test_half_a_candidate_is_rounded_up(self):
        self.job.write({'cs_headcount_needed': 7})
        # 7 × 1.5 = 10.5 -> 11
        self.assertEqual(self.job.cs_recruit_target, 11)

    def test_the_target_follows_the_buffer(self):
        self.job.write({'cs_buffer_percent': 20})
        # 10 × 1.2 = 12
        self.assertEqual(self.job.cs_recruit_target, 12)

    def test_a_new_job_takes_the_buffer_of_the_company_settings(self):
        settings = self.env['res.config.settings'].create({'cs_recruit_buffer_percent': 30})
        settings.execute()
        job = self.Job.create({'name': '测试话务班长', 'cs_headcount_needed': 3})
        # 3 × 1.3 = 3.9 -> 4; the existing job keeps its 50 %.
        self.assertEqual(job.cs_buffer_percent, 30)
        self.assertEqual(job.cs_recruit_target, 4)
        self.assertEqual(self.job.cs_buffer_percent, 50)

    def test_a_negative_buffer_or_headcount_is_refused(self):
        with self.assertRaises(ValidationError):
            self.job.write({'cs_buffer_percent': -10})
        with self.assertRaises(ValidationError):
            self.job.write({'cs_headcount_needed': -1})

    # Campaign window

    def test_a_campaign_open_28_days_is_on_time(self):
        self.job.write({'cs_campaign_start': self.days_ago(28)})
        self.assertEqual(self.job.cs_campaign_days_open, 28)
        self.assertFalse(self.job.cs_campaign_overdue)

    def test_a_campaign_open_29_days_is_overdue_and_found_by_the_filter(self):
        self.job.write({'cs_campaign_start': self.days_ago(29)})
        self.assertEqual(self.job.cs_campaign_days_open, 29)
        self.assertTrue(self.job.cs_campaign_overdue)
        self.assertIn(self.job, self.Job.search([('cs_campaign_overdue', '=', True)]))
        self.assertNotIn(self.job, self.Job.search([('cs_campaign_overdue', '=', False)]))

    def test_the_warning_limit_is_per_job(self):
        # 15 days open, more than a 14-day limit.
        self.job.write({'cs_campaign_start': self.days_ago(15), 'cs_campaign_warning_days': 14})
        self.assertTrue(self.job.cs_campaign_overdue)

    def test_a_closed_or_stopped_campaign_is_not_overdue(self):
        # Ended after 20 days: within the limit, however long ago.
        self.job.write({'cs_campaign_start': self.days_ago(60), 'cs_campaign_end': self.days_ago(40)})
        self.assertEqual(self.job.cs_campaign_days_open, 20)
        self.assertFalse(self.job.cs_campaign_overdue)
        # Open 60 days but recruitment stopped: nothing left to warn about.
        self.job.write({'cs_campaign_end': False})
        self.assertTrue(self.job.cs_campaign_overdue)
        self.job.set_open()
        self.assertFalse(self.job.cs_campaign_overdue)
        self.assertNotIn(self.job, self.Job.search([('cs_campaign_overdue', '=', True)]))

    def test_a_campaign_cannot_end_before_it_starts(self):
        with self.assertRaises(ValidationError):
            self.job.write({'cs_campaign_start': self.days_ago(5), 'cs_campaign_end': self.days_ago(6)})

    # Requirements

    def test_a_new_job_has_the_requirements_of_the_seeds(self):
        self.assertEqual(self.job.cs_requirements(), {
            'min_education': 'junior_college', 'min_age': 20, 'max_age': 40, 'min_typing_speed': 50,
            'min_mandarin_level': '2b', 'office_skills': True})

    def test_a_candidate_is_checked_against_the_job_requirements(self):
        good = {'education': 'bachelor', 'age': 24, 'typing_speed': 60, 'mandarin_level': '2a',
                'office_skills': True}
        self.assertEqual(self.job.cs_check_candidate(good), [])
        failures = self.job.with_context(lang='en_US').cs_check_candidate(
            dict(good, education='high_school', typing_speed=40))
        self.assertEqual([code for code, _message in failures], ['education', 'typing_speed'])
        self.assertEqual(failures[1][1], 'Typing speed 40 characters/min is below the required 50.')
        self.assertIn('High school', failures[0][1])

    def test_the_job_requirements_are_used(self):
        # A job asking 60 characters/min and 25-35 years: a 24-year-old typing 55 fails both.
        self.job.write({'cs_min_typing_speed': 60, 'cs_min_age': 25, 'cs_max_age': 35})
        failures = self.job.cs_check_candidate({'education': 'junior_college', 'age': 24, 'typing_speed': 55,
                                                'mandarin_level': '2b', 'office_skills': True})
        self.assertEqual([code for code, _message in failures], ['age', 'typing_speed'])

    def test_a_minimum_age_above_the_maximum_is_refused(self):
        with self.assertRaises(ValidationError):
            self.job.write({'cs_min_age': 45, 'cs_max_age': 40})

    # Channels

    def test_a_channel_is_an_applicant_source(self):
        channel = self.env['cs.recruit.channel'].sudo(self.recruiter).create({'name': '测试招聘会',
                                                                                'kind': 'job_fair'})
        self.assertEqual(channel.source_id.name, '测试招聘会')
        applicant = self.env['hr.applicant'].sudo(self.recruiter).create({
            'name': '客服代表应聘', 'partner_name': '陈晓', 'job_id': self.job.id,
            'source_id': channel.source_id.id})
        self.assertEqual(applicant.source_id, channel.source_id)
        self.assertIn(self.channel_campus, self.job.cs_channel_ids)

    # Access rights

    def test_an_agent_cannot_read_candidates(self):
        applicant = self.env['hr.applicant'].create({'name': '客服代表应聘', 'partner_name': '陈晓',
                                                     'email_from': 'chen.xiao@example.com',
                                                     'job_id': self.job.id})
        with self.assertRaises(AccessError):
            applicant.sudo(self.agent).read(['partner_name', 'email_from'])
        with self.assertRaises(AccessError):
            self.env['hr.applicant'].sudo(self.agent).search([])
        self.assertEqual(applicant.sudo(self.recruiter).read(['partner_name'])[0]['partner_name'], '陈晓')

    def test_an_agent_reads_channels_but_cannot_change_them(self):
        self.assertEqual(self.channel_campus.sudo(self.agent).name, '测试校园招聘')
        with self.assertRaises(AccessError):
            self.env['cs.recruit.channel'].sudo(self.agent).create({'name': '测试', 'kind': 'online'})

    def test_only_recruitment_managers_delete_channels(self):
        channel = self.env['cs.recruit.channel'].sudo(self.recruiter).create({'name': '测试网招',
                                                                                'kind': 'online'})
        channel.sudo(self.recruiter).write({'kind': 'referral'})
        with self.assertRaises(AccessError):
            channel.sudo(self.recruiter).unlink()
        channel.sudo(self.recruitment_manager).unlink()
        self.assertFalse(channel.exists())

    def test_recruiters_and_not_agents_reach_the_recruitment_menu(self):
        menu = self.env.ref('cs_recruit.hr_job_menu_cs_requisition')
        root = self.env.ref('cs_helpdesk.cs_root_menu')
        work_orders = self.env.ref('cs_helpdesk.cs_ticket_root_menu')
        Menu = self.env['ir.ui.menu']
        self.assertTrue({menu.id, root.id} <= Menu.sudo(self.recruiter)._visible_menu_ids())
        self.assertNotIn(work_orders.id, Menu.sudo(self.recruiter)._visible_menu_ids())
        self.assertNotIn(menu.id, Menu.sudo(self.agent)._visible_menu_ids())
        self.assertIn(work_orders.id, Menu.sudo(self.agent)._visible_menu_ids())
