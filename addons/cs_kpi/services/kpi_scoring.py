"""Scoring rules of the agent scorecard (K2, 山东有线《客户服务部考核实施细则》).

Every KPI starts at 100 and moves with the raw value of the month; the result never goes below the
rule's floor (70 by default, i.e. at most 30 points deducted). There is no ceiling: bonuses may lift
a score above 100, as the rules intend.

Raw values: rates in percent (95.0 means 95 %), times in seconds, counts as plain numbers.

Rule kinds:

``linear``
    Start at 100; every *full* ``step`` below the target deducts ``points_below`` and every full
    ``step_above`` above it adds ``points_above`` (``step_above`` 0 means the same as ``step``;
    effective return-visit rate: -2 per 2 % below, +2 per 5 % above). With ``lower_is_better`` (response time) "below" means
    slower, i.e. a value above the target.
``flat_bonus``
    Like ``linear`` below the target, but any value better than the target earns ``points_above``
    once (repair return-visit rate: -2 per 1 % below 99 %, +1 when above).
``relative``
    ``100 × value / best`` where ``best`` is the month's top value (calls answered).
``per_unit``
    A count against a target of zero: every full ``step`` of the count adds ``points_above``
    (adopted suggestions) or, with ``lower_is_better``, deducts ``points_below`` (complaints,
    report errors, absences).
``bands``
    Start at 100 (``band_base='full'``) or at the value itself (``band_base='value'``, e.g. 100 ×
    training attendance rate), then deduct the points of the tightest band the value falls under:
    the band with the lowest threshold that is still strictly above the value.
"""
import math
from collections import namedtuple

KINDS = ('linear', 'flat_bonus', 'relative', 'per_unit', 'bands')
BAND_BASES = ('full', 'value')
BASE_SCORE = 100.0
DEFAULT_FLOOR = 70.0
# Float noise guard: (60 - 58.2) / 0.6 is 2.9999999999999956 in floating point, yet 3 full steps.
_EPSILON = 1e-9

Band = namedtuple('Band', 'threshold points')
Band.__doc__ = """A deduction band: a value strictly below ``threshold`` loses ``points``."""


class Rule(namedtuple('Rule', 'kind target step points_below points_above lower_is_better floor '
                              'bands band_base step_above')):
    """The frozen parameters of one KPI's scoring rule (see the module docstring for the kinds)."""

    __slots__ = ()

    def __new__(cls, kind, target=0.0, step=1.0, points_below=0.0, points_above=0.0,
                lower_is_better=False, floor=DEFAULT_FLOOR, bands=(), band_base='full', step_above=0.0):
        bands = tuple(Band(float(threshold), float(points)) for threshold, points in bands)
        rule = super(Rule, cls).__new__(
            cls, kind, float(target), float(step), float(points_below), float(points_above),
            bool(lower_is_better), float(floor), bands, band_base, float(step_above or 0.0))
        rule.check()
        return rule

    def check(self):
        """Raise ``ValueError`` when the parameters cannot describe a valid rule."""
        if self.kind not in KINDS:
            raise ValueError('unknown rule kind %r (expected one of %s)' % (self.kind, ', '.join(KINDS)))
        if self.kind in ('linear', 'flat_bonus', 'per_unit') and self.step <= 0:
            raise ValueError('the step of a %s rule must be greater than zero' % self.kind)
        if self.step_above < 0:
            raise ValueError('the step above the target cannot be negative')
        if not 0 <= self.floor <= BASE_SCORE:
            raise ValueError('the floor must lie between 0 and 100')
        if self.band_base not in BAND_BASES:
            raise ValueError('unknown band base %r' % (self.band_base,))
        if self.kind == 'bands' and not self.bands:
            raise ValueError('a bands rule needs at least one band')


def full_steps(distance, step):
    """Number of whole ``step`` contained in a non-negative ``distance`` (partial steps do not count)."""
    if distance <= 0:
        return 0
    return int(math.floor(distance / step + _EPSILON))


def band_deduction(value, bands):
    """Points lost by ``value`` under ``bands``: those of the lowest threshold still above it, else 0."""
    under = [band for band in bands if value < band.threshold]
    if not under:
        return 0.0
    return min(under, key=lambda band: band.threshold).points


def complaint_points(counts_by_level, points_by_level):
    """Weighted deduction points of a month's complaints, the raw value of the complaints KPI (K2 #9).

    The complaints KPI is a ``per_unit`` rule of one point per unit, so its raw value is the sum of
    ``count × points`` over the complaint levels, e.g. with the seeds' 3 / 5 / 8 points for a 96123
    hotline / city / provincial complaint, ``{'hotline': 2, 'province': 1}`` gives 2 × 3 + 1 × 8 = 14.
    Levels missing from ``points_by_level`` (a plain "normal" complaint) cost nothing.
    """
    return float(sum(count * points_by_level.get(level, 0.0)
                     for level, count in counts_by_level.items()))


def _gap(rule, value):
    """Signed distance from the target, positive when the value is better than the target."""
    gap = value - rule.target
    return -gap if rule.lower_is_better else gap


def _linear(rule, value):
    gap = _gap(rule, value)
    if gap < 0:
        return BASE_SCORE - rule.points_below * full_steps(-gap, rule.step)
    return BASE_SCORE + rule.points_above * full_steps(gap, rule.step_above or rule.step)


def _flat_bonus(rule, value):
    gap = _gap(rule, value)
    if gap < 0:
        return BASE_SCORE - rule.points_below * full_steps(-gap, rule.step)
    return BASE_SCORE + (rule.points_above if gap > _EPSILON else 0.0)


def _relative(rule, value, best):
    if best is None:
        raise ValueError('a relative KPI needs the best value of the month')
    if best <= 0:
        # Nobody did anything this month: everyone ties with the best.
        return BASE_SCORE
    return BASE_SCORE * value / best


def _per_unit(rule, value):
    units = full_steps(value, rule.step)
    if rule.lower_is_better:
        return BASE_SCORE - rule.points_below * units
    return BASE_SCORE + rule.points_above * units


def _bands(rule, value):
    base = value if rule.band_base == 'value' else BASE_SCORE
    return base - band_deduction(value, rule.bands)


def score(rule, value, best=None):
    """Score the raw ``value`` of a KPI under ``rule`` (a :class:`Rule` or a dict of its parameters).

    ``best`` is the month's top value, needed only by ``relative`` rules. The result is rounded to
    two decimals and never lower than ``rule.floor``.

    >>> score(Rule('linear', target=95, step=1, points_below=1, points_above=1), 92.5)
    98.0
    """
    if isinstance(rule, dict):
        rule = Rule(**rule)
    value = float(value or 0.0)
    if rule.kind == 'linear':
        raw = _linear(rule, value)
    elif rule.kind == 'flat_bonus':
        raw = _flat_bonus(rule, value)
    elif rule.kind == 'relative':
        raw = _relative(rule, value, best)
    elif rule.kind == 'per_unit':
        raw = _per_unit(rule, value)
    else:
        raw = _bands(rule, value)
    return round(max(rule.floor, raw), 2)
