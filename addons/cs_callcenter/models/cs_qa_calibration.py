from odoo import api, fields, models

from ..services import qa_sampling


class CsQaCalibration(models.Model):
    """Several inspectors score the same call; the spread shows how far apart their judgements are."""
    _name = 'cs.qa.calibration'
    _description = 'Quality Calibration Session'
    _order = 'date desc, id desc'

    name = fields.Char(required=True)
    date = fields.Date(default=fields.Date.context_today)
    call_id = fields.Many2one('cs.call', 'Call', required=True, ondelete='restrict')
    review_ids = fields.One2many('cs.qa.review', 'calibration_id', 'Reviews')
    score_min = fields.Float('Lowest Score', compute='_compute_figures', store=True)
    score_max = fields.Float('Highest Score', compute='_compute_figures', store=True)
    spread = fields.Float(compute='_compute_figures', store=True, help="Highest score minus lowest score.")
    score_mean = fields.Float('Mean Score', compute='_compute_figures', store=True)

    @api.depends('review_ids.score')
    def _compute_figures(self):
        for calibration in self:
            figures = qa_sampling.calibration_figures(calibration.review_ids.mapped('score'))
            calibration.update(figures)
