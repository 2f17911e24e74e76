from odoo import fields, models

CUSTOMER_LEVELS = [
    ('vip', 'VIP / Key Account'),
    ('normal', 'Normal'),
]


class ResPartner(models.Model):
    """The customer file (客户信息档案) of the centre's customers."""
    _inherit = 'res.partner'

    cs_level = fields.Selection(
        CUSTOMER_LEVELS, 'Customer Level', default='normal', index=True, track_visibility='onchange',
        help="VIP and key-account (大客户) customers get a higher priority and their own SLA class.")
