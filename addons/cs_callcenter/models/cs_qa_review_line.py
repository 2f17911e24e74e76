from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class CsQaReviewLine(models.Model):
    _name = 'cs.qa.review.line'
    _description = 'Quality Review Line'
    _order = 'review_id, sequence, id'

    review_id = fields.Many2one('cs.qa.review', 'Review', required=True, ondelete='cascade', index=True)
    criterion_id = fields.Many2one('cs.qa.criterion', 'Criterion', required=True, ondelete='restrict')
    sequence = fields.Integer(related='criterion_id.sequence', store=True, readonly=True)
    weight = fields.Float(related='criterion_id.weight', readonly=True)
    fatal = fields.Boolean(related='criterion_id.fatal', readonly=True)
    points = fields.Float(help="Points given, from 0 to the weight of the criterion.")
    failed = fields.Boolean(help="The agent failed this criterion; on a fatal criterion the score is 0.")
    note = fields.Char()

    @api.constrains('points', 'criterion_id')
    def _check_points(self):
        for line in self:
            if line.points < 0 or line.points > line.criterion_id.weight:
                raise ValidationError(_('Review "%s", criterion "%s": %s points are outside 0 to %s (its weight).')
                                      % (line.review_id.display_name, line.criterion_id.name, line.points,
                                         line.criterion_id.weight))

    def _check_review_editable(self):
        for review in self.mapped('review_id'):
            if review.state != 'draft':
                raise UserError(_('The review "%s" is no longer a draft: its lines cannot be changed.')
                                % review.display_name)

    @api.model
    def create(self, vals):
        line = super(CsQaReviewLine, self).create(vals)
        line._check_review_editable()
        return line

    @api.multi
    def write(self, vals):
        self._check_review_editable()
        return super(CsQaReviewLine, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_review_editable()
        return super(CsQaReviewLine, self).unlink()
