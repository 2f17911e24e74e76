from odoo import fields, models


class CsQaCoaching(models.Model):
    """A GAP coaching note: where the agent should be (goal), where they are (gap) and how to get there (plan)."""
    _name = 'cs.qa.coaching'
    _description = 'Coaching Note'
    _order = 'date desc, id desc'

    user_id = fields.Many2one('res.users', 'Agent', required=True, index=True)
    review_id = fields.Many2one('cs.qa.review', 'Review', ondelete='set null', index=True)
    coach_id = fields.Many2one('res.users', 'Coach', default=lambda self: self.env.user)
    date = fields.Date(default=fields.Date.context_today)
    goal = fields.Text(required=True)
    gap = fields.Text(required=True)
    plan = fields.Text(required=True)
