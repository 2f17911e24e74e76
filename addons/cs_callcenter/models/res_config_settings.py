from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    cs_qa_sample_percent = fields.Float(related='company_id.cs_qa_sample_percent', string='QA Sample (%)')
