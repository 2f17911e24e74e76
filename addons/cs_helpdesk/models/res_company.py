from odoo import fields, models

from .cs_ticket import PRIORITIES


class ResCompany(models.Model):
    _inherit = 'res.company'

    cs_vip_priority = fields.Selection(
        PRIORITIES, 'VIP Default Priority', default='2', required=True,
        help="Priority a work order of a VIP customer gets when it is recorded with the normal priority.")
