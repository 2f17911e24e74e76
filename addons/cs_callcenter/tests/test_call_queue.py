from odoo.exceptions import AccessError, ValidationError
from odoo.tests.common import SavepointCase


class TestCallQueue(SavepointCase):
    """Queues carry the S4 service-level defaults; agents are known to the PBX by a unique extension."""

    @classmethod
    def setUpClass(cls):
        super(TestCallQueue, cls).setUpClass()
        Users = cls.env['res.users'].with_context(no_reset_password=True)
        cls.agent = Users.create({'login': 't_cc_agent', 'name': '张伟', 'cs_extension': '8801',
                                  'groups_id': [(6, 0, [cls.env.ref('cs_helpdesk.group_cs_agent').id])]})
        cls.supervisor = Users.create({'login': 't_cc_supervisor', 'name': '刘洋', 'email': 't_cc_supervisor@example.com',
                                       'groups_id': [(6, 0, [cls.env.ref('cs_helpdesk.group_cs_supervisor').id])]})
        cls.queue = cls.env['cs.call.queue'].create({'name': '测试热线', 'code': 't_hotline',
                                                     'member_ids': [(6, 0, [cls.agent.id])]})

    def test_a_new_queue_has_the_s4_service_level(self):
        # S4: respond within 8 seconds, the 5-second IVR announcement included.
        self.assertEqual(self.queue.sl_threshold_seconds, 8)
        self.assertEqual(self.queue.ivr_announcement_seconds, 5)
        self.assertEqual(self.agent.cs_queue_ids, self.queue)

    def test_an_impossible_service_level_is_refused(self):
        with self.assertRaises(ValidationError):
            self.queue.write({'sl_threshold_seconds': 0})
        with self.assertRaises(ValidationError):
            self.queue.write({'sl_target_percent': 120})
        with self.assertRaises(ValidationError):
            self.queue.write({'ivr_announcement_seconds': 8})

    def test_two_agents_cannot_share_an_extension(self):
        with self.assertRaises(ValidationError):
            self.env['res.users'].with_context(no_reset_password=True).create(
                {'login': 't_cc_agent2', 'name': '李娜', 'cs_extension': '8801'})

    def test_an_agent_reads_but_does_not_configure_queues(self):
        self.assertEqual(self.queue.sudo(self.agent).name, '测试热线')
        with self.assertRaises(AccessError):
            self.queue.sudo(self.agent).write({'sl_threshold_seconds': 20})
        self.queue.sudo(self.supervisor).write({'sl_threshold_seconds': 20})
        self.assertEqual(self.queue.sl_threshold_seconds, 20)
