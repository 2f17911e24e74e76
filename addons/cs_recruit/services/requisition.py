"""Rules of a recruiting requisition for customer-service agents (R1), without any Odoo import.

* Recruiting target: hire ``need`` people, recruit ``need × (1 + buffer %)`` candidates, rounded up, because
  some candidates drop out between offer and the end of training (S4: raise the need by 50 %).
* Campaign window: from publishing the vacancy to choosing the candidates should not take more than four
  weeks (S0); a campaign open longer than the warning limit is flagged.
* Requirements of the post (S4): education at least junior college (大专), age 20-40, standard Mandarin,
  typing at least 50 Chinese characters a minute, Office skills. :func:`check_requirements` compares a
  candidate's profile with them and says which ones fail and why; resume screening (R3) reuses it.

The functions take and return plain values (ints, dates, dicts, named tuples) so they can be tested in
milliseconds and called from models, crons and imports alike.
"""
from collections import namedtuple
from datetime import date
from decimal import Decimal, ROUND_CEILING

DEFAULT_BUFFER_PERCENT = 50
DEFAULT_CAMPAIGN_WARNING_DAYS = 28

# Ordered scales, lowest first: a requirement is met by its level or any later one.
EDUCATION_LEVELS = [
    ('junior_high', 'Junior high school'),
    ('high_school', 'High school or technical secondary school'),
    ('junior_college', 'Junior college'),
    ('bachelor', 'Bachelor'),
    ('master', 'Master'),
    ('doctor', 'Doctorate'),
]
# Levels of the national Putonghua proficiency test (普通话水平测试), from 3B (lowest) to 1A (highest).
MANDARIN_LEVELS = [
    ('3b', 'Level 3-B'),
    ('3a', 'Level 3-A'),
    ('2b', 'Level 2-B'),
    ('2a', 'Level 2-A'),
    ('1b', 'Level 1-B'),
    ('1a', 'Level 1-A'),
]

DEFAULT_REQUIREMENTS = {
    'min_education': 'junior_college',
    'min_age': 20,
    'max_age': 40,
    'min_typing_speed': 50,
    'min_mandarin_level': '2b',
    'office_skills': True,
}

CampaignWindow = namedtuple('CampaignWindow', 'days_open overdue days_left')
CampaignWindow.__doc__ = """State of a recruiting campaign on a given day.

days_open: whole days from the start to today (or to the end, when the campaign ended earlier);
overdue: True when days_open exceeds the warning limit;
days_left: days still available before the limit is exceeded (negative once overdue).
"""

RequirementFailure = namedtuple('RequirementFailure', 'code required actual reason')
RequirementFailure.__doc__ = """One requirement a candidate does not meet.

code: which requirement ('education', 'age', 'typing_speed', 'mandarin', 'office_skills');
required: the requirement (a level code, a number, or an (min, max) pair for the age);
actual: the candidate's value, None when the profile does not state it;
reason: an English sentence for logs and tests (the Odoo layer shows a translated one).
"""


def recruiting_target(need, buffer_percent=DEFAULT_BUFFER_PERCENT):
    """Return how many candidates to recruit so that ``need`` people are left at the end.

    target = need × (1 + buffer_percent / 100), rounded up to a whole person. Computed in decimal so that
    10 × 1.1 gives 11 and not 12 (binary floats make it 11.000000000000002).

    >>> recruiting_target(10, 50)
    15
    >>> recruiting_target(7, 50)    # 7 × 1.5 = 10.5, rounded up
    11

    Raises ValueError when the need or the buffer is negative.
    """
    if need is None or buffer_percent is None:
        raise ValueError("the need and the buffer are required")
    if need < 0:
        raise ValueError("the headcount needed cannot be negative (got %s)" % need)
    if buffer_percent < 0:
        raise ValueError("the buffer cannot be negative (got %s %%)" % buffer_percent)
    exact = Decimal(str(need)) * (Decimal(100) + Decimal(str(buffer_percent))) / Decimal(100)
    return int(exact.to_integral_value(rounding=ROUND_CEILING))


def campaign_window(start, today, end=None, warning_days=DEFAULT_CAMPAIGN_WARNING_DAYS):
    """Return the :class:`CampaignWindow` of a campaign started on ``start`` (a ``date``), seen on ``today``.

    A campaign that ended (``end`` on or before ``today``) stops counting at its end. The campaign is overdue
    when it has been open more than ``warning_days`` days: with the default 28, a campaign started 28 days
    ago is still on time, one started 29 days ago is overdue. Returns None when there is no start date.
    Raises ValueError when the limit is negative or the end is before the start.
    """
    if warning_days is None or warning_days < 0:
        raise ValueError("the warning limit must be zero or more days (got %s)" % warning_days)
    if not start:
        return None
    if end and end < start:
        raise ValueError("the campaign ends (%s) before it starts (%s)" % (end, start))
    last_day = min(end, today) if end else today
    days_open = max((last_day - start).days, 0)
    return CampaignWindow(days_open=days_open, overdue=days_open > warning_days,
                          days_left=warning_days - days_open)


