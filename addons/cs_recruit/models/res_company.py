from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import _

from ..services import analytics, assessment, pipeline, requisition


class ResCompany(models.Model):
    _inherit = 'res.company'

    cs_recruit_buffer_percent = fields.Float(
        'Recruiting Buffer (%)', default=requisition.DEFAULT_BUFFER_PERCENT,
        help="Default share added to the headcount needed of a new job position to set its recruiting target "
             "(S4: 50 %, because candidates drop out between offer and the end of training).")
    cs_recruit_campaign_warning_days = fields.Integer(
        'Campaign Warning (days)', default=requisition.DEFAULT_CAMPAIGN_WARNING_DAYS,
        help="Default number of days a recruiting campaign may stay open before it is flagged (S0: four weeks).")
    cs_recruit_audition_pass_mark = fields.Float(
        'Audition Pass Mark', default=assessment.DEFAULT_AUDITION_PASS_MARK,
        help="Weighted audition score (0-100) a candidate needs to pass the voice audition.")
    cs_recruit_interview_pass_mark = fields.Float(
        'Interview Pass Mark', default=assessment.DEFAULT_INTERVIEW_PASS_MARK,
        help="Mean score of the six competencies (1-5) a candidate needs to pass an interview.")
    cs_recruit_offer_hours = fields.Integer(
        'Offer Validity (hours)', default=pipeline.DEFAULT_OFFER_HOURS,
        help="Hours a candidate has to accept an offer before it lapses (S4: 24 hours).")
    cs_recruit_retention_months = fields.Integer(
        'Retention Period (months)', default=analytics.DEFAULT_RETENTION_MONTHS,
        help="Channel retention counts the hires still employed this many months after being hired (S4: a call "
             "centre agent is formed in three months).")
    cs_recruit_women_band_share = fields.Float(
        'Women per Age Band (%)', default=analytics.DEFAULT_WOMEN_BAND_SHARE,
        help="The structure of hires warns when the women of one age band exceed this share of all hires (S0: "
             "avoid many women in one age band, whose marriages and maternity leaves would come together).")

    @api.constrains('cs_recruit_buffer_percent', 'cs_recruit_campaign_warning_days', 'cs_recruit_audition_pass_mark',
                    'cs_recruit_interview_pass_mark', 'cs_recruit_offer_hours', 'cs_recruit_retention_months',
                    'cs_recruit_women_band_share')
    def _check_cs_recruit_defaults(self):
        for company in self:
            if company.cs_recruit_buffer_percent < 0:
                raise ValidationError(_("The recruiting buffer cannot be negative."))
            if company.cs_recruit_campaign_warning_days < 0:
                raise ValidationError(_("The campaign warning limit cannot be negative."))
            if not 0 <= company.cs_recruit_audition_pass_mark <= 100:
                raise ValidationError(_("The audition pass mark must be between 0 and 100."))
            if not 0 <= company.cs_recruit_interview_pass_mark <= assessment.INTERVIEW_SCORE_MAX:
                raise ValidationError(_("The interview pass mark must be between 0 and 5."))
            if company.cs_recruit_offer_hours <= 0:
                raise ValidationError(_("An offer must stay valid at least one hour."))
            if company.cs_recruit_retention_months <= 0:
                raise ValidationError(_("The retention period must be at least one month."))
            if not 0 <= company.cs_recruit_women_band_share <= 100:
                raise ValidationError(_("The share of women per age band must be between 0 and 100 %."))
