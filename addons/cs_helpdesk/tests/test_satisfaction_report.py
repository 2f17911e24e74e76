from .common import HelpdeskCase


class TestSatisfactionFigures(HelpdeskCase):
    """H7/H8: the monthly figures come from SQL views, per agent and team."""

    def test_satisfaction_per_agent(self):
        # Agent A: 3 valid evaluations, 2 satisfied -> 66.67 %; one invalid evaluation is left out of the rate.
        # Agent B: 1 valid evaluation, satisfied -> 100 %.
        for evaluation, valid in [('satisfied', True), ('satisfied', True), ('neutral', True), ('dissatisfied', False)]:
            self.create_ticket(self.agent_a).write({'evaluation': evaluation, 'evaluation_valid': valid})
        self.create_ticket(self.agent_b).write({'evaluation': 'satisfied', 'evaluation_valid': True})
        Report = self.env['cs.satisfaction.report']
        Report.invalidate_cache()
        users = (self.agent_a | self.agent_b).ids
        groups = {group['user_id'][0]: group for group in Report.read_group(
            [('user_id', 'in', users)], ['user_id', 'evaluation_count', 'valid_count', 'satisfaction_rate'], ['user_id'])}
        self.assertEqual(groups[self.agent_a.id]['evaluation_count'], 4)
        self.assertEqual(groups[self.agent_a.id]['valid_count'], 3)
        self.assertAlmostEqual(groups[self.agent_a.id]['satisfaction_rate'], 200.0 / 3, places=2)
        self.assertAlmostEqual(groups[self.agent_b.id]['satisfaction_rate'], 100.0)

    def test_repair_visit_rates_per_agent(self):
        # Four repair orders of agent A: visits made on three (reached+valid, reached+invalid, not reached),
        # none on the fourth. Return-visit rate 3 / 4 = 75 %; effective rate 1 / 3 = 33.33 %.
        tickets = [self.create_ticket(self.agent_a, type_id=self.type_repair.id) for _ in range(4)]
        outcomes = [('satisfied', True), ('neutral', False), None, 'planned']
        for ticket, outcome in zip(tickets, outcomes):
            visit = ticket.visit_ids
            if outcome == 'planned':
                continue
            if outcome is None:
                visit.action_not_reached()
                continue
            visit.write({'satisfaction': outcome[0], 'user_id': self.agent_a.id})
            visit.action_reached()
            visit.is_valid = outcome[1]
        Report = self.env['cs.return.visit.report']
        Report.invalidate_cache()
        domain = [('ticket_id', 'in', [ticket.id for ticket in tickets])]
        group = Report.read_group(domain, ['team_id', 'repair_count', 'visit_rate', 'effective_rate'], ['team_id'])[0]
        self.assertEqual(group['team_id'][0], self.team_a.id)
        self.assertEqual(group['repair_count'], 4)
        self.assertAlmostEqual(group['visit_rate'], 75.0)
        self.assertAlmostEqual(group['effective_rate'], 100.0 / 3, places=2)

    def test_agents_have_no_access_to_the_analysis(self):
        from odoo.exceptions import AccessError
        with self.assertRaises(AccessError):
            self.env['cs.satisfaction.report'].sudo(self.agent_a).search([])
