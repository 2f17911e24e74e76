"""Outbound campaigns (C6): list generation, do-not-call list, scripts, attempts, figures, alert, access."""
import tempfile
from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import config, mute_logger

from .common import CallCenterCase

YEAR = date.today().year


class CampaignCase(CallCenterCase):
    """Campaign 外呼测试 of team A (owner leader Wang), worked by agents Zhang and Li.

    Customers: 陈静 (female, 30–39, mobile), 赵刚 (male, 20–29, mobile), 钱多 (no number), 孙乐 (number on the
    do-not-call list). Scripts: general, female, female 30–39.
    """

    @classmethod
    def setUpClass(cls):
        super(CampaignCase, cls).setUpClass()
        Partner = cls.env['res.partner']
        cls.chen = Partner.create({'name': '陈静', 'customer': True, 'mobile': '13805311001', 'cs_gender': 'female',
                                   'cs_birth_year': YEAR - 35})
        cls.zhao = Partner.create({'name': '赵刚', 'customer': True, 'mobile': '13805311002', 'cs_gender': 'male',
                                   'cs_birth_year': YEAR - 25})
        cls.qian = Partner.create({'name': '钱多', 'customer': True})
        cls.sun = Partner.create({'name': '孙乐', 'customer': True, 'mobile': '13805311004'})
        cls.env['cs.dnc'].create({'phone': '138 0531 1004', 'reason': '投诉营销电话'})
        partners = cls.chen | cls.zhao | cls.qian | cls.sun
        cls.campaign = cls.env['cs.campaign'].create({
            'name': '外呼测试', 'user_id': cls.leader_a.id, 'team_id': cls.team_a.id,
            'agent_ids': [(6, 0, [cls.agent_a.id, cls.agent_a2.id])],
            'partner_domain': "[('id', 'in', %r)]" % partners.ids,
            'script_ids': [
                (0, 0, {'name': '通用', 'body': '您好,这里是客服中心。'}),
                (0, 0, {'name': '女士', 'body': '您好女士。', 'gender': 'female'}),
                (0, 0, {'name': '女士 30-39', 'body': '您好,陈女士。', 'gender': 'female', 'age_band': '30_39'}),
            ],
        })
        cls.campaign.sudo(cls.leader_a).action_start()

    def generate(self):
        return self.campaign.sudo(self.leader_a).action_generate_contacts()

    def contact_of(self, partner):
        return self.campaign.contact_ids.filtered(lambda contact: contact.partner_id == partner)

    def take(self, agent, partner):
        contact = self.contact_of(partner)
        contact.sudo().write({'user_id': agent.id})
        return contact.sudo(agent)


class TestCampaignList(CampaignCase):

    def test_generation_skips_no_number_and_do_not_call_and_runs_once(self):
        # 4 customers match; 钱多 has no number and 孙乐's is on the do-not-call list: 2 added, then none.
        self.assertEqual(self.generate(), 2)
        self.assertEqual(self.generate(), 0)
        self.assertEqual(set(self.campaign.contact_ids.mapped('phone')), {'+8613805311001', '+8613805311002'})

    def test_most_specific_script_on_the_contact(self):
        self.generate()
        self.assertEqual(self.contact_of(self.chen).script_id.name, '女士 30-39')
        self.assertEqual(self.contact_of(self.zhao).script_id.name, '通用')

    def test_invalid_or_blocked_number_is_refused_naming_the_contact(self):
        Contact = self.env['cs.campaign.contact'].sudo(self.leader_a)
        with self.assertRaisesRegex(ValidationError, '12345'):
            Contact.create({'campaign_id': self.campaign.id, 'phone': '12345'})
        with self.assertRaisesRegex(ValidationError, 'do-not-call'):
            Contact.create({'campaign_id': self.campaign.id, 'phone': '13805311004'})

    @mute_logger('odoo.sql_db')
    def test_import_reports_the_invalid_line_and_writes_nothing(self):
        csv = ('campaign_id/.id,phone\n%d,13805312001\n%d,not-a-number\n' % (self.campaign.id, self.campaign.id))
        wizard = self.env['base_import.import'].sudo(self.leader_a).create({
            'res_model': 'cs.campaign.contact', 'file': csv.encode(), 'file_type': 'text/csv',
            'file_name': 'contacts.csv'})
        messages = wizard.do(['campaign_id/.id', 'phone'], {'headers': True, 'separator': ',', 'quoting': '"'})
        self.assertTrue(messages and 'not-a-number' in messages[0]['message'], messages)
        self.assertFalse(self.campaign.contact_ids)


