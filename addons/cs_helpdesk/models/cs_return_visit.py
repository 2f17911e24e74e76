from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

VISIT_STATES = [
    ('planned', 'Planned'),
    ('reached', 'Reached'),
    ('not_reached', 'Not Reached'),
    ('refused', 'Refused'),
    ('cancelled', 'Cancelled'),
]
SATISFACTION = [
    ('satisfied', 'Satisfied'),
    ('neutral', 'Neutral'),
    ('dissatisfied', 'Dissatisfied'),
]


class CsReturnVisit(models.Model):
    """A return visit (回访): a call back to a customer after a work order, or for a market survey (H7)."""
    _name = 'cs.return.visit'
    _description = 'Return Visit'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date_due, id'

    name = fields.Char(compute='_compute_name', store=True)
    ticket_id = fields.Many2one('cs.ticket', 'Work Order', index=True, ondelete='cascade')
    partner_id = fields.Many2one('res.partner', 'Customer', required=True, index=True)
    phone = fields.Char(compute='_compute_phone', string='Phone')
    rule_id = fields.Many2one('cs.return.visit.rule', 'Rule', readonly=True, ondelete='set null')
    campaign_id = fields.Many2one('cs.survey.campaign', 'Survey Campaign', index=True, ondelete='cascade')
    survey_input_id = fields.Many2one('survey.user_input', 'Questionnaire Answers', readonly=True)
    team_id = fields.Many2one('cs.team', 'Team', index=True)
    user_id = fields.Many2one('res.users', 'Visiting Agent', index=True, track_visibility='onchange')
    date_due = fields.Datetime('Due', required=True, index=True)
    date_done = fields.Datetime('Done on', readonly=True)
    state = fields.Selection(VISIT_STATES, 'Status', default='planned', required=True, index=True,
                             track_visibility='onchange')
    script = fields.Text()
    opinion = fields.Text('Customer Opinion')
    satisfaction = fields.Selection(SATISFACTION, track_visibility='onchange')
    is_valid = fields.Boolean(
        'Valid', help="An effective visit: the customer was reached and answered the questions. Untick a "
                      "visit that did not really take place (wrong person, call cut short).")
    upsell_attempted = fields.Boolean('Upsell Attempted')
    upsell_note = fields.Char('Upsell Result')
    problem_found = fields.Boolean(
        'Problem Found', help="The customer's problem is not solved: the work order was reopened.")
    is_overdue = fields.Boolean('Overdue', compute='_compute_is_overdue', search='_search_is_overdue')
    ticket_type_id = fields.Many2one(related='ticket_id.type_id', store=True, readonly=True, string='Order Type')
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id, required=True)

    @api.depends('partner_id', 'ticket_id')
    def _compute_name(self):
        for visit in self:
            visit.name = '%s / %s' % (visit.ticket_id.number or visit.campaign_id.name or _('Visit'),
                                      visit.partner_id.name or '')

    @api.depends('partner_id', 'ticket_id')
    def _compute_phone(self):
        for visit in self:
            # Read as superuser: the visiting agent may not read the work order itself (another agent's).
            ticket = visit.ticket_id.sudo()
            visit.phone = ticket.phone or visit.partner_id.mobile or visit.partner_id.phone

    @api.depends('state', 'date_due')
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for visit in self:
            visit.is_overdue = visit.state == 'planned' and visit.date_due < now

    def _search_is_overdue(self, operator, value):
        overdue = ['&', ('state', '=', 'planned'), ('date_due', '<', fields.Datetime.now())]
        if (operator == '=') == bool(value):
            return overdue
        return ['|', ('state', '!=', 'planned'), ('date_due', '>=', fields.Datetime.now())]

    @api.multi
    def action_reached(self):
        """The customer answered: record the outcome, and reopen the order when a problem was found."""
        for visit in self:
            if visit.state != 'planned':
                raise UserError(_("Visit %s is already recorded.") % visit.name)
            if not visit.satisfaction:
                raise UserError(_("Record the customer's satisfaction before closing visit %s.") % visit.name)
        self._credit_recording_agent()
        self.write({'state': 'reached', 'date_done': fields.Datetime.now(), 'is_valid': True})
        for visit in self:
            visit._record_evaluation_on_ticket()
            if visit.problem_found:
                visit._reopen_ticket()

    @api.multi
    def action_not_reached(self):
        """Nobody answered: the visit counts as made but not effective; leaders see it for a new try."""
        self._close_without_answer('not_reached')

    @api.multi
    def action_refused(self):
        self._close_without_answer('refused')

    @api.multi
    def action_cancel(self):
        self.write({'state': 'cancelled'})

    @api.multi
    def action_reset(self):
        self.write({'state': 'planned', 'date_done': False, 'is_valid': False})

    @api.multi
    def action_start_questionnaire(self):
        """Open the campaign's questionnaire for this customer (one answer set per visit)."""
        self.ensure_one()
        survey = self.campaign_id.survey_id
        if not survey:
            raise UserError(_("Visit %s has no questionnaire: it belongs to no survey campaign.") % self.name)
        if not self.survey_input_id:
            self.survey_input_id = self.env['survey.user_input'].create({
                'survey_id': survey.id, 'partner_id': self.partner_id.id, 'type': 'manually'})
        return {
            'type': 'ir.actions.act_url',
            'target': 'new',
            'url': '%s/%s' % (survey.with_context(relative_url=True).public_url, self.survey_input_id.token),
        }

    def _close_without_answer(self, state):
        for visit in self:
            if visit.state != 'planned':
                raise UserError(_("Visit %s is already recorded.") % visit.name)
        self._credit_recording_agent()
        self.write({'state': state, 'date_done': fields.Datetime.now(), 'is_valid': False})

    def _credit_recording_agent(self):
        """A visit recorded without a visiting agent is credited to the user who records it."""
        self.filtered(lambda visit: not visit.user_id).write({'user_id': self.env.uid})

    def _record_evaluation_on_ticket(self):
        if self.ticket_id and self.satisfaction:
            self.ticket_id.sudo().write({
                'evaluation': self.satisfaction, 'evaluation_valid': self.is_valid,
                'evaluation_source': 'return_visit', 'evaluation_date': self.date_done})

    def _reopen_ticket(self):
        """Put the order back in progress and say why in both chatters."""
        ticket = self.ticket_id.sudo()
        if not ticket:
            return
        reopen_stage = self.env['cs.ticket.stage'].search([('kind', '=', 'open')], limit=1)
        ticket.write({'stage_id': reopen_stage.id})
        ticket.message_post(body=_("Reopened by return visit %s: %s") % (self.name, self.opinion or ''),
                            subtype='mail.mt_note')
        self.message_post(body=_("The problem is not solved: work order %s was reopened.") % ticket.number,
                          subtype='mail.mt_note')

    @api.model
    def _plan_for_tickets(self, tickets, trigger):
        """Plan the visits the active rules call for when ``tickets`` are recorded or closed (one per rule)."""
        rules = self.env['cs.return.visit.rule'].sudo().search([('trigger', '=', trigger)])
        if not rules:
            return self.browse()
        existing = {(visit.ticket_id.id, visit.rule_id.id) for visit in self.sudo().search(
            [('ticket_id', 'in', tickets.ids), ('rule_id', 'in', rules.ids)])}
        values = []
        for ticket in tickets:
            if not ticket.partner_id:
                continue
            base = fields.Datetime.from_string(ticket.create_date if trigger == 'create' else ticket.date_closed)
            for rule in rules.filtered(lambda rule: rule.type_id == ticket.type_id):
                if (ticket.id, rule.id) in existing:
                    continue
                team = rule.team_id or ticket.team_id
                values.append({
                    'ticket_id': ticket.id, 'partner_id': ticket.partner_id.id, 'rule_id': rule.id,
                    'team_id': team.id, 'user_id': self._planned_agent(ticket, team).id, 'script': rule.script,
                    'date_due': fields.Datetime.to_string(base + timedelta(hours=rule.delay_hours)),
                    'company_id': ticket.company_id.id,
                })
        Visit = self.sudo().with_context(mail_create_nolog=True)
        return Visit.browse([Visit.create(vals).id for vals in values])

    @api.model
    def _planned_agent(self, ticket, team):
        """Who calls the customer back: the order's first-contact owner (H3: they answer for the outcome)
        when they belong to the visiting team; otherwise nobody yet, and any agent of the team takes it."""
        agent = ticket.owner_id or ticket.user_id
        return agent if agent and agent in team.member_ids else self.env['res.users']
