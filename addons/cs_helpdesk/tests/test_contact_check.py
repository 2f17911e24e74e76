import unittest

from odoo.addons.cs_helpdesk.services import contact_check


class TestContactCheck(unittest.TestCase):
    """The pure rule behind 'repair and complaint orders need a valid phone and an address'."""

    def test_a_mobile_number_is_normalised_to_e164(self):
        self.assertEqual(contact_check.normalize_phone('138 0531 0001'), '+8613805310001')

    def test_a_landline_with_area_code_is_valid(self):
        # Jinan's area code 0531 followed by an 8-digit subscriber number.
        self.assertEqual(contact_check.normalize_phone('0531-86123456'), '+8653186123456')

    def test_a_foreign_number_keeps_its_country(self):
        self.assertEqual(contact_check.normalize_phone('+852 2123 4567'), '+85221234567')

    def test_garbage_is_no_number(self):
        self.assertIsNone(contact_check.normalize_phone('12345'))
        self.assertIsNone(contact_check.normalize_phone('call me'))
        self.assertIsNone(contact_check.normalize_phone(''))
        self.assertIsNone(contact_check.normalize_phone(None))

    def test_a_complete_contact_has_no_problem(self):
        self.assertEqual(contact_check.dispatch_problems('13805310001', '历下区经十路 100 号'), [])

    def test_each_missing_piece_is_named(self):
        self.assertEqual(contact_check.dispatch_problems('', '  '),
                         [contact_check.PROBLEM_PHONE_MISSING, contact_check.PROBLEM_ADDRESS_MISSING])
        self.assertEqual(contact_check.dispatch_problems('1380531', '历下区'),
                         [contact_check.PROBLEM_PHONE_INVALID])
