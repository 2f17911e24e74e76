from odoo import api, fields, models


class CsQaReviewAppeal(models.TransientModel):
    """The reviewed agent's appeal, with its reason."""
    _name = 'cs.qa.review.appeal'
    _description = 'Appeal a Quality Review'

    review_id = fields.Many2one('cs.qa.review', 'Review', required=True,
                                default=lambda self: self.env.context.get('active_id'))
    reason = fields.Text(required=True)

    @api.multi
    def action_confirm(self):
        """Appeal the review (the review checks that the caller is its agent)."""
        self.ensure_one()
        self.review_id.action_appeal(self.reason)
        return {'type': 'ir.actions.act_window_close'}
