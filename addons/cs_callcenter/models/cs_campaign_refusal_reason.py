from odoo import fields, models


class CsCampaignRefusalReason(models.Model):
    """Why a customer said no, chosen on a refused attempt (refusal analysis)."""
    _name = 'cs.campaign.refusal.reason'
    _description = 'Refusal Reason'
    _order = 'sequence, id'

    name = fields.Char('Reason', required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
