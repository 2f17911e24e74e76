"""Who sees which calls: agents their own, leaders their teams', QA all (read only), recordings QA and above."""
from odoo.exceptions import AccessError

from .common import CallCenterCase


class TestCallAccess(CallCenterCase):

    @classmethod
    def setUpClass(cls):
        super(TestCallAccess, cls).setUpClass()
        Call = cls.env['cs.call']
        base = {'direction': 'in', 'status': 'answered', 'recording_url': 'https://pbx.example.com/r.wav',
                'date_start': '2024-05-01 01:30:00'}
        cls.call_a = Call.create(dict(base, call_uid='t-acc-a', queue_id=cls.queue_a.id, agent_id=cls.agent_a.id))
        cls.call_a2 = Call.create(dict(base, call_uid='t-acc-a2', queue_id=cls.queue_a.id, agent_id=cls.agent_a2.id))
        cls.call_b = Call.create(dict(base, call_uid='t-acc-b', queue_id=cls.queue_b.id, agent_id=cls.agent_b.id))
        cls.mine = cls.call_a | cls.call_a2 | cls.call_b

    def visible(self, user):
        return self.env['cs.call'].sudo(user).search([('id', 'in', self.mine.ids)])

    def test_an_agent_sees_only_their_own_calls(self):
        self.assertEqual(self.visible(self.agent_a), self.call_a)
        with self.assertRaises(AccessError):
            self.call_a2.sudo(self.agent_a).read(['caller_number'])
        with self.assertRaises(AccessError):
            self.call_a2.sudo(self.agent_a).write({'disposition': 'x'})

    def test_an_agent_cannot_create_or_delete_calls(self):
        with self.assertRaises(AccessError):
            self.env['cs.call'].sudo(self.agent_a).create({'call_uid': 't-acc-new'})
        with self.assertRaises(AccessError):
            self.call_a.sudo(self.agent_a).unlink()

    def test_a_leader_sees_the_calls_of_their_team(self):
        self.assertEqual(self.visible(self.leader_a), self.call_a | self.call_a2)
        self.assertEqual(self.visible(self.leader_b), self.call_b)

    def test_supervisors_directors_and_inspectors_see_all(self):
        self.assertEqual(self.visible(self.supervisor), self.mine)
        self.assertEqual(self.visible(self.director), self.mine)
        self.assertEqual(self.visible(self.inspector), self.mine)
        with self.assertRaises(AccessError):
            self.call_b.sudo(self.inspector).write({'disposition': 'x'})

    def test_recordings_only_for_qa_and_above(self):
        with self.assertRaises(AccessError):
            self.call_a.sudo(self.agent_a).read(['recording_url'])
        self.assertNotIn('recording_url', self.env['cs.call'].sudo(self.agent_a).fields_get())
        self.assertEqual(self.call_a.sudo(self.inspector).recording_url, 'https://pbx.example.com/r.wav')
        self.assertEqual(self.call_a.sudo(self.leader_a).recording_url, 'https://pbx.example.com/r.wav')

    def test_only_directors_configure_the_pbx(self):
        with self.assertRaises(AccessError):
            self.pbx.sudo(self.supervisor).write({'name': 'x'})
        with self.assertRaises(AccessError):
            self.env['cs.pbx'].sudo(self.agent_a).search([])
