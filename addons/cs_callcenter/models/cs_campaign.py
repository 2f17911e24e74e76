from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.safe_eval import safe_eval

from ..services import dialler_outcomes

CAMPAIGN_STATES = [('draft', 'Draft'), ('running', 'Running'), ('done', 'Done')]
# Figures the attempts produce: read-only for every role, written as the superuser by _refresh_figures.
FIGURE_FIELDS = frozenset(['attempt_count', 'connected_count', 'success_count', 'connect_rate', 'success_rate',
                           'low_success'])
LEADER_GROUP = 'cs_helpdesk.group_cs_leader'


class CsCampaign(models.Model):
    """An outbound campaign (C6, 外呼营销): a contact list worked by its agents with a script per segment."""
    _name = 'cs.campaign'
    _description = 'Outbound Campaign'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'state, id desc'

    name = fields.Char('Campaign', required=True, track_visibility='onchange')
    user_id = fields.Many2one('res.users', 'Owner', required=True, index=True, track_visibility='onchange',
                              default=lambda self: self.env.user)
    team_id = fields.Many2one('cs.team', 'Team', index=True, help="The team whose leaders run the campaign.")
    agent_ids = fields.Many2many('res.users', 'cs_campaign_agent_rel', 'campaign_id', 'user_id', 'Agents')
    partner_domain = fields.Text('Customer Filter', default="[('customer', '=', True)]",
                                 help="An Odoo domain on customers, e.g. [('cs_gender', '=', 'female')].")
    max_attempts = fields.Integer('Max Attempts', default=3)
    alert_min_connected = fields.Integer('Alert after Connected Calls', default=50,
                                         help="The low-success alert waits for this many connected calls.")
    success_alert_percent = fields.Float('Alert below Success Rate (%)', default=1.0)
    state = fields.Selection(CAMPAIGN_STATES, default='draft', required=True, index=True,
                             track_visibility='onchange')
    date_start = fields.Date('Start')
    date_end = fields.Date('End')
    contact_ids = fields.One2many('cs.campaign.contact', 'campaign_id', 'Contacts')
    script_ids = fields.One2many('cs.campaign.script', 'campaign_id', 'Scripts')
    company_id = fields.Many2one('res.company', 'Company', required=True,
                                 default=lambda self: self.env.user.company_id)
    contact_count = fields.Integer('Contacts', compute='_compute_contact_count')
    attempt_count = fields.Integer('Attempts', readonly=True)
    connected_count = fields.Integer('Connected', readonly=True)
    success_count = fields.Integer('Successes', readonly=True)
    connect_rate = fields.Float('Connect Rate (%)', readonly=True, group_operator='avg',
                                help="Connected attempts / attempts × 100.")
    success_rate = fields.Float('Success Rate (%)', readonly=True, group_operator='avg',
                                help="Success attempts / connected attempts × 100.")
    low_success = fields.Boolean('Low Success', readonly=True,
                                 help="At least the alert's connected calls and a success rate below its threshold.")

    @api.multi
    def _compute_contact_count(self):
        Contact = self.env['cs.campaign.contact']
        groups = Contact.read_group([('campaign_id', 'in', self.ids)], ['campaign_id'], ['campaign_id'])
        counts = {group['campaign_id'][0]: group['campaign_id_count'] for group in groups}
        for campaign in self:
            campaign.contact_count = counts.get(campaign.id, 0)

    @api.model
    def create(self, vals):
        self._check_figure_fields(vals)
        return super(CsCampaign, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_figure_fields(vals)
        return super(CsCampaign, self).write(vals)

    @api.model
    def _check_figure_fields(self, vals):
        self._cs_refuse_process_fields(vals, FIGURE_FIELDS, _(
            "The figures of a campaign come from its "
            "attempts and cannot be written by hand: %s."))

    @api.multi
    def _check_manager(self):
        """Only leaders and above, on campaigns they may change, run a campaign's actions."""
        if not self.env.user.has_group(LEADER_GROUP):
            raise AccessError(_("Only team leaders and above manage campaigns."))
        self.check_access_rights('write')
        self.check_access_rule('write')

    # ------------------------------------------------------------------ actions

    @api.multi
    def action_start(self):
        self._check_manager()
        self.write({'state': 'running', 'date_start': fields.Date.context_today(self)})
        return True

    @api.multi
    def action_done(self):
        self._check_manager()
        self.write({'state': 'done', 'date_end': fields.Date.context_today(self)})
        return True

    @api.multi
    def action_draft(self):
        self._check_manager()
        self.write({'state': 'draft'})
        return True

    @api.multi
    def action_generate_contacts(self):
        """Add every customer matching the campaign's filter who has a number, is not on the do-not-call
        list and is not yet in the campaign; return the number added."""
        self._check_manager()
        return self._generate_contacts()

    @api.multi
    def _generate_contacts(self):
        Contact = self.env['cs.campaign.contact']
        added = 0
        for campaign in self:
            try:
                domain = safe_eval(campaign.partner_domain or '[]')
                partners = self.env['res.partner'].search(list(domain))
            except Exception as error:
                raise UserError(_("The customer filter of campaign %s is not a valid domain: %s") % (
                    campaign.name, error))
            numbers = {partner.id: partner.cs_mobile_e164 or partner.cs_phone_e164 for partner in partners}
            existing = set(Contact.sudo().search([('campaign_id', '=', campaign.id)]).mapped('partner_id').ids)
            blocked = self.env['cs.dnc']._blocked_numbers(list(numbers.values()))
            for partner in partners:
                number = numbers[partner.id]
                if not number or number in blocked or partner.id in existing:
                    continue
                Contact.create({'campaign_id': campaign.id, 'partner_id': partner.id, 'phone': number})
                existing.add(partner.id)
                added += 1
        return added

    @api.multi
    def action_open_contacts(self):
        self.ensure_one()
        action = self.env.ref('cs_callcenter.cs_campaign_contact_action').read()[0]
        action['domain'] = [('campaign_id', '=', self.id)]
        action['context'] = {'default_campaign_id': self.id}
        return action

    @api.multi
    def action_print_summary(self):
        self.check_access_rights('read')
        self.check_access_rule('read')
        return self.env.ref('cs_callcenter.action_report_campaign_summary').report_action(self)

    # ------------------------------------------------------------------ figures

    @api.multi
    def _refresh_figures(self):
        """Recount the figures of the campaigns from their attempts (one read_group); give the owner one
        activity when the low-success alert turns on."""
        groups = self.env['cs.campaign.attempt'].sudo().read_group(
            [('campaign_id', 'in', self.ids)], ['campaign_id', 'outcome'], ['campaign_id', 'outcome'], lazy=False)
        counts = {}
        for group in groups:
            counts.setdefault(group['campaign_id'][0], {})[group['outcome']] = group['__count']
        for campaign in self.sudo():
            by_outcome = counts.get(campaign.id, {})
            attempts = sum(by_outcome.values())
            connected = sum(count for outcome, count in by_outcome.items()
                            if outcome in dialler_outcomes.CONNECTED)
            successes = by_outcome.get('success', 0)
            figures = dialler_outcomes.campaign_figures(attempts, connected, successes,
                                                        campaign.alert_min_connected, campaign.success_alert_percent)
            turned_on = figures['low_success'] and not campaign.low_success
            campaign.write(dict(figures, attempt_count=attempts, connected_count=connected,
                                success_count=successes))
            if turned_on:
                campaign._schedule_low_success_activity()

    @api.multi
    def _schedule_low_success_activity(self):
        self.ensure_one()
        # In the owner's language: they read it, whoever's attempt turned the alert on.
        self = self.with_context(lang=self.user_id.lang or self.env.context.get('lang'))
        self.env['mail.activity'].sudo().create({
            'res_model_id': self.env['ir.model']._get_id(self._name),
            'res_id': self.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
            'user_id': self.user_id.id,
            'date_deadline': fields.Date.context_today(self),
            'summary': _("Low success: %s") % self.name,
            'note': _("Campaign %s has a success rate of %.2f %% after %d connected calls (alert below %.2f %%).") % (
                self.name, self.success_rate, self.connected_count, self.success_alert_percent),
        })
