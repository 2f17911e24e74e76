"""Agent status (C5): changed from the web client and from CTI events, logged with durations."""
from odoo.exceptions import AccessError, UserError

from .common import CallCenterCase


class TestAgentStatus(CallCenterCase):

    def log(self, user):
        return self.env['cs.agent.status'].search([('user_id', '=', user.id)], order='date_start, id')

    def test_changes_are_logged_with_their_durations(self):
        Status = self.env['cs.agent.status']
        Status._set_state(self.agent_a, 'ready', '2024-05-01 01:00:00')
        Status._set_state(self.agent_a, 'break', '2024-05-01 01:25:00')
        Status._set_state(self.agent_a, 'ready', '2024-05-01 01:40:00')
        # 01:00 → 01:25 = 1500 s ready; 01:25 → 01:40 = 900 s on break; the last period is open.
        self.assertEqual([(s.state, s.duration_seconds, bool(s.date_end)) for s in self.log(self.agent_a)],
                         [('ready', 1500, True), ('break', 900, True), ('ready', 0, False)])
        self.assertEqual(self.agent_a.cs_agent_state, 'ready')

    def test_the_agent_changes_their_status_from_the_web_client(self):
        info = self.env['cs.agent.status'].sudo(self.agent_a).set_my_state('meal')
        self.assertEqual((info['state'], self.agent_a.cs_agent_state), ('meal', 'meal'))
        self.assertIn(['ready', 'Ready'], [list(choice) for choice in info['choices']])
        with self.assertRaises(UserError):
            self.env['cs.agent.status'].sudo(self.agent_a).set_my_state('on_call')

    def test_cti_events_put_the_agent_on_call_then_in_after_call_work(self):
        self.env['cs.agent.status']._set_state(self.agent_a, 'ready', '2024-05-01 01:00:00')
        self.cti('ring', timestamp='2024-05-01T09:30:00+08:00')
        self.cti('answer', timestamp='2024-05-01T09:30:12+08:00', agent='7001')
        self.cti('hangup', timestamp='2024-05-01T09:33:12+08:00')
        self.assertEqual([(s.state, s.duration_seconds, s.source) for s in self.log(self.agent_a)],
                         [('ready', 1812, 'manual'), ('on_call', 180, 'cti'), ('acw', 0, 'cti')])
        # A late duplicate answer does not turn the clock back.
        self.cti('answer', timestamp='2024-05-01T09:30:12+08:00', agent='7001')
        self.assertEqual(self.agent_a.cs_agent_state, 'acw')

    def test_agents_read_only_their_own_log_and_leaders_their_teams(self):
        Status = self.env['cs.agent.status']
        own = Status._set_state(self.agent_a, 'ready')
        other = Status._set_state(self.agent_b, 'ready')
        self.assertEqual(Status.sudo(self.agent_a).search([('id', 'in', (own | other).ids)]), own)
        self.assertEqual(Status.sudo(self.leader_a).search([('id', 'in', (own | other).ids)]), own)
        with self.assertRaises(AccessError):
            own.sudo(self.agent_a).write({'state': 'ready', 'duration_seconds': 0})
