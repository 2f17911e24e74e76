from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import HelpdeskCase


class TestReturnVisitPlanning(HelpdeskCase):
    """H7: repairs get a visit due 24 h after creation; other types by rule on closing."""

    def test_a_repair_order_plans_a_visit_due_24_hours_later(self):
        ticket = self.create_ticket(self.agent_a, type_id=self.type_repair.id)
        self.assertEqual(len(ticket.visit_ids), 1)
        visit = ticket.visit_ids
        created = fields.Datetime.from_string(ticket.create_date)
        self.assertEqual(visit.date_due, fields.Datetime.to_string(created + timedelta(hours=24)))
        self.assertEqual(visit.partner_id, self.customer)
        self.assertEqual(visit.team_id, self.team_a)
        self.assertEqual(visit.state, 'planned')
        self.assertTrue(visit.script)

    def test_a_complaint_gets_its_visit_when_it_closes(self):
        ticket = self.create_ticket(self.agent_a, type_id=self.type_complaint.id)
        self.assertFalse(ticket.visit_ids)
        ticket.sudo(self.agent_a).write({'root_cause': '沟通不到位', 'resolution': '已致歉',
                                          'stage_id': self.stage_closed.id})
        self.assertEqual(len(ticket.visit_ids), 1)
        # Closing again after a reopening plans nothing new: one visit per order and rule.
        ticket.sudo(self.agent_a).write({'stage_id': self.stage_assigned.id})
        ticket.sudo(self.agent_a).write({'stage_id': self.stage_closed.id})
        self.assertEqual(len(ticket.visit_ids), 1)

    def test_an_enquiry_gets_no_visit_unless_a_rule_says_so(self):
        ticket = self.create_ticket(self.agent_a, type_id=self.type_consult.id)
        ticket.sudo(self.agent_a).write({'stage_id': self.stage_closed.id})
        self.assertFalse(ticket.visit_ids)
        self.env['cs.return.visit.rule'].create({'name': 'Enquiry check', 'type_id': self.type_consult.id,
                                                 'trigger': 'close', 'delay_hours': 2, 'team_id': self.team_b.id})
        other = self.create_ticket(self.agent_a, type_id=self.type_consult.id)
        other.sudo(self.agent_a).write({'stage_id': self.stage_closed.id})
        self.assertEqual(other.sudo().visit_ids.team_id, self.team_b, "the rule's team makes the visit")

    def test_an_overdue_visit_is_flagged(self):
        visit = self.create_ticket(self.agent_a, type_id=self.type_repair.id).visit_ids
        self.assertFalse(visit.is_overdue)
        visit.date_due = '2020-01-01 00:00:00'
        self.assertTrue(visit.is_overdue)
        self.assertIn(visit, self.env['cs.return.visit'].search([('is_overdue', '=', True)]))
        self.assertNotIn(visit, self.env['cs.return.visit'].search([('is_overdue', '=', False)]))


class TestReturnVisitOutcome(HelpdeskCase):

    def setUp(self):
        super(TestReturnVisitOutcome, self).setUp()
        self.ticket = self.create_ticket(self.agent_a, type_id=self.type_repair.id, resolution='更换机顶盒')
        self.ticket.sudo(self.agent_a).write({'stage_id': self.stage_closed.id})
        self.visit = self.ticket.visit_ids.sudo(self.agent_a)

    def test_a_reached_customer_evaluates_the_order(self):
        self.visit.write({'satisfaction': 'satisfied', 'opinion': '修好了', 'upsell_attempted': True})
        self.visit.action_reached()
        self.assertEqual(self.visit.state, 'reached')
        self.assertTrue(self.visit.is_valid)
        self.assertTrue(self.visit.date_done)
        self.assertEqual(self.ticket.evaluation, 'satisfied')
        self.assertTrue(self.ticket.evaluation_valid)
        self.assertEqual(self.ticket.evaluation_source, 'return_visit')

    def test_a_reached_visit_needs_the_satisfaction(self):
        with self.assertRaises(UserError):
            self.visit.action_reached()

    def test_a_problem_found_reopens_the_order_and_says_so_twice(self):
        self.visit.write({'satisfaction': 'dissatisfied', 'opinion': '电视还是没有信号', 'problem_found': True})
        self.visit.action_reached()
        self.assertEqual(self.ticket.stage_id.kind, 'open')
        self.assertFalse(self.ticket.date_closed)
        self.assertTrue(self.ticket.message_ids.filtered(lambda message: '电视还是没有信号' in (message.body or '')))
        self.assertTrue(self.visit.message_ids.filtered(lambda message: self.ticket.number in (message.body or '')))

    def test_not_reached_and_refused_are_not_effective(self):
        self.visit.action_not_reached()
        self.assertEqual(self.visit.state, 'not_reached')
        self.assertFalse(self.visit.is_valid)
        with self.assertRaises(UserError):
            self.visit.action_refused()

    def test_visits_follow_the_team(self):
        self.assertTrue(self.visit.read(['state']), "the order's owner sees the visit planned for them")
        with self.assertRaises(AccessError):
            self.visit.sudo(self.agent_a2).read(['state'])
        self.visit.sudo().user_id = False
        self.assertTrue(self.visit.sudo(self.agent_a2).read(['state']),
                        "an agent of the team sees the team's unassigned visit")
        with self.assertRaises(AccessError):
            self.visit.sudo(self.agent_b).read(['state'])


