from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.safe_eval import safe_eval

CAMPAIGN_STATES = [
    ('draft', 'Draft'),
    ('planned', 'Planned'),
    ('done', 'Done'),
]


class CsSurveyCampaign(models.Model):
    """A market survey (市场调查): a questionnaire put to a filtered list of customers by return visits (H7)."""
    _name = 'cs.survey.campaign'
    _description = 'Market Survey Campaign'
    _inherit = ['mail.thread']
    _order = 'date_due desc, id desc'

    name = fields.Char(required=True, track_visibility='onchange')
    survey_id = fields.Many2one('survey.survey', 'Questionnaire', required=True)
    partner_domain = fields.Char('Customers', default="[('customer', '=', True)]",
                                 help="Which customers to call, as a filter on the customer files.")
    team_id = fields.Many2one('cs.team', 'Team', required=True)
    date_due = fields.Datetime('Visits Due', required=True, default=fields.Datetime.now)
    script = fields.Text(help="Opening words of the call, read before the questionnaire.")
    state = fields.Selection(CAMPAIGN_STATES, 'Status', default='draft', required=True,
                             track_visibility='onchange')
    visit_ids = fields.One2many('cs.return.visit', 'campaign_id', 'Visits')
    visit_count = fields.Integer(compute='_compute_visit_counts')
    reached_count = fields.Integer(compute='_compute_visit_counts')

    @api.depends('visit_ids.state')
    def _compute_visit_counts(self):
        for campaign in self:
            campaign.visit_count = len(campaign.visit_ids)
            campaign.reached_count = len(campaign.visit_ids.filtered(lambda visit: visit.state == 'reached'))

    @api.multi
    def action_plan_visits(self):
        """Plan one visit for each customer the filter selects (customers already planned are skipped)."""
        self.check_access_rights('write')
        self.check_access_rule('write')
        for campaign in self:
            try:
                domain = safe_eval(campaign.partner_domain or '[]')
            except Exception as error:
                raise UserError(_("The customer filter of %s cannot be read: %s") % (campaign.name, error))
            partners = self.env['res.partner'].search(domain)
            if not partners:
                raise UserError(_("The customer filter of %s selects nobody.") % campaign.name)
            already = campaign.visit_ids.mapped('partner_id')
            Visit = self.env['cs.return.visit'].with_context(mail_create_nolog=True)
            for partner in partners - already:
                Visit.create({'campaign_id': campaign.id, 'partner_id': partner.id, 'team_id': campaign.team_id.id,
                              'date_due': campaign.date_due, 'script': campaign.script})
            campaign.state = 'planned'
        return True

    @api.multi
    def action_done(self):
        self.check_access_rights('write')
        self.write({'state': 'done'})

    @api.multi
    def action_open_visits(self):
        self.ensure_one()
        action = self.env.ref('cs_helpdesk.cs_return_visit_action').read()[0]
        action['domain'] = [('campaign_id', '=', self.id)]
        action['context'] = {'default_campaign_id': self.id}
        return action
