from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    cs_recruit_buffer_percent = fields.Float(
        related='company_id.cs_recruit_buffer_percent', string='Recruiting Buffer (%)')
    cs_recruit_campaign_warning_days = fields.Integer(
        related='company_id.cs_recruit_campaign_warning_days', string='Campaign Warning (days)')
    cs_recruit_audition_pass_mark = fields.Float(
        related='company_id.cs_recruit_audition_pass_mark', string='Audition Pass Mark')
    cs_recruit_interview_pass_mark = fields.Float(
        related='company_id.cs_recruit_interview_pass_mark', string='Interview Pass Mark')
    cs_recruit_offer_hours = fields.Integer(
        related='company_id.cs_recruit_offer_hours', string='Offer Validity (hours)')
    cs_recruit_retention_months = fields.Integer(
        related='company_id.cs_recruit_retention_months', string='Retention Period (months)')
    cs_recruit_women_band_share = fields.Float(
        related='company_id.cs_recruit_women_band_share', string='Women per Age Band (%)')
