from odoo import fields, models


class ResCompany(models.Model):
    _inherit = 'res.company'

    cs_qa_sample_percent = fields.Float(
        'QA Sample (%)', default=5.0,
        help="Share of each agent's manually answered calls the quality inspectors review every month.")
