from odoo.exceptions import AccessError

from .common import HelpdeskCase, rpc


class TestRpcSurface(HelpdeskCase):
    """Public methods are RPC endpoints: those that write as the superuser are private or check the caller."""

    def test_the_demo_generator_is_not_callable_over_rpc(self):
        for method in ('generate', '_generate'):
            with self.assertRaises((AccessError, AttributeError)):
                rpc(self.env, self.agent_a, 'cs.helpdesk.demo', method)

    def test_an_agent_cannot_create_an_order_through_the_mail_gateway_hook(self):
        message = {'subject': '伪造工单', 'body': '...', 'email_from': 'x@example.com', 'from': 'x@example.com'}
        with self.assertRaises(AccessError):
            rpc(self.env, self.agent_a, 'cs.ticket', 'message_new', message,
                {'owner_id': self.agent_a2.id, 'user_id': self.agent_a2.id, 'team_id': self.team_a.id})
        self.assertFalse(self.env['cs.ticket'].search([('name', '=', '伪造工单')]))


class TestRestrictedFields(HelpdeskCase):
    """H9: the confidential customer fields are refused to agents on every path, not only by ``read``."""

    @classmethod
    def setUpClass(cls):
        super(TestRestrictedFields, cls).setUpClass()
        cls.customer.write({'cs_spend': 18000.0, 'cs_birth_year': 1980, 'cs_contract_refs': 'HT-2026-001'})

    def assertRefused(self, user, model, method, *args, **kwargs):
        with self.assertRaises(AccessError, msg='%s %s %s' % (model, method, args or kwargs)):
            rpc(self.env, user, model, method, *args, **kwargs)

    def test_an_agent_cannot_reach_confidential_fields_by_search_group_order_or_export(self):
        self.assertRefused(self.agent_a, 'res.partner', 'search_count', [('cs_spend', '>', 10000)])
        self.assertRefused(self.agent_a, 'res.partner', 'search', [('cs_contract_refs', '=like', 'HT-%')])
        self.assertRefused(self.agent_a, 'res.partner', 'search', [], order='cs_birth_year desc')
        self.assertRefused(self.agent_a, 'res.partner', 'read_group', [], ['cs_spend', 'cs_level'], ['cs_level'])
        self.assertRefused(self.agent_a, 'res.partner', 'read_group', [], ['cs_birth_year'], ['cs_birth_year'])
        self.assertRefused(self.agent_a, 'res.partner', 'read_group', [], ['cs_level'], ['cs_level'],
                           orderby='cs_spend')
        self.assertRefused(self.agent_a, 'res.partner', 'export_data', self.customer.ids, ['name', 'cs_spend'])
        # Through a relation: the customer of a work order.
        self.assertRefused(self.agent_a, 'cs.ticket', 'search_count', [('partner_id.cs_spend', '>', 10000)])
        self.assertRefused(self.agent_a, 'cs.ticket', 'export_data', [], ['name', 'partner_id/cs_spend'])

    def test_grouping_every_field_leaves_out_the_confidential_ones(self):
        groups = rpc(self.env, self.agent_a, 'res.partner', 'read_group', [('id', '=', self.customer.id)], [],
                     ['cs_level'])
        self.assertEqual(len(groups), 1)
        self.assertFalse({'cs_spend', 'cs_birth_year'} & set(groups[0]), "no sum of a confidential figure")

    def test_leaders_may_search_group_and_order_by_them(self):
        self.assertEqual(rpc(self.env, self.leader_a, 'res.partner', 'search_count',
                             [('cs_spend', '>', 10000), ('id', '=', self.customer.id)]), 1)
        groups = rpc(self.env, self.leader_a, 'res.partner', 'read_group', [('id', '=', self.customer.id)],
                     ['cs_spend', 'cs_level'], ['cs_level'])
        self.assertEqual(groups[0]['cs_spend'], 18000.0)
        self.assertTrue(rpc(self.env, self.leader_a, 'res.partner', 'search', [('id', '=', self.customer.id)],
                            order='cs_birth_year desc'))

    def test_ordinary_fields_stay_open_to_agents(self):
        self.assertEqual(rpc(self.env, self.agent_a, 'res.partner', 'search_count',
                             [('cs_level', '=', 'normal'), ('id', '=', self.customer.id)]), 1)
        self.assertTrue(rpc(self.env, self.agent_a, 'res.partner', 'read_group', [('id', '=', self.customer.id)],
                            ['cs_level'], ['cs_level'], orderby='cs_level'))


class TestStageHistoryAccess(HelpdeskCase):
    """The stage history of a work order is read by those who read the order."""

    def test_an_agent_reads_the_history_of_their_orders_only(self):
        own = self.create_ticket(self.agent_a, name='本组工单')
        other = self.create_ticket(self.agent_b, name='他组工单')
        Log = self.env['cs.ticket.stage.log']
        self.assertEqual(Log.sudo(self.agent_a).search([('ticket_id', 'in', (own | other).ids)]).mapped('ticket_id'),
                         own)
        with self.assertRaises(AccessError):
            Log.sudo(self.agent_a).browse(other.sudo().stage_log_ids.ids).read(['ticket_id'])
        self.assertEqual(Log.sudo(self.leader_b).search([('ticket_id', 'in', (own | other).ids)]).mapped('ticket_id'),
                         other)
        self.assertEqual(Log.sudo(self.inspector).search([('ticket_id', 'in', (own | other).ids)]).mapped('ticket_id'),
                         own | other)


class TestProcessFields(HelpdeskCase):
    """What the process sets (owner, SLA, response and closing dates) is read-only for every role."""

    def test_an_agent_cannot_name_another_first_contact_owner(self):
        with self.assertRaises(AccessError):
            self.create_ticket(self.agent_a, owner_id=self.agent_a2.id)
        self.assertEqual(self.create_ticket(self.agent_a, owner_id=self.agent_a.id).owner_id, self.agent_a,
                         "naming oneself, as the process would, is harmless")

    def test_nobody_writes_the_sla_or_the_first_response_by_hand(self):
        ticket = self.create_ticket(self.agent_a)
        for user in (self.agent_a, self.leader_a, self.supervisor, self.director):
            for values in ({'sla_status': 'on_track'}, {'response_deadline': '2030-01-01 00:00:00'},
                           {'resolve_deadline': '2030-01-01 00:00:00'}, {'sla_policy_id': False},
                           {'date_first_response': '2026-01-01 00:00:00'}, {'date_closed': False}):
                with self.assertRaises(AccessError, msg='%s %s' % (user.login, values)):
                    ticket.sudo(user).write(values)
        with self.assertRaises(AccessError):
            self.create_ticket(self.agent_a, date_first_response='2026-01-01 00:00:00')

    def test_a_closed_order_keeps_its_resolution_and_closing_date(self):
        ticket = self.create_ticket(self.agent_a, phone='13805310001', address='济南市历下区经十路 100 号')
        ticket.sudo(self.agent_a).write({'stage_id': self.stage_closed.id, 'resolution': '已解决'})
        self.assertTrue(ticket.date_closed, "the process stamps the closing date")
        for values in ({'resolution': '改写'}, {'date_closed': '2026-01-01 00:00:00'}):
            with self.assertRaises(AccessError, msg=str(values)):
                ticket.sudo(self.agent_a).write(values)
        self.assertEqual(ticket.resolution, '已解决')
        ticket.sudo(self.agent_a).write({'stage_id': self.stage_assigned.id})
        ticket.sudo(self.agent_a).write({'resolution': '重开后补充'})
        self.assertEqual(ticket.resolution, '重开后补充', "a reopened order is edited again")
