import unittest

from odoo.exceptions import AccessError

from odoo.addons.cs_helpdesk.services.contact_check import phone_search_key

from .common import CallCenterCase


class TestPhoneSearchKey(unittest.TestCase):
    """What a typed phone fragment matches."""

    def test_complete_numbers_give_their_e164_form(self):
        for typed in ('13024454016', '130 2445 4016', '+86 130-2445-4016', '8613024454016'):
            self.assertEqual(phone_search_key(typed), ('+8613024454016', None), typed)
        self.assertEqual(phone_search_key('0531-88881234'), ('+8653188881234', None))

    def test_fragments_give_their_digits_and_names_give_nothing(self):
        self.assertEqual(phone_search_key('4016'), (None, '4016'))
        self.assertEqual(phone_search_key('8888 1234'), (None, '88881234'))
        for typed in ('马建国', 'abc4016', '401', '', False):
            self.assertIsNone(phone_search_key(typed), typed)


class TestPartnerPhoneSearch(CallCenterCase):
    """C3 / issue 11.3: the agent finds the caller by any form of the number, in the customer field."""

    @classmethod
    def setUpClass(cls):
        super(TestPartnerPhoneSearch, cls).setUpClass()
        cls.mobile_customer = cls.env['res.partner'].create({'name': '秦晓雨', 'mobile': '13024454016'})
        cls.landline_customer = cls.env['res.partner'].create({'name': '鲁文博', 'phone': '0531-88881234'})

    def found(self, typed):
        Partner = self.env['res.partner'].sudo(self.agent_a)
        return {partner_id for partner_id, _name in Partner.name_search(typed)}

    def test_a_mobile_by_any_form_and_its_last_digits(self):
        for typed in ('13024454016', '130 2445 4016', '+8613024454016', '4016', '54016', '24454016'):
            self.assertIn(self.mobile_customer.id, self.found(typed), typed)
        self.assertNotIn(self.landline_customer.id, self.found('13024454016'))

    def test_a_landline_with_or_without_its_area_code(self):
        for typed in ('0531-88881234', '053188881234', '88881234', '1234'):
            self.assertIn(self.landline_customer.id, self.found(typed), typed)

    def test_names_are_still_found_by_name(self):
        self.assertEqual(self.found('秦晓雨'), {self.mobile_customer.id})

    def test_the_search_view_finds_by_number(self):
        Partner = self.env['res.partner'].sudo(self.agent_a)
        self.assertEqual(Partner.search([('cs_number_search', 'ilike', '88881234')]), self.landline_customer)
        arch = Partner.fields_view_get(view_type='search')['arch']
        self.assertIn('cs_number_search', arch)


class TestAgentsRegisterCustomers(CallCenterCase):
    """Issue 11.3 / 12.9: the agent who takes a call registers an unknown caller and corrects the file."""

    def test_the_screen_pops_create_customer_works_for_an_agent(self):
        # What the screen pop's "Create Customer" button opens: a partner form with these defaults.
        Partner = self.env['res.partner'].sudo(self.agent_a).with_context(
            default_mobile='+8613900001234', default_customer=True)
        customer = Partner.create({'name': '新来电客户', 'cs_region': '历下区', 'cs_gender': 'female'})
        self.assertEqual(customer.cs_mobile_e164, '+8613900001234')
        customer.write({'city': '济南市', 'cs_occupation': '教师', 'cs_level': 'normal'})
        self.assertEqual(customer.sudo().city, '济南市')

    def test_confidential_fields_and_other_contacts_stay_closed(self):
        customer = self.customer.sudo(self.agent_a)
        customer.write({'street2': '3单元502室'})
        with self.assertRaises(AccessError):
            customer.write({'cs_spend': 9999})
        with self.assertRaises(AccessError):
            self.agent_a2.partner_id.sudo(self.agent_a).write({'phone': '13800000000'})
        with self.assertRaises(AccessError):
            customer.unlink()
