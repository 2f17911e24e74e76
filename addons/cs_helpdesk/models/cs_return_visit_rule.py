from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

VISIT_TRIGGERS = [
    ('create', 'When the Order Is Recorded'),
    ('close', 'When the Order Is Closed'),
]


class CsReturnVisitRule(models.Model):
    """When a work order of a type gets a return visit (回访), how long after, and who makes it (H7)."""
    _name = 'cs.return.visit.rule'
    _description = 'Return Visit Rule'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    type_id = fields.Many2one('cs.ticket.type', 'Work Order Type', required=True, ondelete='cascade')
    trigger = fields.Selection(VISIT_TRIGGERS, required=True, default='close')
    delay_hours = fields.Float('Due after (hours)', default=24.0, required=True,
                               help="The visit is due this many hours after the order is recorded or closed.")
    team_id = fields.Many2one('cs.team', 'Visiting Team',
                              help="Team whose agents make the visits; empty: the work order's team.")
    script = fields.Text('Script', translate=True, help="What the agent says on the return call.")

    @api.constrains('delay_hours')
    def _check_delay_hours(self):
        for rule in self:
            if rule.delay_hours < 0:
                raise ValidationError(_("Return visit rule %s: the delay cannot be negative.") % rule.name)
