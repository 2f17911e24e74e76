from odoo import fields, models

from odoo.addons.cs_helpdesk.models.res_partner import AGE_BANDS, GENDERS


class CsCampaignScript(models.Model):
    """A sales script (营销话术) of a campaign for a segment; empty criteria match every customer."""
    _name = 'cs.campaign.script'
    _description = 'Campaign Script'
    _order = 'campaign_id, sequence, id'

    campaign_id = fields.Many2one('cs.campaign', 'Campaign', required=True, index=True, ondelete='cascade')
    sequence = fields.Integer(default=10)
    name = fields.Char('Title', required=True)
    body = fields.Text('Script', required=True)
    gender = fields.Selection(GENDERS, 'Gender', help="Empty: every gender.")
    age_band = fields.Selection(AGE_BANDS, 'Age Band', help="Empty: every age band.")
