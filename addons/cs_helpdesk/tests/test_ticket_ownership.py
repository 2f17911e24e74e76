from odoo.exceptions import UserError

from .common import HelpdeskCase


class TestTicketOwnership(HelpdeskCase):
    """H1 closed loop and H3 first-contact ownership (首问负责制)."""

    def test_an_agent_recording_a_call_owns_the_order(self):
        ticket = self.create_ticket(self.agent_a)
        self.assertTrue(ticket.number.startswith('WO'), "a sequence number is given on save")
        self.assertEqual(ticket.user_id, self.agent_a)
        self.assertEqual(ticket.owner_id, self.agent_a)
        self.assertEqual(ticket.team_id, self.team_a, "the agent's team is the default team")
        self.assertEqual(ticket.stage_id, self.stage_new)
        self.assertIn(self.agent_a.partner_id, ticket.message_partner_ids)

    def test_the_customer_file_fills_the_contact(self):
        ticket = self.create_ticket(self.agent_a)
        self.assertEqual(ticket.phone, '13805310001')
        self.assertEqual(ticket.email, 'ma.jianguo@example.com')
        self.assertEqual(ticket.address, '济南市历下区经十路 100 号2单元301室')

    def test_numbers_follow_each_other(self):
        first = self.create_ticket(self.agent_a)
        second = self.create_ticket(self.agent_a)
        self.assertNotEqual(first.number, second.number)
        self.assertEqual(second.copy().owner_id, self.agent_a, "a copy is a new order of whoever copies it")

    def test_a_transfer_keeps_the_owner_following_and_is_logged(self):
        ticket = self.create_ticket(self.agent_a)
        ticket.sudo(self.leader_a).write({'user_id': self.agent_a2.id})
        self.assertEqual(ticket.owner_id, self.agent_a)
        self.assertEqual(ticket.user_id, self.agent_a2)
        self.assertIn(self.agent_a.partner_id, ticket.message_partner_ids)
        self.assertIn(self.agent_a2.partner_id, ticket.message_partner_ids)
        transfer_notes = ticket.message_ids.filtered(
            lambda message: self.agent_a.name in (message.body or '') and self.agent_a2.name in (message.body or ''))
        self.assertEqual(len(transfer_notes), 1, "the transfer is logged once, naming both agents")

    def test_the_owner_cannot_be_replaced(self):
        ticket = self.create_ticket(self.agent_a)
        with self.assertRaises(UserError):
            ticket.sudo(self.director).write({'owner_id': self.agent_a2.id})
        self.assertEqual(ticket.owner_id, self.agent_a)

    def test_the_owner_is_told_the_outcome(self):
        ticket = self.create_ticket(self.agent_a)
        ticket.sudo(self.leader_a).write({'user_id': self.agent_a2.id})
        ticket.sudo(self.agent_a2).write({'resolution': '已更换光猫,恢复上网', 'stage_id': self.stage_closed.id})
        outcome = ticket.message_ids.filtered(lambda message: self.agent_a.partner_id in message.partner_ids)
        self.assertEqual(len(outcome), 1, "exactly one message addressed to the owner")
        self.assertIn('已更换光猫', outcome.body)
        self.assertTrue(ticket.date_closed)
        self.assertTrue(ticket.date_resolved, "closing an order also resolves it")
        self.assertTrue(ticket.date_first_response)

    def test_an_owner_closing_their_own_order_gets_no_message(self):
        ticket = self.create_ticket(self.agent_a)
        ticket.sudo(self.agent_a).write({'stage_id': self.stage_closed.id})
        self.assertFalse(ticket.message_ids.filtered(lambda message: self.agent_a.partner_id in message.partner_ids))

    def test_reopening_clears_the_closing_dates(self):
        ticket = self.create_ticket(self.agent_a)
        ticket.sudo(self.agent_a).write({'stage_id': self.stage_closed.id})
        ticket.sudo(self.agent_a).write({'stage_id': self.stage_assigned.id})
        self.assertFalse(ticket.date_closed)
        self.assertFalse(ticket.date_resolved)
        self.assertTrue(ticket.date_first_response, "the first response stays where it was")

    def test_a_reply_to_the_customer_is_the_first_response(self):
        ticket = self.create_ticket(self.agent_a)
        ticket.sudo(self.agent_a).message_post(body='内部备注', subtype='mail.mt_note')
        self.assertFalse(ticket.date_first_response, "an internal note is no response")
        ticket.sudo(self.agent_a).message_post(body='您好,已为您安排维修。', message_type='comment',
                                                 subtype='mail.mt_comment')
        self.assertTrue(ticket.date_first_response)

    def test_an_unassigned_order_gets_its_owner_on_first_assignment(self):
        ticket = self.env['cs.ticket'].with_context(cs_mail_gateway=True).create({
            'name': '网上留言:查询账单', 'team_id': self.team_a.id, 'user_id': False, 'channel': 'web'})
        self.assertFalse(ticket.owner_id)
        ticket.sudo(self.agent_a2).action_assign_to_me()
        self.assertEqual(ticket.owner_id, self.agent_a2)
        ticket.sudo(self.leader_a).write({'user_id': self.agent_a.id})
        self.assertEqual(ticket.owner_id, self.agent_a2, "later assignments do not move the owner")