def age_on(birth_date, on_date):
    """Return the age in whole years of someone born on ``birth_date`` on ``on_date`` (both ``date``)."""
    had_birthday = (on_date.month, on_date.day) >= (birth_date.month, birth_date.day)
    return on_date.year - birth_date.year - (0 if had_birthday else 1)


def _rank(scale, code):
    codes = [key for key, _label in scale]
    return codes.index(code) if code in codes else None


def _label(scale, code):
    return dict(scale).get(code, code)


def check_requirements(profile, requirements=None):
    """Compare a candidate's ``profile`` with the ``requirements`` of a post; return the failed ones.

    ``profile`` is a dict with any of: ``education`` (a code of :data:`EDUCATION_LEVELS`), ``age`` (years;
    or ``birth_date`` with ``on_date``, both ``date``), ``typing_speed`` (Chinese characters a minute),
    ``mandarin_level`` (a code of :data:`MANDARIN_LEVELS`), ``office_skills`` (bool).
    ``requirements`` is a dict with any of the keys of :data:`DEFAULT_REQUIREMENTS` (the default); a key
    that is missing or empty (None, False, 0) is not required. A required value the profile does not state
    fails too, with actual = None: screening cannot pass what it cannot see.

    Returns a list of :class:`RequirementFailure`, empty when the candidate meets every requirement, in the
    order education, age, typing speed, Mandarin, Office skills.
    """
    if requirements is None:
        requirements = DEFAULT_REQUIREMENTS
    failures = []

    min_education = requirements.get('min_education')
    if min_education:
        education = profile.get('education')
        rank = _rank(EDUCATION_LEVELS, education)
        if rank is None or rank < _rank(EDUCATION_LEVELS, min_education):
            failures.append(RequirementFailure(
                'education', min_education, education,
                "education %s is below the required %s" % (
                    _label(EDUCATION_LEVELS, education), _label(EDUCATION_LEVELS, min_education))
                if education else "education not stated (required: %s)" % _label(EDUCATION_LEVELS, min_education)))

    min_age, max_age = requirements.get('min_age'), requirements.get('max_age')
    if min_age or max_age:
        age = profile.get('age')
        if age is None and profile.get('birth_date'):
            age = age_on(profile['birth_date'], profile.get('on_date') or date.today())
        if age is None:
            failures.append(RequirementFailure('age', (min_age, max_age), None, "age not stated"))
        elif min_age and age < min_age:
            failures.append(RequirementFailure(
                'age', (min_age, max_age), age, "age %s is below the minimum of %s" % (age, min_age)))
        elif max_age and age > max_age:
            failures.append(RequirementFailure(
                'age', (min_age, max_age), age, "age %s is above the maximum of %s" % (age, max_age)))

    min_typing_speed = requirements.get('min_typing_speed')
    if min_typing_speed:
        typing_speed = profile.get('typing_speed')
        if typing_speed is None:
            failures.append(RequirementFailure('typing_speed', min_typing_speed, None, "typing speed not stated"))
        elif typing_speed < min_typing_speed:
            failures.append(RequirementFailure(
                'typing_speed', min_typing_speed, typing_speed,
                "typing speed %s characters/min is below the required %s" % (typing_speed, min_typing_speed)))

    min_mandarin_level = requirements.get('min_mandarin_level')
    if min_mandarin_level:
        mandarin_level = profile.get('mandarin_level')
        rank = _rank(MANDARIN_LEVELS, mandarin_level)
        if rank is None or rank < _rank(MANDARIN_LEVELS, min_mandarin_level):
            failures.append(RequirementFailure(
                'mandarin', min_mandarin_level, mandarin_level,
                "Mandarin %s is below the required %s" % (
                    _label(MANDARIN_LEVELS, mandarin_level), _label(MANDARIN_LEVELS, min_mandarin_level))
                if mandarin_level else "Mandarin level not stated (required: %s)" % _label(
                    MANDARIN_LEVELS, min_mandarin_level)))

    if requirements.get('office_skills') and not profile.get('office_skills'):
        failures.append(RequirementFailure('office_skills', True, profile.get('office_skills'),
                                           "Office skills are required"))
    return failures
