import unittest

from odoo.exceptions import AccessError

from odoo.addons.cs_helpdesk.services.customer_profile import age_band

from .common import HelpdeskCase


class TestAgeBand(unittest.TestCase):

    def test_bands(self):
        self.assertEqual(age_band(2007, 2026), 'under_20')   # 19
        self.assertEqual(age_band(2006, 2026), '20_29')      # 20
        self.assertEqual(age_band(1977, 2026), '40_49')      # 49
        self.assertEqual(age_band(1966, 2026), '60_plus')    # 60
        self.assertIsNone(age_band(0, 2026))
        self.assertIsNone(age_band(2030, 2026))


class TestCustomerFile(HelpdeskCase):
    """H9: counts, last contact and satisfaction on the customer; confidential fields for leaders."""

    def test_counts_last_contact_and_satisfaction(self):
        self.create_ticket(self.agent_a, type_id=self.type_complaint.id)
        repair = self.create_ticket(self.agent_a, type_id=self.type_repair.id)
        enquiry = self.create_ticket(self.agent_a, type_id=self.type_consult.id)
        # Three valid evaluations, two satisfied: 2 / 3 = 66.67 %; an invalid one does not count.
        repair.write({'evaluation': 'satisfied', 'evaluation_valid': True})
        enquiry.write({'evaluation': 'dissatisfied', 'evaluation_valid': True})
        third = self.create_ticket(self.agent_a)
        third.write({'evaluation': 'satisfied', 'evaluation_valid': True})
        self.create_ticket(self.agent_a).write({'evaluation': 'dissatisfied', 'evaluation_valid': False})
        customer = self.customer.sudo(self.leader_a)
        self.assertEqual(customer.cs_ticket_count, 5)
        self.assertEqual(customer.cs_complaint_count, 1)
        self.assertEqual(customer.cs_visit_count, 1, "the repair's return visit")
        self.assertAlmostEqual(customer.cs_satisfaction_rate, 66.67, places=2)
        self.assertTrue(customer.cs_last_contact)
        action = customer.action_open_cs_complaints()
        self.assertIn(('type_code', '=', 'complaint'), action['domain'])

    def test_the_age_band_follows_the_birth_year(self):
        self.customer.cs_birth_year = 1990
        self.assertTrue(self.customer.cs_age_band in ('30_39', '40_49'))

    def test_confidential_fields_are_for_leaders(self):
        self.customer.write({'cs_spend': 2400, 'cs_birth_year': 1985, 'cs_contract_refs': 'HT-2026-001'})
        for field in ('cs_spend', 'cs_birth_year', 'cs_contract_refs'):
            with self.assertRaises(AccessError):
                self.customer.sudo(self.agent_a).read([field])
        self.assertEqual(self.customer.sudo(self.leader_a).read(['cs_spend'])[0]['cs_spend'], 2400)
        # What an agent needs on the phone stays readable.
        self.assertTrue(self.customer.sudo(self.agent_a).read(['cs_level', 'cs_age_band', 'cs_gender']))