class TestCampaignAttempts(CampaignCase):

    def setUp(self):
        super(TestCampaignAttempts, self).setUp()
        self.generate()

    def test_next_contact_gives_a_free_contact_then_due_callbacks(self):
        action = self.env['cs.campaign.contact'].sudo(self.agent_a).action_next_contact()
        contact = self.env['cs.campaign.contact'].browse(action['res_id'])
        self.assertEqual(contact.user_id, self.agent_a)
        contact.sudo(self.agent_a).action_log_attempt('callback', callback_date=str(date.today()))
        again = self.env['cs.campaign.contact'].sudo(self.agent_a).action_next_contact()
        self.assertEqual(again['res_id'], contact.id, "a callback due today comes first")
        # Li gets the other contact; Wu works no campaign and gets his empty list.
        other = self.env['cs.campaign.contact'].sudo(self.agent_a2).action_next_contact()
        self.assertNotEqual(other['res_id'], contact.id)
        self.assertFalse(self.env['cs.campaign.contact'].sudo(self.agent_b).action_next_contact().get('res_id'))

    def test_max_attempts_exhaust_the_contact(self):
        contact = self.take(self.agent_a, self.zhao)
        contact.action_log_attempt('busy')
        contact.action_log_attempt('no_answer')
        self.assertEqual(contact.state, 'pending')
        contact.action_log_attempt('switched_off')  # the 3rd of max 3
        self.assertEqual((contact.state, contact.attempt_count), ('exhausted', 3))
        with self.assertRaisesRegex(UserError, '赵刚'):
            contact.action_log_attempt('busy')

    def test_bad_outcomes_are_refused_and_nothing_written(self):
        contact = self.take(self.agent_a, self.zhao)
        with self.assertRaisesRegex(UserError, '赵刚'):
            contact.action_log_attempt('hung_up')
        with self.assertRaisesRegex(UserError, 'date'):
            contact.action_log_attempt('callback')
        self.assertEqual((contact.attempt_count, len(contact.attempt_ids)), (0, 0))

    def test_callback_is_an_activity_on_its_date(self):
        contact = self.take(self.agent_a, self.chen)
        contact.action_log_attempt('callback', note='晚上再打', callback_date='2030-01-15')
        self.assertEqual((contact.state, contact.callback_date), ('callback', '2030-01-15'))
        activity = self.env['mail.activity'].search([('res_model', '=', 'cs.campaign.contact'),
                                                     ('res_id', '=', contact.id)])
        self.assertEqual((activity.user_id, activity.date_deadline), (self.agent_a, '2030-01-15'))

    def test_do_not_call_blocks_logging(self):
        contact = self.take(self.agent_a, self.chen)
        self.env['cs.dnc'].create({'phone': '+8613805311001'})
        with self.assertRaisesRegex(UserError, 'do-not-call'):
            contact.action_log_attempt('busy')

    def test_figures_and_report(self):
        zhao, chen = self.take(self.agent_a, self.zhao), self.take(self.agent_a2, self.chen)
        zhao.action_log_attempt('busy')
        zhao.action_log_attempt('success')
        chen.action_log_attempt('connected')
        chen.action_log_attempt('refused', refusal_reason_id=self.env.ref('cs_callcenter.refusal_reason_price').id)
        # 4 attempts, 3 connected (success, connected, refused), 1 success:
        # connect rate 3/4 = 75 %, success rate 1/3 = 33.33 %.
        campaign = self.campaign
        self.assertEqual((campaign.attempt_count, campaign.connected_count, campaign.success_count), (4, 3, 1))
        self.assertAlmostEqual(campaign.connect_rate, 75.0)
        self.assertAlmostEqual(campaign.success_rate, 100.0 / 3, places=2)
        Report = self.env['cs.campaign.report'].sudo(self.leader_a)
        total = Report.read_group([('campaign_id', '=', campaign.id)],
                                  ['attempt_count', 'connected_count', 'connect_rate', 'success_rate'], [])[0]
        self.assertEqual((total['attempt_count'], total['connected_count']), (4, 3))
        self.assertAlmostEqual(total['connect_rate'], 75.0)
        self.assertAlmostEqual(total['success_rate'], 100.0 / 3, places=2)
        # Per agent: Zhang 2 attempts, 1 connected (the success): 50 % and 100 %; Li 2 connected, 0 %.
        by_agent = {group['user_id'][0]: group for group in Report.read_group(
            [('campaign_id', '=', campaign.id)], ['user_id', 'connect_rate', 'success_rate'], ['user_id'])}
        self.assertAlmostEqual(by_agent[self.agent_a.id]['connect_rate'], 50.0)
        self.assertAlmostEqual(by_agent[self.agent_a.id]['success_rate'], 100.0)
        self.assertAlmostEqual(by_agent[self.agent_a2.id]['success_rate'], 0.0)
        # Per segment: the female 30–39 segment is 陈静's 2 connected attempts, no success.
        segment = Report.read_group([('campaign_id', '=', campaign.id), ('gender', '=', 'female')],
                                    ['age_band', 'attempt_count', 'refused_count'], ['age_band'])
        self.assertEqual([(group['age_band'], group['attempt_count'], group['refused_count']) for group in segment],
                         [('30_39', 2, 1)])

    def test_low_success_alert_gives_the_owner_one_activity(self):
        self.campaign.write({'alert_min_connected': 2, 'success_alert_percent': 1.0})
        zhao, chen = self.take(self.agent_a, self.zhao), self.take(self.agent_a, self.chen)
        zhao.action_log_attempt('refused')
        self.assertFalse(self.campaign.low_success)  # 1 connected < 2
        chen.action_log_attempt('connected')
        # 2 connected, 0 successes: 0 % < 1 % → alert.
        self.assertTrue(self.campaign.low_success)
        chen.action_log_attempt('refused')
        activities = self.env['mail.activity'].search([('res_model', '=', 'cs.campaign'),
                                                       ('res_id', '=', self.campaign.id)])
        self.assertEqual((len(activities), activities.user_id), (1, self.leader_a))

    def test_outbound_ring_links_the_call_to_the_attempt(self):
        contact = self.take(self.agent_a, self.zhao)
        call = self.cti('ring', call_id='t-out-1', direction='out', **{'from': '7001', 'to': '13805311002'})
        self.assertEqual(contact.call_id, call)
        attempt_id = contact.action_log_attempt('no_answer')
        self.assertEqual(self.env['cs.campaign.attempt'].browse(attempt_id).call_id, call)
        self.assertFalse(contact.call_id)

    def test_summary_pdf_renders(self):
        self.take(self.agent_a, self.zhao).action_log_attempt('refused')
        report = self.env['ir.actions.report']._get_report_from_name('cs_callcenter.report_campaign_summary')
        html = report.sudo(self.leader_a).render_qweb_html(self.campaign.ids)[0]
        self.assertIn('外呼测试', html.decode())
        # Under tests Odoo renders HTML unless a report directory is set: set one for a real wkhtmltopdf run.
        with tempfile.TemporaryDirectory() as folder, patch.dict(config.options, {'test_report_directory': folder}):
            pdf = report.sudo(self.leader_a).render_qweb_pdf(self.campaign.ids)[0]
        self.assertTrue(pdf.startswith(b'%PDF'))


