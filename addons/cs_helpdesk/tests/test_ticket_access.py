from odoo.exceptions import AccessError

from .common import HelpdeskCase


class TestTicketAccess(HelpdeskCase):
    """Agents see their own and their team's unassigned orders; leaders and above see their teams'."""

    @classmethod
    def setUpClass(cls):
        super(TestTicketAccess, cls).setUpClass()
        Ticket = cls.env['cs.ticket'].with_context(cs_mail_gateway=True)
        cls.own_a = Ticket.create({'name': 'A own', 'team_id': cls.team_a.id, 'user_id': cls.agent_a.id})
        cls.colleague_a2 = Ticket.create({'name': 'A2 own', 'team_id': cls.team_a.id, 'user_id': cls.agent_a2.id})
        cls.unassigned_a = Ticket.create({'name': 'A pool', 'team_id': cls.team_a.id, 'user_id': False})
        cls.unassigned_b = Ticket.create({'name': 'B pool', 'team_id': cls.team_b.id, 'user_id': False})
        cls.assigned_b = Ticket.create({'name': 'B own', 'team_id': cls.team_b.id, 'user_id': cls.agent_b.id})
        cls.all_tickets = cls.own_a | cls.colleague_a2 | cls.unassigned_a | cls.unassigned_b | cls.assigned_b

    def visible(self, user):
        return self.env['cs.ticket'].sudo(user).search([('id', 'in', self.all_tickets.ids)])

    def test_an_agent_sees_their_own_and_their_team_pool(self):
        self.assertEqual(self.visible(self.agent_a), self.own_a | self.unassigned_a)

    def test_an_agent_cannot_read_a_colleague_order(self):
        with self.assertRaises(AccessError):
            self.colleague_a2.sudo(self.agent_a).read(['name'])

    def test_an_agent_cannot_touch_another_team(self):
        with self.assertRaises(AccessError):
            self.unassigned_b.sudo(self.agent_a).write({'user_id': self.agent_a.id})

    def test_an_agent_cannot_delete_an_order(self):
        with self.assertRaises(AccessError):
            self.own_a.sudo(self.agent_a).unlink()

    def test_an_agent_cannot_change_the_configuration(self):
        with self.assertRaises(AccessError):
            self.type_repair.sudo(self.agent_a).write({'requires_contact': False})
        with self.assertRaises(AccessError):
            self.stage_new.sudo(self.agent_a).write({'name': 'x'})
        with self.assertRaises(AccessError):
            self.team_a.sudo(self.agent_a).write({'leader_id': self.agent_a.id})

    def test_an_agent_keeps_seeing_an_order_they_own_after_a_transfer(self):
        ticket = self.create_ticket(self.agent_a)
        ticket.sudo(self.leader_a).write({'user_id': self.agent_a2.id})
        self.assertEqual(ticket.sudo(self.agent_a).read(['stage_id'])[0]['id'], ticket.id)

    def test_a_leader_sees_every_order_of_their_team_only(self):
        self.assertEqual(self.visible(self.leader_a), self.own_a | self.colleague_a2 | self.unassigned_a)
        self.assertEqual(self.visible(self.leader_b), self.unassigned_b | self.assigned_b)

    def test_a_leader_can_reassign_within_the_team(self):
        self.colleague_a2.sudo(self.leader_a).write({'user_id': self.agent_a.id})
        self.assertEqual(self.colleague_a2.user_id, self.agent_a)

    def test_a_supervisor_sees_the_teams_they_supervise(self):
        self.assertEqual(self.visible(self.supervisor), self.all_tickets)

    def test_a_director_sees_and_deletes_anything(self):
        self.assertEqual(self.visible(self.director), self.all_tickets)
        self.assigned_b.sudo(self.director).unlink()
        self.assertFalse(self.assigned_b.exists())

    def test_an_inspector_reads_all_but_writes_only_their_own(self):
        self.assertEqual(self.visible(self.inspector), self.all_tickets)
        with self.assertRaises(AccessError):
            self.assigned_b.sudo(self.inspector).write({'priority': '3'})

    def test_role_groups_imply_each_other(self):
        self.assertTrue(self.leader_a.has_group('cs_helpdesk.group_cs_agent'))
        self.assertTrue(self.supervisor.has_group('cs_helpdesk.group_cs_leader'))
        self.assertTrue(self.director.has_group('cs_helpdesk.group_cs_supervisor'))
        self.assertFalse(self.agent_a.has_group('cs_helpdesk.group_cs_leader'))
        self.assertFalse(self.supervisor.has_group('cs_helpdesk.group_cs_director'))

    def test_the_configuration_menu_is_for_supervisors(self):
        menus = self.env['ir.ui.menu']
        config = self.env.ref('cs_helpdesk.cs_config_root_menu')
        self.assertNotIn(config, menus.sudo(self.agent_a).search([('id', '=', config.id)]))
        self.assertIn(config, menus.sudo(self.supervisor).search([('id', '=', config.id)]))
        root = self.env.ref('cs_helpdesk.cs_root_menu')
        self.assertIn(root, menus.sudo(self.agent_a).search([('id', '=', root.id)]))
