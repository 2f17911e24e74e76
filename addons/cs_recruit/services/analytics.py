"""Recruitment analytics (R1 channels, R7), without any Odoo import: the figures from counts made in SQL.

* Funnel: how many candidates reached each stage (a candidate in a later stage has gone through the earlier
  ones); conversion of a stage = reached it / reached the previous stage; overall = reached it / entered.
* Time to hire: days from the application to the hire, mean and median.
* Channel turn-up ratio (S4 面试人员到访比例): candidates who came to their first interview / candidates invited
  to one (interviews not cancelled).
* Channel retention (S4: the forming period of a call centre is three months): of the hires made at least
  ``months`` months ago, the share whose employee is still active (Odoo 11 records a departure by archiving the
  employee; a hire with an archived employee counts as left).
* Hire structure: hires per age band, gender and education; S0 warns against many women in one age band
  (marriage and childbirth at the same time leave the centre short-handed): a warning when the women of one
  band exceed the configured share of all hires. The seeds give no number: the share is configuration.
"""
from collections import namedtuple, OrderedDict

DEFAULT_AGE_BANDS = (20, 25, 30, 35, 40)  # lower bounds: <20, 20-24, 25-29, 30-34, 35-39, 40+
DEFAULT_WOMEN_BAND_SHARE = 40.0
DEFAULT_RETENTION_MONTHS = 3

FunnelStep = namedtuple('FunnelStep', 'stage reached conversion overall')
FunnelStep.__doc__ = """One stage of the funnel: the stage key, the candidates who reached it, the conversion
from the previous stage and from the first one (percent, None when the base is zero)."""

StructureWarning = namedtuple('StructureWarning', 'band women total share limit')


def ratio(part, whole):
    """Return part / whole in percent, 1 decimal, or None when ``whole`` is zero."""
    if not whole:
        return None
    return round(100.0 * part / whole, 1)


def funnel(stages, current_counts):
    """Return the funnel as a list of :class:`FunnelStep`.

    ``stages`` are the stage keys in pipeline order; ``current_counts`` maps a stage key to the number of
    candidates whose current (or last) stage it is. Example: stages A, B, C with 5, 3, 2 candidates now in
    them: 10 reached A, 5 reached B (50 %), 2 reached C (40 % of B, 20 % overall).
    """
    reached = []
    running = 0
    for stage in reversed(list(stages)):
        running += current_counts.get(stage, 0)
        reached.append(running)
    reached.reverse()
    steps = []
    for index, stage in enumerate(stages):
        previous = reached[index - 1] if index else reached[0]
        steps.append(FunnelStep(stage, reached[index], ratio(reached[index], previous),
                                ratio(reached[index], reached[0] if reached else 0)))
    return steps


def time_to_hire(days):
    """Return (mean, median) of the days to hire, 1 decimal, or (None, None) without hires."""
    days = sorted(day for day in days if day is not None)
    if not days:
        return None, None
    middle = len(days) // 2
    median = days[middle] if len(days) % 2 else (days[middle - 1] + days[middle]) / 2.0
    return round(sum(days) / float(len(days)), 1), round(float(median), 1)


def age_band(age, bounds=DEFAULT_AGE_BANDS):
    """Return the label of the age band of ``age`` for the ascending lower ``bounds``: '<20', '20-24', '40+'."""
    if age is None:
        return 'unknown'
    bounds = sorted(bounds)
    if age < bounds[0]:
        return '<%d' % bounds[0]
    for low, high in zip(bounds, bounds[1:]):
        if low <= age < high:
            return '%d-%d' % (low, high - 1)
    return '%d+' % bounds[-1]


def hire_structure(hires, bounds=DEFAULT_AGE_BANDS, women_band_share=DEFAULT_WOMEN_BAND_SHARE):
    """Return the structure of ``hires`` and the S0 warnings.

    ``hires`` is a list of dicts with ``age`` (or None), ``gender`` ('male', 'female', 'other' or None) and
    ``education`` (a code or None). Returns a dict: ``total``, ``age_bands`` (label → count, bands in order),
    ``gender`` (code → count), ``education`` (code → count), ``women_by_band`` (label → count) and ``warnings``
    (a list of :class:`StructureWarning`, one per band whose women exceed ``women_band_share`` percent of all
    hires). Example: 10 hires of which 5 women aged 20-24 → 50 % > 40 %: one warning for 20-24.
    """
    total = len(hires)
    bands = OrderedDict()
    bounds = sorted(bounds)
    for label in ['<%d' % bounds[0]] + [age_band(low, bounds) for low in bounds]:
        bands[label] = 0
    genders, educations, women = OrderedDict(), OrderedDict(), OrderedDict()
    for hire in hires:
        band = age_band(hire.get('age'), bounds)
        bands[band] = bands.get(band, 0) + 1
        gender = hire.get('gender') or 'unknown'
        genders[gender] = genders.get(gender, 0) + 1
        education = hire.get('education') or 'unknown'
        educations[education] = educations.get(education, 0) + 1
        if gender == 'female':
            women[band] = women.get(band, 0) + 1
    warnings = []
    for band, count in women.items():
        share = ratio(count, total)
        if share is not None and share > women_band_share:
            warnings.append(StructureWarning(band, count, total, share, women_band_share))
    return {'total': total, 'age_bands': bands, 'gender': genders, 'education': educations,
            'women_by_band': women, 'warnings': warnings}
