from datetime import date

from odoo import api, fields, models

from ..services.customer_profile import age_band

CUSTOMER_LEVELS = [
    ('vip', 'VIP / Key Account'),
    ('normal', 'Normal'),
]
GENDERS = [
    ('male', 'Male'),
    ('female', 'Female'),
]
AGE_BANDS = [
    ('under_20', 'Under 20'),
    ('20_29', '20-29'),
    ('30_39', '30-39'),
    ('40_49', '40-49'),
    ('50_59', '50-59'),
    ('60_plus', '60 and Over'),
]
# Personal figures only leaders and above may read (H9: confidential fields restricted).
CONFIDENTIAL = 'cs_helpdesk.group_cs_leader'


class ResPartner(models.Model):
    """The customer file (客户信息档案, H9) of the centre's customers."""
    _inherit = 'res.partner'

    cs_level = fields.Selection(
        CUSTOMER_LEVELS, 'Customer Level', default='normal', index=True, track_visibility='onchange',
        help="VIP and key-account (大客户) customers get a higher priority and their own SLA class.")
    cs_gender = fields.Selection(GENDERS, 'Gender')
    cs_birth_year = fields.Integer('Birth Year', groups=CONFIDENTIAL)
    cs_age_band = fields.Selection(AGE_BANDS, 'Age Band', compute='_compute_cs_age_band', store=True,
                                   compute_sudo=True)
    cs_region = fields.Char('Region', help="Service region or district, as the centre's reports group it.")
    cs_occupation = fields.Char('Occupation')
    cs_service_ids = fields.Many2many('cs.service', string='Services Used')
    cs_spend = fields.Float('Yearly Spend', groups=CONFIDENTIAL)
    cs_contract_refs = fields.Char('Contract References', groups=CONFIDENTIAL)
    cs_ticket_count = fields.Integer('Work Orders', compute='_compute_cs_counts')
    cs_complaint_count = fields.Integer('Complaints', compute='_compute_cs_counts')
    cs_visit_count = fields.Integer('Return Visits', compute='_compute_cs_counts')
    cs_last_contact = fields.Datetime('Last Contact', compute='_compute_cs_counts')
    cs_satisfaction_rate = fields.Float(
        'Satisfaction (%)', compute='_compute_cs_counts',
        help="Satisfied evaluations among the customer's valid evaluations.")

    @api.depends('cs_birth_year')
    def _compute_cs_age_band(self):
        year = date.today().year
        for partner in self:
            partner.cs_age_band = age_band(partner.cs_birth_year, year)

    @api.multi
    def _compute_cs_counts(self):
        Ticket = self.env['cs.ticket']
        domain = [('partner_id', 'in', self.ids)]
        tickets = self._count_by_partner(Ticket, domain)
        last_contacts = self._cs_last_contact_dates()
        complaints = self._count_by_partner(Ticket, domain + [('type_code', '=', 'complaint')])
        evaluated = self._count_by_partner(Ticket, domain + [('evaluation_valid', '=', True)])
        satisfied = self._count_by_partner(
            Ticket, domain + [('evaluation_valid', '=', True), ('evaluation', '=', 'satisfied')])
        visits = self._count_by_partner(self.env['cs.return.visit'], domain)
        for partner in self:
            partner.cs_ticket_count = tickets.get(partner.id, 0)
            partner.cs_last_contact = last_contacts.get(partner.id)
            partner.cs_complaint_count = complaints.get(partner.id, 0)
            partner.cs_visit_count = visits.get(partner.id, 0)
            partner.cs_satisfaction_rate = 100.0 * satisfied.get(partner.id, 0) / evaluated[partner.id] \
                if evaluated.get(partner.id) else 0.0

    @api.multi
    def _cs_last_contact_dates(self):
        """When each customer last contacted the centre (a fact about the customer, whoever handled it).

        Other addons add their own contacts (calls) by extending this method.
        """
        if not self.ids:
            return {}
        self.env.cr.execute("""
            SELECT partner_id, max(create_date) FROM cs_ticket WHERE partner_id IN %s GROUP BY partner_id
        """, (tuple(self.ids),))
        return dict(self.env.cr.fetchall())

    @api.model
    def _count_by_partner(self, model, domain):
        """{partner id: number of ``model`` records} the user may read; none for users without access to
        ``model`` (a recruiter opening a contact), instead of an access error on the contact form."""
        if not model.check_access_rights('read', raise_exception=False):
            return {}
        return {group['partner_id'][0]: group['partner_id_count']
                for group in model.read_group(domain, ['partner_id'], ['partner_id'])}

    @api.multi
    def action_open_cs_tickets(self):
        return self._open_cs_records('cs_helpdesk.cs_ticket_action', [])

    @api.multi
    def action_open_cs_complaints(self):
        return self._open_cs_records('cs_helpdesk.cs_ticket_action', [('type_code', '=', 'complaint')])

    @api.multi
    def action_open_cs_visits(self):
        return self._open_cs_records('cs_helpdesk.cs_return_visit_action', [])

    def _open_cs_records(self, action_xmlid, domain):
        self.ensure_one()
        action = self.env.ref(action_xmlid).read()[0]
        action['domain'] = [('partner_id', '=', self.id)] + domain
        action['context'] = {'default_partner_id': self.id}
        return action
