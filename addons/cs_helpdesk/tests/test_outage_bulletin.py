from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import HelpdeskCase

CUSTOMER_MESSAGE = "Service restored: broadband is back in Lixia district."
TITLE = "Test outage: fibre cut in Lixia"


class TestOutageBulletin(HelpdeskCase):
    """H11: an active mass-outage bulletin shows on the open orders of its services and closes them all."""

    @classmethod
    def setUpClass(cls):
        super(TestOutageBulletin, cls).setUpClass()
        cls.broadband = cls.env.ref('cs_helpdesk.service_broadband')
        cls.cable_tv = cls.env.ref('cs_helpdesk.service_cable_tv')
        cls.customer_b = cls.env['res.partner'].create({
            'name': '陈玉兰', 'mobile': '13805310003', 'city': '济南市', 'street': '历下区解放路 8 号',
        })
        # The database may hold demo bulletins: the tests start with no outage going on.
        cls.env['cs.outage.bulletin'].search([('state', '=', 'active')]).write({'state': 'cancelled'})

    def new_ticket(self, user, **values):
        """A work order created by ``user``, read back as the administrator (record rules aside)."""
        return self.create_ticket(user, **values).sudo()

    def publish_bulletin(self, **values):
        """A leader publishes a broadband outage that started an hour ago."""
        values.setdefault('name', TITLE)
        values.setdefault('service_ids', [(6, 0, self.broadband.ids)])
        values.setdefault('area', '历下区')
        values.setdefault('description', 'Fibre cut by road works; repair crew on site.')
        values.setdefault('customer_message', CUSTOMER_MESSAGE)
        values.setdefault('date_start', fields.Datetime.to_string(datetime.now() - timedelta(hours=1)))
        bulletin = self.env['cs.outage.bulletin'].sudo(self.leader_a).create(values)
        bulletin.action_activate()
        return bulletin

    def customer_messages(self, ticket, partner):
        return self.env['mail.message'].search([
            ('model', '=', 'cs.ticket'), ('res_id', '=', ticket.id), ('message_type', '=', 'comment'),
            ('partner_ids', 'in', partner.ids),
        ])

    def test_the_banner_shows_on_open_orders_of_the_affected_service_only(self):
        broadband_ticket = self.new_ticket(self.agent_a, service_id=self.broadband.id)
        cable_ticket = self.new_ticket(self.agent_a, name='电视无信号', service_id=self.cable_tv.id)
        resolved_ticket = self.new_ticket(self.agent_a, service_id=self.broadband.id,
                                             stage_id=self.stage_resolved.id)
        bulletin = self.publish_bulletin()

        as_agent = broadband_ticket.sudo(self.agent_a)
        self.assertTrue(as_agent.has_active_outage)
        self.assertEqual(as_agent.active_outage_ids.mapped('name'), [TITLE],
                         "the agent reads the bulletin on the order")
        self.assertFalse(cable_ticket.sudo(self.agent_a).has_active_outage, "another service is not affected")
        self.assertFalse(resolved_ticket.sudo(self.agent_a).has_active_outage, "only open orders show it")

        bulletin.sudo(self.leader_a).action_resolve()
        broadband_ticket.invalidate_cache()
        self.assertFalse(broadband_ticket.sudo(self.agent_a).has_active_outage, "a resolved outage is gone")

    def test_a_draft_bulletin_shows_nowhere(self):
        ticket = self.new_ticket(self.agent_a, service_id=self.broadband.id)
        self.env['cs.outage.bulletin'].sudo(self.leader_a).create({
            'name': 'Planned works', 'service_ids': [(6, 0, self.broadband.ids)]})
        self.assertFalse(ticket.has_active_outage)

    def test_an_agent_links_their_order_to_the_outage_of_its_service(self):
        bulletin = self.publish_bulletin()
        ticket = self.new_ticket(self.agent_a, service_id=self.broadband.id)
        ticket.sudo(self.agent_a).action_link_outage()
        self.assertEqual(ticket.outage_id, bulletin)

        cable_ticket = self.new_ticket(self.agent_a, name='电视无信号', service_id=self.cable_tv.id)
        with self.assertRaises(UserError):
            cable_ticket.sudo(self.agent_a).action_link_outage()

    def test_link_open_orders_of_the_affected_services_since_the_outage_started(self):
        # Team A's and team B's broadband orders are linked: a mass outage crosses teams.
        own_team = self.new_ticket(self.agent_a, service_id=self.broadband.id)
        other_team = self.new_ticket(self.agent_b, service_id=self.broadband.id, partner_id=self.customer_b.id)
        cable = self.new_ticket(self.agent_a, name='电视无信号', service_id=self.cable_tv.id)
        closed = self.new_ticket(self.agent_a, service_id=self.broadband.id)
        closed.write({'stage_id': self.stage_closed.id, 'resolution': 'Router restarted.'})
        earlier = self.new_ticket(self.agent_a, service_id=self.broadband.id)
        self.env.cr.execute("UPDATE cs_ticket SET create_date = create_date - interval '2 days' WHERE id = %s",
                            [earlier.id])
        earlier.invalidate_cache()
        bulletin = self.publish_bulletin()

        bulletin.sudo(self.leader_a).action_link_open_tickets()

        self.assertEqual(bulletin.sudo().ticket_ids, own_team | other_team)
        self.assertEqual(bulletin.ticket_count, 2)
        self.assertEqual(bulletin.open_ticket_count, 2)
        self.assertFalse((cable | closed | earlier).mapped('outage_id'),
                         "another service, a closed order and an order from before the outage stay unlinked")

    def test_resolving_closes_every_linked_order_and_tells_each_customer(self):
        bulletin = self.publish_bulletin()
        repair = self.new_ticket(self.agent_a, type_id=self.type_repair.id, service_id=self.broadband.id,
                                    outage_id=bulletin.id)
        repair.write({'stage_id': self.stage_assigned.id})
        complaint = self.new_ticket(self.agent_b, name='投诉宽带断网', type_id=self.type_complaint.id,
                                       partner_id=self.customer_b.id, service_id=self.broadband.id,
                                       outage_id=bulletin.id)
        anonymous = self.new_ticket(self.agent_a, name='来电询问断网', partner_id=False, phone=False,
                                       service_id=self.broadband.id, outage_id=bulletin.id)
        closed_before = self.new_ticket(self.agent_a, service_id=self.broadband.id, outage_id=bulletin.id)
        closed_before.write({'stage_id': self.stage_closed.id, 'resolution': 'Router restarted.'})
        messages_before = self.env['mail.message'].search_count(
            [('model', '=', 'cs.ticket'), ('res_id', '=', closed_before.id)])

        bulletin.sudo(self.leader_a).action_resolve()

        self.assertEqual(bulletin.state, 'resolved')
        self.assertTrue(bulletin.date_resolved)
        for ticket in repair | complaint | anonymous:
            self.assertEqual(ticket.stage_id.kind, 'closed', ticket.name)
            self.assertEqual(ticket.resolution, CUSTOMER_MESSAGE, ticket.name)
        self.assertEqual(complaint.root_cause, TITLE, "the outage is the complaint's root cause")
        self.assertEqual(len(self.customer_messages(repair, self.customer)), 1)
        self.assertIn(CUSTOMER_MESSAGE, self.customer_messages(repair, self.customer).body)
        self.assertEqual(len(self.customer_messages(complaint, self.customer_b)), 1)
        note = self.env['mail.message'].search([
            ('model', '=', 'cs.ticket'), ('res_id', '=', anonymous.id),
            ('subtype_id', '=', self.env.ref('mail.mt_note').id), ('body', 'ilike', TITLE)])
        self.assertEqual(len(note), 1, "an order without a customer gets an internal note")

        self.assertEqual(closed_before.resolution, 'Router restarted.', "an order closed before is left alone")
        self.assertEqual(self.env['mail.message'].search_count(
            [('model', '=', 'cs.ticket'), ('res_id', '=', closed_before.id)]), messages_before)
        self.assertEqual(bulletin.open_ticket_count, 0)
        self.assertEqual(bulletin.ticket_count, 4)

    def test_a_resolved_bulletin_cannot_be_resolved_again(self):
        bulletin = self.publish_bulletin()
        bulletin.sudo(self.leader_a).action_resolve()
        with self.assertRaises(UserError) as raised:
            bulletin.sudo(self.leader_a).action_resolve()
        self.assertIn('already resolved', raised.exception.name)

    def test_an_agent_can_neither_publish_nor_resolve_a_bulletin(self):
        with self.assertRaises(AccessError):
            self.env['cs.outage.bulletin'].sudo(self.agent_a).create({
                'name': 'Outage', 'service_ids': [(6, 0, self.broadband.ids)]})
        bulletin = self.publish_bulletin()
        ticket = self.new_ticket(self.agent_a, service_id=self.broadband.id, outage_id=bulletin.id)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            bulletin.sudo(self.agent_a).action_resolve()
        bulletin.invalidate_cache()
        ticket.invalidate_cache()
        self.assertEqual(bulletin.state, 'active')
        self.assertNotEqual(ticket.stage_id.kind, 'closed')
