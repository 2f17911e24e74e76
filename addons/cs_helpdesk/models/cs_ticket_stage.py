from odoo import fields, models

STAGE_KINDS = [
    ('new', 'New'),
    ('open', 'In Progress'),
    ('pending', 'Waiting'),
    ('resolved', 'Resolved'),
    ('closed', 'Closed'),
]


class CsTicketStage(models.Model):
    """A column of the work-order kanban. Its ``kind`` tells the rules what the stage means."""
    _name = 'cs.ticket.stage'
    _description = 'Work Order Stage'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        STAGE_KINDS, required=True, default='open',
        help="New: not yet dispatched. Resolved and Closed stamp the resolution and closing dates; "
             "Closed also notifies the first-contact owner of the outcome.")
    fold = fields.Boolean('Folded in Kanban')
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
