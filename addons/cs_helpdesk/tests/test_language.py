from unittest.mock import patch

from .common import HelpdeskCase


class TestMessagesInTheReadersLanguage(HelpdeskCase):
    """Issue 11.8: what the suite writes for Chinese users is in Chinese."""

    @classmethod
    def setUpClass(cls):
        super(TestMessagesInTheReadersLanguage, cls).setUpClass()
        cls.lang = cls.env['cs.demo.language']._demo_language('zh_CN')
        cls.chinese_agent = cls._make_user('t_agent_zh', '郑爽', 'group_cs_agent')
        cls.chinese_agent.write({'lang': 'zh_CN'})
        cls.team_a.member_ids = [(4, cls.chinese_agent.id)]

    def setUp(self):
        super(TestMessagesInTheReadersLanguage, self).setUp()
        if not self.lang:
            self.skipTest('zh_CN is not installed in this database')

    def test_the_assignment_notice_is_in_the_assignees_language(self):
        # Written by an English-speaking agent, read by a Chinese one: "你被指派到 工单 …", not "work order".
        ticket = self.create_ticket(self.agent_a)
        # The notice is sent at once and deleted once sent: keep it to read it.
        with patch.object(type(self.env['mail.mail']), 'unlink', lambda mails: True):
            ticket.sudo(self.agent_a).write({'user_id': self.chinese_agent.id})
        notices = self.env['mail.mail'].search([('recipient_ids', 'in', self.chinese_agent.partner_id.ids)])
        body = ' '.join(notices.mapped('body_html'))
        self.assertIn('你被指派到', body)
        self.assertIn('工单', body)
        self.assertNotIn('work order', body)

    def test_the_demo_chatter_written_in_english_is_rewritten(self):
        team = self.env['cs.team'].create({'name': '热线三组', 'code': 'T3'})
        note = team.message_ids.filtered(lambda message: 'created' in (message.body or ''))
        self.assertTrue(note, "created without a language, the team's creation note is in English")
        self.env['cs.demo.language']._translate_demo_chatter('zh_CN')
        note.invalidate_cache()
        self.assertNotIn('created', note.body)
        self.assertIn('客服班组', note.body)

    def test_the_process_writes_its_messages_in_the_users_language(self):
        ticket = self.create_ticket(self.agent_a, type_id=self.type_complaint.id)
        ticket.with_context(lang='zh_CN').write({'complaint_level': 'city'})
        routed = ticket.message_ids.filtered(lambda message: self.leader_a.name in (message.body or ''))
        self.assertTrue(routed)
        self.assertNotIn('routed', routed[0].body)

    def test_labels_whose_field_names_collide_are_translated(self):
        """cs.ticket's type_id and cs.ticket.type's id share a record name: both labels are translated."""
        self.env['ir.translation'].load_module_terms(['cs_helpdesk'], ['zh_CN'])
        labels = self.env['cs.ticket'].with_context(lang='zh_CN').fields_get(['type_id', 'stage_id'])
        self.assertNotEqual(labels['type_id']['string'], 'Type')
        self.assertNotEqual(labels['stage_id']['string'], 'Stage')
        rule = self.env['cs.return.visit'].with_context(lang='zh_CN').fields_get(['rule_id'])['rule_id']
        self.assertNotEqual(rule['string'], 'Rule')
