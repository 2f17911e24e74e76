from odoo import api, fields, models

from odoo.addons.cs_helpdesk.services.contact_check import DEFAULT_REGION, normalize_phone, phone_search_key


class ResPartner(models.Model):
    """Customer files know their numbers in E.164 form, indexed, so a call finds its caller with one
    index look-up instead of an ``ilike`` over every phone number."""
    _inherit = 'res.partner'

    cs_phone_e164 = fields.Char('Phone (E.164)', compute='_compute_cs_numbers', store=True, index=True)
    cs_mobile_e164 = fields.Char('Mobile (E.164)', compute='_compute_cs_numbers', store=True, index=True)
    cs_number_search = fields.Char(
        'Any Phone Number', compute='_compute_cs_number_search', search='_search_cs_number',
        help="Finds a customer by a mobile or landline number in any form, or by its last 4 to 8 digits.")
    cs_call_ids = fields.One2many('cs.call', 'partner_id', 'Calls')
    cs_call_count = fields.Integer('Calls', compute='_compute_cs_call_count')

    @api.depends('phone', 'mobile', 'company_id')
    def _compute_cs_numbers(self):
        for partner in self:
            region = partner._cs_phone_region()
            partner.cs_phone_e164 = normalize_phone(partner.phone, region) if partner.phone else False
            partner.cs_mobile_e164 = normalize_phone(partner.mobile, region) if partner.mobile else False

    def _compute_cs_number_search(self):
        for partner in self:
            partner.cs_number_search = False  # a search criterion only, never displayed

    def _search_cs_number(self, operator, value):
        key = phone_search_key(value, self._cs_phone_region()) if isinstance(value, str) else None
        if key is None or operator not in ('=', 'ilike', 'like', '=ilike'):
            return [('id', '=', 0)]
        e164, digits = key
        if e164:
            return ['|', ('cs_mobile_e164', '=', e164), ('cs_phone_e164', '=', e164)]
        # The last digits of a number (8 at most: a landline without its area code, a mobile's tail).
        suffix = '%' + digits[-8:]
        return ['|', ('cs_mobile_e164', '=like', suffix), ('cs_phone_e164', '=like', suffix)]

    @api.model
    def name_search(self, name, args=None, operator='ilike', limit=100):
        """Also find customers by any form of their phone numbers (the caller's number in a work order)."""
        if name and operator in ('=', 'ilike', '=ilike', 'like') and phone_search_key(name):
            partners = self.search([('cs_number_search', operator, name)] + list(args or []),
                                   order='customer desc, id', limit=limit)
            if partners:
                return partners.name_get()
        return super(ResPartner, self).name_search(name, args=args, operator=operator, limit=limit)

    @api.multi
    def _compute_cs_call_count(self):
        counts = self._count_by_partner(self.env['cs.call'], [('partner_id', 'in', self.ids)])
        for partner in self:
            partner.cs_call_count = counts.get(partner.id, 0)

    @api.multi
    def _cs_phone_region(self):
        company = self.company_id or self.env.user.company_id
        return company.country_id.code or DEFAULT_REGION

    @api.model
    def cs_find_by_number(self, number):
        """The customer whose mobile or phone is ``number`` (E.164), or an empty recordset."""
        if not number:
            return self.browse()
        return self.search(['|', ('cs_mobile_e164', '=', number), ('cs_phone_e164', '=', number)],
                           order='customer desc, id', limit=1)

    @api.multi
    def action_cs_open_calls(self):
        self.ensure_one()
        action = self.env.ref('cs_callcenter.cs_call_action').read()[0]
        action['domain'] = [('partner_id', '=', self.id)]
        action['context'] = {'default_partner_id': self.id}
        return action
