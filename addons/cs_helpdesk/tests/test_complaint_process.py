from odoo.exceptions import AccessError, UserError, ValidationError

from .common import HelpdeskCase


class TestComplaintRouting(HelpdeskCase):
    """H4/H6: complaints go where their level says, and keep their first-contact owner."""

    def complaint(self, level):
        return self.create_ticket(self.agent_a, type_id=self.type_complaint.id, complaint_level=level)

    def test_a_normal_or_hotline_complaint_stays_with_the_agent(self):
        self.assertEqual(self.complaint('normal').user_id, self.agent_a)
        self.assertEqual(self.complaint('hotline').user_id, self.agent_a)
        self.assertEqual(self.create_ticket(self.agent_a, type_id=self.type_complaint.id).complaint_level, 'normal')

    def test_a_city_complaint_goes_to_the_shift_leader(self):
        ticket = self.complaint('city')
        self.assertEqual(ticket.user_id, self.leader_a)
        self.assertEqual(ticket.owner_id, self.agent_a)
        self.assertIn(self.agent_a.partner_id, ticket.message_partner_ids)
        self.assertTrue(ticket.message_ids.filtered(lambda message: self.leader_a.name in (message.body or '')))

    def test_a_provincial_complaint_goes_to_the_supervisor(self):
        self.assertEqual(self.complaint('province').user_id, self.supervisor)

    def test_changing_the_level_reroutes(self):
        ticket = self.complaint('normal')
        ticket.sudo(self.agent_a).write({'complaint_level': 'city'})
        self.assertEqual(ticket.user_id, self.leader_a)
        ticket.sudo(self.leader_a).write({'complaint_level': 'province'})
        self.assertEqual(ticket.user_id, self.supervisor)
        ticket.sudo(self.supervisor).write({'complaint_level': 'hotline'})
        self.assertEqual(ticket.user_id, self.agent_a, "back to the first-contact owner")

    def test_a_city_complaint_in_a_team_without_leader_is_refused(self):
        self.team_a.leader_id = False
        with self.assertRaises(UserError):
            self.complaint('city')

    def test_other_types_are_not_routed(self):
        ticket = self.create_ticket(self.agent_a, type_id=self.type_consult.id, complaint_level='city')
        self.assertEqual(ticket.user_id, self.agent_a)


class TestComplaintClosing(HelpdeskCase):

    def test_a_complaint_needs_root_cause_and_resolution_to_close(self):
        closed = self.env.ref('cs_helpdesk.stage_closed')
        ticket = self.create_ticket(self.agent_a, type_id=self.type_complaint.id, resolution='已致歉并补偿')
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            ticket.sudo(self.agent_a).write({'stage_id': closed.id})
        ticket.sudo(self.agent_a).write({'root_cause': '装维人员未按约定时间上门', 'stage_id': closed.id})
        self.assertEqual(ticket.stage_id, closed)
        self.assertTrue(ticket.closed_in_time, "closed long before its 48-hour limit")

    def test_other_orders_close_without_root_cause(self):
        ticket = self.create_ticket(self.agent_a, type_id=self.type_consult.id)
        ticket.sudo(self.agent_a).write({'stage_id': self.stage_closed.id})
        self.assertEqual(ticket.stage_id, self.stage_closed)


class TestAgentFeedback(HelpdeskCase):
    """Complaints and praise concerning an agent are recorded by a quality inspector."""

    def record(self, ticket, agent, kind='complaint'):
        action = ticket.sudo(self.inspector).action_record_agent_feedback()
        defaults = {key[len('default_'):]: value for key, value in action['context'].items()}
        defaults.update(agent_id=agent.id, kind=kind, description='录音显示坐席未使用标准结束语')
        return self.env['cs.agent.feedback'].sudo(self.inspector).create(defaults)

    def test_an_inspector_records_a_complaint_against_the_owner(self):
        ticket = self.create_ticket(self.agent_a, type_id=self.type_complaint.id, complaint_level='hotline')
        action = ticket.sudo(self.inspector).action_record_agent_feedback()
        self.assertEqual(action['context']['default_agent_id'], self.agent_a.id)
        feedback = self.record(ticket, self.agent_a)
        self.assertEqual(feedback.inspector_id, self.inspector)
        self.assertEqual(feedback.complaint_level, 'hotline')
        self.assertEqual(ticket.agent_feedback_count, 1)

    def test_each_agent_sees_only_what_concerns_them(self):
        ticket = self.create_ticket(self.agent_a)
        about_a = self.record(ticket, self.agent_a)
        about_b = self.record(ticket, self.agent_b, kind='praise')
        Feedback = self.env['cs.agent.feedback']
        both = [('id', 'in', (about_a | about_b).ids)]
        self.assertEqual(Feedback.sudo(self.agent_a).search(both), about_a)
        self.assertEqual(Feedback.sudo(self.agent_b).search(both), about_b)
        self.assertEqual(Feedback.sudo(self.leader_a).search(both), about_a, "a leader sees their team's")
        self.assertEqual(Feedback.sudo(self.supervisor).search(both), about_a | about_b)

    def test_an_agent_cannot_record_or_change_feedback(self):
        ticket = self.create_ticket(self.agent_a)
        with self.assertRaises(AccessError):
            self.env['cs.agent.feedback'].sudo(self.agent_a).create({
                'ticket_id': ticket.id, 'agent_id': self.agent_b.id, 'kind': 'complaint', 'description': 'x'})
        feedback = self.record(ticket, self.agent_a)
        with self.assertRaises(AccessError):
            feedback.sudo(self.agent_a).write({'kind': 'praise'})
