from odoo.exceptions import ValidationError

from .common import HelpdeskCase


class TestTicketDispatch(HelpdeskCase):
    """Repair and complaint orders need a valid phone and address before they leave the New stage."""

    def test_a_repair_without_address_cannot_be_dispatched(self):
        ticket = self.create_ticket(self.agent_a, type_id=self.type_repair.id,
                                    partner_id=self.customer_no_address.id)
        with self.assertRaises(ValidationError) as raised, self.env.cr.savepoint():
            ticket.sudo(self.agent_a).write({'stage_id': self.stage_assigned.id})
        self.assertIn('service address is missing', raised.exception.name)
        ticket.invalidate_cache()
        self.assertEqual(ticket.stage_id, self.stage_new, "nothing was written")

    def test_a_complaint_with_a_wrong_phone_cannot_be_dispatched(self):
        ticket = self.create_ticket(self.agent_a, type_id=self.type_complaint.id, phone='1380531')
        with self.assertRaises(ValidationError) as raised:
            ticket.sudo(self.agent_a).write({'stage_id': self.stage_assigned.id})
        self.assertIn('not a valid number', raised.exception.name)

    def test_a_complete_repair_order_is_dispatched(self):
        ticket = self.create_ticket(self.agent_a, type_id=self.type_repair.id)
        ticket.sudo(self.agent_a).write({'stage_id': self.stage_assigned.id})
        self.assertEqual(ticket.stage_id, self.stage_assigned)
        self.assertTrue(ticket.date_first_response, "dispatching is the first handling")

    def test_a_repair_cannot_be_created_already_dispatched_without_phone(self):
        with self.assertRaises(ValidationError):
            self.create_ticket(self.agent_a, type_id=self.type_repair.id, partner_id=False,
                               address='历下区经十路 1 号', stage_id=self.stage_assigned.id)

    def test_clearing_the_address_of_a_dispatched_repair_is_refused(self):
        ticket = self.create_ticket(self.agent_a, type_id=self.type_repair.id)
        ticket.sudo(self.agent_a).write({'stage_id': self.stage_assigned.id})
        with self.assertRaises(ValidationError):
            ticket.sudo(self.agent_a).write({'address': ''})

    def test_an_enquiry_needs_no_address(self):
        ticket = self.create_ticket(self.agent_a, type_id=self.type_consult.id,
                                    partner_id=self.customer_no_address.id, phone=False)
        ticket.sudo(self.agent_a).write({'stage_id': self.stage_resolved.id})
        self.assertEqual(ticket.stage_id, self.stage_resolved)
