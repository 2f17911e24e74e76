import unittest

from odoo.addons.cs_helpdesk.services.sla_matching import first_matching, policy_matches

VIP = {'name': 'vip', 'customer_level': 'vip'}
COMPLAINT = {'name': 'complaint', 'type_ids': [3]}
URGENT_TEAM_A = {'name': 'urgent A', 'team_ids': [1], 'priority_min': '2'}
DEFAULT = {'name': 'default'}
POLICIES = [VIP, COMPLAINT, URGENT_TEAM_A, DEFAULT]


class TestSlaMatching(unittest.TestCase):

    def test_the_first_matching_policy_wins(self):
        vip_complaint = {'type_id': 3, 'team_id': 1, 'priority': '0', 'customer_level': 'vip'}
        self.assertIs(first_matching(POLICIES, vip_complaint), VIP)
        complaint = dict(vip_complaint, customer_level='normal')
        self.assertIs(first_matching(POLICIES, complaint), COMPLAINT)

    def test_a_minimum_priority_includes_higher_ones(self):
        self.assertTrue(policy_matches(URGENT_TEAM_A, {'team_id': 1, 'priority': '3'}))
        self.assertTrue(policy_matches(URGENT_TEAM_A, {'team_id': 1, 'priority': '2'}))
        self.assertFalse(policy_matches(URGENT_TEAM_A, {'team_id': 1, 'priority': '1'}))
        self.assertFalse(policy_matches(URGENT_TEAM_A, {'team_id': 2, 'priority': '3'}))

    def test_without_criteria_everything_matches(self):
        self.assertIs(first_matching(POLICIES, {'type_id': 9, 'priority': '0'}), DEFAULT)
        self.assertIsNone(first_matching([COMPLAINT], {'type_id': 9}))
