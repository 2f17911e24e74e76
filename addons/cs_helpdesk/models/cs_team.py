from odoo import api, fields, models
from odoo.tools.safe_eval import safe_eval


class CsTeam(models.Model):
    """A team of agents under a shift leader and a supervisor, with its own email alias.

    Mail sent to the alias becomes a work order of the team, unassigned, for the team's agents to take.
    """
    _name = 'cs.team'
    _description = 'Customer Service Team'
    _inherit = ['mail.alias.mixin', 'mail.thread']
    _order = 'sequence, name'

    name = fields.Char(required=True, translate=True, track_visibility='onchange')
    code = fields.Char(help="Short code used in reports and by the telephone system.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one('res.company', default=lambda self: self.env.user.company_id, required=True)
    leader_id = fields.Many2one(
        'res.users', 'Shift Leader', track_visibility='onchange',
        help="Takes the team's escalations: city-level complaints, overdue orders, unreachable customers.")
    supervisor_id = fields.Many2one(
        'res.users', 'Supervisor', track_visibility='onchange',
        help="Takes provincial complaints and approves the team's rosters and appraisals.")
    member_ids = fields.Many2many(
        'res.users', 'cs_team_member_rel', 'team_id', 'user_id', string='Members',
        help="Agents of the team: they see and take the team's unassigned work orders.")
    ticket_ids = fields.One2many('cs.ticket', 'team_id', 'Work Orders')
    open_ticket_count = fields.Integer(compute='_compute_ticket_counts')
    unassigned_ticket_count = fields.Integer(compute='_compute_ticket_counts')

    _sql_constraints = [
        ('code_company_unique', 'unique(code, company_id)', 'Team codes must be unique per company.'),
    ]

    @api.multi
    def _compute_ticket_counts(self):
        domain = [('team_id', 'in', self.ids), ('stage_id.kind', 'not in', ('resolved', 'closed'))]
        open_counts = self._count_tickets_by_team(domain)
        unassigned_counts = self._count_tickets_by_team(domain + [('user_id', '=', False)])
        for team in self:
            team.open_ticket_count = open_counts.get(team.id, 0)
            team.unassigned_ticket_count = unassigned_counts.get(team.id, 0)

    def _count_tickets_by_team(self, domain):
        groups = self.env['cs.ticket'].read_group(domain, ['team_id'], ['team_id'])
        return {group['team_id'][0]: group['team_id_count'] for group in groups}

    def get_alias_model_name(self, vals):
        return 'cs.ticket'

    def get_alias_values(self):
        values = super(CsTeam, self).get_alias_values()
        defaults = safe_eval(self.alias_defaults or '{}')
        defaults['team_id'] = self.id
        values['alias_defaults'] = defaults
        return values

    @api.multi
    def action_open_tickets(self):
        """Open the team's work orders still to be done, unassigned first."""
        self.ensure_one()
        action = self.env.ref('cs_helpdesk.cs_ticket_action').read()[0]
        action['domain'] = [('team_id', '=', self.id)]
        action['context'] = {'default_team_id': self.id, 'search_default_filter_open': 1}
        return action
