from odoo import fields, models


class ResPartner(models.Model):
    """Candidates' contacts are ordinary partners: the record rules of security/res_partner_security.xml
    show them to recruitment users only, through the applications that name them."""
    _inherit = 'res.partner'

    cs_applicant_ids = fields.One2many('hr.applicant', 'partner_id', 'Applications',
                                       groups='hr_recruitment.group_hr_recruitment_user')
