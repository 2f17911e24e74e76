from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cs_helpdesk.models.cs_ticket import COMPLAINT_LEVELS

from ..services import kpi_scoring

RULE_KINDS = [
    ('linear', 'Points per Step'),
    ('flat_bonus', 'Points per Step, Flat Bonus Above'),
    ('relative', 'Relative to the Best'),
    ('per_unit', 'Points per Occurrence'),
    ('bands', 'Deduction Bands'),
]
UNITS = [
    ('percent', 'Percent'),
    ('seconds', 'Seconds'),
    ('count', 'Count'),
    ('points', 'Points'),
]
BAND_BASES = [
    ('full', 'Start at 100'),
    ('value', 'Start at the Value'),
]


class CsKpiDefinition(models.Model):
    """One KPI of the agent scorecard (K2) and the rule that turns its raw monthly value into a score."""

    _name = 'cs.kpi.definition'
    _description = 'KPI Definition'
    _order = 'sequence, id'

    code = fields.Char(required=True, help='Stable technical code, used by the scorecard and reports.')
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True, help='How the raw value is measured and scored.')
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    unit = fields.Selection(UNITS, required=True, default='percent',
                            help='Unit of the raw value: rates in percent, times in seconds.')
    rule_kind = fields.Selection(RULE_KINDS, 'Scoring Rule', required=True, default='linear')
    target = fields.Float(help='Value that scores exactly 100.')
    step = fields.Float(default=1.0, help='Size of one full step; partial steps do not count.')
    step_above = fields.Float('Step Above',
                              help='Size of one full step above the target, when it differs from the '
                                   'step below it. Leave 0 to use the same step.')
    points_below = fields.Float('Points per Step Below',
                                help='Points deducted per full step worse than the target '
                                     '(per occurrence for a "Points per Occurrence" rule).')
    points_above = fields.Float('Points per Step Above',
                                help='Points added per full step better than the target '
                                     '(once for a flat bonus, per occurrence for occurrences).')
    lower_is_better = fields.Boolean('Lower Is Better',
                                     help='Tick for values where less is better, such as the response '
                                          'time or the number of complaints.')
    floor = fields.Float(default=kpi_scoring.DEFAULT_FLOOR,
                         help='The score never goes below this figure (70 = at most 30 points deducted).')
    weight = fields.Float(default=1.0, help='Weight of this KPI in the scorecard total.')
    band_base = fields.Selection(BAND_BASES, 'Bands Start', default='full',
                                 help='Start at 100, or at the value itself (100 × a rate).')
    band_ids = fields.One2many('cs.kpi.definition.band', 'definition_id', 'Bands', copy=True)
    level_ids = fields.One2many('cs.kpi.definition.level', 'definition_id', 'Complaint Level Points',
                                copy=True)

    _sql_constraints = [
        ('code_uniq', 'unique (code)', 'The code of a KPI definition must be unique.'),
    ]

    @api.constrains('rule_kind', 'step', 'step_above')
    def _check_step(self):
        for definition in self:
            if definition.rule_kind in ('linear', 'flat_bonus', 'per_unit') and definition.step <= 0:
                raise ValidationError(_('KPI "%s": the step must be greater than zero.') % definition.name)
            if definition.step_above < 0:
                raise ValidationError(_('KPI "%s": the step above the target cannot be negative.')
                                      % definition.name)

    @api.constrains('weight')
    def _check_weight(self):
        for definition in self:
            if definition.weight < 0:
                raise ValidationError(_('KPI "%s": the weight cannot be negative.') % definition.name)

    @api.constrains('floor')
    def _check_floor(self):
        for definition in self:
            if not 0 <= definition.floor <= 100:
                raise ValidationError(_('KPI "%s": the floor must lie between 0 and 100.') % definition.name)

    @api.multi
    def _scoring_rule(self):
        """The frozen service rule built from this definition's parameters."""
        self.ensure_one()
        return kpi_scoring.Rule(
            self.rule_kind,
            target=self.target,
            step=self.step,
            step_above=self.step_above,
            points_below=self.points_below,
            points_above=self.points_above,
            lower_is_better=self.lower_is_better,
            floor=self.floor,
            bands=[(band.threshold, band.points) for band in self.band_ids],
            band_base=self.band_base or 'full',
        )

    @api.multi
    def score(self, value, best=None):
        """Score a raw monthly value (rates in percent, times in seconds, counts).

        ``best`` is the month's top value, required by "Relative to the Best" definitions.
        """
        self.ensure_one()
        if self.rule_kind == 'relative' and best is None:
            raise UserError(_('KPI "%s" is scored against the best value of the month: '
                              'give that value.') % self.name)
        if self.rule_kind == 'bands' and not self.band_ids:
            raise UserError(_('KPI "%s" uses deduction bands but has none: add at least one band.')
                            % self.name)
        return kpi_scoring.score(self._scoring_rule(), value, best=best)

    @api.multi
    def complaint_points(self, counts_by_level):
        """Weighted deduction points of complaint counts, e.g. ``{'hotline': 2, 'city': 1}``.

        The result is the raw value of the complaints KPI, to pass to :meth:`score`.
        """
        self.ensure_one()
        points_by_level = {line.level: line.points for line in self.level_ids}
        return kpi_scoring.complaint_points(counts_by_level, points_by_level)


class CsKpiDefinitionBand(models.Model):
    """A deduction band of a "Deduction Bands" KPI: a value below the threshold loses the points."""

    _name = 'cs.kpi.definition.band'
    _description = 'KPI Deduction Band'
    _order = 'definition_id, threshold desc'

    definition_id = fields.Many2one('cs.kpi.definition', 'KPI', required=True, ondelete='cascade', index=True)
    threshold = fields.Float(required=True, help='A value strictly below this threshold falls in the band.')
    points = fields.Float('Points Deducted', required=True)

    @api.constrains('points')
    def _check_points(self):
        for band in self:
            if band.points < 0:
                raise ValidationError(_('The points deducted by a band cannot be negative.'))


class CsKpiDefinitionLevel(models.Model):
    """Points a complaint of one level costs in the complaints KPI (96123 −3, city −5, province −8)."""

    _name = 'cs.kpi.definition.level'
    _description = 'KPI Complaint Level Points'
    _order = 'definition_id, points'

    definition_id = fields.Many2one('cs.kpi.definition', 'KPI', required=True, ondelete='cascade', index=True)
    level = fields.Selection(COMPLAINT_LEVELS, 'Complaint Level', required=True)
    points = fields.Float('Points per Complaint', required=True)

    _sql_constraints = [
        ('level_uniq', 'unique (definition_id, level)', 'Each complaint level can be listed only once per KPI.'),
    ]
