from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    cs_vip_priority = fields.Selection(related='company_id.cs_vip_priority', string='VIP Default Priority')