class TestCampaignAccess(CampaignCase):

    def setUp(self):
        super(TestCampaignAccess, self).setUp()
        self.generate()
        self.zhao_contact = self.take(self.agent_a, self.zhao)

    def test_agents_see_their_own_contacts_only(self):
        Contact = self.env['cs.campaign.contact']
        self.assertEqual(Contact.sudo(self.agent_a).search([('campaign_id', '=', self.campaign.id)]),
                         self.contact_of(self.zhao))
        self.assertFalse(Contact.sudo(self.agent_a2).search([('campaign_id', '=', self.campaign.id)]))
        with self.assertRaises(AccessError):
            self.contact_of(self.zhao).sudo(self.agent_a2).action_log_attempt('busy')

    def test_agents_see_their_own_attempts_only(self):
        self.zhao_contact.action_log_attempt('busy')
        Attempt = self.env['cs.campaign.attempt']
        self.assertEqual(len(Attempt.sudo(self.agent_a).search([])), 1)
        self.assertFalse(Attempt.sudo(self.agent_a2).search([]))

    def test_leaders_see_their_teams_campaigns_and_supervisors_all(self):
        Campaign = self.env['cs.campaign']
        self.assertIn(self.campaign, Campaign.sudo(self.leader_a).search([]))
        self.assertNotIn(self.campaign, Campaign.sudo(self.leader_b).search([]))
        self.assertIn(self.campaign, Campaign.sudo(self.supervisor).search([]))
        self.assertNotIn(self.campaign, Campaign.sudo(self.inspector).search([]))  # works no campaign
        self.assertNotIn(self.campaign, Campaign.sudo(self.agent_b).search([]))
        with self.assertRaises(AccessError):
            self.campaign.sudo(self.leader_b).action_generate_contacts()

    def test_agents_cannot_manage_or_forge_figures(self):
        with self.assertRaises(AccessError):
            self.campaign.sudo(self.agent_a).action_generate_contacts()
        with self.assertRaises(AccessError):
            self.campaign.sudo(self.agent_a).action_start()
        with self.assertRaises(AccessError):
            self.campaign.sudo(self.leader_a).write({'success_count': 99})
        with self.assertRaises(AccessError):
            self.contact_of(self.zhao).sudo(self.leader_a).write({'state': 'done'})
        with self.assertRaises(AccessError):
            self.env['cs.campaign.attempt'].sudo(self.supervisor).create({
                'contact_id': self.zhao_contact.id, 'campaign_id': self.campaign.id, 'outcome': 'success'})

    def test_trainers_and_recruiters_see_none(self):
        trainer = self._make_user('t_trainer', '周敏', 'group_cs_trainer')
        self.assertFalse(self.env['cs.campaign.contact'].sudo(trainer).search([]))
        self.assertFalse(self.env['cs.campaign'].sudo(trainer).search([('id', '=', self.campaign.id)]))
        recruiter = self.env['res.users'].create({'login': 't_recruiter', 'name': '何芳', 'groups_id': [
            (6, 0, [self.env.ref('base.group_user').id])]})
        with self.assertRaises(AccessError):
            self.env['cs.campaign'].sudo(recruiter).search([])