class TestReturnVisitAgent(HelpdeskCase):
    """The visiting agent (回访坐席) is known from planning to recording."""

    def test_a_repair_visit_is_planned_for_the_orders_owner(self):
        ticket = self.create_ticket(self.agent_a, type_id=self.type_repair.id)
        self.assertEqual(ticket.owner_id, self.agent_a)
        self.assertEqual(ticket.visit_ids.user_id, self.agent_a)

    def test_an_unassigned_visit_is_credited_to_whoever_records_it(self):
        ticket = self.create_ticket(self.agent_a, type_id=self.type_repair.id)
        visit = ticket.visit_ids
        visit.user_id = False
        visit.sudo(self.agent_a2).action_not_reached()
        self.assertEqual(visit.user_id, self.agent_a2)

    def test_the_visit_list_opens_for_an_agent_whatever_the_order(self):
        """An agent's visit may follow an order they cannot read (another agent's): the list still opens."""
        ticket = self.create_ticket(self.agent_a, type_id=self.type_repair.id, phone='13805310009')
        visit = ticket.visit_ids
        visit.user_id = self.agent_a2
        with self.assertRaises(AccessError):
            ticket.sudo(self.agent_a2).read(['phone'])
        Visit = self.env['cs.return.visit'].sudo(self.agent_a2)
        list_fields = list(Visit.fields_view_get(view_type='tree')['fields'])
        rows = Visit.search_read([('id', '=', visit.id)], list_fields)
        self.assertEqual(rows[0]['phone'], '13805310009')
        self.assertEqual(rows[0]['ticket_id'][0], ticket.id)
        Visit.browse(visit.id).read(list(Visit.fields_view_get(view_type='form')['fields']))

    def test_an_agent_sees_the_visits_of_their_own_orders(self):
        ticket = self.create_ticket(self.agent_a, type_id=self.type_repair.id)
        ticket.visit_ids.user_id = self.agent_a2
        self.assertTrue(ticket.visit_ids.sudo(self.agent_a).read(['state']))


class TestSurveyCampaign(HelpdeskCase):
    """A market survey plans visits for a filtered list of customers, with a questionnaire."""

    def test_a_campaign_plans_one_visit_per_selected_customer(self):
        survey = self.env['survey.survey'].create({'title': '宽带满意度调查'})
        self.customer.cs_level = 'vip'
        campaign = self.env['cs.survey.campaign'].create({
            'name': 'VIP survey', 'survey_id': survey.id, 'team_id': self.team_a.id,
            'partner_domain': "[('cs_level', '=', 'vip'), ('id', 'in', %s)]" % [self.customer.id, self.customer_no_address.id]})
        campaign.action_plan_visits()
        self.assertEqual(campaign.visit_ids.mapped('partner_id'), self.customer)
        campaign.action_plan_visits()
        self.assertEqual(len(campaign.visit_ids), 1, "planning twice adds nobody twice")
        action = campaign.visit_ids.action_start_questionnaire()
        self.assertIn(campaign.visit_ids.survey_input_id.token, action['url'])
        self.assertEqual(campaign.visit_ids.survey_input_id.partner_id, self.customer)

    def test_a_filter_selecting_nobody_is_refused(self):
        survey = self.env['survey.survey'].create({'title': 'x'})
        campaign = self.env['cs.survey.campaign'].create({
            'name': 'Nobody', 'survey_id': survey.id, 'team_id': self.team_a.id, 'partner_domain': "[('id', '=', 0)]"})
        with self.assertRaises(UserError):
            campaign.action_plan_visits()
