from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import _

from ..services import requisition


class ResCompany(models.Model):
    _inherit = 'res.company'

    cs_recruit_buffer_percent = fields.Float(
        'Recruiting Buffer (%)', default=requisition.DEFAULT_BUFFER_PERCENT,
        help="Default share added to the headcount needed of a new job position to set its recruiting target "
             "(S4: 50 %, because candidates drop out between offer and the end of training).")
    cs_recruit_campaign_warning_days = fields.Integer(
        'Campaign Warning (days)', default=requisition.DEFAULT_CAMPAIGN_WARNING_DAYS,
        help="Default number of days a recruiting campaign may stay open before it is flagged (S0: four weeks).")

    @api.constrains('cs_recruit_buffer_percent', 'cs_recruit_campaign_warning_days')
    def _check_cs_recruit_defaults(self):
        for company in self:
            if company.cs_recruit_buffer_percent < 0:
                raise ValidationError(_("The recruiting buffer cannot be negative."))
            if company.cs_recruit_campaign_warning_days < 0:
                raise ValidationError(_("The campaign warning limit cannot be negative."))
