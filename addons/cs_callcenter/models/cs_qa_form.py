from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CsQaForm(models.Model):
    """A quality inspection scorecard: weighted criteria totalling 100, some of them fatal."""
    _name = 'cs.qa.form'
    _description = 'Quality Inspection Form'
    _order = 'name'

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    criterion_ids = fields.One2many('cs.qa.criterion', 'form_id', 'Criteria', copy=True)
    weight_total = fields.Float('Total Weight', compute='_compute_weight_total')

    @api.depends('criterion_ids.weight')
    def _compute_weight_total(self):
        for form in self:
            form.weight_total = sum(form.criterion_ids.mapped('weight'))

    @api.constrains('criterion_ids')
    def _check_weights_total(self):
        for form in self:
            total = sum(form.criterion_ids.mapped('weight'))
            if abs(total - 100) > 0.001:
                raise ValidationError(_('The weights of the criteria of the form "%s" total %s: they must total 100.')
                                      % (form.name, total))


class CsQaCriterion(models.Model):
    _name = 'cs.qa.criterion'
    _description = 'Quality Inspection Criterion'
    _order = 'form_id, sequence, id'

    form_id = fields.Many2one('cs.qa.form', 'Form', required=True, ondelete='cascade', index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    weight = fields.Float(required=True, help="Points of the criterion; the weights of a form total 100.")
    fatal = fields.Boolean(help="A failed line of a fatal criterion makes the score of the review 0.")

    @api.constrains('weight')
    def _check_weight_positive(self):
        for criterion in self:
            if criterion.weight <= 0:
                raise ValidationError(_('The weight of the criterion "%s" must be above 0.') % criterion.name)

    @api.multi
    def write(self, vals):
        result = super(CsQaCriterion, self).write(vals)
        if 'weight' in vals:
            self.mapped('form_id')._check_weights_total()
        return result
