"""Resume screening of a candidate (R3), without any Odoo import.

The basic conditions of the post (education, age, typing speed, Mandarin, Office) are those of the requisition
and are checked by :func:`requisition.check_requirements`; screening adds what only the candidate's work history
tells (S0 初选的标准):

* job-hopping (频繁跳槽): more than ``max_employers`` different employers in the last ``years`` years;
* relevant experience: at least ``min_relevant_months`` months in jobs marked as relevant (call centre,
  customer service); zero means not required (S4: 工作经验有无俱可).

A candidate passes when no rule fails; every failed rule is listed, so the recruiter sees all the reasons at once.
"""
from collections import namedtuple
from datetime import date

from .requisition import RequirementFailure, check_requirements

DEFAULT_HOPPING_YEARS = 3
DEFAULT_HOPPING_MAX_EMPLOYERS = 3

WorkPeriod = namedtuple('WorkPeriod', 'employer date_from date_to relevant')
WorkPeriod.__doc__ = """One line of a candidate's work history.

employer: the employer's name (lines with the same name, ignoring case and spaces, are one employer);
date_from, date_to: ``date`` objects, date_to None while the candidate still works there;
relevant: True when the job counts as relevant experience.
"""


def _years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def employers_since(work_history, since, today):
    """Return the sorted names of the employers the candidate worked for between ``since`` and ``today``.

    A job counts when its period overlaps the window: it ended on or after ``since`` (or has not ended) and
    started on or before ``today``. Names are compared without case and surrounding spaces.
    """
    names = {}
    for period in work_history:
        if not period.employer or not period.date_from:
            continue
        end = period.date_to or today
        if end >= since and period.date_from <= today:
            names.setdefault(period.employer.strip().lower(), period.employer.strip())
    return sorted(names.values())


def relevant_months(work_history, today):
    """Return the whole months of relevant experience in ``work_history`` (overlapping jobs counted once)."""
    periods = sorted((period.date_from, min(period.date_to or today, today))
                     for period in work_history if period.relevant and period.date_from)
    days = 0
    covered_until = None
    for start, end in periods:
        if covered_until and start <= covered_until:
            start = covered_until.fromordinal(covered_until.toordinal() + 1)
        if end >= start:
            days += (end - start).days + 1
            covered_until = end
    return days * 12 // 365


def screen(profile, requirements, work_history=(), today=None, hopping_years=DEFAULT_HOPPING_YEARS,
           hopping_max_employers=DEFAULT_HOPPING_MAX_EMPLOYERS, min_relevant_months=0):
    """Screen a candidate; return the list of :class:`RequirementFailure`, empty when the candidate passes.

    ``profile`` and ``requirements`` are those of :func:`requisition.check_requirements` (whose failures come
    first, in its order); ``work_history`` is a list of :class:`WorkPeriod`. Then:

    * ``job_hopping`` (required = (years, max employers), actual = the employers found) when the candidate
      worked for more than ``hopping_max_employers`` employers in the last ``hopping_years`` years; a limit
      of 0 years or 0 employers switches the rule off;
    * ``experience`` (required = months, actual = months found) when ``min_relevant_months`` is set and the
      relevant experience is shorter.
    """
    today = today or date.today()
    profile = dict(profile, on_date=profile.get('on_date') or today)
    failures = list(check_requirements(profile, requirements))
    if hopping_years and hopping_max_employers:
        employers = employers_since(work_history, _years_before(today, hopping_years), today)
        if len(employers) > hopping_max_employers:
            failures.append(RequirementFailure(
                'job_hopping', (hopping_years, hopping_max_employers), employers,
                "%d employers in the last %d years, more than %d (%s)" % (
                    len(employers), hopping_years, hopping_max_employers, ', '.join(employers))))
    if min_relevant_months:
        months = relevant_months(work_history, today)
        if months < min_relevant_months:
            failures.append(RequirementFailure(
                'experience', min_relevant_months, months,
                "%d months of relevant experience, %d required" % (months, min_relevant_months)))
    return failures
