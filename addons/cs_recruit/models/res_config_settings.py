from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    cs_recruit_buffer_percent = fields.Float(
        related='company_id.cs_recruit_buffer_percent', string='Recruiting Buffer (%)')
    cs_recruit_campaign_warning_days = fields.Integer(
        related='company_id.cs_recruit_campaign_warning_days', string='Campaign Warning (days)')
