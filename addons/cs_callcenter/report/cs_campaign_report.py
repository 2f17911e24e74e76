from odoo import fields, models, tools

from odoo.addons.cs_helpdesk.models.res_partner import AGE_BANDS, GENDERS

from ..models.cs_campaign_attempt import OUTCOMES


class CsCampaignReport(models.Model):
    """Campaign attempts (C6), one row per attempt, aggregated in SQL by campaign, agent, segment, day and hour.

    The counts are 1/0 per attempt; the connect rate averages 100 (connected) and 0 over all attempts, the
    success rate averages 100 (success) and 0 over the connected attempts only (NULL elsewhere), so both stay
    right in any grouping. Attempts per agent and day (or hour) are the calls per seat.
    """
    _name = 'cs.campaign.report'
    _description = 'Campaign Analysis'
    _auto = False
    _order = 'date desc'

    date = fields.Datetime('Date', readonly=True)
    day = fields.Date('Day', readonly=True, help="The local (China) day of the attempt.")
    hour = fields.Integer('Hour', readonly=True, group_operator=None, help="The local (China) hour, 0–23.")
    campaign_id = fields.Many2one('cs.campaign', 'Campaign', readonly=True)
    team_id = fields.Many2one('cs.team', 'Team', readonly=True)
    user_id = fields.Many2one('res.users', 'Agent', readonly=True)
    partner_id = fields.Many2one('res.partner', 'Customer', readonly=True)
    gender = fields.Selection(GENDERS, 'Gender', readonly=True)
    age_band = fields.Selection(AGE_BANDS, 'Age Band', readonly=True)
    outcome = fields.Selection(OUTCOMES, 'Outcome', readonly=True)
    refusal_reason_id = fields.Many2one('cs.campaign.refusal.reason', 'Refusal Reason', readonly=True)
    company_id = fields.Many2one('res.company', 'Company', readonly=True)
    attempt_count = fields.Integer('Attempts', readonly=True, help="1 per attempt.")
    connected_count = fields.Integer('Connected', readonly=True,
                                     help="1 when the customer was reached (connected, success, refused, callback).")
    success_count = fields.Integer('Successes', readonly=True)
    refused_count = fields.Integer('Refusals', readonly=True)
    connect_rate = fields.Float('Connect Rate (%)', group_operator='avg', readonly=True,
                                help="Average of 100 (connected) and 0 over the attempts.")
    success_rate = fields.Float('Success Rate (%)', group_operator='avg', readonly=True,
                                help="Average of 100 (success) and 0 over the connected attempts.")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW %s AS (
                SELECT attempt.id AS id,
                       attempt.date AS date,
                       (attempt.date AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date AS day,
                       EXTRACT(hour FROM attempt.date AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::int AS hour,
                       attempt.campaign_id AS campaign_id,
                       campaign.team_id AS team_id,
                       attempt.user_id AS user_id,
                       contact.partner_id AS partner_id,
                       partner.cs_gender AS gender,
                       partner.cs_age_band AS age_band,
                       attempt.outcome AS outcome,
                       attempt.refusal_reason_id AS refusal_reason_id,
                       campaign.company_id AS company_id,
                       1 AS attempt_count,
                       CASE WHEN attempt.outcome IN ('connected', 'success', 'refused', 'callback') THEN 1 ELSE 0 END
                           AS connected_count,
                       CASE WHEN attempt.outcome = 'success' THEN 1 ELSE 0 END AS success_count,
                       CASE WHEN attempt.outcome = 'refused' THEN 1 ELSE 0 END AS refused_count,
                       CASE WHEN attempt.outcome IN ('connected', 'success', 'refused', 'callback') THEN 100.0
                            ELSE 0.0 END AS connect_rate,
                       CASE WHEN attempt.outcome IN ('connected', 'success', 'refused', 'callback')
                            THEN (CASE WHEN attempt.outcome = 'success' THEN 100.0 ELSE 0.0 END) END
                           AS success_rate
                  FROM cs_campaign_attempt attempt
                  JOIN cs_campaign campaign ON campaign.id = attempt.campaign_id
                  JOIN cs_campaign_contact contact ON contact.id = attempt.contact_id
                  LEFT JOIN res_partner partner ON partner.id = contact.partner_id
            )
        """ % self._table)
